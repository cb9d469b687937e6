/* plan.h - the plan model: what a task-division plan (分工方案) says.
 *
 * OWNERSHIP, once for the whole program:
 *   - The plan owns every string. All text lives in the plan's arena and is
 *     freed by rg_plan_free(). Nothing outside input/ frees a plan string.
 *   - Graphs and results refer to tasks, units and links by index (int), never
 *     by pointer, so the plan must outlive every graph built from it, and a
 *     graph must outlive the results computed on it.
 *   - Heap objects come in _new/_free pairs; _free(NULL) does nothing.
 *     Caller-allocated structs come in _init/_destroy pairs.
 *
 * Indices: tasks, units, links, chapters and sections are numbered from 0 in
 * the order they are first seen. -1 means "none".
 *
 * Complexity: every function here is O(1) amortised per call except
 * rg_plan_finalize(), which is O(tasks + units + links). Units are interned in
 * a hash table, so a 10^6-task plan is read in linear time. */
#ifndef RG_PLAN_H
#define RG_PLAN_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"

typedef enum { RG_ROLE_LEAD = 0, RG_ROLE_SUPPORT = 1 } rg_role;

typedef enum {
  RG_KIND_UNIT = 0,       /* a concrete body: 市发展改革委 */
  RG_KIND_COLLECTIVE = 1, /* a named set: 各区、县(市)政府, 市政府各部门 */
  RG_KIND_GENERIC = 2,    /* unspecified: 有关部门, 有关区、县(市)政府 */
} rg_kind;

typedef enum { RG_SEV_NOTE = 0, RG_SEV_WARNING = 1, RG_SEV_ERROR = 2 } rg_severity;

typedef struct rg_meta {
  const char *title;      /* 2026年政府工作报告重点工作分工方案, or NULL */
  const char *doc_number; /* 沈政发〔2026〕1号, or NULL */
  const char *issuer;     /* 沈阳市人民政府, or NULL */
  const char *date;       /* as printed: 2026年1月25日, or NULL */
} rg_meta;

/* A task's deadline as dates (input/deadline.c reads 完成时限 and the
 * deadline phrases of the text). Days are day numbers (calendar.h: days
 * since 1970-01-01); an interval is inclusive. See NOTES.md "Deadlines". */
typedef enum {
  RG_DUE_NONE = 0,   /* no deadline at all: spread over the plan year */
  RG_DUE_DATED = 1,  /* 2026年6月底前, 上半年, 三季度, 2026—2027年 */
  RG_DUE_SPREAD = 2, /* 持续推进, 长期坚持, 常态化: spread over the plan year, said so */
  RG_DUE_RECURRING = 3, /* 每季度, 每月, 每半年, 每年: due at the end of every period */
  RG_DUE_UNREAD = 4,    /* a 完成时限 respgraph does not read (a [deadline] warning) */
} rg_due_kind;

typedef struct rg_due {
  int32_t start, end; /* the interval, inclusive; 0 and 0 for NONE and UNREAD,
                         and for any kind when the plan's year is unknown and
                         needed (day numbers: 32 bits hold five million years) */
  int32_t milestone;  /* an earlier end named in the same phrase (2026年6月底前完成…，
                         年底前全面完成: 2026-06-30), or 0 */
  uint8_t kind;       /* rg_due_kind (a byte: a big plan holds a million tasks) */
  int8_t every;       /* RECURRING: months per period (1, 3, 6, 12) */
  int8_t from_text;   /* 1: read from the task's text (it has no 完成时限) */
} rg_due;

typedef struct rg_heading {
  const char *number; /* as printed: "一" or "一" for （一） */
  const char *title;  /* heading text without the number */
  int parent;         /* for a section: its chapter index; -1 for a chapter */
  long line;          /* source line */
} rg_heading;

typedef struct rg_task {
  const char *number;   /* unique id: the number as printed ("21") unless
                         * numbering restarts per chapter ("二.3") or a
                         * number repeats ("5#2"); see rg_plan_assign_ids */
  const char *printed;  /* the number exactly as printed */
  int ordinal;          /* 1-based position in the plan */
  int chapter;          /* chapter index or -1 */
  int section;          /* section index or -1 */
  int n_links_;         /* private: links of this task so far (rg_plan_link) */
  const char *text;     /* the task text, NFKC-normalised */
  const char *original; /* the text as printed (before conversion), or == text */
  const char *deadline; /* 完成时限 as printed, or NULL */
  rg_due due;           /* the deadline as dates (input/deadline.c) */
  int32_t line;         /* source line of the number (an input is at most 512 MB) */
  /* Filled by rg_plan_finalize(): links of this task are
   * plan->task_links[link_begin .. link_begin + link_count). */
  int link_begin, link_count;
  int head_;        /* private: newest link of this task while parsing, -1 none */
  int source;       /* the plan it came from (rg_plan.sources) in a consolidated
                     * plan (merge.h); 0 in a plan read from one file */
  int8_t open_list; /* 1 when a unit list ended in 等有关部门 / 等单位 */
  int8_t heading;   /* 1: the task is a chapter heading (一、关于…问题 whose body
                     * names units), 2: a section heading (（一）…（X牵头）) */
} rg_task;          /* 96 bytes: a million tasks are 96 MB, faulted in as they are read */

