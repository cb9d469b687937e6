/* xlsx_read.c - Excel (.xlsx) plans: SpreadsheetML through libzip + libxml2.
 *
 * Cells: shared strings (xl/sharedStrings.xml, rich-text runs joined,
 * phonetic runs left out), inline strings, formula results (t="str"),
 * booleans, errors as shown, numbers (1, not 1.0; 0.30000000000000004 ->
 * 0.3) and dates (a number whose style has a date format, built-in ids
 * 14-22, 27-36, 45-47, 50-58 or a custom code with y/m/d or 年/月/日:
 * 2026年6月30日 when the code has 年, else 2026-06-30; the 1904 date system
 * honoured). Merged cells (mergeCells): a vertical merge repeats its text
 * down (like an HTML rowspan), a horizontal one keeps it in its first cell,
 * except that a merged cell alone in its row fills its span, so a merged
 * title row above the header is a title (not a header) and a merged section
 * row below it is a chapter. Rows with no text are dropped.
 *
 * Sheets: with --sheet NAME that sheet (or its 1-based number); otherwise
 * the visible sheet whose task table has the most rows; other sheets that
 * also hold task tables are named in a warning. With no task table anywhere
 * the first visible sheet with text is read as lines, cell by cell.
 * Hidden rows and columns of the sheet read are read, and named in a
 * warning (hidden-cells), because what Excel hides is still in the file.
 * Locations: 任务!C12 (sheet!cell), a table row by its first cell. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "container.h"
#include "ooxml.h"
#include "sort.h"

#define MAX_COLS 256
#define MAX_CELLS (8L << 20) /* rows x columns of one sheet's grid */
#define MAX_ROWS 1048576

typedef struct sstr {
  char **s;
  long n;
  size_t cap;
} sstr;

typedef struct sheet {
  const char *name;
  char *part;
  int hidden;
} sheet;

typedef struct xcell {
  int row, col; /* 0-based */
  const char *text;
} xcell;

typedef struct xsheet {
  xcell *cells;
  long n;
  size_t cap;
  int *hidden_rows;
  int n_hidden_rows;
  size_t cap_hidden_rows;
  unsigned char col_hidden[MAX_COLS];
  int max_row, max_col;
  struct {
    int r0, c0, r1, c1;
  } * merges;
  int n_merges;
  size_t cap_merges;
} xsheet;

typedef struct reader {
  rg_cdoc *doc;
  rg_zip *z;
  const char *path;
  sstr ss;
  unsigned char *date_style; /* by cellXfs index */
  int n_styles;
  int date1904;
  char **owned;
  size_t n_owned, cap_owned;
} reader;

static char *own(reader *r, char *s) {
  RG_GROW(r->owned, r->cap_owned, r->n_owned + 1);
  r->owned[r->n_owned++] = s;
  return s;
}

/* The text of a string item (<si> or <is>): <t>, or the <t> of each <r>;
 * phonetic guides (<rPh>) are not text. */
static char *item_text(xmlNode *si) {
  rg_buf b = {0};
  rg_buf_puts(&b, "");
  for (xmlNode *c = si->children; c; c = c->next) {
    xmlNode *t = rg_xml_is(c, "t") ? c : rg_xml_is(c, "r") ? rg_xml_child(c, "t") : NULL;
    if (!t) continue;
    for (xmlNode *x = t->children; x; x = x->next)
      if (x->type == XML_TEXT_NODE && x->content) rg_buf_puts(&b, (const char *)x->content);
  }
  return b.s;
}

static rg_status read_shared(reader *r, xmlDoc *rels, rg_error *err) {
  xmlDoc *d;
  rg_status st =
      rg_zip_rel_xml(r->z, rels, "xl/", "sharedStrings", "xl/sharedStrings.xml", &d, err);
  if (st || !d) return st;
  for (xmlNode *si = xmlDocGetRootElement(d)->children; si; si = si->next) {
    if (!rg_xml_is(si, "si")) continue;
    RG_GROW(r->ss.s, r->ss.cap, (size_t)r->ss.n + 1);
    r->ss.s[r->ss.n++] = item_text(si);
  }
  xmlFreeDoc(d);
  return RG_OK;
}

