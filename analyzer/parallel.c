/* parallel.c - one serial part next to items taken by every thread, reduced in item order. */
#include "parallel.h"

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#include "error.h"

#ifdef RG_HAVE_OPENMP
#include <omp.h>
#endif

int rg_par_cores(void) {
#ifdef RG_HAVE_OPENMP
  int n = omp_get_num_procs(); /* (the processors this process may run on) */
#else
  int n = (int)sysconf(_SC_NPROCESSORS_ONLN);
#endif
  return n > 0 ? n : 1;
}

/* The next item of job j for this thread, or -1 when none is left. */
static int take(rg_par_job *j) {
  int k = __atomic_fetch_add(&j->next_, 1, __ATOMIC_RELAXED);
  return k < j->n_items ? k : -1;
}

/* Item k is finished: pass every finished item not yet reduced, in item
 * order, to done. */
static void finish(rg_par_job *j, int k, pthread_mutex_t *lock) {
  if (!j->done) return;
  pthread_mutex_lock(lock);
  j->finished_[k] = 1;
  while (j->reduced_ < j->n_items && j->finished_[j->reduced_])
    j->done(j->ctx, j->reduced_++);
  pthread_mutex_unlock(lock);
}

typedef struct par_work {
  rg_par_job *jobs;
  int n_jobs;
  pthread_mutex_t *lock;
} par_work;

static void *work_through(void *arg) {
  const par_work *w = arg;
  for (int i = 0; i < w->n_jobs; i++) {
    rg_par_job *j = &w->jobs[i];
    void *scratch = NULL;
    int made = 0;
    for (int k; (k = take(j)) >= 0;) {
      if (!made) {
        scratch = j->scratch_new ? j->scratch_new(j->ctx) : NULL;
        made = 1;
      }
      j->run(j->ctx, k, scratch);
      finish(j, k, w->lock);
    }
    if (made && j->scratch_free) j->scratch_free(j->ctx, scratch);
  }
  return NULL;
}

int rg_par_run(int threads, rg_par_job *jobs, int n_jobs, int (*serial)(void *), void *serial_ctx) {
  if (threads < 1) threads = 1;
  for (int i = 0; i < n_jobs; i++) {
    jobs[i].next_ = jobs[i].reduced_ = 0;
    jobs[i].finished_ = rg_xcalloc((size_t)jobs[i].n_items + 1, 1);
  }
  pthread_mutex_t lock;
  pthread_mutex_init(&lock, NULL);
  par_work w = {jobs, n_jobs, &lock};
  /* POSIX threads, not an OpenMP region: ThreadSanitizer sees their
   * creation, joins and locks (libgomp's are invisible to it, and it then
   * reports every access of the jobs as a race) */
  pthread_t *th = threads > 1 ? rg_xcalloc((size_t)threads - 1, sizeof *th) : NULL;
  int started = 0;
  while (started < threads - 1 && !pthread_create(&th[started], NULL, work_through, &w))
    started++;
  int rc = serial ? serial(serial_ctx) : 0; /* (igraph: on this thread only) */
  work_through(&w);
  for (int i = 0; i < started; i++)
    pthread_join(th[i], NULL);
  free(th);
  pthread_mutex_destroy(&lock);
  for (int i = 0; i < n_jobs; i++) {
    free(jobs[i].finished_);
    jobs[i].finished_ = NULL;
  }
  return rc;
}
