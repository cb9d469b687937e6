/* decode.c - raw input bytes to UTF-8 text (BOM, HTML meta charset, GB18030 fallback). */
#include "decode.h"

#include <errno.h>
#include <iconv.h>
#include <libxml/HTMLparser.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
/* x86-64 with GCC or Clang: a 32-byte check where the processor has AVX2
 * (asked at run time) */
#if defined(__x86_64__) && defined(__GNUC__)
#define RG_UTF8_AVX2 1
#include <immintrin.h>
#else
#define RG_UTF8_AVX2 0
#endif

#include "detect.h"
#include "source.h"

#if defined(__SSE2__)
/* The bytes from s + i (a character boundary, i + 18 <= len) that are
 * plainly valid, sixteen at a time: blocks of ASCII and of three-byte
 * characters led by E1..EC (all of common CJK: their continuation bytes
 * are all that needs checking), the last character allowed to run two
 * bytes past the block. Stops at a block that holds anything else (the
 * caller reads it a character at a time) and returns i there. */
static size_t easy_blocks(const char *s, size_t i, size_t len) {
  const __m128i cont_below = _mm_set1_epi8((char)0xC0), lead_above = _mm_set1_epi8((char)0xE0),
                lead_below = _mm_set1_epi8((char)0xED), minus1 = _mm_set1_epi8(-1);
  while (i + 18 <= len) {
    __m128i v = _mm_loadu_si128((const __m128i *)(s + i));
    /* signed compares: 80..BF are -128..-65, E1..EC are -31..-20 */
    unsigned cont = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v, cont_below)),
             lead = (unsigned)_mm_movemask_epi8(
                 _mm_and_si128(_mm_cmpgt_epi8(v, lead_above), _mm_cmplt_epi8(v, lead_below))),
             ascii = (unsigned)_mm_movemask_epi8(_mm_cmpgt_epi8(v, minus1));
    unsigned want = (lead << 1 | lead << 2) & 0xFFFF; /* where continuation bytes must be */
    if ((cont | lead | ascii) != 0xFFFF || cont != want) break;
    size_t spill = lead >> 15 ? 2 : lead >> 14 & 1 ? 1 : 0;
    if (spill && (((unsigned char)s[i + 16] & 0xC0) != 0x80 ||
                  (spill == 2 && ((unsigned char)s[i + 17] & 0xC0) != 0x80)))
      break;
    i += 16 + spill;
  }
  return i;
}
#endif

/* Bytes of the valid character at s + i (i < len), or 0 when none starts
 * there. A three-byte character (all of CJK) is decided inline:
 * continuation bytes, no overlong form (E0 then A0..BF), no surrogate (ED
 * then 80..9F); the same answer as utf8proc's (test_decode.c checks every
 * lead and second and third byte). */
static size_t one_char(const char *s, size_t i, size_t len) {
  unsigned char a = (unsigned char)s[i];
  if (a < 0x80) return 1;
  if (a >= 0xE0 && a <= 0xEF && i + 3 <= len) {
    unsigned char b = (unsigned char)s[i + 1], c = (unsigned char)s[i + 2];
    if ((b & 0xC0) == 0x80 && (c & 0xC0) == 0x80 && (a != 0xE0 || b >= 0xA0) &&
        (a != 0xED || b < 0xA0))
      return 3;
  }
  utf8proc_int32_t cp;
  size_t rest = len - i;
  utf8proc_ssize_t n =
      utf8proc_iterate((const utf8proc_uint8_t *)s + i, rest > 4 ? 4 : (utf8proc_ssize_t)rest, &cp);
  return n <= 0 || cp < 0 ? 0 : (size_t)n;
}

#if RG_UTF8_AVX2
/* Lemire and Keiser's check ("Validating UTF-8 in less than one
 * instruction per byte", 2021), 32 bytes at a time where the processor has
 * AVX2: three table lookups classify each byte with the one before it
 * (too short, too long, overlong, surrogate, past U+10FFFF, or a second or
 * third continuation byte), and the bytes two and three back say where a
 * second or third continuation byte must be. Returns the end of the
 * blocks it read, or the start of the first block with an error: the
 * bytes before it hold no error, but may end inside a character. */
