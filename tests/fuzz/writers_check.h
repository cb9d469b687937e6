/* writers_check.h - what the writers' harnesses share: a random plan built
 * from the fuzz input, and a parser-back check per output format (see
 * fuzz_writers.c and fuzz_report.c for which output goes through which).
 *
 * Input layout: byte 0 = tasks (1..8), byte 1 = units (1..8), then per task
 * a byte of member bits and a byte of lead bits, a byte of kind bits (bit u:
 * unit u is a collective), then '\n'-separated strings: unit names, task
 * texts, task numbers, the title. Missing strings get defaults; invalid
 * UTF-8 becomes '?', as the readers guarantee valid UTF-8 to the model.
 *
 * Checks (each aborts on a malformation):
 *   JSON      jansson, strict (the whole buffer, one value);
 *   CSV       libcsv with CSV_STRICT, every record as wide as the header;
 *   table     valid UTF-8, no control character but the newline;
 *   HTML      libxml2's HTML parser: no error but unknown (HTML5) tags, one
 *             <html>, only elements the page writes and no on* attribute
 *             (a name in the plan must never become markup);
 *   XML       (SVG, GraphML, every XML part of the workbook) libxml2,
 *             well-formed;
 *   XLSX      libzip opens it (consistency check) and finds the sheets;
 *   DOT       Graphviz's own parser (agmemread);
 *   ICS       CRLF lines of at most 75 octets, continuation lines start with
 *             a space, every other line NAME[;params]:value, BEGIN/END
 *             balanced with VCALENDAR outermost, valid UTF-8 once unfolded. */
#ifndef RG_FUZZ_WRITERS_CHECK_H
#define RG_FUZZ_WRITERS_CHECK_H

#include <cgraph.h>
#include <csv.h>
#include <dirent.h>
#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utf8proc.h>
#include <zip.h>

#include "analyze.h"
#include "meetings.h"
#include "plan.h"

#define CHECK(c)                                                                                   \
  do {                                                                                             \
    if (!(c)) {                                                                                    \
      fprintf(stderr, "fuzz_writers: %s:%d: %s\n", __FILE__, __LINE__, #c);                        \
      abort();                                                                                     \
    }                                                                                              \
  } while (0)

/* ------------------------------------------------------------ the plan */

/* Length of the valid UTF-8 character at s (n bytes left), or -1. */
static inline int valid_len(const char *s, size_t n) {
  utf8proc_int32_t c;
  utf8proc_ssize_t len = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &c);
  return len > 0 ? (int)len : -1;
}

/* The next '\n'-separated string of [*p, end) as valid UTF-8 (invalid
 * bytes and NUL become '?'), malloc'd; NULL when the input is used up. */
static inline char *next_string(const uint8_t **p, const uint8_t *end) {
  if (*p >= end) return NULL;
  const uint8_t *s = *p, *nl = memchr(s, '\n', (size_t)(end - s));
  size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
  *p = nl ? nl + 1 : end;
  char *out = malloc(n + 1);
  size_t i = 0;
  while (i < n) {
    int len = valid_len((const char *)s + i, n - i);
    if (len <= 0 || s[i] == 0) {
      out[i++] = '?';
      continue;
    }
    memcpy(out + i, s + i, (size_t)len);
    i += (size_t)len;
  }
  out[n] = '\0';
  return out;
}

static inline rg_plan *build_plan(const uint8_t *data, size_t size) {
  if (size < 3) return NULL;
  int nt = 1 + data[0] % 8, nu = 1 + data[1] % 8;
  size_t head = 2 + 2 * (size_t)nt + 1;
  if (size < head) return NULL;
  const uint8_t *members = data + 2, *kinds = data + 2 + 2 * nt;
  const uint8_t *p = data + head, *end = data + size;
  rg_plan *plan = rg_plan_new("fuzz.txt");
  int unit[8];
  for (int u = 0; u < nu; u++) {
    char *s = next_string(&p, end), def[32];
    snprintf(def, sizeof def, "市单位%d局", u);
    const char *name = s && *s ? s : def;
    unit[u] = rg_plan_intern_unit(plan, name, (*kinds >> u) & 1 ? RG_KIND_COLLECTIVE : RG_KIND_UNIT,
                                  u + 1);
    free(s);
  }
  char *texts[8] = {0};
  for (int t = 0; t < nt; t++)
    texts[t] = next_string(&p, end);
  for (int t = 0; t < nt; t++) {
    char *num = next_string(&p, end), def[16];
    snprintf(def, sizeof def, "%d", t + 1);
    int task = rg_plan_add_task(plan, num && *num ? num : def, texts[t] ? texts[t] : "推进工作。",
                                -1, -1, 10 + t);
    free(num);
    free(texts[t]);
    for (int u = 0; u < nu; u++)
      if ((members[2 * t] >> u) & 1)
        rg_plan_link(plan, task, unit[u],
                     (members[2 * t + 1] >> u) & 1 ? RG_ROLE_LEAD : RG_ROLE_SUPPORT, 10 + t);
  }
  char *title = next_string(&p, end);
  if (title) plan->meta.title = rg_plan_strdup(plan, title);
  free(title);
  rg_plan_check(plan);
  return plan;
}

