/* html_page.h - what the parts of the report page share (html.c, html_table.c,
 * html_chart.c): the page being written and the small pieces every section
 * uses - numbers, links to units, tasks and lists of tasks. Internal to
 * output/. */
#ifndef RG_HTML_PAGE_H
#define RG_HTML_PAGE_H

#include <stdio.h>

#include "report_data.h"
#include "table.h"

typedef struct rg_page {
  FILE *out;
  const rg_report_data *d;
  int *adj_begin; /* plan->n_units + 1: ties of unit u are adj[adj_begin[u] .. adj_begin[u+1]) */
  int *adj;       /* tie indices */
  int *scratch;   /* room for plan->n_tasks task indices */
} rg_page;

/* A real number as every output prints it (rg_format_real). */
void rg_html_num(FILE *out, double v);

/* A number cell of a sortable table: the exact value in data-v (and in
 * title when the shown text differs), the text rounded to digits. */
void rg_html_real_td(FILE *out, double v, int digits);

/* A task number that jumps to the task: <a class="tl" href="#task-N">. */
void rg_html_task_link(rg_page *p, int t);

/* A unit name: a link to its section for a concrete unit, else a span
 * classed by kind. */
void rg_html_unit_ref(rg_page *p, int u);

/* A count of tasks that opens them in the side panel (title: its heading):
 * <a class="cnt" href data-tasks data-title>n</a>; 0 is a plain span. */
void rg_html_count_link(rg_page *p, const int *tasks, int n, const char *href, const char *title);

/* The header cells of a table's columns (<th>); sortable ones carry
 * data-sort="num|str" for html.js. */
void rg_html_thead(rg_page *p, const rg_table *t, int sortable);

/* The rows of a table, one <tr> per line: cells as numbers, links to
 * units, tasks and clusters, counts that open their tasks. */
void rg_html_rows(rg_page *p, const rg_table *t);

/* The plan's document number, issuer and date, those it has, joined by
 * " · " and escaped; returns how many were written. */
int rg_html_doc_meta(rg_page *p);

/* How load and the fence are computed, with this plan's figures, in plain
 * words (no closing full stop). */
void rg_html_load_rule(rg_page *p);

/* The leaders' summary (html_brief.c): hidden on screen, the first page on
 * paper. */
void rg_html_brief(rg_page *p);

#endif
