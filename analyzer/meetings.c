/* meetings.c - partition coordination tasks into joint meetings and give each a slot. */
#include "meetings.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sort.h"

void rg_meeting_opts_init(rg_meeting_opts *o) {
  memset(o, 0, sizeof *o);
  o->max_attendees = RG_MEETINGS_MAX_ATTENDEES;
  o->max_agenda = RG_MEETINGS_MAX_AGENDA;
  o->rooms = 0;
  o->colour_budget = 200000;
  o->exact_max = 10;
}

void rg_meeting_plan_free(rg_meeting_plan *mp) {
  if (!mp) return;
  for (int i = 0; i < mp->n_meetings; i++) {
    free(mp->meetings[i].attendees);
    free(mp->meetings[i].tasks);
    free(mp->meetings[i].reason);
  }
  free(mp->meetings);
  memset(mp, 0, sizeof *mp);
}

/* ------------------------------------------------------------- the state */

/* Work budgets (about one unit per unit-list entry or meeting scanned) of the
 * two local-search phases over the whole run: far above what a plan of a few
 * thousand tasks needs, they keep a 10^4..10^5-task plan to seconds. The
 * count is deterministic, so the result does not depend on the machine. */
#define RG_WORK_ELIMINATE 150000000L
#define RG_WORK_SEATS 60000000L
/* Plans with at most this many coordination tasks try all four greedy seed
 * orders (each with its own budgets) and keep the best. */
#define RG_MULTISTART_MAX 3000

/* A meeting under construction: its tasks and the multiset of their units. */
typedef struct mtg {
  int *t, nt; /* local task ids */
  size_t cap_t;
  int *u, *c, nu; /* distinct plan units and how many of its tasks have each */
  size_t cap_u, cap_c;
  int fixed; /* an oversize task alone: never touched by the search */
} mtg;

typedef struct ctx {
  const rg_plan *plan;
  const rg_meeting_opts *o;
  int A, G;
  int n;            /* coordination tasks (local ids 0..n-1, in plan order) */
  int *ptask;       /* local -> plan task */
  int *tu_beg, *tu; /* local task -> concrete plan units (CSR) */
  int *tl_beg, *tl; /* local task -> concrete lead units (CSR) */
  int *ut_beg, *ut; /* plan unit -> local tasks (CSR, ascending) */
  int *meet_of;     /* local task -> meeting, -1 none */
  mtg *m;
  int nm;
  size_t cap_m;
  int *mstamp; /* per meeting, for deduplicating candidates */
  size_t cap_mstamp;
  int gen;
  int *cand; /* candidate meetings buffer */
  size_t cap_cand;
  int ncand;
  long work; /* remaining work budget of the current phase */
} ctx;

static int K(const ctx *x, int t) { return x->tu_beg[t + 1] - x->tu_beg[t]; }

static int m_find(const mtg *m, int unit) {
  for (int i = 0; i < m->nu; i++)
    if (m->u[i] == unit) return i;
  return -1;
}

/* Units of t not yet in m. */
static int m_added(const ctx *x, const mtg *m, int t) {
  int a = 0;
  for (int k = x->tu_beg[t]; k < x->tu_beg[t + 1]; k++)
    a += m_find(m, x->tu[k]) < 0;
  return a;
}

/* Units that leave m when t (on m's agenda) leaves. */
static int m_removed(const ctx *x, const mtg *m, int t) {
  int r = 0;
  for (int k = x->tu_beg[t]; k < x->tu_beg[t + 1]; k++) {
    int i = m_find(m, x->tu[k]);
    r += i >= 0 && m->c[i] == 1;
  }
  return r;
}

