/* plans_chart.h - the report's charts of several plans, as inline SVG: the
 * slope chart of a comparison (every unit's load in OLD and in NEW) and the
 * small multiples of a trend (one small load line per unit over the plans).
 *
 * Both are drawn for a phone first: a 360-unit-wide viewBox that the page
 * scales to its width (.chartbox svg), text of 11-12 units, one label per
 * unit placed so that no two overlap (each at least ROW apart, pushed down
 * in load order, with a leader line to its point). Names and numbers are
 * escaped (rg_escape_html_text); every unit's line carries a <title> with
 * its figures. Classes are the page's (svg.chart ...) plus .up / .down /
 * .same for a unit whose load rose, fell or stayed. malloc'd strings. */
#ifndef RG_PLANS_CHART_H
#define RG_PLANS_CHART_H

#include "plans.h"

/* The slope chart of c: OLD (old_label) on the left axis, NEW on the right. */
char *rg_slope_chart_svg(const rg_compare *c, const char *old_label, const char *new_label, int zh);

/* Small multiples of t: the first max_units units in trend order (every
 * unit when max_units <= 0), three to a row; each panel the unit's load per
 * plan, the fence of each plan dashed, a red dot where it was above it. */
char *rg_trend_chart_svg(const rg_trend *t, const char *const *labels, int max_units, int zh);

#endif
