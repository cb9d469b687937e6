/* meetings_out.c - meeting plan as table/CSV (table.h), JSON (jansson) and iCalendar. */
#include "meetings_out.h"

#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "calendar.h"
#include "escape.h"
#include "hash.h"
#include "schema.h"

static int shown(const rg_meeting *m, int only_unit) {
  return only_unit < 0 || rg_meeting_has_unit(m, only_unit);
}

static rg_status write_failed(rg_error *err) {
  return rg_error_set(err, RG_ESYS, NULL, 0, 0, "cannot write output");
}

static rg_table *meeting_table(const rg_view *v, const rg_plan *p, const rg_meeting_plan *mp,
                               int only_unit) {
  rg_table_src src = {.plan = p, .mp = mp, .only_unit = only_unit};
  return rg_table_view(v, &src);
}

void rg_meetings_group_text(const rg_plan *p, const rg_meeting_plan *mp, int c, rg_buf *b) {
  rg_buf_puts(b, p->units[c].name);
  int n = 0;
  for (int i = 0; i < mp->opts.n_roster; i++) {
    if (mp->opts.roster[2 * i] != c) continue;
    rg_buf_puts(b, n++ ? "、" : "（");
    rg_buf_puts(b, p->units[mp->opts.roster[2 * i + 1]].name);
  }
  if (n) rg_buf_puts(b, "）");
}

rg_table *rg_meetings_table(const rg_plan *p, const rg_meeting_plan *mp, int only_unit) {
  return meeting_table(&rg_view_agenda, p, mp, only_unit);
}

/* Which notices the dates follow, and the years counted by weekends only. */
void rg_meetings_calendar_note(const rg_meeting_plan *mp, FILE *out) {
  int en = mp->opts.lang_en, y0, y1, m, d;
  rg_civil_from_days(mp->first_day, &y0, &m, &d);
  rg_civil_from_days(mp->last_day, &y1, &m, &d);
  fputs(en ? "Working days follow " : "工作日依据", out);
  int any = 0;
  for (int y = y0; y <= y1; y++) {
    const char *n = rg_calendar_notice(y);
    if (!n) continue;
    fprintf(out, "%s%s", any ? (en ? "; " : "、") : "", n);
    any = 1;
  }
  if (!any) fputs(en ? "weekends only" : "周末", out);
  if (mp->weekends_only_year)
    fprintf(out,
            en ? "; from %d on no holiday notice is in the data: weekends only\n"
               : "；%d年起的节假日通知未收录，只按周末计算\n",
            mp->weekends_only_year);
  else
    fputc('\n', out);
}

/* Meetings against their tasks' deadlines (only when some task has one):
 * all before, or which cannot be and why. */
static void deadline_note(const rg_plan *p, const rg_meeting_plan *mp, FILE *out) {
  int en = mp->opts.lang_en;
  (void)p;
  if (!mp->n_due) return;
  if (!mp->n_late) {
    fprintf(out,
            en ? "All %d meetings whose tasks have a deadline are held before it\n"
               : "有完成时限的 %d 次会议均安排在时限之前\n",
            mp->n_due);
    return;
  }
  fprintf(out,
          en ? "%d of %d meetings cannot be held before their tasks' deadline (the calendar from "
               "the start day has no earlier working slot for all attendees):"
             : "%d 次会议（共 %d 次有时限）无法在任务时限之前召开（自起始日起，时限前的工作日"
               "已无全体参会单位都能参加的时段）：",
          mp->n_late, mp->n_due);
  int shown = 0;
  for (int i = 0; i < mp->n_meetings && shown < 10; i++) {
    const rg_meeting *m = &mp->meetings[i];
    if (!m->late) continue;
    char due[16], day[16];
    rg_date_iso(m->due, due, sizeof due);
    rg_date_iso(m->day, day, sizeof day);
    /* a deadline before the first day cannot be met whatever the calendar */
    int before_start = m->due < rg_calendar_next_working(mp->opts.start);
    fprintf(out, en ? "%s #%d on %s, due %s%s" : "%s第 %d 次（%s，时限 %s%s）",
            shown ? (en ? ";" : "；") : (en ? " " : ""), m->id, day, due,
            before_start ? (en ? ", before the start day" : "，早于起始日") : "");
    shown++;
  }
  fputs(mp->n_late > shown ? (en ? " ...\n" : "……\n") : "\n", out);
}

/* The summary in the plan's language: totals, relevance, the span and the
 * unit that sets it, and the holiday notices the calendar used. */
