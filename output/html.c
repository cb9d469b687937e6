/* html.c - index.html: the report page for the people who decide. */
#include "html.h"

#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "html_meetings.h"
#include "html_page.h"
#include "schema.h"
#include "sort.h"

#define TX(s) rg_escape_html_text(out, (s))
#define AT(s) rg_escape_html_attr(out, (s))
#define TR(zh, en) rg_report_tr(d, (zh), (en))

typedef rg_page page;

void rg_html_num(FILE *out, double v) {
  char b[RG_NUM_BUF];
  rg_format_real(b, sizeof b, v);
  fputs(b, out);
}

void rg_html_real_td(FILE *out, double v, int digits) {
  char exact[RG_NUM_BUF], shown[RG_NUM_BUF];
  rg_format_real(exact, sizeof exact, v);
  if (!isfinite(v))
    snprintf(shown, sizeof shown, "%s", exact);
  else {
    snprintf(shown, sizeof shown, "%.*f", digits, v);
    /* keep the exact text when rounding changes nothing visible */
    if (strtod(shown, NULL) == v) snprintf(shown, sizeof shown, "%s", exact);
  }
  fprintf(out, "<td class=\"n\" data-v=\"%s\"", exact);
  if (strcmp(exact, shown)) fprintf(out, " title=\"%s\"", exact);
  fprintf(out, ">%s</td>", shown);
}

void rg_html_task_link(page *p, int t) {
  /* a plain anchor: one task needs no panel */
  FILE *out = p->out;
  const rg_task *task = &p->d->plan->tasks[t];
  fprintf(out, "<a class=\"tl\" href=\"#task-%d\">", task->ordinal);
  TX(task->number);
  fputs("</a>", out);
}

void rg_html_count_link(page *p, const int *tasks, int n, const char *href, const char *title) {
  FILE *out = p->out;
  if (n == 0) {
    fputs("<span class=\"zero\">0</span>", out);
    return;
  }
  fputs("<a class=\"cnt\" href=\"", out);
  AT(href);
  fputs("\" data-tasks=\"", out);
  for (int i = 0; i < n; i++)
    fprintf(out, i ? ",%d" : "%d", tasks[i]);
  fputs("\" data-title=\"", out);
  AT(title);
  fprintf(out, "\">%d</a>", n);
}

/* A unit's tasks in one role: the panel title says whose and which role. */
static void role_count_link(page *p, const int *tasks, int n, const char *href, const char *name,
                            rg_role role) {
  const rg_report_data *d = p->d;
  size_t len = strlen(name) + 32;
  char *title = rg_xmalloc(len);
  snprintf(title, len, "%s · %s", name,
           role == RG_ROLE_LEAD ? TR("牵头", "lead") : TR("配合", "support"));
  rg_html_count_link(p, tasks, n, href, title);
  free(title);
}

void rg_html_unit_ref(page *p, int u) {
  FILE *out = p->out;
  const rg_unit *un = &p->d->plan->units[u];
  if (un->kind == RG_KIND_UNIT) {
    fprintf(out, "<a class=\"ul\" href=\"#unit-%d\" data-unit=\"%d\">", u, u);
    TX(un->name);
    fputs("</a>", out);
  } else {
    fprintf(out, "<span class=\"k-%s\">", rg_kind_name(un->kind));
    TX(un->name);
    fputs("</span>", out);
  }
}

static void build_adjacency(page *p) {
  const rg_plan *plan = p->d->plan;
  const rg_results *res = p->d->res;
  p->adj_begin = rg_xcalloc((size_t)plan->n_units + 2, sizeof *p->adj_begin);
  p->adj = rg_xcalloc((size_t)res->n_ties * 2 + 1, sizeof *p->adj);
  for (int i = 0; i < res->n_ties; i++) {
    p->adj_begin[res->ties[i].a + 1]++;
    p->adj_begin[res->ties[i].b + 1]++;
  }
  for (int u = 0; u < plan->n_units; u++)
    p->adj_begin[u + 1] += p->adj_begin[u];
  int *fill = rg_xcalloc((size_t)plan->n_units + 1, sizeof *fill);
  for (int i = 0; i < res->n_ties; i++) {
    int a = res->ties[i].a, b = res->ties[i].b;
    p->adj[p->adj_begin[a] + fill[a]++] = i;
    p->adj[p->adj_begin[b] + fill[b]++] = i;
  }
  free(fill);
  p->scratch = rg_xcalloc((size_t)plan->n_tasks + 1, sizeof *p->scratch);
}

/* ---- page pieces ----------------------------------------------------------- */

/* <section id="id"><h2>title</h2> and a line break. */
static void section_open(page *p, const char *id, const char *title) {
  FILE *out = p->out;
  fprintf(out, "<section id=\"%s\"><h2>", id);
  TX(title);
  fputs("</h2>\n", out);
}

/* A paragraph of plan or page text, escaped: <p class="cls">text</p> (cls
 * NULL: a plain <p>). */
static void para(page *p, const char *cls, const char *text) {
  FILE *out = p->out;
  if (cls)
    fprintf(out, "<p class=\"%s\">", cls);
  else
    fputs("<p>", out);
  TX(text);
  fputs("</p>\n", out);
}

/* A paragraph made from one of the page's own format strings (no plan text). */
static void paraf(page *p, const char *cls, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void paraf(page *p, const char *cls, const char *fmt, ...) {
  fprintf(p->out, "<p class=\"%s\">", cls);
  va_list ap;
  va_start(ap, fmt);
  vfprintf(p->out, fmt, ap);
  va_end(ap);
  fputs("</p>\n", p->out);
}

/* ---- head and summary ---------------------------------------------------- */

int rg_html_doc_meta(page *p) {
  const rg_meta *m = &p->d->plan->meta;
  const char *parts[3] = {m->doc_number, m->issuer, m->date};
  int k = 0;
  for (int i = 0; i < 3; i++) {
    if (!parts[i]) continue;
    if (k++) fputs(" · ", p->out);
    rg_escape_html_text(p->out, parts[i]);
  }
  return k;
}

static void head(page *p) {
  FILE *out = p->out;
  const rg_report_data *d = p->d;
  const rg_meta *m = &d->plan->meta;
  const char *title = m->title ? m->title : d->plan->path;
  fprintf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n",
          d->zh ? "zh-CN" : "en");
  fputs("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n", out);
  fputs("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n",
        out);
  fputs("<title>", out);
  TX(title);
  TX(TR(" — 分工分析报告", " — responsibility report"));
  fputs("</title>\n<style>\n", out);
  fputs(rg_html_css, out);
  fputs("</style>\n</head>\n<body>\n<header class=\"top\">\n<h1>", out);
  TX(title);
  fputs("</h1>\n<p class=\"meta\">", out);
  rg_html_doc_meta(p);
  fputs("</p>\n<div class=\"tools\"><input id=\"q\" type=\"search\" autocomplete=\"off\" "
        "placeholder=\"",
        out);
  AT(TR("搜索单位或任务…", "Search units and tasks…"));
  fputs("\" aria-label=\"", out);
  AT(TR("搜索单位或任务", "Search units and tasks"));
  fputs("\"><nav>", out);
  const char *nav[][3] = {{"summary", "概况", "Summary"},   {"overload", "超负荷", "Overload"},
                          {"load", "负荷表", "Load"},       {"centrality", "中心性", "Centrality"},
                          {"clusters", "聚类", "Clusters"}, {"diagram", "协作图", "Diagram"},
                          {"units", "单位", "Units"},       {"chapters", "章节", "Chapters"},
                          {"tasks", "任务", "Tasks"},       {"diagnostics", "诊断", "Diagnostics"},
                          {"methods", "方法", "Methods"}};
  for (size_t i = 0; i < sizeof nav / sizeof nav[0]; i++) {
    if (i == 9) /* extras go before diagnostics */
      for (int e = 0; e < d->opts->n_extras; e++) {
        if (d->opts->extras[e].off_page) continue;
        fputs("<a href=\"#", out);
        AT(d->opts->extras[e].id);
        fputs("\">", out);
        TX(d->opts->extras[e].title);
        fputs("</a>", out);
      }
    fprintf(out, "<a href=\"#%s\">", nav[i][0]);
    TX(TR(nav[i][1], nav[i][2]));
    fputs("</a>", out);
  }
  fputs("</nav></div>\n<div id=\"qres\" hidden></div>\n</header>\n<main>\n", out);
  rg_html_brief(p);
}

