/* meetings.h - joint meetings an office can send: who meets, on what, when.
 *
 * igraph-free on purpose (output/ and main.c include it). The rules (issue 15):
 *  - A coordination task is a task (of the chosen chapter, after dropping the
 *    excluded units) with at least two concrete units (RG_KIND_UNIT).
 *  - Every coordination task is on exactly one meeting's agenda; a meeting's
 *    attendees are the union of the concrete units of its agenda tasks; the
 *    collectives its tasks name (各区、县(市)政府) are invited as groups; with a
 *    roster, a member that a task reaches only through its collective (as a
 *    supporting unit) is invited with the group instead of attending.
 *  - attendees <= max_attendees unless the meeting holds one task that alone
 *    needs more ("oversize"); agenda <= max_agenda tasks.
 *  - Objective: unit-minutes. Each attendee spends overhead_minutes (travel,
 *    opening) plus item_minutes per agenda item, concerned or not, so a
 *    meeting costs attendees * (overhead + item * agenda). Minimise the sum;
 *    among equal costs prefer agendas from one chapter, then one section.
 *    The naive plan (one meeting per task) costs sum_t k_t * (overhead + item).
 *  - Relevance of a meeting: the share of its attendee x item pairs where the
 *    attendee is a unit of the item = sum_t k_t / (attendees * agenda); a
 *    meeting of two or more items keeps at least min_relevance (0.7).
 *  - Convener: the concrete attendee leading the most agenda items (ties by
 *    name in code-point order); when no agenda item has a concrete lead, the
 *    lead collective or generic unit leading the most; -1 when no item has a
 *    lead at all. A unit that leads nothing on the agenda never convenes it.
 *  - Calendar: meetings fall on working days (calendar.h: weekends, public
 *    holidays and 调休 working weekends) from the start day, in the given
 *    sessions; at most rooms meetings per session (0 = unlimited); no unit in
 *    two meetings of a session; at most max_per_day meetings of a unit a day,
 *    and an overloaded unit on the k-th day at most ceil(its meetings left /
 *    (span bound - k)), so its meetings spread evenly over the whole plan; never in a slot (the
 * k-th session from the start) where an attendee is unavailable.
 *
 * Method (deterministic, no RNG, no clock; details in NOTES.md):
 *  1. Partition: oversize tasks alone; the rest by greedy seed-and-grow (seed
 *     = the unplaced task with most units, then repeatedly the task whose
 *     joining saves most unit-minutes, preferring its section and chapter,
 *     while it saves any), then local improvement (moving a task to another
 *     meeting or alone, and merging two meetings, whenever it lowers the cost)
 *     under a deterministic work budget; plans of at most exact_max tasks get
 *     an exact branch and bound over set partitions instead.
 *  2. Schedule: day-by-day list scheduling; each session takes the meetings,
 *     most urgent first (the busiest remaining attendee relative to its daily
 *     cap), that fit every rule above.
 * Complexity: greedy O(sum over meetings of the unplaced-task lists of their
 * units x k); improvement capped by its work budget; exact only for
 * <= exact_max tasks; schedule O(days x meetings x attendees) plus a sort of
 * the remaining meetings per day. A 10,000-task plan takes about two seconds. */
#ifndef RG_MEETINGS_H
#define RG_MEETINGS_H

#include "error.h"
#include "plan.h"
#include "unavail.h"

#define RG_MEETINGS_MAX_ATTENDEES 12
#define RG_MEETINGS_MAX_AGENDA 8
#define RG_MEETINGS_MAX_SESSIONS 8

typedef struct rg_meeting_opts {
  int max_attendees;    /* >= 2; default RG_MEETINGS_MAX_ATTENDEES */
  int max_agenda;       /* >= 1; default RG_MEETINGS_MAX_AGENDA */
  int overhead_minutes; /* >= 0; default 30 */
  int item_minutes;     /* >= 1; default 15 */
  int rooms;            /* meetings per session; 0 = unlimited (default) */
  int chapter;          /* 1-based chapter ordinal; 0 = every task */
  int max_per_day;      /* meetings of one unit a day, >= 1; default 2 */
  long start;           /* first day (calendar.h day number); the caller sets it */
  int sessions[RG_MEETINGS_MAX_SESSIONS]; /* start minutes after midnight, increasing */
  int n_sessions;                         /* default 2: 09:00 and 14:30 */
  int lang_en;                            /* titles and reasons in English */
  const int *exclude;                     /* plan unit indices dropped from every task */
  int n_exclude;
  const rg_unavail *unavailable; /* (unit, slot) pairs the scheduler avoids */
  int n_unavailable;
  const unsigned char *overloaded; /* per plan unit: 1 overloaded (spread out); NULL none */
  const int *roster;               /* --roster pairs (collective, member) of plan unit indices,
                                      flattened: roster[2i], roster[2i + 1]; NULL none */
  int n_roster;                    /* pairs */
  int exact_max;                   /* plans with at most this many tasks (not counting oversize
                                      ones) get an exact partition search; default 10, 0 = never */
  double min_relevance;            /* every meeting of two or more items keeps at least this
                                      relevance; 0..1, default 0.7 */
} rg_meeting_opts;

