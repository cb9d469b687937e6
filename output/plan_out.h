/* plan_out.h - the tables of the plan itself: tasks (parse), links (edges),
 * diagnostics and how the plan was read (check), the views rg_view_tasks,
 * rg_view_edges, rg_view_diags, rg_view_reading and rg_view_explain of
 * schema.h. O(links). */
#ifndef RG_PLAN_OUT_H
#define RG_PLAN_OUT_H

#include <stdio.h>

#include "plan.h"
#include "table.h"

/* Write view v (a plan-only view of schema.h) of plan in fmt, shaped by o
 * (--top, --sort, --columns, --wide; NULL: rg_table_opts_default). */
rg_status rg_out_plan_table(const rg_plan *plan, const rg_view *v, rg_format fmt,
                            const rg_table_opts *o, FILE *out, rg_error *err);

/* Write view v of src (any view: `parse --as-of` passes src.tl, `load` the
 * timeline and results) in fmt, shaped by o (NULL: the default). */
rg_status rg_out_view_table(const rg_view *v, const rg_table_src *src, rg_format fmt,
                            const rg_table_opts *o, FILE *out, rg_error *err);

/* `respgraph check` as text: how the plan was read (rg_view_reading), then
 * FILE:LINE: severity: message [code], by line. */
rg_status rg_out_check(const rg_plan *plan, FILE *out, rg_error *err);

/* check --explain TASK: how each name of task (an index) was read, as
 * rg_view_explain, after the task's place and text when fmt is a table.
 * Needs a plan loaded with rg_load_opts.record. */
rg_status rg_out_explain(const rg_plan *plan, int task, rg_format fmt, FILE *out, rg_error *err);

#endif
