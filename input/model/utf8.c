/* utf8.c - counting, offsets and decoding of UTF-8 code points. */
#include "utf8.h"

#include <utf8proc.h>

size_t rg_utf8_last(const char *s, size_t len) {
  size_t i = len;
  while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
    i--;
  return i > 0 ? i - 1 : 0;
}

size_t rg_utf8_count(const char *s, size_t len) {
  size_t n = 0;
  for (size_t i = 0; i < len; i++)
    if (((unsigned char)s[i] & 0xC0) != 0x80) n++;
  return n;
}

size_t rg_utf8_strlen(const char *s) {
  size_t n = 0;
  for (; *s; s++)
    n += ((unsigned char)*s & 0xC0) != 0x80;
  return n;
}

size_t rg_utf8_offset(const char *s, size_t len, size_t k) {
  size_t i = 0;
  while (i < len && k > 0) {
    i++;
    while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
      i++;
    k--;
  }
  return i;
}

int32_t rg_utf8_next(const char *s, size_t *n) {
  utf8proc_int32_t cp;
  utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s, -1, &cp);
  if (k <= 0) {
    *n = 1;
    return 0xFFFD;
  }
  *n = (size_t)k;
  return cp;
}

int rg_utf8_is_alnum(int32_t cp) {
  switch (utf8proc_category(cp)) {
  case UTF8PROC_CATEGORY_LU:
  case UTF8PROC_CATEGORY_LL:
  case UTF8PROC_CATEGORY_LT:
  case UTF8PROC_CATEGORY_LM:
  case UTF8PROC_CATEGORY_LO:
  case UTF8PROC_CATEGORY_ND:
  case UTF8PROC_CATEGORY_NL:
  case UTF8PROC_CATEGORY_NO:
    return 1;
  default:
    return 0;
  }
}
