/* test_report.c - the report directory: escaping in every file, numbers, determinism. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "analyze.h"
#include "common/common.h"
#include "html.h"
#include "report.h"
#include "report_data.h"

/* Hostile strings, as unit names and task texts. */
#define U_A "=HYPERLINK(\"http://evil.example\",\"点我\")"
#define U_B "\"onmouseover=alert(2) x=\""
#define U_C "+1"
#define U_D "@SUM(A1)"
#define T_0 "<script>alert(1)</script>推进&amp;落实"
#define T_1 "a </script><script>window.__pwned=true</script> \xE2\x80\xA8 end"
#define T_2 "<!-- x --> -1 <img src=x onerror=alert(3)>"

/* Plan: chapters 一 二; tasks 1 (ch 一) lead A support B; 2 (ch 一) lead B
 * support C, D; 3 (ch 二) lead C support A and the generic 有关部门. */
static rg_plan *hostile_plan(void) {
  rg_plan *p = rg_plan_new("hostile<plan>.txt");
  p->meta.title = rg_plan_strdup(p, "<b>分工方案</b>");
  p->meta.doc_number = rg_plan_strdup(p, "沈政发〔2026〕1号");
  p->meta.issuer = rg_plan_strdup(p, "沈阳市人民政府");
  p->meta.date = rg_plan_strdup(p, "2026年1月25日");
  int c0 = rg_plan_add_chapter(p, "一", "经济<i>", 10);
  int c1 = rg_plan_add_chapter(p, "二", "民生", 20);
  int t0 = rg_plan_add_task(p, "1", T_0, c0, -1, 11);
  int t1 = rg_plan_add_task(p, "2", T_1, c0, -1, 13);
  int t2 = rg_plan_add_task(p, "3", T_2, c1, -1, 21);
  int a = rg_plan_intern_unit(p, U_A, RG_KIND_UNIT, 12);
  int b = rg_plan_intern_unit(p, U_B, RG_KIND_UNIT, 12);
  int c = rg_plan_intern_unit(p, U_C, RG_KIND_UNIT, 14);
  int d = rg_plan_intern_unit(p, U_D, RG_KIND_UNIT, 14);
  int g = rg_plan_intern_unit(p, "有关部门", RG_KIND_GENERIC, 22);
  rg_plan_link(p, t0, a, RG_ROLE_LEAD, 12);
  rg_plan_link(p, t0, b, RG_ROLE_SUPPORT, 12);
  rg_plan_link(p, t1, b, RG_ROLE_LEAD, 14);
  rg_plan_link(p, t1, c, RG_ROLE_SUPPORT, 14);
  rg_plan_link(p, t1, d, RG_ROLE_SUPPORT, 14);
  rg_plan_link(p, t2, c, RG_ROLE_LEAD, 22);
  rg_plan_link(p, t2, a, RG_ROLE_SUPPORT, 22);
  rg_plan_link(p, t2, g, RG_ROLE_SUPPORT, 22);
  p->tasks[t2].open_list = 1;
  rg_plan_diag(p, RG_SEV_WARNING, 21, "odd<code>", "unit %s looks odd", U_B);
  rg_plan_finalize(p);
  return p;
}

static int *ints(int n, ...) {
  va_list ap;
  va_start(ap, n);
  int *v = calloc((size_t)n + 1, sizeof *v);
  for (int i = 0; i < n; i++)
    v[i] = va_arg(ap, int);
  va_end(ap);
  return v;
}

/* Results computed by hand for hostile_plan with W_lead 1, W_support 0.5:
 * loads A 1.5, B 1.5, C 1.5, D 0.5; rows by load desc then name (byte
 * order: '"' < '+' < '=' < '@'): B, C, A, D. Sorted loads 0.5 1.5 1.5 1.5:
 * Q1 = 1.25, Q3 = 1.5, IQR 0.25, fence 1.875, mean 1.25, sd 0.4330127019.
 * B is marked overloaded by hand (as if the fence were lower) so the reasons
 * list carries a hostile name too. Ties (names a < b): B-C {2}, B-D {2},
 * B-A {1}, C-A {3}, C-D {2}. One cluster of all four units. */
static void hand_results(const rg_plan *p, rg_results *r) {
  memset(r, 0, sizeof *r);
  rg_analysis_opts_init(&r->opts);
  int A = rg_plan_find_unit(p, U_A), B = rg_plan_find_unit(p, U_B);
  int C = rg_plan_find_unit(p, U_C), D = rg_plan_find_unit(p, U_D);
  r->n_units = 4;
  r->units = calloc(4, sizeof *r->units);
  int order[4] = {B, C, A, D};
  int led[4] = {1, 1, 1, 0}, sup[4] = {1, 1, 1, 1};
  for (int i = 0; i < 4; i++) {
    rg_unit_stats *s = &r->units[i];
    s->unit = order[i];
    s->led = led[i];
    s->supported = sup[i];
    s->load = led[i] + 0.5 * sup[i];
    s->share = s->load / 5.0;
    s->rank = i < 3 ? 1 : 4;
    s->cluster = 0;
    s->zscore = (s->load - 1.25) / 0.4330127019;
    s->betweenness = i == 0 ? 1.0 : 0.0;
    s->constraint = 0.5;
  }
  r->units[0].overloaded = 1;
  r->units[0].chapters = 1;
  r->row_of_unit = calloc((size_t)p->n_units, sizeof *r->row_of_unit);
  for (int u = 0; u < p->n_units; u++)
    r->row_of_unit[u] = -1;
  for (int i = 0; i < 4; i++)
    r->row_of_unit[order[i]] = i;
  r->n_ties = 5;
  r->ties = calloc(5, sizeof *r->ties);
  int ta[5] = {B, B, B, C, C}, tb[5] = {C, D, A, A, D}, tt[5] = {1, 1, 0, 2, 1};
  for (int i = 0; i < 5; i++) {
    r->ties[i].a = ta[i];
    r->ties[i].b = tb[i];
    r->ties[i].shared = 1;
    r->ties[i].weight = 1;
    r->ties[i].tasks = ints(1, tt[i]);
  }
  r->n_clusters = 1;
  r->clusters = calloc(1, sizeof *r->clusters);
  r->clusters[0].units = ints(4, B, C, A, D);
  r->clusters[0].n_units = 4;
  r->clusters[0].tasks = ints(3, 0, 1, 2);
  r->clusters[0].n_tasks = 3;
  r->q1 = 1.25;
  r->q3 = 1.5;
  r->iqr = 0.25;
  r->fence = 1.875;
  r->mean = 1.25;
  r->sd = 0.4330127019;
  r->total_load = 5;
  r->n_overloaded = 1;
}

