/* report_json.h - report.json (everything in one JSON document) and the CSV tables.
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

/* An rg_table's rows as a JSON array of objects (new reference; never NULL). */
json_t *rg_report_table_json(const rg_table *t);

/* tasks.csv: number,ordinal,chapter,text,lead,support,deadline,open_list,line
 * and edges.csv: the columns of `respgraph edges` (task,role,unit,kind,
 * chapter,line). units.csv, ties.csv and clusters.csv reuse analysis_out.h.
 * The caller frees them with rg_table_free. */
rg_table *rg_report_tasks_table(const rg_report_data *d);
rg_table *rg_report_edges_table(const rg_report_data *d);

#endif
