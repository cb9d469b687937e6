/* unitlist.c - canonicalising a list of units (see unitlist.h for the rules).
 *
 * The list is NFKC-normalised once, cut into tokens at depth-0 separators,
 * and every later rule walks the tokens once, so the cost is linear in the
 * length of the list. Names are compared as UTF-8 byte strings. */
#include "unitlist.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "gazetteer.h"
#include "memo.h"
#include "reading.h"
#include "strutil.h"
#include "text.h"
#include "utf8.h"
#include "vocab.h"

/* ------------------------------------------------------------ helpers */

static char *concat3(const char *a, const char *b, const char *c) {
  size_t n = strlen(a), m = strlen(b), k = strlen(c);
  char *p = rg_xmalloc(n + m + k + 1);
  memcpy(p, a, n);
  memcpy(p + n, b, m);
  memcpy(p + n + m, c, k + 1);
  return p;
}

static char *concat(const char *a, const char *b) { return concat3(a, b, ""); }

/* Trim white space (text.h) and trailing sentence punctuation in place. */
static void trim_unit(char *s) {
  static const char *const tail[] = {"。", ".", ":", "：", NULL};
  for (;;) {
    rg_trim(s);
    size_t n = strlen(s);
    int cut = 0;
    for (int i = 0; tail[i]; i++)
      if (ends(s, tail[i])) {
        n -= strlen(tail[i]);
        s[n] = '\0';
        cut = 1;
      }
    if (!cut) break;
  }
}

/* ------------------------------------------------------------- tokens */

enum { SEP_START = 0, SEP_DUN = 1, SEP_COMMA = 2 };

struct piece_cache;

typedef struct tok {
  char *s;
  int sep; /* separator before this token */
  rg_kind kind;
  int open;               /* ended in 等有关部门 */
  struct piece_cache *pc; /* a piece of a memo'd token: its last reading (else NULL) */
} tok;

typedef struct toks {
  tok *v;
  int n;
  size_t cap;
} toks;

static void push(toks *t, char *s, int sep) {
  RG_GROW(t->v, t->cap, (size_t)t->n + 1);
  t->v[t->n].s = s;
  t->v[t->n].sep = sep;
  t->v[t->n].kind = RG_KIND_UNIT;
  t->v[t->n].open = 0;
  t->v[t->n].pc = NULL;
  t->n++;
}

static const char DUN[] = "\xE3\x80\x81"; /* 、 */

/* The separator a token ends at, at p outside brackets (depth 0): its
 * bytes, its kind into *sep; 0 when p is none. */
static size_t sep_at(const char *p, int depth, int *sep) {
  if (depth) return 0;
  if (starts(p, DUN)) return *sep = SEP_DUN, 3;
  if (*p == ',' || *p == ';') return *sep = SEP_COMMA, 1;
  return 0;
}

/* The tokens tokenize_in_place cuts s into, counted: s is not changed. */
static int count_tokens(const char *s) {
  int depth = 0, n = 1, sep;
  size_t blen;
  for (const char *p = s; *p;) {
    if ((blen = rg_bracket_step(p, &depth))) {
      p += blen;
      continue;
    }
    size_t k = sep_at(p, depth, &sep);
    n += k > 0;
    p += k ? k : 1;
  }
  return n;
}

/* Cut s at depth-0 、 , ; into tokens, in s itself (a NUL over each
 * separator): they point into s. (count_tokens walks the same way.) */
static void tokenize_in_place(char *s, toks *out) {
  int depth = 0, sep = SEP_START, this_sep;
  char *start = s;
  size_t blen;
  for (char *p = s; *p;) {
    if ((blen = rg_bracket_step(p, &depth))) {
      p += blen;
      continue;
    }
    size_t n = sep_at(p, depth, &this_sep);
    if (!n) {
      p++;
      continue;
    }
    *p = '\0';
    push(out, start, sep);
    sep = this_sep;
    p += n;
    start = p;
  }
  push(out, start, sep);
  for (int i = 0; i < out->n; i++) {
    trim_unit(out->v[i].s);
    /* (由市商务局牵头): 由 introduces the unit, it is not part of its name */
    if (starts(out->v[i].s, "由") && rg_utf8_strlen(out->v[i].s) > 2)
      memmove(out->v[i].s, out->v[i].s + 3, strlen(out->v[i].s + 3) + 1);
  }
}

/* tokenize_in_place on a copy of s: each token is its own string. */
static void tokenize(const char *s, toks *out) {
  char *copy = rg_xstrdup(s);
  tokenize_in_place(copy, out);
  for (int i = 0; i < out->n; i++)
    out->v[i].s = rg_xstrdup(out->v[i].s);
  free(copy);
}

/* ------------------------------------------------------- collectives */

static const char *quantifier(const char *s) {
  if (starts(s, "各")) return "各";
  if (starts(s, "有关")) return "有关";
  if (starts(s, "相关")) return "相关";
  return NULL;
}

static int is_level_char(const char *s) {
  return !strcmp(s, "区") || !strcmp(s, "县") || !strcmp(s, "市") || !strcmp(s, "乡") ||
         !strcmp(s, "镇") || !strcmp(s, "省") || !strcmp(s, "旗") || !strcmp(s, "州") ||
         /* 各省、自治区、直辖市人民政府 */
         !strcmp(s, "自治区") || !strcmp(s, "直辖市") || !strcmp(s, "计划单列市") ||
         !strcmp(s, "自治州") || !strcmp(s, "盟");
}

/* A token like 各区 or 有关区、县 ends in a bare administrative level: it is the
 * head of a collective phrase and the next 、-token belongs to it. */
static int is_collective_head(const tok *t) {
  const char *q = quantifier(t->s);
  if (!q) return 0;
  const char *last = t->s + strlen(q);
  for (const char *p = strstr(last, DUN); p; p = strstr(p + 3, DUN))
    last = p + 3;
  return is_level_char(last);
}

static void merge_collectives(toks *t) {
  int w = 0;
  for (int r = 0; r < t->n; r++) {
    if (w > 0 && t->v[r].sep == SEP_DUN && is_collective_head(&t->v[w - 1])) {
      char *a = concat(t->v[w - 1].s, DUN);
      char *b = concat(a, t->v[r].s);
      free(a);
      free(t->v[w - 1].s);
      free(t->v[r].s);
      t->v[w - 1].s = b;
      continue;
    }
    t->v[w++] = t->v[r];
  }
  t->n = w;
}

/* --------------------------------------------------- 和 与 并 或 等和 */

/* Does s look like one side of a conjunction between two units: a body
 * (市财政局), a collective or generic (各有关省级人民政府, 有关部门)? */
static int conj_side(const char *s) {
  if (!*s) return 0;
  /* 中央和省级人民政府: two levels of government (中央 alone names no unit) */
  if (!strcmp(s, "中央") || !strcmp(s, "党中央") || !strcmp(s, "国务院") || !strcmp(s, "国家"))
    return 1;
  /* 国务院有关部门(单位): the side is the name before its parenthesis */
  size_t n = strlen(s);
  if (n && s[n - 1] == ')' && strchr(s, '(') && strchr(s, '(') != s) {
    char *head = dupn(s, (size_t)(strchr(s, '(') - s));
    int ok = conj_side(head);
    free(head);
    return ok;
  }
  if (rg_vocab_is_body(s) || rg_vocab_is_set_name(s)) return 1;
  if ((starts(s, "各") || starts(s, "有关") || starts(s, "相关") || starts(s, "其他")) &&
      (ends(s, "政府") || ends(s, "部门") || ends(s, "单位") || ends(s, "管委会") ||
       ends(s, "机构") || rg_vocab_is_body(s + 3)))
    return 1;
  return 0;
}

/* A set named after 等 with its own qualifier (等国务院相关部门, 等省直有关单位,
 * 等各有关部门, 等市直相关部门): a collective of its own, not an open tail
 * (等有关部门 is cut by strip_open_tail and names no set). */
