/* conventions.c - rule sentences (see conventions.h). Each test is a scan of
 * one short clause against fixed word lists. */
#include "conventions.h"

#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "error.h"
#include "hash.h"
#include "memo.h"
#include "phrases.h"
#include "strutil.h"
#include "unitlist.h"
#include "utf8.h"
#include "vocab.h"

static const char *const LEAD_WORDS[] = {"牵头", "主办", "主责", "负总责", NULL};
/* the first of a list: 第一位 首位 第一个 排名第一 排在前面 第1位 */
static const char *const FIRST_WORDS[] = {"第一", "首位", "首个", "首家", "最前",
                                          "前面", "第1",  "排头", NULL};
/* characters that end a body's name: a clause holding a real unit is a
 * duty (第一批试点由市发展改革委牵头), not a rule */
static const char *const NAME_CHARS[] = {"局", "委", "厅", "署", "院", "政府", NULL};

int rg_conv_names_lead(const char *clause) { return has_any_cjk(clause, LEAD_WORDS); }

int rg_conv_is_first_leads(const char *clause) {
  /* a lead word first: most clauses have none (this runs for every clause) */
  return has_any(clause, LEAD_WORDS) && has_any(clause, FIRST_WORDS) &&
         !has_any(clause, NAME_CHARS);
}

size_t rg_conv_marker(const char *clause, const char **mark) {
  static const char *const MARKS[] = {"★", "☆", "*", "△", "▲", "※", "◆", "●", "#", NULL};
  if (!has_any(clause, LEAD_WORDS) || has_any(clause, FIRST_WORDS) || has_any(clause, NAME_CHARS))
    return 0;
  for (int i = 0; MARKS[i]; i++) {
    const char *p = strstr(clause, MARKS[i]);
    if (p) {
      *mark = MARKS[i];
      return strlen(MARKS[i]);
    }
  }
  return 0;
}

/* a scope word that extends the rule before it: 下同; and the words that
 * open a rule about the other units: 其他单位配合 */
static const char *const SCOPE[] = {"下同",     "以下同", "下文同",     "后同", "全文同",
                                    "以下均同", "余同",   "以下各项同", NULL};
static const char *const OTHERS[] = {"其他", "其余", "其它", "余下", "另外", NULL};

int rg_conv_words(const char **out, int max) {
  const char *const *lists[] = {LEAD_WORDS, SCOPE, OTHERS};
  int n = 0;
  for (size_t l = 0; l < sizeof lists / sizeof *lists; l++)
    for (int i = 0; lists[l][i]; i++)
      if (n < max)
        out[n++] = lists[l][i];
      else
        return -1;
  return n;
}

int rg_conv_is_rule_tail(const char *clause) {
  for (int i = 0; SCOPE[i]; i++) /* (the first two bytes first: most clauses differ there) */
    if (clause[0] == SCOPE[i][0] && clause[1] == SCOPE[i][1] && !strcmp(clause, SCOPE[i])) return 1;
  static const char *const ROLES[] = {"负责",     "配合",     "参与", "协助", "协办",
                                      "责任单位", "配合单位", "协同", NULL};
  for (int i = 0; OTHERS[i]; i++)
    if (starts(clause, OTHERS[i])) return has_any(clause, ROLES) && !has_any(clause, NAME_CHARS);
  return 0;
}

static const char *const STANDING_WORDS[] = {
    "不再列出",     "不逐一列出",   "不一一列出",   "不再一一列出", "不另列出",
    "不再单独列出", "不再逐一列出", "不再重复列出", "不单独列出",   NULL};

/* Role words of a standing rule, longest first. A unit every task has
 * without being listed supports it (落实, 配合: the plans name no standing
 * lead). */
static const char *const STANDING_ROLE[] = {"负责落实", "落实", "配合", "参与",
                                            "协助",     "负责", "承担", NULL};

