/* timeline.h - load per quarter or month from the tasks' deadlines, and the
 * 督查督办 lights of --as-of.
 *
 * Plain C (no igraph): output/ reads it like results.h. Built from a plan
 * whose deadlines were read (input/deadline.h) and the analyzer's results
 * (the concrete units, their order and the role weights).
 *
 * The rule (NOTES.md "Deadlines: load per period"): the periods of the plan's
 * year are its 4 quarters or 12 months. A task covers the periods its
 * interval (task->due) overlaps; a task with no deadline, an unread one, or
 * an interval wholly outside the plan's year covers every period. Each unit
 * of the task spreads its role weight evenly over the k periods covered:
 * 1/k each. Shares are counted exactly, in units of 1/RG_SHARE_DEN
 * (27720 = lcm(1..12), so 1/k is whole for every k <= 12): a unit's shares
 * over the periods sum to exactly RG_SHARE_DEN x its task count, so the
 * period loads sum to the annual load. The fence of a period is Tukey's
 * Q3 + 1.5 IQR over every concrete unit's load in that period (as the
 * annual fence, analyze.h); a unit is over in a period when its load there
 * is above that period's fence. */
#ifndef RG_TIMELINE_H
#define RG_TIMELINE_H

#include "due.h"
#include "error.h"
#include "plan.h"
#include "results.h"

#define RG_SHARE_DEN 27720LL

typedef struct rg_timeline {
  int year;       /* the plan's year */
  int months;     /* months per period: 3 (quarters) or 1 (months) */
  int n_periods;  /* 4 or 12 */
  long start[12]; /* first and last day of each period */
  long end[12];
  /* per concrete unit, in the results' order (load desc, name) */
  int n_units;
  int *unit;                /* plan unit index */
  long long *lead_share;    /* [i * n_periods + p]: lead tasks in 1/RG_SHARE_DEN */
  long long *support_share; /* [i * n_periods + p] */
  double *load;             /* [i * n_periods + p] = (W_lead lead + W_support support) / DEN */
  unsigned char *over;      /* [i * n_periods + p]: load above the period's fence */
  double fence[12], q1[12], q3[12];
  int *row_of_unit; /* plan unit -> row, -1 when not concrete */
  /* per task */
  int *first, *last; /* the periods it covers, first..last */
  /* --as-of: 0 when not given */
  long as_of;
  int soon_days;
} rg_timeline;

/* Load per period of plan (months 3 or 1) for the concrete units of res.
 * RG_EINPUT when the plan's year is unknown (give --year). O(links x periods
 * + units x periods log units). */
rg_status rg_timeline_build(const rg_plan *plan, const rg_results *res, int months,
                            rg_timeline *out, rg_error *err);
/* A timeline that carries only --as-of (no loads): for the task tables. */
void rg_timeline_as_of(rg_timeline *out, long as_of, int soon_days);
void rg_timeline_free(rg_timeline *t);
/* 1 when t carries an --as-of date (t may be NULL). Inline: output/ reads
 * this header without linking the analyzer. */
static inline int rg_timeline_as_of_set(const rg_timeline *t) { return t && t->as_of > 0; }

#endif
