/* csv_reader.c - CSV and TSV plans through libcsv, handed to rows.c. */
#include "csv_reader.h"

#include "conventions.h"
#include "escape.h"
#include "reading.h"
#include "rows.h"
#include "strutil.h"
#include "unitlist.h"

#include <csv.h>
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "rows.h"

#define HEADER_SEARCH 10 /* records in which the header is looked for */

/* libcsv's parser states (libcsv.c: ROW_NOT_BEGUN, FIELD_BEGUN). */
#define CSV_ROW_NOT_BEGUN 0
#define CSV_FIELD_BEGUN 2

typedef struct reader {
  rg_csv_records *r;
  long start; /* line where the record being read started */
  int open;   /* a record has fields but is not ended */
  /* called after each record is complete (may empty r), or NULL */
  void (*on_rec)(void *ctx, rg_csv_records *r);
  void *ctx;
  /* fields hashed into each record's h[0], h[1] (a long form's task and
   * unit columns: rg_rows_long_key_hash), -1 for none; a missing field
   * hashes as "" */
  int hash_col[2];
  unsigned hash_empty;
} reader;

static void on_field(void *s, size_t len, void *data) {
  reader *rd = data;
  rg_csv_records *r = rd->r;
  if (!rd->open) {
    RG_GROW(r->rec, r->cap_rec, (size_t)r->n_rec + 1);
    r->rec[r->n_rec].first = r->n_fields;
    r->rec[r->n_rec].n = 0;
    r->rec[r->n_rec].line = rd->start;
    r->rec[r->n_rec].h[0] = r->rec[r->n_rec].h[1] = rd->hash_empty;
    rd->open = 1;
  }
  RG_GROW(r->field, r->cap_fields, (size_t)r->n_fields + 1);
  RG_GROW(r->buf, r->cap, r->len + len + 1);
  r->field[r->n_fields++] = r->len;
  char *f = r->buf + r->len;
  if (len) memcpy(f, s, len);
  f[len] = '\0';
  /* a cell respgraph's own CSV guarded ('=HYPERLINK(...), '+1, escape.h)
   * reads as the text it guards, so `edges -f csv` reads back unchanged */
  if (f[0] == '\'' && rg_escape_is_formula_like(f + 1)) memmove(f, f + 1, len--);
  r->len += len + 1;
  struct rg_csv_record *rec = &r->rec[r->n_rec];
  for (int i = 0; i < 2; i++)
    if (rec->n == rd->hash_col[i]) rec->h[i] = rg_rows_long_key_hash(f, len);
  rec->n++;
}

static void on_record(int c, void *data) {
  (void)c;
  reader *rd = data;
  if (!rd->open) return;
  rd->r->n_rec++;
  rd->open = 0;
  if (rd->on_rec) rd->on_rec(rd->ctx, rd->r);
}

static int space_only(unsigned char c) { return c == ' '; }

/* One libcsv reading of a buffer, fed a physical line at a time (ending at
 * \n, \r\n or \r) so that the line where each record starts is known. It
 * can stop after any line and go on later, on another thread (the
 * pipeline below). */
typedef struct csv_run {
  struct csv_parser p;
  reader rd;
  const char *data, *path;
  size_t len, i; /* the bytes, and the next one to feed */
  long line;     /* the line of data + i */
  rg_status st;
  rg_error *err;
} csv_run;

static rg_status run_init(csv_run *run, rg_csv_records *out, const char *data, size_t len,
                          char delim, const char *path, rg_error *err,
                          void (*on_rec)(void *, rg_csv_records *), void *ctx) {
  memset(out, 0, sizeof *out);
  memset(run, 0, sizeof *run);
  if (csv_init(&run->p, CSV_APPEND_NULL) != 0)
    return rg_error_set(err, RG_ESYS, path, 0, 0, "cannot start the CSV parser");
  csv_set_delim(&run->p, (unsigned char)delim);
  csv_set_space_func(&run->p, space_only);
  run->rd = (reader){out, 1, 0, on_rec, ctx, {-1, -1}, 0};
  run->data = data, run->len = len, run->path = path, run->err = err;
  run->line = 1;
  return RG_OK;
}

