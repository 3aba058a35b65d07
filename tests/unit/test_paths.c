/* paths: the XDG directories and the "user's file, else the shipped
 * one" lookup for themes (paths_config_file is tested in test_core.c). */
#include "testlib.h"

#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "brief/base/paths.h"

static char *tmpdir(void)
{
	const char *tmp = getenv("TMPDIR");
	char *dir = xasprintf("%s/brief-paths.XXXXXX", tmp ? tmp : "/tmp");

	assert_non_null(mkdtemp(dir));
	return dir;
}

static void test_xdg_path(void **state)
{
	char *dir = tmpdir(), *got, *want;

	(void)state;
	setenv("XDG_CONFIG_HOME", dir, 1);
	setenv("XDG_DATA_HOME", "relative/ignored", 1);
	setenv("HOME", dir, 1);
	got = xdg_path("config", "a.yaml");
	want = xasprintf("%s/brief/a.yaml", dir);
	assert_string_equal(got, want);
	free(got);
	free(want);
	/* a relative XDG directory is ignored, as the specification says */
	got = xdg_path("data", "notes.yaml");
	want = xasprintf("%s/.local/share/brief/notes.yaml", dir);
	assert_string_equal(got, want);
	free(got);
	free(want);
	unsetenv("XDG_STATE_HOME");
	got = xdg_path("state", "s");
	want = xasprintf("%s/.local/state/brief/s", dir);
	assert_string_equal(got, want);
	free(got);
	free(want);
	unsetenv("XDG_CONFIG_HOME");
	unsetenv("XDG_DATA_HOME");
	rmdir(dir);
	free(dir);
}

static void test_theme_file(void **state)
{
	char *dir = tmpdir(), *got, *want, *brief, *sub;
	FILE *f;

	(void)state;
	setenv("XDG_CONFIG_HOME", dir, 1);
	/* none of the user's: the shipped one (wherever the test binary
	 * finds the shipped themes) */
	got = paths_theme_file("dark");
	want = xasprintf("%s/dark.yaml", themedir());
	assert_string_equal(got, want);
	free(got);
	free(want);
	/* the user's own theme of that name wins */
	brief = xasprintf("%s/brief", dir);
	sub = xasprintf("%s/themes", brief);
	assert_int_equal(mkdir(brief, 0700), 0);
	assert_int_equal(mkdir(sub, 0700), 0);
	want = xasprintf("%s/dark.yaml", sub);
	f = fopen(want, "w");
	assert_non_null(f);
	fclose(f);
	got = paths_theme_file("dark");
	assert_string_equal(got, want);
	free(got);
	unlink(want);
	free(want);
	/* a name that is nowhere: the shipped place, for the message */
	got = paths_theme_file("no-such-theme");
	want = xasprintf("%s/no-such-theme.yaml", themedir());
	assert_string_equal(got, want);
	free(got);
	free(want);
	rmdir(sub);
	rmdir(brief);
	rmdir(dir);
	free(sub);
	free(brief);
	free(dir);
	unsetenv("XDG_CONFIG_HOME");
}

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
		cmocka_unit_test(test_xdg_path),
		cmocka_unit_test(test_theme_file),
		cmocka_unit_test(test_paths_config_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
