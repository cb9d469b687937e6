/* ooxml_pack.h - for the docx and xlsx harnesses: build an Office package
 * in memory (libzip, entries stored) from parts the fuzzer writes, so the
 * mutations reach the XML readers instead of dying on CRC checks. */
#ifndef RG_FUZZ_OOXML_PACK_H
#define RG_FUZZ_OOXML_PACK_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

typedef struct part {
  const char *name;
  const char *data;
  size_t len;
} part;

/* Split data at NUL bytes into at most n pieces. */
static int split_parts(const uint8_t *data, size_t size, const char **piece, size_t *len, int n) {
  int k = 0;
  size_t start = 0;
  for (size_t i = 0; i <= size && k < n; i++)
    if (i == size || data[i] == 0) {
      piece[k] = (const char *)data + start;
      len[k++] = i - start;
      start = i + 1;
    }
  return k;
}

/* A ZIP of the parts (malloc'd, *out_len bytes), or NULL. */
static char *pack(const part *parts, int n, size_t *out_len) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
  if (!src) return NULL;
  zip_source_keep(src);
  zip_t *za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
  if (!za) {
    zip_source_free(src);
    zip_source_free(src);
    return NULL;
  }
  for (int i = 0; i < n; i++) {
    if (!parts[i].data) continue;
    zip_source_t *s = zip_source_buffer(za, parts[i].data, parts[i].len, 0);
    zip_int64_t idx = s ? zip_file_add(za, parts[i].name, s, ZIP_FL_ENC_UTF_8) : -1;
    if (idx < 0) {
      if (s) zip_source_free(s);
      continue;
    }
    zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_STORE, 0);
  }
  if (zip_close(za) != 0) {
    zip_discard(za);
    zip_source_free(src);
    return NULL;
  }
  char *buf = NULL;
  if (zip_source_open(src) == 0) {
    zip_source_seek(src, 0, SEEK_END);
    zip_int64_t n2 = zip_source_tell(src);
    zip_source_seek(src, 0, SEEK_SET);
    if (n2 > 0) {
      buf = malloc((size_t)n2);
      if (zip_source_read(src, buf, (zip_uint64_t)n2) != n2) {
        free(buf);
        buf = NULL;
      } else {
        *out_len = (size_t)n2;
      }
    }
    zip_source_close(src);
  }
  zip_source_free(src);
  zip_error_fini(&ze);
  return buf;
}

/* The body of the docx and xlsx harnesses: a whole package (starts with
 * PK) is read as it is; anything else is split at NUL bytes into the parts
 * named in names[] (an empty or missing piece uses dflt[i], if any), packed
 * with the fixed parts, and read. check() reads and checks the plan. */
static void fuzz_package(const uint8_t *data, size_t size, const char *path, const part *fixed,
                         int nfixed, const char *const *names, const char *const *dflt, int nnames,
                         void (*check)(const char *, const char *, size_t)) {
  if (size >= 2 && data[0] == 'P' && data[1] == 'K') {
    char *buf = malloc(size); /* exact size: overreads are caught */
    memcpy(buf, data, size);
    check(path, buf, size);
    free(buf);
    return;
  }
  const char *piece[8] = {0};
  size_t len[8] = {0};
  int n = split_parts(data, size, piece, len, nnames);
  part parts[16];
  int k = 0;
  for (int i = 0; i < nfixed && k < 16; i++)
    parts[k++] = fixed[i];
  for (int i = 0; i < nnames && k < 16; i++) {
    int have = i < n && (len[i] || !dflt || !dflt[i]);
    parts[k].name = names[i];
    parts[k].data = have ? piece[i] : dflt ? dflt[i] : NULL;
    parts[k].len = have ? len[i] : parts[k].data ? strlen(parts[k].data) : 0;
    k++;
  }
  size_t zl = 0;
  char *zipped = pack(parts, k, &zl);
  if (zipped) {
    check(path, zipped, zl);
    free(zipped);
  }
}

#endif
