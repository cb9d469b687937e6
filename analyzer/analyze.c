/* analyze.c - load, overload fence, weighted ties, centrality and Leiden clusters of a plan. */
#include "analyze.h"
#include "backbone.h"

#include <igraph.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <threads.h>
#include <unistd.h>

#include "bipartite.h"
#include "brandes.h"
#include "constraint.h"
#include "csr.h"
#include "parallel.h"
#include "sort.h"

#ifdef RG_HAVE_OPENMP
#include <omp.h>
#endif

void rg_analysis_opts_init(rg_analysis_opts *o) {
  memset(o, 0, sizeof *o);
  o->lead_weight = 1.0;
  o->support_weight = 0.5;
  o->weighting = 0;
  o->min_shared = 1;
  o->resolution = 1.0;
  o->seed = RG_DEFAULT_SEED;
  o->exact = 0;
  o->approx_above = RG_APPROX_THRESHOLD;
  o->path_work = RG_EXACT_PATH_WORK;
  o->constraint_work = RG_CONSTRAINT_WORK;
}

const char *rg_weighting_name(int weighting) { return weighting == 1 ? "newman" : "count"; }

int rg_weighting_parse(const char *s) {
  if (!strcmp(s, "count")) return 0;
  if (!strcmp(s, "newman")) return 1;
  return -1;
}

double rg_quantile_sorted(const double *sorted, int n, double p) {
  if (n <= 0) return NAN;
  double h = (double)(n - 1) * p;
  int lo = (int)floor(h);
  if (lo >= n - 1) return sorted[n - 1];
  if (lo < 0) return sorted[0];
  return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
}

/* Free n unit rows and what they own. */
static void stats_free(rg_unit_stats *st, int n) {
  for (int i = 0; i < n; i++) {
    free(st[i].chapter_ids);
    free(st[i].chapter_loads);
    free(st[i].reason);
  }
  free(st);
}

void rg_results_free(rg_results *r) {
  if (!r) return;
  stats_free(r->units, r->n_units);
  free(r->row_of_unit);
  for (int i = 0; i < r->n_ties; i++)
    free(r->ties[i].tasks);
  free(r->ties);
  for (int i = 0; i < r->n_clusters; i++) {
    free(r->clusters[i].units);
    free(r->clusters[i].tasks);
    free(r->clusters[i].crossing);
    free(r->clusters[i].bridges);
    free(r->clusters[i].mostly);
  }
  free(r->clusters);
  memset(r, 0, sizeof *r);
}

/* ------------------------------------------------------------ sort helpers */

/* The comparators that order units by name take the plan as their rg_sort
 * context. */
static const char *uname(const rg_plan *plan, int u) { return plan->units[u].name; }

/* plan unit indices by name */
static int cmp_unit_name(const void *a, const void *b, void *plan) {
  return strcmp(uname(plan, *(const int *)a), uname(plan, *(const int *)b));
}

/* unit rows: load desc, then name asc */
static int cmp_stats(const void *a, const void *b, void *plan) {
  const rg_unit_stats *x = a, *y = b;
  if (x->load != y->load) return x->load > y->load ? -1 : 1;
  return strcmp(uname(plan, x->unit), uname(plan, y->unit));
}

/* ties by (name a, name b), with the context rank[u]: unit u's place in
 * name order (equal names, equal rank), so one name sort serves every
 * comparison and the order is the same as comparing the names */
static int cmp_tie(const void *a, const void *b, void *rank) {
  const rg_tie *x = a, *y = b;
  const int *r = rank;
  if (r[x->a] != r[y->a]) return r[x->a] < r[y->a] ? -1 : 1;
  return (r[x->b] > r[y->b]) - (r[x->b] < r[y->b]);
}

/* rank[u] for cmp_tie: plan units sorted by name, equal names sharing a rank.
 * Caller frees. */
static int *name_ranks(const rg_plan *plan) {
  int n = plan->n_units;
  int *order = rg_xmalloc(((size_t)n + 1) * sizeof *order);
  int *rank = rg_xmalloc(((size_t)n + 1) * sizeof *rank);
  for (int u = 0; u < n; u++)
    order[u] = u;
  rg_sort(order, (size_t)n, sizeof *order, cmp_unit_name, (void *)plan);
  for (int i = 0; i < n; i++)
    rank[order[i]] =
        i > 0 && !strcmp(uname(plan, order[i]), uname(plan, order[i - 1])) ? rank[order[i - 1]] : i;
  free(order);
  return rank;
}

typedef struct chap_load {
  int chapter;
  double load;
} chap_load;

static int cmp_chap_load(const void *a, const void *b, void *ctx) {
  (void)ctx;
  const chap_load *x = a, *y = b;
  if (x->load != y->load) return x->load > y->load ? -1 : 1;
  return (x->chapter > y->chapter) - (x->chapter < y->chapter);
}

/* ------------------------------------------------------------------ loads */

/* Per concrete unit (projection vertex i): counts, load, fractional load,
 * chapters, burden and the per-chapter breakdown. O(links). */
static void compute_loads(const rg_plan *plan, const rg_projection *p, const rg_analysis_opts *o,
                          rg_unit_stats *st) {
  int slots = plan->n_chapters + 1; /* slot 0 = no chapter */
  int *stamp = rg_xcalloc((size_t)slots, sizeof *stamp);
  double *acc = rg_xcalloc((size_t)slots, sizeof *acc);
  chap_load *touched = rg_xmalloc((size_t)slots * sizeof *touched);
  for (int i = 0; i < p->n; i++) {
    int u = p->unit_of_vertex[i];
    const rg_unit *U = &plan->units[u];
    rg_unit_stats *s = &st[i];
    s->unit = u;
    s->cluster = -1;
    int nt = 0;
    for (int j = 0; j < U->link_count; j++) {
      const rg_link *l = &plan->links[plan->unit_links[U->link_begin + j]];
      double rw = l->role == RG_ROLE_LEAD ? o->lead_weight : o->support_weight;
      int k = p->task_k[l->task];
      if (l->role == RG_ROLE_LEAD)
        s->led++;
      else
        s->supported++;
      s->fractional += rw / k;
      s->burden += k - 1;
      int ch = plan->tasks[l->task].chapter;
      int slot = ch + 1;
      if (stamp[slot] != i + 1) {
        stamp[slot] = i + 1;
        acc[slot] = 0;
        touched[nt++].chapter = ch;
        if (ch >= 0) s->chapters++;
      }
      acc[slot] += rw;
    }
    s->load = o->lead_weight * s->led + o->support_weight * s->supported;
    for (int j = 0; j < nt; j++)
      touched[j].load = acc[touched[j].chapter + 1];
    rg_sort(touched, (size_t)nt, sizeof *touched, cmp_chap_load, NULL);
    s->n_chapter_loads = nt;
    s->chapter_ids = rg_xmalloc(((size_t)nt + 1) * sizeof *s->chapter_ids);
    s->chapter_loads = rg_xmalloc(((size_t)nt + 1) * sizeof *s->chapter_loads);
    for (int j = 0; j < nt; j++) {
      s->chapter_ids[j] = touched[j].chapter;
      s->chapter_loads[j] = touched[j].load;
    }
  }
  free(stamp);
  free(acc);
  free(touched);
}

