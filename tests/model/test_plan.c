/* test_plan.c - the plan model on its own: arena strings, interned units,
 * aliases, links (lead wins), finalisation order, task ids and the
 * structural checks, built by hand without any reader. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "plan.h"

static int count_code(const rg_plan *p, const char *code) {
  int n = 0;
  for (int i = 0; i < p->n_diags; i++)
    n += !strcmp(p->diags[i].code, code);
  return n;
}

Test(plan, owns_copies_of_every_string_it_is_given) {
  rg_plan *p = rg_plan_new("x.txt");
  char buf[] = "市财政局";
  const char *s = rg_plan_strdup(p, buf);
  buf[0] = 'X';
  cr_assert_str_eq(s, "市财政局");
  cr_assert_str_eq(rg_plan_strndup(p, "abcdef", 3), "abc");
  cr_assert_str_eq(rg_plan_printf(p, "%s#%d", "5", 2), "5#2");
  cr_assert_null(rg_plan_strdup(p, NULL));
  cr_assert_str_eq(p->path, "x.txt");
  rg_plan_free(p);
  rg_plan_free(NULL);
  rg_plan *q = rg_plan_new(NULL);
  cr_assert_str_eq(q->path, "-");
  rg_plan_free(q);
}

Test(plan, interns_each_name_once_and_finds_it_after_many_rehashes) {
  rg_plan *p = rg_plan_new("x.txt");
  char name[32];
  for (int i = 0; i < 5000; i++) {
    snprintf(name, sizeof name, "市单位%04d局", i);
    cr_assert_eq(rg_plan_intern_unit(p, name, RG_KIND_UNIT, i + 1), i);
  }
  cr_assert_eq(p->n_units, 5000);
  cr_assert_eq(rg_plan_intern_unit(p, "市单位0042局", RG_KIND_GENERIC, 99), 42, "existing name");
  cr_assert_eq(p->units[42].kind, RG_KIND_UNIT, "the first kind and line stay");
  cr_assert_eq(p->units[42].first_line, 43);
  cr_assert_eq(rg_plan_find_unit(p, "市单位4999局"), 4999);
  cr_assert_eq(rg_plan_find_unit(p, "市单位5000局"), -1);
  rg_plan_free(p);
}

Test(plan, keeps_each_alias_once_and_never_the_name_itself) {
  rg_plan *p = rg_plan_new("x.txt");
  int u = rg_plan_intern_unit(p, "省市场监管局", RG_KIND_UNIT, 1);
  rg_plan_add_alias(p, u, "省知识产权局");
  rg_plan_add_alias(p, u, "省知识产权局");
  rg_plan_add_alias(p, u, "省市场监管局");
  cr_assert_eq(p->units[u].n_aliases, 1);
  cr_assert_str_eq(p->units[u].aliases[0], "省知识产权局");
  rg_plan_free(p);
}

Test(plan, links_a_unit_once_per_task_and_lead_wins_with_a_warning) {
  rg_plan *p = rg_plan_new("x.txt");
  int t = rg_plan_add_task(p, "1", "推进改革", -1, -1, 3);
  int a = rg_plan_intern_unit(p, "甲局", RG_KIND_UNIT, 3);
  int b = rg_plan_intern_unit(p, "乙局", RG_KIND_UNIT, 3);
  int la = rg_plan_link(p, t, a, RG_ROLE_SUPPORT, 4);
  cr_assert_eq(rg_plan_link(p, t, a, RG_ROLE_SUPPORT, 5), la, "same role: same link, no warning");
  cr_assert_eq(count_code(p, "lead-and-support"), 0);
  cr_assert_eq(rg_plan_link(p, t, a, RG_ROLE_LEAD, 6), la);
  cr_assert_eq(p->links[la].role, RG_ROLE_LEAD);
  cr_assert_eq(count_code(p, "lead-and-support"), 1);
  cr_assert_eq(p->diags[0].line, 6);
  cr_assert_str_eq(p->diags[0].message,
                   "task 1: 甲局 is named as both lead and support; counted once, as lead");
  rg_plan_link(p, t, b, RG_ROLE_SUPPORT, 4);
  cr_assert_eq(p->n_links, 2);
  rg_plan_free(p);
}

/* rg_plan_link walks a short chain of a task's links and asks the table
 * for a long one: every pair is found again on both sides of the switch. */
