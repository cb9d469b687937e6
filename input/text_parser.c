#define _GNU_SOURCE /* memmem */
/* text_parser.c - the plain-text layout of a task-division plan.
 *
 * One pass over the lines. Each line is NFKC-normalised (full-width
 * punctuation becomes ASCII, so "（一）" and "(一)" are one pattern) and
 * classified as a chapter heading, a section heading (（一） or a decimal
 * 2.1.3), a numbered task, a labelled unit line, a rule sentence, metadata,
 * or anything else (page chrome, ignored). A task's text may continue on
 * following lines until it ends a sentence, and takes every following
 * paragraph that carries a role note (a sub-measure); every role note in it
 * is read (notes.h). Conventions stated on the way (排在第一位的部门为牵头
 * 部门，下同) apply from there on; one stated only after the last task
 * (a footnote) makes the parser read the lines again with it in force from
 * the start. A plan that names no unit in notes or labels is read again in
 * prose mode: headings with a body and numbered items are tasks when their
 * sentences give units duties (X会同Y研究提出…). Cost: linear in the total
 * length of the lines, at most three passes. */
#include "text_parser.h"

#include <ctype.h>
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conventions.h"
#include "headers.h"
#include "items.h"
#include "memo.h"
#include "names.h"
#include "notes.h"
#include "phrases.h"
#include "reading.h"
#include "strutil.h"
#include "text.h"
#include "unitlist.h"
#include "utf8.h"

/* ----------------------------------------------------------- helpers */

static size_t ascii_digits(const char *s) {
  size_t n = 0;
  while (s[n] >= '0' && s[n] <= '9')
    n++;
  return n;
}

static char *concat3(const char *a, const char *b, const char *c) {
  size_t x = strlen(a), y = strlen(b), z = strlen(c);
  char *p = rg_xmalloc(x + y + z + 1);
  memcpy(p, a, x);
  memcpy(p + x, b, y);
  memcpy(p + x + y, c, z + 1);
  return p;
}

/* ------------------------------------------------------------ labels */

/* If a unit, deadline or person label followed by a colon starts at s
 * (牵头单位:, 负责部门:, 完成时限:, 牵头领导:), return 1. Known labels are
 * tested first; others are classified by their words (headers.h). */
static int label_line(const char *s) {
  /* every label word is 2-10 CJK characters then ':' */
  const char *q = s;
  int chars = 0;
  while (chars < 10 && (unsigned char)q[0] >= 0xE4 && (unsigned char)q[0] <= 0xE9 && q[1] && q[2]) {
    q += 3;
    chars++;
  }
  if (chars < 2) return 0;
  while (*q == ' ')
    q++;
  if (*q != ':') return 0;
  char word[32]; /* 10 characters of 3 bytes at most (the spaces after are not copied) */
  size_t n = (size_t)(q - s);
  while (n && s[n - 1] == ' ')
    n--;
  memcpy(word, s, n);
  word[n] = '\0';
  int ok = rg_duty_label_class(word) >= 0;
  if (!ok) {
    rg_header_class h = rg_header_classify(word);
    ok = h == RG_HDR_DEADLINE || h == RG_HDR_PERSON;
  }
  return ok;
}

/* An unknown label: 2-8 CJK characters ending in 单位/部门 before a colon. */
static int unknown_label(const char *s) {
  const char *colon = strchr(s, ':');
  if (!colon) return 0;
  size_t n = (size_t)(colon - s);
  if (n < 6 || n > 24) return 0;
  char *head = dupn(s, n);
  rg_trim(head);
  int yes = ends(head, "单位") || ends(head, "部门");
  for (const char *p = head; *p; p++)
    if ((unsigned char)*p < 0x80) yes = 0;
  free(head);
  return yes;
}

/* ------------------------------------------------------------ parser */

/* A line as prepared before the parser's state matters (prep_line). */
enum { PREP_OK, PREP_SKIP, PREP_NUL, PREP_BAD };
typedef struct prep {
  char *s;                /* NFKC, trimmed (malloc'd); NULL when empty or not PREP_OK */
  rg_duty *duty;          /* a label line not ending in a separator: rg_duty_parse of s */
  uint32_t *hash;         /* rg_memo_hash of each of duty's unit lists (the parser
                           * prefetches their memo entries a few lines ahead) */
  int status;             /* PREP_* */
  int label;              /* label_line(s) */
  int site;               /* site_chrome(s): a site's footer, not read */
  int item;               /* may_be_item(s): else no item test reads s (a label
                           * line's s is then never read by the parser: the
                           * worker wrote it, on the other core) */
  rg_duty duty_store;     /* where duty points: no allocation per line */
  uint32_t hash_store[4]; /* where hash points for a duty of up to 4 lists */
  int invisible;          /* rg_invisible_count of the raw line, and its first */
  int32_t first;
  char *buf; /* the slot's own room for a plain line's s (kept from line to line) */
  size_t cap;
  /* rg_unitlist_pre of each of duty's lists the preparing thread had not
   * seen (else NULL), or NULL for none: the parser's first reading of a
   * list starts from it */
  rg_list_pre **pre;
  rg_list_pre *pre_store[4];
} prep;

/* What a thread that prepares lines keeps from line to line. */
typedef struct prep_ctx {
  rg_phrases marks;    /* SITE_MARK */
  rg_duty_plain plain; /* what tells a label's value from a plain list */
  /* ahead: do the first steps of each list this thread has seen less
   * than twice (rg_unitlist_pre; seen counts the lists' hashes). Only the
   * second thread does: the parser would do them itself anyway. */
  int ahead;
  uint16_t *seen; /* lists this thread has seen lately (rg_seen_new, counted), when ahead */
} prep_ctx;

typedef struct parser {
  rg_plan *plan;
  int prose; /* units are read from sentences (second reading) */
  int chapter, section;
  int task;       /* current task or -1 */
  int has_labels; /* the current task has labelled unit lines */
  int lead_label; /* ... and one of them named a lead */
  int n_notes;    /* role notes read into the current task */
  char *text;     /* current task text, being accumulated */
  int seen_task;
  int level_set;
  long meta_line[3]; /* lines of the issuer, title and document number */
  /* the last heading, in case it turns out to be a task (a label line or a
   * role note follows it, or in prose mode its body gives units duties) */
  char *cand_number, *cand_title, *cand_body;
  long cand_line;
  int cand_section;      /* the candidate is a section heading */
  int next_heading;      /* the task start_task makes is that heading (rg_task.heading) */
  const rg_lines *lines; /* every line: the level from unit names, last resort */
  /* a label line whose list ends in 、 or , continues on the next line */
  char *pending;
  long pending_line;
  struct prep *cur; /* the line being read, prepared (prep_line) */
  /* A big plan read on two threads (q) may guess its level from its
   * first lines (guess), while the second thread counts the rest of its
   * names (count) when it has no line to prepare; read_lines settles the
   * guess at the end. */
  struct pipe_t *q;
  int guess;
  rg_level_count *count;
} parser;

static void pipe_count(struct pipe_t *q, rg_level_count *count);
/* Lines a guess at the level is made from: this share of the plan's, and
 * at least GUESS_MIN. */
#define GUESS_SHARE 16
#define GUESS_MIN 4096

/* The level of the plan from what the metadata says, once, before the
 * first unit is read. */
static void ensure_level(parser *p) {
  if (p->level_set) return;
  p->level_set = 1;
  const rg_meta *m = &p->plan->meta;
  if (rg_reading_set_level(p->plan, m->issuer, p->meta_line[0])) return;
  if (rg_reading_set_level(p->plan, m->title, p->meta_line[1])) return;
  if (rg_reading_set_level(p->plan, m->doc_number, p->meta_line[2])) return;
  /* nothing names it: the prefixes of the plan's own unit names (counted
   * only then: a plan whose title names its level is never counted) */
  if (!p->lines) return;
  if (!p->q || !p->guess) {
    rg_reading_level_from_lines(p->plan, p->lines, 0);
    return;
  }
  int n = p->lines->n / GUESS_SHARE;
  p->count = rg_level_count_new(p->lines, n > GUESS_MIN ? n : GUESS_MIN);
  pipe_count(p->q, p->count); /* (the worker counts the rest while the ring is full) */
  rg_level_count_guess(p->plan, p->count);
}

/* The convention of kind in force for task (its index), or -1. */
static int in_force(const rg_plan *plan, rg_conv_kind kind, int task) {
  const rg_reading *r = plan->reading;
  if (!r) return -1;
  int found = -1;
  for (int i = 0; i < r->n_conv; i++)
    if (r->conv[i].kind == kind && r->conv[i].from_task <= task) found = i;
  return found;
}

