#define _GNU_SOURCE /* memmem */
/* test_writing.c - how respgraph writes files (issue 19, defects 6, 8, 9, 10
 * and the "Also" items): every format reruns byte for byte, PDFs included;
 * a full disk leaves no truncated file under a final name; report never
 * writes through a link, takes a lock, removes its own stale files; the
 * workbook cuts what a cell cannot hold, visibly. Each test works in a
 * folder named per process (Criterion runs tests in parallel processes). */
#include <criterion/criterion.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "common/common.h"

#define NAMES RG_TEST_DATA "/hostile/names.txt"
#define SEED RG_EXAMPLES "/shenyang-2026.txt"
#define ACCEPT                                                                                     \
  " --accept-unit '=HYPERLINK(\"x\")' --accept-unit '@SUM(1)' --accept-unit +1 --accept-unit -1"

static char work[128];

/* A fresh folder for this test. */
static void fresh(void) {
  snprintf(work, sizeof work, "%s/rg-writing-%d", P_tmpdir, (int)getpid());
  char cmd[300];
  snprintf(cmd, sizeof cmd, "rm -rf '%s' && mkdir -p '%s'", work, work);
  cr_assert_eq(system(cmd), 0);
}

static void cleanup(void) {
  char cmd[300];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", work);
  (void)system(cmd);
}

/* Run a shell command (printf-style, in the work folder, with $RG set to the
 * binary); its exit code. */
static int sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int sh(const char *fmt, ...) {
  char body[4096], cmd[4400];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(body, sizeof body, fmt, ap);
  va_end(ap);
  snprintf(cmd, sizeof cmd, "cd '%s' && RG='%s' && %s", work, RG_BINARY, body);
  int st = system(cmd);
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static char *in_work(const char *name) {
  static char p[512];
  snprintf(p, sizeof p, "%s/%s", work, name);
  return p;
}

static int same_bytes(const char *a, const char *b) {
  size_t na = 0, nb = 0;
  char *x = rg_test_slurp(a, &na), *y = rg_test_slurp(b, &nb);
  int same = x && y && na == nb && !memcmp(x, y, na);
  free(x);
  free(y);
  return same;
}

/* ---- reproducible bytes ---------------------------------------------------- */

/* Every format, twice, a second apart (cairo would stamp a new second into
 * a PDF): the same bytes. */
Test(writing, every_output_format_reruns_byte_for_byte) {
  fresh();
  static const char *const runs[] = {
      "$RG diagram '" NAMES "'" ACCEPT " -o %s.svg",
      "$RG diagram '" NAMES "'" ACCEPT " -o %s.png",
      "$RG diagram '" NAMES "'" ACCEPT " -o %s.pdf",
      "$RG diagram '" NAMES "'" ACCEPT " -o %s.dot",
      "$RG diagram '" NAMES "'" ACCEPT " --view chapter=1 -o %s-chapter.pdf",
      "$RG units '" NAMES "'" ACCEPT " -f json -o %s.json",
      "$RG units '" NAMES "'" ACCEPT " -f csv -o %s.csv",
      "$RG edges '" NAMES "'" ACCEPT " -o %s.txt",
      "$RG meetings '" NAMES "'" ACCEPT " --ics %s.ics --start 2026-03-02 -o /dev/null",
      "$RG report '" NAMES "'" ACCEPT " -o %s-report",
  };
  for (int pass = 0; pass < 2; pass++) {
    for (size_t i = 0; i < sizeof runs / sizeof runs[0]; i++) {
      char cmd[1024];
      char tag[32];
      snprintf(tag, sizeof tag, "%c%zu", pass ? 'b' : 'a', i);
      snprintf(cmd, sizeof cmd, runs[i], tag);
      cr_assert_eq(sh("%s", cmd), 0, "%s", cmd);
    }
    if (!pass) sleep(2);
  }
  static const char *const ext[] = {".svg",  ".png", ".pdf", ".dot", "-chapter.pdf",
                                    ".json", ".csv", ".txt", ".ics"};
  for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) {
    char a[64], b[64];
    snprintf(a, sizeof a, "a%zu%s", i, ext[i]);
    snprintf(b, sizeof b, "b%zu%s", i, ext[i]);
    char *pa = strdup(in_work(a));
    cr_expect(same_bytes(pa, in_work(b)), "%s and %s differ", a, b);
    free(pa);
  }
  /* the report folder: the same names, the same bytes (diff -r) */
  cr_expect_eq(sh("diff -r a9-report b9-report >/dev/null"), 0, "report folders differ");
  cr_expect_eq(sh("test -s a9-report/report.xlsx && test -s a9-report/graph.graphml && test -s "
                  "a9-report/diagrams/collab.svg"),
               0);
  cleanup();
}

