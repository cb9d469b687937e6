/* test_timeline.c - load per quarter and month from the deadlines
 * (analyzer/timeline.c).
 *
 * Expected values: a Python script with exact fractions on `respgraph parse
 * -f json` of tests/data/heldout/city-2023-task-table.html, mapping its four
 * deadline phrases to quarters by hand (2023年12月底前, 2023年11月底前 and
 * 持续推进: all four; 2023年6月底前: the first two), weights 1 and 1/2; the
 * fences with numpy.percentile (linear) over the 18 units' loads of each
 * quarter. The invariant - a unit's periods add up to its annual load - is
 * checked exactly, on the integer shares, for every unit of the bundled
 * plan, as read (no deadlines) and with every task given a deadline from a
 * list of real phrases. */
#include <criterion/criterion.h>
#include <string.h>

#include "analyze.h"
#include "calendar.h"
#include "deadline.h"
#include "load.h"
#include "timeline.h"

static rg_plan *load_plan(const char *path) {
  rg_plan *p = NULL;
  rg_error err;
  rg_load_opts lo = {0};
  cr_assert_eq(rg_plan_load(path, &lo, &p, &err), RG_OK, "%s", err.msg);
  return p;
}

static int row_of(const rg_plan *p, const rg_timeline *tl, const char *name) {
  int u = rg_plan_find_unit(p, name);
  cr_assert_geq(u, 0, "%s", name);
  return tl->row_of_unit[u];
}

/* Every unit: shares over the periods = RG_SHARE_DEN x its led / supported
 * tasks, exactly; loads add up to the annual load. */
static void expect_sums(const rg_results *r, const rg_timeline *tl) {
  int np = tl->n_periods;
  cr_assert_eq(tl->n_units, r->n_units);
  for (int i = 0; i < tl->n_units; i++) {
    long long lead = 0, support = 0;
    double load = 0;
    for (int p = 0; p < np; p++) {
      lead += tl->lead_share[(size_t)i * np + p];
      support += tl->support_share[(size_t)i * np + p];
      load += tl->load[(size_t)i * np + p];
    }
    cr_expect_eq(lead, RG_SHARE_DEN * r->units[i].led);
    cr_expect_eq(support, RG_SHARE_DEN * r->units[i].supported);
    cr_expect_float_eq(load, r->units[i].load, 1e-9);
  }
}

Test(timeline, city_2023_by_quarter_against_exact_fractions) {
  rg_plan *p = load_plan(RG_TEST_DATA "/heldout/city-2023-task-table.html");
  rg_results r;
  rg_timeline tl = {0};
  rg_error err;
  cr_assert_eq(rg_analyze(p, NULL, &r, &err), RG_OK, "%s", err.msg);
  cr_assert_eq(rg_timeline_build(p, &r, 3, &tl, &err), RG_OK, "%s", err.msg);
  cr_expect_eq(tl.year, 2023);
  cr_expect_eq(tl.n_periods, 4);
  cr_expect_eq(tl.start[1], rg_days_from_civil(2023, 4, 1));
  cr_expect_eq(tl.end[3], rg_days_from_civil(2023, 12, 31));
  static const struct {
    const char *unit;
    double q[4];
  } want[] = {
      {"市财政局", {0.5, 0.5, 0.25, 0.25}},     {"市商务局", {0.5, 0.5, 0, 0}},
      {"市市场监管局", {0.25, 0.25, 0, 0}},     {"市发展改革委", {0.375, 0.375, 0.375, 0.375}},
      {"团市委", {0.125, 0.125, 0.125, 0.125}},
  };
  for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
    int i = row_of(p, &tl, want[k].unit);
    for (int q = 0; q < 4; q++)
      cr_expect_float_eq(tl.load[i * 4 + q], want[k].q[q], 1e-12, "%s Q%d", want[k].unit, q + 1);
  }
  for (int q = 0; q < 4; q++) { /* numpy: Q1 0.125, Q3 0.25 in every quarter */
    cr_expect_float_eq(tl.q1[q], 0.125, 1e-12);
    cr_expect_float_eq(tl.q3[q], 0.25, 1e-12);
    cr_expect_float_eq(tl.fence[q], 0.4375, 1e-12);
  }
  int fin = row_of(p, &tl, "市财政局"), dev = row_of(p, &tl, "市发展改革委");
  cr_expect(tl.over[fin * 4 + 0] && tl.over[fin * 4 + 1] && !tl.over[fin * 4 + 2]);
  cr_expect(!tl.over[dev * 4 + 0]);
  expect_sums(&r, &tl);
  rg_timeline_free(&tl);
  rg_results_free(&r);
  rg_plan_free(p);
}

