/* csr.c - compressed, sorted adjacency lists of an undirected igraph graph. */
#include "csr.h"

#include <stdlib.h>

#include "error.h"

void rg_csr_build(rg_csr *c, const igraph_t *g, const igraph_vector_t *values) {
  int n = (int)igraph_vcount(g);
  igraph_integer_t m = igraph_ecount(g);
  size_t slots = (size_t)2 * (size_t)m + 1;
  c->n = n;
  c->start = rg_xcalloc((size_t)n + 2, sizeof *c->start);
  c->nbr = rg_xmalloc(slots * sizeof *c->nbr);
  c->val = rg_xmalloc(slots * sizeof *c->val);
  for (igraph_integer_t e = 0; e < m; e++) {
    c->start[IGRAPH_FROM(g, e) + 1]++;
    c->start[IGRAPH_TO(g, e) + 1]++;
  }
  for (int v = 0; v < n; v++)
    c->start[v + 1] += c->start[v];
  /* first pass: each list in edge order */
  int *tn = rg_xmalloc(slots * sizeof *tn);
  double *tv = rg_xmalloc(slots * sizeof *tv);
  int *fill = rg_xcalloc((size_t)n + 1, sizeof *fill);
  for (igraph_integer_t e = 0; e < m; e++) {
    int a = (int)IGRAPH_FROM(g, e), b = (int)IGRAPH_TO(g, e);
    double x = VECTOR(*values)[e];
    tn[c->start[a] + fill[a]] = b;
    tv[c->start[a] + fill[a]++] = x;
    tn[c->start[b] + fill[b]] = a;
    tv[c->start[b] + fill[b]++] = x;
  }
  /* second pass, the transpose: v's entries go to its neighbours' lists in
   * ascending v, so every list comes out sorted */
  for (int v = 0; v < n; v++)
    fill[v] = 0;
  for (int v = 0; v < n; v++)
    for (int j = c->start[v]; j < c->start[v + 1]; j++) {
      int u = tn[j];
      c->nbr[c->start[u] + fill[u]] = v;
      c->val[c->start[u] + fill[u]++] = tv[j];
    }
  free(fill);
  free(tn);
  free(tv);
}

void rg_csr_destroy(rg_csr *c) {
  if (!c) return;
  free(c->start);
  free(c->nbr);
  free(c->val);
  c->start = c->nbr = NULL;
  c->val = NULL;
}
