/* html.c - an HTML page to lines of block text and task tables to rows, via libxml2. */
#include "html.h"

#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

/* ------------------------------------------------------------ line numbers
 * libxml2 stamps a text node with the line where its first chunk ENDS and
 * keeps only 16 bits of it. The SAX wrappers below record instead the line
 * where the text (or the start tag) begins, in the node's psvi field, which
 * the HTML parser does not use. They wrap the HTML parser's default tree
 * builders (xmlSAX2Characters, xmlSAX2IgnorableWhitespace,
 * xmlSAX2StartElement) by name, so no parse shares state with another. */

static long count_nl(const xmlChar *s, int len) {
  long n = 0;
  for (int i = 0; i < len; i++)
    if (s[i] == '\n') n++;
  return n;
}

static void text_event(void *ctx, const xmlChar *ch, int len, charactersSAXFunc fn) {
  xmlParserCtxtPtr ctxt = ctx;
  xmlNodePtr parent = ctxt->node;
  xmlNodePtr before = parent ? parent->last : NULL;
  fn(ctx, ch, len);
  if (!parent || !ctxt->input) return;
  xmlNodePtr t = parent->last;
  if (t && t != before && t->type == XML_TEXT_NODE) {
    long line = ctxt->input->line - count_nl(ch, len);
    t->psvi = (void *)(intptr_t)(line > 0 ? line : 1);
  }
}
static void on_characters(void *ctx, const xmlChar *ch, int len) {
  text_event(ctx, ch, len, xmlSAX2Characters);
}
static void on_ignorable(void *ctx, const xmlChar *ch, int len) {
  text_event(ctx, ch, len, xmlSAX2IgnorableWhitespace);
}
/* ------------------------------------------------------------ bounded work
 * Pages from office tools leave <font>, <span> and <div> open, so the tree
 * nests one level deeper per paragraph. libxml2 halts at 256 levels (tasks
 * past it were lost), so the page is parsed with XML_PARSE_HUGE, which
 * lifts that limit. What libxml2 then does in time proportional to the depth
 * is its handling of a misplaced tag (an end tag matching nothing is looked
 * for down the whole open-element stack), and each such tag is reported as
 * an error. The error handler adds up the depth at each error that leaves
 * the stack as deep as the last one (a misplaced tag ignored); an error that
 * closes elements (the closing of elements left open, one error each, work
 * already paid for by their opening) adds one. Past RG_HTML_WORK the parse
 * stops, which no real page reaches (a page of 100,000 paragraphs each
 * leaving a <font> open: about 200,000). Stopping is an error naming the
 * line, never a silent drop. */
#define RG_HTML_WORK 1000000000L

typedef struct parse_state {
  long work;    /* see above */
  int last;     /* the open-element depth at the last error */
  long stopped; /* line where the parse was stopped, 0 = not stopped */
  int depth;    /* deepest nesting seen */
} parse_state;

static void on_error(void *ctx, const char *msg, ...) {
  (void)msg; /* libxml2's message is not printed: a forgiving parse */
  xmlParserCtxtPtr ctxt = ctx;
  parse_state *ps = ctxt->_private;
  if (!ps || ps->stopped) return;
  ps->work += ctxt->nameNr >= ps->last ? ctxt->nameNr + 1 : 1;
  ps->last = ctxt->nameNr;
  if (ps->work > RG_HTML_WORK) {
    ps->stopped = ctxt->input && ctxt->input->line > 0 ? ctxt->input->line : 1;
    xmlStopParser(ctxt);
  }
}

/* The tree builder's validity messages (an ID defined twice) come through
 * the validation context's handler: silent as well. htmlCtxtReadMemory
 * resets that handler, so on_start sets it, before any attribute is read. */
static void on_validity(void *ctx, const char *msg, ...) {
  (void)ctx;
  (void)msg;
}