/* Tukey fence, population z-scores, competition ranks and reasons. */
static void compute_overload(const rg_plan *plan, rg_unit_stats *st, int n, rg_results *out) {
  double *sorted = rg_xmalloc(((size_t)n + 1) * sizeof *sorted);
  double total = 0;
  for (int i = 0; i < n; i++) {
    sorted[i] = st[i].load;
    total += st[i].load;
  }
  rg_sort(sorted, (size_t)n, sizeof *sorted, rg_cmp_double, NULL);
  out->total_load = total;
  out->q1 = rg_quantile_sorted(sorted, n, 0.25);
  out->q3 = rg_quantile_sorted(sorted, n, 0.75);
  out->iqr = out->q3 - out->q1;
  out->fence = out->q3 + 1.5 * out->iqr;
  out->mean = n ? total / n : NAN;
  double ss = 0;
  for (int i = 0; i < n; i++)
    ss += (st[i].load - out->mean) * (st[i].load - out->mean);
  out->sd = n ? sqrt(ss / n) : NAN;
  for (int i = 0; i < n; i++) {
    rg_unit_stats *s = &st[i];
    s->share = total > 0 ? s->load / total : 0;
    s->zscore = out->sd > 0 ? (s->load - out->mean) / out->sd : 0;
    /* rank = 1 + units with a strictly larger load: first index > load */
    int lo = 0, hi = n;
    while (lo < hi) {
      int mid = (lo + hi) / 2;
      if (sorted[mid] <= s->load)
        lo = mid + 1;
      else
        hi = mid;
    }
    s->rank = 1 + (n - lo);
    s->overloaded = s->load > out->fence;
    if (!s->overloaded) continue;
    out->n_overloaded++;
    char top[512] = "";
    size_t used = 0;
    for (int j = 0; j < s->n_chapter_loads && j < 3; j++) {
      int c = s->chapter_ids[j];
      const char *num = c >= 0 ? plan->chapters[c].number : "-";
      int w = snprintf(top + used, sizeof top - used, "%s%s %.4g", j ? ", " : "", num,
                       s->chapter_loads[j]);
      if (w < 0 || (size_t)w >= sizeof top - used) break;
      used += (size_t)w;
    }
    char buf[1024];
    snprintf(buf, sizeof buf,
             "load %.4g > fence %.4g (Q3 %.4g + 1.5 x IQR %.4g); z = %.3f; rank %d of %d; "
             "top chapters: %s",
             s->load, out->fence, out->q3, out->iqr, s->zscore, s->rank, n, top);
    s->reason = rg_xstrdup(buf);
  }
  free(sorted);
}

/* ------------------------------------------------------- graph metrics */

typedef struct work {
  const rg_plan *plan;
  const rg_analysis_opts *o;
  const rg_projection *p;
  rg_unit_stats *st; /* by projection vertex */
  int n;
} work;

typedef struct part_entry {
  int vertex, cluster;
  double w;
} part_entry;

static int cmp_part(const void *a, const void *b, void *ctx) {
  (void)ctx;
  const part_entry *x = a, *y = b;
  if (x->vertex != y->vertex) return (x->vertex > y->vertex) - (x->vertex < y->vertex);
  return (x->cluster > y->cluster) - (x->cluster < y->cluster);
}

typedef struct raw_cluster {
  int raw, size, min_unit;
} raw_cluster;

static int cmp_raw_cluster(const void *a, const void *b, void *plan) {
  const raw_cluster *x = a, *y = b;
  if (x->size != y->size) return x->size > y->size ? -1 : 1;
  return strcmp(uname(plan, x->min_unit), uname(plan, y->min_unit));
}

/* Renumber raw Leiden memberships: clusters of non-isolated units only, by
 * size desc, then smallest unit name asc. Isolated units get -1. */
static int renumber_clusters(work *wk, const igraph_vector_int_t *memb, const int *isolated) {
  int n = wk->n, nraw = 0;
  for (int i = 0; i < n; i++)
    if (!isolated[i] && VECTOR(*memb)[i] + 1 > nraw) nraw = (int)VECTOR(*memb)[i] + 1;
  int *size = rg_xcalloc((size_t)nraw + 1, sizeof *size);
  int *minu = rg_xmalloc(((size_t)nraw + 1) * sizeof *minu);
  for (int c = 0; c < nraw; c++)
    minu[c] = -1;
  for (int i = 0; i < n; i++) {
    if (isolated[i]) continue;
    int c = (int)VECTOR(*memb)[i], u = wk->st[i].unit;
    size[c]++;
    if (minu[c] < 0 || strcmp(uname(wk->plan, u), uname(wk->plan, minu[c])) < 0) minu[c] = u;
  }
  raw_cluster *order = rg_xmalloc(((size_t)nraw + 1) * sizeof *order);
  int nc = 0;
  for (int c = 0; c < nraw; c++)
    if (size[c] > 0) order[nc++] = (raw_cluster){c, size[c], minu[c]};
  rg_sort(order, (size_t)nc, sizeof *order, cmp_raw_cluster, (void *)wk->plan);
  int *newid = rg_xmalloc(((size_t)nraw + 1) * sizeof *newid);
  for (int j = 0; j < nc; j++)
    newid[order[j].raw] = j;
  for (int i = 0; i < n; i++)
    wk->st[i].cluster = isolated[i] ? -1 : newid[VECTOR(*memb)[i]];
  free(size);
  free(minu);
  free(order);
  free(newid);
  return nc;
}

/* The weighted graph of the ties: the projection's edges with at least
 * min_shared shared tasks, weighted by count or Newman's sum. */
typedef struct tie_graph {
  igraph_t g;
  igraph_vector_int_t edges; /* 2m endpoints: projection vertices */
  igraph_vector_t w;         /* weight */
  igraph_vector_t len;       /* length 1/w, for shortest paths */
  igraph_vector_t ws;        /* weight / max weight, for the eigenvector */
  int *from_edge;            /* tie e -> projection edge */
  int m;
  double total_w;
} tie_graph;

