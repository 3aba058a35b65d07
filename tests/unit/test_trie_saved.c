/* trie_save / trie_load: a trie read back gives the same matches; when
 * the reader lends its bytes (the engine cache's mapping) the trie reads
 * them in place, never frees them, and copies them before a change;
 * otherwise it copies, and outlives the bytes. */
#include "testlib.h"

#include <stdlib.h>
#include <string.h>

#include "brief/base/ser.h"
#include "brief/base/trie.h"

static const char text[] = "The Korean People's Army and the KPA; kpa.";

static struct trie *sample(void)
{
	struct trie *t = trie_new();

	trie_add(t, "Korean People's Army", 20, 7, 0);
	trie_add(t, "KPA", 3, 8, 1);
	trie_add(t, "Army", 4, 9, 0);
	return t;
}

/* The saved form of sample(), after an odd-length string so that the
 * arrays need padding: *n bytes, the first 8 of them the string. */
static unsigned char *saved(size_t *n)
{
	struct buf b = {0};
	struct trie *t = sample();
	unsigned char *p;

	ser_str(&b, "odd");
	trie_save(t, &b);
	trie_free(t);
	/* malloc's memory is aligned for any number */
	p = xmalloc(b.len);
	memcpy(p, b.data, b.len);
	*n = b.len;
	buf_free(&b);
	return p;
}

static struct trie *load(const unsigned char *p, size_t n, int lend,
			 struct deser *d)
{
	char *s;

	deser_init(d, p, n);
	d->lend = lend;
	s = deser_str(d);
	assert_string_equal(s, "odd");
	free(s);
	return trie_load(d);
}

static void same_matches(const struct trie *t)
{
	uint32_t v = 0;

	/* (the end of the match) */
	assert_int_equal(trie_match(t, text, sizeof text - 1, 4, &v), 24);
	assert_int_equal(v, 7);
	assert_int_equal(trie_match(t, text, sizeof text - 1, 33, &v), 36);
	assert_int_equal(v, 8);
	assert_int_equal(trie_match(t, text, sizeof text - 1, 38, &v), 41);
	assert_int_equal(v, 8); /* folded */
	assert_int_equal(trie_match(t, text, sizeof text - 1, 0, &v), 0);
}

static void test_lent_read_in_place_copied_on_change(void **state)
{
	size_t n;
	unsigned char *p = saved(&n), *before = xmalloc(n);
	struct deser d;
	struct trie *t;
	uint32_t v = 0;

	(void)state;
	memcpy(before, p, n);
	t = load(p, n, 1, &d);
	assert_non_null(t);
	assert_int_equal(d.bad, 0);
	assert_int_equal(d.at, n);
	assert_int_equal(trie_size(t), 3);
	same_matches(t);
	/* a change: the trie takes copies, the lent bytes stay as they were */
	assert_int_equal(trie_add(t, "Hwasong-18", 10, 11, 0), 1);
	assert_memory_equal(p, before, n);
	assert_int_equal(trie_match(t, "a Hwasong-18 test", 17, 2, &v), 12);
	assert_int_equal(v, 11);
	assert_int_equal(trie_size(t), 4);
	same_matches(t);
	trie_free(t);
	/* freed without a change: the lent bytes are not freed with it (a
	 * double free here under ASan otherwise) */
	t = load(p, n, 1, &d);
	assert_non_null(t);
	trie_free(t);
	free(before);
	free(p);
}

static void test_copied_outlives_bytes(void **state)
{
	size_t n;
	unsigned char *p = saved(&n);
	struct deser d;
	struct trie *t = load(p, n, 0, &d);

	(void)state;
	assert_non_null(t);
	memset(p, 0xAB, n);
	free(p);
	same_matches(t);
	trie_free(t);
}

static void test_damaged_refused(void **state)
{
	size_t n, cut;
	unsigned char *p = saved(&n);
	struct deser d;

	(void)state;
	/* cut anywhere after the string: refused, never read past the end */
	for (cut = 16; cut < n; cut += 97) {
		assert_null(load(p, cut, 1, &d));
		assert_int_equal(d.bad, 1);
	}
	free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lent_read_in_place_copied_on_change),
		cmocka_unit_test(test_copied_outlives_bytes),
		cmocka_unit_test(test_damaged_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
