/* plan.c - the plan model: arena-owned strings, interned units, links.
 *
 * Strings go into a chunked bump arena that is freed at once. Units are
 * interned in an open-addressing hash table (FNV-1a, linear probing, load
 * factor <= 1/2), so looking a name up costs O(length of the name). */
#include "plan.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "reading.h"
#include "sort.h"

/* A big plan's tasks and links are most of the fresh memory its reading
 * touches, and fresh memory is what reading costs most on a busy host:
 * keep them this small (on 64-bit machines). */
_Static_assert(sizeof(void *) != 8 || sizeof(rg_task) == 96, "rg_task grew");
_Static_assert(sizeof(void *) != 8 || sizeof(rg_link) == 20, "rg_link grew");

/* ---------------------------------------------------------------- arena */

typedef struct rg_arena_chunk {
  struct rg_arena_chunk *next;
  size_t used, size;
  char data[];
} rg_arena_chunk;

struct rg_arena {
  rg_arena_chunk *head;
  size_t total; /* bytes in every chunk */
};

/* A new chunk holds at least 64 KiB and half of what the arena holds, up to
 * 32 MiB: a big plan's strings take a few big chunks (backed by huge pages,
 * error.c) instead of thousands of small ones, each faulted in 4 KiB at a
 * time. */
#define ARENA_MIN ((size_t)64 << 10)
#define ARENA_MAX ((size_t)32 << 20)

static void *arena_alloc(struct rg_arena *a, size_t n) {
  n = (n + 7) & ~(size_t)7;
  if (!a->head || a->head->size - a->head->used < n) {
    size_t size = a->total / 2;
    size = size < ARENA_MIN ? ARENA_MIN : size > ARENA_MAX ? ARENA_MAX : size;
    if (n > size) size = n;
    a->total += size;
    rg_arena_chunk *c = rg_xmalloc(sizeof *c + size);
    c->next = a->head;
    c->used = 0;
    c->size = size;
    a->head = c;
  }
  void *p = a->head->data + a->head->used;
  a->head->used += n;
  return p;
}

/* Room for bytes more in the arena's current chunk (a new chunk if need
 * be); returns where that room starts and sets *room to its size. */
static char *arena_reserve(struct rg_arena *a, size_t bytes, size_t *room) {
  if (!a->head || a->head->size - a->head->used < bytes) {
    rg_arena_chunk *c = rg_xmalloc(sizeof *c + bytes);
    c->next = a->head;
    c->used = 0;
    c->size = bytes;
    a->total += bytes;
    a->head = c;
  }
  *room = a->head->size - a->head->used;
  return a->head->data + a->head->used;
}

static void arena_free(struct rg_arena *a) {
  if (!a) return;
  for (rg_arena_chunk *c = a->head, *next; c; c = next) {
    next = c->next;
    free(c);
  }
  free(a);
}

/* --------------------------------------------------------------- intern */

/* Name -> unit: open addressing, the name's hash kept in the slot, so a
 * probe reads one place and compares a name (two more cache misses at 10^5
 * units) only when the hashes agree. No output depends on the slots' order. */
struct rg_intern {
  struct internslot {
    unsigned hash;
    int unit; /* -1: empty */
  } * slots;
  size_t cap; /* power of two */
  size_t used;
};

static unsigned name_hash(const char *name) { return (unsigned)rg_hash_words(name, strlen(name)); }

static void intern_rehash(rg_plan *plan, size_t cap) {
  struct rg_intern *t = plan->intern;
  struct internslot *slots = rg_xmalloc(cap * sizeof *slots);
  for (size_t i = 0; i < cap; i++)
    slots[i].unit = -1;
  for (size_t k = 0; k < t->cap; k++) {
    if (t->slots[k].unit < 0) continue;
    size_t i = t->slots[k].hash & (cap - 1);
    while (slots[i].unit >= 0)
      i = (i + 1) & (cap - 1);
    slots[i] = t->slots[k];
  }
  free(t->slots);
  t->slots = slots;
  t->cap = cap;
}

