/* meetings_exact.c - optimal partition of a small plan by branch and bound.
 *
 * Task i joins one of the groups opened so far or opens the next one, so each
 * set partition is met once. Cost and spread never fall when a task joins a
 * group (a group's units and items only grow), so a branch dies as soon as
 * its (cost, spread) is no better than the best complete partition. Starts
 * from the heuristic's partition, so it only ever replaces it by a strictly
 * better one. Bell(10) = 115975 leaves at most. */
#include <stdlib.h>
#include <string.h>

#include "meetings_internal.h"

typedef struct xgrp {
  int nt, nu;
  long ks;
  int *u, *c, *t;
} xgrp;

typedef struct exact_st {
  mctx *x;
  int n, *ts, *grp, *best_grp;
  xgrp *g;
  long best_c, best_s;
  long nodes;
} exact_st;

static int xg_find(const xgrp *g, int unit) {
  for (int i = 0; i < g->nu; i++)
    if (g->u[i] == unit) return i;
  return -1;
}

static long gcost(const mctx *x, int nu, int nt) {
  return nt ? (long)nu * (x->O + (long)x->I * nt) : 0;
}

/* Spread added when t joins g: 1000 for a new chapter, 1 for a new section. */
static long gspread(const mctx *x, const xgrp *g, int t) {
  if (g->nt == 0) return 0;
  int newc = 1, news = 1;
  for (int i = 0; i < g->nt; i++) {
    newc &= x->chap[g->t[i]] != x->chap[t];
    news &= x->sec[g->t[i]] != x->sec[t];
  }
  return 1000L * newc + news;
}

static void g_push(const mctx *x, xgrp *g, int t) {
  for (int k = x->tu_beg[t]; k < x->tu_beg[t + 1]; k++) {
    int j = xg_find(g, x->tu[k]);
    if (j >= 0)
      g->c[j]++;
    else
      g->u[g->nu] = x->tu[k], g->c[g->nu++] = 1;
  }
  g->t[g->nt++] = t;
  g->ks += MK(x, t);
}

static void g_pop(const mctx *x, xgrp *g, int t) {
  g->nt--;
  g->ks -= MK(x, t);
  for (int k = x->tu_beg[t]; k < x->tu_beg[t + 1]; k++) {
    int j = xg_find(g, x->tu[k]);
    if (--g->c[j] == 0) {
      g->nu--;
      g->u[j] = g->u[g->nu];
      g->c[j] = g->c[g->nu];
    }
  }
}

static void exact_rec(exact_st *e, int i, int ngroups, long cost, long spread) {
  if (cost > e->best_c || (cost == e->best_c && spread >= e->best_s)) return;
  if (i == e->n) {
    for (int g = 0; g < ngroups; g++)
      if (!rg_mtg_relevant(e->x, e->g[g].nu, e->g[g].nt, e->g[g].ks)) return;
    e->best_c = cost;
    e->best_s = spread;
    memcpy(e->best_grp, e->grp, (size_t)e->n * sizeof *e->grp);
    return;
  }
  if (++e->nodes > 5000000L) return;
  mctx *x = e->x;
  int t = e->ts[i];
  for (int gi = 0; gi <= ngroups && gi < e->n; gi++) {
    xgrp *g = &e->g[gi];
    if (g->nt >= x->G) continue;
    int added = 0;
    for (int k = x->tu_beg[t]; k < x->tu_beg[t + 1]; k++)
      added += xg_find(g, x->tu[k]) < 0;
    if (g->nu + added > x->A) continue;
    long dc = gcost(x, g->nu + added, g->nt + 1) - gcost(x, g->nu, g->nt);
    long ds = gspread(x, g, t);
    g_push(x, g, t);
    e->grp[i] = gi;
    exact_rec(e, i + 1, gi == ngroups ? ngroups + 1 : ngroups, cost + dc, spread + ds);
    g_pop(x, g, t);
  }
}

void rg_meetings_exact(mctx *x) {
  int n = 0;
  for (int t = 0; t < x->n; t++)
    n += !x->m[x->meet_of[t]].fixed;
  if (n == 0 || n > x->o->exact_max) return;
  exact_st e = {0};
  e.x = x;
  e.n = n;
  e.ts = rg_xmalloc((size_t)n * sizeof *e.ts);
  e.grp = rg_xmalloc((size_t)n * sizeof *e.grp);
  e.best_grp = rg_xmalloc((size_t)n * sizeof *e.best_grp);
  e.g = rg_xcalloc((size_t)n, sizeof *e.g);
  for (int gi = 0; gi < n; gi++) {
    e.g[gi].u = rg_xmalloc(((size_t)x->A + 1) * sizeof *e.g[gi].u);
    e.g[gi].c = rg_xmalloc(((size_t)x->A + 1) * sizeof *e.g[gi].c);
    e.g[gi].t = rg_xmalloc(((size_t)x->G + 1) * sizeof *e.g[gi].t);
  }
  int k = 0;
  for (int t = 0; t < x->n; t++)
    if (!x->m[x->meet_of[t]].fixed) e.ts[k++] = t;
  /* the heuristic's partition is the bound to beat: cost and spread of the
   * searchable meetings only */
  e.best_c = 0;
  e.best_s = 0;
  for (int mi = 0; mi < x->nm; mi++)
    if (!x->m[mi].fixed) e.best_c += rg_mtg_cost(x, &x->m[mi]);
  e.best_s = rg_mctx_spread(x);
  long c0 = e.best_c, s0 = e.best_s;
  exact_rec(&e, 0, 0, 0, 0);
  if (e.best_c < c0 || (e.best_c == c0 && e.best_s < s0)) {
    /* fixed meetings stay; the searchable tasks move to fresh meetings */
    int *gm = rg_xmalloc((size_t)n * sizeof *gm);
    for (int gi = 0; gi < n; gi++)
      gm[gi] = -1;
    for (int i = 0; i < n; i++) {
      int gi = e.best_grp[i];
      if (gm[gi] < 0) gm[gi] = rg_mtg_new(x);
      rg_mtg_move(x, e.ts[i], gm[gi]);
    }
    free(gm);
  }
  for (int gi = 0; gi < n; gi++) {
    free(e.g[gi].u);
    free(e.g[gi].c);
    free(e.g[gi].t);
  }
  free(e.g);
  free(e.ts);
  free(e.grp);
  free(e.best_grp);
}
