/* test_text_parser.c - the text layout: the seed's numbers, headings,
 * metadata, labelled lines, inline role notes and bad input. */
#define _GNU_SOURCE /* memmem */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/common.h"
#include "conventions.h"
#include "load.h"
#include "load_text.h"
#include "phrases.h"
#include "plan.h"
#include "reading.h"
#include "strutil.h"
#include "text_parser.h"

/* "lead:A;support:B" for task t, in link order. */
static char *links_of(const rg_plan *p, int t) {
  char *out = calloc(1, 4096);
  const rg_task *k = &p->tasks[t];
  for (int j = 0; j < k->link_count; j++) {
    const rg_link *l = &p->links[p->task_links[k->link_begin + j]];
    if (j) strcat(out, ";");
    strcat(out, rg_role_name(l->role));
    strcat(out, ":");
    strcat(out, p->units[l->unit].name);
  }
  return out;
}

static rg_plan *seed(void) {
  rg_plan *p = NULL;
  rg_error err;
  rg_status st = rg_plan_load(RG_EXAMPLES "/shenyang-2026.txt", NULL, &p, &err);
  cr_assert_eq(st, RG_OK, "%s", err.msg);
  return p;
}

Test(text_parser, seed_has_178_tasks_65_units_466_links_205_lead) {
  rg_plan *p = seed();
  cr_expect_eq(p->n_tasks, 178);
  cr_expect_eq(rg_plan_count_kind(p, RG_KIND_UNIT), 65);
  int lead = 0;
  cr_expect_eq(rg_plan_count_concrete_links(p, &lead), 466);
  cr_expect_eq(lead, 205);
  rg_plan_free(p);
}

Test(text_parser, seed_tasks_177_and_178_have_no_lead) {
  rg_plan *p = seed();
  int no_lead = 0;
  for (int i = 0; i < p->n_diags; i++)
    if (!strcmp(p->diags[i].code, "no-lead")) {
      no_lead++;
      cr_expect(strstr(p->diags[i].message, "177") || strstr(p->diags[i].message, "178"));
    }
  cr_expect_eq(no_lead, 2);
  rg_plan_free(p);
}

Test(text_parser, seed_task_21_units) {
  rg_plan *p = seed();
  cr_assert_str_eq(p->tasks[20].number, "21");
  char *got = links_of(p, 20);
  cr_expect_str_eq(got, "lead:市商务局;support:市政府有关部门;support:沈阳地铁集团有限公司;"
                        "support:和平区政府;support:大东区政府;support:铁西区政府");
  free(got);
  int g = rg_plan_find_unit(p, "市政府有关部门");
  cr_expect_eq(p->units[g].kind, RG_KIND_GENERIC);
  rg_plan_free(p);
}

Test(text_parser, seed_task_29_has_two_leads) {
  rg_plan *p = seed();
  cr_assert_str_eq(p->tasks[28].number, "29");
  char *got = links_of(p, 28);
  cr_expect(!strncmp(got, "lead:市科技局;lead:浑南区政府;support:",
                     strlen("lead:市科技局;lead:浑南区政府;support:")),
            "%s", got);
  free(got);
  rg_plan_free(p);
}

Test(text_parser, seed_headings_and_metadata) {
  rg_plan *p = seed();
  cr_expect_eq(p->n_chapters, 9);
  cr_expect_str_eq(p->chapters[0].number, "一");
  cr_expect_str_eq(p->chapters[0].title, "增强扩大内需主动力,全力保持经济稳步增长");
  cr_expect_eq(p->n_sections, 31);
  cr_expect_eq(p->tasks[0].chapter, 0);
  cr_expect_eq(p->tasks[0].section, 0);
  cr_expect_eq(p->tasks[0].line, 25);
  cr_expect_str_eq(p->meta.doc_number, "沈政发〔2026〕1号");
  cr_expect_str_eq(p->meta.title, "沈阳市人民政府关于印发2026年政府工作报告重点工作分工方案的通知");
  cr_expect_str_eq(p->meta.issuer, "沈阳市人民政府");
  cr_expect_str_eq(p->meta.date, "2026年1月25日");
  cr_expect(p->tasks[0].open_list);
  rg_plan_free(p);
}

Test(text_parser, numbering_styles_and_fullwidth_colons) {
  rg_plan *p = load_text("一、总体\n（一）分项\n1.甲任务。\n牵头单位：市商务局\n"
                         "2、乙任务。\n牵头部门:市财政局\n配合单位：市教育局\n"
                         "（3）丙任务。\n牵头单位:市民政局\n参与单位:市体育局\n协办单位:市医保局\n"
                         "责任部门:市水务局\n完成时限：2026年6月底前\n");
  cr_assert_eq(p->n_tasks, 3);
  cr_expect_str_eq(p->tasks[1].number, "2");
  cr_expect_str_eq(p->tasks[2].number, "3");
  char *got = links_of(p, 2);
  cr_expect_str_eq(got, "lead:市民政局;support:市体育局;support:市医保局;support:市水务局");
  free(got);
  cr_expect_str_eq(p->tasks[2].deadline, "2026年6月底前");
  cr_expect_str_eq(p->tasks[0].text, "甲任务。");
  rg_plan_free(p);
}

Test(text_parser, item_with_no_unit_lines_is_a_task_with_no_units) {
  rg_plan *p = load_text("1.甲任务。\n2.乙任务。\n牵头单位:市商务局\n");
  cr_assert_eq(p->n_tasks, 2);
  cr_expect_eq(p->tasks[0].link_count, 0);
  int found = 0;
  for (int i = 0; i < p->n_diags; i++)
    if (!strcmp(p->diags[i].code, "no-units") && p->diags[i].line == 1) found = 1;
  cr_expect(found);
  rg_plan_free(p);
}

Test(text_parser, duplicate_number_and_unknown_label_are_reported) {
  rg_plan *p =
      load_text("1.甲。\n牵头单位:市商务局\n督办单位:市政府办公厅\n1.乙。\n牵头单位:市财政局\n");
  int dup = 0, unk = 0;
  for (int i = 0; i < p->n_diags; i++) {
    dup += !strcmp(p->diags[i].code, "duplicate-number") && p->diags[i].line == 4;
    unk += !strcmp(p->diags[i].code, "unknown-label") && p->diags[i].line == 3;
  }
  cr_expect_eq(dup, 1);
  cr_expect_eq(unk, 1);
  rg_plan_free(p);
}

