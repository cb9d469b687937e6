/* notes.c - role words, connectors and labels in notes, cells and prose
 * (see notes.h). Each text is scanned once at every character boundary
 * against fixed word lists; a candidate connector or prose subject is
 * checked by parsing the short list it would introduce. */
#include "notes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "headers.h"
#include "reading.h"
#include "strutil.h"
#include "text.h"
#include "utf8.h"
#include "vocab.h"

/* ------------------------------------------------------------ helpers */

/* dst = a + b, cut to size (no printf: this runs for every list). */
static void join2(char *dst, size_t size, const char *a, const char *b) {
  size_t n = strlen(a), m = strlen(b);
  if (n >= size) n = size - 1;
  memcpy(dst, a, n);
  if (m >= size - n) m = size - n - 1;
  memcpy(dst + n, b, m);
  dst[n + m] = '\0';
}

static void seg_push(rg_duty *d, const char *s, size_t n, rg_role_class cls, const char *why) {
  /* strip separators and 由/并 around the list */
  for (;;) {
    if (n && (*s == ',' || *s == ';' || *s == ' ' || *s == ':')) {
      s++;
      n--;
      continue;
    }
    if (n >= 3 && (starts(s, "、") || starts(s, "由") || starts(s, "并") || starts(s, "。"))) {
      s += 3;
      n -= 3;
      continue;
    }
    break;
  }
  while (n && (s[n - 1] == ',' || s[n - 1] == ';' || s[n - 1] == ' ' || s[n - 1] == ':'))
    n--;
  while (n >= 3 && (!memcmp(s + n - 3, "、", 3) || !memcmp(s + n - 3, "。", 3)))
    n -= 3;
  /* an adverb before the role word: 国家发展改革委、财政部分别牵头 (each leads
   * its own part), 共同负责, 各自负责 */
  static const char *const ADV[] = {"分别", "共同", "各自", "均", NULL};
  for (int i = 0; ADV[i]; i++) {
    size_t a = strlen(ADV[i]);
    if (n > a + 3 && !memcmp(s + n - a, ADV[i], a)) {
      n -= a;
      break;
    }
  }
  if (!n) return;
  RG_GROW(d->seg, d->cap, (size_t)d->n + 1);
  rg_duty_seg *g = &d->seg[d->n++];
  g->units = dupn(s, n);
  g->len = n;
  g->cls = cls;
  g->clause = d->clause;
  join2(g->why, sizeof g->why, why, "");
  if (cls == RG_CLS_LEAD) d->has_lead = 1;
}

/* ------------------------------------------------------------- labels */

enum { LBL_NONE = 0, LBL_UNITS, LBL_DEADLINE, LBL_PERSON, LBL_OTHER, LBL_UNKNOWN };

static int label_kind_rules(const char *word, rg_role_class *cls);

static int label_kind(const char *word, rg_role_class *cls) {
  /* the labels nearly every plan uses, read as the general rules below read
   * them (test_reading.c checks both ways): one compare each instead of a
   * dozen word searches per label line */
  static const struct {
    const char *w;
    rg_role_class cls;
  } COMMON[] = {
      {"牵头单位", RG_CLS_LEAD},    {"责任单位", RG_CLS_RESP},    {"配合单位", RG_CLS_SUPPORT},
      {"牵头部门", RG_CLS_LEAD},    {"责任部门", RG_CLS_RESP},    {"配合部门", RG_CLS_SUPPORT},
      {"协办单位", RG_CLS_SUPPORT}, {"参与单位", RG_CLS_SUPPORT}, {NULL, RG_CLS_SUPPORT}};
  for (int i = 0; COMMON[i].w; i++)
    if (!strcmp(word, COMMON[i].w)) {
      *cls = COMMON[i].cls;
      return LBL_UNITS;
    }
  return label_kind_rules(word, cls);
}

static int label_kind_rules(const char *word, rg_role_class *cls) {
  rg_header_class h = rg_header_classify(word);
  static const char *const SUP[] = {"配合", "协办", "协同", "参与", "协助",
                                    "支持", "协作", "会同", NULL};
  switch (h) {
  case RG_HDR_LEAD:
    *cls = RG_CLS_LEAD;
    return LBL_UNITS;
  case RG_HDR_SUPPORT:
    *cls = strstr(word, "责任") && !has_any(word, SUP) ? RG_CLS_RESP : RG_CLS_SUPPORT;
    return LBL_UNITS;
  case RG_HDR_SHARED:
    *cls = strstr(word, "指导") ? RG_CLS_GUIDE : RG_CLS_SHARED;
    return LBL_UNITS;
  case RG_HDR_MIXED:
    *cls = RG_CLS_MIXED;
    return LBL_UNITS;
  case RG_HDR_PERSON:
    return LBL_PERSON;
  case RG_HDR_DEADLINE:
    return LBL_DEADLINE;
  case RG_HDR_OTHER:
  case RG_HDR_ID:
  case RG_HDR_TASK:
  case RG_HDR_CHAPTER:
  case RG_HDR_SECTION:
    return ends(word, "单位") || ends(word, "部门") ? LBL_UNKNOWN : LBL_OTHER;
  default:
    return ends(word, "单位") || ends(word, "部门") ? LBL_UNKNOWN : LBL_NONE;
  }
}

int rg_duty_label_class(const char *word) {
  rg_role_class cls = RG_CLS_SUPPORT;
  return label_kind(word, &cls) == LBL_UNITS ? (int)cls : -1;
}

int rg_duty_label_class_by_rules(const char *word) {
  rg_role_class cls = RG_CLS_SUPPORT;
  return label_kind_rules(word, &cls) == LBL_UNITS ? (int)cls : -1;
}

