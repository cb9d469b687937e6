/* meetings_out.c - meeting plan as table/CSV (table.h), JSON (jansson) and iCalendar. */
#include "meetings_out.h"

#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
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

rg_table *rg_meetings_table(const rg_plan *p, const rg_meeting_plan *mp, int only_unit) {
  return meeting_table(&rg_view_agenda, p, mp, only_unit);
}

/* A summary line, the meetings, then their agenda. */
static rg_status write_text(const rg_plan *p, const rg_meeting_plan *mp, int only_unit, FILE *out,
                            rg_error *err) {
  fprintf(out,
          "coordination tasks: %d  meetings: %d (naive %d, at least %d)  seats: %d (naive %d)  "
          "slots: %d (lower bound %d%s)\n",
          mp->coordination_tasks, mp->n_meetings, mp->naive_meetings, mp->meetings_lower_bound,
          mp->seats, mp->naive_seats, mp->slots, mp->lower_bound,
          mp->slots_optimal ? ", optimal" : "");
  if (only_unit >= 0) fprintf(out, "meetings attended by %s:\n", p->units[only_unit].name);
  fputc('\n', out);
  rg_table *tm = meeting_table(&rg_view_meetings, p, mp, only_unit);
  rg_table *ta = meeting_table(&rg_view_agenda_text, p, mp, only_unit);
  rg_status st = rg_table_write(tm, RG_FMT_TABLE, out, err);
  if (st == RG_OK) {
    fputc('\n', out);
    st = rg_table_write(ta, RG_FMT_TABLE, out, err);
  }
  rg_table_free(tm);
  rg_table_free(ta);
  return st;
}

static rg_status write_csv(const rg_plan *p, const rg_meeting_plan *mp, int only_unit, FILE *out,
                           rg_error *err) {
  rg_table *t = rg_meetings_table(p, mp, only_unit);
  rg_status st = rg_table_write(t, RG_FMT_CSV, out, err);
  rg_table_free(t);
  return st;
}

/* The figures of the plan, then each meeting with its agenda. */
static rg_status write_json(const rg_plan *p, const rg_meeting_plan *mp, int only_unit, FILE *out,
                            rg_error *err) {
  json_t *root = json_object();
  json_object_set_new(root, "coordination_tasks", json_integer(mp->coordination_tasks));
  json_object_set_new(root, "naive_meetings", json_integer(mp->naive_meetings));
  json_object_set_new(root, "meetings_lower_bound", json_integer(mp->meetings_lower_bound));
  json_object_set_new(root, "naive_seats", json_integer(mp->naive_seats));
  json_object_set_new(root, "seats", json_integer(mp->seats));
  json_object_set_new(root, "slots", json_integer(mp->slots));
  json_object_set_new(root, "lower_bound", json_integer(mp->lower_bound));
  json_object_set_new(root, "slots_optimal", json_boolean(mp->slots_optimal));
  json_object_set_new(root, "max_attendees", json_integer(mp->opts.max_attendees));
  json_object_set_new(root, "max_agenda", json_integer(mp->opts.max_agenda));
  json_object_set_new(root, "rooms",
                      mp->opts.rooms > 0 ? json_integer(mp->opts.rooms) : json_null());
  json_object_set_new(root, "unit",
                      only_unit >= 0 ? json_string(p->units[only_unit].name) : json_null());
  rg_table *tm = meeting_table(&rg_view_meetings_json, p, mp, only_unit);
  rg_table *ta = meeting_table(&rg_view_agenda_json, p, mp, only_unit);
  json_t *arr = json_array();
  for (int i = 0, a = 0; i < rg_table_rows(tm); i++) {
    json_t *o = rg_table_json_row(tm, i, 0), *agenda = json_array();
    int m = rg_table_row_at(tm, i).i;
    for (; a < rg_table_rows(ta) && rg_table_row_at(ta, a).i == m; a++)
      json_array_append_new(agenda, rg_table_json_row(ta, a, 0));
    json_object_set_new(o, "agenda", agenda);
    json_array_append_new(arr, o);
  }
  rg_table_free(tm);
  rg_table_free(ta);
  json_object_set_new(root, "meetings", arr);
  int rc = json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
  json_decref(root);
  fputc('\n', out);
  return rc != 0 || ferror(out) ? write_failed(err) : RG_OK;
}

rg_status rg_meetings_write(const rg_plan *plan, const rg_meeting_plan *mp, int only_unit,
                            rg_format fmt, FILE *out, rg_error *err) {
  rg_status st;
  switch (fmt) {
  case RG_FMT_CSV:
    st = write_csv(plan, mp, only_unit, out, err);
    break;
  case RG_FMT_JSON:
    st = write_json(plan, mp, only_unit, out, err);
    break;
  default:
    st = write_text(plan, mp, only_unit, out, err);
    break;
  }
  if (st == RG_OK && ferror(out)) st = write_failed(err);
  return st;
}

/* ------------------------------------------------------------ calendar */

void rg_ics_opts_init(rg_ics_opts *o) {
  o->year = 2026;
  o->month = 3;
  o->day = 2;
  o->slot_minutes = 90;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant). */
static long days_from_civil(long y, int m, int d) {
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long yy = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  *d = (int)(doy - (153 * mp + 2) / 5 + 1);
  *m = (int)(mp < 10 ? mp + 3 : mp - 9);
  *y = (int)(yy + (*m <= 2));
}

/* 0 = Monday .. 6 = Sunday; 1970-01-01 was a Thursday. */
static int weekday(long days) { return (int)(((days % 7) + 7 + 3) % 7); }

