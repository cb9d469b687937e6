/* load.h - bytes to plan: read, decode, detect the format, parse, finalise.
 *
 * The only entry point the CLI needs from input/. */
#ifndef RG_LOAD_H
#define RG_LOAD_H

#include "plan.h"
#include "source.h"

typedef enum {
  RG_INPUT_AUTO = 0, /* detect by content */
  RG_INPUT_TEXT = 1,
  RG_INPUT_HTML = 2,
  RG_INPUT_CSV = 3,
} rg_input_format;

typedef struct rg_load_opts {
  rg_input_format format;
  const char *columns;       /* --columns lead=...,support=... or NULL */
  const char *sheet;         /* --sheet NAME: the worksheet of an .xlsx plan, or NULL */
  const char *const *accept; /* --accept-unit names: units whatever they look like */
  int n_accept;
  int record; /* keep how every name was read (check --explain) */
  /* --level / --city: the level a plan is read at when it does not say its
   * own (rg_level_text), or NULL. A plan whose level stays unknown after
   * reading is read again at this one, so its bare department names take
   * the level's prefix (发展改革委 -> 市发展改革委) and meet the same unit of
   * another plan. */
  const char *level_text;
  int year; /* --year: the plan's year for deadlines without one; 0: from the plan */
  /* --threads: 1 reads on the caller's thread alone; otherwise a big
   * long-form CSV plan (csv_reader.c) and a big text plan (text_parser.c)
   * are read on two. The plan is the same either way. */
  int threads;
} rg_load_opts;

/* Load the plan at path ("-" = stdin). On success *out owns a finalised plan
 * (free with rg_plan_free). On failure *out is NULL and err says why, with
 * file and line; the status is RG_EINPUT for bad input. */
rg_status rg_plan_load(const char *path, const rg_load_opts *opts, rg_plan **out, rg_error *err);

/* Parse already-decoded UTF-8 bytes (no BOM) as the given format into plan.
 * Used by rg_plan_load and by the fuzz harnesses. */
rg_status rg_plan_parse_buffer(rg_plan *plan, const char *utf8, size_t len, rg_input_format fmt,
                               const rg_load_opts *opts, rg_error *err);

/* The text --level LEVEL (national, provincial, city, county, district) or
 * --city PLACE (沈阳, 沈阳市, 浑南区) stands for, as a document's issuer
 * would print it ("市人民政府", "沈阳市人民政府"): rg_load_opts.level_text.
 * NULL for an unknown level word. malloc'd. */
char *rg_level_text(const char *level, const char *city);

/* Parse "auto", "text", "html" or "csv"; -1 if none. */
int rg_input_format_parse(const char *s);

#endif
