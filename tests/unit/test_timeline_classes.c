/* Dates of the comparison: each report's own date in the forms real
 * reports write it (datelines, "Posted:" / "Updated:" / "Released"
 * lines, a signature, the first line, ISO and day-month-year forms, the
 * file's name) and relative expressions resolved against it ("yesterday",
 * "last week", "on Tuesday", "this week"), written for brief rather than
 * taken from the evaluation pairs. */
#include "comparelib.h"

/* The date of the text t loaded as the file `name`: want, or none when
 * want is NULL. */
static void date_of(const char *name, const char *t, const char *want)
{
	struct article *a = text_article(rules, name, t);

	if (want == NULL && a->date != NULL)
		fail_msg("date %s, wanted none, in: %s", a->date, t);
	if (want != NULL && a->date == NULL)
		fail_msg("no date, wanted %s, in: %s", want, t);
	if (want != NULL)
		assert_string_equal(a->date, want);
	article_free(a);
}

#define STORY "Russia launched drones at Kyiv overnight, officials said.\n"

/* Datelines, with and without an agency; a story that opens with its
 * date and a dash. */
static void test_datelines(void **state)
{
	(void)state;
	date_of("t.txt", "KYIV, Ukraine, March 3, 2024 (AP) — " STORY,
		"2024-03-03");
	date_of("t.txt", "KYIV (3 March 2024) – " STORY, "2024-03-03");
	date_of("t.txt", "March 4, 2024 — " STORY, "2024-03-04");
	date_of("t.txt", "4 March 2024 - " STORY, "2024-03-04");
	date_of("t.txt", "Monday, 4 March 2024 - " STORY, "2024-03-04");
	/* a date inside the first sentence is what the story tells of */
	date_of("t.txt", "On March 4, 2024, " STORY, NULL);
}

/* Header lines: posted, updated, last updated on, released, ISO dates
 * with a time, ordinals, a byline with a date. */
static void test_header_lines(void **state)
{
	(void)state;
	date_of("t.txt", "Drones hit Kyiv\n\nPosted: March 4, 2024 10:15 AM\n"
		"\n" STORY, "2024-03-04");
	date_of("t.txt", "Drones hit Kyiv\n\nUpdated: 4 March 2024, 14:02 "
		"GMT\n\n" STORY, "2024-03-04");
	date_of("t.txt", "Drones hit Kyiv\nLast updated on 4 March 2024 at "
		"14:00 GMT\n\n" STORY, "2024-03-04");
	date_of("t.txt", "Press Release\nReleased: March 4, 2024\n\n" STORY,
		"2024-03-04");
	date_of("t.txt", "Drones hit Kyiv\nPublished 2024-03-04\n\n" STORY,
		"2024-03-04");
	date_of("t.txt", "Date: 2024-03-04T09:12:00Z\n\n" STORY,
		"2024-03-04");
	date_of("t.txt", "4th March 2024\n\n" STORY, "2024-03-04");
	date_of("t.txt", "By Jane Doe | March 4, 2024\n\n" STORY,
		"2024-03-04");
	date_of("t.txt", "Mar. 4, 2024\n\n" STORY, "2024-03-04");
}

/* A signature's date in the closing block: a date under the office,
 * "Issued in Kyiv on …", "Done at Brussels, …"; a date-only paragraph
 * the story goes on after is not the report's. */
static void test_signature(void **state)
{
	(void)state;
	date_of("t.txt", STORY "\nPress Office\nMinistry of Defence\n"
		"4 March 2024\n", "2024-03-04");
	date_of("t.txt", STORY "\nIssued in Kyiv on 4 March 2024.\n",
		"2024-03-04");
	date_of("t.txt", STORY "\nDone at Brussels, 4 March 2024\n",
		"2024-03-04");
}

/* A date in the file's name, in its common spellings; a month alone is
 * no date. */
static void test_file_names(void **state)
{
	(void)state;
	date_of("reports/20240304-report.txt", STORY, "2024-03-04");
	date_of("reports/report_2024-03-04.txt", STORY, "2024-03-04");
	date_of("2024_03_04_kyiv.txt", STORY, "2024-03-04");
	date_of("kyiv-2024.03.04.txt", STORY, "2024-03-04");
	date_of("kyiv-2024-03.txt", STORY, NULL);
}

/* Relative expressions resolved against the report's date (a Monday):
 * "yesterday", "last week" (its Monday), "on Tuesday" (the one before),
 * "this week" and "earlier this week" (this week's Monday). */
static void test_relative(void **state)
{
	struct article *a;
	char got[512];

	(void)state;
	a = text_article(rules, "t.txt",
			 "date 2024-03-04\nRussia launched drones yesterday. "
			 "Last week, the army lost a village. On Tuesday, "
			 "officials met. This week, talks resume. Earlier "
			 "this week the navy was attacked.\n");
	timeline_events(a, got, sizeof got);
	assert_string_equal(got, "yesterday=2024-03-03|Last week=2024-02-26|"
				 "Tuesday=2024-02-27|This week=2024-03-04|"
				 "Earlier this week=2024-03-04");
	article_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_datelines),
		cmocka_unit_test(test_header_lines),
		cmocka_unit_test(test_signature),
		cmocka_unit_test(test_file_names),
		cmocka_unit_test(test_relative),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
