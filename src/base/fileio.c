/* fileio: the lock beside a shared file, atomic replacement that keeps
 * the file's group and mode, and the temporary files of killed writers. */
#include "brief/base/fileio.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

struct file_lock {
	char *target;
	int fd;
};

/* The part of a file's name kept in its temporary files' names (a name
 * has at most 255 bytes; the rest is ".", ".tmp.", a pid, "." and six). */
#define TEMP_NAME_MAX 200
/* The random part of a temporary file's name. */
#define TEMP_RANDOM 6

static const char temp_chars[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	return xstrndup(path, slash == path ? 1 : (size_t)(slash - path));
}

static const char *base_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* How the temporary files of path begin: ".NAME.tmp." */
static char *temp_prefix(const char *path)
{
	const char *base = base_of(path);
	size_t n = strlen(base);

	return xasprintf(".%.*s.tmp.",
			 (int)(n > TEMP_NAME_MAX ? TEMP_NAME_MAX : n), base);
}

/* Whether name is one of path's temporary files (prefix from
 * temp_prefix); *pid gets the writer's process id. */
static int temp_name(const char *name, const char *prefix, pid_t *pid)
{
	size_t pl = strlen(prefix), i;
	long v = 0;
	const char *p;

	if (strncmp(name, prefix, pl) != 0)
		return 0;
	p = name + pl;
	for (i = 0; p[i] >= '0' && p[i] <= '9'; i++) {
		if (i == 9)
			return 0;
		v = v * 10 + (p[i] - '0');
	}
	if (i == 0 || p[i] != '.' || v == 0)
		return 0;
	p += i + 1;
	if (strlen(p) != TEMP_RANDOM || strspn(p, temp_chars) != TEMP_RANDOM)
		return 0;
	*pid = (pid_t)v;
	return 1;
}

/* Remove the temporary files of path whose writers have died.  Called
 * with the lock held: every writer writes its temporary file only under
 * the lock, so these are what kill -9 left.  A live process's file is
 * left alone all the same. */
static void remove_dead_temps(const char *path)
{
	char *dir = dir_of(path), *prefix = temp_prefix(path);
	DIR *d = opendir(dir);
	struct dirent *de;
	pid_t pid;

	while (d != NULL && (de = readdir(d)) != NULL) {
		if (!temp_name(de->d_name, prefix, &pid))
			continue;
		if (pid != getpid() && (kill(pid, 0) == 0 || errno != ESRCH))
			continue;
		unlinkat(dirfd(d), de->d_name, 0);
	}
	if (d != NULL)
		closedir(d);
	free(prefix);
	free(dir);
}

/* The file that path names, links followed: a fresh string, or NULL and
 * e.  A path that does not exist yet names itself. */
static char *real_target(const char *path, struct err *e)
{
	struct stat st;
	char *real;

	if (path[0] == '\0') {
		err_set(e, "empty file name");
		return NULL;
	}
	if (lstat(path, &st) != 0) {
		if (errno == ENOENT)
			return xstrdup(path);
		err_set(e, "%s: %s", path, strerror(errno));
		return NULL;
	}
	if (!S_ISLNK(st.st_mode))
		return xstrdup(path);
	real = realpath(path, NULL);
	if (real == NULL) {
		if (errno == ENOENT)
			err_set(e, "%s: dangling symbolic link (the file it "
				"names does not exist)", path);
		else
			err_set(e, "%s: %s", path, strerror(errno));
	}
	return real;
}

/* Whether the file at target may be replaced: 1 when it exists and may
 * (*st gets its status), 0 when it does not exist, -1 and e when it may
 * not be (a directory, a device, a read-only file). */
static int replaceable(const char *target, struct stat *st, struct err *e)
{
	if (stat(target, st) != 0) {
		if (errno == ENOENT)
			return 0;
		err_set(e, "%s: %s", target, strerror(errno));
		return -1;
	}
	if (S_ISDIR(st->st_mode)) {
		err_set(e, "%s: is a directory", target);
		return -1;
	}
	if (!S_ISREG(st->st_mode)) {
		err_set(e, "%s: not a regular file", target);
		return -1;
	}
	/* root may write anything: a file without write bits is read-only
	 * for root too */
	if ((st->st_mode & 0222) == 0 || access(target, W_OK) != 0) {
		err_set(e, "%s: read-only file", target);
		return -1;
	}
	return 1;
}

int file_make_dirs(const char *dir)
{
	char *p = xstrdup(dir), *s;
	int rc = 0;

	for (s = p + 1; *s; s++)
		if (*s == '/') {
			*s = '\0';
			if (mkdir(p, 0700) != 0 && errno != EEXIST)
				rc = -1;
			*s = '/';
		}
	if (mkdir(p, 0700) != 0 && errno != EEXIST)
		rc = -1;
	free(p);
	return rc;
}

/* Give fd the group (and for root the owner) of the file st describes.
 * Fails only when the group cannot be kept and the file's mode gives its
 * group other rights than everyone else. */
static int keep_owner(int fd, const struct stat *st)
{
	struct stat now;
	mode_t g = (st->st_mode >> 3) & 7, o = st->st_mode & 7;

	if (fstat(fd, &now) != 0)
		return -1;
	if (now.st_uid == st->st_uid && now.st_gid == st->st_gid)
		return 0;
	if (fchown(fd, st->st_uid, st->st_gid) == 0 ||
	    fchown(fd, (uid_t)-1, st->st_gid) == 0)
		return 0;
	return g == o ? 0 : -1;
}

/* Make a lock file as open as the file it guards (st): its group, its
 * read and write bits.  Only its owner (or root) may; an older brief made
 * them 0600.  0, or -1 when it could not be done. */