int rg_conv_standing(const char *sentence, rg_rule *r) {
  /* every standing phrase ends in 列出 */
  if (!strstr(sentence, "列出") || !has_any(sentence, STANDING_WORDS)) return 0;
  /* the clause naming the unit: the first holding a role word */
  const char *p = sentence;
  while (*p) {
    const char *e = strchr(p, ',');
    size_t n = e ? (size_t)(e - p) : strlen(p);
    char *clause = dupn(p, n);
    const char *hit = NULL;
    const rg_role role = RG_ROLE_SUPPORT;
    /* the earliest role word in the clause ends the unit */
    for (int i = 0; STANDING_ROLE[i]; i++) {
      const char *q = strstr(clause, STANDING_ROLE[i]);
      if (q && (!hit || q < hit)) hit = q;
    }
    if (hit && !has_any(clause, STANDING_WORDS)) {
      /* 以下(各项)(任务)(均)(需)(由) X 落实 */
      const char *u = clause;
      static const char *const STEPS[] = {"以下", "各项任务", "各项", "任务",
                                          "均",   "需",       "由",   NULL};
      for (int i = 0; STEPS[i]; i++)
        if (starts(u, STEPS[i])) u += strlen(STEPS[i]);
      if (u < hit) {
        char *unit = dupn(u, (size_t)(hit - u));
        size_t k = strlen(unit);
        while (k && unit[k - 1] == ' ')
          unit[--k] = '\0';
        if (*unit && strlen(unit) <= 60) {
          r->kind = RG_CONV_STANDING;
          r->unit = unit;
          r->role = role;
          r->needs_lead = strstr(sentence, "明确牵头") || strstr(sentence, "有牵头") ||
                          strstr(sentence, "牵头部门的") || strstr(sentence, "牵头单位的");
          free(clause);
          return 1;
        }
        free(unit);
      }
    }
    free(clause);
    p += n;
    if (*p == ',') p++;
  }
  return 0;
}

int rg_conv_scan(const char *text, rg_rule *r) {
  memset(r, 0, sizeof *r);
  char *norm = rg_nfkc(text, strlen(text));
  if (!norm) return 0;
  /* sentences end at 。 ; ! ?; clauses at , and 、-free commas */
  int found = 0;
  for (char *s = norm; *s && !found;) {
    size_t n = strcspn(s, ";!?");
    char *end = rg_strstr3(s, "。");
    if (end && (size_t)(end - s) < n) n = (size_t)(end - s);
    char *sentence = dupn(s, n);
    /* a leading 注: or 说明: labels a footnote */
    const char *body = sentence;
    if (starts(body, "注:") || starts(body, "说明:") || starts(body, "备注:"))
      body = strchr(body, ':') + 1;
    if (rg_conv_standing(body, r)) {
      found = 1;
    } else {
      for (const char *c = body; *c && !found;) {
        size_t m = strcspn(c, ",");
        char *clause = dupn(c, m);
        const char *mark = NULL;
        if (rg_conv_is_first_leads(clause)) {
          r->kind = RG_CONV_FIRST_LEADS;
          found = 1;
        } else if (rg_conv_marker(clause, &mark)) {
          r->kind = RG_CONV_MARKER;
          r->unit = rg_xstrdup(mark);
          found = 1;
        }
        free(clause);
        c += m;
        if (*c == ',') c++;
      }
    }
    free(sentence);
    s += n;
    if (starts(s, "。"))
      s += 3;
    else if (*s)
      s++;
  }
  free(norm);
  return found;
}

void rg_conv_record(rg_plan *plan, const char *text, const rg_rule *r, long line, int from_task) {
  char *t = rg_nfkc(text, strlen(text));
  rg_convention c = {.kind = r->kind,
                     .text = t ? t : text,
                     .line = line,
                     .from_task = from_task,
                     .unit = r->unit,
                     .role = r->role,
                     .needs_lead = r->needs_lead};
  rg_reading_add_convention(plan, &c);
  rg_reading_of(plan)->n_rules++;
  free(t);
}

rg_level rg_reading_set_level(rg_plan *plan, const char *text, long line) {
  rg_reading *r = rg_reading_of(plan);
  if (r->level != RG_LEVEL_UNKNOWN || !text) return r->level;
  char prefix[sizeof r->prefix];
  rg_level lv = rg_vocab_level(text, prefix, sizeof prefix);
  if (lv == RG_LEVEL_UNKNOWN) return lv;
  r->level = lv;
  memcpy(r->prefix, prefix, sizeof prefix);
  r->level_from = rg_plan_strdup(plan, text);
  r->level_line = line;
  return lv;
}

void rg_conv_around_tables(rg_plan *plan, const char *title, const rg_lines *lines) {
  rg_reading_set_level(plan, title, 0);
  for (int i = 0; i < lines->n; i++) {
    const rg_line *l = &lines->v[i];
    char *s = dupn(l->text, l->len);
    if (plan->reading->level == RG_LEVEL_UNKNOWN && l->len < 240 &&
        (strstr(s, "政府") || strstr(s, "关于") || strstr(s, "〔") || strstr(s, "国务院")))
      rg_reading_set_level(plan, s, l->lineno);
    rg_rule r;
    if (rg_conv_scan(s, &r)) {
      rg_conv_record(plan, s, &r, l->lineno, 0);
      free(r.unit);
    }
    free(s);
  }
}

