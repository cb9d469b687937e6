/* memo.c - results by their input bytes (memo.h). */
#include "memo.h"

#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "hash.h"

typedef struct rg_memo_block {
  struct rg_memo_block *next;
  size_t used, cap;
  _Alignas(16) char data[];
} rg_memo_block;

static rg_memo_entry *slot(const rg_memo *m, const char *key, size_t len, uint32_t h) {
  size_t i = h & (m->cap - 1);
  while (m->slots[i].key &&
         (m->slots[i].hash != h || m->slots[i].len != len || memcmp(m->slots[i].key, key, len)))
    i = (i + 1) & (m->cap - 1);
  return &m->slots[i];
}

uint32_t rg_memo_hash(const char *key, size_t len) { return (uint32_t)rg_hash_words(key, len); }

void rg_memo_prefetch(const rg_memo *m, uint32_t h, int stage) {
  if (!m->cap) return;
  const rg_memo_entry *e = &m->slots[h & (m->cap - 1)];
  if (stage == 0)
    __builtin_prefetch(e);
  else if (e->key && e->hash == h) {
    __builtin_prefetch(e->key);
    __builtin_prefetch(e->val);
  }
}

void *rg_memo_peek(const rg_memo *m, uint32_t h) {
  if (!m->cap) return NULL;
  const rg_memo_entry *e = &m->slots[h & (m->cap - 1)];
  return e->key && e->hash == h ? e->val : NULL;
}

void *rg_memo_get_hashed(const rg_memo *m, const char *key, size_t len, uint32_t h) {
  if (!m->cap) return NULL;
  rg_memo_entry *e = slot(m, key, len, h);
  return e->key ? e->val : NULL;
}

void *rg_memo_get(const rg_memo *m, const char *key, size_t len) {
  return rg_memo_get_hashed(m, key, len, rg_memo_hash(key, len));
}

static void grow(rg_memo *m) {
  rg_memo old = *m;
  m->cap = old.cap ? old.cap * 2 : 256;
  /* zeroed by writing: calloc's fresh pages would be read first (the
   * probes) and written after, two faults a page */
  m->slots = rg_xmalloc(m->cap * sizeof *m->slots);
  memset(m->slots, 0, m->cap * sizeof *m->slots);
  for (size_t i = 0; i < old.cap; i++)
    if (old.slots[i].key) {
      rg_memo_entry *e = &old.slots[i];
      *slot(m, e->key, e->len, e->hash) = *e;
    }
  free(old.slots);
}

void *rg_memo_alloc(rg_memo *m, size_t size) {
  size = (size + 15) & ~(size_t)15;
  rg_memo_block *b = m->blocks;
  if (!b || b->cap - b->used < size) {
    size_t cap = size > 60000 ? size : 65536 - sizeof *b;
    b = rg_xmalloc(sizeof *b + cap);
    b->next = m->blocks;
    b->used = 0;
    b->cap = cap;
    m->blocks = b;
  }
  void *p = b->data + b->used;
  b->used += size;
  return p;
}

void rg_memo_put(rg_memo *m, const char *key, size_t len, void *val) {
  rg_memo_put_hashed(m, key, len, rg_memo_hash(key, len), val);
}

void rg_memo_put_hashed(rg_memo *m, const char *key, size_t len, uint32_t h, void *val) {
  if ((m->used + 1) * 2 > m->cap) grow(m);
  rg_memo_entry *e = slot(m, key, len, h);
  if (e->key) {
    e->val = val;
    return;
  }
  char *k = rg_memo_alloc(m, len + 1);
  memcpy(k, key, len);
  k[len] = '\0';
  *e = (rg_memo_entry){k, (uint32_t)len, h, val};
  m->used++;
}

void rg_memo_clear(rg_memo *m, void (*free_val)(void *)) {
  for (size_t i = 0; free_val && i < m->cap; i++)
    if (m->slots[i].key) free_val(m->slots[i].val);
  free(m->slots);
  for (rg_memo_block *b = m->blocks, *next; b; b = next) {
    next = b->next;
    free(b);
  }
  memset(m, 0, sizeof *m);
}

uint16_t *rg_seen_new(void) {
  /* zeroed by writing: calloc's fresh pages would be read first (the
   * lookups), then copied when written, two faults a page */
  uint16_t *t = rg_xmalloc(RG_SEEN_SLOTS * sizeof *t);
  memset(t, 0, RG_SEEN_SLOTS * sizeof *t);
  return t;
}
