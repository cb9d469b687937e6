/* html_chart.c - the load bar chart and the load histogram, drawn as inline SVG. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "html.h"
#include "html_page.h"
#include "table.h"

#define LABEL_MAX 250.0 /* room for unit names, right-aligned at the label width - 8 */
#define BAR_W 360.0
#define ROW_H 20.0
#define TOP 46.0
#define MIN_FONT 12.0 /* the smallest text of a chart (html.css: .tick, .val) */
#define MIN_PX 10.0   /* ... is never drawn smaller than this many pixels */

/* The <svg> of a chart: its box, its natural size, and a min-width that
 * keeps its smallest text at MIN_PX or more when a narrow screen scales it
 * down (a phone then scrolls the chart's box sideways, never the page). */
static void svg_open(FILE *out, const char *id, double width, double height) {
  fprintf(out,
          "<svg class=\"chart\" id=\"%s\" role=\"img\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" "
          "height=\"%.0f\" style=\"min-width:%.0fpx\" xmlns=\"http://www.w3.org/2000/svg\">",
          id, width, height, width, height, ceil(width * MIN_PX / MIN_FONT));
}

/* Room for the longest of the first n names of the load order: 6.5 px per
 * terminal column (a Chinese character is two) at the names' 13 px. */
static double label_width(const rg_report_data *d, int n) {
  int cols = 4;
  for (int r = 0; r < n; r++) {
    int w = rg_display_width(d->plan->units[d->res->units[r].unit].name);
    if (w > cols) cols = w;
  }
  double px = cols * 6.5 + 14;
  return px < LABEL_MAX ? px : LABEL_MAX;
}

/* A "nice" step (1, 2, 5 x 10^k, also 0.5) at least raw. */
static double nice_step(double raw) {
  if (!(raw > 0)) return 1;
  double p = pow(10, floor(log10(raw)));
  const double m[] = {1, 2, 5, 10};
  for (int i = 0; i < 4; i++)
    if (m[i] * p >= raw - 1e-12) return m[i] * p;
  return 10 * p;
}

