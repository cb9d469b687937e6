#define _GNU_SOURCE /* memmem */
/* container.c - Word, Excel and PDF plans: detection by content, the shared
 * document model the readers fill, and the hand-over to the text parser and
 * the row mapper. */
#include "container.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "conventions.h"
#include "convert.h"
#include "ooxml.h"
#include "strutil.h"
#include "text.h"
#include "text_parser.h"

#define OLE2_MAGIC "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"

rg_container rg_container_detect(const char *data, size_t len) {
  if (len >= 4 && !memcmp(data, "PK\x03\x04", 4)) return RG_CONTAINER_ZIP;
  if (len >= 4 && !memcmp(data, "PK\x05\x06", 4)) return RG_CONTAINER_ZIP; /* empty archive */
  if (len >= 8 && !memcmp(data, OLE2_MAGIC, 8)) return RG_CONTAINER_OLE2;
  /* PDF readers accept the header anywhere in the first KiB */
  size_t n = len < 1024 ? len : 1024;
  for (size_t i = 0; i + 5 <= n; i++)
    if (data[i] == '%' && !memcmp(data + i, "%PDF-", 5)) return RG_CONTAINER_PDF;
  return RG_CONTAINER_NONE;
}

/* ------------------------------------------------------------ the doc */

const char *rg_cdoc_keep(rg_cdoc *doc, const char *s, size_t n) {
  return rg_html_doc_keep(&doc->page, s, n);
}

void rg_cdoc_line(rg_cdoc *doc, const char *text, size_t len, const char *label) {
  const char *copy = rg_cdoc_keep(doc, text, len);
  if (rg_is_blank(copy)) return;
  long loc = rg_plan_add_loc(doc->plan, label);
  rg_lines_push(&doc->page.lines, copy, len, loc);
}

/* ----------------------------------------------------------- the grid */

void rg_grid_init(rg_grid *g, int nrows, int ncols) {
  g->nrows = nrows;
  g->ncols = ncols;
  size_t n = (size_t)nrows * (size_t)ncols;
  g->cell = rg_xmalloc((n ? n : 1) * sizeof *g->cell);
  for (size_t i = 0; i < n; i++)
    g->cell[i] = "";
  g->cont = rg_xcalloc(n ? n : 1, 1);
  g->label = rg_xcalloc(nrows ? (size_t)nrows : 1, sizeof *g->label);
}

void rg_grid_destroy(rg_grid *g) {
  free(g->cell);
  free(g->cont);
  free(g->label);
  memset(g, 0, sizeof *g);
}

/* A header candidate: short cells only (a header names columns). */
static int header_at(const rg_grid *g, const char **cells, const char *columns) {
  int nonempty = 0;
  for (int c = 0; c < g->ncols; c++) {
    if (strlen(cells[c]) > 96) return 0;
    nonempty += cells[c][0] != '\0';
  }
  return nonempty >= 2 && rg_rows_header_ok(cells, g->ncols, columns);
}

/* The header row of g (-1 none); *two = 1 when row h+1 completes it
 * (merged names in merged[]). */
static int find_header(const rg_grid *g, const char *columns, const char **merged, int *two) {
  *two = 0;
  for (int r = 0; r < g->nrows && r < 10; r++) {
    const char **row = &RG_GRID(g, r, 0);
    /* a two-level header: 责任单位 merged over 牵头单位 | 配合单位 in the next
     * row, the other header cells merged down (repeated) or empty below */
    if (r + 1 < g->nrows) {
      const char **next = &RG_GRID(g, r + 1, 0);
      int ok = 1, any = 0;
      for (int c = 0; c < g->ncols; c++) {
        int spanned = g->cont[(size_t)r * (size_t)g->ncols + (size_t)c] ||
                      (c + 1 < g->ncols && g->cont[(size_t)r * (size_t)g->ncols + (size_t)c + 1]);
        merged[c] = row[c];
        if (!next[c][0] || !strcmp(next[c], row[c])) continue;
        if (!spanned && row[c][0]) ok = 0;
        merged[c] = next[c];
        any = 1;
      }
      if (ok && any && header_at(g, merged, columns)) {
        *two = 1;
        return r;
      }
    }
    if (header_at(g, row, columns)) return r;
  }
  return -1;
}

