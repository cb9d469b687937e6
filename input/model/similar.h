/* similar.h - how alike two texts are: character-bigram Jaccard.
 *
 * The one text similarity of respgraph: a task repeated in two plans of one
 * run (merge.h), a task carried over from last year's plan and a renamed
 * unit (the compare command) are all found with it.
 *
 * Normalisation: only letters and digits count (Unicode categories L and N,
 * so punctuation, spaces and symbols are dropped: "（一）推进，改革。" reads
 * 一推进改革), ASCII letters are lower-cased. The text is then the set of
 * its distinct character bigrams (adjacent code point pairs); a text of one
 * character is that character alone. score(a, b) = |A ∩ B| / |A ∪ B|, 0 when
 * both are empty: 1 for the same text however punctuated, 0 for texts
 * without a common bigram.
 *
 * Example: 加快建设数字政府 and 加快数字政府建设 share 加快 建设 数字 字政 政府
 * of their 7 + 7 bigrams: 5 / 9 = 0.556.
 *
 * Cost: rg_bigrams_of O(n log n) in the text's length; rg_bigrams_jaccard
 * O(|A| + |B|). No global state. */
#ifndef RG_SIMILAR_H
#define RG_SIMILAR_H

#include <stdint.h>

/* The threshold of a task repeated in two plans of one run. */
#define RG_DUP_THRESHOLD 0.8
/* The threshold of a task carried over from the old plan to the new. */
#define RG_CARRY_THRESHOLD 0.5

typedef struct rg_bigrams {
  uint64_t *v; /* distinct bigrams (first << 32 | second), ascending */
  int n;
} rg_bigrams;

/* The bigram set of the NUL-terminated UTF-8 text s (NULL: empty). */
void rg_bigrams_of(const char *s, rg_bigrams *out);
void rg_bigrams_free(rg_bigrams *b);
/* Jaccard similarity of two sets, 0..1. */
double rg_bigrams_jaccard(const rg_bigrams *a, const rg_bigrams *b);
/* Can a and b be at least t similar? |A ∩ B| <= min and |A ∪ B| >= max of
 * the sizes, so not when min < t x max: the O(1) test that skips most pairs
 * of texts of unlike length before rg_bigrams_jaccard. */
int rg_bigrams_may_reach(const rg_bigrams *a, const rg_bigrams *b, double t);
/* The same for two texts. */
double rg_text_similarity(const char *a, const char *b);

#endif
