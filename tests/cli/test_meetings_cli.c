/* test_meetings_cli.c - `respgraph meetings` end to end on the seed: JSON keys, filters, ICS,
 * errors. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "common/common.h"

#define SEED "'" RG_EXAMPLES "/shenyang-2026.txt'"

/* Run `respgraph meetings ARGS`; *out and *err get stdout and stderr. */
static int run_meetings(const char *args, char **out, char **err) {
  char *cmd = malloc(strlen(args) + 16);
  sprintf(cmd, "meetings %s", args);
  rg_test_run r = rg_test_respgraph(cmd);
  free(cmd);
  *out = r.out;
  *err = r.err;
  return r.code;
}

/* Days off in September and October 2026 (中秋 09-25..27, 国庆 10-01..07)
 * and the weekends that are not 调休 working days, as the notice lists them. */
static int day_off_2026(int m, int d) {
  static const char *const off[] = {
      "09-05", "09-06", "09-12", "09-13", "09-19", "09-25", "09-26", "09-27", "10-01", "10-02",
      "10-03", "10-04", "10-05", "10-06", "10-07", "10-11", "10-17", "10-18", "10-24", "10-25",
      "10-31", "11-01", "11-07", "11-08", "11-14", "11-15", "11-21", "11-22", "11-28", "11-29"};
  char md[8];
  snprintf(md, sizeof md, "%02d-%02d", m, d);
  for (size_t i = 0; i < sizeof off / sizeof *off; i++)
    if (!strcmp(off[i], md)) return 1;
  return 0;
}

/* The "Done when" of issue 15 on the bundled plan from 2026-09-21. */
Test(cli_meetings, plans_the_seed_from_2026_09_21_by_every_rule_of_issue_15) {
  char *out, *err;
  cr_assert_eq(run_meetings(SEED " --start 2026-09-21 -f json", &out, &err), 0, "%s", err);
  json_t *j = json_loads(out, 0, NULL);
  cr_assert(j);
  const char *top[] = {"coordination_tasks", "unit_minutes", "naive_unit_minutes", "relevance",
                       "meetings"};
  cr_assert_eq(json_object_size(j), 5);
  for (int i = 0; i < 5; i++)
    cr_assert(json_object_get(j, top[i]), "missing %s", top[i]);
  cr_assert_eq(json_integer_value(json_object_get(j, "coordination_tasks")), 117);
  cr_assert_geq(json_real_value(json_object_get(j, "relevance")), 0.7);
  cr_assert_lt(json_integer_value(json_object_get(j, "unit_minutes")),
               json_integer_value(json_object_get(j, "naive_unit_minutes")));
  json_t *ms = json_object_get(j, "meetings");
  const char *keys[] = {"id",        "date",   "start", "end",       "title", "convener",
                        "attendees", "groups", "tasks", "relevance", "reason"};
  for (size_t i = 0; i < json_array_size(ms); i++) {
    json_t *m = json_array_get(ms, i);
    cr_assert_eq(json_object_size(m), 11);
    for (int k = 0; k < 11; k++)
      cr_assert(json_object_get(m, keys[k]), "missing %s", keys[k]);
    int y, mo, d;
    cr_assert_eq(sscanf(json_string_value(json_object_get(m, "date")), "%d-%d-%d", &y, &mo, &d), 3);
    cr_assert_eq(y, 2026);
    cr_assert(!day_off_2026(mo, d), "meeting %zu on a day off: %d-%d", i + 1, mo, d);
    /* at most two meetings of a unit on one day */
    json_t *att = json_object_get(m, "attendees");
    for (size_t a = 0; a < json_array_size(att); a++) {
      const char *u = json_string_value(json_array_get(att, a));
      int same = 0;
      for (size_t q = 0; q < json_array_size(ms); q++) {
        json_t *o = json_array_get(ms, q);
        if (strcmp(json_string_value(json_object_get(o, "date")),
                   json_string_value(json_object_get(m, "date"))))
          continue;
        json_t *oa = json_object_get(o, "attendees");
        for (size_t b = 0; b < json_array_size(oa); b++)
          same += !strcmp(json_string_value(json_array_get(oa, b)), u);
      }
      cr_assert_leq(same, 2, "%s has %d meetings on %d-%d", u, same, mo, d);
    }
  }
  json_decref(j);
  free(out);
  free(err);
  /* the table, a golden file checked by hand */
  cr_assert_eq(run_meetings(SEED " --start 2026-09-21", &out, &err), 0, "%s", err);
  cr_assert(rg_test_golden(RG_TEST_DATA "/meetings/seed-2026-09-21.txt", out, strlen(out)));
  free(out);
  free(err);
}

