/* xlsx.c - report.xlsx: the workbook for readers who filter and sort in Excel. */
#include "xlsx.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "plan_out.h"
#include "report_json.h"

#define TR(zh, en) rg_report_tr(d, (zh), (en))

typedef struct book {
  lxw_workbook *wb;
  lxw_format *head, *wrap, *num, *over;
  const rg_report_data *d;
} book;

typedef struct sheet {
  lxw_worksheet *ws;
  int row; /* next row to write */
  int ncols;
} sheet;

static sheet new_sheet(book *b, const char *name, const char *const *heads, const double *widths,
                       int ncols) {
  sheet s = {workbook_add_worksheet(b->wb, name), 1, ncols};
  if (!s.ws) return s;
  for (int c = 0; c < ncols; c++) {
    worksheet_write_string(s.ws, 0, (lxw_col_t)c, heads[c], b->head);
    worksheet_set_column(s.ws, (lxw_col_t)c, (lxw_col_t)c, widths[c],
                         widths[c] > 40 ? b->wrap : NULL);
  }
  worksheet_freeze_panes(s.ws, 1, 0);
  return s;
}

static void finish(sheet *s) {
  if (!s->ws) return;
  worksheet_autofilter(s->ws, 0, 0, (lxw_row_t)(s->row > 1 ? s->row - 1 : 1),
                       (lxw_col_t)(s->ncols - 1));
}

static void str(sheet *s, int col, const char *v) {
  if (v) worksheet_write_string(s->ws, (lxw_row_t)s->row, (lxw_col_t)col, v, NULL);
}

static void numv(sheet *s, int col, double v) {
  if (isfinite(v)) worksheet_write_number(s->ws, (lxw_row_t)s->row, (lxw_col_t)col, v, NULL);
}

/* Unit names of task t with role, joined by "、" into a malloc'd string. */
static char *task_units(const rg_plan *plan, int t, rg_role role) {
  const rg_task *task = &plan->tasks[t];
  size_t n = 1;
  for (int k = 0; k < task->link_count; k++)
    n += strlen(plan->units[plan->links[plan->task_links[task->link_begin + k]].unit].name) + 3;
  char *out = rg_xmalloc(n);
  out[0] = '\0';
  for (int k = 0; k < task->link_count; k++) {
    const rg_link *l = &plan->links[plan->task_links[task->link_begin + k]];
    if (l->role != role) continue;
    if (out[0]) strcat(out, "、");
    strcat(out, plan->units[l->unit].name);
  }
  return out;
}

static void tasks_sheet(book *b) {
  const rg_report_data *d = b->d;
  const rg_plan *plan = d->plan;
  const char *heads[] = {TR("编号", "number"),
                         TR("章节", "chapter"),
                         TR("任务", "task"),
                         TR("牵头单位", "lead"),
                         TR("责任/配合单位", "support"),
                         TR("完成时限", "deadline"),
                         TR("名单未列全", "open list"),
                         TR("行号", "line")};
  const double widths[] = {8, 8, 70, 28, 45, 14, 10, 8};
  sheet s = new_sheet(b, TR("任务", "Tasks"), heads, widths, 8);
  if (!s.ws) return;
  for (int t = 0; t < plan->n_tasks; t++, s.row++) {
    const rg_task *task = &plan->tasks[t];
    /* a number as printed ("21") is a number in the sheet; anything else stays text */
    char *end = NULL;
    double v = task->number ? strtod(task->number, &end) : NAN;
    if (task->number && *task->number && end && !*end && isfinite(v))
      numv(&s, 0, v);
    else
      str(&s, 0, task->number);
    if (task->chapter >= 0 && task->chapter < plan->n_chapters)
      str(&s, 1, plan->chapters[task->chapter].number);
    str(&s, 2, task->text);
    char *l = task_units(plan, t, RG_ROLE_LEAD), *sp = task_units(plan, t, RG_ROLE_SUPPORT);
    str(&s, 3, l);
    str(&s, 4, sp);
    free(l);
    free(sp);
    str(&s, 5, task->deadline);
    if (task->open_list) str(&s, 6, TR("是", "yes"));
    numv(&s, 7, (double)task->line);
  }
  finish(&s);
}

