/* test_deadline.c - deadline phrases as dates (input/deadline.c).
 *
 * Phrases marked "real" are printed so in a plan respgraph reads:
 * tests/data/heldout/city-2023-task-table.html (2023年12月底前, 2023年6月底前,
 * 2023年11月底前, 持续推进), county-2024-task-list.csv (2024年12月底,
 * 2024年10月底), provincial-2023-header-rule.html (12月底前, a 2023 plan),
 * national-2020-report-division.txt (年内持续推进), national-2021-rural-
 * delivery.txt (2022年底前取得阶段性成效), reading/city-marked-leads.csv
 * (2024年9月), reading/national-preamble-rule.txt (2024年底前完成),
 * formats/csv/wide-zh.csv (2026年6月底前, 2026年底前) and the corpus plan
 * cn-2018-wastefreecity (2019年6月底前, 2021年3月底前, 2019年上半年, in its
 * text). Every expected interval is worked out by hand from the rules of
 * NOTES.md "Deadlines". */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "deadline.h"
#include "load.h"
#include "load_text.h"
#include "plan.h"

/* "kind start..end" (+ " by MILESTONE", " every N"), or "unread: why". */
static const char *due_of(const char *phrase, int year, int text) {
  static char out[256];
  rg_due d;
  const char *why;
  if (!rg_due_parse(phrase, year, text, &d, &why)) {
    snprintf(out, sizeof out, "%s: %s", rg_due_kind_name(d.kind), why);
    return out;
  }
  char a[16], b[16], m[16];
  rg_date_iso(d.start, a, sizeof a);
  rg_date_iso(d.end, b, sizeof b);
  int n = snprintf(out, sizeof out, "%s %s..%s", rg_due_kind_name(d.kind), a, b);
  if (d.milestone) {
    rg_date_iso(d.milestone, m, sizeof m);
    n += snprintf(out + n, sizeof out - (size_t)n, " by %s", m);
  }
  if (d.every) snprintf(out + n, sizeof out - (size_t)n, " every %d", d.every);
  return out;
}

#define DUE(phrase, year, want) cr_expect_str_eq(due_of(phrase, year, 0), want, "%s", phrase)
#define TEXT(phrase, year, want) cr_expect_str_eq(due_of(phrase, year, 1), want, "%s", phrase)

Test(deadline, month_end_with_a_year) {
  DUE("2026年6月底前", 2026, "dated 2026-01-01..2026-06-30");      /* real: wide-zh.csv */
  DUE("2023年12月底前", 2023, "dated 2023-01-01..2023-12-31");     /* real */
  DUE("2023年11月底前", 2023, "dated 2023-01-01..2023-11-30");     /* real */
  DUE("2024年10月底", 2024, "dated 2024-01-01..2024-10-31");       /* real: no 前 */
  DUE("２０２６年６月底前", 2026, "dated 2026-01-01..2026-06-30"); /* full-width digits */
  DUE("2026年6月末", 2026, "dated 2026-01-01..2026-06-30");
  DUE("2024年2月底前", 2024, "dated 2024-01-01..2024-02-29"); /* a leap year */
}

Test(deadline, day_with_a_year) {
  DUE("2026年6月30日前", 2026, "dated 2026-01-01..2026-06-30");
  DUE("2026年3月31日", 2026, "dated 2026-01-01..2026-03-31");
  DUE("2026-09-30", 2026, "dated 2026-01-01..2026-09-30"); /* an Excel date cell */
  DUE("2026/9/30前", 2026, "dated 2026-01-01..2026-09-30");
  DUE("2026年6月31日前", 2026, "unread: no such day in the month");
}

Test(deadline, month_without_a_year_takes_the_plans) {
  DUE("12月底前", 2023, "dated 2023-01-01..2023-12-31"); /* real: a 2023 plan */
  DUE("6月底前", 2026, "dated 2026-01-01..2026-06-30");
  DUE("十二月底前", 2026, "dated 2026-01-01..2026-12-31");
  DUE("九月底", 2026, "dated 2026-01-01..2026-09-30");
  DUE("6月30日前", 2026, "dated 2026-01-01..2026-06-30");
  DUE("三月三十一日前", 2026, "dated 2026-01-01..2026-03-31");
  DUE("6月底前", 0, "unread: it has no year and the plan names none (give --year)");
}

Test(deadline, a_month_alone_is_that_month) {
  DUE("2024年9月", 2024, "dated 2024-09-01..2024-09-30");  /* real: city-marked-leads.csv */
  DUE("2024年11月", 2024, "dated 2024-11-01..2024-11-30"); /* real */
  DUE("9月份", 2026, "dated 2026-09-01..2026-09-30");
  DUE("2026-09", 2026, "dated 2026-09-01..2026-09-30");
  DUE("10月上旬", 2026, "dated 2026-01-01..2026-10-10");
  DUE("10月下旬", 2026, "dated 2026-01-01..2026-10-31");
}

