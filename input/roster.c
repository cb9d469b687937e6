/* roster.c - expanding collectives into member units from a roster CSV. */
#include "roster.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csv_reader.h"
#include "decode.h"
#include "sort.h"
#include "source.h"
#include "unitlist.h"

typedef struct entry {
  char *collective; /* NFKC, trimmed */
  char *member;
  long line;
} entry;

/* NFKC and trim ASCII and ideographic white space; malloc'd, or NULL when
 * the bytes are not UTF-8. */
static char *canon(const char *s) {
  char *n = rg_nfkc(s, strlen(s));
  if (!n) return NULL;
  size_t b = 0, e = strlen(n);
  while (b < e && (n[b] == ' ' || n[b] == '\t' || n[b] == '\r' || n[b] == '\n'))
    b++;
  while (e > b && (n[e - 1] == ' ' || n[e - 1] == '\t' || n[e - 1] == '\r' || n[e - 1] == '\n'))
    e--;
  memmove(n, n + b, e - b);
  n[e - b] = '\0';
  /* a name the unit-list rules read as one unit takes its canonical form,
   * so 各区、县（市）人民政府 in a roster meets 各区、县(市)政府 in a plan */
  rg_unit_list l;
  rg_unitlist_parse(n, strlen(n), &l);
  if (l.n == 1) {
    free(n);
    n = l.items[0].name;
    l.items[0].name = NULL;
  }
  rg_unitlist_destroy(&l);
  return n;
}

/* A CSV file of name pairs: the roster (collective,member) and the renames
 * of compare (old,new) read the same way. */
typedef struct pair_file {
  const char *const *ha, *const *hb; /* header words of the two columns */
  const char *fields;                /* "collective,member" */
  const char *what;                  /* "roster" */
} pair_file;

static const char *const ROSTER_A[] = {"collective", "集体", "集体单位", "集合", NULL};
static const char *const ROSTER_B[] = {"member", "成员", "成员单位", "member unit", NULL};
static const pair_file ROSTER = {ROSTER_A, ROSTER_B, "collective,member", "roster"};
static const char *const RENAME_A[] = {"old", "旧", "原名称", "原单位", "old name", NULL};
static const char *const RENAME_B[] = {"new", "新", "新名称", "新单位", "new name", NULL};
static const pair_file RENAMES = {RENAME_A, RENAME_B, "old,new", "renames file"};

static int is_header(const pair_file *pf, const char *a, const char *b) {
  int x = 0, y = 0;
  for (int i = 0; pf->ha[i]; i++)
    x |= !strcasecmp(a, pf->ha[i]);
  for (int i = 0; pf->hb[i]; i++)
    y |= !strcasecmp(b, pf->hb[i]);
  return x && y;
}

static rg_status read_pairs(const char *path, const pair_file *pf, entry **out, int *n_out,
                            rg_error *err) {
  rg_source src;
  rg_status st = rg_source_read(&src, path, err);
  if (st) return st;
  rg_decoded dec = {0};
  rg_csv_records r;
  memset(&r, 0, sizeof r);
  entry *v = NULL;
  int n = 0;
  size_t cap = 0;
  if (src.len == 0) {
    st = rg_error_set(err, RG_EINPUT, path, 0, 0, "the %s is empty", pf->what);
    goto out;
  }
  st = rg_decode(path, src.data, src.len, &dec, err);
  if (st) goto out;
  st = rg_csv_records_read(&r, dec.text, dec.len, ',', path, err);
  if (st) goto out;
  for (int k = 0; k < r.n_rec; k++) {
    char *f[2] = {NULL, NULL};
    int nf = 0, bad = 0;
    for (int i = 0; i < r.rec[k].n; i++) {
      char *c = canon(rg_csv_field(&r, k, i));
      if (!c) {
        bad = 1;
        break;
      }
      if (!*c) {
        free(c);
        continue;
      }
      if (nf < 2)
        f[nf] = c;
      else
        free(c);
      nf++;
    }
    if (!bad && nf == 0) continue; /* blank row */
    if (bad || nf != 2) {
      free(f[0]);
      free(f[1]);
      st = rg_error_set(err, RG_EINPUT, path, r.rec[k].line, 0, "expected two fields, %s; found %d",
                        pf->fields, bad ? 0 : nf);
      goto out;
    }
    if (n == 0 && k == 0 && is_header(pf, f[0], f[1])) {
      free(f[0]);
      free(f[1]);
      continue;
    }
    RG_GROW(v, cap, (size_t)n + 1);
    v[n].collective = f[0];
    v[n].member = f[1];
    v[n].line = r.rec[k].line;
    n++;
  }
out:
  rg_csv_records_destroy(&r);
  rg_decoded_destroy(&dec);
  rg_source_destroy(&src);
  if (st) {
    for (int i = 0; i < n; i++)
      free(v[i].collective), free(v[i].member);
    free(v);
    v = NULL;
    n = 0;
  }
  *out = v;
  *n_out = n;
  return st;
}

