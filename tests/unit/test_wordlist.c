/* wordlist: the one word-list loader, from a YAML node into a trie or
 * an array. */
#include "testlib.h"

#include "brief/base/trie.h"
#include "brief/yaml/wordlist.h"
#include "brief/yaml/yamlio.h"

/* The one word-list loader: values first + i, folding, absent lists,
 * and the two errors with the node's line and column. */
static void test_wordlist(void **state)
{
	static const char s[] = "w: [Alpha, beta]\nm: {a: b}\n"
				"e: [ok, '']\n";
	struct err e = {{0}};
	int ok = 0;
	struct ynode *root = yamlio_parse(s, strlen(s), "w.yaml", 0, &ok, &e);
	struct trie *t = trie_new();
	uint32_t v = 99;

	(void)state;
	assert_true(ok);
	assert_int_equal(wordlist_load(t, "w.yaml", ynode_get(root, "w"), "w",
				       1, 7, &e), 0);
	assert_int_equal(trie_match(t, "ALPHA x", 7, 0, &v), 5);
	assert_int_equal(v, 7);
	assert_int_equal(trie_match(t, "beta", 4, 0, &v), 4);
	assert_int_equal(v, 8);
	assert_int_equal(wordlist_load(t, "w.yaml", ynode_get(root, "none"),
				       "none", 0, 0, &e), 0);
	assert_int_equal(wordlist_load(t, "w.yaml", ynode_get(root, "m"), "m",
				       0, 0, &e), -1);
	assert_string_equal(e.text, "w.yaml:2:4: 'm' must be a list of words");
	assert_int_equal(wordlist_load(t, "w.yaml", ynode_get(root, "e"), "e",
				       0, 0, &e), -1);
	assert_string_equal(e.text, "w.yaml:3:9: a word is expected");
	trie_free(t);
	ynode_free(root);
}

/* The same lists as arrays of strings, lower-cased when asked, with the
 * same checks. */
static void test_strings(void **state)
{
	static const char s[] = "w: [Alpha, beta]\nm: {a: b}\ne: [ok, '']\n";
	struct err e = {{0}};
	int ok = 0;
	struct ynode *root = yamlio_parse(s, strlen(s), "w.yaml", 0, &ok, &e);
	char **v = NULL;
	size_t n = 9, i;

	(void)state;
	assert_true(ok);
	assert_int_equal(wordlist_strings("w.yaml", ynode_get(root, "w"), "w",
					  1, &v, &n, &e), 0);
	assert_int_equal(n, 2);
	assert_string_equal(v[0], "alpha");
	assert_string_equal(v[1], "beta");
	assert_null(v[2]);
	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
	assert_int_equal(wordlist_strings("w.yaml", ynode_get(root, "none"),
					  "none", 1, &v, &n, &e), 0);
	assert_null(v);
	assert_int_equal(n, 0);
	assert_int_equal(wordlist_strings("w.yaml", ynode_get(root, "m"), "m",
					  0, &v, &n, &e), -1);
	assert_string_equal(e.text, "w.yaml:2:4: 'm' must be a list of words");
	assert_int_equal(wordlist_strings("w.yaml", ynode_get(root, "e"), "e",
					  0, &v, &n, &e), -1);
	assert_string_equal(e.text, "w.yaml:3:9: a word is expected");
	ynode_free(root);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wordlist),
		cmocka_unit_test(test_strings),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
