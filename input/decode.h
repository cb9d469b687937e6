/* decode.h - raw input bytes to UTF-8 text: BOMs, HTML charset declarations, GB18030.
 *
 * Rules, in order (NOTES.md gives an example of each):
 *   1. A byte-order mark decides: EF BB BF = UTF-8, FF FE = UTF-16LE,
 *      FE FF = UTF-16BE. The BOM is dropped.
 *   2. Otherwise a NUL byte, or control characters making up more than 1/8
 *      of the first 4 KiB, mean binary data: "binary data, not a plan".
 *   3. Bytes that are valid UTF-8 are UTF-8, even when an HTML page declares
 *      another charset (a page re-encoded to UTF-8 often keeps a stale
 *      <meta charset=gb2312>; legacy Chinese bytes are practically never valid
 *      UTF-8).
 *   4. An HTML page (rg_detect_html) whose <meta charset> or http-equiv
 *      content in the first 1024 bytes names an encoding is decoded with it,
 *      labels mapped as the WHATWG Encoding Standard maps them: gb2312, gbk,
 *      x-gbk, chinese, csgb2312, gb_2312-80, iso-ir-58 ... and gb18030 are
 *      decoded as GB18030 (real "gb2312" pages contain GBK characters); big5,
 *      big5-hkscs, cn-big5, csbig5, x-x-big5 as BIG5-HKSCS (and, as the
 *      WHATWG gb18030 decoder does, a lone byte 0x80 is the euro sign). Undecodable
 *      sequences become U+FFFD, as browsers do, and are counted.
 *   5. Anything else is tried as GB18030; if that fails too the input is
 *      refused with the byte offset (and line) of the fault: "not valid UTF-8
 *      or GB18030 text (byte offset N)".
 *   6. Text that is empty or only white space after decoding is refused.
 * Line endings are kept. Conversion uses iconv; UTF-8 is validated with
 * utf8proc. O(len). */
#ifndef RG_DECODE_H
#define RG_DECODE_H

#include <stddef.h>

#include "error.h"

typedef struct rg_decoded {
  char *text;               /* UTF-8 without BOM, NUL-terminated (owned) */
  size_t len;               /* bytes in text, without the NUL */
  const char *encoding;     /* static: "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030", "BIG5-HKSCS" */
  const char *how;          /* static: "bom", "meta" (HTML declaration) or "sniffed" */
  size_t n_replaced;        /* undecodable sequences replaced by U+FFFD (declared encodings only) */
  size_t first_replaced;    /* byte offset in the input of the first of them */
  long first_replaced_line; /* its line (0 for UTF-16) */
  size_t map_len;           /* > 0: text is the file's mapping, taken (rg_decode_take) */
} rg_decoded;

/* Decode len bytes read from path (path is only used in messages). On
 * success out owns the text (rg_decoded_destroy). On failure out is empty and
 * err says why (RG_EINPUT; line = the line of the offending byte when known). */
rg_status rg_decode(const char *path, const char *bytes, size_t len, rg_decoded *out,
                    rg_error *err);
void rg_decoded_destroy(rg_decoded *d);
/* rg_decode of *bytes, the buffer of an rg_source (malloc'd, or mapped when
 * *map_len > 0) holding len bytes and a NUL: text already UTF-8 without a
 * BOM (most plans) is not copied: out takes the buffer, and *bytes and
 * *map_len become NULL and 0 (on failure too, the buffer then released).
 * Otherwise both stay the caller's. */
/* threads: 1, this thread alone; otherwise a big text's UTF-8 check runs
 * on two (the same answer). */
rg_status rg_decode_take(const char *path, char **bytes, size_t *map_len, size_t len, int threads,
                         rg_decoded *out, rg_error *err);

/* Map an encoding label as the WHATWG Encoding Standard does (case and
 * surrounding white space ignored) to the iconv name used here: "UTF-8",
 * "GB18030", "BIG5-HKSCS", "UTF-16LE", "UTF-16BE"; NULL for labels respgraph
 * does not decode (they are treated as undeclared). */
const char *rg_encoding_from_label(const char *label);

/* The charset declared by an HTML page's <meta> in its first 1024 bytes
 * (parsed with libxml2), mapped by rg_encoding_from_label; NULL when none.
 * A declared UTF-16 means UTF-8 (WHATWG: a meta cannot declare UTF-16). */
const char *rg_html_declared_encoding(const char *bytes, size_t len);

/* 1 when len bytes are valid UTF-8; else 0 and *bad = offset of the first
 * invalid sequence (bad may be NULL). */
int rg_utf8_valid(const char *s, size_t len, size_t *bad);
/* The same, the second half on another thread when len is big and threads
 * is not 1 (UTF-8 resynchronises at the first character after the middle:
 * the first bad byte is the first half's, else the second's). */
int rg_utf8_valid_threads(const char *s, size_t len, size_t *bad, int threads);

#endif
