/* test_html.c - HTML pages to lines with source line numbers; noise skipped; task tables to rows;
 * the seed as a page. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "common/common.h"
#include "decode.h"
#include "html.h"
#include "load.h"

#define TEXT_DIR RG_TEST_DATA "/formats/text/"
#define HTML_DIR RG_TEST_DATA "/formats/html/"

static rg_html_doc read_html(const char *html) {
  rg_html_doc doc;
  rg_error err;
  rg_error_clear(&err);
  cr_assert_eq(rg_html_read("t.html", html, strlen(html), NULL, &doc, &err), RG_OK, "%s", err.msg);
  return doc;
}

/* The lines as "lineno|text\n..." */
static char *dump(const rg_lines *ls) {
  size_t cap = 64, n = 0;
  for (int i = 0; i < ls->n; i++)
    cap += ls->v[i].len + 24;
  char *out = malloc(cap);
  out[0] = '\0';
  for (int i = 0; i < ls->n; i++)
    n += (size_t)snprintf(out + n, cap - n, "%ld|%.*s\n", (long)ls->v[i].lineno, (int)ls->v[i].len,
                          ls->v[i].text);
  return out;
}

#define EXPECT_LINES(html, want)                                                                   \
  do {                                                                                             \
    rg_html_doc doc_ = read_html(html);                                                            \
    char *got_ = dump(&doc_.lines);                                                                \
    cr_expect_str_eq(got_, want);                                                                  \
    free(got_);                                                                                    \
    rg_html_doc_destroy(&doc_);                                                                    \
  } while (0)

Test(html, ends_lines_at_blocks_and_br_but_not_at_inline_elements) {
  EXPECT_LINES(
      "<html><body><p>1.<b>准确</b>把握<span>政策</span></p><div>牵头单位：<a>市发展改革委</a>"
      "<br>责任单位：市财政局</div><ul><li>甲</li><li>乙</li></ul><h2>二、标题</h2></body></html>",
      "1|1.准确把握政策\n1|牵头单位：市发展改革委\n1|责任单位：市财政局\n1|甲\n1|乙\n1|二、标题\n");
}

Test(html, collapses_white_space_and_decodes_entities) {
  EXPECT_LINES("<p>  1.a \t &amp;\n  b&nbsp;&nbsp;c &lt;d&gt; &#29301;&#x5934;  </p>",
               "1|1.a & b c <d> 牵头\n");
}

Test(html, keeps_the_line_breaks_of_pre) {
  EXPECT_LINES("<pre>1.甲\n牵头单位：乙\n\n2.丙</pre>", "1|1.甲\n2|牵头单位：乙\n4|2.丙\n");
}

Test(html, numbers_each_line_by_the_source_line_of_its_first_character) {
  EXPECT_LINES(
      "<html>\n<body>\n<p>\n   1.甲\n   乙\n</p>\n<p>2.丙</p><p>3.丁\n</p>\n\n<div>x<br>\ny</div>",
      "4|1.甲乙\n7|2.丙\n7|3.丁\n10|x\n11|y\n");
}

Test(html, numbers_lines_after_a_paragraph_longer_than_libxml2_text_chunks) {
  /* libxml2 delivers text in chunks of about 1000 bytes and stamps a text
   * node with the line where its first chunk ends */
  char page[8000];
  strcpy(page, "<p>\n");
  for (int i = 0; i < 300; i++)
    strcat(page, "abcdefghi\n");      /* lines 2..301 */
  strcat(page, "</p>\n<p>after</p>"); /* </p> on line 302, after on 303 */
  rg_html_doc doc = read_html(page);
  cr_assert_eq(doc.lines.n, 2);
  cr_expect_eq(doc.lines.v[0].lineno, 2);
  cr_expect_eq(doc.lines.v[1].lineno, 303);
  rg_html_doc_destroy(&doc);
}

Test(html, skips_scripts_styles_and_page_chrome) {
  EXPECT_LINES("<html><head><title>T</title><style>p{}</style></head><body>"
               "<script>document.write('<p>1.bad</p>')</script>"
               "<noscript><p>2.bad</p></noscript><template><p>3.bad</p></template>"
               "<nav><p>4.bad</p></nav><header><p>5.bad</p></header><footer>6.bad</footer>"
               "<aside>7.bad</aside><form><p>8.bad</p><select><option>9.bad</option></select>"
               "<button>10.bad</button></form><iframe>11.bad</iframe>"
               "<div class=\"MainNav\">12.bad</div><ul id=\"topmenu\"><li>13.bad</li></ul>"
               "<div class=\"breadcrumbs\">14.bad</div><div class=\"bdsharebuttonbox\">15.bad</div>"
               "<div id=\"toolbar\">16.bad</div><div class=\"site-footer\">17.bad</div>"
               "<p hidden>18.bad</p><p style=\"color:red; display: none\">19.bad</p>"
               "<p>1.good</p></body></html>",
               "1|1.good\n");
}

