/* items.h - item numbers as offices and OCR type them.
 *
 * The text layout (text_parser.c) reads 1. 1、 (1) 1) as task numbers and
 * 一、 (一) as headings. The same numbers are also typed with a space
 * before the separator, with spaces inside the parentheses, as circled
 * numbers or as articles (第2条). Where such a variant can only be an item
 * number it is read as one (rg_item_respace, rg_item_circled,
 * rg_item_article); where a line only looks like one (2, 2: 2。 2- 2.1…) it
 * is reported as [unread-item] (rg_item_lookalike), so no numbered item is
 * lost in silence. Every function looks at the start of the line only:
 * O(1) per line, beyond the copy. */
#ifndef RG_ITEMS_H
#define RG_ITEMS_H

#include <stddef.h>

/* s is a line after NFKC and trimming. When it starts with an item number
 * typed with spaces inside it - "2 .x", "2 、x", "2 )x", "( 2 )x", "一 、x",
 * "( 一 )x" - the line with those spaces removed ("2.x", "(2)x"), malloc'd;
 * else NULL. */
char *rg_item_respace(const char *s);

/* text is a raw line (before NFKC: NFKC turns ① into a bare 1). When it
 * starts (after white space) with a circled number - ①-⑳ ㉑-㉟ ㊱-㊿ ❶-❿
 * ⓫-⓴ ⓵-⓾ ➀-➉ ➊-➓ - the line with that number written "N.", malloc'd
 * (len bytes in *out_len); else NULL. */
char *rg_item_circled(const char *text, size_t len, size_t *out_len);

/* s is a line after NFKC and trimming. When it starts with an article
 * number 第N条 (N in digits or Chinese numerals) followed by text that is
 * not a further reference (第2条第3款), the number (malloc'd: "2", "十二")
 * and *rest set past the number and its spaces; else NULL. */
char *rg_item_article(const char *s, const char **rest);

/* s is a line after NFKC and trimming that the text layout did not read as
 * numbered. When it starts like a numbered item all the same - digits then
 * a separator no plan uses for items (2, 2: 2; 2。 2- 2— 2 ,), a decimal
 * sub-item without a space (2.1稳定…, but not a quantity: 1.5万人), an
 * item number with nothing after it (2. alone), or 第N条 alone - the
 * number and separator as printed, malloc'd ("2,", "2.1"); else NULL. */
char *rg_item_lookalike(const char *s);

#endif
