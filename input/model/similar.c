/* similar.c - character-bigram Jaccard (similar.h). */
#include "similar.h"

#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "sort.h"
#include "utf8.h"

static int cmp_u64(const void *a, const void *b, void *ctx) {
  (void)ctx;
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return (x > y) - (x < y);
}

void rg_bigrams_of(const char *s, rg_bigrams *out) {
  out->v = NULL;
  out->n = 0;
  if (!s) return;
  size_t len = strlen(s);
  int32_t *cp = rg_xmalloc((len + 1) * sizeof *cp);
  size_t n = 0;
  for (size_t i = 0; i < len;) {
    size_t k;
    int32_t c = rg_utf8_next(s + i, &k);
    i += k;
    if (!rg_utf8_is_alnum(c)) continue;
    if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
    cp[n++] = c;
  }
  out->v = rg_xmalloc((n + 1) * sizeof *out->v);
  size_t m = 0;
  if (n == 1) out->v[m++] = (uint64_t)(uint32_t)cp[0] << 32;
  for (size_t i = 0; i + 1 < n; i++)
    out->v[m++] = (uint64_t)(uint32_t)cp[i] << 32 | (uint32_t)(cp[i + 1] + 1);
  free(cp);
  rg_sort(out->v, m, sizeof *out->v, cmp_u64, NULL);
  size_t d = 0;
  for (size_t i = 0; i < m; i++)
    if (!d || out->v[d - 1] != out->v[i]) out->v[d++] = out->v[i];
  out->n = (int)d;
}

void rg_bigrams_free(rg_bigrams *b) {
  free(b->v);
  b->v = NULL;
  b->n = 0;
}

double rg_bigrams_jaccard(const rg_bigrams *a, const rg_bigrams *b) {
  int i = 0, j = 0, both = 0;
  while (i < a->n && j < b->n) {
    if (a->v[i] == b->v[j])
      both++, i++, j++;
    else if (a->v[i] < b->v[j])
      i++;
    else
      j++;
  }
  int all = a->n + b->n - both;
  return all ? (double)both / all : 0;
}

int rg_bigrams_may_reach(const rg_bigrams *a, const rg_bigrams *b, double t) {
  int lo = a->n < b->n ? a->n : b->n, hi = a->n < b->n ? b->n : a->n;
  return hi == 0 ? t <= 0 : lo >= t * hi;
}

double rg_text_similarity(const char *a, const char *b) {
  rg_bigrams x, y;
  rg_bigrams_of(a, &x);
  rg_bigrams_of(b, &y);
  double s = rg_bigrams_jaccard(&x, &y);
  rg_bigrams_free(&x);
  rg_bigrams_free(&y);
  return s;
}
