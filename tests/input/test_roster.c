/* test_roster.c - expanding collectives into members from a roster CSV. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load.h"
#include "roster.h"
#include "unitlist.h"

#define CSV_DIR RG_TEST_DATA "/formats/csv/"

static rg_plan *load(const char *path, rg_input_format fmt) {
  rg_load_opts o = {.format = fmt};
  rg_plan *p = NULL;
  rg_error err;
  cr_assert_eq(rg_plan_load(path, &o, &p, &err), RG_OK, "%s", err.msg);
  return p;
}

static char *links_of(const rg_plan *p, int t) {
  char *out = calloc(1, 4096);
  const rg_task *k = &p->tasks[t];
  for (int j = 0; j < k->link_count; j++) {
    const rg_link *l = &p->links[p->task_links[k->link_begin + j]];
    if (j) strcat(out, "|");
    strcat(out, rg_role_name(l->role));
    strcat(out, ":");
    strcat(out, p->units[l->unit].name);
  }
  return out;
}

#define EXPECT_LINKS(p, t, want)                                                                   \
  do {                                                                                             \
    char *got = links_of(p, t);                                                                    \
    cr_expect_str_eq(got, want, "task %d", t);                                                     \
    free(got);                                                                                     \
  } while (0)

static int count_diags(const rg_plan *p, const char *code) {
  int n = 0;
  for (int i = 0; i < p->n_diags; i++)
    n += !strcmp(p->diags[i].code, code);
  return n;
}

Test(roster, links_members_with_the_role_of_their_collective) {
  rg_plan *p = load(CSV_DIR "roster-plan.csv", RG_INPUT_CSV);
  cr_assert_eq(p->n_links, 8);
  rg_error err;
  cr_assert_eq(rg_roster_apply(p, CSV_DIR "roster-small.csv", &err), RG_OK, "%s", err.msg);
  cr_assert(p->finalized);
  /* task 1: the collective leads, so both members lead; 和平区政府 is also
   * reached through 开发区管委会 (support) and counts once, as lead */
  EXPECT_LINKS(p, 0,
               "lead:各区、县(市)政府|lead:和平区政府|lead:沈河区政府|support:市交通局|"
               "support:开发区管委会");
  /* task 2: 和平区政府 is named in the plan already: not linked twice */
  EXPECT_LINKS(p, 1,
               "lead:市林草局|support:各区、县(市)政府|support:和平区政府|support:沈河区政府");
  EXPECT_LINKS(p, 2, "lead:市水务局|support:市财政局");
  cr_expect_eq(p->n_links, 11);
  int u = rg_plan_find_unit(p, "沈河区政府");
  cr_assert_geq(u, 0);
  cr_expect_eq(p->units[u].kind, RG_KIND_UNIT);
  cr_expect_eq(p->units[u].link_count, 2);
  cr_expect_eq(count_diags(p, "lead-and-support"), 0);
  rg_plan_free(p);
}

Test(roster, warns_once_about_a_collective_no_task_names) {
  rg_plan *p = load(CSV_DIR "roster-plan.csv", RG_INPUT_CSV);
  rg_error err;
  cr_assert_eq(rg_roster_apply(p, CSV_DIR "roster-small.csv", &err), RG_OK);
  cr_assert_eq(count_diags(p, "roster-unknown"), 1);
  for (int i = 0; i < p->n_diags; i++)
    if (!strcmp(p->diags[i].code, "roster-unknown")) {
      cr_expect_eq(p->diags[i].severity, RG_SEV_WARNING);
      cr_expect_str_eq(p->diags[i].message,
                       CSV_DIR "roster-small.csv:6: roster collective 有关部门 is named in no "
                               "task; its members are not linked");
    }
  cr_expect_eq(rg_plan_find_unit(p, "市商务局"), -1);
  cr_expect_eq(count_diags(p, "roster"), 1);
  rg_plan_free(p);
}

