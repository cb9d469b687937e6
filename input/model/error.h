/* error.h - the one error type of respgraph.
 *
 * Every fallible function returns an rg_status and, on failure, fills the
 * caller's rg_error with the file, line and column of the fault and a
 * message. Messages print as "file:line:col: message" (col or line omitted
 * when 0). Allocation failure is not an rg_status: rg_xmalloc() and friends
 * print a message and abort, because no caller could do better. */
#ifndef RG_ERROR_H
#define RG_ERROR_H

#include <stddef.h>

typedef enum {
  RG_OK = 0,
  RG_EINPUT = 1, /* the input is bad: exit code 1 */
  RG_EUSAGE = 2, /* the command line is bad: exit code 2 */
  RG_ESYS = 3,   /* an I/O or library failure: exit code 3 */
} rg_status;

typedef struct rg_error {
  char file[512];
  long line; /* 1-based; 0 = not tied to a line */
  long col;  /* 1-based; 0 = not tied to a column */
  char msg[512];
} rg_error;

/* Clear an error record. */
void rg_error_clear(rg_error *e);

/* Fill e (if not NULL) and return status. file may be NULL. */
rg_status rg_error_set(rg_error *e, rg_status status, const char *file, long line, long col,
                       const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* Write "file:line:col: message" into buf (always NUL-terminated). */
void rg_error_format(const rg_error *e, char *buf, size_t size);

/* Allocation helpers that abort with a message on failure. */
void *rg_xmalloc(size_t n);
void *rg_xcalloc(size_t n, size_t size);
void *rg_xrealloc(void *p, size_t n);
/* Fault in the pages of [p, p + n) ready for writing, without changing a
 * byte (MADV_POPULATE_WRITE; nothing where the system lacks it). Another
 * thread may do it for memory this one is about to fill: the kernel's
 * zeroing of fresh pages then runs beside the filling. */
void rg_prefault(void *p, size_t n);

/* Memory a reader will fill in order (a plan's arrays past what it has
 * filled, sized by the reader's estimate): another thread faults it in a
 * little ahead of the reader. */
typedef struct rg_prefault_range {
  char *p;     /* NULL: none yet */
  size_t n;    /* bytes in all */
  size_t done; /* bytes faulted in so far */
  double from; /* the reader's share of its input where the range starts (0) */
  double held; /* the share of the estimate the range holds (0: RG_PREFAULT_TRUST) */
} rg_prefault_range;

/* How far ahead of the reader (a share of its input) the range is faulted
 * in, and the share of its estimate that a reader reserves. */
#define RG_PREFAULT_AHEAD 0.02
#define RG_PREFAULT_TRUST 0.9
/* ... and in bytes, at least (two 2 MiB pages). */
#define RG_PREFAULT_LEAD ((size_t)4 << 20)

/* Fault in r to where the reader will be, now share (0..1) of the way
 * through its input: r holds RG_PREFAULT_TRUST of the estimate, so the
 * reader is at about share / RG_PREFAULT_TRUST of it. Returns r's new
 * done (the caller keeps it). */
size_t rg_prefault_ahead(const rg_prefault_range *r, double share);

/* fa(a) on this thread and fb(b) beside it on a second one when two (and a
 * thread starts); otherwise fa(a), then fb(b). Returns when both are done.
 * The readers' independent halves of one job go through it. */
void rg_run_both(void *(*fa)(void *), void *a, void *(*fb)(void *), void *b, int two);
char *rg_xstrdup(const char *s);

/* Grow a dynamic array so that it holds at least need elements of elsize
 * bytes; *cap doubles. Amortised O(1) per append. */
void rg_grow(void **items, size_t *cap, size_t need, size_t elsize);

/* (the capacity is compared here, so an append that fits costs no call;
 * need is evaluated twice) */
#define RG_GROW(arr, cap, need)                                                                    \
  ((size_t)(need) > (cap) ? rg_grow((void **)&(arr), &(cap), (need), sizeof(*(arr))) : (void)0)

#endif