Test(text_parser, labels_on_the_task_line) {
  rg_plan *p = load_text("1.推进改革。牵头单位：市发展改革委；责任单位：市财政局、商务局\n");
  char *got = links_of(p, 0);
  cr_expect_str_eq(got, "lead:市发展改革委;support:市财政局;support:市商务局");
  free(got);
  cr_expect_str_eq(p->tasks[0].text, "推进改革。");
  rg_plan_free(p);
}

Test(text_parser, inline_labelled_note) {
  rg_plan *p = load_text("1."
                         "稳就业。（牵头单位：市发展改革委，配合单位：市委组织部、市人力资源和社会"
                         "保障局，各区、县级市）\n");
  char *got = links_of(p, 0);
  /* 人力资源和社会保障局 is the full form of 人力资源社会保障局 (vocab.h) */
  cr_expect_str_eq(got, "lead:市发展改革委;support:市委组织部;support:市人力资源社会保障局;"
                        "support:各区、县级市");
  free(got);
  cr_expect_str_eq(p->tasks[0].text, "稳就业。");
  rg_plan_free(p);
}

Test(text_parser, inline_role_suffixed_note) {
  rg_plan *p = load_text(
      "1.扩大有效投资（省发展改革委牵头，省工业和信息化厅、政务和数据局按职责分工负责）\n");
  char *got = links_of(p, 0);
  cr_expect_str_eq(got, "lead:省发展改革委;support:省工业和信息化厅;support:省政务和数据局");
  free(got);
  cr_expect_str_eq(p->tasks[0].text, "扩大有效投资");
  rg_plan_free(p);
}

Test(text_parser, shared_lead_when_no_lead_is_named) {
  rg_plan *p = load_text(
      "1.创新。（省科技厅、工业和信息化厅按职责分工负责，各地级以上市人民政府结合实际落实）\n");
  char *got = links_of(p, 0);
  cr_expect_str_eq(got, "lead:省科技厅;lead:省工业和信息化厅;support:各地级以上市政府");
  free(got);
  rg_plan_free(p);
}

Test(text_parser, role_word_covers_units_across_commas) {
  rg_plan *p = load_text("1.甲（市商务局牵头，市财政局，市教育局、民政局按职责分工负责）\n");
  char *got = links_of(p, 0);
  cr_expect_str_eq(got, "lead:市商务局;support:市财政局;support:市教育局;support:市民政局");
  free(got);
  rg_plan_free(p);
}

Test(text_parser, parentheses_in_task_text_are_not_notes) {
  rg_plan *p =
      load_text("1.建设科创走廊（共建）。\n牵头单位:市科技局\n2.支持新民市（县级市）发展\n");
  cr_expect_str_eq(p->tasks[0].text, "建设科创走廊(共建)。");
  cr_expect_eq(p->tasks[0].link_count, 1);
  cr_expect_str_eq(p->tasks[1].text, "支持新民市(县级市)发展");
  cr_expect_eq(p->tasks[1].link_count, 0);
  rg_plan_free(p);
}

Test(text_parser, task_text_continues_until_the_sentence_ends) {
  rg_plan *p = load_text("1.第一行，\n第二行。\n牵头单位:市商务局\n页脚文字\n");
  cr_expect_str_eq(p->tasks[0].text, "第一行,第二行。");
  rg_plan_free(p);
}

Test(text_parser, decimal_numbers_are_not_tasks) {
  rg_plan *p = load_text("1.5万人参加。\n3.甲。\n牵头单位:市商务局\n");
  cr_expect_eq(p->n_tasks, 1);
  cr_expect_str_eq(p->tasks[0].number, "3");
  rg_plan_free(p);
}

Test(text_parser, no_numbered_tasks_is_an_error) {
  rg_plan *p = rg_plan_new("none.txt");
  rg_error err;
  const char *s = "只是一段话。\n没有编号。\n";
  cr_expect_eq(rg_plan_parse_buffer(p, s, strlen(s), RG_INPUT_TEXT, NULL, &err), RG_EINPUT);
  cr_expect(strstr(err.msg, "no numbered tasks"));
  rg_plan_free(p);
}

Test(text_parser, ten_megabyte_single_line_does_not_hang) {
  size_t n = 10u << 20;
  char *s = malloc(n + 1);
  for (size_t i = 0; i < n; i++)
    s[i] = 'a' + (char)(i % 26);
  s[n] = '\0';
  rg_plan *p = rg_plan_new("big.txt");
  rg_error err;
  cr_expect_eq(rg_plan_parse_buffer(p, s, n, RG_INPUT_TEXT, NULL, &err), RG_EINPUT);
  rg_plan_free(p);
  free(s);
}

Test(text_parser, numbering_that_restarts_per_chapter_gets_chapter_ids) {
  rg_plan *p = load_text("一、甲章\n1.甲一。\n牵头单位:市商务局\n2.甲二。\n牵头单位:市商务局\n"
                         "二、乙章\n1.乙一。\n牵头单位:市财政局\n");
  cr_assert_eq(p->n_tasks, 3);
  cr_expect_str_eq(p->tasks[0].number, "一.1");
  cr_expect_str_eq(p->tasks[2].number, "二.1");
  cr_expect_str_eq(p->tasks[2].printed, "1");
  rg_plan_free(p);
}

Test(text_parser, repeated_number_gets_a_suffix_and_a_warning) {
  rg_plan *p = load_text(
      "5.甲。\n牵头单位:市商务局\n5.乙。\n牵头单位:市财政局\n5.丙。\n牵头单位:市教育局\n");
  cr_expect_str_eq(p->tasks[0].number, "5");
  cr_expect_str_eq(p->tasks[1].number, "5#2");
  cr_expect_str_eq(p->tasks[2].number, "5#3");
  int dup = 0;
  for (int i = 0; i < p->n_diags; i++)
    dup += !strcmp(p->diags[i].code, "duplicate-number");
  cr_expect_eq(dup, 2);
  rg_plan_free(p);
}

