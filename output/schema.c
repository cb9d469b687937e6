/* schema.c - where every column of every output is defined.
 *
 * Layout: for each table, the getters (how a cell is read from the plan,
 * the results, the report's per-chapter figures or the meeting plan), the
 * row lists, the columns (key, 中文 label, English label, type, page
 * digits, workbook width, flags, page hint) and then the views - one per
 * output that shows the table. To add a column to an output, describe it
 * once in its schema and name it in the views that should show it.
 *
 * Labels: the columns carry the labels of the workbook; a view overrides a
 * label only where an output printed another one (marked "as printed").
 * Widths are workbook column widths in characters. */
#include "schema.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "due.h"
#include "html.h"
#include "meetings.h"
#include "meetings_out.h"
#include "names.h"
#include "reading.h"
#include "report_data.h"
#include "results.h"
#include "sort.h"
#include "timeline.h"
#include "utf8.h"

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))
#define UNUSED(a) (void)(a)

/* Getters that set one field of the cell from an expression of the source
 * s and the row r: GET(name, i, TASK(r)->ordinal). */
#define GETTER(name, body)                                                                         \
  static void name(const rg_table_src *s, rg_row r, int a, rg_cell *o) {                           \
    UNUSED(s), UNUSED(r), UNUSED(a);                                                               \
    body;                                                                                          \
  }

/* A column: key, 中文 label, English label, type, then its other fields. */
#define COL(key_, zh_, en_, type_, ...)                                                            \
  { .key = key_, .zh = zh_, .en = en_, .type = type_, __VA_ARGS__ }

#define GET(name, field, expr) GETTER(name, o->field = (expr))
#define GET_REFS(name, list_, n_) GETTER(name, o->refs = (list_); o->n_refs = (n_))
#define GET_ITEMS(name, list_, n_) GETTER(name, o->items = (list_); o->n_items = (n_))

/* A place in the source (RG_COLF_LINE): the line number, and in a plan read
 * from Word, Excel or PDF its label (¶12, 任务!C12, p3:14). */
#define LOC_SIZE 64
static void source_line(const rg_plan *p, long line, rg_cell *o) {
  o->i = line;
  if (p->n_locs > 0 && line > 0) o->s = rg_plan_loc(p, line, rg_cell_alloc(o, LOC_SIZE), LOC_SIZE);
}

/* Rows 0..n-1 into out (when not NULL); returns n. */
static int all_rows(int n, rg_row *out) {
  for (int k = 0; out && k < n; k++)
    out[k] = (rg_row){k, -1};
  return n;
}
#define ALL_ROWS(name, n)                                                                          \
  static int name(const rg_table_src *s, rg_row *out) { return all_rows((n), out); }

/* ========================================================== definitions
 * What each column of the workbook means, for its 说明 sheet (a column's own
 * hint, when it has one, comes first). By key; the same key means the same
 * thing in every table. */
static const struct {
  const char *key, *zh, *en;
} DEFINITIONS[] = {
    {"task", "任务编号（与原文一致）", "task number as printed"},
    {"chapter", "任务所在的章（部分）编号", "the chapter of the task"},
    {"text", "任务内容（原文）", "the task's text"},
    {"leads", "牵头单位", "lead units"},
    {"supports", "责任、配合单位", "responsible and supporting units"},
    {"deadline", "完成时限（原文）", "deadline as printed"},
    {"open_list", "单位名单以“等”结尾，未列全", "the unit list ends in 等: not complete"},
    {"line", "原文中的行号或位置", "line or place in the source"},
    {"rank", "按负荷从高到低的名次", "rank by load, heaviest first"},
    {"unit", "单位名称", "unit name"},
    {"load", "负荷 = 牵头任务数 × 1 + 配合任务数 × 0.5",
     "load = 1 per led task + 0.5 per supported"},
    {"led", "牵头的任务数", "tasks led"},
    {"supported", "配合的任务数", "tasks supported"},
    {"share", "负荷占全部单位负荷之和的比例", "share of the total load"},
    {"chapters", "任务分布的章数", "chapters its tasks are in"},
    {"partners", "至少共同承担一项任务的单位数", "units it shares at least one task with"},
    {"cluster", "所属协作聚类的编号", "number of its co-ownership cluster"},
    {"cluster_name", "所属协作聚类：以多数任务所在章节和负荷最重的单位命名",
     "its cluster, named by the chapter of most of its tasks and its heaviest units"},
    {"zscore", "负荷偏离平均值多少个标准差", "standard deviations of load above the mean"},
    {"overloaded", "负荷高于 Q3 + 1.5 × IQR（四分位距法的上限）", "load above Q3 + 1.5 IQR"},
    {"load_in_chapter", "本章任务带来的负荷", "load from this chapter's tasks"},
    {"betweenness", "处在其他单位之间最短协作路径上的程度（0–1）",
     "share of shortest collaboration paths through the unit (0-1)"},
    {"harmonic", "到其他单位协作距离倒数的平均值", "mean inverse collaboration distance"},
    {"eigenvector", "与重要单位协作的程度（最大为 1）", "ties to well-tied units (max 1)"},
    {"pagerank", "PageRank 重要度（合计为 1）", "PageRank (sums to 1)"},
    {"constraint", "Burt 约束度：协作集中在少数伙伴上时高",
     "Burt's constraint: high when ties "
     "are concentrated"},
    {"coreness", "k 核数：所在最紧密协作圈的层级", "k-core number"},
    {"participation", "协作分布于多个聚类的程度（0–1）",
     "how evenly its ties spread over clusters"},
    {"unit_a", "协作关系的一方", "one unit of the tie"},
    {"unit_b", "协作关系的另一方", "the other unit"},
    {"shared", "两单位共同承担的任务数", "tasks the two share"},
    {"weight", "协作权重（默认等于共同任务数）", "tie weight (shared tasks by default)"},
    {"tasks", "相关任务的编号", "task numbers"},
    {"task_texts", "共同任务的内容", "texts of the shared tasks"},
    {"bridge", "参与系数居全部单位前 10%：连接不同聚类", "participation in the top 10%"},
    {"cluster_units", "聚类的单位数", "units in the cluster"},
    {"tasks_inside", "全部单位都在本聚类的任务数", "tasks with every unit inside"},
    {"crossing", "还涉及其他聚类单位的任务数", "tasks that also involve other clusters"},
    {"role", "牵头或配合", "lead or support"},
    {"severity", "级别：警告或提示", "warning or note"},
    {"code", "问题类别代码", "problem code"},
    {"message_zh", "问题说明（括号内为英文原文）", "the problem (English original in brackets)"},
    {"item", "读取的哪一方面：格式、级别、惯例、表头等", "what was read: format, level, rules"},
};

const char *rg_column_definition(const char *key, int zh) {
  for (size_t k = 0; k < sizeof DEFINITIONS / sizeof DEFINITIONS[0]; k++)
    if (!strcmp(DEFINITIONS[k].key, key)) return zh ? DEFINITIONS[k].zh : DEFINITIONS[k].en;
  return NULL;
}

/* ================================================================ names */

/* The first clause of a chapter title, at most 12 characters (then …). */
static void heading_clause(const char *title, char *buf, size_t size) {
  static const char *const stops[] = {",", ";", ":", "，", "；", "：", "。", NULL};
  size_t len = 0; /* up to the first clause mark (titles are NFKC: mostly ASCII) */
  while (title[len]) {
    int stop = 0;
    for (int k = 0; stops[k] && !stop; k++)
      stop = !strncmp(title + len, stops[k], strlen(stops[k]));
    if (stop) break;
    len += rg_utf8_char_len(title + len);
  }
  size_t n = 0, chars = 0;
  while (n < len && chars < 12) {
    n += rg_utf8_char_len(title + n);
    chars++;
  }
  snprintf(buf, size, "%.*s%s", (int)n, title, n < len ? "…" : "");
}

void rg_cluster_name(const rg_plan *plan, const rg_results *res, int c, char *buf, size_t size) {
  const rg_cluster *cl = &res->clusters[c];
  char head[128] = "协作组", units[256] = "";
  if (cl->chapter >= 0 && cl->chapter < plan->n_chapters && plan->chapters[cl->chapter].title)
    heading_clause(plan->chapters[cl->chapter].title, head, sizeof head);
  for (int k = 0; k < cl->n_core; k++) {
    char s[128];
    rg_unit_short_name(plan->meta.issuer, plan->units[cl->core[k]].name, s, sizeof s);
    snprintf(units + strlen(units), sizeof units - strlen(units), "%s%s", k ? "、" : "", s);
  }
  snprintf(buf, size, "%s（%s%s）", head, units, cl->n_units > cl->n_core ? "…" : "");
}

/* ==================================================================== units
 * Rows are plan units (row.i); the analysis columns read the unit's row in
 * the results, so they are defined for concrete units. */

static const rg_unit_stats *stats(const rg_table_src *s, rg_row r) {
  int k = s->res && s->res->row_of_unit ? s->res->row_of_unit[r.i] : -1;
  return k >= 0 ? &s->res->units[k] : NULL;
}

/* Is row unit u kept (every unit, or only src.only_unit)? */
static int kept_unit(const rg_table_src *s, int u) { return s->only_unit < 0 || u == s->only_unit; }

/* Concrete units in results order: load desc, name asc. */
static int rows_results(const rg_table_src *s, rg_row *out) {
  int n = 0;
  for (int k = 0; k < s->res->n_units; k++)
    if (kept_unit(s, s->res->units[k].unit)) {
      if (out) out[n] = (rg_row){s->res->units[k].unit, -1};
      n++;
    }
  return n;
}

static int rows_overloaded(const rg_table_src *s, rg_row *out) {
  int n = 0;
  for (int k = 0; k < s->res->n_units; k++)
    if (s->res->units[k].overloaded && kept_unit(s, s->res->units[k].unit)) {
      if (out) out[n] = (rg_row){s->res->units[k].unit, -1};
      n++;
    }
  return n;
}

/* Collectives and generics in plan order. */
static int rows_other(const rg_table_src *s, rg_row *out) {
  int n = 0;
  for (int u = 0; u < s->plan->n_units; u++)
    if (s->plan->units[u].kind != RG_KIND_UNIT) {
      if (out) out[n] = (rg_row){u, -1};
      n++;
    }
  return n;
}

/* Collectives and generics by number of tasks desc, then name. */
static int by_tasks_then_name(const void *a, const void *b, void *ctx) {
  const rg_plan *plan = ctx;
  const rg_unit *x = &plan->units[((const rg_row *)a)->i],
                *y = &plan->units[((const rg_row *)b)->i];
  if (x->link_count != y->link_count) return x->link_count > y->link_count ? -1 : 1;
  return strcmp(x->name, y->name);
}

static int rows_collectives(const rg_table_src *s, rg_row *out) {
  int n = rows_other(s, out);
  if (out) rg_sort(out, (size_t)n, sizeof *out, by_tasks_then_name, (void *)s->plan);
  return n;
}

static const char *unit_row_class(const rg_table_src *s, rg_row r) {
  const rg_unit_stats *x = stats(s, r);
  return x && x->overloaded ? "over" : NULL;
}

/* Tasks of unit u with role (-1: both) in the cell's scratch, plan order. */
static void unit_tasks(const rg_table_src *s, int u, int role, rg_cell *o) {
  int *v = rg_cell_alloc(o, ((size_t)s->plan->units[u].link_count + 1) * sizeof *v);
  o->n_refs = rg_report_unit_tasks(s->plan, u, role, v);
  o->refs = v;
}

