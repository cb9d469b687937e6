/* parallel.c - one serial part next to items taken by every thread, reduced in item order. */
#include "parallel.h"

#include <stdlib.h>

#include "error.h"

#ifdef RG_HAVE_OPENMP
#include <omp.h>
#endif

int rg_par_cores(void) {
#ifdef RG_HAVE_OPENMP
  int n = omp_get_num_procs();
  return n > 0 ? n : 1;
#else
  return 1;
#endif
}

#ifdef RG_HAVE_OPENMP
typedef omp_lock_t par_lock;
#define LOCK_INIT(l) omp_init_lock(l)
#define LOCK(l) omp_set_lock(l)
#define UNLOCK(l) omp_unset_lock(l)
#define LOCK_DESTROY(l) omp_destroy_lock(l)
#else
typedef int par_lock;
#define LOCK_INIT(l) ((void)(l))
#define LOCK(l) ((void)(l))
#define UNLOCK(l) ((void)(l))
#define LOCK_DESTROY(l) ((void)(l))
#endif

/* The next item of job j for this thread, or -1 when none is left. */
static int take(rg_par_job *j) {
  int k;
#ifdef RG_HAVE_OPENMP
#pragma omp atomic capture
#endif
  k = j->next_++;
  return k < j->n_items ? k : -1;
}

/* Item k is finished: pass every finished item not yet reduced, in item
 * order, to done. */
static void finish(rg_par_job *j, int k, par_lock *lock) {
  if (!j->done) return;
  LOCK(lock);
  j->finished_[k] = 1;
  while (j->reduced_ < j->n_items && j->finished_[j->reduced_])
    j->done(j->ctx, j->reduced_++);
  UNLOCK(lock);
}

static void work_through(rg_par_job *jobs, int n_jobs, par_lock *lock) {
  for (int i = 0; i < n_jobs; i++) {
    rg_par_job *j = &jobs[i];
    void *scratch = NULL;
    int made = 0;
    for (int k; (k = take(j)) >= 0;) {
      if (!made) {
        scratch = j->scratch_new ? j->scratch_new(j->ctx) : NULL;
        made = 1;
      }
      j->run(j->ctx, k, scratch);
      finish(j, k, lock);
    }
    if (made && j->scratch_free) j->scratch_free(j->ctx, scratch);
  }
}

int rg_par_run(int threads, rg_par_job *jobs, int n_jobs, int (*serial)(void *), void *serial_ctx) {
  if (threads < 1) threads = 1;
  for (int i = 0; i < n_jobs; i++) {
    jobs[i].next_ = jobs[i].reduced_ = 0;
    jobs[i].finished_ = rg_xcalloc((size_t)jobs[i].n_items + 1, 1);
  }
  par_lock lock;
  LOCK_INIT(&lock);
  int rc = 0;
#ifdef RG_HAVE_OPENMP
#pragma omp parallel num_threads(threads)
#endif
  {
#ifdef RG_HAVE_OPENMP
#pragma omp single nowait
#endif
    if (serial) rc = serial(serial_ctx);
    work_through(jobs, n_jobs, &lock);
  }
  LOCK_DESTROY(&lock);
  for (int i = 0; i < n_jobs; i++) {
    free(jobs[i].finished_);
    jobs[i].finished_ = NULL;
  }
  return rc;
}
