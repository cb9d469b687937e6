/* heatmap.h - the report's unit x month heat map of load (analyzer/timeline.h),
 * as inline SVG drawn for a phone: a 360-unit-wide viewBox the page scales to
 * its width, one row per unit (the heaviest first, at most max_units), one
 * column per period, a cell's colour its load on a five-step scale from the
 * largest cell, a black frame where the load is above that period's fence,
 * a legend in plain words under it. Every cell carries a <title> with the
 * unit, the period, the load and the fence. Names are escaped
 * (rg_escape_html_text). malloc'd string. */
#ifndef RG_HEATMAP_H
#define RG_HEATMAP_H

#include "plan.h"
#include "timeline.h"

char *rg_heatmap_svg(const rg_plan *plan, const rg_timeline *tl, int max_units, int zh);

/* The colour step (0 = no load, 1..5) of load v when the largest cell is
 * max: v/max in (0, .2] is 1, (.2, .4] 2 ... (.8, 1] 5. */
int rg_heat_step(double v, double max);

#endif
