/* merge.h - several plans as one: the consolidated plan of a run given
 * several plan files (respgraph units a.docx b.html ...).
 *
 * The consolidated plan is an ordinary rg_plan, so every analysis and writer
 * works on it unchanged:
 *   - its path is the labels joined by "+" (gzbg+msss: messages and the
 *     report's default folder name it); its reading says each plan's format
 *     and level, and the level they share (unknown when they differ);
 *   - task ids are "LABEL:ID" (gzbg:12), LABEL the plan's label (the file
 *     name without folder and extension); task.source is the plan's index in
 *     plan->sources; chapters are "LABEL:一";
 *   - units are interned by canonical name, so a unit every plan names (each
 *     reader has already canonicalised it) is one unit;
 *   - every source place becomes a location "LABEL:LINE" (rg_plan_loc), so a
 *     link or a diagnostic still says which file and line it came from;
 *   - a task of a later plan whose text is at least `threshold` similar
 *     (similar.h, character-bigram Jaccard) to a task of an earlier plan is a
 *     duplicate: it is not added; its units are linked to the earlier task
 *     (a unit the earlier task already has keeps its role there), and
 *     plan->dups records it with its score. The earliest plan's task with the
 *     highest score wins (ties: the earlier task).
 *
 * Ownership: the result copies every string; the plans may be freed after.
 * Cost: O(T_i x T_j) similarity tests between plans (each O(text)), plus
 * linear in tasks, units and links. */
#ifndef RG_MERGE_H
#define RG_MERGE_H

#include "plan.h"

/* The consolidated plan of plans[0..n) (finalised), labelled labels[i]
 * (distinct). Never NULL. */
rg_plan *rg_plan_merge(rg_plan *const *plans, const char *const *labels, int n, double threshold);

/* The label of a plan read from path: the file name without its folder and
 * its last extension ("data/2026-gzbg.docx" -> "2026-gzbg"; "-" -> "stdin").
 * malloc'd. */
char *rg_plan_label(const char *path);

/* Labels for paths[0..n): rg_plan_label, a repeated one getting "#2", "#3"
 * (a.txt, x/a.txt -> a, a#2). malloc'd array of n malloc'd strings. */
char **rg_plan_labels(const char *const *paths, int n);
void rg_plan_labels_free(char **labels, int n);

#endif
