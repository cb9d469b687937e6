/* test_decode.c - bytes to UTF-8: BOMs, UTF-16, GB18030, WHATWG labels, bad and binary input;
 * format detection. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "common/common.h"
#include "decode.h"
#include "detect.h"
#include "load.h"

#define TEXT_DIR RG_TEST_DATA "/formats/text/"
#define HTML_DIR RG_TEST_DATA "/formats/html/"

/* Decode a fixture, expecting success. */
static rg_decoded decode_file(const char *path) {
  size_t len;
  char *bytes = rg_test_slurp(path, &len);
  rg_decoded d;
  rg_error err;
  rg_error_clear(&err);
  rg_status st = rg_decode(path, bytes, len, &d, &err);
  char msg[1200];
  rg_error_format(&err, msg, sizeof msg);
  cr_assert_eq(st, RG_OK, "%s", msg);
  free(bytes);
  return d;
}

/* Decode a fixture, expecting failure; returns "file:line: message". */
static char *decode_error(const char *path) {
  size_t len;
  char *bytes = rg_test_slurp(path, &len);
  rg_decoded d;
  rg_error err;
  rg_error_clear(&err);
  rg_status st = rg_decode(path, bytes, len, &d, &err);
  cr_assert_eq(st, RG_EINPUT);
  cr_assert_null(d.text);
  free(bytes);
  char *msg = malloc(1200);
  rg_error_format(&err, msg, 1200);
  return msg;
}

static char *plan_text(size_t *len) { return rg_test_slurp(TEXT_DIR "plan-utf8.txt", len); }

static void expect_plan_text(const rg_decoded *d) {
  size_t len;
  char *want = plan_text(&len);
  cr_expect_eq(d->len, len, "decoded %zu bytes, want %zu", d->len, len);
  cr_expect_str_eq(d->text, want);
  free(want);
}

Test(decode, drops_a_utf8_byte_order_mark) {
  rg_decoded d = decode_file(TEXT_DIR "plan-utf8-bom.txt");
  expect_plan_text(&d);
  cr_expect_str_eq(d.encoding, "UTF-8");
  cr_expect_str_eq(d.how, "bom");
  rg_decoded_destroy(&d);
}

Test(decode, reads_utf16_little_endian_with_a_bom) {
  rg_decoded d = decode_file(TEXT_DIR "plan-utf16le.txt");
  expect_plan_text(&d);
  cr_expect_str_eq(d.encoding, "UTF-16LE");
  rg_decoded_destroy(&d);
}

Test(decode, reads_utf16_big_endian_with_a_bom) {
  rg_decoded d = decode_file(TEXT_DIR "plan-utf16be.txt");
  expect_plan_text(&d);
  cr_expect_str_eq(d.encoding, "UTF-16BE");
  rg_decoded_destroy(&d);
}

Test(decode, reads_undeclared_gbk_as_gb18030_including_characters_outside_gb2312) {
  rg_decoded d = decode_file(TEXT_DIR "plan-gbk.txt");
  expect_plan_text(&d);
  cr_expect_str_eq(d.encoding, "GB18030");
  cr_expect_str_eq(d.how, "sniffed");
  cr_expect_not_null(strstr(d.text, "“喆”"));
  rg_decoded_destroy(&d);
}

Test(decode, keeps_crlf_line_endings) {
  rg_decoded d = decode_file(TEXT_DIR "plan-crlf.txt");
  cr_expect(!strncmp(d.text, "2026年重点工作分工方案\r\n\r\n一、",
                     strlen("2026年重点工作分工方案\r\n\r\n一、")));
  rg_decoded_destroy(&d);
}

Test(decode, reads_a_four_byte_gb18030_sequence) {
  /* U+20000 is 95 32 82 36 in GB18030; "1.X" around it */
  const char in[] = "1.\x95\x32\x82\x36\xC4\xE3\n";
  rg_decoded d;
  rg_error err;
  cr_assert_eq(rg_decode("x", in, sizeof in - 1, &d, &err), RG_OK);
  cr_expect_str_eq(d.text, "1.\xF0\xA0\x80\x80你\n");
  rg_decoded_destroy(&d);
}

Test(decode, refuses_bytes_neither_utf8_nor_gb18030_with_line_and_byte_offset) {
  char *msg = decode_error(TEXT_DIR "invalid-bytes.txt");
  cr_expect_str_eq(msg, TEXT_DIR
                   "invalid-bytes.txt:3: not valid UTF-8 or GB18030 text (byte offset 21)");
  free(msg);
}

