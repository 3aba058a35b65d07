/* The visible form of control characters and stray bytes, and the
 * escaping of tab-separated fields. */
#include "testlib.h"

#include "brief/base/visible.h"

static char *vis(const char *s, size_t n, int keep)
{
	struct buf b = {0};

	visible_add(&b, s, n, keep);
	return buf_take(&b);
}

static char *tsv(const char *s, size_t n)
{
	struct buf b = {0};

	visible_tsv(&b, s, n);
	return buf_take(&b);
}

/* No byte below 0x20 (but those allowed), no DEL, no C1 control. */
static void assert_no_control(const char *s, const char *allowed)
{
	size_t i;

	for (i = 0; s[i]; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 && strchr(allowed, (char)c) == NULL)
			fail_msg("control byte 0x%02X at %zu in %s", c, i, s);
		if (c == 0x7F)
			fail_msg("DEL at %zu", i);
		if (c == 0xC2 && (unsigned char)s[i + 1] >= 0x80 &&
		    (unsigned char)s[i + 1] < 0xA0)
			fail_msg("C1 control at %zu", i);
	}
}

static void test_c0_and_del(void **state)
{
	static const char in[] = "a\033[2Jb\007c\177d";
	char *v = vis(in, sizeof in - 1, 0);

	(void)state;
	assert_string_equal(v, "a^[[2Jb^Gc^?d");
	free(v);
}

static void test_c1_and_stray_bytes(void **state)
{
	/* U+009B (CSI) as UTF-8, a raw 0x9B, a raw 0xE9 (Latin-1 e acute) */
	static const char in[] = "x\xC2\x9B" "1m y\x9B" "2m z\xE9!";
	char *v = vis(in, sizeof in - 1, 0);

	(void)state;
	assert_string_equal(v, "x<9B>1m y<9B>2m z<E9>!");
	free(v);
}

static void test_printable_unicode_kept(void **state)
{
	static const char in[] = "Kim’s “drills” — 北朝鮮 \xEF\xBF\xBD ✎";
	char *v = vis(in, sizeof in - 1, 0);

	(void)state;
	assert_string_equal(v, in);
	free(v);
}

static void test_keep_flags(void **state)
{
	static const char in[] = "a\tb\nc\rd";
	char *all = vis(in, sizeof in - 1, 0);
	char *kept = vis(in, sizeof in - 1, VISIBLE_KEEP_NL | VISIBLE_KEEP_TAB);

	(void)state;
	assert_string_equal(all, "a^Ib^Jc^Md");
	assert_string_equal(kept, "a\tb\nc^Md");
	free(all);
	free(kept);
}

static void test_osc_sequences(void **state)
{
	/* OSC 52 (clipboard), OSC 0 (title), OSC 8 (link) */
	static const char in[] = "\033]52;c;aGVsbG8=\007\033]0;pwned\007"
				 "\033]8;;http://x\033\\link\033]8;;\033\\";
	char *v = vis(in, sizeof in - 1, VISIBLE_KEEP_NL);
	char *t = tsv(in, sizeof in - 1);

	(void)state;
	assert_no_control(v, "\n");
	assert_no_control(t, "");
	assert_string_equal(v, "^[]52;c;aGVsbG8=^G^[]0;pwned^G"
			       "^[]8;;http://x^[\\link^[]8;;^[\\");
	assert_string_equal(t, "\\x1b]52;c;aGVsbG8=\\x07\\x1b]0;pwned\\x07"
			       "\\x1b]8;;http://x\\x1b\\\\link\\x1b]8;;\\x1b\\\\");
	free(v);
	free(t);
}

static void test_tsv(void **state)
{
	static const char in[] = "a\tb\nc\\d\033e\xC2\x9B" "f\x9Bg é";
	char *t = tsv(in, sizeof in - 1);

	(void)state;
	assert_string_equal(t, "a\\tb\\nc\\\\d\\x1be\\xc2\\x9bf\\x9bg é");
	free(t);
}

static void test_truncated_sequence(void **state)
{
	/* a character cut at the end of the input is a stray byte */
	static const char in[] = "ab\xE2\x80";
	char *v = vis(in, sizeof in - 1, 0);
	char *t = tsv(in, sizeof in - 1);

	(void)state;
	assert_string_equal(v, "ab<E2><80>");
	assert_string_equal(t, "ab\\xe2\\x80");
	free(v);
	free(t);
}

static void test_str_and_empty(void **state)
{
	char *v = visible_str("", 0);
	char *w = visible_str("brief: \033]0;x\007", 0);

	(void)state;
	assert_string_equal(v, "");
	assert_string_equal(w, "brief: ^[]0;x^G");
	free(v);
	free(w);
}

static void test_write_large(void **state)
{
	/* slices of the output never split a character */
	size_t n = 200000, i;
	char *in = xmalloc(n + 1), *out = NULL;
	size_t outlen = 0;
	FILE *f = open_memstream(&out, &outlen);

	(void)state;
	for (i = 0; i + 3 <= n; i += 3)
		memcpy(in + i, "\xE2\x80\x94", 3); /* em dash */
	in[i] = '\0';
	assert_non_null(f);
	assert_int_equal(visible_write(f, in, i, 0), 0);
	fclose(f);
	assert_int_equal(outlen, i);
	assert_memory_equal(out, in, i);
	free(in);
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_c0_and_del),
		cmocka_unit_test(test_c1_and_stray_bytes),
		cmocka_unit_test(test_printable_unicode_kept),
		cmocka_unit_test(test_keep_flags),
		cmocka_unit_test(test_osc_sequences),
		cmocka_unit_test(test_tsv),
		cmocka_unit_test(test_truncated_sequence),
		cmocka_unit_test(test_str_and_empty),
		cmocka_unit_test(test_write_large),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
