/* headers.c - header and label classes by their words (see headers.h). */
#include "headers.h"

#include <stdio.h>
#include <string.h>

#include "strutil.h"
#include "utf8.h"

static const char *const LEAD[] = {"牵头", "主办", "主责", "主管", "统筹", "主导", "主抓", NULL};
static const char *const SUPPORT[] = {"配合", "协办", "协同", "参与", "协助",
                                      "支持", "协作", "会同", NULL};
static const char *const RESP[] = {"责任", NULL};
/* 指导 (指导单位, 指导部门): supervising; responsible when nothing else leads */
static const char *const SHARED[] = {"负责", "承办", "承担", "实施", "落实",
                                     "主体", "执行", "指导", NULL};
static const char *const PERSON[] = {"领导", "负责人", "责任人", "联系人", "分管", "包联", "包抓",
                                     "市长", "省长",   "县长",   "区长",   "书记", NULL};
static const char *const BODY[] = {"单位", "部门", "主体", "机构", "处室", "科室", "机关", NULL};

/* Is s made only of role words (牵头, 配合, 牵头/配合, 主办)? */
static int only_role_words(const char *s) {
  static const char *const W[] = {"牵头", "主办", "主责", "指导", "主管", "统筹", "配合", "协办",
                                  "协同", "参与", "协助", "支持", "协作", "会同", "责任", "负责",
                                  "承办", "/",    "、",   "及",   "和",   "与",   NULL};
  while (*s) {
    int hit = 0;
    for (int i = 0; W[i]; i++) {
      size_t n = strlen(W[i]);
      if (!strncmp(s, W[i], n)) {
        s += n;
        hit = 1;
        break;
      }
    }
    if (!hit) return 0;
  }
  return 1;
}

static rg_header_class classify(const char *s);

rg_header_class rg_header_classify(const char *s) {
  if (!s || !*s) return RG_HDR_NONE;
  /* a header with a note in parentheses: 责任单位(排第一位的为牵头单位),
   * 完成时限(年月), 配合单位(含各区): the words before it decide, and a note
   * that states the first-listed rule makes a unit column mixed */
  const char *open = strchr(s, '(');
  if (open && open != s && s[strlen(s) - 1] == ')') {
    size_t n = (size_t)(open - s);
    char base[128], inner[256];
    if (n < sizeof base && strlen(open + 1) < sizeof inner) {
      memcpy(base, s, n);
      base[n] = '\0';
      snprintf(inner, sizeof inner, "%s", open + 1);
      inner[strlen(inner) - 1] = '\0';
      rg_header_class c = classify(base);
      int unit_col =
          c == RG_HDR_LEAD || c == RG_HDR_SUPPORT || c == RG_HDR_SHARED || c == RG_HDR_MIXED;
      if (unit_col && has_any(inner, LEAD) &&
          (strstr(inner, "第一") || strstr(inner, "首位") || strstr(inner, "前面")))
        return RG_HDR_MIXED;
      if (c != RG_HDR_NONE) return c;
    }
  }
  return classify(s);
}

