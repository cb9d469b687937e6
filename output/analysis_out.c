/* analysis_out.c - units, ties, clusters, overload and collectives as tables, CSV and JSON. */
#include "analysis_out.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sort.h"

#define NCOLS(a) ((int)(sizeof(a) / sizeof((a)[0])))

static const char *task_no(const rg_plan *plan, int t) { return plan->tasks[t].number; }
static const char *unit_name(const rg_plan *plan, int u) { return plan->units[u].name; }

/* "四 11" : chapter number as printed and the unit's load in it */
static void add_top_chapters(rg_table *t, int col, const rg_plan *plan, const rg_unit_stats *s,
                             int max) {
  for (int j = 0; j < s->n_chapter_loads && j < max; j++) {
    char num[64], buf[256];
    rg_format_real(num, sizeof num, s->chapter_loads[j]);
    int c = s->chapter_ids[j];
    snprintf(buf, sizeof buf, "%s %s", c >= 0 ? plan->chapters[c].number : "-", num);
    rg_table_list_add(t, col, buf);
  }
}

static json_t *json_num(double v) { return isfinite(v) ? json_real(v) : json_null(); }

/* The options that shaped the numbers, for every JSON output. */
static json_t *opts_json(const rg_results *r) {
  json_t *o = json_object();
  json_object_set_new(o, "seed", json_integer((json_int_t)r->opts.seed));
  json_object_set_new(o, "weighting", json_string(r->opts.weighting == 1 ? "newman" : "count"));
  json_object_set_new(o, "lead_weight", json_num(r->opts.lead_weight));
  json_object_set_new(o, "support_weight", json_num(r->opts.support_weight));
  json_object_set_new(o, "min_shared", json_integer(r->opts.min_shared));
  json_object_set_new(o, "resolution", json_num(r->opts.resolution));
  json_object_set_new(o, "approximate_betweenness", json_boolean(r->approximate_betweenness));
  json_object_set_new(o, "approximation_note",
                      r->approximation_note ? json_string(r->approximation_note) : json_null());
  return o;
}

static rg_status write_with(const rg_table *t, rg_format fmt, FILE *out, const char *key,
                            json_t *extra, rg_error *err) {
  rg_status st;
  if (fmt == RG_FMT_JSON)
    st = rg_table_write_json(t, out, key, extra, err);
  else
    st = rg_table_write(t, fmt, out, err);
  json_decref(extra);
  return st;
}

static void approx_note(const rg_results *r, rg_format fmt, FILE *out) {
  if (fmt == RG_FMT_TABLE && r->approximate_betweenness && r->approximation_note)
    fprintf(out, "note: %s\n", r->approximation_note);
}

/* ------------------------------------------------------------------ units */

rg_table *rg_units_table(const rg_plan *plan, const rg_results *r) {
  static const char *names[] = {
      "unit",     "kind",        "led",        "supported",     "load",        "partners",
      "strength", "betweenness", "harmonic",   "eigenvector",   "pagerank",    "constraint",
      "coreness", "cluster",     "overloaded", "fractional",    "share",       "chapters",
      "burden",   "zscore",      "rank",       "participation", "top_chapters"};
  static const rg_coltype types[] = {
      RG_COL_STR,  RG_COL_STR,  RG_COL_INT,  RG_COL_INT,  RG_COL_REAL, RG_COL_INT,
      RG_COL_REAL, RG_COL_REAL, RG_COL_REAL, RG_COL_REAL, RG_COL_REAL, RG_COL_REAL,
      RG_COL_INT,  RG_COL_INT,  RG_COL_BOOL, RG_COL_REAL, RG_COL_REAL, RG_COL_INT,
      RG_COL_INT,  RG_COL_REAL, RG_COL_INT,  RG_COL_REAL, RG_COL_LIST};
  rg_table *t = rg_table_new(NCOLS(names), names, types);
  for (int i = 0; i < r->n_units; i++) {
    const rg_unit_stats *s = &r->units[i];
    int c = 0;
    rg_table_row(t);
    rg_table_str(t, c++, unit_name(plan, s->unit));
    rg_table_str(t, c++, rg_kind_name(plan->units[s->unit].kind));
    rg_table_int(t, c++, s->led);
    rg_table_int(t, c++, s->supported);
    rg_table_real(t, c++, s->load);
    rg_table_int(t, c++, s->partners);
    rg_table_real(t, c++, s->strength);
    rg_table_real(t, c++, s->betweenness);
    rg_table_real(t, c++, s->harmonic);
    rg_table_real(t, c++, s->eigenvector);
    rg_table_real(t, c++, s->pagerank);
    rg_table_real(t, c++, s->constraint);
    rg_table_int(t, c++, s->coreness);
    rg_table_int(t, c++, s->cluster);
    rg_table_bool(t, c++, s->overloaded);
    rg_table_real(t, c++, s->fractional);
    rg_table_real(t, c++, s->share);
    rg_table_int(t, c++, s->chapters);
    rg_table_int(t, c++, s->burden);
    rg_table_real(t, c++, s->zscore);
    rg_table_int(t, c++, s->rank);
    rg_table_real(t, c++, s->participation);
    add_top_chapters(t, c++, plan, s, 3);
  }
  return t;
}

