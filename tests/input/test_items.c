/* test_items.c - item numbers as offices and OCR type them (input/items.c):
 * the variants read as items, the look-alikes reported as [unread-item]
 * (issue 19, defect 2), and the numbers that are neither. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "items.h"
#include "load.h"
#include "load_text.h"
#include "plan.h"

/* "line:number" of every [unread-item], space-separated. */
static char *unread(const rg_plan *p) {
  char *out = calloc(1, 1024);
  for (int i = 0; i < p->n_diags; i++)
    if (!strcmp(p->diags[i].code, "unread-item"))
      snprintf(out + strlen(out), 1024 - strlen(out), "%s%ld", *out ? " " : "", p->diags[i].line);
  return out;
}

static void expect_str(char *got, const char *want) {
  cr_expect_str_eq(got ? got : "(null)", want);
  free(got);
}

Test(items, respaces_numbers_typed_with_spaces_inside) {
  expect_str(rg_item_respace("2 .稳定外贸"), "2.稳定外贸");
  expect_str(rg_item_respace("2  、稳定外贸"), "2、稳定外贸");
  expect_str(rg_item_respace("12 )稳定"), "12)稳定");
  expect_str(rg_item_respace("( 2 )稳定"), "(2)稳定");
  expect_str(rg_item_respace("(2 )稳定"), "(2)稳定");
  expect_str(rg_item_respace("( 一 )稳定"), "(一)稳定");
  expect_str(rg_item_respace("一 、稳定"), "一、稳定");
  cr_expect_null(rg_item_respace("2.稳定"));   /* already standard */
  cr_expect_null(rg_item_respace("(2)稳定"));  /* already standard */
  cr_expect_null(rg_item_respace("2 ."));      /* nothing after it */
  cr_expect_null(rg_item_respace("一 .稳定")); /* 一. is no heading */
  cr_expect_null(rg_item_respace("2025 年"));
}

Test(items, writes_circled_numbers_as_digits_before_nfkc) {
  size_t n = 0;
  const char *s = "  ②稳定外贸";
  char *r = rg_item_circled(s, strlen(s), &n);
  cr_assert_not_null(r);
  cr_expect_eq(n, strlen("2.稳定外贸"));
  cr_expect_str_eq(r, "2.稳定外贸");
  free(r);
  s = "\xe3\x80\x80㉑、推进"; /* U+3000 indent, 21 */
  expect_str(rg_item_circled(s, strlen(s), &n), "21.推进");
  s = "❿ 推进";
  expect_str(rg_item_circled(s, strlen(s), &n), "10.推进");
  s = "㊿推进";
  expect_str(rg_item_circled(s, strlen(s), &n), "50.推进");
  s = "②";
  cr_expect_null(rg_item_circled(s, strlen(s), &n));
  s = "推进②";
  cr_expect_null(rg_item_circled(s, strlen(s), &n));
  s = "②推进";
  cr_expect_null(rg_item_circled(s, 2, &n)); /* cut inside the character */
}

Test(items, reads_articles_but_not_references_to_them) {
  const char *rest = NULL;
  expect_str(rg_item_article("第2条 稳定外贸", &rest), "2");
  cr_expect_str_eq(rest, "稳定外贸");
  expect_str(rg_item_article("第十二条:稳定外贸", &rest), "十二");
  cr_expect_str_eq(rest, "稳定外贸");
  cr_expect_null(rg_item_article("第2条第3款规定", &rest));
  cr_expect_null(rg_item_article("第2条规定的事项", &rest));
  cr_expect_null(rg_item_article("第2条", &rest));
  cr_expect_null(rg_item_article("第二部分 总则", &rest));
}

