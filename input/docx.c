/* docx.c - Word (.docx) plans: WordprocessingML through libzip + libxml2.
 *
 * The body is walked in reading order. Each paragraph (w:p) is one line,
 * prefixed with its automatic list number when it has one (numbering.xml:
 * w:numPr of the paragraph or of its style; counters per list, start values,
 * w:startOverride, restarts of deeper levels, w:lvlText such as "%1."
 * "（%1）" "%1、" "(%1)" "%1.%2" with each level's w:numFmt: decimal,
 * chineseCounting, chineseCountingThousand, ideographTraditional,
 * decimalEnclosedCircle, ...), because in Word those numbers are not in the
 * text, and they are the task numbers. A w:br inside a paragraph starts a
 * new line at the same place. Runs marked hidden (w:vanish) are not read.
 * Tracked changes are read as accepted: w:ins and w:moveTo kept, w:del and
 * w:moveFrom dropped, a deleted paragraph mark joins the paragraph to the
 * next. Text boxes (w:txbxContent; the first mc:Choice of an
 * mc:AlternateContent, never its fallback copy) follow the paragraph that
 * anchors them. Tables: gridSpan and vMerge resolved into a grid; a table
 * whose header row is recognised is a task table (rows for rg_rows_parse),
 * any other is read cell by cell as paragraphs, and tables nested in its
 * cells are looked at in turn. Footnotes and endnotes follow the body in
 * the order they are referenced.
 *
 * Locations: ¶N counts the paragraphs of the body (in tables and text
 * boxes too) as Word shows them; a task-table row is "table T row R";
 * notes are "footnote K" / "endnote K". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "container.h"
#include "ooxml.h"
#include "sort.h"

#define MAX_LEVELS 9
#define MAX_DEPTH 8 /* nested tables deeper than this are read as text */

/* ------------------------------------------------------------ numbering */

typedef struct level {
  int start;
  int restart; /* -1: default (any shallower level); 0: never; n: levels < n */
  int legal;   /* isLgl: shallower levels shown as decimal */
  char fmt[40];
  const char *text; /* lvlText, borrowed from the numbering document */
  int has;
} level;

typedef struct absnum {
  long id;
  level lv[MAX_LEVELS];
} absnum;

typedef struct num {
  long id;
  int abs;                  /* index into abstracts, -1 none */
  int start_ov[MAX_LEVELS]; /* startOverride, -1 none */
  level lv[MAX_LEVELS];     /* w:lvlOverride/w:lvl, .has = 1 when given */
  int own;                  /* has overrides: a list instance of its own */
  int inst;                 /* counter instance */
} num;

typedef struct counters {
  int cnt[MAX_LEVELS];
  unsigned char used[MAX_LEVELS];
} counters;

typedef struct undo {
  int inst, level, cnt;
  unsigned char used;
} undo;

typedef struct style {
  const char *id;
  const char *based_on;
  long num_id; /* -1: none given; 0: numbering removed */
  int ilvl;    /* -1: none given */
  int hidden;
} style;

typedef struct walker {
  rg_cdoc *doc;
  rg_zip *z;
  absnum *abs;
  int n_abs;
  num *nums;
  int n_nums;
  counters *inst;
  int n_inst;
  undo *log;
  size_t n_log, cap_log;
  int logging;
  style *styles;
  int n_styles;
  level dflt[MAX_LEVELS]; /* levels of a list with no definition */
  long para;              /* ¶ counter */
  int tables;             /* table counter */
  int depth;              /* table nesting */
  /* notes referenced, in order */
  long *fn_refs, *en_refs;
  int n_fn, n_en;
  size_t cap_fn, cap_en;
  /* the paragraph being built */
  rg_buf para_text;
  char *carry; /* text of a paragraph whose mark was deleted */
  size_t carry_len;
  const char *label_override; /* footnote K, endnote K */
  /* text boxes met inside the current paragraph */
  xmlNode **boxes;
  int n_boxes;
  size_t cap_boxes;
  /* when collecting cell text for a grid instead of emitting lines */
  int collect;
  rg_buf cell;
} walker;

static long lattr(const xmlNode *n, const char *name, long dflt) {
  const char *v = rg_xml_attr(n, name);
  if (!v) return dflt;
  char *end;
  long x = strtol(v, &end, 10);
  return end == v ? dflt : x;
}

static int on(const xmlNode *n) { /* a toggle property: <w:vanish/> or val=true */
  if (!n) return 0;
  const char *v = rg_xml_attr(n, "val");
  return !v || (strcmp(v, "0") && strcmp(v, "false") && strcmp(v, "off"));
}

