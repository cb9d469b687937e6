/* fuzz_docx.c - libFuzzer harness for the Word reader (input/docx.c).
 *
 * Input: either a whole .docx (starts with PK: the ZIP layer is fuzzed
 * too), or parts separated by NUL bytes: word/document.xml,
 * word/numbering.xml, word/styles.xml, word/footnotes.xml, packed here into
 * a package with fixed [Content_Types].xml and relationships. The plan read
 * is checked (container_check.h) and freed (LeakSanitizer). */
#include <stdint.h>

#include "container_check.h"
#include "ooxml_pack.h"

static const char CT[] =
    "<?xml version=\"1.0\"?><Types "
    "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
static const char RELS[] =
    "<?xml version=\"1.0\"?><Relationships "
    "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
    "Target=\"word/document.xml\"/></Relationships>";
static const char DRELS[] =
    "<?xml version=\"1.0\"?><Relationships "
    "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" "
    "Target=\"numbering.xml\"/>"
    "<Relationship Id=\"rId2\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
    "Target=\"styles.xml\"/>"
    "<Relationship Id=\"rId3\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes\" "
    "Target=\"footnotes.xml\"/>"
    "</Relationships>";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const part fixed[] = {{"[Content_Types].xml", CT, sizeof CT - 1},
                               {"_rels/.rels", RELS, sizeof RELS - 1},
                               {"word/_rels/document.xml.rels", DRELS, sizeof DRELS - 1}};
  static const char *const names[] = {"word/document.xml", "word/numbering.xml", "word/styles.xml",
                                      "word/footnotes.xml"};
  fuzz_package(data, size, "fuzz.docx", fixed, 3, names, NULL, 4, read_and_check);
  return 0;
}
