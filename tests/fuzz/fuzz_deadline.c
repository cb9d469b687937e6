/* fuzz_deadline.c - libFuzzer harness for the deadline reader (input/deadline.c).
 *
 * The first two bytes pick the plan's year (little-endian v: 0 unknown, v itself
 * from 1970 to 2199, else 1970 + v % 230);
 * the rest is the phrase, read both as a 完成时限 and as a task's text. An
 * interval read must be ordered, its milestone inside it, its kind and period
 * one of those documented; a phrase not read has no interval. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "deadline.h"

static void check(const char *s, int year, int text) {
  rg_due d;
  const char *why = NULL;
  int ok = rg_due_parse(s, year, text, &d, &why);
  if (!ok) {
    if (!why || d.start || d.end) abort();
    if (d.kind != (text ? RG_DUE_NONE : RG_DUE_UNREAD)) abort();
    return;
  }
  if (why || d.start > d.end) abort();
  if (d.kind != RG_DUE_DATED && d.kind != RG_DUE_SPREAD && d.kind != RG_DUE_RECURRING) abort();
  if (d.milestone && (d.milestone < d.start || d.milestone >= d.end)) abort();
  if (d.every != 0 && d.every != 1 && d.every != 3 && d.every != 6 && d.every != 12) abort();
  if ((d.kind == RG_DUE_RECURRING) != (d.every != 0)) abort();
  if (text && d.kind != RG_DUE_DATED) abort(); /* a text gives "by" dates only */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 2) return 0;
  int v = data[0] | data[1] << 8;
  int year = !v ? 0 : v >= 1970 && v <= 2199 ? v : 1970 + v % 230;
  char *buf = malloc(size - 1); /* the phrase and its NUL, exactly */
  memcpy(buf, data + 2, size - 2);
  buf[size - 2] = '\0';
  check(buf, year, 0);
  check(buf, year, 1);
  free(buf);
  return 0;
}