static void read_level(level *lv, xmlNode *l) {
  xmlNode *c;
  lv->has = 1;
  if ((c = rg_xml_child(l, "start"))) lv->start = (int)lattr(c, "val", 1);
  if ((c = rg_xml_child(l, "numFmt"))) {
    const char *v = rg_xml_attr(c, "val");
    snprintf(lv->fmt, sizeof lv->fmt, "%s", v ? v : "decimal");
  }
  if ((c = rg_xml_child(l, "lvlText"))) lv->text = rg_xml_attr(c, "val");
  if ((c = rg_xml_child(l, "lvlRestart"))) lv->restart = (int)lattr(c, "val", -1);
  if ((c = rg_xml_child(l, "isLgl"))) lv->legal = on(c);
}

static void default_levels(level *lv) {
  for (int i = 0; i < MAX_LEVELS; i++) {
    memset(&lv[i], 0, sizeof lv[i]);
    lv[i].start = 1;
    lv[i].restart = -1;
    snprintf(lv[i].fmt, sizeof lv[i].fmt, "decimal");
  }
}

/* By id, for records that begin with a long id (num, note_ix): the first
 * member of a struct is at its address. */
static int by_id(const void *a, const void *b, void *ctx) {
  (void)ctx;
  long x = *(const long *)a, y = *(const long *)b;
  return x < y ? -1 : x > y;
}

static void read_numbering(walker *w, xmlDoc *d) {
  xmlNode *root = d ? xmlDocGetRootElement(d) : NULL;
  if (!root) return;
  size_t cap_abs = 0, cap_nums = 0;
  for (xmlNode *n = root->children; n; n = n->next) {
    if (rg_xml_is(n, "abstractNum")) {
      RG_GROW(w->abs, cap_abs, (size_t)w->n_abs + 1);
      absnum *a = &w->abs[w->n_abs++];
      a->id = lattr(n, "abstractNumId", -1);
      default_levels(a->lv);
      for (xmlNode *l = n->children; l; l = l->next) {
        long i = rg_xml_is(l, "lvl") ? lattr(l, "ilvl", -1) : -1;
        if (i >= 0 && i < MAX_LEVELS) read_level(&a->lv[i], l);
      }
    }
  }
  for (xmlNode *n = root->children; n; n = n->next) {
    if (!rg_xml_is(n, "num")) continue;
    RG_GROW(w->nums, cap_nums, (size_t)w->n_nums + 1);
    num *m = &w->nums[w->n_nums++];
    memset(m, 0, sizeof *m);
    m->id = lattr(n, "numId", -1);
    m->abs = -1;
    xmlNode *an = rg_xml_child(n, "abstractNumId");
    long aid = an ? lattr(an, "val", -1) : -1;
    for (int i = 0; i < w->n_abs; i++)
      if (w->abs[i].id == aid) m->abs = i; /* the last definition wins, as in Word */
    for (int i = 0; i < MAX_LEVELS; i++)
      m->start_ov[i] = -1;
    default_levels(m->lv);
    for (int i = 0; i < MAX_LEVELS; i++)
      m->lv[i].has = 0;
    for (xmlNode *o = n->children; o; o = o->next) {
      if (!rg_xml_is(o, "lvlOverride")) continue;
      long i = lattr(o, "ilvl", -1);
      if (i < 0 || i >= MAX_LEVELS) continue;
      xmlNode *so = rg_xml_child(o, "startOverride"), *l = rg_xml_child(o, "lvl");
      if (so) m->start_ov[i] = (int)lattr(so, "val", 1);
      if (l) {
        if (m->abs >= 0) m->lv[i] = w->abs[m->abs].lv[i];
        read_level(&m->lv[i], l);
      }
      m->own = 1;
    }
  }
  rg_sort(w->nums, (size_t)w->n_nums, sizeof *w->nums, by_id, NULL);
  /* counter instances: one per abstract list, one more per overriding num */
  w->n_inst = w->n_abs;
  for (int i = 0; i < w->n_nums; i++)
    w->nums[i].inst = w->nums[i].own ? w->n_inst++ : w->nums[i].abs;
  w->inst = rg_xcalloc((size_t)w->n_inst + 1, sizeof *w->inst);
}

static num *find_num(walker *w, long id) {
  num key = {.id = id};
  return rg_bsearch(&key, w->nums, (size_t)w->n_nums, sizeof *w->nums, by_id, NULL);
}

static const level *level_of(walker *w, const num *m, int i) {
  if (m->lv[i].has) return &m->lv[i];
  return m->abs < 0 ? &w->dflt[i] : &w->abs[m->abs].lv[i];
}