static char *file_in(const char *dir, const char *name) {
  static char path[2][1024];
  static int k;
  k ^= 1;
  snprintf(path[k], sizeof path[k], "%s/%s", dir, name);
  return path[k];
}

static int count(const char *hay, const char *needle) {
  int n = 0;
  for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
    n++;
  return n;
}

static void walk(xmlNode *n, int *scripts, int *handlers) {
  for (; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    if (!xmlStrcasecmp(n->name, BAD_CAST "script")) (*scripts)++;
    for (xmlAttr *a = n->properties; a; a = a->next)
      if (!xmlStrncasecmp(a->name, BAD_CAST "on", 2)) (*handlers)++;
    walk(n->children, scripts, handlers);
  }
}

typedef struct fixture {
  rg_plan *plan;
  rg_results res;
  char dir[64];
} fixture;

static void write_report(fixture *fx, const char *lang) {
  fx->plan = hostile_plan();
  hand_results(fx->plan, &fx->res);
  snprintf(fx->dir, sizeof fx->dir, "/tmp/rg-report-test-XXXXXX");
  cr_assert_not_null(mkdtemp(fx->dir));
  rg_report_opts o;
  rg_report_opts_init(&o);
  o.dir = fx->dir;
  o.lang = lang;
  o.no_diagrams = 1;
  o.versions = "respgraph test; igraph <none>";
  rg_error err;
  rg_error_clear(&err);
  cr_assert_eq(rg_report_write(fx->plan, &fx->res, &o, &err), RG_OK, "%s", err.msg);
}

static void done(fixture *fx) {
  const char *names[] = {"index.html",   "report.xlsx", "report.json", "units.csv",    "ties.csv",
                         "clusters.csv", "tasks.csv",   "edges.csv",   "graph.graphml"};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    remove(file_in(fx->dir, names[i]));
  rmdir(fx->dir);
  rg_results_free(&fx->res);
  rg_plan_free(fx->plan);
}

