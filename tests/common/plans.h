/* plans.h - small hand-built plans (star, path, two triangles, ring) for graph and analyzer
 * tests.
 *
 * A unit spec is "name" (support), "*name" (lead), "!name" (collective,
 * support) or "?name" (generic, support). Tasks alternate between the two
 * chapters as given. Every plan is finalised; free with rg_plan_free. */
#ifndef RG_TEST_PLANS_H
#define RG_TEST_PLANS_H

#include <stdio.h>

#include "plan.h"

typedef struct fx_task {
  const char *number;
  int chapter;
  const char *units[8]; /* NULL-terminated */
} fx_task;

static inline rg_plan *fx_plan(const fx_task *tasks, int n) {
  rg_plan *p = rg_plan_new("fixture");
  rg_plan_add_chapter(p, "一", "first", 1);
  rg_plan_add_chapter(p, "二", "second", 2);
  for (int i = 0; i < n; i++) {
    int t = rg_plan_add_task(p, tasks[i].number, "text", tasks[i].chapter, -1, 10 + i);
    for (int j = 0; j < 8 && tasks[i].units[j]; j++) {
      const char *s = tasks[i].units[j];
      rg_role role = RG_ROLE_SUPPORT;
      rg_kind kind = RG_KIND_UNIT;
      if (*s == '*')
        role = RG_ROLE_LEAD, s++;
      else if (*s == '!')
        kind = RG_KIND_COLLECTIVE, s++;
      else if (*s == '?')
        kind = RG_KIND_GENERIC, s++;
      int u = rg_plan_intern_unit(p, s, kind, 10 + i);
      rg_plan_link(p, t, u, role, 10 + i);
    }
  }
  rg_plan_finalize(p);
  return p;
}

/* A plan read from path with tasks {number, text, lead, support or NULL}:
 * one lead and at most one support each (the compare and merge suites). */
static inline rg_plan *fx_plan_texts(const char *path, const char *const (*t)[4], int n) {
  rg_plan *p = rg_plan_new(path);
  for (int i = 0; i < n; i++) {
    int k = rg_plan_add_task(p, t[i][0], t[i][1], -1, -1, i + 1);
    rg_plan_link(p, k, rg_plan_intern_unit(p, t[i][2], RG_KIND_UNIT, i + 1), RG_ROLE_LEAD, i + 1);
    if (t[i][3])
      rg_plan_link(p, k, rg_plan_intern_unit(p, t[i][3], RG_KIND_UNIT, i + 1), RG_ROLE_SUPPORT,
                   i + 1);
  }
  rg_plan_finalize(p);
  return p;
}

/* hub leads four tasks, each with one leaf; a collective and a generic ride
 * along on the first two tasks. */
static inline rg_plan *fx_star(void) {
  static const fx_task t[] = {
      {"1", 0, {"*hub", "a", "!各区政府", NULL}},
      {"2", 0, {"*hub", "b", "?有关部门", NULL}},
      {"3", 1, {"*hub", "c", NULL}},
      {"4", 1, {"*hub", "d", NULL}},
  };
  return fx_plan(t, 4);
}

/* a - b = c - d: b and c share tasks 2 and 4. */
static inline rg_plan *fx_path(void) {
  static const fx_task t[] = {
      {"1", 0, {"*a", "b", NULL}},
      {"2", 0, {"*b", "c", NULL}},
      {"3", 1, {"*c", "d", NULL}},
      {"4", 1, {"*c", "b", NULL}},
  };
  return fx_plan(t, 4);
}

/* two triangles (one three-unit task each) joined by the a3-b1 bridge task. */
static inline rg_plan *fx_triangles(void) {
  static const fx_task t[] = {
      {"1", 0, {"*a1", "a2", "a3", NULL}},
      {"2", 1, {"*b1", "b2", "b3", NULL}},
      {"3", 1, {"*a3", "b1", NULL}},
  };
  return fx_plan(t, 3);
}

/* a ring of n units: task i links unit i (lead) and unit i+1 mod n. */
static inline rg_plan *fx_ring(int n) {
  rg_plan *p = rg_plan_new("ring");
  rg_plan_add_chapter(p, "一", "ring", 1);
  char a[32], b[32], num[32];
  for (int i = 0; i < n; i++) {
    snprintf(num, sizeof num, "%d", i + 1);
    snprintf(a, sizeof a, "u%04d", i);
    snprintf(b, sizeof b, "u%04d", (i + 1) % n);
    int t = rg_plan_add_task(p, num, "text", 0, -1, i + 1);
    rg_plan_link(p, t, rg_plan_intern_unit(p, a, RG_KIND_UNIT, i + 1), RG_ROLE_LEAD, i + 1);
    rg_plan_link(p, t, rg_plan_intern_unit(p, b, RG_KIND_UNIT, i + 1), RG_ROLE_SUPPORT, i + 1);
  }
  rg_plan_finalize(p);
  return p;
}

#endif
