/* text.c - white space, trimming, none-words and Chinese numerals. */
#include "text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
/* x86-64 with GCC or Clang: the copy test also in 32 lanes, for
 * processors with AVX2 (asked at run time) */
#if defined(__x86_64__) && defined(__GNUC__)
#define RG_TEXT_AVX2 1
#include <immintrin.h>
#else
#define RG_TEXT_AVX2 0
#endif

#include "error.h"
#include "strutil.h"

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
static void bounds_len(const char *s, size_t len, size_t *b, size_t *e) {
  size_t k, i = 0;
  while (s[i] && (k = rg_space_len(s + i)))
    i += k;
  *b = i;
  size_t n = len;
  while (n > i && (k = space_before(s, n)))
    n -= k;
  *e = n;
}

static void bounds(const char *s, size_t *b, size_t *e) { bounds_len(s, strlen(s), b, e); }

void rg_trim(char *s) { rg_trim_len(s, strlen(s)); }

void rg_trim_len(char *s, size_t len) {
  size_t b, e;
  bounds_len(s, len, &b, &e);
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

/* The length of the character at s[i] when it is one NFKC leaves alone and
 * that nothing before it composes with (printable ASCII and tab, the CJK
 * ideographs U+4000..U+9FFF (lead bytes E4..E9), 、。“”), else 0. Each has
 * combining class 0 and NFKC_QC=Yes: a normalisation boundary comes
 * before it (UAX #15: text may be normalised piece by piece between
 * such characters). */
static size_t plain_len(const unsigned char *s, size_t len, size_t i) {
  unsigned char c = s[i];
  if (c < 0x80) return (c < 0x20 && c != '\t') || c == 0x7F ? 0 : 1;
  if (i + 3 > len) return 0;
  unsigned char c1 = s[i + 1], c2 = s[i + 2];
  if ((c1 & 0xC0) != 0x80 || (c2 & 0xC0) != 0x80) return 0;
  if (c >= 0xE4 && c <= 0xE9) return 3;
  if (c == 0xE3 && c1 == 0x80 && (c2 == 0x81 || c2 == 0x82)) return 3; /* 、。 */
  if (c == 0xE2 && c1 == 0x80 && (c2 == 0x9C || c2 == 0x9D)) return 3; /* “” */
  return 0;
}

#if defined(__SSE2__) || RG_TEXT_AVX2
/* The verdict on one block of width bytes (valid of them the text's) from
 * its byte classes as bit masks (printable ASCII, first bytes, continuation
 * bytes): 0 when it is not plain, else 1 with *carry the continuation bytes
 * owed at the next block's positions 0 and 1. Both block scans use it. */
static inline int block_plain(uint64_t ascii, uint64_t first, uint64_t cont, size_t valid,
                              size_t width, uint64_t *carry) {
  uint64_t mask = ((uint64_t)1 << valid) - 1, owed = first << 1 | first << 2 | *carry;
  if ((owed & ~mask) != 0 && valid < width) return 0; /* a character cut by the end */
  if (((cont ^ owed) & mask) || ((ascii | first | cont) & mask) != mask) return 0;
  *carry = owed >> width;
  return 1;
}
#endif

#if defined(__SSE2__)
/* The block test of nfkc_stable (SSE2): s[0..len) sixteen bytes at a time.
 * Each byte is classed (printable ASCII or tab; the first byte of a CJK
 * ideograph, E4..E9, or of 、。“”, whose next two bytes are then checked;
 * a continuation byte 10xxxxxx) and the text is those characters exactly
 * when every byte has a class and the continuation bytes are those two
 * after each first byte (carried into the next block). */
static int stable_blocks(const unsigned char *s, size_t len) {
  const __m128i x1f = _mm_set1_epi8(0x1F), x7f = _mm_set1_epi8(0x7F), tab = _mm_set1_epi8('\t'),
                e4 = _mm_set1_epi8((char)0xE4), five = _mm_set1_epi8(5), zero = _mm_setzero_si128(),
                c0 = _mm_set1_epi8((char)0xC0), x80 = _mm_set1_epi8((char)0x80),
                e3 = _mm_set1_epi8((char)0xE3), e2 = _mm_set1_epi8((char)0xE2),
                x81 = _mm_set1_epi8((char)0x81), x82 = _mm_set1_epi8((char)0x82),
                x9c = _mm_set1_epi8((char)0x9C), x9d = _mm_set1_epi8((char)0x9D);
  _Alignas(16) char pad[80];
  uint64_t carry = 0; /* continuation bytes owed at the next block's positions 0 and 1 */
  for (size_t i = 0; i < len; i += 16) {
    /* (the last block: padded with NULs, which have no class) */
    const char *b = block_at((const char *)s, i, len, pad, 16);
    size_t valid = len - i < 16 ? len - i : 16;
    __m128i v = _mm_loadu_si128((const __m128i *)b), v1 = _mm_loadu_si128((const __m128i *)(b + 1)),
            v2 = _mm_loadu_si128((const __m128i *)(b + 2));
    /* signed: bytes from 0x80 are below 0x1F */
    __m128i ascii = _mm_or_si128(_mm_and_si128(_mm_cmpgt_epi8(v, x1f), _mm_cmplt_epi8(v, x7f)),
                                 _mm_cmpeq_epi8(v, tab));
    __m128i ideo = _mm_cmpeq_epi8(_mm_subs_epu8(_mm_sub_epi8(v, e4), five), zero);
    __m128i cont = _mm_cmpeq_epi8(_mm_and_si128(v, c0), x80);
    __m128i e3m = _mm_cmpeq_epi8(v, e3), e2m = _mm_cmpeq_epi8(v, e2);
    __m128i after = _mm_cmpeq_epi8(v1, x80);
    __m128i punct = _mm_and_si128(
        after,
        _mm_or_si128(
            _mm_and_si128(e3m, _mm_or_si128(_mm_cmpeq_epi8(v2, x81), _mm_cmpeq_epi8(v2, x82))),
            _mm_and_si128(e2m, _mm_or_si128(_mm_cmpeq_epi8(v2, x9c), _mm_cmpeq_epi8(v2, x9d)))));
    if (!block_plain((unsigned)_mm_movemask_epi8(ascii),
                     (unsigned)(_mm_movemask_epi8(ideo) | _mm_movemask_epi8(punct)),
                     (unsigned)_mm_movemask_epi8(cont), valid, 16, &carry))
      return 0;
  }
  return carry == 0;
}
#endif

#if RG_TEXT_AVX2
/* stable_blocks 32 bytes at a time, where the processor has AVX2: the
 * same classes, masks and carry, in 32 lanes. */
__attribute__((target("avx2"))) static int stable_blocks_avx2(const unsigned char *s, size_t len) {
  const __m256i x1f = _mm256_set1_epi8(0x1F), x7f = _mm256_set1_epi8(0x7F),
                tab = _mm256_set1_epi8('\t'), e4 = _mm256_set1_epi8((char)0xE4),
                five = _mm256_set1_epi8(5), zero = _mm256_setzero_si256(),
                c0 = _mm256_set1_epi8((char)0xC0), x80 = _mm256_set1_epi8((char)0x80),
                e3 = _mm256_set1_epi8((char)0xE3), e2 = _mm256_set1_epi8((char)0xE2),
                x81 = _mm256_set1_epi8((char)0x81), x82 = _mm256_set1_epi8((char)0x82),
                x9c = _mm256_set1_epi8((char)0x9C), x9d = _mm256_set1_epi8((char)0x9D);
  _Alignas(32) char pad[80];
  uint64_t carry = 0; /* continuation bytes owed at the next block's positions 0 and 1 */
  for (size_t i = 0; i < len; i += 32) {
    const char *b = block_at((const char *)s, i, len, pad, 32);
    size_t valid = len - i < 32 ? len - i : 32;
    __m256i v = _mm256_loadu_si256((const __m256i *)b),
            v1 = _mm256_loadu_si256((const __m256i *)(b + 1)),
            v2 = _mm256_loadu_si256((const __m256i *)(b + 2));
    __m256i ascii =
        _mm256_or_si256(_mm256_and_si256(_mm256_cmpgt_epi8(v, x1f), _mm256_cmpgt_epi8(x7f, v)),
                        _mm256_cmpeq_epi8(v, tab));
    __m256i ideo = _mm256_cmpeq_epi8(_mm256_subs_epu8(_mm256_sub_epi8(v, e4), five), zero);
    __m256i cont = _mm256_cmpeq_epi8(_mm256_and_si256(v, c0), x80);
    __m256i after = _mm256_cmpeq_epi8(v1, x80);
    __m256i punct = _mm256_and_si256(
        after, _mm256_or_si256(_mm256_and_si256(_mm256_cmpeq_epi8(v, e3),
                                                _mm256_or_si256(_mm256_cmpeq_epi8(v2, x81),
                                                                _mm256_cmpeq_epi8(v2, x82))),
                               _mm256_and_si256(_mm256_cmpeq_epi8(v, e2),
                                                _mm256_or_si256(_mm256_cmpeq_epi8(v2, x9c),
                                                                _mm256_cmpeq_epi8(v2, x9d)))));
    if (!block_plain((uint32_t)_mm256_movemask_epi8(ascii),
                     (uint32_t)_mm256_movemask_epi8(ideo) | (uint32_t)_mm256_movemask_epi8(punct),
                     (uint32_t)_mm256_movemask_epi8(cont), valid, 32, &carry))
      return 0;
  }
  return carry == 0;
}
#endif

/* Is s[0..len) valid UTF-8 made only of those characters? Then NFKC is a
 * copy. */
static int nfkc_stable_by(const unsigned char *s, size_t len, int width) {
#if RG_TEXT_AVX2
  if (width >= 32 && len >= 32 && __builtin_cpu_supports("avx2")) return stable_blocks_avx2(s, len);
#endif
#if defined(__SSE2__)
  if (width >= 16 && len >= 16) return stable_blocks(s, len);
#endif
  for (size_t i = 0; i < len;) {
    unsigned char c = s[i];
    if (c >= 0x20 && c < 0x7F) { /* printable ASCII, the common case inline */
      i++;
      continue;
    }
    size_t n = plain_len(s, len, i);
    if (!n) return 0;
    i += n;
  }
  return 1;
}

static int nfkc_stable(const unsigned char *s, size_t len) { return nfkc_stable_by(s, len, 32); }

int rg_nfkc_is_copy(const char *s, size_t len) {
  return nfkc_stable((const unsigned char *)s, len);
}

int rg_nfkc_is_copy_by(const char *s, size_t len, int width) {
  return nfkc_stable_by((const unsigned char *)s, len, width);
}

#define NFKC_OPTS (UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_IGNORE)

/* Append the NFKC of s[0..n) (a piece that starts at a boundary) to *out
 * (size *len, room *cap); -1 when it is not valid UTF-8. As utf8proc_map
 * does it (decompose, then reencode, which composes), into a buffer on the
 * stack when the piece is short. */
static int nfkc_piece(const unsigned char *s, size_t n, char **out, size_t *len, size_t *cap) {
  utf8proc_int32_t stack[64], *buf = stack;
  utf8proc_ssize_t k = utf8proc_decompose(s, (utf8proc_ssize_t)n, buf, 63, NFKC_OPTS);
  if (k < 0) return -1;
  if (k > 63) { /* (reencode writes in place and needs one entry more) */
    buf = rg_xmalloc(((size_t)k + 1) * sizeof *buf);
    k = utf8proc_decompose(s, (utf8proc_ssize_t)n, buf, k, NFKC_OPTS);
  }
  if (k >= 0) k = utf8proc_reencode(buf, k, NFKC_OPTS);
  if (k >= 0) {
    RG_GROW(*out, *cap, *len + (size_t)k + 1);
    memcpy(*out + *len, buf, (size_t)k);
    *len += (size_t)k;
  }
  if (buf != stack) free(buf);
  return k < 0 ? -1 : 0;
}

/* A full-width form of printable ASCII (U+FF01..U+FF5E: ：，（）；１Ａ) or
 * U+3000 at s[i], which NFKC makes one ASCII byte: that byte (utf8proc's
 * decomposition of the character), else -1. Plans print their punctuation
 * full-width: a line of them was normalised run by run through utf8proc's
 * decompose and reencode, the most of the worker's time on such a plan.
 * Each such byte is a starter that composes with nothing before it (no
 * canonical composition has an ASCII second character): the character is
 * a plain one with another byte. */
static int width_byte(const unsigned char *s, size_t len, size_t i) {
  if (i + 3 > len) return -1;
  unsigned c0 = s[i], c1 = s[i + 1], c2 = s[i + 2];
  int wide = c0 == 0xEF &&
             ((c1 == 0xBC && c2 >= 0x81 && c2 <= 0xBF) || (c1 == 0xBD && c2 >= 0x80 && c2 <= 0x9E));
  if (!wide && !(c0 == 0xE3 && c1 == 0x80 && c2 == 0x80)) return -1;
  utf8proc_int32_t cp = (utf8proc_int32_t)((c0 & 0x0F) << 12 | (c1 & 0x3F) << 6 | (c2 & 0x3F)),
                   d[4];
  int last = 0;
  utf8proc_ssize_t k = utf8proc_decompose_char(cp, d, 4, NFKC_OPTS, &last);
  return k == 1 && d[0] >= 0x20 && d[0] < 0x7F ? (int)d[0] : -1;
}

char *rg_nfkc(const char *s, size_t len) { return rg_nfkc_count(s, len, NULL, NULL); }

char *rg_nfkc_count(const char *s, size_t len, int *invisible, int32_t *first) {
  if (invisible) *invisible = 0;
  if (nfkc_stable((const unsigned char *)s, len)) {
    char *copy = rg_xmalloc(len + 1);
    memcpy(copy, s, len);
    copy[len] = '\0';
    return copy;
  }
  char *out = NULL;
  size_t cap = 0;
  if (rg_nfkc_into(s, len, &out, &cap, invisible, first) < 0) {
    free(out);
    return NULL;
  }
  return out;
}

int rg_nfkc_into(const char *s, size_t len, char **buf, size_t *room, int *invisible,
                 int32_t *first) {
  const unsigned char *u = (const unsigned char *)s;
  if (invisible) *invisible = 0;
  /* Piece by piece: the characters above are copied; each run of other
   * characters is normalised by utf8proc with the character before it
   * (with which it may compose: e + U+0301 is é), from that boundary to the
   * next. A line of Chinese with full-width punctuation has a few short
   * runs, not one long normalisation. The same bytes as utf8proc_map of
   * the whole (tests/model: random texts of every kind of character).
   * UTF8PROC_IGNORE: default-ignorable characters (zero-width, bidi
   * controls, soft hyphen, variation selectors) are removed, so a name with
   * a zero-width joiner or a right-to-left override inside is the name. */
  size_t cap = *room, n = 0;
  char *out = *buf;
  RG_GROW(out, cap, len + 16);
  size_t i = 0, last = 0;            /* last: where the last plain character starts */
  int have_last = 0, last_byte = -1; /* (its byte when it is a full-width one) */
  while (i < len) {
    size_t p = plain_len(u, len, i);
    int wb = p ? -1 : width_byte(u, len, i);
    if (wb >= 0) p = 3;
    if (p) {
      if (have_last) { /* the previous plain character stays as it is */
        RG_GROW(out, cap, n + (i - last) + 1);
        if (last_byte >= 0)
          out[n++] = (char)last_byte;
        else {
          memcpy(out + n, s + last, i - last);
          n += i - last;
        }
      }
      size_t at = i, k = i + p, q;
      if (wb < 0) /* a stretch of plain characters: all but its last copied at once */
        while (k < len && (q = plain_len(u, len, k))) {
          at = k;
          k += q;
        }
      if (at > i) {
        RG_GROW(out, cap, n + (at - i) + 1);
        memcpy(out + n, s + i, at - i);
        n += at - i;
      }
      last = at;
      last_byte = wb;
      have_last = 1;
      i = k;
      continue;
    }
    /* a run of other characters: [from, j), from the plain one before it */
    size_t from = have_last ? last : i, j = i;
    while (j < len && !plain_len(u, len, j) && width_byte(u, len, j) < 0)
      j++;
    if (nfkc_piece(u + from, j - from, &out, &n, &cap) < 0) {
      *buf = out;
      *room = cap;
      if (invisible) *invisible = rg_invisible_count(s, len, first);
      return -1;
    }
    if (invisible) { /* only these characters can be invisible ones */
      int32_t f = 0;
      int k = rg_invisible_count(s + i, j - i, &f);
      if (k && !*invisible && first) *first = f;
      *invisible += k;
    }
    have_last = 0;
    i = j;
  }
  if (have_last) {
    RG_GROW(out, cap, n + (len - last) + 1);
    if (last_byte >= 0)
      out[n++] = (char)last_byte;
    else {
      memcpy(out + n, s + last, len - last);
      n += len - last;
    }
  }
  out[n] = '\0';
  *buf = out;
  *room = cap;
  return (int)n; /* (a line is shorter than 2 GiB: an input is at most 512 MB) */
}

const unsigned char rg_bracket_first[256] = {
    ['('] = 1, [')'] = 1, ['['] = 1, [']'] = 1, [0xE2] = 1, [0xE3] = 1};

size_t rg_bracket_step_at(const char *p, int *depth) {
  /* ( [ 〔 《 “ 【 open and ) ] 〕 》 ” 】 close: 〔〕《》【】 are E3 80 xx, “” are
   * E2 80 xx. A byte is read only after a non-NUL one: never past the end. */
  const unsigned char *u = (const unsigned char *)p;
  int open = 0;
  size_t n = 0;
  if (u[0] == '(' || u[0] == '[')
    open = 1, n = 1;
  else if (u[0] == ')' || u[0] == ']')
    n = 1;
  else if ((u[0] == 0xE3 || u[0] == 0xE2) && u[1] == 0x80) {
    unsigned char c = u[2];
    if (u[0] == 0xE3) {
      open = c == 0x94 || c == 0x8A || c == 0x90; /* 〔 《 【 */
      n = open || c == 0x95 || c == 0x8B || c == 0x91 ? 3 : 0;
    } else {
      open = c == 0x9C; /* “ */
      n = open || c == 0x9D ? 3 : 0;
    }
  }
  if (open)
    (*depth)++;
  else if (n && *depth)
    (*depth)--;
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
