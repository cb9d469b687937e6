/* test_seed.c - the analyses on the bundled Shenyang plan, against numbers computed independently.
 *
 * Expected values: numpy 1.24 on the concrete rows of `respgraph edges
 * examples/shenyang-2026.txt --format csv` (loads 1/0.5, percentile linear,
 * population std) and NetworkX 2.8 for the tie count; see
 * tests/check_networkx.py, which checks every metric of every unit. */
#include <criterion/criterion.h>
#include <string.h>

#include "analyze.h"
#include "load.h"

static rg_plan *seed(void) {
  rg_plan *p = NULL;
  rg_error err;
  rg_load_opts lo = {0};
  cr_assert_eq(rg_plan_load(RG_EXAMPLES "/shenyang-2026.txt", &lo, &p, &err), RG_OK, "%s", err.msg);
  return p;
}

Test(seed, has_65_units_466_links_383_ties_and_five_above_the_fence) {
  rg_plan *p = seed();
  rg_results r;
  rg_error err;
  cr_assert_eq(rg_analyze(p, NULL, &r, &err), RG_OK, "%s", err.msg);
  cr_assert_eq(r.n_units, 65);
  int links = 0;
  for (int i = 0; i < r.n_units; i++)
    links += r.units[i].led + r.units[i].supported;
  cr_assert_eq(links, 466);
  cr_assert_eq(r.n_ties, 383);
  cr_assert_float_eq(r.q1, 1, 1e-12);
  cr_assert_float_eq(r.q3, 6, 1e-12);
  cr_assert_float_eq(r.fence, 13.5, 1e-12);
  cr_assert_float_eq(r.mean, 5.161538461538462, 1e-12);
  cr_assert_float_eq(r.sd, 6.695640195913763, 1e-12);
  const char *flagged[] = {"市发展改革委", "市商务局", "市工业和信息化局", "市科技局",
                           "市城乡建设局"};
  cr_assert_eq(r.n_overloaded, 5);
  for (int i = 0; i < 5; i++) {
    cr_assert_str_eq(p->units[r.units[i].unit].name, flagged[i]);
    cr_assert(r.units[i].overloaded);
    cr_assert_not_null(r.units[i].reason);
  }
  cr_assert_not(r.units[5].overloaded);
  cr_assert_not(r.approximate_betweenness);
  cr_assert_gt(r.n_clusters, 1);
  cr_assert_gt(r.modularity, 0.258); /* best of 10 NetworkX Louvain runs: 0.258001 */
  rg_results_free(&r);
  rg_plan_free(p);
}
