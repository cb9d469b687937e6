/* html.h - the report page (index.html): one self-contained HTML file.
 *
 * Inline CSS (html.css), JS (html.js) and SVG; the plan data the scripts
 * need is a JSON island <script type="application/json" id="rg-data"> that
 * rg_escape_script_json makes inert. No URL outside the page is referenced,
 * so the file opens from disk offline. Every plan string goes through
 * escape.h. Sections (anchors): summary, overload, load, centrality,
 * clusters, diagram, units (unit-<plan unit index>), chapters (chapter-<n>),
 * tasks (task-<ordinal>), one per extra (<extra id>), diagnostics, methods.
 * Any count of tasks is a link with data-tasks="<task indices>" that opens a
 * panel listing those tasks (and, without JS, jumps to where they are). */
#ifndef RG_HTML_H
#define RG_HTML_H

#include <stdio.h>

#include "error.h"
#include "report_data.h"

/* Size limits of the page (everything is still in the workbook and JSON):
 * per-chapter load columns in the load table, chapters and units in the
 * heat map. */
#define RG_HTML_MAX_CHAPTER_COLS 20
#define RG_HTML_MAX_HEAT_COLS 40
#define RG_HTML_MAX_HEAT_ROWS 150

/* Write the page to out. RG_ESYS when writing fails. O(size of the page). */
rg_status rg_html_write(FILE *out, const rg_report_data *d, rg_error *err);

/* Charts drawn by respgraph itself (inline SVG, no library):
 * horizontal stacked bars of load per unit (lead | support), the fence as a
 * dashed line, overloaded units in red; and a histogram of load. */
void rg_html_chart_load(FILE *out, const rg_report_data *d);
#define RG_CHART_MAX_BARS 80 /* more units: the heaviest 80 (or every overloaded one) */
void rg_html_chart_histogram(FILE *out, const rg_report_data *d);

/* Bin count and width for the load histogram: bins cover [0, max] in steps
 * of a "nice" width (0.5, 1, 2, 5 x 10^k) giving at most max_bins bins.
 * counts (room for max_bins) receives the units per bin [i*w, (i+1)*w); the
 * last bin also takes max. Returns the number of bins. */
int rg_html_histogram(const double *values, int n, int max_bins, double *width, int *counts);

/* Make Graphviz SVG safe and fit for inlining: parse it with libxml2 (no
 * network, no entities), drop the XML prolog, DOCTYPE, comments, processing
 * instructions, <script>, <foreignObject>, on* attributes and hrefs not
 * starting with "#", prefix every id with id_prefix (may be NULL) and return
 * the <svg> element as a malloc'd UTF-8 string. NULL when svg is not XML. */
char *rg_html_svg_inline(const char *svg, size_t len, const char *id_prefix);

/* The stylesheet and script embedded in the page (html.css, html.js). */
extern const char *const rg_html_css;
extern const char *const rg_html_js;

#endif