typedef struct rg_meeting {
  int id;         /* 1-based, meetings ordered by (date, start, first task) */
  int slot;       /* 1-based: the k-th session from the start day */
  long day;       /* calendar.h day number */
  int start, end; /* minutes after midnight */
  int convener;   /* plan unit index, -1 when no agenda item has a lead */
  int *attendees; /* concrete plan unit indices, by name */
  int n_attendees;
  int *groups; /* invited collectives and generic units (plan unit indices), by name */
  int n_groups;
  int *tasks; /* plan task indices, by ordinal */
  int n_tasks;
  int n_led;         /* agenda items led by the convener */
  int oversize;      /* 1: one task needing more than max_attendees */
  long unit_minutes; /* attendees * (overhead + item * agenda) */
  double relevance;  /* sum_t k_t / (attendees * agenda) */
  char *title;       /* 关于…的专题协调会 (owned, UTF-8) */
  char *reason;      /* why these items are together, in the opts' language (owned) */
  long due;          /* the earliest deadline of its tasks (task->due: a dated task's
                        milestone, else its end), 0 when none has one */
  int late;          /* 1: held after due: no earlier working slot from the start */
} rg_meeting;

typedef struct rg_meeting_plan {
  rg_meeting_opts opts; /* as used (defaults filled; pointers borrowed) */
  rg_meeting *meetings; /* by id */
  int n_meetings;
  int coordination_tasks;
  long unit_minutes;        /* sum over meetings */
  long naive_unit_minutes;  /* one meeting per task */
  double relevance;         /* sum_t k_t / sum_m attendees * agenda */
  int oversize;             /* meetings holding one oversize task */
  long first_day, last_day; /* of the meetings (0 when none) */
  int working_days;         /* working days from first_day to last_day inclusive */
  int span_unit;            /* the unit whose attendance sets the span (-1 none): most
                               days needed, ceil(meetings / daily cap) */
  int span_unit_meetings;   /* its meetings */
  int span_bound;           /* working days no schedule can go below */
  int weekends_only_year;   /* first year reached without holiday data, 0 none */
  int n_due;                /* meetings with a deadline (due > 0) */
  int n_late;               /* of them, held after it */
} rg_meeting_plan;

/* Fill o with the defaults (start = 0: the caller sets a day). */
void rg_meeting_opts_init(rg_meeting_opts *o);

/* Parse "09:00,14:30" into o->sessions. RG_EUSAGE with a message when it is
 * not a list of 1..RG_MEETINGS_MAX_SESSIONS increasing HH:MM times. */
rg_status rg_meeting_parse_sessions(const char *s, rg_meeting_opts *o, rg_error *err);

/* Minutes a meeting of n items lasts: overhead / 2 (opening; the other half
 * is travel) + item * n. */
int rg_meeting_minutes(const rg_meeting_opts *o, int n);

/* Plan the meetings of a finalised plan. opts NULL = defaults. On success
 * out owns everything (rg_meeting_plan_free); on failure (RG_EUSAGE: an
 * option out of range, sessions that overlap the longest meeting, or chapter
 * beyond the plan) out is empty and err says why. */
rg_status rg_meetings_plan(const rg_plan *plan, const rg_meeting_opts *opts, rg_meeting_plan *out,
                           rg_error *err);

void rg_meeting_plan_free(rg_meeting_plan *mp);

/* 1 when meeting m has unit among its attendees or groups. O(attendees).
 * Inline, so that output/, which reads meeting plans, needs nothing from
 * this library. */
static inline int rg_meeting_has_unit(const rg_meeting *m, int unit) {
  for (int i = 0; i < m->n_attendees; i++)
    if (m->attendees[i] == unit) return 1;
  for (int i = 0; i < m->n_groups; i++)
    if (m->groups[i] == unit) return 1;
  return 0;
}

#endif
