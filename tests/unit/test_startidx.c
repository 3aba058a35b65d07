/* startidx: the places where a word begins with an ASCII letter or
 * digit, by their first two bytes (the first without regard to case),
 * with the four bytes after those two. */
#include "testlib.h"

#include "brief/base/startidx.h"

static void test_word_starts_by_two_bytes(void **state)
{
	/* The(0) theory(4) the3(12) 'then'(18) \xc3\xa9the(24) xthe(30)
	 * _th(35) */
	const char *t = "The theory, the3 'then' \xc3\xa9the xthe _th";
	struct startidx *x = startidx_new(t, strlen(t));
	const uint32_t *pos, *next;
	size_t n;

	(void)state;
	assert_non_null(x);
	pos = startidx_get(x, 'T', 'h', &n);
	next = startidx_next(x, 't', 'h');
	/* "Th" and "th" are one key; é and x are word characters before
	 * "the"; '_' is not one (trie_word_at rules) */
	assert_int_equal(n, 5);
	assert_int_equal(pos[0], 0);
	assert_int_equal(pos[1], 4);
	assert_int_equal(pos[2], 12);
	assert_int_equal(pos[3], 18);
	assert_int_equal(pos[4], 36);
	/* the bytes after "th": "e th", "eory", "e3 '", "en'\xc3", and past
	 * the end nothing */
	assert_int_equal(next[0], 'e' | ' ' << 8 | 't' << 16 | 'h' << 24);
	assert_int_equal(next[1], 'e' | 'o' << 8 | 'r' << 16 |
					  (uint32_t)'y' << 24);
	assert_int_equal(next[3] & 0xffffff, 'e' | 'n' << 8 | '\'' << 16);
	assert_int_equal(next[4], 0);
	/* a word that begins with another byte is not there */
	startidx_get(x, '\'', 't', &n);
	assert_int_equal(n, 0);
	startidx_get(x, 0xc3, 0xa9, &n);
	assert_int_equal(n, 0);
	pos = startidx_get(x, 'x', 't', &n);
	assert_int_equal(n, 1);
	assert_int_equal(pos[0], 30);
	startidx_free(x);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_word_starts_by_two_bytes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
