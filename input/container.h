/* container.h - plans as published: Word (.docx), Excel (.xlsx) and PDF,
 * recognised by their bytes, never by the file name.
 *
 *   ZIP (PK\3\4) with [Content_Types].xml: the officeDocument part of
 *       _rels/.rels decides: a WordprocessingML document -> docx.c, a
 *       SpreadsheetML workbook -> xlsx_read.c; other packages (.pptx,
 *       OpenDocument) get an error that names them.
 *   %PDF- within the first KiB -> pdf.c (poppler-glib).
 *   OLE2 compound file (D0 CF 11 E0 A1 B1 1A E1): an encrypted Office Open
 *       XML package (EncryptionInfo stream), a Word 97-2003/WPS document
 *       (WordDocument stream: .doc, .wps) or an Excel 97-2003/WPS workbook
 *       (Workbook or Book stream: .xls, .et): one error that names the
 *       format and the fix.
 *
 * Each reader fills an rg_cdoc: lines for the text parser and task tables
 * as rows for rg_rows_parse, exactly what the HTML reader gives, so every
 * reading rule of the text, HTML and CSV readers applies unchanged. Each
 * line and row has a location number from rg_plan_add_loc (¶12, table 2
 * row 5, 任务!C12, p3:14), so every diagnostic names a place the user can
 * find. */
#ifndef RG_CONTAINER_H
#define RG_CONTAINER_H

#include <stddef.h>

#include "html.h"
#include "load.h"
#include "plan.h"
#include "rows.h"
#include "source.h"

typedef enum {
  RG_CONTAINER_NONE = 0,
  RG_CONTAINER_ZIP = 1,
  RG_CONTAINER_PDF = 2,
  RG_CONTAINER_OLE2 = 3,
} rg_container;

/* The container of raw bytes (before any decoding). O(1) (PDF: 1 KiB). */
rg_container rg_container_detect(const char *data, size_t len);

/* Read a container plan into plan (not finalised; rg_plan_load does that).
 * Errors are RG_EINPUT with one message naming the file (and the place:
 * "plan.xlsx:任务!C12: ..."). */
rg_status rg_container_parse(rg_plan *plan, const char *data, size_t len, const rg_load_opts *opts,
                             rg_error *err);

/* ---------------------------------------------- what the readers fill */

typedef struct rg_cdoc {
  rg_plan *plan;       /* locations are added to it */
  const char *columns; /* --columns or NULL */
  const char *sheet;   /* --sheet or NULL */
  /* what the HTML reader gives for a page: page.lines, block text in reading
   * order (lineno = location); page.tables, the task tables in reading
   * order; page.title, a title the reader found (may be NULL); and the
   * strings they point to */
  rg_html_doc page;
} rg_cdoc;

/* A copy of n bytes of s owned by the doc. */
const char *rg_cdoc_keep(rg_cdoc *doc, const char *s, size_t n);
/* Append a line of text (copied; empty after trimming = nothing) at a new
 * location named label. */
void rg_cdoc_line(rg_cdoc *doc, const char *text, size_t len, const char *label);

/* A table as read from a container: nrows x ncols cells (never NULL; "" is
 * empty), each row with a location label. Merged cells are resolved by the
 * reader: a vertical merge repeats its text down; a horizontal merge keeps
 * its text in the first cell and marks the others in `cont` (repeated into
 * them when the merged cell is the only text of its row: a merged title or
 * section row). */
typedef struct rg_grid {
  int nrows, ncols;
  const char **cell;   /* nrows * ncols, row-major */
  unsigned char *cont; /* 1 = continuation of a horizontal merge */
  const char **label;  /* per row */
} rg_grid;

void rg_grid_init(rg_grid *g, int nrows, int ncols);
void rg_grid_destroy(rg_grid *g);
#define RG_GRID(g, r, c) ((g)->cell[(size_t)(r) * (size_t)(g)->ncols + (size_t)(c)])

/* If one of the first ten rows of g is a recognised task-table header
 * (rg_rows_header_ok; two-level headers merged), append g to doc->page.tables
 * (each row at a new location named by its label), add the rows above the
 * header as lines, and return 1. Otherwise add nothing and return 0. */
int rg_cdoc_task_table(rg_cdoc *doc, const rg_grid *g);
/* The index of g's header row by the same rule, or -1. */
int rg_grid_header(const rg_grid *g, const char *columns);

/* The readers (docx.c, xlsx_read.c, pdf.c). main is the package's main
 * part (word/document.xml, xl/workbook.xml). */
struct rg_zip;
rg_status rg_docx_read(struct rg_zip *z, const char *main, rg_cdoc *doc, rg_error *err);
rg_status rg_xlsx_read(struct rg_zip *z, const char *main, rg_cdoc *doc, rg_error *err);
rg_status rg_pdf_read(const char *data, size_t len, rg_cdoc *doc, rg_error *err);

#endif
