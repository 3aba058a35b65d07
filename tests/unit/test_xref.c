/* The cross-reference index: an entity's mentions in each article, and
 * stepping from one to the next across articles. */
#include "marklib.h"
#include "brief/mark/xref.h"

static void test_xref(void **state)
{
	struct mentions ma, mb;
	struct article *a = load(SEED_A, &ma), *b = load(SEED_B, &mb);
	struct xref *x = xref_new(2);
	uint32_t kim = entities_find(en.reg, "Kim Jong Un", 11);
	size_t n, ai, mi, last;
	const uint32_t *l;

	(void)state;
	xref_set(x, 0, &ma);
	xref_set(x, 1, &mb);
	assert_int_not_equal(kim, ENTITY_NONE);
	assert_true(xref_count(x, kim, 0) >= 6);
	assert_true(xref_count(x, kim, 1) >= 5);
	l = xref_list(x, kim, 0, &n);
	assert_true(ma.v[l[0]].start < ma.v[l[1]].start);
	last = ma.v[l[n - 1]].start;
	/* after the last mention in A, the next is the first in B */
	assert_int_equal(xref_step(x, kim, 0, 1, last, 1, &ai, &mi),
			 XREF_OTHER);
	assert_int_equal(ai, 1);
	assert_int_equal(mi, xref_list(x, kim, 1, &n)[0]);
	assert_int_equal(xref_step(x, kim, 0, 1, ma.v[l[0]].start, 1, &ai,
				   &mi), XREF_HERE);
	assert_int_equal(ai, 0);
	assert_int_equal(mi, l[1]);
	/* with no other article, after the last comes the first again */
	assert_int_equal(xref_step(x, kim, 0, 0, last, 1, &ai, &mi),
			 XREF_WRAPPED);
	assert_int_equal(ai, 0);
	assert_int_equal(mi, l[0]);
	/* before the first in A, the last in B */
	assert_int_equal(xref_step(x, kim, 0, 1, ma.v[l[0]].start, -1, &ai,
				   &mi), XREF_OTHER);
	assert_int_equal(ai, 1);
	assert_int_equal(mi, xref_list(x, kim, 1, &n)[n - 1]);
	xref_free(x);
	mentions_free(&ma);
	mentions_free(&mb);
	article_free(a);
	article_free(b);
}

/* The spread of an entity over the articles: a count per article and the
 * total, an article that does not mention it counted as 0. */
static void test_xref_spread(void **state)
{
	struct mentions ma, mb;
	struct article *a = load(SEED_A, &ma), *b = load(SEED_B, &mb);
	struct xref *x = xref_new(3);
	uint32_t kim = entities_find(en.reg, "Kim Jong Un", 11);
	size_t counts[3] = {7, 7, 7}, total;

	(void)state;
	xref_set(x, 0, &ma);
	xref_set(x, 2, &mb);
	assert_int_equal(xref_articles(x), 3);
	total = xref_spread(x, kim, counts);
	assert_int_equal(counts[0], xref_count(x, kim, 0));
	assert_int_equal(counts[1], 0);
	assert_int_equal(counts[2], xref_count(x, kim, 2));
	assert_true(counts[0] >= 6 && counts[2] >= 5);
	assert_int_equal(total, counts[0] + counts[2]);
	assert_int_equal(xref_spread(x, kim, NULL), total);
	/* an entity no article names */
	assert_int_equal(xref_spread(x, ENTITY_NONE - 1, counts), 0);
	assert_int_equal(counts[0], 0);
	xref_free(x);
	mentions_free(&ma);
	mentions_free(&mb);
	article_free(a);
	article_free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_xref),
		cmocka_unit_test(test_xref_spread),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, engine_setup, engine_teardown);
}
