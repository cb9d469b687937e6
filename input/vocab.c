/* vocab.c - the unit vocabulary (see vocab.h; NOTES.md gives each rule with
 * an example). Word lists are small and fixed; every test walks them once. */
#include "vocab.h"

#include <stdlib.h>
#include <string.h>

#include "gazetteer.h"
#include "strutil.h"
#include "utf8.h"

/* ------------------------------------------------------------ bodies */

/* Endings that make a body whatever comes before them. */
/* A word with its length in bytes, so that endings are compared without
 * strlen (this runs for every unit of every list). */
typedef struct sized {
  const char *s;
  size_t n;
} sized;
#define W(x)                                                                                       \
  { x, sizeof(x) - 1 }

/* A word list, kept in the groups it was written in. */
/* clang-format off */
static const sized BODY_WORDS[] = {
    W("中心"), W("集团"), W("公司"), W("政府"), W("银行"), W("分行"), W("支行"), W("总行"), W("海关"), W("街道"),
    W("社区"), W("委员会"), W("管委会"), W("常委会"), W("居委会"), W("村委会"), W("协会"), W("学会"), W("商会"),
    W("工会"), W("总会"), W("联合会"), W("基金会"), W("研究会"), W("促进会"), W("贸促会"), W("理事会"), W("联谊会"), W("红十字会"),
    W("妇联"), W("侨联"), W("残联"), W("文联"), W("工商联"), W("社科联"), W("台联"), W("青联"), W("学联"), W("科协"),
    W("作协"), W("政协"), W("人大"), W("团中央"), W("共青团中央"), W("中央军委"), W("大学"), W("学校"), W("中学"),
    W("小学"), W("幼儿园"), W("电视台"), W("广播电台"), W("气象台"), W("地震台"), W("融媒体中心"), W("专班"), W("联席会议"),
    W("产业园"), W("科技园"), W("工业园"), W("创业园"), W("物流园"), W("软件园"), W("园区"), W("开发区"), W("高新区"),
    W("新区"), W("自贸区"), W("试验区"), W("保税区"), W("合作区"), W("示范区"), W("片区"), W("管理区"), W("经济区"),
    W("军区"), W("警备区"), W("公路段"), W("养护段"), W("工务段"), W("机务段"), W("车务段"),
    W("电务段"), W("供电段"), W("有限"), W("股份"), W("工厂"), W("电厂"), W("水厂"), W("总厂"), {NULL, 0}};
/* clang-format on */

/* One-character institutional endings. */
static const char *const BODY_CHARS[] = {"局", "委", "办", "厅", "部", "署", "院",
                                         "室", "处", "所", "站", "队", "社", "组",
                                         "司", "馆", "镇", "乡", "村", "府", NULL};

/* Common words that end in one of BODY_CHARS but name no body. */
/* clang-format off */
static const char *const NOT_BODY[] = {
    "布局", "格局", "大局", "全局", "结局", "开局", "时局", "政局", "僵局", "棋局", "定局",
    "骗局", "饭局", "出局", "破局", "战局", "残局", "当局", "新格局", "部署", "签署", "内部",
    "外部", "全部", "局部", "干部", "东部", "西部", "南部", "北部", "中部", "头部", "底部",
    "基部", "腹部", "顶部", "本部", "面部", "各部", "该部", "主办", "协办", "承办", "督办",
    "举办", "创办", "开办", "筹办", "代办", "兴办", "查办", "交办", "经办", "包办", "帮办",
    "专办", "领办", "代表处", "好处", "之处", "到处", "各处", "相处", "难处", "用处", "益处",
    "深处", "此处", "大厅", "餐厅", "展厅", "客厅", "门厅", "场所", "住所", "处所", "厕所",
    "网站", "车站", "加油站", "充电站", "换电站", "驿站", "团队", "梯队", "方队", "排队",
    "重组", "改组", "编组", "机组", "分组", "乡村", "农村", "新农村", "城乡", "家乡",
    "下乡", "故乡", "城镇", "乡镇", "重镇", "古镇", "名镇", "小镇", "结社", "旅社", "上司",
    "各司", "公司", "宾馆", "场馆", "展馆", "本院", "学院", "剧院", "庭院", "住院", "该院",
    "该局", "该委", "该办", "该所", "该处", "各委", "各局", "各办", "本局", "本委", "本办",
    "政府", "市府", "县府", NULL};
/* clang-format on */