static void tie_graph_destroy(tie_graph *tg) {
  igraph_destroy(&tg->g);
  igraph_vector_int_destroy(&tg->edges);
  igraph_vector_destroy(&tg->w);
  igraph_vector_destroy(&tg->len);
  igraph_vector_destroy(&tg->ws);
  free(tg->from_edge);
}

/* Weight of projection edge e: shared tasks, or Newman's sum 1/(k_t - 1). */
static double tie_weight(const work *wk, igraph_integer_t e) {
  const rg_projection *p = wk->p;
  if (wk->o->weighting != 1) return (double)VECTOR(p->shared)[e];
  double weight = 0;
  for (int j = p->ev_begin[e]; j < p->ev_begin[e + 1]; j++)
    weight += 1.0 / (p->task_k[p->ev_tasks[j]] - 1);
  return weight;
}

/* The ties with their evidence into out->ties (names a < b). */
static void collect_ties(const work *wk, const tie_graph *tg, rg_results *out) {
  const rg_projection *p = wk->p;
  out->n_ties = tg->m;
  out->ties = rg_xcalloc((size_t)tg->m + 1, sizeof *out->ties);
  for (int e = 0; e < tg->m; e++) {
    rg_tie *t = &out->ties[e];
    int ua = wk->st[VECTOR(tg->edges)[2 * e]].unit, ub = wk->st[VECTOR(tg->edges)[2 * e + 1]].unit;
    if (strcmp(uname(wk->plan, ua), uname(wk->plan, ub)) > 0) {
      int x = ua;
      ua = ub;
      ub = x;
    }
    int pe = tg->from_edge[e];
    t->a = ua;
    t->b = ub;
    t->shared = (int)VECTOR(p->shared)[pe];
    t->weight = VECTOR(tg->w)[e];
    t->tasks = rg_xmalloc(((size_t)t->shared + 1) * sizeof *t->tasks);
    memcpy(t->tasks, p->ev_tasks + p->ev_begin[pe], (size_t)t->shared * sizeof *t->tasks);
  }
}

/* Build the tie graph and out->ties. On failure nothing is left allocated
 * in tg. O(projection edges + evidence). */
static igraph_error_t ties_build(work *wk, tie_graph *tg, rg_results *out) {
  const rg_projection *p = wk->p;
  igraph_integer_t pe = igraph_ecount(&p->graph);
  memset(tg, 0, sizeof *tg);
  IGRAPH_VECTOR_INT_INIT_FINALLY(&tg->edges, 0);
  IGRAPH_VECTOR_INIT_FINALLY(&tg->w, 0);
  tg->from_edge = rg_xmalloc(((size_t)pe + 1) * sizeof *tg->from_edge);
  IGRAPH_FINALLY(free, tg->from_edge);
  for (igraph_integer_t e = 0; e < pe; e++) {
    if ((int)VECTOR(p->shared)[e] < wk->o->min_shared) {
      out->n_dropped_ties++;
      continue;
    }
    igraph_integer_t a, b;
    IGRAPH_CHECK(igraph_edge(&p->graph, e, &a, &b));
    IGRAPH_CHECK(igraph_vector_int_push_back(&tg->edges, a));
    IGRAPH_CHECK(igraph_vector_int_push_back(&tg->edges, b));
    IGRAPH_CHECK(igraph_vector_push_back(&tg->w, tie_weight(wk, e)));
    tg->from_edge[tg->m++] = (int)e;
  }
  /* No tie dropped: the tie graph is the projection, edge for edge (the same
   * endpoints in the same order), so copy it instead of re-indexing the edges */
  if (tg->m == pe)
    IGRAPH_CHECK(igraph_copy(&tg->g, &p->graph));
  else
    IGRAPH_CHECK(igraph_create(&tg->g, &tg->edges, wk->n, IGRAPH_UNDIRECTED));
  IGRAPH_FINALLY(igraph_destroy, &tg->g);
  IGRAPH_VECTOR_INIT_FINALLY(&tg->len, tg->m);
  IGRAPH_VECTOR_INIT_FINALLY(&tg->ws, tg->m);
  double wmax = 0;
  for (int e = 0; e < tg->m; e++) {
    VECTOR(tg->len)[e] = 1.0 / VECTOR(tg->w)[e];
    if (VECTOR(tg->w)[e] > wmax) wmax = VECTOR(tg->w)[e];
    tg->total_w += VECTOR(tg->w)[e];
  }
  for (int e = 0; e < tg->m; e++)
    VECTOR(tg->ws)[e] = VECTOR(tg->w)[e] / wmax;
  IGRAPH_FINALLY_CLEAN(6);
  collect_ties(wk, tg, out);
  return IGRAPH_SUCCESS;
}

/* Sample betweenness and harmonic centrality (and run Leiden fewer times)?
 * Above approx_above units, or when exact Brandes (O(n m)) would exceed
 * RG_EXACT_PATH_WORK; never with --exact or with too few units to sample. */
static int sampled(const work *wk, const tie_graph *tg) {
  const rg_analysis_opts *o = wk->o;
  if (o->exact || wk->n <= RG_APPROX_SOURCES) return 0;
  return wk->n > o->approx_above || (double)wk->n * tg->m > o->path_work;
}

/* The sources of the path sums, into *src (malloc'd, *count entries):
 * RG_APPROX_SOURCES drawn without replacement with the seeded RNG when
 * sampled() (each vertex is a source with probability k/n, so scaling by
 * n/k makes both estimates unbiased), else every vertex. Uses igraph's
 * RNG, so it runs before the threads start. */
static igraph_error_t path_sources(const work *wk, const tie_graph *tg, int **src, int *count) {
  int n = wk->n;
  if (!sampled(wk, tg)) {
    *src = rg_xmalloc(((size_t)n + 1) * sizeof **src);
    for (int i = 0; i < n; i++)
      (*src)[i] = i;
    *count = n;
    return IGRAPH_SUCCESS;
  }
  igraph_vector_int_t v;
  IGRAPH_VECTOR_INT_INIT_FINALLY(&v, 0);
  IGRAPH_CHECK(igraph_rng_seed(igraph_rng_default(), wk->o->seed));
  IGRAPH_CHECK(igraph_random_sample(&v, 0, n - 1, RG_APPROX_SOURCES));
  *src = rg_xmalloc(RG_APPROX_SOURCES * sizeof **src);
  for (int i = 0; i < RG_APPROX_SOURCES; i++)
    (*src)[i] = (int)VECTOR(v)[i];
  *count = RG_APPROX_SOURCES;
  igraph_vector_int_destroy(&v);
  IGRAPH_FINALLY_CLEAN(1);
  return IGRAPH_SUCCESS;
}

