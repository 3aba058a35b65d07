/* Notes: anchors, re-anchoring, the store, merging, bad files. */
#include "testlib.h"

#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "brief/text/anchor.h"
#include "brief/notes/notes.h"

static struct article_rules *rules;
static char dir[] = "/tmp/brief-notesXXXXXX";

static int setup(void **state)
{
	struct err e = {{0}};

	(void)state;
	rules = article_rules_load("data/article.yaml", &e);
	return rules && mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);

	(void)state;
	article_rules_free(rules);
	if (system(cmd) != 0)
		return -1;
	free(cmd);
	return 0;
}

static const char *story =
	"Officials said the talks failed. Kim said the talks would resume. "
	"Others said the talks were over.\n";

static void anchor_at(struct anchor *an, const struct article *a,
		      const char *quote, int nth)
{
	const char *p = a->text;

	while (nth-- >= 0) {
		p = strstr(p, quote);
		assert_non_null(p);
		if (nth >= 0)
			p++;
	}
	anchor_make(an, a, (size_t)(p - a->text),
		    (size_t)(p - a->text) + strlen(quote));
}

static void test_anchor(void **state)
{
	struct article *a = text_article(rules, "s.txt", story), *b;
	struct anchor an;
	size_t s, e;
	char *edited;

	(void)state;
	anchor_at(&an, a, "the talks", 1);
	assert_int_equal(anchor_resolve(&an, a, &s, &e), ANCHOR_EXACT);
	assert_int_equal(s, (size_t)(strstr(strstr(a->text, "Kim"), "the talks") -
				     a->text));
	/* text added before: found again by its context */
	edited = xasprintf("Breaking. %s", story);
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

static char *path_of(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

static char *slurp(const char *p)
{
	size_t n;
	struct err e;

	return file_read(p, &n, &e);
}

static void test_store(void **state)
{
	struct article *a = text_article(rules, "s.txt", story);
	char *p = path_of("n1.yaml");
	struct notes *ns;
	struct err e = {{0}};
	struct anchor an;
	const char *id, *id2;
	struct note *no;
	char *keep;

	(void)state;
	ns = notes_open(p, &e);
	assert_non_null(ns);
	anchor_at(&an, a, "Kim said", 0);
	assert_int_equal(notes_add(ns, "First #alpha note — ünïcode", &an, 1,
				   &id, &e), 0);
	keep = xstrdup(id);
	assert_int_equal(notes_add(ns, "Second", &an, 1, &id2, &e), 0);
	assert_int_equal(notes_edit(ns, keep, "Edited #beta", &e), 0);
	assert_int_equal(notes_delete(ns, id2, &e), 0);
	notes_free(ns);

	ns = notes_open(p, &e);
	assert_non_null(ns);
	no = notes_find(ns, keep);
	assert_non_null(no);
	assert_string_equal(no->text, "Edited #beta");
	assert_int_equal(no->ntags, 1);
	assert_string_equal(no->tags[0], "beta");
	assert_string_equal(no->anchor[0].quote, "Kim said");
	assert_true(strlen(no->created) == 24 && no->created[23] == 'Z');
	{
		size_t n, i, live = 0;
		struct note *v = notes_all(ns, &n);

		for (i = 0; i < n; i++)
			live += !v[i].deleted;
		assert_int_equal(live, 1);
	}
	notes_free(ns);
	free(keep);
	anchor_clear(&an);
	article_free(a);
	free(p);
}

static void test_undo(void **state)
{
	struct article *a = text_article(rules, "s.txt", story);
	char *p = path_of("n2.yaml");
	struct notes *ns;
	struct err e = {{0}};
	struct anchor an;
	const char *id;
	char *keep;
	struct note *no;

	(void)state;
	ns = notes_open(p, &e);
	anchor_at(&an, a, "talks", 0);
	assert_int_equal(notes_add(ns, "one", &an, 1, &id, &e), 0);
	keep = xstrdup(id);
	assert_int_equal(notes_edit(ns, keep, "two", &e), 0);
	assert_int_equal(notes_delete(ns, keep, &e), 0);
	assert_int_equal(notes_undo(ns, &e), 0); /* the delete */
	no = notes_find(ns, keep);
	assert_false(no->deleted);
	assert_string_equal(no->text, "two");
	assert_int_equal(notes_undo(ns, &e), 0); /* the edit */
	assert_string_equal(notes_find(ns, keep)->text, "one");
	assert_int_equal(notes_undo(ns, &e), 0); /* the add */
	assert_true(notes_find(ns, keep)->deleted);
	assert_int_equal(notes_undo(ns, &e), 1); /* nothing left */
	notes_free(ns);
	free(keep);
	anchor_clear(&an);
	article_free(a);
	free(p);
}

static void test_merge(void **state)
{
	struct article *a = text_article(rules, "s.txt", story);
	char *p = path_of("n3.yaml");
	struct notes *x, *y;
	struct err e = {{0}};
	struct anchor an;
	const char *id;
	char *del;

	(void)state;
	anchor_at(&an, a, "talks", 0);
	x = notes_open(p, &e);
	y = notes_open(p, &e);
	assert_int_equal(notes_add(x, "from x", &an, 1, &id, &e), 0);
	del = xstrdup(id);
	assert_int_equal(notes_add(y, "from y", &an, 1, &id, &e), 0);
	/* y saved after x: x's note is in the file too */
	notes_free(y);
	y = notes_open(p, &e);
	assert_non_null(notes_find(y, del));
	/* a deletion in y is not undone by x saving later */
	assert_int_equal(notes_delete(y, del, &e), 0);
	assert_int_equal(notes_add(x, "x again", &an, 1, &id, &e), 0);
	notes_free(x);
	x = notes_open(p, &e);
	assert_true(notes_find(x, del)->deleted);
	notes_free(x);
	notes_free(y);
	free(del);
	anchor_clear(&an);
	article_free(a);
	free(p);
}

static void bad_file(const char *name, const char *bytes, size_t n,
		     const char *want)
{
	char *p = path_of(name), *before, *after;
	FILE *f = fopen(p, "wb");
	struct err e = {{0}};

	assert_int_equal(fwrite(bytes, 1, n, f), n);
	fclose(f);
	before = slurp(p);
	assert_null(notes_open(p, &e));
	assert_non_null(strstr(e.text, want));
	assert_true(strncmp(e.text, p, strlen(p)) == 0);
	after = slurp(p);
	assert_memory_equal(before, after, n);
	free(before);
	free(after);
	free(p);
}

static void test_bad_files(void **state)
{
	const char *good = "brief-notes: 1\nnotes: []\ncount: 0\n";

	(void)state;
	bad_file("empty.yaml", "", 0, "empty notes file");
	bad_file("bin.yaml", "brief\0notes", 11, "binary file");
	bad_file("yaml.yaml", "brief-notes: 1\nnotes: [\n", 24, ":");
	bad_file("trunc.yaml", good, strlen(good) - 9, "truncated");
	bad_file("other.yaml", "a: 1\n", 5, "not a brief notes file");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_anchor),
		cmocka_unit_test(test_store),
		cmocka_unit_test(test_undo),
		cmocka_unit_test(test_merge),
		cmocka_unit_test(test_bad_files),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, setup, teardown);
}
