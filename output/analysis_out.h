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

/* How one command frames its table; one object per command. */
typedef struct rg_out_frame rg_out_frame;

extern const rg_out_frame rg_frame_units; /* the units view */
extern const rg_out_frame rg_frame_ties;  /* the ties view */
/* JSON: {"modularity", "seed", "resolution", "weighting", ..., "clusters": [...]};
 * text: a modularity line, then the table. */
extern const rg_out_frame rg_frame_clusters;
/* JSON: {"fence", "q1", "q3", "iqr", "mean", "sd", "seed", ..., "units": [...]};
 * text: a fence line, then the table. */
extern const rg_out_frame rg_frame_overload;
/* Collectives and generics; needs no results (r NULL). */
extern const rg_out_frame rg_frame_collectives;

/* What the command line asks of a table: its shape (--top, --sort,
 * --columns, --wide) and the unit whose rows to keep (--unit; -1 all). */
typedef struct rg_out_opts {
  rg_table_opts table;
  int only_unit;
  int backbone; /* ties: only the backbone (ties --backbone) */
} rg_out_opts;

/* Write frame f's table of plan and results r in fmt, as o asks (NULL:
 * every row, rg_table_opts_default). RG_EUSAGE for a column o names that
 * the table lacks. */
rg_status rg_out_write(const rg_out_frame *f, const rg_plan *plan, const rg_results *r,
                       rg_format fmt, const rg_out_opts *o, FILE *out, rg_error *err);

#endif
