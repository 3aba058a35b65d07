/* The remaining classes of marks on genres beyond wire copy (issue 21,
 * the third part): headings in capitals before a colon, missile defense
 * as a mission, a force's word before a generic weapon, organisations
 * by what is said of them, demonyms before a product, units with their
 * number, places that hold a state's or a city's name; and of the third
 * pass: a council before a capitalised word of its own ("Security
 * Council Resolutions"), calibres with their weapon (".50 caliber machine
 * guns"), designations with a hyphened popular name and a variant
 * ("AGM-88G Advanced Anti-Radiation Guided Missile", "AIM-120C-8"), the
 * IRGC's navy as an actor of its own.  Every text is a fixture written
 * for the test; company names are made up. */
#include "marklib.h"

struct rest_case {
	const char *text;
	struct mark want[8]; /* up to the first without a text */
};

static const struct rest_case cases[] = {
	/* a heading in capitals before a colon reads known names in any
	 * case; the sentence after it as usual */
	{"DEFEND THE UNITED STATES AGAINST MISSILE ATTACK: Today, the "
	 "plan went ahead.\n\n"
	 "THE IRON DOME WILL GUARD THE HOMELAND: By law, Japan agreed.\n",
	 {
		{"THE UNITED STATES", CAT_ACTOR, "United States", 0},
		{"IRON DOME", CAT_WEAPON, "Iron Dome", 0},
		{"Japan", CAT_ACTOR, "Japan", 0},
	 }},
	/* missile defense as a mission or a cooperation is no weapon; as
	 * a system it is, and a head right after it joins it */
	{"The allies increased cooperation on ballistic missile defense, "
	 "and Ruritania built a missile defense shield and bought missile "
	 "defense interceptors. It funds non-kinetic missile defense "
	 "capabilities.\n\n"
	 "Improved Cooperation on Ballistic Missile Defense: the allies "
	 "met.\n",
	 {
		{"ballistic missile defense", CAT_WEAPON, NULL, 1},
		{"missile defense", CAT_WEAPON, NULL, 1},
		{"Ballistic Missile Defense", CAT_WEAPON, NULL, 1},
		{"missile defense shield", CAT_WEAPON, NULL, 0},
		{"missile defense interceptors", CAT_WEAPON, NULL, 0},
	 }},
	/* a force's word before a generic weapon: the state, then the
	 * weapon */
	{"Drones targeted United States and United Kingdom Navy vessels "
	 "in the strait.\n",
	 {
		{"United Kingdom", CAT_ACTOR, "United Kingdom", 0},
		{"Navy vessels", CAT_WEAPON, NULL, 0},
		{"United Kingdom Navy", CAT_ACTOR, NULL, 1},
	 }},
	/* organisations by a company's predicate, and listed after a
	 * lead of sanctions */
	{"The Kolva Terran Works is Ruritania's largest defense "
	 "enterprise. Marek Orvil Fabrics is controlled by a general. "
	 "Treasury is designating Vask Orlen Trading, Pell Marrow "
	 "Ventures and Quill Aster Partners today.\n",
	 {
		{"Kolva Terran Works", CAT_ACTOR, NULL, 0},
		{"Marek Orvil Fabrics", CAT_ACTOR, NULL, 0},
		{"Vask Orlen Trading", CAT_ACTOR, NULL, 0},
		{"Pell Marrow Ventures", CAT_ACTOR, NULL, 0},
		{"Quill Aster Partners", CAT_ACTOR, NULL, 0},
	 }},
	/* a demonym before a product or a population is none; one
	 * hyphened before a weapon is the state's */
	{"The plant buys American-made steel, American steel companies "
	 "grew and one American contractor left; Chinese-made drones "
	 "flew.\n",
	 {
		{"American", CAT_ACTOR, NULL, 1},
		{"Chinese", CAT_ACTOR, "China", 0},
	 }},
	/* a unit with its number is one actor */
	{"Task Force 58 sailed with Carrier Strike Group 12.\n",
	 {
		{"Task Force 58", CAT_ACTOR, NULL, 0},
		{"Carrier Strike Group 12", CAT_ACTOR, NULL, 0},
	 }},
	/* names that hold a state's or a city's name: one place, or no
	 * mark; a seat with a possessive or after "on" is its state */
	{"Ships crossed the Gulf of Guinea. A professor at Georgetown "
	 "University spoke before the Washington NATO Summit opened. Iran "
	 "criticized Washington's decision.\n",
	 {
		{"Gulf of Guinea", CAT_PLACE, NULL, 0},
		{"Guinea", CAT_ACTOR, NULL, 1},
		{"Georgetown", CAT_PLACE, NULL, 1},
		{"Georgetown", CAT_ACTOR, NULL, 1},
		{"Washington", CAT_ACTOR, "United States", 0},
	 }},
	/* a head word goes on with capitalised words only after "of" or
	 * "for": the council is the lexicon's, its resolutions no actor */
	{"The measures follow United Nations Security Council Resolutions "
	 "1718 and 2397. Ruritania cited the United Nations Security "
	 "Council Travel Bans as well. The Council of Elders met.\n",
	 {
		{"United Nations Security Council", CAT_ACTOR,
		 "UN Security Council", 0},
		{"Nations Security Council Resolutions", CAT_ACTOR, NULL, 1},
		{"Nations Security Council Travel Bans", CAT_ACTOR, NULL, 1},
		{"Council of Elders", CAT_ACTOR, NULL, 0},
	 }},
	/* a calibre and the weapon after it are one weapon, with or
	 * without a hyphen, a maker's name between them too */
	{"The package holds 120 M2 .50 caliber machine guns, .50 caliber "
	 "ammunition and 40 .50-caliber Barrett rifles.\n",
	 {
		{"50 caliber machine guns", CAT_WEAPON, NULL, 0},
		{"50 caliber ammunition", CAT_WEAPON, NULL, 0},
		{"50-caliber Barrett rifles", CAT_WEAPON, NULL, 0},
	 }},
	/* a designation's popular name may hold hyphened words and run to
	 * four words; a variant number after the designation belongs to
	 * it */
	{"Ruritania requested AGM-88G Advanced Anti-Radiation Guided "
	 "Missile rounds and AIM-120C-8 Advanced Medium-Range Air-to-Air "
	 "Missiles.\n",
	 {
		{"AGM-88G Advanced Anti-Radiation Guided Missile", CAT_WEAPON,
		 NULL, 0},
		{"AIM-120C-8 Advanced Medium-Range Air-to-Air Missiles",
		 CAT_WEAPON, NULL, 0},
	 }},
	/* the IRGC's navy is an actor of its own, the IRGC another */
	{"The IRGC Navy seized a tanker, and the IRGC praised it.\n",
	 {
		{"IRGC Navy", CAT_ACTOR, NULL, 0},
		{"IRGC", CAT_ACTOR, NULL, 0},
	 }},
};

static void test_cases(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof *cases; i++)
		expect_marks_upto(cases[i].text, cases[i].want,
				  sizeof cases[i].want / sizeof *cases[i].want);
}

/* The Washington of the summit is no actor, the one of the decision is
 * (has() finds any one of them: count them). */
static void test_seat_in_a_name(void **state)
{
	const char *text = "The Washington NATO Summit opened. Iran "
			   "criticized Washington's decision.\n";
	struct mentions m = {0};
	struct article *a = text_article(rules, "seat", text);
	size_t i, n = 0;

	(void)state;
	highlight_article(en.hl, a, &m);
	for (i = 0; i < m.n; i++)
		n += m.v[i].cat == CAT_ACTOR &&
		     m.v[i].end - m.v[i].start == 10 &&
		     memcmp(a->text + m.v[i].start, "Washington", 10) == 0;
	assert_int_equal(n, 1);
	mentions_free(&m);
	article_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_seat_in_a_name),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, engine_setup, engine_teardown);
}
