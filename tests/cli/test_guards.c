/* test_guards.c - hostile names through every command's CSV and table
 * (issue 19, defects 4 and 5): a unit named =HYPERLINK("x"), @SUM(1), +1 or
 * -1 never reaches a spreadsheet as a formula, whichever command wrote the
 * CSV, and ESC, BEL, DEL or a C1 control in a name never reaches the
 * terminal. tests/data/hostile/names.txt names them all. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/common.h"

#define NAMES "'" RG_TEST_DATA "/hostile/names.txt'"
#define ACCEPT                                                                                     \
  " --accept-unit '=HYPERLINK(\"x\")' --accept-unit '@SUM(1)' --accept-unit +1 --accept-unit -1"

static const char *const COMMANDS[] = {"parse",    "edges",       "units",    "ties", "clusters",
                                       "overload", "collectives", "meetings", "check"};
#define N_COMMANDS (sizeof COMMANDS / sizeof COMMANDS[0])

/* The next CSV field of *p (RFC 4180 quoting), unquoted, into f (size n);
 * *p moves past its comma or line end. Returns 0 at the end of the text. */
static int next_field(const char **p, char *f, size_t n, int *line_end) {
  const char *s = *p;
  size_t k = 0;
  if (!*s) return 0;
  if (*s == '"') {
    for (s++; *s && !(*s == '"' && s[1] != '"'); s++) {
      if (*s == '"') s++;
      if (k + 1 < n) f[k++] = *s;
    }
    if (*s == '"') s++;
  } else
    for (; *s && *s != ',' && *s != '\n'; s++)
      if (k + 1 < n) f[k++] = *s;
  f[k] = '\0';
  *line_end = *s == '\n' || !*s;
  *p = *s ? s + 1 : s;
  return 1;
}

/* Every field of a CSV text: none begins with = + - @ unless it is a number. */
static void expect_no_formula(const char *cmd, const char *csv) {
  char f[4096];
  int end, fields = 0;
  for (const char *p = csv; next_field(&p, f, sizeof f, &end); fields++) {
    if (!strchr("=+-@", f[0]) || !f[0]) continue;
    char *stop = NULL;
    strtod(f, &stop);
    cr_expect(stop && stop != f && !*stop, "%s: formula-like CSV field <%s>", cmd, f);
  }
  cr_expect_gt(fields, 0, "%s wrote no CSV", cmd);
}

Test(guards, every_command_csv_guards_formula_like_names) {
  for (size_t i = 0; i < N_COMMANDS; i++) {
    char args[512];
    snprintf(args, sizeof args, "%s " NAMES ACCEPT " -f csv", COMMANDS[i]);
    rg_test_run r = rg_test_respgraph(args);
    cr_assert_eq(r.code, 0, "%s: %s", COMMANDS[i], r.err);
    expect_no_formula(COMMANDS[i], r.out);
    rg_test_run_free(&r);
  }
}

/* The exact links, written by hand from names.txt: each formula-like name
 * gets one leading ', quoting is libcsv's, nothing else changes. */
Test(guards, edges_csv_is_exactly_the_guarded_names) {
  rg_test_run r = rg_test_respgraph("edges " NAMES ACCEPT " -f csv");
  cr_assert_eq(r.code, 0, "%s", r.err);
  cr_expect_str_eq(r.out, "task,role,unit,kind,chapter,line\n"
                          "1,lead,\"'=HYPERLINK(\"\"x\"\")\",unit,一,7\n"
                          "1,support,'@SUM(1),unit,一,9\n"
                          "1,support,'+1,unit,一,9\n"
                          "1,support,'-1,unit,一,9\n"
                          "1,support,市\x1b[31m红\x07局,unit,一,9\n"
                          "2,lead,市发展改革委,unit,一,13\n"
                          "2,support,\"'=HYPERLINK(\"\"x\"\")\",unit,一,15\n"
                          "2,support,'+1,unit,一,15\n"
                          "2,support,市\xc2\x9b"
                          "31m蓝\x7f局,unit,一,15\n");
  rg_test_run_free(&r);
}

/* The report's CSV files are guarded by the same function. */
Test(guards, report_csv_files_are_guarded_the_same_way) {
  char dir[64], args[512];
  snprintf(dir, sizeof dir, "guards-report-%d.tmp", (int)getpid());
  snprintf(args, sizeof args, "report " NAMES ACCEPT " -o %s", dir);
  rg_test_run r = rg_test_respgraph(args);
  cr_assert_eq(r.code, 0, "%s", r.err);
  static const char *const files[] = {"units.csv", "ties.csv", "clusters.csv", "tasks.csv",
                                      "edges.csv"};
  for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, files[i]);
    char *csv = rg_test_slurp(path, NULL);
    cr_assert_not_null(csv, "%s", path);
    cr_expect(!strncmp(csv, "\xEF\xBB\xBF", 3), "%s has a BOM", path);
    expect_no_formula(files[i], csv + 3);
    free(csv);
  }
  rg_test_run_free(&r);
  snprintf(args, sizeof args, "rm -rf '%s'", dir);
  cr_expect_eq(system(args), 0);
}

