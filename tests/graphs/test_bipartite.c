/* test_bipartite.c - the bipartite graph and the concrete-unit projection with evidence. */
#include <criterion/criterion.h>
#include <igraph.h>

#include "bipartite.h"
#include "common/plans.h"

static int eid(const rg_projection *p, const rg_plan *plan, const char *a, const char *b) {
  igraph_integer_t e = -1;
  int va = p->vertex_of_unit[rg_plan_find_unit(plan, a)];
  int vb = p->vertex_of_unit[rg_plan_find_unit(plan, b)];
  igraph_get_eid(&p->graph, &e, va, vb, IGRAPH_UNDIRECTED, 0);
  return (int)e;
}

/* The pipeline's order: the bipartite graph, then its projection (the
 * bipartite graph is dropped once the projection is made). */
static rg_status project(const rg_plan *plan, rg_projection *p, rg_error *err) {
  rg_bigraph g;
  rg_bigraph_build(plan, &g, err); /* on failure g is zeroed */
  rg_status st = rg_projection_build(plan, &g, p, err);
  rg_bigraph_destroy(&g);
  return st;
}

Test(bipartite, puts_units_first_then_tasks_with_types_and_index) {
  rg_plan *plan = fx_star();
  rg_bigraph g;
  rg_error err;
  cr_assert_eq(rg_bigraph_build(plan, &g, &err), RG_OK);
  cr_assert_eq(igraph_vcount(&g.graph), 7 + 4); /* 5 concrete + collective + generic, 4 tasks */
  cr_assert_eq(igraph_ecount(&g.graph), 10);
  for (int v = 0; v < 7; v++) {
    cr_assert_not(VECTOR(g.types)[v]);
    cr_assert_eq(VECTOR(g.index)[v], v);
  }
  for (int t = 0; t < 4; t++) {
    cr_assert(VECTOR(g.types)[7 + t]);
    cr_assert_eq(VECTOR(g.index)[7 + t], t);
  }
  igraph_bool_t bip;
  cr_assert_eq(igraph_is_bipartite(&g.graph, &bip, NULL), IGRAPH_SUCCESS);
  cr_assert(bip);
  rg_bigraph_destroy(&g);
  rg_plan_free(plan);
}

Test(bipartite, orders_edges_by_task_with_leads_first_and_keeps_roles) {
  rg_plan *plan = fx_star();
  rg_bigraph g;
  cr_assert_eq(rg_bigraph_build(plan, &g, NULL), RG_OK);
  igraph_integer_t from, to;
  igraph_edge(&g.graph, 0, &from, &to);
  cr_assert_eq(from, rg_plan_find_unit(plan, "hub"));
  cr_assert_eq(to, 7 + 0);
  cr_assert_eq(VECTOR(g.role)[0], RG_ROLE_LEAD);
  igraph_edge(&g.graph, 2, &from, &to);
  cr_assert_eq(from, rg_plan_find_unit(plan, "各区政府"));
  cr_assert_eq(VECTOR(g.role)[2], RG_ROLE_SUPPORT);
  for (int e = 0; e < 10; e++) {
    const rg_link *l = &plan->links[VECTOR(g.link)[e]];
    igraph_edge(&g.graph, e, &from, &to);
    cr_assert_eq(from, l->unit);
    cr_assert_eq(to, 7 + l->task);
    cr_assert_eq(VECTOR(g.role)[e], (igraph_integer_t)l->role);
  }
  rg_bigraph_destroy(&g);
  rg_plan_free(plan);
}

Test(projection, keeps_only_concrete_units_in_plan_order) {
  rg_plan *plan = fx_star();
  rg_projection p;
  cr_assert_eq(project(plan, &p, NULL), RG_OK);
  cr_assert_eq(p.n, 5);
  cr_assert_eq(p.n_concrete_links, 8);
  int expect[5] = {0, 1, 3, 5, 6}; /* hub a b c d */
  for (int i = 0; i < 5; i++) {
    cr_assert_eq(p.unit_of_vertex[i], expect[i]);
    cr_assert_eq(p.vertex_of_unit[expect[i]], i);
  }
  cr_assert_eq(p.vertex_of_unit[rg_plan_find_unit(plan, "各区政府")], -1);
  cr_assert_eq(p.vertex_of_unit[rg_plan_find_unit(plan, "有关部门")], -1);
  cr_assert_eq(rg_projection_edges(&p), 4);
  for (int t = 0; t < 4; t++)
    cr_assert_eq(p.task_k[t], 2);
  cr_assert_eq(eid(&p, plan, "a", "b"), -1, "leaves are not tied through a collective");
  int e = eid(&p, plan, "hub", "c");
  cr_assert_geq(e, 0);
  cr_assert_eq(VECTOR(p.shared)[e], 1);
  cr_assert_eq(p.ev_begin[e + 1] - p.ev_begin[e], 1);
  cr_assert_eq(p.ev_tasks[p.ev_begin[e]], 2);
  rg_projection_destroy(&p);
  rg_plan_free(plan);
}

