/* report.c - rg_report_write: the report directory, step by step. */
#include "report.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "diagram.h"
#include "escape.h"
#include "graphml.h"
#include "html.h"
#include "html_meetings.h"
#include "meetings_out.h"
#include "report_data.h"
#include "report_json.h"
#include "schema.h"
#include "xlsx.h"

void rg_report_opts_init(rg_report_opts *opts) {
  memset(opts, 0, sizeof *opts);
  opts->lang = "zh";
  opts->ego_max_units = RG_REPORT_EGO_MAX;
}

char *rg_report_default_dir(const char *plan_path) {
  const char *base = plan_path && strcmp(plan_path, "-") ? plan_path : "plan";
  const char *slash = strrchr(base, '/');
  if (slash) base = slash + 1;
  size_t n = strlen(base);
  const char *dot = strrchr(base, '.');
  if (dot && dot != base) n = (size_t)(dot - base);
  if (n == 0) base = "plan", n = 4;
  char *out = rg_xmalloc(n + sizeof "-report");
  memcpy(out, base, n);
  memcpy(out + n, "-report", sizeof "-report");
  return out;
}

/* ---- helpers ------------------------------------------------------------- */

typedef struct run {
  const char *dir;
  int progress;
  struct timespec t0;
  rg_error *err;
} run;

static void step(run *r, const char *what) {
  if (!r->progress) return;
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  double ms = (double)(t.tv_sec - r->t0.tv_sec) * 1e3 + (double)(t.tv_nsec - r->t0.tv_nsec) / 1e6;
  fprintf(stderr, "report: %7.0f ms  %s\n", ms, what);
}

static char *path_in(const char *dir, const char *name) {
  size_t n = strlen(dir) + strlen(name) + 2;
  char *p = rg_xmalloc(n);
  snprintf(p, n, "%s/%s", dir, name);
  return p;
}

static rg_status make_dir(const char *path, rg_error *err) {
  /* mkdir -p: create each missing component */
  char *p = rg_xstrdup(path);
  for (char *s = p + 1; *s; s++) {
    if (*s != '/') continue;
    *s = '\0';
    if (mkdir(p, 0777) != 0 && errno != EEXIST) {
      rg_status st =
          rg_error_set(err, RG_ESYS, p, 0, 0, "cannot create directory: %s", strerror(errno));
      free(p);
      return st;
    }
    *s = '/';
  }
  rg_status st = RG_OK;
  if (mkdir(p, 0777) != 0 && errno != EEXIST)
    st = rg_error_set(err, RG_ESYS, p, 0, 0, "cannot create directory: %s", strerror(errno));
  free(p);
  return st;
}

static rg_status write_bytes(const char *path, const char *data, size_t len, rg_error *err) {
  FILE *f = fopen(path, "wb");
  if (!f) return rg_error_set(err, RG_ESYS, path, 0, 0, "cannot write: %s", strerror(errno));
  size_t w = fwrite(data, 1, len, f);
  int bad = w != len || ferror(f);
  if (fclose(f) != 0) bad = 1;
  return bad ? rg_error_set(err, RG_ESYS, path, 0, 0, "cannot write: %s", strerror(errno)) : RG_OK;
}

/* ---- CSV ------------------------------------------------------------------ */

/* Write t as UTF-8 CSV with a BOM (so Excel reads Chinese); a text cell that
 * a spreadsheet would take for a formula gets a leading '. */
static rg_status write_csv(const char *path, const rg_table *t, rg_error *err) {
  static const rg_csv_opts opts = {.bom = 1, .quote_spaces = 0};
  FILE *f = fopen(path, "wb");
  if (!f) return rg_error_set(err, RG_ESYS, path, 0, 0, "cannot write: %s", strerror(errno));
  rg_status st = rg_table_write_csv(t, &opts, f, err);
  int bad = st != RG_OK || ferror(f);
  if (fclose(f) != 0) bad = 1;
  return bad ? rg_error_set(err, RG_ESYS, path, 0, 0, "cannot write: %s", strerror(errno)) : RG_OK;
}

/* ---- diagrams ------------------------------------------------------------ */

