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
	/* one department however named */
	key_is("the Pentagon", "department of defense");
	key_is("DoD", "department of defense");
	key_is("U.S. Department of Defense", "department of defense");
	/* a country's adjective and its possessive */
	key_is("South Korean Defense Ministry", "south korea defense ministry");
	key_is("South Korea's Defense Ministry",
	       "south korea defense ministry");
	/* a middle initial, not a first one nor an abbreviation */
	key_is("Antony J. Blinken", "antony blinken");
	key_is("J. Robert Oppenheimer", "j. robert oppenheimer");
	key_is("U.S. Navy", "united states navy");
	/* accented letters as plain ones */
	key_is("José Andrés", "jose andres");
	key_is("Cuyuní River", "cuyuni river");
	key_is("Çatalca × Öre", "catalca × ore");
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

/* The counts of the entity called name in A and B, after compare_run on
 * the texts ta and tb. */
static void counts_of(const char *ta, const char *tb, const char *name,
		      size_t want_a, size_t want_b)
{
	struct article *a = text_article(rules, "a", ta);
	struct article *b = text_article(rules, "b", tb);
	struct mentions ma = {0}, mb = {0};
	struct comparison *c;
	size_t i;
	int found = 0;

	highlight_article(en.hl, a, &ma);
	highlight_article(en.hl, b, &mb);
	c = compare_run(cr, en.reg, a, &ma, b, &mb);
	for (i = 0; i < c->nents; i++)
		if (strcmp(entities_get(en.reg, c->ents[i].entity)->name,
			   name) == 0) {
			assert_int_equal(c->ents[i].count[0], want_a);
			assert_int_equal(c->ents[i].count[1], want_b);
			found = 1;
		}
	assert_true(found);
	compare_free(c);
	mentions_free(&ma);
	mentions_free(&mb);
	article_free(a);
	article_free(b);
}

/* "the North" is North Korea in a report about Korea, not in the North
 * Sea, and not in a report that names neither Korea. */
static void test_contextual(void **state)
{
	(void)state;
	counts_of("North Korea fired two missiles on Monday.\n",
		  "South Korea said the North fired. The North Sea was calm. "
		  "The North denied it.\n",
		  "North Korea", 1, 2);
	counts_of("North Korea fired two missiles on Monday.\n",
		  "Fighting raged in the North of Sudan on Monday.\n",
		  "North Korea", 1, 0);
}

/* A name defined with an acronym in A is the acronym alone in B (A
 * counts the name and its acronym: the mark links them). */
static void test_acronym(void **state)
{
	(void)state;
	counts_of("The Defense Security Cooperation Agency (DSCA) approved "
		  "the sale.\n",
		  "The DSCA approved the sale. DSCAX is no acronym of it.\n",
		  "Defense Security Cooperation Agency", 2, 1);
}

/* An acronym defined on the next line of a hard-wrapped report is the
 * name where the other writes the acronym alone. */
static void test_acronym_wrapped(void **state)
{
	(void)state;
	counts_of("The sale was approved by the Defense Security Cooperation "
		  "Agency\n(DSCA) on Monday.\n",
		  "The DSCA approved the sale on Tuesday.\n",
		  "Defense Security Cooperation Agency", 2, 1);
}

/* The place in capitals that opens a lead as its dateline is a mention
 * of the place the other report names; a lead that opens with a word in
 * capitals that is no dateline names nothing. */
static void test_dateline_place(void **state)
{
	(void)state;
	counts_of("Election unrest\n\nBISHKEK (Steppe News Agency) - "
		  "Protesters marched on Monday.\n",
		  "Police in Bishkek detained 96 people on Monday.\n",
		  "Bishkek", 1, 1);
	counts_of("Election unrest\n\nBISHKEK protesters marched on "
		  "Monday.\n",
		  "Police in Bishkek detained 96 people on Monday.\n",
		  "Bishkek", 0, 1);
}

/* A person's name with a title before it ("Chef") is the name without
 * it. */
static void test_person_title(void **state)
{
	(void)state;
	counts_of("I spoke with my friend Chef José Andrés on Monday.\n",
		  "He called José Andrés on Tuesday. José Andrés said the "
		  "team was safe.\n",
		  "José Andrés", 1, 2);
}