enum {
  TOO_SHORT = 1 << 0,
  TOO_LONG = 1 << 1,
  OVERLONG_3 = 1 << 2,
  TOO_LARGE = 1 << 3,
  SURROGATE = 1 << 4,
  OVERLONG_2 = 1 << 5,
  TOO_LARGE_1000 = 1 << 6,
  OVERLONG_4 = 1 << 6,
  TWO_CONTS = 1 << 7,
  CARRY = TOO_SHORT | TOO_LONG | TWO_CONTS
};

#define B(x) ((char)(unsigned char)(x)) /* a table byte (80..FF as char) */
__attribute__((target("avx2"))) static size_t valid_blocks_avx2(const char *s, size_t len) {
  /* by the high nibble of the byte before */
  const __m256i high1 = _mm256_broadcastsi128_si256(_mm_setr_epi8(
      B(TOO_LONG), B(TOO_LONG), B(TOO_LONG), B(TOO_LONG), B(TOO_LONG), B(TOO_LONG), B(TOO_LONG),
      B(TOO_LONG), B(TWO_CONTS), B(TWO_CONTS), B(TWO_CONTS), B(TWO_CONTS),
      B(TOO_SHORT | OVERLONG_2), B(TOO_SHORT), B(TOO_SHORT | OVERLONG_3 | SURROGATE),
      B(TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4)));
  /* by the low nibble of the byte before */
  const __m256i low1 = _mm256_broadcastsi128_si256(_mm_setr_epi8(
      B(CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4), B(CARRY | OVERLONG_2), B(CARRY), B(CARRY),
      B(CARRY | TOO_LARGE), B(CARRY | TOO_LARGE | TOO_LARGE_1000),
      B(CARRY | TOO_LARGE | TOO_LARGE_1000), B(CARRY | TOO_LARGE | TOO_LARGE_1000),
      B(CARRY | TOO_LARGE | TOO_LARGE_1000), B(CARRY | TOO_LARGE | TOO_LARGE_1000),
      B(CARRY | TOO_LARGE | TOO_LARGE_1000), B(CARRY | TOO_LARGE | TOO_LARGE_1000),
      B(CARRY | TOO_LARGE | TOO_LARGE_1000), B(CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE),
      B(CARRY | TOO_LARGE | TOO_LARGE_1000), B(CARRY | TOO_LARGE | TOO_LARGE_1000)));
  /* by the high nibble of the byte itself */
  const __m256i high2 = _mm256_broadcastsi128_si256(
      _mm_setr_epi8(B(TOO_SHORT), B(TOO_SHORT), B(TOO_SHORT), B(TOO_SHORT), B(TOO_SHORT),
                    B(TOO_SHORT), B(TOO_SHORT), B(TOO_SHORT),
                    B(TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4),
                    B(TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE),
                    B(TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE),
                    B(TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE), B(TOO_SHORT),
                    B(TOO_SHORT), B(TOO_SHORT), B(TOO_SHORT)));
  const __m256i nib = _mm256_set1_epi8(0x0F), third = _mm256_set1_epi8((char)(0xE0 - 0x80)),
                fourth = _mm256_set1_epi8((char)(0xF0 - 0x80)), top = _mm256_set1_epi8((char)0x80);
  __m256i prev = _mm256_setzero_si256();
  size_t i = 0;
  for (; i + 32 <= len; i += 32) {
    __m256i in = _mm256_loadu_si256((const __m256i *)(s + i));
    /* the bytes one, two and three back (across the block boundary) */
    __m256i cross = _mm256_permute2x128_si256(prev, in, 0x21);
    __m256i p1 = _mm256_alignr_epi8(in, cross, 15), p2 = _mm256_alignr_epi8(in, cross, 14),
            p3 = _mm256_alignr_epi8(in, cross, 13);
    __m256i sc = _mm256_and_si256(
        _mm256_and_si256(
            _mm256_shuffle_epi8(high1, _mm256_and_si256(_mm256_srli_epi16(p1, 4), nib)),
            _mm256_shuffle_epi8(low1, _mm256_and_si256(p1, nib))),
        _mm256_shuffle_epi8(high2, _mm256_and_si256(_mm256_srli_epi16(in, 4), nib)));
    /* a second continuation byte where the byte two back is E0.. or the
     * one three back F0..: the high bit after a saturating subtraction */
    __m256i must = _mm256_and_si256(
        _mm256_or_si256(_mm256_subs_epu8(p2, third), _mm256_subs_epu8(p3, fourth)), top);
    __m256i err = _mm256_xor_si256(must, sc);
    if (!_mm256_testz_si256(err, err)) return i;
    prev = in;
  }
  return i;
}
#undef B
#endif