int rg_grid_header(const rg_grid *g, const char *columns) {
  if (g->nrows < 1 || g->ncols < 2) return -1;
  const char **merged = rg_xmalloc((size_t)g->ncols * sizeof *merged);
  int two, h = find_header(g, columns, merged, &two);
  free(merged);
  return h;
}

int rg_cdoc_task_table(rg_cdoc *doc, const rg_grid *g) {
  if (g->nrows < 1 || g->ncols < 2) return 0;
  const char **merged = rg_xmalloc((size_t)g->ncols * sizeof *merged);
  int two, h = find_header(g, doc->columns, merged, &two);
  if (h < 0) {
    free(merged);
    return 0;
  }
  for (int r = 0; r < h; r++)
    for (int c = 0; c < g->ncols; c++) {
      const char *s = RG_GRID(g, r, c);
      if (!g->cont[(size_t)r * (size_t)g->ncols + (size_t)c])
        rg_cdoc_line(doc, s, strlen(s), g->label[r]);
    }
  RG_GROW(doc->page.tables, doc->page.cap_tables, (size_t)doc->page.n_tables + 1);
  rg_html_table *t = &doc->page.tables[doc->page.n_tables++];
  memset(t, 0, sizeof *t);
  for (int r = h; r < g->nrows; r++) {
    if (two && r == h + 1) continue;
    const char **cells = rg_xmalloc((size_t)g->ncols * sizeof *cells);
    const char **src = r == h && two ? merged : &RG_GRID(g, r, 0);
    for (int c = 0; c < g->ncols; c++)
      cells[c] = rg_cdoc_keep(doc, src[c], strlen(src[c]));
    RG_GROW(t->rows, t->cap, (size_t)t->n + 1);
    t->rows[t->n] =
        (rg_row){cells, g->ncols, rg_plan_add_loc(doc->plan, g->label[r] ? g->label[r] : ""), NULL};
    t->n++;
  }
  free(merged);
  return 1;
}

/* ---------------------------------------------------------- dispatch */

/* Does the OLE2 file hold a stream (directory entry) of this name? Names
 * are UTF-16LE in the directory; a byte search finds them. */
static int ole2_has(const char *data, size_t len, const char *name) {
  char pat[64];
  size_t n = strlen(name);
  if (2 * n + 2 > sizeof pat) return 0;
  for (size_t i = 0; i < n; i++) {
    pat[2 * i] = name[i];
    pat[2 * i + 1] = '\0';
  }
  pat[2 * n] = pat[2 * n + 1] = '\0'; /* the name is NUL-terminated */
  return memmem(data, len, pat, 2 * n + 2) != NULL;
}

static rg_status legacy(const char *path, const char *data, size_t len, rg_error *err) {
  if (ole2_has(data, len, "EncryptionInfo") || ole2_has(data, len, "EncryptedPackage"))
    return rg_error_set(err, RG_EINPUT, path, 0, 0,
                        "an encrypted (password-protected) Office document: open it, remove the "
                        "password and save it again as .docx/.xlsx or PDF");
  if (ole2_has(data, len, "WordDocument"))
    return rg_error_set(err, RG_EINPUT, path, 0, 0,
                        "a Word 97-2003 or WPS document (.doc/.wps) cannot be read: save it as "
                        ".docx or PDF");
  if (ole2_has(data, len, "Workbook") || ole2_has(data, len, "Book"))
    return rg_error_set(err, RG_EINPUT, path, 0, 0,
                        "an Excel 97-2003 or WPS workbook (.xls/.et) cannot be read: save it as "
                        ".xlsx or PDF");
  return rg_error_set(err, RG_EINPUT, path, 0, 0,
                      "an old Office file (OLE2 compound document) cannot be read: save it as "
                      ".docx/.xlsx or PDF");
}