static void on_start(void *ctx, const xmlChar *name, const xmlChar **atts) {
  xmlParserCtxtPtr ctxt = ctx;
  xmlNodePtr before = ctxt->node;
  ctxt->vctxt.error = on_validity;
  ctxt->vctxt.warning = on_validity;
  xmlSAX2StartElement(ctx, name, atts);
  if (ctxt->node && ctxt->node != before && ctxt->input)
    ctxt->node->psvi = (void *)(intptr_t)(ctxt->input->line > 0 ? ctxt->input->line : 1);
  parse_state *ps = ctxt->_private;
  if (ps && ctxt->nameNr > ps->depth) ps->depth = ctxt->nameNr;
}

static long node_line(const xmlNode *n) {
  if (n->psvi) return (long)(intptr_t)n->psvi;
  long l = xmlGetLineNo(n);
  return l > 0 ? l : 1;
}

/* ------------------------------------------------------------ doc strings */

const char *rg_html_doc_keep(rg_html_doc *doc, const char *s, size_t n) {
  char *c = rg_xmalloc(n + 1);
  memcpy(c, s, n);
  c[n] = '\0';
  RG_GROW(doc->strs_, doc->cap_strs_, doc->n_strs_ + 1);
  doc->strs_[doc->n_strs_++] = c;
  return c;
}

void rg_html_doc_destroy(rg_html_doc *doc) {
  if (!doc) return;
  for (size_t i = 0; i < doc->n_strs_; i++)
    free(doc->strs_[i]);
  free(doc->strs_);
  for (int t = 0; t < doc->n_tables; t++) {
    for (int r = 0; r < doc->tables[t].n; r++)
      free((void *)doc->tables[t].rows[r].cells);
    free(doc->tables[t].rows);
  }
  free(doc->tables);
  rg_lines_destroy(&doc->lines);
  memset(doc, 0, sizeof *doc);
}

/* ------------------------------------------------------------ classification */

static int name_is(const xmlNode *n, const char *name) {
  return n->type == XML_ELEMENT_NODE && n->name && !strcasecmp((const char *)n->name, name);
}

static int name_in(const xmlNode *n, const char *const *names) {
  for (; *names; names++)
    if (name_is(n, *names)) return 1;
  return 0;
}

static const char *const skipped_elements[] = {
    "head",  "script", "style",  "noscript", "template", "nav",      "header", "footer",
    "aside", "form",   "select", "button",   "iframe",   "textarea", "object", "embed",
    "svg",   "math",   "canvas", "input",    "audio",    "video",    NULL};

static const char *const block_elements[] = {
    "p",       "div",     "li",      "tr",         "td",       "th",     "h1",
    "h2",      "h3",      "h4",      "h5",         "h6",       "table",  "tbody",
    "thead",   "tfoot",   "caption", "ul",         "ol",       "dl",     "dt",
    "dd",      "section", "article", "blockquote", "pre",      "hr",     "address",
    "center",  "main",    "figure",  "figcaption", "fieldset", "legend", "details",
    "summary", "body",    "html",    "option",     "title",    NULL};

static int ci_contains(const char *s, const char *w) {
  size_t n = strlen(w);
  for (; *s; s++)
    if (!strncasecmp(s, w, n)) return 1;
  return 0;
}

static int attr_has(xmlNode *n, const char *attr, const char *const *words) {
  xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
  if (!v) return 0;
  int hit = 0;
  for (; *words && !hit; words++)
    hit = ci_contains((const char *)v, *words);
  xmlFree(v);
  return hit;
}

static int hidden_style(xmlNode *n) {
  xmlChar *v = xmlGetProp(n, (const xmlChar *)"style");
  if (!v) return 0;
  char buf[256];
  size_t k = 0;
  for (const xmlChar *p = v; *p && k + 1 < sizeof buf; p++)
    if (*p != ' ' && *p != '\t') buf[k++] = (char)*p;
  buf[k] = '\0';
  xmlFree(v);
  return ci_contains(buf, "display:none") || ci_contains(buf, "visibility:hidden");
}

static int skipped(xmlNode *n) {
  static const char *const chrome[] = {"nav",   "menu",    "footer", "breadcrumb",
                                       "share", "toolbar", NULL};
  if (name_in(n, skipped_elements)) return 1;
  if (xmlHasProp(n, (const xmlChar *)"hidden")) return 1;
  if (hidden_style(n)) return 1;
  return attr_has(n, "class", chrome) || attr_has(n, "id", chrome);
}

