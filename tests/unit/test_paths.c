/* paths: the one "user's file, else the shipped one" lookup. */
#include "testlib.h"

#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "brief/base/paths.h"

/* The one "user's file, else the shipped one" lookup. */
static void test_paths_config_file(void **state)
{
	const char *tmp = getenv("TMPDIR");
	char *dir = xasprintf("%s/brief-paths.XXXXXX", tmp ? tmp : "/tmp");
	char *want, *got, *sub;
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	setenv("XDG_CONFIG_HOME", dir, 1);
	got = paths_config_file("x.yaml");
	want = xasprintf("%s/x.yaml", datadir());
	assert_string_equal(got, want);
	free(got);
	free(want);
	sub = xasprintf("%s/brief", dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	want = xasprintf("%s/x.yaml", sub);
	f = fopen(want, "w");
	assert_non_null(f);
	fclose(f);
	got = paths_config_file("x.yaml");
	assert_string_equal(got, want);
	unlink(want);
	rmdir(sub);
	rmdir(dir);
	free(got);
	free(want);
	free(sub);
	free(dir);
	unsetenv("XDG_CONFIG_HOME");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_paths_config_file),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
