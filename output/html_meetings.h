/* html_meetings.h - the meeting plan for readers (html_meetings.c): the week
 * calendar and a unit's meetings on index.html, and notices.html, one
 * printable A4 会议通知 per meeting (print CSS: @page A4, a page break after
 * each notice). Text is escaped with rg_escape_html_text; en = 1 writes
 * English labels (titles and reasons come in the plan's language). */
#ifndef RG_HTML_MEETINGS_H
#define RG_HTML_MEETINGS_H

#include <stdio.h>

#include "meetings.h"
#include "plan.h"

/* A table of weeks (Monday to Sunday) from the first to the last meeting,
 * days off shaded and named (休 国庆节, 班 for a 调休 weekend day), each
 * meeting linking to its notice. Nothing when mp is NULL or empty. */
void rg_html_meetings_calendar(FILE *out, const rg_meeting_plan *mp, int en);

/* "会议安排：" and the meetings unit u attends or is invited to, by date;
 * nothing when it has none or mp is NULL. */
void rg_html_unit_meetings(FILE *out, const rg_plan *plan, const rg_meeting_plan *mp, int u,
                           int en);

/* notices.html: a self-contained page, one <article id="notice-N"> per
 * meeting (time, place = room or 另行通知, convener, attendees, invited groups
 * with their members, agenda with full task texts, reason). */
void rg_html_meetings_notices(FILE *out, const rg_plan *plan, const rg_meeting_plan *mp,
                              const char *room, int en);

#endif
