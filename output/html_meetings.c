/* html_meetings.c - the meeting plan for readers: a week-by-week calendar and a
 * unit's meetings on the report page, and notices.html, one printable A4
 * 会议通知 per meeting. */
#include "html_meetings.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "calendar.h"
#include "escape.h"
#include "meetings_out.h"

#define TX(s) rg_escape_html_text(out, (s))
#define L(zh_, en_) (en ? (en_) : (zh_))

static void time_text(FILE *out, const rg_meeting *m) {
  fprintf(out, "%02d:%02d–%02d:%02d", m->start / 60, m->start % 60, m->end / 60, m->end % 60);
}

/* ---------------------------------------------------------------- calendar */

/* One day cell: the date, what the day is (休 / 班 for a 调休 Saturday or
 * Sunday) and the meetings of the day, linking to their notices. */
static void day_cell(FILE *out, const rg_meeting_plan *mp, long z, int *next, int en) {
  const char *name;
  rg_day_kind k = rg_calendar_day(z, &name);
  int y, m, d;
  rg_civil_from_days(z, &y, &m, &d);
  fprintf(out, "<td class=\"%s\"><div class=\"cal-date\">%d/%d",
          k == RG_DAY_WORK       ? "work"
          : k == RG_DAY_ADJUSTED ? "work adj"
                                 : "off",
          m, d);
  if (k == RG_DAY_HOLIDAY || k == RG_DAY_ADJUSTED) {
    fputs(" <span class=\"cal-tag\">", out);
    TX(k == RG_DAY_HOLIDAY ? L("休", "off") : L("班", "work"));
    fputc(' ', out);
    TX(name);
    fputs("</span>", out);
  }
  fputs("</div>", out);
  for (; *next < mp->n_meetings && mp->meetings[*next].day == z; (*next)++) {
    const rg_meeting *mt = &mp->meetings[*next];
    fprintf(out, "<a class=\"cal-m\" href=\"notices.html#notice-%d\">", mt->id);
    fprintf(out, "%02d:%02d #%d ", mt->start / 60, mt->start % 60, mt->id);
    TX(mt->title);
    fputs("</a>", out);
  }
  fputs("</td>", out);
}

void rg_html_meetings_calendar(FILE *out, const rg_meeting_plan *mp, int en) {
  if (!mp || mp->n_meetings == 0) return;
  fputs("<h3>", out);
  TX(L("按周日历", "Week by week"));
  fputs("</h3>\n<div class=\"scroll\"><table class=\"data cal\"><thead><tr><th>", out);
  TX(L("周", "week"));
  fputs("</th>", out);
  for (int w = 0; w < 7; w++) {
    fputs("<th>", out);
    TX(rg_weekday_name(w, en));
    fputs("</th>", out);
  }
  fputs("</tr></thead><tbody>\n", out);
  long monday = mp->first_day - rg_weekday(mp->first_day);
  int next = 0, week = 1;
  for (long z = monday; z <= mp->last_day; z += 7, week++) {
    int busy = next < mp->n_meetings && mp->meetings[next].day < z + 7;
    if (!busy) continue; /* weeks without a meeting (a long holiday) are left out */
    fprintf(out, "<tr><th>%d</th>", week);
    for (int w = 0; w < 7; w++)
      day_cell(out, mp, z + w, &next, en);
    fputs("</tr>\n", out);
  }
  fputs("</tbody></table></div>\n<p class=\"hint\">", out);
  TX(L("点击会议打开可打印的会议通知（notices.html，每次会议一页 A4）；日历文件 meetings.ics "
       "可导入日程软件。",
       "Click a meeting to open its printable notice (notices.html, one A4 page per meeting); "
       "meetings.ics imports into a calendar."));
  fputs("</p>\n", out);
}

/* ------------------------------------------------------------ unit section */

void rg_html_unit_meetings(FILE *out, const rg_plan *plan, const rg_meeting_plan *mp, int u,
                           int en) {
  (void)plan;
  if (!mp) return;
  int n = 0;
  for (int i = 0; i < mp->n_meetings; i++) {
    const rg_meeting *m = &mp->meetings[i];
    if (!rg_meeting_has_unit(m, u)) continue;
    if (n++ == 0) {
      fputs("<p class=\"unit-meetings\"><b>", out);
      TX(L("会议安排：", "Meetings: "));
      fputs("</b>", out);
    } else {
      fputs(L("；", "; "), out);
    }
    char date[64];
    rg_date_label(m->day, en, date, sizeof date);
    fprintf(out, "<a href=\"notices.html#notice-%d\">", m->id);
    TX(date);
    fputc(' ', out);
    time_text(out, m);
    fputc(' ', out);
    TX(m->title);
    fputs("</a>", out);
    if (m->convener == u) TX(L("（召集）", " (convenes)"));
  }
  if (n) fputs("</p>\n", out);
}

