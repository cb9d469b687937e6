/* convert.h - traditional Chinese script to simplified (OpenCC t2s), keeping the originals.
 *
 * A plan printed in traditional script (牽頭單位：市發展改革委) is converted to
 * simplified (牵头单位：市发展改革委) before any reader runs, so labels are
 * recognised and unit names match other plans. Only a document that IS
 * traditional is converted: t2s would also rewrite a few characters of
 * simplified text. "Traditional" means: in the first 16 KiB of non-ASCII
 * text (runs of non-ASCII bytes, so markup and scripts do not count), OpenCC
 * t2s changes at least 2 characters and at least 1 in 20 CJK characters
 * (traditional prose changes 1 in 4 to 1 in 3; the simplified seed plan
 * changes none).
 * Line numbers and line endings are kept exactly (the text is converted in
 * one call and, should that change the number of lines, line by line); the
 * tasks' printed text is then restored into task->original. */
#ifndef RG_CONVERT_H
#define RG_CONVERT_H

#include <stddef.h>

#include "error.h"
#include "plan.h"
#include "source.h"

/* 1 when the UTF-8 text is in traditional script (see above); 0 otherwise,
 * also when OpenCC cannot be loaded. O(len) scanning, OpenCC on <= 16 KiB. */
int rg_convert_is_traditional(const char *utf8, size_t len);

/* Convert UTF-8 text to simplified script with OpenCC's t2s.json. On
 * success *out (malloc'd, NUL-terminated, caller frees) has exactly the same
 * line terminators as the input. Fails (RG_ESYS) only when OpenCC or its
 * data (libopencc-data: /usr/share/opencc/t2s.json) is missing. O(len). */
rg_status rg_convert_t2s(const char *path, const char *utf8, size_t len, char **out,
                         size_t *out_len, rg_error *err);

/* After parsing converted text: for each task, find task->text in the NFKC form of a converted line
 * numbered task->line (or up to 16 lines below: an HTML table row's cells follow its <tr>), joined
 * with up to 7 following lines (continued task text), and take the same characters from the
 * parallel original lines (orig->v[i] is the original of conv->v[i]; both arrays must have the same
 * lines); the original is thus NFKC-normalised like the text. Tasks not found keep their original.
 * Linear when tasks come in line order and lines have distinct numbers. */
void rg_convert_restore_originals(rg_plan *plan, const rg_lines *orig, const rg_lines *conv);

/* Close the cached OpenCC handle (optional; for leak checkers). */
void rg_convert_shutdown(void);

#endif
