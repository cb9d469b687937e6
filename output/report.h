/* report.h - the report for the people who decide: one directory holding
 * index.html, report.xlsx, report.json, CSVs, graph.graphml and diagrams/.
 *
 * `respgraph report PLAN [-o DIR] [--lang en]` calls rg_report_write() with a
 * finalised plan and the analyzer's results (analyzer/results.h). Everything
 * written is derived from those two plain structs; output/ never sees igraph,
 * so software versions that only main knows (igraph, Graphviz) come in as a
 * string in the options.
 *
 * Files written into opts->dir (created if missing). Each file is written
 * whole or not at all (outfile.h); a name inside the folder that is a link,
 * or a diagrams/ that is a link, is refused (RG_ESYS), so nothing is written
 * outside it; the folder is locked for the run (flock on .respgraph.lock: a
 * second run gets RG_ESYS at once); .respgraph-manifest lists what the run
 * wrote, and after a complete run the files of the earlier manifest (and any
 * diagrams/ego-u<N>.svg, the names of versions before the manifest) that this
 * run did not write are removed. Nothing
 * else in the folder is touched.
 *   index.html        self-contained page: inline CSS, JS and SVG, no fetch
 *   report.xlsx       sheets 任务 单位负荷 中心性 协作关系 聚类 诊断 (+ extras)
 *   report.json       everything, schema in NOTES.md
 *   units.csv ties.csv tasks.csv edges.csv   UTF-8 with BOM (+ <extra id>.csv)
 *   graph.graphml     the concrete-unit projection with unit attributes
 *   diagrams/collab.svg, diagrams/ego-<unit name>.svg (the name made safe for
 *                     any file system; report.json "diagrams" lists them)
 * Same plan, results and options -> the same bytes in every file (the xlsx
 * carries a fixed creation time, see rg_report_write).
 *
 * Ownership: nothing here keeps a pointer after returning; every string
 * comes from the plan, the results or the options (borrowed). */
#ifndef RG_REPORT_H
#define RG_REPORT_H

#include "error.h"
#include "plan.h"
#include "results.h"
#include "table.h"

/* An extra table shown as its own HTML section, workbook sheet, CSV file and
 * report.json key: the hook for later analyses (e.g. the 会议安排 of
 * analyzer/meetings.h, the view rg_view_agenda that main makes). Any table
 * works: a view of schema.c or one built with rg_table_new. */
typedef struct rg_report_extra {
  const char *id;        /* ASCII [a-z0-9_-]: anchor, "<id>.csv", JSON key */
  const char *title;     /* heading and sheet name (31 chars max in Excel) */
  const char *note;      /* a paragraph under the heading, or NULL */
  const rg_table *table; /* borrowed */
  const char *svg;       /* a chart drawn by respgraph (plans_chart.h), inline under the
                            note on the page only, or NULL; borrowed */
  int off_page;          /* 1: no section of the page (nor a link in its header): the
                            workbook sheet, the CSV and report.json only (按季度负荷, whose
                            months the page's 按月负荷 already shows) */
} rg_report_extra;

typedef struct rg_report_opts {
  const char *dir;               /* output directory; NULL = rg_report_default_dir(plan->path) */
  const char *lang;              /* "zh" (default, also for NULL) or "en" */
  const char *versions;          /* shown in the methods note, e.g. "respgraph 0.1.0; igraph
                                    0.10.2; Graphviz 2.42.2"; NULL = respgraph's only */
  int progress;                  /* 1: one line per step on stderr (main passes isatty(2)) */
  int ego_max_units;             /* draw per-unit ego diagrams only when the plan has at
                                    most this many concrete units; 0 = RG_REPORT_EGO_MAX,
                                    < 0 = never */
  int no_diagrams;               /* 1: do not call Graphviz at all (the page says so) */
  const rg_report_extra *extras; /* borrowed array, may be NULL */
  int n_extras;
  const struct rg_meeting_plan *meetings; /* borrowed, or NULL: with it the 会议安排 section
                                             gets a week calendar, each unit its meetings,
                                             and the folder notices.html and meetings.ics */
  const char *room;                       /* where the meetings are held, or NULL */
} rg_report_opts;

#define RG_REPORT_EGO_MAX 150
#define RG_REPORT_NAME_MAX                                                                         \
  180 /* bytes of a unit's name in its diagram's file name                                         \
         (file systems allow 255 a name) */

/* Zero opts and set the defaults above. */
void rg_report_opts_init(rg_report_opts *opts);

/* "<plan file name without directory and extension>-report"; "-" (stdin)
 * gives "plan-report". malloc'd, the caller frees. */
char *rg_report_default_dir(const char *plan_path);

/* Write the whole report. plan must be finalised and results computed on it.
 * RG_EUSAGE for a bad language; RG_ESYS when a file or directory cannot be
 * written, the folder is locked by another run, a name in it is a link, or
 * Graphviz fails, with err naming the file. On failure the files already
 * renamed into place are whole, the others are the earlier run's. Cost: O(tasks + links + ties +
 * units x chapters) plus Graphviz layouts (one collab, one ego per unit). */
rg_status rg_report_write(const rg_plan *plan, const rg_results *results,
                          const rg_report_opts *opts, rg_error *err);

#endif