Test(roster, expands_shenyang_districts_into_thirteen_governments) {
  rg_plan *p = load(RG_EXAMPLES "/shenyang-2026.txt", RG_INPUT_AUTO);
  int before = p->n_links;
  int c = rg_plan_find_unit(p, "各区、县(市)政府");
  cr_assert_geq(c, 0);
  cr_assert_eq(p->units[c].link_count, 111);
  rg_error err;
  cr_assert_eq(rg_roster_apply(p, RG_EXAMPLES "/shenyang-roster.csv", &err), RG_OK, "%s", err.msg);
  /* counted independently from the edges export: 111 tasks x 13 members,
   * less the members the plan already names in those tasks */
  cr_expect_eq(before, 752);
  cr_expect_eq(p->n_links - before, 1443);
  const char *m[] = {"和平区政府", "法库县政府", "浑南区政府"};
  const int want[] = {112, 113, 116};
  for (int i = 0; i < 3; i++) {
    int u = rg_plan_find_unit(p, m[i]);
    cr_assert_geq(u, 0);
    cr_expect_eq(p->units[u].link_count, want[i], "%s", m[i]);
  }
  cr_expect_eq(count_diags(p, "roster-unknown"), 0);
  rg_plan_free(p);
}

Test(roster, refuses_a_row_without_two_fields) {
  rg_plan *p = load(CSV_DIR "roster-plan.csv", RG_INPUT_CSV);
  rg_error err;
  cr_assert_eq(rg_roster_apply(p, CSV_DIR "roster-bad.csv", &err), RG_EINPUT);
  char buf[1200];
  rg_error_format(&err, buf, sizeof buf);
  cr_expect_str_eq(buf,
                   CSV_DIR "roster-bad.csv:2: expected two fields, collective,member; found 1");
  cr_expect_eq(p->n_links, 8);
  rg_plan_free(p);
}

Test(roster, refuses_an_unterminated_quote) {
  rg_plan *p = load(CSV_DIR "roster-plan.csv", RG_INPUT_CSV);
  rg_error err;
  cr_assert_eq(rg_roster_apply(p, CSV_DIR "roster-unterminated.csv", &err), RG_EINPUT);
  char buf[1200];
  rg_error_format(&err, buf, sizeof buf);
  cr_expect_str_eq(buf, CSV_DIR "roster-unterminated.csv:1: unterminated quoted field: the record "
                                "starting here never closes its \"...\"");
  rg_plan_free(p);
}

Test(roster, reports_a_missing_file) {
  rg_plan *p = rg_plan_new("x");
  rg_error err;
  cr_expect_neq(rg_roster_apply(p, CSV_DIR "no-such-roster.csv", &err), RG_OK);
  rg_plan_free(p);
}

Test(roster, reads_a_roster_saved_in_gb18030) {
  rg_plan *a = load(CSV_DIR "roster-plan.csv", RG_INPUT_CSV);
  rg_plan *b = load(CSV_DIR "roster-plan.csv", RG_INPUT_CSV);
  rg_error err;
  cr_assert_eq(rg_roster_apply(a, CSV_DIR "roster-small.csv", &err), RG_OK);
  cr_assert_eq(rg_roster_apply(b, CSV_DIR "roster-small-gb18030.csv", &err), RG_OK, "%s", err.msg);
  cr_assert_eq(b->n_links, a->n_links);
  for (int t = 0; t < a->n_tasks; t++) {
    char *la = links_of(a, t), *lb = links_of(b, t);
    cr_expect_str_eq(lb, la);
    free(la);
    free(lb);
  }
  rg_plan_free(a);
  rg_plan_free(b);
}

Test(roster, names_are_read_like_plan_units) {
  rg_plan *p = rg_plan_new("r.txt");
  int t = rg_plan_add_task(p, "1", "x", -1, -1, 1);
  rg_unitlist_link(p, t, RG_ROLE_SUPPORT, "各区、县(市)政府", strlen("各区、县(市)政府"), 1);
  rg_plan_finalize(p);
  FILE *f = fopen("roster-canon.tmp.csv", "w");
  fputs("collective,member\n各区、县（市）人民政府,和平区人民政府\n", f);
  fclose(f);
  rg_error err;
  cr_assert_eq(rg_roster_apply(p, "roster-canon.tmp.csv", &err), RG_OK, "%s", err.msg);
  remove("roster-canon.tmp.csv");
  cr_expect_geq(rg_plan_find_unit(p, "和平区政府"), 0);
  cr_expect_eq(p->n_links, 2);
  rg_plan_free(p);
}