/* Too generic to be a unit on its own. */
/* clang-format off */
static const char *const BARE[] = {
    "单位", "部门", "机关", "机构", "企业", "办公室", "领导小组", "小组", "工作组", "指挥部",
    "委员会", "管委会", "政府", "人民政府", "党委", "党组", "中心", "公司", "集团", "学校",
    "医院", "协会", "社区", "街道", "乡镇", "村", "镇", "乡", "本部门", "本单位", "该部",
    "该委", "该局", "该办", "成员单位", "责任单位", "牵头单位", "配合单位", "下同", "同上",
    "上同", "其他", "等", "部", "局", "委", "办", "厅", "院", "室", "处", "所", "站", "队",
    "社", "组", "司", "馆", "会", NULL};
/* clang-format on */

/* Is s one of the words (in_list)? The first character is compared before
 * a call: these lists are tried for every candidate name read. */
static int one_of(const char *s, const char *const *w) {
  for (int i = 0; w[i]; i++)
    if (w[i][0] == s[0] && w[i][1] == s[1] && w[i][2] == s[2] && !strcmp(w[i] + 3, s + 3)) return 1;
  return 0;
}

int rg_vocab_is_bare(const char *name) { return *name && one_of(name, BARE); }

/* The number of bytes of the last character of s (0 for ""). */
static size_t last_char(const char *s) {
  size_t n = strlen(s);
  return n - rg_utf8_last(s, n);
}

/* A function word opens a phrase, never a name: 与财政部, 并由, 请你省. */
static const char *const FUNC_WORDS[] = {"与",   "及", "并", "被", "把", "给", "由",
                                         "同时", "请", "你", "我", "该", "此", NULL};

/* A list, not a name: a body's ending followed by a conjunction inside it
 * (林业局与该部, 市委和市政府). 工业和信息化局 has 业和: no body ends in 业. */
static int holds_list(const char *s) {
  static const char *const CONJ[] = {"与", "和", "及", "或", "并", NULL};
  int any = 0;
  for (int i = 0; CONJ[i] && !any; i++)
    any = strstr(s, CONJ[i]) != NULL;
  if (!any) return 0;
  for (const char *p = s; *p; p++) {
    if (((unsigned char)*p & 0xC0) == 0x80 || p == s) continue;
    for (int i = 0; CONJ[i]; i++) {
      if (!starts(p, CONJ[i]) || !p[3]) continue;
      /* the character before p */
      const char *q = p - 1;
      while (q > s && ((unsigned char)*q & 0xC0) == 0x80)
        q--;
      char prev[8] = {0};
      memcpy(prev, q, (size_t)(p - q) < sizeof prev ? (size_t)(p - q) : sizeof prev - 1);
      if (!(in_list(prev, BODY_CHARS) || !strcmp(prev, "心") || !strcmp(prev, "府") ||
            !strcmp(prev, "行")))
        continue;
      /* 农业农村和水利局: 农村 is a word, not a body */
      const char *q2 = q - 1;
      while (q2 > s && ((unsigned char)*q2 & 0xC0) == 0x80)
        q2--;
      if (q > s) {
        char word[16] = {0};
        size_t wl = (size_t)(p - q2);
        if (wl < sizeof word) {
          memcpy(word, q2, wl);
          if (one_of(word, NOT_BODY)) continue;
        }
      }
      return 1;
    }
  }
  return 0;
}

/* Are the k bytes at a and b equal? (k is 1 to 4: one character) */
static inline int last_eq(const char *a, const char *b, size_t k) {
  for (size_t i = 0; i < k; i++)
    if (a[i] != b[i]) return 0;
  return 1;
}