/* Is a number format code a date? y, m (not in [..] or "..."), d, 年 月 日. */
static int date_code(const char *code) {
  int q = 0, br = 0, y = 0, d = 0;
  for (const char *p = code; *p; p++) {
    if (*p == '"')
      q = !q;
    else if (q)
      continue;
    else if (*p == '[')
      br = 1;
    else if (*p == ']')
      br = 0;
    else if (br)
      continue;
    else if (*p == '\\')
      p += p[1] ? 1 : 0;
    else if (*p == 'y' || *p == 'Y')
      y = 1;
    else if (*p == 'd' || *p == 'D')
      d = 1;
  }
  return y || d || strstr(code, "年") || strstr(code, "月") || strstr(code, "日");
}

static int builtin_date(long id) {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
         (id >= 50 && id <= 58);
}

static rg_status read_styles(reader *r, xmlDoc *rels, rg_error *err) {
  xmlDoc *d;
  rg_status st = rg_zip_rel_xml(r->z, rels, "xl/", "styles", NULL, &d, err);
  if (st || !d) return st;
  xmlNode *root = xmlDocGetRootElement(d);
  xmlNode *fmts = rg_xml_child(root, "numFmts"), *xfs = rg_xml_child(root, "cellXfs");
  int n = 0;
  for (xmlNode *x = xfs ? xfs->children : NULL; x; x = x->next)
    n += rg_xml_is(x, "xf");
  r->date_style = rg_xcalloc((size_t)n + 1, 1);
  r->n_styles = n;
  int i = 0;
  for (xmlNode *x = xfs ? xfs->children : NULL; x; x = x->next) {
    if (!rg_xml_is(x, "xf")) continue;
    const char *v = rg_xml_attr(x, "numFmtId");
    long id = v ? strtol(v, NULL, 10) : 0;
    int date = builtin_date(id), cn = id >= 27 && id <= 36 ? 1 : id >= 50 && id <= 58;
    for (xmlNode *f = fmts ? fmts->children : NULL; f; f = f->next) {
      const char *fid = rg_xml_attr(f, "numFmtId"), *code = rg_xml_attr(f, "formatCode");
      if (rg_xml_is(f, "numFmt") && fid && code && strtol(fid, NULL, 10) == id) {
        date = date_code(code);
        cn = strstr(code, "年") != NULL;
      }
    }
    r->date_style[i++] = (unsigned char)(date ? (cn ? 2 : 1) : 0);
  }
  xmlFreeDoc(d);
  return RG_OK;
}

/* "C12" -> col 2, row 11; 0 on a bad reference. */
static int cell_ref(const char *s, int *row, int *col) {
  long c = 0, r = 0;
  const char *p = s;
  while (*p >= 'A' && *p <= 'Z' && c <= 16384)
    c = c * 26 + (*p++ - 'A' + 1);
  while (*p == '$')
    p++;
  while (*p >= '0' && *p <= '9' && r <= MAX_ROWS)
    r = r * 10 + (*p++ - '0');
  if (c < 1 || r < 1 || c > 16384 || r > MAX_ROWS || (*p && *p != ':')) return 0;
  *row = (int)(r - 1);
  *col = (int)(c - 1);
  return 1;
}

static void col_name(int col, char *out) {
  char tmp[8];
  int n = 0;
  for (col++; col > 0 && n < 7; col = (col - 1) / 26)
    tmp[n++] = (char)('A' + (col - 1) % 26);
  for (int i = 0; i < n; i++)
    out[i] = tmp[n - 1 - i];
  out[n] = '\0';
}

/* Excel's serial day number to a civil date (1900 system with its leap-year
 * bug: serial 60 is 1900-02-29; or the 1904 system). */
