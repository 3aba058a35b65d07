/* Reading a whole input within limits (file_read_fd): the size limit and
 * the NUL probe are checked as the bytes come, never after reading all.
 * A mapped file that shrinks under brief (mapguard). */
#include "testlib.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "brief/base/mapguard.h"

static const struct read_limits small = {1000, "too large (test)", 16};

/* A pipe holding n bytes of fill (and at[k] = NUL when nul >= 0), its
 * write end closed; returns the read end. */
static int pipe_with(size_t n, long nul)
{
	int fds[2];
	char *b = xmalloc(n);

	memset(b, 'x', n);
	if (nul >= 0)
		b[nul] = '\0';
	assert_int_equal(pipe(fds), 0);
	assert_int_equal(write(fds[1], b, n), (ssize_t)n);
	close(fds[1]);
	free(b);
	return fds[0];
}

static size_t drain(int fd)
{
	char b[4096];
	size_t total = 0;
	ssize_t r;

	while ((r = read(fd, b, sizeof b)) > 0)
		total += (size_t)r;
	return total;
}

static void test_limit_stops_reading(void **state)
{
	struct err e = {{0}};
	size_t len = 0;
	int fd = pipe_with(40000, -1);
	char *d = file_read_fd(fd, "-", &small, &len, &e);

	(void)state;
	assert_null(d);
	assert_string_equal(e.text, "-: too large (test)");
	/* it stopped just past the limit: the rest is still in the pipe */
	assert_true(drain(fd) >= 40000 - 1001);
	close(fd);
}

static void test_at_the_limit(void **state)
{
	struct err e = {{0}};
	size_t len = 0;
	int fd = pipe_with(1000, -1);
	char *d = file_read_fd(fd, "-", &small, &len, &e);

	(void)state;
	assert_non_null(d);
	assert_int_equal(len, 1000);
	assert_int_equal(d[1000], '\0');
	free(d);
	close(fd);
}

static void test_nul_in_probe(void **state)
{
	struct err e = {{0}};
	size_t len = 0;
	int fd = pipe_with(900, 15);
	char *d = file_read_fd(fd, "in", &small, &len, &e);

	(void)state;
	assert_null(d);
	assert_string_equal(e.text, "in: binary file");
	close(fd);
}

static void test_nul_after_probe(void **state)
{
	struct err e = {{0}};
	size_t len = 0;
	int fd = pipe_with(900, 16);
	char *d = file_read_fd(fd, "in", &small, &len, &e);

	(void)state;
	assert_non_null(d);
	assert_int_equal(len, 900);
	assert_int_equal(d[16], '\0');
	free(d);
	close(fd);
}

static void test_no_limits(void **state)
{
	struct err e = {{0}};
	size_t len = 0;
	int fd = pipe_with(50000, 3);
	char *d = file_read_fd(fd, "in", NULL, &len, &e);

	(void)state;
	assert_non_null(d);
	assert_int_equal(len, 50000);
	free(d);
	close(fd);
}

static void test_large_file_refused_unread(void **state)
{
	struct err e = {{0}};
	FILE *f = tmpfile();
	size_t len = 0;
	char *d;
	int fd;

	(void)state;
	assert_non_null(f);
	fd = fileno(f);
	assert_int_equal(ftruncate(fd, 5000), 0);
	d = file_read_fd(fd, "big", &small, &len, &e);
	assert_null(d);
	assert_string_equal(e.text, "big: too large (test)");
	/* refused from its size: nothing was read */
	assert_int_equal(lseek(fd, 0, SEEK_CUR), 0);
	fclose(f);
}

/* A temporary file of n bytes of 'x'; fd kept open in *f. */
static int file_of(size_t n, FILE **f)
{
	char *b = xmalloc(n);
	int fd;

	memset(b, 'x', n);
	*f = tmpfile();
	assert_non_null(*f);
	fd = fileno(*f);
	assert_int_equal(write(fd, b, n), (ssize_t)n);
	free(b);
	return fd;
}

static void test_guarded_file_shrinks(void **state)
{
	size_t n = 1u << 20, map_len = 0, i, sum = 0;
	FILE *f;
	int fd = file_of(n, &f);
	char *m = mapguard_map(fd, n, &map_len);

	(void)state;
	assert_non_null(m);
	assert_true(map_len > n);
	assert_int_equal(m[n], '\0'); /* the page after the file */
	assert_int_equal(m[n - 1], 'x');
	assert_int_equal(mapguard_changed(m), 0);
	assert_int_equal(ftruncate(fd, 4096), 0);
	/* the lost pages read as zeros, and the mapping says it changed */
	for (i = 0; i < n; i++)
		sum += m[i] == 'x';
	assert_int_equal(sum, 4096);
	assert_int_equal(mapguard_changed(m), 1);
	mapguard_unmap(m, map_len);
	assert_int_equal(mapguard_changed(m), 0);
	fclose(f);
}

/* The child's part, in a fresh process (this program run again, with
 * SIGBUS at its default action as in brief, not cmocka's): a guarded
 * mapping exists; then a mapping of its own, not guarded, is shrunk and
 * read ("unguarded"), or SIGBUS is sent ("sent").  Either must kill. */
static int child(const char *what)
{
	size_t n = 65536, map_len = 0;
	FILE *f;
	int fd = file_of(n, &f);
	char *m = mapguard_map(fd, n, &map_len);
	volatile char *p = mmap(NULL, n, PROT_READ, MAP_SHARED, fd, 0);

	if (m == NULL || p == MAP_FAILED)
		return 3;
	if (strcmp(what, "sent") == 0) {
		raise(SIGBUS);
		return 4;
	}
	if (ftruncate(fd, 0) != 0)
		return 3;
	(void)p[n - 1];
	return 5; /* survived */
}

/* How this program run as a child ends: its signal, or 100 + status. */
static int child_end(const char *what)
{
	int status = 0;
	pid_t pid = fork();

	assert_true(pid >= 0);
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);

		/* (a sanitizer's report of the crash is expected) */
		if (null >= 0)
			dup2(null, 2);
		signal(SIGBUS, SIG_DFL);
		execl("/proc/self/exe", "test_io", "--child", what, (char *)NULL);
		_exit(6);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return WIFSIGNALED(status) ? WTERMSIG(status)
				   : 100 + WEXITSTATUS(status);
}

/* A SIGBUS outside brief's mappings goes to the action there was before:
 * the default (death by SIGBUS), or under AddressSanitizer its report
 * and exit status. */
static void assert_killed(int end)
{
#ifdef __SANITIZE_ADDRESS__
	assert_true(end == SIGBUS || (end > 100 && end != 105 && end != 106));
#else
	assert_int_equal(end, SIGBUS);
#endif
}

static void test_other_sigbus_still_kills(void **state)
{
	(void)state;
	assert_killed(child_end("unguarded"));
	assert_killed(child_end("sent"));
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_limit_stops_reading),
		cmocka_unit_test(test_at_the_limit),
		cmocka_unit_test(test_nul_in_probe),
		cmocka_unit_test(test_nul_after_probe),
		cmocka_unit_test(test_no_limits),
		cmocka_unit_test(test_large_file_refused_unread),
		cmocka_unit_test(test_guarded_file_shrinks),
		cmocka_unit_test(test_other_sigbus_still_kills),
	};

	if (argc == 3 && strcmp(argv[1], "--child") == 0)
		return child(argv[2]);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