Test(report, page_shows_hostile_text_as_text_and_runs_only_its_own_two_scripts) {
  fixture fx;
  write_report(&fx, NULL);
  char *html = rg_test_slurp(file_in(fx.dir, "index.html"), NULL);
  cr_assert_eq(count(html, "<script"), 2, "only the JSON island and the page script");
  cr_assert_eq(count(html, "</script>"), 2);
  cr_assert_null(strstr(html, "<img"));
  cr_assert_null(strstr(html, "<!-- x"));
  cr_assert_null(strstr(html, "<b>分工"));
  /* parsed as HTML: no element carries an event handler, two scripts */
  htmlDocPtr doc = htmlReadMemory(html, (int)strlen(html), "index.html", "UTF-8",
                                  HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  cr_assert_not_null(doc);
  int scripts = 0, handlers = 0;
  walk(xmlDocGetRootElement(doc), &scripts, &handlers);
  cr_assert_eq(scripts, 2);
  cr_assert_eq(handlers, 0);
  xmlFreeDoc(doc);
  cr_assert_not_null(strstr(html, "&lt;script&gt;alert(1)&lt;/script&gt;推进&amp;amp;落实"));
  cr_assert_not_null(strstr(html, "&quot;onmouseover=alert(2) x=&quot;"));
  cr_assert_not_null(strstr(html, "&lt;!-- x --&gt; -1 &lt;img src=x onerror=alert(3)&gt;"));
  cr_assert_not_null(strstr(html, "<title>&lt;b&gt;分工方案&lt;/b&gt;"));
  /* no URL outside the file: nothing to fetch */
  cr_assert_null(strstr(html, "http://www.w3.org/1999"));
  cr_assert_null(strstr(html, "src=\""));
  cr_assert_null(strstr(html, "<link"));
  free(html);
  done(&fx);
}

Test(report, json_island_parses_back_to_the_exact_plan_strings) {
  fixture fx;
  write_report(&fx, NULL);
  char *html = rg_test_slurp(file_in(fx.dir, "index.html"), NULL);
  const char *open = "<script type=\"application/json\" id=\"rg-data\">";
  char *start = strstr(html, open);
  cr_assert_not_null(start);
  start += strlen(open);
  char *end = strstr(start, "</script>");
  cr_assert_not_null(end);
  json_error_t je;
  json_t *data = json_loadb(start, (size_t)(end - start), 0, &je);
  cr_assert_not_null(data, "%s", je.text);
  json_t *tasks = json_object_get(data, "tasks");
  cr_assert_eq(json_array_size(tasks), 3);
  cr_assert_str_eq(json_string_value(json_object_get(json_array_get(tasks, 0), "x")), T_0);
  cr_assert_str_eq(json_string_value(json_object_get(json_array_get(tasks, 1), "x")), T_1);
  cr_assert_str_eq(json_string_value(json_object_get(json_array_get(tasks, 2), "x")), T_2);
  json_t *units = json_object_get(data, "units");
  cr_assert_str_eq(json_string_value(json_object_get(json_array_get(units, 0), "name")), U_A);
  cr_assert_str_eq(json_string_value(json_object_get(json_array_get(units, 1), "name")), U_B);
  cr_assert_eq(json_array_size(json_object_get(data, "ties")), 5);
  json_decref(data);
  free(html);
  done(&fx);
}

Test(report, load_table_has_one_row_per_concrete_unit_and_counts_open_their_tasks) {
  fixture fx;
  write_report(&fx, NULL);
  char *html = rg_test_slurp(file_in(fx.dir, "index.html"), NULL);
  char *load = strstr(html, "<table id=\"load-table\"");
  cr_assert_not_null(load);
  char *load_end = strstr(load, "</table>");
  *load_end = '\0';
  cr_assert_eq(count(load, "<tr data-unit="), 4);
  cr_assert_eq(count(load, "<tr data-unit=\"1\" class=\"over\">"), 1, "B is the overloaded row");
  int B = rg_plan_find_unit(fx.plan, U_B);
  char want[200];
  /* B leads task 2 (index 1) and supports task 1 (index 0) */
  snprintf(want, sizeof want,
           "<a class=\"cnt\" href=\"#unit-%d\" data-tasks=\"1\" "
           "data-title=\"&quot;onmouseover=alert(2) x=&quot; · 牵头\">1</a>",
           B);
  cr_assert_not_null(strstr(load, want), "%s", load);
  /* per chapter: B has 1 (lead of 2) + 0.5 (support of 1) in chapter 一 */
  cr_assert_not_null(strstr(load, "data-tasks=\"0,1\""));
  cr_assert_not_null(strstr(load, ">1.5</a>"));
  free(html);
  done(&fx);
}

Test(report, every_task_has_an_anchor_and_the_summary_counts_link_to_tasks) {
  fixture fx;
  write_report(&fx, NULL);
  char *html = rg_test_slurp(file_in(fx.dir, "index.html"), NULL);
  /* key findings: shares 0.3 0.3 0.3 0.1; every tie shares one task, so the
   * first (B-C) is the closest; B is the only unit with betweenness > 0 */
  cr_assert_not_null(strstr(html, "；负荷最重的 4 个单位承担了全部负荷的 100%。"));
  cr_assert_not_null(strstr(html,
                            "<li>协作最紧密：<a class=\"ul\" href=\"#unit-1\" data-unit=\"1\">"
                            "\"onmouseover=alert(2) x=\"</a> — <a class=\"ul\" "
                            "href=\"#unit-2\" data-unit=\"2\">+1</a>，共同承担 "));
  cr_assert_not_null(
      strstr(html, "<li>协调枢纽（中介中心性最高）：<a class=\"ul\" href=\"#unit-1\""));
  cr_assert_not_null(strstr(html, "\">1</a> 项任务（占 33%）的责任单位以“等有关部门”等结尾"));
  cr_assert_not_null(strstr(html, "<tr id=\"task-1\">"));
  cr_assert_not_null(strstr(html, "<tr id=\"task-2\">"));
  cr_assert_not_null(strstr(html, "<tr id=\"task-3\">"));
  cr_assert_not_null(strstr(html, "data-tasks=\"0,1,2\" data-title=\"项任务\">3</a>"));
  cr_assert_not_null(strstr(html, "data-tasks=\"2\" data-title=\"项任务名单未列全"),
                     "the open list");
  cr_assert_not_null(
      strstr(html,
             "hostile&lt;plan&gt;.txt:21</td><td class=\"nw\"><code>odd&lt;code&gt;</code></td>"
             "<td class=\"tx\">unit \"onmouseover=alert(2) x=\" looks odd</td>"
             "<td><a class=\"tl\" href=\"#task-3\">3</a></td>"),
      "diagnostic with its line and the task it falls in");
  cr_assert_not_null(
      strstr(html, "<h3>读取方式</h3>\n<div class=\"hscroll\"><table class=\"data reading\">"),
      "the reading summary opens 诊断");
  free(html);
  done(&fx);
}

Test(report, english_page_when_asked) {
  fixture fx;
  write_report(&fx, "en");
  char *html = rg_test_slurp(file_in(fx.dir, "index.html"), NULL);
  cr_assert_not_null(strstr(html, "<html lang=\"en\">"));
  cr_assert_not_null(strstr(html, "Overloaded units"));
  cr_assert_null(strstr(html, "超负荷单位"));
  free(html);
  done(&fx);
}

Test(report, csv_files_have_a_bom_and_no_cell_becomes_a_formula) {
  fixture fx;
  write_report(&fx, NULL);
  char *units = rg_test_slurp(file_in(fx.dir, "units.csv"), NULL);
  cr_assert_eq(strncmp(units, "\xEF\xBB\xBFunit,kind,led,", 16), 0);
  /* rows B, C, A, D; the name column is text and is guarded; zscore of D
   * (-1.732050808) is a number and stays as it is */
  /* a leading quote is not a formula: quoted by CSV, not guarded */
  cr_assert_not_null(strstr(units, "\n\"\"\"onmouseover=alert(2) x=\"\"\",unit,1,1,1.5,"), "%s",
                     units);
  cr_assert_not_null(strstr(units, "\n'+1,unit,1,1,1.5,"));
  cr_assert_not_null(
      strstr(units, "\n\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"点我\"\")\",unit,"));
  cr_assert_not_null(strstr(units, "\n'@SUM(A1),unit,0,1,0.5,"));
  cr_assert_not_null(strstr(units, ",-1.732050808,"));
  char *tasks = rg_test_slurp(file_in(fx.dir, "tasks.csv"), NULL);
  cr_assert_not_null(strstr(tasks, "\n3,3,二,<!-- x --> -1 <img src=x onerror=alert(3)>,'+1,"),
                     "%s", tasks);
  char *edges = rg_test_slurp(file_in(fx.dir, "edges.csv"), NULL);
  const char *head = "\xEF\xBB\xBFtask,role,unit,kind,chapter,line\n";
  cr_assert_eq(strncmp(edges, head, strlen(head)), 0);
  cr_assert_not_null(strstr(edges, "\n2,support,'@SUM(A1),unit,一,14\n"), "%s", edges);
  free(units);
  free(tasks);
  free(edges);
  done(&fx);
}

Test(report, report_json_holds_everything_with_strings_unchanged) {
  fixture fx;
  write_report(&fx, NULL);
  json_error_t je;
  json_t *j = json_load_file(file_in(fx.dir, "report.json"), 0, &je);
  cr_assert_not_null(j, "%s", je.text);
  cr_assert_str_eq(json_string_value(json_object_get(j, "schema")), "respgraph-report/1");
  cr_assert_str_eq(json_string_value(json_object_get(j, "versions")),
                   "respgraph test; igraph <none>");
  cr_assert_str_eq(json_string_value(json_object_get(j, "libraries")), rg_report_libraries());
  cr_assert_eq(strncmp(rg_report_libraries(), "Graphviz ", 9), 0);
  json_t *counts = json_object_get(j, "counts");
  cr_assert_eq(json_integer_value(json_object_get(counts, "tasks")), 3);
  cr_assert_eq(json_integer_value(json_object_get(counts, "concrete_units")), 4);
  cr_assert_eq(json_integer_value(json_object_get(counts, "generic_units")), 1);
  cr_assert_eq(json_integer_value(json_object_get(counts, "concrete_links")), 7);
  cr_assert_eq(json_integer_value(json_object_get(counts, "open_lists")), 1);
  cr_assert_eq(json_integer_value(json_object_get(counts, "diagnostics")), 1);
  /* how the plan was read: the rows `respgraph check` opens with */
  json_t *reading = json_object_get(j, "reading");
  cr_assert(json_is_array(reading));
  cr_assert_str_eq(json_string_value(json_object_get(json_array_get(reading, 0), "item")),
                   "format");
  json_t *last = json_array_get(reading, json_array_size(reading) - 1);
  cr_assert_str_eq(json_string_value(json_object_get(last, "item")), "read");
  cr_assert_not_null(strstr(json_string_value(json_object_get(last, "text")), "3 tasks"));
  json_t *u0 = json_array_get(json_object_get(j, "units"), 0);
  cr_assert_str_eq(json_string_value(json_object_get(u0, "name")), U_B);
  cr_assert_eq(json_real_value(json_object_get(u0, "load")), 1.5);
  json_t *cl = json_object_get(u0, "chapter_load");
  cr_assert_eq(json_real_value(json_array_get(cl, 0)), 1.5);
  cr_assert_eq(json_real_value(json_array_get(cl, 1)), 0.0);
  json_t *t0 = json_array_get(json_object_get(j, "tasks"), 0);
  cr_assert_str_eq(json_string_value(json_object_get(t0, "text")), T_0);
  cr_assert_str_eq(json_string_value(json_array_get(json_object_get(t0, "lead"), 0)), U_A);
  json_t *tie = json_array_get(json_object_get(j, "ties"), 3); /* C-A on task 3 */
  cr_assert_str_eq(json_string_value(json_object_get(tie, "a")), U_C);
  cr_assert_eq(json_integer_value(json_array_get(json_object_get(tie, "tasks"), 0)), 2);
  cr_assert_eq(json_real_value(json_object_get(json_object_get(j, "analysis"), "fence")), 1.875);
  json_decref(j);
  done(&fx);
}

Test(report, graphml_is_well_formed_and_keeps_names) {
  fixture fx;
  write_report(&fx, NULL);
  xmlDoc *doc = xmlReadFile(file_in(fx.dir, "graph.graphml"), NULL, XML_PARSE_NONET);
  cr_assert_not_null(doc);
  xmlNode *graph = NULL;
  for (xmlNode *n = xmlDocGetRootElement(doc)->children; n; n = n->next)
    if (n->type == XML_ELEMENT_NODE && !xmlStrcmp(n->name, BAD_CAST "graph")) graph = n;
  cr_assert_not_null(graph);
  int nodes = 0, edges = 0, found = 0;
  for (xmlNode *n = graph->children; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    if (!xmlStrcmp(n->name, BAD_CAST "node")) {
      nodes++;
      for (xmlNode *dn = n->children; dn; dn = dn->next) {
        if (dn->type != XML_ELEMENT_NODE) continue;
        xmlChar *key = xmlGetProp(dn, BAD_CAST "key");
        xmlChar *v = xmlNodeGetContent(dn);
        if (!xmlStrcmp(key, BAD_CAST "name") && !xmlStrcmp(v, BAD_CAST U_A)) found = 1;
        xmlFree(key);
        xmlFree(v);
      }
    }
    if (!xmlStrcmp(n->name, BAD_CAST "edge")) edges++;
  }
  cr_assert_eq(nodes, 4);
  cr_assert_eq(edges, 5);
  cr_assert(found);
  xmlFreeDoc(doc);
  done(&fx);
}

Test(report, same_input_gives_the_same_bytes_in_every_file) {
  fixture a, b;
  write_report(&a, NULL);
  write_report(&b, NULL);
  const char *names[] = {"index.html",   "report.xlsx", "report.json", "units.csv",    "ties.csv",
                         "clusters.csv", "tasks.csv",   "edges.csv",   "graph.graphml"};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
    size_t la, lb;
    char *x = rg_test_slurp(file_in(a.dir, names[i]), &la),
         *y = rg_test_slurp(file_in(b.dir, names[i]), &lb);
    cr_assert_eq(la, lb, "%s differs in size", names[i]);
    cr_assert_eq(memcmp(x, y, la), 0, "%s differs", names[i]);
    free(x);
    free(y);
  }
  done(&a);
  done(&b);
}