static int widen_lock(int fd, const struct stat *st)
{
	mode_t want = st->st_mode & 0666;
	struct stat now;
	int rc = 0;

	if (fstat(fd, &now) != 0)
		return -1;
	if (now.st_uid != geteuid() && geteuid() != 0)
		return -1;
	if (now.st_gid != st->st_gid && fchown(fd, (uid_t)-1, st->st_gid) != 0)
		rc = -1;
	if ((now.st_mode & 07777) != want && fchmod(fd, want) != 0)
		rc = -1;
	return rc;
}

/* Open the lock file of a file (st: the file's status, NULL for a file
 * not yet there), as accessible as that file; for a new file, what the
 * umask and the directory give.  A lock file another user made, that we
 * may only read, still locks (flock needs no write access). */
static int open_lock(const char *lock, const struct stat *st, struct err *e)
{
	int fd;

	fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC,
		  st ? st->st_mode & 0666 : 0666);
	if (fd < 0 && errno == EACCES)
		fd = open(lock, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		err_set(e, "%s: cannot open the lock: %s", lock,
			strerror(errno));
		return -1;
	}
	if (st != NULL)
		widen_lock(fd, st);
	return fd;
}

struct file_lock *file_lock(const char *path, struct err *e)
{
	struct file_lock *lk;
	struct stat st;
	char *target, *dir, *lock;
	int have, fd;

	target = real_target(path, e);
	if (target == NULL)
		return NULL;
	have = replaceable(target, &st, e);
	if (have < 0) {
		free(target);
		return NULL;
	}
	dir = dir_of(target);
	if (!have && access(dir, F_OK) != 0 && file_make_dirs(dir) != 0) {
		err_set(e, "%s: cannot create the directory: %s", dir,
			strerror(errno));
		free(dir);
		free(target);
		return NULL;
	}
	free(dir);
	lock = xasprintf("%s.lock", target);
	fd = open_lock(lock, have ? &st : NULL, e);
	while (fd >= 0 && flock(fd, LOCK_EX) != 0)
		if (errno != EINTR) {
			err_set(e, "%s: cannot lock: %s", lock,
				strerror(errno));
			close(fd);
			fd = -1;
		}
	free(lock);
	if (fd < 0) {
		free(target);
		return NULL;
	}
	remove_dead_temps(target);
	lk = xmalloc(sizeof *lk);
	lk->target = target;
	lk->fd = fd;
	return lk;
}

const char *file_lock_target(const struct file_lock *lk)
{
	return lk->target;
}

void file_unlock(struct file_lock *lk)
{
	if (lk == NULL)
		return;
	flock(lk->fd, LOCK_UN);
	close(lk->fd);
	free(lk->target);
	free(lk);
}

/* Create a new temporary file for path, named with our pid: the umask
 * (and a default ACL) give it its first mode, the directory its group.
 * The descriptor, *tmp its name; -1 and errno on failure. */
static int make_temp(const char *path, char **tmp)
{
	static unsigned counter;
	char *dir = dir_of(path), *prefix = temp_prefix(path);
	struct timespec ts;
	unsigned long r;
	int tries, fd = -1, i;

	*tmp = NULL;
	for (tries = 0; tries < 100 && fd < 0; tries++) {
		char rnd[TEMP_RANDOM + 1];

		clock_gettime(CLOCK_REALTIME, &ts);
		r = (unsigned long)ts.tv_nsec * 2654435761UL ^
		    (unsigned long)getpid() << 16 ^ ++counter * 40503UL;
		for (i = 0; i < TEMP_RANDOM; i++) {
			rnd[i] = temp_chars[r % (sizeof temp_chars - 1)];
			r /= sizeof temp_chars - 1;
		}
		rnd[TEMP_RANDOM] = '\0';
		free(*tmp);
		*tmp = xasprintf("%s/%s%ld.%s", dir, prefix, (long)getpid(),
				 rnd);
		fd = open(*tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
			  0666);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	free(prefix);
	free(dir);
	return fd;
}

/* Write all of data to fd, fsync and close it: 0, or -1 and errno. */
static int write_all(int fd, const char *data, size_t len)
{
	size_t off = 0;
	int err;

	while (off < len) {
		ssize_t w = write(fd, data + off, len - off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0) {
			err = errno;
			close(fd);
			errno = err;
			return -1;
		}
		off += (size_t)w;
	}
	if (fsync(fd) != 0) {
		err = errno;
		close(fd);
		errno = err;
		return -1;
	}
	return close(fd);
}

int file_write_atomic(const char *path, const char *data, size_t len,
		      struct err *e)
{
	char *target, *tmp = NULL, *dir;
	struct stat st;
	int have, fd, dfd, rc = -1;

	target = real_target(path, e);
	if (target == NULL)
		return -1;
	have = replaceable(target, &st, e);
	if (have < 0) {
		free(target);
		return -1;
	}
	dir = dir_of(target);
	fd = make_temp(target, &tmp);
	if (fd < 0) {
		err_set(e, "%s: cannot create a temporary file: %s", target,
			strerror(errno));
		goto out;
	}
	/* a shared file stays shared: its group and mode */
	if (have && (keep_owner(fd, &st) != 0 ||
		     fchmod(fd, st.st_mode & 07777) != 0)) {
		err_set(e, "%s: cannot keep its group (%ld) and mode (%04o): "
			"%s", target, (long)st.st_gid,
			(unsigned)(st.st_mode & 07777), strerror(errno));
		close(fd);
		unlink(tmp);
		goto out;
	}
	if (write_all(fd, data, len) != 0 || rename(tmp, target) != 0) {
		err_set(e, "%s: %s", target, strerror(errno));
		unlink(tmp);
		goto out;
	}
	dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
	rc = 0;
out:
	free(tmp);
	free(dir);
	free(target);
	return rc;
}