/* Feed lines until the end of the data, an error, or stop(ctx) after a line. */
static void run_lines(csv_run *run, int (*stop)(void *), void *ctx) {
  const char *data = run->data;
  size_t len = run->len;
  while (run->i < len && !run->st) {
    size_t i = run->i, j = i;
    const char *nl = memchr(data + i, '\n', len - i);
    const char *cr = memchr(data + i, '\r', (nl ? (size_t)(nl - data) : len) - i);
    j = cr ? (size_t)(cr - data) : nl ? (size_t)(nl - data) : len;
    if (j < len && data[j] == '\r' && j + 1 < len && data[j + 1] == '\n') j++;
    if (j < len) j++;
    if (run->p.pstate == CSV_ROW_NOT_BEGUN && !run->rd.open) run->rd.start = run->line;
    if (csv_parse(&run->p, data + i, j - i, on_field, on_record, &run->rd) != j - i) {
      run->st = rg_error_set(run->err, RG_ESYS, run->path, run->line, 0, "CSV parser: %s",
                             csv_strerror(csv_error(&run->p)));
      break;
    }
    run->i = j;
    run->line++;
    if (stop && stop(ctx)) break;
  }
}

/* The end of the data: an unterminated quote, then libcsv's last record.
 * Frees the parser; returns the run's status. */
static rg_status run_finish(csv_run *run) {
  /* Not strict mode, which would refuse a stray quote inside an unquoted
   * field (推进"十五五"规划); so an unterminated quote is seen here. */
  if (!run->st && run->p.pstate == CSV_FIELD_BEGUN && run->p.quoted)
    run->st = rg_error_set(run->err, RG_EINPUT, run->path, run->rd.start, 0,
                           "unterminated quoted field: the record starting here never closes "
                           "its \"...\"");
  if (!run->st && csv_fini(&run->p, on_field, on_record, &run->rd) != 0)
    run->st = rg_error_set(run->err, RG_ESYS, run->path, run->rd.start, 0, "CSV parser: %s",
                           csv_strerror(csv_error(&run->p)));
  csv_free(&run->p);
  return run->st;
}

/* rg_csv_records_read, calling on_rec(ctx, out) after each record. */
static rg_status records_read(rg_csv_records *out, const char *data, size_t len, char delim,
                              const char *path, rg_error *err,
                              void (*on_rec)(void *, rg_csv_records *), void *ctx) {
  csv_run run;
  rg_status st = run_init(&run, out, data, len, delim, path, err, on_rec, ctx);
  if (st) return st;
  run_lines(&run, NULL, NULL);
  return run_finish(&run);
}

rg_status rg_csv_records_read(rg_csv_records *out, const char *data, size_t len, char delim,
                              const char *path, rg_error *err) {
  return records_read(out, data, len, delim, path, err, NULL, NULL);
}

void rg_csv_records_destroy(rg_csv_records *r) {
  free(r->buf);
  free(r->field);
  free(r->rec);
  memset(r, 0, sizeof *r);
}

const char *rg_csv_field(const rg_csv_records *r, int k, int i) {
  return r->buf + r->field[r->rec[k].first + i];
}

/* Cell pointers of record k, in a malloc'd array. */
static const char **cells_of(const rg_csv_records *r, int k) {
  const char **v = rg_xcalloc((size_t)r->rec[k].n + 1, sizeof *v);
  for (int i = 0; i < r->rec[k].n; i++)
    v[i] = rg_csv_field(r, k, i);
  return v;
}

static int all_empty(const char *s) {
  for (; *s; s++)
    if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n') return 0;
  return 1;
}

static int all_empty_n(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] != ' ' && s[i] != '\t' && s[i] != ',') return 0;
  return 1;
}

/* Index of the header record among the first HEADER_SEARCH, or -1. */
static int find_header(const rg_csv_records *r, const char *columns) {
  for (int k = 0; k < r->n_rec && k < HEADER_SEARCH; k++) {
    const char **v = cells_of(r, k);
    int ok = rg_rows_header_ok(v, r->rec[k].n, columns);
    free(v);
    if (ok) return k;
  }
  return -1;
}