/* Room for a label word: at most 10 characters of three bytes, and NUL. */
enum { LABEL_WORD = 32 };

/* A label at p (p at a word boundary): 2-10 CJK characters, optional
 * spaces, ':'. Returns its kind and sets word (NUL-terminated; the
 * caller's room, no allocation: this runs at every boundary of every
 * label line) and *skip (bytes up to and including the colon). */
static int label_here(const char *p, char word[LABEL_WORD], size_t *skip, rg_role_class *cls) {
  const char *q = p;
  int chars = 0;
  while (chars < 10 && (unsigned char)q[0] >= 0xE4 && (unsigned char)q[0] <= 0xE9 && q[1] && q[2]) {
    q += 3;
    chars++;
  }
  if (chars < 2) return LBL_NONE;
  const char *c = q;
  while (*c == ' ')
    c++;
  if (*c != ':') {
    /* 牵头单位为市发展改革委: a unit label followed by 为 */
    for (const char *w = p + 6; w < q; w += 3) {
      if (!starts(w, "为")) continue;
      memcpy(word, p, (size_t)(w - p));
      word[w - p] = '\0';
      rg_role_class k;
      /* a label word, not a rule: 列第一位的责任单位为牵头单位 is no label */
      int ok = (ends(word, "单位") || ends(word, "部门")) && !strstr(word, "的") &&
               !strstr(word, "第") && !strstr(word, "首") && label_kind(word, &k) == LBL_UNITS;
      if (ok) {
        *cls = k;
        *skip = (size_t)(w + 3 - p);
        return LBL_UNITS;
      }
    }
    return LBL_NONE;
  }
  memcpy(word, p, (size_t)(q - p));
  word[q - p] = '\0';
  int k = label_kind(word, cls);
  if (k == LBL_NONE) return LBL_NONE;
  *skip = (size_t)(c + 1 - p);
  return k;
}

static inline int boundary_before(const char *start, const char *p) {
  if (p == start) return 1;
  char b = p[-1];
  if (b == ',' || b == ';' || b == ' ' || b == '(' || b == ':' || b == ')') return 1;
  return p - start >= 3 && (!memcmp(p - 3, "。", 3) || !memcmp(p - 3, "、", 3));
}

const char *rg_duty_find_label(const char *text) {
  /* a label ends in ':' or reads X单位为 (label_here): a text with neither
   * has none (most task texts; walking them was 4% of reading a big plan) */
  if (!strchr(text, ':') && !rg_strstr3(text, "为")) return NULL;
  int depth = 0;
  for (const char *p = text; *p; p += rg_utf8_char_len(p)) {
    if (rg_bracket_step(p, &depth)) continue; /* one character */
    if (depth || !boundary_before(text, p)) continue;
    char w[LABEL_WORD];
    size_t skip;
    rg_role_class cls;
    if (label_here(p, w, &skip, &cls) == LBL_UNITS) return p;
  }
  return NULL;
}

/* --------------------------------------------------------- role words */

typedef enum { W_SUFFIX = 1, W_INFIX = 2, W_BOTH = 3 } wpos;

typedef struct role_word {
  const char *w;
  wpos pos;
  rg_role_class suffix;      /* the class of the list before it, as a suffix */
  rg_role_class left, right; /* as a connector: the lists before and after */
} role_word;

/* Longest first where one word starts another. */
static const role_word WORDS[] = {
    {"牵头负责", W_SUFFIX, RG_CLS_LEAD, 0, 0},
    {"牵头落实", W_SUFFIX, RG_CLS_LEAD, 0, 0},
    {"牵头抓总", W_SUFFIX, RG_CLS_LEAD, 0, 0},
    {"牵头", W_SUFFIX, RG_CLS_LEAD, 0, 0},
    {"主办", W_SUFFIX, RG_CLS_LEAD, 0, 0},
    {"主责", W_SUFFIX, RG_CLS_LEAD, 0, 0},
    {"负总责", W_SUFFIX, RG_CLS_LEAD, 0, 0},
    {"按照职责分工负责", W_SUFFIX, RG_CLS_SHARED, 0, 0},
    {"按职责分工负责", W_SUFFIX, RG_CLS_SHARED, 0, 0},
    {"按照职能分工负责", W_SUFFIX, RG_CLS_SHARED, 0, 0},
    {"按职能分工负责", W_SUFFIX, RG_CLS_SHARED, 0, 0},
    {"按照各自职责负责", W_SUFFIX, RG_CLS_SHARED, 0, 0},
    {"按各自职责负责", W_SUFFIX, RG_CLS_SHARED, 0, 0},
    {"按照职责负责", W_SUFFIX, RG_CLS_SHARED, 0, 0},
    {"按职责负责", W_SUFFIX, RG_CLS_SHARED, 0, 0},
    {"按照职责分工落实", W_SUFFIX, RG_CLS_SHARED, 0, 0},
    {"按职责分工落实", W_SUFFIX, RG_CLS_SHARED, 0, 0},
    {"分工负责", W_SUFFIX, RG_CLS_SHARED, 0, 0},
    {"分别负责", W_SUFFIX, RG_CLS_SHARED, 0, 0},
    {"各负其责", W_SUFFIX, RG_CLS_SHARED, 0, 0},
    {"共同负责", W_SUFFIX, RG_CLS_SHARED, 0, 0},
    {"结合实际落实", W_SUFFIX, RG_CLS_SUPPORT, 0, 0},
    {"负责落实", W_SUFFIX, RG_CLS_SUPPORT, 0, 0},
    {"抓好落实", W_SUFFIX, RG_CLS_SUPPORT, 0, 0},
    {"组织落实", W_SUFFIX, RG_CLS_SUPPORT, 0, 0},
    {"负责", W_SUFFIX, RG_CLS_SHARED, 0, 0},
    {"落实", W_SUFFIX, RG_CLS_SUPPORT, 0, 0},
    {"参与", W_SUFFIX, RG_CLS_SUPPORT, 0, 0},
    {"支持", W_SUFFIX, RG_CLS_SUPPORT, 0, 0},
    {"协办", W_SUFFIX, RG_CLS_SUPPORT, 0, 0},
    {"会同", W_INFIX, 0, RG_CLS_LEAD, RG_CLS_SUPPORT},
    {"联合", W_INFIX, 0, RG_CLS_LEAD, RG_CLS_SUPPORT},
    {"会商", W_INFIX, 0, RG_CLS_LEAD, RG_CLS_SUPPORT},
    {"联同", W_INFIX, 0, RG_CLS_LEAD, RG_CLS_SUPPORT},
    /* 指导: the units supervise; they are responsible only when nothing in
     * the note leads (民政部牵头，国家卫生健康委指导 → the guide supports) */
    {"指导", W_BOTH, RG_CLS_GUIDE, RG_CLS_GUIDE, RG_CLS_SUPPORT},
    {"督促", W_BOTH, RG_CLS_LEAD, RG_CLS_LEAD, RG_CLS_SUPPORT},
    {"协同", W_BOTH, RG_CLS_SUPPORT, RG_CLS_LEAD, RG_CLS_SUPPORT},
    {"配合", W_BOTH, RG_CLS_SUPPORT, RG_CLS_SUPPORT, RG_CLS_LEAD},
    {"协助", W_BOTH, RG_CLS_SUPPORT, RG_CLS_SUPPORT, RG_CLS_LEAD},
    {NULL, 0, 0, 0, 0},
};