/* A figure of the unit's results row (nothing for a unit without one). */
#define STAT(name, member, field)                                                                  \
  GETTER(name, const rg_unit_stats *x = stats(s, r); if (x) o->field = x->member)
STAT(u_load, load, r)
STAT(u_partners, partners, i)
STAT(u_strength, strength, r)
STAT(u_betweenness, betweenness, r)
STAT(u_harmonic, harmonic, r)
STAT(u_eigenvector, eigenvector, r)
STAT(u_pagerank, pagerank, r)
STAT(u_constraint, constraint, r)
STAT(u_coreness, coreness, i)
STAT(u_cluster, cluster, i)
static void u_cluster_name(const rg_table_src *s, rg_row r, int a, rg_cell *o) {
  UNUSED(a);
  const rg_unit_stats *x = stats(s, r);
  if (!x || x->cluster < 0) return;
  char *buf = rg_cell_alloc(o, 512);
  rg_cluster_name(s->plan, s->res, x->cluster, buf, 512);
  o->s = buf;
}
STAT(u_overloaded, overloaded, i)
STAT(u_fractional, fractional, r)
STAT(u_share, share, r)
STAT(u_chapters, chapters, i)
STAT(u_burden, burden, i)
STAT(u_zscore, zscore, r)
STAT(u_rank, rank, i)
STAT(u_participation, participation, r)
STAT(u_reason, reason, s)

GET(u_unit, i, r.i)
GET(u_kind, s, rg_kind_name(s->plan->units[r.i].kind))
GET_ITEMS(u_aliases, s->plan->units[r.i].aliases, s->plan->units[r.i].n_aliases)
GET(u_first_line, i, s->plan->units[r.i].first_line)
GET(u_n_tasks, i, s->plan->units[r.i].link_count)
static void u_led(const rg_table_src *s, rg_row r, int a, rg_cell *o) {
  UNUSED(a);
  unit_tasks(s, r.i, RG_ROLE_LEAD, o);
  o->i = o->n_refs;
}
static void u_supported(const rg_table_src *s, rg_row r, int a, rg_cell *o) {
  UNUSED(a);
  unit_tasks(s, r.i, RG_ROLE_SUPPORT, o);
  o->i = o->n_refs;
}
static void u_lead_tasks(const rg_table_src *s, rg_row r, int a, rg_cell *o) {
  UNUSED(a);
  unit_tasks(s, r.i, RG_ROLE_LEAD, o);
}
static void u_support_tasks(const rg_table_src *s, rg_row r, int a, rg_cell *o) {
  UNUSED(a);
  unit_tasks(s, r.i, RG_ROLE_SUPPORT, o);
}
/* Every task of the unit, ascending. */
static void u_tasks(const rg_table_src *s, rg_row r, int a, rg_cell *o) {
  UNUSED(a);
  unit_tasks(s, r.i, -1, o);
  rg_sort((int *)o->refs, (size_t)o->n_refs, sizeof(int), rg_cmp_int, NULL);
}
GET(u_fence, r, s->res->fence)
GET(u_q1, r, s->res->q1)
GET(u_q3, r, s->res->q3)
GET(u_iqr, r, s->res->iqr)

/* "四 11": the chapter (as printed, "-" for none) and the unit's load in it,
 * its three largest. */
static void u_top_chapters(const rg_table_src *s, rg_row r, int a, rg_cell *o) {
  UNUSED(a);
  const rg_unit_stats *x = stats(s, r);
  if (!x) return;
  int n = x->n_chapter_loads < 3 ? x->n_chapter_loads : 3;
  const char **items = rg_cell_alloc(o, ((size_t)n + 1) * sizeof *items);
  for (int j = 0; j < n; j++) {
    char num[64];
    rg_format_real(num, sizeof num, x->chapter_loads[j]);
    int c = x->chapter_ids[j];
    items[j] = rg_cell_printf(o, "%s %s", c >= 0 ? s->plan->chapters[c].number : "-", num);
  }
  o->items = items;
  o->n_items = n;
}

/* The report's load of the unit per chapter column (rd->col_load). */
static void u_chapter_load(const rg_table_src *s, rg_row r, int a, rg_cell *o) {
  UNUSED(a);
  int k = s->res->row_of_unit[r.i];
  if (k < 0) return;
  o->reals = &s->rd->col_load[(size_t)k * (size_t)s->rd->n_cols];
  o->n_reals = s->rd->n_cols;
}

/* One chapter column of it, with the unit's tasks in that chapter. */
static void u_load_in_chapter(const rg_table_src *s, rg_row r, int c, rg_cell *o) {
  int k = s->res->row_of_unit[r.i];
  if (k < 0) return;
  o->r = s->rd->col_load[(size_t)k * (size_t)s->rd->n_cols + (size_t)c];
  unit_tasks(s, r.i, -1, o);
  int *v = (int *)o->refs, n = 0;
  for (int j = 0; j < o->n_refs; j++)
    if (rg_report_task_col(s->rd, v[j]) == c) v[n++] = v[j];
  o->n_refs = n;
}

static int chapter_columns(const rg_table_src *s) { return s->rd ? s->rd->n_cols : 0; }

/* A chapter column's labels: long "一、扩大内需" (workbook), abbr "一" (page
 * header, "—" for the no-chapter column), hint: the title. */
static void chapter_label(const rg_table_src *s, int c, int zh, int form, char *buf, size_t size) {
  const rg_plan *plan = s->plan;
  const char *num =
      c < plan->n_chapters && plan->chapters[c].number ? plan->chapters[c].number : "";
  const char *title = c < plan->n_chapters
                          ? (plan->chapters[c].title ? plan->chapters[c].title : "")
                          : (zh ? "未归章节" : "no chapter");
  if (form == RG_LABEL_ABBR)
    snprintf(buf, size, "%s", c < plan->n_chapters ? num : "—");
  else if (form == RG_LABEL_HINT || !*num)
    snprintf(buf, size, "%s", title);
  else
    snprintf(buf, size, "%s、%s", num, title);
}

static const rg_column unit_cols[] = {
    COL("unit", "单位", "unit", RG_COL_UNIT, .width = 30, .get = u_unit),
    COL("kind", "类别", "kind", RG_COL_STR, .get = u_kind),
    COL("index", "单位序号", "index", RG_COL_INT, .get = u_unit),
    COL("aliases", "又称", "aliases", RG_COL_LIST, .flags = RG_COLF_WIDE, .get = u_aliases),
    COL("first_line", "首见行号", "first line", RG_COL_INT, .flags = RG_COLF_WIDE,
        .get = u_first_line),
    COL("rank", "排名", "rank", RG_COL_INT, .width = 6, .get = u_rank),
    COL("load", "负荷", "load", RG_COL_REAL, .digits = 2, .width = 8, .num_format = "0.0",
        .get = u_load),
    COL("led", "牵头", "led", RG_COL_INT, .width = 7, .flags = RG_COLF_LINKED, .get = u_led),
    COL("supported", "配合", "supported", RG_COL_INT, .width = 7, .flags = RG_COLF_LINKED,
        .get = u_supported),
    COL("share", "占比", "share", RG_COL_REAL, .digits = 1, .width = 8, .flags = RG_COLF_PERCENT,
        .num_format = "0.0%", .get = u_share),
    COL("chapters", "章节数", "chapters", RG_COL_INT, .width = 8, .get = u_chapters),
    COL("partners", "协作单位", "partners", RG_COL_INT, .width = 9, .get = u_partners),
    COL("burden", "协同负担", "burden", RG_COL_INT, .width = 9,
        .hint_zh = "所承担任务的其他单位数之和",
        .hint_en = "sum over its tasks of the other units on the task", .get = u_burden),
    COL("fractional", "分摊负荷", "fractional load", RG_COL_REAL, .digits = 2,
        .flags = RG_COLF_WIDE, .num_format = "0.0", .get = u_fractional),
    COL("strength", "强度", "strength", RG_COL_REAL, .digits = 2, .width = 10,
        .hint_zh = "协作关系权重之和", .hint_en = "sum of tie weights", .num_format = "0.0",
        .get = u_strength),
    COL("betweenness", "中介中心性", "betweenness", RG_COL_REAL, .digits = 4, .width = 12,
        .num_format = "0.000", .get = u_betweenness),
    COL("harmonic", "调和中心性", "harmonic", RG_COL_REAL, .digits = 3, .width = 12,
        .flags = RG_COLF_WIDE, .num_format = "0.000", .get = u_harmonic),
    COL("eigenvector", "特征向量", "eigenvector", RG_COL_REAL, .digits = 3, .width = 12,
        .flags = RG_COLF_WIDE, .num_format = "0.000", .get = u_eigenvector),
    COL("pagerank", "PageRank", "PageRank", RG_COL_REAL, .digits = 4, .width = 12,
        .flags = RG_COLF_WIDE, .num_format = "0.000", .get = u_pagerank),
    COL("constraint", "约束度", "constraint", RG_COL_REAL, .digits = 3, .width = 10,
        .flags = RG_COLF_WIDE, .num_format = "0.000", .get = u_constraint),
    COL("coreness", "核数", "coreness", RG_COL_INT, .width = 8, .flags = RG_COLF_WIDE,
        .get = u_coreness),
    COL("cluster", "聚类编号", "cluster id", RG_COL_CLUSTER, .width = 8, .get = u_cluster),
    COL("cluster_name", "聚类", "cluster", RG_COL_STR, .width = 30, .get = u_cluster_name),
    COL("participation", "参与系数", "participation", RG_COL_REAL, .digits = 3, .width = 10,
        .flags = RG_COLF_WIDE, .num_format = "0.000", .get = u_participation),
    COL("overloaded", "超负荷", "overloaded", RG_COL_BOOL, .width = 8, .get = u_overloaded),
    COL("zscore", "z", "z", RG_COL_REAL, .digits = 2, .width = 8, .num_format = "0.00",
        .get = u_zscore),
    COL("top_chapters", "负荷最重的章节", "top chapters", RG_COL_LIST, .get = u_top_chapters),
    COL("reason", "原因", "reason", RG_COL_STR, .width = 60, .get = u_reason),
    COL("fence", "警戒线", "fence", RG_COL_REAL, .digits = 2, .flags = RG_COLF_WIDE,
        .get = u_fence),
    COL("q1", "Q1", "Q1", RG_COL_REAL, .digits = 2, .flags = RG_COLF_WIDE, .get = u_q1),
    COL("q3", "Q3", "Q3", RG_COL_REAL, .digits = 2, .flags = RG_COLF_WIDE, .get = u_q3),
    COL("iqr", "IQR", "IQR", RG_COL_REAL, .digits = 2, .flags = RG_COLF_WIDE, .get = u_iqr),
    COL("n_tasks", "任务数", "tasks", RG_COL_INT, .get = u_n_tasks),
    COL("tasks", "任务", "tasks", RG_COL_TASKS, .get = u_tasks),
    COL("lead_tasks", "牵头任务", "lead tasks", RG_COL_TASKS, .get = u_lead_tasks),
    COL("support_tasks", "配合任务", "support tasks", RG_COL_TASKS, .get = u_support_tasks),
    COL("chapter_load", "分章节负荷", "load by chapter", RG_COL_REALS, .get = u_chapter_load),
    COL("load_in_chapter", "章节负荷", "load in chapter", RG_COL_REAL, .width = 12,
        .flags = RG_COLF_LINKED, .num_format = "0.0", .get = u_load_in_chapter,
        .repeat = chapter_columns, .label = chapter_label),
};

