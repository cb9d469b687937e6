/* reading.h - how a plan was read: the record that `respgraph check`
 * summarises, the report's 诊断 section shows and `check --explain` walks.
 * Model data (rg_model): the readers of input/ fill it, output/ renders it
 * (the reading and explain tables of output/schema.c).
 *
 * The plan owns its reading (plan->reading, created by rg_reading_of) and
 * every string in it (the plan's arena). Readers fill it while parsing:
 *   - format and encoding (load.c);
 *   - the document's level and the prefix its own departments carry, with
 *     the text it was found in (text_parser.c, rows.c, load.c);
 *   - conventions the document states (排在第一位的部门为牵头部门，下同;
 *     以下均需试点城市政府落实，不再列出), with their line and the tasks they
 *     changed (conventions.h);
 *   - the meaning given to each table header (rows.c);
 *   - counts of names kept out: suspect names (warned, FILE:LINE: warning:
 *     … [suspect-unit]), persons (分管副省长) and rule sentences;
 *   - with `record` set (check --explain), one event per name read: the task,
 *     the name as printed, the unit it became (or why it became none) and
 *     the rule that gave its role.
 * Nothing here changes a task or a link; it only says how they were made. */
#ifndef RG_READING_H
#define RG_READING_H

#include "plan.h"

/* The level of a document; its departments carry the level's prefix. */
typedef enum {
  RG_LEVEL_UNKNOWN = 0,
  RG_LEVEL_NATIONAL = 1,
  RG_LEVEL_PROVINCIAL = 2,
  RG_LEVEL_CITY = 3,
  RG_LEVEL_COUNTY = 4,
  RG_LEVEL_DISTRICT = 5,
} rg_level;

/* "national", "provincial", "city", "county", "district" or "unknown". */
const char *rg_level_name(rg_level level);

typedef enum {
  RG_CONV_FIRST_LEADS = 0,     /* the first unit listed leads, the others support */
  RG_CONV_STANDING = 1,        /* a unit every task has without listing it */
  RG_CONV_MARKER = 2,          /* units carrying a mark (★, *) lead */
  RG_CONV_ALL_RESPONSIBLE = 3, /* no lead named and no rule: every responsible unit leads */
} rg_conv_kind;

typedef struct rg_convention {
  rg_conv_kind kind;
  const char *text; /* the sentence as stated (NFKC) */
  long line;
  int from_task;    /* index of the first task it applies to; 0 = every task */
  const char *unit; /* STANDING: the unit's name; MARKER: the mark */
  rg_role role;     /* STANDING: its role */
  int needs_lead;   /* STANDING: only in tasks that name a lead */
  int applied;      /* lists (FIRST_LEADS, MARKER) or tasks (STANDING) it changed */
} rg_convention;

typedef struct rg_reading_event {
  int task;
  long line;
  const char *name; /* as read, before canonicalisation */
  int unit;         /* the unit it became, or -1 */
  rg_role role;     /* the role it was given (when unit >= 0) */
  const char *how;  /* "unit", "suspect", "person", "rule", "deadline", "standing" */
  const char *why;  /* the rule that gave the role or kept it out */
} rg_reading_event;

typedef struct rg_header_note {
  const char *header;  /* as printed */
  const char *meaning; /* "lead units", "a person, not a unit (kept out)", ... */
} rg_header_note;

typedef struct rg_reading {
  const char *format;   /* "text", "HTML", "HTML with 2 task tables", "CSV" */
  const char *encoding; /* "UTF-8", "GB18030 (declared by <meta>)", ... */
  rg_level level;
  char prefix[16];        /* 市, 省, 自治区, 县, 区, "" (national or unknown) */
  const char *level_from; /* the text the level was read from */
  long level_line;
  rg_convention *conv;
  int n_conv;
  size_t cap_conv;
  rg_header_note *headers;
  int n_headers;
  size_t cap_headers;
  rg_reading_event *ev;
  int n_ev;
  size_t cap_ev;
  int record;     /* 1: keep one event per name (check --explain) */
  int one_thread; /* 1: read on the caller's thread alone (--threads 1) */
  int n_suspect, n_person, n_rules;
  int prose;           /* units were read from prose (X会同Y研究提出…) */
  int named_support;   /* links from lists that say support (配合单位, X配合) */
  int structured;      /* tasks whose units came from notes, labels or table cells */
  const char **accept; /* names let in by --accept-unit or a roster (NFKC) */
  int n_accept;
  size_t cap_accept;
  /* short names a plan declares (市政务服务和大数据局(以下简称市大数据局)):
   * the short name reads as the unit from then on */
  const char **short_name;
  int *short_unit;
  int n_short;
  size_t cap_short, cap_short_unit;
  /* what a reader keeps while reading this plan: the results of pure
   * functions by their input (unitlist.c: each distinct name read once),
   * freed with the reading by memo_free */
  void *memo;
  void (*memo_free)(void *memo);
} rg_reading;

/* The plan's reading, created empty on first use. Never NULL. */
rg_reading *rg_reading_of(rg_plan *plan);

/* Free a reading's arrays (its strings belong to the plan). NULL is fine. */
void rg_reading_free(rg_reading *r);

/* Record a convention (strings copied); returns its index. */
int rg_reading_add_convention(rg_plan *plan, const rg_convention *c);

/* Record the meaning given to a header (strings copied). */
void rg_reading_add_header(rg_plan *plan, const char *header, const char *meaning);

/* Record how a name was read (only when record is set; strings copied). */
void rg_reading_event_add(rg_plan *plan, int task, long line, const char *name, int unit,
                          rg_role role, const char *how, const char *why);

/* Record that the plan calls unit by short (以下简称 short). */
void rg_reading_add_short(rg_plan *plan, const char *short_name, int unit);
/* The unit a declared short name stands for, or -1. O(short names). */
int rg_reading_short(const rg_plan *plan, const char *name);

/* Let name (NFKC'd here) in as a unit whatever it looks like. */
void rg_reading_accept(rg_plan *plan, const char *name);
/* Was name let in? O(accepted names). */
int rg_reading_accepts(const rg_plan *plan, const char *name);

#endif
