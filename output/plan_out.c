/* plan_out.c - tasks, links and diagnostics of the plan as tables and as
 * compiler-style messages. */
#include "plan_out.h"

#include <stdlib.h>

#include "schema.h"

rg_status rg_out_plan_table(const rg_plan *plan, const rg_view *v, rg_format fmt, FILE *out,
                            rg_error *err) {
  rg_table_src src = {.plan = plan, .only_unit = -1};
  rg_table *t = rg_table_view(v, &src);
  rg_status st = rg_table_write(t, fmt, out, err);
  rg_table_free(t);
  return st;
}

rg_status rg_out_check(const rg_plan *plan, FILE *out, rg_error *err) {
  int *order = rg_diags_by_line(plan);
  for (int i = 0; i < plan->n_diags; i++) {
    const rg_diag *d = &plan->diags[order[i]];
    char num[24];
    if (d->line > 0) /* a line number, or ¶12, 任务!C12, p3:14 in a container */
      fprintf(out, "%s:%s: %s: %s [%s]\n", plan->path, rg_plan_loc(plan, d->line, num, sizeof num),
              rg_severity_name(d->severity), d->message, d->code);
    else /* not tied to a line: no ":0" */
      fprintf(out, "%s: %s: %s [%s]\n", plan->path, rg_severity_name(d->severity), d->message,
              d->code);
  }
  free(order);
  return ferror(out) ? rg_error_set(err, RG_ESYS, NULL, 0, 0, "cannot write output") : RG_OK;
}
