/* due.c - a task's 督查督办 light at a date (due.h). */
#include "due.h"

#include "calendar.h"

/* The end of the period of `every` months (counted from the interval's
 * start) that holds day z. */
static long period_end(const rg_due *due, long z) {
  int y, m, d;
  rg_civil_from_days(due->start, &y, &m, &d);
  long end = due->end;
  for (int k = 1; k < 12 * 400; k++) {
    int mm = m - 1 + k * due->every; /* months after the start's month */
    long next = rg_days_from_civil(y + mm / 12, mm % 12 + 1, 1);
    if (next > z) {
      end = next - 1;
      break;
    }
  }
  return end < due->end ? end : due->end;
}

rg_light rg_due_light(const rg_due *due, long as_of, int soon_days, long *when) {
  long w = 0;
  rg_light l = RG_LIGHT_NONE;
  switch (due->kind) {
  case RG_DUE_NONE:
  case RG_DUE_UNREAD:
    break;
  case RG_DUE_SPREAD:
    w = due->end; /* no deadline to miss: ongoing, even after the year */
    l = RG_LIGHT_ONGOING;
    break;
  case RG_DUE_RECURRING:
    w = as_of < due->start || as_of > due->end ? due->end : period_end(due, as_of);
    break;
  case RG_DUE_DATED: /* the milestone first, while it is ahead */
    w = due->milestone && as_of <= due->milestone ? due->milestone : due->end;
    break;
  }
  if (due->kind == RG_DUE_DATED || due->kind == RG_DUE_RECURRING)
    l = as_of > w ? RG_LIGHT_OVERDUE : w - as_of <= soon_days ? RG_LIGHT_SOON : RG_LIGHT_NOT_DUE;
  if (!due->start && !due->end) w = 0, l = RG_LIGHT_NONE; /* no year: no interval */
  if (when) *when = w;
  return l;
}

const char *rg_light_name(rg_light l) {
  static const char *const n[] = {NULL, "overdue", "due-soon", "not-due", "ongoing"};
  return (unsigned)l < 5 ? n[l] : NULL;
}

const char *rg_light_label(rg_light l) {
  static const char *const n[] = {NULL, "逾期", "临近", "未到期", "持续推进"};
  return (unsigned)l < 5 ? n[l] : NULL;
}
