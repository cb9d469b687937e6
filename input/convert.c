/* convert.c - traditional Chinese script to simplified with OpenCC, keeping the originals. */
#include "convert.h"

#include <opencc/opencc.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>
#include <utf8proc.h>

#include "buf.h"
#include "sort.h"
#include "text.h"
#include "utf8.h"

#define SAMPLE ((size_t)16 << 10) /* bytes of non-ASCII text examined */

/* The one OpenCC handle: opened on first use (about 3 ms) and kept for the
 * process, closed by rg_convert_shutdown. OpenCC does not promise that a
 * handle converts in two threads at once, so the handle is used only under
 * od_lock: conversions of traditional plans in several threads run one at
 * a time, everything else in parallel. */
static opencc_t od = (opencc_t)-1;
static mtx_t od_lock;
static once_flag od_once = ONCE_FLAG_INIT;

static void od_lock_init(void) { mtx_init(&od_lock, mtx_plain); }

void rg_convert_shutdown(void) {
  call_once(&od_once, od_lock_init);
  mtx_lock(&od_lock);
  if (od != (opencc_t)-1) opencc_close(od);
  od = (opencc_t)-1;
  mtx_unlock(&od_lock);
}

static size_t count_nl(const char *s, size_t n) {
  size_t k = 0;
  for (const char *p = s; (p = memchr(p, '\n', n - (size_t)(p - s))) != NULL; p++)
    k++;
  return k;
}

/* Convert line by line (split at '\n'; '\r' is passed through), so the
 * output has the same lines. Returns NULL when OpenCC fails. */
static char *convert_each_line(opencc_t h, const char *s, size_t len, size_t *out_len) {
  size_t cap = len + len / 4 + 16, n = 0;
  char *out = rg_xmalloc(cap);
  size_t i = 0;
  while (i <= len) {
    const char *nl = memchr(s + i, '\n', len - i);
    size_t e = nl ? (size_t)(nl - s) : len;
    size_t m = 0;
    char *conv = NULL;
    if (e > i) {
      conv = opencc_convert_utf8(h, s + i, e - i);
      if (!conv) {
        free(out);
        return NULL;
      }
      m = strlen(conv);
    }
    if (n + m + 2 > cap) {
      while (n + m + 2 > cap)
        cap *= 2;
      out = rg_xrealloc(out, cap);
    }
    if (m) memcpy(out + n, conv, m);
    n += m;
    if (conv) opencc_convert_utf8_free(conv);
    if (!nl) break;
    out[n++] = '\n';
    i = e + 1;
  }
  out[n] = '\0';
  *out_len = n;
  return out;
}

/* Convert the whole text in one call (OpenCC's per-call cost is high), and
 * line by line only if that changed the number of lines. */
static char *convert_lines(opencc_t h, const char *s, size_t len, size_t *out_len) {
  if (len == 0) {
    char *e = rg_xmalloc(1);
    e[0] = '\0';
    *out_len = 0;
    return e;
  }
  char *conv = opencc_convert_utf8(h, s, len);
  if (!conv) return NULL;
  size_t n = strlen(conv);
  if (count_nl(conv, n) != count_nl(s, len)) {
    opencc_convert_utf8_free(conv);
    return convert_each_line(h, s, len, out_len);
  }
  char *out = rg_xmalloc(n + 1);
  memcpy(out, conv, n + 1);
  opencc_convert_utf8_free(conv);
  *out_len = n;
  return out;
}

/* s converted with the shared handle (convert_lines), or NULL; *opened is
 * 0 when OpenCC could not load its t2s configuration. */
static char *t2s(const char *s, size_t len, size_t *out_len, int *opened) {
  call_once(&od_once, od_lock_init);
  mtx_lock(&od_lock);
  if (od == (opencc_t)-1) od = opencc_open("t2s.json");
  *opened = od != (opencc_t)-1;
  char *r = *opened ? convert_lines(od, s, len, out_len) : NULL;
  mtx_unlock(&od_lock);
  return r;
}

