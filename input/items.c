/* items.c - item numbers as offices and OCR type them (items.h). */
#include "items.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "strutil.h"
#include "text.h"
#include "utf8.h"

static size_t ascii_digits(const char *s) {
  size_t n = 0;
  while (s[n] >= '0' && s[n] <= '9')
    n++;
  return n;
}

/* Spaces after NFKC (U+3000 is a space by then). */
static size_t spaces(const char *s) {
  size_t n = 0;
  while (s[n] == ' ' || s[n] == '\t')
    n++;
  return n;
}

/* Bytes of a number at s: ASCII digits (at most 9), else Chinese numerals
 * when cn allows them; 0 when none. */
static size_t number_len(const char *s, int cn) {
  size_t n = ascii_digits(s);
  if (n) return n <= 9 ? n : 0;
  return cn ? rg_cn_numeral_len(s) : 0;
}

static char *join3(const char *a, size_t na, const char *b, const char *c) {
  size_t nb = strlen(b), nc = strlen(c);
  char *r = rg_xmalloc(na + nb + nc + 1);
  memcpy(r, a, na);
  memcpy(r + na, b, nb);
  memcpy(r + na + nb, c, nc + 1);
  return r;
}

char *rg_item_respace(const char *s) {
  size_t n;
  if (s[0] == '(') {
    /* ( 2 )x  ( 一 )x */
    size_t i = 1 + spaces(s + 1);
    if (!(n = number_len(s + i, 1))) return NULL;
    size_t sp = spaces(s + i + n);
    if (s[i + n + sp] != ')' || (i == 1 && sp == 0) || !s[i + n + sp + 1]) return NULL;
    char head[40];
    snprintf(head, sizeof head, "(%.*s)", (int)n, s + i);
    return join3(head, strlen(head), "", s + i + n + sp + 1);
  }
  /* 2 .x  2 、x  2 )x  一 、x */
  if (!(n = number_len(s, 1))) return NULL;
  size_t sp = spaces(s + n);
  if (!sp) return NULL;
  const char *sep = s + n + sp;
  int digits = s[0] >= '0' && s[0] <= '9';
  size_t k = starts(sep, "、") ? 3 : digits && (*sep == '.' || *sep == ')') ? 1 : 0;
  if (!k || !sep[k]) return NULL;
  char head[48];
  snprintf(head, sizeof head, "%.*s%.*s", (int)n, s, (int)k, sep);
  return join3(head, strlen(head), "", sep + k);
}

/* The number a circled character stands for, 0 if cp is none. */
static int circled_value(int32_t cp) {
  static const struct {
    int32_t first, last;
    int value;
  } ranges[] = {
      {0x2460, 0x2473, 1},  /* ①-⑳ */
      {0x3251, 0x325F, 21}, /* ㉑-㉟ */
      {0x32B1, 0x32BF, 36}, /* ㊱-㊿ */
      {0x2776, 0x277F, 1},  /* ❶-❿ */
      {0x24EB, 0x24F4, 11}, /* ⓫-⓴ */
      {0x24F5, 0x24FE, 1},  /* ⓵-⓾ */
      {0x2780, 0x2789, 1},  /* ➀-➉ */
      {0x278A, 0x2793, 1},  /* ➊-➓ */
  };
  for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++)
    if (cp >= ranges[i].first && cp <= ranges[i].last)
      return ranges[i].value + (int)(cp - ranges[i].first);
  return 0;
}

char *rg_item_circled(const char *text, size_t len, size_t *out_len) {
  size_t i = 0, w;
  /* white space first; rg_space_len reads at most 3 bytes */
  while (i + 3 <= len && (w = rg_space_len(text + i)))
    i += w;
  while (i < len && (text[i] == ' ' || text[i] == '\t'))
    i++;
  /* every circled number is 3 bytes in UTF-8 */
  if (i + 3 > len || rg_utf8_seq_len((unsigned char)text[i]) != 3) return NULL;
  size_t n;
  int value = circled_value(rg_utf8_next(text + i, &n));
  if (!value || n != 3) return NULL;
  i += 3;
  /* ② 稳定  ②.稳定  ②、稳定: the separator some offices add */
  while (i < len && (text[i] == ' ' || text[i] == '\t'))
    i++;
  if (i < len && text[i] == '.')
    i++;
  else if (i + 3 <= len && (!memcmp(text + i, "、", 3) || !memcmp(text + i, "．", 3)))
    i += 3;
  if (i >= len) return NULL;
  char head[16];
  int h = snprintf(head, sizeof head, "%d.", value);
  char *r = rg_xmalloc((size_t)h + (len - i) + 1);
  memcpy(r, head, (size_t)h);
  memcpy(r + h, text + i, len - i);
  r[(size_t)h + len - i] = '\0';
  *out_len = (size_t)h + len - i;
  return r;
}