static void card(page *p, const char *label, const char *href, int value, const int *tasks,
                 int n_tasks, const char *note) {
  FILE *out = p->out;
  fputs(!tasks && value > 0 && !strcmp(href, "#overload")
            ? "<div class=\"card alert\"><div class=\"v\">"
            : "<div class=\"card\"><div class=\"v\">",
        out);
  if (tasks)
    rg_html_count_link(p, tasks, n_tasks, href, label);
  else {
    fputs("<a href=\"", out);
    AT(href);
    fprintf(out, "\">%d</a>", value);
  }
  fputs("</div><div class=\"l\">", out);
  TX(label);
  fputs("</div>", out);
  if (note) {
    fputs("<div class=\"s\">", out);
    TX(note);
    fputs("</div>", out);
  }
  fputs("</div>\n", out);
}

/* Key findings in plain words, each with its evidence one click away. */
static void findings(page *p) {
  FILE *out = p->out;
  const rg_report_data *d = p->d;
  const rg_results *res = d->res;
  const rg_plan *plan = d->plan;
  if (res->n_units == 0) return;
  fputs("<ul class=\"findings\">\n", out);
  /* the heaviest unit and the concentration of load in the top five */
  const rg_unit_stats *top = &res->units[0];
  char href[40];
  snprintf(href, sizeof href, "#unit-%d", top->unit);
  fputs("<li>", out);
  TX(TR("负荷最重：", "Heaviest load: "));
  rg_html_unit_ref(p, top->unit);
  fputs(TR("，负荷 ", ", load "), out);
  rg_html_num(out, top->load);
  fputs(TR("（牵头 ", " (leads "), out);
  int n = rg_report_unit_tasks(plan, top->unit, RG_ROLE_LEAD, p->scratch);
  role_count_link(p, p->scratch, n, href, plan->units[top->unit].name, RG_ROLE_LEAD);
  fputs(TR(" 项、配合 ", ", supports "), out);
  n = rg_report_unit_tasks(plan, top->unit, RG_ROLE_SUPPORT, p->scratch);
  role_count_link(p, p->scratch, n, href, plan->units[top->unit].name, RG_ROLE_SUPPORT);
  fputs(TR(" 项）", ")"), out);
  int k = res->n_units < 5 ? res->n_units : 5;
  double share = 0;
  for (int r = 0; r < k; r++)
    share += res->units[r].share;
  fprintf(out,
          TR("；负荷最重的 %d 个单位承担了全部负荷的 %.0f%%。",
             "; the %d heaviest units carry %.0f%% of all load."),
          k, share * 100);
  fputs("</li>\n", out);
  /* the strongest tie */
  int best = -1;
  for (int i = 0; i < res->n_ties; i++)
    if (best < 0 || res->ties[i].shared > res->ties[best].shared) best = i;
  if (best >= 0) {
    const rg_tie *t = &res->ties[best];
    fputs("<li>", out);
    TX(TR("协作最紧密：", "Closest partners: "));
    rg_html_unit_ref(p, t->a);
    fputs(" — ", out);
    rg_html_unit_ref(p, t->b);
    fputs(TR("，共同承担 ", ", sharing "), out);
    char title[600];
    snprintf(title, sizeof title, "%s — %s", plan->units[t->a].name, plan->units[t->b].name);
    snprintf(href, sizeof href, "#unit-%d", t->a);
    rg_html_count_link(p, t->tasks, t->shared, href, title);
    fputs(TR(" 项任务。", " tasks."), out);
    fputs("</li>\n", out);
  }
  /* the main bridge between lines of work */
  int br = -1;
  for (int r = 0; r < res->n_units; r++)
    if (res->units[r].betweenness > 0 &&
        (br < 0 || res->units[r].betweenness > res->units[br].betweenness))
      br = r;
  if (br >= 0) {
    fputs("<li>", out);
    TX(TR("协调枢纽（中介中心性最高）：", "Main go-between (highest betweenness): "));
    rg_html_unit_ref(p, res->units[br].unit);
    fprintf(out, TR("，与 %d 个单位有协作关系。", ", tied to %d units."), res->units[br].partners);
    fputs("</li>\n", out);
  }
  if (d->n_open) {
    n = 0;
    for (int t = 0; t < plan->n_tasks; t++)
      if (plan->tasks[t].open_list) p->scratch[n++] = t;
    fputs("<li>", out);
    rg_html_count_link(p, p->scratch, n, "#tasks",
                       TR("名单未列全的任务", "tasks with open-ended lists"));
    fprintf(out,
            TR(" 项任务（占 %.0f%%）的责任单位以“等有关部门”等结尾，实际参与单位可能多于统计。",
               " tasks (%.0f%%) end their unit list in \"and other departments\": more units may "
               "take part "
               "than are counted."),
            100.0 * n / plan->n_tasks);
    fputs("</li>\n", out);
  }
  fputs("</ul>\n", out);
}

