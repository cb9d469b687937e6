/* load.c - bytes to plan: read, decode, detect the format, parse, finalise. */
#include "load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "container.h"
#include "conventions.h"
#include "convert.h"
#include "csv_reader.h"
#include "deadline.h"
#include "decode.h"
#include "detect.h"
#include "html.h"
#include "reading.h"
#include "strutil.h"
#include "text_parser.h"
#include "unitlist.h"

int rg_input_format_parse(const char *s) {
  if (!strcmp(s, "auto")) return RG_INPUT_AUTO;
  if (!strcmp(s, "text")) return RG_INPUT_TEXT;
  if (!strcmp(s, "html")) return RG_INPUT_HTML;
  if (!strcmp(s, "csv")) return RG_INPUT_CSV;
  return -1;
}

/* Is there a task in plan whose text is text (the table repeating a
 * paragraph, or the other way round)? */
static int has_task_text(const rg_plan *plan, const char *text) {
  for (int t = 0; t < plan->n_tasks; t++)
    if (!strcmp(plan->tasks[t].text, text)) return 1;
  return 0;
}

/* Copy task t of side, with its units and links, into plan. */
static void copy_task(rg_plan *plan, const rg_plan *side, int t) {
  const rg_task *k = &side->tasks[t];
  int nt = rg_plan_add_task(plan, k->printed ? k->printed : k->number, k->text, -1, -1, k->line);
  rg_task *d = &plan->tasks[nt];
  if (k->deadline) d->deadline = rg_plan_strdup(plan, k->deadline);
  d->open_list = k->open_list;
  /* the task's links, newest first: link them oldest first */
  int n = 0;
  for (int l = k->head_; l >= 0; l = side->links[l].next_)
    n++;
  int *order = rg_xcalloc((size_t)n + 1, sizeof *order);
  int i = n;
  for (int l = k->head_; l >= 0; l = side->links[l].next_)
    order[--i] = l;
  for (i = 0; i < n; i++) {
    const rg_link *l = &side->links[order[i]];
    const rg_unit *u = &side->units[l->unit];
    int nu = rg_plan_intern_unit(plan, u->name, u->kind, u->first_line);
    for (int a = 0; a < u->n_aliases; a++)
      rg_plan_add_alias(plan, nu, u->aliases[a]);
    rg_plan_link(plan, nt, nu, l->role, l->line);
  }
  free(order);
}

/* Numbered paragraphs beside a page's task tables (issue 19, defect 3) are
 * read as a plan of their own, at the page's level: a paragraph task that
 * names units is a task of the page as well (unless a table row has its
 * text); one that names none (1.请于3月底前报送进展) is a notice, and said to
 * be one. The paragraphs' own [unread-item] and [invisible-char] warnings
 * are kept. */
static void paragraph_tasks(rg_plan *plan, const rg_lines *lines) {
  rg_plan *side = rg_plan_new(plan->path);
  rg_reading *rs = rg_reading_of(side), *r = rg_reading_of(plan);
  rs->level = r->level;
  memcpy(rs->prefix, r->prefix, sizeof rs->prefix);
  for (int i = 0; i < r->n_accept; i++)
    rg_reading_accept(side, r->accept[i]);
  rg_error ignored;
  if (rg_text_parse(side, lines, &ignored) == RG_OK) {
    for (int t = 0; t < side->n_tasks; t++) {
      const rg_task *k = &side->tasks[t];
      if (k->head_ < 0)
        rg_plan_diag(plan, RG_SEV_WARNING, k->line, "unread-item",
                     "numbered paragraph %s beside the task table names no unit: read as a "
                     "notice, not a task",
                     k->printed ? k->printed : k->number);
      else if (!has_task_text(plan, k->text))
        copy_task(plan, side, t);
    }
  }
  for (int i = 0; i < side->n_diags; i++)
    if (!strcmp(side->diags[i].code, "unread-item") ||
        !strcmp(side->diags[i].code, "invisible-char"))
      rg_plan_diag(plan, RG_SEV_WARNING, side->diags[i].line, "unread-item", "%s",
                   side->diags[i].message);
  rg_plan_free(side);
}

/* HTML: task tables go to the row reader; without one, the page's lines go to
 * the text parser. */
