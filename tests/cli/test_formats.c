/* test_formats.c - plans as published (Word, Excel, PDF) through the built
 * respgraph: the bundled plan in every container gives exactly the links of
 * its text form; real plans converted by common tools read as their web
 * pages do; every damaged or hostile file is one `respgraph:` line, exit 1.
 * Fixtures: tests/data/formats/office/ (made by make-office.py,
 * make-office-converted.sh, make-features.py), tests/data/bad/office/. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/common.h"

#define OFFICE RG_TEST_DATA "/formats/office/"

/* Drop the last field (the line column) of every CSV line, in place. The
 * columns before it (task, role, unit, kind, chapter) never hold a comma:
 * unit names are split at commas. */
static void drop_last_field(char *s) {
  char *w = s;
  for (char *line = s; *line;) {
    char *nl = strchr(line, '\n');
    size_t n = nl ? (size_t)(nl - line) : strlen(line);
    char *comma = NULL;
    for (size_t i = 0; i < n; i++)
      if (line[i] == ',') comma = line + i;
    size_t keep = comma ? (size_t)(comma - line) : n;
    memmove(w, line, keep);
    w += keep;
    if (nl) *w++ = '\n';
    line = nl ? nl + 1 : line + n;
  }
  *w = '\0';
}

/* The seed in a container: edges equal the text's golden edges, column by
 * column, except the location column (line numbers there, ¶N / sheet!A5 /
 * pN:M here). */
static void expect_seed_edges(const char *file, const char *loc_prefix) {
  char args[1024];
  snprintf(args, sizeof args, "edges '%s%s' -f csv", OFFICE, file);
  rg_test_run r = rg_test_respgraph(args);
  cr_assert_eq(r.code, 0, "%s: %s", file, r.err);
  char *want = rg_test_slurp(RG_TEST_DATA "/shenyang-2026.edges.csv", NULL);
  cr_assert_not_null(want);
  /* the location column names the container's places */
  const char *second = strchr(r.out, '\n') + 1;
  char *row = strndup(second, (size_t)(strchr(second, '\n') - second));
  const char *loc = strrchr(row, ',') + 1;
  cr_expect(!strncmp(loc, loc_prefix, strlen(loc_prefix)), "%s: first location %s", file, loc);
  free(row);
  drop_last_field(r.out);
  drop_last_field(want);
  cr_expect_str_eq(r.out, want, "%s: edges differ from the text's", file);
  free(want);
  rg_test_run_free(&r);
}

Test(formats, seed_as_generated_docx_with_automatic_numbering) {
  expect_seed_edges("seed-autonum.docx", "\xC2\xB6");
}
Test(formats, seed_as_pandoc_docx_with_automatic_numbering) {
  expect_seed_edges("seed-pandoc.docx", "\xC2\xB6");
}
Test(formats, seed_docx_resaved_by_libreoffice_with_its_own_numbering) {
  expect_seed_edges("seed-libreoffice.docx", "\xC2\xB6");
}
Test(formats, seed_table_as_openpyxl_xlsx) { expect_seed_edges("seed-table.xlsx", "任务分工!A"); }
Test(formats, seed_table_as_libreoffice_xlsx) {
  expect_seed_edges("seed-table-libreoffice.xlsx", "seed-table!A");
}
Test(formats, seed_page_printed_by_chromium) { expect_seed_edges("seed-chromium.pdf", "p1:"); }
Test(formats, seed_docx_printed_by_libreoffice) {
  expect_seed_edges("seed-libreoffice.pdf", "p1:");
}
Test(formats, seed_with_running_title_and_page_numbers_printed_by_libreoffice) {
  expect_seed_edges("seed-headers.pdf", "p1:");
}
Test(formats, seed_table_printed_by_chromium_is_recovered_from_positions) {
  expect_seed_edges("seed-table-chromium.pdf", "p1:");
}

Test(formats, the_seed_docx_has_466_concrete_links_and_its_numbers_are_not_in_the_text) {
  rg_test_run r = rg_test_respgraph("units '" OFFICE "seed-autonum.docx' -f json");
  cr_assert_eq(r.code, 0, "%s", r.err);
  rg_test_run_free(&r);
  /* the numbers come from numbering.xml: the document text has none */
  cr_assert_eq(
      system("unzip -p '" OFFICE "seed-autonum.docx' word/document.xml | grep -q '>1\\.准确把握'"),
      256);
  rg_test_run p = rg_test_respgraph("parse '" OFFICE "seed-autonum.docx' -f csv");
  cr_assert_eq(p.code, 0);
  cr_expect(strstr(p.out, "\n178,178,") != NULL, "task 178 numbered by Word's list");
  rg_test_run_free(&p);
}

