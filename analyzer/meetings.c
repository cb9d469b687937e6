/* meetings.c - partition coordination tasks into joint meetings by unit-minutes.
 *
 * The cost of a meeting with U attendees and n agenda items is
 * U * (overhead + item * n). Joining task t (k units, a of them new) to a
 * meeting (U, n) changes the total by
 *     U * item + a * (overhead + item * (n + 1)) - k * (overhead + item),
 * so a task joins only when it shares most of its units with the meeting.
 * The partition is built greedily, improved by moves and merges, and
 * solved exactly on small plans; meetings_describe.c names, explains and
 * meetings_schedule.c dates the result. */
#include "meetings.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meetings_internal.h"
#include "sort.h"

void rg_meeting_opts_init(rg_meeting_opts *o) {
  memset(o, 0, sizeof *o);
  o->max_attendees = RG_MEETINGS_MAX_ATTENDEES;
  o->max_agenda = RG_MEETINGS_MAX_AGENDA;
  o->overhead_minutes = 30;
  o->item_minutes = 15;
  o->max_per_day = 2;
  o->sessions[0] = 9 * 60;
  o->sessions[1] = 14 * 60 + 30;
  o->n_sessions = 2;
  o->exact_max = 10;
  o->min_relevance = 0.7;
}

void rg_meeting_plan_free(rg_meeting_plan *mp) {
  if (!mp) return;
  for (int i = 0; i < mp->n_meetings; i++) {
    free(mp->meetings[i].attendees);
    free(mp->meetings[i].groups);
    free(mp->meetings[i].tasks);
    free(mp->meetings[i].title);
    free(mp->meetings[i].reason);
  }
  free(mp->meetings);
  memset(mp, 0, sizeof *mp);
}

int rg_meeting_minutes(const rg_meeting_opts *o, int n) {
  return o->overhead_minutes / 2 + o->item_minutes * n;
}

rg_status rg_meeting_parse_sessions(const char *s, rg_meeting_opts *o, rg_error *err) {
  int n = 0, prev = -1;
  const char *p = s ? s : "";
  while (*p) {
    int h, m, len = 0;
    if (n == RG_MEETINGS_MAX_SESSIONS || sscanf(p, "%2d:%2d%n", &h, &m, &len) != 2 || len != 5 ||
        h > 23 || m > 59 || h < 0 || m < 0 || h * 60 + m <= prev)
      return rg_error_set(err, RG_EUSAGE, NULL, 0, 0,
                          "--sessions '%s' is not a list of up to %d increasing times HH:MM "
                          "(e.g. 09:00,14:30)",
                          s ? s : "", RG_MEETINGS_MAX_SESSIONS);
    prev = o->sessions[n++] = h * 60 + m;
    p += len;
    if (*p == ',') p++;
  }
  if (n == 0) return rg_error_set(err, RG_EUSAGE, NULL, 0, 0, "--sessions needs at least one time");
  o->n_sessions = n;
  return RG_OK;
}

/* ------------------------------------------------------------- the state */

/* Work budget of the local improvement (about one unit per list entry
 * scanned): far above what a plan of a few thousand tasks needs, it keeps a
 * 10^5-task plan to seconds. Counted, not timed: the same on every machine. */
#define RG_WORK_IMPROVE 120000000L
/* Plans with at most this many coordination tasks run both greedy seed
 * orders and keep the cheaper partition. */
#define RG_MULTISTART_MAX 3000

static long cost_of(const mctx *x, int nu, int nt) {
  return nt ? (long)nu * (x->O + (long)x->I * nt) : 0;
}

int rg_mtg_relevant(const mctx *x, int nu, int nt, long ks) {
  return nt <= 1 || (double)ks >= x->o->min_relevance * (double)nu * (double)nt - 1e-9;
}

static int m_find(const mtg *m, int unit) {
  for (int i = 0; i < m->nu; i++)
    if (m->u[i] == unit) return i;
  return -1;
}

/* Units of t not yet in m. */
static int m_added(const mctx *x, const mtg *m, int t) {
  int a = 0;
  for (int k = x->tu_beg[t]; k < x->tu_beg[t + 1]; k++)
    a += m_find(m, x->tu[k]) < 0;
  return a;
}

/* Units that leave m when t (on m's agenda) leaves. */
static int m_removed(const mctx *x, const mtg *m, int t) {
  int r = 0;
  for (int k = x->tu_beg[t]; k < x->tu_beg[t + 1]; k++) {
    int i = m_find(m, x->tu[k]);
    r += i >= 0 && m->c[i] == 1;
  }
  return r;
}

