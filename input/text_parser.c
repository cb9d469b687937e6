/* text_parser.c - the plain-text layout of a task-division plan.
 *
 * One pass over the lines. Each line is NFKC-normalised (full-width
 * punctuation becomes ASCII, so "（一）" and "(一)" are one pattern) and
 * classified as a chapter heading, a section heading, a numbered task, a
 * labelled unit line, metadata, or anything else (page chrome, ignored).
 * A task's text may continue on following lines until it ends a sentence;
 * its last parenthesis may be an inline role note. Cost: linear in the total
 * length of the lines (each line is scanned a constant number of times). */
#include "text_parser.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "strutil.h"
#include "text.h"
#include "unitlist.h"

/* ----------------------------------------------------------- helpers */

static size_t ascii_digits(const char *s) {
  size_t n = 0;
  while (s[n] >= '0' && s[n] <= '9') n++;
  return n;
}

/* ------------------------------------------------------------ labels */

typedef enum { LABEL_LEAD, LABEL_SUPPORT, LABEL_DEADLINE } label_kind;

typedef struct label {
  const char *word;
  label_kind kind;
} label;

/* Longest first where one label starts another. */
static const label LABELS[] = {
    {"牵头责任单位", LABEL_LEAD},   {"牵头单位", LABEL_LEAD},       {"牵头部门", LABEL_LEAD},
    {"责任单位", LABEL_SUPPORT},     {"责任部门", LABEL_SUPPORT},     {"配合单位", LABEL_SUPPORT},
    {"配合部门", LABEL_SUPPORT},     {"参与单位", LABEL_SUPPORT},     {"参与部门", LABEL_SUPPORT},
    {"协办单位", LABEL_SUPPORT},     {"协办部门", LABEL_SUPPORT},     {"协同单位", LABEL_SUPPORT},
    {"完成时限", LABEL_DEADLINE},    {"完成时间", LABEL_DEADLINE},    {"时间节点", LABEL_DEADLINE},
    {"时限要求", LABEL_DEADLINE},    {NULL, LABEL_LEAD},
};

/* If a known label followed by a colon starts at s, return it and set *skip
 * to the bytes up to and including the colon. */
static const label *label_at(const char *s, size_t *skip) {
  /* every label starts with 牵 责 配 参 协 完 or 时: test those three-byte
   * characters before the table (this runs at every character of a line) */
  const unsigned char *u = (const unsigned char *)s;
  if (u[0] < 0xE5 || u[0] > 0xE9 || !u[1] || !u[2]) return NULL;
  unsigned long c = (unsigned long)u[0] << 16 | (unsigned long)u[1] << 8 | u[2];
  if (c != 0xE789B5 && c != 0xE8B4A3 && c != 0xE9858D && c != 0xE58F82 && c != 0xE58D8F &&
      c != 0xE5AE8C && c != 0xE697B6)
    return NULL;
  for (const label *l = LABELS; l->word; l++) {
    if (!starts(s, l->word)) continue;
    const char *p = s + strlen(l->word);
    while (*p == ' ') p++;
    if (*p != ':') continue;
    *skip = (size_t)(p + 1 - s);
    return l;
  }
  return NULL;
}

/* An unknown label: 2-6 CJK characters ending in 单位/部门 before a colon. */
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

typedef struct parser {
  rg_plan *plan;
  int chapter, section;
  int task;        /* current task or -1 */
  int has_labels;  /* the current task has labelled unit lines */
  char *text;      /* current task text, being accumulated */
  int seen_task;
  int heading_seen;
  /* the last heading, in case it turns out to be a task (a label line or a
   * role note follows it with no numbered item in between) */
  char *cand_number, *cand_title;
  long cand_line;
  /* a label line whose list ends in 、 or , continues on the next line */
  char *pending;
  long pending_line;
} parser;

/* Apply each label segment of s (which starts at a label) to the task. */
static void apply_labels(parser *p, const char *s, long line) {
  size_t skip;
  const label *cur = label_at(s, &skip);
  const char *seg = s + skip;
  for (const char *q = seg;; q++) {
    size_t next_skip = 0;
    const label *next = *q ? label_at(q, &next_skip) : NULL;
    if (!*q || next) {
      char *val = dupn(seg, (size_t)(q - seg));
      rg_trim(val);
      /* a label segment ends at ;/, before the next label */
      size_t n = strlen(val);
      while (n && (val[n - 1] == ';' || val[n - 1] == ',' || val[n - 1] == ' ')) val[--n] = '\0';
      if (cur->kind == LABEL_DEADLINE) {
        if (*val) p->plan->tasks[p->task].deadline = rg_plan_strdup(p->plan, val);
      } else {
        rg_unitlist_link(p->plan, p->task, cur->kind == LABEL_LEAD ? RG_ROLE_LEAD : RG_ROLE_SUPPORT,
                         val, strlen(val), line);
      }
      free(val);
      if (!*q) break;
      cur = next;
      seg = q + next_skip;
      q += next_skip - 1;
    }
  }
}

