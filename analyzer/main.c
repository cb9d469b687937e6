/* main.c - the respgraph command line: the only file that sees every module.
 *
 * Each subcommand is one function: load the plan (input/), build what it
 * needs (graphs/, analyzer/) and write it (output/). Exit codes: 0 ok,
 * 1 bad input or failed output, 2 usage. Every message starts "respgraph:". */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <igraph.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analysis_out.h"
#include "analyze.h"
#include "diagram.h"
#include "report.h"
#include "report_json.h"
#include "load.h"
#include "meetings.h"
#include "meetings_out.h"
#include "plan.h"
#include "plan_out.h"
#include "roster.h"
#include "table.h"
#include "unavailable.h"

enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2 };

/* Long-only options get values above the ASCII range. */
enum {
  OPT_FORMAT = 'f',
  OPT_OUTPUT = 'o',
  OPT_HELP = 'h',
  OPT_INPUT_FORMAT = 256,
  OPT_COLUMNS,
  OPT_ROSTER,
  OPT_LEAD_WEIGHT,
  OPT_SUPPORT_WEIGHT,
  OPT_WEIGHTING,
  OPT_MIN_SHARED,
  OPT_RESOLUTION,
  OPT_SEED,
  OPT_EXACT,
  OPT_VIEW,
  OPT_ENGINE,
  OPT_FONT,
  OPT_LANG,
  OPT_WIDTH,
  OPT_MAX_ATTENDEES,
  OPT_MAX_AGENDA,
  OPT_ROOMS,
  OPT_EXCLUDE_UNIT,
  OPT_CHAPTER,
  OPT_UNIT,
  OPT_UNAVAILABLE,
  OPT_ICS,
  OPT_START,
  OPT_SLOT_MINUTES,
  OPT_USE_CLUSTERS,
  OPT_ACCEPT_UNIT,
  OPT_EXPLAIN,
};

typedef struct cli {
  const char *cmd;
  const char *plan_path;
  const char *out_path;
  rg_format format;
  rg_load_opts load;
  const char *roster;
  rg_analysis_opts analysis;
  rg_diagram_opts diagram;
  const char *lang;
  int writes_files; /* -o names a file or folder the command writes itself */
  /* meetings */
  rg_meeting_opts meetings;
  const char **exclude_units; /* --exclude-unit, n_exclude of them */
  int n_exclude;
  const char *only_unit;      /* --unit */
  const char *unavailable;    /* --unavailable FILE */
  const char *ics_path;       /* --ics FILE */
  int have_start;
  rg_ics_opts ics;
  int use_clusters;
  /* reading */
  const char **accept_units; /* --accept-unit, n_accept of them (+ roster names) */
  int n_accept;
  const char *explain;       /* check --explain TASK */
} cli;

typedef struct command {
  const char *name;
  int (*run)(cli *c, rg_plan *plan, FILE *out);
  const char *summary;
  const char *help;
} command;

/* Parse a finite real >= min for option name; print why not and return 0. */
static int parse_real(const char *s, const char *name, double min, double *out) {
  char *end;
  errno = 0;
  double v = strtod(s, &end);
  if (errno || *end || !*s || !isfinite(v) || v < min) {
    fprintf(stderr, "respgraph: %s takes a number of at least %g, not '%s'\n", name, min, s);
    return 0;
  }
  *out = v;
  return 1;
}

static void say_error(const rg_error *e) {
  char buf[1200];
  rg_error_format(e, buf, sizeof buf);
  fprintf(stderr, "respgraph: %s\n", buf);
}

/* ------------------------------------------------- parse, edges, check */

static int write_table(cli *c, rg_table *t, FILE *out) {
  rg_error err;
  rg_status st = rg_table_write(t, c->format, out, &err);
  rg_table_free(t);
  if (st) say_error(&err);
  return st ? EXIT_INPUT : EXIT_OK;
}

static int cmd_parse(cli *c, rg_plan *plan, FILE *out) {
  return write_table(c, rg_tasks_table(plan), out);
}

static int cmd_edges(cli *c, rg_plan *plan, FILE *out) {
  return write_table(c, rg_edges_table(plan), out);
}

/* How the plan was read (rg_reading_table), before the diagnostics:
 *   reading of PLAN
 *     format      text, UTF-8
 *     convention  line 14: first listed unit leads ... */
static void print_reading(const rg_plan *plan, FILE *out) {
  rg_table *t = rg_reading_table(plan);
  json_t *rows = rg_report_table_json(t);
  fprintf(out, "%s: how the plan was read\n", plan->path);
  size_t i;
  json_t *row;
  json_array_foreach(rows, i, row) {
    const char *item = json_string_value(json_object_get(row, "item"));
    long line = (long)json_integer_value(json_object_get(row, "line"));
    const char *text = json_string_value(json_object_get(row, "text"));
    if (line > 0)
      fprintf(out, "  %-11s line %ld: %s\n", item, line, text);
    else
      fprintf(out, "  %-11s %s\n", item, text);
  }
  json_decref(rows);
  rg_table_free(t);
}

