/* report_json.c - report.json with jansson, and the CSV tables through table.h. */
#include "report_json.h"

#include "plan_out.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static json_t *str_or_null(const char *s) { return s ? json_string(s) : json_null(); }
static json_t *real(double v) { return isfinite(v) ? json_real(v) : json_null(); }

static json_t *int_array(const int *v, int n) {
  json_t *a = json_array();
  for (int i = 0; i < n; i++)
    json_array_append_new(a, json_integer(v[i]));
  return a;
}

static json_t *unit_names(const rg_plan *plan, const int *v, int n) {
  json_t *a = json_array();
  for (int i = 0; i < n; i++)
    json_array_append_new(a, json_string(plan->units[v[i]].name));
  return a;
}

json_t *rg_report_table_json(const rg_table *t) {
  json_t *rows = NULL;
  if (t) {
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    if (mem) {
      rg_error e;
      rg_status st = rg_table_write_json(t, mem, NULL, NULL, &e);
      fclose(mem);
      if (st == RG_OK) rows = json_loadb(buf, len, 0, NULL);
      free(buf);
    }
  }
  return json_is_array(rows) ? rows : (json_decref(rows), json_array());
}

static json_t *unit_json(const rg_report_data *d, int r) {
  const rg_plan *plan = d->plan;
  const rg_unit_stats *s = &d->res->units[r];
  const rg_unit *un = &plan->units[s->unit];
  json_t *o = json_object();
  json_object_set_new(o, "name", json_string(un->name));
  json_object_set_new(o, "index", json_integer(s->unit));
  json_t *al = json_array();
  for (int a = 0; a < un->n_aliases; a++)
    json_array_append_new(al, json_string(un->aliases[a]));
  json_object_set_new(o, "aliases", al);
  json_object_set_new(o, "first_line", json_integer(un->first_line));
  json_object_set_new(o, "rank", json_integer(s->rank));
  json_object_set_new(o, "load", real(s->load));
  json_object_set_new(o, "led", json_integer(s->led));
  json_object_set_new(o, "supported", json_integer(s->supported));
  json_object_set_new(o, "fractional", real(s->fractional));
  json_object_set_new(o, "share", real(s->share));
  json_object_set_new(o, "chapters", json_integer(s->chapters));
  json_object_set_new(o, "partners", json_integer(s->partners));
  json_object_set_new(o, "burden", json_integer(s->burden));
  json_object_set_new(o, "strength", real(s->strength));
  json_object_set_new(o, "betweenness", real(s->betweenness));
  json_object_set_new(o, "harmonic", real(s->harmonic));
  json_object_set_new(o, "eigenvector", real(s->eigenvector));
  json_object_set_new(o, "pagerank", real(s->pagerank));
  json_object_set_new(o, "constraint", real(s->constraint));
  json_object_set_new(o, "coreness", json_integer(s->coreness));
  json_object_set_new(o, "cluster", json_integer(s->cluster));
  json_object_set_new(o, "participation", real(s->participation));
  json_object_set_new(o, "overloaded", json_boolean(s->overloaded));
  json_object_set_new(o, "zscore", real(s->zscore));
  json_t *cl = json_array();
  for (int c = 0; c < d->n_cols; c++)
    json_array_append_new(cl, real(d->col_load[(size_t)r * d->n_cols + c]));
  json_object_set_new(o, "chapter_load", cl);
  int *tmp = rg_xcalloc((size_t)un->link_count + 1, sizeof *tmp);
  int n = rg_report_unit_tasks(plan, s->unit, RG_ROLE_LEAD, tmp);
  json_object_set_new(o, "lead_tasks", int_array(tmp, n));
  n = rg_report_unit_tasks(plan, s->unit, RG_ROLE_SUPPORT, tmp);
  json_object_set_new(o, "support_tasks", int_array(tmp, n));
  free(tmp);
  return o;
}

