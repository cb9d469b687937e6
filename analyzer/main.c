/* main.c - the respgraph command line: the only file that sees every module.
 *
 * A command table (COMMANDS) records each command: the function that runs
 * it, the option groups it takes, what it writes (and whether -o names a
 * file or folder it writes itself) and its help. main picks the command,
 * parses the options it takes (any other option is a usage error), loads the
 * plan (input/), and runs the command, which builds what it needs (graphs/,
 * analyzer/) and writes it (output/). Every message starts "respgraph:";
 * every failure becomes an exit code through exit_code(): 0 ok, 1 bad
 * input, 2 usage, 3 system (an output could not be written, a library
 * failed). */
#include <errno.h>
#include <getopt.h>
#include <igraph.h>
#include <malloc.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "analysis_out.h"
#include "analyze.h"
#include "buf.h"
#include "calendar.h"
#include "diagram.h"
#include "escape.h"
#include "heatmap.h"
#include "load.h"
#include "meetings.h"
#include "meetings_out.h"
#include "merge.h"
#include "names.h"
#include "outfile.h"
#include "plan.h"
#include "plan_out.h"
#include "plans.h"
#include "plans_chart.h"
#include "plans_out.h"
#include "report.h"
#include "roster.h"
#include "schema.h"
#include "similar.h"
#include "table.h"
#include "timeline.h"
#include "unavailable.h"

/* Exit codes (README.md and NOTES.md list them). */
enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2, EXIT_SYSTEM = 3 };

/* The one mapping from a status to an exit code. */
static int exit_code(rg_status st) {
  switch (st) {
  case RG_OK:
    return EXIT_OK;
  case RG_EINPUT:
    return EXIT_INPUT;
  case RG_EUSAGE:
    return EXIT_USAGE;
  case RG_ESYS:
    return EXIT_SYSTEM;
  }
  return EXIT_SYSTEM;
}

/* Long-only options get values above the ASCII range. */
enum {
  OPT_FORMAT = 'f',
  OPT_OUTPUT = 'o',
  OPT_HELP = 'h',
  OPT_INPUT_FORMAT = 256,
  OPT_COLUMNS,
  OPT_SHEET,
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
  OPT_OVERHEAD_MINUTES,
  OPT_ITEM_MINUTES,
  OPT_MAX_PER_DAY,
  OPT_SESSIONS,
  OPT_ROOM,
  OPT_MIN_RELEVANCE,
  OPT_ACCEPT_UNIT,
  OPT_EXPLAIN,
  OPT_HEADERS,
  OPT_WIDE,
  OPT_TOP,
  OPT_SORT,
  OPT_MAX_TIES,
  OPT_EXCLUDE_TASK,
  OPT_MAX_TASK_UNITS,
  OPT_THREADS,
  OPT_BACKBONE,
  OPT_RENAMES,
  OPT_COMPARE,
  OPT_TREND,
  OPT_LEVEL,
  OPT_CITY,
  OPT_YEAR, /* deadlines (input/deadline.h, analyzer/timeline.h) */
  OPT_AS_OF,
  OPT_SOON_DAYS,
  OPT_BY,
};

/* Option groups: a command takes the groups in its table entry; -o, -h and
 * the reading options (G_READ) are taken by every command. */
enum {
  G_READ = 1u << 0,     /* --input-format --headers --sheet --roster --accept-unit */
  G_TABLE = 1u << 1,    /* -f --wide --top --sort --columns: the command prints a table */
  G_ANALYSIS = 1u << 2, /* --lead-weight --support-weight --weighting --min-shared
                           --resolution --seed --exact --max-ties --exclude-task
                           --max-task-units --threads */
  G_LANG = 1u << 3,     /* --lang */
  G_DIAGRAM = 1u << 4,  /* --view --engine --font --width */
  G_PLANNING = 1u << 5, /* meeting planning: --max-attendees --max-agenda --rooms --chapter
                           --overhead-minutes --item-minutes --max-per-day --start
                           --sessions --room */
  G_MEETINGS = 1u << 6, /* --exclude-unit --unavailable --ics */
  G_EXPLAIN = 1u << 7,  /* --explain: check */
  G_UNIT = 1u << 8,     /* --unit: the rows about one unit */
  G_BACKBONE = 1u << 9, /* --backbone: ties */
  G_RENAMES = 1u << 10, /* --renames: compare, report */
  G_PLANS = 1u << 11,   /* --compare --trend: report */
  G_AS_OF = 1u << 12,   /* --as-of --soon-days: the 督查督办 lights (parse, load, report) */
  G_BY = 1u << 13,      /* --by quarter|month: load */
};

typedef struct optdef {
  struct option opt;
  unsigned group;
} optdef;

/* A group of one command's own options: what to say when another gets one. */
static const struct {
  unsigned group;
  const char *say;
} OWN_OPTIONS[] = {
    {G_EXPLAIN, "--explain goes with check: respgraph check PLAN --explain TASK"},
    {G_BACKBONE, "--backbone goes with ties: respgraph ties PLAN --backbone"},
    {G_RENAMES, "--renames goes with compare, trend and report"},
};

static const optdef OPTIONS[] = {
    {{"format", required_argument, NULL, OPT_FORMAT}, G_TABLE},
    {{"output", required_argument, NULL, OPT_OUTPUT}, G_READ},
    {{"input-format", required_argument, NULL, OPT_INPUT_FORMAT}, G_READ},
    {{"wide", no_argument, NULL, OPT_WIDE}, G_TABLE},
    {{"top", required_argument, NULL, OPT_TOP}, G_TABLE},
    {{"sort", required_argument, NULL, OPT_SORT}, G_TABLE},
    /* --columns a,b,c picks a table's columns; --columns lead=H,... (with '=')
     * is the older spelling of --headers */
    {{"columns", required_argument, NULL, OPT_COLUMNS}, G_TABLE},
    {{"headers", required_argument, NULL, OPT_HEADERS}, G_READ},
    {{"sheet", required_argument, NULL, OPT_SHEET}, G_READ},
    {{"roster", required_argument, NULL, OPT_ROSTER}, G_READ},
    {{"accept-unit", required_argument, NULL, OPT_ACCEPT_UNIT}, G_READ},
    {{"explain", required_argument, NULL, OPT_EXPLAIN}, G_EXPLAIN},
    {{"lead-weight", required_argument, NULL, OPT_LEAD_WEIGHT}, G_ANALYSIS},
    {{"support-weight", required_argument, NULL, OPT_SUPPORT_WEIGHT}, G_ANALYSIS},
    {{"weighting", required_argument, NULL, OPT_WEIGHTING}, G_ANALYSIS},
    {{"min-shared", required_argument, NULL, OPT_MIN_SHARED}, G_ANALYSIS},
    {{"resolution", required_argument, NULL, OPT_RESOLUTION}, G_ANALYSIS},
    {{"seed", required_argument, NULL, OPT_SEED}, G_ANALYSIS},
    {{"exact", no_argument, NULL, OPT_EXACT}, G_ANALYSIS},
    {{"max-ties", required_argument, NULL, OPT_MAX_TIES}, G_ANALYSIS},
    {{"exclude-task", required_argument, NULL, OPT_EXCLUDE_TASK}, G_ANALYSIS},
    {{"max-task-units", required_argument, NULL, OPT_MAX_TASK_UNITS}, G_ANALYSIS},
    {{"threads", required_argument, NULL, OPT_THREADS}, G_ANALYSIS},
    {{"view", required_argument, NULL, OPT_VIEW}, G_DIAGRAM},
    {{"engine", required_argument, NULL, OPT_ENGINE}, G_DIAGRAM},
    {{"font", required_argument, NULL, OPT_FONT}, G_DIAGRAM},
    {{"width", required_argument, NULL, OPT_WIDTH}, G_DIAGRAM},
    {{"lang", required_argument, NULL, OPT_LANG}, G_LANG},
    {{"max-attendees", required_argument, NULL, OPT_MAX_ATTENDEES}, G_PLANNING},
    {{"max-agenda", required_argument, NULL, OPT_MAX_AGENDA}, G_PLANNING},
    {{"rooms", required_argument, NULL, OPT_ROOMS}, G_PLANNING},
    {{"chapter", required_argument, NULL, OPT_CHAPTER}, G_PLANNING},
    {{"exclude-unit", required_argument, NULL, OPT_EXCLUDE_UNIT}, G_MEETINGS},
    {{"unit", required_argument, NULL, OPT_UNIT}, G_UNIT},
    {{"backbone", no_argument, NULL, OPT_BACKBONE}, G_BACKBONE},
    {{"renames", required_argument, NULL, OPT_RENAMES}, G_RENAMES},
    {{"compare", required_argument, NULL, OPT_COMPARE}, G_PLANS},
    {{"level", required_argument, NULL, OPT_LEVEL}, G_READ},
    {{"city", required_argument, NULL, OPT_CITY}, G_READ},
    {{"trend", required_argument, NULL, OPT_TREND}, G_PLANS},
    {{"unavailable", required_argument, NULL, OPT_UNAVAILABLE}, G_MEETINGS},
    {{"ics", required_argument, NULL, OPT_ICS}, G_MEETINGS},
    {{"start", required_argument, NULL, OPT_START}, G_PLANNING},
    {{"overhead-minutes", required_argument, NULL, OPT_OVERHEAD_MINUTES}, G_PLANNING},
    {{"item-minutes", required_argument, NULL, OPT_ITEM_MINUTES}, G_PLANNING},
    {{"max-per-day", required_argument, NULL, OPT_MAX_PER_DAY}, G_PLANNING},
    {{"sessions", required_argument, NULL, OPT_SESSIONS}, G_PLANNING},
    {{"room", required_argument, NULL, OPT_ROOM}, G_PLANNING},
    {{"min-relevance", required_argument, NULL, OPT_MIN_RELEVANCE}, G_PLANNING},
    {{"help", no_argument, NULL, OPT_HELP}, G_READ},
    {{"year", required_argument, NULL, OPT_YEAR}, G_READ},
    {{"as-of", required_argument, NULL, OPT_AS_OF}, G_AS_OF},
    {{"soon-days", required_argument, NULL, OPT_SOON_DAYS}, G_AS_OF},
    {{"by", required_argument, NULL, OPT_BY}, G_BY},
};
#define N_OPTIONS ((int)(sizeof OPTIONS / sizeof OPTIONS[0]))

/* What a command writes: -o names the file or folder it writes itself
 * (writes_files), or a file that takes the place of stdout. */
typedef struct output {
  int writes_files;
  const char *o_help; /* the -o line of the command's help */
} output;