/* Real plans (../shared/corpus, also tests/data/corpus) saved as .docx by
 * LibreOffice and pandoc and printed to PDF by Chromium: the tasks (number,
 * leads, supports, text) are those read from the web page (golden
 * *.tasks.csv, checked against the page too). */
static void expect_tasks(const char *file, const char *golden) {
  char args[1024];
  snprintf(args, sizeof args, "parse '%s%s' -f csv --columns task,leads,supports,text", OFFICE,
           file);
  rg_test_run r = rg_test_respgraph(args);
  char path[1024];
  snprintf(path, sizeof path, "%s%s", OFFICE, golden);
  char *want = rg_test_slurp(path, NULL);
  cr_assert_not_null(want);
  cr_expect_str_eq(r.out, want, "%s: %s", file, r.err);
  rg_test_run_free(&r);
  /* and the web page it was made from (tests/data/corpus) reads the same */
  size_t stem = strlen(golden) - strlen(".tasks.csv");
  snprintf(args, sizeof args,
           "parse '%s/corpus/%.*s.html' -f csv --columns task,leads,supports,text", RG_TEST_DATA,
           (int)stem, golden);
  r = rg_test_respgraph(args);
  cr_expect_str_eq(r.out, want, "%s: the page reads otherwise", golden);
  free(want);
  rg_test_run_free(&r);
}

Test(formats, real_plan_saved_as_docx_by_libreoffice) {
  expect_tasks("cn-2018-wastefreecity.docx", "cn-2018-wastefreecity.tasks.csv");
}
Test(formats, real_plan_converted_to_docx_by_pandoc) {
  expect_tasks("cn-2005-grainemergency.docx", "cn-2005-grainemergency.tasks.csv");
}
Test(formats, real_plan_printed_to_pdf_by_chromium) {
  expect_tasks("cn-2004-sichuanreply.pdf", "cn-2004-sichuanreply.tasks.csv");
}

Test(formats, docx_task_table_with_two_level_header_vmerge_and_nested_table) {
  rg_test_run r = rg_test_respgraph("parse '" OFFICE "features-table.docx' -f csv");
  cr_assert_eq(r.code, 0, "%s", r.err);
  cr_expect_str_eq(r.out,
                   "task,ordinal,chapter,section,leads,supports,open_list,deadline,line,text\n"
                   "1,1,,,市数据局,市财政局;市委网信办,false,,table 1 row 3,建设数字政府。\n"
                   "2,2,,,市数据局,市营商局,false,,table 1 row 4,推进一网通办。\n");
  rg_test_run_free(&r);
}

Test(formats, docx_numbering_tracked_changes_hidden_text_and_breaks) {
  rg_test_run r = rg_test_respgraph("parse '" OFFICE "features.docx' -f csv");
  cr_assert_eq(r.code, 0, "%s", r.err);
  cr_expect_str_eq(r.out,
                   "task,ordinal,chapter,section,leads,supports,open_list,deadline,line,text\n"
                   /* ③ ④ (decimalEnclosedCircle) number tasks (issue 19: a circled
                    * number starts nothing else), so 3 is printed in two chapters
                    * and the ids carry the chapter */
                   "一.1,1,一,,市国资委,,false,,\xC2\xB6"
                   "3,推进国资国企改革。\n"
                   "一.2,2,一,,市发展改革委,市自然资源局;市数据局,false,,\xC2\xB6"
                   "6,推进要素市场化配置。\n"
                   "一.3,3,一,,市营商局,,false,,\xC2\xB6"
                   "9,推进营商环境改革攻坚。\n"
                   "二.3,4,二,,市商务局,市贸促会,false,,\xC2\xB6"
                   "12,办好进博会沈阳交易团工作。\n"
                   "二.4,5,二,,市商务局,市发展改革委;市市场监管局,false,,\xC2\xB6"
                   "13,推进自贸试验区建设。\n");
  rg_test_run_free(&r);
  /* the sub-items 1.1 and 2.1 (numbering level 2, %1.%2) are not tasks: said */
  r = rg_test_respgraph("check '" OFFICE "features.docx'");
  cr_expect(strstr(r.out, "features.docx:\xC2\xB6"
                          "5: warning: '1.1' starts like a numbered item") != NULL,
            "%s", r.out);
  cr_expect(strstr(r.out, "features.docx:\xC2\xB6"
                          "8: warning: '2.1' starts like a numbered item") != NULL,
            "%s", r.out);
  rg_test_run_free(&r);
}

