/* test_analyze.c - loads, overload fence, ties, centralities and clusters on hand-built plans.
 *
 * Expected centralities were computed once with NetworkX 2.8 (Debian
 * python3-networkx) on the same weighted graphs: betweenness_centrality and
 * harmonic_centrality with edge length 1/w (harmonic divided by n-1),
 * eigenvector_centrality_numpy scaled to max 1, pagerank(alpha=0.85,
 * tol=1e-13), constraint(weight=w), core_number; modularity from
 * networkx.algorithms.community.modularity. Loads, fences and z-scores are
 * worked by hand in the comments (numpy.percentile agrees). */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "analyze.h"
#include "common/plans.h"

#define EPS 1e-9

static const rg_unit_stats *row(const rg_plan *p, const rg_results *r, const char *name) {
  int u = rg_plan_find_unit(p, name);
  cr_assert_geq(u, 0, "no unit %s", name);
  int i = r->row_of_unit[u];
  cr_assert_geq(i, 0, "%s is not analysed", name);
  return &r->units[i];
}

static rg_results run(const rg_plan *p, const rg_analysis_opts *o) {
  rg_results r;
  rg_error err;
  rg_status st = rg_analyze(p, o, &r, &err);
  cr_assert_eq(st, RG_OK, "%s", err.msg);
  return r;
}

static const rg_tie *tie(const rg_plan *p, const rg_results *r, const char *a, const char *b) {
  for (int i = 0; i < r->n_ties; i++)
    if (!strcmp(p->units[r->ties[i].a].name, a) && !strcmp(p->units[r->ties[i].b].name, b))
      return &r->ties[i];
  return NULL;
}

Test(quantile, interpolates_linearly_like_numpy) {
  double x[] = {1, 2, 3, 4};
  cr_assert_float_eq(rg_quantile_sorted(x, 4, 0.25), 1.75, EPS);
  cr_assert_float_eq(rg_quantile_sorted(x, 4, 0.75), 3.25, EPS);
  cr_assert_float_eq(rg_quantile_sorted(x, 4, 0.5), 2.5, EPS);
  cr_assert_float_eq(rg_quantile_sorted(x, 1, 0.75), 1, EPS);
  cr_assert(isnan(rg_quantile_sorted(x, 0, 0.5)));
}

Test(options, default_to_documented_values) {
  rg_analysis_opts o;
  rg_analysis_opts_init(&o);
  cr_assert_float_eq(o.lead_weight, 1, EPS);
  cr_assert_float_eq(o.support_weight, 0.5, EPS);
  cr_assert_eq(o.weighting, 0);
  cr_assert_eq(o.min_shared, 1);
  cr_assert_float_eq(o.resolution, 1, EPS);
  cr_assert_eq(o.seed, RG_DEFAULT_SEED);
  cr_assert_eq(o.approx_above, RG_APPROX_THRESHOLD);
  cr_assert_eq(rg_weighting_parse("newman"), 1);
  cr_assert_eq(rg_weighting_parse("count"), 0);
  cr_assert_eq(rg_weighting_parse("x"), -1);
}

Test(options, reject_bad_values_as_usage_errors) {
  rg_plan *p = fx_star();
  rg_analysis_opts o;
  rg_results r;
  rg_error err;
  rg_analysis_opts_init(&o);
  o.min_shared = 0;
  cr_assert_eq(rg_analyze(p, &o, &r, &err), RG_EUSAGE);
  rg_results_free(&r);
  rg_analysis_opts_init(&o);
  o.resolution = 0;
  cr_assert_eq(rg_analyze(p, &o, &r, &err), RG_EUSAGE);
  rg_analysis_opts_init(&o);
  o.support_weight = -1;
  cr_assert_eq(rg_analyze(p, &o, &r, &err), RG_EUSAGE);
  rg_results_free(&r);
  rg_plan_free(p);
}

