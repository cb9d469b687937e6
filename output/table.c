/* table.c - aligned text, CSV (libcsv) and JSON (jansson) renderings of a table. */
#include "table.h"

#include <csv.h>
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

typedef struct cell {
  char *s;       /* STR */
  long long i;   /* INT, BOOL */
  double r;      /* REAL */
  char **list;   /* LIST */
  int n_list;
  size_t cap_list;
} cell;

struct rg_table {
  int ncols;
  char **names;
  rg_coltype *types;
  cell *cells; /* rows * ncols */
  int rows;
  size_t cap;
};

rg_table *rg_table_new(int ncols, const char *const *names, const rg_coltype *types) {
  rg_table *t = rg_xcalloc(1, sizeof *t);
  t->ncols = ncols;
  t->names = rg_xcalloc((size_t)ncols, sizeof *t->names);
  t->types = rg_xcalloc((size_t)ncols, sizeof *t->types);
  for (int c = 0; c < ncols; c++) {
    t->names[c] = rg_xstrdup(names[c]);
    t->types[c] = types ? types[c] : RG_COL_STR;
  }
  return t;
}

void rg_table_free(rg_table *t) {
  if (!t) return;
  for (size_t k = 0; k < (size_t)t->rows * (size_t)t->ncols; k++) {
    free(t->cells[k].s);
    for (int j = 0; j < t->cells[k].n_list; j++) free(t->cells[k].list[j]);
    free(t->cells[k].list);
  }
  for (int c = 0; c < t->ncols; c++) free(t->names[c]);
  free(t->names);
  free(t->types);
  free(t->cells);
  free(t);
}

void rg_table_row(rg_table *t) {
  size_t need = ((size_t)t->rows + 1) * (size_t)t->ncols;
  size_t cap_cells = t->cap;
  RG_GROW(t->cells, cap_cells, need);
  t->cap = cap_cells;
  memset(&t->cells[(size_t)t->rows * (size_t)t->ncols], 0, (size_t)t->ncols * sizeof(cell));
  t->rows++;
}

static cell *cur(rg_table *t, int col) {
  return &t->cells[(size_t)(t->rows - 1) * (size_t)t->ncols + (size_t)col];
}

void rg_table_str(rg_table *t, int col, const char *s) {
  cell *c = cur(t, col);
  free(c->s);
  c->s = s ? rg_xstrdup(s) : NULL;
}
void rg_table_int(rg_table *t, int col, long long v) { cur(t, col)->i = v; }
void rg_table_real(rg_table *t, int col, double v) { cur(t, col)->r = v; }
void rg_table_bool(rg_table *t, int col, int v) { cur(t, col)->i = v != 0; }
void rg_table_list_add(rg_table *t, int col, const char *s) {
  cell *c = cur(t, col);
  RG_GROW(c->list, c->cap_list, (size_t)c->n_list + 1);
  c->list[c->n_list++] = rg_xstrdup(s ? s : "");
}

int rg_table_rows(const rg_table *t) { return t->rows; }

int rg_format_parse(const char *s) {
  if (!strcmp(s, "table")) return RG_FMT_TABLE;
  if (!strcmp(s, "csv")) return RG_FMT_CSV;
  if (!strcmp(s, "json")) return RG_FMT_JSON;
  return -1;
}

void rg_format_real(char *buf, size_t size, double v) {
  if (isnan(v)) {
    snprintf(buf, size, "nan");
    return;
  }
  if (v == 0) v = 0; /* no "-0" */
  snprintf(buf, size, "%.10g", v);
}

int rg_display_width(const char *s) {
  const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
  int w = 0;
  while (*p) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(p, -1, &cp);
    if (n <= 0) {
      p++;
      w++;
      continue;
    }
    int cw = utf8proc_charwidth(cp);
    w += cw > 0 ? cw : 0;
    p += n;
  }
  return w;
}

/* Render a cell as text into a malloc'd string (for table and CSV). */
static char *cell_text(const rg_table *t, int col, const cell *c) {
  char buf[64];
  switch (t->types[col]) {
  case RG_COL_STR: return rg_xstrdup(c->s ? c->s : "");
  case RG_COL_INT: snprintf(buf, sizeof buf, "%lld", c->i); return rg_xstrdup(buf);
  case RG_COL_REAL: rg_format_real(buf, sizeof buf, c->r); return rg_xstrdup(buf);
  case RG_COL_BOOL: return rg_xstrdup(c->i ? "true" : "false");
  case RG_COL_LIST: {
    size_t n = 1;
    for (int j = 0; j < c->n_list; j++) n += strlen(c->list[j]) + 1;
    char *s = rg_xmalloc(n);
    s[0] = '\0';
    for (int j = 0; j < c->n_list; j++) {
      if (j) strcat(s, ";");
      strcat(s, c->list[j]);
    }
    return s;
  }
  }
  return rg_xstrdup("");
}

static rg_status write_failed(rg_error *err) {
  return rg_error_set(err, RG_ESYS, NULL, 0, 0, "cannot write output");
}

