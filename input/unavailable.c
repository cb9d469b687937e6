/* unavailable.c - read the unit,slot CSV of --unavailable with libcsv. */
#include "unavailable.h"

#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "names.h"
#include "sort.h"
#include "source.h"

typedef struct reader {
  const char *path;
  const rg_plan *plan;
  rg_unavail_list *out;
  rg_error *err;
  rg_status status;
  long line; /* line being fed */
  int rows;  /* rows seen so far (non-blank) */
  char *cells[2];
  int n_cells; /* cells of the current row (only the first 2 are kept) */
} reader;

static void on_field(void *s, size_t len, void *data) {
  reader *r = data;
  if (r->n_cells < 2) {
    char *c = rg_xmalloc(len + 1);
    memcpy(c, s ? s : "", s ? len : 0);
    c[s ? len : 0] = '\0';
    r->cells[r->n_cells] = c;
  }
  r->n_cells++;
}

/* A slot number 1..1000000, or -1. */
static long parse_slot(const char *s) {
  if (!*s) return -1;
  for (const char *p = s; *p; p++)
    if (*p < '0' || *p > '9') return -1;
  errno = 0;
  long v = strtol(s, NULL, 10);
  if (errno || v < 1 || v > 1000000) return -1;
  return v;
}

static void on_row(int c, void *data) {
  (void)c;
  reader *r = data;
  int n = r->n_cells;
  const char *unit = n > 0 ? r->cells[0] : "";
  const char *slot = n > 1 ? r->cells[1] : "";
  if (r->status == RG_OK && !(n <= 1 && !*unit)) {
    int first = r->rows++ == 0;
    long s = parse_slot(slot);
    if (n != 2) {
      r->status = rg_error_set(r->err, RG_EINPUT, r->path, r->line, 0,
                               "expected 2 fields (unit,slot), found %d", n);
    } else if (s < 0 && first) {
      /* a header row */
    } else if (s < 0) {
      r->status = rg_error_set(r->err, RG_EINPUT, r->path, r->line, 0,
                               "slot '%s' is not a number from 1 to 1000000", slot);
    } else {
      int near[1], n_near = 0;
      int u = rg_unit_find(r->plan, unit, near, 1, &n_near);
      if (u < 0) {
        r->status = rg_error_set(r->err, RG_EINPUT, r->path, r->line, 0, "unknown unit '%s'%s%s%s",
                                 unit, n_near ? " (did you mean " : "",
                                 n_near ? r->plan->units[near[0]].name : "", n_near ? "?)" : "");
      } else {
        RG_GROW(r->out->items, r->out->cap, (size_t)r->out->n + 1);
        r->out->items[r->out->n++] = (rg_unavail){u, (int)s};
      }
    }
  }
  free(r->cells[0]);
  free(r->cells[1]);
  r->cells[0] = r->cells[1] = NULL;
  r->n_cells = 0;
}

static int by_unit_slot(const void *a, const void *b, void *ctx) {
  (void)ctx;
  const rg_unavail *x = a, *y = b;
  if (x->unit != y->unit) return x->unit < y->unit ? -1 : 1;
  return (x->slot > y->slot) - (x->slot < y->slot);
}

rg_status rg_unavailable_parse(const char *path, const char *data, size_t len, const rg_plan *plan,
                               rg_unavail_list *out, rg_error *err) {
  memset(out, 0, sizeof *out);
  if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3)) {
    data += 3;
    len -= 3;
  }
  struct csv_parser p;
  if (csv_init(&p, 0) != 0)
    return rg_error_set(err, RG_ESYS, path, 0, 0, "cannot start the CSV parser");
  reader r = {.path = path, .plan = plan, .out = out, .err = err, .status = RG_OK, .line = 1};
  /* Feed one line at a time so a failing row can name its (last) line. */
  size_t pos = 0;
  while (pos < len && r.status == RG_OK) {
    const char *nl = memchr(data + pos, '\n', len - pos);
    size_t end = nl ? (size_t)(nl - data) + 1 : len;
    if (csv_parse(&p, data + pos, end - pos, on_field, on_row, &r) != end - pos) {
      r.status =
          rg_error_set(err, RG_EINPUT, path, r.line, 0, "bad CSV: %s", csv_strerror(csv_error(&p)));
      break;
    }
    pos = end;
    if (nl) r.line++;
  }
  if (r.status == RG_OK) {
    if (r.line > 1 && len > 0 && data[len - 1] == '\n') r.line--;
    csv_fini(&p, on_field, on_row, &r);
  }
  csv_free(&p);
  free(r.cells[0]);
  free(r.cells[1]);
  if (r.status != RG_OK) {
    rg_unavailable_destroy(out);
    return r.status;
  }
  if (out->n > 1) {
    rg_sort(out->items, (size_t)out->n, sizeof *out->items, by_unit_slot, NULL);
    int k = 1;
    for (int i = 1; i < out->n; i++)
      if (by_unit_slot(&out->items[i], &out->items[k - 1], NULL) != 0)
        out->items[k++] = out->items[i];
    out->n = k;
  }
  return RG_OK;
}

rg_status rg_unavailable_read(const char *path, const rg_plan *plan, rg_unavail_list *out,
                              rg_error *err) {
  memset(out, 0, sizeof *out);
  rg_source src;
  rg_status st = rg_source_read(&src, path, err);
  if (st != RG_OK) return st;
  st = rg_unavailable_parse(path, src.data, src.len, plan, out, err);
  rg_source_destroy(&src);
  return st;
}

void rg_unavailable_destroy(rg_unavail_list *l) {
  if (!l) return;
  free(l->items);
  memset(l, 0, sizeof *l);
}
