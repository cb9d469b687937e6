/* test_deadlines_cli.c - deadlines as dates on the command line (issue 17,
 * part 4): `load --by quarter|month` against golden files, the 督查督办
 * lights of `parse --as-of`, [deadline] warnings in `check`, --year, and
 * byte-identical reruns.
 *
 * tests/data/deadlines/shenyang-2026-dated.txt is the bundled plan with a
 * 完成时限 after every task (make-dated.py, run by hand); its links are the
 * bundled plan's. The goldens were checked by hand on a few rows and against
 * the exact-fraction checks of tests/analyzer/test_timeline.c. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/common.h"

#define SEED "'" RG_EXAMPLES "/shenyang-2026.txt'"
#define DATED "'" RG_TEST_DATA "/deadlines/shenyang-2026-dated.txt'"
#define NO_YEAR "'" RG_TEST_DATA "/deadlines/no-year.txt'"
#define GOLDEN(name) RG_TEST_DATA "/deadlines/" name

static void expect_golden(const char *args, const char *golden) {
  rg_test_run a = rg_test_respgraph(args), b = rg_test_respgraph(args);
  cr_expect_eq(a.code, 0, "%s: %s", args, a.err);
  cr_expect(rg_test_golden(golden, a.out, strlen(a.out)), "%s differs from %s", args, golden);
  cr_expect_str_eq(a.out, b.out, "a rerun of %s wrote other bytes", args);
  rg_test_run_free(&a);
  rg_test_run_free(&b);
}

Test(deadlines_cli, load_by_quarter_of_the_bundled_plan) {
  expect_golden("load " SEED " -f csv", GOLDEN("seed-load-quarter.csv"));
}

Test(deadlines_cli, load_by_quarter_and_month_of_the_dated_plan) {
  expect_golden("load " DATED " -f csv", GOLDEN("dated-load-quarter.csv"));
  expect_golden("load " DATED " -f csv --by month", GOLDEN("dated-load-month.csv"));
  expect_golden("load " DATED " -f json --top 3", GOLDEN("dated-load-quarter-top3.json"));
}

Test(deadlines_cli, the_terminal_table_names_the_quarters_and_the_busiest) {
  rg_test_run r = rg_test_respgraph("load " DATED " --top 2");
  cr_expect_eq(r.code, 0, "%s", r.err);
  cr_expect_not_null(strstr(r.out, "load_in_1"));
  cr_expect_not_null(strstr(r.out, "市发展改革委"));
  rg_test_run_free(&r);
}

Test(deadlines_cli, parse_as_of_gives_every_task_its_light) {
  expect_golden("parse " DATED " --as-of 2026-06-15 -f csv --columns "
                "task,deadline,due_kind,due_from,due_by,milestone,light,light_date",
                GOLDEN("dated-as-of-2026-06-15.csv"));
  /* without --as-of there is no light column */
  rg_test_run r = rg_test_respgraph("parse " DATED " -f csv --top 1");
  cr_expect_null(strstr(r.out, "light"));
  cr_expect_not_null(strstr(r.out, "due_kind,due_from,due_by,milestone"));
  rg_test_run_free(&r);
  /* task 1 (2026年6月底前) on June 15, with a 10-day window: not due; on July 1: overdue */
  r = rg_test_respgraph("parse " DATED " --as-of 2026-06-15 --soon-days 10 -f csv --top 1 "
                        "--columns task,light");
  cr_expect_str_eq(r.out, "task,light\n1,not-due\n");
  rg_test_run_free(&r);
  r = rg_test_respgraph("parse " DATED " --as-of 2026-07-01 -f csv --top 1 --columns task,light");
  cr_expect_str_eq(r.out, "task,light\n1,overdue\n");
  rg_test_run_free(&r);
}

Test(deadlines_cli, check_warns_of_a_deadline_it_does_not_read_and_never_guesses) {
  rg_test_run r = rg_test_respgraph("check " NO_YEAR " --year 2026");
  cr_expect_eq(r.code, 0);
  cr_expect_not_null(strstr(r.out, "no-year.txt:7: warning: task 2: 完成时限 '按上级要求' is not "
                                   "read as a date: it names no date; loads by period spread it "
                                   "over the plan's year [deadline]\n"),
                     "%s", r.out);
  cr_expect_null(strstr(r.out, "no-year.txt:3:"), "6月底前 is read with --year");
  rg_test_run_free(&r);
  /* no year in the plan: 6月底前 and 每季度 cannot be dated */
  r = rg_test_respgraph("check " NO_YEAR);
  cr_expect_not_null(strstr(r.out, "no-year.txt:3: warning: task 1: 完成时限 '6月底前' is not read "
                                   "as a date: it has no year and the plan names none (give "
                                   "--year)"));
  cr_expect_not_null(strstr(r.out, "no-year.txt:12: warning: task 3:"));
  rg_test_run_free(&r);
}

