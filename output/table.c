/* table.c - tables (views and built ones) and their machine renderings: aligned
 * text, CSV (libcsv quoting) and JSON (jansson). */
#include "table.h"

#include "timeline.h"

#include <csv.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "buf.h"
#include "escape.h"
#include "names.h"
#include "sort.h"
#include "strutil.h"
#include "utf8.h"

/* A stored cell of a built table. */
typedef struct stored {
  char *s;
  long long i;
  double r;
  char **list;
  int n_list;
  size_t cap_list;
} stored;

struct rg_table {
  rg_tcol *cols;
  int ncols;
  rg_row *rows;
  int nrows;
  size_t cap_rows;
  int kind;
  const char *(*row_class)(const rg_table_src *, rg_row);
  unsigned view_flags;
  const char *title_zh, *title_en;
  int freeze_cols;
  int is_view;
  rg_table_src src;
  /* built tables: their own column descriptions and cells */
  rg_column *own;
  stored *cells; /* n_built rows x n_stored columns */
  size_t cap_cells;
  int n_stored, n_built; /* columns and rows of the cells */
  int *cmap;             /* column c's cells are column cmap[c] of a stored row */
  /* strings the table owns (keys and labels of built and repeated columns) */
  char **strs;
  int n_strs;
  size_t cap_strs;
};

static const char *keep(rg_table *t, char *s) {
  RG_GROW(t->strs, t->cap_strs, (size_t)t->n_strs + 1);
  t->strs[t->n_strs++] = s;
  return s;
}

/* ---- cells ------------------------------------------------------------- */

void *rg_cell_alloc(rg_cell *c, size_t size) {
  RG_GROW(c->owned, c->cap_owned, (size_t)c->n_owned + 1);
  void *p = rg_xcalloc(1, size ? size : 1);
  c->owned[c->n_owned++] = p;
  return p;
}

const char *rg_cell_printf(rg_cell *c, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  char *s = rg_cell_alloc(c, (size_t)(n > 0 ? n : 0) + 1);
  va_start(ap, fmt);
  vsnprintf(s, (size_t)(n > 0 ? n : 0) + 1, fmt, ap);
  va_end(ap);
  return s;
}

void rg_cell_reset(rg_cell *c) {
  for (int k = 0; k < c->n_owned; k++)
    free(c->owned[k]);
  void **owned = c->owned;
  size_t cap = c->cap_owned;
  memset(c, 0, sizeof *c);
  c->owned = owned;
  c->cap_owned = cap;
}

static void cell_free(rg_cell *c) {
  rg_cell_reset(c);
  free(c->owned);
  c->owned = NULL;
  c->cap_owned = 0;
}

/* ---- views --------------------------------------------------------------- */

static const rg_column *find_column(const rg_schema *s, const char *key) {
  for (int c = 0; c < s->ncols; c++)
    if (!strcmp(s->cols[c].key, key)) return &s->cols[c];
  /* a view naming a column its schema lacks is a programming error */
  fprintf(stderr, "respgraph: internal: table %s has no column %s\n", s->id, key);
  abort();
}

static void add_col(rg_table *t, const rg_tcol *tc) {
  t->cols = rg_xrealloc(t->cols, ((size_t)t->ncols + 1) * sizeof *t->cols);
  t->cols[t->ncols++] = *tc;
}

/* The instances of a repeated column: one per chapter column of the report,
 * with labels from the chapter (rg_column.repeat and .label). */
static void add_repeated(rg_table *t, const rg_view_col *vc, const rg_column *col, rg_tcol tc) {
  int n = col->repeat ? col->repeat(&t->src) : 0;
  if (vc->max > 0 && n > vc->max) n = 0;
  for (int a = 0; a < n; a++) {
    char buf[1024];
    tc.arg = a;
    col->label(&t->src, a, 1, RG_LABEL_LONG, buf, sizeof buf);
    tc.zh = keep(t, rg_xstrdup(buf));
    col->label(&t->src, a, 0, RG_LABEL_LONG, buf, sizeof buf);
    tc.en = keep(t, rg_xstrdup(buf));
    col->label(&t->src, a, 1, RG_LABEL_ABBR, buf, sizeof buf);
    tc.abbr = keep(t, rg_xstrdup(buf));
    col->label(&t->src, a, 1, RG_LABEL_HINT, buf, sizeof buf);
    tc.hint_zh = keep(t, rg_xstrdup(buf));
    col->label(&t->src, a, 0, RG_LABEL_HINT, buf, sizeof buf);
    tc.hint_en = keep(t, rg_xstrdup(buf));
    snprintf(buf, sizeof buf, "%s_%d", col->key, a + 1);
    tc.key = keep(t, rg_xstrdup(buf));
    add_col(t, &tc);
  }
}

