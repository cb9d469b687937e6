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
  int year;   /* --year: the plan's year for deadlines without one; 0: from the plan */
} rg_load_opts;

/* Load the plan at path ("-" = stdin). On success *out owns a finalised plan
 * (free with rg_plan_free). On failure *out is NULL and err says why, with
 * file and line; the status is RG_EINPUT for bad input. */
rg_status rg_plan_load(const char *path, const rg_load_opts *opts, rg_plan **out, rg_error *err);

/* Parse already-decoded UTF-8 bytes (no BOM) as the given format into plan.
 * Used by rg_plan_load and by the fuzz harnesses. */
rg_status rg_plan_parse_buffer(rg_plan *plan, const char *utf8, size_t len, rg_input_format fmt,
                               const rg_load_opts *opts, rg_error *err);

/* Parse "auto", "text", "html" or "csv"; -1 if none. */
int rg_input_format_parse(const char *s);

#endif
