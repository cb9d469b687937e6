/* test_gazetteer.c - longest place-name prefixes from the generated table. */
#include <criterion/criterion.h>
#include <string.h>

#include "../../input/gazetteer.h"

static void expect_prefix(const char *s, const char *want, int want_level) {
  int level = -1;
  size_t n = rg_gazetteer_prefix(s, &level);
  cr_expect_eq(n, strlen(want), "%s: prefix of %zu bytes, expected %zu (%s)", s, n, strlen(want),
               want);
  cr_expect_eq(level, want_level, "%s: level %d, expected %d", s, level, want_level);
}

Test(gazetteer, takes_a_province_short_form_off_a_regulator) {
  expect_prefix("广东金融监管局", "广东", RG_GAZ_PROVINCE);
}

Test(gazetteer, prefers_the_full_city_name_to_its_short_form) {
  expect_prefix("杭州市政府", "杭州市", RG_GAZ_PREFECTURE);
}

Test(gazetteer, takes_a_city_short_form_off_a_company) {
  expect_prefix("沈阳地铁集团有限公司", "沈阳", RG_GAZ_PREFECTURE);
}

Test(gazetteer, matches_a_district_in_full) {
  expect_prefix("浑南区政府", "浑南区", RG_GAZ_COUNTY);
  expect_prefix("和平区", "和平区", RG_GAZ_COUNTY);
  expect_prefix("法库县政府", "法库县", RG_GAZ_COUNTY);
  expect_prefix("新民市政府", "新民市", RG_GAZ_COUNTY);
}

Test(gazetteer, finds_no_place_in_a_bare_body) {
  expect_prefix("市场监管局", "", RG_GAZ_NONE);
  expect_prefix("工业和信息化局", "", RG_GAZ_NONE);
  expect_prefix("", "", RG_GAZ_NONE);
}

Test(gazetteer, never_matches_a_county_by_its_short_form) {
  expect_prefix("和平共处", "", RG_GAZ_NONE);
  expect_prefix("新民主主义", "", RG_GAZ_NONE);
}

Test(gazetteer, strips_the_long_autonomous_region_suffixes) {
  expect_prefix("内蒙古自治区发展改革委", "内蒙古自治区", RG_GAZ_PROVINCE);
  expect_prefix("内蒙古电力公司", "内蒙古", RG_GAZ_PROVINCE);
  expect_prefix("广西壮族自治区人民政府", "广西壮族自治区", RG_GAZ_PROVINCE);
  expect_prefix("广西农信", "广西", RG_GAZ_PROVINCE);
  expect_prefix("宁夏回族自治区", "宁夏回族自治区", RG_GAZ_PROVINCE);
  expect_prefix("新疆生产建设兵团", "新疆", RG_GAZ_PROVINCE);
  expect_prefix("香港特别行政区政府", "香港特别行政区", RG_GAZ_PROVINCE);
}

Test(gazetteer, shortens_autonomous_prefectures_to_the_place_name) {
  expect_prefix("延边朝鲜族自治州", "延边朝鲜族自治州", RG_GAZ_PREFECTURE);
  expect_prefix("延边大学", "延边", RG_GAZ_PREFECTURE);
  expect_prefix("红河州", "红河", RG_GAZ_PREFECTURE);
  expect_prefix("兴安盟行署", "兴安盟", RG_GAZ_PREFECTURE);
  expect_prefix("阿里地区行署", "阿里地区", RG_GAZ_PREFECTURE);
}

Test(gazetteer, lists_a_name_once_at_its_highest_level) {
  cr_expect_eq(rg_gazetteer_lookup("吉林", strlen("吉林")), RG_GAZ_PROVINCE);
  cr_expect_eq(rg_gazetteer_lookup("吉林市", strlen("吉林市")), RG_GAZ_PREFECTURE);
  cr_expect_eq(rg_gazetteer_lookup("铁西区", strlen("铁西区")), RG_GAZ_COUNTY);
  cr_expect_eq(rg_gazetteer_lookup("和平", strlen("和平")), RG_GAZ_NONE);
}

Test(gazetteer, leaves_out_generic_and_statistical_names) {
  cr_expect_eq(rg_gazetteer_lookup("市辖区", strlen("市辖区")), RG_GAZ_NONE);
  cr_expect_eq(rg_gazetteer_lookup("城区", strlen("城区")), RG_GAZ_NONE);
  cr_expect_eq(rg_gazetteer_lookup("郑州经济技术开发区", strlen("郑州经济技术开发区")),
               RG_GAZ_NONE);
}

Test(gazetteer, is_sorted_so_binary_search_is_sound) {
  for (size_t i = 1; i < rg_gazetteer_size; i++)
    cr_assert_lt(strcmp(rg_gazetteer_table[i - 1].name, rg_gazetteer_table[i].name), 0, "%s / %s",
                 rg_gazetteer_table[i - 1].name, rg_gazetteer_table[i].name);
  for (size_t i = 0; i < rg_gazetteer_size; i++)
    cr_assert_eq(strlen(rg_gazetteer_table[i].name), rg_gazetteer_table[i].len);
}

Test(gazetteer, stops_at_invalid_utf8) {
  expect_prefix("沈阳\xff", "沈阳", RG_GAZ_PREFECTURE);
  expect_prefix("\xe6\xb2", "", RG_GAZ_NONE);
}
