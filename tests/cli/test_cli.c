/* test_cli.c - the built respgraph binary end to end: golden outputs, exit
 * codes and one clear message for every bad input. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct run_result {
  int code;
  char *out;
  char *err;
} run_result;

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap + 1);
  size_t got;
  while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
    n += got;
    if (n == cap) buf = realloc(buf, (cap *= 2) + 1);
  }
  fclose(f);
  buf[n] = '\0';
  if (len) *len = n;
  return buf;
}

/* Run respgraph with args (a shell-quoted string). */
static run_result run(const char *args) {
  /* Criterion runs tests in parallel processes: name temp files per process */
  char out[64], err[64], cmd[4096];
  snprintf(out, sizeof out, "cli-out-%d.tmp", (int)getpid());
  snprintf(err, sizeof err, "cli-err-%d.tmp", (int)getpid());
  snprintf(cmd, sizeof cmd, "'%s' %s > %s 2> %s", RG_BINARY, args, out, err);
  int st = system(cmd);
  run_result r = {WIFEXITED(st) ? WEXITSTATUS(st) : -1, slurp(out, NULL), slurp(err, NULL)};
  cr_assert_not_null(r.out);
  cr_assert_not_null(r.err);
  remove(out);
  remove(err);
  return r;
}

static void done(run_result *r) {
  free(r->out);
  free(r->err);
}

static int count_lines(const char *s) {
  int n = 0;
  for (; *s; s++) n += *s == '\n';
  return n;
}

Test(cli, edges_of_the_seed_match_the_golden_csv) {
  run_result r = run("edges '" RG_EXAMPLES "/shenyang-2026.txt' --format csv");
  cr_assert_eq(r.code, 0, "stderr: %s", r.err);
  char *want = slurp(RG_TEST_DATA "/shenyang-2026.edges.csv", NULL);
  cr_assert_not_null(want);
  cr_expect_str_eq(r.out, want);
  cr_expect(!strncmp(r.out, "task,role,unit,kind", 19));
  free(want);
  done(&r);
}

Test(cli, edges_read_from_stdin_are_the_same) {
  run_result a = run("edges - --format csv < '" RG_EXAMPLES "/shenyang-2026.txt'");
  char *want = slurp(RG_TEST_DATA "/shenyang-2026.edges.csv", NULL);
  cr_assert_eq(a.code, 0, "%s", a.err);
  /* the plan path differs but edges carry no path */
  cr_expect_str_eq(a.out, want);
  free(want);
  done(&a);
}

Test(cli, output_file_option_writes_the_same_bytes) {
  run_result r = run("edges '" RG_EXAMPLES "/shenyang-2026.txt' --format csv -o cli-o-file.tmp");
  cr_assert_eq(r.code, 0);
  char *got = slurp("cli-o-file.tmp", NULL), *want = slurp(RG_TEST_DATA "/shenyang-2026.edges.csv", NULL);
  cr_expect_str_eq(got, want);
  free(got);
  free(want);
  remove("cli-o-file.tmp");
  done(&r);
}

Test(cli, check_prints_compiler_style_diagnostics) {
  run_result r = run("check '" RG_EXAMPLES "/shenyang-2026.txt'");
  cr_assert_eq(r.code, 0);
  cr_expect(strstr(r.out, "shenyang-2026.txt:1157: warning: task 177 has no lead unit [no-lead]\n"));
  cr_expect(strstr(r.out, "shenyang-2026.txt:1161: warning: task 178 has no lead unit [no-lead]\n"));
  done(&r);
}

Test(cli, parse_json_is_valid_and_has_every_task) {
  run_result r = run("parse '" RG_EXAMPLES "/shenyang-2026.txt' --format json");
  cr_assert_eq(r.code, 0);
  int tasks = 0;
  for (const char *p = r.out; (p = strstr(p, "\"task\": ")); p++) tasks++;
  cr_expect_eq(tasks, 178);
  done(&r);
}

Test(cli, same_input_gives_same_bytes) {
  run_result a = run("parse '" RG_EXAMPLES "/shenyang-2026.txt' --format json");
  run_result b = run("parse '" RG_EXAMPLES "/shenyang-2026.txt' --format json");
  cr_expect_str_eq(a.out, b.out);
  done(&a);
  done(&b);
}

static void expect_bad_input(const char *file, const char *fragment) {
  char args[1024];
  snprintf(args, sizeof args, "edges '%s/bad/%s'", RG_TEST_DATA, file);
  run_result r = run(args);
  cr_expect_eq(r.code, 1, "%s: exit %d", file, r.code);
  cr_expect_str_empty(r.out, "%s printed output", file);
  cr_expect_eq(count_lines(r.err), 1, "%s: %s", file, r.err);
  cr_expect(!strncmp(r.err, "respgraph: ", 11), "%s", r.err);
  cr_expect(strstr(r.err, file), "message names the file: %s", r.err);
  cr_expect(strstr(r.err, fragment), "%s: %s", file, r.err);
  done(&r);
}

