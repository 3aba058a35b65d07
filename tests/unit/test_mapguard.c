/* mapguard: a mapped file that shrinks under brief reads as zeros and
 * says so; a SIGBUS outside its mappings still kills. */
#include "testlib.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "brief/base/mapguard.h"

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
		execl("/proc/self/exe", "test_mapguard", "--child", what, (char *)NULL);
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
		cmocka_unit_test(test_guarded_file_shrinks),
		cmocka_unit_test(test_other_sigbus_still_kills),
	};

	if (argc == 3 && strcmp(argv[1], "--child") == 0)
		return child(argv[2]);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