static void m_add(ctx *x, int mi, int t) {
  mtg *m = &x->m[mi];
  RG_GROW(m->t, m->cap_t, (size_t)m->nt + 1);
  m->t[m->nt++] = t;
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

static void m_del(ctx *x, int mi, int t) {
  mtg *m = &x->m[mi];
  for (int i = 0; i < m->nt; i++)
    if (m->t[i] == t) {
      memmove(&m->t[i], &m->t[i + 1], (size_t)(m->nt - i - 1) * sizeof *m->t);
      m->nt--;
      break;
    }
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

static void move_task(ctx *x, int t, int to) {
  if (x->meet_of[t] >= 0) m_del(x, x->meet_of[t], t);
  m_add(x, to, t);
}

static int new_meeting(ctx *x) {
  RG_GROW(x->m, x->cap_m, (size_t)x->nm + 1);
  memset(&x->m[x->nm], 0, sizeof(mtg));
  RG_GROW(x->mstamp, x->cap_mstamp, (size_t)x->nm + 1);
  x->mstamp[x->nm] = 0;
  return x->nm++;
}

/* Live, searchable meetings that hold a unit of t, except ex1 and ex2. */
static void collect(ctx *x, int t, int ex1, int ex2) {
  x->gen++;
  x->ncand = 0;
  for (int k = x->tu_beg[t]; k < x->tu_beg[t + 1]; k++) {
    int u = x->tu[k];
    x->work -= x->ut_beg[u + 1] - x->ut_beg[u];
    for (int j = x->ut_beg[u]; j < x->ut_beg[u + 1]; j++) {
      int mi = x->meet_of[x->ut[j]];
      if (mi < 0 || mi == ex1 || mi == ex2 || x->mstamp[mi] == x->gen) continue;
      x->mstamp[mi] = x->gen;
      if (x->m[mi].fixed || x->m[mi].nt == 0) continue;
      RG_GROW(x->cand, x->cap_cand, (size_t)x->ncand + 1);
      x->cand[x->ncand++] = mi;
    }
  }
}

/* The best meeting (not ex1/ex2) that can take t: fewest added attendees,
 * then least room left (best fit), then lowest index; disjoint meetings are
 * scanned only when no meeting sharing a unit can take t and scan_all is
 * set. -1 when none. */
static int find_best(ctx *x, int t, int ex1, int ex2, int scan_all, int *added_out) {
  collect(x, t, ex1, ex2);
  int best = -1, best_a = 0, best_room = 0;
  for (int i = 0; i < x->ncand; i++) {
    int mi = x->cand[i];
    const mtg *m = &x->m[mi];
    if (m->nt >= x->G) continue;
    int a = m_added(x, m, t);
    int room = x->A - m->nu - a;
    if (room < 0) continue;
    if (best < 0 || a < best_a ||
        (a == best_a && (room < best_room || (room == best_room && mi < best)))) {
      best = mi;
      best_a = a;
      best_room = room;
    }
  }
  if (best < 0 && scan_all) {
    int k = K(x, t);
    x->work -= x->nm;
    for (int mi = 0; mi < x->nm; mi++) {
      const mtg *m = &x->m[mi];
      if (mi == ex1 || mi == ex2 || m->fixed || m->nt == 0 || m->nt >= x->G) continue;
      int room = x->A - m->nu - k;
      if (room < 0) continue;
      if (best < 0 || room < best_room) {
        best = mi;
        best_a = k;
        best_room = room;
      }
    }
  }
  if (added_out) *added_out = best_a;
  return best;
}

/* ------------------------------------------------------------ greedy */

/* The rg_sort context of the greedy's task orders. */
typedef struct seed_keys {
  const int *k;    /* K per local task */
  const int *lead; /* per local task: tasks led by its first lead */
  int variant;
} seed_keys;

static int by_size_desc(const void *a, const void *b, void *ctx) {
  const seed_keys *s = ctx;
  int x = *(const int *)a, y = *(const int *)b;
  if (s->k[x] != s->k[y]) return s->k[x] > s->k[y] ? -1 : 1;
  return (x > y) - (x < y);
}
/* Seed orders of the greedy: 0 largest first; 1 tasks of the busiest lead
 * first (then largest); 2 plan order; 3 smallest first. Ties: plan order. */
static int by_variant(const void *a, const void *b, void *ctx) {
  const seed_keys *s = ctx;
  int x = *(const int *)a, y = *(const int *)b;
  switch (s->variant) {
  case 1:
    if (s->lead[x] != s->lead[y]) return s->lead[x] > s->lead[y] ? -1 : 1;
    return by_size_desc(a, b, ctx);
  case 2:
    return (x > y) - (x < y);
  case 3:
    if (s->k[x] != s->k[y]) return s->k[x] < s->k[y] ? -1 : 1;
    return (x > y) - (x < y);
  default:
    return by_size_desc(a, b, ctx);
  }
}

static int lead0(const ctx *x, int t) {
  return x->tl_beg[t] < x->tl_beg[t + 1] ? x->tl[x->tl_beg[t]] : -1;
}

static int cluster_of_task(const ctx *x, int t) {
  if (!x->o->cluster_of_unit) return -1;
  int u = lead0(x, t) >= 0 ? lead0(x, t) : x->tu[x->tu_beg[t]];
  return x->o->cluster_of_unit[u];
}

/* Seed-and-grow: open a meeting with the largest unplaced task and add the
 * task that brings the fewest new attendees (then: same lead as the seed,
 * same cluster, larger, earlier) while the caps allow; when no task sharing
 * a unit fits, fill with the largest unplaced task that still fits. */
static void greedy(ctx *x, int variant) {
  int n = x->n;
  int *ksz = rg_xmalloc(((size_t)n + 1) * sizeof *ksz);
  int *order = rg_xmalloc(((size_t)n + 1) * sizeof *order);
  int *seeds = rg_xmalloc(((size_t)n + 1) * sizeof *seeds);
  int *lead_n = rg_xcalloc((size_t)x->plan->n_units + 1, sizeof *lead_n);
  int *lead_key = rg_xmalloc(((size_t)n + 1) * sizeof *lead_key);
  for (int t = 0; t < n; t++) {
    ksz[t] = K(x, t);
    order[t] = seeds[t] = t;
    if (lead0(x, t) >= 0) lead_n[lead0(x, t)]++;
  }
  for (int t = 0; t < n; t++)
    lead_key[t] = lead0(x, t) >= 0 ? lead_n[lead0(x, t)] : 0;
  seed_keys keys = {ksz, lead_key, variant};
  rg_sort(order, (size_t)n, sizeof *order, by_size_desc, &keys);
  rg_sort(seeds, (size_t)n, sizeof *seeds, by_variant, &keys);
  /* per-unit lists of unplaced tasks, compacted lazily */
  int nup = x->plan->n_units;
  int *ul = rg_xmalloc(((size_t)x->ut_beg[nup] + 1) * sizeof *ul);
  memcpy(ul, x->ut, (size_t)x->ut_beg[nup] * sizeof *ul);
  int *ulen = rg_xmalloc(((size_t)nup + 1) * sizeof *ulen);
  for (int u = 0; u < nup; u++)
    ulen[u] = x->ut_beg[u + 1] - x->ut_beg[u];
  /* buckets by size for the fill step: order is by size desc then index, so
   * bucket k is a contiguous run of order[] */
  int *bstart = rg_xmalloc(((size_t)x->A + 2) * sizeof *bstart);
  int *bend = rg_xmalloc(((size_t)x->A + 2) * sizeof *bend);
  for (int k = 0; k <= x->A + 1; k++)
    bstart[k] = bend[k] = 0;
  for (int i = 0; i < n; i++) {
    int k = ksz[order[i]];
    if (k > x->A) continue;
    if (bend[k] == 0) bstart[k] = i;
    bend[k] = i + 1;
  }
  int *tstamp = rg_xcalloc((size_t)n + 1, sizeof *tstamp);
  int tgen = 0;
  for (int oi = 0; oi < n; oi++) {
    int seed = seeds[oi];
    if (x->meet_of[seed] >= 0) continue;
    int mi = new_meeting(x);
    m_add(x, mi, seed);
    if (ksz[seed] > x->A) {
      x->m[mi].fixed = 1;
      continue;
    }
    int slead = lead0(x, seed), sclu = cluster_of_task(x, seed);
    while (x->m[mi].nt < x->G) {
      mtg *m = &x->m[mi];
      int best = -1, ba = 0, bl = 0, bc = 0;
      tgen++;
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
          int a = m_added(x, m, t);
          if (m->nu + a > x->A) continue;
          int l = slead >= 0 && lead0(x, t) == slead;
          int c = sclu >= 0 && cluster_of_task(x, t) == sclu;
          int better = best < 0 || a < ba ||
                       (a == ba &&
                        (l > bl || (l == bl &&
                                    (c > bc || (c == bc && (ksz[t] > ksz[best] ||
                                                            (ksz[t] == ksz[best] && t < best)))))));
          if (better) {
            best = t;
            ba = a;
            bl = l;
            bc = c;
          }
        }
        ulen[u] = w;
      }
      if (best < 0) {
        for (int k = x->A - m->nu; k >= 2 && best < 0; k--) {
          while (bstart[k] < bend[k] && x->meet_of[order[bstart[k]]] >= 0)
            bstart[k]++;
          if (bstart[k] < bend[k]) best = order[bstart[k]];
        }
      }
      if (best < 0) break;
      m_add(x, mi, best);
    }
  }
  free(tstamp);
  free(bstart);
  free(bend);
  free(ulen);
  free(ul);
  free(order);
  free(seeds);
  free(lead_n);
  free(lead_key);
  free(ksz);
}

