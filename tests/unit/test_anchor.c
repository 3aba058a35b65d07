/* Anchors: making a text-quote selector (quote, context, position) and
 * placing it again in an article whose text may have changed. */
#include "testlib.h"

#include "brief/text/anchor.h"
#include "brief/base/utf8.h"

static struct article_rules *rules;

static int setup(void **state)
{
	struct err e = {{0}};

	(void)state;
	rules = article_rules_load("data/article.yaml", &e);
	if (rules == NULL)
		fprintf(stderr, "%s\n", e.text);
	return rules ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	article_rules_free(rules);
	return 0;
}

static struct article *art(const char *name, const char *text)
{
	return text_article(rules, name, text);
}

/* Byte offset of the nth (0-based) occurrence of s in a's text. */
static size_t offset_of(const struct article *a, const char *s, int nth)
{
	const char *p = a->text;

	for (;;) {
		p = strstr(p, s);
		assert_non_null(p);
		if (nth-- == 0)
			return (size_t)(p - a->text);
		p++;
	}
}

static void anchor_on(struct anchor *an, const struct article *a,
		      const char *quote, int nth)
{
	size_t s = offset_of(a, quote, nth);

	anchor_make(an, a, s, s + strlen(quote));
}

/* A valid UTF-8 string that starts with a whole character. */
static void assert_whole_utf8(const char *s)
{
	size_t n = strlen(s);

	assert_int_equal(utf8_valid_prefix(s, n), n);
	if (n > 0)
		assert_true(((unsigned char)s[0] & 0xC0) != 0x80);
}

static const char *story =
	"Officials in the capital said on Monday that the talks had failed "
	"after three days. Kim said the talks would resume next month in "
	"Geneva. Others said the talks were over for good.\n";

/* ---- anchor_make ---- */

static void test_make_fields(void **state)
{
	struct article *a = art("dir/story.txt", story);
	struct anchor an;
	size_t s = offset_of(a, "would resume", 0);

	(void)state;
	anchor_make(&an, a, s, s + strlen("would resume"));
	assert_string_equal(an.quote, "would resume");
	assert_string_equal(an.article, article_id(a));
	assert_string_equal(an.file, "dir/story.txt");
	assert_int_equal(an.position, s);
	/* ANCHOR_CONTEXT bytes on each side in ASCII text */
	assert_int_equal(strlen(an.prefix), ANCHOR_CONTEXT);
	assert_int_equal(strlen(an.suffix), ANCHOR_CONTEXT);
	assert_memory_equal(an.prefix, a->text + s - ANCHOR_CONTEXT,
			    ANCHOR_CONTEXT);
	assert_memory_equal(an.suffix, a->text + s + strlen("would resume"),
			    ANCHOR_CONTEXT);
	anchor_clear(&an);
	assert_null(an.quote);
	assert_null(an.prefix);
	assert_null(an.article);
	article_free(a);
}

static void test_make_at_edges(void **state)
{
	struct article *a = art("s.txt", story);
	struct anchor an;

	(void)state;
	/* at the very start: no prefix */
	anchor_make(&an, a, 0, strlen("Officials"));
	assert_string_equal(an.quote, "Officials");
	assert_string_equal(an.prefix, "");
	assert_int_equal(strlen(an.suffix), ANCHOR_CONTEXT);
	assert_memory_equal(an.suffix, " in the capital said on Monday t",
			    ANCHOR_CONTEXT);
	assert_int_equal(an.position, 0);
	anchor_clear(&an);
	/* five bytes in: a five-byte prefix */
	anchor_make(&an, a, 5, 9);
	assert_string_equal(an.prefix, "Offic");
	assert_string_equal(an.quote, "ials");
	anchor_clear(&an);
	/* at the very end: the suffix is what is left */
	anchor_on(&an, a, "for good.", 0);
	assert_string_equal(an.suffix, a->text + offset_of(a, "for good.", 0) +
					       strlen("for good."));
	assert_true(strlen(an.suffix) <= 1);
	anchor_clear(&an);
	article_free(a);
}

