/* meetings_describe.c - what a planned meeting is: its members, convener,
 * invited groups, Chinese title from the plan's headings, reason, relevance. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "meetings_internal.h"
#include "sort.h"

static char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *xasprintf(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  char *s = rg_xmalloc((size_t)n + 1);
  va_start(ap, fmt);
  vsnprintf(s, (size_t)n + 1, fmt, ap);
  va_end(ap);
  return s;
}

/* Plan unit indices by name; ctx is the plan. */
static int by_unit_name(const void *a, const void *b, void *ctx) {
  const rg_plan *plan = ctx;
  int x = *(const int *)a, y = *(const int *)b;
  int c = strcmp(plan->units[x].name, plan->units[y].name);
  return c ? c : (x > y) - (x < y);
}

/* a (count ca) is preferred over b (count cb, -1 none): larger count, then
 * smaller name. */
static int prefer(const rg_plan *p, int a, int ca, int b, int cb) {
  if (b < 0) return 1;
  if (ca != cb) return ca > cb;
  return strcmp(p->units[a].name, p->units[b].name) < 0;
}

/* ---------------------------------------------------------------- title */

/* A heading's text without trailing punctuation and spaces, into b. */
static void put_heading(rg_buf *b, const char *s) {
  size_t n = strlen(s);
  static const char *const tails[] = {"。", "；", "，", ";", ",", ".", " ", ":", "：", "、"};
  for (int again = 1; again && n > 0;) {
    again = 0;
    for (size_t i = 0; i < sizeof tails / sizeof *tails; i++) {
      size_t l = strlen(tails[i]);
      if (n >= l && !memcmp(s + n - l, tails[i], l)) {
        n -= l;
        again = 1;
      }
    }
  }
  rg_buf_putn(b, s, n);
}

/* The distinct sections (or, with chapters = 1, chapters) of the agenda,
 * most items first, then plan order, into ids; returns how many. -1 ids
 * (no heading) are left out; *all_headed is 0 when some item has none. */
static int headings_of(const rg_plan *p, const int *tasks, int nt, int chapters, int *ids,
                       int *all_headed) {
  int n = 0, cnt[64] = {0};
  *all_headed = 1;
  for (int i = 0; i < nt; i++) {
    int h = chapters ? p->tasks[tasks[i]].chapter : p->tasks[tasks[i]].section;
    if (h < 0) {
      *all_headed = 0;
      continue;
    }
    int j = 0;
    while (j < n && ids[j] != h)
      j++;
    if (j == n && n < 64) ids[n++] = h;
    if (j < 64) cnt[j]++;
  }
  for (int i = 1; i < n; i++) /* stable insertion sort by count desc */
    for (int j = i; j > 0 && cnt[j] > cnt[j - 1]; j--) {
      int t = ids[j], c = cnt[j];
      ids[j] = ids[j - 1], cnt[j] = cnt[j - 1];
      ids[j - 1] = t, cnt[j - 1] = c;
    }
  return n;
}

/* "关于{A}和{B}的专题协调会" from the sections, else the chapter, else the
 * task numbers; English: "Coordination meeting on A and B". */
static char *make_title(const rg_plan *p, const int *tasks, int nt, int en) {
  int sec[64], chap[64], sh, ch;
  int ns = headings_of(p, tasks, nt, 0, sec, &sh);
  int nc = headings_of(p, tasks, nt, 1, chap, &ch);
  rg_buf b = {0};
  rg_buf_puts(&b, en ? "Coordination meeting on " : "关于");
  if (ns >= 1 && sh && (ns <= 2 || nc > 1)) {
    int k = ns < 2 ? ns : 2;
    for (int i = 0; i < k; i++) {
      if (i) rg_buf_puts(&b, en ? (ns > 2 ? ", " : " and ") : (ns > 2 ? "、" : "和"));
      put_heading(&b, p->sections[sec[i]].title);
    }
    if (ns > 2) rg_buf_puts(&b, en ? " and related work" : "等工作");
  } else if (nc == 1 && ch) {
    put_heading(&b, p->chapters[chap[0]].title);
  } else {
    rg_buf_puts(&b, en ? (nt > 1 ? "tasks " : "task ") : "第");
    for (int i = 0; i < nt && i < 3; i++) {
      if (i) rg_buf_puts(&b, en ? ", " : "、");
      rg_buf_puts(&b, p->tasks[tasks[i]].number);
    }
    rg_buf_puts(&b, en ? (nt > 3 ? " and others" : "") : (nt > 3 ? "等项任务" : "项任务"));
  }
  rg_buf_puts(&b, en ? "" : "的专题协调会");
  return b.s;
}

/* --------------------------------------------------------------- reason */