/* Position of the first known label in s, or NULL. */
static const char *find_label(const char *s) {
  size_t skip;
  for (const char *q = s; *q; q++)
    if (((unsigned char)*q & 0xC0) != 0x80 && label_at(q, &skip)) return q;
  return NULL;
}

/* ---------------------------------------------------- inline role notes */

typedef enum { R_LEAD, R_SUPPORT, R_SHARED /* support if a lead is named, else lead */ } note_role;

typedef struct role_word {
  const char *word;
  note_role role;
} role_word;

static const role_word ROLE_WORDS[] = {
    {"按职责分工负责", R_SHARED}, {"按职责负责", R_SHARED}, {"分工负责", R_SHARED},
    {"结合实际落实", R_SUPPORT},  {"牵头负责", R_LEAD},     {"牵头", R_LEAD},
    {"配合", R_SUPPORT},          {"参与", R_SUPPORT},      {"协助", R_SUPPORT},
    {"负责", R_SHARED},           {"落实", R_SUPPORT},      {NULL, R_LEAD},
};

typedef struct note_seg {
  char *units;
  note_role role;
} note_seg;

/* Split a role-suffixed note (A牵头,B、C按职责分工负责) into segments.
 * Returns the number of segments (0 when c names no role). */
static int role_segments(const char *c, note_seg *segs, int max) {
  int n = 0, depth = 0;
  const char *start = c;
  for (const char *q = c; *q;) {
    if (*q == '(') depth++;
    if (*q == ')' && depth) depth--;
    const role_word *hit = NULL;
    if (depth == 0)
      for (const role_word *w = ROLE_WORDS; w->word; w++)
        if (starts(q, w->word)) {
          hit = w;
          break;
        }
    if (!hit) {
      q++;
      continue;
    }
    if (n == max) return n;
    segs[n].units = dupn(start, (size_t)(q - start));
    segs[n].role = hit->role;
    n++;
    q += strlen(hit->word);
    start = q;
  }
  if (n && *start && n < max) {
    char *rest = rg_xstrdup(start);
    rg_trim(rest);
    /* leftovers after the last role word are supports: (A牵头,B参与,C) */
    if (*rest && strcmp(rest, ",") && strcmp(rest, ";")) {
      segs[n].units = rest;
      segs[n].role = R_SUPPORT;
      n++;
    } else {
      free(rest);
    }
  }
  return n;
}

static int has_label(const char *s) { return find_label(s) != NULL; }

/* The first known label outside parentheses (labels inside the last
 * parenthesis are an inline note, read when the task closes). */
static const char *find_label_outside(const char *s) {
  size_t skip;
  int depth = 0;
  for (const char *q = s; *q; q++) {
    if (*q == '(') depth++;
    else if (*q == ')' && depth) depth--;
    else if (!depth && ((unsigned char)*q & 0xC0) != 0x80 && label_at(q, &skip)) return q;
  }
  return NULL;
}

/* If text ends with an inline role note, return 1; unless dry_run, link its
 * units and cut the note (and what follows it) from text. */
static int inline_note(parser *p, char *text, long line, int dry_run) {
  size_t n = strlen(text);
  /* look past trailing sentence punctuation without changing text yet */
  while (n && (!strncmp(text + (n >= 3 ? n - 3 : 0), "。", n >= 3 ? 3 : 0) ||
               text[n - 1] == ';' || text[n - 1] == '.' || isspace((unsigned char)text[n - 1])))
    n -= (n >= 3 && !strncmp(text + n - 3, "。", 3)) ? 3 : 1;
  if (!n || text[n - 1] != ')') return 0;
  int depth = 0;
  size_t open = (size_t)-1;
  for (size_t i = n; i-- > 0;) {
    if (text[i] == ')') depth++;
    else if (text[i] == '(' && --depth == 0) {
      open = i;
      break;
    }
  }
  if (open == (size_t)-1) return 0;
  char *c = dupn(text + open + 1, n - open - 2);
  int found = 0;
  if (has_label(c)) {
    if (!dry_run) apply_labels(p, find_label(c), line);
    found = 1;
  } else {
    note_seg segs[64];
    int k = role_segments(c, segs, 64);
    int any_lead = 0, ok = k > 0;
    for (int i = 0; i < k; i++) {
      char *u = segs[i].units;
      rg_trim(u);
      /* strip separators left between a role word and the next units */
      while (*u == ',' || *u == ';' || starts(u, "、")) {
        size_t k = *u == ',' || *u == ';' ? 1 : 3;
        memmove(u, u + k, strlen(u + k) + 1);
        rg_trim(u);
      }
      if (!*u) ok = 0;
      any_lead |= segs[i].role == R_LEAD;
    }
    if (ok && !dry_run) {
      for (int i = 0; i < k; i++) {
        rg_role r = segs[i].role == R_SUPPORT ? RG_ROLE_SUPPORT
                    : segs[i].role == R_LEAD  ? RG_ROLE_LEAD
                    : any_lead                ? RG_ROLE_SUPPORT
                                              : RG_ROLE_LEAD;
        rg_unitlist_link(p->plan, p->task, r, segs[i].units, strlen(segs[i].units), line);
      }
    }
    found = ok;
    for (int i = 0; i < k; i++) free(segs[i].units);
  }
  free(c);
  if (found && !dry_run) {
    text[open] = '\0';
    rg_trim(text);
  }
  return found;
}