/* A line column (RG_COLF_LINE) of a plan with locations: the table's own copy
 * of the column, typed as text, so every writer shows the label the getter
 * set (¶12, 任务!C12, p3:14). Freed with the table's strings. */
static const rg_column *as_location(rg_table *t, const rg_column *col) {
  rg_column *c = rg_xmalloc(sizeof *c);
  *c = *col;
  c->type = RG_COL_STR;
  keep(t, (char *)c);
  return c;
}

rg_table *rg_table_view(const rg_view *v, const rg_table_src *src) {
  const rg_schema *s = v->schema;
  rg_table *t = rg_xcalloc(1, sizeof *t);
  t->is_view = 1;
  t->src = *src;
  t->kind = s->kind;
  t->row_class = s->row_class;
  t->view_flags = v->flags;
  t->title_zh = v->zh;
  t->title_en = v->en;
  t->freeze_cols = v->freeze_cols;
  int (*rows)(const rg_table_src *, rg_row *) = v->rows ? v->rows : s->rows;
  t->nrows = rows(src, NULL);
  t->rows = rg_xcalloc((size_t)t->nrows + 1, sizeof *t->rows);
  rows(src, t->rows);
  int located = src->plan && src->plan->n_locs > 0;
  int dated = src->plan && rg_plan_has_dates(src->plan);
  for (int k = 0; k < v->ncols; k++) {
    const rg_view_col *vc = &v->cols[k];
    const rg_column *col = find_column(s, vc->key);
    if ((vc->flags & RG_VC_LOCATED) && !located) continue;
    if ((vc->flags & RG_VC_AS_OF) && !rg_timeline_as_of_set(src->tl)) continue;
    if ((vc->flags & RG_VC_DATED) && !dated && !rg_timeline_as_of_set(src->tl)) continue;
    if ((col->flags & RG_COLF_LINE) && located && !(vc->flags & RG_VC_LINE_NUMBER))
      col = as_location(t, col);
    rg_tcol tc = {.col = col,
                  .key = vc->as                         ? vc->as
                         : (vc->flags & RG_VC_LABEL_ZH) ? (vc->zh ? vc->zh : col->zh)
                         : (vc->flags & RG_VC_LABEL_EN) ? (vc->en ? vc->en : col->en)
                                                        : col->key,
                  .zh = vc->zh ? vc->zh : col->zh,
                  .en = vc->en ? vc->en : col->en,
                  .hint_zh = col->hint_zh,
                  .hint_en = col->hint_en,
                  .width = vc->width > 0 ? vc->width : col->width,
                  .vflags = vc->flags};
    if (vc->flags & RG_VC_PER_CHAPTER)
      add_repeated(t, vc, col, tc);
    else
      add_col(t, &tc);
  }
  return t;
}

const rg_table_src *rg_table_source(const rg_table *t) { return t->is_view ? &t->src : NULL; }

/* ---- built tables ---------------------------------------------------------- */

rg_table *rg_table_new(int ncols, const char *const *names, const rg_coltype *types) {
  rg_table *t = rg_xcalloc(1, sizeof *t);
  t->own = rg_xcalloc((size_t)ncols + 1, sizeof *t->own);
  t->cols = rg_xcalloc((size_t)ncols + 1, sizeof *t->cols);
  t->ncols = ncols;
  for (int c = 0; c < ncols; c++) {
    rg_column *col = &t->own[c];
    const char *name = keep(t, rg_xstrdup(names[c]));
    col->key = col->zh = col->en = name;
    col->type = types ? types[c] : RG_COL_STR;
    col->digits = -1;
    col->width = col->type == RG_COL_STR || col->type == RG_COL_LIST ? 30 : 10;
    t->cols[c] = (rg_tcol){.col = col, .key = name, .zh = name, .en = name, .width = col->width};
  }
  t->n_stored = ncols;
  t->cmap = rg_xcalloc((size_t)ncols + 1, sizeof *t->cmap);
  for (int c = 0; c < ncols; c++)
    t->cmap[c] = c;
  return t;
}

