/* test_unitlist.c - each canonicalisation rule of unitlist.h on its own. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "memo.h"
#include "unitlist.h"

/* Render a parsed list as "name:kind|name:kind" (+ " open" when open). */
static char *render(const char *text) {
  rg_unit_list l;
  rg_unitlist_parse(text, strlen(text), &l);
  size_t cap = 4096;
  char *out = calloc(1, cap);
  for (int i = 0; i < l.n; i++) {
    if (i) strcat(out, "|");
    strcat(out, l.items[i].name);
    strcat(out, ":");
    strcat(out, rg_kind_name(l.items[i].kind));
    if (l.items[i].alias) {
      strcat(out, "=");
      strcat(out, l.items[i].alias);
    }
    if (l.items[i].lead) strcat(out, "!lead");
  }
  if (l.open) strcat(out, " open");
  rg_unitlist_destroy(&l);
  return out;
}

#define EXPECT_LIST(text, want)                                                                    \
  do {                                                                                             \
    char *got = render(text);                                                                      \
    cr_expect_str_eq(got, want, "list «%s»", text);                                                \
    free(got);                                                                                     \
  } while (0)

/* The table of hashes seen lately (memo.h): a hash is new once, then seen
 * until another of its slot (the same low half) pushes it out. Its tag is
 * the high half with the lowest bit set (0 marks an empty slot), so two
 * hashes that differ only in bit 16 are one. */
Test(memo, seen_table_notes_and_forgets) {
  uint16_t *t = rg_seen_new();
  cr_assert_eq(rg_seen_add(t, 0x12345678u), 1);
  cr_assert_eq(rg_seen_add(t, 0x12345678u), 0);
  cr_assert_eq(rg_seen_add(t, 0x12355678u), 0); /* the tag keeps 15 bits: the same */
  cr_assert_eq(rg_seen_add(t, 0x12375678u), 1); /* same slot, other tag: pushes it out */
  cr_assert_eq(rg_seen_add(t, 0x12345678u), 1);
  cr_assert_eq(rg_seen_add(t, 0x12345679u), 1); /* the next slot: both kept */
  cr_assert_eq(rg_seen_add(t, 0x12345678u), 0);
  cr_assert_eq(rg_seen_add(t, 0x12345679u), 0);
  cr_assert_eq(rg_seen_add(t, 0x00000000u), 1); /* a zero hash is not the empty slot */
  cr_assert_eq(rg_seen_add(t, 0x00000000u), 0);
  free(t);
  /* counting: 0, 1, then 2 for more; another tag in the slot starts again */
  t = rg_seen_new();
  cr_assert_eq(rg_seen_count(t, 0x12345678u), 0);
  cr_assert_eq(rg_seen_count(t, 0x12345678u), 1);
  cr_assert_eq(rg_seen_count(t, 0x12345678u), 2);
  cr_assert_eq(rg_seen_count(t, 0x12345678u), 2);
  cr_assert_eq(rg_seen_count(t, 0x12365678u), 2); /* the tag keeps 14 bits: the same hash */
  cr_assert_eq(rg_seen_count(t, 0x12385678u), 0); /* another tag pushes it out */
  cr_assert_eq(rg_seen_count(t, 0x12345678u), 0);
  cr_assert_eq(rg_seen_count(t, 0x00000000u), 0); /* a zero hash is not the empty slot */
  cr_assert_eq(rg_seen_count(t, 0x00000000u), 1);
  free(t);
}

Test(unitlist, nfkc_makes_fullwidth_punctuation_ascii) {
  char *s =
      rg_nfkc("各区、县（市）政府，市政府各部门：", strlen("各区、县（市）政府，市政府各部门："));
  cr_expect_str_eq(s, "各区、县(市)政府,市政府各部门:");
  free(s);
}

Test(unitlist, nfkc_rejects_invalid_utf8) { cr_expect_null(rg_nfkc("\xff\xfe", 2)); }

Test(unitlist, splits_on_dun_comma_and_semicolon) {
  EXPECT_LIST("市发展改革委、市财政局，市商务局；市教育局;市民政局",
              "市发展改革委:unit|市财政局:unit|市商务局:unit|市教育局:unit|市民政局:unit");
}

