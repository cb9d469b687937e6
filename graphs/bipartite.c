/* bipartite.c - plan -> igraph bipartite graph and concrete-unit projection with evidence. */
#include "bipartite.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

static rg_status igraph_failed(rg_error *err, igraph_error_t rc, const char *what) {
  return rg_error_set(err, RG_ESYS, NULL, 0, 0, "%s: igraph: %s", what, igraph_strerror(rc));
}

static rg_status not_finalized(rg_error *err) {
  return rg_error_set(err, RG_ESYS, NULL, 0, 0, "internal: plan is not finalised");
}

/* ---------------------------------------------------------------- bigraph */

static igraph_error_t bigraph_make(const rg_plan *plan, rg_bigraph *g) {
  igraph_integer_t nv = (igraph_integer_t)plan->n_units + plan->n_tasks;
  igraph_vector_int_t edges;
  IGRAPH_VECTOR_INT_INIT_FINALLY(&edges, 2 * (igraph_integer_t)plan->n_links);
  IGRAPH_CHECK(igraph_vector_bool_init(&g->types, nv));
  IGRAPH_FINALLY(igraph_vector_bool_destroy, &g->types);
  IGRAPH_CHECK(igraph_vector_int_init(&g->index, nv));
  IGRAPH_FINALLY(igraph_vector_int_destroy, &g->index);
  IGRAPH_CHECK(igraph_vector_int_init(&g->role, plan->n_links));
  IGRAPH_FINALLY(igraph_vector_int_destroy, &g->role);
  IGRAPH_CHECK(igraph_vector_int_init(&g->link, plan->n_links));
  IGRAPH_FINALLY(igraph_vector_int_destroy, &g->link);

  for (int u = 0; u < plan->n_units; u++) {
    VECTOR(g->types)[u] = 0;
    VECTOR(g->index)[u] = u;
  }
  for (int t = 0; t < plan->n_tasks; t++) {
    VECTOR(g->types)[plan->n_units + t] = 1;
    VECTOR(g->index)[plan->n_units + t] = t;
  }
  /* edges in task_links order: by task, leads first */
  for (int e = 0; e < plan->n_links; e++) {
    const rg_link *k = &plan->links[plan->task_links[e]];
    VECTOR(edges)[2 * e] = k->unit;
    VECTOR(edges)[2 * e + 1] = (igraph_integer_t)plan->n_units + k->task;
    VECTOR(g->role)[e] = (igraph_integer_t)k->role;
    VECTOR(g->link)[e] = plan->task_links[e];
  }
  IGRAPH_CHECK(igraph_create(&g->graph, &edges, nv, IGRAPH_UNDIRECTED));
  igraph_vector_int_destroy(&edges);
  IGRAPH_FINALLY_CLEAN(5);
  return IGRAPH_SUCCESS;
}

rg_status rg_bigraph_build(const rg_plan *plan, rg_bigraph *g, rg_error *err) {
  memset(g, 0, sizeof *g);
  if (!plan->finalized) return not_finalized(err);
  g->n_units = plan->n_units;
  g->n_tasks = plan->n_tasks;
  igraph_error_t rc = bigraph_make(plan, g);
  g->built_ = rc == IGRAPH_SUCCESS;
  if (g->built_) return RG_OK;
  memset(g, 0, sizeof *g); /* the igraph error handler freed what was made */
  return igraph_failed(err, rc, "bipartite graph");
}

void rg_bigraph_destroy(rg_bigraph *g) {
  if (!g || !g->built_) return;
  igraph_destroy(&g->graph);
  igraph_vector_bool_destroy(&g->types);
  igraph_vector_int_destroy(&g->index);
  igraph_vector_int_destroy(&g->role);
  igraph_vector_int_destroy(&g->link);
  memset(g, 0, sizeof *g);
}

/* ------------------------------------------------------------- projection */

/* The unit and task of edge e of the bipartite graph (units come first). */
static void bigraph_edge(const rg_bigraph *g, igraph_integer_t e, int *unit, int *task) {
  igraph_integer_t a = IGRAPH_FROM(&g->graph, e), b = IGRAPH_TO(&g->graph, e);
  if (a > b) {
    igraph_integer_t x = a;
    a = b;
    b = x;
  }
  *unit = (int)a;
  *task = (int)(b - g->n_units);
}

/* The concrete part of the bipartite graph into bg and types: concrete
 * units 0..n-1, then tasks; its edges in the bipartite graph's order. On
 * success the caller owns bg and types. */
