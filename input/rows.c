/* rows.c - table rows (CSV records, HTML table rows) to plan: the column mapper.
 *
 * Two layouts are read. The WIDE form has one row per task, with a task text
 * column and lead/support columns holding unit lists (序号,重点任务,牵头单位,
 * 责任单位,完成时限). The LONG form has one row per link (task,role,unit[,kind,
 * text,chapter]) and is what respgraph's own edges export writes; its unit
 * names are taken as canonical. Every pass is linear in the cell bytes. */
#include "rows.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "conventions.h"
#include "hash.h"
#include "headers.h"
#include "names.h"
#include "notes.h"
#include "reading.h"
#include "text.h"
#include "unitlist.h"

typedef enum {
  COL_NONE = 0,
  COL_ID,
  COL_TASK,
  COL_LEAD,
  COL_SUPPORT,
  COL_DEADLINE,
  COL_CHAPTER,
  COL_SECTION,
  COL_ROLE,
  COL_UNIT,
  COL_KIND,
  COL_TEXT,
  COL_SHARED, /* 负责单位, 实施主体: lead unless the row names a lead */
  COL_MIXED,  /* 责任主体与协同单位: the first unit listed leads */
  COL_PERSON, /* 分管领导: a person, never a unit */
  COL_COUNT
} col_kind;

static const char *const col_keys[COL_COUNT] = {
    NULL,   "id",   "task", "lead", "support", "deadline", "chapter", "section",
    "role", "unit", "kind", "text", "shared",  "mixed",    "person"};

/* Header names, compared after header normalisation (see norm_header). */
static const struct {
  const char *name;
  col_kind kind;
} header_names[] = {
    {"序号", COL_ID},
    {"编号", COL_ID},
    {"id", COL_ID},
    {"no", COL_ID},
    {"no.", COL_ID},
    {"number", COL_ID},
    {"#", COL_ID},
    {"任务序号", COL_ID},
    {"任务编号", COL_ID},
    {"任务", COL_TASK},
    {"重点任务", COL_TASK},
    {"工作任务", COL_TASK},
    {"主要任务", COL_TASK},
    {"任务内容", COL_TASK},
    {"task", COL_TASK},
    {"工作内容", COL_TASK},
    {"重点工作", COL_TASK},
    {"主要工作", COL_TASK},
    {"具体任务", COL_TASK},
    {"工作事项", COL_TASK},
    {"任务名称", COL_TASK},
    {"牵头单位", COL_LEAD},
    {"牵头部门", COL_LEAD},
    {"lead", COL_LEAD},
    {"owner", COL_LEAD},
    {"牵头", COL_LEAD},
    {"牵头责任单位", COL_LEAD},
    {"主办单位", COL_LEAD},
    {"责任单位", COL_SUPPORT},
    {"配合单位", COL_SUPPORT},
    {"协办单位", COL_SUPPORT},
    {"参与单位", COL_SUPPORT},
    {"责任部门", COL_SUPPORT},
    {"support", COL_SUPPORT},
    {"co", COL_SUPPORT},
    {"配合部门", COL_SUPPORT},
    {"协办部门", COL_SUPPORT},
    {"参与部门", COL_SUPPORT},
    {"配合", COL_SUPPORT},
    {"完成时限", COL_DEADLINE},
    {"时间节点", COL_DEADLINE},
    {"时限", COL_DEADLINE},
    {"deadline", COL_DEADLINE},
    {"完成时间", COL_DEADLINE},
    {"时间要求", COL_DEADLINE},
    {"完成期限", COL_DEADLINE},
    {"章", COL_CHAPTER},
    {"chapter", COL_CHAPTER},
    {"分类", COL_CHAPTER},
    {"类别", COL_CHAPTER},
    {"节", COL_SECTION},
    {"section", COL_SECTION},
    {"role", COL_ROLE},
    {"角色", COL_ROLE},
    {"unit", COL_UNIT},
    {"单位", COL_UNIT},
    {"单位名称", COL_UNIT},
    {"kind", COL_KIND},
    {"类型", COL_KIND},
    {"text", COL_TEXT},
};

/* ------------------------------------------------------------- helpers */

/* NFKC of s, trimmed; malloc'd. Invalid UTF-8 is kept as trimmed bytes. */
static char *nfkc_trim(const char *s) {
  char *t = rg_trim_dup(s);
  char *n = rg_nfkc(t, strlen(t));
  if (!n) return t;
  free(t);
  char *r = rg_trim_dup(n);
  free(n);
  return r;
}

/* A header cell for matching: NFKC, no white space anywhere, no trailing
 * ':' or '*', ASCII lower case. malloc'd. */
static char *norm_header(const char *s) {
  char *n = rg_nfkc(s, strlen(s));
  const char *src = n ? n : s;
  size_t len = strlen(src), o = 0, k;
  char *out = rg_xmalloc(len + 1);
  for (size_t i = 0; i < len;) {
    if ((k = rg_space_len(src + i))) {
      i += k;
      continue;
    }
    out[o++] = (char)tolower((unsigned char)src[i]);
    i++;
  }
  while (o && (out[o - 1] == ':' || out[o - 1] == '*'))
    o--;
  out[o] = '\0';
  free(n);
  return out;
}

/* "无", "—", "空", "-", "/" and the like (text.h, after NFKC): a unit cell
 * that names nobody. */
static int means_none(const char *s) {
  char *t = nfkc_trim(s);
  int r = rg_means_none(t);
  free(t);
  return r;
}

static const char *cell(const rg_row *r, int c) { return c >= 0 && c < r->n ? r->cells[c] : ""; }

/* ---------------------------------------------------------- header map */

typedef struct colmap {
  col_kind *kind;     /* per header column */
  rg_role_class *cls; /* unit columns: the role class their header names */
  int n;
  int first[COL_COUNT]; /* first column of each kind, -1 none */
  int count[COL_COUNT];
  int long_form;
} colmap;

static void colmap_destroy(colmap *m) {
  free(m->kind);
  free(m->cls);
}

