/* report_data.c - per-chapter loads, counts and task lists shared by the report writers. */
#include "report_data.h"

#include <graphviz/graphviz_version.h>
#include <jansson.h>
#include <libxml/xmlversion.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

const char *rg_report_tr(const rg_report_data *d, const char *zh, const char *en) {
  return d->zh ? zh : en;
}

const char *rg_report_libraries(void) {
  return "Graphviz " PACKAGE_VERSION "; libxlsxwriter " LXW_VERSION
         "; libxml2 " LIBXML_DOTTED_VERSION "; jansson " JANSSON_VERSION;
}

double rg_report_role_weight(const rg_results *res, rg_role role) {
  return role == RG_ROLE_LEAD ? res->opts.lead_weight : res->opts.support_weight;
}

int rg_report_task_col(const rg_report_data *d, int t) {
  int c = d->plan->tasks[t].chapter;
  return c >= 0 && c < d->plan->n_chapters ? c : d->plan->n_chapters;
}

const char *rg_report_col_number(const rg_report_data *d, int c) {
  if (c < d->plan->n_chapters)
    return d->plan->chapters[c].number ? d->plan->chapters[c].number : "";
  return "";
}

const char *rg_report_col_title(const rg_report_data *d, int c) {
  if (c < d->plan->n_chapters) return d->plan->chapters[c].title ? d->plan->chapters[c].title : "";
  return rg_report_tr(d, "未归章节", "no chapter");
}

int rg_report_top_col(const rg_report_data *d, int r) {
  int best = -1;
  for (int c = 0; c < d->n_cols; c++)
    if (best < 0 ||
        d->col_load[(size_t)r * d->n_cols + c] > d->col_load[(size_t)r * d->n_cols + best])
      best = c;
  return best;
}

int rg_report_unit_tasks(const rg_plan *plan, int u, int role, int *out) {
  const rg_unit *un = &plan->units[u];
  int n = 0;
  for (int k = 0; k < un->link_count; k++) {
    const rg_link *l = &plan->links[plan->unit_links[un->link_begin + k]];
    if (role < 0 || (int)l->role == role) out[n++] = l->task;
  }
  return n;
}

void rg_report_data_init(rg_report_data *d, const rg_plan *plan, const rg_results *res,
                         const rg_report_opts *opts) {
  memset(d, 0, sizeof *d);
  d->plan = plan;
  d->res = res;
  d->opts = opts;
  d->zh = !(opts && opts->lang && !strcmp(opts->lang, "en"));
  for (int t = 0; t < plan->n_tasks; t++) {
    int c = plan->tasks[t].chapter;
    if (c < 0 || c >= plan->n_chapters) d->has_other_col = 1;
    if (plan->tasks[t].open_list) d->n_open++;
  }
  d->n_cols = plan->n_chapters + d->has_other_col;
  size_t cells =
      (size_t)(res->n_units > 0 ? res->n_units : 1) * (size_t)(d->n_cols > 0 ? d->n_cols : 1);
  d->col_load = rg_xcalloc(cells, sizeof *d->col_load);
  d->col_tasks = rg_xcalloc(cells, sizeof *d->col_tasks);
  d->task_k = rg_xcalloc((size_t)plan->n_tasks + 1, sizeof *d->task_k);
  for (int u = 0; u < plan->n_units; u++) {
    switch (plan->units[u].kind) {
    case RG_KIND_UNIT:
      d->n_concrete++;
      break;
    case RG_KIND_COLLECTIVE:
      d->n_collective++;
      break;
    case RG_KIND_GENERIC:
      d->n_generic++;
      break;
    }
  }
  for (int i = 0; i < plan->n_links; i++) {
    const rg_link *l = &plan->links[i];
    if (plan->units[l->unit].kind != RG_KIND_UNIT) continue;
    d->n_concrete_links++;
    if (l->role == RG_ROLE_LEAD) d->n_lead_links++;
    d->task_k[l->task]++;
    int r = res->row_of_unit ? res->row_of_unit[l->unit] : -1;
    if (r < 0 || r >= res->n_units) continue;
    int c = rg_report_task_col(d, l->task);
    d->col_load[(size_t)r * (size_t)d->n_cols + (size_t)c] += rg_report_role_weight(res, l->role);
    d->col_tasks[(size_t)r * (size_t)d->n_cols + (size_t)c]++;
  }
  for (int r = 0; r < res->n_units; r++) {
    if (res->units[r].overloaded) d->n_overloaded++;
    if (res->units[r].load > d->max_load) d->max_load = res->units[r].load;
  }
}

void rg_report_data_destroy(rg_report_data *d) {
  if (!d) return;
  free(d->col_load);
  free(d->col_tasks);
  free(d->task_k);
  free(d->collab_svg);
  if (d->ego_svg)
    for (int u = 0; u < d->plan->n_units; u++)
      free(d->ego_svg[u]);
  free(d->ego_svg);
  if (d->ego_file)
    for (int u = 0; u < d->plan->n_units; u++)
      free(d->ego_file[u]);
  free(d->ego_file);
  memset(d, 0, sizeof *d);
}
