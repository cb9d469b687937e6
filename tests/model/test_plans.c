/* test_plans.c - the text similarity (similar.h) and the consolidated plan
 * (merge.h), on hand-built plans with hand-computed figures. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "common/plans.h"
#include "merge.h"
#include "reading.h"
#include "similar.h"

/* 加快建设数字政府 / 加快数字政府建设: bigrams 加快 快建 建设 设数 数字 字政 政府
 * and 加快 快数 数字 字政 政府 府建 建设: common 加快 建设 数字 字政 政府 = 5 of
 * 9 distinct. */
Test(similar, bigram_jaccard_by_hand) {
  cr_assert_float_eq(rg_text_similarity("加快建设数字政府", "加快数字政府建设"), 5.0 / 9, 1e-12);
  cr_assert_float_eq(rg_text_similarity("改造城市危旧房2000套", "改造城市危旧房2000套 (民生实事)"),
                     10.0 / 14, 1e-12); /* 00 repeats: 10 distinct bigrams */
  cr_assert_float_eq(rg_text_similarity("市营商局", "市营商环境建设局"), 2.0 / 8, 1e-12);
}

Test(similar, punctuation_spaces_and_case_do_not_count) {
  cr_assert_eq(rg_text_similarity("（一）推进，改革。", "一 推进改革"), 1.0);
  cr_assert_eq(rg_text_similarity("eVTOL 产业", "evtol产业"), 1.0);
  cr_assert_eq(rg_text_similarity("", ""), 0.0);
  cr_assert_eq(rg_text_similarity("。,", "abc"), 0.0);
  cr_assert_eq(rg_text_similarity("甲", "甲"), 1.0); /* one character: itself */
  cr_assert_eq(rg_text_similarity("甲乙", "乙甲"), 0.0);
}

/* The length test never rejects a pair that reaches t: 8 and 10 bigrams
 * reach at most 0.8. */
Test(similar, length_test_is_a_bound) {
  rg_bigrams a, b;
  rg_bigrams_of("一二三四五六七八九", &a);     /* 8 bigrams */
  rg_bigrams_of("一二三四五六七八九十甲", &b); /* 10, 8 of them shared */
  cr_assert_eq(a.n, 8);
  cr_assert_eq(b.n, 10);
  cr_assert(rg_bigrams_may_reach(&a, &b, 0.8));
  cr_assert_float_eq(rg_bigrams_jaccard(&a, &b), 0.8, 1e-12);
  cr_assert_not(rg_bigrams_may_reach(&a, &b, 0.81));
  rg_bigrams_free(&a);
  rg_bigrams_free(&b);
}

Test(merge, keys_tasks_by_plan_and_counts_a_repeated_task_once) {
  static const char *const a[][4] = {
      {"1", "推进城镇老旧小区改造完成加装电梯二百部", "市房产局", "市城乡建设局"},
      {"2", "开展职业技能培训五万人次", "市人力资源社会保障局", NULL},
  };
  static const char *const b[][4] = {
      {"1", "推进城镇老旧小区改造,完成加装电梯二百部。", "市城乡建设局", "市财政局"},
      {"2", "新建社区养老服务设施二十处", "市民政局", NULL},
  };
  rg_plan *p[2] = {fx_plan_texts("x/gzbg.txt", a, 2), fx_plan_texts("y/msss.html", b, 2)};
  const char *labels[2] = {"gzbg", "msss"};
  rg_plan *m = rg_plan_merge(p, labels, 2, RG_DUP_THRESHOLD);
  rg_plan_free(p[0]);
  rg_plan_free(p[1]);
  cr_assert_str_eq(m->path, "gzbg+msss");
  cr_assert_str_eq(m->reading->format, "2 plans: gzbg (?, unknown); msss (?, unknown)");
  cr_assert_eq(m->n_tasks, 3);
  cr_assert_str_eq(m->tasks[0].number, "gzbg:1");
  cr_assert_str_eq(m->tasks[2].number, "msss:2");
  cr_assert_eq(m->tasks[2].source, 1);
  cr_assert_eq(m->n_dups, 1);
  cr_assert_eq(m->dups[0].task, 0);
  cr_assert_eq(m->dups[0].source, 1);
  cr_assert_str_eq(m->dups[0].number, "1");
  cr_assert_eq(m->dups[0].score, 1.0);
  /* the copy's units joined the kept task; 市城乡建设局 keeps its support role */
  int cj = rg_plan_find_unit(m, "市城乡建设局"), cz = rg_plan_find_unit(m, "市财政局");
  cr_assert_eq(m->links[rg_plan_find_link(m, 0, cj)].role, RG_ROLE_SUPPORT);
  cr_assert_eq(m->links[rg_plan_find_link(m, 0, cz)].role, RG_ROLE_SUPPORT);
  cr_assert_eq(m->n_units, 5);
  char buf[64];
  cr_assert_str_eq(rg_plan_loc(m, m->tasks[2].line, buf, sizeof buf), "msss:2");
  rg_plan_free(m);
}

Test(merge, labels_from_file_names) {
  const char *paths[] = {"data/2026-gzbg.docx", "a.txt", "x/a.txt", "-", "noext"};
  char **l = rg_plan_labels(paths, 5);
  cr_assert_str_eq(l[0], "2026-gzbg");
  cr_assert_str_eq(l[1], "a");
  cr_assert_str_eq(l[2], "a#2");
  cr_assert_str_eq(l[3], "stdin");
  cr_assert_str_eq(l[4], "noext");
  rg_plan_labels_free(l, 5);
}
