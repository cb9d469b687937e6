/* detect.c - telling HTML, CSV/TSV and plain text apart by content. */
#include "detect.h"

#include <string.h>
#include <strings.h>

#include "csv_reader.h"

static int ascii_ws(int c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int starts_tag(const char *p, const char *end, const char *tag) {
  size_t n = strlen(tag);
  if ((size_t)(end - p) < n + 1 || p[0] != '<' || strncasecmp(p + 1, tag, n) != 0) return 0;
  if ((size_t)(end - p) == n + 1) return 1;
  char c = p[n + 1];
  return ascii_ws((unsigned char)c) || c == '>' || c == '/';
}

int rg_detect_html(const char *bytes, size_t len) {
  static const char *const tags[] = {"!doctype", "html", "head",  "body", "meta",
                                     "title",    "p",    "table", "div"};
  if (len > 1024) len = 1024;
  const char *p = bytes, *end = bytes + len;
  if (len >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3)) p += 3;
  for (;;) {
    while (p < end && ascii_ws((unsigned char)*p))
      p++;
    if (end - p >= 4 && !memcmp(p, "<!--", 4)) {
      const char *q = p + 4;
      while (q + 3 <= end && memcmp(q, "-->", 3) != 0)
        q++;
      if (q + 3 > end) return 0;
      p = q + 3;
      continue;
    }
    if (end - p >= 5 && !memcmp(p, "<?xml", 5)) {
      const char *q = memchr(p, '>', (size_t)(end - p));
      if (!q) return 0;
      p = q + 1;
      continue;
    }
    break;
  }
  for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++)
    if (starts_tag(p, end, tags[i])) return 1;
  return 0;
}

#define MAX_HEADER_LINE 4096 /* a header line is short; longer lines are text */

rg_input_format rg_detect_format(const char *utf8, size_t len) {
  if (rg_detect_html(utf8, len)) return RG_INPUT_HTML;
  /* rg_csv_detect looks at the first 10 non-blank lines; stop it before the
   * first line too long to be a header, so a huge one-line file costs O(1) */
  const char *p = utf8, *end = utf8 + len;
  for (int lines = 0; p < end && lines < 10;) {
    const char *e = p;
    int blank = 1;
    while (e < end && *e != '\n' && *e != '\r' && e - p <= MAX_HEADER_LINE)
      blank &= ascii_ws((unsigned char)*e++);
    if (e - p > MAX_HEADER_LINE) break;
    lines += !blank;
    p = e < end ? e + 1 : e;
  }
  return rg_csv_detect(utf8, (size_t)(p - utf8)) ? RG_INPUT_CSV : RG_INPUT_TEXT;
}