/* Read one member of the workbook with unzip(1). */
static char *unzip_member(const char *xlsx, const char *member) {
  char cmd[1200];
  snprintf(cmd, sizeof cmd, "unzip -p '%s' '%s'", xlsx, member);
  FILE *p = popen(cmd, "r");
  cr_assert_not_null(p);
  char *buf = NULL;
  size_t len = 0;
  FILE *m = open_memstream(&buf, &len);
  char chunk[4096];
  size_t k;
  while ((k = fread(chunk, 1, sizeof chunk, p)) > 0)
    fwrite(chunk, 1, k, m);
  fclose(m);
  cr_assert_eq(pclose(p), 0, "unzip %s", member);
  return buf;
}

Test(report, workbook_has_fixed_date_frozen_headers_filters_numbers_and_no_formula) {
  fixture fx;
  write_report(&fx, NULL);
  const char *x = file_in(fx.dir, "report.xlsx");
  /* every zip member is stamped 1980-01-01 00:00 (DOS time 0, date 0x21) */
  size_t zlen;
  unsigned char *zip = (unsigned char *)rg_test_slurp(x, &zlen);
  int members = 0;
  for (size_t i = 0; i + 14 <= zlen; i++) {
    if (memcmp(zip + i, "PK\3\4", 4)) continue;
    members++;
    cr_assert_eq(zip[i + 10] | zip[i + 11] << 8, 0, "member %d time", members);
    cr_assert_eq(zip[i + 12] | zip[i + 13] << 8, 0x21, "member %d date", members);
  }
  cr_assert_geq(members, 10);
  free(zip);
  char *core = unzip_member(x, "docProps/core.xml");
  cr_assert_not_null(strstr(core, "2000-01-01T00:00:00Z"), "%s", core);
  char *book = unzip_member(x, "xl/workbook.xml");
  const char *sheets[] = {"任务", "单位负荷", "中心性", "协作关系", "聚类", "诊断", "读取方式"};
  for (int i = 0; i < 7; i++) {
    char want[64];
    snprintf(want, sizeof want, "name=\"%s\" sheetId=\"%d\"", sheets[i], i + 1);
    cr_assert_not_null(strstr(book, want), "%s", book);
  }
  /* issue 16: one row per task-unit link, and a sheet that explains the rest */
  cr_assert_not_null(strstr(book, "name=\"任务分工\" sheetId=\"8\""), "%s", book);
  cr_assert_not_null(strstr(book, "name=\"说明\" sheetId=\"9\""), "%s", book);
  cr_assert_not_null(strstr(book, "_xlnm.Print_Titles"), "header rows repeat: %s", book);
  for (int i = 1; i <= 9; i++) {
    char member[64];
    snprintf(member, sizeof member, "xl/worksheets/sheet%d.xml", i);
    char *s = unzip_member(x, member);
    /* issue 16: no page setup, the 任务 sheet printed across pages */
    cr_assert_not_null(strstr(s, "paperSize=\"9\""), "sheet %d is not A4", i);
    cr_assert_not_null(strstr(s, "orientation=\"landscape\""), "sheet %d", i);
    cr_assert_not_null(strstr(s, "fitToHeight=\"0\""), "sheet %d is not fit to width", i);
    cr_assert_not_null(strstr(s, "fitToPage=\"1\""), "sheet %d", i);
    cr_assert_null(strstr(s, "<f>"), "sheet %d has a formula", i);
    cr_assert_not_null(strstr(s, "state=\"frozen\""), "sheet %d header not frozen", i);
    cr_assert_not_null(strstr(s, "<autoFilter"), "sheet %d has no autofilter", i);
    cr_assert_not_null(strstr(s, "<cols>"), "sheet %d has no column widths", i);
    free(s);
  }
  /* 单位负荷: row 2 is B: rank 1 (number), load 1.5 (number) */
  char *load = unzip_member(x, "xl/worksheets/sheet2.xml");
  cr_assert_not_null(strstr(load, "<c r=\"A2\" s=\"0\"><v>1</v></c>") ||
                         strstr(load, "<c r=\"A2\"><v>1</v></c>"),
                     "%s", load);
  /* loads carry a number format (0.0), as do shares (0.0%) and centralities */
  cr_assert_not_null(strstr(load, "<c r=\"C2\" s=\""), "%s", load);
  cr_assert_not_null(strstr(load, "<v>1.5</v></c>"), "%s", load);
  char *styles = unzip_member(x, "xl/styles.xml");
  const char *formats[] = {"formatCode=\"0.0\"", "formatCode=\"0.0%\"", "formatCode=\"0.000\""};
  for (int i = 0; i < 3; i++)
    cr_assert_not_null(strstr(styles, formats[i]), "%s: %s", formats[i], styles);
  free(styles);
  char *sst = unzip_member(x, "xl/sharedStrings.xml");
  cr_assert_not_null(
      strstr(sst, "<t>=HYPERLINK(\"http://evil.example\",\"点我\")</t>") ||
          strstr(sst, "<t>=HYPERLINK(&quot;http://evil.example&quot;,&quot;点我&quot;)</t>"),
      "%s", sst);
  /* 读取方式: how the plan was read, its items named for readers */
  cr_assert_not_null(strstr(sst, "<t>格式与编码</t>"), "%s", sst);
  cr_assert_not_null(strstr(sst, "<t>读取结果</t>"), "%s", sst);
  free(core);
  free(book);
  free(load);
  free(sst);
  done(&fx);
}

