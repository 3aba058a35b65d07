/* yamlio: the YAML reader over libyaml, on brief's data files and on the
 * forms they use: the tree, its lines and columns, errors. */
#include "testlib.h"

#include "brief/yaml/yamlio.h"

/* Every data file brief ships is read, into a mapping at line 1 or later. */
static void test_shipped_files(void **state)
{
	static const char *files[] = {
		"data/lexicon.yaml", "data/highlight.yaml", "data/article.yaml",
		"data/compare.yaml", "data/topics.yaml", "themes/dark.yaml",
		"themes/light.yaml", "themes/mono.yaml",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof files / sizeof *files; i++) {
		struct err e = {{0}};
		int ok = 0;
		struct ynode *root = yamlio_parse_file(files[i], &ok, &e);

		if (!ok || root == NULL)
			fail_msg("%s: %s", files[i], e.text);
		assert_int_equal(root->type, YNODE_MAP);
		assert_true(root->nkids >= 2);
		ynode_free(root);
	}
}

/* Block and flow forms: values, quoting, lines and columns. */
static void test_tree(void **state)
{
	static const char s[] =
		"# head\n"
		"list:\n"
		"  - one\n"
		"  - 'it''s'\n"
		"m: {value: 0.5, \"$\": USD}\n"
		"f: [guided-missile\n"
		"  destroyer, 'a, b']\n";
	struct err e = {{0}};
	int ok = 0;
	struct ynode *root = yamlio_parse(s, strlen(s), "t", 0, &ok, &e);
	struct ynode *list, *m, *f;

	(void)state;
	assert_true(ok);
	assert_non_null(root);
	list = ynode_get(root, "list");
	assert_non_null(list);
	assert_int_equal(list->type, YNODE_SEQ);
	assert_int_equal(list->nkids, 2);
	assert_string_equal(list->kids[0]->str, "one");
	assert_int_equal(list->kids[0]->line, 3);
	assert_int_equal(list->kids[0]->col, 5);
	assert_int_equal(list->kids[0]->quoted, 0);
	assert_string_equal(list->kids[1]->str, "it's");
	assert_int_equal(list->kids[1]->quoted, 1);
	m = ynode_get(root, "m");
	assert_string_equal(ynode_get(m, "value")->str, "0.5");
	assert_string_equal(ynode_get(m, "$")->str, "USD");
	assert_int_equal(ynode_get(m, "$")->col, 22);
	f = ynode_get(root, "f");
	assert_int_equal(f->nkids, 2);
	assert_string_equal(f->kids[0]->str, "guided-missile destroyer");
	assert_string_equal(f->kids[1]->str, "a, b");
	assert_int_equal(f->kids[1]->line, 7);
	ynode_free(root);
}

/* line0 moves every line (front matter inside a file). */
static void test_line0(void **state)
{
	struct err e = {{0}};
	int ok = 0;
	const char *s = "a: 1\nb: 2\n";
	struct ynode *root = yamlio_parse(s, strlen(s), "t", 10, &ok, &e);

	(void)state;
	assert_true(ok);
	assert_int_equal(ynode_get(root, "b")->line, 12);
	ynode_free(root);
}

/* Errors come from libyaml, with their line and column. */
static void test_errors(void **state)
{
	struct err e = {{0}};
	int ok;
	const char *s = "a: 1\nb: [1, 2\n";
	struct ynode *n = yamlio_parse(s, strlen(s), "f.yaml", 0, &ok, &e);

	(void)state;
	assert_null(n);
	assert_int_equal(ok, 0);
	assert_true(strncmp(e.text, "f.yaml:3:1: ", 12) == 0);
}

/* yamlio_parse (either reader) refuses text that would be read only in
 * part: err is "t:LINE:COL: " followed by want. */
static void refused(const char *s, const char *want)
{
	struct err e = {{0}};
	int ok = 1;
	struct ynode *n = yamlio_parse(s, strlen(s), "t", 0, &ok, &e);

	if (ok || n != NULL)
		fail_msg("accepted:\n%s", s);
	if (strcmp(e.text, want) != 0)
		fail_msg("want \"%s\", got \"%s\"", want, e.text);
}

/* A key given twice in any mapping, and a second document, are refused
 * with where they stand, in every YAML file brief reads. */
static void test_read_whole(void **state)
{
	(void)state;
	refused("a: 1\nb: 2\na: 3\n",
		"t:3:1: duplicate key 'a' (first at 1:1)");
	refused("list:\n  - {x: 1, y: 2, x: 3}\n",
		"t:2:18: duplicate key 'x' (first at 2:6)");
	refused("a: 1\nb:\n  c: 1\n  c: 2\n  c: 3\n",
		"t:4:3: duplicate key 'c' (first at 3:3)");
	refused("a: 1\nb: 2\n\"a\": 3\n",
		"t:3:1: duplicate key 'a' (first at 1:1)");
	refused("---\na: 1\n---\nb: 2\n",
		"t:3:1: a second YAML document: a file holds one (were two "
		"files joined?)");
	refused("a: 1\n--- \nb: 2\n",
		"t:2:1: a second YAML document: a file holds one (were two "
		"files joined?)");
	/* many keys: found all the same (sorted, not pairwise) */
	{
		struct buf b = {0};
		int i;

		for (i = 0; i < 5000; i++)
			buf_printf(&b, "k%d: %d\n", i, i);
		buf_adds(&b, "k4321: again\n");
		refused(b.data, "t:5001:1: duplicate key 'k4321' (first at "
			"4322:1)");
		buf_free(&b);
	}
}

/* The node limit grows with the text: a file of more than
 * YAMLIO_MAX_NODES nodes, at a few bytes each, is read. */
static void test_node_limit_scales(void **state)
{
	struct buf b = {0};
	struct err e = {{0}};
	size_t i, want = YAMLIO_MAX_NODES + 1000;
	struct ynode *n;
	int ok;

	(void)state;
	assert_true(yamlio_max_nodes(10) == YAMLIO_MAX_NODES);
	assert_true(yamlio_max_nodes(100u << 20) ==
		    (100u << 20) / YAMLIO_BYTES_PER_NODE);
	for (i = 0; i < want - 1; i++)
		buf_adds(&b, "- 'x'\n");
	n = yamlio_parse(b.data, b.len, "t", 0, &ok, &e);
	if (!ok)
		fail_msg("%s", e.text);
	assert_int_equal(n->nkids, want - 1);
	ynode_free(n);
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shipped_files),
		cmocka_unit_test(test_tree),
		cmocka_unit_test(test_line0),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_read_whole),
		cmocka_unit_test(test_node_limit_scales),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
