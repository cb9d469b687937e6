/* backbone.c - the SDSM backbone of the unit projection (see backbone.h). */
#include "backbone.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "sort.h"

/* Degree classes: distinct degrees deg[0..n) with how many have each. */
typedef struct classes {
  int *deg, *count, n;
  double *v; /* the BiCM variable of the class */
} classes;

/* The classes of the degrees d[0..n), ascending; of_item[k] = class of k. */
static void make_classes(const int *d, int n, classes *c, int *of_item) {
  int *s = rg_xmalloc(((size_t)n + 1) * sizeof *s);
  memcpy(s, d, (size_t)n * sizeof *s);
  rg_sort(s, (size_t)n, sizeof *s, rg_cmp_int, NULL);
  c->deg = rg_xcalloc((size_t)n + 1, sizeof *c->deg);
  c->count = rg_xcalloc((size_t)n + 1, sizeof *c->count);
  c->v = rg_xcalloc((size_t)n + 1, sizeof *c->v);
  c->n = 0;
  for (int k = 0; k < n; k++) {
    if (!c->n || c->deg[c->n - 1] != s[k]) c->deg[c->n++] = s[k];
    c->count[c->n - 1]++;
  }
  for (int k = 0; k < n; k++) {
    int lo = 0, hi = c->n - 1;
    while (lo < hi) {
      int mid = (lo + hi) / 2;
      if (c->deg[mid] < d[k])
        lo = mid + 1;
      else
        hi = mid;
    }
    of_item[k] = lo;
  }
  free(s);
}

static void classes_free(classes *c) {
  free(c->deg);
  free(c->count);
  free(c->v);
}

/* p of a unit of class x and a task of class y; a full row or column
 * (degree = the other side's size) is certain. */
static double prob(double x, double y) {
  if (isinf(x) || isinf(y)) return 1;
  return x * y / (1 + x * y);
}

/* One side's update: v_a = deg_a / sum_b count_b w_b / (1 + v_a w_b). */
static double update(classes *a, const classes *b, int full) {
  double change = 0;
  for (int i = 0; i < a->n; i++) {
    if (a->deg[i] == 0 || a->deg[i] >= full) continue; /* 0 and certain stay */
    double den = 0;
    for (int j = 0; j < b->n; j++)
      if (isinf(b->v[j]))
        continue; /* a certain class: the degree it takes is removed below */
      else
        den += b->count[j] * b->v[j] / (1 + a->v[i] * b->v[j]);
    double certain = 0;
    for (int j = 0; j < b->n; j++)
      if (isinf(b->v[j])) certain += b->count[j];
    double nv = den > 0 ? (a->deg[i] - certain) / den : 0;
    if (nv < 0) nv = 0;
    double rel = fabs(nv - a->v[i]) / (a->v[i] > 0 ? a->v[i] : 1);
    if (rel > change) change = rel;
    a->v[i] = nv;
  }
  return change;
}

/* Solve the BiCM on unit classes u (n_units items) and task classes t. */
static void solve(classes *u, classes *t, int n_units, int n_tasks) {
  double links = 0;
  for (int i = 0; i < u->n; i++)
    links += (double)u->deg[i] * u->count[i];
  double s = sqrt(links > 0 ? links : 1);
  for (int i = 0; i < u->n; i++)
    u->v[i] = u->deg[i] >= n_tasks ? INFINITY : u->deg[i] / s;
  for (int j = 0; j < t->n; j++)
    t->v[j] = t->deg[j] >= n_units ? INFINITY : t->deg[j] / s;
  for (int it = 0; it < 100000; it++) {
    double c = update(u, t, n_tasks);
    c += update(t, u, n_units);
    if (c < 1e-13) break;
  }
}

