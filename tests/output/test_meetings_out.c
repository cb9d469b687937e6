/* test_meetings_out.c - meeting plan as JSON/CSV/table and iCalendar (times, escaping, folding). */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "common/common.h"
#include "meetings.h"
#include "meetings_out.h"

/* Two chapters; tasks 1-3 share 甲局/乙局; task 4 is 丙局 + 丁局 + a
 * collective (not an attendee); task 5 has one concrete unit (no meeting). */
static rg_plan *small_plan(void) {
  rg_plan *p = rg_plan_new("small");
  rg_plan_add_chapter(p, "一", "one", 1);
  struct {
    const char *num, *text, *units;
  } t[] = {
      {"1", "推进项目, 落实政策; 见成效", "*甲局 乙局"},
      {"2", "第二项", "*甲局 乙局"},
      {"3", "第三项", "*乙局 甲局"},
      {"4", "第四项", "*丙局 丁局 !各区政府"},
      {"5", "第五项", "*甲局"},
  };
  for (int i = 0; i < 5; i++) {
    int ti = rg_plan_add_task(p, t[i].num, t[i].text, 0, -1, i + 1);
    char buf[128];
    snprintf(buf, sizeof buf, "%s", t[i].units);
    for (char *s = strtok(buf, " "); s; s = strtok(NULL, " ")) {
      rg_role role = *s == '*' ? RG_ROLE_LEAD : RG_ROLE_SUPPORT;
      if (*s == '*') s++;
      rg_kind kind = *s == '!' ? RG_KIND_COLLECTIVE : RG_KIND_UNIT;
      if (*s == '!') s++;
      rg_plan_link(p, ti, rg_plan_intern_unit(p, s, kind, 1), role, 1);
    }
  }
  rg_plan_finalize(p);
  return p;
}

static char *render(const rg_plan *p, const rg_meeting_plan *mp, int unit, int fmt) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  rg_error e;
  cr_assert_eq(rg_meetings_write(p, mp, unit, (rg_format)fmt, f, &e), RG_OK);
  fclose(f);
  return buf;
}

static void plan_small(rg_plan **p, rg_meeting_plan *mp, int en) {
  *p = small_plan();
  rg_meeting_opts o;
  rg_meeting_opts_init(&o);
  cr_assert_eq(rg_date_parse("2026-09-21", &o.start), 0);
  o.lang_en = en;
  rg_error e;
  cr_assert_eq(rg_meetings_plan(*p, &o, mp, &e), RG_OK);
}

/* Tasks 1-3 (甲局 乙局) meet together: 2 x (30 + 3 x 15) = 150 unit-minutes
 * instead of 3 x 2 x 45 = 270; task 4 alone: 2 x 45 = 90. Total 240 of a
 * naive 360; every attendee is in every item, relevance 1. */
Test(meetings_json, has_the_keys_of_issue_15_and_their_values) {
  rg_plan *p;
  rg_meeting_plan mp;
  plan_small(&p, &mp, 0);
  char *s = render(p, &mp, -1, RG_FMT_JSON);
  cr_assert_str_eq(
      s, "{\n"
         "  \"coordination_tasks\": 4,\n"
         "  \"unit_minutes\": 240,\n"
         "  \"naive_unit_minutes\": 360,\n"
         "  \"relevance\": 1.0,\n"
         "  \"meetings\": [\n"
         "    {\n"
         "      \"id\": 1,\n"
         "      \"date\": \"2026-09-21\",\n"
         "      \"start\": \"09:00\",\n"
         "      \"end\": \"10:00\",\n"
         "      \"title\": \"关于one的专题协调会\",\n"
         "      \"convener\": \"甲局\",\n"
         "      \"attendees\": [\n"
         "        \"乙局\",\n"
         "        \"甲局\"\n"
         "      ],\n"
         "      \"groups\": [],\n"
         "      \"tasks\": [\n"
         "        \"1\",\n"
         "        \"2\",\n"
         "        \"3\"\n"
         "      ],\n"
         "      \"relevance\": 1.0,\n"
         "      \"reason\": "
         "\"甲局牵头其中2项（共3项）；3项涉及乙局；相关度1.00，比逐项开会少120单位·分钟\"\n"
         "    },\n"
         "    {\n"
         "      \"id\": 2,\n"
         "      \"date\": \"2026-09-21\",\n"
         "      \"start\": \"09:00\",\n"
         "      \"end\": \"09:30\",\n"
         "      \"title\": \"关于one的专题协调会\",\n"
         "      \"convener\": \"丙局\",\n"
         "      \"attendees\": [\n"
         "        \"丁局\",\n"
         "        \"丙局\"\n"
         "      ],\n"
         "      \"groups\": [\n"
         "        \"各区政府\"\n"
         "      ],\n"
         "      \"tasks\": [\n"
         "        \"4\"\n"
         "      ],\n"
         "      \"relevance\": 1.0,\n"
         "      \"reason\": \"单项议题：与其他议题合并不能减少2个单位的会议时间\"\n"
         "    }\n"
         "  ]\n"
         "}\n");
  free(s);
  rg_meeting_plan_free(&mp);
  rg_plan_free(p);
}