/* Context never splits a UTF-8 character, and stays within
 * ANCHOR_CONTEXT bytes (losing at most part of one character). */
static void test_make_utf8_boundaries(void **state)
{
	static const char *const chars[] = {"é", "“", "😀", "ü·"};
	size_t c, shift;

	(void)state;
	for (c = 0; c < sizeof chars / sizeof *chars; c++)
		for (shift = 0; shift < 4; shift++) {
			struct buf b = {0};
			struct article *a;
			struct anchor an;
			size_t i, pl, sl;

			for (i = 0; i < shift; i++)
				buf_addc(&b, 'x');
			for (i = 0; i < 30; i++)
				buf_adds(&b, chars[c]);
			buf_adds(&b, " QUOTE ");
			for (i = 0; i < 30; i++)
				buf_adds(&b, chars[c]);
			buf_adds(&b, "\n");
			a = art("u.txt", b.data);
			anchor_on(&an, a, "QUOTE", 0);
			pl = strlen(an.prefix);
			sl = strlen(an.suffix);
			assert_whole_utf8(an.prefix);
			assert_whole_utf8(an.suffix);
			/* the prefix ends right before the quote, the suffix
			 * starts right after it */
			assert_memory_equal(an.prefix,
					    a->text + an.position - pl, pl);
			assert_memory_equal(an.suffix,
					    a->text + an.position + 5, sl);
			anchor_clear(&an);
			article_free(a);
			buf_free(&b);
			if (pl > ANCHOR_CONTEXT || sl > ANCHOR_CONTEXT)
				fail_msg("context longer than ANCHOR_CONTEXT "
					 "(%d) bytes: prefix %zu, suffix %zu "
					 "(text of \"%s\", shifted by %zu)",
					 ANCHOR_CONTEXT, pl, sl, chars[c],
					 shift);
			assert_true(pl > ANCHOR_CONTEXT - 4);
			assert_true(sl > ANCHOR_CONTEXT - 4);
		}
}

static void test_copy(void **state)
{
	struct article *a = art("s.txt", story);
	struct anchor an, cp;

	(void)state;
	anchor_on(&an, a, "Geneva", 0);
	anchor_copy(&cp, &an);
	assert_string_equal(cp.quote, an.quote);
	assert_string_equal(cp.prefix, an.prefix);
	assert_string_equal(cp.suffix, an.suffix);
	assert_string_equal(cp.article, an.article);
	assert_string_equal(cp.file, an.file);
	assert_int_equal(cp.position, an.position);
	assert_ptr_not_equal(cp.quote, an.quote);
	anchor_clear(&an);
	/* the copy stands on its own */
	assert_string_equal(cp.quote, "Geneva");
	anchor_clear(&cp);
	article_free(a);
}

static void test_for(void **state)
{
	struct article *a = art("articles/one.txt", story);
	struct article *same = art("elsewhere/one.txt", "Other text.\n");
	struct article *other = art("articles/two.txt", "Other text.\n");
	struct article *copy = art("renamed.txt", story);
	struct anchor an;

	(void)state;
	anchor_on(&an, a, "Geneva", 0);
	assert_true(anchor_for(&an, a));
	/* the same bytes under another name: same id */
	assert_true(anchor_for(&an, copy));
	/* the same file name in another directory */
	assert_true(anchor_for(&an, same));
	assert_false(anchor_for(&an, other));
	anchor_clear(&an);
	article_free(a);
	article_free(same);
	article_free(other);
	article_free(copy);
}

/* ---- anchor_resolve ---- */

static void test_resolve_exact(void **state)
{
	struct article *a = art("s.txt", story);
	struct anchor an;
	size_t s = 99, e = 99;

	(void)state;
	anchor_on(&an, a, "the talks", 1);
	assert_int_equal(anchor_resolve(&an, a, &s, &e), ANCHOR_EXACT);
	assert_int_equal(s, offset_of(a, "the talks", 1));
	assert_int_equal(e, s + strlen("the talks"));
	anchor_clear(&an);
	article_free(a);
}

