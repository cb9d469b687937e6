/* fuzz_unitlist.c - libFuzzer harness for unit-list canonicalisation.
 *
 * Parses the input as a unit list (no NUL terminator: an exact-size copy, so
 * over-reads are caught), checks the items, then links them to a task. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "unitlist.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *buf = malloc(size ? size : 1);
  memcpy(buf, data, size);
  rg_unit_list l;
  rg_unitlist_parse(buf, size, &l);
  for (int i = 0; i < l.n; i++) {
    if (!l.items[i].name || !l.items[i].name[0]) abort(); /* no empty names */
    if (l.items[i].kind < RG_KIND_UNIT || l.items[i].kind > RG_KIND_GENERIC) abort();
  }
  int n = l.n;
  rg_unitlist_destroy(&l);
  rg_plan *p = rg_plan_new("fuzz");
  int t = rg_plan_add_task(p, "1", "task", -1, -1, 1);
  int linked = rg_unitlist_link(p, t, RG_ROLE_SUPPORT, buf, size, 1);
  /* linking names at most what parsing found (suspect names and persons are
   * kept out) */
  if (linked > n) abort();
  if (p->n_links > n) abort();
  rg_plan_finalize(p);
  rg_plan_free(p);
  free(buf);
  return 0;
}