static void load_sheet(book *b) {
  const rg_report_data *d = b->d;
  const rg_results *res = d->res;
  int fixed = 12, ncols = fixed + d->n_cols;
  const char **heads = rg_xcalloc((size_t)ncols, sizeof *heads);
  double *widths = rg_xcalloc((size_t)ncols, sizeof *widths);
  const char *h[] = {TR("排名", "rank"),
                     TR("单位", "unit"),
                     TR("负荷", "load"),
                     TR("牵头", "led"),
                     TR("配合", "supported"),
                     TR("占比", "share"),
                     TR("章节数", "chapters"),
                     TR("协作单位", "partners"),
                     TR("协同负担", "burden"),
                     TR("聚类", "cluster"),
                     "z",
                     TR("超负荷", "overloaded")};
  const double w[] = {6, 30, 8, 7, 7, 8, 8, 9, 9, 6, 8, 8};
  char **colnames = rg_xcalloc((size_t)d->n_cols + 1, sizeof *colnames);
  for (int c = 0; c < fixed; c++)
    heads[c] = h[c], widths[c] = w[c];
  for (int c = 0; c < d->n_cols; c++) {
    const char *num = rg_report_col_number(d, c), *title = rg_report_col_title(d, c);
    size_t n = strlen(num) + strlen(title) + 8;
    colnames[c] = rg_xmalloc(n);
    if (*num)
      snprintf(colnames[c], n, "%s、%s", num, title);
    else
      snprintf(colnames[c], n, "%s", title);
    heads[fixed + c] = colnames[c];
    widths[fixed + c] = 12;
  }
  sheet s = new_sheet(b, TR("单位负荷", "Load"), heads, widths, ncols);
  if (s.ws) {
    worksheet_freeze_panes(s.ws, 1, 2);
    for (int r = 0; r < res->n_units; r++, s.row++) {
      const rg_unit_stats *u = &res->units[r];
      numv(&s, 0, u->rank);
      if (u->overloaded)
        worksheet_write_string(s.ws, (lxw_row_t)s.row, 1, d->plan->units[u->unit].name, b->over);
      else
        str(&s, 1, d->plan->units[u->unit].name);
      numv(&s, 2, u->load);
      numv(&s, 3, u->led);
      numv(&s, 4, u->supported);
      numv(&s, 5, u->share);
      numv(&s, 6, u->chapters);
      numv(&s, 7, u->partners);
      numv(&s, 8, u->burden);
      numv(&s, 9, u->cluster);
      numv(&s, 10, u->zscore);
      if (u->overloaded) str(&s, 11, TR("是", "yes"));
      for (int c = 0; c < d->n_cols; c++)
        numv(&s, fixed + c, d->col_load[(size_t)r * d->n_cols + c]);
    }
    finish(&s);
  }
  for (int c = 0; c < d->n_cols; c++)
    free(colnames[c]);
  free(colnames);
  free(heads);
  free(widths);
}

static void centrality_sheet(book *b) {
  const rg_report_data *d = b->d;
  const rg_results *res = d->res;
  const char *heads[] = {
      TR("单位", "unit"),           TR("强度", "strength"),        TR("中介中心性", "betweenness"),
      TR("调和中心性", "harmonic"), TR("特征向量", "eigenvector"), "PageRank",
      TR("约束度", "constraint"),   TR("核数", "coreness"),        TR("参与系数", "participation"),
      TR("聚类", "cluster")};
  const double widths[] = {30, 10, 12, 12, 12, 12, 10, 8, 10, 8};
  sheet s = new_sheet(b, TR("中心性", "Centrality"), heads, widths, 10);
  if (!s.ws) return;
  for (int r = 0; r < res->n_units; r++, s.row++) {
    const rg_unit_stats *u = &res->units[r];
    str(&s, 0, d->plan->units[u->unit].name);
    numv(&s, 1, u->strength);
    numv(&s, 2, u->betweenness);
    numv(&s, 3, u->harmonic);
    numv(&s, 4, u->eigenvector);
    numv(&s, 5, u->pagerank);
    numv(&s, 6, u->constraint);
    numv(&s, 7, u->coreness);
    numv(&s, 8, u->participation);
    numv(&s, 9, u->cluster);
  }
  finish(&s);
}