static void serial_date(double v, int d1904, int cn, char *out, size_t size) {
  long days = (long)floor(v);
  if (!d1904 && days == 60) {
    snprintf(out, size, cn ? "1900年2月29日" : "1900-02-29");
    return;
  }
  /* days since 1970-01-01 */
  long z = d1904 ? days - 24107 : (days < 60 ? days + 1 : days) - 25569;
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153, d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
  /* serials below 2958466 end in 9999-12-31: every field fits an int */
  if (cn)
    snprintf(out, size, "%d年%d月%d日", (int)(y % 100000), (int)m, (int)d);
  else
    snprintf(out, size, "%04d-%02d-%02d", (int)(y % 100000), (int)m, (int)d);
}

static const char *cell_value(reader *r, xmlNode *c) {
  const char *t = rg_xml_attr(c, "t");
  xmlNode *v = rg_xml_child(c, "v");
  const char *vs =
      v && v->children && v->children->content ? (const char *)v->children->content : NULL;
  if (t && !strcmp(t, "inlineStr")) {
    xmlNode *is = rg_xml_child(c, "is");
    return is ? own(r, item_text(is)) : "";
  }
  if (!vs) return "";
  if (t && !strcmp(t, "s")) {
    char *end;
    long i = strtol(vs, &end, 10);
    return end != vs && i >= 0 && i < r->ss.n ? r->ss.s[i] : "";
  }
  if (t && !strcmp(t, "b")) return !strcmp(vs, "1") ? "TRUE" : "FALSE";
  /* the sheet's XML is freed after reading: keep copies */
  if (t && (!strcmp(t, "str") || !strcmp(t, "e") || !strcmp(t, "d"))) return own(r, rg_xstrdup(vs));
  char *end;
  double x = strtod(vs, &end);
  if (end == vs || !isfinite(x)) return own(r, rg_xstrdup(vs));
  const char *s = rg_xml_attr(c, "s");
  long si = s ? strtol(s, NULL, 10) : 0;
  char out[64];
  if (si >= 0 && si < r->n_styles && r->date_style[si] && x >= 1 && x < 2958466)
    serial_date(x, r->date1904, r->date_style[si] == 2, out, sizeof out);
  else if (x == floor(x) && fabs(x) < 1e15)
    snprintf(out, sizeof out, "%.0f", x);
  else
    snprintf(out, sizeof out, "%.15g", x);
  return own(r, rg_xstrdup(out));
}

static void xsheet_destroy(xsheet *s) {
  free(s->cells);
  free(s->hidden_rows);
  free(s->merges);
  memset(s, 0, sizeof *s);
}

