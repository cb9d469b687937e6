/* plan_out.h - tables of the plan itself: tasks (parse), links (edges) and
 * diagnostics (check). Used by the CLI and by the report, so both print the
 * same columns. The caller frees the table with rg_table_free(). O(links). */
#ifndef RG_PLAN_OUT_H
#define RG_PLAN_OUT_H

#include "plan.h"
#include "table.h"

/* task,ordinal,chapter,section,leads,supports,open_list,deadline,line,text */
rg_table *rg_tasks_table(const rg_plan *plan);
/* task,role,unit,kind,chapter,line: one row per link, tasks in plan order,
 * leads first. Reads back into respgraph as a long-form CSV plan. */
rg_table *rg_edges_table(const rg_plan *plan);
/* file,line,severity,code,message, sorted by line (stable). */
rg_table *rg_diags_table(const rg_plan *plan);
/* Diagnostic indices sorted by line, stable; free() the array. */
int *rg_diags_by_line(const rg_plan *plan);

/* How the plan was read (plan->reading, reading.h), one row per item:
 * item,line,text. Items, in order: format (format and encoding), level (the
 * document's level and the text it comes from), convention (each rule the
 * plan states, with the line that states it and the tasks it holds for),
 * header (each table header and its meaning), prose (when units were read
 * from sentences), read (counts of tasks, links and names kept out).
 * `check` prints it before the diagnostics; the report's 诊断 section and
 * sheet show the same rows. line is 0 when the item has no line. */
rg_table *rg_reading_table(const rg_plan *plan);

/* How each name of one task was read (check --explain TASK), one row per
 * name in the order read: name,unit,kind,role,how,rule,line. how is unit,
 * suspect, person or standing; rule says which rule gave the role or kept
 * the name out. Needs a plan loaded with rg_load_opts.record; task is an
 * index. */
rg_table *rg_explain_table(const rg_plan *plan, int task);

/* The index of the task whose id or printed number is id, or -1. */
int rg_task_lookup(const rg_plan *plan, const char *id);

#endif