/* check --explain TASK: how every name of one task was read. */
static int explain_task(cli *c, rg_plan *plan, FILE *out) {
  int t = rg_task_lookup(plan, c->explain);
  if (t < 0) {
    fprintf(stderr, "respgraph: --explain: the plan has no task '%s' (task ids are as `respgraph "
                    "parse` lists them: %s ... %s)\n",
            c->explain, plan->n_tasks ? plan->tasks[0].number : "-",
            plan->n_tasks ? plan->tasks[plan->n_tasks - 1].number : "-");
    return EXIT_USAGE;
  }
  const rg_task *k = &plan->tasks[t];
  if (c->format == RG_FMT_TABLE)
    fprintf(out, "%s:%ld: task %s: %s\n", plan->path, k->line, k->number, k->text);
  return write_table(c, rg_explain_table(plan, t), out);
}

static int cmd_check(cli *c, rg_plan *plan, FILE *out) {
  if (c->explain) return explain_task(c, plan, out);
  if (c->format != RG_FMT_TABLE) return write_table(c, rg_diags_table(plan), out);
  print_reading(plan, out);
  /* compiler style: FILE:LINE: warning: message [code] */
  int *order = rg_diags_by_line(plan);
  for (int i = 0; i < plan->n_diags; i++) {
    const rg_diag *d = &plan->diags[order[i]];
    if (d->line > 0)
      fprintf(out, "%s:%ld: %s: %s [%s]\n", plan->path, d->line, rg_severity_name(d->severity),
              d->message, d->code);
    else /* not tied to a line: no ":0" */
      fprintf(out, "%s: %s: %s [%s]\n", plan->path, rg_severity_name(d->severity), d->message,
              d->code);
  }
  free(order);
  if (ferror(out)) {
    fprintf(stderr, "respgraph: cannot write output\n");
    return EXIT_INPUT;
  }
  return EXIT_OK;
}

/* ------------------------------------------------------- analyses */

/* Run the analyses and hand the results to one writer. */
static int with_results(cli *c, rg_plan *plan, FILE *out,
                        rg_status (*write)(const rg_plan *, const rg_results *, rg_format, FILE *,
                                           rg_error *)) {
  rg_results r;
  rg_error err;
  rg_error_clear(&err);
  rg_status st = rg_analyze(plan, &c->analysis, &r, &err);
  if (!st) st = write(plan, &r, c->format, out, &err);
  rg_results_free(&r);
  if (st) say_error(&err);
  return st == RG_EUSAGE ? EXIT_USAGE : st ? EXIT_INPUT : EXIT_OK;
}

static int cmd_units(cli *c, rg_plan *plan, FILE *out) {
  return with_results(c, plan, out, rg_out_units);
}
static int cmd_ties(cli *c, rg_plan *plan, FILE *out) {
  return with_results(c, plan, out, rg_out_ties);
}
static int cmd_clusters(cli *c, rg_plan *plan, FILE *out) {
  return with_results(c, plan, out, rg_out_clusters);
}
static int cmd_overload(cli *c, rg_plan *plan, FILE *out) {
  return with_results(c, plan, out, rg_out_overload);
}
static int cmd_collectives(cli *c, rg_plan *plan, FILE *out) {
  rg_error err;
  rg_status st = rg_out_collectives(plan, c->format, out, &err);
  if (st) say_error(&err);
  return st ? EXIT_INPUT : EXIT_OK;
}

static void versions(char *buf, size_t size) {
  snprintf(buf, size, "respgraph %s; igraph %s", RG_VERSION, IGRAPH_VERSION);
}

static int cmd_diagram(cli *c, rg_plan *plan, FILE *out) {
  (void)out;
  if (!c->out_path || !strcmp(c->out_path, "-")) {
    fprintf(stderr, "respgraph: diagram needs -o FILE (.svg, .png, .pdf or .dot)\n");
    return EXIT_USAGE;
  }
  if (!rg_diagram_format_of(c->out_path)) {
    fprintf(stderr, "respgraph: %s: the file name must end in .svg, .png, .pdf or .dot\n",
            c->out_path);
    return EXIT_USAGE;
  }
  rg_results r;
  rg_error err;
  rg_error_clear(&err);
  rg_status st = rg_analyze(plan, &c->analysis, &r, &err);
  if (!st) {
    c->diagram.seed = c->analysis.seed;
    c->diagram.lang = c->lang;
    st = rg_diagram_render(plan, &r, &c->diagram, c->out_path, &err);
  }
  rg_results_free(&r);
  if (st) say_error(&err);
  return st == RG_EUSAGE ? EXIT_USAGE : st ? EXIT_INPUT : EXIT_OK;
}

