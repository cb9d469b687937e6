/* outfile.c - atomic output files: a temporary file, fsync, rename. */
#define _GNU_SOURCE /* O_CLOEXEC, O_NOFOLLOW, fstatat, renameat */
#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <threads.h>
#include <unistd.h>

static rg_status sys_error(rg_error *err, const char *path, const char *what, int e) {
  return rg_error_set(err, RG_ESYS, path, 0, 0, "%s: %s", what, strerror(e));
}

static char *join(const char *dir, const char *name) {
  size_t n = strlen(dir) + strlen(name) + 2;
  char *p = rg_xmalloc(n);
  snprintf(p, n, "%s/%s", dir, name);
  return p;
}

static void init(rg_outfile *o) {
  memset(o, 0, sizeof *o);
  o->dirfd = AT_FDCWD;
}

static void clear(rg_outfile *o) {
  free(o->name);
  free(o->tmp);
  free(o->shown);
  free(o->tmp_path);
  init(o);
}

/* Create the temporary file next to base (the last part of o->name) with
 * the mode of the file it replaces (else 0666 less the umask). */
static rg_status create_tmp(rg_outfile *o, const char *dir_prefix, const char *base, mode_t mode,
                            rg_error *err) {
  for (int k = 0; k < 1000; k++) {
    size_t n = strlen(dir_prefix) + strlen(base) + 48;
    char *tmp = rg_xmalloc(n);
    snprintf(tmp, n, "%s.%s.%ld.%d.tmp", dir_prefix, base, (long)getpid(), k);
    int fd = openat(o->dirfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
    if (fd < 0 && errno == EEXIST) {
      free(tmp);
      continue;
    }
    if (fd < 0) {
      int e = errno;
      free(tmp);
      return sys_error(err, o->shown, "cannot write", e);
    }
    if (mode != 0666) (void)fchmod(fd, mode); /* the replaced file's mode, umask aside */
    o->f = fdopen(fd, "wb");
    if (!o->f) {
      int e = errno;
      close(fd);
      unlinkat(o->dirfd, tmp, 0);
      free(tmp);
      return sys_error(err, o->shown, "cannot write", e);
    }
    o->tmp = tmp;
    return RG_OK;
  }
  return rg_error_set(err, RG_ESYS, o->shown, 0, 0, "cannot create a temporary file");
}

rg_status rg_outfile_open_at(rg_outfile *o, int dirfd, const char *dir_shown, const char *name,
                             int flags, rg_error *err) {
  init(o);
  o->dirfd = dirfd;
  o->name = rg_xstrdup(name);
  o->shown = dir_shown ? join(dir_shown, name) : rg_xstrdup(name);
  struct stat st;
  mode_t mode = 0666;
  if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0) {
    if ((flags & RG_OUT_NOFOLLOW) && !S_ISREG(st.st_mode)) {
      rg_status s = rg_error_set(err, RG_ESYS, o->shown, 0, 0,
                                 S_ISLNK(st.st_mode)
                                     ? "is a symbolic link; respgraph does not write through links"
                                     : "is not a regular file; respgraph does not replace it");
      clear(o);
      return s;
    }
    if (S_ISREG(st.st_mode)) mode = st.st_mode & 07777;
  }
  rg_status s = create_tmp(o, "", name, mode, err);
  if (s == RG_OK && dir_shown) o->tmp_path = join(dir_shown, o->tmp);
  if (s == RG_OK && !dir_shown) o->tmp_path = rg_xstrdup(o->tmp);
  if (s) clear(o);
  return s;
}

/* Split path into its folder prefix ("dir/" or "") and its last part. */
static void split(const char *path, char **prefix, const char **base) {
  const char *slash = strrchr(path, '/');
  *base = slash ? slash + 1 : path;
  size_t n = slash ? (size_t)(slash - path) + 1 : 0;
  *prefix = rg_xmalloc(n + 1);
  memcpy(*prefix, path, n);
  (*prefix)[n] = '\0';
}

