/* test_helpers.c - the model's shared helpers: rg_sort, FNV-1a, UTF-8 code
 * points, white space, none-words, Chinese numerals, NFKC, unit lookup and
 * short labels. Each helper once had copies that disagreed; the tests marked
 * "union" pin the behaviour the copies now share. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "common/common.h"
#include "hash.h"
#include "names.h"
#include "plan.h"
#include "sort.h"
#include "text.h"
#include "utf8.h"

/* ------------------------------------------------------------------ sort */

typedef struct item {
  int key, pos;
} item;

/* by key, or by key descending when *ctx is 1: the context reaches the comparator */
static int by_key(const void *a, const void *b, void *ctx) {
  int desc = *(const int *)ctx;
  int x = ((const item *)a)->key, y = ((const item *)b)->key;
  return desc ? (x < y) - (x > y) : (x > y) - (x < y);
}

Test(sort, is_stable_and_passes_its_context_to_the_comparator) {
  for (int desc = 0; desc <= 1; desc++) {
    enum { N = 1000 };
    item v[N];
    unsigned x = 12345;
    for (int i = 0; i < N; i++) {
      x = x * 1103515245u + 12345u;
      v[i] = (item){(int)(x >> 16) % 17, i};
    }
    rg_sort(v, N, sizeof v[0], by_key, &desc);
    for (int i = 1; i < N; i++) {
      int k0 = v[i - 1].key, k1 = v[i].key;
      cr_assert(desc ? k0 >= k1 : k0 <= k1, "order at %d", i);
      if (k0 == k1) cr_assert_lt(v[i - 1].pos, v[i].pos, "equal keys keep their order at %d", i);
    }
  }
}

Test(sort, sorts_short_empty_and_presorted_arrays) {
  int a[] = {3, 1, 2};
  rg_sort(a, 3, sizeof a[0], rg_cmp_int, NULL);
  cr_assert(a[0] == 1 && a[1] == 2 && a[2] == 3);
  rg_sort(a, 0, sizeof a[0], rg_cmp_int, NULL);
  rg_sort(NULL, 0, sizeof a[0], rg_cmp_int, NULL);
  double d[40];
  for (int i = 0; i < 40; i++)
    d[i] = 40 - i;
  rg_sort(d, 40, sizeof d[0], rg_cmp_double, NULL);
  for (int i = 0; i < 40; i++)
    cr_assert_eq(d[i], i + 1);
  rg_sort(d, 40, sizeof d[0], rg_cmp_double, NULL);
  for (int i = 0; i < 40; i++)
    cr_assert_eq(d[i], i + 1);
}

/* Every element of a sorted array is found (first, last, middle, with an
 * odd and an even count), a missing key gives NULL, and the context reaches
 * the comparator: a descending array searched with desc = 1. */
Test(sort, bsearch_finds_every_element_and_nothing_else) {
  int v[9] = {2, 4, 6, 8, 10, 12, 14, 16, 18};
  for (int n = 0; n <= 9; n++) {
    for (int k = 0; k < n; k++)
      cr_assert_eq(rg_bsearch(&v[k], v, (size_t)n, sizeof v[0], rg_cmp_int, NULL), &v[k]);
    for (int x = 1; x <= 19; x += 2)
      cr_assert_null(rg_bsearch(&x, v, (size_t)n, sizeof v[0], rg_cmp_int, NULL));
  }
  item d[5] = {{9, 0}, {7, 1}, {5, 2}, {3, 3}, {1, 4}};
  int desc = 1;
  item key = {3, -1};
  item *hit = rg_bsearch(&key, d, 5, sizeof d[0], by_key, &desc);
  cr_assert(hit && hit->pos == 3);
}

/* ------------------------------------------------------------------ hash */

/* Expected values computed in Python: h = ((h ^ byte) * prime) mod 2^64. With
 * the published offset basis 14695981039346656037, "foobar" gives the
 * published 0x85944171f73967e8; respgraph's basis is RG_FNV_OFFSET. */
