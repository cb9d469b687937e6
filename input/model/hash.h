/* hash.h - FNV-1a, the one string hash of respgraph.
 *
 * 64-bit FNV-1a (Fowler, Noll, Vo): the unit intern table (plan.c), the
 * task-number table of long-form CSV (rows.c) and the stable iCalendar UIDs
 * (meetings_out.c) all hash with it. Header-only so the intern table keeps
 * it inline on its hot path. Not for security: any caller that hashes
 * untrusted text into a table must tolerate collisions (linear probing
 * compares the strings). */
#ifndef RG_HASH_H
#define RG_HASH_H

#include <stddef.h>
#include <stdint.h>

/* The offset basis respgraph has always used. It is not the published
 * 14695981039346656037 (a digit short), which changes no property the
 * callers need, and the iCalendar UIDs written so far depend on it: keep. */
#define RG_FNV_OFFSET 1469598103934665603ULL
#define RG_FNV_PRIME 1099511628211ULL

/* Continue hash h over n bytes at data (start with RG_FNV_OFFSET). */
static inline uint64_t rg_fnv1a(uint64_t h, const void *data, size_t n) {
  const unsigned char *p = data;
  for (size_t i = 0; i < n; i++)
    h = (h ^ p[i]) * RG_FNV_PRIME;
  return h;
}

/* FNV-1a of a NUL-terminated string. */
static inline uint64_t rg_fnv1a_str(const char *s) {
  uint64_t h = RG_FNV_OFFSET;
  for (; *s; s++)
    h = (h ^ (unsigned char)*s) * RG_FNV_PRIME;
  return h;
}

#endif