static int qualified_set(const char *s) {
  static const char *const BARE_TAIL[] = {"有关", "相关", "部门", "单位", "其他", NULL};
  static const char *const SET_END[] = {"部门", "单位", "机构", "部委", NULL};
  if (starts_any(s, BARE_TAIL) || !ends_any(s, SET_END)) return 0;
  return strstr(s, "有关") || strstr(s, "相关") || strstr(s, "直属") || starts(s, "各") ||
         strstr(s, "直各");
}

/* Split tokens at depth-0 和 / 与 / 并 / 或 when both sides name units
 * (林业局与财政部, 市财政局和各区政府), never inside a name
 * (工业和信息化局, 住房和城乡建设部: 工业 and 住房 are no bodies); and at
 * 等和 / 等与 / 等及 / 等以及 (商务部等和各有关省级人民政府), where the left
 * side ends an open list. */
static void split_conj(toks *in, toks *out) {
  /* a space or a slash separates units in cells typed as 市发展改革委 市财政局
   * or 市发展改革委/市财政局; like a conjunction, only between two units */
  static const char *const CONJ[] = {"以及", "和", "与", "并", "或", " ", "/", NULL};
  for (int i = 0; i < in->n; i++) {
    char *s = in->v[i].s;
    int sep = in->v[i].sep;
    for (;;) {
      if (rg_vocab_national(s, RG_LEVEL_NATIONAL)) break; /* 中央和国家机关工委 */
      int depth = 0, open = 0;
      char *hit = NULL;
      size_t hlen = 0, blen;
      for (char *p = s; *p && !hit;) {
        if ((blen = rg_bracket_step(p, &depth))) {
          p += blen;
          continue;
        }
        if (depth == 0 && p != s) {
          int deng = starts(p, "等");
          const char *c = deng ? p + 3 : p;
          if (deng && qualified_set(c)) {
            /* 商务部等国务院相关部门: 商务部, then the set, the list open */
            char *left = dupn(s, (size_t)(p - s));
            if (rg_vocab_is_body(left)) {
              hit = p;
              hlen = 3;
              open = 1;
            }
            free(left);
            if (hit) break;
          }
          for (int k = 0; CONJ[k]; k++) {
            if (!starts(c, CONJ[k])) continue;
            size_t clen = strlen(CONJ[k]) + (size_t)(c - p);
            char *left = dupn(s, (size_t)(p - s));
            const char *right = p + clen;
            if (conj_side(left) && conj_side(right)) {
              hit = p;
              hlen = clen;
              open = deng;
            }
            free(left);
            break;
          }
        }
        p++;
      }
      if (!hit) break;
      push(out, dupn(s, (size_t)(hit - s)), sep);
      out->v[out->n - 1].open = open;
      char *rest = rg_xstrdup(hit + hlen);
      free(s);
      s = rest;
      sep = SEP_COMMA;
    }
    push(out, s, sep);
  }
  free(in->v);
  memset(in, 0, sizeof *in);
}

/* ------------------------------------------------------ 及 and tails */

/* Split tokens at depth-0 及 / 以及; a quantifier distributes to the right. */
static void split_ji(toks *in, toks *out) {
  for (int i = 0; i < in->n; i++) {
    char *s = in->v[i].s;
    int sep = in->v[i].sep;
    const char *q = quantifier(s);
    for (;;) {
      int depth = 0;
      char *hit = NULL;
      size_t hlen = 0, blen;
      for (char *p = s; *p;) {
        if ((blen = rg_bracket_step(p, &depth))) {
          p += blen;
          continue;
        }
        if (depth == 0 && p != s && (starts(p, "以及") || starts(p, "及"))) {
          hit = p;
          hlen = starts(p, "以及") ? 6 : 3;
          break;
        }
        p++;
      }
      if (!hit || rg_utf8_strlen(hit + hlen) < 2) break;
      push(out, dupn(s, (size_t)(hit - s)), sep);
      char *rest = rg_xstrdup(hit + hlen);
      if (starts(rest, "其") && rg_utf8_strlen(rest) > 2) {
        /* 省级人民政府及其有关部门: its departments are the government's */
        char *own = dupn(s, (size_t)(hit - s));
        char *r2 = concat(own, rest + 3);
        free(own);
        free(rest);
        rest = r2;
      }
      free(s);
      if (q && !strcmp(q, "各") && !quantifier(rest)) {
        out->v[out->n - 1].kind = RG_KIND_COLLECTIVE; /* kind for the left is set later */
        s = rest;
        sep = SEP_COMMA;
        /* the right side of 各…及… is a named set too */
        push(out, s, sep);
        out->v[out->n - 1].kind = RG_KIND_COLLECTIVE;
        s = NULL;
        break;
      }
      if (q && strcmp(q, "各") && !quantifier(rest)) {
        s = concat(q, rest);
        free(rest);
      } else {
        s = rest;
      }
      sep = SEP_COMMA;
    }
    if (s) {
      push(out, s, sep);
      out->v[out->n - 1].open = in->v[i].open;
    }
  }
  free(in->v);
  memset(in, 0, sizeof *in);
}

/* 等14个部门, 等三部门, 等6家单位: a counted open tail. Cuts it and returns
 * 1. */
static int strip_counted_tail(char *s) {
  static const char *const HEAD[] = {"部门", "单位", "部委", "机构", NULL};
  char *deng = NULL;
  for (char *p = rg_strstr3(s, "等"); p; p = rg_strstr3(p + 3, "等"))
    deng = p;
  if (!deng || deng == s) return 0;
  const char *q = deng + 3;
  size_t digits = 0;
  while (*q) {
    if (*q >= '0' && *q <= '9') {
      q++;
      digits++;
      continue;
    }
    static const char *const CN[] = {"一", "二", "两", "三", "四", "五",
                                     "六", "七", "八", "九", "十", NULL};
    int hit = 0;
    for (int i = 0; CN[i]; i++)
      if (starts(q, CN[i])) {
        q += 3;
        digits++;
        hit = 1;
        break;
      }
    if (!hit) break;
  }
  if (!digits) return 0;
  if (starts(q, "个") || starts(q, "家")) q += 3;
  for (int i = 0; HEAD[i]; i++)
    if (!strcmp(q, HEAD[i])) {
      *deng = '\0';
      trim_unit(s);
      return 1;
    }
  return 0;
}

static int strip_open_tail(char *s) {
  if (strip_counted_tail(s)) return 1;
  static const char *const tails[] = {
      "等有关部门和单位", "等有关部门单位", "等有关单位", "等相关单位", "等有关部门",
      "等相关部门",       "等部门",         "等单位",     "等",         NULL};
  for (int i = 0; tails[i]; i++)
    if (ends(s, tails[i])) {
      s[strlen(s) - strlen(tails[i])] = '\0';
      trim_unit(s);
      return 1;
    }
  return 0;
}

/* ------------------------------------------------------------ kinds */

static rg_kind classify(const char *s) {
  /* 各有关省级人民政府: a set of governments, whatever 有关 says */
  if (starts(s, "各") && (ends(s, "政府") || ends(s, "管委会"))) return RG_KIND_COLLECTIVE;
  if (strstr(s, "有关") || strstr(s, "相关")) return RG_KIND_GENERIC;
  if (starts(s, "其他") || starts(s, "其余") || starts(s, "其它")) return RG_KIND_GENERIC;
  /* 省级人民政府, 试点城市政府, 地方政府: every body of a kind */
  static const char *const SETS[] = {"省级", "市级", "县级", "乡级", "地方",
                                     "试点", "示范", "基层", NULL};
  for (int i = 0; SETS[i]; i++)
    if (starts(s, SETS[i]) && (ends(s, "政府") || ends(s, "部门") || ends(s, "单位") ||
                               ends(s, "指挥部") || ends(s, "机构") || ends(s, "管委会")))
      return RG_KIND_COLLECTIVE;
  if (starts(s, "各") || strstr(s, "各部门") || strstr(s, "各成员单位") ||
      strstr(s, "各直属单位") || strstr(s, "各单位") || strstr(s, "各级") || starts(s, "全市") ||
      starts(s, "全省") || starts(s, "全区") || starts(s, "全县") || !strcmp(s, "开发区管委会"))
    return RG_KIND_COLLECTIVE;
  /* 区疫情防控指挥部成员单位, 市安委会成员单位, 领导小组成员单位: the members of a
   * body, a set named by it */
  if (ends(s, "成员单位") && strlen(s) > strlen("成员单位")) return RG_KIND_COLLECTIVE;
  return RG_KIND_UNIT;
}