const rg_schema rg_schema_units = {"units",     unit_cols,    N(unit_cols),
                                   RG_ROW_UNIT, rows_results, unit_row_class};

/* ==================================================================== ties */

ALL_ROWS(rows_ties, s->res->n_ties)

#define TIE(r) (&s->res->ties[(r).i])

/* Ties by weight desc, then shared tasks desc, then as the results order
 * them (names); only those of src.only_unit when it is set. */
static int by_weight(const void *a, const void *b, void *ctx) {
  const rg_results *res = ctx;
  const rg_tie *x = &res->ties[((const rg_row *)a)->i], *y = &res->ties[((const rg_row *)b)->i];
  if (x->weight != y->weight) return x->weight > y->weight ? -1 : 1;
  if (x->shared != y->shared) return x->shared > y->shared ? -1 : 1;
  return ((const rg_row *)a)->i - ((const rg_row *)b)->i;
}

static int rows_ties_by_weight(const rg_table_src *s, rg_row *out) {
  int n = 0;
  for (int k = 0; k < s->res->n_ties; k++)
    if ((s->only_unit < 0 || s->res->ties[k].a == s->only_unit ||
         s->res->ties[k].b == s->only_unit) &&
        (!s->backbone || s->res->ties[k].backbone)) {
      if (out) out[n] = (rg_row){k, -1};
      n++;
    }
  if (out) rg_sort(out, (size_t)n, sizeof *out, by_weight, (void *)s->res);
  return n;
}

GET(t_a, i, TIE(r)->a)
GET(t_b, i, TIE(r)->b)
GET(t_shared, i, TIE(r)->shared)
GET(t_weight, r, TIE(r)->weight)
GET_REFS(t_tasks, TIE(r)->tasks, TIE(r)->shared)
GET(t_p, r, TIE(r)->p)
/* Why a tie is in the backbone: significant, strongest (of a unit), both. */
static const char *const WHY[] = {"", "significant", "strongest", "significant;strongest"};
GET(t_backbone, s, WHY[TIE(r)->backbone & 3])
static const rg_value_label why_labels[] = {
    {"significant", "显著", "significant"},
    {"strongest", "最紧密", "strongest"},
    {"significant;strongest", "显著；最紧密", "significant; strongest"},
    {NULL, NULL, NULL}};
/* "3. text" per shared task, one per line. */
static void t_texts(const rg_table_src *s, rg_row r, int a, rg_cell *o) {
  UNUSED(a);
  const rg_tie *t = TIE(r);
  size_t n = 1;
  for (int k = 0; k < t->shared; k++)
    n += strlen(s->plan->tasks[t->tasks[k]].number) + strlen(s->plan->tasks[t->tasks[k]].text) + 4;
  char *buf = rg_cell_alloc(o, n);
  for (int k = 0; k < t->shared; k++) {
    const rg_task *task = &s->plan->tasks[t->tasks[k]];
    if (k) strcat(buf, "\n");
    strcat(buf, task->number);
    strcat(buf, ". ");
    strcat(buf, task->text);
  }
  o->s = buf;
}

static const rg_column tie_cols[] = {
    COL("unit_a", "单位甲", "unit a", RG_COL_UNIT, .width = 28, .get = t_a),
    COL("unit_b", "单位乙", "unit b", RG_COL_UNIT, .width = 28, .get = t_b),
    COL("shared", "共同任务数", "shared", RG_COL_INT, .width = 10, .get = t_shared),
    COL("weight", "权重", "weight", RG_COL_REAL, .digits = 2, .width = 8, .get = t_weight),
    COL("tasks", "共同任务编号", "tasks", RG_COL_TASKS, .width = 20, .get = t_tasks),
    COL("p", "p 值", "p-value", RG_COL_REAL, .digits = 4, .num_format = "0.0000", .width = 9,
        .hint_zh = "两单位共同任务不少于实际数的概率（按各自任务量随机分配，SDSM）",
        .hint_en = "probability of at least this many shared tasks by chance (SDSM)", .get = t_p),
    COL("backbone", "骨干", "backbone", RG_COL_STR, .width = 12, .values = why_labels,
        .hint_zh = "显著：p < α；最紧密：某单位权重最大的联系",
        .hint_en = "significant: p < alpha; strongest: a unit's heaviest tie", .get = t_backbone),
    COL("task_texts", "共同任务", "task texts", RG_COL_STR, .width = 80, .flags = RG_COLF_WIDE,
        .get = t_texts),
};

const rg_schema rg_schema_ties = {"ties", tie_cols, N(tie_cols), RG_ROW_OTHER, rows_ties, NULL};

/* ================================================================ clusters */

#define CLUSTER(r) (&s->res->clusters[(r).i])

/* Every cluster, or the one src.only_unit belongs to. */
static int rows_clusters(const rg_table_src *s, rg_row *out) {
  int n = 0;
  for (int c = 0; c < s->res->n_clusters; c++) {
    int keep = s->only_unit < 0;
    for (int k = 0; !keep && k < s->res->clusters[c].n_units; k++)
      keep = s->res->clusters[c].units[k] == s->only_unit;
    if (!keep) continue;
    if (out) out[n] = (rg_row){c, -1};
    n++;
  }
  return n;
}

GET(c_id, i, CLUSTER(r)->id)
GET(c_size, i, CLUSTER(r)->n_units)
GET_REFS(c_units, CLUSTER(r)->units, CLUSTER(r)->n_units)
GET_REFS(c_tasks, CLUSTER(r)->tasks, CLUSTER(r)->n_tasks)
GET_REFS(c_crossing, CLUSTER(r)->crossing, CLUSTER(r)->n_crossing)
GET_REFS(c_bridges, CLUSTER(r)->bridges, CLUSTER(r)->n_bridges)
GET(c_n_mostly, i, CLUSTER(r)->n_mostly)
GET_REFS(c_mostly, CLUSTER(r)->mostly, CLUSTER(r)->n_mostly)
static void c_name(const rg_table_src *s, rg_row r, int a, rg_cell *o) {
  UNUSED(a);
  char *buf = rg_cell_alloc(o, 512);
  rg_cluster_name(s->plan, s->res, CLUSTER(r)->id, buf, 512);
  o->s = buf;
}

static const rg_column cluster_cols[] = {
    COL("id", "聚类编号", "cluster id", RG_COL_INT, .get = c_id),
    COL("name", "聚类", "cluster", RG_COL_STR, .width = 40, .get = c_name),
    COL("size", "单位数", "units", RG_COL_INT, .get = c_size),
    COL("n_tasks", "任务数", "tasks", RG_COL_INT, .get = c_n_mostly,
        .hint_zh = "多数具体单位在本聚类的任务数",
        .hint_en = "tasks most of whose units are in it"),
    COL("mostly_tasks", "主要任务", "tasks mostly in it", RG_COL_TASKS, .get = c_mostly),
    COL("units", "单位", "units", RG_COL_UNITS, .get = c_units),
    COL("tasks", "内部任务", "tasks inside", RG_COL_TASKS, .get = c_tasks),
    COL("crossing_tasks", "跨聚类任务", "crossing tasks", RG_COL_TASKS, .get = c_crossing),
    COL("bridges", "桥梁单位", "bridges", RG_COL_UNITS, .get = c_bridges),
};

const rg_schema rg_schema_clusters = {"clusters",   cluster_cols,  N(cluster_cols),
                                      RG_ROW_OTHER, rows_clusters, NULL};

/* Cluster members: row (cluster, k-th member). */
static int rows_members(const rg_table_src *s, rg_row *out) {
  int n = 0;
  for (int c = 0; c < s->res->n_clusters; c++)
    for (int k = 0; k < s->res->clusters[c].n_units; k++, n++)
      if (out) out[n] = (rg_row){c, k};
  return n;
}

#define MEMBER(r) (CLUSTER(r)->units[(r).j])

GET(m_unit, i, MEMBER(r))
static void m_load(const rg_table_src *s, rg_row r, int a, rg_cell *o) {
  UNUSED(a);
  const rg_unit_stats *x = stats(s, (rg_row){MEMBER(r), -1});
  o->r = x ? x->load : NAN;
}
static void m_participation(const rg_table_src *s, rg_row r, int a, rg_cell *o) {
  UNUSED(a);
  const rg_unit_stats *x = stats(s, (rg_row){MEMBER(r), -1});
  o->r = x ? x->participation : NAN;
}
static void m_bridge(const rg_table_src *s, rg_row r, int a, rg_cell *o) {
  UNUSED(a);
  const rg_cluster *c = CLUSTER(r);
  for (int j = 0; j < c->n_bridges; j++)
    if (c->bridges[j] == MEMBER(r)) o->i = 1;
}
GET(m_inside, i, CLUSTER(r)->n_tasks)
GET(m_crossing, i, CLUSTER(r)->n_crossing)

static const rg_column member_cols[] = {
    COL("cluster", "聚类编号", "cluster id", RG_COL_INT, .width = 7, .get = c_id),
    COL("cluster_name", "聚类", "cluster", RG_COL_STR, .width = 36, .get = c_name),
    COL("unit", "单位", "unit", RG_COL_UNIT, .width = 30, .get = m_unit),
    COL("load", "负荷", "load", RG_COL_REAL, .digits = 2, .width = 8, .num_format = "0.0",
        .get = m_load),
    COL("participation", "参与系数", "participation", RG_COL_REAL, .digits = 3, .width = 10,
        .num_format = "0.000", .get = m_participation),
    COL("bridge", "桥梁单位", "bridge", RG_COL_BOOL, .width = 9, .get = m_bridge),
    COL("cluster_units", "聚类单位数", "cluster units", RG_COL_INT, .width = 10, .get = c_size),
    COL("tasks_inside", "内部任务数", "tasks inside", RG_COL_INT, .width = 10, .get = m_inside),
    COL("crossing", "跨聚类任务数", "crossing tasks", RG_COL_INT, .width = 12, .get = m_crossing),
};

const rg_schema rg_schema_members = {"members",    member_cols,  N(member_cols),
                                     RG_ROW_OTHER, rows_members, NULL};

/* =================================================================== tasks
 * Rows are plan tasks (row.i) in plan order. */

ALL_ROWS(rows_tasks, s->plan->n_tasks)

#define TASK(r) (&s->plan->tasks[(r).i])

static const char *chapter_number(const rg_plan *p, int c) {
  return c >= 0 && c < p->n_chapters ? p->chapters[c].number : NULL;
}

