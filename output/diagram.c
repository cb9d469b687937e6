/* diagram.c - renders coordination diagrams with Graphviz: options, fonts, escaping, errors. */
#include "diagram.h"

#include <errno.h>
#include <fontconfig/fontconfig.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <threads.h>
#include <utf8proc.h>

#include "diagram_text.h"
#include "diagram_views.h"
#include "outfile.h"
#include "stamp.h"

void rg_diagram_opts_init(rg_diagram_opts *opts) {
  memset(opts, 0, sizeof *opts);
  opts->view = "collab";
  opts->font = RG_DIAGRAM_DEFAULT_FONT;
  opts->min_shared = RG_DIAGRAM_AUTO;
  opts->seed = RG_DEFAULT_SEED;
  opts->lang = "zh";
  opts->width_px = 1920;
}

const char *rg_diagram_format_of(const char *path) {
  if (!path) return NULL;
  const char *dot = strrchr(path, '.');
  const char *slash = strrchr(path, '/');
  if (!dot || (slash && dot < slash)) return NULL;
  dot++;
  if (!strcasecmp(dot, "svg")) return "svg";
  if (!strcasecmp(dot, "png")) return "png";
  if (!strcasecmp(dot, "pdf")) return "pdf";
  if (!strcasecmp(dot, "dot") || !strcasecmp(dot, "gv")) return "dot";
  return NULL;
}

/* ---- fonts ------------------------------------------------------------- */

int rg_diagram_font_check(const char *family, char **matched) {
  if (matched) *matched = NULL;
  int found = 0;
  FcLangSet *zh = FcLangSetCreate();
  FcLangSetAdd(zh, (const FcChar8 *)"zh-cn");
  if (family && *family) {
    FcPattern *pat = FcPatternCreate();
    FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family);
    FcPatternAddLangSet(pat, FC_LANG, zh);
    FcObjectSet *os = FcObjectSetBuild(FC_FAMILY, (char *)NULL);
    FcFontSet *fs = FcFontList(NULL, pat, os);
    if (fs) {
      found = fs->nfont > 0;
      FcFontSetDestroy(fs);
    }
    FcObjectSetDestroy(os);
    FcPatternDestroy(pat);
  }
  if (matched) {
    if (found) {
      *matched = rg_xstrdup(family);
    } else { /* what would fontconfig pick for Chinese text? */
      FcPattern *pat = FcPatternCreate();
      FcPatternAddLangSet(pat, FC_LANG, zh);
      FcConfigSubstitute(NULL, pat, FcMatchPattern);
      FcDefaultSubstitute(pat);
      FcResult res;
      FcPattern *m = FcFontMatch(NULL, pat, &res);
      if (m) {
        FcLangSet *ls = NULL;
        FcChar8 *fam = NULL;
        if (FcPatternGetLangSet(m, FC_LANG, 0, &ls) == FcResultMatch &&
            FcLangSetHasLang(ls, (const FcChar8 *)"zh-cn") != FcLangDifferentLang &&
            FcPatternGetString(m, FC_FAMILY, 0, &fam) == FcResultMatch)
          *matched = rg_xstrdup((const char *)fam);
        FcPatternDestroy(m);
      }
      FcPatternDestroy(pat);
    }
  }
  FcLangSetDestroy(zh);
  return found;
}

/* ---- Graphviz error collection ----------------------------------------- */

/* Graphviz keeps process-wide state that cannot be passed around: its
 * errors go to one global callback (collected in gv_msgs) and counters,
 * the pango plugin points into the one GVC's font cache (gv_context), and
 * diagram_views.c replaces cgraph's default ID discipline. So every render holds
 * gv_lock, a recursive mutex (render calls rg_diagram_graph_render): renders
 * from several threads run one at a time, and nothing else waits for them. */
static char gv_msgs[4096];
static size_t gv_len;
static mtx_t gv_lock;
static once_flag gv_lock_once = ONCE_FLAG_INIT;

static void gv_lock_init(void) { mtx_init(&gv_lock, mtx_recursive); }

static void gv_enter(void) {
  call_once(&gv_lock_once, gv_lock_init);
  mtx_lock(&gv_lock);
}

