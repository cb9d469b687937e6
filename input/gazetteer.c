/* gazetteer.c - longest place-name prefix by binary search over the table. */
#include "gazetteer.h"

#include <string.h>

#include "utf8.h"

/* Compare the n bytes at s with entry e as strcmp would compare the
 * NUL-terminated string s[0..n) with e->name. */
static int cmp_entry(const char *s, size_t n, const rg_gazetteer_entry *e) {
  size_t m = n < e->len ? n : e->len;
  int c = memcmp(s, e->name, m);
  if (c) return c;
  return n < e->len ? -1 : n > e->len ? 1 : 0;
}

int rg_gazetteer_lookup(const char *s, size_t n) {
  size_t lo = 0, hi = rg_gazetteer_size;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = cmp_entry(s, n, &rg_gazetteer_table[mid]);
    if (c == 0) return rg_gazetteer_table[mid].level;
    if (c < 0)
      hi = mid;
    else
      lo = mid + 1;
  }
  return RG_GAZ_NONE;
}

size_t rg_gazetteer_prefix(const char *s, int *level) {
  size_t best = 0;
  int best_level = RG_GAZ_NONE;
  size_t n = 0;
  for (size_t chars = 0; chars < rg_gazetteer_max_chars && s[n]; chars++) {
    size_t k = rg_utf8_seq_len((unsigned char)s[n]);
    if (k == 0) break;
    for (size_t i = 1; i < k; i++)
      if (((unsigned char)s[n + i] & 0xC0) != 0x80) goto done;
    n += k;
    if (chars + 1 < 2) continue; /* no place name is one character */
    int lv = rg_gazetteer_lookup(s, n);
    if (lv != RG_GAZ_NONE) {
      best = n;
      best_level = lv;
    }
  }
done:
  if (level) *level = best_level;
  return best;
}
