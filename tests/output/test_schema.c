/* test_schema.c - the table descriptions of schema.c and the writers that
 * render them: every view builds, every column is described in both
 * languages, and each writer option (wide columns, BOM, guard, quoting,
 * task indices) does what table.h says. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "load.h"
#include "meetings.h"
#include "report_data.h"
#include "schema.h"

static const rg_schema *const SCHEMAS[] = {
    &rg_schema_units,  &rg_schema_ties,    &rg_schema_clusters, &rg_schema_members,
    &rg_schema_tasks,  &rg_schema_edges,   &rg_schema_diags,    &rg_schema_meetings,
    &rg_schema_agenda, &rg_schema_reading, &rg_schema_explain};

static const rg_view *const VIEWS[] = {&rg_view_units,
                                       &rg_view_overload,
                                       &rg_view_collectives,
                                       &rg_view_ties,
                                       &rg_view_clusters,
                                       &rg_view_tasks,
                                       &rg_view_edges,
                                       &rg_view_diags,
                                       &rg_view_meetings,
                                       &rg_view_agenda_text,
                                       &rg_view_agenda,
                                       &rg_view_meetings_json,
                                       &rg_view_meetings_en,
                                       &rg_view_tasks_csv,
                                       &rg_view_json_tasks,
                                       &rg_view_json_units,
                                       &rg_view_json_other_units,
                                       &rg_view_json_ties,
                                       &rg_view_json_clusters,
                                       &rg_view_json_diags,
                                       &rg_view_sheet_tasks,
                                       &rg_view_sheet_load,
                                       &rg_view_sheet_centrality,
                                       &rg_view_sheet_ties,
                                       &rg_view_sheet_clusters,
                                       &rg_view_sheet_diags,
                                       &rg_view_page_load,
                                       &rg_view_page_centrality,
                                       &rg_view_page_tasks,
                                       &rg_view_page_diags,
                                       &rg_view_graphml_nodes,
                                       &rg_view_graphml_edges,
                                       &rg_view_reading,
                                       &rg_view_explain,
                                       &rg_view_json_reading,
                                       &rg_view_sheet_reading,
                                       &rg_view_page_reading};

Test(schema, every_column_has_a_key_both_labels_and_a_getter_and_keys_are_unique) {
  for (size_t k = 0; k < sizeof SCHEMAS / sizeof SCHEMAS[0]; k++) {
    const rg_schema *s = SCHEMAS[k];
    for (int c = 0; c < s->ncols; c++) {
      const rg_column *col = &s->cols[c];
      cr_expect(col->key && *col->key, "%s column %d has no key", s->id, c);
      cr_expect(col->zh && *col->zh && col->en && *col->en, "%s.%s lacks a label", s->id, col->key);
      cr_expect_not_null(col->get, "%s.%s has no getter", s->id, col->key);
      cr_expect(col->type != RG_COL_REAL || col->digits > 0 || (col->flags & RG_COLF_LINKED),
                "%s.%s: a real column says how many digits the page shows", s->id, col->key);
      for (int d = 0; d < c; d++)
        cr_expect(strcmp(col->key, s->cols[d].key), "%s: key %s twice", s->id, col->key);
    }
  }
}

/* The seed, analysed, with its meeting plan and the report's chapter figures. */
typedef struct seed {
  rg_plan *plan;
  rg_results res;
  rg_meeting_plan mp;
  rg_report_data rd;
  rg_report_opts ro;
  rg_table_src src;
} seed;

static void seed_load(seed *s) {
  rg_error err;
  memset(s, 0, sizeof *s);
  cr_assert_eq(rg_plan_load(RG_EXAMPLES "/shenyang-2026.txt", NULL, &s->plan, &err), RG_OK);
  cr_assert_eq(rg_analyze(s->plan, NULL, &s->res, &err), RG_OK);
  cr_assert_eq(rg_meetings_plan(s->plan, NULL, &s->mp, &err), RG_OK);
  rg_report_opts_init(&s->ro);
  rg_report_data_init(&s->rd, s->plan, &s->res, &s->ro);
  s->src =
      (rg_table_src){.plan = s->plan, .res = &s->res, .rd = &s->rd, .mp = &s->mp, .only_unit = -1};
}

static void seed_free(seed *s) {
  rg_report_data_destroy(&s->rd);
  rg_meeting_plan_free(&s->mp);
  rg_results_free(&s->res);
  rg_plan_free(s->plan);
}