/* rg_utf8_valid from s + i, a character boundary. */
static int valid_from(const char *s, size_t i, size_t len, size_t *bad) {
  while (i < len) {
#if defined(__SSE2__)
    /* plain blocks sixteen bytes at a time, then the block that is not
     * (or the last bytes) a character at a time */
    i = easy_blocks(s, i, len);
    size_t past = i + 16 < len ? i + 16 : len;
#else
    if ((unsigned char)s[i] < 0x80) { /* ASCII: eight bytes at a time while it lasts */
      uint64_t w;
      while (i + 8 <= len && (memcpy(&w, s + i, 8), (w & 0x8080808080808080ULL) == 0))
        i += 8;
      while (i < len && (unsigned char)s[i] < 0x80)
        i++;
      continue;
    }
    /* a run of three-byte characters led by E1..EC (all of common CJK),
     * which need nothing checked but their continuation bytes */
    while (i + 3 <= len) {
      unsigned char l = (unsigned char)s[i];
      if (l < 0xE1 || l > 0xEC || ((unsigned char)s[i + 1] & 0xC0) != 0x80 ||
          ((unsigned char)s[i + 2] & 0xC0) != 0x80)
        break;
      i += 3;
    }
    if (i >= len) break;
    size_t past = i + 1;
#endif
    while (i < past) {
      size_t n = one_char(s, i, len);
      if (!n) {
        if (bad) *bad = i;
        return 0;
      }
      i += n;
    }
  }
  return 1;
}

int rg_utf8_valid(const char *s, size_t len, size_t *bad) {
  size_t i = 0;
#if RG_UTF8_AVX2
  if (len >= 64 && __builtin_cpu_supports("avx2")) {
    /* the blocks, then a character at a time from the last character
     * boundary before where they stopped (at most three bytes back in
     * bytes with no error): the same answer and first bad byte */
    size_t end = valid_blocks_avx2(s, len);
    i = end >= 4 ? end - 4 : 0;
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
      i--;
  }
#endif
  return valid_from(s, i, len, bad);
}

/* A text of more bytes than this is checked on two threads. */
#define VALID_PAR_MIN ((size_t)8 << 20)

typedef struct valid_half {
  const char *s;
  size_t len, bad;
  int ok;
} valid_half;

static void *valid_half_run(void *arg) {
  valid_half *h = arg;
  h->ok = rg_utf8_valid(h->s, h->len, &h->bad);
  return NULL;
}

int rg_utf8_valid_threads(const char *s, size_t len, size_t *bad, int threads) {
  if (threads == 1 || len < VALID_PAR_MIN) return rg_utf8_valid(s, len, bad);
  size_t mid = len / 2;
  for (int k = 0; k < 3 && mid < len && ((unsigned char)s[mid] & 0xC0) == 0x80; k++)
    mid++; /* past the continuation bytes of the character at the middle */
  pthread_t th;
  valid_half second = {s + mid, len - mid, 0, 0};
  if (((unsigned char)s[mid] & 0xC0) == 0x80 || /* not a character boundary: bad bytes there */
      pthread_create(&th, NULL, valid_half_run, &second) != 0)
    return rg_utf8_valid(s, len, bad);
  size_t bad1 = 0;
  int ok1 = rg_utf8_valid(s, mid, &bad1);
  pthread_join(th, NULL);
  if (!ok1) {
    if (bad) *bad = bad1;
    return 0;
  }
  if (!second.ok && bad) *bad = mid + second.bad;
  return second.ok;
}

/* ------------------------------------------------------------- labels */

typedef struct label_map {
  const char *label;
  const char *encoding;
} label_map;