void rg_meetings_summary(const rg_plan *p, const rg_meeting_plan *mp, FILE *out) {
  int en = mp->opts.lang_en;
  double pct = mp->naive_unit_minutes
                   ? 100.0 * (double)(mp->naive_unit_minutes - mp->unit_minutes) /
                         (double)mp->naive_unit_minutes
                   : 0.0;
  fprintf(out,
          en ? "%d coordination tasks in %d meetings; %ld unit-minutes (one meeting per task: "
               "%ld, %.1f%% less); relevance %.2f\n"
             : "协同任务 %d 项，安排会议 %d 次；合计 %ld 单位·分钟（逐项开会 %ld，减少 %.1f%%）；"
               "相关度 %.2f\n",
          mp->coordination_tasks, mp->n_meetings, mp->unit_minutes, mp->naive_unit_minutes, pct,
          mp->relevance);
  if (mp->n_meetings == 0) return;
  char d0[64], d1[64];
  rg_date_label(mp->first_day, en, d0, sizeof d0);
  rg_date_label(mp->last_day, en, d1, sizeof d1);
  /* one line each, so that the summary fits a 120-column terminal */
  fprintf(out, en ? "From %s to %s: %d working days\n" : "日程：%s至%s，共 %d 个工作日\n", d0, d1,
          mp->working_days);
  int per = mp->opts.max_per_day < mp->opts.n_sessions ? mp->opts.max_per_day : mp->opts.n_sessions;
  if (mp->span_unit >= 0) {
    /* a terminal sees a name's control characters, never obeys them */
    char *name = rg_escape_terminal_dup(p->units[mp->span_unit].name);
    fprintf(out,
            en ? "%s attends %d meetings, at most %d a day, so no schedule is shorter than %d "
                 "working days: its attendance sets the span\n"
               : "%s参加 %d 次会议，每天至多 %d 次，日程至少需要 %d 个工作日，由它的会议决定\n",
            name, mp->span_unit_meetings, per, mp->span_bound);
    free(name);
  }
  rg_meetings_calendar_note(mp, out);
  deadline_note(p, mp, out);
}

/* The summary, then one row per meeting. */
static rg_status write_text(const rg_plan *p, const rg_meeting_plan *mp, int only_unit,
                            const rg_table_opts *o, FILE *out, rg_error *err) {
  rg_table *tm =
      meeting_table(mp->opts.lang_en ? &rg_view_meetings_en : &rg_view_meetings, p, mp, only_unit);
  rg_status st = rg_table_shape(tm, o, err); /* a bad --sort or --columns before any line */
  if (st == RG_OK) {
    rg_meetings_summary(p, mp, out);
    if (only_unit >= 0) {
      char *name = rg_escape_terminal_dup(p->units[only_unit].name);
      fprintf(out, mp->opts.lang_en ? "meetings of %s:\n" : "%s的会议日程：\n", name);
      free(name);
    }
    fputc('\n', out);
    st = rg_table_write_text(tm, &o->text, out, err);
  }
  rg_table_free(tm);
  return st;
}

static rg_status write_csv(const rg_plan *p, const rg_meeting_plan *mp, int only_unit,
                           const rg_table_opts *o, FILE *out, rg_error *err) {
  rg_table *t =
      meeting_table(mp->opts.lang_en ? &rg_view_meetings_en : &rg_view_meetings, p, mp, only_unit);
  rg_status st = rg_table_write_opts(t, RG_FMT_CSV, o, out, err);
  rg_table_free(t);
  return st;
}

/* The totals, then the meetings. */
static rg_status write_json(const rg_plan *p, const rg_meeting_plan *mp, int only_unit,
                            const rg_table_opts *o, FILE *out, rg_error *err) {
  json_t *root = json_object();
  json_object_set_new(root, "coordination_tasks", json_integer(mp->coordination_tasks));
  json_object_set_new(root, "unit_minutes", json_integer(mp->unit_minutes));
  json_object_set_new(root, "naive_unit_minutes", json_integer(mp->naive_unit_minutes));
  json_object_set_new(root, "relevance", json_real(mp->relevance));
  rg_table *tm = meeting_table(&rg_view_meetings_json, p, mp, only_unit);
  rg_status st = rg_table_shape(tm, o, err);
  if (st) {
    rg_table_free(tm);
    json_decref(root);
    return st;
  }
  json_object_set_new(root, "meetings", rg_table_json(tm, 0));
  rg_table_free(tm);
  int rc = json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
  json_decref(root);
  fputc('\n', out);
  return rc != 0 || ferror(out) ? write_failed(err) : RG_OK;
}