Test(html, reads_a_gb2312_page_with_noise_into_the_lines_of_the_plan) {
  size_t len;
  char *bytes = rg_test_slurp(HTML_DIR "page-chrome-gb2312.html", &len);
  rg_decoded d;
  rg_error err;
  cr_assert_eq(rg_decode("p", bytes, len, &d, &err), RG_OK);
  rg_html_doc doc;
  cr_assert_eq(rg_html_read("p", d.text, d.len, NULL, &doc, &err), RG_OK);
  char *got = dump(&doc.lines);
  cr_expect_str_eq(got, "13|2026年重点工作分工方案\n"
                        "14|一、扩大内需\n"
                        "15|（一）争取政策支持。\n"
                        "16|1.做好重大项目谋划储备和政策资金争取工作，支持“喆”字号企业。\n"
                        "17|牵头单位：市发展改革委\n"
                        "18|责任单位：市财政局、商务局\n"
                        "20|2.升级商品消费，激发汽车、家电 消费潜力。\n"
                        "20|牵头单位：市商务局\n"
                        "21|责任单位：市工业和信息化局\n");
  cr_expect_str_eq(doc.title, "2026年重点工作分工方案_市人民政府");
  cr_expect_eq(doc.n_tables, 0);
  free(got);
  rg_html_doc_destroy(&doc);
  rg_decoded_destroy(&d);
  free(bytes);
}

/* The cells of a task table as "lineno: a | b | c\n" per row. */
static char *dump_table(const rg_html_table *t) {
  char *out = calloc(1, 8192);
  size_t n = 0;
  for (int r = 0; r < t->n; r++) {
    n += (size_t)snprintf(out + n, 8192 - n, "%ld:", t->rows[r].lineno);
    for (int c = 0; c < t->rows[r].n; c++)
      n += (size_t)snprintf(out + n, 8192 - n, "%s%s", c ? " | " : " ", t->rows[r].cells[c]);
    n += (size_t)snprintf(out + n, 8192 - n, "\n");
  }
  return out;
}

Test(html, reads_a_task_table_as_rows_with_rowspans_repeated) {
  size_t len;
  char *page = rg_test_slurp(HTML_DIR "task-table.html", &len);
  rg_html_doc doc;
  rg_error err;
  cr_assert_eq(rg_html_read("t", page, len, NULL, &doc, &err), RG_OK);
  cr_assert_eq(doc.n_tables, 1);
  char *got = dump_table(&doc.tables[0]);
  cr_expect_str_eq(got, "5: 序号 | 重点任务 | 牵头单位 | 责任单位\n"
                        "6: 1 | 做好重大项目谋划储备。 | 市发展改革委 | 市财政局\n"
                        "7: 2 | 强化政策直达快享。 | 市发展改革委 | 市营商局\n市财政局\n"
                        "8: 3 | 升级商品消费。 | 市商务局 | 市工业和信息化局\n");
  /* the title row above the header is read as a line, like the <p> */
  char *lines = dump(&doc.lines);
  cr_expect_str_eq(lines, "2|2026年重点工作任务分工表\n4|2026年重点工作任务分工表\n");
  free(lines);
  free(got);
  rg_html_doc_destroy(&doc);
  free(page);
}

Test(html, pads_colspans_and_short_rows_to_the_header_width) {
  rg_html_doc doc =
      read_html("<table><tr><td>序号</td><td>任务</td><td>牵头单位</td><td>配合单位</td></tr>"
                "<tr><td colspan=\"4\">一、扩大内需</td></tr>"
                "<tr><td>1</td><td>甲</td><td>市商务局</td></tr></table>");
  cr_assert_eq(doc.n_tables, 1);
  char *got = dump_table(&doc.tables[0]);
  cr_expect_str_eq(
      got,
      "1: 序号 | 任务 | 牵头单位 | 配合单位\n1: 一、扩大内需 |  |  | \n1: 1 | 甲 | 市商务局 | \n");
  free(got);
  rg_html_doc_destroy(&doc);
}