/* Record the rule sentences of d as conventions from task from on. A rule
 * already in force is not recorded twice. */
static void record_rules(parser *p, const rg_duty *d, int from, long line) {
  rg_reading *r = rg_reading_of(p->plan);
  r->n_rules += d->n_rules;
  for (int i = 0; i < d->n_rules; i++) {
    const rg_rule *u = &d->rules[i].rule;
    int dup = 0;
    for (int k = 0; k < r->n_conv && !dup; k++)
      dup = r->conv[k].kind == u->kind && r->conv[k].from_task <= from &&
            (!u->unit || (r->conv[k].unit && !strcmp(r->conv[k].unit, u->unit)));
    if (dup) continue;
    rg_convention c = {.kind = u->kind,
                       .text = d->rules[i].text,
                       .line = line,
                       .from_task = from,
                       .unit = u->unit,
                       .role = u->role,
                       .needs_lead = u->needs_lead};
    rg_reading_add_convention(p->plan, &c);
  }
}

static int task_has_lead(const rg_plan *plan, int task) {
  for (int l = plan->tasks[task].head_; l >= 0; l = plan->links[l].next_)
    if (plan->links[l].role == RG_ROLE_LEAD) return 1;
  return 0;
}

static void unknown_labels(parser *p, const rg_duty *d, long line) {
  for (int i = 0; i < d->n_unknown; i++)
    rg_plan_diag(p->plan, RG_SEV_WARNING, line, "unknown-label",
                 "unrecognised label '%s' in task %s; its units are not counted", d->unknown[i],
                 p->plan->tasks[p->task].number);
}

/* Apply a label line (s starts at a label) to the current task. pre, when
 * not NULL, is rg_duty_parse of s already done (a prepared line; its owner
 * frees it), and hash, when not NULL, the memo hashes of its segments. */
static void apply_labels(parser *p, const char *s, long line, const rg_duty *pre,
                         const uint32_t *hash, rg_list_pre *const *lists) {
  rg_duty own;
  if (!pre) rg_duty_parse(s, RG_CLS_SUPPORT, "listed", &own);
  const rg_duty d = pre ? *pre : own;
  record_rules(p, &d, p->task, line);
  int rule = in_force(p->plan, RG_CONV_FIRST_LEADS, p->task);
  rg_duty_ctx c = {.first_leads = rule >= 0,
                   .resp_first_lead = rule >= 0 && !p->lead_label && !d.has_lead,
                   .mode = RG_LINK_NORMAL,
                   .source = "",
                   .rule_line = rule >= 0 ? p->plan->reading->conv[rule].line : 0,
                   .hash = pre ? hash : NULL,
                   .pre = pre ? lists : NULL};
  rg_duty_link(p->plan, p->task, &d, line, &c);
  rg_reading_of(p->plan)->structured++;
  if (d.has_lead) p->lead_label = 1;
  if (d.deadline && !p->plan->tasks[p->task].deadline)
    p->plan->tasks[p->task].deadline = rg_plan_strdup(p->plan, d.deadline);
  unknown_labels(p, &d, line);
  if (!pre) rg_duty_destroy(&own);
}

/* The first label outside parentheses in s (labels inside a parenthesis
 * are a note, read when the task closes), or NULL. */
static const char *find_label_outside(const char *s) { return rg_duty_find_label(s); }

/* ---------------------------------------------------- inline role notes */

/* If c (a parenthesis' content) is a role note, read it into d and return
 * 1; else 0 and d is empty. A note names a role (a role word, a connector
 * or a unit label) and at least one unit, or states only a rule. */
static int read_note(const char *c, int at_end, rg_duty *d) {
  rg_duty_parse(c, RG_CLS_SHARED, "listed", d);
  if (d->n_rules > 0 && (d->n == 0 || rg_duty_has_units(d))) return 1;
  if (d->has_role && rg_duty_has_units(d)) return 1;
  /* a bare list of bodies that closes the paragraph: (工业和信息化部、科技部) */
  if (at_end && rg_duty_is_bare_list(d)) return 1;
  rg_duty_destroy(d);
  return 0;
}

/* Does group [open, close) of s close its paragraph, as a note does: only
 * sentence ends after it, and before it a sentence end or words that are
 * not a body's name (省市场监管局(省知识产权局) is a name and its alias)? */
static int closes_paragraph(const char *s, size_t open, size_t after) {
  for (const char *q = s + after; *q; q += rg_utf8_char_len(q))
    if (!(*q == ' ' || *q == ';' || *q == '.' || starts(q, "。") || starts(q, "；"))) return 0;
  if (!open) return 1;
  size_t b = open;
  do
    b--;
  while (b && ((unsigned char)s[b] & 0xC0) == 0x80);
  static const char *const NAME_END[] = {"局", "委", "办", "厅", "部", "署", "院", "会",
                                         "心", "行", "府", "队", "站", "所", "司", NULL};
  for (int i = 0; NAME_END[i]; i++)
    if (starts(s + b, NAME_END[i])) return 0;
  return 1;
}

/* Apply a note read into d to the current task. */
static void apply_note(parser *p, rg_duty *d, long line) {
  record_rules(p, d, p->task, line);
  int rule = in_force(p->plan, RG_CONV_FIRST_LEADS, p->task);
  rg_duty_ctx c = {.first_leads = rule >= 0,
                   .mode = p->n_notes ? RG_LINK_STRONGEST : RG_LINK_NORMAL,
                   .source = "note:",
                   .rule_line = rule >= 0 ? p->plan->reading->conv[rule].line : 0};
  rg_duty_link(p->plan, p->task, d, line, &c);
  if (d->deadline && !p->plan->tasks[p->task].deadline)
    p->plan->tasks[p->task].deadline = rg_plan_strdup(p->plan, d->deadline);
  if (!p->n_notes) rg_reading_of(p->plan)->structured++;
  p->n_notes++;
}

/* Depth-0 parenthesised groups of s: ( ) and the 〔 〕 [ ] 【 】 some plans use
 * for notes (〔民政部牵头，国家卫生健康委指导〕, [牵头单位:区卫健局;责任单位:…],
 * 【责任单位:市商务局】). open is the offset of the opening bracket, close
 * that of the closing one; olen and clen their bytes. */
typedef struct group {
  size_t open, close, olen, clen;
} group;

static int groups_of(const char *s, group *out, int max) {
  int n = 0, depth = 0;
  size_t open = 0, olen = 1;
  for (size_t i = 0; s[i];) {
    int opens = s[i] == '(' || s[i] == '[' || starts(s + i, "〔") || starts(s + i, "【");
    int closes = s[i] == ')' || s[i] == ']' || starts(s + i, "〕") || starts(s + i, "】");
    size_t k = !opens && !closes ? 0 : (unsigned char)s[i] < 0x80 ? 1 : 3;
    if (opens) {
      if (depth++ == 0) {
        open = i;
        olen = k;
      }
    } else if (k && depth) {
      if (--depth == 0 && n < max) out[n++] = (group){open, i, olen, k};
    }
    i += k ? k : 1;
  }
  return n;
}

/* The content of group g of s (malloc'd). */
static char *group_text(const char *s, const group *g) {
  return dupn(s + g->open + g->olen, g->close - g->open - g->olen);
}

/* Does s carry a role note (in any of its parentheses)? */
static int has_note(const char *s) {
  group g[64];
  int n = groups_of(s, g, 64);
  for (int i = 0; i < n; i++) {
    char *c = group_text(s, &g[i]);
    rg_duty d;
    int yes = read_note(c, closes_paragraph(s, g[i].open, g[i].close + g[i].clen), &d);
    if (yes) rg_duty_destroy(&d);
    free(c);
    if (yes) return 1;
  }
  return 0;
}

/* Read every role note of text into the current task and cut them out of
 * text. Returns the number of notes. */
static int read_notes(parser *p, char *text, long line) {
  group g[256];
  int n = groups_of(text, g, 256), found = 0;
  char *cut = rg_xcalloc(strlen(text) + 1, 1);
  for (int i = 0; i < n; i++) {
    char *c = group_text(text, &g[i]);
    rg_duty d;
    if (read_note(c, closes_paragraph(text, g[i].open, g[i].close + g[i].clen), &d)) {
      apply_note(p, &d, line);
      rg_duty_destroy(&d);
      memset(cut + g[i].open, 1, g[i].close - g[i].open + g[i].clen);
      found++;
    }
    free(c);
  }
  if (found) {
    size_t w = 0, len = strlen(text);
    for (size_t r = 0; r < len; r++)
      if (!cut[r]) text[w++] = text[r];
    text[w] = '\0';
    /* a note before the full stop leaves "。。" or "。" after nothing */
    rg_trim(text);
  }
  free(cut);
  return found;
}