/* ------------------------------------------------------- local search */

typedef struct mv {
  int t, from;
} mv;

static void undo(ctx *x, mv *log, int n) {
  for (int i = n - 1; i >= 0; i--)
    move_task(x, log[i].t, log[i].from);
}

/* Try to empty meeting X by moving each of its tasks elsewhere, allowing one
 * ejection (a task u of the receiving meeting moves on to a third meeting).
 * Commits and returns 1 on success; restores everything and returns 0. */
static int eliminate(ctx *x, int X) {
  mtg *mx = &x->m[X];
  int nt = mx->nt;
  int *ts = rg_xmalloc(((size_t)nt + 1) * sizeof *ts);
  memcpy(ts, mx->t, (size_t)nt * sizeof *ts);
  /* largest first */
  for (int i = 1; i < nt; i++)
    for (int j = i; j > 0 && (K(x, ts[j]) > K(x, ts[j - 1]) ||
                              (K(x, ts[j]) == K(x, ts[j - 1]) && ts[j] < ts[j - 1]));
         j--) {
      int tmp = ts[j];
      ts[j] = ts[j - 1];
      ts[j - 1] = tmp;
    }
  mv *log = rg_xmalloc(((size_t)nt * 2 + 1) * sizeof *log);
  int nlog = 0, ok = 1;
  int *hosts = NULL;
  size_t cap_hosts = 0;
  for (int i = 0; i < nt && ok; i++) {
    int t = ts[i];
    int b = find_best(x, t, X, -1, 1, NULL);
    if (b >= 0) {
      log[nlog++] = (mv){t, X};
      move_task(x, t, b);
      continue;
    }
    /* one ejection: host h takes t after giving a task u to a third meeting */
    collect(x, t, X, -1);
    int nh = x->ncand;
    RG_GROW(hosts, cap_hosts, (size_t)x->nm + 1);
    if (nh) memcpy(hosts, x->cand, (size_t)nh * sizeof *hosts);
    for (int mi = 0; mi < x->nm; mi++) /* then every other meeting */
      if (x->mstamp[mi] != x->gen && mi != X && !x->m[mi].fixed && x->m[mi].nt > 0)
        hosts[nh++] = mi;
    int done = 0;
    for (int hi = 0; hi < nh && !done && x->work > 0; hi++) {
      int h = hosts[hi];
      mtg *m = &x->m[h];
      int hnt = m->nt;
      int hts[64];
      if (hnt > 64) continue;
      memcpy(hts, m->t, (size_t)hnt * sizeof *hts);
      for (int j = 0; j < hnt && !done; j++) {
        int u = hts[j];
        x->work -= 16;
        m_del(x, h, u);
        int fits = x->m[h].nu + m_added(x, &x->m[h], t) <= x->A;
        m_add(x, h, u);
        if (!fits) continue;
        int b2 = find_best(x, u, X, h, 1, NULL);
        if (b2 < 0) continue;
        log[nlog++] = (mv){u, h};
        move_task(x, u, b2);
        log[nlog++] = (mv){t, X};
        move_task(x, t, h);
        done = 1;
      }
    }
    if (!done) ok = 0;
  }
  if (!ok) undo(x, log, nlog);
  free(hosts);
  free(log);
  free(ts);
  return ok;
}

/* Meeting indices, smallest first; ctx is the planner. */
static int by_small_meeting(const void *a, const void *b, void *c) {
  const ctx *planner = c;
  int i = *(const int *)a, j = *(const int *)b;
  const mtg *x = &planner->m[i], *y = &planner->m[j];
  if (x->nt != y->nt) return x->nt < y->nt ? -1 : 1;
  if (x->nu != y->nu) return x->nu < y->nu ? -1 : 1;
  return (i > j) - (i < j);
}

/* Meeting elimination until a pass removes nothing. Returns meetings removed. */
static int phase_eliminate(ctx *x) {
  int removed = 0, changed = 1;
  int *ord = rg_xmalloc(((size_t)x->nm + 1) * sizeof *ord);
  while (changed && x->work > 0) {
    changed = 0;
    int k = 0;
    for (int mi = 0; mi < x->nm; mi++)
      if (!x->m[mi].fixed && x->m[mi].nt > 0) ord[k++] = mi;
    rg_sort(ord, (size_t)k, sizeof *ord, by_small_meeting, x);
    for (int i = 0; i < k && x->work > 0; i++) {
      if (x->m[ord[i]].nt == 0) continue;
      if (eliminate(x, ord[i])) {
        removed++;
        changed = 1;
      }
    }
  }
  free(ord);
  return removed;
}

static int total_seats(const ctx *x) {
  int s = 0;
  for (int mi = 0; mi < x->nm; mi++)
    s += x->m[mi].nu;
  return s;
}

/* Seat-reducing moves (a task to another meeting) and swaps (two tasks of
 * two meetings trade places); a move that empties a meeting is taken even at
 * equal seats. Returns 1 when anything changed. */