static const output OUT_TABLE = {
    0, "  -o, --output FILE             write to FILE instead of stdout\n"};
static const output OUT_DIAGRAM = {
    1, "  -o, --output FILE             the diagram: .svg, .png, .pdf or .dot\n"};
static const output OUT_REPORT = {
    1, "  -o, --output DIR              the report folder (default <plan name>-report)\n"};

typedef struct cli {
  const char *plan_path;   /* the first PLAN */
  const char **plan_paths; /* every PLAN, n_plans of them */
  int n_plans;
  rg_plan **plans;          /* as read, one per PLAN (compare, trend) */
  char **labels;            /* their labels (rg_plan_labels) */
  const char *renames;      /* compare --renames FILE */
  const char *level, *city; /* --level, --city: rg_level_text into load.level_text */
  const char *compare_path; /* report --compare OLD */
  const char **trend_paths; /* report --trend FILE (repeatable), n_trend of them */
  int n_trend;
  const char *out_path;
  rg_format format;
  rg_table_opts table; /* --wide --top --sort --columns */
  int backbone;        /* ties --backbone */
  rg_load_opts load;
  const char *roster;
  rg_analysis_opts analysis;
  rg_diagram_opts diagram;
  const char *lang;
  /* meetings */
  rg_meeting_opts meetings;
  const char **exclude_units; /* --exclude-unit, n_exclude of them */
  int n_exclude;
  const char *only_unit;   /* --unit */
  const char *unavailable; /* --unavailable FILE */
  const char *ics_path;    /* --ics FILE */
  int have_start;
  rg_ics_opts ics;
  /* reading */
  const char **accept_units; /* --accept-unit, n_accept of them */
  int n_accept;
  const char *explain; /* check --explain TASK */
  /* analysis: --exclude-task ids, resolved to plan task indices after loading */
  const char **exclude_task_ids;
  int n_exclude_tasks;
  int *exclude_tasks;
  /* deadlines: --as-of, --soon-days (as_of 0: not given), --by (months per period) */
  long as_of;
  int soon_days;
  int by_months;
} cli;

typedef struct command command;
struct command {
  const char *name;
  int (*run)(cli *c, const command *cmd, rg_plan *plan, FILE *out);
  const rg_out_frame *table; /* the table a table command prints (analysis_out.h), or NULL */
  unsigned options;          /* option groups it takes besides G_READ */
  const output *output;      /* what it writes */
  const char *summary;
  const char *help;
};

/* How a command takes its PLANs (plans_of): several read as one
 * consolidated plan (merge.h), or exactly two (compare), or two or more
 * (trend) kept apart. */
enum { PLANS_MERGED = 0, PLANS_TWO = 1, PLANS_SERIES = 2 };
static int plans_of(const command *cmd);

/* Print one "respgraph: ..." line on stderr. Messages repeat names and
 * arguments, so a control character in them is shown, never obeyed
 * (rg_escape_terminal). */
static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void say(const char *fmt, ...) {
  char buf[1200];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  fputs("respgraph: ", stderr);
  rg_escape_terminal(stderr, buf);
  fputc('\n', stderr);
}

/* Parse a finite real >= min for option name; print why not and return 0. */
static int parse_real(const char *s, const char *name, double min, double *out) {
  char *end;
  errno = 0;
  double v = strtod(s, &end);
  if (errno || *end || !*s || !isfinite(v) || v < min) {
    say("%s takes a number of at least %g, not '%s'", name, min, s);
    return 0;
  }
  *out = v;
  return 1;
}

/* Print err and return the exit code of st (0 for RG_OK, which prints nothing). */
static int finish(rg_status st, const rg_error *err) {
  if (st) {
    char buf[1200];
    rg_error_format(err, buf, sizeof buf);
    say("%s", buf);
  }
  return exit_code(st);
}

/* ------------------------------------------------- parse, edges, check */

static int plan_table(cli *c, rg_plan *plan, const rg_view *v, FILE *out) {
  rg_error err;
  return finish(rg_out_plan_table(plan, v, c->format, &c->table, out, &err), &err);
}

static int cmd_parse(cli *c, const command *cmd, rg_plan *plan, FILE *out) {
  (void)cmd;
  if (!c->as_of) return plan_table(c, plan, &rg_view_tasks, out);
  rg_timeline tl; /* the lights at --as-of */
  rg_timeline_as_of(&tl, c->as_of, c->soon_days);
  rg_table_src src = {.plan = plan, .only_unit = -1, .tl = &tl};
  rg_error err;
  return finish(rg_out_view_table(&rg_view_tasks, &src, c->format, &c->table, out, &err), &err);
}

static int cmd_edges(cli *c, const command *cmd, rg_plan *plan, FILE *out) {
  (void)cmd;
  return plan_table(c, plan, &rg_view_edges, out);
}

/* check --explain TASK: how every name of one task was read. */
static int explain_task(cli *c, rg_plan *plan, FILE *out) {
  int t = rg_task_lookup(plan, c->explain);
  if (t < 0) {
    say("--explain: the plan has no task '%s' (task ids are as `respgraph parse` "
        "lists them: %s ... %s)",
        c->explain, plan->n_tasks ? plan->tasks[0].number : "-",
        plan->n_tasks ? plan->tasks[plan->n_tasks - 1].number : "-");
    return EXIT_USAGE;
  }
  rg_error err;
  return finish(rg_out_explain(plan, t, c->format, out, &err), &err);
}

static int cmd_check(cli *c, const command *cmd, rg_plan *plan, FILE *out) {
  (void)cmd;
  if (c->explain) return explain_task(c, plan, out);
  if (c->format != RG_FMT_TABLE) return plan_table(c, plan, &rg_view_diags, out);
  rg_error err; /* how the plan was read, then FILE:LINE: warning: message [code] */
  return finish(rg_out_check(plan, out, &err), &err);
}

/* The plan unit that option opt names (rg_unit_find: full name, without
 * the city prefix, a unique part of a name); a name the plan lacks, or
 * shares with several units, is a usage error that names the closest. */
static int option_unit(const rg_plan *plan, const char *opt, const char *name, int *u) {
  int near[5], n_near = 0;
  if ((*u = rg_unit_find(plan, name, near, 5, &n_near)) >= 0) return EXIT_OK;
  int several = *u == -2;
  *u = -1;
  rg_buf b = {0};
  if (several)
    rg_buf_printf(&b, "%s: '%s' is part of several units' names; name one: ", opt, name);
  else
    rg_buf_printf(&b, "%s: the plan names no unit '%s'%s", opt, name,
                  n_near ? "; did you mean " : "");
  for (int k = 0; k < n_near; k++)
    rg_buf_printf(&b, "%s%s", k ? ", " : "", plan->units[near[k]].name);
  rg_buf_puts(&b, n_near && !several ? "?" : "");
  say("%s", b.s);
  free(b.s);
  return EXIT_USAGE;
}

/* ------------------------------------------------------- analyses */

/* units, ties, clusters, overload: run the analyses and print the
 * command's table; collectives needs no analysis. */
static int cmd_table(cli *c, const command *cmd, rg_plan *plan, FILE *out) {
  rg_results r = {0};
  rg_error err;
  rg_error_clear(&err);
  rg_out_opts o = {c->table, -1, c->backbone};
  if (c->only_unit && option_unit(plan, "--unit", c->only_unit, &o.only_unit)) return EXIT_USAGE;
  int analyse = cmd->options & G_ANALYSIS;
  rg_status st = analyse ? rg_analyze(plan, &c->analysis, &r, &err) : RG_OK;
  if (!st) st = rg_out_write(cmd->table, plan, analyse ? &r : NULL, c->format, &o, out, &err);
  rg_results_free(&r);
  return finish(st, &err);
}

/* load --by quarter|month: each unit's load per period of the plan's year,
 * with a fence per period (analyzer/timeline.h). */
static int cmd_load(cli *c, const command *cmd, rg_plan *plan, FILE *out) {
  (void)cmd;
  rg_results r = {0};
  rg_timeline tl;
  rg_error err;
  rg_error_clear(&err);
  rg_table_src src = {.plan = plan, .res = &r, .tl = &tl, .only_unit = -1};
  if (c->only_unit && option_unit(plan, "--unit", c->only_unit, &src.only_unit)) return EXIT_USAGE;
  rg_timeline_as_of(&tl, c->as_of, c->soon_days);
  rg_status st = rg_analyze(plan, &c->analysis, &r, &err);
  if (!st) st = rg_timeline_build(plan, &r, c->by_months, &tl, &err);
  if (!st) st = rg_out_view_table(&rg_view_periods, &src, c->format, &c->table, out, &err);
  rg_timeline_free(&tl);
  rg_results_free(&r);
  return finish(st, &err);
}

static void versions(char *buf, size_t size) {
  snprintf(buf, size, "respgraph %s; igraph %s", RG_VERSION, IGRAPH_VERSION);
}

static int cmd_diagram(cli *c, const command *cmd, rg_plan *plan, FILE *out) {
  (void)cmd, (void)out;
  if (!c->out_path || !strcmp(c->out_path, "-")) {
    say("diagram needs -o FILE (.svg, .png, .pdf or .dot)");
    return EXIT_USAGE;
  }
  if (!rg_diagram_format_of(c->out_path)) {
    say("%s: the file name must end in .svg, .png, .pdf or .dot", c->out_path);
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
  return finish(st, &err);
}

/* --roster as (collective, member) pairs of plan unit indices into the
 * planner's options (*pairs owns them; the caller frees it). */
static rg_status roster_pairs(cli *c, rg_plan *plan, int **pairs, rg_error *err) {
  *pairs = NULL;
  if (!c->roster) return RG_OK;
  char **names = NULL;
  int n = 0;
  rg_status st = rg_roster_names(c->roster, &names, &n, err);
  if (st) return st;
  *pairs = rg_xmalloc(((size_t)n + 2) * sizeof **pairs);
  int k = 0;
  for (int i = 0; i + 1 < n; i += 2) {
    int a = rg_plan_find_unit(plan, names[i]), b = rg_plan_find_unit(plan, names[i + 1]);
    if (a >= 0 && b >= 0) (*pairs)[k++] = a, (*pairs)[k++] = b;
  }
  for (int i = 0; i < n; i++)
    free(names[i]);
  free(names);
  c->meetings.roster = *pairs;
  c->meetings.n_roster = k / 2;
  return RG_OK;
}

/* The report's 会议安排 extra: the meetings of mp, with their summary as the
 * note (in the page's language). */
static rg_report_extra meetings_extra(rg_plan *plan, const rg_meeting_plan *mp) {
  int en = mp->opts.lang_en;
  rg_report_extra extra = {0};
  extra.id = "meetings";
  extra.title = en ? "Joint meetings" : "会议安排";
  char *note = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&note, &len);
  rg_meetings_summary(plan, mp, f);
  fclose(f);
  extra.note = rg_plan_printf(plan, "%s", note);
  free(note);
  extra.table = rg_meetings_table(plan, mp, -1);
  return extra;
}