/* ------------------------------------------------------------ the walker */

typedef struct walker {
  rg_html_doc *doc;
  char *buf; /* the line (or cell) being built */
  size_t len, cap;
  long line;    /* line of its first character */
  int space;    /* a collapsed space is pending */
  int space_nl; /* ... and its white-space run had a line break */
  int cell;     /* building a table cell: block breaks become '\n' */
  size_t limit; /* stop when buf grows past this (0 = no limit) */
  long budget;  /* nodes left to visit when limited */
  int stop;
  const char *columns; /* --columns, for recognising a task table's header */
  int no_tables;       /* read every table as blocks */
  int pre;             /* open <pre> elements around the node being walked */
} walker;

static void put(walker *w, const char *s, size_t n) {
  RG_GROW(w->buf, w->cap, w->len + n + 1);
  memcpy(w->buf + w->len, s, n);
  w->len += n;
  w->buf[w->len] = '\0';
}

/* A block boundary: a line ends (or, in a cell, a '\n' is due). */
static void boundary(walker *w) {
  w->space = 0;
  if (w->cell) {
    if (w->len && w->buf[w->len - 1] != '\n') put(w, "\n", 1);
    return;
  }
  if (w->len) {
    const char *s = rg_html_doc_keep(w->doc, w->buf, w->len);
    rg_lines_push(&w->doc->lines, s, w->len, w->line);
  }
  w->len = 0;
}

/* 1 when the character starting at s (or ending at s + n, backwards) is
 * East Asian wide (width 2: CJK ideographs, kana, full-width punctuation). */
static int wide_at(const char *s, size_t n) {
  utf8proc_int32_t cp;
  if (utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)(n < 4 ? n : 4), &cp) <= 0)
    return 0;
  return utf8proc_charwidth(cp) == 2;
}
static int wide_before(const char *buf, size_t len) {
  size_t b = len;
  while (b > 0 && len - b < 4 && ((unsigned char)buf[b - 1] & 0xC0) == 0x80)
    b--;
  return b > 0 && wide_at(buf + b - 1, len - b + 1);
}

static void add_text(walker *w, const char *s, size_t n, long line, int pre) {
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    int nbsp = c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0;
    if (c == '\n' && pre) {
      boundary(w);
      line++;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || nbsp) {
      if (c == '\n') line++;
      if (nbsp) i++;
      if (w->len && w->buf[w->len - 1] != '\n') {
        if (!w->space) w->space_nl = 0;
        w->space = 1;
        if (c == '\n' || c == '\r') w->space_nl = 1;
      }
      continue;
    }
    if (w->len == 0 || w->buf[w->len - 1] == '\n') {
      if (w->len == 0) w->line = line;
      w->space = 0;
    }
    /* CSS Text: a line break between two East Asian wide characters is
     * removed, not rendered as a space ("市发展\n改革委" is one name) */
    if (w->space && w->space_nl && c >= 0x80 && wide_before(w->buf, w->len) &&
        wide_at(s + i, n - i))
      w->space = 0;
    if (w->space) put(w, " ", 1);
    w->space = 0;
    put(w, (const char *)s + i, 1);
  }
  if (w->limit && w->len > w->limit) w->stop = 1;
}

static int task_table(walker *w, xmlNode *table);

/* Visit a node on the way down; 1 = descend into its children. */
static int enter(walker *w, xmlNode *n) {
  if (w->limit && --w->budget < 0) w->stop = 1;
  if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
    if (n->content)
      add_text(w, (const char *)n->content, strlen((const char *)n->content), node_line(n),
               w->pre > 0);
    return 0;
  }
  if (n->type != XML_ELEMENT_NODE) return 0;
  if (skipped(n)) return 0;
  if (name_is(n, "br")) {
    boundary(w);
    return 0;
  }
  if (name_is(n, "table") && !w->cell && !w->no_tables && task_table(w, n)) return 0;
  if (name_in(n, block_elements)) boundary(w);
  if (name_is(n, "pre")) w->pre++;
  return 1;
}