Test(text_parser, section_items_with_role_notes_are_tasks) {
  rg_plan *p =
      load_text("一、扩大内需\n（一）实施提振消费专项行动。（省商务厅牵头，省发展改革委配合）\n"
                "（二）扩大有效投资。（省发展改革委负责）\n");
  cr_assert_eq(p->n_tasks, 2);
  cr_expect_str_eq(p->tasks[0].printed, "一");
  cr_expect_str_eq(p->tasks[0].text, "实施提振消费专项行动。");
  char *a = links_of(p, 0), *b = links_of(p, 1);
  cr_expect_str_eq(a, "lead:省商务厅;support:省发展改革委");
  cr_expect_str_eq(b, "lead:省发展改革委");
  free(a);
  free(b);
  rg_plan_free(p);
}

Test(text_parser, section_heading_followed_by_labels_is_a_task) {
  rg_plan *p = load_text("（一）做好就业工作。\n牵头单位：市人力资源社会保障局\n"
                         "（二）做好社保工作。\n牵头单位：市医保局\n");
  cr_assert_eq(p->n_tasks, 2);
  cr_expect_eq(p->tasks[1].line, 3);
  char *got = links_of(p, 1);
  cr_expect_str_eq(got, "lead:市医保局");
  free(got);
  rg_plan_free(p);
}

Test(text_parser, unit_list_wrapped_onto_the_next_line) {
  rg_plan *p =
      load_text("1.甲。\n牵头单位:市商务局\n责任单位:市发展改革委、\n财政局、教育局\n页脚\n");
  char *got = links_of(p, 0);
  cr_expect_str_eq(got, "lead:市商务局;support:市发展改革委;support:市财政局;support:市教育局");
  free(got);
  rg_plan_free(p);
}

Test(text_parser, task_without_note_keeps_its_full_stop) {
  rg_plan *p = load_text("1.只有正文。\n");
  cr_expect_str_eq(p->tasks[0].text, "只有正文。");
  rg_plan_free(p);
}

/* Found by fuzz_text: stripping the separator after a role word read past
 * the end of the segment. */
Test(text_parser, separator_after_role_word_is_stripped_safely) {
  rg_plan *p = load_text("1.甲（市商务局牵头，、市财政局配合）\n");
  char *got = links_of(p, 0);
  cr_expect_str_eq(got, "lead:市商务局;support:市财政局");
  free(got);
  rg_plan_free(p);
}

/* bench/gen's 1M-task plans number tasks with 7 digits */
Test(text_parser, seven_digit_task_numbers_are_tasks) {
  rg_plan *p = load_text("999999.甲。\n牵头单位:市商务局\n1000000.乙。\n牵头单位:市财政局\n");
  cr_assert_eq(p->n_tasks, 2);
  cr_expect_str_eq(p->tasks[1].number, "1000000");
  rg_plan_free(p);
}

Test(text_parser, numbers_closed_by_a_parenthesis_are_tasks) {
  rg_plan *p = load_text("1）甲。\n牵头单位：市商务局\n2)乙。\n牵头单位：市财政局\n");
  cr_assert_eq(p->n_tasks, 2);
  cr_expect_str_eq(p->tasks[0].text, "甲。");
  cr_expect_str_eq(p->tasks[1].number, "2");
  rg_plan_free(p);
}

/* A plan of more than 4 MB (its lines are prepared on a second thread,
 * text_parser.c): 40,000 tasks of three lines after a title line; every
 * 5,000th task's support line holds a zero-width space. When bad, the byte
 * is put at the start of task 31234's lead line (line 93702). */
static char *big_plan(size_t *len, int bad, char byte) {
  size_t cap = 48u << 20, n = 0;
  char *s = malloc(cap);
  n += (size_t)sprintf(s + n, "大型测试重点工作分工方案\n");
  for (int i = 1; i <= 40000; i++) {
    n += (size_t)sprintf(
        s + n, "%d.推进第%d项重点工作，完善工作推进机制，强化要素保障，落实到位。\n", i, i);
    if (bad && i == 31234) s[n++] = byte;
    n += (size_t)sprintf(s + n, "牵头单位:市单位%d局\n", i % 50);
    n += (size_t)sprintf(s + n, "责任单位:市单位%d局、市单位%s%d局\n", (i * 7) % 50 + 50,
                         i % 5000 ? "" : "\xE2\x80\x8B", (i * 13) % 50 + 100);
  }
  *len = n;
  return s;
}

Test(text_parser, big_plan_read_on_two_threads_is_read_as_on_one) {
  size_t n;
  char *s = big_plan(&n, 0, 0);
  cr_assert_gt(n, 4u << 20);
  rg_plan *p = rg_plan_new("big.txt");
  rg_error err;
  cr_assert_eq(rg_plan_parse_buffer(p, s, n, RG_INPUT_TEXT, NULL, &err), RG_OK, "%s", err.msg);
  rg_plan_finalize(p);
  cr_expect_eq(p->n_tasks, 40000);
  cr_expect_eq(p->n_links, 120000);
  cr_expect_eq(rg_plan_count_kind(p, RG_KIND_UNIT), 150);
  char *got = links_of(p, 12344); /* task 12345 */
  cr_expect_str_eq(got, "lead:市单位45局;support:市单位65局;support:市单位135局");
  free(got);
  got = links_of(p, 39999);
  cr_expect_str_eq(got, "lead:市单位0局;support:市单位50局;support:市单位100局");
  free(got);
  int invisible = 0;
  for (int i = 0; i < p->n_diags; i++)
    if (!strcmp(p->diags[i].code, "invisible-char")) {
      invisible++;
      cr_expect_eq(p->diags[i].line, 1 + 3 * 5000L * invisible); /* 3i + 1 */
    }
  cr_expect_eq(invisible, 8);
  rg_plan_free(p);
  free(s);
}

/* --threads 1: the big plan is read on the caller's thread alone (the
 * reading says so after every re-read), into the same plan. */