Test(decode, refuses_binary_data_with_the_offset_of_the_first_nul) {
  char *msg = decode_error(TEXT_DIR "binary.png");
  cr_expect_str_eq(msg, TEXT_DIR "binary.png: binary data, not a plan (byte offset 8)");
  free(msg);
}

Test(decode, refuses_control_characters_dominating_without_any_nul) {
  char in[64];
  for (int i = 0; i < 64; i++)
    in[i] = (char)(i % 2 ? 0x01 : 'a');
  rg_decoded d;
  rg_error err;
  rg_error_clear(&err);
  cr_assert_eq(rg_decode("f", in, sizeof in, &d, &err), RG_EINPUT);
  cr_expect_str_eq(err.msg, "binary data, not a plan (byte offset 1)");
}

Test(decode, refuses_a_file_of_white_space_only) {
  char *msg = decode_error(TEXT_DIR "blank.txt");
  cr_expect_str_eq(msg, TEXT_DIR "blank.txt: no text: the file is empty");
  free(msg);
}

Test(decode, maps_encoding_labels_as_the_whatwg_standard_does) {
  const char *gb[] = {"gb2312",          "GBK",     " x-gbk ",    "chinese",   "csgb2312",
                      "csiso58gb231280", "gb_2312", "gb_2312-80", "iso-ir-58", "GB18030"};
  for (size_t i = 0; i < sizeof gb / sizeof gb[0]; i++)
    cr_expect_str_eq(rg_encoding_from_label(gb[i]), "GB18030", "%s", gb[i]);
  const char *big5[] = {"big5", "Big5-HKSCS", "cn-big5", "csbig5", "x-x-big5"};
  for (size_t i = 0; i < sizeof big5 / sizeof big5[0]; i++)
    cr_expect_str_eq(rg_encoding_from_label(big5[i]), "BIG5-HKSCS", "%s", big5[i]);
  cr_expect_str_eq(rg_encoding_from_label("utf8"), "UTF-8");
  cr_expect_str_eq(rg_encoding_from_label("unicode-1-1-utf-8"), "UTF-8");
  cr_expect_str_eq(rg_encoding_from_label("utf-16"), "UTF-16LE");
  cr_expect_null(rg_encoding_from_label("windows-1252"));
  cr_expect_null(rg_encoding_from_label("gb2312x"));
  cr_expect_null(rg_encoding_from_label(""));
}

Test(decode, finds_the_charset_of_a_meta_element) {
  const char *a = "<html><head><meta charset=\"gb2312\"></head>";
  const char *b = "<!DOCTYPE html><html><head><title>t</title>"
                  "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=GBK\"></head>";
  const char *c = "<html><head><meta charset=utf-16le></head>";
  const char *d = "<html><head><meta name=\"keywords\" content=\"charset=gbk\"></head>";
  const char *e =
      "<html><head><meta http-equiv=\"content-type\" content=\"text/html;charset='big5'\"></head>";
  cr_expect_str_eq(rg_html_declared_encoding(a, strlen(a)), "GB18030");
  cr_expect_str_eq(rg_html_declared_encoding(b, strlen(b)), "GB18030");
  cr_expect_str_eq(rg_html_declared_encoding(c, strlen(c)), "UTF-8");
  cr_expect_null(rg_html_declared_encoding(d, strlen(d)));
  cr_expect_str_eq(rg_html_declared_encoding(e, strlen(e)), "BIG5-HKSCS");
}

Test(decode, looks_for_the_meta_charset_only_in_the_first_1024_bytes) {
  char page[2100];
  strcpy(page, "<html><head><!--");
  memset(page + 16, 'x', 1024);
  strcpy(page + 1040, "--><meta charset=\"gb2312\"></head>");
  cr_expect_null(rg_html_declared_encoding(page, strlen(page)));
}

Test(decode, decodes_a_gb2312_declared_page_as_gb18030) {
  rg_decoded d = decode_file(HTML_DIR "page-chrome-gb2312.html");
  cr_expect_str_eq(d.encoding, "GB18030");
  cr_expect_str_eq(d.how, "meta");
  cr_expect_eq(d.n_replaced, 0);
  cr_expect_not_null(strstr(d.text, "支持“喆”字号企业"));
  rg_decoded_destroy(&d);
}

Test(decode, decodes_a_big5_declared_page_as_big5_hkscs) {
  rg_decoded d = decode_file(HTML_DIR "traditional-big5.html");
  cr_expect_str_eq(d.encoding, "BIG5-HKSCS");
  cr_expect_not_null(strstr(d.text, "<p>牽頭單位：市發展改革委</p>"));
  rg_decoded_destroy(&d);
}

