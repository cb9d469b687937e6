/* test_meetings_out.c - meeting plan as JSON/CSV/table and iCalendar (times, escaping, folding). */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

static void plan_small(rg_plan **p, rg_meeting_plan *mp, int max_attendees) {
  *p = small_plan();
  rg_meeting_opts o;
  rg_meeting_opts_init(&o);
  o.max_attendees = max_attendees;
  rg_error e;
  cr_assert_eq(rg_meetings_plan(*p, &o, mp, &e), RG_OK);
}

Test(meetings_json, has_the_documented_keys_and_values) {
  rg_plan *p;
  rg_meeting_plan mp;
  plan_small(&p, &mp, 12);
  char *s = render(p, &mp, -1, RG_FMT_JSON);
  json_error_t je;
  json_t *j = json_loads(s, 0, &je);
  cr_assert(j, "%s", je.text);
  cr_assert_eq(json_integer_value(json_object_get(j, "coordination_tasks")), 4);
  cr_assert_eq(json_integer_value(json_object_get(j, "naive_meetings")), 4);
  /* one meeting of all four tasks: 4 attendees, one slot */
  cr_assert_eq(json_integer_value(json_object_get(j, "seats")), 4);
  cr_assert_eq(json_integer_value(json_object_get(j, "slots")), 1);
  cr_assert_eq(json_integer_value(json_object_get(j, "lower_bound")), 1);
  json_t *ms = json_object_get(j, "meetings");
  cr_assert_eq(json_array_size(ms), 1);
  json_t *m = json_array_get(ms, 0);
  cr_assert_eq(json_integer_value(json_object_get(m, "id")), 1);
  cr_assert_eq(json_integer_value(json_object_get(m, "slot")), 1);
  cr_assert_str_eq(json_string_value(json_object_get(m, "convener")), "甲局");
  json_t *att = json_object_get(m, "attendees");
  cr_assert_eq(json_array_size(att), 4);
  /* by name in code point order: 丁 U+4E01 < 丙 U+4E19 < 乙 U+4E59 < 甲 U+7532 */
  cr_assert_str_eq(json_string_value(json_array_get(att, 0)), "丁局");
  cr_assert_str_eq(json_string_value(json_array_get(att, 3)), "甲局");
  json_t *tasks = json_object_get(m, "tasks");
  cr_assert_eq(json_array_size(tasks), 4);
  cr_assert_str_eq(json_string_value(json_array_get(tasks, 3)), "4");
  cr_assert_str_eq(json_string_value(json_object_get(m, "reason")),
                   "2 of 4 tasks led by 甲局; 3 share 乙局");
  json_t *ag = json_array_get(json_object_get(m, "agenda"), 0);
  cr_assert_str_eq(json_string_value(json_object_get(ag, "task")), "1");
  cr_assert_str_eq(json_string_value(json_object_get(ag, "text")), "推进项目, 落实政策; 见成效");
  json_decref(j);
  free(s);
  rg_meeting_plan_free(&mp);
  rg_plan_free(p);
}

Test(meetings_csv, has_one_row_per_agenda_item) {
  rg_plan *p;
  rg_meeting_plan mp;
  plan_small(&p, &mp, 3); /* 甲乙 tasks apart from 丙丁 */
  char *s = render(p, &mp, -1, RG_FMT_CSV);
  cr_assert_str_eq(s, "id,slot,convener,attendees,task,text,reason\n"
                      "1,1,甲局,乙局;甲局,1,\"推进项目, 落实政策; 见成效\",2 of 3 tasks led by "
                      "甲局; all 3 share 乙局\n"
                      "1,1,甲局,乙局;甲局,2,第二项,2 of 3 tasks led by 甲局; all 3 share 乙局\n"
                      "1,1,甲局,乙局;甲局,3,第三项,2 of 3 tasks led by 甲局; all 3 share 乙局\n"
                      "2,1,丙局,丁局;丙局,4,第四项,\"1 task, led by 丙局; no other meeting can "
                      "take its 2 units within the caps\"\n");
  free(s);
  rg_table *t = rg_meetings_table(p, &mp, -1);
  cr_assert_eq(rg_table_rows(t), 4);
  rg_table_free(t);
  t = rg_meetings_table(p, &mp, rg_plan_find_unit(p, "丁局"));
  cr_assert_eq(rg_table_rows(t), 1);
  rg_table_free(t);
  rg_meeting_plan_free(&mp);
  rg_plan_free(p);
}

Test(meetings_table, shows_the_summary_and_only_the_units_meetings) {
  rg_plan *p;
  rg_meeting_plan mp;
  plan_small(&p, &mp, 3);
  char *s = render(p, &mp, rg_plan_find_unit(p, "丁局"), RG_FMT_TABLE);
  cr_assert(strstr(s,
                   "coordination tasks: 4  meetings: 2 (naive 4, at least 1)  seats: 4 (naive 8)  "
                   "slots: 1 (lower bound 1, optimal)\n"));
  cr_assert(strstr(s, "meetings attended by 丁局:"));
  cr_assert(strstr(s, "第四项"));
  cr_assert_null(strstr(s, "第二项"));
  free(s);
  s = render(p, &mp, rg_plan_find_unit(p, "丁局"), RG_FMT_JSON);
  json_t *j = json_loads(s, 0, NULL);
  cr_assert_eq(json_array_size(json_object_get(j, "meetings")), 1);
  cr_assert_eq(json_integer_value(json_object_get(j, "coordination_tasks")), 4); /* global */
  cr_assert_str_eq(json_string_value(json_object_get(j, "unit")), "丁局");
  json_decref(j);
  free(s);
  rg_meeting_plan_free(&mp);
  rg_plan_free(p);
}

