/* fileio: atomic writes that keep a shared file's group and mode, refuse
 * read-only files and dangling links, follow links; the lock as open as
 * the file; the temporary files of dead writers removed under the lock. */
#include "testlib.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "brief/base/fileio.h"

static char *dir;

static int setup(void **state)
{
	(void)state;
	dir = temp_dir_new("fileio");
	return dir ? 0 : -1;
}

static int teardown(void **state)
{
	int rc = temp_dir_remove(dir);

	(void)state;
	free(dir);
	return rc;
}

static char *path_of(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

static void spit(const char *p, const char *s)
{
	FILE *f = fopen(p, "wb");

	assert_non_null(f);
	assert_int_equal(fputs(s, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
}

/* The file holds exactly s. */
static void assert_holds(const char *p, const char *s)
{
	struct err e = {{0}};
	size_t n;
	char *d = file_read(p, &n, &e);

	if (d == NULL)
		fail_msg("%s", e.text);
	assert_int_equal(n, strlen(s));
	assert_memory_equal(d, s, n);
	free(d);
}

static mode_t mode_of(const char *p)
{
	struct stat st;

	assert_int_equal(stat(p, &st), 0);
	return st.st_mode & 07777;
}

/* Names in the test directory that start with prefix. */
static size_t count_names(const char *prefix)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	size_t n = 0;

	assert_non_null(d);
	while ((de = readdir(d)))
		if (strncmp(de->d_name, prefix, strlen(prefix)) == 0)
			n++;
	closedir(d);
	return n;
}

/* The id of a process that has ended (and been reaped). */
static pid_t dead_pid(void)
{
	pid_t pid = fork();
	int status;

	assert_true(pid >= 0);
	if (pid == 0)
		_exit(0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return pid;
}

static void test_new_file_gets_umask(void **state)
{
	char *p = path_of("new.yaml");
	struct err e = {{0}};
	mode_t old = umask(027);

	(void)state;
	assert_int_equal(file_write_atomic(p, "one\n", 4, &e), 0);
	umask(old);
	assert_holds(p, "one\n");
	assert_int_equal(mode_of(p), 0640);
	assert_int_equal(count_names(".new.yaml."), 0);
	free(p);
}

/* The saver's umask does not narrow a shared file. */
static void test_keeps_mode(void **state)
{
	char *p = path_of("mode.yaml");
	struct err e = {{0}};
	mode_t old;

	(void)state;
	spit(p, "old\n");
	assert_int_equal(chmod(p, 0664), 0);
	old = umask(077);
	assert_int_equal(file_write_atomic(p, "new\n", 4, &e), 0);
	umask(old);
	assert_holds(p, "new\n");
	assert_int_equal(mode_of(p), 0664);
	free(p);
}

/* The group (and, when root writes, the owner) stays.  Needs root to
 * give the file to another user and group. */
static void test_keeps_group_and_owner(void **state)
{
	char *p = path_of("team.yaml");
	struct err e = {{0}};
	struct stat st;

	(void)state;
	if (geteuid() != 0) {
		free(p);
		skip();
	}
	spit(p, "old\n");
	assert_int_equal(chown(p, 4001, 4242), 0);
	assert_int_equal(chmod(p, 0660), 0);
	assert_int_equal(file_write_atomic(p, "new\n", 4, &e), 0);
	assert_int_equal(stat(p, &st), 0);
	assert_int_equal(st.st_uid, 4001);
	assert_int_equal(st.st_gid, 4242);
	assert_int_equal(st.st_mode & 07777, 0660);
	assert_holds(p, "new\n");
	free(p);
}

/* A file without write permission is refused, for root as well; nothing
 * is created beside it. */
static void test_read_only_refused(void **state)
{
	char *p = path_of("ro.yaml");
	struct err e = {{0}};

	(void)state;
	spit(p, "keep\n");
	assert_int_equal(chmod(p, 0444), 0);
	assert_int_equal(file_write_atomic(p, "lost\n", 5, &e), -1);
	assert_non_null(strstr(e.text, "read-only file"));
	assert_true(strncmp(e.text, p, strlen(p)) == 0);
	assert_holds(p, "keep\n");
	assert_int_equal(mode_of(p), 0444);
	e.text[0] = '\0';
	assert_null(file_lock(p, &e));
	assert_non_null(strstr(e.text, "read-only file"));
	assert_int_equal(count_names(".ro.yaml."), 0);
	assert_int_equal(count_names("ro.yaml.lock"), 0);
	free(p);
}

/* A link is followed: the file it names gets the bytes, the link stays;
 * the lock is beside the real file. */
static void test_link_followed(void **state)
{
	char *real = path_of("real.yaml"), *link = path_of("link.yaml");
	struct err e = {{0}};
	struct file_lock *lk;
	struct stat st;

	(void)state;
	spit(real, "old\n");
	assert_int_equal(symlink("real.yaml", link), 0);
	lk = file_lock(link, &e);
	assert_non_null(lk);
	assert_string_equal(strrchr(file_lock_target(lk), '/'), "/real.yaml");
	assert_int_equal(file_write_atomic(link, "new\n", 4, &e), 0);
	file_unlock(lk);
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_holds(real, "new\n");
	assert_int_equal(count_names("real.yaml.lock"), 1);
	assert_int_equal(count_names("link.yaml.lock"), 0);
	free(real);
	free(link);
}

/* A dangling link and a loop are refused: the link stays as it was and
 * nothing is created (no lock, no directory, no file). */
static void test_dangling_link_refused(void **state)
{
	char *link = path_of("dangling.yaml"), *loop = path_of("loop.yaml");
	char *gone = path_of("gone");
	struct err e = {{0}};
	struct stat st;

	(void)state;
	assert_int_equal(symlink("gone/notes.yaml", link), 0);
	assert_int_equal(file_write_atomic(link, "x\n", 2, &e), -1);
	assert_non_null(strstr(e.text, "dangling symbolic link"));
	e.text[0] = '\0';
	assert_null(file_lock(link, &e));
	assert_non_null(strstr(e.text, "dangling symbolic link"));
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_int_not_equal(access(gone, F_OK), 0);
	assert_int_equal(count_names("dangling.yaml."), 0);
	assert_int_equal(count_names(".dangling.yaml."), 0);

	assert_int_equal(symlink("loop.yaml", loop), 0);
	e.text[0] = '\0';
	assert_int_equal(file_write_atomic(loop, "x\n", 2, &e), -1);
	assert_true(strncmp(e.text, loop, strlen(loop)) == 0);
	assert_null(file_lock(loop, &e));
	assert_int_equal(lstat(loop, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_int_equal(count_names("loop.yaml."), 0);
	free(gone);
	free(loop);
	free(link);
}

/* A directory, a FIFO and an empty name are refused; nothing is created
 * (the empty name would have put ".lock" in the current directory). */
static void test_not_a_file_refused(void **state)
{
	char *d = path_of("adir"), *fifo = path_of("fifo"), *cwd;
	struct err e = {{0}};

	(void)state;
	assert_int_equal(mkdir(d, 0755), 0);
	assert_int_equal(file_write_atomic(d, "x", 1, &e), -1);
	assert_non_null(strstr(e.text, "is a directory"));
	assert_null(file_lock(d, &e));
	assert_int_equal(mkfifo(fifo, 0644), 0);
	assert_int_equal(file_write_atomic(fifo, "x", 1, &e), -1);
	assert_non_null(strstr(e.text, "not a regular file"));
	assert_null(file_lock(fifo, &e));
	assert_int_equal(count_names("adir."), 0);
	assert_int_equal(count_names("fifo."), 0);

	cwd = getcwd(NULL, 0);
	assert_non_null(cwd);
	assert_int_equal(chdir(dir), 0);
	e.text[0] = '\0';
	assert_null(file_lock("", &e));
	assert_non_null(strstr(e.text, "empty file name"));
	assert_int_equal(file_write_atomic("", "x", 1, &e), -1);
	assert_int_equal(chdir(cwd), 0);
	assert_int_equal(count_names(".lock"), 0);
	assert_int_equal(count_names(".tmp"), 0);
	free(cwd);
	free(fifo);
	free(d);
}

/* The lock file gets the notes file's read and write bits, whatever the
 * umask; one made 0600 (by an older brief) is opened up by its owner. */
static void test_lock_as_open_as_file(void **state)
{
	char *p = path_of("shared.yaml"), *lock = path_of("shared.yaml.lock");
	struct err e = {{0}};
	struct file_lock *lk;
	mode_t old;

	(void)state;
	spit(p, "x\n");
	assert_int_equal(chmod(p, 0664), 0);
	old = umask(077);
	lk = file_lock(p, &e);
	assert_non_null(lk);
	file_unlock(lk);
	assert_int_equal(mode_of(lock), 0664);
	assert_int_equal(chmod(lock, 0600), 0);
	lk = file_lock(p, &e);
	assert_non_null(lk);
	file_unlock(lk);
	umask(old);
	assert_int_equal(mode_of(lock), 0664);
	free(lock);
	free(p);
}

/* A new file's lock: what the umask gives. */
static void test_lock_of_new_file(void **state)
{
	char *p = path_of("sub/dir/fresh.yaml");
	char *lock = path_of("sub/dir/fresh.yaml.lock");
	struct err e = {{0}};
	struct file_lock *lk;
	mode_t old = umask(022);

	(void)state;
	lk = file_lock(p, &e);
	umask(old);
	assert_non_null(lk);
	assert_string_equal(file_lock_target(lk), p);
	file_unlock(lk);
	assert_int_equal(mode_of(lock), 0644);
	assert_int_not_equal(access(p, F_OK), 0);
	free(lock);
	free(p);
}

/* Under the lock, the temporary files of dead writers go; a live
 * process's and names of other shapes stay. */
static void test_dead_writers_temps_removed(void **state)
{
	char *p = path_of("crash.yaml");
	const char *other[] = {".crash.yaml.backup", ".crash.yaml.tmp.12.abc",
			       ".crash.yaml.tmp.x12.abcdef",
			       ".crash.yaml.tmp..abcdef", "crash.yaml.tmp.1.abcdef"};
	struct err e = {{0}};
	struct file_lock *lk;
	char *dead, *live, *q;
	size_t i;

	(void)state;
	spit(p, "x\n");
	dead = xasprintf("%s/.crash.yaml.tmp.%ld.Ab3dE9", dir,
			 (long)dead_pid());
	live = xasprintf("%s/.crash.yaml.tmp.%ld.Ab3dE9", dir,
			 (long)getppid());
	spit(dead, "half");
	spit(live, "half");
	for (i = 0; i < sizeof other / sizeof *other; i++) {
		q = path_of(other[i]);
		spit(q, "mine");
		free(q);
	}
	assert_int_equal(count_names(".crash.yaml.tmp."), 5);
	lk = file_lock(p, &e);
	assert_non_null(lk);
	file_unlock(lk);
	assert_int_not_equal(access(dead, F_OK), 0);
	assert_int_equal(access(live, F_OK), 0);
	assert_int_equal(count_names(".crash.yaml."), 5);
	for (i = 0; i < sizeof other / sizeof *other; i++) {
		q = path_of(other[i]);
		assert_int_equal(access(q, F_OK), 0);
		free(q);
	}
	free(live);
	free(dead);
	free(p);
}

/* A name close to the system's limit still gets a temporary file (its
 * name is cut), and the write leaves none behind. */
static void test_long_name(void **state)
{
	char name[251], *p;
	struct err e = {{0}};

	(void)state;
	memset(name, 'n', 250);
	name[250] = '\0';
	p = path_of(name);
	if (file_write_atomic(p, "long\n", 5, &e) != 0)
		fail_msg("%s", e.text);
	assert_holds(p, "long\n");
	assert_int_equal(count_names(".nnnn"), 0);
	free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new_file_gets_umask),
		cmocka_unit_test(test_keeps_mode),
		cmocka_unit_test(test_keeps_group_and_owner),
		cmocka_unit_test(test_read_only_refused),
		cmocka_unit_test(test_link_followed),
		cmocka_unit_test(test_dangling_link_refused),
		cmocka_unit_test(test_not_a_file_refused),
		cmocka_unit_test(test_lock_as_open_as_file),
		cmocka_unit_test(test_lock_of_new_file),
		cmocka_unit_test(test_dead_writers_temps_removed),
		cmocka_unit_test(test_long_name),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