static rg_status read_sheet(reader *r, const sheet *sh, xsheet *out, rg_error *err) {
  memset(out, 0, sizeof *out);
  out->max_row = out->max_col = -1;
  xmlDoc *d;
  rg_status st = rg_zip_xml(r->z, sh->part, 0, &d, err);
  if (st) return st;
  xmlNode *root = xmlDocGetRootElement(d);
  xmlNode *cols = rg_xml_child(root, "cols"), *data = rg_xml_child(root, "sheetData");
  for (xmlNode *c = cols ? cols->children : NULL; c; c = c->next) {
    const char *h = rg_xml_attr(c, "hidden");
    if (!rg_xml_is(c, "col") || !h || (strcmp(h, "1") && strcmp(h, "true"))) continue;
    long lo = strtol(rg_xml_attr(c, "min") ? rg_xml_attr(c, "min") : "0", NULL, 10);
    long hi = strtol(rg_xml_attr(c, "max") ? rg_xml_attr(c, "max") : "0", NULL, 10);
    for (long k = lo < 1 ? 1 : lo; k <= hi && k <= MAX_COLS; k++)
      out->col_hidden[k - 1] = 1;
  }
  int next_row = 0;
  for (xmlNode *row = data ? data->children : NULL; row; row = row->next) {
    if (!rg_xml_is(row, "row")) continue;
    const char *rr = rg_xml_attr(row, "r");
    long ri = rr ? strtol(rr, NULL, 10) - 1 : next_row;
    if (ri < 0 || ri >= MAX_ROWS) continue;
    next_row = (int)ri + 1;
    const char *h = rg_xml_attr(row, "hidden");
    int row_hidden = h && (!strcmp(h, "1") || !strcmp(h, "true"));
    int next_col = 0, any = 0;
    for (xmlNode *c = row->children; c; c = c->next) {
      if (!rg_xml_is(c, "c")) continue;
      const char *ref = rg_xml_attr(c, "r");
      int cr = (int)ri, cc = next_col;
      if (ref && !cell_ref(ref, &cr, &cc)) continue;
      next_col = cc + 1;
      if (cc >= MAX_COLS) continue;
      const char *text = cell_value(r, c);
      if (!text[0]) continue;
      RG_GROW(out->cells, out->cap, (size_t)out->n + 1);
      out->cells[out->n++] = (xcell){(int)ri, cc, text};
      if ((int)ri > out->max_row) out->max_row = (int)ri;
      if (cc > out->max_col) out->max_col = cc;
      any = 1;
    }
    if (row_hidden && any) {
      RG_GROW(out->hidden_rows, out->cap_hidden_rows, (size_t)out->n_hidden_rows + 1);
      out->hidden_rows[out->n_hidden_rows++] = (int)ri;
    }
  }
  xmlNode *mc = rg_xml_child(root, "mergeCells");
  for (xmlNode *m = mc ? mc->children : NULL; m; m = m->next) {
    const char *ref = rg_xml_attr(m, "ref");
    const char *colon = ref ? strchr(ref, ':') : NULL;
    int r0, c0, r1, c1;
    if (!rg_xml_is(m, "mergeCell") || !colon || !cell_ref(ref, &r0, &c0) ||
        !cell_ref(colon + 1, &r1, &c1))
      continue;
    if (r1 < r0 || c1 < c0 || c0 >= MAX_COLS) continue;
    RG_GROW(out->merges, out->cap_merges, (size_t)out->n_merges + 1);
    out->merges[out->n_merges].r0 = r0;
    out->merges[out->n_merges].c0 = c0;
    out->merges[out->n_merges].r1 = r1;
    out->merges[out->n_merges].c1 = c1 < MAX_COLS ? c1 : MAX_COLS - 1;
    out->n_merges++;
  }
  xmlFreeDoc(d);
  return RG_OK;
}

static int by_row(const void *a, const void *b, void *ctx) {
  (void)ctx;
  const xcell *x = a, *y = b;
  if (x->row != y->row) return x->row < y->row ? -1 : 1;
  return x->col < y->col ? -1 : x->col > y->col;
}

/* The index of key in the ascending v[0..n), or -1. */
static int find_index(const int *v, int n, int key) {
  const int *hit = rg_bsearch(&key, v, (size_t)n, sizeof *v, rg_cmp_int, NULL);
  return hit ? (int)(hit - v) : -1;
}

/* The grid of a sheet: its non-empty rows (rows[i] = sheet row), columns
 * 0..max_col, merges resolved. */