void rg_conv_all_responsible(rg_plan *plan) {
  rg_reading *r = rg_reading_of(plan);
  /* a rule says who leads; a list says who supports (配合单位：…) */
  if (r->n_conv || r->named_support) return;
  int n = 0;
  for (int l = 0; l < plan->n_links; l++) {
    if (plan->links[l].role == RG_ROLE_LEAD) return;
    if (plan->units[plan->links[l].unit].kind == RG_KIND_UNIT) n++;
  }
  if (!n) return;
  for (int l = 0; l < plan->n_links; l++)
    plan->links[l].role = RG_ROLE_LEAD;
  rg_convention c = {.kind = RG_CONV_ALL_RESPONSIBLE,
                     .text = "责任单位",
                     .line = 0,
                     .from_task = 0,
                     .applied = plan->n_links};
  rg_reading_add_convention(plan, &c);
}

/* Is b one of the ASCII separators of names? */
static inline int ascii_sep(char b) {
  return b == ',' || b == ';' || b == ':' || b == ' ' || b == '(' || b == ')' || b == '\n' ||
         b == '\t';
}

/* Is p at the start of a name: the text's start or after a separator? */
static int name_start(const char *text, const char *p) {
  if (p == text) return 1;
  char b = p[-1];
  if (ascii_sep(b)) return 1;
  static const char *const SEP[] = {"、", "，", "；", "：", "（", "）", "。", "由", NULL};
  if (p - text < 3) return 0;
  for (int i = 0; SEP[i]; i++)
    if (p[-3] == SEP[i][0] && p[-2] == SEP[i][1] && p[-1] == SEP[i][2]) return 1;
  return 0;
}

/* name_start(text, p) where p follows a character of k bytes (char_len_in)
 * inside the text, as a window's end is tested after each
 * of its characters: the separators of three bytes all end in a
 * continuation byte and start with E3, E7 or EF, so most characters need
 * one or two compares (the walk's extent loop read every character of
 * every window through name_start's eight compares). */
static inline int sep_after(const char *text, const char *p, size_t k) {
  unsigned char b = (unsigned char)p[-1];
  if (b < 0x80) return ascii_sep((char)b);
  if (k == 3) { /* (the character's own lead byte) */
    unsigned char a = (unsigned char)p[-3];
    if (a != 0xE3 && a != 0xE7 && a != 0xEF) return 0;
  }
  return name_start(text, p);
}

/* Does [p, end) start with the n bytes of w? */
static int at(const char *p, const char *end, const char *w, size_t n) {
  return (size_t)(end - p) >= n && !memcmp(p, w, n);
}

/* The bytes of the character at p (rg_utf8_char_len), never reading past
 * end: a line is not NUL-terminated. */
static inline size_t char_len_in(const char *p, const char *end) {
  unsigned char c = (unsigned char)*p;
  size_t n = c < 0x80 ? 1 : c < 0xC2 ? 0 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF5 ? 4 : 0;
  if (n <= 1) return 1;
  for (size_t i = 1; i < n; i++)
    if (p + i >= end || !p[i]) return i;
  return n;
}

/* What each window of text after a prefix gave: the same unit name is
 * printed thousands of times in a large plan, and each time the scan below
 * would try up to 16 names with rg_vocab_is_body. Open addressing on the
 * window's bytes (rg_hash_words, load <= 1/2); each key is copied into the
 * memo's arena and its hash kept in the slot, so a probe compares bytes
 * only when the hashes agree, and then bytes near the other keys, not a
 * window megabytes back in the text. */
typedef struct memo_entry {
  uint32_t hash;
  uint32_t off; /* the key, in the arena */
  uint8_t len;  /* 0: empty (a window is never empty, and at most 73 bytes) */
  uint8_t body; /* bytes of the body name found, 0 none */
} memo_entry;   /* 12 bytes: a big plan's memo stays small */

typedef struct memo {
  memo_entry *slots;
  size_t cap, used;
  char *arena;
  size_t alen, acap;
  memo_entry spare; /* for a key not kept (a memo past 4 GiB of keys) */
} memo;

static memo_entry *memo_slot(const memo *m, const char *key, size_t len, uint32_t h) {
  size_t i = h & (m->cap - 1);
  while (m->slots[i].len && (m->slots[i].hash != h || m->slots[i].len != len ||
                             memcmp(m->arena + m->slots[i].off, key, len)))
    i = (i + 1) & (m->cap - 1);
  return &m->slots[i];
}

