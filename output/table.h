/* table.h - one table, three renderings: aligned text, CSV, JSON.
 *
 * Every tabular command (parse, edges, units, ties, overload, meetings...)
 * builds an rg_table and writes it with rg_table_write(). CSV goes through
 * libcsv's quoting, JSON through jansson; nothing is assembled by hand.
 * The table copies every string it is given; rg_table_free() frees them. */
#ifndef RG_TABLE_H
#define RG_TABLE_H

#include <stdio.h>

#include "error.h"

typedef enum { RG_FMT_TABLE = 0, RG_FMT_CSV = 1, RG_FMT_JSON = 2 } rg_format;

typedef enum {
  RG_COL_STR = 0,
  RG_COL_INT = 1,
  RG_COL_REAL = 2,
  RG_COL_BOOL = 3,
  RG_COL_LIST = 4, /* list of strings: "a;b" in CSV and text, an array in JSON */
} rg_coltype;

typedef struct rg_table rg_table;

/* A table with ncols named columns. Never NULL. */
rg_table *rg_table_new(int ncols, const char *const *names, const rg_coltype *types);
void rg_table_free(rg_table *t);

/* Start a new row; cells default to empty / 0 / false / []. */
void rg_table_row(rg_table *t);
/* Set a cell of the current row. s may be NULL (empty / JSON null). */
void rg_table_str(rg_table *t, int col, const char *s);
void rg_table_int(rg_table *t, int col, long long v);
void rg_table_real(rg_table *t, int col, double v);
void rg_table_bool(rg_table *t, int col, int v);
void rg_table_list_add(rg_table *t, int col, const char *s);

int rg_table_rows(const rg_table *t);

/* Write the table. JSON is an array of objects keyed by column name, or, when
 * json_key is not NULL, that array under json_key inside an object that also
 * holds every pair of extra (a jansson json_t *, may be NULL, borrowed). */
rg_status rg_table_write(const rg_table *t, rg_format fmt, FILE *out, rg_error *err);
rg_status rg_table_write_json(const rg_table *t, FILE *out, const char *json_key, void *extra,
                              rg_error *err);

/* Parse "table", "csv" or "json"; -1 if none. */
int rg_format_parse(const char *s);

/* Display width of a UTF-8 string in terminal columns (CJK = 2). */
int rg_display_width(const char *s);

/* Format a real number the way every output does: shortest of %.10g. */
void rg_format_real(char *buf, size_t size, double v);

#endif