/* -------------------------------------------------- suffix distribution */

static const char *const BODY_SUFFIX[] = {"人民政府", "政府", "管委会", "党委", "党工委", NULL};

/* The body suffix of a place+body name (康平县政府 -> 政府), or NULL. */
static const char *place_suffix(const char *s) {
  for (int i = 0; BODY_SUFFIX[i]; i++) {
    if (!ends(s, BODY_SUFFIX[i])) continue;
    size_t n = strlen(s) - strlen(BODY_SUFFIX[i]);
    if (n < 6) return NULL;
    char *head = dupn(s, n);
    int ok = ends(head, "区") || ends(head, "县") || ends(head, "市") || ends(head, "旗") ||
             ends(head, "州");
    free(head);
    return ok ? BODY_SUFFIX[i] : NULL;
  }
  return NULL;
}

/* A bare place: 和平区, 沈北新区, 康平县 (2 to 8 characters, a level at the end). */
static int is_bare_place(const char *s) {
  size_t n = rg_utf8_strlen(s);
  if (n < 2 || n > 8) return 0;
  if (!(ends(s, "区") || ends(s, "县") || ends(s, "市") || ends(s, "旗") || ends(s, "州")))
    return 0;
  return !quantifier(s) && !strchr(s, '(');
}

/* The level character that ends the place of a place+body name
 * (珠海市人民政府 -> 市), or NULL. */
static const char *place_level(const char *s, const char *suffix) {
  static const char *const levels[] = {"区", "县", "市", "旗", "州", NULL};
  size_t n = strlen(s) - strlen(suffix);
  for (int i = 0; levels[i]; i++)
    if (n >= 3 && !memcmp(s + n - 3, levels[i], 3)) return levels[i];
  return NULL;
}

static void distribute_suffixes(toks *t) {
  int run_start = 0;
  for (int i = 0; i <= t->n; i++) {
    if (i < t->n && (i == 0 || t->v[i].sep == SEP_DUN)) continue;
    /* [run_start, i) is a 、-run */
    int last = i - 1;
    if (last > run_start && t->v[last].kind == RG_KIND_UNIT) {
      const char *suffix = place_suffix(t->v[last].s);
      const char *level = suffix ? place_level(t->v[last].s, suffix) : NULL;
      for (int k = run_start; suffix && k < last; k++) {
        if (t->v[k].kind != RG_KIND_UNIT) continue;
        char *x = t->v[k].s, *s = NULL;
        /* 广州、深圳、珠海市人民政府: a short place name takes the level too */
        char *with_level = concat(x, level);
        if (rg_gazetteer_lookup(with_level, strlen(with_level)) != RG_GAZ_NONE)
          s = concat(with_level, suffix);
        else if (is_bare_place(x) || rg_gazetteer_lookup(x, strlen(x)) != RG_GAZ_NONE)
          s = concat(x, suffix);
        free(with_level);
        if (s) {
          free(x);
          t->v[k].s = s;
        }
      }
    }
    run_start = i;
  }
}

/* --------------------------------------------------- prefix inheritance */

static const char *const NATIONAL[] = {"中国", "中华", "国家",     "中央", "国务院",
                                       "全国", "海关", "人民银行", "中共", NULL};
static const char *const INSTITUTION[] = {"集团", "公司", "实验室", "大学", "学院", "医院", "银行",
                                          "支行", "分行", "研究院", "研究所", "协会", "学会",
                                          "基金会", "基金", "报社", "电视台", "有限", "学校",
                                          /* a zone's committee is named by its zone */
                                          "管委会", "产业园", "园区", NULL};
static const char *const ZONE[] = {"开发区", "高新区", "经开区", "新区",   "自贸区",
                                   "保税区", "试验区", "合作区", "示范区", NULL};
static const char *const GOV_PREFIX[] = {"自治区", "省", "市", "区", "县", "州", "旗", NULL};
/* words that start with a prefix character but are bare names */
static const char *const NOT_PREFIX[] = {"市场", "市政", "区域", "县域", "省级",
                                         "市级", "区级", "县级", NULL};

typedef struct prefix_state prefix_state;
static void set_prefix(prefix_state *st, const char *gov, size_t n, int party);

typedef struct prefix_state {
  char gov[64];   /* 市 (its party committee, 市委, is gov + 委) */
  int last_party; /* the last explicit prefix was a party committee */
  int deflt;      /* the prefix is the document's level, not a unit's */
} prefix_state;

/* The state becomes gov = gov[0..n) (no printf: this runs for every unit
 * of every list). */
static void set_prefix(prefix_state *st, const char *gov, size_t n, int party) {
  if (n + 4 > sizeof st->gov) n = sizeof st->gov - 4;
  memcpy(st->gov, gov, n);
  st->gov[n] = '\0';
  st->last_party = party;
  st->deflt = 0;
}

/* Does s carry its own jurisdiction prefix? Updates the state if so. */
static int own_prefix(const char *s, prefix_state *st) {
  for (int i = 0; GOV_PREFIX[i]; i++) {
    const char *p = GOV_PREFIX[i];
    size_t n = strlen(p);
    if (!starts(s, p)) continue;
    if (starts(s + n, "委") && s[n + 3]) {
      /* 市委宣传部: a party committee */
      set_prefix(st, p, n, 1);
      return 1;
    }
    int bare = 0;
    for (int k = 0; NOT_PREFIX[k]; k++)
      if (starts(s, NOT_PREFIX[k])) bare = 1;
    /* 市政府…, 市政务服务和大数据局, 市政协 are 市 + 政府…, 政务…, 政协;
     * 市政公用局, 市政工程… are bare */
    if (starts(s, "市政府") || starts(s, "市政法委") || starts(s, "市政务") || starts(s, "市政协"))
      bare = 0;
    if (bare) return 0;
    set_prefix(st, p, n, 0);
    return 1;
  }
  return 0;
}

static int is_government_itself(const char *rest) {
  return !*rest || !strcmp(rest, "政府") || !strcmp(rest, "人民政府") || !strcmp(rest, "管委会") ||
         !strcmp(rest, "党委");
}

/* Does s name a full place (丽水市, 莲都区: a gazetteer name with its
 * suffix) after its first character? Such a name is a branch of a body in
 * that place (人行丽水市中心支行), never a department of the document's own
 * government. */
static int names_inner_place(const char *s) {
  for (const char *p = s + rg_utf8_char_len(s); *p; p += rg_utf8_char_len(p)) {
    int level = 0;
    size_t g = rg_gazetteer_prefix(p, &level);
    if (g >= 9 && (starts(p + g - 3, "市") || starts(p + g - 3, "区") || starts(p + g - 3, "县") ||
                   starts(p + g - 3, "省") || starts(p + g - 3, "州") || starts(p + g - 3, "旗")))
      return 1;
  }
  return 0;
}

/* Apply the inheritance rule to token s; returns a new string or NULL when
 * s stays as it is. */
