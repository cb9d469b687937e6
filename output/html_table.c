/* html_table.c - any table of the report page, rendered from its columns.
 *
 * The page's tables (load, centrality, tasks, diagnostics, the extras) are
 * views of schema.c; this file turns a column's type and flags into page
 * markup, so no section lists its columns. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "html_page.h"
#include "schema.h"

#define TX(s) rg_escape_html_text(out, (s))
#define AT(s) rg_escape_html_attr(out, (s))

static int numeric(const rg_tcol *tc) {
  rg_coltype t = tc->col->type;
  return t == RG_COL_INT || t == RG_COL_REAL || t == RG_COL_CLUSTER ||
         (tc->col->flags & RG_COLF_ID);
}

void rg_html_thead(rg_page *p, const rg_table *t, int sortable) {
  FILE *out = p->out;
  int zh = p->d->zh;
  for (int c = 0; c < rg_table_ncols(t); c++) {
    const rg_tcol *tc = rg_table_col(t, c);
    if (tc->vflags & RG_VC_BADGE) continue; /* drawn inside the previous column */
    const char *label = tc->abbr ? tc->abbr : zh ? tc->zh : tc->en;
    const char *hint = zh ? tc->hint_zh : tc->hint_en;
    if (!sortable) {
      fputs("<th>", out);
    } else {
      fprintf(out, "<th data-sort=\"%s\"", numeric(tc) ? "num" : "str");
      if (hint) {
        fputs(" title=\"", out);
        AT(hint);
        fputs("\"", out);
      }
      fputs(">", out);
    }
    TX(label);
    fputs("</th>", out);
  }
}

/* The row's own label and href, for the panel a count opens. */
static void row_target(rg_page *p, const rg_table *t, int r, char *href, size_t n,
                       const char **name) {
  rg_row row = rg_table_row_at(t, r);
  *name = "";
  href[0] = '\0';
  if (rg_table_row_kind(t) == RG_ROW_UNIT) {
    snprintf(href, n, "#unit-%d", row.i);
    *name = p->d->plan->units[row.i].name;
  }
}

/* A count of tasks: the number, opening its tasks (title "unit · label"). */
static void linked_count(rg_page *p, const rg_table *t, int r, const rg_tcol *tc,
                         const rg_cell *v) {
  char href[48];
  const char *name;
  row_target(p, t, r, href, sizeof href, &name);
  const char *label = p->d->zh ? tc->zh : tc->en;
  size_t len = strlen(name) + strlen(label) + 8;
  char *title = rg_xmalloc(len);
  snprintf(title, len, "%s · %s", name, label);
  fprintf(p->out, "<td class=\"n\" data-v=\"%lld\">", v->i);
  rg_html_count_link(p, v->refs, v->n_refs, href, title);
  fputs("</td>", p->out);
  free(title);
}

/* A per-chapter figure: the exact value, a link to its tasks when it has any. */
static void linked_real(rg_page *p, const rg_table *t, int r, const rg_tcol *tc, const rg_cell *v) {
  FILE *out = p->out;
  char exact[RG_NUM_BUF], href[48];
  const char *name;
  rg_format_real(exact, sizeof exact, v->r);
  row_target(p, t, r, href, sizeof href, &name);
  fprintf(out, "<td class=\"n ch\" data-v=\"%s\">", exact);
  if (v->n_refs > 0) {
    fputs("<a class=\"cnt\" href=\"", out);
    AT(href);
    fputs("\" data-tasks=\"", out);
    for (int i = 0; i < v->n_refs; i++)
      fprintf(out, i ? ",%d" : "%d", v->refs[i]);
    fputs("\" data-title=\"", out);
    AT(name);
    fputs(" · ", out);
    AT(p->d->zh ? tc->hint_zh : tc->hint_en);
    fprintf(out, "\">%s</a>", exact);
  }
  fputs("</td>", out);
}

static void number_cell(rg_page *p, const rg_table *t, int r, const rg_tcol *tc, const rg_cell *v) {
  FILE *out = p->out;
  const rg_column *col = tc->col;
  if (col->flags & RG_COLF_LINKED) {
    if (col->type == RG_COL_INT)
      linked_count(p, t, r, tc, v);
    else
      linked_real(p, t, r, tc, v);
  } else if (col->type == RG_COL_INT) {
    fprintf(out, "<td class=\"n\">%lld</td>", v->i);
  } else if (col->type == RG_COL_CLUSTER) {
    /* the cluster's name, never its bare number (data-v keeps the id) */
    char name[512] = "";
    if (v->i >= 0) rg_cluster_name(p->d->plan, p->d->res, (int)v->i, name, sizeof name);
    fprintf(out, "<td class=\"cl\" data-v=\"%lld\" title=\"", v->i);
    rg_escape_html_attr(out, name);
    fputs("\">", out);
    if (v->i >= 0 && !(tc->vflags & RG_VC_PLAIN)) fprintf(out, "<a href=\"#cluster-%lld\">", v->i);
    rg_escape_html_text(out, name);
    if (v->i >= 0 && !(tc->vflags & RG_VC_PLAIN)) fputs("</a>", out);
    fputs("</td>", out);
  } else if (col->digits >= 0) {
    rg_html_real_td(out, (col->flags & RG_COLF_PERCENT) ? v->r * 100 : v->r, col->digits);
  } else {
    fputs("<td class=\"n\">", out);
    rg_html_num(out, v->r);
    fputs("</td>", out);
  }
}