Test(deadlines_cli, load_needs_the_plans_year) {
  rg_test_run r = rg_test_respgraph("load " NO_YEAR);
  cr_expect_eq(r.code, 1);
  cr_expect_not_null(strstr(r.err, "the plan's year is not known"));
  cr_expect_not_null(strstr(r.err, "--year YYYY"));
  rg_test_run_free(&r);
  r = rg_test_respgraph("load " NO_YEAR
                        " --year 2026 -f csv --columns unit,load,load_in_1,load_in_3");
  cr_expect_eq(r.code, 0, "%s", r.err);
  /* 市发展改革委: leads task 1 (by June 30: 1/2 in Q1 and Q2) and supports
   * task 2 (unread: 0.5 over four quarters) */
  cr_expect_str_eq(r.out, "unit,load,load_in_1,load_in_3\n"
                          "市发展改革委,1.5,0.625,0.125\n"
                          "市统计局,1,0.25,0.25\n"
                          "市财政局,1,0.25,0.25\n");
  rg_test_run_free(&r);
}

Test(deadlines_cli, bad_dates_and_periods_are_usage_errors) {
  const char *bad[] = {"parse " SEED " --as-of 2026-02-30", "load " SEED " --by week",
                       "load " SEED " --soon-days -1", "parse " SEED " --year 26",
                       "units " SEED " --by month"};
  for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
    rg_test_run r = rg_test_respgraph(bad[k]);
    cr_expect_eq(r.code, 2, "%s: %d %s", bad[k], r.code, r.err);
    cr_expect_not_null(strstr(r.err, "respgraph: "), "%s", bad[k]);
    rg_test_run_free(&r);
  }
}

/* Run `report PLAN -o DIR EXTRA` into dir (named after tag and the pid) and
 * return its index.html (malloc'd). */
static char *report_page(const char *plan, const char *extra, const char *tag, char *dir,
                         size_t dir_size) {
  snprintf(dir, dir_size, "/tmp/rg-%s-%d", tag, (int)getpid());
  char args[1024];
  snprintf(args, sizeof args, "report %s -o %s %s", plan, dir, extra);
  rg_test_run r = rg_test_respgraph(args);
  cr_assert_eq(r.code, 0, "%s", r.err);
  rg_test_run_free(&r);
  char path[512];
  snprintf(path, sizeof path, "%s/index.html", dir);
  char *html = rg_test_slurp(path, NULL);
  cr_assert_not_null(html);
  return html;
}

Test(deadlines_cli, the_report_has_the_heat_map_the_period_sheets_and_the_lights) {
  char dir[256], args[1024], path[512];
  char *html = report_page(DATED, "--as-of 2026-06-15", "deadlines-report", dir, sizeof dir);
  cr_expect_not_null(strstr(html, "<section id=\"load-by-month\"><h2>按月负荷</h2>"));
  cr_expect_not_null(strstr(html, "<svg class=\"chart heatmap\""));
  /* 按季度负荷 is a sheet and a CSV: the page shows the months */
  cr_expect_null(strstr(html, "<section id=\"load-by-quarter\""));
  cr_expect_null(strstr(html, "href=\"#load-by-quarter\""));
  /* task 1 (2026年6月底前) is due within 30 days of June 15; task 3 (年底前) is not */
  cr_expect_not_null(strstr(html, "<tr class=\"light-due-soon\"><td class=\"n\" data-v=\"1\">1</td>"
                                  "<td class=\"nw\">临近</td>"));
  cr_expect_not_null(
      strstr(html, "<tr class=\"light-not-due\"><td class=\"n\" data-v=\"3\">3</td>"));
  /* the task list keeps the only anchor of each task */
  const char *a = strstr(html, "id=\"task-1\"");
  cr_expect(a && !strstr(a + 1, "id=\"task-1\""));
  free(html);
  snprintf(path, sizeof path, "%s/tasks.csv", dir); /* the tasks with their dates */
  char *tasks = rg_test_slurp(path, NULL);
  cr_assert_not_null(tasks);
  cr_expect_not_null(strstr(tasks, ",due_kind,due_from,due_by,milestone\n"), "%.300s", tasks);
  cr_expect_not_null(strstr(tasks, ",dated,2026-01-01,2026-06-30,\n"));
  free(tasks);
  snprintf(path, sizeof path, "%s/load-by-quarter.csv", dir);
  char *csv = rg_test_slurp(path, NULL);
  cr_assert_not_null(csv);
  cr_expect_not_null(strstr(csv, "市发展改革委,35.5,11.5,10,7.5,6.5,"), "%s", csv);
  free(csv);
  snprintf(args, sizeof args, "rm -rf %s", dir);
  cr_expect_eq(system(args), 0);
}

