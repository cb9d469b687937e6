/* test_meetings.c - joint meetings: the rules on random plans, known optima, the seed, 10k tasks.
 */
#include <criterion/criterion.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "load.h"
#include "meetings.h"
#include "unavailable.h"

/* ------------------------------------------------------------ fixtures */

/* Task spec: units separated by spaces; "*x" lead, "!x" collective, "?x"
 * generic, else a concrete support unit. */
static int add_task(rg_plan *p, const char *number, int chapter, const char *spec) {
  int t = rg_plan_add_task(p, number, number, chapter, -1, 1);
  char buf[1024];
  snprintf(buf, sizeof buf, "%s", spec);
  for (char *s = strtok(buf, " "); s; s = strtok(NULL, " ")) {
    rg_role role = RG_ROLE_SUPPORT;
    rg_kind kind = RG_KIND_UNIT;
    if (*s == '*') role = RG_ROLE_LEAD, s++;
    if (*s == '!')
      kind = RG_KIND_COLLECTIVE, s++;
    else if (*s == '?')
      kind = RG_KIND_GENERIC, s++;
    rg_plan_link(p, t, rg_plan_intern_unit(p, s, kind, 1), role, 1);
  }
  return t;
}

static rg_plan *plan_of(const char *const *specs, int n) {
  rg_plan *p = rg_plan_new("fixture");
  rg_plan_add_chapter(p, "一", "one", 1);
  rg_plan_add_chapter(p, "二", "two", 2);
  for (int i = 0; i < n; i++) {
    char num[16];
    snprintf(num, sizeof num, "%d", i + 1);
    add_task(p, num, i % 2, specs[i]);
  }
  rg_plan_finalize(p);
  return p;
}

static int U(const rg_plan *p, const char *name) { return rg_plan_find_unit(p, name); }

/* --------------------------------------------- an independent rule checker */

static int concrete_units(const rg_plan *p, const rg_meeting_opts *o, int t, int *out) {
  const rg_task *k = &p->tasks[t];
  int n = 0;
  if (o->chapter > 0 && k->chapter != o->chapter - 1) return 0;
  for (int j = k->link_begin; j < k->link_begin + k->link_count; j++) {
    const rg_link *l = &p->links[p->task_links[j]];
    if (p->units[l->unit].kind != RG_KIND_UNIT) continue;
    int ex = 0, dup = 0;
    for (int e = 0; e < o->n_exclude; e++)
      ex |= o->exclude[e] == l->unit;
    for (int i = 0; i < n; i++)
      dup |= out[i] == l->unit;
    if (!ex && !dup) out[n++] = l->unit;
  }
  return n;
}

static int is_lead(const rg_plan *p, int t, int u) {
  const rg_task *k = &p->tasks[t];
  for (int j = k->link_begin; j < k->link_begin + k->link_count; j++) {
    const rg_link *l = &p->links[p->task_links[j]];
    if (l->unit == u && l->role == RG_ROLE_LEAD) return 1;
  }
  return 0;
}

