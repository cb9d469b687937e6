/* xlsx.c - report.xlsx: the workbook for readers who filter and sort in Excel. */
#include "xlsx.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <xlsxwriter/utility.h>

#include "escape.h"
#include "schema.h"
#include "stamp.h"
#include "utf8.h"

#define TR(zh, en) rg_report_tr(d, (zh), (en))

typedef struct book {
  lxw_workbook *wb;
  lxw_format *head, *wrap, *over;
  const rg_report_data *d;
  const char *sheet; /* the sheet being written, for messages */
  /* number formats asked for by columns (rg_column.num_format), made once */
  const char *fmt_names[16];
  lxw_format *fmts[16];
  int n_fmts;
} book;

/* The cell format for a column's number format, NULL for General. */
static lxw_format *number_format(book *b, const char *name) {
  if (!name) return NULL;
  for (int i = 0; i < b->n_fmts; i++)
    if (!strcmp(b->fmt_names[i], name)) return b->fmts[i];
  if (b->n_fmts == (int)(sizeof b->fmts / sizeof b->fmts[0])) return NULL;
  lxw_format *f = workbook_add_format(b->wb);
  format_set_num_format(f, name);
  b->fmt_names[b->n_fmts] = name;
  return b->fmts[b->n_fmts++] = f;
}

/* What a cell holds: 32,767 characters, counted as Excel counts them (in
 * UTF-16 units: a character beyond U+FFFF is two). */
#define CELL_MAX 32767

static size_t utf16_units(const char *s, size_t len) {
  size_t u = 0;
  for (size_t i = 0; i < len; i += rg_utf8_char_len(s + i))
    u += rg_utf8_char_len(s + i) == 4 ? 2 : 1;
  return u;
}

/* Write text s. Longer than a cell holds (libxlsxwriter would leave the
 * cell empty), it is cut at a character boundary and ends with a visible
 * marker, and a warning names the cell; index.html and report.json keep the
 * whole text. */
static void put_text(book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s,
                     lxw_format *f) {
  size_t len = strlen(s);
  if (len <= CELL_MAX || utf16_units(s, len) <= CELL_MAX) {
    worksheet_write_string(ws, row, col, s, f);
    return;
  }
  const rg_report_data *d = b->d;
  const char *marker = TR("…（全文见网页/JSON）", "… (full text in index.html and report.json)");
  size_t room = CELL_MAX - utf16_units(marker, strlen(marker)), u = 0, cut = 0;
  while (cut < len) {
    size_t n = rg_utf8_char_len(s + cut), w = n == 4 ? 2 : 1;
    if (u + w > room) break;
    u += w;
    cut += n;
  }
  size_t mlen = strlen(marker);
  char *t = rg_xmalloc(cut + mlen + 1);
  memcpy(t, s, cut);
  memcpy(t + cut, marker, mlen + 1);
  worksheet_write_string(ws, row, col, t, f);
  free(t);
  char cell[LXW_MAX_CELL_NAME_LENGTH];
  lxw_rowcol_to_cell(cell, row, col);
  fprintf(stderr,
          "respgraph: warning: report.xlsx: sheet %s, cell %s: the text is %zu characters, "
          "more than a cell holds (%d); cut, with a marker (index.html and report.json have "
          "it all)\n",
          b->sheet, cell, utf16_units(s, len), CELL_MAX);
}

/* Write one cell of a table: numbers as numbers (never a formula), text as
 * text, lists joined by 、, references by their names and numbers. */