static rg_status read_package(const char *path, const char *data, size_t len, rg_cdoc *doc,
                              rg_error *err) {
  rg_zip *z;
  rg_status st = rg_zip_open(path, data, len, &z, err);
  if (st) return st;
  xmlDoc *types = NULL, *rels = NULL;
  char *main = NULL, *ctype = NULL;
  if (rg_zip_has(z, "mimetype") && !rg_zip_has(z, "[Content_Types].xml")) {
    char *mt;
    size_t ml;
    st = rg_zip_read(z, "mimetype", 0, &mt, &ml, err);
    if (!st) {
      int odt = strstr(mt, "opendocument") != NULL;
      st = rg_error_set(
          err, RG_EINPUT, path, 0, 0, "%s cannot be read: save it as .docx/.xlsx or PDF",
          odt ? "an OpenDocument file (.odt/.ods)" : "a ZIP archive of an unknown kind");
      free(mt);
    }
    goto out;
  }
  st = rg_zip_xml(z, "[Content_Types].xml", 0, &types, err);
  if (st) goto out;
  st = rg_zip_xml(z, "_rels/.rels", 1, &rels, err);
  if (st) goto out;
  main = rg_zip_rel_target(rels, "", "officeDocument");
  if (!main && rg_zip_has(z, "word/document.xml")) main = rg_xstrdup("word/document.xml");
  if (!main && rg_zip_has(z, "xl/workbook.xml")) main = rg_xstrdup("xl/workbook.xml");
  if (!main) {
    st = rg_error_set(err, RG_EINPUT, path, 0, 0,
                      "a ZIP archive that is not a Word or Excel document (no main part): "
                      "save the plan as .docx/.xlsx or PDF");
    goto out;
  }
  ctype = rg_zip_content_type(types, main);
  const char *ct = ctype ? ctype : "";
  rg_reading *rd = rg_reading_of(doc->plan);
  if (strstr(ct, "wordprocessingml") || (!ctype && ends(main, "document.xml"))) {
    rd->format = "Word document (.docx)";
    st = rg_docx_read(z, main, doc, err);
  } else if (strstr(ct, "spreadsheetml") || (!ctype && ends(main, "workbook.xml"))) {
    rd->format = "Excel workbook (.xlsx)";
    st = rg_xlsx_read(z, main, doc, err);
  } else if (strstr(ct, "presentationml"))
    st = rg_error_set(err, RG_EINPUT, path, 0, 0,
                      "a PowerPoint presentation (.pptx) cannot be read: save the plan as "
                      ".docx/.xlsx or PDF");
  else
    st = rg_error_set(err, RG_EINPUT, path, 0, 0,
                      "an Office package of an unknown kind (%s): save the plan as .docx/.xlsx "
                      "or PDF",
                      ctype ? ctype : main);
out:
  free(main);
  free(ctype);
  if (types) xmlFreeDoc(types);
  if (rels) xmlFreeDoc(rels);
  rg_zip_close(z);
  return st;
}

/* A title for a plan read from tables: the last short line above the first
 * task table that names a plan (方案, 分工, 清单, 任务, 计划, 台账). */
static const char *table_title(const rg_cdoc *doc) {
  const char *best = NULL;
  long first = doc->page.n_tables ? doc->page.tables[0].rows[0].lineno : 0;
  for (int i = 0; i < doc->page.lines.n; i++) {
    const rg_line *l = &doc->page.lines.v[i];
    if (first && l->lineno > first) break;
    if (l->len > 200) continue;
    static const char *const words[] = {"方案", "分工", "清单", "任务", "计划", "台账", NULL};
    for (int w = 0; words[w]; w++)
      if (memmem(l->text, l->len, words[w], strlen(words[w]))) {
        best = l->text;
        break;
      }
  }
  return best;
}

/* A plan in traditional characters: convert every line and cell (OpenCC
 * t2s, as load.c does for text), so unit names match simplified plans.
 * Decided on a sample of the text, as for text plans. */
