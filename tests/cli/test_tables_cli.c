/* test_tables_cli.c - terminal tables an official can read (issue 16): 120
 * columns by default, --wide, --top, --sort, --columns, --unit, and "did you
 * mean" for units, columns, commands and options. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "common/common.h"
#include "table.h"

#define SEED "'" RG_EXAMPLES "/shenyang-2026.txt'"

/* The widest line of s in terminal columns (CJK = 2). */
static int widest(const char *s) {
  int w = 0;
  while (*s) {
    size_t n = strcspn(s, "\n");
    char *line = strndup(s, n);
    int lw = rg_display_width(line);
    free(line);
    if (lw > w) w = lw;
    s += n + (s[n] == '\n');
  }
  return w;
}

/* issue 16: overload printed 187 columns, units 291, clusters 706 */
Test(tables_cli, default_tables_of_the_bundled_plan_fit_120_columns) {
  const char *cmds[] = {"overload", "units", "ties", "clusters", "collectives", "parse"};
  for (size_t k = 0; k < sizeof cmds / sizeof cmds[0]; k++) {
    char args[512];
    snprintf(args, sizeof args, "%s " SEED, cmds[k]);
    rg_test_run r = rg_test_respgraph(args);
    cr_expect_eq(r.code, 0, "%s: %s", cmds[k], r.err);
    cr_expect_leq(widest(r.out), 120, "%s is %d columns wide", cmds[k], widest(r.out));
    rg_test_run_free(&r);
  }
  rg_test_run w = rg_test_respgraph("units " SEED " --wide");
  cr_expect_gt(widest(w.out), 200, "--wide shows every column");
  cr_expect_not_null(strstr(w.out, "4.531077037"), "--wide keeps exact numbers");
  rg_test_run_free(&w);
}

Test(tables_cli, numbers_are_rounded_in_the_table_and_exact_in_csv) {
  rg_test_run t = rg_test_respgraph("overload " SEED " --top 1");
  cr_expect_str_eq(t.out, "fence 13.5 = Q3 6 + 1.5 x IQR 5 (Q1 1); 5 of 65 units above it\n"
                          "unit          load  led  supported  zscore  rank  top_chapters\n"
                          "市发展改革委  35.5   22         27    4.53     1  四 11;一 7;三 6\n");
  rg_test_run c = rg_test_respgraph("overload " SEED " --top 1 -f csv --columns unit,zscore");
  cr_expect_str_eq(c.out, "unit,zscore\n市发展改革委,4.531077037\n");
  rg_test_run_free(&t);
  rg_test_run_free(&c);
}

/* issue 16: ties were sorted by name, the strongest buried */
Test(tables_cli, ties_come_strongest_first_and_unit_filters_them) {
  rg_test_run r = rg_test_respgraph("ties " SEED " -f csv --top 2 --columns unit_a,unit_b,weight");
  cr_expect_str_eq(r.out, "unit_a,unit_b,weight\n"
                          "市发展改革委,市工业和信息化局,20\n"
                          "市发展改革委,市科技局,16\n");
  /* 辽中区 has 6 partners (issue 16: the diagram drew it alone); weights
   * recomputed from `edges -f csv` in Python; equal weights by names */
  rg_test_run u =
      rg_test_respgraph("ties " SEED " -f csv --unit 辽中区 --columns unit_a,unit_b,weight");
  cr_expect_str_eq(u.out,
                   "unit_a,unit_b,weight\n"
                   "市交通运输局,辽中区政府,2\n"
                   "市商务局,辽中区政府,2\n"
                   "于洪区政府,辽中区政府,1\n"
                   "市发展改革委,辽中区政府,1\n"
                   "沈阳空港经济区管委会,辽中区政府,1\n"
                   "辽中区政府,铁西区政府,1\n",
                   "%s", u.out);
  rg_test_run_free(&r);
  rg_test_run_free(&u);
}

Test(tables_cli, sort_and_unit_work_on_units) {
  rg_test_run r =
      rg_test_respgraph("units " SEED " -f csv --sort partners --top 3 --columns unit,partners");
  /* partners recomputed from `edges -f csv` in Python: 44, 34, 30 */
  cr_expect_str_eq(r.out, "unit,partners\n市发展改革委,44\n市自然资源局,34\n市城乡建设局,30\n",
                   "%s", r.out);
  rg_test_run u = rg_test_respgraph("units " SEED " -f csv --unit 商务 --columns unit,load");
  cr_expect_str_eq(u.out, "unit,load\n市商务局,24.5\n");
  rg_test_run_free(&r);
  rg_test_run_free(&u);
}

/* issue 16: `meetings --unit 商务局` failed and nothing said "did you mean" */
Test(tables_cli, unknown_names_get_the_closest_ones) {
  rg_test_run a = rg_test_respgraph("units " SEED " --unit 市商务厅");
  cr_expect_eq(a.code, 2);
  cr_expect_str_eq(a.err, "respgraph: --unit: the plan names no unit '市商务厅'; did you mean "
                          "市商务局?\n");
  rg_test_run b = rg_test_respgraph("units " SEED " --unit 区政府");
  cr_expect_eq(b.code, 2);
  cr_expect(strstr(b.err, "'区政府' is part of several units' names; name one: "), "%s", b.err);
  rg_test_run c = rg_test_respgraph("unit " SEED);
  cr_expect_eq(c.code, 2);
  cr_expect(strstr(c.err, "respgraph: unknown command 'unit'; did you mean units?\n"), "%s", c.err);
  rg_test_run d = rg_test_respgraph("ties " SEED " --wdie");
  cr_expect_eq(d.code, 2);
  cr_expect_str_eq(d.err, "respgraph: ties does not take --wdie; did you mean --wide? (see "
                          "'respgraph ties --help')\n");
  rg_test_run e = rg_test_respgraph("ties " SEED " --sort wieght");
  cr_expect_eq(e.code, 2);
  cr_expect(strstr(e.err, "--sort: no column 'wieght'"), "%s", e.err);
  cr_expect(strstr(e.err, "did you mean weight?"), "%s", e.err);
  rg_test_run f = rg_test_respgraph("meetings " SEED " --unit 商务局 -f csv");
  cr_expect_eq(f.code, 0, "%s", f.err);
  rg_test_run_free(&a);
  rg_test_run_free(&b);
  rg_test_run_free(&c);
  rg_test_run_free(&d);
  rg_test_run_free(&e);
  rg_test_run_free(&f);
}