int rg_vocab_is_body(const char *name) {
  size_t n = strlen(name);
  /* the word lists below hold words of at most 4 characters: longer names
   * skip them (this runs for every unit of every list) */
  if (!n || (n <= 12 && rg_vocab_is_bare(name)) || rg_utf8_strlen(name) < 2) return 0;
  /* a function word opens a phrase, never a name: 与财政部, 并由, 被, 把 */
  if (starts_any(name, FUNC_WORDS)) return 0;
  if (holds_list(name) || strstr(name, "或")) return 0;
  if (!strcmp(name, "国务院") || !strcmp(name, "中共中央") || !strcmp(name, "党中央")) return 1;
  if (rg_gazetteer_lookup(name, n) != RG_GAZ_NONE) return 1; /* a place names its government */
  if (n <= 12 && one_of(name, NOT_BODY)) return 0;
  /* only words ending in the name's last character can end it: compare
   * that character before anything else */
  size_t k = last_char(name);
  const char *last = name + n - k;
  static const sized NEVER_AT_END[] = {
      W("部署"), W("签署"), W("布局"), W("格局"), W("大局"), W("全局"), W("干部"), W("内部"),
      W("外部"), W("全部"), W("局部"), W("主办"), W("承办"), W("举办"), W("督办"), W("交办"),
      W("场所"), W("平台"), W("乡村"), W("农村"), W("城乡"), W("城镇"), W("团队"), {NULL, 0}};
  for (int i = 0; NEVER_AT_END[i].s; i++) {
    const sized *w = &NEVER_AT_END[i];
    if (w->n <= n && w->n >= k && last_eq(w->s + w->n - k, last, k) &&
        !memcmp(name + n - w->n, w->s, w->n))
      return 0;
  }
  /* one-character endings first (most names), then the longer words */
  for (int i = 0; BODY_CHARS[i]; i++)
    if (last_eq(BODY_CHARS[i], last, k) && !BODY_CHARS[i][k]) return 1;
  for (int i = 0; BODY_WORDS[i].s; i++) {
    const sized *w = &BODY_WORDS[i];
    if (w->n <= n && w->n >= k && last_eq(w->s + w->n - k, last, k) &&
        !memcmp(name + n - w->n, w->s, w->n))
      return 1;
  }
  /* a national body without an institutional ending (rare) */
  return rg_vocab_national(name, RG_LEVEL_NATIONAL) != NULL;
}

/* ----------------------------------------------------------- persons */

/* clang-format off */
static const char *const PERSON_END[] = {
    "领导", "负责人", "责任人", "联系人", "负责同志", "同志", "书记", "副书记", "省长", "市长",
    "县长", "区长", "镇长", "乡长", "旗长", "州长", "局长", "厅长", "部长", "主任", "秘书长",
    "副秘书长", "总指挥", "副总指挥", "指挥长", "组长", "副组长", "总经理", "董事长", "院长",
    "校长", "行长", "主席", "常委", "委员", "总理", "副总理", "国务委员", "处长", "科长",
    "所长", "站长", "队长", "馆长", "社长", "干部", NULL};
/* clang-format on */
static const char *const PERSON_START[] = {"分管",   "协管",   "包联",   "包抓", "联系",
                                           "牵头市", "牵头省", "牵头县", NULL};

int rg_vocab_is_person(const char *name) {
  if (!*name) return 0;
  /* every post ends in one of these characters: a quick no for bodies */
  static const char LAST[] = "导人志记长任挥理员席委部";
  size_t n = strlen(name);
  int hit = 0;
  for (size_t i = 0; n >= 3 && i + 3 <= sizeof LAST - 1 && !hit; i += 3)
    hit = !memcmp(name + n - 3, LAST + i, 3);
  if (!hit) return 0;
  if (ends_any(name, PERSON_END)) return 1;
  if (starts_any(name, PERSON_START) && (strstr(name, "长") || strstr(name, "领导"))) return 1;
  return 0;
}

/* ----------------------------------------------------- national bodies */

typedef struct national {
  const char *canonical;
  const char *forms; /* '|'-separated; a leading '@' = national only in a national document */
} national;

/* The State Council's own short forms are canonical: it prints them in its
 * 分工 plans. Bodies of earlier years (农业部, 铁道部, 环保总局) keep their
 * names; only the forms listed here are unified. */
