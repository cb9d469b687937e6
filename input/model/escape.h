/* escape.h - every string from the plan, escaped for the context it lands in.
 *
 * The outputs put plan text (unit names, task texts, headings, diagnostics)
 * into seven contexts; each has exactly one function here, all seven share one
 * code-point walker (escape.c), and nothing else escapes by hand (an eighth,
 * a file name made from a unit's name, keeps only what is safe in one:
 * rg_escape_file_name, at the end):
 *   HTML text        rg_escape_html_text   & < > as entities
 *   HTML attribute   rg_escape_html_attr   & < > " ' as entities (attributes
 *                                          are always double-quoted)
 *   JSON in <script> rg_escape_script_json  < > & U+2028 U+2029 as \uXXXX
 *   XML (GraphML)    rg_escape_xml_clean   drops what XML 1.0 cannot carry;
 *                                          libxml2's writer escapes the rest
 *   Graphviz label   rg_escape_label       & < > " ' as entities, every
 *                                          control (newline too) a space
 *   terminal         rg_escape_terminal    controls shown, never obeyed: ESC,
 *                                          BEL... as control pictures (U+241B,
 *                                          U+2407), DEL U+2421, C1 U+FFFD; tab,
 *                                          LF, CR a space
 *   spreadsheet cell rg_escape_cell        a leading = + - @ (or their
 *                                          full-width forms, tab, CR) gets a
 *                                          ' in front, so no formula is made
 * Every function maps invalid UTF-8 bytes to U+FFFD and C0 control characters
 * other than tab and newline to a space (HTML, XML) so the output is always
 * well-formed. NULL input is treated as "". */
#ifndef RG_ESCAPE_H
#define RG_ESCAPE_H

#include <stdio.h>

/* Write s as HTML text content. */
void rg_escape_html_text(FILE *out, const char *s);
/* Write s as the value of a double-quoted HTML attribute. */
void rg_escape_html_attr(FILE *out, const char *s);

/* Write JSON text (as produced by jansson) so that it is inert inside
 * <script type="application/json">: every < > & becomes \u003c \u003e
 * \u0026 and U+2028/U+2029 become \u2028/\u2029. These bytes can occur only
 * inside JSON strings, so the result is the same JSON value, and neither
 * "</script" nor "<!--" can appear in it. */
void rg_escape_script_json(FILE *out, const char *json);

/* A malloc'd copy of s that XML 1.0 accepts: invalid UTF-8 -> U+FFFD, C0
 * controls other than tab/newline/CR -> space, U+FFFE/U+FFFF -> U+FFFD.
 * The caller frees it. */
char *rg_escape_xml_clean(const char *s);

/* A malloc'd copy of s for the text of a Graphviz HTML-like label (an XML
 * fragment): & < > " ' as entities, invalid UTF-8 and U+FFFE/U+FFFF ->
 * U+FFFD, every control character (newline, tab, DEL too) -> space, since a
 * label wraps itself. The caller frees it. */
char *rg_escape_label(const char *s);

/* Write s for a terminal (table output, check's lines, error messages): a
 * control character is replaced by something visible, so a name cannot move
 * the cursor, ring the bell or rewrite the screen. C0 controls other than
 * tab, LF, CR become their control pictures (ESC -> U+241B, BEL -> U+2407),
 * DEL becomes U+2421, C1 controls (U+0080-U+009F, CSI among them) U+FFFD,
 * tab, LF and CR a space (a row stays one line). */
void rg_escape_terminal(FILE *out, const char *s);
/* The same as a malloc'd string. The caller frees it. */
char *rg_escape_terminal_dup(const char *s);

/* 1 when a spreadsheet would read s as a formula: it begins with = + - @,
 * tab, CR, or the full-width ＝ ＋ － ＠. */
int rg_escape_is_formula_like(const char *s);
/* A malloc'd copy of s for a CSV cell: "'" + s when rg_escape_is_formula_like,
 * else s unchanged. The caller frees it. */
char *rg_escape_cell(const char *s);

/* A malloc'd part of a file name made from s, the same on every system that
 * keeps Unicode names (Linux, macOS, Windows): letters, digits and marks of
 * any script (utf8proc's categories L, N, M) and - _ . ( ) are kept; any run
 * of other characters (space, / \ : * ? " < > | #, %, controls, other
 * punctuation and symbols, invalid bytes) becomes one _; _ and . are trimmed
 * from both ends; at most max_bytes bytes, cut between characters. May be
 * "" (the caller picks another name). 市商务局 stays 市商务局; "a/b c" is
 * a_b_c; "../x" is x. */
char *rg_escape_file_name(const char *s, size_t max_bytes);

#endif
