/* The library: a directory's articles (.txt, .md; not hidden), sorted;
 * a directory without articles refused. */
#include "testlib.h"

#include <stdio.h>
#include <unistd.h>

#include "brief/text/library.h"

static void test_directory(void **state)
{
	char dir[] = "/tmp/brief-test-dirXXXXXX";
	char **paths;
	size_t n;
	struct err e = {{0}};
	char *p;
	FILE *f;
	const char *names[] = {"b.md", "a.txt", "c.log", ".hidden.txt"};
	size_t i;

	(void)state;
	assert_non_null(mkdtemp(dir));
	for (i = 0; i < 4; i++) {
		p = xasprintf("%s/%s", dir, names[i]);
		f = fopen(p, "w");
		fputs("Text.\n", f);
		fclose(f);
		free(p);
	}
	{
		char *args[] = {dir};

		assert_int_equal(library_paths(args, 1, &paths, &n, &e), 0);
	}
	assert_int_equal(n, 2);
	assert_non_null(strstr(paths[0], "/a.txt"));
	assert_non_null(strstr(paths[1], "/b.md"));
	library_paths_free(paths, n);
	for (i = 0; i < 4; i++) {
		p = xasprintf("%s/%s", dir, names[i]);
		unlink(p);
		free(p);
	}
	{
		char *args[] = {dir};

		assert_int_equal(library_paths(args, 1, &paths, &n, &e), -1);
		assert_non_null(strstr(e.text, "no articles"));
	}
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_directory),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