Test(html, reads_a_layout_table_as_blocks) {
  EXPECT_LINES("<table><tr><td><p>1.甲</p><p>牵头单位：乙</p></td><td>右栏</td></tr></table>",
               "1|1.甲\n1|牵头单位：乙\n1|右栏\n");
}

Test(html, refuses_input_without_any_document) {
  rg_html_doc doc;
  rg_error err;
  rg_error_clear(&err);
  cr_expect_eq(rg_html_read("e.html", "", 0, NULL, &doc, &err), RG_EINPUT);
  cr_expect_eq(doc.lines.n, 0);
}

/* ------------------------------------------------------------ end to end */

/* "task,role,unit,kind" lines of a plan, in link order. */
static char *edges(const rg_plan *p) {
  size_t cap = 256, n = 0;
  for (int i = 0; i < p->n_links; i++)
    cap += 300;
  char *out = malloc(cap);
  out[0] = '\0';
  for (int i = 0; i < p->n_links; i++) {
    const rg_link *l = &p->links[p->task_links[i]];
    n += (size_t)snprintf(out + n, cap - n, "%s,%s,%s,%s\n", p->tasks[l->task].number,
                          rg_role_name(l->role), p->units[l->unit].name,
                          rg_kind_name(p->units[l->unit].kind));
  }
  return out;
}

static rg_plan *load(const char *path) {
  rg_plan *p = NULL;
  rg_error err;
  rg_error_clear(&err);
  rg_status st = rg_plan_load(path, NULL, &p, &err);
  char msg[1200];
  rg_error_format(&err, msg, sizeof msg);
  cr_assert_eq(st, RG_OK, "%s", msg);
  return p;
}

static const char *const small_plan_edges = "1,lead,市发展改革委,unit\n"
                                            "1,support,市财政局,unit\n"
                                            "1,support,市商务局,unit\n"
                                            "2,lead,市商务局,unit\n"
                                            "2,support,市工业和信息化局,unit\n";

Test(html, gives_the_same_edges_as_the_text_for_every_encoding_fixture) {
  const char *files[] = {TEXT_DIR "plan-utf8.txt",        TEXT_DIR "plan-utf8-bom.txt",
                         TEXT_DIR "plan-utf16le.txt",     TEXT_DIR "plan-utf16be.txt",
                         TEXT_DIR "plan-gbk.txt",         TEXT_DIR "plan-crlf.txt",
                         TEXT_DIR "traditional.txt",      HTML_DIR "page-chrome-gb2312.html",
                         HTML_DIR "traditional-big5.html"};
  for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
    rg_plan *p = load(files[i]);
    char *e = edges(p);
    cr_expect_str_eq(e, small_plan_edges, "%s", files[i]);
    free(e);
    rg_plan_free(p);
  }
}

Test(html, points_task_lines_to_the_html_source) {
  rg_plan *p = load(HTML_DIR "page-chrome-gb2312.html");
  cr_assert_eq(p->n_tasks, 2);
  cr_expect_eq(p->tasks[0].line, 16);
  cr_expect_eq(p->tasks[1].line, 20);
  cr_expect_eq(p->links[p->task_links[4]].line, 21);
  rg_plan_free(p);
}

Test(html, reads_a_task_table_through_the_row_reader) {
  rg_plan *p = load(HTML_DIR "task-table.html");
  char *e = edges(p);
  cr_expect_str_eq(e, "1,lead,市发展改革委,unit\n1,support,市财政局,unit\n"
                      "2,lead,市发展改革委,unit\n2,support,市营商局,unit\n2,support,市财政局,unit\n"
                      "3,lead,市商务局,unit\n3,support,市工业和信息化局,unit\n");
  cr_expect_eq(p->tasks[2].line, 8);
  free(e);
  rg_plan_free(p);
}

Test(html, makes_no_task_of_a_script_that_contains_paragraphs) {
  const char *page =
      "<html><body><script>var x = '<p>1.假任务</p><p>牵头单位：市假局</p>';</script>"
      "<p>1.真任务。</p><p>牵头单位：市商务局</p></body></html>";
  rg_plan *p = rg_plan_new("s.html");
  rg_error err;
  cr_assert_eq(rg_plan_parse_buffer(p, page, strlen(page), RG_INPUT_AUTO, NULL, &err), RG_OK);
  cr_expect_eq(p->n_tasks, 1);
  cr_expect_eq(p->n_units, 1);
  cr_expect_str_eq(p->units[0].name, "市商务局");
  rg_plan_free(p);
}

