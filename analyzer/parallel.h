/* parallel.h - the analysis's threads: one serial part next to lists of
 * independent items (analyzer-internal).
 *
 * igraph as Debian builds it is not thread-safe (IGRAPH_THREAD_SAFE 0: the
 * error handler's finally stack and the default RNG are process-wide), so
 * igraph is called from ONE thread at a time: the `serial` part of
 * rg_par_run (eigenvector, PageRank, coreness, the Leiden restarts, in
 * order, with one seeded RNG stream). Meanwhile the other threads, and the
 * serial thread when it is done, work through the items of the jobs:
 * respgraph's own C code on plain arrays (sampled or exact paths per chunk
 * of sources, constraint per block of units), which never calls igraph.
 *
 * Determinism: an item's result may not depend on the thread that computes
 * it or on when. A job whose results are summed gets a `done` callback,
 * called once per item, under a lock, in item order (item k after items
 * 0..k-1, whichever thread finished them), so the reduction runs in a
 * fixed order at every thread count.
 *
 * The work runs on `threads` POSIX threads (the calling one among them),
 * with the same results at every count. POSIX threads rather than an
 * OpenMP region, so that ThreadSanitizer sees the threads' creation,
 * joins and locks: libgomp is not built for it, and its races reported
 * under OpenMP were all of that kind. */
#ifndef RG_PARALLEL_H
#define RG_PARALLEL_H

typedef struct rg_par_job {
  int n_items;
  void *ctx;
  /* per-thread scratch: made before a thread's first item of the job, freed
   * after its last (both may be NULL) */
  void *(*scratch_new)(void *ctx);
  void (*scratch_free)(void *ctx, void *scratch);
  void (*run)(void *ctx, int item, void *scratch);
  void (*done)(void *ctx, int item); /* in item order, under the lock; may be NULL */
  /* private */
  int next_, reduced_;
  unsigned char *finished_;
} rg_par_job;

/* Run serial(serial_ctx) on one thread (when serial is not NULL) while the
 * threads work through jobs[0], then jobs[1], ...; returns serial's
 * result (0 when NULL) once everything is done. threads < 1 means 1. */
int rg_par_run(int threads, rg_par_job *jobs, int n_jobs, int (*serial)(void *), void *serial_ctx);

/* The number of threads "all cores" means: the processors this process may
 * run on (omp_get_num_procs), or those online without OpenMP. */
int rg_par_cores(void);

#endif
