/* source.c - reading input bytes and splitting decoded text into lines. */
#include "source.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* 512 MiB: larger inputs are refused with a message instead of exhausting memory */
#define RG_MAX_INPUT ((size_t)512 << 20)

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

void rg_source_destroy(rg_source *src) {
  if (!src) return;
  free(src->data);
  src->data = NULL;
  src->len = 0;
}

void rg_lines_push(rg_lines *ls, const char *text, size_t len, long lineno) {
  RG_GROW(ls->v, ls->cap, (size_t)ls->n + 1);
  ls->v[ls->n].text = text;
  ls->v[ls->n].len = len;
  ls->v[ls->n].lineno = lineno;
  ls->n++;
}

void rg_lines_split(rg_lines *ls, const char *text, size_t len) {
  size_t start = 0;
  long lineno = 1;
  for (size_t i = 0; i < len; i++) {
    if (text[i] != '\n' && text[i] != '\r') continue;
    rg_lines_push(ls, text + start, i - start, lineno++);
    if (text[i] == '\r' && i + 1 < len && text[i + 1] == '\n') i++;
    start = i + 1;
  }
  if (start < len) rg_lines_push(ls, text + start, len - start, lineno);
}

void rg_lines_destroy(rg_lines *ls) {
  if (!ls) return;
  free(ls->v);
  free(ls->owned);
  memset(ls, 0, sizeof *ls);
}