static void summary(page *p) {
  FILE *out = p->out;
  const rg_report_data *d = p->d;
  const rg_plan *plan = d->plan;
  section_open(p, "summary", TR("概况", "Summary"));
  /* the header shows these on a wide screen only */
  fputs("<p class=\"docmeta\">", out);
  rg_html_doc_meta(p);
  fputs("</p>\n", out);
  fputs("<div class=\"cards\">\n", out);
  int *all = rg_xcalloc((size_t)plan->n_tasks + 1, sizeof *all);
  for (int t = 0; t < plan->n_tasks; t++)
    all[t] = t;
  card(p, TR("项任务", "tasks"), "#tasks", plan->n_tasks, all, plan->n_tasks, NULL);
  char note[200];
  snprintf(note, sizeof note, TR("另有集合 %d、泛指 %d", "plus %d collective, %d generic"),
           d->n_collective, d->n_generic);
  card(p, TR("个具体单位", "concrete units"), "#units", d->res->n_units, NULL, 0, note);
  snprintf(note, sizeof note,
           TR("具体单位之间；其中牵头 %d，连同集合、泛指共 %d",
              "of concrete units; %d as lead, %d with collectives and generics"),
           d->n_lead_links, plan->n_links);
  card(p, TR("条分工关系", "task–unit links"), "#tasks", d->n_concrete_links, NULL, 0, note);
  int n_open = 0;
  for (int t = 0; t < plan->n_tasks; t++)
    if (plan->tasks[t].open_list) all[n_open++] = t;
  card(p, TR("项任务名单未列全", "open-ended lists"), "#tasks", n_open, all, n_open,
       TR("以“等有关部门”等结尾", "ending in \"and others\""));
  card(p, TR("个单位超负荷", "overloaded units"), "#overload", d->n_overloaded, NULL, 0, NULL);
  card(p, TR("个协作聚类", "clusters"), "#clusters", d->res->n_clusters, NULL, 0, NULL);
  card(p, TR("条诊断信息", "diagnostics"), "#diagnostics", plan->n_diags, NULL, 0, NULL);
  free(all);
  fputs("</div>\n", out);
  findings(p);
  fputs("</section>\n", out);
}

/* ---- overload ------------------------------------------------------------ */

void rg_html_load_rule(page *p) {
  FILE *out = p->out;
  const rg_report_data *d = p->d;
  const rg_results *res = d->res;
  TX(TR("负荷 = 牵头任务数 × ", "load = tasks led × "));
  rg_html_num(out, res->opts.lead_weight);
  TX(TR(" + 配合任务数 × ", " + tasks supported × "));
  rg_html_num(out, res->opts.support_weight);
  if (!isfinite(res->fence)) return;
  TX(TR("；警戒线 ", "; the fence is "));
  rg_html_num(out, res->fence);
  TX(TR("（四分位数 Q3 ", " (upper quartile "));
  rg_html_num(out, res->q3);
  TX(TR(" 加 1.5 倍四分位距 ", " plus 1.5 × the interquartile range "));
  rg_html_num(out, res->iqr);
  TX(TR("），负荷超过警戒线即为超负荷", "); a load above it is overload"));
}

static void overload(page *p) {
  FILE *out = p->out;
  const rg_report_data *d = p->d;
  const rg_results *res = d->res;
  section_open(p, "overload", TR("超负荷单位", "Overloaded units"));
  fputs("<p class=\"lead-in\">", out);
  if (d->n_overloaded) {
    fprintf(out,
            TR("<b>%d 个单位</b>负荷超过警戒线 <b>",
               "<b>%d units</b> carry more than the fence of <b>"),
            d->n_overloaded);
    rg_html_num(out, res->fence);
    fputs(TR("</b>（红色）：", "</b> (red): "), out);
    int k = 0;
    for (int r = 0; r < res->n_units; r++) {
      if (!res->units[r].overloaded) continue;
      if (k++) fputs(TR("、", ", "), out);
      rg_html_unit_ref(p, res->units[r].unit);
    }
    fputs(TR("。", "."), out);
  } else {
    fputs(TR("没有单位负荷超过警戒线", "No unit carries more than the fence"), out);
    if (isfinite(res->fence)) {
      fputs(" ", out);
      rg_html_num(out, res->fence);
    }
    fputs(TR("。", "."), out);
  }
  fputs("</p>\n<p class=\"hint\">", out);
  rg_html_load_rule(p);
  if (isfinite(res->fence))
    fputs(TR("（Tukey 上限，见“方法”）", " (Tukey's upper fence, see Methods)"), out);
  fputs(TR("。", "."), out);
  fputs("</p>\n<div class=\"two\"><div class=\"chartbox\">\n", out);
  rg_html_chart_load(out, d);
  fputs("</div><div>\n", out);
  if (d->n_overloaded) {
    fputs("<ol class=\"reasons\">\n", out);
    for (int r = 0; r < res->n_units; r++) {
      const rg_unit_stats *s = &res->units[r];
      if (!s->overloaded) continue;
      int u = s->unit;
      fputs("<li>", out);
      rg_html_unit_ref(p, u);
      fputs("<br>", out);
      fputs(TR("负荷 <b>", "load <b>"), out);
      rg_html_num(out, s->load);
      fputs(TR("</b>，超出警戒线 ", "</b>, above the fence by "), out);
      rg_html_num(out, s->load - res->fence);
      fprintf(out, TR("（第 %d 位）；牵头 ", " (rank %d); leads "), s->rank);
      int n = rg_report_unit_tasks(d->plan, u, RG_ROLE_LEAD, p->scratch);
      char href[40];
      snprintf(href, sizeof href, "#unit-%d", u);
      role_count_link(p, p->scratch, n, href, d->plan->units[u].name, RG_ROLE_LEAD);
      fputs(TR(" 项、配合 ", " and supports "), out);
      n = rg_report_unit_tasks(d->plan, u, RG_ROLE_SUPPORT, p->scratch);
      role_count_link(p, p->scratch, n, href, d->plan->units[u].name, RG_ROLE_SUPPORT);
      fprintf(out,
              TR(" 项；跨 %d 个章节、与 %d 个单位协作",
                 " tasks; spans %d chapters and works with %d units"),
              s->chapters, s->partners);
      int c = rg_report_top_col(d, r);
      if (c >= 0 && d->col_tasks[(size_t)r * d->n_cols + c] > 0) {
        fputs(TR("；最集中于 ", "; mostly in "), out);
        TX(rg_report_col_number(d, c));
        fputs(d->zh ? "、" : ". ", out);
        TX(rg_report_col_title(d, c));
        fputs(TR("（", " ("), out);
        rg_html_num(out, d->col_load[(size_t)r * d->n_cols + c]);
        fputs(TR("）", ")"), out);
      }
      fputs(TR("。", "."), out);
      fputs("</li>\n", out);
    }
    fputs("</ol>\n", out);
  }
  fputs("<h3>", out);
  TX(TR("负荷分布", "Distribution of load"));
  fputs("</h3>\n", out);
  fputs("<div class=\"histbox\">", out);
  rg_html_chart_histogram(out, d);
  fputs("</div></div></div>\n</section>\n", out);
}

/* ---- tables -------------------------------------------------------------- */