/* Return the slot holding name (of hash h), or the empty slot where it
 * would go. */
static size_t intern_slot(const rg_plan *plan, const char *name, unsigned h) {
  const struct rg_intern *t = plan->intern;
  size_t i = h & (t->cap - 1);
  while (t->slots[i].unit >= 0 &&
         (t->slots[i].hash != h || strcmp(plan->units[t->slots[i].unit].name, name) != 0))
    i = (i + 1) & (t->cap - 1);
  return i;
}

/* -------------------------------------------------------------- linkset */

/* rg_plan_link walks a task's chain of links while it holds at most this
 * many links; the links of a task with more are also in the linkset. */
#define LINK_CHAIN_WALK 8

/* The links of the tasks with more than LINK_CHAIN_WALK links, by (task,
 * unit): an open-addressing table of link indices (FNV-1a of the pair,
 * linear probing, load <= 1/2), so linking and finding a link cost O(1)
 * expected whatever the number of units of a task. The links of the other
 * tasks (nearly all, in a real plan) stay out of it: their short chain is
 * walked instead, just written and so in cache, where a probe of a big table
 * would miss the cache. Built on the first long task; freed with the links. */
struct rg_linkset {
  int *slots;  /* link index or -1 */
  size_t cap;  /* power of two */
  size_t used; /* links in the table */
};

static size_t pair_hash(int task, int unit) {
  int key[2] = {task, unit};
  return (size_t)rg_fnv1a(RG_FNV_OFFSET, key, sizeof key);
}

/* The first free slot for link l (not in the table yet). */
static size_t linkset_free_slot(const rg_plan *plan, int l) {
  const struct rg_linkset *t = plan->linkset;
  size_t i = pair_hash(plan->links[l].task, plan->links[l].unit) & (t->cap - 1);
  while (t->slots[i] >= 0)
    i = (i + 1) & (t->cap - 1);
  return i;
}

static void linkset_rehash(rg_plan *plan, size_t cap) {
  struct rg_linkset *t = plan->linkset;
  int *old = t->slots;
  size_t old_cap = t->cap;
  t->slots = rg_xmalloc(cap * sizeof *t->slots);
  t->cap = cap;
  for (size_t i = 0; i < cap; i++)
    t->slots[i] = -1;
  for (size_t i = 0; i < old_cap; i++)
    if (old[i] >= 0) t->slots[linkset_free_slot(plan, old[i])] = old[i];
  free(old);
}

/* Put link l (not in the table yet) into the table. */
static void linkset_add(rg_plan *plan, int l) {
  if (!plan->linkset) {
    plan->linkset = rg_xcalloc(1, sizeof *plan->linkset);
    linkset_rehash(plan, 64);
  }
  struct rg_linkset *t = plan->linkset;
  if ((t->used + 1) * 2 > t->cap) linkset_rehash(plan, t->cap * 2);
  t->slots[linkset_free_slot(plan, l)] = l;
  t->used++;
}

/* The slot holding the link of (task, unit), or the empty slot where it
 * would go. */
static size_t linkset_slot(const rg_plan *plan, int task, int unit) {
  const struct rg_linkset *t = plan->linkset;
  size_t i = pair_hash(task, unit) & (t->cap - 1);
  for (int l; (l = t->slots[i]) >= 0; i = (i + 1) & (t->cap - 1))
    if (plan->links[l].task == task && plan->links[l].unit == unit) break;
  return i;
}

/* The link of (task, unit), or -1: on the task's chain or in the table. */
static int link_of(const rg_plan *plan, int task, int unit) {
  const rg_task *t = &plan->tasks[task];
  if (t->n_links_ > LINK_CHAIN_WALK) return plan->linkset->slots[linkset_slot(plan, task, unit)];
  int l = t->head_;
  while (l >= 0 && plan->links[l].unit != unit)
    l = plan->links[l].next_;
  return l;
}

static void linkset_free(struct rg_linkset *t) {
  if (t) free(t->slots);
  free(t);
}

/* ----------------------------------------------------------------- plan */

