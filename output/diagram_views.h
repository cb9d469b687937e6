/* diagram_views.h - private to diagram*.c: builds one view as a cgraph graph.
 *
 * diagram.c resolves the options, owns the Graphviz context and the error
 * collection, and renders; diagram_views.c turns plan + results into an
 * Agraph_t with every attribute set through agsafeset (never DOT text). */
#ifndef RG_DIAGRAM_VIEWS_H
#define RG_DIAGRAM_VIEWS_H

#include <graphviz/cgraph.h>

#include "diagram.h"

typedef enum {
  RG_VIEW_COLLAB = 0,
  RG_VIEW_EGO = 1,
  RG_VIEW_CLUSTER = 2,
  RG_VIEW_CHAPTER = 3,
  RG_VIEW_CLUSTERS = 4,
} rg_view_kind;

typedef struct rg_diagram_ctx {
  const rg_plan *plan;
  const rg_results *res; /* may be NULL for the chapter view */
  rg_view_kind kind;
  int arg;            /* ego: plan unit; cluster: index into res->clusters; chapter: index */
  const char *font;   /* family actually used */
  const char *engine; /* resolved engine; NULL until the view picks its default */
  const char *format; /* "svg", "png", "pdf" or "dot" */
  int min_shared;     /* as requested (<= 0: auto) */
  unsigned long seed;
  int en; /* 1: English legend */
  int width_px;
  char **label; /* per plan unit: short name (or full name on collision), malloc'd */
} rg_diagram_ctx;

/* Parse opts->view into ctx->kind and ctx->arg. RG_EUSAGE on an unknown view,
 * unit, cluster or chapter, or when the view needs results and res is NULL. */
rg_status rg_diagram_resolve_view(rg_diagram_ctx *ctx, const char *view, rg_error *err);

/* Fill ctx->label for every plan unit (short names, collisions resolved to
 * full names). Free with rg_diagram_labels_free. O(units log units). */
void rg_diagram_labels_make(rg_diagram_ctx *ctx);
void rg_diagram_labels_free(rg_diagram_ctx *ctx);

/* Build the view. Sets ctx->engine when it was NULL. Returns a graph the
 * caller closes with agclose(), or NULL (never, short of a Graphviz bug). */
Agraph_t *rg_diagram_build(rg_diagram_ctx *ctx);

/* The tie threshold a collab/clusters view uses: the requested one, or with
 * min_shared <= 0 the smallest m >= 1 that leaves at most
 * RG_DIAGRAM_TIES_PER_UNIT ties per drawn unit. */
int rg_diagram_effective_min_shared(const rg_diagram_ctx *ctx);

#define RG_DIAGRAM_TIES_PER_UNIT 2
/* The clusters view draws units only up to this many. */
#define RG_DIAGRAM_MAX_CLUSTER_UNITS 300

/* Lay out g with engine and render it as format ("svg", "png", "pdf", or
 * "dot" for the graph before layout, which is still laid out to make
 * Graphviz parse every label). Every Graphviz error (including an HTML
 * label Graphviz could not parse and would replace by the node name) makes
 * this fail with RG_ESYS and the message; warnings go to stderr unless
 * quiet. *data is malloc'd (NUL-terminated), the caller frees it. g is not
 * closed. */
rg_status rg_diagram_graph_render(Agraph_t *g, const char *engine, const char *format, int quiet,
                                  char **data, size_t *len, rg_error *err);

#endif