/* Does a role word start with the character at p (one of the first
 * characters of WORDS: 牵主负按分各共结抓组落参支协会联指督配)? One switch
 * on the code point instead of a compare per candidate: this runs at
 * every character of every unit list. */
static inline int role_first(const char *p) {
  const unsigned char *u = (const unsigned char *)p;
  if (u[0] < 0xE0 || u[0] > 0xEF || (u[1] & 0xC0) != 0x80 || (u[2] & 0xC0) != 0x80) return 0;
  unsigned c = (unsigned)(u[0] & 0x0F) << 12 | (unsigned)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
  switch (c) {
  case 0x7275: /* 牵 */
  case 0x4E3B: /* 主 */
  case 0x8D1F: /* 负 */
  case 0x6309: /* 按 */
  case 0x5206: /* 分 */
  case 0x5404: /* 各 */
  case 0x5171: /* 共 */
  case 0x7ED3: /* 结 */
  case 0x6293: /* 抓 */
  case 0x7EC4: /* 组 */
  case 0x843D: /* 落 */
  case 0x53C2: /* 参 */
  case 0x652F: /* 支 */
  case 0x534F: /* 协 */
  case 0x4F1A: /* 会 */
  case 0x8054: /* 联 */
  case 0x6307: /* 指 */
  case 0x7763: /* 督 */
  case 0x914D: /* 配 */
    return 1;
  default:
    return 0;
  }
}

static inline const role_word *word_at(const char *p) {
  if (!role_first(p)) return NULL;
  for (const role_word *w = WORDS; w->w; w++)
    if (starts(p, w->w)) return w;
  return NULL;
}

/* Is p the end of a list's role: the end of the text, a separator or
 * another role word? (负责人, 指导中心 are names.) */
static int suffix_boundary(const char *p) {
  if (!*p || *p == ',' || *p == ';' || *p == ')' || *p == ' ' || *p == '.') return 1;
  if (starts(p, "。") || starts(p, "、")) return 1;
  const role_word *w = word_at(p);
  return w != NULL;
}

/* Does an item read from a list look like a unit (or a set of units)? */
static int item_ok(const rg_unit_item *it) {
  if (it->kind == RG_KIND_UNIT) return rg_vocab_is_body(it->name) && !rg_vocab_is_person(it->name);
  return rg_vocab_is_set_name(it->name) && !strstr(it->name, "牵头") && !strstr(it->name, "第一");
}

/* Does the text [p, e) parse as a list of units, every one of them ok? */
static int list_ok(const char *p, size_t n) {
  if (!n || n > 600) return 0;
  rg_unit_list l;
  rg_unitlist_parse(p, n, &l);
  int ok = l.n > 0;
  for (int i = 0; i < l.n && ok; i++)
    ok = item_ok(&l.items[i]);
  rg_unitlist_destroy(&l);
  return ok;
}

/* The end of the list after a connector at p: the next separator or role
 * word at depth 0. */
static const char *list_end(const char *p) {
  int depth = 0;
  for (; *p; p += rg_utf8_char_len(p)) {
    if (rg_bracket_step(p, &depth)) continue; /* one character */
    if (depth) continue;
    if (*p == ',' || *p == ';' || starts(p, "。")) return p;
    const role_word *w = word_at(p);
    if (w && (w->pos & W_SUFFIX ? suffix_boundary(p + strlen(w->w)) : 1)) return p;
  }
  return p;
}

static const char *subject_end(const char *s, const char *end);