static void m_add(mctx *x, int mi, int t) {
  mtg *m = &x->m[mi];
  RG_GROW(m->t, m->cap_t, (size_t)m->nt + 1);
  m->t[m->nt++] = t;
  m->ks += MK(x, t);
  for (int k = x->tu_beg[t]; k < x->tu_beg[t + 1]; k++) {
    int i = m_find(m, x->tu[k]);
    if (i >= 0) {
      m->c[i]++;
      continue;
    }
    RG_GROW(m->u, m->cap_u, (size_t)m->nu + 1);
    RG_GROW(m->c, m->cap_c, (size_t)m->nu + 1);
    m->u[m->nu] = x->tu[k];
    m->c[m->nu++] = 1;
  }
  x->meet_of[t] = mi;
}

static void m_del(mctx *x, int mi, int t) {
  mtg *m = &x->m[mi];
  for (int i = 0; i < m->nt; i++)
    if (m->t[i] == t) {
      memmove(&m->t[i], &m->t[i + 1], (size_t)(m->nt - i - 1) * sizeof *m->t);
      m->nt--;
      break;
    }
  m->ks -= MK(x, t);
  for (int k = x->tu_beg[t]; k < x->tu_beg[t + 1]; k++) {
    int i = m_find(m, x->tu[k]);
    if (--m->c[i] == 0) {
      m->nu--;
      m->u[i] = m->u[m->nu];
      m->c[i] = m->c[m->nu];
    }
  }
  x->meet_of[t] = -1;
}

void rg_mtg_move(mctx *x, int t, int to) {
  if (x->meet_of[t] >= 0) m_del(x, x->meet_of[t], t);
  m_add(x, to, t);
}

int rg_mtg_new(mctx *x) {
  RG_GROW(x->m, x->cap_m, (size_t)x->nm + 1);
  memset(&x->m[x->nm], 0, sizeof(mtg));
  RG_GROW(x->mstamp, x->cap_mstamp, (size_t)x->nm + 1);
  x->mstamp[x->nm] = 0;
  return x->nm++;
}

/* Live, movable meetings that hold a unit of t, except ex. */
static void collect(mctx *x, int t, int ex) {
  x->gen++;
  x->ncand = 0;
  for (int k = x->tu_beg[t]; k < x->tu_beg[t + 1]; k++) {
    int u = x->tu[k];
    x->work -= x->ut_beg[u + 1] - x->ut_beg[u];
    for (int j = x->ut_beg[u]; j < x->ut_beg[u + 1]; j++) {
      int mi = x->meet_of[x->ut[j]];
      if (mi < 0 || mi == ex || x->mstamp[mi] == x->gen) continue;
      x->mstamp[mi] = x->gen;
      if (x->m[mi].fixed || x->m[mi].nt == 0) continue;
      RG_GROW(x->cand, x->cap_cand, (size_t)x->ncand + 1);
      x->cand[x->ncand++] = mi;
    }
  }
}

long rg_mtg_cost(const mctx *x, const mtg *m) { return cost_of(x, m->nu, m->nt); }

long rg_mctx_cost(const mctx *x) {
  long c = 0;
  for (int mi = 0; mi < x->nm; mi++)
    c += cost_of(x, x->m[mi].nu, x->m[mi].nt);
  return c;
}

/* Spread of the partition: sum over meetings of 1000 * (distinct chapters
 * - 1) + (distinct sections - 1); lower is more coherent. */
long rg_mctx_spread(const mctx *x) {
  long s = 0;
  for (int mi = 0; mi < x->nm; mi++) {
    const mtg *m = &x->m[mi];
    int dc = 0, ds = 0;
    for (int i = 0; i < m->nt; i++) {
      int newc = 1, news = 1;
      for (int j = 0; j < i; j++) {
        newc &= x->chap[m->t[j]] != x->chap[m->t[i]];
        news &= x->sec[m->t[j]] != x->sec[m->t[i]];
      }
      dc += newc;
      ds += news;
    }
    if (m->nt) s += 1000L * (dc - 1) + (ds - 1);
  }
  return s;
}

/* ------------------------------------------------------------ greedy */

typedef struct seed_keys {
  const mctx *x;
  int variant; /* 0: most units first; 1: plan order */
} seed_keys;