Test(plan, relinks_every_pair_whatever_the_length_of_its_task) {
  rg_plan *p = rg_plan_new("x.txt");
  int t[2] = {rg_plan_add_task(p, "1", "a", -1, -1, 1), rg_plan_add_task(p, "2", "b", -1, -1, 1)};
  char name[32];
  enum { K = 20 };
  for (int i = 0; i < K; i++) {
    snprintf(name, sizeof name, "单位%02d局", i);
    int u = rg_plan_intern_unit(p, name, RG_KIND_UNIT, 1);
    for (int k = 0; k < 2; k++) {
      cr_assert_eq(rg_plan_link(p, t[k], u, RG_ROLE_SUPPORT, 1), 2 * i + k);
      for (int v = 0; v <= i; v++) {
        cr_assert_eq(rg_plan_link(p, t[k], v, RG_ROLE_SUPPORT, 1), 2 * v + k, "%d %d", i, v);
        cr_assert_eq(rg_plan_find_link(p, t[k], v), 2 * v + k);
      }
    }
  }
  cr_assert_eq(p->n_links, 2 * K);
  cr_assert_eq(count_code(p, "lead-and-support"), 0);
  rg_plan_free(p);
}

/* Links are kept by (task, unit) in a hash table (O(1) per link; a task
 * naming 100,000 units used to cost O(k^2) to read). Its speed is measured
 * in bench/results.md ("One task, many units"); here: every pair is found,
 * before and after finalisation, across rehashes, and after a reset. */
Test(plan, links_and_finds_every_pair_when_one_task_names_20000_units) {
  rg_plan *p = rg_plan_new("x.txt");
  int big = rg_plan_add_task(p, "1", "a", -1, -1, 1),
      small = rg_plan_add_task(p, "2", "b", -1, -1, 2);
  enum { K = 20000 };
  char name[32];
  for (int i = 0; i < K; i++) {
    snprintf(name, sizeof name, "市单位%05d局", i);
    int u = rg_plan_intern_unit(p, name, RG_KIND_UNIT, 1);
    cr_assert_eq(rg_plan_link(p, big, u, i ? RG_ROLE_SUPPORT : RG_ROLE_LEAD, 1), i);
  }
  for (int u = 7; u < K; u += 1000)
    cr_assert_eq(rg_plan_link(p, small, u, RG_ROLE_LEAD, 2), K + u / 1000);
  cr_assert_eq(p->n_links, K + K / 1000);
  /* named again: the same link, role raised to lead once, no new link */
  cr_assert_eq(rg_plan_link(p, big, 12345, RG_ROLE_SUPPORT, 3), 12345);
  cr_assert_eq(rg_plan_link(p, big, 12345, RG_ROLE_LEAD, 3), 12345);
  cr_assert_eq(p->links[12345].role, RG_ROLE_LEAD);
  cr_assert_eq(count_code(p, "lead-and-support"), 1);
  cr_assert_eq(p->n_links, K + K / 1000);
  for (int pass = 0; pass < 2; pass++) {
    for (int u = 0; u < K; u++) {
      cr_assert_eq(rg_plan_find_link(p, big, u), u, "pass %d unit %d", pass, u);
      int l = rg_plan_find_link(p, small, u);
      cr_assert_eq(l, u % 1000 == 7 ? K + u / 1000 : -1, "pass %d unit %d", pass, u);
    }
    rg_plan_finalize(p);
  }
  cr_assert_eq(p->tasks[big].link_count, K);
  rg_plan_reset(p);
  cr_assert_eq(rg_plan_find_link(p, 0, 0), -1, "no links after a reset");
  cr_assert_eq(rg_plan_find_unit(p, "市单位00000局"), -1, "no units after a reset");
  cr_assert_eq(rg_plan_find_unit(p, "市单位19999局"), -1);
  int t = rg_plan_add_task(p, "1", "a", -1, -1, 1);
  int u = rg_plan_intern_unit(p, "甲局", RG_KIND_UNIT, 1);
  cr_assert_eq(u, 0);
  cr_assert_eq(rg_plan_intern_unit(p, "市单位00000局", RG_KIND_UNIT, 1), 1);
  cr_assert_eq(rg_plan_find_unit(p, "甲局"), 0);
  cr_assert_eq(rg_plan_link(p, t, u, RG_ROLE_LEAD, 1), 0);
  cr_assert_eq(rg_plan_find_link(p, t, u), 0);
  rg_plan_free(p);
}

/* task_links: by task in task order, leads first, then order of appearance;
 * unit_links: by unit, order of appearance */