Test(deadline, half_years) {
  DUE("上半年", 2026, "dated 2026-01-01..2026-06-30");
  DUE("2019年上半年", 2018, "dated 2019-01-01..2019-06-30"); /* real: wastefreecity */
  DUE("下半年", 2026, "dated 2026-07-01..2026-12-31");
  DUE("2026年下半年完成", 2026, "dated 2026-07-01..2026-12-31");
  DUE("前三季度", 2026, "dated 2026-01-01..2026-09-30");
}

Test(deadline, quarters) {
  DUE("一季度", 2026, "dated 2026-01-01..2026-03-31");
  DUE("第三季度", 2026, "dated 2026-07-01..2026-09-30");
  DUE("三季度末", 2026, "dated 2026-01-01..2026-09-30");
  DUE("2026年第二季度", 2026, "dated 2026-04-01..2026-06-30");
  DUE("4季度末前", 2026, "dated 2026-01-01..2026-12-31");
  DUE("第五季度", 2026, "unread: a quarter is 1 to 4");
}

Test(deadline, year_end_and_within_the_year) {
  DUE("年底前", 2026, "dated 2026-01-01..2026-12-31");
  DUE("年内", 2026, "dated 2026-01-01..2026-12-31");
  DUE("2026年底", 2026, "dated 2026-01-01..2026-12-31");
  DUE("2026年底前", 2026, "dated 2026-01-01..2026-12-31");     /* real: wide-zh.csv */
  DUE("2024年底前完成", 2024, "dated 2024-01-01..2024-12-31"); /* real */
  DUE("年末", 2026, "dated 2026-01-01..2026-12-31");
  DUE("2026年", 2026, "dated 2026-01-01..2026-12-31");
  DUE("2026年年底前", 2026, "dated 2026-01-01..2026-12-31");
}

Test(deadline, later_years_and_several_years) {
  DUE("2027年底前", 2026, "dated 2026-01-01..2027-12-31");
  DUE("2022年底前取得阶段性成效", 2021, "dated 2021-01-01..2022-12-31"); /* real */
  DUE("2026—2027年", 2026, "dated 2026-01-01..2027-12-31");
  DUE("2026年—2027年", 2026, "dated 2026-01-01..2027-12-31");
  DUE("2026-2027年", 2026, "dated 2026-01-01..2027-12-31");
  DUE("2026年至2028年", 2026, "dated 2026-01-01..2028-12-31");
  DUE("2027—2026年", 2026, "unread: the second year is before the first");
  DUE("2025年底前", 2026, "dated 2025-01-01..2025-12-31"); /* before the plan's year */
}

Test(deadline, spread_over_the_year) {
  DUE("持续推进", 2023, "spread 2023-01-01..2023-12-31");     /* real */
  DUE("年内持续推进", 2020, "spread 2020-01-01..2020-12-31"); /* real */
  DUE("长期坚持", 2026, "spread 2026-01-01..2026-12-31");
  DUE("常态化推进", 2026, "spread 2026-01-01..2026-12-31");
  DUE("分阶段推进", 2026, "spread 2026-01-01..2026-12-31");
  DUE("持续推进", 0, "unread: the plan names no year (give --year)");
  /* a date with it is a date */
  DUE("2026年6月底前持续推进", 2026, "dated 2026-01-01..2026-06-30");
}

Test(deadline, recurring) {
  DUE("每季度", 2026, "recurring 2026-01-01..2026-12-31 every 3");
  DUE("每月", 2026, "recurring 2026-01-01..2026-12-31 every 1");
  DUE("每半年", 2026, "recurring 2026-01-01..2026-12-31 every 6");
  DUE("每年", 2026, "recurring 2026-01-01..2026-12-31 every 12");
  DUE("每季度末", 2026, "recurring 2026-01-01..2026-12-31 every 3");
  DUE("按季度报送", 2026, "recurring 2026-01-01..2026-12-31 every 3");
}

Test(deadline, a_milestone_and_the_latest_end) {
  DUE("2026年6月底前完成试点，年底前全面完成", 2026, "dated 2026-01-01..2026-12-31 by 2026-06-30");
  DUE("2019年6月底前启动，2021年3月底前完成", 2018, "dated 2018-01-01..2021-03-31 by 2019-06-30");
  DUE("上半年启动，三季度末完成", 2026, "dated 2026-01-01..2026-09-30 by 2026-06-30");
}

Test(deadline, unknown_phrases_are_not_guessed) {
  DUE("根据上级要求", 2026, "unread: it names no date");
  DUE("按国家部署", 2026, "unread: it names no date");
  DUE("2026年13月底前", 2026, "unread: a month is 1 to 12");
  DUE("6月前", 2026, "unread: M月前 may mean by the end of the month or before it starts");
  DUE("尽快", 2026, "unread: it names no date");
}