static void test_resolve_moved_after_insert(void **state)
{
	struct article *a = art("s.txt", story), *b;
	struct anchor an;
	char *edited = xasprintf("BREAKING: a longer opening paragraph was "
				 "added here.\n\n%s", story);
	size_t s, e;

	(void)state;
	anchor_on(&an, a, "the talks", 1); /* "Kim said the talks" */
	b = art("s.txt", edited);
	assert_int_equal(anchor_resolve(&an, b, &s, &e), ANCHOR_MOVED);
	assert_int_equal(s, offset_of(b, "the talks", 1));
	assert_int_equal(e - s, strlen("the talks"));
	assert_true(s >= 9 && strncmp(b->text + s - 9, "Kim said ", 9) == 0);
	article_free(b);
	free(edited);
	anchor_clear(&an);
	article_free(a);
}

static void test_resolve_moved_same_place(void **state)
{
	struct article *a = art("s.txt", story), *b;
	struct anchor an;
	char *edited = xstrdup(story);
	size_t s, e;

	(void)state;
	/* a word changed after the passage: the article's id changes */
	memcpy(strstr(edited, "Others"), "People", 6);
	anchor_on(&an, a, "would resume next month", 0);
	b = art("s.txt", edited);
	assert_string_not_equal(article_id(a), article_id(b));
	assert_int_equal(anchor_resolve(&an, b, &s, &e), ANCHOR_MOVED);
	assert_int_equal(s, an.position);
	assert_int_equal(e, s + strlen("would resume next month"));
	article_free(b);
	free(edited);
	anchor_clear(&an);
	article_free(a);
}

static void test_resolve_orphan_gone(void **state)
{
	struct article *a = art("s.txt", story), *b;
	struct anchor an;
	char *edited = xstrdup(story);
	size_t s = 7, e = 7;

	(void)state;
	anchor_on(&an, a, "would resume next month", 0);
	memcpy(strstr(edited, "resume"), "return", 6);
	b = art("s.txt", edited);
	assert_int_equal(anchor_resolve(&an, b, &s, &e), ANCHOR_ORPHAN);
	article_free(b);
	b = art("s.txt", "Nothing about it now.\n");
	assert_int_equal(anchor_resolve(&an, b, &s, &e), ANCHOR_ORPHAN);
	article_free(b);
	free(edited);
	anchor_clear(&an);
	article_free(a);
}

static void test_resolve_orphan_ambiguous(void **state)
{
	struct article *a = art("s.txt", story), *b;
	struct anchor an;
	size_t s, e;

	(void)state;
	anchor_on(&an, a, "the talks", 1);
	/* a short quote, now three times, none in its old context */
	b = art("s.txt", "X and the talks. Y and the talks. Z and the talks.\n");
	assert_int_equal(anchor_resolve(&an, b, &s, &e), ANCHOR_ORPHAN);
	article_free(b);
	/* the sentence rewritten: twice, with context that does not tell */
	b = art("s.txt",
		"Officials said on Monday the talks had failed. Kim was "
		"silent. Others said the talks were over.\n");
	assert_int_equal(anchor_resolve(&an, b, &s, &e), ANCHOR_ORPHAN);
	article_free(b);
	anchor_clear(&an);
	article_free(a);
}

/* A short quote found once, but somewhere else: not trusted. */
static void test_resolve_orphan_short_elsewhere(void **state)
{
	struct article *a = art("s.txt", story), *b;
	struct anchor an;
	size_t s, e;

	(void)state;
	anchor_on(&an, a, "Geneva", 0);
	b = art("s.txt", "The weather in Geneva was fine, reporters noted "
			 "on a quiet day.\n");
	assert_int_equal(anchor_resolve(&an, b, &s, &e), ANCHOR_ORPHAN);
	article_free(b);
	anchor_clear(&an);
	article_free(a);
}

