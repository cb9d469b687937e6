/* fuzz_decode.c - libFuzzer harness for the whole loading path: read, decode, t2s, detect, parse,
 * originals.
 *
 * Input: any bytes, written to a file and loaded with rg_plan_load (so the
 * BOM / meta charset / GB18030 rules, traditional-script conversion, content
 * detection and every reader run exactly as for a user's file). Checks that
 * a failure has a message, that decoding gives valid UTF-8, and that every
 * task keeps a non-NULL original. Everything is freed. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "decode.h"
#include "load.h"

static char path[128];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!path[0]) {
    const char *dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    snprintf(path, sizeof path, "%s/rg-fuzz-decode-%ld", dir, (long)getpid());
  }
  rg_decoded d;
  rg_error err;
  rg_error_clear(&err);
  char *buf = malloc(size ? size : 1);
  memcpy(buf, data, size);
  if (rg_decode("fuzz", buf, size, &d, &err) == RG_OK) {
    if (!rg_utf8_valid(d.text, d.len, NULL) || strlen(d.text) != d.len) abort();
    rg_decoded_destroy(&d);
  } else if (!err.msg[0]) {
    abort();
  }
  free(buf);

  FILE *f = fopen(path, "wb");
  if (!f) return 0;
  fwrite(data, 1, size, f);
  fclose(f);
  rg_plan *p = NULL;
  rg_error_clear(&err);
  if (rg_plan_load(path, NULL, &p, &err) == RG_OK) {
    for (int i = 0; i < p->n_tasks; i++)
      if (!p->tasks[i].original || !p->tasks[i].text) abort();
    rg_plan_free(p);
  } else if (!err.msg[0] || p) {
    abort();
  }
  return 0;
}