static int phase_seats(ctx *x) {
  int any = 0, changed = 1, passes = 0;
  while (changed && passes++ < 50 && x->work > 0) {
    changed = 0;
    for (int t = 0; t < x->n && x->work > 0; t++) {
      int cur = x->meet_of[t];
      if (x->m[cur].fixed) continue;
      int rem = m_removed(x, &x->m[cur], t);
      int single = x->m[cur].nt == 1;
      int a;
      int b = find_best(x, t, cur, -1, single, &a);
      if (b >= 0 && (a - rem < 0 || (single && a - rem <= 0))) {
        move_task(x, t, b);
        changed = any = 1;
        continue;
      }
      /* swaps with tasks of meetings sharing a unit with t */
      collect(x, t, cur, -1);
      int nc = x->ncand;
      int *cs = rg_xmalloc(((size_t)nc + 1) * sizeof *cs);
      if (nc) memcpy(cs, x->cand, (size_t)nc * sizeof *cs);
      int swapped = 0;
      for (int ci = 0; ci < nc && !swapped; ci++) {
        int h = cs[ci];
        int hnt = x->m[h].nt;
        int hts[64];
        if (hnt > 64) continue;
        memcpy(hts, x->m[h].t, (size_t)hnt * sizeof *hts);
        for (int j = 0; j < hnt && !swapped; j++) {
          int u = hts[j];
          /* u must share a unit with cur (else it cannot lower the seats) */
          int share = 0;
          for (int k = x->tu_beg[u]; k < x->tu_beg[u + 1] && !share; k++)
            share = m_find(&x->m[cur], x->tu[k]) >= 0;
          if (!share) continue;
          x->work -= 32;
          int before = x->m[cur].nu + x->m[h].nu;
          m_del(x, cur, t);
          m_del(x, h, u);
          m_add(x, cur, u);
          m_add(x, h, t);
          int after = x->m[cur].nu + x->m[h].nu;
          if (after < before && x->m[cur].nu <= x->A && x->m[h].nu <= x->A) {
            swapped = 1;
          } else {
            m_del(x, cur, u);
            m_del(x, h, t);
            m_add(x, cur, t);
            m_add(x, h, u);
          }
        }
      }
      free(cs);
      if (swapped) changed = any = 1;
    }
  }
  return any;
}

/* ------------------------------------------------------ exact (small) */

/* Branch and bound over set partitions of the searchable tasks (those not
 * alone in an oversize meeting), for plans with at most opts.exact_max of
 * them: task i joins one of the groups opened so far or opens the next one
 * (so each partition is met once); a branch dies when it has more groups
 * than the best, or as many and no fewer seats (seats never shrink as
 * tasks are added). Starts from the local-search result, so it only ever
 * replaces it by a strictly better partition. */
typedef struct xgrp {
  int nt, nu;
  int *u, *c;
} xgrp;
typedef struct exact_st {
  ctx *x;
  int n, *ts, *grp, *best_grp;
  xgrp *g;
  int best_m, best_s;
  long nodes;
} exact_st;

static int xg_find(const xgrp *g, int unit) {
  for (int i = 0; i < g->nu; i++)
    if (g->u[i] == unit) return i;
  return -1;
}

static void exact_rec(exact_st *e, int i, int ngroups, int seats) {
  if (ngroups > e->best_m || (ngroups == e->best_m && seats >= e->best_s)) return;
  if (i == e->n) {
    e->best_m = ngroups;
    e->best_s = seats;
    memcpy(e->best_grp, e->grp, (size_t)e->n * sizeof *e->grp);
    return;
  }
  if (++e->nodes > 5000000L) return;
  ctx *x = e->x;
  int t = e->ts[i];
  for (int gi = 0; gi <= ngroups && gi < e->n; gi++) {
    xgrp *g = &e->g[gi];
    if (g->nt >= x->G) continue;
    int added = 0;
    for (int k = x->tu_beg[t]; k < x->tu_beg[t + 1]; k++)
      added += xg_find(g, x->tu[k]) < 0;
    if (g->nu + added > x->A) continue;
    for (int k = x->tu_beg[t]; k < x->tu_beg[t + 1]; k++) {
      int j = xg_find(g, x->tu[k]);
      if (j >= 0)
        g->c[j]++;
      else
        g->u[g->nu] = x->tu[k], g->c[g->nu++] = 1;
    }
    g->nt++;
    e->grp[i] = gi;
    exact_rec(e, i + 1, gi == ngroups ? ngroups + 1 : ngroups, seats + added);
    g->nt--;
    for (int k = x->tu_beg[t]; k < x->tu_beg[t + 1]; k++) {
      int j = xg_find(g, x->tu[k]);
      if (--g->c[j] == 0) {
        g->nu--;
        g->u[j] = g->u[g->nu];
        g->c[j] = g->c[g->nu];
      }
    }
  }
}

static void exact_small(ctx *x) {
  int n = 0;
  for (int t = 0; t < x->n; t++)
    n += !x->m[x->meet_of[t]].fixed;
  if (n == 0 || n > x->o->exact_max) return;
  exact_st e = {0};
  e.x = x;
  e.n = n;
  e.ts = rg_xmalloc((size_t)n * sizeof *e.ts);
  e.grp = rg_xcalloc((size_t)n, sizeof *e.grp);
  e.best_grp = rg_xcalloc((size_t)n, sizeof *e.best_grp);
  e.g = rg_xcalloc((size_t)n, sizeof *e.g);
  int k = 0, total = 0;
  for (int t = 0; t < x->n; t++)
    if (!x->m[x->meet_of[t]].fixed) e.ts[k++] = t, total += K(x, t);
  for (int i = 0; i < n; i++) {
    e.g[i].u = rg_xmalloc((size_t)total * sizeof(int));
    e.g[i].c = rg_xmalloc((size_t)total * sizeof(int));
  }
  e.best_m = 0;
  e.best_s = 0;
  for (int mi = 0; mi < x->nm; mi++)
    if (!x->m[mi].fixed && x->m[mi].nt > 0) e.best_m++, e.best_s += x->m[mi].nu;
  int m0 = e.best_m, s0 = e.best_s;
  exact_rec(&e, 0, 0, 0);
  if (e.best_m < m0 || (e.best_m == m0 && e.best_s < s0)) {
    int base = x->nm;
    for (int i = 0; i < e.best_m; i++)
      new_meeting(x);
    for (int i = 0; i < n; i++)
      move_task(x, e.ts[i], base + e.best_grp[i]);
  }
  for (int i = 0; i < n; i++) {
    free(e.g[i].u);
    free(e.g[i].c);
  }
  free(e.g);
  free(e.ts);
  free(e.grp);
  free(e.best_grp);
}

/* ------------------------------------------------------------ colouring */

typedef struct colouring {
  int M, C;               /* meetings, colours 1..C available */
  int *nb_beg, *nb;       /* conflict graph (CSR, no duplicates) */
  unsigned char *blocked; /* M x (C+1) */
  int *cnt;               /* M x (C+1): coloured neighbours per colour */
  int *sat, *col, *room;
  int R; /* rooms per slot (INT_MAX = unlimited) */
  long budget;
} colouring;