static char *inherit(const char *s, prefix_state *st) {
  if (own_prefix(s, st)) return NULL;
  int level = 0;
  size_t place = rg_gazetteer_prefix(s, &level);
  if (place) {
    /* 沈阳市发展改革委 sets the prefix for what follows; 浑南区政府 does not */
    const char *rest = s + place;
    char *head = dupn(s, place);
    int full = ends(head, "省") || ends(head, "市") || ends(head, "区") || ends(head, "县") ||
               ends(head, "州") || ends(head, "旗");
    if (full && !is_government_itself(rest) && !has_any(rest, INSTITUTION))
      set_prefix(st, head, place, 0);
    free(head);
    return NULL;
  }
  if (starts_any(s, NATIONAL) || has_any(s, INSTITUTION)) return NULL;
  /* a zone is named by itself, whatever the document's level: 立山经济开发区,
   * 下陆新区, 临空经济示范区 (its committee, …管委会, is an institution above) */
  if (ends_any(s, ZONE)) return NULL;
  if (rg_vocab_is_national(s)) return NULL;
  /* 人行丽水市中心支行, 国网丽水市供电公司: named by a place inside the name */
  if (names_inner_place(s)) return NULL;
  if (strstr(s, "市委") || strstr(s, "省委") || strstr(s, "区委") || strstr(s, "县委"))
    return NULL; /* 团市委 */
  /* 城关镇, 靳村乡, 东城街道: named by their own place */
  if (rg_vocab_is_grassroots(s)) return NULL;
  /* only a department's name takes a prefix: 王建国 or 统筹推进 stays as printed
   * (and is reported as suspect) */
  if (!rg_vocab_is_body(s)) return NULL;
  if (!st->gov[0]) return NULL;
  /* after 市委宣传部, a bare 统战部 is the committee's; a bare X部 at the start
   * of a list in a city plan is the city committee's (宣传部 -> 市委宣传部) */
  if ((st->last_party || st->deflt) && ends(s, "部") && !ends(s, "武装部") && !ends(s, "人武部"))
    return concat3(st->gov, "委", s);
  return concat(st->gov, s);
}

/* ----------------------------------------------------------- aliases */

static const char *const BODY_END[] = {"局", "委", "办", "厅", "部", "会", "室", "中心", "院",
                                       "社", "组", "处", "署", "站", "所", "队", "行",   NULL};

/* The short name declared by inner (以下简称市大数据局, 简称"大数据局",
 * 下称市大数据局), malloc'd, or NULL. */
static char *declared_short(const char *inner) {
  static const char *const SAY[] = {"以下简称", "以下称", "下称", "简称", NULL};
  for (int i = 0; SAY[i]; i++) {
    if (!starts(inner, SAY[i])) continue;
    const char *p = inner + strlen(SAY[i]);
    if (*p == ':') p++;
    char *t = rg_xstrdup(p);
    /* quotes around the short name: “大数据局” (NFKC keeps them), "大数据局" */
    static const char *const Q[] = {"“", "”", "\"", "「", "」", "‘", "’", NULL};
    for (int k = 0; Q[k]; k++) {
      char *q;
      while ((q = strstr(t, Q[k])))
        memmove(q, q + strlen(Q[k]), strlen(q + strlen(Q[k])) + 1);
    }
    trim_unit(t);
    if (*t) return t;
    free(t);
    return NULL;
  }
  return NULL;
}

/* 省市场监管局(省知识产权局): cut the trailing parenthetical into *alias when it
 * names a body. (牵头) sets *lead; (以下简称X) sets *alias to X and *short_alias. */
static void split_alias(char *s, char **alias, int *lead, int *short_alias) {
  *alias = NULL;
  size_t n = strlen(s);
  if (!n || s[n - 1] != ')') return;
  int depth = 0;
  size_t open = (size_t)-1;
  for (size_t i = n; i-- > 0;) {
    if (s[i] == ')')
      depth++;
    else if (s[i] == '(' && --depth == 0) {
      open = i;
      break;
    }
  }
  if (open == (size_t)-1 || open == 0) return;
  char *inner = dupn(s + open + 1, n - open - 2);
  trim_unit(inner);
  char *sh = declared_short(inner);
  if (sh) {
    s[open] = '\0';
    trim_unit(s);
    free(inner);
    *alias = sh;
    *short_alias = 1;
    return;
  }
  if (!strcmp(inner, "牵头") || !strcmp(inner, "牵头单位") || !strcmp(inner, "牵头部门")) {
    *lead = 1;
    s[open] = '\0';
    trim_unit(s);
    free(inner);
    return;
  }
  int body = rg_utf8_strlen(inner) >= 3 && has_any(inner, BODY_END);
  int ends_body = 0;
  for (int i = 0; BODY_END[i]; i++)
    ends_body |= ends(inner, BODY_END[i]);
  if (body && ends_body) {
    s[open] = '\0';
    trim_unit(s);
    *alias = inner;
    return;
  }
  free(inner);
}

/* ------------------------------------------------------------- parse */

/* A mark some plans put on lead units (★市发展改革委, 市财政局*): cut it and
 * return 1. */
static int strip_mark(char *s) {
  static const char *const MARKS[] = {"★", "☆", "*", "△", "▲", "※", "◆", "●", "#", NULL};
  int hit = 0;
  for (int again = 1; again;) {
    again = 0;
    for (int i = 0; MARKS[i]; i++) {
      size_t m = strlen(MARKS[i]);
      if (starts(s, MARKS[i])) {
        memmove(s, s + m, strlen(s + m) + 1);
        hit = again = 1;
      } else if (ends(s, MARKS[i])) {
        s[strlen(s) - m] = '\0';
        hit = again = 1;
      }
    }
  }
  if (hit) trim_unit(s);
  return hit;
}

/* 和平区人民政府 -> 和平区政府, so plans that differ only there agree. */
static char *normalize_government(const char *s) {
  if (!ends(s, "人民政府") || strlen(s) <= strlen("人民政府")) return NULL;
  size_t n = strlen(s) - strlen("人民政府");
  char *head = dupn(s, n);
  char *r = concat(head, "政府");
  free(head);
  return r;
}

/* Does the first n bytes of s end in w? */
static int ends_n(const char *s, size_t n, const char *w) {
  size_t m = strlen(w);
  return n >= m && !memcmp(s + n - m, w, m);
}

/* 杭州市 -> 杭州市政府, 莲都区 -> 莲都区政府: a place named as a unit is its
 * government (杭州市 and 杭州市政府 in one plan are one body). Only a full
 * place name of the gazetteer, with its 省/市/区/县/州/旗/盟. */
static char *place_government(const char *s) {
  static const char *const SUFFIX[] = {"省", "市", "区", "县", "州", "旗", "盟", NULL};
  if (!ends_any(s, SUFFIX) || rg_gazetteer_lookup(s, strlen(s)) == RG_GAZ_NONE) return NULL;
  return concat(s, "政府");
}

/* May the expansion name -> exp (rg_vocab_expand) name another body? It is
 * read by its ending: certain after nothing or a jurisdiction (市发改委), not
 * after a longer head, which may be part of a proper name (新民市场监督管理局:
 * 新民 + 市场监管局, or a body of 新民市?), nor for a long national form the
 * table does not know (中华人民共和国海洋局 -> 海洋局). */
static const char *expand_doubt(const char *name, size_t head) {
  if (starts(name, "中华人民共和国"))
    return "an unknown long national form is read without 中华人民共和国";
  static const char *const ONE[] = {"省", "市", "县", "区", "州", "旗", "盟", "自治区", NULL};
  if (!head) return NULL;
  for (int i = 0; ONE[i]; i++)
    if (strlen(ONE[i]) == head && starts(name, ONE[i])) return NULL;
  int level = 0;
  size_t g = rg_gazetteer_prefix(name, &level);
  if (g == head && head >= 9 &&
      (ends_n(name, head, "市") || ends_n(name, head, "区") || ends_n(name, head, "县") ||
       ends_n(name, head, "省") || ends_n(name, head, "州") || ends_n(name, head, "旗")))
    return NULL; /* 丽水市市场监督管理局: a full place name */
  return "a long form is read by its ending after a place's short name";
}

