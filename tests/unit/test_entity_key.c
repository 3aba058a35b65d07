/* compare: entities across reports are matched by a key, so the forms a
 * reader treats as one name are one entity ("U.S. military forces" /
 * "United States military forces"). */
#include "comparelib.h"

#include <stdint.h>

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

/* Mark the texts ta and tb and compare them into *p (pair_free frees). */
static void pair_run(struct pair *p, const char *ta, const char *tb)
{
	memset(p, 0, sizeof *p);
	p->a = text_article(rules, "a", ta);
	p->b = text_article(rules, "b", tb);
	pair_compare(p);
}

/* After compare_run on the texts ta and tb, the entity called name in
 * the registry is counted want_a times in A and want_b in B (SIZE_MAX:
 * not checked) and shown as want (NULL: not checked). */
static void entity_is(const char *ta, const char *tb, const char *name,
		      size_t want_a, size_t want_b, const char *want)
{
	struct pair p;
	size_t i;
	int found = 0;

	pair_run(&p, ta, tb);
	for (i = 0; i < p.c->nents; i++) {
		const struct cmp_entity *ce = &p.c->ents[i];

		if (strcmp(entities_get(en.reg, ce->entity)->name, name) != 0)
			continue;
		if (want_a != SIZE_MAX) {
			assert_int_equal(ce->count[0], want_a);
			assert_int_equal(ce->count[1], want_b);
		}
		if (want != NULL)
			assert_string_equal(ce->name, want);
		found = 1;
	}
	assert_true(found);
	pair_free(&p);
}

/* The counts of the entity called name in A and B (entity_is). */
static void counts_of(const char *ta, const char *tb, const char *name,
		      size_t want_a, size_t want_b)
{
	entity_is(ta, tb, name, want_a, want_b, NULL);
}