static int by_seed(const void *a, const void *b, void *c) {
  const seed_keys *s = c;
  int p = *(const int *)a, q = *(const int *)b;
  if (s->variant == 0 && MK(s->x, p) != MK(s->x, q)) return MK(s->x, p) > MK(s->x, q) ? -1 : 1;
  return (p > q) - (p < q);
}

/* How well t matches seed: 2 same section, 1 same chapter, 0 neither. */
static int affinity(const mctx *x, int seed, int t) {
  if (x->sec[t] >= 0 && x->sec[t] == x->sec[seed]) return 2;
  return x->chap[t] >= 0 && x->chap[t] == x->chap[seed];
}

/* The unplaced task whose joining meeting mi saves most unit-minutes (ties:
 * affinity with the seed, then plan order), or -1 when none saves any. The
 * per-unit lists ul/ulen of unplaced tasks are compacted on the way. */
static int best_joiner(mctx *x, int mi, int seed, int *ul, int *ulen, int *tstamp, int tgen) {
  mtg *m = &x->m[mi];
  int best = -1, baff = 0;
  long bsave = 0;
  for (int i = 0; i < m->nu; i++) {
    int u = m->u[i];
    int *lst = &ul[x->ut_beg[u]];
    int w = 0;
    for (int j = 0; j < ulen[u]; j++) {
      int t = lst[j];
      if (x->meet_of[t] >= 0) continue;
      lst[w++] = t;
      if (tstamp[t] == tgen) continue;
      tstamp[t] = tgen;
      if (MK(x, t) > x->A) continue;
      int a = m_added(x, m, t);
      if (m->nu + a > x->A || !rg_mtg_relevant(x, m->nu + a, m->nt + 1, m->ks + MK(x, t))) continue;
      long save = (long)MK(x, t) * (x->O + x->I) - (long)m->nu * x->I -
                  (long)a * (x->O + (long)x->I * (m->nt + 1));
      if (save <= 0) continue;
      int af = affinity(x, seed, t);
      if (best < 0 || save > bsave || (save == bsave && (af > baff || (af == baff && t < best)))) {
        best = t;
        bsave = save;
        baff = af;
      }
    }
    ulen[u] = w;
  }
  return best;
}

/* Seed-and-grow: open a meeting with the next unplaced seed and add the
 * task that saves most while any saves and the caps allow. */
static void greedy(mctx *x, int variant) {
  int n = x->n, nup = x->plan->n_units;
  int *seeds = rg_xmalloc(((size_t)n + 1) * sizeof *seeds);
  for (int t = 0; t < n; t++)
    seeds[t] = t;
  seed_keys keys = {x, variant};
  rg_sort(seeds, (size_t)n, sizeof *seeds, by_seed, &keys);
  int *ul = rg_xmalloc(((size_t)x->ut_beg[nup] + 1) * sizeof *ul);
  memcpy(ul, x->ut, (size_t)x->ut_beg[nup] * sizeof *ul);
  int *ulen = rg_xmalloc(((size_t)nup + 1) * sizeof *ulen);
  for (int u = 0; u < nup; u++)
    ulen[u] = x->ut_beg[u + 1] - x->ut_beg[u];
  int *tstamp = rg_xcalloc((size_t)n + 1, sizeof *tstamp);
  int tgen = 0;
  for (int oi = 0; oi < n; oi++) {
    int seed = seeds[oi];
    if (x->meet_of[seed] >= 0) continue;
    int mi = rg_mtg_new(x);
    m_add(x, mi, seed);
    if (MK(x, seed) > x->A) {
      x->m[mi].fixed = 1;
      continue;
    }
    while (x->m[mi].nt < x->G) {
      int best = best_joiner(x, mi, seed, ul, ulen, tstamp, ++tgen);
      if (best < 0) break;
      m_add(x, mi, best);
    }
  }
  free(tstamp);
  free(ulen);
  free(ul);
  free(seeds);
}

/* ---------------------------------------------------------- improvement */

/* Move t to the meeting (or a new one alone) where the total cost falls
 * most, if it falls. Returns 1 when t moved. */
