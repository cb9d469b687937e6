/* results.h - what the analyzer computes, as plain C arrays.
 *
 * This header is the contract between analyzer/ (which computes with igraph)
 * and output/ (which never sees igraph). It includes no igraph header.
 * Every array is indexed as documented; units are referred to by their plan
 * index (rg_plan.units), tasks by their plan index (rg_plan.tasks).
 * All arrays are owned by the struct and freed by its _free function. */
#ifndef RG_RESULTS_H
#define RG_RESULTS_H

#include <stdint.h>

/* Options that shape the analyses (the CLI fills them). */
typedef struct rg_analysis_opts {
  double lead_weight;       /* W_lead, default 1 */
  double support_weight;    /* W_support, default 0.5 */
  int weighting;            /* 0 = count, 1 = newman */
  int min_shared;           /* drop ties with fewer shared tasks; default 1 */
  double resolution;        /* Leiden modularity resolution gamma; default 1 */
  unsigned long seed;       /* igraph RNG seed; default RG_DEFAULT_SEED */
  int exact;                /* 1: never approximate on large graphs */
  int approx_above;         /* approximate betweenness/harmonic when concrete
                               units > approx_above (and !exact); default
                               RG_APPROX_THRESHOLD */
  long long max_ties;       /* refuse a projection with more ties (RG_EINPUT);
                               0 = rg_default_max_ties(), from available memory */
  const int *exclude_tasks; /* plan task indices left out of the ties */
  int n_exclude_tasks;
  int max_task_units;     /* > 0: tasks naming more concrete units make no ties */
  double path_work;       /* sample paths above units x ties; default RG_EXACT_PATH_WORK */
  double constraint_work; /* leave constraint out above sum of degree^2; default
                             RG_CONSTRAINT_WORK */
  int threads;            /* threads for paths and constraint (analyzer/parallel.h);
                             0 = every core, or one for a small graph; the
                             results do not depend on it */
} rg_analysis_opts;

#define RG_APPROX_THRESHOLD 5000 /* concrete units above which sampling starts */
#define RG_APPROX_SOURCES 256    /* sampled source units when approximating */
#define RG_LEIDEN_RUNS 10        /* Leiden runs; the best modularity is kept */
#define RG_LEIDEN_RUNS_LARGE 2   /* runs above RG_APPROX_THRESHOLD concrete units */
#define RG_LEIDEN_RUNS_SMALL 100 /* runs when units + ties <= RG_LEIDEN_SMALL */
#define RG_LEIDEN_SMALL 50000
/* Work bounds (unless --exact): betweenness and harmonic are sampled when
 * units x ties exceeds RG_EXACT_PATH_WORK (exact Brandes is O(n m)), and
 * Burt's constraint, O(sum of degree^2), is left out above
 * RG_CONSTRAINT_WORK. */
#define RG_EXACT_PATH_WORK 200000000.0
#define RG_CONSTRAINT_WORK 2000000000.0
/* Peak bytes of memory per projection tie through the whole analysis
 * (measured: bench/results.md "One task, many units"); the default
 * --max-ties lets the ties take half the available memory. */
#define RG_BYTES_PER_TIE 320
#define RG_MIN_MAX_TIES 100000LL

#define RG_DEFAULT_SEED 20260125UL

/* Per-concrete-unit figures. Row i describes plan unit units[i]. */
typedef struct rg_unit_stats {
  int unit;           /* plan unit index */
  int led, supported; /* task counts by role */
  double load;        /* W_lead*led + W_support*supported */
  double fractional;  /* sum over its tasks of role weight / k_t */
  double share;       /* load / total load of all concrete units */
  int chapters;       /* distinct chapters covered */
  int partners;       /* distinct co-owning concrete units (projection degree) */
  int burden;         /* sum over its tasks of (k_t - 1) */
  double strength, betweenness, harmonic, eigenvector, pagerank, constraint;
  int coreness;
  int cluster;          /* cluster id (0-based), -1 if none */
  int overloaded;       /* 1 when load > fence */
  double zscore;        /* (load - mean) / sd */
  int rank;             /* 1-based rank by load */
  double participation; /* participation coefficient over clusters */
  /* Load per chapter, largest first (ties: chapter index asc); chapter -1
   * collects tasks outside any chapter. n_chapter_loads entries. */
  int *chapter_ids;
  double *chapter_loads;
  int n_chapter_loads;
  char *reason; /* why it is flagged (owned), NULL when not overloaded */
} rg_unit_stats;

/* A tie of the unit projection with its evidence. */
typedef struct rg_tie {
  int a, b;      /* plan unit indices, name(a) < name(b) */
  int shared;    /* number of shared tasks */
  double weight; /* count, or Newman sum 1/(k_t - 1) */
  int *tasks;    /* plan task indices, ascending; n = shared */
  double p;      /* SDSM p-value: P(shared >= observed) under the null (backbone.h) */
  int backbone;  /* RG_TIE_SIGNIFICANT (p < alpha) | RG_TIE_STRONGEST (a unit's
                    strongest tie); 0: not in the backbone */
} rg_tie;

enum { RG_TIE_SIGNIFICANT = 1, RG_TIE_STRONGEST = 2 };

#define RG_CLUSTER_CORE 2      /* members named in a cluster's name */
#define RG_BRIDGE_QUANTILE 0.9 /* a bridge's participation is in the top decile */

typedef struct rg_cluster {
  int id;
  int *units;
  int n_units; /* plan unit indices, by name */
  int *tasks;
  int n_tasks; /* every concrete unit inside the cluster */
  int *crossing;
  int n_crossing; /* tasks with units in this and another cluster */
  int *bridges;
  int n_bridges; /* members whose participation stands out: at least
                    results.bridge_cut and above 0, by participation desc */
  /* What names the cluster (output/schema.h rg_cluster_name): */
  int *mostly;
  int n_mostly;      /* tasks more than half of whose concrete units are members */
  int chapter;       /* the chapter most of the mostly tasks are in (ties: the
                        earlier chapter), -1 when none is */
  int chapter_tasks; /* how many of them are in it */
  int core[RG_CLUSTER_CORE];
  int n_core; /* the members with the largest load (results order) */
} rg_cluster;

typedef struct rg_results {
  rg_analysis_opts opts;
  rg_unit_stats *units;
  int n_units;      /* concrete units, sorted by load desc, name asc */
  int *row_of_unit; /* plan unit index -> row in units[], -1 if not concrete */
  rg_tie *ties;
  int n_ties; /* sorted by (name a, name b) */
  rg_cluster *clusters;
  int n_clusters;
  double modularity;
  double alpha;      /* the backbone's significance level (RG_BACKBONE_ALPHA) */
  double bridge_cut; /* the RG_BRIDGE_QUANTILE quantile of participation over units
                        with ties (linear interpolation): the bridges' threshold */
  double fence, q1, q3, iqr, mean, sd; /* overload fence: q3 + 1.5 iqr */
  int approximate_betweenness;         /* 1 when sampled/cut off (see NOTES.md) */
  int constraint_skipped;              /* 1 when constraint was left out (work bound) */
  const char *approximation_note;      /* static string or NULL: what was sampled or
                                          left out, and why */
  double total_load;                   /* sum of load over concrete units */
  int n_overloaded;                    /* units with overloaded = 1 */
  int n_dropped_ties;                  /* projection ties below min_shared */
  int n_isolated;                      /* concrete units without any tie */
} rg_results;

void rg_results_free(rg_results *r);

#endif