typedef struct mdesc {
  int conv, led, other, shared, nt, k0, same_section;
  long saving;
  double rel;
} mdesc;

static char *make_reason(const mctx *x, const rg_meeting *e, const mdesc *d, int en) {
  const rg_plan *p = x->plan;
  const char *cn = d->conv >= 0 ? p->units[d->conv].name : "";
  if (e->oversize)
    return en ? xasprintf("task %s alone needs %d units, more than the cap of %d: met alone",
                          p->tasks[e->tasks[0]].number, d->k0, x->A)
              : xasprintf("任务%s需%d个单位参会，超过每次%d个的上限，单独召开",
                          p->tasks[e->tasks[0]].number, d->k0, x->A);
  if (d->nt == 1)
    return en ? xasprintf("one item: joining it to any other meeting would cost its %d units "
                          "more time than it saves",
                          d->k0)
              : xasprintf("单项议题：与其他议题合并不能减少%d个单位的会议时间", d->k0);
  rg_buf b = {0};
  /* rg_buf_printf, not a fixed buffer: a unit name can be any length, and
   * cutting it at a byte count left half a character (fuzz_report) */
  if (d->led == d->nt)
    rg_buf_printf(&b, en ? "all %d items led by %s" : "%d项议题均由%s牵头", d->nt, cn);
  else if (d->led > 0)
    rg_buf_printf(&b, en ? "%s leads %d of %d items" : "%s牵头其中%d项（共%d项）", cn, d->led,
                  d->nt);
  else
    rg_buf_puts(&b, en ? "no item has a lead" : "各项议题均无牵头单位");
  if (d->other >= 0 && d->shared >= 2)
    rg_buf_printf(&b, en ? "; %d concern %s" : "；%d项涉及%s", d->shared, p->units[d->other].name);
  if (d->same_section) rg_buf_puts(&b, en ? "; one section of the plan" : "；同属方案同一节");
  rg_buf_printf(&b,
                en ? "; relevance %.2f, %ld unit-minutes fewer than one meeting per item"
                   : "；相关度%.2f，比逐项开会少%ld单位·分钟",
                d->rel, d->saving);
  return b.s;
}

/* ------------------------------------------------------------- meetings */

/* Convener (see meetings.h), the units most items share, and counts. lcnt,
 * acnt, gcnt are zeroed scratch arrays over plan units (left zeroed). */
static void convener(const mctx *x, const rg_meeting *e, mdesc *d, int *lcnt, int *acnt) {
  const rg_plan *p = x->plan;
  for (int i = 0; i < e->n_tasks; i++) {
    const rg_task *t = &p->tasks[e->tasks[i]];
    for (int j = t->link_begin; j < t->link_begin + t->link_count; j++) {
      const rg_link *l = &p->links[p->task_links[j]];
      if (l->role == RG_ROLE_LEAD) lcnt[l->unit]++;
    }
  }
  for (int i = 0; i < e->n_attendees; i++) /* attendees: counts of agenda items */
    for (int j = 0; j < e->n_tasks; j++) {
      const rg_task *t = &p->tasks[e->tasks[j]];
      for (int k = t->link_begin; k < t->link_begin + t->link_count; k++)
        acnt[e->attendees[i]] += p->links[p->task_links[k]].unit == e->attendees[i];
    }
  int conv = -1;
  for (int i = 0; i < e->n_attendees; i++) {
    int u = e->attendees[i];
    if (lcnt[u] > 0 && prefer(p, u, lcnt[u], conv, conv >= 0 ? lcnt[conv] : 0)) conv = u;
  }
  if (conv < 0) /* no concrete lead: the lead collective or generic unit, else none */
    for (int i = 0; i < e->n_tasks; i++) {
      const rg_task *t = &p->tasks[e->tasks[i]];
      for (int j = t->link_begin; j < t->link_begin + t->link_count; j++) {
        const rg_link *l = &p->links[p->task_links[j]];
        if (l->role == RG_ROLE_LEAD &&
            prefer(p, l->unit, lcnt[l->unit], conv, conv >= 0 ? lcnt[conv] : 0))
          conv = l->unit;
      }
    }
  d->conv = conv;
  d->led = conv >= 0 ? lcnt[conv] : 0;
  d->other = -1;
  for (int i = 0; i < e->n_attendees; i++) {
    int u = e->attendees[i];
    if (u != conv && prefer(p, u, acnt[u], d->other, d->other >= 0 ? acnt[d->other] : 0))
      d->other = u;
  }
  d->shared = d->other >= 0 ? acnt[d->other] : 0;
  for (int i = 0; i < e->n_tasks; i++) {
    const rg_task *t = &p->tasks[e->tasks[i]];
    for (int j = t->link_begin; j < t->link_begin + t->link_count; j++)
      lcnt[p->links[p->task_links[j]].unit] = 0;
  }
  for (int i = 0; i < e->n_attendees; i++)
    acnt[e->attendees[i]] = 0;
}