static size_t cix(const colouring *g, int v, int c) {
  return (size_t)v * (size_t)(g->C + 1) + (size_t)c;
}

static void g_assign(colouring *g, int v, int c) {
  g->col[v] = c;
  g->room[c]++;
  for (int k = g->nb_beg[v]; k < g->nb_beg[v + 1]; k++)
    if (g->cnt[cix(g, g->nb[k], c)]++ == 0) g->sat[g->nb[k]]++;
}

static void g_unassign(colouring *g, int v) {
  int c = g->col[v];
  g->room[c]--;
  for (int k = g->nb_beg[v]; k < g->nb_beg[v + 1]; k++)
    if (--g->cnt[cix(g, g->nb[k], c)] == 0) g->sat[g->nb[k]]--;
  g->col[v] = 0;
}

static int g_ok(const colouring *g, int v, int c) {
  return !g->blocked[cix(g, v, c)] && g->cnt[cix(g, v, c)] == 0 && g->room[c] < g->R;
}

/* DSatur choice: most distinct neighbour colours, then most neighbours,
 * then lowest index. */
static int g_select(const colouring *g) {
  int best = -1;
  for (int v = 0; v < g->M; v++) {
    if (g->col[v]) continue;
    if (best < 0 || g->sat[v] > g->sat[best] ||
        (g->sat[v] == g->sat[best] &&
         g->nb_beg[v + 1] - g->nb_beg[v] > g->nb_beg[best + 1] - g->nb_beg[best]))
      best = v;
  }
  return best;
}

/* Exact search for a colouring with colours 1..k. 1 found, 0 none, -1 out
 * of budget. Colours are interchangeable when sym (no blocked slots), so a
 * vertex tries at most one colour beyond the highest in use. */
static int g_search(colouring *g, int depth, int k, int maxused, int sym) {
  if (depth == g->M) return 1;
  if (--g->budget < 0) return -1;
  int v = g_select(g);
  int lim = sym && maxused + 1 < k ? maxused + 1 : k;
  for (int c = 1; c <= lim; c++) {
    if (!g_ok(g, v, c)) continue;
    g_assign(g, v, c);
    int r = g_search(g, depth + 1, k, c > maxused ? c : maxused, sym);
    if (r != 0) {
      if (r < 0) g_unassign(g, v);
      return r;
    }
    g_unassign(g, v);
  }
  return 0;
}

static void g_clear(colouring *g) {
  for (int v = 0; v < g->M; v++)
    if (g->col[v]) g_unassign(g, v);
}

/* Colour meetings; returns S and fills slot[]. */
/* Which live meetings each unit attends (CSR um_beg/um over plan units);
 * returns the most meetings of one unit. */
static int unit_meetings(const ctx *x, const int *live, int M, int **um_beg_out, int **um_out) {
  int nup = x->plan->n_units;
  int *um_beg = rg_xcalloc((size_t)nup + 2, sizeof *um_beg);
  for (int i = 0; i < M; i++) {
    const mtg *m = &x->m[live[i]];
    for (int j = 0; j < m->nu; j++)
      um_beg[m->u[j] + 1]++;
  }
  for (int u = 0; u < nup; u++)
    um_beg[u + 1] += um_beg[u];
  int *um = rg_xmalloc(((size_t)um_beg[nup] + 1) * sizeof *um);
  int *fill = rg_xmalloc(((size_t)nup + 1) * sizeof *fill);
  memcpy(fill, um_beg, (size_t)nup * sizeof *fill);
  int maxunit = 0;
  for (int i = 0; i < M; i++) {
    const mtg *m = &x->m[live[i]];
    for (int j = 0; j < m->nu; j++)
      um[fill[m->u[j]]++] = i;
  }
  for (int u = 0; u < nup; u++)
    if (um_beg[u + 1] - um_beg[u] > maxunit) maxunit = um_beg[u + 1] - um_beg[u];
  free(fill);
  *um_beg_out = um_beg;
  *um_out = um;
  return maxunit;
}

/* The conflict graph of g: meetings sharing a unit (no duplicates); returns
 * the largest degree. */
static int conflicts(const ctx *x, const int *live, const int *um_beg, const int *um,
                     colouring *g) {
  int M = g->M, nnb = 0, maxdeg = 0;
  size_t cap_nb = 0;
  g->nb_beg = rg_xcalloc((size_t)M + 2, sizeof *g->nb_beg);
  int *stamp = rg_xcalloc((size_t)M + 1, sizeof *stamp);
  for (int i = 0; i < M; i++) {
    const mtg *m = &x->m[live[i]];
    g->nb_beg[i] = nnb;
    stamp[i] = i + 1;
    for (int j = 0; j < m->nu; j++) {
      int u = m->u[j];
      for (int k = um_beg[u]; k < um_beg[u + 1]; k++) {
        int w = um[k];
        if (stamp[w] == i + 1) continue;
        stamp[w] = i + 1;
        RG_GROW(g->nb, cap_nb, (size_t)nnb + 1);
        g->nb[nnb++] = w;
      }
    }
    if (nnb - g->nb_beg[i] > maxdeg) maxdeg = nnb - g->nb_beg[i];
  }
  g->nb_beg[M] = nnb;
  free(stamp);
  return maxdeg;
}

/* The most (unit, slot) pairs of --unavailable that fall on one meeting:
 * they bound the colours a meeting may need. */
static int max_blocked(const rg_meeting_opts *o, int nup, int M, const int *um_beg, const int *um) {
  int *nblk = rg_xcalloc((size_t)M + 1, sizeof *nblk);
  for (int i = 0; i < o->n_unavailable; i++) {
    int u = o->unavailable[i].unit;
    if (u < 0 || u >= nup) continue;
    for (int k = um_beg[u]; k < um_beg[u + 1]; k++)
      nblk[um[k]]++;
  }
  int maxblk = 0;
  for (int i = 0; i < M; i++)
    if (nblk[i] > maxblk) maxblk = nblk[i];
  free(nblk);
  return maxblk;
}

/* Allocate g's colour tables for C colours and block the unavailable
 * slots; returns 1 when any slot is blocked. */