static void set_counter(walker *w, int inst, int lvl, int cnt, unsigned char used) {
  counters *c = &w->inst[inst];
  if (w->logging) {
    RG_GROW(w->log, w->cap_log, w->n_log + 1);
    w->log[w->n_log++] = (undo){inst, lvl, c->cnt[lvl], c->used[lvl]};
  }
  c->cnt[lvl] = cnt;
  c->used[lvl] = used;
}

static void undo_to(walker *w, size_t mark) {
  while (w->n_log > mark) {
    undo *u = &w->log[--w->n_log];
    w->inst[u->inst].cnt[u->level] = u->cnt;
    w->inst[u->inst].used[u->level] = u->used;
  }
}

/* ------------------------------------------------------ number formats */

static void chinese(long v, char *out, size_t size) {
  static const char *const d[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  out[0] = '\0';
  if (v <= 0 || v >= 100000) {
    snprintf(out, size, "%ld", v);
    return;
  }
  static const char *const unit[] = {"", "十", "百", "千", "万"};
  int digits[5], n = 0;
  for (long x = v; x; x /= 10)
    digits[n++] = (int)(x % 10);
  int zero = 0;
  for (int i = n - 1; i >= 0; i--) {
    if (digits[i] == 0) {
      zero = 1;
      continue;
    }
    if (zero) strncat(out, d[0], size - strlen(out) - 1);
    zero = 0;
    /* 十一 not 一十一, but 一百一十 */
    if (!(i == 1 && digits[i] == 1 && n == 2)) strncat(out, d[digits[i]], size - strlen(out) - 1);
    strncat(out, unit[i], size - strlen(out) - 1);
  }
}

static void roman(long v, int upper, char *out, size_t size) {
  static const char *const r[] = {"m",  "cm", "d",  "cd", "c",  "xc", "l",
                                  "xl", "x",  "ix", "v",  "iv", "i"};
  static const int val[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
  out[0] = '\0';
  if (v <= 0 || v > 3999) {
    snprintf(out, size, "%ld", v);
    return;
  }
  for (int i = 0; i < 13; i++)
    while (v >= val[i]) {
      strncat(out, r[i], size - strlen(out) - 1);
      v -= val[i];
    }
  if (upper)
    for (char *p = out; *p; p++)
      *p = (char)(*p - 'a' + 'A');
}

/* Write v in Word's number format fmt. */
static void format_number(long v, const char *fmt, char *out, size_t size) {
  static const char *const gan[] = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"};
  static const char *const zhi[] = {"子", "丑", "寅", "卯", "辰", "巳",
                                    "午", "未", "申", "酉", "戌", "亥"};
  static const char *const legal[] = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
  if (!strcmp(fmt, "chineseCounting") || !strcmp(fmt, "chineseCountingThousand") ||
      !strcmp(fmt, "japaneseCounting") || !strcmp(fmt, "taiwaneseCounting") ||
      !strcmp(fmt, "taiwaneseCountingThousand") || !strcmp(fmt, "ideographDigital") ||
      !strcmp(fmt, "koreanCounting")) {
    chinese(v, out, size);
  } else if (!strcmp(fmt, "chineseLegalSimplified") && v > 0 && v < 10) {
    snprintf(out, size, "%s", legal[v]);
  } else if (!strcmp(fmt, "ideographTraditional") && v >= 1 && v <= 10) {
    snprintf(out, size, "%s", gan[v - 1]);
  } else if (!strcmp(fmt, "ideographZodiac") && v >= 1 && v <= 12) {
    snprintf(out, size, "%s", zhi[v - 1]);
  } else if ((!strcmp(fmt, "decimalEnclosedCircle") ||
              !strcmp(fmt, "decimalEnclosedCircleChinese")) &&
             v >= 1 && v <= 20) {
    unsigned cp = 0x2460 + (unsigned)v - 1; /* ① .. ⑳ */
    snprintf(out, size, "%c%c%c", 0xE0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3F), 0x80 | (cp & 0x3F));
  } else if (!strcmp(fmt, "decimalEnclosedParen") && v >= 1 && v <= 20) {
    unsigned cp = 0x2474 + (unsigned)v - 1; /* ⑴ .. ⒇ */
    snprintf(out, size, "%c%c%c", 0xE0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3F), 0x80 | (cp & 0x3F));
  } else if (!strcmp(fmt, "decimalEnclosedFullstop") && v >= 1 && v <= 20) {
    unsigned cp = 0x2488 + (unsigned)v - 1; /* ⒈ .. ⒛ */
    snprintf(out, size, "%c%c%c", 0xE0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3F), 0x80 | (cp & 0x3F));
  } else if (!strcmp(fmt, "decimalFullWidth") || !strcmp(fmt, "decimalFullWidth2")) {
    char tmp[24];
    snprintf(tmp, sizeof tmp, "%ld", v);
    out[0] = '\0';
    for (char *p = tmp; *p; p++) {
      char one[4] = {(char)0xEF, (char)0xBC, (char)(0x90 + (*p - '0')), 0}; /* ０ .. ９ */
      if (*p == '-') one[0] = '-', one[1] = 0;
      strncat(out, one, size - strlen(out) - 1);
    }
  } else if (!strcmp(fmt, "decimalZero")) {
    snprintf(out, size, "%02ld", v);
  } else if (!strcmp(fmt, "upperRoman") || !strcmp(fmt, "lowerRoman")) {
    roman(v, fmt[0] == 'u', out, size);
  } else if ((!strcmp(fmt, "upperLetter") || !strcmp(fmt, "lowerLetter")) && v >= 1) {
    /* A..Z, AA..ZZ, AAA.. (Word repeats the letter) */
    int times = (int)((v - 1) / 26) + 1;
    char c = (char)((fmt[0] == 'u' ? 'A' : 'a') + (v - 1) % 26);
    size_t i = 0;
    for (; i < (size_t)times && i + 1 < size && i < 16; i++)
      out[i] = c;
    out[i] = '\0';
  } else if (!strcmp(fmt, "none") || !strcmp(fmt, "bullet")) {
    out[0] = '\0';
  } else {
    snprintf(out, size, "%ld", v);
  }
}