/* Betweenness and harmonic centrality, both with edge length 1/w, from the
 * sums of rg_brandes: normalised by (n-1)(n-2)/2 and n-1, and scaled by
 * n/k when k sources were sampled. */
static void paths_store(work *wk, const double *bet, const double *harm, int approx) {
  int n = wk->n;
  double bnorm = n > 2 ? (double)(n - 1) * (double)(n - 2) / 2.0 : 0;
  double scale = approx ? (double)n / RG_APPROX_SOURCES : 1.0;
  for (int i = 0; i < n; i++) {
    wk->st[i].betweenness = bnorm > 0 ? bet[i] * scale / bnorm : 0;
    wk->st[i].harmonic = n > 1 ? harm[i] * scale / (double)(n - 1) : 0;
  }
}

/* Say that the paths are sampled (before constraint_wanted, which may say
 * more). */
static void paths_note(const work *wk, rg_results *out) {
  out->approximate_betweenness = 1;
  out->approximation_note =
      wk->n > wk->o->approx_above
          ? "betweenness and harmonic centrality estimated from 256 source units sampled with "
            "the seed, scaled by n/256 (more than 5000 concrete units; --exact computes them "
            "exactly)"
          : "betweenness and harmonic centrality estimated from 256 source units sampled with "
            "the seed, scaled by n/256 (units x ties above 2e8; --exact computes them "
            "exactly)";
}

/* PageRank, damping 0.85, PRPACK, weights w. */
static igraph_error_t pagerank(work *wk, const tie_graph *tg, igraph_vector_t *res) {
  igraph_real_t value;
#ifdef RG_HAVE_OPENMP
  /* PRPACK's parallel sums differ in the last digits from run to run on
   * large graphs: one thread keeps the output byte-identical */
  int threads = omp_get_max_threads();
  omp_set_num_threads(1);
#endif
  igraph_error_t rc = igraph_pagerank(&tg->g, IGRAPH_PAGERANK_ALGO_PRPACK, res, &value,
                                      igraph_vss_all(), IGRAPH_UNDIRECTED, 0.85, &tg->w, NULL);
#ifdef RG_HAVE_OPENMP
  omp_set_num_threads(threads);
#endif
  IGRAPH_CHECK(rc);
  for (int i = 0; i < wk->n; i++)
    wk->st[i].pagerank = VECTOR(*res)[i];
  return IGRAPH_SUCCESS;
}

/* Burt's constraint, O(sum of degree^2) at most: left out (nan, and said
 * in the note) when that sum is above RG_CONSTRAINT_WORK, unless --exact.
 * Returns 1 when it is to be computed. */
static int constraint_wanted(work *wk, rg_results *out) {
  int n = wk->n;
  double work2 = 0;
  for (int i = 0; i < n; i++)
    work2 += (double)wk->st[i].partners * wk->st[i].partners;
  if (wk->o->exact || work2 <= wk->o->constraint_work) return n > 0;
  for (int i = 0; i < n; i++)
    wk->st[i].constraint = NAN;
  out->constraint_skipped = 1;
  out->approximation_note =
      out->approximate_betweenness
          ? "betweenness and harmonic centrality estimated from 256 source units sampled with "
            "the seed, scaled by n/256; constraint left out (the sum of squared partner "
            "counts is above 2e9); --exact computes them all"
          : "constraint left out (the sum of squared partner counts is above 2e9); --exact "
            "computes it";
  return 0;
}

/* Partners and strength (filling strength and isolated). */
static igraph_error_t degrees(work *wk, const tie_graph *tg, igraph_vector_t *strength,
                              int *isolated, rg_results *out) {
  int n = wk->n;
  igraph_vector_int_t deg;
  IGRAPH_VECTOR_INT_INIT_FINALLY(&deg, n);
  IGRAPH_CHECK(igraph_degree(&tg->g, &deg, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS));
  IGRAPH_CHECK(
      igraph_strength(&tg->g, strength, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS, &tg->w));
  for (int i = 0; i < n; i++) {
    wk->st[i].partners = (int)VECTOR(deg)[i];
    wk->st[i].strength = VECTOR(*strength)[i];
    isolated[i] = VECTOR(deg)[i] == 0;
    out->n_isolated += isolated[i];
  }
  igraph_vector_int_destroy(&deg);
  IGRAPH_FINALLY_CLEAN(1);
  return IGRAPH_SUCCESS;
}

/* Leiden, modularity objective: node weights = strength, resolution
 * gamma / 2m, so CPM quality equals 2m * modularity. Leiden is greedy and
 * can stop in a local optimum (two triangles with a heavy bridge end as
 * three pairs); several runs from singletons with one seeded RNG stream
 * keep the best modularity (the first on ties): RG_LEIDEN_RUNS_SMALL when
 * n + m <= RG_LEIDEN_SMALL, else RG_LEIDEN_RUNS; above the approximation
 * threshold one run costs seconds and the best of ten gains little, so
 * RG_LEIDEN_RUNS_LARGE unless --exact. The runs share the one RNG stream
 * and igraph is not thread-safe, so they run one after another (on the
 * thread of igraph_metrics, next to the path and constraint threads). */
static igraph_error_t find_clusters(work *wk, const tie_graph *tg, const igraph_vector_t *strength,
                                    const int *isolated, rg_results *out) {
  int n = wk->n;
  const rg_analysis_opts *o = wk->o;
  if (!(tg->total_w > 0)) {
    out->modularity = NAN;
    out->n_clusters = 0;
    for (int i = 0; i < n; i++)
      wk->st[i].cluster = -1;
    return IGRAPH_SUCCESS;
  }
  igraph_vector_int_t memb, trial;
  igraph_integer_t nb;
  igraph_real_t quality, q, best_q = -INFINITY;
  IGRAPH_VECTOR_INT_INIT_FINALLY(&memb, n);
  IGRAPH_VECTOR_INT_INIT_FINALLY(&trial, n);
  int runs = (long)n + tg->m <= RG_LEIDEN_SMALL ? RG_LEIDEN_RUNS_SMALL : RG_LEIDEN_RUNS;
  if (sampled(wk, tg)) runs = RG_LEIDEN_RUNS_LARGE;
  IGRAPH_CHECK(igraph_rng_seed(igraph_rng_default(), o->seed));
  for (int run = 0; run < runs; run++) {
    IGRAPH_CHECK(igraph_community_leiden(&tg->g, &tg->w, strength,
                                         o->resolution / (2.0 * tg->total_w), 0.01, 0, -1, &trial,
                                         &nb, &quality));
    IGRAPH_CHECK(igraph_modularity(&tg->g, &trial, &tg->w, o->resolution, IGRAPH_UNDIRECTED, &q));
    if (q > best_q + 1e-12) {
      best_q = q;
      IGRAPH_CHECK(igraph_vector_int_update(&memb, &trial));
    }
  }
  out->modularity = best_q;
  out->n_clusters = renumber_clusters(wk, &memb, isolated);
  igraph_vector_int_destroy(&trial);
  igraph_vector_int_destroy(&memb);
  IGRAPH_FINALLY_CLEAN(2);
  return IGRAPH_SUCCESS;
}