rg_plan *rg_plan_new(const char *path) {
  rg_plan *plan = rg_xcalloc(1, sizeof *plan);
  plan->arena = rg_xcalloc(1, sizeof *plan->arena);
  plan->intern = rg_xcalloc(1, sizeof *plan->intern);
  intern_rehash(plan, 64);
  plan->path = rg_plan_strdup(plan, path ? path : "-");
  return plan;
}

/* Free the plan's arrays (not its arena, intern table or source locations). */
static void free_arrays(rg_plan *plan) {
  for (int u = 0; u < plan->n_units; u++)
    free(plan->units[u].aliases);
  free(plan->chapters);
  free(plan->sections);
  free(plan->tasks);
  free(plan->units);
  free(plan->links);
  free(plan->diags);
  free(plan->task_links);
  free(plan->unit_links);
  rg_reading_free(plan->reading);
  free(plan->sources);
  free(plan->dups);
  linkset_free(plan->linkset);
  plan->linkset = NULL;
}

void rg_plan_free(rg_plan *plan) {
  if (!plan) return;
  free_arrays(plan);
  free(plan->locs);
  if (plan->intern) free(plan->intern->slots);
  free(plan->intern);
  arena_free(plan->arena);
  free(plan);
}

const char *rg_plan_strndup(rg_plan *plan, const char *s, size_t n) {
  char *p = arena_alloc(plan->arena, n + 1);
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

const char *rg_plan_strdup(rg_plan *plan, const char *s) {
  return s ? rg_plan_strndup(plan, s, strlen(s)) : NULL;
}

static const char *vprintf_arena(rg_plan *plan, const char *fmt, va_list ap) {
  va_list ap2;
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap2);
  va_end(ap2);
  if (n < 0) n = 0;
  char *p = arena_alloc(plan->arena, (size_t)n + 1);
  vsnprintf(p, (size_t)n + 1, fmt, ap);
  return p;
}

const char *rg_plan_printf(rg_plan *plan, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  const char *s = vprintf_arena(plan, fmt, ap);
  va_end(ap);
  return s;
}

static int add_heading(rg_plan *plan, rg_heading **arr, int *n, size_t *cap, int parent,
                       const char *number, const char *title, long line) {
  RG_GROW(*arr, *cap, (size_t)*n + 1);
  rg_heading *h = &(*arr)[*n];
  h->number = rg_plan_strdup(plan, number ? number : "");
  h->title = rg_plan_strdup(plan, title ? title : "");
  h->parent = parent;
  h->line = line;
  return (*n)++;
}

int rg_plan_add_chapter(rg_plan *plan, const char *number, const char *title, long line) {
  return add_heading(plan, &plan->chapters, &plan->n_chapters, &plan->cap_chapters, -1, number,
                     title, line);
}

int rg_plan_add_section(rg_plan *plan, int chapter, const char *number, const char *title,
                        long line) {
  return add_heading(plan, &plan->sections, &plan->n_sections, &plan->cap_sections, chapter, number,
                     title, line);
}

void rg_plan_reserve(rg_plan *plan, size_t tasks, size_t links) {
  RG_GROW(plan->tasks, plan->cap_tasks, tasks);
  RG_GROW(plan->links, plan->cap_links, links);
}

size_t rg_plan_reserve_ahead(rg_plan *plan, double scale, double from, double held,
                             rg_prefault_range out[2]) {
  if (!plan->n_tasks || !plan->n_links) return 0;
  size_t tasks = (size_t)(plan->n_tasks * scale), links = (size_t)(plan->n_links * scale);
  if (tasks <= (size_t)plan->n_tasks || links <= (size_t)plan->n_links) return 0;
  if (tasks > INT_MAX / 2 || links > INT_MAX / 2) return 0;
  rg_plan_reserve(plan, tasks, links);
  out[0] = (rg_prefault_range){.p = (char *)(plan->tasks + plan->n_tasks),
                               .n = (tasks - (size_t)plan->n_tasks) * sizeof *plan->tasks,
                               .from = from,
                               .held = held};
  out[1] = (rg_prefault_range){.p = (char *)(plan->links + plan->n_links),
                               .n = (links - (size_t)plan->n_links) * sizeof *plan->links,
                               .from = from,
                               .held = held};
  return tasks;
}