Test(text_parser, big_plan_read_with_threads_1_is_the_same_plan) {
  size_t n;
  char *s = big_plan(&n, 0, 0);
  rg_plan *one = rg_plan_new("big.txt"), *two = rg_plan_new("big.txt");
  rg_error err;
  rg_load_opts o1 = {.threads = 1}, o2 = {.threads = 2};
  cr_assert_eq(rg_plan_parse_buffer(one, s, n, RG_INPUT_TEXT, &o1, &err), RG_OK, "%s", err.msg);
  cr_assert_eq(rg_plan_parse_buffer(two, s, n, RG_INPUT_TEXT, &o2, &err), RG_OK, "%s", err.msg);
  cr_expect_eq(one->reading->one_thread, 1);
  cr_expect_eq(two->reading->one_thread, 0);
  rg_plan_finalize(one);
  rg_plan_finalize(two);
  cr_assert_eq(one->n_tasks, two->n_tasks);
  cr_assert_eq(one->n_links, two->n_links);
  cr_assert_eq(one->n_diags, two->n_diags);
  for (int t = 0; t < one->n_tasks; t += 997) {
    char *a = links_of(one, t), *b = links_of(two, t);
    cr_expect_str_eq(a, b, "task %d", t);
    free(a);
    free(b);
  }
  rg_plan_free(one);
  rg_plan_free(two);
  free(s);
}

/* The n bytes of s read into p[0] on one thread and into p[1] on two
 * (--threads 1 and 2), each finalized. */
static void read_on_one_and_two(const char *s, size_t n, const char *path, rg_plan *p[2]) {
  for (int k = 0; k < 2; k++) {
    rg_load_opts o = {.threads = k + 1};
    rg_error err;
    p[k] = rg_plan_new(path);
    cr_assert_eq(rg_plan_parse_buffer(p[k], s, n, RG_INPUT_TEXT, &o, &err), RG_OK, "%s", err.msg);
    rg_plan_finalize(p[k]);
  }
}

/* p[0] and p[1] (read_on_one_and_two) hold the same tasks with the same
 * links, every one (what: the case, in a failure's message). */
static void expect_same_tasks(rg_plan *p[2], const char *what) {
  cr_assert_eq(p[1]->n_tasks, p[0]->n_tasks, "%s", what);
  cr_assert_eq(p[1]->n_links, p[0]->n_links, "%s", what);
  for (int t = 0; t < p[0]->n_tasks; t++) {
    char *a = links_of(p[0], t), *b = links_of(p[1], t);
    cr_assert_str_eq(b, a, "%s: task %d", what, t);
    free(a);
    free(b);
  }
}

/* A big untitled plan whose first `head` tasks name units of prefix
 * `first` and the rest units of `rest` (NULL: 市 and 县 in turn); every
 * task also names a bare 财政局, which is read with the level's prefix. */
static char *plan_of_prefixes(size_t *len, int head, const char *first, const char *rest) {
  size_t cap = 16u << 20, n = 0;
  char *s = malloc(cap);
  for (int i = 1; i <= 40000; i++) {
    const char *pre = i <= head ? first : rest ? rest : i % 2 ? "市" : "县";
    n += (size_t)snprintf(s + n, cap - n,
                          "%d.推进第%d项重点工作，完善工作推进机制，强化要素保障，落实到位。\n"
                          "牵头单位:%s单位%d局\n责任单位:财政局、%s单位%d局\n",
                          i, i, pre, i % 50, pre, (i * 7) % 50 + 50);
  }
  *len = n;
  return s;
}

/* A big plan read on two threads guesses its level from its first
 * lines while the second thread counts the rest, and reads again when the
 * whole count gives another level: read as on one thread (which counts
 * first), every task, with the level and where it came from. The guess is
 * wrong in the first plan (3,000 tasks of 县 units, then 37,000 of 市
 * ones: county, then city), and in the second (市 units, then as many 县
 * as 市 ones: city, then no level); right in the third. */
Test(text_parser, big_plan_guessed_level_is_the_whole_counts) {
  static const struct {
    const char *first, *rest;
    rg_level level;
    const char *bare; /* how task 40,000's 财政局 is read */
  } CASE[] = {{"县", "市", RG_LEVEL_CITY, ":市财政局"},
              {"市", NULL, RG_LEVEL_UNKNOWN, ":财政局"},
              {"市", "市", RG_LEVEL_CITY, ":市财政局"}};
  for (int c = 0; c < 3; c++) {
    size_t n;
    char *s = plan_of_prefixes(&n, 3000, CASE[c].first, CASE[c].rest);
    cr_assert_gt(n, 4u << 20); /* (read on two threads) */
    rg_plan *p[2];
    read_on_one_and_two(s, n, "levels.txt", p);
    const rg_reading *r1 = p[0]->reading, *r2 = p[1]->reading;
    cr_expect_eq(r2->level, CASE[c].level, "case %d", c);
    cr_expect_eq(r2->level, r1->level, "case %d", c);
    cr_expect_str_eq(r2->prefix, r1->prefix, "case %d", c);
    cr_expect_str_eq(r2->level_from ? r2->level_from : "", r1->level_from ? r1->level_from : "",
                     "case %d", c);
    char what[16];
    snprintf(what, sizeof what, "case %d", c);
    expect_same_tasks(p, what);
    char *last = links_of(p[1], p[1]->n_tasks - 1);
    cr_expect(strstr(last, CASE[c].bare) != NULL, "case %d: %s", c, last);
    free(last);
    rg_plan_free(p[0]);
    rg_plan_free(p[1]);
    free(s);
  }
}

/* The second thread does the first steps of each list it has not seen
 * (rg_unitlist_pre) and the parser starts its first reading of the list
 * from them: a big plan whose lists are new all the way through (pairs of
 * 997 and 991 units) reads on two threads as on one, every task. */
Test(text_parser, big_plan_of_new_lists_reads_on_two_threads_as_on_one) {
  size_t cap = 16u << 20, n = 0;
  char *s = malloc(cap);
  n += (size_t)sprintf(s + n, "某市重点工作分工方案\n");
  for (int i = 1; i <= 60000; i++)
    n += (size_t)sprintf(s + n,
                         "%d.推进第%d项重点工作，完善工作推进机制。\n牵头单位:市单位%d局\n"
                         "责任单位:市单位%d委、由市单位%d办,市单位%d局\n",
                         i, i, i % 997, i % 991, i % 983, (i * 7) % 977);
  cr_assert_gt(n, 4u << 20);
  rg_plan *p[2];
  read_on_one_and_two(s, n, "lists.txt", p);
  cr_assert_eq(p[0]->n_tasks, 60000);
  cr_expect_gt(p[0]->n_links, 3 * 60000); /* (a unit may lead and be listed again) */
  expect_same_tasks(p, "new lists");
  rg_plan_free(p[0]);
  rg_plan_free(p[1]);
  free(s);
}

