/* plans_out.c - tables of several plans (plans_out.h). */
#include "plans_out.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "merge.h"

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

const char *rg_source_label(const rg_plan *plan, int s, char *buf, size_t size) {
  if (plan->n_sources > 0) return plan->sources[s];
  char *l = rg_plan_label(plan->path);
  snprintf(buf, size, "%s", l);
  free(l);
  return buf;
}

rg_table *rg_load_by_plan_table(const rg_plan *plan, const rg_unit_plan_load *rows, int n) {
  static const char *const names[] = {"unit", "plan", "led", "supported", "load"};
  static const rg_coltype types[] = {RG_COL_STR, RG_COL_STR, RG_COL_INT, RG_COL_INT, RG_COL_REAL};
  rg_table *t = rg_table_new(N(names), names, types);
  char buf[256];
  for (int i = 0; i < n; i++) {
    rg_table_row(t);
    rg_table_str(t, 0, plan->units[rows[i].unit].name);
    rg_table_str(t, 1, rg_source_label(plan, rows[i].source, buf, sizeof buf));
    rg_table_int(t, 2, rows[i].led);
    rg_table_int(t, 3, rows[i].supported);
    rg_table_real(t, 4, rows[i].load);
  }
  return t;
}

rg_table *rg_duplicates_table(const rg_plan *plan) {
  static const char *const names[] = {"task", "plan", "copy", "score", "text"};
  static const rg_coltype types[] = {RG_COL_STR, RG_COL_STR, RG_COL_STR, RG_COL_REAL, RG_COL_STR};
  rg_table *t = rg_table_new(N(names), names, types);
  char buf[256];
  for (int i = 0; i < plan->n_dups; i++) {
    const rg_dup *d = &plan->dups[i];
    const char *label = rg_source_label(plan, d->source, buf, sizeof buf);
    rg_table_row(t);
    rg_table_str(t, 0, plan->tasks[d->task].number);
    rg_table_str(t, 1, label);
    size_t len = strlen(label) + strlen(d->number) + 2;
    char *copy = malloc(len);
    snprintf(copy, len, "%s:%s", label, d->number);
    rg_table_str(t, 2, copy);
    free(copy);
    rg_table_real(t, 3, d->score);
    rg_table_str(t, 4, plan->tasks[d->task].text);
  }
  return t;
}

/* ------------------------------------------------------------------ compare */

rg_table *rg_compare_units_table(const rg_compare *c) {
  static const char *const names[] = {"unit",     "old_load", "new_load",    "delta_load",
                                      "old_rank", "new_rank", "ties_gained", "ties_lost"};
  static const rg_coltype types[] = {RG_COL_STR,  RG_COL_REAL, RG_COL_REAL, RG_COL_REAL,
                                     RG_COL_REAL, RG_COL_REAL, RG_COL_LIST, RG_COL_LIST};
  rg_table *t = rg_table_new(N(names), names, types);
  for (int i = 0; i < c->n_units; i++) {
    const rg_cmp_unit *u = &c->units[i];
    rg_table_row(t);
    rg_table_str(t, 0, u->name);
    rg_table_real(t, 1, u->old_load);
    rg_table_real(t, 2, u->new_load);
    rg_table_real(t, 3, u->new_load - u->old_load);
    rg_table_real(t, 4, u->old_rank ? u->old_rank : NAN);
    rg_table_real(t, 5, u->new_rank ? u->new_rank : NAN);
    for (int k = 0; k < u->n_gained; k++)
      rg_table_list_add(t, 6, u->gained[k]);
    for (int k = 0; k < u->n_lost; k++)
      rg_table_list_add(t, 7, u->lost[k]);
  }
  return t;
}

rg_table *rg_compare_renamed_table(const rg_compare *c) {
  static const char *const names[] = {"old", "new", "kind", "score", "name_score", "task_score"};
  static const rg_coltype types[] = {RG_COL_STR,  RG_COL_STR,  RG_COL_STR,
                                     RG_COL_REAL, RG_COL_REAL, RG_COL_REAL};
  rg_table *t = rg_table_new(N(names), names, types);
  for (int i = 0; i < c->n_renamed; i++) {
    const rg_cmp_rename *r = &c->renamed[i];
    rg_table_row(t);
    rg_table_str(t, 0, r->old_name);
    rg_table_str(t, 1, r->new_name);
    rg_table_str(t, 2, r->given ? "given" : "suggested");
    rg_table_real(t, 3, r->score);
    rg_table_real(t, 4, r->name_score);
    rg_table_real(t, 5, r->task_score);
  }
  return t;
}