size_t rg_plan_string_bytes(const rg_plan *plan) {
  const rg_arena_chunk *h = plan->arena->head;
  return plan->arena->total - (h ? h->size - h->used : 0);
}

char *rg_plan_reserve_strings(rg_plan *plan, size_t bytes, size_t *room) {
  return arena_reserve(plan->arena, bytes, room);
}

/* The value of a task number of 1 to 9 ASCII digits, else -1. */
static long id_value(const char *s) {
  long v = 0;
  int n = 0;
  for (; n < 10 && s[n] >= '0' && s[n] <= '9'; n++)
    v = v * 10 + (s[n] - '0');
  return n >= 1 && n <= 9 && !s[n] ? v : -1;
}

/* Tasks and links ahead of the one being added that are fetched for
 * writing. */
enum { AHEAD_TASKS = 4, AHEAD_LINKS = 8 };

int rg_plan_add_task(rg_plan *plan, const char *number, const char *text, int chapter, int section,
                     long line) {
  RG_GROW(plan->tasks, plan->cap_tasks, (size_t)plan->n_tasks + 1);
  rg_task *t = &plan->tasks[plan->n_tasks];
  /* the task a few ahead, for writing: a big plan's array is out of cache
   * (another thread faulted it in), and a task is added every few lines,
   * too far apart for the hardware to see a stream */
  if ((size_t)plan->n_tasks + AHEAD_TASKS < plan->cap_tasks) {
    __builtin_prefetch(t + AHEAD_TASKS, 1);
    __builtin_prefetch((char *)(t + AHEAD_TASKS) + 64, 1);
  }
  memset(t, 0, sizeof *t);
  t->number = rg_plan_strdup(plan, number ? number : "");
  t->printed = t->number;
  t->ordinal = plan->n_tasks + 1;
  t->chapter = chapter;
  t->section = section;
  /* (a reader that fills the text later passes "": no arena copy of it) */
  t->text = text && *text ? rg_plan_strdup(plan, text) : "";
  t->original = t->text;
  t->line = line;
  t->head_ = -1;
  plan->finalized = 0;
  /* numbers that rise (1, 2, 3..., as most plans number their tasks) are
   * distinct: rg_plan_assign_ids then has nothing to rename, and does not
   * sort a big plan's numbers to find that out */
  long v = id_value(t->number);
  plan->ids_rising_ =
      (plan->n_tasks == 0 || plan->ids_rising_) && v > (plan->n_tasks ? plan->last_id_ : 0);
  plan->last_id_ = v;
  plan->ids_distinct_ = plan->ids_rising_;
  return plan->n_tasks++;
}

int rg_plan_find_unit(const rg_plan *plan, const char *name) {
  return plan->intern->slots[intern_slot(plan, name, name_hash(name))].unit;
}

int rg_plan_intern_unit(rg_plan *plan, const char *name, rg_kind kind, long line) {
  unsigned h = name_hash(name);
  size_t slot = intern_slot(plan, name, h);
  if (plan->intern->slots[slot].unit >= 0) return plan->intern->slots[slot].unit;
  RG_GROW(plan->units, plan->cap_units, (size_t)plan->n_units + 1);
  rg_unit *u = &plan->units[plan->n_units];
  memset(u, 0, sizeof *u);
  u->name = rg_plan_strdup(plan, name);
  u->kind = kind;
  u->first_line = line;
  int idx = plan->n_units++;
  plan->intern->slots[slot] = (struct internslot){h, idx};
  if (++plan->intern->used * 2 > plan->intern->cap) intern_rehash(plan, plan->intern->cap * 2);
  return idx;
}