/* Role segments of body (a clause list joined by ','), appended to d. */
static void role_segments(const char *body, rg_role_class deflt, const char *deflt_why,
                          rg_duty *d) {
  const char *start = body;
  int depth = 0, found = 0, right = 0;
  rg_role_class right_cls = RG_CLS_SUPPORT;
  char right_why[96] = "";
  size_t n;
  for (const char *p = body; *p;) {
    if ((n = rg_bracket_step(p, &depth))) {
      p += n;
      continue;
    }
    const role_word *w = depth ? NULL : word_at(p);
    if (!w) {
      p += rg_utf8_char_len(p);
      continue;
    }
    const char *after = p + strlen(w->w);
    int infix = 0;
    const char *obj_end = NULL; /* the object ends before a verb: X联合Y开展… */
    if (w->pos & W_INFIX) {
      const char *e = list_end(after);
      infix = e > after && list_ok(after, (size_t)(e - after));
      if (!infix && e > after) {
        obj_end = subject_end(after, e);
        infix = obj_end != NULL;
      }
    }
    int suffix = !infix && (w->pos & W_SUFFIX) && suffix_boundary(after) && p > start;
    if (!infix && !suffix) {
      p += rg_utf8_char_len(p);
      continue;
    }
    char why[96];
    if (right) {
      /* X会同Y负责: the suffix closes the list after the connector */
      seg_push(d, start, (size_t)(p - start), right_cls, right_why);
      right = 0;
    } else if (suffix) {
      join2(why, sizeof why, "listed before ", w->w);
      seg_push(d, start, (size_t)(p - start), w->suffix, why);
    }
    if (infix) {
      if (p > start) {
        join2(why, sizeof why, "before ", w->w);
        seg_push(d, start, (size_t)(p - start), w->left, why);
      }
      right = 1;
      right_cls = w->right;
      join2(right_why, sizeof right_why, "after ", w->w);
    }
    found = 1;
    d->has_role = 1;
    p = after;
    start = p;
    if (obj_end) {
      /* X联合Y开展工作: Y, then skip the predicate to the end of the clause */
      seg_push(d, after, (size_t)(obj_end - after), right_cls, right_why);
      right = 0;
      const char *q = obj_end;
      while (*q && *q != ',' && *q != ';')
        q += rg_utf8_char_len(q);
      p = start = q;
    }
  }
  if (right) {
    seg_push(d, start, strlen(start), right_cls, right_why);
  } else if (*start) {
    /* units after the last role word support: (A牵头,B参与,C) */
    seg_push(d, start, strlen(start), found ? RG_CLS_SUPPORT : deflt,
             found ? "listed after the last role word" : deflt_why);
  }
}

/* --------------------------------------------------------- deadlines */

static const char *const DEADLINE_WORDS[] = {
    "持续推进", "长期坚持",   "持续实施", "持续开展", "逐步推进", "分步实施", "长期推进",
    "常态化",   "按年度推进", "年内",     "年底",     "底前",     "前完成",   "季度",
    "每年",     "定期",       "长期",     "持续",     "年度",     NULL};

static int is_deadline(const char *c) {
  static const char *const NAME[] = {"局", "委", "厅", "署", "办", "部", "院", "政府", NULL};
  if (has_any_cjk(c, NAME)) return 0;
  if (has_any_cjk(c, DEADLINE_WORDS)) return 1;
  /* 2024年6月, 6月底 */
  for (const char *p = c; *p; p++)
    if (*p >= '0' && *p <= '9' && (starts(p + 1, "年") || starts(p + 1, "月"))) return 1;
  return 0;
}

/* ------------------------------------------------------------- parse */

static void read_value_cut(const char *v, rg_role_class cls, const char *why, rg_duty *d);

static void add_rule(rg_duty *d, const char *text, const rg_rule *r) {
  RG_GROW(d->rules, d->cap_rules, (size_t)d->n_rules + 1);
  d->rules[d->n_rules].text = rg_xstrdup(text);
  d->rules[d->n_rules].rule = *r;
  d->n_rules++;
}

/* Does v hold a word that a rule in a parenthesis needs (第一位, 首位, 排在前面,
 * 排头, 列出)? */
static const char *const RULE_GROUP_WORDS[] = {"第", "首", "前面", "排头", "列出", NULL};

static int has_rule_group_word(const char *v) { return has_any_cjk(v, RULE_GROUP_WORDS); }

/* A parenthesis in a list that states a rule: 市发展改革委、市财政局(列第一位
 *的为牵头单位), 〔排在第一位的为牵头部门〕. Each is recorded in d and cut out;
 * returns the text left (malloc'd). */
static char *cut_rule_groups(const char *v, rg_duty *d) {
  char *out = rg_xstrdup(v); /* (read_value calls it only when v has a rule word) */
  int depth = 0;
  size_t open = 0, n;
  for (size_t i = 0; out[i];) {
    int was = depth;
    if ((n = rg_bracket_step(out + i, &depth))) {
      if (!was && depth == 1 && (out[i] == '(' || starts(out + i, "〔") || starts(out + i, "【"))) {
        open = i;
      } else if (was == 1 && !depth && i > open) {
        size_t olen = rg_utf8_char_len(out + open);
        char *inner = dupn(out + open + olen, i - open - olen);
        rg_rule r;
        if (rg_conv_scan(inner, &r)) {
          add_rule(d, inner, &r);
          memmove(out + open, out + i + n, strlen(out + i + n) + 1);
          free(inner);
          i = open;
          continue;
        }
        free(inner);
      }
      i += n;
      continue;
    }
    i += rg_utf8_char_len(out + i);
  }
  return out;
}

/* The units of one label value (or the unlabelled text): rule sentences
 * and deadlines cut out, the rest read into role segments. */
