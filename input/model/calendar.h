/* calendar.h - dates and China's working days (public holidays and 调休).
 *
 * Days are counted as "day numbers": days since 1970-01-01 (proleptic
 * Gregorian), so arithmetic on dates is arithmetic on longs.
 *
 * A working day is Monday to Friday unless it is a public holiday, plus the
 * weekend days that a State Council notice makes working days (调休上班).
 * The holidays live in one table in calendar.c, one row per holiday with the
 * notice it comes from (国务院办公厅关于YYYY年部分节假日安排的通知). Years
 * without a notice in the table are counted with weekends only; callers say
 * so in their output (rg_calendar_has_year).
 *
 * Everything here is pure and constant-time (the table is a few dozen rows). */
#ifndef RG_CALENDAR_H
#define RG_CALENDAR_H

/* One holiday of a notice: the days off (inclusive) and the weekend days
 * worked in exchange, "MM-DD" strings in the holiday's year (NULL ends the
 * list of working days). */
typedef struct rg_holiday {
  int year;
  const char *name;    /* 国庆节 */
  const char *from;    /* first day off, "10-01" */
  const char *to;      /* last day off, "10-07" */
  const char *work[3]; /* 调休上班 weekend days, "09-20", NULL-terminated */
} rg_holiday;

/* A year's notice: its number or date as published. */
typedef struct rg_holiday_notice {
  int year;
  const char *notice; /* 国办发明电〔2024〕12号 */
} rg_holiday_notice;

/* The tables (static; *n set to the row count). */
const rg_holiday *rg_calendar_holidays(int *n);
const rg_holiday_notice *rg_calendar_notices(int *n);

/* The notice of year y, or NULL when the table has none (weekends only). */
const char *rg_calendar_notice(int y);
/* 1 when the table has year y's notice. */
int rg_calendar_has_year(int y);

/* Day number of a date, and back. */
long rg_days_from_civil(int y, int m, int d);
void rg_civil_from_days(long z, int *y, int *m, int *d);
/* 0 = Monday .. 6 = Sunday. */
int rg_weekday(long z);

/* What a day is. */
typedef enum {
  RG_DAY_WORK = 0,     /* Monday to Friday, no holiday */
  RG_DAY_WEEKEND = 1,  /* Saturday or Sunday, no 调休 */
  RG_DAY_HOLIDAY = 2,  /* a day off of a holiday (*name set) */
  RG_DAY_ADJUSTED = 3, /* a weekend day worked (调休上班, *name: the holiday) */
} rg_day_kind;

/* The kind of day z; *name (may be NULL) gets the holiday's name or NULL. */
rg_day_kind rg_calendar_day(long z, const char **name);
/* 1 for RG_DAY_WORK and RG_DAY_ADJUSTED. */
int rg_calendar_working(long z);
/* The first working day on or after z. */
long rg_calendar_next_working(long z);
/* The Monday after day z (z itself excluded): the default start. */
long rg_calendar_next_monday(long z);

/* Parse "YYYY-MM-DD" (a real date, years 1970..9999) into a day number.
 * Returns 0 on success, -1 when s is not one. */
int rg_date_parse(const char *s, long *z);
/* "2026-09-21" into buf (at least 11 bytes). */
void rg_date_iso(long z, char *buf, unsigned long size);
/* "2026年9月21日（星期一）" (zh) or "Mon 21 Sep 2026" (en) into buf. */
void rg_date_label(long z, int en, char *buf, unsigned long size);
/* "星期一" / "Mon". */
const char *rg_weekday_name(int wd, int en);

#endif