/* Participation coefficient: 1 - sum over clusters c of (k_ic / k_i)^2,
 * strength based; 0 for isolated units. */
static void participation(work *wk, const tie_graph *tg, const igraph_vector_t *strength,
                          const int *isolated) {
  int n = wk->n, m = tg->m;
  if (m == 0) return;
  part_entry *pe = rg_xmalloc((size_t)2 * (size_t)m * sizeof *pe);
  for (int e = 0; e < m; e++) {
    int a = (int)VECTOR(tg->edges)[2 * e], b = (int)VECTOR(tg->edges)[2 * e + 1];
    pe[2 * e] = (part_entry){a, wk->st[b].cluster, VECTOR(tg->w)[e]};
    pe[2 * e + 1] = (part_entry){b, wk->st[a].cluster, VECTOR(tg->w)[e]};
  }
  rg_sort(pe, (size_t)2 * (size_t)m, sizeof *pe, cmp_part, NULL);
  double *sumsq = rg_xcalloc((size_t)n + 1, sizeof *sumsq);
  for (int j = 0; j < 2 * m;) {
    int v = pe[j].vertex, c = pe[j].cluster;
    double kc = 0;
    while (j < 2 * m && pe[j].vertex == v && pe[j].cluster == c)
      kc += pe[j++].w;
    double f = kc / VECTOR(*strength)[v];
    sumsq[v] += f * f;
  }
  for (int i = 0; i < n; i++) {
    double P = isolated[i] ? 0 : 1.0 - sumsq[i];
    wk->st[i].participation = P < 1e-12 ? 0 : P;
  }
  free(sumsq);
  free(pe);
}

/* The metrics respgraph computes with its own code, on plain arrays the
 * threads share: betweenness and harmonic sums (brandes.h) and Burt's
 * constraint (constraint.h), over the tie graph's sorted lists. */
typedef struct own_metrics {
  rg_csr w;   /* weights */
  rg_csr len; /* the same lists with lengths 1/w (start and nbr are w's) */
  double *strength, *bet, *harm, *cons;
  rg_brandes b;
  rg_constraint c;
  rg_par_job jobs[2];
  int n_jobs;
} own_metrics;

static void own_init(own_metrics *om, const tie_graph *tg, const igraph_vector_t *strength,
                     const int *src, int n_src, int with_constraint) {
  int n = (int)igraph_vcount(&tg->g);
  memset(om, 0, sizeof *om);
  rg_csr_build(&om->w, &tg->g, &tg->w);
  int slots = om->w.start[n];
  om->len = (rg_csr){n, om->w.start, om->w.nbr, rg_xmalloc(((size_t)slots + 1) * sizeof(double))};
  for (int j = 0; j < slots; j++)
    om->len.val[j] = 1.0 / om->w.val[j]; /* the same double as tg->len */
  om->strength = rg_xmalloc(((size_t)n + 1) * sizeof *om->strength);
  for (int i = 0; i < n; i++)
    om->strength[i] = VECTOR(*strength)[i];
  om->bet = rg_xmalloc(((size_t)n + 1) * sizeof *om->bet);
  om->harm = rg_xmalloc(((size_t)n + 1) * sizeof *om->harm);
  rg_brandes_init(&om->b, &om->len, src, n_src, om->bet, om->harm, &om->jobs[om->n_jobs++]);
  if (with_constraint) {
    om->cons = rg_xmalloc(((size_t)n + 1) * sizeof *om->cons);
    rg_constraint_init(&om->c, &om->w, om->strength, om->cons, &om->jobs[om->n_jobs++]);
  }
}

static void own_free(own_metrics *om) {
  rg_brandes_destroy(&om->b);
  rg_constraint_destroy(&om->c);
  free(om->len.val);
  rg_csr_destroy(&om->w);
  free(om->strength);
  free(om->bet);
  free(om->harm);
  free(om->cons);
}

/* Every igraph call of the metrics, in order, on one thread: eigenvector
 * (weights and result scaled to max 1), PageRank, coreness and the Leiden
 * clusters. */
typedef struct igraph_part {
  work *wk;
  const tie_graph *tg;
  const igraph_vector_t *strength;
  const int *isolated;
  rg_results *out;
} igraph_part;

static igraph_error_t igraph_metrics(const igraph_part *ip) {
  work *wk = ip->wk;
  const tie_graph *tg = ip->tg;
  int n = wk->n;
  igraph_vector_t res;
  igraph_vector_int_t core;
  IGRAPH_VECTOR_INIT_FINALLY(&res, n);
  IGRAPH_VECTOR_INT_INIT_FINALLY(&core, n);
  if (tg->m > 0) {
    igraph_arpack_options_t ao;
    igraph_arpack_options_init(&ao);
    igraph_real_t value;
    IGRAPH_CHECK(igraph_rng_seed(igraph_rng_default(), wk->o->seed));
    IGRAPH_CHECK(
        igraph_eigenvector_centrality(&tg->g, &res, &value, IGRAPH_UNDIRECTED, 1, &tg->ws, &ao));
    for (int i = 0; i < n; i++)
      wk->st[i].eigenvector = ip->isolated[i]                ? 0
                              : fabs(VECTOR(res)[i]) < 1e-15 ? 0
                                                             : VECTOR(res)[i];
  }
  if (n > 0) {
    IGRAPH_CHECK(pagerank(wk, tg, &res));
    IGRAPH_CHECK(igraph_coreness(&tg->g, &core, IGRAPH_ALL));
    for (int i = 0; i < n; i++)
      wk->st[i].coreness = (int)VECTOR(core)[i];
  }
  IGRAPH_CHECK(find_clusters(wk, tg, ip->strength, ip->isolated, ip->out));
  igraph_vector_int_destroy(&core);
  igraph_vector_destroy(&res);
  IGRAPH_FINALLY_CLEAN(2);
  return IGRAPH_SUCCESS;
}

static int igraph_serial(void *ip) { return (int)igraph_metrics(ip); }

