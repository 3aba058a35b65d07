/* mapguard: a mapped file that shrinks under brief reads as zeros and
 * says so; a SIGBUS outside its mappings still kills. */
#include "testlib.h"

#include <fcntl.h>
#include <pthread.h>
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

/* Another thread maps and unmaps while this one reads a guarded file
 * that shrinks: the fault is still brief's (zeros, changed), and a
 * mapping past the first block of slots is guarded too.  Run in a child
 * (cmocka puts its own SIGBUS handler back for each test): 0 when all
 * holds. */
static void *churn(void *arg)
{
	volatile int *stop = arg;
	size_t n = 8192, map_len;
	FILE *f;
	int fd = file_of(n, &f);

	while (!*stop) {
		char *m = mapguard_map(fd, n, &map_len);

		if (m == NULL)
			break;
		mapguard_unmap(m, map_len);
	}
	fclose(f);
	return NULL;
}

static int shrinks_while_others_map(void)
{
	enum { MANY = 600 };
	size_t n = 1u << 20, map_len = 0, lens[MANY], i, sum = 0;
	char *many[MANY], *m;
	FILE *f, *g;
	int fd = file_of(n, &f), gd = file_of(4096, &g), rc = 0;
	volatile int stop = 0;
	pthread_t th;

	for (i = 0; i < MANY; i++) /* more slots than one block holds */
		if ((many[i] = mapguard_map(gd, 4096, &lens[i])) == NULL)
			return 10;
	if ((m = mapguard_map(fd, n, &map_len)) == NULL ||
	    pthread_create(&th, NULL, churn, (void *)&stop) != 0)
		return 11;
	if (ftruncate(fd, 8192) != 0)
		return 12;
	for (i = 0; i < n; i++)
		sum += m[i] == 'x';
	stop = 1;
	if (pthread_join(th, NULL) != 0)
		return 13;
	if (sum != 8192)
		rc = 14;
	else if (!mapguard_changed(m) || mapguard_changed(many[MANY - 1]))
		rc = 15;
	mapguard_unmap(m, map_len);
	for (i = 0; i < MANY; i++)
		mapguard_unmap(many[i], lens[i]);
	fclose(f);
	fclose(g);
	return rc;
}

/* The child's part, in a fresh process (this program run again, with
 * SIGBUS at its default action as in brief, not cmocka's): a guarded
 * mapping exists; then a mapping of its own, not guarded, is shrunk and
 * read ("unguarded"), or SIGBUS is sent ("sent").  Either must kill. */
static int child(const char *what)
{
	size_t n = 65536, map_len = 0;
	FILE *f;
	int fd;
	char *m;
	volatile char *p;

	if (strcmp(what, "threads") == 0)
		return shrinks_while_others_map();
	fd = file_of(n, &f);
	m = mapguard_map(fd, n, &map_len);
	p = mmap(NULL, n, PROT_READ, MAP_SHARED, fd, 0);

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

static void test_shrinks_while_others_map(void **state)
{
	(void)state;
	assert_int_equal(child_end("threads"), 100);
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
		cmocka_unit_test(test_shrinks_while_others_map),
		cmocka_unit_test(test_other_sigbus_still_kills),
	};

	if (argc == 3 && strcmp(argv[1], "--child") == 0)
		return child(argv[2]);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