/* ------------------------------------------------------------ tasks */

static void flush_pending(parser *p) {
  if (!p->pending) return;
  if (p->task >= 0) apply_labels(p, p->pending, p->pending_line, NULL, NULL, NULL);
  free(p->pending);
  p->pending = NULL;
}

/* Units every task has by a standing rule (以下均需试点城市政府落实，不再列出). */
static void standing_units(parser *p) {
  rg_reading *r = p->plan->reading;
  if (!r || p->plan->tasks[p->task].head_ < 0) return;
  for (int i = 0; i < r->n_conv; i++) {
    rg_convention *c = &r->conv[i];
    if (c->kind != RG_CONV_STANDING || c->from_task > p->task) continue;
    if (c->needs_lead && !task_has_lead(p->plan, p->task)) continue;
    char why[160];
    snprintf(why, sizeof why, "standing rule (line %ld): every task has it without listing it",
             c->line);
    rg_list_opts o = {.role = c->role, .mode = RG_LINK_FIRST, .why = why};
    if (rg_unitlist_link_opts(p->plan, p->task, c->unit, strlen(c->unit), c->line, &o))
      c->applied++;
  }
}

/* Units given duties in the sentences of text (prose). The opening clause
 * says who leads; units first named in later clauses support. */
static int read_prose(parser *p, const char *text, long line) {
  rg_duty d;
  memset(&d, 0, sizeof d);
  int n = rg_prose_duties(text, &d);
  if (n) {
    rg_duty_ctx c = {.mode = RG_LINK_FIRST, .source = "sentence:"};
    for (int i = 0; i < d.n; i++) {
      rg_duty one = {0};
      rg_duty_seg s = d.seg[i];
      if (s.clause > 0) {
        s.cls = RG_CLS_SUPPORT;
        snprintf(s.why, sizeof s.why, "first named in a later clause");
      }
      one.seg = &s;
      one.n = 1;
      for (int k = 0; k < d.n; k++)
        if (d.seg[k].clause == s.clause && d.seg[k].cls == RG_CLS_LEAD) one.has_lead = 1;
      rg_duty_link(p->plan, p->task, &one, line, &c);
    }
    rg_reading_of(p->plan)->prose = 1;
  }
  rg_duty_destroy(&d);
  return n;
}

/* Finish the current task: notes, prose, standing units; then store its
 * text. In prose mode a task that gives no unit a duty is dropped. */
static void close_task(parser *p) {
  flush_pending(p);
  if (p->task < 0) return;
  rg_task *t = &p->plan->tasks[p->task];
  long line = t->line;
  if (p->text) {
    if (!p->has_labels) read_notes(p, p->text, line);
    if (t->head_ < 0 && !p->has_labels && !p->n_notes) read_prose(p, p->text, line);
    t = &p->plan->tasks[p->task];
    t->text = rg_plan_strdup(p->plan, p->text);
    t->original = t->text;
    free(p->text);
    p->text = NULL;
  }
  standing_units(p);
  if (p->prose && p->plan->tasks[p->task].head_ < 0 && p->task == p->plan->n_tasks - 1)
    p->plan->n_tasks--; /* no duty in it: structure, not a task */
  p->task = -1;
  p->has_labels = 0;
  p->lead_label = 0;
  p->n_notes = 0;
}

static void start_task(parser *p, const char *number, const char *rest, long line);
static int text_continues(const char *s);

/* The heading remembered as a candidate becomes a task with text. */
static void promote_candidate(parser *p, const char *text) {
  char *num = p->cand_number, *title = p->cand_title, *body = p->cand_body;
  long at = p->cand_line;
  int kind = p->cand_section ? 2 : 1;
  p->cand_number = p->cand_title = p->cand_body = NULL;
  start_task(p, num, "", at);
  p->plan->tasks[p->task].heading = kind;
  free(p->text);
  p->text = rg_xstrdup(text ? text : title);
  free(num);
  free(title);
  free(body);
}

static void clear_candidate(parser *p) {
  if (p->prose && p->cand_number) {
    /* a heading whose body gives units duties is a task */
    char *text = concat3(p->cand_title, !text_continues(p->cand_title) ? "" : "。",
                         p->cand_body ? p->cand_body : "");
    rg_duty d;
    memset(&d, 0, sizeof d);
    int duty = rg_prose_duties(text, &d) > 0;
    rg_duty_destroy(&d);
    if (duty) {
      promote_candidate(p, text);
      close_task(p);
    }
    free(text);
  }
  free(p->cand_number);
  free(p->cand_title);
  free(p->cand_body);
  p->cand_number = p->cand_title = p->cand_body = NULL;
}

/* Does the accumulated task text still go on (no sentence end yet)? */
static int text_continues(const char *s) {
  size_t n = strlen(s);
  if (!n) return 1;
  return !(ends(s, "。") || s[n - 1] == ')' || s[n - 1] == ';' || s[n - 1] == '!' ||
           s[n - 1] == '?' || ends(s, "”"));
}

/* A line of prose (a body paragraph), not chrome or a signature: it holds
 * sentence punctuation or is long. */
static int prose_line(const char *s) {
  return rg_strstr3(s, "。") || strchr(s, ',') || strchr(s, ';') || strchr(s, ':') ||
         strlen(s) > 120;
}

/* ---------------------------------------------------------- metadata */

static int is_date_line(const char *s) {
  size_t d = ascii_digits(s);
  if (d != 4 || !starts(s + d, "年")) return 0;
  s += d + 3;
  d = ascii_digits(s);
  if (d < 1 || d > 2 || !starts(s + d, "月")) return 0;
  s += d + 3;
  d = ascii_digits(s);
  return d >= 1 && d <= 2 && !strcmp(s + d, "日");
}

static int is_title(const char *s) {
  if (strstr(s, "当前位置")) return 0;
  if ((strstr(s, "关于印发") && ends(s, "通知")) || ends(s, "分工方案") || ends(s, "任务分工"))
    return 1;
  /* 江西省人民政府关于落实…部门分工的意见, 国务院办公厅关于…的函 */
  static const char *const KIND[] = {"意见", "通知", "方案",   "函",     "决定", "要点",
                                     "安排", "清单", "分解表", "任务表", NULL};
  if (!strstr(s, "关于") && !strstr(s, "分工") && !strstr(s, "任务")) return 0;
  for (int i = 0; KIND[i]; i++)
    if (ends(s, KIND[i])) return strlen(s) < 240;
  return 0;
}

static void metadata(parser *p, const char *s, long line) {
  rg_meta *m = &p->plan->meta;
  size_t len = strlen(s);
  if (!m->doc_number && len < 60 && strstr(s, "〔") && strstr(s, "〕") && ends(s, "号")) {
    m->doc_number = rg_plan_strdup(p->plan, s);
    p->meta_line[2] = line;
    return;
  }
  if (!m->date && is_date_line(s)) {
    m->date = rg_plan_strdup(p->plan, s);
    return;
  }
  if (!m->title && len < 300 && is_title(s)) {
    m->title = rg_plan_strdup(p->plan, s);
    p->meta_line[1] = line;
    const char *about = strstr(s, "关于");
    if (!m->issuer && about && about != s) {
      m->issuer = rg_plan_strndup(p->plan, s, (size_t)(about - s));
      p->meta_line[0] = line;
    }
    return;
  }
  if (!m->issuer && len < 60 && (ends(s, "人民政府") || ends(s, "办公厅") || ends(s, "办公室")) &&
      !strchr(s, ',') && !strchr(s, ':')) {
    m->issuer = rg_plan_strdup(p->plan, s);
    p->meta_line[0] = line;
  }
}

/* ------------------------------------------------------------- lines */

static void start_task(parser *p, const char *number, const char *rest, long line) {
  close_task(p);
  clear_candidate(p);
  ensure_level(p);
  p->task = rg_plan_add_task(p->plan, number, "", p->chapter, p->section, line);
  p->plan->tasks[p->task].heading = p->next_heading;
  p->next_heading = 0;
  p->seen_task = 1;
  char *text = rg_xstrdup(rest);
  rg_trim(text);
  const char *l = find_label_outside(text);
  if (l) {
    /* labels on the task's own line: 1.任务……牵头单位:A 责任单位:B */
    char *labels = rg_xstrdup(l);
    text[l - text] = '\0';
    rg_trim(text);
    apply_labels(p, labels, line, NULL, NULL, NULL);
    free(labels);
    p->has_labels = 1;
  }
  p->text = text;
}

/* A heading line: chapter (section = 0) or section (section = 1). A heading
 * that carries its own role note or labels is also a task (plans whose items
 * are （一）…（A牵头）); otherwise it is remembered as a candidate in case
 * label lines, a paragraph with a note or (prose) a body follow it. */
