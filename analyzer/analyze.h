/* analyze.h - load, overload, projection ties, centrality and clusters of a plan.
 *
 * igraph-free on purpose: main.c and tests include it next to results.h.
 * Every definition (normalisation, quantile method, what isolated units get)
 * is in NOTES.md, summarised here:
 *
 *  - Only concrete units (RG_KIND_UNIT) are analysed; collectives and
 *    generics are ignored (expand rosters on the plan first).
 *  - k_t = number of concrete units of task t.
 *  - load = W_lead*led + W_support*supported; fractional = sum over the
 *    unit's tasks of role_weight / k_t; burden = sum of (k_t - 1).
 *  - fence = Q3 + 1.5*IQR of all concrete loads, quantiles by linear
 *    interpolation (numpy's default); zscore with the population sd (0 when
 *    sd = 0); rank = 1 + number of units with a strictly larger load.
 *  - Ties: shared tasks >= min_shared; weight = shared (count) or
 *    sum of 1/(k_t - 1) (newman). Centralities on that weighted graph:
 *    betweenness and harmonic with edge length 1/w, eigenvector (scaled to
 *    max 1), PageRank (0.85, PRPACK), Burt's constraint, coreness (unweighted).
 *  - Clusters: Leiden, modularity objective, deterministic with opts.seed.
 *
 * Complexity: O(L + P) for loads and ties (L links, P = evidence size, the
 * projection), O(n*m + n^2 log n) for exact betweenness and harmonic
 * centrality (n units, m ties); above opts.approx_above units both use
 * RG_APPROX_SOURCES sampled sources: O(s*(m + n log n)), and so above
 * RG_EXACT_PATH_WORK units x ties; Burt's constraint is O(sum of degree^2)
 * and left out above RG_CONSTRAINT_WORK (unless opts.exact). Leiden, PageRank
 * and eigenvector are near-linear in m per iteration. Before the projection
 * is built its size is measured (rg_projection_measure): above
 * opts.max_ties the analysis is refused with RG_EINPUT naming the largest
 * task, so no plan makes memory grow past the bound. */
#ifndef RG_ANALYZE_H
#define RG_ANALYZE_H

#include "error.h"
#include "plan.h"
#include "results.h"

/* Fill o with the defaults: W_lead 1, W_support 0.5, count weighting,
 * min_shared 1, resolution 1, seed RG_DEFAULT_SEED, not exact,
 * approx_above RG_APPROX_THRESHOLD. */
void rg_analysis_opts_init(rg_analysis_opts *o);

/* Analyse a finalised plan. opts NULL means defaults. On success out holds
 * everything (free with rg_results_free); on failure out is left empty
 * (safe to rg_results_free) and err says why: RG_EUSAGE for bad options,
 * RG_EINPUT when the projection would have more than opts.max_ties ties,
 * RG_ESYS for an igraph failure. The plan must outlive out. */
rg_status rg_analyze(const rg_plan *plan, const rg_analysis_opts *opts, rg_results *out,
                     rg_error *err);

/* The default --max-ties: half the available memory (MemAvailable of
 * /proc/meminfo, else sysconf's available pages; no more than a finite
 * RLIMIT_AS or RLIMIT_DATA) over RG_BYTES_PER_TIE, and at least
 * RG_MIN_MAX_TIES. *avail_bytes (may be NULL) receives the memory used. */
long long rg_default_max_ties(double *avail_bytes);

/* The threads of an analysis whose opts.threads is 0: every core this
 * process may run on (1 without OpenMP). */
int rg_default_threads(void);

/* The value of the p-quantile (0..1) of sorted[0..n) by linear
 * interpolation between closest ranks (numpy's default method "linear"):
 * h = (n-1)p, x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]).
 * NaN when n = 0. */
double rg_quantile_sorted(const double *sorted, int n, double p);

/* Name of a weighting for messages and JSON: "count" / "newman"; and the
 * reverse (-1 if unknown). */
const char *rg_weighting_name(int weighting);
int rg_weighting_parse(const char *s);

#endif
