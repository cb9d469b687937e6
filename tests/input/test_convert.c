/* test_convert.c - traditional script detected and converted with OpenCC; the printed text kept as
 * task->original. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/common.h"
#include "convert.h"
#include "load.h"

#define TEXT_DIR RG_TEST_DATA "/formats/text/"
#define HTML_DIR RG_TEST_DATA "/formats/html/"

static char *t2s(const char *s) {
  char *out = NULL;
  size_t n = 0;
  rg_error err;
  cr_assert_eq(rg_convert_t2s("x", s, strlen(s), &out, &n, &err), RG_OK, "%s", err.msg);
  cr_assert_eq(n, strlen(out));
  return out;
}

static int is_trad(const char *s) { return rg_convert_is_traditional(s, strlen(s)); }

Test(convert, recognises_a_traditional_plan) {
  size_t len;
  char *t = rg_test_slurp(TEXT_DIR "traditional.txt", &len);
  cr_expect(rg_convert_is_traditional(t, len));
  free(t);
  cr_expect(is_trad("牽頭單位：市發展改革委"));
}

Test(convert, leaves_the_simplified_seed_alone) {
  size_t len;
  char *seed = rg_test_slurp(RG_EXAMPLES "/shenyang-2026.txt", &len);
  cr_expect_not(rg_convert_is_traditional(seed, len));
  free(seed);
  char *p = rg_test_slurp(TEXT_DIR "plan-utf8.txt", &len);
  cr_expect_not(rg_convert_is_traditional(p, len));
  free(p);
}

Test(convert, ignores_a_few_traditional_names_in_simplified_text) {
  /* 2 traditional characters (臺灣) among 53 CJK characters: under 1 in 20 */
  cr_expect_not(is_trad("1.加强与臺灣地区的经贸交流合作，推动两岸产业融合发展，建设对外开放新高地，"
                        "提升营商环境国际化水平，促进贸易投资便利化。"));
  cr_expect_not(is_trad("1.做好工作。牵头单位：市商务局"));
  cr_expect_not(is_trad("ascii only"));
  cr_expect_not(is_trad(""));
}

Test(convert, converts_traditional_to_simplified_keeping_every_line_ending) {
  char *a = t2s("牽頭單位：市發展改革委\r\n責任單位：市財政局、商務局\n\n（一）擴大內需\r");
  cr_expect_str_eq(a, "牵头单位：市发展改革委\r\n责任单位：市财政局、商务局\n\n（一）扩大内需\r");
  free(a);
  char *b = t2s("\n");
  cr_expect_str_eq(b, "\n");
  free(b);
  char *c = t2s("");
  cr_expect_str_eq(c, "");
  free(c);
}

Test(convert, keeps_the_printed_traditional_text_as_the_task_original) {
  rg_plan *p = NULL;
  rg_error err;
  cr_assert_eq(rg_plan_load(TEXT_DIR "traditional.txt", NULL, &p, &err), RG_OK, "%s", err.msg);
  cr_assert_eq(p->n_tasks, 2);
  cr_expect_str_eq(p->tasks[0].text, "做好重大项目谋划储备和政策资金争取工作。");
  cr_expect_str_eq(p->tasks[0].original, "做好重大項目謀劃儲備和政策資金爭取工作。");
  cr_expect_str_eq(p->tasks[1].text, "升级商品消费,激发汽车、家电消费潜力。");
  cr_expect_str_eq(p->tasks[1].original, "升級商品消費,激發汽車、家電消費潛力。");
  cr_expect_eq(p->tasks[1].line, 13);
  int found = 0;
  for (int i = 0; i < p->n_diags; i++)
    found += !strcmp(p->diags[i].code, "traditional");
  cr_expect_eq(found, 1);
  rg_plan_free(p);
}

Test(convert, keeps_originals_from_a_big5_page) {
  rg_plan *p = NULL;
  rg_error err;
  cr_assert_eq(rg_plan_load(HTML_DIR "traditional-big5.html", NULL, &p, &err), RG_OK, "%s",
               err.msg);
  cr_assert_eq(p->n_tasks, 2);
  cr_expect_str_eq(p->tasks[0].original, "做好重大項目謀劃儲備和政策資金爭取工作。");
  cr_expect_eq(p->tasks[0].line, 8);
  rg_plan_free(p);
}

Test(convert, keeps_originals_of_a_task_continued_on_the_next_line) {
  const char *orig = "1.推動惠企政策\n直達快享。\n牽頭單位：市營商局\n";
  char *conv = t2s(orig);
  rg_plan *p = rg_plan_new("c.txt");
  rg_error err;
  cr_assert_eq(rg_plan_parse_buffer(p, conv, strlen(conv), RG_INPUT_TEXT, NULL, &err), RG_OK);
  cr_assert_eq(p->n_tasks, 1);
  cr_assert_str_eq(p->tasks[0].text, "推动惠企政策直达快享。");
  rg_lines a = {0}, b = {0};
  rg_lines_split(&a, orig, strlen(orig));
  rg_lines_split(&b, conv, strlen(conv));
  rg_convert_restore_originals(p, &a, &b);
  cr_expect_str_eq(p->tasks[0].original, "推動惠企政策直達快享。");
  rg_lines_destroy(&a);
  rg_lines_destroy(&b);
  rg_plan_free(p);
  free(conv);
}

Test(convert, leaves_simplified_tasks_original_equal_to_their_text) {
  rg_plan *p = NULL;
  rg_error err;
  cr_assert_eq(rg_plan_load(RG_EXAMPLES "/shenyang-2026.txt", NULL, &p, &err), RG_OK, "%s",
               err.msg);
  for (int i = 0; i < p->n_tasks; i++)
    cr_expect(p->tasks[i].original == p->tasks[i].text);
  for (int i = 0; i < p->n_diags; i++)
    cr_expect_str_neq(p->diags[i].code, "traditional");
  rg_plan_free(p);
}

Test(convert, keeps_originals_of_a_traditional_task_table) {
  rg_plan *p = NULL;
  rg_error err;
  cr_assert_eq(rg_plan_load(HTML_DIR "task-table-traditional.html", NULL, &p, &err), RG_OK, "%s",
               err.msg);
  cr_assert_eq(p->n_tasks, 2);
  cr_expect_str_eq(p->tasks[0].text, "做好重大项目谋划储备。");
  cr_expect_str_eq(p->tasks[0].original, "做好重大項目謀劃儲備。");
  cr_expect_eq(p->tasks[0].line, 4);
  cr_expect_str_eq(p->tasks[1].original, "升級商品消費。");
  cr_expect_str_eq(p->units[p->links[p->task_links[3]].unit].name, "市工业和信息化局");
  rg_plan_free(p);
}

Test(convert, keeps_originals_of_a_traditional_csv_plan) {
  rg_plan *p = NULL;
  rg_error err;
  cr_assert_eq(rg_plan_load(TEXT_DIR "traditional.csv", NULL, &p, &err), RG_OK, "%s", err.msg);
  cr_assert_eq(p->n_tasks, 1);
  cr_expect_str_eq(p->tasks[0].text, "做好重大项目谋划储备,强化保障。");
  cr_expect_str_eq(p->tasks[0].original, "做好重大項目謀劃儲備,強化保障。");
  cr_expect_str_eq(p->units[0].name, "市发展改革委");
  rg_plan_free(p);
}
