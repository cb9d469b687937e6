/* test_diagram.c - Graphviz diagrams: structure, escaping, goldens, sizes, fonts. */
#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "backbone.h"
#include <unistd.h>

#include "analyze.h"
#include "common/common.h"
#include "diagram.h"
#include "diagram_views.h"
#include "load.h"
#include "plan.h"
#include "results.h"

/* ---- fixture: a five-task plan with hostile unit names -------------------
 *
 * Units (plan index: name):
 *   0 市发展改革委  1 市财政局  2 市商务局  3 沈阳地铁集团有限公司
 *   4 A"B  5 C\D  6 <b>x</b>&  7 line1\nline2  8 \N\G\L  9 各区、县(市)政府 (collective)
 * Tasks (chapter 一, sections (一) t0 t1, (二) t2 t3 t4):
 *   t0 lead 0, support 1 4      t1 lead 1, support 5 6
 *   t2 lead 2, support 0 1 9    t3 lead 8, support 7 3      t4 lead 0, support 1
 * Loads (lead 1, support 0.5): u0 2.5, u1 2.5, u2 1, u3 .5, u4 .5, u5 .5,
 * u6 .5, u7 .5, u8 1. Ties (shared tasks): 0-1: 3 (t0 t2 t4); 0-4, 1-4 (t0);
 * 1-5, 1-6, 5-6 (t1); 0-2, 1-2 (t2); 3-7, 3-8, 7-8 (t3): 11 ties.
 * Clusters: 0 = {0 1 2 4 5 6} tasks t0 t1 t2 t4; 1 = {3 7 8} task t3. */

static const char *const NAMES[] = {
    "市发展改革委", "市财政局",     "市商务局",  "沈阳地铁集团有限公司", "A\"B", "C\\D",
    "<b>x</b>&",    "line1\nline2", "\\N\\G\\L", "各区、县(市)政府"};
#define N_NAMES 10

static rg_plan *make_plan(void) {
  rg_plan *p = rg_plan_new("fixture.txt");
  p->meta.title = rg_plan_strdup(p, "测试方案");
  p->meta.issuer = rg_plan_strdup(p, "沈阳市人民政府");
  int ch = rg_plan_add_chapter(p, "一", "扩大内需", 1);
  int s0 = rg_plan_add_section(p, ch, "一", "争取政策支持", 2);
  int s1 = rg_plan_add_section(p, ch, "二", "提振消费<&>", 10);
  for (int i = 0; i < N_NAMES; i++)
    rg_plan_intern_unit(p, NAMES[i], i == 9 ? RG_KIND_COLLECTIVE : RG_KIND_UNIT, 3 + i);
  static const struct {
    const char *text;
    int section, lead, sup[3];
  } T[] = {
      {"准确把握国家政策导向，持续做好重大项目谋划储备。", 0, 0, {1, 4, -1}},
      {"健全政策兑付机制 \"直达快享\" <i>&amp;</i> \\N", 0, 1, {5, 6, -1}},
      {"升级商品消费，做好消费品以旧换新。", 1, 2, {0, 1, 9}},
      {"强化健康、托幼服务消费供给。", 1, 8, {7, 3, -1}},
      {"强化养老服务消费供给。", 1, 0, {1, -1, -1}},
  };
  for (int t = 0; t < 5; t++) {
    char num[8];
    snprintf(num, sizeof num, "%d", t + 1);
    int ti = rg_plan_add_task(p, num, T[t].text, ch, T[t].section == 0 ? s0 : s1, 20 + t);
    rg_plan_link(p, ti, T[t].lead, RG_ROLE_LEAD, 21 + t);
    for (int k = 0; k < 3 && T[t].sup[k] >= 0; k++)
      rg_plan_link(p, ti, T[t].sup[k], RG_ROLE_SUPPORT, 22 + t);
  }
  rg_plan_finalize(p);
  return p;
}

static int *ints(int n, const int *v) {
  int *r = calloc((size_t)n + 1, sizeof(int));
  memcpy(r, v, sizeof(int) * (size_t)n);
  return r;
}

static void add_tie(rg_results *r, const rg_plan *p, int a, int b, int n, const int *tasks) {
  rg_tie *t = &r->ties[r->n_ties++];
  if (strcmp(p->units[a].name, p->units[b].name) > 0) {
    int x = a;
    a = b;
    b = x;
  }
  t->a = a, t->b = b, t->shared = n, t->weight = n, t->tasks = ints(n, tasks);
}