static void memo_grow(memo *m) {
  memo_entry *old = m->slots;
  size_t old_cap = m->cap;
  m->cap = old_cap ? old_cap * 2 : 256;
  /* zeroed by writing: calloc's fresh pages would be read by the probes
   * first (mapping the zero page) and written after, and each such copy on
   * write flushes the page from the other counting thread's TLB, an
   * interrupt between the CPUs (a fifth of the count on a 250k plan) */
  m->slots = rg_xmalloc(m->cap * sizeof *m->slots);
  memset(m->slots, 0, m->cap * sizeof *m->slots);
  for (size_t i = 0; i < old_cap; i++)
    if (old[i].len) {
      size_t j = old[i].hash & (m->cap - 1);
      while (m->slots[j].len)
        j = (j + 1) & (m->cap - 1);
      m->slots[j] = old[i];
    }
  free(old);
}

/* The entry of the window [key, key + len) of hash h (window_hash): found,
 * or made with body. */
static memo_entry *memo_find_hashed(memo *m, const char *key, size_t len, uint32_t h, int *found) {
  if (m->used * 2 >= m->cap) memo_grow(m);
  memo_entry *e = memo_slot(m, key, len, h);
  *found = e->len != 0;
  if (!*found) {
    if (len > UINT8_MAX || m->alen + len > UINT32_MAX) { /* (not kept: worked out each time) */
      m->spare = (memo_entry){0};
      return &m->spare;
    }
    RG_GROW(m->arena, m->acap, m->alen + len);
    memcpy(m->arena + m->alen, key, len);
    *e = (memo_entry){h, (uint32_t)m->alen, (uint8_t)len, 0};
    m->alen += len;
    m->used++;
  }
  return e;
}

static uint32_t window_hash(const char *key, size_t len) {
  return (uint32_t)rg_hash_words(key, len);
}

static memo_entry *memo_find(memo *m, const char *key, size_t len, int *found) {
  return memo_find_hashed(m, key, len, window_hash(key, len), found);
}

/* Start fetching what memo_find_hashed of hash h will read: stage 0 its
 * slot; stage 1 (the slot in cache by then) the key the slot holds. Only
 * speed depends on it. */
static void memo_prefetch(const memo *m, uint32_t h, int stage) {
  if (!m->cap) return;
  const memo_entry *e = &m->slots[h & (m->cap - 1)];
  if (stage == 0)
    __builtin_prefetch(e);
  else if (e->len && e->hash == h)
    __builtin_prefetch(m->arena + e->off);
}

static void memo_free(memo *m) {
  free(m->slots);
  free(m->arena);
  memset(m, 0, sizeof *m);
}

/* Is the name [p, p + n) a body and not a person? Names memoised in m:
 * windows of different units share their first candidates (市单位, 市单位0…). */
static int is_body_at(memo *m, const char *p, size_t n) {
  int found;
  memo_entry *e = memo_find(m, p, n, &found);
  if (found) return (int)e->body;
  char *name = dupn(p, n);
  e->body = (uint8_t)(rg_vocab_is_body(name) && !rg_vocab_is_person(name));
  free(name);
  return (int)e->body;
}

/* Where a name with a prefix may start (q, after a separator, prefix k),
 * and its window: the bytes from q to where body_len's search stops, with
 * their hash. What body_len finds depends only on those bytes. */
typedef struct window {
  const char *q;
  uint32_t len;  /* bytes of the window */
  uint32_t hash; /* window_hash of them */
  int k;         /* the prefix (PREFIX[k]) */
} window;

/* Bytes of the shortest name text[q..) of 1 to 16 characters after the
 * prefix (plen bytes) that is a body and not a person, before a separator;
 * 0 when none. What it finds depends only on w's window (name_start looks
 * at the bytes before a place, which are inside it), so a window seen
 * before is answered from the memo. A window stops after a separator,
 * after 16 characters or at the end of the text (a line), so equal windows
 * give equal answers. */
static size_t body_len(memo *m, memo *names, const char *text, const char *end, const window *w,
                       size_t plen) {
  const char *p = w->q, *q = p + plen;
  int known;
  memo_entry *e = memo_find_hashed(m, p, w->len, w->hash, &known);
  if (known) return e->body;
  size_t found = 0;
  for (int chars = 1; q < end && chars <= 16; chars++) {
    size_t cl = char_len_in(q, end);
    q += cl;
    if (sep_after(text, q, cl)) break; /* a separator: the name ended */
    if (is_body_at(names, p, (size_t)(q - p))) {
      found = (size_t)(q - p);
      break;
    }
  }
  /* is_body_at used the other memo: e is still this one's */
  e->body = (uint8_t)found; /* (at most 73) */
  return found;
}

