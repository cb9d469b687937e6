/* heatmap.c - the unit x month heat map of load (heatmap.h). */
#include "heatmap.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "escape.h"
#include "names.h"
#include "table.h"

#define W 360.0     /* viewBox width: a phone's */
#define NAME_W 112  /* the unit name column */
#define ROW_H 16    /* one unit */
#define TOP 30      /* title line and period labels */
#define LEGEND_H 58 /* swatches and two lines of words */

/* No load, then five steps from light to dark (ColorBrewer OrRd). */
static const char *const FILL[] = {"#f2f2f2", "#fdd49e", "#fdbb84",
                                   "#fc8d59", "#e34a33", "#b30000"};

int rg_heat_step(double v, double max) {
  if (!(v > 0) || !(max > 0)) return 0;
  int s = (int)ceil(v / max * 5 - 1e-9);
  return s < 1 ? 1 : s > 5 ? 5 : s;
}

static void num(FILE *out, double v) {
  char b[64];
  rg_format_real(b, sizeof b, round(v * 100) / 100);
  fputs(b, out);
}

static void period(FILE *out, const rg_timeline *tl, int p, int zh) {
  static const char *const q[] = {"一季度", "二季度", "三季度", "四季度"};
  if (tl->months == 3 && zh)
    fputs(q[p], out);
  else if (tl->months == 3)
    fprintf(out, "Q%d", p + 1);
  else
    fprintf(out, zh ? "%d月" : "month %d", p + 1);
}

static void cell(FILE *out, const rg_plan *plan, const rg_timeline *tl, int i, int p, double max,
                 double x, double y, double cw, int zh) {
  int np = tl->n_periods;
  double v = tl->load[(size_t)i * np + p];
  int over = tl->over[(size_t)i * np + p];
  fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"%s\"%s><title>", x,
          y, cw - 1, ROW_H - 2, FILL[rg_heat_step(v, max)],
          over ? " stroke=\"#000\" stroke-width=\"1.5\"" : "");
  rg_escape_html_text(out, plan->units[tl->unit[i]].name);
  fputs(" ", out);
  period(out, tl, p, zh);
  fputs(zh ? "：负荷 " : ": load ", out);
  num(out, v);
  fputs(zh ? "（当期警戒线 " : " (fence ", out);
  num(out, tl->fence[p]);
  fputs(over ? (zh ? "，超出）" : ", above it)") : (zh ? "）" : ")"), out);
  fputs("</title></rect>\n", out);
}

static void legend(FILE *out, double y, double max, int zh) {
  fprintf(out, "<text x=\"4\" y=\"%.1f\" font-size=\"11\">%s</text>\n", y + 11,
          zh ? "颜色越深，该单位当期负荷越重：" : "Darker: more load in the period:");
  for (int s = 0; s <= 5; s++) {
    double x = 4 + s * 58;
    fprintf(out,
            "<rect x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"12\" fill=\"%s\"/>"
            "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\">",
            x, y + 16, FILL[s], x + 17, y + 26);
    if (!s)
      fputs(zh ? "无任务" : "none", out);
    else {
      fputs("≤ ", out);
      num(out, max * s / 5);
    }
    fputs("</text>\n", out);
  }
  fprintf(out,
          "<rect x=\"4\" y=\"%.1f\" width=\"14\" height=\"12\" fill=\"#fff\" stroke=\"#000\" "
          "stroke-width=\"1.5\"/><text x=\"21\" y=\"%.1f\" font-size=\"11\">%s</text>\n",
          y + 36, y + 46,
          zh ? "黑框：高于当期警戒线（各单位当期负荷的 Q3 + 1.5×IQR）"
             : "Black frame: above the period's fence (Q3 + 1.5 IQR)");
}

char *rg_heatmap_svg(const rg_plan *plan, const rg_timeline *tl, int max_units, int zh) {
  int n = max_units > 0 && tl->n_units > max_units ? max_units : tl->n_units;
  int np = tl->n_periods;
  double max = 0, cw = (W - NAME_W - 4) / np;
  for (size_t c = 0; c < (size_t)tl->n_units * np; c++)
    max = fmax(max, tl->load[c]);
  double h = TOP + n * ROW_H + LEGEND_H;
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&buf, &len);
  fprintf(out,
          "<svg class=\"chart heatmap\" role=\"img\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" "
          "height=\"%.0f\" xmlns=\"http://www.w3.org/2000/svg\">\n<title>%s %d</title>\n",
          W, h, W, h, zh ? "各单位分月负荷" : "Load of each unit by period", tl->year);
  fprintf(out, "<text x=\"4\" y=\"12\" font-size=\"11\">%d%s</text>\n", tl->year,
          tl->months == 1 ? (zh ? "年（月）" : " (month)") : (zh ? "年" : ""));
  for (int p = 0; p < np; p++) {
    fprintf(out, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">",
            NAME_W + p * cw + cw / 2, TOP - 6);
    if (tl->months == 1)
      fprintf(out, "%d", p + 1);
    else
      period(out, tl, p, zh);
    fputs("</text>\n", out);
  }
  for (int i = 0; i < n; i++) {
    double y = TOP + i * ROW_H;
    char shortname[256];
    rg_unit_short_name(plan->meta.issuer, plan->units[tl->unit[i]].name, shortname,
                       sizeof shortname);
    fprintf(out, "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">", NAME_W - 4,
            y + 11);
    rg_escape_html_text(out, shortname);
    fputs("</text>\n", out);
    for (int p = 0; p < np; p++)
      cell(out, plan, tl, i, p, max, NAME_W + p * cw, y, cw, zh);
  }
  legend(out, TOP + n * ROW_H + 4, max, zh);
  fputs("</svg>", out);
  fclose(out);
  return buf;
}
