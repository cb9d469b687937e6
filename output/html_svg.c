/* html_svg.c - sanitise Graphviz SVG with libxml2 before it is inlined in the page. */
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlsave.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"

static int is_name(const xmlNode *n, const char *name) {
  return n->name && !xmlStrcasecmp(n->name, (const xmlChar *)name);
}

static void clean_attrs(xmlNode *n, const char *prefix) {
  xmlAttr *a = n->properties;
  while (a) {
    xmlAttr *next = a->next;
    const char *name = (const char *)a->name;
    xmlChar *v = xmlNodeGetContent((xmlNode *)a);
    const char *val = v ? (const char *)v : "";
    int drop = 0;
    if ((name[0] == 'o' || name[0] == 'O') && (name[1] == 'n' || name[1] == 'N'))
      drop = 1;
    else if (!strcmp(name, "href") && val[0] != '#')
      drop = 1;
    else if (strstr(val, "javascript:"))
      drop = 1;
    if (drop) {
      xmlRemoveProp(a);
    } else if (prefix && !strcmp(name, "id") && !a->ns) {
      size_t k = strlen(prefix) + strlen(val) + 1;
      char *nv = rg_xmalloc(k);
      snprintf(nv, k, "%s%s", prefix, val);
      xmlSetProp(n, (const xmlChar *)"id", (const xmlChar *)nv);
      free(nv);
    }
    xmlFree(v);
    a = next;
  }
}

static void clean(xmlNode *n, const char *prefix) {
  xmlNode *c = n->children;
  while (c) {
    xmlNode *next = c->next;
    if (c->type == XML_ELEMENT_NODE) {
      if (is_name(c, "script") || is_name(c, "foreignObject") || is_name(c, "iframe")) {
        xmlUnlinkNode(c);
        xmlFreeNode(c);
      } else {
        clean_attrs(c, prefix);
        clean(c, prefix);
      }
    } else if (c->type == XML_TEXT_NODE) {
      /* keep */
    } else if (c->type == XML_CDATA_SECTION_NODE) {
      xmlNode *t = xmlNewText(c->content);
      xmlReplaceNode(c, t);
      xmlFreeNode(c);
    } else {
      xmlUnlinkNode(c);
      xmlFreeNode(c);
    }
    c = next;
  }
}

char *rg_html_svg_inline(const char *svg, size_t len, const char *id_prefix) {
  if (!svg || len > (size_t)0x7fffffff) return NULL;
  xmlDoc *doc =
      xmlReadMemory(svg, (int)len, "diagram.svg", "UTF-8",
                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE);
  if (!doc) return NULL;
  xmlNode *root = xmlDocGetRootElement(doc);
  if (!root || !is_name(root, "svg")) {
    xmlFreeDoc(doc);
    return NULL;
  }
  clean_attrs(root, NULL);
  clean(root, id_prefix);
  xmlBuffer *buf = xmlBufferCreate();
  xmlSaveCtxt *save = xmlSaveToBuffer(buf, "UTF-8", XML_SAVE_NO_DECL | XML_SAVE_NO_EMPTY);
  char *out = NULL;
  if (save) {
    xmlSaveTree(save, root);
    xmlSaveClose(save);
    out = rg_xstrdup((const char *)xmlBufferContent(buf));
  }
  xmlBufferFree(buf);
  xmlFreeDoc(doc);
  return out;
}