/* P(X >= s) for X = sum over task classes j of Binomial(count_j, q_j). */
static double upper_tail(const classes *t, const double *q, int s) {
  if (s <= 0) return 1;
  double *f = rg_xcalloc((size_t)s + 1, sizeof *f), *g = rg_xcalloc((size_t)s + 1, sizeof *g);
  double *pmf = rg_xcalloc((size_t)s + 1, sizeof *pmf);
  f[0] = 1;     /* distribution of the sum so far, on 0..s-1 */
  int supp = 0; /* f[x] == 0 exactly for x > supp */
  for (int j = 0; j < t->n; j++) {
    int n = t->count[j], top = n < s - 1 ? n : s - 1;
    double qj = q[j];
    if (qj <= 0) continue;
    for (int k = 0; k <= top; k++)
      pmf[k] = 0;
    if (qj >= 1) {
      if (n <= s - 1) pmf[n] = 1;
    } else {
      pmf[0] = pow(1 - qj, n);
      for (int k = 0; k < top; k++)
        pmf[k + 1] = pmf[k] * (n - k) / (k + 1) * qj / (1 - qj);
    }
    /* The terms left out below are exact zeros (f or pmf is +0, the other
     * finite, every term >= 0), so adding them would not change a bit: the
     * pmf's tail after it underflows to 0, and f beyond its support. */
    while (top > 0 && pmf[top] == 0)
      top--;
    int end = supp + top < s - 1 ? supp + top : s - 1;
    for (int x = 0; x <= end; x++) {
      double acc = 0;
      for (int k = x > supp ? x - supp : 0; k <= top && k <= x; k++)
        acc += f[x - k] * pmf[k];
      g[x] = acc;
    }
    for (int x = end + 1; x < s; x++)
      g[x] = 0;
    supp = end;
    memcpy(f, g, (size_t)s * sizeof *f);
  }
  double cdf = 0;
  for (int x = 0; x < s; x++)
    cdf += f[x];
  free(f);
  free(g);
  free(pmf);
  double p = 1 - cdf;
  return p < 0 ? 0 : p > 1 ? 1 : p;
}

/* Concrete degrees: per results row (units) and per task (concrete units). */
static void degrees(const rg_plan *plan, const rg_results *r, int *du, int *dt, int *n_tasks) {
  for (int t = 0; t < plan->n_tasks; t++) {
    const rg_task *task = &plan->tasks[t];
    for (int j = 0; j < task->link_count; j++) {
      int row = r->row_of_unit[plan->links[plan->task_links[task->link_begin + j]].unit];
      if (row < 0) continue;
      du[row]++;
      dt[t]++;
    }
  }
  int n = 0; /* tasks without concrete units are not in the model */
  for (int t = 0; t < plan->n_tasks; t++)
    if (dt[t] > 0) dt[n++] = dt[t];
  *n_tasks = n;
}

/* Mark each unit's strongest tie (weight, then p, then order). */
static void strongest(rg_results *r) {
  int *best = rg_xmalloc(((size_t)r->n_units + 1) * sizeof *best);
  for (int i = 0; i < r->n_units; i++)
    best[i] = -1;
  for (int k = 0; k < r->n_ties; k++) {
    const rg_tie *t = &r->ties[k];
    int ends[2] = {r->row_of_unit[t->a], r->row_of_unit[t->b]};
    for (int e = 0; e < 2; e++) {
      int *b = &best[ends[e]];
      const rg_tie *o = *b >= 0 ? &r->ties[*b] : NULL;
      if (!o || t->weight > o->weight || (t->weight == o->weight && t->p < o->p)) *b = k;
    }
  }
  for (int i = 0; i < r->n_units; i++)
    if (best[i] >= 0) r->ties[best[i]].backbone |= RG_TIE_STRONGEST;
  free(best);
}

void rg_backbone(const rg_plan *plan, rg_results *r, double alpha) {
  r->alpha = alpha;
  if (!r->n_units) return;
  int *du = rg_xcalloc((size_t)r->n_units + 1, sizeof *du);
  int *dt = rg_xcalloc((size_t)plan->n_tasks + 1, sizeof *dt);
  int n_tasks = 0;
  degrees(plan, r, du, dt, &n_tasks);
  classes u, t;
  int *u_class = rg_xmalloc(((size_t)r->n_units + 1) * sizeof *u_class);
  int *t_class = rg_xmalloc(((size_t)n_tasks + 1) * sizeof *t_class);
  make_classes(du, r->n_units, &u, u_class);
  make_classes(dt, n_tasks, &t, t_class);
  solve(&u, &t, r->n_units, n_tasks);
  double *q = rg_xcalloc((size_t)t.n + 1, sizeof *q);
  for (int k = 0; k < r->n_ties; k++) {
    rg_tie *tie = &r->ties[k];
    double xa = u.v[u_class[r->row_of_unit[tie->a]]], xb = u.v[u_class[r->row_of_unit[tie->b]]];
    for (int j = 0; j < t.n; j++)
      q[j] = prob(xa, t.v[j]) * prob(xb, t.v[j]);
    tie->p = upper_tail(&t, q, tie->shared);
    tie->backbone = tie->p < alpha ? RG_TIE_SIGNIFICANT : 0;
  }
  strongest(r);
  free(q);
  free(u_class);
  free(t_class);
  classes_free(&u);
  classes_free(&t);
  free(du);
  free(dt);
}
