/* test_meetings_cli.c - `respgraph meetings` end to end on the seed: JSON keys, filters, ICS,
 * errors. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "common/common.h"

#define SEED "'" RG_EXAMPLES "/shenyang-2026.txt'"

/* Run `respgraph meetings ARGS`; *out and *err get stdout and stderr. */
static int run_meetings(const char *args, char **out, char **err) {
  char *cmd = malloc(strlen(args) + 16);
  sprintf(cmd, "meetings %s", args);
  rg_test_run r = rg_test_respgraph(cmd);
  free(cmd);
  *out = r.out;
  *err = r.err;
  return r.code;
}

Test(cli_meetings, plans_the_seed_in_sixteen_meetings_and_lower_bound_slots) {
  char *out, *err;
  cr_assert_eq(run_meetings(SEED " -f json", &out, &err), 0, "%s", err);
  json_t *j = json_loads(out, 0, NULL);
  cr_assert(j);
  cr_assert_eq(json_integer_value(json_object_get(j, "coordination_tasks")), 117);
  cr_assert_eq(json_integer_value(json_object_get(j, "naive_meetings")), 117);
  cr_assert_eq(json_array_size(json_object_get(j, "meetings")), 16);
  cr_assert_eq(json_integer_value(json_object_get(j, "slots")),
               json_integer_value(json_object_get(j, "lower_bound")));
  json_t *m = json_array_get(json_object_get(j, "meetings"), 0);
  const char *keys[] = {"id", "slot", "convener", "attendees", "tasks", "reason"};
  for (int i = 0; i < 6; i++)
    cr_assert(json_object_get(m, keys[i]), "missing %s", keys[i]);
  json_decref(j);
  free(out);
  free(err);
}

Test(cli_meetings, shows_only_the_units_meetings_and_writes_its_calendar) {
  char *out, *err;
  char ics[64];
  snprintf(ics, sizeof ics, "mtg-%d.ics", (int)getpid());
  char args[512];
  snprintf(args, sizeof args, SEED " --unit 市应急局 --ics %s --start 2026-03-02 -f json", ics);
  cr_assert_eq(run_meetings(args, &out, &err), 0, "%s", err);
  json_t *j = json_loads(out, 0, NULL);
  json_t *ms = json_object_get(j, "meetings");
  cr_assert_gt(json_array_size(ms), 0);
  for (size_t i = 0; i < json_array_size(ms); i++) {
    json_t *att = json_object_get(json_array_get(ms, i), "attendees");
    int found = 0;
    for (size_t k = 0; k < json_array_size(att); k++)
      found |= !strcmp(json_string_value(json_array_get(att, k)), "市应急局");
    cr_assert(found);
  }
  char *cal = rg_test_slurp(ics, NULL);
  cr_assert(cal);
  int events = 0;
  for (const char *q = cal; (q = strstr(q, "BEGIN:VEVENT")); q++)
    events++;
  cr_assert_eq((size_t)events, json_array_size(ms));
  cr_assert(strstr(cal, "BEGIN:VCALENDAR\r\n"));
  remove(ics);
  free(cal);
  json_decref(j);
  free(out);
  free(err);
}

Test(cli_meetings, rejects_unknown_units_chapters_and_a_calendar_without_start) {
  char *out, *err;
  cr_assert_eq(run_meetings(SEED " --exclude-unit 不存在局", &out, &err), 2);
  cr_assert_str_eq(err, "respgraph: --exclude-unit: the plan names no unit '不存在局'\n");
  free(out), free(err);
  cr_assert_eq(run_meetings(SEED " --chapter 99", &out, &err), 2);
  cr_assert_str_eq(err, "respgraph: --chapter 99 does not exist: the plan has 9 chapters\n");
  free(out), free(err);
  cr_assert_eq(run_meetings(SEED " --ics x.ics", &out, &err), 2);
  cr_assert_str_eq(err, "respgraph: --ics needs --start YYYY-MM-DD (the day of slot 1)\n");
  free(out), free(err);
  cr_assert_eq(run_meetings(SEED " --max-agenda 0", &out, &err), 2);
  free(out), free(err);
}

/* union with --view ego=: --unit and --exclude-unit accept a name without
 * 市 and the short label a diagram draws, as well as canonical names */
Test(cli_meetings, unit_options_accept_every_name_the_diagram_accepts) {
  char *out1, *err1, *out2, *err2;
  cr_assert_eq(run_meetings(SEED " --unit 市发展改革委", &out1, &err1), 0, "%s", err1);
  cr_assert_eq(run_meetings(SEED " --unit 发展改革委", &out2, &err2), 0, "%s", err2);
  cr_expect_str_eq(out1, out2);
  free(out1), free(err1), free(out2), free(err2);
  cr_assert_eq(run_meetings(SEED " -f csv --exclude-unit 市财政局", &out1, &err1), 0, "%s", err1);
  cr_assert_eq(run_meetings(SEED " -f csv --exclude-unit 财政局", &out2, &err2), 0, "%s", err2);
  cr_expect_str_eq(out1, out2);
  free(out1), free(err1), free(out2), free(err2);
}