Test(unitlist, never_splits_inside_parentheses) {
  EXPECT_LIST("中德（沈阳、铁西）高端装备制造产业园管委会",
              "中德(沈阳、铁西)高端装备制造产业园管委会:unit");
}

Test(unitlist, keeps_collective_phrase_whole) {
  EXPECT_LIST("各区、县（市）政府", "各区、县(市)政府:collective");
  EXPECT_LIST("有关区、县(市)政府", "有关区、县(市)政府:generic");
}

Test(unitlist, prefix_inheritance_for_bare_department) {
  EXPECT_LIST("市发展改革委、工业和信息化局、商务局",
              "市发展改革委:unit|市工业和信息化局:unit|市商务局:unit");
}

Test(unitlist, market_regulator_is_bare_despite_starting_with_shi) {
  EXPECT_LIST("市公安局、市场监管局", "市公安局:unit|市市场监管局:unit");
}

Test(unitlist, he_is_not_a_separator) { EXPECT_LIST("工业和信息化局", "工业和信息化局:unit"); }

Test(unitlist, named_bodies_never_inherit) {
  EXPECT_LIST("市城乡建设局、沈阳地铁集团有限公司,浑南区政府,沈阳公积金中心",
              "市城乡建设局:unit|沈阳地铁集团有限公司:unit|浑南区政府:unit|沈阳公积金中心:unit");
  EXPECT_LIST("市科技局、浑南区政府", "市科技局:unit|浑南区政府:unit");
}

Test(unitlist, inheritance_carries_across_commas) {
  EXPECT_LIST("市委金融办,市发展改革委、数据局", "市委金融办:unit|市发展改革委:unit|市数据局:unit");
  EXPECT_LIST("市委组织部、市委宣传部,市司法局、自然资源局",
              "市委组织部:unit|市委宣传部:unit|市司法局:unit|市自然资源局:unit");
}

Test(unitlist, party_organ_inherits_the_committee_prefix) {
  EXPECT_LIST("省委宣传部、统战部、文化和旅游厅",
              "省委宣传部:unit|省委统战部:unit|省文化和旅游厅:unit");
}

Test(unitlist, suffix_distribution_over_places) {
  EXPECT_LIST("和平区、大东区、铁西区政府", "和平区政府:unit|大东区政府:unit|铁西区政府:unit");
  EXPECT_LIST(
      "铁西区、浑南区、沈北新区、苏家屯区、康平县政府",
      "铁西区政府:unit|浑南区政府:unit|沈北新区政府:unit|苏家屯区政府:unit|康平县政府:unit");
}

Test(unitlist, ji_joins_two_collectives) {
  EXPECT_LIST("各区、县(市)政府及开发区管委会",
              "各区、县(市)政府:collective|开发区管委会:collective");
  EXPECT_LIST("有关区、县(市)政府及开发区管委会",
              "有关区、县(市)政府:generic|有关开发区管委会:generic");
}

Test(unitlist, open_list_tails_are_stripped_and_recorded) {
  EXPECT_LIST("市财政局等有关部门", "市财政局:unit open");
  EXPECT_LIST("市科技局、工业和信息化局等部门", "市科技局:unit|市工业和信息化局:unit open");
  EXPECT_LIST("沈阳空港经济区管委会等单位", "沈阳空港经济区管委会:unit open");
  EXPECT_LIST("市财政局", "市财政局:unit");
}

Test(unitlist, kinds_of_collectives_and_generics) {
  EXPECT_LIST("市政府各部门", "市政府各部门:collective");
  EXPECT_LIST("市国防动员委员会各成员单位", "市国防动员委员会各成员单位:collective");
  EXPECT_LIST("市政府有关部门", "市政府有关部门:generic");
  EXPECT_LIST("有关部门", "有关部门:generic");
}

Test(unitlist, words_for_none) {
  EXPECT_LIST("无", "");
  EXPECT_LIST("—", "");
  EXPECT_LIST("空", "");
  EXPECT_LIST("", "");
}

Test(unitlist, second_name_in_parentheses_is_an_alias) {
  EXPECT_LIST("省市场监管局（省知识产权局）", "省市场监管局:unit=省知识产权局");
}