static int gv_collect(char *msg) {
  size_t n = strlen(msg);
  if (gv_len + n >= sizeof gv_msgs) n = sizeof gv_msgs - 1 - gv_len;
  memcpy(gv_msgs + gv_len, msg, n);
  gv_len += n;
  gv_msgs[gv_len] = '\0';
  return 0;
}

static void gv_begin(void) {
  gv_len = 0;
  gv_msgs[0] = '\0';
  agreseterrors();
  agseterr(AGWARN);
}

/* Trim the collected text to one line for an rg_error. */
static const char *gv_text(void) {
  for (size_t i = 0; i < gv_len; i++)
    if (gv_msgs[i] == '\n' && i + 1 < gv_len) gv_msgs[i] = ' ';
  while (gv_len > 0 && (gv_msgs[gv_len - 1] == '\n' || gv_msgs[gv_len - 1] == ' '))
    gv_msgs[--gv_len] = '\0';
  return gv_msgs;
}

/* RG_OK when Graphviz reported nothing worse than a warning (warnings are
 * printed to stderr unless quiet, then cleared). */
static rg_status gv_check(const char *stage, int quiet, rg_error *err) {
  if (agerrors() >= AGERR)
    return rg_error_set(err, RG_ESYS, NULL, 0, 0, "graphviz %s failed: %s", stage,
                        gv_len ? gv_text() : "(no message)");
  if (gv_len) {
    if (!quiet) fprintf(stderr, "respgraph: warning: graphviz %s: %s\n", stage, gv_text());
    gv_len = 0;
    gv_msgs[0] = '\0';
  }
  return RG_OK;
}

/* ---- rendering ----------------------------------------------------------- */

/* One Graphviz context for the whole process, never freed: the pango text
 * layout plugin of Graphviz 2.42 keeps a static pointer to the last font name,
 * which lives in the context's font cache, so a second context would read
 * freed memory (found by AddressSanitizer). */
static GVC_t *gv_context(void) {
  static GVC_t *gvc;
  if (!gvc) {
    gvc = gvContext();
    rg_diagram_text_install(gvc);
  }
  return gvc;
}

/* rg_diagram_font_check for render, remembered for the last family asked
 * (a report asks 66 times for the same one; FcFontList each time was 7 ms).
 * Under gv_lock, like the rest of the process-wide Graphviz state. */
static int font_check(const char *family, char **matched) {
  static char *last_family, *last_matched;
  static int last_found;
  if (!last_family || strcmp(last_family, family)) {
    free(last_family);
    free(last_matched);
    last_found = rg_diagram_font_check(family, &last_matched);
    last_family = rg_xstrdup(family);
  }
  *matched = last_matched ? rg_xstrdup(last_matched) : NULL;
  return last_found;
}

static const char *const engines[] = {"dot",   "neato", "fdp",   "sfdp",
                                      "circo", "twopi", "osage", NULL};

static const char *renderer_of(const char *format) {
  if (!strcmp(format, "svg")) return "svg:svg:core";
  if (!strcmp(format, "png")) return "png:cairo:cairo";
  if (!strcmp(format, "pdf")) return "pdf:cairo:cairo";
  return NULL;
}

static rg_status graph_render(Agraph_t *g, const char *engine, const char *format, int quiet,
                              char **data, size_t *len, rg_error *err);

rg_status rg_diagram_graph_render(Agraph_t *g, const char *engine, const char *format, int quiet,
                                  char **data, size_t *len, rg_error *err) {
  gv_enter();
  rg_status st = graph_render(g, engine, format, quiet, data, len, err);
  mtx_unlock(&gv_lock);
  return st;
}

