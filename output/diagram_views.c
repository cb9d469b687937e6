/* diagram_views.c - the five diagram views, built node by node through cgraph. */
#include "diagram_views.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "escape.h"
#include "names.h"
#include "schema.h"
#include "sort.h"

/* ---- small helpers ------------------------------------------------------ */

typedef rg_buf sbuf;

/* Append raw text escaped for an HTML-like label: XML entities, and every
 * backslash doubled, because Graphviz expands \N, \G, \L... inside label text
 * and reads "\\" as one backslash. */
static void sb_label_text(sbuf *b, const char *raw, size_t n) {
  char *tmp = rg_xmalloc(n + 1);
  memcpy(tmp, raw, n);
  tmp[n] = '\0';
  char *x = rg_escape_label(tmp);
  for (const char *p = x; *p; p++) {
    if (*p == '\\')
      rg_buf_puts(b, "\\\\");
    else {
      char c[2] = {*p, 0};
      rg_buf_puts(b, c);
    }
  }
  free(x);
  free(tmp);
}

static void sb_text(sbuf *b, const char *raw) { sb_label_text(b, raw, strlen(raw)); }

/* A tooltip value: Graphviz runs escape expansion on tooltips twice, so a
 * literal backslash is written as four. XML entities stay entities in SVG. */
static char *tooltip_text(const char *raw) {
  char *x = rg_escape_label(raw);
  sbuf b = {0};
  rg_buf_puts(&b, "");
  for (const char *p = x; *p; p++) {
    if (*p == '\\')
      rg_buf_puts(&b, "\\\\\\\\");
    else {
      char c[2] = {*p, 0};
      rg_buf_puts(&b, c);
    }
  }
  free(x);
  return b.s;
}

static void attr(void *obj, const char *k, const char *v) {
  agsafeset(obj, (char *)k, (char *)v, "");
}