rg_status rg_outfile_open(rg_outfile *o, const char *path, rg_error *err) {
  init(o);
  struct stat st;
  char *real = NULL;
  if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
    /* /dev/null, /dev/stdout, a FIFO: nothing to replace, write to it */
    o->f = fopen(path, "wb");
    if (!o->f) return sys_error(err, path, "cannot write", errno);
    o->name = rg_xstrdup(path);
    o->shown = rg_xstrdup(path);
    return RG_OK;
  }
  struct stat lst;
  if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode)) real = realpath(path, NULL);
  const char *target = real ? real : path;
  char *prefix;
  const char *base;
  split(target, &prefix, &base);
  if (!*base) {
    free(prefix);
    free(real);
    return rg_error_set(err, RG_ESYS, path, 0, 0, "cannot write: not a file name");
  }
  o->name = rg_xstrdup(target);
  o->shown = rg_xstrdup(path);
  mode_t mode = stat(target, &st) == 0 ? st.st_mode & 07777 : 0666;
  rg_status s = create_tmp(o, prefix, base, mode, err);
  if (s == RG_OK) o->tmp_path = rg_xstrdup(o->tmp);
  free(prefix);
  free(real);
  if (s) clear(o);
  return s;
}

void rg_outfile_release(rg_outfile *o) {
  if (o->f) fclose(o->f);
  o->f = NULL;
}

void rg_outfile_abort(rg_outfile *o) {
  if (o->f) fclose(o->f);
  o->f = NULL;
  if (o->tmp) unlinkat(o->dirfd, o->tmp, 0);
  clear(o);
}