/* WHATWG Encoding Standard, section 4.2 "Names and labels", restricted to the
 * encodings a Chinese plan comes in. */
static const label_map labels[] = {
    {"unicode-1-1-utf-8", "UTF-8"},
    {"unicode11utf8", "UTF-8"},
    {"unicode20utf8", "UTF-8"},
    {"utf-8", "UTF-8"},
    {"utf8", "UTF-8"},
    {"x-unicode20utf8", "UTF-8"},
    /* "gbk" encoding: its decoder is the gb18030 decoder */
    {"chinese", "GB18030"},
    {"csgb2312", "GB18030"},
    {"csiso58gb231280", "GB18030"},
    {"gb2312", "GB18030"},
    {"gb_2312", "GB18030"},
    {"gb_2312-80", "GB18030"},
    {"gbk", "GB18030"},
    {"iso-ir-58", "GB18030"},
    {"x-gbk", "GB18030"},
    {"gb18030", "GB18030"},
    /* "Big5" encoding: Big5 with the HKSCS extensions */
    {"big5", "BIG5-HKSCS"},
    {"big5-hkscs", "BIG5-HKSCS"},
    {"cn-big5", "BIG5-HKSCS"},
    {"csbig5", "BIG5-HKSCS"},
    {"x-x-big5", "BIG5-HKSCS"},
    {"unicodefffe", "UTF-16BE"},
    {"utf-16be", "UTF-16BE"},
    {"csunicode", "UTF-16LE"},
    {"iso-10646-ucs-2", "UTF-16LE"},
    {"ucs-2", "UTF-16LE"},
    {"unicode", "UTF-16LE"},
    {"unicodefeff", "UTF-16LE"},
    {"utf-16", "UTF-16LE"},
    {"utf-16le", "UTF-16LE"},
};

