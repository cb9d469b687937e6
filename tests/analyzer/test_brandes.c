/* test_brandes.c - brandes.c and constraint.c agree with igraph's betweenness, harmonic and
 * constraint. */
#include <criterion/criterion.h>
#include <igraph.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "brandes.h"
#include "constraint.h"

/* Betweenness and harmonic sums from the given sources on `threads`
 * threads, into b and h (n entries each). */
static void sums(const igraph_t *g, const igraph_vector_t *len, const int *src, int n_src,
                 int threads, double *b, double *h) {
  rg_csr c;
  rg_csr_build(&c, g, len);
  rg_brandes_sources(&c, src, n_src, threads, b, h);
  rg_csr_destroy(&c);
}

/* all sources: bet must equal igraph_betweenness, harm the unnormalised
 * igraph_harmonic_centrality, on the same lengths; and the bytes are the
 * same on 1, 2, 3 and 8 threads */
static void agrees_with_igraph(const igraph_t *g, const igraph_vector_t *len) {
  int n = (int)igraph_vcount(g);
  igraph_vector_t eb, eh;
  igraph_vector_init(&eb, 0);
  igraph_vector_init(&eh, 0);
  int *all = malloc(((size_t)n + 1) * sizeof *all);
  for (int v = 0; v < n; v++)
    all[v] = v;
  double *b = malloc(((size_t)n + 1) * sizeof *b), *h = malloc(((size_t)n + 1) * sizeof *h);
  double *b2 = malloc(((size_t)n + 1) * sizeof *b), *h2 = malloc(((size_t)n + 1) * sizeof *h);
  sums(g, len, all, n, 1, b, h);
  igraph_betweenness(g, &eb, igraph_vss_all(), IGRAPH_UNDIRECTED, len);
  igraph_harmonic_centrality(g, &eh, igraph_vss_all(), IGRAPH_ALL, len, 0);
  for (int v = 0; v < n; v++) {
    cr_assert_float_eq(b[v], VECTOR(eb)[v], 1e-9 * (1 + VECTOR(eb)[v]), "bet %d", v);
    cr_assert_float_eq(h[v], VECTOR(eh)[v], 1e-9 * (1 + VECTOR(eh)[v]), "harm %d", v);
  }
  const int threads[] = {2, 3, 8};
  for (int t = 0; t < 3; t++) {
    sums(g, len, all, n, threads[t], b2, h2);
    cr_assert(!memcmp(b, b2, (size_t)n * sizeof *b), "betweenness bytes on %d threads", threads[t]);
    cr_assert(!memcmp(h, h2, (size_t)n * sizeof *h), "harmonic bytes on %d threads", threads[t]);
  }
  free(all);
  free(b);
  free(h);
  free(b2);
  free(h2);
  igraph_vector_destroy(&eb);
  igraph_vector_destroy(&eh);
}

Test(brandes, counts_paths_whose_lengths_are_equal_as_fractions) {
  /* x-y 1/3, y-z 1/6, x-z 1/2: two shortest x-z paths, y carries half */
  igraph_t g;
  igraph_vector_int_t e;
  igraph_vector_int_init_int(&e, 6, 0, 1, 1, 2, 0, 2);
  igraph_create(&g, &e, 3, IGRAPH_UNDIRECTED);
  igraph_vector_t len;
  igraph_vector_init_real(&len, 3, 1.0 / 3, 1.0 / 6, 1.0 / 2);
  double b[3], h[3];
  const int all[3] = {0, 1, 2};
  sums(&g, &len, all, 3, 1, b, h);
  cr_assert_float_eq(b[1], 0.5, 1e-12);
  cr_assert_float_eq(b[0], 0, 1e-12);
  cr_assert_float_eq(h[0], 3 + 2, 1e-12); /* 1/(1/3) + 1/(1/2) */
  agrees_with_igraph(&g, &len);
  igraph_vector_destroy(&len);
  igraph_vector_int_destroy(&e);
  igraph_destroy(&g);
}

Test(brandes, matches_igraph_on_a_random_weighted_graph_with_components) {
  igraph_rng_seed(igraph_rng_default(), 42);
  igraph_t g;
  igraph_erdos_renyi_game_gnm(&g, 120, 260, IGRAPH_UNDIRECTED, 0);
  igraph_integer_t m = igraph_ecount(&g);
  igraph_vector_t len;
  igraph_vector_init(&len, m);
  for (igraph_integer_t i = 0; i < m; i++)
    VECTOR(len)[i] = 1.0 / (double)(1 + i % 3);
  agrees_with_igraph(&g, &len);
  igraph_vector_destroy(&len);
  igraph_destroy(&g);
}