static igraph_error_t concrete_part(const rg_plan *plan, const rg_bigraph *g,
                                    const rg_projection *p, const unsigned char *skip, igraph_t *bg,
                                    igraph_vector_bool_t *types) {
  int n = p->n;
  igraph_integer_t nv = (igraph_integer_t)n + plan->n_tasks;
  igraph_vector_int_t edges;
  IGRAPH_VECTOR_INT_INIT_FINALLY(&edges, 0);
  IGRAPH_CHECK(igraph_vector_int_reserve(&edges, 2 * (igraph_integer_t)p->n_concrete_links));
  IGRAPH_CHECK(igraph_vector_bool_init(types, nv));
  IGRAPH_FINALLY(igraph_vector_bool_destroy, types);
  for (igraph_integer_t v = n; v < nv; v++)
    VECTOR(*types)[v] = 1;
  for (igraph_integer_t e = 0; e < igraph_ecount(&g->graph); e++) {
    int unit, task;
    bigraph_edge(g, e, &unit, &task);
    int v = p->vertex_of_unit[unit];
    if (v < 0 || (skip && skip[task])) continue;
    IGRAPH_CHECK(igraph_vector_int_push_back(&edges, v));
    IGRAPH_CHECK(igraph_vector_int_push_back(&edges, (igraph_integer_t)n + task));
  }
  IGRAPH_CHECK(igraph_create(bg, &edges, nv, IGRAPH_UNDIRECTED));
  igraph_vector_int_destroy(&edges);
  IGRAPH_FINALLY_CLEAN(2);
  return IGRAPH_SUCCESS;
}

/* Evidence: every pair of concrete units of every task, checked against
 * igraph's multiplicity, without an edge lookup per pair. Three counting
 * passes over plain arrays:
 *  - each vertex's tasks (vtasks), ascending because tasks are visited in order;
 *  - each vertex's upper neighbours (higher vertex id) with the edge id;
 *  - for each vertex u: mark its upper neighbours' edge ids (stamp u), walk
 *    its tasks in order and file the task under (u, w) for every other member
 *    w > u. Each pair is seen from its lower end only, so every edge's tasks
 *    come out ascending, as the projection order promises.
 * O(links + edges + evidence) time; temporary memory 4 bytes per concrete
 * link, 8 per edge (upper lists) and 20 per vertex, besides fill (4 per edge).
 * Raises no igraph error (so the finally stack is the caller's to unwind):
 * IGRAPH_EOVERFLOW beyond 2^31 task pairs, IGRAPH_EINTERNAL when
 * multiplicity and evidence disagree. */