static int is_ascii_ws(int c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

const char *rg_encoding_from_label(const char *label) {
  if (!label) return NULL;
  while (is_ascii_ws((unsigned char)*label))
    label++;
  size_t n = strlen(label);
  while (n > 0 && is_ascii_ws((unsigned char)label[n - 1]))
    n--;
  char buf[32];
  if (n == 0 || n >= sizeof buf) return NULL;
  for (size_t i = 0; i < n; i++) {
    char c = label[i];
    buf[i] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
  }
  buf[n] = '\0';
  for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
    if (!strcmp(buf, labels[i].label)) return labels[i].encoding;
  return NULL;
}

/* WHATWG "extracting a character encoding from a meta element" on the value
 * of a content attribute: the value after the first "charset" followed by
 * optional spaces and '='. Writes a NUL-terminated label into out. */
static int charset_from_content(const char *s, char *out, size_t size) {
  for (const char *p = s; *p; p++) {
    if (strncasecmp(p, "charset", 7) != 0) continue;
    const char *q = p + 7;
    while (is_ascii_ws((unsigned char)*q))
      q++;
    if (*q != '=') {
      p = q - 1;
      continue;
    }
    q++;
    while (is_ascii_ws((unsigned char)*q))
      q++;
    char quote = 0;
    if (*q == '"' || *q == '\'') quote = *q++;
    size_t n = 0;
    while (q[n] && (quote ? q[n] != quote : !is_ascii_ws((unsigned char)q[n]) && q[n] != ';'))
      n++;
    if (quote && !q[n]) return 0; /* unmatched quote: nothing, as WHATWG says */
    if (n == 0 || n >= size) return 0;
    memcpy(out, q, n);
    out[n] = '\0';
    return 1;
  }
  return 0;
}

static const char *meta_encoding(xmlNode *meta) {
  const char *found = NULL;
  xmlChar *cs = xmlGetProp(meta, (const xmlChar *)"charset");
  if (cs) {
    found = rg_encoding_from_label((const char *)cs);
    xmlFree(cs);
    if (found) return found;
  }
  xmlChar *he = xmlGetProp(meta, (const xmlChar *)"http-equiv");
  xmlChar *content = xmlGetProp(meta, (const xmlChar *)"content");
  if (he && content && !xmlStrcasecmp(he, (const xmlChar *)"content-type")) {
    char label[64];
    if (charset_from_content((const char *)content, label, sizeof label))
      found = rg_encoding_from_label(label);
  }
  xmlFree(he);
  xmlFree(content);
  return found;
}

const char *rg_html_declared_encoding(const char *bytes, size_t len) {
  if (len > 1024) len = 1024;
  /* Read the prefix as Latin-1 so that any byte parses; labels are ASCII. */
  htmlDocPtr doc = htmlReadMemory(bytes, (int)len, NULL, "ISO-8859-1",
                                  HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                      HTML_PARSE_NONET);
  if (!doc) return NULL;
  const char *found = NULL;
  xmlNode *n = xmlDocGetRootElement(doc);
  while (n && !found) { /* iterative pre-order walk */
    if (n->type == XML_ELEMENT_NODE && !xmlStrcasecmp(n->name, (const xmlChar *)"meta"))
      found = meta_encoding(n);
    if (n->type == XML_ELEMENT_NODE && n->children) {
      n = n->children;
      continue;
    }
    while (n && !n->next)
      n = n->parent;
    if (n) n = n->next;
  }
  xmlFreeDoc(doc);
  /* WHATWG: a meta that declares UTF-16 means UTF-8 */
  if (found && !strncmp(found, "UTF-16", 6)) found = "UTF-8";
  return found;
}

/* ------------------------------------------------------------- conversion */

typedef struct outbuf {
  char *p;
  size_t len, cap;
  size_t map_len; /* > 0: p is a file's mapping (taken), never grown */
} outbuf;

static void out_reserve(outbuf *o, size_t more) {
  if (o->len + more + 1 <= o->cap) return;
  size_t cap = o->cap ? o->cap : 256;
  while (cap < o->len + more + 1)
    cap *= 2;
  o->p = rg_xrealloc(o->p, cap);
  o->cap = cap;
}

static void out_put(outbuf *o, const char *s, size_t n) {
  out_reserve(o, n);
  memcpy(o->p + o->len, s, n);
  o->len += n;
  o->p[o->len] = '\0';
}

static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */

/* Convert len bytes from encoding from to UTF-8 with iconv. strict: stop at
 * the first undecodable sequence, store its offset in *bad, return 0.
 * Otherwise replace each undecodable byte run by U+FFFD and count them.
 * Returns 1 on success, -1 when iconv does not know the encoding. */
static int iconv_to_utf8(const char *from, const char *in, size_t len, int strict, outbuf *o,
                         size_t *bad, size_t *n_rep, size_t *first_rep) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == (iconv_t)-1) return -1;
  int gb = !strcmp(from, "GB18030");
  out_reserve(o, len * 2 + 16);
  char *ip = (char *)in;
  size_t ileft = len;
  int ok = 1;
  while (ileft > 0) {
    char *op = o->p + o->len;
    size_t oleft = o->cap - o->len - 1;
    size_t r = iconv(cd, &ip, &ileft, &op, &oleft);
    o->len = (size_t)(op - o->p);
    if (r != (size_t)-1) break;
    if (errno == E2BIG) {
      out_reserve(o, ileft * 2 + 64);
      continue;
    }
    /* EILSEQ or EINVAL (truncated sequence at the end) */
    size_t off = (size_t)(ip - in);
    if (gb && (unsigned char)*ip == 0x80) { /* WHATWG gb18030 decoder: 0x80 is the euro sign */
      out_put(o, "\xE2\x82\xAC", 3);
      ip++;
      ileft--;
      continue;
    }
    if (strict) {
      *bad = off;
      ok = 0;
      break;
    }
    if ((*n_rep)++ == 0) *first_rep = off;
    out_put(o, replacement, 3);
    ip++;
    ileft--;
    iconv(cd, NULL, NULL, NULL, NULL); /* reset shift state after the fault */
  }
  if (ok) { /* flush a stateful decoder (BIG5-HKSCS holds back a base character) */
    for (;;) {
      out_reserve(o, 64);
      char *op = o->p + o->len;
      size_t oleft = o->cap - o->len - 1;
      size_t r = iconv(cd, NULL, NULL, &op, &oleft);
      o->len = (size_t)(op - o->p);
      if (r != (size_t)-1 || errno != E2BIG) break;
    }
  }
  iconv_close(cd);
  out_reserve(o, 0);
  o->p[o->len] = '\0';
  return ok;
}

