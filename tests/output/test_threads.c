/* test_threads.c - several plans in one process, in several threads: every
 * stage keeps its state in its arguments (rg_sort takes its context, the
 * OpenCC handle, Graphviz and igraph take turns behind their locks), so
 * four threads on two plans give the bytes one thread gives. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>

#include "analysis_out.h"
#include "analyze.h"
#include "diagram.h"
#include "load.h"
#include "meetings.h"
#include "meetings_out.h"

static const char *const PLANS[] = {RG_EXAMPLES "/shenyang-2026.txt",
                                    RG_TEST_DATA "/formats/text/traditional.txt"};

/* Units CSV, meetings CSV and the collab DOT of one plan, concatenated. */
static char *outputs_of(const char *path) {
  rg_plan *plan = NULL;
  rg_error err;
  if (rg_plan_load(path, NULL, &plan, &err)) return NULL;
  rg_results r;
  rg_meeting_plan mp;
  char *buf = NULL, *dot = NULL;
  size_t len = 0, dot_len = 0;
  FILE *f = open_memstream(&buf, &len);
  rg_diagram_opts d;
  rg_diagram_opts_init(&d);
  d.quiet = 1;
  if (!rg_analyze(plan, NULL, &r, &err)) {
    rg_out_write(&rg_frame_units, plan, &r, RG_FMT_CSV, NULL, f, &err);
    if (!rg_meetings_plan(plan, NULL, &mp, &err)) {
      rg_meetings_write(plan, &mp, -1, RG_FMT_CSV, f, &err);
      rg_meeting_plan_free(&mp);
    }
    if (!rg_diagram_render_mem(plan, &r, &d, "dot", &dot, &dot_len, &err))
      fwrite(dot, 1, dot_len, f);
    free(dot);
    rg_results_free(&r);
  }
  fclose(f);
  rg_plan_free(plan);
  return buf;
}

typedef struct job {
  const char *path;
  char *out;
} job;

static int run_job(void *arg) {
  job *j = arg;
  j->out = outputs_of(j->path);
  return 0;
}

Test(threads, four_threads_on_two_plans_give_the_bytes_of_one_thread) {
  char *want[2];
  for (int k = 0; k < 2; k++) {
    want[k] = outputs_of(PLANS[k]);
    cr_assert_not_null(want[k]);
    cr_assert_gt(strlen(want[k]), 100);
  }
  job jobs[4];
  thrd_t t[4];
  for (int i = 0; i < 4; i++) {
    jobs[i] = (job){PLANS[i % 2], NULL};
    cr_assert_eq(thrd_create(&t[i], run_job, &jobs[i]), thrd_success);
  }
  for (int i = 0; i < 4; i++) {
    thrd_join(t[i], NULL);
    cr_assert_not_null(jobs[i].out);
    cr_expect_str_eq(jobs[i].out, want[i % 2], "thread %d", i);
    free(jobs[i].out);
  }
  free(want[0]);
  free(want[1]);
}
