/* pdf.c - PDF plans through their text layer (poppler-glib).
 *
 * Each page's characters and their boxes (poppler_page_get_text_layout)
 * are grouped into visual lines (same baseline band, left to right) made of
 * chunks (runs of characters with no gap wider than 1.5 em). Then:
 *   - page chrome is dropped: a line in the top or bottom 8% of the page
 *     that is a page number (3, - 3 -, 第3页, 第3页 共5页, 3/5, Page 3), holds a
 *     URL or a date and time (browser print headers and footers), or recurs
 *     on several pages with only its digits changed (running titles);
 *   - a line whose chunks form a recognised task-table header
 *     (rg_rows_header_ok; the header may wrap onto a second line) starts a
 *     table: column borders are the empty vertical strips between the
 *     header's cells; rows are anchored on the id column (or on numbered
 *     task text) and split at the widest vertical gap between two anchors,
 *     so vertically centred cells and cells wrapping over several lines
 *     come out whole; the table goes on across pages (a repeated header is
 *     skipped) and ends at a line that crosses the column borders;
 *   - other lines are re-joined into paragraphs: a line that reaches the
 *     right margin continues on the next (CJK text without a space; other
 *     text with one), unless the next line starts a numbered item (1. 2、
 *     （3） 一、 （一） 第一章), a label (牵头单位：...), is indented, or lies
 *     more than a line's height below.
 * A PDF with no text at all is a scan: an error says to run OCR first;
 * pages without text in a PDF that has some are named in a warning.
 * Locations: p3:14 = page 3, the 14th line from the top of that page
 * (counting every line poppler finds there). */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <poppler.h>

#include "buf.h"
#include "container.h"
#include "headers.h"
#include "sort.h"
#include "text.h"
#include "utf8.h"

#define MAX_PAGES 20000
#define MAX_COLS 64

typedef struct glyph {
  double x0, y0, x1, y1;
  const char *s; /* UTF-8 bytes in the page text */
  int len;
  int space;
  int space_before; /* poppler put a space before it */
} glyph;

typedef struct chunk {
  double x0, x1;
  char *text;
} chunk;

typedef struct vline {
  int page, no; /* 1-based page, line on the page */
  double x0, y0, x1, y1, em;
  chunk *chunks; /* split at gaps wider than 0.45 em */
  int n;
  chunk *fine; /* split at gaps wider than 0.2 em: the cells of a tight table */
  int nfine;
  char *text; /* chunks joined */
  int chrome;
  int used; /* taken by a table */
} vline;

typedef struct pdoc {
  vline *v;
  int n;
  size_t cap;
  double *page_h, *page_w;
  int pages;
} pdoc;

static int wide_char(const char *s, size_t n) { return n > 0 && (unsigned char)s[0] >= 0xE0; }

/* the last character of s (n bytes) is wide (CJK, full-width punctuation) */
static int wide_end(const char *s, size_t n) {
  return n > 0 && (unsigned char)s[rg_utf8_last(s, n)] >= 0xE0;
}

/* Joining two pieces of one paragraph or cell: a space only where a Latin
 * word was wrapped (an ASCII letter or digit on both sides). */
static int needs_space(const char *prev, size_t n, const char *next) {
  if (!n) return 0;
  unsigned char a = (unsigned char)prev[n - 1], b = (unsigned char)next[0];
  return isalnum(a) && isalnum(b);
}

static int by_y(const void *a, const void *b, void *ctx) {
  (void)ctx;
  const glyph *x = *(glyph *const *)a, *y = *(glyph *const *)b;
  double cx = (x->y0 + x->y1) / 2, cy = (y->y0 + y->y1) / 2;
  return cx < cy ? -1 : cx > cy;
}

