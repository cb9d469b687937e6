/* analysis_out.h - tables and JSON for the units, ties, clusters, overload and collectives
 * commands.
 *
 * igraph-free: reads the plan (input/plan.h) and the analyzer's plain results
 * (analyzer/results.h). Every output goes through rg_table (CSV via libcsv,
 * JSON via jansson). JSON outputs are objects that carry the options that
 * shaped the numbers (seed, weighting, weights, min_shared, resolution) next
 * to the rows; text and CSV carry only the rows (text adds a note line when
 * betweenness was approximated).
 *
 * The _table functions return a new table (caller frees with rg_table_free)
 * so HTML/XLSX writers can reuse the exact same columns; the rg_out_
 * functions build and write in one go and return RG_ESYS on a write error.
 * All are O(rows + list items). */
#ifndef RG_ANALYSIS_OUT_H
#define RG_ANALYSIS_OUT_H

#include <stdio.h>

#include "plan.h"
#include "results.h"
#include "table.h"

/* One row per concrete unit in results order (load desc, name asc). Columns:
 * unit,kind,led,supported,load,partners,strength,betweenness,harmonic,
 * eigenvector,pagerank,constraint,coreness,cluster,overloaded,fractional,
 * share,chapters,burden,zscore,rank,participation,top_chapters
 * (constraint is nan/null for a unit without ties; cluster -1 = none). */
rg_table *rg_units_table(const rg_plan *plan, const rg_results *r);
/* unit_a,unit_b,weight,tasks,shared; tasks = task numbers as printed. */
rg_table *rg_ties_table(const rg_plan *plan, const rg_results *r);
/* id,size,units,tasks,crossing_tasks,bridges (lists; tasks as numbers). */
rg_table *rg_clusters_table(const rg_plan *plan, const rg_results *r);
/* Flagged units: unit,load,zscore,rank,reason,top_chapters,fence,q1,q3,iqr. */
rg_table *rg_overload_table(const rg_plan *plan, const rg_results *r);
/* Collectives and generics: name,kind,n_tasks,tasks; by n_tasks desc, name. */
rg_table *rg_collectives_table(const rg_plan *plan);

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