static rg_results *make_results(const rg_plan *p) {
  rg_results *r = calloc(1, sizeof *r);
  r->opts.lead_weight = 1, r->opts.support_weight = 0.5, r->opts.min_shared = 1;
  r->opts.seed = RG_DEFAULT_SEED;
  static const double load[9] = {2.5, 2.5, 1, .5, .5, .5, .5, .5, 1};
  static const int led[9] = {2, 1, 1, 0, 0, 0, 0, 0, 1};
  static const int cl[9] = {0, 0, 0, 1, 0, 0, 0, 1, 1};
  r->n_units = 9;
  r->units = calloc(9, sizeof *r->units);
  r->row_of_unit = malloc(sizeof(int) * (size_t)p->n_units);
  for (int u = 0; u < p->n_units; u++)
    r->row_of_unit[u] = -1;
  for (int u = 0; u < 9; u++) {
    r->units[u].unit = u;
    r->units[u].load = load[u];
    r->units[u].led = led[u];
    r->units[u].cluster = cl[u];
    r->units[u].overloaded = load[u] > 2.0;
    r->row_of_unit[u] = u;
  }
  r->fence = 2.0;
  r->ties = calloc(11, sizeof *r->ties);
  add_tie(r, p, 0, 1, 3, (int[]){0, 2, 4});
  add_tie(r, p, 0, 4, 1, (int[]){0});
  add_tie(r, p, 1, 4, 1, (int[]){0});
  add_tie(r, p, 1, 5, 1, (int[]){1});
  add_tie(r, p, 1, 6, 1, (int[]){1});
  add_tie(r, p, 5, 6, 1, (int[]){1});
  add_tie(r, p, 0, 2, 1, (int[]){2});
  add_tie(r, p, 1, 2, 1, (int[]){2});
  add_tie(r, p, 3, 7, 1, (int[]){3});
  add_tie(r, p, 3, 8, 1, (int[]){3});
  add_tie(r, p, 7, 8, 1, (int[]){3});
  r->n_clusters = 2;
  r->clusters = calloc(2, sizeof *r->clusters);
  r->clusters[0] = (rg_cluster){.id = 0,
                                .units = ints(6, (int[]){0, 1, 2, 4, 5, 6}),
                                .n_units = 6,
                                .tasks = ints(4, (int[]){0, 1, 2, 4}),
                                .n_tasks = 4};
  r->clusters[1] = (rg_cluster){.id = 1,
                                .units = ints(3, (int[]){3, 7, 8}),
                                .n_units = 3,
                                .tasks = ints(1, (int[]){3}),
                                .n_tasks = 1};
  r->modularity = 0.25;
  rg_backbone(p, r, RG_BACKBONE_ALPHA); /* what the collab view draws */
  return r;
}

/* Frees what make_results allocated (the analyzer's rg_results_free is not
 * this test's to rely on). */
static void free_results(rg_results *r) {
  for (int i = 0; i < r->n_ties; i++)
    free(r->ties[i].tasks);
  for (int i = 0; i < r->n_clusters; i++) {
    free(r->clusters[i].units);
    free(r->clusters[i].tasks);
    free(r->clusters[i].crossing);
    free(r->clusters[i].bridges);
  }
  free(r->ties);
  free(r->clusters);
  free(r->units);
  free(r->row_of_unit);
  free(r);
}

static rg_plan *plan;
static rg_results *res;

static void setup(void) {
  plan = make_plan();
  res = make_results(plan);
}

static void teardown(void) {
  free_results(res);
  rg_plan_free(plan);
}

TestSuite(diagram, .init = setup, .fini = teardown);

static void setup_and_redirect(void) {
  setup();
  cr_redirect_stderr();
}

static char *render(const char *view, const char *format, size_t *len) {
  rg_diagram_opts o;
  rg_diagram_opts_init(&o);
  o.view = view;
  o.quiet = 0;
  rg_error e;
  rg_error_clear(&e);
  char *data = NULL;
  size_t n = 0;
  rg_status st = rg_diagram_render_mem(plan, res, &o, format, &data, &n, &e);
  cr_assert_eq(st, RG_OK, "%s as %s: %s", view, format, e.msg);
  cr_assert_not_null(data);
  cr_assert_gt(n, 0);
  if (len) *len = n;
  return data;
}

/* ---- SVG helpers ------------------------------------------------------------ */

typedef struct svg {
  xmlDoc *doc;
  xmlXPathContext *xp;
} svg;

