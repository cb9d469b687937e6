/* detect.h - telling HTML, CSV/TSV and plain text apart by content, not by file name.
 *
 *   HTML: after an optional BOM, white space, <?xml ...?> and <!-- comments -->,
 *         the first KiB starts with <!DOCTYPE html, <html, <head, <body, <meta,
 *         <title, <p, <table or <div (any case).
 *   CSV:  one of the first non-blank lines (before any line longer than 4 KiB)
 *         is a recognised CSV/TSV header (rg_csv_detect, csv_reader.h: a task
 *         or id column and a lead or support column, or the long form
 *         task,role,unit); title rows may stand above it.
 *   Text: anything else.
 * All functions are O(length examined) and never fail. */
#ifndef RG_DETECT_H
#define RG_DETECT_H

#include <stddef.h>

#include "load.h"

/* The format of decoded UTF-8 text (RG_INPUT_HTML, _CSV or _TEXT). */
rg_input_format rg_detect_format(const char *utf8, size_t len);

/* 1 when the bytes (any ASCII-compatible encoding) start like an HTML page. */
int rg_detect_html(const char *bytes, size_t len);

#endif
