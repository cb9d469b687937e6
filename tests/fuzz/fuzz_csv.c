/* fuzz_csv.c - libFuzzer harness for the CSV/TSV reader and the row mapper.
 *
 * Input: CSV bytes; when the first line starts with '#', the rest of that
 * line is used as --columns. Checks that every link and heading refers to a
 * valid index, then runs content detection on the same bytes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csv_reader.h"
#include "load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *s = (const char *)data;
  char *columns = NULL;
  if (size && s[0] == '#') {
    const char *nl = memchr(s, '\n', size);
    size_t n = nl ? (size_t)(nl - s) : size;
    columns = malloc(n);
    memcpy(columns, s + 1, n - 1);
    columns[n - 1] = '\0';
    s += nl ? n + 1 : n;
    size -= nl ? n + 1 : n;
  }
  /* an exact-size copy so that reading past the end is caught */
  char *buf = malloc(size ? size : 1);
  memcpy(buf, s, size);
  rg_plan *p = rg_plan_new("fuzz.csv");
  rg_load_opts o = {.format = RG_INPUT_CSV, .columns = columns};
  rg_error err;
  if (rg_plan_parse_buffer(p, buf, size, RG_INPUT_CSV, &o, &err) == RG_OK) {
    rg_plan_finalize(p);
    if (p->n_tasks == 0) abort(); /* success means at least one task */
    for (int l = 0; l < p->n_links; l++) {
      const rg_link *k = &p->links[l];
      if (k->task < 0 || k->task >= p->n_tasks || k->unit < 0 || k->unit >= p->n_units) abort();
    }
    for (int t = 0; t < p->n_tasks; t++) {
      const rg_task *k = &p->tasks[t];
      if (k->chapter >= p->n_chapters || k->section >= p->n_sections || !k->number || !k->text)
        abort();
    }
    for (int u = 0; u < p->n_units; u++)
      if (!p->units[u].name[0]) abort(); /* no unit without a name */
  }
  (void)rg_csv_is_header(buf, size);
  (void)rg_csv_detect(buf, size);
  rg_plan_free(p);
  free(buf);
  free(columns);
  return 0;
}