static rg_status build_grid(reader *r, const sheet *sh, xsheet *s, rg_grid *g, int **rows_out,
                            rg_error *err) {
  *rows_out = NULL;
  rg_sort(s->cells, (size_t)s->n, sizeof *s->cells, by_row, NULL);
  /* rows that have text, also through a vertical merge from above */
  int *rows = NULL, nrows = 0;
  size_t cap = 0;
  for (long i = 0; i < s->n; i++)
    if (!nrows || rows[nrows - 1] != s->cells[i].row) {
      RG_GROW(rows, cap, (size_t)nrows + 1);
      rows[nrows++] = s->cells[i].row;
    }
  int ncols = s->max_col + 1;
  if (ncols < 1) ncols = 1;
  if ((long)nrows * ncols > MAX_CELLS) {
    free(rows);
    return rg_error_set(err, RG_EINPUT, r->path, 0, 0,
                        "sheet %s has %d rows of %d columns: too large to read", sh->name, nrows,
                        ncols);
  }
  rg_grid_init(g, nrows, ncols);
  for (long i = 0; i < s->n; i++) {
    int k = find_index(rows, nrows, s->cells[i].row);
    RG_GRID(g, k, s->cells[i].col) = s->cells[i].text;
  }
  for (int m = 0; m < s->n_merges; m++) {
    int k0 = find_index(rows, nrows, s->merges[m].r0);
    if (k0 < 0 || s->merges[m].c0 >= ncols) continue; /* nothing to merge there */
    const char *top = RG_GRID(g, k0, s->merges[m].c0);
    for (int k = k0; k < nrows && rows[k] <= s->merges[m].r1; k++)
      for (int c = s->merges[m].c0; c <= s->merges[m].c1 && c < ncols; c++) {
        if (c == s->merges[m].c0) {
          if (k > k0) RG_GRID(g, k, c) = top; /* vertical merge: repeated down */
        } else {
          RG_GRID(g, k, c) = "";
          g->cont[(size_t)k * (size_t)ncols + (size_t)c] = 1;
        }
      }
  }
  for (int k = 0; k < nrows; k++) {
    int nonempty = 0, first = -1;
    for (int c = 0; c < ncols; c++)
      if (RG_GRID(g, k, c)[0]) {
        nonempty++;
        if (first < 0) first = c;
      }
    if (nonempty == 1) /* a merged title or section row fills its span */
      for (int c = first + 1; c < ncols && g->cont[(size_t)k * (size_t)ncols + (size_t)c]; c++)
        RG_GRID(g, k, c) = RG_GRID(g, k, first);
    char label[600], cn[8];
    col_name(first < 0 ? 0 : first, cn);
    snprintf(label, sizeof label, "%s!%s%d", sh->name, cn, rows[k] + 1);
    g->label[k] = rg_cdoc_keep(r->doc, label, strlen(label));
  }
  *rows_out = rows;
  return RG_OK;
}

/* Warnings for hidden rows and columns of the sheet read. */
static void report_hidden(reader *r, const sheet *sh, xsheet *s) {
  rg_plan *plan = r->doc->plan;
  for (int i = 0; i < s->n_hidden_rows;) {
    int j = i;
    while (j + 1 < s->n_hidden_rows && s->hidden_rows[j + 1] == s->hidden_rows[j] + 1)
      j++;
    char range[48], label[600];
    snprintf(label, sizeof label, "%s!A%d", sh->name, s->hidden_rows[i] + 1);
    if (j > i)
      snprintf(range, sizeof range, "rows %d-%d are", s->hidden_rows[i] + 1, s->hidden_rows[j] + 1);
    else
      snprintf(range, sizeof range, "row %d is", s->hidden_rows[i] + 1);
    rg_plan_diag(plan, RG_SEV_WARNING, rg_plan_add_loc(plan, label), "hidden-cells",
                 "%s hidden in sheet %s; read all the same (unhide to check %s)", range, sh->name,
                 j > i ? "them" : "it");
    i = j + 1;
  }
  for (int c = 0; c <= s->max_col && c < MAX_COLS; c++) {
    if (!s->col_hidden[c]) continue;
    int any = 0;
    for (long i = 0; i < s->n && !any; i++)
      any = s->cells[i].col == c;
    if (!any) continue;
    char cn[8], label[600];
    col_name(c, cn);
    snprintf(label, sizeof label, "%s!%s1", sh->name, cn);
    rg_plan_diag(plan, RG_SEV_WARNING, rg_plan_add_loc(plan, label), "hidden-cells",
                 "column %s is hidden in sheet %s; read all the same (unhide to check it)", cn,
                 sh->name);
  }
}