static rg_status parse_html(rg_plan *plan, const char *utf8, size_t len, const rg_load_opts *opts,
                            rg_error *err) {
  rg_html_doc doc;
  rg_status st = rg_html_read(plan->path, utf8, len, opts ? opts->columns : NULL, &doc, err);
  if (st) return st;
  rg_reading *rd = rg_reading_of(plan);
  if (doc.n_tables == 0) {
    rd->format = "HTML";
    rg_reading_set_level(plan, doc.title, 0);
    st = rg_text_parse(plan, &doc.lines, err);
    if (st && plan->n_tasks == 0 && doc.seen_header)
      /* a table whose header was not understood, and no numbered text */
      st = rg_error_set(err, RG_EINPUT, plan->path, doc.seen_header_line, 0,
                        "no task table and no numbered tasks: the page's table has the header "
                        "%s, which names no task and unit columns; name them with --columns "
                        "task=NAME,lead=NAME,support=NAME",
                        doc.seen_header);
  } else {
    rd->format = rg_plan_printf(plan, "HTML with %d task table%s", doc.n_tables,
                                doc.n_tables > 1 ? "s" : "");
    rg_conv_around_tables(plan, doc.title, &doc.lines);
  }
  for (int i = 0; i < doc.n_tables && !st; i++)
    st = rg_rows_parse(plan, doc.tables[i].rows, doc.tables[i].n, opts, err);
  if (!st && doc.n_tables) paragraph_tasks(plan, &doc.lines);
  if (!st && !plan->meta.title && doc.title) plan->meta.title = rg_plan_strdup(plan, doc.title);
  rg_html_doc_destroy(&doc);
  return st;
}

/* Traditional input was converted before parsing: put the printed text of
 * each task back into task->original, matching lines of the same layout. */
static void restore_originals(rg_plan *plan, const char *orig, size_t olen, const char *conv,
                              size_t clen, rg_input_format fmt) {
  if (fmt == RG_INPUT_HTML) {
    rg_html_doc a, b;
    rg_error ignored;
    if (rg_html_read_blocks(plan->path, orig, olen, &a, &ignored) == RG_OK) {
      if (rg_html_read_blocks(plan->path, conv, clen, &b, &ignored) == RG_OK) {
        rg_convert_restore_originals(plan, &a.lines, &b.lines);
        rg_html_doc_destroy(&b);
      }
      rg_html_doc_destroy(&a);
    }
    return;
  }
  rg_lines a = {0}, b = {0};
  rg_lines_split(&a, orig, olen);
  rg_lines_split(&b, conv, clen);
  rg_convert_restore_originals(plan, &a, &b);
  rg_lines_destroy(&a);
  rg_lines_destroy(&b);
}

/* What the options put in the reading before parsing: the names let in
 * (--accept-unit, a roster), whether to record each name (--explain) and
 * whether to read on one thread (--threads 1). */
static rg_reading *reading_opts(rg_plan *plan, const rg_load_opts *opts) {
  rg_reading *rd = rg_reading_of(plan);
  if (opts)
    for (int i = 0; i < opts->n_accept; i++)
      rg_reading_accept(plan, opts->accept[i]);
  if (opts && opts->record) rd->record = 1;
  if (opts && opts->threads == 1) rd->one_thread = 1;
  return rd;
}

/* rg_plan_parse_buffer; checked: the text is known to be valid UTF-8 (the
 * decoder's output), so no reader checks it again. */
static rg_status parse_buffer(rg_plan *plan, const char *utf8, size_t len, rg_input_format fmt,
                              const rg_load_opts *opts, int checked, rg_error *err) {
  rg_lines lines = {0};
  rg_status st;
  if (fmt == RG_INPUT_AUTO) fmt = rg_detect_format(utf8, len);
  rg_reading *rd = reading_opts(plan, opts);
  switch (fmt) {
  case RG_INPUT_HTML:
    st = parse_html(plan, utf8, len, opts, err);
    break;
  case RG_INPUT_CSV:
    rd->format = "CSV";
    st = rg_csv_parse(plan, utf8, len, opts, err);
    break;
  default:
    rd->format = "text";
    rg_lines_split(&lines, utf8, len);
    lines.utf8 = checked;
    st = rg_text_parse(plan, &lines, err);
    break;
  }
  rg_lines_destroy(&lines);
  if (!st) rg_conv_all_responsible(plan);
  return st;
}

rg_status rg_plan_parse_buffer(rg_plan *plan, const char *utf8, size_t len, rg_input_format fmt,
                               const rg_load_opts *opts, rg_error *err) {
  return parse_buffer(plan, utf8, len, fmt, opts, 0, err);
}

char *rg_level_text(const char *level, const char *city) {
  static const char *const WORDS[][2] = {{"national", "国务院"},
                                         {"provincial", "省人民政府"},
                                         {"city", "市人民政府"},
                                         {"county", "县人民政府"},
                                         {"district", "区人民政府"}};
  if (city) {
    size_t n = strlen(city);
    char *s = rg_xmalloc(n + 16);
    snprintf(s, n + 16, "%s%s", city, ends(city, "政府") ? "" : "人民政府");
    return s;
  }
  for (size_t i = 0; level && i < sizeof WORDS / sizeof WORDS[0]; i++)
    if (!strcmp(level, WORDS[i][0])) return rg_xstrdup(WORDS[i][1]);
  return NULL;
}

/* Parse the source again at the level of --level / --city when the plan did
 * not say its own: the reading records where the level came from. */