void rg_html_chart_load(FILE *out, const rg_report_data *d) {
  const rg_results *res = d->res;
  /* the heaviest RG_CHART_MAX_BARS units (every overloaded one is among them
   * unless there are more than that); the load table has the rest */
  int n = res->n_units;
  int n_over = 0;
  for (int r = 0; r < n; r++)
    n_over += res->units[r].overloaded;
  if (n > RG_CHART_MAX_BARS) n = n_over > RG_CHART_MAX_BARS ? n_over : RG_CHART_MAX_BARS;
  double fence = res->fence;
  int has_fence = isfinite(fence) && fence > 0;
  double maxv = d->max_load;
  if (has_fence && fence > maxv) maxv = fence;
  if (!(maxv > 0)) maxv = 1;
  double step = nice_step(maxv / 8);
  double axis_max = ceil(maxv / step) * step;
  double scale = BAR_W / axis_max;
  double height = TOP + ROW_H * n + 24; /* room for the fence label below */
  const double lw = label_width(d, n);
  double width = lw + BAR_W + 46;
  svg_open(out, "load-chart", width, height);
  fputs("\n<title>", out);
  rg_escape_html_text(
      out, rg_report_tr(d, "各单位负荷（牵头 + 配合）", "Load per unit (lead + support)"));
  fputs("</title>\n", out);
  /* legend */
  const char *lg[4][2] = {{"lead", rg_report_tr(d, "牵头", "lead")},
                          {"support", rg_report_tr(d, "配合", "support")},
                          {"over", rg_report_tr(d, "超负荷", "overloaded")},
                          {"fence", rg_report_tr(d, "警戒线", "fence")}};
  double lx = lw;
  for (int i = 0; i < 4; i++) {
    if (i == 3 && !has_fence) break;
    if (i == 3)
      fprintf(out, "<line class=\"fence\" x1=\"%.1f\" y1=\"6\" x2=\"%.1f\" y2=\"20\"/>", lx + 6,
              lx + 6);
    else
      fprintf(out, "<rect class=\"%s\" x=\"%.1f\" y=\"7\" width=\"12\" height=\"12\"/>", lg[i][0],
              lx);
    fprintf(out, "<text class=\"lg\" x=\"%.1f\" y=\"17\">", lx + 16);
    rg_escape_html_text(out, lg[i][1]);
    fputs("</text>\n", out);
    lx += 90;
  }
  /* axis */
  for (double v = 0; v <= axis_max + 1e-9; v += step) {
    double x = lw + v * scale;
    fprintf(out, "<line class=\"grid\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", x,
            TOP - 4, x, height - 18);
    fprintf(out, "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\">", x, TOP - 8);
    rg_html_num(out, v);
    fputs("</text>\n", out);
  }
  for (int r = 0; r < n; r++) {
    const rg_unit_stats *s = &res->units[r];
    const char *name = d->plan->units[s->unit].name;
    double y = TOP + r * ROW_H;
    double wl = res->opts.lead_weight * s->led * scale;
    double ws = res->opts.support_weight * s->supported * scale;
    fprintf(out, "<a href=\"#unit-%d\" class=\"bar%s\" data-unit=\"%d\"><title>", s->unit,
            s->overloaded ? " over" : "", s->unit);
    rg_escape_html_text(out, name);
    fputs(rg_report_tr(d, "：负荷 ", ": load "), out);
    rg_html_num(out, s->load);
    fprintf(out, rg_report_tr(d, "（牵头 %d，配合 %d）", " (lead %d, support %d)"), s->led,
            s->supported);
    fprintf(out, "</title><text class=\"name\" x=\"%.1f\" y=\"%.1f\">", lw - 8, y + 14);
    rg_escape_html_text(out, name);
    fprintf(out, "</text><rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.2f\" height=\"%.0f\"/>",
            s->overloaded ? "over" : "lead", lw, y + 3, wl, ROW_H - 6);
    fprintf(out, "<rect class=\"%s\" x=\"%.2f\" y=\"%.1f\" width=\"%.2f\" height=\"%.0f\"/>",
            s->overloaded ? "over2" : "support", lw + wl, y + 3, ws, ROW_H - 6);
    fprintf(out, "<text class=\"val\" x=\"%.2f\" y=\"%.1f\">", lw + wl + ws + 4, y + 14);
    rg_html_num(out, s->load);
    fputs("</text></a>\n", out);
  }
  if (has_fence) {
    double x = lw + fence * scale;
    fprintf(out, "<line class=\"fence\" x1=\"%.2f\" y1=\"%.1f\" x2=\"%.2f\" y2=\"%.1f\"/>", x,
            TOP - 4, x, height - 18);
    fprintf(out, "<text class=\"fencelabel\" x=\"%.2f\" y=\"%.1f\">", x + 4, height - 4);
    rg_escape_html_text(out, rg_report_tr(d, "警戒线 ", "fence "));
    rg_html_num(out, fence);
    fputs("</text>\n", out);
  }
  fputs("</svg>\n", out);
  if (n < res->n_units) {
    fputs("<p class=\"hint\">", out);
    fprintf(
        out,
        rg_report_tr(d, "图中为负荷最重的 %d 个单位；其余 %d 个见负荷表。",
                     "The chart shows the %d heaviest units; the other %d are in the load table."),
        n, res->n_units - n);
    fputs("</p>\n", out);
  }
}

int rg_html_histogram(const double *values, int n, int max_bins, double *width, int *counts) {
  double maxv = 0;
  for (int i = 0; i < n; i++)
    if (values[i] > maxv) maxv = values[i];
  if (max_bins < 1) max_bins = 1;
  /* the smallest nice width with at most max_bins bins over [0, maxv] */
  double w = 0.5;
  for (;;) {
    int bins = (int)floor(maxv / w) + 1;
    if (bins <= max_bins) break;
    double steps[] = {1, 2, 5};
    double p = pow(10, floor(log10(w) + 1e-9));
    double next = 0;
    for (int k = 0; k < 3; k++)
      if (steps[k] * p > w + 1e-12) {
        next = steps[k] * p;
        break;
      }
    w = next > 0 ? next : 10 * p;
  }
  int bins = (int)floor(maxv / w) + 1;
  if (bins > max_bins) bins = max_bins;
  memset(counts, 0, (size_t)max_bins * sizeof *counts);
  for (int i = 0; i < n; i++) {
    int b = (int)floor(values[i] / w + 1e-9);
    if (b < 0) b = 0;
    if (b >= bins) b = bins - 1;
    counts[b]++;
  }
  *width = w;
  return bins;
}

