/* unavail.h - which unit cannot meet in which slot: model data shared by the
 * --unavailable reader (input/unavailable.h fills it) and the meeting
 * scheduler (analyzer/meetings.h reads it). Plain structs, no functions. */
#ifndef RG_UNAVAIL_H
#define RG_UNAVAIL_H

#include <stddef.h>

typedef struct rg_unavail {
  int unit; /* plan unit index */
  int slot; /* 1-based */
} rg_unavail;

typedef struct rg_unavail_list {
  rg_unavail *items; /* sorted by (unit, slot), no duplicates */
  int n;
  size_t cap;
} rg_unavail_list;

#endif
