/* brandes.c - one-Dijkstra-per-source betweenness and harmonic sums for sampled sources. */
#include "brandes.h"

#include "csr.h"

#include <math.h>
#include <stdlib.h>

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

/* equal within 1e-10 relative */
static int same_length(double a, double b) {
  if (isinf(a) || isinf(b)) return a == b;
  return fabs(a - b) <= 1e-10 * fmax(fabs(a), fabs(b));
}

igraph_error_t rg_brandes_sources(const igraph_t *g, const igraph_vector_t *len,
                                  const igraph_vector_int_t *sources, igraph_vector_t *bet,
                                  igraph_vector_t *harm) {
  int n = (int)igraph_vcount(g);
  igraph_integer_t m = igraph_ecount(g);
  IGRAPH_CHECK(igraph_vector_resize(bet, n));
  IGRAPH_CHECK(igraph_vector_resize(harm, n));
  igraph_vector_null(bet);
  igraph_vector_null(harm);
  if (n == 0) return IGRAPH_SUCCESS;

  /* CSR adjacency with lengths */
  rg_csr csr;
  rg_csr_build(&csr, g, len);
  const int *start = csr.start, *nbr = csr.nbr;
  const double *w = csr.val;

  double *dist = rg_xmalloc((size_t)n * sizeof *dist);
  double *sigma = rg_xmalloc((size_t)n * sizeof *sigma);
  double *delta = rg_xmalloc((size_t)n * sizeof *delta);
  int *order = rg_xmalloc((size_t)n * sizeof *order);
  char *done = rg_xmalloc((size_t)n);
  heap_item *heap = rg_xmalloc(((size_t)2 * (size_t)m + 2) * sizeof *heap);

  for (igraph_integer_t k = 0; k < igraph_vector_int_size(sources); k++) {
    int s = (int)VECTOR(*sources)[k];
    for (int v = 0; v < n; v++) {
      dist[v] = INFINITY;
      sigma[v] = 0;
      delta[v] = 0;
      done[v] = 0;
    }
    int hn = 0, settled = 0;
    dist[s] = 0;
    sigma[s] = 1;
    heap_push(heap, &hn, 0, s);
    /* Dijkstra with path counts: when v settles, sigma[v] is final (all its
     * predecessors settled before it) and is passed on to its neighbours */
    while (hn > 0) {
      heap_item it = heap_pop(heap, &hn);
      int v = it.v;
      if (done[v] || it.d > dist[v]) continue;
      done[v] = 1;
      order[settled++] = v;
      if (v != s) VECTOR(*harm)[v] += 1.0 / dist[v];
      for (int j = start[v]; j < start[v + 1]; j++) {
        int u = nbr[j];
        if (done[u]) continue;
        double nd = dist[v] + w[j];
        if (same_length(nd, dist[u])) {
          sigma[u] += sigma[v];
        } else if (nd < dist[u]) {
          dist[u] = nd;
          sigma[u] = sigma[v];
          heap_push(heap, &hn, nd, u);
        }
      }
    }
    /* dependencies in reverse settle order */
    for (int i = settled - 1; i > 0; i--) {
      int v = order[i];
      double coeff = (1.0 + delta[v]) / sigma[v];
      for (int j = start[v]; j < start[v + 1]; j++) {
        int u = nbr[j];
        if (done[u] && dist[u] < dist[v] && same_length(dist[u] + w[j], dist[v]))
          delta[u] += sigma[u] * coeff;
      }
      VECTOR(*bet)[v] += delta[v] / 2.0;
    }
  }
  rg_csr_destroy(&csr);
  free(dist);
  free(sigma);
  free(delta);
  free(order);
  free(done);
  free(heap);
  return IGRAPH_SUCCESS;
}