/* A page table from view v: <thead> and <tbody> of rg_html_thead/_rows. */
static void view_table(page *p, const rg_view *v, int sortable, const char *thead_end) {
  const rg_report_data *d = p->d;
  rg_table_src src = {.plan = d->plan, .res = d->res, .rd = d, .only_unit = -1};
  rg_table *t = rg_table_view(v, &src);
  rg_html_thead(p, t, sortable);
  fputs(thead_end, p->out);
  rg_html_rows(p, t);
  rg_table_free(t);
}

static void filter_box(page *p, const char *table_id) {
  const rg_report_data *d = p->d;
  fprintf(p->out, "<input class=\"filter\" type=\"search\" data-filter=\"%s\" placeholder=\"",
          table_id);
  rg_escape_html_attr(p->out, TR("筛选…", "Filter…"));
  fputs("\">\n", p->out);
}

/* A sortable table with a filter box: view v in a scrolling box with id
 * table_id (thead_end: what closes the header row and opens the body). */
static void filtered_table(page *p, const char *table_id, const rg_view *v, const char *thead_end) {
  filter_box(p, table_id);
  fprintf(p->out, "<div class=\"scroll\"><table id=\"%s\" class=\"data\"><thead><tr>", table_id);
  view_table(p, v, 1, thead_end);
  fputs("</tbody></table></div>\n", p->out);
}

static void load_table(page *p) {
  FILE *out = p->out;
  const rg_report_data *d = p->d;
  section_open(p, "load", TR("单位负荷", "Load per unit"));
  para(p, "hint",
       TR("点击表头排序；数字可点开对应任务。右侧各列为分章节负荷。",
          "Click a header to sort; click a number to see its tasks. The right-hand columns split "
          "the load by chapter."));
  filtered_table(p, "load-table", &rg_view_page_load, "</tr></thead>\n<tbody>\n");
  if (d->n_cols > RG_HTML_MAX_CHAPTER_COLS)
    paraf(
        p, "note",
        TR("章节较多（%d 个），分章节负荷不在此表中，见 report.xlsx 的“单位负荷”表和 report.json。",
           "%d chapters: the load per chapter is in report.xlsx (Load) and report.json, not "
           "here."),
        d->n_cols);
  fputs("</section>\n", out);
}

static void centrality_table(page *p) {
  FILE *out = p->out;
  const rg_report_data *d = p->d;
  const rg_results *res = d->res;
  section_open(p, "centrality", TR("中心性", "Centrality"));
  para(p, "hint",
       TR("中介中心性高的单位是不同工作之间的桥梁；约束度低的单位协作面广。定义见“方法”。",
          "High betweenness: a bridge between lines of work; low constraint: a wide, open "
          "network. Definitions under Methods."));
  filtered_table(p, "centrality-table", &rg_view_page_centrality, "</tr></thead>\n<tbody>\n");
  if (res->approximation_note) para(p, "note", res->approximation_note);
  fputs("</section>\n", out);
}

/* ---- clusters and heat map ----------------------------------------------- */

static int cmp_ll(const void *a, const void *b, void *ctx) {
  (void)ctx;
  long long x = *(const long long *)a, y = *(const long long *)b;
  return (x > y) - (x < y);
}

/* One cluster's card: its units, its tasks inside and crossing, bridges. */
static void cluster_card(page *p, const rg_cluster *c) {
  FILE *out = p->out;
  const rg_report_data *d = p->d;
  char href[40];
  snprintf(href, sizeof href, "#cluster-%d", c->id);
  fprintf(out, "<div class=\"cluster\" id=\"cluster-%d\"><h3>", c->id);
  char title[512];
  rg_cluster_name(d->plan, d->res, c->id, title, sizeof title);
  TX(title);
  fprintf(out, "</h3><p>");
  fprintf(out, TR("%d 个单位，内部任务 ", "%d units, tasks inside "), c->n_units);
  rg_html_count_link(p, c->tasks, c->n_tasks, href, title);
  fputs(TR("，多数单位在本组的任务 ", ", tasks mostly in this group "), out);
  rg_html_count_link(p, c->mostly, c->n_mostly, href, title);
  fputs(TR("，跨聚类任务 ", ", crossing tasks "), out);
  rg_html_count_link(p, c->crossing, c->n_crossing, href, title);
  fputs("</p><p class=\"members\">", out);
  for (int k = 0; k < c->n_units; k++) {
    if (k) fputs("、", out);
    rg_html_unit_ref(p, c->units[k]);
  }
  fputs("</p>", out);
  if (c->n_bridges) {
    fputs("<p class=\"bridges\">", out);
    TX(TR("桥梁单位（参与系数居前 10%）：", "Bridges (participation in the top 10%): "));
    for (int k = 0; k < c->n_bridges; k++) {
      if (k) fputs("、", out);
      rg_html_unit_ref(p, c->bridges[k]);
    }
    fputs("</p>", out);
  }
  fputs("</div>\n", out);
}

/* One row of the heat map: results row r, cells shaded against maxcell. */
static void heat_row(page *p, int r, double maxcell) {
  FILE *out = p->out;
  const rg_report_data *d = p->d;
  const rg_unit_stats *s = &d->res->units[r];
  int u = s->unit;
  fprintf(out, "<tr><td>");
  if (s->cluster >= 0) {
    char name[512];
    rg_cluster_name(d->plan, d->res, s->cluster, name, sizeof name);
    TX(name);
  }
  fputs("</td><td>", out);
  rg_html_unit_ref(p, u);
  fputs("</td>", out);
  int all = rg_report_unit_tasks(d->plan, u, -1, p->scratch);
  for (int c = 0; c < d->n_cols; c++) {
    double v = d->col_load[(size_t)r * d->n_cols + c];
    if (v <= 0) {
      fputs("<td></td>", out);
      continue;
    }
    double a = maxcell > 0 ? v / maxcell : 0;
    fprintf(out, "<td class=\"n\" style=\"background:rgba(197,48,48,%.2f)%s\">", 0.08 + 0.85 * a,
            a > 0.55 ? ";color:#fff" : "");
    char exact[RG_NUM_BUF];
    rg_format_real(exact, sizeof exact, v);
    fputs("<a class=\"cnt\" href=\"#unit-", out);
    fprintf(out, "%d\" data-tasks=\"", u);
    int m = 0;
    for (int i = 0; i < all; i++)
      if (rg_report_task_col(d, p->scratch[i]) == c)
        fprintf(out, m++ ? ",%d" : "%d", p->scratch[i]);
    fputs("\" data-title=\"", out);
    AT(d->plan->units[u].name);
    fputs(" · ", out);
    AT(rg_report_col_title(d, c));
    fprintf(out, "\">%s</a></td>", exact);
  }
  fputs("</tr>\n", out);
}

/* The unit x chapter heat map: the heaviest RG_HTML_MAX_HEAT_ROWS units,
 * grouped by cluster (then load order), units without a cluster last. */
