/* names.c - one unit lookup for every option, and the short label of a unit. */
#include "names.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strutil.h"
#include "text.h"
#include "utf8.h"

/* Does s[0..len) end with suffix? */
static int ends_n(const char *s, size_t len, const char *suffix) {
  size_t n = strlen(suffix);
  return len >= n && memcmp(s + len - n, suffix, n) == 0;
}

/* Steps 1-4 of rg_unit_lookup on one spelling. */
static int lookup(const rg_plan *plan, const char *name) {
  int u = rg_plan_find_unit(plan, name);
  if (u >= 0) return u;
  for (int i = 0; i < plan->n_units; i++)
    for (int a = 0; a < plan->units[i].n_aliases; a++)
      if (!strcmp(plan->units[i].aliases[a], name)) return i;
  char buf[1024];
  snprintf(buf, sizeof buf, "市%s", name);
  u = rg_plan_find_unit(plan, buf);
  if (u >= 0) return u;
  for (int i = 0; i < plan->n_units; i++) {
    rg_unit_short_name(plan->meta.issuer, plan->units[i].name, buf, sizeof buf);
    if (!strcmp(buf, name)) return i;
  }
  return -1;
}

int rg_unit_lookup(const rg_plan *plan, const char *name) {
  if (!name) return -1;
  int u = lookup(plan, name);
  if (u >= 0) return u;
  char *norm = rg_nfkc(name, strlen(name));
  if (norm) {
    rg_trim(norm);
    if (strcmp(norm, name)) u = lookup(plan, norm);
  }
  free(norm);
  return u;
}

void rg_unit_short_name(const char *issuer, const char *name, char *buf, size_t size) {
  if (!size) return;
  if (!name) name = "";
  /* The city from the issuer: 沈阳市人民政府 -> 沈阳市 and 沈阳. */
  char city[128] = "", city2[128] = "";
  if (issuer) {
    size_t n = strlen(issuer);
    if (ends_n(issuer, n, "人民政府"))
      n -= strlen("人民政府");
    else if (ends_n(issuer, n, "政府"))
      n -= strlen("政府");
    if (n > 0 && n < sizeof city && ends_n(issuer, n, "市")) {
      memcpy(city, issuer, n);
      city[n] = '\0';
      size_t m = n - strlen("市");
      if (rg_utf8_count(city, m) >= 2) { /* never reduce a city to one character */
        memcpy(city2, issuer, m);
        city2[m] = '\0';
      }
    }
  }
  char work[1024];
  const char *s = name;
  if (city[0] && starts(s, city))
    s += strlen(city);
  else if (city2[0] && starts(s, city2))
    s += strlen(city2);
  /* 市 is a prefix unless it begins 市场 (market) or 市委 (the party committee). */
  if (starts(s, "市") && !starts(s, "市场") && !starts(s, "市委")) s += strlen("市");
  snprintf(work, sizeof work, "%s", s);
  /* Drop a parenthesised city name: 中德(沈阳)… -> 中德…. */
  if (city2[0]) {
    const char *forms[2][2] = {{"(", ")"}, {"（", "）"}};
    for (int f = 0; f < 2; f++) {
      char pat[160];
      snprintf(pat, sizeof pat, "%s%s%s", forms[f][0], city2, forms[f][1]);
      char *at = strstr(work, pat);
      if (at) memmove(at, at + strlen(pat), strlen(at + strlen(pat)) + 1);
    }
  }
  static const char *const suffixes[][2] = {
      {"集团有限公司", "集团"}, {"有限责任公司", ""}, {"有限公司", ""},
      {"管理委员会", "管委会"}, {"委员会", "委"},     {"人民政府", ""},
      {"区政府", "区"},         {"县政府", "县"},     {"市政府", "市"},
  };
  size_t len = strlen(work);
  for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
    if (ends_n(work, len, suffixes[i][0]) && len > strlen(suffixes[i][0])) {
      len -= strlen(suffixes[i][0]);
      size_t r = strlen(suffixes[i][1]);
      memcpy(work + len, suffixes[i][1], r);
      len += r;
      work[len] = '\0';
      break;
    }
  }
  if (len == 0) {
    snprintf(buf, size, "%s", name);
    return;
  }
  size_t ncp = rg_utf8_count(work, len);
  if (ncp > 12) { /* first 6, …, last 3 */
    size_t head = rg_utf8_offset(work, len, 6), tail = rg_utf8_offset(work, len, ncp - 3);
    snprintf(buf, size, "%.*s…%s", (int)head, work, work + tail);
    return;
  }
  snprintf(buf, size, "%s", work);
}