void rg_table_row(rg_table *t) {
  RG_GROW(t->rows, t->cap_rows, (size_t)t->nrows + 1);
  t->rows[t->nrows] = (rg_row){t->n_built, -1};
  size_t need = ((size_t)t->n_built + 1) * (size_t)t->n_stored;
  RG_GROW(t->cells, t->cap_cells, need);
  memset(&t->cells[(size_t)t->n_built * (size_t)t->n_stored], 0,
         (size_t)t->n_stored * sizeof(stored));
  t->nrows++;
  t->n_built++;
}

static stored *cur(rg_table *t, int col) {
  return &t->cells[(size_t)(t->n_built - 1) * (size_t)t->n_stored + (size_t)t->cmap[col]];
}

void rg_table_str(rg_table *t, int col, const char *s) {
  stored *c = cur(t, col);
  free(c->s);
  c->s = s ? rg_xstrdup(s) : NULL;
}
void rg_table_int(rg_table *t, int col, long long v) { cur(t, col)->i = v; }
void rg_table_real(rg_table *t, int col, double v) { cur(t, col)->r = v; }
void rg_table_bool(rg_table *t, int col, int v) { cur(t, col)->i = v != 0; }
void rg_table_list_add(rg_table *t, int col, const char *s) {
  stored *c = cur(t, col);
  RG_GROW(c->list, c->cap_list, (size_t)c->n_list + 1);
  c->list[c->n_list++] = rg_xstrdup(s ? s : "");
}

void rg_table_free(rg_table *t) {
  if (!t) return;
  if (t->cells)
    for (size_t k = 0; k < (size_t)t->n_built * (size_t)t->n_stored; k++) {
      free(t->cells[k].s);
      for (int j = 0; j < t->cells[k].n_list; j++)
        free(t->cells[k].list[j]);
      free(t->cells[k].list);
    }
  for (int k = 0; k < t->n_strs; k++)
    free(t->strs[k]);
  free(t->strs);
  free(t->cells);
  free(t->own);
  free(t->cmap);
  free(t->cols);
  free(t->rows);
  free(t);
}

/* ---- reading ----------------------------------------------------------------- */

int rg_table_rows(const rg_table *t) { return t->nrows; }
int rg_table_ncols(const rg_table *t) { return t->ncols; }
const rg_tcol *rg_table_col(const rg_table *t, int c) { return &t->cols[c]; }
const rg_plan *rg_table_plan(const rg_table *t) { return t->is_view ? t->src.plan : NULL; }
rg_row rg_table_row_at(const rg_table *t, int r) { return t->rows[r]; }
int rg_table_row_kind(const rg_table *t) { return t->kind; }
unsigned rg_table_view_flags(const rg_table *t) { return t->view_flags; }
int rg_table_freeze_cols(const rg_table *t) { return t->freeze_cols; }
const char *rg_table_title(const rg_table *t, int zh) { return zh ? t->title_zh : t->title_en; }

const char *rg_table_row_class(const rg_table *t, int r) {
  return t->is_view && t->row_class ? t->row_class(&t->src, t->rows[r]) : NULL;
}

void rg_table_cell(const rg_table *t, int r, int c, rg_cell *out) {
  rg_cell_reset(out);
  const rg_tcol *tc = &t->cols[c];
  if (t->is_view) {
    tc->col->get(&t->src, t->rows[r], tc->arg, out);
    return;
  }
  const stored *x = &t->cells[(size_t)t->rows[r].i * (size_t)t->n_stored + (size_t)t->cmap[c]];
  out->s = x->s;
  out->i = x->i;
  out->r = x->r;
  out->items = (const char *const *)x->list;
  out->n_items = x->n_list;
}