static void attrf(void *obj, const char *k, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void attrf(void *obj, const char *k, const char *fmt, ...) {
  char buf[256];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  attr(obj, k, buf);
}

static void attr_html(Agraph_t *root, void *obj, const char *k, const char *html) {
  char *h = agstrdup_html(root, (char *)html);
  agsafeset(obj, (char *)k, h, "");
  agstrfree(root, h);
}

static void attr_tooltip(void *obj, const char *raw) {
  char *t = tooltip_text(raw);
  attr(obj, "tooltip", t);
  free(t);
}

/* Code points in s. */
static size_t ncp(const char *s) {
  size_t n = 0;
  for (; *s; s++)
    if (((unsigned char)*s & 0xC0) != 0x80) n++;
  return n;
}

/* Byte offset of code point k in s. */
static size_t cpoff(const char *s, size_t k) {
  size_t i = 0;
  while (s[i] && k > 0) {
    i++;
    while (s[i] && ((unsigned char)s[i] & 0xC0) == 0x80)
      i++;
    k--;
  }
  return i;
}

/* Append raw text wrapped into at most max_lines lines of at most width code
 * points each, evenly filled, with "…" when cut. */
static void sb_wrapped(sbuf *b, const char *raw, size_t width, size_t max_lines) {
  size_t n = ncp(raw);
  size_t lines = (n + width - 1) / width;
  if (lines == 0) lines = 1;
  int cut = 0;
  if (lines > max_lines) lines = max_lines, cut = 1;
  size_t per = cut ? width : (n + lines - 1) / lines;
  size_t at = 0;
  for (size_t l = 0; l < lines; l++) {
    size_t take = per;
    if (cut && l == lines - 1) take = per - 1;
    if (at + take > n) take = n - at;
    size_t from = cpoff(raw, at), to = cpoff(raw, at + take);
    if (l) rg_buf_puts(b, "<BR/>");
    sb_label_text(b, raw + from, to - from);
    at += take;
  }
  if (cut && at < n) rg_buf_puts(b, "…");
}

#define T(zh_, en_) (ctx->en ? (en_) : (zh_))

static const char *const palette[] = {"#8dd3c7", "#ffffb3", "#bebada", "#80b1d3",
                                      "#fdb462", "#b3de69", "#fccde5", "#d9d9d9",
                                      "#bc80bd", "#ccebc5", "#ffed6f", "#a6cee3"};
#define N_PALETTE ((int)(sizeof palette / sizeof palette[0]))

static const char *cluster_colour(int c) { return c < 0 ? "#ffffff" : palette[c % N_PALETTE]; }

static const rg_unit_stats *stats_of(const rg_diagram_ctx *ctx, int u) {
  if (!ctx->res || !ctx->res->row_of_unit || u < 0) return NULL;
  int row = ctx->res->row_of_unit[u];
  return row >= 0 ? &ctx->res->units[row] : NULL;
}

static int cluster_of(const rg_diagram_ctx *ctx, int u) {
  const rg_unit_stats *s = stats_of(ctx, u);
  return s ? s->cluster : -1;
}

static const char *plan_title(const rg_diagram_ctx *ctx) {
  if (ctx->plan->meta.title && *ctx->plan->meta.title) return ctx->plan->meta.title;
  const char *p = ctx->plan->path ? ctx->plan->path : "plan";
  const char *slash = strrchr(p, '/');
  return slash ? slash + 1 : p;
}

static int cmp_long(const void *a, const void *b, void *ctx) {
  (void)ctx;
  long x = *(const long *)a, y = *(const long *)b;
  return (x > y) - (x < y);
}

/* ---- graph identity ------------------------------------------------------
 *
 * cgraph's default ID discipline (AgIdDisc) uses the address of the interned
 * name as a named object's ID, and keeps subgraphs ordered by ID. Layout
 * engines open graphs of their own with that default discipline: fdp's
 * derived graph (lib/fdpgen/layout.c deriveGraph, one per graph and one per
 * cluster) is split into connected components by findCComp (comp.c), which
 * makes a subgraph "cc<graph>+<n>" per component and then lists them with
 * agfstsubg/agnxtsubg - in order of the address of those name strings. The
 * components are laid out and packed (putGraphs) in that order, so which
 * unit lands in which slot of a cluster box depended on malloc: in the
 * clusters view every unit without a drawn tie inside its cluster is a
 * component of its own, and pango's font map thread allocating at the same
 * time made 2-4 different layouts of the seed in 20 runs (`dot -Tplain` of
 * the .dot file: units swapping places, nothing else).
 *
 * So the default discipline itself is replaced, before any graph exists
 * (a load-time constructor): every root graph numbers its objects in
 * creation order from 1 and keeps the names in cgraph's internal map. Same
 * graph, same order, same bytes - ours, fdp's derived graphs and every other
 * graph an engine opens (dot's, neato's, the HTML label tables). IDs restart
 * at 1 for every graph, because layout engines hash objects by ID. Graphviz
 * run outside respgraph (`dot -Tsvg clusters.dot`) still has the old
 * discipline, so fdp output of the .dot file can vary there. */

/* Per root graph: the next ID. */
static void *seq_open(Agraph_t *g, Agdisc_t *disc) {
  (void)g, (void)disc;
  IDTYPE *next = rg_xmalloc(sizeof *next);
  *next = 1;
  return next;
}

static long seq_map(void *state, int objtype, char *str, IDTYPE *id, int createflag) {
  IDTYPE *next = state;
  (void)objtype;
  if (str) return 0; /* names go to cgraph's internal map */
  if (!createflag) return 0;
  *id = *next;
  *next += 2; /* odd, like the anonymous IDs of cgraph's own discipline */
  return 1;
}

static char *seq_print(void *state, int objtype, IDTYPE id) {
  (void)state, (void)objtype, (void)id;
  return NULL;
}

static void seq_free(void *state, int objtype, IDTYPE id) { (void)state, (void)objtype, (void)id; }

static void seq_close(void *state) { free(state); }

/* At load time, before main and so before the first agopen in the process:
 * a graph opened under the old discipline would be read with the new one
 * (its state is the graph, its IDs are addresses). idalloc and idregister
 * stay cgraph's (no requested IDs; nothing to register). */
__attribute__((constructor)) static void seq_install(void) {
  AgIdDisc.open = seq_open;
  AgIdDisc.map = seq_map;
  AgIdDisc.print = seq_print;
  AgIdDisc.free = seq_free;
  AgIdDisc.close = seq_close;
}

static Agraph_t *open_graph(const char *name) { return agopen((char *)name, Agundirected, NULL); }

/* ---- labels --------------------------------------------------------------- */

/* Unit indices by label; ctx is the label array. */
static int cmp_label(const void *a, const void *b, void *ctx) {
  char **labels = ctx;
  int x = *(const int *)a, y = *(const int *)b;
  int c = strcmp(labels[x], labels[y]);
  return c ? c : (x > y) - (x < y);
}

void rg_diagram_labels_make(rg_diagram_ctx *ctx) {
  const rg_plan *plan = ctx->plan;
  int n = plan->n_units;
  ctx->label = rg_xcalloc((size_t)(n > 0 ? n : 1), sizeof *ctx->label);
  for (int u = 0; u < n; u++) {
    char buf[1024];
    rg_unit_short_name(plan->meta.issuer, plan->units[u].name, buf, sizeof buf);
    ctx->label[u] = rg_xstrdup(buf);
  }
  /* Two units with the same short name are both drawn with full names. */
  int *idx = rg_xmalloc(sizeof(int) * (size_t)(n > 0 ? n : 1));
  for (int u = 0; u < n; u++)
    idx[u] = u;
  rg_sort(idx, (size_t)n, sizeof(int), cmp_label, ctx->label);
  int *clash = rg_xcalloc((size_t)(n > 0 ? n : 1), sizeof(int));
  for (int i = 1; i < n; i++)
    if (!strcmp(ctx->label[idx[i]], ctx->label[idx[i - 1]])) clash[idx[i]] = clash[idx[i - 1]] = 1;
  for (int u = 0; u < n; u++)
    if (clash[u]) {
      free(ctx->label[u]);
      ctx->label[u] = rg_xstrdup(plan->units[u].name ? plan->units[u].name : "");
    }
  free(clash);
  free(idx);
}

void rg_diagram_labels_free(rg_diagram_ctx *ctx) {
  if (!ctx->label) return;
  for (int u = 0; u < ctx->plan->n_units; u++)
    free(ctx->label[u]);
  free(ctx->label);
  ctx->label = NULL;
}

/* ---- view resolution ------------------------------------------------------ */

static int parse_int(const char *s, int *out) {
  if (!*s) return 0;
  long v = 0;
  for (const char *p = s; *p; p++) {
    if (*p < '0' || *p > '9') return 0;
    v = v * 10 + (*p - '0');
    if (v > 1000000000L) return 0;
  }
  *out = (int)v;
  return 1;
}

rg_status rg_diagram_resolve_view(rg_diagram_ctx *ctx, const char *view, rg_error *err) {
  const rg_plan *plan = ctx->plan;
  const rg_results *res = ctx->res;
  if (!strcmp(view, "collab") || !strcmp(view, "clusters")) {
    ctx->kind = view[1] == 'o' ? RG_VIEW_COLLAB : RG_VIEW_CLUSTERS;
    if (!res)
      return rg_error_set(err, RG_EUSAGE, NULL, 0, 0, "diagram: view %s needs analysis results",
                          view);
    return RG_OK;
  }
  if (!strncmp(view, "ego=", 4)) {
    ctx->kind = RG_VIEW_EGO;
    int near[5], n_near = 0;
    ctx->arg = rg_unit_find(plan, view + 4, near, 5, &n_near);
    if (ctx->arg >= 0) return RG_OK;
    char list[512] = "";
    for (int k = 0; k < n_near; k++)
      snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", k ? ", " : "",
               plan->units[near[k]].name);
    if (ctx->arg == -2)
      return rg_error_set(err, RG_EUSAGE, NULL, 0, 0,
                          "diagram: '%s' is part of several units' names; name one: %s", view + 4,
                          list);
    return rg_error_set(err, RG_EUSAGE, NULL, 0, 0, "diagram: no unit \"%s\" in the plan%s%s%s",
                        view + 4, n_near ? "; did you mean " : "", list, n_near ? "?" : "");
  }
  if (!strncmp(view, "cluster=", 8)) {
    ctx->kind = RG_VIEW_CLUSTER;
    if (!res)
      return rg_error_set(err, RG_EUSAGE, NULL, 0, 0,
                          "diagram: view cluster=N needs analysis results");
    int id;
    if (!parse_int(view + 8, &id))
      return rg_error_set(err, RG_EUSAGE, NULL, 0, 0,
                          "diagram: cluster=N needs a number, not \"%s\"", view + 8);
    for (int i = 0; i < res->n_clusters; i++)
      if (res->clusters[i].id == id) {
        ctx->arg = i;
        return RG_OK;
      }
    if (res->n_clusters == 0)
      return rg_error_set(err, RG_EUSAGE, NULL, 0, 0,
                          "diagram: no cluster %d: the plan's units form no clusters", id);
    return rg_error_set(err, RG_EUSAGE, NULL, 0, 0,
                        "diagram: no cluster %d (the plan has %d: 0 to %d)", id, res->n_clusters,
                        res->n_clusters - 1);
  }
  if (!strncmp(view, "chapter=", 8)) {
    ctx->kind = RG_VIEW_CHAPTER;
    const char *a = view + 8;
    int n;
    if (parse_int(a, &n) && n >= 1 && n <= plan->n_chapters) {
      ctx->arg = n - 1;
      return RG_OK;
    }
    for (int i = 0; *a && i < plan->n_chapters; i++)
      if (plan->chapters[i].number && !strcmp(plan->chapters[i].number, a)) {
        ctx->arg = i;
        return RG_OK;
      }
    if (plan->n_chapters == 0)
      return rg_error_set(err, RG_EUSAGE, NULL, 0, 0,
                          "diagram: no chapter \"%s\": the plan has no chapters (draw it whole "
                          "with --view collab)",
                          a);
    return rg_error_set(err, RG_EUSAGE, NULL, 0, 0,
                        "diagram: no chapter \"%s\" (the plan has chapters 1 to %d)", a,
                        plan->n_chapters);
  }
  return rg_error_set(err, RG_EUSAGE, NULL, 0, 0,
                      "diagram: unknown view \"%s\" (use collab, ego=UNIT, cluster=N, chapter=N or "
                      "clusters)",
                      view);
}