Test(meetings_csv, has_one_row_per_meeting_with_chinese_or_english_headers) {
  rg_plan *p;
  rg_meeting_plan mp;
  plan_small(&p, &mp, 0);
  char *s = render(p, &mp, -1, RG_FMT_CSV);
  cr_assert_str_eq(s, "编号,日期,时间,会议名称,召集单位,参会单位,列席/邀请,议题,相关度\n"
                      "1,2026-09-21,09:00-10:00,关于one的专题协调会,甲局,乙局;甲局,,"
                      "\"1 推进项目, 落实政策; 见成效；2 第二项；3 第三项\",1\n"
                      "2,2026-09-21,09:00-09:30,关于one的专题协调会,丙局,丁局;丙局,各区政府,"
                      "4 第四项,1\n");
  free(s);
  rg_meeting_plan_free(&mp);
  rg_plan_free(p);
  plan_small(&p, &mp, 1);
  s = render(p, &mp, -1, RG_FMT_CSV);
  cr_assert(!strncmp(s,
                     "no.,date,time,meeting,convener,attendees,invited groups,agenda,relevance\n"
                     "1,2026-09-21,09:00-10:00,Coordination meeting on one,",
                     strlen("no.,date,time,meeting,convener,attendees,invited groups,agenda,"
                            "relevance\n1,2026-09-21,09:00-10:00,Coordination meeting on one,")),
            "%s", s);
  free(s);
  rg_meeting_plan_free(&mp);
  rg_plan_free(p);
}

Test(meetings_csv, names_the_members_of_an_invited_group_from_the_roster) {
  rg_plan *p = small_plan();
  int pairs[] = {rg_plan_find_unit(p, "各区政府"), rg_plan_find_unit(p, "甲局"),
                 rg_plan_find_unit(p, "各区政府"), rg_plan_find_unit(p, "乙局")};
  rg_meeting_opts o;
  rg_meeting_opts_init(&o);
  cr_assert_eq(rg_date_parse("2026-09-21", &o.start), 0);
  o.roster = pairs;
  o.n_roster = 2;
  rg_meeting_plan mp;
  rg_error e;
  cr_assert_eq(rg_meetings_plan(p, &o, &mp, &e), RG_OK);
  char *s = render(p, &mp, -1, RG_FMT_CSV);
  cr_assert(strstr(s, ",丁局;丙局,各区政府（甲局、乙局）,4 第四项,1\n"), "%s", s);
  free(s);
  rg_meeting_plan_free(&mp);
  rg_plan_free(p);
}