const char *rg_cell_label(const rg_tcol *tc, const char *value, int zh) {
  if (value && tc->col->values)
    for (const rg_value_label *v = tc->col->values; v->value; v++)
      if (!strcmp(v->value, value)) return zh ? v->zh : v->en;
  return value;
}

/* ---- machine text ---------------------------------------------------------------- */

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

/* The text of item k of a list-like cell. */
static const char *item_text(const rg_plan *plan, rg_coltype type, const rg_cell *v, int k,
                             char *num, size_t size) {
  switch (type) {
  case RG_COL_LIST:
    return v->items[k];
  case RG_COL_TASKS:
    return plan->tasks[v->refs[k]].number;
  case RG_COL_UNITS:
    return plan->units[v->refs[k]].name;
  case RG_COL_REALS:
    rg_format_real(num, size, v->reals[k]);
    return num;
  default:
    return "";
  }
}

static int item_count(rg_coltype type, const rg_cell *v) {
  return type == RG_COL_LIST ? v->n_items : type == RG_COL_REALS ? v->n_reals : v->n_refs;
}

char *rg_cell_text(const rg_table *t, int c, const rg_cell *v, const char *sep) {
  const rg_plan *plan = rg_table_plan(t);
  rg_coltype type = t->cols[c].col->type;
  char buf[64];
  switch (type) {
  case RG_COL_STR:
    return rg_xstrdup(v->s ? v->s : "");
  case RG_COL_INT:
  case RG_COL_CLUSTER:
    snprintf(buf, sizeof buf, "%lld", v->i);
    return rg_xstrdup(buf);
  case RG_COL_REAL: /* a missing value (no old rank, no score) is an empty cell */
    if (isnan(v->r)) return rg_xstrdup("");
    rg_format_real(buf, sizeof buf, v->r);
    return rg_xstrdup(buf);
  case RG_COL_BOOL:
    return rg_xstrdup(v->i ? "true" : "false");
  case RG_COL_TASK:
    return rg_xstrdup(v->i >= 0 ? plan->tasks[v->i].number : "");
  case RG_COL_UNIT:
    return rg_xstrdup(v->i >= 0 ? plan->units[v->i].name : "");
  case RG_COL_LIST:
  case RG_COL_TASKS:
  case RG_COL_UNITS:
  case RG_COL_REALS:
    break;
  }
  rg_buf b = {0};
  rg_buf_puts(&b, "");
  for (int k = 0; k < item_count(type, v); k++) {
    if (k) rg_buf_puts(&b, sep);
    rg_buf_puts(&b, item_text(plan, type, v, k, buf, sizeof buf));
  }
  return b.s;
}

static rg_status write_failed(rg_error *err) {
  return rg_error_set(err, RG_ESYS, NULL, 0, 0, "cannot write output: %s", strerror(errno));
}

static int shown(const rg_tcol *tc, const rg_text_opts *o) {
  return o->wide || !((tc->col->flags & RG_COLF_WIDE) || (tc->vflags & RG_VC_WIDE));
}

static int right_aligned(rg_coltype type) {
  return type == RG_COL_INT || type == RG_COL_REAL || type == RG_COL_CLUSTER;
}

void rg_format_sig(char *buf, size_t size, double v, int digits) {
  if (!isfinite(v) || v == 0 || digits <= 0) {
    rg_format_real(buf, size, v);
    return;
  }
  int mag = (int)floor(log10(fabs(v)));
  int dec = digits - 1 - mag;
  if (dec < 0) dec = 0;
  if (dec > 12) dec = 12;
  snprintf(buf, size, "%.*f", dec, v);
  if (strchr(buf, '.')) { /* 0.500 -> 0.5, 2.00 -> 2 */
    char *e = buf + strlen(buf) - 1;
    while (*e == '0')
      *e-- = 0;
    if (*e == '.') *e = 0;
  }
  if (!strcmp(buf, "-0")) snprintf(buf, size, "0");
}

/* Every cell as one-line text (reals to o->digits), and the width of each
 * column. */
