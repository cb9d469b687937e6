/* error.c - error records and aborting allocators. */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

void *rg_xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p) oom(n);
  return p;
}

void *rg_xcalloc(size_t n, size_t size) {
  void *p = calloc(n ? n : 1, size ? size : 1);
  if (!p) oom(n * size);
  return p;
}

void *rg_xrealloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q) oom(n);
  return q;
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
