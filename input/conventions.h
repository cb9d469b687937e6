/* conventions.h - sentences that say how a plan is to be read.
 *
 * Plans state their reading rules in a preamble, a footnote, a table
 * header, or inside the first task's note, usually with 下同:
 *   first listed leads  排在第一位的部门为牵头部门 / 列第一位者为牵头单位 /
 *                       排在首位的为牵头部门 / 第一个单位为牵头单位 /
 *                       排名第一的部门牵头 / 列第一位的责任单位为牵头单位或汇总单位
 *                       / 涉及多个部门的，排在前面的为牵头部门
 *   standing unit       以下均需试点城市政府落实，不再列出 (试点城市政府, support,
 *                       in every task from here on) / 明确牵头部门的，其他有关部门
 *                       配合，不逐一列出 (其他有关部门, support, in tasks that
 *                       name a lead)
 *   marked leads        带★的为牵头单位 / 标*号的单位为牵头单位 / ▲为牵头部门
 * A rule sentence is cut out before units are read, so its words never
 * become units; the clauses that finish it (其他部门和单位按职责分工负责,
 * 下同) go with it. O(length of the sentence). */
#ifndef RG_CONVENTIONS_H
#define RG_CONVENTIONS_H

#include "reading.h"
#include "source.h"

typedef struct rg_rule {
  rg_conv_kind kind;
  char *unit; /* STANDING: the unit (malloc'd); MARKER: the mark (malloc'd); else NULL */
  rg_role role;
  int needs_lead;
} rg_rule;

/* Does clause hold a lead word (牵头, 主办, 主责, 负总责)? Both rules below
 * need one: 0 rules both out with one scan (most clauses of a plan). */
int rg_conv_names_lead(const char *clause);

/* Does clause (one clause: no , ; 。 at depth 0) state that the first unit
 * listed leads? 1 or 0. */
int rg_conv_is_first_leads(const char *clause);

/* Does clause state that marked units lead (带★的为牵头单位)? Returns the
 * mark's length in bytes and sets *mark to it, else 0. */
size_t rg_conv_marker(const char *clause, const char **mark);

/* Is clause the tail of a rule just stated: 下同, 以下同, 其他部门和单位按职责
 * 分工负责, 其余为配合单位? 1 or 0. */
int rg_conv_is_rule_tail(const char *clause);
/* The words whose absence from a clause makes rg_conv_names_lead and
 * rg_conv_is_rule_tail 0 (the lead words, the scope words, the words for
 * the other units): stored in out (at most max); their number, or -1 when
 * max is too small. */
int rg_conv_words(const char **out, int max);

/* Does the sentence (clauses joined by ',', no 。) state a standing unit
 * (…不再列出 / 不逐一列出 / 不一一列出)? Fills r (r->unit malloc'd). */
int rg_conv_standing(const char *sentence, rg_rule *r);

/* Scan a whole line or sentence for any rule (the first found): fills r and
 * returns 1. Used on lines outside tasks (preambles, footnotes, table title
 * and note rows). r->unit must be freed by the caller. */
int rg_conv_scan(const char *text, rg_rule *r);

/* Record the rule r stated as text (NFKC'd here) at line as a convention of
 * plan holding from task index from_task on, and count the rule sentence.
 * r->unit is copied; the caller still frees it. */
void rg_conv_record(rg_plan *plan, const char *text, const rg_rule *r, long line, int from_task);

/* The lines around task tables (a page's, a document's) and its title give
 * the document's level (洛阳市人民政府办公室关于…) and may state a reading rule
 * (注：排在第一位的为牵头单位), which then holds for every table. */
void rg_conv_around_tables(rg_plan *plan, const char *title, const rg_lines *lines);

/* A plan that names no lead anywhere and states no rule saying who leads
 * (every task has only 责任单位：X、Y) makes every listed unit responsible:
 * each link becomes a lead, and the reading records it
 * (RG_CONV_ALL_RESPONSIBLE), so `check` says which reading was taken. Does
 * nothing when some link already leads; safe to call twice. */
void rg_conv_all_responsible(rg_plan *plan);

/* The last way to the level, when no issuing body, title or document
 * number names one: the prefixes the plan's own unit names carry
 * (商务厅、省贸促会、省财政厅 … → provincial, prefix 省). text is the plan's
 * unit lists or its whole text; a prefix wins with at least 2 names and
 * twice as many as any other. Sets the level when still unknown; returns it. */
rg_level rg_reading_level_from_names(rg_plan *plan, const char *text, size_t len, long line);
/* The same over lines, without joining them (a name never spans a line). */
rg_level rg_reading_level_from_lines(rg_plan *plan, const rg_lines *lines, long line);

/* The same count, done in chunks of lines while a big plan is read: the
 * reader guesses the level from the first chunks, reads with it while
 * another thread counts the other chunks when it has nothing else to do,
 * and, at the end, reads again only when the whole count gives another
 * level. The answer is always the whole count's. */
typedef struct rg_level_count rg_level_count;
/* A count of lines (kept by the caller until it is freed); the chunks
 * holding the first guess_lines lines are the guess's, the others are
 * claimed by rg_level_count_step. */
rg_level_count *rg_level_count_new(const rg_lines *lines, int guess_lines);
/* Count the next chunk not claimed with counter who (0 or 1: one per
 * thread; the two may count at once, and counter 1 while counter 0
 * guesses); 0 when every chunk is claimed. */
int rg_level_count_step(rg_level_count *lc, int who);
/* Count the guess's chunks (counter 0) and set the level they give in the
 * reading, without where it came from. */
rg_level rg_level_count_guess(rg_plan *plan, rg_level_count *lc);
/* Every chunk counted (none in flight): 1 when the whole count gives the
 * level the reading holds (then where it came from is set too), 0 when it
 * gives another (nothing is set: the caller reads again, counting first).
 * Frees lc. */
int rg_level_count_settle(rg_plan *plan, rg_level_count *lc, long line);
/* Free a count not settled. */
void rg_level_count_free(rg_level_count *lc);

/* Set the plan's level (reading.h) from text (an issuing body, a title, a
 * document number: rg_vocab_level) when it is still unknown; returns it. */
rg_level rg_reading_set_level(rg_plan *plan, const char *text, long line);

#endif