Test(formats, xlsx_merged_rows_dates_hidden_cells_and_locations) {
  rg_test_run r = rg_test_respgraph("parse '" OFFICE "features.xlsx' -f csv");
  cr_assert_eq(r.code, 0, "%s", r.err);
  cr_expect_str_eq(r.out,
                   "task,ordinal,chapter,section,leads,supports,open_list,deadline,line,text,"
                   "due_kind,due_from,due_by,milestone\n"
                   "1,1,一,,市国资委,市财政局,false,2026年6月30日,任务!A4,推进国资国企改革。,"
                   "dated,2026-01-01,2026-06-30,\n"
                   "2,2,一,,市国资委,市审计局,false,,任务!A5,完善国资监管体制。,,,,\n"
                   "3,3,二,,市商务局,市贸促会,false,,任务!A7,办好进博会沈阳交易团工作。,,,,\n");
  rg_test_run_free(&r);
  rg_test_run c = rg_test_respgraph("check '" OFFICE "features.xlsx'");
  cr_assert_eq(c.code, 0);
  cr_expect_str_eq(c.err, "");
  cr_expect(strstr(c.out, "features.xlsx:任务!A5: warning: row 5 is hidden in sheet 任务") != NULL,
            "%s", c.out);
  cr_expect(strstr(c.out, "features.xlsx:任务!E1: warning: column E is hidden in sheet 任务") !=
                NULL,
            "%s", c.out);
  rg_test_run_free(&c);
}

Test(formats, xlsx_sheet_option) {
  rg_test_run r = rg_test_respgraph("edges '" OFFICE "features.xlsx' --sheet 任务 -f csv");
  cr_expect_eq(r.code, 0, "%s", r.err);
  rg_test_run_free(&r);
  rg_test_run n = rg_test_respgraph("edges '" OFFICE "features.xlsx' --sheet 2 -f csv");
  cr_expect_eq(n.code, 0, "%s", n.err);
  rg_test_run_free(&n);
  rg_test_run bad = rg_test_respgraph("edges '" OFFICE "features.xlsx' --sheet 附表");
  cr_expect_eq(bad.code, 1);
  cr_expect(strstr(bad.err, "no sheet named '附表' (sheets: 说明, 任务)") != NULL, "%s", bad.err);
  rg_test_run_free(&bad);
  rg_test_run text = rg_test_respgraph("edges '" OFFICE "features.xlsx' --sheet 说明");
  cr_expect_eq(text.code, 1, "a sheet with no task is an error");
  rg_test_run_free(&text);
}

Test(formats, location_of_a_row_error_names_the_sheet_cell) {
  /* detection is by content: the name does not matter */
  cr_assert_eq(system("cp '" OFFICE "features.xlsx' fmt-renamed-$PPID.txt"), 0);
  char args[128];
  snprintf(args, sizeof args, "edges fmt-renamed-%d.txt -f csv", (int)getpid());
  rg_test_run r = rg_test_respgraph(args);
  cr_expect_eq(r.code, 0, "%s", r.err);
  cr_expect(strstr(r.out, "任务!A7") != NULL);
  rg_test_run_free(&r);
  char rm[128];
  snprintf(rm, sizeof rm, "fmt-renamed-%d.txt", (int)getpid());
  remove(rm);
}

static void expect_bad(const char *file, const char *fragment) {
  char args[1024];
  snprintf(args, sizeof args, "check '%s/bad/office/%s'", RG_TEST_DATA, file);
  rg_test_run r = rg_test_respgraph(args);
  cr_expect_eq(r.code, 1, "%s: exit %d", file, r.code);
  cr_expect(!strncmp(r.err, "respgraph: ", 11), "%s: %s", file, r.err);
  int lines = 0;
  for (const char *p = r.err; *p; p++)
    lines += *p == '\n';
  cr_expect_eq(lines, 1, "%s: one line, got: %s", file, r.err);
  cr_expect(strstr(r.err, fragment) != NULL, "%s: %s", file, r.err);
  cr_expect_str_eq(r.out, "");
  rg_test_run_free(&r);
}