/* UTF-8 with U+FFFD for each invalid byte. */
static void utf8_replacing(const char *s, size_t len, outbuf *o, size_t base, size_t *n_rep,
                           size_t *first_rep) {
  out_reserve(o, len);
  size_t i = 0;
  while (i < len) {
    size_t bad;
    if (rg_utf8_valid(s + i, len - i, &bad)) {
      out_put(o, s + i, len - i);
      break;
    }
    out_put(o, s + i, bad);
    if ((*n_rep)++ == 0) *first_rep = base + i + bad;
    out_put(o, replacement, 3);
    i += bad + 1;
  }
  out_reserve(o, 0);
  o->p[o->len] = '\0';
}

/* ------------------------------------------------------------- checks */

static long line_of(const char *bytes, size_t off) {
  long line = 1;
  for (size_t i = 0; i < off; i++)
    if (bytes[i] == '\n') line++;
  return line;
}

static int is_control(unsigned char c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1B) ||
         c == 0x7F;
}

/* A NUL anywhere, or control bytes making up more than 1/8 of the first 4 KiB. */
static int looks_binary(const char *b, size_t len, size_t *at) {
  const char *nul = memchr(b, '\0', len);
  if (nul) {
    *at = (size_t)(nul - b);
    return 1;
  }
  size_t sample = len < 4096 ? len : 4096, ctl = 0, first = 0;
  for (size_t i = 0; i < sample; i++)
    if (is_control((unsigned char)b[i]) && ctl++ == 0) first = i;
  if (ctl * 8 > sample) {
    *at = first;
    return 1;
  }
  return 0;
}

/* Text in UTF-16 without a BOM: in the first 4 KiB, NUL bytes (the high
 * bytes of ASCII digits, punctuation and newlines) fill at least 1/8 of the
 * odd or of the even positions, and the other positions have at most 1/8 as
 * many (the low bytes of U+4E00 一 and the like). */
static int utf16_without_bom(const char *b, size_t len) {
  size_t n = len < 4096 ? len & ~(size_t)1 : 4096, z[2] = {0, 0};
  for (size_t i = 0; i < n; i++)
    if (b[i] == '\0') z[i & 1]++;
  size_t hi = z[0] > z[1] ? z[0] : z[1], lo = z[0] > z[1] ? z[1] : z[0];
  return n >= 4 && hi * 16 >= n && lo * 8 <= hi;
}

static int only_space(const char *s, size_t len) {
  size_t i = 0;
  while (i < len) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n =
        utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
    if (n <= 0) return 0;
    i += (size_t)n;
    if (cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' || cp == 0xFEFF)
      continue;
    utf8proc_category_t c = utf8proc_category(cp);
    if (c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP)
      continue;
    return 0;
  }
  return 1;
}

/* ------------------------------------------------------------- rg_decode */

void rg_decoded_destroy(rg_decoded *d) {
  if (!d) return;
  rg_source_release(d->text, d->map_len);
  memset(d, 0, sizeof *d);
}

/* Free the partial output and return st (err was filled by the caller). */
static rg_status fail(rg_decoded *out, outbuf *o, rg_status st) {
  rg_source_release(o->p, o->map_len);
  memset(out, 0, sizeof *out);
  return st;
}

/* rg_decode; with take (a malloc'd NUL-terminated copy of bytes), text that
 * is already UTF-8 without a BOM keeps that buffer instead of a copy, and
 * *take becomes NULL. */
