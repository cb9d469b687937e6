/* test_bounds_cli.c - one task naming many units (issue 19, defect 7): the
 * plan is read, then analysed within --max-ties or refused with one line
 * that names the task and the options that help. Plans are generated here;
 * the times and peak memory are in bench/results.md (scripts/bench-one-task). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/common.h"

/* A city plan whose one task names k units (市甲局 leads; names from the
 * ten stems 甲..癸, as scripts/bench-one-task writes them) into path. */
static void one_task_plan(const char *path, int k) {
  static const char *const stem[] = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"};
  FILE *f = fopen(path, "w");
  cr_assert_not_null(f);
  fputs("关于印发测试方案的通知\n沈阳市人民政府\n\n1.推进某项工作。\n", f);
  for (int i = 0; i < k; i++) {
    char digits[16];
    int n = 0;
    for (int x = i; n == 0 || x > 0; x /= 10)
      digits[n++] = (char)(x % 10);
    fputs(i == 0 ? "牵头单位：市" : i == 1 ? "\n责任单位：市" : "、市", f);
    while (n > 0)
      fputs(stem[(int)digits[--n]], f);
    fputs("局", f);
  }
  fputs("\n", f);
  fclose(f);
}

static int count_lines(const char *s) {
  int n = 0;
  for (; *s; s++)
    n += *s == '\n';
  return n;
}

Test(bounds_cli, one_task_naming_2000_units_is_refused_above_max_ties_with_one_line) {
  char path[64];
  snprintf(path, sizeof path, "bounds-2000-%d.txt", (int)getpid());
  one_task_plan(path, 2000);
  char args[256];
  snprintf(args, sizeof args, "units %s --max-ties 1000000", path);
  rg_test_run r = rg_test_respgraph(args);
  cr_expect_eq(r.code, 1);
  char want[512];
  snprintf(want, sizeof want,
           "respgraph: %s:4: the unit projection would have more than 1000000 ties "
           "(--max-ties): task 1 names 2000 units (1999000 pairs); leave it out with "
           "--exclude-task 1, leave out every task naming more than N units with "
           "--max-task-units N, or give --max-ties\n",
           path);
  cr_expect_str_eq(r.err, want);
  cr_expect_str_eq(r.out, "");
  rg_test_run_free(&r);
  /* the options it names help: every unit is analysed, without ties */
  const char *helps[] = {"--exclude-task 1", "--max-task-units 1999"};
  for (int i = 0; i < 2; i++) {
    snprintf(args, sizeof args, "units %s --max-ties 1000000 %s --format csv", path, helps[i]);
    r = rg_test_respgraph(args);
    cr_expect_eq(r.code, 0, "%s: %s", helps[i], r.err);
    cr_expect_eq(count_lines(r.out), 2001, "%s: a header and 2000 units", helps[i]);
    cr_expect(strstr(r.out, "\n市甲局,unit,1,0,1,0,0,"), "%s: the lead keeps its load", helps[i]);
    rg_test_run_free(&r);
  }
  snprintf(args, sizeof args, "units %s --exclude-task 7", path);
  r = rg_test_respgraph(args);
  cr_expect_eq(r.code, 2);
  cr_expect(strstr(r.err, "respgraph: --exclude-task: the plan has no task '7'"), "%s", r.err);
  rg_test_run_free(&r);
  remove(path);
}

/* 100,000 units: 4,999,950,000 pairs, beyond any default (half the memory
 * over 320 bytes a tie would need 3.2 TB). Reading is linear; the refusal
 * comes before anything quadratic is built. */
Test(bounds_cli, one_task_naming_100000_units_is_checked_and_refused_by_default) {
  char path[64];
  snprintf(path, sizeof path, "bounds-100k-%d.txt", (int)getpid());
  one_task_plan(path, 100000);
  char args[256];
  snprintf(args, sizeof args, "edges %s --format csv", path);
  rg_test_run r = rg_test_respgraph(args);
  cr_expect_eq(r.code, 0, "%s", r.err);
  cr_expect_eq(count_lines(r.out), 100001, "a header and every link");
  rg_test_run_free(&r);
  snprintf(args, sizeof args, "ties %s", path);
  r = rg_test_respgraph(args);
  cr_expect_eq(r.code, 1);
  cr_expect_eq(count_lines(r.err), 1, "%s", r.err);
  cr_expect(strstr(r.err, ":4: the unit projection would have more than "), "%s", r.err);
  cr_expect(strstr(r.err, " ties (--max-ties): task 1 names 100000 units (4999950000 pairs); "
                          "leave it out with --exclude-task 1,"),
            "%s", r.err);
  rg_test_run_free(&r);
  remove(path);
}