static const national NATIONAL[] = {
    {"国家发展改革委", "国家发展和改革委员会|国家发改委|@发展改革委|@发改委|@发展和改革委员会"},
    {"人民银行", "中国人民银行|央行|@人行"},
    {"税务总局", "国家税务总局"},
    {"海关总署", "中华人民共和国海关总署"},
    {"市场监管总局", "国家市场监督管理总局|国家市场监管总局"},
    {"金融监管总局", "国家金融监督管理总局"},
    {"国家统计局", "@统计局"},
    {"国务院国资委", "国务院国有资产监督管理委员会|@国资委"},
    {"国家卫生健康委", "国家卫生健康委员会|国家卫健委|@卫生健康委|@卫健委"},
    {"国家卫生计生委", "国家卫生和计划生育委员会|@卫生计生委"},
    {"住房城乡建设部", "住房和城乡建设部|住建部"},
    {"人力资源社会保障部", "人力资源和社会保障部|人社部"},
    {"工业和信息化部", "工信部"},
    {"银保监会", "中国银行保险监督管理委员会|中国银保监会"},
    {"证监会", "中国证券监督管理委员会|中国证监会"},
    {"国管局", "国家机关事务管理局"},
    {"国家医保局", "国家医疗保障局|@医保局"},
    {"国家能源局", "@能源局"},
    {"国家林草局", "国家林业和草原局|@林草局"},
    {"国家林业局", "@林业局"},
    {"国家粮食和储备局", "国家粮食和物资储备局|@粮食和储备局"},
    {"国家粮食局", "@粮食局"},
    {"国家邮政局", "@邮政局"},
    {"国家知识产权局", "@知识产权局"},
    {"国家文物局", "@文物局"},
    {"国家中医药局", "国家中医药管理局|@中医药局"},
    {"国家药监局", "国家药品监督管理局|@药监局"},
    {"国家外汇局", "国家外汇管理局|@外汇局"},
    {"国家移民局", "国家移民管理局|@移民局"},
    {"国家乡村振兴局", "@乡村振兴局"},
    {"国家信访局", "@信访局"},
    {"国家民委", "国家民族事务委员会|@民委"},
    {"国家国防科工局", "@国防科工局"},
    {"国家数据局", "@数据局"},
    {"国家疾控局", "国家疾病预防控制局|@疾控局"},
    {"国家消防救援局", "@消防救援局"},
    {"国家铁路局", "@铁路局"},
    {"中国民航局", "中国民用航空局|@民航局"},
    {"中央网信办", "国家网信办|国家互联网信息办公室|@网信办"},
    {"国务院扶贫办", "国务院扶贫开发领导小组办公室|@扶贫办"},
    {"国务院新闻办", "国务院新闻办公室|@新闻办"},
    {"国务院侨办", "国务院侨务办公室|@侨办"},
    {"国务院港澳办", "国务院港澳事务办公室|@港澳办"},
    {"国务院台办", "国务院台湾事务办公室|@台办"},
    {"国务院研究室", ""},
    {"国务院西部开发办", "@西部开发办"},
    {"国务院振兴东北办", "@振兴东北办"},
    {"国务院法制办", "@法制办"},
    {"环保总局", "国家环保总局|国家环境保护总局"},
    {"工商总局", "国家工商总局|国家工商行政管理总局"},
    {"质检总局", "国家质检总局|国家质量监督检验检疫总局"},
    {"新闻出版广电总局", "国家新闻出版广电总局"},
    {"中央宣传部", "中宣部|中共中央宣传部"},
    {"中央组织部", "中组部|中共中央组织部"},
    {"中央统战部", "中共中央统一战线工作部|中央统一战线工作部"},
    {"中央编办", "中央机构编制委员会办公室"},
    {"中央政法委", "中共中央政法委员会"},
    {"中央农办", "中央农村工作领导小组办公室"},
    {"中央财办", "中央财经委员会办公室"},
    {"中央外办", "中央外事工作委员会办公室"},
    /* mass organisations: in a national plan the bare name is the national body */
    {"共青团中央", "团中央|@共青团"},
    {"全国总工会", "中华全国总工会|@总工会"},
    {"全国妇联", "中华全国妇女联合会|@妇联"},
    {"中国科协", "中国科学技术协会|@科协"},
    {"中国残联", "中国残疾人联合会|@残联"},
    {"全国工商联", "中华全国工商业联合会|@工商联"},
    {"中国侨联", "中华全国归国华侨联合会|@侨联"},
    {"中国文联", "中国文学艺术界联合会|@文联"},
    {"中国作协", "中国作家协会|@作协"},
    {"中国红十字会总会", "中国红十字会|@红十字会"},
    {"中国贸促会", "中国国际贸易促进委员会|@贸促会"},
    {"国家融资担保基金", "国家融资担保基金有限责任公司"},
    {"国家开发银行", "国开行"},
    {"中国进出口银行", "进出口银行"},
    {"中国农业发展银行", "农业发展银行|农发行"},
    {"国家电网", "国家电网有限公司|国家电网公司"},
    {"中国出口信用保险公司", "中国信保"},
    {"中央和国家机关工委", "中央和国家机关工作委员会"},
    {"供销合作总社", "中华全国供销合作总社|全国供销合作总社"},
    {NULL, NULL},
};