/* Leave an element entered with enter() == 1. The walk counts the <pre>
 * around it (never by climbing the parents: a page can nest thousands deep). */
static void leave(walker *w, xmlNode *n) {
  if (n->type == XML_ELEMENT_NODE && name_in(n, block_elements)) boundary(w);
  if (name_is(n, "pre")) w->pre--;
}

/* Walk the subtree of root (root included) in document order, iteratively. */
static void walk(walker *w, xmlNode *root) {
  xmlNode *n = root;
  while (n && !w->stop) {
    int down = enter(w, n);
    if (down && n->children) {
      n = n->children;
      continue;
    }
    if (down) leave(w, n);
    while (n != root && !n->next) {
      n = n->parent;
      leave(w, n);
    }
    if (n == root) break;
    n = n->next;
  }
}

/* ------------------------------------------------------------ task tables */

/* The text of a cell, trimmed, block breaks as '\n'; malloc'd. With limit,
 * stops early once longer than limit bytes (enough to reject a header). */
static char *cell_text(rg_html_doc *doc, xmlNode *cell, size_t limit, int pre) {
  walker w = {.doc = doc, .cell = 1, .limit = limit, .budget = limit ? 4096 : 0, .pre = pre};
  xmlNode *c = cell->children;
  if (c) { /* walk the children, not the cell itself (a td is a block) */
    for (; c && !w.stop; c = c->next)
      walk(&w, c);
  }
  while (w.len && (w.buf[w.len - 1] == '\n' || w.buf[w.len - 1] == ' '))
    w.len--;
  char *s = rg_xmalloc(w.len + 1);
  if (w.len) memcpy(s, w.buf, w.len);
  s[w.len] = '\0';
  free(w.buf);
  return s;
}

/* The <tr> rows of a table (direct, or inside thead/tbody/tfoot), in order. */
static int table_rows(xmlNode *table, xmlNode ***out) {
  xmlNode **v = NULL;
  size_t cap = 0;
  int n = 0;
  for (xmlNode *c = table->children; c; c = c->next) {
    if (name_is(c, "tr")) {
      RG_GROW(v, cap, (size_t)n + 1);
      v[n++] = c;
    } else if (name_is(c, "thead") || name_is(c, "tbody") || name_is(c, "tfoot")) {
      for (xmlNode *r = c->children; r; r = r->next)
        if (name_is(r, "tr")) {
          RG_GROW(v, cap, (size_t)n + 1);
          v[n++] = r;
        }
    }
  }
  *out = v;
  return n;
}

static int is_cell(const xmlNode *n) { return name_is(n, "td") || name_is(n, "th"); }

static int int_attr(xmlNode *n, const char *name, int lo, int hi) {
  xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
  if (!v) return lo;
  long x = strtol((const char *)v, NULL, 10);
  xmlFree(v);
  if (x < lo) return lo;
  return x > hi ? hi : (int)x;
}

/* Is row a recognised header? Short cell texts only. */
static int header_row(rg_html_doc *doc, xmlNode *tr, const char *columns, int pre) {
  char *cells[64];
  int n = 0;
  for (xmlNode *c = tr->children; c && n < 64; c = c->next)
    if (is_cell(c)) cells[n++] = cell_text(doc, c, 96, pre);
  int r = n >= 2 && rg_rows_header_ok((const char *const *)cells, n, columns);
  for (int i = 0; i < n; i++)
    free(cells[i]);
  return r;
}

typedef struct span {
  const char *text;
  int left;
} span;

static void add_cell(const char ***cells, int *n, size_t *cap, const char *text) {
  RG_GROW(*cells, *cap, (size_t)*n + 1);
  (*cells)[(*n)++] = text;
}

#define MAX_COLS 256

/* A two-level header: 责任单位 spanning two columns over 牵头单位 | 配合单位,
 * the other header cells spanning both rows. When every cell of the second
 * row is either under a spanned header cell or a repeat of the header cell
 * above it (rowspan), the second row names the spanned columns and is
 * merged into the header. */
