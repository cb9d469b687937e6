/* output_only.c - a program built from rg_output alone (and the model it
 * reads), to prove that the writers link none of the readers' libraries:
 * if any output object needed rg_input, this would not link, and the ctest
 * "output-links" checks with ldd that OpenCC is not among its libraries.
 * It writes every kind of output of a small hand-made plan. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analysis_out.h"
#include "meetings_out.h"
#include "plan.h"
#include "plan_out.h"
#include "report.h"
#include "schema.h"

int main(void) {
  rg_plan *p = rg_plan_new("hand.txt");
  int t = rg_plan_add_task(p, "1", "推进改革", -1, -1, 1);
  rg_plan_link(p, t, rg_plan_intern_unit(p, "市财政局", RG_KIND_UNIT, 1), RG_ROLE_LEAD, 1);
  rg_plan_link(p, t, rg_plan_intern_unit(p, "有关部门", RG_KIND_GENERIC, 1), RG_ROLE_SUPPORT, 1);
  rg_plan_check(p);
  rg_results r;
  memset(&r, 0, sizeof r);
  int rows[2] = {-1, -1};
  r.row_of_unit = rows;
  rg_meeting_plan mp;
  memset(&mp, 0, sizeof mp);
  rg_error err;
  FILE *out = fopen("/dev/null", "w");
  int bad = rg_out_plan_table(p, &rg_view_tasks, RG_FMT_JSON, NULL, out, &err) != RG_OK;
  bad |= rg_out_write(&rg_frame_collectives, p, NULL, RG_FMT_CSV, NULL, out, &err) != RG_OK;
  bad |= rg_meetings_write(p, &mp, -1, RG_FMT_JSON, out, &err) != RG_OK;
  fclose(out);
  char dir[] = "/tmp/rg-output-only-XXXXXX";
  if (!mkdtemp(dir)) return 1;
  rg_report_opts o;
  rg_report_opts_init(&o);
  o.dir = dir;
  o.no_diagrams = 1;
  bad |= rg_report_write(p, &r, &o, &err) != RG_OK;
  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  bad |= system(cmd) != 0;
  rg_plan_free(p);
  if (bad) fprintf(stderr, "output_only: %s\n", err.msg);
  return bad;
}
