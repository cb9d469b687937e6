/* diagram_text.c - Graphviz's text measurements, remembered (diagram_text.h). */
#include "diagram_text.h"

#include <dlfcn.h>
#include <graphviz/gvplugin.h>
#include <graphviz/gvplugin_textlayout.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "hash.h"

/* Graphviz 2.42 exports this (libgvc.so.6) without declaring it in a public
 * header: it picks the best "textlayout" plugin installed, as gvContext did. */
extern int gvtextlayout_select(GVC_t *gvc);

/* One measured span: what pango's text layout gives for a text in a font. */
typedef struct measured {
  char *key; /* font name, size, flags and text; NULL for an empty slot */
  uint64_t hash;
  pointf size;
  double yoffset_layout, yoffset_centerline;
  boolean ok;
} measured;

#define CACHE_MAX 65536 /* entries; the table starts over when it is full */

/* Process-wide, like the Graphviz context it serves; used only under the
 * diagram lock (diagram.c). */
static gvtextlayout_engine_t *pango;
static int enabled;
static measured *slots;
static size_t n_slots, n_used;

static boolean cached_layout(textspan_t *span, char **fontpath);
static gvtextlayout_engine_t cached_engine = {cached_layout};
static gvplugin_installed_t cached_types[] = {{0, "textlayout", 100, &cached_engine, NULL},
                                              {0, NULL, 0, NULL, NULL}};
static gvplugin_api_t cached_apis[] = {{API_textlayout, cached_types}, {(api_t)0, NULL}};
static gvplugin_library_t cached_library = {"respgraph", cached_apis};

/* Pango's text layout engine from Graphviz's pango plugin, which gvContext
 * has loaded; NULL when it is not there. */
static gvtextlayout_engine_t *pango_engine(void) {
  void *h = dlopen("libgvplugin_pango.so.6", RTLD_LAZY | RTLD_NOLOAD);
  if (!h) return NULL;
  gvplugin_library_t *lib = dlsym(h, "gvplugin_pango_LTX_library");
  gvtextlayout_engine_t *e = NULL;
  for (gvplugin_api_t *a = lib ? lib->apis : NULL; a && a->types && !e; a++)
    if (a->api == API_textlayout && a->types[0].type) e = a->types[0].engine;
  dlclose(h); /* still loaded: Graphviz holds it */
  return e && e->textlayout ? e : NULL;
}

void rg_diagram_text_install(GVC_t *gvc) {
  pango = pango_engine();
  if (!pango) return; /* no pango plugin: Graphviz estimates sizes, nothing to remember */
  gvAddLibrary(gvc, &cached_library);
  gvtextlayout_select(gvc);
}

void rg_diagram_text_remember(int on) { enabled = on; }

static char *key_of(const textspan_t *span) {
  const textfont_t *f = span->font;
  const char *name = f && f->name ? f->name : "";
  size_t n = strlen(name) + strlen(span->str) + 64;
  char *k = rg_xmalloc(n);
  snprintf(k, n, "%s\x1f%.17g\x1f%u\x1f%s", name, f ? f->size : -1.0, f ? (unsigned)f->flags : 0u,
           span->str);
  return k;
}

static measured *slot_of(const char *key, uint64_t h) {
  size_t i = (size_t)h & (n_slots - 1);
  while (slots[i].key && (slots[i].hash != h || strcmp(slots[i].key, key)))
    i = (i + 1) & (n_slots - 1);
  return &slots[i];
}

static void forget_all(void) {
  for (size_t i = 0; i < n_slots; i++)
    free(slots[i].key);
  free(slots);
  n_slots = 2 * CACHE_MAX;
  slots = rg_xcalloc(n_slots, sizeof *slots);
  n_used = 0;
}

/* A span measured before gets the same size and offsets without pango. The
 * span's pango layout is then NULL: only the cairo renderers (PNG, PDF)
 * draw it, and their renders do not use the remembered sizes. */
static boolean cached_layout(textspan_t *span, char **fontpath) {
  if (!enabled || fontpath || !span->str || !span->font) return pango->textlayout(span, fontpath);
  if (!slots || n_used >= CACHE_MAX) forget_all();
  char *key = key_of(span);
  uint64_t h = rg_fnv1a_str(key);
  measured *m = slot_of(key, h);
  if (m->key) {
    free(key);
    span->size = m->size;
    span->yoffset_layout = m->yoffset_layout;
    span->yoffset_centerline = m->yoffset_centerline;
    span->layout = NULL;
    span->free_layout = NULL;
    return m->ok;
  }
  boolean ok = pango->textlayout(span, fontpath);
  *m = (measured){key, h, span->size, span->yoffset_layout, span->yoffset_centerline, ok};
  n_used++;
  return ok;
}
