/* constraint.c - Burt's constraint on CSR adjacency (same numbers as igraph_constraint, faster). */
#include "constraint.h"

#include <math.h>
#include <stdlib.h>

#include "error.h"

void rg_constraint_burt(const igraph_t *g, const igraph_vector_t *w,
                        const igraph_vector_t *strength, double *out) {
  int n = (int)igraph_vcount(g);
  igraph_integer_t m = igraph_ecount(g);
  int *start = rg_xcalloc((size_t)n + 2, sizeof *start);
  int *nbr = rg_xmalloc(((size_t)2 * (size_t)m + 1) * sizeof *nbr);
  double *wt = rg_xmalloc(((size_t)2 * (size_t)m + 1) * sizeof *wt);
  for (igraph_integer_t e = 0; e < m; e++) {
    start[IGRAPH_FROM(g, e) + 1]++;
    start[IGRAPH_TO(g, e) + 1]++;
  }
  for (int v = 0; v < n; v++)
    start[v + 1] += start[v];
  int *fill = rg_xcalloc((size_t)n + 1, sizeof *fill);
  for (igraph_integer_t e = 0; e < m; e++) {
    int a = (int)IGRAPH_FROM(g, e), b = (int)IGRAPH_TO(g, e);
    nbr[start[a] + fill[a]] = b;
    wt[start[a] + fill[a]++] = VECTOR(*w)[e];
    nbr[start[b] + fill[b]] = a;
    wt[start[b] + fill[b]++] = VECTOR(*w)[e];
  }
  double *p = rg_xcalloc((size_t)n + 1, sizeof *p);     /* p_ij for j in N(i), else 0 */
  double *acc = rg_xcalloc((size_t)n + 1, sizeof *acc); /* indirect part for j */
  for (int i = 0; i < n; i++) {
    if (start[i] == start[i + 1]) {
      out[i] = NAN;
      continue;
    }
    double si = VECTOR(*strength)[i];
    for (int k = start[i]; k < start[i + 1]; k++)
      p[nbr[k]] = wt[k] / si;
    for (int k = start[i]; k < start[i + 1]; k++) {
      int q = nbr[k];
      double piq = p[q], sq = VECTOR(*strength)[q];
      for (int l = start[q]; l < start[q + 1]; l++) {
        int j = nbr[l];
        if (j != i && p[j] > 0) acc[j] += piq * wt[l] / sq;
      }
    }
    double c = 0;
    for (int k = start[i]; k < start[i + 1]; k++) {
      double x = p[nbr[k]] + acc[nbr[k]];
      c += x * x;
    }
    for (int k = start[i]; k < start[i + 1]; k++)
      p[nbr[k]] = acc[nbr[k]] = 0;
    out[i] = c;
  }
  free(start);
  free(nbr);
  free(wt);
  free(fill);
  free(p);
  free(acc);
}
