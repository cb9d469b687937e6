/* deadline.c - 完成时限 and the deadline phrases of task text as dates.
 *
 * One left-to-right scan of the NFKC form of a phrase (full-width digits are
 * ASCII then). At each place it tries, in order: a word that makes the task
 * spread over the year (持续推进) or recurring (每季度); a year (2026年,
 * 二〇二六年, 2026—2027年, 2026-06-30) and what follows it; a part of the
 * plan's year without a year (年底前, 上半年, 三季度末, 6月底前, 十二月底前).
 * Each date read is a "hit": a window (上半年: Jan 1 - Jun 30; 2024年9月:
 * the month) or a "by" date (6月底前: from the start of the plan's year to
 * Jun 30). The hits of one phrase combine into one interval, the latest end
 * winning and an earlier end kept as the milestone. Anything else in the
 * phrase (完成, 前, 全面, 取得阶段性成效) is read past. NOTES.md "Deadlines"
 * has every rule with its example. */
#include "deadline.h"

#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "strutil.h"
#include "text.h"
#include "utf8.h"

#define MAX_HITS 16

typedef struct hit {
  long start, end; /* a window; for a "by" date start is 0 until finished */
  int by;          /* 1: a deadline (底, 末, 前, 日): from the plan's start to end */
  int before;      /* 1: followed by 前/以前/之前 (the only hits of a text) */
  int whole_year;  /* 1: a whole year (年内, 全年, 2026年) */
} hit;

typedef struct scan {
  int year; /* the plan's year, 0 unknown */
  int text; /* reading a task's text: "by" hits only */
  hit hits[MAX_HITS];
  int n;
  int spread; /* 持续推进, 长期坚持, 常态化, 分阶段推进 */
  int every;  /* 每季度 3, 每月 1, 每半年 6, 每年 12 */
  int need_year;
  const char *why; /* set: the phrase is not read */
} scan;

/* ------------------------------------------------------------ numbers */

/* The value of the Chinese digit at p (〇 零 一 … 九), its bytes in *len;
 * -1 when p holds none. scan_phrase tries a number at every character of
 * every task, so this decodes the character once and compares code
 * points rather than eleven strings. */