/* ---- shared graph setup ---------------------------------------------------- */

static void graph_setup(rg_diagram_ctx *ctx, Agraph_t *g, const char *engine, int network) {
  if (!ctx->engine) ctx->engine = engine;
  attr(g, "layout", ctx->engine);
  attr(g, "fontname", ctx->font);
  attr(g, "fontsize", "14");
  attr(g, "charset", "UTF-8");
  attr(g, "labelloc", "t");
  attr(g, "labeljust", "l");
  attr(g, "pad", "0.3");
  attr(g, "bgcolor", "white");
  if (!strcmp(ctx->engine, "neato") || !strcmp(ctx->engine, "fdp") ||
      !strcmp(ctx->engine, "sfdp")) {
    attrf(g, "start", "%lu", ctx->seed);
    attr(g, "overlap", "prism");
    attr(g, "overlap_scaling", "1");
    attr(g, "sep", "+6");
    attr(g, "outputorder", "edgesfirst");
  }
  if (!strcmp(ctx->format, "png")) {
    double w = ctx->width_px / 96.0;
    attr(g, "dpi", "96");
    /* Networks are scaled up to the full width; layered views only down. */
    if (network)
      attrf(g, "size", "%.4g,%.4g!", w, 2 * w);
    else
      attrf(g, "size", "%.4g,%.4g", w, 300.0);
  }
  agattr(g, AGNODE, (char *)"fontname", (char *)ctx->font);
  agattr(g, AGNODE, (char *)"fontsize", (char *)"14");
  agattr(g, AGEDGE, (char *)"fontname", (char *)ctx->font);
  agattr(g, AGEDGE, (char *)"fontsize", (char *)"11");
}

/* The title and legend, as the graph's HTML label: the plan's title and
 * the view's name (a format). */