static int improve_task(mctx *x, int t) {
  int cur = x->meet_of[t];
  mtg *mc = &x->m[cur];
  if (mc->fixed) return 0;
  int rem = m_removed(x, mc, t);
  if (!rg_mtg_relevant(x, mc->nu - rem, mc->nt - 1, mc->ks - MK(x, t))) return 0;
  long gain = cost_of(x, mc->nu, mc->nt) - cost_of(x, mc->nu - rem, mc->nt - 1);
  long best_add = mc->nt > 1 ? (long)MK(x, t) * (x->O + x->I) : LONG_MAX;
  int best = -1;
  collect(x, t, cur);
  for (int i = 0; i < x->ncand; i++) {
    int mi = x->cand[i];
    const mtg *m = &x->m[mi];
    if (m->nt >= x->G) continue;
    int a = m_added(x, m, t);
    if (m->nu + a > x->A || !rg_mtg_relevant(x, m->nu + a, m->nt + 1, m->ks + MK(x, t))) continue;
    long add = cost_of(x, m->nu + a, m->nt + 1) - cost_of(x, m->nu, m->nt);
    if (add < best_add || (add == best_add && best >= 0 && mi < best)) {
      best_add = add;
      best = mi;
    }
  }
  if (best_add >= gain) return 0;
  if (best < 0) best = rg_mtg_new(x);
  rg_mtg_move(x, t, best);
  return 1;
}

/* Merge meeting X into the partner sharing a unit with which the cost falls
 * most, if any. Returns 1 when merged. */
static int improve_merge(mctx *x, int X) {
  mtg *mx = &x->m[X];
  if (mx->fixed || mx->nt == 0) return 0;
  x->gen++;
  int best = -1;
  long best_gain = 0;
  for (int i = 0; i < mx->nt; i++) {
    int t = mx->t[i];
    for (int k = x->tu_beg[t]; k < x->tu_beg[t + 1]; k++) {
      int u = x->tu[k];
      x->work -= x->ut_beg[u + 1] - x->ut_beg[u];
      for (int j = x->ut_beg[u]; j < x->ut_beg[u + 1]; j++) {
        int Y = x->meet_of[x->ut[j]];
        if (Y == X || x->mstamp[Y] == x->gen) continue;
        x->mstamp[Y] = x->gen;
        const mtg *my = &x->m[Y];
        if (my->fixed || mx->nt + my->nt > x->G) continue;
        int nu = mx->nu;
        for (int q = 0; q < my->nu; q++)
          nu += m_find(mx, my->u[q]) < 0;
        if (nu > x->A || !rg_mtg_relevant(x, nu, mx->nt + my->nt, mx->ks + my->ks)) continue;
        long gain = cost_of(x, mx->nu, mx->nt) + cost_of(x, my->nu, my->nt) -
                    cost_of(x, nu, mx->nt + my->nt);
        if (gain > best_gain || (gain == best_gain && gain > 0 && Y < best)) {
          best_gain = gain;
          best = Y;
        }
      }
    }
  }
  if (best < 0) return 0;
  while (x->m[X].nt > 0)
    rg_mtg_move(x, x->m[X].t[0], best);
  return 1;
}

/* Moves and merges, repeated while they lower the cost, within the budget. */
static void improve(mctx *x) {
  x->work = RG_WORK_IMPROVE;
  for (int round = 0; round < 20 && x->work > 0; round++) {
    int changed = 0;
    for (int t = 0; t < x->n && x->work > 0; t++)
      changed |= improve_task(x, t);
    for (int mi = 0; mi < x->nm && x->work > 0; mi++)
      changed |= improve_merge(x, mi);
    if (!changed) break;
  }
}

/* ------------------------------------------------------------- driver */

static void mctx_free(mctx *x) {
  for (int i = 0; i < x->nm; i++) {
    free(x->m[i].t);
    free(x->m[i].u);
    free(x->m[i].c);
  }
  free(x->m);
  free(x->mstamp);
  free(x->cand);
  free(x->ptask);
  free(x->tu_beg);
  free(x->tu);
  free(x->ut_beg);
  free(x->ut);
  free(x->chap);
  free(x->sec);
  free(x->meet_of);
}

/* 1 when unit u supports plan task t only as a roster member of a collective
 * that t names: it is invited with the group, not an attendee. */
static int via_group(const rg_plan *p, const rg_meeting_opts *o, int t, const rg_link *l) {
  if (!o->roster || l->role == RG_ROLE_LEAD) return 0;
  for (int i = 0; i < o->n_roster; i++)
    if (o->roster[2 * i + 1] == l->unit && rg_plan_find_link(p, t, o->roster[2 * i]) >= 0) return 1;
  return 0;
}

/* The concrete units of plan task t (minus excluded ones and roster members
 * invited with their group) appended to tu; returns how many. seen is a
 * stamp array over plan units. */
