/* test_csv.c - CSV/TSV plans: headers, unit cells, deadlines, long form, errors. */
#include <criterion/criterion.h>
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csv_reader.h"
#include "load.h"
#include "rows.h"

#define CSV_DIR RG_TEST_DATA "/formats/csv/"

static rg_plan *load_csv(const char *path, const char *columns) {
  rg_load_opts o = {.format = RG_INPUT_CSV, .columns = columns};
  rg_plan *p = NULL;
  rg_error err;
  rg_error_clear(&err);
  rg_status st = rg_plan_load(path, &o, &p, &err);
  char buf[1200];
  rg_error_format(&err, buf, sizeof buf);
  cr_assert_eq(st, RG_OK, "%s", buf);
  return p;
}

/* The error message of a failing load, formatted as file:line: message. */
static char *load_error(const char *path, const char *columns, rg_status want) {
  rg_load_opts o = {.format = RG_INPUT_CSV, .columns = columns};
  rg_plan *p = NULL;
  rg_error err;
  rg_error_clear(&err);
  rg_status st = rg_plan_load(path, &o, &p, &err);
  cr_assert_eq(st, want, "status %d", st);
  cr_assert_null(p);
  char *buf = malloc(1200);
  rg_error_format(&err, buf, 1200);
  return buf;
}

/* The links of task t as "lead:A|support:B" in the plan's task order. */
static char *links_of(const rg_plan *p, int t) {
  char *out = calloc(1, 4096);
  const rg_task *k = &p->tasks[t];
  for (int j = 0; j < k->link_count; j++) {
    const rg_link *l = &p->links[p->task_links[k->link_begin + j]];
    if (j) strcat(out, "|");
    strcat(out, rg_role_name(l->role));
    strcat(out, ":");
    strcat(out, p->units[l->unit].name);
  }
  return out;
}

#define EXPECT_LINKS(p, t, want)                                                                   \
  do {                                                                                             \
    char *got = links_of(p, t);                                                                    \
    cr_expect_str_eq(got, want, "task %d", t);                                                     \
    free(got);                                                                                     \
  } while (0)

Test(csv, reads_a_wide_table_with_chinese_headers) {
  rg_plan *p = load_csv(CSV_DIR "wide-zh.csv", NULL);
  cr_assert_eq(p->n_tasks, 4);
  cr_expect_str_eq(p->meta.title, "2026年重点工作任务分工表");
  cr_expect_str_eq(p->tasks[0].number, "1");
  cr_expect_str_eq(p->tasks[0].text, "推进数字政府建设,\n建成一网通办");
  cr_expect_str_eq(p->tasks[0].original, "推进数字政府建设，\n建成一网通办");
  cr_expect_eq(p->tasks[0].line, 4);
  EXPECT_LINKS(p, 0, "lead:市发展改革委|support:市商务局|support:市财政局");
  EXPECT_LINKS(p, 1, "lead:市营商局");
  EXPECT_LINKS(p, 2, "lead:省市场监管局");
  /* a line break in a unit cell separates units; the last row, with an
   * empty task cell, continues task 4 (a merged spreadsheet cell) */
  EXPECT_LINKS(p, 3,
               "lead:市数据局|support:各区、县(市)政府|support:市工业和信息化局|support:市财政局");
  cr_expect_eq(p->tasks[3].line, 9);
  rg_plan_free(p);
}

Test(csv, turns_merged_heading_rows_into_chapters_and_sections) {
  rg_plan *p = load_csv(CSV_DIR "wide-zh.csv", NULL);
  cr_assert_eq(p->n_chapters, 1);
  cr_expect_str_eq(p->chapters[0].number, "一");
  cr_expect_str_eq(p->chapters[0].title, "扩大有效需求");
  cr_expect_eq(p->chapters[0].line, 3);
  cr_assert_eq(p->n_sections, 1);
  cr_expect_str_eq(p->sections[0].number, "一");
  cr_expect_str_eq(p->sections[0].title, "培育新动能");
  cr_expect_eq(p->sections[0].parent, 0);
  cr_expect_eq(p->tasks[1].chapter, 0);
  cr_expect_eq(p->tasks[1].section, -1);
  cr_expect_eq(p->tasks[2].section, 0);
  rg_plan_free(p);
}