/* No raw ESC, BEL, DEL or C1 byte in what a terminal shows. */
static void expect_no_controls(const char *what, const char *s) {
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    cr_expect(*p >= 0x20 || *p == '\n', "%s: control byte 0x%02x", what, *p);
    cr_expect(*p != 0x7F, "%s: DEL", what);
    cr_expect(!(p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F), "%s: C1 control", what);
  }
}

Test(guards, table_output_shows_control_characters_never_sends_them) {
  for (size_t i = 0; i < N_COMMANDS; i++) {
    char args[512];
    snprintf(args, sizeof args, "%s " NAMES ACCEPT, COMMANDS[i]);
    rg_test_run r = rg_test_respgraph(args);
    cr_assert_eq(r.code, 0, "%s: %s", COMMANDS[i], r.err);
    expect_no_controls(COMMANDS[i], r.out);
    expect_no_controls(COMMANDS[i], r.err);
    rg_test_run_free(&r);
  }
  /* ESC and BEL as control pictures, the C1 CSI as U+FFFD, DEL as U+2421 */
  rg_test_run r = rg_test_respgraph("edges " NAMES ACCEPT);
  cr_expect(strstr(r.out, "市\xe2\x90\x9b[31m红\xe2\x90\x87局"), "%s", r.out);
  cr_expect(strstr(r.out, "市\xef\xbf\xbd"
                          "31m蓝\xe2\x90\xa1局"),
            "%s", r.out);
  rg_test_run_free(&r);
  /* check's lines: a suspect name with ESC is named visibly */
  r = rg_test_respgraph("check " NAMES);
  expect_no_controls("check", r.out);
  cr_expect(
      strstr(r.out, "names.txt:15: warning: task 2: '\xe2\x90\x9b[2J清屏' does not look like"),
      "%s", r.out);
  rg_test_run_free(&r);
}

/* An error message that repeats a name shows its controls too. */
Test(guards, error_messages_show_control_characters) {
  rg_test_run r = rg_test_respgraph("meetings " NAMES " --unit \"$(printf '\\033]0;x\\007')\"");
  cr_expect_neq(r.code, 0);
  expect_no_controls("error", r.err);
  cr_expect(strstr(r.err, "\xe2\x90\x9b]0;x\xe2\x90\x87"), "%s", r.err);
  rg_test_run_free(&r);
}

/* The guard is respgraph's own: a CSV it wrote reads back as the names it
 * guarded ('=HYPERLINK("x") is the unit =HYPERLINK("x")). */
Test(guards, a_guarded_edges_csv_reads_back_as_the_same_names) {
  char path[64], args[512];
  snprintf(path, sizeof path, "guards-edges-%d.csv", (int)getpid());
  snprintf(args, sizeof args, "edges " NAMES ACCEPT " -f csv -o %s", path);
  rg_test_run a = rg_test_respgraph(args);
  cr_assert_eq(a.code, 0, "%s", a.err);
  snprintf(args, sizeof args, "edges %s" ACCEPT " -f csv", path);
  rg_test_run b = rg_test_respgraph(args);
  cr_assert_eq(b.code, 0, "%s", b.err);
  char *first = rg_test_slurp(path, NULL);
  /* the same rows but for the line column (lines of the CSV now) */
  const char *p = first, *q = b.out;
  int rows = 0;
  while (*p && *q) {
    const char *pe = strchr(p, '\n'), *qe = strchr(q, '\n');
    cr_assert(pe && qe);
    const char *pc = pe, *qc = qe;
    while (pc > p && *pc != ',')
      pc--;
    while (qc > q && *qc != ',')
      qc--;
    cr_expect_eq(pc - p, qc - q, "row %d", rows);
    cr_expect(!strncmp(p, q, (size_t)(pc - p)), "row %d: %.*s | %.*s", rows, (int)(pe - p), p,
              (int)(qe - q), q);
    p = pe + 1, q = qe + 1, rows++;
  }
  cr_expect_eq(rows, 10);
  free(first);
  remove(path);
  rg_test_run_free(&a);
  rg_test_run_free(&b);
}
