/* Classes of marks found on the second blind genre batch (BLIND21B),
 * each on sentences written for the test: a label and its number on two
 * lines of a wrapped text, a demonym before a population on the next
 * line or after another demonym, nouns of populations and of an economy,
 * the reporter a moderator calls on with an outlet, air defense systems
 * by name (HAWK, IRIS-T variants), rockets by name (GMLRS), projectiles,
 * a plan as a document, no actor.
 * And on the third (BLIND21C): ground vehicles by designation and
 * variant, weapons named by their use and weapon systems, a capitalised
 * class word in a title (no ship's name after it), a qualifier before a
 * time of day, enumerators that count off a speaker's points.
 * And on the fourth (BLIND21D): demonyms before an economy, a heritage
 * or a person's nationality, classes of treaty information and their
 * acronyms, a state after its own seat, a shadow fleet, a seat after
 * "all the way to", a formation named after its ship (an actor, the ship
 * alone a weapon), generic weaponry and fighter generations, vague
 * durations, ordinals of rank.
 * Names of persons and places are made up where they can be. */
#include "marklib.h"

struct blind_case {
	const char *text;
	struct mark want[6]; /* up to the first without a text */
};

static const struct blind_case cases[] = {
	/* a label and its number split by a line break: no figure; a
	 * count across a line break still is one */
	{"The letter cites the War Powers Resolution (Public Law\n"
	 "93-148) and Public Law\n107-243, and 40 troops left in\n"
	 "March.\n",
	 {
		{"93-148", CAT_FIGURE, NULL, 1},
		{"107-243", CAT_FIGURE, NULL, 1},
		{"40", CAT_FIGURE, NULL, 0},
	 }},
	/* a demonym before a population on the next, indented line */
	{"-   The plan fosters stronger American\n"
	 "    supply chains for the yards, and Russia objected.\n",
	 {
		{"American", CAT_ACTOR, NULL, 1},
		{"Russia", CAT_ACTOR, "Russia", 0},
	 }},
	/* two demonyms joined by "and" before a population: neither is
	 * the state; the state's government still is */
	{"The deal lets Israeli and Lebanese families return home. The "
	 "Israeli government agreed.\n",
	 {
		{"Israeli government", CAT_ACTOR, NULL, 0},
		{"Israeli", CAT_ACTOR, NULL, 1},
		{"Lebanese", CAT_ACTOR, NULL, 1},
	 }},
	/* nouns of a population or an economy after a demonym */
	{"Treasury will target Russian financial institutions, Yemeni "
	 "population centers and the American homeland's defenders; "
	 "American men and women in uniform serve.\n",
	 {
		{"Russian", CAT_ACTOR, NULL, 1},
		{"Yemeni", CAT_ACTOR, NULL, 1},
		{"American", CAT_ACTOR, NULL, 1},
	 }},
	/* the reporter a moderator calls on, with the outlet */
	{"MODERATOR:  Thank you.  Our next question will go to Molly "
	 "with ABC.\n\nQ  Thanks.  On the talks.\n",
	 {
		{"Molly", CAT_ACTOR, NULL, 0},
	 }},
	/* a plan is a document: no actor, nor its acronym */
	{"Within 210 days the Secretary shall submit a Harbor Renewal Plan "
	 "(HRP). The HRP sets goals, and Japan welcomed it.\n",
	 {
		{"Harbor Renewal Plan", CAT_ACTOR, NULL, 1},
		{"HRP", CAT_ACTOR, NULL, 1},
		{"Japan", CAT_ACTOR, "Japan", 0},
	 }},
	/* air defense and rocket systems by name, projectiles */
	{"Ruritania gets NASAMS, HAWKs, IRIS T-SLM, IRIS T-SLS and GMLRS "
	 "for the HIMARS; more than 300 projectiles were fired.\n",
	 {
		{"HAWKs", CAT_WEAPON, "HAWK", 0},
		{"IRIS T-SLM", CAT_WEAPON, "IRIS-T", 0},
		{"IRIS T-SLS", CAT_WEAPON, "IRIS-T", 0},
		{"GMLRS", CAT_WEAPON, "GMLRS", 0},
		{"projectiles", CAT_WEAPON, NULL, 0},
	 }},
	/* ground vehicles by designation: a variant alone, a designation
	 * with a popular name and a class word; not a bare designation */
	{"Will Ruritania get an M1A1 or an M2A3?  We also buy eight M88 "
	 "Recovery Vehicles and the M23 took Goma.\n",
	 {
		{"M1A1", CAT_WEAPON, "M1A1", 0},
		{"M2A3", CAT_WEAPON, "M2A3", 0},
		{"M88 Recovery Vehicles", CAT_WEAPON, "M88 Recovery Vehicles", 0},
		{"M23", CAT_WEAPON, NULL, 1},
	 }},
	/* weapons named by their use, weapon systems */
	{"Is it purely defensive weapons or offensive weapons, and which "
	 "weapon systems will Ruritania get?\n",
	 {
		{"defensive weapons", CAT_WEAPON, "defensive weapons", 0},
		{"offensive weapons", CAT_WEAPON, "offensive weapons", 0},
		{"weapon systems", CAT_WEAPON, NULL, 0},
	 }},
	/* a class word with a capital in a title names no ship after it;
	 * "the destroyer Chokai" still does */
	{"The Ruritanian Submarine Industrial Base grows, and the destroyer "
	 "Chokai sailed.\n",
	 {
		{"Submarine Industrial Base", CAT_WEAPON, NULL, 1},
		{"Industrial Base", CAT_WEAPON, NULL, 1},
		{"Chokai", CAT_WEAPON, NULL, 0},
	 }},
	/* a qualifier before a time of day: the time whole */
	{"Shortly after, around 7:30, the adviser called, and at about "
	 "8:15 the President did.\n",
	 {
		{"around 7", CAT_FIGURE, NULL, 1},
		{"around 7:30", CAT_FIGURE, NULL, 0},
		{"about 8:15", CAT_FIGURE, NULL, 0},
	 }},
	/* enumerators of a speaker's points are no figures; counts are */
	{"Q   A couple questions.  One, why 31?  Two, how long will it "
	 "take?  And three, what changed?\n\nNumber four, it is a signal "
	 "to the two leaders.\n",
	 {
		{"Two", CAT_FIGURE, NULL, 1},
		{"three", CAT_FIGURE, NULL, 1},
		{"four", CAT_FIGURE, NULL, 1},
		{"two", CAT_FIGURE, NULL, 0},
		{"31", CAT_FIGURE, NULL, 0},
	 }},
	/* demonyms before an economy, a heritage, friends, a person's
	 * nationality: no actor; before armed forces still the state */
	{"Saudi investment and American employment grew; millions claim "
	 "German heritage; my Israeli friends and the Russian businessman "
	 "Ivo Petrov and his Russian enablers met the Saudi armed forces.\n",
	 {
		{"Saudi", CAT_ACTOR, NULL, 1},
		{"American", CAT_ACTOR, NULL, 1},
		{"German", CAT_ACTOR, NULL, 1},
		{"Israeli", CAT_ACTOR, NULL, 1},
		{"Russian", CAT_ACTOR, NULL, 1},
		{"Saudi armed forces", CAT_ACTOR, NULL, 0},
	 }},
	/* classes of information a treaty governs, and their acronyms */
	{"The parties exchange Naval Nuclear Propulsion Information (NNPI), "
	 "including Restricted Data (RD). NNPI and RD stay secret, Australia "
	 "said.\n",
	 {
		{"Naval Nuclear Propulsion Information", CAT_ACTOR, NULL, 1},
		{"NNPI", CAT_ACTOR, NULL, 1},
		{"Restricted Data", CAT_ACTOR, NULL, 1},
		{"RD", CAT_ACTOR, NULL, 1},
		{"Australia", CAT_ACTOR, "Australia", 0},
	 }},
	/* a state after its own seat and a comma is the place; a demonym
	 * after a seat is not ("Belgrade, Serbian President") */
	{"The leaders met in Berlin, Germany. The adviser flew to "
	 "Port-au-Prince, Haiti on Monday. In Belgrade, Serbian officials "
	 "spoke.\n",
	 {
		{"Germany", CAT_PLACE, NULL, 0},
		{"Germany", CAT_ACTOR, NULL, 1},
		{"Haiti", CAT_PLACE, NULL, 0},
		{"Serbian", CAT_PLACE, NULL, 1},
	 }},
	/* the long form of a state's name is one actor; an island a place;
	 * a shadow fleet of tankers no actor; a seat "all the way to" a
	 * place */
	{"The United Kingdom of Great Britain and Northern Ireland agreed; "
	 "Diego Garcia hosts a base; Iran's so-called Ghost Fleet sails; "
	 "they might have gone all the way to Kyiv.\n",
	 {
		{"United Kingdom of Great Britain and Northern Ireland",
		 CAT_ACTOR, "United Kingdom", 0},
		{"Diego Garcia", CAT_PLACE, NULL, 0},
		{"Ghost Fleet", CAT_ACTOR, NULL, 1},
		{"Kyiv", CAT_ACTOR, NULL, 1},
	 }},
	/* a formation named after its ship is an actor; the ship alone a
	 * weapon; generic weaponry and generations of fighters */
	{"The submarine USS Nevada and the USS Boxer Amphibious Ready Group "
	 "deployed with Fourth and Fifth Generation Fighters, advanced "
	 "weaponry, warfighting equipment and long-range fire "
	 "capabilities.\n",
	 {
		{"USS Nevada", CAT_WEAPON, NULL, 0},
		{"USS Boxer Amphibious Ready Group", CAT_ACTOR, NULL, 0},
		{"Fourth and Fifth Generation Fighters", CAT_WEAPON, NULL, 0},
		{"advanced weaponry", CAT_WEAPON, NULL, 0},
		{"warfighting equipment", CAT_WEAPON, NULL, 0},
		{"long-range fire capabilities", CAT_WEAPON, NULL, 0},
	 }},
	/* vague durations; not "in a couple of hours" (when, not how
	 * long), nor a vague count of things */
	{"Iran struck a few weeks ago, a couple of hours ago and for many "
	 "months; in the last several months and one week later, we meet "
	 "in a couple of hours with a few of them.\n",
	 {
		{"a few weeks", CAT_FIGURE, NULL, 0},
		{"a couple of hours", CAT_FIGURE, NULL, 0},
		{"many months", CAT_FIGURE, NULL, 0},
		{"several months", CAT_FIGURE, NULL, 0},
		{"one week", CAT_FIGURE, NULL, 0},
		{"a few", CAT_FIGURE, NULL, 1},
	 }},
	/* ordinals of rank, and before words in capitals */
	{"As the second-largest donor, Ruritania plans a second U.S.-ASEAN "
	 "maritime exercise; the 11th Army Corps stays.\n",
	 {
		{"second-largest", CAT_FIGURE, NULL, 0},
		{"second", CAT_FIGURE, NULL, 0},
		{"11th", CAT_FIGURE, NULL, 1},
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

/* The moderator's "to NAME with" needs both words: a given name after
 * "to" alone, in running text, is no one called on. */
static void test_called_on_needs_outlet(void **state)
{
	static const struct mark want[] = {
		{"Molly", CAT_ACTOR, NULL, 1},
	};

	(void)state;
	expect_marks("The letter went to Molly yesterday.\n", want, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_called_on_needs_outlet),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, engine_setup, engine_teardown);
}
