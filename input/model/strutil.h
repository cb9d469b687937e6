/* strutil.h - the few byte-string helpers the text parsers share.
 *
 * Header-only (static inline) so each parser keeps them on its hot path.
 * Strings are NUL-terminated UTF-8; comparisons are bytewise. */
#ifndef RG_STRUTIL_H
#define RG_STRUTIL_H

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
static inline int has_any(const char *s, const char *const *w) {
  for (int i = 0; w[i]; i++)
    if (strstr(s, w[i])) return 1;
  return 0;
}
static inline int starts_any(const char *s, const char *const *w) {
  for (int i = 0; w[i]; i++)
    if (starts(s, w[i])) return 1;
  return 0;
}
static inline int ends_any(const char *s, const char *const *w) {
  for (int i = 0; w[i]; i++)
    if (ends(s, w[i])) return 1;
  return 0;
}
static inline int in_list(const char *s, const char *const *w) {
  for (int i = 0; w[i]; i++)
    if (!strcmp(s, w[i])) return 1;
  return 0;
}

/* A malloc'd NUL-terminated copy of the n bytes at s (aborts on OOM). */
static inline char *dupn(const char *s, size_t n) {
  char *p = rg_xmalloc(n + 1);
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

#endif
