/* stamp.c - the fixed date of every output, and PDF dates rewritten to it. */
#define _GNU_SOURCE /* memmem */
#include "stamp.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

time_t rg_stamp_epoch(void) {
  const char *s = getenv("SOURCE_DATE_EPOCH");
  if (!s || !*s || strspn(s, "0123456789") != strlen(s) || strlen(s) > 13) return RG_STAMP_DEFAULT;
  unsigned long long v = strtoull(s, NULL, 10);
  return v > (1ULL << 40) ? (time_t)RG_STAMP_DEFAULT : (time_t)v;
}

/* The date string (D:...) at p (just after the '('), n bytes up to the ')',
 * rewritten to epoch with the same length: "Z" or "+00'00" after the
 * seconds, as the original had a zone or an offset. 0 when n fits neither. */
static int rewrite(char *p, size_t n, time_t epoch) {
  static const char *const zones[] = {"Z", "+00'00", "+00'00'"};
  if (n < 16 || memcmp(p, "D:", 2)) return 0;
  const char *zone = NULL;
  for (size_t i = 0; i < sizeof zones / sizeof zones[0]; i++)
    if (n == 16 + strlen(zones[i])) zone = zones[i];
  if (!zone) return 0;
  struct tm tm;
  if (!gmtime_r(&epoch, &tm)) return 0;
  char buf[32];
  int k = snprintf(buf, sizeof buf, "D:%04d%02d%02d%02d%02d%02d%s", tm.tm_year + 1900,
                   tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, zone);
  if (k < 0 || (size_t)k != n) return 0;
  memcpy(p, buf, n);
  return 1;
}

int rg_stamp_pdf(char *pdf, size_t len, time_t epoch) {
  static const char *const keys[] = {"/CreationDate", "/ModDate"};
  int done = 0;
  for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
    size_t kl = strlen(keys[k]);
    for (char *p = pdf; p && (size_t)(p - pdf) + kl < len;) {
      p = memmem(p, len - (size_t)(p - pdf), keys[k], kl);
      if (!p) break;
      char *q = p + kl;
      char *end = pdf + len;
      while (q < end && (*q == ' ' || *q == '\n' || *q == '\r'))
        q++;
      if (q < end && *q == '(') {
        char *close = memchr(q + 1, ')', (size_t)(end - q - 1));
        if (close) done += rewrite(q + 1, (size_t)(close - q - 1), epoch);
      }
      p = q;
    }
  }
  return done;
}