/* The same with lists of every shape a list's tokens are cut from:
 * separators inside and outside brackets of each kind, brackets left
 * open or closed twice, 由 before a name, empty tokens (random pieces,
 * fixed seed). The worker counts a list's tokens before it cuts them (one
 * allocation for them all), so a count that differed from the cut would
 * read some list otherwise on two threads. */
Test(text_parser, big_plan_of_bracketed_lists_reads_on_two_threads_as_on_one) {
  static const char *const PIECE[] = {"、", ",",  ";",  "(",    ")",  "（", "）", "【", "】",
                                      "《", "》", "由", "牵头", "等", " ",  "“",  "”"};
  const unsigned np = sizeof PIECE / sizeof *PIECE;
  size_t cap = 24u << 20, n = 0;
  char *s = malloc(cap);
  unsigned long long r = 3;
  n += (size_t)sprintf(s + n, "某市重点工作分工方案\n");
  for (int i = 1; i <= 50000; i++) {
    n += (size_t)sprintf(s + n, "%d.推进第%d项重点工作，完善工作推进机制。\n责任单位:", i, i);
    int pieces = 2 + (int)((rg_test_next(&r) >> 33) % 10);
    for (int k = 0; k < pieces; k++)
      if ((rg_test_next(&r) >> 33) % 2)
        n += (size_t)sprintf(s + n, "市单位%d局", (int)((r >> 40) % 3001));
      else
        n = rg_test_pieces(s, n, PIECE, np, 1, &r);
    s[n++] = '\n';
  }
  cr_assert_gt(n, 4u << 20);
  rg_plan *p[2];
  read_on_one_and_two(s, n, "brackets.txt", p);
  cr_assert_eq(p[0]->n_tasks, 50000);
  cr_expect_gt(p[0]->n_links, 30000, "%d links", p[0]->n_links); /* (39,298) */
  expect_same_tasks(p, "bracketed lists");
  rg_plan_free(p[0]);
  rg_plan_free(p[1]);
  free(s);
}

/* A big web page's footer: chrome and a site label (主办单位：…) within three
 * lines of each other, across a boundary of the second thread's blocks of
 * 256 lines (it marks chrome a block at a time): the label is skipped on
 * two threads as on one, and 市单位777局 is nobody's unit. */
static char *big_page(size_t *len) {
  size_t cap = 48u << 20, n = 0;
  char *s = malloc(cap);
  long lines = 0; /* lines written: the next line's 0-based index */
  n += (size_t)sprintf(s + n, "大型网页重点工作分工方案\n"), lines++;
  for (int i = 1; i <= 60000; i++) {
    n += (size_t)sprintf(s + n, "%d.推进第%d项重点工作，完善工作推进机制。\n牵头单位:市单位%d局\n",
                         i, i, i % 50);
    lines += 2;
    if (i == 9000 || i == 21000) { /* pad to just before a boundary */
      while ((lines + 2) % 256 != 0)
        n += (size_t)sprintf(s + n, "附件说明\n"), lines++;
      if (i == 9000) /* the label at 256m - 2, the chrome at 256m */
        n += (size_t)sprintf(s + n, "主办单位:市单位777局\n附件说明\n版权所有 某市人民政府\n");
      else /* the chrome at 256m - 2, the label at 256m */
        n += (size_t)sprintf(s + n, "版权所有 某市人民政府\n附件说明\n主办单位:市单位777局\n");
      lines += 3;
    }
  }
  *len = n;
  return s;
}

Test(text_parser, big_page_footer_across_a_block_is_chrome_on_two_threads_as_on_one) {
  size_t n;
  char *s = big_page(&n);
  cr_assert_gt(n, 4u << 20);
  rg_plan *p[2];
  read_on_one_and_two(s, n, "page.txt", p);
  for (int k = 0; k < 2; k++) {
    cr_expect_eq(rg_plan_find_unit(p[k], "市单位777局"), -1, "threads %d", k + 1);
    cr_expect_eq(p[k]->n_tasks, 60000);
  }
  cr_assert_eq(p[0]->n_links, p[1]->n_links);
  for (int t = 0; t < p[0]->n_tasks; t += 1000) {
    char *a = links_of(p[0], t), *b = links_of(p[1], t);
    cr_expect_str_eq(a, b, "task %d", t);
    free(a);
    free(b);
  }
  rg_plan_free(p[0]);
  rg_plan_free(p[1]);
  free(s);
}

Test(text_parser, big_plan_with_a_nul_byte_fails_at_its_line) {
  size_t n;
  char *s = big_plan(&n, 1, '\0');
  rg_plan *p = rg_plan_new("big.txt");
  rg_error err;
  cr_expect_eq(rg_plan_parse_buffer(p, s, n, RG_INPUT_TEXT, NULL, &err), RG_EINPUT);
  cr_expect(strstr(err.msg, "NUL"), "%s", err.msg);
  cr_expect_eq(err.line, 93702);
  rg_plan_free(p);
  free(s);
}

Test(text_parser, big_plan_with_bad_utf8_fails_at_its_line) {
  size_t n;
  char *s = big_plan(&n, 1, (char)0xFF);
  rg_plan *p = rg_plan_new("big.txt");
  rg_error err;
  cr_expect_eq(rg_plan_parse_buffer(p, s, n, RG_INPUT_TEXT, NULL, &err), RG_EINPUT);
  cr_expect_eq(err.line, 93702, "%s", err.msg);
  rg_plan_free(p);
  free(s);
}

/* Lines split from one buffer are searched for page chrome as one span,
 * lines pushed one by one a line at a time: the marks must be the same.
 * Random pages (fixed seed) of tasks, label lines, site labels and chrome
 * words, whole, in numbered lines and cut by a line end, read both ways:
 * the same tasks and links. */