/* One CSV field: quoted by libcsv only when it needs quotes, so plain cells
 * stay plain and the header reads exactly task,role,unit,kind. */
static void csv_field(FILE *out, const char *s) {
  if (strpbrk(s, ",\"\r\n") || s[0] == ' ' || (*s && s[strlen(s) - 1] == ' '))
    csv_fwrite(out, s, strlen(s));
  else
    fputs(s, out);
}

static rg_status write_csv(const rg_table *t, FILE *out, rg_error *err) {
  for (int c = 0; c < t->ncols; c++) {
    if (c) fputc(',', out);
    csv_field(out, t->names[c]);
  }
  fputc('\n', out);
  for (int r = 0; r < t->rows; r++) {
    for (int c = 0; c < t->ncols; c++) {
      char *s = cell_text(t, c, &t->cells[(size_t)r * (size_t)t->ncols + (size_t)c]);
      if (c) fputc(',', out);
      csv_field(out, s);
      free(s);
    }
    fputc('\n', out);
  }
  return ferror(out) ? write_failed(err) : RG_OK;
}

static rg_status write_text(const rg_table *t, FILE *out, rg_error *err) {
  int *w = rg_xcalloc((size_t)t->ncols, sizeof *w);
  char **txt = rg_xcalloc((size_t)t->rows * (size_t)t->ncols + 1, sizeof *txt);
  for (int c = 0; c < t->ncols; c++) w[c] = rg_display_width(t->names[c]);
  for (int r = 0; r < t->rows; r++)
    for (int c = 0; c < t->ncols; c++) {
      size_t k = (size_t)r * (size_t)t->ncols + (size_t)c;
      /* text mode replaces line breaks so a row stays one line */
      char *s = cell_text(t, c, &t->cells[k]);
      for (char *p = s; *p; p++)
        if (*p == '\n' || *p == '\r' || *p == '\t') *p = ' ';
      txt[k] = s;
      int dw = rg_display_width(s);
      if (dw > w[c]) w[c] = dw;
    }
  for (int r = -1; r < t->rows; r++) {
    for (int c = 0; c < t->ncols; c++) {
      const char *s = r < 0 ? t->names[c] : txt[(size_t)r * (size_t)t->ncols + (size_t)c];
      int right = r >= 0 && (t->types[c] == RG_COL_INT || t->types[c] == RG_COL_REAL);
      int pad = w[c] - rg_display_width(s);
      if (c) fputs("  ", out);
      if (right)
        for (int i = 0; i < pad; i++) fputc(' ', out);
      fputs(s, out);
      if (!right && c + 1 < t->ncols)
        for (int i = 0; i < pad; i++) fputc(' ', out);
    }
    fputc('\n', out);
  }
  for (size_t k = 0; k < (size_t)t->rows * (size_t)t->ncols; k++) free(txt[k]);
  free(txt);
  free(w);
  return ferror(out) ? write_failed(err) : RG_OK;
}

static json_t *table_json(const rg_table *t) {
  json_t *arr = json_array();
  for (int r = 0; r < t->rows; r++) {
    json_t *obj = json_object();
    for (int c = 0; c < t->ncols; c++) {
      const cell *x = &t->cells[(size_t)r * (size_t)t->ncols + (size_t)c];
      json_t *v = NULL;
      switch (t->types[c]) {
      case RG_COL_STR: v = x->s ? json_string(x->s) : json_null(); break;
      case RG_COL_INT: v = json_integer(x->i); break;
      case RG_COL_REAL: v = isfinite(x->r) ? json_real(x->r) : json_null(); break;
      case RG_COL_BOOL: v = json_boolean(x->i); break;
      case RG_COL_LIST:
        v = json_array();
        for (int j = 0; j < x->n_list; j++) json_array_append_new(v, json_string(x->list[j]));
        break;
      }
      /* json_string returns NULL on invalid UTF-8; the model holds valid UTF-8 */
      json_object_set_new(obj, t->names[c], v ? v : json_null());
    }
    json_array_append_new(arr, obj);
  }
  return arr;
}

rg_status rg_table_write_json(const rg_table *t, FILE *out, const char *json_key, void *extra,
                              rg_error *err) {
  json_t *root = table_json(t);
  if (json_key) {
    json_t *obj = json_object();
    if (extra) json_object_update(obj, (json_t *)extra);
    json_object_set_new(obj, json_key, root);
    root = obj;
  }
  int rc = json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
  json_decref(root);
  fputc('\n', out);
  return rc != 0 || ferror(out) ? write_failed(err) : RG_OK;
}

rg_status rg_table_write(const rg_table *t, rg_format fmt, FILE *out, rg_error *err) {
  switch (fmt) {
  case RG_FMT_CSV: return write_csv(t, out, err);
  case RG_FMT_JSON: return rg_table_write_json(t, out, NULL, NULL, err);
  case RG_FMT_TABLE: break;
  }
  return write_text(t, out, err);
}
