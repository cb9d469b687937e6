/* diagram.h - coordination diagrams drawn with Graphviz (cgraph + gvc).
 *
 * Views (opts.view):
 *   "collab"       the unit co-ownership network: node area ~ load, fill =
 *                  cluster, overloaded units outlined red, edge width ~
 *                  shared tasks; ties with fewer than min_shared shared tasks
 *                  hidden (stated in the legend).
 *   "ego=UNIT"     one unit, its partners and the tasks they share; lead links
 *                  solid and bold, support links dashed. UNIT is a canonical
 *                  name, an alias, or the short label (rg_unit_lookup, names.h).
 *   "cluster=N"    one cluster (rg_cluster.id, 0-based as in results.h) with
 *                  its units and the tasks inside it.
 *   "chapter=N"    one chapter's tasks grouped by section, and their units,
 *                  left to right. N is 1-based (一 = 1) or the printed number.
 *   "clusters"     every cluster as a Graphviz cluster subgraph, ties between
 *                  clusters summarised as one edge per cluster pair (the
 *                  number of tasks involving both); above 300 units only the
 *                  cluster summaries are drawn.
 *
 * Engines (opts.engine overrides): collab and cluster=N neato (sfdp above
 * 300 nodes), ego and chapter dot, clusters fdp; neato/fdp/sfdp get
 * start=<seed>.
 *
 * Output: the format is "svg", "png", "pdf" or "dot" (rg_diagram_render takes
 * it from the file extension, ".gv" also meaning dot). "dot" is the graph as
 * built, before layout, with its layout engine in the graph attribute
 * "layout", so `dot -Tsvg file.dot` reproduces the picture.
 *
 * In SVG every unit node has id "u<plan unit index>" and class "unit", every
 * task node id "t<plan task index>" and class "task"; a unit's tooltip
 * (<title>/xlink:title) is its full canonical name.
 *
 * Every string from the plan is data: labels are HTML-like labels whose text
 * is XML-escaped, so quotes, backslashes, <>&, newlines and "\N"-style
 * escapes are drawn literally and cannot inject markup. Graphviz errors and
 * warnings are collected and returned as an rg_error (RG_ESYS), never
 * ignored. Output is deterministic: same input and options, same bytes
 * (SVG, PNG, DOT, and PDF, whose creation date cairo would set to "now" is
 * rewritten to rg_stamp_epoch(), stamp.h) from run to run. Within
 * one process every view but "clusters" also repeats byte for byte; fdp's
 * layout depends on heap addresses, so a later "clusters" render in the
 * same process may differ from the first.
 *
 * The whole module is not thread-safe (Graphviz keeps global state). */
#ifndef RG_DIAGRAM_H
#define RG_DIAGRAM_H

#include <stddef.h>

#include "error.h"
#include "plan.h"
#include "results.h"

typedef struct rg_diagram_opts {
  const char *view;   /* see above; NULL = "collab" */
  const char *engine; /* dot, neato, fdp, sfdp, circo, twopi, osage; NULL = per view */
  const char *font;   /* font family; NULL = RG_DIAGRAM_DEFAULT_FONT */
  int min_shared;     /* collab/clusters: hide ties below this; <= 0 = RG_DIAGRAM_AUTO */
  unsigned long seed; /* start=<seed> for neato/fdp/sfdp; 0 = RG_DEFAULT_SEED */
  const char *lang;   /* legend language: "zh" (default) or "en" */
  int width_px;       /* png: target width in pixels; <= 0 = 1920 */
  int quiet;          /* 1: print no font or Graphviz warning to stderr */
} rg_diagram_opts;

#define RG_DIAGRAM_DEFAULT_FONT "WenQuanYi Micro Hei"
#define RG_DIAGRAM_AUTO 0

/* Fill opts with the defaults above (view "collab"). */
void rg_diagram_opts_init(rg_diagram_opts *opts);

/* Render the view to out_path; the format comes from its extension (.svg,
 * .png, .pdf, .dot/.gv; anything else is RG_EUSAGE). Unknown view, unit,
 * cluster, chapter or engine: RG_EUSAGE. Graphviz or I/O failure: RG_ESYS.
 * results may be NULL only for views that need none ("chapter=N"). */
rg_status rg_diagram_render(const rg_plan *plan, const rg_results *results,
                            const rg_diagram_opts *opts, const char *out_path, rg_error *err);

/* Same, into memory: *data (NUL-terminated for convenience, len bytes not
 * counting the NUL) is malloc'd and freed by the caller with free(). On
 * failure *data is NULL and *len 0. format is "svg", "png", "pdf" or "dot". */
rg_status rg_diagram_render_mem(const rg_plan *plan, const rg_results *results,
                                const rg_diagram_opts *opts, const char *format, char **data,
                                size_t *len, rg_error *err);

/* The format for a file name from its extension, or NULL if unsupported. */
const char *rg_diagram_format_of(const char *path);

/* 1 when fontconfig has a font of this family that covers zh-cn, else 0;
 * *matched (if not NULL) receives the family fontconfig would substitute
 * (malloc'd, caller frees, NULL when none covers Chinese). */
int rg_diagram_font_check(const char *family, char **matched);

#endif