static int colour_tables(colouring *g, const rg_meeting_opts *o, int nup, const int *um_beg,
                         const int *um) {
  int M = g->M, C = g->C, any_blocked = 0;
  g->blocked = rg_xcalloc((size_t)M * (size_t)(C + 1) + 1, 1);
  g->cnt = rg_xcalloc((size_t)M * (size_t)(C + 1) + 1, sizeof *g->cnt);
  for (int i = 0; i < o->n_unavailable; i++) {
    int u = o->unavailable[i].unit, s = o->unavailable[i].slot;
    if (u < 0 || u >= nup || s < 1 || s > C) continue;
    for (int k = um_beg[u]; k < um_beg[u + 1]; k++) {
      g->blocked[cix(g, um[k], s)] = 1;
      any_blocked = 1;
    }
  }
  g->sat = rg_xcalloc((size_t)M + 1, sizeof *g->sat);
  g->col = rg_xcalloc((size_t)M + 1, sizeof *g->col);
  g->room = rg_xcalloc((size_t)C + 2, sizeof *g->room);
  return any_blocked;
}

static void colouring_free(colouring *g) {
  free(g->nb_beg);
  free(g->nb);
  free(g->blocked);
  free(g->cnt);
  free(g->sat);
  free(g->col);
  free(g->room);
}

/* DSatur: a first colouring into slot; returns the slots used. */
static int dsatur(colouring *g, int *slot) {
  int S = 0;
  for (int i = 0; i < g->M; i++) {
    int v = g_select(g);
    int c = 1;
    while (c < g->C && !g_ok(g, v, c))
      c++;
    g_assign(g, v, c);
    if (c > S) S = c;
  }
  for (int i = 0; i < g->M; i++)
    slot[i] = g->col[i];
  return S;
}

/* Exact improvement of an S-slot colouring towards lb, with a node budget
 * scaled so the whole search costs about 3e7 vertex scans; returns the
 * slots used and sets *proven when no fewer can do. */
static int improve_colouring(colouring *g, int *slot, int S, int lb, long colour_budget, int sym,
                             int *proven) {
  int M = g->M;
  long budget = colour_budget > 0 ? colour_budget : 200000;
  long cap = 30000000L / (M + 1);
  g->budget = budget > cap ? cap : budget;
  *proven = S <= lb;
  for (int k = S - 1; k >= lb && k >= 1 && g->budget > 0; k--) {
    g_clear(g);
    int r = g_search(g, 0, k, 0, sym);
    if (r == 0) *proven = 1;
    if (r != 1) break;
    int used = 0;
    for (int i = 0; i < M; i++) {
      slot[i] = g->col[i];
      if (g->col[i] > used) used = g->col[i];
    }
    S = used;
    k = used; /* loop decrements */
    if (S <= lb) *proven = 1;
  }
  return S;
}

/* Slots for the M live meetings: no unit in two meetings at once, at most
 * o->rooms meetings per slot, none in a slot an attendee cannot make. The
 * lower bound LB = max(most meetings of one unit, ceil(M / rooms)) goes to
 * *lb_out. Returns the slots used. */
static int schedule(const ctx *x, const int *live, int M, const rg_meeting_opts *o, int *slot,
                    int *lb_out, int *proven) {
  int nup = x->plan->n_units;
  int *um_beg, *um;
  int maxunit = unit_meetings(x, live, M, &um_beg, &um);
  int R = o->rooms > 0 ? o->rooms : INT_MAX;
  int lb = maxunit;
  if (o->rooms > 0 && (M + o->rooms - 1) / o->rooms > lb) lb = (M + o->rooms - 1) / o->rooms;
  if (M > 0 && lb < 1) lb = 1;
  *lb_out = lb;
  colouring g = {0};
  g.M = M;
  g.R = R;
  int maxdeg = conflicts(x, live, um_beg, um, &g);
  int maxblk = max_blocked(o, nup, M, um_beg, um);
  long C = (long)maxdeg + maxblk + 2 + (R == INT_MAX ? 0 : (M - 1) / R + 1);
  g.C = (int)(C < lb ? lb : C);
  int any_blocked = colour_tables(&g, o, nup, um_beg, um);
  int S = dsatur(&g, slot);
  S = improve_colouring(&g, slot, S, lb, o->colour_budget, !any_blocked, proven);
  colouring_free(&g);
  free(um);
  free(um_beg);
  return S;
}

/* ----------------------------------------------------------- reporting */

/* Plan unit indices by name; ctx is the plan. */
static int by_unit_name(const void *a, const void *b, void *ctx) {
  const rg_plan *plan = ctx;
  int x = *(const int *)a, y = *(const int *)b;
  int c = strcmp(plan->units[x].name, plan->units[y].name);
  return c ? c : (x > y) - (x < y);
}

/* name a is preferred over b: count larger, or equal and name smaller. */
static int prefer(const rg_plan *p, int a, int ca, int b, int cb) {
  if (b < 0) return 1;
  if (ca != cb) return ca > cb;
  return strcmp(p->units[a].name, p->units[b].name) < 0;
}

static char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *xasprintf(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  char *s = rg_xmalloc((size_t)n + 1);
  va_start(ap, fmt);
  vsnprintf(s, (size_t)n + 1, fmt, ap);
  va_end(ap);
  return s;
}

/* Fill convener, n_led and reason of out from the local meeting m. ucnt is a
 * zeroed scratch array over plan units (left zeroed). */