GET(k_number, s, TASK(r)->number)
GET(k_index, i, r.i)
GET(k_ordinal, i, TASK(r)->ordinal)
GET(k_chapter, s, chapter_number(s->plan, TASK(r)->chapter))
static void k_section(const rg_table_src *s, rg_row r, int a, rg_cell *o) {
  UNUSED(a);
  int c = TASK(r)->section;
  o->s = c >= 0 ? s->plan->sections[c].number : NULL;
}
GET(k_chapter_index, i, TASK(r)->chapter)
GET(k_section_index, i, TASK(r)->section)
/* Units of the task with role, in task_links order. */
static void task_units(const rg_table_src *s, rg_row r, rg_role role, rg_cell *o) {
  const rg_task *t = TASK(r);
  int *v = rg_cell_alloc(o, ((size_t)t->link_count + 1) * sizeof *v);
  for (int j = 0; j < t->link_count; j++) {
    const rg_link *l = &s->plan->links[s->plan->task_links[t->link_begin + j]];
    if (l->role == role) v[o->n_refs++] = l->unit;
  }
  o->refs = v;
}
static void k_leads(const rg_table_src *s, rg_row r, int a, rg_cell *o) {
  UNUSED(a);
  task_units(s, r, RG_ROLE_LEAD, o);
}
static void k_supports(const rg_table_src *s, rg_row r, int a, rg_cell *o) {
  UNUSED(a);
  task_units(s, r, RG_ROLE_SUPPORT, o);
}
GET(k_open, i, TASK(r)->open_list)
GET(k_deadline, s, TASK(r)->deadline)
GETTER(k_line, source_line(s->plan, TASK(r)->line, o))
GET(k_text, s, TASK(r)->text)
static void k_original(const rg_table_src *s, rg_row r, int a, rg_cell *o) {
  UNUSED(a);
  const rg_task *t = TASK(r);
  o->s = t->original && t->original != t->text && strcmp(t->original, t->text) ? t->original : NULL;
}
static void k_concrete(const rg_table_src *s, rg_row r, int a, rg_cell *o) {
  UNUSED(a);
  const rg_task *t = TASK(r);
  for (int j = 0; j < t->link_count; j++)
    o->i += s->plan->units[s->plan->links[s->plan->task_links[t->link_begin + j]].unit].kind ==
            RG_KIND_UNIT;
}

/* The deadline as dates (input/deadline.c) and the light at --as-of. */
static const char *iso_day(rg_cell *o, long z) {
  if (z <= 0) return NULL;
  char *b = rg_cell_alloc(o, 16);
  rg_date_iso(z, b, 16);
  return b;
}
static void k_due_kind(const rg_table_src *s, rg_row r, int a, rg_cell *o) {
  UNUSED(a);
  rg_due_kind k = TASK(r)->due.kind;
  o->s = k == RG_DUE_NONE ? NULL : rg_due_kind_name(k);
}
GET(k_due_from, s, iso_day(o, TASK(r)->due.start))
GET(k_due_by, s, iso_day(o, TASK(r)->due.end))
GET(k_milestone, s, iso_day(o, TASK(r)->due.milestone))
static rg_light task_light(const rg_table_src *s, rg_row r, long *when) {
  *when = 0;
  if (!rg_timeline_as_of_set(s->tl)) return RG_LIGHT_NONE;
  return rg_due_light(&TASK(r)->due, s->tl->as_of, s->tl->soon_days, when);
}
static void k_light(const rg_table_src *s, rg_row r, int a, rg_cell *o) {
  UNUSED(a);
  long when;
  o->s = rg_light_name(task_light(s, r, &when));
}
static void k_light_date(const rg_table_src *s, rg_row r, int a, rg_cell *o) {
  UNUSED(a);
  long when;
  task_light(s, r, &when);
  o->s = iso_day(o, when);
}
static const rg_value_label due_kinds[] = {{"dated", "按期限", "dated"},
                                           {"spread", "全年推进", "all year"},
                                           {"recurring", "定期", "recurring"},
                                           {"unread", "未识别", "not read"},
                                           {NULL, NULL, NULL}};
static const rg_value_label lights[] = {{"overdue", "逾期", "overdue"},
                                        {"due-soon", "临近", "due soon"},
                                        {"not-due", "未到期", "not due"},
                                        {"ongoing", "持续推进", "ongoing"},
                                        {NULL, NULL, NULL}};
/* A task row's page class at --as-of: its light (light-overdue ...). */
static const char *task_row_class(const rg_table_src *s, rg_row r) {
  long when;
  static const char *const cls[] = {NULL, "light-overdue", "light-due-soon", "light-not-due",
                                    "light-ongoing"};
  return cls[task_light(s, r, &when)];
}

static const rg_column task_cols[] = {
    COL("task", "编号", "number", RG_COL_STR, .width = 8, .flags = RG_COLF_ID, .get = k_number),
    COL("index", "任务序号", "index", RG_COL_INT, .get = k_index),
    COL("ordinal", "序次", "ordinal", RG_COL_INT, .get = k_ordinal),
    COL("chapter", "章节", "chapter", RG_COL_STR, .width = 8, .get = k_chapter),
    COL("section", "节", "section", RG_COL_STR, .get = k_section),
    COL("chapter_index", "章节序号", "chapter index", RG_COL_INT, .get = k_chapter_index),
    COL("section_index", "节序号", "section index", RG_COL_INT, .get = k_section_index),
    COL("leads", "牵头单位", "lead", RG_COL_UNITS, .width = 28, .get = k_leads),
    COL("supports", "责任/配合单位", "support", RG_COL_UNITS, .width = 45, .get = k_supports),
    COL("open_list", "名单未列全", "open list", RG_COL_BOOL, .width = 10,
        .hint_zh = "名单以“等有关部门”等结尾，未列全",
        .hint_en = "the unit list ends in \"and others\"", .get = k_open),
    COL("deadline", "完成时限", "deadline", RG_COL_STR, .width = 14, .get = k_deadline),
    COL("line", "行号", "line", RG_COL_INT, .width = 8, .flags = RG_COLF_LINE, .get = k_line),
    COL("text", "任务", "task", RG_COL_STR, .width = 70, .get = k_text),
    COL("original", "原文", "original", RG_COL_STR, .width = 70, .flags = RG_COLF_WIDE,
        .get = k_original),
    COL("concrete_units", "具体单位数", "concrete units", RG_COL_INT, .get = k_concrete),
    COL("due_kind", "时限类型", "deadline kind", RG_COL_STR, .width = 10, .values = due_kinds,
        .get = k_due_kind),
    COL("due_from", "起始日期", "from", RG_COL_STR, .width = 12,
        .hint_zh = "按时限推算的工作起始日（见说明）",
        .hint_en = "start of the deadline's interval", .get = k_due_from),
    COL("due_by", "截止日期", "due by", RG_COL_STR, .width = 12, .get = k_due_by),
    COL("milestone", "阶段节点", "milestone", RG_COL_STR, .width = 12, .flags = RG_COLF_WIDE,
        .hint_zh = "时限中较早的阶段性节点", .hint_en = "an earlier date named in the deadline",
        .get = k_milestone),
    COL("light", "督办状态", "status", RG_COL_STR, .width = 10, .values = lights,
        .hint_zh = "逾期（红）、临近（黄）、未到期或持续推进（绿）",
        .hint_en = "overdue (red), due soon (yellow), not due or ongoing (green)", .get = k_light),
    COL("light_date", "对照日期", "judged against", RG_COL_STR, .width = 12,
        .hint_zh = "判断状态所依据的截止日期", .hint_en = "the deadline the status is judged by",
        .get = k_light_date),
};

const rg_schema rg_schema_tasks = {"tasks",     task_cols,  N(task_cols),
                                   RG_ROW_TASK, rows_tasks, task_row_class};

/* ================================================================= periods
 * Load per quarter or month (analyzer/timeline.h): rows are the concrete
 * units in results order, src.tl the timeline. */

static int tl_row(const rg_table_src *s, rg_row r) {
  return s->tl && s->tl->row_of_unit ? s->tl->row_of_unit[r.i] : -1;
}
static void p_load_in(const rg_table_src *s, rg_row r, int a, rg_cell *o) {
  int k = tl_row(s, r);
  o->r = k >= 0 ? s->tl->load[(size_t)k * s->tl->n_periods + a] : 0;
}
GET(p_fence_in, r, s->tl->fence[a])
static int period_columns(const rg_table_src *s) { return s->tl ? s->tl->n_periods : 0; }

