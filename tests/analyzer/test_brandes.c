/* test_brandes.c - brandes.c and constraint.c agree with igraph's betweenness, harmonic and
 * constraint. */
#include <criterion/criterion.h>
#include <igraph.h>
#include <math.h>

#include "brandes.h"
#include "constraint.h"

/* all sources: bet must equal igraph_betweenness, harm the unnormalised
 * igraph_harmonic_centrality, on the same lengths */
static void agrees_with_igraph(const igraph_t *g, const igraph_vector_t *len) {
  igraph_integer_t n = igraph_vcount(g);
  igraph_vector_t b, h, eb, eh;
  igraph_vector_int_t all;
  igraph_vector_init(&b, 0);
  igraph_vector_init(&h, 0);
  igraph_vector_init(&eb, 0);
  igraph_vector_init(&eh, 0);
  igraph_vector_int_init_range(&all, 0, n);
  cr_assert_eq(rg_brandes_sources(g, len, &all, &b, &h), IGRAPH_SUCCESS);
  igraph_betweenness(g, &eb, igraph_vss_all(), IGRAPH_UNDIRECTED, len);
  igraph_harmonic_centrality(g, &eh, igraph_vss_all(), IGRAPH_ALL, len, 0);
  for (igraph_integer_t v = 0; v < n; v++) {
    cr_assert_float_eq(VECTOR(b)[v], VECTOR(eb)[v], 1e-9 * (1 + VECTOR(eb)[v]), "bet %d", (int)v);
    cr_assert_float_eq(VECTOR(h)[v], VECTOR(eh)[v], 1e-9 * (1 + VECTOR(eh)[v]), "harm %d", (int)v);
  }
  igraph_vector_destroy(&b);
  igraph_vector_destroy(&h);
  igraph_vector_destroy(&eb);
  igraph_vector_destroy(&eh);
  igraph_vector_int_destroy(&all);
}

Test(brandes, counts_paths_whose_lengths_are_equal_as_fractions) {
  /* x-y 1/3, y-z 1/6, x-z 1/2: two shortest x-z paths, y carries half */
  igraph_t g;
  igraph_vector_int_t e;
  igraph_vector_int_init_int(&e, 6, 0, 1, 1, 2, 0, 2);
  igraph_create(&g, &e, 3, IGRAPH_UNDIRECTED);
  igraph_vector_t len;
  igraph_vector_init_real(&len, 3, 1.0 / 3, 1.0 / 6, 1.0 / 2);
  igraph_vector_t b, h;
  igraph_vector_init(&b, 0);
  igraph_vector_init(&h, 0);
  igraph_vector_int_t all;
  igraph_vector_int_init_range(&all, 0, 3);
  rg_brandes_sources(&g, &len, &all, &b, &h);
  cr_assert_float_eq(VECTOR(b)[1], 0.5, 1e-12);
  cr_assert_float_eq(VECTOR(b)[0], 0, 1e-12);
  cr_assert_float_eq(VECTOR(h)[0], 3 + 2, 1e-12); /* 1/(1/3) + 1/(1/2) */
  agrees_with_igraph(&g, &len);
  igraph_vector_int_destroy(&all);
  igraph_vector_destroy(&b);
  igraph_vector_destroy(&h);
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
  double got[80];
  rg_constraint_burt(&g, &w, &s, got);
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