void rg_plan_add_alias(rg_plan *plan, int unit, const char *alias) {
  rg_unit *u = &plan->units[unit];
  if (strcmp(u->name, alias) == 0) return;
  for (int i = 0; i < u->n_aliases; i++)
    if (strcmp(u->aliases[i], alias) == 0) return;
  RG_GROW(u->aliases, u->cap_aliases, (size_t)u->n_aliases + 1);
  u->aliases[u->n_aliases++] = rg_plan_strdup(plan, alias);
}

int rg_plan_link(rg_plan *plan, int task, int unit, rg_role role, long line) {
  rg_task *t = &plan->tasks[task];
  int l = link_of(plan, task, unit);
  if (l >= 0) {
    rg_link *k = &plan->links[l];
    if (k->role != role) {
      rg_plan_diag(plan, RG_SEV_WARNING, line, "lead-and-support",
                   "task %s: %s is named as both lead and support; counted once, as lead",
                   t->number, plan->units[unit].name);
      k->role = RG_ROLE_LEAD;
    }
    return l;
  }
  RG_GROW(plan->links, plan->cap_links, (size_t)plan->n_links + 1);
  rg_link *k = &plan->links[plan->n_links];
  if ((size_t)plan->n_links + AHEAD_LINKS < plan->cap_links) /* (as the tasks') */
    __builtin_prefetch(k + AHEAD_LINKS, 1);
  k->task = task;
  k->unit = unit;
  k->role = role;
  k->line = line > INT32_MAX ? INT32_MAX : (int32_t)line;
  k->next_ = t->head_;
  t->head_ = plan->n_links;
  plan->finalized = 0;
  l = plan->n_links++;
  if (++t->n_links_ == LINK_CHAIN_WALK + 1) /* now long: its chain goes into the table */
    for (int c = l; c >= 0; c = plan->links[c].next_)
      linkset_add(plan, c);
  else if (t->n_links_ > LINK_CHAIN_WALK)
    linkset_add(plan, l);
  return l;
}

int rg_plan_find_link(const rg_plan *plan, int task, int unit) {
  if (task < 0 || task >= plan->n_tasks) return -1;
  return link_of(plan, task, unit);
}

void rg_plan_reset(rg_plan *plan) {
  const char *path = plan->path;
  free_arrays(plan);
  struct rg_arena *arena = plan->arena;
  struct rg_intern *intern = plan->intern;
  const char **locs = plan->locs; /* the file's places stay: lines refer to them */
  long n_locs = plan->n_locs;
  size_t cap_locs = plan->cap_locs;
  memset(plan, 0, sizeof *plan);
  plan->arena = arena; /* strings already copied stay until rg_plan_free */
  plan->intern = intern;
  plan->path = path;
  plan->locs = locs;
  plan->n_locs = n_locs;
  plan->cap_locs = cap_locs;
  free(intern->slots); /* the units are gone: an empty table */
  *intern = (struct rg_intern){NULL, 0, 0};
  intern_rehash(plan, 64);
}

void rg_plan_diag(rg_plan *plan, rg_severity sev, long line, const char *code, const char *fmt,
                  ...) {
  RG_GROW(plan->diags, plan->cap_diags, (size_t)plan->n_diags + 1);
  rg_diag *d = &plan->diags[plan->n_diags++];
  d->severity = sev;
  d->line = line;
  d->code = rg_plan_strdup(plan, code);
  va_list ap;
  va_start(ap, fmt);
  d->message = vprintf_arena(plan, fmt, ap);
  va_end(ap);
}

/* rg_plan_finalize: a counting sort of the link indices by task and by unit
 * at once; stable, so within a key the links keep their order of
 * appearance, except that a task's leads come first. One pass counts, one
 * places: the links (24 bytes each, 65 MB at 10^6 tasks) are read twice in
 * all, not twice per index. */
/* The links by task (in task order, leads first, then in order of
 * appearance): sets each task's link_begin and link_count. */