/* Star: hub leads 4 tasks (load 4), leaves support one each (0.5).
 * loads sorted .5 .5 .5 .5 4: Q1 = Q3 = .5, IQR 0, fence .5 -> hub flagged.
 * mean 1.2, population sd sqrt((4*.49 + 7.84)/5) = 1.4; z hub 2, leaf -.5. */
Test(star, flags_the_hub_with_a_reason_and_exact_load_figures) {
  rg_plan *p = fx_star();
  rg_results r = run(p, NULL);
  cr_assert_eq(r.n_units, 5, "collective and generic are not analysed");
  cr_assert_eq(r.row_of_unit[rg_plan_find_unit(p, "各区政府")], -1);
  cr_assert_float_eq(r.q1, 0.5, EPS);
  cr_assert_float_eq(r.q3, 0.5, EPS);
  cr_assert_float_eq(r.iqr, 0, EPS);
  cr_assert_float_eq(r.fence, 0.5, EPS);
  cr_assert_float_eq(r.mean, 1.2, EPS);
  cr_assert_float_eq(r.sd, 1.4, EPS);
  cr_assert_float_eq(r.total_load, 6, EPS);
  cr_assert_eq(r.n_overloaded, 1);
  const rg_unit_stats *h = row(p, &r, "hub");
  cr_assert_eq(h, &r.units[0], "sorted by load first");
  cr_assert_eq(h->led, 4);
  cr_assert_eq(h->supported, 0);
  cr_assert_float_eq(h->load, 4, EPS);
  cr_assert_float_eq(h->fractional, 2, EPS); /* 4 x 1/2 */
  cr_assert_float_eq(h->share, 4.0 / 6, EPS);
  cr_assert_eq(h->chapters, 2);
  cr_assert_eq(h->burden, 4);
  cr_assert(h->overloaded);
  cr_assert_float_eq(h->zscore, 2, EPS);
  cr_assert_eq(h->rank, 1);
  cr_assert_not_null(h->reason);
  cr_assert(strstr(h->reason, "fence 0.5") != NULL, "%s", h->reason);
  cr_assert_eq(h->n_chapter_loads, 2);
  cr_assert_eq(h->chapter_ids[0], 0); /* 2 and 2: chapter order breaks the tie */
  cr_assert_float_eq(h->chapter_loads[0], 2, EPS);
  const rg_unit_stats *a = row(p, &r, "a");
  cr_assert_eq(a, &r.units[1], "equal loads sorted by name");
  cr_assert_float_eq(a->load, 0.5, EPS);
  cr_assert_float_eq(a->fractional, 0.25, EPS);
  cr_assert_float_eq(a->zscore, -0.5, EPS);
  cr_assert_eq(a->rank, 2);
  cr_assert_not(a->overloaded);
  cr_assert_null(a->reason);
  rg_results_free(&r);
  rg_plan_free(p);
}

Test(star, has_the_textbook_centralities) {
  rg_plan *p = fx_star();
  rg_results r = run(p, NULL);
  const rg_unit_stats *h = row(p, &r, "hub"), *a = row(p, &r, "d");
  cr_assert_eq(h->partners, 4);
  cr_assert_float_eq(h->strength, 4, EPS);
  cr_assert_float_eq(h->betweenness, 1, EPS);
  cr_assert_float_eq(h->harmonic, 1, EPS);
  cr_assert_float_eq(h->eigenvector, 1, EPS);
  cr_assert_float_eq(h->pagerank, 0.4756756757, 1e-9);
  cr_assert_float_eq(h->constraint, 0.25, EPS);
  cr_assert_eq(h->coreness, 1);
  cr_assert_eq(a->partners, 1);
  cr_assert_float_eq(a->betweenness, 0, EPS);
  cr_assert_float_eq(a->harmonic, 0.625, EPS); /* (1 + 3 x 1/2) / 4 */
  cr_assert_float_eq(a->eigenvector, 0.5, EPS);
  cr_assert_float_eq(a->pagerank, 0.1310810811, 1e-9);
  cr_assert_float_eq(a->constraint, 1, EPS);
  cr_assert_eq(r.n_clusters, 1);
  cr_assert_float_eq(r.modularity, 0, EPS);
  cr_assert_eq(r.clusters[0].n_bridges, 0);
  cr_assert_eq(r.clusters[0].n_tasks, 4);
  rg_results_free(&r);
  rg_plan_free(p);
}