static void write_cell(book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const rg_table *t,
                       int c, const rg_cell *v, lxw_format *mark) {
  const rg_tcol *tc = rg_table_col(t, c);
  const rg_plan *plan = rg_table_plan(t);
  const rg_report_data *d = b->d;
  switch (tc->col->type) {
  case RG_COL_INT:
  case RG_COL_CLUSTER:
    if (!(v->i == 0 && (tc->col->flags & RG_COLF_ZERO_NONE)))
      worksheet_write_number(ws, row, col, (double)v->i, number_format(b, tc->col->num_format));
    return;
  case RG_COL_REAL:
    if (isfinite(v->r))
      worksheet_write_number(ws, row, col, v->r, number_format(b, tc->col->num_format));
    return;
  case RG_COL_BOOL:
    if (v->i) worksheet_write_string(ws, row, col, TR("是", "yes"), NULL);
    return;
  case RG_COL_UNIT:
    if (v->i >= 0) put_text(b, ws, row, col, plan->units[v->i].name, mark);
    return;
  case RG_COL_TASK:
    if (v->i >= 0) put_text(b, ws, row, col, plan->tasks[v->i].number, NULL);
    return;
  case RG_COL_STR: {
    const char *s = rg_cell_label(tc, v->s, d->zh);
    char *end = NULL;
    double x = s && (tc->vflags & RG_VC_NUMBER) ? strtod(s, &end) : NAN;
    /* a number as printed ("21") is a number in the sheet; anything else stays text */
    if (s && *s && end && !*end && isfinite(x))
      worksheet_write_number(ws, row, col, x, NULL);
    else if (s)
      put_text(b, ws, row, col, s, NULL);
    return;
  }
  case RG_COL_LIST:
  case RG_COL_TASKS:
  case RG_COL_UNITS: {
    char *s = rg_cell_text(t, c, v, "、");
    put_text(b, ws, row, col, s, NULL);
    free(s);
    return;
  }
  case RG_COL_REALS:
    return; /* report.json only */
  }
}

/* Print: A4 landscape, every column on one page wide, the header row on
 * every page, the sheet and page number in the footer. */
static void page_setup(book *b, lxw_worksheet *ws, const char *name) {
  worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 9); /* A4 */
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_repeat_rows(ws, 0, 0);
  worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);
  char footer[160];
  snprintf(footer, sizeof footer, "&L%s&R%s", name,
           b->d->zh ? "第 &P 页，共 &N 页" : "Page &P of &N");
  worksheet_set_footer(ws, footer);
}

/* One sheet from a table: header row frozen (with the view's frozen
 * columns), widths, the cells, an autofilter over the data. */
static void table_sheet(book *b, const char *name, const rg_table *t) {
  const rg_report_data *d = b->d;
  lxw_worksheet *ws = workbook_add_worksheet(b->wb, name);
  if (!ws) return;
  b->sheet = name;
  int ncols = rg_table_ncols(t), nrows = rg_table_rows(t);
  int mark_col = -1;
  for (int c = 0; c < ncols; c++) {
    const rg_tcol *tc = rg_table_col(t, c);
    double w = tc->width > 0 ? tc->width : 10;
    worksheet_write_string(ws, 0, (lxw_col_t)c, d->zh ? tc->zh : tc->en, b->head);
    rg_coltype ty = tc->col->type;
    int texty = ty == RG_COL_STR || ty == RG_COL_LIST || ty == RG_COL_TASKS || ty == RG_COL_UNITS;
    worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, w, texty && w >= 20 ? b->wrap : NULL);
    if (mark_col < 0 && tc->col->type == RG_COL_UNIT) mark_col = c;
  }
  worksheet_freeze_panes(ws, 1, (lxw_col_t)rg_table_freeze_cols(t));
  int mark_rows = rg_table_view_flags(t) & RG_VIEW_MARK_ROWS;
  rg_cell v = {0};
  for (int r = 0; r < nrows; r++) {
    lxw_format *mark = mark_rows && rg_table_row_class(t, r) ? b->over : NULL;
    for (int c = 0; c < ncols; c++) {
      rg_table_cell(t, r, c, &v);
      write_cell(b, ws, (lxw_row_t)(r + 1), (lxw_col_t)c, t, c, &v, c == mark_col ? mark : NULL);
    }
  }
  rg_cell_reset(&v);
  free(v.owned);
  worksheet_autofilter(ws, 0, 0, (lxw_row_t)(nrows > 0 ? nrows : 1), (lxw_col_t)(ncols - 1));
  page_setup(b, ws, name);
}

