/* place: where notes stand in the articles (notes/place.c), on the two
 * seed articles and the notes fixture. */
#include "testlib.h"

#include <stdio.h>

#include "brief/notes/place.h"

#define FIXTURE "tests/fixtures/notes/briefing.yaml"

static struct article_rules *rules;
static struct article *arts[2];
static struct notes *ns;
static char *dir;

/* The fixture's note with id, and its index. */
static const struct note *note_by_id(const char *id, size_t *k)
{
	size_t n, i;
	struct note *v = notes_all(ns, &n);

	for (i = 0; i < n; i++)
		if (strcmp(v[i].id, id) == 0) {
			*k = i;
			return &v[i];
		}
	fail_msg("no note %s in the fixture", id);
	return NULL;
}

static int setup(void **state)
{
	struct err e = {{0}};
	size_t len;
	char *text, *path;
	FILE *f;

	(void)state;
	rules = article_rules_load("data/article.yaml", &e);
	arts[0] = rules ? article_load(SEED_A, rules, &e) : NULL;
	arts[1] = rules ? article_load(SEED_B, rules, &e) : NULL;
	/* a copy of the fixture: nothing may write the original */
	dir = temp_dir_new("place");
	text = file_read(FIXTURE, &len, &e);
	if (!arts[0] || !arts[1] || !dir || !text)
		return -1;
	path = xasprintf("%s/notes.yaml", dir);
	f = fopen(path, "w");
	if (f == NULL || fwrite(text, 1, len, f) != len || fclose(f) != 0)
		return -1;
	ns = notes_open(path, &e);
	free(path);
	free(text);
	return ns ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	notes_free(ns);
	article_free(arts[0]);
	article_free(arts[1]);
	article_rules_free(rules);
	temp_dir_remove(dir);
	free(dir);
	return 0;
}

/* The placed passage [s, e) of article a reads quote. */
static void assert_reads(const struct article *a, size_t s, size_t e,
			 const char *quote)
{
	assert_int_equal(e - s, strlen(quote));
	assert_memory_equal(a->text + s, quote, e - s);
}

static void test_place_anchor(void **state)
{
	size_t k, s = 0, e = 0;
	const struct note *lead = note_by_id("n-lead", &k);
	const struct note *orphan = note_by_id("n-orphan", &k);

	(void)state;
	assert_int_equal(place_anchor(&lead->anchor[0], arts[0], &s, &e),
			 ANCHOR_EXACT);
	assert_reads(arts[0], s, e, "thoroughly annihilate");
	/* an anchor of A is no passage of B */
	assert_int_equal(place_anchor(&lead->anchor[0], arts[1], &s, &e),
			 ANCHOR_ORPHAN);
	/* a passage that is gone */
	assert_int_equal(place_anchor(&orphan->anchor[0], arts[0], &s, &e),
			 ANCHOR_ORPHAN);
}

static void test_place_find(void **state)
{
	enum anchor_fit fit;
	size_t k, s, e;
	const struct note *bonds = note_by_id("n-bonds", &k);
	const struct note *away = note_by_id("n-elsewhere", &k);

	(void)state;
	assert_int_equal(place_find(&bonds->anchor[0], arts, 2, &fit, &s, &e),
			 1);
	assert_int_equal(fit, ANCHOR_EXACT);
	assert_reads(arts[1], s, e, "fell in love");
	/* an article that is not loaded */
	s = e = 7;
	assert_int_equal(place_find(&away->anchor[0], arts, 2, &fit, &s, &e),
			 -1);
	assert_int_equal(fit, ANCHOR_ORPHAN);
	assert_int_equal(s, 0);
	assert_int_equal(e, 0);
}

static void test_place_notes(void **state)
{
	struct note_place *p;
	size_t n, i, lead, sats, link, bonds;
	const struct note *vlink = note_by_id("n-link", &link);

	(void)state;
	note_by_id("n-lead", &lead);
	note_by_id("n-sats", &sats);
	note_by_id("n-bonds", &bonds);
	/* A: lead, sats, and the linked note's first passage, in text
	 * order; not the deleted note nor the orphan */
	n = place_notes(ns, arts[0], &p);
	assert_int_equal(n, 3);
	assert_int_equal(p[0].note, lead);
	assert_int_equal(p[1].note, sats);
	assert_int_equal(p[2].note, link);
	for (i = 1; i < n; i++)
		assert_true(p[i - 1].start <= p[i].start);
	assert_reads(arts[0], p[2].start, p[2].end, vlink->anchor[0].quote);
	free(p);
	/* B: the linked note's second passage and bonds, in text order */
	n = place_notes(ns, arts[1], &p);
	assert_int_equal(n, 2);
	assert_int_equal(p[0].note, link);
	assert_reads(arts[1], p[0].start, p[0].end, vlink->anchor[1].quote);
	assert_int_equal(p[1].note, bonds);
	free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_place_anchor),
		cmocka_unit_test(test_place_find),
		cmocka_unit_test(test_place_notes),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, setup, teardown);
}