Test(meetings_table, shows_the_summary_and_one_units_schedule) {
  rg_plan *p;
  rg_meeting_plan mp;
  plan_small(&p, &mp, 0);
  char *s = render(p, &mp, rg_plan_find_unit(p, "丁局"), RG_FMT_TABLE);
  cr_assert(strstr(s, "协同任务 4 项，安排会议 2 次；合计 240 单位·分钟（逐项开会 360，减少 "
                      "33.3%）；相关度 1.00\n"
                      "日程：2026年9月21日（星期一）至2026年9月21日（星期一），共 1 个工作日\n"
                      "丁局参加 1 次会议，每天至多 2 次，日程至少需要 1 个工作日，由它的会议决定\n"
                      "工作日依据国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）\n"),
            "%s", s);
  cr_assert(strstr(s, "丁局的会议日程："));
  cr_assert(strstr(s, "4 第四项"));
  cr_assert_null(strstr(s, "第二项"));
  free(s);
  s = render(p, &mp, rg_plan_find_unit(p, "各区政府"), RG_FMT_JSON); /* an invited group */
  json_t *j = json_loads(s, 0, NULL);
  cr_assert_eq(json_array_size(json_object_get(j, "meetings")), 1);
  cr_assert_eq(json_integer_value(json_object_get(j, "coordination_tasks")), 4); /* global */
  json_decref(j);
  free(s);
  rg_meeting_plan_free(&mp);
  rg_plan_free(p);
}

/* Found by fuzz_writers (issue 19): the summary and the schedule's heading
 * printed a unit's name raw, so ESC reached the terminal. */
Test(meetings_table, shows_control_characters_in_names_and_never_sends_them) {
  rg_plan *p = rg_plan_new("controls");
  rg_plan_add_chapter(p, "一", "one", 1);
  int a = rg_plan_intern_unit(p, "甲\x1b[2J局", RG_KIND_UNIT, 1);
  int b = rg_plan_intern_unit(p, "乙局", RG_KIND_UNIT, 1);
  int t = rg_plan_add_task(p, "1", "第一项", 0, -1, 1);
  rg_plan_link(p, t, a, RG_ROLE_LEAD, 1);
  rg_plan_link(p, t, b, RG_ROLE_SUPPORT, 1);
  rg_plan_finalize(p);
  rg_meeting_opts o;
  rg_meeting_opts_init(&o);
  cr_assert_eq(rg_date_parse("2026-09-21", &o.start), 0);
  rg_meeting_plan mp;
  rg_error e;
  cr_assert_eq(rg_meetings_plan(p, &o, &mp, &e), RG_OK);
  char *s = render(p, &mp, a, RG_FMT_TABLE);
  cr_assert_null(strchr(s, '\x1b'), "%s", s);
  cr_assert(strstr(s, "甲\xE2\x90\x9B[2J局的会议日程："), "%s", s); /* U+241B, the ESC picture */
  cr_assert(strstr(s, "\n甲\xE2\x90\x9B[2J局参加 1 次会议") || strstr(s, "\n乙局参加 1 次会议"),
            "%s", s);
  free(s);
  rg_meeting_plan_free(&mp);
  rg_plan_free(p);
}

/* ------------------------------------------------------------ calendar */

static char *ics_of(const rg_plan *p, const rg_meeting_plan *mp, int unit, const char *room) {
  rg_ics_opts o;
  rg_ics_opts_init(&o);
  o.room = room;
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  rg_error e;
  cr_assert_eq(rg_meetings_write_ics(p, mp, unit, &o, f, &e), RG_OK);
  fclose(f);
  return buf;
}

/* Undo RFC 5545 folding: drop every CRLF followed by a space. */
static char *unfold(const char *s) {
  char *out = malloc(strlen(s) + 1), *w = out;
  for (const char *r = s; *r; r++) {
    if (r[0] == '\r' && r[1] == '\n' && r[2] == ' ') {
      r += 2;
      continue;
    }
    *w++ = *r;
  }
  *w = '\0';
  return out;
}

