/* util: reading a whole input within limits (file_read_fd): the size
 * limit and the NUL probe are checked as the bytes come, never after
 * reading all. */
#include "testlib.h"

#include <stdio.h>
#include <unistd.h>

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_limit_stops_reading),
		cmocka_unit_test(test_at_the_limit),
		cmocka_unit_test(test_nul_in_probe),
		cmocka_unit_test(test_nul_after_probe),
		cmocka_unit_test(test_no_limits),
		cmocka_unit_test(test_large_file_refused_unread),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