static rg_status decode(const char *path, const char *bytes, size_t len, rg_decoded *out,
                        rg_error *err, char **take, size_t *take_map, int threads) {
  memset(out, 0, sizeof *out);
  outbuf o = {0};
  const unsigned char *u = (const unsigned char *)bytes;
  size_t at = 0;

  if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
    out->encoding = "UTF-8";
    out->how = "bom";
    if (looks_binary(bytes + 3, len - 3, &at))
      return fail(out, &o,
                  rg_error_set(err, RG_EINPUT, path, 0, 0,
                               "binary data, not a plan (byte offset %zu)", at + 3));
    utf8_replacing(bytes + 3, len - 3, &o, 3, &out->n_replaced, &out->first_replaced);
  } else if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
    out->encoding = u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
    out->how = "bom";
    size_t dummy = 0;
    if (iconv_to_utf8(out->encoding, bytes + 2, len - 2, 0, &o, &dummy, &out->n_replaced,
                      &out->first_replaced) < 0)
      return fail(out, &o,
                  rg_error_set(err, RG_ESYS, path, 0, 0, "iconv cannot decode %s", out->encoding));
    if (out->n_replaced) out->first_replaced += 2;
    if (looks_binary(o.p, o.len, &at))
      return fail(
          out, &o,
          rg_error_set(err, RG_EINPUT, path, 0, 0,
                       "binary data, not a plan (NUL or control characters in UTF-16 text)"));
  } else {
    if (looks_binary(bytes, len, &at))
      return fail(out, &o,
                  rg_error_set(
                      err, RG_EINPUT, path, 0, 0, "binary data, not a plan (byte offset %zu)%s", at,
                      utf16_without_bom(bytes, len)
                          ? "; UTF-16 needs a byte-order mark: save it as UTF-8 or with a BOM"
                          : ""));
    size_t bad_utf8 = 0;
    const char *declared = NULL;
    if (rg_utf8_valid_threads(bytes, len, &bad_utf8, threads)) {
      out->encoding = "UTF-8";
      out->how = "sniffed";
      if (take) {
        o.p = *take;
        o.len = len;
        o.cap = len + 1;
        o.map_len = *take_map;
        *take = NULL;
        *take_map = 0;
      } else {
        out_put(&o, bytes, len);
      }
    } else if (rg_detect_html(bytes, len) && (declared = rg_html_declared_encoding(bytes, len))) {
      out->encoding = declared;
      out->how = "meta";
      if (!strcmp(declared, "UTF-8")) {
        utf8_replacing(bytes, len, &o, 0, &out->n_replaced, &out->first_replaced);
      } else {
        size_t dummy = 0;
        if (iconv_to_utf8(declared, bytes, len, 0, &o, &dummy, &out->n_replaced,
                          &out->first_replaced) < 0)
          return fail(out, &o,
                      rg_error_set(err, RG_ESYS, path, 0, 0, "iconv cannot decode %s", declared));
      }
    } else {
      size_t bad_gb = 0, n_rep = 0, first = 0;
      int r = iconv_to_utf8("GB18030", bytes, len, 1, &o, &bad_gb, &n_rep, &first);
      if (r < 0)
        return fail(out, &o, rg_error_set(err, RG_ESYS, path, 0, 0, "iconv cannot decode GB18030"));
      if (r == 0) {
        /* report where the likelier reading broke: the one that got further */
        size_t off = bad_gb > bad_utf8 ? bad_gb : bad_utf8;
        return fail(out, &o,
                    rg_error_set(err, RG_EINPUT, path, line_of(bytes, off), 0,
                                 "not valid UTF-8 or GB18030 text (byte offset %zu)", off));
      }
      out->encoding = "GB18030";
      out->how = "sniffed";
    }
  }
  if (!o.p) out_put(&o, "", 0);
  if (out->n_replaced && strncmp(out->encoding, "UTF-16", 6) != 0)
    out->first_replaced_line = line_of(bytes, out->first_replaced);
  if (only_space(o.p, o.len))
    return fail(out, &o, rg_error_set(err, RG_EINPUT, path, 0, 0, "no text: the file is empty"));
  out->text = o.p;
  out->len = o.len;
  out->map_len = o.map_len;
  return RG_OK;
}

rg_status rg_decode(const char *path, const char *bytes, size_t len, rg_decoded *out,
                    rg_error *err) {
  return decode(path, bytes, len, out, err, NULL, NULL, 1);
}

rg_status rg_decode_take(const char *path, char **bytes, size_t *map_len, size_t len, int threads,
                         rg_decoded *out, rg_error *err) {
  return decode(path, *bytes, len, out, err, bytes, map_len, threads);
}