static int cn_digit(const char *p, size_t *len) {
  const unsigned char *u = (const unsigned char *)p;
  if ((u[0] & 0xF0) != 0xE0 || (u[1] & 0xC0) != 0x80 || (u[2] & 0xC0) != 0x80) return -1;
  unsigned cp = (u[0] & 0x0Fu) << 12 | (u[1] & 0x3Fu) << 6 | (u[2] & 0x3Fu);
  static const unsigned digit[] = {0x3007, 0x96F6, 0x4E00, 0x4E8C, 0x4E09, 0x56DB,
                                   0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D}; /* 〇 零 一 … 九 */
  static const int v[] = {0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
  for (int k = 0; k < 11; k++)
    if (cp == digit[k]) {
      *len = 3;
      return v[k];
    }
  return -1;
}

/* A number at *pp: ASCII digits (at most 4), Chinese digits read place by
 * place (二〇二六), or a tens form (十, 十二, 二十, 三十一). Advances *pp and
 * returns the number of digits read (a tens form counts 2); 0 when none. */
static int read_number(const char **pp, int *v) {
  const char *p = *pp;
  int n = 0, val = 0;
  while (*p >= '0' && *p <= '9' && n < 5)
    val = val * 10 + (*p++ - '0'), n++;
  if (n) {
    if (n > 4) return 0;
    *pp = p, *v = val;
    return n;
  }
  size_t len;
  int d = cn_digit(p, &len), tens = -1;
  if (d < 0 && starts(p, "十"))
    tens = 1, p += strlen("十");
  else if (d >= 0 && starts(p + len, "十"))
    tens = d, p += len + strlen("十");
  if (tens >= 0) {
    int u = cn_digit(p, &len);
    if (u > 0) p += len;
    *pp = p, *v = tens * 10 + (u > 0 ? u : 0);
    return 2;
  }
  while ((d = cn_digit(p, &len)) >= 0 && n < 5)
    val = val * 10 + d, p += len, n++;
  if (!n || n > 4) return 0;
  *pp = p, *v = val;
  return n;
}

/* ---------------------------------------------------------------- hits */

static long month_end(int y, int m) {
  return m == 12 ? rg_days_from_civil(y, 12, 31) : rg_days_from_civil(y, m + 1, 1) - 1;
}

static long year_start(int y) { return rg_days_from_civil(y, 1, 1); }
static long year_end(int y) { return rg_days_from_civil(y, 12, 31); }

/* After a date: 前, 以前, 之前 mean "by" it; returns their bytes. */
static size_t before_len(const char *p) {
  static const char *const w[] = {"以前", "之前", "前", NULL};
  for (int k = 0; w[k]; k++)
    if (starts(p, w[k])) return strlen(w[k]);
  return 0;
}

static void add_hit(scan *s, long start, long end, int by, const char **pp) {
  size_t b = before_len(*pp);
  *pp += b;
  if (s->n == MAX_HITS || (s->text && !b)) return;
  s->hits[s->n++] = (hit){start, end, by, b > 0, 0};
}

static void add_year(scan *s, int y, const char **pp) {
  int n = s->n;
  add_hit(s, year_start(y), year_end(y), 0, pp);
  if (s->n > n) s->hits[n].whole_year = 1;
}

/* The year of a phrase without one: the plan's (or the need is noted). */
static int plan_year(scan *s) {
  if (!s->year) s->need_year = 1;
  return s->year ? s->year : 2000;
}

/* 底, 末 (and 年底, 年末 after a year): the end of what was named. */
static size_t end_word(const char *p) {
  static const char *const w[] = {"底", "末", NULL};
  for (int k = 0; w[k]; k++)
    if (starts(p, w[k])) return strlen(w[k]);
  return 0;
}

/* A quarter at *pp (第三季度, 三季度, 3季度, 一季, with 末/底: by its end). */
static int quarter(scan *s, const char **pp, int y) {
  const char *p = *pp;
  if (starts(p, "第")) p += strlen("第");
  int q;
  if (read_number(&p, &q) != 1) return 0;
  if (starts(p, "季度"))
    p += strlen("季度");
  else if (starts(p, "季"))
    p += strlen("季");
  else
    return 0;
  if (q < 1 || q > 4) {
    s->why = "a quarter is 1 to 4";
    *pp = p;
    return 1;
  }
  if (!y) y = plan_year(s);
  long end = month_end(y, q * 3);
  size_t e = end_word(p);
  p += e;
  *pp = p;
  add_hit(s, e ? 0 : rg_days_from_civil(y, q * 3 - 2, 1), end, e > 0, pp);
  return 1;
}

/* Parts of a year: 上半年, 下半年, 前三季度, 年底, 年末 (by its end), 年内, 全年,
 * 年度内 (the whole year); right after a year also 底, 末 (2026年底), 度, 内. */
static int year_part(scan *s, const char **pp, int y, int after_year) {
  static const struct {
    const char *w;
    int from, to, by;
  } parts[] = {
      {"上半年", 1, 6, 0}, {"下半年", 7, 12, 0}, {"前三季度", 1, 9, 0}, {"年底", 0, 12, 1},
      {"年末", 0, 12, 1},  {"年内", 1, 12, 0},   {"全年", 1, 12, 0},    {"年度内", 1, 12, 0},
      {"底", 0, 12, 1},    {"末", 0, 12, 1},     {"度内", 1, 12, 0},    {"度", 1, 12, 0},
      {"内", 1, 12, 0},
  };
  int n = after_year ? 13 : 8;
  for (int k = 0; k < n; k++)
    if (starts(*pp, parts[k].w)) {
      if (!y) y = plan_year(s);
      *pp += strlen(parts[k].w);
      if (parts[k].by)
        add_hit(s, 0, year_end(y), 1, pp);
      else if (parts[k].from == 1 && parts[k].to == 12)
        add_year(s, y, pp);
      else
        add_hit(s, rg_days_from_civil(y, parts[k].from, 1), month_end(y, parts[k].to), 0, pp);
      return 1;
    }
  return 0;
}

/* What follows a month (M月 already read): 底/末 (by its end), 上旬 中旬
 * 下旬 (by day 10, 20, its end), D日/D号 (by that day), 份 or nothing (the
 * month as a window). 6月前 is ambiguous (by June or by May?): not read. */
static void month_rest(scan *s, const char **pp, int y, int m) {
  const char *p = *pp;
  long end = month_end(y, m);
  size_t e = end_word(p);
  int d;
  const char *q = p;
  if (e) {
    *pp = p + e;
    add_hit(s, 0, end, 1, pp);
  } else if (starts(p, "上旬") || starts(p, "中旬") || starts(p, "下旬")) {
    int day = starts(p, "上旬") ? 10 : starts(p, "中旬") ? 20 : 0;
    *pp = p + strlen("上旬");
    add_hit(s, 0, day ? rg_days_from_civil(y, m, day) : end, 1, pp);
  } else if (read_number(&q, &d) && d >= 1 && (starts(q, "日") || starts(q, "号"))) {
    if (rg_days_from_civil(y, m, 1) + d - 1 > end) {
      s->why = "no such day in the month";
      *pp = q;
      return;
    }
    *pp = q + strlen("日");
    add_hit(s, 0, rg_days_from_civil(y, m, d), 1, pp);
  } else if (before_len(p)) {
    if (!s->text) s->why = "M月前 may mean by the end of the month or before it starts";
    *pp = p + before_len(p);
  } else {
    if (starts(p, "份")) p += strlen("份");
    *pp = p;
    add_hit(s, rg_days_from_civil(y, m, 1), end, 0, pp);
  }
}

/* A month at *pp (6月, 06月, 十二月): then month_rest. */
static int month(scan *s, const char **pp, int y) {
  const char *p = *pp;
  int m;
  if (!read_number(&p, &m) || !starts(p, "月")) return 0;
  p += strlen("月");
  *pp = p;
  if (m < 1 || m > 12) {
    s->why = "a month is 1 to 12";
    return 1;
  }
  if (!y) y = plan_year(s);
  month_rest(s, pp, y, m);
  return 1;
}

/* 2026-06-30, 2026/6/30, 2026.6.30 and 2026-06 (after the year's digits). */
static int numeric_date(scan *s, const char **pp, int y) {
  const char *p = *pp;
  char sep = *p;
  int m, d;
  if (sep != '-' && sep != '/' && sep != '.') return 0;
  p++;
  int nm = read_number(&p, &m);
  if (nm < 1 || nm > 2 || m < 1 || m > 12) return 0;
  if (*p == sep) {
    const char *q = p + 1;
    int nd = read_number(&q, &d);
    if (nd < 1 || nd > 2 || d < 1 || rg_days_from_civil(y, m, 1) + d - 1 > month_end(y, m))
      return 0;
    *pp = q;
    add_hit(s, 0, rg_days_from_civil(y, m, d), 1, pp);
    return 1;
  }
  if (*p >= '0' && *p <= '9') return 0;
  *pp = p;
  add_hit(s, rg_days_from_civil(y, m, 1), month_end(y, m), 0, pp);
  return 1;
}

/* A dash between two years: — – - ~ 至 到. */
static size_t dash_len(const char *p) {
  static const char *const w[] = {"——", "—", "–", "-", "~", "至", "到", NULL};
  for (int k = 0; w[k]; k++)
    if (starts(p, w[k])) return strlen(w[k]);
  return 0;
}

/* 2026—2027年, 2026年—2027年, 2026年至2027年: both years whole. */
static int year_range(scan *s, const char **pp, int y) {
  const char *p = *pp;
  size_t dl = dash_len(p);
  int y2;
  if (!dl) return 0;
  p += dl;
  if (read_number(&p, &y2) != 4 || !starts(p, "年")) return 0;
  p += strlen("年");
  if (y2 < y) {
    s->why = "the second year is before the first";
    *pp = p;
    return 1;
  }
  *pp = p;
  add_hit(s, year_start(y), year_end(y2), 0, pp);
  if (s->n) s->hits[s->n - 1].whole_year = y2 == y;
  return 1;
}

/* A year at *pp and what follows it. */
static int year_phrase(scan *s, const char **pp) {
  const char *p = *pp;
  int y;
  if (read_number(&p, &y) != 4 || y < 1900 || y > 2199) return 0;
  if (!starts(p, "年")) { /* 2026—2027年, 2026-06-30; else a plain number */
    if (!year_range(s, &p, y) && !numeric_date(s, &p, y)) return 0;
    *pp = p;
    return 1;
  }
  p += strlen("年");
  *pp = p;
  if (year_range(s, pp, y) || year_part(s, pp, y, 1) || quarter(s, pp, y) || month(s, pp, y))
    return 1;
  if (!s->text) add_year(s, y, pp); /* 2026年: the year (in a text, a target: 到2025年) */
  return 1;
}

/* Words that spread a task over the year or make it recur. */
static int kind_word(scan *s, const char **pp) {
  static const struct {
    const char *w;
    int every; /* 0: spread */
  } words[] = {
      {"每个季度", 3}, {"每季度", 3},   {"按季度", 3},   {"每季", 3},     {"每个月", 1},
      {"每月", 1},     {"按月", 1},     {"每半年", 6},   {"每年度", 12},  {"每年", 12},
      {"按年度", 12},  {"持续推进", 0}, {"长期坚持", 0}, {"常态化", 0},   {"长期推进", 0},
      {"长期", 0},     {"持续", 0},     {"长效", 0},     {"逐步推进", 0}, {"逐年推进", 0},
      {"分阶段", 0},   {"分步实施", 0}, {"分步推进", 0}, {"久久为功", 0},
  };
  for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
    if (starts(*pp, words[k].w)) {
      *pp += strlen(words[k].w);
      if (words[k].every)
        s->every = words[k].every;
      else
        s->spread = 1;
      return 1;
    }
  return 0;
}

/* Can a date, a part of a year, a number or (outside a text) a kind word
 * start at p? Each starts with an ASCII digit, a Chinese digit or 十, or
 * one of 第 上 下 前 年 全 (and 每 按 持 长 常 逐 分 久 for kind words): any
 * other character is stepped over without trying them (scan_phrase tries
 * them at every character of every task's text). */
static int may_start(const char *p, int text) {
  const unsigned char *u = (const unsigned char *)p;
  if (u[0] < 0x80) return u[0] >= '0' && u[0] <= '9';
  if ((u[0] & 0xF0) != 0xE0 || (u[1] & 0xC0) != 0x80 || (u[2] & 0xC0) != 0x80) return 0;
  unsigned cp = (u[0] & 0x0Fu) << 12 | (u[1] & 0x3Fu) << 6 | (u[2] & 0x3Fu);
  static const unsigned any[] = {0x3007, 0x96F6, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
                                 0x516D, 0x4E03, 0x516B, 0x4E5D, /* 〇 零 一 … 九 */
                                 0x5341, 0x7B2C, 0x4E0A, 0x4E0B, 0x524D, 0x5E74, 0x5168};
  /* 十 第 上 下 前 年 全 */
  static const unsigned kind[] = {0x6BCF, 0x6309, 0x6301, 0x957F,
                                  0x5E38, 0x9010, 0x5206, 0x4E45}; /* 每 按 持 长 常 逐 分 久 */
  for (size_t k = 0; k < sizeof any / sizeof any[0]; k++)
    if (cp == any[k]) return 1;
  for (size_t k = 0; !text && k < sizeof kind / sizeof kind[0]; k++)
    if (cp == kind[k]) return 1;
  return 0;
}

static void scan_phrase(scan *s, const char *p) {
  while (*p && !s->why) {
    if (!may_start(p, s->text)) {
      p += rg_utf8_char_len(p);
      continue;
    }
    if (!s->text && kind_word(s, &p)) continue;
    if (year_phrase(s, &p)) continue;
    if (year_part(s, &p, 0, 0) || quarter(s, &p, 0) || month(s, &p, 0)) continue;
    int d;
    const char *q = p;
    if (read_number(&q, &d)) { /* a number that is no date: step over it whole */
      p = q;
      continue;
    }
    p += rg_utf8_char_len(p);
  }
}

/* The hits into one interval: by-dates start with the plan's year (or their
 * own year when it is earlier or the plan's is unknown); the latest end
 * wins; the earliest other end is the milestone. */
static void combine(scan *s, rg_due *due) {
  long start = 0, end = 0, first_end = 0;
  int whole = 1;
  for (int k = 0; k < s->n; k++) {
    hit *h = &s->hits[k];
    if (h->by) {
      int y, m, d;
      rg_civil_from_days(h->end, &y, &m, &d);
      h->start = year_start(s->year && s->year < y ? s->year : y);
    }
    int y, m, d;
    rg_civil_from_days(h->start, &y, &m, &d);
    if (!h->whole_year && !(m == 1 && d == 1 && h->end == year_end(y))) whole = 0;
    if (!k || h->start < start) start = h->start;
    if (!k || h->end > end) end = h->end;
    if (!k || h->end < first_end) first_end = h->end;
  }
  due->start = start;
  due->end = end;
  due->milestone = s->n > 1 && first_end < end ? first_end : 0;
  due->kind = s->every ? RG_DUE_RECURRING : s->spread && whole ? RG_DUE_SPREAD : RG_DUE_DATED;
}

int rg_due_parse(const char *phrase, int year, int text, rg_due *due, const char **why) {
  memset(due, 0, sizeof *due);
  *why = NULL;
  size_t len = strlen(phrase);
  /* most phrases are NFKC already: read them in place */
  int same = rg_nfkc_is_copy(phrase, len);
  char *n = same ? NULL : rg_nfkc(phrase, len);
  scan s = {.year = year, .text = text};
  scan_phrase(&s, same ? phrase : n ? n : "");
  free(n);
  if (!s.why && !s.n && !s.spread && !s.every) s.why = "it names no date";
  if (!s.why && s.need_year) s.why = "it has no year and the plan names none (give --year)";
  if (!s.why && !s.n && !year) s.why = "the plan names no year (give --year)";
  if (s.why) {
    *why = s.why;
    due->kind = text ? RG_DUE_NONE : RG_DUE_UNREAD;
    return 0;
  }
  if (!s.n) { /* 持续推进, 每季度: the plan's year */
    due->start = year_start(year);
    due->end = year_end(year);
    due->kind = s.every ? RG_DUE_RECURRING : RG_DUE_SPREAD;
  } else {
    combine(&s, due);
  }
  due->every = s.every;
  return 1;
}

/* ------------------------------------------------------------ the plan */

/* The first year named in s: 2026年, 二〇二六年, or a year in 〔〕[]() of
 * a document number (沈政发〔2026〕1号). 0 when none. */
static int year_in(const char *s, int number) {
  if (!s) return 0;
  char *n = rg_nfkc(s, strlen(s));
  int y = 0;
  for (const char *p = n ? n : ""; *p && !y;) {
    int v;
    const char *q = p;
    if (read_number(&q, &v) == 4 && v >= 1900 && v <= 2199 &&
        (number ? (*q == ']' || starts(q, "〕") || *q == ')') : starts(q, "年")))
      y = v;
    p = q > p ? q : p + rg_utf8_char_len(p);
  }
  free(n);
  return y;
}

int rg_plan_year_of(const rg_plan *plan, const char **from) {
  const char *where = NULL;
  int y = 0;
  if ((y = year_in(plan->meta.title, 0)))
    where = "title";
  else if ((y = year_in(plan->meta.date, 0)))
    where = "date";
  else if ((y = year_in(plan->meta.doc_number, 1)))
    where = "document number";
  if (from) *from = where;
  return y;
}

/* Can a task's text name no "by" date? In a text a date counts only
 * before 前 (以前, 之前): a text without 前 (and NFKC already, so none
 * appears) names none, and rg_due_parse would read it in vain. */
static int no_by_date(const char *text) {
  return !rg_strstr3(text, "前") && rg_nfkc_is_copy(text, strlen(text));
}

/* Which tasks may name a date (no_by_date screens the others out): one
 * byte per task of [from, to). */
typedef struct screen_run {
  const rg_plan *plan;
  int from, to;
  char *maybe;
} screen_run;

static void *screen(void *arg) {
  screen_run *r = arg;
  for (int t = r->from; t < r->to; t++) {
    const rg_task *k = &r->plan->tasks[t];
    r->maybe[t] = k->deadline || (k->text && !no_by_date(k->text));
  }
  return NULL;
}

/* Tasks past which the texts are screened on two threads. */
#define SCREEN_PAR 50000

void rg_plan_read_deadlines_threads(rg_plan *plan, int year, int threads) {
  if (year > 0) {
    plan->year = year;
    plan->year_from = "--year";
  } else {
    plan->year = rg_plan_year_of(plan, &plan->year_from);
  }
  /* the screen is pure (each task's own text): the second half may go on
   * another thread; the reading below (diagnostics) stays on this one */
  char *maybe = rg_xmalloc((size_t)plan->n_tasks + 1);
  int mid = plan->n_tasks / 2;
  screen_run a = {plan, 0, mid, maybe}, b = {plan, mid, plan->n_tasks, maybe};
  rg_run_both(screen, &a, screen, &b, threads != 1 && plan->n_tasks >= SCREEN_PAR);
  for (int t = 0; t < plan->n_tasks; t++) {
    rg_task *k = &plan->tasks[t];
    const char *why;
    if (!maybe[t]) {
      if (k->text) memset(&k->due, 0, sizeof k->due); /* what rg_due_parse gives it: RG_DUE_NONE */
    } else if (k->deadline) {
      if (!rg_due_parse(k->deadline, plan->year, 0, &k->due, &why))
        rg_plan_diag(plan, RG_SEV_WARNING, k->line, "deadline",
                     "task %s: 完成时限 '%s' is not read as a date: %s; loads by period "
                     "spread it over the plan's year",
                     k->number, k->deadline, why);
    } else if (rg_due_parse(k->text, plan->year, 1, &k->due, &why)) {
      k->due.from_text = 1;
    }
  }
  free(maybe);
}

void rg_plan_read_deadlines(rg_plan *plan, int year) {
  rg_plan_read_deadlines_threads(plan, year, 1);
}
