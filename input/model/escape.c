/* escape.c - context escaping for HTML, JSON-in-script, XML, Graphviz labels and
 * spreadsheet cells. */
#include "escape.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "error.h"
#include "utf8.h"

/* What one context does with each kind of code point. Everything else is
 * copied; invalid UTF-8 always becomes U+FFFD. */
typedef struct rules {
  int entities;   /* & < > as &amp; &lt; &gt; */
  int quotes;     /* " ' as &quot; &#39; */
  int keep_lines; /* tab and LF kept (else: space, like other C0 controls) */
  int keep_cr;    /* CR kept */
  int del_space;  /* DEL (U+007F) -> space */
  int nonchars;   /* U+FFFE, U+FFFF -> U+FFFD */
  int pictures;   /* a terminal: other C0 controls and DEL as their control pictures
                     (ESC -> U+241B, BEL -> U+2407, DEL -> U+2421), C1 as U+FFFD */
} rules;

static const rules HTML_TEXT = {1, 0, 1, 0, 1, 0, 0};
static const rules HTML_ATTR = {1, 1, 1, 0, 1, 0, 0};
static const rules XML_CLEAN = {0, 0, 1, 1, 0, 1, 0};
static const rules LABEL = {1, 1, 0, 0, 1, 1, 0};
static const rules TERMINAL = {0, 0, 0, 0, 0, 1, 1};

/* Where escaped bytes go: a stream, or a buffer with room for the worst case
 * (6 bytes per input byte: "&quot;"). */
typedef struct sink {
  FILE *f;
  char *w;
} sink;

static void put(sink *k, const char *s, size_t n) {
  if (k->f)
    fwrite(s, 1, n, k->f);
  else {
    memcpy(k->w, s, n);
    k->w += n;
  }
}

/* A terminal's replacement for a control character: its control picture
 * (U+2400 + c for C0, U+2421 for DEL), U+FFFD for C1; tab, LF and CR are a
 * space, so a table row stays one line. NULL: not a control. */
static const char *picture(int32_t cp, char pic[4]) {
  if (cp == '\t' || cp == '\n' || cp == '\r') return " ";
  if (cp >= 0x80 && cp <= 0x9F) return "\xEF\xBF\xBD";
  if (cp >= 0x20 && cp != 0x7F) return NULL;
  int32_t p = cp == 0x7F ? 0x2421 : 0x2400 + cp;
  pic[0] = (char)(0xE0 | (p >> 12));
  pic[1] = (char)(0x80 | ((p >> 6) & 0x3F));
  pic[2] = (char)(0x80 | (p & 0x3F));
  pic[3] = '\0';
  return pic;
}

/* The replacement text for code point cp (n bytes at s) under r, or NULL to
 * copy it; *len is its length. pic is room for a control picture. */
static const char *replace(const rules *r, int32_t cp, size_t n, size_t *len, char pic[4]) {
  static const char FFFD[] = "\xEF\xBF\xBD";
  const char *e = NULL;
  if (cp == 0xFFFD && n == 1)
    e = FFFD; /* an invalid byte */
  else if (r->pictures && (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)))
    e = picture(cp, pic);
  else if (r->entities && cp == '&')
    e = "&amp;";
  else if (r->entities && cp == '<')
    e = "&lt;";
  else if (r->entities && cp == '>')
    e = "&gt;";
  else if (r->quotes && cp == '"')
    e = "&quot;";
  else if (r->quotes && cp == '\'')
    e = "&#39;";
  else if (cp < 0x20 && !(r->keep_lines && (cp == '\t' || cp == '\n')) &&
           !(r->keep_cr && cp == '\r'))
    e = " ";
  else if (cp == 0x7F && r->del_space)
    e = " ";
  else if (r->nonchars && (cp == 0xFFFE || cp == 0xFFFF))
    e = FFFD;
  if (e) *len = strlen(e);
  return e;
}

