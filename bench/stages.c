/* stages.c - rg_bench_stages: respgraph's pipeline timed stage by stage, as JSON lines.
 *
 * Usage: rg_bench_stages PLAN [--input-format auto|text|csv|html] [--seed N] [--threads N]
 *        [--read-only] [--no-meetings]
 *
 * --threads N: threads for the path sums, constraint and rg_analyze
 * (default every core, as the CLI).
 *
 * --read-only stops after the read stage (parser throughput on big files).
 * --no-meetings leaves out the last stage, joint meetings (scripts/bench --scaling
 * needs only the analysis, and meetings take minutes at millions of tasks).
 *
 * Prints one JSON object per line, {"stage", "seconds", ...}, with the same
 * stage names as bench/peers/{nx,ig}_pipeline.py, then "analyze" (the whole rg_analyze, as
 * `respgraph units` runs it), "total" (read + analyze: respgraph's real end
 * to end), an "info" line and {"peak_rss_kb"} (getrusage ru_maxrss).
 *
 * What each stage calls (respgraph's libraries where the stage is a call of
 * its own; rg_analyze does the rest in one call, so those stages repeat the
 * igraph calls it makes, with the same arguments, on the projection):
 *   read         rg_plan_load (input/load.h): read, decode, parse, finalise;
 *                also reports MB/s over the file size
 *   bigraph      rg_bigraph_build (graphs/bipartite.h)
 *   load         led/supported/load from plan->unit_links (the analyzer's
 *                compute_loads is static; this is the same loop)
 *   projection   rg_projection_build (with evidence) + the weight vector
 *   strength     igraph_strength, weights = shared tasks
 *   pagerank     igraph_pagerank PRPACK, 0.85, weighted
 *   eigenvector  igraph_eigenvector_centrality, weights scaled to max 1
 *   betweenness  length 1/w; rg_brandes_sources from every unit up to
 *                RG_APPROX_THRESHOLD units, else from RG_APPROX_SOURCES
 *                sources sampled with the seed, as rg_analyze does (one
 *                Dijkstra per source also gives the harmonic sums)
 *   communities  one igraph_community_leiden (modularity) + igraph_modularity;
 *                rg_analyze runs it RG_LEIDEN_RUNS times and keeps the best
 *   colouring    igraph_vertex_coloring_greedy (COLORED_NEIGHBORS) of the
 *                projection; respgraph itself colours meetings, not units
 * and the work rg_analyze does beyond the peers ("extra": true): harmonic
 * (already in betweenness),
 * constraint (rg_constraint_burt, timed even when rg_analyze leaves it out by
 * its work bound: then the analyze line says "constraint_skipped": true),
 * coreness, leiden_runs (the analyzer's
 * RG_LEIDEN_RUNS or RG_LEIDEN_RUNS_SMALL seeded runs).
 *   analyze      rg_analyze (analyzer/analyze.h): projection, loads,
 *                overload, ties, betweenness, harmonic, eigenvector,
 *                PageRank, constraint, coreness, Leiden x RG_LEIDEN_RUNS,
 *                clusters, participation
 *   meetings     rg_meetings_plan (analyzer/meetings.h) from 2026-09-21 with
 *                the default caps and the overloaded units of "analyze" */
#include <igraph.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

#include "analyze.h"
#include "bipartite.h"
#include "brandes.h"
#include "constraint.h"
#include "csr.h"
#include "load.h"
#include "meetings.h"
#include "results.h"

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* CPU time of the whole process (every thread), seconds. */
static double cpu_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double t_mark, c_mark;

/* Print {"stage": name, "seconds": wall time since the last mark, "cpu":
 * CPU time of every thread since then, ...extra}. On a shared machine the
 * CPU time is the steadier figure. */