/* The bundled plan gives no 完成时限: every task would spread over the whole
 * year, so the report has no period views (flat rows repeating the loads). */
Test(deadlines_cli, a_plan_without_dated_deadlines_gets_no_period_views) {
  char dir[256], args[1024], path[512];
  char *html = report_page(SEED, "", "undated-report", dir, sizeof dir);
  cr_expect_null(strstr(html, "id=\"load-by-month\""));
  cr_expect_null(strstr(html, "<svg class=\"chart heatmap\""));
  free(html);
  snprintf(path, sizeof path, "%s/load-by-quarter.csv", dir);
  cr_expect_neq(access(path, F_OK), 0, "%s was written", path);
  snprintf(args, sizeof args, "rm -rf %s", dir);
  cr_expect_eq(system(args), 0);
}

/* Each meeting row's date against its due date: late exactly when after it. */
static int late_rows(const char *csv, int *n_rows) {
  int late = 0, n = 0;
  for (const char *l = strchr(csv, '\n'); l && l[1]; l = strchr(l + 1, '\n')) {
    const char *end = strchr(l + 1, '\n');
    char line[8192];
    snprintf(line, sizeof line, "%.*s", (int)(end ? end - l - 1 : (long)strlen(l + 1)), l + 1);
    char date[11], *f1 = strrchr(line, ','); /* ...,due,late */
    cr_assert_not_null(f1);
    *f1 = '\0';
    const char *due = strrchr(line, ',') + 1, *is_late = f1 + 1;
    snprintf(date, sizeof date, "%s", strchr(line, ',') + 1);
    if (*due)
      cr_expect_eq(!strcmp(is_late, "true"), strcmp(date, due) > 0, "%s", line);
    else
      cr_expect_str_eq(is_late, "false");
    late += !strcmp(is_late, "true");
    n++;
  }
  *n_rows = n;
  return late;
}

Test(deadlines_cli, meetings_come_before_their_tasks_deadlines_or_say_why_not) {
  /* from January 5 every meeting fits before its deadline (the earliest is
   * 2026-03-31, tasks 15, 31, ... 2026年3月31日前) */
  rg_test_run r = rg_test_respgraph("meetings " DATED " --start 2026-01-05");
  cr_expect_eq(r.code, 0, "%s", r.err);
  cr_expect_not_null(strstr(r.out, "有完成时限的 63 次会议均安排在时限之前\n"), "%s", r.out);
  rg_test_run_free(&r);
  r = rg_test_respgraph("meetings " DATED " --start 2026-01-05 -f csv");
  int n, late = late_rows(r.out, &n);
  cr_expect_eq(n, 68);
  cr_expect_eq(late, 0);
  rg_test_run_free(&r);
  /* from April 1 the meetings due March 31 cannot be: said, with the reason */
  r = rg_test_respgraph("meetings " DATED " --start 2026-04-01 -f csv");
  late = late_rows(r.out, &n);
  cr_expect_gt(late, 0);
  rg_test_run_free(&r);
  r = rg_test_respgraph("meetings " DATED " --start 2026-04-01");
  char want[128];
  snprintf(want, sizeof want, "%d 次会议（共 63 次有时限）无法在任务时限之前召开", late);
  cr_expect_not_null(strstr(r.out, want), "%s", r.out);
  cr_expect_not_null(strstr(r.out, "时限 2026-03-31，早于起始日）"));
  rg_test_run_free(&r);
  /* the bundled plan has no deadline: no such line, no such column */
  r = rg_test_respgraph("meetings " SEED " --start 2026-09-21 -f csv --top 1");
  cr_expect_null(strstr(r.out, "任务时限"));
  rg_test_run_free(&r);
}
