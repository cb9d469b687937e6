/* text.h - the small text rules every reader shares: white space, trimming,
 * the words that mean "no unit", and Chinese numerals.
 *
 * One copy each, so the text layout, the unit lists and the spreadsheet rows
 * agree (they used to strip different white space, know 12 or 9 spellings of
 * "none", and accept 〇 in text plans but not in CSV). Strings are UTF-8;
 * nothing here allocates except rg_trim_dup. */
#ifndef RG_TEXT_H
#define RG_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* Bytes of the white-space character at p, 0 if none: ASCII space, tab,
 * CR, LF, VT, FF, the ideographic space U+3000, the no-break space U+00A0
 * and the byte-order mark U+FEFF (Word and Excel leave both in cells). */
size_t rg_space_len(const char *p);

/* Remove white space (rg_space_len) from both ends of s, in place. */
void rg_trim(char *s);
/* The same for s of len bytes (its strlen, known to the caller). */
void rg_trim_len(char *s, size_t len);
/* A malloc'd copy of s without surrounding white space. */
char *rg_trim_dup(const char *s);
/* 1 when s is empty or only white space. */
int rg_is_blank(const char *s);

/* 1 when s, without surrounding white space, names no unit: empty, 无, 空,
 * 暂无, a dash (-, --, —, ——, – en dash), /, n/a or N/A. Callers NFKC the
 * text first when it may hold full-width forms (－ becomes -). */
int rg_means_none(const char *s);

/* Brackets: ( [ 〔 《 “ 【 open and ) ] 〕 》 ” 】 close (after NFKC, （ and ）
 * are ( and )). At a bracket, rg_bracket_step moves *depth (+1 for an
 * opening one, -1 for a closing one but never below 0) and returns the
 * bracket's bytes; elsewhere it returns 0. The readers cut unit lists,
 * clauses and notes only at depth 0. */
size_t rg_bracket_step_at(const char *p, int *depth);
/* 1 at the bytes a bracket starts with: ( ) [ ] E2 E3. */
extern const unsigned char rg_bracket_first[256];
static inline size_t rg_bracket_step(const char *p, int *depth) {
  /* one table look-up inline, since the readers call this at every byte
   * of every list */
  if (!rg_bracket_first[(unsigned char)*p]) return 0;
  return rg_bracket_step_at(p, depth);
}

/* NFKC-normalise len bytes of UTF-8 into a malloc'd string; NULL when the
 * bytes are not valid UTF-8. Full-width forms become ASCII (（市） -> (市),
 * ：-> :), so names compare equal whatever width the office typed; invisible
 * characters (rg_invisible_count) are removed. A copy
 * when every character is printable ASCII, a CJK ideograph or 、。“”. */
char *rg_nfkc(const char *s, size_t len);
/* 1 when rg_nfkc(s, len) is a plain copy of s (the characters above only):
 * a reader may then read s itself. */
int rg_nfkc_is_copy(const char *s, size_t len);
/* rg_nfkc_is_copy with blocks of at most width bytes (0: a byte at a time;
 * 16: SSE2; 32: AVX2 where the processor has it): the same answer, each
 * scan for the tests. */
int rg_nfkc_is_copy_by(const char *s, size_t len, int width);

/* The invisible characters in s[0..len) that rg_nfkc removes (Unicode's
 * default-ignorable code points: zero-width space, non-joiner and joiner
 * U+200B-U+200D, word joiner U+2060, U+FEFF, the bidirectional controls
 * U+200E U+200F U+202A-U+202E U+2066-U+2069, soft hyphen, variation
 * selectors): their number, the first in *first (may be NULL). Readers
 * warn ([invisible-char]) with the line where they meet one, since a name
 * that holds one looks like another name but would not have been it. */
int rg_invisible_count(const char *s, size_t len, int32_t *first);

/* rg_nfkc, and rg_invisible_count of s[0..len) counted in the same walk
 * (*invisible, *first as there; first may be NULL). When the bytes are not
 * valid UTF-8 (NULL), the count is still rg_invisible_count's. */
char *rg_nfkc_count(const char *s, size_t len, int *invisible, int32_t *first);
/* The same into *buf (room *room, grown as needed; the caller's to keep
 * from call to call and free): the bytes written (before the NUL), or -1
 * when the bytes are not valid UTF-8 (*buf then holds nothing of use). */
int rg_nfkc_into(const char *s, size_t len, char **buf, size_t *room, int *invisible,
                 int32_t *first);

/* Bytes of the run of Chinese numerals at s (零 〇 一 二 三 四 五 六 七 八
 * 九 十 百), 0 if s does not start with one: 一、 二十三、 (一〇) 一百零五. */
size_t rg_cn_numeral_len(const char *s);

#endif