static void view_sheet(book *b, const rg_view *v) {
  const rg_report_data *d = b->d;
  rg_table_src src = {.plan = d->plan, .res = d->res, .rd = d, .only_unit = -1};
  rg_table *t = rg_table_view(v, &src);
  table_sheet(b, TR(v->zh, v->en), t);
  rg_table_free(t);
}

/* The 说明 sheet: the method, then every column of every sheet with what it
 * means (rg_column_definition, else the column's own hint). */
static void notes_sheet(book *b, const rg_view *const *views, int n) {
  const rg_report_data *d = b->d;
  static const char *const names_zh[] = {"工作表", "列", "含义"};
  static const char *const names_en[] = {"sheet", "column", "meaning"};
  rg_table *t = rg_table_new(3, d->zh ? names_zh : names_en, NULL);
  const char *method[][2] = {
      {"负荷：牵头任务计 %g，配合任务计 %g；超过 Q3 + 1.5 × IQR（%g）为任务明显偏重。",
       "Load: %g per led task, %g per supported task; above Q3 + 1.5 IQR (%g) is overloaded."},
      {"协作关系：两单位共同承担任务即有联系；聚类用 Leiden 算法（模块度 %.3f），以多数任务所在章节"
       "和负荷最重的单位命名。",
       "Ties: two units sharing a task; clusters by Leiden (modularity %.3f), named by the chapter "
       "of most of their tasks and their heaviest units."},
      {"协作骨干：按各单位、各任务的单位数随机分配时，共同任务不少于实际数的概率 p < %g 为显著"
       "（SDSM 检验），另加每个单位最紧密的一条联系。",
       "Backbone: ties with p < %g under the SDSM null model (random assignment keeping every "
       "unit's and task's number of links), plus each unit's strongest tie."}};
  const rg_results *r = d->res;
  double v[][3] = {{r->opts.lead_weight, r->opts.support_weight, r->fence},
                   {r->modularity, 0, 0},
                   {r->alpha, 0, 0}};
  for (int k = 0; k < 3; k++) {
    char buf[600];
    if (k == 0)
      snprintf(buf, sizeof buf, d->zh ? method[k][0] : method[k][1], v[k][0], v[k][1], v[k][2]);
    else
      snprintf(buf, sizeof buf, d->zh ? method[k][0] : method[k][1], v[k][0]);
    rg_table_row(t);
    rg_table_str(t, 0, TR("方法", "method"));
    rg_table_str(t, 2, buf);
  }
  for (int i = 0; i < n; i++) {
    rg_table_src src = {.plan = d->plan, .res = d->res, .rd = d, .only_unit = -1};
    rg_table *vt = rg_table_view(views[i], &src);
    for (int c = 0; c < rg_table_ncols(vt); c++) {
      const rg_tcol *tc = rg_table_col(vt, c);
      const char *def = rg_column_definition(tc->col->key, d->zh);
      if (!def) def = d->zh ? tc->hint_zh : tc->hint_en;
      if (tc->arg > 0) continue; /* one row for a repeated column */
      rg_table_row(t);
      rg_table_str(t, 0, TR(views[i]->zh, views[i]->en));
      rg_table_str(t, 1, d->zh ? tc->zh : tc->en);
      rg_table_str(t, 2, def ? def : "");
    }
    rg_table_free(vt);
  }
  table_sheet(b, TR("说明", "Notes"), t);
  rg_table_free(t);
}

/* An extra table: its own sheet, named by its title when Excel accepts it. */
static void extra_sheet(book *b, const rg_report_extra *x) {
  /* sheet names: at most 31 characters and none of []:*?/\ (libxlsxwriter checks) */
  char name[LXW_MAX_SHEETNAME_LENGTH];
  snprintf(name, sizeof name, "%s", x->title);
  if (workbook_validate_sheet_name(b->wb, name) != LXW_NO_ERROR)
    snprintf(name, sizeof name, "%s", x->id);
  if (workbook_validate_sheet_name(b->wb, name) != LXW_NO_ERROR)
    snprintf(name, sizeof name, "extra%d", (int)(x - b->d->opts->extras) + 1);
  table_sheet(b, name, x->table);
}

