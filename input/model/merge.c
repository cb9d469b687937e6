/* merge.c - several plans as one (merge.h). */
#include "merge.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "reading.h"
#include "similar.h"

/* The consolidated location of line in plan p (label:place), 0 for none. */
static long place(rg_plan *out, const rg_plan *p, const char *label, long line) {
  if (line <= 0) return line;
  char buf[64];
  return rg_plan_add_loc(
      out, rg_plan_printf(out, "%s:%s", label, rg_plan_loc(p, line, buf, sizeof buf)));
}

static const char *dup_or_null(rg_plan *out, const char *s) {
  return s ? rg_plan_strdup(out, s) : NULL;
}

/* The meta of the consolidated plan: the titles joined with " + ", the
 * first plan's issuer. */
static void merge_meta(rg_plan *out, rg_plan *const *plans, const char *const *labels, int n) {
  size_t len = 0;
  for (int i = 0; i < n; i++)
    len += strlen(plans[i]->meta.title ? plans[i]->meta.title : labels[i]) + 3;
  char *title = rg_xmalloc(len + 1);
  title[0] = 0;
  for (int i = 0; i < n; i++) {
    if (i) strcat(title, " + ");
    strcat(title, plans[i]->meta.title ? plans[i]->meta.title : labels[i]);
  }
  out->meta.title = rg_plan_strdup(out, title);
  free(title);
  out->meta.issuer = dup_or_null(out, plans[0]->meta.issuer);
}

/* The task of earlier plans that task text repeats, or -1; *score its
 * similarity. kept[0..n_kept) are the bigrams of out's tasks so far. */
static int find_dup(const rg_bigrams *kept, int n_kept, const rg_bigrams *b, double threshold,
                    double *score) {
  int best = -1;
  double top = 0;
  for (int t = 0; t < n_kept; t++) {
    if (!rg_bigrams_may_reach(&kept[t], b, threshold)) continue;
    double s = rg_bigrams_jaccard(&kept[t], b);
    if (s >= threshold && s > top) best = t, top = s;
  }
  *score = top;
  return best;
}

static void add_dup(rg_plan *out, size_t *cap, int task, int source, const char *number,
                    double score) {
  RG_GROW(out->dups, *cap, (size_t)out->n_dups + 1);
  rg_dup *d = &out->dups[out->n_dups++];
  d->task = task;
  d->source = source;
  d->number = rg_plan_strdup(out, number);
  d->score = score;
}

/* Add plan p (index i) to out; kept holds the bigrams of out's tasks. */
static void merge_one(rg_plan *out, const rg_plan *p, const char *label, int i, rg_bigrams **kept,
                      size_t *cap_kept, size_t *cap_dups, double threshold) {
  int ch0 = out->n_chapters, sec0 = out->n_sections, n_kept = out->n_tasks;
  for (int c = 0; c < p->n_chapters; c++) {
    const rg_heading *h = &p->chapters[c];
    rg_plan_add_chapter(out, rg_plan_printf(out, "%s:%s", label, h->number), h->title,
                        place(out, p, label, h->line));
  }
  for (int s = 0; s < p->n_sections; s++) {
    const rg_heading *h = &p->sections[s];
    rg_plan_add_section(out, h->parent >= 0 ? ch0 + h->parent : -1, h->number, h->title,
                        place(out, p, label, h->line));
  }
  int *task_of = rg_xmalloc(((size_t)p->n_tasks + 1) * sizeof *task_of);
  for (int t = 0; t < p->n_tasks; t++) {
    const rg_task *k = &p->tasks[t];
    rg_bigrams b;
    rg_bigrams_of(k->text, &b);
    double score = 0;
    int d = i ? find_dup(*kept, n_kept, &b, threshold, &score) : -1;
    if (d >= 0) {
      task_of[t] = d;
      add_dup(out, cap_dups, d, i, k->number, score);
      rg_bigrams_free(&b);
      continue;
    }
    int nt =
        rg_plan_add_task(out, rg_plan_printf(out, "%s:%s", label, k->number), k->text,
                         k->chapter >= 0 ? ch0 + k->chapter : -1,
                         k->section >= 0 ? sec0 + k->section : -1, place(out, p, label, k->line));
    rg_task *o = &out->tasks[nt];
    o->printed = rg_plan_printf(out, "%s:%s", label, k->printed ? k->printed : k->number);
    o->original = k->original == k->text ? o->text : dup_or_null(out, k->original);
    o->deadline = dup_or_null(out, k->deadline);
    o->due = k->due; /* dated with its own plan's year */
    o->open_list = k->open_list;
    o->heading = k->heading;
    o->source = i;
    task_of[t] = nt;
    RG_GROW(*kept, *cap_kept, (size_t)nt + 1);
    (*kept)[nt] = b;
  }
  int *unit_of = rg_xmalloc(((size_t)p->n_units + 1) * sizeof *unit_of);
  for (int u = 0; u < p->n_units; u++) {
    const rg_unit *x = &p->units[u];
    unit_of[u] = rg_plan_intern_unit(out, x->name, x->kind, place(out, p, label, x->first_line));
    for (int a = 0; a < x->n_aliases; a++)
      rg_plan_add_alias(out, unit_of[u], x->aliases[a]);
  }
  for (int l = 0; l < p->n_links; l++) {
    const rg_link *k = &p->links[l];
    int t = task_of[k->task], u = unit_of[k->unit];
    if (rg_plan_find_link(out, t, u) >= 0) continue; /* a duplicate's unit already there */
    rg_plan_link(out, t, u, k->role, place(out, p, label, k->line));
  }
  for (int d = 0; d < p->n_diags; d++) {
    const rg_diag *g = &p->diags[d];
    rg_plan_diag(out, g->severity, place(out, p, label, g->line), g->code, "%s", g->message);
  }
  free(task_of);
  free(unit_of);
}