/* The list number of a paragraph with (numId, ilvl), advancing the
 * counters; "" when none. */
static void list_number(walker *w, long num_id, int ilvl, char *out, size_t size) {
  out[0] = '\0';
  if (num_id <= 0) return;
  num *m = find_num(w, num_id);
  if (!m || m->inst < 0) return;
  if (ilvl < 0 || ilvl >= MAX_LEVELS) ilvl = 0;
  counters *c = &w->inst[m->inst];
  const level *lv = level_of(w, m, ilvl);
  int start = m->start_ov[ilvl] >= 0 ? m->start_ov[ilvl] : lv->start;
  set_counter(w, m->inst, ilvl, c->used[ilvl] ? c->cnt[ilvl] + 1 : start, 1);
  for (int k = ilvl + 1; k < MAX_LEVELS; k++) {
    int r = level_of(w, m, k)->restart;
    if (r == 0) continue;
    if ((r < 0 || ilvl < r) && c->used[k]) set_counter(w, m->inst, k, c->cnt[k], 0);
  }
  if (!strcmp(lv->fmt, "bullet") || !lv->text) return;
  size_t o = 0;
  for (const char *p = lv->text; *p && o + 1 < size; p++) {
    if (p[0] == '%' && p[1] >= '1' && p[1] <= '9') {
      int k = p[1] - '1';
      p++;
      const level *kl = level_of(w, m, k);
      int ks = m->start_ov[k] >= 0 ? m->start_ov[k] : kl->start;
      long v = c->used[k] ? c->cnt[k] : ks;
      char digits[64];
      format_number(v, lv->legal && k != ilvl ? "decimal" : kl->fmt, digits, sizeof digits);
      size_t dn = strlen(digits);
      if (o + dn + 1 >= size) break;
      memcpy(out + o, digits, dn);
      o += dn;
    } else {
      out[o++] = *p;
    }
  }
  out[o] = '\0';
}

/* --------------------------------------------------------------- styles */

static int by_style_id(const void *a, const void *b, void *ctx) {
  (void)ctx;
  return strcmp(((const style *)a)->id, ((const style *)b)->id);
}

static void read_styles(walker *w, xmlDoc *d) {
  xmlNode *root = d ? xmlDocGetRootElement(d) : NULL;
  if (!root) return;
  size_t cap = 0;
  for (xmlNode *s = root->children; s; s = s->next) {
    const char *id = rg_xml_attr(s, "styleId");
    if (!rg_xml_is(s, "style") || !id) continue;
    RG_GROW(w->styles, cap, (size_t)w->n_styles + 1);
    style *st = &w->styles[w->n_styles++];
    st->id = id;
    st->based_on = NULL;
    st->num_id = -1;
    st->ilvl = -1;
    st->hidden = 0;
    xmlNode *b = rg_xml_child(s, "basedOn"), *ppr = rg_xml_child(s, "pPr"),
            *rpr = rg_xml_child(s, "rPr");
    if (b) st->based_on = rg_xml_attr(b, "val");
    xmlNode *np = rg_xml_child(ppr, "numPr");
    if (np) {
      xmlNode *ni = rg_xml_child(np, "numId"), *il = rg_xml_child(np, "ilvl");
      if (ni) st->num_id = lattr(ni, "val", -1);
      if (il) st->ilvl = (int)lattr(il, "val", -1);
    }
    st->hidden = on(rg_xml_child(rpr, "vanish"));
  }
  rg_sort(w->styles, (size_t)w->n_styles, sizeof *w->styles, by_style_id, NULL);
}

