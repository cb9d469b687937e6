/* memo.h - results of pure reading functions, by their input bytes.
 *
 * A 1M-task plan names its 50,000 units millions of times, mostly in lists
 * it has printed before; reading a list or a name (its prefix, its
 * canonical form, whether it is a body) depends only on its bytes and the
 * document's level. A memo keeps each result under the bytes of its input,
 * so each distinct list and name is read once. It belongs to one plan's
 * reading (unitlist.c): no global state. Open addressing (load <= 1/2) on
 * a 64-bit hash of the bytes; keys, and values the caller wants kept with
 * them, live in blocks of the memo (no allocation per entry). */
#ifndef RG_MEMO_H
#define RG_MEMO_H

#include <stddef.h>
#include <stdint.h>

typedef struct rg_memo_entry {
  const char *key; /* in the memo's blocks; NULL: a free slot */
  uint32_t len;
  uint32_t hash; /* the low bits of the hash */
  void *val;
} rg_memo_entry;

typedef struct rg_memo {
  rg_memo_entry *slots;
  size_t cap, used;
  struct rg_memo_block *blocks; /* newest first */
} rg_memo;

/* The value kept under key[0..len), or NULL when none. */
void *rg_memo_get(const rg_memo *m, const char *key, size_t len);
/* The same, given h = rg_memo_hash(key, len) (computed ahead, perhaps on
 * another thread). */
void *rg_memo_get_hashed(const rg_memo *m, const char *key, size_t len, uint32_t h);
/* The hash rg_memo_get looks key[0..len) up by. */
uint32_t rg_memo_hash(const char *key, size_t len);
/* Start fetching what a later rg_memo_get of a key of hash h will read:
 * stage 0 its slot, stage 1 (later, the slot in cache by then) the key the
 * slot holds and the start of its value. Only speed depends on it. */
void rg_memo_prefetch(const rg_memo *m, uint32_t h, int stage);
/* The value in the first slot of hash h when its hash is h (the key is
 * not compared: it may be another's), else NULL: for fetching what a later
 * lookup will read, a step further along. */
void *rg_memo_peek(const rg_memo *m, uint32_t h);
/* Keep val under key[0..len) (not present yet; the key is copied). */
void rg_memo_put(rg_memo *m, const char *key, size_t len, void *val);
void rg_memo_put_hashed(rg_memo *m, const char *key, size_t len, uint32_t h, void *val);
/* size bytes (aligned for any value) that live as long as the memo. */
void *rg_memo_alloc(rg_memo *m, size_t size);
/* Free the keys, the blocks and the table, each value with free_val (may
 * be NULL: values in the blocks need none). */
void rg_memo_clear(rg_memo *m, void (*free_val)(void *));

/* Hashes seen lately: a direct-mapped table of RG_SEEN_SLOTS 16-bit tags
 * (128 KiB: it stays in a core's cache beside a streaming input), slots by
 * the hash's low half, holding its high half with the lowest bit set (0
 * marks an empty slot). For choices that change only
 * speed: a hash pushed out, or taken for another of the same tag, just
 * makes its user do a step again or skip a step it would have done. */
enum { RG_SEEN_SLOTS = 1 << 16 };

/* A table with nothing seen (free with free()). */
uint16_t *rg_seen_new(void);

/* Note h; 1 when it was not in its slot. */
static inline int rg_seen_add(uint16_t *seen, uint32_t h) {
  uint16_t *slot = &seen[h & (RG_SEEN_SLOTS - 1)], key = (uint16_t)(h >> 16 | 1); /* (0: empty) */
  if (*slot == key) return 0;
  *slot = key;
  return 1;
}

/* Start fetching h's slot (the table is out of a busy core's cache more
 * often than not). Only speed depends on it. */
static inline void rg_seen_prefetch(const uint16_t *seen, uint32_t h) {
  if (seen) __builtin_prefetch(&seen[h & (RG_SEEN_SLOTS - 1)]);
}

/* The same table counting (not to be mixed with rg_seen_add): note h and
 * return how often it was in its slot before, 0, 1 or 2 for more. The tag
 * is the high half's top 14 bits; the low two bits say once (01) or more
 * (11). */
static inline int rg_seen_count(uint16_t *seen, uint32_t h) {
  uint16_t *slot = &seen[h & (RG_SEEN_SLOTS - 1)], tag = (uint16_t)(h >> 16 & 0xFFFC);
  int before = *slot && (*slot & 0xFFFC) == tag ? (*slot & 2 ? 2 : 1) : 0;
  *slot = (uint16_t)(tag | (before ? 3 : 1));
  return before;
}

#endif