static rg_status diagrams(run *r, rg_report_data *d) {
  const rg_plan *plan = d->plan;
  const rg_report_opts *o = d->opts;
  if (o->no_diagrams) {
    d->diagram_note = rg_report_tr(d, "本报告未绘制协作图（--no-diagrams）。",
                                   "Diagrams were not drawn for this report (--no-diagrams).");
    return RG_OK;
  }
  char *ddir = path_in(r->dir, "diagrams");
  rg_status st = make_dir(ddir, r->err);
  rg_diagram_opts dopts;
  rg_diagram_opts_init(&dopts);
  dopts.lang = d->zh ? "zh" : "en";
  dopts.quiet = 1;
  dopts.seed = d->res->opts.seed;
  char *svg = NULL;
  size_t len = 0;
  if (st == RG_OK) {
    dopts.view = "collab";
    st = rg_diagram_render_mem(plan, d->res, &dopts, "svg", &svg, &len, r->err);
  }
  if (st == RG_OK) {
    char *p = path_in(ddir, "collab.svg");
    st = write_bytes(p, svg, len, r->err);
    free(p);
    d->collab_svg = rg_html_svg_inline(svg, len, NULL);
  }
  free(svg);
  step(r, "collab diagram");
  int limit = o->ego_max_units == 0 ? RG_REPORT_EGO_MAX : o->ego_max_units;
  if (st == RG_OK && d->res->n_units > limit) {
    d->diagram_note =
        rg_report_tr(d, "具体单位较多，未绘制各单位的协作图（见协作关系图和 diagrams/）。",
                     "Too many units: no per-unit diagrams (see the collaboration diagram).");
  } else if (st == RG_OK) {
    d->ego_svg = rg_xcalloc((size_t)plan->n_units + 1, sizeof *d->ego_svg);
    for (int i = 0; i < d->res->n_units && st == RG_OK; i++) {
      int u = d->res->units[i].unit;
      size_t n = strlen(plan->units[u].name) + 8;
      char *view = rg_xmalloc(n);
      snprintf(view, n, "ego=%s", plan->units[u].name);
      dopts.view = view;
      st = rg_diagram_render_mem(plan, d->res, &dopts, "svg", &svg, &len, r->err);
      free(view);
      if (st != RG_OK) break;
      char name[64], prefix[32];
      snprintf(name, sizeof name, "ego-u%d.svg", u);
      snprintf(prefix, sizeof prefix, "e%d-", u);
      char *p = path_in(ddir, name);
      st = write_bytes(p, svg, len, r->err);
      free(p);
      d->ego_svg[u] = rg_html_svg_inline(svg, len, prefix);
      free(svg);
      svg = NULL;
    }
    step(r, "ego diagrams");
  }
  free(ddir);
  return st;
}

/* ---- the whole report ---------------------------------------------------- */

/* notices.html (one A4 notice per meeting) and meetings.ics, in the page's
 * language, when the report has a meeting plan. */
static rg_status meeting_files(run *r, const rg_plan *plan, const rg_report_opts *o, int en) {
  if (!o->meetings) return RG_OK;
  rg_status st = RG_OK;
  const char *names[] = {"notices.html", "meetings.ics"};
  for (int i = 0; i < 2 && st == RG_OK; i++) {
    char *p = path_in(r->dir, names[i]);
    FILE *f = fopen(p, "wb");
    if (!f) {
      st = rg_error_set(r->err, RG_ESYS, p, 0, 0, "cannot write: %s", strerror(errno));
    } else {
      if (i == 0) {
        rg_html_meetings_notices(f, plan, o->meetings, o->room, en);
      } else {
        rg_ics_opts io;
        rg_ics_opts_init(&io);
        io.room = o->room;
        st = rg_meetings_write_ics(plan, o->meetings, -1, &io, f, r->err);
      }
      if (fclose(f) != 0 && st == RG_OK)
        st = rg_error_set(r->err, RG_ESYS, p, 0, 0, "cannot write: %s", strerror(errno));
    }
    free(p);
    step(r, names[i]);
  }
  return st;
}

