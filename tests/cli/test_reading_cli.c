/* test_reading_cli.c - `respgraph check` says how a plan was read:
 * the summary it opens with, --explain TASK, --accept-unit and the
 * suspect-unit warnings, on the built binary. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/common.h"

#define READING RG_TEST_DATA "/reading/"
#define CORPUS RG_TEST_DATA "/corpus/"

Test(check_reading, opens_with_format_level_conventions_and_counts) {
  rg_test_run r = rg_test_respgraph("check '" READING "national-preamble-rule.txt'");
  cr_assert_eq(r.code, 0, "%s", r.err);
  cr_expect(
      !strncmp(r.out, RG_TEST_DATA "/reading/national-preamble-rule.txt: how the plan was read\n",
               strlen(RG_TEST_DATA "/reading/national-preamble-rule.txt: how the plan was read\n")),
      "%s", r.out);
  cr_expect(strstr(r.out, "  format      text, UTF-8\n"), "%s", r.out);
  cr_expect(strstr(r.out, "  level       line 1: national, from \"国务院办公厅\""), "%s", r.out);
  cr_expect(strstr(r.out, "  convention  line 9: first listed unit leads, the others support: "
                          "\"各项任务中,列第一位者为牵头单位,其他单位按职责分工负责。\"; in force "
                          "for every task (10)\n"),
            "%s", r.out);
  cr_expect(strstr(r.out,
                   "  read        10 tasks, 27 links (25 to concrete units, 10 of them lead; "
                   "2 to collectives or unspecified units); kept out: 0 suspect names, 0 "
                   "persons, 1 rule sentence\n"),
            "%s", r.out);
  rg_test_run_free(&r);
}

Test(check_reading, shows_the_header_mapping_of_a_table) {
  rg_test_run r = rg_test_respgraph("check '" READING "county-table-headers.html'");
  cr_assert_eq(r.code, 0, "%s", r.err);
  cr_expect(strstr(r.out, "  format      HTML with 1 task table, UTF-8\n"), "%s", r.out);
  cr_expect(strstr(r.out, "  header      主管部门: lead units\n"), "%s", r.out);
  cr_expect(strstr(r.out, "  header      协作部门: support units\n"), "%s", r.out);
  cr_expect(strstr(r.out, "  header      联系领导: a person, not a unit (kept out)\n"), "%s",
            r.out);
  cr_expect(strstr(r.out, "  level       county, from \"永宁县人民政府关于印发"), "%s", r.out);
  rg_test_run_free(&r);
}

Test(check_reading, corpus_plans_read_with_no_suspect_unit) {
  const char *plans[] = {"cn-2004-sichuanreply.html", "cn-2005-grainemergency.html",
                         "cn-2018-wastefreecity.html"};
  for (int i = 0; i < 3; i++) {
    char args[512];
    snprintf(args, sizeof args, "check '%s%s'", CORPUS, plans[i]);
    rg_test_run r = rg_test_respgraph(args);
    cr_assert_eq(r.code, 0, "%s", r.err);
    cr_expect(!strstr(r.out, "[suspect-unit]"), "%s: %s", plans[i], r.out);
    cr_expect(strstr(r.out, "kept out: 0 suspect names"), "%s", r.out);
    rg_test_run_free(&r);
  }
  /* the standing rule of the pilot plan is stated inside its first task's note */
  rg_test_run r = rg_test_respgraph("check '" CORPUS "cn-2018-wastefreecity.html'");
  cr_expect(strstr(r.out, "standing unit 试点城市政府 (support) in every task without being "
                          "listed: \"以下均需试点城市政府落实,不再列出\""),
            "%s", r.out);
  rg_test_run_free(&r);
}

Test(check_reading, suspect_names_are_warned_with_their_line_and_accept_unit_lets_them_in) {
  FILE *f = fopen("rd-suspect.txt", "w");
  fputs("1.甲。\n牵头单位：市商务局、王建国\n", f);
  fclose(f);
  rg_test_run r = rg_test_respgraph("check rd-suspect.txt");
  cr_expect(strstr(r.out, "rd-suspect.txt:2: warning: task 1: '王建国' does not look like a unit"),
            "%s", r.out);
  cr_expect(strstr(r.out, "[suspect-unit]\n"), "%s", r.out);
  rg_test_run_free(&r);
  r = rg_test_respgraph("edges rd-suspect.txt -f csv");
  cr_expect(!strstr(r.out, "王建国"), "%s", r.out);
  rg_test_run_free(&r);
  r = rg_test_respgraph("edges rd-suspect.txt -f csv --accept-unit 王建国");
  cr_expect(strstr(r.out, "1,lead,王建国,unit,,2\n"), "%s", r.out);
  rg_test_run_free(&r);
  r = rg_test_respgraph("check rd-suspect.txt --accept-unit 王建国");
  cr_expect(!strstr(r.out, "[suspect-unit]"), "%s", r.out);
  rg_test_run_free(&r);
  remove("rd-suspect.txt");
}

