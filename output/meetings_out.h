/* meetings_out.h - the meeting plan as table, CSV, JSON and iCalendar.
 *
 * Reads analyzer/meetings.h (plain C). Unit and task names come from the
 * plan, which must outlive the calls. only_unit >= 0 keeps the meetings that
 * unit attends or is invited to (its own schedule; the summary still
 * describes the whole plan); -1 keeps all. The language is the plan's
 * (mp->opts.lang_en).
 *
 * table: the summary (rg_meetings_summary), then one row per meeting:
 *        编号 日期 时间 会议名称 召集单位 参会单位 列席/邀请 议题 相关度 (English
 *        headers with lang_en), via output/table.h.
 * csv:   the same rows and headers.
 * json:  {coordination_tasks, unit_minutes, naive_unit_minutes, relevance,
 *        meetings[] {id, date (YYYY-MM-DD), start, end (HH:MM), title,
 *        convener, attendees[], groups[], tasks[], relevance, reason}};
 *        tasks are the numbers as printed. Built with jansson.
 * Every column is described once in output/schema.c.
 *
 * iCalendar (RFC 5545), one VEVENT per meeting, CRLF lines folded at 75
 * octets without splitting a UTF-8 character, TEXT escaped (\\ \; \, \n),
 * in the plan's language: SUMMARY the title, LOCATION the room (when
 * given), DESCRIPTION convener, attendees, groups, agenda and reason, one
 * ATTENDEE per unit (the convener ROLE=CHAIR, invited groups
 * OPT-PARTICIPANT; the address is urn:x-respgraph:unit:N since units have
 * no e-mail). Times are China Standard Time (UTC+8, no daylight saving)
 * written in UTC (DTSTART:20260921T010000Z is 09:00 in Shenyang). DTSTAMP
 * is 00:00:00 UTC of the start day and the UID is "m<id>-<16 hex digits of
 * FNV-1a over the day, start, task numbers and attendee names>@respgraph",
 * so the same plan and options give the same bytes. */
#ifndef RG_MEETINGS_OUT_H
#define RG_MEETINGS_OUT_H

#include <stdio.h>

#include "buf.h"
#include "error.h"
#include "meetings.h"
#include "plan.h"
#include "table.h"

rg_status rg_meetings_write(const rg_plan *plan, const rg_meeting_plan *mp, int only_unit,
                            rg_format fmt, FILE *out, rg_error *err);
/* The same, the meetings table shaped as the command line asks (--top,
 * --sort, --columns, --wide: rg_table_shape); the summary lines stay whole. */
rg_status rg_meetings_write_opts(const rg_plan *plan, const rg_meeting_plan *mp, int only_unit,
                                 rg_format fmt, const rg_table_opts *o, FILE *out, rg_error *err);

/* The 会议安排 table of the report and workbook (rg_view_agenda: dates as
 * readers write them). Never NULL; the caller frees it with rg_table_free. */
rg_table *rg_meetings_table(const rg_plan *plan, const rg_meeting_plan *mp, int only_unit);

/* The summary lines: totals and relevance against one meeting per task; the
 * dates, working days and the unit whose attendance sets the span; then
 * rg_meetings_calendar_note. */
void rg_meetings_summary(const rg_plan *plan, const rg_meeting_plan *mp, FILE *out);
/* One line: the holiday notices the dates follow, and from which year the
 * calendar counts weekends only (no notice in the data). */
void rg_meetings_calendar_note(const rg_meeting_plan *mp, FILE *out);

/* Invited group c as the notice names it: 各区、县(市)政府（和平区政府、沈河区政府）
 * with its members from the roster (mp->opts.roster), else its name alone;
 * appended to b. */
void rg_meetings_group_text(const rg_plan *plan, const rg_meeting_plan *mp, int c, rg_buf *b);

typedef struct rg_ics_opts {
  const char *room; /* LOCATION, or NULL */
} rg_ics_opts;

void rg_ics_opts_init(rg_ics_opts *o);

/* Write the calendar. RG_ESYS on a write error. */
rg_status rg_meetings_write_ics(const rg_plan *plan, const rg_meeting_plan *mp, int only_unit,
                                const rg_ics_opts *o, FILE *out, rg_error *err);

#endif