static void merge_two_level_header(rg_html_table *t, const char *spanned) {
  if (t->n < 2) return;
  const char **h = (const char **)t->rows[0].cells;
  const rg_row *r = &t->rows[1];
  int any = 0;
  for (int c = 0; c < r->n; c++) {
    if (c < t->rows[0].n && spanned[c]) {
      any |= r->cells[c][0] != '\0';
      continue;
    }
    if (strcmp(r->cells[c], c < t->rows[0].n ? h[c] : "") != 0) return;
  }
  if (!any) return;
  for (int c = 0; c < r->n && c < t->rows[0].n; c++)
    if (spanned[c] && r->cells[c][0]) h[c] = r->cells[c];
  free((void *)t->rows[1].cells);
  memmove(&t->rows[1], &t->rows[2], (size_t)(t->n - 2) * sizeof t->rows[0]);
  t->n--;
}

/* If table is a task table, append it to doc->tables and return 1. Rows
 * before the header are read as lines. */
static int task_table(walker *w, xmlNode *table) {
  rg_html_doc *doc = w->doc;
  xmlNode **trs = NULL;
  int ntr = table_rows(table, &trs);
  int h = -1;
  for (int i = 0; i < ntr && i < 5 && h < 0; i++)
    if (header_row(doc, trs[i], w->columns, w->pre)) h = i;
  if (h < 0) {
    /* remember the first row of the first table that looks like a data
     * table, so that "no tasks" can say which headers were not understood */
    if (!doc->seen_header && ntr >= 2) {
      char *cells[64];
      int n = 0;
      for (xmlNode *c = trs[0]->children; c && n < 64; c = c->next)
        if (is_cell(c)) cells[n++] = cell_text(doc, c, 96, w->pre);
      if (n >= 2) {
        char buf[320];
        rg_rows_header_list((const char *const *)cells, n, buf, sizeof buf);
        doc->seen_header = rg_html_doc_keep(doc, buf, strlen(buf));
        doc->seen_header_line = node_line(trs[0]);
      }
      for (int i = 0; i < n; i++)
        free(cells[i]);
    }
    free(trs);
    return 0;
  }
  for (int i = 0; i < h; i++)
    walk(w, trs[i]);
  boundary(w);
  RG_GROW(doc->tables, doc->cap_tables, (size_t)doc->n_tables + 1);
  rg_html_table *t = &doc->tables[doc->n_tables++];
  memset(t, 0, sizeof *t);
  span spans[MAX_COLS];
  memset(spans, 0, sizeof spans);
  char spanned[MAX_COLS]; /* header columns under a colspan */
  memset(spanned, 0, sizeof spanned);
  for (int i = h; i < ntr; i++) {
    long line = node_line(trs[i]);
    const char **cells = NULL;
    size_t cap = 0;
    int n = 0;
    for (xmlNode *c = trs[i]->children; c; c = c->next) {
      if (!is_cell(c)) continue;
      while (n < MAX_COLS && spans[n].left > 0) {
        spans[n].left--;
        add_cell(&cells, &n, &cap, spans[n].text);
      }
      if (n >= MAX_COLS) break;
      int cs = int_attr(c, "colspan", 1, MAX_COLS);
      int rs = int_attr(c, "rowspan", 1, 65534);
      char *raw = cell_text(doc, c, 0, w->pre);
      const char *text = rg_html_doc_keep(doc, raw, strlen(raw));
      free(raw);
      for (int k = 0; k < cs && n < MAX_COLS; k++) {
        const char *s = k == 0 ? text : "";
        if (i == h && cs > 1) spanned[n] = 1;
        spans[n].text = s;
        spans[n].left = rs - 1;
        add_cell(&cells, &n, &cap, s);
      }
    }
    /* columns still covered by a rowspan from above, after the last cell */
    int last = MAX_COLS;
    while (last > n && spans[last - 1].left <= 0)
      last--;
    while (n < last) {
      if (spans[n].left > 0) {
        spans[n].left--;
        add_cell(&cells, &n, &cap, spans[n].text);
      } else {
        add_cell(&cells, &n, &cap, "");
      }
    }
    /* ragged rows are padded to the header's width */
    while (t->n > 0 && n < t->rows[0].n)
      add_cell(&cells, &n, &cap, "");
    RG_GROW(t->rows, t->cap, (size_t)t->n + 1);
    t->rows[t->n] = (rg_row){cells, n, line, NULL};
    t->n++;
  }
  free(trs);
  merge_two_level_header(t, spanned);
  return 1;
}

