/* text_parser.h - the plain-text layout of a task-division plan.
 *
 * Reads lines (already UTF-8, any width) and fills the plan: metadata,
 * chapters (一、), sections (（一）), numbered tasks (1. / 1、 / （1）), lines
 * labelled 牵头单位/责任单位/..., and inline role notes at the end of an item
 * (（牵头单位：A，配合单位：B） or （A牵头，B按职责分工负责）). Page chrome is
 * skipped. O(total length of the lines). */
#ifndef RG_TEXT_PARSER_H
#define RG_TEXT_PARSER_H

#include "plan.h"
#include "source.h"

/* Parse lines into plan. Fails (RG_EINPUT, with the file name) only when no
 * numbered task is found. */
rg_status rg_text_parse(rg_plan *plan, const rg_lines *lines, rg_error *err);

#endif