rg_status rg_meetings_write(const rg_plan *plan, const rg_meeting_plan *mp, int only_unit,
                            rg_format fmt, FILE *out, rg_error *err) {
  rg_table_opts o = rg_table_opts_default();
  return rg_meetings_write_opts(plan, mp, only_unit, fmt, &o, out, err);
}

rg_status rg_meetings_write_opts(const rg_plan *plan, const rg_meeting_plan *mp, int only_unit,
                                 rg_format fmt, const rg_table_opts *o, FILE *out, rg_error *err) {
  rg_status st;
  switch (fmt) {
  case RG_FMT_CSV:
    st = write_csv(plan, mp, only_unit, o, out, err);
    break;
  case RG_FMT_JSON:
    st = write_json(plan, mp, only_unit, o, out, err);
    break;
  default:
    st = write_text(plan, mp, only_unit, o, out, err);
    break;
  }
  if (st == RG_OK && ferror(out)) st = write_failed(err);
  return st;
}

/* A content line, folded at 75 octets (continuations start with a space)
 * without splitting a UTF-8 sequence, ended by CRLF. */
static void ics_line(FILE *out, const char *s) {
  size_t len = strlen(s), pos = 0;
  int first = 1;
  while (pos < len || first) {
    size_t room = first ? 75 : 74;
    size_t n = len - pos;
    if (n > room) {
      n = room;
      while (n > 0 && ((unsigned char)s[pos + n] & 0xC0) == 0x80)
        n--;
    }
    if (!first) fputc(' ', out);
    fwrite(s + pos, 1, n, out);
    fputs("\r\n", out);
    pos += n;
    first = 0;
  }
}

typedef rg_buf sbuf;

/* Append s as an RFC 5545 TEXT value: \ ; , escaped, newline as \n, CR and
 * other C0 controls dropped or made spaces. */
static void sb_text(sbuf *b, const char *s) {
  for (const char *p = s ? s : ""; *p; p++) {
    unsigned char c = (unsigned char)*p;
    if (c == '\\' || c == ';' || c == ',') {
      char e[2] = {'\\', (char)c};
      rg_buf_putn(b, e, 2);
    } else if (c == '\n') {
      rg_buf_puts(b, "\\n");
    } else if (c == '\r') {
      continue;
    } else if (c < 0x20 || c == 0x7f) {
      rg_buf_puts(b, " ");
    } else {
      rg_buf_putn(b, p, 1);
    }
  }
}

/* FNV-1a over s and a 0xff separator. */
static uint64_t fnv(uint64_t h, const char *s) {
  return rg_fnv1a(rg_fnv1a(h, s, strlen(s)), "\xff", 1);
}

void rg_ics_opts_init(rg_ics_opts *o) { o->room = NULL; }

/* "ATTENDEE;CUTYPE=...;ROLE=...;CN="name":urn:x-respgraph:unit:N" for unit u. */
static void ics_attendee(FILE *out, const rg_plan *plan, int u, const char *role) {
  sbuf b = {0};
  char buf[96];
  snprintf(buf, sizeof buf, "ATTENDEE;CUTYPE=GROUP;ROLE=%s;CN=\"", role);
  rg_buf_puts(&b, buf);
  for (const char *c = plan->units[u].name; *c; c++) /* a quoted value holds no '"' */
    if (*c != '"' && (unsigned char)*c >= 0x20) rg_buf_putn(&b, c, 1);
  snprintf(buf, sizeof buf, "\":urn:x-respgraph:unit:%d", u);
  rg_buf_puts(&b, buf);
  ics_line(out, b.s);
  free(b.s);
}

static void sb_units(sbuf *b, const rg_plan *plan, const int *u, int n) {
  for (int j = 0; j < n; j++) {
    if (j) sb_text(b, "、");
    sb_text(b, plan->units[u[j]].name);
  }
}

