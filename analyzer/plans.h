/* plans.h - analyses over several plans: the load of each unit by plan in a
 * consolidated run, the comparison of two plans (compare) and the load of
 * each unit over successive plans (trend).
 *
 * igraph-free results (output/ reads them); they refer to units by plan unit
 * index or by name (borrowed from the plans, which must outlive them).
 *
 * Rules (NOTES.md "Several plans"):
 *   - A unit of OLD is the unit of NEW with the same canonical name, or the
 *     one --renames gives it (given), or a suggested rename: a unit only OLD
 *     names (r) and a unit only NEW names (a) with
 *       score = (name similarity + task similarity) / 2 >= RG_RENAME_SCORE,
 *     name similarity the bigram Jaccard of the names (similar.h), task
 *     similarity the Jaccard of r's tasks carried into NEW and a's tasks;
 *     best scores first, each unit in at most one pair (ties: old name, new
 *     name).
 *   - A task of OLD is carried into NEW when their texts are at least
 *     RG_CARRY_THRESHOLD similar; pairs are taken best score first (ties: old
 *     task, then new task), each task in at most one pair.
 *   - Only concrete units are compared (the analyses' units); loads and ranks
 *     are the analyses' (rank: 1 + units with a larger load; 0 when absent).
 *   - Ties gained and lost are partners in the projection (results ties), by
 *     NEW name: a partner of OLD is shown under its NEW name when it has one. */
#ifndef RG_PLANS_H
#define RG_PLANS_H

#include "error.h"
#include "plan.h"
#include "results.h"

#define RG_RENAME_SCORE 0.5

/* ---- load by plan (a consolidated run, merge.h) ---- */
typedef struct rg_unit_plan_load {
  int unit;   /* plan unit index (concrete), rows in results order */
  int source; /* plan->sources index */
  int led, supported;
  double load; /* lead_weight * led + support_weight * supported */
} rg_unit_plan_load;

/* Rows for every concrete unit (results order) and every plan it has tasks
 * in (plan order) into *out (malloc'd); returns the count. */
int rg_load_by_plan(const rg_plan *plan, const rg_results *r, rg_unit_plan_load **out);

/* ---- compare ---- */
typedef struct rg_cmp_unit {
  const char *name;     /* NEW name (OLD name for a removed unit) */
  const char *old_name; /* OLD name, NULL for an added unit */
  double old_load, new_load;
  int old_rank, new_rank;      /* 0: absent */
  const char **gained, **lost; /* partner names, ascending */
  int n_gained, n_lost;
} rg_cmp_unit;

typedef struct rg_cmp_rename {
  const char *old_name, *new_name;
  int given;    /* 1: --renames; 0: suggested */
  double score; /* suggested: (name + tasks) / 2; given: 1 */
  double name_score, task_score;
} rg_cmp_rename;

typedef struct rg_cmp_task {
  int old_task, new_task; /* -1 none */
  double score;           /* carried: similarity */
} rg_cmp_task;

typedef struct rg_compare {
  rg_cmp_unit *units; /* by |delta load| desc, then name */
  int n_units;
  rg_cmp_rename *renamed; /* given first (file order), then suggested by score */
  int n_renamed;
  const char **added, **removed; /* names, ascending */
  int n_added, n_removed;
  rg_cmp_task *carried; /* by old task */
  int n_carried;
  int *new_tasks, *dropped; /* NEW / OLD task indices, ascending */
  int n_new, n_dropped;
} rg_compare;

/* Compare OLD (and its results) with NEW. renames: n_renames pairs of
 * names old0,new0,old1,new1... (rg_renames_read); a name neither plan has
 * is RG_EINPUT naming file. */
rg_status rg_compare_plans(const rg_plan *old, const rg_results *ro, const rg_plan *new_,
                           const rg_results *rn, char *const *renames, int n_renames,
                           const char *file, rg_compare *out, rg_error *err);
void rg_compare_free(rg_compare *c);

/* ---- trend ---- */
typedef struct rg_trend_unit {
  const char *name;
  double *loads;       /* n_plans entries; 0 where the plan does not name it */
  unsigned char *over; /* n_plans flags: above that plan's fence */
  int k;               /* plans in which it is over the fence */
} rg_trend_unit;

typedef struct rg_trend {
  int n_plans;
  double *fences;       /* n_plans */
  rg_trend_unit *units; /* by k desc, last load desc, name */
  int n_units;
} rg_trend;

/* The load series of every concrete unit over plans[0..n) (results r[i]);
 * units matched by canonical name after the renames (n_renames pairs old0,
 * new0, ...: rg_renames_read; applied in turn, so A->B in one year and B->C
 * in the next give C): a unit is shown by its latest name, and units renamed
 * into one name (a merger) have their loads added, over being that sum above
 * the plan's fence. Unit names point into the plans or renames, which must
 * outlive the trend. */
void rg_trend_build(const rg_plan *const *plans, const rg_results *r, int n, char *const *renames,
                    int n_renames, rg_trend *out);
void rg_trend_free(rg_trend *t);

#endif
