/* xdoc -> article: the blocks become the text (a blank line between),
 * the sections (kinds and pages from the blocks), the sentences and the
 * metadata; the id is the hash of the given bytes; a document without a
 * story is refused; formats by content and by name; a file holding HTML
 * read by article_open_all. */
#include "testlib.h"

#include <stdio.h>
#include <unistd.h>

#include "brief/text/html.h"
#include "brief/text/xdoc.h"

static struct article_rules *rules;

static int setup(void **state)
{
	struct err e = {{0}};

	(void)state;
	rules = article_rules_load("data/article.yaml", &e);
	return rules == NULL;
}

static int teardown(void **state)
{
	(void)state;
	article_rules_free(rules);
	return 0;
}

/* A PDF-like document: a page header, a headline, a lead with a
 * dateline, a heading and a body on page 2. */
static struct xdoc *sample(void)
{
	struct xdoc *d = xdoc_new();

	d->meta.title = xstrdup("Ministry report on grain");
	d->meta.date = xstrdup("2025-12-17");
	d->meta.author = xstrdup("J. Doe");
	d->meta.source = xstrdup("Ministry of Agriculture");
	d->meta.url = xstrdup("https://example.org/report");
	xdoc_add(d, XB_BOILERPLATE, "Annual Report 2025", 1);
	xdoc_add(d, XB_HEADLINE, "Grain exports rise", 1);
	xdoc_add(d, XB_LEAD,
		 "KYIV, Ukraine (AP) — Exports rose by 4 per cent. Mr. Smith "
		 "said so.",
		 1);
	xdoc_add(d, XB_HEADING, "Outlook", 2);
	xdoc_add(d, XB_BODY, "Prices\nfell in May.", 2);
	return d;
}

static void test_sections(void **state)
{
	struct err e = {{0}};
	struct xdoc *d = sample();
	static const char raw[] = "the file's bytes";
	struct article *a;
	static const char *const texts[] = {
		"Annual Report 2025", "Grain exports rise",
		"KYIV, Ukraine (AP) — Exports rose by 4 per cent. Mr. Smith "
		"said so.",
		"Outlook", "Prices fell in May."};
	static const enum section_kind kinds[] = {
		SECTION_BOILERPLATE, SECTION_HEADLINE, SECTION_LEAD,
		SECTION_BODY, SECTION_BODY};
	static const int pages[] = {1, 1, 1, 2, 2};
	size_t i;

	(void)state;
	a = article_from_xdoc(d, "r.pdf", "pdf", raw, sizeof raw - 1, rules,
			      &e);
	xdoc_free(d);
	assert_non_null(a);
	assert_string_equal(a->format, "pdf");
	assert_int_equal(a->nsections, 5);
	for (i = 0; i < 5; i++) {
		const struct section *s = &a->sections[i];

		assert_int_equal(s->end - s->start, strlen(texts[i]));
		assert_memory_equal(a->text + s->start, texts[i],
				    strlen(texts[i]));
		assert_int_equal(s->kind, kinds[i]);
		assert_int_equal(s->page, pages[i]);
		assert_int_equal(s->line, 1 + 2 * (int)i);
	}
	/* one paragraph each, a blank line between, no line break inside */
	assert_string_equal(a->text + a->sections[4].start - 2,
			    "\n\nPrices fell in May.");
	assert_int_equal(a->len, strlen(a->text));
	/* sentences split as usual ("Mr." does not end one) */
	assert_int_equal(a->sections[2].nsentences, 2);
	{
		const struct span *sp =
			&a->sentences[a->sections[2].first_sentence + 1];

		assert_int_equal(sp->end - sp->start, strlen("Mr. Smith said so."));
		assert_memory_equal(a->text + sp->start, "Mr. Smith said so.",
				    sp->end - sp->start);
	}
	/* metadata from the document; the dateline gives the place */
	assert_string_equal(a->title, "Ministry report on grain");
	assert_string_equal(a->date, "2025-12-17");
	assert_string_equal(a->source, "Ministry of Agriculture");
	assert_string_equal(a->author, "J. Doe");
	assert_string_equal(a->url, "https://example.org/report");
	assert_non_null(a->place);
	assert_string_equal(a->place, "KYIV, Ukraine");
	assert_true(a->complete);
	assert_int_equal(article_section_at(a, a->sections[3].start), 3);
	article_free(a);
}

