/* unitlist.h - canonicalising a list of units (the heart of accuracy).
 *
 * "市发展改革委、工业和信息化局等有关部门,各区、县(市)政府及开发区管委会"
 *   -> 市发展改革委 (unit), 市工业和信息化局 (unit),
 *      各区、县(市)政府 (collective), 开发区管委会 (collective); open list.
 *
 * The rules, in order (NOTES.md gives the reason for each):
 *   1. NFKC-normalise (full-width punctuation to ASCII).
 *   2. Split on 、 , ; at parenthesis depth 0; re-join collective phrases
 *      (各区、县(市)政府: a quantifier and one administrative level).
 *   3. Split on 及 between two names; a quantifier (各/有关) distributes.
 *   4. Strip open-list tails (等有关部门, 等部门, 等单位...) and record them.
 *   5. Classify: generic (有关...), collective (各..., ...各部门, ...各成员单位),
 *      or unit.
 *   6. Suffix distribution within a 、-run: 和平区、大东区政府 -> 和平区政府, 大东区政府.
 *   7. Prefix inheritance: a bare body inherits the jurisdiction prefix of the
 *      unit before it (市发展改革委、商务局 -> 市商务局; 市委宣传部、统战部 -> 市委统战部).
 *   8. A second name in parentheses (省市场监管局(省知识产权局)) is an alias.
 * Linear in the length of the text. */
#ifndef RG_UNITLIST_H
#define RG_UNITLIST_H

#include <stddef.h>
#include <stdint.h>

#include "plan.h"
#include "text.h" /* rg_nfkc */

/* The unit an item was last linked to, kept by a plan's memo: valid while
 * the plan's reading has declared no new short name (n_short). */
typedef struct rg_unit_cache {
  int unit;    /* -1: not yet linked */
  int n_short; /* the reading's n_short when unit was found */
  int aliased; /* the item's alias is among unit's names (rg_plan_add_alias
                * was called: it only ever adds) */
} rg_unit_cache;

typedef struct rg_unit_item {
  char *name;  /* canonical name (malloc'd) */
  char *alias; /* second name given in parentheses, or NULL (malloc'd) */
  rg_kind kind;
  int lead;             /* 1 when the name carried (牵头): link it as lead */
  int marked;           /* 1 when the name carried a mark (★, *, ▲): see RG_CONV_MARKER */
  int short_alias;      /* 1 when alias is a short name the plan declares (以下简称X):
                         * the plan reads X as this unit from then on */
  char *printed;        /* the name as the list printed it (NFKC), before prefixes and
                         * canonical forms: 财政局 for 市财政局 (malloc'd) */
  const char *doubt;    /* why the canonical name may not be the printed body, when
                         * it was reached by a rule rather than a table entry
                         * (杭州市 -> 杭州市政府; an unknown 中华人民共和国… long form;
                         * a long form shortened by its ending after a place name):
                         * check names both as a [canonical] warning. Static. */
  int person;           /* rg_vocab_is_person(name) for a unit (0 for a set), or -1 */
  int looks;            /* the name looks like a unit (a body; a set that is no
                         * junk), or -1: known when read through a plan's memo */
  rg_unit_cache *cache; /* read through a plan's memo: the memo's record of the
                         * unit this name was linked to (else NULL) */
} rg_unit_item;

typedef struct rg_unit_list {
  rg_unit_item *items;
  int n;
  size_t cap;
  int open;     /* 1 when the list ended in 等有关部门 or the like */
  int borrowed; /* the items' strings belong to a plan's memo (not freed) */
} rg_unit_list;

/* Parse text (UTF-8, any width) into canonical items. Never fails: text that
 * names nothing gives an empty list. "无", "—", "空" mean none. */
void rg_unitlist_parse(const char *text, size_t len, rg_unit_list *out);
void rg_unitlist_destroy(rg_unit_list *l);

/* The same, for a document of the given level (rg_level, vocab.h) whose own
 * departments carry prefix (市, 省; "" when unknown): a bare body at the
 * start of a list takes the prefix (发展改革委 -> 市发展改革委), and in a
 * national document a bare national form is canonical (发展改革委 ->
 * 国家发展改革委). */
void rg_unitlist_parse_level(const char *text, size_t len, int level, const char *prefix,
                             rg_unit_list *out);

/* How a list is linked when a unit is already linked to the task. */
typedef enum {
  RG_LINK_NORMAL = 0,    /* lead wins, with a lead-and-support warning (rg_plan_link) */
  RG_LINK_STRONGEST = 1, /* lead wins quietly (several notes of one task) */
  RG_LINK_FIRST = 2,     /* the first mention decides (prose) */
} rg_link_mode;

/* Start fetching the plan's memo entry of a list of hash h (rg_memo_hash
 * of its bytes) that rg_unitlist_link_opts will look up a few lines later:
 * stage 0 the slot, stage 1 the key and the entry (rg_memo_prefetch), 2
 * (the entry in cache by then) its items' records of their units. Only
 * speed depends on it. */
void rg_unitlist_prefetch(const rg_plan *plan, uint32_t h, int stage);

typedef struct rg_list_opts {
  rg_role role;   /* the role of every unit named */
  int first_lead; /* the first unit named leads, the others take role */
  int shared;     /* role is lead only because nobody else leads: a lead
                   * named in the list itself (X(牵头)) makes the rest support */
  rg_link_mode mode;
  const char *why;         /* for check --explain: the rule that gives role */
  const char *first_why;   /* ... and the one that makes the first unit lead */
  const uint32_t *hash;    /* rg_memo_hash of the list's bytes, computed ahead, or NULL */
  struct rg_list_pre *pre; /* rg_unitlist_pre of the list's bytes, or NULL; the parse
                            * of a list read for the first time takes its tokens */
} rg_list_opts;

/* The first steps of reading a unit list, which depend on its bytes alone
 * (NFKC, trimming, the split at 、 , ;), done ahead: the text reader's
 * second thread does them for a list it has not seen, which the parser
 * will most likely read for the first time. The same list either way. */
typedef struct rg_list_pre rg_list_pre;
rg_list_pre *rg_unitlist_pre(const char *text, size_t len);
void rg_unitlist_pre_free(rg_list_pre *p);
/* Start fetching the plan's memo entries of pre's tokens (hashed ahead,
 * with the list): stage 0 their slots, 1 their keys and entries, 2 (their
 * entries in cache by then) their pieces' last readings. Only speed
 * depends on it. */
void rg_unitlist_prefetch_pre(const rg_plan *plan, const rg_list_pre *pre, int stage);

/* Parse text with the plan's level (plan->reading) and link every unit to
 * task as o says. Names that do not look like a body are left out with a
 * "suspect-unit" warning unless accepted (rg_reading_accept); persons
 * (分管副省长) are left out quietly and counted; a name marked (牵头), or
 * carrying the plan's lead mark (RG_CONV_MARKER), leads. Marks the task's
 * list open when it is. Returns the number of units linked. */
int rg_unitlist_link_opts(rg_plan *plan, int task, const char *text, size_t len, long line,
                          const rg_list_opts *o);

/* rg_unitlist_link_opts with every unit given role, RG_LINK_NORMAL. */
int rg_unitlist_link(rg_plan *plan, int task, rg_role role, const char *text, size_t len,
                     long line);

/* rg_unitlist_link_opts keeps what it read of each distinct name in the
 * plan's reading (so a name printed a million times is read once); free it
 * when the reading is done. Safe to call at any time: it is only a memo. */
void rg_unitlist_forget(rg_plan *plan);

#endif