rg_table *rg_compare_carried_table(const rg_plan *old, const rg_plan *nw, const rg_compare *c) {
  static const char *const names[] = {"old_task", "new_task", "score", "text"};
  static const rg_coltype types[] = {RG_COL_STR, RG_COL_STR, RG_COL_REAL, RG_COL_STR};
  rg_table *t = rg_table_new(N(names), names, types);
  for (int i = 0; i < c->n_carried; i++) {
    rg_table_row(t);
    rg_table_str(t, 0, old->tasks[c->carried[i].old_task].number);
    rg_table_str(t, 1, nw->tasks[c->carried[i].new_task].number);
    rg_table_real(t, 2, c->carried[i].score);
    rg_table_str(t, 3, nw->tasks[c->carried[i].new_task].text);
  }
  return t;
}

rg_table *rg_compare_tasks_table(const rg_plan *plan, const int *tasks, int n) {
  static const char *const names[] = {"task", "text"};
  rg_table *t = rg_table_new(N(names), names, NULL);
  for (int i = 0; i < n; i++) {
    rg_table_row(t);
    rg_table_str(t, 0, plan->tasks[tasks[i]].number);
    rg_table_str(t, 1, plan->tasks[tasks[i]].text);
  }
  return t;
}

static json_t *names_json(const char *const *v, int n) {
  json_t *a = json_array();
  for (int i = 0; i < n; i++)
    json_array_append_new(a, json_string(v[i]));
  return a;
}

static rg_status write_failed(rg_error *err) {
  return rg_error_set(err, RG_ESYS, NULL, 0, 0, "write failed");
}

/* A titled table in a text output: "title (n):" then the table, or nothing
 * when it is empty. */
static rg_status text_section(FILE *out, const char *title, rg_table *t, rg_error *err) {
  rg_status st = RG_OK;
  if (rg_table_rows(t)) {
    fprintf(out, "\n%s (%d):\n", title, rg_table_rows(t));
    st = rg_table_write(t, RG_FMT_TABLE, out, err);
  }
  rg_table_free(t);
  return st;
}

static void names_line(FILE *out, const char *title, const char *const *v, int n) {
  fprintf(out, "%s (%d):", title, n);
  for (int i = 0; i < n; i++)
    fprintf(out, "%s%s", i ? ", " : " ", v[i]);
  fputc('\n', out);
}

static rg_status compare_text(const rg_plan *old, const rg_plan *nw, const rg_compare *c,
                              rg_table *units, const rg_text_opts *o, FILE *out, rg_error *err) {
  fprintf(out, "old: %s (%d tasks)\nnew: %s (%d tasks)\n", old->path, old->n_tasks, nw->path,
          nw->n_tasks);
  fprintf(out, "tasks: %d carried, %d new, %d dropped\n", c->n_carried, c->n_new, c->n_dropped);
  names_line(out, "units added", c->added, c->n_added);
  names_line(out, "units removed", c->removed, c->n_removed);
  fputc('\n', out);
  rg_status st = rg_table_write_text(units, o, out, err);
  if (!st) st = text_section(out, "renamed", rg_compare_renamed_table(c), err);
  if (!st)
    st = text_section(out, "new tasks", rg_compare_tasks_table(nw, c->new_tasks, c->n_new), err);
  if (!st)
    st = text_section(out, "dropped tasks", rg_compare_tasks_table(old, c->dropped, c->n_dropped),
                      err);
  return st || ferror(out) ? (st ? st : write_failed(err)) : RG_OK;
}

