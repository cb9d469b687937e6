/* constraint.c - Burt's constraint over the triangles of each tie, blocks of units on several
 * threads (same numbers as igraph_constraint, faster). */
#include "constraint.h"

#include <math.h>
#include <stdlib.h>

#include "error.h"

#define BLOCK 64 /* units per item */

static void *scratch_new(void *ctx) {
  const rg_constraint *c = ctx;
  return rg_xcalloc((size_t)c->g->n + 1, sizeof(double)); /* p_iq, 0 off N(i) */
}

static void scratch_free(void *ctx, void *p) {
  (void)ctx;
  free(p);
}

/* First index in nbr[lo..hi) holding a value >= q. */
static int lower_bound(const int *nbr, int lo, int hi, int q) {
  while (lo < hi) {
    int mid = lo + (hi - lo) / 2;
    if (nbr[mid] < q)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* sum over q in N(i) and N(j), ascending, of p_iq p_qj (p holds p_i.) */
static double indirect(const rg_constraint *c, int i, int j, const double *p) {
  const int *start = c->g->start, *nbr = c->g->nbr;
  int di = start[i + 1] - start[i], dj = start[j + 1] - start[j];
  int lg = 1;
  while ((1 << lg) <= dj && lg < 31)
    lg++;
  double a = 0;
  if ((long long)di * lg >= dj) { /* walk N(j), look q up in N(i) */
    for (int l = start[j]; l < start[j + 1]; l++)
      if (p[nbr[l]] != 0) a += p[nbr[l]] * c->pq[l];
    return a;
  }
  int lo = start[j], hi = start[j + 1]; /* walk N(i), look q up in N(j) */
  for (int k = start[i]; k < start[i + 1] && lo < hi; k++) {
    int q = nbr[k];
    lo = lower_bound(nbr, lo, hi, q);
    if (lo < hi && nbr[lo] == q) a += p[q] * c->pq[lo++];
  }
  return a;
}

static void run_block(void *ctx, int item, void *scratch) {
  const rg_constraint *c = ctx;
  const int *start = c->g->start, *nbr = c->g->nbr;
  const double *wt = c->g->val;
  double *p = scratch;
  int end = (item + 1) * BLOCK < c->g->n ? (item + 1) * BLOCK : c->g->n;
  for (int i = item * BLOCK; i < end; i++) {
    if (start[i] == start[i + 1]) {
      c->out[i] = NAN;
      continue;
    }
    double si = c->strength[i];
    for (int k = start[i]; k < start[i + 1]; k++)
      p[nbr[k]] = wt[k] / si;
    double sum = 0;
    for (int k = start[i]; k < start[i + 1]; k++) {
      double x = p[nbr[k]] + indirect(c, i, nbr[k], p);
      sum += x * x;
    }
    for (int k = start[i]; k < start[i + 1]; k++)
      p[nbr[k]] = 0;
    c->out[i] = sum;
  }
}

void rg_constraint_init(rg_constraint *c, const rg_csr *g, const double *strength, double *out,
                        rg_par_job *job) {
  c->g = g;
  c->strength = strength;
  c->out = out;
  int slots = g->start[g->n];
  c->pq = rg_xmalloc(((size_t)slots + 1) * sizeof *c->pq);
  for (int l = 0; l < slots; l++)
    c->pq[l] = g->val[l] / strength[g->nbr[l]];
  *job = (rg_par_job){.n_items = (g->n + BLOCK - 1) / BLOCK,
                      .ctx = c,
                      .scratch_new = scratch_new,
                      .scratch_free = scratch_free,
                      .run = run_block};
}

void rg_constraint_destroy(rg_constraint *c) {
  if (!c) return;
  free(c->pq);
  c->pq = NULL;
}

void rg_constraint_burt(const rg_csr *g, const double *strength, int threads, double *out) {
  rg_constraint c;
  rg_par_job job;
  rg_constraint_init(&c, g, strength, out, &job);
  rg_par_run(threads, &job, 1, NULL, NULL);
  rg_constraint_destroy(&c);
}
