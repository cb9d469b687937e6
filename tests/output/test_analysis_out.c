/* test_analysis_out.c - the units, ties, clusters, overload and collectives outputs. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "analysis_out.h"
#include "analyze.h"
#include "common/plans.h"

typedef const rg_out_frame *writer;

/* Run the analysis with default options and capture one output. */
static char *capture(rg_plan *p, writer w, rg_format fmt) {
  rg_results r;
  rg_error err;
  cr_assert_eq(rg_analyze(p, NULL, &r, &err), RG_OK, "%s", err.msg);
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  cr_assert_eq(rg_out_write(w, p, &r, fmt, NULL, f, &err), RG_OK, "%s", err.msg);
  fclose(f);
  rg_results_free(&r);
  return buf;
}

Test(units_out, csv_starts_with_the_documented_columns) {
  rg_plan *p = fx_star();
  char *csv = capture(p, &rg_frame_units, RG_FMT_CSV);
  const char *head = "unit,kind,led,supported,load,partners,strength,betweenness,harmonic,"
                     "eigenvector,pagerank,constraint,coreness,cluster,overloaded,fractional,"
                     "share,chapters,burden,zscore,rank,participation,top_chapters,cluster_name\n";
  cr_assert_eq(strncmp(csv, head, strlen(head)), 0, "%s", csv);
  const char *hub = "hub,unit,4,0,4,4,4,1,1,1,0.4756756757,0.25,1,0,true,2,0.6666666667,2,4,2,1,0,"
                    "一 2;二 2,first（hub、a…）\n";
  cr_assert_eq(strncmp(csv + strlen(head), hub, strlen(hub)), 0, "%s", csv);
  free(csv);
  rg_plan_free(p);
}

Test(units_out, two_runs_give_identical_bytes) {
  rg_plan *p = fx_ring(60);
  char *a = capture(p, &rg_frame_units, RG_FMT_CSV), *b = capture(p, &rg_frame_units, RG_FMT_CSV);
  cr_assert_str_eq(a, b);
  free(a);
  free(b);
  a = capture(p, &rg_frame_clusters, RG_FMT_JSON);
  b = capture(p, &rg_frame_clusters, RG_FMT_JSON);
  cr_assert_str_eq(a, b);
  free(a);
  free(b);
  rg_plan_free(p);
}

Test(units_out, json_carries_the_seed_and_null_constraint_for_isolated_units) {
  rg_plan *p = fx_path();
  rg_analysis_opts o;
  rg_analysis_opts_init(&o);
  o.min_shared = 2;
  o.seed = 7;
  rg_results r;
  rg_error err;
  cr_assert_eq(rg_analyze(p, &o, &r, &err), RG_OK);
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  cr_assert_eq(rg_out_write(&rg_frame_units, p, &r, RG_FMT_JSON, NULL, f, &err), RG_OK);
  fclose(f);
  json_error_t je;
  json_t *root = json_loads(buf, 0, &je);
  cr_assert_not_null(root, "%s", je.text);
  cr_assert_eq(json_integer_value(json_object_get(root, "seed")), 7);
  cr_assert_eq(json_integer_value(json_object_get(root, "min_shared")), 2);
  json_t *units = json_object_get(root, "units");
  cr_assert_eq(json_array_size(units), 4);
  json_t *a = json_array_get(units, 2); /* c b a d */
  cr_assert_str_eq(json_string_value(json_object_get(a, "unit")), "a");
  cr_assert(json_is_null(json_object_get(a, "constraint")));
  cr_assert_eq(json_integer_value(json_object_get(a, "cluster")), -1);
  json_decref(root);
  free(buf);
  rg_results_free(&r);
  rg_plan_free(p);
}

/* Strongest first, then by names. */
Test(ties_out, lists_evidence_as_printed_task_numbers) {
  rg_plan *p = fx_path();
  char *csv = capture(p, &rg_frame_ties, RG_FMT_CSV);
  /* p: the SDSM p-values, recomputed independently by tests/checks/backbone.py
   * (scipy least squares, full convolution): 0.774948120..., 0.564193725...;
   * nothing significant on four units, so each tie is in the backbone as some
   * unit's strongest */
  cr_assert_str_eq(csv, "unit_a,unit_b,weight,p,backbone,tasks,shared\n"
                        "b,c,2,0.7749481201,strongest,2;4,2\n"
                        "a,b,1,0.5641937256,strongest,1,1\n"
                        "c,d,1,0.5641937256,strongest,3,1\n");
  free(csv);
  rg_plan_free(p);
}