Test(schema, every_view_builds_on_the_seed_with_the_rows_it_promises) {
  seed s;
  seed_load(&s);
  for (size_t k = 0; k < sizeof VIEWS / sizeof VIEWS[0]; k++) {
    rg_table *t = rg_table_view(VIEWS[k], &s.src);
    cr_expect_gt(rg_table_ncols(t), 0);
    json_t *rows = rg_table_json(t, 1); /* every cell of every row is read */
    cr_expect_eq((int)json_array_size(rows), rg_table_rows(t));
    json_decref(rows);
    rg_table_free(t);
  }
  rg_table *t = rg_table_view(&rg_view_units, &s.src);
  cr_expect_eq(rg_table_rows(t), 65);
  rg_table_free(t);
  t = rg_table_view(&rg_view_tasks, &s.src);
  cr_expect_eq(rg_table_rows(t), 178);
  rg_table_free(t);
  t = rg_table_view(&rg_view_edges, &s.src);
  cr_expect_eq(rg_table_rows(t), s.plan->n_links);
  rg_table_free(t);
  /* the workbook's load sheet repeats the per-chapter column once per chapter */
  t = rg_table_view(&rg_view_sheet_load, &s.src);
  cr_expect_eq(rg_table_ncols(t), 13 + s.rd.n_cols);
  cr_expect_str_eq(rg_table_col(t, 13)->abbr, s.plan->chapters[0].number);
  rg_table_free(t);
  seed_free(&s);
}

static char *text_of(const rg_table *t, int wide) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  rg_text_opts o = {wide, 0, 0};
  rg_error err;
  cr_assert_eq(rg_table_write_text(t, &o, f, &err), RG_OK);
  fclose(f);
  return buf;
}

/* Issue 16 will show narrow columns by default: the width class is there. */
Test(schema, a_terminal_table_can_leave_out_the_wide_columns) {
  seed s;
  seed_load(&s);
  rg_table *t = rg_table_view(&rg_view_units, &s.src);
  char *all = text_of(t, 1), *narrow = text_of(t, 0);
  cr_expect_not_null(strstr(all, "harmonic"));
  cr_expect_null(strstr(narrow, "harmonic"));
  cr_expect_not_null(strstr(narrow, "betweenness"));
  cr_expect(strncmp(narrow, "unit", 4) == 0);
  free(all);
  free(narrow);
  rg_table_free(t);
  seed_free(&s);
}

static char *csv_of(const rg_table *t, rg_csv_opts o) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  rg_error err;
  cr_assert_eq(rg_table_write_csv(t, &o, f, &err), RG_OK);
  fclose(f);
  return buf;
}

Test(schema, csv_always_guards_formulas_and_options_add_a_bom_and_quote_spaces) {
  static const char *const names[] = {"text", "n", "list"};
  static const rg_coltype types[] = {RG_COL_STR, RG_COL_INT, RG_COL_LIST};
  rg_table *t = rg_table_new(3, names, types);
  rg_table_row(t);
  rg_table_str(t, 0, "=SUM(A1)");
  rg_table_int(t, 1, -3);
  rg_table_list_add(t, 2, "+a");
  rg_table_list_add(t, 2, "b");
  rg_table_row(t);
  rg_table_str(t, 0, " padded ");
  /* the command line's CSV is guarded like the report's (issue 19: it was not) */
  char *plain = csv_of(t, (rg_csv_opts){.bom = 0, .quote_spaces = 1});
  cr_expect_str_eq(plain, "text,n,list\n'=SUM(A1),-3,'+a;b\n\" padded \",0,\n");
  char *report = csv_of(t, (rg_csv_opts){.bom = 1, .quote_spaces = 0});
  cr_expect_str_eq(report, "\xEF\xBB\xBFtext,n,list\n'=SUM(A1),-3,'+a;b\n padded ,0,\n");
  free(plain);
  free(report);
  rg_table_free(t);
}

Test(schema, json_writes_task_references_as_numbers_or_as_indices) {
  seed s;
  seed_load(&s);
  rg_table *t = rg_table_view(&rg_view_ties, &s.src);
  json_t *numbers = rg_table_json_row(t, 0, 0), *indices = rg_table_json_row(t, 0, 1);
  json_t *n0 = json_array_get(json_object_get(numbers, "tasks"), 0);
  json_t *i0 = json_array_get(json_object_get(indices, "tasks"), 0);
  int task = s.res.ties[rg_table_row_at(t, 0).i].tasks[0];
  cr_expect_str_eq(json_string_value(n0), s.plan->tasks[task].number);
  cr_expect_eq(json_integer_value(i0), task);
  json_decref(numbers);
  json_decref(indices);
  rg_table_free(t);
  seed_free(&s);
}