static col_kind lookup_header(const char *norm) {
  for (size_t i = 0; i < sizeof header_names / sizeof header_names[0]; i++)
    if (!strcmp(norm, header_names[i].name)) return header_names[i].kind;
  /* by meaning: 指导部门, 主责单位, 责任主体与协同单位, 分管领导 (headers.h) */
  switch (rg_header_classify(norm)) {
  case RG_HDR_ID:
    return COL_ID;
  case RG_HDR_TASK:
    return COL_TASK;
  case RG_HDR_LEAD:
    return COL_LEAD;
  case RG_HDR_SUPPORT:
    return COL_SUPPORT;
  case RG_HDR_SHARED:
    return COL_SHARED;
  case RG_HDR_MIXED:
    return COL_MIXED;
  case RG_HDR_PERSON:
    return COL_PERSON;
  case RG_HDR_DEADLINE:
    return COL_DEADLINE;
  case RG_HDR_CHAPTER:
    return COL_CHAPTER;
  case RG_HDR_SECTION:
    return COL_SECTION;
  default:
    return COL_NONE;
  }
}

static int unit_col(col_kind k) {
  return k == COL_LEAD || k == COL_SUPPORT || k == COL_SHARED || k == COL_MIXED;
}

/* Apply --columns "key=header,key=header" (header by name or 1-based
 * number) to m. Returns 0, or -1 with a message in bad (size 256). */