/* Path a - b = c - d (b, c share tasks 2 and 4). Loads: a 1, b 1 + 2 x .5 = 2,
 * c 2 + .5 = 2.5, d .5. Sorted .5 1 2 2.5: Q1 = .5 + .75 x .5 = .875,
 * Q3 = 2 + .25 x .5 = 2.125, fence 2.125 + 1.5 x 1.25 = 4; mean 1.5,
 * sd sqrt((1 + .25 + .25 + 1)/4) = .790569415. */
Test(path, has_exact_loads_fractions_burden_and_fence) {
  rg_plan *p = fx_path();
  rg_results r = run(p, NULL);
  cr_assert_float_eq(r.q1, 0.875, EPS);
  cr_assert_float_eq(r.q3, 2.125, EPS);
  cr_assert_float_eq(r.fence, 4, EPS);
  cr_assert_float_eq(r.sd, sqrt(2.5 / 4), EPS);
  cr_assert_eq(r.n_overloaded, 0);
  const char *order[] = {"c", "b", "a", "d"};
  for (int i = 0; i < 4; i++)
    cr_assert_str_eq(p->units[r.units[i].unit].name, order[i]);
  const rg_unit_stats *b = row(p, &r, "b"), *c = row(p, &r, "c");
  cr_assert_eq(b->led, 1);
  cr_assert_eq(b->supported, 2);
  cr_assert_float_eq(b->fractional, 1.0, EPS);  /* 1/2 + .5/2 + .5/2 */
  cr_assert_float_eq(c->fractional, 1.25, EPS); /* 1/2 + 1/2 + .5/2 */
  cr_assert_eq(b->burden, 3);
  cr_assert_float_eq(c->zscore, 1 / sqrt(2.5 / 4), EPS);
  cr_assert_eq(c->rank, 1);
  cr_assert_eq(row(p, &r, "d")->rank, 4);
  rg_results_free(&r);
  rg_plan_free(p);
}

Test(path, weights_ties_by_shared_tasks_with_evidence) {
  rg_plan *p = fx_path();
  rg_results r = run(p, NULL);
  cr_assert_eq(r.n_ties, 3);
  const rg_tie *t = tie(p, &r, "b", "c");
  cr_assert_not_null(t, "ties are ordered by name");
  cr_assert_eq(t->shared, 2);
  cr_assert_float_eq(t->weight, 2, EPS);
  cr_assert_eq(t->tasks[0], 1);
  cr_assert_eq(t->tasks[1], 3);
  cr_assert_str_eq(p->units[r.ties[0].a].name, "a", "sorted by (name a, name b)");
  cr_assert_str_eq(p->units[r.ties[2].a].name, "c");
  const rg_unit_stats *b = row(p, &r, "b"), *a = row(p, &r, "a");
  cr_assert_float_eq(b->strength, 3, EPS);
  cr_assert_float_eq(b->betweenness, 2.0 / 3, EPS);
  cr_assert_float_eq(b->harmonic, 1.222222222, 1e-9); /* (1 + 2 + 2/3)/3 */
  cr_assert_float_eq(b->eigenvector, 1, EPS);
  cr_assert_float_eq(b->pagerank, 0.3603896104, 1e-9);
  cr_assert_float_eq(b->constraint, 0.5555555556, 1e-9);
  cr_assert_float_eq(a->harmonic, 0.6888888889, 1e-9);
  cr_assert_float_eq(a->eigenvector, 0.4142135624, 1e-9); /* sqrt 2 - 1 */
  cr_assert_float_eq(a->pagerank, 0.1396103896, 1e-9);
  rg_results_free(&r);
  rg_plan_free(p);
}