/* The delimiter to try first: TAB when the first line with either has more
 * tabs than commas. */
static char guess_delim(const char *s, size_t len) {
  size_t tabs = 0, commas = 0;
  for (size_t i = 0; i < len; i++) {
    if (s[i] == '\t')
      tabs++;
    else if (s[i] == ',')
      commas++;
    else if (s[i] == '\n' && (tabs || commas))
      break;
  }
  return tabs > commas ? '\t' : ',';
}

/* The records above the header (h): a record with one non-empty cell is the
 * title, may give the level, and may state a rule. */
static void title_rows(rg_plan *plan, const rg_csv_records *r, int h) {
  for (int k = 0; k < h; k++) {
    const char *only = NULL;
    int nonempty = 0;
    for (int i = 0; i < r->rec[k].n; i++)
      if (!all_empty(rg_csv_field(r, k, i))) {
        only = rg_csv_field(r, k, i);
        nonempty++;
      }
    if (nonempty == 1 && !plan->meta.title) plan->meta.title = rg_plan_strdup(plan, only);
    /* a title row gives the level (汝阳县2024年…任务分解表); a note row above
     * the header may state a rule */
    if (nonempty == 1) {
      rg_reading_set_level(plan, only, r->rec[k].line);
      rg_rule u;
      if (rg_conv_scan(only, &u)) {
        rg_conv_record(plan, only, &u, r->rec[k].line, 0);
        free(u.unit);
      }
    }
  }
}

/* A long-form plan (task,role,unit...) is read while libcsv reads it: each
 * record below the header becomes its tasks and links at once and is then
 * forgotten, so the file's records are never all held (on the 1M-task long
 * CSV: 2.7 M rows, some 400 MB of records, cells and rows). Other plans
 * keep every record and are read as before. Errors come as the whole-file
 * reading gives them: a CSV error first, then the first row whose field
 * count is wrong, then the first row the plan refuses. */
typedef struct stream {
  rg_plan *plan;
  const rg_load_opts *opts;
  int state; /* 0: looking for the header, 1: streaming, 2: keeping every record */
  rg_rows_long *lf;
  int hn;     /* fields of the header */
  long hline; /* its line */
  int rank;   /* the error so far: 0 none, 1 a row refused, 2 a wrong field count */
  rg_status st;
  rg_error err;
  const char **cells;
  size_t cap_cells;
  reader *rd; /* the reading's, to hash the task and unit cells from the header on */
} stream;

static void forget_records(rg_csv_records *r) {
  r->len = 0;
  r->n_fields = 0;
  r->n_rec = 0;
}

/* The header search, on each of the first HEADER_SEARCH records. */
static void stream_header(stream *sc, rg_csv_records *r) {
  int k = r->n_rec - 1;
  const char **v = cells_of(r, k);
  rg_row header = {v, r->rec[k].n, r->rec[k].line, NULL};
  if (!rg_rows_header_ok(v, header.n, sc->opts ? sc->opts->columns : NULL)) {
    free(v);
    if (r->n_rec >= HEADER_SEARCH) sc->state = 2;
    return;
  }
  sc->lf = rg_rows_long_begin(sc->plan, &header, sc->opts);
  free(v);
  if (!sc->lf) {
    sc->state = 2;
    return;
  }
  title_rows(sc->plan, r, k);
  if (sc->rd) { /* the reader hashes the cells the rows will look up */
    rg_rows_long_columns(sc->lf, &sc->rd->hash_col[0], &sc->rd->hash_col[1]);
    sc->rd->hash_empty = rg_rows_long_key_hash("", 0);
  }
  sc->hn = header.n;
  sc->hline = header.lineno;
  sc->state = 1;
  forget_records(r);
}

/* Rows ahead whose table probes are started (rg_rows_long_prefetch): the
 * slots this far ahead, the keys they point to half as far. */
#define PREFETCH_AHEAD 16