/* A long quote found once is trusted even with its context gone. */
static void test_resolve_long_quote_once(void **state)
{
	struct article *a = art("s.txt", story), *b;
	struct anchor an;
	const char *q = "the talks would resume next month in Geneva";
	size_t s, e;

	(void)state;
	anchor_on(&an, a, q, 0);
	b = art("s.txt", "Something else entirely. In short, the talks would "
			 "resume next month in Geneva; nobody else spoke.\n");
	assert_int_equal(anchor_resolve(&an, b, &s, &e), ANCHOR_MOVED);
	assert_int_equal(s, offset_of(b, q, 0));
	assert_int_equal(e, s + strlen(q));
	article_free(b);
	anchor_clear(&an);
	article_free(a);
}

/* Several occurrences: the context picks the right one, wherever it is. */
static void test_resolve_context_picks(void **state)
{
	struct article *a = art("s.txt", story), *b;
	struct anchor an;
	size_t s, e, i;
	char *edited;

	(void)state;
	for (i = 0; i < 3; i++) {
		anchor_on(&an, a, "the talks", (int)i);
		edited = xasprintf("Update: the talks resumed.\n\n%s", story);
		b = art("s.txt", edited);
		assert_int_equal(anchor_resolve(&an, b, &s, &e), ANCHOR_MOVED);
		/* occurrence i of the old text is occurrence i+1 now */
		assert_int_equal(s, offset_of(b, "the talks", (int)i + 1));
		assert_int_equal(e, s + strlen("the talks"));
		article_free(b);
		free(edited);
		anchor_clear(&an);
	}
	article_free(a);
}

/* Multi-byte text before the passage: found again on the right bytes. */
static void test_resolve_utf8(void **state)
{
	const char *t = "«Überraschung» – sagte Kim über die Gespräche in "
			"Genf. Später: die Gespräche gingen weiter, wie "
			"erwartet.\n";
	struct article *a = art("de.txt", t), *b;
	struct anchor an;
	char *edited = xasprintf("Neu: “Änderungen” am Text.\n\n%s", t);
	size_t s, e;

	(void)state;
	anchor_on(&an, a, "die Gespräche", 1);
	assert_whole_utf8(an.prefix);
	assert_whole_utf8(an.suffix);
	b = art("de.txt", edited);
	assert_int_equal(anchor_resolve(&an, b, &s, &e), ANCHOR_MOVED);
	assert_int_equal(s, offset_of(b, "die Gespräche", 1));
	article_free(b);
	free(edited);
	anchor_clear(&an);
	article_free(a);
}

static void test_resolve_degenerate(void **state)
{
	struct article *a = art("s.txt", story);
	struct anchor an;
	size_t s, e;

	(void)state;
	memset(&an, 0, sizeof an);
	assert_int_equal(anchor_resolve(&an, a, &s, &e), ANCHOR_ORPHAN);
	an.quote = xstrdup("");
	assert_int_equal(anchor_resolve(&an, a, &s, &e), ANCHOR_ORPHAN);
	anchor_clear(&an);
	/* a position hint past the end of a shorter text */
	anchor_on(&an, a, "for good", 0);
	{
		struct article *b = art("s.txt", "Over for good.\n");

		assert_int_equal(anchor_resolve(&an, b, &s, &e),
				 ANCHOR_ORPHAN);
		article_free(b);
	}
	anchor_clear(&an);
	article_free(a);
}

/* A position from a file that is past the text, or so large that the
 * position plus the quote's length wraps: nothing is read outside the
 * text (ASan), and the quote is looked for instead. */
static void test_resolve_wild_position(void **state)
{
	static const size_t wild[] = {
		(size_t)-1, (size_t)-4, (size_t)-1 / 2 + 1, 1000, 45,
	};
	struct article *a = art("w.txt", "Short text, the quote here.\n");
	size_t i, s, e;

	(void)state;
	for (i = 0; i < sizeof wild / sizeof *wild; i++) {
		struct anchor an = {0};

		an.article = xstrdup(article_id(a));
		an.quote = xstrdup("the quote here");
		an.prefix = xstrdup("Short text, ");
		an.suffix = xstrdup(".");
		an.position = wild[i];
		assert_int_equal(anchor_resolve(&an, a, &s, &e), ANCHOR_MOVED);
		assert_int_equal(s, 12);
		assert_int_equal(e, 26);
		anchor_clear(&an);
	}
	article_free(a);
}

