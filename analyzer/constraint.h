/* constraint.h - Burt's constraint of the tie graph, on several threads
 * (analyzer-internal).
 *
 * For an undirected simple graph with positive weights w and strengths s:
 *   p_ij = w_ij / s_i,  c_i = sum_{j in N(i)} (p_ij + sum_{q in N(i) and N(j)} p_iq p_qj)^2
 * which is what igraph_constraint and networkx.constraint compute for such
 * graphs; out[i] is NaN for a vertex without ties.
 *
 * The indirect part of (i, j) runs over the common neighbours q of i and j,
 * the triangles through the tie: both lists are sorted (csr.h), so the
 * shorter is walked, the longer looked up (N(i) by a mark per vertex, N(j)
 * by binary search), and the terms are added in ascending q either way.
 * Time O(n + m + sum over ties of min(d_i, d_j log d_j)), not the
 * O(sum_q d_q^2) of walking every neighbour's list; memory O(n) per thread
 * plus 2m doubles for p_qj.
 *
 * Each c_i is computed by one thread from the graph alone, so the bytes are
 * the same at every thread count. */
#ifndef RG_CONSTRAINT_H
#define RG_CONSTRAINT_H

#include "csr.h"
#include "parallel.h"

typedef struct rg_constraint {
  const rg_csr *g; /* val = weights */
  const double *strength;
  double *out;
  double *pq; /* private: per list entry l of j, w_jq / s_q for q = nbr[l] */
} rg_constraint;

/* Prepare c_i into out (g->n entries, caller's) as a job for rg_par_run;
 * g and strength (g->n entries) must outlive it. */
void rg_constraint_init(rg_constraint *c, const rg_csr *g, const double *strength, double *out,
                        rg_par_job *job);
void rg_constraint_destroy(rg_constraint *c);

/* The same, run at once on `threads` threads. */
void rg_constraint_burt(const rg_csr *g, const double *strength, int threads, double *out);

#endif