static int cmd_report(cli *c, rg_plan *plan, FILE *out) {
  (void)out;
  rg_results r;
  rg_error err;
  rg_error_clear(&err);
  rg_report_opts ro;
  rg_report_opts_init(&ro);
  char vers[256];
  versions(vers, sizeof vers);
  char *dir = c->out_path ? NULL : rg_report_default_dir(plan->path);
  ro.dir = c->out_path ? c->out_path : dir;
  ro.lang = c->lang;
  ro.versions = vers;
  ro.progress = isatty(2);
  rg_status st = rg_analyze(plan, &c->analysis, &r, &err);
  /* the 会议安排 section and sheet: meetings with the caps given
   * (--max-attendees, --max-agenda, --rooms) */
  rg_meeting_plan mp = {0};
  rg_table *mt = NULL;
  rg_report_extra extra;
  if (!st) st = rg_meetings_plan(plan, &c->meetings, &mp, &err);
  if (!st) {
    int en = c->lang && !strcmp(c->lang, "en");
    mt = rg_meetings_table(plan, &mp, -1);
    extra.id = "meetings";
    extra.title = en ? "Joint meetings" : "会议安排";
    extra.note = rg_plan_printf(
        plan,
        en ? "%d coordination tasks (at least two concrete units) in %d meetings (one per task "
             "would be %d) over %d time slots (lower bound %d); %d seats in all. Caps: %d "
             "attendees, %d tasks per meeting. Details: respgraph meetings."
           : "%d 项协同任务（至少两个具体单位）安排为 %d 次联席会议（逐项开会需 %d 次），"
             "共 %d 个时段（下界 %d），合计 %d 人次。上限：每次 %d 个单位、%d 项议题。"
             "详见 respgraph meetings。",
        mp.coordination_tasks, mp.n_meetings, mp.naive_meetings, mp.slots, mp.lower_bound,
        mp.seats, mp.opts.max_attendees, mp.opts.max_agenda);
    extra.table = mt;
    ro.extras = &extra;
    ro.n_extras = 1;
    st = rg_report_write(plan, &r, &ro, &err);
  }
  if (!st) printf("%s/index.html\n", ro.dir);
  rg_table_free(mt);
  rg_meeting_plan_free(&mp);
  rg_results_free(&r);
  free(dir);
  if (st) say_error(&err);
  return st == RG_EUSAGE ? EXIT_USAGE : st ? EXIT_INPUT : EXIT_OK;
}

#define ANALYSIS_HELP                                                                              \
  "Analyses run on concrete units (kind unit); collectives and generics are left\n"               \
  "out unless --roster expands them into members.\n"                                              \
  "\n"                                                                                            \
  "  load         W_lead*led + W_support*supported (--lead-weight, --support-weight)\n"            \
  "  fractional   each task's role weight split 1/k among its k concrete units\n"                 \
  "  burden       sum over its tasks of (k_t - 1): partners it must coordinate with\n"            \
  "  overloaded   load > Q3 + 1.5*IQR of all units' loads (Tukey's fence)\n"                      \
  "  partners     distinct co-owning units (degree in the projection)\n"                          \
  "  strength     sum of tie weights (w = shared tasks, or Newman's sum 1/(k_t-1))\n"              \
  "  betweenness  shortest paths with length 1/w, normalised by (n-1)(n-2)/2\n"                   \
  "  harmonic     mean of 1/distance to every other unit, length 1/w\n"                           \
  "  eigenvector  leading eigenvector of the weighted projection, max 1\n"                        \
  "  pagerank     PageRank, damping 0.85, weights w\n"                                             \
  "  constraint   Burt's constraint (high: ties concentrated on few partners)\n"                  \
  "  coreness     k-core number, unweighted\n"                                                     \
  "  cluster      Leiden communities maximising modularity (--resolution, --seed)\n"    \
  "A unit without ties has constraint nan (JSON null) and cluster -1. Above 5000\n"         \
  "concrete units, betweenness and harmonic are estimated from 256 sampled units\n"         \
  "(the output says so); --exact computes them exactly.\n"

/* ------------------------------------------------------------ meetings */