static svg parse_svg(const char *data, size_t len) {
  svg s;
  s.doc = xmlReadMemory(data, (int)len, "d.svg", "UTF-8", XML_PARSE_NONET | XML_PARSE_NOERROR);
  cr_assert_not_null(s.doc, "the SVG is not well-formed XML");
  s.xp = xmlXPathNewContext(s.doc);
  xmlXPathRegisterNs(s.xp, BAD_CAST "s", BAD_CAST "http://www.w3.org/2000/svg");
  xmlXPathRegisterNs(s.xp, BAD_CAST "x", BAD_CAST "http://www.w3.org/1999/xlink");
  return s;
}

static void free_svg(svg *s) {
  xmlXPathFreeContext(s->xp);
  xmlFreeDoc(s->doc);
}

static int count(svg *s, const char *xpath) {
  xmlXPathObject *o = xmlXPathEvalExpression(BAD_CAST xpath, s->xp);
  cr_assert_not_null(o, "bad xpath %s", xpath);
  int n = o->nodesetval ? o->nodesetval->nodeNr : 0;
  xmlXPathFreeObject(o);
  return n;
}

/* The string value of an XPath expression, malloc'd. */
static char *str(svg *s, const char *xpath) {
  char buf[512];
  snprintf(buf, sizeof buf, "string(%s)", xpath);
  xmlXPathObject *o = xmlXPathEvalExpression(BAD_CAST buf, s->xp);
  cr_assert_not_null(o);
  char *r = strdup((const char *)o->stringval);
  xmlXPathFreeObject(o);
  return r;
}

/* Concatenated text of every <text> of the element with this id, spaces removed. */
static char *node_text(svg *s, const char *id) {
  char q[128];
  snprintf(q, sizeof q, "//s:g[@id='%s']//s:text", id);
  xmlXPathObject *o = xmlXPathEvalExpression(BAD_CAST q, s->xp);
  char *r = calloc(1, 1);
  size_t n = 0;
  for (int i = 0; o->nodesetval && i < o->nodesetval->nodeNr; i++) {
    xmlChar *c = xmlNodeGetContent(o->nodesetval->nodeTab[i]);
    for (const xmlChar *p = c; *p; p++)
      if (*p != ' ') {
        r = realloc(r, n + 2);
        r[n++] = (char)*p;
        r[n] = 0;
      }
    xmlFree(c);
  }
  xmlXPathFreeObject(o);
  return r;
}

/* ---- tests ------------------------------------------------------------------- */

Test(diagram, collab_svg_has_one_node_per_concrete_unit_labelled_and_tooltipped) {
  size_t len;
  char *data = render("collab", "svg", &len);
  svg s = parse_svg(data, len);
  cr_assert_eq(count(&s, "//s:g[contains(concat(' ', @class, ' '), ' unit ')]"), 9);
  cr_assert_eq(count(&s, "//s:g[contains(concat(' ', @class, ' '), ' overloaded ')]"), 2);
  /* Expected drawn text: the short name, hostile characters verbatim. */
  static const char *const label[9] = {"发展改革委", "财政局",    "商务局",     "地铁集团", "A\"B",
                                       "C\\D",       "<b>x</b>&", "line1line2", "\\N\\G\\L"};
  for (int u = 0; u < 9; u++) {
    char id[16], q[128];
    snprintf(id, sizeof id, "u%d", u);
    char *t = node_text(&s, id);
    cr_expect_str_eq(t, label[u], "label of %s", id);
    free(t);
    snprintf(q, sizeof q, "//s:g[@id='%s']//s:a/@x:title", id);
    char *tip = str(&s, q);
    char want[64];
    snprintf(want, sizeof want, "%s", NAMES[u]);
    for (char *c = want; *c; c++)
      if (*c == '\n') *c = ' ';
    cr_expect_str_eq(tip, want, "tooltip of %s", id);
    free(tip);
  }
  /* No markup was injected: no <b> or <i> element came from a name. */
  cr_assert_eq(count(&s, "//*[local-name()='b' or local-name()='i']"), 0);
  /* the backbone: one edge per tie in it, and every unit with a tie has one */
  int in_backbone = 0;
  for (int i = 0; i < res->n_ties; i++)
    in_backbone += res->ties[i].backbone != 0;
  cr_assert_gt(in_backbone, 0);
  cr_assert_eq(count(&s, "//s:g[@class='edge tie']"), in_backbone);
  for (int i = 0; i < res->n_ties; i++) {
    const int ends[2] = {res->ties[i].a, res->ties[i].b};
    for (int e = 0; e < 2; e++) {
      char q[160];
      snprintf(q, sizeof q,
               "//s:g[@class='edge tie' and (starts-with(@id, 'e%d_') or "
               "substring-after(@id, '_') = '%d')]",
               ends[e], ends[e]);
      cr_expect_gt(count(&s, q), 0, "unit %d has a partner but no drawn tie", ends[e]);
    }
  }
  free_svg(&s);
  free(data);
}

