/* analysis_out.c - units, ties, clusters, overload and collectives: the tables
 * (views of schema.c) with the figures that frame them. */
#include "analysis_out.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "schema.h"

/* A table of the analysis: view v of plan and results r (rows about
 * only_unit when it is not -1). */
static rg_table *analysis_table(const rg_view *v, const rg_plan *plan, const rg_results *r,
                                const rg_out_opts *o) {
  rg_table_src src = {
      .plan = plan, .res = r, .only_unit = o ? o->only_unit : -1, .backbone = o ? o->backbone : 0};
  return rg_table_view(v, &src);
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

/* How a command frames its table: the JSON key of the rows and the
 * figures before the options (figures), the line before a text table
 * (headline) and the approximation note after it (note). */
struct rg_out_frame {
  const rg_view *view;
  const char *key;
  void (*figures)(const rg_results *r, json_t *o);
  void (*headline)(const rg_results *r, FILE *out);
  int note;
};

rg_status rg_out_write(const rg_out_frame *f, const rg_plan *plan, const rg_results *r,
                       rg_format fmt, const rg_out_opts *o, FILE *out, rg_error *err) {
  rg_table *t = analysis_table(f->view, plan, r, o);
  rg_table_opts def = rg_table_opts_default();
  const rg_table_opts *to = o ? &o->table : &def;
  rg_status st = rg_table_shape(t, to, err);
  if (st) {
    rg_table_free(t);
    return st;
  }
  if (fmt == RG_FMT_JSON) {
    json_t *extra = json_object(), *o = r ? opts_json(r) : NULL;
    if (f->figures) f->figures(r, extra);
    if (o) json_object_update(extra, o);
    json_decref(o);
    st = rg_table_write_json(t, out, f->key, r ? extra : NULL, err);
    json_decref(extra);
  } else {
    if (fmt == RG_FMT_TABLE && f->headline) f->headline(r, out);
    rg_table_opts plain = *to; /* shaped already */
    plain.sort = plain.columns = NULL;
    plain.top = 0;
    st = rg_table_write_opts(t, fmt, &plain, out, err);
    if (st == RG_OK && fmt == RG_FMT_TABLE && f->note && r->approximation_note)
      fprintf(out, "note: %s\n", r->approximation_note);
  }
  rg_table_free(t);
  return st;
}

static void cluster_figures(const rg_results *r, json_t *o) {
  json_object_set_new(o, "modularity", json_num(r->modularity));
  json_object_set_new(o, "bridge_cut", json_num(r->bridge_cut));
}

static void cluster_headline(const rg_results *r, FILE *out) {
  char q[64], cut[64];
  rg_format_sig(q, sizeof q, r->modularity, RG_TEXT_DIGITS);
  rg_format_sig(cut, sizeof cut, r->bridge_cut, RG_TEXT_DIGITS);
  fprintf(out,
          "%d clusters (Leiden, modularity %s, resolution %g, seed %lu), each named by the\n"
          "chapter most of its tasks come from and its heaviest units. n_tasks: tasks more than\n"
          "half of whose concrete units are in the cluster. bridges: participation >= %s\n"
          "(the top 10%% of units with ties).\n",
          r->n_clusters, q, r->opts.resolution, r->opts.seed, cut);
}

static void fence_figures(const rg_results *r, json_t *o) {
  json_object_set_new(o, "fence", json_num(r->fence));
  json_object_set_new(o, "q1", json_num(r->q1));
  json_object_set_new(o, "q3", json_num(r->q3));
  json_object_set_new(o, "iqr", json_num(r->iqr));
  json_object_set_new(o, "mean", json_num(r->mean));
  json_object_set_new(o, "sd", json_num(r->sd));
  json_object_set_new(o, "n_units", json_integer(r->n_units));
  json_object_set_new(o, "n_overloaded", json_integer(r->n_overloaded));
}

static void fence_headline(const rg_results *r, FILE *out) {
  char f[64], q1[64], q3[64], iqr[64];
  rg_format_real(f, sizeof f, r->fence);
  rg_format_real(q1, sizeof q1, r->q1);
  rg_format_real(q3, sizeof q3, r->q3);
  rg_format_real(iqr, sizeof iqr, r->iqr);
  fprintf(out, "fence %s = Q3 %s + 1.5 x IQR %s (Q1 %s); %d of %d units above it\n", f, q3, iqr, q1,
          r->n_overloaded, r->n_units);
}

/* In the order of the command line's help. */
const rg_out_frame rg_frame_units = {&rg_view_units, "units", NULL, NULL, 1};
const rg_out_frame rg_frame_ties = {&rg_view_ties, "ties", NULL, NULL, 0};
const rg_out_frame rg_frame_clusters = {&rg_view_clusters, "clusters", cluster_figures,
                                        cluster_headline, 0};
const rg_out_frame rg_frame_overload = {&rg_view_overload, "units", fence_figures, fence_headline,
                                        0};
const rg_out_frame rg_frame_collectives = {&rg_view_collectives, "collectives", NULL, NULL, 0};