static void read_value(const char *v0, rg_role_class cls, const char *why, rg_duty *d,
                       const rg_duty_plain *plain) {
  size_t n;
  if (plain && plain->ok && *v0 && v0[(n = strlen(v0)) - 1] != ' ' &&
      !rg_phrases_in(&plain->set, v0, n)) {
    /* no word any rule below reads: what role_segments makes of a value
     * with no role word (most label values: 市财政局、市商务局) */
    seg_push(d, v0, n, cls, why);
    return;
  }
  if (!has_rule_group_word(v0)) { /* nothing to cut (the common case): no copy */
    read_value_cut(v0, cls, why, d);
    return;
  }
  char *vv = cut_rule_groups(v0, d);
  read_value_cut(vv, cls, why, d);
  free(vv);
}

static void read_value_cut(const char *v, rg_role_class cls, const char *why, rg_duty *d) {
  size_t len = strlen(v);
  /* one clause that holds no rule and no deadline (most label values and
   * cells: 市财政局、商务局等有关部门): straight to its role words */
  if (!strpbrk(v, ",;") && !rg_strstr3(v, "。")) {
    const char *mark = NULL;
    char *copy = NULL; /* only to trim spaces at the end */
    if (len && v[len - 1] == ' ') {
      copy = rg_xstrdup(v);
      size_t m = len;
      while (m && copy[m - 1] == ' ')
        copy[--m] = '\0';
    }
    const char *t = copy ? copy : v;
    int plain =
        *t && !(rg_conv_names_lead(t) && (rg_conv_is_first_leads(t) || rg_conv_marker(t, &mark))) &&
        !rg_conv_is_rule_tail(t) && strcmp(t, "下同") && !is_deadline(t) && !strstr(t, "列出");
    if (plain) role_segments(t, cls, why, d);
    free(copy);
    if (plain || !*v) return;
  }
  /* every clause kept is part of v and takes at most one ',' before it;
   * a sentence end may add one more: twice the length is enough */
  char *kept = rg_xmalloc(2 * len + 4);
  kept[0] = '\0';
  /* sentences end at 。 and ; (depth 0) */
  const char *s = v;
  while (*s) {
    const char *e = s;
    int depth = 0;
    size_t n;
    while (*e) {
      if ((n = rg_bracket_step(e, &depth))) {
        e += n;
        continue;
      }
      if (!depth && (*e == ';' || starts(e, "。"))) break;
      e += rg_utf8_char_len(e);
    }
    char *sentence = dupn(s, (size_t)(e - s));
    rg_rule r = {0};
    if (rg_conv_standing(sentence, &r)) {
      add_rule(d, sentence, &r);
    } else {
      /* clauses at depth-0 ',' */
      int in_rule = -1;   /* index of the rule being extended */
      int last_kept = -1; /* offset in kept of the last clause kept from this sentence */
      const char *c = sentence;
      while (*c) {
        const char *ce = c;
        int dep = 0;
        while (*ce) {
          if ((n = rg_bracket_step(ce, &dep))) {
            ce += n;
            continue;
          }
          if (!dep && *ce == ',') break;
          ce += rg_utf8_char_len(ce);
        }
        char *clause = dupn(c, (size_t)(ce - c));
        const char *mark = NULL;
        rg_rule rr = {0};
        int first = rg_conv_is_first_leads(clause);
        if (first || rg_conv_marker(clause, &mark)) {
          /* a condition just before the rule is part of it: 涉及多个部门的，
           * 排在前面的为牵头部门 */
          char *text = rg_xstrdup(clause);
          if (last_kept >= 0 && ends(kept + last_kept, "的") && !strstr(kept + last_kept, "局") &&
              !strstr(kept + last_kept, "委") && !strstr(kept + last_kept, "厅")) {
            char *t = rg_xmalloc(strlen(kept + last_kept) + strlen(clause) + 2);
            sprintf(t, "%s,%s", kept + last_kept, clause);
            free(text);
            text = t;
            kept[last_kept ? last_kept - 1 : 0] = '\0';
          }
          rr.kind = first ? RG_CONV_FIRST_LEADS : RG_CONV_MARKER;
          if (!first) rr.unit = rg_xstrdup(mark);
          add_rule(d, text, &rr);
          free(text);
          in_rule = d->n_rules - 1;
          last_kept = -1;
        } else if (in_rule >= 0 && rg_conv_is_rule_tail(clause)) {
          char *t = d->rules[in_rule].text;
          size_t a = strlen(t), b = strlen(clause);
          t = rg_xrealloc(t, a + b + 2);
          t[a] = ',';
          memcpy(t + a + 1, clause, b + 1);
          d->rules[in_rule].text = t;
        } else if (!strcmp(clause, "下同") || !strcmp(clause, "以下同")) {
          /* a scope word with no rule before it: nothing to read */
        } else if (*clause && is_deadline(clause)) {
          if (!d->deadline) d->deadline = rg_xstrdup(clause);
          in_rule = -1;
        } else if (*clause) {
          if (kept[0] && kept[strlen(kept) - 1] != ',') strcat(kept, ",");
          last_kept = (int)strlen(kept);
          strcat(kept, clause);
          in_rule = -1;
        }
        free(clause);
        c = ce;
        if (*c == ',') c++;
      }
    }
    free(sentence);
    s = e;
    if (*s == ';')
      s++;
    else if (starts(s, "。"))
      s += 3;
    if (*s && kept[0] && kept[strlen(kept) - 1] != ',') strcat(kept, ",");
  }
  size_t k = strlen(kept);
  while (k && kept[k - 1] == ',')
    kept[--k] = '\0';
  if (*kept) role_segments(kept, cls, why, d);
  free(kept);
}