static int cmd_meetings(cli *c, rg_plan *plan, FILE *out) {
  rg_error err;
  rg_error_clear(&err);
  int rc = EXIT_OK, only = -1;
  int *exclude = rg_xcalloc((size_t)c->n_exclude + 1, sizeof *exclude);
  int *cluster_of = NULL;
  rg_unavail_list un = {0};
  rg_meeting_plan mp = {0};
  rg_status st = RG_OK;
  for (int i = 0; i < c->n_exclude; i++)
    if ((exclude[i] = rg_unit_lookup(plan, c->exclude_units[i])) < 0) {
      fprintf(stderr, "respgraph: --exclude-unit: the plan names no unit '%s'\n", c->exclude_units[i]);
      rc = EXIT_USAGE;
      goto done;
    }
  if (c->only_unit && (only = rg_unit_lookup(plan, c->only_unit)) < 0) {
    fprintf(stderr, "respgraph: --unit: the plan names no unit '%s'\n", c->only_unit);
    rc = EXIT_USAGE;
    goto done;
  }
  if (c->unavailable && (st = rg_unavailable_read(c->unavailable, plan, &un, &err))) goto done;
  if (c->use_clusters) {
    rg_results r;
    if ((st = rg_analyze(plan, &c->analysis, &r, &err))) goto done;
    cluster_of = rg_xmalloc(((size_t)plan->n_units + 1) * sizeof *cluster_of);
    for (int u = 0; u < plan->n_units; u++)
      cluster_of[u] = r.row_of_unit[u] >= 0 ? r.units[r.row_of_unit[u]].cluster : -1;
    rg_results_free(&r);
  }
  c->meetings.exclude = exclude;
  c->meetings.n_exclude = c->n_exclude;
  c->meetings.unavailable = un.items;
  c->meetings.n_unavailable = un.n;
  c->meetings.cluster_of_unit = cluster_of;
  if ((st = rg_meetings_plan(plan, &c->meetings, &mp, &err))) goto done;
  if ((st = rg_meetings_write(plan, &mp, only, c->format, out, &err))) goto done;
  if (c->ics_path) {
    FILE *f = fopen(c->ics_path, "wb");
    if (!f) {
      st = rg_error_set(&err, RG_ESYS, c->ics_path, 0, 0, "cannot open for writing");
      goto done;
    }
    st = rg_meetings_write_ics(plan, &mp, only, &c->ics, f, &err);
    if (fclose(f) != 0 && !st) st = rg_error_set(&err, RG_ESYS, c->ics_path, 0, 0, "write failed");
  }
done:
  if (st) {
    say_error(&err);
    rc = st == RG_EUSAGE ? EXIT_USAGE : EXIT_INPUT;
  }
  rg_meeting_plan_free(&mp);
  rg_unavailable_destroy(&un);
  free(cluster_of);
  free(exclude);
  return rc;
}

/* ------------------------------------------------------------ table */

