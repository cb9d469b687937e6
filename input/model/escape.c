/* escape.c - context escaping for HTML, JSON-in-script, XML and spreadsheet cells. */
#include "escape.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "error.h"

/* Walk s code point by code point; invalid bytes come back as U+FFFD with
 * *n = 1. Returns the code point and sets *n to its byte length. */
static int32_t next_cp(const char *s, size_t *n) {
  utf8proc_int32_t cp;
  utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s, -1, &cp);
  if (k <= 0) {
    *n = 1;
    return 0xFFFD;
  }
  *n = (size_t)k;
  return cp;
}

static void put_cp(FILE *out, int32_t cp) {
  utf8proc_uint8_t b[4];
  utf8proc_ssize_t k = utf8proc_encode_char(cp, b);
  fwrite(b, 1, (size_t)k, out);
}

static void html_escape(FILE *out, const char *s, int attr) {
  if (!s) return;
  while (*s) {
    size_t n;
    int32_t cp = next_cp(s, &n);
    switch (cp) {
    case '&':
      fputs("&amp;", out);
      break;
    case '<':
      fputs("&lt;", out);
      break;
    case '>':
      fputs("&gt;", out);
      break;
    case '"':
      if (attr)
        fputs("&quot;", out);
      else
        fputc('"', out);
      break;
    case '\'':
      if (attr)
        fputs("&#39;", out);
      else
        fputc('\'', out);
      break;
    default:
      if (cp < 0x20 && cp != '\t' && cp != '\n')
        fputc(' ', out);
      else if (cp == 0x7F)
        fputc(' ', out);
      else if (cp == 0xFFFD && n == 1)
        put_cp(out, cp);
      else
        fwrite(s, 1, n, out);
    }
    s += n;
  }
}

void rg_escape_html_text(FILE *out, const char *s) { html_escape(out, s, 0); }
void rg_escape_html_attr(FILE *out, const char *s) { html_escape(out, s, 1); }

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

char *rg_escape_xml_clean(const char *s) {
  if (!s) s = "";
  size_t len = strlen(s);
  /* worst case: every byte becomes U+FFFD (3 bytes) */
  char *r = rg_xmalloc(3 * len + 1), *w = r;
  while (*s) {
    size_t n;
    int32_t cp = next_cp(s, &n);
    if (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') {
      *w++ = ' ';
    } else if (cp == 0xFFFE || cp == 0xFFFF || (cp == 0xFFFD && n == 1)) {
      w += utf8proc_encode_char(0xFFFD, (utf8proc_uint8_t *)w);
    } else {
      memcpy(w, s, n);
      w += n;
    }
    s += n;
  }
  *w = '\0';
  return r;
}

int rg_escape_is_formula_like(const char *s) {
  if (!s || !*s) return 0;
  if (strchr("=+-@\t\r", *s)) return 1;
  size_t n;
  int32_t cp = next_cp(s, &n);
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
