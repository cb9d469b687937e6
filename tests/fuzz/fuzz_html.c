/* fuzz_html.c - libFuzzer harness for the HTML reader: bytes -> decode -> HTML lines/tables ->
 * plan.
 *
 * Input: any bytes, decoded as rg_plan_load would (BOM, <meta charset>,
 * GB18030); the text is then read as HTML into a plan and finalised. Checks
 * that every line the reader emits lies inside the page and has a line
 * number no larger than the page's line count, that table rows are
 * non-empty, and that links refer to valid tasks and units. Everything is
 * freed (LeakSanitizer reports any leak). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "html.h"
#include "load.h"

static long count_lines(const char *s, size_t n) {
  long k = 1;
  for (size_t i = 0; i < n; i++)
    if (s[i] == '\n' || (s[i] == '\r' && (i + 1 == n || s[i + 1] != '\n'))) k++;
  return k;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *buf = malloc(size ? size : 1); /* exact size: overreads are caught */
  memcpy(buf, data, size);
  rg_decoded d;
  rg_error err;
  if (rg_decode("fuzz.html", buf, size, &d, &err) != RG_OK) {
    free(buf);
    return 0;
  }
  long max_line = count_lines(d.text, d.len);
  rg_html_doc doc;
  if (rg_html_read("fuzz.html", d.text, d.len, NULL, &doc, &err) == RG_OK) {
    for (int i = 0; i < doc.lines.n; i++) {
      const rg_line *l = &doc.lines.v[i];
      if (l->len == 0 || l->lineno < 1 || l->lineno > max_line) abort();
      if (memchr(l->text, '\n', l->len)) abort(); /* a line is one line */
    }
    for (int t = 0; t < doc.n_tables; t++) {
      if (doc.tables[t].n < 1) abort();
      for (int r = 0; r < doc.tables[t].n; r++) {
        const rg_row *row = &doc.tables[t].rows[r];
        if (row->lineno < 1 || row->lineno > max_line) abort();
        for (int c = 0; c < row->n; c++)
          if (!row->cells[c]) abort();
      }
    }
    rg_html_doc_destroy(&doc);
  }
  rg_plan *p = rg_plan_new("fuzz.html");
  if (rg_plan_parse_buffer(p, d.text, d.len, RG_INPUT_HTML, NULL, &err) == RG_OK) {
    rg_plan_finalize(p);
    for (int i = 0; i < p->n_links; i++)
      if (p->links[i].task < 0 || p->links[i].task >= p->n_tasks || p->links[i].unit < 0 ||
          p->links[i].unit >= p->n_units)
        abort();
  }
  rg_plan_free(p);
  rg_decoded_destroy(&d);
  free(buf);
  return 0;
}
