/* hash.h - respgraph's two string hashes.
 *
 * 64-bit FNV-1a (Fowler, Noll, Vo): the stable iCalendar UIDs
 * (meetings_out.c) and the text-size cache of the diagrams (diagram_text.c)
 * hash with it; the UIDs are written out, so it never changes. rg_hash_words mixes
 * eight bytes at a time, for tables on a reader's hot path (the unit intern
 * table, the memo of unit lists, the long-form CSV's task and unit tables),
 * whose hashes are never stored in a file or printed. Header-only so hot
 * paths keep them inline. Not for security: any caller that hashes
 * untrusted text into a table must tolerate collisions (linear probing
 * compares the strings). */
#ifndef RG_HASH_H
#define RG_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

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

/* A 64-bit hash of n bytes, eight at a time (a multiply-xorshift mix; any
 * good mix would do). */
static inline uint64_t rg_hash_words(const char *s, size_t n) {
  uint64_t h = 0x9E3779B97F4A7C15ULL ^ n;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    memcpy(&w, s + i, 8);
    h = (h ^ w) * 0xFF51AFD7ED558CCDULL;
    h ^= h >> 29;
  }
  uint64_t w = 0;
  memcpy(&w, s + i, n - i);
  h = (h ^ w) * 0xC4CEB9FE1A85EC53ULL;
  return h ^ (h >> 32);
}

#endif
