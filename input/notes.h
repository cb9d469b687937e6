/* notes.h - who does what in a note, a label, a table cell or a sentence.
 *
 * A note (（国家发展改革委牵头，财政部、人民银行按职责分工负责，2024年底前完成）),
 * a labelled list (牵头单位：X；责任单位：Y), a cell (市商务局会同市财政局) or a
 * sentence of prose (国务院新闻办会同国家发展改革委制订…) is read into
 * segments, each a unit list with a role class:
 *   - role words after a list: 牵头, 牵头负责, 主办 (lead); 配合, 参与, 协助,
 *     协同, 支持, 协办, 落实, 负责落实 (support); 负责, 按职责分工负责,
 *     分别负责, 各负其责 (shared: lead when the note names no lead);
 *     指导 (guide: the supervising units; they support when the note
 *     names a lead, else they lead).
 *   - connectors between two lists: 会同, 联合, 协同, 指导, 督促 (the units
 *     before lead, those after support); 配合, 协助 (the units before support
 *     the units after).
 *   - labels: any 2-10 character word before ':' classified by headers.h
 *     (负责部门：X → shared; 适用范围：… → not units; 完成时限：… → deadline;
 *     牵头领导：… → a person).
 *   - clauses that are not units are cut out first: rule sentences
 *     (conventions.h), deadlines (2022年底前完成, 持续推进, 年内).
 * A role word counts only at a word boundary: 负责人, 指导中心 and
 * 市就业创业指导中心 are names, not roles. Linear in the text, times the
 * fixed word lists. */
#ifndef RG_NOTES_H
#define RG_NOTES_H

#include "conventions.h"
#include "phrases.h"
#include "unitlist.h"

typedef enum {
  RG_CLS_LEAD = 0,    /* every unit leads */
  RG_CLS_SUPPORT = 1, /* every unit supports */
  RG_CLS_RESP = 2,    /* 责任单位: support; under the first-listed rule in a task that
                       * names no lead, the first leads */
  RG_CLS_SHARED = 3,  /* 负责: lead when nothing else in the note leads; under the
                       * first-listed rule the first leads, the others support */
  RG_CLS_MIXED = 4,   /* 责任主体与协同单位: the first leads, the others support */
  RG_CLS_GUIDE = 5,   /* 指导, 指导单位: supervising; support when the note (row) names
                       * a lead, else lead (and shared units then support) */
} rg_role_class;

typedef struct rg_duty_seg {
  char *units; /* a unit list (NFKC, malloc'd) */
  size_t len;  /* its bytes (the parser then need not read them to look the
                * list up: its memo compares hashes and lengths first) */
  rg_role_class cls;
  char why[96]; /* the words that gave the class, for check --explain */
  int clause;   /* prose: the clause it came from, 0 first */
} rg_duty_seg;

typedef struct rg_duty_rule {
  char *text; /* the sentence (malloc'd) */
  rg_rule rule;
} rg_duty_rule;

typedef struct rg_duty {
  rg_duty_seg *seg;
  int n;
  size_t cap;
  rg_duty_rule *rules; /* rule sentences found (cut out of the units) */
  int n_rules;
  size_t cap_rules;
  char *deadline; /* the first deadline clause or label value, or NULL */
  char **unknown; /* labels ending in 单位/部门 that mean nothing known */
  int n_unknown;
  size_t cap_unknown;
  int has_role; /* a role word, a connector or a unit label was found */
  int has_lead; /* some segment is RG_CLS_LEAD */
  int clause;   /* prose: clauses found so far */
} rg_duty;

/* Read text (NFKC) into d. deflt is the class of a list with no role word
 * (a label's class, or RG_CLS_SHARED for a bare note); deflt_why says where
 * it comes from ("label 责任单位"). Free with rg_duty_destroy. */
void rg_duty_parse(const char *text, rg_role_class deflt, const char *deflt_why, rg_duty *d);

/* The words any rule of rg_duty_parse reads in a label's value: ',' ';'
 * '。', the role words (牵头, 配合, 会同 …), the rule, scope and deadline
 * words (第, 首, 下同, 其他, 持续推进, 年, 月 …). A value holding none of
 * them is one segment of its label's class, as the rules would read it;
 * with this set rg_duty_parse_with reads such a value (most of a big
 * plan's) in one pass over it. Built once per reading thread. */
enum { RG_DUTY_PLAIN_MAX = 160 };
typedef struct rg_duty_plain {
  const char *words[RG_DUTY_PLAIN_MAX + 1];
  rg_phrases set;
  int ok; /* every word fitted */
} rg_duty_plain;
void rg_duty_plain_init(rg_duty_plain *p);
/* rg_duty_parse, a value with none of plain's words read at once (plain
 * may be NULL: rg_duty_parse). The same duty. */
void rg_duty_parse_with(const char *text, rg_role_class deflt, const char *deflt_why,
                        const rg_duty_plain *plain, rg_duty *d);
void rg_duty_destroy(rg_duty *d);

/* Does some segment name at least one unit that looks like a body (or a
 * set of bodies)? Tells a role note from an aside in parentheses. */
int rg_duty_has_units(const rg_duty *d);

/* Is d a bare list of bodies, no role word and no rule (工业和信息化部、科技部、
 * 国家发展改革委; 国务院国资委、工业和信息化部，各省级人民政府), every name a body
 * or a set of bodies and at least one concrete? State Council plans end a
 * task with such a note; where it stands decides whether it is one. */
int rg_duty_is_bare_list(const rg_duty *d);

/* Does text hold a unit label (牵头单位:, 负责部门:, 主办:) at a word
 * boundary? Returns its position, else NULL. */
const char *rg_duty_find_label(const char *text);

/* The role class of a label or header word (NFKC, no colon): -1 when it
 * names no unit list. */
int rg_duty_label_class(const char *word);
/* The same by the general rules alone, without the table of common labels
 * (for tests: the table must agree with the rules). */
int rg_duty_label_class_by_rules(const char *word);

typedef struct rg_duty_ctx {
  int first_leads;     /* the first-listed rule is in force */
  int resp_first_lead; /* RESP lists: the first leads (rule in force, no lead in the task) */
  rg_link_mode mode;
  int others_lead;      /* a lead column of the row names units */
  const char *source;   /* "note", "label", "cell", "sentence": for --explain */
  long rule_line;       /* the line of the rule in force, for --explain */
  const uint32_t *hash; /* rg_memo_hash of each segment's units, computed ahead, or NULL */
  struct rg_list_pre *const *pre; /* rg_unitlist_pre of each segment's units (entries
                                   * may be NULL), or NULL */
} rg_duty_ctx;

/* Link every segment of d to task as its class and c say. Returns the
 * number of units linked. */
int rg_duty_link(rg_plan *plan, int task, const rg_duty *d, long line, const rg_duty_ctx *c);

/* Prose: the duty clauses of text, each a clause that opens (after 由, 经,
 * 并由) with a unit list followed by a duty verb, an adverb or a connector:
 * 公安部负责维护…, 国家发展改革委及国家粮食局会同有关部门负责…, 扶贫办已会同
 * 交通部、水利部…, 由中国农业发展银行会同中国储备粮管理总公司及时清算. Each
 * clause's units are appended to d as segments (subject: shared, or lead
 * before a connector; object: support, or lead after 配合/协助). The
 * opening clause of text comes first. Returns the number of clauses found. */
int rg_prose_duties(const char *text, rg_duty *d);

#endif
