/* ooxml.c - Office Open XML parts through libzip and libxml2, with limits. */
#include "ooxml.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zip.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

struct rg_zip {
  zip_t *za;
  const char *path;
  size_t total; /* bytes inflated so far */
};

rg_status rg_zip_open(const char *path, const char *data, size_t len, rg_zip **out, rg_error *err) {
  *out = NULL;
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
  if (!src) {
    zip_error_fini(&ze);
    return rg_error_set(err, RG_ESYS, path, 0, 0, "cannot read the archive");
  }
  zip_t *za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
  if (!za) {
    zip_source_free(src);
    rg_status st = rg_error_set(err, RG_EINPUT, path, 0, 0,
                                "not a readable ZIP archive (truncated or damaged: %s)",
                                zip_error_strerror(&ze));
    zip_error_fini(&ze);
    return st;
  }
  zip_error_fini(&ze);
  zip_int64_t n = zip_get_num_entries(za, 0);
  if (n > RG_ZIP_MAX_ENTRIES) {
    zip_close(za);
    return rg_error_set(err, RG_EINPUT, path, 0, 0,
                        "the ZIP archive has %lld entries (at most %d are read): refused",
                        (long long)n, RG_ZIP_MAX_ENTRIES);
  }
  rg_zip *z = rg_xcalloc(1, sizeof *z);
  z->za = za;
  z->path = path;
  *out = z;
  return RG_OK;
}

void rg_zip_close(rg_zip *z) {
  if (!z) return;
  zip_discard(z->za);
  free(z);
}

int rg_zip_has(rg_zip *z, const char *name) { return zip_name_locate(z->za, name, 0) >= 0; }

rg_status rg_zip_read(rg_zip *z, const char *name, int optional, char **buf, size_t *len,
                      rg_error *err) {
  *buf = NULL;
  *len = 0;
  zip_int64_t idx = zip_name_locate(z->za, name, 0);
  if (idx < 0) {
    if (optional) return RG_OK;
    return rg_error_set(err, RG_EINPUT, z->path, 0, 0, "missing part %s: the package is incomplete",
                        name);
  }
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(z->za, (zip_uint64_t)idx, 0, &st) != 0)
    return rg_error_set(err, RG_EINPUT, z->path, 0, 0, "part %s: %s", name, zip_strerror(z->za));
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
    return rg_error_set(err, RG_EINPUT, z->path, 0, 0,
                        "part %s is encrypted: remove the password and save the file again", name);
  if (!(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE))
    return rg_error_set(err, RG_EINPUT, z->path, 0, 0, "part %s: size unknown", name);
  if (st.size > (zip_uint64_t)RG_ZIP_MAX_PART ||
      z->total + st.size > (zip_uint64_t)RG_ZIP_MAX_TOTAL)
    return rg_error_set(err, RG_EINPUT, z->path, 0, 0,
                        "part %s inflates to %llu bytes (limit %ld MiB per part, %ld MiB in all): "
                        "refused as a possible zip bomb",
                        name, (unsigned long long)st.size, RG_ZIP_MAX_PART >> 20,
                        RG_ZIP_MAX_TOTAL >> 20);
  if (st.size > (1u << 20) && st.size / (st.comp_size ? st.comp_size : 1) > RG_ZIP_MAX_RATIO)
    return rg_error_set(err, RG_EINPUT, z->path, 0, 0,
                        "part %s inflates %llu times (%llu to %llu bytes; limit %d): refused as "
                        "a possible zip bomb",
                        name, (unsigned long long)(st.size / (st.comp_size ? st.comp_size : 1)),
                        (unsigned long long)st.comp_size, (unsigned long long)st.size,
                        RG_ZIP_MAX_RATIO);
  zip_file_t *f = zip_fopen_index(z->za, (zip_uint64_t)idx, 0);
  if (!f)
    return rg_error_set(err, RG_EINPUT, z->path, 0, 0, "part %s cannot be opened: %s", name,
                        zip_strerror(z->za));
  /* read at most the declared size + 1: a header that lies about the size
   * cannot make us inflate more than the limits allow */
  size_t cap = (size_t)st.size + 1;
  char *b = rg_xmalloc(cap + 1);
  size_t got = 0;
  rg_status status = RG_OK;
  for (;;) {
    zip_int64_t r = zip_fread(f, b + got, cap - got);
    if (r < 0) {
      status = rg_error_set(err, RG_EINPUT, z->path, 0, 0, "part %s is damaged: %s", name,
                            zip_file_strerror(f));
      break;
    }
    if (r == 0) break;
    got += (size_t)r;
    if (got >= cap) {
      status = rg_error_set(err, RG_EINPUT, z->path, 0, 0,
                            "part %s is longer than its header says: refused", name);
      break;
    }
  }
  zip_fclose(f);
  if (status) {
    free(b);
    return status;
  }
  b[got] = '\0';
  z->total += got;
  *buf = b;
  *len = got;
  return RG_OK;
}