static void heading(parser *p, int is_section, const char *num, const char *title_in, long line) {
  close_task(p);
  clear_candidate(p);
  char *title = rg_xstrdup(title_in);
  rg_trim(title);
  if (is_section) {
    p->section = rg_plan_add_section(p->plan, p->chapter, num, title, line);
  } else {
    p->chapter = rg_plan_add_chapter(p->plan, num, title, line);
    p->section = -1;
  }
  if (has_note(title) || find_label_outside(title)) {
    start_task(p, num, title, line);
    p->plan->tasks[p->task].heading = is_section ? 2 : 1;
  } else {
    p->cand_number = rg_xstrdup(num);
    p->cand_title = title;
    p->cand_line = line;
    p->cand_section = is_section;
    return;
  }
  free(title);
}

static int ends_with_separator(const char *s) {
  size_t n = strlen(s);
  return n && (s[n - 1] == ',' || s[n - 1] == ';' || ends(s, "、"));
}

/* A decimal number at s: 2.1.3, or 1 before a space. Returns its bytes and
 * the number of its parts in *parts; 0 when none (1.5万人 is a quantity). */
static size_t decimal_number(const char *s, int *parts) {
  size_t i = 0;
  int n = 0;
  for (;;) {
    size_t d = ascii_digits(s + i);
    if (!d || d > (n ? 3 : 2)) return 0;
    i += d;
    n++;
    if (s[i] == '.' && s[i + 1] >= '0' && s[i + 1] <= '9') {
      i++;
      continue;
    }
    break;
  }
  *parts = n;
  /* 1 总则 and 1.1 编制目的 need the space; 2.1.3国家… does not */
  if (s[i] == ' ') return i;
  if (n >= 3 && (unsigned char)s[i] >= 0xE4) return i;
  return 0;
}

/* Record a rule stated on a line of its own (a preamble, a note between
 * tasks, a footnote): it applies from the next task on. */
static int rule_line(parser *p, const char *s, long line) {
  /* the rule must be outside any note: (…排在第一位的部门为牵头部门…) after
   * units is a note; a line that is one parenthesis is read inside */
  char *outside = NULL;
  size_t n = strlen(s);
  if (n >= 2 && s[0] == '(' && s[n - 1] == ')') {
    group g[2];
    if (groups_of(s, g, 2) == 1 && g[0].open == 0 && g[0].close == n - 1)
      outside = dupn(s + 1, n - 2);
  }
  if (!outside) {
    group g[256];
    int k = groups_of(s, g, 256);
    outside = rg_xcalloc(n + 1, 1);
    size_t w = 0, from = 0;
    for (int i = 0; i <= k; i++) {
      size_t to = i < k ? g[i].open : n;
      memcpy(outside + w, s + from, to - from);
      w += to - from;
      if (i < k) from = g[i].close + g[i].clen;
    }
    outside[w] = '\0';
  }
  rg_rule r;
  int found = rg_conv_scan(outside, &r);
  free(outside);
  if (!found) return 0;
  rg_duty d;
  memset(&d, 0, sizeof d);
  RG_GROW(d.rules, d.cap_rules, 1);
  d.rules[0].text = rg_xstrdup(s);
  d.rules[0].rule = r;
  d.n_rules = 1;
  record_rules(p, &d, p->plan->n_tasks, line);
  rg_duty_destroy(&d);
  return 1;
}

/* A numbered line: a chapter (一、 第一部分), a section ((一), 2.1), a decimal
 * item or a task (1. 1、 (1)). 1 when s was one. */
static int numbered_line(parser *p, char *s, long line) {
  size_t n;
  /* chapter: 一、title  or  第一部分 title */
  if ((n = rg_cn_numeral_len(s)) && starts(s + n, "、")) {
    char *num = dupn(s, n);
    heading(p, 0, num, s + n + 3, line);
    free(num);
    return 1;
  }
  if (starts(s, "第") && (n = rg_cn_numeral_len(s + 3)) &&
      (starts(s + 3 + n, "部分") || starts(s + 3 + n, "章"))) {
    char *num = dupn(s + 3, n);
    heading(p, 0, num, s + 3 + n + (starts(s + 3 + n, "部分") ? 6 : 3), line);
    free(num);
    return 1;
  }
  /* section: (一)title */
  if (s[0] == '(' && (n = rg_cn_numeral_len(s + 1)) && s[1 + n] == ')') {
    char *num = dupn(s + 1, n);
    heading(p, 1, num, s + 2 + n, line);
    free(num);
    return 1;
  }
  /* decimal: 1 总则 (chapter), 2.1 (section), 2.1.3 … (section, a task
   * when it carries units) */
  int parts = 0;
  if ((n = decimal_number(s, &parts))) {
    char *num = dupn(s, n);
    const char *rest = s + n;
    while (*rest == ' ')
      rest++;
    if (parts == 1 && prose_line(rest))
      start_task(p, num, rest, line);
    else
      heading(p, parts > 1, num, rest, line);
    free(num);
    return 1;
  }
  /* task: 1.text  1、text  (1)text  1)text */
  n = ascii_digits(s);
  if (n && n <= 9) {
    const char *after = s + n;
    /* 1. 1、 and 1) (1） after NFKC); a digit after the dot is a decimal */
    size_t sep = *after == '.' || *after == ')' ? 1 : starts(after, "、") ? 3 : 0;
    if (sep && !(after[sep] >= '0' && after[sep] <= '9') && after[sep]) {
      char *num = dupn(s, n);
      start_task(p, num, after + sep, line);
      free(num);
      return 1;
    }
  }
  if (s[0] == '(' && (n = ascii_digits(s + 1)) && n <= 9 && s[1 + n] == ')' && s[2 + n]) {
    char *num = dupn(s + 1, n);
    start_task(p, num, s + 2 + n, line);
    free(num);
    return 1;
  }
  return 0;
}

/* An item number typed another way (items.h): 2 .x, ( 2 )x, 第2条 x. 1 when
 * s was read as one. */
static int item_variant(parser *p, const char *s, long line) {
  char *r = rg_item_respace(s);
  if (r) {
    int read = numbered_line(p, r, line);
    free(r);
    if (read) return 1;
  }
  const char *rest;
  char *num = rg_item_article(s, &rest);
  if (!num) return 0;
  start_task(p, num, rest, line);
  free(num);
  return 1;
}

/* A line that starts like a numbered item but is not read as one (2,x
 * 2:x 2-x 2.1x): said, never swallowed in silence. */
static void unread_item(parser *p, const char *s, long line) {
  char *num = rg_item_lookalike(s);
  if (!num) return;
  if (p->task >= 0)
    rg_plan_diag(p->plan, RG_SEV_WARNING, line, "unread-item",
                 "'%s' starts like a numbered item but is not read as one (items are numbered "
                 "1. 1、 (1)); until the next item, what follows belongs to task %s",
                 num, p->plan->tasks[p->task].number);
  else
    rg_plan_diag(p->plan, RG_SEV_WARNING, line, "unread-item",
                 "'%s' starts like a numbered item but is not read as one (items are numbered "
                 "1. 1、 (1)); the line is not read",
                 num);
  free(num);
}

/* A web page's footer or banner kept by a copy, a save-as or a print:
 * `主办：江西省人民政府办公厅 版权所有`, `京ICP备05070218号`, `网站标识码bm01000001`.
 * Never plan text, and never a unit line (主办 is a lead label in plans). */
/* The words of a site's footer (site_chrome), as a phrase set where it is
 * used. Each is a CHROME word too (prep_line relies on it). */
static const char *const SITE_MARK[] = {"版权所有",   "ICP备",     "网站标识码",
                                        "公网安备",   "Copyright", "网站地图",
                                        "技术支持：", "技术支持:", NULL};

/* Is line s (NFKC, trimmed) a site's footer? marks is SITE_MARK's set. */
static int site_chrome(const rg_phrases *marks, const char *s) {
  /* a numbered line is a task (1.加强网站ICP备案管理。) */
  if ((*s >= '0' && *s <= '9') || *s == '(') return 0;
  return rg_phrases_in(marks, s, strlen(s));
}

/* Can s start an item number of any shape that item_variant, numbered_line
 * and unread_item read (a digit, a parenthesis, 第, a Chinese numeral)?
 * When not, each of them reads nothing from s and does nothing. */
static int may_be_item(const char *s) {
  return (*s >= '0' && *s <= '9') || *s == '(' || starts(s, "第") || rg_cn_numeral_len(s) > 0;
}

