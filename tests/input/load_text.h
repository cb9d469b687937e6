/* load_text.h - a text plan from a string, parsed, finalised and checked,
 * for the input suites (test_text_parser.c, test_items.c). Free with
 * rg_plan_free. */
#ifndef RG_TEST_LOAD_TEXT_H
#define RG_TEST_LOAD_TEXT_H

#include <criterion/criterion.h>
#include <string.h>

#include "load.h"
#include "plan.h"

static inline rg_plan *load_text(const char *text) {
  rg_plan *p = rg_plan_new("mem.txt");
  rg_error err;
  rg_status st = rg_plan_parse_buffer(p, text, strlen(text), RG_INPUT_TEXT, NULL, &err);
  cr_assert_eq(st, RG_OK, "parse failed: %s", err.msg);
  rg_plan_finalize(p);
  rg_plan_check(p);
  return p;
}

#endif
