/* plans_chart.c - slope chart and small multiples (plans_chart.h). */
#include "plans_chart.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "names.h"
#include "sort.h"
#include "table.h"

#define W 360.0  /* viewBox width: a phone's */
#define ROW 13.0 /* the least distance between two labels */

static void num(FILE *out, double v) {
  char b[64];
  rg_format_real(b, sizeof b, v);
  fputs(b, out);
}

static const char *tr(int zh, const char *z, const char *e) { return zh ? z : e; }

static void open_svg(FILE *out, const char *id, double h, const char *title) {
  fprintf(out,
          "<svg class=\"chart\" id=\"%s\" role=\"img\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" "
          "height=\"%.0f\" xmlns=\"http://www.w3.org/2000/svg\">\n<title>",
          id, W, h, W, h);
  rg_escape_html_text(out, title);
  fputs("</title>\n", out);
}

static char *close_mem(FILE *f, char **buf) {
  fclose(f);
  return *buf;
}

/* ------------------------------------------------------------------- slope */

typedef struct slope_row {
  const rg_cmp_unit *u;
  double y_new; /* where its line ends on the right axis */
  double y_label;
} slope_row;

static int by_new_y(const void *a, const void *b, void *ctx) {
  (void)ctx;
  const slope_row *x = a, *y = b;
  if (x->y_new != y->y_new) return x->y_new < y->y_new ? -1 : 1;
  return strcmp(x->u->name, y->u->name);
}

/* The height of load v on a square-root scale: loads are skewed (a few
 * units carry most), so the many light units still get room. */
static double sqrt_y(double v, double maxv, double top, double span) {
  return top + (1 - sqrt(fmax(v, 0) / maxv)) * span;
}

char *rg_slope_chart_svg(const rg_compare *c, const char *old_label, const char *new_label,
                         int zh) {
  const double top = 40, xl = 40, xr = 150, xt = 158;
  int n = c->n_units;
  double maxv = 0;
  for (int i = 0; i < n; i++)
    maxv = fmax(maxv, fmax(c->units[i].old_load, c->units[i].new_load));
  if (!(maxv > 0)) maxv = 1;
  double span = fmax(260, n * ROW);
  slope_row *v = rg_xmalloc(((size_t)n + 1) * sizeof *v);
  for (int i = 0; i < n; i++) {
    v[i].u = &c->units[i];
    v[i].y_new = sqrt_y(c->units[i].new_load, maxv, top, span);
  }
  rg_sort(v, (size_t)n, sizeof *v, by_new_y, NULL);
  double last = -1e9;
  for (int i = 0; i < n; i++) {
    v[i].y_label = fmax(v[i].y_new, last + ROW);
    last = v[i].y_label;
  }
  double h = fmax(top + span, last) + 24;
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&buf, &len);
  open_svg(out, "slope-chart", h, tr(zh, "各单位负荷：前后两个方案", "Load per unit: old and new"));
  /* the axes and their plans */
  fprintf(out, "<line class=\"grid\" x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\"/>", xl,
          top - 6, xl, top + span);
  fprintf(out, "<line class=\"grid\" x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\"/>\n", xr,
          top - 6, xr, top + span);
  fprintf(out, "<text class=\"tick\" x=\"%.0f\" y=\"14\">", xl);
  rg_escape_html_text(out, old_label);
  fprintf(out, "</text><text class=\"tick\" x=\"%.0f\" y=\"14\">", xr);
  rg_escape_html_text(out, new_label);
  fprintf(out, "</text><text class=\"val\" x=\"%.0f\" y=\"28\">", xr + 30);
  fputs(tr(zh, "（平方根刻度）", "(square-root scale)"), out);
  fputs("</text>\n", out);
  static const double ticks[] = {0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000};
  for (size_t k = 0; k < sizeof ticks / sizeof ticks[0] && ticks[k] <= maxv; k++) {
    double y = sqrt_y(ticks[k], maxv, top, span);
    fprintf(out, "<text class=\"val\" x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\">", xl - 6, y + 4);
    num(out, ticks[k]);
    fprintf(out, "</text><line class=\"grid\" x1=\"%.0f\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\"/>\n",
            xl - 3, y, xl, y);
  }
  for (int i = 0; i < n; i++) {
    const rg_cmp_unit *u = v[i].u;
    double d = u->new_load - u->old_load;
    const char *cls = d > 0 ? "up" : d < 0 ? "down" : "same";
    double yo = sqrt_y(u->old_load, maxv, top, span);
    char label[128];
    rg_unit_short_name(NULL, u->name, label, sizeof label);
    fprintf(out, "<g class=\"slope %s\"><title>", cls);
    rg_escape_html_text(out, u->name);
    fputs(tr(zh, "：负荷 ", ": load "), out);
    num(out, u->old_load);
    fputs(" → ", out);
    num(out, u->new_load);
    fputs("</title>", out);
    fprintf(out, "<line x1=\"%.0f\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\"/>", xl, yo, xr, v[i].y_new);
    fprintf(out, "<line class=\"leader\" x1=\"%.0f\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\"/>", xr,
            v[i].y_new, xt - 2, v[i].y_label - 4);
    fprintf(out, "<text class=\"lg\" x=\"%.0f\" y=\"%.1f\">", xt, v[i].y_label);
    rg_escape_html_text(out, label);
    fputs(" ", out);
    num(out, u->new_load);
    if (d != 0) {
      fputs(d > 0 ? " (+" : " (", out);
      num(out, d);
      fputs(")", out);
    }
    fputs("</text></g>\n", out);
  }
  fputs("</svg>\n", out);
  free(v);
  return close_mem(out, &buf);
}