static const style *find_style(walker *w, const char *id) {
  if (!id) return NULL;
  style key = {.id = id};
  return rg_bsearch(&key, w->styles, (size_t)w->n_styles, sizeof *w->styles, by_style_id, NULL);
}

/* numId and ilvl of a style, following basedOn (at most 16 steps). */
static void style_numbering(walker *w, const char *id, long *num_id, int *ilvl) {
  for (int i = 0; i < 16 && id; i++) {
    const style *s = find_style(w, id);
    if (!s) return;
    if (*ilvl < 0 && s->ilvl >= 0) *ilvl = s->ilvl;
    if (*num_id < 0 && s->num_id >= 0) *num_id = s->num_id;
    if (*num_id >= 0 && *ilvl >= 0) return;
    id = s->based_on;
  }
}

/* ----------------------------------------------------------- the walk */

static void emit_line(walker *w, const char *s, size_t n) {
  if (w->collect) {
    if (w->cell.n) rg_buf_putn(&w->cell, "\n", 1);
    rg_buf_putn(&w->cell, s, n);
    return;
  }
  char label[48];
  if (w->label_override)
    snprintf(label, sizeof label, "%s", w->label_override);
  else
    snprintf(label, sizeof label, "\xC2\xB6%ld", w->para); /* ¶ */
  rg_cdoc_line(w->doc, s, n, label);
}

static void flush(walker *w) {
  emit_line(w, w->para_text.s ? w->para_text.s : "", w->para_text.n);
  w->para_text.n = 0;
  if (w->para_text.s) w->para_text.s[0] = '\0';
}

static void note_ref(walker *w, xmlNode *ref, int foot) {
  long id = lattr(ref, "id", -1);
  long **refs = foot ? &w->fn_refs : &w->en_refs;
  int *n = foot ? &w->n_fn : &w->n_en;
  size_t *cap = foot ? &w->cap_fn : &w->cap_en;
  for (int i = 0; i < *n; i++)
    if ((*refs)[i] == id) return;
  if (*n >= 100000) return;
  RG_GROW(*refs, *cap, (size_t)*n + 1);
  (*refs)[(*n)++] = id;
}

/* Of an mc:AlternateContent only the first choice is read, never the
 * fallback (an older copy of the same content). */
static xmlNode *first_choice(xmlNode *alt) {
  for (xmlNode *k = alt->children; k; k = k->next)
    if (k->type == XML_ELEMENT_NODE) return k;
  return NULL;
}

static void find_boxes(walker *w, xmlNode *n) {
  if (rg_xml_is(n, "AlternateContent")) {
    if ((n = first_choice(n))) find_boxes(w, n);
    return;
  }
  for (xmlNode *c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (rg_xml_is(c, "txbxContent")) {
      RG_GROW(w->boxes, w->cap_boxes, (size_t)w->n_boxes + 1);
      w->boxes[w->n_boxes++] = c;
      continue;
    }
    find_boxes(w, c);
  }
}

static void run_text(walker *w, xmlNode *run) {
  xmlNode *rpr = rg_xml_child(run, "rPr");
  if (rpr && (on(rg_xml_child(rpr, "vanish")) || on(rg_xml_child(rpr, "webHidden")))) return;
  for (xmlNode *c = run->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (rg_xml_is(c, "t")) {
      for (xmlNode *t = c->children; t; t = t->next)
        if (t->type == XML_TEXT_NODE && t->content)
          rg_buf_puts(&w->para_text, (const char *)t->content);
    } else if (rg_xml_is(c, "tab") || rg_xml_is(c, "ptab")) {
      rg_buf_putn(&w->para_text, " ", 1);
    } else if (rg_xml_is(c, "br") || rg_xml_is(c, "cr")) {
      flush(w);
    } else if (rg_xml_is(c, "noBreakHyphen")) {
      rg_buf_putn(&w->para_text, "-", 1);
    } else if (rg_xml_is(c, "footnoteReference")) {
      note_ref(w, c, 1);
    } else if (rg_xml_is(c, "endnoteReference")) {
      note_ref(w, c, 0);
    } else if (rg_xml_is(c, "drawing") || rg_xml_is(c, "pict") ||
               rg_xml_is(c, "AlternateContent") || rg_xml_is(c, "object")) {
      find_boxes(w, c);
    }
  }
}