rg_status rg_report_write(const rg_plan *plan, const rg_results *results,
                          const rg_report_opts *opts_in, rg_error *err) {
  rg_report_opts opts;
  if (opts_in)
    opts = *opts_in;
  else
    rg_report_opts_init(&opts);
  if (opts.lang && strcmp(opts.lang, "zh") && strcmp(opts.lang, "en"))
    return rg_error_set(err, RG_EUSAGE, NULL, 0, 0, "--lang must be zh or en, not '%s'", opts.lang);
  for (int e = 0; e < opts.n_extras; e++) {
    const char *id = opts.extras[e].id;
    if (!id || !*id || strspn(id, "abcdefghijklmnopqrstuvwxyz0123456789_-") != strlen(id))
      return rg_error_set(err, RG_EUSAGE, NULL, 0, 0, "report extra id must be [a-z0-9_-]+");
  }
  char *dir_owned = opts.dir ? NULL : rg_report_default_dir(plan->path);
  run r = {.dir = opts.dir ? opts.dir : dir_owned, .progress = opts.progress, .err = err};
  clock_gettime(CLOCK_MONOTONIC, &r.t0);
  rg_report_data d;
  rg_report_data_init(&d, plan, results, &opts);
  rg_status st = make_dir(r.dir, err);
  if (st == RG_OK) st = diagrams(&r, &d);

  if (st == RG_OK) {
    char *p = path_in(r.dir, "index.html");
    FILE *f = fopen(p, "wb");
    if (!f)
      st = rg_error_set(err, RG_ESYS, p, 0, 0, "cannot write: %s", strerror(errno));
    else {
      st = rg_html_write(f, &d, err);
      if (fclose(f) != 0 && st == RG_OK)
        st = rg_error_set(err, RG_ESYS, p, 0, 0, "cannot write: %s", strerror(errno));
      if (st != RG_OK && !err->file[0]) snprintf(err->file, sizeof err->file, "%s", p);
    }
    free(p);
    step(&r, "index.html");
  }
  if (st == RG_OK) {
    char *p = path_in(r.dir, "report.xlsx");
    st = rg_xlsx_write(p, &d, err);
    free(p);
    step(&r, "report.xlsx");
  }
  if (st == RG_OK) {
    char *p = path_in(r.dir, "report.json");
    json_t *root = rg_report_json(&d);
    char *text = json_dumps(root, JSON_INDENT(1) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
    json_decref(root);
    if (!text)
      st = rg_error_set(err, RG_ESYS, p, 0, 0, "cannot encode the report as JSON");
    else {
      size_t n = strlen(text);
      text = rg_xrealloc(text, n + 2);
      text[n] = '\n';
      text[n + 1] = '\0';
      st = write_bytes(p, text, n + 1, err);
    }
    free(text);
    free(p);
    step(&r, "report.json");
  }
  if (st == RG_OK) {
    rg_table_src src = {.plan = plan, .res = results, .rd = &d, .only_unit = -1};
    struct {
      const char *name;
      const rg_view *view;
    } csvs[] = {{"units.csv", &rg_view_units},
                {"ties.csv", &rg_view_ties},
                {"clusters.csv", &rg_view_clusters},
                {"tasks.csv", &rg_view_tasks_csv},
                {"edges.csv", &rg_view_edges}};
    for (size_t i = 0; i < sizeof csvs / sizeof csvs[0] && st == RG_OK; i++) {
      char *p = path_in(r.dir, csvs[i].name);
      rg_table *t = rg_table_view(csvs[i].view, &src);
      st = write_csv(p, t, err);
      rg_table_free(t);
      free(p);
    }
    for (int e = 0; e < opts.n_extras && st == RG_OK; e++) {
      size_t n = strlen(opts.extras[e].id) + 5;
      char *name = rg_xmalloc(n);
      snprintf(name, n, "%s.csv", opts.extras[e].id);
      char *p = path_in(r.dir, name);
      st = write_csv(p, opts.extras[e].table, err);
      free(p);
      free(name);
    }
    step(&r, "CSV files");
  }
  if (st == RG_OK) {
    char *p = path_in(r.dir, "graph.graphml");
    st = rg_graphml_write(p, plan, results, err);
    free(p);
    step(&r, "graph.graphml");
  }
  if (st == RG_OK) st = meeting_files(&r, plan, &opts, opts.lang && !strcmp(opts.lang, "en"));
  if (st == RG_OK && opts.progress) fprintf(stderr, "report: written to %s/\n", r.dir);
  rg_report_data_destroy(&d);
  free(dir_owned);
  return st;
}
