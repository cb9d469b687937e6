/* meetings_out.h - the meeting plan as table, CSV, JSON and iCalendar.
 *
 * Reads analyzer/meetings.h (plain C). Unit and task names come from the
 * plan, which must outlive the calls. only_unit >= 0 keeps the meetings that
 * unit attends (the summary still describes the whole plan); -1 keeps all.
 *
 * table: a summary line, the meetings (id, slot, convener, attendees, tasks,
 *        reason) and the agenda (meeting, task, text), via output/table.h.
 * csv:   one row per agenda item: id,slot,convener,attendees,task,text,reason
 *        (attendees joined by ';'). The summary is not in the CSV (use JSON).
 * json:  {coordination_tasks, naive_meetings, meetings_lower_bound,
 *        naive_seats, seats, slots, lower_bound, slots_optimal,
 *        max_attendees, max_agenda, rooms, unit, meetings[] {id, slot,
 *        convener, attendees[], tasks[], reason, oversize, agenda[] {task,
 *        text}}}; tasks are the numbers as printed. Built with jansson.
 *
 * iCalendar (RFC 5545), one VEVENT per meeting, CRLF lines folded at 75
 * octets without splitting a UTF-8 character, TEXT escaped (\\ \; \, \n):
 *  - Slots are consecutive blocks of slot_minutes on working days (Monday to
 *    Friday; public holidays are not known) from the start date (a start on a
 *    weekend moves to the next Monday). A day has a morning session from
 *    09:00 to 12:30 and an afternoon session from 14:00 to 17:30; each holds
 *    max(1, floor(225 / (slot_minutes + 15))) slots with 15-minute breaks.
 *    With 90 minutes: 09:00, 10:45, 14:00, 15:45, i.e. 4 slots a day.
 *  - Times are China Standard Time (UTC+8, no daylight saving), written in
 *    UTC (DTSTART:20260302T010000Z is 09:00 in Shenyang).
 *  - DTSTAMP is 00:00:00 UTC of the start date, and the UID is
 *    "m<id>-<16 hex digits of FNV-1a over the slot, task numbers and
 *    attendee names>@respgraph", so the same plan and options give the same
 *    bytes. */
#ifndef RG_MEETINGS_OUT_H
#define RG_MEETINGS_OUT_H

#include <stdio.h>

#include "error.h"
#include "meetings.h"
#include "plan.h"
#include "table.h"

rg_status rg_meetings_write(const rg_plan *plan, const rg_meeting_plan *mp, int only_unit,
                            rg_format fmt, FILE *out, rg_error *err);

/* The agenda table that the CSV prints (one row per agenda item: id, slot,
 * convener, attendees, task, text, reason), e.g. for the report's extras.
 * Never NULL; the caller frees it with rg_table_free. */
rg_table *rg_meetings_table(const rg_plan *plan, const rg_meeting_plan *mp, int only_unit);

typedef struct rg_ics_opts {
  int year, month, day; /* start date */
  int slot_minutes;     /* 5..210, default 90 */
} rg_ics_opts;

/* Defaults: slot_minutes 90, start 2026-03-02 (callers set the date). */
void rg_ics_opts_init(rg_ics_opts *o);

/* Parse "YYYY-MM-DD" (a real date, years 1970..9999) into o. RG_EUSAGE
 * with a message when it is not one. */
rg_status rg_ics_parse_date(const char *s, rg_ics_opts *o, rg_error *err);

/* Start of slot (1-based) in local time: date and minutes after midnight. */
void rg_ics_slot_start(const rg_ics_opts *o, int slot, int *year, int *month, int *day,
                       int *minute);

/* Write the calendar. RG_EUSAGE when slot_minutes is out of range. */
rg_status rg_meetings_write_ics(const rg_plan *plan, const rg_meeting_plan *mp, int only_unit,
                                const rg_ics_opts *o, FILE *out, rg_error *err);

#endif