/* How the consolidated plan was read: each plan's format and level, and the
 * level they share (unknown when they differ). */
static void merge_reading(rg_plan *out, rg_plan *const *plans, const char *const *labels, int n) {
  rg_reading *r = rg_reading_of(out);
  size_t len = 64;
  for (int i = 0; i < n; i++)
    len += strlen(labels[i]) + 48 +
           (plans[i]->reading && plans[i]->reading->format ? strlen(plans[i]->reading->format) : 0);
  char *f = rg_xmalloc(len);
  int w = snprintf(f, len, "%d plans:", n);
  for (int i = 0; i < n; i++) {
    const rg_reading *p = plans[i]->reading;
    w += snprintf(f + w, len - (size_t)w, "%s %s (%s, %s)", i ? ";" : "", labels[i],
                  p && p->format ? p->format : "?", rg_level_name(p ? p->level : 0));
  }
  r->format = rg_plan_strdup(out, f);
  free(f);
  const rg_reading *first = plans[0]->reading;
  int same = first != NULL;
  for (int i = 1; i < n && same; i++)
    same = plans[i]->reading && plans[i]->reading->level == first->level &&
           !strcmp(plans[i]->reading->prefix, first->prefix);
  if (same) {
    r->level = first->level;
    memcpy(r->prefix, first->prefix, sizeof r->prefix);
    r->level_from = rg_plan_strdup(out, "every plan");
  }
}

rg_plan *rg_plan_merge(rg_plan *const *plans, const char *const *labels, int n, double threshold) {
  size_t plen = 1;
  for (int i = 0; i < n; i++)
    plen += strlen(labels[i]) + 1;
  char *path = rg_xmalloc(plen + 1);
  path[0] = 0;
  for (int i = 0; i < n; i++) {
    if (i) strcat(path, "+");
    strcat(path, labels[i]);
  }
  rg_plan *out = rg_plan_new(n ? path : "-");
  free(path);
  if (!n) {
    rg_plan_finalize(out);
    return out;
  }
  merge_meta(out, plans, labels, n);
  merge_reading(out, plans, labels, n);
  for (int i = n - 1; i >= 0; i--) /* periods: the first plan's year that is known */
    if (plans[i]->year) out->year = plans[i]->year, out->year_from = plans[i]->year_from;
  out->sources = rg_xcalloc((size_t)n, sizeof *out->sources);
  out->n_sources = n;
  for (int i = 0; i < n; i++)
    out->sources[i] = rg_plan_strdup(out, labels[i]);
  rg_bigrams *kept = NULL;
  size_t cap_kept = 0, cap_dups = 0;
  for (int i = 0; i < n; i++)
    merge_one(out, plans[i], labels[i], i, &kept, &cap_kept, &cap_dups, threshold);
  for (int t = 0; t < out->n_tasks; t++)
    rg_bigrams_free(&kept[t]);
  free(kept);
  rg_plan_finalize(out);
  return out;
}

char *rg_plan_label(const char *path) {
  if (!path || !strcmp(path, "-")) return rg_xstrdup("stdin");
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  const char *dot = strrchr(base, '.');
  size_t len = dot && dot != base ? (size_t)(dot - base) : strlen(base);
  char *s = rg_xmalloc(len + 1);
  memcpy(s, base, len);
  s[len] = 0;
  return s;
}

char **rg_plan_labels(const char *const *paths, int n) {
  char **base = rg_xcalloc((size_t)n + 1, sizeof *base);
  char **out = rg_xcalloc((size_t)n + 1, sizeof *out);
  for (int i = 0; i < n; i++) {
    base[i] = rg_plan_label(paths[i]);
    int seen = 1;
    for (int j = 0; j < i; j++)
      seen += !strcmp(base[j], base[i]);
    if (seen == 1) {
      out[i] = rg_xstrdup(base[i]);
      continue;
    }
    size_t len = strlen(base[i]) + 16;
    out[i] = rg_xmalloc(len);
    snprintf(out[i], len, "%s#%d", base[i], seen);
  }
  rg_plan_labels_free(base, n);
  return out;
}

void rg_plan_labels_free(char **labels, int n) {
  if (!labels) return;
  for (int i = 0; i < n; i++)
    free(labels[i]);
  free(labels);
}
