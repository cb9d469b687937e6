/* plan_out.c - tables of the plan itself: tasks, links and diagnostics. */
#include "plan_out.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conventions.h"
#include "reading.h"

rg_table *rg_tasks_table(const rg_plan *plan) {
  static const char *const cols[] = {"task", "ordinal", "chapter", "section", "leads",
                                     "supports", "open_list", "deadline", "line", "text"};
  static const rg_coltype types[] = {RG_COL_STR,  RG_COL_INT,  RG_COL_STR,  RG_COL_STR,
                                     RG_COL_LIST, RG_COL_LIST, RG_COL_BOOL, RG_COL_STR,
                                     RG_COL_INT,  RG_COL_STR};
  rg_table *t = rg_table_new(10, cols, types);
  for (int i = 0; i < plan->n_tasks; i++) {
    const rg_task *k = &plan->tasks[i];
    rg_table_row(t);
    rg_table_str(t, 0, k->number);
    rg_table_int(t, 1, k->ordinal);
    rg_table_str(t, 2, k->chapter >= 0 ? plan->chapters[k->chapter].number : NULL);
    rg_table_str(t, 3, k->section >= 0 ? plan->sections[k->section].number : NULL);
    for (int j = 0; j < k->link_count; j++) {
      const rg_link *l = &plan->links[plan->task_links[k->link_begin + j]];
      rg_table_list_add(t, l->role == RG_ROLE_LEAD ? 4 : 5, plan->units[l->unit].name);
    }
    rg_table_bool(t, 6, k->open_list);
    rg_table_str(t, 7, k->deadline);
    rg_table_int(t, 8, k->line);
    rg_table_str(t, 9, k->text);
  }
  return t;
}

rg_table *rg_edges_table(const rg_plan *plan) {
  static const char *const cols[] = {"task", "role", "unit", "kind", "chapter", "line"};
  static const rg_coltype types[] = {RG_COL_STR, RG_COL_STR, RG_COL_STR,
                                     RG_COL_STR, RG_COL_STR, RG_COL_INT};
  rg_table *t = rg_table_new(6, cols, types);
  for (int i = 0; i < plan->n_tasks; i++) {
    const rg_task *k = &plan->tasks[i];
    for (int j = 0; j < k->link_count; j++) {
      const rg_link *l = &plan->links[plan->task_links[k->link_begin + j]];
      const rg_unit *u = &plan->units[l->unit];
      rg_table_row(t);
      rg_table_str(t, 0, k->number);
      rg_table_str(t, 1, rg_role_name(l->role));
      rg_table_str(t, 2, u->name);
      rg_table_str(t, 3, rg_kind_name(u->kind));
      rg_table_str(t, 4, k->chapter >= 0 ? plan->chapters[k->chapter].number : NULL);
      rg_table_int(t, 5, l->line);
    }
  }
  return t;
}

static const rg_plan *sort_plan;

static int by_line(const void *a, const void *b) {
  const rg_diag *x = &sort_plan->diags[*(const int *)a], *y = &sort_plan->diags[*(const int *)b];
  if (x->line != y->line) return x->line < y->line ? -1 : 1;
  return *(const int *)a - *(const int *)b;
}

int *rg_diags_by_line(const rg_plan *plan) {
  int *order = rg_xmalloc(((size_t)plan->n_diags + 1) * sizeof *order);
  for (int i = 0; i < plan->n_diags; i++) order[i] = i;
  sort_plan = plan;
  qsort(order, (size_t)plan->n_diags, sizeof *order, by_line);
  return order;
}

rg_table *rg_diags_table(const rg_plan *plan) {
  static const char *const cols[] = {"file", "line", "severity", "code", "message"};
  static const rg_coltype types[] = {RG_COL_STR, RG_COL_INT, RG_COL_STR, RG_COL_STR, RG_COL_STR};
  rg_table *t = rg_table_new(5, cols, types);
  int *order = rg_diags_by_line(plan);
  for (int i = 0; i < plan->n_diags; i++) {
    const rg_diag *d = &plan->diags[order[i]];
    rg_table_row(t);
    rg_table_str(t, 0, plan->path);
    rg_table_int(t, 1, d->line);
    rg_table_str(t, 2, rg_severity_name(d->severity));
    rg_table_str(t, 3, d->code);
    rg_table_str(t, 4, d->message);
  }
  free(order);
  return t;
}

/* ------------------------------------------------------------ reading */

static void reading_row(rg_table *t, const char *item, long line, const char *text) {
  rg_table_row(t);
  rg_table_str(t, 0, item);
  rg_table_int(t, 1, line);
  rg_table_str(t, 2, text);
}