/* DESCRIPTION: convener, attendees, groups, agenda, reason. */
static void ics_description(FILE *out, const rg_plan *plan, const rg_meeting_plan *mp,
                            const rg_meeting *m, int en) {
  sbuf b = {0};
  rg_buf_puts(&b, "DESCRIPTION:");
  sb_text(&b, en ? "Convener: " : "召集单位：");
  sb_text(&b, m->convener >= 0 ? plan->units[m->convener].name : (en ? "none" : "无"));
  sb_text(&b, en ? "\nAttendees: " : "\n参会单位：");
  sb_units(&b, plan, m->attendees, m->n_attendees);
  for (int j = 0; j < m->n_groups; j++) {
    sb_text(&b, j ? "、" : (en ? "\nInvited groups: " : "\n列席/邀请："));
    rg_buf g = {0};
    rg_meetings_group_text(plan, mp, m->groups[j], &g);
    sb_text(&b, g.s);
    free(g.s);
  }
  sb_text(&b, en ? "\nAgenda:" : "\n议题：");
  for (int j = 0; j < m->n_tasks; j++) {
    sb_text(&b, "\n");
    sb_text(&b, plan->tasks[m->tasks[j]].number);
    sb_text(&b, en ? ". " : "．");
    sb_text(&b, plan->tasks[m->tasks[j]].text);
  }
  sb_text(&b, en ? "\nWhy together: " : "\n安排理由：");
  sb_text(&b, m->reason);
  ics_line(out, b.s);
  free(b.s);
}

/* "DTSTART:20260921T010000Z": minute of day (local, UTC+8, no daylight
 * saving) of day z, written in UTC. */
static void ics_time(FILE *out, const char *prop, long z, int minute) {
  long t = z * 1440L + minute - 480, day = t >= 0 ? t / 1440 : (t - 1439) / 1440;
  long r = t - day * 1440;
  int y, m, d;
  rg_civil_from_days(day, &y, &m, &d);
  char buf[64];
  snprintf(buf, sizeof buf, "%s:%04d%02d%02dT%02ld%02ld00Z", prop, y, m, d, r / 60, r % 60);
  ics_line(out, buf);
}

static void ics_event(FILE *out, const rg_plan *plan, const rg_meeting_plan *mp,
                      const rg_meeting *m, const rg_ics_opts *o, const char *stamp, int en) {
  char buf[160];
  uint64_t h = RG_FNV_OFFSET;
  snprintf(buf, sizeof buf, "%ld/%d", m->day, m->start);
  h = fnv(h, buf);
  for (int j = 0; j < m->n_tasks; j++)
    h = fnv(h, plan->tasks[m->tasks[j]].number);
  for (int j = 0; j < m->n_attendees; j++)
    h = fnv(h, plan->units[m->attendees[j]].name);
  ics_line(out, "BEGIN:VEVENT");
  snprintf(buf, sizeof buf, "UID:m%d-%016llx@respgraph", m->id, (unsigned long long)h);
  ics_line(out, buf);
  ics_line(out, stamp);
  ics_time(out, "DTSTART", m->day, m->start);
  ics_time(out, "DTEND", m->day, m->end);
  sbuf b = {0};
  rg_buf_puts(&b, "SUMMARY:");
  sb_text(&b, m->title);
  ics_line(out, b.s);
  if (o->room) {
    b.n = 0;
    rg_buf_puts(&b, "LOCATION:");
    sb_text(&b, o->room);
    ics_line(out, b.s);
  }
  free(b.s);
  ics_description(out, plan, mp, m, en);
  for (int j = 0; j < m->n_attendees; j++)
    ics_attendee(out, plan, m->attendees[j],
                 m->attendees[j] == m->convener ? "CHAIR" : "REQ-PARTICIPANT");
  for (int j = 0; j < m->n_groups; j++)
    ics_attendee(out, plan, m->groups[j], "OPT-PARTICIPANT");
  ics_line(out, "TRANSP:OPAQUE");
  ics_line(out, "END:VEVENT");
}

rg_status rg_meetings_write_ics(const rg_plan *plan, const rg_meeting_plan *mp, int only_unit,
                                const rg_ics_opts *o, FILE *out, rg_error *err) {
  int en = mp->opts.lang_en;
  ics_line(out, "BEGIN:VCALENDAR");
  ics_line(out, "VERSION:2.0");
  ics_line(out,
           en ? "PRODID:-//respgraph//joint meetings//EN" : "PRODID:-//respgraph//联席会议//ZH");
  ics_line(out, "CALSCALE:GREGORIAN");
  ics_line(out, "METHOD:PUBLISH");
  char stamp[48];
  int y, m, d;
  rg_civil_from_days(mp->opts.start, &y, &m, &d);
  snprintf(stamp, sizeof stamp, "DTSTAMP:%04d%02d%02dT000000Z", y, m, d);
  for (int i = 0; i < mp->n_meetings; i++)
    if (shown(&mp->meetings[i], only_unit))
      ics_event(out, plan, mp, &mp->meetings[i], o, stamp, en);
  ics_line(out, "END:VCALENDAR");
  return ferror(out) ? write_failed(err) : RG_OK;
}
