/* load.c - bytes to plan: read, decode, detect the format, parse, finalise. */
#include "load.h"

#include <string.h>

#include "text_parser.h"

int rg_input_format_parse(const char *s) {
  if (!strcmp(s, "auto")) return RG_INPUT_AUTO;
  if (!strcmp(s, "text")) return RG_INPUT_TEXT;
  if (!strcmp(s, "html")) return RG_INPUT_HTML;
  if (!strcmp(s, "csv")) return RG_INPUT_CSV;
  return -1;
}

rg_status rg_plan_parse_buffer(rg_plan *plan, const char *utf8, size_t len, rg_input_format fmt,
                               const rg_load_opts *opts, rg_error *err) {
  (void)opts;
  rg_lines lines = {0};
  rg_status st;
  switch (fmt) {
  default:
    rg_lines_split(&lines, utf8, len);
    st = rg_text_parse(plan, &lines, err);
    break;
  }
  rg_lines_destroy(&lines);
  return st;
}

rg_status rg_plan_load(const char *path, const rg_load_opts *opts, rg_plan **out, rg_error *err) {
  static const rg_load_opts defaults = {0};
  if (!opts) opts = &defaults;
  *out = NULL;
  rg_source src;
  rg_status st = rg_source_read(&src, path, err);
  if (st) return st;
  rg_plan *plan = rg_plan_new(path);
  if (src.len == 0) {
    st = rg_error_set(err, RG_EINPUT, path, 0, 0, "the file is empty");
    goto out;
  }
  st = rg_plan_parse_buffer(plan, src.data, src.len, opts->format, opts, err);
  if (st) goto out;
  rg_plan_finalize(plan);
  rg_plan_check(plan);
  *out = plan;
  plan = NULL;
out:
  rg_plan_free(plan);
  rg_source_destroy(&src);
  return st;
}
