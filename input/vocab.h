/* vocab.h - the unit vocabulary: what a body's name looks like, persons,
 * national bodies and their short forms, and the level of a document.
 *
 * Every rule is a closed word list from official Chinese writing (NOTES.md,
 * "Unit vocabulary", gives each with an example):
 *   - A body's name ends in an institutional word: 局 委 办 厅 部 署 院 室
 *     处 所 站 队 社 组 司 馆 镇 乡 村, or 中心 集团 公司 政府 银行 海关 街道
 *     委员会 协会 工会 妇联 ... (with common words that end the same way
 *     excluded: 布局 社会 部署 干部 主办 场所 平台 农村 ...).
 *   - A person is named by a post: 分管副省长, 责任领导, 主要负责人, 局长.
 *   - National bodies have one canonical name, the State Council's own short
 *     form: 中国人民银行 = 人民银行, 国家税务总局 = 税务总局; in a national
 *     document a bare 发展改革委 is 国家发展改革委.
 *   - Local department abbreviations are unified: 发改委 = 发展改革委,
 *     人社局 = 人力资源社会保障局, 住建局 = 住房城乡建设局, 卫健委 = 卫生健康委.
 *   - The level of a document (national, provincial, city, county, district)
 *     comes from its issuing body, title or document number, and gives the
 *     prefix its own departments carry (省, 市, 自治区, 州, 县, 区, 旗).
 * All functions are pure and thread-safe; names are NFKC UTF-8. Costs are
 * O(length of the name) times the size of a fixed word list. */
#ifndef RG_VOCAB_H
#define RG_VOCAB_H

#include <stddef.h>

#include "reading.h" /* rg_level */

/* Does name look like a body: an institutional ending (not one of the common
 * words that end the same way), a known national body, or exactly a place in
 * the gazetteer (沈阳市, 和平区)? 1 or 0. */
int rg_vocab_is_body(const char *name);

/* Is name a person named by a post (分管副省长, 协管副秘书长, 责任领导,
 * 国家发展改革委主要负责人, 市长)? 1 or 0. */
int rg_vocab_is_person(const char *name);

/* Is name too generic to be a unit on its own (单位, 部门, 办公室, 领导小组,
 * 该部, 本单位)? 1 or 0. */
int rg_vocab_is_bare(const char *name);

/* The canonical name of a national body that name denotes, or NULL. Forms
 * that are national only in a national document (发展改革委, 统计局, 国资委)
 * need level == RG_LEVEL_NATIONAL. 中华人民共和国财政部 -> 财政部. */
const char *rg_vocab_national(const char *name, rg_level level);

/* Is name a national body whatever the document (starts with 国家, 国务院,
 * 中央, 中国, 全国, 中华, or is in the national table)? 1 or 0. */
int rg_vocab_is_national(const char *name);

/* name with a department abbreviation at its end unified (省发改委 ->
 * 省发展改革委, 市人社局 -> 市人力资源社会保障局, 市市场监督管理局 ->
 * 市市场监管局); malloc'd, or NULL when nothing changes. */
char *rg_vocab_expand(const char *name);
/* The same; *head (if not NULL) receives the bytes kept before the rewritten
 * ending (3 for 市发改委, 9 for 丽水市市场监督管理局, 0 for 发改委). */
char *rg_vocab_expand_head(const char *name, size_t *head);

/* The level a text (an issuing body, a title, a document number) names, and
 * the prefix of that level's departments in prefix (at most size bytes, ""
 * for national): 国务院办公厅 -> national; 国办函〔2021〕88号 -> national;
 * 江西省人民政府 -> provincial, 省; 广西壮族自治区人民政府 -> provincial,
 * 自治区; 北京市人民政府 -> provincial, 市; 洛阳市人民政府办公室 -> city, 市;
 * 汝阳县 -> county, 县; 和平区人民政府 -> district, 区; 2023年市政府工作报告
 * -> city, 市. RG_LEVEL_UNKNOWN when it names none. */
rg_level rg_vocab_level(const char *text, char *prefix, size_t size);

/* Can name be a set of bodies (a collective or a generic unit): it ends in
 * 部门, 单位, 机构, 地区, 政府, 市, 县 ... (各有关部门, 有关区、县(市)政府,
 * 市政府各部门) or in a body's ending? 有关部门研究提出了办理意见 cannot. */
int rg_vocab_is_set_name(const char *name);

/* Does name end a grassroots government or a named place body that never
 * takes a jurisdiction prefix (城关镇, 靳村乡, 王家村, 东城街道)? */
int rg_vocab_is_grassroots(const char *name);

#endif