static const struct {
  const char *prefix;
  size_t len;
  rg_level level;
} PREFIX[] = {{"自治区", 9, RG_LEVEL_PROVINCIAL},
              {"省", 3, RG_LEVEL_PROVINCIAL},
              {"市", 3, RG_LEVEL_CITY},
              {"县", 3, RG_LEVEL_COUNTY},
              {"区", 3, RG_LEVEL_DISTRICT}};
enum { NP = sizeof PREFIX / sizeof *PREFIX };

/* The prefixes as words, for the block search of valid text. */
static const char *const PREFIX_WORDS[] = {"自治区", "省", "市", "县", "区", NULL};

/* Names with a prefix counted so far, the first of each, and the memo. */
typedef struct name_count {
  int count[NP];
  char example[NP][64];
  memo memo;           /* windows */
  memo names;          /* candidate names */
  rg_phrases prefixes; /* PREFIX_WORDS, once ready is set */
  int ready;
} name_count;

/* The prefix (index into PREFIX) that starts [p, end), or -1. Each starts
 * with the byte E5, E7 or E8: one test rules out most characters. */
static int prefix_at(const char *p, const char *end) {
  unsigned char c = (unsigned char)*p;
  if ((c != 0xE5 && c != 0xE7 && c != 0xE8) || end - p < 3) return -1;
  for (int i = 0; i < NP; i++) /* the first character, then the rest */
    if (p[1] == PREFIX[i].prefix[1] && p[2] == PREFIX[i].prefix[2] &&
        c == (unsigned char)PREFIX[i].prefix[0] && at(p, end, PREFIX[i].prefix, PREFIX[i].len))
      return i;
  return -1;
}

/* A walk over the windows of [text, end), in order. */
typedef struct window_walk {
  const char *text, *end, *p;
  int valid;
  const rg_phrases *prefixes; /* (valid text only) */
} window_walk;

/* The walk over [text, text + len); valid: the caller checked that the
 * bytes are UTF-8 (a span holding them). */
static void walk_init(window_walk *wk, name_count *nc, const char *text, size_t len, int valid) {
  /* Valid UTF-8 (all decoded text): every byte that starts a prefix starts
   * a character, so a block search for the prefixes visits the places the
   * walk a character at a time would find one at, in the same order. */
  valid = valid || rg_utf8_valid(text, len, NULL);
  if (valid && !nc->ready) {
    rg_phrases_init(&nc->prefixes, PREFIX_WORDS);
    nc->ready = 1;
  }
  *wk = (window_walk){text, text + len, text, valid, &nc->prefixes};
}

/* The next place a name with a prefix may start, into w: 1, or 0 at the
 * end. */
static int walk_next(window_walk *wk, window *w) {
  static const char *const NOT[] = {"市场", "市政公用", "市政工程", "区域", "县域", "省级",
                                    "市级", "区级",     "县级",     "市民", "市区", "县城",
                                    "区县", "县区",     "市县",     "省市", NULL};
  const char *text = wk->text, *end = wk->end;
  while (wk->p < end) {
    const char *q = wk->p; /* where a prefix may start */
    if (wk->valid) {
      q = wk->p + rg_phrases_find(wk->prefixes, wk->p, (size_t)(end - wk->p));
      if (q == end) break;
      wk->p = q + 1; /* (the next two bytes continue q's character: no prefix starts there) */
    } else {
      wk->p += char_len_in(wk->p, end);
      unsigned char c = (unsigned char)*q;
      if (c != 0xE5 && c != 0xE7 && c != 0xE8) continue; /* no prefix starts here */
    }
    int k = prefix_at(q, end);
    if (k < 0 || !name_start(text, q)) continue;
    /* each NOT word is a prefix and more: compare its fourth to sixth
     * bytes (the second character) first, where most names differ */
    int bare = 0;
    for (int i = 0; NOT[i] && !bare; i++)
      bare = end - q >= 6 && q[3] == NOT[i][3] && q[4] == NOT[i][4] && q[5] == NOT[i][5] &&
             at(q, end, NOT[i], strlen(NOT[i]));
    if (bare) continue;
    /* the window: up to the first separator after the prefix, or 16
     * characters */
    const char *stop = q + PREFIX[k].len;
    for (int chars = 1; stop < end && chars <= 16; chars++) {
      size_t cl = char_len_in(stop, end);
      stop += cl;
      if (sep_after(text, stop, cl)) break;
    }
    *w = (window){q, (uint32_t)(stop - q), window_hash(q, (size_t)(stop - q)), k};
    return 1;
  }
  wk->p = end;
  return 0;
}

/* Count the name at w if the shortest name of at most 16 characters
 * starting there is a body. */