Test(path, min_shared_drops_weak_ties_and_isolates_units) {
  rg_plan *p = fx_path();
  rg_analysis_opts o;
  rg_analysis_opts_init(&o);
  o.min_shared = 2;
  rg_results r = run(p, &o);
  cr_assert_eq(r.n_ties, 1);
  cr_assert_eq(r.n_dropped_ties, 2);
  cr_assert_eq(r.n_isolated, 2);
  const rg_unit_stats *a = row(p, &r, "a"), *b = row(p, &r, "b");
  cr_assert_eq(a->partners, 0);
  cr_assert_eq(a->cluster, -1);
  cr_assert(isnan(a->constraint), "constraint is undefined without ties");
  cr_assert_float_eq(a->harmonic, 0, EPS);
  cr_assert_float_eq(a->eigenvector, 0, EPS);
  cr_assert_float_eq(a->pagerank, 3.0 / 46, 1e-9); /* teleport + dangling share */
  cr_assert_eq(a->coreness, 0);
  cr_assert_float_eq(a->load, 1, EPS, "loads do not depend on min_shared");
  cr_assert_eq(b->partners, 1);
  cr_assert_float_eq(b->harmonic, 2.0 / 3, EPS); /* length 1/2 -> 2, over n-1 = 3 */
  cr_assert_float_eq(b->pagerank, 20.0 / 46, 1e-9);
  cr_assert_float_eq(b->constraint, 1, EPS);
  cr_assert_eq(r.n_clusters, 1);
  cr_assert_eq(r.clusters[0].n_units, 2);
  cr_assert_eq(r.clusters[0].n_tasks, 2);    /* 2 and 4 */
  cr_assert_eq(r.clusters[0].n_crossing, 2); /* 1 and 3 reach isolated units */
  rg_results_free(&r);
  rg_plan_free(p);
}

/* Two triangles a1 a2 a3 / b1 b2 b3 and the a3-b1 bridge task. */
Test(triangles, cluster_into_the_two_triangles_with_exact_modularity) {
  rg_plan *p = fx_triangles();
  rg_results r = run(p, NULL);
  cr_assert_eq(r.n_clusters, 2);
  cr_assert_float_eq(r.modularity, 5.0 / 14, EPS); /* 2 (3/7 - (7/14)^2) */
  const char *c0[] = {"a1", "a2", "a3"}, *c1[] = {"b1", "b2", "b3"};
  for (int i = 0; i < 3; i++) {
    cr_assert_str_eq(p->units[r.clusters[0].units[i]].name, c0[i]);
    cr_assert_str_eq(p->units[r.clusters[1].units[i]].name, c1[i]);
  }
  cr_assert_eq(r.clusters[0].n_tasks, 1);
  cr_assert_eq(r.clusters[0].tasks[0], 0);
  cr_assert_eq(r.clusters[1].tasks[0], 1);
  cr_assert_eq(r.clusters[0].n_crossing, 1);
  cr_assert_eq(r.clusters[0].crossing[0], 2);
  cr_assert_eq(r.clusters[1].crossing[0], 2);
  cr_assert_eq(r.clusters[0].n_bridges, 1);
  cr_assert_str_eq(p->units[r.clusters[0].bridges[0]].name, "a3");
  cr_assert_str_eq(p->units[r.clusters[1].bridges[0]].name, "b1");
  const rg_unit_stats *a3 = row(p, &r, "a3"), *a1 = row(p, &r, "a1");
  cr_assert_float_eq(a3->participation, 4.0 / 9, EPS); /* 1 - (2/3)^2 - (1/3)^2 */
  cr_assert_float_eq(a1->participation, 0, EPS);
  cr_assert_eq(a3->cluster, 0);
  cr_assert_eq(row(p, &r, "b2")->cluster, 1);
  rg_results_free(&r);
  rg_plan_free(p);
}