Test(projection, counts_shared_tasks_and_lists_them_ascending) {
  rg_plan *plan = fx_path();
  rg_projection p;
  cr_assert_eq(project(plan, &p, NULL), RG_OK);
  cr_assert_eq(rg_projection_edges(&p), 3);
  int e = eid(&p, plan, "c", "b");
  cr_assert_eq(VECTOR(p.shared)[e], 2);
  cr_assert_eq(p.ev_begin[e + 1] - p.ev_begin[e], 2);
  cr_assert_eq(p.ev_tasks[p.ev_begin[e]], 1);     /* task "2" */
  cr_assert_eq(p.ev_tasks[p.ev_begin[e] + 1], 3); /* task "4" */
  e = eid(&p, plan, "a", "b");
  cr_assert_eq(VECTOR(p.shared)[e], 1);
  cr_assert_eq(p.ev_tasks[p.ev_begin[e]], 0);
  cr_assert_eq(eid(&p, plan, "a", "c"), -1);
  int total = 0;
  for (int k = 0; k < 3; k++)
    total += (int)VECTOR(p.shared)[k];
  cr_assert_eq(p.ev_begin[3], total);
  rg_projection_destroy(&p);
  rg_plan_free(plan);
}

Test(projection, makes_a_clique_per_task_and_one_bridge) {
  rg_plan *plan = fx_triangles();
  rg_projection p;
  cr_assert_eq(project(plan, &p, NULL), RG_OK);
  cr_assert_eq(p.n, 6);
  cr_assert_eq(rg_projection_edges(&p), 7);
  cr_assert_eq(p.task_k[0], 3);
  cr_assert_eq(p.task_k[2], 2);
  int e = eid(&p, plan, "a3", "b1");
  cr_assert_eq(p.ev_tasks[p.ev_begin[e]], 2);
  e = eid(&p, plan, "a2", "a3");
  cr_assert_eq(p.ev_tasks[p.ev_begin[e]], 0);
  igraph_bool_t simple;
  igraph_is_simple(&p.graph, &simple);
  cr_assert(simple);
  rg_projection_destroy(&p);
  rg_plan_free(plan);
}

Test(projection, refuses_a_plan_that_is_not_finalised) {
  rg_plan *plan = rg_plan_new("x");
  rg_plan_add_task(plan, "1", "t", -1, -1, 1);
  rg_projection p;
  rg_error err;
  rg_error_clear(&err);
  cr_assert_neq(project(plan, &p, &err), RG_OK);
  cr_assert_str_neq(err.msg, "");
  rg_projection_destroy(&p); /* zeroed: no-op */
  rg_plan_free(plan);
}

Test(projection, handles_an_empty_plan) {
  rg_plan *plan = rg_plan_new("empty");
  rg_plan_finalize(plan);
  rg_projection p;
  cr_assert_eq(project(plan, &p, NULL), RG_OK);
  cr_assert_eq(p.n, 0);
  cr_assert_eq(rg_projection_edges(&p), 0);
  rg_projection_destroy(&p);
  rg_plan_free(plan);
}

#include "load.h"

/* numbers from the concrete rows of `respgraph edges` on the seed, projected
 * independently with NetworkX (tests/check_networkx.py): 383 ties */
Test(projection, of_the_seed_plan_has_65_units_466_links_and_383_ties) {
  rg_plan *plan = NULL;
  rg_error err;
  rg_load_opts lo = {0};
  cr_assert_eq(rg_plan_load(RG_EXAMPLES "/shenyang-2026.txt", &lo, &plan, &err), RG_OK, "%s",
               err.msg);
  rg_projection p;
  cr_assert_eq(project(plan, &p, &err), RG_OK);
  cr_assert_eq(p.n, 65);
  cr_assert_eq(p.n_concrete_links, 466);
  cr_assert_eq(rg_projection_edges(&p), 383);
  long pairs = 0;
  for (int t = 0; t < plan->n_tasks; t++)
    pairs += (long)p.task_k[t] * (p.task_k[t] - 1) / 2;
  cr_assert_eq(p.ev_begin[383], pairs, "every pair of every task is evidence for one tie");
  rg_bigraph g;
  cr_assert_eq(rg_bigraph_build(plan, &g, &err), RG_OK);
  cr_assert_eq(igraph_ecount(&g.graph), plan->n_links);
  cr_assert_eq(igraph_vcount(&g.graph), plan->n_units + plan->n_tasks);
  rg_bigraph_destroy(&g);
  rg_projection_destroy(&p);
  rg_plan_free(plan);
}

