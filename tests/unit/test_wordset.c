/* wordset: words without regard to ASCII case, with their bits, found
 * again after the table has grown; the bytes are borrowed, not copied. */
#include "testlib.h"

#include <stdio.h>

#include "brief/base/wordset.h"

static void test_case_and_bits(void **state)
{
	struct wordset *ws = wordset_new();
	const char *text = "Minister of the Ministry OF";

	(void)state;
	assert_int_equal(wordset_get(ws, "of", 2), 0);
	assert_int_equal(wordset_add(ws, text + 9, 2, 1), 1); /* "of" */
	/* "OF": the same word, its bits now both */
	assert_int_equal(wordset_add(ws, text + 25, 2, 4), 1 | 4);
	assert_int_equal(wordset_add(ws, text, 8, 2), 2); /* "Minister" */
	assert_int_equal(wordset_size(ws), 2);
	assert_int_equal(wordset_get(ws, "Of", 2), 1 | 4);
	assert_int_equal(wordset_get(ws, "MINISTER", 8), 2);
	assert_int_equal(wordset_get(ws, "minister", 8), 2);
	/* a prefix, a longer word and an empty word are other words */
	assert_int_equal(wordset_get(ws, "Minist", 6), 0);
	assert_int_equal(wordset_get(ws, text + 16, 8), 0); /* "Ministry" */
	assert_int_equal(wordset_get(ws, "", 0), 0);
	/* only ASCII letters fold: "É" is not "é" */
	wordset_add(ws, "\xc3\x89t\xc3\xa9", 5, 8);
	assert_int_equal(wordset_get(ws, "\xc3\x89T\xc3\xa9", 5), 8);
	assert_int_equal(wordset_get(ws, "\xc3\xa9t\xc3\xa9", 5), 0);
	wordset_free(ws);
}

static void test_many_words_grow(void **state)
{
	struct wordset *ws = wordset_new();
	char (*w)[16] = xcalloc(20000, sizeof *w);
	size_t i;

	(void)state;
	for (i = 0; i < 20000; i++) {
		snprintf(w[i], sizeof w[i], "Word%zu", i);
		wordset_add(ws, w[i], strlen(w[i]), (unsigned)(i % 7) + 1);
	}
	/* added again in another case: no new words, the bits or'ed */
	wordset_add(ws, "WORD0", 5, 16);
	assert_int_equal(wordset_size(ws), 20000);
	for (i = 0; i < 20000; i++) {
		char up[16];
		size_t k;

		for (k = 0; w[i][k]; k++)
			up[k] = (char)(w[i][k] >= 'a' && w[i][k] <= 'z'
					       ? w[i][k] - 32
					       : w[i][k]);
		assert_int_equal(wordset_get(ws, up, k),
				 ((unsigned)(i % 7) + 1) | (i == 0 ? 16 : 0));
	}
	assert_int_equal(wordset_get(ws, "Word20000", 9), 0);
	wordset_free(ws);
	free(w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_case_and_bits),
		cmocka_unit_test(test_many_words_grow),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