/* p, when no label can start at p or after it (the text from p holds no
 * ':' and no 为), else NULL. */
static const char *labels_end(const char *p) {
  return strchr(p, ':') || rg_strstr3(p, "为") ? NULL : p;
}

/* Append w to p's words (n of them so far); p->ok falls when there is no room. */
static void plain_add(rg_duty_plain *p, int *n, const char *w) {
  if (*n < RG_DUTY_PLAIN_MAX)
    p->words[(*n)++] = w;
  else
    p->ok = 0;
}

void rg_duty_plain_init(rg_duty_plain *p) {
  int n = 0;
  static const char *const MORE[] = {",", ";", "。", "年", "月", "下同", NULL};
  const char *const *lists[] = {MORE, RULE_GROUP_WORDS, DEADLINE_WORDS};
  p->ok = 1; /* (else the room is too small for them: no value is read as plain) */
  for (size_t l = 0; l < sizeof lists / sizeof *lists; l++)
    for (int i = 0; lists[l][i]; i++)
      plain_add(p, &n, lists[l][i]);
  for (int i = 0; WORDS[i].w; i++)
    plain_add(p, &n, WORDS[i].w);
  int c = rg_conv_words(p->words + n, RG_DUTY_PLAIN_MAX - n);
  if (c < 0) p->ok = 0;
  p->words[c > 0 ? n + c : n] = NULL;
  rg_phrases_init(&p->set, p->words);
}

void rg_duty_parse(const char *text, rg_role_class deflt, const char *deflt_why, rg_duty *d) {
  rg_duty_parse_with(text, deflt, deflt_why, NULL, d);
}

void rg_duty_parse_with(const char *text, rg_role_class deflt, const char *deflt_why,
                        const rg_duty_plain *plain, rg_duty *d) {
  memset(d, 0, sizeof *d);
  /* label sections: [start, next label) has the class of the label before */
  const char *start = text, *p = text;
  rg_role_class cls = deflt;
  char why[96];
  join2(why, sizeof why, deflt_why ? deflt_why : "listed", "");
  int kind = LBL_UNITS, depth = 0;
  /* a label ends in ':' or reads X单位为 (label_here): from where the text
   * holds neither, no label follows, and the walk goes to the end (most
   * label lines: one label, then its list) */
  const char *bare = labels_end(p);
  for (;;) {
    char word[LABEL_WORD];
    size_t skip = 0, n;
    rg_role_class c = RG_CLS_SUPPORT;
    int k = LBL_NONE;
    if (p == bare) p += strlen(p);
    if (*p) {
      if ((n = rg_bracket_step(p, &depth))) {
        p += n;
        continue;
      }
      if (depth || !boundary_before(text, p) || (k = label_here(p, word, &skip, &c)) == LBL_NONE) {
        p += rg_utf8_char_len(p);
        continue;
      }
    }
    /* the section before this label (or before the end), when it is not
     * empty (an empty one gives nothing: most label lines start with
     * their label); a units section that runs to the end (most label
     * lines) is read in place */
    if (p > start) {
      char *v = *p || kind != LBL_UNITS ? dupn(start, (size_t)(p - start)) : NULL;
      if (kind == LBL_UNITS) {
        read_value(v ? v : start, cls, why, d, plain);
      } else if (kind == LBL_DEADLINE) {
        char *t = v;
        while (*t == ' ')
          t++;
        size_t m = strlen(t);
        while (m && (t[m - 1] == ',' || t[m - 1] == ';' || t[m - 1] == ' '))
          t[--m] = '\0';
        if (*t && !d->deadline) d->deadline = rg_xstrdup(t);
      }
      free(v);
    }
    if (!*p) break;
    if (k == LBL_UNITS) d->has_role = 1;
    if (k == LBL_UNKNOWN) {
      RG_GROW(d->unknown, d->cap_unknown, (size_t)d->n_unknown + 1);
      d->unknown[d->n_unknown++] = rg_xstrdup(word);
    }
    kind = k;
    cls = c;
    join2(why, sizeof why, "label ", word);
    start = p = p + skip;
    bare = labels_end(p);
  }
}

void rg_duty_destroy(rg_duty *d) {
  for (int i = 0; i < d->n; i++)
    free(d->seg[i].units);
  free(d->seg);
  for (int i = 0; i < d->n_rules; i++) {
    free(d->rules[i].text);
    free(d->rules[i].rule.unit);
  }
  free(d->rules);
  free(d->deadline);
  for (int i = 0; i < d->n_unknown; i++)
    free(d->unknown[i]);
  free(d->unknown);
  memset(d, 0, sizeof *d);
}

/* -------------------------------------------------------------- link */