Test(hash, fnv1a_is_the_fnv1a_recurrence_over_respgraphs_basis) {
  cr_assert_eq(rg_fnv1a(14695981039346656037ULL, "foobar", 6), 0x85944171f73967e8ULL);
  cr_assert_eq(rg_fnv1a_str(""), 0x14650fb0739d0383ULL);
  cr_assert_eq(rg_fnv1a_str("a"), 0x44bd8ad473cd9906ULL);
  cr_assert_eq(rg_fnv1a_str("foobar"), 0x88fad7c0a8ff07f2ULL);
  cr_assert_eq(rg_fnv1a(RG_FNV_OFFSET, "foobar", 6), rg_fnv1a_str("foobar"));
  /* continuing a hash is hashing the concatenation */
  cr_assert_eq(rg_fnv1a(rg_fnv1a(RG_FNV_OFFSET, "foo", 3), "bar", 3), rg_fnv1a_str("foobar"));
}

/* ------------------------------------------------------------------ utf8 */

Test(utf8, counts_offsets_and_decodes_code_points) {
  const char *s = "a市场\xE2\x80\xA6z"; /* a 市 场 … z */
  size_t len = strlen(s);
  cr_assert_eq(rg_utf8_count(s, len), 5);
  cr_assert_eq(rg_utf8_offset(s, len, 0), 0);
  cr_assert_eq(rg_utf8_offset(s, len, 2), 4);
  cr_assert_eq(rg_utf8_offset(s, len, 4), 10);
  cr_assert_eq(rg_utf8_offset(s, len, 9), len);
  size_t n;
  cr_assert_eq(rg_utf8_next(s + 1, &n), 0x5E02);
  cr_assert_eq(n, 3);
  cr_assert_eq(rg_utf8_next("\xff", &n), 0xFFFD);
  cr_assert_eq(n, 1);
  cr_assert_eq(rg_utf8_seq_len('a'), 1);
  cr_assert_eq(rg_utf8_seq_len(0xE5), 3);
  cr_assert_eq(rg_utf8_seq_len(0x80), 0);
  cr_assert_eq(rg_utf8_seq_len(0xC0), 0);
}

/* ------------------------------------------------------------------ text */

/* union: the text parser trimmed ASCII white space only, the CSV reader
 * also U+3000, U+00A0 and the BOM */
Test(utf8, strstr3_is_strstr_on_any_bytes) {
  /* random texts over a small alphabet of the needles' bytes (so that
   * partial and overlapping matches are common), every needle */
  static const char *const NEEDLES[] = {"为", "前", "。", "等", "\xBA\xBA\xBA", "\xE4\xB8\xE4"};
  static const unsigned char BYTES[] = {0xE4, 0xB8, 0xBA, 0xE5, 0x89, 0x8D, 0xE3,
                                        0x80, 0x82, 0xE7, 0xAD, 0x89, 'a',  ','};
  unsigned x = 12345;
  char s[40];
  for (int round = 0; round < 20000; round++) {
    x = x * 1103515245u + 12345u;
    size_t len = (x >> 16) % sizeof s;
    for (size_t i = 0; i < len; i++) {
      x = x * 1103515245u + 12345u;
      s[i] = (char)BYTES[(x >> 16) % sizeof BYTES];
    }
    s[len] = '\0';
    for (size_t n = 0; n < sizeof NEEDLES / sizeof *NEEDLES; n++)
      cr_assert_eq(rg_strstr3(s, NEEDLES[n]), strstr(s, NEEDLES[n]), "round %d needle %zu", round,
                   n);
  }
  const char *one = "为";
  cr_assert_eq(rg_strstr3(one, "为"), one);
  cr_assert_null(rg_strstr3("", "为"));
  cr_assert_null(rg_strstr3("\xBA", "为"));
}

