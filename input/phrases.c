/* phrases.c - one pass for a set of phrases (phrases.h). */
#include "phrases.h"

#include <string.h>

#include "strutil.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if RG_PHRASES_AVX2
#include <immintrin.h>
#endif

/* The code point of the three-byte character at u (lead byte 1110xxxx). */
static unsigned char3(const unsigned char *u) {
  return (unsigned)(u[0] & 0x0F) << 12 | (unsigned)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
}

/* Add word w's start to the block scan's keys (n_keys -1 once too many).
 * A start of three bytes is tested by its second and third only (a
 * character's first byte tells little in CJK text: 公 and 关 share it with
 * 全, 共 and 其), so 公网安备 and 关闭窗口 are two keys, Copyright and
 * copyright one. */
static void add_key(rg_phrases *ps, const unsigned char *w) {
  unsigned char len = !w[1] ? 1 : !w[2] ? 2 : 3;
  for (int k = 0; k < ps->n_keys; k++)
    if (ps->key_len[k] == len &&
        (len == 3 ? !memcmp(ps->key[k] + 1, w + 1, 2) : !memcmp(ps->key[k], w, len)))
      return;
  if (ps->n_keys < 0 || ps->n_keys == RG_PHRASE_KEYS) {
    ps->n_keys = -1;
    return;
  }
  memcpy(ps->key[ps->n_keys], w, len);
  ps->key_len[ps->n_keys++] = len;
}

void rg_phrases_init(rg_phrases *ps, const char *const *words) {
  memset(ps, 0, sizeof *ps);
  ps->words = words;
  ps->skip = 1;
  for (; words[ps->n]; ps->n++) {
    const unsigned char *w = (const unsigned char *)words[ps->n];
    add_key(ps, w);
    if ((w[0] & 0xC0) == 0x80) ps->skip = 0;
    if (!w[1])
      ps->single[w[0]] = 1;
    else
      ps->pair[w[0]][w[1] >> 6] |= (uint64_t)1 << (w[1] & 63);
    if (w[0] >= 0xE0 && w[0] < 0xF0) {
      if ((w[1] & 0xC0) == 0x80 && (w[2] & 0xC0) == 0x80) {
        unsigned c = char3(w);
        ps->first3[c >> 6] |= (uint64_t)1 << (c & 63);
      } else {
        ps->skip = 0; /* a word that starts with a cut character: test every byte */
      }
    }
  }
  if (ps->n_keys < 0) ps->n_keys = 0;
#if RG_PHRASES_AVX2
  ps->avx2 = __builtin_cpu_supports("avx2") != 0;
#endif
  /* the keys of three bytes first, then two, then one (stable: the order
   * changes no answer), each byte repeated for the block compare */
  unsigned char key[RG_PHRASE_KEYS][3] = {{0}}, len[RG_PHRASE_KEYS] = {0};
  int m = 0;
  for (unsigned char want = 3; want >= 1; want--)
    for (int k = 0; k < ps->n_keys; k++)
      if (ps->key_len[k] == want) {
        memcpy(key[m], ps->key[k], 3);
        len[m++] = want;
        ps->n_keys3 += want == 3;
        ps->n_keys2 += want == 2;
      }
  memcpy(ps->key, key, sizeof key);
  memcpy(ps->key_len, len, sizeof len);
  for (int k = 0; k < ps->n_keys; k++)
    for (int b = 0; b < 3; b++)
      memset(ps->key_vec[k][b], ps->key[k][b], 16);
}

/* Does some word start at s[i] (n bytes in all)? */
static int any_word_at(const rg_phrases *ps, const char *s, size_t n, size_t i) {
  for (int k = 0; k < ps->n; k++) {
    const char *w = ps->words[k];
    if (w[0] != s[i]) continue;
    size_t m = strlen(w);
    if (m <= n - i && !memcmp(s + i, w, m)) return 1;
  }
  return 0;
}

/* The byte-by-byte scan of s[i..n) (i may be inside a character: the
 * words start with none of the bytes skipped inside one): where the first
 * word starts, or n. */
static size_t scan_from(const rg_phrases *ps, const char *s, size_t n, size_t i) {
  const unsigned char *u = (const unsigned char *)s;
  for (; i < n; i++) {
    unsigned char a = u[i];
    if (ps->single[a]) return i;
    if (i + 1 == n) break;
    unsigned char b = u[i + 1];
    /* a character of three bytes: no word starts inside it (a word starts
     * with a lead byte or ASCII, never a continuation byte), and one can
     * start here only if some word starts with this very character */
    if (ps->skip && a >= 0xE0 && a < 0xF0 && (b & 0xC0) == 0x80 && i + 2 < n &&
        (u[i + 2] & 0xC0) == 0x80) {
      unsigned c = char3(u + i);
      if ((ps->first3[c >> 6] >> (c & 63) & 1) && any_word_at(ps, s, n, i)) return i;
      i += 2;
      continue;
    }
    if ((ps->pair[a][b >> 6] >> (b & 63) & 1) && any_word_at(ps, s, n, i)) return i;
  }
  return n;
}

