/* outfile.h - every file respgraph writes is written whole or not at all.
 *
 * An output is written to a temporary file in the folder of its final name
 * (".NAME.PID.N.tmp", created with O_EXCL | O_NOFOLLOW, so nothing planted
 * there is followed), flushed (fflush, then fsync) and renamed over the final
 * name only when it is complete. On any failure - a full disk, a write error,
 * the caller's own error - the temporary file is removed and the file that
 * was there before stays as it was: a final name never holds a truncated
 * file.
 *
 * Names are either a path (the command line's -o, --ics, diagram -o) or a
 * name inside a folder opened by the caller (the report, rg_outfile_open_at),
 * which may refuse symbolic links (RG_OUT_NOFOLLOW): a final name that is a
 * link, or anything but a regular file, is an error naming it, so the report
 * never writes through a link to a file outside its folder.
 *
 * A path that names something other than a regular file or a link (/dev/null,
 * /dev/stdout, a FIFO) is written to directly: there is nothing to replace.
 * A path that is a link to a regular file is replaced in the link's target
 * folder, so the link stays (the command line follows what the user named).
 *
 * Several files can be made durable together (an rg_outbatch, the report's
 * eighty files): commit then writes and closes the file as usual, reporting
 * any write error at once, but its fsync and rename wait for
 * rg_outbatch_finish, which fsyncs every file of the batch at the same time
 * (from several threads, so the file system commits its journal once for
 * many files instead of once a file) and then renames them into place in the
 * order they were committed. The rule stays: a final name only ever gets a
 * complete, synced file.
 *
 * Errors are RG_ESYS with the path and the system's reason. */
#ifndef RG_OUTFILE_H
#define RG_OUTFILE_H

#include <stddef.h>
#include <stdio.h>

#include "error.h"

enum {
  RG_OUT_NOFOLLOW = 1 /* the final name must not be a link (or anything but a file) */
};

typedef struct rg_outbatch rg_outbatch;

typedef struct rg_outfile {
  FILE *f;            /* write here (NULL after rg_outfile_release, commit or abort) */
  int dirfd;          /* the folder of name and tmp (AT_FDCWD for a path) */
  char *name;         /* the final name, relative to dirfd */
  char *tmp;          /* the temporary name, relative to dirfd; NULL when written directly */
  char *shown;        /* the final path, for messages */
  char *tmp_path;     /* the temporary file's path, for a library that writes by name */
  rg_outbatch *batch; /* set by the caller after opening: commit defers fsync and rename to it */
} rg_outfile;

/* Open a temporary file for path. On error nothing is created. */
rg_status rg_outfile_open(rg_outfile *o, const char *path, rg_error *err);

/* Open a temporary file for name inside the folder dirfd, shown in messages
 * as dir_shown/name. flags: RG_OUT_NOFOLLOW. name has no '/'. */
rg_status rg_outfile_open_at(rg_outfile *o, int dirfd, const char *dir_shown, const char *name,
                             int flags, rg_error *err);

/* Close the stream without committing, for a library that writes the file
 * by name (o->tmp_path); commit or abort afterwards. */
void rg_outfile_release(rg_outfile *o);

/* Flush, fsync, close and rename into place. On any failure the temporary
 * file is removed, the old file stays, and RG_ESYS says why. Frees o.
 * With o->batch: flush and close now (a write error is reported now), then
 * the file waits in the batch; fsync and rename come with its finish. */
rg_status rg_outfile_commit(rg_outfile *o, rg_error *err);

/* Drop the temporary file; the old file stays. Frees o. Safe after a
 * failed open (does nothing). */
void rg_outfile_abort(rg_outfile *o);

/* The whole of data as path, or as name in dirfd (see above). */
rg_status rg_outfile_write(const char *path, const void *data, size_t len, rg_error *err);
rg_status rg_outfile_write_at(int dirfd, const char *dir_shown, const char *name, int flags,
                              const void *data, size_t len, rg_error *err);

/* An empty batch (see above). Files may be committed to it from several
 * threads; rg_outbatch_finish is called once, when they are done. */
rg_outbatch *rg_outbatch_new(void);
/* fsync every waiting file, all at once, then rename each into place in the
 * order of their commits. A file whose fsync or rename fails is an error
 * naming it: it and every later file of the batch are removed (their old
 * files stay), as if the writing had stopped there; the earlier ones are in
 * place. Frees b; NULL does nothing. */
rg_status rg_outbatch_finish(rg_outbatch *b, rg_error *err);
#endif
