/* rx: matching with PCRE2 through rx_find. */
#include "testlib.h"

#include "brief/base/rx.h"

/* A pattern compiled anchored and asked again with PCRE2_ANCHORED (so
 * that its JIT code runs) still matches at the start offset only, before
 * and after its lazy JIT compiling. */
static void test_anchored_pattern_matches_at_start_only(void **state)
{
	static const char s[] = "xAbbc Abb";
	const size_t n = sizeof s - 1;
	struct err e = {{0}};
	pcre2_code *re = rx_compile("Ab+c?", 5, PCRE2_ANCHORED, &e);
	pcre2_match_data *md = pcre2_match_data_create(4, NULL);
	size_t ms, me, jit = 0;
	uint32_t have_jit = 0;
	int i;

	(void)state;
	assert_non_null(re);
	for (i = 0; i < 200; i++) {
		ms = me = 99;
		assert_int_equal(rx_find(re, md, s, n, 1, PCRE2_ANCHORED, &ms,
					 &me), 1);
		assert_int_equal(ms, 1);
		assert_int_equal(me, 5);
		assert_int_equal(rx_find(re, md, s, n, 0, PCRE2_ANCHORED, &ms,
					 &me), 0);
		assert_int_equal(rx_find(re, md, s, n, 0, 0, &ms, &me), 0);
		assert_int_equal(rx_find(re, md, s, n, 5, PCRE2_ANCHORED, &ms,
					 &me), 0);
		assert_int_equal(rx_find(re, md, s, n, 6, 0, &ms, &me), 1);
		assert_int_equal(ms, 6);
		assert_int_equal(me, 9);
	}
	/* by now JIT-compiled, where PCRE2 has JIT */
	pcre2_config(PCRE2_CONFIG_JIT, &have_jit);
	pcre2_pattern_info(re, PCRE2_INFO_JITSIZE, &jit);
	assert_true(!have_jit || jit > 0);
	pcre2_match_data_free(md);
	rx_free(re);
}

/* A pattern compiled unanchored keeps PCRE2_ANCHORED when asked for it:
 * no search ahead then. */
static void test_unanchored_pattern_anchored_on_request(void **state)
{
	static const char s[] = "xAbbc Abb";
	const size_t n = sizeof s - 1;
	struct err e = {{0}};
	pcre2_code *re = rx_compile("Ab+", 3, 0, &e);
	pcre2_match_data *md = pcre2_match_data_create(4, NULL);
	size_t ms, me;
	int i;

	(void)state;
	assert_non_null(re);
	for (i = 0; i < 200; i++) {
		assert_int_equal(rx_find(re, md, s, n, 0, PCRE2_ANCHORED, &ms,
					 &me), 0);
		assert_int_equal(rx_find(re, md, s, n, 2, 0, &ms, &me), 1);
		assert_int_equal(ms, 6);
		assert_int_equal(me, 9);
	}
	pcre2_match_data_free(md);
	rx_free(re);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_anchored_pattern_matches_at_start_only),
		cmocka_unit_test(test_unanchored_pattern_anchored_on_request),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