Test(csv, keeps_deadlines_as_printed) {
  rg_plan *p = load_csv(CSV_DIR "wide-zh.csv", NULL);
  cr_expect_str_eq(p->tasks[0].deadline, "2026年6月底前");
  cr_expect_str_eq(p->tasks[1].deadline, "持续推进");
  cr_expect_null(p->tasks[2].deadline);
  cr_expect_str_eq(p->tasks[3].deadline, "2026年底前");
  rg_plan_free(p);
}

Test(csv, reads_a_second_name_in_parentheses_as_an_alias_not_a_unit) {
  rg_plan *p = load_csv(CSV_DIR "wide-zh.csv", NULL);
  int u = rg_plan_find_unit(p, "省市场监管局");
  cr_assert_geq(u, 0);
  cr_assert_eq(p->units[u].n_aliases, 1);
  cr_expect_str_eq(p->units[u].aliases[0], "省知识产权局");
  cr_expect_eq(rg_plan_find_unit(p, "省知识产权局"), -1);
  cr_expect_eq(p->tasks[2].link_count, 1);
  rg_plan_free(p);
}

Test(csv, reads_none_markers_as_no_units) {
  /* 无 (task 2), — (task 3) in wide-zh; - in wide-en; / in the TSV; 空 in columns.csv */
  rg_plan *p = load_csv(CSV_DIR "wide-zh.csv", NULL);
  cr_expect_eq(p->tasks[1].link_count, 1);
  cr_expect_eq(p->tasks[2].link_count, 1);
  rg_plan_free(p);
  p = load_csv(CSV_DIR "wide-en.csv", NULL);
  EXPECT_LINKS(p, 1, "lead:市生态环境局");
  rg_plan_free(p);
  p = load_csv(CSV_DIR "wide.tsv", NULL);
  EXPECT_LINKS(p, 1, "lead:市应急局");
  rg_plan_free(p);
  p = load_csv(CSV_DIR "columns.csv", "task=事项,lead=主办,support=协办,deadline=期限");
  EXPECT_LINKS(p, 1, "lead:市林草局");
  rg_plan_free(p);
}

Test(csv, reads_english_headers) {
  rg_plan *p = load_csv(CSV_DIR "wide-en.csv", NULL);
  cr_assert_eq(p->n_tasks, 2);
  cr_expect_str_eq(p->tasks[0].text, "Build the metro");
  cr_expect_str_eq(p->tasks[0].deadline, "2026");
  EXPECT_LINKS(p, 0, "lead:市交通局|support:市财政局|support:市自然资源局");
  rg_plan_free(p);
}

Test(csv, reads_tab_separated_values) {
  rg_plan *p = load_csv(CSV_DIR "wide.tsv", NULL);
  cr_assert_eq(p->n_tasks, 2);
  cr_expect_str_eq(p->tasks[0].text, "推进\"十五五\"规划编制");
  EXPECT_LINKS(p, 0, "lead:市发展改革委|support:市统计局");
  rg_plan_free(p);
}

Test(csv, maps_other_headers_with_columns_option) {
  rg_plan *p = load_csv(CSV_DIR "columns.csv", "task=事项,lead=主办,support=协办,deadline=期限");
  cr_assert_eq(p->n_tasks, 2);
  cr_expect_str_eq(p->tasks[0].number, "1");
  cr_expect_str_eq(p->tasks[0].text, "修路");
  cr_expect_str_eq(p->tasks[0].deadline, "六月");
  EXPECT_LINKS(p, 0, "lead:市交通局|support:市财政局");
  rg_plan_free(p);
  /* typed with a Chinese input method: full-width ， and ＝ */
  p = load_csv(CSV_DIR "columns.csv", "task＝事项，lead＝主办，support＝协办");
  EXPECT_LINKS(p, 0, "lead:市交通局|support:市财政局");
  rg_plan_free(p);
  /* columns can also be named by 1-based position */
  p = load_csv(CSV_DIR "columns.csv", "task=2,lead=3,support=4");
  EXPECT_LINKS(p, 0, "lead:市交通局|support:市财政局");
  /* 期限 is read as the deadline by its meaning (headers.h), mapped or not */
  cr_expect_str_eq(p->tasks[0].deadline, "六月");
  rg_plan_free(p);
  /* and the whole header is understood without --columns: 编号 事项 主办 协办 期限 */
  p = load_csv(CSV_DIR "columns.csv", NULL);
  EXPECT_LINKS(p, 0, "lead:市交通局|support:市财政局");
  rg_plan_free(p);
}

