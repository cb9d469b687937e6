/* analysis_out.c - units, ties, clusters, overload and collectives: the tables
 * (views of schema.c) with the figures that frame them. */
#include "analysis_out.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "schema.h"

/* A table of the analysis: view v of plan and results r. */
static rg_table *analysis_table(const rg_view *v, const rg_plan *plan, const rg_results *r) {
  rg_table_src src = {.plan = plan, .res = r, .only_unit = -1};
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

rg_status rg_out_units(const rg_plan *plan, const rg_results *r, rg_format fmt, FILE *out,
                       rg_error *err) {
  rg_table *t = analysis_table(&rg_view_units, plan, r);
  rg_status st = write_with(t, fmt, out, "units", fmt == RG_FMT_JSON ? opts_json(r) : NULL, err);
  if (st == RG_OK) approx_note(r, fmt, out);
  rg_table_free(t);
  return st;
}

/* ------------------------------------------------------------------- ties */

rg_status rg_out_ties(const rg_plan *plan, const rg_results *r, rg_format fmt, FILE *out,
                      rg_error *err) {
  rg_table *t = analysis_table(&rg_view_ties, plan, r);
  rg_status st = write_with(t, fmt, out, "ties", fmt == RG_FMT_JSON ? opts_json(r) : NULL, err);
  rg_table_free(t);
  return st;
}

/* --------------------------------------------------------------- clusters */

rg_status rg_out_clusters(const rg_plan *plan, const rg_results *r, rg_format fmt, FILE *out,
                          rg_error *err) {
  rg_table *t = analysis_table(&rg_view_clusters, plan, r);
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

rg_status rg_out_overload(const rg_plan *plan, const rg_results *r, rg_format fmt, FILE *out,
                          rg_error *err) {
  rg_table *t = analysis_table(&rg_view_overload, plan, r);
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

rg_status rg_out_collectives(const rg_plan *plan, rg_format fmt, FILE *out, rg_error *err) {
  rg_table *t = analysis_table(&rg_view_collectives, plan, NULL);
  rg_status st = write_with(t, fmt, out, "collectives", NULL, err);
  rg_table_free(t);
  return st;
}
