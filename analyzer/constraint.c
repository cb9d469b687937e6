/* constraint.c - Burt's constraint on CSR adjacency (same numbers as igraph_constraint, faster). */
#include "constraint.h"

#include "csr.h"

#include <math.h>
#include <stdlib.h>

#include "error.h"

void rg_constraint_burt(const igraph_t *g, const igraph_vector_t *w,
                        const igraph_vector_t *strength, double *out) {
  rg_csr csr;
  rg_csr_build(&csr, g, w);
  int n = csr.n;
  const int *start = csr.start, *nbr = csr.nbr;
  const double *wt = csr.val;
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
  rg_csr_destroy(&csr);
  free(p);
  free(acc);
}
