/* names.h - finding a unit (or a task) by the name a user types, and a
 * unit's short label.
 *
 * One lookup for every option that names a unit (--unit and --exclude-unit of
 * meetings, --view ego= of diagram, the unit column of --unavailable), so
 * they all accept the same names. The short label is the one the diagrams
 * draw, which is also a name users copy from a picture. */
#ifndef RG_NAMES_H
#define RG_NAMES_H

#include <stddef.h>
#include <stdint.h>

#include "plan.h"

/* The plan unit a user means by name, -1 when none. Tried in order, first
 * on name as typed, then on its NFKC form (（市） -> (市), as plan names are):
 *   1. the canonical name (市发展改革委);
 *   2. an alias (省知识产权局 for 省市场监管局（省知识产权局）), the first unit
 *      by index that has it;
 *   3. the name with a leading 市 (发展改革委 -> 市发展改革委);
 *   4. the short label of rg_unit_short_name (发展改革委 on a plan issued by
 *      沈阳市人民政府 for 沈阳市发展改革委), the first unit by index.
 * O(1) for a canonical name; else O(aliases + units x name length). */
int rg_unit_lookup(const rg_plan *plan, const char *name);

/* Warn ([invisible-char], on line) when s[0..len) holds characters that
 * rg_nfkc removes (rg_invisible_count: zero-width, bidi controls ...): a
 * name read from it is taken as if typed without them (市发展改革委 with a
 * zero-width joiner inside is 市发展改革委), and the user should know. */
void rg_invisible_warn(rg_plan *plan, const char *s, size_t len, long line);
/* The same warning from a count already taken (rg_invisible_count: n and
 * the first code point). */
void rg_invisible_report(rg_plan *plan, int n, int32_t first, long line);

/* rg_unit_lookup, and else the one unit whose name or short label contains
 * name (商务 -> 市商务局). Returns the unit; or -2 when several units contain
 * name (ambiguous), with up to max of them in near (*n_near); or -1 when none
 * does, with the closest names (rg_closest) in near, for a "did you mean".
 * O(units x name length^2). */
int rg_unit_find(const rg_plan *plan, const char *name, int *near, int max, int *n_near);

/* The candidates closest to word, for a "did you mean": edit distance over
 * code points (a candidate containing word, or contained in it, counts 1);
 * those at the smallest distance found, if it is at most length/2 edits (so a
 * one-character word suggests nothing), in the order of cands. Writes up to max indices of cands
 * into out; returns how many. O(n x length^2). */
int rg_closest(const char *word, const char *const *cands, int n, int *out, int max);

/* The plan task a user means by id (check --explain TASK): the task whose
 * id is id (as `respgraph parse` lists it: "21", "一.3", "5#2"), else the
 * one task whose printed number is id; -1 when none or when the printed
 * number is not unique (then the id is needed). O(tasks). */
int rg_task_lookup(const rg_plan *plan, const char *id);

/* The label drawn for a unit name (the tooltip keeps the full name).
 * Rule, applied in order:
 *   1. drop a leading city name taken from the issuer ("沈阳市人民政府"
 *      gives "沈阳市" and "沈阳"; issuer may be NULL) and then a leading
 *      "市" unless it begins "市场" or "市委" (市市场监管局 -> 市场监管局, but
 *      市场监管局 and 市委宣传部 stay);
 *   2. drop a parenthesised city name: 中德(沈阳)… -> 中德…;
 *   3. shorten one suffix: 集团有限公司 -> 集团, 有限(责任)公司 -> "",
 *      管理委员会 -> 管委会, 委员会 -> 委, 人民政府 -> "", 区政府/县政府/市政府
 *      -> 区/县/市;
 *   4. if more than 12 characters remain, keep the first 6, "…", the last 3.
 * If the result would be empty, the full name is used. Two units whose short
 * labels collide are both drawn with their full names (the diagram does
 * that). Writes a NUL-terminated string into buf (truncated to size). */
void rg_unit_short_name(const char *issuer, const char *name, char *buf, size_t size);

#endif
