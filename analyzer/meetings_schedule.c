/* meetings_schedule.c - put meetings on working days, sessions and rooms.
 *
 * Day-by-day list scheduling. Each working day (calendar.h) from the start,
 * the meetings still to place are ranked by urgency: the largest, over their
 * attendees, of (meetings the unit still has) / (its daily cap), then more
 * attendees, then plan order. Each session of the day then takes, in that
 * order, every meeting that still fits: a room is free, no attendee is in
 * another meeting of the session, no attendee has reached its daily cap, and
 * no attendee is unavailable in the slot. The busiest unit thus meets on
 * every day at its cap, which is what the span bound needs.
 *
 * Deadlines (task->due, input/deadline.c): a meeting is due by the earliest
 * deadline of its tasks (a dated task's milestone, else its end). Meetings
 * with a deadline go first, earliest deadline first, then by urgency as
 * above; a plan without deadlines is scheduled exactly as before. A meeting
 * that still falls after its deadline (the start is too late, or the days
 * before it are full) is marked late, and the summary says so. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "meetings_internal.h"
#include "sort.h"

typedef struct sched {
  const rg_plan *plan;
  const rg_meeting_opts *o;
  rg_meeting *ms;
  int M, nup;
  int *rem, *cap;       /* per unit: meetings left, daily cap */
  int *busy, *daycnt;   /* per unit: session stamp, meetings today */
  int *daystamp;        /* per unit: day of daycnt */
  const rg_unavail *un; /* sorted by (unit, slot) */
  int nun;
  long *key; /* per meeting: urgency */
} sched;

static int blocked(const sched *s, int unit, int slot) {
  int lo = 0, hi = s->nun - 1;
  while (lo <= hi) {
    int mid = (lo + hi) / 2;
    const rg_unavail *u = &s->un[mid];
    if (u->unit == unit && u->slot == slot) return 1;
    if (u->unit < unit || (u->unit == unit && u->slot < slot))
      lo = mid + 1;
    else
      hi = mid - 1;
  }
  return 0;
}

static int by_key(const void *a, const void *b, void *c) {
  const sched *s = c;
  int x = *(const int *)a, y = *(const int *)b;
  long dx = s->ms[x].due ? s->ms[x].due : LONG_MAX, dy = s->ms[y].due ? s->ms[y].due : LONG_MAX;
  if (dx != dy) return dx < dy ? -1 : 1;
  if (s->key[x] != s->key[y]) return s->key[x] > s->key[y] ? -1 : 1;
  if (s->ms[x].n_attendees != s->ms[y].n_attendees)
    return s->ms[x].n_attendees > s->ms[y].n_attendees ? -1 : 1;
  return (x > y) - (x < y);
}

static int fits(sched *s, const rg_meeting *m, long day, int stamp, int slot) {
  for (int i = 0; i < m->n_attendees; i++) {
    int u = m->attendees[i];
    if (s->busy[u] == stamp) return 0;
    if (s->daystamp[u] == (int)day && s->daycnt[u] >= s->cap[u]) return 0;
    if (s->nun && blocked(s, u, slot)) return 0;
  }
  return 1;
}

static void place(sched *s, rg_meeting *m, long day, int sess, int stamp, int slot) {
  m->day = day;
  m->start = s->o->sessions[sess];
  m->end = m->start + rg_meeting_minutes(s->o, m->n_tasks);
  m->slot = slot;
  for (int i = 0; i < m->n_attendees; i++) {
    int u = m->attendees[i];
    s->busy[u] = stamp;
    if (s->daystamp[u] != (int)day) s->daystamp[u] = (int)day, s->daycnt[u] = 0;
    s->daycnt[u]++;
    s->rem[u]--;
  }
}

/* Daily caps, the span bound and the unit that sets it. */
static void caps(sched *s, rg_meeting_plan *out) {
  const rg_meeting_opts *o = s->o;
  int per = o->max_per_day < o->n_sessions ? o->max_per_day : o->n_sessions;
  long bound = s->M > 0;
  for (int u = 0; u < s->nup; u++) {
    long d = (s->rem[u] + per - 1) / per;
    if (d > bound) bound = d;
  }
  if (o->rooms > 0) {
    long d = (s->M + (long)o->rooms * o->n_sessions - 1) / ((long)o->rooms * o->n_sessions);
    if (d > bound) bound = d;
  }
  out->span_bound = (int)bound;
  out->span_unit = -1;
  long best = 0;
  for (int u = 0; u < s->nup; u++) {
    int c = per;
    if (o->overloaded && o->overloaded[u] && bound > 0) {
      long spread = (s->rem[u] + bound - 1) / bound;
      c = spread < 1 ? 1 : (spread < per ? (int)spread : per);
    }
    s->cap[u] = c;
    long d = (s->rem[u] + c - 1) / c;
    if (s->rem[u] > 0 &&
        (d > best ||
         (d == best && out->span_unit >= 0 &&
          (s->rem[u] > out->span_unit_meetings ||
           (s->rem[u] == out->span_unit_meetings &&
            strcmp(s->plan->units[u].name, s->plan->units[out->span_unit].name) < 0))))) {
      best = d;
      out->span_unit = u;
      out->span_unit_meetings = s->rem[u];
    }
  }
}

/* Day k (0-based) of the span: an overloaded unit may meet ceil(meetings
 * left / days left of the bound) times today (at least 1, at most the daily
 * cap), so its meetings spread evenly over the span. */
