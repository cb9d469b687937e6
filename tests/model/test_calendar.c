/* test_calendar.c - the holiday table against the State Council notices, and date arithmetic. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "common/common.h"

/* "01-28 to 02-04" or "01-01" into from/to. */
static void days_off(const char *cell, char *from, char *to) {
  cr_assert_eq(sscanf(cell, "%5s", from), 1);
  const char *t = strstr(cell, " to ");
  snprintf(to, 6, "%s", t ? t + 4 : from);
}

/* Every holiday row of tests/data/calendar/holidays-cn.md (a copy of the
 * notices' facts, "| 春节 | 01-28 to 02-04 | 01-26 (Sun), 02-08 (Sat) |"
 * under "## 2025 (...)") is a row of the table, in order, and no more. */
Test(calendar, holds_exactly_the_rows_of_the_notices) {
  char *md = rg_test_slurp(RG_TEST_DATA "/calendar/holidays-cn.md", NULL);
  cr_assert(md);
  int n;
  const rg_holiday *h = rg_calendar_holidays(&n);
  int k = 0, year = 0;
  for (char *line = strtok(md, "\n"); line; line = strtok(NULL, "\n")) {
    if (!strncmp(line, "## ", 3)) {
      year = atoi(line + 3);
      continue;
    }
    if (line[0] != '|' || strstr(line, "holiday") || strstr(line, "---")) continue;
    char name[64], off[64], work[64];
    cr_assert_eq(sscanf(line, "| %63[^|]| %63[^|]| %63[^|]|", name, off, work), 3, "%s", line);
    for (char *e = name + strlen(name) - 1; e > name && *e == ' '; e--)
      *e = '\0';
    cr_assert_lt(k, n, "the notice has more rows than the table");
    cr_assert_eq(h[k].year, year);
    cr_assert_str_eq(h[k].name, name);
    char from[8], to[8];
    days_off(off, from, to);
    cr_assert_str_eq(h[k].from, from, "%d %s", year, name);
    cr_assert_str_eq(h[k].to, to, "%d %s", year, name);
    int w = 0;
    for (const char *p = work; (p = strchr(p, '(')); p++) {
      char md5[6];
      snprintf(md5, sizeof md5, "%.5s", p - 6);
      cr_assert(h[k].work[w], "%d %s: missing working day %s", year, name, md5);
      cr_assert_str_eq(h[k].work[w], md5);
      w++;
    }
    cr_assert_null(h[k].work[w], "%d %s: an extra working day", year, name);
    k++;
  }
  cr_assert_eq(k, n, "the table has rows the notice lacks");
  cr_assert(rg_calendar_notice(2025) && strstr(rg_calendar_notice(2025), "国办发明电〔2024〕12号"));
  cr_assert(rg_calendar_notice(2026) && strstr(rg_calendar_notice(2026), "2025年11月4日"));
  cr_assert_null(rg_calendar_notice(2027)); /* not published in the data yet */
  free(md);
}

static long D(const char *s) {
  long z;
  cr_assert_eq(rg_date_parse(s, &z), 0, "%s", s);
  return z;
}

Test(calendar, knows_days_off_and_adjusted_working_days) {
  const char *name;
  cr_assert_eq(rg_calendar_day(D("2026-09-20"), &name), RG_DAY_ADJUSTED); /* a Sunday */
  cr_assert_str_eq(name, "国庆节");
  cr_assert_eq(rg_calendar_day(D("2026-09-25"), &name), RG_DAY_HOLIDAY); /* a Friday */
  cr_assert_str_eq(name, "中秋节");
  cr_assert_eq(rg_calendar_day(D("2026-10-07"), NULL), RG_DAY_HOLIDAY);
  cr_assert_eq(rg_calendar_day(D("2026-10-08"), NULL), RG_DAY_WORK);
  cr_assert_eq(rg_calendar_day(D("2026-10-10"), NULL), RG_DAY_ADJUSTED);
  cr_assert_eq(rg_calendar_day(D("2026-10-11"), NULL), RG_DAY_WEEKEND);
  cr_assert_eq(rg_calendar_day(D("2025-10-08"), NULL), RG_DAY_HOLIDAY);
  cr_assert_eq(rg_calendar_day(D("2025-09-28"), NULL), RG_DAY_ADJUSTED);
  cr_assert_eq(rg_calendar_day(D("2027-02-08"), NULL), RG_DAY_WORK); /* weekends only */
  cr_assert_eq(rg_calendar_next_working(D("2026-09-25")), D("2026-09-28"));
  cr_assert_eq(rg_calendar_next_working(D("2026-10-01")), D("2026-10-08"));
  cr_assert_eq(rg_calendar_next_monday(D("2026-09-21")), D("2026-09-28"));
  cr_assert_eq(rg_calendar_next_monday(D("2026-09-27")), D("2026-09-28"));
  /* 2026 has 365 - 104 weekend days - 19 weekday holidays + 6 adjusted = 248
   * working days (weekday holidays: 元旦 2, 春节 6, 清明 1, 劳动 3, 端午 1, 中秋 1, 国庆 5) */
  int n = 0;
  for (long z = D("2026-01-01"); z <= D("2026-12-31"); z++)
    n += rg_calendar_working(z);
  cr_assert_eq(n, 248);
}

Test(calendar, parses_and_prints_dates) {
  long z;
  cr_assert_eq(rg_date_parse("2026-02-29", &z), -1);
  cr_assert_eq(rg_date_parse("2026-3-2", &z), -1);
  cr_assert_eq(rg_date_parse("2026-03-02x", &z), -1);
  cr_assert_eq(rg_date_parse("2028-02-29", &z), 0);
  char b[64];
  rg_date_label(D("2026-09-21"), 0, b, sizeof b);
  cr_assert_str_eq(b, "2026年9月21日（星期一）");
  rg_date_label(D("2026-09-21"), 1, b, sizeof b);
  cr_assert_str_eq(b, "Mon 21 Sep 2026");
  rg_date_iso(D("1970-01-01"), b, sizeof b);
  cr_assert_str_eq(b, "1970-01-01");
  cr_assert_eq(D("1970-01-01"), 0);
  cr_assert_eq(rg_weekday(0), 3); /* a Thursday */
}
