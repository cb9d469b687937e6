/* buf.c - appending to a growing string. */
#include "buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "error.h"

void rg_buf_putn(rg_buf *b, const char *s, size_t n) {
  RG_GROW(b->s, b->cap, b->n + n + 1);
  memcpy(b->s + b->n, s, n);
  b->n += n;
  b->s[b->n] = '\0';
}

void rg_buf_puts(rg_buf *b, const char *s) { rg_buf_putn(b, s, strlen(s)); }

void rg_buf_printf(rg_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int k = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (k < 0) return;
  RG_GROW(b->s, b->cap, b->n + (size_t)k + 1);
  va_start(ap, fmt);
  vsnprintf(b->s + b->n, (size_t)k + 1, fmt, ap);
  va_end(ap);
  b->n += (size_t)k;
}
