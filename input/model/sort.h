/* sort.h - one sort for the whole program: stable, with an explicit context.
 *
 * qsort() comparators cannot take an argument, which used to mean a
 * file-scope "current plan" pointer per comparator: hidden global state that
 * breaks as soon as two plans are analysed in one process or two threads
 * sort at once. rg_sort passes the caller's context to every comparison
 * instead (qsort_r would too, but it is a GNU extension with another
 * argument order on the BSDs).
 *
 * Stable (equal elements keep their order, as glibc's qsort happens to do),
 * so outputs do not depend on the C library. Top-down merge sort with
 * insertion sort on short runs: O(n log n) comparisons, O(n) extra memory
 * (allocated with rg_xmalloc). Reentrant: no state outside the call. */
#ifndef RG_SORT_H
#define RG_SORT_H

#include <stddef.h>

/* <0, 0 or >0 as a sorts before, equal to, or after b. */
typedef int (*rg_cmp_fn)(const void *a, const void *b, void *ctx);

/* Sort n elements of size bytes at base; ctx is passed to every cmp call. */
void rg_sort(void *base, size_t n, size_t size, rg_cmp_fn cmp, void *ctx);

/* The element of base[0..n) (sorted by cmp) that compares equal to key, or
 * NULL: binary search with the same comparator and context as rg_sort, so a
 * table sorted once is searched without a second comparator. cmp gets key
 * as its first argument. O(log n). */
void *rg_bsearch(const void *key, const void *base, size_t n, size_t size, rg_cmp_fn cmp,
                 void *ctx);

/* Comparators for plain arrays (ctx unused): ascending int, double. */
int rg_cmp_int(const void *a, const void *b, void *ctx);
int rg_cmp_double(const void *a, const void *b, void *ctx);

#endif