Test(diagram, collab_hides_ties_below_min_shared_and_says_so) {
  rg_diagram_opts o;
  rg_diagram_opts_init(&o);
  o.min_shared = 2;
  char *data = NULL;
  size_t len = 0;
  rg_error e;
  cr_assert_eq(rg_diagram_render_mem(plan, res, &o, "svg", &data, &len, &e), RG_OK, "%s", e.msg);
  svg s = parse_svg(data, len);
  cr_assert_eq(count(&s, "//s:g[@class='edge tie']"), 1);
  cr_assert_eq(count(&s, "//s:g[@id='e0_1' or @id='e1_0']"), 1, "the one tie with 3 tasks");
  cr_assert(strstr(data, "只画共同任务不少于 2 项的联系：1 / 11 条"),
            "the legend states the threshold");
  free_svg(&s);
  free(data);
}

/* issue 16: the legend used command-line words (--min-shared, Q3 + 1.5×IQR) */
Test(diagram, collab_legend_is_plain_chinese) {
  char *data = render("collab", "svg", NULL);
  cr_assert(strstr(data, "实线：两个单位共同承担的任务明显多于按各自任务量随机分配时的预期"),
            "%.300s", strstr(data, "线宽"));
  cr_assert_null(strstr(data, "--min-shared"));
  cr_assert_null(strstr(data, "IQR"));
  free(data);
}

Test(diagram, ego_view_draws_lead_links_bold_and_support_links_dashed) {
  size_t len;
  char *data = render("ego=市财政局", "svg", &len);
  svg s = parse_svg(data, len);
  /* 财政局 is on t0 t1 t2 t4, all shared: 4 tasks; partners 0 2 4 5 6 = 5 */
  cr_assert_eq(count(&s, "//s:g[contains(@class,'task')]"), 4);
  cr_assert_eq(count(&s, "//s:g[contains(concat(' ', @class, ' '), ' unit ')]"), 6);
  int lead = count(&s, "//s:g[@class='edge lead']");
  int sup = count(&s, "//s:g[@class='edge support']");
  /* links among drawn units on t0 t1 t2 t4: t0 3, t1 3, t2 3 (collective not
   * drawn), t4 2 = 11; leads: one per task = 4 */
  cr_assert_eq(lead, 4);
  cr_assert_eq(sup, 7);
  cr_assert_eq(count(&s, "//s:g[@class='edge lead']/s:path[@stroke-dasharray]"), 0);
  cr_assert_eq(count(&s, "//s:g[@class='edge lead']/s:path[@stroke-width='2.5']"), 4);
  cr_assert_eq(count(&s, "//s:g[@class='edge support']/s:path[@stroke-dasharray]"), 7);
  /* the task text with markup and \N is a tooltip, verbatim */
  char *tip = str(&s, "//s:g[@id='t1']//s:a/@x:title");
  cr_assert_str_eq(tip, "2. 健全政策兑付机制 \"直达快享\" <i>&amp;</i> \\N");
  free(tip);
  free_svg(&s);
  free(data);
}

Test(diagram, ego_accepts_short_names_and_rejects_unknown_units) {
  char *data = render("ego=财政局", "svg", NULL);
  free(data);
  rg_diagram_opts o;
  rg_diagram_opts_init(&o);
  o.view = "ego=市不存在局";
  char *d = NULL;
  size_t n = 0;
  rg_error e;
  cr_assert_eq(rg_diagram_render_mem(plan, res, &o, "svg", &d, &n, &e), RG_EUSAGE);
  cr_assert_null(d);
  cr_assert(strstr(e.msg, "市不存在局"));
}

Test(diagram, cluster_view_draws_the_clusters_units_and_tasks) {
  size_t len;
  char *data = render("cluster=1", "svg", &len);
  svg s = parse_svg(data, len);
  cr_assert_eq(count(&s, "//s:g[contains(concat(' ', @class, ' '), ' unit ')]"), 3);
  cr_assert_eq(count(&s, "//s:g[contains(@class,'task')]"), 1);
  cr_assert_eq(count(&s, "//s:g[@id='t3']"), 1);
  cr_assert_eq(count(&s, "//s:g[@class='edge lead']"), 1);
  cr_assert_eq(count(&s, "//s:g[@class='edge support']"), 2);
  free_svg(&s);
  free(data);
}