/* Asserts every rule of issue 7 on mp. */
static void check_rules(const rg_plan *p, const rg_meeting_opts *o, const rg_meeting_plan *mp) {
  int A = o->max_attendees, G = o->max_agenda;
  int nt = p->n_tasks, nu = p->n_units;
  int *on = calloc((size_t)nt + 1, sizeof *on);
  int *buf = malloc(((size_t)nu + 1) * sizeof *buf);
  int *mark = calloc((size_t)nu + 1, sizeof *mark);
  int *lcnt = calloc((size_t)nu + 1, sizeof *lcnt), *acnt = calloc((size_t)nu + 1, sizeof *acnt);
  int *per_unit = calloc((size_t)nu + 1, sizeof *per_unit);
  int coord = 0, seats = 0, S = 0;
  for (int t = 0; t < nt; t++)
    coord += concrete_units(p, o, t, buf) >= 2;
  cr_assert_eq(mp->coordination_tasks, coord);
  cr_assert_eq(mp->naive_meetings, coord);
  for (int i = 0; i < mp->n_meetings; i++) {
    const rg_meeting *m = &mp->meetings[i];
    cr_assert_eq(m->id, i + 1);
    cr_assert(m->n_tasks >= 1 && m->n_tasks <= G, "meeting %d has %d tasks", m->id, m->n_tasks);
    cr_assert(m->reason && *m->reason);
    if (i > 0) {
      const rg_meeting *q = &mp->meetings[i - 1];
      cr_assert(q->slot < m->slot || (q->slot == m->slot && q->tasks[0] < m->tasks[0]));
    }
    /* attendees = union of the agenda's concrete units */
    int nunion = 0;
    for (int j = 0; j < m->n_tasks; j++) {
      int t = m->tasks[j];
      if (j) cr_assert_lt(m->tasks[j - 1], t);
      on[t]++;
      int k = concrete_units(p, o, t, buf);
      cr_assert_geq(k, 2);
      for (int a = 0; a < k; a++) {
        acnt[buf[a]]++;
        lcnt[buf[a]] += is_lead(p, t, buf[a]);
        if (!mark[buf[a]]) mark[buf[a]] = 1, nunion++;
      }
      if (m->n_tasks == 1 && k > A) cr_assert(m->oversize);
    }
    cr_assert_eq(m->n_attendees, nunion);
    for (int j = 0; j < m->n_attendees; j++) {
      cr_assert(mark[m->attendees[j]], "attendee not in the agenda");
      if (j)
        cr_assert_lt(strcmp(p->units[m->attendees[j - 1]].name, p->units[m->attendees[j]].name), 0);
    }
    cr_assert(m->n_attendees <= A || (m->n_tasks == 1 && m->oversize),
              "meeting %d has %d attendees", m->id, m->n_attendees);
    /* convener: most leads (ties by name); else most agenda tasks */
    int exp = -1, use_leads = 0;
    for (int j = 0; j < m->n_attendees; j++)
      use_leads |= lcnt[m->attendees[j]] > 0;
    for (int j = 0; j < m->n_attendees; j++) {
      int u = m->attendees[j], c = use_leads ? lcnt[u] : acnt[u];
      int ce = exp < 0 ? -1 : use_leads ? lcnt[exp] : acnt[exp];
      if (c > ce) exp = u; /* attendees are by name, so the first max wins ties */
    }
    cr_assert_eq(m->convener, exp, "meeting %d convener", m->id);
    cr_assert_eq(m->n_led, use_leads ? lcnt[exp] : 0);
    for (int j = 0; j < m->n_attendees; j++) {
      int u = m->attendees[j];
      mark[u] = lcnt[u] = acnt[u] = 0;
      per_unit[u]++;
    }
    seats += m->n_attendees;
    cr_assert_geq(m->slot, 1);
    if (m->slot > S) S = m->slot;
    /* unavailable slots */
    for (int k = 0; k < o->n_unavailable; k++)
      if (o->unavailable[k].slot == m->slot)
        cr_assert(!rg_meeting_has_unit(m, o->unavailable[k].unit), "unit unavailable in slot");
  }
  for (int t = 0; t < nt; t++)
    cr_assert_eq(on[t], concrete_units(p, o, t, buf) >= 2 ? 1 : 0, "task %d on %d agendas", t,
                 on[t]);
  cr_assert_eq(mp->seats, seats);
  cr_assert_eq(mp->slots, S);
  /* no double booking; rooms */
  for (int s = 1; s <= S; s++) {
    int in_slot = 0;
    for (int i = 0; i < mp->n_meetings; i++) {
      const rg_meeting *m = &mp->meetings[i];
      if (m->slot != s) continue;
      in_slot++;
      for (int j = 0; j < m->n_attendees; j++) {
        cr_assert_eq(mark[m->attendees[j]], 0, "unit double-booked in slot %d", s);
        mark[m->attendees[j]] = 1;
      }
    }
    for (int u = 0; u < nu; u++)
      mark[u] = 0;
    if (o->rooms > 0) cr_assert_leq(in_slot, o->rooms);
  }
  int lb = 0;
  for (int u = 0; u < nu; u++)
    if (per_unit[u] > lb) lb = per_unit[u];
  if (o->rooms > 0 && (mp->n_meetings + o->rooms - 1) / o->rooms > lb)
    lb = (mp->n_meetings + o->rooms - 1) / o->rooms;
  cr_assert_eq(mp->lower_bound, lb);
  cr_assert_geq(mp->slots, mp->lower_bound);
  cr_assert_geq(mp->n_meetings, mp->meetings_lower_bound);
  free(on);
  free(buf);
  free(mark);
  free(lcnt);
  free(acnt);
  free(per_unit);
}

