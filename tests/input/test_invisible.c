/* test_invisible.c - invisible characters in names (issue 19, defect 11): a
 * zero-width joiner or a right-to-left override inside 市发展改革委 made a
 * second unit that looks the same, with no warning. They are removed by the
 * one normalisation (rg_nfkc, utf8proc's IGNORE) and named on their line. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "load.h"
#include "plan.h"
#include "text.h"

static rg_plan *load(const char *text, rg_input_format fmt) {
  rg_plan *p = rg_plan_new("mem");
  rg_error err;
  rg_status st = rg_plan_parse_buffer(p, text, strlen(text), fmt, NULL, &err);
  cr_assert_eq(st, RG_OK, "parse failed: %s", err.msg);
  rg_plan_finalize(p);
  return p;
}

static int count_code(const rg_plan *p, const char *code) {
  int n = 0;
  for (int i = 0; i < p->n_diags; i++)
    n += !strcmp(p->diags[i].code, code);
  return n;
}

static const rg_diag *diag_at(const rg_plan *p, const char *code, long line) {
  for (int i = 0; i < p->n_diags; i++)
    if (!strcmp(p->diags[i].code, code) && p->diags[i].line == line) return &p->diags[i];
  return NULL;
}

Test(invisible, counts_zero_width_and_bidi_controls_but_not_text) {
  int32_t first = 0;
  const char *s =
      "市\xe2\x80\x8b发\xe2\x81\xa6展\xef\xbb\xbf改\xe2\x80\xae革委"; /* 200B 2066 FEFF 202E */
  cr_expect_eq(rg_invisible_count(s, strlen(s), &first), 4);
  cr_expect_eq(first, 0x200B);
  const char *plain = "市发展改革委（市物价局）, a b\t·、。";
  cr_expect_eq(rg_invisible_count(plain, strlen(plain), NULL), 0);
  /* 200C 200D 2060 200E 200F 202A-202D 2067-2069 */
  const char *all = "\u200c\u200d\u2060\u200e\u200f\u202a\u202b\u202c\u202d\u2067\u2068\u2069";
  cr_expect_eq(rg_invisible_count(all, strlen(all), NULL), 12);
  char *n = rg_nfkc(s, strlen(s));
  cr_expect_str_eq(n, "市发展改革委");
  free(n);
}

Test(invisible, a_name_with_a_zero_width_joiner_or_an_override_is_the_same_unit) {
  rg_plan *p = load("1.推进甲。\n牵头单位：市发展\u200d改革委\n"
                    "2.推进乙。\n牵头单位：市发展改革委\n"
                    "3.推进丙。\n牵头单位：\u202e市财政局\u202c\n"
                    "4.推进丁。\n牵头单位：市财政局\n"
                    "5.推进戊。\n牵头单位：市发展改革委（市物价局）\n"
                    "6.推进己。\n牵头单位：市发展改革委(市物价局)\n",
                    RG_INPUT_TEXT);
  cr_expect_eq(p->n_tasks, 6);
  cr_expect_eq(p->n_units, 2);
  cr_expect_str_eq(p->units[0].name, "市发展改革委");
  cr_expect_str_eq(p->units[1].name, "市财政局");
  cr_expect_eq(count_code(p, "invisible-char"), 2);
  const rg_diag *d = diag_at(p, "invisible-char", 2);
  cr_assert_not_null(d);
  cr_expect_str_eq(d->message, "1 invisible character (U+200D) removed: names on this line are "
                               "read as if typed without it");
  d = diag_at(p, "invisible-char", 6);
  cr_assert_not_null(d);
  cr_expect_str_eq(d->message, "2 invisible characters (U+202E first) removed: names on this line "
                               "are read as if typed without them");
  rg_plan_free(p);
}

Test(invisible, a_table_cell_with_a_zero_width_space_is_named_with_its_row) {
  rg_plan *p = load("序号,重点任务,牵头单位,责任单位\n"
                    "1,推进甲。,市发展改革委,市财政局\n"
                    "2,推进乙。,市发展\u200b改革委,\ufeff市财政局\n",
                    RG_INPUT_CSV);
  cr_expect_eq(p->n_tasks, 2);
  cr_expect_eq(p->n_units, 2);
  cr_expect_eq(count_code(p, "invisible-char"), 1); /* once per row */
  cr_expect_not_null(diag_at(p, "invisible-char", 3));
  rg_plan_free(p);
}
