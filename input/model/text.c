/* text.c - white space, trimming, none-words and Chinese numerals. */
#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "error.h"

size_t rg_space_len(const char *p) {
  switch ((unsigned char)p[0]) {
  case ' ':
  case '\t':
  case '\r':
  case '\n':
  case '\v':
  case '\f':
    return 1;
  case 0xC2:
    return (unsigned char)p[1] == 0xA0 ? 2 : 0; /* U+00A0 */
  case 0xE3:
    return (unsigned char)p[1] == 0x80 && (unsigned char)p[2] == 0x80 ? 3 : 0; /* U+3000 */
  case 0xEF:
    return (unsigned char)p[1] == 0xBB && (unsigned char)p[2] == 0xBF ? 3 : 0; /* BOM */
  default:
    return 0;
  }
}

/* The bytes of the white space that ends s[0..n), or 0. No byte inside a
 * space of several bytes (A0 80 BB BF) starts one, so a space found from
 * the end is the one a reading from the start finds. */
static size_t space_before(const char *s, size_t n) {
  unsigned char c = (unsigned char)s[n - 1];
  if (c == ' ' || (c >= '\t' && c <= '\r')) return 1;
  if (n >= 2 && rg_space_len(s + n - 2) == 2) return 2;
  if (n >= 3 && rg_space_len(s + n - 3) == 3) return 3;
  return 0;
}

/* Start and end (exclusive) of s without surrounding white space: the
 * leading spaces read from the start, the trailing ones from the end. */
static void bounds(const char *s, size_t *b, size_t *e) {
  size_t k, i = 0;
  while (s[i] && (k = rg_space_len(s + i)))
    i += k;
  *b = i;
  size_t n = i + strlen(s + i);
  while (n > i && (k = space_before(s, n)))
    n -= k;
  *e = n;
}

void rg_trim(char *s) {
  size_t b, e;
  bounds(s, &b, &e);
  if (b) memmove(s, s + b, e - b);
  s[e - b] = '\0';
}

char *rg_trim_dup(const char *s) {
  size_t b, e;
  bounds(s, &b, &e);
  char *p = rg_xmalloc(e - b + 1);
  memcpy(p, s + b, e - b);
  p[e - b] = '\0';
  return p;
}

int rg_is_blank(const char *s) {
  size_t b, e;
  bounds(s, &b, &e);
  return e == b;
}

int rg_means_none(const char *s) {
  static const char *const none[] = {"",  "无", "空", "暂无", "-",   "--",
                                     "—", "——", "–",  "/",    "n/a", "N/A"};
  size_t b, e;
  bounds(s, &b, &e);
  for (size_t i = 0; i < sizeof none / sizeof none[0]; i++)
    if (strlen(none[i]) == e - b && !memcmp(s + b, none[i], e - b)) return 1;
  return 0;
}

size_t rg_cn_numeral_len(const char *s) {
  static const char digits[] = "零〇一二三四五六七八九十百"; /* 3 bytes each */
  size_t n = 0;
  for (;;) {
    const char *d = digits;
    /* byte by byte: stops at s's NUL, which no numeral contains */
    while (*d && !(s[n] == d[0] && s[n + 1] == d[1] && s[n + 2] == d[2]))
      d += 3;
    if (!*d) return n;
    n += 3;
  }
}

/* ------------------------------------------------------------------ NFKC */

/* Is s[0..len) valid UTF-8 made only of characters NFKC leaves alone that
 * we can recognise cheaply: printable ASCII and tab, CJK ideographs
 * U+4000..U+9FFF (lead bytes E4..E9), and 、。“”? Then NFKC is a copy. */
static int nfkc_stable(const unsigned char *s, size_t len) {
  for (size_t i = 0; i < len;) {
    unsigned char c = s[i];
    if (c < 0x80) {
      if ((c < 0x20 && c != '\t') || c == 0x7F) return 0;
      i++;
      continue;
    }
    if (i + 3 > len) return 0;
    unsigned char c1 = s[i + 1], c2 = s[i + 2];
    if ((c1 & 0xC0) != 0x80 || (c2 & 0xC0) != 0x80) return 0;
    if (c >= 0xE4 && c <= 0xE9) {
      i += 3;
      continue;
    }
    if (c == 0xE3 && c1 == 0x80 && (c2 == 0x81 || c2 == 0x82)) { /* 、。 */
      i += 3;
      continue;
    }
    if (c == 0xE2 && c1 == 0x80 && (c2 == 0x9C || c2 == 0x9D)) { /* “” */
      i += 3;
      continue;
    }
    return 0;
  }
  return 1;
}

int rg_nfkc_is_copy(const char *s, size_t len) {
  return nfkc_stable((const unsigned char *)s, len);
}

char *rg_nfkc(const char *s, size_t len) {
  if (nfkc_stable((const unsigned char *)s, len)) {
    char *copy = rg_xmalloc(len + 1);
    memcpy(copy, s, len);
    copy[len] = '\0';
    return copy;
  }
  utf8proc_uint8_t *out = NULL;
  /* UTF8PROC_IGNORE: default-ignorable characters (zero-width, bidi
   * controls, soft hyphen, variation selectors) are removed, so a name with
   * a zero-width joiner or a right-to-left override inside is the name */
  utf8proc_ssize_t n =
      utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &out,
                   UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_IGNORE);
  if (n < 0) return NULL;
  return (char *)out;
}

/* The bytes of s if p starts with one of the strings of list, else 0. */
static size_t starts_one(const char *p, const char *const *list) {
  for (int i = 0; list[i]; i++) {
    size_t n = strlen(list[i]);
    if (!strncmp(p, list[i], n)) return n;
  }
  return 0;
}

size_t rg_bracket_step_at(const char *p, int *depth) {
  static const char *const open[] = {"(", "[", "〔", "《", "“", "【", NULL};
  static const char *const close[] = {")", "]", "〕", "》", "”", "】", NULL};
  size_t n = starts_one(p, open);
  if (n) {
    (*depth)++;
    return n;
  }
  n = starts_one(p, close);
  if (n && *depth) (*depth)--;
  return n;
}

int rg_invisible_count(const char *s, size_t len, int32_t *first) {
  int n = 0;
  for (size_t i = 0; i < len;) {
    unsigned char c = (unsigned char)s[i];
    /* ASCII and the CJK block (lead bytes E4-E9: U+4000-U+9FFF) hold none */
    if (c < 0x80) {
      i++;
      continue;
    }
    if (c >= 0xE4 && c <= 0xE9 && i + 3 <= len) {
      i += 3;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t k =
        utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
    if (k <= 0) {
      i++;
      continue;
    }
    if (utf8proc_get_property(cp)->ignorable) {
      if (!n && first) *first = cp;
      n++;
    }
    i += (size_t)k;
  }
  return n;
}
