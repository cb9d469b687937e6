/* test_cli.c - the built respgraph binary end to end: golden outputs, exit
 * codes and one clear message for every bad input. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "common/common.h"

static int count_lines(const char *s) {
  int n = 0;
  for (; *s; s++)
    n += *s == '\n';
  return n;
}

Test(cli, edges_of_the_seed_match_the_golden_csv) {
  rg_test_run r = rg_test_respgraph("edges '" RG_EXAMPLES "/shenyang-2026.txt' --format csv");
  cr_assert_eq(r.code, 0, "stderr: %s", r.err);
  cr_expect(rg_test_golden(RG_TEST_DATA "/shenyang-2026.edges.csv", r.out, strlen(r.out)));
  cr_expect(!strncmp(r.out, "task,role,unit,kind", 19));
  rg_test_run_free(&r);
}

Test(cli, edges_read_from_stdin_are_the_same) {
  rg_test_run a = rg_test_respgraph("edges - --format csv < '" RG_EXAMPLES "/shenyang-2026.txt'");
  char *want = rg_test_slurp(RG_TEST_DATA "/shenyang-2026.edges.csv", NULL);
  cr_assert_eq(a.code, 0, "%s", a.err);
  /* the plan path differs but edges carry no path */
  cr_expect_str_eq(a.out, want);
  free(want);
  rg_test_run_free(&a);
}

Test(cli, output_file_option_writes_the_same_bytes) {
  rg_test_run r =
      rg_test_respgraph("edges '" RG_EXAMPLES "/shenyang-2026.txt' --format csv -o cli-o-file.tmp");
  cr_assert_eq(r.code, 0);
  char *got = rg_test_slurp("cli-o-file.tmp", NULL),
       *want = rg_test_slurp(RG_TEST_DATA "/shenyang-2026.edges.csv", NULL);
  cr_expect_str_eq(got, want);
  free(got);
  free(want);
  remove("cli-o-file.tmp");
  rg_test_run_free(&r);
}

Test(cli, check_prints_compiler_style_diagnostics) {
  rg_test_run r = rg_test_respgraph("check '" RG_EXAMPLES "/shenyang-2026.txt'");
  cr_assert_eq(r.code, 0);
  cr_expect(
      strstr(r.out, "shenyang-2026.txt:1157: warning: task 177 has no lead unit [no-lead]\n"));
  cr_expect(
      strstr(r.out, "shenyang-2026.txt:1161: warning: task 178 has no lead unit [no-lead]\n"));
  rg_test_run_free(&r);
}

Test(cli, parse_json_is_valid_and_has_every_task) {
  rg_test_run r = rg_test_respgraph("parse '" RG_EXAMPLES "/shenyang-2026.txt' --format json");
  cr_assert_eq(r.code, 0);
  int tasks = 0;
  for (const char *p = r.out; (p = strstr(p, "\"task\": ")); p++)
    tasks++;
  cr_expect_eq(tasks, 178);
  rg_test_run_free(&r);
}

Test(cli, same_input_gives_same_bytes) {
  rg_test_run a = rg_test_respgraph("parse '" RG_EXAMPLES "/shenyang-2026.txt' --format json");
  rg_test_run b = rg_test_respgraph("parse '" RG_EXAMPLES "/shenyang-2026.txt' --format json");
  cr_expect_str_eq(a.out, b.out);
  rg_test_run_free(&a);
  rg_test_run_free(&b);
}

static void expect_bad_input(const char *file, const char *fragment) {
  char args[1024];
  snprintf(args, sizeof args, "edges '%s/bad/%s'", RG_TEST_DATA, file);
  rg_test_run r = rg_test_respgraph(args);
  cr_expect_eq(r.code, 1, "%s: exit %d", file, r.code);
  cr_expect_str_empty(r.out, "%s printed output", file);
  cr_expect_eq(count_lines(r.err), 1, "%s: %s", file, r.err);
  cr_expect(!strncmp(r.err, "respgraph: ", 11), "%s", r.err);
  cr_expect(strstr(r.err, file), "message names the file: %s", r.err);
  cr_expect(strstr(r.err, fragment), "%s: %s", file, r.err);
  rg_test_run_free(&r);
}

Test(cli, empty_file_is_one_clear_error) { expect_bad_input("empty.txt", "empty"); }
Test(cli, binary_file_is_one_clear_error) { expect_bad_input("binary.bin", "binary"); }
Test(cli, invalid_utf8_is_one_clear_error) { expect_bad_input("invalid-utf8.txt", "byte offset"); }
Test(cli, file_without_tasks_is_one_clear_error) {
  expect_bad_input("no-tasks.txt", "no numbered tasks");
}

Test(cli, ten_megabyte_single_line_is_one_clear_error) {
  FILE *f = fopen("cli-big.tmp", "wb");
  for (int i = 0; i < (10 << 20) / 16; i++)
    fputs("很长的一行文字", f); /* 21 bytes */
  fclose(f);
  rg_test_run r = rg_test_respgraph("edges cli-big.tmp");
  cr_expect_eq(r.code, 1);
  cr_expect_eq(count_lines(r.err), 1, "%s", r.err);
  cr_expect(strstr(r.err, "no numbered tasks"), "%s", r.err);
  remove("cli-big.tmp");
  rg_test_run_free(&r);
}