static const command COMMANDS[] = {
    {"parse", cmd_parse, "tasks with chapter, section, leads and supports",
     "Lists every task: number as printed, ordinal, chapter and section numbers,\n"
     "lead and support units (canonical names), whether its unit list is open\n"
     "(等有关部门), deadline, source line and text.\n"},
    {"edges", cmd_edges, "one row per task-unit link (task,role,unit,kind)",
     "One row per task-unit link. CSV header: task,role,unit,kind,chapter,line.\n"
     "role is lead or support; kind is unit (a concrete body), collective (a named\n"
     "set such as 各区、县(市)政府) or generic (有关部门). The CSV reads back into\n"
     "respgraph as a plan (long form).\n"},
    {"check", cmd_check, "how the plan was read, then diagnostics: FILE:LINE: warning: ...",
     "First how the plan was read: format and encoding, the document's level and\n"
     "where it comes from, each convention the plan states (排在第一位的部门为牵头\n"
     "部门) with its line, the meaning given to each table header, and the counts\n"
     "of tasks, links and names kept out. Then compiler-style diagnostics with\n"
     "source line numbers: tasks with no lead or no units, duplicate task numbers,\n"
     "units named both lead and support, unrecognised labels, and names that do\n"
     "not look like a body (suspect-unit: left out of every analysis; --accept-unit\n"
     "NAME lets one in). Exit 0 even when there are warnings. -f csv|json gives the\n"
     "diagnostics only.\n"
     "check options:\n"
     "      --explain TASK      how every name of one task was read and which rule\n"
     "                          gave its role (TASK as `respgraph parse` lists it)\n"},
    {"units", cmd_units, "per-unit load, centrality, cluster and overload flag",
     "One row per concrete unit, by load (ties by name). CSV columns begin\n"
     "unit,kind,led,supported,load,partners,strength,betweenness,harmonic,\n"
     "eigenvector,pagerank,constraint,coreness,cluster,overloaded.\n\n" ANALYSIS_HELP},
    {"ties", cmd_ties, "co-ownership ties between units, with their tasks",
     "One row per pair of concrete units that share tasks: unit_a,unit_b,weight,\n"
     "tasks (the shared task numbers: the evidence for the tie).\n\n" ANALYSIS_HELP},
    {"clusters", cmd_clusters, "groups of units that share tasks (Leiden)",
     "Co-ownership clusters: Leiden on the weighted projection with the modularity\n"
     "objective. JSON: modularity, seed, clusters[] {id, units[], tasks[],\n"
     "crossing_tasks[], bridges[]}.\n\n" ANALYSIS_HELP},
    {"overload", cmd_overload, "overloaded units with the reasons",
     "Units whose weighted load exceeds Tukey's fence Q3 + 1.5*IQR, with z-score,\n"
     "rank, the chapters that drive the load and a reason a reader can check.\n\n" ANALYSIS_HELP},
    {"diagram", cmd_diagram, "coordination diagram (svg, png, pdf or dot) with Graphviz",
     "respgraph diagram PLAN --view V -o FILE; the format comes from FILE's extension.\n"
     "Views:\n"
     "  collab      the co-ownership network: node area ~ load, fill = cluster,\n"
     "              overloaded units outlined in red, edge width ~ shared tasks\n"
     "  ego=UNIT    one unit, its partners and the tasks they share (lead links\n"
     "              solid and bold, support links dashed)\n"
     "  cluster=N   one cluster's units and tasks\n"
     "  chapter=N   one chapter's tasks by section, and their units\n"
     "  clusters    every cluster as a box, ties between clusters summarised\n"
     "diagram options:\n"
     "      --view V        collab (default), ego=UNIT, cluster=N, chapter=N, clusters\n"
     "      --engine E      dot, neato, fdp, sfdp, circo or twopi (default per view)\n"
     "      --font F        font family (default WenQuanYi Micro Hei)\n"
     "      --min-shared N  hide ties with fewer shared tasks (default: chosen so the\n"
     "                      picture stays readable; the legend states it)\n"
     "      --width PX      PNG width in pixels (default 1920)\n"
     "      --lang zh|en    legend language\n"},
    {"report", cmd_report, "the report: HTML page, Excel workbook, JSON, CSV, GraphML",
     "respgraph report PLAN [-o DIR] writes DIR (default <plan name>-report/):\n"
     "index.html (self-contained, opens offline), report.xlsx, report.json, *.csv\n"
     "(UTF-8 with BOM), graph.graphml and diagrams/*.svg, then prints the path of\n"
     "index.html. --lang en writes it in English.\n\n" ANALYSIS_HELP},
    {"meetings", cmd_meetings, "joint meetings: who meets on which tasks, in which slot",
     "Plans joint meetings for the coordination tasks (tasks with at least two\n"
     "concrete units): every such task is on exactly one agenda; a meeting's\n"
     "attendees are all concrete units of its tasks; the convener leads most of\n"
     "its tasks (ties by name). Fewest meetings first, then fewest seats (sum of\n"
     "attendees), then fewest slots; each meeting says why its tasks are together.\n"
     "Slots: no unit in two meetings at once; S is compared with the lower bound\n"
     "LB = max(most meetings of one unit, ceil(meetings / rooms)).\n"
     "JSON: coordination_tasks, naive_meetings, seats, slots, lower_bound,\n"
     "meetings[] {id, slot, convener, attendees[], tasks[], reason, agenda[]}.\n"
     "CSV: one row per agenda item (id,slot,convener,attendees,task,text,reason).\n"
     "meetings options:\n"
     "      --max-attendees N   attendees per meeting (default 12; a task that alone\n"
     "                          needs more gets its own meeting)\n"
     "      --max-agenda N      tasks per meeting (default 8)\n"
     "      --rooms N           meetings that can share a slot (default unlimited)\n"
     "      --exclude-unit U    drop unit U from every task first (repeatable)\n"
     "      --chapter N         only the tasks of chapter N (1-based)\n"
     "      --unit U            show only the meetings U attends (planning is global)\n"
     "      --unavailable FILE  CSV unit,slot (header optional): U cannot meet then\n"
     "      --use-clusters      prefer grouping tasks of the same co-ownership cluster\n"
     "      --ics FILE          also write an iCalendar file (needs --start)\n"
     "      --start YYYY-MM-DD  first day of slot 1; slots fill working days (Mon-Fri)\n"
     "                          at 09:00, 10:45, 14:00, 15:45 with 90-minute slots\n"
     "      --slot-minutes N    slot length, 5-210 (default 90); a half day (09:00-12:30,\n"
     "                          14:00-17:30) holds floor(225 / (N + 15)) slots\n"},
    {"collectives", cmd_collectives, "collectives and generic units, and their tasks",
     "Named sets (各区、县(市)政府) and unspecified bodies (有关部门) with the tasks\n"
     "each appears in. They stay out of centrality unless --roster expands them.\n"},
    {NULL, NULL, NULL, NULL},
};