rg_status rg_out_units(const rg_plan *plan, const rg_results *r, rg_format fmt, FILE *out,
                       rg_error *err) {
  rg_table *t = rg_units_table(plan, r);
  rg_status st = write_with(t, fmt, out, "units", fmt == RG_FMT_JSON ? opts_json(r) : NULL, err);
  if (st == RG_OK) approx_note(r, fmt, out);
  rg_table_free(t);
  return st;
}

/* ------------------------------------------------------------------- ties */

rg_table *rg_ties_table(const rg_plan *plan, const rg_results *r) {
  static const char *names[] = {"unit_a", "unit_b", "weight", "tasks", "shared"};
  static const rg_coltype types[] = {RG_COL_STR, RG_COL_STR, RG_COL_REAL, RG_COL_LIST, RG_COL_INT};
  rg_table *t = rg_table_new(NCOLS(names), names, types);
  for (int i = 0; i < r->n_ties; i++) {
    const rg_tie *e = &r->ties[i];
    rg_table_row(t);
    rg_table_str(t, 0, unit_name(plan, e->a));
    rg_table_str(t, 1, unit_name(plan, e->b));
    rg_table_real(t, 2, e->weight);
    for (int j = 0; j < e->shared; j++)
      rg_table_list_add(t, 3, task_no(plan, e->tasks[j]));
    rg_table_int(t, 4, e->shared);
  }
  return t;
}

rg_status rg_out_ties(const rg_plan *plan, const rg_results *r, rg_format fmt, FILE *out,
                      rg_error *err) {
  rg_table *t = rg_ties_table(plan, r);
  rg_status st = write_with(t, fmt, out, "ties", fmt == RG_FMT_JSON ? opts_json(r) : NULL, err);
  rg_table_free(t);
  return st;
}

/* --------------------------------------------------------------- clusters */

rg_table *rg_clusters_table(const rg_plan *plan, const rg_results *r) {
  static const char *names[] = {"id", "size", "units", "tasks", "crossing_tasks", "bridges"};
  static const rg_coltype types[] = {RG_COL_INT,  RG_COL_INT,  RG_COL_LIST,
                                     RG_COL_LIST, RG_COL_LIST, RG_COL_LIST};
  rg_table *t = rg_table_new(NCOLS(names), names, types);
  for (int c = 0; c < r->n_clusters; c++) {
    const rg_cluster *cl = &r->clusters[c];
    rg_table_row(t);
    rg_table_int(t, 0, cl->id);
    rg_table_int(t, 1, cl->n_units);
    for (int j = 0; j < cl->n_units; j++)
      rg_table_list_add(t, 2, unit_name(plan, cl->units[j]));
    for (int j = 0; j < cl->n_tasks; j++)
      rg_table_list_add(t, 3, task_no(plan, cl->tasks[j]));
    for (int j = 0; j < cl->n_crossing; j++)
      rg_table_list_add(t, 4, task_no(plan, cl->crossing[j]));
    for (int j = 0; j < cl->n_bridges; j++)
      rg_table_list_add(t, 5, unit_name(plan, cl->bridges[j]));
  }
  return t;
}

rg_status rg_out_clusters(const rg_plan *plan, const rg_results *r, rg_format fmt, FILE *out,
                          rg_error *err) {
  rg_table *t = rg_clusters_table(plan, r);
  json_t *extra = NULL;
  if (fmt == RG_FMT_JSON) {
    extra = json_object();
    json_object_set_new(extra, "modularity", json_num(r->modularity));
    json_t *o = opts_json(r);
    json_object_update(extra, o);
    json_decref(o);
  } else if (fmt == RG_FMT_TABLE) {
    char q[64];
    rg_format_real(q, sizeof q, r->modularity);
    fprintf(out, "modularity %s, %d clusters (Leiden, resolution %g, seed %lu)\n", q, r->n_clusters,
            r->opts.resolution, r->opts.seed);
  }
  rg_status st = write_with(t, fmt, out, "clusters", extra, err);
  rg_table_free(t);
  return st;
}

/* --------------------------------------------------------------- overload */