Test(items, finds_look_alikes_but_not_quantities_times_or_ranges) {
  expect_str(rg_item_lookalike("2,稳定外贸外资。"), "2,");
  expect_str(rg_item_lookalike("2 ,稳定"), "2 ,");
  expect_str(rg_item_lookalike("2:稳定"), "2:");
  expect_str(rg_item_lookalike("2。稳定"), "2。");
  expect_str(rg_item_lookalike("2-稳定"), "2-");
  expect_str(rg_item_lookalike("2—稳定"), "2—");
  expect_str(rg_item_lookalike("2;稳定"), "2;");
  expect_str(rg_item_lookalike("2.1稳定外贸"), "2.1");
  expect_str(rg_item_lookalike("4.1升级商品消费"), "4.1");
  expect_str(rg_item_lookalike("2."), "2.");
  expect_str(rg_item_lookalike("(2)"), "(2)");
  expect_str(rg_item_lookalike("第3条"), "第3条");
  cr_expect_null(rg_item_lookalike("1.5万人次参加培训"));
  cr_expect_null(rg_item_lookalike("3.5%的增速"));
  cr_expect_null(rg_item_lookalike("2,000家企业"));
  cr_expect_null(rg_item_lookalike("8:30召开会议"));
  cr_expect_null(rg_item_lookalike("2-3月份完成"));
  cr_expect_null(rg_item_lookalike("2026年1月25日"));
  cr_expect_null(rg_item_lookalike("2026.稳定")); /* four digits: a year */
  cr_expect_null(rg_item_lookalike("第2条规定的事项"));
}

/* Each accepted variant is its own task with its own lead: on main, items 2
 * to 8 were swallowed by item 1 (its units added to task 1, nothing said). */
Test(items, reads_every_accepted_variant_as_its_own_task) {
  rg_plan *p = load_text("一 、稳定增长\n"
                         "1.推进甲。\n牵头单位：市发展改革委\n"
                         "2 .推进乙。\n牵头单位：市财政局\n"
                         "3 、推进丙。\n牵头单位：市商务局\n"
                         "( 4 )推进丁。\n牵头单位：市教育局\n"
                         "（ 5 ）推进戊。\n牵头单位：市民政局\n"
                         "⑥推进己。\n牵头单位：市司法局\n"
                         "第7条　推进庚。\n牵头单位：市审计局\n"
                         "8 ）推进辛。\n牵头单位：市体育局\n");
  cr_assert_eq(p->n_tasks, 8);
  static const char *const unit[] = {"市发展改革委", "市财政局", "市商务局", "市教育局",
                                     "市民政局",     "市司法局", "市审计局", "市体育局"};
  for (int t = 0; t < 8; t++) {
    char num[4];
    snprintf(num, sizeof num, "%d", t + 1);
    cr_expect_str_eq(p->tasks[t].number, num);
    cr_expect_eq(p->tasks[t].line, 2 + 2 * t);
    cr_expect_eq(p->tasks[t].link_count, 1, "task %d", t + 1);
    cr_expect_str_eq(p->units[p->links[p->task_links[p->tasks[t].link_begin]].unit].name, unit[t]);
    cr_expect_eq(p->tasks[t].chapter, 0);
  }
  cr_expect_str_eq(p->tasks[1].text, "推进乙。");
  cr_expect_str_eq(p->tasks[6].text, "推进庚。");
  expect_str(unread(p), "");
  rg_plan_free(p);
}

/* The look-alikes are not guessed at but named, each with its line. */
Test(items, reports_each_look_alike_with_its_line) {
  rg_plan *p = load_text("1.推进甲。\n牵头单位：市发展改革委\n"
                         "2，稳定外贸外资。\n牵头单位：市商务局\n"
                         "3：推进丙。\n"
                         "4。推进丁。\n"
                         "5-推进戊。\n"
                         "6.1推进己。\n"
                         "7；推进庚。\n"
                         "1.5万人次参加培训。\n"
                         "2-3月份完成。\n");
  cr_expect_eq(p->n_tasks, 1);
  expect_str(unread(p), "3 5 6 7 8 9");
  int found = 0;
  for (int i = 0; i < p->n_diags; i++)
    if (p->diags[i].line == 3 && !strcmp(p->diags[i].code, "unread-item")) {
      found = 1;
      cr_expect_str_eq(p->diags[i].message,
                       "'2,' starts like a numbered item but is not read as one (items are "
                       "numbered 1. 1、 (1)); until the next item, what follows belongs to task 1");
    }
  cr_expect(found);
  rg_plan_free(p);
}