Test(html, reads_the_seed_as_a_gb2312_page_with_the_same_466_concrete_links_as_the_text) {
  rg_plan *text = load(RG_EXAMPLES "/shenyang-2026.txt");
  rg_plan *html = load(HTML_DIR "seed-gb2312.html");
  int lt = 0, lh = 0;
  cr_expect_eq(rg_plan_count_concrete_links(html, &lh), 466);
  cr_expect_eq(rg_plan_count_concrete_links(text, &lt), 466);
  cr_expect_eq(lh, lt);
  char *et = edges(text), *eh = edges(html);
  cr_expect_str_eq(eh, et);
  free(et);
  free(eh);
  cr_assert_eq(html->n_tasks, text->n_tasks);
  for (int i = 0; i < text->n_tasks; i++) {
    cr_expect_eq(html->tasks[i].line, text->tasks[i].line + 7, "task %s", text->tasks[i].number);
    cr_expect_str_eq(html->tasks[i].text, text->tasks[i].text);
  }
  cr_assert_eq(html->n_links, text->n_links);
  for (int i = 0; i < text->n_links; i++)
    cr_expect_eq(html->links[i].line, text->links[i].line + 7);
  cr_expect_str_eq(html->meta.title, text->meta.title);
  rg_plan_free(text);
  rg_plan_free(html);
}

Test(html, merges_a_two_level_header_into_one_row) {
  rg_html_doc doc = read_html(
      "<table>\n<tr><th rowspan=\"2\">序号</th><th rowspan=\"2\">重点任务</th>"
      "<th colspan=\"2\">责任单位</th></tr>\n<tr><th>牵头单位</th><th>配合单位</th></tr>\n"
      "<tr><td>1</td><td>甲</td><td>市商务局</td><td>市财政局</td></tr></table>");
  cr_assert_eq(doc.n_tables, 1);
  char *got = dump_table(&doc.tables[0]);
  cr_expect_str_eq(got,
                   "2: 序号 | 重点任务 | 牵头单位 | 配合单位\n4: 1 | 甲 | 市商务局 | 市财政局\n");
  free(got);
  rg_html_doc_destroy(&doc);
}

Test(html, keeps_a_colspan_heading_row_below_a_one_level_header) {
  rg_html_doc doc =
      read_html("<table><tr><th>序号</th><th>任务</th><th colspan=\"2\">牵头单位</th></tr>"
                "<tr><td>1</td><td>甲</td><td>市商务局</td><td></td></tr></table>");
  cr_assert_eq(doc.n_tables, 1);
  cr_expect_eq(doc.tables[0].n, 2);
  rg_html_doc_destroy(&doc);
}

Test(html, numbers_lines_of_a_crlf_page_like_an_lf_page) {
  EXPECT_LINES("<html>\r\n<body>\r\n<p>1.甲\r\n乙</p>\r\n\r\n<p>2.丙</p>\r\n</body></html>\r\n",
               "3|1.甲乙\n6|2.丙\n");
}

Test(html, drops_a_line_break_between_chinese_characters_but_keeps_other_spaces) {
  EXPECT_LINES("<p>责任单位：市发展\n  改革委、<b>市</b>\n财政局，a\nb 甲 乙，甲\n1</p>",
               "1|责任单位：市发展改革委、市财政局，a b 甲 乙，甲 1\n");
}

/* A page of n tasks, each paragraph leaving tag open (as office tools do),
 * so the tree nests one level deeper per task. */
static char *unclosed_page(int n, const char *tag) {
  rg_buf b = {0};
  rg_buf_puts(&b, "<html><head><title>沈阳市人民政府关于印发某方案的通知</title></head><body>\n");
  for (int i = 1; i <= n; i++)
    rg_buf_printf(&b, "<%s><p>%d.推进第%d项工作。（市发展改革委牵头，市财政局配合）</p>\n", tag, i,
                  i);
  rg_buf_puts(&b, "</body></html>\n");
  return b.s;
}

/* Issue 19 defect 1: libxml2 stops at 256 open elements; on main a 400-task
 * page with an unclosed <font> per paragraph gave 254 tasks, exit 0. */