rg_table *rg_overload_table(const rg_plan *plan, const rg_results *r) {
  static const char *names[] = {"unit",         "load",  "zscore", "rank", "reason",
                                "top_chapters", "fence", "q1",     "q3",   "iqr"};
  static const rg_coltype types[] = {RG_COL_STR,  RG_COL_REAL, RG_COL_REAL, RG_COL_INT,
                                     RG_COL_STR,  RG_COL_LIST, RG_COL_REAL, RG_COL_REAL,
                                     RG_COL_REAL, RG_COL_REAL};
  rg_table *t = rg_table_new(NCOLS(names), names, types);
  for (int i = 0; i < r->n_units; i++) {
    const rg_unit_stats *s = &r->units[i];
    if (!s->overloaded) continue;
    rg_table_row(t);
    rg_table_str(t, 0, unit_name(plan, s->unit));
    rg_table_real(t, 1, s->load);
    rg_table_real(t, 2, s->zscore);
    rg_table_int(t, 3, s->rank);
    rg_table_str(t, 4, s->reason);
    add_top_chapters(t, 5, plan, s, 3);
    rg_table_real(t, 6, r->fence);
    rg_table_real(t, 7, r->q1);
    rg_table_real(t, 8, r->q3);
    rg_table_real(t, 9, r->iqr);
  }
  return t;
}

rg_status rg_out_overload(const rg_plan *plan, const rg_results *r, rg_format fmt, FILE *out,
                          rg_error *err) {
  rg_table *t = rg_overload_table(plan, r);
  json_t *extra = NULL;
  if (fmt == RG_FMT_JSON) {
    extra = json_object();
    json_object_set_new(extra, "fence", json_num(r->fence));
    json_object_set_new(extra, "q1", json_num(r->q1));
    json_object_set_new(extra, "q3", json_num(r->q3));
    json_object_set_new(extra, "iqr", json_num(r->iqr));
    json_object_set_new(extra, "mean", json_num(r->mean));
    json_object_set_new(extra, "sd", json_num(r->sd));
    json_object_set_new(extra, "n_units", json_integer(r->n_units));
    json_object_set_new(extra, "n_overloaded", json_integer(r->n_overloaded));
    json_t *o = opts_json(r);
    json_object_update(extra, o);
    json_decref(o);
  } else if (fmt == RG_FMT_TABLE) {
    char f[64], q1[64], q3[64], iqr[64];
    rg_format_real(f, sizeof f, r->fence);
    rg_format_real(q1, sizeof q1, r->q1);
    rg_format_real(q3, sizeof q3, r->q3);
    rg_format_real(iqr, sizeof iqr, r->iqr);
    fprintf(out, "fence %s = Q3 %s + 1.5 x IQR %s (Q1 %s); %d of %d units above it\n", f, q3, iqr,
            q1, r->n_overloaded, r->n_units);
  }
  rg_status st = write_with(t, fmt, out, "units", extra, err);
  rg_table_free(t);
  return st;
}

/* ------------------------------------------------------------ collectives */

/* Plan unit indices by number of tasks desc, then name; ctx is the plan. */
static int cmp_coll(const void *a, const void *b, void *ctx) {
  const rg_plan *plan = ctx;
  const rg_unit *x = &plan->units[*(const int *)a], *y = &plan->units[*(const int *)b];
  if (x->link_count != y->link_count) return x->link_count > y->link_count ? -1 : 1;
  return strcmp(x->name, y->name);
}

rg_table *rg_collectives_table(const rg_plan *plan) {
  static const char *names[] = {"name", "kind", "n_tasks", "tasks"};
  static const rg_coltype types[] = {RG_COL_STR, RG_COL_STR, RG_COL_INT, RG_COL_LIST};
  rg_table *t = rg_table_new(NCOLS(names), names, types);
  int *idx = rg_xmalloc(((size_t)plan->n_units + 1) * sizeof *idx);
  int n = 0, most = 0;
  for (int u = 0; u < plan->n_units; u++)
    if (plan->units[u].kind != RG_KIND_UNIT) {
      idx[n++] = u;
      if (plan->units[u].link_count > most) most = plan->units[u].link_count;
    }
  rg_sort(idx, (size_t)n, sizeof *idx, cmp_coll, (void *)plan);
  int *tasks = rg_xmalloc(((size_t)most + 1) * sizeof *tasks);
  for (int i = 0; i < n; i++) {
    const rg_unit *u = &plan->units[idx[i]];
    rg_table_row(t);
    rg_table_str(t, 0, u->name);
    rg_table_str(t, 1, rg_kind_name(u->kind));
    rg_table_int(t, 2, u->link_count);
    for (int j = 0; j < u->link_count; j++)
      tasks[j] = plan->links[plan->unit_links[u->link_begin + j]].task;
    rg_sort(tasks, (size_t)u->link_count, sizeof *tasks, rg_cmp_int, NULL);
    for (int j = 0; j < u->link_count; j++)
      rg_table_list_add(t, 3, task_no(plan, tasks[j]));
  }
  free(tasks);
  free(idx);
  return t;
}

rg_status rg_out_collectives(const rg_plan *plan, rg_format fmt, FILE *out, rg_error *err) {
  rg_table *t = rg_collectives_table(plan);
  rg_status st = write_with(t, fmt, out, "collectives", NULL, err);
  rg_table_free(t);
  return st;
}