static int *links_by_task(rg_plan *plan) {
  size_t nt = (size_t)plan->n_tasks, nl = (size_t)plan->n_links;
  /* per task: leads and all links; cursors: lead[t] for the task's leads,
   * next[t] for its supports */
  int *lead = rg_xcalloc(nt + 1, sizeof *lead), *count = rg_xcalloc(nt + 1, sizeof *count);
  for (size_t l = 0; l < nl; l++) {
    const rg_link *k = &plan->links[l];
    count[k->task]++;
    lead[k->task] += k->role == RG_ROLE_LEAD;
  }
  int *next = rg_xmalloc((nt + 1) * sizeof *next), acc = 0;
  for (size_t t = 0; t < nt; t++) {
    rg_task *k = &plan->tasks[t];
    k->link_begin = acc, k->link_count = count[t];
    next[t] = acc + lead[t];
    lead[t] = acc;
    acc += count[t];
  }
  int *by_task = rg_xmalloc((nl + 1) * sizeof *by_task);
  for (size_t l = 0; l < nl; l++) {
    const rg_link *k = &plan->links[l];
    by_task[k->role == RG_ROLE_LEAD ? lead[k->task]++ : next[k->task]++] = (int)l;
  }
  free(lead), free(count), free(next);
  return by_task;
}

/* The links by unit, in order of appearance: sets each unit's link_begin
 * and link_count. Touches nothing links_by_task writes. */
static int *links_by_unit(rg_plan *plan) {
  size_t nu = (size_t)plan->n_units, nl = (size_t)plan->n_links;
  int *count = rg_xcalloc(nu + 1, sizeof *count);
  for (size_t l = 0; l < nl; l++)
    count[plan->links[l].unit]++;
  int *next = rg_xmalloc((nu + 1) * sizeof *next), acc = 0;
  for (size_t u = 0; u < nu; u++) {
    rg_unit *k = &plan->units[u];
    k->link_begin = next[u] = acc, k->link_count = count[u];
    acc += count[u];
  }
  int *by_unit = rg_xmalloc((nl + 1) * sizeof *by_unit);
  for (size_t l = 0; l < nl; l++)
    by_unit[next[plan->links[l].unit]++] = (int)l;
  free(count), free(next);
  return by_unit;
}

typedef struct unit_side {
  rg_plan *plan;
  int *by_unit;
} unit_side;

static void *unit_side_run(void *arg) {
  unit_side *u = arg;
  u->by_unit = links_by_unit(u->plan);
  return NULL;
}

static void *task_side_run(void *arg) {
  rg_plan *plan = arg;
  plan->task_links = links_by_task(plan);
  return NULL;
}

/* Links from which a second thread builds the index by unit (each side
 * reads every link once: below this, a thread costs more than it saves). */
#define FINALIZE_PAR_MIN 1000000

void rg_plan_finalize_threads(rg_plan *plan, int threads) {
  free(plan->task_links);
  free(plan->unit_links);
  unit_side u = {plan, NULL};
  rg_run_both(task_side_run, plan, unit_side_run, &u,
              threads != 1 && plan->n_links >= FINALIZE_PAR_MIN);
  plan->unit_links = u.by_unit;
  plan->finalized = 1;
}

void rg_plan_finalize(rg_plan *plan) { rg_plan_finalize_threads(plan, 1); }

/* A task to sort by id: the id's first 8 bytes as a big-endian number
 * (zero-padded past its end), so that most comparisons compare two numbers
 * in the array being sorted instead of two strings elsewhere. */
typedef struct numkey {
  uint64_t prefix;
  int task;
  int ordinal;
} numkey;

static uint64_t prefix8(const char *s) {
  uint64_t k = 0;
  int ended = 0;
  for (int i = 0; i < 8; i++) {
    unsigned char c = ended ? 0 : (unsigned char)s[i];
    ended |= c == 0;
    k = k << 8 | c;
  }
  return k;
}

/* Order tasks by id (as strcmp orders them), then by ordinal. */
static int by_number(const void *a, const void *b, void *ctx) {
  const rg_plan *plan = ctx;
  const numkey *x = a, *y = b;
  if (x->prefix != y->prefix) return x->prefix < y->prefix ? -1 : 1;
  int c = strcmp(plan->tasks[x->task].number, plan->tasks[y->task].number);
  if (c) return c;
  return x->ordinal < y->ordinal ? -1 : x->ordinal > y->ordinal;
}

