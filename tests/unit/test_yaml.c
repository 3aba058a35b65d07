/* Unit tests: the quick YAML reader (yamlfast) against libyaml. */
#include "testlib.h"

#include "brief/yamlfast.h"
#include "brief/yamlio.h"

/* Read s both ways; returns yamlfast's *simple.  When yamlfast reads it,
 * libyaml must read it too, into the same tree. */
static int both_ways(const char *s)
{
	struct err e = {{0}};
	size_t n = strlen(s);
	int simple, ok;
	struct ynode *fast = yfast_parse(s, n, 0, &simple);
	struct ynode *slow = yamlio_parse_libyaml(s, n, "t", 0, &ok, &e);

	if (simple && !ok)
		fail_msg("yamlfast read what libyaml refuses (%s):\n%s", e.text,
			 s);
	if (simple && !ynode_equal(fast, slow))
		fail_msg("yamlfast and libyaml disagree on:\n%s", s);
	ynode_free(fast);
	ynode_free(slow);
	return simple;
}

/* Every data file brief ships is in the subset, and read the same. */
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
		size_t n;
		char *s = file_read(files[i], &n, &e);
		char *z;

		if (s == NULL)
			fail_msg("%s", e.text);
		z = xstrndup(s, n);
		if (!both_ways(z))
			fail_msg("%s is not read by yamlfast", files[i]);
		free(z);
		free(s);
	}
}

/* What the subset holds: read, and read as libyaml reads it. */
static void test_subset(void **state)
{
	static const char *in[] = {
		"a: 1\nb: two words  # a comment\n",
		"# head\n\nlist:\n  - one\n  - 'it''s'\n  - \"dq\"\nnext: x\n",
		"m:\n  k: {value: 0.5, weak: true}\n  s: {\"$\": USD, 'a b': c}\n",
		"f: [guided-missile\n  destroyer, per cent, \"%\", -1, 2.5,\n"
		"  'a, b']\n",
		"seq:\n- {pattern: '\\bx\\b', offset: -1}\n- name: n\n  where: "
		"start\n  marker: true\nafter: 1\n",
		"e: []\nm: {}\n",
		"deep:\n  deeper:\n    deepest: [a, [b, c], {d: e}]\n",
		"names: ['Côte d''Ivoire', Türkiye, 'Kim Jong Un']\nk: v\n",
		"  indented: root\n  second: key\n",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof in / sizeof *in; i++)
		if (!both_ways(in[i]))
			fail_msg("not read by yamlfast:\n%s", in[i]);
}

/* What it leaves to libyaml (anchors, block scalars, tabs, keys over
 * lines, documents, errors): never read differently. */
static void test_left_to_libyaml(void **state)
{
	static const char *in[] = {
		"a: &x 1\nb: *x\n",
		"a: |\n  text\n",
		"a: >\n  folded\n",
		"a:\tb\n",
		"{a\n b: 1}\n",
		"---\na: 1\n",
		"a: 1\n...\n",
		"%YAML 1.1\n---\na: 1\n",
		"a: b: c\n",
		"a: [1, 2,]\n",
		"a: [1, 2\n",
		"a: 'unclosed\n",
		"a: \"esc\\n\"\n",
		"a: x\n  b: y\n",
		"- - a\n",
		"a: !tag x\n",
		"a:\nb: 1\n",
		"\xEF\xBB\xBF" "a: 1\n",
		"a: 1\r\nb: 2\r\n",
		"plain\n",
		"",
		"a: [x # c\n  , y]\n",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof in / sizeof *in; i++)
		if (both_ways(in[i]))
			fail_msg("yamlfast read what it should leave:\n%s",
				 in[i]);
}

/* Through yamlio_parse, errors still come from libyaml, with their
 * line and column. */
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
	n = yamlio_parse_libyaml(b.data, b.len, "t", 0, &ok, &e);
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
		cmocka_unit_test(test_subset),
		cmocka_unit_test(test_left_to_libyaml),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_read_whole),
		cmocka_unit_test(test_node_limit_scales),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