static rg_status load_plan(cli *c, const char *path, rg_plan **plan, rg_error *err);

/* The report's sections on several plans, after 会议安排 (extras[0]):
 * load by plan and the tasks found twice (a consolidated plan), the
 * comparison with --compare OLD (a slope chart, the units, renamed units,
 * new and dropped tasks) and the trend with --trend FILE... (the earlier
 * plans, oldest first, then this one: small multiples and the table). */
#define MAX_VIEWS 12
typedef struct plan_views {
  rg_report_extra extras[MAX_VIEWS];
  int n;
  rg_plan *old;
  rg_results ro;
  rg_compare cmp;
  rg_plan **series; /* --trend plans (owned), then the report's plan (borrowed) */
  rg_results *rs;
  int n_series;
  char **labels;
  int n_labels;
  char **renames; /* --renames, kept while the trend points into it */
  int n_renames;
  rg_trend trend;
  char *svgs[2];
  /* deadlines: load by month (with the heat map) and quarter, the lights */
  rg_timeline tl[2];
  char *heat;
} plan_views;

static void add_view(plan_views *pv, const char *id, const char *title, const char *note,
                     rg_table *t, const char *svg) {
  pv->extras[pv->n++] =
      (rg_report_extra){.id = id, .title = title, .note = note, .table = t, .svg = svg};
}

static char *summary_note(const rg_plan *plan, const rg_compare *k, int zh) {
  return (char *)rg_plan_printf(
      (rg_plan *)plan,
      zh ? "任务：延续 %d 项，新增 %d 项，取消 %d 项（文本相似度不低于 0.5 视为延续）；单位：新增 "
           "%d 个，撤销 %d 个，更名 %d 个。"
         : "Tasks: %d carried (text similarity at least 0.5), %d new, %d dropped; units: %d "
           "added, %d removed, %d renamed.",
      k->n_carried, k->n_new, k->n_dropped, k->n_added, k->n_removed, k->n_renamed);
}

static rg_status compare_views(cli *c, rg_plan *plan, const rg_results *r, plan_views *pv, int zh,
                               rg_error *err) {
  char **names = NULL;
  int n_names = 0;
  rg_status st = load_plan(c, c->compare_path, &pv->old, err);
  if (!st && c->roster) st = rg_roster_apply(pv->old, c->roster, err);
  if (!st && c->renames) st = rg_renames_read(c->renames, &names, &n_names, err);
  if (!st) st = rg_analyze(pv->old, &c->analysis, &pv->ro, err);
  if (!st)
    st = rg_compare_plans(pv->old, &pv->ro, plan, r, names, n_names / 2, c->renames, &pv->cmp, err);
  for (int i = 0; i < n_names; i++)
    free(names[i]);
  free(names);
  if (st) return st;
  char *lo = rg_plan_label(pv->old->path), *ln = rg_plan_label(plan->path);
  pv->svgs[0] = rg_slope_chart_svg(&pv->cmp, lo, ln, zh);
  free(lo);
  free(ln);
  add_view(pv, "compare", zh ? "方案对比" : "Comparison", summary_note(plan, &pv->cmp, zh),
           rg_compare_units_table(&pv->cmp), pv->svgs[0]);
  add_view(pv, "compare-renamed", zh ? "更名单位" : "Renamed units", NULL,
           rg_compare_renamed_table(&pv->cmp), NULL);
  add_view(pv, "compare-new", zh ? "新增任务" : "New tasks", NULL,
           rg_compare_tasks_table(plan, pv->cmp.new_tasks, pv->cmp.n_new), NULL);
  add_view(pv, "compare-dropped", zh ? "取消任务" : "Dropped tasks", NULL,
           rg_compare_tasks_table(pv->old, pv->cmp.dropped, pv->cmp.n_dropped), NULL);
  return RG_OK;
}

static rg_status trend_views(cli *c, rg_plan *plan, const rg_results *r, plan_views *pv, int zh,
                             rg_error *err) {
  int n = c->n_trend + 1;
  pv->series = rg_xcalloc((size_t)n, sizeof *pv->series);
  pv->rs = rg_xcalloc((size_t)n, sizeof *pv->rs);
  const char **paths = rg_xcalloc((size_t)n, sizeof *paths);
  rg_status st = RG_OK;
  for (int i = 0; i < c->n_trend && !st; i++) {
    paths[i] = c->trend_paths[i];
    st = load_plan(c, paths[i], &pv->series[i], err);
    if (!st && c->roster) st = rg_roster_apply(pv->series[i], c->roster, err);
    if (!st) st = rg_analyze(pv->series[i], &c->analysis, &pv->rs[i], err);
    pv->n_series = i + 1;
  }
  paths[n - 1] = plan->path;
  pv->labels = rg_plan_labels(paths, n);
  pv->n_labels = n;
  free(paths);
  if (st) return st;
  pv->series[n - 1] = plan;
  pv->rs[n - 1] = *r;
  if (c->renames && (st = rg_renames_read(c->renames, &pv->renames, &pv->n_renames, err)))
    return st;
  rg_trend_build((const rg_plan *const *)pv->series, pv->rs, n, pv->renames, pv->n_renames / 2,
                 &pv->trend);
  pv->svgs[1] = rg_trend_chart_svg(&pv->trend, (const char *const *)pv->labels, 30, zh);
  add_view(pv, "trend", zh ? "历年负荷" : "Load over the years",
           zh ? "每个单位一小图：各年负荷（蓝线）与当年警戒线（红色虚线），红点为超负荷；图中为前 "
                "30 个单位，表中为全部。"
              : "One small chart per unit: its load each year (blue) and that year's fence "
                "(dashed red); red dots are over the fence. The chart shows the first 30 units, "
                "the table all.",
           rg_trend_table(&pv->trend, (const char *const *)pv->labels), pv->svgs[1]);
  return RG_OK;
}

/* The report's sections on deadlines (analyzer/timeline.h), when the plan's
 * year is known and some task's deadline was read as dates: 按月负荷 (the
 * unit x month heat map and its table), 按季度负荷, and with --as-of 督办状态
 * (every task's light). A plan without dated deadlines would spread every
 * task over the whole year: flat rows that only repeat the load table. */
static rg_status deadline_views(cli *c, rg_plan *plan, const rg_results *r, plan_views *pv, int zh,
                                rg_error *err) {
  if (!plan->year || !rg_plan_has_dates(plan)) return RG_OK;
  for (int k = 0; k < 2; k++) {
    rg_timeline_as_of(&pv->tl[k], c->as_of, c->soon_days);
    rg_status st = rg_timeline_build(plan, r, k ? 3 : 1, &pv->tl[k], err);
    if (st) return st;
  }
  rg_table_src src = {.plan = plan, .res = r, .tl = &pv->tl[0], .only_unit = -1};
  pv->heat = rg_heatmap_svg(plan, &pv->tl[0], 40, zh);
  add_view(pv, "load-by-month", zh ? "按月负荷" : "Load by month",
           zh ? "按完成时限把每项任务的负荷平均分到时限覆盖的月份（6月底前：1至6月；持续推进、"
                "未写时限：全年），各月相加等于全年负荷。图中为负荷最重的 40 个单位，表中为全部。"
              : "Each task's load is spread evenly over the months its deadline covers (by "
                "June: January to June; ongoing or no deadline: the whole year); the months add "
                "up to the year. The chart shows the 40 heaviest units, the table all.",
           rg_table_view(&rg_view_periods_report, &src), pv->heat);
  src.tl = &pv->tl[1];
  add_view(pv, "load-by-quarter", zh ? "按季度负荷" : "Load by quarter", NULL,
           rg_table_view(&rg_view_periods_report, &src), NULL);
  pv->extras[pv->n - 1].off_page = 1; /* the page shows the months */
  if (c->as_of) {
    char day[16];
    rg_date_iso(c->as_of, day, sizeof day);
    add_view(pv, "lights", zh ? "督办状态" : "Deadline status",
             rg_plan_printf(plan,
                            zh ? "截至 %s：逾期（红）为时限已过；临近（黄）为 %d 天内到期；"
                                 "未到期、持续推进（绿）。未写时限的任务不标。"
                               : "On %s: overdue (red) is past its deadline; due soon (yellow) "
                                 "within %d days; not due or ongoing (green). Tasks without a "
                                 "deadline get no light.",
                            day, c->soon_days),
             rg_table_view(&rg_view_lights, &src), NULL);
  }
  return RG_OK;
}

static rg_status plan_views_build(cli *c, rg_plan *plan, const rg_results *r, plan_views *pv,
                                  rg_error *err) {
  int zh = !(c->lang && !strcmp(c->lang, "en"));
  pv->n = 1; /* extras[0]: 会议安排 */
  if (plan->n_sources > 1) {
    rg_unit_plan_load *rows;
    int n = rg_load_by_plan(plan, r, &rows);
    add_view(pv, "load-by-plan", zh ? "分方案负荷" : "Load by plan", NULL,
             rg_load_by_plan_table(plan, rows, n), NULL);
    free(rows);
    add_view(pv, "duplicates", zh ? "重复任务" : "Tasks in two plans",
             zh ? "两个方案文本相似度不低于 0.8 的任务只计一次，计入先列出的方案。"
                : "A task whose text is at least 0.8 similar to one of an earlier plan counts "
                  "once, in the earlier plan.",
             rg_duplicates_table(plan), NULL);
  }
  rg_status st = c->compare_path ? compare_views(c, plan, r, pv, zh, err) : RG_OK;
  if (!st && c->n_trend) st = trend_views(c, plan, r, pv, zh, err);
  if (!st) st = deadline_views(c, plan, r, pv, zh, err);
  return st;
}

static void plan_views_free(plan_views *pv) {
  for (int i = 1; i < pv->n; i++)
    rg_table_free((rg_table *)pv->extras[i].table);
  rg_compare_free(&pv->cmp);
  rg_results_free(&pv->ro);
  rg_plan_free(pv->old);
  rg_trend_free(&pv->trend);
  for (int i = 0; i < pv->n_series; i++) {
    rg_results_free(&pv->rs[i]);
    rg_plan_free(pv->series[i]);
  }
  free(pv->series);
  free(pv->rs);
  rg_plan_labels_free(pv->labels, pv->n_labels);
  for (int i = 0; i < pv->n_renames; i++)
    free(pv->renames[i]);
  free(pv->renames);
  free(pv->svgs[0]);
  free(pv->svgs[1]);
  rg_timeline_free(&pv->tl[0]);
  rg_timeline_free(&pv->tl[1]);
  free(pv->heat);
}