/* Found by fuzz_report (issue 19): libxlsxwriter writes the document
 * properties as given, so a control character in the title or the file
 * name made docProps/core.xml ill-formed and the workbook unreadable. */
Test(report, workbook_properties_stay_well_formed_with_control_characters) {
  fixture fx;
  fx.plan = hostile_plan();
  fx.plan->meta.title = rg_plan_strdup(fx.plan, "分工\x01方案\x1b[31m");
  fx.plan->path = rg_plan_strdup(fx.plan, "plan\x02.txt");
  hand_results(fx.plan, &fx.res);
  snprintf(fx.dir, sizeof fx.dir, "/tmp/rg-report-test-XXXXXX");
  cr_assert_not_null(mkdtemp(fx.dir));
  rg_report_opts o;
  rg_report_opts_init(&o);
  o.dir = fx.dir;
  o.no_diagrams = 1;
  rg_error err;
  cr_assert_eq(rg_report_write(fx.plan, &fx.res, &o, &err), RG_OK, "%s", err.msg);
  char *core = unzip_member(file_in(fx.dir, "report.xlsx"), "docProps/core.xml");
  xmlDoc *doc = xmlReadMemory(core, (int)strlen(core), "core.xml", NULL,
                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  cr_assert_not_null(doc, "%s", core);
  xmlFreeDoc(doc);
  cr_assert_not_null(strstr(core, "<dc:title>分工 方案 [31m</dc:title>"), "%s", core);
  cr_assert_not_null(strstr(core, "<dc:description>plan .txt</dc:description>"), "%s", core);
  free(core);
  done(&fx);
}

Test(report, bad_language_is_a_usage_error) {
  rg_plan *p = hostile_plan();
  rg_results r;
  hand_results(p, &r);
  rg_report_opts o;
  rg_report_opts_init(&o);
  o.lang = "fr";
  o.dir = "/nonexistent/never-written";
  rg_error err;
  cr_assert_eq(rg_report_write(p, &r, &o, &err), RG_EUSAGE);
  rg_results_free(&r);
  rg_plan_free(p);
}

Test(report, default_directory_is_the_plan_name_with_report) {
  char *a = rg_report_default_dir("examples/shenyang-2026.txt");
  char *b = rg_report_default_dir("-");
  char *c = rg_report_default_dir("/x/y/plan");
  cr_assert_str_eq(a, "shenyang-2026-report");
  cr_assert_str_eq(b, "plan-report");
  cr_assert_str_eq(c, "plan-report");
  free(a);
  free(b);
  free(c);
}

Test(report, histogram_bins_use_a_nice_width) {
  double v[] = {0.5, 1, 1.5, 2, 3.5, 35.5, 24.5, 13.5};
  int counts[16];
  double w;
  int bins = rg_html_histogram(v, 8, 16, &w, counts);
  /* max 35.5 with at most 16 bins: 0.5, 1 and 2 give 72, 36 and 18 bins; 5 gives 8 */
  cr_assert_eq(w, 5.0);
  cr_assert_eq(bins, 8);
  int want[8] = {5, 0, 1, 0, 1, 0, 0, 1};
  for (int i = 0; i < 8; i++)
    cr_assert_eq(counts[i], want[i], "bin %d", i);
}

Test(report, inline_svg_loses_scripts_handlers_comments_and_foreign_links) {
  const char *svg =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
      "\"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n<!-- Generated by graphviz -->\n"
      "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
      "width=\"10pt\" viewBox=\"0 0 10 10\" onload=\"alert(1)\"><g id=\"u3\" class=\"node\">"
      "<title>&lt;script&gt;x</title><!-- --><script>alert(2)</script>"
      "<a xlink:href=\"javascript:alert(3)\" href=\"http://evil\"><text onclick=\"alert(4)\">"
      "市 &amp; 区</text></a><a href=\"#unit-3\"><text>ok</text></a></g></svg>";
  char *out = rg_html_svg_inline(svg, strlen(svg), "e3-");
  cr_assert_not_null(out);
  cr_assert_eq(strncmp(out, "<svg", 4), 0, "%s", out);
  cr_assert_null(strstr(out, "<script"), "%s", out);
  cr_assert_null(strstr(out, "<!--"));
  cr_assert_null(strstr(out, "onload"));
  cr_assert_null(strstr(out, "onclick"));
  cr_assert_null(strstr(out, "javascript:"));
  cr_assert_null(strstr(out, "http://evil"));
  cr_assert_null(strstr(out, "DOCTYPE"));
  cr_assert_not_null(strstr(out, "id=\"e3-u3\""));
  cr_assert_not_null(strstr(out, "<title>&lt;script&gt;x</title>"));
  cr_assert_not_null(strstr(out, "市 &amp; 区"));
  cr_assert_not_null(strstr(out, "href=\"#unit-3\""));
  free(out);
  cr_assert_null(rg_html_svg_inline("not xml <", 9, NULL));
}

Test(report, chapter_loads_add_up_to_the_unit_load) {
  rg_plan *p = hostile_plan();
  rg_results r;
  hand_results(p, &r);
  rg_report_opts o;
  rg_report_opts_init(&o);
  rg_report_data d;
  rg_report_data_init(&d, p, &r, &o);
  cr_assert_eq(d.n_cols, 2);
  for (int row = 0; row < r.n_units; row++) {
    double sum = 0;
    for (int c = 0; c < d.n_cols; c++)
      sum += d.col_load[row * d.n_cols + c];
    cr_assert_eq(sum, r.units[row].load, "row %d", row);
  }
  /* A (row 2): lead of task 1 (一) = 1, support of task 3 (二) = 0.5 */
  cr_assert_eq(d.col_load[2 * 2 + 0], 1.0);
  cr_assert_eq(d.col_load[2 * 2 + 1], 0.5);
  cr_assert_eq(d.n_concrete, 4);
  cr_assert_eq(d.n_generic, 1);
  cr_assert_eq(d.n_open, 1);
  cr_assert_eq(d.n_concrete_links, 7);
  cr_assert_eq(d.n_lead_links, 3);
  rg_report_data_destroy(&d);
  rg_results_free(&r);
  rg_plan_free(p);
}

Test(report, an_extra_table_becomes_a_section_a_sheet_a_csv_and_a_json_key) {
  rg_plan *p = hostile_plan();
  rg_results r;
  hand_results(p, &r);
  static const char *const cols[] = {"meeting", "convener", "tasks", "size"};
  static const rg_coltype types[] = {RG_COL_INT, RG_COL_STR, RG_COL_LIST, RG_COL_REAL};
  rg_table *t = rg_table_new(4, cols, types);
  rg_table_row(t);
  rg_table_int(t, 0, 1);
  rg_table_str(t, 1, U_A);
  rg_table_list_add(t, 2, "1");
  rg_table_list_add(t, 2, "3");
  rg_table_real(t, 3, 2.5);
  rg_report_extra extra = {"meetings", "会议安排", "<i>note</i>", t, NULL, 0};
  char dir[64] = "/tmp/rg-report-test-XXXXXX";
  cr_assert_not_null(mkdtemp(dir));
  rg_report_opts o;
  rg_report_opts_init(&o);
  o.dir = dir;
  o.no_diagrams = 1;
  o.extras = &extra;
  o.n_extras = 1;
  rg_error err;
  cr_assert_eq(rg_report_write(p, &r, &o, &err), RG_OK, "%s", err.msg);
  char *html = rg_test_slurp(file_in(dir, "index.html"), NULL);
  cr_assert_not_null(strstr(html, "<a href=\"#meetings\">会议安排</a>"));
  cr_assert_not_null(strstr(
      html,
      "<section id=\"meetings\"><h2>会议安排</h2>\n<p class=\"hint\">&lt;i&gt;note&lt;/i&gt;</p>"));
  cr_assert_not_null(strstr(html, "<td>=HYPERLINK(\"http://evil.example\",\"点我\")</td><td>1、3</"
                                  "td><td class=\"n\">2.5</td>"),
                     "%s", strstr(html, "id=\"meetings\""));
  char *csv = rg_test_slurp(file_in(dir, "meetings.csv"), NULL);
  cr_assert_str_eq(csv, "\xEF\xBB\xBFmeeting,convener,tasks,size\n"
                        "1,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"点我\"\")\",1;3,2.5\n");
  json_t *j = json_load_file(file_in(dir, "report.json"), 0, NULL);
  json_t *row = json_array_get(json_object_get(json_object_get(j, "extras"), "meetings"), 0);
  cr_assert_str_eq(json_string_value(json_object_get(row, "convener")), U_A);
  cr_assert_eq(json_real_value(json_object_get(row, "size")), 2.5);
  char *book = unzip_member(file_in(dir, "report.xlsx"), "xl/workbook.xml");
  /* after the six sheets and 读取方式 */
  cr_assert_not_null(strstr(book, "name=\"会议安排\" sheetId=\"8\""), "%s", book);
  char *sheet = unzip_member(file_in(dir, "report.xlsx"), "xl/worksheets/sheet8.xml");
  cr_assert_null(strstr(sheet, "<f>"));
  cr_assert_not_null(strstr(sheet, "<c r=\"D2\"><v>2.5</v></c>"), "%s", sheet);
  free(sheet);
  free(book);
  json_decref(j);
  free(csv);
  free(html);
  const char *names[] = {"index.html",    "report.xlsx",  "report.json", "units.csv",
                         "ties.csv",      "clusters.csv", "tasks.csv",   "edges.csv",
                         "graph.graphml", "meetings.csv"};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    remove(file_in(dir, names[i]));
  rmdir(dir);
  rg_table_free(t);
  rg_results_free(&r);
  rg_plan_free(p);
}

Test(report, an_extra_id_that_is_not_a_plain_name_is_refused) {
  rg_plan *p = hostile_plan();
  rg_results r;
  hand_results(p, &r);
  rg_report_extra extra = {"../x", "x", NULL, NULL, NULL, 0};
  rg_report_opts o;
  rg_report_opts_init(&o);
  o.dir = "/nonexistent/never-written";
  o.extras = &extra;
  o.n_extras = 1;
  rg_error err;
  cr_assert_eq(rg_report_write(p, &r, &o, &err), RG_EUSAGE);
  rg_results_free(&r);
  rg_plan_free(p);
}

/* 90 units in 25 chapters, unit i leads task i (chapter i mod 25) alone:
 * load 1 each, no ties. Results by hand in name order ("u00".."u89"). */
static rg_plan *wide_plan(rg_results *r) {
  rg_plan *p = rg_plan_new("wide.txt");
  for (int c = 0; c < 25; c++)
    rg_plan_add_chapter(p, rg_plan_printf(p, "%d", c + 1), "章", c);
  for (int i = 0; i < 90; i++) {
    int t = rg_plan_add_task(p, rg_plan_printf(p, "%d", i + 1), "任务", i % 25, -1, 100 + i);
    int u = rg_plan_intern_unit(p, rg_plan_printf(p, "u%02d", i), RG_KIND_UNIT, 100 + i);
    rg_plan_link(p, t, u, RG_ROLE_LEAD, 100 + i);
  }
  rg_plan_finalize(p);
  memset(r, 0, sizeof *r);
  rg_analysis_opts_init(&r->opts);
  r->n_units = 90;
  r->units = calloc(90, sizeof *r->units);
  r->row_of_unit = calloc(90, sizeof *r->row_of_unit);
  for (int i = 0; i < 90; i++) {
    r->units[i].unit = i;
    r->units[i].led = 1;
    r->units[i].load = 1;
    r->units[i].rank = 1;
    r->units[i].cluster = -1;
    r->row_of_unit[i] = i;
  }
  r->q1 = r->q3 = r->mean = 1;
  r->fence = 1;
  return p;
}

Test(report, a_wide_plan_keeps_the_page_readable_and_says_what_it_left_out) {
  rg_results r;
  rg_plan *p = wide_plan(&r);
  rg_report_opts o;
  rg_report_opts_init(&o);
  rg_report_data d;
  rg_report_data_init(&d, p, &r, &o);
  char *html = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&html, &len);
  rg_error err;
  cr_assert_eq(rg_html_write(f, &d, &err), RG_OK);
  fclose(f);
  /* 90 units: the chart draws the heaviest 80 and says so */
  cr_assert_eq(count(html, "class=\"bar\""), 80);
  cr_assert_not_null(strstr(html, "图中为负荷最重的 80 个单位；其余 10 个见负荷表。"));
  /* 25 chapters > 20: no per-chapter columns, a note instead; all 90 rows */
  char *load = strstr(html, "<table id=\"load-table\"");
  char *load_end = strstr(load, "</table>");
  char *thead_end = strstr(load, "</thead>");
  *thead_end = '\0';
  cr_assert_eq(count(load, "<th data-sort"), 11, "rank..z, no chapter columns");
  *thead_end = '<';
  cr_assert_not_null(strstr(load_end, "章节较多（25 个），分章节负荷不在此表中"));
  /* 25 chapters <= 40: a heat map, cut to 150 rows (all 90 here) */
  char *heat = strstr(html, "<table class=\"heat\">");
  cr_assert_not_null(heat);
  char *heat_end = strstr(heat, "</table>");
  *heat_end = '\0';
  cr_assert_eq(count(heat, "<tr>") - 1, 90);
  free(html);
  rg_report_data_destroy(&d);
  rg_results_free(&r);
  rg_plan_free(p);
}

