/* fuzz_pdf.c - libFuzzer harness for the PDF reader (input/pdf.c): the
 * bytes go to rg_container_parse as a PDF (poppler-glib parses them; our
 * code builds lines, drops page chrome, re-joins paragraphs and recovers
 * tables). Inputs not starting with %PDF- get that header put in front.
 * The plan read is checked (container_check.h) and freed. */
#include <stdint.h>

#include "container_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  size_t head = size >= 5 && !memcmp(data, "%PDF-", 5) ? 0 : 9;
  char *buf = malloc(size + head);
  memcpy(buf, "%PDF-1.4\n", head);
  memcpy(buf + head, data, size);
  read_and_check("fuzz.pdf", buf, size + head);
  free(buf);
  return 0;
}