#if defined(__SSE2__) || RG_PHRASES_AVX2
/* The first of the candidate positions i + b (bit b of bits, for the w
 * positions from i) where a word starts, or n. */
static size_t first_word(const rg_phrases *ps, const char *s, size_t n, size_t i, uint32_t bits,
                         size_t w) {
  if (n - i < w) bits &= ((uint32_t)1 << (n - i)) - 1; /* (positions past the end) */
  for (; bits; bits &= bits - 1) {
    size_t at = i + (size_t)__builtin_ctz(bits);
    if (any_word_at(ps, s, n, at)) return at;
  }
  return n;
}
#endif

#if RG_PHRASES_AVX2
/* The block scan 32 positions at a time, where the processor has AVX2
 * (rg_phrases_init asks it once): the same keys and compares. */
__attribute__((target("avx2"))) static size_t find_avx2(const rg_phrases *ps, const char *s,
                                                        size_t n) {
  const unsigned char(*key)[3] = ps->key;
  int n3 = ps->n_keys3, n32 = n3 + ps->n_keys2;
  _Alignas(32) char pad[80];
  for (size_t i = 0; i < n; i += 32) {
    const char *b = block_at(s, i, n, pad, 32);
    __m256i v0 = _mm256_loadu_si256((const __m256i *)b),
            v1 = _mm256_loadu_si256((const __m256i *)(b + 1)),
            v2 = _mm256_loadu_si256((const __m256i *)(b + 2)), m = _mm256_setzero_si256();
    int k = 0;
    for (; k < n3; k++) /* (the second and third bytes) */
      m = _mm256_or_si256(
          m, _mm256_and_si256(_mm256_cmpeq_epi8(v1, _mm256_set1_epi8((char)key[k][1])),
                              _mm256_cmpeq_epi8(v2, _mm256_set1_epi8((char)key[k][2]))));
    for (; k < n32; k++)
      m = _mm256_or_si256(
          m, _mm256_and_si256(_mm256_cmpeq_epi8(v0, _mm256_set1_epi8((char)key[k][0])),
                              _mm256_cmpeq_epi8(v1, _mm256_set1_epi8((char)key[k][1]))));
    for (; k < ps->n_keys; k++)
      m = _mm256_or_si256(m, _mm256_cmpeq_epi8(v0, _mm256_set1_epi8((char)key[k][0])));
    size_t at = first_word(ps, s, n, i, (uint32_t)_mm256_movemask_epi8(m), 32);
    if (at < n) return at;
  }
  return n;
}
#endif

size_t rg_phrases_find(const rg_phrases *ps, const char *s, size_t n) {
  size_t i = 0;
#if RG_PHRASES_AVX2
  if (ps->n_keys && ps->avx2) return find_avx2(ps, s, n);
#endif
#if defined(__SSE2__)
  if (ps->n_keys) {
    const __m128i(*kv)[3] = (const __m128i(*)[3])ps->key_vec;
    int n3 = ps->n_keys3, n32 = n3 + ps->n_keys2;
    /* positions i..i+15, reading up to s[i + 17]; the last block from a
     * copy padded with NULs (no word holds one) */
    _Alignas(16) char pad[80];
    for (; i < n; i += 16) {
      const char *b = block_at(s, i, n, pad, 16);
      __m128i v0 = _mm_loadu_si128((const __m128i *)b),
              v1 = _mm_loadu_si128((const __m128i *)(b + 1)),
              v2 = _mm_loadu_si128((const __m128i *)(b + 2)), m = _mm_setzero_si128();
      int k = 0;
      for (; k < n3; k++) /* (the second and third bytes) */
        m = _mm_or_si128(m,
                         _mm_and_si128(_mm_cmpeq_epi8(v1, kv[k][1]), _mm_cmpeq_epi8(v2, kv[k][2])));
      for (; k < n32; k++)
        m = _mm_or_si128(m,
                         _mm_and_si128(_mm_cmpeq_epi8(v0, kv[k][0]), _mm_cmpeq_epi8(v1, kv[k][1])));
      for (; k < ps->n_keys; k++)
        m = _mm_or_si128(m, _mm_cmpeq_epi8(v0, kv[k][0]));
      size_t at = first_word(ps, s, n, i, (unsigned)_mm_movemask_epi8(m), 16);
      if (at < n) return at;
    }
    return n;
  }
#endif
  return scan_from(ps, s, n, i);
}

int rg_phrases_in(const rg_phrases *ps, const char *s, size_t n) {
  return rg_phrases_find(ps, s, n) < n;
}