Test(cli_meetings, shows_only_the_units_meetings_and_writes_its_calendar) {
  char *out, *err;
  char ics[64];
  snprintf(ics, sizeof ics, "mtg-%d.ics", (int)getpid());
  char args[512];
  snprintf(args, sizeof args, SEED " --unit 市应急局 --ics %s --start 2026-09-21 -f json", ics);
  cr_assert_eq(run_meetings(args, &out, &err), 0, "%s", err);
  json_t *j = json_loads(out, 0, NULL);
  json_t *ms = json_object_get(j, "meetings");
  cr_assert_gt(json_array_size(ms), 0);
  for (size_t i = 0; i < json_array_size(ms); i++) {
    json_t *att = json_object_get(json_array_get(ms, i), "attendees");
    int found = 0;
    for (size_t k = 0; k < json_array_size(att); k++)
      found |= !strcmp(json_string_value(json_array_get(att, k)), "市应急局");
    cr_assert(found);
  }
  char *cal = rg_test_slurp(ics, NULL);
  cr_assert(cal);
  int events = 0;
  for (const char *q = cal; (q = strstr(q, "BEGIN:VEVENT")); q++)
    events++;
  cr_assert_eq((size_t)events, json_array_size(ms));
  cr_assert(strstr(cal, "BEGIN:VCALENDAR\r\n"));
  remove(ics);
  free(cal);
  json_decref(j);
  free(out);
  free(err);
}

Test(cli_meetings, rejects_unknown_units_chapters_bad_dates_and_sessions) {
  char *out, *err;
  cr_assert_eq(run_meetings(SEED " --exclude-unit 不存在局", &out, &err), 2);
  cr_assert_str_eq(err, "respgraph: --exclude-unit: the plan names no unit '不存在局'\n");
  free(out), free(err);
  cr_assert_eq(run_meetings(SEED " --chapter 99", &out, &err), 2);
  cr_assert_str_eq(err, "respgraph: --chapter 99 does not exist: the plan has 9 chapters\n");
  free(out), free(err);
  cr_assert_eq(run_meetings(SEED " --start 2026-02-30", &out, &err), 2);
  cr_assert_str_eq(err, "respgraph: --start '2026-02-30' is not a real date YYYY-MM-DD\n");
  free(out), free(err);
  cr_assert_eq(run_meetings(SEED " --sessions 09:00,09:30", &out, &err), 2);
  cr_assert_str_eq(err, "respgraph: session 09:00 cannot hold a meeting of 8 items (135 minutes) "
                        "before 09:30\n");
  free(out), free(err);
  cr_assert_eq(run_meetings(SEED " --max-agenda 0", &out, &err), 2);
  free(out), free(err);
}

/* union with --view ego=: --unit and --exclude-unit accept a name without
 * 市 and the short label a diagram draws, as well as canonical names */
Test(cli_meetings, unit_options_accept_every_name_the_diagram_accepts) {
  char *out1, *err1, *out2, *err2;
  cr_assert_eq(run_meetings(SEED " --start 2026-09-21 --unit 市发展改革委", &out1, &err1), 0, "%s",
               err1);
  cr_assert_eq(run_meetings(SEED " --start 2026-09-21 --unit 发展改革委", &out2, &err2), 0, "%s",
               err2);
  cr_expect_str_eq(out1, out2);
  free(out1), free(err1), free(out2), free(err2);
  cr_assert_eq(
      run_meetings(SEED " --start 2026-09-21 -f csv --exclude-unit 市财政局", &out1, &err1), 0,
      "%s", err1);
  cr_assert_eq(run_meetings(SEED " --start 2026-09-21 -f csv --exclude-unit 财政局", &out2, &err2),
               0, "%s", err2);
  cr_expect_str_eq(out1, out2);
  free(out1), free(err1), free(out2), free(err2);
}

static int count(const char *s, const char *what) {
  int n = 0;
  for (const char *q = s; (q = strstr(q, what)); q += strlen(what))
    n++;
  return n;
}