/* The PDF's creation date is the fixed one, or SOURCE_DATE_EPOCH; so is the
 * workbook's. 1700000000 is 2023-11-14T22:13:20Z. */
Test(writing, pdf_and_workbook_dates_are_fixed_or_source_date_epoch) {
  fresh();
  cr_assert_eq(sh("$RG diagram '" NAMES "' -o fixed.pdf"), 0);
  cr_assert_eq(sh("SOURCE_DATE_EPOCH=1700000000 $RG diagram '" NAMES "' -o epoch.pdf"), 0);
  size_t n = 0;
  char *pdf = rg_test_slurp(in_work("fixed.pdf"), &n);
  cr_assert_not_null(pdf);
  cr_expect_not_null(memmem(pdf, n, "/CreationDate (D:20000101000000Z)", 33));
  free(pdf);
  pdf = rg_test_slurp(in_work("epoch.pdf"), &n);
  cr_expect_not_null(memmem(pdf, n, "/CreationDate (D:20231114221320Z)", 33));
  free(pdf);
  /* the PDF still reads: the dates kept their length, so the xref is right */
  cr_expect_eq(sh("pdfinfo epoch.pdf | grep -q 'CreationDate:.*2023'"), 0);
  cr_assert_eq(sh("SOURCE_DATE_EPOCH=1700000000 $RG report '" NAMES "' -o r"), 0);
  cr_expect_eq(sh("unzip -p r/report.xlsx docProps/core.xml | grep -q "
                  "'<dcterms:created xsi:type=\"dcterms:W3CDTF\">2023-11-14T22:13:20Z'"),
               0);
  cleanup();
}

/* ---- a full disk -------------------------------------------------------------- */

/* No temporary file is left behind. */
static int leftovers(const char *dir) {
  char cmd[600];
  snprintf(cmd, sizeof cmd, "find '%s' -name '.*.tmp' | grep -q .", dir);
  return system(cmd) == 0;
}

/* A file size limit (ulimit -f, SIGXFSZ ignored: write fails with EFBIG) makes
 * every write past it fail, as a full disk does, deterministically. The old
 * file stays whole. */
Test(writing, a_failed_write_leaves_the_old_file_not_a_truncated_one) {
  fresh();
  FILE *f = fopen(in_work("edges.csv"), "w");
  fputs("OLD\n", f);
  fclose(f);
  int rc = sh("trap '' XFSZ; ulimit -f 2; $RG edges '" SEED "' -f csv -o edges.csv 2>err.txt");
  cr_expect_eq(rc, 3);
  char *got = rg_test_slurp(in_work("edges.csv"), NULL);
  cr_expect_str_eq(got, "OLD\n");
  free(got);
  char *err = rg_test_slurp(in_work("err.txt"), NULL);
  cr_expect(strstr(err, "respgraph: cannot write output: File too large\n"), "%s", err);
  free(err);
  cr_expect(!leftovers(work));
  cleanup();
}

/* A report that fails half-way (the page is larger than the limit) leaves
 * every file under its final name whole: the earlier run's, or this run's
 * complete one. */