/* Paths and constraint smaller than this (sources x (units + ties)) are a
 * few milliseconds on one core: a second thread would cost more to start
 * than it saves, and would spin at the region's end while the igraph part
 * runs (on the seed plan, 20-30 ms of CPU taken from the report). */
#define RG_PAR_MIN_WORK 200000.0

/* The threads of the analysis: --threads N as given; by default every core,
 * or one for a small graph. The results are the same either way. */
static int path_threads(const work *wk, const tie_graph *tg, int n_src) {
  if (wk->o->threads > 0) return wk->o->threads;
  return (double)n_src * ((double)wk->n + (double)tg->m) < RG_PAR_MIN_WORK ? 1
                                                                           : rg_default_threads();
}

/* Ties, centralities, clusters and participation of the projection. The
 * igraph calls run on one thread while every thread sums paths and
 * constraint (parallel.h); those threads touch only own_metrics, so an
 * igraph error, which unwinds the finally stack, frees nothing they read. */
static igraph_error_t graph_metrics(work *wk, rg_results *out) {
  tie_graph tg;
  IGRAPH_CHECK(ties_build(wk, &tg, out));
  IGRAPH_FINALLY(tie_graph_destroy, &tg);
  igraph_vector_t strength;
  IGRAPH_VECTOR_INIT_FINALLY(&strength, wk->n);
  int *isolated = rg_xcalloc((size_t)wk->n + 1, sizeof *isolated);
  IGRAPH_FINALLY(free, isolated);
  IGRAPH_CHECK(degrees(wk, &tg, &strength, isolated, out));
  int *src = NULL, n_src = 0;
  IGRAPH_CHECK(path_sources(wk, &tg, &src, &n_src));
  int approx = n_src < wk->n;
  if (approx) paths_note(wk, out);
  own_metrics om;
  own_init(&om, &tg, &strength, src, n_src, constraint_wanted(wk, out));
  igraph_part ip = {wk, &tg, &strength, isolated, out};
  igraph_error_t rc = (igraph_error_t)rg_par_run(path_threads(wk, &tg, n_src), om.jobs, om.n_jobs,
                                                 igraph_serial, &ip);
  if (rc == IGRAPH_SUCCESS) {
    paths_store(wk, om.bet, om.harm, approx);
    for (int i = 0; om.cons && i < wk->n; i++)
      wk->st[i].constraint = isolated[i] ? NAN : om.cons[i];
  }
  own_free(&om);
  free(src);
  if (rc != IGRAPH_SUCCESS) return rc; /* the handler has unwound the finally stack */
  participation(wk, &tg, &strength, isolated);
  free(isolated);
  igraph_vector_destroy(&strength);
  tie_graph_destroy(&tg);
  IGRAPH_FINALLY_CLEAN(3);
  return IGRAPH_SUCCESS;
}

/* -------------------------------------------------------------- clusters */

static void collect_clusters(work *wk, rg_results *out) {
  const rg_plan *plan = wk->plan;
  const rg_projection *p = wk->p;
  int nc = out->n_clusters;
  if (nc == 0) return;
  out->clusters = rg_xcalloc((size_t)nc, sizeof *out->clusters);
  size_t *cap_t = rg_xcalloc((size_t)nc, sizeof *cap_t);
  size_t *cap_x = rg_xcalloc((size_t)nc, sizeof *cap_x);
  for (int c = 0; c < nc; c++)
    out->clusters[c].id = c;
  for (int i = 0; i < wk->n; i++) {
    int c = wk->st[i].cluster;
    if (c >= 0) out->clusters[c].n_units++;
  }
  for (int c = 0; c < nc; c++) {
    rg_cluster *cl = &out->clusters[c];
    cl->units = rg_xmalloc(((size_t)cl->n_units + 1) * sizeof *cl->units);
    cl->bridges = rg_xmalloc(((size_t)cl->n_units + 1) * sizeof *cl->bridges);
    cl->n_units = 0;
  }
  for (int i = 0; i < wk->n; i++) {
    int c = wk->st[i].cluster;
    if (c < 0) continue;
    rg_cluster *cl = &out->clusters[c];
    cl->units[cl->n_units++] = wk->st[i].unit;
  }
  for (int c = 0; c < nc; c++) {
    rg_cluster *cl = &out->clusters[c];
    rg_sort(cl->units, (size_t)cl->n_units, sizeof *cl->units, cmp_unit_name, (void *)plan);
  }
  /* tasks: inside when every concrete unit is in the cluster; crossing when
   * the cluster has some but not all of them */
  int *stamp = rg_xcalloc((size_t)nc, sizeof *stamp);
  for (int t = 0; t < plan->n_tasks; t++) {
    if (p->task_k[t] == 0) continue;
    const rg_task *task = &plan->tasks[t];
    int first = -2, same = 1;
    for (int j = 0; j < task->link_count; j++) {
      int v = p->vertex_of_unit[plan->links[plan->task_links[task->link_begin + j]].unit];
      if (v < 0) continue;
      int c = wk->st[v].cluster;
      if (first == -2)
        first = c;
      else if (c != first)
        same = 0;
    }
    if (same) {
      if (first < 0) continue;
      rg_cluster *cl = &out->clusters[first];
      RG_GROW(cl->tasks, cap_t[first], (size_t)cl->n_tasks + 1);
      cl->tasks[cl->n_tasks++] = t;
      continue;
    }
    for (int j = 0; j < task->link_count; j++) {
      int v = p->vertex_of_unit[plan->links[plan->task_links[task->link_begin + j]].unit];
      if (v < 0) continue;
      int c = wk->st[v].cluster;
      if (c < 0 || stamp[c] == t + 1) continue;
      stamp[c] = t + 1;
      rg_cluster *cl = &out->clusters[c];
      RG_GROW(cl->crossing, cap_x[c], (size_t)cl->n_crossing + 1);
      cl->crossing[cl->n_crossing++] = t;
    }
  }
  free(stamp);
  free(cap_t);
  free(cap_x);
}

/* bridges: units with participation > 0, by participation desc, name asc */
static int cmp_bridge(const void *a, const void *b, void *plan) {
  const rg_unit_stats *x = *(rg_unit_stats *const *)a, *y = *(rg_unit_stats *const *)b;
  if (x->participation != y->participation) return x->participation > y->participation ? -1 : 1;
  return strcmp(uname(plan, x->unit), uname(plan, y->unit));
}