static rg_status level_again(rg_plan *plan, const char *text, size_t tlen, rg_input_format fmt,
                             int container, const rg_load_opts *opts, rg_error *err) {
  if (!opts->level_text || rg_reading_of(plan)->level != RG_LEVEL_UNKNOWN) return RG_OK;
  rg_plan_reset(plan);
  if (rg_reading_set_level(plan, opts->level_text, 0) == RG_LEVEL_UNKNOWN) return RG_OK;
  rg_reading_of(plan)->level_from =
      rg_plan_printf(plan, "--level/--city (%s): the plan does not say", opts->level_text);
  if (container) {
    reading_opts(plan, opts);
    return rg_container_parse(plan, text, tlen, opts, err);
  }
  return parse_buffer(plan, text, tlen, fmt, opts, 1, err); /* (decoded: UTF-8) */
}

rg_status rg_plan_load(const char *path, const rg_load_opts *opts, rg_plan **out, rg_error *err) {
  static const rg_load_opts defaults = {0};
  if (!opts) opts = &defaults;
  *out = NULL;
  rg_source src;
  rg_status st = rg_source_read(&src, path, err);
  if (st) return st;
  rg_plan *plan = rg_plan_new(path);
  rg_decoded dec = {0};
  char *conv = NULL;
  size_t clen = 0;
  if (src.len == 0) {
    st = rg_error_set(err, RG_EINPUT, path, 0, 0, "the file is empty");
    goto out;
  }
  if (rg_container_detect(src.data, src.len) != RG_CONTAINER_NONE) {
    /* Word, Excel, PDF: by content, whatever --input-format says */
    reading_opts(plan, opts);
    st = rg_container_parse(plan, src.data, src.len, opts, err);
    if (!st) st = level_again(plan, src.data, src.len, RG_INPUT_AUTO, 1, opts, err);
    if (st) goto out;
    goto finish;
  }
  st = rg_decode_take(path, &src.data, &src.map_len, src.len, opts->threads, &dec,
                      err); /* UTF-8: no copy */
  if (st) goto out;
  rg_source_destroy(&src); /* the decoded copy is all that is read from here on:
                              a 100 MB plan no longer holds its bytes twice */
  const char *text = dec.text;
  size_t tlen = dec.len;
  if (rg_convert_is_traditional(text, tlen)) {
    st = rg_convert_t2s(path, text, tlen, &conv, &clen, err);
    if (st) goto out;
    text = conv;
    tlen = clen;
  }
  rg_input_format fmt = opts->format ? opts->format : rg_detect_format(text, tlen);
  st = parse_buffer(plan, text, tlen, fmt, opts, 1, err); /* (decoded: UTF-8) */
  if (!st) st = level_again(plan, text, tlen, fmt, 0, opts, err);
  if (st) goto out;
  rg_reading_of(plan)->encoding =
      rg_plan_printf(plan, "%s%s%s%s", dec.encoding,
                     !strcmp(dec.how, "meta")        ? " (declared by <meta>)"
                     : !strcmp(dec.how, "bom")       ? " (byte-order mark)"
                     : strcmp(dec.encoding, "UTF-8") ? " (detected)"
                                                     : "",
                     conv ? ", traditional script converted to simplified" : "",
                     dec.n_replaced ? ", with undecodable bytes replaced" : "");
  if (strcmp(dec.encoding, "UTF-8") != 0 || dec.n_replaced)
    rg_plan_diag(plan, RG_SEV_NOTE, 0, "encoding", "decoded as %s (%s)", dec.encoding,
                 !strcmp(dec.how, "meta")  ? "declared by <meta>"
                 : !strcmp(dec.how, "bom") ? "byte-order mark"
                                           : "detected");
  if (dec.n_replaced)
    rg_plan_diag(plan, RG_SEV_WARNING, dec.first_replaced_line, "bad-bytes",
                 "%zu byte sequence(s) not valid %s replaced by U+FFFD (first at byte offset %zu)",
                 dec.n_replaced, dec.encoding, dec.first_replaced);
  if (conv) {
    rg_plan_diag(plan, RG_SEV_NOTE, 0, "traditional",
                 "traditional script converted to simplified (OpenCC t2s)");
    restore_originals(plan, dec.text, dec.len, conv, clen, fmt);
  }
  /* the text is read: free it before the plan is finished (finalize and
   * check sort and index the whole plan: the peak of a big reading) */
  free(conv);
  conv = NULL;
  rg_decoded_destroy(&dec);
finish:
  rg_conv_all_responsible(plan); /* Word, Excel, PDF: parse_buffer did the others */
  rg_plan_finalize_threads(plan, opts->threads);
  rg_plan_read_deadlines_threads(plan, opts->year, opts->threads);
  rg_plan_check(plan);
  *out = plan;
  plan = NULL;
out:
  rg_plan_free(plan);
  free(conv);
  rg_decoded_destroy(&dec);
  rg_source_destroy(&src);
  return st;
}
