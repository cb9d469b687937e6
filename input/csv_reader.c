/* csv_reader.c - CSV and TSV plans through libcsv, handed to rows.c. */
#include "csv_reader.h"

#include "conventions.h"
#include "escape.h"
#include "reading.h"
#include "rows.h"
#include "strutil.h"
#include "unitlist.h"

#include <csv.h>
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
} reader;

static void on_field(void *s, size_t len, void *data) {
  reader *rd = data;
  rg_csv_records *r = rd->r;
  if (!rd->open) {
    RG_GROW(r->rec, r->cap_rec, (size_t)r->n_rec + 1);
    r->rec[r->n_rec].first = r->n_fields;
    r->rec[r->n_rec].n = 0;
    r->rec[r->n_rec].line = rd->start;
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
  r->rec[r->n_rec].n++;
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

/* rg_csv_records_read, calling on_rec(ctx, out) after each record. */
static rg_status records_read(rg_csv_records *out, const char *data, size_t len, char delim,
                              const char *path, rg_error *err,
                              void (*on_rec)(void *, rg_csv_records *), void *ctx) {
  memset(out, 0, sizeof *out);
  struct csv_parser p;
  if (csv_init(&p, CSV_APPEND_NULL) != 0)
    return rg_error_set(err, RG_ESYS, path, 0, 0, "cannot start the CSV parser");
  csv_set_delim(&p, (unsigned char)delim);
  csv_set_space_func(&p, space_only);
  reader rd = {out, 1, 0, on_rec, ctx};
  long line = 1;
  rg_status st = RG_OK;
  /* Feed one physical line at a time (ending at \n, \r\n or \r) so that the
   * line where each record starts is known. */
  for (size_t i = 0; i < len;) {
    size_t j = i;
    while (j < len && data[j] != '\n' && data[j] != '\r')
      j++;
    if (j < len && data[j] == '\r' && j + 1 < len && data[j + 1] == '\n') j++;
    if (j < len) j++;
    if (p.pstate == CSV_ROW_NOT_BEGUN && !rd.open) rd.start = line;
    if (csv_parse(&p, data + i, j - i, on_field, on_record, &rd) != j - i) {
      st = rg_error_set(err, RG_ESYS, path, line, 0, "CSV parser: %s", csv_strerror(csv_error(&p)));
      break;
    }
    i = j;
    line++;
  }
  /* Not strict mode, which would refuse a stray quote inside an unquoted
   * field (推进"十五五"规划); so an unterminated quote is seen here. */
  if (!st && p.pstate == CSV_FIELD_BEGUN && p.quoted)
    st = rg_error_set(err, RG_EINPUT, path, rd.start, 0,
                      "unterminated quoted field: the record starting here never closes its "
                      "\"...\"");
  if (!st && csv_fini(&p, on_field, on_record, &rd) != 0) {
    st = rg_error_set(err, RG_ESYS, path, rd.start, 0, "CSV parser: %s",
                      csv_strerror(csv_error(&p)));
  }
  csv_free(&p);
  return st;
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
  rg_row header = {v, r->rec[k].n, r->rec[k].line};
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
  sc->hn = header.n;
  sc->hline = header.lineno;
  sc->state = 1;
  forget_records(r);
}

static void stream_record(void *ctx, rg_csv_records *r) {
  stream *sc = ctx;
  if (sc->state == 0) stream_header(sc, r);
  if (sc->state != 1 || r->n_rec == 0) return;
  for (int k = 0; k < r->n_rec; k++) {
    rg_row row = {NULL, r->rec[k].n, r->rec[k].line};
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
    rg_status st =
        records_read(&r, utf8, len, delims[d], plan->path, err, d == 0 ? stream_record : NULL, &sc);
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