/* The worksheets of the workbook, in order (sheets[k].part malloc'd). */
static int list_sheets(xmlNode *root, xmlDoc *rels, sheet **out) {
  sheet *sheets = NULL;
  int n = 0;
  size_t cap = 0;
  xmlNode *sh = rg_xml_child(root, "sheets");
  for (xmlNode *s = sh ? sh->children : NULL; s; s = s->next) {
    const char *name = rg_xml_attr(s, "name"), *id = rg_xml_attr(s, "id");
    const char *state = rg_xml_attr(s, "state");
    if (!rg_xml_is(s, "sheet") || !name || !id) continue;
    char *part = rg_zip_rel_by_id(rels, "xl/", id);
    if (!part) continue;
    RG_GROW(sheets, cap, (size_t)n + 1);
    sheets[n++] = (sheet){name, part, state && strcmp(state, "visible") != 0};
  }
  *out = sheets;
  return n;
}

/* Append name to a list "a, b" in buf. */
static void name_list_add(char *buf, size_t size, const char *name) {
  if (buf[0]) strncat(buf, ", ", size - strlen(buf) - 1);
  strncat(buf, name, size - strlen(buf) - 1);
}

/* The sheet --sheet names (by name, or its 1-based number): *chosen, or an
 * error listing the sheets. */
static rg_status named_sheet(const reader *r, const sheet *sheets, int n, int *chosen,
                             rg_error *err) {
  const char *want = r->doc->sheet;
  *chosen = -1;
  for (int i = 0; i < n && *chosen < 0; i++)
    if (!strcmp(sheets[i].name, want)) *chosen = i;
  char *end;
  long k = strtol(want, &end, 10);
  if (*chosen < 0 && !*end && k >= 1 && k <= n) *chosen = (int)k - 1;
  if (*chosen >= 0) return RG_OK;
  char names[400] = "";
  for (int i = 0; i < n; i++)
    name_list_add(names, sizeof names, sheets[i].name);
  return rg_error_set(err, RG_EINPUT, r->path, 0, 0, "no sheet named '%s' (sheets: %s)", want,
                      names);
}

/* Which sheet holds the task table: of every visible sheet (or the chosen
 * one), the one whose table has the most rows (*best, -1 if none), the
 * first with text (*first_text), the other sheets with tables (others). */
static rg_status find_task_sheet(reader *r, const sheet *sheets, int n, int chosen, int *best,
                                 int *first_text, char *others, size_t size, rg_error *err) {
  int best_rows = 0;
  *best = *first_text = -1;
  for (int i = 0; i < n; i++) {
    if (chosen >= 0 ? i != chosen : sheets[i].hidden) continue;
    xsheet s;
    rg_status st = read_sheet(r, &sheets[i], &s, err);
    if (st) return st;
    if (s.n > 0 && *first_text < 0) *first_text = i;
    rg_grid g;
    int *rows;
    if (s.n > 0 && !(st = build_grid(r, &sheets[i], &s, &g, &rows, err))) {
      int h = rg_grid_header(&g, r->doc->columns), rows_below = g.nrows - h;
      if (h >= 0 && *best >= 0)
        name_list_add(others, size, rows_below > best_rows ? sheets[*best].name : sheets[i].name);
      if (h >= 0 && rows_below > best_rows) *best = i, best_rows = rows_below;
      rg_grid_destroy(&g);
      free(rows);
    }
    xsheet_destroy(&s);
    if (st) return st;
  }
  return RG_OK;
}

/* Read the sheet picked: its task table, or with none every cell a line,
 * row by row; then the hidden rows and columns and the other sheets. */
