/* csr.h - an undirected igraph graph as compressed adjacency lists with a
 * value per tie (analyzer-internal).
 *
 * Vertex v's neighbours are nbr[start[v] .. start[v+1]) with values
 * val[...], in ascending neighbour order (a simple graph: each neighbour
 * once); each tie appears once at each end. The sorted order lets two lists
 * be intersected by walking either (constraint.c) and makes every sum over
 * a list run in the same order whatever order igraph kept the edges in.
 * Built in O(n + m) by two counting passes (the second is the transpose of
 * the first, which sorts); rg_csr_destroy frees the arrays. Plain arrays:
 * threads may read one CSR at the same time. */
#ifndef RG_CSR_H
#define RG_CSR_H

#include <igraph.h>

typedef struct rg_csr {
  int n;
  int *start;  /* n + 1 offsets */
  int *nbr;    /* 2m neighbours */
  double *val; /* 2m values: values[e] of the tie */
} rg_csr;

void rg_csr_build(rg_csr *c, const igraph_t *g, const igraph_vector_t *values);
void rg_csr_destroy(rg_csr *c);

#endif