/* The collectives the agenda names (not excluded), by name, into e. */
static void groups(const mctx *x, rg_meeting *e, int *mark) {
  const rg_plan *p = x->plan;
  int n = 0;
  int *g = NULL;
  size_t cap = 0;
  for (int i = 0; i < e->n_tasks; i++) {
    const rg_task *t = &p->tasks[e->tasks[i]];
    for (int j = t->link_begin; j < t->link_begin + t->link_count; j++) {
      int u = p->links[p->task_links[j]].unit;
      if (p->units[u].kind != RG_KIND_COLLECTIVE || mark[u]) continue;
      int excluded = 0;
      for (int k = 0; k < x->o->n_exclude; k++)
        excluded |= x->o->exclude[k] == u;
      if (excluded) continue;
      mark[u] = 1;
      RG_GROW(g, cap, (size_t)n + 1);
      g[n++] = u;
    }
  }
  for (int i = 0; i < n; i++)
    mark[g[i]] = 0;
  if (n) rg_sort(g, (size_t)n, sizeof *g, by_unit_name, (void *)p);
  e->groups = g;
  e->n_groups = n;
}

static void emit_one(const mctx *x, const mtg *m, rg_meeting *e, int *lcnt, int *acnt) {
  const rg_plan *p = x->plan;
  e->oversize = m->fixed;
  e->n_tasks = m->nt;
  e->tasks = rg_xmalloc(((size_t)m->nt + 1) * sizeof *e->tasks);
  long ksum = 0;
  int same = 1;
  for (int j = 0; j < m->nt; j++) {
    e->tasks[j] = x->ptask[m->t[j]];
    ksum += MK(x, m->t[j]);
    same &= x->sec[m->t[j]] >= 0 && x->sec[m->t[j]] == x->sec[m->t[0]];
  }
  rg_sort(e->tasks, (size_t)m->nt, sizeof *e->tasks, rg_cmp_int, NULL);
  e->n_attendees = m->nu;
  e->attendees = rg_xmalloc(((size_t)m->nu + 1) * sizeof *e->attendees);
  memcpy(e->attendees, m->u, (size_t)m->nu * sizeof *e->attendees);
  rg_sort(e->attendees, (size_t)m->nu, sizeof *e->attendees, by_unit_name, (void *)p);
  groups(x, e, lcnt);
  e->unit_minutes = rg_mtg_cost(x, m);
  e->relevance = m->nu && m->nt ? (double)ksum / ((double)m->nu * m->nt) : 1.0;
  mdesc d = {0};
  convener(x, e, &d, lcnt, acnt);
  d.nt = m->nt;
  d.k0 = m->nt ? MK(x, m->t[0]) : 0;
  d.same_section = same;
  d.rel = e->relevance;
  d.saving = ksum * (x->O + x->I) - e->unit_minutes;
  e->convener = d.conv;
  e->n_led = d.led;
  e->title = make_title(p, e->tasks, e->n_tasks, x->o->lang_en);
  e->reason = make_reason(x, e, &d, x->o->lang_en);
}

void rg_meetings_emit(const mctx *x, rg_meeting_plan *out) {
  const rg_plan *p = x->plan;
  int M = 0;
  for (int mi = 0; mi < x->nm; mi++)
    M += x->m[mi].nt > 0;
  out->meetings = rg_xcalloc((size_t)M + 1, sizeof *out->meetings);
  out->n_meetings = M;
  out->coordination_tasks = x->n;
  long ksum = 0, pairs = 0;
  for (int t = 0; t < x->n; t++) {
    ksum += MK(x, t);
    out->naive_unit_minutes += (long)MK(x, t) * (x->O + x->I);
  }
  int *lcnt = rg_xcalloc((size_t)p->n_units + 1, sizeof *lcnt);
  int *acnt = rg_xcalloc((size_t)p->n_units + 1, sizeof *acnt);
  for (int mi = 0, r = 0; mi < x->nm; mi++) {
    const mtg *m = &x->m[mi];
    if (m->nt == 0) continue;
    rg_meeting *e = &out->meetings[r++];
    emit_one(x, m, e, lcnt, acnt);
    out->unit_minutes += e->unit_minutes;
    out->oversize += m->fixed;
    pairs += (long)m->nu * m->nt;
  }
  out->relevance = pairs ? (double)ksum / (double)pairs : 1.0;
  free(lcnt);
  free(acnt);
}
