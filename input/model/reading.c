/* reading.c - the record of how a plan was read (see reading.h). */
#include "reading.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

const char *rg_level_name(rg_level level) {
  static const char *const NAMES[] = {"unknown", "national", "provincial",
                                      "city",    "county",   "district"};
  return level > RG_LEVEL_UNKNOWN && level <= RG_LEVEL_DISTRICT ? NAMES[level] : NAMES[0];
}

rg_reading *rg_reading_of(rg_plan *plan) {
  if (!plan->reading) plan->reading = rg_xcalloc(1, sizeof *plan->reading);
  return plan->reading;
}

void rg_reading_free(rg_reading *r) {
  if (!r) return;
  free(r->conv);
  free(r->headers);
  free(r->ev);
  free(r->accept);
  free(r->short_name);
  free(r->short_unit);
  if (r->memo_free) r->memo_free(r->memo);
  free(r);
}

int rg_reading_add_convention(rg_plan *plan, const rg_convention *c) {
  rg_reading *r = rg_reading_of(plan);
  RG_GROW(r->conv, r->cap_conv, (size_t)r->n_conv + 1);
  rg_convention *d = &r->conv[r->n_conv];
  *d = *c;
  d->text = rg_plan_strdup(plan, c->text);
  d->unit = rg_plan_strdup(plan, c->unit);
  return r->n_conv++;
}

void rg_reading_add_header(rg_plan *plan, const char *header, const char *meaning) {
  rg_reading *r = rg_reading_of(plan);
  RG_GROW(r->headers, r->cap_headers, (size_t)r->n_headers + 1);
  r->headers[r->n_headers].header = rg_plan_strdup(plan, header);
  r->headers[r->n_headers].meaning = rg_plan_strdup(plan, meaning);
  r->n_headers++;
}

void rg_reading_event_add(rg_plan *plan, int task, long line, const char *name, int unit,
                          rg_role role, const char *how, const char *why) {
  rg_reading *r = rg_reading_of(plan);
  if (!r->record) return;
  RG_GROW(r->ev, r->cap_ev, (size_t)r->n_ev + 1);
  rg_reading_event *e = &r->ev[r->n_ev++];
  e->task = task;
  e->line = line;
  e->name = rg_plan_strdup(plan, name);
  e->unit = unit;
  e->role = role;
  e->how = rg_plan_strdup(plan, how);
  e->why = rg_plan_strdup(plan, why ? why : "");
}

void rg_reading_accept(rg_plan *plan, const char *name) {
  rg_reading *r = rg_reading_of(plan);
  char *n = rg_nfkc(name, strlen(name));
  RG_GROW(r->accept, r->cap_accept, (size_t)r->n_accept + 1);
  r->accept[r->n_accept++] = rg_plan_strdup(plan, n ? n : name);
  free(n);
}

int rg_reading_accepts(const rg_plan *plan, const char *name) {
  const rg_reading *r = plan->reading;
  if (!r) return 0;
  for (int i = 0; i < r->n_accept; i++)
    if (!strcmp(r->accept[i], name)) return 1;
  return 0;
}

void rg_reading_add_short(rg_plan *plan, const char *short_name, int unit) {
  rg_reading *r = rg_reading_of(plan);
  if (rg_reading_short(plan, short_name) >= 0) return;
  RG_GROW(r->short_name, r->cap_short, (size_t)r->n_short + 1);
  RG_GROW(r->short_unit, r->cap_short_unit, (size_t)r->n_short + 1);
  r->short_name[r->n_short] = rg_plan_strdup(plan, short_name);
  r->short_unit[r->n_short++] = unit;
}

int rg_reading_short(const rg_plan *plan, const char *name) {
  const rg_reading *r = plan->reading;
  if (!r) return -1;
  for (int i = 0; i < r->n_short; i++)
    if (!strcmp(r->short_name[i], name)) return r->short_unit[i];
  return -1;
}
