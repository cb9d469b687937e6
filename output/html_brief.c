/* html_brief.c - the leaders' summary: the first printed page of index.html.
 *
 * On screen the page opens with cards and findings; on paper (html.css,
 * @media print) the header and the controls are gone and this section,
 * hidden on screen, comes first: who is overloaded and why (load against the
 * fence, what they lead and support, where their load sits), the main
 * groups (named clusters) and the meetings planned, day by day. It is sized
 * to fill one A4 page: at most BRIEF_MAX_OVER units, every cluster up to
 * BRIEF_MAX_CLUSTERS, one line per meeting day up to BRIEF_MAX_DAYS, each
 * with a note of what it left out. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "escape.h"
#include "html_page.h"
#include "meetings.h"
#include "names.h"
#include "schema.h"

#define TX(s) rg_escape_html_text(out, (s))
#define TR(zh, en) rg_report_tr(d, (zh), (en))

#define BRIEF_MAX_OVER 12
#define BRIEF_MAX_CLUSTERS 8
#define BRIEF_MAX_DAYS 16
#define BRIEF_MAX_CONVENERS 6

/* Title, document number, issuer, date: what the screen shows in its header. */
static void brief_head(rg_page *p) {
  FILE *out = p->out;
  const rg_report_data *d = p->d;
  const rg_meta *m = &d->plan->meta;
  fputs("<p class=\"brief-title\">", out);
  TX(m->title ? m->title : d->plan->path);
  fputs("</p>\n<p class=\"brief-meta\">", out);
  if (rg_html_doc_meta(p)) fputs(" · ", out);
  fprintf(out,
          TR("%d 项任务 · %d 个具体单位 · %d 条分工关系 · %d 个单位超负荷 · %d 个协作组",
             "%d tasks · %d concrete units · %d task–unit links · %d overloaded · %d groups"),
          d->plan->n_tasks, d->res->n_units, d->n_concrete_links, d->n_overloaded,
          d->res->n_clusters);
  fputs("</p>\n", out);
}

/* The heading of a part of the brief: fmt (the page's own words) with its
 * count n. */
static void brief_h2(rg_page *p, const char *fmt, int n) {
  char title[128];
  snprintf(title, sizeof title, fmt, n);
  fputs("<h2>", p->out);
  rg_escape_html_text(p->out, title);
  fputs("</h2>\n", p->out);
}

/* A paragraph of the page's own words. */
static void brief_para(rg_page *p, const char *text) {
  fputs("<p>", p->out);
  rg_escape_html_text(p->out, text);
  fputs("</p>\n", p->out);
}

static void th_row(rg_page *p, const char *const *cols, int n) {
  fputs("<table class=\"brief-t\"><thead><tr>", p->out);
  for (int i = 0; i < n; i++) {
    fputs("<th>", p->out);
    rg_escape_html_text(p->out, cols[i]);
    fputs("</th>", p->out);
  }
  fputs("</tr></thead><tbody>\n", p->out);
}

/* The end of a table of the brief and, when left > 0, fmt (the page's own
 * words) saying how many rows it left out. */
static void table_end(rg_page *p, const char *fmt, int left) {
  fputs("</tbody></table>\n", p->out);
  if (left <= 0) return;
  fputs("<p class=\"hint\">", p->out);
  fprintf(p->out, fmt, left);
  fputs("</p>\n", p->out);
}

/* Who is overloaded and why: load, the margin over the fence, tasks led and
 * supported, chapters, and the chapter that carries most of the load. */