Test(text, trim_strips_every_white_space_the_readers_know) {
  char s[] = " \t\xE3\x80\x80\xC2\xA0\xEF\xBB\xBF市财政局 局\r\n\v\f\xE3\x80\x80";
  rg_trim(s);
  cr_assert_str_eq(s, "市财政局 局");
  char *d = rg_trim_dup("\xEF\xBB\xBF  a b \xC2\xA0");
  cr_assert_str_eq(d, "a b");
  free(d);
  char e[] = " \xE3\x80\x80 ";
  rg_trim(e);
  cr_assert_str_eq(e, "");
  cr_assert(rg_is_blank("\xE3\x80\x80\t "));
  cr_assert(!rg_is_blank(" x "));
}

/* union: the CSV reader knew 12 spellings, the unit-list parser 9 */
Test(text, every_none_word_names_no_unit) {
  const char *none[] = {"",   "无", "空",  "暂无", "-",    "--",          "—",
                        "——", "/",  "n/a", "N/A",  " 无 ", "\xE2\x80\x93" /* – */};
  for (size_t i = 0; i < sizeof none / sizeof none[0]; i++)
    cr_expect(rg_means_none(none[i]), "'%s' means none", none[i]);
  const char *units[] = {"无锡市", "空港", "市财政局", "n/a局", "-市财政局"};
  for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
    cr_expect(!rg_means_none(units[i]), "'%s' is a unit", units[i]);
}

/* union: 〇 was a numeral in text plans but not in CSV headings */
Test(text, chinese_numerals_include_zero_in_both_forms) {
  cr_assert_eq(rg_cn_numeral_len("一、"), 3);
  cr_assert_eq(rg_cn_numeral_len("二十三、"), 9);
  cr_assert_eq(rg_cn_numeral_len("一〇五"), 9);
  cr_assert_eq(rg_cn_numeral_len("一百零五)"), 12);
  cr_assert_eq(rg_cn_numeral_len("第一章"), 0);
  cr_assert_eq(rg_cn_numeral_len(""), 0);
  cr_assert_eq(rg_cn_numeral_len("十"), 3);
}

Test(text, nfkc_makes_full_width_forms_ascii_and_copies_plain_text) {
  char *a = rg_nfkc("各区、县（市）政府：", strlen("各区、县（市）政府："));
  cr_assert_str_eq(a, "各区、县(市)政府:");
  free(a);
  char *b = rg_nfkc("市发展改革委", strlen("市发展改革委"));
  cr_assert_str_eq(b, "市发展改革委");
  free(b);
  cr_assert_null(rg_nfkc("\xff", 1));
}

/* ----------------------------------------------------------------- names */

static rg_plan *named_plan(void) {
  rg_plan *p = rg_plan_new("names.txt");
  p->meta.issuer = rg_plan_strdup(p, "沈阳市人民政府");
  int t = rg_plan_add_task(p, "1", "任务", -1, -1, 1);
  const char *names[] = {"市发展改革委", "沈阳市财政局", "省市场监管局", "各区、县(市)政府",
                         "中德(沈阳)高端装备制造产业园管委会"};
  for (int i = 0; i < 5; i++)
    rg_plan_link(p, t, rg_plan_intern_unit(p, names[i], RG_KIND_UNIT, 1), RG_ROLE_SUPPORT, 1);
  rg_plan_add_alias(p, 2, "省知识产权局");
  rg_plan_finalize(p);
  return p;
}

/* union: --unit and --exclude-unit knew canonical names and aliases, --view
 * ego= also names without 市 and short labels; every option now knows all */
Test(names, one_lookup_finds_canonical_alias_unprefixed_short_and_full_width_names) {
  rg_plan *p = named_plan();
  cr_expect_eq(rg_unit_lookup(p, "市发展改革委"), 0);
  cr_expect_eq(rg_unit_lookup(p, "发展改革委"), 0, "without 市");
  cr_expect_eq(rg_unit_lookup(p, "财政局"), 1, "short label: issuer's city dropped");
  cr_expect_eq(rg_unit_lookup(p, "省知识产权局"), 2, "alias");
  cr_expect_eq(rg_unit_lookup(p, "各区、县（市）政府"), 3, "full-width parentheses, NFKC");
  cr_expect_eq(rg_unit_lookup(p, " 市发展改革委\xE3\x80\x80"), 0, "surrounding white space");
  cr_expect_eq(rg_unit_lookup(p, "中德高端装备…管委会"), 4, "the label a diagram draws");
  cr_expect_eq(rg_unit_lookup(p, "市教育局"), -1);
  cr_expect_eq(rg_unit_lookup(p, ""), -1);
  cr_expect_eq(rg_unit_lookup(p, NULL), -1);
  rg_plan_free(p);
}

