/* fuzz_writers.c - libFuzzer harness for the writers of the commands: a
 * random plan (writers_check.h) goes through the analysis and the meeting
 * planner, then out as table, CSV and JSON (every command's table: units,
 * ties, clusters, overload, collectives, parse, edges, check, check
 * --explain, meetings), the iCalendar file, and the collab diagram as DOT and
 * SVG; each output is parsed back (writers_check.h) and the harness aborts
 * on any malformation. The report (HTML, XLSX, its JSON, CSVs and GraphML)
 * has its own harness, fuzz_report.c, since the workbook makes it slow.
 *
 * Build and run: NOTES.md "Fuzzing"; results in bench/results.md. */
#define _GNU_SOURCE /* memmem, DT_REG */
#include "analysis_out.h"
#include "diagram.h"
#include "meetings_out.h"
#include "plan_out.h"
#include "schema.h"
#include "writers_check.h"

/* ----------------------------------------------------------- writing */

typedef enum { AS_TABLE, AS_CSV, AS_JSON } kind;

static void check_as(kind k, const char *s, size_t n) {
  if (k == AS_TABLE) check_table(s, n);
  if (k == AS_CSV) check_csv(s, n);
  if (k == AS_JSON) check_json(s, n);
}

static void tables(const rg_plan *plan, const rg_results *r, const rg_meeting_plan *mp) {
  static const rg_format fmts[] = {RG_FMT_TABLE, RG_FMT_CSV, RG_FMT_JSON};
  const rg_out_frame *frames[] = {&rg_frame_units, &rg_frame_ties, &rg_frame_clusters,
                                  &rg_frame_overload, &rg_frame_collectives};
  const rg_view *views[] = {&rg_view_tasks, &rg_view_edges, &rg_view_diags};
  for (int f = 0; f < 3; f++) {
    for (int i = 0; i < 5 + 3 + 2; i++) {
      char *buf = NULL;
      size_t len = 0;
      FILE *out = open_memstream(&buf, &len);
      rg_error err;
      rg_status st;
      if (i < 5)
        st = rg_out_write(frames[i], plan, i == 4 ? NULL : r, fmts[f], NULL, out, &err);
      else if (i < 8)
        st = rg_out_plan_table(plan, views[i - 5], fmts[f], NULL, out, &err);
      else if (i == 8)
        st = rg_meetings_write(plan, mp, -1, fmts[f], out, &err);
      else
        st = f == 0 ? rg_out_check(plan, out, &err) : rg_out_explain(plan, 0, fmts[f], out, &err);
      fclose(out);
      CHECK(st == RG_OK);
      check_as((kind)f, buf, len);
      free(buf);
    }
  }
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&buf, &len);
  rg_ics_opts io;
  rg_ics_opts_init(&io);
  rg_error err;
  CHECK(rg_meetings_write_ics(plan, mp, -1, &io, out, &err) == RG_OK);
  fclose(out);
  check_ics(buf, len);
  free(buf);
}

static void diagrams(const rg_plan *plan, const rg_results *r) {
  rg_diagram_opts o;
  rg_diagram_opts_init(&o);
  o.quiet = 1;
  static const char *const formats[] = {"dot", "svg"};
  for (int i = 0; i < 2; i++) {
    char *data = NULL;
    size_t len = 0;
    rg_error err;
    rg_status st = rg_diagram_render_mem(plan, r, &o, formats[i], &data, &len, &err);
    CHECK(st == RG_OK);
    if (i == 0)
      check_dot(data);
    else
      check_xml(data, len);
    free(data);
  }
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc, (void)argv;
  xmlSetGenericErrorFunc(NULL, quiet_xml);
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  writers_input in;
  if (!writers_start(&in, data, size)) return 0;
  tables(in.plan, &in.r, &in.mp);
  diagrams(in.plan, &in.r);
  writers_done(&in);
  return 0;
}