static void brief_overload(rg_page *p) {
  FILE *out = p->out;
  const rg_report_data *d = p->d;
  const rg_results *res = d->res;
  brief_h2(p, TR("一、超负荷单位（%d 个）", "1. Overloaded units (%d)"), d->n_overloaded);
  fputs("<p>", out);
  rg_html_load_rule(p);
  TX(TR("。", "."));
  fputs("</p>\n", out);
  if (!d->n_overloaded) {
    brief_para(p, TR("没有单位负荷超过警戒线。", "No unit carries more than the fence."));
    return;
  }
  const char *cols[] = {TR("单位", "unit"),
                        TR("负荷", "load"),
                        TR("超出警戒线", "over by"),
                        TR("牵头", "leads"),
                        TR("配合", "supports"),
                        TR("章节", "chapters"),
                        TR("负荷最集中于", "most load in")};
  th_row(p, cols, 7);
  int shown = 0;
  for (int r = 0; r < res->n_units && shown < BRIEF_MAX_OVER; r++) {
    const rg_unit_stats *s = &res->units[r];
    if (!s->overloaded) continue;
    shown++;
    fputs("<tr><td>", out);
    TX(d->plan->units[s->unit].name);
    fputs("</td><td class=\"n\">", out);
    rg_html_num(out, s->load);
    fputs("</td><td class=\"n\">", out);
    rg_html_num(out, s->load - res->fence);
    fprintf(out, "</td><td class=\"n\">%d</td><td class=\"n\">%d</td><td class=\"n\">%d</td><td>",
            s->led, s->supported, s->chapters);
    int c = rg_report_top_col(d, r);
    if (c >= 0 && d->col_tasks[(size_t)r * d->n_cols + c] > 0) {
      TX(rg_report_col_number(d, c));
      TX(d->zh ? "、" : ". ");
      TX(rg_report_col_title(d, c));
      fputs(" (", out);
      rg_html_num(out, d->col_load[(size_t)r * d->n_cols + c]);
      fputs(")", out);
    }
    fputs("</td></tr>\n", out);
  }
  table_end(p, TR("另有 %d 个超负荷单位，见“超负荷单位”一节。", "%d more: see Overloaded units."),
            d->n_overloaded - shown);
}

/* The main groups: every named cluster with its size, its tasks and its
 * bridges. */
static void brief_clusters(rg_page *p) {
  FILE *out = p->out;
  const rg_report_data *d = p->d;
  const rg_results *res = d->res;
  brief_h2(p, TR("二、主要协作组（%d 个）", "2. Main groups (%d)"), res->n_clusters);
  if (!res->n_clusters) {
    brief_para(p, TR("单位之间没有协作关系。", "No unit shares a task with another."));
    return;
  }
  const char *cols[] = {TR("协作组（主要章节 · 核心单位）", "group (main chapter · core units)"),
                        TR("单位数", "units"), TR("任务数", "tasks"), TR("桥梁单位", "bridges")};
  th_row(p, cols, 4);
  int n = res->n_clusters < BRIEF_MAX_CLUSTERS ? res->n_clusters : BRIEF_MAX_CLUSTERS;
  for (int i = 0; i < n; i++) {
    const rg_cluster *c = &res->clusters[i];
    char name[512];
    rg_cluster_name(d->plan, res, c->id, name, sizeof name);
    fputs("<tr><td>", out);
    TX(name);
    fprintf(out, "</td><td class=\"n\">%d</td><td class=\"n\">%d</td><td>", c->n_units,
            c->n_mostly);
    for (int k = 0; k < c->n_bridges; k++) {
      char sn[256];
      rg_unit_short_name(d->plan->meta.issuer, d->plan->units[c->bridges[k]].name, sn, sizeof sn);
      if (k) TX(TR("、", ", "));
      TX(sn);
    }
    fputs("</td></tr>\n", out);
  }
  fputs("</tbody></table>\n<p class=\"hint\">", out);
  TX(TR("任务数：多数具体单位在本组的任务。",
        "Tasks: tasks most of whose units are in the group."));
  if (n < res->n_clusters)
    fprintf(out, TR("另有 %d 个协作组，见“协作聚类”一节。", " %d more: see Clusters."),
            res->n_clusters - n);
  fputs("</p>\n", out);
}

/* One day of meetings, mp->meetings[*next ..] on day z: the date, how many,
 * the units attending, and who convenes (short names, first seen first). */