static void collect_bridges(const rg_plan *plan, rg_results *out) {
  rg_unit_stats **tmp = rg_xmalloc(((size_t)out->n_units + 1) * sizeof *tmp);
  /* the cut: the top decile of participation among units with ties */
  double *p = rg_xmalloc(((size_t)out->n_units + 1) * sizeof *p);
  int n = 0;
  for (int i = 0; i < out->n_units; i++)
    if (out->units[i].cluster >= 0) p[n++] = out->units[i].participation;
  rg_sort(p, (size_t)n, sizeof *p, rg_cmp_double, NULL);
  out->bridge_cut = n ? rg_quantile_sorted(p, n, RG_BRIDGE_QUANTILE) : NAN;
  free(p);
  for (int c = 0; c < out->n_clusters; c++) {
    rg_cluster *cl = &out->clusters[c];
    int k = 0;
    for (int j = 0; j < cl->n_units; j++) {
      rg_unit_stats *s = &out->units[out->row_of_unit[cl->units[j]]];
      if (s->participation > 0 && s->participation >= out->bridge_cut) tmp[k++] = s;
    }
    rg_sort(tmp, (size_t)k, sizeof *tmp, cmp_bridge, (void *)plan);
    for (int j = 0; j < k; j++)
      cl->bridges[j] = tmp[j]->unit;
    cl->n_bridges = k;
  }
  free(tmp);
}

/* The chapter most of tasks[0..n) are in (ties: the earlier), -1 when none
 * is in a chapter; *count how many are. O(n log n). */
static int main_chapter(const rg_plan *plan, const int *tasks, int n, int *count) {
  int *ch = rg_xmalloc(((size_t)n + 1) * sizeof *ch);
  for (int k = 0; k < n; k++)
    ch[k] = plan->tasks[tasks[k]].chapter;
  rg_sort(ch, (size_t)n, sizeof *ch, rg_cmp_int, NULL);
  int best = -1, best_n = 0;
  for (int k = 0; k < n;) {
    int j = k;
    while (j < n && ch[j] == ch[k])
      j++;
    if (ch[k] >= 0 && j - k > best_n) best = ch[k], best_n = j - k;
    k = j;
  }
  free(ch);
  *count = best_n;
  return best;
}

/* What names each cluster: its mostly tasks (more than half of the task's
 * concrete units are members), their main chapter, and its core (the
 * members with the largest load). O(links + tasks log tasks). */
static void name_clusters(const rg_plan *plan, rg_results *out) {
  int nc = out->n_clusters;
  if (!nc) return;
  int *cnt = rg_xcalloc((size_t)nc, sizeof *cnt);
  size_t *cap = rg_xcalloc((size_t)nc, sizeof *cap);
  for (int t = 0; t < plan->n_tasks; t++) {
    const rg_task *task = &plan->tasks[t];
    int k = 0, best = -1, best_n = 0;
    for (int pass = 0; pass < 2; pass++) /* count, then reset the counts */
      for (int j = 0; j < task->link_count; j++) {
        int row = out->row_of_unit[plan->links[plan->task_links[task->link_begin + j]].unit];
        int c = row >= 0 ? out->units[row].cluster : -1;
        if (pass == 1) {
          if (c >= 0) cnt[c] = 0;
          continue;
        }
        k += row >= 0;
        if (c >= 0 && ++cnt[c] > best_n) best = c, best_n = cnt[c];
      }
    if (best < 0 || best_n * 2 <= k) continue;
    rg_cluster *cl = &out->clusters[best];
    RG_GROW(cl->mostly, cap[best], (size_t)cl->n_mostly + 1);
    cl->mostly[cl->n_mostly++] = t;
  }
  for (int c = 0; c < nc; c++) {
    rg_cluster *cl = &out->clusters[c];
    cl->chapter = main_chapter(plan, cl->mostly, cl->n_mostly, &cl->chapter_tasks);
  }
  for (int i = 0; i < out->n_units; i++) {
    int c = out->units[i].cluster;
    if (c >= 0 && out->clusters[c].n_core < RG_CLUSTER_CORE)
      out->clusters[c].core[out->clusters[c].n_core++] = out->units[i].unit;
  }
  free(cnt);
  free(cap);
}

/* ----------------------------------------------------------------- entry */

/* The options in effect: a copy of opts, or the defaults; RG_EUSAGE for
 * one out of range. */
static rg_status effective_opts(const rg_analysis_opts *opts, rg_analysis_opts *o, rg_error *err) {
  if (!opts)
    rg_analysis_opts_init(o);
  else
    *o = *opts;
  if (!isfinite(o->lead_weight) || !isfinite(o->support_weight) || o->lead_weight < 0 ||
      o->support_weight < 0)
    return rg_error_set(err, RG_EUSAGE, NULL, 0, 0, "role weights must be finite and >= 0");
  if (o->weighting != 0 && o->weighting != 1)
    return rg_error_set(err, RG_EUSAGE, NULL, 0, 0, "weighting must be count or newman");
  if (o->min_shared < 1)
    return rg_error_set(err, RG_EUSAGE, NULL, 0, 0, "--min-shared must be >= 1");
  if (!isfinite(o->resolution) || o->resolution <= 0)
    return rg_error_set(err, RG_EUSAGE, NULL, 0, 0, "--resolution must be > 0");
  if (o->approx_above < 0) o->approx_above = RG_APPROX_THRESHOLD;
  if (o->max_ties < 0 || o->max_task_units < 0 || o->n_exclude_tasks < 0)
    return rg_error_set(err, RG_EUSAGE, NULL, 0, 0, "--max-ties and --max-task-units must be >= 1");
  if (o->max_ties == 0) o->max_ties = rg_default_max_ties(NULL);
  if (!(o->path_work > 0)) o->path_work = RG_EXACT_PATH_WORK;
  if (!(o->constraint_work > 0)) o->constraint_work = RG_CONSTRAINT_WORK;
  return RG_OK; /* threads 0 stays: graph_metrics picks the number (path_threads) */
}

/* ------------------------------------------------------------ the bound */

/* Available memory in bytes: MemAvailable of /proc/meminfo, else
 * sysconf's available pages; no more than a finite RLIMIT_AS or
 * RLIMIT_DATA. */