Test(diagram, chapter_view_groups_tasks_by_section_with_all_their_units) {
  size_t len;
  char *data = render("chapter=1", "svg", &len);
  svg s = parse_svg(data, len);
  cr_assert_eq(count(&s, "//s:g[@class='node section']"), 2);
  cr_assert_eq(count(&s, "//s:g[@id='s0']//s:text"), 1);
  cr_assert_eq(count(&s, "//s:g[contains(@class,'task')]"), 5);
  /* all 10 units, the collective among them */
  cr_assert_eq(count(&s, "//s:g[contains(concat(' ', @class, ' '), ' unit ')]"), 10);
  /* 3 + 3 + 4 + 3 + 2 links */
  cr_assert_eq(count(&s, "//s:g[@class='edge lead' or @class='edge support']"), 15);
  char *t = node_text(&s, "s1");
  cr_assert_str_eq(t, "（二）提振消费<&>");
  free(t);
  free_svg(&s);
  free(data);
  /* the chapter's printed number works too, and needs no results */
  rg_diagram_opts o;
  rg_diagram_opts_init(&o);
  o.view = "chapter=一";
  char *d = NULL;
  size_t n = 0;
  rg_error e;
  cr_assert_eq(rg_diagram_render_mem(plan, NULL, &o, "svg", &d, &n, &e), RG_OK, "%s", e.msg);
  free(d);
  o.view = "chapter=2";
  cr_assert_eq(rg_diagram_render_mem(plan, NULL, &o, "svg", &d, &n, &e), RG_EUSAGE);
}

Test(diagram, clusters_view_summarises_tasks_shared_between_clusters) {
  /* make t2 cross: move 商务局 (2) into cluster 1 */
  res->units[2].cluster = 1;
  free(res->clusters[0].units);
  free(res->clusters[1].units);
  res->clusters[0].units = ints(5, (int[]){0, 1, 4, 5, 6});
  res->clusters[0].n_units = 5;
  res->clusters[1].units = ints(4, (int[]){2, 3, 7, 8});
  res->clusters[1].n_units = 4;
  size_t len;
  char *data = render("clusters", "svg", &len);
  svg s = parse_svg(data, len);
  cr_assert_eq(count(&s, "//s:g[@class='cluster']"), 2);
  cr_assert_eq(count(&s, "//s:g[@id='c1']"), 1);
  cr_assert_eq(count(&s, "//s:g[@class='edge between']"), 1);
  char *t = str(&s, "//s:g[@id='x0_1']/s:text");
  cr_assert_str_eq(t, "1", "t2 is the one task shared by clusters 0 and 1");
  free(t);
  /* intra-cluster ties: 0-1 0-4 1-4 1-5 1-6 5-6 in c0; 3-7 3-8 7-8 in c1 */
  cr_assert_eq(count(&s, "//s:g[@class='edge tie']"), 9);
  free_svg(&s);
  free(data);
}

/* Render in a child process forked from this point, the bytes come back
 * through a pipe: two children start from the same process state, as two
 * runs of respgraph do. fdp packed its connected components in the order
 * of their subgraph names' heap addresses (see diagram_views.c, graph
 * identity); pango's font thread made those differ between two such runs
 * in about 40% of the pairs. */
