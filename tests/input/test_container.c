/* test_container.c - the Word, Excel and PDF readers below the text parser:
 * the exact lines and rows a container yields, with their locations. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "container.h"
#include "ooxml.h"
#include "source.h"

#define OFFICE RG_TEST_DATA "/formats/office/"

typedef struct loaded {
  rg_source src;
  rg_plan *plan;
  rg_cdoc doc;
  rg_zip *zip;
} loaded;

/* Read a .docx into its lines (not parsed). */
static void read_docx(loaded *l, const char *path) {
  rg_error err;
  memset(l, 0, sizeof *l);
  cr_assert_eq(rg_source_read(&l->src, path, &err), RG_OK, "%s", err.msg);
  l->plan = rg_plan_new(path);
  l->doc.plan = l->plan;
  cr_assert_eq(rg_zip_open(path, l->src.data, l->src.len, &l->zip, &err), RG_OK, "%s", err.msg);
  cr_assert_eq(rg_docx_read(l->zip, "word/document.xml", &l->doc, &err), RG_OK, "%s", err.msg);
}

static void unload(loaded *l) {
  rg_html_doc_destroy(&l->doc.page);
  rg_zip_close(l->zip);
  rg_plan_free(l->plan);
  rg_source_destroy(&l->src);
}

static void expect_line(loaded *l, int i, const char *text, const char *loc) {
  cr_assert_lt(i, l->doc.page.lines.n, "line %d missing", i);
  const rg_line *x = &l->doc.page.lines.v[i];
  char *got = strndup(x->text, x->len);
  cr_expect_str_eq(got, text, "line %d", i);
  char num[24];
  cr_expect_str_eq(rg_plan_loc(l->plan, x->lineno, num, sizeof num), loc, "line %d: %s", i, got);
  free(got);
}

Test(docx, lines_with_automatic_numbers_changes_boxes_and_notes) {
  loaded l;
  read_docx(&l, OFFICE "features.docx");
  int i = 0;
  expect_line(&l, i++, "市政府办公室关于印发重点工作分工方案的通知",
              "\xC2\xB6"
              "1");
  expect_line(&l, i++, "一、深化改革",
              "\xC2\xB6"
              "2");
  expect_line(&l, i++, "1.推进国资国企改革。",
              "\xC2\xB6"
              "3"); /* "%1." */
  expect_line(&l, i++, "牵头单位：市国资委",
              "\xC2\xB6"
              "4");
  expect_line(&l, i++, "1.1完善法人治理结构。",
              "\xC2\xB6"
              "5"); /* "%1.%2" */
  expect_line(&l, i++, "2.推进要素市场化配置。",
              "\xC2\xB6"
              "6");
  expect_line(&l, i++, "牵头单位：市发展改革委",
              "\xC2\xB6"
              "7"); /* w:br */
  expect_line(&l, i++, "责任单位：市自然资源局、数据局",
              "\xC2\xB6"
              "7");
  expect_line(&l, i++, "2.1优化土地要素配置。",
              "\xC2\xB6"
              "8"); /* level 2 restarted */
  expect_line(&l, i++, "3.推进营商环境改革攻坚。",
              "\xC2\xB6"
              "9"); /* w:ins kept, w:del dropped */
  expect_line(&l, i++, "牵头单位：市营商局",
              "\xC2\xB6"
              "10"); /* moveFrom, vanish dropped */
  expect_line(&l, i++, "二、扩大开放",
              "\xC2\xB6"
              "11");
  expect_line(&l, i++, "\xE2\x91\xA2办好进博会沈阳交易团工作（市商务局牵头，市贸促会配合）。",
              "\xC2\xB6"
              "12"); /* ③ */
  expect_line(
      &l, i++,
      "\xE2\x91\xA3推进自贸试验区建设（市商务局牵头，市发展改革委、市场监管局按职责分工负责）。",
      "\xC2\xB6"
      "13"); /* ④: startOverride 3, numbering from a based-on style */
  expect_line(&l, i++, "说明：表内排在第一位的为牵头单位。",
              "\xC2\xB6"
              "15"); /* the text box, once */
  expect_line(&l, i++, "本部分任务由市商务局统筹。", "footnote 1");
  cr_expect_eq(l.doc.page.lines.n, i, "no other line (the box's fallback copy is not read)");
  unload(&l);
}

Test(docx, task_table_rows_merge_the_two_level_header) {
  loaded l;
  read_docx(&l, OFFICE "features-table.docx");
  cr_assert_eq(l.doc.page.n_tables, 1);
  const rg_html_table *t = &l.doc.page.tables[0];
  cr_assert_eq(t->n, 3);
  const char *head[] = {"序号", "重点任务", "牵头单位", "配合单位"};
  const char *row1[] = {"1", "建设数字政府。", "市数据局", "市财政局\n市委网信办"};
  const char *row2[] = {"2", "推进一网通办。", "市数据局", "市营商局"};
  for (int c = 0; c < 4; c++) {
    cr_expect_str_eq(t->rows[0].cells[c], head[c]);
    cr_expect_str_eq(t->rows[1].cells[c], row1[c]);
    cr_expect_str_eq(t->rows[2].cells[c], row2[c]);
  }
  char num[24];
  cr_expect_str_eq(rg_plan_loc(l.plan, t->rows[2].lineno, num, sizeof num), "table 1 row 4");
  unload(&l);
}

Test(container, detected_by_content) {
  cr_expect_eq(rg_container_detect("PK\x03\x04rest", 8), RG_CONTAINER_ZIP);
  cr_expect_eq(rg_container_detect("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8), RG_CONTAINER_OLE2);
  cr_expect_eq(rg_container_detect("%PDF-1.7\n", 9), RG_CONTAINER_PDF);
  cr_expect_eq(rg_container_detect("\r\n%PDF-1.4", 10),
               RG_CONTAINER_PDF); /* within the first KiB */
  cr_expect_eq(rg_container_detect("1.推进改革\n牵头单位：甲", 24), RG_CONTAINER_NONE);
  cr_expect_eq(rg_container_detect("PK", 2), RG_CONTAINER_NONE);
}

Test(container, plan_locations_print_as_labels_or_numbers) {
  rg_plan *p = rg_plan_new("x");
  char num[24];
  cr_expect_str_eq(rg_plan_loc(p, 27, num, sizeof num), "27"); /* text plans */
  cr_expect_str_eq(rg_plan_loc(p, 0, num, sizeof num), "");
  long a = rg_plan_add_loc(p, "任务!C12"), b = rg_plan_add_loc(p, "p3:14");
  cr_expect_eq(a, 1);
  cr_expect_eq(b, 2);
  cr_expect_str_eq(rg_plan_loc(p, 1, num, sizeof num), "任务!C12");
  cr_expect_str_eq(rg_plan_loc(p, 2, num, sizeof num), "p3:14");
  rg_plan_free(p);
}
