/* Unit tests: the feed reader (feed_sniff, feed_extract) on the feeds of
 * tests/fixtures/feed and on feeds made here. */
#include "partslib.h"

static void test_rss(void **state)
{
	struct run r;
	const struct xmeta *m;

	(void)state;
	run_file(&r, feed_extract, "feed", "news.rss");
	assert_int_equal(r.rc, 0);
	assert_int_equal(r.n, 3);
	m = &r.parts[0].doc->meta;
	assert_string_equal(m->title, "Port reopens after storm");
	assert_string_equal(m->url, "https://wire.example/port-reopens");
	assert_string_equal(m->date, "2024-03-05");
	assert_string_equal(m->date_raw, "Tue, 05 Mar 2024 14:20:00 +0000");
	assert_string_equal(m->author, "Mina Park");
	assert_string_equal(m->source, "Harbor Wire");
	/* content:encoded preferred over the description, as HTML */
	assert_kinds(&r, 0, XB_HEADLINE, "Port reopens after storm");
	assert_kinds(&r, 0, XB_LEAD,
		     "The port of Busan reopened on Tuesday after a storm "
		     "closed it for two days, the harbor authority said in a "
		     "statement.");
	assert_kinds(&r, 0, XB_BOILERPLATE, "Sign up for our newsletter");
	assert_range(&r, 0, "<item>", "</item>");
	/* a description in plain text: paragraphs */
	assert_string_equal(r.parts[1].doc->meta.author,
			    "desk@wire.example (Harbor Desk)");
	assert_kinds(&r, 1, XB_LEAD, "The fishing fleet returned to harbor "
				     "on Wednesday morning.");
	assert_kinds(&r, 1, XB_BODY, "All 120 boats were accounted for, "
				     "the coast guard said.");
	assert_range(&r, 1, "<item>\n    <title>Fishing", "</item>");
	/* an item without text is named; the others load */
	assert_null(r.parts[2].doc);
	assert_string_equal(r.parts[2].error, "news.rss: item 3: no text");
	assert_range(&r, 2, "<item>\n    <title>Only", "</item>");
	assert_true(r.parts[0].end <= r.parts[1].start);
	run_free(&r);
}

static void test_atom(void **state)
{
	struct run r;
	const struct xmeta *m;

	(void)state;
	run_file(&r, feed_extract, "feed", "news.atom");
	assert_int_equal(r.rc, 0);
	assert_int_equal(r.n, 3);
	m = &r.parts[0].doc->meta;
	assert_string_equal(m->title, "Statement on the border talks");
	/* rel="alternate", not rel="self" */
	assert_string_equal(m->url, "https://ministry.example/statements/1");
	/* published before updated, RFC 3339, the date as written */
	assert_string_equal(m->date, "2024-03-07");
	assert_string_equal(m->date_raw, "2024-03-07T09:30:00+01:00");
	assert_string_equal(m->author, "Press Office");
	assert_string_equal(m->source, "Ministry Updates");
	assert_kinds(&r, 0, XB_BODY,
		     "Officials declined to give details of the agenda.");
	assert_range(&r, 0, "<entry>", "</entry>");
	/* a summary in text; updated when not published */
	assert_string_equal(r.parts[1].doc->meta.date, "2024-03-09");
	assert_kinds(&r, 1, XB_LEAD,
		     "Visa rules for students were eased from Saturday.");
	/* xhtml content */
	assert_kinds(&r, 2, XB_BODY,
		     "Imports fell by 1.1 percent over the same period.");
	assert_range(&r, 2, "<entry>", "</entry>");
	run_free(&r);
}

static void test_invalid_xml(void **state)
{
	struct run r;

	(void)state;
	run_file(&r, feed_extract, "feed", "invalid.rss");
	assert_int_equal(r.rc, -1);
	assert_null(r.parts);
	assert_int_equal(r.n, 0);
	assert_non_null(strstr(r.e.text, "invalid.rss:6:1: invalid XML: "));
	run_free(&r);
}

/* Comments, CDATA and a doctype holding item tags do not move the items'
 * byte ranges; no external entity is loaded. */
static void test_ranges_and_entities(void **state)
{
	static const char feed[] =
		"<?xml version=\"1.0\"?>\n"
		"<!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">"
		"<!ENTITY item \"<item>\">]>\n"
		"<rss><channel><title>T</title><!-- <item> -->\n"
		"<item><title>A</title><description><![CDATA[<p>A one "
		"</item> two.</p>]]></description></item>\n"
		"<item><title>B</title><description>B &x; text."
		"</description></item></channel></rss>\n";
	struct run r;

	(void)state;
	run_bytes(&r, feed_extract, feed, sizeof feed - 1, "f.rss");
	assert_int_equal(r.rc, 0);
	assert_int_equal(r.n, 2);
	assert_range(&r, 0, "<item><title>A", "</description></item>");
	assert_range(&r, 1, "<item><title>B", "</description></item>");
	assert_kinds(&r, 0, XB_LEAD, "A one two.");
	assert_null(strstr(r.parts[1].doc->blocks[1].text, "root:"));
	run_free(&r);
}

static void test_not_a_feed(void **state)
{
	static const char xml[] = "<?xml version=\"1.0\"?><doc><p>x</p></doc>";
	static const char empty[] = "<rss><channel><title>E</title>"
				    "</channel></rss>";
	struct run r;

	(void)state;
	run_bytes(&r, feed_extract, xml, sizeof xml - 1, "d.xml");
	assert_int_equal(r.rc, -1);
	assert_string_equal(r.e.text, "d.xml: not an RSS or Atom feed");
	run_free(&r);
	run_bytes(&r, feed_extract, empty, sizeof empty - 1, "e.rss");
	assert_int_equal(r.rc, -1);
	assert_string_equal(r.e.text, "e.rss: no items found");
	run_free(&r);
}

static void test_sniff(void **state)
{
	static const char *const yes[] = {
		"<?xml version=\"1.0\"?>\n<!-- c -->\n<rss version=\"2.0\">",
		"\xEF\xBB\xBF<feed xmlns=\"http://www.w3.org/2005/Atom\">",
		"<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"x\">",
	};
	static const char *const no[] = {
		"<html><body>rss</body></html>",
		"<?xml version=\"1.0\"?><rsslike/>",
		"plain text about feeds",
		"",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof yes / sizeof *yes; i++)
		assert_int_equal(feed_sniff(yes[i], strlen(yes[i])), 1);
	for (i = 0; i < sizeof no / sizeof *no; i++)
		assert_int_equal(feed_sniff(no[i], strlen(no[i])), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rss),
		cmocka_unit_test(test_atom),
		cmocka_unit_test(test_invalid_xml),
		cmocka_unit_test(test_ranges_and_entities),
		cmocka_unit_test(test_not_a_feed),
		cmocka_unit_test(test_sniff),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, setup, teardown);
}