Test(plan, finalize_groups_links_by_task_leads_first_and_by_unit) {
  rg_plan *p = rg_plan_new("x.txt");
  int t0 = rg_plan_add_task(p, "1", "a", -1, -1, 1), t1 = rg_plan_add_task(p, "2", "b", -1, -1, 2);
  int a = rg_plan_intern_unit(p, "A", RG_KIND_UNIT, 1),
      b = rg_plan_intern_unit(p, "B", RG_KIND_UNIT, 1);
  int c = rg_plan_intern_unit(p, "C", RG_KIND_UNIT, 1);
  int l0 = rg_plan_link(p, t1, a, RG_ROLE_SUPPORT, 2); /* 0 */
  int l1 = rg_plan_link(p, t0, b, RG_ROLE_SUPPORT, 1); /* 1 */
  int l2 = rg_plan_link(p, t0, c, RG_ROLE_LEAD, 1);    /* 2 */
  int l3 = rg_plan_link(p, t1, b, RG_ROLE_LEAD, 2);    /* 3 */
  int l4 = rg_plan_link(p, t0, a, RG_ROLE_SUPPORT, 1); /* 4 */
  rg_plan_finalize(p);
  cr_assert(p->finalized);
  int want_task[] = {l2, l1, l4, l3, l0};
  for (int i = 0; i < 5; i++)
    cr_assert_eq(p->task_links[i], want_task[i], "task_links[%d]", i);
  cr_assert_eq(p->tasks[t0].link_begin, 0);
  cr_assert_eq(p->tasks[t0].link_count, 3);
  cr_assert_eq(p->tasks[t1].link_begin, 3);
  int want_unit[] = {l0, l4, l1, l3, l2};
  for (int i = 0; i < 5; i++)
    cr_assert_eq(p->unit_links[i], want_unit[i], "unit_links[%d]", i);
  cr_assert_eq(p->units[b].link_begin, 2);
  cr_assert_eq(p->units[b].link_count, 2);
  int lead = 0;
  cr_assert_eq(rg_plan_count_concrete_links(p, &lead), 5);
  cr_assert_eq(lead, 2);
  rg_plan_free(p);
}

Test(plan, numbers_that_restart_per_chapter_become_chapter_dot_number) {
  rg_plan *p = rg_plan_new("x.txt");
  int c1 = rg_plan_add_chapter(p, "一", "甲", 1), c2 = rg_plan_add_chapter(p, "二", "乙", 5);
  rg_plan_add_task(p, "1", "a", c1, -1, 2);
  rg_plan_add_task(p, "2", "b", c1, -1, 3);
  rg_plan_add_task(p, "1", "c", c2, -1, 6);
  rg_plan_assign_ids(p);
  cr_assert_str_eq(p->tasks[0].number, "一.1");
  cr_assert_str_eq(p->tasks[2].number, "二.1");
  cr_assert_str_eq(p->tasks[2].printed, "1");
  cr_assert_eq(count_code(p, "duplicate-number"), 0);
  rg_plan_free(p);
}

Test(plan, a_repeated_number_gets_a_suffix_and_a_warning) {
  rg_plan *p = rg_plan_new("x.txt");
  rg_plan_add_task(p, "5", "a", -1, -1, 2);
  rg_plan_add_task(p, "5", "b", -1, -1, 7);
  rg_plan_add_task(p, "5", "c", -1, -1, 9);
  rg_plan_assign_ids(p);
  cr_assert_str_eq(p->tasks[0].number, "5");
  cr_assert_str_eq(p->tasks[1].number, "5#2");
  cr_assert_str_eq(p->tasks[2].number, "5#3");
  cr_assert_eq(count_code(p, "duplicate-number"), 2);
  cr_assert_str_eq(p->diags[0].message,
                   "task number 5 appears again (first at line 2); this one is task 5#2");
  rg_plan_free(p);
}

/* Ids are compared by their first 8 bytes and, when those agree and run
 * on, by the whole string: 8-byte ids, ids equal up to byte 8 and ids
 * that are prefixes of others must each be told apart. */
Test(plan, ids_of_eight_bytes_and_more_are_told_apart_and_repeats_found) {
  rg_plan *p = rg_plan_new("x.txt");
  const char *ids[] = {"A1234567",  "A12345678", "A1234567", "A12345679",
                       "A12345678", "A123456",   "A12345678"};
  for (int i = 0; i < 7; i++)
    rg_plan_add_task(p, ids[i], "t", -1, -1, 10 + i);
  rg_plan_assign_ids(p);
  const char *want[] = {"A1234567",    "A12345678", "A1234567#2", "A12345679",
                        "A12345678#2", "A123456",   "A12345678#3"};
  for (int i = 0; i < 7; i++)
    cr_expect_str_eq(p->tasks[i].number, want[i], "task %d", i);
  cr_assert_eq(count_code(p, "duplicate-number"), 3);
  rg_plan_free(p);
}

