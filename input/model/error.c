/* error.c - error records and aborting allocators. */
#define _DEFAULT_SOURCE /* madvise, MADV_HUGEPAGE */
#include "error.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

void rg_error_clear(rg_error *e) {
  if (e) memset(e, 0, sizeof *e);
}

rg_status rg_error_set(rg_error *e, rg_status status, const char *file, long line, long col,
                       const char *fmt, ...) {
  if (!e) return status;
  snprintf(e->file, sizeof e->file, "%s", file ? file : "");
  e->line = line;
  e->col = col;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(e->msg, sizeof e->msg, fmt, ap);
  va_end(ap);
  return status;
}

void rg_error_format(const rg_error *e, char *buf, size_t size) {
  if (!size) return;
  if (e->file[0] && e->line > 0 && e->col > 0)
    snprintf(buf, size, "%s:%ld:%ld: %s", e->file, e->line, e->col, e->msg);
  else if (e->file[0] && e->line > 0)
    snprintf(buf, size, "%s:%ld: %s", e->file, e->line, e->msg);
  else if (e->file[0])
    snprintf(buf, size, "%s: %s", e->file, e->msg);
  else
    snprintf(buf, size, "%s", e->msg);
}

static void oom(size_t n) {
  fprintf(stderr, "respgraph: out of memory (%zu bytes)\n", n);
  abort();
}

/* Blocks of at least this size are asked to be backed by transparent huge
 * pages (where the system leaves THP to madvise, as Debian does). A big
 * array filled front to back (the tasks, links and text of a 10^6-task plan)
 * otherwise takes one page fault per 4 KiB, and on a virtual machine a fault
 * costs microseconds: 100,000 faults were a sixth of reading a 100 MB CSV.
 * The advice covers the pages that hold the block, whole: glibc maps such a
 * block by itself, and advice on part of the mapping would split it in two
 * areas that mremap cannot grow in place (realloc would then copy). It is a
 * hint; where THP is off it changes nothing. */
#define RG_HUGE_MIN ((size_t)4 << 20)

static void advise_huge(void *p, size_t n) {
#ifdef MADV_HUGEPAGE
  if (n < RG_HUGE_MIN) return;
  long pagesize = sysconf(_SC_PAGESIZE);
  uintptr_t page = pagesize > 0 ? (uintptr_t)pagesize : 4096;
  uintptr_t a = (uintptr_t)p & ~(page - 1);
  uintptr_t b = ((uintptr_t)p + n + page - 1) & ~(page - 1);
  madvise((void *)a, b - a, MADV_HUGEPAGE);
#else
  (void)p, (void)n;
#endif
}

void *rg_xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p) oom(n);
  advise_huge(p, n);
  return p;
}

void *rg_xcalloc(size_t n, size_t size) {
  void *p = calloc(n ? n : 1, size ? size : 1);
  if (!p) oom(n * size);
  if (size && n <= SIZE_MAX / size) advise_huge(p, n * size);
  return p;
}

void *rg_xrealloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q) oom(n);
  advise_huge(q, n);
  return q;
}

void rg_prefault(void *p, size_t n) {
#ifdef MADV_POPULATE_WRITE
  long pagesize = sysconf(_SC_PAGESIZE);
  uintptr_t page = pagesize > 0 ? (uintptr_t)pagesize : 4096;
  uintptr_t a = ((uintptr_t)p + page - 1) & ~(page - 1); /* whole pages inside the range */
  uintptr_t b = ((uintptr_t)p + n) & ~(page - 1);
  if (b > a) madvise((void *)a, b - a, MADV_POPULATE_WRITE); /* a hint: errors change nothing */
#else
  (void)p, (void)n;
#endif
}

size_t rg_prefault_ahead(const rg_prefault_range *r, double share) {
  if (!r->p) return r->done;
  double held = r->held > 0 ? r->held : RG_PREFAULT_TRUST, left = 1 - r->from;
  double at = left > 0 ? (share - r->from + RG_PREFAULT_AHEAD) / (left * held) : 1;
  size_t to = at >= 1 ? r->n : (size_t)(at * (double)r->n);
  /* and at least RG_PREFAULT_LEAD ahead: the kernel backs a big array with
   * 2 MiB pages, and a reader that reaches a page being faulted in waits
   * for all of it (on a virtual machine whose host takes freed memory
   * back, 5-8 ms) */
  to = r->n > RG_PREFAULT_LEAD && to < r->n - RG_PREFAULT_LEAD
           ? (to + RG_PREFAULT_LEAD) & ~(size_t)4095
           : r->n;
  if (to <= r->done) return r->done;
  rg_prefault(r->p + r->done, to - r->done);
  return to;
}

void rg_run_both(void *(*fa)(void *), void *a, void *(*fb)(void *), void *b, int two) {
  pthread_t th;
  two = two && pthread_create(&th, NULL, fb, b) == 0;
  fa(a);
  if (two)
    pthread_join(th, NULL);
  else
    fb(b);
}

char *rg_xstrdup(const char *s) {
  size_t n = strlen(s) + 1;
  return memcpy(rg_xmalloc(n), s, n);
}

void rg_grow(void **items, size_t *cap, size_t need, size_t elsize) {
  if (need <= *cap) return;
  size_t c = *cap ? *cap : 8;
  while (c < need)
    c *= 2;
  *items = rg_xrealloc(*items, c * elsize);
  *cap = c;
}