static char *render_in_child(const char *view, const char *format, size_t *len) {
  int fd[2];
  cr_assert_eq(pipe(fd), 0);
  fflush(NULL);
  pid_t pid = fork();
  cr_assert_geq(pid, 0);
  if (pid == 0) {
    close(fd[0]);
    rg_diagram_opts o;
    rg_diagram_opts_init(&o);
    o.view = view;
    char *data = NULL;
    size_t n = 0;
    rg_error e;
    if (rg_diagram_render_mem(plan, res, &o, format, &data, &n, &e) != RG_OK) _exit(1);
    for (size_t off = 0; off < n;) {
      ssize_t w = write(fd[1], data + off, n - off);
      if (w <= 0) _exit(1);
      off += (size_t)w;
    }
    _exit(0);
  }
  close(fd[1]);
  char *buf = NULL;
  size_t n = 0, cap = 0;
  for (;;) {
    if (n + 65536 > cap) buf = realloc(buf, cap = 2 * cap + 65536);
    ssize_t r = read(fd[0], buf + n, cap - n);
    if (r <= 0) break;
    n += (size_t)r;
  }
  close(fd[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0, "%s: child failed", view);
  *len = n;
  return buf;
}

Test(diagram, the_clusters_view_gives_the_same_bytes_in_every_run) {
  for (int f = 0; f < 2; f++) {
    const char *fmt = f ? "png" : "svg";
    size_t a_len, b_len;
    char *a = render_in_child("clusters", fmt, &a_len);
    char *b = render_in_child("clusters", fmt, &b_len);
    cr_expect(a_len > 0 && a_len == b_len && !memcmp(a, b, a_len), "clusters as %s differs", fmt);
    free(a);
    free(b);
  }
}

Test(diagram, every_view_renders_the_same_bytes_twice) {
  static const char *const views[] = {"collab", "ego=市发展改革委", "cluster=0", "chapter=1",
                                      "clusters"};
  for (int v = 0; v < 5; v++) {
    for (int f = 0; f < 3; f++) {
      const char *fmt = (const char *[]){"svg", "dot", "png"}[f];
      /* three renders: Graphviz state left by one render must not leak
       * into the next (it did, through heap-address IDs) */
      size_t a_len, b_len;
      char *a = render(views[v], fmt, &a_len);
      for (int r = 0; r < 2; r++) {
        char *b = render(views[v], fmt, &b_len);
        cr_expect(a_len == b_len && !memcmp(a, b, a_len), "%s as %s differs in render %d", views[v],
                  fmt, r + 2);
        free(b);
      }
      free(a);
    }
  }
}

/* DOT goldens: the graph as built. RG_UPDATE_GOLDEN=1 rewrites them. */
static void golden(const char *view, const char *file) {
  size_t len;
  char *data = render(view, "dot", &len);
  char path[1024];
  snprintf(path, sizeof path, "%s/diagram/%s", RG_TEST_DATA, file);
  cr_expect(rg_test_golden(path, data, len), "%s differs from %s", view, path);
  free(data);
}

Test(diagram, dot_output_matches_the_golden_files) {
  golden("collab", "collab.dot");
  golden("ego=市财政局", "ego.dot");
  golden("cluster=0", "cluster0.dot");
  golden("chapter=1", "chapter1.dot");
  golden("clusters", "clusters.dot");
}

static void png_size(const unsigned char *d, size_t len, unsigned *w, unsigned *h) {
  cr_assert_gt(len, 24);
  cr_assert(!memcmp(d, "\x89PNG\r\n\x1a\n", 8), "not a PNG");
  cr_assert(!memcmp(d + 12, "IHDR", 4));
  *w = (unsigned)d[16] << 24 | (unsigned)d[17] << 16 | (unsigned)d[18] << 8 | d[19];
  *h = (unsigned)d[20] << 24 | (unsigned)d[21] << 16 | (unsigned)d[22] << 8 | d[23];
}

Test(diagram, network_pngs_are_1920_pixels_wide_and_layered_ones_no_wider) {
  unsigned w, h;
  size_t len;
  char *data = render("collab", "png", &len);
  png_size((unsigned char *)data, len, &w, &h);
  cr_expect(w >= 1900 && w <= 1930, "collab width %u", w);
  cr_expect(h > 100 && h <= 3860, "collab height %u", h);
  free(data);
  data = render("chapter=1", "png", &len);
  png_size((unsigned char *)data, len, &w, &h);
  cr_expect(w > 200 && w <= 1930, "chapter width %u", w);
  free(data);
}

Test(diagram, pdf_embeds_the_cjk_font) {
  size_t len;
  char *data = render("collab", "pdf", &len);
  int found = 0;
  for (size_t i = 0; i + 9 < len && !found; i++)
    if (!memcmp(data + i, "/FontName", 9)) {
      size_t j = i + 9;
      char name[128] = {0};
      size_t k = 0;
      while (j < len && (data[j] == ' ' || data[j] == '/'))
        j++;
      while (j < len && k < sizeof name - 1 && data[j] > ' ' && data[j] != '/')
        name[k++] = data[j++];
      if (strstr(name, "WenQuanYi") || strstr(name, "wqy")) found = 1;
    }
  cr_assert(found, "no WenQuanYi FontName in the PDF");
  free(data);
}

Test(diagram, font_check_finds_the_cjk_font_and_flags_a_missing_one) {
  char *m = NULL;
  cr_assert_eq(rg_diagram_font_check(RG_DIAGRAM_DEFAULT_FONT, &m), 1);
  cr_assert_str_eq(m, RG_DIAGRAM_DEFAULT_FONT);
  free(m);
  cr_assert_eq(rg_diagram_font_check("No Such Font 4711", &m), 0);
  cr_assert_not_null(m, "a substitute covering zh-cn is named");
  /* whichever Chinese font fontconfig prefers here (WenQuanYi on a machine
   * with only the project's packages, Noto Sans CJK where that is installed) */
  cr_assert_eq(rg_diagram_font_check(m, NULL), 1, "substitute %s covers Chinese", m);
  free(m);
  /* A Latin-only font does not count as Chinese. */
  cr_assert_eq(rg_diagram_font_check("DejaVu Sans", NULL), 0);
}

Test(diagram, bad_views_engines_and_formats_are_usage_errors) {
  rg_diagram_opts o;
  rg_diagram_opts_init(&o);
  char *d = NULL;
  size_t n = 0;
  rg_error e;
  o.view = "pie";
  cr_assert_eq(rg_diagram_render_mem(plan, res, &o, "svg", &d, &n, &e), RG_EUSAGE);
  o.view = "cluster=7";
  cr_assert_eq(rg_diagram_render_mem(plan, res, &o, "svg", &d, &n, &e), RG_EUSAGE);
  o.view = "collab";
  cr_assert_eq(rg_diagram_render_mem(plan, NULL, &o, "svg", &d, &n, &e), RG_EUSAGE);
  o.engine = "graphviz";
  cr_assert_eq(rg_diagram_render_mem(plan, res, &o, "svg", &d, &n, &e), RG_EUSAGE);
  o.engine = NULL;
  cr_assert_eq(rg_diagram_render_mem(plan, res, &o, "jpg", &d, &n, &e), RG_EUSAGE);
  cr_assert_eq(rg_diagram_render(plan, res, &o, "/tmp/x.jpeg", &e), RG_EUSAGE);
  cr_assert_null(d);
  cr_assert_eq(rg_diagram_render(plan, res, &o, "/nonexistent-dir/x.svg", &e), RG_ESYS);
  cr_assert_str_eq(rg_diagram_format_of("a/b.GV"), "dot");
  cr_assert_null(rg_diagram_format_of("a.d/b"));
}

Test(diagram, engine_override_is_used_and_recorded) {
  rg_diagram_opts o;
  rg_diagram_opts_init(&o);
  o.engine = "fdp";
  char *d = NULL;
  size_t n = 0;
  rg_error e;
  cr_assert_eq(rg_diagram_render_mem(plan, res, &o, "dot", &d, &n, &e), RG_OK, "%s", e.msg);
  cr_assert(strstr(d, "layout=fdp"));
  free(d);
}

Test(diagram, render_writes_the_file_named) {
  char path[64];
  snprintf(path, sizeof path, "/tmp/rg-diagram-test-%ld.svg", (long)getpid());
  rg_diagram_opts o;
  rg_diagram_opts_init(&o);
  rg_error e;
  cr_assert_eq(rg_diagram_render(plan, res, &o, path, &e), RG_OK, "%s", e.msg);
  FILE *f = fopen(path, "rb");
  char head[6] = {0};
  cr_assert_eq(fread(head, 1, 5, f), 5);
  fclose(f);
  remove(path);
  cr_assert_str_eq(head, "<?xml");
}

Test(diagram, a_label_graphviz_cannot_parse_is_an_error_not_a_silent_fallback) {
  /* Graphviz would draw the node id instead; rg_diagram_graph_render must
   * report the parser's complaint. */
  Agraph_t *g = agopen((char *)"bad", Agundirected, NULL);
  Agnode_t *n = agnode(g, (char *)"u0", 1);
  char *h = agstrdup_html(g, (char *)"<B>x</I>");
  agsafeset(n, (char *)"label", h, (char *)"");
  agstrfree(g, h);
  char *d = NULL;
  size_t len = 0;
  rg_error e;
  rg_error_clear(&e);
  for (int f = 0; f < 2; f++) {
    rg_status st = rg_diagram_graph_render(g, "dot", f ? "dot" : "svg", 1, &d, &len, &e);
    cr_assert_eq(st, RG_ESYS);
    cr_assert_null(d);
    cr_assert(strstr(e.msg, "mismatched tag"), "%s", e.msg);
    cr_assert(strstr(e.msg, "in label of node u0"), "%s", e.msg);
  }
  agclose(g);
  /* and a good graph after it renders: the error state was reset */
  char *ok = render("collab", "svg", NULL);
  free(ok);
}

Test(diagram, a_font_without_chinese_is_replaced_with_a_warning, .init = setup_and_redirect) {
  rg_diagram_opts o;
  rg_diagram_opts_init(&o);
  o.font = "No Such Font 4711";
  char *d = NULL;
  size_t len = 0;
  rg_error e;
  cr_assert_eq(rg_diagram_render_mem(plan, res, &o, "svg", &d, &len, &e), RG_OK, "%s", e.msg);
  char *sub = NULL;
  cr_assert_eq(rg_diagram_font_check(o.font, &sub), 0);
  char want[256];
  snprintf(want, sizeof want, "font-family=\"%s", sub);
  cr_assert(strstr(d, want), "the substitute %s is used", sub);
  free(sub);
  cr_assert_null(strstr(d, "No Such Font"));
  free(d);
  fflush(stderr);
  FILE *f = cr_get_redirected_stderr();
  char buf[1024] = {0};
  size_t n = fread(buf, 1, sizeof buf - 1, f);
  buf[n] = 0;
  cr_assert(strstr(buf, "warning: font \"No Such Font 4711\" with Chinese glyphs not found"), "%s",
            buf);
}

/* ---- the seed plan ----------------------------------------------------------- */

Test(diagram_seed, the_seed_collab_view_labels_all_65_units_in_a_1920_pixel_png) {
  rg_plan *p = NULL;
  rg_error e;
  rg_error_clear(&e);
  rg_load_opts lo;
  memset(&lo, 0, sizeof lo);
  cr_assert_eq(rg_plan_load(RG_EXAMPLES "/shenyang-2026.txt", &lo, &p, &e), RG_OK, "%s", e.msg);
  rg_analysis_opts ao;
  rg_analysis_opts_init(&ao);
  rg_results r;
  memset(&r, 0, sizeof r);
  cr_assert_eq(rg_analyze(p, &ao, &r, &e), RG_OK, "%s", e.msg);
  cr_assert_eq(r.n_units, 65);
  rg_diagram_opts o;
  rg_diagram_opts_init(&o);
  char *d = NULL;
  size_t len = 0;
  cr_assert_eq(rg_diagram_render_mem(p, &r, &o, "svg", &d, &len, &e), RG_OK, "%s", e.msg);
  svg s = parse_svg(d, len);
  cr_assert_eq(count(&s, "//s:g[contains(concat(' ', @class, ' '), ' unit ')]"), 65);
  /* every unit node draws text, and its tooltip is its full plan name */
  cr_assert_eq(count(&s, "//s:g[contains(concat(' ', @class, ' '), ' unit ') and not(.//s:text)]"),
               0);
  for (int i = 0; i < r.n_units; i++) {
    char q[128];
    snprintf(q, sizeof q, "//s:g[@id='u%d']//s:a/@x:title", r.units[i].unit);
    char *tip = str(&s, q);
    cr_expect_str_eq(tip, p->units[r.units[i].unit].name);
    free(tip);
  }
  free_svg(&s);
  free(d);
  cr_assert_eq(rg_diagram_render_mem(p, &r, &o, "png", &d, &len, &e), RG_OK, "%s", e.msg);
  unsigned w, h;
  png_size((unsigned char *)d, len, &w, &h);
  cr_expect(w >= 1900 && w <= 1930 && h <= 3840, "%ux%u", w, h);
  free(d);
  rg_results_free(&r);
  rg_plan_free(p);
}

Test(diagram_empty, a_plan_without_tasks_still_draws_titled_diagrams) {
  rg_plan *p = rg_plan_new("empty.txt");
  rg_plan_add_chapter(p, "一", "空", 1);
  int u = rg_plan_intern_unit(p, "市财政局", RG_KIND_UNIT, 2);
  rg_plan_finalize(p);
  rg_results *r = calloc(1, sizeof *r);
  r->row_of_unit = calloc(1, sizeof(int));
  r->row_of_unit[u] = -1;
  static const char *const views[] = {"collab", "clusters", "chapter=1", "ego=市财政局"};
  for (int v = 0; v < 4; v++) {
    rg_diagram_opts o;
    rg_diagram_opts_init(&o);
    o.view = views[v];
    char *d = NULL;
    size_t len = 0;
    rg_error e;
    cr_assert_eq(rg_diagram_render_mem(p, r, &o, "svg", &d, &len, &e), RG_OK, "%s: %s", views[v],
                 e.msg);
    svg s = parse_svg(d, len);
    cr_expect(strstr(d, "empty.txt"), "%s: the title falls back to the file name", views[v]);
    free_svg(&s);
    free(d);
  }
  free(r->row_of_unit);
  free(r);
  rg_plan_free(p);
}
