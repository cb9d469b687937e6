/* stamp.h - the one date respgraph writes into its outputs.
 *
 * Same input, same bytes: no output carries the time it was made. Formats
 * that must hold a date (the workbook's docProps/core.xml, a PDF's
 * /CreationDate) carry rg_stamp_epoch(): SOURCE_DATE_EPOCH when the
 * environment sets it to a whole number of seconds (the reproducible-builds
 * convention), else RG_STAMP_DEFAULT, 2000-01-01T00:00:00Z. */
#ifndef RG_STAMP_H
#define RG_STAMP_H

#include <stddef.h>
#include <time.h>

/* 2000-01-01T00:00:00Z. */
#define RG_STAMP_DEFAULT 946684800

/* SOURCE_DATE_EPOCH when it is a decimal number of seconds (at most 2^40),
 * else RG_STAMP_DEFAULT. Reads the environment; no state. */
time_t rg_stamp_epoch(void);

/* Rewrite every /CreationDate and /ModDate string of the len bytes of a PDF
 * to epoch (UTC), in place and at the same length, so the cross-reference
 * offsets stay right: cairo 1.16 writes "now" as (D:YYYYMMDDHHMMSSZ) or
 * (D:YYYYMMDDHHMMSS+HH'MM) and has no SOURCE_DATE_EPOCH; Graphviz creates
 * the cairo surface itself, so cairo_pdf_surface_set_metadata cannot be
 * reached. Returns how many dates were rewritten; a date of another shape
 * is left as it is. O(len). */
int rg_stamp_pdf(char *pdf, size_t len, time_t epoch);

#endif