/* workbook_close, with libxlsxwriter's own "[ERROR][packager.c:…]" lines
 * (printed to stderr by the library, with no way to turn them off) kept off
 * the terminal: its return code becomes respgraph's one message. The report
 * is written by one thread, so the moment stderr points at /dev/null hides
 * nothing else of ours. */
static lxw_error close_quietly(lxw_workbook *wb, int *sys_errno) {
  fflush(stderr);
  int saved = dup(STDERR_FILENO);
  int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
  if (saved >= 0 && null >= 0) dup2(null, STDERR_FILENO);
  errno = 0;
  lxw_error rc = workbook_close(wb);
  *sys_errno = errno; /* ENOSPC behind ZIP_ERRNO */
  fflush(stderr);
  if (saved >= 0) {
    dup2(saved, STDERR_FILENO);
    close(saved);
  }
  if (null >= 0) close(null);
  return rc;
}

rg_status rg_xlsx_write(const char *path, const rg_report_data *d, rg_error *err) {
  lxw_workbook_options o = {.constant_memory = 0, .tmpdir = NULL, .use_zip64 = 0};
  lxw_workbook *wb = workbook_new_opt(path, &o);
  if (!wb) return rg_error_set(err, RG_ESYS, path, 0, 0, "cannot create the workbook");
  lxw_doc_properties props;
  memset(&props, 0, sizeof props);
  /* libxlsxwriter escapes & < > in docProps/core.xml but writes control
   * characters as they are, which no XML parser (and no Excel) accepts */
  char *title = rg_escape_xml_clean(d->plan->meta.title ? d->plan->meta.title : "");
  char *comments = rg_escape_xml_clean(d->plan->path);
  props.title = title;
  props.author = (char *)"respgraph";
  props.comments = comments;
  props.created = rg_stamp_epoch(); /* never "now": same input, same bytes */
  workbook_set_properties(wb, &props);
  book b = {.wb = wb, .d = d};
  b.head = workbook_add_format(wb);
  format_set_bold(b.head);
  format_set_bg_color(b.head, 0xDCE6F1);
  format_set_text_wrap(b.head);
  format_set_align(b.head, LXW_ALIGN_VERTICAL_TOP);
  b.wrap = workbook_add_format(wb);
  format_set_text_wrap(b.wrap);
  format_set_align(b.wrap, LXW_ALIGN_VERTICAL_TOP);
  b.over = workbook_add_format(wb);
  format_set_font_color(b.over, LXW_COLOR_RED);
  format_set_bold(b.over);
  /* sheet numbers stay as they were: the new 任务分工 and 说明 come last */
  const rg_view *sheets[] = {&rg_view_sheet_tasks,      &rg_view_sheet_load,
                             &rg_view_sheet_centrality, &rg_view_sheet_ties,
                             &rg_view_sheet_clusters,   &rg_view_sheet_diags,
                             &rg_view_sheet_reading,    &rg_view_sheet_links};
  int n_sheets = (int)(sizeof sheets / sizeof sheets[0]);
  for (int i = 0; i < n_sheets - 1; i++)
    view_sheet(&b, sheets[i]);
  for (int e = 0; e < d->opts->n_extras; e++)
    extra_sheet(&b, &d->opts->extras[e]);
  view_sheet(&b, sheets[n_sheets - 1]);
  notes_sheet(&b, sheets, n_sheets);
  int sys_errno = 0;
  lxw_error rc = close_quietly(wb, &sys_errno);
  free(title);
  free(comments);
  if (rc != LXW_NO_ERROR && sys_errno)
    return rg_error_set(err, RG_ESYS, path, 0, 0, "cannot write the workbook: %s (%s)",
                        strerror(sys_errno), lxw_strerror(rc));
  if (rc != LXW_NO_ERROR)
    return rg_error_set(err, RG_ESYS, path, 0, 0, "cannot write the workbook: %s",
                        lxw_strerror(rc));
  return RG_OK;
}
