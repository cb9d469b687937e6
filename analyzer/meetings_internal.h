/* meetings_internal.h - the planner's state, shared by meetings.c (partition),
 * meetings_exact.c (exact search on small plans), meetings_describe.c
 * (convener, title, reason, relevance) and meetings_schedule.c (dates).
 * Not for use outside analyzer/meetings*.c. */
#ifndef RG_MEETINGS_INTERNAL_H
#define RG_MEETINGS_INTERNAL_H

#include <stddef.h>

#include "meetings.h"

/* A meeting under construction: its tasks and the multiset of their units. */
typedef struct mtg {
  int *t, nt; /* local task ids */
  size_t cap_t;
  int *u, *c, nu; /* distinct plan units and how many of its tasks have each */
  size_t cap_u, cap_c;
  int fixed; /* an oversize task alone: never touched by the search */
  long ks;   /* sum of its tasks' unit counts (relevance = ks / (nu * nt)) */
} mtg;

typedef struct mctx {
  const rg_plan *plan;
  const rg_meeting_opts *o;
  int A, G;         /* caps: attendees, agenda */
  int O, I;         /* minutes: overhead, per item */
  int n;            /* coordination tasks (local ids 0..n-1, in plan order) */
  int *ptask;       /* local -> plan task */
  int *tu_beg, *tu; /* local task -> concrete plan units (CSR, ascending) */
  int *ut_beg, *ut; /* plan unit -> local tasks (CSR, ascending) */
  int *chap, *sec;  /* local task -> chapter, section (-1 none) */
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
  long work; /* remaining work budget */
} mctx;

/* Concrete units of local task t. */
#define MK(x, t) ((x)->tu_beg[(t) + 1] - (x)->tu_beg[(t)])

/* A new empty meeting (its index; x->m may move). */
int rg_mtg_new(mctx *x);
/* Move local task t to meeting to (out of its meeting, if any). */
void rg_mtg_move(mctx *x, int t, int to);

/* 1 when a meeting of nu attendees, nt items and ks unit-item pairs keeps
 * the relevance floor (o->min_relevance; one item always does). */
int rg_mtg_relevant(const mctx *x, int nu, int nt, long ks);

/* Cost (unit-minutes) of one meeting and of the whole partition. */
long rg_mtg_cost(const mctx *x, const mtg *m);
long rg_mctx_cost(const mctx *x);
/* 1000 * (distinct chapters - 1) + (distinct sections - 1), summed. */
long rg_mctx_spread(const mctx *x);

/* Plans with at most o->exact_max searchable tasks: replace x's partition
 * by one of least (cost, spread) found by branch and bound (meetings_exact.c). */
void rg_meetings_exact(mctx *x);

/* x's live meetings into out->meetings (tasks, attendees, groups, convener,
 * title, reason, relevance, cost) and the plan's totals (meetings_describe.c).
 * Dates come later (rg_meetings_schedule). */
void rg_meetings_emit(const mctx *x, rg_meeting_plan *out);

/* Give every meeting of out a day, session and slot under the calendar rules
 * of meetings.h, renumber the meetings by (day, start, first task) and fill
 * the span figures (meetings_schedule.c). */
void rg_meetings_schedule(const rg_plan *plan, const rg_meeting_opts *o, rg_meeting_plan *out);

#endif