static void heat_map(page *p) {
  FILE *out = p->out;
  const rg_report_data *d = p->d;
  const rg_results *res = d->res;
  fputs("<h3>", out);
  TX(TR("负荷热力图（单位 × 章节）", "Heat map of load (unit × chapter)"));
  fputs("</h3>\n<div class=\"scroll\"><table class=\"heat\"><thead><tr><th>", out);
  TX(TR("聚类", "cluster"));
  fputs("</th><th>", out);
  TX(TR("单位", "unit"));
  fputs("</th>", out);
  for (int c = 0; c < d->n_cols; c++) {
    fputs("<th title=\"", out);
    AT(rg_report_col_title(d, c));
    fputs("\">", out);
    TX(c < d->plan->n_chapters ? rg_report_col_number(d, c) : "—");
    fputs("</th>", out);
  }
  fputs("</tr></thead><tbody>\n", out);
  double maxcell = 0;
  for (size_t k = 0; k < (size_t)res->n_units * d->n_cols; k++)
    if (d->col_load[k] > maxcell) maxcell = d->col_load[k];
  long long n = res->n_units, shown = n < RG_HTML_MAX_HEAT_ROWS ? n : RG_HTML_MAX_HEAT_ROWS;
  long long *keys = rg_xcalloc((size_t)n + 1, sizeof *keys);
  for (int r = 0; r < res->n_units; r++) {
    long long cl = res->units[r].cluster < 0 ? 1000000 : res->units[r].cluster;
    keys[r] = r >= shown ? LLONG_MAX : cl * (n + 1) + r; /* cluster first, then load order */
  }
  rg_sort(keys, (size_t)n, sizeof *keys, cmp_ll, NULL);
  for (long long k = 0; k < shown; k++)
    heat_row(p, (int)(keys[k] % (n + 1)), maxcell);
  free(keys);
  fputs("</tbody></table></div>\n", out);
  if (shown < n)
    paraf(p, "hint",
          TR("热力图只列负荷最重的 %lld 个单位（共 %lld 个）。",
             "The heat map lists the %lld heaviest of %lld units."),
          shown, n);
}

static void clusters(page *p) {
  FILE *out = p->out;
  const rg_report_data *d = p->d;
  const rg_results *res = d->res;
  section_open(p, "clusters", TR("协作聚类", "Clusters"));
  fputs("<p class=\"hint\">", out);
  fprintf(out, TR("共 %d 个聚类，模块度 ", "%d clusters, modularity "), res->n_clusters);
  rg_html_num(out, res->modularity);
  fputs(
      TR("。“跨聚类任务”牵涉其他聚类的单位；“桥梁单位”与多个聚类协作。",
         ". Crossing tasks involve units of another cluster; bridges work with several clusters."),
      out);
  fputs("</p>\n<div class=\"clusters\">\n", out);
  for (int i = 0; i < res->n_clusters; i++)
    cluster_card(p, &res->clusters[i]);
  fputs("</div>\n", out);
  if (d->n_cols > RG_HTML_MAX_HEAT_COLS)
    paraf(p, "note",
          TR("章节较多（%d 个），未画单位 × 章节热力图；数据见 report.xlsx 和 report.json。",
             "%d chapters: no unit × chapter heat map here; see report.xlsx and report.json."),
          d->n_cols);
  else
    heat_map(p);
  fputs("</section>\n", out);
}

/* "图文件：<a href=name>name</a>" under a drawing: the SVG in diagrams/. */
static void file_link(page *p, const char *name) {
  FILE *out = p->out;
  const rg_report_data *d = p->d;
  fputs("<p class=\"hint\">", out);
  TX(TR("图文件：", "File: "));
  fputs("<a href=\"", out);
  AT(name);
  fputs("\">", out);
  TX(name);
  fputs("</a></p>\n", out);
}

/* ---- diagram ------------------------------------------------------------- */

static void diagram(page *p) {
  FILE *out = p->out;
  const rg_report_data *d = p->d;
  section_open(p, "diagram", TR("协作关系图", "Collaboration diagram"));
  if (!d->collab_svg) {
    para(p, "note",
         d->diagram_note ? d->diagram_note : TR("未绘制协作图。", "No diagram was drawn."));
    fputs("</section>\n", out);
    return;
  }
  para(p, "hint",
       TR("滚轮缩放，拖动平移；悬停单位高亮其协作关系，点击列出其任务。",
          "Wheel to zoom, drag to pan; hover a unit to highlight its ties, click it to list its "
          "tasks."));
  fputs("<div class=\"zoombar\"><button type=\"button\" data-zoom=\"in\">+</button>"
        "<button type=\"button\" data-zoom=\"out\">−</button><button type=\"button\" "
        "data-zoom=\"reset\">",
        out);
  TX(TR("复位", "reset"));
  fputs("</button></div>\n<div id=\"collab\" class=\"zoom\">", out);
  fputs(d->collab_svg, out);
  fputs("</div>\n", out);
  file_link(p, "diagrams/collab.svg");
  fputs("</section>\n", out);
}

/* Order the ties adj[0..n) of one unit by shared tasks desc, then tie index
 * (the results' name order), through keys (shared, index) sorted with rg_sort. */
static void sort_by_shared(const rg_tie *ties, int *adj, int n) {
  long long *keys = rg_xcalloc((size_t)n + 1, sizeof *keys);
  for (int i = 0; i < n; i++)
    keys[i] = -(long long)ties[adj[i]].shared * ((long long)INT_MAX + 1) + adj[i];
  rg_sort(keys, (size_t)n, sizeof *keys, cmp_ll, NULL);
  for (int i = 0; i < n; i++) {
    long long k = keys[i] % ((long long)INT_MAX + 1);
    adj[i] = (int)(k < 0 ? k + (long long)INT_MAX + 1 : k);
  }
  free(keys);
}

/* ---- units --------------------------------------------------------------- */

/* A unit's diagram in a box that scrolls sideways: the drawing shrinks with
 * the screen down to the width where its smallest text (Graphviz 12 pt =
 * 16 px at full size) is 10 px, min-width = width in pt x 4/3 x 10/16. */
static void ego_box(FILE *out, const char *svg) {
  const char *w = strstr(svg, " width=\"");
  double pt = w ? strtod(w + 8, NULL) : 0;
  if (pt > 0)
    fprintf(out, "<div class=\"egobox\" style=\"--mw:%.0fpx\">",
            ceil(pt * 4.0 / 3.0 * 10.0 / 16.0));
  else
    fputs("<div class=\"egobox\">", out);
  fputs(svg, out);
  fputs("</div>", out);
}

