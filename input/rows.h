/* rows.h - tabular rows (a CSV file or an HTML task table) to plan.
 *
 * The contract between the HTML reader (input/html.c, which finds tables whose
 * header row names 牵头/责任/配合 columns) and the CSV reader
 * (input/csv_reader.c, which implements rg_rows_parse). Both readers hand the
 * same row shape to the same column mapper, so a table behaves exactly like
 * the CSV file it would be saved as. */
#ifndef RG_ROWS_H
#define RG_ROWS_H

#include "load.h"
#include "plan.h"

typedef struct rg_row {
  const char *const *cells; /* UTF-8, NUL-terminated; never NULL (empty cell = "") */
  int n;                    /* number of cells; rows may be ragged */
  long lineno;              /* 1-based source line of the row (HTML: the <tr>) */
  /* Optional (NULL: computed when needed): rg_rows_long_key_hash of the
   * long form's task cell and unit cell, computed ahead by another thread. */
  const unsigned *hashes;
} rg_row;

/* Parse rows into plan. rows[0] is the header row; rows[1..nrows) are data.
 * A cell may contain '\n' (CSV quoted newline, or <br>/<p> inside an HTML
 * cell); in a unit column a newline separates units like 、 does. Cells of a
 * rowspan/colspan in HTML are already repeated into every row/column they
 * cover. opts->columns (--columns) overrides the header mapping; opts may be
 * NULL. Strings are borrowed: the plan copies what it keeps. Fails
 * (RG_EINPUT, line = the header's line) when the header names no task or no
 * unit column. O(total cell bytes). Implemented by the CSV reader (h2b). */
rg_status rg_rows_parse(rg_plan *plan, const rg_row *rows, int nrows, const rg_load_opts *opts,
                        rg_error *err);

/* A long-form table (task,role,unit[,kind,...]) read row by row, as the CSV
 * reader streams its records instead of holding them all.
 * rg_rows_long_begin takes the header row; it returns NULL, recording
 * nothing, when the table is not a long form with no lead or support
 * columns, or --columns is wrong (then read it with rg_rows_parse). Each data
 * row then goes to rg_rows_long_row, in order, until one fails; its cells
 * need not outlive the call. The plan is the one rg_rows_parse makes of the
 * same rows, with the same first error. rg_rows_long_end(NULL) does nothing. */
typedef struct rg_rows_long rg_rows_long;
rg_rows_long *rg_rows_long_begin(rg_plan *plan, const rg_row *header, const rg_load_opts *opts);
rg_status rg_rows_long_row(rg_rows_long *s, const rg_row *row, rg_error *err);
void rg_rows_long_end(rg_rows_long *s);
/* For a reader that holds rows ahead (a batch): the columns of the task and
 * unit cells (-1: none), and hints to fetch what a later row's cells will
 * look up: stage 0 some rows ahead, then stage 1 fewer rows ahead. Only
 * speed depends on them. */
void rg_rows_long_columns(const rg_rows_long *s, int *task, int *unit);
/* Room for tasks tasks in all (an estimate: the table of numbers then
 * grows once, not ten times). */
void rg_rows_long_reserve(rg_rows_long *s, size_t tasks);
void rg_rows_long_prefetch(const rg_rows_long *s, const unsigned hashes[2], int stage);
/* The hash of a long form's task or unit cell (rg_row.hashes). */
unsigned rg_rows_long_key_hash(const char *cell, size_t len);

/* 1 if cells (a candidate header row) name a task or id column and a lead or
 * support column (wide form: 序号, 任务, 牵头单位, 责任单位, task, lead...), or
 * task, role and unit columns (long form, respgraph's own edges export).
 * columns is the --columns mapping or NULL. Cells are matched after NFKC,
 * removing white space and line breaks, dropping a trailing ':' and
 * lower-casing ASCII. O(total cell bytes). */
int rg_rows_header_ok(const char *const *cells, int n, const char *columns);
int rg_rows_is_header(const char *const *cells, int n); /* columns = NULL */

/* The header cells as one line for messages: "编号 | 事项 | 主管" (normalised,
 * empty cells left out, cut with "..." to fit size). */
void rg_rows_header_list(const char *const *cells, int n, char *out, size_t size);

#endif