typedef struct rg_unit {
  const char *name; /* canonical name */
  rg_kind kind;
  long first_line; /* source line where first seen */
  const char **aliases;
  int n_aliases;
  size_t cap_aliases;
  /* Filled by rg_plan_finalize(): plan->unit_links[link_begin ..). */
  int link_begin, link_count;
} rg_unit;

typedef struct rg_link {
  int task;
  int unit;
  rg_role role;
  int next_;    /* private: previous link of the same task, -1 none */
  int32_t line; /* source line of the unit list (an input is at most 512 MB:
                 * 20 bytes a link, a million links a big plan) */
} rg_link;

typedef struct rg_diag {
  rg_severity severity;
  long line;
  const char *code;    /* stable identifier: "no-lead", "no-units", ... */
  const char *message; /* human text */
} rg_diag;

/* A task of a consolidated plan (merge.h) that another plan repeats: the
 * copy was not added; its units were linked to the kept task. */
typedef struct rg_dup {
  int task;           /* the kept task (index in this plan) */
  int source;         /* the plan the copy was in (rg_plan.sources) */
  const char *number; /* the copy's task id in that plan ("12") */
  double score;       /* text similarity of the two (similar.h), >= the threshold */
} rg_dup;

typedef struct rg_plan rg_plan;

struct rg_plan {
  const char *path; /* as given on the command line ("-" for stdin) */
  rg_meta meta;
  int year;              /* the plan's year (deadlines without one), 0 unknown */
  const char *year_from; /* where it comes from: "title", "date", "document number",
                            "--year"; NULL when unknown */

  rg_heading *chapters;
  int n_chapters;
  size_t cap_chapters;
  rg_heading *sections;
  int n_sections;
  size_t cap_sections;
  rg_task *tasks;
  int n_tasks;
  size_t cap_tasks;
  rg_unit *units;
  int n_units;
  size_t cap_units;
  rg_link *links;
  int n_links;
  size_t cap_links;
  rg_diag *diags;
  int n_diags;
  size_t cap_diags;

  /* Built by rg_plan_finalize(): link indices grouped by task (in task
   * order, leads first, then in order of appearance) and by unit. */
  int *task_links;
  int *unit_links;
  int finalized;
  /* private: a reader vouches that every task's number is distinct (the
   * long-form CSV reader keys its tasks by number), so rg_plan_assign_ids
   * has nothing to rename and skips sorting them; rg_plan_add_task keeps it
   * only while the numbers rise (1, 2, 3..., ids_rising_, last_id_: the
   * value of the last, or -1) */
  int ids_distinct_;
  int ids_rising_;
  long last_id_;

  /* Source locations. Text, HTML and CSV plans leave this empty: a line is
   * a line number of the file. Container readers (Word, Excel, PDF; see
   * container.h) number their places 1, 2, 3... in reading order and name
   * each: locs[line - 1] = "¶12", "table 2 row 5", "任务!C12", "p3:14".
   * Every line field of the model (task, link, heading, unit, diagnostic)
   * is then such a number; print it with rg_plan_loc(). */
  const char **locs;
  long n_locs;
  size_t cap_locs;

  /* How the plan was read: format, level, conventions, header meanings,
   * names kept out (reading.h). NULL until a reader records something. */
  struct rg_reading *reading;

  /* A consolidated plan (merge.h): the label of each plan it was made from
   * (sources[task.source]) and the tasks found in two plans. A plan read
   * from one file has no sources (n_sources 0) and no dups. */
  const char **sources;
  int n_sources;
  rg_dup *dups;
  int n_dups;

  /* private */
  struct rg_arena *arena;
  struct rg_intern *intern;
  struct rg_linkset *linkset; /* links by (task, unit), see rg_plan_link */
};

/* Create an empty plan whose messages name path (copied). Never NULL. */
rg_plan *rg_plan_new(const char *path);
/* Free the plan and every string it owns. NULL does nothing. */
void rg_plan_free(rg_plan *plan);