static void parse_line(parser *p, char *s, long line) {
  if (p->cur->site) return;
  /* the variants first: 2 .x would otherwise be the decimal item 2 with the
   * text .x */
  if (p->cur->item) {
    if (item_variant(p, s, line)) return;
    if (numbered_line(p, s, line)) return;
    unread_item(p, s, line);
  }
  /* labelled unit line */
  if (p->cur->label) {
    flush_pending(p);
    if (p->task < 0 && p->cand_number) promote_candidate(p, NULL);
    if (p->task < 0) {
      rg_plan_diag(p->plan, RG_SEV_WARNING, line, "orphan-label",
                   "unit line before any numbered task; ignored");
      return;
    }
    p->has_labels = 1;
    if (!p->cur->duty) { /* (prep_line: it ends in a separator) */
      p->pending = rg_xstrdup(s);
      p->pending_line = line;
      return;
    }
    apply_labels(p, s, line, p->cur->duty, p->cur->hash, p->cur->pre);
    return;
  }
  if (p->pending) {
    /* the list of the previous label line goes on here */
    size_t a = strlen(p->pending), b = strlen(s);
    p->pending = rg_xrealloc(p->pending, a + b + 1);
    memcpy(p->pending + a, s, b + 1);
    if (!ends_with_separator(p->pending)) flush_pending(p);
    return;
  }
  if (p->task >= 0 && unknown_label(s)) {
    char *head = dupn(s, (size_t)(strchr(s, ':') - s));
    rg_plan_diag(p->plan, RG_SEV_WARNING, line, "unknown-label",
                 "unrecognised label '%s' in task %s; its units are not counted", head,
                 p->plan->tasks[p->task].number);
    free(head);
    return;
  }
  /* a rule stated on its own line: never task text, never units */
  if (rule_line(p, s, line)) return;
  /* continuation of the task text, or metadata, or chrome */
  if (p->task >= 0 && !p->has_labels && p->text) {
    if (p->prose ? prose_line(s) : text_continues(p->text) || has_note(s)) {
      /* a paragraph of prose ends a sentence even without its full stop */
      char *t = concat3(p->text, p->prose && text_continues(p->text) && *p->text ? "。" : "", s);
      free(p->text);
      p->text = t;
      return;
    }
  }
  if (p->task < 0 && p->cand_number) {
    if (p->prose) {
      if (prose_line(s)) {
        const char *sep = p->cand_body && text_continues(p->cand_body) ? "。" : "";
        char *b = concat3(p->cand_body ? p->cand_body : "", sep, s);
        free(p->cand_body);
        p->cand_body = b;
        return;
      }
    } else if (has_note(s)) {
      /* （一）扩大有效投资 / then a paragraph with its note */
      promote_candidate(p, NULL);
      size_t a = strlen(p->text), b = strlen(s);
      p->text = rg_xrealloc(p->text, a + b + 1);
      memcpy(p->text + a, s, b + 1);
      return;
    }
  }
  if (!p->seen_task) metadata(p, s, line);
}

/* Does [s, s+n) hold w? */
static int holds(const char *s, size_t n, const char *w) {
  return memmem(s, n, w, strlen(w)) != NULL;
}

/* Page chrome of a government site: the footer's registration numbers,
 * links and copyright (ICP备, 网站标识码, 公网安备, 版权所有, 联系我们). */
static const char *const CHROME[] = {
    "ICP备",    "ICP证",     "网站标识码", "公网安备",  "版权所有",  "联系我们",
    "网站地图", "技术支持:", "技术支持：", "Copyright", "copyright", "©",
    "浏览次数", "打印本页",  "关闭窗口",   NULL};

static int chrome_words(const rg_phrases *chrome, const char *s, size_t n) {
  /* a numbered line is a task (加强网站ICP备案管理) */
  if (n && ((*s >= '0' && *s <= '9') || *s == '(' || (n >= 3 && !memcmp(s, "（", 3)))) return 0;
  return rg_phrases_in(chrome, s, n);
}

/* chrome_words of lines [lo, hi) into is[0 ..), the lines in one buffer:
 * the span from the first line to the end of the last is searched at
 * once, and only a line where a word turns up is tested itself (a word
 * found across a line end, or in a numbered line, is not chrome). The
 * same marks as testing each line, without a call and a last block per
 * line. */
static void chrome_span(const rg_lines *lines, const rg_phrases *chrome, char *is, int lo, int hi) {
  const char *base = lines->v[lo].text;
  size_t n = (size_t)(lines->v[hi - 1].text + lines->v[hi - 1].len - base), at = 0;
  int k = lo;
  while ((at += rg_phrases_find(chrome, base + at, n - at)) < n) {
    const char *p = base + at;
    while (k < hi && lines->v[k].text + lines->v[k].len <= p)
      k++; /* the first line that ends past p */
    if (k == hi) break;
    if (p >= lines->v[k].text) { /* (else p is between two lines) */
      is[k - lo] = (char)chrome_words(chrome, lines->v[k].text, lines->v[k].len);
      if (++k == hi) break;
    }
    at = (size_t)(lines->v[k].text - base);
  }
}

/* A site's label (主办单位：…, 承办单位：…, 主管单位：…, 维护单位：…) within
 * three lines of chrome is the footer of the page, not a task's unit line.
 * Marks such lines (and the chrome itself) among [from, to) in skip; a
 * line's mark depends on the lines within three of it only, so blocks of
 * lines are marked one after the other (the second thread marks each block
 * as it prepares it). Lines are counted as read: empty lines are not
 * (rg_lines_split leaves them out, as a page's blocks have none). */
static void mark_chrome_range(const rg_lines *lines, const rg_phrases *chrome, char *skip, int from,
                              int to) {
  static const char *const SITE[] = {"主办单位", "承办单位", "主管单位", "维护单位", "主办:",
                                     "主办：",   "承办:",    "承办：",   "网站主办", NULL};
  int lo = from - 3 < 0 ? 0 : from - 3, hi = to + 3 > lines->n ? lines->n : to + 3;
  if (hi <= lo) return;
  char *is = rg_xcalloc((size_t)(hi - lo), 1);
  if (lines->one_buffer)
    chrome_span(lines, chrome, is, lo, hi);
  else
    for (int i = lo; i < hi; i++)
      is[i - lo] = (char)chrome_words(chrome, lines->v[i].text, lines->v[i].len);
  if (!memchr(is, 1, (size_t)(hi - lo))) { /* no chrome near: nothing to mark (most blocks) */
    free(is);
    return;
  }
  for (int k = from; k < to; k++) {
    if (is[k - lo]) {
      skip[k] = 1;
      continue;
    }
    int near = 0;
    for (int i = k - 3 < lo ? lo : k - 3; i <= k + 3 && i < hi && !near; i++)
      near = is[i - lo];
    for (int w = 0; near && SITE[w]; w++)
      if (holds(lines->v[k].text, lines->v[k].len, SITE[w])) {
        skip[k] = 1;
        break;
      }
  }
  free(is);
}

static void mark_chrome(const rg_lines *lines, char *skip) {
  rg_phrases chrome;
  rg_phrases_init(&chrome, CHROME);
  mark_chrome_range(lines, &chrome, skip, 0, lines->n);
}

/* ------------------------------------------------- prepared lines */

/* What a line gives before the parser's state matters: every function here
 * is pure (the line's bytes alone), so it may run on another thread, a
 * block of lines ahead of the parser, and gives the same bytes. */

static void prep_ctx_init(prep_ctx *c, int ahead) {
  memset(c, 0, sizeof *c);
  rg_phrases_init(&c->marks, SITE_MARK);
  rg_duty_plain_init(&c->plain);
  c->ahead = ahead;
  if (ahead) c->seen = rg_seen_new();
}

static void prep_ctx_free(prep_ctx *c) { free(c->seen); }

/* The first steps of out's lists that this thread has seen less than
 * twice (out->hash set): a list printed for the first or second time is,
 * most likely, one the parser will read (it keeps a list the second time
 * it reads it, unit_memo.once). */
static void lists_ahead(prep_ctx *ctx, prep *out) {
  int n = out->duty->n;
  for (int k = 0; k < n; k++) {
    if (rg_seen_count(ctx->seen, out->hash[k]) >= 2) continue;
    if (!out->pre) {
      out->pre = n <= 4 ? out->pre_store : rg_xmalloc((size_t)n * sizeof *out->pre);
      memset(out->pre, 0, (size_t)n * sizeof *out->pre);
    }
    out->pre[k] = rg_unitlist_pre(out->duty->seg[k].units, out->duty->seg[k].len);
  }
}