/* ------------------------------------------------------------ calendar */

Test(ics, puts_four_slots_on_each_working_day) {
  rg_ics_opts o;
  rg_ics_opts_init(&o);
  rg_error e;
  cr_assert_eq(rg_ics_parse_date("2026-03-02", &o, &e), RG_OK); /* a Monday */
  int y, m, d, min;
  static const int want[][4] = {
      {1, 2, 540, 0},   {2, 2, 645, 0}, {3, 2, 840, 0},
      {4, 2, 945, 0},   {5, 3, 540, 0}, {20, 6, 945, 0}, /* Friday */
      {21, 9, 540, 0},                                   /* the next Monday */
      {41, 16, 540, 0},
  };
  for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
    rg_ics_slot_start(&o, want[i][0], &y, &m, &d, &min);
    cr_assert_eq(y, 2026);
    cr_assert_eq(m, 3);
    cr_assert_eq(d, want[i][1], "slot %d on day %d", want[i][0], d);
    cr_assert_eq(min, want[i][2], "slot %d at minute %d", want[i][0], min);
  }
  /* a Saturday start moves to Monday; month and year roll over */
  cr_assert_eq(rg_ics_parse_date("2026-12-26", &o, &e), RG_OK);
  rg_ics_slot_start(&o, 1, &y, &m, &d, &min);
  cr_assert(y == 2026 && m == 12 && d == 28 && min == 540);
  rg_ics_slot_start(&o, 17, &y, &m, &d, &min);
  cr_assert(y == 2027 && m == 1 && d == 1, "%d-%d-%d", y, m, d);
  /* 60-minute slots: three per session */
  o.slot_minutes = 60;
  cr_assert_eq(rg_ics_parse_date("2026-03-02", &o, &e), RG_OK);
  rg_ics_slot_start(&o, 3, &y, &m, &d, &min);
  cr_assert_eq(min, 11 * 60 + 30);
  rg_ics_slot_start(&o, 4, &y, &m, &d, &min);
  cr_assert_eq(min, 14 * 60);
  rg_ics_slot_start(&o, 7, &y, &m, &d, &min);
  cr_assert(d == 3 && min == 540);
}

Test(ics, rejects_dates_that_do_not_exist) {
  rg_ics_opts o;
  rg_ics_opts_init(&o);
  rg_error e;
  cr_assert_eq(rg_ics_parse_date("2026-02-29", &o, &e), RG_EUSAGE);
  cr_assert_str_eq(e.msg, "--start '2026-02-29' is not a real date");
  cr_assert_eq(rg_ics_parse_date("2026-3-2", &o, &e), RG_EUSAGE);
  cr_assert_eq(rg_ics_parse_date("2026-03-02x", &o, &e), RG_EUSAGE);
  cr_assert_eq(rg_ics_parse_date("2028-02-29", &o, &e), RG_OK);
}

static char *ics_of(const rg_plan *p, const rg_meeting_plan *mp, int unit) {
  rg_ics_opts o;
  rg_ics_opts_init(&o);
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
  rg_meeting_plan mp;
  rg_error e;
  cr_assert_eq(rg_meetings_plan(p, NULL, &mp, &e), RG_OK);
  char *s = ics_of(p, &mp, -1);
  /* every line ends in CRLF, holds at most 75 octets and starts on a
   * character boundary */
  for (const char *line = s; *line;) {
    const char *end = strstr(line, "\r\n");
    cr_assert(end, "line without CRLF");
    cr_assert_leq(end - line, 75);
    cr_assert_neq((unsigned char)line[0] & 0xC0, 0x80, "line starts inside a character");
    line = end + 2;
  }
  char *u = unfold(s);
  cr_assert(strstr(
      u, "\r\nDESCRIPTION:Convener: 市发展改革委\\nAttendees (2): 市发展改革委、市工业和信息化局\\n"
         "Why together: 1 task\\, led by 市发展改革委\\; no other meeting can take its 2 units "
         "within the caps\\nAgenda:\\n7. 加快建设现代化产业体系\\,推动传统产业转型升级\\;"
         "培育壮大新兴产业\\\\未来产业\\n第二行\r\n"));
  cr_assert(strstr(u, "\r\nDTSTART:20260302T010000Z\r\nDTEND:20260302T023000Z\r\n"));
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
  plan_small(&p, &mp, 3);
  char *a = ics_of(p, &mp, -1), *b = ics_of(p, &mp, -1);
  cr_assert_str_eq(a, b);
  int events = 0;
  for (const char *q = a; (q = strstr(q, "BEGIN:VEVENT")); q++)
    events++;
  cr_assert_eq(events, 2);
  cr_assert(strstr(a, "DTSTAMP:20260302T000000Z\r\n"));
  char *c = ics_of(p, &mp, rg_plan_find_unit(p, "丙局"));
  events = 0;
  for (const char *q = c; (q = strstr(q, "BEGIN:VEVENT")); q++)
    events++;
  cr_assert_eq(events, 1);
  cr_assert(strstr(c, "UID:m2-"));
  free(a);
  free(b);
  free(c);
  rg_meeting_plan_free(&mp);
  rg_plan_free(p);
}
