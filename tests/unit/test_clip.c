/* What y copies: a passage with its citation, and the OSC 52 sequence
 * (base64, so the text never reaches the terminal as itself). */
#include "articlelib.h"

#include "brief/ui/clip.h"

/* clip_base64 of s as a fresh string. */
static char *b64(const char *s, size_t n)
{
	struct buf b = {0};

	clip_base64(s, n, &b);
	buf_addc(&b, '\0');
	return buf_take(&b);
}

static void test_base64_rfc4648(void **state)
{
	/* the test vectors of RFC 4648, section 10 */
	static const char *const want[][2] = {
		{"", ""},	     {"f", "Zg=="},	{"fo", "Zm8="},
		{"foo", "Zm9v"},     {"foob", "Zm9vYg=="}, {"fooba", "Zm9vYmE="},
		{"foobar", "Zm9vYmFy"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof want / sizeof want[0]; i++) {
		char *got = b64(want[i][0], strlen(want[i][0]));

		assert_string_equal(got, want[i][1]);
		free(got);
	}
	{
		/* every byte value, high bits too */
		char *got = b64("\xff\xfe\x00\x80", 4);

		assert_string_equal(got, "//4AgA==");
		free(got);
	}
}

static void test_osc52_framing(void **state)
{
	/* hostile text: an escape sequence and a BEL of its own */
	static const char hostile[] = "a\033]0;pwned\007b";
	struct buf b = {0};
	size_t i;

	(void)state;
	clip_osc52(hostile, strlen(hostile), &b);
	buf_addc(&b, '\0');
	assert_true(strncmp(b.data, "\033]52;c;", 7) == 0);
	assert_int_equal(b.data[b.len - 2], '\a');
	/* between the frame: base64 only, no control character */
	for (i = 7; i + 2 < b.len; i++)
		assert_non_null(strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklm"
				       "nopqrstuvwxyz0123456789+/=",
				       b.data[i]));
	assert_memory_equal(b.data + 7, "YRtdMDtwd25lZAdi", 16);
	buf_free(&b);
}

static void test_cite(void **state)
{
	struct article *a = text_article(rules, "x.md",
		"---\ntitle: Talks resume\ndate: 2024-05-01\n"
		"source: Wire\n---\n\nThe first paragraph.\n\n"
		"Envoys met in Geneva. They agreed on nothing.\n");
	struct buf b = {0};
	const char *p = strstr(a->text, "met in Geneva");

	(void)state;
	assert_non_null(p);
	clip_cite(a, (size_t)(p - a->text),
		  (size_t)(p - a->text) + strlen("met in Geneva"), &b);
	buf_addc(&b, '\0');
	assert_string_equal(b.data, "“met in Geneva”\n"
				    "— Talks resume, 2024-05-01, Wire, §2\n");
	buf_free(&b);
	article_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_base64_rfc4648),
		cmocka_unit_test(test_osc52_framing),
		cmocka_unit_test(test_cite),
	};

	return cmocka_run_group_tests(tests, rules_setup, rules_teardown);
}