/* An extra built from a table description of its own: the workbook keeps
 * its header row even with no rows (the old writer read the headers off the
 * first row, so an empty table lost them) and applies a column's number
 * format. */
static void ratio(const rg_table_src *s, rg_row r, int a, rg_cell *o) {
  (void)s, (void)a;
  o->r = r.i / 4.0;
}
static int two_rows(const rg_table_src *s, rg_row *out) {
  (void)s;
  if (out) out[0] = (rg_row){1, -1}, out[1] = (rg_row){2, -1};
  return 2;
}
static int no_rows(const rg_table_src *s, rg_row *out) {
  (void)s, (void)out;
  return 0;
}
static const rg_column ratio_cols[] = {{.key = "ratio",
                                        .zh = "比例",
                                        .en = "ratio",
                                        .type = RG_COL_REAL,
                                        .digits = 1,
                                        .num_format = "0.0%",
                                        .get = ratio}};
static const rg_schema ratio_schema = {"ratios", ratio_cols, 1, RG_ROW_OTHER, two_rows, NULL};
static const rg_view_col ratio_view_cols[] = {{.key = "ratio"}};
static const rg_view ratio_view = {&ratio_schema, NULL, NULL, ratio_view_cols, 1, NULL, 0, 0};
static const rg_view empty_view = {&ratio_schema, NULL, NULL, ratio_view_cols, 1, no_rows, 0, 0};