Test(decode, reads_valid_utf8_as_utf8_despite_a_stale_gb2312_declaration) {
  const char *page =
      "<html><head><meta charset=\"gb2312\"></head><body><p>牵头单位</p></body></html>";
  rg_decoded d;
  rg_error err;
  cr_assert_eq(rg_decode("p.html", page, strlen(page), &d, &err), RG_OK);
  cr_expect_str_eq(d.encoding, "UTF-8");
  cr_expect_str_eq(d.text, page);
  rg_decoded_destroy(&d);
}

Test(decode, replaces_undecodable_bytes_of_a_declared_page_and_counts_them) {
  /* GBK 牵头 (C7 A3 CD B7), then a lone 0xFF, on line 2 */
  const char page[] =
      "<html><head><meta charset=\"gbk\"></head>\n<p>\xC7\xA3\xCD\xB7\xFF</p></html>";
  rg_decoded d;
  rg_error err;
  cr_assert_eq(rg_decode("p.html", page, sizeof page - 1, &d, &err), RG_OK);
  cr_expect_str_eq(d.encoding, "GB18030");
  cr_expect_eq(d.n_replaced, 1);
  cr_expect_eq(d.first_replaced, 47);
  cr_expect_eq(d.first_replaced_line, 2);
  cr_expect_not_null(strstr(d.text, "<p>牵头\xEF\xBF\xBD</p>"));
  rg_decoded_destroy(&d);
}

Test(decode, validates_utf8_and_reports_the_first_bad_offset) {
  size_t bad = 99;
  cr_expect(rg_utf8_valid("ab牵", strlen("ab牵"), &bad));
  cr_expect_not(rg_utf8_valid("ab\xE7\x89", 4, &bad)); /* truncated */
  cr_expect_eq(bad, 2);
  cr_expect_not(rg_utf8_valid("a\xC0\xAF", 3, &bad)); /* overlong '/' */
  cr_expect_eq(bad, 1);
  cr_expect_not(rg_utf8_valid("a\xED\xA0\x80", 4, &bad)); /* surrogate */
  cr_expect_eq(bad, 1);
}

/* ------------------------------------------------------------ detection */

Test(detect, recognises_html_by_its_first_tag_not_its_name) {
  const char *yes[] = {"<!DOCTYPE html><html>",
                       "\xEF\xBB\xBF  <html lang=zh>",
                       "\n<HEAD>",
                       "<body>",
                       "<meta charset=gbk>",
                       "<p>1.任务</p>",
                       "<table>",
                       "<div class=x>",
                       "<!-- saved from url --><html>",
                       "<?xml version=\"1.0\"?><html>"};
  for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
    cr_expect(rg_detect_html(yes[i], strlen(yes[i])), "%s", yes[i]);
  const char *no[] = {"1.任务<p>", "<pre>", "<param>", "牵头单位:<html>", "<!-- unterminated", ""};
  for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
    cr_expect_not(rg_detect_html(no[i], strlen(no[i])), "%s", no[i]);
}

Test(detect, tells_html_csv_and_text_apart) {
  const char *html = "  <html><body><p>1.x</p></body></html>";
  const char *csv = "\n\n序号,重点任务,牵头单位,责任单位\n1,x,市商务局,\n";
  const char *tsv = "任务\t牵头单位\n";
  const char *text = "\n1.做好工作,牵头单位:市商务局\n";
  cr_expect_eq(rg_detect_format(html, strlen(html)), RG_INPUT_HTML);
  cr_expect_eq(rg_detect_format(csv, strlen(csv)), RG_INPUT_CSV);
  cr_expect_eq(rg_detect_format(tsv, strlen(tsv)), RG_INPUT_CSV);
  cr_expect_eq(rg_detect_format(text, strlen(text)), RG_INPUT_TEXT);
  cr_expect_eq(rg_detect_format("", 0), RG_INPUT_TEXT);
}

Test(detect, reads_the_seed_as_text) {
  size_t len;
  char *seed = rg_test_slurp(RG_EXAMPLES "/shenyang-2026.txt", &len);
  cr_expect_eq(rg_detect_format(seed, len), RG_INPUT_TEXT);
  free(seed);
}

Test(decode, reads_byte_0x80_of_gbk_text_as_the_euro_sign_as_whatwg_does) {
  const char in[] = "1.\xC4\xE3\x80\n"; /* 你 then 0x80 */
  rg_decoded d;
  rg_error err;
  cr_assert_eq(rg_decode("x", in, sizeof in - 1, &d, &err), RG_OK);
  cr_expect_str_eq(d.encoding, "GB18030");
  cr_expect_str_eq(d.text, "1.你€\n");
  rg_decoded_destroy(&d);
}