/* The report from 2026-09-21: the 会议安排 section with its week calendar,
 * each unit's meetings, notices.html (one A4 notice per meeting),
 * meetings.ics in Chinese with the room, and the workbook's 会议安排 sheet
 * headed in Chinese with dates as readers write them. */
Test(cli_meetings, the_report_has_a_calendar_notices_an_ics_and_a_chinese_sheet) {
  char dir[64];
  snprintf(dir, sizeof dir, "/tmp/rg-mtg-report-%d", (int)getpid());
  char cmd[512];
  snprintf(cmd, sizeof cmd, "report " SEED " --start 2026-09-21 --room 市政府第3会议室 -o %s", dir);
  rg_test_run r = rg_test_respgraph(cmd);
  cr_assert_eq(r.code, 0, "%s", r.err);
  char path[128];
  snprintf(path, sizeof path, "%s/notices.html", dir);
  char *notices = rg_test_slurp(path, NULL);
  cr_assert(notices);
  cr_assert_eq(count(notices, "<article class=\"notice\""), 68);
  cr_assert(strstr(notices, "@page{size:A4;margin:0}"));
  cr_assert(strstr(notices, "<dd>2026年9月21日（星期一） 09:00–09:45</dd>"));
  cr_assert(strstr(notices, "<dd>市政府第3会议室</dd>"));
  snprintf(path, sizeof path, "%s/meetings.ics", dir);
  char *ics = rg_test_slurp(path, NULL);
  cr_assert_eq(count(ics, "BEGIN:VEVENT"), 68);
  cr_assert_eq(count(ics, "LOCATION:市政府第3会议室\r\n"), 68);
  cr_assert(strstr(ics, "PRODID:-//respgraph//联席会议//ZH\r\n"));
  snprintf(path, sizeof path, "%s/index.html", dir);
  char *html = rg_test_slurp(path, NULL);
  cr_assert(strstr(html, "<table class=\"data cal\">"));
  cr_assert_eq(count(html, "class=\"cal-m\""), 68);
  cr_assert(strstr(html, "<span class=\"cal-tag\">休 国庆节</span>"));
  cr_assert(strstr(html, "<span class=\"cal-tag\">班 国庆节</span>")); /* Sat 10-10 */
  cr_assert_geq(count(html, "<p class=\"unit-meetings\">"), 60);
  snprintf(cmd, sizeof cmd, "unzip -p %s/report.xlsx xl/sharedStrings.xml", dir);
  FILE *f = popen(cmd, "r");
  char *xml = calloc(1, 1 << 20);
  size_t n = fread(xml, 1, (1 << 20) - 1, f);
  pclose(f);
  cr_assert_gt(n, 0);
  const char *heads[] = {"编号",
                         "日期",
                         "时间",
                         "会议名称",
                         "召集单位",
                         "参会单位",
                         "列席/邀请",
                         "议题",
                         "相关度",
                         "2026年9月21日（星期一）",
                         "2026年10月15日（星期四）"};
  for (size_t i = 0; i < sizeof heads / sizeof *heads; i++)
    cr_assert(strstr(xml, heads[i]), "the workbook lacks %s", heads[i]);
  free(xml);
  free(html);
  free(ics);
  free(notices);
  rg_test_run_free(&r);
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  cr_assert_eq(system(cmd), 0);
}

/* --top, --sort and --columns shape the meetings table as every table's
 * (they were accepted and ignored): the first 3 meetings of 68; sorted by
 * relevance ascending the least relevant first (0.7); a bad column is a
 * usage error before any line is printed. */
Test(cli_meetings, top_sort_and_columns_shape_the_table) {
  char *out, *err;
  cr_assert_eq(
      run_meetings(SEED " --start 2026-09-21 -f csv --top 3 --columns 编号,相关度", &out, &err), 0,
      "%s", err);
  cr_expect_str_eq(out, "编号,相关度\n1,0.75\n2,1\n3,1\n");
  free(out);
  free(err);
  cr_assert_eq(run_meetings(SEED
                            " --start 2026-09-21 -f csv --top 1 --sort 相关度:asc --columns 相关度",
                            &out, &err),
               0, "%s", err);
  cr_expect_str_eq(out, "相关度\n0.7\n");
  free(out);
  free(err);
  cr_expect_eq(run_meetings(SEED " --start 2026-09-21 --sort bogus", &out, &err), 2);
  cr_expect_str_eq(out, "");
  free(out);
  free(err);
}
