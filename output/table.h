/* table.h - tables: columns described once, rendered by every writer.
 *
 * A table is a list of columns and a list of rows. Each column is described
 * once by an rg_column (key, Chinese and English label, type, display
 * digits, workbook format and width, width class, formula guard); the
 * descriptions of every table respgraph writes live in output/schema.c.
 * Writers never list columns: they walk a table's columns and ask each cell
 * for its value (rg_table_cell), and render it for their medium:
 *
 *   terminal  rg_table_write(t, RG_FMT_TABLE)   aligned text
 *   CSV       rg_table_write_csv                libcsv quoting, BOM and
 *                                               formula guard on request
 *   JSON      rg_table_json / rg_table_write_json   jansson
 *   XLSX      rg_xlsx_sheet (xlsx.h)            libxlsxwriter
 *   HTML      rg_html_table_* (html.h)          the report page
 *   GraphML   graphml.c                         libxml2's writer
 *
 * Two kinds of table share this interface. A view (rg_table_view, declared
 * in schema.h) reads its cells from the plan and results when a writer asks
 * (nothing is copied). A built table (rg_table_new + the setters) stores its
 * cells; it is the hook for tables made elsewhere, such as a report extra.
 *
 * Ownership: a table copies what it is given to store and frees it in
 * rg_table_free; a view borrows its source (plan, results...), which must
 * outlive it. Rendering is O(rows x columns). */
#ifndef RG_TABLE_H
#define RG_TABLE_H

#include <jansson.h>
#include <stddef.h>
#include <stdio.h>

#include "error.h"
#include "plan.h"

typedef enum { RG_FMT_TABLE = 0, RG_FMT_CSV = 1, RG_FMT_JSON = 2 } rg_format;

/* What a cell holds. Machines (CSV, JSON, terminal) and readers (page,
 * workbook) render each type their own way; see the writers. */
typedef enum {
  RG_COL_STR = 0,     /* text (NULL: empty, JSON null) */
  RG_COL_INT = 1,     /* whole number */
  RG_COL_REAL = 2,    /* real number (non-finite: "nan", JSON null, empty cell) */
  RG_COL_BOOL = 3,    /* true/false; readers see 是/yes or nothing */
  RG_COL_LIST = 4,    /* list of strings: "a;b" in CSV and text, an array in JSON */
  RG_COL_TASK = 5,    /* task reference (plan task index): shown as its number;
                         report.json writes the index; the page links to it */
  RG_COL_TASKS = 6,   /* list of task references */
  RG_COL_UNIT = 7,    /* unit reference (plan unit index): shown as its name;
                         the page links a concrete unit to its section */
  RG_COL_UNITS = 8,   /* list of unit references */
  RG_COL_CLUSTER = 9, /* cluster id, -1 none: a number; the page links it */
  RG_COL_REALS = 10,  /* vector of reals: a JSON array (per-chapter loads) */
} rg_coltype;

/* Column flags. */
enum {
  RG_COLF_WIDE = 1u << 0,      /* width class "wide": a terminal table shows it only when
                                  asked for every column (rg_text_opts.wide) */
  RG_COLF_PERCENT = 1u << 2,   /* a share 0..1: the page shows it x 100 */
  RG_COLF_ZERO_NONE = 1u << 3, /* 0 means unknown: the workbook leaves the cell empty */
  RG_COLF_CODE = 1u << 4,      /* an identifier: <code> on the page */
  RG_COLF_LINKED = 1u << 5,    /* the page renders the number as a link to the tasks
                                  behind it (rg_cell.refs) */
  RG_COLF_ID = 1u << 7,        /* the row's own identifier as printed (a task number):
                                  the page sorts it by the row's position */
  RG_COLF_LINE = 1u << 8,      /* an INT that is a place in the source (cell.i; the getter
                                  also sets cell.s to its label, rg_plan_loc): in a plan
                                  read from Word, Excel or PDF every output shows the label
                                  (¶12, 任务!C12, p3:14) as text, elsewhere the number */
};

/* Which label of a repeated column's instance (rg_column.label). */
enum { RG_LABEL_LONG = 0, RG_LABEL_ABBR = 1, RG_LABEL_HINT = 2 };

/* A raw value and what readers see instead (severity "warning" -> 警告). */
typedef struct rg_value_label {
  const char *value, *zh, *en;
} rg_value_label;

/* One row: i is the primary index (a plan unit, task, tie, cluster...), j a
 * secondary one for tables whose rows are pairs (cluster member, agenda
 * item); -1 when unused. */
typedef struct rg_row {
  int i, j;
} rg_row;

/* The value of one cell. Getters fill it; writers read it and call
 * rg_cell_reset before the next. Pointers are borrowed from the source or
 * from the cell's own scratch (rg_cell_alloc), valid until the reset. */
