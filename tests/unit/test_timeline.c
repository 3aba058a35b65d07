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
	struct mentions m = {0};
	struct tl_event *ev;
	size_t k, i, len = 0;
	char when[32];

	highlight_article(en.hl, a, &m);
	timeline_find(cr->tl, a, &m, &ev, &k);
	out[0] = '\0';
	for (i = 0; i < k; i++) {
		tl_format(&ev[i], when, sizeof when);
		len += (size_t)snprintf(out + len, n - len, "%s%.*s=%s",
					i ? "|" : "", (int)(ev[i].end - ev[i].start),
					a->text + ev[i].start, when);
		assert_true(len < n);
	}
	free(ev);
	mentions_free(&m);
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
