/* rxgate: the literals a pattern's matches need; a text without them is
 * passed over, and never one that PCRE2 would match. */
#include "testlib.h"

#include <strings.h>

#include "brief/base/rx.h"
#include "brief/base/rxgate.h"

static struct rx_gate *gate(const char *pattern)
{
	return rx_gate_new(pattern, strlen(pattern), PCRE2_UTF | PCRE2_UCP);
}

static int may(const struct rx_gate *g, const char *s)
{
	return rx_gate_may(g, s, strlen(s), 0);
}

/* Does the gate hold literal s? */
static int holds(const struct rx_gate *g, const char *s)
{
	size_t i, n;

	for (i = 0; i < rx_gate_count(g); i++) {
		const char *l = rx_gate_literal(g, i, &n);

		if (n == strlen(s) && memcmp(l, s, n) == 0)
			return 1;
	}
	return 0;
}

static void test_literals_read_from_patterns(void **state)
{
	struct rx_gate *g;

	(void)state;
	/* the boilerplate rule: each alternative's words, "s?" multiplied
	 * out, folded to lower case */
	g = gate("(?i)\\b(?:newsletters?|delivered to your inbox|in your "
		 "inbox|subscribe(?: now| today)?|sign(?:ing)? up(?: for| to| "
		 "now| here)|unsubscribe)\\b");
	assert_non_null(g);
	assert_true(holds(g, "newsletter"));
	assert_true(holds(g, "newsletters"));
	assert_true(holds(g, "subscribe now"));
	assert_true(holds(g, "signing up here"));
	assert_true(may(g, "Sign up for our NEWSLETTER today."));
	assert_true(may(g, "SIGN UP HERE"));
	assert_false(may(g, "The army said on Monday it had signed a deal."));
	/* the start offset counts: the literal before it is not seen */
	assert_false(rx_gate_may(g, "subscribe. The army", 19, 3));
	rx_gate_free(g);

	/* a class between two sets of words: the longer ones are needed */
	g = gate("(?i)^(?:receive|get)\\b[^.]{0,60}\\b(?:news|headlines)\\b");
	assert_non_null(g);
	assert_int_equal(rx_gate_count(g), 2);
	assert_true(holds(g, "news") && holds(g, "headlines"));
	rx_gate_free(g);

	/* case kept when the pattern keeps it */
	g = gate("contributed to this report");
	assert_non_null(g);
	assert_true(may(g, "Jane Doe contributed to this report."));
	assert_false(may(g, "Jane Doe CONTRIBUTED TO THIS REPORT."));
	rx_gate_free(g);
}

static void test_no_gate_when_nothing_is_needed(void **state)
{
	static const char *const none[] = {
		"[a-z]+", "a*", "(?:abc)?", "\\d{2,4}", "ab|c*", ".", "x",
		/* read otherwise than as written: no gate */
		"(?x)a b c d", "\\Qabc\\E", "(*UTF)abc", "(?R)abc|def",
		"(abc)\\1", "\\x{41}bc", "(?(1)abc|def)", "abc{,3}",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof none / sizeof *none; i++) {
		struct rx_gate *g = gate(none[i]);

		if (g != NULL)
			fail_msg("a gate for %s", none[i]);
	}
}

/* With case ignored, PCRE2 matches the Kelvin sign to "k" and the long s
 * to "s": a text with them is never passed over. */
static void test_other_cases_of_ascii_letters(void **state)
{
	struct rx_gate *g = gate("(?i)subscribe|kilo");
	struct err e = {{0}};
	pcre2_code *re;
	pcre2_match_data *md;
	size_t ms, me;
	const char *longs = "\xC5\xBFubscribe", *kelvin = "\xE2\x84\xAAilo";

	(void)state;
	assert_non_null(g);
	re = rx_compile("(?i)subscribe|kilo", 18, 0, &e);
	assert_non_null(re);
	md = pcre2_match_data_create(4, NULL);
	assert_true(rx_find(re, md, longs, strlen(longs), 0, 0, &ms, &me));
	assert_true(rx_find(re, md, kelvin, strlen(kelvin), 0, 0, &ms, &me));
	assert_true(may(g, longs));
	assert_true(may(g, kelvin));
	/* other letters than ASCII ones do not stop the gate */
	assert_false(may(g, "caf\xC3\xA9 \xE2\x80\x99quote\xE2\x80\x99"));
	pcre2_match_data_free(md);
	rx_free(re);
	rx_gate_free(g);
}

/* Whatever PCRE2 matches, the gate lets through: random texts made of
 * the patterns' pieces, every start offset. */
