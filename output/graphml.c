/* graphml.c - the unit projection as GraphML via libxml2's xmlTextWriter. */
#include "graphml.h"

#include <libxml/globals.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlwriter.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "schema.h"

/* The GraphML attr.type of a column. */
static const char *key_type(rg_coltype type) {
  switch (type) {
  case RG_COL_REAL:
    return "double";
  case RG_COL_INT:
  case RG_COL_CLUSTER:
    return "int";
  case RG_COL_BOOL:
    return "boolean";
  default:
    return "string";
  }
}

static int data_str(xmlTextWriterPtr w, const char *k, const char *v) {
  char *clean = rg_escape_xml_clean(v);
  int bad = xmlTextWriterStartElement(w, BAD_CAST "data") < 0;
  bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "key", BAD_CAST k) < 0;
  bad |= xmlTextWriterWriteString(w, BAD_CAST clean) < 0;
  bad |= xmlTextWriterEndElement(w) < 0;
  free(clean);
  return bad ? -1 : 0;
}

/* <key> elements for the columns of t, for nodes or edges. */
static int keys(xmlTextWriterPtr w, const rg_table *t, const char *for_) {
  int rc = 0;
  for (int c = 0; c < rg_table_ncols(t); c++) {
    const rg_tcol *tc = rg_table_col(t, c);
    rc |= xmlTextWriterStartElement(w, BAD_CAST "key") < 0;
    rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST tc->key) < 0;
    rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "for", BAD_CAST for_) < 0;
    rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "attr.name", BAD_CAST tc->key) < 0;
    rc |=
        xmlTextWriterWriteAttribute(w, BAD_CAST "attr.type", BAD_CAST key_type(tc->col->type)) < 0;
    rc |= xmlTextWriterEndElement(w) < 0;
  }
  return rc;
}

/* <data> elements of row r; a non-finite real is left out (GraphML has no
 * NaN: absent = unknown). */
static int data(xmlTextWriterPtr w, const rg_table *t, int r, rg_cell *v) {
  int rc = 0;
  for (int c = 0; c < rg_table_ncols(t) && !rc; c++) {
    const rg_tcol *tc = rg_table_col(t, c);
    rg_table_cell(t, r, c, v);
    if (tc->col->type == RG_COL_REAL && !isfinite(v->r)) continue;
    char *s = rg_cell_text(t, c, v, ";");
    rc |= data_str(w, tc->key, s) < 0;
    free(s);
  }
  return rc;
}

static int element(xmlTextWriterPtr w, const char *name, const char *const *attrs, int n) {
  int rc = xmlTextWriterStartElement(w, BAD_CAST name) < 0;
  for (int i = 0; i + 1 < n; i += 2)
    rc |= xmlTextWriterWriteAttribute(w, BAD_CAST attrs[i], BAD_CAST attrs[i + 1]) < 0;
  return rc;
}

static int graph(xmlTextWriterPtr w, const rg_results *res, const rg_table *nodes,
                 const rg_table *edges) {
  static const char *const head[] = {"id", "units", "edgedefault", "undirected"};
  int rc = element(w, "graph", head, 4);
  rg_cell v = {0};
  char id[32], a[32], b[32];
  for (int r = 0; r < rg_table_rows(nodes) && !rc; r++) {
    snprintf(id, sizeof id, "u%d", rg_table_row_at(nodes, r).i);
    const char *attrs[] = {"id", id};
    rc |= element(w, "node", attrs, 2);
    rc |= data(w, nodes, r, &v);
    rc |= xmlTextWriterEndElement(w) < 0;
  }
  for (int r = 0; r < rg_table_rows(edges) && !rc; r++) {
    const rg_tie *t = &res->ties[rg_table_row_at(edges, r).i];
    snprintf(id, sizeof id, "e%d", r);
    snprintf(a, sizeof a, "u%d", t->a);
    snprintf(b, sizeof b, "u%d", t->b);
    const char *attrs[] = {"id", id, "source", a, "target", b};
    rc |= element(w, "edge", attrs, 6);
    rc |= data(w, edges, r, &v);
    rc |= xmlTextWriterEndElement(w) < 0;
  }
  rg_cell_reset(&v);
  free(v.owned);
  return rc;
}

/* libxml2 reports through a handler, never on stderr: the first message
 * becomes the error's text (set for this writer's calls only). */
static void xml_error(void *ctx, xmlErrorPtr e) {
  char *msg = ctx;
  if (!msg[0] && e && e->message) snprintf(msg, 256, "%s", e->message);
}

rg_status rg_graphml_write(FILE *out, const rg_plan *plan, const rg_results *res, rg_error *err) {
  char msg[256] = "";
  /* libxml2's handler is per thread: ours for these calls, the previous one after */
  xmlStructuredErrorFunc old_handler = xmlStructuredError;
  void *old_ctx = xmlStructuredErrorContext;
  xmlSetStructuredErrorFunc(msg, xml_error);
  xmlBufferPtr buf = xmlBufferCreate();
  xmlTextWriterPtr w = buf ? xmlNewTextWriterMemory(buf, 0) : NULL;
  int rc = !w;
  rg_table_src src = {.plan = plan, .res = res, .only_unit = -1};
  rg_table *nodes = rg_table_view(&rg_view_graphml_nodes, &src);
  rg_table *edges = rg_table_view(&rg_view_graphml_edges, &src);
  static const char *const ns[] = {"xmlns", "http://graphml.graphdrawing.org/xmlns"};
  if (w) {
    xmlTextWriterSetIndent(w, 1);
    xmlTextWriterSetIndentString(w, BAD_CAST "  ");
    rc |= xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) < 0;
    rc |= element(w, "graphml", ns, 2);
    rc |= keys(w, nodes, "node");
    rc |= keys(w, edges, "edge");
    rc |= graph(w, res, nodes, edges);
    rc |= xmlTextWriterEndDocument(w) < 0; /* closes every open element */
    xmlFreeTextWriter(w);                  /* flushes into buf */
  }
  rg_table_free(nodes);
  rg_table_free(edges);
  xmlSetStructuredErrorFunc(old_ctx, old_handler);
  size_t n = buf ? (size_t)xmlBufferLength(buf) : 0;
  if (!rc && n && fwrite(xmlBufferContent(buf), 1, n, out) != n) rc = 1;
  if (buf) xmlBufferFree(buf);
  if (rc || ferror(out))
    return rg_error_set(err, RG_ESYS, NULL, 0, 0, "cannot write the GraphML file%s%s",
                        msg[0] ? ": " : "", msg);
  return RG_OK;
}
