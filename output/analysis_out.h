/* analysis_out.h - the units, ties, clusters, overload and collectives
 * commands: their tables (the views rg_view_units... of schema.h) written
 * as text, CSV or JSON, with the figures that frame them.
 *
 * igraph-free: reads the plan (input/model/plan.h) and the analyzer's plain
 * results (analyzer/results.h). JSON outputs are objects that carry the
 * options that shaped the numbers (seed, weighting, weights, min_shared,
 * resolution) next to the rows; text and CSV carry only the rows (text adds
 * a note line when betweenness was approximated). Each function returns
 * RG_ESYS on a write error. All are O(rows + list items). */
#ifndef RG_ANALYSIS_OUT_H
#define RG_ANALYSIS_OUT_H

#include <stdio.h>

#include "plan.h"
#include "results.h"
#include "table.h"

rg_status rg_out_units(const rg_plan *plan, const rg_results *r, rg_format fmt, FILE *out,
                       rg_error *err);
rg_status rg_out_ties(const rg_plan *plan, const rg_results *r, rg_format fmt, FILE *out,
                      rg_error *err);
/* JSON: {"modularity", "seed", "resolution", "weighting", "clusters": [...]}. */
rg_status rg_out_clusters(const rg_plan *plan, const rg_results *r, rg_format fmt, FILE *out,
                          rg_error *err);
/* JSON: {"fence", "q1", "q3", "iqr", "mean", "sd", "seed", ..., "units": [...]};
 * text: a fence line, then the table. */
rg_status rg_out_overload(const rg_plan *plan, const rg_results *r, rg_format fmt, FILE *out,
                          rg_error *err);
rg_status rg_out_collectives(const rg_plan *plan, rg_format fmt, FILE *out, rg_error *err);

#endif