static int is_cjk(utf8proc_int32_t c) {
  return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x20000 && c <= 0x3FFFF);
}

/* Count CJK characters of a, and positions where b differs, line by line
 * (lines whose lengths in characters differ are compared up to the shorter). */
static void compare(const char *a, size_t alen, const char *b, size_t blen, size_t *cjk,
                    size_t *changed) {
  size_t i = 0, j = 0;
  while (i < alen && j < blen) {
    utf8proc_int32_t ca, cb;
    utf8proc_ssize_t na =
        utf8proc_iterate((const utf8proc_uint8_t *)a + i, (utf8proc_ssize_t)(alen - i), &ca);
    utf8proc_ssize_t nb =
        utf8proc_iterate((const utf8proc_uint8_t *)b + j, (utf8proc_ssize_t)(blen - j), &cb);
    if (na <= 0 || nb <= 0) return;
    if (ca == '\n' && cb != '\n') { /* resynchronise at the next line of b */
      const char *nl = memchr(b + j, '\n', blen - j);
      if (!nl) return;
      j = (size_t)(nl - b);
      continue;
    }
    if (cb == '\n' && ca != '\n') {
      const char *nl = memchr(a + i, '\n', alen - i);
      if (!nl) return;
      i = (size_t)(nl - a);
      continue;
    }
    if (is_cjk(ca)) {
      (*cjk)++;
      if (ca != cb) (*changed)++;
    }
    i += (size_t)na;
    j += (size_t)nb;
  }
}

int rg_convert_is_traditional(const char *utf8, size_t len) {
  /* The sample: runs of non-ASCII text (so markup, scripts and numbers do
   * not dilute it), one per line, up to SAMPLE bytes. */
  char *sample = rg_xmalloc(SAMPLE + 8);
  size_t n = 0, i = 0;
  while (i < len && n < SAMPLE) {
    while (i < len && (unsigned char)utf8[i] < 0x80)
      i++;
    size_t b = i;
    while (i < len && (unsigned char)utf8[i] >= 0x80)
      i++;
    size_t m = i - b;
    if (m == 0) continue;
    if (m > SAMPLE - n) { /* cut at a character boundary */
      m = SAMPLE - n;
      while (m > 0 && ((unsigned char)utf8[b + m] & 0xC0) == 0x80)
        m--;
      if (m == 0) break;
    }
    memcpy(sample + n, utf8 + b, m);
    n += m;
    sample[n++] = '\n';
  }
  int trad = 0, opened;
  size_t clen = 0;
  char *conv = n ? t2s(sample, n, &clen, &opened) : NULL;
  if (conv) {
    size_t cjk = 0, changed = 0;
    compare(sample, n, conv, clen, &cjk, &changed);
    trad = changed >= 2 && changed * 20 >= cjk;
  }
  free(conv);
  free(sample);
  return trad;
}

rg_status rg_convert_t2s(const char *path, const char *utf8, size_t len, char **out,
                         size_t *out_len, rg_error *err) {
  *out = NULL;
  *out_len = 0;
  int opened;
  *out = t2s(utf8, len, out_len, &opened);
  if (!opened)
    return rg_error_set(err, RG_ESYS, path, 0, 0,
                        "OpenCC cannot load t2s.json (install libopencc-data): %s", opencc_error());
  if (!*out)
    return rg_error_set(err, RG_ESYS, path, 0, 0, "OpenCC conversion failed: %s", opencc_error());
  return RG_OK;
}

/* ------------------------------------------------------------ originals */

/* Append the NFKC form of a line, trimmed of white space, as the text parser
 * sees it. */
static void append_nfkc(rg_buf *b, const rg_line *l) {
  char *p = rg_nfkc(l->text, l->len);
  if (!p) return;
  rg_trim(p);
  rg_buf_puts(b, p);
  free(p);
}