static void parse_at(const char *text, size_t len, rg_level level, const char *prefix,
                     rg_unit_list *out);

/* The name an alias stands for, read at the document's level: a declared
 * short name is read like any name (大数据局 -> 市大数据局); a long form
 * only takes the prefix in force. Takes ownership of alias. */
static char *read_alias(char *alias, int short_alias, rg_level level, const char *prefix,
                        const prefix_state *st) {
  if (short_alias) {
    rg_unit_list sl;
    parse_at(alias, strlen(alias), level, prefix, &sl);
    if (sl.n == 1 && sl.items[0].kind == RG_KIND_UNIT) {
      free(alias);
      alias = sl.items[0].name;
      sl.items[0].name = NULL;
    }
    rg_unitlist_destroy(&sl);
    return alias;
  }
  prefix_state ast = *st;
  char *ainh = inherit(alias, &ast);
  if (ainh) {
    free(alias);
    alias = ainh;
  }
  return alias;
}

/* The item piece s (of kind) gives under the prefix state st, which it
 * updates: its prefix, canonical name, alias and doubt. Takes ownership of
 * s; 0 when s names nothing (a none-word, or nothing left). The result and
 * the new state depend only on s, kind, *st, level and prefix. */
static int piece_item(char *s, rg_kind kind, prefix_state *st, rg_level level, const char *prefix,
                      rg_unit_item *it) {
  if (rg_means_none(s)) {
    free(s);
    return 0;
  }
  int lead = 0;
  char *alias = NULL;
  char *printed = rg_xstrdup(s);
  int short_alias = 0;
  const char *doubt = NULL;
  if (kind == RG_KIND_UNIT) split_alias(s, &alias, &lead, &short_alias);
  char *name = s;
  if (kind == RG_KIND_UNIT) {
    char *inh = inherit(name, st);
    if (inh) {
      free(name);
      name = inh;
    }
    /* 省发改委 -> 省发展改革委; 中国人民银行 -> 人民银行; in a national
     * plan 发展改革委 -> 国家发展改革委 */
    size_t head = 0;
    char *exp = rg_vocab_expand_head(name, &head);
    const char *nat = rg_vocab_national(exp ? exp : name, level);
    if (exp && !nat) doubt = expand_doubt(name, head);
    if (exp || (nat && strcmp(nat, name))) {
      char *canon = rg_xstrdup(nat ? nat : exp);
      if (!alias) {
        alias = name;
        short_alias = 0;
      } else {
        free(name);
      }
      name = canon;
    }
    free(exp);
    char *gov = normalize_government(name);
    if (!gov && (gov = place_government(name)))
      doubt = "a place named as a unit is read as its government";
    if (gov) {
      if (!alias)
        alias = name;
      else
        free(name);
      name = gov;
    }
    if (alias) alias = read_alias(alias, short_alias, level, prefix, st);
  } else {
    own_prefix(name, st);
    /* 各县(市、区)人民政府 is 各县(市、区)政府, as for a single government */
    char *gov = normalize_government(name);
    if (gov) {
      alias = name;
      name = gov;
    }
  }
  if (!*name) {
    free(name);
    free(alias);
    free(printed);
    return 0;
  }
  *it = (rg_unit_item){.name = name,
                       .alias = alias,
                       .kind = kind,
                       .lead = lead,
                       .short_alias = short_alias && alias,
                       .printed = printed,
                       .doubt = doubt,
                       .person = -1,
                       .looks = -1};
  return 1;
}

/* Merge, split and mark the tokens of a list into its pieces (t); returns
 * which pieces carried a lead mark. */
static int *read_pieces(toks *raw, toks *t) {
  merge_collectives(raw);
  toks c = {0};
  split_conj(raw, &c);
  split_ji(&c, t);
  int *marked = rg_xcalloc((size_t)t->n + 1, sizeof *marked);
  for (int i = 0; i < t->n; i++) {
    marked[i] = strip_mark(t->v[i].s);
    t->v[i].open |= strip_open_tail(t->v[i].s);
    if (t->v[i].kind == RG_KIND_UNIT) t->v[i].kind = classify(t->v[i].s);
  }
  return marked;
}

/* Junk that a list can hold but no unit is: rule words, bare generic
 * words (单位, 下同, 其他). */
static int junk_name(const char *s) {
  return !rg_vocab_is_set_name(s) || strstr(s, "牵头") || strstr(s, "第一位") ||
         strstr(s, "下同") || strstr(s, "不再列出");
}

/* ------------------------------------------------------------- memo */

/* What a plan's reading keeps (rg_reading.memo): the pieces of each
 * distinct token, and the item of each distinct piece under each prefix
 * state, at one level and prefix. Every function memoised here is pure. */
typedef struct unit_memo {
  rg_level level;
  char prefix[16];
  rg_memo tokens; /* token -> token_memo */
  rg_memo pieces; /* piece, kind, prefix state -> piece_memo */
  rg_memo lists;  /* a whole list's bytes -> list_memo (in the memo's blocks) */
  uint16_t *once; /* the lists read lately (rg_seen_new) */
  /* parse_memo's working arrays, kept from list to list (no allocation
   * per list): the tokens, the pieces, their marks, the items */
  toks raw, t;
  int *marked;
  size_t cap_marked;
  rg_unit_item *items;
  size_t cap_items;
} unit_memo;

/* The items parse_memo gave for a list (their strings: the pieces'). A big
 * plan prints the same list (牵头单位:市商务局) thousands of times. */
typedef struct list_memo {
  int n, open;
  rg_unit_item items[];
} list_memo;

/* The last reading of a memo'd token's piece: the prefix state it was read
 * under and the piece memo's entry for it. A list of a plan's own units
 * reads each piece under the same state again and again (the document's
 * prefix, or the prefix the unit before set): then the entry is reused
 * without building, hashing and comparing the piece memo's key. */
typedef struct piece_cache {
  /* by the state's deflt: a piece is read under the document's prefix when
   * it opens a list and under the unit before's when it follows one, and
   * one entry would miss each time the two alternate (half the pieces of a
   * big plan). NULL: none yet (e holds the state it was read under) */
  struct piece_memo *e[2];
} piece_cache;

/* One allocation: the struct, then its pieces' pc, toks, marked and suffix
 * arrays (a lookup touches a few neighbouring cache lines, not five
 * allocations). */
typedef struct token_memo {
  toks t;          /* the token's pieces (read_pieces of the token alone) */
  int *marked;     /* per piece */
  int *suffix;     /* per piece: a unit with a place and a body (place_suffix) */
  piece_cache *pc; /* per piece */
} token_memo;

typedef struct piece_memo {
  char in_gov[64]; /* the state it was read under (its key's: gov, last_party, deflt) */
  int in_last_party, in_deflt;
  int got;            /* 0: the piece names nothing */
  rg_unit_item it;    /* its item (person and looks filled; cache is &unit) */
  rg_unit_cache unit; /* the unit its name was last linked to */
  prefix_state st;    /* the prefix state after it */
} piece_memo;

/* Start fetching what memo_item reads of e (may be NULL). */
static void piece_prefetch(const piece_memo *e) {
  if (!e) return;
  for (size_t b = 0; b < sizeof *e; b += 64)
    __builtin_prefetch((const char *)e + b);
}

/* s (malloc'd, or NULL) moved into m's blocks: the memo's entries and
 * their strings live in its blocks, so freeing a big plan's memo frees a
 * few hundred blocks, not hundreds of thousands of cold allocations (40 ms
 * and more at the end of a 250,000-task plan). */
