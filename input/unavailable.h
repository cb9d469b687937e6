/* unavailable.h - the --unavailable CSV: which unit cannot meet in which slot.
 *
 * The file is CSV (read with libcsv) with two columns, unit,slot: a unit name
 * as rg_unit_lookup (names.h) finds it - canonical, alias, without 市, or the
 * short label - and a 1-based slot number. A first
 * row whose slot cell is not a number is a header and is skipped; blank rows
 * are skipped; a UTF-8 BOM is ignored; surrounding spaces are trimmed.
 * Every other row must name a unit of the plan and a slot 1..1000000, or the
 * read fails with RG_EINPUT and the file:line of the row. Duplicate rows are
 * kept once. Linear in the file size (plus a sort of the rows). */
#ifndef RG_UNAVAILABLE_H
#define RG_UNAVAILABLE_H

#include "error.h"
#include "plan.h"
#include "unavail.h"

/* Read path into out (which must be zeroed or destroyed before). On failure
 * out is empty and err says why (RG_ESYS: cannot read; RG_EINPUT: bad row). */
rg_status rg_unavailable_read(const char *path, const rg_plan *plan, rg_unavail_list *out,
                              rg_error *err);

/* Parse len bytes of CSV text (as if read from a file named path). */
rg_status rg_unavailable_parse(const char *path, const char *data, size_t len, const rg_plan *plan,
                               rg_unavail_list *out, rg_error *err);

void rg_unavailable_destroy(rg_unavail_list *l);

#endif
