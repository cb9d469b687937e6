/* csr.c - compressed adjacency lists of an undirected igraph graph. */
#include "csr.h"

#include <stdlib.h>

#include "error.h"

void rg_csr_build(rg_csr *c, const igraph_t *g, const igraph_vector_t *values) {
  int n = (int)igraph_vcount(g);
  igraph_integer_t m = igraph_ecount(g);
  c->n = n;
  c->start = rg_xcalloc((size_t)n + 2, sizeof *c->start);
  c->nbr = rg_xmalloc(((size_t)2 * (size_t)m + 1) * sizeof *c->nbr);
  c->val = rg_xmalloc(((size_t)2 * (size_t)m + 1) * sizeof *c->val);
  for (igraph_integer_t e = 0; e < m; e++) {
    c->start[IGRAPH_FROM(g, e) + 1]++;
    c->start[IGRAPH_TO(g, e) + 1]++;
  }
  for (int v = 0; v < n; v++)
    c->start[v + 1] += c->start[v];
  int *fill = rg_xcalloc((size_t)n + 1, sizeof *fill);
  for (igraph_integer_t e = 0; e < m; e++) {
    int a = (int)IGRAPH_FROM(g, e), b = (int)IGRAPH_TO(g, e);
    c->nbr[c->start[a] + fill[a]] = b;
    c->val[c->start[a] + fill[a]++] = VECTOR(*values)[e];
    c->nbr[c->start[b] + fill[b]] = a;
    c->val[c->start[b] + fill[b]++] = VECTOR(*values)[e];
  }
  free(fill);
}

void rg_csr_destroy(rg_csr *c) {
  if (!c) return;
  free(c->start);
  free(c->nbr);
  free(c->val);
  c->start = c->nbr = NULL;
  c->val = NULL;
}
