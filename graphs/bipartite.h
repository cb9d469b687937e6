/* bipartite.h - the plan as an igraph bipartite graph, and its unit projection.
 *
 * Two graphs are built from a finalised rg_plan (input/plan.h):
 *
 *  rg_bigraph: units x tasks, every unit kind.
 *    Vertices: UNITS FIRST, then tasks. Vertex v < n_units is plan unit v;
 *    vertex n_units + t is plan task t. types[v] is false for a unit and true
 *    for a task; index[v] is the plan index (unit or task) of vertex v.
 *    Edges: one per plan link, in plan->task_links order (by task, leads
 *    first); role[e] is the rg_role and link[e] the plan link index of edge e.
 *
 *  rg_projection: the co-ownership graph of CONCRETE units (RG_KIND_UNIT)
 *    only. Collectives and generics stay in rg_bigraph but never here.
 *    Vertex i is concrete unit unit_of_vertex[i] (ascending plan index);
 *    vertex_of_unit[u] is -1 for a non-concrete unit. It is made from the
 *    rg_bigraph: igraph_bipartite_projection() on its concrete part (its
 *    concrete edges, in its edge order; the rg_bigraph itself when every
 *    unit is concrete and no task is skipped), so it is simple and
 *    undirected; shared[e] is igraph's multiplicity: the number of tasks the
 *    two units share (a task counts each unit once: the plan has already
 *    merged duplicate links).
 *    Evidence, as CSR: the tasks that create edge e are
 *    ev_tasks[ev_begin[e] .. ev_begin[e + 1]), plan task indices ascending;
 *    their number always equals shared[e]. It is filled without an edge
 *    lookup per pair: each unit's tasks in order, and its higher neighbours'
 *    edge ids marked in an array, so each pair is filed from its lower end.
 *    task_k[t] is k_t, the number of concrete units of task t.
 *
 * Ownership: both structs are caller-allocated (_build/_destroy); they hold
 * indices into the plan, which must outlive them. _destroy on a zeroed struct
 * is a no-op.
 *
 * The analysis builds both, in that order, and drops the bipartite graph once
 * the projection is made.
 *
 * Complexity: rg_bigraph_build O(units + tasks + links).
 * rg_projection_build: igraph's projection, then O(sum over tasks of k_t^2)
 * for the evidence (plus O(links + ties) for its index arrays), and
 * O(sum over tasks of k_t(k_t-1)/2) memory for the evidence: the projection
 * itself is the one quadratic step of the pipeline (quadratic in task size,
 * linear in the number of tasks). Memory per projection edge: one igraph edge
 * (2 x 8 bytes + indices ~ 32 bytes), 8 bytes multiplicity, 4 bytes
 * ev_begin, plus 4 bytes per evidence task. */
#ifndef RG_BIPARTITE_H
#define RG_BIPARTITE_H

#include <igraph.h>

#include "error.h"
#include "plan.h"

typedef struct rg_bigraph {
  igraph_t graph;             /* undirected */
  igraph_vector_bool_t types; /* false = unit, true = task */
  igraph_vector_int_t index;  /* vertex -> plan unit or task index */
  igraph_vector_int_t role;   /* edge -> rg_role */
  igraph_vector_int_t link;   /* edge -> plan link index */
  int n_units, n_tasks;
  int built_; /* private: 1 once the igraph objects exist */
} rg_bigraph;

typedef struct rg_projection {
  igraph_t graph;             /* undirected, simple; vertex i = unit_of_vertex[i] */
  int n;                      /* concrete units = vertices */
  int *unit_of_vertex;        /* n entries */
  int *vertex_of_unit;        /* plan->n_units entries, -1 when not concrete */
  igraph_vector_int_t shared; /* edge -> number of shared tasks */
  int *ev_begin;              /* n_edges + 1 entries */
  int *ev_tasks;              /* plan task indices, ascending within an edge */
  int *task_k;                /* plan->n_tasks entries: concrete units per task */
  int n_concrete_links;       /* links to concrete units */
  int built_;                 /* private */
} rg_projection;

/* Build the bipartite graph of a finalised plan. On failure (plan not
 * finalised, or an igraph error) returns RG_ESYS/RG_EINPUT with err filled
 * and leaves g zeroed. */
rg_status rg_bigraph_build(const rg_plan *plan, rg_bigraph *g, rg_error *err);
void rg_bigraph_destroy(rg_bigraph *g);

/* Build the concrete-unit projection of g, the bipartite graph of plan,
 * with evidence: the pipeline is plan -> rg_bigraph -> rg_projection. Same
 * failure contract (also when g was not built). */
rg_status rg_projection_build(const rg_plan *plan, const rg_bigraph *g, rg_projection *p,
                              rg_error *err);
/* The same, leaving out the tasks with skip[t] != 0 (skip: plan->n_tasks
 * entries, or NULL for none): they make no ties and no evidence, though
 * task_k[t] still counts their concrete units. */
rg_status rg_projection_build_skip(const rg_plan *plan, const rg_bigraph *g,
                                   const unsigned char *skip, rg_projection *p, rg_error *err);

/* The size of a projection, known before it is built. */
typedef struct rg_projection_size {
  long long pairs; /* sum over the tasks kept of k_t(k_t-1)/2: an upper bound of the ties */
  long long ties;  /* distinct ties, counted only when pairs > limit, and only up to
                    * limit + 1 ("more than limit"); pairs when pairs <= limit */
  int counted;     /* 1 when ties were counted */
  int worst_task;  /* the kept task with the most concrete units (first on ties), -1 none */
  int worst_k;     /* its concrete units */
} rg_projection_size;

/* Measure the projection of a finalised plan without building it: the
 * pairs from the degrees, and when they exceed limit the distinct ties,
 * deduplicated as the projection would be (a mark per unit). Tasks with
 * skip[t] != 0 are left out. O(units + links) memory; O(tasks + links) time
 * when pairs <= limit, else O(sum of k_t^2) at most, stopping as soon as
 * more than limit distinct ties are seen. */
void rg_projection_measure(const rg_plan *plan, const unsigned char *skip, long long limit,
                           rg_projection_size *out);
void rg_projection_destroy(rg_projection *p);

/* Number of edges (ties) of the projection. */
int rg_projection_edges(const rg_projection *p);

#endif
