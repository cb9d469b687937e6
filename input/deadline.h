/* deadline.h - 完成时限 and the deadline phrases of a task's text as dates.
 *
 * A phrase such as 2026年6月底前, 上半年, 三季度末, 年底前, 2026—2027年,
 * 持续推进 or 每季度 becomes an rg_due (plan.h): an inclusive interval of
 * day numbers (calendar.h) and a kind. Phrases without a year (6月底前,
 * 年底前) take the plan's year. A phrase that names no date respgraph reads
 * is never guessed at: it is RG_DUE_UNREAD and `check` says so
 * ([deadline] warning). The rules, each with an example, are in NOTES.md
 * "Deadlines"; tests/input/test_deadline.c has one test per rule.
 *
 * Everything here is linear in the length of the phrase and allocates only
 * the NFKC copy it reads. */
#ifndef RG_DEADLINE_H
#define RG_DEADLINE_H

#include "plan.h"

/* Read phrase with the plan's year (0: unknown) into *due. text: 1 when the
 * phrase is a task's text rather than a 完成时限, so only explicit "by"
 * forms count (2019年6月底前, 年底前, 3月31日前; not 持续推进, which is a
 * verb in a sentence, nor a bare year, which is a target: 到2025年). Returns
 * 1 when read; 0 when not, with *why (a static English reason) set, and
 * due->kind RG_DUE_UNREAD (RG_DUE_NONE for text that names no deadline). */
int rg_due_parse(const char *phrase, int year, int text, rg_due *due, const char **why);

/* The plan's year from its title, then its date, then its document number
 * (2026年政府工作报告…, 2026年1月25日, 沈政发〔2026〕1号); 0 when none names
 * one. *from (may be NULL) gets "title", "date" or "document number". */
int rg_plan_year_of(const rg_plan *plan, const char **from);

/* Read every task's deadline into task->due: the 完成时限 when the task has
 * one, else the "by" phrases of its text. year > 0 overrides the plan's own
 * (--year). Sets plan->year and plan->year_from. A 完成时限 that is not
 * read gets a [deadline] warning on the task's line. O(total text). */
void rg_plan_read_deadlines(rg_plan *plan, int year);
/* The same, the tasks' texts screened on up to threads threads (a big
 * plan): the same result. */
void rg_plan_read_deadlines_threads(rg_plan *plan, int year, int threads);

#endif