/* issue 16: `meetings --unit 商务局` failed and nothing said "did you mean" */
Test(names, a_unique_part_finds_a_unit_and_others_get_the_closest_names) {
  rg_plan *p = named_plan();
  int near[5], n = 0;
  cr_expect_eq(rg_unit_find(p, "发展改革", near, 5, &n), 0, "a unique part of a name");
  cr_expect_eq(rg_unit_find(p, "中德", near, 5, &n), 4);
  cr_expect_eq(rg_unit_find(p, "局", near, 5, &n), -2, "in two names: ambiguous");
  cr_expect_eq(n, 2);
  cr_expect_eq(near[0], 1);
  cr_expect_eq(near[1], 2);
  cr_expect_eq(rg_unit_find(p, "市发展改革局", near, 5, &n), -1);
  cr_expect_eq(n, 1, "one name within 3 edits");
  cr_expect_eq(near[0], 0);
  cr_expect_eq(rg_unit_find(p, "市教育局", near, 5, &n), -1);
  cr_expect_eq(n, 0, "市教育局 is 3 edits from 沈阳市财政局's 4-character limit: no guess");
  rg_plan_free(p);
}

Test(names, closest_orders_by_edit_distance_then_by_order_given) {
  const char *cands[] = {"units", "ties", "clusters", "overload", "meetings"};
  int out[3];
  cr_expect_eq(rg_closest("unit", cands, 5, out, 3), 1);
  cr_expect_eq(out[0], 0);
  cr_expect_eq(rg_closest("tiles", cands, 5, out, 3), 1, "units is 4 edits away");
  cr_expect_eq(out[0], 1);
  cr_expect_eq(rg_closest("meeting", cands, 5, out, 3), 1);
  cr_expect_eq(out[0], 4);
  cr_expect_eq(rg_closest("zzzzzz", cands, 5, out, 3), 0);
  cr_expect_eq(rg_closest("tixyz", cands, 5, out, 3), 0, "ties is 3 edits away, over the limit");
  cr_expect_eq(rg_closest("tiesxy", cands, 5, out, 3), 1, "containing ties");
}

Test(names, short_labels_follow_the_documented_rule) {
  static const char *const cases[][2] = {
      {"市发展改革委", "发展改革委"},
      {"市市场监管局", "市场监管局"},
      {"市场监管局", "市场监管局"},
      {"市委宣传部", "市委宣传部"},
      {"沈阳地铁集团有限公司", "地铁集团"},
      {"沈阳公积金中心", "公积金中心"},
      {"沈阳市妇联", "妇联"},
      {"中德(沈阳)高端装备制造产业园管委会", "中德高端装备…管委会"},
      {"市国防动员委员会", "国防动员委"},
      {"浑南区政府", "浑南区"},
      {"法库县政府", "法库县"},
      {"自贸区沈阳片区管理委员会", "自贸区沈阳片区管委会"},
      {"沈北新区", "沈北新区"},
      {"市", "市"},
      {"A\"B", "A\"B"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char buf[256];
    rg_unit_short_name("沈阳市人民政府", cases[i][0], buf, sizeof buf);
    cr_expect_str_eq(buf, cases[i][1], "short name of %s", cases[i][0]);
  }
  char buf[64];
  rg_unit_short_name(NULL, "沈阳地铁集团有限公司", buf, sizeof buf);
  cr_expect_str_eq(buf, "沈阳地铁集团", "without an issuer no city is known");
}

/* rg_nfkc_is_copy reads sixteen bytes at a time (SSE2): it must say what
 * the definition says, by utf8proc's decoding: valid UTF-8 of printable
 * ASCII, tab, CJK ideographs U+4000..U+9FFF and 、。“” only. Random texts
 * (fixed seed) of mostly such characters, long and short, with one of the
 * near misses now and then: U+3000, ‘, U+3003, U+2018, other first bytes,
 * a cut character at the end or inside, a stray continuation byte, control
 * characters, DEL and NUL. */
static int copy_by_definition(const char *s, size_t n) {
  for (utf8proc_ssize_t i = 0; i < (utf8proc_ssize_t)n;) {
    utf8proc_int32_t c;
    utf8proc_ssize_t k =
        utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)n - i, &c);
    if (k <= 0) return 0;
    if (!(c == '\t' || (c >= 0x20 && c < 0x7F) || (c >= 0x4000 && c <= 0x9FFF) || c == 0x3001 ||
          c == 0x3002 || c == 0x201C || c == 0x201D))
      return 0;
    i += k;
  }
  return 1;
}