/* The tasks' keys, sorted by id (malloc'd). */
static numkey *tasks_by_number(const rg_plan *plan) {
  numkey *keys = rg_xmalloc(((size_t)plan->n_tasks + 1) * sizeof *keys);
  for (int t = 0; t < plan->n_tasks; t++)
    keys[t] = (numkey){prefix8(plan->tasks[t].number), t, plan->tasks[t].ordinal};
  rg_sort(keys, (size_t)plan->n_tasks, sizeof *keys, by_number, (void *)plan);
  return keys;
}

/* Do two keys' tasks have the same id? The prefixes answer it unless both
 * ids are 8 bytes or longer and agree on those: then the strings do (a
 * million tasks in id order are then never read from the arena). */
static int same_id(const rg_plan *plan, const numkey *a, const numkey *b) {
  if (a->prefix != b->prefix) return 0;
  if ((a->prefix & 0xff) == 0) return 1; /* both end within 8 bytes */
  return !strcmp(plan->tasks[a->task].number, plan->tasks[b->task].number);
}

/* A task made from a chapter heading (一、关于…问题 with units in its body)
 * is named by the chapter alone; a decimal number (4.2.1) is a full path. */
static int keeps_own_number(const rg_plan *plan, const rg_task *k) {
  (void)plan;
  return strchr(k->printed, '.') || k->heading == 1;
}

/* Does some number occur twice among the tasks' current numbers? */
static int has_repeats(const rg_plan *plan) {
  numkey *keys = tasks_by_number(plan);
  int rep = 0;
  for (int i = 1; i < plan->n_tasks && !rep; i++)
    rep = same_id(plan, &keys[i - 1], &keys[i]);
  free(keys);
  return rep;
}

void rg_plan_assign_ids(rg_plan *plan) {
  if (plan->ids_distinct_) return; /* no number repeats: nothing restarts, nothing is renamed */
  /* restart: one number printed in two different chapters */
  numkey *keys = tasks_by_number(plan);
  int restart = 0;
  for (int i = 1; i < plan->n_tasks && !restart; i++)
    restart = same_id(plan, &keys[i - 1], &keys[i]) &&
              plan->tasks[keys[i - 1].task].chapter != plan->tasks[keys[i].task].chapter;
  if (restart) {
    for (int t = 0; t < plan->n_tasks; t++) {
      rg_task *k = &plan->tasks[t];
      if (k->chapter < 0 || keeps_own_number(plan, k)) continue;
      const rg_heading *sec = k->section >= 0 ? &plan->sections[k->section] : NULL;
      /* under a decimal section (2.1.3) the section's number is the path */
      if (sec && strchr(sec->number, '.') && k->heading != 2)
        k->number = rg_plan_printf(plan, "%s.%s", sec->number, k->printed);
      else
        k->number = rg_plan_printf(plan, "%s.%s", plan->chapters[k->chapter].number, k->printed);
    }
    /* numbering that also restarts per section: 一.一.1, 一.二.1 */
    if (has_repeats(plan)) {
      numkey *k2 = tasks_by_number(plan);
      int by_section = 0;
      for (int i = 1; i < plan->n_tasks && !by_section; i++) {
        const rg_task *a = &plan->tasks[k2[i - 1].task], *b = &plan->tasks[k2[i].task];
        by_section = same_id(plan, &k2[i - 1], &k2[i]) && a->section != b->section &&
                     a->chapter == b->chapter;
      }
      free(k2);
      if (by_section)
        for (int t = 0; t < plan->n_tasks; t++) {
          rg_task *k = &plan->tasks[t];
          if (k->chapter < 0 || k->section < 0 || keeps_own_number(plan, k)) continue;
          const rg_heading *sec = &plan->sections[k->section];
          if (strchr(sec->number, '.') || k->heading == 2) continue;
          k->number = rg_plan_printf(plan, "%s.%s.%s", plan->chapters[k->chapter].number,
                                     sec->number, k->printed);
        }
    }
  }
  if (restart) { /* the ids changed: sort again */
    free(keys);
    keys = tasks_by_number(plan);
  }
  /* a run of one id: the first keeps it, the others get #2, #3... (the
   * first of the run, at keys[start], is never renamed) */
  int start = 0;
  const char *base = plan->n_tasks ? plan->tasks[keys[0].task].number : NULL;
  long first_line = plan->n_tasks ? plan->tasks[keys[0].task].line : 0;
  for (int i = 1, run = 1; i < plan->n_tasks; i++) {
    if (!same_id(plan, &keys[start], &keys[i])) {
      start = i;
      run = 1;
      continue;
    }
    if (run == 1) {
      base = plan->tasks[keys[start].task].number;
      first_line = plan->tasks[keys[start].task].line;
    }
    rg_task *b = &plan->tasks[keys[i].task];
    run++;
    b->number = rg_plan_printf(plan, "%s#%d", base, run);
    rg_plan_diag(plan, RG_SEV_WARNING, b->line, "duplicate-number",
                 "task number %s appears again (first at line %ld); this one is task %s",
                 b->printed, first_line, b->number);
  }
  free(keys);
}