static void prep_line(const rg_lines *lines, const char *skip, prep_ctx *ctx, int i, prep *out) {
  char *buf = out->buf;
  size_t cap = out->cap;
  memset(out, 0, sizeof *out);
  out->buf = buf;
  out->cap = cap;
  const rg_line *l = &lines->v[i];
  if (skip[i]) {
    out->status = PREP_SKIP;
    return;
  }
  /* Most lines hold only printable ASCII, CJK ideographs and 、。“”
   * (rg_nfkc_is_copy): such a line has no NUL and no invisible or circled
   * character, NFKC leaves it as it is, and, since mark_chrome did not skip
   * it, it holds no site mark (each is a chrome word too) unless it is
   * numbered, which site_chrome does not read either. */
  int plain = rg_nfkc_is_copy(l->text, l->len);
  if (!plain && memchr(l->text, '\0', l->len)) {
    out->status = PREP_NUL;
    return;
  }
  size_t clen = 0;
  char *s;
  if (plain) { /* its only white space is ' ' and '\t': trimmed as copied */
    size_t b = 0, e = l->len;
    while (b < e && (l->text[b] == ' ' || l->text[b] == '\t'))
      b++;
    while (e > b && (l->text[e - 1] == ' ' || l->text[e - 1] == '\t'))
      e--;
    if (e == b) return;                     /* a blank line */
    RG_GROW(out->buf, out->cap, e - b + 1); /* (no allocation per line) */
    s = memcpy(out->buf, l->text + b, e - b);
    s[e - b] = '\0';
  } else {
    char *circled = rg_item_circled(l->text, l->len, &clen); /* ② before NFKC makes it 2 */
    int got = -1;
    if (circled) {
      out->invisible = rg_invisible_count(l->text, l->len, &out->first);
      s = rg_nfkc(circled, clen);
      free(circled);
    } else { /* (into the slot's room: no allocation per line) */
      got = rg_nfkc_into(l->text, l->len, &out->buf, &out->cap, &out->invisible, &out->first);
      s = got < 0 ? NULL : out->buf;
    }
    if (!s) {
      out->status = PREP_BAD;
      return;
    }
    if (got >= 0)
      rg_trim_len(s, (size_t)got);
    else
      rg_trim(s);
    if (!*s) {
      if (s != out->buf) free(s);
      return;
    }
  }
  out->s = s;
  out->item = may_be_item(s);
  out->site = !plain && site_chrome(&ctx->marks, s);
  out->label = label_line(s);
  if (out->label && !ends_with_separator(s)) {
    out->duty = &out->duty_store;
    rg_duty_parse_with(s, RG_CLS_SUPPORT, "listed", &ctx->plain, out->duty);
    if (out->duty->n) {
      out->hash = out->duty->n <= 4 ? out->hash_store
                                    : rg_xmalloc((size_t)out->duty->n * sizeof *out->hash);
      for (int k = 0; k < out->duty->n; k++)
        out->hash[k] = rg_memo_hash(out->duty->seg[k].units, out->duty->seg[k].len);
      if (ctx->ahead) lists_ahead(ctx, out);
    }
  }
}

static void prep_free(prep *x) {
  for (int k = 0; x->pre && k < x->duty->n; k++)
    rg_unitlist_pre_free(x->pre[k]);
  if (x->pre != x->pre_store) free(x->pre);
  x->pre = NULL;
  if (x->s != x->buf) free(x->s);
  if (x->duty) rg_duty_destroy(x->duty);
  if (x->hash != x->hash_store) free(x->hash);
  x->s = NULL;
  x->duty = NULL;
  x->hash = NULL;
}

/* prep_free, and the slot's room too. */
static void prep_release(prep *x) {
  prep_free(x);
  free(x->buf);
  x->buf = NULL;
  x->cap = 0;
}

/* A plan of more bytes than this is read with the lines prepared on a
 * second thread (small plans: a thread costs more than it saves). */
#ifndef PIPE_MIN_BYTES
#define PIPE_MIN_BYTES ((size_t)4 << 20)
#endif
/* Lines per block, and blocks the worker may be ahead: 2,048 lines a block
 * left the prepared lines out of cache by the time the parser read them
 * (the 250k-task plan: 1.74 s, 2.64 s CPU; 256 lines: 1.39 s, 2.23 s; 64
 * or 128 lines do no better). */
enum { PIPE_BLOCK = 256, PIPE_BLOCKS = 8 };

/* The second thread: each block of lines marked for chrome and prepared,
 * into a ring of PIPE_BLOCKS blocks, never more ahead of the parser. The
 * parser, when the line it wants is not ready yet, prepares the next
 * unclaimed block itself instead of waiting, so the two threads share the
 * preparing (it is the larger half of the work). Blocks may be finished
 * out of order; ready counts the lines finished in order. */
typedef struct pipe_t {
  const rg_lines *lines;
  rg_level_count *count; /* the level's count, when guessed (under mu) */
  char *skip;
  prep *ring;
  rg_phrases chrome; /* read only once built: shared by both threads */
  prep_ctx ctx[2];   /* the parser's (0) and the worker's (1) */
  pthread_mutex_t mu;
  pthread_cond_t cv;
  int ready;                 /* every line before it is prepared */
  int claimed;               /* blocks claimed by either thread */
  int finished[PIPE_BLOCKS]; /* block b's slots: b + 1 once b is prepared */
  int consumed;              /* lines the parser is done with (their slots are free) */
  int stop;
  int waiting; /* the worker waits for room in the ring */
  pthread_t th;
  /* The plan's task and link arrays past what the parser has filled,
   * reserved at the first lines' rate (pipe_reserve): the worker faults
   * them in a little ahead of the parser, which would otherwise zero each
   * fresh page itself. Set under mu; done is the worker's own. */
  rg_prefault_range pre[3];
} pipe_t;
/* After how many lines the parser estimates the plan's size. */
#define PREFAULT_AFTER (16 * PIPE_BLOCK)

/* Worker, before claiming the block at line from: fault in the arrays
 * ahead of the lines' share (rg_prefault_ahead). */
static void pipe_prefault(pipe_t *q, int from) {
  rg_prefault_range pre[3];
  pthread_mutex_lock(&q->mu);
  memcpy(pre, q->pre, sizeof pre);
  pthread_mutex_unlock(&q->mu);
  double share = (double)from / (double)q->lines->n;
  for (int k = 0; k < 3; k++) {
    size_t done = rg_prefault_ahead(&pre[k], share);
    if (done == pre[k].done) continue;
    pthread_mutex_lock(&q->mu);
    q->pre[k].done = done;
    pthread_mutex_unlock(&q->mu);
  }
}

/* Parser, after `lines` lines: reserve the plan's arrays and string room
 * for all the lines at their rate and hand the spare room to the worker.
 * Changes no byte of the plan. */
static void pipe_reserve(pipe_t *q, rg_plan *plan, int lines) {
  double scale = (double)q->lines->n / (double)lines;
  rg_prefault_range pre[2];
  if (!rg_plan_reserve_ahead(plan, scale * RG_PREFAULT_TRUST, 0, 0, pre)) return;
  size_t strings = (size_t)((double)rg_plan_string_bytes(plan) * scale * RG_PREFAULT_TRUST),
         room = 0;
  char *spare = rg_plan_reserve_strings(plan, strings, &room);
  pthread_mutex_lock(&q->mu);
  q->pre[2] = (rg_prefault_range){.p = spare, .n = room};
  q->pre[0] = pre[0];
  q->pre[1] = pre[1];
  pthread_mutex_unlock(&q->mu);
}

/* Parser, half-way through the lines: the task and link arrays reserved
 * again for all the lines, at the rate of this half (a surer estimate), and
 * a little over, since the first reservation held 90% of an early guess and
 * the parser faulted in the rest itself. The string room is left as it is
 * (a new piece would leave the old one's faulted room unused). */
#define MORE_HELD 1.02

static void pipe_reserve_more(pipe_t *q, rg_plan *plan, int lines) {
  double from = (double)lines / (double)q->lines->n;
  rg_prefault_range pre[2];
  if (!rg_plan_reserve_ahead(plan, MORE_HELD / from, from, MORE_HELD, pre)) return;
  pthread_mutex_lock(&q->mu);
  q->pre[0] = pre[0];
  q->pre[1] = pre[1];
  pthread_mutex_unlock(&q->mu);
}

/* Under mu: claim the next block to prepare: its number, PIPE_NONE when
 * every block is claimed (or the reading stops), PIPE_FULL when the ring
 * has no free block yet. */
enum { PIPE_NONE = -1, PIPE_FULL = -2 };
static int pipe_claim(pipe_t *q) {
  if (q->stop || (long)q->claimed * PIPE_BLOCK >= q->lines->n) return PIPE_NONE;
  if (q->claimed - q->consumed / PIPE_BLOCK >= PIPE_BLOCKS) return PIPE_FULL;
  return q->claimed++;
}