Test(text, nfkc_copy_test_is_its_definition) {
  static const char *const PLAIN[] = {
      "a",  "1",  " ", "\t", ",", "~", "市", "局", "一", "\xE4\xB8\x80", "\xE9\xBF\xBF",
      "、", "。", "“", "”",  "0"};
  static const char *const ODD[] = {"\xE3\x80\x80",
                                    "\xE2\x80\x98",
                                    "\xE3\x80\x83",
                                    "\xE3\x81\x81",
                                    "\xE2\x81\x9C",
                                    "\xEA\xB0\x80",
                                    "\xE3\xA0\x80",
                                    "，",
                                    "\xE5\x8F",
                                    "\xE5",
                                    "\x80",
                                    "\xBF",
                                    "\x01",
                                    "\x7F",
                                    "\n",
                                    "\xC2\xA0",
                                    "\xF0\x9F\x98\x80",
                                    "\x00"};
  const int np = (int)(sizeof PLAIN / sizeof *PLAIN), no = (int)(sizeof ODD / sizeof *ODD);
  unsigned long long r = 77;
  int copies = 0;
  for (int t = 0; t < 60000; t++) {
    char buf[1024];
    size_t n = 0;
    rg_test_next(&r);
    int pieces = 1 + (int)((r >> 33) % (t % 3 ? 80 : 12)), odd = (int)((r >> 40) % 4) == 0;
    for (int k = 0; k < pieces; k++) {
      rg_test_next(&r);
      int use_odd = odd && (r >> 50) % 16 == 0;
      const char *p = use_odd ? ODD[(r >> 33) % (unsigned)no] : PLAIN[(r >> 33) % (unsigned)np];
      size_t m = *p ? strlen(p) : 1; /* (NUL: one byte) */
      memcpy(buf + n, p, m);
      n += m;
    }
    int want = copy_by_definition(buf, n);
    cr_assert_eq(rg_nfkc_is_copy(buf, n), want, "text %d (%zu bytes)", t, n);
    for (int width = 0; width <= 32; width += 16)
      cr_assert_eq(rg_nfkc_is_copy_by(buf, n, width), want, "text %d (%zu bytes) by %d", t, n,
                   width);
    copies += want;
  }
  cr_expect_gt(copies, 30000); /* both answers, many times */
  cr_expect_lt(copies, 57000);
}

/* rg_bracket_step_at reads bytes, not a table of strings: it must answer as
 * the table does (a compare with each bracket) at every character that
 * starts with one of the bracket's lead bytes, and at a NUL cut after it. */
