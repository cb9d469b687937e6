/* timeline.c - load per quarter or month, with a fence per period (timeline.h). */
#include "timeline.h"

#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "calendar.h"
#include "sort.h"

/* The periods task t covers: those its interval overlaps, else all. */
static void covered(const rg_timeline *tl, const rg_task *k, int *first, int *last) {
  *first = 0;
  *last = tl->n_periods - 1;
  const rg_due *d = &k->due;
  if (d->kind == RG_DUE_NONE || d->kind == RG_DUE_UNREAD || (!d->start && !d->end)) return;
  int f = -1, l = -1;
  for (int p = 0; p < tl->n_periods; p++)
    if (d->start <= tl->end[p] && d->end >= tl->start[p]) {
      if (f < 0) f = p;
      l = p;
    }
  if (f >= 0) *first = f, *last = l;
}

static int cmp_double(const void *a, const void *b, void *ctx) {
  (void)ctx;
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* Tukey's fence of each period over every unit's load there. */
static void fences(rg_timeline *tl) {
  int n = tl->n_units, np = tl->n_periods;
  double *v = rg_xcalloc((size_t)n + 1, sizeof *v);
  for (int p = 0; p < np; p++) {
    for (int i = 0; i < n; i++)
      v[i] = tl->load[(size_t)i * np + p];
    rg_sort(v, (size_t)n, sizeof *v, cmp_double, NULL);
    tl->q1[p] = n ? rg_quantile_sorted(v, n, 0.25) : 0;
    tl->q3[p] = n ? rg_quantile_sorted(v, n, 0.75) : 0;
    tl->fence[p] = tl->q3[p] + 1.5 * (tl->q3[p] - tl->q1[p]);
    for (int i = 0; i < n; i++)
      tl->over[(size_t)i * np + p] = tl->load[(size_t)i * np + p] > tl->fence[p];
  }
  free(v);
}

static void periods(rg_timeline *tl, int year, int months) {
  tl->year = year;
  tl->months = months;
  tl->n_periods = 12 / months;
  for (int p = 0; p < tl->n_periods; p++) {
    int m = p * months + 1, e = m + months; /* first month, first month after */
    tl->start[p] = rg_days_from_civil(year, m, 1);
    tl->end[p] = (e > 12 ? rg_days_from_civil(year + 1, 1, 1) : rg_days_from_civil(year, e, 1)) - 1;
  }
}

rg_status rg_timeline_build(const rg_plan *plan, const rg_results *res, int months,
                            rg_timeline *out, rg_error *err) {
  long as_of = out->as_of;
  int soon = out->soon_days;
  memset(out, 0, sizeof *out);
  out->as_of = as_of, out->soon_days = soon;
  if (!plan->year)
    return rg_error_set(err, RG_EINPUT, plan->path, 0, 0,
                        "the plan's year is not known (its title, date and document number name "
                        "none): give it with --year YYYY");
  periods(out, plan->year, months);
  int n = res->n_units, np = out->n_periods;
  out->n_units = n;
  out->unit = rg_xcalloc((size_t)n + 1, sizeof *out->unit);
  out->lead_share = rg_xcalloc((size_t)n * np + 1, sizeof *out->lead_share);
  out->support_share = rg_xcalloc((size_t)n * np + 1, sizeof *out->support_share);
  out->load = rg_xcalloc((size_t)n * np + 1, sizeof *out->load);
  out->over = rg_xcalloc((size_t)n * np + 1, 1);
  out->row_of_unit = rg_xmalloc(((size_t)plan->n_units + 1) * sizeof *out->row_of_unit);
  out->first = rg_xcalloc((size_t)plan->n_tasks + 1, sizeof *out->first);
  out->last = rg_xcalloc((size_t)plan->n_tasks + 1, sizeof *out->last);
  for (int u = 0; u < plan->n_units; u++)
    out->row_of_unit[u] = -1;
  for (int i = 0; i < n; i++) {
    out->unit[i] = res->units[i].unit;
    out->row_of_unit[res->units[i].unit] = i;
  }
  for (int t = 0; t < plan->n_tasks; t++)
    covered(out, &plan->tasks[t], &out->first[t], &out->last[t]);
  /* every link of a concrete unit: DEN / k shares in each covered period */
  for (int l = 0; l < plan->n_links; l++) {
    const rg_link *k = &plan->links[l];
    int i = out->row_of_unit[k->unit];
    if (i < 0) continue;
    int f = out->first[k->task], e = out->last[k->task];
    long long share = RG_SHARE_DEN / (e - f + 1);
    long long *to = k->role == RG_ROLE_LEAD ? out->lead_share : out->support_share;
    for (int p = f; p <= e; p++)
      to[(size_t)i * np + p] += share;
  }
  for (size_t c = 0; c < (size_t)n * np; c++)
    out->load[c] = (res->opts.lead_weight * (double)out->lead_share[c] +
                    res->opts.support_weight * (double)out->support_share[c]) /
                   (double)RG_SHARE_DEN;
  fences(out);
  return RG_OK;
}

void rg_timeline_as_of(rg_timeline *out, long as_of, int soon_days) {
  memset(out, 0, sizeof *out);
  out->as_of = as_of;
  out->soon_days = soon_days;
}

void rg_timeline_free(rg_timeline *t) {
  if (!t) return;
  free(t->unit);
  free(t->lead_share);
  free(t->support_share);
  free(t->load);
  free(t->over);
  free(t->row_of_unit);
  free(t->first);
  free(t->last);
  long as_of = t->as_of;
  int soon = t->soon_days;
  memset(t, 0, sizeof *t);
  t->as_of = as_of, t->soon_days = soon;
}
