/* schema.h - every table respgraph writes, described once (output/schema.c).
 *
 * A newcomer looking for where a column of any output is defined reads
 * output/schema.c: each table (units, ties, clusters, cluster members,
 * tasks, links, diagnostics, meetings, agenda, how the plan was read, how
 * one task's names were read) is one rg_schema whose
 * columns carry their key, Chinese and English label, type, page digits,
 * workbook format and width, width class and guard (table.h); and each
 * output is one rg_view: which columns of which schema, in which order,
 * for which rows. Writers (table.c, xlsx.c, html.c, graphml.c,
 * report_json.c) render whatever view they are given.
 *
 * Some views still rename a column or change a label only so that the
 * outputs stay byte-identical to what earlier versions wrote (tasks.csv
 * says "number" where `respgraph parse` says "task"); each is marked in
 * schema.c and is a one-line edit.
 *
 * Make a table with rg_table_view(&rg_view_units, &src) and free it with
 * rg_table_free. */
#ifndef RG_SCHEMA_H
#define RG_SCHEMA_H

#include "table.h"

struct rg_results;
/* The name of cluster c of res (never a bare number), from the plan's own
 * words: the first clause of the chapter most of its tasks come from (at most
 * 12 characters) and its core units' short labels, e.g.
 * 建设现代化产业体系（发展改革委、工业和信息化局…）; "…" when it has more
 * members than the core. Without a chapter: 协作组（…）. Into buf. */
void rg_cluster_name(const rg_plan *plan, const struct rg_results *res, int c, char *buf,
                     size_t size);

/* What the column with key means, in Chinese (zh) or English, or NULL: the
 * workbook's 说明 sheet. */
const char *rg_column_definition(const char *key, int zh);

/* The schemas. */
extern const rg_schema rg_schema_units, rg_schema_ties, rg_schema_clusters, rg_schema_members,
    rg_schema_tasks, rg_schema_edges, rg_schema_diags, rg_schema_meetings, rg_schema_agenda,
    rg_schema_reading, rg_schema_explain, rg_schema_periods;

/* Command-line tables (terminal, CSV, JSON). */
extern const rg_view rg_view_units;          /* respgraph units */
extern const rg_view rg_view_overload;       /* respgraph overload: overloaded units only */
extern const rg_view rg_view_collectives;    /* respgraph collectives */
extern const rg_view rg_view_ties;           /* respgraph ties */
extern const rg_view rg_view_clusters;       /* respgraph clusters */
extern const rg_view rg_view_tasks;          /* respgraph parse */
extern const rg_view rg_view_edges;          /* respgraph edges (reads back as a plan) */
extern const rg_view rg_view_periods;        /* respgraph load --by quarter|month (src.tl) */
extern const rg_view rg_view_periods_report; /* the report's 按月负荷, 按季度负荷 */
extern const rg_view rg_view_lights;         /* report --as-of: tasks with a deadline, lit */
extern const rg_view rg_view_diags;          /* respgraph check -f csv|json: by line */
extern const rg_view rg_view_reading;        /* respgraph check: how the plan was read */
extern const rg_view rg_view_explain;        /* respgraph check --explain TASK (src.task) */
extern const rg_view rg_view_meetings;       /* respgraph meetings: one row per meeting */
extern const rg_view rg_view_meetings_en;    /* ... headed in English (--lang en) */
extern const rg_view rg_view_agenda_text;    /* a meeting notice's agenda */
extern const rg_view rg_view_agenda;         /* the report's 会议安排 section and sheet */
extern const rg_view rg_view_meetings_json;  /* meetings -f json */

/* The report: CSV files (units.csv, ties.csv, clusters.csv and edges.csv are
 * the command-line views). */
extern const rg_view rg_view_tasks_csv;

/* report.json arrays. */
extern const rg_view rg_view_json_tasks, rg_view_json_units, rg_view_json_other_units,
    rg_view_json_ties, rg_view_json_clusters, rg_view_json_diags, rg_view_json_reading;

/* report.xlsx sheets, in workbook order. */
extern const rg_view rg_view_sheet_tasks, rg_view_sheet_load, rg_view_sheet_centrality,
    rg_view_sheet_ties, rg_view_sheet_clusters, rg_view_sheet_diags, rg_view_sheet_reading,
    rg_view_sheet_links;

/* index.html tables. */
extern const rg_view rg_view_page_load, rg_view_page_centrality, rg_view_page_tasks,
    rg_view_page_diags, rg_view_page_reading;

/* graph.graphml: node and edge attributes. */
extern const rg_view rg_view_graphml_nodes, rg_view_graphml_edges;

/* Diagnostic indices sorted by line, stable; free() the array. */
int *rg_diags_by_line(const rg_plan *plan);

#endif
