/* Unit tests: the quick YAML reader (yamlfast) against libyaml. */
#include "testlib.h"

#include "brief/yaml/yamlfast.h"
#include "brief/yaml/yamlio.h"

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shipped_files),
		cmocka_unit_test(test_subset),
		cmocka_unit_test(test_left_to_libyaml),
		cmocka_unit_test(test_errors),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