static void stream_record(void *ctx, rg_csv_records *r) {
  stream *sc = ctx;
  if (sc->state == 0) stream_header(sc, r);
  if (sc->state != 1 || r->n_rec == 0) return;
  int hashed = sc->rd && sc->rd->hash_col[1] >= 0;
  for (int k = 0; hashed && k < r->n_rec && k < PREFETCH_AHEAD; k++)
    rg_rows_long_prefetch(sc->lf, r->rec[k].h, 0);
  for (int k = 0; k < r->n_rec; k++) {
    if (hashed && k + PREFETCH_AHEAD < r->n_rec)
      rg_rows_long_prefetch(sc->lf, r->rec[k + PREFETCH_AHEAD].h, 0);
    if (hashed && k + PREFETCH_AHEAD / 2 < r->n_rec)
      rg_rows_long_prefetch(sc->lf, r->rec[k + PREFETCH_AHEAD / 2].h, 1);
    rg_row row = {NULL, r->rec[k].n, r->rec[k].line, hashed ? r->rec[k].h : NULL};
    RG_GROW(sc->cells, sc->cap_cells, (size_t)row.n + 1);
    for (int i = 0; i < row.n; i++)
      sc->cells[i] = rg_csv_field(r, k, i);
    sc->cells[row.n] = NULL;
    row.cells = sc->cells;
    if (sc->rank == 2) break;
    if (row.n != sc->hn && row.n != 1) {
      int extra_empty = row.n > sc->hn;
      for (int i = sc->hn; i < row.n && extra_empty; i++)
        extra_empty = all_empty(row.cells[i]);
      if (!extra_empty) {
        sc->st = rg_error_set(&sc->err, RG_EINPUT, sc->plan->path, row.lineno, 0,
                              "row has %d fields but the header (line %ld) has %d", row.n,
                              sc->hline, sc->hn);
        sc->rank = 2;
        break;
      }
      row.n = sc->hn;
    }
    if (sc->rank == 0 && (sc->st = rg_rows_long_row(sc->lf, &row, &sc->err))) sc->rank = 1;
  }
  forget_records(r);
}

/* The end of a streamed reading. */
static rg_status stream_end(stream *sc, rg_error *err) {
  rg_status st = sc->st;
  if (st)
    *err = sc->err;
  else if (sc->plan->n_tasks == 0)
    st =
        rg_error_set(err, RG_EINPUT, sc->plan->path, sc->hline, 0, "no task rows below the header");
  return st;
}

/* --------------------------------------------------------------- pipeline */

/* A long-form plan of more than PIPE_MIN bytes is read by two threads once
 * its header is found: one runs libcsv over the rest and hands the records
 * over in batches of PIPE_BATCH, the other (the caller) turns them into
 * tasks and links, batch after batch in file order, exactly as the one
 * thread would. The plan comes out the same byte for byte; only libcsv's
 * part (a quarter of reading the 1M-task CSV) runs beside the rest. */
#define PIPE_MIN ((size_t)4 << 20)
#define PIPE_BATCH 2048
#define PIPE_SLOTS 4

typedef struct pipe_q {
  pthread_mutex_t mu;
  pthread_cond_t cv;
  rg_csv_records batch[PIPE_SLOTS]; /* batch n is batch[n % PIPE_SLOTS] */
  rg_csv_records spare;             /* the producer's, once the consumer has stopped */
  long queued;                      /* batches handed to the consumer */
  long released;                    /* batches the consumer is done with */
  int done;                         /* the producer has queued its last batch */
  atomic_int stop;                  /* the consumer wants no more (its first error is known) */
  csv_run *run;
  rg_error err; /* the producer's error (a CSV error), copied out after the join */
  /* The plan's task and link arrays past what the first batch filled,
   * sized by its estimate (pipe_reserve, under mu): the producer faults
   * them in a little ahead of the consumer (pipe_prefault). */
  rg_prefault_range pre[2]; /* done is the producer's own */
} pipe_q;

/* Producer, its lock held (the ranges are the consumer's): fault in the
 * arrays ahead of the file's read share (rg_prefault_ahead). The work runs
 * unlocked. */
