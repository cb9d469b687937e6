/* plan_out.c - tables of the plan itself: tasks, links and diagnostics. */
#include "plan_out.h"

#include <stdlib.h>

/* A line column: the line number, or in a plan read from Word, Excel or PDF
 * its location (¶12, table 2 row 5, 任务!C12, p3:14) as text. */
static rg_coltype line_type(const rg_plan *plan) { return plan->n_locs ? RG_COL_STR : RG_COL_INT; }

static void line_cell(rg_table *t, int col, const rg_plan *plan, long line) {
  char buf[24];
  if (plan->n_locs)
    rg_table_str(t, col, line > 0 ? rg_plan_loc(plan, line, buf, sizeof buf) : NULL);
  else
    rg_table_int(t, col, line);
}

rg_table *rg_tasks_table(const rg_plan *plan) {
  static const char *const cols[] = {"task", "ordinal", "chapter", "section", "leads",
                                     "supports", "open_list", "deadline", "line", "text"};
  rg_coltype types[] = {RG_COL_STR,  RG_COL_INT,  RG_COL_STR,  RG_COL_STR,
                        RG_COL_LIST, RG_COL_LIST, RG_COL_BOOL, RG_COL_STR,
                        line_type(plan), RG_COL_STR};
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
    line_cell(t, 8, plan, k->line);
    rg_table_str(t, 9, k->text);
  }
  return t;
}

rg_table *rg_edges_table(const rg_plan *plan) {
  static const char *const cols[] = {"task", "role", "unit", "kind", "chapter", "line"};
  rg_coltype types[] = {RG_COL_STR, RG_COL_STR, RG_COL_STR,
                        RG_COL_STR, RG_COL_STR, line_type(plan)};
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
      line_cell(t, 5, plan, l->line);
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
  rg_coltype types[] = {RG_COL_STR, line_type(plan), RG_COL_STR, RG_COL_STR, RG_COL_STR};
  rg_table *t = rg_table_new(5, cols, types);
  int *order = rg_diags_by_line(plan);
  for (int i = 0; i < plan->n_diags; i++) {
    const rg_diag *d = &plan->diags[order[i]];
    rg_table_row(t);
    rg_table_str(t, 0, plan->path);
    line_cell(t, 1, plan, d->line);
    rg_table_str(t, 2, rg_severity_name(d->severity));
    rg_table_str(t, 3, d->code);
    rg_table_str(t, 4, d->message);
  }
  free(order);
  return t;
}
