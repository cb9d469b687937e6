/* report_json.h - report.json: everything in one JSON document.
 *
 * The schema of report.json ("schema": "respgraph-report/1") is described in
 * NOTES.md. Tasks are referred to by their
 * 0-based index in "tasks", units by canonical name. Built with jansson;
 * keys keep insertion order. */
#ifndef RG_REPORT_JSON_H
#define RG_REPORT_JSON_H

#include <jansson.h>

#include "report_data.h"
#include "table.h"

/* The whole report as a JSON object (new reference). O(size of the report). */
json_t *rg_report_json(const rg_report_data *d);

#endif
