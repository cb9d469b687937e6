/* phrases.h - is any of a set of phrases in a text? One pass.
 *
 * The readers test many fixed word lists against every line of a plan
 * (page chrome: 版权所有, ICP备, 网站标识码 …). memmem or strstr once per
 * word reads the line once per word; a phrase set reads it once: a table
 * of the phrases' first two bytes, and of the exact first character for
 * phrases that start with a three-byte character (built once, where the
 * list is used: no global state), rules out almost every position, and
 * only a position where a phrase could start is compared. Where SSE2 is
 * there (every x86-64), sixteen positions are tested at once against the
 * words' first three bytes. The answer is the same as testing each word
 * with memmem, on any bytes (valid UTF-8 or not). */
#ifndef RG_PHRASES_H
#define RG_PHRASES_H

#include <stddef.h>
#include <stdint.h>

/* x86-64 with GCC or Clang: a second block scan, 32 positions at a time,
 * for processors with AVX2 (asked at run time). */
#if defined(__x86_64__) && defined(__GNUC__)
#define RG_PHRASES_AVX2 1
#else
#define RG_PHRASES_AVX2 0
#endif

typedef struct rg_phrases {
  const char *const *words; /* NULL-terminated list, borrowed */
  int n;
  uint64_t pair[256][4]; /* bit b of pair[a]: some word starts with the bytes a, b */
  uint8_t single[256];   /* some word is the one byte a */
  int skip;              /* no word starts with a continuation byte (10xxxxxx) */
  /* bit c: some word starts with the three-byte character U+c (its first
   * two bytes are in pair too); used when skip is set */
  uint64_t first3[65536 / 64];
  /* The block scan (SSE2): each distinct start of a word (its first three
   * bytes, or fewer for a shorter word; of three, the second and third
   * are enough to rule out nearly every position) is compared at sixteen positions
   * at once; a position where one starts is then compared whole. 0 keys:
   * more than RG_PHRASE_KEYS starts, the scan goes byte by byte. */
  int n_keys, n_keys3, n_keys2; /* keys of three bytes first, then two, then one */
  unsigned char key[16][3], key_len[16];
  _Alignas(16) unsigned char key_vec[16][3][16]; /* each key byte sixteen times */
  int avx2; /* the processor has AVX2: 32 positions at a time */
} rg_phrases;

enum { RG_PHRASE_KEYS = 16 };

/* Build the set of words (a NULL-terminated list of non-empty words, kept
 * by the caller while the set is used). */
void rg_phrases_init(rg_phrases *ps, const char *const *words);

/* Does [s, s + n) hold one of the words? Same as memmem of each. */
int rg_phrases_in(const rg_phrases *ps, const char *s, size_t n);

/* Where in [s, s + n) the first of the words starts (the least offset
 * at which memmem of some word finds it), or n when none is there. */
size_t rg_phrases_find(const rg_phrases *ps, const char *s, size_t n);

#endif