static void escape(sink *k, const char *s, const rules *r) {
  if (!s) return;
  while (*s) {
    size_t n, len;
    char pic[4];
    int32_t cp = rg_utf8_next(s, &n);
    const char *e = replace(r, cp, n, &len, pic);
    if (e)
      put(k, e, len);
    else
      put(k, s, n);
    s += n;
  }
}

static char *escape_dup(const char *s, const rules *r) {
  if (!s) s = "";
  char *out = rg_xmalloc(6 * strlen(s) + 1);
  sink k = {NULL, out};
  escape(&k, s, r);
  *k.w = '\0';
  return out;
}

void rg_escape_html_text(FILE *out, const char *s) {
  sink k = {out, NULL};
  escape(&k, s, &HTML_TEXT);
}

void rg_escape_html_attr(FILE *out, const char *s) {
  sink k = {out, NULL};
  escape(&k, s, &HTML_ATTR);
}

char *rg_escape_xml_clean(const char *s) { return escape_dup(s, &XML_CLEAN); }

char *rg_escape_label(const char *s) { return escape_dup(s, &LABEL); }

void rg_escape_terminal(FILE *out, const char *s) {
  sink k = {out, NULL};
  escape(&k, s, &TERMINAL);
}

char *rg_escape_terminal_dup(const char *s) { return escape_dup(s, &TERMINAL); }

void rg_escape_script_json(FILE *out, const char *json) {
  if (!json) return;
  for (const unsigned char *p = (const unsigned char *)json; *p; p++) {
    if (*p == '<')
      fputs("\\u003c", out);
    else if (*p == '>')
      fputs("\\u003e", out);
    else if (*p == '&')
      fputs("\\u0026", out);
    else if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9)) {
      fputs(p[2] == 0xA8 ? "\\u2028" : "\\u2029", out);
      p += 2;
    } else
      fputc(*p, out);
  }
}

int rg_escape_is_formula_like(const char *s) {
  if (!s || !*s) return 0;
  if (strchr("=+-@\t\r", *s)) return 1;
  size_t n;
  int32_t cp = rg_utf8_next(s, &n);
  return cp == 0xFF1D || cp == 0xFF0B || cp == 0xFF0D || cp == 0xFF20;
}

char *rg_escape_cell(const char *s) {
  if (!s) s = "";
  if (!rg_escape_is_formula_like(s)) return rg_xstrdup(s);
  size_t len = strlen(s);
  char *r = rg_xmalloc(len + 2);
  r[0] = '\'';
  memcpy(r + 1, s, len + 1);
  return r;
}

/* A code point rg_escape_file_name keeps. */
static int file_safe(int32_t cp) {
  if (cp < 0x80)
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
           cp == '-' || cp == '_' || cp == '.' || cp == '(' || cp == ')';
  if (cp == 0xFFFD) return 0;
  utf8proc_category_t c = utf8proc_category(cp);
  return rg_utf8_is_alnum(cp) || c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC ||
         c == UTF8PROC_CATEGORY_ME;
}

char *rg_escape_file_name(const char *s, size_t max_bytes) {
  if (!s) s = "";
  char *out = rg_xmalloc(strlen(s) + 1);
  size_t len = 0;
  int gap = 0; /* characters left out (or a _) since the last one kept */
  for (size_t n; *s; s += n) {
    int32_t cp = rg_utf8_next(s, &n);
    if (!file_safe(cp) || cp == '_') {
      gap = 1;
      continue;
    }
    if (len == 0 && cp == '.') continue; /* no hidden file, no .. */
    size_t need = n + (gap && len);
    if (len + need > max_bytes) break;
    if (gap && len) out[len++] = '_';
    gap = 0;
    memcpy(out + len, s, n);
    len += n;
  }
  while (len && (out[len - 1] == '_' || out[len - 1] == '.'))
    len--;
  out[len] = '\0';
  return out;
}