static int apply_columns(colmap *m, char *const *norm, const char *columns, char *bad,
                         size_t badsize) {
  if (!columns || !*columns) return 0;
  /* NFKC first, so that full-width ，and ＝ typed with a Chinese IME work */
  char *spec = rg_nfkc(columns, strlen(columns));
  if (!spec) spec = rg_xstrdup(columns);
  int rc = 0;
  char *save = NULL;
  for (char *item = strtok_r(spec, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
    char *eq = strchr(item, '=');
    if (!eq) {
      snprintf(bad, badsize, "--columns: '%s' is not key=header", item);
      rc = -1;
      break;
    }
    *eq = '\0';
    char *key = norm_header(item);
    col_kind kind = COL_NONE;
    for (int k = 1; k < COL_COUNT; k++)
      if (!strcmp(key, col_keys[k])) kind = (col_kind)k;
    if (kind == COL_NONE) {
      snprintf(bad, badsize,
               "--columns: unknown key '%s' (use id, task, lead, support, deadline, chapter, "
               "section, role, unit, kind or text)",
               item);
      free(key);
      rc = -1;
      break;
    }
    free(key);
    char *want = norm_header(eq + 1);
    int found = -1;
    char *end = NULL;
    long num = strtol(want, &end, 10);
    if (*want && end && !*end && num >= 1 && num <= m->n) found = (int)num - 1;
    for (int c = 0; found < 0 && c < m->n; c++)
      if (!strcmp(norm[c], want)) found = c;
    if (found < 0) {
      snprintf(bad, badsize, "--columns: the header has no column '%s'", eq + 1);
      free(want);
      rc = -1;
      break;
    }
    free(want);
    m->kind[found] = kind;
  }
  free(spec);
  return rc;
}

static void colmap_index(colmap *m) {
  for (int k = 0; k < COL_COUNT; k++) {
    m->first[k] = -1;
    m->count[k] = 0;
  }
  for (int c = 0; c < m->n; c++) {
    col_kind k = m->kind[c];
    if (m->first[k] < 0) m->first[k] = c;
    m->count[k]++;
  }
  m->long_form = m->count[COL_ROLE] > 0 && m->count[COL_UNIT] > 0 &&
                 (m->count[COL_TASK] > 0 || m->count[COL_ID] > 0);
}

/* Build the map; returns 0, or -1 with bad filled when --columns is wrong. */
static int colmap_build(colmap *m, const char *const *cells, int n, const char *columns, char *bad,
                        size_t badsize) {
  m->n = n;
  m->kind = rg_xcalloc((size_t)n + 1, sizeof *m->kind);
  m->cls = rg_xcalloc((size_t)n + 1, sizeof *m->cls);
  char **norm = rg_xcalloc((size_t)n + 1, sizeof *norm);
  for (int c = 0; c < n; c++) {
    norm[c] = norm_header(cells[c] ? cells[c] : "");
    m->kind[c] = lookup_header(norm[c]);
  }
  int rc = apply_columns(m, norm, columns, bad, badsize);
  for (int c = 0; c < n; c++) {
    /* 责任单位: support, but the first leads under a stated rule in a row
     * that names no lead; 配合单位: support */
    static const char *const SUP[] = {"配合", "协办", "协同",    "参与", "协助",
                                      "支持", "协作", "support", "co",   NULL};
    int plain = 0;
    for (int i = 0; SUP[i]; i++)
      plain |= strstr(norm[c], SUP[i]) != NULL;
    m->cls[c] = m->kind[c] == COL_LEAD ? RG_CLS_LEAD
                : m->kind[c] == COL_SHARED
                    ? (strstr(norm[c], "指导") ? RG_CLS_GUIDE : RG_CLS_SHARED)
                : m->kind[c] == COL_MIXED ? RG_CLS_MIXED
                : plain                   ? RG_CLS_SUPPORT
                                          : RG_CLS_RESP;
  }
  for (int c = 0; c < n; c++)
    free(norm[c]);
  free(norm);
  colmap_index(m);
  return rc;
}

static int colmap_ok(const colmap *m) {
  if (m->long_form) return 1;
  return (m->count[COL_TASK] > 0 || m->count[COL_ID] > 0) &&
         (m->count[COL_LEAD] > 0 || m->count[COL_SUPPORT] > 0 || m->count[COL_SHARED] > 0 ||
          m->count[COL_MIXED] > 0);
}

int rg_rows_header_ok(const char *const *cells, int n, const char *columns) {
  if (n <= 0) return 0;
  colmap m;
  char bad[256];
  int ok = colmap_build(&m, cells, n, columns, bad, sizeof bad) == 0 && colmap_ok(&m);
  colmap_destroy(&m);
  return ok;
}

int rg_rows_is_header(const char *const *cells, int n) { return rg_rows_header_ok(cells, n, NULL); }

/* ------------------------------------------------------------ numbering */

typedef enum { HEAD_NONE, HEAD_CHAPTER, HEAD_SECTION } head_kind;

/* Recognise a heading number on NFKC text: "一、" chapter, "(一)" section,
 * "第一章" / "第一部分" chapter. Sets *num (malloc'd) and *title (pointer
 * into s). */
static head_kind heading_number(const char *s, char **num, const char **title) {
  size_t k = rg_cn_numeral_len(s);
  if (k && !strncmp(s + k, "、", 3)) {
    *num = strndup(s, k);
    *title = s + k + 3;
    return HEAD_CHAPTER;
  }
  if (s[0] == '(') {
    k = rg_cn_numeral_len(s + 1);
    if (k && s[1 + k] == ')') {
      *num = strndup(s + 1, k);
      *title = s + 2 + k;
      return HEAD_SECTION;
    }
  }
  if (!strncmp(s, "第", 3)) {
    k = rg_cn_numeral_len(s + 3);
    const char *p = s + 3 + k;
    if (k && (!strncmp(p, "章", 3) || !strncmp(p, "部分", 6))) {
      *num = strndup(s + 3, k);
      *title = p + (strncmp(p, "章", 3) ? 6 : 3);
      return HEAD_CHAPTER;
    }
  }
  return HEAD_NONE;
}

/* A task number at the start of NFKC text: "12." "12、" "(12)" "12 ". On a
 * match sets *num (malloc'd) and returns the number of bytes to skip. */
static size_t task_number(const char *s, char **num) {
  size_t i = 0, d;
  int paren = s[0] == '(';
  if (paren) i = 1;
  d = i;
  while (isdigit((unsigned char)s[i]))
    i++;
  if (i == d || i - d > 6) return 0;
  size_t end = i;
  if (paren) {
    if (s[i] != ')') return 0;
    i++;
  } else if (s[i] == '.' && !isdigit((unsigned char)s[i + 1])) {
    i++;
  } else if (!strncmp(s + i, "、", 3)) {
    i += 3;
  } else if (s[i] == ' ') {
    i++;
  } else {
    return 0;
  }
  while (s[i] == ' ')
    i++;
  *num = strndup(s + d, end - d);
  return i;
}

/* malloc'd copy of an id cell: NFKC, trimmed, without a trailing '.' or
 * '、' and without surrounding parentheses. */
static char *clean_id(const char *s) {
  char *t = nfkc_trim(s);
  size_t n = strlen(t);
  if (n && t[n - 1] == '.') t[--n] = '\0';
  if (n >= 3 && !strcmp(t + n - 3, "、")) t[n -= 3] = '\0';
  if (n >= 2 && t[0] == '(' && t[n - 1] == ')') {
    memmove(t, t + 1, n - 2);
    t[n - 2] = '\0';
  }
  return t;
}

/* ----------------------------------------------------------- chapters */

/* "一", "十二", "3": a number with nothing else. */
static int is_bare_number(const char *s) {
  if (!*s) return 0;
  if (rg_cn_numeral_len(s) == strlen(s)) return 1;
  for (; *s; s++)
    if (!isdigit((unsigned char)*s)) return 0;
  return 1;
}

typedef struct cursor {
  int chapter, section;
  const char *chapter_value; /* text of the chapter column that made chapter */
} cursor;

static void add_heading(rg_plan *plan, cursor *cur, const char *text, long line,
                        int force_chapter) {
  char *t = nfkc_trim(text);
  char *num = NULL;
  const char *title = t;
  head_kind h = heading_number(t, &num, &title);
  if (force_chapter && h == HEAD_SECTION) h = HEAD_CHAPTER;
  if (h == HEAD_NONE && force_chapter && is_bare_number(t)) {
    num = rg_xstrdup(t); /* a chapter column holding just "一" or "3" */
    title = "";
  }
  char *title_t = rg_trim_dup(title);
  if (h == HEAD_SECTION) {
    cur->section = rg_plan_add_section(plan, cur->chapter, num, title_t, line);
  } else {
    cur->chapter = rg_plan_add_chapter(plan, num ? num : "", title_t, line);
    cur->section = -1;
  }
  free(title_t);
  free(num);
  free(t);
}

static void chapter_column(rg_plan *plan, cursor *cur, const char *value, long line) {
  if (rg_is_blank(value)) return;
  if (cur->chapter_value && !strcmp(cur->chapter_value, value)) return;
  cur->chapter_value = rg_plan_strdup(plan, value);
  add_heading(plan, cur, value, line, 1);
}

static void section_column(rg_plan *plan, cursor *cur, const char *value, long line,
                           const char **last) {
  if (rg_is_blank(value)) return;
  if (*last && !strcmp(*last, value)) return;
  *last = rg_plan_strdup(plan, value);
  char *t = nfkc_trim(value);
  char *num = NULL;
  const char *title = t;
  if (heading_number(t, &num, &title) == HEAD_NONE) title = t;
  char *title_t = rg_trim_dup(title);
  cur->section = rg_plan_add_section(plan, cur->chapter, num ? num : "", title_t, line);
  free(title_t);
  free(num);
  free(t);
}

/* ------------------------------------------------------------ wide form */

/* Link every unit cell of row r to task, each as its header's class says,
 * through the note grammar (notes.h): a cell may hold 市商务局会同市财政局 or
 * 市文广旅局(牵头)、市体育局. A line break inside a cell separates units. */
static void link_row(rg_plan *plan, const colmap *m, const char *const *heads, const rg_row *r,
                     int task) {
  rg_reading *rd = rg_reading_of(plan);
  int rule = -1;
  for (int i = 0; i < rd->n_conv; i++)
    if (rd->conv[i].kind == RG_CONV_FIRST_LEADS && rd->conv[i].from_task <= task) rule = i;
  int row_lead = 0, row_guide = 0;
  for (int c = 0; c < m->n; c++) {
    if (m->kind[c] == COL_LEAD && !means_none(cell(r, c))) row_lead = 1;
    if (m->cls[c] == RG_CLS_GUIDE && !means_none(cell(r, c))) row_guide = 1;
  }
  /* lead columns first, so that links keep the order lead, then support */
  for (int pass = 0; pass < 2; pass++)
    for (int c = 0; c < m->n; c++) {
      if (!unit_col(m->kind[c]) || (m->kind[c] == COL_LEAD) != (pass == 0)) continue;
      const char *s = cell(r, c);
      if (means_none(s)) continue;
      char *t = nfkc_trim(s);
      for (char *p = t; *p; p++)
        if (*p == '\n' || *p == '\r') *p = ';';
      char why[160];
      snprintf(why, sizeof why, "column %s", heads && heads[c] ? heads[c] : "?");
      rg_duty d;
      rg_duty_parse(t, m->cls[c], why, &d);
      /* a lead column's own words never demote it: 省经信厅、省科技厅按职责分工负责
       * under 牵头单位 are both lead (负责 there says how they share the lead);
       * a lead named in the cell (X牵头，Y按职责分工负责) still makes the rest support */
      if (m->kind[c] == COL_LEAD && !d.has_lead)
        for (int k = 0; k < d.n; k++)
          if (d.seg[k].cls == RG_CLS_SHARED || d.seg[k].cls == RG_CLS_RESP) {
            d.seg[k].cls = RG_CLS_LEAD;
            d.has_lead = 1;
          }
      /* a rule stated in the cell (省商务厅、省财政厅(列第一位的为牵头单位))
       * holds from this row on */
      for (int k = 0; k < d.n_rules; k++) {
        int dup = 0;
        for (int i = 0; i < rd->n_conv && !dup; i++)
          dup = rd->conv[i].kind == d.rules[k].rule.kind && rd->conv[i].from_task <= task;
        if (!dup) rg_conv_record(plan, d.rules[k].text, &d.rules[k].rule, r->lineno, task);
        if (d.rules[k].rule.kind == RG_CONV_FIRST_LEADS && rule < 0) rule = rd->n_conv - 1;
      }
      /* a 指导 column with no lead column leads: the others then support */
      if (row_lead || (row_guide && m->cls[c] != RG_CLS_GUIDE)) d.has_lead = 1;
      rg_duty_ctx x = {.first_leads = rule >= 0,
                       .resp_first_lead = rule >= 0 && !row_lead,
                       .others_lead = row_lead, /* a 指导 column then supervises */
                       .mode = RG_LINK_NORMAL,
                       .source = "cell in",
                       .rule_line = rule >= 0 ? rd->conv[rule].line : 0};
      rg_duty_link(plan, task, &d, r->lineno, &x);
      if (d.deadline && !plan->tasks[task].deadline)
        plan->tasks[task].deadline = rg_plan_strdup(plan, d.deadline);
      rg_duty_destroy(&d);
      free(t);
    }
  rd->structured++;
}

/* Join the non-empty task cells of r with a space; malloc'd. */
static char *task_text(const colmap *m, const rg_row *r) {
  size_t cap = 1;
  for (int c = 0; c < m->n; c++)
    if (m->kind[c] == COL_TASK || m->kind[c] == COL_TEXT) cap += strlen(cell(r, c)) + 1;
  char *out = rg_xmalloc(cap);
  out[0] = '\0';
  for (int c = 0; c < m->n; c++) {
    if (m->kind[c] != COL_TASK && m->kind[c] != COL_TEXT) continue;
    char *t = rg_trim_dup(cell(r, c));
    if (*t) {
      if (*out) strcat(out, " ");
      strcat(out, t);
    }
    free(t);
  }
  return out;
}

static int has_units(const colmap *m, const rg_row *r) {
  for (int c = 0; c < m->n; c++)
    if (unit_col(m->kind[c]) && !means_none(cell(r, c))) return 1;
  return 0;
}

/* 1 when the row is a heading: all its non-empty cells hold the same text
 * (a merged cell, repeated by the HTML reader), and that text carries a
 * heading number, or spans several cells, or sits outside the task and unit
 * columns. */
static int is_heading_row(const colmap *m, const rg_row *r, const char **text) {
  const char *first = NULL;
  int nonempty = 0, in_task = 0, in_units = 0;
  for (int c = 0; c < r->n; c++) {
    if (rg_is_blank(r->cells[c])) continue;
    if (first && strcmp(first, r->cells[c]) != 0) return 0;
    first = r->cells[c];
    nonempty++;
    if (c < m->n && (m->kind[c] == COL_TASK || m->kind[c] == COL_TEXT)) in_task = 1;
    if (c < m->n && unit_col(m->kind[c])) in_units = 1;
  }
  if (!first) return 0;
  *text = first;
  char *t = nfkc_trim(first), *num = NULL;
  const char *title;
  head_kind h = heading_number(t, &num, &title);
  int digits = *t != '\0';
  for (const char *p = t; *p; p++)
    if (!isdigit((unsigned char)*p) && *p != '.') digits = 0;
  free(num);
  free(t);
  if (digits) return 0; /* a bare task number */
  /* one cell in a task or unit column is a task or a continuation */
  return h != HEAD_NONE || nonempty > 1 || (!in_task && !in_units);
}

/* A heading numbered in the id column: "一" or "(一)" there, its title in
 * the task column, no units (序号=一, 重点任务=扩大有效需求). Adds it and
 * returns 1, else 0. */
static int numbered_heading(rg_plan *plan, cursor *cur, const colmap *m, const rg_row *r) {
  if (m->first[COL_ID] < 0 || has_units(m, r)) return 0;
  char *id = nfkc_trim(cell(r, m->first[COL_ID]));
  int section = 0;
  const char *num = id;
  size_t n = strlen(id);
  if (n >= 2 && id[0] == '(' && id[n - 1] == ')') {
    id[n - 1] = '\0';
    num = id + 1;
    section = 1;
  } else if (n > 3 && !strcmp(id + n - 3, "、")) {
    id[n - 3] = '\0';
  }
  int ok = *num && rg_cn_numeral_len(num) == strlen(num);
  if (ok) {
    char *raw = task_text(m, r), *title = nfkc_trim(raw);
    free(raw);
    if (section) {
      cur->section = rg_plan_add_section(plan, cur->chapter, num, title, r->lineno);
    } else {
      cur->chapter = rg_plan_add_chapter(plan, num, title, r->lineno);
      cur->section = -1;
    }
    free(title);
  }
  free(id);
  return ok;
}

static void set_deadline(rg_plan *plan, const colmap *m, const rg_row *r, int task) {
  if (m->first[COL_DEADLINE] < 0 || plan->tasks[task].deadline) return;
  char *d = rg_trim_dup(cell(r, m->first[COL_DEADLINE]));
  if (*d) plan->tasks[task].deadline = rg_plan_strdup(plan, d);
  free(d);
}

static int add_task(rg_plan *plan, const cursor *cur, const char *number, const char *printed,
                    long line) {
  char *norm = rg_nfkc(printed, strlen(printed));
  int t = rg_plan_add_task(plan, number, norm ? norm : printed, cur->chapter, cur->section, line);
  if (norm && strcmp(norm, printed) != 0) plan->tasks[t].original = rg_plan_strdup(plan, printed);
  free(norm);
  return t;
}

/* A row holding one text (a merged cell) that states a reading rule:
 * 注：排在第一位的为牵头单位. Records it (for the whole table) and returns 1. */
static int rule_row(rg_plan *plan, const rg_row *r, int from_task) {
  const char *only = NULL;
  for (int c = 0; c < r->n; c++) {
    if (rg_is_blank(r->cells[c])) continue;
    if (only && strcmp(only, r->cells[c])) return 0;
    only = r->cells[c];
  }
  if (!only) return 0;
  rg_rule u;
  if (!rg_conv_scan(only, &u)) return 0;
  char *t = rg_trim_dup(only);
  rg_conv_record(plan, t, &u, r->lineno, from_task);
  free(t);
  free(u.unit);
  return 1;
}

static rg_status parse_wide(rg_plan *plan, const colmap *m, const char *const *heads,
                            const rg_row *rows, int nrows) {
  cursor cur = {-1, -1, NULL};
  const char *last_section = NULL;
  int prev = -1; /* previous task */
  /* rules stated in the table (a note row above or below the tasks) hold for
   * all of its rows */
  char *is_rule = rg_xcalloc((size_t)nrows + 1, 1);
  for (int i = 1; i < nrows; i++)
    is_rule[i] = (char)rule_row(plan, &rows[i], plan->n_tasks);
  for (int i = 1; i < nrows; i++) {
    const rg_row *r = &rows[i];
    int any = 0;
    for (int c = 0; c < r->n && !any; c++)
      any = !rg_is_blank(r->cells[c]);
    if (!any || is_rule[i]) continue;
    /* invisible characters: said once per row, for its first such cell */
    for (int c = 0; c < r->n; c++)
      if (rg_invisible_count(r->cells[c], strlen(r->cells[c]), NULL)) {
        rg_invisible_warn(plan, r->cells[c], strlen(r->cells[c]), r->lineno);
        break;
      }
    const char *htext = NULL;
    if (is_heading_row(m, r, &htext)) {
      add_heading(plan, &cur, htext, r->lineno, 0);
      cur.chapter_value = NULL;
      last_section = NULL;
      continue;
    }
    if (numbered_heading(plan, &cur, m, r)) {
      cur.chapter_value = NULL;
      last_section = NULL;
      continue;
    }
    if (m->first[COL_CHAPTER] >= 0)
      chapter_column(plan, &cur, cell(r, m->first[COL_CHAPTER]), r->lineno);
    if (m->first[COL_SECTION] >= 0)
      section_column(plan, &cur, cell(r, m->first[COL_SECTION]), r->lineno, &last_section);

    char *id = m->first[COL_ID] >= 0 ? clean_id(cell(r, m->first[COL_ID])) : rg_xstrdup("");
    char *raw = task_text(m, r);
    char *text_num = NULL;
    char *norm = rg_nfkc(raw, strlen(raw));
    size_t skip = norm ? task_number(norm, &text_num) : 0;
    /* a number the text starts with (1. / 2、 / (3)) is cut from the NFKC
     * text; such a task keeps no separate printed original */
    const char *body = norm ? norm + skip : raw;
    int task;
    if (!*id && !*body) {
      /* units under an empty task cell continue the task above (a merged
       * spreadsheet cell) */
      if (prev < 0) {
        if (has_units(m, r))
          rg_plan_diag(plan, RG_SEV_WARNING, r->lineno, "units-without-task",
                       "row lists units but no task comes before it; ignored");
        free(id), free(raw), free(text_num), free(norm);
        continue;
      }
      task = prev;
    } else {
      const char *number = *id ? id : text_num;
      char ord[32];
      if (!number) {
        snprintf(ord, sizeof ord, "%d", plan->n_tasks + 1);
        number = ord;
      }
      const rg_task *pt = prev >= 0 ? &plan->tasks[prev] : NULL;
      if (pt && !strcmp(pt->number, number) && !strcmp(pt->text, body)) {
        task = prev; /* a task cell repeated over a rowspan */
      } else {
        const char *printed = raw;
        if (skip && norm) printed = body; /* drop the number the text printed */
        task = add_task(plan, &cur, number, printed, r->lineno);
      }
    }
    set_deadline(plan, m, r, task);
    link_row(plan, m, heads, r, task);
    prev = task;
    free(id), free(raw), free(text_num), free(norm);
  }
  free(is_rule);
  return RG_OK;
}

/* ------------------------------------------------------------ long form */

/* The hash of a key of the tables below (cells and numbers: short). */
unsigned rg_rows_long_key_hash(const char *cell, size_t len) {
  return (unsigned)rg_hash_words(cell, len);
}

static unsigned key_hash(const char *s) { return rg_rows_long_key_hash(s, strlen(s)); }

/* Task number -> task: open addressing with the number's hash kept in the
 * slot, so growing never reads the tasks and a probe compares a number only
 * when the hashes agree. */
typedef struct numtab {
  struct numslot {
    unsigned hash;
    int task; /* -1 empty */
  } * slots;
  size_t cap; /* power of two */
  size_t used;
} numtab;

static size_t numtab_slot(const numtab *t, const rg_plan *plan, const char *num, unsigned h) {
  size_t i = h & (t->cap - 1);
  while (t->slots[i].task >= 0 &&
         (t->slots[i].hash != h || strcmp(plan->tasks[t->slots[i].task].number, num) != 0))
    i = (i + 1) & (t->cap - 1);
  return i;
}

/* Grow t to at least twice its size (or to min_cap slots). */
static void numtab_grow_to(numtab *t, size_t min_cap) {
  size_t cap = t->cap ? t->cap * 2 : 1024;
  while (cap < min_cap)
    cap *= 2;
  struct numslot *slots = rg_xmalloc(cap * sizeof *slots);
  for (size_t i = 0; i < cap; i++)
    slots[i].task = -1;
  for (size_t i = 0; i < t->cap; i++)
    if (t->slots[i].task >= 0) {
      size_t j = t->slots[i].hash & (cap - 1);
      while (slots[j].task >= 0)
        j = (j + 1) & (cap - 1);
      slots[j] = t->slots[i];
    }
  free(t->slots);
  t->slots = slots;
  t->cap = cap;
}

static void numtab_grow(numtab *t) { numtab_grow_to(t, 0); }

/* A table from strings to an int, owned by one long-form reading: the keys are
 * copied into one arena (no allocation per key). It maps a raw unit cell to
 * its unit, so each distinct raw cell is trimmed and NFKC'd once however
 * often it is printed. */
typedef struct strtab {
  struct strslot {
    unsigned hash;
    int val;    /* -1: empty */
    size_t off; /* key, in arena */
  } * slots;    /* the hash and value in the slot: a probe reads one place */
  size_t cap;   /* slots, a power of two */
  size_t n;
  char *arena;
  size_t len, cap_arena;
} strtab;

static size_t strtab_slot(const strtab *t, const char *key, unsigned h) {
  size_t i = h & (t->cap - 1);
  while (t->slots[i].val >= 0 &&
         (t->slots[i].hash != h || strcmp(t->arena + t->slots[i].off, key) != 0))
    i = (i + 1) & (t->cap - 1);
  return i;
}

static void strtab_rehash(strtab *t, size_t cap) {
  struct strslot *old = t->slots;
  size_t old_cap = t->cap;
  t->slots = rg_xmalloc(cap * sizeof *t->slots);
  t->cap = cap;
  for (size_t i = 0; i < cap; i++)
    t->slots[i].val = -1;
  for (size_t i = 0; i < old_cap; i++)
    if (old[i].val >= 0) {
      size_t j = old[i].hash & (cap - 1);
      while (t->slots[j].val >= 0)
        j = (j + 1) & (cap - 1);
      t->slots[j] = old[i];
    }
  free(old);
}

/* The value of key (of hash h), or -1. */
static int strtab_get(const strtab *t, const char *key, unsigned h) {
  if (!t->cap) return -1;
  return t->slots[strtab_slot(t, key, h)].val;
}

/* key (of hash h) -> val >= 0 (key must not be in t yet). */
static void strtab_put(strtab *t, const char *key, unsigned h, int val) {
  if ((t->n + 1) * 2 > t->cap) strtab_rehash(t, t->cap ? t->cap * 2 : 64);
  size_t k = strlen(key) + 1;
  RG_GROW(t->arena, t->cap_arena, t->len + k);
  memcpy(t->arena + t->len, key, k);
  struct strslot *sl = &t->slots[strtab_slot(t, key, h)];
  *sl = (struct strslot){h, val, t->len};
  t->len += k;
  t->n++;
}

static void strtab_destroy(strtab *t) {
  free(t->slots);
  free(t->arena);
}

static int parse_role(const char *s, rg_role *role) {
  /* respgraph's own edges export says exactly lead or support: no NFKC */
  if (!strcmp(s, "lead")) return *role = RG_ROLE_LEAD, 1;
  if (!strcmp(s, "support")) return *role = RG_ROLE_SUPPORT, 1;
  char *t = norm_header(s);
  int ok = 1;
  if (!strcmp(t, "lead") || !strcmp(t, "牵头") || !strcmp(t, "牵头单位"))
    *role = RG_ROLE_LEAD;
  else if (!strcmp(t, "support") || !strcmp(t, "co") || !strcmp(t, "配合") || !strcmp(t, "责任") ||
           !strcmp(t, "责任单位") || !strcmp(t, "配合单位"))
    *role = RG_ROLE_SUPPORT;
  else
    ok = 0;
  free(t);
  return ok;
}

static int parse_kind(const char *s, rg_kind *kind) {
  if (!strcmp(s, "unit")) return *kind = RG_KIND_UNIT, 1;
  if (!strcmp(s, "collective")) return *kind = RG_KIND_COLLECTIVE, 1;
  if (!strcmp(s, "generic")) return *kind = RG_KIND_GENERIC, 1;
  char *t = norm_header(s);
  int ok = 1;
  if (!*t || !strcmp(t, "unit"))
    *kind = RG_KIND_UNIT;
  else if (!strcmp(t, "collective"))
    *kind = RG_KIND_COLLECTIVE;
  else if (!strcmp(t, "generic"))
    *kind = RG_KIND_GENERIC;
  else
    ok = 0;
  free(t);
  return ok;
}

/* A long-form table being read, row by row. */
struct rg_rows_long {
  rg_plan *plan;
  colmap m;
  int c_task, c_role, c_unit, c_kind, c_text;
  numtab tab;       /* cleaned number -> task (keys are the tasks' numbers) */
  strtab raw_units; /* the unit cell as printed -> unit (once the row is accepted) */
  /* the task cell of the last accepted row (a copy: a streamed row's cells
   * do not outlive it): the rows of a task follow each other, and they skip
   * cleaning the number and looking it up */
  char *last_raw;
  size_t cap_last;
  int last_task;
  cursor cur;
};

static void long_init(rg_rows_long *s, rg_plan *plan) {
  const colmap *m = &s->m;
  s->plan = plan;
  s->c_task = m->first[COL_TASK] >= 0 ? m->first[COL_TASK] : m->first[COL_ID];
  s->c_role = m->first[COL_ROLE], s->c_unit = m->first[COL_UNIT], s->c_kind = m->first[COL_KIND];
  s->c_text = m->first[COL_TEXT];
  if (s->c_text < 0 && m->first[COL_TASK] >= 0 && m->first[COL_ID] >= 0)
    s->c_text = m->first[COL_TASK];
  if (s->c_text == s->c_task) s->c_text = -1;
  memset(&s->tab, 0, sizeof s->tab);
  numtab_grow(&s->tab);
  memset(&s->raw_units, 0, sizeof s->raw_units);
  s->last_raw = NULL;
  s->cap_last = 0;
  s->last_task = -1;
  s->cur = (cursor){-1, -1, NULL};
}

/* A task cell that cleans to itself (clean_id): ASCII letters and digits. */
static int plain_id(const char *s) {
  if (!*s) return 0;
  for (; *s; s++)
    if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
      return 0;
  return 1;
}

/* The task of an accepted row whose task cell cleans to num (of hash h):
 * found, or added. */
static int long_task(rg_rows_long *s, const rg_row *r, const char *num, unsigned h) {
  rg_plan *plan = s->plan;
  size_t slot = numtab_slot(&s->tab, plan, num, h);
  int task = s->tab.slots[slot].task;
  if (task >= 0) return task;
  if (s->m.first[COL_CHAPTER] >= 0)
    chapter_column(plan, &s->cur, cell(r, s->m.first[COL_CHAPTER]), r->lineno);
  char *text = s->c_text >= 0 ? rg_trim_dup(cell(r, s->c_text)) : rg_xstrdup("");
  task = add_task(plan, &s->cur, num, text, r->lineno);
  free(text);
  s->tab.slots[slot].hash = h;
  s->tab.slots[slot].task = task;
  if (++s->tab.used * 2 > s->tab.cap) numtab_grow(&s->tab);
  return task;
}

rg_status rg_rows_long_row(rg_rows_long *s, const rg_row *r, rg_error *err) {
  rg_plan *plan = s->plan;
  int any = 0;
  for (int c = 0; c < r->n && !any; c++)
    any = !rg_is_blank(r->cells[c]);
  if (!any) return RG_OK;
  const char *raw_task = cell(r, s->c_task), *raw_unit = cell(r, s->c_unit);
  int task = s->last_raw && !strcmp(raw_task, s->last_raw) ? s->last_task : -1;
  unsigned h_unit = r->hashes ? r->hashes[1] : key_hash(raw_unit);
  int u = strtab_get(&s->raw_units, raw_unit, h_unit);
  int plain = task < 0 && plain_id(raw_task);
  char *num = task < 0 && !plain ? clean_id(raw_task) : NULL;
  char *unit = u < 0 ? nfkc_trim(raw_unit) : NULL;
  rg_role role;
  rg_kind kind = RG_KIND_UNIT;
  rg_status st = RG_OK;
  if (num && !*num) {
    st = rg_error_set(err, RG_EINPUT, plan->path, r->lineno, 0, "the task column is empty");
  } else if (!parse_role(cell(r, s->c_role), &role)) {
    st = rg_error_set(err, RG_EINPUT, plan->path, r->lineno, 0,
                      "unknown role '%s' (expected lead or support)", cell(r, s->c_role));
  } else if (s->c_kind >= 0 && !parse_kind(cell(r, s->c_kind), &kind)) {
    st = rg_error_set(err, RG_EINPUT, plan->path, r->lineno, 0,
                      "unknown kind '%s' (expected unit, collective or generic)",
                      cell(r, s->c_kind));
  } else if (unit && !*unit) {
    st = rg_error_set(err, RG_EINPUT, plan->path, r->lineno, 0, "the unit column is empty");
  } else {
    if (task < 0) {
      unsigned h = plain && r->hashes ? r->hashes[0] : key_hash(plain ? raw_task : num);
      task = long_task(s, r, plain ? raw_task : num, h);
      size_t k = strlen(raw_task) + 1;
      RG_GROW(s->last_raw, s->cap_last, k);
      memcpy(s->last_raw, raw_task, k);
    }
    s->last_task = task;
    set_deadline(plan, &s->m, r, task);
    if (u < 0) {
      u = rg_plan_intern_unit(plan, unit, kind, r->lineno);
      strtab_put(&s->raw_units, raw_unit, h_unit, u);
    }
    rg_plan_link(plan, task, u, role, r->lineno);
  }
  free(num);
  free(unit);
  return st;
}

void rg_rows_long_reserve(rg_rows_long *s, size_t tasks) {
  if (tasks * 2 > s->tab.cap) numtab_grow_to(&s->tab, tasks * 2);
}

void rg_rows_long_columns(const rg_rows_long *s, int *task, int *unit) {
  *task = s->c_task;
  *unit = s->c_unit;
}

/* The two probes of a row (its unit cell, its task number when the cell is
 * the number) are each a miss at a million tasks: start them early. Stage
 * 0 fetches the slots; stage 1, some rows later, the unit's key that the
 * slot (by then in cache) points to, which the probe compares. */
void rg_rows_long_prefetch(const rg_rows_long *s, const unsigned hashes[2], int stage) {
  const strtab *u = &s->raw_units;
  if (!u->cap) return;
  const struct strslot *sl = &u->slots[hashes[1] & (u->cap - 1)];
  if (stage == 0) {
    __builtin_prefetch(sl);
    __builtin_prefetch(&s->tab.slots[hashes[0] & (s->tab.cap - 1)]);
  } else if (sl->val >= 0) {
    __builtin_prefetch(u->arena + sl->off);
  }
}

void rg_rows_long_end(rg_rows_long *s) {
  if (!s) return;
  /* every task of the plan came from this table, one per distinct number */
  if (s->tab.used == (size_t)s->plan->n_tasks) s->plan->ids_distinct_ = 1;
  free(s->tab.slots);
  strtab_destroy(&s->raw_units);
  free(s->last_raw);
  colmap_destroy(&s->m);
  free(s);
}

/* Record how each column was read, for check's summary. */
static void record_headers(rg_plan *plan, const colmap *m, char *const *heads) {
  for (int c = 0; c < m->n; c++) {
    if (!*heads[c]) continue;
    const char *meaning = "ignored";
    switch (m->kind[c]) {
    case COL_ID:
      meaning = "task number";
      break;
    case COL_TASK:
      meaning = "task text";
      break;
    case COL_TEXT:
      meaning = "task text";
      break;
    case COL_LEAD:
      meaning = "lead units";
      break;
    case COL_SUPPORT:
      meaning = m->cls[c] == RG_CLS_RESP
                    ? "responsible units: support (the first leads when the plan says so "
                      "and the row names no lead)"
                    : "support units";
      break;
    case COL_SHARED:
      meaning = m->cls[c] == RG_CLS_GUIDE
                    ? "supervising units: support when a lead column names a lead, else "
                      "lead"
                    : "responsible units: lead unless a lead column names one";
      break;
    case COL_MIXED:
      meaning = "units: the first listed leads, the others support";
      break;
    case COL_PERSON:
      meaning = "a person, not a unit (kept out)";
      break;
    case COL_DEADLINE:
      meaning = "deadline";
      break;
    case COL_CHAPTER:
      meaning = "chapter";
      break;
    case COL_SECTION:
      meaning = "section";
      break;
    case COL_ROLE:
      meaning = "role (one row per link)";
      break;
    case COL_UNIT:
      meaning = "unit (one row per link)";
      break;
    case COL_KIND:
      meaning = "unit kind";
      break;
    default:
      break;
    }
    const rg_reading *rd = rg_reading_of(plan);
    int dup = 0;
    for (int i = 0; i < rd->n_headers && !dup; i++)
      dup = !strcmp(rd->headers[i].header, heads[c]) && !strcmp(rd->headers[i].meaning, meaning);
    if (!dup) rg_reading_add_header(plan, heads[c], meaning);
  }
}

/* ---------------------------------------------------------------- entry */

rg_rows_long *rg_rows_long_begin(rg_plan *plan, const rg_row *header, const rg_load_opts *opts) {
  colmap m;
  char bad[256];
  if (colmap_build(&m, header->cells, header->n, opts ? opts->columns : NULL, bad, sizeof bad) ||
      !m.long_form ||
      m.count[COL_LEAD] + m.count[COL_SUPPORT] + m.count[COL_SHARED] + m.count[COL_MIXED]) {
    colmap_destroy(&m);
    return NULL;
  }
  char **heads = rg_xcalloc((size_t)header->n + 1, sizeof *heads);
  for (int c = 0; c < header->n; c++)
    heads[c] = norm_header(header->cells[c] ? header->cells[c] : "");
  record_headers(plan, &m, heads);
  for (int c = 0; c < header->n; c++)
    free(heads[c]);
  free(heads);
  rg_rows_long *lf = rg_xcalloc(1, sizeof *lf);
  lf->m = m;
  long_init(lf, plan);
  return lf;
}

rg_status rg_rows_parse(rg_plan *plan, const rg_row *rows, int nrows, const rg_load_opts *opts,
                        rg_error *err) {
  if (nrows <= 0)
    return rg_error_set(err, RG_EINPUT, plan->path, 0, 0, "the table has no header row");
  colmap m;
  char bad[256];
  if (colmap_build(&m, rows[0].cells, rows[0].n, opts ? opts->columns : NULL, bad, sizeof bad)) {
    colmap_destroy(&m);
    return rg_error_set(err, RG_EINPUT, plan->path, rows[0].lineno, 0, "%s", bad);
  }
  rg_status st = RG_OK;
  char **heads = rg_xcalloc((size_t)rows[0].n + 1, sizeof *heads);
  for (int c = 0; c < rows[0].n; c++)
    heads[c] = norm_header(rows[0].cells[c] ? rows[0].cells[c] : "");
  char seen[320];
  rg_rows_header_list(rows[0].cells, rows[0].n, seen, sizeof seen);
  int units = m.count[COL_LEAD] + m.count[COL_SUPPORT] + m.count[COL_SHARED] + m.count[COL_MIXED];
  if (!m.long_form && m.count[COL_TASK] == 0 && m.count[COL_ID] == 0)
    st = rg_error_set(err, RG_EINPUT, plan->path, rows[0].lineno, 0,
                      "the header names no task column (it reads %s; expected 序号, 任务, "
                      "重点任务, task, ...; or map one with --columns task=NAME)",
                      seen);
  else if (!m.long_form && units == 0)
    st = rg_error_set(err, RG_EINPUT, plan->path, rows[0].lineno, 0,
                      "the header names no unit column (it reads %s; expected 牵头单位, "
                      "责任单位, 配合单位, lead, support, ...; or map one with --columns "
                      "lead=NAME,support=NAME)",
                      seen);
  if (!st && rg_reading_of(plan)->level == RG_LEVEL_UNKNOWN) {
    /* no title or page line named the level: the unit cells' own prefixes */
    rg_buf b = {0};
    for (int i = 1; i < nrows; i++)
      for (int c = 0; c < m.n && c < rows[i].n; c++)
        if (unit_col(m.kind[c]) && rows[i].cells[c]) {
          rg_buf_puts(&b, rows[i].cells[c]);
          rg_buf_putn(&b, "\n", 1);
        }
    if (b.s) rg_reading_level_from_names(plan, b.s, b.n, nrows > 1 ? rows[1].lineno : 0);
    free(b.s);
  }
  if (!st) {
    record_headers(plan, &m, heads);
    if (m.long_form) {
      rg_rows_long *lf = rg_xcalloc(1, sizeof *lf);
      lf->m = m; /* moved: rg_rows_long_end frees it */
      memset(&m, 0, sizeof m);
      long_init(lf, plan);
      for (int i = 1; i < nrows && !st; i++)
        st = rg_rows_long_row(lf, &rows[i], err);
      rg_rows_long_end(lf);
    } else
      st = parse_wide(plan, &m, (const char *const *)heads, rows, nrows);
  }
  for (int c = 0; c < rows[0].n; c++)
    free(heads[c]);
  free(heads);
  colmap_destroy(&m);
  return st;
}

void rg_rows_header_list(const char *const *cells, int n, char *out, size_t size) {
  size_t w = 0;
  out[0] = '\0';
  for (int c = 0; c < n && w + 1 < size; c++) {
    char *h = norm_header(cells[c] ? cells[c] : "");
    if (*h) {
      int k = snprintf(out + w, size - w, "%s%s", w ? " | " : "", h);
      if (k < 0 || (size_t)k >= size - w) {
        /* cut at a character boundary and mark the cut */
        size_t end = size > 4 ? size - 4 : 0;
        while (end > 0 && ((unsigned char)out[end] & 0xC0) == 0x80)
          end--;
        if (end + 4 <= size) memcpy(out + end, "...", 4);
        free(h);
        return;
      }
      w += (size_t)k;
    }
    free(h);
  }
  if (!w) snprintf(out, size, "(empty)");
}
