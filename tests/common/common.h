/* common.h - what the test suites share: reading files, running the built
 * respgraph, comparing with golden files. Compiled into every suite
 * (tests/CMakeLists.txt); plain C, so helpers report failure by their
 * return value and the tests assert. */
#ifndef RG_TEST_COMMON_H
#define RG_TEST_COMMON_H

#include <stddef.h>
#include <string.h>

/* The whole file at path, NUL-terminated, its size in *len (may be NULL);
 * NULL when it cannot be read. The caller frees it. */
char *rg_test_slurp(const char *path, size_t *len);

/* A run of the built respgraph (RG_BINARY). */
typedef struct rg_test_run {
  int code;  /* exit code, -1 when it did not exit */
  char *out; /* stdout and stderr, never NULL */
  char *err;
} rg_test_run;

/* Run `respgraph ARGS` through the shell (args are shell words, quoted by
 * the caller); stdout and stderr go to files named per process, since
 * Criterion runs tests in parallel processes. */
rg_test_run rg_test_respgraph(const char *args);
void rg_test_run_free(rg_test_run *r);

/* 1 when the len bytes at got equal the golden file at path. With
 * RG_UPDATE_GOLDEN=1 in the environment the golden file is rewritten
 * first (then inspect the diff before committing). */
int rg_test_golden(const char *path, const char *got, size_t len);

/* The random texts the tests build (fixed seeds): the next state of a
 * 64-bit LCG (Knuth's MMIX constants), in *r and returned. */
static inline unsigned long long rg_test_next(unsigned long long *r) {
  return *r = *r * 6364136223846793005ULL + 1442695040888963407ULL;
}

/* Append count pieces, each piece[(next >> 33) % np], to the n bytes at
 * buf (room enough is the caller's); returns the new length. */
static inline size_t rg_test_pieces(char *buf, size_t n, const char *const *piece, unsigned np,
                                    int count, unsigned long long *r) {
  for (int k = 0; k < count; k++) {
    const char *p = piece[(rg_test_next(r) >> 33) % np];
    size_t m = strlen(p);
    memcpy(buf + n, p, m);
    n += m;
  }
  return n;
}

#endif