typedef struct rg_cell {
  const char *s;            /* STR */
  long long i;              /* INT, BOOL, CLUSTER; TASK/UNIT: index, -1 none */
  double r;                 /* REAL */
  const char *const *items; /* LIST */
  int n_items;
  const int *refs; /* TASKS/UNITS: indices; INT/REAL with RG_COLF_LINKED:
                      the tasks behind the number */
  int n_refs;
  const double *reals; /* REALS */
  int n_reals;
  void **owned; /* scratch allocations, freed by rg_cell_reset */
  int n_owned;
  size_t cap_owned;
} rg_cell;

/* Scratch memory that lives until the next rg_cell_reset (zeroed). */
void *rg_cell_alloc(rg_cell *c, size_t size);
/* A formatted string in the cell's scratch. */
const char *rg_cell_printf(rg_cell *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Free the scratch and clear the value; a zeroed cell is ready to use. */
void rg_cell_reset(rg_cell *c);

/* Where the cells of a view come from; every pointer is borrowed and may be
 * NULL when the view's columns do not need it. */
struct rg_results;
struct rg_report_data;
struct rg_meeting_plan;
struct rg_timeline;
typedef struct rg_table_src {
  const rg_plan *plan;
  const struct rg_results *res;     /* analysis tables */
  const struct rg_report_data *rd;  /* per-chapter figures of the report */
  const struct rg_meeting_plan *mp; /* meeting tables */
  int only_unit;                    /* keep the rows about this unit, -1 all */
  int backbone;                     /* ties: only the backbone (backbone.h) */
  int task;                         /* explain table: the task whose names are shown */
  const struct rg_timeline *tl;     /* load per period, --as-of (analyzer/timeline.h) */
} rg_table_src;

/* The description of one column. */
typedef struct rg_column {
  const char *key;     /* CSV header and JSON key: "load" */
  const char *zh, *en; /* labels for readers: 负荷 / load */
  rg_coltype type;
  int digits;                    /* page: digits after the point for reals; -1 exact */
  const char *num_format;        /* workbook number format ("0.0%"), NULL = General */
  unsigned flags;                /* RG_COLF_* */
  double width;                  /* workbook column width in characters (0: 10) */
  const char *hint_zh, *hint_en; /* page header tooltip, or NULL */
  const rg_value_label *values;  /* readers' names for raw STR values, or NULL */
  /* Fill out with the value at row (arg: the instance of a repeated column,
   * e.g. the chapter of a per-chapter load). NULL for a built table. */
  void (*get)(const rg_table_src *src, rg_row row, int arg, rg_cell *out);
  /* A repeated column (RG_VC_PER_CHAPTER in a view): how many instances,
   * and the label of instance arg in a language (zh 1/0) and form
   * (RG_LABEL_*) into buf. NULL otherwise. */
  int (*repeat)(const rg_table_src *src);
  void (*label)(const rg_table_src *src, int arg, int zh, int form, char *buf, size_t size);
} rg_column;

/* A table's description: its columns and its rows. */
typedef struct rg_schema {
  const char *id; /* "units", "tasks"... */
  const rg_column *cols;
  int ncols;
  int kind; /* what a row is: RG_ROW_UNIT, RG_ROW_TASK, RG_ROW_OTHER */
  /* The natural rows into out (room for the count; NULL: count only). */
  int (*rows)(const rg_table_src *src, rg_row *out);
  /* The page class of a row ("over" for an overloaded unit), or NULL. */
  const char *(*row_class)(const rg_table_src *src, rg_row row);
} rg_schema;

/* View column flags: how one output shows a column. */
enum {
  RG_VC_PLAIN = 1u << 0,       /* page: no link on a reference or cluster */
  RG_VC_BADGE = 1u << 1,       /* page: a true BOOL is a badge inside the previous cell */
  RG_VC_NUMBER = 1u << 2,      /* workbook: text that is a number is written as one */
  RG_VC_PER_CHAPTER = 1u << 3, /* repeated once per chapter column of the report (arg) */
  RG_VC_LINE_NUMBER = 1u << 4, /* an RG_COLF_LINE column as its number even in a plan with
                                  locations (report.json's "line") */
  RG_VC_WIDE = 1u << 8,        /* this output's terminal table shows it only with --wide
                                  (like RG_COLF_WIDE, for one view) */
  RG_VC_LOCATED = 1u << 5,     /* shown only for a plan with locations (read from Word,
                                  Excel or PDF): report.json's "location" */
  RG_VC_LABEL_ZH = 1u << 6,    /* the key written (CSV header) is the Chinese label */
  RG_VC_LABEL_EN = 1u << 7,    /* the key written (CSV header) is the English label */
  RG_VC_AS_OF = 1u << 9,       /* shown only when a date was asked about (--as-of: src.tl
                                  with as_of set): the 督查督办 lights */
  RG_VC_DATED = 1u << 10,      /* shown only for a plan with a deadline read as dates, or
                                  with --as-of (like RG_VC_LOCATED): a plan without
                                  deadlines keeps the columns it always had */
};

/* One column of a view: a schema column, as this output shows it. */
typedef struct rg_view_col {
  const char *key;     /* the schema column */
  const char *as;      /* key written instead (CSV header, JSON key), or NULL */
  const char *zh, *en; /* label overrides, or NULL */
  double width;        /* workbook width override, or 0 */
  unsigned flags;      /* RG_VC_* */
  int max;             /* RG_VC_PER_CHAPTER: repeat only up to max chapters (0: any) */
} rg_view_col;

/* View flags. */
enum {
  RG_VIEW_MARK_ROWS = 1u << 0, /* rows get their class on the page; the workbook marks the
                                  first unit column of a marked row */
};

/* One output's selection of a schema: which columns in which order, which
 * rows, with what names. Every view of respgraph is defined in schema.c. */
typedef struct rg_view {
  const rg_schema *schema;
  const char *zh, *en; /* sheet name or title, or NULL */
  const rg_view_col *cols;
  int ncols;
  int (*rows)(const rg_table_src *src, rg_row *out); /* NULL: the schema's rows */
  unsigned flags;                                    /* RG_VIEW_* */
  int freeze_cols; /* workbook: leading columns frozen with the header */
} rg_view;

/* One column of a table as a writer sees it: the description and what the
 * table (view) says about it here. */
typedef struct rg_tcol {
  const rg_column *col;
  const char *key;     /* as written (a view may rename: "number" for "task") */
  const char *zh, *en; /* labels */
  const char *abbr;    /* short page label, or NULL (chapter number "一") */
  const char *hint_zh, *hint_en;
  double width;    /* workbook width */
  unsigned vflags; /* RG_VC_* (schema.h) */
  int arg;         /* instance of a repeated column, else 0 */
} rg_tcol;

typedef struct rg_table rg_table;

/* What rows are (rg_schema.kind). */
enum { RG_ROW_OTHER = 0, RG_ROW_UNIT = 1, RG_ROW_TASK = 2 };

/* ---- views ------------------------------------------------------------- */

/* A table showing view v of src's data (src is copied; what it points to is
 * borrowed and must outlive the table). Never NULL. */
rg_table *rg_table_view(const rg_view *v, const rg_table_src *src);
/* The source of a view (NULL for a built table). */
const rg_table_src *rg_table_source(const rg_table *t);

/* ---- built tables ------------------------------------------------------ */

/* A table with ncols columns named names (keys and labels), types[c] (NULL:
 * all RG_COL_STR), no rows. Never NULL. Strings are copied. */
rg_table *rg_table_new(int ncols, const char *const *names, const rg_coltype *types);
/* Start a new row; cells default to empty / 0 / false / []. */
void rg_table_row(rg_table *t);
/* Set a cell of the current row. s may be NULL (empty / JSON null). */
void rg_table_str(rg_table *t, int col, const char *s);
void rg_table_int(rg_table *t, int col, long long v);
void rg_table_real(rg_table *t, int col, double v);
void rg_table_bool(rg_table *t, int col, int v);
void rg_table_list_add(rg_table *t, int col, const char *s);

/* Free a built table or a view. NULL does nothing. */
void rg_table_free(rg_table *t);

/* ---- what writers read ------------------------------------------------- */

int rg_table_rows(const rg_table *t);
int rg_table_ncols(const rg_table *t);
const rg_tcol *rg_table_col(const rg_table *t, int c);
/* The plan the cells refer to (NULL for a built table): names of units and
 * numbers of tasks in reference cells. */
const rg_plan *rg_table_plan(const rg_table *t);
/* Row r of the table (what it is about: rg_table_row_kind). */
rg_row rg_table_row_at(const rg_table *t, int r);
/* What rows are: RG_ROW_UNIT (row.i is a plan unit), RG_ROW_TASK (a plan
 * task) or RG_ROW_OTHER. */
int rg_table_row_kind(const rg_table *t);
/* The page class of row r ("over", "sev-warning"), or NULL. */
const char *rg_table_row_class(const rg_table *t, int r);
/* Fill out (reset first) with the value of row r, column c. */
void rg_table_cell(const rg_table *t, int r, int c, rg_cell *out);
/* The flags of the view the table was made from (RG_VIEW_*), 0 for built. */
unsigned rg_table_view_flags(const rg_table *t);
/* Title (sheet name) in the language, or NULL. */
const char *rg_table_title(const rg_table *t, int zh);
/* Frozen leading columns in the workbook. */
int rg_table_freeze_cols(const rg_table *t);

/* A cell as machine text (terminal and CSV): numbers as rg_format_real
 * ("%.10g"; a missing one, NaN, empty), booleans true/false, lists joined by sep, task
 * references as their numbers, unit references as their names. malloc'd. */
char *rg_cell_text(const rg_table *t, int c, const rg_cell *v, const char *sep);
/* The label of a raw value for readers (tcol's values), or the value. */
const char *rg_cell_label(const rg_tcol *tc, const char *value, int zh);

/* ---- machine writers --------------------------------------------------- */

typedef struct rg_text_opts {
  int wide;      /* 1: every column at full width; 0: leave out the wide columns
                    (RG_COLF_WIDE, RG_VC_WIDE) and fit max_width */
  int max_width; /* 0: no limit; else text, list and reference cells are cut
                    with "…" (widest column first) until a row fits */
  int digits;    /* significant digits of real numbers (0: exact, rg_format_real) */
} rg_text_opts;

/* The terminal default: 120 columns, reals to 3 significant digits. */
#define RG_TEXT_MAX_WIDTH 120
#define RG_TEXT_DIGITS 3

/* What the command line asks of any table (--wide, --top, --sort, --columns). */
typedef struct rg_table_opts {
  rg_text_opts text;
  int top;             /* keep the first top rows after sorting (0: all) */
  const char *sort;    /* KEY, KEY:asc or KEY:desc (default: numbers descending,
                          text ascending); stable, so equal rows keep their order */
  const char *columns; /* KEY,KEY,...: only these columns, in this order (shown even
                          when wide) */
} rg_table_opts;

/* The terminal default (wide 0, RG_TEXT_MAX_WIDTH, RG_TEXT_DIGITS, all rows). */
rg_table_opts rg_table_opts_default(void);

/* Sort, cut and select columns of t as o says. RG_EUSAGE, with the closest
 * keys, when --sort or --columns names a column t does not have. O(rows log
 * rows + columns). */
rg_status rg_table_shape(rg_table *t, const rg_table_opts *o, rg_error *err);

typedef struct rg_csv_opts {
  int bom;          /* write a UTF-8 byte-order mark first (Excel reads Chinese) */
  int quote_spaces; /* also quote a field with a leading or trailing space */
} rg_csv_opts;

/* Write the table: RG_FMT_TABLE aligned text (rg_table_opts_default), RG_FMT_CSV as
 * the command line prints it (no BOM, quote_spaces), RG_FMT_JSON
 * an array of objects keyed by column key. RG_ESYS on a write error. */
rg_status rg_table_write(const rg_table *t, rg_format fmt, FILE *out, rg_error *err);
rg_status rg_table_write_text(const rg_table *t, const rg_text_opts *o, FILE *out, rg_error *err);
/* CSV, whoever writes it (every command's --format csv, the report's files):
 * a text, list or reference cell, and a header, that a spreadsheet would read
 * as a formula gets a leading ' (rg_escape_cell, the one guard); numbers are
 * written as they are. */
rg_status rg_table_write_csv(const rg_table *t, const rg_csv_opts *o, FILE *out, rg_error *err);
/* Shape t (rg_table_shape) and write it in fmt; text with o->text. */
rg_status rg_table_write_opts(rg_table *t, rg_format fmt, const rg_table_opts *o, FILE *out,
                              rg_error *err);
/* A real rounded to digits significant digits, never in exponent form
 * (35.53 -> "35.5", 0.004042 -> "0.00404", 1234.5 -> "1235"). */
void rg_format_sig(char *buf, size_t size, double v, int digits);

/* The rows as a jansson array of objects (new reference). task_index: task
 * references as plan indices (report.json) instead of their numbers. */
json_t *rg_table_json(const rg_table *t, int task_index);
/* One row as a jansson object (new reference). */
json_t *rg_table_json_row(const rg_table *t, int r, int task_index);
/* JSON to out: the array, or, when json_key is not NULL, that array under
 * json_key inside an object that also holds every pair of extra (may be
 * NULL, borrowed). */
rg_status rg_table_write_json(const rg_table *t, FILE *out, const char *json_key, json_t *extra,
                              rg_error *err);

/* Parse "table", "csv" or "json"; -1 if none. */
int rg_format_parse(const char *s);

/* Display width of a UTF-8 string in terminal columns (CJK = 2). */
int rg_display_width(const char *s);

/* Format a real number the way every output does: shortest of %.10g. */
void rg_format_real(char *buf, size_t size, double v);

#endif