/* libxml2 reports encoding failures of a part that declares another
 * encoding through its generic error handler (stderr), whatever the parse
 * options: silence it for the parse (the handler is per thread in libxml2;
 * the previous one is put back). The failure itself comes back as a parse
 * error. */
static void quiet(void *ctx, const char *msg, ...) {
  (void)ctx;
  (void)msg;
}

rg_status rg_zip_xml(rg_zip *z, const char *name, int optional, xmlDoc **doc, rg_error *err) {
  *doc = NULL;
  char *buf;
  size_t len;
  rg_status st = rg_zip_read(z, name, optional, &buf, &len, err);
  if (st || !buf) return st;
  if (len > (size_t)RG_ZIP_MAX_PART) { /* cannot happen: rg_zip_read's limit */
    free(buf);
    return rg_error_set(err, RG_EINPUT, z->path, 0, 0, "part %s is too large", name);
  }
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (!ctxt) {
    free(buf);
    return rg_error_set(err, RG_ESYS, z->path, 0, 0, "libxml2 failed to start");
  }
  /* NONET: never the network; no NOENT, no DTDLOAD, no DTDATTR: entities
   * stay references and no DTD is loaded; no HUGE: libxml2's size limits */
  xmlGenericErrorFunc saved = xmlGenericError;
  void *saved_ctx = xmlGenericErrorContext;
  xmlSetGenericErrorFunc(NULL, quiet);
  xmlDoc *d = xmlCtxtReadMemory(ctxt, buf, (int)len, name, NULL,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                    XML_PARSE_NOCDATA);
  xmlSetGenericErrorFunc(saved_ctx, saved);
  free(buf);
  if (!d || !xmlDocGetRootElement(d)) {
    const xmlError *e = xmlCtxtGetLastError(ctxt);
    char why[200] = "";
    if (e && e->message) {
      snprintf(why, sizeof why, " (line %d: %s", e->line, e->message);
      for (char *q = why; *q; q++)
        if (*q == '\n' || *q == '\r') *q = ' ';
      size_t n = strlen(why);
      while (n && why[n - 1] == ' ')
        why[--n] = '\0';
      if (n + 1 < sizeof why) why[n] = ')', why[n + 1] = '\0';
    }
    rg_status s2 =
        rg_error_set(err, RG_EINPUT, z->path, 0, 0, "part %s is not well-formed XML%s", name, why);
    if (d) xmlFreeDoc(d);
    xmlFreeParserCtxt(ctxt);
    return s2;
  }
  xmlFreeParserCtxt(ctxt);
  if (d->intSubset || d->extSubset) {
    xmlFreeDoc(d);
    return rg_error_set(err, RG_EINPUT, z->path, 0, 0,
                        "part %s has a DOCTYPE, which Office documents never have: refused", name);
  }
  *doc = d;
  return RG_OK;
}

/* ------------------------------------------------------------ helpers */

int rg_xml_is(const xmlNode *n, const char *local) {
  return n && n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, local);
}