static int cmd_report(cli *c, const command *cmd, rg_plan *plan, FILE *out) {
  (void)cmd, (void)out;
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
  /* Every dot layout (the ego diagrams) allocates, zeroes and frees an 8 MB
   * stack twice (Graphviz 2.42, decompose). With glibc's sliding thresholds
   * that block went back to the kernel and was faulted in again, 2,000
   * page faults a time on the seed plan; fixed thresholds keep it in the
   * heap, touched once. Memory use is unchanged: the block is reused. */
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  rg_status st = rg_analyze(plan, &c->analysis, &r, &err);
  /* the 会议安排 section and sheet: meetings with the caps given
   * (--max-attendees, --max-agenda, --rooms, --chapter) */
  rg_meeting_plan mp = {0};
  rg_report_extra extra = {0};
  unsigned char *over = NULL;
  int *pairs = NULL;
  if (!st) st = roster_pairs(c, plan, &pairs, &err);
  if (!st) {
    over = rg_xcalloc((size_t)plan->n_units + 1, 1);
    for (int u = 0; u < plan->n_units; u++)
      over[u] = r.row_of_unit[u] >= 0 && r.units[r.row_of_unit[u]].overloaded;
    c->meetings.overloaded = over;
    st = rg_meetings_plan(plan, &c->meetings, &mp, &err);
  }
  plan_views pv = {0};
  if (!st) st = plan_views_build(c, plan, &r, &pv, &err);
  if (!st) {
    extra = meetings_extra(plan, &mp);
    pv.extras[0] = extra;
    ro.extras = pv.extras;
    ro.n_extras = pv.n;
    ro.meetings = &mp;
    ro.room = c->ics.room;
    st = rg_report_write(plan, &r, &ro, &err);
  }
  if (!st) printf("%s/index.html\n", ro.dir);
  plan_views_free(&pv);
  rg_table_free((rg_table *)extra.table);
  rg_meeting_plan_free(&mp);
  free(over);
  free(pairs);
  rg_results_free(&r);
  free(dir);
  return finish(st, &err);
}

#define ANALYSIS_HELP                                                                              \
  "Analyses run on concrete units (kind unit); collectives and generics are left\n"                \
  "out unless --roster expands them into members.\n"                                               \
  "\n"                                                                                             \
  "  load         W_lead*led + W_support*supported (--lead-weight, --support-weight)\n"            \
  "  fractional   each task's role weight split 1/k among its k concrete units\n"                  \
  "  burden       sum over its tasks of (k_t - 1): partners it must coordinate with\n"             \
  "  overloaded   load > Q3 + 1.5*IQR of all units' loads (Tukey's fence)\n"                       \
  "  partners     distinct co-owning units (degree in the projection)\n"                           \
  "  strength     sum of tie weights (w = shared tasks, or Newman's sum 1/(k_t-1))\n"              \
  "  betweenness  shortest paths with length 1/w, normalised by (n-1)(n-2)/2\n"                    \
  "  harmonic     mean of 1/distance to every other unit, length 1/w\n"                            \
  "  eigenvector  leading eigenvector of the weighted projection, max 1\n"                         \
  "  pagerank     PageRank, damping 0.85, weights w\n"                                             \
  "  constraint   Burt's constraint (high: ties concentrated on few partners)\n"                   \
  "  coreness     k-core number, unweighted\n"                                                     \
  "  cluster      Leiden communities maximising modularity (--resolution, --seed)\n"               \
  "A unit without ties has constraint nan (JSON null) and cluster -1. Above 5000\n"                \
  "concrete units, or when units x ties is above 2e8, betweenness and harmonic are\n"              \
  "estimated from 256 sampled units; constraint is left out when the sum of squared\n"             \
  "partner counts is above 2e9 (the output says so); --exact computes them exactly.\n"             \
  "A plan whose ties would be more than --max-ties is refused before they are built.\n"

/* ------------------------------------------------------------ meetings */