static igraph_error_t evidence(const rg_plan *plan, const unsigned char *skip, rg_projection *p) {
  igraph_integer_t ne = igraph_ecount(&p->graph);
  int n = p->n;
  p->ev_begin = rg_xcalloc((size_t)ne + 1, sizeof *p->ev_begin);
  size_t total = 0;
  for (igraph_integer_t e = 0; e < ne; e++) {
    p->ev_begin[e] = total <= (size_t)INT_MAX ? (int)total : INT_MAX;
    total += (size_t)VECTOR(p->shared)[e];
  }
  if (total > (size_t)INT_MAX) return IGRAPH_EOVERFLOW; /* evidence indices are int */
  p->ev_begin[ne] = (int)total;
  p->ev_tasks = rg_xmalloc((total + 1) * sizeof *p->ev_tasks);

  /* tasks of each vertex, ascending */
  int *vt_begin = rg_xcalloc((size_t)n + 2, sizeof *vt_begin);
  for (int t = 0; t < plan->n_tasks; t++) {
    if (skip && skip[t]) continue;
    const rg_task *task = &plan->tasks[t];
    for (int j = 0; j < task->link_count; j++) {
      int v = p->vertex_of_unit[plan->links[plan->task_links[task->link_begin + j]].unit];
      if (v >= 0) vt_begin[v + 1]++;
    }
  }
  for (int v = 0; v < n; v++)
    vt_begin[v + 1] += vt_begin[v];
  int *vtasks = rg_xmalloc(((size_t)vt_begin[n] + 1) * sizeof *vtasks);
  int *pos = rg_xcalloc((size_t)n + 1, sizeof *pos);
  for (int t = 0; t < plan->n_tasks; t++) {
    if (skip && skip[t]) continue;
    const rg_task *task = &plan->tasks[t];
    for (int j = 0; j < task->link_count; j++) {
      int v = p->vertex_of_unit[plan->links[plan->task_links[task->link_begin + j]].unit];
      if (v >= 0) vtasks[vt_begin[v] + pos[v]++] = t;
    }
  }

  /* upper neighbours of each vertex, with the edge id */
  int *up_begin = rg_xcalloc((size_t)n + 2, sizeof *up_begin);
  for (igraph_integer_t e = 0; e < ne; e++) {
    igraph_integer_t a = IGRAPH_FROM(&p->graph, e), b = IGRAPH_TO(&p->graph, e);
    up_begin[(a < b ? a : b) + 1]++;
  }
  for (int v = 0; v < n; v++)
    up_begin[v + 1] += up_begin[v];
  int *up_nbr = rg_xmalloc(((size_t)ne + 1) * sizeof *up_nbr);
  int *up_edge = rg_xmalloc(((size_t)ne + 1) * sizeof *up_edge);
  memset(pos, 0, ((size_t)n + 1) * sizeof *pos);
  for (igraph_integer_t e = 0; e < ne; e++) {
    igraph_integer_t a = IGRAPH_FROM(&p->graph, e), b = IGRAPH_TO(&p->graph, e);
    int lo = (int)(a < b ? a : b), hi = (int)(a < b ? b : a);
    up_nbr[up_begin[lo] + pos[lo]] = hi;
    up_edge[up_begin[lo] + pos[lo]++] = (int)e;
  }

  int *stamp = rg_xmalloc(((size_t)n + 1) * sizeof *stamp);
  int *eid_of = rg_xmalloc(((size_t)n + 1) * sizeof *eid_of);
  for (int v = 0; v < n; v++)
    stamp[v] = -1;
  int *fill = rg_xcalloc((size_t)ne + 1, sizeof *fill);
  igraph_error_t rc = IGRAPH_SUCCESS;
  for (int u = 0; u < n && rc == IGRAPH_SUCCESS; u++) {
    for (int j = up_begin[u]; j < up_begin[u + 1]; j++) {
      stamp[up_nbr[j]] = u;
      eid_of[up_nbr[j]] = up_edge[j];
    }
    for (int i = vt_begin[u]; i < vt_begin[u + 1] && rc == IGRAPH_SUCCESS; i++) {
      int t = vtasks[i];
      const rg_task *task = &plan->tasks[t];
      for (int j = 0; j < task->link_count; j++) {
        int w = p->vertex_of_unit[plan->links[plan->task_links[task->link_begin + j]].unit];
        if (w <= u) continue; /* not concrete, u itself, or seen from w's side */
        int eid = stamp[w] == u ? eid_of[w] : -1;
        if (eid < 0 || fill[eid] >= VECTOR(p->shared)[eid]) {
          rc = IGRAPH_EINTERNAL; /* multiplicity and evidence disagree */
          break;
        }
        p->ev_tasks[p->ev_begin[eid] + fill[eid]++] = t;
      }
    }
  }
  for (igraph_integer_t e = 0; e < ne && rc == IGRAPH_SUCCESS; e++)
    if (fill[e] != VECTOR(p->shared)[e]) rc = IGRAPH_EINTERNAL;
  free(fill);
  free(stamp);
  free(eid_of);
  free(up_begin);
  free(up_nbr);
  free(up_edge);
  free(pos);
  free(vt_begin);
  free(vtasks);
  return rc;
}

/* The concrete part of the bipartite graph projected onto the units with
 * igraph (proj1 holds the type-false vertices, the units, in vertex
 * order), with the evidence of every tie. */
static igraph_error_t projection_make(const rg_plan *plan, const rg_bigraph *g,
                                      const unsigned char *skip, rg_projection *p) {
  /* When every unit is concrete and no task is skipped, the concrete part
   * would be g itself (same vertices, same edges in the same order, same
   * types), so it is projected directly: one igraph graph fewer to build. */
  int whole = !skip && p->n == plan->n_units;
  igraph_t bg;
  igraph_vector_bool_t types;
  const igraph_t *src = &g->graph;
  const igraph_vector_bool_t *src_types = &g->types;
  if (!whole) {
    IGRAPH_CHECK(concrete_part(plan, g, p, skip, &bg, &types));
    IGRAPH_FINALLY(igraph_vector_bool_destroy, &types);
    IGRAPH_FINALLY(igraph_destroy, &bg);
    src = &bg;
    src_types = &types;
  }
  IGRAPH_CHECK(igraph_vector_int_init(&p->shared, 0));
  IGRAPH_FINALLY(igraph_vector_int_destroy, &p->shared);
  IGRAPH_CHECK(igraph_bipartite_projection(src, src_types, &p->graph, NULL, &p->shared, NULL, -1));
  IGRAPH_FINALLY(igraph_destroy, &p->graph);
  igraph_error_t rc = evidence(plan, skip, p);
  if (rc != IGRAPH_SUCCESS) { /* our own error: no igraph handler ran, so unwind here */
    igraph_destroy(&p->graph);
    igraph_vector_int_destroy(&p->shared);
  }
  if (!whole) {
    igraph_destroy(&bg);
    igraph_vector_bool_destroy(&types);
  }
  IGRAPH_FINALLY_CLEAN(whole ? 2 : 4);
  return rc;
}

