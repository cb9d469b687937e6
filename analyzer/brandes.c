/* brandes.c - one-Dijkstra-per-source betweenness and harmonic sums, chunks of sources on
 * several threads, reduced in chunk order. */
#include "brandes.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"

typedef struct heap_item {
  double d;
  int v;
} heap_item;

static void heap_push(heap_item *h, int *n, double d, int v) {
  int i = (*n)++;
  while (i > 0) {
    int p = (i - 1) / 2;
    if (h[p].d < d || (h[p].d == d && h[p].v <= v)) break;
    h[i] = h[p];
    i = p;
  }
  h[i] = (heap_item){d, v};
}

static heap_item heap_pop(heap_item *h, int *n) {
  heap_item top = h[0], last = h[--(*n)];
  int i = 0;
  for (;;) {
    int c = 2 * i + 1;
    if (c >= *n) break;
    if (c + 1 < *n && (h[c + 1].d < h[c].d || (h[c + 1].d == h[c].d && h[c + 1].v < h[c].v))) c++;
    if (last.d < h[c].d || (last.d == h[c].d && last.v <= h[c].v)) break;
    h[i] = h[c];
    i = c;
  }
  h[i] = last;
  return top;
}

/* equal within 1e-10 relative (both finite and >= 0: the caller checks for
 * infinity) */
static inline int same_length(double a, double b) { return fabs(a - b) <= 1e-10 * (a > b ? a : b); }

/* One thread's arrays. */
typedef struct scratch {
  double *dist, *sigma, *delta;
  int *order, *pbeg, *pred;
  char *done;
  heap_item *heap;
} scratch;

static void *scratch_new(void *ctx) {
  const rg_brandes *b = ctx;
  size_t n = (size_t)b->g->n + 1, slots = (size_t)b->g->start[b->g->n] + 2;
  scratch *s = rg_xmalloc(sizeof *s);
  s->dist = rg_xmalloc(n * sizeof *s->dist);
  s->sigma = rg_xmalloc(n * sizeof *s->sigma);
  s->delta = rg_xmalloc(n * sizeof *s->delta);
  s->order = rg_xmalloc(n * sizeof *s->order);
  s->pbeg = rg_xmalloc((n + 1) * sizeof *s->pbeg);
  s->pred = rg_xmalloc(slots * sizeof *s->pred); /* each tie at most once */
  s->done = rg_xmalloc(n);
  s->heap = rg_xmalloc(slots * sizeof *s->heap); /* at most one push per tie end */
  return s;
}

static void scratch_free(void *ctx, void *p) {
  (void)ctx;
  scratch *s = p;
  if (!s) return;
  free(s->dist);
  free(s->sigma);
  free(s->delta);
  free(s->order);
  free(s->pbeg);
  free(s->pred);
  free(s->done);
  free(s->heap);
  free(s);
}

/* Dijkstra from src with path counts. When v settles, the settled
 * neighbours one length short of it are its predecessors: sigma[v] is their
 * sum, and they are kept in pred[pbeg[i] .. pbeg[i+1]) for the i-th settled
 * vertex; the other neighbours are relaxed. Returns the settled count. */
static int settle_all(const rg_csr *g, int src, scratch *s, double *harm) {
  const int *start = g->start, *nbr = g->nbr;
  const double *w = g->val;
  double *dist = s->dist, *sigma = s->sigma;
  char *done = s->done;
  int hn = 0, settled = 0, np = 0;
  dist[src] = 0;
  heap_push(s->heap, &hn, 0, src);
  while (hn > 0) {
    heap_item it = heap_pop(s->heap, &hn);
    int v = it.v;
    if (done[v] || it.d > dist[v]) continue;
    done[v] = 1;
    s->pbeg[settled] = np;
    s->order[settled++] = v;
    double dv = dist[v], sv = v == src ? 1.0 : 0.0;
    if (v != src) harm[v] += 1.0 / dv;
    for (int j = start[v]; j < start[v + 1]; j++) {
      int u = nbr[j];
      double nd = dv + w[j];
      if (done[u]) {
        double du = dist[u];
        if (du < dv && same_length(du + w[j], dv)) {
          sv += sigma[u];
          s->pred[np++] = u;
        }
      } else if (nd < dist[u] && (isinf(dist[u]) || !same_length(nd, dist[u]))) {
        dist[u] = nd;
        heap_push(s->heap, &hn, nd, u);
      }
    }
    sigma[v] = sv;
  }
  s->pbeg[settled] = np;
  return settled;
}

