/* Each report's own date as a careful reader finds it: the first date
 * line of the opening block (under the title, in a transcript's header,
 * after a place or a label), else a signature's in the closing block;
 * never a date the story tells of (tests/fixtures/dates/). */
#include "comparelib.h"

/* The article of the plain-text fixture tests/fixtures/dates/name. */
static struct article *fixture(const char *name)
{
	struct err e = {{0}};
	char *path = xasprintf("tests/fixtures/dates/%s", name);
	struct article *a = article_load(path, rules, &e);

	if (a == NULL)
		fail_msg("%s: %s", path, e.text);
	free(path);
	return a;
}

static void expect_date(struct article *a, const char *date)
{
	if (date == NULL && a->date != NULL)
		fail_msg("%s: date %s, wanted none", a->path, a->date);
	if (date != NULL && a->date == NULL)
		fail_msg("%s: no date, wanted %s", a->path, date);
	if (date != NULL)
		assert_string_equal(a->date, date);
}

/* The kinds of a's sections, one letter each (h headline, l lead, b
 * body, x boilerplate). */
static void expect_kinds(const struct article *a, const char *want)
{
	char k[32];
	size_t i;

	assert_true(a->nsections < sizeof k);
	for (i = 0; i < a->nsections; i++)
		k[i] = "lbxh"[a->sections[i].kind];
	k[i] = '\0';
	assert_string_equal(k, want);
}

/* The date of the text t (file name "t.txt"), its section kinds. */
static void expect_text(const char *t, const char *date, const char *kinds)
{
	struct article *a = text_article(rules, "t.txt", t);

	expect_date(a, date);
	if (kinds)
		expect_kinds(a, kinds);
	article_free(a);
}

static void test_opening_block(void **state)
{
	struct article *a;
	char got[512];

	(void)state;
	/* a date line under the title; relative dates resolve against it */
	a = fixture("title-date-line.txt");
	expect_date(a, "2024-01-12");
	timeline_events(a, got, sizeof got);
	assert_string_equal(got, "Today=2024-01-12|Yesterday=2024-01-11");
	article_free(a);
	/* a transcript's "(January 12, 2024)" under "Via Teleconference";
	 * the date line is boilerplate of its own, the title stays story */
	a = fixture("transcript-header.txt");
	expect_date(a, "2024-01-12");
	expect_kinds(a, "lxb");
	assert_int_equal(a->sections[1].start,
			 (size_t)(strstr(a->text, "(January") - a->text));
	article_free(a);
	/* a place and a day-month-year date, under a source line */
	a = fixture("place-date-header.txt");
	expect_date(a, "2024-01-12");
	expect_kinds(a, "lxb");
	article_free(a);
	/* a label, a place and the short month "Sept" on one line */
	a = fixture("labelled-header.txt");
	expect_date(a, "2024-09-12");
	expect_kinds(a, "xhl");
	article_free(a);
	/* other spellings: a weekday, ISO with a time, "Sep." */
	expect_text("Talks End\nTuesday, March 12, 2024\n\nThe talks ended.\n",
		    "2024-03-12", NULL);
	expect_text("Talks end in Geneva\nLast updated: 2024-03-12 10:30 UTC\n\n"
		    "The talks ended.\n", "2024-03-12", "hxl");
	expect_text("Talks end in Geneva\nWashington, D.C. — 3 Sep. 2024\n\n"
		    "The talks ended.\n", "2024-09-03", "hxl");
	/* a dated dateline with a source of any name in brackets gives the
	 * date and the source */
	a = text_article(rules, "t.txt", "Planes tracked\n\nKODIAK, Alaska, "
			 "Oct. 2, 2025 (Harbor Post) - Two planes flew.\n");
	expect_date(a, "2025-10-02");
	assert_non_null(a->source);
	assert_string_equal(a->source, "Harbor Post");
	article_free(a);
	/* a date line under the title: a place, the date, a source in
	 * brackets after it (the source is taken too) */
	a = text_article(rules, "t.txt", "Floods close the port\nMarsa, 4 May "
			 "2023 (Delta Wire)\n\nThe port was closed.\n");
	expect_date(a, "2023-05-04");
	assert_non_null(a->source);
	assert_string_equal(a->source, "Delta Wire");
	article_free(a);
	/* ... but not a bracket of lower-case words, nor words after it */
	expect_text("Floods close the port\nMarsa, 4 May 2023 (local time)\n\n"
		    "The port was closed.\n", NULL, NULL);
	expect_text("Floods close the port\nMarsa, 4 May 2023 (Delta Wire) and "
		    "more\n\nThe port was closed.\n", NULL, NULL);
	/* ... but a bracket that is no source (lower case) gives neither */
	expect_text("Planes tracked\n\nKODIAK, Alaska, Oct. 2, 2025 (local "
		    "time) - Two planes flew.\n", NULL, NULL);
	/* the first date of the head wins over a signature's */
	expect_text("Talks end in Geneva\nMarch 12, 2024\n\nThe talks ended.\n\n"
		    "Geneva Desk, 14 March 2024\n", "2024-03-12", NULL);
}

