/* plan_out.h - the tables of the plan itself: tasks (parse), links (edges)
 * and diagnostics (check), the views rg_view_tasks, rg_view_edges and
 * rg_view_diags of schema.h. O(links). */
#ifndef RG_PLAN_OUT_H
#define RG_PLAN_OUT_H

#include <stdio.h>

#include "plan.h"
#include "table.h"

/* Write view v (a plan-only view of schema.h) of plan in fmt. */
rg_status rg_out_plan_table(const rg_plan *plan, const rg_view *v, rg_format fmt, FILE *out,
                            rg_error *err);

/* `respgraph check` as text: FILE:LINE: severity: message [code], by line. */
rg_status rg_out_check(const rg_plan *plan, FILE *out, rg_error *err);

#endif