Test(csv, takes_the_number_printed_in_the_task_text_else_the_ordinal) {
  rg_plan *p = load_csv(CSV_DIR "numbered.csv", NULL);
  cr_assert_eq(p->n_tasks, 4);
  cr_expect_str_eq(p->tasks[0].number, "1");
  cr_expect_str_eq(p->tasks[0].text, "推进数字政府建设");
  cr_expect_str_eq(p->tasks[1].number, "2");
  cr_expect_str_eq(p->tasks[1].text, "优化营商环境");
  cr_expect_str_eq(p->tasks[2].number, "3");
  cr_expect_str_eq(p->tasks[2].text, "加强知识产权保护");
  cr_expect_str_eq(p->tasks[3].number, "4");
  cr_expect_str_eq(p->tasks[3].text, "建设智慧城市");
  rg_plan_free(p);
}

Test(csv, reads_the_long_form_with_canonical_names_grouped_by_task) {
  rg_plan *p = load_csv(CSV_DIR "long.csv", NULL);
  cr_assert_eq(p->n_tasks, 2);
  cr_expect_str_eq(p->tasks[0].number, "1");
  cr_expect_str_eq(p->tasks[1].number, "2");
  /* the unit name is taken whole: a collective is not split at 、 */
  EXPECT_LINKS(p, 0, "lead:市发展改革委|support:各区、县(市)政府|support:市财政局");
  EXPECT_LINKS(p, 1, "lead:市商务局");
  int c = rg_plan_find_unit(p, "各区、县(市)政府");
  cr_assert_geq(c, 0);
  cr_expect_eq(p->units[c].kind, RG_KIND_COLLECTIVE);
  cr_assert_eq(p->n_chapters, 1);
  cr_expect_str_eq(p->chapters[0].number, "一");
  cr_expect_eq(p->tasks[1].chapter, 0);
  rg_plan_free(p);
}

/* Each distinct raw cell is cleaned once and remembered (rows.c): other
 * spellings of the same number or name still reach the same task and unit. */
Test(csv, reads_other_spellings_of_a_long_form_task_or_unit_as_the_same_one) {
  rg_plan *p = load_csv(CSV_DIR "long-spellings.csv", NULL);
  cr_assert_eq(p->n_tasks, 2);
  cr_expect_str_eq(p->tasks[0].number, "1");
  cr_expect_str_eq(p->tasks[0].text, "推进甲");
  cr_expect_str_eq(p->tasks[1].number, "2");
  cr_expect_str_eq(p->tasks[1].text, "推进乙");
  cr_assert_eq(p->n_units, 3);
  /* ' 1 ' names 市发展改革委 again, as support: one link, lead kept */
  EXPECT_LINKS(p, 0, "lead:市发展改革委|support:ABC局|support:市财政局");
  EXPECT_LINKS(p, 1, "lead:ABC局|support:市财政局");
  cr_expect_eq(p->n_links, 5);
  rg_plan_free(p);
}

/* Write plan's links as respgraph's edges export does (task,role,unit,kind),
 * with libcsv's writer, into a malloc'd string. */
static char *edges_csv(const rg_plan *p, size_t *len) {
  char *buf;
  FILE *f = open_memstream(&buf, len);
  fputs("task,role,unit,kind\n", f);
  for (int t = 0; t < p->n_tasks; t++) {
    const rg_task *k = &p->tasks[t];
    for (int j = 0; j < k->link_count; j++) {
      const rg_link *l = &p->links[p->task_links[k->link_begin + j]];
      const char *f4[4] = {k->number, rg_role_name(l->role), p->units[l->unit].name,
                           rg_kind_name(p->units[l->unit].kind)};
      for (int i = 0; i < 4; i++) {
        if (i) fputc(',', f);
        csv_fwrite(f, f4[i], strlen(f4[i]));
      }
      fputc('\n', f);
    }
  }
  fclose(f);
  return buf;
}

