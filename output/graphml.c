/* graphml.c - the unit projection as GraphML via libxml2's xmlTextWriter. */
#include "graphml.h"

#include <libxml/xmlwriter.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "table.h"

typedef struct key {
  const char *id, *for_, *type;
} key;

static const key KEYS[] = {
    {"name", "node", "string"},
    {"load", "node", "double"},
    {"led", "node", "int"},
    {"supported", "node", "int"},
    {"rank", "node", "int"},
    {"cluster", "node", "int"},
    {"overloaded", "node", "boolean"},
    {"strength", "node", "double"},
    {"betweenness", "node", "double"},
    {"pagerank", "node", "double"},
    {"eigenvector", "node", "double"},
    {"constraint", "node", "double"},
    {"coreness", "node", "int"},
    {"participation", "node", "double"},
    {"shared", "edge", "int"},
    {"weight", "edge", "double"},
    {"tasks", "edge", "string"},
};

static int data_str(xmlTextWriterPtr w, const char *k, const char *v) {
  char *clean = rg_escape_xml_clean(v);
  int bad = xmlTextWriterStartElement(w, BAD_CAST "data") < 0;
  bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "key", BAD_CAST k) < 0;
  bad |= xmlTextWriterWriteString(w, BAD_CAST clean) < 0;
  bad |= xmlTextWriterEndElement(w) < 0;
  free(clean);
  return bad ? -1 : 0;
}

static int data_real(xmlTextWriterPtr w, const char *k, double v) {
  if (!isfinite(v)) return 0; /* absent = unknown (GraphML has no NaN) */
  char b[64];
  rg_format_real(b, sizeof b, v);
  return data_str(w, k, b);
}

static int data_int(xmlTextWriterPtr w, const char *k, long long v) {
  char b[32];
  snprintf(b, sizeof b, "%lld", v);
  return data_str(w, k, b);
}

rg_status rg_graphml_write(const char *path, const rg_plan *plan, const rg_results *res,
                           rg_error *err) {
  xmlTextWriterPtr w = xmlNewTextWriterFilename(path, 0);
  if (!w) return rg_error_set(err, RG_ESYS, path, 0, 0, "cannot create the GraphML file");
  int rc = 0;
  xmlTextWriterSetIndent(w, 1);
  xmlTextWriterSetIndentString(w, BAD_CAST "  ");
  rc |= xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) < 0;
  rc |= xmlTextWriterStartElement(w, BAD_CAST "graphml") < 0;
  rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns",
                                    BAD_CAST "http://graphml.graphdrawing.org/xmlns") < 0;
  for (size_t k = 0; k < sizeof KEYS / sizeof KEYS[0]; k++) {
    rc |= xmlTextWriterStartElement(w, BAD_CAST "key") < 0;
    rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST KEYS[k].id) < 0;
    rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "for", BAD_CAST KEYS[k].for_) < 0;
    rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "attr.name", BAD_CAST KEYS[k].id) < 0;
    rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "attr.type", BAD_CAST KEYS[k].type) < 0;
    rc |= xmlTextWriterEndElement(w) < 0;
  }
  rc |= xmlTextWriterStartElement(w, BAD_CAST "graph") < 0;
  rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST "units") < 0;
  rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "edgedefault", BAD_CAST "undirected") < 0;
  char id[32];
  for (int r = 0; r < res->n_units && !rc; r++) {
    const rg_unit_stats *s = &res->units[r];
    snprintf(id, sizeof id, "u%d", s->unit);
    rc |= xmlTextWriterStartElement(w, BAD_CAST "node") < 0;
    rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST id) < 0;
    rc |= data_str(w, "name", plan->units[s->unit].name) < 0;
    rc |= data_real(w, "load", s->load) < 0;
    rc |= data_int(w, "led", s->led) < 0;
    rc |= data_int(w, "supported", s->supported) < 0;
    rc |= data_int(w, "rank", s->rank) < 0;
    rc |= data_int(w, "cluster", s->cluster) < 0;
    rc |= data_str(w, "overloaded", s->overloaded ? "true" : "false") < 0;
    rc |= data_real(w, "strength", s->strength) < 0;
    rc |= data_real(w, "betweenness", s->betweenness) < 0;
    rc |= data_real(w, "pagerank", s->pagerank) < 0;
    rc |= data_real(w, "eigenvector", s->eigenvector) < 0;
    rc |= data_real(w, "constraint", s->constraint) < 0;
    rc |= data_int(w, "coreness", s->coreness) < 0;
    rc |= data_real(w, "participation", s->participation) < 0;
    rc |= xmlTextWriterEndElement(w) < 0;
  }
  for (int i = 0; i < res->n_ties && !rc; i++) {
    const rg_tie *t = &res->ties[i];
    char a[32], b[32];
    snprintf(a, sizeof a, "u%d", t->a);
    snprintf(b, sizeof b, "u%d", t->b);
    snprintf(id, sizeof id, "e%d", i);
    rc |= xmlTextWriterStartElement(w, BAD_CAST "edge") < 0;
    rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST id) < 0;
    rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "source", BAD_CAST a) < 0;
    rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "target", BAD_CAST b) < 0;
    rc |= data_int(w, "shared", t->shared) < 0;
    rc |= data_real(w, "weight", t->weight) < 0;
    size_t n = 1;
    for (int k = 0; k < t->shared; k++)
      n += strlen(plan->tasks[t->tasks[k]].number) + 1;
    char *list = rg_xmalloc(n);
    list[0] = '\0';
    for (int k = 0; k < t->shared; k++) {
      if (k) strcat(list, ";");
      strcat(list, plan->tasks[t->tasks[k]].number);
    }
    rc |= data_str(w, "tasks", list) < 0;
    free(list);
    rc |= xmlTextWriterEndElement(w) < 0;
  }
  rc |= xmlTextWriterEndDocument(w) < 0; /* closes every open element */
  xmlFreeTextWriter(w);
  if (rc) return rg_error_set(err, RG_ESYS, path, 0, 0, "cannot write the GraphML file");
  return RG_OK;
}