/* A unit (task 0) or task reference: a link to it, or its name or number
 * as plain text. */
static void reference(rg_page *p, const rg_plan *plan, int task, int i, int plain) {
  FILE *out = p->out;
  if (plain)
    TX(task ? plan->tasks[i].number : plan->units[i].name);
  else if (task)
    rg_html_task_link(p, i);
  else
    rg_html_unit_ref(p, i);
}

/* The content of a text-like cell (inside its <td>). */
static void text_content(rg_page *p, const rg_table *t, int c, const rg_cell *v) {
  FILE *out = p->out;
  const rg_tcol *tc = rg_table_col(t, c);
  const rg_plan *plan = rg_table_plan(t);
  int plain = tc->vflags & RG_VC_PLAIN;
  switch (tc->col->type) {
  case RG_COL_UNIT:
  case RG_COL_TASK:
    if (v->i >= 0) reference(p, plan, tc->col->type == RG_COL_TASK, (int)v->i, plain);
    return;
  case RG_COL_UNITS:
    for (int k = 0; k < v->n_refs; k++) {
      if (k) fputs("、", out);
      reference(p, plan, 0, v->refs[k], plain);
    }
    return;
  case RG_COL_BOOL:
    fputs(v->i ? "✓" : "", out);
    return;
  case RG_COL_STR:
    if (v->s) TX(rg_cell_label(tc, v->s, p->d->zh));
    return;
  default: {
    char *s = rg_cell_text(t, c, v, "、");
    TX(s);
    free(s);
  }
  }
}

/* A true BOOL shown as a badge after the previous cell's content. */
static void badge(rg_page *p, const rg_table *t, int r, int c, rg_cell *v) {
  FILE *out = p->out;
  const rg_tcol *tc = rg_table_col(t, c);
  rg_table_cell(t, r, c, v);
  if (!v->i) return;
  int zh = p->d->zh;
  fputs(" <span class=\"badge open\" title=\"", out);
  AT(zh ? tc->hint_zh : tc->hint_en);
  fputs("\">", out);
  TX(zh ? tc->zh : tc->en);
  fputs("</span>", out);
}

static void cell(rg_page *p, const rg_table *t, int r, int c, rg_cell *v) {
  FILE *out = p->out;
  const rg_tcol *tc = rg_table_col(t, c);
  rg_table_cell(t, r, c, v);
  rg_coltype type = tc->col->type;
  if (type == RG_COL_INT || type == RG_COL_REAL || type == RG_COL_CLUSTER) {
    number_cell(p, t, r, tc, v);
    return;
  }
  if (tc->col->flags & RG_COLF_ID) {
    /* the row's own number, sorted by its position in the plan */
    rg_row row = rg_table_row_at(t, r);
    fprintf(out, "<td class=\"n\" data-v=\"%d\">", p->d->plan->tasks[row.i].ordinal);
  } else if (type == RG_COL_STR && tc->col->width >= 40) {
    fputs("<td class=\"tx\">", out); /* a long text (the workbook gives it 40+ characters) */
  } else if (type == RG_COL_STR && tc->col->width <= 24) {
    fputs("<td class=\"nw\">", out); /* a short one (a date, a time): on one line */
  } else {
    fputs("<td>", out);
  }
  if (tc->col->flags & RG_COLF_CODE) fputs("<code>", out);
  text_content(p, t, c, v);
  if (tc->col->flags & RG_COLF_CODE) fputs("</code>", out);
  if (c + 1 < rg_table_ncols(t) && (rg_table_col(t, c + 1)->vflags & RG_VC_BADGE))
    badge(p, t, r, c + 1, v);
  fputs("</td>", out);
}

void rg_html_rows(rg_page *p, const rg_table *t) {
  FILE *out = p->out;
  int mark = rg_table_view_flags(t) & RG_VIEW_MARK_ROWS;
  rg_cell v = {0};
  for (int r = 0; r < rg_table_rows(t); r++) {
    rg_row row = rg_table_row_at(t, r);
    fputs("<tr", out);
    if (rg_table_row_kind(t) == RG_ROW_UNIT) fprintf(out, " data-unit=\"%d\"", row.i);
    /* a task's anchor is its row in the task list; a titled table of tasks
     * (an extra: 督办状态) repeats rows and must not repeat the id */
    if (rg_table_row_kind(t) == RG_ROW_TASK && !rg_table_title(t, 1))
      fprintf(out, " id=\"task-%d\"", p->d->plan->tasks[row.i].ordinal);
    const char *cls = mark ? rg_table_row_class(t, r) : NULL;
    if (cls) fprintf(out, " class=\"%s\"", cls);
    fputs(">", out);
    for (int c = 0; c < rg_table_ncols(t); c++)
      if (!(rg_table_col(t, c)->vflags & RG_VC_BADGE)) cell(p, t, r, c, &v);
    fputs("</tr>\n", out);
  }
  rg_cell_reset(&v);
  free(v.owned);
}