static void para_content(walker *w, xmlNode *n, int depth) {
  if (depth > 64) return;
  for (xmlNode *c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (rg_xml_is(c, "r"))
      run_text(w, c);
    else if (rg_xml_is(c, "del") || rg_xml_is(c, "moveFrom") || rg_xml_is(c, "pPr") ||
             rg_xml_is(c, "rPr") || rg_xml_is(c, "proofErr") || rg_xml_is(c, "bookmarkStart"))
      continue;
    else if (rg_xml_is(c, "AlternateContent")) {
      xmlNode *k = first_choice(c);
      if (k) para_content(w, k, depth + 1);
    } else
      para_content(w, c, depth + 1); /* ins, moveTo, hyperlink, smartTag, sdt, fldSimple, ... */
  }
}

static void block(walker *w, xmlNode *n, int depth);

static void paragraph(walker *w, xmlNode *p) {
  w->para++;
  xmlNode *ppr = rg_xml_child(p, "pPr");
  long num_id = -1;
  int ilvl = -1;
  xmlNode *np = rg_xml_child(ppr, "numPr");
  if (np) {
    xmlNode *ni = rg_xml_child(np, "numId"), *il = rg_xml_child(np, "ilvl");
    if (ni) num_id = lattr(ni, "val", -1);
    if (il) ilvl = (int)lattr(il, "val", -1);
  }
  xmlNode *ps = rg_xml_child(ppr, "pStyle");
  const char *sid = ps ? rg_xml_attr(ps, "val") : NULL;
  const style *st = find_style(w, sid);
  if (num_id < 0 || ilvl < 0) style_numbering(w, sid, &num_id, &ilvl);
  if (ilvl < 0) ilvl = 0;
  int hidden = (st && st->hidden) || on(rg_xml_child(rg_xml_child(ppr, "rPr"), "vanish"));
  size_t boxes_before = (size_t)w->n_boxes;
  w->para_text.n = 0;
  if (w->para_text.s) w->para_text.s[0] = '\0';
  if (w->carry) { /* the previous paragraph's mark was deleted */
    rg_buf_putn(&w->para_text, w->carry, w->carry_len);
    free(w->carry);
    w->carry = NULL;
  }
  char number[160];
  list_number(w, num_id, ilvl, number, sizeof number);
  if (!hidden) {
    rg_buf_puts(&w->para_text, number);
    para_content(w, p, 0);
  }
  xmlNode *mark = rg_xml_child(rg_xml_child(ppr, "rPr"), "del");
  if (mark && p->next) {
    w->carry = rg_xstrdup(w->para_text.s ? w->para_text.s : "");
    w->carry_len = w->para_text.n;
    w->para_text.n = 0;
  } else {
    flush(w);
  }
  /* text boxes anchored here, after the paragraph */
  int n = w->n_boxes;
  for (int i = (int)boxes_before; i < n; i++)
    block(w, w->boxes[i], 1);
  w->n_boxes = (int)boxes_before;
}

static void table(walker *w, xmlNode *tbl);

static void block(walker *w, xmlNode *n, int depth) {
  if (depth > 64) return;
  for (xmlNode *c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (rg_xml_is(c, "p"))
      paragraph(w, c);
    else if (rg_xml_is(c, "tbl"))
      table(w, c);
    else if (rg_xml_is(c, "sectPr") || rg_xml_is(c, "del") || rg_xml_is(c, "moveFrom"))
      continue;
    else if (rg_xml_is(c, "AlternateContent")) {
      xmlNode *k = first_choice(c);
      if (k) block(w, k, depth + 1);
    } else
      block(w, c, depth + 1); /* sdt, sdtContent, customXml, ins ... */
  }
}

/* Rows (w:tr) and, in each, cells (w:tc), also inside w:sdt/w:customXml. */
static void collect(xmlNode *n, const char *name, xmlNode ***out, int *count, size_t *cap,
                    int depth) {
  if (depth > 16) return;
  for (xmlNode *c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (rg_xml_is(c, name)) {
      RG_GROW(*out, *cap, (size_t)*count + 1);
      (*out)[(*count)++] = c;
    } else if (rg_xml_is(c, "sdt") || rg_xml_is(c, "sdtContent") || rg_xml_is(c, "customXml") ||
               rg_xml_is(c, "ins")) {
      collect(c, name, out, count, cap, depth + 1);
    }
  }
}

#define MAX_COLS 256

