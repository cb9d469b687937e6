/* plans_out.h - the tables of several plans: load by plan and the tasks
 * found in two plans (a consolidated run), compare and trend. Built tables
 * (table.h), so every writer renders them: text, CSV, JSON, the report.
 *
 * igraph-free: reads the plan model and analyzer/plans.h. */
#ifndef RG_PLANS_OUT_H
#define RG_PLANS_OUT_H

#include <stdio.h>

#include "plan.h"
#include "plans.h"
#include "table.h"

/* The label of plan source s of plan (its file label when the plan was read
 * from one file). Into buf, or a plan string. */
const char *rg_source_label(const rg_plan *plan, int s, char *buf, size_t size);

/* load-by-plan: unit, plan, led, supported, load (rows of rg_load_by_plan). */
rg_table *rg_load_by_plan_table(const rg_plan *plan, const rg_unit_plan_load *rows, int n);
/* duplicates: task (kept), plan and copy (the copy's plan and id), score, text. */
rg_table *rg_duplicates_table(const rg_plan *plan);

/* compare: units (unit, old_load, new_load, delta_load, old_rank, new_rank,
 * ties_gained, ties_lost), renamed (old, new, kind given|suggested, score,
 * name_score, task_score), carried (old_task, new_task, score, text),
 * new_tasks and dropped_tasks (task, text). */
rg_table *rg_compare_units_table(const rg_compare *c);
rg_table *rg_compare_renamed_table(const rg_compare *c);
rg_table *rg_compare_carried_table(const rg_plan *old, const rg_plan *nw, const rg_compare *c);
rg_table *rg_compare_tasks_table(const rg_plan *plan, const int *tasks, int n);

/* Write the comparison: JSON {old, new, renamed[], added[], removed[],
 * carried[], new_tasks[], dropped_tasks[], units[]}; CSV the units table;
 * text a summary, the units table (shaped by o) and the renamed, new and
 * dropped tasks. */
rg_status rg_compare_write(const rg_plan *old, const rg_plan *nw, const rg_compare *c,
                           rg_format fmt, const rg_table_opts *o, FILE *out, rg_error *err);

/* trend: unit, one load column per plan (its label), over (k), over_in
 * (labels of the plans where it is over the fence). labels: n_plans. */
rg_table *rg_trend_table(const rg_trend *t, const char *const *labels);
/* JSON {plans[], fences[], units[]}; CSV and text the table (text after a
 * line with each plan's fence). */
rg_status rg_trend_write(const rg_trend *t, const char *const *labels, rg_format fmt,
                         const rg_table_opts *o, FILE *out, rg_error *err);

#endif
