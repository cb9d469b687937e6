/* sort.c - rg_sort: a stable merge sort that hands a context to its comparator. */
#include "sort.h"

#include <stdlib.h>
#include <string.h>

#include "error.h"

enum { RUN = 12 }; /* runs this short are sorted by insertion */

typedef struct sorter {
  size_t size;
  rg_cmp_fn cmp;
  void *ctx;
  char *tmp; /* n * size bytes */
} sorter;

/* Stable insertion sort of n elements at a; tmp holds one element. */
static void insertion(const sorter *s, char *a, size_t n) {
  size_t z = s->size;
  for (size_t i = 1; i < n; i++) {
    char *x = a + i * z;
    size_t j = i;
    while (j > 0 && s->cmp(a + (j - 1) * z, x, s->ctx) > 0)
      j--;
    if (j == i) continue;
    memcpy(s->tmp, x, z);
    memmove(a + (j + 1) * z, a + j * z, (i - j) * z);
    memcpy(a + j * z, s->tmp, z);
  }
}

/* Sort a[0..n): both halves, then merge with the left half copied out; a
 * left element goes first on ties, which keeps the sort stable. */
static void merge_sort(const sorter *s, char *a, size_t n) {
  if (n <= RUN) {
    insertion(s, a, n);
    return;
  }
  size_t z = s->size, h = n / 2;
  merge_sort(s, a, h);
  merge_sort(s, a + h * z, n - h);
  if (s->cmp(a + (h - 1) * z, a + h * z, s->ctx) <= 0) return; /* already in order */
  memcpy(s->tmp, a, h * z);
  char *l = s->tmp, *le = s->tmp + h * z, *r = a + h * z, *re = a + n * z, *w = a;
  while (l < le && r < re) {
    if (s->cmp(l, r, s->ctx) <= 0) {
      memcpy(w, l, z);
      l += z;
    } else {
      memcpy(w, r, z);
      r += z;
    }
    w += z;
  }
  memcpy(w, l, (size_t)(le - l)); /* what is left of the right half is in place */
}

void rg_sort(void *base, size_t n, size_t size, rg_cmp_fn cmp, void *ctx) {
  if (n < 2 || size == 0) return;
  sorter s = {size, cmp, ctx, rg_xmalloc(n * size)};
  merge_sort(&s, base, n);
  free(s.tmp);
}

void *rg_bsearch(const void *key, const void *base, size_t n, size_t size, rg_cmp_fn cmp,
                 void *ctx) {
  const char *a = base;
  size_t lo = 0, hi = n; /* the element, if any, is in [lo, hi) */
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = cmp(key, a + mid * size, ctx);
    if (c == 0) return (void *)(a + mid * size);
    if (c < 0)
      hi = mid;
    else
      lo = mid + 1;
  }
  return NULL;
}

int rg_cmp_int(const void *a, const void *b, void *ctx) {
  (void)ctx;
  int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}

int rg_cmp_double(const void *a, const void *b, void *ctx) {
  (void)ctx;
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}
