/* due.h - a task's 督查督办 light at a date, from its deadline (plan.h rg_due).
 *
 * Model code (rg_model) because every writer shows it and output/ links no
 * analyzer: the lights are a function of the deadline, the date asked about
 * (--as-of) and the window of "due soon" (--soon-days), nothing else. */
#ifndef RG_DUE_H
#define RG_DUE_H

#include "plan.h"

#define RG_DUE_SOON_DAYS 30 /* --soon-days default: 临近 within 30 days */

typedef enum {
  RG_LIGHT_NONE = 0,    /* no deadline read: no light */
  RG_LIGHT_OVERDUE = 1, /* 逾期 (red): the deadline has passed */
  RG_LIGHT_SOON = 2,    /* 临近 (yellow): due within soon_days */
  RG_LIGHT_NOT_DUE = 3, /* 未到期 (green) */
  RG_LIGHT_ONGOING = 4, /* 持续推进 (green): spread over the year, no deadline to miss */
} rg_light;

/* The light of due at day as_of (calendar.h day number), and in *when (may
 * be NULL) the date it is judged against: the deadline (end; its milestone
 * while that is still ahead: 6月底前完成…，年底前全面完成 on May 20 is judged by
 * June 30), or for a recurring task the end of its period that holds as_of;
 * 0 for NONE.
 *   overdue  as_of > when
 *   soon     when - as_of <= soon_days
 *   not due  otherwise; a spread task is always ongoing. */
rg_light rg_due_light(const rg_due *due, long as_of, int soon_days, long *when);
/* "overdue" "due-soon" "not-due" "ongoing" (NULL for NONE). */
const char *rg_light_name(rg_light l);
/* 逾期 临近 未到期 持续推进 (NULL for NONE). */
const char *rg_light_label(rg_light l);

#endif
