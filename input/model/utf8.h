/* utf8.h - code points of UTF-8 strings, one copy for every module.
 *
 * Model strings are valid UTF-8 (readers decode and replace bad bytes), but
 * every function here is safe on any bytes: a byte that does not start a
 * valid sequence counts as one character. Counting and offsets look only at
 * lead bytes (O(n), no decoding); rg_utf8_next decodes with utf8proc. */
#ifndef RG_UTF8_H
#define RG_UTF8_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Bytes in the UTF-8 sequence led by byte c: 1-4, or 0 for a continuation
 * byte or a byte that never starts a sequence (C0, C1, F5-FF). */
static inline size_t rg_utf8_seq_len(unsigned char c) {
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c < 0xE0) return 2;
  if (c >= 0xE0 && c < 0xF0) return 3;
  if (c >= 0xF0 && c < 0xF5) return 4;
  return 0;
}

/* Bytes of the character at p in a NUL-terminated string: its sequence
 * length, 1 for a byte that starts none, and never past the NUL, so text
 * that holds invalid UTF-8 (a CSV cell NFKC could not take) is walked
 * safely. */
static inline size_t rg_utf8_char_len(const char *p) {
  /* (inline: the readers step through every character of every list) */
  size_t n = rg_utf8_seq_len((unsigned char)*p);
  if (n == 0) return 1;
  for (size_t i = 1; i < n; i++)
    if (!p[i]) return i;
  return n;
}

/* strstr(s, c) for a needle of three bytes (a CJK character: 为, 前, 。),
 * on any bytes. glibc's strstr walks a three-byte needle a byte at a time;
 * this finds each place of its last byte with strchr (a vector scan) and
 * compares the two before, so the first match is strstr's first match.
 * The readers ask it of every task text and label value. */
static inline char *rg_strstr3(const char *s, const char *c) {
  for (const char *p = s; (p = strchr(p, c[2])) != NULL; p++)
    if (p - s >= 2 && p[-2] == c[0] && p[-1] == c[1]) return (char *)(p - 2);
  return NULL;
}

/* Byte offset of the last character of s[0..len): the last byte that is not
 * a continuation byte (0 when there is none). */
size_t rg_utf8_last(const char *s, size_t len);

/* Number of code points in s[0..len) (bytes that are not continuations). */
size_t rg_utf8_count(const char *s, size_t len);

/* Number of code points of the NUL-terminated s. */
size_t rg_utf8_strlen(const char *s);

/* Byte offset of code point k in s[0..len); len when s has fewer. */
size_t rg_utf8_offset(const char *s, size_t len, size_t k);

/* The code point at s (which must not be at its NUL) and its byte length in
 * *n; an invalid sequence gives U+FFFD with *n = 1. */
int32_t rg_utf8_next(const char *s, size_t *n);

/* 1 when cp is a letter or a number of any script (Unicode categories L*
 * and N*, as utf8proc knows them): 市, A, é, ٣, ①, Ⅻ. */
int rg_utf8_is_alnum(int32_t cp);

#endif