Test(triangles, have_exact_count_weighted_centralities) {
  rg_plan *p = fx_triangles();
  rg_results r = run(p, NULL);
  const rg_unit_stats *a3 = row(p, &r, "a3"), *a1 = row(p, &r, "a1");
  cr_assert_float_eq(a3->betweenness, 0.6, EPS); /* 9 pairs / C(5,2) */
  cr_assert_float_eq(a3->harmonic, 0.8, EPS);
  cr_assert_float_eq(a3->eigenvector, 1, EPS);
  cr_assert_float_eq(a3->pagerank, 0.2080291971, 1e-9);
  cr_assert_float_eq(a3->constraint, 0.6111111111, 1e-9);
  cr_assert_eq(a3->coreness, 2);
  cr_assert_float_eq(a1->harmonic, 0.6333333333, 1e-9);
  cr_assert_float_eq(a1->eigenvector, 0.7071067812, 1e-9);
  cr_assert_float_eq(a1->pagerank, 0.1459854015, 1e-9);
  cr_assert_float_eq(a1->constraint, 1.006944444, 1e-9);
  /* loads: a3 .5 + 1, fractional .5/3 + 1/2; burden 2 + 1 */
  cr_assert_float_eq(a3->load, 1.5, EPS);
  cr_assert_float_eq(a3->fractional, 0.5 / 3 + 0.5, EPS);
  cr_assert_eq(a3->burden, 3);
  cr_assert_eq(a3->rank, 1);
  cr_assert_eq(row(p, &r, "b1")->rank, 1);
  cr_assert_eq(a1->rank, 3);
  cr_assert_float_eq(r.q3, 1.375, EPS);
  cr_assert_float_eq(r.fence, 2.6875, EPS);
  rg_results_free(&r);
  rg_plan_free(p);
}

/* Newman: the triangle tasks have k = 3, so each of their ties weighs
 * 1/(3-1) = .5; the bridge task has k = 2 and weighs 1. */
Test(triangles, newman_weighting_discounts_big_tasks) {
  rg_plan *p = fx_triangles();
  rg_analysis_opts o;
  rg_analysis_opts_init(&o);
  o.weighting = 1;
  rg_results r = run(p, &o);
  cr_assert_float_eq(tie(p, &r, "a1", "a2")->weight, 0.5, EPS);
  cr_assert_eq(tie(p, &r, "a1", "a2")->shared, 1);
  cr_assert_float_eq(tie(p, &r, "a3", "b1")->weight, 1, EPS);
  cr_assert_float_eq(r.modularity, 0.25, EPS); /* best of the greedy local optima */
  cr_assert_eq(r.n_clusters, 2);
  const rg_unit_stats *a3 = row(p, &r, "a3"), *a1 = row(p, &r, "a1");
  cr_assert_float_eq(a3->strength, 2, EPS);
  cr_assert_float_eq(a3->participation, 0.5, EPS);
  cr_assert_float_eq(a3->harmonic, 0.5333333333, 1e-9);
  cr_assert_float_eq(a3->pagerank, 0.2375, 1e-9);
  cr_assert_float_eq(a3->constraint, 0.53125, 1e-9);
  cr_assert_float_eq(a1->harmonic, 0.3466666667, 1e-9);
  cr_assert_float_eq(a1->eigenvector, 0.5, 1e-9);
  cr_assert_float_eq(a1->constraint, 0.953125, 1e-9);
  rg_results_free(&r);
  rg_plan_free(p);
}

