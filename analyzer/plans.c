/* plans.c - load by plan, compare and trend (plans.h). */
#include "plans.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "similar.h"
#include "sort.h"

/* ------------------------------------------------------------ load by plan */

int rg_load_by_plan(const rg_plan *plan, const rg_results *r, rg_unit_plan_load **out) {
  int ns = plan->n_sources > 0 ? plan->n_sources : 1, n = 0;
  int *led = rg_xcalloc((size_t)ns, sizeof *led), *sup = rg_xcalloc((size_t)ns, sizeof *sup);
  *out = rg_xmalloc(((size_t)r->n_units * (size_t)ns + 1) * sizeof **out);
  for (int i = 0; i < r->n_units; i++) {
    int u = r->units[i].unit;
    memset(led, 0, (size_t)ns * sizeof *led);
    memset(sup, 0, (size_t)ns * sizeof *sup);
    const rg_unit *x = &plan->units[u];
    for (int j = 0; j < x->link_count; j++) {
      const rg_link *l = &plan->links[plan->unit_links[x->link_begin + j]];
      int s = plan->tasks[l->task].source;
      if (l->role == RG_ROLE_LEAD)
        led[s]++;
      else
        sup[s]++;
    }
    for (int s = 0; s < ns; s++) {
      if (!led[s] && !sup[s]) continue;
      rg_unit_plan_load *p = &(*out)[n++];
      p->unit = u;
      p->source = s;
      p->led = led[s];
      p->supported = sup[s];
      p->load = r->opts.lead_weight * led[s] + r->opts.support_weight * sup[s];
    }
  }
  free(led);
  free(sup);
  return n;
}

/* ------------------------------------------------------------------ compare */

