/* test_escape.c - every context escaper against hostile plan text. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"

typedef void (*writer)(FILE *, const char *);

static char *run(writer w, const char *s) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  w(f, s);
  fclose(f);
  return buf;
}

Test(escape, html_text_turns_markup_into_entities_and_keeps_quotes) {
  char *r = run(rg_escape_html_text, "<script>alert(1)</script> & \"q\" 'a' &amp;");
  cr_assert_str_eq(r, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"q\" 'a' &amp;amp;");
  free(r);
}

Test(escape, html_attribute_escapes_both_quotes_so_no_attribute_can_be_opened) {
  char *r = run(rg_escape_html_attr, "\"onmouseover=alert(2) x='");
  cr_assert_str_eq(r, "&quot;onmouseover=alert(2) x=&#39;");
  free(r);
}

Test(escape, html_replaces_invalid_utf8_and_control_characters) {
  char *r = run(rg_escape_html_text, "a\xff"
                                     "b\x01"
                                     "c\td\n市");
  cr_assert_str_eq(r, "a\xEF\xBF\xBD"
                      "b c\td\n市");
  free(r);
}

Test(escape, null_is_empty) {
  char *r = run(rg_escape_html_text, NULL);
  cr_assert_str_eq(r, "");
  free(r);
}

Test(escape, script_json_cannot_close_the_script_or_open_a_comment_and_parses_back) {
  const char *hostile = "</script><script>alert(1)</script><!-- \xE2\x80\xA8 \xE2\x80\xA9 & >";
  json_t *v = json_pack("{s:s}", "x", hostile);
  char *text = json_dumps(v, JSON_COMPACT);
  char *r = run(rg_escape_script_json, text);
  cr_assert_null(strstr(r, "</"));
  cr_assert_null(strstr(r, "<!--"));
  cr_assert_null(strchr(r, '<'));
  cr_assert_null(strchr(r, '>'));
  cr_assert_null(strchr(r, '&'));
  cr_assert_null(strstr(r, "\xE2\x80\xA8"));
  cr_assert_null(strstr(r, "\xE2\x80\xA9"));
  cr_assert_str_eq(r,
                   "{\"x\":\"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"
                   "\\u003c!-- \\u2028 \\u2029 \\u0026 \\u003e\"}");
  json_t *back = json_loads(r, 0, NULL);
  cr_assert_not_null(back);
  cr_assert_str_eq(json_string_value(json_object_get(back, "x")), hostile);
  json_decref(back);
  json_decref(v);
  free(text);
  free(r);
}

Test(escape, xml_clean_drops_what_xml_cannot_carry) {
  char *r = rg_escape_xml_clean("a\x01"
                                "b\x1f"
                                "c\xef\xbf\xbe"
                                "d\xc3"
                                "e\t\n");
  cr_assert_str_eq(r, "a b c\xEF\xBF\xBD"
                      "d\xEF\xBF\xBD"
                      "e\t\n");
  free(r);
}

Test(escape, formula_like_cells_are_those_a_spreadsheet_would_evaluate) {
  cr_assert(rg_escape_is_formula_like("=HYPERLINK(\"http://x\",\"y\")"));
  cr_assert(rg_escape_is_formula_like("+1"));
  cr_assert(rg_escape_is_formula_like("-1"));
  cr_assert(rg_escape_is_formula_like("@SUM(A1)"));
  cr_assert(rg_escape_is_formula_like("\tx"));
  cr_assert(rg_escape_is_formula_like("\rx"));
  cr_assert(rg_escape_is_formula_like("＝1+1"));
  cr_assert(rg_escape_is_formula_like("＋1"));
  cr_assert(rg_escape_is_formula_like("－1"));
  cr_assert(rg_escape_is_formula_like("＠x"));
  cr_assert_not(rg_escape_is_formula_like("市发展改革委"));
  cr_assert_not(rg_escape_is_formula_like("a=b"));
  cr_assert_not(rg_escape_is_formula_like(""));
  cr_assert_not(rg_escape_is_formula_like(NULL));
}

Test(escape, a_formula_like_cell_gets_a_leading_apostrophe_and_others_are_copied) {
  char *a = rg_escape_cell("=1+1"), *b = rg_escape_cell("@SUM(A1)"),
       *c = rg_escape_cell("市财政局");
  cr_assert_str_eq(a, "'=1+1");
  cr_assert_str_eq(b, "'@SUM(A1)");
  cr_assert_str_eq(c, "市财政局");
  free(a);
  free(b);
  free(c);
}

Test(escape, graphviz_labels_make_any_bytes_safe_text_on_one_line) {
  char *x = rg_escape_label("<b>x</b>&\"'\n\x01\xff\\N");
  cr_assert_str_eq(x, "&lt;b&gt;x&lt;/b&gt;&amp;&quot;&#39;  \xef\xbf\xbd\\N");
  free(x);
  x = rg_escape_label(NULL);
  cr_assert_str_eq(x, "");
  free(x);
}

/* One walker, four rule sets: what each context keeps of the same bytes. */
Test(escape, the_contexts_differ_only_where_documented) {
  const char *s = "a\nb\tc\rd\x7f"
                  "e\xEF\xBF\xBE"
                  "f<&>\"'";
  char *label = rg_escape_label(s), *clean = rg_escape_xml_clean(s);
  char *text = run(rg_escape_html_text, s), *attr = run(rg_escape_html_attr, s);
  cr_expect_str_eq(label, "a b c d e\xEF\xBF\xBD"
                          "f&lt;&amp;&gt;&quot;&#39;");
  cr_expect_str_eq(clean, "a\nb\tc\rd\x7f"
                          "e\xEF\xBF\xBD"
                          "f<&>\"'");
  cr_expect_str_eq(text, "a\nb\tc d e\xEF\xBF\xBE"
                         "f&lt;&amp;&gt;\"'");
  cr_expect_str_eq(attr, "a\nb\tc d e\xEF\xBF\xBE"
                         "f&lt;&amp;&gt;&quot;&#39;");
  free(label);
  free(clean);
  free(text);
  free(attr);
}