static void flush_pending(parser *p) {
  if (!p->pending) return;
  if (p->task >= 0) apply_labels(p, p->pending, p->pending_line);
  free(p->pending);
  p->pending = NULL;
}

static void clear_candidate(parser *p) {
  free(p->cand_number);
  free(p->cand_title);
  p->cand_number = p->cand_title = NULL;
}

/* Finish the current task: inline note, then store its text. */
static void close_task(parser *p) {
  flush_pending(p);
  if (p->task < 0) return;
  rg_task *t = &p->plan->tasks[p->task];
  if (p->text) {
    if (!p->has_labels) inline_note(p, p->text, t->line, 0);
    t->text = rg_plan_strdup(p->plan, p->text);
    t->original = t->text;
    free(p->text);
    p->text = NULL;
  }
  p->task = -1;
  p->has_labels = 0;
}

/* Does the accumulated task text still go on (no sentence end yet)? */
static int text_continues(const char *s) {
  size_t n = strlen(s);
  if (!n) return 1;
  return !(ends(s, "。") || s[n - 1] == ')' || s[n - 1] == ';' || s[n - 1] == '!' ||
           s[n - 1] == '?' || ends(s, "”"));
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

static void metadata(parser *p, const char *s) {
  rg_meta *m = &p->plan->meta;
  size_t len = strlen(s);
  if (!m->doc_number && len < 60 && strstr(s, "〔") && strstr(s, "〕") && ends(s, "号")) {
    m->doc_number = rg_plan_strdup(p->plan, s);
    return;
  }
  if (!m->date && is_date_line(s)) {
    m->date = rg_plan_strdup(p->plan, s);
    return;
  }
  if (!m->title && len < 300 &&
      ((strstr(s, "关于印发") && ends(s, "通知")) || ends(s, "分工方案") || ends(s, "任务分工")) &&
      !strstr(s, "当前位置")) {
    m->title = rg_plan_strdup(p->plan, s);
    const char *about = strstr(s, "关于");
    if (!m->issuer && about && about != s)
      m->issuer = rg_plan_strndup(p->plan, s, (size_t)(about - s));
    return;
  }
  if (!m->issuer && len < 60 && (ends(s, "人民政府") || ends(s, "办公厅") || ends(s, "办公室")) &&
      !strchr(s, ',') && !strchr(s, ':'))
    m->issuer = rg_plan_strdup(p->plan, s);
}

/* ------------------------------------------------------------- lines */

static void start_task(parser *p, const char *number, const char *rest, long line) {
  close_task(p);
  clear_candidate(p);
  p->task = rg_plan_add_task(p->plan, number, "", p->chapter, p->section, line);
  p->seen_task = 1;
  char *text = rg_xstrdup(rest);
  rg_trim(text);
  const char *l = find_label_outside(text);
  if (l) {
    /* labels on the task's own line: 1.任务……牵头单位:A 责任单位:B */
    char *labels = rg_xstrdup(l);
    text[l - text] = '\0';
    rg_trim(text);
    apply_labels(p, labels, line);
    free(labels);
    p->has_labels = 1;
  }
  p->text = text;
}

/* A heading line: chapter (section = 0) or section (section = 1). A heading
 * that carries its own role note or labels is also a task (plans whose items
 * are （一）…（A牵头）); otherwise it is remembered as a candidate in case
 * label lines follow it directly. */
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
  p->heading_seen = 1;
  if (inline_note(p, title, line, 1) || find_label_outside(title)) {
    start_task(p, num, title, line);
  } else {
    p->cand_number = rg_xstrdup(num);
    p->cand_title = title;
    p->cand_line = line;
    return;
  }
  free(title);
}