static void pipe_prefault(pipe_q *q) {
  rg_prefault_range pre[2];
  memcpy(pre, q->pre, sizeof pre);
  const csv_run *run = q->run;
  double share = (double)run->i / (double)(run->len ? run->len : 1);
  pthread_mutex_unlock(&q->mu);
  for (int k = 0; k < 2; k++)
    q->pre[k].done = rg_prefault_ahead(&pre[k], share); /* the producer alone writes done */
  pthread_mutex_lock(&q->mu);
}

/* Consumer, after the first batch (of about bytes bytes of the file):
 * reserve the plan's arrays for the whole file at the batch's rate and hand
 * their spare room to the producer. Changes no byte of the plan. */
static void pipe_reserve(pipe_q *q, rg_plan *plan, rg_rows_long *lf, size_t bytes) {
  if (!bytes) return;
  rg_prefault_range pre[2];
  size_t tasks = rg_plan_reserve_ahead(
      plan, (double)q->run->len / (double)bytes * RG_PREFAULT_TRUST, 0, 0, pre);
  if (!tasks) return;
  rg_rows_long_reserve(lf, tasks);
  pthread_mutex_lock(&q->mu);
  q->pre[0] = pre[0];
  q->pre[1] = pre[1];
  pthread_mutex_unlock(&q->mu);
}

/* Producer, after each record: a full batch is queued, and the next slot
 * taken once the consumer has released it. */
static void pipe_on_rec(void *ctx, rg_csv_records *r) {
  pipe_q *q = ctx;
  if (r->n_rec < PIPE_BATCH) return;
  pthread_mutex_lock(&q->mu);
  if (atomic_load(&q->stop)) { /* r is not queued: nobody else reads it */
    pthread_mutex_unlock(&q->mu);
    forget_records(r);
    return;
  }
  q->queued++;
  pthread_cond_broadcast(&q->cv);
  if (q->pre[0].n) pipe_prefault(q);
  while (q->queued - q->released >= PIPE_SLOTS && !atomic_load(&q->stop))
    pthread_cond_wait(&q->cv, &q->mu);
  q->run->rd.r = atomic_load(&q->stop) ? &q->spare : &q->batch[q->queued % PIPE_SLOTS];
  pthread_mutex_unlock(&q->mu);
}

static int pipe_stopped(void *ctx) {
  pipe_q *q = ctx;
  return atomic_load_explicit(&q->stop, memory_order_relaxed);
}

static void *pipe_produce(void *ctx) {
  pipe_q *q = ctx;
  run_lines(q->run, pipe_stopped, q);
  if (!atomic_load(&q->stop))
    run_finish(q->run);
  else
    csv_free(&q->run->p);
  pthread_mutex_lock(&q->mu);
  if (q->run->rd.r != &q->spare) q->queued++; /* the last batch, maybe empty */
  q->done = 1;
  pthread_cond_broadcast(&q->cv);
  pthread_mutex_unlock(&q->mu);
  return NULL;
}

/* Consumer: the batches in order, each read by stream_record. */
static void pipe_consume(pipe_q *q, stream *sc) {
  for (long taken = 0;; taken++) {
    pthread_mutex_lock(&q->mu);
    while (taken == q->queued && !q->done)
      pthread_cond_wait(&q->cv, &q->mu);
    int more = taken < q->queued;
    pthread_mutex_unlock(&q->mu);
    if (!more) break;
    rg_csv_records *b = &q->batch[taken % PIPE_SLOTS];
    size_t bytes = b->len; /* the fields, NUL-ended: about the batch's bytes */
    stream_record(sc, b);  /* empties the batch */
    if (taken == 0 && sc->rank == 0) pipe_reserve(q, sc->plan, sc->lf, bytes);
    pthread_mutex_lock(&q->mu);
    q->released = taken + 1;
    if (sc->rank == 2) atomic_store(&q->stop, 1); /* later rows cannot change the error */
    pthread_cond_broadcast(&q->cv);
    pthread_mutex_unlock(&q->mu);
  }
}

/* Go on with run (its header found, sc streaming) on two threads. Returns
 * the CSV error if any (it comes first, as on one thread), else RG_OK: the
 * rows' own error is in sc. run->rd.r's records are consumed first. */