/* Does the '|'-separated list forms hold name? *local receives 1 when the
 * matching form is marked '@'. */
static int form_match(const char *forms, const char *name, int *local) {
  size_t n = strlen(name);
  for (const char *p = forms; *p;) {
    int at = *p == '@';
    if (at) p++;
    const char *e = strchr(p, '|');
    size_t k = e ? (size_t)(e - p) : strlen(p);
    if (k == n && !memcmp(p, name, n)) {
      *local = at;
      return 1;
    }
    p += k;
    if (*p == '|') p++;
  }
  return 0;
}

/* Can a national form start with the character at s? Every form starts
 * with one of these; a name that starts otherwise (市财政局, 省教育厅, 沈阳…)
 * is rejected at once. */
static int national_start(const char *s) {
  static const char FIRST[] =
      "国中人税海市金住工银证医能林粮邮知文药外移乡信民疾消铁网扶侨港台西振法环质新共全供央发统卫资"
      "团农建交商自水公财司教科审安应体广退数总妇残作红贸进";
  if ((unsigned char)s[0] < 0xE0 || !s[1] || !s[2]) return 0;
  for (size_t i = 0; i + 3 <= sizeof FIRST - 1; i += 3)
    if (!memcmp(s, FIRST + i, 3)) return 1;
  return 0;
}

const char *rg_vocab_national(const char *name, rg_level level) {
  if (!national_start(name)) return NULL;
  /* 市场监管总局 is the only national form starting with 市 */
  if (starts(name, "市") && !starts(name, "市场监")) return NULL;
  if (starts(name, "中华人民共和国") && strlen(name) > strlen("中华人民共和国")) {
    const char *rest = name + strlen("中华人民共和国");
    const char *r = rg_vocab_national(rest, RG_LEVEL_NATIONAL);
    if (r) return r;
    if (ends(rest, "部") || ends(rest, "委员会") || ends(rest, "总署") || ends(rest, "署"))
      return NULL; /* the caller strips the prefix (rg_vocab_expand) */
  }
  for (const national *e = NATIONAL; e->canonical; e++) {
    if (!strcmp(name, e->canonical)) return e->canonical;
    int local = 0;
    if (form_match(e->forms, name, &local) && (!local || level == RG_LEVEL_NATIONAL))
      return e->canonical;
  }
  return NULL;
}

int rg_vocab_is_national(const char *name) {
  static const char *const STARTS[] = {"国家", "国务院", "中央",       "中国", "全国",
                                       "中华", "中共",   "共青团中央", NULL};
  return starts_any(name, STARTS) || rg_vocab_national(name, RG_LEVEL_UNKNOWN) != NULL;
}

/* ------------------------------------------------------ abbreviations */

static const char *const EXPAND[][2] = {
    {"发展和改革委员会", "发展改革委"},
    {"发展和改革委", "发展改革委"},
    {"发展改革委员会", "发展改革委"},
    {"发改委", "发展改革委"},
    {"发展和改革局", "发展改革局"},
    {"发改局", "发展改革局"},
    {"人力资源和社会保障局", "人力资源社会保障局"},
    {"人力资源和社会保障厅", "人力资源社会保障厅"},
    {"人社局", "人力资源社会保障局"},
    {"人社厅", "人力资源社会保障厅"},
    {"住房和城乡建设委员会", "住房城乡建设委"},
    {"住房和城乡建设局", "住房城乡建设局"},
    {"住房和城乡建设厅", "住房城乡建设厅"},
    {"住建委", "住房城乡建设委"},
    {"住建局", "住房城乡建设局"},
    {"住建厅", "住房城乡建设厅"},
    {"卫生健康委员会", "卫生健康委"},
    {"卫生和健康委员会", "卫生健康委"},
    {"卫健委", "卫生健康委"},
    {"卫健局", "卫生健康局"},
    {"工信局", "工业和信息化局"},
    {"工信厅", "工业和信息化厅"},
    {"医疗保障局", "医保局"},
    {"市场监督管理局", "市场监管局"},
    {"市监局", "市场监管局"},
    {"国有资产监督管理委员会", "国资委"},
    {NULL, NULL},
};

/* The place or jurisdiction prefix a department name may carry before its
 * proper name: 省, 市, 县, 区, 自治区, 州, 旗, 盟, or a gazetteer place. */
