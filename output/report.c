/* report.c - rg_report_write: the report directory, step by step. */
#include "report.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <threads.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "diagram.h"
#include "escape.h"
#include "graphml.h"
#include "html.h"
#include "html_meetings.h"
#include "meetings_out.h"
#include "outfile.h"
#include "report_data.h"
#include "report_json.h"
#include "schema.h"
#include "strutil.h"
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

/* ---- the folder: lock, links, files of an earlier run ------------------- */

/* Names in the folder respgraph keeps for itself. */
#define LOCK_NAME ".respgraph.lock"
#define MANIFEST_NAME ".respgraph-manifest"

typedef struct run {
  const char *dir;
  int dirfd;  /* the report folder (opened once; every name is relative to it) */
  int ddirfd; /* diagrams/, -1 until made */
  int lockfd;
  char *ddir_shown;
  int progress;
  struct timespec t0;
  rg_error *err;
  rg_outbatch *batch; /* every file but the manifest: synced and renamed together */
  char **written;     /* names relative to dir ("index.html", "diagrams/collab.svg") */
  size_t n_written, cap_written;
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

/* Create and open the folder, then take its lock: a second run on the same
 * folder stops at once instead of interleaving its files with ours. The
 * folder itself may be a link the user made; nothing inside it is followed. */
static rg_status open_folder(run *r) {
  rg_status st = make_dir(r->dir, r->err);
  if (st) return st;
  r->dirfd = open(r->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (r->dirfd < 0)
    return rg_error_set(r->err, RG_ESYS, r->dir, 0, 0, "cannot open the folder: %s",
                        strerror(errno));
  r->lockfd = openat(r->dirfd, LOCK_NAME, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0666);
  if (r->lockfd < 0)
    return rg_error_set(r->err, RG_ESYS, r->dir, 0, 0, "cannot create %s: %s", LOCK_NAME,
                        strerror(errno));
  if (flock(r->lockfd, LOCK_EX | LOCK_NB) != 0)
    return rg_error_set(r->err, RG_ESYS, r->dir, 0, 0,
                        errno == EWOULDBLOCK
                            ? "another respgraph run is writing a report into this folder (%s); "
                              "wait for it, or choose another folder with -o"
                            : "cannot lock the folder (%s): %s",
                        LOCK_NAME, strerror(errno));
  return RG_OK;
}

/* diagrams/ inside the folder, never through a link. */
static rg_status open_diagrams(run *r) {
  r->ddir_shown = path_in(r->dir, "diagrams");
  if (mkdirat(r->dirfd, "diagrams", 0777) != 0 && errno != EEXIST)
    return rg_error_set(r->err, RG_ESYS, r->ddir_shown, 0, 0, "cannot create directory: %s",
                        strerror(errno));
  r->ddirfd = openat(r->dirfd, "diagrams", O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (r->ddirfd < 0) {
    struct stat st;
    int link = fstatat(r->dirfd, "diagrams", &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode);
    return rg_error_set(r->err, RG_ESYS, r->ddir_shown, 0, 0, "%s",
                        link ? "is a symbolic link; respgraph does not write through links"
                             : "is not a folder respgraph can write into");
  }
  return RG_OK;
}

static void record(run *r, const char *name) {
  RG_GROW(r->written, r->cap_written, r->n_written + 1);
  r->written[r->n_written++] = rg_xstrdup(name);
}

/* An open output of the report: name in the folder (or in diagrams/). */
static rg_status open_out(run *r, int in_diagrams, const char *name, rg_outfile *o) {
  rg_status st =
      rg_outfile_open_at(o, in_diagrams ? r->ddirfd : r->dirfd,
                         in_diagrams ? r->ddir_shown : r->dir, name, RG_OUT_NOFOLLOW, r->err);
  if (st == RG_OK) {
    o->batch = r->batch;
    char *rel = in_diagrams ? path_in("diagrams", name) : rg_xstrdup(name);
    record(r, rel);
    free(rel);
  }
  return st;
}

static rg_status put_bytes(run *r, int in_diagrams, const char *name, const char *data,
                           size_t len) {
  rg_outfile o;
  rg_status st = open_out(r, in_diagrams, name, &o);
  if (st) return st;
  if (len && fwrite(data, 1, len, o.f) != len) {
    st = rg_error_set(r->err, RG_ESYS, o.shown, 0, 0, "cannot write: %s", strerror(errno));
    rg_outfile_abort(&o);
    return st;
  }
  return rg_outfile_commit(&o, r->err);
}

/* Write t as UTF-8 CSV with a BOM (so Excel reads Chinese); a text cell that
 * a spreadsheet would take for a formula gets a leading ' (table.h). */
static rg_status put_csv(run *r, const char *name, const rg_table *t) {
  static const rg_csv_opts opts = {.bom = 1, .quote_spaces = 0};
  rg_outfile o;
  rg_status st = open_out(r, 0, name, &o);
  if (st) return st;
  st = rg_table_write_csv(t, &opts, o.f, r->err);
  if (st) {
    rg_outfile_abort(&o);
    return st;
  }
  return rg_outfile_commit(&o, r->err);
}

/* ---- diagrams ------------------------------------------------------------ */

/* The file of each concrete unit's diagram, named so a person can tell
 * whose it is: diagrams/ego-<name>.svg, the name made safe for every file
 * system (rg_escape_file_name, at most RG_REPORT_NAME_MAX bytes); a unit
 * whose safe name is empty or taken (by another unit, letter case aside)
 * gets -u<plan unit index> added, then -2, -3... In load order, so the same
 * plan gives the same names. Into d->ego_file. */
static void name_ego_files(rg_report_data *d) {
  const rg_plan *plan = d->plan;
  d->ego_file = rg_xcalloc((size_t)plan->n_units + 1, sizeof *d->ego_file);
  for (int i = 0; i < d->res->n_units; i++) {
    int u = d->res->units[i].unit;
    char *base = rg_escape_file_name(plan->units[u].name, RG_REPORT_NAME_MAX);
    size_t n = strlen(base) + 64;
    char *name = rg_xmalloc(n);
    for (int k = 0;; k++) {
      char suffix[32] = "";
      if (k > 0 || !*base) snprintf(suffix, sizeof suffix, k > 1 ? "-u%d-%d" : "-u%d", u, k);
      snprintf(name, n, "diagrams/ego%s%s%s.svg", *base ? "-" : "", base, suffix);
      int taken = 0;
      for (int j = 0; j < i && !taken; j++)
        taken = !strcasecmp(d->ego_file[d->res->units[j].unit], name);
      if (!taken) break;
    }
    d->ego_file[u] = name;
    free(base);
  }
}

/* The collaboration diagram, then the names and slots of the ego diagrams
 * (drawn by egos) or the note saying why there are none. */
static rg_status collab(run *r, rg_report_data *d, rg_diagram_opts *dopts) {
  const rg_report_opts *o = d->opts;
  if (o->no_diagrams) {
    d->diagram_note = rg_report_tr(d, "本报告未绘制协作图（--no-diagrams）。",
                                   "Diagrams were not drawn for this report (--no-diagrams).");
    return RG_OK;
  }
  rg_status st = open_diagrams(r);
  rg_diagram_opts_init(dopts);
  dopts->lang = d->zh ? "zh" : "en";
  dopts->quiet = 1;
  dopts->seed = d->res->opts.seed;
  char *svg = NULL;
  size_t len = 0;
  if (st == RG_OK) {
    dopts->view = "collab";
    st = rg_diagram_render_mem(d->plan, d->res, dopts, "svg", &svg, &len, r->err);
  }
  if (st == RG_OK) {
    st = put_bytes(r, 1, "collab.svg", svg, len);
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
    name_ego_files(d);
    d->ego_svg = rg_xcalloc((size_t)d->plan->n_units + 1, sizeof *d->ego_svg);
  }
  return st;
}

/* ---- the second thread --------------------------------------------------- */

/* The files that need no ego diagram (workbook, JSON, CSV, GraphML, meeting
 * files) are written on a second thread while this one draws the ego
 * diagrams (Graphviz, one thread at a time, diagram.c); then that thread
 * writes each ego SVG and sanitises it for the page (libxml2) as it is
 * drawn. It has its own error and lists of written names: the manifest
 * lists the collab diagram, the ego diagrams, the page, then the other
 * files, in the order one thread wrote them. */
typedef struct side {
  run r;  /* the folder; its own err and written names (the files) */
  run eg; /* the same, for the ego diagrams' names */
  rg_error err;
  atomic_int failed; /* set when a file failed: no more diagrams are needed */
  rg_report_data *d;
  rg_status st;
  mtx_t lock;
  cnd_t more;
  char **svg; /* results row -> Graphviz SVG of its ego diagram, until sanitised */
  size_t *len;
  int n_ready; /* rows 0..n_ready-1 are drawn (or skipped: NULL) */
  int closed;  /* no more rows come */
  thrd_t thread;
  int started;
} side;

static rg_status meeting_files(run *r, const rg_plan *plan, const rg_report_opts *o, int en);
static rg_status put_book(run *r, rg_report_data *d);
static rg_status put_json(run *r, rg_report_data *d);
static rg_status put_csvs(run *r, rg_report_data *d, const rg_report_opts *opts);
static rg_status put_graphml(run *r, rg_report_data *d);

/* Row i's SVG, waiting until it is drawn; 0 when no more rows come. */
static int side_take(side *s, int i, char **svg, size_t *len) {
  mtx_lock(&s->lock);
  while (i >= s->n_ready && !s->closed)
    cnd_wait(&s->more, &s->lock);
  int have = i < s->n_ready;
  if (have) {
    *svg = s->svg[i];
    *len = s->len[i];
    s->svg[i] = NULL;
  }
  mtx_unlock(&s->lock);
  return have;
}

static int side_main(void *arg) {
  side *s = arg;
  run *r = &s->r;
  rg_report_data *d = s->d;
  const rg_report_opts *o = d->opts;
  rg_status st = put_book(r, d);
  step(r, "report.xlsx");
  if (st == RG_OK) st = put_json(r, d), step(r, "report.json");
  if (st == RG_OK) st = put_csvs(r, d, o), step(r, "CSV files");
  if (st == RG_OK) st = put_graphml(r, d), step(r, "graph.graphml");
  if (st == RG_OK) st = meeting_files(r, d->plan, o, o->lang && !strcmp(o->lang, "en"));
  if (st != RG_OK) atomic_store(&s->failed, 1);
  char *svg;
  size_t len;
  for (int i = 0; side_take(s, i, &svg, &len); i++) {
    if (!svg) continue;
    int u = d->res->units[i].unit;
    if (st == RG_OK) st = put_bytes(&s->eg, 1, d->ego_file[u] + strlen("diagrams/"), svg, len);
    if (st != RG_OK) atomic_store(&s->failed, 1);
    char prefix[32];
    snprintf(prefix, sizeof prefix, "e%d-", u);
    d->ego_svg[u] = rg_html_svg_inline(svg, len, prefix);
    free(svg);
  }
  s->st = st;
  return 0;
}

/* Start the second thread (or, when it cannot start, leave its work to
 * side_join on this one). */
static void side_start(side *s, const run *r, rg_report_data *d) {
  memset(s, 0, sizeof *s);
  s->r = *r;
  s->r.err = &s->err;
  s->r.written = NULL;
  s->r.n_written = s->r.cap_written = 0;
  s->eg = s->r;
  atomic_init(&s->failed, 0);
  rg_error_clear(&s->err);
  s->d = d;
  int rows = d->res->n_units + 1;
  s->svg = rg_xcalloc((size_t)rows, sizeof *s->svg);
  s->len = rg_xcalloc((size_t)rows, sizeof *s->len);
  if (mtx_init(&s->lock, mtx_plain) != thrd_success || cnd_init(&s->more) != thrd_success) abort();
  s->started = thrd_create(&s->thread, side_main, s) == thrd_success;
}

/* Row i is drawn (svg NULL: not drawn); s takes svg. */
static void side_give(side *s, int i, char *svg, size_t len) {
  mtx_lock(&s->lock);
  s->svg[i] = svg;
  s->len[i] = len;
  s->n_ready = i + 1;
  cnd_signal(&s->more);
  mtx_unlock(&s->lock);
}

/* Wait for the second thread; its first error, when this thread had none,
 * becomes err. */
static rg_status side_join(side *s, rg_status st, rg_error *err) {
  mtx_lock(&s->lock);
  s->closed = 1;
  cnd_signal(&s->more);
  mtx_unlock(&s->lock);
  if (s->started)
    thrd_join(s->thread, NULL);
  else
    side_main(s);
  for (int i = 0; i < s->n_ready; i++)
    free(s->svg[i]);
  free(s->svg);
  free(s->len);
  cnd_destroy(&s->more);
  mtx_destroy(&s->lock);
  if (st == RG_OK && s->st != RG_OK) {
    *err = s->err;
    st = s->st;
  }
  return st;
}

/* Move the names of from to the end of r's (the manifest's order). */
static void side_names(run *r, run *from) {
  for (size_t i = 0; i < from->n_written; i++) {
    RG_GROW(r->written, r->cap_written, r->n_written + 1);
    r->written[r->n_written++] = from->written[i];
  }
  free(from->written);
}

/* The ego diagram of each concrete unit, in load order, handed to the
 * second thread to be written and sanitised for the page. */
static rg_status egos(run *r, rg_report_data *d, rg_diagram_opts *dopts, side *s) {
  if (!d->ego_svg) return RG_OK;
  const rg_plan *plan = d->plan;
  rg_status st = RG_OK;
  for (int i = 0; i < d->res->n_units && st == RG_OK; i++) {
    int u = d->res->units[i].unit;
    size_t n = strlen(plan->units[u].name) + 8;
    char *view = rg_xmalloc(n);
    snprintf(view, n, "ego=%s", plan->units[u].name);
    dopts->view = view;
    char *svg = NULL;
    size_t len = 0;
    st = rg_diagram_render_mem(plan, d->res, dopts, "svg", &svg, &len, r->err);
    free(view);
    side_give(s, i, st == RG_OK ? svg : NULL, len);
    if (st != RG_OK) free(svg);
    if (atomic_load(&s->failed)) break; /* its error is reported by side_join */
  }
  step(r, "ego diagrams");
  return st;
}

/* ---- the files ----------------------------------------------------------- */

static rg_status put_page(run *r, rg_report_data *d) {
  rg_outfile o;
  rg_status st = open_out(r, 0, "index.html", &o);
  if (st) return st;
  st = rg_html_write(o.f, d, r->err);
  if (st) {
    if (!r->err->file[0]) snprintf(r->err->file, sizeof r->err->file, "%s", o.shown);
    rg_outfile_abort(&o);
    return st;
  }
  return rg_outfile_commit(&o, r->err);
}

/* libxlsxwriter writes by name: into the temporary file, then renamed. */
static rg_status put_book(run *r, rg_report_data *d) {
  rg_outfile o;
  rg_status st = open_out(r, 0, "report.xlsx", &o);
  if (st) return st;
  rg_outfile_release(&o);
  st = rg_xlsx_write(o.tmp_path, d, r->err);
  if (st) {
    snprintf(r->err->file, sizeof r->err->file, "%s", o.shown);
    rg_outfile_abort(&o);
    return st;
  }
  return rg_outfile_commit(&o, r->err);
}

static rg_status put_json(run *r, rg_report_data *d) {
  json_t *root = rg_report_json(d);
  char *text = json_dumps(root, JSON_INDENT(1) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
  json_decref(root);
  if (!text) return rg_error_set(r->err, RG_ESYS, r->dir, 0, 0, "cannot encode report.json");
  size_t n = strlen(text);
  text = rg_xrealloc(text, n + 2);
  text[n] = '\n';
  text[n + 1] = '\0';
  rg_status st = put_bytes(r, 0, "report.json", text, n + 1);
  free(text);
  return st;
}

static rg_status put_csvs(run *r, rg_report_data *d, const rg_report_opts *opts) {
  rg_table_src src = {.plan = d->plan, .res = d->res, .rd = d, .only_unit = -1};
  static const struct {
    const char *name;
    const rg_view *view;
  } csvs[] = {{"units.csv", &rg_view_units},
              {"ties.csv", &rg_view_ties},
              {"clusters.csv", &rg_view_clusters},
              {"tasks.csv", &rg_view_tasks_csv},
              {"edges.csv", &rg_view_edges}};
  rg_status st = RG_OK;
  for (size_t i = 0; i < sizeof csvs / sizeof csvs[0] && st == RG_OK; i++) {
    rg_table *t = rg_table_view(csvs[i].view, &src);
    st = put_csv(r, csvs[i].name, t);
    rg_table_free(t);
  }
  for (int e = 0; e < opts->n_extras && st == RG_OK; e++) {
    size_t n = strlen(opts->extras[e].id) + 5;
    char *name = rg_xmalloc(n);
    snprintf(name, n, "%s.csv", opts->extras[e].id);
    st = put_csv(r, name, opts->extras[e].table);
    free(name);
  }
  return st;
}

static rg_status put_graphml(run *r, rg_report_data *d) {
  rg_outfile o;
  rg_status st = open_out(r, 0, "graph.graphml", &o);
  if (st) return st;
  st = rg_graphml_write(o.f, d->plan, d->res, r->err);
  if (st) {
    snprintf(r->err->file, sizeof r->err->file, "%s", o.shown);
    rg_outfile_abort(&o);
    return st;
  }
  return rg_outfile_commit(&o, r->err);
}

/* ---- files of an earlier run --------------------------------------------- */

/* A name the manifest may list: "NAME" or "diagrams/NAME", NAME without '/'
 * and not "." or "..", no control character. Anything else is ignored. */
static int manifest_name_ok(const char *s) {
  const char *base = starts(s, "diagrams/") ? s + 9 : s;
  if (!*base || strchr(base, '/') || !strcmp(base, ".") || !strcmp(base, "..")) return 0;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++)
    if (*p < 0x20) return 0;
  return strcmp(base, LOCK_NAME) && strcmp(base, MANIFEST_NAME);
}

static int was_written(const run *r, const char *name) {
  for (size_t i = 0; i < r->n_written; i++)
    if (!strcmp(r->written[i], name)) return 1;
  return 0;
}

/* Remove name (relative to the folder) when this run did not write it: a
 * file or a link is unlinked (a link's target is never touched). */
static void remove_stale(run *r, const char *name) {
  if (!manifest_name_ok(name) || was_written(r, name)) return;
  struct stat st;
  if (fstatat(r->dirfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0) return;
  if (S_ISREG(st.st_mode) || S_ISLNK(st.st_mode)) unlinkat(r->dirfd, name, 0);
}

/* The names of the earlier run's manifest, one per line; NULL when none. */
static char *read_manifest(run *r) {
  int fd = openat(r->dirfd, MANIFEST_NAME, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return NULL;
  rg_buf b = {0};
  char chunk[4096];
  ssize_t n;
  while ((n = read(fd, chunk, sizeof chunk)) > 0)
    rg_buf_putn(&b, chunk, (size_t)n);
  close(fd);
  return b.s;
}

/* After a complete run: every file the earlier run listed, or a diagram
 * named like ours (diagrams/ego-u<N>.svg, from a version without a
 * manifest), that this run did not write is removed - a report folder
 * reused for another plan keeps no stale diagram. After a failed run
 * nothing is removed. Then the manifest lists what this run wrote (and,
 * after a failure, what the earlier run wrote too, for the next run). */
static rg_status finish_folder(run *r, int complete) {
  char *old = read_manifest(r);
  char *save = NULL;
  if (complete && old)
    for (char *line = strtok_r(old, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
      if (line[0] != '#') remove_stale(r, line);
  if (complete && r->ddirfd >= 0) {
    DIR *dd = fdopendir(dup(r->ddirfd));
    for (struct dirent *e; dd && (e = readdir(dd));) {
      if (!starts(e->d_name, "ego-u") || !ends(e->d_name, ".svg")) continue;
      char *rel = path_in("diagrams", e->d_name);
      remove_stale(r, rel);
      free(rel);
    }
    if (dd) closedir(dd);
  } else if (complete && faccessat(r->dirfd, "diagrams", F_OK, AT_SYMLINK_NOFOLLOW) == 0) {
    unlinkat(r->dirfd, "diagrams", AT_REMOVEDIR); /* only when empty */
  }
  rg_buf b = {0};
  rg_buf_puts(&b, "# files respgraph report wrote here; the next run removes them\n");
  for (size_t i = 0; i < r->n_written; i++)
    rg_buf_printf(&b, "%s\n", r->written[i]);
  if (!complete && old) rg_buf_puts(&b, old); /* not cut up: strtok_r did not run */
  free(old);
  rg_error ignored;
  rg_status st = rg_outfile_write_at(r->dirfd, r->dir, MANIFEST_NAME, RG_OUT_NOFOLLOW, b.s, b.n,
                                     complete ? r->err : &ignored);
  free(b.s);
  return st;
}

static void close_folder(run *r) {
  if (r->ddirfd >= 0) close(r->ddirfd);
  if (r->lockfd >= 0) close(r->lockfd); /* releases the lock */
  if (r->dirfd >= 0) close(r->dirfd);
  for (size_t i = 0; i < r->n_written; i++)
    free(r->written[i]);
  free(r->written);
  free(r->ddir_shown);
}

/* ---- the whole report ---------------------------------------------------- */

/* notices.html (one A4 notice per meeting) and meetings.ics, in the page's
 * language, when the report has a meeting plan. */
static rg_status meeting_files(run *r, const rg_plan *plan, const rg_report_opts *o, int en) {
  if (!o->meetings) return RG_OK;
  rg_status st = RG_OK;
  const char *names[] = {"notices.html", "meetings.ics"};
  for (int i = 0; i < 2 && st == RG_OK; i++) {
    rg_outfile f;
    st = open_out(r, 0, names[i], &f);
    if (st) break;
    if (i == 0) {
      rg_html_meetings_notices(f.f, plan, o->meetings, o->room, en);
    } else {
      rg_ics_opts io;
      rg_ics_opts_init(&io);
      io.room = o->room;
      st = rg_meetings_write_ics(plan, o->meetings, -1, &io, f.f, r->err);
    }
    if (st)
      rg_outfile_abort(&f);
    else
      st = rg_outfile_commit(&f, r->err); /* a write error of the notices shows here */
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
  run r = {.dir = opts.dir ? opts.dir : dir_owned,
           .dirfd = -1,
           .ddirfd = -1,
           .lockfd = -1,
           .progress = opts.progress,
           .batch = rg_outbatch_new(),
           .err = err};
  clock_gettime(CLOCK_MONOTONIC, &r.t0);
  rg_report_data d;
  rg_report_data_init(&d, plan, results, &opts);
  rg_status st = open_folder(&r);
  int locked = st == RG_OK;
  rg_diagram_opts dopts;
  if (st == RG_OK) st = collab(&r, &d, &dopts);
  if (st == RG_OK) {
    side s;
    side_start(&s, &r, &d);
    st = egos(&r, &d, &dopts, &s);
    st = side_join(&s, st, err);
    side_names(&r, &s.eg);
    if (st == RG_OK) st = put_page(&r, &d), step(&r, "index.html");
    side_names(&r, &s.r);
  }
  /* The files written so far go into place even when a step failed, as each
   * did before the batch: the folder then holds whole files of either run. */
  rg_error later;
  rg_status bs = rg_outbatch_finish(r.batch, st == RG_OK ? err : &later);
  if (st == RG_OK) st = bs;
  step(&r, "files synced");
  if (locked) {
    rg_status fs = finish_folder(&r, st == RG_OK);
    if (st == RG_OK) st = fs;
  }
  if (st == RG_OK && opts.progress) fprintf(stderr, "report: written to %s/\n", r.dir);
  close_folder(&r);
  rg_report_data_destroy(&d);
  free(dir_owned);
  return st;
}