static int task_units(const rg_plan *p, const rg_meeting_opts *o, int t, const unsigned char *excl,
                      int *seen, int **tu, size_t *cap, int ntu) {
  const rg_task *k = &p->tasks[t];
  int n = 0;
  for (int j = k->link_begin; j < k->link_begin + k->link_count; j++) {
    const rg_link *l = &p->links[p->task_links[j]];
    int u = l->unit;
    if (p->units[u].kind != RG_KIND_UNIT || excl[u] || seen[u] == t + 1 || via_group(p, o, t, l))
      continue;
    seen[u] = t + 1;
    RG_GROW(*tu, *cap, (size_t)ntu + n + 1);
    (*tu)[ntu + n++] = u;
  }
  return n;
}

/* Build the coordination tasks and their concrete unit lists (CSR both ways). */
static void build(mctx *x) {
  const rg_plan *p = x->plan;
  const rg_meeting_opts *o = x->o;
  int nup = p->n_units;
  unsigned char *excl = rg_xcalloc((size_t)nup + 1, 1);
  for (int i = 0; i < o->n_exclude; i++)
    if (o->exclude[i] >= 0 && o->exclude[i] < nup) excl[o->exclude[i]] = 1;
  int *seen = rg_xcalloc((size_t)nup + 1, sizeof *seen);
  size_t cap_tu = 0;
  x->tu_beg = rg_xmalloc(((size_t)p->n_tasks + 2) * sizeof *x->tu_beg);
  x->ptask = rg_xmalloc(((size_t)p->n_tasks + 1) * sizeof *x->ptask);
  x->chap = rg_xmalloc(((size_t)p->n_tasks + 1) * sizeof *x->chap);
  x->sec = rg_xmalloc(((size_t)p->n_tasks + 1) * sizeof *x->sec);
  int ntu = 0, n = 0;
  for (int t = 0; t < p->n_tasks; t++) {
    if (o->chapter > 0 && p->tasks[t].chapter != o->chapter - 1) continue;
    int k = task_units(p, o, t, excl, seen, &x->tu, &cap_tu, ntu);
    if (k < 2) continue;
    rg_sort(&x->tu[ntu], (size_t)k, sizeof *x->tu, rg_cmp_int, NULL);
    x->ptask[n] = t;
    x->chap[n] = p->tasks[t].chapter;
    x->sec[n] = p->tasks[t].section;
    x->tu_beg[n++] = ntu;
    ntu += k;
  }
  x->tu_beg[n] = ntu;
  x->n = n;
  x->ut_beg = rg_xcalloc((size_t)nup + 2, sizeof *x->ut_beg);
  for (int k = 0; k < ntu; k++)
    x->ut_beg[x->tu[k] + 1]++;
  for (int u = 0; u < nup; u++)
    x->ut_beg[u + 1] += x->ut_beg[u];
  x->ut = rg_xmalloc(((size_t)ntu + 1) * sizeof *x->ut);
  int *fill = rg_xmalloc(((size_t)nup + 1) * sizeof *fill);
  memcpy(fill, x->ut_beg, (size_t)nup * sizeof *fill);
  for (int t = 0; t < n; t++)
    for (int k = x->tu_beg[t]; k < x->tu_beg[t + 1]; k++)
      x->ut[fill[x->tu[k]]++] = t;
  free(fill);
  x->meet_of = rg_xmalloc(((size_t)n + 1) * sizeof *x->meet_of);
  for (int t = 0; t < n; t++)
    x->meet_of[t] = -1;
  free(seen);
  free(excl);
}

static void reset_meetings(mctx *x) {
  for (int i = 0; i < x->nm; i++) {
    free(x->m[i].t);
    free(x->m[i].u);
    free(x->m[i].c);
  }
  x->nm = 0;
  for (int t = 0; t < x->n; t++)
    x->meet_of[t] = -1;
}

/* Rebuild x's meetings from grp (task -> group) and fixed (group -> 1). */
static void load_groups(mctx *x, const int *grp, int ng, const unsigned char *fixed) {
  reset_meetings(x);
  for (int g = 0; g < ng; g++)
    x->m[rg_mtg_new(x)].fixed = fixed[g];
  for (int t = 0; t < x->n; t++)
    m_add(x, grp[t], t);
}

/* x's live meetings as groups: grp[t] and fixed[g]; returns the count. */
static int save_groups(const mctx *x, int *grp, unsigned char *fixed) {
  int ng = 0;
  for (int mi = 0; mi < x->nm; mi++) {
    const mtg *m = &x->m[mi];
    if (m->nt == 0) continue;
    fixed[ng] = (unsigned char)m->fixed;
    for (int j = 0; j < m->nt; j++)
      grp[m->t[j]] = ng;
    ng++;
  }
  return ng;
}