/* A passage longer than ANCHOR_MAX_QUOTE keeps its first bytes, its
 * length and a hash; it is placed exactly, found again when moved, and
 * an orphan when its end changed. */
static void test_long_quote(void **state)
{
	size_t len = 3 * ANCHOR_MAX_QUOTE, i, s, e;
	char *t = xmalloc(len + 16);
	struct article *a, *b;
	struct anchor an, cp;

	(void)state;
	for (i = 0; i < len; i++)
		t[i] = "xy zw"[i % 5];
	memcpy(t + len, ".\n", 3);
	a = art("l.txt", t);
	anchor_make(&an, a, 0, len);
	assert_int_equal(strlen(an.quote), ANCHOR_MAX_QUOTE);
	assert_int_equal(an.length, len);
	assert_int_equal(strlen(an.hash), 16);
	assert_int_equal(anchor_length(&an), len);
	anchor_copy(&cp, &an);
	assert_int_equal(anchor_resolve(&cp, a, &s, &e), ANCHOR_EXACT);
	assert_int_equal(e, len);
	t[len - 1] = 'Q';
	b = art("l.txt", t);
	assert_int_equal(anchor_resolve(&cp, b, &s, &e), ANCHOR_ORPHAN);
	article_free(b);
	anchor_clear(&an);
	anchor_clear(&cp);
	article_free(a);
	free(t);
}

/* A short story for test_resolve_after_edits. */
static const char *short_story =
	"Officials said the talks failed. Kim said the talks would resume. "
	"Others said the talks were over.\n";

/* Made on a short story, then found again after text is added, and
 * an orphan once the passage is gone or ambiguous. */
static void test_resolve_after_edits(void **state)
{
	struct article *a = text_article(rules, "s.txt", short_story), *b;
	struct anchor an;
	size_t s, e;
	char *edited;

	(void)state;
	anchor_at(&an, a, "the talks", 1);
	assert_int_equal(anchor_resolve(&an, a, &s, &e), ANCHOR_EXACT);
	assert_int_equal(s, (size_t)(strstr(strstr(a->text, "Kim"), "the talks") -
				     a->text));
	/* text added before: found again by its context */
	edited = xasprintf("Breaking. %s", short_story);
	b = text_article(rules, "s.txt", edited);
	assert_int_equal(anchor_resolve(&an, b, &s, &e), ANCHOR_MOVED);
	assert_true(strncmp(b->text + s - 9, "Kim said the talks", 18) == 0);
	article_free(b);
	free(edited);
	/* the passage is gone: an orphan */
	b = text_article(rules, "s.txt", "Nothing about it now.\n");
	assert_int_equal(anchor_resolve(&an, b, &s, &e), ANCHOR_ORPHAN);
	article_free(b);
	/* a short quote, several times, its context gone: an orphan */
	b = text_article(rules, "s.txt", "X the talks. Y the talks. Z.\n");
	assert_int_equal(anchor_resolve(&an, b, &s, &e), ANCHOR_ORPHAN);
	article_free(b);
	anchor_clear(&an);
	article_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_make_fields),
		cmocka_unit_test(test_resolve_wild_position),
		cmocka_unit_test(test_long_quote),
		cmocka_unit_test(test_resolve_after_edits),
		cmocka_unit_test(test_make_at_edges),
		cmocka_unit_test(test_make_utf8_boundaries),
		cmocka_unit_test(test_copy),
		cmocka_unit_test(test_for),
		cmocka_unit_test(test_resolve_exact),
		cmocka_unit_test(test_resolve_moved_after_insert),
		cmocka_unit_test(test_resolve_moved_same_place),
		cmocka_unit_test(test_resolve_orphan_gone),
		cmocka_unit_test(test_resolve_orphan_ambiguous),
		cmocka_unit_test(test_resolve_orphan_short_elsewhere),
		cmocka_unit_test(test_resolve_long_quote_once),
		cmocka_unit_test(test_resolve_context_picks),
		cmocka_unit_test(test_resolve_utf8),
		cmocka_unit_test(test_resolve_degenerate),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, setup, teardown);
}