void rg_html_chart_histogram(FILE *out, const rg_report_data *d) {
  const rg_results *res = d->res;
  int n = res->n_units;
  double *vals = rg_xcalloc((size_t)n + 1, sizeof *vals);
  for (int r = 0; r < n; r++)
    vals[r] = res->units[r].load;
  int counts[16];
  double w;
  int bins = rg_html_histogram(vals, n, 16, &w, counts);
  free(vals);
  int maxc = 1;
  for (int b = 0; b < bins; b++)
    if (counts[b] > maxc) maxc = counts[b];
  int ystep = (maxc + 3) / 4; /* integer ticks: units are whole */
  maxc = ystep * 4;
  const double L = 36, T = 24, H = 180, PW = 370, BW = PW / bins;
  double width = L + PW + 20, height = T + H + 44;
  int every = BW < 30 ? 2 : 1; /* bin labels that fit side by side */
  svg_open(out, "load-hist", width, height);
  fputs("<title>", out);
  rg_escape_html_text(out, rg_report_tr(d, "负荷分布（单位数）", "Distribution of load (units)"));
  fputs("</title>\n", out);
  for (int k = 0; k <= 4; k++) {
    int c = ystep * k;
    double y = T + H - H * k / 4.0;
    fprintf(out, "<line class=\"grid\" x1=\"%.0f\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\"/>", L, y,
            L + PW, y);
    fprintf(out, "<text class=\"tick\" x=\"%.0f\" y=\"%.1f\" style=\"text-anchor:end\">%d</text>\n",
            L - 4, y + 4, c);
  }
  for (int b = 0; b < bins; b++) {
    double h = H * counts[b] / maxc;
    double x = L + b * BW;
    int over = isfinite(res->fence) && (b + 1) * w > res->fence;
    fprintf(out, "<g><title>[");
    rg_html_num(out, b * w);
    fputs(", ", out);
    rg_html_num(out, (b + 1) * w);
    fprintf(out, rg_report_tr(d, ")：%d 个单位", "): %d units"), counts[b]);
    fprintf(out,
            "</title><rect class=\"%s\" x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\"/>",
            over ? "over" : "lead", x + 1, T + H - h, BW - 2, h);
    if (counts[b])
      fprintf(out, "<text class=\"val\" x=\"%.2f\" y=\"%.2f\" text-anchor=\"middle\">%d</text>",
              x + BW / 2, T + H - h - 3, counts[b]);
    if (b % every == 0) {
      fprintf(out, "<text class=\"tick\" x=\"%.2f\" y=\"%.0f\">", x, T + H + 14);
      rg_html_num(out, b * w);
      fputs("</text>", out);
    }
    fputs("</g>\n", out);
  }
  if (isfinite(res->fence) && res->fence > 0) {
    double x = L + res->fence / w * BW;
    if (x <= L + PW) {
      fprintf(out, "<line class=\"fence\" x1=\"%.2f\" y1=\"%.0f\" x2=\"%.2f\" y2=\"%.0f\"/>", x,
              T - 10, x, T + H);
      fprintf(out, "<text class=\"fencelabel\" x=\"%.2f\" y=\"%.0f\">", x + 3, T - 2);
      rg_escape_html_text(out, rg_report_tr(d, "警戒线 ", "fence "));
      rg_html_num(out, res->fence);
      fputs("</text>\n", out);
    }
  }
  fprintf(out, "<text class=\"axis\" x=\"%.0f\" y=\"%.0f\" text-anchor=\"middle\">", L + PW / 2,
          T + H + 34);
  rg_escape_html_text(out, rg_report_tr(d, "负荷", "load"));
  fputs("</text></svg>\n", out);
}
