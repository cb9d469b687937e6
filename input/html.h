/* html.h - an HTML page to lines of block text (and task tables to rows), via libxml2.
 *
 * The page (already decoded to UTF-8; its own charset declaration is ignored)
 * is parsed with libxml2's forgiving HTML parser and walked in document
 * order:
 *   - p, div, li, tr, td, th, h1-h6, br, section, article, table, ... end a
 *     line; inline elements (b, span, a, font ...) do not, so
 *     "<p>1.<b>准确</b>把握</p>" is the one line "1.准确把握".
 *   - White space runs (and &nbsp;) collapse to one space, except that a run
 *     with a line break between two East Asian wide characters vanishes (CSS
 *     Text segment-break rule: "市发展\n改革委" is "市发展改革委"); lines are
 *     trimmed; inside <pre> every newline ends a line. Entities are decoded
 *     by libxml2.
 *   - Not text of the plan, skipped with everything inside: head, script,
 *     style, noscript, template, nav, header, footer, aside, form, select,
 *     button, iframe, textarea, object, svg; elements with the hidden
 *     attribute or style display:none; elements whose class or id contains
 *     nav, menu, footer, breadcrumb, share or toolbar (any case).
 *   - A <table> whose header row (one of its first five rows) is recognised
 *     by rg_rows_header_ok (rows.h: a task or id column and a lead or support
 *     column; --columns honoured) is a task table: its rows become rg_row
 *     instead of lines, rowspan cells repeated down, colspan cells followed by
 *     empty cells, short rows padded with empty cells to the header's width,
 *     block breaks inside a cell kept as '\n'. A two-level header (责任单位
 *     spanning 牵头单位 | 配合单位 in the next row) is merged into one row.
 *     Rows above the header are read as lines. Other tables (layout tables)
 *     are read as blocks.
 * Every line and row carries the line of the HTML file where its first
 * character (row: its <tr> tag) is. Any nesting depth (XML_PARSE_HUGE):
 * pages that leave a <font> open per paragraph lose nothing. O(size of the
 * page); where libxml2's own work grows with the depth (misplaced end tags)
 * it is bounded and the read fails with the line instead. */
#ifndef RG_HTML_H
#define RG_HTML_H

#include <stddef.h>

#include "error.h"
#include "rows.h"
#include "source.h"

typedef struct rg_html_table {
  rg_row *rows; /* rows[0] is the header row */
  int n;
  size_t cap;
} rg_html_table;

typedef struct rg_html_doc {
  rg_lines lines;        /* block text outside task tables, document order */
  rg_html_table *tables; /* task tables, document order */
  int n_tables;
  size_t cap_tables;
  const char *title;       /* <title> text, white space collapsed, or NULL */
  const char *seen_header; /* first row of the first table not read as a task
                            * table ("编号 | 事项 | 主管"), or NULL */
  long seen_header_line;
  /* private: every string above is owned by the doc */
  char **strs_;
  size_t n_strs_, cap_strs_;
} rg_html_doc;

/* Read len bytes of UTF-8 HTML; columns is the --columns mapping or NULL.
 * On success doc owns everything
 * (rg_html_doc_destroy). Fails (RG_EINPUT) only when libxml2 finds no
 * document at all, the page is larger than 2 GiB, or its markup is too
 * broken to read in bounded time (err names the line); doc is then empty. */
rg_status rg_html_read(const char *path, const char *utf8, size_t len, const char *columns,
                       rg_html_doc *doc, rg_error *err);
/* The same with every table read as blocks (no task tables), so that two
 * versions of one page (traditional and converted) give parallel lines: for
 * restoring task->original. */
rg_status rg_html_read_blocks(const char *path, const char *utf8, size_t len, rg_html_doc *doc,
                              rg_error *err);
/* A copy of n bytes of s that doc owns (freed by rg_html_doc_destroy). */
const char *rg_html_doc_keep(rg_html_doc *doc, const char *s, size_t n);
void rg_html_doc_destroy(rg_html_doc *doc);

#endif