static void table(walker *w, xmlNode *tbl) {
  int tno = ++w->tables;
  if (w->depth >= MAX_DEPTH) return;
  xmlNode **trs = NULL;
  int ntr = 0;
  size_t cap_tr = 0;
  collect(tbl, "tr", &trs, &ntr, &cap_tr, 0);
  /* first pass: the grid of cell texts, with numbering undone afterwards if
   * the table is not a task table (its cells are then read as blocks) */
  int ncols = 1;
  for (int r = 0; r < ntr; r++) {
    xmlNode **tcs = NULL;
    int ntc = 0;
    size_t cap_tc = 0;
    collect(trs[r], "tc", &tcs, &ntc, &cap_tc, 0);
    xmlNode *trpr = rg_xml_child(trs[r], "trPr");
    int width = (int)lattr(rg_xml_child(trpr, "gridBefore"), "val", 0);
    for (int i = 0; i < ntc; i++) {
      long span = lattr(rg_xml_child(rg_xml_child(tcs[i], "tcPr"), "gridSpan"), "val", 1);
      width += span < 1 ? 1 : span > MAX_COLS ? MAX_COLS : (int)span;
      if (width > MAX_COLS) width = MAX_COLS;
    }
    if (width > ncols) ncols = width;
    free(tcs);
  }
  rg_grid g;
  rg_grid_init(&g, ntr, ncols);
  long para0 = w->para;
  size_t mark = w->n_log;
  int was_logging = w->logging, was_collect = w->collect;
  rg_buf saved_cell = w->cell;
  w->logging = 1;
  w->depth++;
  char **texts = NULL;
  size_t n_texts = 0, cap_texts = 0;
  for (int r = 0; r < ntr; r++) {
    char label[64];
    snprintf(label, sizeof label, "table %d row %d", tno, r + 1);
    g.label[r] = rg_cdoc_keep(w->doc, label, strlen(label));
    xmlNode **tcs = NULL;
    int ntc = 0;
    size_t cap_tc = 0;
    collect(trs[r], "tc", &tcs, &ntc, &cap_tc, 0);
    xmlNode *trpr = rg_xml_child(trs[r], "trPr");
    int col = (int)lattr(rg_xml_child(trpr, "gridBefore"), "val", 0);
    if (col < 0 || col > ncols) col = 0;
    int first_col = -1, nonempty = 0;
    for (int i = 0; i < ntc && col < ncols; i++) {
      xmlNode *tcpr = rg_xml_child(tcs[i], "tcPr");
      long span = lattr(rg_xml_child(tcpr, "gridSpan"), "val", 1);
      if (span < 1) span = 1;
      xmlNode *vm = rg_xml_child(tcpr, "vMerge");
      const char *vmv = vm ? rg_xml_attr(vm, "val") : NULL;
      int cont = vm && (!vmv || strcmp(vmv, "restart") != 0);
      /* the cell's text: its paragraphs (and nested tables) one per line */
      w->collect = 1;
      w->cell = (rg_buf){0};
      block(w, tcs[i], 0);
      const char *text = w->cell.s ? w->cell.s : "";
      if (w->cell.s) {
        RG_GROW(texts, cap_texts, n_texts + 1);
        texts[n_texts++] = w->cell.s;
      }
      if (cont && r > 0) text = RG_GRID(&g, r - 1, col); /* vMerge: the text above */
      RG_GRID(&g, r, col) = text;
      if (text[0]) {
        nonempty++;
        first_col = col;
      }
      for (long k = 1; k < span && col + k < ncols; k++)
        g.cont[(size_t)r * (size_t)ncols + (size_t)(col + k)] = 1;
      col += (int)span;
    }
    /* a merged cell alone in its row (a title or section row) fills its span */
    if (nonempty == 1)
      for (int c = first_col + 1; c < ncols && g.cont[(size_t)r * (size_t)ncols + (size_t)c]; c++)
        RG_GRID(&g, r, c) = RG_GRID(&g, r, first_col);
    free(tcs);
  }
  w->depth--;
  w->collect = was_collect;
  w->cell = saved_cell;
  w->logging = was_logging;
  int is_task = !w->collect && rg_cdoc_task_table(w->doc, &g);
  if (w->collect) {
    /* inside another table's cell: its text joins that cell */
    for (int r = 0; r < ntr; r++)
      for (int c = 0; c < ncols; c++) {
        const char *s = RG_GRID(&g, r, c);
        if (s[0] && !g.cont[(size_t)r * (size_t)ncols + (size_t)c] &&
            !(r > 0 && RG_GRID(&g, r - 1, c) == s))
          emit_line(w, s, strlen(s));
      }
  } else if (!is_task) {
    /* a layout table: undo the first pass, read the cells as paragraphs */
    undo_to(w, mark);
    w->para = para0;
    w->tables = tno;
    w->depth++;
    for (int r = 0; r < ntr; r++) {
      xmlNode **tcs = NULL;
      int ntc = 0;
      size_t cap_tc = 0;
      collect(trs[r], "tc", &tcs, &ntc, &cap_tc, 0);
      for (int i = 0; i < ntc; i++) {
        block(w, tcs[i], 0);
      }
      free(tcs);
    }
    w->depth--;
  }
  if (!w->logging) w->n_log = mark < w->n_log ? mark : w->n_log;
  for (size_t i = 0; i < n_texts; i++)
    free(texts[i]);
  free(texts);
  rg_grid_destroy(&g);
  free(trs);
}