static void same_results(const rg_results *x, const rg_results *y) {
  cr_assert_eq(x->n_units, y->n_units);
  for (int i = 0; i < x->n_units; i++) {
    const rg_unit_stats *a = &x->units[i], *b = &y->units[i];
    cr_assert_eq(a->unit, b->unit);
    cr_assert_eq(a->cluster, b->cluster);
    cr_assert_eq(memcmp(&a->betweenness, &b->betweenness, sizeof(double)), 0);
    cr_assert_eq(memcmp(&a->harmonic, &b->harmonic, sizeof(double)), 0);
    cr_assert_eq(memcmp(&a->eigenvector, &b->eigenvector, sizeof(double)), 0);
    cr_assert_eq(memcmp(&a->pagerank, &b->pagerank, sizeof(double)), 0);
  }
  cr_assert_eq(memcmp(&x->modularity, &y->modularity, sizeof(double)), 0);
}

Test(determinism, same_seed_gives_identical_results) {
  rg_plan *p = fx_ring(120);
  rg_results a = run(p, NULL), b = run(p, NULL);
  same_results(&a, &b);
  cr_assert_gt(a.n_clusters, 1);
  rg_results_free(&a);
  rg_results_free(&b);
  rg_plan_free(p);
}

/* On a ring every source sees the same distances, so the sampled estimates,
 * scaled by n/k, must sum to exactly the exact totals. */
Test(approximation, samples_sources_above_the_threshold_and_says_so) {
  rg_plan *p = fx_ring(300);
  rg_analysis_opts o;
  rg_analysis_opts_init(&o);
  rg_results exact = run(p, &o);
  cr_assert_not(exact.approximate_betweenness);
  cr_assert_null(exact.approximation_note);
  o.approx_above = 100;
  rg_results approx = run(p, &o), again = run(p, &o);
  cr_assert(approx.approximate_betweenness);
  cr_assert_not_null(approx.approximation_note);
  same_results(&approx, &again);
  double se = 0, sa = 0, he = 0, ha = 0;
  int differs = 0;
  for (int i = 0; i < 300; i++) {
    se += exact.units[i].betweenness;
    sa += approx.units[i].betweenness;
    he += exact.units[i].harmonic;
    ha += approx.units[i].harmonic;
    differs |= fabs(exact.units[i].betweenness - approx.units[i].betweenness) > 1e-9;
  }
  cr_assert_float_eq(sa, se, 1e-9 * se);
  cr_assert_float_eq(ha, he, 1e-9 * he);
  cr_assert(differs, "individual values are estimates");
  o.exact = 1;
  rg_results forced = run(p, &o);
  cr_assert_not(forced.approximate_betweenness);
  for (int i = 0; i < 300; i++)
    cr_assert_float_eq(forced.units[i].betweenness, exact.units[i].betweenness, EPS);
  rg_results_free(&exact);
  rg_results_free(&approx);
  rg_results_free(&again);
  rg_results_free(&forced);
  rg_plan_free(p);
}

Test(empty, plan_gives_empty_results) {
  rg_plan *p = rg_plan_new("empty");
  rg_plan_finalize(p);
  rg_results r = run(p, NULL);
  cr_assert_eq(r.n_units, 0);
  cr_assert_eq(r.n_ties, 0);
  cr_assert_eq(r.n_clusters, 0);
  cr_assert(isnan(r.modularity));
  cr_assert(isnan(r.fence));
  rg_results_free(&r);
  rg_plan_free(p);
}

/* ---------------------------------------------- bounded work (issue 19) */

/* fx_triangles: tasks "1" and "2" name three units each, "3" two: 7 ties. */
Test(bounds, refuse_more_ties_than_max_ties_naming_the_largest_task) {
  rg_plan *p = fx_triangles();
  rg_analysis_opts o;
  rg_analysis_opts_init(&o);
  o.max_ties = 6;
  rg_results r;
  rg_error err;
  cr_assert_eq(rg_analyze(p, &o, &r, &err), RG_EINPUT);
  cr_assert_str_eq(err.file, "fixture");
  cr_assert_eq(err.line, 10, "the line of task 1");
  cr_assert_str_eq(err.msg,
                   "the unit projection would have more than 6 ties (--max-ties): task 1 names 3 "
                   "units (3 pairs); leave it out with --exclude-task 1, leave out every task "
                   "naming more than N units with --max-task-units N, or give --max-ties");
  cr_assert_eq(r.n_ties, 0);
  rg_results_free(&r);
  o.max_ties = 7;
  r = run(p, &o);
  cr_assert_eq(r.n_ties, 7);
  rg_results_free(&r);
  rg_plan_free(p);
}