Test(text_parser, chrome_of_a_span_is_chrome_of_each_line) {
  static const char *const LINE[] = {"%d.推进重点工作，完善工作机制。\n",
                                     "牵头单位:市单位%d局\n",
                                     "主办单位:市单位%d局\n",
                                     "版权所有 某市人民政府%d\n",
                                     "%d.加强网站ICP备案管理\n",
                                     "网站标识码%d\n",
                                     "联系我们%d\r\n",
                                     "版权\n所有%d\n",
                                     "\n",
                                     "技术支持:市单位%d局\r",
                                     "责任单位:市单位%d局、市单位1局\n",
                                     "(%d)打印本页\n",
                                     "附件说明%d\n"};
  const unsigned nl = sizeof LINE / sizeof *LINE;
  unsigned long long r = 99;
  int chrome_tasks = 0;
  for (int t = 0; t < 300; t++) {
    char buf[8192];
    size_t n = (size_t)sprintf(buf, "某市重点工作分工方案\n");
    for (int k = 0; k < 60; k++) {
      rg_test_next(&r);
      n += (size_t)sprintf(buf + n, LINE[(r >> 33) % nl], k + 1);
    }
    rg_plan *p[2];
    for (int way = 0; way < 2; way++) {
      rg_lines ls = {0};
      if (way == 0) {
        rg_lines_split(&ls, buf, n);
        cr_assert(ls.one_buffer);
      } else {
        rg_lines whole = {0};
        rg_lines_split(&whole, buf, n);
        for (int i = 0; i < whole.n; i++)
          rg_lines_push(&ls, whole.v[i].text, whole.v[i].len, whole.v[i].lineno);
        rg_lines_destroy(&whole);
        cr_assert_not(ls.one_buffer);
      }
      rg_error err;
      p[way] = rg_plan_new("page.txt");
      cr_assert_eq(rg_text_parse(p[way], &ls, &err), RG_OK, "%s", err.msg);
      rg_plan_finalize(p[way]);
      rg_lines_destroy(&ls);
    }
    cr_assert_eq(p[0]->n_tasks, p[1]->n_tasks, "page %d", t);
    cr_assert_eq(p[0]->n_links, p[1]->n_links, "page %d", t);
    for (int k = 0; k < p[0]->n_tasks; k++) {
      char *a = links_of(p[0], k), *b = links_of(p[1], k);
      cr_assert_str_eq(a, b, "page %d task %d", t, k);
      chrome_tasks += strstr(p[0]->tasks[k].text, "ICP") != NULL;
      free(a);
      free(b);
    }
    rg_plan_free(p[0]);
    rg_plan_free(p[1]);
  }
  cr_expect_gt(chrome_tasks, 100); /* numbered lines with chrome words stay tasks */
}

/* rg_phrases_in answers as memmem of each word does, and rg_phrases_find
 * finds the first word where memmem does, on any bytes: texts
 * built at random (fixed seed) from pieces of the words, whole and cut
 * characters, ASCII and other CJK, against word sets with and without a
 * word that starts with a cut character. */

static int naive_in(const char *const *words, const char *s, size_t n) {
  for (int k = 0; words[k]; k++)
    if (memmem(s, n, words[k], strlen(words[k]))) return 1;
  return 0;
}

/* The least offset where memmem finds one of the words, or n. */
static size_t naive_find(const char *const *words, const char *s, size_t n) {
  size_t least = n;
  for (int k = 0; words[k]; k++) {
    const char *p = memmem(s, n, words[k], strlen(words[k]));
    if (p && (size_t)(p - s) < least) least = (size_t)(p - s);
  }
  return least;
}

Test(phrases, same_as_memmem_of_each_word) {
  static const char *const SET1[] = {"ICP备",    "网站标识码", "公网安备", "版权所有", "©",
                                     "关闭窗口", "Copyright",  "x",        NULL};
  static const char *const SET2[] = {"联系我们", "\xE5\x85", "打印本页", NULL};
  /* the page chrome's words (twelve starts), and more starts than the
   * block scan takes (byte by byte) */
  static const char *const SET3[] = {
      "ICP备",    "ICP证",     "网站标识码", "公网安备",  "版权所有",  "联系我们",
      "网站地图", "技术支持:", "技术支持：", "Copyright", "copyright", "©",
      "浏览次数", "打印本页",  "关闭窗口",   NULL};
  static const char *const SET4[] = {"a", "b", "c", "d", "e", "f", "g", "h",    "i",
                                     "j", "k", "l", "m", "n", "o", "p", "市局", NULL};
  static const char *const PIECES[] = {"ICP",      "备",
                                       "网站",     "标识码",
                                       "公网",     "安",
                                       "版权",     "所有",
                                       "©",        "\xC2",
                                       "关闭",     "窗口",
                                       "Copy",     "right",
                                       "x",        "联系",
                                       "我们",     "打印",
                                       "本页",     "公",
                                       "关",       "共",
                                       "全",       "\xE5",
                                       "\xE5\x85", "\x85",
                                       "\xAC",     "市",
                                       "局",       "、",
                                       ":",        "1",
                                       " ",        "\xF0\x9F\x98\x80"};
  const int np = (int)(sizeof PIECES / sizeof *PIECES);
  const char *const *sets[] = {SET1, SET2, SET3, SET4};
  unsigned long long r = 12345;
  int hits = 0, runs = 0;
  for (int set = 0; set < 4; set++) {
    rg_phrases ps;
    rg_phrases_init(&ps, sets[set]);
    cr_expect_eq(ps.n_keys, set == 3 ? 0 : set == 2 ? 11 : set == 1 ? 3 : 8, "set %d", set);
    for (int t = 0; t < 20000; t++) {
      char buf[512];
      size_t n = 0;
      /* short texts, and long ones: sixteen positions at a time, then the
       * rest byte by byte */
      int pieces = 1 + (int)((r >> 33) % (t % 2 ? 8 : 40));
      n = rg_test_pieces(buf, n, PIECES, (unsigned)np, pieces, &r);
      int want = naive_in(sets[set], buf, n);
      size_t first = naive_find(sets[set], buf, n);
      /* the 32-position scan (where the processor has AVX2) and the 16 */
      rg_phrases narrow = ps;
      narrow.avx2 = 0;
      cr_assert_eq(rg_phrases_in(&ps, buf, n), want, "set %d text %.*s", set, (int)n, buf);
      cr_assert_eq(rg_phrases_find(&ps, buf, n), first, "set %d text %.*s", set, (int)n, buf);
      cr_assert_eq(rg_phrases_find(&narrow, buf, n), first, "set %d text %.*s", set, (int)n, buf);
      hits += want;
      runs++;
    }
  }
  /* the texts hit and miss both */
  cr_expect_gt(hits, runs / 10);
  cr_expect_lt(hits, runs - runs / 10);
}