Test(csv, reads_its_own_edges_export_back_into_the_same_graph) {
  rg_plan *a = NULL;
  rg_error err;
  cr_assert_eq(rg_plan_load(RG_EXAMPLES "/shenyang-2026.txt", NULL, &a, &err), RG_OK);
  size_t len;
  char *csv = edges_csv(a, &len);
  rg_plan *b = rg_plan_new("edges.csv");
  rg_load_opts o = {.format = RG_INPUT_CSV};
  cr_assert_eq(rg_plan_parse_buffer(b, csv, len, RG_INPUT_CSV, &o, &err), RG_OK, "%s", err.msg);
  rg_plan_finalize(b);
  /* every task with a link comes back, in order, with the same links */
  int with_links = 0;
  for (int t = 0; t < a->n_tasks; t++)
    with_links += a->tasks[t].link_count > 0;
  cr_assert_eq(b->n_tasks, with_links);
  cr_assert_eq(b->n_links, a->n_links);
  cr_assert_eq(b->n_units, a->n_units);
  for (int t = 0, bt = 0; t < a->n_tasks; t++) {
    if (!a->tasks[t].link_count) continue;
    cr_assert_str_eq(b->tasks[bt].number, a->tasks[t].number);
    char *la = links_of(a, t), *lb = links_of(b, bt);
    cr_assert_str_eq(lb, la, "task %s", a->tasks[t].number);
    free(la);
    free(lb);
    bt++;
  }
  for (int u = 0; u < b->n_units; u++) {
    int ua = rg_plan_find_unit(a, b->units[u].name);
    cr_assert_geq(ua, 0, "%s", b->units[u].name);
    cr_expect_eq(b->units[u].kind, a->units[ua].kind, "%s", b->units[u].name);
  }
  free(csv);
  rg_plan_free(a);
  rg_plan_free(b);
}

Test(csv, reports_an_unterminated_quote_at_the_line_where_its_record_starts) {
  char *msg = load_error(CSV_DIR "unterminated.csv", NULL, RG_EINPUT);
  cr_expect_str_eq(msg, CSV_DIR "unterminated.csv:3: unterminated quoted field: the record "
                                "starting here never closes its \"...\"");
  free(msg);
}

Test(csv, reports_a_ragged_row) {
  char *msg = load_error(CSV_DIR "ragged.csv", NULL, RG_EINPUT);
  cr_expect_str_eq(msg, CSV_DIR "ragged.csv:3: row has 3 fields but the header (line 1) has 4");
  free(msg);
}

Test(csv, reports_a_missing_header) {
  char *msg = load_error(CSV_DIR "noheader.csv", NULL, RG_EINPUT);
  /* the message names the header it saw and how to map it */
  cr_expect_str_eq(msg, CSV_DIR "noheader.csv:1: no recognised header row in the first 10 rows: "
                                "the header seems to be a | b | c, which names no task column and "
                                "no unit column (expected 序号, 重点任务, 牵头单位, 责任单位 or "
                                "task, lead, support); name the columns with --columns "
                                "task=NAME,lead=NAME,support=NAME");
  free(msg);
}

Test(csv, reports_a_columns_option_naming_no_column) {
  char *msg = load_error(CSV_DIR "columns.csv", "task=事项,lead=主办单位", RG_EINPUT);
  cr_expect_str_eq(msg, CSV_DIR "columns.csv:1: no header row in the first 10 rows has the "
                                "columns given by --columns task=事项,lead=主办单位 (and a task "
                                "and a lead or support column)");
  free(msg);
}