Test(text, bracket_step_is_its_table) {
  static const char *const OPEN[] = {"(", "[", "〔", "《", "“", "【"};
  static const char *const CLOSE[] = {")", "]", "〕", "》", "”", "】"};
  int seen = 0;
  for (unsigned a = 1; a < 256; a++)
    for (unsigned b = 0; b < 256; b++)
      for (unsigned c = 0; c < 256; c += (a == 0xE2 || a == 0xE3) && b == 0x80 ? 1 : 85) {
        char p[4] = {(char)a, (char)b, (char)c, 0};
        size_t want = 0;
        int step = 0;
        for (int k = 0; k < 6 && !want; k++) {
          if (!strncmp(p, OPEN[k], strlen(OPEN[k]))) want = strlen(OPEN[k]), step = 1;
          if (!strncmp(p, CLOSE[k], strlen(CLOSE[k]))) want = strlen(CLOSE[k]), step = -1;
        }
        for (int d0 = 0; d0 < 2; d0++) {
          int d = d0;
          cr_assert_eq(rg_bracket_step_at(p, &d), want, "%02x %02x %02x", a, b, c);
          cr_assert_eq(d,
                       step > 0         ? d0 + 1
                       : step < 0 && d0 ? d0 - 1
                                        : d0,
                       "%02x %02x %02x", a, b, c);
          int d2 = d0;
          cr_assert_eq(rg_bracket_step(p, &d2), want);
          cr_assert_eq(d2, d);
        }
        seen += want != 0;
      }
  cr_expect_gt(seen, 12 * 3);
}

/* rg_nfkc normalises piece by piece between characters that start a
 * normalisation boundary; the result must be utf8proc_map's of the whole
 * text, byte for byte. Random texts (fixed seed) of plain characters and
 * of every kind that NFKC changes or composes: full-width forms, combining
 * marks after letters, half-width katakana and their voiced marks, Hangul
 * jamo, compatibility forms, default-ignorables, long expansions, U+3000
 * and invalid bytes (both must then fail). (No NUL: the result is a C
 * string.) */
Test(text, nfkc_in_pieces_is_utf8proc_map_of_the_whole) {
  static const char *const P[] = {"a",
                                  "e",
                                  "A",
                                  " ",
                                  "\t",
                                  "1",
                                  ":",
                                  "市",
                                  "局",
                                  "、",
                                  "。",
                                  "“",
                                  "”",
                                  "，",
                                  "：",
                                  "（",
                                  "）",
                                  "Ａ",
                                  "１",
                                  "\xE3\x80\x80", /* U+3000 */
                                  "\xCC\x81",
                                  "\xCC\x88",
                                  "\xE2\x83\x9D", /* U+0301 U+0308 U+20DD */
                                  "ｶ",
                                  "ﾞ",
                                  "ﾟ",
                                  "か",
                                  "\xE3\x82\x99", /* U+3099 */
                                  "\xE1\x84\x80",
                                  "\xE1\x85\xA1",
                                  "\xE1\x86\xA8",
                                  "가", /* L V T jamo, 가 */
                                  "①",
                                  "㈠",
                                  "﹙",
                                  "ﬁ",
                                  "℃",
                                  "㎡",
                                  "\xEF\xA4\x80", /* U+F900 */
                                  "\xE2\x80\x8B",
                                  "\xE2\x80\x8D",
                                  "\xEF\xBB\xBF",
                                  "\xC2\xAD",     /* ZW space, ZWJ, BOM, SHY */
                                  "\xEF\xB7\xBA", /* U+FDFA: 18 characters */
                                  "\xC3",
                                  "\x80",
                                  "\xE5\x8F",
                                  "\xF0\x9F\x98\x80"};
  const int np = (int)(sizeof P / sizeof *P);
  unsigned long long r = 2024;
  int changed = 0, failed = 0, invisible = 0;
  char *room = NULL;
  size_t room_cap = 0;
  for (int t = 0; t < 30000; t++) {
    char buf[512];
    size_t n = 0;
    rg_test_next(&r);
    int pieces = 1 + (int)((r >> 33) % 24);
    n = rg_test_pieces(buf, n, P, (unsigned)np, pieces, &r);
    utf8proc_uint8_t *want = NULL;
    utf8proc_ssize_t wn =
        utf8proc_map((const utf8proc_uint8_t *)buf, (utf8proc_ssize_t)n, &want,
                     UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_IGNORE);
    char *got = rg_nfkc(buf, n);
    /* the same with the invisible characters counted in the walk */
    int inv = -1;
    int32_t f1 = 0, f2 = 0;
    char *got2 = rg_nfkc_count(buf, n, &inv, &f1);
    int want_inv = rg_invisible_count(buf, n, &f2);
    cr_assert_eq(inv, want_inv, "text %d", t);
    if (want_inv) cr_assert_eq(f1, f2, "text %d", t);
    invisible += want_inv > 0;
    cr_assert((got == NULL) == (got2 == NULL), "text %d", t);
    if (got) cr_assert_str_eq(got2, got, "text %d", t);
    free(got2);
    /* into a buffer kept from text to text: the same bytes, and their count */
    int into = rg_nfkc_into(buf, n, &room, &room_cap, NULL, NULL);
    cr_assert((into < 0) == (got == NULL), "text %d", t);
    if (got) {
      cr_assert_eq((size_t)into, strlen(got), "text %d", t);
      cr_assert_str_eq(room, got, "text %d", t);
    }
    if (wn < 0) {
      cr_assert_null(got, "text %d", t);
      failed++;
    } else {
      cr_assert_not_null(got, "text %d", t);
      cr_assert_eq(strlen(got), (size_t)wn, "text %d", t);
      cr_assert_eq(memcmp(got, want, (size_t)wn), 0, "text %d: %s vs %s", t, got, want);
      changed += (size_t)wn != n || memcmp(got, buf, n);
    }
    free(want);
    free(got);
  }
  free(room);
  /* both kinds happen often */
  cr_expect_gt(changed, 5000);
  cr_expect_gt(failed, 5000);
  cr_expect_gt(invisible, 5000);
}