Test(escape, a_terminal_sees_control_characters_as_pictures_never_as_commands) {
  /* ESC [2J (clear screen), BEL, ESC ]0; (window title), DEL, CSI as U+009B,
   * invalid byte; tab and newline a space; text and markup unchanged */
  char *r = run(rg_escape_terminal, "市\x1b[2J局\a\x1b]0;t\x07\x7f\xc2\x9b"
                                    "1m\xff\ta\nb<&>");
  cr_assert_str_eq(r, "市\xe2\x90\x9b[2J局\xe2\x90\x87\xe2\x90\x9b]0;t\xe2\x90\x87\xe2\x90\xa1"
                      "\xef\xbf\xbd"
                      "1m\xef\xbf\xbd a b<&>");
  free(r);
  char *d = rg_escape_terminal_dup("\x01\x1f\x80\x9f 市发展改革委");
  cr_assert_str_eq(d, "\xe2\x90\x81\xe2\x90\x9f\xef\xbf\xbd\xef\xbf\xbd 市发展改革委");
  free(d);
}

/* A file name from a unit's name: letters, digits and marks of any script and
 * - _ . ( ) kept; a run of anything else is one _; no _ or . at either end;
 * cut between characters. Expected by the rule, character by character. */
Test(escape, a_file_name_keeps_what_every_system_accepts) {
  static const char *const cases[][2] = {
      {"市商务局", "市商务局"},
      {"中德(沈阳)高端装备制造产业园管委会", "中德(沈阳)高端装备制造产业园管委会"},
      {"a/b c", "a_b_c"},
      {"../../etc/passwd", "etc_passwd"},
      {".hidden", "hidden"},
      {"x:*?\"<>|y", "x_y"},
      {"A\\B#C%D", "A_B_C_D"},
      {"  市发展改革委  ", "市发展改革委"},
      {"市委/市政府办公厅。", "市委_市政府办公厅"},
      {"__a__b__", "a_b"},
      {"a.", "a"},
      {"\x1b[31m红\x07", "31m红"},
      {"\xff\xfe", ""},
      {"", ""},
      {"Café\xcc\x81", "Café\xcc\x81"}, /* a combining mark is a mark */
      {"①号", "①号"},                   /* No: a number */
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char *r = rg_escape_file_name(cases[i][0], 200);
    cr_expect_str_eq(r, cases[i][1], "case %zu", i);
    free(r);
  }
  /* cut between characters: 4 ideographs are 12 bytes; 10 keep 3 */
  char *r = rg_escape_file_name("市商务局", 10);
  cr_expect_str_eq(r, "市商务");
  free(r);
  /* the cut never leaves a separator at the end */
  r = rg_escape_file_name("ab cd", 3);
  cr_expect_str_eq(r, "ab");
  free(r);
  r = rg_escape_file_name(NULL, 10);
  cr_expect_str_eq(r, "");
  free(r);
}
