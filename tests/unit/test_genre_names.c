/* The name rules for genres beyond wire copy (issue 21): known names on
 * lines in capitals, speakers' labels in transcripts, given names with a
 * surname or addressed alone, offices, laws and populations, reporters
 * before their outlets, persons in apposition with a trade, companies
 * by their last word.  Every text
 * is a fixture written for the test; the people and places in it are
 * made up where the lexicon must not know them. */
#include "marklib.h"

struct genre_case {
	const char *text;
	struct mark want[10]; /* up to the first without a text */
};

static const struct genre_case cases[] = {
	/* headings in capitals name the lexicon's entities; other words
	 * in capitals stay unmarked */
	{"The order takes effect today.\n\n"
	 "LETTER FROM JOSEPH R. BIDEN JR. TO THE SENATE\n\n"
	 "THE WHITE HOUSE AND THE CONGRESS\n\n"
	 "CONTINUATION OF THE NATIONAL EMERGENCY WITH RESPECT TO "
	 "ZIMBABWE\n",
	 {
		{"JOSEPH R. BIDEN JR.", CAT_ACTOR, "Joe Biden", 0},
		{"ZIMBABWE", CAT_ACTOR, "Zimbabwe", 0},
		{"WHITE HOUSE", CAT_ACTOR, NULL, 0},
		{"CONTINUATION", CAT_ACTOR, NULL, 1},
		{"NATIONAL EMERGENCY", CAT_ACTOR, NULL, 1},
	 }},
	/* the same words in mixed case are not folded: "Us" is no state */
	{"Let Us begin the talks in Harare.\n",
	 {
		{"Us", CAT_ACTOR, NULL, 1},
	 }},
	/* a speaker's label names the speaker by the surname, the person
	 * the text named in full; a role is no one */
	{"MODERATOR: I will turn it over to Trevor Brenner.\n\n"
	 "MR. BRENNER: Thanks, everybody.\n\n"
	 "REAR ADMIRAL OKONJO: Thank you.\n\n"
	 "Q Thanks. A question on the strikes.\n",
	 {
		{"BRENNER", CAT_ACTOR, "Trevor Brenner", 0},
		{"OKONJO", CAT_ACTOR, "Okonjo", 0},
		{"MODERATOR", CAT_ACTOR, NULL, 1},
		{"MR", CAT_ACTOR, NULL, 1},
		{"Q", CAT_ACTOR, NULL, 1},
	 }},
	/* "FACT SHEET:" opens a document, it names no one */
	{"FACT SHEET: New Steps on Coastal Trade\n\nThe plan is new.\n",
	 {
		{"SHEET", CAT_ACTOR, NULL, 1},
		{"FACT SHEET", CAT_ACTOR, NULL, 1},
	 }},
	/* a given name and a capitalised surname with no title; the given
	 * name again, addressed, is the same person; a given name before
	 * a place's word or an organisation's is no person */
	{"Next up, we'll go to Trevor Brenner of the Daily Courier. "
	 "Trevor, you should be able to unmute yourself. Thanks, Yulia. "
	 "Brett McAllen spoke. Ingrid Brandvold, "
	 "an aid worker, left. Flights resumed at Ben Gurion Airport and "
	 "David Sanger University reopened.\n",
	 {
		{"Trevor Brenner", CAT_ACTOR, "Trevor Brenner", 0},
		{"Trevor", CAT_ACTOR, "Trevor Brenner", 0},
		{"Yulia", CAT_ACTOR, "Yulia", 0},
		{"Brett McAllen", CAT_ACTOR, "Brett McAllen", 0},
		{"Ingrid Brandvold", CAT_ACTOR, NULL, 0},
		{"Ben Gurion", CAT_ACTOR, NULL, 1},
		{"Ben Gurion Airport", CAT_ACTOR, NULL, 1},
		{"David Sanger", CAT_ACTOR, NULL, 1},
	 }},
	/* a given name not addressed, and a name the lexicon knows as a
	 * state, are no person */
	{"The ship John sailed north. Talks with Jordan, Egypt and Chad, "
	 "said officials.\n",
	 {
		{"John", CAT_ACTOR, NULL, 1},
		{"Jordan", CAT_ACTOR, "Jordan", 0},
	 }},
	/* an office after "the" with its department is an actor (it acts
	 * in orders and letters); with a name after it the name is the
	 * person */
	{"The Secretary of the Treasury, in consultation with the Secretary "
	 "of State, may designate persons. Secretary of State Ama Kofi "
	 "Mensah agreed.\n",
	 {
		{"Secretary of the Treasury", CAT_ACTOR, NULL, 0},
		{"Secretary of State", CAT_ACTOR, NULL, 0},
		{"Treasury", CAT_ACTOR, NULL, 1},
		{"Ama Kofi Mensah", CAT_ACTOR, NULL, 0},
		{"Secretary of State Ama Kofi Mensah", CAT_ACTOR, NULL, 1},
	 }},
	/* laws and treaties are no actors, nor their acronyms; "U.S."
	 * inside "U.S.C." is no state */
	{"under the International Emergency Economic Powers Act (IEEPA) "
	 "(50 U.S.C. 1701 et seq.) and the 2001 Authorization for Use of "
	 "Military Force. The IEEPA applies. The Coastal Defense "
	 "Cooperation Agreement (CDCA) stands.\n",
	 {
		{"International Emergency Economic Powers Act", CAT_ACTOR, NULL,
		 1},
		{"IEEPA", CAT_ACTOR, NULL, 1},
		{"U.S.", CAT_ACTOR, NULL, 1},
		{"Authorization for Use of Military Force", CAT_ACTOR, NULL, 1},
		{"Military Force", CAT_ACTOR, NULL, 1},
		{"Coastal Defense Cooperation Agreement", CAT_ACTOR, NULL, 1},
		{"CDCA", CAT_ACTOR, NULL, 1},
	 }},
	/* a demonym before a word of population, goods or economy is no
	 * actor; before a bomber, or a state's own name, it is */
	{"American workers and the American economy gained. An American "
	 "bomber flew. United States citizens were warned. Turkish-made "
	 "drones flew.\n",
	 {
		{"American", CAT_ACTOR, "United States", 0},
		{"United States", CAT_ACTOR, "United States", 0},
		{"Turkish", CAT_ACTOR, "Turkey", 0},
	 }},
	/* a reporter called on before the outlet (a comma, "of", "with");
	 * the given name alone is the same person later; a state before
	 * an outlet stays the state; a label of an unnamed official is
	 * no one */
	{"MODERATOR: Next, Oriana Feldtmann, NPR. Then Dalibor Kranjcevic "
	 "of CBS.\n\n"
	 "Q Thanks. Oriana Feldtmann with NPR.\n\n"
	 "SENIOR ADMINISTRATION OFFICIAL: Thanks, Dalibor. In North Korea, "
	 "NBC reported a test.\n",
	 {
		{"Oriana Feldtmann", CAT_ACTOR, "Oriana Feldtmann", 0},
		{"NPR", CAT_ACTOR, "NPR", 0},
		{"Dalibor Kranjcevic", CAT_ACTOR, "Dalibor Kranjcevic", 0},
		{"CBS", CAT_ACTOR, "CBS News", 0},
		{"Dalibor", CAT_ACTOR, "Dalibor Kranjcevic", 0},
		{"North Korea", CAT_ACTOR, "North Korea", 0},
		{"OFFICIAL", CAT_ACTOR, NULL, 1},
		{"SENIOR ADMINISTRATION OFFICIAL", CAT_ACTOR, NULL, 1},
	 }},
	/* sanctioned persons with a trade in apposition, companies by a
	 * company word; a given name that runs into a room's name is no
	 * person */
	{"Treasury designated Tendekai Murozvi, a businessman, and his "
	 "firms Zambezi Copper Holdings Ltd and Harare Freight Company. "
	 "They spoke in the James Okafor Press Briefing Room.\n",
	 {
		{"Tendekai Murozvi", CAT_ACTOR, "Tendekai Murozvi", 0},
		{"Zambezi Copper Holdings Ltd", CAT_ACTOR, NULL, 0},
		{"Harare Freight Company", CAT_ACTOR, NULL, 0},
		{"James Okafor", CAT_ACTOR, NULL, 1},
		{"James Okafor Press", CAT_ACTOR, NULL, 1},
	 }},
	/* one capitalised word after "Go ahead," or "Thank you," and
	 * closed by a stop is the person called on; "Sir" and a state are
	 * not; a police force by its last word */
	{"MS. OKAFOR: Go ahead, Selina.\n\n"
	 "Q Thank you, Tamsin. A question.\n\n"
	 "MS. OKAFOR: Thank you, Sir. Yes, Kaitlan? Thanks, Russia. The "
	 "Ecuadorian National Police agreed.\n",
	 {
		{"Selina", CAT_ACTOR, "Selina", 0},
		{"Tamsin", CAT_ACTOR, "Tamsin", 0},
		{"Kaitlan", CAT_ACTOR, "Kaitlan", 0},
		{"Sir", CAT_ACTOR, NULL, 1},
		{"Russia", CAT_ACTOR, "Russia", 0},
		{"Ecuadorian National Police", CAT_ACTOR, NULL, 0},
	 }},
	/* headings of an order's sections name no one after "General" */
	{"Sec. 9. General Provisions. Under General License 25, trade "
	 "resumed.\n",
	 {
		{"Provisions", CAT_ACTOR, NULL, 1},
		{"License", CAT_ACTOR, NULL, 1},
	 }},
	/* a particle joins a name only before a capitalised word: "Berg"
	 * before "declared" keeps no "de" from inside the next word */
	{"Minister Anna Berg declared the plan. Prime Minister Dick van Dam "
	 "deployed troops.\n",
	 {
		{"Anna Berg", CAT_ACTOR, NULL, 0},
		{"Anna Berg de", CAT_ACTOR, NULL, 1},
		{"Dick van Dam", CAT_ACTOR, NULL, 0},
	 }},
};

/* The demonym before "workers" and "economy" is not marked: the only
 * "American" marked is the one before "bomber". */
static void test_population(void **state)
{
	struct mentions m = {0};
	struct article *a = text_article(rules, "pop", cases[8].text);
	size_t i, n = 0;

	(void)state;
	highlight_article(en.hl, a, &m);
	assert_true(m.n > 0);
	for (i = 0; i < m.n; i++)
		if (m.v[i].end - m.v[i].start == 8 &&
		    memcmp(a->text + m.v[i].start, "American", 8) == 0) {
			n++;
			assert_memory_equal(a->text + m.v[i].end, " bomber", 7);
		}
	assert_int_equal(n, 1);
	mentions_free(&m);
	article_free(a);
}

static void test_cases(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof *cases; i++)
		expect_marks_upto(cases[i].text, cases[i].want,
				  sizeof cases[i].want / sizeof *cases[i].want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_population),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, engine_setup, engine_teardown);
}