Test(html, keeps_every_task_of_a_page_nested_400_deep_by_unclosed_tags) {
  static const char *const tags[] = {"font", "div", "span"};
  for (int k = 0; k < 3; k++) {
    char *page = unclosed_page(400, tags[k]);
    rg_plan *p = rg_plan_new("deep.html");
    rg_error err;
    cr_assert_eq(rg_plan_parse_buffer(p, page, strlen(page), RG_INPUT_AUTO, NULL, &err), RG_OK,
                 "%s", err.msg);
    cr_expect_eq(p->n_tasks, 400, "<%s>: %d tasks", tags[k], p->n_tasks);
    cr_expect_eq(p->n_links, 800, "<%s>", tags[k]);
    cr_expect_str_eq(p->tasks[399].number, "400");
    cr_expect_eq(p->tasks[399].line, 401); /* the title line, then one per task */
    rg_plan_free(p);
    free(page);
  }
}

/* Where the depth makes libxml2's work grow (misplaced end tags, each looked
 * for down the whole stack of open elements), the read stops with an error
 * that names the line: 40,000 open <div> then 40,000 stray </x> would be
 * 1.6e9 comparisons. */
Test(html, refuses_with_its_line_a_page_too_broken_to_read_in_bounded_time) {
  rg_buf b = {0};
  rg_buf_puts(&b, "<html><body><p>1.推进工作。（市发展改革委牵头）</p>\n");
  for (int i = 0; i < 40000; i++)
    rg_buf_puts(&b, "<div>");
  rg_buf_puts(&b, "\n");
  for (int i = 0; i < 40000; i++)
    rg_buf_puts(&b, "</x>");
  rg_buf_puts(&b, "\n<p>2.推进工作。（市财政局牵头）</p></body></html>\n");
  rg_html_doc doc;
  rg_error err;
  rg_error_clear(&err);
  cr_expect_eq(rg_html_read("t.html", b.s, b.n, NULL, &doc, &err), RG_EINPUT);
  cr_expect_eq(err.line, 3);
  cr_expect(strstr(err.msg, "40002 elements are left open") != NULL, "%s", err.msg);
  free(b.s);
}

/* Issue 19 defect 3: on a page with a task table, numbered paragraphs were
 * dropped without a word. A paragraph task that names units is read beside
 * the table's (its units interned with the page's prefix); one that repeats
 * a row's text is not read twice; one that names none is a notice and said
 * to be one. On main: 3 tasks, no warning. */
Test(html, reads_paragraph_tasks_beside_a_task_table_and_names_the_notices) {
  const char *page = "<html><head><title>沈阳市人民政府办公厅关于印发某方案的通知</title></head>"
                     "<body>\n"
                     "<table border=\"1\">\n"
                     "<tr><th>序号</th><th>重点任务</th><th>牵头单位</th><th>责任单位</th></tr>\n"
                     "<tr><td>1</td><td>做好重大项目谋划储备。</td><td>市发展改革委</td>"
                     "<td>市财政局</td></tr>\n"
                     "<tr><td>2</td><td>升级商品消费。</td><td>市商务局</td><td></td></tr>\n"
                     "</table>\n"
                     "<p>3.推进教育强市建设。（市教育局牵头，财政局配合）</p>\n"
                     "<p>4.升级商品消费。（市商务局牵头）</p>\n"
                     "<p>5.请各单位于3月底前报送工作进展。</p>\n"
                     "<p>6，稳定外贸外资。</p>\n"
                     "</body></html>\n";
  rg_plan *p = rg_plan_new("side.html");
  rg_error err;
  cr_assert_eq(rg_plan_parse_buffer(p, page, strlen(page), RG_INPUT_AUTO, NULL, &err), RG_OK, "%s",
               err.msg);
  rg_plan_finalize(p);
  char *e = edges(p);
  cr_expect_str_eq(e, "1,lead,市发展改革委,unit\n1,support,市财政局,unit\n"
                      "2,lead,市商务局,unit\n"
                      "3,lead,市教育局,unit\n3,support,市财政局,unit\n");
  free(e);
  cr_expect_eq(p->n_tasks, 3);
  cr_expect_eq(p->tasks[2].line, 7);
  cr_expect_str_eq(p->tasks[2].text, "推进教育强市建设。");
  int found = 0;
  for (int i = 0; i < p->n_diags; i++) {
    if (strcmp(p->diags[i].code, "unread-item") != 0) continue;
    found++;
    if (p->diags[i].line == 9)
      cr_expect_str_eq(p->diags[i].message, "numbered paragraph 5 beside the task table names no "
                                            "unit: read as a notice, not a task");
    else
      cr_expect_eq(p->diags[i].line, 10);
  }
  cr_expect_eq(found, 2);
  rg_plan_free(p);
}