Test(unitlist, people_s_government_is_the_government) {
  EXPECT_LIST("和平区人民政府", "和平区政府:unit=和平区人民政府");
}

Test(unitlist, lead_mark_in_parentheses) {
  EXPECT_LIST("市商务局（牵头）、市财政局", "市商务局:unit!lead|市财政局:unit");
}

Test(unitlist, national_and_place_bodies_never_inherit) {
  EXPECT_LIST(
      "省发展改革委、广东金融监管局、中国证监会广东监管局、海关总署广东分署、人民银行广东省分行、之"
      "江实验室",
      "省发展改革委:unit|广东金融监管局:unit|中国证监会广东监管局:unit|海关总署广东分署:unit|"
      "人民银行广东省分行:unit|之江实验室:unit");
}

Test(unitlist, full_place_prefix_is_inherited) {
  EXPECT_LIST("沈阳市发展改革委、财政局", "沈阳市发展改革委:unit|沈阳市财政局:unit");
}

Test(unitlist, links_units_to_a_task_once_each) {
  rg_plan *p = rg_plan_new("t.txt");
  int t = rg_plan_add_task(p, "1", "x", -1, -1, 1);
  cr_expect_eq(rg_unitlist_link(p, t, RG_ROLE_LEAD, "市商务局", strlen("市商务局"), 2), 1);
  cr_expect_eq(rg_unitlist_link(p, t, RG_ROLE_SUPPORT, "市商务局、财政局等有关部门",
                                strlen("市商务局、财政局等有关部门"), 3),
               2);
  rg_plan_finalize(p);
  cr_expect_eq(p->n_links, 2);
  cr_expect_eq(p->links[0].role, RG_ROLE_LEAD);
  cr_expect_eq(p->n_diags, 1);
  cr_expect_str_eq(p->diags[0].code, "lead-and-support");
  cr_expect(p->tasks[t].open_list);
  rg_plan_free(p);
}

Test(unitlist, you_introducing_a_unit_is_dropped) { EXPECT_LIST("由市商务局", "市商务局:unit"); }

/* rg_nfkc copies text that NFKC leaves alone without calling utf8proc: the
 * fast path must agree with utf8proc and still reject bad bytes. */
Test(unitlist, nfkc_fast_path_agrees_with_utf8proc) {
  const char *cases[] = {"市发展改革委、商务局。",
                         "plain ascii\tok",
                         "“引号”",
                         "（全角）",
                         "\xE4\xB8",
                         "\xE4\x41\x41",
                         "A\x01B",
                         "\xEF\xBC\x88x\xEF\xBC\x89"};
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    const char *s = cases[i];
    char *fast = rg_nfkc(s, strlen(s));
    utf8proc_uint8_t *slow = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)strlen(s),
                                      &slow, UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE);
    if (n < 0) {
      cr_expect_null(fast, "case %zu", i);
    } else {
      cr_assert_not_null(fast, "case %zu", i);
      cr_expect_str_eq(fast, (char *)slow, "case %zu", i);
    }
    free(fast);
    free(slow);
  }
}

Test(unitlist, short_city_names_take_the_level_and_the_body) {
  EXPECT_LIST("广州、深圳、珠海市人民政府",
              "广州市政府:unit=广州市人民政府|深圳市政府:unit=深圳市人民政府|"
              "珠海市政府:unit=珠海市人民政府");
}

Test(unitlist, collective_people_s_governments_are_governments) {
  EXPECT_LIST("各县（市、区）人民政府", "各县(市、区)政府:collective=各县(市、区)人民政府");
}

/* union with the CSV reader: n/a, N/A and the en dash name no unit in a
 * text plan either, and a stray byte-order mark is trimmed like a space */
Test(unitlist, every_none_word_and_white_space_is_shared_with_the_csv_reader) {
  EXPECT_LIST("n/a", "");
  EXPECT_LIST("N/A", "");
  EXPECT_LIST("\xE2\x80\x93", "");
  EXPECT_LIST("市财政局、n/a", "市财政局:unit");
  EXPECT_LIST("市财政局\xEF\xBB\xBF", "市财政局:unit");
}