Test(writing, a_report_cut_off_by_a_full_disk_leaves_only_whole_files) {
  fresh();
  cr_assert_eq(sh("$RG report '" NAMES "'" ACCEPT " -o old && cp -r old dir"), 0);
  cr_assert_eq(sh("$RG report '" SEED "' -o new"), 0);
  int rc = sh("trap '' XFSZ; ulimit -f 64; $RG report '" SEED "' -o dir 2>err.txt");
  cr_expect_eq(rc, 3);
  char *err = rg_test_slurp(in_work("err.txt"), NULL);
  cr_expect(strstr(err, "cannot write: File too large"), "%s", err);
  free(err);
  cr_expect(!leftovers(in_work("dir")));
  /* every file of dir equals the old run's or the new run's copy */
  char list[600];
  snprintf(list, sizeof list, "cd '%s/dir' && find . -type f ! -name '.respgraph*'", work);
  FILE *p = popen(list, "r");
  char line[512];
  int files = 0;
  while (p && fgets(line, sizeof line, p)) {
    line[strcspn(line, "\n")] = '\0';
    char a[700], o[700], n[700];
    snprintf(a, sizeof a, "%s/dir/%s", work, line + 2);
    snprintf(o, sizeof o, "%s/old/%s", work, line + 2);
    snprintf(n, sizeof n, "%s/new/%s", work, line + 2);
    cr_expect(same_bytes(a, o) || same_bytes(a, n), "%s is neither the old nor the new file", line);
    files++;
  }
  if (p) pclose(p);
  cr_expect_gt(files, 5);
  cleanup();
}

/* ---- report: links, lock, stale files ----------------------------------------- */

Test(writing, report_refuses_to_write_through_a_link) {
  fresh();
  cr_assert_eq(sh("mkdir -p dir outside && echo KEEP > outside/victim.html && "
                  "ln -s ../outside/victim.html dir/index.html"),
               0);
  int rc = sh("$RG report '" NAMES "' -o dir 2>err.txt");
  cr_expect_eq(rc, 3);
  char *err = rg_test_slurp(in_work("err.txt"), NULL);
  cr_expect(strstr(err, "respgraph: dir/index.html: is a symbolic link; respgraph does not write "
                        "through links\n"),
            "%s", err);
  free(err);
  char *v = rg_test_slurp(in_work("outside/victim.html"), NULL);
  cr_expect_str_eq(v, "KEEP\n");
  free(v);
  /* a linked diagrams folder */
  cr_assert_eq(sh("rm -rf dir/index.html dir/diagrams && ln -s ../outside dir/diagrams"), 0);
  rc = sh("$RG report '" NAMES "' -o dir 2>err.txt");
  cr_expect_eq(rc, 3);
  err = rg_test_slurp(in_work("err.txt"), NULL);
  cr_expect(strstr(err, "respgraph: dir/diagrams: is a symbolic link"), "%s", err);
  free(err);
  cr_expect_eq(sh("test \"$(ls outside)\" = victim.html"), 0, "something was written outside");
  cleanup();
}

Test(writing, a_second_report_into_a_folder_in_use_stops_with_one_line) {
  fresh();
  cr_assert_eq(sh("mkdir dir"), 0);
  int fd = open(in_work("dir/.respgraph.lock"), O_RDWR | O_CREAT, 0666);
  cr_assert_geq(fd, 0);
  cr_assert_eq(flock(fd, LOCK_EX), 0); /* another run holds the folder */
  int rc = sh("$RG report '" NAMES "' -o dir 2>err.txt");
  cr_expect_eq(rc, 3);
  char *err = rg_test_slurp(in_work("err.txt"), NULL);
  cr_expect_str_eq(err, "respgraph: dir: another respgraph run is writing a report into this "
                        "folder (.respgraph.lock); wait for it, or choose another folder with "
                        "-o\n");
  free(err);
  cr_expect_eq(sh("test ! -e dir/index.html"), 0);
  close(fd);
  cr_expect_eq(sh("$RG report '" NAMES "' -o dir"), 0, "free again once the lock is released");
  cleanup();
}

/* A folder reused for another plan keeps no diagram of the first. The seed
 * draws ego diagrams up to ego-u<many>; names.txt has far fewer units. */
