/* backbone.h - which ties of the unit projection are more than chance: the
 * stochastic degree sequence model (SDSM) of the unit x task graph.
 *
 * Null model: the bipartite configuration model (BiCM, Saracco et al. 2015),
 * the maximum-entropy graph whose expected unit and task degrees equal the
 * observed ones, which is how the SDSM of Neal (2014) is estimated today
 * (R package backbone >= 2.0). Unit i is on task t with probability
 * p_it = x_i y_t / (1 + x_i y_t); x and y solve the degree equations by
 * fixed-point iteration over degree classes (units or tasks of one degree
 * share one value). The shared tasks of units i and j are then a sum of
 * independent Bernoulli(p_it p_jt) (Poisson binomial); a tie's p-value is
 * P(X >= observed shared tasks), computed exactly by convolution of one
 * binomial per task-degree class, truncated at the observed count.
 *
 * A tie is in the backbone when p < alpha (one-tailed, each tie tested on its
 * own), or when it is a unit's strongest tie (largest weight; equal weights:
 * smaller p, then the results' order), so no unit with a partner is left
 * without a drawn tie.
 *
 * igraph-free. O(L + iterations x R x C) for the model (R, C distinct unit
 * and task degrees, at most sqrt(2L) each) and O(C x s^2) per tie with s
 * shared tasks. */
#ifndef RG_BACKBONE_H
#define RG_BACKBONE_H

#include "plan.h"
#include "results.h"

#define RG_BACKBONE_ALPHA 0.05

/* Fill every tie's p and backbone flags of r (computed on plan), with the
 * significance level alpha (0 < alpha < 1). */
void rg_backbone(const rg_plan *plan, rg_results *r, double alpha);

#endif
