/* Unit tests: the HTML extractor (html.h) on the pages of
 * tests/fixtures/html and on pages made here. */
#include "testlib.h"

#include "brief/text/html.h"

static struct extract_rules *rules;

static int setup(void **state)
{
	struct err e;

	(void)state;
	rules = extract_rules_load("data/extract.yaml", &e);
	if (rules == NULL) {
		fprintf(stderr, "%s\n", e.text);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	extract_rules_free(rules);
	return 0;
}

/* Extract a fixture; fails the test when it has no story. */
static struct xdoc *page(const char *file)
{
	struct err e = {{0}};
	char *path = xasprintf("tests/fixtures/html/%s", file);
	size_t n;
	char *data = file_read(path, &n, &e);
	struct xdoc *d;

	if (data == NULL)
		fail_msg("%s", e.text);
	d = html_extract(data, n, file, rules, &e);
	if (d == NULL)
		fail_msg("%s", e.text);
	free(data);
	free(path);
	return d;
}

/* The blocks of kind k, joined by "|". */
static char *kinds(const struct xdoc *d, enum xblock_kind k)
{
	struct buf b = {0};
	size_t i;

	for (i = 0; i < d->nblocks; i++)
		if (d->blocks[i].kind == k) {
			if (b.len)
				buf_addc(&b, '|');
			buf_adds(&b, d->blocks[i].text);
		}
	buf_addc(&b, '\0');
	return buf_take(&b);
}

/* Does any block (of any kind) hold s? */
static int anywhere(const struct xdoc *d, const char *s)
{
	size_t i;

	for (i = 0; i < d->nblocks; i++)
		if (strstr(d->blocks[i].text, s))
			return 1;
	return 0;
}

static void test_news_blocks(void **state)
{
	struct xdoc *d = page("news.html");
	char *s;

	(void)state;
	assert_int_equal(d->blocks[0].kind, XB_HEADLINE);
	assert_string_equal(d->blocks[0].text,
			    "Harbour talks resume after the storm");
	s = kinds(d, XB_LEAD);
	assert_true(strncmp(s, "Negotiators from the two port authorities", 41)
		    == 0);
	assert_null(strchr(s, '|'));
	free(s);
	s = kinds(d, XB_BODY);
	assert_non_null(strstr(s, "The talks, which had stalled"));
	assert_non_null(strstr(s, "Port officials put the cost"));
	assert_non_null(strstr(s, "\"We cannot wait for another storm"));
	free(s);
	s = kinds(d, XB_HEADING);
	assert_string_equal(s, "A costly week");
	free(s);
	s = kinds(d, XB_BOILERPLATE);
	assert_non_null(strstr(s, "Ships wait outside the harbour"));
	assert_non_null(strstr(s, "Sign up for our morning newsletter"));
	assert_non_null(strstr(s, "Read more: How the harbour was built"));
	free(s);
	/* dropped: script, style, nav, share, related, comments, aside,
	 * footer, cookie banner */
	assert_false(anywhere(d, "never the story"));
	assert_false(anywhere(d, "color: red"));
	assert_false(anywhere(d, "Sport"));
	assert_false(anywhere(d, "Share on"));
	assert_false(anywhere(d, "Shipping lines weigh southern ports"));
	assert_false(anywhere(d, "This is a comment"));
	assert_false(anywhere(d, "A sidebar paragraph"));
	assert_false(anywhere(d, "All rights reserved"));
	assert_false(anywhere(d, "We use cookies"));
	xdoc_free(d);
}

static void test_news_meta(void **state)
{
	struct xdoc *d = page("news.html");

	(void)state;
	/* JSON-LD wins over og:title and <title> */
	assert_string_equal(d->meta.title,
			    "Harbour talks resume after the storm");
	assert_string_equal(d->meta.date, "2025-03-04");
	assert_string_equal(d->meta.date_raw, "2025-03-04T08:15:00Z");
	assert_string_equal(d->meta.author, "Ines Okafor, Tomas Lind");
	/* og:site_name first, then the JSON-LD publisher */
	assert_string_equal(d->meta.source, "Northern Ledger");
	/* canonical before og:url */
	assert_string_equal(d->meta.url,
			    "https://ledger.example/world/harbour-talks");
	assert_string_equal(d->meta.lang, "en");
	assert_string_equal(d->meta.charset, "UTF-8");
	xdoc_free(d);
}

static void test_blog(void **state)
{
	struct xdoc *d = page("blog.html");
	char *s;

	(void)state;
	assert_string_equal(d->blocks[0].text, "Counting herons at dawn");
	assert_string_equal(d->meta.date, "2024-05-12");
	assert_string_equal(d->meta.author, "Dana Holm");
	assert_string_equal(d->meta.lang, "en-GB");
	s = kinds(d, XB_BODY);
	assert_non_null(strstr(s, "Two little egrets"));
	free(s);
	s = kinds(d, XB_HEADING);
	assert_string_equal(s, "What changed");
	free(s);
	assert_false(anywhere(d, "Archives"));
	assert_false(anywhere(d, "April 2024"));
	assert_false(anywhere(d, "About"));
	xdoc_free(d);
}

static void test_press_release(void **state)
{
	struct xdoc *d = page("press.html");
	char *s;

	(void)state;
	assert_string_equal(d->meta.date, "2023-11-07");
	assert_int_equal(d->blocks[0].kind, XB_HEADLINE);
	assert_string_equal(d->blocks[0].text,
			    "Ministry announces flood defence programme");
	s = kinds(d, XB_LEAD);
	assert_true(strncmp(s, "The Ministry of Water today", 27) == 0);
	free(s);
	s = kinds(d, XB_BOILERPLATE);
	assert_non_null(strstr(s, "###"));
	assert_non_null(strstr(s, "Media contact"));
	free(s);
	assert_false(anywhere(d, "Skip to content"));
	assert_false(anywhere(d, "Press releases"));
	assert_false(anywhere(d, "Crown copyright"));
	xdoc_free(d);
}

static void test_fragment(void **state)
{
	struct xdoc *d = page("fragment.html");
	char *s;

	(void)state;
	s = kinds(d, XB_LEAD);
	assert_true(strncmp(s, "The city council postponed", 26) == 0);
	free(s);
	s = kinds(d, XB_BODY);
	assert_true(strncmp(s, "The vote is now expected", 24) == 0);
	free(s);
	assert_null(d->meta.title);
	xdoc_free(d);
}

static void test_broken_markup(void **state)
{
	struct xdoc *d = page("broken.html");
	char *s;

	(void)state;
	s = kinds(d, XB_LEAD);
	assert_true(strncmp(s, "This paragraph is never closed", 30) == 0);
	free(s);
	s = kinds(d, XB_BODY);
	assert_non_null(strstr(s, "bold text that never ends and italics"));
	assert_non_null(strstr(s, "A third paragraph sits"));
	free(s);
	xdoc_free(d);
}

/* The first half of a page, cut inside a tag and inside a character. */
static void test_truncated(void **state)
{
	struct err e = {{0}};
	size_t n;
	char *data = file_read("tests/fixtures/html/news.html", &n, &e);
	char *cut = strstr(data, "Port officials");
	struct xdoc *d;

	(void)state;
	assert_non_null(cut);
	d = html_extract(data, (size_t)(cut - data) + 3, "cut.html", rules,
			 &e);
	assert_non_null(d);
	assert_true(anywhere(d, "Negotiators from the two port"));
	assert_false(anywhere(d, "harbour master"));
	xdoc_free(d);
	/* cut after the first byte of a two-byte character */
	d = html_extract("<p>A caf\xC3", 10, "cut2.html", rules, &e);
	if (d)
		xdoc_free(d);
	else
		assert_string_equal(e.text, "cut2.html: no article text found");
	free(data);
}

static void test_windows_1252(void **state)
{
	struct xdoc *d = page("cp1252.html");

	(void)state;
	assert_string_equal(d->meta.charset, "WINDOWS-1252");
	assert_string_equal(d->meta.title, "Caf\u00e9 r\u00e9sum\u00e9");
	assert_true(anywhere(d, "The caf\u00e9\u2019s owner said "
				"\u201cbusiness is slow\u201d \u2013 and"));
	xdoc_free(d);
}

static void test_shift_jis(void **state)
{
	struct xdoc *d = page("sjis.html");

	(void)state;
	assert_string_equal(d->meta.charset, "SHIFT_JIS");
	assert_string_equal(d->meta.title, "\u6771\u4eac\u306e\u5929\u6c17");
	assert_int_equal(d->blocks[1].kind, XB_LEAD);
	assert_true(strncmp(d->blocks[1].text,
			    "\u6771\u4eac\u3067\u306f\u6708\u66dc\u65e5", 21)
		    == 0);
	xdoc_free(d);
}

static void test_entities(void **state)
{
	struct xdoc *d = page("entities.html");

	(void)state;
	assert_int_equal(d->blocks[1].kind, XB_LEAD);
	assert_string_equal(d->blocks[1].text,
			    "AT&T and Procter & Gamble signed the caf\u00e9 "
			    "deal\u2014the chairman\u2019s words were "
			    "\u201cat last\u201d, reporters heard\u2026 and the "
			    "price was \u20ac5 million.");
	xdoc_free(d);
}

static void test_no_text(void **state)
{
	struct err e = {{0}};
	size_t n;
	char *data = file_read("tests/fixtures/html/empty.html", &n, &e);

	(void)state;
	assert_null(html_extract(data, n, "empty.html", rules, &e));
	assert_string_equal(e.text, "empty.html: no article text found");
	assert_null(html_extract("", 0, "zero.html", rules, &e));
	assert_string_equal(e.text, "zero.html: no article text found");
	free(data);
}

/* 50 MB of nested <div>s: a clear error, quickly, no crash. */
static void test_deep_nesting(void **state)
{
	const size_t n = 50u << 20;
	char *data = xmalloc(n + 1);
	struct err e = {{0}};
	struct xdoc *d;
	size_t i;

	(void)state;
	memcpy(data, "<html><body>", 12);
	for (i = 12; i + 5 <= n; i += 5)
		memcpy(data + i, "<div>", 5);
	for (; i < n; i++)
		data[i] = ' ';
	data[n] = '\0';
	d = html_extract(data, n, "deep.html", rules, &e);
	assert_null(d);
	assert_string_equal(e.text, "deep.html: elements nested too deeply");
	/* nesting within the limit is read */
	d = html_extract("<html><body><div><div><div><div><p>Nested a few "
			 "levels, this is still the story of the page.</p>",
			 strlen("<html><body><div><div><div><div><p>Nested a "
				"few levels, this is still the story of the "
				"page.</p>"),
			 "nested.html", rules, &e);
	assert_non_null(d);
	assert_true(anywhere(d, "this is still the story"));
	xdoc_free(d);
	free(data);
}

static void test_sniff(void **state)
{
	struct err e = {{0}};
	size_t n;
	char *data = file_read("tests/fixtures/html/page.txt", &n, &e);

	(void)state;
	assert_true(html_sniff(data, n));
	free(data);
	data = file_read("tests/fixtures/html/news.html", &n, &e);
	assert_true(html_sniff(data, n));
	free(data);
	assert_true(html_sniff("\xEF\xBB\xBF<!-- saved -->\n<!doctype html>",
			       33));
	assert_true(html_sniff("  <HTML><p>x", 12));
	assert_true(html_sniff("<body>", 6));
	assert_true(html_sniff("<div class=a><p>One</p><p>Two</p></div>", 39));
	/* plain text with a stray tag, and one tag alone */
	assert_false(html_sniff("Talks resumed on <b>Monday</b> after "
				"the storm.\n", 48));
	assert_false(html_sniff("<b>Note</b> the talks resumed.", 30));
	assert_false(html_sniff("date 2024-01-02\nTalks resumed.\n", 31));
	assert_false(html_sniff("", 0));
	assert_false(html_sniff("<html\0>", 7));
}

static void test_dates(void **state)
{
	static const char *const pages[][2] = {
		{"<meta name=date content='December 17, 2025'>", "2025-12-17"},
		{"<meta name=date content='17 Dec. 2025'>", "2025-12-17"},
		{"<meta name=date content='2025/12/07'>", "2025-12-07"},
		{"<meta name=date content='20251207'>", "2025-12-07"},
		{"<meta name=date content='soon'>", NULL},
		{"<meta name=date content='2025-13-40'>", NULL},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof pages / sizeof *pages; i++) {
		struct err e = {{0}};
		char *s = xasprintf("<html><head>%s</head><body><p>The story "
				    "of this page is long enough.</p>",
				    pages[i][0]);
		struct xdoc *d = html_extract(s, strlen(s), "d.html", rules,
						  &e);

		assert_non_null(d);
		if (pages[i][1])
			assert_string_equal(d->meta.date, pages[i][1]);
		else
			assert_null(d->meta.date);
		assert_non_null(d->meta.date_raw);
		xdoc_free(d);
		free(s);
	}
}

static void test_rules_errors(void **state)
{
	struct err e = {{0}};
	const char *path = "build/tests/bad-extract.yaml";
	FILE *f;

	(void)state;
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("weights:\n  min_chars: lots\n", f);
	fclose(f);
	assert_null(extract_rules_load(path, &e));
	assert_string_equal(e.text, "build/tests/bad-extract.yaml:2:14: a "
				    "number is expected");
	f = fopen(path, "w");
	fputs("weights:\n  min_chars: 3\nboilerplate_phrases: ['(']\n", f);
	fclose(f);
	assert_null(extract_rules_load(path, &e));
	assert_string_equal(e.text, "build/tests/bad-extract.yaml:3:23: bad "
				    "pattern '(': missing closing parenthesis "
				    "at offset 1");
	f = fopen(path, "w");
	fputs("weights:\n  nonsense: 3\n", f);
	fclose(f);
	assert_null(extract_rules_load(path, &e));
	assert_string_equal(e.text, "build/tests/bad-extract.yaml:2:3: "
				    "unknown weight 'nonsense'");
	remove(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_news_blocks),
		cmocka_unit_test(test_news_meta),
		cmocka_unit_test(test_blog),
		cmocka_unit_test(test_press_release),
		cmocka_unit_test(test_fragment),
		cmocka_unit_test(test_broken_markup),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_windows_1252),
		cmocka_unit_test(test_shift_jis),
		cmocka_unit_test(test_entities),
		cmocka_unit_test(test_no_text),
		cmocka_unit_test(test_deep_nesting),
		cmocka_unit_test(test_sniff),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_rules_errors),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, setup, teardown);
}