/* Try to restore task t's original from line i and, since a task's text may
 * continue on the next lines (joined without separator), up to 7 more.
 * 1 on success. */
static int restore_from(rg_plan *plan, rg_task *t, const rg_lines *orig, const rg_lines *conv,
                        int i) {
  rg_buf nc = {0}, no = {0};
  int ok = 0;
  size_t tl = strlen(t->text);
  for (int j = i; j < conv->n && j < i + 8 && !ok; j++) {
    append_nfkc(&nc, &conv->v[j]);
    append_nfkc(&no, &orig->v[j]);
    if (!nc.s || !no.s) continue;
    const char *hit = strstr(nc.s, t->text);
    if (!hit || rg_utf8_count(nc.s, nc.n) != rg_utf8_count(no.s, no.n)) continue;
    size_t k = rg_utf8_count(nc.s, (size_t)(hit - nc.s)), m = rg_utf8_count(t->text, tl);
    size_t b = rg_utf8_offset(no.s, no.n, k), e = rg_utf8_offset(no.s, no.n, k + m);
    if (e - b != tl || memcmp(no.s + b, t->text, tl) != 0)
      t->original = rg_plan_strndup(plan, no.s + b, e - b);
    ok = 1;
  }
  free(nc.s);
  free(no.s);
  return ok;
}

/* Line indices by (lineno, document order); ctx is the rg_lines. */
static int by_line(const void *a, const void *b, void *ctx) {
  const rg_lines *lines = ctx;
  int i = *(const int *)a, j = *(const int *)b;
  long li = lines->v[i].lineno, lj = lines->v[j].lineno;
  if (li != lj) return li < lj ? -1 : 1;
  return (i > j) - (i < j);
}

/* Try the lines idx[from..to); on a match record its index in *last. */
static int try_lines(rg_plan *plan, rg_task *t, const rg_lines *orig, const rg_lines *conv,
                     const int *idx, int from, int to, int *last) {
  for (int k = from; k < to; k++)
    if (restore_from(plan, t, orig, conv, idx[k])) {
      *last = idx[k];
      return 1;
    }
  return 0;
}

#define WINDOW 16 /* lines after task->line searched: a table row's cells follow its <tr> */

void rg_convert_restore_originals(rg_plan *plan, const rg_lines *orig, const rg_lines *conv) {
  if (!plan || !orig || !conv || orig->n != conv->n || conv->n == 0) return;
  int n = conv->n;
  int *idx = rg_xmalloc((size_t)n * sizeof *idx);
  for (int i = 0; i < n; i++)
    idx[i] = i;
  rg_sort(idx, (size_t)n, sizeof *idx, by_line, (void *)conv); /* by (lineno, document order) */
  int last = 0; /* the line index of the previous match: tasks come in order */
  for (int ti = 0; ti < plan->n_tasks; ti++) {
    rg_task *t = &plan->tasks[ti];
    if (!t->text || !*t->text) continue;
    int lo = 0, hi = n; /* first candidate with lineno >= t->line */
    while (lo < hi) {
      int mid = lo + (hi - lo) / 2;
      if (conv->v[idx[mid]].lineno < t->line)
        lo = mid + 1;
      else
        hi = mid;
    }
    int done = 0;
    /* nearest line number first; within one line number, lines at or after
     * the previous match first (binary search: indices ascend there) */
    for (int g = lo; g < n && !done && conv->v[idx[g]].lineno <= t->line + WINDOW;) {
      long ln = conv->v[idx[g]].lineno;
      int end = g;
      while (end < n && conv->v[idx[end]].lineno == ln)
        end++;
      int a = g, b = end;
      while (a < b) {
        int mid = a + (b - a) / 2;
        if (idx[mid] < last)
          a = mid + 1;
        else
          b = mid;
      }
      done = try_lines(plan, t, orig, conv, idx, a, end, &last) ||
             try_lines(plan, t, orig, conv, idx, g, a, &last);
      g = end;
    }
  }
  free(idx);
}
