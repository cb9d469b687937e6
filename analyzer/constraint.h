/* constraint.h - Burt's constraint of the tie graph (analyzer-internal).
 *
 * For an undirected simple graph with positive weights w and strengths s:
 *   p_ij = w_ij / s_i,  c_i = sum_{j in N(i)} (p_ij + sum_{q in N(i) and N(j)} p_iq p_qj)^2
 * which is what igraph_constraint and networkx.constraint compute for such
 * graphs; out[i] is NaN for a vertex without ties. out has igraph_vcount(g)
 * entries (caller-allocated). igraph_constraint goes through incidence
 * lists and took 30% of a 10,000-unit analysis; this is the same
 * O(n + m + sum_q d_q^2) in flat arrays, O(n + m) memory. */
#ifndef RG_CONSTRAINT_H
#define RG_CONSTRAINT_H

#include <igraph.h>

void rg_constraint_burt(const igraph_t *g, const igraph_vector_t *w,
                        const igraph_vector_t *strength, double *out);

#endif
