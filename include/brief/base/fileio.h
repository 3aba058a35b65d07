/* fileio: rewriting a file that other people and processes share.  A
 * writer takes the lock beside the file (file_lock), reads, writes the new
 * contents atomically (file_write_atomic) and lets go (file_unlock).
 *
 * The rules, the same for every file brief writes:
 * - a symbolic link is followed: the file it names is rewritten and the
 *   link stays; a dangling link (or a loop) is refused;
 * - an existing file keeps its group and mode (and its owner when root
 *   writes it); a new file gets the umask's mode and the group the system
 *   gives it (a setgid directory's);
 * - a read-only file, a directory or anything but a regular file is
 *   refused before anything is created;
 * - the lock file is as accessible as the file it guards, so that every
 *   member of a group that shares the file can take it;
 * - temporary files are named ".NAME.tmp.PID.XXXXXX"; those of writers
 *   that died (kill -9) are removed by the next writer, under the lock.
 * No curses, no printing; errors are "FILE: reason" in struct err. */
#ifndef BRIEF_FILEIO_H
#define BRIEF_FILEIO_H

#include <stddef.h>

#include "brief/base/util.h"

/* A held lock on a file about to be rewritten. */
struct file_lock;

/* Prepare to rewrite path: follow its links, refuse what may not be
 * written (see above), create its missing directories (mode 0700), then
 * open PATH.lock beside the real file and wait for it.  Removes the
 * temporary files of dead writers.  NULL and e when refused or failed;
 * then no lock file was created for a refused path.  Release with
 * file_unlock. */
struct file_lock *file_lock(const char *path, struct err *e);
/* The real file the lock guards (links followed); valid until
 * file_unlock. */
const char *file_lock_target(const struct file_lock *lk);
/* Let go of the lock and free lk (NULL does nothing). */
void file_unlock(struct file_lock *lk);

/* Write bytes to path atomically: a temporary file in the same directory
 * with the old file's group and mode, fsync, rename over the file,
 * fsync of the directory.  Follows links and refuses as described
 * above.  0, or -1 and e; the old file is then untouched. */
int file_write_atomic(const char *path, const char *data, size_t len,
		      struct err *e);

/* mkdir -p dir, each new directory 0700.  0, or -1 when one could not
 * be made. */
int file_make_dirs(const char *dir);

#endif