static void assert_same(const rg_meeting_plan *a, const rg_meeting_plan *b) {
  cr_assert_eq(a->n_meetings, b->n_meetings);
  cr_assert_eq(a->seats, b->seats);
  cr_assert_eq(a->slots, b->slots);
  for (int i = 0; i < a->n_meetings; i++) {
    const rg_meeting *x = &a->meetings[i], *y = &b->meetings[i];
    cr_assert_eq(x->slot, y->slot);
    cr_assert_eq(x->convener, y->convener);
    cr_assert_eq(x->n_tasks, y->n_tasks);
    cr_assert_eq(x->n_attendees, y->n_attendees);
    cr_assert_eq(memcmp(x->tasks, y->tasks, (size_t)x->n_tasks * sizeof *x->tasks), 0);
    cr_assert_eq(memcmp(x->attendees, y->attendees, (size_t)x->n_attendees * sizeof *x->attendees),
                 0);
    cr_assert_str_eq(x->reason, y->reason);
  }
}

/* ----------------------------------------------------------- random plans */

static uint64_t rng;
static uint64_t next(void) {
  uint64_t z = (rng += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}
static int rnd(int n) { return (int)(next() % (uint64_t)n); }

/* n tasks over nu concrete units (skewed: low indices are popular), two
 * collectives, up to maxk units per task. */
static rg_plan *random_plan(int n, int nu, int maxk) {
  rg_plan *p = rg_plan_new("random");
  for (int c = 0; c < 3; c++)
    rg_plan_add_chapter(p, "x", "chapter", 1);
  char name[32];
  for (int u = 0; u < nu; u++) {
    snprintf(name, sizeof name, "u%03d", u);
    rg_plan_intern_unit(p, name, RG_KIND_UNIT, 1);
  }
  int c1 = rg_plan_intern_unit(p, "各区政府", RG_KIND_COLLECTIVE, 1);
  int c2 = rg_plan_intern_unit(p, "有关部门", RG_KIND_GENERIC, 1);
  for (int t = 0; t < n; t++) {
    snprintf(name, sizeof name, "%d", t + 1);
    int ti = rg_plan_add_task(p, name, "text", rnd(3), -1, t + 1);
    int k = 1 + rnd(maxk);
    if (rnd(10) == 0) k = 1 + rnd(3 * maxk);
    int leads = rnd(4) == 0 ? 0 : 1 + (rnd(6) == 0);
    for (int j = 0; j < k; j++) {
      uint64_t r = next() % 1000000;
      int u = (int)((double)nu * (double)r / 1e6 * (double)r / 1e6); /* skewed */
      rg_plan_link(p, ti, u, j < leads ? RG_ROLE_LEAD : RG_ROLE_SUPPORT, t + 1);
    }
    if (rnd(3) == 0) rg_plan_link(p, ti, rnd(2) ? c1 : c2, RG_ROLE_SUPPORT, t + 1);
  }
  rg_plan_finalize(p);
  return p;
}

Test(meetings, keep_every_rule_and_are_deterministic_on_400_random_plans) {
  rng = 20260125;
  for (int iter = 0; iter < 400; iter++) {
    int n = 1 + rnd(80), nu = 2 + rnd(30);
    rg_plan *p = random_plan(n, nu, 1 + rnd(7));
    rg_meeting_opts o;
    rg_meeting_opts_init(&o);
    o.max_attendees = 2 + rnd(12);
    o.max_agenda = 1 + rnd(9);
    o.rooms = rnd(3) ? 0 : 1 + rnd(4);
    o.chapter = rnd(4) ? 0 : 1 + rnd(3);
    int ex[2];
    o.n_exclude = rnd(3);
    for (int e = 0; e < o.n_exclude; e++)
      ex[e] = rnd(nu);
    o.exclude = ex;
    rg_unavail un[6];
    o.n_unavailable = rnd(2) ? 0 : rnd(7);
    for (int k = 0; k < o.n_unavailable; k++)
      un[k] = (rg_unavail){rnd(nu), 1 + rnd(5)};
    o.unavailable = un;
    int *clu = NULL;
    if (rnd(2)) {
      clu = malloc(((size_t)p->n_units + 1) * sizeof *clu);
      for (int u = 0; u < p->n_units; u++)
        clu[u] = u % 3;
      o.cluster_of_unit = clu;
    }
    o.colour_budget = 20000;
    rg_meeting_plan a, b;
    rg_error e;
    cr_assert_eq(rg_meetings_plan(p, &o, &a, &e), RG_OK, "%s", e.msg);
    check_rules(p, &o, &a);
    cr_assert_eq(rg_meetings_plan(p, &o, &b, &e), RG_OK);
    assert_same(&a, &b);
    rg_meeting_plan_free(&a);
    rg_meeting_plan_free(&b);
    free(clu);
    rg_plan_free(p);
  }
}

/* Exhaustive optimum over set partitions of the coordination tasks:
 * fewest meetings, then fewest seats. */
static int best_m, best_s, bf_n, bf_A, bf_G;
static int bf_k[10], bf_u[10][16], bf_grp[10];
static void brute(int i, int ngroups) {
  if (i == bf_n) {
    int seats = 0;
    for (int g = 0; g < ngroups; g++) {
      int seen[64] = {0}, cnt = 0, tasks = 0, big = 0;
      for (int t = 0; t < bf_n; t++) {
        if (bf_grp[t] != g) continue;
        tasks++;
        big |= bf_k[t] > bf_A;
        for (int j = 0; j < bf_k[t]; j++)
          if (!seen[bf_u[t][j]]) seen[bf_u[t][j]] = 1, cnt++;
      }
      if (tasks > bf_G || (cnt > bf_A && !(tasks == 1 && big))) return;
      seats += cnt;
    }
    if (ngroups < best_m || (ngroups == best_m && seats < best_s)) best_m = ngroups, best_s = seats;
    return;
  }
  for (int g = 0; g <= ngroups; g++) {
    bf_grp[i] = g;
    brute(i + 1, g == ngroups ? ngroups + 1 : ngroups);
  }
}

/* For 300 tiny random plans: the number of plans where the planner missed
 * the exhaustive optimum in meetings and in seats. */
static void tiny_plans(int exact_max, int *checked, int *miss_m, int *miss_s) {
  rng = 7;
  *checked = *miss_m = *miss_s = 0;
  for (int iter = 0; iter < 300; iter++) {
    rg_plan *p = random_plan(2 + rnd(8), 2 + rnd(10), 4);
    rg_meeting_opts o;
    rg_meeting_opts_init(&o);
    o.max_attendees = 2 + rnd(6);
    o.max_agenda = 1 + rnd(4);
    o.exact_max = exact_max;
    bf_n = 0;
    bf_A = o.max_attendees;
    bf_G = o.max_agenda;
    int buf[64], n_coord = 0;
    for (int t = 0; t < p->n_tasks; t++) {
      int k = concrete_units(p, &o, t, buf);
      if (k < 2) continue;
      n_coord++;
      if (bf_n == 9) continue;
      bf_k[bf_n] = k > 16 ? 16 : k;
      memcpy(bf_u[bf_n], buf, (size_t)bf_k[bf_n] * sizeof *buf);
      bf_n++;
    }
    if (n_coord == 0 || n_coord != bf_n || n_coord > 9) {
      rg_plan_free(p);
      continue;
    }
    best_m = INT_MAX;
    best_s = INT_MAX;
    brute(0, 0);
    rg_meeting_plan mp;
    rg_error e;
    cr_assert_eq(rg_meetings_plan(p, &o, &mp, &e), RG_OK);
    check_rules(p, &o, &mp);
    (*checked)++;
    cr_assert_geq(mp.n_meetings, best_m);
    *miss_m += mp.n_meetings > best_m;
    *miss_s += mp.n_meetings == best_m && mp.seats > best_s;
    rg_meeting_plan_free(&mp);
    rg_plan_free(p);
  }
}

Test(meetings, reach_the_exhaustive_optimum_on_tiny_plans) {
  int checked, miss_m, miss_s;
  tiny_plans(10, &checked, &miss_m, &miss_s);
  cr_assert_gt(checked, 250);
  cr_assert_eq(miss_m, 0);
  cr_assert_eq(miss_s, 0);
}

Test(meetings, find_the_fewest_meetings_on_tiny_plans_by_local_search_alone) {
  /* without the exact search: optimal meeting counts everywhere, and the
   * optimal seats in all but two of the plans */
  int checked, miss_m, miss_s;
  tiny_plans(0, &checked, &miss_m, &miss_s);
  cr_assert_gt(checked, 250);
  cr_assert_eq(miss_m, 0);
  cr_assert_leq(miss_s, 2, "missed the fewest seats in %d plans", miss_s);
}

/* --------------------------------------------------------- known optima */

Test(meetings, put_three_tasks_of_the_same_two_units_in_one_meeting) {
  const char *s[] = {"*甲局 乙局", "*甲局 乙局 !各区政府", "乙局 *甲局"};
  rg_plan *p = plan_of(s, 3);
  rg_meeting_plan mp;
  rg_error e;
  cr_assert_eq(rg_meetings_plan(p, NULL, &mp, &e), RG_OK);
  cr_assert_eq(mp.coordination_tasks, 3);
  cr_assert_eq(mp.n_meetings, 1);
  cr_assert_eq(mp.seats, 2);
  cr_assert_eq(mp.naive_seats, 6);
  cr_assert_eq(mp.slots, 1);
  cr_assert_eq(mp.lower_bound, 1);
  cr_assert(mp.slots_optimal);
  cr_assert_eq(mp.meetings[0].convener, U(p, "甲局"));
  cr_assert_eq(mp.meetings[0].n_led, 3);
  cr_assert_str_eq(mp.meetings[0].reason, "all 3 tasks led by 甲局; all 3 share 乙局");
  rg_meeting_plan_free(&mp);
  rg_plan_free(p);
}

Test(meetings, give_a_task_of_fifteen_units_its_own_meeting) {
  const char *s[] = {"*a b c d e f g h i j k l m n o", "*a b", "*b c"};
  rg_plan *p = plan_of(s, 3);
  rg_meeting_plan mp;
  rg_error e;
  cr_assert_eq(rg_meetings_plan(p, NULL, &mp, &e), RG_OK);
  cr_assert_eq(mp.n_meetings, 2);
  cr_assert_eq(mp.oversize, 1);
  cr_assert_eq(mp.meetings_lower_bound, 2);
  cr_assert_eq(mp.seats, 15 + 3);
  cr_assert_eq(mp.slots, 2); /* a and b attend both */
  const rg_meeting *big = mp.meetings[0].n_attendees == 15 ? &mp.meetings[0] : &mp.meetings[1];
  cr_assert(big->oversize);
  cr_assert_eq(big->n_tasks, 1);
  cr_assert_str_eq(big->reason, "task 1 alone needs 15 attendees, more than the cap of 12");
  rg_meeting_opts o;
  rg_meeting_opts_init(&o);
  check_rules(p, &o, &mp);
  rg_meeting_plan_free(&mp);
  rg_plan_free(p);
}

Test(meetings, split_nine_tasks_when_the_agenda_holds_eight) {
  const char *s[9];
  for (int i = 0; i < 9; i++)
    s[i] = "*x y";
  rg_plan *p = plan_of(s, 9);
  rg_meeting_plan mp;
  rg_error e;
  cr_assert_eq(rg_meetings_plan(p, NULL, &mp, &e), RG_OK);
  cr_assert_eq(mp.n_meetings, 2);
  cr_assert_eq(mp.seats, 4);
  cr_assert_eq(mp.slots, 2);
  cr_assert_eq(mp.lower_bound, 2);
  cr_assert_eq(mp.meetings[0].n_tasks + mp.meetings[1].n_tasks, 9);
  rg_meeting_plan_free(&mp);
  rg_plan_free(p);
}

Test(meetings, pack_disjoint_tasks_up_to_the_attendee_cap) {
  /* four disjoint tasks of four units: 12 seats hold three of them */
  const char *s[] = {"*a1 a2 a3 a4", "*b1 b2 b3 b4", "*c1 c2 c3 c4", "*d1 d2 d3 d4"};
  rg_plan *p = plan_of(s, 4);
  rg_meeting_plan mp;
  rg_error e;
  cr_assert_eq(rg_meetings_plan(p, NULL, &mp, &e), RG_OK);
  cr_assert_eq(mp.n_meetings, 2);
  cr_assert_eq(mp.seats, 16);
  cr_assert_eq(mp.slots, 1); /* the two meetings share no unit */
  const rg_meeting *three = mp.meetings[0].n_tasks == 3 ? &mp.meetings[0] : &mp.meetings[1];
  cr_assert_eq(three->n_tasks, 3);
  cr_assert_str_eq(three->reason,
                   "1 of 3 tasks led by a1; packed to save a meeting: its tasks share no unit");
  rg_meeting_plan_free(&mp);
  rg_plan_free(p);
}

Test(meetings, choose_the_convener_by_leads_then_name_and_fall_back_to_attendance) {
  /* 甲 and 乙 lead one task each: the tie goes to the smaller name in code
   * point order, 乙 (U+4E59) < 甲 (U+7532), so 乙 convenes. */
  const char *s[] = {"*甲 丙", "*乙 丙"};
  rg_plan *p = plan_of(s, 2);
  rg_meeting_plan mp;
  rg_error e;
  cr_assert_eq(rg_meetings_plan(p, NULL, &mp, &e), RG_OK);
  cr_assert_eq(mp.n_meetings, 1);
  cr_assert_eq(mp.meetings[0].convener, U(p, "乙"));
  cr_assert_str_eq(mp.meetings[0].reason, "1 of 2 tasks led by 乙; all 2 share 丙");
  rg_meeting_plan_free(&mp);
  rg_plan_free(p);
  /* no concrete lead anywhere: the attendee in most tasks */
  const char *s2[] = {"*!各区政府 b c", "a c", "c d"};
  p = plan_of(s2, 3);
  cr_assert_eq(rg_meetings_plan(p, NULL, &mp, &e), RG_OK);
  cr_assert_eq(mp.n_meetings, 1);
  cr_assert_eq(mp.meetings[0].convener, U(p, "c"));
  cr_assert_eq(mp.meetings[0].n_led, 0);
  cr_assert_str_eq(mp.meetings[0].reason, "no task has a concrete lead; c attends 3 of 3");
  rg_meeting_plan_free(&mp);
  rg_plan_free(p);
}

Test(meetings, drop_excluded_units_and_keep_only_the_chosen_chapter) {
  /* tasks alternate chapters: 1,3 in chapter 1; 2,4 in chapter 2 */
  const char *s[] = {"*a b", "*a c", "*x b", "*c d e"};
  rg_plan *p = plan_of(s, 4);
  rg_meeting_opts o;
  rg_meeting_opts_init(&o);
  int ex[] = {U(p, "b")};
  o.exclude = ex;
  o.n_exclude = 1;
  rg_meeting_plan mp;
  rg_error e;
  cr_assert_eq(rg_meetings_plan(p, &o, &mp, &e), RG_OK);
  cr_assert_eq(mp.coordination_tasks, 2); /* tasks 2 and 4 */
  check_rules(p, &o, &mp);
  for (int i = 0; i < mp.n_meetings; i++)
    cr_assert(!rg_meeting_has_unit(&mp.meetings[i], U(p, "b")));
  rg_meeting_plan_free(&mp);
  o.n_exclude = 0;
  o.chapter = 2;
  cr_assert_eq(rg_meetings_plan(p, &o, &mp, &e), RG_OK);
  cr_assert_eq(mp.coordination_tasks, 2);
  cr_assert_eq(mp.n_meetings, 1);
  cr_assert_eq(mp.meetings[0].tasks[0], 1);
  cr_assert_eq(mp.meetings[0].tasks[1], 3);
  rg_meeting_plan_free(&mp);
  o.chapter = 3;
  cr_assert_eq(rg_meetings_plan(p, &o, &mp, &e), RG_EUSAGE);
  cr_assert_str_eq(e.msg, "--chapter 3 does not exist: the plan has 2 chapters");
  o.chapter = 0;
  o.max_attendees = 1;
  cr_assert_eq(rg_meetings_plan(p, &o, &mp, &e), RG_EUSAGE);
  rg_plan_free(p);
}

Test(meetings, honour_rooms_and_unavailable_slots) {
  /* three disjoint pairs, two units a meeting at most: three meetings */
  const char *s[] = {"*a b", "*c d", "*e f"};
  rg_plan *p = plan_of(s, 3);
  rg_meeting_opts o;
  rg_meeting_opts_init(&o);
  o.max_attendees = 2;
  rg_meeting_plan mp;
  rg_error e;
  cr_assert_eq(rg_meetings_plan(p, &o, &mp, &e), RG_OK);
  cr_assert_eq(mp.n_meetings, 3);
  cr_assert_eq(mp.slots, 1);
  rg_meeting_plan_free(&mp);
  o.rooms = 2;
  cr_assert_eq(rg_meetings_plan(p, &o, &mp, &e), RG_OK);
  cr_assert_eq(mp.slots, 2);
  cr_assert_eq(mp.lower_bound, 2);
  check_rules(p, &o, &mp);
  rg_meeting_plan_free(&mp);
  /* a is away in slots 1 and 2, c in slot 1 */
  o.rooms = 0;
  rg_unavail un[] = {{U(p, "a"), 1}, {U(p, "a"), 2}, {U(p, "c"), 1}};
  o.unavailable = un;
  o.n_unavailable = 3;
  cr_assert_eq(rg_meetings_plan(p, &o, &mp, &e), RG_OK);
  check_rules(p, &o, &mp);
  cr_assert_eq(mp.slots, 3);
  for (int i = 0; i < 3; i++) {
    const rg_meeting *m = &mp.meetings[i];
    if (rg_meeting_has_unit(m, U(p, "a"))) cr_assert_eq(m->slot, 3);
    if (rg_meeting_has_unit(m, U(p, "c"))) cr_assert_eq(m->slot, 2);
    if (rg_meeting_has_unit(m, U(p, "e"))) cr_assert_eq(m->slot, 1);
  }
  rg_meeting_plan_free(&mp);
  rg_plan_free(p);
}

Test(meetings, need_three_slots_for_an_odd_cycle_of_meetings) {
  /* caps keep each pair apart; the meetings form a triangle of conflicts
   * although no unit attends more than two: S = 3 > LB = 2. */
  const char *s[] = {"*a b", "*b c", "*c a"};
  rg_plan *p = plan_of(s, 3);
  rg_meeting_opts o;
  rg_meeting_opts_init(&o);
  o.max_attendees = 2;
  rg_meeting_plan mp;
  rg_error e;
  cr_assert_eq(rg_meetings_plan(p, &o, &mp, &e), RG_OK);
  cr_assert_eq(mp.n_meetings, 3);
  cr_assert_eq(mp.lower_bound, 2);
  cr_assert_eq(mp.slots, 3);
  cr_assert(mp.slots_optimal); /* the exact search proves 2 impossible */
  rg_meeting_plan_free(&mp);
  rg_plan_free(p);
}

/* ------------------------------------------------------ the --unavailable CSV */

Test(unavailable, reads_rows_skips_a_header_and_resolves_aliases) {
  const char *s[] = {"*市发展改革委 市财政局"};
  rg_plan *p = plan_of(s, 1);
  rg_plan_add_alias(p, U(p, "市财政局"), "财政局");
  const char *csv = "\xEF\xBB\xBFunit,slot\n市发展改革委,2\n\n\"财政局\", 1\n市发展改革委,2\n";
  rg_unavail_list l;
  rg_error e;
  cr_assert_eq(rg_unavailable_parse("u.csv", csv, strlen(csv), p, &l, &e), RG_OK, "%s", e.msg);
  cr_assert_eq(l.n, 2);
  cr_assert_eq(l.items[0].unit, U(p, "市发展改革委"));
  cr_assert_eq(l.items[0].slot, 2);
  cr_assert_eq(l.items[1].unit, U(p, "市财政局"));
  cr_assert_eq(l.items[1].slot, 1);
  rg_unavailable_destroy(&l);
  /* without a header */
  cr_assert_eq(rg_unavailable_parse("u.csv", "市财政局,3", strlen("市财政局,3"), p, &l, &e), RG_OK);
  cr_assert_eq(l.n, 1);
  cr_assert_eq(l.items[0].slot, 3);
  rg_unavailable_destroy(&l);
  rg_plan_free(p);
}

Test(unavailable, names_the_line_of_a_bad_row) {
  const char *s[] = {"*甲 乙"};
  rg_plan *p = plan_of(s, 1);
  rg_unavail_list l;
  rg_error e;
  const char *bad1 = "unit,slot\n甲,1\n丁,2\n";
  cr_assert_eq(rg_unavailable_parse("u.csv", bad1, strlen(bad1), p, &l, &e), RG_EINPUT);
  cr_assert_eq(e.line, 3);
  cr_assert_str_eq(e.msg, "unknown unit '丁'");
  cr_assert_eq(l.n, 0);
  const char *bad2 = "甲,1\n乙,zero\n";
  cr_assert_eq(rg_unavailable_parse("u.csv", bad2, strlen(bad2), p, &l, &e), RG_EINPUT);
  cr_assert_eq(e.line, 2);
  const char *bad3 = "甲,1,x\n";
  cr_assert_eq(rg_unavailable_parse("u.csv", bad3, strlen(bad3), p, &l, &e), RG_EINPUT);
  cr_assert_str_eq(e.msg, "expected 2 fields (unit,slot), found 3");
  rg_plan_free(p);
}

/* The baseline of the issue: meetings grouped by lead unit alone (the first
 * concrete lead, else the first unit), tasks in plan order, a new meeting of
 * the same lead whenever the caps would be broken. */
static int lead_baseline(const rg_plan *p, const rg_meeting_opts *o) {
  int nu = p->n_units, meetings = 0;
  int *cur_n = calloc((size_t)nu + 1, sizeof *cur_n);  /* tasks in the lead's open meeting */
  int **cur_u = calloc((size_t)nu + 1, sizeof *cur_u); /* its units */
  int *cur_k = calloc((size_t)nu + 1, sizeof *cur_k);
  int *buf = malloc(((size_t)nu + 1) * sizeof *buf);
  for (int t = 0; t < p->n_tasks; t++) {
    int k = concrete_units(p, o, t, buf);
    if (k < 2) continue;
    int key = buf[0];
    for (int i = 0; i < k; i++)
      if (is_lead(p, t, buf[i])) {
        key = buf[i];
        break;
      }
    if (!cur_u[key]) cur_u[key] = malloc(((size_t)nu + 1) * sizeof(int));
    int added = 0;
    for (int i = 0; i < k; i++) {
      int in = 0;
      for (int j = 0; j < cur_k[key]; j++)
        in |= cur_u[key][j] == buf[i];
      added += !in;
    }
    if (cur_n[key] == 0 || cur_n[key] >= o->max_agenda || cur_k[key] + added > o->max_attendees) {
      meetings++;
      cur_n[key] = 0;
      cur_k[key] = 0;
    }
    for (int i = 0; i < k; i++) {
      int in = 0;
      for (int j = 0; j < cur_k[key]; j++)
        in |= cur_u[key][j] == buf[i];
      if (!in) cur_u[key][cur_k[key]++] = buf[i];
    }
    cur_n[key]++;
  }
  for (int u = 0; u < nu; u++)
    free(cur_u[u]);
  free(cur_u);
  free(cur_n);
  free(cur_k);
  free(buf);
  return meetings;
}

/* ------------------------------------------------------------ the seed */

Test(meetings, beat_the_issue_targets_on_the_seed) {
  rg_plan *p = NULL;
  rg_error e;
  cr_assert_eq(rg_plan_load(RG_EXAMPLES "/shenyang-2026.txt", NULL, &p, &e), RG_OK, "%s", e.msg);
  rg_meeting_opts o;
  rg_meeting_opts_init(&o);
  rg_meeting_plan mp;
  cr_assert_eq(rg_meetings_plan(p, &o, &mp, &e), RG_OK);
  check_rules(p, &o, &mp);
  cr_assert_eq(mp.coordination_tasks, 117);
  cr_assert_leq(mp.n_meetings, 42);
  cr_assert_eq(mp.n_meetings, mp.meetings_lower_bound); /* provably fewest */
  cr_assert_eq(lead_baseline(p, &o), 47);
  cr_assert_leq(mp.slots * 10, mp.lower_bound * 11);
  /* measured: 180 seats (naive 407) and S = LB = 13 */
  cr_assert_eq(mp.naive_seats, 407);
  cr_assert_leq(mp.seats, 180);
  cr_assert_eq(mp.slots, mp.lower_bound);
  rg_meeting_plan_free(&mp);
  rg_plan_free(p);
}

Test(meetings, plan_ten_thousand_tasks_within_the_rules, .timeout = 120) {
  rng = 10000;
  rg_plan *p = random_plan(10000, 1000, 5);
  rg_meeting_opts o;
  rg_meeting_opts_init(&o);
  rg_meeting_plan mp;
  rg_error e;
  clock_t c0 = clock();
  cr_assert_eq(rg_meetings_plan(p, &o, &mp, &e), RG_OK);
  double sec = (double)(clock() - c0) / CLOCKS_PER_SEC;
  cr_log_info("10k tasks: %d coordination tasks, %d meetings, S %d, LB %d, %.2f s",
              mp.coordination_tasks, mp.n_meetings, mp.slots, mp.lower_bound, sec);
  check_rules(p, &o, &mp);
  int baseline = lead_baseline(p, &o);
  cr_log_info("grouping by lead alone: %d meetings", baseline);
  cr_assert_lt(mp.n_meetings, baseline);
  cr_assert_lt(sec, 90.0); /* CPU seconds, sanitizers on; about 1.5 s in Release */
  rg_meeting_plan_free(&mp);
  rg_plan_free(p);
}
