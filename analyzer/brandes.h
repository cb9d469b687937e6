/* brandes.h - betweenness and harmonic sums from a subset of sources, in one pass
 * (analyzer-internal).
 *
 * Used for the sampled approximation on large tie graphs: one Dijkstra per
 * source gives both Brandes' dependency accumulation and the sum of inverse
 * distances, where igraph 0.10 would need igraph_betweenness_subset and
 * igraph_distances_dijkstra (two Dijkstras per source).
 *
 * For an undirected graph with positive edge lengths len, and sources S:
 *   bet[v]  = 1/2 * sum_{s in S} sum_{t} sigma_st(v) / sigma_st
 *   harm[v] = sum_{s in S, s != v, reachable} 1 / d(s, v)
 * (with S = all vertices these are igraph_betweenness and the unnormalised
 * igraph_harmonic_centrality). Two path lengths are equal when they differ by
 * at most 1e-10 relative, like igraph's epsilon comparison, so paths whose
 * lengths are equal as rationals (1/3 + 1/6 = 1/2) are all counted.
 * bet and harm are resized to n and overwritten.
 *
 * Complexity: O(|S| (m log m + n)) time, O(n + m) memory. */
#ifndef RG_BRANDES_H
#define RG_BRANDES_H

#include <igraph.h>

igraph_error_t rg_brandes_sources(const igraph_t *g, const igraph_vector_t *len,
                                  const igraph_vector_int_t *sources, igraph_vector_t *bet,
                                  igraph_vector_t *harm);

#endif