static rg_status convert_traditional(rg_cdoc *doc, rg_error *err) {
  rg_buf sample = {0};
  for (int i = 0; i < doc->page.lines.n && sample.n < 65536; i++) {
    rg_buf_putn(&sample, doc->page.lines.v[i].text, doc->page.lines.v[i].len);
    rg_buf_putn(&sample, "\n", 1);
  }
  for (int t = 0; t < doc->page.n_tables && sample.n < 65536; t++)
    for (int r = 0; r < doc->page.tables[t].n && sample.n < 65536; r++)
      for (int c = 0; c < doc->page.tables[t].rows[r].n; c++) {
        rg_buf_puts(&sample, doc->page.tables[t].rows[r].cells[c]);
        rg_buf_putn(&sample, "\n", 1);
      }
  int trad = sample.n && rg_convert_is_traditional(sample.s, sample.n);
  free(sample.s);
  if (!trad) return RG_OK;
  rg_status st = RG_OK;
  for (int i = 0; i < doc->page.lines.n && !st; i++) {
    char *out;
    size_t n;
    st = rg_convert_t2s(doc->plan->path, doc->page.lines.v[i].text, doc->page.lines.v[i].len, &out,
                        &n, err);
    if (st) break;
    doc->page.lines.v[i].text = rg_cdoc_keep(doc, out, n);
    doc->page.lines.v[i].len = n;
    free(out);
  }
  for (int t = 0; t < doc->page.n_tables && !st; t++)
    for (int r = 0; r < doc->page.tables[t].n && !st; r++)
      for (int c = 0; c < doc->page.tables[t].rows[r].n && !st; c++) {
        const char *cell = doc->page.tables[t].rows[r].cells[c];
        char *out;
        size_t n;
        if (!*cell) continue;
        st = rg_convert_t2s(doc->plan->path, cell, strlen(cell), &out, &n, err);
        if (st) break;
        ((const char **)doc->page.tables[t].rows[r].cells)[c] = rg_cdoc_keep(doc, out, n);
        free(out);
      }
  if (!st) {
    rg_reading_of(doc->plan)->encoding = "Unicode, traditional script converted to simplified";
    rg_plan_diag(doc->plan, RG_SEV_NOTE, 0, "traditional",
                 "traditional script converted to simplified (OpenCC t2s)");
  }
  return st;
}

rg_status rg_container_parse(rg_plan *plan, const char *data, size_t len, const rg_load_opts *opts,
                             rg_error *err) {
  rg_container kind = rg_container_detect(data, len);
  if (kind == RG_CONTAINER_OLE2) return legacy(plan->path, data, len, err);
  rg_cdoc doc;
  memset(&doc, 0, sizeof doc);
  rg_reading_of(plan)->encoding = "Unicode"; /* as the package or text layer stores it */
  doc.plan = plan;
  doc.columns = opts ? opts->columns : NULL;
  doc.sheet = opts ? opts->sheet : NULL;
  rg_status st;
  if (kind == RG_CONTAINER_PDF) {
    rg_reading_of(plan)->format = "PDF (text layer)";
    st = rg_pdf_read(data, len, &doc, err);
  } else if (kind == RG_CONTAINER_ZIP)
    st = read_package(plan->path, data, len, &doc, err);
  else
    st = rg_error_set(err, RG_EINPUT, plan->path, 0, 0, "not a Word, Excel or PDF file");
  if (!st) st = convert_traditional(&doc, err);
  if (!st) {
    /* the level and the rules the document states, as for a web page */
    if (doc.page.n_tables == 0) {
      rg_reading_set_level(plan, doc.page.title, 0);
      st = rg_text_parse(plan, &doc.page.lines, err);
    } else {
      rg_conv_around_tables(plan, doc.page.title, &doc.page.lines);
    }
    for (int i = 0; i < doc.page.n_tables && !st; i++)
      st = rg_rows_parse(plan, doc.page.tables[i].rows, doc.page.tables[i].n, opts, err);
    if (!st && plan->n_tasks == 0)
      st = rg_error_set(err, RG_EINPUT, plan->path,
                        doc.page.n_tables ? doc.page.tables[0].rows[0].lineno : 0, 0,
                        "no task rows below the task table's header");
    if (!st && !plan->meta.title) {
      const char *t = doc.page.title      ? doc.page.title
                      : doc.page.n_tables ? table_title(&doc)
                                          : NULL;
      if (t) plan->meta.title = rg_plan_strdup(plan, t);
    }
  }
  /* "x.csv:12: msg" becomes "plan.xlsx:任务!C12: msg" */
  if (st && err && err->line > 0 && err->line <= plan->n_locs) {
    size_t n = strlen(err->file);
    if (n + 1 < sizeof err->file) {
      err->file[n] = ':';
      err->file[n + 1] = '\0';
      strncat(err->file, plan->locs[err->line - 1], sizeof err->file - n - 2);
    }
    err->line = 0;
    err->col = 0;
  }
  rg_html_doc_destroy(&doc.page);
  return st;
}