static void test_never_hides_a_match(void **state)
{
	static const char *const pats[] = {
		"(?i)\\b(?:newsletters?|in your inbox|subscribe(?: now)?|"
		"sign(?:ing)? up(?: for| to))\\b",
		"(?i)\\ball rights reserved\\b",
		"contributed (?:to|for) (?:this|the) report",
		"ab(?:cd|e)+f?g",
		"(?:x|yz)(?=q)qq",
		"(?i:AB)c[de]{2}",
	};
	static const char *const pieces[] = {
		"news", "letter", "s", " ", "in ", "your ", "inbox", "sub",
		"scribe", " now", "sign", "ing", " up", " for", "ALL ",
		"Rights ", "reserved", "contributed ", "to ", "for ", "this ",
		"the ", "report", "ab", "cd", "e", "f", "g", "x", "yz", "q",
		"AB", "c", "d", ".", "\xC5\xBF", "\xE2\x80\x99",
	};
	const size_t np = sizeof pieces / sizeof *pieces;
	pcre2_match_data *md = pcre2_match_data_create(4, NULL);
	unsigned seed = 12345;
	size_t i, k, start;

	(void)state;
	for (i = 0; i < sizeof pats / sizeof *pats; i++) {
		struct err e = {{0}};
		pcre2_code *re = rx_compile_as(pats[i], strlen(pats[i]),
					       PCRE2_UCP, 0, &e);
		struct rx_gate *g = gate(pats[i]);
		int run;

		assert_non_null(re);
		assert_non_null(g);
		for (run = 0; run < 3000; run++) {
			char text[256];
			size_t n = 0, w = 1 + (seed >> 8) % 12;

			for (k = 0; k < w; k++) {
				const char *p;

				seed = seed * 1103515245u + 12345u;
				p = pieces[(seed >> 16) % np];
				memcpy(text + n, p, strlen(p));
				n += strlen(p);
			}
			for (start = 0; start <= n; start++) {
				int rc = pcre2_match(re, (PCRE2_SPTR)text, n,
						     start, 0, md, NULL);

				if (rc >= 0 && !rx_gate_may(g, text, n, start))
					fail_msg("%s matches \"%.*s\" from %zu",
						 pats[i], (int)n, text, start);
			}
		}
		rx_gate_free(g);
		rx_free(re);
	}
	pcre2_match_data_free(md);
}

/* Does the gate hold literal s in lower case? */
static int holds_folded(const struct rx_gate *g, const char *s)
{
	char low[64];
	size_t i, n = strlen(s);

	for (i = 0; i < n && i < sizeof low - 1; i++)
		low[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] + 32) : s[i];
	low[i] = '\0';
	return holds(g, low);
}

/* Is literal l (n bytes) in s[start, len), in any case when fold? */
static int literal_in(const char *s, size_t len, size_t start,
		      const char *l, size_t n, int fold)
{
	size_t i;

	for (i = start; i + n <= len; i++)
		if (fold ? strncasecmp(s + i, l, n) == 0
			 : memcmp(s + i, l, n) == 0)
			return 1;
	return 0;
}

/* Long texts, scanned 16 bytes at a time where the gate has few
 * anchors: a literal at every offset (across and at the ends of the
 * blocks, in the last bytes), cut short by one byte, and from every
 * start: the gate says "may" exactly where the literal is. */
static void test_block_scan_finds_every_place(void **state)
{
	static const struct {
		const char *pat, *lit;
		int fold;
	} cases[] = {
		{"(?i)\\ball rights reserved\\b", "all rights reserved", 1},
		{"contributed to this report", "contributed to this report",
		 0},
		{"(?i)\\bunsubscribe\\b", "UnSubscribe", 1},
		/* anchors without bit 0x20: the bytes of a curly
		 * apostrophe, '@', '_' */
		{"we\xE2\x80\x99re here", "we\xE2\x80\x99re here", 0},
		{"(?i)mail@x_y", "Mail@X_Y", 1},
	};
	static const char filler[] = "the cat sat on a mat, then ran off. ";
	size_t c, at, cut, start, k;

	(void)state;
	for (c = 0; c < sizeof cases / sizeof *cases; c++) {
		struct rx_gate *g = gate(cases[c].pat);
		size_t ln = strlen(cases[c].lit);

		assert_non_null(g);
		assert_int_equal(rx_gate_count(g), 1);
		assert_true(cases[c].fold ? holds_folded(g, cases[c].lit)
					  : holds(g, cases[c].lit));
		for (at = 0; at < 70; at++)
			for (cut = 0; cut < 2; cut++) {
				char text[160];
				size_t n = 0;

				for (k = 0; k < at; k++)
					text[n++] = filler[k % (sizeof filler - 1)];
				memcpy(text + n, cases[c].lit, ln - cut);
				n += ln - cut;
				for (k = 0; k < 20 + at % 17; k++)
					text[n++] = filler[k % (sizeof filler - 1)];
				for (start = 0; start <= n; start++) {
					int want = literal_in(text, n, start,
							      cases[c].lit, ln,
							      cases[c].fold);

					if (rx_gate_may(g, text, n, start) != want)
						fail_msg("%s: \"%.*s\" from %zu: "
							 "%d", cases[c].pat,
							 (int)n, text, start,
							 want);
				}
				/* the literal last, the text ending with it */
				n = at + ln - cut;
				assert_int_equal(rx_gate_may(g, text, n, 0),
						 cut == 0);
			}
		rx_gate_free(g);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_literals_read_from_patterns),
		cmocka_unit_test(test_no_gate_when_nothing_is_needed),
		cmocka_unit_test(test_other_cases_of_ascii_letters),
		cmocka_unit_test(test_never_hides_a_match),
		cmocka_unit_test(test_block_scan_finds_every_place),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