/* ------------------------------------------------------------ entry point */

static const char *find_title(rg_html_doc *doc, xmlNode *root) {
  xmlNode *n = root;
  while (n) {
    if (name_is(n, "title")) {
      xmlChar *c = xmlNodeGetContent(n);
      if (!c) return NULL;
      walker w = {.doc = doc, .cell = 1};
      add_text(&w, (const char *)c, strlen((const char *)c), 1, 0);
      xmlFree(c);
      const char *s = w.len ? rg_html_doc_keep(doc, w.buf, w.len) : NULL;
      free(w.buf);
      return s;
    }
    if (n->type == XML_ELEMENT_NODE && n->children && !name_is(n, "body")) {
      n = n->children;
      continue;
    }
    while (n && !n->next)
      n = n->parent;
    if (n) n = n->next;
  }
  return NULL;
}

static rg_status read_html(const char *path, const char *utf8, size_t len, const char *columns,
                           int no_tables, rg_html_doc *doc, rg_error *err) {
  memset(doc, 0, sizeof *doc);
  if (len > INT_MAX) return rg_error_set(err, RG_EINPUT, path, 0, 0, "HTML page larger than 2 GiB");
  htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
  if (!ctxt) return rg_error_set(err, RG_ESYS, path, 0, 0, "libxml2: cannot create an HTML parser");
  if (ctxt->sax->characters == xmlSAX2Characters) ctxt->sax->characters = on_characters;
  if (ctxt->sax->ignorableWhitespace == xmlSAX2IgnorableWhitespace)
    ctxt->sax->ignorableWhitespace = on_ignorable;
  if (ctxt->sax->startElement == xmlSAX2StartElement) ctxt->sax->startElement = on_start;
  /* errors come to on_error, which prints nothing (no HTML_PARSE_NOERROR:
   * it would silence the handler too); XML_PARSE_HUGE: any depth */
  parse_state ps = {0};
  ctxt->_private = &ps;
  ctxt->sax->error = on_error;
  htmlDocPtr x = htmlCtxtReadMemory(ctxt, utf8, (int)len, NULL, "UTF-8",
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                        HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE);
  htmlFreeParserCtxt(ctxt);
  if (ps.stopped) {
    xmlFreeDoc(x);
    return rg_error_set(err, RG_EINPUT, path, ps.stopped, 0,
                        "the page's markup is too broken to read: by this line %d elements are "
                        "left open and misplaced tags keep arriving; respgraph stops rather "
                        "than lose tasks (save the page again, or as text)",
                        ps.depth);
  }
  xmlNode *root = x ? xmlDocGetRootElement(x) : NULL;
  if (!root) {
    xmlFreeDoc(x);
    return rg_error_set(err, RG_EINPUT, path, 0, 0, "no HTML document found");
  }
  doc->title = find_title(doc, root);
  walker w = {.doc = doc, .columns = columns, .no_tables = no_tables};
  walk(&w, root);
  boundary(&w);
  free(w.buf);
  xmlFreeDoc(x);
  return RG_OK;
}

rg_status rg_html_read(const char *path, const char *utf8, size_t len, const char *columns,
                       rg_html_doc *doc, rg_error *err) {
  return read_html(path, utf8, len, columns, 0, doc, err);
}

rg_status rg_html_read_blocks(const char *path, const char *utf8, size_t len, rg_html_doc *doc,
                              rg_error *err) {
  return read_html(path, utf8, len, NULL, 1, doc, err);
}
