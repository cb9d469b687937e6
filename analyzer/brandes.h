/* brandes.h - betweenness and harmonic sums from a subset of sources, in one pass
 * per source, on several threads (analyzer-internal).
 *
 * One Dijkstra per source gives both Brandes' dependency accumulation and the
 * sum of inverse distances, where igraph 0.10 would need
 * igraph_betweenness_subset and igraph_distances_dijkstra (two Dijkstras per
 * source); it is used for the exact figures too (every vertex a source).
 *
 * For an undirected graph with positive edge lengths len, and sources S:
 *   bet[v]  = 1/2 * sum_{s in S} sum_{t} sigma_st(v) / sigma_st
 *   harm[v] = sum_{s in S, s != v, reachable} 1 / d(s, v)
 * (with S = all vertices these are igraph_betweenness and the unnormalised
 * igraph_harmonic_centrality). Two path lengths are equal when they differ by
 * at most 1e-10 relative, like igraph's epsilon comparison, so paths whose
 * lengths are equal as rationals (1/3 + 1/6 = 1/2) are all counted. When a
 * vertex settles, its predecessors (settled neighbours u with
 * d(u) + len = d(v)) are found in the same walk of its list that relaxes the
 * others, and kept, so the dependency pass walks only them.
 *
 * Threads and determinism: the sources are cut into chunks of
 * RG_BRANDES_CHUNK in their given order; each chunk sums its sources into
 * its own vectors, and the chunks are added to bet and harm in chunk order
 * (parallel.h). So the bytes are the same at every thread count; the
 * chunking, not the threads, fixes the order of the sums.
 *
 * Complexity: O(|S| (m log m + n)) time; memory O(n + m) per thread plus
 * 2n doubles per chunk finished out of order. */
#ifndef RG_BRANDES_H
#define RG_BRANDES_H

#include "csr.h"
#include "parallel.h"

#define RG_BRANDES_CHUNK 4 /* sources per chunk: fixes the order of the sums */

typedef struct rg_brandes {
  const rg_csr *g; /* val = edge lengths */
  const int *sources;
  int n_sources;
  double *bet, *harm; /* n each, caller's; zeroed by _init */
  double **part;      /* private: per chunk, 2n sums until reduced */
} rg_brandes;

/* Prepare the sums over sources[0..n_sources) into bet and harm (n = g->n
 * entries each, zeroed here) as a job for rg_par_run. g, sources, bet and
 * harm must outlive the job; _destroy frees what is left. */
void rg_brandes_init(rg_brandes *b, const rg_csr *g, const int *sources, int n_sources, double *bet,
                     double *harm, rg_par_job *job);
void rg_brandes_destroy(rg_brandes *b);

/* The same, run at once on `threads` threads. */
void rg_brandes_sources(const rg_csr *g, const int *sources, int n_sources, int threads,
                        double *bet, double *harm);

#endif