static char *memo_keep(rg_memo *m, char *s) {
  if (!s) return NULL;
  size_t n = strlen(s) + 1;
  char *k = rg_memo_alloc(m, n);
  memcpy(k, s, n);
  free(s);
  return k;
}

/* size bytes of m's blocks, zeroed. */
static void *memo_zalloc(rg_memo *m, size_t size) {
  void *p = rg_memo_alloc(m, size);
  memset(p, 0, size);
  return p;
}

static void unit_memo_free(void *v) {
  unit_memo *m = v;
  if (!m) return;
  free(m->once);
  rg_memo_clear(&m->tokens, NULL);
  rg_memo_clear(&m->pieces, NULL);
  rg_memo_clear(&m->lists, NULL);
  free(m->raw.v);
  free(m->t.v);
  free(m->marked);
  free(m->items);
  free(m);
}

/* The memo of plan's reading at its current level and prefix. */
static unit_memo *memo_of(rg_plan *plan) {
  rg_reading *rd = rg_reading_of(plan);
  if (rd->memo && rd->memo_free != unit_memo_free) return NULL; /* another reader's */
  unit_memo *m = rd->memo;
  if (m && (m->level != rd->level || strcmp(m->prefix, rd->prefix))) {
    unit_memo_free(m);
    m = NULL;
  }
  if (!m) {
    m = rg_xcalloc(1, sizeof *m);
    m->level = rd->level;
    snprintf(m->prefix, sizeof m->prefix, "%s", rd->prefix);
    rd->memo = m;
    rd->memo_free = unit_memo_free;
  }
  return m;
}

/* A list is kept in the memo when it comes again, not the first time:
 * most lists of a big plan are printed once (107,000 of the 250k plan's
 * 127,000 distinct lists), and keeping each one was memory the parser
 * faulted in for nothing. Lists read lately are noted by hash (memo.h,
 * rg_seen_add): a list pushed out, or taken for another, is only read
 * again or kept early; no result changes. */
static int read_before(unit_memo *m, uint32_t h) {
  if (!m->once) m->once = rg_seen_new();
  return !rg_seen_add(m->once, h);
}

static const unit_memo *memo_in(const rg_plan *plan) {
  const rg_reading *rd = plan->reading;
  return rd && rd->memo && rd->memo_free == unit_memo_free ? rd->memo : NULL;
}

void rg_unitlist_prefetch(const rg_plan *plan, uint32_t h, int stage) {
  const unit_memo *m = memo_in(plan);
  if (!m) return;
  if (stage < 2) {
    rg_memo_prefetch(&m->lists, h, stage);
    if (stage == 0) rg_seen_prefetch(m->once, h); /* (read_before) */
    return;
  }
  /* the list's entry is in cache: its items' records of their units */
  const list_memo *l = rg_memo_peek(&m->lists, h);
  for (int i = 0; l && i < l->n; i++)
    __builtin_prefetch(l->items[i].cache);
}

void rg_unitlist_forget(rg_plan *plan) {
  rg_reading *rd = plan->reading;
  if (!rd || rd->memo_free != unit_memo_free) return;
  unit_memo_free(rd->memo);
  rd->memo = NULL;
  rd->memo_free = NULL;
}

/* Would merge_collectives join two of these tokens (各区、县(市)政府)? */
static int merges(const toks *raw) {
  for (int r = 1; r < raw->n; r++)
    if (raw->v[r].sep == SEP_DUN && is_collective_head(&raw->v[r - 1])) return 1;
  return 0;
}

/* The token memo's entry of s (n bytes, hash h), made when new. */
static token_memo *token_of(unit_memo *m, const char *s, size_t n, uint32_t h) {
  token_memo *e = rg_memo_get_hashed(&m->tokens, s, n, h);
  if (e) return e;
  toks one = {0}, t = {0};
  push(&one, rg_xstrdup(s), SEP_START);
  int *marked = read_pieces(&one, &t);
  free(one.v);
  size_t k1 = (size_t)t.n + 1;
  e = memo_zalloc(&m->tokens,
                  sizeof *e + k1 * (sizeof(piece_cache) + sizeof(tok) + 2 * sizeof(int)));
  e->pc = (piece_cache *)(e + 1); /* pointers first, then the ints */
  e->t.v = (tok *)(e->pc + k1);
  e->marked = (int *)(e->t.v + k1);
  e->suffix = e->marked + k1;
  e->t.n = t.n;
  e->t.cap = k1;
  if (t.n) memcpy(e->t.v, t.v, (size_t)t.n * sizeof *t.v);
  for (int k = 0; k < t.n; k++)
    e->t.v[k].s = memo_keep(&m->tokens, e->t.v[k].s);
  memcpy(e->marked, marked, (size_t)t.n * sizeof *marked);
  free(t.v);
  free(marked);
  for (int k = 0; k < e->t.n; k++)
    e->suffix[k] = e->t.v[k].kind == RG_KIND_UNIT && place_suffix(e->t.v[k].s) != NULL;
  rg_memo_put_hashed(&m->tokens, s, n, h, e);
  return e;
}

/* read_pieces, token by token through the memo: the pieces of a token do
 * not depend on the others when no two tokens merge (merges() is 0). The
 * pieces in t are the memo's strings (borrowed); *suffixes is set when a
 * run of 、 ends in a place and a body (distribute_suffixes has work). */
static int *memo_pieces(unit_memo *m, toks *raw, toks *t, int *suffixes, const uint32_t *hl) {
  toks out = m->t; /* the memo's working arrays (raw is too: left as it is) */
  out.n = 0;
  size_t cap_marked = m->cap_marked;
  int *marked = m->marked;
  *suffixes = 0;
  /* the tokens' slots are fetched all at once (a big plan's token memo is
   * out of cache: the misses overlap instead of following each other) */
  enum { AHEAD = 16 };
  uint32_t h[AHEAD];
  size_t len[AHEAD];
  for (int i = 0; !hl && i < raw->n && i < AHEAD; i++) {
    len[i] = strlen(raw->v[i].s);
    h[i] = rg_memo_hash(raw->v[i].s, len[i]);
    rg_memo_prefetch(&m->tokens, h[i], 0);
  }
  for (int i = 0; i < raw->n; i++) {
    size_t n = hl ? hl[raw->n + i] : i < AHEAD ? len[i] : strlen(raw->v[i].s);
    uint32_t hash = hl ? hl[i] : i < AHEAD ? h[i] : rg_memo_hash(raw->v[i].s, n);
    token_memo *e = token_of(m, raw->v[i].s, n, hash);
    for (int k = 0; k < e->t.n; k++) {
      int sep = k ? e->t.v[k].sep : raw->v[i].sep;
      push(&out, e->t.v[k].s, sep);
      out.v[out.n - 1].kind = e->t.v[k].kind;
      out.v[out.n - 1].open = e->t.v[k].open;
      out.v[out.n - 1].pc = &e->pc[k];
      RG_GROW(marked, cap_marked, (size_t)out.n + 1);
      marked[out.n - 1] = e->marked[k];
      /* a unit with a place and a body after a 、 may end a run */
      if (e->suffix[k] && sep == SEP_DUN) *suffixes = 1;
    }
  }
  RG_GROW(marked, cap_marked, 1); /* one at least: the caller reads marked[] */
  m->t = out;
  m->marked = marked;
  m->cap_marked = cap_marked;
  *t = out;
  return marked;
}

/* piece_item through the memo: the item of piece s (not taken) under *st,
 * which it updates. The item's strings are the memo's (borrowed). */