static void spread_caps(sched *s, int k, int bound) {
  const rg_meeting_opts *o = s->o;
  if (!o->overloaded) return;
  int per = o->max_per_day < o->n_sessions ? o->max_per_day : o->n_sessions;
  long left = bound - k > 1 ? bound - k : 1;
  for (int u = 0; u < s->nup; u++) {
    if (!o->overloaded[u]) continue;
    long c = (s->rem[u] + left - 1) / left;
    s->cap[u] = c < 1 ? 1 : c > per ? per : (int)c;
  }
}

static void urgency(sched *s, const int *left, int n) {
  for (int i = 0; i < n; i++) {
    const rg_meeting *m = &s->ms[left[i]];
    long k = 0;
    for (int j = 0; j < m->n_attendees; j++) {
      int u = m->attendees[j];
      long v = (long)s->rem[u] * 1000 / s->cap[u];
      if (v > k) k = v;
    }
    s->key[left[i]] = k;
  }
}

static int by_date(const void *a, const void *b, void *c) {
  const rg_meeting *x = a, *y = b;
  (void)c;
  if (x->day != y->day) return x->day < y->day ? -1 : 1;
  if (x->start != y->start) return x->start < y->start ? -1 : 1;
  return (x->tasks[0] > y->tasks[0]) - (x->tasks[0] < y->tasks[0]);
}

/* A meeting's deadline: the earliest of its dated tasks' (milestone first). */
static long meeting_due(const rg_plan *plan, const rg_meeting *m) {
  long due = 0;
  for (int i = 0; i < m->n_tasks; i++) {
    const rg_due *d = &plan->tasks[m->tasks[i]].due;
    long e = d->kind != RG_DUE_DATED ? 0 : d->milestone ? d->milestone : d->end;
    if (e && (!due || e < due)) due = e;
  }
  return due;
}

/* Span figures of the placed meetings. */
static void span(rg_meeting_plan *out) {
  if (out->n_meetings == 0) return;
  out->first_day = out->meetings[0].day;
  out->last_day = out->meetings[out->n_meetings - 1].day;
  out->working_days = 0;
  for (long z = out->first_day; z <= out->last_day; z++)
    out->working_days += rg_calendar_working(z);
  int y0, y1, m, d;
  rg_civil_from_days(out->first_day, &y0, &m, &d);
  rg_civil_from_days(out->last_day, &y1, &m, &d);
  for (int y = y0; y <= y1 && !out->weekends_only_year; y++)
    if (!rg_calendar_has_year(y)) out->weekends_only_year = y;
}

void rg_meetings_schedule(const rg_plan *plan, const rg_meeting_opts *o, rg_meeting_plan *out) {
  sched s = {0};
  s.plan = plan;
  s.o = o;
  s.ms = out->meetings;
  s.M = out->n_meetings;
  s.nup = plan->n_units;
  s.rem = rg_xcalloc((size_t)s.nup + 1, sizeof *s.rem);
  s.cap = rg_xcalloc((size_t)s.nup + 1, sizeof *s.cap);
  s.busy = rg_xcalloc((size_t)s.nup + 1, sizeof *s.busy);
  s.daycnt = rg_xcalloc((size_t)s.nup + 1, sizeof *s.daycnt);
  s.daystamp = rg_xmalloc(((size_t)s.nup + 1) * sizeof *s.daystamp);
  for (int u = 0; u < s.nup; u++)
    s.daystamp[u] = INT_MIN;
  s.un = o->unavailable;
  s.nun = o->n_unavailable;
  s.key = rg_xcalloc((size_t)s.M + 1, sizeof *s.key);
  for (int i = 0; i < s.M; i++) {
    s.ms[i].due = meeting_due(plan, &s.ms[i]);
    for (int j = 0; j < s.ms[i].n_attendees; j++)
      s.rem[s.ms[i].attendees[j]]++;
  }
  caps(&s, out);
  int *left = rg_xmalloc(((size_t)s.M + 1) * sizeof *left);
  int n = s.M, stamp = 0, slot = 0;
  for (int i = 0; i < n; i++)
    left[i] = i;
  int k = 0;
  for (long day = rg_calendar_next_working(o->start); n > 0;
       day = rg_calendar_next_working(day + 1), k++) {
    spread_caps(&s, k, out->span_bound);
    urgency(&s, left, n);
    rg_sort(left, (size_t)n, sizeof *left, by_key, &s);
    for (int sess = 0; sess < o->n_sessions; sess++) {
      int rooms = 0;
      stamp++;
      slot++;
      for (int i = 0; i < n && (o->rooms == 0 || rooms < o->rooms); i++) {
        rg_meeting *m = &s.ms[left[i]];
        if (m->end > 0 || !fits(&s, m, day, stamp, slot)) continue;
        place(&s, m, day, sess, stamp, slot);
        rooms++;
      }
    }
    int w = 0;
    for (int i = 0; i < n; i++)
      if (s.ms[left[i]].end == 0) left[w++] = left[i];
    n = w;
  }
  rg_sort(out->meetings, (size_t)s.M, sizeof *out->meetings, by_date, NULL);
  for (int i = 0; i < s.M; i++) {
    rg_meeting *m = &out->meetings[i];
    m->id = i + 1;
    m->late = m->due && m->day > m->due;
    out->n_due += m->due > 0;
    out->n_late += m->late;
  }
  span(out);
  free(left);
  free(s.key);
  free(s.rem);
  free(s.cap);
  free(s.busy);
  free(s.daycnt);
  free(s.daystamp);
}