Test(cli, empty_file_is_one_clear_error) { expect_bad_input("empty.txt", "empty"); }
Test(cli, binary_file_is_one_clear_error) { expect_bad_input("binary.bin", "binary"); }
Test(cli, invalid_utf8_is_one_clear_error) { expect_bad_input("invalid-utf8.txt", "byte offset"); }
Test(cli, file_without_tasks_is_one_clear_error) {
  expect_bad_input("no-tasks.txt", "no numbered tasks");
}

Test(cli, ten_megabyte_single_line_is_one_clear_error) {
  FILE *f = fopen("cli-big.tmp", "wb");
  for (int i = 0; i < (10 << 20) / 16; i++) fputs("很长的一行文字", f); /* 21 bytes */
  fclose(f);
  run_result r = run("edges cli-big.tmp");
  cr_expect_eq(r.code, 1);
  cr_expect_eq(count_lines(r.err), 1, "%s", r.err);
  cr_expect(strstr(r.err, "no numbered tasks"), "%s", r.err);
  remove("cli-big.tmp");
  done(&r);
}

Test(cli, missing_file_is_an_input_error) {
  run_result r = run("edges /nonexistent/plan.txt");
  cr_expect_eq(r.code, 1);
  cr_expect(strstr(r.err, "respgraph: /nonexistent/plan.txt: cannot open"), "%s", r.err);
  done(&r);
}

Test(cli, usage_errors_exit_2) {
  run_result a = run("");
  cr_expect_eq(a.code, 2);
  run_result b = run("frobnicate x");
  cr_expect_eq(b.code, 2);
  run_result c = run("edges '" RG_EXAMPLES "/shenyang-2026.txt' --format xml");
  cr_expect_eq(c.code, 2);
  cr_expect(strstr(c.err, "respgraph: --format"), "%s", c.err);
  run_result d = run("edges");
  cr_expect_eq(d.code, 2);
  done(&a);
  done(&b);
  done(&c);
  done(&d);
}

Test(cli, every_command_has_help) {
  const char *cmds[] = {"parse", "edges", "check", "units", "ties", "clusters", "overload", "collectives", "diagram", "report", "meetings"};
  for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++) {
    char args[64];
    snprintf(args, sizeof args, "%s --help", cmds[i]);
    run_result r = run(args);
    cr_expect_eq(r.code, 0, "%s --help", cmds[i]);
    cr_expect(strstr(r.out, "usage: respgraph"), "%s", cmds[i]);
    done(&r);
  }
}

/* A system error - an output that cannot be written - has its own exit code
 * (3), apart from bad input (1) and usage (2). */
Test(cli, an_output_that_cannot_be_written_exits_3) {
  run_result a = run("edges '" RG_EXAMPLES "/shenyang-2026.txt' -o /nonexistent/dir/x.csv");
  cr_expect_eq(a.code, 3, "%s", a.err);
  cr_expect_str_eq(a.err, "respgraph: /nonexistent/dir/x.csv: cannot open for writing\n");
  run_result b = run("report '" RG_EXAMPLES "/shenyang-2026.txt' -o /proc/respgraph-report");
  cr_expect_eq(b.code, 3, "%s", b.err);
  cr_expect(strstr(b.err, "respgraph: /proc/respgraph-report: cannot create directory"), "%s",
            b.err);
  run_result c = run("meetings '" RG_EXAMPLES "/shenyang-2026.txt' --ics /nonexistent/x.ics "
                     "--start 2026-03-02");
  cr_expect_eq(c.code, 3, "%s", c.err);
  run_result d = run("edges '" RG_EXAMPLES "/shenyang-2026.txt' -o /dev/full");
  cr_expect_eq(d.code, 3, "%s", d.err);
  cr_expect(strstr(d.err, "respgraph: cannot write output"), "%s", d.err);
  done(&a);
  done(&b);
  done(&c);
  done(&d);
}

/* The command table says which options a command takes: another one is a
 * usage error naming it, not silently ignored. */
Test(cli, an_option_the_command_does_not_take_is_a_usage_error) {
  run_result a = run("units '" RG_EXAMPLES "/shenyang-2026.txt' --view collab");
  cr_expect_eq(a.code, 2);
  cr_expect_str_eq(a.err, "respgraph: units does not take --view (see 'respgraph units --help')\n");
  cr_expect_str_empty(a.out);
  run_result b = run("edges '" RG_EXAMPLES "/shenyang-2026.txt' --seed 3");
  cr_expect_eq(b.code, 2);
  run_result c = run("report '" RG_EXAMPLES "/shenyang-2026.txt' -f csv");
  cr_expect_eq(c.code, 2);
  cr_expect(strstr(c.err, "report does not take --format"), "%s", c.err);
  done(&a);
  done(&b);
  done(&c);
}

Test(cli, help_lists_the_options_of_the_command_only) {
  run_result a = run("parse --help"), b = run("units --help"), c = run("report --help");
  cr_expect_null(strstr(a.out, "--seed"));
  cr_expect_not_null(strstr(a.out, "--format"));
  cr_expect_not_null(strstr(b.out, "--seed"));
  cr_expect_null(strstr(c.out, "--format"));
  cr_expect_not_null(strstr(c.out, "-o, --output DIR"));
  done(&a);
  done(&b);
  done(&c);
}
