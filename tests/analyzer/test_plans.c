/* test_plans.c - compare and trend (analyzer/plans.h) on two hand-built
 * plans whose every figure is worked out by hand below. */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "analyze.h"
#include "common/plans.h"
#include "plans.h"

/* OLD: 1 推进营商环境改革 (营商局 leads, 财政局 supports), 2 加快数字政府建设
 * (数据局, 营商局), 3 开展消费促进活动 (商务局).
 * NEW: 营商局 renamed 营商环境局; task 2 reworded (+步伐); task 3 replaced
 * by 新建养老服务设施 (民政局).
 *   carried: 1->1 (1), 2->2 (7 of 9 bigrams: 0.778); 3 dropped, new 3 new;
 *   rename 市营商局 -> 市营商环境局 suggested: names share 市营 营商 of 6
 *   bigrams (1/3), tasks {1,2} carried = {1,2} (1): (1/3 + 1) / 2 = 2/3;
 *   市商务局 and 市民政局 share nothing: removed and added;
 *   loads (1 per lead, 0.5 per support): 营商 1.5, 数据 1, 商务/民政 1,
 *   财政 0.5; ranks 1, 2, 2, 4; the ties are the same under the new name. */
static const char *const OLD[][4] = {{"1", "推进营商环境改革", "市营商局", "市财政局"},
                                     {"2", "加快数字政府建设", "市数据局", "市营商局"},
                                     {"3", "开展消费促进活动", "市商务局", NULL}};
static const char *const NEW[][4] = {{"1", "推进营商环境改革", "市营商环境局", "市财政局"},
                                     {"2", "加快数字政府建设步伐", "市数据局", "市营商环境局"},
                                     {"3", "新建养老服务设施", "市民政局", NULL}};

Test(compare, the_changes_of_two_hand_built_plans) {
  rg_plan *o = fx_plan_texts("p.txt", OLD, 3), *n = fx_plan_texts("p.txt", NEW, 3);
  rg_analysis_opts opts;
  rg_analysis_opts_init(&opts);
  rg_results ro, rn;
  rg_error err;
  cr_assert_eq(rg_analyze(o, &opts, &ro, &err), RG_OK);
  cr_assert_eq(rg_analyze(n, &opts, &rn, &err), RG_OK);
  rg_compare c;
  cr_assert_eq(rg_compare_plans(o, &ro, n, &rn, NULL, 0, NULL, &c, &err), RG_OK);
  cr_assert_eq(c.n_renamed, 1);
  cr_assert_str_eq(c.renamed[0].old_name, "市营商局");
  cr_assert_str_eq(c.renamed[0].new_name, "市营商环境局");
  cr_assert_eq(c.renamed[0].given, 0);
  cr_assert_float_eq(c.renamed[0].name_score, 1.0 / 3, 1e-12);
  cr_assert_float_eq(c.renamed[0].task_score, 1.0, 1e-12);
  cr_assert_float_eq(c.renamed[0].score, 2.0 / 3, 1e-12);
  cr_assert_eq(c.n_added, 1);
  cr_assert_str_eq(c.added[0], "市民政局");
  cr_assert_eq(c.n_removed, 1);
  cr_assert_str_eq(c.removed[0], "市商务局");
  cr_assert_eq(c.n_carried, 2);
  cr_assert_eq(c.carried[1].old_task, 1);
  cr_assert_eq(c.carried[1].new_task, 1);
  cr_assert_float_eq(c.carried[1].score, 7.0 / 9, 1e-12);
  cr_assert_eq(c.n_new, 1);
  cr_assert_eq(c.new_tasks[0], 2);
  cr_assert_eq(c.n_dropped, 1);
  cr_assert_eq(c.dropped[0], 2);
  /* rows by |delta| desc, then name (bytes: 商 < 民, 数 < 营 < 财) */
  static const struct {
    const char *name;
    double old_load, new_load;
    int old_rank, new_rank;
  } want[] = {{"市商务局", 1, 0, 2, 0},
              {"市民政局", 0, 1, 0, 2},
              {"市数据局", 1, 1, 2, 2},
              {"市营商环境局", 1.5, 1.5, 1, 1},
              {"市财政局", 0.5, 0.5, 4, 4}};
  cr_assert_eq(c.n_units, 5);
  for (int i = 0; i < 5; i++) {
    cr_assert_str_eq(c.units[i].name, want[i].name);
    cr_assert_eq(c.units[i].old_load, want[i].old_load, "%s", want[i].name);
    cr_assert_eq(c.units[i].new_load, want[i].new_load, "%s", want[i].name);
    cr_assert_eq(c.units[i].old_rank, want[i].old_rank, "%s", want[i].name);
    cr_assert_eq(c.units[i].new_rank, want[i].new_rank, "%s", want[i].name);
    cr_assert_eq(c.units[i].n_gained + c.units[i].n_lost, 0, "%s", want[i].name);
  }
  rg_compare_free(&c);
  /* given, the rename is the same pair, marked given */
  char *ren[] = {"市营商局", "市营商环境局"};
  cr_assert_eq(rg_compare_plans(o, &ro, n, &rn, ren, 1, "r.csv", &c, &err), RG_OK);
  cr_assert_eq(c.n_renamed, 1);
  cr_assert_eq(c.renamed[0].given, 1);
  rg_compare_free(&c);
  /* a name neither plan has is bad input naming the file */
  char *bad[] = {"市无此局", "市营商环境局"};
  cr_assert_eq(rg_compare_plans(o, &ro, n, &rn, bad, 1, "r.csv", &c, &err), RG_EINPUT);
  cr_assert_str_eq(err.file, "r.csv");
  /* trend over the two with the rename: one row for 营商(环境)局 */
  rg_results rs[2] = {ro, rn};
  const rg_plan *ps[2] = {o, n};
  rg_trend t;
  rg_trend_build(ps, rs, 2, ren, 1, &t);
  cr_assert_eq(t.n_units, 5); /* 商务 民政 数据 营商环境 财政: none for 营商局 */
  int found = 0;
  for (int k = 0; k < t.n_units; k++) {
    cr_assert_str_neq(t.units[k].name, "市营商局");
    if (!strcmp(t.units[k].name, "市营商环境局")) {
      found = 1;
      cr_assert_eq(t.units[k].loads[0], 1.5);
      cr_assert_eq(t.units[k].loads[1], 1.5);
    }
  }
  cr_assert(found);
  rg_trend_free(&t);
  rg_results_free(&ro);
  rg_results_free(&rn);
  rg_plan_free(o);
  rg_plan_free(n);
}