void rg_plan_check(rg_plan *plan) {
  rg_plan_assign_ids(plan);
  if (!plan->finalized) rg_plan_finalize(plan);
  for (int t = 0; t < plan->n_tasks; t++) {
    const rg_task *k = &plan->tasks[t];
    if (k->link_count == 0) {
      rg_plan_diag(plan, RG_SEV_WARNING, k->line, "no-units", "task %s names no units", k->number);
      continue;
    }
    if (plan->links[plan->task_links[k->link_begin]].role != RG_ROLE_LEAD)
      rg_plan_diag(plan, RG_SEV_WARNING, k->line, "no-lead", "task %s has no lead unit", k->number);
  }
}

int rg_plan_count_concrete_links(const rg_plan *plan, int *n_lead) {
  int n = 0, lead = 0;
  for (int l = 0; l < plan->n_links; l++) {
    if (plan->units[plan->links[l].unit].kind != RG_KIND_UNIT) continue;
    n++;
    if (plan->links[l].role == RG_ROLE_LEAD) lead++;
  }
  if (n_lead) *n_lead = lead;
  return n;
}

int rg_plan_count_kind(const rg_plan *plan, rg_kind kind) {
  int n = 0;
  for (int u = 0; u < plan->n_units; u++)
    n += plan->units[u].kind == kind;
  return n;
}

const char *rg_role_name(rg_role role) { return role == RG_ROLE_LEAD ? "lead" : "support"; }

const char *rg_kind_name(rg_kind kind) {
  static const char *const names[] = {"unit", "collective", "generic"};
  return (unsigned)kind < 3 ? names[kind] : "unit";
}

const char *rg_severity_name(rg_severity s) {
  static const char *const names[] = {"note", "warning", "error"};
  return (unsigned)s < 3 ? names[s] : "warning";
}

int rg_plan_has_dates(const rg_plan *plan) {
  for (int t = 0; t < plan->n_tasks; t++)
    if (plan->tasks[t].due.start) return 1;
  return 0;
}

const char *rg_due_kind_name(rg_due_kind k) {
  static const char *const names[] = {"none", "dated", "spread", "recurring", "unread"};
  return (unsigned)k < 5 ? names[k] : "none";
}

long rg_plan_add_loc(rg_plan *plan, const char *label) {
  RG_GROW(plan->locs, plan->cap_locs, (size_t)plan->n_locs + 1);
  plan->locs[plan->n_locs++] = rg_plan_strdup(plan, label);
  return plan->n_locs;
}

const char *rg_plan_loc(const rg_plan *plan, long line, char *buf, size_t size) {
  if (line <= 0) return "";
  if (plan->n_locs > 0 && line <= plan->n_locs) return plan->locs[line - 1];
  snprintf(buf, size, "%ld", line);
  return buf;
}