/* rg_lines_split against a byte-by-byte reading: texts of random runs of
 * letters, CJK, '\n', '\r' and "\r\n" (fixed seed), so that line ends fall
 * at every place of the sixteen- and eight-byte steps. Empty lines are
 * left out and keep their numbers. */
static void naive_split(const char *text, size_t len, rg_line *out, int *n) {
  size_t start = 0;
  long lineno = 1;
  *n = 0;
  for (size_t i = 0; i < len; i++) {
    if (text[i] != '\n' && text[i] != '\r') continue;
    if (i > start) out[(*n)++] = (rg_line){text + start, i - start, lineno};
    lineno++;
    if (text[i] == '\r' && i + 1 < len && text[i + 1] == '\n') i++;
    start = i + 1;
  }
  if (start < len) out[(*n)++] = (rg_line){text + start, len - start, lineno};
}

Test(lines, split_as_byte_by_byte) {
  static const char *const PIECES[] = {"a",    "bcdefgh", "市",   "\n", "\r",
                                       "\r\n", "\n\n",    "\x0b", " ",  "一二三四五六七八九十零"};
  unsigned long long r = 99;
  int lines = 0;
  for (int t = 0; t < 3000; t++) {
    char buf[2048];
    size_t len = 0;
    rg_test_next(&r);
    int pieces = (int)((r >> 33) % 40);
    len = rg_test_pieces(buf, len, PIECES, 10, pieces, &r);
    rg_line want[512];
    int nw;
    naive_split(buf, len, want, &nw);
    rg_lines got = {0};
    rg_lines_split(&got, buf, len);
    cr_assert_eq(got.n, nw, "text %d", t);
    for (int i = 0; i < nw; i++) {
      cr_assert_eq(got.v[i].text, want[i].text, "text %d line %d", t, i);
      cr_assert_eq(got.v[i].len, want[i].len, "text %d line %d", t, i);
      cr_assert_eq(got.v[i].lineno, want[i].lineno, "text %d line %d", t, i);
    }
    lines += nw;
    rg_lines_destroy(&got);
  }
  cr_expect_gt(lines, 3000 * 5); /* the texts are not empty */
}

/* has_any_cjk answers as has_any (a strstr per word) for lists of words
 * that start with a CJK character: random texts of pieces of the words,
 * cut characters and ASCII (fixed seed). */
Test(strutil, has_any_cjk_as_has_any) {
  static const char *const W[] = {"第", "前面", "牵头", "主办", "负总责", "年底", "局", NULL};
  static const char *const PIECES[] = {"第", "前", "面", "牵", "头",   "主",   "办", "负总", "责",
                                       "年", "底", "局", "市", "\xE5", "\x89", "a",  "1",    "、"};
  const int np = (int)(sizeof PIECES / sizeof *PIECES);
  unsigned long long r = 7;
  int hits = 0;
  for (int t = 0; t < 20000; t++) {
    char buf[128];
    size_t n = 0;
    rg_test_next(&r);
    int pieces = 1 + (int)((r >> 33) % 6);
    n = rg_test_pieces(buf, n, PIECES, (unsigned)np, pieces, &r);
    buf[n] = '\0';
    int want = has_any(buf, W);
    cr_assert_eq(has_any_cjk(buf, W), want, "%s", buf);
    hits += want;
  }
  cr_expect_gt(hits, 2000);
  cr_expect_lt(hits, 18000);
}

/* The level counted from a big plan's unit names on two threads is the
 * one counted on one: the same level, count and first example, with the
 * first 县 name only in the second half (its example must come from
 * there) and more 市 names than 县 ones. */
static rg_level level_both_ways(const char *text, size_t len, int one_thread, char *from,
                                size_t size) {
  rg_lines lines = {0};
  rg_lines_split(&lines, text, len);
  rg_plan *p = rg_plan_new("levels");
  rg_reading_of(p)->one_thread = one_thread;
  rg_level level = rg_reading_level_from_lines(p, &lines, 1);
  snprintf(from, size, "%s", p->reading->level_from ? p->reading->level_from : "");
  rg_plan_free(p);
  rg_lines_destroy(&lines);
  return level;
}

Test(levels, two_threads_count_names_as_one) {
  size_t cap = (size_t)32 << 20, len = 0;
  char *text = malloc(cap);
  for (int i = 0; i < 240000; i++) {
    int k = i % 3000;
    if (i < 120000)
      len += (size_t)snprintf(text + len, cap - len, "%d.工作。\n牵头单位:县单位%d局\n", i, i % 50);
    else
      len += (size_t)snprintf(text + len, cap - len,
                              "%d.工作。\n牵头单位:市单位%05d局、市单位%05d局、市单位%05d局\n", i,
                              k, (k + 1) % 3000, (k + 2) % 3000);
  }
  char one[256], two[256];
  rg_level l1 = level_both_ways(text, len, 1, one, sizeof one);
  rg_level l2 = level_both_ways(text, len, 0, two, sizeof two);
  cr_expect_eq(l1, RG_LEVEL_CITY);
  cr_expect_eq(l2, l1);
  cr_expect_str_eq(two, one);
  /* 360,000 市 names, all in the second half: its first is the example */
  cr_expect_str_eq(one, "the plan's own unit names (360000 such as 市单位00000局)");
  free(text);
}

/* Valid text is searched for the level's prefixes a block at a time, other
 * text walked a character at a time: the same names must be counted. Random
 * texts (fixed seed) of prefixes, the words that are not names (市场, 县级),
 * separators and unit endings, read as they are and with a bad byte on a
 * line of its own after them (which names nothing, and sends the count
 * down the walk): the same level, count and first example. */