static char **text_cells(const rg_table *t, const rg_text_opts *o, int *w) {
  char **txt = rg_xcalloc((size_t)t->nrows * (size_t)t->ncols + 1, sizeof *txt);
  rg_cell v = {0};
  for (int c = 0; c < t->ncols; c++)
    w[c] = rg_display_width(t->cols[c].key);
  for (int r = 0; r < t->nrows; r++)
    for (int c = 0; c < t->ncols; c++) {
      rg_table_cell(t, r, c, &v);
      char *raw;
      if (o->digits > 0 && t->cols[c].col->type == RG_COL_REAL && !isnan(v.r)) {
        char num[64];
        rg_format_sig(num, sizeof num, v.r, o->digits);
        raw = rg_xstrdup(num);
      } else {
        raw = rg_cell_text(t, c, &v, ";");
      }
      /* a row stays one line, and a control character in a name is shown,
       * never obeyed by the terminal */
      char *s = rg_escape_terminal_dup(raw);
      free(raw);
      txt[(size_t)r * (size_t)t->ncols + (size_t)c] = s;
      int dw = rg_display_width(s);
      if (dw > w[c]) w[c] = dw;
    }
  cell_free(&v);
  return txt;
}

/* Narrow the widest text-like columns (never numbers, never the first
 * column) one column at a time until a row fits max, down to the header's
 * width or 8. */
static void fit_widths(const rg_table *t, const rg_text_opts *o, int *w) {
  if (o->max_width <= 0) return;
  int total = -2;
  for (int c = 0; c < t->ncols; c++)
    if (shown(&t->cols[c], o)) total += w[c] + 2;
  while (total > o->max_width) {
    int best = -1;
    for (int c = 1; c < t->ncols; c++) {
      int floor_w = rg_display_width(t->cols[c].key);
      if (floor_w < 8) floor_w = 8;
      if (!shown(&t->cols[c], o) || right_aligned(t->cols[c].col->type) || w[c] <= floor_w)
        continue;
      if (best < 0 || w[c] >= w[best]) best = c;
    }
    if (best < 0) return;
    w[best]--;
    total--;
  }
}

/* s cut to display width w, ending in "…" when cut (a new string). */
static char *cut_to(const char *s, int w) {
  if (rg_display_width(s) <= w) return rg_xstrdup(s);
  rg_buf b = {0};
  rg_buf_puts(&b, "");
  int used = 0;
  while (*s) {
    size_t n = rg_utf8_char_len(s);
    char one[8] = {0};
    memcpy(one, s, n < 7 ? n : 7);
    int cw = rg_display_width(one);
    if (used + cw > w - 1) break;
    rg_buf_putn(&b, s, n);
    used += cw;
    s += n;
  }
  rg_buf_puts(&b, "…");
  return b.s;
}

static void put_pad(FILE *out, int n) {
  for (int i = 0; i < n; i++)
    fputc(' ', out);
}

rg_status rg_table_write_text(const rg_table *t, const rg_text_opts *o, FILE *out, rg_error *err) {
  int *w = rg_xcalloc((size_t)t->ncols + 1, sizeof *w);
  char **txt = text_cells(t, o, w);
  fit_widths(t, o, w);
  int last = -1;
  for (int c = 0; c < t->ncols; c++)
    if (shown(&t->cols[c], o)) last = c;
  for (int r = -1; r < t->nrows; r++) {
    int first = 1;
    for (int c = 0; c < t->ncols; c++) {
      if (!shown(&t->cols[c], o)) continue;
      char *s =
          cut_to(r < 0 ? t->cols[c].key : txt[(size_t)r * (size_t)t->ncols + (size_t)c], w[c]);
      int right = r >= 0 && right_aligned(t->cols[c].col->type);
      int pad = w[c] - rg_display_width(s);
      if (!first) fputs("  ", out);
      first = 0;
      if (right) put_pad(out, pad);
      fputs(s, out);
      if (!right && c < last) put_pad(out, pad);
      free(s);
    }
    fputc('\n', out);
  }
  for (size_t k = 0; k < (size_t)t->nrows * (size_t)t->ncols; k++)
    free(txt[k]);
  free(txt);
  free(w);
  return ferror(out) ? write_failed(err) : RG_OK;
}

