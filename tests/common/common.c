/* common.c - file reading, CLI runs and golden files for every test suite. */
#include "common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

char *rg_test_slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0, got;
  char *buf = malloc(cap + 1);
  while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
    n += got;
    if (n == cap) buf = realloc(buf, (cap *= 2) + 1);
  }
  fclose(f);
  buf[n] = '\0';
  if (len) *len = n;
  return buf;
}

rg_test_run rg_test_respgraph(const char *args) {
  char out[64], err[64];
  snprintf(out, sizeof out, "rg-test-out-%d.tmp", (int)getpid());
  snprintf(err, sizeof err, "rg-test-err-%d.tmp", (int)getpid());
  size_t n = strlen(RG_BINARY) + strlen(args) + 2 * sizeof out + 32;
  char *cmd = malloc(n);
  snprintf(cmd, n, "'%s' %s > %s 2> %s", RG_BINARY, args, out, err);
  int st = system(cmd);
  free(cmd);
  rg_test_run r = {WIFEXITED(st) ? WEXITSTATUS(st) : -1, rg_test_slurp(out, NULL),
                   rg_test_slurp(err, NULL)};
  if (!r.out) r.out = calloc(1, 1);
  if (!r.err) r.err = calloc(1, 1);
  remove(out);
  remove(err);
  return r;
}

void rg_test_run_free(rg_test_run *r) {
  free(r->out);
  free(r->err);
  r->out = r->err = NULL;
}

int rg_test_golden(const char *path, const char *got, size_t len) {
  if (getenv("RG_UPDATE_GOLDEN")) {
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(got, 1, len, f) != len) return 0;
    if (fclose(f) != 0) return 0;
  }
  size_t n;
  char *want = rg_test_slurp(path, &n);
  int same = want && n == len && !memcmp(want, got, len);
  free(want);
  return same;
}