/* A surname alone in B is the one full name that ends with it in A. */
static void test_surname(void **state)
{
	(void)state;
	counts_of("President Emil Varga flew to Seoul. Emil Varga spoke.\n",
		  "Mr. Varga spoke in Seoul on Monday.\n", "Emil Varga", 2,
		  1);
}

/* A surname alone and unmarked in B is the person named in full in A
 * only; a full name in both reports gains nothing. */
static void test_surname_unmarked(void **state)
{
	(void)state;
	counts_of("Mayor Issa Kabore condemned the attack.\n",
		  "Kabore told the radio that help was coming.\n",
		  "Issa Kabore", 1, 1);
	counts_of("Mayor Issa Kabore condemned the attack.\n",
		  "Mayor Issa Kabore spoke. Help was coming.\n",
		  "Issa Kabore", 1, 1);
}

/* A state's institution is the same institution named without the
 * state, unless two states have one of that name. */
static void test_state_owned(void **state)
{
	(void)state;
	counts_of("South Korea's Joint Chiefs of Staff said shells fell. "
		  "The JCS said more fell.\n",
		  "The Joint Chiefs of Staff said shells fell.\n",
		  "South Korean Joint Chiefs of Staff", 2, 1);
	counts_of("South Korea's Defense Ministry and Japan's Defense "
		  "Ministry spoke.\n",
		  "The Defense Ministry said shells fell.\n",
		  "Defense Ministry", 0, 1);
}

/* A place named in both reports is an entity in both, of category
 * place. */
static void test_place(void **state)
{
	(void)state;
	counts_of("Houthi drones hit a ship in the Red Sea.\n",
		  "Attacks in the southern Red Sea went on.\n", "Red Sea", 1,
		  1);
	counts_of("Aid reached Gaza on Monday.\n",
		  "Aid reached the West Bank on Monday.\n", "Gaza", 1, 0);
}

/* A ship named in full in one report is that ship where the other
 * writes its name without the prefix. */
static void test_ship_short(void **state)
{
	(void)state;
	counts_of("A missile struck the MV Ostra Wind in the Red Sea.\n",
		  "The Ostra Wind, laden with grain, was hit.\n",
		  "MV Ostra Wind", 1, 1);
	counts_of("A missile struck the MV Ostra Wind in the Red Sea.\n",
		  "A wind from the west slowed the ships.\n",
		  "MV Ostra Wind", 1, 0);
}

/* A state's institution names the state in a report that names only
 * the institution; an institution named with its state is that one
 * where the other report writes it without a state, unless another
 * state's is mentioned there too. */
static void test_state_institution(void **state)
{
	(void)state;
	counts_of("United States forces sent 2,500 marines.\n",
		  "U.S. forces sent marines.\n", "United States", 1, 1);
	counts_of("The United States paid for the drill.\n",
		  "Freedonia's forces sent marines.\n", "United States", 1, 0);
	counts_of("Ships of the China Coast Guard sailed.\n",
		  "A dozen coast guard vessels sailed.\n",
		  "China Coast Guard", 1, 1);
	counts_of("Ships of the China Coast Guard sailed.\n",
		  "A dozen coast guard vessels met the Japan Coast Guard.\n",
		  "China Coast Guard", 1, 0);
}

/* A place found by its shape is one entity across reports. */
static void test_place_shape(void **state)
{
	(void)state;
	counts_of("Marines on Karvossa island fired.\n",
		  "Shells fell near Karvossa on Monday.\n", "Karvossa", 1, 1);
	counts_of("Marines on Karvossa island fired.\n",
		  "Shells fell near Dellmore on Monday.\n", "Karvossa", 1, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keys),
		cmocka_unit_test(test_in_both),
		cmocka_unit_test(test_contextual),
		cmocka_unit_test(test_acronym),
		cmocka_unit_test(test_acronym_wrapped),
		cmocka_unit_test(test_dateline_place),
		cmocka_unit_test(test_person_title),
		cmocka_unit_test(test_surname),
		cmocka_unit_test(test_surname_unmarked),
		cmocka_unit_test(test_state_owned),
		cmocka_unit_test(test_place),
		cmocka_unit_test(test_ship_short),
		cmocka_unit_test(test_state_institution),
		cmocka_unit_test(test_place_shape),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