Test(formats, truncated_zip) { expect_bad("truncated.docx", "not a readable ZIP archive"); }
Test(formats, zip_bomb_by_ratio) { expect_bad("bomb.docx", "refused as a possible zip bomb"); }
Test(formats, zip_part_claiming_3_gib) {
  expect_bad("huge-part.docx", "inflates to 3221225472 bytes");
}
Test(formats, missing_main_part) {
  expect_bad("missing-part.docx", "missing part word/document.xml");
}
Test(formats, malformed_xml) { expect_bad("malformed.xlsx", "not well-formed XML"); }
Test(formats, external_entity_is_never_loaded) { expect_bad("xxe.docx", "DOCTYPE"); }
Test(formats, encrypted_office_document) { expect_bad("encrypted.docx", "password-protected"); }
Test(formats, encrypted_pdf) { expect_bad("encrypted.pdf", "password-protected"); }
Test(formats, scanned_pdf_needs_ocr) { expect_bad("scanned.pdf", "run OCR on it first"); }
Test(formats, truncated_pdf) { expect_bad("truncated.pdf", "not a readable PDF"); }
Test(formats, legacy_word_or_wps) { expect_bad("legacy.doc", "save it as .docx or PDF"); }
Test(formats, legacy_excel_or_et) { expect_bad("legacy.et", "save it as .xlsx or PDF"); }

Test(formats, traditional_docx_is_converted_like_a_text_plan) {
  rg_test_run a = rg_test_respgraph("edges '" RG_TEST_DATA "/formats/text/traditional.txt' -f csv");
  rg_test_run b = rg_test_respgraph("edges '" OFFICE "traditional.docx' -f csv");
  cr_assert_eq(b.code, 0, "%s", b.err);
  drop_last_field(a.out);
  drop_last_field(b.out);
  cr_expect_str_eq(b.out, a.out);
  rg_test_run_free(&a);
  rg_test_run_free(&b);
}

/* The report names container places where it names lines: tasks.csv's line
 * column, the workbook's 任务 and 诊断 sheets, the page's 诊断 table hold the
 * location; report.json keeps "line" a number and adds "location". */
Test(formats, report_names_locations_of_a_workbook_plan) {
  char dir[64], args[256], path[128];
  snprintf(dir, sizeof dir, "fmt-report-%d", (int)getpid());
  snprintf(args, sizeof args, "report '" OFFICE "features.xlsx' -o %s", dir);
  rg_test_run r = rg_test_respgraph(args);
  cr_assert_eq(r.code, 0, "%s", r.err);
  rg_test_run_free(&r);
  snprintf(path, sizeof path, "%s/tasks.csv", dir);
  char *csv = rg_test_slurp(path, NULL);
  cr_assert_not_null(csv);
  cr_expect(strstr(csv, "1,1,一,推进国资国企改革。,市国资委,市财政局,2026年6月30日,false,任务!A4,"
                        "dated,2026-01-01,2026-06-30,\n"),
            "%s", csv);
  free(csv);
  snprintf(path, sizeof path, "%s/report.json", dir);
  char *json = rg_test_slurp(path, NULL);
  cr_assert_not_null(json);
  cr_expect(strstr(json, "\"line\": 3,\n   \"location\": \"任务!A4\","), "%s", json);
  cr_expect(strstr(json, "\"line\": 7,\n   \"location\": \"任务!A5\","), "%s", json);
  free(json);
  snprintf(path, sizeof path, "%s/index.html", dir);
  char *html = rg_test_slurp(path, NULL);
  cr_assert_not_null(html);
  cr_expect(strstr(html, "features.xlsx:任务!E1") != NULL);
  free(html);
  snprintf(args, sizeof args, "unzip -p %s/report.xlsx xl/sharedStrings.xml | grep -q '>任务!A7<'",
           dir);
  cr_expect_eq(system(args), 0, "the 任务 sheet holds the location as text");
  snprintf(args, sizeof args, "rm -r %s", dir);
  cr_assert_eq(system(args), 0);
}

/* libxml2's complaints about a page (an id defined twice, stray end tags) are
 * not respgraph's messages: since html.c parses without HTML_PARSE_NOERROR
 * (its error handler bounds the work of deep pages), they must stay silent. */
Test(formats, html_parser_complaints_do_not_reach_stderr) {
  rg_test_run r = rg_test_respgraph("check '" RG_TEST_DATA "/formats/html/duplicate-ids.html'");
  cr_expect_eq(r.code, 0);
  cr_expect_str_eq(r.err, "");
  cr_expect(strstr(r.out, "read        1 tasks, 1 links") != NULL, "%s", r.out);
  rg_test_run_free(&r);
}