int rg_duty_link(rg_plan *plan, int task, const rg_duty *d, long line, const rg_duty_ctx *c) {
  int linked = 0;
  /* the reasons are only kept for check --explain: skip the formatting */
  const int explain = plan->reading && plan->reading->record;
  const char *src = c->source && *c->source ? c->source : "";
  const char *sp = *src ? " " : "";
  char first_why[128] = "";
  if (explain)
    snprintf(first_why, sizeof first_why, "listed first: the plan's rule (line %ld) makes it lead",
             c->rule_line);
  /* 指导: the guide supervises. It supports when the note (row) names a lead
   * (民政部牵头，国家卫生健康委指导); otherwise it is the one that leads
   * (指导部门 | 实施单位: the department over the towns that implement). */
  int explicit_lead = c->others_lead || d->has_lead, guide_leads = 0;
  for (int i = 0; i < d->n && !explicit_lead; i++)
    guide_leads |= d->seg[i].cls == RG_CLS_GUIDE;
  for (int i = 0; i < d->n; i++) {
    const rg_duty_seg *g = &d->seg[i];
    rg_list_opts o = {.role = RG_ROLE_SUPPORT,
                      .mode = c->mode,
                      .hash = c->hash ? &c->hash[i] : NULL,
                      .pre = c->pre ? c->pre[i] : NULL};
    char why[160] = "";
    rg_role_class cls = g->cls;
    if (cls == RG_CLS_GUIDE) {
      if (explain)
        snprintf(why, sizeof why, "%s%s%s: supervises, %s", src, sp, g->why,
                 explicit_lead ? "another unit leads: support" : "no other lead: lead");
      o.role = explicit_lead ? RG_ROLE_SUPPORT : RG_ROLE_LEAD;
      o.why = why;
      linked += rg_unitlist_link_opts(plan, task, g->units, g->len, line, &o);
      continue;
    }
    switch (cls) {
    case RG_CLS_LEAD:
      o.role = RG_ROLE_LEAD;
      if (explain) snprintf(why, sizeof why, "%s%s%s: lead", src, sp, g->why);
      break;
    case RG_CLS_SUPPORT:
      rg_reading_of(plan)->named_support = 1;
      if (explain) snprintf(why, sizeof why, "%s%s%s: support", src, sp, g->why);
      break;
    case RG_CLS_RESP:
      o.first_lead = c->resp_first_lead && !guide_leads;
      o.first_why = first_why;
      if (explain) snprintf(why, sizeof why, "%s%s%s: support", src, sp, g->why);
      break;
    case RG_CLS_SHARED:
      /* a lead named in the note (X牵头) overrides the first-listed rule */
      if (d->has_lead || guide_leads) {
        if (explain) snprintf(why, sizeof why, "%s%s%s, after a lead: support", src, sp, g->why);
      } else if (c->first_leads) {
        o.first_lead = 1;
        o.first_why = first_why;
        if (explain)
          snprintf(why, sizeof why, "%s%s%s, not first: support under the plan's rule", src, sp,
                   g->why);
      } else {
        o.role = RG_ROLE_LEAD;
        o.shared = 1;
        if (explain)
          snprintf(why, sizeof why, "%s%s%s, no lead named: every unit leads", src, sp, g->why);
      }
      break;
    case RG_CLS_GUIDE: /* handled above */
    case RG_CLS_MIXED:
      o.first_lead = 1;
      if (explain) snprintf(why, sizeof why, "%s%s%s: not first, support", src, sp, g->why);
      if (explain)
        snprintf(first_why, sizeof first_why, "%s%s%s: listed first, leads", src, sp, g->why);
      o.first_why = first_why;
      break;
    }
    o.why = why;
    linked += rg_unitlist_link_opts(plan, task, g->units, g->len, line, &o);
  }
  return linked;
}

int rg_duty_has_units(const rg_duty *d) {
  for (int i = 0; i < d->n; i++) {
    rg_unit_list l;
    rg_unitlist_parse(d->seg[i].units, d->seg[i].len, &l);
    int ok = 0;
    for (int k = 0; k < l.n && !ok; k++)
      ok = item_ok(&l.items[k]);
    rg_unitlist_destroy(&l);
    if (ok) return 1;
  }
  return 0;
}

int rg_duty_is_bare_list(const rg_duty *d) {
  if (d->has_role || d->n_rules || !d->n) return 0;
  int concrete = 0;
  for (int i = 0; i < d->n; i++) {
    if (!list_ok(d->seg[i].units, d->seg[i].len)) return 0;
    rg_unit_list l;
    rg_unitlist_parse(d->seg[i].units, d->seg[i].len, &l);
    for (int k = 0; k < l.n; k++)
      concrete |= l.items[k].kind == RG_KIND_UNIT;
    rg_unitlist_destroy(&l);
  }
  return concrete;
}

/* ------------------------------------------------------------- prose */

/* Words that can follow the units a clause opens with. */
/* clang-format off */
static const char *const VERBS[] = {
    "研究提出", "负责", "牵头", "研究", "会同", "联合", "配合", "协同", "协助", "指导", "督促",
    "按照", "根据", "做好", "组织", "建立", "制订", "制定", "提出", "商定", "共同", "对",
    "及时", "抓紧", "加强", "加快", "推进", "开展", "完善", "落实", "承担", "统筹", "审核",
    "安排", "维护", "保证", "采取", "依法", "报请", "提请", "下达", "执行", "实施", "做出",
    "向", "在", "要", "应", "必须", "可", "将", "已", "正", "也", "还", "均", "都", "分别",
    "积极", "立即", "迅速", "进一步", "参与", "支持", "主办", "办理", "编制", "发布", "会商",
    "赴", "上报", "抓好", "切实", "认真", "具体", "全面", "密切", "加大", "给予", "拨付",
    "筹措", "核定", "清算", "监督", "检查", "督查", "协调", "承办", "继续", "尽快", NULL};
/* clang-format on */
/* Adverbs between the units and a connector: 扶贫办已会同… */
static const char *const ADVERBS[] = {"正在", "应当", "已经", "已", "将",   "也",   "正",
                                      "还",   "均",   "都",   "要", "应",   "可",   "积极",
                                      "立即", "迅速", "继续", "并", "分别", "共同", NULL};
static const char *const LEAD_IN[] = {"并由",   "均由", "应由", "需由", "要由",
                                      "同时由", "由",   "经",   NULL};