static void test_closing_block(void **state)
{
	struct article *a;

	(void)state;
	/* a signature's date when the head has none */
	a = fixture("closing-signature.txt");
	expect_date(a, "2024-01-12");
	expect_kinds(a, "hlx");
	article_free(a);
	/* a signature led by a dash: a name, a place, the date */
	expect_text("Talks end\n\nThe talks ended.\n\n- Jane Roe, Geneva, 14 "
		    "March 2024\n", "2024-03-14", NULL);
	expect_text("Talks end\n\nThe talks ended.\n\n— Geneva Desk, March 14, "
		    "2024\n", "2024-03-14", NULL);
	/* ... not a dashed date-only item of a list the story goes on from */
	expect_text("Talks end\n\nThe talks ended.\n\n- Jane Roe, Geneva, 14 "
		    "March 2024\n\nThey will resume.\n", NULL, NULL);
	/* ... only when no story follows it */
	expect_text("Talks end\n\nThe talks ended.\n\nGeneva Desk, 14 March "
		    "2024\n\nThey will resume.\n", NULL, "hlxb");
	/* a place with hyphens; the office that signs on a line after */
	expect_text("Talks end\n\nThe talks ended.\n\nGuinea-Bissau, 14 March "
		    "2024\n", "2024-03-14", "hlx");
	expect_text("Talks end\n\nThe talks ended.\n\nSan Marino, March 14, "
		    "2024\nThe Press Office of the Secretariat\n", "2024-03-14",
		    "hlx");
	expect_text("Talks end\n\nThe talks ended.\n\nAix-en-Provence, 14 March "
		    "2024\nOffice of the Prefect\nDirectorate of Security\n",
		    "2024-03-14", "hlx");
	/* ... not when the line after is a sentence */
	expect_text("Talks end\n\nThe talks ended.\n\nSan Marino, March 14, "
		    "2024\nThe talks will resume in April.\n", NULL, NULL);
}

static void test_no_report_date(void **state)
{
	struct article *a;

	(void)state;
	/* a date the story tells of, in a sentence */
	a = fixture("body-event-date.txt");
	expect_date(a, NULL);
	article_free(a);
	/* date-only paragraphs inside the story (a chronology's headings)
	 * are no report's date: before, the first of them was taken */
	a = fixture("body-date-headings.txt");
	expect_date(a, NULL);
	expect_kinds(a, "hlxbxb");
	article_free(a);
	/* a title that tells of a date is no date line */
	a = fixture("title-event-date.txt");
	expect_date(a, NULL);
	article_free(a);
	/* a hard-wrapped sentence ending in a date, a date line below the
	 * story's first sentence, a day that does not exist */
	expect_text("Talks end\nThe truce took effect on\nJanuary 12, 2024.\n",
		    NULL, NULL);
	expect_text("Talks end\n\nThe talks ended.\nJanuary 12, 2024\n\nThey "
		    "will resume.\n", NULL, NULL);
	expect_text("Talks end\nFebruary 30, 2024\n\nThe talks ended.\n", NULL,
		    NULL);
	/* a date inside a line of the head, not the whole line */
	expect_text("Talks that began January 12, 2024 end\n\nThe talks ended."
		    "\n", NULL, NULL);
}

/* A contact line of several audiences ("Media/Public Contact:") above
 * the dateline is boilerplate: the dateline opens the story and gives
 * the date; before, the contact line was the lead and the dateline's
 * date was lost. */
static void test_contact_line_before_dateline(void **state)
{
	(void)state;
	expect_text("Kingdom of Norway - Patrol Boats\n\nMedia/Public "
		    "Contact: desk@agency.example | Notice No. 24-07\n\n"
		    "OSLO, June 3, 2024 - The agency approved a sale of "
		    "patrol boats.\n\nThe boats will be delivered next "
		    "year.\n",
		    "2024-06-03", "hxlb");
	expect_text("Boats sold\n\nPress and Media Enquiries: 020 7946 "
		    "0000\n\nLONDON, June 3, 2024 - The boats were sold.\n",
		    "2024-06-03", "hxl");
	/* a sentence about contacts stays the story */
	expect_text("Boats sold\n\nMedia contacts with the agency were "
		    "cut on Monday.\n", NULL, "hl");
}

/* A press release's dateline whose dash is two hyphens, with the date
 * after it ("STUTTGART, Germany -- Aug. 5, 2025"), under a release
 * number: the date line of the head; before, only one dash was read
 * there and the report had no date. */
static void test_double_hyphen_dateline(void **state)
{
	(void)state;
	expect_text("Command leaves base\n\nRelease No. 25-081\nKAMPALA, "
		    "Uganda -- Aug. 5, 2025\n\nThe command left the base "
		    "today.\n",
		    "2025-08-05", NULL);
	expect_text("Command leaves base\n\nKAMPALA -- 5 August 2025\n\n"
		    "The command left the base today.\n",
		    "2025-08-05", NULL);
	/* the one dash, as before */
	expect_text("Command leaves base\n\nRelease No. 25-081\nKAMPALA, "
		    "Uganda - Aug. 5, 2025\n\nThe command left the base "
		    "today.\n",
		    "2025-08-05", NULL);
	/* a sentence of the story with two hyphens is no date line */
	expect_text("Command leaves base\n\nThe command left -- it said -- "
		    "on Aug. 5, 2025 at dawn.\n",
		    NULL, NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_opening_block),
		cmocka_unit_test(test_closing_block),
		cmocka_unit_test(test_no_report_date),
		cmocka_unit_test(test_contact_line_before_dateline),
		cmocka_unit_test(test_double_hyphen_dateline),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, setup, teardown);
}