static rg_status graph_render(Agraph_t *g, const char *engine, const char *format, int quiet,
                              char **data, size_t *len, rg_error *err) {
  *data = NULL;
  *len = 0;
  rg_status st = RG_OK;
  agusererrf old_errf = agseterrf(gv_collect);
  agerrlevel_t old_level = agseterr(AGWARN);
  gv_begin();
  GVC_t *gvc = gv_context();
  /* cairo draws each text's pango layout: PNG and PDF measure afresh */
  rg_diagram_text_remember(strcmp(format, "png") && strcmp(format, "pdf"));
  if (!strcmp(format, "dot")) {
    /* The graph as built, before layout adds positions: for `dot -Tsvg`
     * and for goldens that do not depend on layout arithmetic. */
    char *buf = NULL;
    size_t n = 0;
    FILE *mem = open_memstream(&buf, &n);
    if (!mem || agwrite(g, mem) != 0) {
      st = rg_error_set(err, RG_ESYS, NULL, 0, 0, "diagram: could not write DOT");
      if (mem) fclose(mem);
      free(buf);
    } else {
      fclose(mem);
      *data = buf;
      *len = n;
    }
    if (!st) st = gv_check("writing DOT", quiet, err);
  }
  if (!st) {
    /* Lay out even for DOT output: it parses every HTML label, so a label
     * Graphviz would silently replace by the node name is caught here. */
    if (gvLayout(gvc, g, engine) != 0 && !agerrors())
      st = rg_error_set(err, RG_ESYS, NULL, 0, 0, "graphviz layout with %s failed", engine);
    if (!st) st = gv_check("layout", quiet, err);
    if (!st && strcmp(format, "dot")) {
      char *out = NULL;
      unsigned int n = 0;
      if (gvRenderData(gvc, g, renderer_of(format), &out, &n) != 0 && !agerrors())
        st = rg_error_set(err, RG_ESYS, NULL, 0, 0, "graphviz could not render %s", format);
      if (!st) st = gv_check("rendering", quiet, err);
      if (!st && out) {
        *data = rg_xmalloc((size_t)n + 1);
        memcpy(*data, out, n);
        (*data)[n] = '\0';
        *len = n;
        /* cairo stamps "now" into a PDF: the fixed date instead (stamp.h) */
        if (!strcmp(format, "pdf")) rg_stamp_pdf(*data, n, rg_stamp_epoch());
      }
      if (out) gvFreeRenderData(out);
    }
    gvFreeLayout(gvc, g);
  }
  agseterrf(old_errf);
  agseterr(old_level);
  if (st) {
    free(*data);
    *data = NULL;
    *len = 0;
  }
  return st;
}

static rg_status render(const rg_plan *plan, const rg_results *results, const rg_diagram_opts *opts,
                        const char *format, char **data, size_t *len, rg_error *err) {
  *data = NULL;
  *len = 0;
  rg_diagram_opts defaults;
  rg_diagram_opts_init(&defaults);
  if (!opts) opts = &defaults;
  if (!plan) return rg_error_set(err, RG_EUSAGE, NULL, 0, 0, "diagram: no plan");
  if (!format || (strcmp(format, "dot") && !renderer_of(format)))
    return rg_error_set(err, RG_EUSAGE, NULL, 0, 0,
                        "diagram: unsupported format \"%s\" (use svg, png, pdf or dot)",
                        format ? format : "");
  rg_diagram_ctx ctx;
  memset(&ctx, 0, sizeof ctx);
  ctx.plan = plan;
  ctx.res = results;
  ctx.format = format;
  ctx.min_shared = opts->min_shared;
  ctx.seed = opts->seed ? opts->seed : RG_DEFAULT_SEED;
  ctx.width_px = opts->width_px > 0 ? opts->width_px : 1920;
  if (opts->lang && strcmp(opts->lang, "zh") && strcmp(opts->lang, "en"))
    return rg_error_set(err, RG_EUSAGE, NULL, 0, 0,
                        "diagram: unknown language \"%s\" (use zh or en)", opts->lang);
  ctx.en = opts->lang && !strcmp(opts->lang, "en");
  if (opts->engine) {
    for (int i = 0; engines[i]; i++)
      if (!strcmp(opts->engine, engines[i])) ctx.engine = engines[i];
    if (!ctx.engine)
      return rg_error_set(err, RG_EUSAGE, NULL, 0, 0,
                          "diagram: unknown engine \"%s\" (use dot, neato, fdp, sfdp, circo or "
                          "twopi)",
                          opts->engine);
  }
  rg_status st = rg_diagram_resolve_view(&ctx, opts->view ? opts->view : "collab", err);
  if (st) return st;

  /* Chinese glyphs need a font that covers zh-cn; say so when there is none. */
  const char *want = opts->font && *opts->font ? opts->font : RG_DIAGRAM_DEFAULT_FONT;
  char *matched = NULL;
  ctx.font = want;
  if (strcmp(format, "dot") && !font_check(want, &matched)) {
    if (matched) {
      if (!opts->quiet)
        fprintf(stderr,
                "respgraph: warning: font \"%s\" with Chinese glyphs not found; using \"%s\" "
                "(install fonts-wqy-microhei)\n",
                want, matched);
      ctx.font = matched;
    } else if (!opts->quiet) {
      fprintf(stderr,
              "respgraph: warning: no installed font covers Chinese (fontconfig lang zh-cn); "
              "Chinese text will be drawn as boxes (install fonts-wqy-microhei)\n");
    }
  }

  rg_diagram_labels_make(&ctx);
  agusererrf old_errf = agseterrf(gv_collect);
  agerrlevel_t old_level = agseterr(AGWARN);
  gv_begin();
  /* The context first: gvContext() declares the node label default "\N"
   * for every graph opened after it, which shows in DOT output. */
  (void)gv_context();
  Agraph_t *g = rg_diagram_build(&ctx);
  st = gv_check("graph construction", opts->quiet, err);
  if (!st && !g) st = rg_error_set(err, RG_ESYS, NULL, 0, 0, "diagram: could not build the graph");
  if (!st) st = graph_render(g, ctx.engine, format, opts->quiet, data, len, err);
  if (g) agclose(g);
  agseterrf(old_errf);
  agseterr(old_level);
  rg_diagram_labels_free(&ctx);
  free(matched);
  if (st) {
    free(*data);
    *data = NULL;
    *len = 0;
  } else if (!*data) {
    st = rg_error_set(err, RG_ESYS, NULL, 0, 0, "graphviz produced no %s output", format);
  }
  return st;
}

