/* source.c - reading input bytes and splitting decoded text into lines. */
#define _DEFAULT_SOURCE /* MAP_POPULATE */
#include "source.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* 512 MiB: larger inputs are refused with a message instead of exhausting memory */
#define RG_MAX_INPUT ((size_t)512 << 20)
/* Files from 8 MiB up are mapped instead of read (see map_file). */
#define RG_MAP_MIN ((size_t)8 << 20)

/* Map a big regular file privately, its pages populated at once: the
 * kernel's page cache is used in place, where reading would zero a buffer
 * of the file's size and copy every byte into it (a tenth of reading a
 * 100 MB CSV). The parsers want a NUL after the last byte: the rest of the
 * file's last page is zeros, so a file whose size is a whole number of
 * pages is read instead. Read-only: every reader takes its text as const
 * (a writable private mapping would be copied page by page when populated).
 * NULL when not mapped. */
static char *map_file(int fd, size_t size) {
  long pagesize = sysconf(_SC_PAGESIZE);
  if (size < RG_MAP_MIN || size >= RG_MAX_INPUT || pagesize <= 0 || size % (size_t)pagesize == 0)
    return NULL;
  int flags = MAP_PRIVATE;
#ifdef MAP_POPULATE
  flags |= MAP_POPULATE;
#endif
  void *p = mmap(NULL, size, PROT_READ, flags, fd, 0);
  return p == MAP_FAILED ? NULL : p;
}

rg_status rg_source_read(rg_source *src, const char *path, rg_error *err) {
  memset(src, 0, sizeof *src);
  src->path = path;
  int is_stdin = strcmp(path, "-") == 0;
  FILE *f = is_stdin ? stdin : fopen(path, "rb");
  if (!f) return rg_error_set(err, RG_EINPUT, path, 0, 0, "cannot open: %s", strerror(errno));
  struct stat st;
  int have_st = fstat(fileno(f), &st) == 0;
  if (have_st && S_ISDIR(st.st_mode)) {
    /* fopen opens a folder on Linux; reading it fails with EISDIR */
    if (!is_stdin) fclose(f);
    return rg_error_set(err, RG_EINPUT, path, 0, 0,
                        "is a folder, not a plan: give the plan's file (text, HTML, CSV, Word, "
                        "Excel or PDF)");
  }
  /* a regular file is read into a buffer of its size at once (one
   * allocation, no copy on growth); a pipe grows the buffer as it reads */
  if (!is_stdin && have_st && S_ISREG(st.st_mode) && st.st_size > 0 &&
      (src->data = map_file(fileno(f), (size_t)st.st_size))) {
    fclose(f);
    src->len = src->map_len = (size_t)st.st_size;
    return RG_OK;
  }
  size_t cap = 1 << 16, len = 0;
  if (!is_stdin && have_st && S_ISREG(st.st_mode) && st.st_size > 0 &&
      (size_t)st.st_size < RG_MAX_INPUT)
    cap = (size_t)st.st_size + 1; /* + 1: the end of the file is seen without a second grow */
  char *buf = rg_xmalloc(cap + 1);
  for (;;) {
    if (len == cap) {
      if (cap >= RG_MAX_INPUT) {
        free(buf);
        if (!is_stdin) fclose(f);
        return rg_error_set(err, RG_EINPUT, path, 0, 0, "input larger than 512 MiB");
      }
      cap *= 2;
      buf = rg_xrealloc(buf, cap + 1);
    }
    size_t got = fread(buf + len, 1, cap - len, f);
    len += got;
    if (got == 0) break;
  }
  int failed = ferror(f);
  if (!is_stdin) fclose(f);
  if (failed) {
    free(buf);
    return rg_error_set(err, RG_EINPUT, path, 0, 0, "read error: %s", strerror(errno));
  }
  buf[len] = '\0';
  src->data = buf;
  src->len = len;
  return RG_OK;
}

void rg_source_release(char *data, size_t map_len) {
  if (map_len)
    munmap(data, map_len);
  else
    free(data);
}

void rg_source_destroy(rg_source *src) {
  if (!src) return;
  rg_source_release(src->data, src->map_len);
  src->data = NULL;
  src->len = src->map_len = 0;
}

void rg_lines_push(rg_lines *ls, const char *text, size_t len, long lineno) {
  /* (a line of 4 GiB or more cannot come from an input of at most 512 MB;
   * were it to, it would be read as pieces of one line number) */
  while (len > UINT32_MAX) {
    rg_lines_push(ls, text, UINT32_MAX, lineno);
    text += UINT32_MAX;
    len -= UINT32_MAX;
  }
  RG_GROW(ls->v, ls->cap, (size_t)ls->n + 1);
  ls->v[ls->n].text = text;
  ls->v[ls->n].len = (uint32_t)len;
  ls->v[ls->n].lineno = lineno > INT32_MAX ? INT32_MAX : (int32_t)lineno;
  ls->n++;
  ls->one_buffer = 0;
  ls->utf8 = 0;
}

/* Does the 8-byte word x hold a '\n' or a '\r' byte? (a zero byte of x ^
 * the byte repeated: the classic test, exact for the "has one" answer) */
static int has_eol(uint64_t x) {
  const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
  uint64_t a = x ^ (ones * '\n'), b = x ^ (ones * '\r');
  return (((a - ones) & ~a) | ((b - ones) & ~b)) & highs ? 1 : 0;
}

/* The first '\n' or '\r' in text[i..len), or len: sixteen bytes at a time
 * where SSE2 is there, else eight. */
static size_t next_eol(const char *text, size_t i, size_t len) {
#if defined(__SSE2__)
  const __m128i nl = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
  for (; i + 16 <= len; i += 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)(text + i));
    unsigned m =
        (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, nl), _mm_cmpeq_epi8(v, cr)));
    if (m) return i + (size_t)__builtin_ctz(m);
  }
#endif
  uint64_t w;
  while (i + 8 <= len && (memcpy(&w, text + i, 8), !has_eol(w)))
    i += 8;
  while (i < len && text[i] != '\n' && text[i] != '\r')
    i++;
  return i;
}

void rg_lines_split(rg_lines *ls, const char *text, size_t len) {
  int fresh = ls->n == 0;
  size_t start = 0;
  long lineno = 1;
  /* room for a line every 32 bytes at once (a plan's lines are longer; the
   * pages not used are never touched) instead of doubling from 8 */
  RG_GROW(ls->v, ls->cap, (size_t)ls->n + len / 32 + 16);
  for (size_t i = 0; (i = next_eol(text, i, len)) < len; i++) {
    if (i > start) rg_lines_push(ls, text + start, i - start, lineno);
    lineno++;
    if (text[i] == '\r' && i + 1 < len && text[i + 1] == '\n') i++;
    start = i + 1;
  }
  if (start < len) rg_lines_push(ls, text + start, len - start, lineno);
  ls->one_buffer = fresh;
}

void rg_lines_destroy(rg_lines *ls) {
  if (!ls) return;
  free(ls->v);
  free(ls->owned);
  memset(ls, 0, sizeof *ls);
}
