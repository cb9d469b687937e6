/* csr.h - an undirected igraph graph as compressed adjacency lists with a
 * value per tie (analyzer-internal).
 *
 * Vertex v's neighbours are nbr[start[v] .. start[v+1]) with values
 * val[...], in edge order; each tie appears once at each end. Built in
 * O(n + m); rg_csr_destroy frees the arrays. */
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