Test(levels, block_search_counts_names_as_the_walk) {
  static const char *const PIECE[] = {
      "市",   "县",     "区", "省", "自治区",     "市场",   "县级",     "区域",
      "、",   ",",      "：", "由", "发展改革委", "财政局", "人民政府", "教育局",
      "单位", "商务局", "1",  " ",  "\n",         "的",     "牵头",     "自治"};
  const unsigned np = sizeof PIECE / sizeof *PIECE;
  unsigned long long r = 5;
  int known = 0;
  for (int t = 0; t < 3000; t++) {
    char buf[2048];
    size_t n = 0;
    rg_test_next(&r);
    int pieces = 1 + (int)((r >> 33) % 120);
    n = rg_test_pieces(buf, n, PIECE, np, pieces, &r);
    memcpy(buf + n, "\n\xFF", 2);
    rg_plan *a = rg_plan_new("a.txt"), *b = rg_plan_new("b.txt");
    rg_level la = rg_reading_level_from_names(a, buf, n, 1),
             lb = rg_reading_level_from_names(b, buf, n + 2, 1);
    cr_assert_eq(la, lb, "text %d: %.*s", t, (int)n, buf);
    const rg_reading *ra = a->reading, *rb = b->reading;
    cr_assert_str_eq(ra->prefix, rb->prefix, "text %d", t);
    cr_assert_str_eq(ra->level_from ? ra->level_from : "", rb->level_from ? rb->level_from : "",
                     "text %d", t);
    known += la != RG_LEVEL_UNKNOWN;
    rg_plan_free(a);
    rg_plan_free(b);
  }
  cr_expect_gt(known, 300); /* levels found, and not found */
  cr_expect_lt(known, 2700);
}

/* A name ends at each separator: 市人 is no body, so in "市人、县财政局"
 * the search from 市 stops at 、 and only 县财政局 is counted (two county
 * names: county). Read past the separator, 市人、县财政局 would end in 局
 * and count as a city name (a city plan). Each separator of one,
 * three and (after a stray four-byte lead, whose character then ends in
 * the separator's bytes) four bytes; the window's end is tested after
 * each character by its length (sep_after). */
Test(levels, a_name_ends_at_every_separator) {
  static const char *const SEP[] = {",",  ";",  ":",  " ",  "(",  ")",  "\t", "、",
                                    "，", "；", "：", "（", "）", "。", "由", "\xF0、"};
  for (size_t i = 0; i < sizeof SEP / sizeof *SEP; i++) {
    char buf[256];
    int n = snprintf(buf, sizeof buf, "市人%s县财政局\n市人%s县商务局", SEP[i], SEP[i]);
    rg_plan *p = rg_plan_new("sep");
    rg_level l = rg_reading_level_from_names(p, buf, (size_t)n, 1);
    cr_expect_eq(l, RG_LEVEL_COUNTY, "separator %s", SEP[i]);
    cr_expect_str_eq(p->reading->level_from ? p->reading->level_from : "",
                     "the plan's own unit names (2 such as 县财政局)", "separator %s", SEP[i]);
    rg_plan_free(p);
  }
  /* no separator: each 市… runs on to the 局 (县 starts no name there) */
  const char *joined = "市人县财政局\n市人县商务局";
  rg_plan *p = rg_plan_new("joined");
  cr_expect_eq(rg_reading_level_from_names(p, joined, strlen(joined), 1), RG_LEVEL_CITY);
  cr_expect_str_eq(p->reading->level_from, "the plan's own unit names (2 such as 市人县财政局)");
  rg_plan_free(p);
}

/* The level counted line by line, each line's memo lookups started a few
 * lines ahead (a line's windows found ahead, or, past 16 windows, counted
 * when it comes), is the level counted over the whole text at once: the
 * same level, count and first example. Random texts (fixed seed) of lines
 * drawn from a pool, so that lines repeat (a repeated line adds what it
 * added before), among them lines of 20 names, with the lines' UTF-8
 * known or checked. */
static void level_of_lines(const char *text, size_t len, int utf8, rg_level *level, char *from,
                           size_t size) {
  rg_lines lines = {0};
  rg_lines_split(&lines, text, len);
  lines.utf8 = utf8;
  rg_plan *p = rg_plan_new("lines");
  *level = rg_reading_level_from_lines(p, &lines, 1);
  snprintf(from, size, "%s", p->reading->level_from ? p->reading->level_from : "");
  rg_plan_free(p);
  rg_lines_destroy(&lines);
}

Test(levels, lines_counted_ahead_count_as_the_whole_text) {
  static const char *const PIECE[] = {
      "市",     "县", "区", "省",         "自治区", "市场",       "县级",       "、",
      ",",      "：", "由", "发展改革委", "财政局", "人民政府",   "教育局",     "单位",
      "商务局", "1",  " ",  "的",         "牵头",   "市商务局、", "县教育局、", "区财政局,"};
  const unsigned np = sizeof PIECE / sizeof *PIECE;
  enum { POOL = 40 };
  char pool[POOL][1024];
  unsigned long long r = 11;
  for (int i = 0; i < POOL; i++) {
    size_t n = 0;
    if (i % 8 == 0) /* twenty names on one line: more than are found ahead */
      for (int k = 0; k < 20; k++)
        n = rg_test_pieces(pool[i], n, PIECE + 21 + (i / 8) % 3, 1, 1, &r);
    else
      n = rg_test_pieces(pool[i], n, PIECE, np, 1 + (int)((rg_test_next(&r) >> 33) % 40), &r);
    pool[i][n] = '\0';
  }
  int known = 0;
  for (int t = 0; t < 1500; t++) {
    char buf[1 << 16];
    size_t n = 0;
    int nl = 1 + (int)((rg_test_next(&r) >> 33) % 60);
    for (int i = 0; i < nl; i++)
      n += (size_t)snprintf(buf + n, sizeof buf - n, "%s\n", pool[(rg_test_next(&r) >> 33) % POOL]);
    char whole[256], checked[256], trusted[256];
    rg_plan *w = rg_plan_new("whole");
    rg_level lw = rg_reading_level_from_names(w, buf, n, 1), lc, lt;
    snprintf(whole, sizeof whole, "%s", w->reading->level_from ? w->reading->level_from : "");
    rg_plan_free(w);
    level_of_lines(buf, n, 0, &lc, checked, sizeof checked);
    level_of_lines(buf, n, 1, &lt, trusted, sizeof trusted);
    cr_assert_eq(lc, lw, "text %d", t);
    cr_assert_eq(lt, lw, "text %d", t);
    cr_assert_str_eq(checked, whole, "text %d", t);
    cr_assert_str_eq(trusted, whole, "text %d", t);
    known += lw != RG_LEVEL_UNKNOWN;
  }
  cr_expect_gt(known, 150); /* levels found, and not found */
  cr_expect_lt(known, 1350);
}