Test(ics, matches_the_golden_file_and_folds_at_75_octets_on_character_boundaries) {
  rg_plan *p = rg_plan_new("long");
  rg_plan_add_chapter(p, "一", "one", 1);
  int t =
      rg_plan_add_task(p, "7",
                       "加快建设现代化产业体系,推动传统产业转型升级;培育壮大新兴产业\\未来产业\n"
                       "第二行",
                       0, -1, 1);
  rg_plan_link(p, t, rg_plan_intern_unit(p, "市发展改革委", RG_KIND_UNIT, 1), RG_ROLE_LEAD, 1);
  rg_plan_link(p, t, rg_plan_intern_unit(p, "市工业和信息化局", RG_KIND_UNIT, 1), RG_ROLE_SUPPORT,
               1);
  rg_plan_finalize(p);
  rg_meeting_opts mo;
  rg_meeting_opts_init(&mo);
  cr_assert_eq(rg_date_parse("2026-09-30", &mo.start), 0); /* Wed; 10-01..07 off */
  rg_meeting_plan mp;
  rg_error e;
  cr_assert_eq(rg_meetings_plan(p, &mo, &mp, &e), RG_OK);
  char *s = ics_of(p, &mp, -1, "市政府1号楼第3会议室");
  for (const char *line = s; *line;) {
    const char *end = strstr(line, "\r\n");
    cr_assert(end, "line without CRLF");
    cr_assert_leq(end - line, 75);
    cr_assert_neq((unsigned char)line[0] & 0xC0, 0x80, "line starts inside a character");
    line = end + 2;
  }
  char *u = unfold(s);
  cr_assert(
      strstr(u, "\r\nDESCRIPTION:召集单位：市发展改革委\\n参会单位：市发展改革委、市工业和信息化局"
                "\\n议题：\\n7．加快建设现代化产业体系\\,推动传统产业转型升级\\;"
                "培育壮大新兴产业\\\\未来产业\\n第二行\\n安排理由：单项议题：与其他议题合并"
                "不能减少2个单位的会议时间\r\n"),
      "%s", u);
  /* 09:00-09:30 in Shenyang on Wed 2026-09-30 */
  cr_assert(strstr(u, "\r\nDTSTART:20260930T010000Z\r\nDTEND:20260930T013000Z\r\n"));
  cr_assert(strstr(u, "\r\nLOCATION:市政府1号楼第3会议室\r\n"));
  cr_assert(
      strstr(u, "\r\nATTENDEE;CUTYPE=GROUP;ROLE=CHAIR;CN=\"市发展改革委\":urn:x-respgraph:unit:"));
  cr_assert(
      strstr(u, "\r\nATTENDEE;CUTYPE=GROUP;ROLE=REQ-PARTICIPANT;CN=\"市工业和信息化局\":urn:"));
  /* the golden file was checked by hand (and by python3 icalendar) */
  cr_assert(rg_test_golden(RG_TEST_DATA "/meetings/long.ics", s, strlen(s)));
  free(u);
  free(s);
  rg_meeting_plan_free(&mp);
  rg_plan_free(p);
}

Test(ics, is_the_same_bytes_each_time_and_keeps_only_the_units_meetings) {
  rg_plan *p;
  rg_meeting_plan mp;
  plan_small(&p, &mp, 1);
  char *a = ics_of(p, &mp, -1, NULL), *b = ics_of(p, &mp, -1, NULL);
  cr_assert_str_eq(a, b);
  int events = 0;
  for (const char *q = a; (q = strstr(q, "BEGIN:VEVENT")); q++)
    events++;
  cr_assert_eq(events, 2);
  cr_assert(strstr(a, "DTSTAMP:20260921T000000Z\r\n"));
  cr_assert(strstr(a, "SUMMARY:Coordination meeting on one\r\n"));
  cr_assert_null(strstr(a, "LOCATION"));
  char *c = ics_of(p, &mp, rg_plan_find_unit(p, "丙局"), NULL);
  events = 0;
  for (const char *q = c; (q = strstr(q, "BEGIN:VEVENT")); q++)
    events++;
  cr_assert_eq(events, 1);
  cr_assert(strstr(c, "UID:m2-"));
  cr_assert(strstr(c, "ROLE=OPT-PARTICIPANT;CN=\"各区政府\""));
  free(a);
  free(b);
  free(c);
  rg_meeting_plan_free(&mp);
  rg_plan_free(p);
}
