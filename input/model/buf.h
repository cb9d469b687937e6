/* buf.h - a growing string: the one buffer the writers and readers append to.
 *
 * Zero-initialise (rg_buf b = {0}); every append keeps s NUL-terminated (s
 * is NULL until the first append); free(b.s) when done. Set n = 0 to start
 * over and keep the memory. Appends are amortised O(length); allocation
 * failure aborts (rg_xmalloc). */
#ifndef RG_BUF_H
#define RG_BUF_H

#include <stddef.h>

typedef struct rg_buf {
  char *s;  /* the text, NUL-terminated */
  size_t n; /* its length */
  size_t cap;
} rg_buf;

void rg_buf_putn(rg_buf *b, const char *s, size_t n);
void rg_buf_puts(rg_buf *b, const char *s);
void rg_buf_printf(rg_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
