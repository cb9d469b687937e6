/* container_check.h - the invariants every container harness checks on a
 * plan read by rg_container_parse. */
#ifndef RG_FUZZ_CONTAINER_CHECK_H
#define RG_FUZZ_CONTAINER_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "container.h"
#include "plan.h"

static void read_and_check(const char *path, const char *data, size_t len) {
  rg_plan *p = rg_plan_new(path);
  rg_error err;
  rg_error_clear(&err);
  rg_status st = rg_container_parse(p, data, len, NULL, &err);
  if (st) {
    if (!err.msg[0] || strchr(err.msg, '\n')) { /* one line, never empty */
      fprintf(stderr, "bad message: [%s]\n", err.msg);
      abort();
    }
  } else {
    rg_plan_finalize(p);
    rg_plan_check(p);
    if (p->n_tasks < 1) abort();
    char buf[24];
    for (int i = 0; i < p->n_tasks; i++)
      if (p->tasks[i].line < 1 || p->tasks[i].line > p->n_locs) abort();
    for (int i = 0; i < p->n_links; i++) {
      const rg_link *l = &p->links[i];
      if (l->task < 0 || l->task >= p->n_tasks || l->unit < 0 || l->unit >= p->n_units) abort();
      if (l->line < 1 || l->line > p->n_locs || !rg_plan_loc(p, l->line, buf, sizeof buf)[0])
        abort();
    }
    for (int i = 0; i < p->n_units; i++)
      if (!p->units[i].name[0]) abort();
  }
  rg_plan_free(p);
}

#endif
