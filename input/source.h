/* source.h - bytes from a file or stdin, and the lines of decoded text.
 *
 * A plan is read whole into memory (rg_source), decoded to UTF-8 by the
 * format readers, and handed to the text parser as an array of rg_line that
 * keep the line number of the source file (for HTML, the line in the HTML
 * file), so every diagnostic points to the file the user has. */
#ifndef RG_SOURCE_H
#define RG_SOURCE_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"

typedef struct rg_source {
  const char *path; /* as given; "-" means stdin (borrowed) */
  char *data;       /* the bytes, NUL-terminated (owned) */
  size_t len;
  size_t map_len; /* > 0: data is a private mapping of the file, this long
                     (rg_source_unmap); 0: data is malloc'd */
} rg_source;

/* Read a whole file ("-" = stdin). On failure err says why; src is empty. */
rg_status rg_source_read(rg_source *src, const char *path, rg_error *err);
void rg_source_destroy(rg_source *src);
/* Release bytes that rg_source_read gave: munmap when map_len > 0, else
 * free. For a buffer taken from an rg_source (rg_decode_take). */
void rg_source_release(char *data, size_t map_len);

/* 16 bytes: a big plan has millions of lines, and the array of them is
 * written before anything else can start (an input is at most 512 MB, so
 * neither field can overflow; rg_lines_push cuts a longer line). */
typedef struct rg_line {
  const char *text; /* UTF-8, not NUL-terminated inside a buffer: use len */
  uint32_t len;
  int32_t lineno; /* 1-based line number in the source file */
} rg_line;

typedef struct rg_lines {
  rg_line *v;
  int n;
  size_t cap;
  char *owned; /* optional buffer the lines point into, freed by destroy */
  /* every line points into one buffer, in order, with only line ends
   * between them (rg_lines_split into empty lines: empty lines left out,
   * numbered as in the text); rg_lines_push clears it. A reader may then
   * scan a run of lines as one span. */
  int one_buffer;
  /* with one_buffer: the buffer is valid UTF-8, as its caller checked
   * (decoded text); 0: not known. rg_lines_push clears it. */
  int utf8;
} rg_lines;

void rg_lines_push(rg_lines *ls, const char *text, size_t len, long lineno);
/* Split UTF-8 text at \n, \r\n and \r; line numbers start at 1. O(len).
 * Empty lines are left out (a plan's text is often half of them, and every
 * line kept costs the readers a step); their numbers are not reused, so
 * the distance between two lines is the difference of their numbers. */
void rg_lines_split(rg_lines *ls, const char *text, size_t len);
void rg_lines_destroy(rg_lines *ls);

#endif