static void describe(const ctx *x, const mtg *m, rg_meeting *out, int *lcnt, int *acnt) {
  const rg_plan *p = x->plan;
  for (int i = 0; i < m->nt; i++) {
    int t = m->t[i];
    for (int k = x->tl_beg[t]; k < x->tl_beg[t + 1]; k++)
      lcnt[x->tl[k]]++;
    for (int k = x->tu_beg[t]; k < x->tu_beg[t + 1]; k++)
      acnt[x->tu[k]]++;
  }
  int conv = -1, top = -1;
  for (int i = 0; i < m->nu; i++) {
    int u = m->u[i];
    if (lcnt[u] > 0 && prefer(p, u, lcnt[u], conv, conv >= 0 ? lcnt[conv] : 0)) conv = u;
    if (prefer(p, u, acnt[u], top, top >= 0 ? acnt[top] : 0)) top = u;
  }
  int led = conv >= 0 ? lcnt[conv] : 0;
  if (conv < 0) conv = top;
  /* the most shared attendee besides the convener */
  int other = -1;
  for (int i = 0; i < m->nu; i++) {
    int u = m->u[i];
    if (u != conv && prefer(p, u, acnt[u], other, other >= 0 ? acnt[other] : 0)) other = u;
  }
  int nt = m->nt, k0 = m->nt ? x->tu_beg[m->t[0] + 1] - x->tu_beg[m->t[0]] : 0;
  out->convener = conv;
  out->n_led = led;
  const char *cn = p->units[conv].name;
  if (m->fixed) {
    out->reason = xasprintf("task %s alone needs %d attendees, more than the cap of %d",
                            p->tasks[x->ptask[m->t[0]]].number, k0, x->A);
  } else if (nt == 1) {
    out->reason = led ? xasprintf("1 task, led by %s; no other meeting can take its %d units "
                                  "within the caps",
                                  cn, k0)
                      : xasprintf("1 task without a concrete lead; no other meeting can take "
                                  "its %d units within the caps",
                                  k0);
  } else {
    char *a;
    if (led == nt)
      a = xasprintf("all %d tasks led by %s", nt, cn);
    else if (led > 0)
      a = xasprintf("%d of %d tasks led by %s", led, nt, cn);
    else
      a = xasprintf("no task has a concrete lead; %s attends %d of %d", cn, acnt[conv], nt);
    int sh = other >= 0 ? acnt[other] : 0;
    if (sh >= 2 && sh == nt)
      out->reason = xasprintf("%s; all %d share %s", a, nt, p->units[other].name);
    else if (sh >= 2)
      out->reason = xasprintf("%s; %d share %s", a, sh, p->units[other].name);
    else if (acnt[conv] <= 1)
      out->reason = xasprintf("%s; packed to save a meeting: its tasks share no unit", a);
    else
      out->reason = xasprintf("%s", a);
    free(a);
  }
  for (int i = 0; i < m->nu; i++)
    lcnt[m->u[i]] = acnt[m->u[i]] = 0;
}

typedef struct mrow {
  int slot, first, idx;
} mrow;
static int by_slot_first(const void *a, const void *b, void *ctx) {
  (void)ctx;
  const mrow *x = a, *y = b;
  if (x->slot != y->slot) return x->slot < y->slot ? -1 : 1;
  return (x->first > y->first) - (x->first < y->first);
}

/* --------------------------------------------------------------- driver */

static void ctx_free(ctx *x) {
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
  free(x->tl_beg);
  free(x->tl);
  free(x->ut_beg);
  free(x->ut);
  free(x->meet_of);
}