Test(brandes, matches_igraph_on_an_even_ring_with_antipodal_ties) {
  igraph_t g;
  igraph_ring(&g, 10, IGRAPH_UNDIRECTED, 0, 1);
  igraph_vector_t len;
  igraph_vector_init(&len, 10);
  igraph_vector_fill(&len, 0.5);
  agrees_with_igraph(&g, &len);
  igraph_vector_destroy(&len);
  igraph_destroy(&g);
}

/* ------------------------------------------------------------ constraint */

Test(constraint, equals_igraph_constraint_on_a_random_weighted_graph) {
  igraph_rng_seed(igraph_rng_default(), 7);
  igraph_t g;
  igraph_erdos_renyi_game_gnm(&g, 80, 300, IGRAPH_UNDIRECTED, 0);
  igraph_integer_t n = igraph_vcount(&g), m = igraph_ecount(&g);
  igraph_vector_t w, s, want;
  igraph_vector_init(&w, m);
  for (igraph_integer_t i = 0; i < m; i++)
    VECTOR(w)[i] = 1 + (double)(i % 4) / 3;
  igraph_vector_init(&s, 0);
  igraph_vector_init(&want, 0);
  igraph_strength(&g, &s, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS, &w);
  igraph_constraint(&g, &want, igraph_vss_all(), &w);
  double got[80], again[80];
  rg_csr c;
  rg_csr_build(&c, &g, &w);
  rg_constraint_burt(&c, VECTOR(s), 1, got);
  rg_constraint_burt(&c, VECTOR(s), 3, again);
  cr_assert(!memcmp(got, again, sizeof got), "the same bytes on 1 and 3 threads");
  rg_csr_destroy(&c);
  int isolated = 0;
  for (igraph_integer_t v = 0; v < n; v++) {
    if (VECTOR(s)[v] == 0) {
      cr_assert(isnan(got[v]));
      isolated++;
      continue;
    }
    cr_assert_float_eq(got[v], VECTOR(want)[v], 1e-12, "vertex %d", (int)v);
  }
  igraph_vector_destroy(&w);
  igraph_vector_destroy(&s);
  igraph_vector_destroy(&want);
  igraph_destroy(&g);
}

/* A hub tied to every unit, over a sparse random graph: a low-degree unit's
 * tie to the hub looks its common neighbours up in the hub's long list
 * (binary search), the hub walks the short lists; both agree with igraph. */
Test(constraint, equals_igraph_constraint_when_one_list_is_much_longer) {
  igraph_rng_seed(igraph_rng_default(), 11);
  igraph_t g, sparse;
  igraph_erdos_renyi_game_gnm(&sparse, 200, 300, IGRAPH_UNDIRECTED, 0);
  igraph_vector_int_t edges;
  igraph_vector_int_init(&edges, 0);
  igraph_get_edgelist(&sparse, &edges, 0);
  for (int v = 1; v < 200; v++) {
    igraph_vector_int_push_back(&edges, 0);
    igraph_vector_int_push_back(&edges, v);
  }
  igraph_create(&g, &edges, 200, IGRAPH_UNDIRECTED);
  igraph_simplify(&g, 1, 1, NULL);
  igraph_integer_t n = igraph_vcount(&g), m = igraph_ecount(&g);
  igraph_vector_t w, s, want;
  igraph_vector_init(&w, m);
  for (igraph_integer_t i = 0; i < m; i++)
    VECTOR(w)[i] = 1 + (double)(i % 5) / 2;
  igraph_vector_init(&s, 0);
  igraph_vector_init(&want, 0);
  igraph_strength(&g, &s, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS, &w);
  igraph_constraint(&g, &want, igraph_vss_all(), &w);
  double got[200];
  rg_csr c;
  rg_csr_build(&c, &g, &w);
  cr_assert_eq(c.start[1] - c.start[0], 199, "the hub has every unit");
  for (int v = 0; v < c.n; v++)
    for (int j = c.start[v] + 1; j < c.start[v + 1]; j++)
      cr_assert(c.nbr[j - 1] < c.nbr[j], "lists are sorted");
  rg_constraint_burt(&c, VECTOR(s), 2, got);
  for (igraph_integer_t v = 0; v < n; v++)
    cr_assert_float_eq(got[v], VECTOR(want)[v], 1e-12, "vertex %d", (int)v);
  rg_csr_destroy(&c);
  igraph_vector_destroy(&w);
  igraph_vector_destroy(&s);
  igraph_vector_destroy(&want);
  igraph_vector_int_destroy(&edges);
  igraph_destroy(&sparse);
  igraph_destroy(&g);
}