Test(detect, finds_a_csv_header_below_title_and_blank_lines) {
  const char *csv =
      "\n\n\n\n\n\n\n\n\n\n\n\n2026年任务分工表\n\n序号,重点任务,牵头单位\n1,x,市商务局\n";
  cr_expect_eq(rg_detect_format(csv, strlen(csv)), RG_INPUT_CSV);
}

Test(detect, reads_a_huge_single_line_as_text_quickly) {
  size_t n = (size_t)4 << 20;
  char *s = malloc(n + 1);
  for (size_t i = 0; i < n; i++)
    s[i] = i % 3 == 0 ? ',' : 'x';
  memcpy(s, "任务,牵头单位", strlen("任务,牵头单位")); /* a header start, but one 4 MiB line */
  s[n] = '\0';
  cr_expect_eq(rg_detect_format(s, n), RG_INPUT_TEXT);
  free(s);
}

Test(decode, says_utf16_needs_a_bom_when_nul_bytes_alternate) {
  const char in[] = "1\0.\0t\0a\0s\0k\0\n\0"; /* "1.task\n" in UTF-16LE, no BOM */
  rg_decoded d;
  rg_error err;
  rg_error_clear(&err);
  cr_assert_eq(rg_decode("f", in, sizeof in - 1, &d, &err), RG_EINPUT);
  cr_expect_str_eq(err.msg,
                   "binary data, not a plan (byte offset 1); UTF-16 needs a byte-order mark: "
                   "save it as UTF-8 or with a BOM");
}

/* A big text is checked in two halves on two threads: the answer and the
 * first bad byte are those of one pass, wherever the bad byte is (first
 * half, second half, the character cut by the middle). */
Test(decode, checks_a_big_text_alike_on_one_thread_or_two) {
  size_t len = (size_t)9 << 20;
  char *s = malloc(len);
  for (size_t i = 0; i + 3 <= len; i += 3)
    memcpy(s + i, "市", 3); /* E5 B8 82: the middle falls inside one */
  for (size_t i = len / 3 * 3; i < len; i++)
    s[i] = 'a';
  size_t at[] = {0, 12345, len / 2 - 1, len / 2, len / 2 + 1, len - 1, (size_t)-1};
  for (int k = 0; k < 7; k++) {
    char saved = 0;
    if (at[k] != (size_t)-1) {
      saved = s[at[k]];
      s[at[k]] = (char)0xFF;
    }
    size_t bad1 = 7, bad2 = 7;
    int ok1 = rg_utf8_valid(s, len, &bad1);
    int ok2 = rg_utf8_valid_threads(s, len, &bad2, 2);
    cr_expect_eq(ok1, at[k] == (size_t)-1, "case %d", k);
    cr_expect_eq(ok2, ok1, "case %d", k);
    if (!ok1) cr_expect_eq(bad2, bad1, "case %d: %zu vs %zu", k, bad2, bad1);
    if (at[k] != (size_t)-1) s[at[k]] = saved;
  }
  free(s);
}

/* Every lead byte E0..EF with every second and third byte, alone and
 * between ASCII: rg_utf8_valid (which decides three-byte characters
 * inline) agrees with utf8proc_iterate on the whole sequence. */
Test(decode, three_byte_characters_as_utf8proc_reads_them) {
  int valid = 0;
  for (int a = 0xE0; a <= 0xEF; a++)
    for (int b = 0; b < 256; b++)
      for (int c = 0; c < 256; c++) {
        unsigned char s[5] = {'x', (unsigned char)a, (unsigned char)b, (unsigned char)c, 'y'};
        utf8proc_int32_t cp;
        int want = utf8proc_iterate(s + 1, 3, &cp) == 3 && cp >= 0;
        size_t bad = 99;
        cr_assert_eq(rg_utf8_valid((const char *)s, 5, &bad), want, "%02x %02x %02x", a, b, c);
        if (!want) cr_assert_eq(bad, 1u, "%02x %02x %02x", a, b, c);
        valid += want;
      }
  /* 16 leads x 64 x 64, less the 32 x 64 overlong (E0 80..9F) and 32 x 64
   * surrogate (ED A0..BF) forms */
  cr_expect_eq(valid, 16 * 64 * 64 - 2 * 32 * 64);
}

/* The first bad byte by utf8proc alone, a character at a time (the
 * definition that rg_utf8_valid's blocks must agree with); len when none. */