static void units(page *p) {
  FILE *out = p->out;
  const rg_report_data *d = p->d;
  const rg_results *res = d->res;
  const rg_plan *plan = d->plan;
  section_open(p, "units", TR("各单位情况", "Units"));
  /* on paper the units' sections are left out unless asked for (html.js
   * puts the class print-units on <body>) */
  fputs("<p class=\"noprint\"><label><input type=\"checkbox\" id=\"print-units\"> ", out);
  TX(TR("打印各单位详情", "Print every unit's details"));
  fputs("</label></p>\n", out);
  para(p, "print-only units-skipped",
       TR("各单位详情未打印：在页面“各单位情况”一节勾选“打印各单位详情”后再打印。",
          "The units' details are not printed: tick \"Print every unit's details\" under Units "
          "to print them."));
  if (!d->ego_svg && d->diagram_note) para(p, "note", d->diagram_note);
  int *tasks = rg_xcalloc((size_t)plan->n_tasks + 1, sizeof *tasks);
  for (int r = 0; r < res->n_units; r++) {
    const rg_unit_stats *s = &res->units[r];
    int u = s->unit;
    const rg_unit *un = &plan->units[u];
    char href[40];
    snprintf(href, sizeof href, "#unit-%d", u);
    fprintf(out, "<section class=\"unit%s\" id=\"unit-%d\"><h3>", s->overloaded ? " over" : "", u);
    TX(un->name);
    if (s->overloaded) {
      fputs(" <span class=\"badge\">", out);
      TX(TR("超负荷", "overloaded"));
      fputs("</span>", out);
    }
    fputs("</h3>\n<p class=\"stats\">", out);
    TX(TR("负荷 ", "load "));
    rg_html_num(out, s->load);
    fprintf(out, TR("（第 %d 位）· 牵头 ", " (rank %d) · lead "), s->rank);
    int n = rg_report_unit_tasks(plan, u, RG_ROLE_LEAD, tasks);
    role_count_link(p, tasks, n, href, un->name, RG_ROLE_LEAD);
    TX(TR(" · 配合 ", " · support "));
    n = rg_report_unit_tasks(plan, u, RG_ROLE_SUPPORT, tasks);
    role_count_link(p, tasks, n, href, un->name, RG_ROLE_SUPPORT);
    fprintf(out, TR(" · 协作单位 %d · 章节 %d", " · partners %d · chapters %d"), s->partners,
            s->chapters);
    if (s->cluster >= 0) {
      char name[512];
      rg_cluster_name(plan, d->res, s->cluster, name, sizeof name);
      fprintf(out, " · <a href=\"#cluster-%d\">", s->cluster);
      TX(name);
      fputs("</a>", out);
    }
    if (un->n_aliases) {
      TX(TR(" · 又称 ", " · also "));
      for (int a = 0; a < un->n_aliases; a++) {
        if (a) fputs("、", out);
        TX(un->aliases[a]);
      }
    }
    fputs("</p>\n", out);
    rg_html_unit_meetings(out, plan, d->opts->meetings, u, !d->zh);
    if (d->ego_svg && d->ego_svg[u]) {
      fputs("<details class=\"ego\"><summary>", out);
      TX(TR("协作关系图", "ego diagram"));
      fputs("</summary>", out);
      ego_box(out, d->ego_svg[u]);
      file_link(p, d->ego_file[u]);
      fputs("</details>\n", out);
    }
    /* partners: ties of u, already sorted by (name a, name b) */
    int na = p->adj_begin[u + 1] - p->adj_begin[u];
    /* strongest partners first; equal counts keep the ties' name order */
    sort_by_shared(res->ties, p->adj + p->adj_begin[u], na);
    if (na) {
      fputs("<p class=\"partners\"><b>", out);
      TX(TR("协作单位（共同任务数）：", "Partners (shared tasks): "));
      fputs("</b>", out);
      for (int k = 0; k < na; k++) {
        const rg_tie *tie = &res->ties[p->adj[p->adj_begin[u] + k]];
        int other = tie->a == u ? tie->b : tie->a;
        if (k) fputs("、", out);
        rg_html_unit_ref(p, other);
        fputs("(", out);
        char title[600];
        snprintf(title, sizeof title, "%s — %s", un->name, plan->units[other].name);
        rg_html_count_link(p, tie->tasks, tie->shared, href, title);
        fputs(")", out);
      }
      fputs("</p>\n", out);
    }
    n = rg_report_unit_tasks(plan, u, -1, tasks);
    fputs("<div class=\"hscroll\"><table class=\"data tasks\"><thead><tr><th>", out);
    TX(TR("编号", "no."));
    fputs("</th><th>", out);
    TX(TR("角色", "role"));
    fputs("</th><th>", out);
    TX(TR("任务", "task"));
    fputs("</th></tr></thead><tbody>\n", out);
    for (int i = 0; i < n; i++) {
      int t = tasks[i];
      int lead = 0;
      for (int k = 0; k < un->link_count; k++) {
        const rg_link *l = &plan->links[plan->unit_links[un->link_begin + k]];
        if (l->task == t && l->role == RG_ROLE_LEAD) lead = 1;
      }
      fputs("<tr><td>", out);
      rg_html_task_link(p, t);
      fprintf(out, "</td><td class=\"%s\">", lead ? "role-lead" : "role-support");
      TX(lead ? TR("牵头", "lead") : TR("配合", "support"));
      fputs("</td><td>", out);
      TX(plan->tasks[t].text);
      fputs("</td></tr>\n", out);
    }
    fputs("</tbody></table></div>\n</section>\n", out);
  }
  free(tasks);
  fputs("</section>\n", out);
}

/* ---- chapters and tasks -------------------------------------------------- */

static void chapters(page *p) {
  FILE *out = p->out;
  const rg_report_data *d = p->d;
  const rg_plan *plan = d->plan;
  const rg_results *res = d->res;
  section_open(p, "chapters", TR("章节", "Chapters"));
  fputs("<div class=\"hscroll\"><table class=\"data\"><thead><tr><th>", out);
  TX(TR("章节", "chapter"));
  fputs("</th><th>", out);
  TX(TR("任务数", "tasks"));
  fputs("</th><th>", out);
  TX(TR("负荷最重的单位", "most loaded units"));
  fputs("</th></tr></thead><tbody>\n", out);
  int *tasks = rg_xcalloc((size_t)plan->n_tasks + 1, sizeof *tasks);
  for (int c = 0; c < d->n_cols; c++) {
    int n = 0;
    for (int t = 0; t < plan->n_tasks; t++)
      if (rg_report_task_col(d, t) == c) tasks[n++] = t;
    if (c == plan->n_chapters && n == 0) continue;
    fprintf(out, "<tr id=\"chapter-%d\"><td>", c + 1);
    if (c < plan->n_chapters) {
      TX(rg_report_col_number(d, c));
      fputs(d->zh ? "、" : ". ", out);
    }
    TX(rg_report_col_title(d, c));
    fputs("</td><td class=\"n\">", out);
    char href[40];
    snprintf(href, sizeof href, "#chapter-%d", c + 1);
    rg_html_count_link(p, tasks, n, href, rg_report_col_title(d, c));
    fputs("</td><td>", out);
    /* top five units by load in this chapter (ties: load order) */
    int shown = 0, picked[5];
    for (int pick = 0; pick < 5; pick++) {
      int best = -1;
      for (int r = 0; r < res->n_units; r++) {
        double v = d->col_load[(size_t)r * d->n_cols + c];
        if (v <= 0) continue;
        int already = 0;
        for (int q = 0; q < shown; q++)
          if (picked[q] == r) already = 1;
        if (already) continue;
        if (best < 0 || v > d->col_load[(size_t)best * d->n_cols + c]) best = r;
      }
      if (best < 0) break;
      picked[shown++] = best;
      if (pick) fputs("、", out);
      rg_html_unit_ref(p, res->units[best].unit);
      fputs(" ", out);
      rg_html_num(out, d->col_load[(size_t)best * d->n_cols + c]);
    }
    fputs("</td></tr>\n", out);
  }
  free(tasks);
  fputs("</tbody></table></div>\n</section>\n", out);
}