static void brief_day(rg_page *p, const rg_meeting_plan *mp, int *next, int *seen) {
  FILE *out = p->out;
  const rg_report_data *d = p->d;
  const rg_plan *plan = d->plan;
  long z = mp->meetings[*next].day;
  char date[64];
  if (d->zh) { /* 12月7日 星期一: the year is in the line above */
    int y, mo, dd;
    rg_civil_from_days(z, &y, &mo, &dd);
    snprintf(date, sizeof date, "%d月%d日 %s", mo, dd, rg_weekday_name(rg_weekday(z), 0));
  } else {
    rg_date_label(z, 1, date, sizeof date);
  }
  int first = *next, units = 0, conv = 0;
  for (; *next < mp->n_meetings && mp->meetings[*next].day == z; (*next)++) {
    const rg_meeting *m = &mp->meetings[*next];
    for (int a = 0; a < m->n_attendees; a++)
      if (seen[m->attendees[a]] != (int)z) seen[m->attendees[a]] = (int)z, units++;
  }
  fputs("<tr><td>", out);
  TX(date);
  fprintf(out, "</td><td class=\"n\">%d</td><td class=\"n\">%d</td><td>", *next - first, units);
  for (int i = first; i < *next; i++) {
    int u = mp->meetings[i].convener, dup = 0;
    if (u < 0) continue;
    for (int j = first; j < i; j++)
      dup |= mp->meetings[j].convener == u;
    if (dup) continue;
    if (conv == BRIEF_MAX_CONVENERS) {
      TX(TR("等", " etc."));
      break;
    }
    char sn[256];
    rg_unit_short_name(plan->meta.issuer, plan->units[u].name, sn, sizeof sn);
    if (conv++) TX(TR("、", ", "));
    TX(sn);
  }
  fputs("</td></tr>\n", out);
}

/* The meetings: their span, then one line per day. */
static void brief_meetings(rg_page *p) {
  FILE *out = p->out;
  const rg_report_data *d = p->d;
  const rg_meeting_plan *mp = d->opts->meetings;
  if (!mp) return;
  brief_h2(p, TR("三、会议安排（%d 次）", "3. Meetings (%d)"), mp->n_meetings);
  if (!mp->n_meetings) {
    brief_para(p, TR("没有需要协调的任务，未安排会议。", "No task needs a joint meeting."));
    return;
  }
  fputs("<p>", out);
  char a[64], b[64];
  rg_date_label(mp->first_day, !d->zh, a, sizeof a);
  rg_date_label(mp->last_day, !d->zh, b, sizeof b);
  fprintf(out,
          TR("协同任务 %d 项，安排联席会议 %d 次：", "%d tasks shared by units, %d meetings: "),
          mp->coordination_tasks, mp->n_meetings);
  TX(a);
  TX(TR(" 至 ", " to "));
  TX(b);
  fprintf(out,
          TR("，共 %d 个工作日。会议通知见 notices.html。",
             ", %d working days. The notices are in notices.html."),
          mp->working_days);
  fputs("</p>\n", out);
  const char *cols[] = {TR("日期", "date"), TR("会议", "meetings"), TR("参会单位", "units"),
                        TR("召集单位", "convened by")};
  th_row(p, cols, 4);
  int *seen = rg_xcalloc((size_t)d->plan->n_units + 1, sizeof *seen);
  for (int u = 0; u < d->plan->n_units; u++)
    seen[u] = -1;
  int next = 0, days = 0;
  while (next < mp->n_meetings && days < BRIEF_MAX_DAYS) {
    brief_day(p, mp, &next, seen);
    days++;
  }
  free(seen);
  table_end(p, TR("其后还有 %d 次会议，见“会议安排”一节。", "%d more meetings: see Meetings."),
            mp->n_meetings - next);
}

void rg_html_brief(rg_page *p) {
  fputs("<section id=\"brief\" class=\"brief print-only\">\n", p->out);
  brief_head(p);
  brief_overload(p);
  brief_clusters(p);
  brief_meetings(p);
  fputs("</section>\n", p->out);
}