/* ------------------------------------------------------------------- trend */

char *rg_trend_chart_svg(const rg_trend *t, const char *const *labels, int max_units, int zh) {
  const int cols = 3;
  const double pw = W / cols, ph = 78, padx = 8, top = 18, bottom = 14;
  int n = t->n_units, np = t->n_plans;
  if (max_units > 0 && n > max_units) n = max_units;
  double maxv = 0;
  for (int k = 0; k < n; k++)
    for (int i = 0; i < np; i++)
      maxv = fmax(maxv, t->units[k].loads[i]);
  for (int i = 0; i < np; i++)
    maxv = fmax(maxv, t->fences[i]);
  if (!(maxv > 0)) maxv = 1;
  int rows = (n + cols - 1) / cols;
  double h = 22 + rows * ph;
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&buf, &len);
  open_svg(out, "trend-chart", h,
           tr(zh, "各单位历年负荷（虚线为当年警戒线）", "Load per unit by plan (dashed: fence)"));
  fprintf(out, "<text class=\"val\" x=\"2\" y=\"12\">");
  for (int i = 0; i < np; i++) {
    if (i) fputs(" → ", out);
    rg_escape_html_text(out, labels[i]);
  }
  fputs("</text>\n", out);
  double iw = pw - 2 * padx, ih = ph - top - bottom;
  for (int k = 0; k < n; k++) {
    const rg_trend_unit *u = &t->units[k];
    double x0 = (k % cols) * pw + padx, y0 = 22 + (k / cols) * ph;
    fprintf(out, "<g class=\"panel\"><title>");
    rg_escape_html_text(out, u->name);
    fputs(tr(zh, "：负荷 ", ": load "), out);
    for (int i = 0; i < np; i++) {
      if (i) fputs(", ", out);
      num(out, u->loads[i]);
    }
    fprintf(out, tr(zh, "；%d/%d 年超负荷", "; over the fence in %d of %d"), u->k, np);
    fprintf(out, "</title><text class=\"lg%s\" x=\"%.1f\" y=\"%.1f\">", u->k ? " overname" : "", x0,
            y0 + 12);
    char label[128];
    rg_unit_short_name(NULL, u->name, label, sizeof label);
    rg_escape_html_text(out, label);
    fprintf(out, "</text>");
    fprintf(out, "<rect class=\"frame\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>", x0,
            y0 + top, iw, ih);
    double step = np > 1 ? iw / (np - 1) : 0;
    fputs("<polyline class=\"fence\" points=\"", out);
    for (int i = 0; i < np; i++)
      fprintf(out, "%s%.1f,%.1f", i ? " " : "", x0 + i * step,
              y0 + top + ih * (1 - t->fences[i] / maxv));
    fputs("\"/><polyline class=\"series\" points=\"", out);
    for (int i = 0; i < np; i++)
      fprintf(out, "%s%.1f,%.1f", i ? " " : "", x0 + i * step,
              y0 + top + ih * (1 - u->loads[i] / maxv));
    fputs("\"/>", out);
    for (int i = 0; i < np; i++)
      fprintf(out, "<circle class=\"%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\"/>",
              u->over[i] ? "over" : "lead", x0 + i * step,
              y0 + top + ih * (1 - u->loads[i] / maxv));
    fprintf(out, "<text class=\"val\" x=\"%.1f\" y=\"%.1f\">", x0, y0 + ph - 2);
    num(out, u->loads[np - 1]);
    fprintf(out, "</text></g>\n");
  }
  fputs("</svg>\n", out);
  return close_mem(out, &buf);
}