/* Mark and prepare block b, then publish it (takes mu). */
static void pipe_prepare(pipe_t *q, int b, prep_ctx *ctx) {
  int n = q->lines->n, from = b * PIPE_BLOCK, to = from + PIPE_BLOCK < n ? from + PIPE_BLOCK : n;
  mark_chrome_range(q->lines, &q->chrome, q->skip, from, to);
  for (int i = from; i < to; i++) { /* the slot's last line is read: free it here */
    prep *x = &q->ring[i % (PIPE_BLOCK * PIPE_BLOCKS)];
    prep_free(x);
    prep_line(q->lines, q->skip, ctx, i, x);
  }
  pthread_mutex_lock(&q->mu);
  q->finished[b % PIPE_BLOCKS] = b + 1;
  while (q->ready < n &&
         q->finished[q->ready / PIPE_BLOCK % PIPE_BLOCKS] == q->ready / PIPE_BLOCK + 1)
    q->ready = q->ready + PIPE_BLOCK < n ? q->ready + PIPE_BLOCK : n;
  pthread_cond_broadcast(&q->cv);
  pthread_mutex_unlock(&q->mu);
}

/* Parser: the level's count for the worker to do (ensure_level). */
static void pipe_count(pipe_t *q, rg_level_count *count) {
  pthread_mutex_lock(&q->mu);
  q->count = count;
  pthread_mutex_unlock(&q->mu);
}

static void *pipe_worker(void *arg) {
  pipe_t *q = arg;
  int counted = 0; /* every chunk of the count is claimed */
  for (;;) {
    /* the arrays faulted in before the next block is claimed: a claimed
     * block is one the parser waits for, and the first faults after
     * pipe_reserve are megabytes (5-30 ms on a virtual machine whose host
     * took its free memory back); unclaimed, the parser prepares it */
    pthread_mutex_lock(&q->mu);
    int next = q->claimed;
    pthread_mutex_unlock(&q->mu);
    pipe_prefault(q, next * PIPE_BLOCK);
    pthread_mutex_lock(&q->mu);
    int b;
    while ((b = pipe_claim(q)) == PIPE_FULL) {
      rg_level_count *count = counted ? NULL : q->count;
      if (count) { /* the ring is full: a chunk of the count instead of a wait */
        pthread_mutex_unlock(&q->mu);
        counted = !rg_level_count_step(count, 1);
        pthread_mutex_lock(&q->mu);
        continue;
      }
      q->waiting = 1;
      pthread_cond_wait(&q->cv, &q->mu);
      q->waiting = 0;
    }
    rg_level_count *count = q->stop || counted ? NULL : q->count;
    pthread_mutex_unlock(&q->mu);
    if (b == PIPE_NONE) { /* every block claimed: the rest of the count, beside the parser */
      while (count && rg_level_count_step(count, 1))
        ;
      break;
    }
    pipe_prepare(q, b, &q->ctx[1]);
  }
  return NULL;
}

/* Start the second thread; 0 when it could not start (read on one). */
static int pipe_start(pipe_t *q, const rg_lines *lines, char *skip) {
  memset(q, 0, sizeof *q);
  q->lines = lines;
  q->skip = skip;
  q->ring = rg_xcalloc(PIPE_BLOCK * PIPE_BLOCKS, sizeof *q->ring);
  rg_phrases_init(&q->chrome, CHROME);
  prep_ctx_init(&q->ctx[0], 0);
  prep_ctx_init(&q->ctx[1], 1);
  pthread_mutex_init(&q->mu, NULL);
  pthread_cond_init(&q->cv, NULL);
  if (!pthread_create(&q->th, NULL, pipe_worker, q)) return 1;
  pthread_mutex_destroy(&q->mu);
  pthread_cond_destroy(&q->cv);
  prep_ctx_free(&q->ctx[0]);
  prep_ctx_free(&q->ctx[1]);
  free(q->ring);
  return 0;
}

/* Lines ahead of the parser whose label lists' memo entries it starts
 * fetching: the slots this far ahead, the keys and entries half as far,
 * and what the entries point to a quarter as far (each stage reads what
 * the one before fetched: a big plan's memo is out of cache). */
#define LIST_AHEAD 8

/* Prefetch the memo entries of prepared line j's lists, and of the tokens
 * of those it has done ahead (stage 0, 1 or 2). */
static void prefetch_lists(const rg_plan *plan, const pipe_t *q, int j, int stage) {
  const prep *x = &q->ring[j % (PIPE_BLOCK * PIPE_BLOCKS)];
  for (int k = 0; x->duty && x->hash && k < x->duty->n; k++) {
    rg_unitlist_prefetch(plan, x->hash[k], stage);
    if (x->pre && x->pre[k]) rg_unitlist_prefetch_pre(plan, x->pre[k], stage);
  }
}

/* Line i prepared: while it is not, prepare the next unclaimed block
 * here, or wait for the worker when there is none. */
static prep *pipe_get(pipe_t *q, int i, int *ready) {
  if (i >= *ready) {
    pthread_mutex_lock(&q->mu);
    while (q->ready <= i) {
      int b = pipe_claim(q);
      if (b < 0) {
        pthread_cond_wait(&q->cv, &q->mu);
        continue;
      }
      pthread_mutex_unlock(&q->mu);
      pipe_prepare(q, b, &q->ctx[0]);
      pthread_mutex_lock(&q->mu);
    }
    *ready = q->ready;
    pthread_mutex_unlock(&q->mu);
  }
  return &q->ring[i % (PIPE_BLOCK * PIPE_BLOCKS)];
}

/* The parser is done with lines before `done`. A worker waiting for room
 * is woken once half the ring is free, not at each block: a wake-up is a
 * system call on each side, and the worker, faster than the parser on
 * most plans, had waited for every block (5,400 wake-ups on a 250k plan,
 * 5-6% of the parser's time). The parser never waits for it meanwhile:
 * half a ring is prepared, and a parser short of lines prepares a free
 * block itself. */
static void pipe_done(pipe_t *q, int done) {
  pthread_mutex_lock(&q->mu);
  q->consumed = done;
  if (q->waiting && q->claimed - done / PIPE_BLOCK <= PIPE_BLOCKS / 2)
    pthread_cond_broadcast(&q->cv);
  pthread_mutex_unlock(&q->mu);
}

/* Stop the worker and free what it prepared (the worker frees a slot
 * before it fills it again: the memory goes back to the thread that took
 * it, no contention in malloc). */
static void pipe_end(pipe_t *q) {
  pthread_mutex_lock(&q->mu);
  q->stop = 1;
  pthread_cond_broadcast(&q->cv);
  pthread_mutex_unlock(&q->mu);
  pthread_join(q->th, NULL);
  for (int i = 0; i < PIPE_BLOCK * PIPE_BLOCKS; i++)
    prep_release(&q->ring[i]);
  pthread_mutex_destroy(&q->mu);
  pthread_cond_destroy(&q->cv);
  prep_ctx_free(&q->ctx[0]);
  prep_ctx_free(&q->ctx[1]);
  free(q->ring);
}

/* Read prepared line x (line l) into the parser; an error when the line
 * is not text. */
static rg_status read_prepared(parser *p, prep *x, const rg_line *l, rg_error *err) {
  if (x->status != PREP_NUL) rg_invisible_report(p->plan, x->invisible, x->first, l->lineno);
  if (x->status == PREP_NUL || x->status == PREP_BAD) {
    close_task(p);
    clear_candidate(p);
    return rg_error_set(err, RG_EINPUT, p->plan->path, l->lineno, 0,
                        x->status == PREP_NUL ? "binary data (a NUL byte), not a plan"
                                              : "not valid UTF-8 text");
  }
  if (x->s) {
    p->cur = x;
    parse_line(p, x->s, l->lineno);
    p->cur = NULL;
  }
  return RG_OK;
}

/* One reading of the lines into plan. A big plan's lines are prepared on a
 * second thread (pipe_t) while this one parses them, in order; the bytes
 * are the same either way. */