/* ------------------------------------------------------ parsing back */

static inline int is_utf8(const char *s, size_t n) {
  for (size_t i = 0; i < n;) {
    int len = valid_len(s + i, n - i);
    if (len <= 0) return 0;
    i += (size_t)len;
  }
  return 1;
}

static inline void check_json(const char *s, size_t n) {
  json_error_t e;
  json_t *v = json_loadb(s, n, 0, &e);
  if (!v) fprintf(stderr, "JSON: %s at %d:%d\n%.*s\n", e.text, e.line, e.column, (int)n, s);
  CHECK(v);
  json_decref(v);
}

typedef struct csv_shape {
  size_t fields, width;
  long records;
  int ragged;
} csv_shape;

static inline void csv_field(void *f, size_t n, void *ctx) {
  (void)f, (void)n;
  ((csv_shape *)ctx)->fields++;
}

static inline void csv_record(int c, void *ctx) {
  (void)c;
  csv_shape *s = ctx;
  if (s->records++ == 0)
    s->width = s->fields;
  else if (s->fields != s->width)
    s->ragged = 1;
  s->fields = 0;
}

static inline void check_csv(const char *s, size_t n) {
  if (n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3)) s += 3, n -= 3; /* the report's BOM */
  CHECK(is_utf8(s, n));
  struct csv_parser p;
  CHECK(csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) == 0);
  csv_shape shape = {0};
  size_t used = csv_parse(&p, s, n, csv_field, csv_record, &shape);
  if (used != n) fprintf(stderr, "CSV: %s\n%.*s\n", csv_strerror(csv_error(&p)), (int)n, s);
  CHECK(used == n);
  CHECK(csv_fini(&p, csv_field, csv_record, &shape) == 0);
  csv_free(&p);
  CHECK(!shape.ragged);
}

static inline void check_table(const char *s, size_t n) {
  CHECK(is_utf8(s, n));
  for (size_t i = 0; i < n; i++) {
    if ((unsigned char)s[i] < 0x20 && s[i] != '\n')
      fprintf(stderr, "table: control 0x%02x at %zu in:\n%.*s\n", (unsigned char)s[i], i,
              (int)(n > 2000 ? 2000 : n), s);
    CHECK((unsigned char)s[i] >= 0x20 || s[i] == '\n');
  }
}

static inline void check_xml(const char *s, size_t n) {
  xmlDocPtr doc =
      xmlReadMemory(s, (int)n, "out.xml", NULL,
                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE);
  if (!doc) fprintf(stderr, "XML not well-formed:\n%.*s\n", (int)(n > 4000 ? 4000 : n), s);
  CHECK(doc);
  xmlFreeDoc(doc);
}

/* The elements and attributes the report page writes. */
static const char *const PAGE_TAGS[] = {
    "a",     "aside",   "b",    "body",    "br",       "button", "code",   "dd",         "details",
    "div",   "dl",      "dt",   "ellipse", "footer",   "g",      "h1",     "h2",         "h3",
    "head",  "header",  "html", "input",   "li",       "line",   "main",   "meta",       "nav",
    "ol",    "p",       "path", "polygon", "polyline", "rect",   "script", "section",    "span",
    "style", "summary", "svg",  "table",   "tbody",    "td",     "text",   "th",         "thead",
    "title", "tr",      "ul",   "circle",  "tspan",    "defs",   "marker", "use",        "desc",
    "small", "strong",  "em",   "label",   "select",   "option", "figure", "figcaption", "article",
    "time",  NULL};

static inline int known(const char *const *list, const char *name) {
  for (int i = 0; list[i]; i++)
    if (!strcmp(list[i], name)) return 1;
  return 0;
}

static inline void walk_html(xmlNodePtr n, int *n_html) {
  for (; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    const char *tag = (const char *)n->name;
    if (!known(PAGE_TAGS, tag)) fprintf(stderr, "HTML: unexpected element <%s>\n", tag);
    CHECK(known(PAGE_TAGS, tag));
    *n_html += !strcmp(tag, "html");
    for (xmlAttrPtr a = n->properties; a; a = a->next) {
      const char *name = (const char *)a->name;
      if (!strncmp(name, "on", 2)) fprintf(stderr, "HTML: event attribute %s\n", name);
      CHECK(strncmp(name, "on", 2) != 0);
    }
    walk_html(n->children, n_html);
  }
}

static inline void html_error(void *ctx, xmlErrorPtr e) {
  if (e->code == XML_HTML_UNKNOWN_TAG) return; /* HTML5 tags the HTML4 parser does not know */
  fprintf(stderr, "HTML error %d at line %d: %s", e->code, e->line, e->message);
  ++*(int *)ctx;
}