static void count_window(name_count *nc, const char *text, const char *end, const window *w) {
  int k = w->k;
  size_t n = body_len(&nc->memo, &nc->names, text, end, w, PREFIX[k].len);
  if (!n) return;
  if (!nc->example[k][0] && n < sizeof nc->example[k]) memcpy(nc->example[k], w->q, n);
  nc->count[k]++;
}

/* Count the names of [text, text + len) that start with a prefix and are
 * bodies (市商务局, not 市场 or 市级). The text is one line or a whole
 * document: a name never spans a line, so the counts are the same. */
static void count_names(name_count *nc, const char *text, size_t len, int valid) {
  window_walk wk;
  window w;
  walk_init(&wk, nc, text, len, valid);
  while (walk_next(&wk, &w))
    count_window(nc, text, wk.end, &w);
}

/* The prefix the counts give (one prefix, at least 2 names, more than
 * twice any other): its index in PREFIX, or -1. */
static int decide(const int *count) {
  int best = -1;
  for (int i = 0; i < NP; i++)
    if (count[i] >= 2 && (best < 0 || count[i] > count[best])) best = i;
  if (best < 0) return -1;
  for (int i = 0; i < NP; i++)
    if (i != best && 2 * count[i] > count[best]) return -1;
  return best;
}

/* Set the reading's level and prefix to PREFIX[best]'s. */
static rg_level set_level(rg_plan *plan, int best) {
  rg_reading *r = rg_reading_of(plan);
  r->level = PREFIX[best].level;
  snprintf(r->prefix, sizeof r->prefix, "%s", PREFIX[best].prefix);
  return r->level;
}

/* Set the reading's level from counts (decide), and where it came from:
 * the count and example of the prefix; unknown when none wins. */
static rg_level set_counted(rg_plan *plan, const int *count, char (*example)[64], long line) {
  int best = decide(count);
  if (best < 0) return RG_LEVEL_UNKNOWN;
  rg_reading *r = rg_reading_of(plan);
  r->level_from =
      rg_plan_printf(plan, "the plan's own unit names (%d such as %s)", count[best], example[best]);
  r->level_line = line;
  return set_level(plan, best);
}

/* The level the counts give, set in the reading; frees the memo. */
static rg_level level_of_counts(rg_plan *plan, name_count *nc, long line) {
  memo_free(&nc->memo);
  memo_free(&nc->names);
  return set_counted(plan, nc->count, nc->example, line);
}

rg_level rg_reading_level_from_names(rg_plan *plan, const char *text, size_t len, long line) {
  rg_reading *r = rg_reading_of(plan);
  if (r->level != RG_LEVEL_UNKNOWN || !text) return r->level;
  name_count nc = {0};
  count_names(&nc, text, len, 0);
  return level_of_counts(plan, &nc, line);
}

/* One counter of a level count: the lines it counts, and the names it
 * has counted. */
typedef struct count_run {
  const rg_lines *lines;
  int from, to; /* the lines of its present chunk */
  name_count nc;
  /* What a line printed more than once added to the counts, by its bytes
   * (label lines repeat: a big plan prints its lists several times). A
   * line is kept the second time it is counted (seen notes the first), so
   * lines printed once, the tasks' texts, cost no memory. */
  rg_memo repeated;
  uint16_t *seen;
} count_run;

/* The counts a line added, kept with it. */
typedef struct line_counts {
  int count[NP];
} line_counts;

/* What count_lines found of a line a few lines ahead. */
/* (lines ahead: 6/3/1, 8/4/2 and 12/6/3 count alike) */
enum { AHEAD_HASH = 8, AHEAD_WINDOWS = 4, AHEAD_KEYS = 2, RING = 16, RING_WINDOWS = 16 };
_Static_assert(RING > AHEAD_HASH && AHEAD_HASH > AHEAD_WINDOWS && AHEAD_WINDOWS > AHEAD_KEYS,
               "a line's ring entry is not reused before it is counted");
typedef struct line_ahead {
  uint32_t h; /* rg_memo_hash of the line */
  int n;      /* its windows in w, or -1: not looked for (the line looked
                 known) or more than RING_WINDOWS */
  window w[RING_WINDOWS];
} line_ahead;

/* Count line [text, text + len) of hash h: a line's names depend on its
 * bytes alone and the counts add up, so a line counted before adds what it
 * added then (the example, the first name in line order, was set by then).
 * a: the line's windows when found ahead. */