/* Build the coordination tasks and their concrete unit lists. */
static void build(ctx *x) {
  const rg_plan *p = x->plan;
  const rg_meeting_opts *o = x->o;
  int nup = p->n_units;
  unsigned char *excl = rg_xcalloc((size_t)nup + 1, 1);
  for (int i = 0; i < o->n_exclude; i++)
    if (o->exclude[i] >= 0 && o->exclude[i] < nup) excl[o->exclude[i]] = 1;
  int *seen = rg_xcalloc((size_t)nup + 1, sizeof *seen);
  size_t cap_task = 0, cap_tu = 0, cap_tl = 0;
  x->tu_beg = rg_xmalloc(((size_t)p->n_tasks + 2) * sizeof *x->tu_beg);
  x->tl_beg = rg_xmalloc(((size_t)p->n_tasks + 2) * sizeof *x->tl_beg);
  int ntu = 0, ntl = 0, n = 0;
  for (int t = 0; t < p->n_tasks; t++) {
    const rg_task *k = &p->tasks[t];
    if (o->chapter > 0 && k->chapter != o->chapter - 1) continue;
    int b = ntu, bl = ntl;
    for (int j = k->link_begin; j < k->link_begin + k->link_count; j++) {
      const rg_link *l = &p->links[p->task_links[j]];
      int u = l->unit;
      if (p->units[u].kind != RG_KIND_UNIT || excl[u] || seen[u] == t + 1) continue;
      seen[u] = t + 1;
      RG_GROW(x->tu, cap_tu, (size_t)ntu + 1);
      x->tu[ntu++] = u;
      if (l->role == RG_ROLE_LEAD) {
        RG_GROW(x->tl, cap_tl, (size_t)ntl + 1);
        x->tl[ntl++] = u;
      }
    }
    if (ntu - b < 2) {
      ntu = b;
      ntl = bl;
      continue;
    }
    RG_GROW(x->ptask, cap_task, (size_t)n + 1);
    x->ptask[n] = t;
    x->tu_beg[n] = b;
    x->tl_beg[n] = bl;
    /* units ascending by index: canonical order independent of link order */
    rg_sort(&x->tu[b], (size_t)(ntu - b), sizeof *x->tu, rg_cmp_int, NULL);
    n++;
  }
  x->tu_beg[n] = ntu;
  x->tl_beg[n] = ntl;
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

/* Local search rounds (elimination, then seats) while they improve, within
 * the work budgets. */
static void improve(ctx *x) {
  long work_elim = RG_WORK_ELIMINATE, work_seats = RG_WORK_SEATS;
  for (int round = 0; round < 10 && (work_elim > 0 || work_seats > 0); round++) {
    int before_m = 0;
    for (int mi = 0; mi < x->nm; mi++)
      before_m += x->m[mi].nt > 0;
    int before_s = total_seats(x);
    x->work = work_elim;
    if (x->work > 0) phase_eliminate(x);
    work_elim = x->work;
    x->work = work_seats;
    if (x->work > 0) phase_seats(x);
    work_seats = x->work;
    int after_m = 0;
    for (int mi = 0; mi < x->nm; mi++)
      after_m += x->m[mi].nt > 0;
    if (after_m == before_m && total_seats(x) == before_s) break;
  }
}

static void reset_meetings(ctx *x) {
  for (int i = 0; i < x->nm; i++) {
    free(x->m[i].t);
    free(x->m[i].u);
    free(x->m[i].c);
  }
  x->nm = 0;
  for (int t = 0; t < x->n; t++)
    x->meet_of[t] = -1;
}

/* The meetings that hold tasks, as indices into x->m; *n their number. */
static int *live_meetings(const ctx *x, int *n) {
  int *live = rg_xmalloc(((size_t)x->nm + 1) * sizeof *live);
  *n = 0;
  for (int mi = 0; mi < x->nm; mi++)
    if (x->m[mi].nt > 0) live[(*n)++] = mi;
  return live;
}

/* Multi-start over the greedy's seed orders on plans small enough, keeping
 * the best partition by (meetings, seats, slots); x ends holding it. */
static void best_partition(ctx *x, const rg_meeting_opts *o) {
  int nvar = x->n <= RG_MULTISTART_MAX ? 4 : 1;
  int *best_grp = rg_xmalloc(((size_t)x->n + 1) * sizeof *best_grp);
  unsigned char *best_fixed = NULL;
  int best_m = INT_MAX, best_s = INT_MAX, best_slots = INT_MAX;
  for (int v = 0; v < nvar; v++) {
    if (v) reset_meetings(x);
    greedy(x, v);
    improve(x);
    exact_small(x);
    int M, seats = total_seats(x), lb, proven;
    int *live = live_meetings(x, &M);
    int *slot = rg_xmalloc(((size_t)M + 1) * sizeof *slot);
    int S = nvar > 1 ? schedule(x, live, M, o, slot, &lb, &proven) : 0;
    if (M < best_m || (M == best_m && (seats < best_s || (seats == best_s && S < best_slots)))) {
      best_m = M;
      best_s = seats;
      best_slots = S;
      free(best_fixed);
      best_fixed = rg_xcalloc((size_t)M + 1, 1);
      for (int i = 0; i < M; i++) {
        const mtg *m = &x->m[live[i]];
        best_fixed[i] = (unsigned char)m->fixed;
        for (int j = 0; j < m->nt; j++)
          best_grp[m->t[j]] = i;
      }
    }
    free(slot);
    free(live);
  }
  reset_meetings(x);
  for (int i = 0; i < best_m; i++) {
    int mi = new_meeting(x);
    x->m[mi].fixed = best_fixed[i];
  }
  for (int t = 0; t < x->n; t++)
    m_add(x, best_grp[t], t);
  free(best_grp);
  free(best_fixed);
}

/* Meeting e (id r + 1) from live meeting m: tasks by ordinal, attendees by
 * name, the reason. */
static void emit_meeting(ctx *x, const mtg *m, int r, int slot, rg_meeting *e, int *lcnt,
                         int *acnt) {
  e->id = r + 1;
  e->slot = slot;
  e->oversize = m->fixed;
  e->n_tasks = m->nt;
  e->tasks = rg_xmalloc(((size_t)m->nt + 1) * sizeof *e->tasks);
  for (int j = 0; j < m->nt; j++)
    e->tasks[j] = x->ptask[m->t[j]];
  rg_sort(e->tasks, (size_t)m->nt, sizeof *e->tasks, rg_cmp_int, NULL);
  e->n_attendees = m->nu;
  e->attendees = rg_xmalloc(((size_t)m->nu + 1) * sizeof *e->attendees);
  memcpy(e->attendees, m->u, (size_t)m->nu * sizeof *e->attendees);
  rg_sort(e->attendees, (size_t)m->nu, sizeof *e->attendees, by_unit_name, (void *)x->plan);
  describe(x, m, e, lcnt, acnt);
}

/* The plan's meetings into out, ordered by (slot, first task). */
static void emit(ctx *x, const int *live, int M, const int *slot, rg_meeting_plan *out) {
  const rg_plan *plan = x->plan;
  mrow *rows = rg_xmalloc(((size_t)M + 1) * sizeof *rows);
  for (int i = 0; i < M; i++) {
    const mtg *m = &x->m[live[i]];
    int first = INT_MAX;
    for (int j = 0; j < m->nt; j++)
      if (m->t[j] < first) first = m->t[j];
    rows[i] = (mrow){slot[i], first, i};
  }
  rg_sort(rows, (size_t)M, sizeof *rows, by_slot_first, NULL);
  out->meetings = rg_xcalloc((size_t)M + 1, sizeof *out->meetings);
  out->n_meetings = M;
  out->coordination_tasks = x->n;
  out->naive_meetings = x->n;
  for (int t = 0; t < x->n; t++)
    out->naive_seats += K(x, t);
  int *lcnt = rg_xcalloc((size_t)plan->n_units + 1, sizeof *lcnt);
  int *acnt = rg_xcalloc((size_t)plan->n_units + 1, sizeof *acnt);
  for (int r = 0; r < M; r++) {
    const mtg *m = &x->m[live[rows[r].idx]];
    emit_meeting(x, m, r, rows[r].slot, &out->meetings[r], lcnt, acnt);
    out->oversize += m->fixed;
    out->seats += m->nu;
  }
  int rest = x->n - out->oversize;
  out->meetings_lower_bound = out->oversize + (rest + x->G - 1) / x->G;
  free(lcnt);
  free(acnt);
  free(rows);
}

static rg_status check_opts(const rg_plan *plan, const rg_meeting_opts *o, rg_error *err) {
  if (o->max_attendees < 2)
    return rg_error_set(err, RG_EUSAGE, NULL, 0, 0, "--max-attendees must be at least 2");
  if (o->max_agenda < 1)
    return rg_error_set(err, RG_EUSAGE, NULL, 0, 0, "--max-agenda must be at least 1");
  if (o->rooms < 0) return rg_error_set(err, RG_EUSAGE, NULL, 0, 0, "--rooms must be at least 1");
  if (o->chapter < 0 || o->chapter > plan->n_chapters)
    return rg_error_set(err, RG_EUSAGE, NULL, 0, 0,
                        "--chapter %d does not exist: the plan has %d chapters", o->chapter,
                        plan->n_chapters);
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
  if (o.colour_budget <= 0) o.colour_budget = 200000;
  ctx x = {0};
  x.plan = plan;
  x.o = &o;
  x.A = o.max_attendees;
  x.G = o.max_agenda;
  build(&x);
  best_partition(&x, &o);
  int M, lb = 0, proven = 0;
  int *live = live_meetings(&x, &M);
  int *slot = rg_xmalloc(((size_t)M + 1) * sizeof *slot);
  int S = schedule(&x, live, M, &o, slot, &lb, &proven);
  out->opts = o;
  out->slots = S;
  out->lower_bound = lb;
  out->slots_optimal = proven;
  emit(&x, live, M, slot, out);
  free(slot);
  free(live);
  ctx_free(&x);
  return RG_OK;
}