rg_status rg_compare_write(const rg_plan *old, const rg_plan *nw, const rg_compare *c,
                           rg_format fmt, const rg_table_opts *o, FILE *out, rg_error *err) {
  rg_table *units = rg_compare_units_table(c);
  rg_status st = rg_table_shape(units, o, err);
  if (!st && fmt == RG_FMT_CSV) st = rg_table_write(units, RG_FMT_CSV, out, err);
  if (!st && fmt == RG_FMT_TABLE) st = compare_text(old, nw, c, units, &o->text, out, err);
  if (!st && fmt == RG_FMT_JSON) {
    json_t *extra = json_object();
    json_object_set_new(extra, "old", json_string(old->path));
    json_object_set_new(extra, "new", json_string(nw->path));
    rg_table *t = rg_compare_renamed_table(c);
    json_object_set_new(extra, "renamed", rg_table_json(t, 0));
    rg_table_free(t);
    json_object_set_new(extra, "added", names_json(c->added, c->n_added));
    json_object_set_new(extra, "removed", names_json(c->removed, c->n_removed));
    t = rg_compare_carried_table(old, nw, c);
    json_object_set_new(extra, "carried", rg_table_json(t, 0));
    rg_table_free(t);
    t = rg_compare_tasks_table(nw, c->new_tasks, c->n_new);
    json_object_set_new(extra, "new_tasks", rg_table_json(t, 0));
    rg_table_free(t);
    t = rg_compare_tasks_table(old, c->dropped, c->n_dropped);
    json_object_set_new(extra, "dropped_tasks", rg_table_json(t, 0));
    rg_table_free(t);
    st = rg_table_write_json(units, out, "units", extra, err);
    json_decref(extra);
  }
  rg_table_free(units);
  return st;
}

/* -------------------------------------------------------------------- trend */

rg_table *rg_trend_table(const rg_trend *t, const char *const *labels) {
  int n = t->n_plans, nc = n + 3;
  const char **names = malloc((size_t)nc * sizeof *names);
  rg_coltype *types = malloc((size_t)nc * sizeof *types);
  names[0] = "unit", types[0] = RG_COL_STR;
  for (int i = 0; i < n; i++)
    names[1 + i] = labels[i], types[1 + i] = RG_COL_REAL;
  names[n + 1] = "over", types[n + 1] = RG_COL_INT;
  names[n + 2] = "over_in", types[n + 2] = RG_COL_LIST;
  rg_table *tb = rg_table_new(nc, names, types);
  free(names);
  free(types);
  for (int k = 0; k < t->n_units; k++) {
    const rg_trend_unit *u = &t->units[k];
    rg_table_row(tb);
    rg_table_str(tb, 0, u->name);
    for (int i = 0; i < n; i++) {
      rg_table_real(tb, 1 + i, u->loads[i]);
      if (u->over[i]) rg_table_list_add(tb, n + 2, labels[i]);
    }
    rg_table_int(tb, n + 1, u->k);
  }
  return tb;
}

rg_status rg_trend_write(const rg_trend *t, const char *const *labels, rg_format fmt,
                         const rg_table_opts *o, FILE *out, rg_error *err) {
  rg_table *tb = rg_trend_table(t, labels);
  rg_status st = rg_table_shape(tb, o, err);
  if (!st && fmt == RG_FMT_JSON) {
    json_t *extra = json_object(), *plans = json_array(), *fences = json_array();
    for (int i = 0; i < t->n_plans; i++) {
      json_array_append_new(plans, json_string(labels[i]));
      json_array_append_new(fences, json_real(t->fences[i]));
    }
    json_object_set_new(extra, "plans", plans);
    json_object_set_new(extra, "fences", fences);
    st = rg_table_write_json(tb, out, "units", extra, err);
    json_decref(extra);
  } else if (!st) {
    if (fmt == RG_FMT_TABLE) {
      fprintf(out, "overload fence (Q3 + 1.5 IQR):");
      for (int i = 0; i < t->n_plans; i++)
        fprintf(out, "%s %s %.4g", i ? "," : "", labels[i], t->fences[i]);
      fprintf(out, "\n\n");
    }
    st = fmt == RG_FMT_TABLE ? rg_table_write_text(tb, &o->text, out, err)
                             : rg_table_write(tb, fmt, out, err);
  }
  rg_table_free(tb);
  return st;
}