static int by_x(const void *a, const void *b, void *ctx) {
  (void)ctx;
  const glyph *x = *(glyph *const *)a, *y = *(glyph *const *)b;
  return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

/* The chunks of one visual line (its glyphs g[0..n), sorted by x): pieces
 * split at gaps wider than split_em (1.5 em always; between two Latin
 * letters or digits only 1.5 em). Sets the line's extent; returns the
 * chunks joined by spaces. */
static char *line_chunks(vline *L, glyph **g, size_t n, double split_em, chunk **out, int *nout) {
  double em = L->em;
  size_t ccap = 0;
  rg_buf b = {0}, lb = {0}; /* the chunk, the line */
  double cx0 = g[0]->x0, prev_x1 = g[0]->x0;
  *out = NULL;
  *nout = 0;
  for (size_t k = 0; k <= n; k++) {
    int end = k == n;
    double gap = end ? 0 : g[k]->x0 - prev_x1;
    int latin =
        b.n && isalnum((unsigned char)b.s[b.n - 1]) && isalnum((unsigned char)*g[k < n ? k : 0]->s);
    if (end || (k > 0 && (gap > 1.5 * em || (gap > split_em * em && !latin)))) {
      RG_GROW(*out, ccap, (size_t)*nout + 1);
      (*out)[(*nout)++] = (chunk){cx0, prev_x1, b.s ? b.s : rg_xstrdup("")};
      if (lb.n) rg_buf_putn(&lb, " ", 1);
      if (b.s) rg_buf_puts(&lb, b.s);
      b = (rg_buf){0};
      if (end) break;
      cx0 = g[k]->x0;
    } else if (k > 0 && ((g[k]->space_before && gap > 0.1 * em) ||
                         (gap > 0.25 * em &&
                          !(wide_char(g[k]->s, (size_t)g[k]->len) && b.s && wide_end(b.s, b.n))))) {
      rg_buf_putn(&b, " ", 1); /* a word space between Latin words */
    }
    rg_buf_putn(&b, g[k]->s, (size_t)g[k]->len);
    if (g[k]->x1 > prev_x1 || k == 0) prev_x1 = g[k]->x1;
    if (g[k]->y0 < L->y0) L->y0 = g[k]->y0;
    if (g[k]->y1 > L->y1) L->y1 = g[k]->y1;
  }
  L->x1 = prev_x1;
  return lb.s ? lb.s : rg_xstrdup("");
}

/* Visual lines of one page. */
static void page_lines(pdoc *d, int page, const char *text, PopplerRectangle *rects, guint nr) {
  glyph *g = NULL;
  size_t ng = 0, cap = 0;
  const char *p = text;
  int pending = 0;
  for (guint i = 0; i < nr && *p; i++) {
    int l = (int)rg_utf8_char_len(p);
    if (*p != '\n' && *p != '\r') {
      RG_GROW(g, cap, ng + 1);
      double y0 = fmin(rects[i].y1, rects[i].y2), y1 = fmax(rects[i].y1, rects[i].y2);
      double x0 = fmin(rects[i].x1, rects[i].x2), x1 = fmax(rects[i].x1, rects[i].x2);
      int sp = *p == ' ' || *p == '\t' || (l == 3 && !memcmp(p, "\xE3\x80\x80", 3));
      if (isfinite(x0) && isfinite(x1) && isfinite(y0) && isfinite(y1)) {
        g[ng++] = (glyph){x0, y0, x1, y1, p, l, sp, pending};
        pending = sp;
      }
    } else {
      pending = 0;
    }
    p += l;
  }
  glyph **order = rg_xmalloc((ng ? ng : 1) * sizeof *order);
  size_t no = 0;
  for (size_t i = 0; i < ng; i++)
    if (!g[i].space) order[no++] = &g[i];
  rg_sort(order, no, sizeof *order, by_y, NULL);
  int line_no = 0;
  for (size_t i = 0; i < no;) {
    /* a band: glyphs whose centre lies within 0.3 of the first one's height
     * (vertically centred table cells put lines half a line apart) */
    double c0 = (order[i]->y0 + order[i]->y1) / 2, h = order[i]->y1 - order[i]->y0;
    if (h <= 0) h = 1;
    size_t j = i + 1;
    while (j < no && (order[j]->y0 + order[j]->y1) / 2 - c0 < h * 0.3)
      j++;
    rg_sort(order + i, j - i, sizeof *order, by_x, NULL);
    /* the em of the line: the median glyph height */
    double *hs = rg_xmalloc((j - i) * sizeof *hs);
    for (size_t k = i; k < j; k++)
      hs[k - i] = order[k]->y1 - order[k]->y0;
    rg_sort(hs, j - i, sizeof *hs, rg_cmp_double, NULL);
    double em = hs[(j - i) / 2];
    free(hs);
    if (em <= 0) em = 1;
    RG_GROW(d->v, d->cap, (size_t)d->n + 1);
    vline *L = &d->v[d->n++];
    memset(L, 0, sizeof *L);
    L->page = page;
    L->no = ++line_no;
    L->em = em;
    L->x0 = order[i]->x0;
    L->y0 = order[i]->y0;
    L->y1 = order[i]->y1;
    L->text = line_chunks(L, order + i, j - i, 0.45, &L->chunks, &L->n);
    free(line_chunks(L, order + i, j - i, 0.2, &L->fine, &L->nfine));
    i = j;
  }
  free(order);
  free(g);
}

/* ---------------------------------------------------------- page chrome */

static int digits_only(const char *s) {
  int any = 0;
  for (; *s; s++) {
    if (isdigit((unsigned char)*s))
      any = 1;
    else if (*s != ' ')
      return 0;
  }
  return any;
}

/* 3, - 3 -, — 3 —, 第3页, 第 3 页 共 5 页, 3/5, 3 / 5, Page 3, 3 of 5 */
static int page_number(const char *s) {
  char t[128];
  size_t n = 0;
  for (const char *p = s; *p && n + 1 < sizeof t; p++) {
    if (*p == ' ' || *p == '-' || *p == '/') {
      if (*p == '/') t[n++] = '/';
      continue;
    }
    if (!strncmp(p, "—", 3) || !strncmp(p, "－", 3)) {
      p += 2;
      continue;
    }
    t[n++] = *p;
  }
  t[n] = '\0';
  if (digits_only(t)) return 1;
  int a, b, k;
  if (sscanf(t, "%d/%d%n", &a, &b, &k) == 2 && !t[k]) return 1;
  if (!strncmp(t, "第", 3)) {
    const char *q = t + 3;
    while (isdigit((unsigned char)*q))
      q++;
    if (q > t + 3 && !strncmp(q, "页", 3)) return 1;
  }
  if (!strncasecmp(t, "page", 4) && isdigit((unsigned char)t[4])) return 1;
  return 0;
}

/* A date with a time, as browsers print in their header: 12/2/26, 2:55 AM,
 * 2026/1/30 10:22, 2026-01-30 10:22:05 (a date alone may be a deadline). */
static int date_time(const char *s) {
  int a, b, c, k = 0;
  const char *p = s;
  if (sscanf(p, "%d/%d/%d%n", &a, &b, &c, &k) == 3 && k)
    p += k;
  else if (sscanf(p, "%d-%d-%d%n", &a, &b, &c, &k) == 3 && k)
    p += k;
  else
    return 0;
  while (*p == ',' || *p == ' ')
    p++;
  if (!strncmp(p, "上午", 6) || !strncmp(p, "下午", 6)) p += 6;
  return sscanf(p, "%d:%d%n", &a, &b, &k) == 2 && k && a < 24 && b < 60;
}

static int url(const char *s) {
  return strstr(s, "://") || !strncmp(s, "file:", 5) || !strncmp(s, "www.", 4) ||
         !strncmp(s, "about:", 6);
}

/* the text with digits replaced, for recurrence across pages */
static void shape(const char *s, char *out, size_t size) {
  size_t n = 0;
  for (; *s && n + 1 < size; s++) {
    if (isdigit((unsigned char)*s)) {
      if (!n || out[n - 1] != '#') out[n++] = '#';
    } else {
      out[n++] = *s;
    }
  }
  out[n] = '\0';
}

static int in_margin(const pdoc *d, const vline *L) {
  double h = d->page_h[L->page - 1];
  return L->y1 < h * 0.08 || L->y0 > h * 0.92;
}

/* The shapes of every chunk in a page margin, sorted, with their pages:
 * a chunk recurs when its shape stands in the margin of enough other pages.
 * O(M log M) for M margin chunks, so a long PDF stays linear-ish. */
typedef struct mshape {
  char *shape;
  int page;
} mshape;

static int by_shape(const void *x, const void *y, void *ctx) {
  (void)ctx;
  const mshape *a = x, *b = y;
  int c = strcmp(a->shape, b->shape);
  return c ? c : a->page - b->page;
}

static int recurs(const pdoc *d, const mshape *ms, size_t n, const vline *L, const char *text) {
  char me[256];
  shape(text, me, sizeof me);
  size_t lo = 0, hi = n;
  while (lo < hi) { /* first entry with this shape */
    size_t mid = (lo + hi) / 2;
    if (strcmp(ms[mid].shape, me) < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  int pages = 0, last = -1;
  for (size_t i = lo; i < n && !strcmp(ms[i].shape, me); i++)
    if (ms[i].page != L->page && ms[i].page != last) {
      pages++;
      last = ms[i].page;
    }
  return pages >= 1 && (d->pages < 4 || pages + 1 >= d->pages / 2);
}

/* A margin line is chrome when it holds a URL or a date with a time (a
 * browser's header and footer), or when each of its chunks is a page number
 * or recurs in the margin of other pages (running titles). A table row at
 * the top of a page ("13 | 打好历史… | 市文化旅游广电局") has text that does not
 * recur, so it stays. */
static int chrome_line(const pdoc *d, const mshape *ms, size_t n, const vline *L) {
  int strong = 0, all = 1;
  for (int c = 0; c < L->n; c++) {
    const char *t = L->chunks[c].text;
    if (date_time(t) || url(t))
      strong = 1;
    else if (!page_number(t) && !(d->pages >= 2 && recurs(d, ms, n, L, t)))
      all = 0;
  }
  return strong || all;
}

/* Margin lines are looked at from the page's edge inwards and the first
 * that is not chrome stops the search, so a lone id cell ("137") of a
 * table row near the bottom is not taken for a page number. */
static void mark_chrome(pdoc *d) {
  mshape *ms = NULL;
  size_t n = 0, cap = 0;
  for (int i = 0; i < d->n; i++) {
    if (!in_margin(d, &d->v[i])) continue;
    for (int c = 0; c < d->v[i].n; c++) {
      char buf[256];
      shape(d->v[i].chunks[c].text, buf, sizeof buf);
      RG_GROW(ms, cap, n + 1);
      ms[n++] = (mshape){rg_xstrdup(buf), d->v[i].page};
    }
  }
  rg_sort(ms, n, sizeof *ms, by_shape, NULL);
  for (int i = 0; i < d->n;) {
    int j = i;
    while (j < d->n && d->v[j].page == d->v[i].page)
      j++;
    for (int k = i; k < j && in_margin(d, &d->v[k]) && chrome_line(d, ms, n, &d->v[k]); k++)
      d->v[k].chrome = 1;
    for (int k = j - 1; k >= i && in_margin(d, &d->v[k]) && chrome_line(d, ms, n, &d->v[k]); k--)
      d->v[k].chrome = 1;
    i = j;
  }
  for (size_t i = 0; i < n; i++)
    free(ms[i].shape);
  free(ms);
}

/* -------------------------------------------------------------- tables */

static int is_header(const char **cells, int n, const char *columns) {
  int nonempty = 0;
  for (int i = 0; i < n; i++) {
    if (strlen(cells[i]) > 96) return 0;
    nonempty += cells[i][0] != 0;
  }
  return nonempty >= 2 && rg_rows_header_ok(cells, n, columns);
}

typedef struct col {
  double x0, x1;
  char *name;
} col;

static int starts_heading(const char *s); /* below */
static int id_like(const char *s);

/* Does a line hold a row number or a heading (1  一、…  （一）…)? Header
 * cells never do. */
static int numbered_line(const vline *L) {
  for (int c = 0; c < L->n; c++)
    if (id_like(L->chunks[c].text) || starts_heading(L->chunks[c].text)) return 1;
  return 0;
}

/* A table's lines are read in their fine chunks (cells of a tight table sit
 * closer than the 0.45 em that splits chunks elsewhere). */
static void use_fine(vline *L) {
  chunk *c = L->chunks;
  int n = L->n;
  L->chunks = L->fine;
  L->n = L->nfine;
  L->fine = c;
  L->nfine = n;
}

/* The header of a table starting at line i: lines i .. i+k-1 (k <= 4, each
 * less than half an em below the one before, so wrapped and vertically
 * centred header cells belong to it) whose chunks, grouped into columns by
 * horizontal overlap, form a recognised header. The largest such k wins.
 * Returns k (0: no header) and the columns. */
static int header_at(pdoc *d, int i, const char *columns, int fine, col *cols, int *ncols) {
  if (d->v[i].chrome) return 0;
  int best = 0;
  for (int k = 1; k <= 4 && i + k <= d->n; k++) {
    const vline *last = &d->v[i + k - 1];
    if (k > 1) {
      const vline *prev = &d->v[i + k - 2];
      if (last->chrome || last->page != prev->page || last->y0 - prev->y1 > 0.5 * last->em) break;
      if (numbered_line(last)) break; /* the first row (一、… or 1) sits close under the header */
    }
    /* group the chunks of the k lines by overlap */
    col g[MAX_COLS];
    int ng = 0, ok = 1;
    for (int l = i; l < i + k && ok; l++)
      for (int c = 0; c < (fine ? d->v[l].nfine : d->v[l].n) && ok; c++) {
        const chunk *ch = fine ? &d->v[l].fine[c] : &d->v[l].chunks[c];
        int hit = -1;
        for (int q = 0; q < ng; q++)
          if (ch->x0 < g[q].x1 && ch->x1 > g[q].x0) {
            if (hit >= 0) ok = 0; /* joins two columns: not a header */
            hit = q;
          }
        if (hit < 0) {
          if (ng >= MAX_COLS) {
            ok = 0;
            break;
          }
          int at = ng;
          while (at > 0 && g[at - 1].x0 > ch->x0) {
            g[at] = g[at - 1];
            at--;
          }
          g[at] = (col){ch->x0, ch->x1, rg_xstrdup(ch->text)};
          ng++;
        } else {
          size_t a2 = strlen(g[hit].name), b2 = strlen(ch->text);
          g[hit].name = rg_xrealloc(g[hit].name, a2 + b2 + 1);
          memcpy(g[hit].name + a2, ch->text, b2 + 1);
          if (ch->x0 < g[hit].x0) g[hit].x0 = ch->x0;
          if (ch->x1 > g[hit].x1) g[hit].x1 = ch->x1;
        }
      }
    const char *cells[MAX_COLS];
    for (int q = 0; q < ng; q++)
      cells[q] = g[q].name;
    if (ok && ng >= 2 && is_header(cells, ng, columns)) {
      if (best)
        for (int q = 0; q < *ncols; q++)
          free(cols[q].name);
      memcpy(cols, g, (size_t)ng * sizeof *g);
      *ncols = ng;
      best = k;
    } else {
      for (int q = 0; q < ng; q++)
        free(g[q].name);
      if (best) break;
    }
  }
  return best;
}

static int same_header(const vline *L, const col *cols, int ncols) {
  if (L->n != ncols) return 0;
  for (int c = 0; c < ncols; c++)
    if (strcmp(L->chunks[c].text, cols[c].name) != 0 &&
        strncmp(cols[c].name, L->chunks[c].text, strlen(L->chunks[c].text)) != 0)
      return 0;
  return 1;
}

/* The column of a chunk: the one whose borders hold it; -1 if it crosses. */
static int column_of(const chunk *k, const double *border, int ncols) {
  for (int c = 0; c < ncols; c++) {
    double lo = c ? border[c - 1] : -1e9, hi = c + 1 < ncols ? border[c] : 1e9;
    if (k->x0 >= lo - 0.5 && k->x1 <= hi + 0.5) return c;
  }
  return -1;
}

typedef struct span {
  double a, b;
} span;

static int by_start(const void *x, const void *y, void *ctx) {
  (void)ctx;
  double a = ((const span *)x)->a, b = ((const span *)y)->a;
  if (a != b) return a < b ? -1 : 1;
  double p = ((const span *)x)->b, q = ((const span *)y)->b; /* at a tie, closings first */
  return p < q ? -1 : p > q;
}
static int id_like(const char *s) {
  const char *p = s;
  while (*p == ' ')
    p++;
  if (!isdigit((unsigned char)*p)) return 0;
  while (isdigit((unsigned char)*p))
    p++;
  return !*p || *p == '.' || *p == ' ' || !strcmp(p, "、");
}

/* A table being read: its header (line i, hlines lines, columns cols) and
 * the lines below that belong to it (idx[0..n), up to line end). */
typedef struct ptable {
  pdoc *d;
  int i, hlines, end;
  col *cols;
  int ncols;
  int *idx, n;
  double border[MAX_COLS]; /* between column c and c + 1 */
} ptable;

/* Does line L cross two column centres of the header? */
static int crosses_columns(const ptable *t, const vline *L) {
  for (int k = 0; k < L->n; k++) {
    int centres = 0;
    for (int c = 0; c < t->ncols; c++) {
      double cc = (t->cols[c].x0 + t->cols[c].x1) / 2;
      centres += L->chunks[k].x0 < cc && L->chunks[k].x1 > cc;
    }
    if (centres >= 2) return 1;
  }
  return 0;
}

/* The table's lines: up to the first line crossing the header centres (a
 * heading spanning the table does not end it; a repeated header is used). */
static void table_lines(ptable *t) {
  size_t cap = 0;
  for (t->end = t->i + t->hlines; t->end < t->d->n; t->end++) {
    vline *L = &t->d->v[t->end];
    if (L->chrome) continue;
    use_fine(L);
    if (same_header(L, t->cols, t->ncols)) { /* repeated on a new page */
      L->used = 1;
      continue;
    }
    if (crosses_columns(t, L) && !(L->n == 1 && starts_heading(L->text))) {
      use_fine(L); /* not the table's: back to its own chunks */
      break;
    }
    RG_GROW(t->idx, cap, (size_t)t->n + 1);
    t->idx[t->n++] = t->end;
  }
}

/* The border between columns c and c + 1: the middle of the widest strip
 * between the two header cells that no chunk of the table crosses; if every
 * point is crossed, the widest one that a single line crosses (a footer or a
 * paragraph below the table, cut off later); else the middle of the gap.
 * Chunk edges clipped to the gap are swept once in order: O(k log k). */
static double column_border(const ptable *t, int c) {
  double lo = t->cols[c].x1, hi = t->cols[c + 1].x0;
  if (hi < lo) hi = lo;
  span *ev = NULL; /* a: position, b: +1 opens a chunk, -1 closes one */
  size_t ne = 0, cap = 0;
  for (int r = 0; r < t->n; r++) {
    const vline *L = &t->d->v[t->idx[r]];
    for (int k = 0; k < L->n; k++) {
      if (L->n == 1 && starts_heading(L->text)) continue;
      double a = L->chunks[k].x0, b = L->chunks[k].x1;
      if (b <= lo || a >= hi) continue;
      RG_GROW(ev, cap, ne + 2);
      ev[ne++] = (span){a > lo ? a : lo, 1};
      ev[ne++] = (span){b < hi ? b : hi, -1};
    }
  }
  rg_sort(ev, ne, sizeof *ev, by_start, NULL);
  double border = (lo + hi) / 2;
  for (int allowed = 0; allowed <= 1; allowed++) {
    double best_a = lo, best_b = lo, x = lo;
    int depth = 0;
    for (size_t q = 0; q <= ne; q++) {
      double at = q < ne ? ev[q].a : hi;
      if (depth <= allowed && at - x > best_b - best_a) best_a = x, best_b = at;
      if (q == ne) break;
      /* closings before openings at one position */
      size_t e = q;
      while (e < ne && ev[e].a == at)
        e++;
      for (size_t w = q; w < e; w++)
        depth += (int)ev[w].b;
      x = at;
      q = e - 1;
    }
    if (best_b > best_a) {
      border = (best_a + best_b) / 2;
      break;
    }
  }
  free(ev);
  return border;
}

/* The table ends before the first line (not a heading across it) with a
 * piece that crosses a column border: a footer or the paragraph after the
 * table, taken in while the borders were not known. Those lines go back to
 * the text. */
static void cut_at_crossing(ptable *t) {
  for (int r = 0; r < t->n; r++) {
    vline *L = &t->d->v[t->idx[r]];
    if (L->n == 1 && starts_heading(L->text)) continue;
    int crosses = 0;
    for (int k = 0; k < L->n && !crosses; k++)
      crosses = column_of(&L->chunks[k], t->border, t->ncols) < 0;
    if (!crosses) continue;
    t->end = t->idx[r];
    for (int q = r; q < t->n; q++)
      use_fine(&t->d->v[t->idx[q]]);
    t->n = r;
    return;
  }
}

/* Anchors: lines with an id in the id-like first column, or headings; with
 * no id column, lines after a wide gap. anchor[r] for each line r. */
static int *row_anchors(const ptable *t) {
  int id_col = -1;
  for (int c = 0; c < t->ncols && id_col < 0; c++) {
    const char *h = t->cols[c].name;
    if (strstr(h, "序号") || strstr(h, "编号") || !strcasecmp(h, "no") || !strcasecmp(h, "id"))
      id_col = c;
  }
  int *anchor = rg_xcalloc((size_t)t->n + 1, sizeof *anchor);
  int n_anchor = 0;
  for (int r = 0; r < t->n; r++) {
    const vline *L = &t->d->v[t->idx[r]];
    int a =
        L->n == 1 && starts_heading(L->text) && column_of(&L->chunks[0], t->border, t->ncols) < 0;
    for (int k = 0; k < L->n && !a; k++) {
      int c = column_of(&L->chunks[k], t->border, t->ncols);
      if (id_col >= 0 && c == id_col &&
          (id_like(L->chunks[k].text) || starts_heading(L->chunks[k].text)))
        a = 1;
    }
    if (id_col < 0 && r > 0) { /* no id column: a wide gap above */
      const vline *P = &t->d->v[t->idx[r - 1]];
      a = P->page != L->page || L->y0 - P->y1 > 0.6 * L->em;
    }
    anchor[r] = a;
    n_anchor += a;
  }
  if (n_anchor == 0 && t->n > 0) anchor[0] = 1;
  return anchor;
}

/* Row starts: before each anchor after the first, at the widest gap since
 * the previous anchor. A page break counts as a gap a little smaller than
 * the typical row gap of the table (the median of the gaps chosen between
 * anchors on one page), so a row split over two pages stays whole and a row
 * that starts a page still starts there. start[r] for each line r. */
static int *row_starts(const ptable *t, const int *anchor) {
  const pdoc *d = t->d;
  int *start = rg_xcalloc((size_t)t->n + 1, sizeof *start);
  double *chosen = rg_xmalloc(((size_t)t->n + 1) * sizeof *chosen);
  int n_chosen = 0;
  for (int pass = 0; pass < 2; pass++) {
    double page_gap = 0.1 * d->v[t->i].em;
    if (pass == 1 && n_chosen) {
      rg_sort(chosen, (size_t)n_chosen, sizeof *chosen, rg_cmp_double, NULL);
      page_gap = 0.9 * chosen[n_chosen / 2];
    }
    for (int r = 0, prev = -1; r < t->n; r++) {
      if (!anchor[r]) continue;
      if (prev >= 0 && (d->v[t->idx[prev]].page != d->v[t->idx[r]].page) == pass) {
        int best = r;
        double best_gap = -1e9;
        for (int q = prev + 1; q <= r; q++) {
          const vline *P = &d->v[t->idx[q - 1]], *L = &d->v[t->idx[q]];
          double gap = P->page != L->page ? page_gap : L->y0 - P->y1;
          if (gap > best_gap + 0.01) best_gap = gap, best = q;
        }
        start[best] = 1;
        if (!pass) chosen[n_chosen++] = best_gap;
      }
      prev = r;
    }
  }
  free(chosen);
  if (t->n > 0) start[0] = 1;
  return start;
}

/* What joins a piece of a cell to the text before it: a space on the same
 * line (the pieces were apart); on a new line nothing (a wrap, CJK) unless
 * the line before stopped short of the column's edge by 2.5 em or more:
 * a line break (`市税务局<br>市财政局`), kept as one. */
static const char *cell_join(const rg_buf *cell, const char *text, int same_line, double short_by,
                             double em) {
  if (same_line) return " ";
  if (short_by >= 2.5 * em) return "\n";
  return needs_space(cell->s, cell->n, text) ? " " : "";
}

/* The grid of the table's rows (the header first), handed to the row
 * reader; every line of it is used. */
static void table_grid(ptable *t, const int *start, rg_cdoc *doc) {
  pdoc *d = t->d;
  int ncols = t->ncols, nrows = 1;
  for (int r = 0; r < t->n; r++)
    nrows += start[r];
  rg_grid g;
  rg_grid_init(&g, nrows, ncols);
  rg_buf *cellbuf = rg_xcalloc((size_t)nrows * (size_t)ncols, sizeof *cellbuf);
  char label[32];
  snprintf(label, sizeof label, "p%d:%d", d->v[t->i].page, d->v[t->i].no);
  g.label[0] = rg_cdoc_keep(doc, label, strlen(label));
  for (int c = 0; c < ncols; c++)
    RG_GRID(&g, 0, c) = t->cols[c].name;
  double right[MAX_COLS]; /* the right edge of each column's text */
  for (int c = 0; c < ncols; c++)
    right[c] = t->cols[c].x1;
  for (int r = 0; r < t->n; r++)
    for (int k = 0; k < d->v[t->idx[r]].n; k++) {
      const chunk *ch = &d->v[t->idx[r]].chunks[k];
      int c = column_of(ch, t->border, ncols);
      if (c >= 0 && ch->x1 > right[c]) right[c] = ch->x1;
    }
  int *last = rg_xmalloc((size_t)ncols * sizeof *last); /* the line of a cell's last piece */
  double *last_x1 = rg_xmalloc((size_t)ncols * sizeof *last_x1);
  for (int r = 0, row = 0; r < t->n; r++) {
    vline *L = &d->v[t->idx[r]];
    L->used = 1;
    if (start[r]) {
      row++;
      snprintf(label, sizeof label, "p%d:%d", L->page, L->no);
      g.label[row] = rg_cdoc_keep(doc, label, strlen(label));
    }
    for (int k = 0; k < L->n; k++) {
      int c = column_of(&L->chunks[k], t->border, ncols);
      if (c < 0) c = 0; /* a heading across the table */
      rg_buf *cell = &cellbuf[(size_t)row * (size_t)ncols + (size_t)c];
      const char *text = L->chunks[k].text;
      if (cell->n)
        rg_buf_puts(cell, cell_join(cell, text, last[c] == r, right[c] - last_x1[c], L->em));
      rg_buf_puts(cell, text);
      last[c] = r;
      last_x1[c] = L->chunks[k].x1;
    }
  }
  for (int r = 1; r < nrows; r++)
    for (int c = 0; c < ncols; c++)
      if (cellbuf[(size_t)r * (size_t)ncols + (size_t)c].s)
        RG_GRID(&g, r, c) = cellbuf[(size_t)r * (size_t)ncols + (size_t)c].s;
  if (!rg_cdoc_task_table(doc, &g)) /* cannot happen: the header was recognised */
    for (int r = 0; r < t->n; r++)
      d->v[t->idx[r]].used = 0;
  for (size_t q = 0; q < (size_t)nrows * (size_t)ncols; q++)
    free(cellbuf[q].s);
  free(cellbuf);
  free(last);
  free(last_x1);
  rg_grid_destroy(&g);
}

/* Read the table whose header starts at line i; returns the index after it. */
static int table(pdoc *d, int i, int hlines, col *cols, int ncols, rg_cdoc *doc) {
  ptable t = {.d = d, .i = i, .hlines = hlines, .cols = cols, .ncols = ncols};
  table_lines(&t);
  for (int c = 0; c + 1 < ncols; c++)
    t.border[c] = column_border(&t, c);
  cut_at_crossing(&t);
  int *anchor = row_anchors(&t);
  int *start = row_starts(&t, anchor);
  table_grid(&t, start, doc);
  free(anchor);
  free(start);
  int after = t.n ? t.idx[t.n - 1] + 1 : i + hlines;
  free(t.idx);
  return after > t.end ? after : t.end;
}

/* ---------------------------------------------------------- paragraphs */

/* A line that starts a numbered item or a heading: 1. 1、 (1) （一） 一、 第一 ①. */
static int starts_heading(const char *s) {
  const unsigned char *u = (const unsigned char *)s;
  while (*u == ' ')
    u++;
  const char *p = (const char *)u;
  if (isdigit(*u)) {
    while (isdigit(*u))
      u++;
    if (*u == '.' && !isdigit(u[1])) return 1;
    if (!strncmp((const char *)u, "、", 3) || !strncmp((const char *)u, "．", 3) || *u == ')' ||
        !strncmp((const char *)u, "）", 3))
      return 1;
    return 0;
  }
  if (*u == '(' || !strncmp(p, "（", 3)) { /* (1) （一）, not (市) */
    const char *q = p + (*u == '(' ? 1 : 3);
    const char *digits = q;
    while (isdigit((unsigned char)*q))
      q++;
    if (q == digits) q += rg_cn_numeral_len(q);
    return q > digits && (*q == ')' || !strncmp(q, "）", 3));
  }
  if (!strncmp(p, "第", 3)) return 1;
  size_t k = rg_cn_numeral_len(p);
  if (k) {
    const char *q = p + k;
    return !strncmp(q, "、", 3) || !strncmp(q, "．", 3) || *q == '.';
  }
  /* circled numbers ① .. ⑳ */
  if (u[0] == 0xE2 && u[1] == 0x91 && u[2] >= 0xA0 && u[2] <= 0xB3) return 1;
  return 0;
}

/* 牵头单位： 责任单位： 完成时限：... a short CJK label that headers.h knows and
 * a colon; a wrapped sentence whose colon falls near the start of a line
 * (究提出了办理意见：…) is not one. */
static int starts_label(const char *s) {
  int chars = 0;
  for (const unsigned char *u = (const unsigned char *)s; *u && chars <= 8;) {
    if (!strncmp((const char *)u, "：", 3) || *u == ':') {
      if (chars < 2) return 0;
      char word[32];
      snprintf(word, sizeof word, "%.*s", (int)((const char *)u - s), s);
      return rg_header_classify(word) != RG_HDR_NONE;
    }
    if (*u < 0xE0) return 0;
    /* CJK punctuation (U+3000-303F, U+FF00-FFEF): a wrapped note (`厅；责任单位：`), not a label */
    if ((u[0] == 0xE3 && u[1] == 0x80) ||
        (u[0] == 0xEF && (u[1] == 0xBC || u[1] == 0xBD || u[1] == 0xBE || u[1] == 0xBF)))
      return 0;
    u += 3;
    chars++;
  }
  return 0;
}

static void flow(pdoc *d, rg_cdoc *doc) {
  /* the body's margins: the most common left edge and the right edge */
  rg_buf b = {0}; /* the paragraph */
  const vline *first = NULL, *prev = NULL;
  double *rights = rg_xmalloc(((size_t)d->n + 1) * sizeof *rights);
  double *lefts = rg_xmalloc(((size_t)d->n + 1) * sizeof *lefts);
  int nr = 0;
  for (int i = 0; i < d->n; i++)
    if (!d->v[i].chrome && !d->v[i].used) rights[nr] = d->v[i].x1, lefts[nr++] = d->v[i].x0;
  rg_sort(rights, (size_t)nr, sizeof *rights, rg_cmp_double, NULL);
  rg_sort(lefts, (size_t)nr, sizeof *lefts, rg_cmp_double, NULL);
  double right = nr ? rights[nr - 1 - nr / 20] : 0; /* ignore the few widest */
  double left = nr ? lefts[nr / 10] : 0;
  free(rights);
  free(lefts);
  for (int i = 0; i <= d->n; i++) {
    const vline *L = i < d->n ? &d->v[i] : NULL;
    if (L && (L->chrome || L->used)) continue;
    int join = 0;
    if (L && prev && b.s) {
      int full = prev->x1 >= right - 2.0 * prev->em;
      int near = prev->page != L->page || L->y0 - prev->y1 < 1.0 * L->em;
      int indented = L->x0 > left + 1.5 * L->em;
      join = full && near && !indented && !starts_heading(L->text) && !starts_label(L->text);
    }
    if (!join && b.s) {
      char label[32];
      snprintf(label, sizeof label, "p%d:%d", first->page, first->no);
      rg_cdoc_line(doc, b.s, b.n, label);
      b.n = 0;
      b.s[0] = '\0';
    }
    if (!L) break;
    if (!join)
      first = L;
    else if (needs_space(b.s, b.n, L->text))
      rg_buf_putn(&b, " ", 1);
    rg_buf_puts(&b, L->text);
    prev = L;
  }
  free(b.s);
}

/* The header at line i read in the coarse chunks, or in the fine ones when
 * those give more columns (a tight table: 省领导 and 完成时限 wrapped in narrow
 * cells 4 points apart). */
static int best_header(pdoc *d, int i, const char *columns, col *cols, int *ncols) {
  col fine[MAX_COLS];
  int nfine = 0;
  int h = header_at(d, i, columns, 0, cols, ncols);
  int hf = header_at(d, i, columns, 1, fine, &nfine);
  col *drop = fine;
  int ndrop = hf ? nfine : 0;
  if (hf && (!h || nfine > *ncols)) {
    for (int q = 0; q < (h ? *ncols : 0); q++)
      free(cols[q].name);
    memcpy(cols, fine, (size_t)nfine * sizeof *fine);
    *ncols = nfine;
    h = hf;
    ndrop = 0;
  }
  for (int q = 0; q < ndrop; q++)
    free(drop[q].name);
  return h;
}

/* Lines and tables in reading order: text before a table, the table,
 * text after it. */
static void emit(pdoc *d, rg_cdoc *doc) {
  col cols[MAX_COLS];
  for (int i = 0; i < d->n; i++) {
    int ncols = 0, h = best_header(d, i, doc->columns, cols, &ncols);
    if (!h) continue;
    /* the text before the table first (so locations stay in order) */
    pdoc before = *d;
    before.n = i;
    flow(&before, doc);
    for (int k = 0; k < i; k++)
      d->v[k].used = 1;
    for (int k = i; k < i + h; k++)
      d->v[k].used = 1;
    int after = table(d, i, h, cols, ncols, doc);
    for (int c = 0; c < ncols; c++)
      free(cols[c].name);
    i = after - 1;
  }
  flow(d, doc);
}

rg_status rg_pdf_read(const char *data, size_t len, rg_cdoc *doc, rg_error *err) {
  const char *path = doc->plan->path;
  GBytes *bytes = g_bytes_new_static(data, len);
  GError *gerr = NULL;
  PopplerDocument *pd = poppler_document_new_from_bytes(bytes, NULL, &gerr);
  if (!pd) {
    rg_status st;
    if (gerr && gerr->domain == POPPLER_ERROR && gerr->code == POPPLER_ERROR_ENCRYPTED)
      st = rg_error_set(err, RG_EINPUT, path, 0, 0,
                        "the PDF is password-protected: open it with its password and save or "
                        "print it without one, then try again");
    else
      st = rg_error_set(err, RG_EINPUT, path, 0, 0, "not a readable PDF (damaged or truncated%s%s)",
                        gerr ? ": " : "", gerr ? gerr->message : "");
    if (gerr) g_error_free(gerr);
    g_bytes_unref(bytes);
    return st;
  }
  pdoc d;
  memset(&d, 0, sizeof d);
  int pages = poppler_document_get_n_pages(pd);
  if (pages > MAX_PAGES) pages = MAX_PAGES;
  d.pages = pages;
  d.page_h = rg_xcalloc((size_t)pages + 1, sizeof *d.page_h);
  d.page_w = rg_xcalloc((size_t)pages + 1, sizeof *d.page_w);
  long glyphs = 0;
  int *empty = rg_xcalloc((size_t)pages + 1, sizeof *empty);
  for (int p = 0; p < pages; p++) {
    PopplerPage *page = poppler_document_get_page(pd, p);
    if (!page) {
      empty[p] = 1;
      continue;
    }
    poppler_page_get_size(page, &d.page_w[p], &d.page_h[p]);
    char *text = poppler_page_get_text(page);
    PopplerRectangle *rects = NULL;
    guint nr = 0;
    if (text && *text && poppler_page_get_text_layout(page, &rects, &nr)) {
      int before = d.n;
      page_lines(&d, p + 1, text, rects, nr);
      glyphs += d.n - before;
      empty[p] = d.n == before;
    } else {
      empty[p] = 1;
    }
    g_free(rects);
    g_free(text);
    g_object_unref(page);
  }
  g_object_unref(pd);
  g_bytes_unref(bytes);
  rg_status st = RG_OK;
  if (pages == 0) {
    st = rg_error_set(err, RG_EINPUT, path, 0, 0, "the PDF has no pages");
  } else if (glyphs == 0) {
    st =
        rg_error_set(err, RG_EINPUT, path, 0, 0,
                     "the PDF has no text layer (%d page%s of images: a scan): run OCR on it first "
                     "(e.g. ocrmypdf -l chi_sim) or use the original document",
                     pages, pages == 1 ? "" : "s");
  } else {
    mark_chrome(&d);
    emit(&d, doc);
    for (int p = 0; p < pages;) {
      if (!empty[p]) {
        p++;
        continue;
      }
      int q = p;
      while (q + 1 < pages && empty[q + 1])
        q++;
      char label[32];
      snprintf(label, sizeof label, "p%d", p + 1);
      rg_plan_diag(doc->plan, RG_SEV_WARNING, rg_plan_add_loc(doc->plan, label), "no-text-layer",
                   q > p ? "pages %d-%d have no text layer (scanned?); their content is not read"
                         : "page %d%.0d has no text layer (scanned?); its content is not read",
                   p + 1, q > p ? q + 1 : 0);
      p = q + 1;
    }
  }
  for (int i = 0; i < d.n; i++) {
    for (int c = 0; c < d.v[i].n; c++)
      free(d.v[i].chunks[c].text);
    free(d.v[i].chunks);
    for (int c = 0; c < d.v[i].nfine; c++)
      free(d.v[i].fine[c].text);
    free(d.v[i].fine);
    free(d.v[i].text);
  }
  free(d.v);
  free(d.page_h);
  free(d.page_w);
  free(empty);
  return st;
}