static rg_status pipe_read(csv_run *run, stream *sc, rg_error *err) {
  pipe_q *q = rg_xcalloc(1, sizeof *q);
  atomic_init(&q->stop, 0);
  pthread_mutex_init(&q->mu, NULL);
  pthread_cond_init(&q->cv, NULL);
  q->run = run;
  run->err = &q->err;
  run->rd.r = &q->batch[0];
  run->rd.on_rec = pipe_on_rec;
  run->rd.ctx = q;
  pthread_t th;
  rg_status st = RG_OK;
  if (pthread_create(&th, NULL, pipe_produce, q) != 0) {
    /* no thread: the rest on this one */
    run->err = err;
    run->rd.on_rec = stream_record;
    run->rd.ctx = sc;
    run_lines(run, NULL, NULL);
    st = run_finish(run);
  } else {
    pipe_consume(q, sc);
    pthread_join(th, NULL);
    if ((st = run->st)) *err = q->err;
  }
  for (int k = 0; k < PIPE_SLOTS; k++)
    rg_csv_records_destroy(&q->batch[k]);
  rg_csv_records_destroy(&q->spare);
  pthread_cond_destroy(&q->cv);
  pthread_mutex_destroy(&q->mu);
  free(q);
  return st;
}

/* Has the header been found with enough left to read for the pipeline? */
static int pipe_worth(void *ctx) {
  const stream *sc = ctx;
  return sc->state != 0;
}

/* The first reading of a CSV plan, streaming a long form (stream_record):
 * on two threads from the header on when the plan is big (opts->threads
 * != 1), else on one. out keeps the records of a plan that is not a long
 * form. */
static rg_status stream_read(rg_csv_records *out, const char *data, size_t len, char delim,
                             stream *sc, rg_error *err) {
  csv_run run;
  rg_status st = run_init(&run, out, data, len, delim, sc->plan->path, err, stream_record, sc);
  if (st) return st;
  sc->rd = &run.rd;
  int two = len > PIPE_MIN && !(sc->opts && sc->opts->threads == 1);
  run_lines(&run, two ? pipe_worth : NULL, sc);
  if (run.st || sc->state != 1 || run.i >= len || len - run.i < PIPE_MIN) {
    run.rd.on_rec = stream_record;
    run_lines(&run, NULL, NULL);
    st = run_finish(&run);
  } else {
    st = pipe_read(&run, sc, err);
  }
  sc->rd = NULL; /* run ends here */
  return st;
}