rg_status rg_ics_parse_date(const char *s, rg_ics_opts *o, rg_error *err) {
  int y, m, d;
  char tail;
  if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
      sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
    return rg_error_set(err, RG_EUSAGE, NULL, 0, 0, "--start '%s' is not a date YYYY-MM-DD",
                        s ? s : "");
  int yy, mm, dd;
  if (y < 1970 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31 ||
      (civil_from_days(days_from_civil(y, m, d), &yy, &mm, &dd), yy != y || mm != m || dd != d))
    return rg_error_set(err, RG_EUSAGE, NULL, 0, 0, "--start '%s' is not a real date", s);
  o->year = y;
  o->month = m;
  o->day = d;
  return RG_OK;
}

static int slots_per_session(int minutes) {
  int n = (210 + 15) / (minutes + 15);
  return n < 1 ? 1 : n;
}

void rg_ics_slot_start(const rg_ics_opts *o, int slot, int *year, int *month, int *day,
                       int *minute) {
  int per = slots_per_session(o->slot_minutes), per_day = 2 * per;
  int k = slot - 1;
  long wd = k / per_day;
  int j = k % per_day;
  long z = days_from_civil(o->year, o->month, o->day);
  while (weekday(z) >= 5)
    z++;
  z += 7 * (wd / 5);
  for (long r = wd % 5; r > 0; r--) {
    z++;
    while (weekday(z) >= 5)
      z++;
  }
  civil_from_days(z, year, month, day);
  *minute = (j < per ? 9 * 60 : 14 * 60) + (j % per) * (o->slot_minutes + 15);
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

rg_status rg_meetings_write_ics(const rg_plan *plan, const rg_meeting_plan *mp, int only_unit,
                                const rg_ics_opts *o, FILE *out, rg_error *err) {
  if (o->slot_minutes < 5 || o->slot_minutes > 210)
    return rg_error_set(err, RG_EUSAGE, NULL, 0, 0,
                        "--slot-minutes must be from 5 to 210 (a slot fits in a half day)");
  char buf[160];
  ics_line(out, "BEGIN:VCALENDAR");
  ics_line(out, "VERSION:2.0");
  ics_line(out, "PRODID:-//respgraph//joint meetings//EN");
  ics_line(out, "CALSCALE:GREGORIAN");
  ics_line(out, "METHOD:PUBLISH");
  char stamp[32];
  snprintf(stamp, sizeof stamp, "%04d%02d%02dT000000Z", o->year, o->month, o->day);
  for (int i = 0; i < mp->n_meetings; i++) {
    const rg_meeting *m = &mp->meetings[i];
    if (!shown(m, only_unit)) continue;
    int y, mo, d, minute;
    rg_ics_slot_start(o, m->slot, &y, &mo, &d, &minute);
    int utc0 = minute - 8 * 60, utc1 = utc0 + o->slot_minutes; /* within the same day */
    uint64_t h = RG_FNV_OFFSET;
    snprintf(buf, sizeof buf, "%d", m->slot);
    h = fnv(h, buf);
    for (int j = 0; j < m->n_tasks; j++)
      h = fnv(h, plan->tasks[m->tasks[j]].number);
    for (int j = 0; j < m->n_attendees; j++)
      h = fnv(h, plan->units[m->attendees[j]].name);
    ics_line(out, "BEGIN:VEVENT");
    snprintf(buf, sizeof buf, "UID:m%d-%016llx@respgraph", m->id, (unsigned long long)h);
    ics_line(out, buf);
    snprintf(buf, sizeof buf, "DTSTAMP:%s", stamp);
    ics_line(out, buf);
    snprintf(buf, sizeof buf, "DTSTART:%04d%02d%02dT%02d%02d00Z", y, mo, d, utc0 / 60, utc0 % 60);
    ics_line(out, buf);
    snprintf(buf, sizeof buf, "DTEND:%04d%02d%02dT%02d%02d00Z", y, mo, d, utc1 / 60, utc1 % 60);
    ics_line(out, buf);
    sbuf b = {0};
    snprintf(buf, sizeof buf, "SUMMARY:Joint meeting M%d (slot %d)\\, convener ", m->id, m->slot);
    rg_buf_puts(&b, buf);
    sb_text(&b, plan->units[m->convener].name);
    ics_line(out, b.s);
    b.n = 0;
    rg_buf_puts(&b, "DESCRIPTION:");
    sb_text(&b, "Convener: ");
    sb_text(&b, plan->units[m->convener].name);
    snprintf(buf, sizeof buf, "\nAttendees (%d): ", m->n_attendees);
    sb_text(&b, buf);
    for (int j = 0; j < m->n_attendees; j++) {
      if (j) sb_text(&b, "、");
      sb_text(&b, plan->units[m->attendees[j]].name);
    }
    sb_text(&b, "\nWhy together: ");
    sb_text(&b, m->reason);
    sb_text(&b, "\nAgenda:");
    for (int j = 0; j < m->n_tasks; j++) {
      sb_text(&b, "\n");
      sb_text(&b, plan->tasks[m->tasks[j]].number);
      sb_text(&b, ". ");
      sb_text(&b, plan->tasks[m->tasks[j]].text);
    }
    ics_line(out, b.s);
    free(b.s);
    ics_line(out, "TRANSP:OPAQUE");
    ics_line(out, "END:VEVENT");
  }
  ics_line(out, "END:VCALENDAR");
  return ferror(out) ? write_failed(err) : RG_OK;
}