/* ---- shaping: --sort, --top, --columns ------------------------------------------------ */

rg_table_opts rg_table_opts_default(void) {
  rg_table_opts o = {{0, RG_TEXT_MAX_WIDTH, RG_TEXT_DIGITS}, 0, NULL, NULL};
  return o;
}

/* The column whose key is key (length n), or -1. */
static int col_index(const rg_table *t, const char *key, size_t n) {
  for (int c = 0; c < t->ncols; c++)
    if (strlen(t->cols[c].key) == n && !strncmp(t->cols[c].key, key, n)) return c;
  return -1;
}

/* "no column KEY (columns: a, b, c; did you mean x?)" as a usage error. */
static rg_status no_column(const rg_table *t, const char *opt, const char *key, size_t n,
                           rg_error *err) {
  char *word = dupn(key, n);
  const char **keys = rg_xcalloc((size_t)t->ncols + 1, sizeof *keys);
  rg_buf all = {0};
  rg_buf_puts(&all, "");
  for (int c = 0; c < t->ncols; c++) {
    keys[c] = t->cols[c].key;
    rg_buf_printf(&all, "%s%s", c ? ", " : "", keys[c]);
  }
  int near[3], k = rg_closest(word, keys, t->ncols, near, 3);
  rg_buf hint = {0};
  rg_buf_puts(&hint, "");
  for (int i = 0; i < k; i++)
    rg_buf_printf(&hint, "%s%s%s", i ? ", " : "; did you mean ", keys[near[i]],
                  i == k - 1 ? "?" : "");
  rg_status st = rg_error_set(err, RG_EUSAGE, NULL, 0, 0, "%s: no column '%s' (columns: %s%s)", opt,
                              word, all.s, hint.s);
  free(all.s);
  free(hint.s);
  free(keys);
  free(word);
  return st;
}

typedef struct sort_key {
  int pos;    /* row position before sorting */
  double num; /* numeric columns */
  char *text; /* other columns */
} sort_key;

typedef struct sort_ctx {
  int numeric, desc;
} sort_ctx;

static int by_key(const void *a, const void *b, void *ctx) {
  const sort_key *x = a, *y = b;
  const sort_ctx *s = ctx;
  int c;
  if (s->numeric) {
    /* NaN last whatever the direction */
    if (isnan(x->num) || isnan(y->num)) return isnan(x->num) - isnan(y->num);
    c = x->num < y->num ? -1 : x->num > y->num;
  } else {
    c = strcmp(x->text, y->text);
  }
  return s->desc ? -c : c;
}

static rg_status sort_rows(rg_table *t, const char *spec, rg_error *err) {
  const char *colon = strchr(spec, ':');
  size_t n = colon ? (size_t)(colon - spec) : strlen(spec);
  int c = col_index(t, spec, n);
  if (c < 0) return no_column(t, "--sort", spec, n, err);
  rg_coltype type = t->cols[c].col->type;
  sort_ctx ctx = {right_aligned(type) || type == RG_COL_BOOL, 0};
  ctx.desc = ctx.numeric;
  if (colon && !strcmp(colon, ":asc"))
    ctx.desc = 0;
  else if (colon && !strcmp(colon, ":desc"))
    ctx.desc = 1;
  else if (colon)
    return rg_error_set(err, RG_EUSAGE, NULL, 0, 0,
                        "--sort takes COLUMN, COLUMN:asc or "
                        "COLUMN:desc, not '%s'",
                        spec);
  sort_key *keys = rg_xcalloc((size_t)t->nrows + 1, sizeof *keys);
  rg_cell v = {0};
  for (int r = 0; r < t->nrows; r++) {
    rg_table_cell(t, r, c, &v);
    keys[r].pos = r;
    if (ctx.numeric)
      keys[r].num = type == RG_COL_REAL ? v.r : (double)v.i;
    else
      keys[r].text = rg_cell_text(t, c, &v, ";");
  }
  cell_free(&v);
  rg_sort(keys, (size_t)t->nrows, sizeof *keys, by_key, &ctx);
  rg_row *rows = rg_xcalloc((size_t)t->nrows + 1, sizeof *rows);
  for (int r = 0; r < t->nrows; r++) {
    rows[r] = t->rows[keys[r].pos];
    free(keys[r].text);
  }
  memcpy(t->rows, rows, (size_t)t->nrows * sizeof *rows);
  free(rows);
  free(keys);
  return RG_OK;
}