static char *parse_error(const char *csv) {
  rg_plan *p = rg_plan_new("t.csv");
  rg_error err;
  rg_error_clear(&err);
  rg_load_opts o = {.format = RG_INPUT_CSV};
  rg_status st = rg_plan_parse_buffer(p, csv, strlen(csv), RG_INPUT_CSV, &o, &err);
  cr_assert_eq(st, RG_EINPUT);
  rg_plan_free(p);
  char *buf = malloc(1200);
  rg_error_format(&err, buf, 1200);
  return buf;
}

Test(csv, reports_an_unknown_role_in_the_long_form) {
  char *msg = parse_error("task,role,unit\n1,lead,市财政局\n1,boss,市商务局\n");
  cr_expect_str_eq(msg, "t.csv:3: unknown role 'boss' (expected lead or support)");
  free(msg);
}

/* The long form is read while libcsv reads it (csv_reader.c, stream): the
 * errors still come as a reading of the whole file gives them. */
Test(csv, reports_a_later_wrong_field_count_before_an_earlier_bad_role) {
  char *msg = parse_error("task,role,unit\n1,boss,市财政局\n2,lead\n");
  cr_expect_str_eq(msg, "t.csv:3: row has 2 fields but the header (line 1) has 3");
  free(msg);
}

Test(csv, reports_an_unterminated_quote_before_a_wrong_field_count) {
  char *msg = parse_error("task,role,unit\n1,lead\n2,lead,\"市财政局\n");
  cr_expect_str_eq(msg, "t.csv:3: unterminated quoted field: the record starting here never "
                        "closes its \"...\"");
  free(msg);
}

Test(csv, reads_the_long_form_below_a_title_with_crlf_and_quoted_cells) {
  const char *csv = "某市分工方案\r\ntask,role,unit,kind\r\n1,lead,市财政局,unit\r\n"
                    "1,support,\"市商务局\",unit,,\r\n\r\n2,lead,市财政局,unit\r\n"
                    "1,lead,市商务局,unit\r\n";
  rg_plan *p = rg_plan_new("t.csv");
  rg_error err;
  rg_error_clear(&err);
  rg_load_opts o = {.format = RG_INPUT_CSV};
  cr_assert_eq(rg_plan_parse_buffer(p, csv, strlen(csv), RG_INPUT_CSV, &o, &err), RG_OK);
  cr_expect_str_eq(p->meta.title, "某市分工方案");
  cr_assert_eq(p->n_tasks, 2);
  cr_assert_eq(p->n_units, 2);
  cr_assert_eq(p->n_links, 3);
  cr_expect_eq(p->links[1].role, RG_ROLE_LEAD); /* lead wins over support */
  cr_expect_eq(p->links[1].line, 4);
  cr_expect_eq(p->tasks[1].line, 6);
  cr_expect_eq(p->n_diags, 1);
  cr_expect_str_eq(p->diags[0].code, "lead-and-support");
  rg_plan_free(p);
}

/* The long form keys its tasks by number, so their ids are distinct and
 * rg_plan_assign_ids need not sort a million of them; a task added after,
 * or before, the table still has its repeated number renamed. */
static rg_plan *long_plan(const char *csv, const char *before) {
  rg_plan *p = rg_plan_new("t.csv");
  if (before) rg_plan_add_task(p, before, "已有任务", -1, -1, 1);
  rg_error err;
  rg_error_clear(&err);
  rg_load_opts o = {.format = RG_INPUT_CSV};
  cr_assert_eq(rg_plan_parse_buffer(p, csv, strlen(csv), RG_INPUT_CSV, &o, &err), RG_OK);
  return p;
}

Test(csv, keeps_long_form_ids_and_still_renames_a_number_added_after_or_before) {
  const char *csv = "task,role,unit\n1,lead,市财政局\n2,lead,市商务局\n1,support,市商务局\n";
  rg_plan *p = long_plan(csv, NULL);
  cr_assert_eq(p->n_tasks, 2);
  cr_expect_eq(p->ids_distinct_, 1);
  rg_plan_check(p);
  cr_expect_str_eq(p->tasks[0].number, "1");
  cr_expect_str_eq(p->tasks[1].number, "2");
  int t = rg_plan_add_task(p, "1", "补充任务", -1, -1, 9);
  cr_expect_eq(p->ids_distinct_, 0);
  rg_plan_check(p);
  cr_expect_str_eq(p->tasks[t].number, "1#2");
  rg_plan_free(p);

  p = long_plan(csv, "1"); /* a task before the table: the reader cannot vouch */
  cr_assert_eq(p->n_tasks, 3);
  cr_expect_eq(p->ids_distinct_, 0);
  rg_plan_check(p);
  cr_expect_str_eq(p->tasks[1].number, "1#2");
  rg_plan_free(p);
}

