/* Unmarked proper names matched across two reports (names_match through
 * compare_run), on sentences of our own: what is a name, what is not,
 * and which forms are one. */
#include "comparelib.h"

#include <string.h>

/* The names compare_run lists as written in both texts, each
 * "name=a/b", "|"-joined into out. */
static void names_of(const char *ta, const char *tb, char *out, size_t n)
{
	struct article *a = text_article(rules, "a", ta);
	struct article *b = text_article(rules, "b", tb);
	struct mentions ma = {0}, mb = {0};
	struct comparison *c;
	size_t i, len = 0;

	highlight_article(en.hl, a, &ma);
	highlight_article(en.hl, b, &mb);
	c = compare_run(cr, en.reg, a, &ma, b, &mb);
	out[0] = '\0';
	for (i = 0; i < c->nnames; i++) {
		len += (size_t)snprintf(out + len, n - len, "%s%s=%zu/%zu",
					i ? "|" : "", c->names[i].name,
					c->names[i].count[0],
					c->names[i].count[1]);
		assert_true(len < n);
	}
	compare_free(c);
	mentions_free(&ma);
	mentions_free(&mb);
	article_free(a);
	article_free(b);
}

static void expect_names(const char *ta, const char *tb, const char *want)
{
	char got[512];

	names_of(ta, tb, got, sizeof got);
	assert_string_equal(got, want);
}

/* A capitalised run inside a sentence in both reports is a name; with
 * "of" inside it stays one; wrapped lines are spaces. */
static void test_shape(void **state)
{
	(void)state;
	expect_names("Crowds gathered in Varnholm on the second day.\n",
		     "Police in Varnholm made arrests on the second day.\n",
		     "Varnholm=1/1");
	expect_names("Staff of the Varnholm Museum of\nNorthern Crafts left "
		     "early.\n",
		     "The grant went to the Varnholm Museum of Northern Crafts "
		     "last week.\n",
		     "Varnholm Museum of Northern Crafts=1/1");
}

/* Not names: a capitalised common word at a sentence's start, a month
 * or a day, a run in capitals (a heading), a title alone. */
static void test_not_names(void **state)
{
	(void)state;
	expect_names("Crowds gathered on Monday in March.\n\nTALKS RESUME "
		     "TODAY\n\nThe deputy said so.\n",
		     "Crowds came back on Monday in March, and crowds left.\n\n"
		     "TALKS RESUME TODAY\n\nThe Deputy said so.\n",
		     "");
	/* seen only at a sentence's start in A, mid-sentence nowhere */
	expect_names("Dockers walked out at noon.\n",
		     "Dockers returned at dusk.\n", "");
}

/* One name in its forms: a trailing generic word, a surname alone, a
 * possessive. */
static void test_forms(void **state)
{
	(void)state;
	expect_names("The patrol boat Velma Quist left the quay.\n",
		     "Crews saw Quist leave the quay.\n", "Velma Quist=1/1");
	expect_names("Visitors praised the Orlan Gallery's new wing.\n",
		     "The show opened at the Orlan Gallery on a warm day.\n",
		     "Orlan Gallery=1/1");
	/* two longer names end with the surname: it stays apart */
	expect_names("Both Mira Quist and Tobren Quist spoke.\n",
		     "Crews saw Quist leave the quay.\n", "");
}

/* A place marked in A ("Velka Island", by its shape) is the bare name
 * unmarked in B: the entity is in both and no name is listed. */
static void test_entity(void **state)
{
	struct article *a = text_article(rules, "a", "Two ships anchored off "
					 "Velka Island at dawn.\n");
	struct article *b = text_article(rules, "b", "Two ships anchored off "
					 "Velka at dawn.\n");
	struct mentions ma = {0}, mb = {0};
	struct comparison *c;
	size_t i;
	int found = 0;

	(void)state;
	highlight_article(en.hl, a, &ma);
	highlight_article(en.hl, b, &mb);
	c = compare_run(cr, en.reg, a, &ma, b, &mb);
	for (i = 0; i < c->nents; i++)
		if (strcmp(entities_get(en.reg, c->ents[i].entity)->name,
			   "Velka Island") == 0) {
			assert_int_equal(c->ents[i].count[0], 1);
			assert_int_equal(c->ents[i].count[1], 1);
			found = 1;
		}
	assert_true(found);
	assert_int_equal(c->nnames, 0);
	compare_free(c);
	mentions_free(&ma);
	mentions_free(&mb);
	article_free(a);
	article_free(b);
}

/* A name written in one report only is not listed. */
static void test_one_side(void **state)
{
	(void)state;
	expect_names("Crowds gathered in Varnholm on the second day.\n",
		     "Crowds gathered in Ostbrek on the second day.\n", "");
}

/* A number that designates a place or a unit is part of its name
 * ("Air Base 201"), and so is the ordinal that numbers it ("6th
 * Infantry Division"); before, the name stopped short of the number. */
static void test_numbered(void **state)
{
	(void)state;
	expect_names("Ships left Harbour Base 14 at dawn.\n",
		     "Crews at Harbour Base 14 waited.\n",
		     "Harbour Base 14=1/1");
	expect_names("Crowds joined the 4th Varnholm Festival today.\n",
		     "Police guarded the 4th Varnholm Festival today.\n",
		     "4th Varnholm Festival=1/1");
	/* two numbers, two names */
	expect_names("Ships left Harbour Base 14 at dawn.\n",
		     "Crews at Harbour Base 15 waited.\n", "");
}

/* A name with a possessive that opens a sentence ("Tarnavia's governor
 * said") is a name when it is written inside a sentence elsewhere;
 * before, the possessive hid the word seen inside a sentence. */
static void test_possessive_first(void **state)
{
	(void)state;
	expect_names("Ships sailed off Tarnavia at dawn.\n",
		     "Tarnavia's governor said it would pay.\n",
		     "Tarnavia=1/1");
}

/* A name of one word that both reports write alone is that name, not
 * the longer marked name of one report that ends with it ("Mindanao" /
 * "Bangsamoro Autonomous Region in Muslim Mindanao (BARMM)" and
 * "Mindanao"). */
static void test_alone_in_both(void **state)
{
	(void)state;
	expect_names("A group in Velmar claimed it.\n",
		     "The group is active in the Autonomous Region in Upper "
		     "Velmar (ARUV). Donors sent aid to Velmar last year.\n",
		     "Velmar=1/1");
}

/* Initials that open a name in one report ("Dr APJ Abdul Kalam Island")
 * are set aside for the name the other report writes without them. */
static void test_initials(void **state)
{
	(void)state;
	expect_names("Boats left Dr KRV Tamsin Varo Quay at dawn.\n",
		     "Boats left Tamsin Varo Quay at dawn.\n",
		     "KRV Tamsin Varo Quay=1/1");
	/* not a word in capitals that is no initials (two words only) */
	expect_names("Boats left KRV Quay at dawn.\n",
		     "Boats left Varo Quay at dawn.\n", "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shape),
		cmocka_unit_test(test_not_names),
		cmocka_unit_test(test_forms),
		cmocka_unit_test(test_entity),
		cmocka_unit_test(test_one_side),
		cmocka_unit_test(test_numbered),
		cmocka_unit_test(test_possessive_first),
		cmocka_unit_test(test_alone_in_both),
		cmocka_unit_test(test_initials),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