/* Keep the columns of the comma list spec, in its order. */
static rg_status select_cols(rg_table *t, const char *spec, rg_error *err) {
  rg_tcol *cols = rg_xcalloc(strlen(spec) + 2, sizeof *cols);
  int *cmap = rg_xcalloc(strlen(spec) + 2, sizeof *cmap);
  int n = 0;
  for (const char *p = spec; *p;) {
    size_t len = strcspn(p, ",");
    if (len) {
      int c = col_index(t, p, len);
      if (c < 0) {
        free(cols);
        free(cmap);
        return no_column(t, "--columns", p, len, err);
      }
      cols[n] = t->cols[c];
      cols[n].vflags &= ~(unsigned)RG_VC_WIDE;
      if (cols[n].col->flags & RG_COLF_WIDE) { /* asked for: shown */
        rg_column *copy = rg_xmalloc(sizeof *copy);
        *copy = *cols[n].col;
        copy->flags &= ~(unsigned)RG_COLF_WIDE;
        keep(t, (char *)copy);
        cols[n].col = copy;
      }
      cmap[n++] = t->cmap ? t->cmap[c] : c;
    }
    p += len + (p[len] == ',');
  }
  free(t->cols);
  t->cols = cols;
  t->ncols = n;
  if (t->cmap) {
    free(t->cmap);
    t->cmap = cmap;
  } else {
    free(cmap);
  }
  return RG_OK;
}

rg_status rg_table_shape(rg_table *t, const rg_table_opts *o, rg_error *err) {
  rg_status st;
  if (o->sort && (st = sort_rows(t, o->sort, err))) return st;
  if (o->top > 0 && o->top < t->nrows) t->nrows = o->top;
  if (o->columns && (st = select_cols(t, o->columns, err))) return st;
  return RG_OK;
}

/* ---- CSV ------------------------------------------------------------------------------- */

static int is_guarded(rg_coltype type) {
  return type == RG_COL_STR || type == RG_COL_LIST || type == RG_COL_TASK || type == RG_COL_TASKS ||
         type == RG_COL_UNIT || type == RG_COL_UNITS;
}

/* One field: guarded (text cells), quoted by libcsv only when it needs quotes,
 * so plain cells stay plain and a header reads exactly task,role,unit,kind. */
static void csv_field(FILE *out, const char *s, int guard, const rg_csv_opts *o) {
  char *g = guard ? rg_escape_cell(s) : NULL;
  const char *v = g ? g : s;
  size_t n = strlen(v);
  if (strpbrk(v, ",\"\r\n") || (o->quote_spaces && n && (v[0] == ' ' || v[n - 1] == ' ')))
    csv_fwrite(out, v, n);
  else
    fputs(v, out);
  free(g);
}

rg_status rg_table_write_csv(const rg_table *t, const rg_csv_opts *o, FILE *out, rg_error *err) {
  if (o->bom) fputs("\xEF\xBB\xBF", out);
  for (int c = 0; c < t->ncols; c++) {
    if (c) fputc(',', out);
    csv_field(out, t->cols[c].key, 1, o);
  }
  fputc('\n', out);
  rg_cell v = {0};
  for (int r = 0; r < t->nrows; r++) {
    for (int c = 0; c < t->ncols; c++) {
      const rg_column *col = t->cols[c].col;
      rg_table_cell(t, r, c, &v);
      char *s = rg_cell_text(t, c, &v, ";");
      int guard = is_guarded(col->type);
      if (c) fputc(',', out);
      csv_field(out, s, guard, o);
      free(s);
    }
    fputc('\n', out);
  }
  cell_free(&v);
  return ferror(out) ? write_failed(err) : RG_OK;
}

/* ---- JSON ------------------------------------------------------------------------------ */