static const char *verb_at(const char *p) {
  for (int i = 0; VERBS[i]; i++)
    if (starts(p, VERBS[i])) {
      const char *after = p + strlen(VERBS[i]);
      /* 负责人, 负责同志 are persons */
      if (!strcmp(VERBS[i], "负责") && (starts(after, "人") || starts(after, "同志"))) return NULL;
      return VERBS[i];
    }
  return NULL;
}

/* A character that can end a unit's name (so a subject can end there). */
static int name_end(const char *p) {
  static const char *const E[] = {"局", "委", "办", "厅", "部", "署", "院", "室", "处", "所",
                                  "站", "队", "社", "组", "司", "馆", "镇", "乡", "村", "府",
                                  "心", "团", "行", "会", "关", "道", "区", "联", "协", "门",
                                  "位", "市", "县", "省", "大", "园", "厂", "司", NULL};
  for (int i = 0; E[i]; i++)
    if (!memcmp(p, E[i], 3)) return 1;
  return 0;
}

/* Words a clause's subject never opens with: verbs, adverbs, prepositions
 * (立即向国务院, 配合有关部门, 不按照…, 联系指挥部成员单位). */
static int bad_opening(const char *s) {
  static const char *const NOT[] = {
      "不", "联系", "如", "若", "凡", "对于", "关于", "为了", "通过", "经过", "除",   "向", "从",
      "以", "把",   "将", "对", "在", "于",   "当",   "随",   "接到", "出现", "确认", NULL};
  for (int i = 0; NOT[i]; i++)
    if (starts(s, NOT[i])) return 1;
  for (int i = 0; VERBS[i]; i++)
    if (starts(s, VERBS[i])) return 1;
  for (int i = 0; ADVERBS[i]; i++)
    if (starts(s, ADVERBS[i])) return 1;
  return word_at(s) != NULL;
}

/* The end of the unit list that opens s (s[0..e) parses as units and a verb
 * follows), or NULL. */
static const char *subject_end(const char *s, const char *end) {
  if (bad_opening(s)) return NULL;
  const char *p = s;
  for (int chars = 0; p < end && chars < 60; chars++) {
    size_t k = rg_utf8_char_len(p);
    const char *q = p + k;
    if (q >= end) break;
    if (k == 3 && name_end(p) && verb_at(q) && list_ok(s, (size_t)(q - s))) return q;
    p = q;
  }
  return NULL;
}

int rg_prose_duties(const char *text, rg_duty *d) {
  int found = 0;
  const char *p = text;
  int depth = 0;
  size_t n;
  while (*p) {
    /* the clause [p, e) */
    const char *e = p;
    depth = 0;
    while (*e) {
      if ((n = rg_bracket_step(e, &depth))) {
        e += n;
        continue;
      }
      if (!depth &&
          (*e == ',' || *e == ';' || *e == ':' || *e == '!' || *e == '?' || starts(e, "。")))
        break;
      if (*e == '(' && e > p) break; /* a parenthesis opens a clause of its own */
      e += rg_utf8_char_len(e);
    }
    const char *s = p;
    while (*s == ' ' || *s == '(' || *s == ')')
      s++;
    for (int i = 0; LEAD_IN[i]; i++)
      if (starts(s, LEAD_IN[i])) {
        s += strlen(LEAD_IN[i]);
        break;
      }
    /* 本预案由国务院办公厅负责解释, 可由X或Y报请: the units follow 由
     * (自由贸易… is a name) */
    const char *se = NULL;
    for (const char *y = s; !se && y < e; y += rg_utf8_char_len(y))
      if (starts(y, "由") && y + 3 < e && !(y - 3 >= s && starts(y - 3, "自"))) {
        const char *t = y + 3;
        const char *te = subject_end(t, e);
        if (te) {
          s = t;
          se = te;
        }
      }
    if (!se && s < e) se = subject_end(s, e);
    if (se) {
      const char *q = se;
      for (int again = 1; again;) {
        again = 0;
        for (int i = 0; ADVERBS[i]; i++)
          if (starts(q, ADVERBS[i]) && !word_at(q)) {
            q += strlen(ADVERBS[i]);
            again = 1;
            break;
          }
      }
      const role_word *w = word_at(q);
      int connector = 0;
      if (w && (w->pos & W_INFIX)) {
        const char *o = q + strlen(w->w);
        const char *oe = subject_end(o, e);
        /* the object ends where a verb follows; or the clause ends (会同你省) */
        if (!oe && o < e && list_ok(o, (size_t)(e - o))) oe = e;
        if (oe) {
          char why[96];
          snprintf(why, sizeof why, "opens a clause, before %s", w->w);
          seg_push(d, s, (size_t)(se - s), w->left, why);
          snprintf(why, sizeof why, "after %s", w->w);
          seg_push(d, o, (size_t)(oe - o), w->right, why);
          connector = 1;
        }
      }
      if (!connector) {
        rg_role_class cls = RG_CLS_SHARED;
        const char *why = "opens a clause that gives it a duty";
        if (w && (w->pos & W_SUFFIX) && suffix_boundary(q + strlen(w->w))) {
          cls = w->suffix;
          why = w->suffix == RG_CLS_LEAD ? "opens a clause, with a lead word" : "opens a clause";
        }
        seg_push(d, s, (size_t)(se - s), cls, why);
      }
      d->has_role = 1;
      d->clause++;
      found++;
    }
    p = e;
    if (*p == ',' || *p == ';' || *p == ':' || *p == '!' || *p == '?')
      p++;
    else if (starts(p, "。"))
      p += 3;
  }
  return found;
}