Test(csv, reports_a_header_with_no_rows_below) {
  char *msg = parse_error("序号,重点任务,牵头单位\n");
  cr_expect_str_eq(msg, "t.csv:1: no task rows below the header");
  free(msg);
}

Test(csv, counts_lines_with_crlf_and_quoted_line_breaks) {
  char *msg = parse_error("title\r\n序号,任务,牵头单位\r\n1,\"a\r\nb\",市财政局\r\n2,c\r\n");
  cr_expect_str_eq(msg, "t.csv:5: row has 2 fields but the header (line 2) has 3");
  free(msg);
}

Test(csv, recognises_header_lines_for_content_detection) {
  const char *yes[] = {"序号,重点任务,牵头单位,责任单位",      "id,task,lead,support",
                       "序号\t任务内容\t牵头部门\t配合单位",   "task,role,unit,kind",
                       "\"序号\",\"工作任务\",\"牵头单位：\"", "No., Task , Lead"};
  const char *no[] = {"a,b,c", "序号,重点任务", "牵头单位,责任单位", "1.推进数字政府建设", ""};
  for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
    cr_expect(rg_csv_is_header(yes[i], strlen(yes[i])), "%s", yes[i]);
  for (size_t i = 0; i < sizeof no / sizeof *no; i++)
    cr_expect_not(rg_csv_is_header(no[i], strlen(no[i])), "%s", no[i]);
}

Test(rows, parses_html_style_rows_with_repeated_rowspan_cells) {
  /* The HTML reader repeats a rowspan cell into every row it covers: the task
   * spans two rows with different lead units; a colspan heading fills the row. */
  const char *h[] = {"序号", "重点任务", "牵头单位", "责任单位"};
  const char *r1[] = {"二、深化改革", "二、深化改革", "二、深化改革", "二、深化改革"};
  const char *r2[] = {"5", "推进国企改革", "市国资委", "市财政局"};
  const char *r3[] = {"5", "推进国企改革", "市发展改革委", "市财政局"};
  rg_row rows[] = {{h, 4, 10, NULL}, {r1, 4, 11, NULL}, {r2, 4, 12, NULL}, {r3, 4, 13, NULL}};
  rg_plan *p = rg_plan_new("t.html");
  rg_error err;
  cr_assert_eq(rg_rows_parse(p, rows, 4, NULL, &err), RG_OK);
  rg_plan_finalize(p);
  cr_assert_eq(p->n_chapters, 1);
  cr_expect_str_eq(p->chapters[0].title, "深化改革");
  cr_assert_eq(p->n_tasks, 1);
  EXPECT_LINKS(p, 0, "lead:市国资委|lead:市发展改革委|support:市财政局");
  cr_expect_eq(p->n_diags, 0);
  rg_plan_free(p);
}

Test(rows, refuses_a_header_without_unit_columns) {
  const char *h[] = {"序号", "重点任务", "备注"};
  rg_row rows[] = {{h, 3, 7, NULL}};
  rg_plan *p = rg_plan_new("t.html");
  rg_error err;
  cr_assert_eq(rg_rows_parse(p, rows, 1, NULL, &err), RG_EINPUT);
  cr_expect_eq(err.line, 7);
  /* the message names the headers it saw */
  cr_expect_str_eq(err.msg, "the header names no unit column (it reads 序号 | 重点任务 | 备注; "
                            "expected 牵头单位, 责任单位, 配合单位, lead, support, ...; or map one "
                            "with --columns lead=NAME,support=NAME)");
  rg_plan_free(p);
}