/* 一季度 / Q1, 1月 / Jan. */
static const char *period_name(const rg_timeline *tl, int p, int zh, char *buf, size_t size) {
  static const char *const q[] = {"一季度", "二季度", "三季度", "四季度"};
  static const char *const m[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  if (tl->months == 3 && zh)
    snprintf(buf, size, "%s", q[p]);
  else if (tl->months == 3)
    snprintf(buf, size, "Q%d", p + 1);
  else if (zh)
    snprintf(buf, size, "%d月", p + 1);
  else
    snprintf(buf, size, "%s", m[p]);
  return buf;
}

/* A period column's labels: 一季度 (long and abbr); hint: its dates and fence. */
static void period_label(const rg_table_src *s, int p, int zh, int form, char *buf, size_t size) {
  char a[16], b[16];
  if (form != RG_LABEL_HINT) {
    period_name(s->tl, p, zh, buf, size);
    return;
  }
  rg_date_iso(s->tl->start[p], a, sizeof a);
  rg_date_iso(s->tl->end[p], b, sizeof b);
  snprintf(buf, size, zh ? "%s 至 %s；警戒线 %.2f" : "%s to %s; fence %.2f", a, b, s->tl->fence[p]);
}

static void p_over(const rg_table_src *s, rg_row r, int a, rg_cell *o) {
  UNUSED(a);
  int k = tl_row(s, r), np = s->tl->n_periods;
  const char **v = rg_cell_alloc(o, (size_t)np * sizeof *v);
  for (int p = 0; k >= 0 && p < np; p++)
    if (s->tl->over[(size_t)k * np + p]) {
      char *b = rg_cell_alloc(o, 16);
      v[o->n_items++] = period_name(s->tl, p, 1, b, 16);
    }
  o->items = v;
}
/* The busiest periods: those with the largest load; none when every period
 * has the same (a unit whose tasks all spread evenly has no peak). */
static void p_peak(const rg_table_src *s, rg_row r, int a, rg_cell *o) {
  UNUSED(a);
  int k = tl_row(s, r), np = s->tl->n_periods, best = 0, n = 0;
  if (k < 0) return;
  const double *l = &s->tl->load[(size_t)k * np];
  for (int p = 1; p < np; p++)
    if (l[p] > l[best]) best = p;
  const char **v = rg_cell_alloc(o, (size_t)np * sizeof *v);
  for (int p = 0; p < np; p++)
    if (l[p] == l[best]) v[n++] = period_name(s->tl, p, 1, rg_cell_alloc(o, 16), 16);
  if (n < np) o->items = v, o->n_items = n;
}
static const char *period_row_class(const rg_table_src *s, rg_row r) {
  int k = tl_row(s, r), np = s->tl->n_periods;
  for (int p = 0; k >= 0 && p < np; p++)
    if (s->tl->over[(size_t)k * np + p]) return "over";
  return NULL;
}

static const rg_column period_cols[] = {
    COL("unit", "单位", "unit", RG_COL_UNIT, .width = 30, .get = u_unit),
    COL("load", "全年负荷", "annual load", RG_COL_REAL, .digits = 2, .width = 10,
        .num_format = "0.00", .get = u_load),
    COL("load_in", "分期负荷", "load in period", RG_COL_REAL, .digits = 2, .width = 9,
        .num_format = "0.00", .get = p_load_in, .repeat = period_columns, .label = period_label),
    COL("peak", "最忙时段", "busiest periods", RG_COL_LIST, .width = 12, .get = p_peak),
    COL("over_in", "超警戒时段", "over the fence in", RG_COL_LIST, .width = 24,
        .hint_zh = "该时段负荷高于当期警戒线（Q3 + 1.5×IQR）",
        .hint_en = "load above that period's fence (Q3 + 1.5 IQR)", .get = p_over),
    COL("fence_in", "当期警戒线", "fence in period", RG_COL_REAL, .digits = 2,
        .flags = RG_COLF_WIDE, .num_format = "0.00", .get = p_fence_in, .repeat = period_columns,
        .label = period_label),
};

const rg_schema rg_schema_periods = {"periods",   period_cols,  N(period_cols),
                                     RG_ROW_UNIT, rows_results, period_row_class};

/* =================================================================== links
 * Rows are positions in plan->task_links: by task, leads first. */

ALL_ROWS(rows_links, s->plan->n_links)

#define LINK(r) (&s->plan->links[s->plan->task_links[(r).i]])

GET(l_task, i, LINK(r)->task)
GET(l_role, s, rg_role_name(LINK(r)->role))
GET(l_unit, i, LINK(r)->unit)
GET(l_kind, s, rg_kind_name(s->plan->units[LINK(r)->unit].kind))
GET(l_chapter, s, chapter_number(s->plan, s->plan->tasks[LINK(r)->task].chapter))
GET(l_deadline, s, s->plan->tasks[LINK(r)->task].deadline)
GET(l_text, s, s->plan->tasks[LINK(r)->task].text)
static const rg_value_label role_labels[] = {
    {"lead", "牵头", "lead"}, {"support", "配合", "support"}, {NULL, NULL, NULL}};
GETTER(l_line, source_line(s->plan, LINK(r)->line, o))

static const rg_column link_cols[] = {
    COL("task", "任务", "task", RG_COL_TASK, .get = l_task),
    COL("role", "角色", "role", RG_COL_STR, .width = 6, .values = role_labels, .get = l_role),
    COL("text", "任务内容", "task text", RG_COL_STR, .width = 60, .get = l_text),
    COL("deadline", "完成时限", "deadline", RG_COL_STR, .width = 16, .get = l_deadline),
    COL("unit", "单位", "unit", RG_COL_UNIT, .width = 30, .get = l_unit),
    COL("kind", "类别", "kind", RG_COL_STR, .get = l_kind),
    COL("chapter", "章节", "chapter", RG_COL_STR, .get = l_chapter),
    COL("line", "行号", "line", RG_COL_INT, .flags = RG_COLF_LINE, .get = l_line),
};

const rg_schema rg_schema_edges = {"links",      link_cols,  N(link_cols),
                                   RG_ROW_OTHER, rows_links, NULL};

/* ============================================================= diagnostics
 * Rows are plan diagnostics (row.i), in the order found or by line. */

ALL_ROWS(rows_diags, s->plan->n_diags)

static int by_line(const void *a, const void *b, void *ctx) {
  const rg_plan *plan = ctx;
  const rg_diag *x = &plan->diags[*(const int *)a], *y = &plan->diags[*(const int *)b];
  if (x->line != y->line) return x->line < y->line ? -1 : 1;
  return *(const int *)a - *(const int *)b;
}

int *rg_diags_by_line(const rg_plan *plan) {
  int *order = rg_xmalloc(((size_t)plan->n_diags + 1) * sizeof *order);
  for (int i = 0; i < plan->n_diags; i++)
    order[i] = i;
  rg_sort(order, (size_t)plan->n_diags, sizeof *order, by_line, (void *)plan);
  return order;
}

static int rows_diags_by_line(const rg_table_src *s, rg_row *out) {
  if (out) {
    int *order = rg_diags_by_line(s->plan);
    for (int k = 0; k < s->plan->n_diags; k++)
      out[k] = (rg_row){order[k], -1};
    free(order);
  }
  return s->plan->n_diags;
}

#define DIAG(r) (&s->plan->diags[(r).i])

static const char *diag_row_class(const rg_table_src *s, rg_row r) {
  switch (DIAG(r)->severity) {
  case RG_SEV_NOTE:
    return "sev-note";
  case RG_SEV_ERROR:
    return "sev-error";
  case RG_SEV_WARNING:
    break;
  }
  return "sev-warning";
}

GET(d_file, s, s->plan->path)
GETTER(d_line, source_line(s->plan, DIAG(r)->line, o))
GET(d_severity, s, rg_severity_name(DIAG(r)->severity))
GET(d_code, s, DIAG(r)->code)
GET(d_message, s, DIAG(r)->message)
static void d_where(const rg_table_src *s, rg_row r, int a, rg_cell *o) {
  UNUSED(a);
  char loc[LOC_SIZE];
  long line = DIAG(r)->line;
  o->s = line > 0 ? rg_cell_printf(o, "%s:%s", s->plan->path,
                                   rg_plan_loc(s->plan, line, loc, sizeof loc))
                  : s->plan->path;
}
/* The task the diagnostic falls in: the last task starting at or before its
 * line (binary search; only when task lines ascend). */
static void d_task(const rg_table_src *s, rg_row r, int a, rg_cell *o) {
  UNUSED(a);
  const rg_plan *plan = s->plan;
  long line = DIAG(r)->line;
  o->i = -1;
  for (int t = 1; t < plan->n_tasks; t++)
    if (plan->tasks[t].line < plan->tasks[t - 1].line) return;
  if (line <= 0) return;
  int lo = 0, hi = plan->n_tasks; /* first task with line > line */
  while (lo < hi) {
    int mid = (lo + hi) / 2;
    if (plan->tasks[mid].line <= line)
      lo = mid + 1;
    else
      hi = mid;
  }
  o->i = lo - 1;
}

/* A diagnostic in Chinese: what its code means, with the task it falls in. */
static const rg_value_label diag_zh[] = {
    {"no-units", "这一项没有写明任何责任单位", NULL},
    {"no-lead", "这一项没有牵头单位", NULL},
    {"duplicate-number", "同一章内任务编号重复", NULL},
    {"lead-and-support", "同一单位既列为牵头又列为配合，按牵头计", NULL},
    {"unknown-label", "有未识别的标签（如“督办单位”），其中的单位未计入", NULL},
    {"orphan-label", "第一项任务之前出现的单位行，未计入", NULL},
    {"hidden-cells", "Excel 中隐藏的行或列，已照常读取，请取消隐藏核对", NULL},
    {"other-sheets", "工作簿的其他工作表也有任务表，只读取了一个", NULL},
    {"no-text-layer", "PDF 中有页面没有文字（扫描件），这些页未读取", NULL},
    {"suspect-unit", "名称不像一个单位，未计入分析（确属单位可用 --accept-unit 接纳）", NULL},
    {"bad-bytes", "文件中有无法识别的字符，已替换", NULL},
    {"encoding", "文件的编码", NULL},
    {"traditional", "繁体字已转换为简体", NULL},
    {"roster", "按名单展开了集合单位", NULL},
    {NULL, NULL, NULL}};

static void d_message_zh(const rg_table_src *s, rg_row r, int a, rg_cell *o) {
  const rg_diag *dg = DIAG(r);
  const char *what = NULL;
  for (const rg_value_label *v = diag_zh; v->value && !what; v++)
    if (dg->code && !strcmp(v->value, dg->code)) what = v->zh;
  if (!what) { /* a code without a translation keeps its words */
    o->s = dg->message;
    return;
  }
  d_task(s, r, a, o);
  if (o->i >= 0)
    o->s = rg_cell_printf(o, "任务 %s：%s。（%s）", s->plan->tasks[o->i].number, what, dg->message);
  else
    o->s = rg_cell_printf(o, "%s。（%s）", what, dg->message);
  o->i = 0;
}

static const rg_value_label severities[] = {{"note", "提示", "note"},
                                            {"warning", "警告", "warning"},
                                            {"error", "错误", "error"},
                                            {NULL, NULL, NULL}};

static const rg_column diag_cols[] = {
    COL("file", "文件", "file", RG_COL_STR, .get = d_file),
    COL("line", "行号", "line", RG_COL_INT, .width = 8, .flags = RG_COLF_ZERO_NONE | RG_COLF_LINE,
        .get = d_line),
    COL("severity", "级别", "severity", RG_COL_STR, .width = 9, .values = severities,
        .get = d_severity),
    COL("code", "代码", "code", RG_COL_STR, .width = 18, .flags = RG_COLF_CODE, .get = d_code),
    COL("message", "说明", "message", RG_COL_STR, .width = 90, .get = d_message),
    COL("message_zh", "说明", "message", RG_COL_STR, .width = 90, .get = d_message_zh),
    COL("where", "位置", "where", RG_COL_STR, .get = d_where),
    COL("task", "所在任务", "task", RG_COL_TASK, .get = d_task),
};

const rg_schema rg_schema_diags = {"diagnostics", diag_cols,  N(diag_cols),
                                   RG_ROW_OTHER,  rows_diags, diag_row_class};

/* ================================================================= reading
 * How the plan was read (reading.h): one row per item, row.i the item and
 * row.j its index among conventions or headers. Rows, in order: format
 * (format and encoding), level (the document's level and the text it comes
 * from), each convention the plan states (with the line that states it and
 * the tasks it holds for), each table header and its meaning, prose (when
 * units were read from sentences), read (counts of tasks, links and names
 * kept out). `check` prints them before the diagnostics; the report shows
 * them in 诊断, the 读取方式 sheet and report.json's "reading". */

enum { RD_FORMAT, RD_LEVEL, RD_CONVENTION, RD_HEADER, RD_PROSE, RD_READ };

static const rg_reading *reading_of(const rg_plan *plan) {
  static const rg_reading none = {0}; /* read-only: a plan no reader recorded */
  return plan->reading ? plan->reading : &none;
}

static int rows_reading(const rg_table_src *s, rg_row *out) {
  const rg_reading *r = reading_of(s->plan);
  int n = 0;
#define ROW(kind, k)                                                                               \
  do {                                                                                             \
    if (out) out[n] = (rg_row){kind, k};                                                           \
    n++;                                                                                           \
  } while (0)
  ROW(RD_FORMAT, -1);
  ROW(RD_LEVEL, -1);
  for (int k = 0; k < r->n_conv; k++)
    ROW(RD_CONVENTION, k);
  for (int k = 0; k < r->n_headers; k++)
    ROW(RD_HEADER, k);
  if (r->prose) ROW(RD_PROSE, -1);
  ROW(RD_READ, -1);
#undef ROW
  return n;
}

static const char *const reading_items[] = {"format", "level", "convention",
                                            "header", "prose", "read"};

GET(rd_item, s, reading_items[r.i])

static long reading_line(const rg_table_src *s, rg_row r) {
  const rg_reading *x = reading_of(s->plan);
  if (r.i == RD_LEVEL) return x->level != RG_LEVEL_UNKNOWN ? x->level_line : 0;
  return r.i == RD_CONVENTION ? x->conv[r.j].line : 0;
}

GETTER(rd_line, source_line(s->plan, reading_line(s, r), o))

/* The page's place column: the line as a reader says it (第 61 行, line 61),
 * or the location in a plan read from Word, Excel or PDF. */
static void rd_place(const rg_table_src *s, rg_row r, int a, rg_cell *o) {
  UNUSED(a);
  long line = reading_line(s, r);
  if (line <= 0) return;
  source_line(s->plan, line, o);
  if (!o->s) o->s = rg_cell_printf(o, s->rd && !s->rd->zh ? "line %ld" : "第 %ld 行", line);
}

/* "in force for every task (10)": the tasks a convention holds for. */
static const char *convention_scope(const rg_plan *plan, const rg_convention *c, rg_cell *o) {
  int from = c->from_task < plan->n_tasks ? c->from_task : plan->n_tasks;
  int n = plan->n_tasks - from;
  if (n <= 0) return "no task comes after it";
  if (from == 0) return rg_cell_printf(o, "in force for every task (%d)", n);
  return rg_cell_printf(o, "in force from task %s on (%d tasks)", plan->tasks[from].number, n);
}

static const char *convention_text(const rg_plan *plan, const rg_convention *c, rg_cell *o) {
  const char *scope = convention_scope(plan, c, o);
  switch (c->kind) {
  case RG_CONV_FIRST_LEADS:
    return rg_cell_printf(o, "first listed unit leads, the others support: \"%s\"; %s", c->text,
                          scope);
  case RG_CONV_STANDING:
    return rg_cell_printf(o,
                          "standing unit %s (%s) in every %stask without being listed: \"%s\"; "
                          "%s; added to %d",
                          c->unit, rg_role_name(c->role), c->needs_lead ? "led " : "", c->text,
                          scope, c->applied);
  case RG_CONV_MARKER:
    return rg_cell_printf(o, "units marked %s lead: \"%s\"; %s; %d marked", c->unit, c->text, scope,
                          c->applied);
  case RG_CONV_ALL_RESPONSIBLE:
    return rg_cell_printf(o,
                          "no task names a lead and no rule says who leads: every listed "
                          "responsible unit (%s) is read as responsible, a lead; %d links",
                          c->text, c->applied);
  }
  return "";
}

static const char *level_text(const rg_reading *x, rg_cell *o) {
  const char *from = x->level_from ? x->level_from : "";
  if (x->level == RG_LEVEL_UNKNOWN)
    return "unknown (no issuing body or title names one): names are kept as printed, with no "
           "prefix added";
  if (x->prefix[0])
    return rg_cell_printf(o,
                          "%s, from \"%s\": a bare department name takes the prefix %s "
                          "(发展改革委 -> %s发展改革委)",
                          rg_level_name(x->level), from, x->prefix, x->prefix);
  return rg_cell_printf(o,
                        "%s, from \"%s\": bare national names are canonical (发展改革委 -> "
                        "国家发展改革委, 中国人民银行 -> 人民银行)",
                        rg_level_name(x->level), from);
}

#define PLURAL(n) ((n) == 1 ? "" : "s")

static const char *counts_text(const rg_plan *plan, const rg_reading *x, rg_cell *o) {
  int lead = 0, concrete = rg_plan_count_concrete_links(plan, &lead);
  return rg_cell_printf(o,
                        "%d tasks, %d links (%d to concrete units, %d of them lead; %d to "
                        "collectives or unspecified units); kept out: %d suspect name%s, %d "
                        "person%s, %d rule sentence%s",
                        plan->n_tasks, plan->n_links, concrete, lead, plan->n_links - concrete,
                        x->n_suspect, PLURAL(x->n_suspect), x->n_person, PLURAL(x->n_person),
                        x->n_rules, PLURAL(x->n_rules));
}

static void rd_text(const rg_table_src *s, rg_row r, int a, rg_cell *o) {
  UNUSED(a);
  const rg_reading *x = reading_of(s->plan);
  switch (r.i) {
  case RD_FORMAT:
    o->s = rg_cell_printf(o, "%s, %s", x->format ? x->format : "unknown format",
                          x->encoding ? x->encoding : "UTF-8");
    break;
  case RD_LEVEL:
    o->s = level_text(x, o);
    break;
  case RD_CONVENTION:
    o->s = convention_text(s->plan, &x->conv[r.j], o);
    break;
  case RD_HEADER:
    o->s = rg_cell_printf(o, "%s: %s", x->headers[r.j].header, x->headers[r.j].meaning);
    break;
  case RD_PROSE:
    o->s = "units read from sentences (公安部负责…, X会同Y研究提出…): the units a task's first "
           "duty clause opens with lead (or those before 会同), units after 会同 and units first "
           "named in later clauses support";
    break;
  default:
    o->s = counts_text(s->plan, x, o);
  }
}

static const rg_value_label reading_labels[] = {{"format", "格式与编码", "format"},
                                                {"level", "文件层级", "level"},
                                                {"convention", "约定", "convention"},
                                                {"header", "表头", "header"},
                                                {"prose", "正文读取", "prose"},
                                                {"read", "读取结果", "read"},
                                                {NULL, NULL, NULL}};

static const rg_column reading_cols[] = {
    COL("item", "项目", "item", RG_COL_STR, .width = 12, .values = reading_labels, .get = rd_item),
    COL("line", "行号", "line", RG_COL_INT, .width = 8, .flags = RG_COLF_ZERO_NONE | RG_COLF_LINE,
        .get = rd_line),
    COL("place", "位置", "where", RG_COL_STR, .width = 10, .get = rd_place),
    COL("text", "说明", "reading", RG_COL_STR, .width = 100, .get = rd_text),
};

const rg_schema rg_schema_reading = {"reading",    reading_cols, N(reading_cols),
                                     RG_ROW_OTHER, rows_reading, NULL};

/* ================================================================= explain
 * How each name of one task was read (check --explain TASK: src->task), one
 * row per name in the order read (row.i: the reading event). Needs a plan
 * loaded with rg_load_opts.record. */

static int rows_explain(const rg_table_src *s, rg_row *out) {
  const rg_reading *r = reading_of(s->plan);
  int n = 0;
  for (int k = 0; k < r->n_ev; k++)
    if (r->ev[k].task == s->task) {
      if (out) out[n] = (rg_row){k, -1};
      n++;
    }
  return n;
}

#define EVENT(r) (&reading_of(s->plan)->ev[(r).i])

GET(e_name, s, EVENT(r)->name)
GET(e_unit, i, EVENT(r)->unit)
static void e_kind(const rg_table_src *s, rg_row r, int a, rg_cell *o) {
  UNUSED(a);
  int u = EVENT(r)->unit;
  o->s = u >= 0 ? rg_kind_name(s->plan->units[u].kind) : NULL;
}
/* The role the link has now (a later note may have raised it). */
static void e_role(const rg_table_src *s, rg_row r, int a, rg_cell *o) {
  UNUSED(a);
  const rg_reading_event *e = EVENT(r);
  if (e->unit < 0) return;
  int l = rg_plan_find_link(s->plan, e->task, e->unit);
  o->s = rg_role_name(l >= 0 ? s->plan->links[l].role : e->role);
}
GET(e_how, s, EVENT(r)->how)
GET(e_rule, s, EVENT(r)->why)
GETTER(e_line, source_line(s->plan, EVENT(r)->line, o))

static const rg_column explain_cols[] = {
    COL("name", "名称", "name", RG_COL_STR, .get = e_name),
    COL("unit", "单位", "unit", RG_COL_UNIT, .get = e_unit),
    COL("kind", "类别", "kind", RG_COL_STR, .get = e_kind),
    COL("role", "角色", "role", RG_COL_STR, .get = e_role),
    COL("how", "读作", "how", RG_COL_STR, .get = e_how),
    COL("rule", "规则", "rule", RG_COL_STR, .get = e_rule),
    COL("line", "行号", "line", RG_COL_INT, .flags = RG_COLF_LINE, .get = e_line),
};

const rg_schema rg_schema_explain = {"explain",    explain_cols, N(explain_cols),
                                     RG_ROW_OTHER, rows_explain, NULL};

/* ================================================================ meetings
 * Rows are meetings (row.i) that only_unit attends (all when -1); agenda
 * rows are (meeting, k-th task). */

static int shown(const rg_table_src *s, int m) {
  return s->only_unit < 0 || rg_meeting_has_unit(&s->mp->meetings[m], s->only_unit);
}

static int rows_meetings(const rg_table_src *s, rg_row *out) {
  int n = 0;
  for (int m = 0; m < s->mp->n_meetings; m++)
    if (shown(s, m)) {
      if (out) out[n] = (rg_row){m, -1};
      n++;
    }
  return n;
}

static int rows_agenda(const rg_table_src *s, rg_row *out) {
  int n = 0;
  for (int m = 0; m < s->mp->n_meetings; m++)
    for (int k = 0; shown(s, m) && k < s->mp->meetings[m].n_tasks; k++, n++)
      if (out) out[n] = (rg_row){m, k};
  return n;
}

#define MEETING(r) (&s->mp->meetings[(r).i])

GET(g_id, i, MEETING(r)->id)
GET(g_slot, i, MEETING(r)->slot)
GET(g_convener, i, MEETING(r)->convener)
GET(g_n, i, MEETING(r)->n_attendees)
GET_REFS(g_attendees, MEETING(r)->attendees, MEETING(r)->n_attendees)
/* Invited groups, each with its roster members: 各区、县(市)政府（和平区政府、…）. */
static void g_groups(const rg_table_src *s, rg_row r, int a, rg_cell *o) {
  UNUSED(a);
  const rg_meeting *m = MEETING(r);
  const char **items = rg_cell_alloc(o, ((size_t)m->n_groups + 1) * sizeof *items);
  for (int k = 0; k < m->n_groups; k++) {
    rg_buf b = {0};
    rg_meetings_group_text(s->plan, s->mp, m->groups[k], &b);
    items[k] = strcpy(rg_cell_alloc(o, b.n + 1), b.s);
    free(b.s);
  }
  o->items = items;
  o->n_items = m->n_groups;
}
GET_REFS(g_tasks, MEETING(r)->tasks, MEETING(r)->n_tasks)
GET(g_reason, s, MEETING(r)->reason)
GET(g_title, s, MEETING(r)->title)
GET(g_relevance, r, MEETING(r)->relevance)
GET(g_due, s, iso_day(o, MEETING(r)->due))
GET(g_late, i, MEETING(r)->late)
GET(g_minutes, i, MEETING(r)->unit_minutes)
GET(g_oversize, i, MEETING(r)->oversize)
GET(g_task, i, MEETING(r)->tasks[r.j])
GET(g_text, s, s->plan->tasks[MEETING(r)->tasks[r.j]].text)

/* The meeting's day as 2026-09-21. */
GETTER(g_date, char *b = rg_cell_alloc(o, 16); rg_date_iso(MEETING(r)->day, b, 16); o->s = b)
/* The day as readers see it, in the plan's language: 2026年9月21日（星期一）. */
GETTER(g_date_label, char *b = rg_cell_alloc(o, 64);
       rg_date_label(MEETING(r)->day, s->mp->opts.lang_en, b, 64); o->s = b)
GETTER(g_start,
       o->s = rg_cell_printf(o, "%02d:%02d", MEETING(r)->start / 60, MEETING(r)->start % 60))
GETTER(g_end, o->s = rg_cell_printf(o, "%02d:%02d", MEETING(r)->end / 60, MEETING(r)->end % 60))
GETTER(g_time, const rg_meeting *m = MEETING(r);
       o->s = rg_cell_printf(o, "%02d:%02d-%02d:%02d", m->start / 60, m->start % 60, m->end / 60,
                             m->end % 60))

/* Agenda items as "2 以企业真实需求为导向，适时出台…", joined by "；". */
#define AGENDA_CHARS 16
static void g_agenda(const rg_table_src *s, rg_row r, int a, rg_cell *o) {
  UNUSED(a);
  const rg_meeting *m = MEETING(r);
  size_t cap = 1;
  for (int k = 0; k < m->n_tasks; k++)
    cap += strlen(s->plan->tasks[m->tasks[k]].number) + AGENDA_CHARS * 4 + 16;
  char *b = rg_cell_alloc(o, cap), *w = b;
  for (int k = 0; k < m->n_tasks; k++) {
    const rg_task *t = &s->plan->tasks[m->tasks[k]];
    size_t len = strlen(t->text), cut = rg_utf8_offset(t->text, len, AGENDA_CHARS);
    w += snprintf(w, cap - (size_t)(w - b), "%s%s %.*s%s", k ? "；" : "", t->number, (int)cut,
                  t->text, cut < len ? "…" : "");
  }
  o->s = b;
}

#define MEETING_COLS                                                                               \
  COL("id", "编号", "no.", RG_COL_INT, .get = g_id),                                               \
      COL("slot", "时段", "slot", RG_COL_INT, .get = g_slot),                                      \
      COL("date", "日期", "date", RG_COL_STR, .width = 12, .get = g_date),                         \
      COL("date_label", "日期", "date", RG_COL_STR, .width = 22, .get = g_date_label),             \
      COL("time", "时间", "time", RG_COL_STR, .width = 12, .get = g_time),                         \
      COL("start", "开始", "start", RG_COL_STR, .get = g_start),                                   \
      COL("end", "结束", "end", RG_COL_STR, .get = g_end),                                         \
      COL("title", "会议名称", "meeting", RG_COL_STR, .width = 40, .get = g_title),                \
      COL("convener", "召集单位", "convener", RG_COL_UNIT, .width = 18, .get = g_convener),        \
      COL("attendees", "参会单位", "attendees", RG_COL_UNITS, .width = 40, .get = g_attendees),    \
      COL("groups", "列席/邀请", "invited groups", RG_COL_LIST, .width = 20, .get = g_groups),     \
      COL("relevance", "相关度", "relevance", RG_COL_REAL, .digits = 2, .num_format = "0.00",      \
          .get = g_relevance),                                                                     \
      COL("reason", "安排理由", "reason", RG_COL_STR, .width = 40, .get = g_reason)

static const rg_column meeting_cols[] = {
    MEETING_COLS,
    COL("n", "单位数", "attendees", RG_COL_INT, .get = g_n),
    COL("tasks", "议题", "agenda", RG_COL_TASKS, .get = g_tasks),
    COL("agenda", "议题", "agenda", RG_COL_STR, .width = 50, .get = g_agenda),
    COL("unit_minutes", "单位·分钟", "unit-minutes", RG_COL_INT, .get = g_minutes),
    COL("oversize", "超员", "oversize", RG_COL_BOOL, .get = g_oversize),
    COL("due", "任务时限", "due by", RG_COL_STR, .width = 12,
        .hint_zh = "议题中最早的完成时限（阶段节点优先）",
        .hint_en = "the earliest deadline of its agenda (a milestone first)", .get = g_due),
    COL("late", "晚于时限", "after the deadline", RG_COL_BOOL, .width = 9, .get = g_late),
};

const rg_schema rg_schema_meetings = {"meetings",   meeting_cols,  N(meeting_cols),
                                      RG_ROW_OTHER, rows_meetings, NULL};

static const rg_column agenda_cols[] = {
    MEETING_COLS,
    COL("task", "议题", "item", RG_COL_TASK, .width = 8, .get = g_task),
    COL("text", "任务", "task", RG_COL_STR, .width = 60, .get = g_text),
};

const rg_schema rg_schema_agenda = {"agenda",     agenda_cols, N(agenda_cols),
                                    RG_ROW_OTHER, rows_agenda, NULL};

/* =================================================================== views
 * One per output: VIEW(name, schema, rows, flags, sheet zh, sheet en, frozen
 * columns, columns...). A column is {.key = "load"} plus what this output
 * changes: .as (the key written), .zh/.en (labels), .width, .flags (RG_VC_*),
 * .max. */

#define VIEW(name, schema_, rows_, flags_, zh_, en_, freeze_, ...)                                 \
  static const rg_view_col name##_cols[] = {__VA_ARGS__};                                          \
  const rg_view name = {&schema_, zh_, en_, name##_cols, N(name##_cols), rows_, flags_, freeze_}

/* ---- command line --------------------------------------------------------- */

/* Terminal tables fit 120 columns: what a reader needs first is shown,
 * the rest (RG_VC_WIDE, RG_COLF_WIDE) comes with --wide, CSV and JSON. */
#define WIDE(k)                                                                                    \
  { .key = k, .flags = RG_VC_WIDE }
/* The deadline as dates: wide, and only for a plan that has deadlines. */
#define DATED(k)                                                                                   \
  { .key = k, .flags = RG_VC_WIDE | RG_VC_DATED }
VIEW(rg_view_units, rg_schema_units, NULL, 0, NULL, NULL, 0, {.key = "unit"}, WIDE("kind"),
     {.key = "led"}, {.key = "supported"}, {.key = "load"}, {.key = "partners"}, WIDE("strength"),
     {.key = "betweenness"}, {.key = "harmonic"}, {.key = "eigenvector"}, {.key = "pagerank"},
     {.key = "constraint"}, {.key = "coreness"}, WIDE("cluster"), {.key = "overloaded"},
     {.key = "fractional"}, WIDE("share"), WIDE("chapters"), WIDE("burden"), WIDE("zscore"),
     WIDE("rank"), {.key = "participation"}, {.key = "top_chapters"}, {.key = "cluster_name"});

/* The fence, Q1, Q3 and IQR are the same in every row: the line above the
 * table states them once; the full reason repeats them, so it is wide. */
VIEW(rg_view_overload, rg_schema_units, rows_overloaded, 0, NULL, NULL, 0, {.key = "unit"},
     {.key = "load"}, {.key = "led"}, {.key = "supported"}, {.key = "zscore"}, {.key = "rank"},
     WIDE("reason"), {.key = "top_chapters"}, WIDE("fence"), WIDE("q1"), WIDE("q3"), WIDE("iqr"));

VIEW(rg_view_collectives, rg_schema_units, rows_collectives, 0, NULL, NULL, 0,
     {.key = "unit", .as = "name"}, {.key = "kind"}, {.key = "n_tasks"}, {.key = "tasks"});

/* Strongest first; shared (= the number of tasks listed) only with --weighting
 * newman makes it differ from weight, so it is left to CSV and JSON. */
VIEW(rg_view_ties, rg_schema_ties, rows_ties_by_weight, 0, NULL, NULL, 0, {.key = "unit_a"},
     {.key = "unit_b"}, {.key = "weight"}, {.key = "p"}, {.key = "backbone"}, {.key = "tasks"},
     WIDE("shared"));

/* A cluster by its name; its tasks are those most of whose units are in it
 * (the line above the table says so); the lists are wide. */
VIEW(rg_view_clusters, rg_schema_clusters, NULL, 0, NULL, NULL, 0, {.key = "id"}, {.key = "name"},
     {.key = "size"}, {.key = "n_tasks"}, {.key = "bridges"}, WIDE("units"), WIDE("mostly_tasks"),
     WIDE("tasks"), WIDE("crossing_tasks"));

VIEW(rg_view_tasks, rg_schema_tasks, NULL, 0, NULL, NULL, 0, {.key = "task"}, {.key = "ordinal"},
     {.key = "chapter"}, {.key = "section"}, {.key = "leads"}, {.key = "supports"},
     {.key = "open_list"}, {.key = "deadline"}, {.key = "line"}, {.key = "text"}, DATED("due_kind"),
     DATED("due_from"), DATED("due_by"), DATED("milestone"), {.key = "light", .flags = RG_VC_AS_OF},
     {.key = "light_date", .flags = RG_VC_AS_OF});

/* The report's 按月负荷 and 按季度负荷: the fences are in each period's header
 * hint, so the table fits a printed page. */
VIEW(rg_view_periods_report, rg_schema_periods, NULL, RG_VIEW_MARK_ROWS, NULL, NULL, 1,
     {.key = "unit"}, {.key = "load"}, {.key = "load_in", .flags = RG_VC_PER_CHAPTER},
     {.key = "peak"}, {.key = "over_in"});

/* The report's 督办状态 (report --as-of): every task with a deadline and its light. */
static int rows_dated(const rg_table_src *s, rg_row *out) {
  int n = 0;
  for (int t = 0; t < s->plan->n_tasks; t++)
    if (s->plan->tasks[t].due.start) {
      if (out) out[n] = (rg_row){t, -1};
      n++;
    }
  return n;
}
VIEW(rg_view_lights, rg_schema_tasks, rows_dated, RG_VIEW_MARK_ROWS, "督办状态", "Deadline status",
     1, {.key = "task"}, {.key = "light"}, {.key = "light_date"}, {.key = "deadline"},
     {.key = "leads"}, {.key = "text"}, {.key = "due_from"}, {.key = "due_by"});

/* respgraph load --by quarter|month: the fences per period are wide (the
 * page shows them in each period's header hint). */
VIEW(rg_view_periods, rg_schema_periods, NULL, RG_VIEW_MARK_ROWS, "分期负荷", "Load by period", 1,
     {.key = "unit"}, {.key = "load"}, {.key = "load_in", .flags = RG_VC_PER_CHAPTER},
     {.key = "peak"}, {.key = "over_in"},
     {.key = "fence_in", .flags = RG_VC_PER_CHAPTER | RG_VC_WIDE});

VIEW(rg_view_edges, rg_schema_edges, NULL, 0, NULL, NULL, 0, {.key = "task"}, {.key = "role"},
     {.key = "unit"}, {.key = "kind"}, {.key = "chapter"}, {.key = "line"});

/* check's text output opens with it (plan_out.c); check --explain TASK. */
VIEW(rg_view_reading, rg_schema_reading, NULL, 0, NULL, NULL, 0, {.key = "item"}, {.key = "line"},
     {.key = "text"});

VIEW(rg_view_explain, rg_schema_explain, NULL, 0, NULL, NULL, 0, {.key = "name"}, {.key = "unit"},
     {.key = "kind"}, {.key = "role"}, {.key = "how"}, {.key = "rule"}, {.key = "line"});

VIEW(rg_view_diags, rg_schema_diags, rows_diags_by_line, 0, NULL, NULL, 0, {.key = "file"},
     {.key = "line"}, {.key = "severity"}, {.key = "code"}, {.key = "message"});

/* respgraph meetings (table and CSV): one row per meeting, headed in Chinese
 * (the labels are the keys written) or, with --lang en, in English. */
#define ZH(k)                                                                                      \
  { .key = k, .as = NULL, .flags = RG_VC_LABEL_ZH }
#define EN(k)                                                                                      \
  { .key = k, .as = NULL, .flags = RG_VC_LABEL_EN }
/* due and late only for a plan with deadlines (RG_VC_DATED) */
VIEW(rg_view_meetings, rg_schema_meetings, NULL, 0, NULL, NULL, 0, ZH("id"), ZH("date"), ZH("time"),
     ZH("title"), ZH("convener"), ZH("attendees"), ZH("groups"), ZH("agenda"), ZH("relevance"),
     {.key = "due", .flags = RG_VC_LABEL_ZH | RG_VC_DATED},
     {.key = "late", .flags = RG_VC_LABEL_ZH | RG_VC_DATED});
VIEW(rg_view_meetings_en, rg_schema_meetings, NULL, 0, NULL, NULL, 0, EN("id"), EN("date"),
     EN("time"), EN("title"), EN("convener"), EN("attendees"), EN("groups"), EN("agenda"),
     EN("relevance"), {.key = "due", .flags = RG_VC_LABEL_EN | RG_VC_DATED},
     {.key = "late", .flags = RG_VC_LABEL_EN | RG_VC_DATED});

/* A notice's agenda: item, text. */
VIEW(rg_view_agenda_text, rg_schema_agenda, NULL, 0, NULL, NULL, 0, {.key = "task"},
     {.key = "text"});

/* The report's 会议安排 section and sheet: dates as readers write them. */
VIEW(rg_view_agenda, rg_schema_meetings, NULL, 0, "会议安排", "Meetings", 1, {.key = "id"},
     {.key = "date_label"}, {.key = "time"}, {.key = "title"}, {.key = "convener"},
     {.key = "attendees"}, {.key = "groups"}, {.key = "agenda"}, {.key = "relevance"},
     {.key = "reason"}); /* due and late: the section's note says which are late */

/* meetings -f json: the keys of issue 15. */
VIEW(rg_view_meetings_json, rg_schema_meetings, NULL, 0, NULL, NULL, 0, {.key = "id"},
     {.key = "date"}, {.key = "start"}, {.key = "end"}, {.key = "title"}, {.key = "convener"},
     {.key = "attendees"}, {.key = "groups"}, {.key = "tasks"}, {.key = "relevance"},
     {.key = "reason"}, {.key = "due", .flags = RG_VC_DATED},
     {.key = "late", .flags = RG_VC_DATED});

/* ---- report: CSV and report.json ------------------------------------------ */

/* As printed: tasks.csv names and orders its columns its own way. */
VIEW(rg_view_tasks_csv, rg_schema_tasks, NULL, 0, NULL, NULL, 0, {.key = "task", .as = "number"},
     {.key = "ordinal"}, {.key = "chapter"}, {.key = "text"}, {.key = "leads", .as = "lead"},
     {.key = "supports", .as = "support"}, {.key = "deadline"}, {.key = "open_list"},
     {.key = "line"}, {.key = "due_kind", .flags = RG_VC_DATED},
     {.key = "due_from", .flags = RG_VC_DATED}, {.key = "due_by", .flags = RG_VC_DATED},
     {.key = "milestone", .flags = RG_VC_DATED});

/* report.json keeps "line" a number; a plan read from Word, Excel or PDF adds
 * "location", the place as the user finds it (¶12, 任务!C12, p3:14). */
VIEW(rg_view_json_tasks, rg_schema_tasks, NULL, 0, NULL, NULL, 0, {.key = "index"},
     {.key = "task", .as = "number"}, {.key = "ordinal"}, {.key = "chapter_index", .as = "chapter"},
     {.key = "section_index", .as = "section"}, {.key = "text"}, {.key = "original"},
     {.key = "deadline"}, {.key = "line", .flags = RG_VC_LINE_NUMBER},
     {.key = "line", .as = "location", .flags = RG_VC_LOCATED}, {.key = "open_list"},
     {.key = "concrete_units"}, {.key = "leads", .as = "lead"},
     {.key = "supports", .as = "support"}, {.key = "due_kind", .flags = RG_VC_DATED},
     {.key = "due_from", .flags = RG_VC_DATED}, {.key = "due_by", .flags = RG_VC_DATED},
     {.key = "milestone", .flags = RG_VC_DATED});

VIEW(rg_view_json_units, rg_schema_units, NULL, 0, NULL, NULL, 0, {.key = "unit", .as = "name"},
     {.key = "index"}, {.key = "aliases"}, {.key = "first_line"}, {.key = "rank"}, {.key = "load"},
     {.key = "led"}, {.key = "supported"}, {.key = "fractional"}, {.key = "share"},
     {.key = "chapters"}, {.key = "partners"}, {.key = "burden"}, {.key = "strength"},
     {.key = "betweenness"}, {.key = "harmonic"}, {.key = "eigenvector"}, {.key = "pagerank"},
     {.key = "constraint"}, {.key = "coreness"}, {.key = "cluster"}, {.key = "participation"},
     {.key = "overloaded"}, {.key = "zscore"}, {.key = "chapter_load"}, {.key = "lead_tasks"},
     {.key = "support_tasks"});

VIEW(rg_view_json_other_units, rg_schema_units, rows_other, 0, NULL, NULL, 0,
     {.key = "unit", .as = "name"}, {.key = "index"}, {.key = "kind"}, {.key = "lead_tasks"},
     {.key = "support_tasks"});

VIEW(rg_view_json_ties, rg_schema_ties, NULL, 0, NULL, NULL, 0, {.key = "unit_a", .as = "a"},
     {.key = "unit_b", .as = "b"}, {.key = "shared"}, {.key = "weight"}, {.key = "p"},
     {.key = "backbone"}, {.key = "tasks"});

VIEW(rg_view_json_clusters, rg_schema_clusters, NULL, 0, NULL, NULL, 0, {.key = "id"},
     {.key = "name"}, {.key = "units"}, {.key = "mostly_tasks", .as = "mostly"}, {.key = "tasks"},
     {.key = "crossing_tasks", .as = "crossing"}, {.key = "bridges"});

VIEW(rg_view_json_diags, rg_schema_diags, NULL, 0, NULL, NULL, 0, {.key = "severity"},
     {.key = "line", .flags = RG_VC_LINE_NUMBER},
     {.key = "line", .as = "location", .flags = RG_VC_LOCATED}, {.key = "code"},
     {.key = "message"});

VIEW(rg_view_json_reading, rg_schema_reading, NULL, 0, NULL, NULL, 0, {.key = "item"},
     {.key = "line", .flags = RG_VC_LINE_NUMBER},
     {.key = "line", .as = "location", .flags = RG_VC_LOCATED}, {.key = "text"});

/* ---- report.xlsx ------------------------------------------------------------- */

VIEW(rg_view_sheet_tasks, rg_schema_tasks, NULL, 0, "任务", "Tasks", 0,
     {.key = "task", .flags = RG_VC_NUMBER}, {.key = "chapter"}, {.key = "text"}, {.key = "leads"},
     {.key = "supports"}, {.key = "deadline"}, {.key = "open_list"}, {.key = "line"},
     {.key = "due_kind", .flags = RG_VC_DATED}, {.key = "due_from", .flags = RG_VC_DATED},
     {.key = "due_by", .flags = RG_VC_DATED}, {.key = "milestone", .flags = RG_VC_DATED});

VIEW(rg_view_sheet_load, rg_schema_units, NULL, RG_VIEW_MARK_ROWS, "单位负荷", "Load", 2,
     {.key = "rank"}, {.key = "unit"}, {.key = "load"}, {.key = "led"}, {.key = "supported"},
     {.key = "share"}, {.key = "chapters"}, {.key = "partners"}, {.key = "burden"},
     {.key = "cluster", .width = 6}, {.key = "cluster_name"}, {.key = "zscore"},
     {.key = "overloaded"}, {.key = "load_in_chapter", .flags = RG_VC_PER_CHAPTER});

VIEW(rg_view_sheet_centrality, rg_schema_units, NULL, 0, "中心性", "Centrality", 0, {.key = "unit"},
     {.key = "strength"}, {.key = "betweenness"}, {.key = "harmonic"}, {.key = "eigenvector"},
     {.key = "pagerank"}, {.key = "constraint"}, {.key = "coreness"}, {.key = "participation"},
     {.key = "cluster"});

VIEW(rg_view_sheet_ties, rg_schema_ties, rows_ties_by_weight, 0, "协作关系", "Ties", 0,
     {.key = "unit_a"}, {.key = "unit_b"}, {.key = "shared"}, {.key = "weight"}, {.key = "p"},
     {.key = "backbone"}, {.key = "tasks"}, {.key = "task_texts"});

VIEW(rg_view_sheet_clusters, rg_schema_members, NULL, 0, "聚类", "Clusters", 0, {.key = "cluster"},
     {.key = "cluster_name"}, {.key = "unit"}, {.key = "load"}, {.key = "participation"},
     {.key = "bridge"}, {.key = "cluster_units"}, {.key = "tasks_inside"}, {.key = "crossing"});

/* One row per task-unit link: who does what, for filtering by unit. */
VIEW(rg_view_sheet_links, rg_schema_edges, NULL, 0, "任务分工", "Task links", 0,
     {.key = "task", .flags = RG_VC_NUMBER}, {.key = "text"}, {.key = "role"}, {.key = "unit"},
     {.key = "chapter"}, {.key = "deadline"});

VIEW(rg_view_sheet_diags, rg_schema_diags, NULL, 0, "诊断", "Diagnostics", 0, {.key = "severity"},
     {.key = "line"}, {.key = "code"}, {.key = "message_zh"});

VIEW(rg_view_sheet_reading, rg_schema_reading, NULL, 0, "读取方式", "Reading", 0, {.key = "item"},
     {.key = "line"}, {.key = "text"});

/* ---- index.html ---------------------------------------------------------------- */

/* As printed: the page says lead/support and share % where the workbook says
 * led/supported and share; it draws at most RG_HTML_MAX_CHAPTER_COLS
 * chapter columns. */
VIEW(rg_view_page_load, rg_schema_units, NULL, RG_VIEW_MARK_ROWS, NULL, NULL, 0, {.key = "rank"},
     {.key = "unit"}, {.key = "load"}, {.key = "led", .en = "lead"},
     {.key = "supported", .en = "support"}, {.key = "share", .zh = "占比%", .en = "share %"},
     {.key = "chapters"}, {.key = "partners"}, {.key = "burden"}, {.key = "cluster"},
     {.key = "zscore"},
     {.key = "load_in_chapter", .flags = RG_VC_PER_CHAPTER, .max = RG_HTML_MAX_CHAPTER_COLS});

VIEW(rg_view_page_centrality, rg_schema_units, NULL, 0, NULL, NULL, 0, {.key = "unit"},
     {.key = "strength"}, {.key = "betweenness"}, {.key = "harmonic"}, {.key = "eigenvector"},
     {.key = "pagerank"}, {.key = "constraint"}, {.key = "coreness"}, {.key = "participation"},
     {.key = "cluster", .flags = RG_VC_PLAIN});

/* As printed: "no." and "ch." in English, 章 in Chinese. */
VIEW(rg_view_page_tasks, rg_schema_tasks, NULL, 0, NULL, NULL, 0, {.key = "task", .en = "no."},
     {.key = "chapter", .zh = "章", .en = "ch."}, {.key = "text"},
     {.key = "open_list", .flags = RG_VC_BADGE}, {.key = "leads"}, {.key = "supports"},
     {.key = "deadline"});

VIEW(rg_view_page_diags, rg_schema_diags, NULL, RG_VIEW_MARK_ROWS, NULL, NULL, 0,
     {.key = "severity"}, {.key = "where"}, {.key = "code"}, {.key = "message"}, {.key = "task"});

VIEW(rg_view_page_reading, rg_schema_reading, NULL, 0, NULL, NULL, 0, {.key = "item"},
     {.key = "place"}, {.key = "text"});

/* ---- graph.graphml --------------------------------------------------------------- */

VIEW(rg_view_graphml_nodes, rg_schema_units, NULL, 0, NULL, NULL, 0, {.key = "unit", .as = "name"},
     {.key = "load"}, {.key = "led"}, {.key = "supported"}, {.key = "rank"}, {.key = "cluster"},
     {.key = "overloaded"}, {.key = "strength"}, {.key = "betweenness"}, {.key = "pagerank"},
     {.key = "eigenvector"}, {.key = "constraint"}, {.key = "coreness"}, {.key = "participation"});

VIEW(rg_view_graphml_edges, rg_schema_ties, NULL, 0, NULL, NULL, 0, {.key = "shared"},
     {.key = "weight"}, {.key = "tasks"});
