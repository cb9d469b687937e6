/* fuzz_xlsx.c - libFuzzer harness for the Excel reader (input/xlsx_read.c).
 *
 * Input: either a whole .xlsx (starts with PK), or parts separated by NUL
 * bytes: xl/worksheets/sheet1.xml, xl/sharedStrings.xml, xl/styles.xml,
 * xl/workbook.xml (a default naming one sheet, 任务, when empty), packed
 * into a package here. The plan read is checked and freed. */
#include <stdint.h>

#include "container_check.h"
#include "ooxml_pack.h"

static const char CT[] =
    "<?xml version=\"1.0\"?><Types "
    "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>";
static const char RELS[] =
    "<?xml version=\"1.0\"?><Relationships "
    "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
    "Target=\"xl/workbook.xml\"/></Relationships>";
static const char WRELS[] =
    "<?xml version=\"1.0\"?><Relationships "
    "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
    "Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" "
    "Target=\"sharedStrings.xml\"/>"
    "<Relationship Id=\"rId3\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
    "Target=\"styles.xml\"/>"
    "</Relationships>";
static const char WB[] =
    "<?xml version=\"1.0\"?><workbook "
    "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
    "<sheet name=\"\xE4\xBB\xBB\xE5\x8A\xA1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const part fixed[] = {{"[Content_Types].xml", CT, sizeof CT - 1},
                               {"_rels/.rels", RELS, sizeof RELS - 1},
                               {"xl/_rels/workbook.xml.rels", WRELS, sizeof WRELS - 1}};
  static const char *const names[] = {"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml",
                                      "xl/styles.xml", "xl/workbook.xml"};
  static const char *const dflt[] = {NULL, NULL, NULL, WB};
  fuzz_package(data, size, "fuzz.xlsx", fixed, 3, names, dflt, 4, read_and_check);
  return 0;
}