/* Copy n bytes of s into the plan's arena, NUL-terminated. */
const char *rg_plan_strndup(rg_plan *plan, const char *s, size_t n);
const char *rg_plan_strdup(rg_plan *plan, const char *s);
const char *rg_plan_printf(rg_plan *plan, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Headings. Return the new index. */
int rg_plan_add_chapter(rg_plan *plan, const char *number, const char *title, long line);
int rg_plan_add_section(rg_plan *plan, int chapter, const char *number, const char *title,
                        long line);

/* Append a task; strings are copied. Returns its index. */
int rg_plan_add_task(rg_plan *plan, const char *number, const char *text, int chapter, int section,
                     long line);

/* Intern a unit by canonical name: returns the existing index or adds it
 * with the given kind and line. */
int rg_plan_intern_unit(rg_plan *plan, const char *name, rg_kind kind, long line);
/* Look up a unit by canonical name; -1 if absent. */
int rg_plan_find_unit(const rg_plan *plan, const char *name);
/* Record an alias (another printed name) for a unit; duplicates ignored. */
void rg_plan_add_alias(rg_plan *plan, int unit, const char *alias);

/* Link task and unit with a role. A unit already linked to the task is not
 * linked twice: lead wins over support, and a unit named as both lead and
 * support gets a "lead-and-support" warning. Returns the link index.
 * Cost: O(1) expected: a task's links are on a chain, walked while it is at
 * most a few links long; the links of longer tasks are also kept in a hash
 * table by (task, unit). */
int rg_plan_link(rg_plan *plan, int task, int unit, rg_role role, long line);

/* The link of task and unit, or -1. O(1) expected (a task with few links
 * walks them, one with many asks the table), before and after
 * rg_plan_finalize. */
int rg_plan_find_link(const rg_plan *plan, int task, int unit);

/* Empty the plan (tasks, units, links, headings, diagnostics, metadata and
 * reading) for a second reading of the same file; the path and the source
 * locations (locs) are kept. */
void rg_plan_reset(rg_plan *plan);

/* Add a diagnostic; the message is formatted and copied. */
void rg_plan_diag(rg_plan *plan, rg_severity sev, long line, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Build the per-task and per-unit link indices. Call after parsing (again
 * after adding links). O(tasks + units + links). */
void rg_plan_finalize(rg_plan *plan);
/* The same; with threads other than 1 a big plan's index by unit is built
 * on a second thread beside the index by task (the same arrays). */
void rg_plan_finalize_threads(rg_plan *plan, int threads);

/* Make task numbers unique ids, once after parsing: when numbering restarts
 * in each chapter, every number becomes "<chapter>.<number>" (二.3); a number
 * still repeated gets "#2", "#3"... The printed number stays in `printed`.
 * O(tasks log tasks). */
void rg_plan_assign_ids(rg_plan *plan);

/* Room for at least tasks tasks and links links in all (a reader that can
 * estimate them: the arrays then grow once, and their spare room may be
 * faulted in ahead, rg_prefault). */
void rg_plan_reserve(rg_plan *plan, size_t tasks, size_t links);
/* A reader that is share `from` of the way through its input reserves
 * the task and link arrays for scale times what they hold, and describes
 * the room past what they hold in out[0] (tasks) and out[1] (links), for a
 * second thread to fault in ahead of it (rg_prefault_ahead; held: the
 * share of the estimate scale reserves, 0 for RG_PREFAULT_TRUST). Returns
 * the tasks reserved, or 0 (nothing to reserve; out untouched). Changes
 * no byte of the plan. */
size_t rg_plan_reserve_ahead(rg_plan *plan, double scale, double from, double held,
                             rg_prefault_range out[2]);

/* Bytes of strings the plan holds (rg_plan_strdup and the like). */
size_t rg_plan_string_bytes(const rg_plan *plan);

/* Room for at least bytes more bytes of strings, in one piece that the
 * next strings fill in order: returns where it starts and sets *room to
 * its size (a reader may fault it in ahead, rg_prefault). */
char *rg_plan_reserve_strings(rg_plan *plan, size_t bytes, size_t *room);

/* Finish a parsed plan, once: rg_plan_assign_ids(), then structural
 * diagnostics: tasks with no units ("no-units") and with units but no lead
 * ("no-lead"). O(tasks log tasks). */
void rg_plan_check(rg_plan *plan);

/* Name the next source location (container readers): returns its number,
 * 1, 2, 3..., to be used wherever the model takes a line. label is copied. */
long rg_plan_add_loc(rg_plan *plan, const char *label);
/* The printable location of line: its label when the plan has labels
 * ("¶12", "任务!C12", "p3:14"), else the number ("27"); "" for line <= 0.
 * Returns buf or a plan-owned string. */
const char *rg_plan_loc(const rg_plan *plan, long line, char *buf, size_t size);

/* Counts over links to units of kind RG_KIND_UNIT. */
int rg_plan_count_concrete_links(const rg_plan *plan, int *n_lead);
int rg_plan_count_kind(const rg_plan *plan, rg_kind kind);

const char *rg_role_name(rg_role role); /* "lead" / "support" */
const char *rg_kind_name(rg_kind kind); /* "unit" / "collective" / "generic" */
const char *rg_severity_name(rg_severity s);
/* 1 when some task's deadline was read as dates (task->due.start set). O(tasks). */
int rg_plan_has_dates(const rg_plan *plan);
/* "none", "dated", "spread", "recurring", "unread". */
const char *rg_due_kind_name(rg_due_kind k);

#endif
