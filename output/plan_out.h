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

#endif