static void usage(FILE *f) {
  fprintf(f,
          "usage: respgraph COMMAND PLAN [options]\n"
          "\n"
          "Reads a task-division plan (分工方案) and analyses who is responsible for what.\n"
          "PLAN is a file (plain text, HTML or CSV; UTF-8 or GBK) or - for stdin.\n"
          "\n"
          "commands:\n");
  for (const command *c = COMMANDS; c->name; c++) fprintf(f, "  %-10s %s\n", c->name, c->summary);
  fprintf(f, "\nrespgraph COMMAND --help describes a command. Exit codes: 0 ok, 1 bad input,\n"
             "2 usage.\n");
}

static void command_help(const command *c) {
  printf("usage: respgraph %s PLAN [options]\n\n%s\n", c->name, c->help);
  printf("options:\n"
         "  -f, --format table|csv|json   output format (default table)\n"
         "  -o, --output FILE             write to FILE instead of stdout\n"
         "      --input-format auto|text|html|csv\n"
         "                                how to read PLAN (default: detect by content)\n"
         "      --columns lead=H,support=H,task=H,id=H,deadline=H\n"
         "                                CSV header names for other spreadsheets\n"
         "      --roster FILE             CSV collective,member: expand collectives\n"
         "      --accept-unit NAME        read NAME as a unit even if it does not look\n"
         "                                like a body (repeatable)\n"
         "analysis options:\n"
         "      --lead-weight W           weight of a led task in load (default 1)\n"
         "      --support-weight W        weight of a supported task (default 0.5)\n"
         "      --weighting count|newman  tie weight: shared tasks, or sum 1/(k_t-1)\n"
         "      --min-shared N            drop ties with fewer shared tasks (default 1)\n"
         "      --resolution G            Leiden modularity resolution (default 1)\n"
         "      --seed N                  random seed (default 20260125)\n"
         "      --exact                   exact betweenness/harmonic on large plans\n"
         "  -h, --help                    this help\n");
}

