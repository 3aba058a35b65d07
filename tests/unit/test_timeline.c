/* timeline: a date without a year takes the year nearest the report's
 * date; relative expressions resolve against that date.  (Entries of the
 * merged timeline: test_timeline_order.c.) */
#include "comparelib.h"

static void test_year_near(void **state)
{
	(void)state;
	/* the report's own year when that is nearest */
	assert_int_equal(tl_year_near(1, 9, "2024-01-10"), 2024);
	assert_int_equal(tl_year_near(3, 0, "2024-06-01"), 2024);
	assert_int_equal(tl_year_near(11, 2, "2024-06-01"), 2024);
	/* across the turn of the year, both ways */
	assert_int_equal(tl_year_near(12, 30, "2025-01-02"), 2024);
	assert_int_equal(tl_year_near(1, 3, "2024-12-28"), 2025);
	assert_int_equal(tl_year_near(12, 0, "2025-02-10"), 2024);
	/* no date, or no month: no year */
	assert_int_equal(tl_year_near(1, 9, NULL), 0);
	assert_int_equal(tl_year_near(0, 9, "2024-01-10"), 0);
	assert_int_equal(tl_year_near(1, 9, "soon"), 0);
}

/* The events of text (a report), formatted, "|"-joined in text order. */
static void events_of(const char *text, char *out, size_t n)
{
	struct article *a = text_article(rules, "t", text);

	timeline_events(a, out, n);
	article_free(a);
}

static void test_resolution(void **state)
{
	char got[512];

	(void)state;
	/* a yearless date takes the report's year */
	events_of("---\ndate: 2024-01-10\n---\nTalks began on January 9 and "
		  "ended on January 9, 2024.\n", got, sizeof got);
	assert_string_equal(got, "January 9=2024-01-09|January 9, 2024="
				 "2024-01-09");
	/* or the year before, when that is nearer */
	events_of("---\ndate: 2025-01-02\n---\nThe ships left on December 30."
		  "\n", got, sizeof got);
	assert_string_equal(got, "December 30=2024-12-30");
	/* relative expressions against the report's date */
	events_of("---\ndate: 2024-03-10\n---\nThe strike came yesterday, two "
		  "days ago a drill ended, and more talks are due tomorrow. "
		  "Earlier this month the envoy left.\n", got, sizeof got);
	assert_string_equal(got, "yesterday=2024-03-09|two days ago=2024-03-08|"
				 "tomorrow=2024-03-11|Earlier this month=2024-03");
	/* without a date they stay unresolved */
	events_of("The strike came yesterday, on January 9.\n", got, sizeof got);
	assert_string_equal(got, "yesterday=relative|January 9=relative");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_year_near),
		cmocka_unit_test(test_resolution),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, setup, teardown);
}
