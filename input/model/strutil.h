/* strutil.h - the few byte-string helpers the text parsers share.
 *
 * Header-only (static inline) so each parser keeps them on its hot path.
 * Strings are NUL-terminated UTF-8; comparisons are bytewise. */
#ifndef RG_STRUTIL_H
#define RG_STRUTIL_H

#include <stdint.h>
#include <string.h>

#include "error.h"

/* Does s start with p? Stops at the first differing byte: this runs at
 * every position of every line, so no strlen or strncmp. */
static inline int starts(const char *s, const char *p) {
  for (; *p; s++, p++)
    if (*s != *p) return 0;
  return 1;
}

/* Does s end with p? */
static inline int ends(const char *s, const char *p) {
  size_t n = strlen(s), m = strlen(p);
  return n >= m && memcmp(s + n - m, p, m) == 0;
}

/* Word lists (NULL-terminated): does s contain, start with, end with or
 * equal one of the words? The readers' vocabularies are such lists. */
enum { RG_IN, RG_AT_START, RG_AT_END, RG_EQUAL };
static inline int word_test(const char *s, const char *w, int how) {
  return how == RG_IN         ? strstr(s, w) != NULL
         : how == RG_AT_START ? starts(s, w)
         : how == RG_AT_END   ? ends(s, w)
                              : !strcmp(s, w);
}
static inline int any_word(const char *s, const char *const *w, int how) {
  for (int i = 0; w[i]; i++)
    if (word_test(s, w[i], how)) return 1;
  return 0;
}
static inline int has_any(const char *s, const char *const *w) { return any_word(s, w, RG_IN); }
/* has_any for a list whose every word starts with a byte of 0xE0 or more
 * (a CJK character): one walk of s, comparing the words only where such a
 * byte is, instead of one strstr per word (short texts, where a call costs
 * more than the walk). The same answer as has_any for such a list. */
static inline int has_any_cjk(const char *s, const char *const *w) {
  /* the low six bits of the words' second bytes: a character whose second
   * byte has none of them starts no word (most characters, with a short
   * list), and the words are not compared there */
  uint64_t second = 0;
  for (int i = 0; w[i]; i++)
    second |= (uint64_t)1 << ((unsigned char)w[i][1] & 63);
  for (; *s; s++) {
    if ((unsigned char)*s < 0xE0 || !(second >> ((unsigned char)s[1] & 63) & 1)) continue;
    for (int i = 0; w[i]; i++)
      if (*s == w[i][0] && starts(s, w[i])) return 1;
  }
  return 0;
}
static inline int starts_any(const char *s, const char *const *w) {
  return any_word(s, w, RG_AT_START);
}
static inline int ends_any(const char *s, const char *const *w) {
  return any_word(s, w, RG_AT_END);
}
static inline int in_list(const char *s, const char *const *w) { return any_word(s, w, RG_EQUAL); }

/* A malloc'd NUL-terminated copy of the n bytes at s (aborts on OOM). */
static inline char *dupn(const char *s, size_t n) {
  char *p = rg_xmalloc(n + 1);
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

/* The block at s + i of a scan that reads w positions (16 or 32) and the
 * two bytes after them (s[i .. i + w + 1]) of the n bytes of s: s + i
 * itself, or for the last block (i + w + 2 > n) pad, a copy of what is
 * left padded with NULs, which no searched byte is. */
static inline const char *block_at(const char *s, size_t i, size_t n, char pad[80], size_t w) {
  if (i + w + 2 <= n) return s + i;
  memset(pad, 0, w + 32);
  memcpy(pad, s + i, n - i);
  return pad;
}

#endif