static size_t first_bad_by_utf8proc(const unsigned char *s, size_t len) {
  for (size_t i = 0; i < len;) {
    utf8proc_int32_t cp;
    size_t rest = len - i;
    utf8proc_ssize_t n = utf8proc_iterate(s + i, rest > 4 ? 4 : (utf8proc_ssize_t)rest, &cp);
    if (n <= 0 || cp < 0) return i;
    i += (size_t)n;
  }
  return len;
}

/* rg_utf8_valid reads 32 bytes at a time where the processor has AVX2,
 * each byte judged with the three before it: every pair of bytes, then
 * third and fourth bytes that end, continue or break a character, put
 * across the boundary of two blocks in ASCII text: the answer and the
 * first bad byte are utf8proc's. */
Test(decode, utf8_sequences_across_a_block_boundary_as_utf8proc_reads_them) {
  static const unsigned char THIRD[] = {0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 'x', 0xC3},
                             FOURTH[] = {0x80, 0xBF, 'x', 0xE5};
  int valid = 0, bad_seen = 0;
  for (int a = 0x80; a <= 0xFF; a++)
    for (int b = 0; b < 256; b++)
      for (size_t t = 0; t < sizeof THIRD; t++)
        for (size_t f = 0; f < sizeof FOURTH; f++)
          for (size_t at = 29; at <= 32; at++) {
            unsigned char s[96];
            memset(s, 'x', sizeof s);
            s[at] = (unsigned char)a;
            s[at + 1] = (unsigned char)b;
            s[at + 2] = THIRD[t];
            s[at + 3] = FOURTH[f];
            size_t want = first_bad_by_utf8proc(s, sizeof s), bad = 12345;
            int ok = rg_utf8_valid((const char *)s, sizeof s, &bad);
            if (ok != (want == sizeof s) || (!ok && bad != want))
              cr_assert_fail("%02x %02x %02x %02x at %zu: %d (bad %zu), utf8proc %zu", a, b,
                             THIRD[t], FOURTH[f], at, ok, bad, want);
            valid += ok;
            bad_seen += !ok;
          }
  cr_expect_gt(valid, 10000);
  cr_expect_gt(bad_seen, 100000);
}

/* rg_utf8_valid reads plain blocks sixteen bytes at a time: random texts
 * (fixed seed) long enough for blocks, of ASCII, common CJK, the leads
 * that need more than their continuation bytes (E0, ED, EE, two- and
 * four-byte characters) and bad or cut sequences, at every alignment:
 * the answer and the first bad byte are utf8proc's. */
Test(decode, utf8_blocks_agree_with_utf8proc_on_random_texts) {
  static const char *const PIECE[] = {"a",
                                      "0",
                                      " ",
                                      "\n",
                                      "市",
                                      "局",
                                      "、",
                                      "。",
                                      "\xE1\x80\x80",
                                      "\xEC\xBF\xBF",
                                      "\xE0\xA0\x80",
                                      "\xED\x9F\xBF",
                                      "\xEE\x80\x80",
                                      "\xC2\xA9",
                                      "\xF0\x9F\x98\x80",
                                      "\xE0\x80\x80",
                                      "\xED\xA0\x80",
                                      "\xE5\xB8",
                                      "\xE5",
                                      "\x80",
                                      "\xBF",
                                      "\xFF",
                                      "\xC0\xAF",
                                      "\xF5\x80\x80\x80"};
  const unsigned np = sizeof PIECE / sizeof *PIECE, good = 15; /* the first 15 are valid */
  unsigned long long r = 2024;
  int valid = 0;
  for (int t = 0; t < 40000; t++) {
    unsigned char buf[600];
    size_t n = 0;
    rg_test_next(&r);
    int pieces = 1 + (int)((r >> 33) % 150), odd = (int)((r >> 45) % 3);
    for (int k = 0; k < pieces; k++) {
      rg_test_next(&r);
      unsigned pick = (unsigned)(r >> 33);
      /* mostly common CJK and ASCII; some texts with rarer or bad pieces */
      const char *p = odd == 0 && (r >> 55) % 24 == 0   ? PIECE[pick % np]
                      : odd == 1 && (r >> 55) % 24 == 0 ? PIECE[pick % good]
                                                        : PIECE[pick % 8];
      size_t m = strlen(p);
      memcpy(buf + n, p, m);
      n += m;
    }
    size_t want = first_bad_by_utf8proc(buf, n), bad = 12345;
    int ok = rg_utf8_valid((const char *)buf, n, &bad);
    cr_assert_eq(ok, want == n, "text %d (%zu bytes)", t, n);
    if (!ok) cr_assert_eq(bad, want, "text %d", t);
    valid += ok;
  }
  cr_expect_gt(valid, 15000); /* both answers, many times */
  cr_expect_lt(valid, 38000);
}