static void test_ids(void **state)
{
	struct err e = {{0}};
	struct xdoc *d = sample();
	static const char raw[] = "one message\nanother message\n";
	struct article *a, *b, *c;

	(void)state;
	a = article_from_xdoc(d, "m#1", "email", raw, 12, rules, &e);
	b = article_from_xdoc(d, "m#2", "email", raw + 12, sizeof raw - 13,
			      rules, &e);
	c = article_from_xdoc(d, "again", "email", raw, 12, rules, &e);
	xdoc_free(d);
	assert_non_null(a);
	assert_non_null(b);
	assert_non_null(c);
	/* the id is the hash of the bytes given, not of the text */
	assert_string_not_equal(article_id(a), article_id(b));
	assert_string_equal(article_id(a), article_id(c));
	assert_int_equal(strlen(article_id(a)), 16);
	article_free(a);
	article_free(b);
	article_free(c);
}

static void test_no_story(void **state)
{
	struct err e = {{0}};
	struct xdoc *d = xdoc_new();

	(void)state;
	xdoc_add(d, XB_HEADLINE, "Only a title", 0);
	xdoc_add(d, XB_BOILERPLATE, "Subscribe now", 0);
	assert_null(article_from_xdoc(d, "p.html", "html", "x", 1, rules, &e));
	assert_string_equal(e.text, "p.html: no article text found");
	xdoc_free(d);
}

static void test_no_lead(void **state)
{
	struct err e = {{0}};
	struct xdoc *d = xdoc_new();
	struct article *a;

	(void)state;
	xdoc_add(d, XB_HEADING, "Background", 0);
	xdoc_add(d, XB_BODY, "The first body paragraph leads.", 0);
	xdoc_add(d, XB_BODY, "Then more.", 0);
	a = article_from_xdoc(d, "p.html", "html", "x", 1, rules, &e);
	xdoc_free(d);
	assert_non_null(a);
	assert_int_equal(a->sections[0].kind, SECTION_BODY);
	assert_int_equal(a->sections[1].kind, SECTION_LEAD);
	assert_int_equal(a->sections[2].kind, SECTION_BODY);
	assert_int_equal(a->sections[1].page, 0);
	/* no title given: the lead's first sentence */
	assert_string_equal(a->title, "The first body paragraph leads.");
	article_free(a);
}

static void test_sniff(void **state)
{
	static const char html[] = "<!DOCTYPE html><html><body><p>x</p>";
	static const char text[] = "Plain text with a stray <b> tag.\n";

	(void)state;
	assert_string_equal(article_sniff("%PDF-1.7\n", 9), "pdf");
	assert_string_equal(article_sniff(html, sizeof html - 1), "html");
	assert_string_equal(article_sniff(text, sizeof text - 1), "text");
	assert_string_equal(article_format("email"), "email");
	assert_null(article_format("docx"));
}

/* A .txt holding HTML, read by content; the same file --as text. */
static void test_open_all(void **state)
{
	struct err e = {{0}};
	struct extract_rules *x = extract_rules_load("data/extract.yaml", &e);
	struct article_formats f = {.as = NULL, .extract = x};
	struct article **arts;
	char **broken;
	size_t n, nb;

	(void)state;
	assert_non_null(x);
	assert_int_equal(article_open_all("tests/fixtures/html/page.txt",
					  rules, &f, 0, &arts, &n, &broken,
					  &nb, &e),
			 0);
	assert_int_equal(n, 1);
	assert_int_equal(nb, 0);
	assert_string_equal(arts[0]->format, "html");
	assert_null(strchr(arts[0]->text, '<'));
	article_free(arts[0]);
	free(arts);
	free(broken);
	f.as = "text";
	assert_int_equal(article_open_all("tests/fixtures/html/page.txt",
					  rules, &f, 0, &arts, &n, &broken,
					  &nb, &e),
			 0);
	assert_int_equal(n, 1);
	assert_string_equal(arts[0]->format, "text");
	assert_non_null(strstr(arts[0]->text, "<p>"));
	article_free(arts[0]);
	free(arts);
	free(broken);
	assert_int_equal(article_open_all("tests/fixtures/html/empty.html",
					  rules, &f, 0, &arts, &n, &broken,
					  &nb, &e) == 0 && n == 1, 1);
	article_free(arts[0]); /* (as text, an empty page is an article) */
	free(arts);
	free(broken);
	f.as = NULL;
	assert_int_equal(article_open_all("tests/fixtures/html/empty.html",
					  rules, &f, 0, &arts, &n, &broken,
					  &nb, &e),
			 -1);
	assert_non_null(strstr(e.text, "empty.html: no article text found"));
	assert_null(arts);
	extract_rules_free(x);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sections), cmocka_unit_test(test_ids),
		cmocka_unit_test(test_no_story), cmocka_unit_test(test_no_lead),
		cmocka_unit_test(test_sniff),    cmocka_unit_test(test_open_all),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, setup, teardown);
}