Test(clusters_out, json_has_modularity_seed_and_cluster_lists) {
  rg_plan *p = fx_triangles();
  char *js = capture(p, &rg_frame_clusters, RG_FMT_JSON);
  json_error_t je;
  json_t *root = json_loads(js, 0, &je);
  cr_assert_not_null(root, "%s", je.text);
  cr_assert_float_eq(json_real_value(json_object_get(root, "modularity")), 5.0 / 14, 1e-9);
  cr_assert_eq(json_integer_value(json_object_get(root, "seed")), (json_int_t)RG_DEFAULT_SEED);
  json_t *cl = json_object_get(root, "clusters");
  cr_assert_eq(json_array_size(cl), 2);
  json_t *c0 = json_array_get(cl, 0);
  cr_assert_eq(json_integer_value(json_object_get(c0, "id")), 0);
  json_t *units = json_object_get(c0, "units");
  cr_assert_str_eq(json_string_value(json_array_get(units, 0)), "a1");
  cr_assert_str_eq(json_string_value(json_array_get(units, 2)), "a3");
  cr_assert_str_eq(json_string_value(json_array_get(json_object_get(c0, "tasks"), 0)), "1");
  cr_assert_str_eq(json_string_value(json_array_get(json_object_get(c0, "crossing_tasks"), 0)),
                   "3");
  cr_assert_str_eq(json_string_value(json_array_get(json_object_get(c0, "bridges"), 0)), "a3");
  json_decref(root);
  free(js);
  char *csv = capture(p, &rg_frame_clusters, RG_FMT_CSV);
  /* names by hand: the chapter of the mostly-inside task (1: first, 2: second)
   * and the heaviest members (a3 1.5, a1 1; b1 1.5, b2 0.5 before b3 by name);
   * task 3 has one unit in each cluster, a majority in neither. Bridges: the
   * 90th percentile of (0,0,0,0,P,P) is P, so a3 and b1 */
  cr_assert_str_eq(csv, "id,name,size,n_tasks,bridges,units,mostly_tasks,tasks,crossing_tasks\n"
                        "0,first（a3、a1…）,3,1,a3,a1;a2;a3,1,1,3\n"
                        "1,second（b1、b2…）,3,1,b1,b1;b2;b3,2,2,3\n");
  free(csv);
  rg_plan_free(p);
}

Test(overload_out, lists_flagged_units_with_fence_and_reason) {
  rg_plan *p = fx_star();
  char *csv = capture(p, &rg_frame_overload, RG_FMT_CSV);
  const char *head =
      "unit,load,led,supported,zscore,rank,reason,top_chapters,fence,q1,q3,iqr\nhub,4,4,0,2,1,";
  cr_assert_eq(strncmp(csv, head, strlen(head)), 0, "%s", csv);
  cr_assert(strstr(csv, ",一 2;二 2,0.5,0.5,0.5,0\n") != NULL, "%s", csv);
  free(csv);
  char *txt = capture(p, &rg_frame_overload, RG_FMT_TABLE);
  cr_assert_eq(
      strncmp(txt, "fence 0.5 = Q3 0.5 + 1.5 x IQR 0 (Q1 0.5); 1 of 5 units above it\n", 60), 0,
      "%s", txt);
  free(txt);
  rg_plan_free(p);
}

Test(collectives_out, lists_collectives_and_generics_with_their_tasks) {
  rg_plan *p = fx_star();
  char *buf = NULL;
  size_t len = 0;
  rg_error err;
  FILE *f = open_memstream(&buf, &len);
  cr_assert_eq(rg_out_write(&rg_frame_collectives, p, NULL, RG_FMT_CSV, NULL, f, &err), RG_OK);
  fclose(f);
  /* same task count: byte order of the UTF-8 names (各 E5 90 84 < 有 E6 9C 89) */
  cr_assert_str_eq(buf, "name,kind,n_tasks,tasks\n"
                        "各区政府,collective,1,1\n"
                        "有关部门,generic,1,2\n");
  free(buf);
  rg_plan_free(p);
}