Test(writing, a_reused_report_folder_keeps_no_stale_files) {
  fresh();
  cr_assert_eq(sh("$RG report '" SEED "' -o dir && echo MINE > dir/notes.txt"), 0);
  cr_assert_eq(sh("ls dir/diagrams | grep -c ego > before.txt"), 0);
  cr_assert_eq(
      sh("$RG report '" NAMES "'" ACCEPT " -o dir && $RG report '" NAMES "'" ACCEPT " -o fresh"),
      0);
  /* exactly the files a report into an empty folder writes, and the user's own */
  cr_expect_eq(sh("cd dir && find . ! -name notes.txt | sort > ../a.txt && cd ../fresh && find . "
                  "| sort > ../b.txt && cd .. && diff a.txt b.txt"),
               0);
  cr_expect_eq(sh("test \"$(cat dir/notes.txt)\" = MINE"), 0);
  cleanup();
}

/* ---- the workbook ----------------------------------------------------------------- */

/* A task text of 40,001 characters: the cell holds 32,754 of them and the
 * 13-character marker (32,767); report.json keeps all; a warning per cell. */
Test(writing, text_longer_than_a_cell_is_cut_with_a_marker_and_a_warning) {
  fresh();
  FILE *f = fopen(in_work("long.txt"), "w");
  fputs("长文本方案\n\n一、第一章\n\n1.", f);
  for (int i = 0; i < 40000; i++)
    fputs("字", f);
  fputs("。\n\n牵头单位:市发展改革委\n\n责任单位:市财政局\n", f);
  fclose(f);
  cr_assert_eq(sh("$RG report long.txt -o r 2>err.txt"), 0);
  char *err = rg_test_slurp(in_work("err.txt"), NULL);
  /* the task's text (任务 C2), and where it is quoted: the tie's evidence
   * (协作关系 H2) */
  cr_expect(!strncmp(err,
                     "respgraph: warning: report.xlsx: sheet 任务, cell C2: the text is 40001 "
                     "characters, more than a cell holds (32767); cut, with a marker "
                     "(index.html and report.json have it all)\n",
                     strlen("respgraph: warning: report.xlsx: sheet 任务, cell C2: the text is "
                            "40001 characters, more than a cell holds (32767); cut, with a "
                            "marker (index.html and report.json have it all)\n")),
            "%s", err);
  cr_expect(strstr(err, "\nrespgraph: warning: report.xlsx: sheet 协作关系, cell H2: the text is "),
            "%s", err);
  /* and the 任务分工 sheet, one row per link (lead and support) */
  cr_expect(strstr(err, "\nrespgraph: warning: report.xlsx: sheet 任务分工, cell B2: the text is "),
            "%s", err);
  cr_expect(strstr(err, "\nrespgraph: warning: report.xlsx: sheet 任务分工, cell B3: the text is "),
            "%s", err);
  int lines = 0;
  for (const char *q = err; *q; q++)
    lines += *q == '\n';
  cr_expect_eq(lines, 4, "%s", err);
  free(err);
  cr_assert_eq(sh("unzip -p r/report.xlsx xl/sharedStrings.xml > shared.xml"), 0);
  size_t n = 0;
  char *xml = rg_test_slurp(in_work("shared.xml"), &n);
  char *want = malloc(32754 * 3 + 64);
  want[0] = '\0';
  strcat(want, ">");
  for (int i = 0; i < 32754; i++)
    strcat(want + i * 3, "字");
  strcat(want, "…（全文见网页/JSON）<");
  cr_expect_not_null(strstr(xml, want), "the cell is the first 32,754 characters and the marker");
  free(want);
  free(xml);
  char *json = rg_test_slurp(in_work("r/report.json"), &n);
  size_t run = 0, best = 0;
  for (size_t i = 0; i + 3 <= n; i++)
    if (!memcmp(json + i, "字", 3))
      run++, i += 2, best = run > best ? run : best;
    else
      run = 0;
  cr_expect_eq(best, 40000, "report.json has the whole text");
  free(json);
  cleanup();
}

/* ---- also ------------------------------------------------------------------------ */

Test(writing, a_folder_given_as_the_plan_is_named_as_a_folder) {
  fresh();
  rg_test_run r = rg_test_respgraph("check " RG_TEST_DATA);
  cr_expect_eq(r.code, 1);
  cr_expect_str_eq(r.err, "respgraph: " RG_TEST_DATA ": is a folder, not a plan: give the plan's "
                          "file (text, HTML, CSV, Word, Excel or PDF)\n");
  rg_test_run_free(&r);
  cleanup();
}