const char *rg_xml_attr(const xmlNode *n, const char *local) {
  if (!n || n->type != XML_ELEMENT_NODE) return NULL;
  for (const xmlAttr *a = n->properties; a; a = a->next)
    if (!strcmp((const char *)a->name, local)) {
      if (a->children && a->children->type == XML_TEXT_NODE && !a->children->next)
        return (const char *)a->children->content;
      return a->children ? (const char *)a->children->content : "";
    }
  return NULL;
}

xmlNode *rg_xml_child(const xmlNode *n, const char *local) {
  if (!n) return NULL;
  for (xmlNode *c = n->children; c; c = c->next)
    if (rg_xml_is(c, local)) return c;
  return NULL;
}

/* Resolve a relationship target against a folder: "media/x.png" with base
 * "word/" -> "word/media/x.png"; "/xl/worksheets/sheet1.xml" -> absolute;
 * "../x" climbs one folder. */
static char *resolve(const char *base, const char *target) {
  if (target[0] == '/') return rg_xstrdup(target + 1);
  size_t bl = strlen(base);
  char *out = rg_xmalloc(bl + strlen(target) + 1);
  memcpy(out, base, bl);
  out[bl] = '\0';
  while (!strncmp(target, "../", 3)) {
    target += 3;
    size_t n = strlen(out);
    if (n && out[n - 1] == '/') out[--n] = '\0';
    char *slash = strrchr(out, '/');
    if (slash)
      slash[1] = '\0';
    else
      out[0] = '\0';
  }
  while (!strncmp(target, "./", 2))
    target += 2;
  strcat(out, target);
  return out;
}

static char *rel_find(xmlDoc *rels, const char *base, const char *key, const char *value,
                      int suffix) {
  xmlNode *root = rels ? xmlDocGetRootElement(rels) : NULL;
  if (!root) return NULL;
  for (xmlNode *r = root->children; r; r = r->next) {
    if (!rg_xml_is(r, "Relationship")) continue;
    const char *v = rg_xml_attr(r, key), *target = rg_xml_attr(r, "Target");
    const char *mode = rg_xml_attr(r, "TargetMode");
    if (!v || !target || (mode && !strcmp(mode, "External"))) continue;
    size_t n = strlen(v), m = strlen(value);
    int hit =
        suffix ? n > m && v[n - m - 1] == '/' && !strcmp(v + n - m, value) : !strcmp(v, value);
    if (hit) return resolve(base, target);
  }
  return NULL;
}

char *rg_zip_rel_target(xmlDoc *rels, const char *base, const char *type) {
  return rel_find(rels, base, "Type", type, 1);
}

rg_status rg_zip_rel_xml(rg_zip *z, xmlDoc *rels, const char *base, const char *type,
                         const char *fallback, xmlDoc **doc, rg_error *err) {
  *doc = NULL;
  char *part = rg_zip_rel_target(rels, base, type);
  if (!part && fallback && rg_zip_has(z, fallback)) part = rg_xstrdup(fallback);
  if (!part) return RG_OK;
  rg_status st = rg_zip_xml(z, part, 1, doc, err);
  free(part);
  return st;
}

char *rg_zip_rel_by_id(xmlDoc *rels, const char *base, const char *id) {
  return rel_find(rels, base, "Id", id, 0);
}

char *rg_zip_content_type(xmlDoc *types, const char *part) {
  xmlNode *root = types ? xmlDocGetRootElement(types) : NULL;
  if (!root) return NULL;
  const char *ext = strrchr(part, '.');
  const char *def = NULL;
  for (xmlNode *n = root->children; n; n = n->next) {
    const char *ct = rg_xml_attr(n, "ContentType");
    if (!ct) continue;
    if (rg_xml_is(n, "Override")) {
      const char *pn = rg_xml_attr(n, "PartName");
      if (pn && !strcasecmp(pn[0] == '/' ? pn + 1 : pn, part)) return rg_xstrdup(ct);
    } else if (rg_xml_is(n, "Default") && ext) {
      const char *e = rg_xml_attr(n, "Extension");
      if (e && !strcasecmp(e, ext + 1)) def = ct;
    }
  }
  return def ? rg_xstrdup(def) : NULL;
}