static json_t *json_str(const char *s) {
  json_t *v = s ? json_string(s) : NULL; /* NULL on invalid UTF-8: the model holds valid UTF-8 */
  return v ? v : json_null();
}

static json_t *json_num(double v) { return isfinite(v) ? json_real(v) : json_null(); }

static json_t *json_task(const rg_plan *plan, int t, int task_index) {
  if (t < 0) return json_null();
  return task_index ? json_integer(t) : json_str(plan->tasks[t].number);
}

static json_t *json_value(const rg_table *t, int c, const rg_cell *v, int task_index) {
  const rg_plan *plan = rg_table_plan(t);
  rg_coltype type = t->cols[c].col->type;
  json_t *a;
  switch (type) {
  case RG_COL_STR:
    return json_str(v->s);
  case RG_COL_INT:
  case RG_COL_CLUSTER:
    return json_integer(v->i);
  case RG_COL_REAL:
    return json_num(v->r);
  case RG_COL_BOOL:
    return json_boolean(v->i);
  case RG_COL_TASK:
    return json_task(plan, (int)v->i, task_index);
  case RG_COL_UNIT:
    return v->i >= 0 ? json_str(plan->units[v->i].name) : json_null();
  case RG_COL_LIST:
  case RG_COL_TASKS:
  case RG_COL_UNITS:
  case RG_COL_REALS:
    break;
  }
  a = json_array();
  for (int k = 0; k < item_count(type, v); k++) {
    json_t *x = type == RG_COL_LIST    ? json_string(v->items[k])
                : type == RG_COL_TASKS ? json_task(plan, v->refs[k], task_index)
                : type == RG_COL_UNITS ? json_str(plan->units[v->refs[k]].name)
                                       : json_num(v->reals[k]);
    json_array_append_new(a, x);
  }
  return a;
}

json_t *rg_table_json_row(const rg_table *t, int r, int task_index) {
  json_t *obj = json_object();
  rg_cell v = {0};
  for (int c = 0; c < t->ncols; c++) {
    rg_table_cell(t, r, c, &v);
    json_object_set_new(obj, t->cols[c].key, json_value(t, c, &v, task_index));
  }
  cell_free(&v);
  return obj;
}

json_t *rg_table_json(const rg_table *t, int task_index) {
  json_t *arr = json_array();
  for (int r = 0; r < t->nrows; r++)
    json_array_append_new(arr, rg_table_json_row(t, r, task_index));
  return arr;
}

rg_status rg_table_write_json(const rg_table *t, FILE *out, const char *json_key, json_t *extra,
                              rg_error *err) {
  json_t *root = rg_table_json(t, 0);
  if (json_key) {
    json_t *obj = json_object();
    if (extra) json_object_update(obj, extra);
    json_object_set_new(obj, json_key, root);
    root = obj;
  }
  int rc = json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
  json_decref(root);
  fputc('\n', out);
  return rc != 0 || ferror(out) ? write_failed(err) : RG_OK;
}

/* Text with o, CSV as the command line writes it, or JSON. */
static rg_status write_fmt(const rg_table *t, rg_format fmt, const rg_text_opts *o, FILE *out,
                           rg_error *err) {
  static const rg_csv_opts cli_csv = {.bom = 0, .quote_spaces = 1};
  switch (fmt) {
  case RG_FMT_CSV:
    return rg_table_write_csv(t, &cli_csv, out, err);
  case RG_FMT_JSON:
    return rg_table_write_json(t, out, NULL, NULL, err);
  case RG_FMT_TABLE:
    break;
  }
  return rg_table_write_text(t, o, out, err);
}

rg_status rg_table_write(const rg_table *t, rg_format fmt, FILE *out, rg_error *err) {
  rg_table_opts o = rg_table_opts_default();
  return write_fmt(t, fmt, &o.text, out, err);
}

rg_status rg_table_write_opts(rg_table *t, rg_format fmt, const rg_table_opts *o, FILE *out,
                              rg_error *err) {
  rg_status st = rg_table_shape(t, o, err);
  return st ? st : write_fmt(t, fmt, &o->text, out, err);
}