static int ends_with_separator(const char *s) {
  size_t n = strlen(s);
  return n && (s[n - 1] == ',' || s[n - 1] == ';' || ends(s, "、"));
}

static void parse_line(parser *p, char *s, long line) {
  size_t n;
  /* chapter: 一、title  or  第一部分 title */
  if ((n = rg_cn_numeral_len(s)) && starts(s + n, "、")) {
    char *num = dupn(s, n);
    heading(p, 0, num, s + n + 3, line);
    free(num);
    return;
  }
  if (starts(s, "第") && (n = rg_cn_numeral_len(s + 3)) &&
      (starts(s + 3 + n, "部分") || starts(s + 3 + n, "章"))) {
    char *num = dupn(s + 3, n);
    heading(p, 0, num, s + 3 + n + (starts(s + 3 + n, "部分") ? 6 : 3), line);
    free(num);
    return;
  }
  /* section: (一)title */
  if (s[0] == '(' && (n = rg_cn_numeral_len(s + 1)) && s[1 + n] == ')') {
    char *num = dupn(s + 1, n);
    heading(p, 1, num, s + 2 + n, line);
    free(num);
    return;
  }
  /* task: 1.text  1、text  (1)text */
  n = ascii_digits(s);
  if (n && n <= 9) {
    const char *after = s + n;
    /* 1. 1、 and 1) (1） after NFKC); a digit after the dot is a decimal */
    size_t sep = *after == '.' || *after == ')' ? 1 : starts(after, "、") ? 3 : 0;
    if (sep && !(after[sep] >= '0' && after[sep] <= '9') && after[sep]) {
      char *num = dupn(s, n);
      start_task(p, num, after + sep, line);
      free(num);
      return;
    }
  }
  if (s[0] == '(' && (n = ascii_digits(s + 1)) && n <= 9 && s[1 + n] == ')' && s[2 + n]) {
    char *num = dupn(s + 1, n);
    start_task(p, num, s + 2 + n, line);
    free(num);
    return;
  }
  /* labelled unit line */
  size_t skip;
  if (label_at(s, &skip)) {
    flush_pending(p);
    if (p->task < 0 && p->cand_number) {
      /* （一）item with its units on the next lines: the heading is a task */
      char *num = p->cand_number, *title = p->cand_title;
      long at = p->cand_line;
      p->cand_number = p->cand_title = NULL;
      start_task(p, num, title, at);
      free(num);
      free(title);
    }
    if (p->task < 0) {
      rg_plan_diag(p->plan, RG_SEV_WARNING, line, "orphan-label",
                   "unit line before any numbered task; ignored");
      return;
    }
    p->has_labels = 1;
    if (ends_with_separator(s)) {
      p->pending = rg_xstrdup(s);
      p->pending_line = line;
      return;
    }
    apply_labels(p, s, line);
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
  /* continuation of the task text, or metadata, or chrome */
  if (p->task >= 0 && !p->has_labels && p->text && text_continues(p->text)) {
    size_t a = strlen(p->text), b = strlen(s);
    p->text = rg_xrealloc(p->text, a + b + 1);
    memcpy(p->text + a, s, b + 1);
    return;
  }
  if (!p->seen_task) metadata(p, s);
}

rg_status rg_text_parse(rg_plan *plan, const rg_lines *lines, rg_error *err) {
  parser p = {.plan = plan, .chapter = -1, .section = -1, .task = -1};
  for (int i = 0; i < lines->n; i++) {
    const rg_line *l = &lines->v[i];
    if (memchr(l->text, '\0', l->len)) {
      close_task(&p);
      clear_candidate(&p);
      return rg_error_set(err, RG_EINPUT, plan->path, l->lineno, 0,
                          "binary data (a NUL byte), not a plan");
    }
    char *s = rg_nfkc(l->text, l->len);
    if (!s) {
      close_task(&p);
      clear_candidate(&p);
      return rg_error_set(err, RG_EINPUT, plan->path, l->lineno, 0, "not valid UTF-8 text");
    }
    rg_trim(s);
    if (*s) parse_line(&p, s, l->lineno);
    free(s);
  }
  close_task(&p);
  clear_candidate(&p);
  if (plan->n_tasks == 0)
    return rg_error_set(err, RG_EINPUT, plan->path, 0, 0,
                        "no numbered tasks found (expected lines such as '1.…' followed by "
                        "'牵头单位:…')");
  return RG_OK;
}