static void count_line(count_run *c, const char *text, size_t len, int valid, const line_ahead *a) {
  const line_counts *known = rg_memo_get_hashed(&c->repeated, text, len, a->h);
  if (known) {
    for (int k = 0; k < NP; k++)
      c->nc.count[k] += known->count[k];
    return;
  }
  line_counts before;
  memcpy(before.count, c->nc.count, sizeof before.count);
  if (a->n >= 0)
    for (int i = 0; i < a->n; i++)
      count_window(&c->nc, text, text + len, &a->w[i]);
  else
    count_names(&c->nc, text, len, valid);
  if (rg_seen_add(c->seen, a->h)) return; /* (the first time: not kept) */
  line_counts *added = rg_memo_alloc(&c->repeated, sizeof *added);
  for (int k = 0; k < NP; k++)
    added->count[k] = c->nc.count[k] - before.count[k];
  rg_memo_put_hashed(&c->repeated, text, len, a->h, added);
}

/* The windows of a line not counted before (its hash's slot, fetched
 * earlier, holds another), their memo slots fetched. */
static void windows_ahead(count_run *c, const rg_line *l, int valid, line_ahead *a) {
  a->n = -1;
  if (rg_memo_peek(&c->repeated, a->h)) { /* known, most likely: its key and counts */
    rg_memo_prefetch(&c->repeated, a->h, 1);
    return;
  }
  window_walk wk;
  walk_init(&wk, &c->nc, l->text, l->len, valid);
  int n = 0;
  while (n <= RING_WINDOWS && walk_next(&wk, n < RING_WINDOWS ? &a->w[n] : &(window){0}))
    n++;
  if (n > RING_WINDOWS) return; /* (counted by count_names) */
  a->n = n;
  for (int i = 0; i < n; i++)
    memo_prefetch(&c->nc.memo, a->w[i].hash, 0);
}

/* Count lines [c->from, c->to) into c. */
static void count_lines(count_run *c) {
  const rg_line *v = c->lines->v;
  /* lines of one buffer are cut at line ends (ASCII): when the span from
   * the first to the last is valid UTF-8, so is each line (one check, not
   * one a line); decoded text is, as the decoder checked */
  int valid =
      c->lines->one_buffer && c->from < c->to &&
      (c->lines->utf8 ||
       rg_utf8_valid(v[c->from].text,
                     (size_t)(v[c->to - 1].text + v[c->to - 1].len - v[c->from].text), NULL));
  if (!c->seen) c->seen = rg_seen_new();
  /* Each lookup of a big plan's memos misses the cache: a line's are
   * started a few lines ahead, in the order they will be read (the line's
   * hash and slot, its windows and their slots, their keys). Only speed
   * depends on it. */
  line_ahead *ring = rg_xmalloc(RING * sizeof *ring);
  for (int i = c->from - AHEAD_HASH; i < c->to; i++) {
    int j = i + AHEAD_HASH;
    if (j >= c->from && j < c->to) {
      line_ahead *a = &ring[j % RING];
      a->h = rg_memo_hash(v[j].text, v[j].len);
      rg_memo_prefetch(&c->repeated, a->h, 0);
      rg_seen_prefetch(c->seen, a->h);
    }
    if ((j = i + AHEAD_WINDOWS) >= c->from && j < c->to)
      windows_ahead(c, &v[j], valid, &ring[j % RING]);
    if ((j = i + AHEAD_KEYS) >= c->from && j < c->to)
      for (int k = 0; k < ring[j % RING].n; k++)
        memo_prefetch(&c->nc.memo, ring[j % RING].w[k].hash, 1);
    if (i >= c->from) count_line(c, v[i].text, v[i].len, valid, &ring[i % RING]);
  }
  free(ring);
}

/* A level count in chunks of lines, claimed in order by one or two
 * counters (rg_level_count_step), each with its own memos. A chunk keeps
 * what its names added and its first name of each prefix: the counts add
 * up, and the example, the first name in line order, is the first chunk's
 * that has one, whoever counted which chunk. (A counter counts its chunks
 * in line order, so a line it knows from before had its names counted in
 * an earlier chunk: the first name of a prefix is never on a known line.) */
enum { COUNT_CHUNK = 2048 };

typedef struct chunk_counts {
  int count[NP];
  char example[NP][64];
} chunk_counts;

struct rg_level_count {
  const rg_lines *lines;
  int n_chunks;
  int guess_chunks; /* the first chunks, the guess's (rg_level_count_guess) */
  atomic_int next;  /* the next chunk to claim after them */
  chunk_counts *chunk;
  count_run run[2];
};

rg_level_count *rg_level_count_new(const rg_lines *lines, int guess_lines) {
  rg_level_count *lc = rg_xcalloc(1, sizeof *lc);
  lc->lines = lines;
  lc->n_chunks = (lines->n + COUNT_CHUNK - 1) / COUNT_CHUNK;
  int g = guess_lines > 0 ? (guess_lines + COUNT_CHUNK - 1) / COUNT_CHUNK : 0;
  lc->guess_chunks = g < lc->n_chunks ? g : lc->n_chunks;
  atomic_init(&lc->next, lc->guess_chunks);
  lc->chunk = rg_xcalloc((size_t)lc->n_chunks + 1, sizeof *lc->chunk);
  lc->run[0].lines = lc->run[1].lines = lines;
  return lc;
}