char *rg_item_article(const char *s, const char **rest) {
  /* 第2条 推进…  第十二条：推进… ; not 第2条第3款, 第2条规定的… */
  static const char *const reference[] = {"第", "规定", "所", "中", "的", "之", "款", "项",
                                          "至", "和",   "及", "、", ",",  "。", NULL};
  if (!starts(s, "第")) return NULL;
  size_t i = 3 + spaces(s + 3), n = number_len(s + i, 1);
  if (!n) return NULL;
  size_t j = i + n + spaces(s + i + n);
  if (!starts(s + j, "条")) return NULL;
  const char *r = s + j + 3;
  r += spaces(r);
  if (*r == ':' || *r == '.') r++;
  r += spaces(r);
  if (!*r || starts_any(r, reference)) return NULL;
  *rest = r;
  char *num = rg_xmalloc(n + 1);
  memcpy(num, s + i, n);
  num[n] = '\0';
  return num;
}

/* What may follow a decimal number that is a quantity, not a sub-item
 * number: 1.5万人, 2.3倍, 0.8公里, 3.5亿元. Only units of measure that no
 * task text starts with (not 升 of 升级, 平 of 平台, 人 of 人才): a quantity
 * taken for an item is a warning, an item taken for a quantity is lost. */
static const char *const quantity[] = {"万",   "亿",   "倍",   "元",   "吨",     "米",   "亩",
                                       "个",   "千",   "兆",   "毫",   "厘",     "公里", "公顷",
                                       "公斤", "平方", "小时", "人次", "百分点", NULL};

char *rg_item_lookalike(const char *s) {
  const char *rest;
  size_t n;
  if (starts(s, "第") && (n = number_len(s + 3 + spaces(s + 3), 1))) {
    /* 第2条 alone: its text is on the next line */
    const char *e = s + 3 + spaces(s + 3) + n;
    e += spaces(e);
    if (starts(e, "条") && !e[3 + spaces(e + 3)]) return rg_xstrdup(s);
    return NULL;
  }
  if (s[0] == '(' && (n = number_len(s + 1, 0)) && s[1 + n] == ')' && !s[2 + n])
    return rg_xstrdup(s); /* (2) alone */
  n = ascii_digits(s);
  if (!n || n > 3) return NULL;
  size_t sp = spaces(s + n);
  const char *sep = s + n + sp;
  static const char *const seps[] = {",", ":", ";", "。", "-", "—", "–", "~", ".", "、", ")", NULL};
  size_t k = 0;
  for (int i = 0; seps[i] && !k; i++)
    if (starts(sep, seps[i])) k = strlen(seps[i]);
  if (!k) return NULL;
  rest = sep + k + spaces(sep + k);
  if (!*rest) return rg_xstrdup(s); /* 2. alone, 2- alone */
  if (*rest >= '0' && *rest <= '9') {
    /* 2,000  2:30  2-3月 are numbers; 2.1稳定… is a sub-item, 1.5万人 not */
    if (sp || *sep != '.') return NULL;
    const char *q = rest;
    while ((*q >= '0' && *q <= '9') || (*q == '.' && q[1] >= '0' && q[1] <= '9'))
      q++;
    if ((unsigned char)*q < 0xE4 || starts_any(q, quantity)) return NULL;
    char *num = rg_xmalloc((size_t)(q - s) + 1);
    memcpy(num, s, (size_t)(q - s));
    num[q - s] = '\0';
    return num;
  }
  char *num = rg_xmalloc(n + sp + k + 1);
  memcpy(num, s, n + sp + k);
  num[n + sp + k] = '\0';
  return num;
}