static char *text_with(const rg_table *t, rg_text_opts o) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  rg_error err;
  cr_assert_eq(rg_table_write_text(t, &o, f, &err), RG_OK);
  fclose(f);
  return buf;
}

Test(schema, reals_in_a_terminal_table_have_three_significant_digits) {
  char b[64];
  rg_format_sig(b, sizeof b, 4.531077037, 3);
  cr_expect_str_eq(b, "4.53");
  rg_format_sig(b, sizeof b, 0.004042658, 3);
  cr_expect_str_eq(b, "0.00404");
  rg_format_sig(b, sizeof b, 35.5, 3);
  cr_expect_str_eq(b, "35.5");
  rg_format_sig(b, sizeof b, 162, 3);
  cr_expect_str_eq(b, "162");
  rg_format_sig(b, sizeof b, 1234.6, 3);
  cr_expect_str_eq(b, "1235");
  rg_format_sig(b, sizeof b, 0.5, 3);
  cr_expect_str_eq(b, "0.5");
  rg_format_sig(b, sizeof b, -0.0001, 3);
  cr_expect_str_eq(b, "-0.0001");
  rg_format_sig(b, sizeof b, 0, 3);
  cr_expect_str_eq(b, "0");
}

/* name | v | items: three rows to sort, cut and select. */
static rg_table *small_table(void) {
  static const char *const names[] = {"name", "v", "items"};
  static const rg_coltype types[] = {RG_COL_STR, RG_COL_REAL, RG_COL_LIST};
  rg_table *t = rg_table_new(3, names, types);
  const char *n[] = {"乙", "甲", "丙"};
  double v[] = {1.23456, 22.5, 0.5};
  for (int r = 0; r < 3; r++) {
    rg_table_row(t);
    rg_table_str(t, 0, n[r]);
    rg_table_real(t, 1, v[r]);
    rg_table_list_add(t, 2, "市发展改革委");
    rg_table_list_add(t, 2, "市商务局");
  }
  return t;
}

Test(schema, sort_top_and_columns_shape_a_table) {
  rg_table *t = small_table();
  rg_table_opts o = rg_table_opts_default();
  o.sort = "v";
  o.top = 2;
  o.columns = "v,name";
  rg_error err;
  cr_assert_eq(rg_table_shape(t, &o, &err), RG_OK, "%s", err.msg);
  char *txt = text_with(t, o.text);
  cr_expect_str_eq(txt, "v     name\n"
                        "22.5  甲\n"
                        "1.23  乙\n");
  free(txt);
  rg_table_free(t);
  /* text ascending by default; :desc reverses */
  t = small_table();
  o = rg_table_opts_default();
  o.sort = "name:desc";
  o.columns = "name";
  cr_assert_eq(rg_table_shape(t, &o, &err), RG_OK);
  txt = text_with(t, o.text);
  cr_expect_str_eq(txt, "name\n甲\n乙\n丙\n"); /* by UTF-8 bytes: 甲 E7.., 乙 E4B9.., 丙 E4B8.. */
  free(txt);
  rg_table_free(t);
}

Test(schema, an_unknown_column_is_a_usage_error_naming_the_closest) {
  rg_table *t = small_table();
  rg_table_opts o = rg_table_opts_default();
  o.columns = "name,itemz";
  rg_error err;
  cr_assert_eq(rg_table_shape(t, &o, &err), RG_EUSAGE);
  cr_expect_str_eq(err.msg, "--columns: no column 'itemz' (columns: name, v, items; did you "
                            "mean items?)");
  rg_table_free(t);
}

Test(schema, a_narrow_table_cuts_list_cells_to_fit_the_width) {
  rg_table *t = small_table();
  rg_text_opts o = {0, 20, 3};
  char *txt = text_with(t, o);
  /* name 4 + 2 + v 4 + 2 + items cut to 8 = 20 */
  cr_expect_str_eq(txt, "name  v     items\n"
                        "乙    1.23  市发展…\n"
                        "甲    22.5  市发展…\n"
                        "丙     0.5  市发展…\n");
  free(txt);
  rg_table_free(t);
}