/* ----------------------------------------------------------------- notices */

static const char NOTICE_CSS[] =
    "body{font-family:\"Noto Sans CJK SC\",\"WenQuanYi Zen Hei\",sans-serif;margin:0;"
    "background:#eee;color:#111}"
    ".notice{background:#fff;width:210mm;min-height:297mm;box-sizing:border-box;"
    "padding:22mm 20mm;margin:8mm auto;font-size:11pt;line-height:1.6}"
    ".notice h1{text-align:center;font-size:20pt;letter-spacing:.3em;margin:0 0 4mm}"
    ".notice h2{text-align:center;font-size:13pt;font-weight:normal;margin:0 0 8mm}"
    ".notice dl{display:grid;grid-template-columns:6em 1fr;gap:1mm 4mm;margin:0 0 6mm}"
    ".notice dt{font-weight:bold}.notice dd{margin:0}"
    ".notice ol{margin:0 0 6mm 1.2em;padding:0}.notice li{margin:0 0 2mm}"
    ".notice .foot{margin-top:10mm;text-align:right}"
    ".notice .why{color:#444;font-size:10pt}"
    "@page{size:A4;margin:0}"
    "@media print{body{background:#fff}.notice{margin:0;break-after:page;"
    "page-break-after:always;min-height:auto;height:297mm;overflow:hidden}}";

static void units_line(FILE *out, const rg_plan *plan, const int *u, int n) {
  for (int j = 0; j < n; j++) {
    if (j) fputs("、", out);
    TX(plan->units[u[j]].name);
  }
}

static void notice(FILE *out, const rg_plan *plan, const rg_meeting_plan *mp, const rg_meeting *m,
                   const char *room, int en) {
  char date[64];
  rg_date_label(m->day, en, date, sizeof date);
  fprintf(out, "<article class=\"notice\" id=\"notice-%d\"><h1>", m->id);
  TX(L("会议通知", "Meeting notice"));
  fputs("</h1><h2>", out);
  TX(m->title);
  fputs("</h2><dl><dt>", out);
  TX(L("时间", "When"));
  fputs("</dt><dd>", out);
  TX(date);
  fputc(' ', out);
  time_text(out, m);
  fputs("</dd><dt>", out);
  TX(L("地点", "Where"));
  fputs("</dt><dd>", out);
  TX(room ? room : L("另行通知", "to be announced"));
  fputs("</dd><dt>", out);
  TX(L("召集单位", "Convener"));
  fputs("</dt><dd>", out);
  TX(m->convener >= 0 ? plan->units[m->convener].name : L("（无牵头单位）", "(no lead)"));
  fputs("</dd><dt>", out);
  TX(L("参会单位", "Attendees"));
  fputs("</dt><dd>", out);
  units_line(out, plan, m->attendees, m->n_attendees);
  fputs("</dd>", out);
  if (m->n_groups) {
    fputs("<dt>", out);
    TX(L("列席/邀请", "Invited"));
    fputs("</dt><dd>", out);
    for (int j = 0; j < m->n_groups; j++) {
      rg_buf b = {0};
      rg_meetings_group_text(plan, mp, m->groups[j], &b);
      if (j) fputs("、", out);
      TX(b.s);
      free(b.s);
    }
    TX(L("（请各成员单位派员列席）", " (each member sends a representative)"));
    fputs("</dd>", out);
  }
  fputs("</dl><b>", out);
  TX(L("议题", "Agenda"));
  fputs("</b><ol>", out);
  for (int j = 0; j < m->n_tasks; j++) {
    const rg_task *t = &plan->tasks[m->tasks[j]];
    fputs("<li>", out);
    TX(L("任务", "Task "));
    TX(t->number);
    TX(L("：", ": "));
    TX(t->text);
    fputs("</li>", out);
  }
  fputs("</ol><p class=\"why\">", out);
  TX(L("安排理由：", "Why together: "));
  TX(m->reason);
  fputs("</p><p class=\"foot\">", out);
  TX(m->convener >= 0 ? plan->units[m->convener].name : "");
  fputs("<br>", out);
  TX(L("请参会单位准时出席。", "Please attend on time."));
  fputs("</p></article>\n", out);
}

void rg_html_meetings_notices(FILE *out, const rg_plan *plan, const rg_meeting_plan *mp,
                              const char *room, int en) {
  fprintf(out, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\"><title>",
          en ? "en" : "zh-CN");
  TX(L("会议通知", "Meeting notices"));
  fprintf(out, "</title><style>%s</style></head><body>\n", NOTICE_CSS);
  for (int i = 0; i < mp->n_meetings; i++)
    notice(out, plan, mp, &mp->meetings[i], room, en);
  fputs("</body></html>\n", out);
}