Test(writing, a_chapter_view_of_a_plan_without_chapters_says_so) {
  fresh();
  FILE *f = fopen(in_work("flat.txt"), "w");
  fputs("1.推进改革。\n\n牵头单位:市发展改革委\n\n责任单位:市财政局\n", f);
  fclose(f);
  cr_assert_eq(sh("$RG diagram flat.txt --view chapter=1 -o x.svg 2>err.txt; test $? -eq 2"), 0);
  char *err = rg_test_slurp(in_work("err.txt"), NULL);
  cr_expect_str_eq(err, "respgraph: diagram: no chapter \"1\": the plan has no chapters (draw it "
                        "whole with --view collab)\n");
  free(err);
  cleanup();
}

/* ---- diagram file names ----------------------------------------------------------- */

/* The files in DIR/diagrams, in byte order, each followed by | (malloc'd). */
static char *diagram_files(const char *dir) {
  cr_assert_eq(sh("cd %s/diagrams && ls | LC_ALL=C sort | tr '\\n' '|' > ../../ls.txt", dir), 0);
  return rg_test_slurp(in_work("ls.txt"), NULL);
}

/* Each unit's diagram is named after the unit, made safe for any file system
 * (rg_escape_file_name): markup, formula signs, quotes and control characters
 * become one _ or go; report.json lists the same names and the page links
 * them. */
Test(writing, diagram_files_are_named_after_their_units) {
  fresh();
  cr_assert_eq(sh("$RG report '" NAMES "'" ACCEPT " -o r >/dev/null"), 0);
  char *ls = diagram_files("r");
  cr_expect_str_eq(ls, "collab.svg|ego--1.svg|ego-1.svg|ego-HYPERLINK(_x_).svg|ego-SUM(1).svg|"
                       "ego-市_31m红_局.svg|ego-市_31m蓝_局.svg|ego-市发展改革委.svg|");
  free(ls);
  /* the JSON's list, in load order, and the page's links: each to a file */
  cr_expect_eq(
      sh("python3 -c 'import json,os,sys; d=json.load(open(\"r/report.json\"));"
         "e=d[\"diagrams\"][\"ego\"]; sys.exit(not(d[\"diagrams\"][\"collab\"]==\"diagrams/"
         "collab.svg\" and len(e)==7 and e[0]==dict(unit=\"=HYPERLINK(\\\"x\\\")\","
         "file=\"diagrams/ego-HYPERLINK(_x_).svg\") and all(os.path.isfile(\"r/\"+x[\"file\"]) "
         "for x in e)))'"),
      0);
  cr_expect_eq(sh("test $(grep -o 'href=\"diagrams/[^\"]*\"' r/index.html | sort -u | wc -l) = 8"),
               0);
  cleanup();
}

/* Names that become the same (市甲?乙局, 市甲*乙局, 市甲_乙局; 市ABC局 and 市abc局
 * on a file system that ignores case) keep apart: the first in load order
 * (the lead's 1, then the supports' 0.5 by name: ABC abc 甲* 甲_) keeps the
 * plain name, the others add -u<plan unit index> (interned 甲? 甲* 甲_ ABC
 * abc: 0..4). */
Test(writing, diagram_files_of_units_whose_names_collide_keep_apart) {
  fresh();
  FILE *f = fopen(in_work("same.txt"), "w");
  fputs("同名测试方案\n\n一、第一章\n\n1.推进工作。\n\n牵头单位:市甲?乙局\n\n"
        "责任单位:市甲*乙局、市甲_乙局、市ABC局、市abc局\n",
        f);
  fclose(f);
  cr_assert_eq(sh("$RG report same.txt -o r >/dev/null"), 0);
  char *ls = diagram_files("r");
  cr_expect_str_eq(ls, "collab.svg|ego-市ABC局.svg|ego-市abc局-u4.svg|ego-市甲_乙局-u1.svg|"
                       "ego-市甲_乙局-u2.svg|ego-市甲_乙局.svg|");
  free(ls);
  cleanup();
}