/* Greedy and improvement from each seed order (both when the plan is small
 * enough), the exact search on small plans, keeping the partition of least
 * (cost, spread); x ends holding it. */
static void best_partition(mctx *x) {
  int nvar = x->n <= RG_MULTISTART_MAX ? 2 : 1;
  int *grp = rg_xmalloc(((size_t)x->n + 1) * sizeof *grp);
  unsigned char *fixed = rg_xmalloc((size_t)x->n + 1);
  int ng = 0;
  long best_c = LONG_MAX, best_s = LONG_MAX;
  for (int v = 0; v < nvar; v++) {
    if (v) reset_meetings(x);
    greedy(x, v);
    improve(x);
    rg_meetings_exact(x);
    long c = rg_mctx_cost(x), s = rg_mctx_spread(x);
    if (c < best_c || (c == best_c && s < best_s)) {
      best_c = c;
      best_s = s;
      ng = save_groups(x, grp, fixed);
    }
  }
  load_groups(x, grp, ng, fixed);
  free(grp);
  free(fixed);
}

static rg_status check_opts(const rg_plan *plan, const rg_meeting_opts *o, rg_error *err) {
  if (o->max_attendees < 2)
    return rg_error_set(err, RG_EUSAGE, NULL, 0, 0, "--max-attendees must be at least 2");
  if (o->max_agenda < 1)
    return rg_error_set(err, RG_EUSAGE, NULL, 0, 0, "--max-agenda must be at least 1");
  if (o->overhead_minutes < 0 || o->overhead_minutes > 480)
    return rg_error_set(err, RG_EUSAGE, NULL, 0, 0, "--overhead-minutes must be from 0 to 480");
  if (o->item_minutes < 1 || o->item_minutes > 240)
    return rg_error_set(err, RG_EUSAGE, NULL, 0, 0, "--item-minutes must be from 1 to 240");
  if (o->rooms < 0) return rg_error_set(err, RG_EUSAGE, NULL, 0, 0, "--rooms must be at least 1");
  if (!(o->min_relevance >= 0 && o->min_relevance <= 1))
    return rg_error_set(err, RG_EUSAGE, NULL, 0, 0, "--min-relevance must be from 0 to 1");
  if (o->max_per_day < 1)
    return rg_error_set(err, RG_EUSAGE, NULL, 0, 0, "--max-per-day must be at least 1");
  if (o->chapter < 0 || o->chapter > plan->n_chapters)
    return rg_error_set(err, RG_EUSAGE, NULL, 0, 0,
                        "--chapter %d does not exist: the plan has %d chapters", o->chapter,
                        plan->n_chapters);
  int len = rg_meeting_minutes(o, o->max_agenda);
  for (int i = 0; i < o->n_sessions; i++) {
    int next = i + 1 < o->n_sessions ? o->sessions[i + 1] : 24 * 60;
    if (o->sessions[i] + len > next)
      return rg_error_set(err, RG_EUSAGE, NULL, 0, 0,
                          "session %02d:%02d cannot hold a meeting of %d items (%d minutes) "
                          "before %02d:%02d",
                          o->sessions[i] / 60, o->sessions[i] % 60, o->max_agenda, len,
                          next / 60 % 24, next % 60);
  }
  if (o->n_sessions < 1) return rg_error_set(err, RG_EUSAGE, NULL, 0, 0, "no sessions");
  return RG_OK;
}

rg_status rg_meetings_plan(const rg_plan *plan, const rg_meeting_opts *opts, rg_meeting_plan *out,
                           rg_error *err) {
  memset(out, 0, sizeof *out);
  rg_meeting_opts o;
  if (opts)
    o = *opts;
  else
    rg_meeting_opts_init(&o);
  rg_status st = check_opts(plan, &o, err);
  if (st) return st;
  mctx x = {0};
  x.plan = plan;
  x.o = &o;
  x.A = o.max_attendees;
  x.G = o.max_agenda;
  x.O = o.overhead_minutes;
  x.I = o.item_minutes;
  build(&x);
  best_partition(&x);
  out->opts = o;
  rg_meetings_emit(&x, out);
  rg_meetings_schedule(plan, &o, out);
  mctx_free(&x);
  return RG_OK;
}
