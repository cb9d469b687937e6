/* calendar.c - China's public holidays and 调休 working days as data, and date arithmetic. */
#include "calendar.h"

#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------------ data
 * From the State Council's annual notices (国务院办公厅关于YYYY年部分节假日
 * 安排的通知). Days are inclusive. 2027: the notice (normally published in
 * November of the year before) is not in this table yet; add its rows and
 * its notice below when it is, and the calendar stops saying "weekends only"
 * for 2027. tests/model/test_calendar.c checks every row against the
 * notices' text. */
static const rg_holiday HOLIDAYS[] = {
    {2025, "元旦", "01-01", "01-01", {NULL}},
    {2025, "春节", "01-28", "02-04", {"01-26", "02-08", NULL}},
    {2025, "清明节", "04-04", "04-06", {NULL}},
    {2025, "劳动节", "05-01", "05-05", {"04-27", NULL}},
    {2025, "端午节", "05-31", "06-02", {NULL}},
    {2025, "国庆节、中秋节", "10-01", "10-08", {"09-28", "10-11", NULL}},
    {2026, "元旦", "01-01", "01-03", {"01-04", NULL}},
    {2026, "春节", "02-15", "02-23", {"02-14", "02-28", NULL}},
    {2026, "清明节", "04-04", "04-06", {NULL}},
    {2026, "劳动节", "05-01", "05-05", {"05-09", NULL}},
    {2026, "端午节", "06-19", "06-21", {NULL}},
    {2026, "中秋节", "09-25", "09-27", {NULL}},
    {2026, "国庆节", "10-01", "10-07", {"09-20", "10-10", NULL}},
};

static const rg_holiday_notice NOTICES[] = {
    {2025, "国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日）"},
    {2026, "国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）"},
};

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

const rg_holiday *rg_calendar_holidays(int *n) {
  *n = N(HOLIDAYS);
  return HOLIDAYS;
}

const rg_holiday_notice *rg_calendar_notices(int *n) {
  *n = N(NOTICES);
  return NOTICES;
}

const char *rg_calendar_notice(int y) {
  for (int i = 0; i < N(NOTICES); i++)
    if (NOTICES[i].year == y) return NOTICES[i].notice;
  return NULL;
}

int rg_calendar_has_year(int y) { return rg_calendar_notice(y) != NULL; }

/* ------------------------------------------------------------- arithmetic */

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant). */
long rg_days_from_civil(int y0, int m, int d) {
  long y = y0 - (m <= 2);
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void rg_civil_from_days(long z, int *y, int *m, int *d) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long yy = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  *d = (int)(doy - (153 * mp + 2) / 5 + 1);
  *m = (int)(mp < 10 ? mp + 3 : mp - 9);
  *y = (int)(yy + (*m <= 2));
}

/* 1970-01-01 was a Thursday. */
int rg_weekday(long z) { return (int)(((z % 7) + 7 + 3) % 7); }

/* "MM-DD" of year y as a day number. */
static long md(int y, const char *s) {
  int m = (s[0] - '0') * 10 + (s[1] - '0'), d = (s[3] - '0') * 10 + (s[4] - '0');
  return rg_days_from_civil(y, m, d);
}

rg_day_kind rg_calendar_day(long z, const char **name) {
  int y, m, d;
  rg_civil_from_days(z, &y, &m, &d);
  if (name) *name = NULL;
  for (int i = 0; i < N(HOLIDAYS); i++) {
    const rg_holiday *h = &HOLIDAYS[i];
    if (h->year != y) continue;
    if (z >= md(y, h->from) && z <= md(y, h->to)) {
      if (name) *name = h->name;
      return RG_DAY_HOLIDAY;
    }
    for (int k = 0; k < 3 && h->work[k]; k++)
      if (md(y, h->work[k]) == z) {
        if (name) *name = h->name;
        return RG_DAY_ADJUSTED;
      }
  }
  return rg_weekday(z) >= 5 ? RG_DAY_WEEKEND : RG_DAY_WORK;
}

int rg_calendar_working(long z) {
  rg_day_kind k = rg_calendar_day(z, NULL);
  return k == RG_DAY_WORK || k == RG_DAY_ADJUSTED;
}

long rg_calendar_next_working(long z) {
  while (!rg_calendar_working(z))
    z++;
  return z;
}

long rg_calendar_next_monday(long z) { return z + 7 - rg_weekday(z); }

int rg_date_parse(const char *s, long *z) {
  int y, m, d;
  char tail;
  if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
      sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
    return -1;
  if (y < 1970 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return -1;
  int yy, mm, dd;
  long v = rg_days_from_civil(y, m, d);
  rg_civil_from_days(v, &yy, &mm, &dd);
  if (yy != y || mm != m || dd != d) return -1;
  *z = v;
  return 0;
}

void rg_date_iso(long z, char *buf, unsigned long size) {
  int y, m, d;
  rg_civil_from_days(z, &y, &m, &d);
  snprintf(buf, size, "%04d-%02d-%02d", y, m, d);
}

const char *rg_weekday_name(int wd, int en) {
  static const char *const zh[] = {"星期一", "星期二", "星期三", "星期四",
                                   "星期五", "星期六", "星期日"};
  static const char *const eng[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  return en ? eng[wd % 7] : zh[wd % 7];
}

void rg_date_label(long z, int en, char *buf, unsigned long size) {
  static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  int y, m, d;
  rg_civil_from_days(z, &y, &m, &d);
  if (en)
    snprintf(buf, size, "%s %d %s %d", rg_weekday_name(rg_weekday(z), 1), d, mon[m - 1], y);
  else
    snprintf(buf, size, "%d年%d月%d日（%s）", y, m, d, rg_weekday_name(rg_weekday(z), 0));
}
