/* test_heatmap.c - the report's unit x month heat map (output/heatmap.c) on
 * the city-2023 plan (tests/data/heldout), whose loads by month
 * tests/analyzer/test_timeline.c checks against exact fractions. */
#include <criterion/criterion.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

#include "analyze.h"
#include "heatmap.h"
#include "load.h"
#include "timeline.h"

Test(heatmap, colour_steps_are_fifths_of_the_largest_cell) {
  cr_expect_eq(rg_heat_step(0, 2), 0);
  cr_expect_eq(rg_heat_step(0.4, 2), 1); /* 0.2 */
  cr_expect_eq(rg_heat_step(0.41, 2), 2);
  cr_expect_eq(rg_heat_step(1.2, 2), 3); /* 0.6 */
  cr_expect_eq(rg_heat_step(1.61, 2), 5);
  cr_expect_eq(rg_heat_step(2, 2), 5);
  cr_expect_eq(rg_heat_step(1, 0), 0);
}

static int count(xmlNode *n, const char *name) {
  int k = 0;
  for (; n; n = n->next)
    if (n->type == XML_ELEMENT_NODE)
      k += !strcmp((const char *)n->name, name) + count(n->children, name);
  return k;
}

Test(heatmap, one_cell_per_unit_and_month_with_its_figures_and_a_legend) {
  rg_plan *p = NULL;
  rg_error err;
  rg_load_opts lo = {0};
  cr_assert_eq(rg_plan_load(RG_TEST_DATA "/heldout/city-2023-task-table.html", &lo, &p, &err),
               RG_OK, "%s", err.msg);
  rg_results r;
  rg_timeline tl = {0};
  cr_assert_eq(rg_analyze(p, NULL, &r, &err), RG_OK, "%s", err.msg);
  cr_assert_eq(rg_timeline_build(p, &r, 1, &tl, &err), RG_OK, "%s", err.msg);
  char *svg = rg_heatmap_svg(p, &tl, 0, 1);
  xmlDoc *doc = xmlReadMemory(svg, (int)strlen(svg), "h.svg", "UTF-8", XML_PARSE_NONET);
  cr_assert_not_null(doc, "the heat map is well-formed XML");
  /* 18 units x 12 months, 6 legend swatches and the frame's */
  cr_expect_eq(count(xmlDocGetRootElement(doc), "rect"), 18 * 12 + 7);
  xmlFreeDoc(doc);
  /* 市商务局 leads task 3 (by June 30): 1/6 a month, above the monthly fence
   * in January to June */
  cr_expect_not_null(strstr(svg, "市商务局 1月：负荷 0.17（当期警戒线 "), "%s", svg);
  cr_expect_not_null(strstr(svg, "黑框：高于当期警戒线"));
  cr_expect_not_null(strstr(svg, "2023年（月）"));
  free(svg);
  svg = rg_heatmap_svg(p, &tl, 5, 0); /* the heaviest five, in English */
  doc = xmlReadMemory(svg, (int)strlen(svg), "h.svg", "UTF-8", XML_PARSE_NONET);
  cr_expect_eq(count(xmlDocGetRootElement(doc), "rect"), 5 * 12 + 7);
  cr_expect_not_null(strstr(svg, "Darker: more load"));
  xmlFreeDoc(doc);
  free(svg);
  rg_timeline_free(&tl);
  rg_results_free(&r);
  rg_plan_free(p);
}