static void task_list(page *p) {
  FILE *out = p->out;
  const rg_report_data *d = p->d;
  section_open(p, "tasks", TR("任务清单", "Tasks"));
  filtered_table(p, "task-table", &rg_view_page_tasks, "</tr></thead><tbody>\n");
  fputs("</section>\n", out);
}

/* ---- extras, diagnostics, methods ---------------------------------------- */

static void extras(page *p) {
  FILE *out = p->out;
  const rg_report_data *d = p->d;
  for (int e = 0; e < d->opts->n_extras; e++) {
    const rg_report_extra *x = &d->opts->extras[e];
    if (x->off_page) continue;
    section_open(p, x->id, x->title); /* ids are [a-z0-9_-]+ (rg_report_write) */
    if (x->note) para(p, "hint", x->note);
    if (x->svg) fprintf(out, "<div class=\"chartbox\">%s</div>\n", x->svg);
    if (!rg_table_rows(x->table)) {
      para(p, NULL, TR("无。", "None."));
    } else {
      fputs("<div class=\"scroll\"><table class=\"data\"><thead><tr>", out);
      rg_html_thead(p, x->table, 1);
      fputs("</tr></thead><tbody>\n", out);
      rg_html_rows(p, x->table);
      fputs("</tbody></table></div>\n", out);
    }
    if (!strcmp(x->id, "meetings")) rg_html_meetings_calendar(out, d->opts->meetings, !d->zh);
    fputs("</section>\n", out);
  }
}

/* How the plan was read (rg_view_page_reading, the rows `respgraph check`
 * opens with): format, level, conventions with their lines, header
 * meanings, counts; then the heading of the problems. */
static void reading_summary(page *p) {
  FILE *out = p->out;
  const rg_report_data *d = p->d;
  fputs("<h3>", out);
  TX(TR("读取方式", "How the plan was read"));
  fputs("</h3>\n<div class=\"hscroll\"><table class=\"data reading\"><thead><tr>", out);
  view_table(p, &rg_view_page_reading, 0, "</tr></thead><tbody>\n");
  fputs("</tbody></table></div>\n<h3>", out);
  TX(TR("问题", "Problems"));
  fputs("</h3>\n", out);
}

static void diagnostics(page *p) {
  FILE *out = p->out;
  const rg_report_data *d = p->d;
  const rg_plan *plan = d->plan;
  section_open(p, "diagnostics", TR("诊断信息", "Diagnostics"));
  reading_summary(p);
  if (!plan->n_diags) {
    para(p, NULL, TR("无。", "None."));
    fputs("</section>\n", out);
    return;
  }
  para(p, "hint",
       TR("解析原文时发现的问题，行号指原文件。",
          "Problems found while reading the plan; line numbers refer to the source file."));
  fputs("<div class=\"hscroll\"><table class=\"data\"><thead><tr>", out);
  view_table(p, &rg_view_page_diags, 0, "</tr></thead><tbody>\n");
  fputs("</tbody></table></div>\n</section>\n", out);
}