static double stage(const char *name, json_t *extra) {
  double t = now(), dt = t - t_mark, c = cpu_now();
  json_t *o = json_pack("{s:s, s:f, s:f}", "stage", name, "seconds", dt, "cpu", c - c_mark);
  if (extra) {
    json_object_update(o, extra);
    json_decref(extra);
  }
  json_dumpf(o, stdout, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
  fputc('\n', stdout);
  fflush(stdout);
  json_decref(o);
  t_mark = now();
  c_mark = cpu_now();
  return dt;
}

static int die(const char *what, const rg_error *err, igraph_error_t rc) {
  char buf[1200];
  if (err) {
    rg_error_format(err, buf, sizeof buf);
    fprintf(stderr, "rg_bench_stages: %s: %s\n", what, buf);
  } else {
    fprintf(stderr, "rg_bench_stages: %s: igraph: %s\n", what, igraph_strerror(rc));
  }
  return 1;
}

/* Print {"peak_rss_kb"} (getrusage ru_maxrss) and return 0. */
static int print_rss(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  json_t *rss = json_pack("{s:I}", "peak_rss_kb", (json_int_t)ru.ru_maxrss);
  json_dumpf(rss, stdout, JSON_COMPACT);
  fputc('\n', stdout);
  json_decref(rss);
  return 0;
}

/* Joint meetings as `respgraph meetings --start 2026-09-21` plans them:
 * partition by unit-minutes and the calendar schedule (the overloaded units
 * come from the analysis r, which is freed here). */
static int time_meetings(const rg_plan *plan, rg_results *r) {
  rg_error err;
  rg_error_clear(&err);
  unsigned char *over = calloc((size_t)plan->n_units + 1, 1);
  for (int u = 0; u < plan->n_units; u++)
    over[u] = r->row_of_unit[u] >= 0 && r->units[r->row_of_unit[u]].overloaded;
  rg_results_free(r);
  rg_meeting_opts mo;
  rg_meeting_opts_init(&mo);
  mo.start = 20717; /* 2026-09-21 */
  mo.overloaded = over;
  rg_meeting_plan mp;
  t_mark = now();
  c_mark = cpu_now();
  if (rg_meetings_plan(plan, &mo, &mp, &err)) {
    free(over);
    return die("meetings", &err, 0);
  }
  stage("meetings",
        json_pack("{s:i, s:i, s:I, s:I, s:f, s:i}", "coordination_tasks", mp.coordination_tasks,
                  "meetings", mp.n_meetings, "unit_minutes", (json_int_t)mp.unit_minutes,
                  "naive_unit_minutes", (json_int_t)mp.naive_unit_minutes, "relevance",
                  mp.relevance, "working_days", mp.working_days));
  rg_meeting_plan_free(&mp);
  free(over);
  return 0;
}

#define IG(call, what)                                                                             \
  do {                                                                                             \
    igraph_error_t rc_ = (call);                                                                   \
    if (rc_ != IGRAPH_SUCCESS) return die(what, NULL, rc_);                                        \
  } while (0)

int main(int argc, char **argv) {
  const char *path = NULL;
  rg_load_opts lo = {0};
  unsigned long seed = RG_DEFAULT_SEED;
  int read_only = 0, no_meetings = 0, threads = 0; /* 0: every core, as the CLI */
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--input-format") && i + 1 < argc) {
      int f = rg_input_format_parse(argv[++i]);
      if (f < 0) {
        fprintf(stderr, "rg_bench_stages: bad --input-format %s\n", argv[i]);
        return 2;
      }
      lo.format = (rg_input_format)f;
    } else if (!strcmp(argv[i], "--seed") && i + 1 < argc) {
      seed = strtoul(argv[++i], NULL, 10);
    } else if (!strcmp(argv[i], "--threads") && i + 1 < argc) {
      threads = atoi(argv[++i]);
    } else if (!strcmp(argv[i], "--read-only")) {
      read_only = 1;
    } else if (!strcmp(argv[i], "--no-meetings")) {
      no_meetings = 1;
    } else if (!path && argv[i][0] != '-') {
      path = argv[i];
    } else {
      fputs("usage: rg_bench_stages PLAN [--input-format auto|text|csv|html] [--seed N] "
            "[--threads N] [--read-only] [--no-meetings]\n",
            stderr);
      return 2;
    }
  }
  if (!path) {
    fputs("usage: rg_bench_stages PLAN [--input-format auto|text|csv|html] [--seed N] "
          "[--threads N] [--read-only] [--no-meetings]\n",
          stderr);
    return 2;
  }
  if (threads <= 0) threads = rg_par_cores();
  igraph_set_error_handler(igraph_error_handler_ignore);
  struct stat sb;
  double mb = stat(path, &sb) == 0 ? (double)sb.st_size / 1e6 : 0;
  rg_error err;
  rg_error_clear(&err);
  double t0 = now();
  t_mark = t0;
  c_mark = cpu_now();

  /* read */
  rg_plan *plan = NULL;
  lo.threads = threads; /* --threads 1: reading on one thread too */
  if (rg_plan_load(path, &lo, &plan, &err)) return die("load", &err, 0);
  double t_read = now() - t_mark;
  stage("read",
        json_pack("{s:f, s:f, s:i, s:i, s:i}", "mb", mb, "mb_per_s", t_read > 0 ? mb / t_read : 0,
                  "tasks", plan->n_tasks, "units", plan->n_units, "links", plan->n_links));
  if (read_only) {
    rg_plan_free(plan);
    return print_rss();
  }

  /* bigraph */
  rg_bigraph bg;
  if (rg_bigraph_build(plan, &bg, &err)) return die("bigraph", &err, 0);
  stage("bigraph", NULL);

  /* load */
  double *load = calloc((size_t)plan->n_units + 1, sizeof *load);
  for (int u = 0; u < plan->n_units; u++) {
    const rg_unit *U = &plan->units[u];
    int led = 0, sup = 0;
    for (int j = 0; j < U->link_count; j++) {
      if (plan->links[plan->unit_links[U->link_begin + j]].role == RG_ROLE_LEAD)
        led++;
      else
        sup++;
    }
    load[u] = 1.0 * led + 0.5 * sup;
  }
  stage("load", NULL);

  /* projection */
  rg_projection p;
  if (rg_projection_build(plan, &bg, &p, &err)) return die("projection", &err, 0);
  igraph_integer_t m = igraph_ecount(&p.graph);
  igraph_vector_t w, len, ws, res;
  IG(igraph_vector_init(&w, m), "weights");
  IG(igraph_vector_init(&len, m), "weights");
  IG(igraph_vector_init(&ws, m), "weights");
  IG(igraph_vector_init(&res, 0), "weights");
  double wmax = 0, total_w = 0;
  for (igraph_integer_t e = 0; e < m; e++) {
    VECTOR(w)[e] = (double)VECTOR(p.shared)[e];
    VECTOR(len)[e] = 1.0 / VECTOR(w)[e];
    if (VECTOR(w)[e] > wmax) wmax = VECTOR(w)[e];
    total_w += VECTOR(w)[e];
  }
  for (igraph_integer_t e = 0; e < m; e++)
    VECTOR(ws)[e] = VECTOR(w)[e] / wmax;
  stage("projection", NULL);
  int n = p.n;

  IG(igraph_strength(&p.graph, &res, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS, &w),
     "strength");
  stage("strength", NULL);

  igraph_real_t value;
  IG(igraph_pagerank(&p.graph, IGRAPH_PAGERANK_ALGO_PRPACK, &res, &value, igraph_vss_all(),
                     IGRAPH_UNDIRECTED, 0.85, &w, NULL),
     "pagerank");
  stage("pagerank", NULL);

  if (m > 0) {
    igraph_arpack_options_t ao;
    igraph_arpack_options_init(&ao);
    IG(igraph_rng_seed(igraph_rng_default(), seed), "seed");
    IG(igraph_eigenvector_centrality(&p.graph, &res, &value, IGRAPH_UNDIRECTED, 1, &ws, &ao),
       "eigenvector");
  }
  stage("eigenvector", NULL);

  /* as rg_analyze: respgraph's one-Dijkstra-per-source Brandes over the
   * sorted lists (sampled sources above RG_APPROX_THRESHOLD units, else every
   * unit), which also yields the harmonic sums, on --threads threads */
  int approx = n > RG_APPROX_THRESHOLD && n > RG_APPROX_SOURCES;
  const char *bmode = approx ? "sampled 256 sources (rg_brandes_sources, harmonic included)"
                             : "exact (rg_brandes_sources from every unit, harmonic included)";
  rg_csr lcsr;
  rg_csr_build(&lcsr, &p.graph, &len);
  int *src = malloc(((size_t)n + 1) * sizeof *src);
  int n_src = n;
  if (approx) {
    igraph_vector_int_t sv;
    IG(igraph_vector_int_init(&sv, 0), "sources");
    IG(igraph_rng_seed(igraph_rng_default(), seed), "seed");
    IG(igraph_random_sample(&sv, 0, n - 1, RG_APPROX_SOURCES), "sources");
    for (n_src = 0; n_src < RG_APPROX_SOURCES; n_src++)
      src[n_src] = (int)VECTOR(sv)[n_src];
    igraph_vector_int_destroy(&sv);
  } else {
    for (int i = 0; i < n; i++)
      src[i] = i;
  }
  double *bet = malloc(((size_t)n + 1) * sizeof *bet),
         *harm = malloc(((size_t)n + 1) * sizeof *harm);
  rg_brandes_sources(&lcsr, src, n_src, threads, bet, harm);
  free(bet);
  free(harm);
  free(src);
  rg_csr_destroy(&lcsr);
  stage("betweenness", json_pack("{s:s}", "method", bmode));

  igraph_vector_int_t memb;
  igraph_integer_t nb = 0;
  igraph_real_t quality, q = 0;
  IG(igraph_vector_int_init(&memb, n), "communities");
  if (total_w > 0) {
    IG(igraph_strength(&p.graph, &res, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS, &w),
       "strength");
    IG(igraph_rng_seed(igraph_rng_default(), seed), "seed");
    IG(igraph_community_leiden(&p.graph, &w, &res, 1.0 / (2.0 * total_w), 0.01, 0, -1, &memb, &nb,
                               &quality),
       "leiden");
    IG(igraph_modularity(&p.graph, &memb, &w, 1.0, IGRAPH_UNDIRECTED, &q), "modularity");
  }
  stage("communities", json_pack("{s:I, s:f}", "clusters", (json_int_t)nb, "modularity", q));

  igraph_vector_int_t colours;
  IG(igraph_vector_int_init(&colours, 0), "colouring");
  IG(igraph_vertex_coloring_greedy(&p.graph, &colours, IGRAPH_COLORING_GREEDY_COLORED_NEIGHBORS),
     "colouring");
  igraph_integer_t ncol =
      igraph_vector_int_size(&colours) ? igraph_vector_int_max(&colours) + 1 : 0;
  stage("colouring", json_pack("{s:I}", "colours", (json_int_t)ncol));

  /* respgraph-only work inside rg_analyze, with the analyzer's calls */
  stage("harmonic", json_pack("{s:b, s:s}", "extra", 1, "method",
                              "inside betweenness (one Dijkstra per source)"));
  IG(igraph_strength(&p.graph, &res, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS, &w),
     "strength");
  rg_csr wcsr;
  rg_csr_build(&wcsr, &p.graph, &w);
  double *cons = malloc(((size_t)n + 1) * sizeof *cons);
  rg_constraint_burt(&wcsr, VECTOR(res), threads, cons);
  free(cons);
  rg_csr_destroy(&wcsr);
  stage("constraint", json_pack("{s:b}", "extra", 1));
  igraph_vector_int_t cores;
  IG(igraph_vector_int_init(&cores, n), "coreness");
  IG(igraph_coreness(&p.graph, &cores, IGRAPH_ALL), "coreness");
  igraph_vector_int_destroy(&cores);
  stage("coreness", json_pack("{s:b}", "extra", 1));
  int runs = (long)n + m <= RG_LEIDEN_SMALL ? RG_LEIDEN_RUNS_SMALL : RG_LEIDEN_RUNS;
  if (approx) runs = RG_LEIDEN_RUNS_LARGE;
  if (total_w > 0) {
    IG(igraph_rng_seed(igraph_rng_default(), seed), "seed");
    for (int run = 0; run < runs; run++) {
      IG(igraph_community_leiden(&p.graph, &w, &res, 1.0 / (2.0 * total_w), 0.01, 0, -1, &memb, &nb,
                                 &quality),
         "leiden");
      IG(igraph_modularity(&p.graph, &memb, &w, 1.0, IGRAPH_UNDIRECTED, &quality), "modularity");
    }
  }
  stage("leiden_runs", json_pack("{s:b, s:i}", "extra", 1, "runs", runs));

  json_t *info =
      json_pack("{s:i, s:i, s:i, s:I, s:s, s:I, s:f, s:I}", "tasks", plan->n_tasks, "units", n,
                "links", plan->n_links, "ties", (json_int_t)m, "betweenness", bmode, "clusters",
                (json_int_t)nb, "modularity", q, "colours", (json_int_t)ncol);
  igraph_vector_int_destroy(&colours);
  igraph_vector_int_destroy(&memb);
  igraph_vector_destroy(&res);
  igraph_vector_destroy(&ws);
  igraph_vector_destroy(&len);
  igraph_vector_destroy(&w);
  rg_projection_destroy(&p);
  rg_bigraph_destroy(&bg);
  free(load);
  double stages_sum = now() - t0;

  /* the whole analyzer, as the CLI runs it */
  t_mark = now();
  c_mark = cpu_now();
  rg_results r;
  rg_analysis_opts ao;
  rg_analysis_opts_init(&ao);
  ao.threads = threads;
  if (rg_analyze(plan, &ao, &r, &err)) return die("analyze", &err, 0);
  double t_analyze =
      stage("analyze", json_pack("{s:i, s:f, s:b, s:b}", "clusters", r.n_clusters, "modularity",
                                 r.modularity, "approximate_betweenness", r.approximate_betweenness,
                                 "constraint_skipped", r.constraint_skipped));

  if (no_meetings) {
    rg_results_free(&r);
  } else if (time_meetings(plan, &r)) {
    return 1;
  }

  json_t *tot = json_pack("{s:s, s:f, s:f}", "stage", "total", "seconds", t_read + t_analyze,
                          "stages_sum", stages_sum);
  json_dumpf(tot, stdout, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
  fputc('\n', stdout);
  json_decref(tot);
  json_t *io = json_pack("{s:o}", "info", info);
  json_dumpf(io, stdout, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
  fputc('\n', stdout);
  json_decref(io);
  rg_plan_free(plan);
  return print_rss();
}
