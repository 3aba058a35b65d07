/* A report's date from every source (front matter, dateline, header line,
 * signature, file name, a document's metadata: tests/fixtures/dates/),
 * the month a file name gives as the context of yearless and relative
 * dates, and one timeline entry for one day however it is spelt. */
#include "comparelib.h"

#include "brief/text/formats.h"
#include "brief/text/html.h"

/* The one article of the fixture tests/fixtures/dates/name (the first of
 * a feed). */
static struct article *fixture(const char *name)
{
	struct err e = {{0}};
	struct extract_rules *x = extract_rules_load("data/extract.yaml", &e);
	struct article_formats f = {.as = NULL, .extract = x};
	struct article **arts, *a;
	char **broken, *path = xasprintf("tests/fixtures/dates/%s", name);
	size_t n, nb, i;

	assert_non_null(x);
	if (article_open_all(path, rules, &f, 0, &arts, &n, &broken, &nb,
			     &e) != 0)
		fail_msg("%s: %s", path, e.text);
	assert_true(n >= 1);
	a = arts[0];
	for (i = 1; i < n; i++)
		article_free(arts[i]);
	free(arts);
	free(broken);
	free(path);
	extract_rules_free(x);
	return a;
}

/* The date and the month known of a fixture. */
static void expect_date(const char *name, const char *date, const char *month)
{
	struct article *a = fixture(name);

	if (date)
		assert_string_equal(a->date, date);
	else
		assert_null(a->date);
	if (month)
		assert_string_equal(a->date_month, month);
	else
		assert_null(a->date_month);
	article_free(a);
}

static void test_sources(void **state)
{
	(void)state;
	/* front matter outranks the dateline and the file name */
	expect_date("front-matter-2023-05-01.txt", "2024-01-12", NULL);
	/* a dateline with a year */
	expect_date("dateline.txt", "2024-01-12", NULL);
	/* header lines: "Date: ...", "Posted on ...", "FOR IMMEDIATE
	 * RELEASE ..." on one line */
	expect_date("header-date.txt", "2024-01-12", NULL);
	expect_date("posted-on.txt", "2024-01-12", NULL);
	expect_date("immediate-release.txt", "2024-01-12", NULL);
	/* a signature's date at the end */
	expect_date("signature.txt", "2024-01-12", NULL);
	/* the file's name */
	expect_date("briefing-2024-01-12.txt", "2024-01-12", NULL);
	/* a month alone in the name: no date, but the month known */
	expect_date("statement-2024-01.txt", NULL, "2024-01");
	/* a wire dateline without a year takes it from that month, and is
	 * not taken without one */
	expect_date("wire-2024-01.txt", "2024-01-12", "2024-01");
	expect_date("wire-no-year.txt", NULL, NULL);
	expect_date("no-date.txt", NULL, NULL);
	/* the document's own date (HTML article:published_time) outranks
	 * the lead's dateline (January 3); a mail's Date:, a feed item's
	 * pubDate */
	expect_date("published.html", "2024-01-12", NULL);
	expect_date("message.eml", "2024-01-12", NULL);
	expect_date("item.rss", "2024-01-12", NULL);
}

static void test_month_context(void **state)
{
	struct article *a = fixture("statement-2024-01.txt");
	char got[512];
	int y, m, d;

	(void)state;
	/* what does not hang on the day resolves against the month;
	 * "yesterday" stays unresolved; "in December" is one event */
	timeline_events(a, got, sizeof got);
	assert_string_equal(got, "yesterday=relative|January 9=2024-01-09|"
				 "Last month=2023-12|today=2024-01|"
				 "in December=2023-12");
	article_free(a);
	assert_int_equal(tl_year_near(12, 30, "2024-01"), 2023);
	assert_int_equal(tl_year_near(2, 3, "2024-01"), 2024);
	assert_int_equal(tl_resolve("years", 0, 0, "2024-01", &y, &m, &d),
			 TL_YEAR);
	assert_int_equal(y, 2024);
	assert_int_equal(tl_resolve("weeks", -1, 0, "2024-01", &y, &m, &d),
			 TL_NONE);
	assert_int_equal(tl_resolve("weekday", 0, 1, "2024-01", &y, &m, &d),
			 TL_NONE);
	assert_int_equal(tl_resolve("days", 0, 0, "2024-01", &y, &m, &d),
			 TL_MONTH);
	assert_int_equal(y * 100 + m, 202401);
}