Test(projection, is_made_from_a_built_bipartite_graph_only) {
  rg_plan *plan = fx_star();
  rg_bigraph g;
  memset(&g, 0, sizeof g);
  rg_projection p;
  rg_error err;
  rg_error_clear(&err);
  cr_assert_neq(rg_projection_build(plan, &g, &p, &err), RG_OK, "a zeroed bigraph is refused");
  cr_assert_str_neq(err.msg, "");
  cr_assert_eq(rg_bigraph_build(plan, &g, &err), RG_OK);
  cr_assert_eq(rg_projection_build(plan, &g, &p, &err), RG_OK);
  rg_bigraph_destroy(&g); /* the projection does not keep the bipartite graph */
  cr_assert_eq(p.n_concrete_links, rg_plan_count_concrete_links(plan, NULL));
  rg_projection_destroy(&p);
  rg_plan_free(plan);
}

/* ------------------------------------------------- measuring (issue 19) */

/* a-b = c-d (fx_path): the tasks' pairs are 1 + 1 + 1 + 1 = 4, but b-c is
 * named by tasks 2 and 4, so the projection has 3 distinct ties. */
Test(measure, sums_pairs_by_degree_and_counts_distinct_ties_past_the_limit) {
  rg_plan *plan = fx_path();
  rg_projection_size sz;
  rg_projection_measure(plan, NULL, 4, &sz);
  cr_assert_eq(sz.pairs, 4);
  cr_assert_eq(sz.ties, 4, "within the limit the pairs stand for the ties");
  cr_assert_eq(sz.counted, 0);
  cr_assert_eq(sz.worst_task, 0, "first of the largest tasks");
  cr_assert_eq(sz.worst_k, 2);
  rg_projection_measure(plan, NULL, 3, &sz);
  cr_assert_eq(sz.counted, 1);
  cr_assert_eq(sz.ties, 3, "deduplicated: b-c once");
  rg_projection_measure(plan, NULL, 2, &sz);
  cr_assert_eq(sz.ties, 3, "stops at limit + 1");
  unsigned char skip[4] = {0, 0, 0, 1}; /* task "4" */
  rg_projection_measure(plan, skip, 2, &sz);
  cr_assert_eq(sz.pairs, 3);
  cr_assert_eq(sz.ties, 3);
  rg_plan_free(plan);
}

Test(measure, counts_concrete_units_only_and_finds_the_largest_task) {
  rg_plan *star = fx_star(); /* hub + one leaf per task, plus a collective and a generic */
  rg_projection_size sz;
  rg_projection_measure(star, NULL, 0, &sz);
  cr_assert_eq(sz.pairs, 4);
  cr_assert_eq(sz.ties, 1, "limit 0: more than 0");
  cr_assert_eq(sz.worst_k, 2);
  rg_plan_free(star);
  rg_plan *tri = fx_triangles(); /* 3 + 3 + 1 pairs, all distinct */
  rg_projection_measure(tri, NULL, 6, &sz);
  cr_assert_eq(sz.pairs, 7);
  cr_assert_eq(sz.ties, 7);
  cr_assert_eq(sz.worst_task, 0);
  cr_assert_eq(sz.worst_k, 3);
  unsigned char skip[3] = {1, 0, 0};
  rg_projection_measure(tri, skip, 100, &sz);
  cr_assert_eq(sz.pairs, 4);
  cr_assert_eq(sz.worst_task, 1);
  rg_plan_free(tri);
}

Test(projection, leaves_skipped_tasks_out_of_the_ties_but_counts_their_units) {
  rg_plan *plan = fx_triangles();
  rg_bigraph g;
  rg_projection p;
  cr_assert_eq(rg_bigraph_build(plan, &g, NULL), RG_OK);
  unsigned char skip[3] = {0, 0, 1}; /* the a3-b1 bridge task */
  cr_assert_eq(rg_projection_build_skip(plan, &g, skip, &p, NULL), RG_OK);
  rg_bigraph_destroy(&g);
  cr_assert_eq(rg_projection_edges(&p), 6);
  cr_assert_eq(eid(&p, plan, "a3", "b1"), -1);
  cr_assert_eq(p.task_k[2], 2);
  cr_assert_eq(p.ev_begin[6], 6);
  rg_projection_destroy(&p);
  rg_plan_free(plan);
}