/* Free the projection's own arrays and zero it (the igraph objects are the
 * caller's concern). */
static void free_arrays(rg_projection *p) {
  free(p->vertex_of_unit);
  free(p->unit_of_vertex);
  free(p->task_k);
  free(p->ev_begin);
  free(p->ev_tasks);
  memset(p, 0, sizeof *p);
}

rg_status rg_projection_build(const rg_plan *plan, const rg_bigraph *g, rg_projection *p,
                              rg_error *err) {
  return rg_projection_build_skip(plan, g, NULL, p, err);
}

rg_status rg_projection_build_skip(const rg_plan *plan, const rg_bigraph *g,
                                   const unsigned char *skip, rg_projection *p, rg_error *err) {
  memset(p, 0, sizeof *p);
  if (!plan->finalized || !g->built_) return not_finalized(err);
  p->vertex_of_unit = rg_xmalloc(((size_t)plan->n_units + 1) * sizeof *p->vertex_of_unit);
  p->unit_of_vertex = rg_xmalloc(((size_t)plan->n_units + 1) * sizeof *p->unit_of_vertex);
  p->task_k = rg_xcalloc((size_t)plan->n_tasks + 1, sizeof *p->task_k);
  for (int u = 0; u < plan->n_units; u++) {
    if (plan->units[u].kind == RG_KIND_UNIT) {
      p->vertex_of_unit[u] = p->n;
      p->unit_of_vertex[p->n++] = u;
    } else {
      p->vertex_of_unit[u] = -1;
    }
  }
  for (igraph_integer_t e = 0; e < igraph_ecount(&g->graph); e++) {
    int unit, task;
    bigraph_edge(g, e, &unit, &task);
    if (p->vertex_of_unit[unit] < 0) continue;
    p->task_k[task]++;
    p->n_concrete_links++;
  }
  igraph_error_t rc = projection_make(plan, g, skip, p);
  if (rc != IGRAPH_SUCCESS) {
    free_arrays(p);
    return igraph_failed(err, rc, "unit projection");
  }
  p->built_ = 1;
  return RG_OK;
}

void rg_projection_destroy(rg_projection *p) {
  if (!p || !p->built_) return;
  igraph_destroy(&p->graph);
  igraph_vector_int_destroy(&p->shared);
  free_arrays(p);
}

int rg_projection_edges(const rg_projection *p) {
  return p->built_ ? (int)igraph_ecount(&p->graph) : 0;
}

/* ------------------------------------------------------------ measuring */

/* Concrete units of task t. */
static int concrete_k(const rg_plan *plan, int t) {
  const rg_task *task = &plan->tasks[t];
  int k = 0;
  for (int j = 0; j < task->link_count; j++)
    k += plan->units[plan->links[plan->task_links[task->link_begin + j]].unit].kind == RG_KIND_UNIT;
  return k;
}

/* Distinct pairs of concrete units sharing a kept task, counted up to
 * limit + 1: for each unit u, its partners v > u are marked with u + 1. */
static long long count_ties(const rg_plan *plan, const unsigned char *skip, long long limit) {
  int *mark = rg_xcalloc((size_t)plan->n_units + 1, sizeof *mark);
  long long ties = 0;
  for (int u = 0; u < plan->n_units && ties <= limit; u++) {
    const rg_unit *unit = &plan->units[u];
    if (unit->kind != RG_KIND_UNIT) continue;
    for (int i = 0; i < unit->link_count && ties <= limit; i++) {
      int t = plan->links[plan->unit_links[unit->link_begin + i]].task;
      if (skip && skip[t]) continue;
      const rg_task *task = &plan->tasks[t];
      for (int j = 0; j < task->link_count; j++) {
        int v = plan->links[plan->task_links[task->link_begin + j]].unit;
        if (v <= u || mark[v] == u + 1 || plan->units[v].kind != RG_KIND_UNIT) continue;
        mark[v] = u + 1;
        if (++ties > limit) break;
      }
    }
  }
  free(mark);
  return ties;
}

void rg_projection_measure(const rg_plan *plan, const unsigned char *skip, long long limit,
                           rg_projection_size *out) {
  memset(out, 0, sizeof *out);
  out->worst_task = -1;
  for (int t = 0; t < plan->n_tasks; t++) {
    if (skip && skip[t]) continue;
    int k = concrete_k(plan, t);
    out->pairs += (long long)k * (k - 1) / 2;
    if (k > out->worst_k) out->worst_k = k, out->worst_task = t;
  }
  out->ties = out->pairs;
  if (out->pairs > limit) {
    out->ties = count_ties(plan, skip, limit);
    out->counted = 1;
  }
}
