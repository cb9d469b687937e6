/* meetings.h - joint meetings between units: who meets, on what, in which slot.
 *
 * igraph-free on purpose (output/ and main.c include it). The rules (issue 7):
 *  - A coordination task is a task (of the chosen chapter, after dropping the
 *    excluded units) with at least two concrete units (RG_KIND_UNIT).
 *  - Every coordination task is on exactly one meeting's agenda; a meeting's
 *    attendees are the union of the concrete units of its agenda tasks.
 *  - attendees <= max_attendees unless the meeting holds one task that alone
 *    needs more ("oversize"); agenda <= max_agenda tasks.
 *  - Objective, lexicographic: fewest meetings, then fewest seats
 *    (sum of attendees), then fewest slots.
 *  - Convener: the concrete unit leading the most agenda tasks, ties by
 *    name (byte order of the UTF-8 name, i.e. code point order); when no
 *    agenda task has a concrete lead, the attendee in the most agenda tasks,
 *    ties by name.
 *  - Slots 1..S: no unit in two meetings of a slot, at most rooms meetings
 *    per slot (0 = unlimited), and no meeting in a slot where one of its
 *    attendees is unavailable. lower_bound = max(most meetings of one unit,
 *    ceil(meetings / rooms)).
 *
 * Method (deterministic, no RNG; details in NOTES.md):
 *  1. Partition: oversize tasks alone; the rest by greedy seed-and-grow
 *     (seed = largest unplaced task, then repeatedly the task adding the
 *     fewest new attendees, preferring the seed's lead and co-ownership
 *     cluster), then local search: meeting elimination with one-level
 *     ejection chains, and seat-reducing moves and swaps, until no change;
 *     plans of at most opts.exact_max tasks then get an exact branch and
 *     bound over set partitions (optimal meetings and seats). Plans of at
 *     most 3000 coordination tasks run this from four greedy seed orders
 *     (largest first, busiest lead first, plan order, smallest first) and
 *     keep the best by (meetings, seats, slots).
 *  2. Slots: DSatur on the meeting conflict graph (meetings sharing a unit),
 *     then an exact DSatur branch-and-bound with a node budget trying
 *     S-1, S-2, ... down to lower_bound.
 * Complexity: the greedy is O(sum over meetings of the unplaced task lists
 * of their units); each local-search phase is capped by a deterministic
 * work budget (units of list entries scanned), so it is linear-ish with a
 * constant ceiling; the exact partition search runs only for <= exact_max
 * tasks. Slots: O(M^2 + E) time for DSatur (M meetings, E conflict edges),
 * O(M * S + E) memory, plus the exact colouring's node budget, scaled to
 * about 3e7 vertex scans. A 10,000-task plan takes about 2 s (Release). */
#ifndef RG_MEETINGS_H
#define RG_MEETINGS_H

#include "error.h"
#include "plan.h"
#include "unavail.h"

#define RG_MEETINGS_MAX_ATTENDEES 12
#define RG_MEETINGS_MAX_AGENDA 8

typedef struct rg_meeting_opts {
  int max_attendees;  /* >= 2; default RG_MEETINGS_MAX_ATTENDEES */
  int max_agenda;     /* >= 1; default RG_MEETINGS_MAX_AGENDA */
  int rooms;          /* meetings per slot; 0 = unlimited (default) */
  int chapter;        /* 1-based chapter ordinal; 0 = every task */
  const int *exclude; /* plan unit indices dropped from every task */
  int n_exclude;
  const rg_unavail *unavailable; /* (unit, slot) pairs the scheduler avoids */
  int n_unavailable;
  const int *cluster_of_unit; /* optional: plan unit index -> co-ownership
                                 cluster id (-1 none), used as a grouping
                                 preference; NULL = no clusters */
  long colour_budget;         /* search nodes for the exact colouring;
                                 default 200000 */
  int exact_max;              /* plans with at most this many tasks (not
                                 counting oversize ones) get an exact
                                 partition search; default 10, 0 = never */
} rg_meeting_opts;

typedef struct rg_meeting {
  int id;         /* 1-based, meetings ordered by (slot, first task) */
  int slot;       /* 1-based */
  int convener;   /* plan unit index */
  int *attendees; /* plan unit indices, by name */
  int n_attendees;
  int *tasks; /* plan task indices, by ordinal */
  int n_tasks;
  int n_led;    /* agenda tasks led by the convener */
  int oversize; /* 1: one task needing more than max_attendees */
  char *reason; /* why these tasks are together (owned, UTF-8) */
} rg_meeting;

typedef struct rg_meeting_plan {
  rg_meeting_opts opts; /* as used (defaults filled; pointers borrowed) */
  rg_meeting *meetings; /* by id */
  int n_meetings;
  int coordination_tasks; /* = naive meetings (one per task) */
  int naive_meetings;
  int seats;                /* sum of attendees */
  int naive_seats;          /* sum of attendees of the naive plan */
  int slots;                /* S */
  int lower_bound;          /* LB */
  int slots_optimal;        /* 1 when S = LB or the exact search proved
                               that S - 1 slots cannot do */
  int oversize;             /* meetings holding one oversize task */
  int meetings_lower_bound; /* oversize + ceil(rest / max_agenda): no plan
                               can have fewer meetings */
} rg_meeting_plan;

/* Fill o with the defaults (everything 0 / NULL except the caps and budget). */
void rg_meeting_opts_init(rg_meeting_opts *o);

/* Plan the meetings of a finalised plan. opts NULL = defaults. On success
 * out owns everything (rg_meeting_plan_free); on failure (RG_EUSAGE: a cap
 * out of range or chapter beyond the plan) out is empty and err says why. */
rg_status rg_meetings_plan(const rg_plan *plan, const rg_meeting_opts *opts, rg_meeting_plan *out,
                           rg_error *err);

void rg_meeting_plan_free(rg_meeting_plan *mp);

/* 1 when meeting m has unit among its attendees. O(attendees). Inline, so
 * that output/, which reads meeting plans, needs nothing from this library. */
static inline int rg_meeting_has_unit(const rg_meeting *m, int unit) {
  for (int i = 0; i < m->n_attendees; i++)
    if (m->attendees[i] == unit) return 1;
  return 0;
}

#endif