rg_status rg_diagram_render_mem(const rg_plan *plan, const rg_results *results,
                                const rg_diagram_opts *opts, const char *format, char **data,
                                size_t *len, rg_error *err) {
  gv_enter();
  rg_status st = render(plan, results, opts, format, data, len, err);
  mtx_unlock(&gv_lock);
  return st;
}

rg_status rg_diagram_render(const rg_plan *plan, const rg_results *results,
                            const rg_diagram_opts *opts, const char *out_path, rg_error *err) {
  const char *format = rg_diagram_format_of(out_path);
  if (!format)
    return rg_error_set(err, RG_EUSAGE, NULL, 0, 0,
                        "diagram: cannot tell the format of \"%s\" (use .svg, .png, .pdf or .dot)",
                        out_path ? out_path : "");
  char *data = NULL;
  size_t len = 0;
  rg_status st = rg_diagram_render_mem(plan, results, opts, format, &data, &len, err);
  if (st) return st;
  /* Written here, not by gvRenderFilename, which exits the process when it
   * cannot open the file; whole or not at all (outfile.h). */
  st = rg_outfile_write(out_path, data, len, err);
  free(data);
  return st;
}

/* LeakSanitizer (Debug builds): what Graphviz 2.42, pango and fontconfig
 * keep or lose for the life of the process is theirs, not ours. Graphviz's
 * HTML-label parser (htmlparse), cgraph's internal name map
 * (aginternalmapinsert) and dot's cluster skeletons (class2/build_skeleton)
 * leak per render; LSan's fast unwinder stops inside those libraries, so
 * they are named by library. With ASAN_OPTIONS=fast_unwind_on_malloc=0 and
 * this hook renamed, every report of tests/output/test_diagram.c ran through
 * one of those three or fontconfig/pango/glib (checked when written). The
 * runtime looks this weak hook up by name. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void) {
  return "leak:libfontconfig.so\n"
         "leak:libpango\n"
         "leak:libgvplugin_pango.so\n"
         "leak:libglib-2.0.so\n"
         "leak:libcairo.so\n"
         "leak:libgvc.so\n"
         "leak:libcgraph.so\n"
         "leak:libgvplugin_dot_layout.so\n";
}

/* ...and do not list the suppressions used after every run of a Debug build. */
const char *__lsan_default_options(void);
const char *__lsan_default_options(void) { return "print_suppressions=0"; }
