/* test_due.c - the 督查督办 lights of a deadline at a date (input/model/due.c),
 * against dates worked out by hand. */
#include <criterion/criterion.h>

#include "calendar.h"
#include "due.h"

static rg_light light_at(rg_due_kind kind, long start, long end, int every, const char *as_of,
                         long *when) {
  rg_due d = {.kind = kind, .start = start, .end = end, .every = every};
  long z;
  cr_assert_eq(rg_date_parse(as_of, &z), 0);
  return rg_due_light(&d, z, 30, when);
}

Test(due, dated_tasks_are_overdue_due_soon_or_not_due) {
  long s = rg_days_from_civil(2026, 1, 1), e = rg_days_from_civil(2026, 6, 30), w;
  cr_expect_eq(light_at(RG_DUE_DATED, s, e, 0, "2026-07-01", &w), RG_LIGHT_OVERDUE);
  cr_expect_eq(w, e);
  cr_expect_eq(light_at(RG_DUE_DATED, s, e, 0, "2026-06-30", &w), RG_LIGHT_SOON);    /* the day */
  cr_expect_eq(light_at(RG_DUE_DATED, s, e, 0, "2026-05-31", &w), RG_LIGHT_SOON);    /* 30 days */
  cr_expect_eq(light_at(RG_DUE_DATED, s, e, 0, "2026-05-30", &w), RG_LIGHT_NOT_DUE); /* 31 */
  cr_expect_str_eq(rg_light_label(RG_LIGHT_OVERDUE), "逾期");
  /* 6月底前完成…，年底前全面完成: the milestone while it is ahead, then the end */
  rg_due m = {
      .kind = RG_DUE_DATED, .start = s, .end = rg_days_from_civil(2026, 12, 31), .milestone = e};
  cr_expect_eq(rg_due_light(&m, rg_days_from_civil(2026, 6, 15), 30, &w), RG_LIGHT_SOON);
  cr_expect_eq(w, e);
  cr_expect_eq(rg_due_light(&m, rg_days_from_civil(2026, 7, 1), 30, &w), RG_LIGHT_NOT_DUE);
  cr_expect_eq(w, rg_days_from_civil(2026, 12, 31));
  cr_expect_str_eq(rg_light_name(RG_LIGHT_SOON), "due-soon");
}

Test(due, recurring_tasks_are_judged_by_the_end_of_the_current_period) {
  long s = rg_days_from_civil(2026, 1, 1), e = rg_days_from_civil(2026, 12, 31), w;
  /* 每季度 on May 10: due June 30, 51 days off */
  cr_expect_eq(light_at(RG_DUE_RECURRING, s, e, 3, "2026-05-10", &w), RG_LIGHT_NOT_DUE);
  cr_expect_eq(w, rg_days_from_civil(2026, 6, 30));
  /* on June 15: 15 days off */
  cr_expect_eq(light_at(RG_DUE_RECURRING, s, e, 3, "2026-06-15", &w), RG_LIGHT_SOON);
  /* 每月 on Feb 20: due Feb 28 */
  cr_expect_eq(light_at(RG_DUE_RECURRING, s, e, 1, "2026-02-20", &w), RG_LIGHT_SOON);
  cr_expect_eq(w, rg_days_from_civil(2026, 2, 28));
  /* after the year: overdue against the year's end */
  cr_expect_eq(light_at(RG_DUE_RECURRING, s, e, 3, "2027-01-05", &w), RG_LIGHT_OVERDUE);
  cr_expect_eq(w, e);
}

Test(due, spread_tasks_are_ongoing_and_undated_ones_have_no_light) {
  long s = rg_days_from_civil(2026, 1, 1), e = rg_days_from_civil(2026, 12, 31), w;
  cr_expect_eq(light_at(RG_DUE_SPREAD, s, e, 0, "2026-12-30", &w), RG_LIGHT_ONGOING);
  cr_expect_eq(light_at(RG_DUE_SPREAD, s, e, 0, "2027-03-01", &w), RG_LIGHT_ONGOING);
  cr_expect_eq(light_at(RG_DUE_NONE, 0, 0, 0, "2026-03-01", &w), RG_LIGHT_NONE);
  cr_expect_eq(w, 0);
  cr_expect_eq(light_at(RG_DUE_UNREAD, 0, 0, 0, "2026-03-01", &w), RG_LIGHT_NONE);
  cr_expect_null(rg_light_name(RG_LIGHT_NONE));
}
