/* headers.h - what a table header or a label means, by its words.
 *
 * The same words head a column of a task table (牵头单位, 责任主体与协同单位,
 * 分管领导) and label a list in a note or on a line (牵头单位：, 负责部门：,
 * 适用范围：). They are classified by the words they contain, not looked up in
 * an exact list, so 指导部门, 主责单位, 协同单位, 实施主体 and 包联领导 are
 * understood without being listed:
 *   lead     牵头 主办 主责 指导 主管 统筹 主导
 *   support  配合 协办 协同 参与 协助 支持 协作 会同; 责任 (责任单位)
 *   shared   负责 承办 承担 实施 落实 主体: lead unless a lead is named
 *            elsewhere in the row or note
 *   mixed    a lead or responsibility word and a support word (责任主体与协同单位,
 *            牵头及配合单位): the first unit listed leads, the others support
 *   person   领导 负责人 责任人 联系人 分管 包联 (分管领导, 牵头市领导): a
 *            person, kept as a column but never a unit
 *   id, task, deadline, chapter, section; other (备注, 适用范围): not units.
 * A role word counts only in a header that names a body (单位, 部门, 主体, 机构,
 * 处室) or consists of role words alone (牵头, 配合). O(length). */
#ifndef RG_HEADERS_H
#define RG_HEADERS_H

typedef enum {
  RG_HDR_NONE = 0, /* not recognised */
  RG_HDR_ID,
  RG_HDR_TASK,
  RG_HDR_LEAD,
  RG_HDR_SUPPORT,
  RG_HDR_SHARED,
  RG_HDR_MIXED,
  RG_HDR_PERSON,
  RG_HDR_DEADLINE,
  RG_HDR_CHAPTER,
  RG_HDR_SECTION,
  RG_HDR_OTHER, /* recognised, holds no units: 备注, 适用范围, 工作目标值 */
} rg_header_class;

/* Classify a header or label. norm is NFKC with no white space, ASCII lower
 * case and no trailing ':' (rows.c's norm_header does exactly this). */
rg_header_class rg_header_classify(const char *norm);

/* "id", "task", "lead", "support", "shared", "mixed", "person", "deadline",
 * "chapter", "section", "other" or "none". */
const char *rg_header_class_name(rg_header_class c);

/* What a class means to a reader, in one phrase for the check summary:
 * "lead", "support", "lead unless a lead column names one (shared)",
 * "first listed leads, the others support", "a person, not a unit", ... */
const char *rg_header_class_meaning(rg_header_class c);

#endif