Test(timeline, city_2023_by_month) {
  rg_plan *p = load_plan(RG_TEST_DATA "/heldout/city-2023-task-table.html");
  rg_results r;
  rg_timeline tl = {0};
  rg_error err;
  cr_assert_eq(rg_analyze(p, NULL, &r, &err), RG_OK, "%s", err.msg);
  cr_assert_eq(rg_timeline_build(p, &r, 1, &tl, &err), RG_OK, "%s", err.msg);
  cr_expect_eq(tl.n_periods, 12);
  /* 市商务局 leads task 3 (by June 30): 1/6 a month January to June */
  int i = row_of(p, &tl, "市商务局");
  for (int m = 0; m < 12; m++)
    cr_expect_float_eq(tl.load[i * 12 + m], m < 6 ? 1.0 / 6 : 0, 1e-12);
  /* 市城市管理局 supports task 5 (by November 30): 0.5/11 a month, none in December */
  i = row_of(p, &tl, "市城市管理局");
  cr_expect_float_eq(tl.load[i * 12 + 0], 0.5 / 11, 1e-12);
  cr_expect_float_eq(tl.load[i * 12 + 11], 0, 1e-12);
  cr_expect_eq(tl.lead_share[i * 12 + 0] + tl.support_share[i * 12 + 0], RG_SHARE_DEN / 11);
  expect_sums(&r, &tl);
  rg_timeline_free(&tl);
  rg_results_free(&r);
  rg_plan_free(p);
}

/* Real phrases (tests/input/test_deadline.c names where each comes from). */
static const char *const PHRASES[] = {
    "2026年6月底前",
    "持续推进",
    "年底前",
    "12月底前",
    "2026年9月",
    "上半年",
    "三季度末",
    "2026—2027年",
    "每季度",
    "按上级要求",
    "第二季度",
    "2025年底前",
    "2026年6月底前完成试点，年底前全面完成",
    "下半年",
    "10月底",
};

Test(timeline, seed_plan_quarters_and_months_sum_to_the_annual_load_for_every_unit) {
  rg_plan *p = load_plan(RG_EXAMPLES "/shenyang-2026.txt");
  cr_expect_eq(p->year, 2026);
  rg_results r;
  rg_error err;
  cr_assert_eq(rg_analyze(p, NULL, &r, &err), RG_OK, "%s", err.msg);
  for (int pass = 0; pass < 2; pass++) {
    if (pass) /* every task a deadline */
      for (int t = 0; t < p->n_tasks; t++) {
        const char *why;
        rg_due_parse(PHRASES[t % (int)(sizeof PHRASES / sizeof PHRASES[0])], 2026, 0,
                     &p->tasks[t].due, &why);
      }
    for (int months = 1; months <= 3; months += 2) {
      rg_timeline tl = {0};
      cr_assert_eq(rg_timeline_build(p, &r, months, &tl, &err), RG_OK, "%s", err.msg);
      expect_sums(&r, &tl);
      if (!pass) /* as read: no deadline, every period the same */
        for (int i = 0; i < tl.n_units; i++)
          cr_expect_float_eq(tl.load[(size_t)i * tl.n_periods], r.units[i].load * months / 12,
                             1e-12);
      rg_timeline_free(&tl);
    }
  }
  rg_results_free(&r);
  rg_plan_free(p);
}

Test(timeline, a_plan_without_a_year_is_refused_with_the_way_out) {
  rg_plan *p = load_plan(RG_TEST_DATA "/heldout/city-2023-task-table.html");
  p->year = 0;
  rg_results r;
  rg_timeline tl = {0};
  rg_error err;
  cr_assert_eq(rg_analyze(p, NULL, &r, &err), RG_OK, "%s", err.msg);
  cr_expect_eq(rg_timeline_build(p, &r, 3, &tl, &err), RG_EINPUT);
  cr_expect(strstr(err.msg, "--year") != NULL);
  rg_timeline_free(&tl);
  rg_results_free(&r);
  rg_plan_free(p);
}