/* Row indices by collective name, then position; ctx is the entry array. */
static int by_collective(const void *a, const void *b, void *ctx) {
  const entry *v = ctx;
  int x = *(const int *)a, y = *(const int *)b;
  int c = strcmp(v[x].collective, v[y].collective);
  return c ? c : (x > y) - (x < y);
}

rg_status rg_roster_apply(rg_plan *plan, const char *path, rg_error *err) {
  entry *v;
  int n;
  rg_status st = read_pairs(path, &ROSTER, &v, &n, err);
  if (st) return st;
  if (!plan->finalized) rg_plan_finalize(plan);
  /* Unknown collectives: one warning each, at the first row naming it
   * (rows sorted by name, then by position: O(n log n)). */
  int *order = rg_xmalloc(((size_t)n + 1) * sizeof *order);
  for (int i = 0; i < n; i++)
    order[i] = i;
  rg_sort(order, (size_t)n, sizeof *order, by_collective, v);
  for (int i = 0; i < n; i++) {
    if (i > 0 && !strcmp(v[order[i - 1]].collective, v[order[i]].collective)) continue;
    const entry *e = &v[order[i]];
    int c = rg_plan_find_unit(plan, e->collective);
    if (c < 0 || plan->units[c].link_count == 0)
      rg_plan_diag(plan, RG_SEV_WARNING, 0, "roster-unknown",
                   "%s:%ld: roster collective %s is named in no task; its members are not linked",
                   path, e->line, e->collective);
  }
  free(order);
  /* The collective's links as they are now (finalised): links added below go
   * to members, so the snapshot in unit_links stays valid. */
  int added = 0;
  for (int i = 0; i < n; i++) {
    int c = rg_plan_find_unit(plan, v[i].collective);
    if (c < 0) continue;
    const rg_unit *cu = &plan->units[c];
    int begin = cu->link_begin, count = cu->link_count;
    for (int j = 0; j < count; j++) {
      const rg_link cl = plan->links[plan->unit_links[begin + j]];
      int u = rg_plan_intern_unit(plan, v[i].member, RG_KIND_UNIT, cl.line);
      if (u == c) continue;
      int l = rg_plan_find_link(plan, cl.task, u);
      if (l >= 0) {
        if (cl.role == RG_ROLE_LEAD) plan->links[l].role = RG_ROLE_LEAD;
        continue;
      }
      rg_plan_link(plan, cl.task, u, cl.role, cl.line);
      added++;
    }
  }
  rg_plan_diag(plan, RG_SEV_NOTE, 0, "roster", "%s: %d member link(s) added from %d roster row(s)",
               path, added, n);
  for (int i = 0; i < n; i++)
    free(v[i].collective), free(v[i].member);
  free(v);
  rg_plan_finalize(plan);
  return RG_OK;
}

static rg_status pair_names(const char *path, const pair_file *pf, char ***names, int *n_names,
                            rg_error *err) {
  entry *v;
  int n;
  *names = NULL;
  *n_names = 0;
  rg_status st = read_pairs(path, pf, &v, &n, err);
  if (st) return st;
  char **out = rg_xcalloc((size_t)n * 2 + 1, sizeof *out);
  for (int i = 0; i < n; i++) {
    out[2 * i] = v[i].collective;
    out[2 * i + 1] = v[i].member;
  }
  free(v);
  *names = out;
  *n_names = 2 * n;
  return RG_OK;
}

rg_status rg_roster_names(const char *path, char ***names, int *n_names, rg_error *err) {
  return pair_names(path, &ROSTER, names, n_names, err);
}

rg_status rg_renames_read(const char *path, char ***names, int *n_names, rg_error *err) {
  return pair_names(path, &RENAMES, names, n_names, err);
}