Test(plan, check_warns_about_tasks_without_units_or_lead) {
  rg_plan *p = rg_plan_new("x.txt");
  int t0 = rg_plan_add_task(p, "1", "a", -1, -1, 2);
  rg_plan_add_task(p, "2", "b", -1, -1, 4);
  int t2 = rg_plan_add_task(p, "3", "c", -1, -1, 6);
  int u = rg_plan_intern_unit(p, "甲局", RG_KIND_UNIT, 2);
  rg_plan_link(p, t0, u, RG_ROLE_LEAD, 2);
  rg_plan_link(p, t2, u, RG_ROLE_SUPPORT, 6);
  rg_plan_check(p);
  cr_assert_eq(p->n_diags, 2);
  cr_assert_str_eq(p->diags[0].code, "no-units");
  cr_assert_eq(p->diags[0].line, 4);
  cr_assert_str_eq(p->diags[1].code, "no-lead");
  cr_assert_str_eq(p->diags[1].message, "task 3 has no lead unit");
  rg_plan_free(p);
}

Test(plan, names_of_roles_kinds_and_severities_are_stable) {
  cr_assert_str_eq(rg_role_name(RG_ROLE_LEAD), "lead");
  cr_assert_str_eq(rg_role_name(RG_ROLE_SUPPORT), "support");
  cr_assert_str_eq(rg_kind_name(RG_KIND_COLLECTIVE), "collective");
  cr_assert_str_eq(rg_kind_name(RG_KIND_GENERIC), "generic");
  cr_assert_str_eq(rg_severity_name(RG_SEV_NOTE), "note");
  cr_assert_str_eq(rg_severity_name(RG_SEV_ERROR), "error");
}

Test(error, formats_file_line_and_column_only_when_known) {
  rg_error e;
  char buf[256];
  rg_error_set(&e, RG_EINPUT, "x.csv", 3, 7, "bad %s", "cell");
  rg_error_format(&e, buf, sizeof buf);
  cr_assert_str_eq(buf, "x.csv:3:7: bad cell");
  cr_assert_eq(rg_error_set(&e, RG_ESYS, "x.csv", 3, 0, "m"), RG_ESYS);
  rg_error_format(&e, buf, sizeof buf);
  cr_assert_str_eq(buf, "x.csv:3: m");
  rg_error_set(&e, RG_EINPUT, "x.csv", 0, 0, "m");
  rg_error_format(&e, buf, sizeof buf);
  cr_assert_str_eq(buf, "x.csv: m");
  rg_error_set(&e, RG_EINPUT, NULL, 0, 0, "m");
  rg_error_format(&e, buf, sizeof buf);
  cr_assert_str_eq(buf, "m");
  cr_assert_eq(rg_error_set(NULL, RG_EUSAGE, NULL, 0, 0, "x"), RG_EUSAGE);
}

/* A plan of a million links is finalised on two threads (the index by unit
 * beside the index by task) into the same arrays as on one. */
Test(plan, finalizes_a_million_links_alike_on_one_thread_or_two) {
  rg_plan *p = rg_plan_new("x.txt");
  enum { T = 250000, U = 5000 };
  char name[32];
  for (int u = 0; u < U; u++) {
    snprintf(name, sizeof name, "市单位%04d局", u);
    rg_plan_intern_unit(p, name, RG_KIND_UNIT, 1);
  }
  for (int t = 0; t < T; t++) {
    snprintf(name, sizeof name, "%d", t + 1);
    int k = rg_plan_add_task(p, name, "x", -1, -1, t + 1);
    for (int j = 0; j < 4; j++) /* the lead is named last in one task in three */
      rg_plan_link(p, k, (t * 7 + j * 1031) % U,
                   j == (t % 3 ? 0 : 3) ? RG_ROLE_LEAD : RG_ROLE_SUPPORT, t + 1);
  }
  cr_assert_eq(p->n_links, 4 * T);
  rg_plan_finalize_threads(p, 2);
  size_t n = (size_t)p->n_links * sizeof(int);
  int *bt = malloc(n), *bu = malloc(n);
  memcpy(bt, p->task_links, n);
  memcpy(bu, p->unit_links, n);
  int begin_t = p->tasks[T - 1].link_begin, begin_u = p->units[U - 1].link_begin;
  rg_plan_finalize_threads(p, 1);
  cr_expect_eq(memcmp(bt, p->task_links, n), 0);
  cr_expect_eq(memcmp(bu, p->unit_links, n), 0);
  cr_expect_eq(p->tasks[T - 1].link_begin, begin_t);
  cr_expect_eq(p->units[U - 1].link_begin, begin_u);
  /* leads first: task 1 (t = 0) named its lead last */
  cr_expect_eq(p->links[p->task_links[p->tasks[0].link_begin]].role, RG_ROLE_LEAD);
  cr_expect_eq(p->links[p->task_links[p->tasks[0].link_begin]].unit, (3 * 1031) % U);
  int total = 0;
  for (int u = 0; u < U; u++)
    total += p->units[u].link_count;
  cr_expect_eq(total, 4 * T);
  free(bt);
  free(bu);
  rg_plan_free(p);
}