static double available_memory(void) {
  double avail = 0;
  FILE *f = fopen("/proc/meminfo", "r");
  if (f) {
    char line[256];
    unsigned long long kb;
    while (fgets(line, sizeof line, f))
      if (sscanf(line, "MemAvailable: %llu kB", &kb) == 1) avail = (double)kb * 1024.0;
    fclose(f);
  }
  if (!(avail > 0)) {
    long pages = sysconf(_SC_AVPHYS_PAGES), size = sysconf(_SC_PAGESIZE);
    if (pages > 0 && size > 0) avail = (double)pages * (double)size;
  }
  const int limits[] = {RLIMIT_AS, RLIMIT_DATA};
  for (int i = 0; i < 2; i++) {
    struct rlimit rl;
    if (getrlimit(limits[i], &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
        (!(avail > 0) || (double)rl.rlim_cur < avail))
      avail = (double)rl.rlim_cur;
  }
  return avail;
}

int rg_default_threads(void) { return rg_par_cores(); }

long long rg_default_max_ties(double *avail_bytes) {
  double avail = available_memory();
  if (avail_bytes) *avail_bytes = avail;
  double ties = avail / 2.0 / RG_BYTES_PER_TIE;
  return ties > (double)RG_MIN_MAX_TIES ? (long long)ties : RG_MIN_MAX_TIES;
}

/* The tasks left out of the ties (--exclude-task, --max-task-units) as a
 * mask of plan->n_tasks entries, or NULL when none is. */
static unsigned char *skipped_tasks(const rg_plan *plan, const rg_analysis_opts *o) {
  if (o->n_exclude_tasks == 0 && o->max_task_units <= 0) return NULL;
  unsigned char *skip = rg_xcalloc((size_t)plan->n_tasks + 1, 1);
  for (int i = 0; i < o->n_exclude_tasks; i++)
    if (o->exclude_tasks[i] >= 0 && o->exclude_tasks[i] < plan->n_tasks)
      skip[o->exclude_tasks[i]] = 1;
  if (o->max_task_units > 0)
    for (int t = 0; t < plan->n_tasks; t++) {
      const rg_task *task = &plan->tasks[t];
      int k = 0;
      for (int j = 0; j < task->link_count; j++)
        k += plan->units[plan->links[plan->task_links[task->link_begin + j]].unit].kind ==
             RG_KIND_UNIT;
      if (k > o->max_task_units) skip[t] = 1;
    }
  return skip;
}

/* RG_EINPUT, one line, when the projection would have more than max_ties
 * ties: the largest task, and the options that keep its ties out. */
static rg_status check_size(const rg_plan *plan, const rg_analysis_opts *o,
                            const unsigned char *skip, rg_error *err) {
  if (!plan->finalized) return RG_OK; /* rg_bigraph_build says so */
  rg_projection_size sz;
  rg_projection_measure(plan, skip, o->max_ties, &sz);
  if (sz.ties <= o->max_ties) return RG_OK;
  const rg_task *t = &plan->tasks[sz.worst_task];
  return rg_error_set(
      err, RG_EINPUT, plan->path, t->line, 0,
      "the unit projection would have more than %lld ties (--max-ties): task %s names %d "
      "units (%lld pairs); leave it out with --exclude-task %s, leave out every task naming "
      "more than N units with --max-task-units N, or give --max-ties",
      o->max_ties, t->number, sz.worst_k, (long long)sz.worst_k * (sz.worst_k - 1) / 2, t->number);
}

/* igraph as Debian builds it is not thread-safe (IGRAPH_THREAD_SAFE 0): its
 * error handling stack and its default RNG, which the analysis seeds, are
 * process-wide. respgraph's own state is all in its arguments, so analyses
 * of several plans may run in one process; in several threads they take
 * turns through igraph_lock (not needed with a thread-safe igraph). */
#if !IGRAPH_THREAD_SAFE
static mtx_t igraph_lock;
static once_flag igraph_lock_once = ONCE_FLAG_INIT;
static void igraph_lock_init(void) { mtx_init(&igraph_lock, mtx_plain); }
#endif

static rg_status analyze(const rg_plan *plan, const rg_analysis_opts *o, rg_results *out,
                         rg_error *err);

rg_status rg_analyze(const rg_plan *plan, const rg_analysis_opts *opts, rg_results *out,
                     rg_error *err) {
  memset(out, 0, sizeof *out);
  rg_analysis_opts o;
  rg_status st = effective_opts(opts, &o, err);
  if (st != RG_OK) return st;
  out->opts = o;
#if !IGRAPH_THREAD_SAFE
  call_once(&igraph_lock_once, igraph_lock_init);
  mtx_lock(&igraph_lock);
#endif
  st = analyze(plan, &out->opts, out, err);
#if !IGRAPH_THREAD_SAFE
  mtx_unlock(&igraph_lock);
#endif
  return st;
}

/* rg_analyze with checked options o (out zeroed but for its options). */
static rg_status analyze(const rg_plan *plan, const rg_analysis_opts *o, rg_results *out,
                         rg_error *err) {
  rg_status st;
  rg_bigraph bg;
  rg_projection p;
  unsigned char *skip = skipped_tasks(plan, o);
  st = check_size(plan, o, skip, err);
  if (st != RG_OK) {
    free(skip);
    return st;
  }
  st = rg_bigraph_build(plan, &bg, err);
  if (st == RG_OK) st = rg_projection_build_skip(plan, &bg, skip, &p, err);
  rg_bigraph_destroy(&bg);
  free(skip);
  if (st != RG_OK) return st;
  work wk = {plan, o, &p, NULL, p.n};
  wk.st = rg_xcalloc((size_t)p.n + 1, sizeof *wk.st);
  compute_loads(plan, &p, o, wk.st);
  compute_overload(plan, wk.st, p.n, out);
  igraph_error_t rc = graph_metrics(&wk, out);
  if (rc != IGRAPH_SUCCESS) {
    stats_free(wk.st, p.n);
    rg_projection_destroy(&p);
    rg_results_free(out);
    return rg_error_set(err, RG_ESYS, NULL, 0, 0, "analysis: igraph: %s", igraph_strerror(rc));
  }
  collect_clusters(&wk, out);

  /* rows: load desc, name asc */
  out->n_units = p.n;
  out->units = wk.st;
  rg_sort(out->units, (size_t)p.n, sizeof *out->units, cmp_stats, (void *)plan);
  out->row_of_unit = rg_xmalloc(((size_t)plan->n_units + 1) * sizeof *out->row_of_unit);
  for (int u = 0; u < plan->n_units; u++)
    out->row_of_unit[u] = -1;
  for (int i = 0; i < p.n; i++)
    out->row_of_unit[out->units[i].unit] = i;
  int *rank = name_ranks(plan);
  rg_sort(out->ties, (size_t)out->n_ties, sizeof *out->ties, cmp_tie, rank);
  free(rank);
  collect_bridges(plan, out);
  name_clusters(plan, out);
  rg_backbone(plan, out, RG_BACKBONE_ALPHA);
  for (int c = 0; c < out->n_clusters; c++)
    if (out->clusters[c].n_tasks > 1)
      rg_sort(out->clusters[c].tasks, (size_t)out->clusters[c].n_tasks, sizeof(int), rg_cmp_int,
              NULL);
  rg_projection_destroy(&p);
  return RG_OK;
}
