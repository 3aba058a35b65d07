/* search: the position of a match among all of an article's matches
 * ("3/12" in the reader), found once per pattern and kept. */
#include "articlelib.h"

#include <stdlib.h>
#include <string.h>

#include "brief/text/search.h"

static struct article *text(const char *s)
{
	struct err e = {{0}};
	size_t n = strlen(s);
	char *data = xmalloc(n + 1);
	struct article *a;

	memcpy(data, s, n + 1);
	a = article_from_bytes(data, n, "t.txt", rules, &e);
	if (a == NULL)
		fail_msg("%s", e.text);
	while (!article_parse(a, 1u << 20))
		;
	return a;
}

static void test_position_counts_every_match(void **state)
{
	struct article *a = text("Kim met Kim.\n\nThen kim left.\n\nNo one.\n");
	struct search s;
	struct err e = {{0}};
	size_t total, ms, me, first;
	int capped;

	(void)state;
	memset(&s, 0, sizeof s);
	assert_int_equal(search_set(&s, "kim", &e), 0);
	assert_true(search_find(&s, a, 0, 1, 1, &ms, &me));
	first = ms;
	assert_int_equal(search_position(&s, a, ms, &total, &capped), 1);
	assert_int_equal(total, 3);
	assert_false(capped);
	assert_true(search_find(&s, a, ms, 1, 0, &ms, &me));
	assert_int_equal(search_position(&s, a, ms, &total, &capped), 2);
	assert_true(search_find(&s, a, ms, 1, 0, &ms, &me));
	assert_int_equal(search_position(&s, a, ms, &total, &capped), 3);
	assert_memory_equal(a->text + ms, "kim", 3);
	/* an offset that starts no match */
	assert_int_equal(search_position(&s, a, first + 1, &total, &capped), 0);
	assert_int_equal(total, 3);
	/* smart case: an upper-case letter makes it exact */
	assert_int_equal(search_set(&s, "Kim", &e), 0);
	search_position(&s, a, 0, &total, &capped);
	assert_int_equal(total, 2);
	search_clear(&s);
	article_free(a);
}

static void test_position_without_pattern(void **state)
{
	struct article *a = text("Nothing here.\n");
	struct search s;
	size_t total = 9;
	int capped = 1;

	(void)state;
	memset(&s, 0, sizeof s);
	assert_int_equal(search_position(&s, a, 0, &total, &capped), 0);
	assert_int_equal(total, 0);
	assert_false(capped);
	article_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_position_counts_every_match),
		cmocka_unit_test(test_position_without_pattern),
	};

	return cmocka_run_group_tests(tests, rules_setup, rules_teardown);
}