Test(bounds, exclude_task_keeps_its_load_but_makes_no_ties) {
  rg_plan *p = fx_triangles();
  rg_analysis_opts o;
  rg_analysis_opts_init(&o);
  o.max_ties = 6;
  int bridge = 2;
  o.exclude_tasks = &bridge;
  o.n_exclude_tasks = 1;
  rg_results r = run(p, &o);
  cr_assert_eq(r.n_ties, 6);
  cr_assert_null(tie(p, &r, "a3", "b1"));
  const rg_unit_stats *a3 = row(p, &r, "a3"), *b1 = row(p, &r, "b1");
  cr_assert_eq(a3->led, 1, "task 3 still counts in the load");
  cr_assert_eq(a3->supported, 1);
  cr_assert_eq(b1->supported, 1);
  cr_assert_eq(a3->partners, 2);
  cr_assert_eq(r.n_clusters, 2);
  rg_results_free(&r);
  rg_plan_free(p);
}

Test(bounds, max_task_units_leaves_large_tasks_out_of_the_ties) {
  rg_plan *p = fx_triangles();
  rg_analysis_opts o;
  rg_analysis_opts_init(&o);
  o.max_task_units = 2;
  rg_results r = run(p, &o);
  cr_assert_eq(r.n_ties, 1);
  cr_assert_not_null(tie(p, &r, "a3", "b1"));
  cr_assert_eq(r.n_isolated, 4);
  cr_assert_eq(row(p, &r, "a1")->led, 1);
  rg_results_free(&r);
  rg_plan_free(p);
}

/* The ring of 300: 300 units x 300 ties = 90,000; sum of degree^2 = 1,200. */
Test(bounds, sample_paths_and_leave_constraint_out_above_the_work_bounds) {
  rg_plan *p = fx_ring(300);
  rg_analysis_opts o;
  rg_analysis_opts_init(&o);
  o.path_work = 90000;
  o.constraint_work = 1200;
  rg_results r = run(p, &o);
  cr_assert_not(r.approximate_betweenness, "at the bound: exact");
  cr_assert_not(r.constraint_skipped);
  cr_assert_null(r.approximation_note);
  cr_assert_float_eq(r.units[0].constraint, 0.5, EPS, "two ties of equal weight, no triangle");
  rg_results_free(&r);
  o.path_work = 89999;
  o.constraint_work = 1199;
  r = run(p, &o);
  cr_assert(r.approximate_betweenness);
  cr_assert(r.constraint_skipped);
  for (int i = 0; i < 300; i++)
    cr_assert(isnan(r.units[i].constraint));
  cr_assert_str_eq(r.approximation_note,
                   "betweenness and harmonic centrality estimated from 256 source units sampled "
                   "with the seed, scaled by n/256; constraint left out (the sum of squared "
                   "partner counts is above 2e9); --exact computes them all");
  rg_results_free(&r);
  o.exact = 1;
  r = run(p, &o);
  cr_assert_not(r.approximate_betweenness);
  cr_assert_not(r.constraint_skipped);
  rg_results_free(&r);
  rg_plan_free(p);
}

Test(bounds, default_max_ties_is_half_the_available_memory_per_tie) {
  double avail = 0;
  long long m = rg_default_max_ties(&avail);
  cr_assert_gt(avail, 0);
  long long want = (long long)(avail / 2.0 / RG_BYTES_PER_TIE);
  cr_assert_eq(m, want > RG_MIN_MAX_TIES ? want : RG_MIN_MAX_TIES);
  rg_analysis_opts o;
  rg_analysis_opts_init(&o);
  cr_assert_eq(o.max_ties, 0, "0 means the default, computed when analysing");
}