static int cmp_str(const void *a, const void *b, void *ctx) {
  (void)ctx;
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Sort and deduplicate names[0..n); returns the new count. */
static int unique_names(const char **names, int n) {
  rg_sort(names, (size_t)n, sizeof *names, cmp_str, NULL);
  int d = 0;
  for (int i = 0; i < n; i++)
    if (!d || strcmp(names[d - 1], names[i])) names[d++] = names[i];
  return d;
}

/* Is name in the sorted names[0..n)? */
static int has_name(const char *const *names, int n, const char *name) {
  return rg_bsearch(&name, names, (size_t)n, sizeof *names, cmp_str, NULL) != NULL;
}

static int concrete(const rg_results *r, int u) { return u >= 0 && r->row_of_unit[u] >= 0; }

typedef struct pair {
  int a, b;
  double score, s1, s2;
} pair;

static int by_score(const void *x, const void *y, void *ctx) {
  (void)ctx;
  const pair *p = x, *q = y;
  if (p->score != q->score) return p->score > q->score ? -1 : 1;
  if (p->a != q->a) return p->a < q->a ? -1 : 1;
  return (p->b > q->b) - (p->b < q->b);
}

/* Carried tasks: best pairs first, one-to-one. carry[t] = NEW task of OLD
 * task t or -1; taken[t'] = 1 for a NEW task carried into. */
static void carry_tasks(const rg_plan *old, const rg_plan *nw, int *carry, double *carry_score,
                        unsigned char *taken) {
  rg_bigrams *bo = rg_xcalloc((size_t)old->n_tasks + 1, sizeof *bo);
  rg_bigrams *bn = rg_xcalloc((size_t)nw->n_tasks + 1, sizeof *bn);
  for (int t = 0; t < old->n_tasks; t++)
    rg_bigrams_of(old->tasks[t].text, &bo[t]);
  for (int t = 0; t < nw->n_tasks; t++)
    rg_bigrams_of(nw->tasks[t].text, &bn[t]);
  pair *v = NULL;
  size_t n = 0, cap = 0;
  for (int a = 0; a < old->n_tasks; a++)
    for (int b = 0; b < nw->n_tasks; b++) {
      if (!rg_bigrams_may_reach(&bo[a], &bn[b], RG_CARRY_THRESHOLD)) continue;
      double s = rg_bigrams_jaccard(&bo[a], &bn[b]);
      if (s < RG_CARRY_THRESHOLD) continue;
      RG_GROW(v, cap, n + 1);
      v[n++] = (pair){a, b, s, 0, 0};
    }
  rg_sort(v, n, sizeof *v, by_score, NULL);
  for (int t = 0; t < old->n_tasks; t++)
    carry[t] = -1;
  for (size_t k = 0; k < n; k++)
    if (carry[v[k].a] < 0 && !taken[v[k].b]) {
      carry[v[k].a] = v[k].b;
      carry_score[v[k].a] = v[k].score;
      taken[v[k].b] = 1;
    }
  free(v);
  for (int t = 0; t < old->n_tasks; t++)
    rg_bigrams_free(&bo[t]);
  for (int t = 0; t < nw->n_tasks; t++)
    rg_bigrams_free(&bn[t]);
  free(bo);
  free(bn);
}

/* The Jaccard similarity of OLD unit r's tasks carried into NEW and NEW unit
 * a's tasks. mark: NEW task flags, zero on entry and exit. */
static double task_similarity(const rg_plan *old, int r, const rg_plan *nw, int a, const int *carry,
                              unsigned char *mark) {
  const rg_unit *x = &old->units[r], *y = &nw->units[a];
  int n_x = 0, both = 0;
  for (int j = 0; j < x->link_count; j++) {
    int t = carry[old->links[old->unit_links[x->link_begin + j]].task];
    if (t >= 0 && !mark[t]) mark[t] = 1, n_x++;
  }
  for (int j = 0; j < y->link_count; j++)
    both += mark[nw->links[nw->unit_links[y->link_begin + j]].task] == 1;
  for (int j = 0; j < x->link_count; j++) {
    int t = carry[old->links[old->unit_links[x->link_begin + j]].task];
    if (t >= 0) mark[t] = 0;
  }
  int all = n_x + y->link_count - both;
  return all ? (double)both / all : 0;
}

/* The partners of unit u in results r, by name (new_name maps a unit of r's
 * plan to the name to show; NULL: its own), sorted; *n their count. */
static const char **partners(const rg_plan *p, const rg_results *r, int u,
                             const char *const *new_name, int *n) {
  const char **v = rg_xmalloc(((size_t)r->n_ties + 1) * sizeof *v);
  int k = 0;
  for (int e = 0; e < r->n_ties; e++) {
    int o = r->ties[e].a == u ? r->ties[e].b : r->ties[e].b == u ? r->ties[e].a : -1;
    if (o >= 0) v[k++] = new_name && new_name[o] ? new_name[o] : p->units[o].name;
  }
  *n = unique_names(v, k);
  return v;
}

/* a \ b of sorted name lists into a new list. */
static const char **minus(const char *const *a, int na, const char *const *b, int nb, int *n) {
  const char **v = rg_xmalloc(((size_t)na + 1) * sizeof *v);
  *n = 0;
  for (int i = 0; i < na; i++)
    if (!has_name(b, nb, a[i])) v[(*n)++] = a[i];
  return v;
}

static int by_delta(const void *x, const void *y, void *ctx) {
  (void)ctx;
  const rg_cmp_unit *p = x, *q = y;
  double dp = fabs(p->new_load - p->old_load), dq = fabs(q->new_load - q->old_load);
  if (dp != dq) return dp > dq ? -1 : 1;
  return strcmp(p->name, q->name);
}

static int by_old_name(const void *x, const void *y, void *ctx) {
  const pair *p = x, *q = y;
  const rg_plan *const *pl = ctx;
  if (p->score != q->score) return p->score > q->score ? -1 : 1;
  int c = strcmp(pl[0]->units[p->a].name, pl[0]->units[q->a].name);
  return c ? c : strcmp(pl[1]->units[p->b].name, pl[1]->units[q->b].name);
}

/* The given renames into map (OLD unit -> NEW unit). */
static rg_status given_renames(const rg_plan *old, const rg_plan *nw, char *const *renames,
                               int n_renames, const char *file, int *map, int *mapped,
                               rg_compare *out, rg_error *err) {
  for (int i = 0; i < n_renames; i++) {
    int a = rg_plan_find_unit(old, renames[2 * i]), b = rg_plan_find_unit(nw, renames[2 * i + 1]);
    if (a < 0 || b < 0)
      return rg_error_set(err, RG_EINPUT, file, 0, 0, "%s names no unit '%s'",
                          a < 0 ? "the old plan" : "the new plan",
                          a < 0 ? renames[2 * i] : renames[2 * i + 1]);
    map[a] = b;
    mapped[b] = 1;
    out->renamed[out->n_renamed++] =
        (rg_cmp_rename){old->units[a].name, nw->units[b].name, 1, 1, NAN, NAN};
  }
  return RG_OK;
}

/* Suggested renames among the units only one plan names. */
static void suggest_renames(const rg_plan *old, const rg_results *ro, const rg_plan *nw,
                            const rg_results *rn, const int *carry, int *map, int *mapped,
                            rg_compare *out) {
  pair *v = NULL;
  size_t n = 0, cap = 0;
  unsigned char *mark = rg_xcalloc((size_t)nw->n_tasks + 1, 1);
  for (int i = 0; i < ro->n_units; i++) {
    int r = ro->units[i].unit;
    if (map[r] >= 0) continue;
    for (int j = 0; j < rn->n_units; j++) {
      int a = rn->units[j].unit;
      if (mapped[a] || rg_plan_find_unit(old, nw->units[a].name) >= 0) continue;
      double s1 = rg_text_similarity(old->units[r].name, nw->units[a].name);
      double s2 = task_similarity(old, r, nw, a, carry, mark);
      double s = (s1 + s2) / 2;
      if (s < RG_RENAME_SCORE) continue;
      RG_GROW(v, cap, n + 1);
      v[n++] = (pair){r, a, s, s1, s2};
    }
  }
  free(mark);
  const rg_plan *pl[2] = {old, nw};
  rg_sort(v, n, sizeof *v, by_old_name, pl);
  for (size_t k = 0; k < n; k++) {
    if (map[v[k].a] >= 0 || mapped[v[k].b]) continue;
    map[v[k].a] = v[k].b;
    mapped[v[k].b] = 1;
    out->renamed[out->n_renamed++] = (rg_cmp_rename){
        old->units[v[k].a].name, nw->units[v[k].b].name, 0, v[k].score, v[k].s1, v[k].s2};
  }
  free(v);
}

/* The unit rows: every concrete unit of NEW, then the removed ones. */
static void compare_units(const rg_plan *old, const rg_results *ro, const rg_plan *nw,
                          const rg_results *rn, const int *map, rg_compare *out) {
  int *inv = rg_xmalloc(((size_t)nw->n_units + 1) * sizeof *inv);
  for (int u = 0; u < nw->n_units; u++)
    inv[u] = -1;
  const char **shown = rg_xcalloc((size_t)old->n_units + 1, sizeof *shown);
  for (int u = 0; u < old->n_units; u++)
    if (map[u] >= 0) {
      inv[map[u]] = u;
      shown[u] = nw->units[map[u]].name;
    }
  out->units = rg_xcalloc((size_t)(ro->n_units + rn->n_units) + 1, sizeof *out->units);
  out->added = rg_xmalloc(((size_t)rn->n_units + 1) * sizeof *out->added);
  out->removed = rg_xmalloc(((size_t)ro->n_units + 1) * sizeof *out->removed);
  for (int j = 0; j < rn->n_units; j++) {
    const rg_unit_stats *s = &rn->units[j];
    int o = inv[s->unit];
    if (!concrete(ro, o)) o = -1;
    rg_cmp_unit *c = &out->units[out->n_units++];
    c->name = nw->units[s->unit].name;
    c->new_load = s->load;
    c->new_rank = s->rank;
    int np, op = 0;
    const char **pn = partners(nw, rn, s->unit, NULL, &np), **po = NULL;
    if (o >= 0) {
      const rg_unit_stats *t = &ro->units[ro->row_of_unit[o]];
      c->old_name = old->units[o].name;
      c->old_load = t->load;
      c->old_rank = t->rank;
      po = partners(old, ro, o, shown, &op);
    } else {
      out->added[out->n_added++] = c->name;
    }
    c->gained = minus(pn, np, po, op, &c->n_gained);
    c->lost = minus(po, op, pn, np, &c->n_lost);
    free(pn);
    free(po);
  }
  for (int i = 0; i < ro->n_units; i++) {
    const rg_unit_stats *t = &ro->units[i];
    if (map[t->unit] >= 0 && concrete(rn, map[t->unit])) continue;
    rg_cmp_unit *c = &out->units[out->n_units++];
    c->name = c->old_name = old->units[t->unit].name;
    c->old_load = t->load;
    c->old_rank = t->rank;
    int op;
    const char **po = partners(old, ro, t->unit, shown, &op);
    c->gained = rg_xmalloc(sizeof *c->gained);
    c->lost = po;
    c->n_lost = op;
    out->removed[out->n_removed++] = c->name;
  }
  out->n_added = unique_names(out->added, out->n_added);
  out->n_removed = unique_names(out->removed, out->n_removed);
  rg_sort(out->units, (size_t)out->n_units, sizeof *out->units, by_delta, NULL);
  free(inv);
  free(shown);
}

rg_status rg_compare_plans(const rg_plan *old, const rg_results *ro, const rg_plan *nw,
                           const rg_results *rn, char *const *renames, int n_renames,
                           const char *file, rg_compare *out, rg_error *err) {
  memset(out, 0, sizeof *out);
  int *map = rg_xmalloc(((size_t)old->n_units + 1) * sizeof *map);
  int *mapped = rg_xcalloc((size_t)nw->n_units + 1, sizeof *mapped);
  int *carry = rg_xmalloc(((size_t)old->n_tasks + 1) * sizeof *carry);
  double *carry_score = rg_xcalloc((size_t)old->n_tasks + 1, sizeof *carry_score);
  unsigned char *taken = rg_xcalloc((size_t)nw->n_tasks + 1, 1);
  out->renamed = rg_xcalloc((size_t)(n_renames + ro->n_units) + 1, sizeof *out->renamed);
  for (int u = 0; u < old->n_units; u++)
    map[u] = -1;
  rg_status st = given_renames(old, nw, renames, n_renames, file, map, mapped, out, err);
  if (!st) {
    for (int u = 0; u < old->n_units; u++) {
      int b = map[u] < 0 ? rg_plan_find_unit(nw, old->units[u].name) : map[u];
      if (map[u] < 0 && b >= 0 && !mapped[b]) map[u] = b, mapped[b] = 1;
    }
    carry_tasks(old, nw, carry, carry_score, taken);
    suggest_renames(old, ro, nw, rn, carry, map, mapped, out);
    compare_units(old, ro, nw, rn, map, out);
    out->carried = rg_xmalloc(((size_t)old->n_tasks + 1) * sizeof *out->carried);
    out->dropped = rg_xmalloc(((size_t)old->n_tasks + 1) * sizeof *out->dropped);
    out->new_tasks = rg_xmalloc(((size_t)nw->n_tasks + 1) * sizeof *out->new_tasks);
    for (int t = 0; t < old->n_tasks; t++)
      if (carry[t] >= 0)
        out->carried[out->n_carried++] = (rg_cmp_task){t, carry[t], carry_score[t]};
      else
        out->dropped[out->n_dropped++] = t;
    for (int t = 0; t < nw->n_tasks; t++)
      if (!taken[t]) out->new_tasks[out->n_new++] = t;
  }
  free(map);
  free(mapped);
  free(carry);
  free(carry_score);
  free(taken);
  if (st) rg_compare_free(out);
  return st;
}

void rg_compare_free(rg_compare *c) {
  for (int i = 0; i < c->n_units; i++) {
    free(c->units[i].gained);
    free(c->units[i].lost);
  }
  free(c->units);
  free(c->renamed);
  free(c->added);
  free(c->removed);
  free(c->carried);
  free(c->new_tasks);
  free(c->dropped);
  memset(c, 0, sizeof *c);
}

/* -------------------------------------------------------------------- trend */

static int by_k(const void *x, const void *y, void *ctx) {
  const rg_trend_unit *p = x, *q = y;
  int n = *(const int *)ctx;
  if (p->k != q->k) return p->k > q->k ? -1 : 1;
  if (p->loads[n - 1] != q->loads[n - 1]) return p->loads[n - 1] > q->loads[n - 1] ? -1 : 1;
  return strcmp(p->name, q->name);
}

/* The name a unit goes by after the renames (old0, new0, old1, new1...),
 * applied in turn: at most n of them, so a cycle ends. */
static const char *renamed(const char *name, char *const *renames, int n) {
  for (int step = 0; step < n; step++) {
    int k = 0;
    while (k < n && strcmp(renames[2 * k], name))
      k++;
    if (k == n) break;
    name = renames[2 * k + 1];
  }
  return name;
}

typedef struct named_load {
  const char *name;
  double load;
} named_load;

static int by_name(const void *a, const void *b, void *ctx) {
  (void)ctx;
  return strcmp(((const named_load *)a)->name, ((const named_load *)b)->name);
}

/* Plan i's concrete units by their names after the renames, sorted, the
 * loads of units renamed into one name summed (a merger); *n their count. */
static named_load *plan_loads(const rg_plan *p, const rg_results *r, char *const *renames,
                              int n_renames, int *n) {
  named_load *v = rg_xmalloc(((size_t)r->n_units + 1) * sizeof *v);
  for (int j = 0; j < r->n_units; j++)
    v[j] = (named_load){renamed(p->units[r->units[j].unit].name, renames, n_renames),
                        r->units[j].load};
  rg_sort(v, (size_t)r->n_units, sizeof *v, by_name, NULL);
  int d = 0;
  for (int j = 0; j < r->n_units; j++)
    if (d && !strcmp(v[d - 1].name, v[j].name))
      v[d - 1].load += v[j].load;
    else
      v[d++] = v[j];
  *n = d;
  return v;
}

void rg_trend_build(const rg_plan *const *plans, const rg_results *r, int n, char *const *renames,
                    int n_renames, rg_trend *out) {
  memset(out, 0, sizeof *out);
  out->n_plans = n;
  out->fences = rg_xcalloc((size_t)n + 1, sizeof *out->fences);
  named_load **per = rg_xcalloc((size_t)n + 1, sizeof *per);
  int *n_per = rg_xcalloc((size_t)n + 1, sizeof *n_per);
  size_t total = 0;
  for (int i = 0; i < n; i++) {
    out->fences[i] = r[i].fence;
    per[i] = plan_loads(plans[i], &r[i], renames, n_renames, &n_per[i]);
    total += (size_t)n_per[i];
  }
  const char **names = rg_xmalloc((total + 1) * sizeof *names);
  int m = 0;
  for (int i = 0; i < n; i++)
    for (int j = 0; j < n_per[i]; j++)
      names[m++] = per[i][j].name;
  m = unique_names(names, m);
  out->units = rg_xcalloc((size_t)m + 1, sizeof *out->units);
  out->n_units = m;
  for (int k = 0; k < m; k++) {
    rg_trend_unit *t = &out->units[k];
    t->name = names[k];
    t->loads = rg_xcalloc((size_t)n + 1, sizeof *t->loads);
    t->over = rg_xcalloc((size_t)n + 1, 1);
    named_load key = {t->name, 0};
    for (int i = 0; i < n; i++) {
      const named_load *x =
          rg_bsearch(&key, per[i], (size_t)n_per[i], sizeof *per[i], by_name, NULL);
      if (!x) continue;
      t->loads[i] = x->load;
      t->over[i] = x->load > r[i].fence;
      t->k += t->over[i];
    }
  }
  free(names);
  for (int i = 0; i < n; i++)
    free(per[i]);
  free(per);
  free(n_per);
  if (n > 0) rg_sort(out->units, (size_t)m, sizeof *out->units, by_k, &n);
}

void rg_trend_free(rg_trend *t) {
  for (int k = 0; k < t->n_units; k++) {
    free(t->units[k].loads);
    free(t->units[k].over);
  }
  free(t->units);
  free(t->fences);
  memset(t, 0, sizeof *t);
}