int main(int argc, char **argv) {
  igraph_set_error_handler(igraph_error_handler_ignore);
  igraph_set_warning_handler(igraph_warning_handler_ignore);
  if (argc < 2) {
    usage(stderr);
    return EXIT_USAGE;
  }
  if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
    usage(stdout);
    return EXIT_OK;
  }
  if (!strcmp(argv[1], "--version")) {
    printf("respgraph %s (igraph %s)\n", RG_VERSION, IGRAPH_VERSION);
    return EXIT_OK;
  }
  const command *cmd = NULL;
  for (const command *c = COMMANDS; c->name; c++)
    if (!strcmp(c->name, argv[1])) cmd = c;
  if (!cmd) {
    fprintf(stderr, "respgraph: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return EXIT_USAGE;
  }

  cli c = {.cmd = cmd->name, .format = RG_FMT_TABLE};
  rg_analysis_opts_init(&c.analysis);
  rg_diagram_opts_init(&c.diagram);
  rg_meeting_opts_init(&c.meetings);
  rg_ics_opts_init(&c.ics);
  const char *exclude_buf[argc + 1]; /* --exclude-unit values (at most argc) */
  c.exclude_units = exclude_buf;
  const char *accept_buf[argc + 1]; /* --accept-unit values (at most argc) */
  c.accept_units = accept_buf;
  c.writes_files = !strcmp(cmd->name, "diagram") || !strcmp(cmd->name, "report");
  static const struct option longopts[] = {
      {"format", required_argument, NULL, OPT_FORMAT},
      {"output", required_argument, NULL, OPT_OUTPUT},
      {"input-format", required_argument, NULL, OPT_INPUT_FORMAT},
      {"columns", required_argument, NULL, OPT_COLUMNS},
      {"roster", required_argument, NULL, OPT_ROSTER},
      {"lead-weight", required_argument, NULL, OPT_LEAD_WEIGHT},
      {"support-weight", required_argument, NULL, OPT_SUPPORT_WEIGHT},
      {"weighting", required_argument, NULL, OPT_WEIGHTING},
      {"min-shared", required_argument, NULL, OPT_MIN_SHARED},
      {"resolution", required_argument, NULL, OPT_RESOLUTION},
      {"seed", required_argument, NULL, OPT_SEED},
      {"exact", no_argument, NULL, OPT_EXACT},
      {"view", required_argument, NULL, OPT_VIEW},
      {"engine", required_argument, NULL, OPT_ENGINE},
      {"font", required_argument, NULL, OPT_FONT},
      {"lang", required_argument, NULL, OPT_LANG},
      {"width", required_argument, NULL, OPT_WIDTH},
      {"max-attendees", required_argument, NULL, OPT_MAX_ATTENDEES},
      {"max-agenda", required_argument, NULL, OPT_MAX_AGENDA},
      {"rooms", required_argument, NULL, OPT_ROOMS},
      {"exclude-unit", required_argument, NULL, OPT_EXCLUDE_UNIT},
      {"chapter", required_argument, NULL, OPT_CHAPTER},
      {"unit", required_argument, NULL, OPT_UNIT},
      {"unavailable", required_argument, NULL, OPT_UNAVAILABLE},
      {"ics", required_argument, NULL, OPT_ICS},
      {"start", required_argument, NULL, OPT_START},
      {"slot-minutes", required_argument, NULL, OPT_SLOT_MINUTES},
      {"use-clusters", no_argument, NULL, OPT_USE_CLUSTERS},
      {"accept-unit", required_argument, NULL, OPT_ACCEPT_UNIT},
      {"explain", required_argument, NULL, OPT_EXPLAIN},
      {"help", no_argument, NULL, OPT_HELP},
      {NULL, 0, NULL, 0},
  };
  optind = 2;
  int opt;
  while ((opt = getopt_long(argc, argv, "f:o:h", longopts, NULL)) != -1) {
    switch (opt) {
    case OPT_FORMAT: {
      int f = rg_format_parse(optarg);
      if (f < 0) {
        fprintf(stderr, "respgraph: --format takes table, csv or json, not '%s'\n", optarg);
        return EXIT_USAGE;
      }
      c.format = (rg_format)f;
      break;
    }
    case OPT_OUTPUT: c.out_path = optarg; break;
    case OPT_INPUT_FORMAT: {
      int f = rg_input_format_parse(optarg);
      if (f < 0) {
        fprintf(stderr, "respgraph: --input-format takes auto, text, html or csv, not '%s'\n",
                optarg);
        return EXIT_USAGE;
      }
      c.load.format = (rg_input_format)f;
      break;
    }
    case OPT_COLUMNS: c.load.columns = optarg; break;
    case OPT_ROSTER: c.roster = optarg; break;
    case OPT_LEAD_WEIGHT:
      if (!parse_real(optarg, "--lead-weight", 0, &c.analysis.lead_weight)) return EXIT_USAGE;
      break;
    case OPT_SUPPORT_WEIGHT:
      if (!parse_real(optarg, "--support-weight", 0, &c.analysis.support_weight))
        return EXIT_USAGE;
      break;
    case OPT_WEIGHTING:
      if (!strcmp(optarg, "count")) c.analysis.weighting = 0;
      else if (!strcmp(optarg, "newman")) c.analysis.weighting = 1;
      else {
        fprintf(stderr, "respgraph: --weighting takes count or newman, not '%s'\n", optarg);
        return EXIT_USAGE;
      }
      break;
    case OPT_MIN_SHARED: {
      double v;
      if (!parse_real(optarg, "--min-shared", 1, &v) || v != (int)v || v > 1e6) {
        fprintf(stderr, "respgraph: --min-shared takes a whole number of at least 1\n");
        return EXIT_USAGE;
      }
      if (!strcmp(cmd->name, "diagram")) c.diagram.min_shared = (int)v;
      else c.analysis.min_shared = (int)v;
      break;
    }
    case OPT_RESOLUTION:
      if (!parse_real(optarg, "--resolution", 0, &c.analysis.resolution)) return EXIT_USAGE;
      break;
    case OPT_SEED: {
      char *end;
      errno = 0;
      unsigned long v = strtoul(optarg, &end, 10);
      if (errno || *end || !*optarg || optarg[0] == '-') {
        fprintf(stderr, "respgraph: --seed takes a whole number, not '%s'\n", optarg);
        return EXIT_USAGE;
      }
      c.analysis.seed = v;
      break;
    }
    case OPT_EXACT: c.analysis.exact = 1; break;
    case OPT_VIEW: c.diagram.view = optarg; break;
    case OPT_ENGINE: c.diagram.engine = optarg; break;
    case OPT_FONT: c.diagram.font = optarg; break;
    case OPT_LANG:
      if (strcmp(optarg, "zh") && strcmp(optarg, "en")) {
        fprintf(stderr, "respgraph: --lang takes zh or en, not '%s'\n", optarg);
        return EXIT_USAGE;
      }
      c.lang = optarg;
      break;
    case OPT_WIDTH: {
      double v;
      if (!parse_real(optarg, "--width", 100, &v) || v > 20000) return EXIT_USAGE;
      c.diagram.width_px = (int)v;
      break;
    }
    case OPT_MAX_ATTENDEES:
    case OPT_MAX_AGENDA:
    case OPT_ROOMS:
    case OPT_CHAPTER:
    case OPT_SLOT_MINUTES: {
      static const struct { int opt; const char *name; int min, max; } lim[] = {
          {OPT_MAX_ATTENDEES, "--max-attendees", 2, 1000000}, {OPT_MAX_AGENDA, "--max-agenda", 1, 1000000},
          {OPT_ROOMS, "--rooms", 1, 1000000}, {OPT_CHAPTER, "--chapter", 1, 1000000},
          {OPT_SLOT_MINUTES, "--slot-minutes", 5, 210}};
      int k = 0;
      while (lim[k].opt != opt) k++;
      double v;
      if (!parse_real(optarg, lim[k].name, lim[k].min, &v)) return EXIT_USAGE;
      if (v != (int)v || v > lim[k].max) {
        fprintf(stderr, "respgraph: %s takes a whole number from %d to %d\n", lim[k].name,
                lim[k].min, lim[k].max);
        return EXIT_USAGE;
      }
      if (opt == OPT_MAX_ATTENDEES) c.meetings.max_attendees = (int)v;
      else if (opt == OPT_MAX_AGENDA) c.meetings.max_agenda = (int)v;
      else if (opt == OPT_ROOMS) c.meetings.rooms = (int)v;
      else if (opt == OPT_CHAPTER) c.meetings.chapter = (int)v;
      else c.ics.slot_minutes = (int)v;
      break;
    }
    case OPT_EXCLUDE_UNIT: c.exclude_units[c.n_exclude++] = optarg; break;
    case OPT_UNIT: c.only_unit = optarg; break;
    case OPT_UNAVAILABLE: c.unavailable = optarg; break;
    case OPT_ICS: c.ics_path = optarg; break;
    case OPT_START: {
      rg_error e;
      if (rg_ics_parse_date(optarg, &c.ics, &e)) {
        say_error(&e);
        return EXIT_USAGE;
      }
      c.have_start = 1;
      break;
    }
    case OPT_USE_CLUSTERS: c.use_clusters = 1; break;
    case OPT_ACCEPT_UNIT: c.accept_units[c.n_accept++] = optarg; break;
    case OPT_EXPLAIN:
      if (strcmp(cmd->name, "check")) {
        fprintf(stderr, "respgraph: --explain goes with check: respgraph check PLAN --explain TASK\n");
        return EXIT_USAGE;
      }
      c.explain = optarg;
      break;
    case OPT_HELP: command_help(cmd); return EXIT_OK;
    default:
      fprintf(stderr, "respgraph: see 'respgraph %s --help'\n", cmd->name);
      return EXIT_USAGE;
    }
  }
  if (optind != argc - 1) {
    fprintf(stderr, "respgraph: %s takes exactly one PLAN (a file, or - for stdin)\n", cmd->name);
    return EXIT_USAGE;
  }
  c.plan_path = argv[optind];
  if (c.ics_path && !c.have_start) {
    fprintf(stderr, "respgraph: --ics needs --start YYYY-MM-DD (the day of slot 1)\n");
    return EXIT_USAGE;
  }

  rg_error err;
  rg_error_clear(&err);
  rg_plan *plan = NULL;
  /* names let in as units: --accept-unit, and every name of the roster */
  char **roster_names = NULL;
  int n_roster = 0;
  if (c.roster && rg_roster_names(c.roster, &roster_names, &n_roster, &err)) {
    say_error(&err);
    return EXIT_INPUT;
  }
  const char **accept = rg_xcalloc((size_t)(c.n_accept + n_roster) + 1, sizeof *accept);
  for (int i = 0; i < c.n_accept; i++) accept[i] = c.accept_units[i];
  for (int i = 0; i < n_roster; i++) accept[c.n_accept + i] = roster_names[i];
  c.load.accept = accept;
  c.load.n_accept = c.n_accept + n_roster;
  c.load.record = c.explain != NULL;
  rg_status lst = rg_plan_load(c.plan_path, &c.load, &plan, &err);
  free(accept);
  for (int i = 0; i < n_roster; i++) free(roster_names[i]);
  free(roster_names);
  if (lst) {
    say_error(&err);
    return EXIT_INPUT;
  }
  if (c.roster && rg_roster_apply(plan, c.roster, &err)) {
    say_error(&err);
    rg_plan_free(plan);
    return EXIT_INPUT;
  }
  int rc = EXIT_OK;
  FILE *out = stdout;
  if (c.out_path && strcmp(c.out_path, "-") && !c.writes_files) {
    out = fopen(c.out_path, "w");
    if (!out) {
      fprintf(stderr, "respgraph: %s: cannot open for writing\n", c.out_path);
      rc = EXIT_INPUT;
      goto out;
    }
  }
  rc = cmd->run(&c, plan, out);
out:
  if (out && out != stdout && fclose(out) != 0 && rc == EXIT_OK) {
    fprintf(stderr, "respgraph: %s: write failed\n", c.out_path);
    rc = EXIT_INPUT;
  }
  if (out == stdout && fflush(stdout) != 0 && rc == EXIT_OK) {
    fprintf(stderr, "respgraph: write to stdout failed\n");
    rc = EXIT_INPUT;
  }
  rg_plan_free(plan);
  return rc;
}
