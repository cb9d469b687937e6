/* report_data.h - figures derived once from plan + results for every report file.
 *
 * Internal to the report writers (report*.c, html*.c, xlsx.c, graphml.c).
 * Nothing here recomputes an analysis: loads per chapter are the same sums
 * the analyzer makes (W_lead * led + W_support * supported), split by the
 * chapter of each task, so a row of chapter loads adds up to the unit's load.
 * O(links + units x chapters) to build. */
#ifndef RG_REPORT_DATA_H
#define RG_REPORT_DATA_H

#include <stddef.h>

#include "plan.h"
#include "report.h"
#include "results.h"

typedef struct rg_report_data {
  const rg_plan *plan;
  const rg_results *res;
  const rg_report_opts *opts;
  int zh;     /* 1 = Chinese page, 0 = English */
  int n_cols; /* chapter columns: n_chapters, +1 "other" when a task has none */
  int has_other_col;
  double *col_load; /* res->n_units rows x n_cols: load of row r in column c */
  int *col_tasks;   /* same shape: number of tasks */
  int n_concrete, n_collective, n_generic;
  int n_open; /* tasks with open_list */
  int n_concrete_links, n_lead_links;
  int n_overloaded;
  double max_load;
  int *task_k; /* plan->n_tasks: concrete units per task */
  /* Inline SVG (sanitised <svg> elements, NUL-terminated) or NULL. */
  char *collab_svg;
  char **ego_svg;           /* plan->n_units entries, or NULL when not drawn */
  char **ego_file;          /* the same: "diagrams/ego-<safe name>.svg" (report.c) */
  const char *diagram_note; /* why diagrams are missing (static), or NULL */
} rg_report_data;

void rg_report_data_init(rg_report_data *d, const rg_plan *plan, const rg_results *res,
                         const rg_report_opts *opts);
/* Frees the arrays and SVG strings (not the plan/results). */
void rg_report_data_destroy(rg_report_data *d);

/* zh or en by the page language. */
const char *rg_report_tr(const rg_report_data *d, const char *zh, const char *en);

/* Column of task t in col_load (its chapter, or the "other" column). */
int rg_report_task_col(const rg_report_data *d, int t);

/* Heading of column c: "一、..." number and title (borrowed from the plan),
 * or the localized "other". */
const char *rg_report_col_number(const rg_report_data *d, int c);
const char *rg_report_col_title(const rg_report_data *d, int c);

/* The column where results row r carries the most load (ties: the first);
 * -1 when there are no columns. */
int rg_report_top_col(const rg_report_data *d, int r);

/* Tasks of plan unit u with role (RG_ROLE_LEAD, RG_ROLE_SUPPORT, or -1 for
 * both) into out (room for plan->units[u].link_count); returns the count. In
 * plan order. */
int rg_report_unit_tasks(const rg_plan *plan, int u, int role, int *out);

/* "Graphviz 2.43.0; libxlsxwriter 1.1.4; libxml2 2.9.14; jansson 2.14": the
 * versions of the output libraries this program was built with (static). */
const char *rg_report_libraries(void);

/* Weight of a role from the analysis options. */
double rg_report_role_weight(const rg_results *res, rg_role role);

/* Format a real the way the CLI does (rg_format_real) into a static-free
 * caller buffer. */
#define RG_NUM_BUF 40

#endif