static void legend_begin(rg_diagram_ctx *ctx, sbuf *b, const char *view_fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void legend_begin(rg_diagram_ctx *ctx, sbuf *b, const char *view_fmt, ...) {
  char view[1200];
  va_list ap;
  va_start(ap, view_fmt);
  vsnprintf(view, sizeof view, view_fmt, ap);
  va_end(ap);
  rg_buf_puts(b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"1\" CELLPADDING=\"2\">");
  rg_buf_puts(b, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"22\"><B>");
  sb_text(b, plan_title(ctx));
  rg_buf_puts(b, T(" · ", " · "));
  sb_text(b, view);
  rg_buf_puts(b, "</B></FONT></TD></TR>");
}

static void legend_line(sbuf *b, const char *raw) {
  rg_buf_puts(b, "<TR><TD ALIGN=\"LEFT\">");
  sb_text(b, raw);
  rg_buf_puts(b, "</TD></TR>");
}

static void legend_linef(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void legend_linef(sbuf *b, const char *fmt, ...) {
  char buf[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  legend_line(b, buf);
}

/* One row of colour swatches, one per cluster id in ids[0..n). */
static void legend_swatches(rg_diagram_ctx *ctx, sbuf *b, const int *ids, int n) {
  if (n <= 0) return;
  rg_buf_puts(b, "<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"3\" "
                 "CELLPADDING=\"3\"><TR><TD BORDER=\"0\">");
  sb_text(b, T("填充色 = 聚类：", "Fill = cluster:"));
  rg_buf_puts(b, "</TD>");
  for (int i = 0; i < n; i++) {
    if (i && i % 12 == 0) rg_buf_puts(b, "</TR><TR><TD BORDER=\"0\"></TD>");
    rg_buf_printf(b, "<TD BGCOLOR=\"%s\">", cluster_colour(ids[i]));
    char t[512];
    rg_cluster_name(ctx->plan, ctx->res, ids[i], t, sizeof t);
    sb_text(b, t);
    rg_buf_puts(b, "</TD>");
  }
  rg_buf_puts(b, "</TR></TABLE></TD></TR>");
}

static void legend_end(rg_diagram_ctx *ctx, Agraph_t *g, sbuf *b) {
  legend_line(b, T("标签为简称（去掉“市”和城市名前缀，缩短“委员会”“集团有限公司”等后缀）；"
                   "SVG 中悬停显示全称。",
                   "Labels are short names (city prefix and 市 dropped, long suffixes shortened); "
                   "hover in the SVG for the full name."));
  rg_buf_puts(b, "</TABLE>");
  attr_html(g, g, "label", b->s);
  free(b->s);
}

static void legend_roles(rg_diagram_ctx *ctx, sbuf *b) {
  legend_line(b, T("粗实线 = 牵头单位；虚线 = 责任/配合单位。",
                   "Bold solid line = lead unit; dashed line = responsible/supporting unit."));
}

/* A unit node with id u<index>, class unit, full name as tooltip. */
static Agnode_t *unit_node(rg_diagram_ctx *ctx, Agraph_t *g, int u, size_t wrap) {
  char id[32];
  snprintf(id, sizeof id, "u%d", u);
  Agnode_t *n = agnode(g, id, 1);
  attr(n, "id", id);
  const rg_unit_stats *s = stats_of(ctx, u);
  attr(n, "class", s && s->overloaded ? "unit overloaded" : "unit");
  attr_tooltip(n, ctx->plan->units[u].name);
  sbuf b = {0};
  sb_wrapped(&b, ctx->label[u], wrap, 2);
  attr_html(agroot(g), n, "label", b.s);
  free(b.s);
  attr(n, "style", "filled");
  attr(n, "fillcolor", cluster_colour(cluster_of(ctx, u)));
  attr(n, "color", s && s->overloaded ? "#d62728" : "#555555");
  attr(n, "penwidth", s && s->overloaded ? "4" : "1");
  if (ctx->plan->units[u].kind != RG_KIND_UNIT) {
    attr(n, "shape", "box");
    attr(n, "style", "filled,dashed");
    attr(n, "fillcolor", "#eeeeee");
  }
  return n;
}

/* A task node with id t<index>, class task, full text as tooltip. */
static Agnode_t *task_node(rg_diagram_ctx *ctx, Agraph_t *g, int t, size_t wrap, size_t lines) {
  const rg_task *task = &ctx->plan->tasks[t];
  char id[32];
  snprintf(id, sizeof id, "t%d", t);
  Agnode_t *n = agnode(g, id, 1);
  attr(n, "id", id);
  attr(n, "class", "task");
  sbuf tip = {0};
  rg_buf_puts(&tip, "");
  if (task->number) rg_buf_printf(&tip, "%s. ", task->number);
  rg_buf_puts(&tip, task->text ? task->text : "");
  attr_tooltip(n, tip.s);
  sbuf b = {0};
  if (lines == 0) {
    rg_buf_puts(&b, "");
    sb_text(&b, task->number ? task->number : "?");
  } else {
    sb_wrapped(&b, tip.s, wrap, lines);
  }
  free(tip.s);
  attr_html(agroot(g), n, "label", b.s);
  free(b.s);
  attr(n, "shape", "box");
  attr(n, "style", "rounded,filled");
  attr(n, "fillcolor", "#f4f4f4");
  attr(n, "color", "#777777");
  attr(n, "fontsize", lines ? "12" : "11");
  return n;
}

static void role_edge(rg_diagram_ctx *ctx, Agedge_t *e, int unit, int task, rg_role role) {
  char id[48];
  snprintf(id, sizeof id, "l%d_%d", task, unit);
  attr(e, "id", id);
  attr(e, "class", role == RG_ROLE_LEAD ? "lead" : "support");
  attr(e, "style", role == RG_ROLE_LEAD ? "bold" : "dashed");
  attr(e, "penwidth", role == RG_ROLE_LEAD ? "2.5" : "1");
  attr(e, "color", role == RG_ROLE_LEAD ? "#333333" : "#888888");
  (void)ctx;
}

/* Circle diameter in inches for a load: area proportional to load. */
static double diameter(double load, double max_load) {
  if (max_load <= 0) return 0.3;
  double d = 1.6 * sqrt(load / max_load);
  return d < 0.3 ? 0.3 : d;
}

static void sized_unit(rg_diagram_ctx *ctx, Agnode_t *n, int u, double max_load) {
  const rg_unit_stats *s = stats_of(ctx, u);
  double d = diameter(s ? s->load : 0, max_load);
  attr(n, "shape", "circle");
  attr(n, "fixedsize", "shape");
  attrf(n, "width", "%.3f", d);
  attrf(n, "height", "%.3f", d);
  /* A label wider than its circle gets a translucent white ground so the
   * lines that pass under it do not cross the text. */
  size_t len = ncp(ctx->label[u]), lines = len > 6 ? 2 : 1;
  size_t per = (len + lines - 1) / lines;
  if (per > 6) per = 6;
  if (d < per * 14.0 / 72.0 - 0.1) {
    sbuf b = {0};
    rg_buf_puts(&b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\" "
                    "BGCOLOR=\"#ffffffc8\"><TR><TD>");
    sb_wrapped(&b, ctx->label[u], 6, 2);
    rg_buf_puts(&b, "</TD></TR></TABLE>");
    attr_html(agroot(agraphof(n)), n, "label", b.s);
    free(b.s);
  }
}

static double max_load(const rg_results *res) {
  double m = 0;
  for (int i = 0; i < res->n_units; i++)
    if (res->units[i].load > m) m = res->units[i].load;
  return m;
}

/* ---- thresholds -------------------------------------------------------------- */

static int cmp_desc(const void *a, const void *b, void *ctx) {
  (void)ctx;
  int x = *(const int *)a, y = *(const int *)b;
  return (x < y) - (x > y);
}

int rg_diagram_effective_min_shared(const rg_diagram_ctx *ctx) {
  if (ctx->min_shared > 0) return ctx->min_shared;
  const rg_results *res = ctx->res;
  if (!res || res->n_ties == 0) return 1;
  int limit = RG_DIAGRAM_TIES_PER_UNIT * res->n_units;
  if (res->n_ties <= limit) return 1;
  int *v = rg_xmalloc(sizeof(int) * (size_t)res->n_ties);
  for (int i = 0; i < res->n_ties; i++)
    v[i] = res->ties[i].shared;
  rg_sort(v, (size_t)res->n_ties, sizeof(int), cmp_desc, NULL);
  int m = v[limit] + 1;
  free(v);
  return m < 1 ? 1 : m;
}

/* ---- collab ---------------------------------------------------------------- */

/* Is tie t drawn? The backbone (backbone.h) by default; with --min-shared N
 * every tie of at least N shared tasks. */
static int collab_drawn(const rg_diagram_ctx *ctx, const rg_tie *t) {
  return ctx->min_shared > 0 ? t->shared >= ctx->min_shared : t->backbone != 0;
}

/* The legend's lines about ties, in plain words. */
static void collab_tie_legend(rg_diagram_ctx *ctx, sbuf *b, int drawn, int lo, int hi, int m) {
  const rg_results *res = ctx->res;
  if (!drawn) {
    legend_line(b, T("没有要画的协作联系。", "No tie to draw."));
    return;
  }
  if (m > 0) {
    legend_linef(b,
                 T("线宽 ∝ 共同任务数（%d–%d 项）；只画共同任务不少于 %d 项的联系：%d / %d 条。",
                   "Line width ∝ shared tasks (%d–%d); only ties with at least %d shared tasks: "
                   "%d of %d."),
                 lo, hi, m, drawn, res->n_ties);
    return;
  }
  legend_linef(b,
               T("线宽 ∝ 共同任务数（%d–%d 项）。实线：两个单位共同承担的任务明显多于"
                 "按各自任务量随机分配时的预期（出现的概率低于 %g%%）；虚线：某个单位最紧密"
                 "的一条协作，这样每个有协作的单位都至少画出一条线。共画 %d 条，全部 %d 条"
                 "协作关系见 respgraph ties。",
                 "Line width ∝ shared tasks (%d–%d). Solid: the two units share clearly more "
                 "tasks than chance would give units with their numbers of tasks (probability "
                 "below %g%%); dashed: a unit's closest tie, so every unit with a partner has at "
                 "least one line. %d drawn; all %d ties: respgraph ties."),
               lo, hi, res->alpha * 100, drawn, res->n_ties);
}

static const char *net_engine(int nodes) { return nodes > 300 ? "sfdp" : "neato"; }

static Agraph_t *build_collab(rg_diagram_ctx *ctx) {
  const rg_results *res = ctx->res;
  const rg_plan *plan = ctx->plan;
  Agraph_t *g = open_graph("collab");
  graph_setup(ctx, g, net_engine(res->n_units), 1);
  attr(g, "splines", "false");
  double mx = max_load(res);
  int *units = rg_xmalloc(sizeof(int) * (size_t)(res->n_units + 1));
  for (int i = 0; i < res->n_units; i++)
    units[i] = res->units[i].unit;
  rg_sort(units, (size_t)res->n_units, sizeof(int), rg_cmp_int, NULL);
  int n_over = 0;
  for (int i = 0; i < res->n_units; i++) {
    Agnode_t *n = unit_node(ctx, g, units[i], 6);
    sized_unit(ctx, n, units[i], mx);
    n_over += stats_of(ctx, units[i])->overloaded;
  }
  free(units);
  int m = ctx->min_shared;
  int lo = 0, hi = 0, drawn = 0;
  for (int i = 0; i < res->n_ties; i++) {
    const rg_tie *t = &res->ties[i];
    if (!collab_drawn(ctx, t)) continue;
    if (!drawn || t->shared < lo) lo = t->shared;
    if (!drawn || t->shared > hi) hi = t->shared;
    drawn++;
  }
  for (int i = 0; i < res->n_ties; i++) {
    const rg_tie *t = &res->ties[i];
    if (!collab_drawn(ctx, t)) continue;
    char a[32], b[32];
    snprintf(a, sizeof a, "u%d", t->a);
    snprintf(b, sizeof b, "u%d", t->b);
    Agnode_t *na = agnode(g, a, 0), *nb = agnode(g, b, 0);
    if (!na || !nb) continue; /* a tie to a unit the results do not list */
    Agedge_t *e = agedge(g, na, nb, NULL, 1);
    char id[48];
    snprintf(id, sizeof id, "e%d_%d", t->a, t->b);
    attr(e, "id", id);
    attr(e, "class", "tie");
    double w = hi > lo ? 0.8 + 5.2 * (t->shared - lo) / (double)(hi - lo) : 2.0;
    attrf(e, "penwidth", "%.2f", w);
    attr(e, "color", "#3c3c3c80");
    if (!(t->backbone & RG_TIE_SIGNIFICANT)) attr(e, "style", "dashed");
    char tip[2200];
    snprintf(tip, sizeof tip, T("%s — %s：%d 项共同任务", "%s — %s: %d shared tasks"),
             plan->units[t->a].name, plan->units[t->b].name, t->shared);
    attr_tooltip(e, tip);
  }
  sbuf b = {0};
  legend_begin(ctx, &b, T("单位协作网络", "unit collaboration network"));
  legend_linef(&b,
               T("%d 个单位；圆面积 ∝ 负荷（牵头 ×%g + 配合 ×%g，最大 %g；最小直径 0.3 英寸）。",
                 "%d units; circle area ∝ load (lead ×%g + support ×%g, max %g; at least 0.3 in "
                 "wide)."),
               res->n_units, res->opts.lead_weight, res->opts.support_weight, mx);
  int *ids = rg_xmalloc(sizeof(int) * (size_t)(res->n_clusters + 1));
  for (int i = 0; i < res->n_clusters; i++)
    ids[i] = res->clusters[i].id;
  legend_swatches(ctx, &b, ids, res->n_clusters);
  free(ids);
  legend_linef(&b,
               T("红色粗边框 = 任务明显偏重（负荷高出多数单位的正常范围）：%d 个单位。",
                 "Thick red outline = clearly overloaded (load well above the usual range): %d "
                 "units."),
               n_over);
  collab_tie_legend(ctx, &b, drawn, lo, hi, m);
  legend_end(ctx, g, &b);
  return g;
}

/* ---- ego ----------------------------------------------------------------------- */

static Agraph_t *build_ego(rg_diagram_ctx *ctx) {
  const rg_plan *plan = ctx->plan;
  int ego = ctx->arg;
  const rg_unit *U = &plan->units[ego];
  Agraph_t *g = open_graph("ego");
  graph_setup(ctx, g, "dot", 0);
  attr(g, "rankdir", "LR");
  attr(g, "ranksep", "1.2");
  attr(g, "nodesep", "0.12");
  /* Tasks of ego shared with at least one other concrete unit. */
  int *partner_seen = rg_xcalloc((size_t)plan->n_units + 1, sizeof(int));
  int n_tasks = 0, n_alone = 0, n_partners = 0;
  Agnode_t *en = unit_node(ctx, g, ego, 8);
  attr(en, "penwidth", stats_of(ctx, ego) && stats_of(ctx, ego)->overloaded ? "5" : "2.5");
  attr(en, "fontsize", "18");
  for (int k = 0; k < U->link_count; k++) {
    const rg_link *L = &plan->links[plan->unit_links[U->link_begin + k]];
    const rg_task *task = &plan->tasks[L->task];
    int others = 0;
    for (int j = 0; j < task->link_count; j++) {
      const rg_link *M = &plan->links[plan->task_links[task->link_begin + j]];
      if (M->unit != ego && plan->units[M->unit].kind == RG_KIND_UNIT) others++;
    }
    if (!others) {
      n_alone++;
      continue;
    }
    n_tasks++;
    Agnode_t *tn = task_node(ctx, g, L->task, 16, 2);
    role_edge(ctx, agedge(g, en, tn, NULL, 1), ego, L->task, L->role);
    for (int j = 0; j < task->link_count; j++) {
      const rg_link *M = &plan->links[plan->task_links[task->link_begin + j]];
      if (M->unit == ego || plan->units[M->unit].kind != RG_KIND_UNIT) continue;
      if (!partner_seen[M->unit]) n_partners++;
      partner_seen[M->unit] = 1;
    }
  }
  /* Partners in plan order, then their links to the drawn tasks. */
  for (int u = 0; u < plan->n_units; u++)
    if (partner_seen[u]) unit_node(ctx, g, u, 8);
  for (int k = 0; k < U->link_count; k++) {
    const rg_link *L = &plan->links[plan->unit_links[U->link_begin + k]];
    char tid[32];
    snprintf(tid, sizeof tid, "t%d", L->task);
    Agnode_t *tn = agnode(g, tid, 0);
    if (!tn) continue;
    const rg_task *task = &plan->tasks[L->task];
    for (int j = 0; j < task->link_count; j++) {
      const rg_link *M = &plan->links[plan->task_links[task->link_begin + j]];
      if (M->unit == ego || !partner_seen[M->unit]) continue;
      char uid[32];
      snprintf(uid, sizeof uid, "u%d", M->unit);
      role_edge(ctx, agedge(g, tn, agnode(g, uid, 0), NULL, 1), M->unit, L->task, M->role);
    }
  }
  free(partner_seen);
  sbuf b = {0};
  legend_begin(ctx, &b, T("%s 的协作", "%s and its partners"), U->name);
  legend_linef(&b,
               T("左：%s；中：它与其他单位共同承担的 %d 项任务；右：%d 个协作单位。"
                 "它独自承担的 %d 项任务未画出。",
                 "Left: %s; middle: the %d tasks it shares with other units; right: its %d "
                 "partners. Its %d tasks without a partner are not drawn."),
               U->name, n_tasks, n_partners, n_alone);
  legend_roles(ctx, &b);
  if (ctx->res)
    legend_line(&b, T("填充色 = 聚类；红色粗边框 = 超负荷。",
                      "Fill = cluster; thick red outline = overloaded."));
  legend_end(ctx, g, &b);
  return g;
}

/* ---- cluster=N --------------------------------------------------------------- */

static Agraph_t *build_cluster(rg_diagram_ctx *ctx) {
  const rg_plan *plan = ctx->plan;
  const rg_results *res = ctx->res;
  const rg_cluster *C = &res->clusters[ctx->arg];
  int nodes = C->n_units + C->n_tasks + C->n_crossing;
  Agraph_t *g = open_graph("cluster");
  graph_setup(ctx, g, net_engine(nodes), 1);
  attr(g, "splines", "false");
  double mx = max_load(res);
  int *in = rg_xcalloc((size_t)plan->n_units + 1, sizeof(int));
  int *units = rg_xmalloc(sizeof(int) * (size_t)(C->n_units + 1));
  memcpy(units, C->units, sizeof(int) * (size_t)C->n_units);
  rg_sort(units, (size_t)C->n_units, sizeof(int), rg_cmp_int, NULL);
  for (int i = 0; i < C->n_units; i++) {
    in[units[i]] = 1;
    sized_unit(ctx, unit_node(ctx, g, units[i], 6), units[i], mx);
  }
  free(units);
  int n_all = C->n_tasks + C->n_crossing;
  int *tasks = rg_xmalloc(sizeof(int) * (size_t)(n_all + 1));
  memcpy(tasks, C->tasks, sizeof(int) * (size_t)C->n_tasks);
  if (C->n_crossing) memcpy(tasks + C->n_tasks, C->crossing, sizeof(int) * (size_t)C->n_crossing);
  rg_sort(tasks, (size_t)n_all, sizeof(int), rg_cmp_int, NULL);
  int *crossing = rg_xcalloc((size_t)plan->n_tasks + 1, sizeof(int));
  for (int i = 0; i < C->n_crossing; i++)
    crossing[C->crossing[i]] = 1;
  for (int i = 0; i < n_all; i++) {
    int t = tasks[i];
    if (i && tasks[i - 1] == t) continue;
    Agnode_t *tn = task_node(ctx, g, t, 0, 0);
    if (crossing[t]) {
      attr(tn, "style", "rounded,dashed");
      attr(tn, "class", "task crossing");
    }
    const rg_task *task = &plan->tasks[t];
    for (int j = 0; j < task->link_count; j++) {
      const rg_link *M = &plan->links[plan->task_links[task->link_begin + j]];
      if (!in[M->unit]) continue;
      char uid[32];
      snprintf(uid, sizeof uid, "u%d", M->unit);
      role_edge(ctx, agedge(g, agnode(g, uid, 0), tn, NULL, 1), M->unit, t, M->role);
    }
  }
  free(tasks);
  free(crossing);
  free(in);
  sbuf b = {0};
  char name[512];
  rg_cluster_name(ctx->plan, ctx->res, C->id, name, sizeof name);
  legend_begin(ctx, &b, "%s", name);
  legend_linef(&b,
               T("%d 个单位（圆面积 ∝ 负荷）；方框 = 任务编号：%d 项只涉及本聚类，"
                 "%d 项（虚线框）还涉及其他聚类，只画本聚类单位的连线。",
                 "%d units (circle area ∝ load); boxes = task numbers: %d involve only "
                 "this cluster, %d (dashed) also other clusters, drawn with this cluster's links "
                 "only."),
               C->n_units, C->n_tasks, C->n_crossing);
  legend_roles(ctx, &b);
  legend_line(&b, T("红色粗边框 = 超负荷；悬停任务显示全文。",
                    "Thick red outline = overloaded; hover a task for its text."));
  legend_end(ctx, g, &b);
  return g;
}

/* ---- chapter=N ----------------------------------------------------------------- */

/* Task indices by (section, plan order); ctx is the plan. */
static int cmp_by_section(const void *a, const void *b, void *ctx) {
  const rg_plan *plan = ctx;
  int x = *(const int *)a, y = *(const int *)b;
  int sx = plan->tasks[x].section, sy = plan->tasks[y].section;
  if (sx != sy) return (sx > sy) - (sx < sy);
  return (x > y) - (x < y);
}

static Agraph_t *build_chapter(rg_diagram_ctx *ctx) {
  const rg_plan *plan = ctx->plan;
  int ch = ctx->arg;
  Agraph_t *g = open_graph("chapter");
  graph_setup(ctx, g, "dot", 0);
  attr(g, "rankdir", "LR");
  attr(g, "ranksep", "1.5");
  attr(g, "nodesep", "0.1");
  attr(g, "newrank", "true");
  /* no crossing minimisation: it would reorder the tasks */
  attr(g, "remincross", "false");
  attr(g, "mclimit", "0");
  int *seen = rg_xcalloc((size_t)plan->n_units + 1, sizeof(int));
  int n_tasks = 0;
  /* This chapter's tasks ordered by (section, plan order); no section first. */
  int n_ch = 0;
  for (int t = 0; t < plan->n_tasks; t++)
    n_ch += plan->tasks[t].chapter == ch;
  int *order = rg_xmalloc(sizeof(int) * (size_t)(n_ch + 1));
  for (int t = 0, k = 0; t < plan->n_tasks; t++)
    if (plan->tasks[t].chapter == ch) order[k++] = t;
  rg_sort(order, (size_t)n_ch, sizeof(int), cmp_by_section, (void *)plan);
  /* Sections are heading nodes in the task column, and every heading and
   * task is chained to the next by an invisible flat edge (minlen 0): with
   * crossing minimisation off, dot 2.42 then draws them top to bottom in
   * plan order (checked on every chapter of the seed). Cluster subgraphs
   * were tried: dot reorders clusters regardless. */
  Agnode_t *prev = NULL;
  int cur = -2;
  for (int k = 0; k < n_ch; k++) {
    int t = order[k];
    const rg_task *task = &plan->tasks[t];
    Agnode_t *chain[2] = {NULL, NULL};
    int nc = 0;
    if (task->section != cur && task->section >= 0) {
      int s = task->section;
      char name[32];
      snprintf(name, sizeof name, "s%d", s);
      Agnode_t *h = agnode(g, name, 1);
      attr(h, "id", name);
      attr(h, "class", "section");
      sbuf b = {0};
      rg_buf_puts(&b, "<B>");
      char head[64];
      snprintf(head, sizeof head, "（%s）",
               plan->sections[s].number ? plan->sections[s].number : "");
      sb_text(&b, head);
      sb_wrapped(&b, plan->sections[s].title ? plan->sections[s].title : "", 20, 2);
      rg_buf_puts(&b, "</B>");
      attr_html(g, h, "label", b.s);
      free(b.s);
      attr(h, "shape", "box");
      attr(h, "style", "filled");
      attr(h, "fillcolor", "#dde6f2");
      attr(h, "color", "#dde6f2");
      attr(h, "fontsize", "15");
      chain[nc++] = h;
    }
    cur = task->section;
    chain[nc++] = task_node(ctx, g, t, 18, 3);
    for (int c = 0; c < nc; c++) {
      if (prev) {
        Agedge_t *e = agedge(g, prev, chain[c], NULL, 1);
        attr(e, "style", "invis");
        attr(e, "minlen", "0");
      }
      prev = chain[c];
    }
    n_tasks++;
    for (int j = 0; j < task->link_count; j++)
      seen[plan->links[plan->task_links[task->link_begin + j]].unit] = 1;
  }
  int n_units = 0;
  for (int u = 0; u < plan->n_units; u++)
    if (seen[u]) unit_node(ctx, g, u, 8), n_units++;
  for (int k = 0; k < n_ch; k++) {
    int t = order[k];
    const rg_task *task = &plan->tasks[t];
    char tid[32];
    snprintf(tid, sizeof tid, "t%d", t);
    Agnode_t *tn = agnode(g, tid, 0);
    for (int j = 0; j < task->link_count; j++) {
      const rg_link *M = &plan->links[plan->task_links[task->link_begin + j]];
      char uid[32];
      snprintf(uid, sizeof uid, "u%d", M->unit);
      role_edge(ctx, agedge(g, tn, agnode(g, uid, 0), NULL, 1), M->unit, t, M->role);
    }
  }
  free(seen);
  free(order);
  const rg_heading *H = &plan->chapters[ch];
  sbuf b = {0};
  legend_begin(ctx, &b, "%s、%s", H->number ? H->number : "", H->title ? H->title : "");
  legend_linef(
      &b,
      T("左：本部分的 %d 项任务，按节分组；右：承担的 %d 个单位（灰色虚线框 = 泛指或集合单位）。",
        "Left: this chapter's %d tasks by section; right: the %d units they name (grey "
        "dashed boxes = collective or unspecified units)."),
      n_tasks, n_units);
  legend_roles(ctx, &b);
  if (ctx->res)
    legend_line(&b, T("单位填充色 = 聚类；红色粗边框 = 超负荷。",
                      "Unit fill = cluster; thick red outline = overloaded."));
  legend_end(ctx, g, &b);
  return g;
}

/* ---- clusters ------------------------------------------------------------------ */

/* The index (into res->clusters) of every plan unit's cluster, -1 none. */
static int *cluster_index(const rg_plan *plan, const rg_results *res) {
  int *cidx = rg_xmalloc(sizeof(int) * (size_t)(plan->n_units + 1));
  for (int u = 0; u < plan->n_units; u++)
    cidx[u] = -1;
  for (int c = 0; c < res->n_clusters; c++)
    for (int i = 0; i < res->clusters[c].n_units; i++)
      cidx[res->clusters[c].units[i]] = c;
  return cidx;
}

/* A cluster as a coloured Graphviz cluster subgraph with its white summary
 * node ("k<id>") and, when all, its units. */
static void cluster_box(rg_diagram_ctx *ctx, Agraph_t *g, const rg_cluster *C, int all) {
  char name[32];
  snprintf(name, sizeof name, "cluster_c%d", C->id);
  Agraph_t *sg = agsubg(g, name, 1);
  attr(sg, "style", "filled,rounded");
  attr(sg, "fillcolor", cluster_colour(C->id));
  attr(sg, "color", "#888888");
  snprintf(name, sizeof name, "c%d", C->id);
  attr(sg, "id", name);
  attr(sg, "label", "");
  snprintf(name, sizeof name, "k%d", C->id);
  Agnode_t *hub = agnode(sg, name, 1);
  attr(hub, "id", name);
  attr(hub, "class", "cluster-hub");
  double load = 0;
  for (int i = 0; i < C->n_units; i++) {
    const rg_unit_stats *s = stats_of(ctx, C->units[i]);
    if (s) load += s->load;
  }
  sbuf b = {0};
  rg_buf_puts(&b, "<B>");
  char t[512];
  rg_cluster_name(ctx->plan, ctx->res, C->id, t, sizeof t);
  sb_text(&b, t);
  rg_buf_puts(&b, "</B><BR/>");
  snprintf(t, sizeof t, T("%d 个单位 · %d 项任务 · 负荷 %g", "%d units · %d tasks · load %g"),
           C->n_units, C->n_mostly, load);
  sb_text(&b, t);
  attr_html(g, hub, "label", b.s);
  free(b.s);
  attr(hub, "shape", "box");
  attr(hub, "style", "filled,bold");
  attr(hub, "fillcolor", "white");
  attr(hub, "fontsize", "16");
  int *units = rg_xmalloc(sizeof(int) * (size_t)(C->n_units + 1));
  memcpy(units, C->units, sizeof(int) * (size_t)C->n_units);
  rg_sort(units, (size_t)C->n_units, sizeof(int), rg_cmp_int, NULL);
  for (int i = 0; all && i < C->n_units; i++) {
    Agnode_t *n = unit_node(ctx, sg, units[i], 6);
    attr(n, "fillcolor", "white");
    attr(n, "fontsize", "13");
  }
  free(units);
}

/* Grey edges for the ties inside a cluster with at least m shared tasks;
 * returns how many. */
static int intra_ties(const rg_results *res, Agraph_t *g, const int *cidx, int m) {
  int intra = 0;
  for (int i = 0; i < res->n_ties; i++) {
    const rg_tie *t = &res->ties[i];
    if (t->shared < m || cidx[t->a] < 0 || cidx[t->a] != cidx[t->b]) continue;
    char a[32], b[32];
    snprintf(a, sizeof a, "u%d", t->a);
    snprintf(b, sizeof b, "u%d", t->b);
    Agnode_t *na = agnode(g, a, 0), *nb = agnode(g, b, 0);
    if (!na || !nb) continue;
    Agedge_t *e = agedge(g, na, nb, NULL, 1);
    attr(e, "color", "#55555580");
    attrf(e, "id", "e%d_%d", t->a, t->b);
    attr(e, "class", "tie");
    intra++;
  }
  return intra;
}

/* Every task's unordered cluster pairs as x * (k + 1) + y (x < y), sorted,
 * so memory grows with the pairs that occur rather than with k^2. */
static long *cluster_pairs(const rg_plan *plan, const int *cidx, int k, size_t *n_out) {
  long *pairs = NULL;
  size_t n_pl = 0, cap_pl = 0;
  int *mark = rg_xcalloc((size_t)(k + 1), sizeof(int));
  int *list = rg_xmalloc(sizeof(int) * (size_t)(k + 1));
  for (int t = 0; t < plan->n_tasks; t++) {
    const rg_task *task = &plan->tasks[t];
    int nl = 0;
    for (int j = 0; j < task->link_count; j++) {
      int c = cidx[plan->links[plan->task_links[task->link_begin + j]].unit];
      if (c >= 0 && mark[c] != t + 1) mark[c] = t + 1, list[nl++] = c;
    }
    for (int x = 0; x < nl; x++)
      for (int y = 0; y < nl; y++)
        if (list[x] < list[y]) {
          RG_GROW(pairs, cap_pl, n_pl + 1);
          pairs[n_pl++] = (long)list[x] * (k + 1) + list[y];
        }
  }
  if (n_pl) rg_sort(pairs, n_pl, sizeof(long), cmp_long, NULL);
  free(mark);
  free(list);
  *n_out = n_pl;
  return pairs;
}

/* One blue edge per cluster pair sharing tasks, labelled with the count;
 * returns the number of pairs. */
static int between_clusters(const rg_plan *plan, const rg_results *res, Agraph_t *g,
                            const int *cidx) {
  int k = res->n_clusters;
  size_t n_pl;
  long *pairs = cluster_pairs(plan, cidx, k, &n_pl);
  int maxp = 0, n_pairs = 0;
  for (size_t i = 0; i < n_pl;) {
    size_t j = i;
    while (j < n_pl && pairs[j] == pairs[i])
      j++;
    if ((int)(j - i) > maxp) maxp = (int)(j - i);
    n_pairs++;
    i = j;
  }
  for (size_t i = 0; i < n_pl;) {
    size_t j = i;
    while (j < n_pl && pairs[j] == pairs[i])
      j++;
    int c = (int)(j - i), x = (int)(pairs[i] / (k + 1)), y = (int)(pairs[i] % (k + 1));
    i = j;
    char a[32], bn[32];
    snprintf(a, sizeof a, "k%d", res->clusters[x].id);
    snprintf(bn, sizeof bn, "k%d", res->clusters[y].id);
    Agedge_t *e = agedge(g, agnode(g, a, 0), agnode(g, bn, 0), NULL, 1);
    attrf(e, "id", "x%d_%d", res->clusters[x].id, res->clusters[y].id);
    attr(e, "class", "between");
    attrf(e, "penwidth", "%.2f", 1 + 7.0 * c / (maxp ? maxp : 1));
    attr(e, "color", "#1f4e79b0");
    attrf(e, "label", "%d", c);
    attr(e, "fontsize", "14");
    attr(e, "fontcolor", "#1f4e79");
    attr(e, "len", "3");
  }
  free(pairs);
  return n_pairs;
}

static void clusters_legend(rg_diagram_ctx *ctx, Agraph_t *g, int all, int m, int intra,
                            int n_pairs, int n_loose) {
  const rg_results *res = ctx->res;
  sbuf b = {0};
  legend_begin(ctx, &b, T("聚类与聚类间的联系", "clusters and the ties between them"));
  legend_linef(
      &b,
      T("%d 个聚类（模块度 %.3f），每个为一个色块；白框为聚类摘要。",
        "%d clusters (modularity %.3f), one coloured box each; the white box summarises it."),
      res->n_clusters, res->modularity);
  legend_linef(
      &b,
      T("蓝色粗线 = 两个聚类共同承担的任务数（线上数字，线宽 ∝ 任务数）：%d 对聚类有共同任务。",
        "Blue lines = tasks shared by two clusters (the number on the line; width ∝ "
        "count): %d cluster pairs share tasks."),
      n_pairs);
  if (all)
    legend_linef(
        &b,
        T("灰线 = 聚类内共同任务不少于 %d 项的单位联系（%d 条）；红色粗边框 = 超负荷。",
          "Grey lines = ties inside a cluster with at least %d shared tasks (%d); thick red "
          "outline = overloaded."),
        m, intra);
  if (!all)
    legend_linef(&b,
                 T("单位多于 %d 个（共 %d 个），只画聚类摘要。",
                   "More than %d units (%d): only the cluster summaries are drawn."),
                 RG_DIAGRAM_MAX_CLUSTER_UNITS, res->n_units);
  if (n_loose)
    legend_linef(&b,
                 T("不属于任何聚类的 %d 个单位画在色块之外。",
                   "%d units in no cluster are drawn outside the boxes."),
                 n_loose);
  legend_end(ctx, g, &b);
}

static Agraph_t *build_clusters(rg_diagram_ctx *ctx) {
  const rg_plan *plan = ctx->plan;
  const rg_results *res = ctx->res;
  Agraph_t *g = open_graph("clusters");
  graph_setup(ctx, g, "fdp", 1);
  /* fdp is the only engine here that draws cluster boxes in a readable
   * shape. It packs each graph's connected components in the order of their
   * subgraph IDs: deterministic only with the ID discipline above. */
  int m = rg_diagram_effective_min_shared(ctx);
  /* Above RG_DIAGRAM_MAX_CLUSTER_UNITS units only the summaries are drawn:
   * fdp is slow there and no unit label would be legible. */
  int all = res->n_units <= RG_DIAGRAM_MAX_CLUSTER_UNITS;
  int *cidx = cluster_index(plan, res);
  for (int c = 0; c < res->n_clusters; c++)
    cluster_box(ctx, g, &res->clusters[c], all);
  int n_loose = 0;
  for (int u = 0; all && u < plan->n_units; u++) /* concrete units outside every cluster */
    if (cidx[u] < 0 && stats_of(ctx, u)) unit_node(ctx, g, u, 6), n_loose++;
  int intra = all ? intra_ties(res, g, cidx, m) : 0;
  int n_pairs = between_clusters(plan, res, g, cidx);
  free(cidx);
  clusters_legend(ctx, g, all, m, intra, n_pairs, n_loose);
  return g;
}

Agraph_t *rg_diagram_build(rg_diagram_ctx *ctx) {
  switch (ctx->kind) {
  case RG_VIEW_COLLAB:
    return build_collab(ctx);
  case RG_VIEW_EGO:
    return build_ego(ctx);
  case RG_VIEW_CLUSTER:
    return build_cluster(ctx);
  case RG_VIEW_CHAPTER:
    return build_chapter(ctx);
  case RG_VIEW_CLUSTERS:
    return build_clusters(ctx);
  }
  return NULL;
}