Test(deadline, text_takes_only_by_phrases) {
  /* real: wastefreecity's tasks carry their dates in the text */
  TEXT("2019年6月底前，印发“无废城市”建设指标体系。", 2018, "dated 2018-01-01..2019-06-30");
  TEXT("到2020年，试点城市…2021年3月底前，形成可复制…", 2018, "dated 2018-01-01..2021-03-31");
  TEXT("年底前建成全市统一平台。", 2026, "dated 2026-01-01..2026-12-31");
  TEXT("持续推进存量隐性债务有序化解。", 2026, "none: it names no date"); /* real: seed 159 */
  TEXT("到2025年，全市每年新增就业5万人。", 2026, "none: it names no date");
  TEXT("上半年举办招商活动。", 2026, "none: it names no date");
}

Test(deadline, the_plans_year) {
  rg_plan *p = rg_plan_new("x");
  const char *from;
  cr_expect_eq(rg_plan_year_of(p, &from), 0);
  cr_expect_null(from);
  p->meta.doc_number = "沈政发〔2026〕1号";
  cr_expect_eq(rg_plan_year_of(p, &from), 2026);
  cr_expect_str_eq(from, "document number");
  p->meta.date = "2025年12月30日";
  cr_expect_eq(rg_plan_year_of(p, &from), 2025);
  cr_expect_str_eq(from, "date");
  p->meta.title = "关于印发二〇二六年重点工作分工方案的通知";
  cr_expect_eq(rg_plan_year_of(p, &from), 2026);
  cr_expect_str_eq(from, "title");
  rg_plan_free(p);
}

Test(deadline, a_plan_reads_every_task_and_warns_once_per_unread) {
  rg_plan *p = load_text("沈阳市人民政府关于印发2026年重点工作分工方案的通知\n"
                         "1.推进改革。\n牵头单位:市发展改革委\n完成时限:6月底前\n"
                         "2.优化服务。\n牵头单位:市财政局\n完成时限:按上级要求\n"
                         "3.年底前建成平台。\n牵头单位:市财政局\n"
                         "4.做好统计。\n牵头单位:市统计局\n完成时限:每季度\n");
  rg_plan_read_deadlines(p, 0);
  cr_expect_eq(p->year, 2026);
  cr_expect_str_eq(p->year_from, "title");
  cr_expect_eq(p->tasks[0].due.kind, RG_DUE_DATED);
  cr_expect_eq(p->tasks[0].due.end, rg_days_from_civil(2026, 6, 30));
  cr_expect_eq(p->tasks[1].due.kind, RG_DUE_UNREAD);
  cr_expect_eq(p->tasks[2].due.kind, RG_DUE_DATED);
  cr_expect_eq(p->tasks[2].due.from_text, 1);
  cr_expect_eq(p->tasks[3].due.kind, RG_DUE_RECURRING);
  int n = 0;
  for (int i = 0; i < p->n_diags; i++)
    if (!strcmp(p->diags[i].code, "deadline")) {
      n++;
      cr_expect_eq(p->diags[i].line, 5);
      cr_expect(strstr(p->diags[i].message, "按上级要求") != NULL);
    }
  cr_expect_eq(n, 1);
  rg_plan_free(p);
}

/* The screen of a big plan's texts on two threads gives what one gives:
 * 60,000 tasks (past the two-thread size) of dated, undated and 前-but-
 * undated texts and 完成时限 values, read both ways. */
static rg_plan *many_dated_tasks(void) {
  static const char *const TEXT[] = {"完善工作机制。", "2026年6月底前完成改造。",
                                     "在汛期前做好准备。", "９月底前完成（全角）。", "持续推进。"};
  rg_plan *p = rg_plan_new("many");
  for (int i = 0; i < 60000; i++) {
    char num[16];
    snprintf(num, sizeof num, "%d", i + 1);
    int t = rg_plan_add_task(p, num, TEXT[i % 5], -1, -1, i + 1);
    if (i % 7 == 0) p->tasks[t].deadline = (char *)rg_plan_strdup(p, i % 2 ? "2026年底" : "长期");
  }
  p->meta.title = rg_plan_strdup(p, "2026年重点任务分工方案");
  return p;
}

Test(deadline, two_threads_read_a_big_plan_as_one) {
  rg_plan *a = many_dated_tasks(), *b = many_dated_tasks();
  rg_plan_read_deadlines_threads(a, 0, 1);
  rg_plan_read_deadlines_threads(b, 0, 2);
  int dated = 0;
  for (int t = 0; t < a->n_tasks; t++) {
    cr_assert_eq(memcmp(&a->tasks[t].due, &b->tasks[t].due, sizeof a->tasks[t].due), 0, "task %d",
                 t);
    dated += a->tasks[t].due.kind != RG_DUE_NONE;
  }
  cr_expect_eq(a->n_diags, b->n_diags);
  cr_expect_gt(dated, 20000); /* the dated texts and the 完成时限 are read */
  cr_expect_lt(dated, 50000); /* the undated ones are not */
  rg_plan_free(a);
  rg_plan_free(b);
}