static void test_relative(void **state)
{
	struct article *a = text_article(
		rules, "t",
		"---\ndate: 2024-01-12\n---\nTalks\n\nThe envoy left "
		"yesterday and came back today. On Tuesday the talks stalled; "
		"last week a ship was hit. Last month the navy sailed, and "
		"earlier this year the plans were made.\n");
	char got[512];

	(void)state;
	timeline_events(a, got, sizeof got);
	/* 2024-01-12 is a Friday */
	assert_string_equal(got, "yesterday=2024-01-11|today=2024-01-12|"
				 "Tuesday=2024-01-09|last week=2024-01-05|"
				 "Last month=2023-12|earlier this year=2024");
	article_free(a);
}

/* A named day after the report's date: "next Friday", and a day after a
 * future verb in its sentence; a day in a past sentence stays before. */
static void test_upcoming_day(void **state)
{
	struct article *a = text_article(
		rules, "t",
		"---\ndate: 2024-01-10\n---\nTalks\n\nThe minister will "
		"travel to Seoul on Friday. Talks are set to resume next "
		"Monday. Shells fell on Friday, officials said. The envoy "
		"plans to leave on Wednesday.\n");
	char got[512];

	(void)state;
	timeline_events(a, got, sizeof got);
	/* 2024-01-10 is a Wednesday */
	assert_string_equal(got, "on Friday=2024-01-12|next Monday=2024-01-15|"
				 "Friday=2024-01-05|on Wednesday=2024-01-17");
	article_free(a);
}

/* The entries of the timeline of a and b: "when:N" (N mentions),
 * "|"-joined. */
static void entries(const char *ta, const char *tb, char *out, size_t n)
{
	struct article *a = text_article(rules, "a", ta);
	struct article *b = text_article(rules, "b", tb);
	struct mentions ma = {0}, mb = {0};
	struct tl_event *ea, *eb;
	struct tl_ref *v;
	size_t na, nb, k, i, j, len = 0;
	char when[32];

	highlight_article(en.hl, a, &ma);
	highlight_article(en.hl, b, &mb);
	timeline_find(cr->tl, a, &ma, &ea, &na);
	timeline_find(cr->tl, b, &mb, &eb, &nb);
	v = timeline_merge(ea, na, eb, nb, &k);
	out[0] = '\0';
	for (i = 0; i < k; i = j) {
		for (j = i; j < k && v[j].entry == v[i].entry; j++)
			;
		tl_format(v[i].ev, when, sizeof when);
		len += (size_t)snprintf(out + len, n - len, "%s%s:%zu",
					i ? "|" : "", when, j - i);
		assert_true(len < n);
	}
	free(v);
	free(ea);
	free(eb);
	mentions_free(&ma);
	mentions_free(&mb);
	article_free(a);
	article_free(b);
}

static void test_spellings(void **state)
{
	char got[256];

	(void)state;
	/* January 9 in four spellings and as "on Tuesday": one entry */
	entries("---\ndate: 2024-01-12\n---\nTalks\n\nTalks began on Jan. 9 "
		"and a ship was hit on 9 January 2024. On Tuesday the envoy "
		"left.\n",
		"---\ndate: 2024-01-13\n---\nTalks\n\nTalks began on January "
		"9, 2024, officials said. The envoy left January 9.\n",
		got, sizeof got);
	assert_string_equal(got, "2024-01-09:5");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sources),
		cmocka_unit_test(test_month_context),
		cmocka_unit_test(test_relative),
		cmocka_unit_test(test_upcoming_day),
		cmocka_unit_test(test_spellings),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, setup, teardown);
}