Test(check_reading, explain_shows_how_each_name_of_a_task_was_read) {
  rg_test_run r = rg_test_respgraph("check '" READING "national-preamble-rule.txt' --explain 6");
  cr_assert_eq(r.code, 0, "%s", r.err);
  cr_expect(
      strstr(r.out, "national-preamble-rule.txt:17: task 6: 指导地方开展内外贸一体化试点。\n"),
      "%s", r.out);
  cr_expect(strstr(r.out, "商务部"), "%s", r.out);
  /* 商务部指导，各有关省级人民政府负责落实: the guide is the only responsible
   * unit, and it is listed first under the plan's rule */
  cr_expect(strstr(r.out, "note: listed before 指导: supervises, no other lead: lead"), "%s",
            r.out);
  cr_expect(strstr(r.out, "各有关省级人民政府"), "%s", r.out);
  cr_expect(strstr(r.out, "collective"), "%s", r.out);
  rg_test_run_free(&r);
  r = rg_test_respgraph("check '" READING "national-preamble-rule.txt' --explain 1 -f csv");
  cr_assert_eq(r.code, 0, "%s", r.err);
  cr_expect(!strncmp(r.out, "name,unit,kind,role,how,rule,line\n", 34), "%s", r.out);
  cr_expect(strstr(r.out, "国家市场监督管理总局,市场监管总局,unit,lead,unit,listed first: the "
                          "plan's rule (line 9) makes it lead,11\n"),
            "%s", r.out);
  rg_test_run_free(&r);
}

Test(check_reading, explain_of_an_unknown_task_or_another_command_is_a_usage_error) {
  rg_test_run r = rg_test_respgraph("check '" READING "national-preamble-rule.txt' --explain 99");
  cr_expect_eq(r.code, 2);
  cr_expect(strstr(r.err, "respgraph: --explain: the plan has no task '99'"), "%s", r.err);
  rg_test_run_free(&r);
  r = rg_test_respgraph("edges '" READING "national-preamble-rule.txt' --explain 1");
  cr_expect_eq(r.code, 2);
  cr_expect(strstr(r.err, "respgraph: --explain goes with check"), "%s", r.err);
  rg_test_run_free(&r);
}

Test(check_reading, a_page_whose_table_header_is_not_understood_names_it) {
  FILE *f = fopen("rd-bad.html", "w");
  fputs("<html><body><table><tr><td>甲栏</td><td>乙栏</td><td>丙栏</td></tr>"
        "<tr><td>修路</td><td>市交通局</td><td>六月</td></tr></table></body></html>\n",
        f);
  fclose(f);
  rg_test_run r = rg_test_respgraph("edges rd-bad.html");
  cr_expect_eq(r.code, 1);
  cr_expect(strstr(r.err, "respgraph: rd-bad.html:1: no task table and no numbered tasks: the "
                          "page's table has the header 甲栏 | 乙栏 | 丙栏"),
            "%s", r.err);
  cr_expect(strstr(r.err, "--columns"), "%s", r.err);
  rg_test_run_free(&r);
  remove("rd-bad.html");
}

Test(check_reading, roster_names_are_let_in_as_units) {
  FILE *f = fopen("rd-roster-plan.txt", "w");
  fputs("1.甲。\n牵头单位：市商务局、沈阳地铁\n", f);
  fclose(f);
  f = fopen("rd-roster.csv", "w");
  fputs("collective,member\n各区政府,沈阳地铁\n", f);
  fclose(f);
  rg_test_run r = rg_test_respgraph("check rd-roster-plan.txt");
  cr_expect(strstr(r.out, "'沈阳地铁' does not look like a unit"), "%s", r.out);
  rg_test_run_free(&r);
  /* a name the roster knows is a unit even without an institutional ending */
  r = rg_test_respgraph("edges rd-roster-plan.txt -f csv --roster rd-roster.csv");
  cr_expect(strstr(r.out, "1,lead,沈阳地铁,unit,,2\n"), "%s", r.out);
  rg_test_run_free(&r);
  remove("rd-roster-plan.txt");
  remove("rd-roster.csv");
}