/* Add source src's dependencies to bet and its inverse distances to harm. */
static void one_source(const rg_csr *g, int src, scratch *s, double *bet, double *harm) {
  int n = g->n;
  for (int v = 0; v < n; v++) {
    s->dist[v] = INFINITY;
    s->delta[v] = 0;
    s->done[v] = 0;
  }
  int settled = settle_all(g, src, s, harm);
  /* dependencies in reverse settle order, over the kept predecessors */
  for (int i = settled - 1; i > 0; i--) {
    int v = s->order[i];
    double coeff = (1.0 + s->delta[v]) / s->sigma[v];
    for (int p = s->pbeg[i]; p < s->pbeg[i + 1]; p++) {
      int u = s->pred[p];
      s->delta[u] += s->sigma[u] * coeff;
    }
    bet[v] += s->delta[v] / 2.0;
  }
}

static int n_chunks(const rg_brandes *b) {
  return (b->n_sources + RG_BRANDES_CHUNK - 1) / RG_BRANDES_CHUNK;
}

/* Chunk k: its sources, in order, summed into a vector of its own. */
static void run_chunk(void *ctx, int k, void *sp) {
  rg_brandes *b = ctx;
  int n = b->g->n;
  double *part = rg_xcalloc((size_t)2 * (size_t)n + 1, sizeof *part);
  int end = (k + 1) * RG_BRANDES_CHUNK < b->n_sources ? (k + 1) * RG_BRANDES_CHUNK : b->n_sources;
  for (int i = k * RG_BRANDES_CHUNK; i < end; i++)
    one_source(b->g, b->sources[i], sp, part, part + n);
  b->part[k] = part;
}

/* Chunk k's sums into bet and harm (called in chunk order). */
static void reduce_chunk(void *ctx, int k) {
  rg_brandes *b = ctx;
  int n = b->g->n;
  const double *part = b->part[k];
  for (int v = 0; v < n; v++) {
    b->bet[v] += part[v];
    b->harm[v] += part[n + v];
  }
  free(b->part[k]);
  b->part[k] = NULL;
}

void rg_brandes_init(rg_brandes *b, const rg_csr *g, const int *sources, int n_sources, double *bet,
                     double *harm, rg_par_job *job) {
  b->g = g;
  b->sources = sources;
  b->n_sources = g->n > 0 ? n_sources : 0;
  b->bet = bet;
  b->harm = harm;
  if (g->n > 0) {
    memset(bet, 0, (size_t)g->n * sizeof *bet);
    memset(harm, 0, (size_t)g->n * sizeof *harm);
  }
  b->part = rg_xcalloc((size_t)n_chunks(b) + 1, sizeof *b->part);
  *job = (rg_par_job){.n_items = n_chunks(b),
                      .ctx = b,
                      .scratch_new = scratch_new,
                      .scratch_free = scratch_free,
                      .run = run_chunk,
                      .done = reduce_chunk};
}

void rg_brandes_destroy(rg_brandes *b) {
  if (!b || !b->part) return;
  for (int k = 0; k < n_chunks(b); k++)
    free(b->part[k]);
  free(b->part);
  b->part = NULL;
}

void rg_brandes_sources(const rg_csr *g, const int *sources, int n_sources, int threads,
                        double *bet, double *harm) {
  rg_brandes b;
  rg_par_job job;
  rg_brandes_init(&b, g, sources, n_sources, bet, harm, &job);
  rg_par_run(threads, &job, 1, NULL, NULL);
  rg_brandes_destroy(&b);
}
