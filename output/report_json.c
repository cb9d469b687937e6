/* report_json.c - report.json with jansson: the document, its arrays rendered
 * from the views of schema.c. */
#include "report_json.h"

#include "schema.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static json_t *str_or_null(const char *s) { return s ? json_string(s) : json_null(); }
static json_t *real(double v) { return isfinite(v) ? json_real(v) : json_null(); }

/* The rows of view v as a JSON array, task references as plan indices. */
static json_t *view_json(const rg_view *v, const rg_report_data *d) {
  rg_table_src src = {.plan = d->plan, .res = d->res, .rd = d, .only_unit = -1};
  rg_table *t = rg_table_view(v, &src);
  json_t *rows = rg_table_json(t, 1);
  rg_table_free(t);
  return rows;
}

static json_t *meta_json(const rg_meta *m) {
  json_t *meta = json_object();
  json_object_set_new(meta, "title", str_or_null(m->title));
  json_object_set_new(meta, "doc_number", str_or_null(m->doc_number));
  json_object_set_new(meta, "issuer", str_or_null(m->issuer));
  json_object_set_new(meta, "date", str_or_null(m->date));
  return meta;
}

static json_t *counts_json(const rg_report_data *d) {
  const rg_plan *plan = d->plan;
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
  json_object_set_new(counts, "ties", json_integer(d->res->n_ties));
  json_object_set_new(counts, "clusters", json_integer(d->res->n_clusters));
  return counts;
}

static json_t *analysis_json(const rg_results *res) {
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
  return an;
}

/* Headings as a tree: each chapter with its sections and its task indices. */
static json_t *chapters_json(const rg_plan *plan) {
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
  return chapters;
}

/* The diagram files: the collaboration diagram and each unit's, in load
 * order; null and [] when they were not drawn. */
static json_t *diagrams_json(const rg_report_data *d) {
  json_t *o = json_object(), *ego = json_array();
  json_object_set_new(o, "collab",
                      d->collab_svg ? json_string("diagrams/collab.svg") : json_null());
  for (int r = 0; d->ego_file && r < d->res->n_units; r++) {
    int u = d->res->units[r].unit;
    if (!d->ego_file[u]) continue;
    json_array_append_new(
        ego, json_pack("{s:s,s:s}", "unit", d->plan->units[u].name, "file", d->ego_file[u]));
  }
  json_object_set_new(o, "ego", ego);
  return o;
}

json_t *rg_report_json(const rg_report_data *d) {
  const rg_plan *plan = d->plan;
  json_t *root = json_object();
  json_object_set_new(root, "schema", json_string("respgraph-report/1"));
  json_object_set_new(root, "source", json_string(plan->path));
  json_object_set_new(root, "versions", str_or_null(d->opts->versions));
  json_object_set_new(root, "libraries", json_string(rg_report_libraries()));
  json_object_set_new(root, "meta", meta_json(&plan->meta));
  json_object_set_new(root, "counts", counts_json(d));
  json_object_set_new(root, "analysis", analysis_json(d->res));
  json_object_set_new(root, "chapters", chapters_json(plan));
  json_object_set_new(root, "tasks", view_json(&rg_view_json_tasks, d));
  json_object_set_new(root, "units", view_json(&rg_view_json_units, d));
  json_object_set_new(root, "other_units", view_json(&rg_view_json_other_units, d));
  json_object_set_new(root, "ties", view_json(&rg_view_json_ties, d));
  json_object_set_new(root, "clusters", view_json(&rg_view_json_clusters, d));
  json_object_set_new(root, "diagnostics", view_json(&rg_view_json_diags, d));
  /* how the plan was read: the rows `respgraph check` opens with */
  json_object_set_new(root, "reading", view_json(&rg_view_json_reading, d));
  json_t *extras = json_object();
  for (int e = 0; e < d->opts->n_extras; e++)
    json_object_set_new(extras, d->opts->extras[e].id, rg_table_json(d->opts->extras[e].table, 0));
  json_object_set_new(root, "extras", extras);
  json_object_set_new(root, "diagrams", diagrams_json(d));
  return root;
}