static size_t jurisdiction_len(const char *s, size_t upto) {
  static const char *const P[] = {"自治区", "省", "市", "县", "区", "州", "旗", "盟", NULL};
  for (int i = 0; P[i]; i++)
    if (strlen(P[i]) == upto && starts(s, P[i])) return upto;
  int level = 0;
  size_t g = rg_gazetteer_prefix(s, &level);
  return g == upto ? g : 0;
}

char *rg_vocab_expand(const char *name) { return rg_vocab_expand_head(name, NULL); }

char *rg_vocab_expand_head(const char *name, size_t *head_out) {
  if (head_out) *head_out = 0;
  /* every form above ends in 委, 局, 厅 or 会: a quick no for the rest */
  size_t len = strlen(name);
  if (len < 3 || (!ends(name, "委") && !ends(name, "局") && !ends(name, "厅") && !ends(name, "会")))
    return NULL;
  if (starts(name, "中华人民共和国") && strlen(name) > strlen("中华人民共和国")) {
    const char *rest = name + strlen("中华人民共和国");
    if (ends(rest, "部") || ends(rest, "委员会") || ends(rest, "署") || ends(rest, "总局"))
      return rg_xstrdup(rest);
  }
  size_t n = strlen(name);
  for (int i = 0; EXPAND[i][0]; i++) {
    size_t m = strlen(EXPAND[i][0]);
    if (n < m || memcmp(name + n - m, EXPAND[i][0], m)) continue;
    size_t head = n - m;
    /* only after a jurisdiction (or nothing): 市人社局, 人社局; not 某某人社局中心 */
    if (head && !jurisdiction_len(name, head)) continue;
    if (head_out) *head_out = head;
    size_t r = strlen(EXPAND[i][1]);
    char *out = rg_xmalloc(head + r + 1);
    memcpy(out, name, head);
    memcpy(out + head, EXPAND[i][1], r + 1);
    return out;
  }
  return NULL;
}

int rg_vocab_is_set_name(const char *name) {
  if (!*name || rg_vocab_is_bare(name) || starts_any(name, FUNC_WORDS)) return 0;
  static const char *const END[] = {
      "部门",   "单位",   "机构",   "地区",     "城市",     "部委", "企业", "组织",   "机关",
      "方面",   "省份",   "园区",   "乡镇",     "街道",     "区县", "县区", "县(市)", "县(市、区)",
      "县(区)", "区(县)", "开发区", "成员单位", "各级政府", "市",   "县",   "区",     "镇",
      "乡",     "省",     "州",     "旗",       "街办",     NULL};
  if (ends_any(name, END)) return 1;
  /* 各街办(新区), 各乡镇(街道): a set and, in parentheses, what it includes */
  size_t n = strlen(name);
  const char *open = n > 1 && name[n - 1] == ')' ? strrchr(name, '(') : NULL;
  if (open && open > name) {
    char head[256];
    size_t h = (size_t)(open - name);
    if (h < sizeof head) {
      memcpy(head, name, h);
      head[h] = '\0';
      if (ends_any(head, END)) return 1;
    }
  }
  return rg_vocab_is_body(name);
}

int rg_vocab_is_grassroots(const char *name) {
  static const char *const END[] = {"镇",   "乡",   "村",   "街道", "街道办事处",
                                    "街办", "社区", "嘎查", "苏木", NULL};
  if (!ends_any(name, END)) return 0;
  return !ends_any(name, (const char *const[]){"乡村", "农村", "城乡", "城镇", "乡镇", NULL});
}

/* ------------------------------------------------------------- levels */

static rg_level set(char *prefix, size_t size, const char *p, rg_level level) {
  if (size) {
    size_t n = strlen(p);
    if (n >= size) n = size - 1;
    memcpy(prefix, p, n);
    prefix[n] = '\0';
  }
  return level;
}