Test(cli, missing_file_is_an_input_error) {
  rg_test_run r = rg_test_respgraph("edges /nonexistent/plan.txt");
  cr_expect_eq(r.code, 1);
  cr_expect(strstr(r.err, "respgraph: /nonexistent/plan.txt: cannot open"), "%s", r.err);
  rg_test_run_free(&r);
}

Test(cli, usage_errors_exit_2) {
  rg_test_run a = rg_test_respgraph("");
  cr_expect_eq(a.code, 2);
  rg_test_run b = rg_test_respgraph("frobnicate x");
  cr_expect_eq(b.code, 2);
  rg_test_run c = rg_test_respgraph("edges '" RG_EXAMPLES "/shenyang-2026.txt' --format xml");
  cr_expect_eq(c.code, 2);
  cr_expect(strstr(c.err, "respgraph: --format"), "%s", c.err);
  rg_test_run d = rg_test_respgraph("edges");
  cr_expect_eq(d.code, 2);
  rg_test_run_free(&a);
  rg_test_run_free(&b);
  rg_test_run_free(&c);
  rg_test_run_free(&d);
}

Test(cli, every_command_has_help) {
  const char *cmds[] = {"parse",    "edges",       "check",   "units",  "ties",    "clusters",
                        "overload", "collectives", "diagram", "report", "meetings"};
  for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++) {
    char args[64];
    snprintf(args, sizeof args, "%s --help", cmds[i]);
    rg_test_run r = rg_test_respgraph(args);
    cr_expect_eq(r.code, 0, "%s --help", cmds[i]);
    cr_expect(strstr(r.out, "usage: respgraph"), "%s", cmds[i]);
    rg_test_run_free(&r);
  }
}

/* A system error - an output that cannot be written - has its own exit code
 * (3), apart from bad input (1) and usage (2). */
Test(cli, an_output_that_cannot_be_written_exits_3) {
  rg_test_run a =
      rg_test_respgraph("edges '" RG_EXAMPLES "/shenyang-2026.txt' -o /nonexistent/dir/x.csv");
  cr_expect_eq(a.code, 3, "%s", a.err);
  cr_expect_str_eq(a.err,
                   "respgraph: /nonexistent/dir/x.csv: cannot write: No such file or directory\n");
  rg_test_run b =
      rg_test_respgraph("report '" RG_EXAMPLES "/shenyang-2026.txt' -o /proc/respgraph-report");
  cr_expect_eq(b.code, 3, "%s", b.err);
  cr_expect(strstr(b.err, "respgraph: /proc/respgraph-report: cannot create directory"), "%s",
            b.err);
  rg_test_run c =
      rg_test_respgraph("meetings '" RG_EXAMPLES "/shenyang-2026.txt' --ics /nonexistent/x.ics "
                        "--start 2026-03-02");
  cr_expect_eq(c.code, 3, "%s", c.err);
  rg_test_run d = rg_test_respgraph("edges '" RG_EXAMPLES "/shenyang-2026.txt' -o /dev/full");
  cr_expect_eq(d.code, 3, "%s", d.err);
  cr_expect(strstr(d.err, "respgraph: cannot write output"), "%s", d.err);
  rg_test_run_free(&a);
  rg_test_run_free(&b);
  rg_test_run_free(&c);
  rg_test_run_free(&d);
}

/* The command table says which options a command takes: another one is a
 * usage error naming it, not silently ignored. */
Test(cli, an_option_the_command_does_not_take_is_a_usage_error) {
  rg_test_run a = rg_test_respgraph("units '" RG_EXAMPLES "/shenyang-2026.txt' --view collab");
  cr_expect_eq(a.code, 2);
  cr_expect_str_eq(a.err, "respgraph: units does not take --view (see 'respgraph units --help')\n");
  cr_expect_str_empty(a.out);
  rg_test_run b = rg_test_respgraph("edges '" RG_EXAMPLES "/shenyang-2026.txt' --seed 3");
  cr_expect_eq(b.code, 2);
  rg_test_run c = rg_test_respgraph("report '" RG_EXAMPLES "/shenyang-2026.txt' -f csv");
  cr_expect_eq(c.code, 2);
  cr_expect(strstr(c.err, "report does not take --format"), "%s", c.err);
  rg_test_run_free(&a);
  rg_test_run_free(&b);
  rg_test_run_free(&c);
}

Test(cli, help_lists_the_options_of_the_command_only) {
  rg_test_run a = rg_test_respgraph("parse --help"), b = rg_test_respgraph("units --help"),
              c = rg_test_respgraph("report --help");
  cr_expect_null(strstr(a.out, "--seed"));
  cr_expect_not_null(strstr(a.out, "--format"));
  cr_expect_not_null(strstr(b.out, "--seed"));
  cr_expect_null(strstr(c.out, "--format"));
  cr_expect_not_null(strstr(c.out, "-o, --output DIR"));
  rg_test_run_free(&a);
  rg_test_run_free(&b);
  rg_test_run_free(&c);
}