static inline void check_html(const char *s, size_t n) {
  CHECK(is_utf8(s, n));
  htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
  int errors = 0;
  xmlSetStructuredErrorFunc(&errors, html_error);
  htmlDocPtr doc = htmlCtxtReadMemory(ctxt, s, (int)n, "index.html", "UTF-8",
                                      HTML_PARSE_NONET | HTML_PARSE_NOWARNING);
  xmlSetStructuredErrorFunc(NULL, NULL);
  CHECK(doc);
  CHECK(errors == 0);
  int n_html = 0;
  walk_html(xmlDocGetRootElement(doc), &n_html);
  CHECK(n_html == 1);
  xmlFreeDoc(doc);
  htmlFreeParserCtxt(ctxt);
}

static inline void check_xlsx(const char *path) {
  int ze = 0;
  zip_t *z = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
  CHECK(z);
  zip_int64_t n = zip_get_num_entries(z, 0);
  CHECK(n > 3);
  int sheets = 0;
  for (zip_int64_t i = 0; i < n; i++) {
    const char *name = zip_get_name(z, (zip_uint64_t)i, 0);
    zip_stat_t st;
    CHECK(name && zip_stat_index(z, (zip_uint64_t)i, 0, &st) == 0);
    size_t len = strlen(name);
    if (len < 4 || (strcmp(name + len - 4, ".xml") && strcmp(name + len - 5, ".rels"))) continue;
    sheets += !strncmp(name, "xl/worksheets/sheet", 19);
    char *buf = malloc(st.size + 1);
    zip_file_t *f = zip_fopen_index(z, (zip_uint64_t)i, 0);
    CHECK(f && zip_fread(f, buf, st.size) == (zip_int64_t)st.size);
    zip_fclose(f);
    check_xml(buf, st.size);
    free(buf);
  }
  CHECK(sheets >= 6);
  zip_discard(z);
}

static inline void check_dot(const char *s) {
  Agraph_t *g = agmemread(s);
  if (!g) fprintf(stderr, "DOT does not parse:\n%s\n", s);
  CHECK(g);
  agclose(g);
}

static inline void check_ics(const char *s, size_t n) {
  CHECK(n >= 2 && s[n - 2] == '\r' && s[n - 1] == '\n');
  char *unfolded = malloc(n + 1);
  size_t u = 0;
  int depth = 0, lines = 0;
  for (size_t i = 0; i < n;) {
    const char *crlf = memmem(s + i, n - i, "\r\n", 2);
    CHECK(crlf);
    size_t len = (size_t)(crlf - (s + i));
    CHECK(len <= 75);
    CHECK(!memchr(s + i, '\n', len) && !memchr(s + i, '\r', len));
    const char *line = s + i;
    if (line[0] == ' ') {
      CHECK(lines > 0);
      memcpy(unfolded + u, line + 1, len - 1);
      u += len - 1;
    } else {
      size_t name = 0;
      while (name < len && ((line[name] >= 'A' && line[name] <= 'Z') || line[name] == '-' ||
                            (line[name] >= '0' && line[name] <= '9')))
        name++;
      CHECK(name > 0 && name < len && (line[name] == ':' || line[name] == ';'));
      if (!strncmp(line, "BEGIN:", 6)) depth++;
      if (!strncmp(line, "END:", 4)) CHECK(--depth >= 0);
      if (lines == 0) CHECK(len == 15 && !memcmp(line, "BEGIN:VCALENDAR", 15));
      unfolded[u++] = '\n';
      memcpy(unfolded + u, line, len);
      u += len;
    }
    lines++;
    i += len + 2;
  }
  CHECK(depth == 0);
  CHECK(n >= 15 && !memcmp(s + n - 15, "END:VCALENDAR\r\n", 15));
  CHECK(is_utf8(unfolded, u));
  free(unfolded);
}

static inline char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  CHECK(f);
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *buf = malloc((size_t)n + 1);
  CHECK(fread(buf, 1, (size_t)n, f) == (size_t)n);
  buf[n] = '\0';
  fclose(f);
  *len = (size_t)n;
  return buf;
}

/* The plan of the input, analysed and planned into meetings; NULL when
 * the input is too short. Free with writers_done. */
typedef struct writers_input {
  rg_plan *plan;
  rg_results r;
  rg_meeting_plan mp;
} writers_input;

static inline int writers_start(writers_input *in, const uint8_t *data, size_t size) {
  in->plan = build_plan(data, size);
  if (!in->plan) return 0;
  rg_error err;
  CHECK(rg_analyze(in->plan, NULL, &in->r, &err) == RG_OK);
  CHECK(rg_meetings_plan(in->plan, NULL, &in->mp, &err) == RG_OK);
  return 1;
}

static inline void writers_done(writers_input *in) {
  rg_meeting_plan_free(&in->mp);
  rg_results_free(&in->r);
  rg_plan_free(in->plan);
}

static inline void quiet_xml(void *ctx, const char *msg, ...) { (void)ctx, (void)msg; }

#endif
