/* The lexicon: a bad pattern or category in a lexicon file is refused
 * with its line and column. */
#include "testlib.h"

#include <fcntl.h>
#include <unistd.h>

static void test_bad_lexicon(void **state)
{
	struct engine bad;
	struct err e = {{0}};
	char path[] = "/tmp/brief-lexXXXXXX";
	int fd = mkstemp(path);
	char *lex[] = {path};
	const char *text = "entities:\n  - name: X\n    category: weapon\n"
			   "    patterns: ['X-(\\d+']\n";

	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	assert_int_equal(engine_open(&bad, lex, 1, "data/highlight.yaml", &e),
			 -1);
	assert_non_null(strstr(e.text, ":4:"));
	assert_non_null(strstr(e.text, "offset"));
	fd = open(path, O_WRONLY | O_TRUNC);
	text = "entities:\n  - name: X\n    category: fruit\n";
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	assert_int_equal(engine_open(&bad, lex, 1, "data/highlight.yaml", &e),
			 -1);
	assert_non_null(strstr(e.text, ":3:15: category must be actor, weapon or place"));
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bad_lexicon),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