Test(report, extras_keep_their_header_row_and_number_format_in_the_workbook) {
  rg_plan *p = hostile_plan();
  rg_results r;
  hand_results(p, &r);
  rg_table_src src = {.plan = p, .res = &r, .only_unit = -1};
  rg_table *full = rg_table_view(&ratio_view, &src), *empty = rg_table_view(&empty_view, &src);
  rg_report_extra extra[2] = {{"ratios", "比例", NULL, full, NULL, 0},
                              {"none", "无行", NULL, empty, NULL, 0}};
  char dir[64] = "/tmp/rg-report-test-XXXXXX";
  cr_assert_not_null(mkdtemp(dir));
  rg_report_opts o;
  rg_report_opts_init(&o);
  o.dir = dir;
  o.no_diagrams = 1;
  o.extras = extra;
  o.n_extras = 2;
  rg_error err;
  cr_assert_eq(rg_report_write(p, &r, &o, &err), RG_OK, "%s", err.msg);
  char *styles = unzip_member(file_in(dir, "report.xlsx"), "xl/styles.xml");
  cr_expect_not_null(strstr(styles, "formatCode=\"0.0%\""), "%s", styles);
  char *s7 = unzip_member(file_in(dir, "report.xlsx"), "xl/worksheets/sheet8.xml");
  cr_expect_not_null(strstr(s7, "<c r=\"A2\" s=\""), "%s", s7);
  cr_expect_not_null(strstr(s7, "<v>0.25</v>"), "%s", s7);
  char *s8 = unzip_member(file_in(dir, "report.xlsx"), "xl/worksheets/sheet9.xml");
  cr_expect_not_null(strstr(s8, "<c r=\"A1\" s=\"2\" t=\"s\">"), "the header cell: %s", s8);
  char *csv = rg_test_slurp(file_in(dir, "none.csv"), NULL);
  cr_expect_str_eq(csv, "\xEF\xBB\xBFratio\n");
  free(csv);
  free(s8);
  free(s7);
  free(styles);
  const char *names[] = {"index.html",    "report.xlsx",  "report.json", "units.csv",
                         "ties.csv",      "clusters.csv", "tasks.csv",   "edges.csv",
                         "graph.graphml", "ratios.csv",   "none.csv"};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    remove(file_in(dir, names[i]));
  rmdir(dir);
  rg_table_free(full);
  rg_table_free(empty);
  rg_results_free(&r);
  rg_plan_free(p);
}