/* Free what counter c keeps between chunks (it makes them again if it
 * counts another): its memory goes back to the reading. */
static void run_release(count_run *c) {
  free(c->seen);
  c->seen = NULL;
  rg_memo_clear(&c->repeated, NULL);
  memo_free(&c->nc.memo);
  memo_free(&c->nc.names);
}

/* Count chunk k with counter who. */
static void count_chunk(rg_level_count *lc, int who, int k) {
  count_run *c = &lc->run[who];
  c->from = k * COUNT_CHUNK;
  c->to = c->from + COUNT_CHUNK < lc->lines->n ? c->from + COUNT_CHUNK : lc->lines->n;
  int before[NP];
  memcpy(before, c->nc.count, sizeof before);
  memset(c->nc.example, 0, sizeof c->nc.example);
  count_lines(c);
  chunk_counts *out = &lc->chunk[k];
  for (int i = 0; i < NP; i++)
    out->count[i] = c->nc.count[i] - before[i];
  memcpy(out->example, c->nc.example, sizeof out->example);
}

int rg_level_count_step(rg_level_count *lc, int who) {
  int k = atomic_fetch_add(&lc->next, 1);
  if (k >= lc->n_chunks) {
    run_release(&lc->run[who]);
    return 0;
  }
  count_chunk(lc, who, k);
  return 1;
}

/* The counts of chunks [0, n) and their first example of each prefix. */
static void sum_chunks(const rg_level_count *lc, int n, chunk_counts *sum) {
  memset(sum, 0, sizeof *sum);
  for (int k = 0; k < n; k++)
    for (int i = 0; i < NP; i++) {
      sum->count[i] += lc->chunk[k].count[i];
      if (!sum->example[i][0]) memcpy(sum->example[i], lc->chunk[k].example[i], 64);
    }
}

rg_level rg_level_count_guess(rg_plan *plan, rg_level_count *lc) {
  for (int k = 0; k < lc->guess_chunks; k++) /* (counter 0's first chunks, in order) */
    count_chunk(lc, 0, k);
  chunk_counts sum;
  sum_chunks(lc, lc->guess_chunks, &sum);
  int best = decide(sum.count);
  return best < 0 ? RG_LEVEL_UNKNOWN : set_level(plan, best);
}

void rg_level_count_free(rg_level_count *lc) {
  if (!lc) return;
  for (int w = 0; w < 2; w++)
    run_release(&lc->run[w]);
  free(lc->chunk);
  free(lc);
}

/* Every chunk counted: their counts and first examples; frees lc. */
static void count_total(rg_level_count *lc, chunk_counts *sum) {
  sum_chunks(lc, lc->n_chunks, sum);
  rg_level_count_free(lc);
}

int rg_level_count_settle(rg_plan *plan, rg_level_count *lc, long line) {
  rg_reading *r = rg_reading_of(plan);
  chunk_counts sum;
  count_total(lc, &sum);
  int best = decide(sum.count);
  int same = best < 0 ? r->level == RG_LEVEL_UNKNOWN
                      : r->level == PREFIX[best].level && !strcmp(r->prefix, PREFIX[best].prefix);
  if (same) set_counted(plan, sum.count, sum.example, line);
  return same;
}

/* Lines past which the names are counted on two threads (more work in
 * all, each counter with its own memos, but the count holds up the
 * reading). */
#define COUNT_PAR_LINES 200000

/* One thread's share of a count: counter who takes chunks until none is
 * left. */
typedef struct count_job {
  rg_level_count *lc;
  int who;
} count_job;

static void *count_all(void *arg) {
  count_job *j = arg;
  while (rg_level_count_step(j->lc, j->who))
    ;
  return NULL;
}

rg_level rg_reading_level_from_lines(rg_plan *plan, const rg_lines *lines, long line) {
  rg_reading *r = rg_reading_of(plan);
  if (r->level != RG_LEVEL_UNKNOWN || !lines) return r->level;
  rg_level_count *lc = rg_level_count_new(lines, 0);
  count_job a = {lc, 0}, b = {lc, 1};
  rg_run_both(count_all, &a, count_all, &b, !r->one_thread && lines->n >= COUNT_PAR_LINES);
  chunk_counts sum;
  count_total(lc, &sum);
  return set_counted(plan, sum.count, sum.example, line);
}
