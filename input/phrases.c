/* phrases.c - one pass for a set of phrases (phrases.h). */
#include "phrases.h"

#include <string.h>

/* The code point of the three-byte character at u (lead byte 1110xxxx). */
static unsigned char3(const unsigned char *u) {
  return (unsigned)(u[0] & 0x0F) << 12 | (unsigned)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
}

void rg_phrases_init(rg_phrases *ps, const char *const *words) {
  memset(ps, 0, sizeof *ps);
  ps->words = words;
  ps->skip = 1;
  for (; words[ps->n]; ps->n++) {
    const unsigned char *w = (const unsigned char *)words[ps->n];
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
}

/* Does a word of at least two bytes start at s[i] (n bytes in all)? */
static int word_at(const rg_phrases *ps, const char *s, size_t n, size_t i) {
  for (int k = 0; k < ps->n; k++) {
    const char *w = ps->words[k];
    if (w[0] != s[i] || !w[1] || w[1] != s[i + 1]) continue;
    size_t m = strlen(w);
    if (m <= n - i && !memcmp(s + i, w, m)) return 1;
  }
  return 0;
}

int rg_phrases_in(const rg_phrases *ps, const char *s, size_t n) {
  const unsigned char *u = (const unsigned char *)s;
  for (size_t i = 0; i < n; i++) {
    unsigned char a = u[i];
    if (ps->single[a]) return 1;
    if (i + 1 == n) break;
    unsigned char b = u[i + 1];
    /* a character of three bytes: no word starts inside it (a word starts
     * with a lead byte or ASCII, never a continuation byte), and one can
     * start here only if some word starts with this very character */
    if (ps->skip && a >= 0xE0 && a < 0xF0 && (b & 0xC0) == 0x80 && i + 2 < n &&
        (u[i + 2] & 0xC0) == 0x80) {
      unsigned c = char3(u + i);
      if ((ps->first3[c >> 6] >> (c & 63) & 1) && word_at(ps, s, n, i)) return 1;
      i += 2;
      continue;
    }
    if ((ps->pair[a][b >> 6] >> (b & 63) & 1) && word_at(ps, s, n, i)) return 1;
  }
  return 0;
}