Test(csv, reads_headings_numbered_in_the_id_column) {
  rg_plan *p = load_csv(CSV_DIR "headings-in-id.csv", NULL);
  cr_assert_eq(p->n_chapters, 2);
  cr_expect_str_eq(p->chapters[0].number, "一");
  cr_expect_str_eq(p->chapters[0].title, "扩大有效需求");
  cr_expect_str_eq(p->chapters[1].number, "二");
  cr_expect_str_eq(p->chapters[1].title, "深化改革");
  cr_assert_eq(p->n_sections, 1);
  cr_expect_str_eq(p->sections[0].number, "一");
  cr_expect_str_eq(p->sections[0].title, "培育新动能");
  /* a bare task number with nothing else is a task, not a heading */
  cr_assert_eq(p->n_tasks, 3);
  cr_expect_eq(p->tasks[0].chapter, 0);
  cr_expect_eq(p->tasks[0].section, 0);
  cr_expect_eq(p->tasks[1].chapter, 1);
  cr_expect_eq(p->tasks[1].section, -1);
  cr_expect_str_eq(p->tasks[2].number, "3");
  cr_expect_eq(p->tasks[2].link_count, 0);
  rg_plan_free(p);
}

Test(csv, detects_a_header_below_title_rows) {
  const char *yes =
      "2026年重点工作任务分工表,,,\n\n,,,\n序号,重点任务,牵头单位,责任单位\n1,a,b,c\n";
  cr_expect(rg_csv_detect(yes, strlen(yes)));
  const char *no =
      "2026年重点工作任务分工表\n一、扩大内需\n1.推进数字政府建设。牵头单位：市发展改革委\n";
  cr_expect_not(rg_csv_detect(no, strlen(no)));
  cr_expect_not(rg_csv_detect("", 0));
}

/* union with the text layout: 〇 is a Chinese numeral in spreadsheet
 * headings too (it used to make 一〇、 an ordinary row) */
Test(csv, reads_a_heading_numbered_with_zero_as_a_chapter) {
  const char *csv = "序号,重点任务,牵头单位\n"
                    "一〇、其他工作,一〇、其他工作,一〇、其他工作\n"
                    "1,做好统计工作,市统计局\n";
  rg_plan *p = rg_plan_new("t.csv");
  rg_error err;
  rg_error_clear(&err);
  rg_load_opts o = {.format = RG_INPUT_CSV};
  cr_assert_eq(rg_plan_parse_buffer(p, csv, strlen(csv), RG_INPUT_CSV, &o, &err), RG_OK, "%s",
               err.msg);
  cr_assert_eq(p->n_chapters, 1);
  cr_expect_str_eq(p->chapters[0].number, "一〇");
  cr_expect_str_eq(p->chapters[0].title, "其他工作");
  cr_assert_eq(p->n_tasks, 1);
  cr_expect_eq(p->tasks[0].chapter, 0);
  rg_plan_free(p);
}

/* A big long-form CSV (just over 8 MiB: three rows a task) in a temporary
 * file. pad_to_page: blank lines up to a whole number of pages; else never
 * a whole number. bad_row > 0: that row (counted from the header, 1) is
 * replaced by `bad`. The caller unlinks path. */
static void write_big_long_csv(char *path, int pad_to_page, long bad_row, const char *bad) {
  strcpy(path, "/tmp/rg_big_XXXXXX");
  int fd = mkstemp(path);
  cr_assert_geq(fd, 0);
  FILE *f = fdopen(fd, "w");
  size_t n = (size_t)fprintf(f, "task,role,unit,kind\n");
  long row = 1;
  for (int t = 1; n < ((size_t)8 << 20) + 4096; t++)
    for (int j = 0; j < 3; j++, row++)
      n += (size_t)(row == bad_row ? fprintf(f, "%s\n", bad)
                                   : fprintf(f, "%d,%s,市单位%03d局,unit\n", t,
                                             j ? "support" : "lead", (t * 7 + j) % 500));
  long page = sysconf(_SC_PAGESIZE);
  if (pad_to_page)
    for (; n % (size_t)page; n++)
      fputc('\n', f);
  else if (n % (size_t)page == 0)
    fputc('\n', f), n++;
  fclose(f);
}