/* Every full-width form of ASCII (U+FF01..U+FF5E) and U+3000, which rg_nfkc
 * maps to its byte without a piece through utf8proc: after each kind of
 * character before it (plain, full-width, changed, combining, none) and
 * before each kind after it (a combining mark that may compose with the
 * byte, a voiced mark, plain text, another full-width form, nothing), the
 * result is utf8proc_map's of the whole. */
Test(text, nfkc_full_width_forms_are_utf8proc_map) {
  static const char *const BEFORE[] = {"",  "市",        "a",        "、", "：",
                                       "①", "e\xCC\x81", "\xCC\x81", "ｶ",  "\xE2\x80\x8B"};
  static const char *const AFTER[] = {"",  "局", "\xCC\x81",     "\xCC\xB8", "\xE3\x82\x99",
                                      "ﾞ", "（", "\xE2\x80\x8B", "1"};
  int checked = 0;
  for (int32_t cp = 0xFF01; cp <= 0xFF5F; cp++) {
    int32_t c = cp == 0xFF5F ? 0x3000 : cp;
    char mid[8];
    utf8proc_ssize_t m = utf8proc_encode_char(c, (utf8proc_uint8_t *)mid);
    for (size_t b = 0; b < sizeof BEFORE / sizeof *BEFORE; b++)
      for (size_t a = 0; a < sizeof AFTER / sizeof *AFTER; a++) {
        char buf[64];
        int n = snprintf(buf, sizeof buf, "%s%.*s%s", BEFORE[b], (int)m, mid, AFTER[a]);
        utf8proc_uint8_t *want = NULL;
        utf8proc_ssize_t wn =
            utf8proc_map((const utf8proc_uint8_t *)buf, n, &want,
                         UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_IGNORE);
        char *got = rg_nfkc(buf, (size_t)n);
        cr_assert_geq(wn, 0);
        cr_assert_not_null(got, "U+%04X", c);
        cr_assert_str_eq(got, (const char *)want, "U+%04X between '%s' and '%s'", c, BEFORE[b],
                         AFTER[a]);
        free(want);
        free(got);
        checked++;
      }
  }
  cr_assert_eq(checked, 95 * 10 * 9);
}
