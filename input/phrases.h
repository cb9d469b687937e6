/* phrases.h - is any of a set of phrases in a text? One pass.
 *
 * The readers test many fixed word lists against every line of a plan
 * (page chrome: 版权所有, ICP备, 网站标识码 …). memmem or strstr once per
 * word reads the line once per word; a phrase set reads it once: a table
 * of the phrases' first two bytes, and of the exact first character for
 * phrases that start with a three-byte character (built once, where the
 * list is used: no global state), rules out almost every position, and
 * only a position where a phrase could start is compared. The answer is the same as testing
 * each word with memmem, on any bytes (valid UTF-8 or not). */
#ifndef RG_PHRASES_H
#define RG_PHRASES_H

#include <stddef.h>
#include <stdint.h>

typedef struct rg_phrases {
  const char *const *words; /* NULL-terminated list, borrowed */
  int n;
  uint64_t pair[256][4]; /* bit b of pair[a]: some word starts with the bytes a, b */
  uint8_t single[256];   /* some word is the one byte a */
  int skip;              /* no word starts with a continuation byte (10xxxxxx) */
  /* bit c: some word starts with the three-byte character U+c (its first
   * two bytes are in pair too); used when skip is set */
  uint64_t first3[65536 / 64];
} rg_phrases;

/* Build the set of words (a NULL-terminated list of non-empty words, kept
 * by the caller while the set is used). */
void rg_phrases_init(rg_phrases *ps, const char *const *words);

/* Does [s, s + n) hold one of the words? Same as memmem of each. */
int rg_phrases_in(const rg_phrases *ps, const char *s, size_t n);

#endif