static rg_status read_lines(rg_plan *plan, const rg_lines *lines, int prose, int guess, int *wrong,
                            rg_error *err) {
  parser p = {.plan = plan,
              .prose = prose,
              .chapter = -1,
              .section = -1,
              .task = -1,
              .lines = lines,
              .guess = guess};
  char *skip = rg_xcalloc((size_t)lines->n + 1, 1);
  size_t bytes = 0;
  for (int i = 0; i < lines->n && bytes <= PIPE_MIN_BYTES; i++)
    bytes += lines->v[i].len;
  pipe_t q;
  int piped = !plan->reading->one_thread && bytes > PIPE_MIN_BYTES && pipe_start(&q, lines, skip),
      ready = 0;
  prep_ctx *ctx = NULL; /* (the pipe has one for each thread) */
  if (piped) p.q = &q;
  if (!piped) {
    mark_chrome(lines, skip); /* (the worker marks each block it prepares) */
    ctx = rg_xmalloc(sizeof *ctx);
    prep_ctx_init(ctx, 0);
  }
  rg_status st = RG_OK;
  int i = 0;
  prep own = {0};
  for (; i < lines->n && !st; i++) {
    prep *x = &own;
    if (piped) {
      x = pipe_get(&q, i, &ready);
      if (i + LIST_AHEAD < ready) prefetch_lists(plan, &q, i + LIST_AHEAD, 0);
      if (i + LIST_AHEAD / 2 < ready) prefetch_lists(plan, &q, i + LIST_AHEAD / 2, 1);
      if (i + LIST_AHEAD / 4 < ready) prefetch_lists(plan, &q, i + LIST_AHEAD / 4, 2);
    } else
      prep_line(lines, skip, ctx, i, &own);
    if (x->status != PREP_SKIP) st = read_prepared(&p, x, &lines->v[i], err);
    if (!piped)
      prep_free(x);
    else if ((i + 1) % PIPE_BLOCK == 0) {
      pipe_done(&q, i + 1);
      if (i + 1 == PREFAULT_AFTER) pipe_reserve(&q, plan, i + 1);
      if (i + 1 == lines->n / 2 / PIPE_BLOCK * PIPE_BLOCK && i + 1 > PREFAULT_AFTER)
        pipe_reserve_more(&q, plan, i + 1);
    }
  }
  /* the rest of the level's count, beside the worker (none in flight
   * once it has stopped) */
  while (p.count && !st && rg_level_count_step(p.count, 0))
    ;
  if (piped) pipe_end(&q);
  p.q = NULL;
  prep_release(&own);
  if (ctx) prep_ctx_free(ctx);
  free(ctx);
  free(skip);
  if (!st) {
    close_task(&p);
    clear_candidate(&p);
    ensure_level(&p);
  }
  if (p.count && st)
    rg_level_count_free(p.count);
  else if (p.count && !rg_level_count_settle(plan, p.count, 0))
    *wrong = 1; /* read with a level the whole count does not give */
  return st;
}

/* Rules stated only after the last task (footnotes): they apply to the
 * whole plan. Copies them into out (strings malloc'd) and returns their
 * number. */
static int footnote_rules(const rg_plan *plan, rg_convention **out) {
  const rg_reading *r = plan->reading;
  int n = 0;
  *out = NULL;
  if (!r || !plan->n_tasks) return 0;
  for (int i = 0; i < r->n_conv; i++)
    if (r->conv[i].from_task >= plan->n_tasks) n++;
  if (!n) return 0;
  *out = rg_xcalloc((size_t)n, sizeof **out);
  n = 0;
  for (int i = 0; i < r->n_conv; i++)
    if (r->conv[i].from_task >= plan->n_tasks) {
      rg_convention c = r->conv[i];
      c.text = rg_xstrdup(c.text);
      c.unit = c.unit ? rg_xstrdup(c.unit) : NULL;
      c.from_task = 0;
      c.applied = 0;
      (*out)[n++] = c;
    }
  return n;
}

/* Read lines into plan with preset conventions in force from the start. */
/* What a reading keeps of the caller's reading when it starts again. */
enum { KEEP_RECORD = 1, KEEP_ONE_THREAD = 2 };

static rg_status read_with(rg_plan *plan, const rg_lines *lines, int prose,
                           const rg_convention *preset, int n_preset, int keep,
                           const char *const *accept, int n_accept, int guess, int *wrong,
                           rg_error *err) {
  rg_reading *r = rg_reading_of(plan);
  r->record = (keep & KEEP_RECORD) != 0;
  r->one_thread = (keep & KEEP_ONE_THREAD) != 0;
  for (int i = 0; i < n_accept; i++)
    rg_reading_accept(plan, accept[i]);
  for (int i = 0; i < n_preset; i++)
    rg_reading_add_convention(plan, &preset[i]);
  return read_lines(plan, lines, prose, guess, wrong, err);
}

rg_status rg_text_parse(rg_plan *plan, const rg_lines *lines, rg_error *err) {
  /* what the caller put in the reading before parsing survives a re-read */
  rg_reading *r0 = rg_reading_of(plan);
  /* what a re-read keeps (it starts a new reading) */
  int keep = (r0->record ? KEEP_RECORD : 0) | (r0->one_thread ? KEEP_ONE_THREAD : 0),
      n_accept = r0->n_accept;
  const char **accept = rg_xcalloc((size_t)n_accept + 1, sizeof *accept);
  for (int i = 0; i < n_accept; i++)
    accept[i] = rg_xstrdup(r0->accept[i]);
  rg_convention *pre0 = NULL;
  int n_pre0 = 0;
  if (r0->n_conv) {
    pre0 = rg_xcalloc((size_t)r0->n_conv, sizeof *pre0);
    for (int i = 0; i < r0->n_conv; i++) {
      pre0[i] = r0->conv[i];
      pre0[i].text = rg_xstrdup(r0->conv[i].text);
      pre0[i].unit = r0->conv[i].unit ? rg_xstrdup(r0->conv[i].unit) : NULL;
    }
    n_pre0 = r0->n_conv;
  }
  rg_level level0 = r0->level;
  char prefix0[sizeof r0->prefix];
  memcpy(prefix0, r0->prefix, sizeof prefix0);
  const char *from0 = r0->level_from ? rg_xstrdup(r0->level_from) : NULL;
  long line0 = r0->level_line;
  const char *format0 = r0->format, *encoding0 = r0->encoding;

  rg_status st = RG_OK;
  int pass = 0, guess = 1;
  rg_convention *foot = NULL;
  int n_foot = 0;
  for (int prose = 0; prose < 2; prose++) {
    for (int again = 1; again;) {
      again = 0;
      if (pass++) {
        rg_plan_reset(plan);
        rg_reading *r = rg_reading_of(plan);
        r->level = level0;
        memcpy(r->prefix, prefix0, sizeof prefix0);
        r->level_from = from0 ? rg_plan_strdup(plan, from0) : NULL;
        r->level_line = line0;
        r->format = format0 ? rg_plan_strdup(plan, format0) : NULL;
        r->encoding = encoding0 ? rg_plan_strdup(plan, encoding0) : NULL;
      }
      /* presets: what the caller set, then footnote rules found before */
      for (int i = 0; i < n_pre0; i++)
        rg_reading_add_convention(plan, &pre0[i]);
      int wrong = 0;
      st = read_with(plan, lines, prose, foot, n_foot, keep, accept, n_accept, guess, &wrong, err);
      if (st) goto out;
      if (wrong) { /* the level was guessed wrong: read again, counting it first */
        guess = 0;
        again = 1;
        continue;
      }
      if (!n_foot) {
        n_foot = footnote_rules(plan, &foot);
        again = n_foot > 0;
      }
    }
    /* a plan whose notes and labels name no unit is read as prose */
    if (prose || plan->reading->structured > 0) break;
    rg_plan *scratch = rg_plan_new(plan->path);
    rg_reading *rs = rg_reading_of(scratch);
    rs->level = level0;
    memcpy(rs->prefix, prefix0, sizeof prefix0);
    for (int i = 0; i < n_pre0; i++)
      rg_reading_add_convention(scratch, &pre0[i]);
    rg_error e2;
    rg_status s2 = read_with(scratch, lines, 1, foot, n_foot, keep & KEEP_ONE_THREAD, accept,
                             n_accept, 0, &(int){0}, &e2); /* (no guess: the level counted first) */
    int better = s2 == RG_OK && scratch->n_links > 0 && scratch->n_links >= plan->n_links;
    rg_plan_free(scratch);
    if (!better) break;
  }
out:
  for (int i = 0; i < n_foot; i++) {
    free((void *)foot[i].text);
    free((void *)foot[i].unit);
  }
  free(foot);
  for (int i = 0; i < n_pre0; i++) {
    free((void *)pre0[i].text);
    free((void *)pre0[i].unit);
  }
  free(pre0);
  for (int i = 0; i < n_accept; i++)
    free((void *)accept[i]);
  free(accept);
  free((void *)from0);
  rg_unitlist_forget(plan);
  if (st) return st;
  if (plan->n_tasks == 0)
    return rg_error_set(err, RG_EINPUT, plan->path, 0, 0,
                        "no numbered tasks found (expected lines such as '1.…' followed by "
                        "'牵头单位:…')");
  return RG_OK;
}