/* The form the entity called name is shown by (entity_is). */
static void shown_is(const char *ta, const char *tb, const char *name,
		     const char *want)
{
	entity_is(ta, tb, name, SIZE_MAX, SIZE_MAX, want);
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

/* An entity is shown by a form the reports write, not by a canonical
 * name neither writes: the one both write (alone or inside a longer
 * form), without "the" and a possessive; its canonical name when a
 * report writes it; a state by its name, never its demonym. */
static void test_shown(void **state)
{
	(void)state;
	shown_is("Joseph R. Biden met the envoy. President Biden's aides "
		 "left.\n",
		 "President Biden spoke on Tuesday.\n", "Joe Biden",
		 "President Biden");
	shown_is("A Tu-142 maritime patrol aircraft flew near Kiska.\n",
		 "The Tu-142 turned back on Monday.\n", "Tupolev", "Tu-142");
	shown_is("Russian bombers flew near Kiska.\n",
		 "Two Russian aircraft turned back.\n", "Russia", "Russia");
	shown_is("Joe Biden met the envoy on Monday.\n",
		 "President Biden spoke on Tuesday.\n", "Joe Biden",
		 "Joe Biden");
}

/* An institution named with its state's demonym in one report
 * ("Nicaraguan National Police") is the one the other names without
 * it. */
static void test_state_demonym(void **state)
{
	(void)state;
	counts_of("In Nicaragua, the Nicaraguan National Police detained "
		  "ten students.\n",
		  "The National Police detained ten students on Monday.\n",
		  "Nicaraguan National Police", 1, 1);
	shown_is("In Nicaragua, the Nicaraguan National Police detained "
		 "ten students.\n",
		 "The National Police detained ten students on Monday.\n",
		 "Nicaraguan National Police", "Nicaraguan National Police");
	counts_of("In Nicaragua, the Nicaraguan National Police detained "
		  "ten students.\n",
		  "Ten students were detained on Monday.\n",
		  "Nicaraguan National Police", 1, 0);
}

/* A surname the other report writes before a generation ("Austin III")
 * is the person; a surname before another capitalised word is not. */
static void test_surname_generation(void **state)
{
	(void)state;
	counts_of("Mayor Issa Kabore condemned the attack.\n",
		  "A statement from Issa M. Kabore III followed on Monday.\n",
		  "Issa Kabore", 1, 1);
	counts_of("Mayor Issa Kabore condemned the attack.\n",
		  "A crowd walked down Kabore Street on Monday.\n",
		  "Issa Kabore", 1, 0);
}

/* The place of a report's line of a place and a date ("Jakarta,
 * 2 October 2025") is a mention of the place the other names. */
static void test_date_line_place(void **state)
{
	(void)state;
	counts_of("PRESS RELEASE No. 117\n\nJakarta, 2 October 2025\n\n"
		  "Patrol ships left the port on Monday.\n",
		  "The embassy in Jakarta said the ships left.\n", "Jakarta",
		  1, 1);
	counts_of("PRESS RELEASE No. 117\n\nPatrol ships left the port on "
		  "Monday.\n",
		  "The embassy in Jakarta said the ships left.\n", "Jakarta",
		  0, 1);
}

/* A date line under header lines names its place ("Ministry of
 * Defence\nPress Release\nJakarta, 2 October 2025"), and a date line
 * whose dash stands between the place and the date names the place and
 * its country ("KAMPALA, Uganda -- Aug. 5, 2025"); before, only a date
 * line alone in its paragraph, with a comma before the date, did. */
static void test_date_line_stacked(void **state)
{
	(void)state;
	counts_of("Ministry of Defence\nPress Release\nJakarta, 2 October "
		  "2025\n\nShips leave\n\nPatrol ships left the port on "
		  "Monday.\n",
		  "The embassy in Jakarta said the ships left.\n", "Jakarta",
		  1, 1);
	counts_of("Ships leave\n\nRelease No. 25-081\nKAMPALA, Uganda -- "
		  "Aug. 5, 2025\n\nPatrol ships left the port today.\n",
		  "The ships sailed for Uganda on Monday.\n", "Uganda", 1, 1);
	/* a header line that is no date line names nothing */
	counts_of("Ships leave\n\nRelease No. 25-081\nKAMPALA, Uganda -- "
		  "Contact desk\n\nPatrol ships left the port today.\n",
		  "The ships sailed for Rwanda on Monday.\n", "Rwanda", 0, 1);
}

/* An institution named in full in one report is the lower-case
 * description of its last words in the other ("the election
 * commission"), not a shorter one ("the commission"). */
static void test_description(void **state)
{
	(void)state;
	counts_of("The Central Election Commission said turnout was low.\n",
		  "Protesters marched to the election commission on "
		  "Sunday.\n",
		  "Central Election Commission", 1, 1);
	counts_of("The Central Election Commission said turnout was low.\n",
		  "Protesters marched to the commission on Sunday.\n",
		  "Central Election Commission", 1, 0);
}

/* A state's institution named in full in one report ("the Nigerien
 * Ministry of National Defence") is the lower-case description after
 * the state in the other ("Niger's defence ministry", "Niger's
 * ministry of defence"); not after another state, nor alone. */
static void test_state_description(void **state)
{
	(void)state;
	counts_of("The Nigerien Ministry of National Defence said the base "
		  "was handed over.\n",
		  "Troops left, Niger's defence ministry said.\n",
		  "Nigerien Ministry of National Defence", 1, 1);
	counts_of("The Nigerien Ministry of National Defence said the base "
		  "was handed over.\n",
		  "Troops left, Niger's ministry of defence said.\n",
		  "Nigerien Ministry of National Defence", 1, 1);
	counts_of("The Nigerien Ministry of National Defence said the base "
		  "was handed over.\n",
		  "Troops left Niger, Chad's defence ministry said.\n",
		  "Nigerien Ministry of National Defence", 1, 0);
	counts_of("The Nigerien Ministry of National Defence said the base "
		  "was handed over.\n",
		  "Troops left Niger, the defence ministry said.\n",
		  "Nigerien Ministry of National Defence", 1, 0);
}

/* The name of c written in both reports called name is counted
 * want_a times in A and want_b in B; with want_a 0, none is listed. */
static void name_is(const char *ta, const char *tb, const char *name,
		    size_t want_a, size_t want_b)
{
	struct pair p;
	size_t i;
	int found = 0;

	pair_run(&p, ta, tb);
	for (i = 0; i < p.c->nnames; i++) {
		if (strcmp(p.c->names[i].name, name) != 0)
			continue;
		assert_int_equal(p.c->names[i].count[0], want_a);
		assert_int_equal(p.c->names[i].count[1], want_b);
		found = 1;
	}
	assert_int_equal(found, want_a != 0);
	pair_free(&p);
}

/* A dateline's place that the other report writes only as the seat
 * standing for its state ("Oslo approved": Norway) is a name written
 * in both; the state stays in both as well.  Without the dateline, no
 * name. */
static void test_dateline_seat(void **state)
{
	(void)state;
	name_is("Boats sold\n\nOSLO, June 3, 2024 - The ministry approved "
		"the sale of four boats.\n",
		"Last year Oslo approved a similar sale to Norway's "
		"neighbours.\n",
		"Oslo", 1, 1);
	name_is("Boats sold\n\nThe ministry approved the sale of four boats "
		"on June 3.\n",
		"Last year Oslo approved a similar sale.\n", "Oslo", 0, 0);
}

/* A seat written as a place in one report ("in Oslo") and as the state
 * in the other ("flights left from Oslo", marked as Norway) is the
 * place in both; the state keeps its own count. */
static void test_seat_as_place(void **state)
{
	(void)state;
	counts_of("Talks were held in Oslo on Monday.\n",
		  "The last flights left from Oslo on Monday.\n", "Oslo", 1,
		  1);
	counts_of("Talks were held in Oslo on Monday.\n",
		  "The last flights left from Bergen on Monday.\n", "Oslo",
		  1, 0);
}

/* A report's title from front matter (not in its text) names an
 * entity the other report's text names: in both.  Not a word inside
 * another ("Norwayan" is no Norway). */
static void test_front_matter_title(void **state)
{
	(void)state;
	counts_of("---\ntitle: Norway army says it foiled an attack\n---\n\n"
		  "Soldiers repelled the attack on Saturday.\n",
		  "Norway said soldiers repelled the attack.\n", "Norway", 1,
		  1);
	counts_of("---\ntitle: Norwayan army says it foiled an attack\n---\n"
		  "\nSoldiers repelled the attack on Saturday.\n",
		  "Norway said soldiers repelled the attack.\n", "Norway", 0,
		  1);
}

/* A name defined with its acronym in A is in B where B writes the
 * acronym opening the name of one of its bodies ("IAEA Board of
 * Governors", an entity of its own). */
static void test_acronym_opens_body(void **state)
{
	(void)state;
	counts_of("The International Atomic Energy Agency (IAEA) said the "
		  "stock grew.\n",
		  "The IAEA Board of Governors will meet in June.\n",
		  "International Atomic Energy Agency", 2, 1);
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
		cmocka_unit_test(test_shown),
		cmocka_unit_test(test_state_demonym),
		cmocka_unit_test(test_surname_generation),
		cmocka_unit_test(test_date_line_place),
		cmocka_unit_test(test_date_line_stacked),
		cmocka_unit_test(test_description),
		cmocka_unit_test(test_state_description),
		cmocka_unit_test(test_dateline_seat),
		cmocka_unit_test(test_seat_as_place),
		cmocka_unit_test(test_front_matter_title),
		cmocka_unit_test(test_acronym_opens_body),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