/* The level of a gazetteer place that starts s (its bytes in *len). */
static rg_level place_level(const char *s, size_t *len, const char **suffix) {
  int lv = 0;
  size_t g = rg_gazetteer_prefix(s, &lv);
  *len = g;
  if (!g) return RG_LEVEL_UNKNOWN;
  char *head = dupn(s, g);
  rg_level r = RG_LEVEL_UNKNOWN;
  *suffix = "市";
  if (lv == RG_GAZ_PROVINCE) {
    r = RG_LEVEL_PROVINCIAL;
    *suffix = ends(head, "自治区") ? "自治区" : ends(head, "市") ? "市" : "省";
    /* 北京, 广西: a short province name; the suffix follows in the text */
    if (!ends(head, "省") && !ends(head, "市") && !ends(head, "自治区")) {
      const char *after = s + g;
      if (starts(after, "市"))
        *suffix = "市";
      else if (strstr(after, "自治区") == after || starts(after, "壮族自治区") ||
               starts(after, "回族自治区") || starts(after, "维吾尔自治区"))
        *suffix = "自治区";
      else
        *suffix = "省";
    }
  } else if (lv == RG_GAZ_PREFECTURE) {
    r = RG_LEVEL_CITY;
    *suffix = ends(head, "自治州") || ends(head, "州") ? "州"
              : ends(head, "盟")                       ? "盟"
              : ends(head, "地区")                     ? "地区"
                                                       : "市";
  } else if (lv == RG_GAZ_COUNTY) {
    r = ends(head, "区") ? RG_LEVEL_DISTRICT : RG_LEVEL_COUNTY;
    *suffix = ends(head, "区") ? "区" : ends(head, "旗") ? "旗" : ends(head, "市") ? "市" : "县";
  }
  free(head);
  return r;
}

rg_level rg_vocab_level(const char *text, char *prefix, size_t size) {
  if (size) prefix[0] = '\0';
  if (!text || !*text) return RG_LEVEL_UNKNOWN;
  /* national: the State Council, its general office, the central committee,
   * a ministry; document numbers 国发 国办发 国办函 国函 */
  static const char *const NAT[] = {"国务院", "中共中央", "中央办公厅",     "国家", "国办",
                                    "国发",   "国函",     "中华人民共和国", NULL};
  if (starts_any(text, NAT)) return set(prefix, size, "", RG_LEVEL_NATIONAL);
  const char *about = strstr(text, "关于");
  if (about) {
    char *issuer = dupn(text, (size_t)(about - text));
    const char *nat = issuer[0] && rg_vocab_national(issuer, RG_LEVEL_NATIONAL) ? issuer : NULL;
    int ministry = issuer[0] &&
                   (ends(issuer, "部") || ends(issuer, "总局") || ends(issuer, "总署") ||
                    ends(issuer, "部办公厅")) &&
                   !strstr(issuer, "省") && !strstr(issuer, "市") && !strstr(issuer, "县") &&
                   !rg_gazetteer_prefix(issuer, NULL);
    free(issuer);
    if (nat || ministry) return set(prefix, size, "", RG_LEVEL_NATIONAL);
  }
  /* a place at the start: 江西省人民政府, 洛阳市, 汝阳县2024年… */
  size_t g;
  const char *suffix = NULL;
  rg_level lv = place_level(text, &g, &suffix);
  if (lv != RG_LEVEL_UNKNOWN) {
    /* a province-level city (北京市) keeps 市 for its departments */
    return set(prefix, size, suffix, lv);
  }
  /* no place: 省政府, 市政府, 县人民政府 ... anywhere in a short text */
  static const struct {
    const char *word;
    const char *prefix;
    rg_level level;
  } WORDS[] = {
      {"自治区人民政府", "自治区", RG_LEVEL_PROVINCIAL},
      {"自治区政府", "自治区", RG_LEVEL_PROVINCIAL},
      {"省人民政府", "省", RG_LEVEL_PROVINCIAL},
      {"省政府", "省", RG_LEVEL_PROVINCIAL},
      {"州人民政府", "州", RG_LEVEL_CITY},
      {"市人民政府", "市", RG_LEVEL_CITY},
      {"市政府", "市", RG_LEVEL_CITY},
      {"县人民政府", "县", RG_LEVEL_COUNTY},
      {"县政府", "县", RG_LEVEL_COUNTY},
      {"旗人民政府", "旗", RG_LEVEL_COUNTY},
      {"区人民政府", "区", RG_LEVEL_DISTRICT},
      {"区政府", "区", RG_LEVEL_DISTRICT},
      {NULL, NULL, RG_LEVEL_UNKNOWN},
  };
  for (int i = 0; WORDS[i].word; i++)
    if (strstr(text, WORDS[i].word)) return set(prefix, size, WORDS[i].prefix, WORDS[i].level);
  /* document numbers of local governments: 洛政办, 赣府发, 湘政发 carry no level */
  return RG_LEVEL_UNKNOWN;
}