/* Today's date (local time) as a calendar.h day number. */
static long today(void) {
  time_t now = time(NULL);
  struct tm tm;
  localtime_r(&now, &tm);
  return rg_days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* The plan units named by --exclude-unit (into exclude) and --unit (into
 * *only, -1 without it). */
static int meeting_units(cli *c, rg_plan *plan, int *exclude, int *only) {
  for (int i = 0; i < c->n_exclude; i++)
    if (option_unit(plan, "--exclude-unit", c->exclude_units[i], &exclude[i])) return EXIT_USAGE;
  *only = -1;
  return c->only_unit ? option_unit(plan, "--unit", c->only_unit, only) : EXIT_OK;
}

/* The overloaded units (Tukey's fence on load, as `respgraph overload`), one
 * flag per plan unit, so the scheduler spreads their meetings out. */
static rg_status overloaded_units(cli *c, rg_plan *plan, unsigned char **over, rg_error *err) {
  rg_results r;
  rg_status st = rg_analyze(plan, &c->analysis, &r, err);
  if (st) return st;
  *over = rg_xcalloc((size_t)plan->n_units + 1, 1);
  for (int u = 0; u < plan->n_units; u++)
    (*over)[u] = r.row_of_unit[u] >= 0 && r.units[r.row_of_unit[u]].overloaded;
  rg_results_free(&r);
  return RG_OK;
}

/* The calendar file of --ics. */
static rg_status write_ics(cli *c, rg_plan *plan, const rg_meeting_plan *mp, int only,
                           rg_error *err) {
  rg_outfile o;
  rg_status st = rg_outfile_open(&o, c->ics_path, err);
  if (st) return st;
  st = rg_meetings_write_ics(plan, mp, only, &c->ics, o.f, err);
  if (st) {
    rg_outfile_abort(&o);
    return st;
  }
  return rg_outfile_commit(&o, err);
}

static int cmd_meetings(cli *c, const command *cmd, rg_plan *plan, FILE *out) {
  (void)cmd;
  rg_error err;
  rg_error_clear(&err);
  int only = -1;
  int *exclude = rg_xcalloc((size_t)c->n_exclude + 1, sizeof *exclude);
  unsigned char *over = NULL;
  int *pairs = NULL;
  rg_unavail_list un = {0};
  rg_meeting_plan mp = {0};
  rg_status st = RG_OK;
  int rc = meeting_units(c, plan, exclude, &only);
  if (rc) goto done;
  if ((st = roster_pairs(c, plan, &pairs, &err))) goto done;
  if (c->unavailable && (st = rg_unavailable_read(c->unavailable, plan, &un, &err))) goto done;
  if ((st = overloaded_units(c, plan, &over, &err))) goto done;
  c->meetings.exclude = exclude;
  c->meetings.n_exclude = c->n_exclude;
  c->meetings.unavailable = un.items;
  c->meetings.n_unavailable = un.n;
  c->meetings.overloaded = over;
  if ((st = rg_meetings_plan(plan, &c->meetings, &mp, &err))) goto done;
  if ((st = rg_meetings_write_opts(plan, &mp, only, c->format, &c->table, out, &err))) goto done;
  if (c->ics_path) st = write_ics(c, plan, &mp, only, &err);
done:
  if (!rc) rc = finish(st, &err);
  rg_meeting_plan_free(&mp);
  rg_unavailable_destroy(&un);
  free(over);
  free(pairs);
  free(exclude);
  return rc;
}

/* ------------------------------------------------------- several plans */

/* Write table t as the command line asks (-f, --top, --sort, --columns). */
static int write_built(cli *c, rg_table *t, FILE *out) {
  rg_error err;
  rg_error_clear(&err);
  rg_status st = rg_table_write_opts(t, c->format, &c->table, out, &err);
  rg_table_free(t);
  return finish(st, &err);
}

static int cmd_load_by_plan(cli *c, const command *cmd, rg_plan *plan, FILE *out) {
  (void)cmd;
  rg_results r;
  rg_error err;
  rg_error_clear(&err);
  rg_status st = rg_analyze(plan, &c->analysis, &r, &err);
  if (st) return finish(st, &err);
  rg_unit_plan_load *rows;
  int n = rg_load_by_plan(plan, &r, &rows);
  int rc = write_built(c, rg_load_by_plan_table(plan, rows, n), out);
  free(rows);
  rg_results_free(&r);
  return rc;
}

static int cmd_duplicates(cli *c, const command *cmd, rg_plan *plan, FILE *out) {
  (void)cmd;
  return write_built(c, rg_duplicates_table(plan), out);
}

/* Analyse each plan of c->plans into r[0..n). */
static rg_status analyse_each(cli *c, rg_results *r, rg_error *err) {
  rg_status st = RG_OK;
  for (int i = 0; i < c->n_plans && !st; i++)
    st = rg_analyze(c->plans[i], &c->analysis, &r[i], err);
  return st;
}

static int cmd_compare(cli *c, const command *cmd, rg_plan *plan, FILE *out) {
  (void)cmd, (void)plan;
  rg_error err;
  rg_error_clear(&err);
  rg_results r[2];
  memset(r, 0, sizeof r);
  char **names = NULL;
  int n_names = 0;
  rg_compare cmp = {0};
  rg_status st = c->renames ? rg_renames_read(c->renames, &names, &n_names, &err) : RG_OK;
  if (!st) st = analyse_each(c, r, &err);
  if (!st)
    st = rg_compare_plans(c->plans[0], &r[0], c->plans[1], &r[1], names, n_names / 2, c->renames,
                          &cmp, &err);
  if (!st) st = rg_compare_write(c->plans[0], c->plans[1], &cmp, c->format, &c->table, out, &err);
  rg_compare_free(&cmp);
  for (int i = 0; i < n_names; i++)
    free(names[i]);
  free(names);
  rg_results_free(&r[0]);
  rg_results_free(&r[1]);
  return finish(st, &err);
}

static int cmd_trend(cli *c, const command *cmd, rg_plan *plan, FILE *out) {
  (void)cmd, (void)plan;
  rg_error err;
  rg_error_clear(&err);
  rg_results *r = rg_xcalloc((size_t)c->n_plans, sizeof *r);
  rg_trend t = {0};
  char **names = NULL;
  int n_names = 0;
  rg_status st = c->renames ? rg_renames_read(c->renames, &names, &n_names, &err) : RG_OK;
  if (!st) st = analyse_each(c, r, &err);
  if (!st) {
    rg_trend_build((const rg_plan *const *)c->plans, r, c->n_plans, names, n_names / 2, &t);
    st = rg_trend_write(&t, (const char *const *)c->labels, c->format, &c->table, out, &err);
  }
  rg_trend_free(&t);
  for (int i = 0; i < n_names; i++)
    free(names[i]);
  free(names);
  for (int i = 0; i < c->n_plans; i++)
    rg_results_free(&r[i]);
  free(r);
  return finish(st, &err);
}

/* ------------------------------------------------------------ table */

static const command COMMANDS[] = {
    {"parse", cmd_parse, NULL, G_TABLE | G_AS_OF, &OUT_TABLE,
     "tasks with chapter, section, leads and supports",
     "Lists every task: number as printed, ordinal, chapter and section numbers,\n"
     "lead and support units (canonical names), whether its unit list is open\n"
     "(等有关部门), deadline, source line and text; with --wide, CSV and JSON\n"
     "also the deadline as dates: due_kind (dated, spread, recurring, unread),\n"
     "due_from, due_by and milestone (YYYY-MM-DD).\n"
     "parse options:\n"
     "      --as-of YYYY-MM-DD  add each task's 督查督办 light on that day: light\n"
     "                          (overdue 逾期, due-soon 临近, not-due 未到期, ongoing\n"
     "                          持续推进) and light_date, the deadline it is judged by\n"
     "      --soon-days N       due soon = due within N days (default 30)\n"},
    {"edges", cmd_edges, NULL, G_TABLE, &OUT_TABLE,
     "one row per task-unit link (task,role,unit,kind)",
     "One row per task-unit link. CSV header: task,role,unit,kind,chapter,line.\n"
     "role is lead or support; kind is unit (a concrete body), collective (a named\n"
     "set such as 各区、县(市)政府) or generic (有关部门). The CSV reads back into\n"
     "respgraph as a plan (long form).\n"},
    {"check", cmd_check, NULL, G_TABLE | G_EXPLAIN, &OUT_TABLE,
     "how the plan was read, then diagnostics: FILE:LINE: warning: ...",
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
    {"units", cmd_table, &rg_frame_units, G_TABLE | G_ANALYSIS | G_UNIT, &OUT_TABLE,
     "per-unit load, centrality, cluster and overload flag",
     "One row per concrete unit, by load (ties by name). CSV columns begin\n"
     "unit,kind,led,supported,load,partners,strength,betweenness,harmonic,\n"
     "eigenvector,pagerank,constraint,coreness,cluster,overloaded.\n\n" ANALYSIS_HELP},
    {"ties", cmd_table, &rg_frame_ties, G_TABLE | G_ANALYSIS | G_UNIT | G_BACKBONE, &OUT_TABLE,
     "co-ownership ties between units, with their tasks",
     "One row per pair of concrete units that share tasks, strongest first:\n"
     "unit_a,unit_b,weight,p,backbone,tasks (the shared task numbers: the evidence\n"
     "for the tie). p: the chance of at least this many shared tasks if each unit's\n"
     "tasks were spread at random, keeping every unit's and task's number of links\n"
     "(SDSM: the bipartite configuration model, exact Poisson-binomial tail).\n"
     "backbone: significant (p < 0.05, one-tailed, each tie on its own) and/or\n"
     "strongest (a unit's heaviest tie, so no unit with a partner is left out).\n"
     "ties options:\n"
     "      --backbone                only the backbone: the ties the collaboration\n"
     "                                diagram draws\n\n" ANALYSIS_HELP},
    {"clusters", cmd_table, &rg_frame_clusters, G_TABLE | G_ANALYSIS | G_UNIT, &OUT_TABLE,
     "groups of units that share tasks (Leiden)",
     "Co-ownership clusters: Leiden on the weighted projection with the modularity\n"
     "objective. JSON: modularity, seed, clusters[] {id, units[], tasks[],\n"
     "crossing_tasks[], bridges[]}.\n\n" ANALYSIS_HELP},
    {"overload", cmd_table, &rg_frame_overload, G_TABLE | G_ANALYSIS | G_UNIT, &OUT_TABLE,
     "overloaded units with the reasons",
     "Units whose weighted load exceeds Tukey's fence Q3 + 1.5*IQR, with z-score,\n"
     "rank, the chapters that drive the load and a reason a reader can check.\n\n" ANALYSIS_HELP},
    {"load", cmd_load, NULL, G_TABLE | G_ANALYSIS | G_UNIT | G_BY | G_AS_OF, &OUT_TABLE,
     "load per quarter or month, from the deadlines",
     "Each concrete unit's load per quarter (--by quarter, default) or month\n"
     "(--by month) of the plan's year, read from the tasks' deadlines (完成时限, or\n"
     "a date such as 年底前 in the task's text). A task covers the periods its\n"
     "deadline's interval overlaps (6月底前: January to June; 三季度: July to\n"
     "September); a task with no deadline, with 持续推进 or 每季度, or with a\n"
     "deadline respgraph does not read (check warns) covers the whole year. Each\n"
     "unit's role weight is split evenly over the periods covered, so the periods\n"
     "add up exactly to the annual load. A unit is over in a period when its load\n"
     "there is above that period's fence Q3 + 1.5*IQR (fence_in_N, with --wide).\n"
     "CSV columns: unit,load,load_in_1..N,peak,over_in,fence_in_1..N.\n"
     "load options:\n"
     "      --by quarter|month  the periods (default quarter)\n"
     "      --year YYYY         the plan's year when its title, date and number\n"
     "                          name none\n\n" ANALYSIS_HELP},
    {"diagram", cmd_diagram, NULL, G_ANALYSIS | G_LANG | G_DIAGRAM, &OUT_DIAGRAM,
     "coordination diagram (svg, png, pdf or dot) with Graphviz",
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
    {"report", cmd_report, NULL, G_ANALYSIS | G_LANG | G_PLANNING | G_AS_OF | G_RENAMES | G_PLANS,
     &OUT_REPORT, "the report: HTML page, Excel workbook, JSON, CSV, GraphML",
     "respgraph report PLAN [-o DIR] writes DIR (default <plan name>-report/):\n"
     "index.html (self-contained, opens offline), report.xlsx, report.json, *.csv\n"
     "(UTF-8 with BOM), graph.graphml and diagrams/*.svg, then prints the path of\n"
     "index.html. --lang en writes it in English. Its 会议安排 section plans the\n"
     "meetings with the planning options of respgraph meetings (--max-attendees,\n"
     "--max-agenda, --overhead-minutes, --item-minutes, --start, --sessions, --rooms,\n"
     "--max-per-day, --room, --chapter). 按月负荷 and 按季度负荷 give each unit's load\n"
     "per month (with a unit x month heat map) and per quarter from the deadlines\n"
     "(see respgraph load --help); with --as-of YYYY-MM-DD (and --soon-days N) a\n"
     "督办状态 section and sheet give every task with a deadline its light.\n"
     "Several PLANs make one report of all of them, with the sections 分方案负荷 (load\n"
     "by plan) and 重复任务 (tasks in two plans, counted once).\n"
     "report options:\n"
     "      --compare OLD       add 方案对比: OLD against this plan (as `respgraph\n"
     "                          compare`), with a slope chart of every unit's load\n"
     "      --renames FILE      CSV old,new for --compare and --trend\n"
     "      --trend FILE        an earlier plan (repeatable, oldest first): add 历年负荷,\n"
     "                          small multiples of every unit's load over the "
     "plans\n\n" ANALYSIS_HELP},
    {"meetings", cmd_meetings, NULL,
     G_TABLE | G_ANALYSIS | G_PLANNING | G_MEETINGS | G_LANG | G_UNIT, &OUT_TABLE,
     "joint meetings: who meets on which tasks, on which day",
     "Plans joint meetings for the coordination tasks (tasks with at least two\n"
     "concrete units) and dates them. Every such task is on exactly one agenda; a\n"
     "meeting's attendees are all concrete units of its tasks, and the collectives\n"
     "its tasks name (各区、县(市)政府) are invited as groups. The plan minimises\n"
     "unit-minutes: each attendee spends --overhead-minutes plus --item-minutes per\n"
     "agenda item, concerned or not; the summary compares it with one meeting per\n"
     "task. Among equal costs, agendas from one chapter or section are preferred.\n"
     "The convener leads most items (ties by name); a unit leading nothing on the\n"
     "agenda never convenes. Relevance = share of attendee x item pairs where the\n"
     "attendee is a unit of the item.\n"
     "Dates: working days only (China's holidays and 调休 from the State Council\n"
     "notices for 2025 and 2026; later years by weekends only, as the summary says),\n"
     "no unit in two meetings at once or in more than --max-per-day a day, the\n"
     "meetings of overloaded units spread out.\n"
     "Table and CSV: 编号 日期 时间 会议名称 召集单位 参会单位 列席/邀请 议题 相关度\n"
     "(--lang en: English). JSON: coordination_tasks, unit_minutes,\n"
     "naive_unit_minutes, relevance, meetings[] {id, date, start, end, title,\n"
     "convener, attendees[], groups[], tasks[], relevance, reason}.\n"
     "meetings options:\n"
     "      --max-attendees N     attendees per meeting (default 12; a task that alone\n"
     "                            needs more gets its own meeting)\n"
     "      --max-agenda N        items per meeting (default 8)\n"
     "      --overhead-minutes N  each attendee's travel and opening (default 30)\n"
     "      --item-minutes N      minutes per agenda item (default 15); a meeting lasts\n"
     "                            overhead/2 + N per item\n"
     "      --start YYYY-MM-DD    first day (default: the next Monday)\n"
     "      --sessions LIST       session start times (default 09:00,14:30)\n"
     "      --rooms N             meetings at once (default unlimited)\n"
     "      --max-per-day N       meetings of one unit a day (default 2)\n"
     "      --min-relevance R     a meeting of several items keeps at least this\n"
     "                            relevance (default 0.7)\n"
     "      --room TEXT           where the meetings are held (.ics LOCATION)\n"
     "      --exclude-unit U      drop unit U from every task first (repeatable)\n"
     "      --chapter N           only the tasks of chapter N (1-based)\n"
     "      --unit U              U's own schedule (planning is global)\n"
     "      --unavailable FILE    CSV unit,slot (slot k = the k-th session from the\n"
     "                            start): U cannot meet then\n"
     "      --ics FILE            also write an iCalendar file\n"
     "      --lang zh|en          headers, titles and reasons (default zh)\n"},
    {"collectives", cmd_table, &rg_frame_collectives, G_TABLE, &OUT_TABLE,
     "collectives and generic units, and their tasks",
     "Named sets (各区、县(市)政府) and unspecified bodies (有关部门) with the tasks\n"
     "each appears in. They stay out of centrality unless --roster expands them.\n"},
    {"load-by-plan", cmd_load_by_plan, NULL, G_TABLE | G_ANALYSIS, &OUT_TABLE,
     "each unit's load broken down by plan (several PLANs)",
     "respgraph load-by-plan PLAN1 PLAN2 ...: one row per concrete unit and plan\n"
     "it has tasks in (units by load, as `units` lists them, then plans in the\n"
     "order given): unit,plan,led,supported,load. A plan is named by its file name\n"
     "without folder and extension. A task found in two plans counts once, in\n"
     "the first (see `respgraph duplicates`).\n\n" ANALYSIS_HELP},
    {"duplicates", cmd_duplicates, NULL, G_TABLE, &OUT_TABLE,
     "tasks that two of the PLANs both contain, counted once",
     "respgraph duplicates PLAN1 PLAN2 ...: the tasks of a later plan whose text is\n"
     "at least 0.8 similar to a task of an earlier plan (character-bigram Jaccard of\n"
     "the letters and digits: punctuation and spaces do not count). Such a task is\n"
     "counted once, as the earlier plan's task, with the units of both.\n"
     "Columns: task (kept, PLAN:ID), plan (where the copy is), copy (PLAN:ID),\n"
     "score, text.\n"},
    {"compare", cmd_compare, NULL, G_TABLE | G_ANALYSIS | G_RENAMES, &OUT_TABLE,
     "what changed from OLD to NEW: units, loads, ranks, ties, tasks",
     "respgraph compare OLD NEW: units added, removed and renamed; per unit the\n"
     "load and rank in each plan, delta_load = new - old, and the partners gained\n"
     "and lost (units under their NEW names); tasks carried over (text similarity\n"
     "at least 0.5, best pairs first), new and dropped.\n"
     "A unit is the same unit when its canonical name is; --renames FILE (CSV\n"
     "old,new) names the others. Without it, a unit only OLD names and a unit\n"
     "only NEW names are suggested as a rename when (name similarity + task\n"
     "similarity) / 2 >= 0.5 (the score is shown).\n"
     "Table: a summary, the units, then renamed units, new and dropped tasks.\n"
     "CSV: the units. JSON: old, new, renamed[] {old, new, kind (given or\n"
     "suggested), score, name_score, task_score}, added[], removed[], carried[]\n"
     "{old_task, new_task, score, text}, new_tasks[] and dropped_tasks[] {task,\n"
     "text}, units[] {unit, old_load, new_load, delta_load, old_rank, new_rank,\n"
     "ties_gained[], ties_lost[]} (a rank is null where the unit is absent).\n"
     "compare options:\n"
     "      --renames FILE      CSV old,new: units renamed or merged (机构改革)\n\n" ANALYSIS_HELP},
    {"trend", cmd_trend, NULL, G_TABLE | G_ANALYSIS | G_RENAMES, &OUT_TABLE,
     "each unit's load over successive plans, and who is overloaded how often",
     "respgraph trend P1 P2 P3 ... (successive years, oldest first): one row per\n"
     "concrete unit any plan names (by canonical name): its load in each plan (a\n"
     "column per plan, 0 where the plan does not name it), over = the number of\n"
     "plans in which its load is above that plan's overload fence (Q3 + 1.5 IQR),\n"
     "over_in = those plans. Rows by over, then the last load, then name.\n"
     "trend options:\n"
     "      --renames FILE      CSV old,new: a unit renamed (or merged) over the years\n"
     "                          is shown by its latest name, merged loads added\n\n" ANALYSIS_HELP},
    {NULL, NULL, NULL, 0, NULL, NULL, NULL},
};

static int plans_of(const command *cmd) {
  return cmd->run == cmd_compare ? PLANS_TWO : cmd->run == cmd_trend ? PLANS_SERIES : PLANS_MERGED;
}

static void usage(FILE *f) {
  fprintf(f, "usage: respgraph COMMAND PLAN [options]\n"
             "\n"
             "Reads a task-division plan (分工方案) and analyses who is responsible for what.\n"
             "PLAN is a file (text, HTML, CSV, Word .docx, Excel .xlsx or PDF; UTF-8 or\n"
             "GBK) or - for stdin.\n"
             "\n"
             "commands:\n");
  for (const command *c = COMMANDS; c->name; c++)
    fprintf(f, "  %-10s %s\n", c->name, c->summary);
  fprintf(f, "\nrespgraph COMMAND --help describes a command. Exit codes: 0 ok, 1 bad input,\n"
             "2 usage, 3 an output could not be written.\n");
}

/* The command's help: what it does, then the options it takes. */
static void command_help(const command *c) {
  printf("usage: respgraph %s PLAN [options]\n\n%s\n", c->name, c->help);
  printf("options:\n");
  if (c->options & G_TABLE)
    printf("  -f, --format table|csv|json   output format (default table: 120 columns,\n"
           "                                numbers to 3 significant digits)\n"
           "      --wide                    every column, exact numbers (as CSV and JSON)\n"
           "      --top N                   only the first N rows\n"
           "      --sort COLUMN[:asc|:desc] order rows by a column (numbers: largest first)\n"
           "      --columns a,b,c           only these columns, in this order (CSV keys)\n");
  if ((c->options & G_UNIT) && !(c->options & G_MEETINGS))
    printf("      --unit U                  only the rows about unit U (full name, name\n"
           "                                without 市, or a unique part of it)\n");
  fputs(c->output->o_help, stdout);
  printf("      --input-format auto|text|html|csv\n"
         "                                how to read PLAN (default: detect by content)\n"
         "      --headers lead=H,support=H,task=H,id=H,deadline=H\n"
         "                                CSV header names for other spreadsheets\n"
         "      --sheet NAME              the worksheet of an .xlsx plan (name or number)\n"
         "      --roster FILE             CSV collective,member: expand collectives\n"
         "      --accept-unit NAME        read NAME as a unit even if it does not look\n"
         "                                like a body (repeatable)\n"
         "      --level LEVEL             national, provincial, city, county or district:\n"
         "                                the level of a PLAN that does not say its own, so\n"
         "                                its bare names take the prefix (发展改革委 ->\n"
         "                                市发展改革委) and meet other plans' units\n"
         "      --city PLACE              the same from a place (沈阳市, 浑南区)\n"
         "      --year YYYY               the plan's year, for deadlines without one\n"
         "                                (default: from its title, date or number)\n");
  if (c->options & G_ANALYSIS)
    printf("analysis options:\n"
           "      --lead-weight W           weight of a led task in load (default 1)\n"
           "      --support-weight W        weight of a supported task (default 0.5)\n"
           "      --weighting count|newman  tie weight: shared tasks, or sum 1/(k_t-1)\n"
           "      --min-shared N            drop ties with fewer shared tasks (default 1)\n"
           "      --resolution G            Leiden modularity resolution (default 1)\n"
           "      --seed N                  random seed (default 20260125)\n"
           "      --exact                   exact betweenness, harmonic and constraint on\n"
           "                                large plans\n"
           "      --max-ties N              refuse a plan whose ties would be more than N\n"
           "                                (default: half the available memory / %d bytes;\n"
           "                                here %lld)\n"
           "      --exclude-task ID         leave task ID out of the ties (it keeps its\n"
           "                                load; repeatable)\n"
           "      --max-task-units N        leave out of the ties every task naming more\n"
           "                                than N concrete units\n"
           "      --threads N               threads for reading a big plan and for the\n"
           "                                analysis (default: every core, here %d, or one\n"
           "                                for a small plan); the output is the same for\n"
           "                                any N\n",
           RG_BYTES_PER_TIE, rg_default_max_ties(NULL), rg_default_threads());
  printf("  -h, --help                    this help\n");
}

/* ------------------------------------------------------------ options */

static int opt_table(cli *c, int opt, const char *arg) {
  double v;
  switch (opt) {
  case OPT_WIDE:
    c->table.text.wide = 1;
    c->table.text.max_width = 0;
    c->table.text.digits = 0;
    return EXIT_OK;
  case OPT_TOP:
    if (!parse_real(arg, "--top", 1, &v) || v != (int)v || v > 1e9) {
      say("--top takes a whole number of at least 1, not '%s'", arg);
      return EXIT_USAGE;
    }
    c->table.top = (int)v;
    return EXIT_OK;
  case OPT_SORT:
    c->table.sort = arg;
    return EXIT_OK;
  case OPT_COLUMNS:
    c->table.columns = arg;
    return EXIT_OK;
  }
  int f = rg_format_parse(arg);
  if (f < 0) {
    say("--format takes table, csv or json, not '%s'", arg);
    return EXIT_USAGE;
  }
  c->format = (rg_format)f;
  return EXIT_OK;
}

static int opt_read(cli *c, int opt, const char *arg) {
  switch (opt) {
  case OPT_OUTPUT:
    c->out_path = arg;
    break;
  case OPT_COLUMNS:
  case OPT_HEADERS:
    c->load.columns = arg;
    break;
  case OPT_SHEET:
    c->load.sheet = arg;
    break;
  case OPT_LEVEL:
    c->level = arg;
    break;
  case OPT_CITY:
    c->city = arg;
    break;
  case OPT_ROSTER:
    c->roster = arg;
    break;
  case OPT_ACCEPT_UNIT:
    c->accept_units[c->n_accept++] = arg;
    break;
  case OPT_YEAR: {
    double v;
    if (!parse_real(arg, "--year", 1970, &v) || v != (int)v || v > 2199) {
      say("--year takes a year from 1970 to 2199, not '%s'", arg);
      return EXIT_USAGE;
    }
    c->load.year = (int)v;
    break;
  }
  case OPT_INPUT_FORMAT: {
    int f = rg_input_format_parse(arg);
    if (f < 0) {
      say("--input-format takes auto, text, html or csv, not '%s'", arg);
      return EXIT_USAGE;
    }
    c->load.format = (rg_input_format)f;
    break;
  }
  }
  return EXIT_OK;
}

static int opt_analysis(cli *c, const command *cmd, int opt, const char *arg) {
  rg_analysis_opts *a = &c->analysis;
  double v;
  switch (opt) {
  case OPT_LEAD_WEIGHT:
    return parse_real(arg, "--lead-weight", 0, &a->lead_weight) ? 0 : EXIT_USAGE;
  case OPT_SUPPORT_WEIGHT:
    return parse_real(arg, "--support-weight", 0, &a->support_weight) ? 0 : EXIT_USAGE;
  case OPT_RESOLUTION:
    return parse_real(arg, "--resolution", 0, &a->resolution) ? 0 : EXIT_USAGE;
  case OPT_EXACT:
    a->exact = 1;
    return EXIT_OK;
  case OPT_EXCLUDE_TASK:
    c->exclude_task_ids[c->n_exclude_tasks++] = arg;
    return EXIT_OK;
  case OPT_MAX_TIES:
    if (!parse_real(arg, "--max-ties", 1, &v) || v != floor(v) || v > 1e15) {
      fprintf(stderr, "respgraph: --max-ties takes a whole number of at least 1\n");
      return EXIT_USAGE;
    }
    a->max_ties = (long long)v;
    return EXIT_OK;
  case OPT_MAX_TASK_UNITS:
    if (!parse_real(arg, "--max-task-units", 2, &v) || v != floor(v) || v > 1e9) {
      fprintf(stderr, "respgraph: --max-task-units takes a whole number of at least 2\n");
      return EXIT_USAGE;
    }
    a->max_task_units = (int)v;
    return EXIT_OK;
  case OPT_THREADS:
    if (!parse_real(arg, "--threads", 1, &v)) return EXIT_USAGE;
    if (v != floor(v) || v > 1024) {
      say("--threads takes a whole number from 1 to 1024, not '%s'", arg);
      return EXIT_USAGE;
    }
    a->threads = (int)v;
    return EXIT_OK;
  case OPT_WEIGHTING:
    if ((a->weighting = rg_weighting_parse(arg)) >= 0) return EXIT_OK;
    say("--weighting takes count or newman, not '%s'", arg);
    return EXIT_USAGE;
  case OPT_MIN_SHARED:
    if (!parse_real(arg, "--min-shared", 1, &v) || v != (int)v || v > 1e6) {
      say("--min-shared takes a whole number of at least 1");
      return EXIT_USAGE;
    }
    /* the diagram hides ties; the analyses drop them */
    if (!strcmp(cmd->name, "diagram"))
      c->diagram.min_shared = (int)v;
    else
      a->min_shared = (int)v;
    return EXIT_OK;
  case OPT_SEED: {
    char *end;
    errno = 0;
    unsigned long seed = strtoul(arg, &end, 10);
    if (errno || *end || !*arg || arg[0] == '-') {
      say("--seed takes a whole number, not '%s'", arg);
      return EXIT_USAGE;
    }
    a->seed = seed;
    return EXIT_OK;
  }
  }
  return EXIT_OK;
}

static int opt_diagram(cli *c, int opt, const char *arg) {
  double v;
  switch (opt) {
  case OPT_VIEW:
    c->diagram.view = arg;
    break;
  case OPT_ENGINE:
    c->diagram.engine = arg;
    break;
  case OPT_FONT:
    c->diagram.font = arg;
    break;
  case OPT_WIDTH:
    if (!parse_real(arg, "--width", 100, &v) || v > 20000) return EXIT_USAGE;
    c->diagram.width_px = (int)v;
    break;
  case OPT_LANG:
    if (strcmp(arg, "zh") && strcmp(arg, "en")) {
      say("--lang takes zh or en, not '%s'", arg);
      return EXIT_USAGE;
    }
    c->lang = arg;
    break;
  }
  return EXIT_OK;
}

/* A whole-number option of the meeting planner, with its range. */
static int opt_count(cli *c, int opt, const char *arg) {
  static const struct {
    int opt;
    const char *name;
    int min, max;
  } lim[] = {{OPT_MAX_ATTENDEES, "--max-attendees", 2, 1000000},
             {OPT_MAX_AGENDA, "--max-agenda", 1, 1000000},
             {OPT_ROOMS, "--rooms", 1, 1000000},
             {OPT_CHAPTER, "--chapter", 1, 1000000},
             {OPT_OVERHEAD_MINUTES, "--overhead-minutes", 0, 480},
             {OPT_ITEM_MINUTES, "--item-minutes", 1, 240},
             {OPT_MAX_PER_DAY, "--max-per-day", 1, 100}};
  int k = 0;
  while (lim[k].opt != opt)
    k++;
  double v;
  if (!parse_real(arg, lim[k].name, lim[k].min, &v)) return EXIT_USAGE;
  if (v != (int)v || v > lim[k].max) {
    say("%s takes a whole number from %d to %d", lim[k].name, lim[k].min, lim[k].max);
    return EXIT_USAGE;
  }
  int n = (int)v;
  if (opt == OPT_MAX_ATTENDEES)
    c->meetings.max_attendees = n;
  else if (opt == OPT_MAX_AGENDA)
    c->meetings.max_agenda = n;
  else if (opt == OPT_ROOMS)
    c->meetings.rooms = n;
  else if (opt == OPT_CHAPTER)
    c->meetings.chapter = n;
  else if (opt == OPT_OVERHEAD_MINUTES)
    c->meetings.overhead_minutes = n;
  else if (opt == OPT_ITEM_MINUTES)
    c->meetings.item_minutes = n;
  else
    c->meetings.max_per_day = n;
  return EXIT_OK;
}

/* The calendar options of the planner: --start, --sessions, --room; and
 * --min-relevance. */
static int opt_calendar(cli *c, int opt, const char *arg) {
  if (opt == OPT_MIN_RELEVANCE) {
    double v;
    if (!parse_real(arg, "--min-relevance", 0, &v)) return EXIT_USAGE;
    if (v > 1) {
      say("--min-relevance takes a share from 0 to 1, not '%s'", arg);
      return EXIT_USAGE;
    }
    c->meetings.min_relevance = v;
    return EXIT_OK;
  }
  if (opt == OPT_ROOM) {
    c->ics.room = arg;
    return EXIT_OK;
  }
  if (opt == OPT_SESSIONS) {
    rg_error e;
    rg_status st = rg_meeting_parse_sessions(arg, &c->meetings, &e);
    return st ? finish(st, &e) : EXIT_OK;
  }
  if (rg_date_parse(arg, &c->meetings.start)) {
    say("--start '%s' is not a real date YYYY-MM-DD", arg);
    return EXIT_USAGE;
  }
  c->have_start = 1;
  return EXIT_OK;
}

static int opt_meetings(cli *c, int opt, const char *arg) {
  switch (opt) {
  case OPT_EXCLUDE_UNIT:
    c->exclude_units[c->n_exclude++] = arg;
    break;
  case OPT_UNAVAILABLE:
    c->unavailable = arg;
    break;
  case OPT_ICS:
    c->ics_path = arg;
    break;
  }
  return EXIT_OK;
}

/* --as-of DATE, --soon-days N, --by quarter|month. */
static int opt_dates(cli *c, int opt, const char *arg) {
  double v;
  if (opt == OPT_AS_OF) {
    if (!rg_date_parse(arg, &c->as_of)) return EXIT_OK;
    say("--as-of '%s' is not a real date YYYY-MM-DD", arg);
    return EXIT_USAGE;
  }
  if (opt == OPT_SOON_DAYS) {
    if (!parse_real(arg, "--soon-days", 0, &v) || v != (int)v || v > 366) {
      say("--soon-days takes a whole number of days from 0 to 366, not '%s'", arg);
      return EXIT_USAGE;
    }
    c->soon_days = (int)v;
    return EXIT_OK;
  }
  if (!strcmp(arg, "quarter") || !strcmp(arg, "季度"))
    c->by_months = 3;
  else if (!strcmp(arg, "month") || !strcmp(arg, "月"))
    c->by_months = 1;
  else {
    say("--by takes quarter or month, not '%s'", arg);
    return EXIT_USAGE;
  }
  return EXIT_OK;
}

/* Apply one option of group g. */
static int apply_option(cli *c, const command *cmd, unsigned g, int opt, const char *arg) {
  switch (g) {
  case G_TABLE:
    return opt_table(c, opt, arg);
  case G_UNIT:
    c->only_unit = arg;
    return EXIT_OK;
  case G_BACKBONE:
    c->backbone = 1;
    return EXIT_OK;
  case G_RENAMES:
    c->renames = arg;
    return EXIT_OK;
  case G_PLANS:
    if (opt == OPT_COMPARE)
      c->compare_path = arg;
    else
      c->trend_paths[c->n_trend++] = arg;
    return EXIT_OK;
  case G_ANALYSIS:
    return opt_analysis(c, cmd, opt, arg);
  case G_LANG:
  case G_DIAGRAM:
    return opt_diagram(c, opt, arg);
  case G_PLANNING:
    if (opt == OPT_START || opt == OPT_SESSIONS || opt == OPT_ROOM || opt == OPT_MIN_RELEVANCE)
      return opt_calendar(c, opt, arg);
    return opt_count(c, opt, arg);
  case G_MEETINGS:
    return opt_meetings(c, opt, arg);
  case G_EXPLAIN:
    c->explain = arg;
    return EXIT_OK;
  case G_AS_OF:
  case G_BY:
    return opt_dates(c, opt, arg);
  default:
    return opt_read(c, opt, arg);
  }
}

static const optdef *find_option(int opt) {
  for (int k = 0; k < N_OPTIONS; k++)
    if (OPTIONS[k].opt.val == opt) return &OPTIONS[k];
  return NULL;
}

/* An option getopt did not know or that lacks its value: say so, with the
 * closest options the command takes. */
static int unknown_option(const command *cmd, const char *arg) {
  const char *names[N_OPTIONS];
  char buf[N_OPTIONS][40];
  int n = 0;
  for (int k = 0; k < N_OPTIONS; k++)
    if (OPTIONS[k].group == G_READ || (cmd->options & OPTIONS[k].group)) {
      snprintf(buf[n], sizeof buf[n], "--%s", OPTIONS[k].opt.name);
      names[n] = buf[n];
      n++;
    }
  char word[64];
  snprintf(word, sizeof word, "%.*s", (int)strcspn(arg, "="), arg);
  int known = 0;
  for (int k = 0; k < n; k++)
    known |= !strcmp(names[k], word);
  if (known) {
    say("%s needs a value (see 'respgraph %s --help')", word, cmd->name);
    return EXIT_USAGE;
  }
  int near[3], k = rg_closest(word, names, n, near, 3);
  rg_buf b = {0};
  rg_buf_printf(&b, "%s does not take %s", cmd->name, word);
  for (int i = 0; i < k; i++)
    rg_buf_printf(&b, "%s%s", i ? ", " : "; did you mean ", names[near[i]]);
  rg_buf_printf(&b, "%s (see 'respgraph %s --help')", k ? "?" : "", cmd->name);
  say("%s", b.s);
  free(b.s);
  return EXIT_USAGE;
}

/* Parse the options after the command name into c; -1 to go on, else the
 * exit code (0 after --help). */
static int parse_options(cli *c, const command *cmd, int argc, char **argv) {
  struct option longopts[N_OPTIONS + 1];
  for (int k = 0; k < N_OPTIONS; k++)
    longopts[k] = OPTIONS[k].opt;
  memset(&longopts[N_OPTIONS], 0, sizeof longopts[0]);
  optind = 2;
  opterr = 0; /* unknown_option says it, with the closest names */
  int opt;
  while ((opt = getopt_long(argc, argv, "f:o:h", longopts, NULL)) != -1) {
    const optdef *d = find_option(opt);
    if (!d) return unknown_option(cmd, argv[optind - 1]);
    if (opt == OPT_HELP) {
      command_help(cmd);
      return EXIT_OK;
    }
    /* --columns lead=H,... is the older spelling of --headers */
    if (opt == OPT_COLUMNS && strchr(optarg, '=')) d = find_option(OPT_HEADERS);
    if (d->group != G_READ && !(cmd->options & d->group)) {
      for (size_t k = 0; k < sizeof OWN_OPTIONS / sizeof OWN_OPTIONS[0]; k++)
        if (OWN_OPTIONS[k].group == d->group) {
          say("%s", OWN_OPTIONS[k].say);
          return EXIT_USAGE;
        }
      say("%s does not take --%s (see 'respgraph %s --help')", cmd->name, d->opt.name, cmd->name);
      return EXIT_USAGE;
    }
    int rc = apply_option(c, cmd, d->group, opt, optarg);
    if (rc) return rc;
  }
  c->n_plans = argc - optind;
  if (plans_of(cmd) == PLANS_TWO && c->n_plans != 2) {
    say("%s takes exactly two plans: OLD NEW", cmd->name);
    return EXIT_USAGE;
  }
  if (plans_of(cmd) == PLANS_SERIES && c->n_plans < 2) {
    say("%s takes two or more plans, oldest first", cmd->name);
    return EXIT_USAGE;
  }
  if (c->n_plans < 1) {
    say("%s takes a PLAN (a file, or - for stdin), or several", cmd->name);
    return EXIT_USAGE;
  }
  c->plan_paths = (const char **)argv + optind;
  if (c->level || c->city) {
    c->load.level_text = rg_level_text(c->level, c->city);
    if (!c->load.level_text) {
      say("--level takes national, provincial, city, county or district, not '%s'", c->level);
      return EXIT_USAGE;
    }
  }
  c->plan_path = argv[optind];
  if (!c->have_start) /* the next Monday after today (local time) */
    c->meetings.start = rg_calendar_next_monday(today());
  c->meetings.lang_en = c->lang && !strcmp(c->lang, "en");
  return -1;
}

/* ------------------------------------------------------------ running */

/* The command named by argv[1], or an exit code in *rc (help, version,
 * unknown command). */
static const command *pick_command(int argc, char **argv, int *rc) {
  if (argc < 2) {
    usage(stderr);
    *rc = EXIT_USAGE;
    return NULL;
  }
  if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
    usage(stdout);
    *rc = EXIT_OK;
    return NULL;
  }
  if (!strcmp(argv[1], "--version")) {
    printf("respgraph %s (igraph %s)\n", RG_VERSION, IGRAPH_VERSION);
    *rc = EXIT_OK;
    return NULL;
  }
  const char *names[sizeof COMMANDS / sizeof COMMANDS[0]];
  int n = 0;
  for (const command *c = COMMANDS; c->name; c++) {
    if (!strcmp(c->name, argv[1])) return c;
    names[n++] = c->name;
  }
  int near[3], k = rg_closest(argv[1], names, n, near, 3);
  rg_buf b = {0};
  rg_buf_printf(&b, "unknown command '%s'", argv[1]);
  for (int i = 0; i < k; i++)
    rg_buf_printf(&b, "%s%s", i ? ", " : "; did you mean ", names[near[i]]);
  rg_buf_puts(&b, k ? "?" : "");
  say("%s", b.s);
  free(b.s);
  usage(stderr);
  *rc = EXIT_USAGE;
  return NULL;
}

/* Load the plan: the names let in as units are --accept-unit's and every
 * name of the roster; --explain keeps how each name was read. */
static rg_status load_plan(cli *c, const char *path, rg_plan **plan, rg_error *err) {
  char **roster_names = NULL;
  int n_roster = 0;
  if (c->roster) {
    rg_status st = rg_roster_names(c->roster, &roster_names, &n_roster, err);
    if (st) return st;
  }
  const char **accept = rg_xcalloc((size_t)(c->n_accept + n_roster) + 1, sizeof *accept);
  for (int i = 0; i < c->n_accept; i++)
    accept[i] = c->accept_units[i];
  for (int i = 0; i < n_roster; i++)
    accept[c->n_accept + i] = roster_names[i];
  c->load.accept = accept;
  c->load.n_accept = c->n_accept + n_roster;
  c->load.record = c->explain != NULL;
  c->load.threads = c->analysis.threads; /* --threads 1: reading too on one thread */
  rg_status st = rg_plan_load(path, &c->load, plan, err);
  c->load.accept = NULL;
  free(accept);
  for (int i = 0; i < n_roster; i++)
    free(roster_names[i]);
  free(roster_names);
  return st;
}

/* --exclude-task ids to plan task indices (c->exclude_tasks); a task the
 * plan lacks is a usage error. */
static int exclude_tasks(cli *c, const rg_plan *plan) {
  c->exclude_tasks = rg_xcalloc((size_t)c->n_exclude_tasks + 1, sizeof *c->exclude_tasks);
  for (int i = 0; i < c->n_exclude_tasks; i++) {
    int t = rg_task_lookup(plan, c->exclude_task_ids[i]);
    if (t < 0) {
      fprintf(stderr,
              "respgraph: --exclude-task: the plan has no task '%s' (task ids are as "
              "`respgraph parse` lists them)\n",
              c->exclude_task_ids[i]);
      return EXIT_USAGE;
    }
    c->exclude_tasks[i] = t;
  }
  c->analysis.exclude_tasks = c->exclude_tasks;
  c->analysis.n_exclude_tasks = c->n_exclude_tasks;
  return EXIT_OK;
}

/* Load every PLAN (and apply the roster to each) into c->plans; then the
 * plan the command runs on: the only one, or their consolidated plan
 * (merge.h) for a command that merges several. */
static rg_status load_plans(cli *c, const command *cmd, rg_plan **plan, rg_error *err) {
  c->plans = rg_xcalloc((size_t)c->n_plans, sizeof *c->plans);
  c->labels = rg_plan_labels(c->plan_paths, c->n_plans);
  rg_status st = RG_OK;
  for (int i = 0; i < c->n_plans && !st; i++) {
    st = load_plan(c, c->plan_paths[i], &c->plans[i], err);
    if (!st && c->roster) st = rg_roster_apply(c->plans[i], c->roster, err);
  }
  if (st) return st;
  if (c->n_plans == 1 || plans_of(cmd) != PLANS_MERGED) {
    *plan = c->plans[0];
    return RG_OK;
  }
  *plan = rg_plan_merge(c->plans, (const char *const *)c->labels, c->n_plans, RG_DUP_THRESHOLD);
  return RG_OK;
}

static void free_plans(cli *c, rg_plan *plan) {
  int own = 1;
  for (int i = 0; i < c->n_plans; i++) {
    own &= plan != c->plans[i];
    rg_plan_free(c->plans[i]);
  }
  if (own) rg_plan_free(plan);
  free(c->plans);
  rg_plan_labels_free(c->labels, c->n_plans);
}

/* Load the plans, open the output and run the command. */
static int run_command(cli *c, const command *cmd) {
  rg_error err;
  rg_error_clear(&err);
  rg_plan *plan = NULL;
  rg_status st = load_plans(c, cmd, &plan, &err);
  if (st) {
    free_plans(c, plan);
    return finish(st, &err);
  }
  if (c->n_exclude_tasks && exclude_tasks(c, plan)) {
    free_plans(c, plan);
    return EXIT_USAGE;
  }
  int rc;
  /* -o FILE: whole or not at all; a failed command leaves the old file */
  rg_outfile o = {.f = stdout};
  if (c->out_path && strcmp(c->out_path, "-") && !cmd->output->writes_files)
    st = rg_outfile_open(&o, c->out_path, &err);
  if (st) {
    rc = finish(st, &err);
  } else {
    rc = cmd->run(c, cmd, plan, o.f);
    if (o.f != stdout && rc != EXIT_OK)
      rg_outfile_abort(&o);
    else if (o.f != stdout)
      rc = finish(rg_outfile_commit(&o, &err), &err);
    if (o.f == stdout && fflush(stdout) != 0 && rc == EXIT_OK)
      rc = finish(rg_error_set(&err, RG_ESYS, NULL, 0, 0, "write to stdout failed"), &err);
  }
  free_plans(c, plan);
  return rc;
}

int main(int argc, char **argv) {
  igraph_set_error_handler(igraph_error_handler_ignore);
  igraph_set_warning_handler(igraph_warning_handler_ignore);
  int rc = EXIT_OK;
  const command *cmd = pick_command(argc, argv, &rc);
  if (!cmd) return rc;
  cli c = {.format = RG_FMT_TABLE,
           .table = rg_table_opts_default(),
           .soon_days = RG_DUE_SOON_DAYS,
           .by_months = 3};
  rg_analysis_opts_init(&c.analysis);
  rg_diagram_opts_init(&c.diagram);
  rg_meeting_opts_init(&c.meetings);
  rg_ics_opts_init(&c.ics);
  c.exclude_units = rg_xcalloc((size_t)argc + 1, sizeof *c.exclude_units);
  c.accept_units = rg_xcalloc((size_t)argc + 1, sizeof *c.accept_units);
  c.exclude_task_ids = rg_xcalloc((size_t)argc + 1, sizeof *c.exclude_task_ids);
  c.trend_paths = rg_xcalloc((size_t)argc + 1, sizeof *c.trend_paths);
  rc = parse_options(&c, cmd, argc, argv);
  if (rc < 0) rc = run_command(&c, cmd);
  free(c.exclude_units);
  free(c.accept_units);
  free(c.exclude_task_ids);
  free(c.trend_paths);
  free((char *)c.load.level_text);
  free(c.exclude_tasks);
  return rc;
}
