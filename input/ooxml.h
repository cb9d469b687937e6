/* ooxml.h - the parts of an Office Open XML package (.docx, .xlsx), read
 * safely with libzip and parsed with libxml2.
 *
 * Limits (a zip bomb is refused before it is inflated, and a lying header
 * cannot get past them either, because reading stops at the limit):
 *   - at most RG_ZIP_MAX_ENTRIES entries;
 *   - a part at most RG_ZIP_MAX_PART bytes once inflated, all parts read
 *     together at most RG_ZIP_MAX_TOTAL;
 *   - a part bigger than 1 MiB inflated may not be more than
 *     RG_ZIP_MAX_RATIO times its compressed size (XML compresses 5-30 times;
 *     bombs 1000 times and more).
 * XML is parsed with XML_PARSE_NONET and without XML_PARSE_NOENT or
 * XML_PARSE_DTDLOAD: no external entity or DTD is ever loaded, no entity is
 * substituted, and a part with a DOCTYPE is refused (Office never writes
 * one). Every failure is RG_EINPUT with the file name and the part. */
#ifndef RG_OOXML_H
#define RG_OOXML_H

#include <stddef.h>

#include <libxml/tree.h>

#include "error.h"

#define RG_ZIP_MAX_ENTRIES 10000
#define RG_ZIP_MAX_PART (128L << 20)
#define RG_ZIP_MAX_TOTAL (256L << 20)
#define RG_ZIP_MAX_RATIO 200

typedef struct rg_zip rg_zip;

/* Open a ZIP archive held in memory (borrowed: it must outlive the zip).
 * Fails (RG_EINPUT) on a damaged or truncated archive or too many entries. */
rg_status rg_zip_open(const char *path, const char *data, size_t len, rg_zip **out, rg_error *err);
void rg_zip_close(rg_zip *z);

/* 1 when the archive has an entry of that name. */
int rg_zip_has(rg_zip *z, const char *name);

/* Read a whole part (NUL-terminated, free with free()). A missing part is
 * RG_EINPUT "missing part NAME" unless optional, when *buf is NULL and the
 * status RG_OK. */
rg_status rg_zip_read(rg_zip *z, const char *name, int optional, char **buf, size_t *len,
                      rg_error *err);

/* Read and parse a part as XML (rules above). Optional parts as for
 * rg_zip_read (*doc NULL when absent). Free with xmlFreeDoc. */
rg_status rg_zip_xml(rg_zip *z, const char *name, int optional, xmlDoc **doc, rg_error *err);

/* The target of the first relationship of the given type (the part of
 * rels_part's relationships whose Type ends in "/type"), resolved against
 * base ("word/" for word/_rels/document.xml.rels); NULL if none. Malloc'd. */
char *rg_zip_rel_target(xmlDoc *rels, const char *base, const char *type);
/* The target of the relationship with Id id, resolved as above; NULL if none. */
char *rg_zip_rel_by_id(xmlDoc *rels, const char *base, const char *id);

/* The part a relationship of the given type points at (rg_zip_rel_target),
 * or else the part named fallback when the archive has it (NULL: none),
 * read and parsed as an optional part: *doc is NULL when there is no such
 * part. Free with xmlFreeDoc. */
rg_status rg_zip_rel_xml(rg_zip *z, xmlDoc *rels, const char *base, const char *type,
                         const char *fallback, xmlDoc **doc, rg_error *err);

/* The content type [Content_Types].xml gives the part (an Override, else
 * the Default for its extension); NULL if none. Malloc'd. */
char *rg_zip_content_type(xmlDoc *types, const char *part);

/* XML helpers over libxml2 trees, matching local names (any namespace). */
int rg_xml_is(const xmlNode *n, const char *local);
/* The attribute with that local name (any namespace), or NULL. Borrowed. */
const char *rg_xml_attr(const xmlNode *n, const char *local);
/* The first element child with that local name, or NULL. */
xmlNode *rg_xml_child(const xmlNode *n, const char *local);

#endif