json_t *rg_report_json(const rg_report_data *d) {
  const rg_plan *plan = d->plan;
  const rg_results *res = d->res;
  json_t *root = json_object();
  json_object_set_new(root, "schema", json_string("respgraph-report/1"));
  json_object_set_new(root, "source", json_string(plan->path));
  json_object_set_new(root, "versions", str_or_null(d->opts->versions));
  json_object_set_new(root, "libraries", json_string(rg_report_libraries()));
  json_t *meta = json_object();
  json_object_set_new(meta, "title", str_or_null(plan->meta.title));
  json_object_set_new(meta, "doc_number", str_or_null(plan->meta.doc_number));
  json_object_set_new(meta, "issuer", str_or_null(plan->meta.issuer));
  json_object_set_new(meta, "date", str_or_null(plan->meta.date));
  json_object_set_new(root, "meta", meta);

  json_t *counts = json_object();
  json_object_set_new(counts, "tasks", json_integer(plan->n_tasks));
  json_object_set_new(counts, "units", json_integer(plan->n_units));
  json_object_set_new(counts, "concrete_units", json_integer(d->n_concrete));
  json_object_set_new(counts, "collective_units", json_integer(d->n_collective));
  json_object_set_new(counts, "generic_units", json_integer(d->n_generic));
  json_object_set_new(counts, "links", json_integer(plan->n_links));
  json_object_set_new(counts, "concrete_links", json_integer(d->n_concrete_links));
  json_object_set_new(counts, "concrete_lead_links", json_integer(d->n_lead_links));
  json_object_set_new(counts, "open_lists", json_integer(d->n_open));
  json_object_set_new(counts, "diagnostics", json_integer(plan->n_diags));
  json_object_set_new(counts, "overloaded", json_integer(d->n_overloaded));
  json_object_set_new(counts, "ties", json_integer(res->n_ties));
  json_object_set_new(counts, "clusters", json_integer(res->n_clusters));
  json_object_set_new(root, "counts", counts);

  const rg_analysis_opts *o = &res->opts;
  json_t *an = json_object();
  json_object_set_new(an, "lead_weight", real(o->lead_weight));
  json_object_set_new(an, "support_weight", real(o->support_weight));
  json_object_set_new(an, "weighting", json_string(o->weighting ? "newman" : "count"));
  json_object_set_new(an, "min_shared", json_integer(o->min_shared));
  json_object_set_new(an, "resolution", real(o->resolution));
  json_object_set_new(an, "seed", json_integer((json_int_t)o->seed));
  json_object_set_new(an, "exact", json_boolean(o->exact));
  json_object_set_new(an, "modularity", real(res->modularity));
  json_object_set_new(an, "fence", real(res->fence));
  json_object_set_new(an, "q1", real(res->q1));
  json_object_set_new(an, "q3", real(res->q3));
  json_object_set_new(an, "iqr", real(res->iqr));
  json_object_set_new(an, "mean", real(res->mean));
  json_object_set_new(an, "sd", real(res->sd));
  json_object_set_new(an, "approximate_betweenness", json_boolean(res->approximate_betweenness));
  json_object_set_new(an, "approximation_note", str_or_null(res->approximation_note));
  json_object_set_new(root, "analysis", an);

  json_t *chapters = json_array();
  for (int c = 0; c < plan->n_chapters; c++) {
    json_t *ch = json_object(), *secs = json_array(), *tasks = json_array();
    json_object_set_new(ch, "number", str_or_null(plan->chapters[c].number));
    json_object_set_new(ch, "title", str_or_null(plan->chapters[c].title));
    json_object_set_new(ch, "line", json_integer(plan->chapters[c].line));
    for (int s = 0; s < plan->n_sections; s++) {
      if (plan->sections[s].parent != c) continue;
      json_t *so = json_object();
      json_object_set_new(so, "index", json_integer(s));
      json_object_set_new(so, "number", str_or_null(plan->sections[s].number));
      json_object_set_new(so, "title", str_or_null(plan->sections[s].title));
      json_object_set_new(so, "line", json_integer(plan->sections[s].line));
      json_array_append_new(secs, so);
    }
    for (int t = 0; t < plan->n_tasks; t++)
      if (plan->tasks[t].chapter == c) json_array_append_new(tasks, json_integer(t));
    json_object_set_new(ch, "sections", secs);
    json_object_set_new(ch, "tasks", tasks);
    json_array_append_new(chapters, ch);
  }
  json_object_set_new(root, "chapters", chapters);

  json_t *tasks = json_array();
  for (int t = 0; t < plan->n_tasks; t++) {
    const rg_task *task = &plan->tasks[t];
    json_t *to = json_object(), *lead = json_array(), *sup = json_array();
    json_object_set_new(to, "index", json_integer(t));
    json_object_set_new(to, "number", str_or_null(task->number));
    json_object_set_new(to, "ordinal", json_integer(task->ordinal));
    json_object_set_new(to, "chapter", json_integer(task->chapter));
    json_object_set_new(to, "section", json_integer(task->section));
    json_object_set_new(to, "text", str_or_null(task->text));
    json_object_set_new(to, "original",
                        task->original && task->original != task->text &&
                                strcmp(task->original, task->text)
                            ? json_string(task->original)
                            : json_null());
    json_object_set_new(to, "deadline", str_or_null(task->deadline));
    json_object_set_new(to, "line", json_integer(task->line));
    json_object_set_new(to, "open_list", json_boolean(task->open_list));
    json_object_set_new(to, "concrete_units", json_integer(d->task_k[t]));
    for (int k = 0; k < task->link_count; k++) {
      const rg_link *l = &plan->links[plan->task_links[task->link_begin + k]];
      json_array_append_new(l->role == RG_ROLE_LEAD ? lead : sup,
                            json_string(plan->units[l->unit].name));
    }
    json_object_set_new(to, "lead", lead);
    json_object_set_new(to, "support", sup);
    json_array_append_new(tasks, to);
  }
  json_object_set_new(root, "tasks", tasks);

  json_t *units = json_array();
  for (int r = 0; r < res->n_units; r++)
    json_array_append_new(units, unit_json(d, r));
  json_object_set_new(root, "units", units);

  json_t *others = json_array();
  for (int u = 0; u < plan->n_units; u++) {
    const rg_unit *un = &plan->units[u];
    if (un->kind == RG_KIND_UNIT) continue;
    json_t *oo = json_object();
    json_object_set_new(oo, "name", json_string(un->name));
    json_object_set_new(oo, "index", json_integer(u));
    json_object_set_new(oo, "kind", json_string(rg_kind_name(un->kind)));
    int *tmp = rg_xcalloc((size_t)un->link_count + 1, sizeof *tmp);
    int n = rg_report_unit_tasks(plan, u, RG_ROLE_LEAD, tmp);
    json_object_set_new(oo, "lead_tasks", int_array(tmp, n));
    n = rg_report_unit_tasks(plan, u, RG_ROLE_SUPPORT, tmp);
    json_object_set_new(oo, "support_tasks", int_array(tmp, n));
    free(tmp);
    json_array_append_new(others, oo);
  }
  json_object_set_new(root, "other_units", others);

  json_t *ties = json_array();
  for (int i = 0; i < res->n_ties; i++) {
    const rg_tie *t = &res->ties[i];
    json_t *to = json_object();
    json_object_set_new(to, "a", json_string(plan->units[t->a].name));
    json_object_set_new(to, "b", json_string(plan->units[t->b].name));
    json_object_set_new(to, "shared", json_integer(t->shared));
    json_object_set_new(to, "weight", real(t->weight));
    json_object_set_new(to, "tasks", int_array(t->tasks, t->shared));
    json_array_append_new(ties, to);
  }
  json_object_set_new(root, "ties", ties);

  json_t *clusters = json_array();
  for (int i = 0; i < res->n_clusters; i++) {
    const rg_cluster *c = &res->clusters[i];
    json_t *co = json_object();
    json_object_set_new(co, "id", json_integer(c->id));
    json_object_set_new(co, "units", unit_names(plan, c->units, c->n_units));
    json_object_set_new(co, "tasks", int_array(c->tasks, c->n_tasks));
    json_object_set_new(co, "crossing", int_array(c->crossing, c->n_crossing));
    json_object_set_new(co, "bridges", unit_names(plan, c->bridges, c->n_bridges));
    json_array_append_new(clusters, co);
  }
  json_object_set_new(root, "clusters", clusters);

  json_t *diags = json_array();
  for (int i = 0; i < plan->n_diags; i++) {
    const rg_diag *g = &plan->diags[i];
    json_t *go = json_object();
    json_object_set_new(go, "severity", json_string(rg_severity_name(g->severity)));
    json_object_set_new(go, "line", json_integer(g->line));
    json_object_set_new(go, "code", str_or_null(g->code));
    json_object_set_new(go, "message", str_or_null(g->message));
    json_array_append_new(diags, go);
  }
  json_object_set_new(root, "diagnostics", diags);
  /* how the plan was read: the rows `respgraph check` opens with */
  rg_table *rt = rg_reading_table(plan);
  json_object_set_new(root, "reading", rg_report_table_json(rt));
  rg_table_free(rt);

  json_t *extras = json_object();
  for (int e = 0; e < d->opts->n_extras; e++)
    json_object_set_new(extras, d->opts->extras[e].id,
                        rg_report_table_json(d->opts->extras[e].table));
  json_object_set_new(root, "extras", extras);
  return root;
}