int rg_task_lookup(const rg_plan *plan, const char *id) {
  for (int i = 0; i < plan->n_tasks; i++)
    if (!strcmp(plan->tasks[i].number, id)) return i;
  int found = -1;
  for (int i = 0; i < plan->n_tasks; i++)
    if (!strcmp(plan->tasks[i].printed, id)) {
      if (found >= 0) return -1; /* printed twice: the id is needed */
      found = i;
    }
  return found;
}

void rg_invisible_warn(rg_plan *plan, const char *s, size_t len, long line) {
  int32_t first = 0;
  int n = rg_invisible_count(s, len, &first);
  rg_invisible_report(plan, n, first, line);
}

void rg_invisible_report(rg_plan *plan, int n, int32_t first, long line) {
  if (!n) return;
  rg_plan_diag(plan, RG_SEV_WARNING, line, "invisible-char",
               "%d invisible character%s (U+%04X%s) removed: names on this line are read as "
               "if typed without %s",
               n, n > 1 ? "s" : "", (unsigned)first, n > 1 ? " first" : "", n > 1 ? "them" : "it");
}

/* ---- closest names ------------------------------------------------------- */

/* The code points of s into a new array; *n its length. */
static int32_t *code_points(const char *s, size_t *n) {
  size_t len = strlen(s), k = 0;
  int32_t *cp = rg_xcalloc(len + 1, sizeof *cp);
  while (*s) {
    size_t step = 0;
    cp[k++] = rg_utf8_next(s, &step);
    s += step ? step : 1;
  }
  *n = k;
  return cp;
}

/* Levenshtein distance of a[0..na) and b[0..nb). O(na x nb). */
static size_t edit_distance(const int32_t *a, size_t na, const int32_t *b, size_t nb) {
  size_t *prev = rg_xcalloc(nb + 1, sizeof *prev), *row = rg_xcalloc(nb + 1, sizeof *row);
  for (size_t j = 0; j <= nb; j++)
    prev[j] = j;
  for (size_t i = 1; i <= na; i++) {
    row[0] = i;
    for (size_t j = 1; j <= nb; j++) {
      size_t sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
      size_t del = prev[j] + 1, ins = row[j - 1] + 1;
      row[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
    }
    size_t *t = prev;
    prev = row;
    row = t;
  }
  size_t d = prev[nb];
  free(prev);
  free(row);
  return d;
}

int rg_closest(const char *word, const char *const *cands, int n, int *out, int max) {
  size_t nw;
  int32_t *w = code_points(word, &nw);
  size_t limit = nw / 2; /* 丁 suggests nothing, 市商务厅 市商务局 */
  size_t *dist = rg_xcalloc((size_t)n + 1, sizeof *dist);
  for (int i = 0; i < n; i++) {
    size_t nc;
    int32_t *c = code_points(cands[i], &nc);
    /* containing the word, or contained in it, is nearly a match */
    int within = *word && (strstr(cands[i], word) || (*cands[i] && strstr(word, cands[i])));
    dist[i] = within ? 1 : edit_distance(w, nw, c, nc);
    free(c);
  }
  /* the nearest tier only: 市商务局 for 市商务厅, not also 市税务局 */
  size_t best = limit + 1;
  for (int i = 0; i < n; i++)
    if (dist[i] < best) best = dist[i];
  int k = 0;
  for (int i = 0; best <= limit && i < n && k < max; i++)
    if (dist[i] == best) out[k++] = i;
  free(dist);
  free(w);
  return k;
}

int rg_unit_find(const rg_plan *plan, const char *name, int *near, int max, int *n_near) {
  *n_near = 0;
  int u = rg_unit_lookup(plan, name);
  if (u >= 0 || !name || !*name) return u;
  /* a unique unit whose name or short label contains the name: 商务 -> 市商务局 */
  char buf[1024];
  int found = -1, n = 0;
  for (int i = 0; i < plan->n_units; i++) {
    rg_unit_short_name(plan->meta.issuer, plan->units[i].name, buf, sizeof buf);
    if (!strstr(plan->units[i].name, name) && !strstr(buf, name)) continue;
    if (n < max) near[n] = i;
    n++;
    found = i;
  }
  if (n == 1) return found;
  if (n > 1) {
    *n_near = n < max ? n : max;
    return -2;
  }
  const char **names = rg_xcalloc((size_t)plan->n_units + 1, sizeof *names);
  for (int i = 0; i < plan->n_units; i++)
    names[i] = plan->units[i].name;
  *n_near = rg_closest(name, names, plan->n_units, near, max);
  free(names);
  return -1;
}