static void ties_sheet(book *b) {
  const rg_report_data *d = b->d;
  const rg_results *res = d->res;
  const rg_plan *plan = d->plan;
  const char *heads[] = {TR("单位甲", "unit a"),      TR("单位乙", "unit b"),
                         TR("共同任务数", "shared"),  TR("权重", "weight"),
                         TR("共同任务编号", "tasks"), TR("共同任务", "task texts")};
  const double widths[] = {28, 28, 10, 8, 20, 80};
  sheet s = new_sheet(b, TR("协作关系", "Ties"), heads, widths, 6);
  if (!s.ws) return;
  for (int i = 0; i < res->n_ties; i++, s.row++) {
    const rg_tie *t = &res->ties[i];
    str(&s, 0, plan->units[t->a].name);
    str(&s, 1, plan->units[t->b].name);
    numv(&s, 2, t->shared);
    numv(&s, 3, t->weight);
    size_t n1 = 1, n2 = 1;
    for (int k = 0; k < t->shared; k++) {
      n1 += strlen(plan->tasks[t->tasks[k]].number) + 3;
      n2 += strlen(plan->tasks[t->tasks[k]].number) + strlen(plan->tasks[t->tasks[k]].text) + 4;
    }
    char *nums = rg_xmalloc(n1), *texts = rg_xmalloc(n2);
    nums[0] = texts[0] = '\0';
    for (int k = 0; k < t->shared; k++) {
      const rg_task *task = &plan->tasks[t->tasks[k]];
      if (k) {
        strcat(nums, "、");
        strcat(texts, "\n");
      }
      strcat(nums, task->number);
      strcat(texts, task->number);
      strcat(texts, ". ");
      strcat(texts, task->text);
    }
    str(&s, 4, nums);
    str(&s, 5, texts);
    free(nums);
    free(texts);
  }
  finish(&s);
}

static void clusters_sheet(book *b) {
  const rg_report_data *d = b->d;
  const rg_results *res = d->res;
  const rg_plan *plan = d->plan;
  const char *heads[] = {TR("聚类", "cluster"),
                         TR("单位", "unit"),
                         TR("负荷", "load"),
                         TR("参与系数", "participation"),
                         TR("桥梁单位", "bridge"),
                         TR("聚类单位数", "cluster units"),
                         TR("内部任务数", "tasks inside"),
                         TR("跨聚类任务数", "crossing tasks")};
  const double widths[] = {7, 30, 8, 10, 9, 10, 10, 12};
  sheet s = new_sheet(b, TR("聚类", "Clusters"), heads, widths, 8);
  if (!s.ws) return;
  for (int i = 0; i < res->n_clusters; i++) {
    const rg_cluster *c = &res->clusters[i];
    for (int k = 0; k < c->n_units; k++, s.row++) {
      int u = c->units[k];
      int r = res->row_of_unit ? res->row_of_unit[u] : -1;
      numv(&s, 0, c->id);
      str(&s, 1, plan->units[u].name);
      if (r >= 0) {
        numv(&s, 2, res->units[r].load);
        numv(&s, 3, res->units[r].participation);
      }
      for (int j = 0; j < c->n_bridges; j++)
        if (c->bridges[j] == u) str(&s, 4, TR("是", "yes"));
      numv(&s, 5, c->n_units);
      numv(&s, 6, c->n_tasks);
      numv(&s, 7, c->n_crossing);
    }
  }
  finish(&s);
}

static void diags_sheet(book *b) {
  const rg_report_data *d = b->d;
  const rg_plan *plan = d->plan;
  const char *heads[] = {TR("级别", "severity"), TR("行号", "line"), TR("代码", "code"),
                         TR("说明", "message")};
  const double widths[] = {9, 8, 18, 90};
  sheet s = new_sheet(b, TR("诊断", "Diagnostics"), heads, widths, 4);
  if (!s.ws) return;
  const char *sev_zh[] = {"提示", "警告", "错误"};
  /* how the plan was read first: the rows `respgraph check` opens with */
  rg_table *rt = rg_reading_table(plan);
  json_t *rows = rg_report_table_json(rt);
  size_t k;
  json_t *row;
  json_array_foreach(rows, k, row) {
    long line = (long)json_integer_value(json_object_get(row, "line"));
    str(&s, 0, TR("读取", "reading"));
    if (line > 0) numv(&s, 1, (double)line);
    str(&s, 2, json_string_value(json_object_get(row, "item")));
    str(&s, 3, json_string_value(json_object_get(row, "text")));
    s.row++;
  }
  json_decref(rows);
  rg_table_free(rt);
  for (int i = 0; i < plan->n_diags; i++, s.row++) {
    const rg_diag *g = &plan->diags[i];
    str(&s, 0, d->zh ? sev_zh[g->severity] : rg_severity_name(g->severity));
    if (g->line > 0) numv(&s, 1, (double)g->line);
    str(&s, 2, g->code);
    str(&s, 3, g->message);
  }
  finish(&s);
}