/* fsync a file written by a library by name. */
static int sync_by_name(const rg_outfile *o) {
  int fd = openat(o->dirfd, o->tmp, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return -1;
  int rc = fsync(fd);
  int e = errno;
  close(fd);
  errno = e;
  return rc;
}

static rg_status defer(rg_outfile *o, rg_error *err);

rg_status rg_outfile_commit(rg_outfile *o, rg_error *err) {
  if (o->batch && o->tmp) return defer(o, err);
  int bad = 0, e = 0;
  if (o->f) {
    bad = fflush(o->f) != 0 || ferror(o->f);
    if (bad) e = errno;
    if (!bad && o->tmp && fsync(fileno(o->f)) != 0) bad = 1, e = errno;
    if (fclose(o->f) != 0 && !bad) bad = 1, e = errno;
    o->f = NULL;
  } else if (o->tmp && sync_by_name(o) != 0) {
    bad = 1, e = errno;
  }
  if (!bad && o->tmp && renameat(o->dirfd, o->tmp, o->dirfd, o->name) != 0) bad = 1, e = errno;
  if (!bad) {
    free(o->tmp);
    o->tmp = NULL; /* in place: nothing to remove */
    clear(o);
    return RG_OK;
  }
  rg_status s = sys_error(err, o->shown, "cannot write", e ? e : EIO);
  rg_outfile_abort(o);
  return s;
}

static rg_status write_all(rg_outfile *o, const void *data, size_t len, rg_error *err) {
  if (len && fwrite(data, 1, len, o->f) != len) {
    rg_status s = sys_error(err, o->shown, "cannot write", errno ? errno : EIO);
    rg_outfile_abort(o);
    return s;
  }
  return rg_outfile_commit(o, err);
}

rg_status rg_outfile_write(const char *path, const void *data, size_t len, rg_error *err) {
  rg_outfile o;
  rg_status s = rg_outfile_open(&o, path, err);
  return s ? s : write_all(&o, data, len, err);
}

rg_status rg_outfile_write_at(int dirfd, const char *dir_shown, const char *name, int flags,
                              const void *data, size_t len, rg_error *err) {
  rg_outfile o;
  rg_status s = rg_outfile_open_at(&o, dirfd, dir_shown, name, flags, err);
  return s ? s : write_all(&o, data, len, err);
}

/* ---- batches ------------------------------------------------------------- */

/* One file waiting for its fsync and rename. */
typedef struct waiting {
  int dirfd, fd;
  char *tmp, *name, *shown;
  int err; /* errno of its fsync or close, 0 when synced */
} waiting;

struct rg_outbatch {
  mtx_t lock; /* files may be committed from several threads */
  waiting *w;
  size_t n, cap;
  atomic_size_t next; /* the next file a syncing thread takes */
};

/* fsyncs at once: enough for the file system to fold them into a few
 * journal commits; they wait on the disk, not on a core. */
#define SYNC_THREADS 8

rg_outbatch *rg_outbatch_new(void) {
  rg_outbatch *b = rg_xcalloc(1, sizeof(rg_outbatch));
  if (mtx_init(&b->lock, mtx_plain) != thrd_success) abort();
  return b;
}

/* Flush and close o now; its fsync and rename wait in o->batch. The batch
 * keeps a descriptor of the file as written (a descriptor opened later might
 * not hear of a write-back error that came before it); a file a library
 * wrote by name is opened again, as sync_by_name does. */
static rg_status defer(rg_outfile *o, rg_error *err) {
  int bad = 0, e = 0, fd = -1;
  if (o->f) {
    bad = fflush(o->f) != 0 || ferror(o->f);
    if (bad) e = errno;
    if (!bad && (fd = fcntl(fileno(o->f), F_DUPFD_CLOEXEC, 0)) < 0) bad = 1, e = errno;
    if (fclose(o->f) != 0 && !bad) bad = 1, e = errno;
    o->f = NULL;
  } else if ((fd = openat(o->dirfd, o->tmp, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) < 0) {
    bad = 1, e = errno;
  }
  if (bad) {
    if (fd >= 0) close(fd);
    rg_status s = sys_error(err, o->shown, "cannot write", e ? e : EIO);
    rg_outfile_abort(o);
    return s;
  }
  rg_outbatch *b = o->batch;
  mtx_lock(&b->lock);
  RG_GROW(b->w, b->cap, b->n + 1);
  b->w[b->n++] =
      (waiting){.dirfd = o->dirfd, .fd = fd, .tmp = o->tmp, .name = o->name, .shown = o->shown};
  mtx_unlock(&b->lock);
  o->tmp = o->name = o->shown = NULL; /* the batch owns them now */
  clear(o);
  return RG_OK;
}

static int sync_some(void *arg) {
  rg_outbatch *b = arg;
  for (size_t i; (i = atomic_fetch_add(&b->next, 1)) < b->n;) {
    waiting *w = &b->w[i];
    if (fsync(w->fd) != 0) w->err = errno ? errno : EIO;
    if (close(w->fd) != 0 && !w->err) w->err = errno ? errno : EIO;
    w->fd = -1;
  }
  return 0;
}

/* fsync every file of b, SYNC_THREADS at a time (the calling thread among
 * them; a thread that cannot be started leaves its share to the others). */
static void sync_all(rg_outbatch *b) {
  thrd_t t[SYNC_THREADS - 1];
  int started[SYNC_THREADS - 1] = {0};
  size_t extra = b->n < SYNC_THREADS ? (b->n ? b->n - 1 : 0) : SYNC_THREADS - 1;
  atomic_store(&b->next, 0);
  for (size_t k = 0; k < extra; k++)
    started[k] = thrd_create(&t[k], sync_some, b) == thrd_success;
  sync_some(b);
  for (size_t k = 0; k < extra; k++)
    if (started[k]) thrd_join(t[k], NULL);
}

rg_status rg_outbatch_finish(rg_outbatch *b, rg_error *err) {
  if (!b) return RG_OK;
  sync_all(b);
  rg_status st = RG_OK;
  for (size_t i = 0; i < b->n; i++) {
    waiting *w = &b->w[i];
    if (st == RG_OK && !w->err && renameat(w->dirfd, w->tmp, w->dirfd, w->name) != 0)
      w->err = errno;
    if (st == RG_OK && w->err) st = sys_error(err, w->shown, "cannot write", w->err);
    if (st) unlinkat(w->dirfd, w->tmp, 0); /* this file and every later one */
    free(w->tmp);
    free(w->name);
    free(w->shown);
  }
  free(b->w);
  mtx_destroy(&b->lock);
  free(b);
  return st;
}