static int memo_item(unit_memo *m, const char *s, rg_kind kind, prefix_state *st, rg_level level,
                     const char *prefix, piece_cache *pc, rg_unit_item *it) {
  int slot = st->deflt != 0;
  const piece_memo *last = pc ? pc->e[slot] : NULL;
  if (last && last->in_last_party == st->last_party && last->in_deflt == st->deflt &&
      !strcmp(last->in_gov, st->gov)) { /* read under this very state last time */
    *st = last->st;
    if (last->got) *it = last->it;
    return last->got;
  }
  /* the key: the piece, its kind and the whole prefix state */
  char buf[256];
  size_t n = strlen(s), g = strlen(st->gov), klen = n + 4 + g;
  char *key = klen <= sizeof buf ? buf : rg_xmalloc(klen);
  memcpy(key, s, n);
  key[n] = '\0';
  key[n + 1] = (char)('0' + kind);
  key[n + 2] = (char)('0' + st->last_party);
  key[n + 3] = (char)('0' + st->deflt);
  memcpy(key + n + 4, st->gov, g);
  piece_memo *e = rg_memo_get(&m->pieces, key, klen);
  if (!e) {
    e = memo_zalloc(&m->pieces, sizeof *e);
    memcpy(e->in_gov, st->gov, sizeof e->in_gov);
    e->in_last_party = st->last_party;
    e->in_deflt = st->deflt;
    e->got = piece_item(rg_xstrdup(s), kind, st, level, prefix, &e->it);
    e->st = *st;
    e->unit.unit = -1;
    e->it.cache = &e->unit;
    if (e->got) {
      int same = e->it.alias == e->it.name;
      e->it.name = memo_keep(&m->pieces, e->it.name);
      e->it.alias = same ? e->it.name : memo_keep(&m->pieces, e->it.alias);
      e->it.printed = memo_keep(&m->pieces, e->it.printed);
      const char *name = e->it.name;
      e->it.person = kind == RG_KIND_UNIT && rg_vocab_is_person(name);
      e->it.looks = kind == RG_KIND_UNIT ? rg_vocab_is_body(name) : !junk_name(name);
    }
    rg_memo_put(&m->pieces, key, klen, e);
  } else {
    *st = e->st;
  }
  if (key != buf) free(key);
  if (pc) pc->e[slot] = e;
  if (e->got) *it = e->it;
  return e->got;
}

/* Parse text into items: level and prefix are the document's (prefix ""
 * when unknown or national). With a memo (m), each distinct token and
 * piece is read once, and the items' strings are the memo's (out->borrowed);
 * the items are the same. */
struct rg_list_pre {
  char *norm; /* NFKC and trimmed, cut into the tokens; NULL: no units */
  toks raw;
  /* rg_memo_hash of each token's bytes, then each token's length
   * (hash[raw.n + i]): the token memo's lookups, done ahead */
  uint32_t *hash;
};

rg_list_pre *rg_unitlist_pre(const char *text, size_t len) {
  char *norm = rg_nfkc(text, len);
  if (norm) {
    trim_unit(norm);
    if (rg_means_none(norm)) {
      free(norm);
      norm = NULL;
    }
  }
  /* one block for the list's record, its tokens and their hashes (counted
   * first, so that the tokens never grow): two allocations a list, with
   * the normalised text, on the thread that prepares a big plan's lines */
  int n = norm ? count_tokens(norm) : 0;
  size_t head = (sizeof(rg_list_pre) + 15) & ~(size_t)15;
  char *block = rg_xmalloc(head + (size_t)n * sizeof(tok) + 2 * (size_t)n * sizeof(uint32_t));
  rg_list_pre *p = (rg_list_pre *)block;
  memset(p, 0, sizeof *p);
  p->norm = norm;
  if (!norm) return p;
  p->raw = (toks){(tok *)(block + head), 0, (size_t)n};
  tokenize_in_place(norm, &p->raw);
  p->hash = (uint32_t *)(block + head + (size_t)n * sizeof(tok));
  int got = p->raw.n; /* (== n: the cut never grows the tokens) */
  for (int i = 0; i < got; i++) {
    size_t tlen = strlen(p->raw.v[i].s);
    p->hash[i] = rg_memo_hash(p->raw.v[i].s, tlen);
    p->hash[got + i] = (uint32_t)tlen;
  }
  return p;
}

void rg_unitlist_pre_free(rg_list_pre *p) {
  if (!p) return;
  free(p->norm);
  free(p); /* (its tokens and hashes with it) */
}

void rg_unitlist_prefetch_pre(const rg_plan *plan, const rg_list_pre *pre, int stage) {
  const unit_memo *m = memo_in(plan);
  if (!m || !pre->norm) return;
  int n = pre->raw.n;
  for (int i = 0; i < n; i++) {
    if (stage < 2) {
      rg_memo_prefetch(&m->tokens, pre->hash[i], stage);
      continue;
    }
    /* the token's entry is in cache: its pieces' last readings */
    const token_memo *e = rg_memo_peek(&m->tokens, pre->hash[i]);
    for (int k = 0; e && k < e->t.n; k++) {
      piece_prefetch(e->pc[k].e[0]);
      piece_prefetch(e->pc[k].e[1]);
    }
  }
}

/* The list's bytes read (the memo's, or on their own when m is NULL);
 * pre, when given (with a memo), holds its first steps done ahead. */
static void parse_memo(unit_memo *m, const char *text, size_t len, rg_level level,
                       const char *prefix, rg_unit_list *out, const rg_list_pre *pre) {
  memset(out, 0, sizeof *out);
  if (m && pre && !pre->norm) return; /* (as below: not UTF-8, or a word for none) */
  char *norm = NULL;
  if (!m || !pre) {
    norm = rg_nfkc(text, len);
    if (!norm) return;
    trim_unit(norm);
    if (rg_means_none(norm)) {
      free(norm);
      return;
    }
  }
  toks raw = {0}, t = {0};
  int *marked, owned = 1, suffixes = 0, scratch = 0;
  if (!m) {
    tokenize(norm, &raw);
    marked = read_pieces(&raw, &t);
  } else {
    raw = m->raw; /* the memo's working array */
    raw.n = 0;
    if (pre) /* the tokens of pre->norm (kept by the caller until the list is read) */
      for (int i = 0; i < pre->raw.n; i++)
        push(&raw, pre->raw.v[i].s, pre->raw.v[i].sep);
    else
      tokenize_in_place(norm, &raw);
    m->raw = raw;
    if (merges(&raw)) { /* the pieces' own copies, read as without a memo */
      toks own = {0};
      for (int i = 0; i < raw.n; i++)
        push(&own, rg_xstrdup(raw.v[i].s), raw.v[i].sep);
      marked = read_pieces(&own, &t);
    } else {
      marked = memo_pieces(m, &raw, &t, &suffixes, pre ? pre->hash : NULL);
      owned = 0;
      scratch = 1;
      if (suffixes) { /* distribute_suffixes may change pieces: own them */
        for (int i = 0; i < t.n; i++)
          t.v[i].s = rg_xstrdup(t.v[i].s);
        owned = 1;
      }
    }
  }
  free(norm);
  if (owned) distribute_suffixes(&t);
  out->borrowed = m != NULL;
  if (m) { /* the items go into the memo's working array (the caller copies them) */
    out->items = m->items;
    out->cap = m->cap_items;
  }
  prefix_state st = {{0}, 0, 0};
  if (prefix && *prefix && level != RG_LEVEL_NATIONAL) {
    set_prefix(&st, prefix, strlen(prefix), 0);
    st.deflt = 1;
  }
  if (m && !owned) /* the pieces' memo entries, fetched at once: a big plan's are out of
                    * cache, and each is read only after the one before */
    for (int i = 0; i < t.n; i++)
      for (int d = 0; d < 2; d++)
        piece_prefetch(t.v[i].pc->e[d]);
  for (int i = 0; i < t.n; i++) {
    tok *k = &t.v[i];
    if (k->open) out->open = 1;
    rg_unit_item it;
    int got = m ? memo_item(m, k->s, k->kind, &st, level, prefix, owned ? NULL : k->pc, &it)
                : piece_item(k->s, k->kind, &st, level, prefix, &it);
    if (m && owned) free(k->s);
    if (!got) continue;
    it.marked = marked[i];
    RG_GROW(out->items, out->cap, (size_t)out->n + 1);
    out->items[out->n++] = it;
  }
  if (m) {
    m->items = out->items;
    m->cap_items = out->cap;
  }
  if (!scratch) {
    free(marked);
    free(t.v);
  }
  if (!m) free(raw.v);
}

