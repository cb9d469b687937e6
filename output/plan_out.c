/* plan_out.c - tasks, links and diagnostics of the plan as tables and as
 * compiler-style messages. */
#include "plan_out.h"

#include <stdlib.h>

#include "escape.h"
#include "schema.h"

rg_status rg_out_plan_table(const rg_plan *plan, const rg_view *v, rg_format fmt,
                            const rg_table_opts *o, FILE *out, rg_error *err) {
  rg_table_src src = {.plan = plan, .only_unit = -1};
  return rg_out_view_table(v, &src, fmt, o, out, err);
}

rg_status rg_out_view_table(const rg_view *v, const rg_table_src *src, rg_format fmt,
                            const rg_table_opts *o, FILE *out, rg_error *err) {
  rg_table *t = rg_table_view(v, src);
  rg_table_opts def = rg_table_opts_default();
  rg_status st = rg_table_write_opts(t, fmt, o ? o : &def, out, err);
  rg_table_free(t);
  return st;
}

/* How the plan was read (rg_view_reading), before the diagnostics:
 *   PLAN: how the plan was read
 *     format      text, UTF-8
 *     convention  line 14: first listed unit leads ...
 * (in a plan read from Word, Excel or PDF: "convention  ¶14: ..."). */
static void print_reading(const rg_plan *plan, FILE *out) {
  rg_table_src src = {.plan = plan, .only_unit = -1};
  rg_table *t = rg_table_view(&rg_view_reading, &src);
  rg_cell item = {0}, line = {0}, text = {0};
  fprintf(out, "%s: how the plan was read\n", plan->path);
  for (int r = 0; r < rg_table_rows(t); r++) {
    rg_table_cell(t, r, 0, &item);
    rg_table_cell(t, r, 1, &line);
    rg_table_cell(t, r, 2, &text);
    fprintf(out, "  %-11s ", item.s);
    if (line.s) /* a location */
      fprintf(out, "%s: ", line.s);
    else if (line.i > 0)
      fprintf(out, "line %lld: ", line.i);
    rg_escape_terminal(out, text.s);
    fputc('\n', out);
  }
  rg_cell_reset(&item), rg_cell_reset(&line), rg_cell_reset(&text);
  free(item.owned), free(line.owned), free(text.owned);
  rg_table_free(t);
}

rg_status rg_out_check(const rg_plan *plan, FILE *out, rg_error *err) {
  print_reading(plan, out);
  /* compiler style: FILE:LINE: warning: message [code] */
  int *order = rg_diags_by_line(plan);
  for (int i = 0; i < plan->n_diags; i++) {
    const rg_diag *d = &plan->diags[order[i]];
    char num[24];
    if (d->line > 0) /* a line number, or ¶12, 任务!C12, p3:14 in a container */
      fprintf(out, "%s:%s: %s: ", plan->path, rg_plan_loc(plan, d->line, num, sizeof num),
              rg_severity_name(d->severity));
    else /* not tied to a line: no ":0" */
      fprintf(out, "%s: %s: ", plan->path, rg_severity_name(d->severity));
    rg_escape_terminal(out, d->message); /* plan text: controls shown, never obeyed */
    fprintf(out, " [%s]\n", d->code);
  }
  free(order);
  return ferror(out) ? rg_error_set(err, RG_ESYS, NULL, 0, 0, "cannot write output") : RG_OK;
}

rg_status rg_out_explain(const rg_plan *plan, int task, rg_format fmt, FILE *out, rg_error *err) {
  const rg_task *k = &plan->tasks[task];
  char loc[64];
  if (fmt == RG_FMT_TABLE)
    fprintf(out, "%s:%s: task %s: ", plan->path, rg_plan_loc(plan, k->line, loc, sizeof loc),
            k->number);
  if (fmt == RG_FMT_TABLE) rg_escape_terminal(out, k->text), fputc('\n', out);
  rg_table_src src = {.plan = plan, .only_unit = -1, .task = task};
  rg_table *t = rg_table_view(&rg_view_explain, &src);
  /* the reasons are the point of --explain: never cut to 120 columns */
  rg_table_opts o = rg_table_opts_default();
  o.text.max_width = 0;
  rg_status st = rg_table_write_opts(t, fmt, &o, out, err);
  rg_table_free(t);
  return st;
}