typedef struct note_ix {
  long id;
  xmlNode *node;
} note_ix;

/* Footnotes or endnotes referenced in the body, in order of reference. */
static rg_status notes(walker *w, const char *base, xmlDoc *rels, const char *type, long *refs,
                       int n, const char *word, rg_error *err) {
  if (n == 0) return RG_OK;
  xmlDoc *d;
  rg_status st = rg_zip_rel_xml(w->z, rels, base, type, NULL, &d, err);
  if (st || !d) return st;
  xmlNode *root = xmlDocGetRootElement(d);
  /* index the notes by id */
  note_ix *ix = NULL;
  size_t nix = 0, cap = 0;
  for (xmlNode *c = root->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE) {
      RG_GROW(ix, cap, nix + 1);
      ix[nix++] = (note_ix){lattr(c, "id", -1), c};
    }
  rg_sort(ix, nix, sizeof *ix, by_id, NULL);
  for (int i = 0; i < n; i++) {
    note_ix key = {refs[i], NULL}, *hit = rg_bsearch(&key, ix, nix, sizeof *ix, by_id, NULL);
    if (!hit) continue;
    char label[48];
    snprintf(label, sizeof label, "%s %d", word, i + 1);
    w->label_override = label;
    block(w, hit->node, 0);
    w->label_override = NULL;
  }
  free(ix);
  xmlFreeDoc(d);
  return RG_OK;
}

rg_status rg_docx_read(rg_zip *z, const char *main, rg_cdoc *doc, rg_error *err) {
  walker w;
  memset(&w, 0, sizeof w);
  w.doc = doc;
  w.z = z;
  char base[512];
  const char *slash = strrchr(main, '/');
  size_t bl = slash ? (size_t)(slash - main + 1) : 0;
  if (bl >= sizeof base) bl = 0;
  memcpy(base, main, bl);
  base[bl] = '\0';
  char rels_name[1100];
  snprintf(rels_name, sizeof rels_name, "%s_rels/%s.rels", base, main + bl);
  xmlDoc *d = NULL, *rels = NULL, *numbering = NULL, *styles = NULL;
  rg_status st = rg_zip_xml(z, main, 0, &d, err);
  if (!st) st = rg_zip_xml(z, rels_name, 1, &rels, err);
  if (!st) st = rg_zip_rel_xml(z, rels, base, "numbering", NULL, &numbering, err);
  if (!st) st = rg_zip_rel_xml(z, rels, base, "styles", NULL, &styles, err);
  if (!st) {
    default_levels(w.dflt);
    read_numbering(&w, numbering);
    read_styles(&w, styles);
    xmlNode *root = xmlDocGetRootElement(d);
    xmlNode *body = rg_xml_child(root, "body");
    if (!body)
      st = rg_error_set(err, RG_EINPUT, doc->plan->path, 0, 0,
                        "part %s has no document body (w:body): not a Word document", main);
    else {
      block(&w, body, 0);
      if (w.carry) { /* a deleted mark on the last paragraph */
        w.para_text.n = 0;
        rg_buf_putn(&w.para_text, w.carry, w.carry_len);
        flush(&w);
      }
      st = notes(&w, base, rels, "footnotes", w.fn_refs, w.n_fn, "footnote", err);
      if (!st) st = notes(&w, base, rels, "endnotes", w.en_refs, w.n_en, "endnote", err);
    }
  }
  if (!st && doc->page.lines.n == 0 && doc->page.n_tables == 0)
    st = rg_error_set(err, RG_EINPUT, doc->plan->path, 0, 0, "the Word document has no text");
  free(w.abs);
  free(w.nums);
  free(w.inst);
  free(w.log);
  free(w.styles);
  free(w.fn_refs);
  free(w.en_refs);
  free(w.para_text.s);
  free(w.carry);
  free(w.boxes);
  if (d) xmlFreeDoc(d);
  if (rels) xmlFreeDoc(rels);
  if (numbering) xmlFreeDoc(numbering);
  if (styles) xmlFreeDoc(styles);
  return st;
}