rg_table *rg_reading_table(const rg_plan *plan) {
  static const char *const cols[] = {"item", "line", "text"};
  static const rg_coltype types[] = {RG_COL_STR, RG_COL_INT, RG_COL_STR};
  rg_table *t = rg_table_new(3, cols, types);
  const rg_reading *r = plan->reading;
  static const rg_reading none = {0};
  if (!r) r = &none;
  char buf[2048];
  snprintf(buf, sizeof buf, "%s, %s", r->format ? r->format : "unknown format",
           r->encoding ? r->encoding : "UTF-8");
  reading_row(t, "format", 0, buf);
  if (r->level != RG_LEVEL_UNKNOWN) {
    if (r->prefix[0])
      snprintf(buf, sizeof buf,
               "%s, from \"%s\": a bare department name takes the prefix %s (发展改革委 -> "
               "%s发展改革委)",
               rg_level_name(r->level), r->level_from ? r->level_from : "", r->prefix, r->prefix);
    else
      snprintf(buf, sizeof buf,
               "%s, from \"%s\": bare national names are canonical (发展改革委 -> "
               "国家发展改革委, 中国人民银行 -> 人民银行)",
               rg_level_name(r->level), r->level_from ? r->level_from : "");
  } else {
    snprintf(buf, sizeof buf, "unknown (no issuing body or title names one): names are kept as "
                              "printed, with no prefix added");
  }
  reading_row(t, "level", r->level != RG_LEVEL_UNKNOWN ? r->level_line : 0, buf);
  for (int i = 0; i < r->n_conv; i++) {
    const rg_convention *c = &r->conv[i];
    int from = c->from_task < plan->n_tasks ? c->from_task : plan->n_tasks;
    int n = plan->n_tasks - from;
    char scope[160];
    if (n <= 0)
      snprintf(scope, sizeof scope, "no task comes after it");
    else if (from == 0)
      snprintf(scope, sizeof scope, "in force for every task (%d)", n);
    else
      snprintf(scope, sizeof scope, "in force from task %s on (%d tasks)",
               plan->tasks[from].number, n);
    switch (c->kind) {
    case RG_CONV_FIRST_LEADS:
      snprintf(buf, sizeof buf, "first listed unit leads, the others support: \"%s\"; %s",
               c->text, scope);
      break;
    case RG_CONV_STANDING:
      snprintf(buf, sizeof buf,
               "standing unit %s (%s) in every %stask without being listed: \"%s\"; %s; added "
               "to %d",
               c->unit, rg_role_name(c->role), c->needs_lead ? "led " : "", c->text, scope,
               c->applied);
      break;
    case RG_CONV_MARKER:
      snprintf(buf, sizeof buf, "units marked %s lead: \"%s\"; %s; %d marked", c->unit, c->text,
               scope, c->applied);
      break;
    }
    reading_row(t, "convention", c->line, buf);
  }
  for (int i = 0; i < r->n_headers; i++) {
    snprintf(buf, sizeof buf, "%s: %s", r->headers[i].header, r->headers[i].meaning);
    reading_row(t, "header", 0, buf);
  }
  if (r->prose)
    reading_row(t, "prose",
                0, "units read from sentences (公安部负责…, X会同Y研究提出…): the units a task's "
                   "first duty clause opens with lead (or those before 会同), units after 会同 "
                   "and units first named in later clauses support");
  int lead = 0, concrete = rg_plan_count_concrete_links(plan, &lead);
  snprintf(buf, sizeof buf,
           "%d tasks, %d links (%d to concrete units, %d of them lead; %d to collectives or "
           "unspecified units); kept out: %d suspect name%s, %d person%s, %d rule sentence%s",
           plan->n_tasks, plan->n_links, concrete, lead, plan->n_links - concrete, r->n_suspect,
           r->n_suspect == 1 ? "" : "s", r->n_person, r->n_person == 1 ? "" : "s", r->n_rules,
           r->n_rules == 1 ? "" : "s");
  reading_row(t, "read", 0, buf);
  return t;
}

rg_table *rg_explain_table(const rg_plan *plan, int task) {
  static const char *const cols[] = {"name", "unit", "kind", "role", "how", "rule", "line"};
  static const rg_coltype types[] = {RG_COL_STR, RG_COL_STR, RG_COL_STR, RG_COL_STR,
                                     RG_COL_STR, RG_COL_STR, RG_COL_INT};
  rg_table *t = rg_table_new(7, cols, types);
  const rg_reading *r = plan->reading;
  if (!r) return t;
  for (int i = 0; i < r->n_ev; i++) {
    const rg_reading_event *e = &r->ev[i];
    if (e->task != task) continue;
    rg_table_row(t);
    rg_table_str(t, 0, e->name);
    if (e->unit >= 0) {
      rg_table_str(t, 1, plan->units[e->unit].name);
      rg_table_str(t, 2, rg_kind_name(plan->units[e->unit].kind));
      /* the role the link has now (a later note may have raised it) */
      int l = rg_plan_find_link(plan, task, e->unit);
      rg_table_str(t, 3, rg_role_name(l >= 0 ? plan->links[l].role : e->role));
    }
    rg_table_str(t, 4, e->how);
    rg_table_str(t, 5, e->why);
    rg_table_int(t, 6, e->line);
  }
  return t;
}

int rg_task_lookup(const rg_plan *plan, const char *id) {
  for (int i = 0; i < plan->n_tasks; i++)
    if (!strcmp(plan->tasks[i].number, id)) return i;
  int found = -1;
  for (int i = 0; i < plan->n_tasks; i++)
    if (!strcmp(plan->tasks[i].printed, id)) {
      if (found >= 0) return -1; /* printed twice: the id is needed */
      found = i;
    }
  return found;
}