static void methods(page *p) {
  FILE *out = p->out;
  const rg_report_data *d = p->d;
  const rg_results *res = d->res;
  const rg_analysis_opts *o = &res->opts;
  section_open(p, "methods", TR("方法说明", "Methods"));
  fputs("<dl class=\"methods\">\n<dt>", out);
  TX(TR("统计对象", "What is counted"));
  fputs("</dt><dd>", out);
  fprintf(out,
          TR("只统计具体单位（%d 个）。集合性表述（如“各区、县(市)政府”，%d "
             "个）和泛指表述（如“有关部门”，%d 个）保留在任务清单中，但不计入负荷和协作关系。",
             "Only concrete units (%d) are counted. Collective phrases such as \"each district "
             "government\" (%d) and generic ones such as \"relevant departments\" (%d) stay in the "
             "task list but carry no load and no ties."),
          d->n_concrete, d->n_collective, d->n_generic);
  fputs("</dd>\n<dt>", out);
  TX(TR("负荷", "Load"));
  fputs("</dt><dd>", out);
  TX(TR("负荷 = 牵头权重 × 牵头任务数 + 配合权重 × 配合任务数；牵头权重 = ",
        "load = W_lead × tasks led + W_support × tasks supported; W_lead = "));
  rg_html_num(out, o->lead_weight);
  TX(TR("，配合权重 = ", ", W_support = "));
  rg_html_num(out, o->support_weight);
  TX(TR("。占比 = 负荷 / 全部具体单位负荷之和。",
        ". Share = load / total load of all concrete units."));
  fputs("</dd>\n<dt>", out);
  TX(TR("警戒线", "Overload fence"));
  fputs("</dt><dd>", out);
  TX(TR("Tukey 上限：Q3 + 1.5 × IQR。Q1 = ", "Tukey's upper fence: Q3 + 1.5 × IQR. Q1 = "));
  rg_html_num(out, res->q1);
  fputs(", Q3 = ", out);
  rg_html_num(out, res->q3);
  fputs(", IQR = ", out);
  rg_html_num(out, res->iqr);
  TX(TR("，警戒线 = ", ", fence = "));
  rg_html_num(out, res->fence);
  TX(TR("；平均 ", "; mean "));
  rg_html_num(out, res->mean);
  TX(TR("，标准差 ", ", sd "));
  rg_html_num(out, res->sd);
  TX(TR("。负荷大于警戒线即为超负荷；z = (负荷 − 平均) / 标准差。",
        ". A unit whose load exceeds the fence is overloaded; z = (load − mean) / sd."));
  fputs("</dd>\n<dt>", out);
  TX(TR("协作关系", "Ties"));
  fputs("</dt><dd>", out);
  TX(TR("两个具体单位共同承担至少 ", "Two concrete units are tied when they share at least "));
  fprintf(out, "%d", o->min_shared);
  TX(TR(" 项任务即有协作关系。权重：", " task(s). Weight: "));
  TX(o->weighting ? TR("Newman 加权（每项任务贡献 1/(k−1)，k 为该任务的具体单位数）",
                       "Newman (each task adds 1/(k−1), k = concrete units on the task)")
                  : TR("共同任务数", "number of shared tasks"));
  fprintf(out, TR("。共 %d 条协作关系", ". %d ties"), res->n_ties);
  if (res->n_dropped_ties)
    fprintf(out, TR("（另有 %d 条因共同任务过少未计）", " (%d more dropped below the minimum)"),
            res->n_dropped_ties);
  if (res->n_isolated)
    fprintf(out, TR("，%d 个单位没有协作关系", "; %d units have no tie"), res->n_isolated);
  TX(TR("。协同负担 = 所承担各任务的（单位数 − 1）之和。",
        ". Burden = sum over a unit's tasks of (units on the task − 1)."));
  fputs("</dd>\n<dt>", out);
  TX(TR("中心性", "Centrality"));
  fputs("</dt><dd>", out);
  TX(TR("在单位协作网络上计算：强度（关系权重之和）、中介中心性（位于其他单位之间最短路径上的程度，"
        "距离 = 1/权重）、调和中心性、特征向量中心性、PageRank、Burt "
        "约束度（越低越是结构洞位置）、k 核数、参与系数（协作分布于多个聚类的程度）。",
        "On the unit network: strength (sum of tie weights), betweenness (how often a unit lies "
        "on shortest paths between others, distance = 1/weight), harmonic centrality, "
        "eigenvector centrality, PageRank, Burt's constraint (low = brokerage position), "
        "k-core number, participation coefficient (spread of ties over clusters)."));
  if (res->approximation_note) {
    fputs(" ", out);
    TX(res->approximation_note);
  }
  fputs("</dd>\n<dt>", out);
  TX(TR("聚类", "Clusters"));
  fputs("</dt><dd>", out);
  TX(TR("Leiden 算法（模块度目标），分辨率 γ = ",
        "Leiden algorithm (modularity), resolution γ = "));
  rg_html_num(out, o->resolution);
  TX(TR("，随机种子 ", ", random seed "));
  fprintf(out, "%lu", o->seed);
  TX(TR("，模块度 ", ", modularity "));
  rg_html_num(out, res->modularity);
  TX(TR("。", "."));
  fputs("</dd>\n<dt>", out);
  TX(TR("软件", "Software"));
  fputs("</dt><dd>", out);
  TX(d->opts->versions ? d->opts->versions : "respgraph " RG_VERSION);
  fputs("; ", out);
  TX(rg_report_libraries());
  fputs("</dd>\n<dt>", out);
  TX(TR("来源", "Source"));
  fputs("</dt><dd>", out);
  TX(d->plan->path);
  fputs("</dd>\n</dl>\n</section>\n", out);
}

/* ---- data island and script ---------------------------------------------- */

static void data_island(page *p) {
  const rg_report_data *d = p->d;
  const rg_plan *plan = d->plan;
  json_t *root = json_object();
  json_object_set_new(root, "lang", json_string(d->zh ? "zh" : "en"));
  json_t *i18n = json_object();
  json_object_set_new(i18n, "lead", json_string(TR("牵头", "lead")));
  json_object_set_new(i18n, "support", json_string(TR("配合", "support")));
  json_object_set_new(i18n, "close", json_string(TR("关闭", "close")));
  json_object_set_new(i18n, "tasks", json_string(TR("项任务", "tasks")));
  json_object_set_new(i18n, "sunits", json_string(TR("单位", "Units")));
  json_object_set_new(i18n, "stasks", json_string(TR("任务", "Tasks")));
  json_object_set_new(i18n, "all", json_string(TR("全部列出", "list them all")));
  json_object_set_new(root, "i18n", i18n);
  json_t *units = json_array();
  for (int u = 0; u < plan->n_units; u++) {
    json_t *o = json_object();
    json_object_set_new(o, "name", json_string(plan->units[u].name));
    json_object_set_new(o, "kind", json_string(rg_kind_name(plan->units[u].kind)));
    json_array_append_new(units, o);
  }
  json_object_set_new(root, "units", units);
  json_t *tasks = json_array();
  for (int t = 0; t < plan->n_tasks; t++) {
    const rg_task *task = &plan->tasks[t];
    json_t *o = json_object(), *l = json_array(), *s = json_array();
    json_object_set_new(o, "n", json_string(task->number));
    json_object_set_new(o, "o", json_integer(task->ordinal));
    json_object_set_new(o, "x", json_string(task->text));
    for (int k = 0; k < task->link_count; k++) {
      const rg_link *lk = &plan->links[plan->task_links[task->link_begin + k]];
      json_array_append_new(lk->role == RG_ROLE_LEAD ? l : s, json_integer(lk->unit));
    }
    json_object_set_new(o, "l", l);
    json_object_set_new(o, "s", s);
    json_object_set_new(o, "d", task->deadline ? json_string(task->deadline) : json_null());
    json_array_append_new(tasks, o);
  }
  json_object_set_new(root, "tasks", tasks);
  json_t *ties = json_array();
  for (int i = 0; i < d->res->n_ties; i++) {
    const rg_tie *t = &d->res->ties[i];
    json_array_append_new(ties, json_pack("[iii]", t->a, t->b, t->shared));
  }
  json_object_set_new(root, "ties", ties);
  char *text = json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER);
  fputs("<script type=\"application/json\" id=\"rg-data\">", p->out);
  rg_escape_script_json(p->out, text);
  fputs("</script>\n", p->out);
  free(text);
  json_decref(root);
}

rg_status rg_html_write(FILE *out, const rg_report_data *d, rg_error *err) {
  page p = {.out = out, .d = d};
  build_adjacency(&p);
  head(&p);
  summary(&p);
  overload(&p);
  load_table(&p);
  centrality_table(&p);
  clusters(&p);
  diagram(&p);
  units(&p);
  chapters(&p);
  task_list(&p);
  extras(&p);
  diagnostics(&p);
  methods(&p);
  fputs("</main>\n<aside id=\"panel\" hidden><button type=\"button\" class=\"close\">×</button>"
        "<h2 id=\"panel-title\"></h2><div id=\"panel-body\"></div></aside>\n<footer>",
        out);
  TX(TR("由 respgraph 生成", "Made by respgraph"));
  fputs("</footer>\n", out);
  data_island(&p);
  fputs("<script>\n", out);
  fputs(rg_html_js, out);
  fputs("</script>\n</body>\n</html>\n", out);
  free(p.adj_begin);
  free(p.adj);
  free(p.scratch);
  if (ferror(out))
    return rg_error_set(err, RG_ESYS, NULL, 0, 0, "cannot write the report page: %s",
                        strerror(errno));
  return RG_OK;
}