/* ---- CSV tables ---------------------------------------------------------- */

rg_table *rg_report_tasks_table(const rg_report_data *d) {
  static const char *const names[] = {"number",  "ordinal",  "chapter",   "text", "lead",
                                      "support", "deadline", "open_list", "line"};
  static const rg_coltype types[] = {RG_COL_STR,  RG_COL_INT, RG_COL_STR,  RG_COL_STR, RG_COL_LIST,
                                     RG_COL_LIST, RG_COL_STR, RG_COL_BOOL, RG_COL_INT};
  const rg_plan *plan = d->plan;
  rg_table *t = rg_table_new(9, names, types);
  for (int i = 0; i < plan->n_tasks; i++) {
    const rg_task *task = &plan->tasks[i];
    rg_table_row(t);
    rg_table_str(t, 0, task->number);
    rg_table_int(t, 1, task->ordinal);
    if (task->chapter >= 0 && task->chapter < plan->n_chapters)
      rg_table_str(t, 2, plan->chapters[task->chapter].number);
    rg_table_str(t, 3, task->text);
    for (int k = 0; k < task->link_count; k++) {
      const rg_link *l = &plan->links[plan->task_links[task->link_begin + k]];
      rg_table_list_add(t, l->role == RG_ROLE_LEAD ? 4 : 5, plan->units[l->unit].name);
    }
    rg_table_str(t, 6, task->deadline);
    rg_table_bool(t, 7, task->open_list);
    rg_table_int(t, 8, task->line);
  }
  return t;
}

rg_table *rg_report_edges_table(const rg_report_data *d) { return rg_edges_table(d->plan); }
