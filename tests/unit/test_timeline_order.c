/* timeline_merge: the one order of a two-report timeline (the screen and
 * the batch outputs share it) -- by date, unresolved last, ties A before
 * B, then by place in the text; one entry for one resolved date however
 * spelt; and quotes_by_speaker's grouping. */
#include "testlib.h"

#include "brief/compare/quotes.h"
#include "brief/compare/timeline.h"

static struct tl_event ev(size_t start, int y, int m, int d)
{
	struct tl_event e = {0};

	e.start = start;
	e.end = start + 4;
	e.year = y;
	e.month = m;
	e.day = d;
	e.precision = y == 0 ? TL_NONE : d ? TL_DAY : m ? TL_MONTH : TL_YEAR;
	return e;
}

static void test_merge_order(void **state)
{
	/* each report in text order, as timeline_find gives them */
	struct tl_event a[] = {ev(10, 2024, 3, 5), ev(20, 0, 0, 0),
			       ev(30, 2024, 3, 1), ev(40, 2024, 3, 5)};
	struct tl_event b[] = {ev(5, 0, 0, 0), ev(15, 2024, 3, 5),
			       ev(25, 2023, 0, 0)};
	/* expected: side and start of each, in order */
	static const struct {
		int side;
		size_t start;
	} want[] = {{1, 25}, {0, 30}, {0, 10}, {0, 40}, {1, 15},
		    {0, 20}, {1, 5}};
	struct tl_ref *v;
	size_t n, i;

	(void)state;
	v = timeline_merge(a, 4, b, 3, &n);
	assert_int_equal(n, 7);
	for (i = 0; i < n; i++) {
		assert_int_equal(v[i].side, want[i].side);
		assert_int_equal(v[i].ev->start, want[i].start);
		/* it points into its own report's events */
		assert_true(want[i].side ? v[i].ev >= b && v[i].ev < b + 3
					 : v[i].ev >= a && v[i].ev < a + 4);
	}
	free(v);
	v = timeline_merge(NULL, 0, NULL, 0, &n);
	assert_non_null(v);
	assert_int_equal(n, 0);
	free(v);
}

static void test_entries(void **state)
{
	/* "January 9" and "January 9, 2024" in A, "Jan. 9" in B: one entry;
	 * January 2024 (a month) is another; two unresolved stay apart */
	struct tl_event a[] = {ev(10, 2024, 1, 9), ev(20, 2024, 1, 9),
			       ev(30, 0, 0, 0)};
	struct tl_event b[] = {ev(5, 2024, 1, 0), ev(15, 2024, 1, 9),
			       ev(25, 0, 0, 0)};
	static const struct {
		int side;
		size_t start, entry;
	} want[] = {{1, 5, 0},  {0, 10, 1}, {0, 20, 1},
		    {1, 15, 1}, {0, 30, 2}, {1, 25, 3}};
	struct tl_ref *v;
	size_t n, i;

	(void)state;
	v = timeline_merge(a, 3, b, 3, &n);
	assert_int_equal(n, 6);
	for (i = 0; i < n; i++) {
		assert_int_equal(v[i].side, want[i].side);
		assert_int_equal(v[i].ev->start, want[i].start);
		assert_int_equal(v[i].entry, want[i].entry);
	}
	free(v);
}

static void test_quotes_by_speaker(void **state)
{
	char kim[] = "Kim", lee[] = "Lee", abe[] = "Abe";
	struct quote a[] = {{.start = 50, .report = 0, .speaker_text = kim},
			    {.start = 10, .report = 0, .speaker_text = lee},
			    {.start = 5, .report = 0, .speaker_text = kim}};
	struct quote b[] = {{.start = 1, .report = 1, .speaker_text = kim},
			    {.start = 2, .report = 1, .speaker_text = abe}};
	const struct quote *want[] = {&b[1], &a[2], &a[0], &b[0], &a[1]};
	const struct quote **v;
	size_t n, i;

	(void)state;
	v = quotes_by_speaker(a, 3, b, 2, &n);
	assert_int_equal(n, 5);
	for (i = 0; i < n; i++)
		assert_ptr_equal(v[i], want[i]);
	free(v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_merge_order),
		cmocka_unit_test(test_entries),
		cmocka_unit_test(test_quotes_by_speaker),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