static void parse_at(const char *text, size_t len, rg_level level, const char *prefix,
                     rg_unit_list *out) {
  parse_memo(NULL, text, len, level, prefix, out, NULL);
}

void rg_unitlist_parse(const char *text, size_t len, rg_unit_list *out) {
  parse_at(text, len, RG_LEVEL_UNKNOWN, "", out);
}

void rg_unitlist_parse_level(const char *text, size_t len, int level, const char *prefix,
                             rg_unit_list *out) {
  parse_at(text, len, (rg_level)level, prefix, out);
}

void rg_unitlist_destroy(rg_unit_list *l) {
  if (!l) return;
  for (int i = 0; i < l->n && !l->borrowed; i++) {
    free(l->items[i].printed);
    free(l->items[i].name);
    free(l->items[i].alias);
  }
  free(l->items);
  memset(l, 0, sizeof *l);
}

/* A canonical name reached by a rule, not a table: say so once per name. */
static void canonical_doubt(rg_plan *plan, int task, long line, const char *printed,
                            const char *name, const char *why) {
  char head[512];
  snprintf(head, sizeof head, "'%s' is read as '%s'", printed, name);
  for (int i = 0; i < plan->n_diags; i++)
    if (!strcmp(plan->diags[i].code, "canonical") && strstr(plan->diags[i].message, head)) return;
  rg_plan_diag(plan, RG_SEV_WARNING, line, "canonical",
               "task %s: %s (%s); check that they are the same body", plan->tasks[task].number,
               head, why);
}

/* Link unit u to task under mode; returns the link or -1 when kept. */
static int link_mode(rg_plan *plan, int task, int u, rg_role role, long line, rg_link_mode mode) {
  if (mode == RG_LINK_NORMAL) return rg_plan_link(plan, task, u, role, line);
  int l = rg_plan_find_link(plan, task, u);
  if (l < 0) return rg_plan_link(plan, task, u, role, line);
  if (mode == RG_LINK_STRONGEST && role == RG_ROLE_LEAD) plan->links[l].role = RG_ROLE_LEAD;
  return l;
}

int rg_unitlist_link_opts(rg_plan *plan, int task, const char *text, size_t len, long line,
                          const rg_list_opts *o) {
  rg_reading *rd = rg_reading_of(plan);
  rg_unit_list l;
  unit_memo *m = memo_of(plan);
  uint32_t h = m ? o->hash ? *o->hash : rg_memo_hash(text, len) : 0;
  list_memo *seen = m ? rg_memo_get_hashed(&m->lists, text, len, h) : NULL;
  if (seen) {
    l = (rg_unit_list){.items = seen->items, .n = seen->n, .open = seen->open, .borrowed = 1};
  } else {
    parse_memo(m, text, len, rd->level, rd->prefix, &l, o->pre);
    if (m && read_before(m, h)) { /* keep the items with the list, read the copy */
      list_memo *e = rg_memo_alloc(&m->lists, sizeof *e + (size_t)l.n * sizeof *l.items);
      e->n = l.n;
      e->open = l.open;
      if (l.n) memcpy(e->items, l.items, (size_t)l.n * sizeof *l.items);
      rg_memo_put_hashed(&m->lists, text, len, h, e);
      l.items = e->items; /* (l's array is the memo's working one: not freed) */
      seen = e;
    }
  }
  if (l.open) plan->tasks[task].open_list = 1;
  int marker = 0;
  for (int i = 0; i < rd->n_conv; i++)
    if (rd->conv[i].kind == RG_CONV_MARKER && task >= rd->conv[i].from_task) marker = i + 1;
  /* an explicit lead in the list itself (X(牵头)、Y; ★X、Y) overrides the
   * first-listed rule and a shared role */
  int named_lead = 0;
  for (int i = 0; i < l.n; i++)
    named_lead |= l.items[i].lead || (marker && l.items[i].marked);
  int n = 0, first_done = 0;
  for (int i = 0; i < l.n; i++) {
    const rg_unit_item *it = &l.items[i];
    const char *name = it->name;
    const char *printed = it->printed ? it->printed : name;
    int person =
        it->person >= 0 ? it->person : it->kind == RG_KIND_UNIT && rg_vocab_is_person(name);
    if (person && !rg_reading_accepts(plan, name)) {
      rd->n_person++;
      rg_reading_event_add(plan, task, line, printed, -1, RG_ROLE_SUPPORT, "person",
                           "a person named by a post, not a unit");
      continue;
    }
    int ok = rg_reading_accepts(plan, name) || (it->looks >= 0             ? it->looks
                                                : it->kind == RG_KIND_UNIT ? rg_vocab_is_body(name)
                                                                           : !junk_name(name));
    if (!ok) {
      rd->n_suspect++;
      rg_plan_diag(plan, RG_SEV_WARNING, line, "suspect-unit",
                   "task %s: '%s' does not look like a unit (no ending such as 局, 委, 办, 厅, "
                   "部, 中心, 政府; not a place); left out (--accept-unit '%s' lets it in)",
                   plan->tasks[task].number, name, name);
      rg_reading_event_add(plan, task, line, printed, -1, RG_ROLE_SUPPORT, "suspect",
                           "does not look like a body; left out");
      continue;
    }
    rg_role role = o->role;
    const char *why = o->why;
    if (o->shared && named_lead) role = RG_ROLE_SUPPORT;
    if (o->first_lead && !named_lead) {
      role = first_done ? o->role : RG_ROLE_LEAD;
      if (!first_done) why = o->first_why ? o->first_why : why;
      first_done = 1;
    }
    if (it->lead) {
      role = RG_ROLE_LEAD;
      why = "marked (牵头) after the name";
    } else if (marker && it->marked) {
      role = RG_ROLE_LEAD;
      why = "carries the lead mark the plan defines";
      rd->conv[marker - 1].applied++;
    }
    if (it->doubt) canonical_doubt(plan, task, line, printed, name, it->doubt);
    /* a short name the plan declared (以下简称市大数据局) is that unit; a
     * name linked before is the unit it was then, unless a short name was
     * declared since (the memo keeps it: no hashing, no compare) */
    rg_unit_cache *uc = it->cache;
    int u = uc && uc->unit >= 0 && uc->n_short == rd->n_short ? uc->unit : -1;
    if (u < 0) {
      u = rg_reading_short(plan, name);
      if (u < 0) u = rg_plan_intern_unit(plan, name, it->kind, line);
      if (uc) *uc = (rg_unit_cache){u, rd->n_short, 0};
    }
    /* (once per unit the memo's item was linked to: the same name and
     * alias would be compared with every alias of the unit each time) */
    if (it->alias && !(uc && uc->aliased)) {
      rg_plan_add_alias(plan, u, it->alias);
      if (uc) uc->aliased = 1;
    }
    if (it->alias && it->short_alias) rg_reading_add_short(plan, it->alias, u);
    link_mode(plan, task, u, role, line, o->mode);
    rg_reading_event_add(plan, task, line, printed, u, role, "unit", why);
    n++;
  }
  if (!m) rg_unitlist_destroy(&l); /* (else the memo's: its working array or a kept list) */
  return n;
}

int rg_unitlist_link(rg_plan *plan, int task, rg_role role, const char *text, size_t len,
                     long line) {
  rg_list_opts o = {.role = role,
                    .mode = RG_LINK_NORMAL,
                    .why = role == RG_ROLE_LEAD ? "lead list" : "support list"};
  return rg_unitlist_link_opts(plan, task, text, len, line, &o);
}
