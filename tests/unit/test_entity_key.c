/* compare: entities across reports are matched by a key, so the forms a
 * reader treats as one name are one entity ("U.S. military forces" /
 * "United States military forces"). */
#include "comparelib.h"

/* The key of name is want. */
static void key_is(const char *name, const char *want)
{
	char *k = compare_entity_key(cr, name);

	assert_string_equal(k, want);
	free(k);
}

static void test_keys(void **state)
{
	(void)state;
	key_is("U.S. military", "united states military");
	key_is("United States military", "united states military");
	key_is("the US Navy", "united states navy");
	key_is("USA", "united states");
	key_is("Britain's Royal Navy", "united kingdom royal navy");
	key_is("DPRK", "north korea");
	/* only a whole name at the start: "Usman" is no "US" */
	key_is("Usman Khan", "usman khan");
	key_is("Unity Party", "unity party");
}

/* The comparison counts the two forms as one entity in both reports. */
static void test_in_both(void **state)
{
	struct article *a = text_article(
		rules, "a", "U.S. military forces moved north on Monday.\n");
	struct article *b = text_article(
		rules, "b", "United States military forces moved north.\n");
	struct mentions ma = {0}, mb = {0};
	struct comparison *c;
	size_t i;
	int both = 0;

	(void)state;
	highlight_article(en.hl, a, &ma);
	highlight_article(en.hl, b, &mb);
	c = compare_run(cr, en.reg, a, &ma, b, &mb);
	for (i = 0; i < c->nents; i++) {
		const struct entity *e = entities_get(en.reg, c->ents[i].entity);

		if (e->cat != CAT_ACTOR)
			continue;
		assert_int_equal(c->ents[i].count[0], 1);
		assert_int_equal(c->ents[i].count[1], 1);
		both++;
	}
	assert_int_equal(both, 1);
	compare_free(c);
	mentions_free(&ma);
	mentions_free(&mb);
	article_free(a);
	article_free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keys),
		cmocka_unit_test(test_in_both),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