/* The leaders' summary (#brief, printed first): the counts, the overloaded
 * unit with its load, its margin over the fence (1.5 - 1.875, negative as B
 * is marked by hand), what it leads and supports and the chapter of its load
 * (tasks 1 and 2 are both in 一: 0.5 + 1), the one group; no meetings part
 * without a meeting plan. */
Test(report, the_printed_summary_names_the_overloaded_units_and_why) {
  fixture fx;
  write_report(&fx, NULL);
  char *html = rg_test_slurp(file_in(fx.dir, "index.html"), NULL);
  char *brief = strstr(html, "<section id=\"brief\" class=\"brief print-only\">");
  cr_assert_not_null(brief);
  char *end = strstr(brief, "</section>");
  *end = '\0';
  cr_expect_not_null(strstr(brief, "<p class=\"brief-title\">&lt;b&gt;分工方案&lt;/b&gt;</p>"));
  cr_expect_not_null(strstr(brief,
                            "沈政发〔2026〕1号 · 沈阳市人民政府 · 2026年1月25日 · 3 项任务 · "
                            "4 个具体单位 · 7 条分工关系 · 1 个单位超负荷 · 1 个协作组</p>"));
  cr_expect_not_null(strstr(brief, "<h2>一、超负荷单位（1 个）</h2>"));
  cr_expect_not_null(strstr(brief,
                            "负荷 = 牵头任务数 × 1 + 配合任务数 × 0.5；警戒线 1.875（四分位数 "
                            "Q3 1.5 加 1.5 倍四分位距 0.25），负荷超过警戒线即为超负荷。"));
  cr_expect_not_null(strstr(brief,
                            "<tr><td>" U_B "</td><td class=\"n\">1.5</td><td class=\"n\">-0.375"
                            "</td><td class=\"n\">1</td><td class=\"n\">1</td><td "
                            "class=\"n\">1</td><td>一、经济&lt;i&gt; (1.5)</td></tr>"),
                     "%s", brief);
  cr_expect_eq(count(brief, "<tr><td>"), 1 + 1, "one overloaded unit, one group");
  cr_expect_not_null(strstr(brief, "<h2>二、主要协作组（1 个）</h2>"));
  cr_expect_null(strstr(brief, "会议安排"), "no meeting plan, no meetings part");
  free(html);
  done(&fx);
}