/* Load path on threads threads: the plan, or NULL and the error in msg. */
static rg_plan *load_threads(const char *path, int threads, char *msg, size_t size) {
  rg_load_opts o = {.format = RG_INPUT_CSV, .threads = threads};
  rg_plan *p = NULL;
  rg_error err;
  rg_error_clear(&err);
  msg[0] = '\0';
  if (rg_plan_load(path, &o, &p, &err) != RG_OK) rg_error_format(&err, msg, size);
  return p;
}

/* Every task's id and links, and every diagnostic, as one string. */
static char *fingerprint(const rg_plan *p) {
  size_t cap = 1 << 20, n = 0;
  char *s = malloc(cap);
  for (int t = 0; t < p->n_tasks; t++) {
    char *l = links_of(p, t);
    if (n + strlen(l) + 64 > cap) s = realloc(s, cap *= 2);
    n += (size_t)sprintf(s + n, "%s@%ld:%s\n", p->tasks[t].number, (long)p->tasks[t].line, l);
    free(l);
  }
  for (int i = 0; i < p->n_diags; i++) {
    if (n + strlen(p->diags[i].message) + 64 > cap) s = realloc(s, cap *= 2);
    n += (size_t)sprintf(s + n, "%ld %s %s\n", p->diags[i].line, p->diags[i].code,
                         p->diags[i].message);
  }
  return s;
}

/* A plan of at least 8 MiB is mapped, not read (source.c), and its rows
 * are read on two threads (csv_reader.c's pipeline) unless threads is 1;
 * one whose size is a whole number of pages is read, so that its text
 * still ends in a NUL. All four readings give the same plan. */
Test(csv, reads_a_big_plan_alike_mapped_or_read_on_one_thread_or_two) {
  char path[32], msg[1200], *want = NULL;
  for (int pad = 0; pad < 2; pad++) {
    write_big_long_csv(path, pad, 0, NULL);
    for (int threads = 1; threads <= 2; threads++) {
      rg_plan *p = load_threads(path, threads, msg, sizeof msg);
      cr_assert_not_null(p, "%s", msg);
      cr_assert_gt(p->n_tasks, 80000);
      cr_assert_eq(p->n_links, 3 * p->n_tasks);
      cr_assert_eq(p->n_units, 500);
      int t = p->n_tasks;
      char links[128];
      snprintf(links, sizeof links, "lead:市单位%03d局|support:市单位%03d局|support:市单位%03d局",
               t * 7 % 500, (t * 7 + 1) % 500, (t * 7 + 2) % 500);
      EXPECT_LINKS(p, t - 1, links);
      char *fp = fingerprint(p);
      if (!want) {
        want = fp;
      } else {
        cr_expect(!strcmp(fp, want), "pad %d, %d threads: another plan", pad, threads);
        free(fp);
      }
      rg_plan_free(p);
    }
    unlink(path);
  }
  free(want);
}

/* The errors of the rows read by the second thread are the one thread's:
 * a CSV error, a wrong field count, a refused row, deep in a big plan. */
Test(csv, reports_errors_deep_in_a_big_plan_alike_on_one_thread_or_two) {
  static const struct {
    long row;
    const char *bad, *want;
  } cases[] = {
      {180000, "7,lead,\"市单位007局,unit", "unterminated quoted field"},
      {150000, "7,lead,市单位007局", "row has 3 fields but the header (line 1) has 4"},
      {190000, "7,boss,市单位007局,unit", "unknown role 'boss' (expected lead or support)"},
  };
  for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
    char path[32], one[1200], two[1200];
    write_big_long_csv(path, 0, cases[c].row, cases[c].bad);
    rg_plan *a = load_threads(path, 1, one, sizeof one),
            *b = load_threads(path, 2, two, sizeof two);
    unlink(path);
    cr_assert_null(a, "case %zu", c);
    cr_assert_null(b, "case %zu", c);
    char line[32];
    snprintf(line, sizeof line, ":%ld: ", cases[c].row + 1);
    cr_expect(strstr(one, line) && strstr(one, cases[c].want), "%s", one);
    cr_expect_str_eq(two, one);
  }
}