rg_status rg_csv_parse(rg_plan *plan, const char *utf8, size_t len, const rg_load_opts *opts,
                       rg_error *err) {
  const char *columns = opts ? opts->columns : NULL;
  char delims[2];
  delims[0] = guess_delim(utf8, len);
  delims[1] = delims[0] == ',' ? '\t' : ',';
  rg_csv_records r;
  stream sc = {.plan = plan, .opts = opts};
  int h = -1;
  for (int d = 0; d < 2 && h < 0; d++) {
    rg_status st = d == 0 ? stream_read(&r, utf8, len, delims[d], &sc, err)
                          : records_read(&r, utf8, len, delims[d], plan->path, err, NULL, NULL);
    if (!st && d == 0 && sc.state == 1) st = stream_end(&sc, err);
    if (st || (d == 0 && sc.state == 1)) {
      rg_rows_long_end(sc.lf);
      free(sc.cells);
      rg_csv_records_destroy(&r);
      return st;
    }
    h = find_header(&r, columns);
    if (h < 0) rg_csv_records_destroy(&r);
  }
  if (h < 0 && columns && *columns)
    return rg_error_set(err, RG_EINPUT, plan->path, 1, 0,
                        "no header row in the first %d rows has the columns given by "
                        "--columns %s (and a task and a lead or support column)",
                        HEADER_SEARCH, columns);
  if (h < 0) {
    /* name what was seen: the first record with several cells */
    char seen[320] = "";
    long at = 1;
    rg_csv_records r2;
    rg_error e2;
    if (rg_csv_records_read(&r2, utf8, len, delims[0], plan->path, &e2) == RG_OK)
      for (int k = 0; k < r2.n_rec && k < HEADER_SEARCH && !seen[0]; k++) {
        int nonempty = 0;
        for (int i = 0; i < r2.rec[k].n; i++)
          nonempty += !all_empty(rg_csv_field(&r2, k, i));
        if (nonempty < 2) continue;
        const char **v = cells_of(&r2, k);
        rg_rows_header_list(v, r2.rec[k].n, seen, sizeof seen);
        free(v);
        at = r2.rec[k].line;
      }
    rg_csv_records_destroy(&r2);
    if (seen[0])
      return rg_error_set(err, RG_EINPUT, plan->path, at, 0,
                          "no recognised header row in the first %d rows: the header seems to be "
                          "%s, which names no task column and no unit column (expected 序号, "
                          "重点任务, 牵头单位, 责任单位 or task, lead, support); name the columns "
                          "with --columns task=NAME,lead=NAME,support=NAME",
                          HEADER_SEARCH, seen);
    return rg_error_set(err, RG_EINPUT, plan->path, 1, 0,
                        "no recognised header row in the first %d rows (expected columns such "
                        "as 序号, 重点任务, 牵头单位, 责任单位 or task, lead, support; name "
                        "others with --columns)",
                        HEADER_SEARCH);
  }
  rg_status st = RG_OK;
  title_rows(plan, &r, h);
  int hn = r.rec[h].n;
  int nrows = r.n_rec - h;
  rg_row *rows = rg_xcalloc((size_t)nrows + 1, sizeof *rows);
  /* the cell pointers of every row in one array, each row's NULL-ended (one
   * allocation, not one a row: 2.7 M rows in the 1M-task long CSV) */
  const char **cells = rg_xmalloc(((size_t)r.n_fields + (size_t)nrows) * sizeof *cells);
  size_t at = 0;
  for (int k = h; k < r.n_rec; k++) {
    rg_row *row = &rows[k - h];
    row->cells = cells + at;
    for (int i = 0; i < r.rec[k].n; i++)
      cells[at++] = rg_csv_field(&r, k, i);
    cells[at++] = NULL;
    row->n = r.rec[k].n;
    row->lineno = r.rec[k].line;
    if (k == h || row->n == hn || row->n == 1) continue;
    int extra_empty = row->n > hn;
    for (int i = hn; i < row->n && extra_empty; i++)
      extra_empty = all_empty(row->cells[i]);
    if (extra_empty) {
      row->n = hn;
      continue;
    }
    st = rg_error_set(err, RG_EINPUT, plan->path, row->lineno, 0,
                      "row has %d fields but the header (line %ld) has %d", row->n, r.rec[h].line,
                      hn);
    nrows = k - h + 1;
    break;
  }
  if (!st) st = rg_rows_parse(plan, rows, nrows, opts, err);
  if (!st && plan->n_tasks == 0)
    st =
        rg_error_set(err, RG_EINPUT, plan->path, r.rec[h].line, 0, "no task rows below the header");
  free(cells);
  free(rows);
  rg_csv_records_destroy(&r);
  return st;
}

int rg_csv_is_header(const char *line, size_t len) {
  static const char delims[2] = {',', '\t'};
  for (int d = 0; d < 2; d++) {
    rg_csv_records r;
    rg_error e;
    int ok = 0;
    if (rg_csv_records_read(&r, line, len, delims[d], "-", &e) == RG_OK && r.n_rec > 0) {
      const char **v = cells_of(&r, 0);
      ok = rg_rows_is_header(v, r.rec[0].n);
      free(v);
    }
    rg_csv_records_destroy(&r);
    if (ok) return 1;
  }
  return 0;
}

int rg_csv_detect(const char *utf8, size_t len) {
  const char *p = utf8, *end = utf8 + len;
  for (int lines = 0; p < end && lines < HEADER_SEARCH;) {
    const char *e = p;
    while (e < end && *e != '\n' && *e != '\r')
      e++;
    if (!all_empty_n(p, (size_t)(e - p))) {
      if (rg_csv_is_header(p, (size_t)(e - p))) return 1;
      lines++;
    }
    p = e + 1;
  }
  return 0;
}
