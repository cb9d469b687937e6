/* fuzz_report.c - libFuzzer harness for the report: a random plan
 * (writers_check.h), analysed and planned into meetings, written by
 * rg_report_write (without Graphviz diagrams, which fuzz_writers.c covers)
 * with the meetings as an extra section; every file is parsed back:
 * index.html (libxml2's HTML parser, only the page's own elements),
 * report.xlsx (libzip, then every XML part with libxml2), report.json
 * (jansson), the CSVs (libcsv, strict), graph.graphml (libxml2), and with
 * the meeting plan notices.html (as index.html) and meetings.ics.
 * The report goes to /tmp/fuzz-report-PID, rewritten by every input.
 *
 * Build and run: NOTES.md "Fuzzing"; results in bench/results.md. */
#define _GNU_SOURCE /* memmem, DT_REG */
#include "meetings_out.h"
#include "report.h"
#include "writers_check.h"

static void report(const rg_plan *plan, const rg_results *r, const rg_meeting_plan *mp) {
  char dir[64];
  snprintf(dir, sizeof dir, "/tmp/fuzz-report-%d", (int)getpid());
  rg_report_opts o;
  rg_report_opts_init(&o);
  o.dir = dir;
  o.no_diagrams = 1;
  rg_report_extra extra = {"meetings", "会议安排", "note <b>&amp;",
                           rg_meetings_table(plan, mp, -1)};
  o.extras = &extra;
  o.n_extras = 1;
  o.meetings = mp; /* the calendar, notices.html and meetings.ics */
  o.room = plan->meta.title ? plan->meta.title : "第一会议室";
  rg_error err;
  CHECK(rg_report_write(plan, r, &o, &err) == RG_OK);
  rg_table_free((rg_table *)extra.table);
  DIR *d = opendir(dir);
  CHECK(d);
  int seen = 0;
  for (struct dirent *e; (e = readdir(d));) {
    const char *name = e->d_name, *dot = strrchr(name, '.');
    if (!dot || name[0] == '.' || e->d_type != DT_REG) continue;
    char path[160];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    size_t len;
    if (!strcmp(dot, ".xlsx")) {
      check_xlsx(path);
      seen++;
      continue;
    }
    char *s = slurp(path, &len);
    if (!strcmp(dot, ".html")) check_html(s, len), seen++;
    if (!strcmp(dot, ".json")) check_json(s, len), seen++;
    if (!strcmp(dot, ".csv")) check_csv(s, len), seen++;
    if (!strcmp(dot, ".graphml")) check_xml(s, len), seen++;
    if (!strcmp(dot, ".ics")) check_ics(s, len), seen++;
    free(s);
  }
  closedir(d);
  CHECK(seen >= 11);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc, (void)argv;
  xmlSetGenericErrorFunc(NULL, quiet_xml);
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  writers_input in;
  if (!writers_start(&in, data, size)) return 0;
  report(in.plan, &in.r, &in.mp);
  writers_done(&in);
  return 0;
}