/* An extra table: columns from the JSON rows (typed), strings as strings. */
static void extra_sheet(book *b, const rg_report_extra *x) {
  json_t *rows = rg_report_table_json(x->table);
  json_t *first = json_array_get(rows, 0);
  int ncols = first ? (int)json_object_size(first) : 1;
  const char **heads = rg_xcalloc((size_t)ncols + 1, sizeof *heads);
  double *widths = rg_xcalloc((size_t)ncols + 1, sizeof *widths);
  int c = 0;
  const char *key;
  json_t *v;
  if (first) json_object_foreach(first, key, v) {
      heads[c] = key;
      widths[c++] = json_is_string(v) || json_is_array(v) ? 30 : 10;
    }
  else
    heads[0] = "", widths[0] = 10;
  /* sheet names: at most 31 characters and none of []:*?/\ (libxlsxwriter checks) */
  char name[LXW_MAX_SHEETNAME_LENGTH];
  snprintf(name, sizeof name, "%s", x->title);
  if (workbook_validate_sheet_name(b->wb, name) != LXW_NO_ERROR)
    snprintf(name, sizeof name, "%s", x->id);
  if (workbook_validate_sheet_name(b->wb, name) != LXW_NO_ERROR)
    snprintf(name, sizeof name, "extra%d", (int)(x - b->d->opts->extras) + 1);
  sheet s = new_sheet(b, name, heads, widths, ncols);
  if (s.ws) {
    size_t i;
    json_t *row;
    json_array_foreach(rows, i, row) {
      c = 0;
      json_object_foreach(row, key, v) {
        if (json_is_string(v))
          str(&s, c, json_string_value(v));
        else if (json_is_number(v))
          numv(&s, c, json_number_value(v));
        else if (json_is_boolean(v))
          worksheet_write_boolean(s.ws, (lxw_row_t)s.row, (lxw_col_t)c, json_is_true(v), NULL);
        else if (json_is_array(v)) {
          size_t n = 1, j;
          json_t *it;
          json_array_foreach(v, j, it) n +=
              strlen(json_string_value(it) ? json_string_value(it) : "") + 3;
          char *joined = rg_xmalloc(n);
          joined[0] = '\0';
          json_array_foreach(v, j, it) {
            if (j) strcat(joined, "、");
            strcat(joined, json_string_value(it) ? json_string_value(it) : "");
          }
          str(&s, c, joined);
          free(joined);
        }
        c++;
      }
      s.row++;
    }
    finish(&s);
  }
  free(heads);
  free(widths);
  json_decref(rows);
}

rg_status rg_xlsx_write(const char *path, const rg_report_data *d, rg_error *err) {
  lxw_workbook_options o = {.constant_memory = 0, .tmpdir = NULL, .use_zip64 = 0};
  lxw_workbook *wb = workbook_new_opt(path, &o);
  if (!wb) return rg_error_set(err, RG_ESYS, path, 0, 0, "cannot create the workbook");
  lxw_doc_properties props;
  memset(&props, 0, sizeof props);
  props.title = (char *)(d->plan->meta.title ? d->plan->meta.title : "");
  props.author = (char *)"respgraph";
  props.comments = (char *)d->plan->path;
  props.created = (time_t)RG_XLSX_CREATED;
  workbook_set_properties(wb, &props);
  book b = {.wb = wb, .d = d};
  b.head = workbook_add_format(wb);
  format_set_bold(b.head);
  format_set_bg_color(b.head, 0xDCE6F1);
  format_set_text_wrap(b.head);
  format_set_align(b.head, LXW_ALIGN_VERTICAL_TOP);
  b.wrap = workbook_add_format(wb);
  format_set_text_wrap(b.wrap);
  format_set_align(b.wrap, LXW_ALIGN_VERTICAL_TOP);
  b.over = workbook_add_format(wb);
  format_set_font_color(b.over, LXW_COLOR_RED);
  format_set_bold(b.over);
  tasks_sheet(&b);
  load_sheet(&b);
  centrality_sheet(&b);
  ties_sheet(&b);
  clusters_sheet(&b);
  diags_sheet(&b);
  for (int e = 0; e < d->opts->n_extras; e++)
    extra_sheet(&b, &d->opts->extras[e]);
  lxw_error rc = workbook_close(wb);
  if (rc != LXW_NO_ERROR)
    return rg_error_set(err, RG_ESYS, path, 0, 0, "cannot write the workbook: %s",
                        lxw_strerror(rc));
  return RG_OK;
}