static rg_status read_picked(reader *r, const sheet *sh, int has_table, const char *others,
                             rg_error *err) {
  rg_cdoc *doc = r->doc;
  xsheet s;
  rg_status st = read_sheet(r, sh, &s, err);
  if (st) return st;
  rg_grid g;
  int *rows;
  st = build_grid(r, sh, &s, &g, &rows, err);
  if (!st) {
    if (!has_table || !rg_cdoc_task_table(doc, &g))
      for (int k = 0; k < g.nrows; k++)
        for (int c = 0; c < g.ncols; c++) {
          const char *t = RG_GRID(&g, k, c);
          if (!t[0] || g.cont[(size_t)k * (size_t)g.ncols + (size_t)c]) continue;
          if (k > 0 && RG_GRID(&g, k - 1, c) == t) continue; /* a vertical merge */
          char label[600], cn[8];
          col_name(c, cn);
          snprintf(label, sizeof label, "%s!%s%d", sh->name, cn, rows[k] + 1);
          rg_cdoc_line(doc, t, strlen(t), label);
        }
    report_hidden(r, sh, &s);
    if (others[0])
      rg_plan_diag(doc->plan, RG_SEV_WARNING, 0, "other-sheets",
                   "sheet %s was read; sheets %s also hold task tables (choose one with --sheet)",
                   sh->name, others);
    rg_grid_destroy(&g);
    free(rows);
  }
  xsheet_destroy(&s);
  return st;
}

/* The workbook's settings, shared strings and styles, then the sheet with
 * the task table (or the one --sheet names). */
static rg_status read_workbook(reader *r, xmlDoc *wb, xmlDoc *rels, sheet **sheets, int *n_sheets,
                               rg_error *err) {
  rg_status st = read_shared(r, rels, err);
  if (!st) st = read_styles(r, rels, err);
  if (st) return st;
  xmlNode *root = xmlDocGetRootElement(wb);
  xmlNode *pr = rg_xml_child(root, "workbookPr");
  const char *d1904 = pr ? rg_xml_attr(pr, "date1904") : NULL;
  r->date1904 = d1904 && (!strcmp(d1904, "1") || !strcmp(d1904, "true"));
  *n_sheets = list_sheets(root, rels, sheets);
  if (*n_sheets == 0)
    return rg_error_set(err, RG_EINPUT, r->path, 0, 0, "the workbook has no worksheet");
  int chosen = -1, best, first_text;
  if (r->doc->sheet && (st = named_sheet(r, *sheets, *n_sheets, &chosen, err))) return st;
  char others[400] = "";
  st = find_task_sheet(r, *sheets, *n_sheets, chosen, &best, &first_text, others, sizeof others,
                       err);
  if (st) return st;
  int pick = best >= 0 ? best : first_text;
  if (pick < 0)
    return rg_error_set(err, RG_EINPUT, r->path, 0, 0,
                        chosen >= 0 ? "sheet %s is empty" : "the workbook has no text%s",
                        chosen >= 0 ? (*sheets)[chosen].name : "");
  return read_picked(r, &(*sheets)[pick], best >= 0, others, err);
}

rg_status rg_xlsx_read(rg_zip *z, const char *main, rg_cdoc *doc, rg_error *err) {
  reader r;
  memset(&r, 0, sizeof r);
  r.doc = doc;
  r.z = z;
  r.path = doc->plan->path;
  xmlDoc *wb = NULL, *rels = NULL;
  sheet *sheets = NULL;
  int n_sheets = 0;
  rg_status st = rg_zip_xml(z, main, 0, &wb, err);
  if (!st) st = rg_zip_xml(z, "xl/_rels/workbook.xml.rels", 1, &rels, err);
  if (!st) st = read_workbook(&r, wb, rels, &sheets, &n_sheets, err);
  for (int i = 0; i < n_sheets; i++)
    free(sheets[i].part);
  free(sheets);
  for (long i = 0; i < r.ss.n; i++)
    own(&r, r.ss.s[i]);
  free(r.ss.s);
  /* cell texts are copied by the doc and the plan: free ours */
  for (size_t i = 0; i < r.n_owned; i++)
    free(r.owned[i]);
  free(r.owned);
  free(r.date_style);
  if (wb) xmlFreeDoc(wb);
  if (rels) xmlFreeDoc(rels);
  return st;
}