static rg_header_class classify(const char *s) {
  /* the labels and headers most plans use, without the word scan below */
  /* clang-format off */
  static const struct {
    const char *h;
    rg_header_class c;
  } COMMON[] = {{"牵头单位", RG_HDR_LEAD},     {"责任单位", RG_HDR_SUPPORT},
                {"配合单位", RG_HDR_SUPPORT},  {"牵头部门", RG_HDR_LEAD},
                {"责任部门", RG_HDR_SUPPORT},  {"完成时限", RG_HDR_DEADLINE},
                {"序号", RG_HDR_ID},           {"重点任务", RG_HDR_TASK},
                {NULL, RG_HDR_NONE}};
  /* clang-format on */
  for (int i = 0; COMMON[i].h; i++)
    if (!strcmp(s, COMMON[i].h)) return COMMON[i].c;
  if (rg_utf8_strlen(s) > 14) return RG_HDR_NONE;
  /* 部门分工, 责任分工, 任务分工, 职责分工, 分工: who does what, units and
   * their roles in the words that follow (市发展改革委牵头，市财政局配合) */
  if ((ends(s, "分工") || !strcmp(s, "分工安排") || !strcmp(s, "具体分工")) &&
      rg_utf8_strlen(s) <= 6)
    return RG_HDR_SHARED;
  /* a header holds no sentence punctuation and no numbers: 1.抓好安全生产工作
   * or 责任单位:市应急局 is a line of text, not a header */
  for (const char *p = s; *p; p++)
    if ((*p >= '0' && *p <= '9') || *p == ':' || *p == ',' || *p == ';' || *p == '.')
      return RG_HDR_NONE;
  if (rg_strstr3(s, "。")) return RG_HDR_NONE;
  if (has_any(s, PERSON)) return RG_HDR_PERSON;
  int unitish = has_any(s, BODY) || only_role_words(s);
  int lead = has_any(s, LEAD), sup = has_any(s, SUPPORT), resp = has_any(s, RESP),
      shared = has_any(s, SHARED);
  if (unitish) {
    /* a header that states the lead rule itself: 责任单位(排第一位的为牵头单位) */
    if (lead && (strstr(s, "第一") || strstr(s, "首位"))) return RG_HDR_MIXED;
    /* two roles in one column: 责任主体与协同单位, 牵头及配合单位, 牵头单位/责任单位;
     * without a joiner 牵头责任单位 is the lead and 配合责任单位 the support */
    static const char *const JOIN[] = {"与", "和", "及", "/", "、", "或", NULL};
    int joined = has_any(s, JOIN);
    if ((lead || resp || shared) && sup && (joined || lead)) return RG_HDR_MIXED;
    if (lead && (resp || shared) && joined) return RG_HDR_MIXED;
    if (lead) return RG_HDR_LEAD;
    /* 责任主体, 主体责任单位: the body that carries the task (like 实施主体), not
     * a 责任单位 list beside a lead column: responsible, lead unless a lead
     * column names one */
    if (resp && !sup && strstr(s, "主体")) return RG_HDR_SHARED;
    if (sup || resp) return RG_HDR_SUPPORT;
    if (shared) return RG_HDR_SHARED;
  }
  static const char *const DEADLINE[] = {"时限", "时间", "期限",     "节点", "截止",
                                         "年限", "进度", "deadline", NULL};
  if (has_any(s, DEADLINE)) return RG_HDR_DEADLINE;
  static const char *const ID[] = {"序号", "编号", NULL};
  if (has_any(s, ID) || !strcmp(s, "号")) return RG_HDR_ID;
  static const char *const OTHER[] = {"备注", "范围", "说明", "依据", "指标", "成果", "目标值",
                                      "考核", "督办", "资金", "投资", "金额", NULL};
  if (has_any(s, OTHER)) return RG_HDR_OTHER;
  static const char *const TASK[] = {"任务", "工作", "事项", "内容", "措施", "举措", "要点",
                                     "名称", "重点", "项目", "目标", "要求", NULL};
  if (has_any(s, TASK)) return RG_HDR_TASK;
  static const char *const CHAPTER[] = {"类别", "分类", "领域", "板块", "方面", "篇", "部分", NULL};
  if (has_any(s, CHAPTER)) return RG_HDR_CHAPTER;
  if (!strcmp(s, "节") || !strcmp(s, "子类") || !strcmp(s, "小类")) return RG_HDR_SECTION;
  return RG_HDR_NONE;
}

/* Each class's name and what it means to a reader, by class. */
/* clang-format off */
static const struct {
  const char *name, *meaning;
} CLASSES[] = {
    [RG_HDR_NONE] = {"none", "not recognised (ignored)"}, [RG_HDR_ID] = {"id", "task number"},
    [RG_HDR_TASK] = {"task", "task text"}, [RG_HDR_LEAD] = {"lead", "lead units"},
    [RG_HDR_SUPPORT] = {"support", "support units"},
    [RG_HDR_SHARED] = {"shared", "responsible units: lead unless a lead column names one"},
    [RG_HDR_MIXED] = {"mixed", "units: the first listed leads, the others support"},
    [RG_HDR_PERSON] = {"person", "a person, not a unit (kept out)"},
    [RG_HDR_DEADLINE] = {"deadline", "deadline"}, [RG_HDR_CHAPTER] = {"chapter", "chapter"},
    [RG_HDR_SECTION] = {"section", "section"}, [RG_HDR_OTHER] = {"other", "not units (ignored)"},
};
/* clang-format on */

static int known_class(rg_header_class c) { return c > RG_HDR_NONE && c <= RG_HDR_OTHER; }

const char *rg_header_class_name(rg_header_class c) {
  return CLASSES[known_class(c) ? c : RG_HDR_NONE].name;
}

const char *rg_header_class_meaning(rg_header_class c) {
  return CLASSES[known_class(c) ? c : RG_HDR_NONE].meaning;
}
