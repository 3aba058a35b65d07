/* The weapon and name rules for genres beyond wire copy (issue 21, the
 * second part): designations by their shape, classes, vessels and
 * calibres, what looks like a weapon and is not, weapons that modify a
 * noun, names in a signature, populations, operations, cities as places
 * and a letter's addressees.  Every text is a fixture written for the
 * test; designations and names are made up where the lexicon must not
 * know them. */
#include "marklib.h"

struct genre_case {
	const char *text;
	struct mark want[10]; /* up to the first without a text */
};

static const struct genre_case cases[] = {
	/* a designation with a popular name, or alone with a known
	 * prefix; one before a weapon joins it */
	{"The Air Force will field the LGM-52B Warden to replace it. The "
	 "Navy ordered CVN-93 and two A-37 Dragonfly aircraft and a "
	 "C-219B for the army. Soldiers carried the M261 machine gun.\n",
	 {
		{"LGM-52B Warden", CAT_WEAPON, "LGM-52B Warden", 0},
		{"CVN-93", CAT_WEAPON, "CVN-93", 0},
		{"A-37 Dragonfly aircraft", CAT_WEAPON, "A-37 Dragonfly", 0},
		{"C-219B", CAT_WEAPON, NULL, 0},
		{"M261 machine gun", CAT_WEAPON, NULL, 0},
	 }},
	/* shapes that are no weapon: an unknown prefix alone, a single
	 * letter with one digit, a gang's code */
	{"Leaders of the G-20 met. The A-1 rating held. The MS-14 gang "
	 "fled and the E3 talked.\n",
	 {
		{"G-20", CAT_WEAPON, NULL, 1},
		{"A-1", CAT_WEAPON, NULL, 1},
		{"MS-14", CAT_WEAPON, NULL, 1},
		{"E3", CAT_WEAPON, NULL, 1},
	 }},
	/* a class by its name, with the weapon after it; a name before
	 * it stays its own */
	{"The Maria Dalisay-class patrol vessel sailed with an X-class "
	 "ship. Two Israeli-made Corvo-class patrol gunboats and a "
	 "Russian Kestrel-class corvette followed.\n",
	 {
		{"Maria Dalisay-class patrol vessel", CAT_WEAPON,
		 "Maria Dalisay-class", 0},
		{"X-class", CAT_WEAPON, NULL, 0},
		{"Corvo-class patrol gunboats", CAT_WEAPON, "Corvo-class", 0},
		{"Russian", CAT_ACTOR, "Russia", 0},
		{"Kestrel-class corvette", CAT_WEAPON, NULL, 0},
		{"Maria Dalisay", CAT_ACTOR, NULL, 1},
	 }},
	/* vessel and aircraft classes, calibres, unmanned systems */
	{"The service will buy arctic security cutters and a medium "
	 "icebreaker; two battleships and Navy vessels and public "
	 "vessels sailed. Troops got 7.62mm ammunition. Forces downed a one-way "
	 "unmanned aerial system. The order bans weapons of war and funds "
	 "early warning systems.\n",
	 {
		{"arctic security cutters", CAT_WEAPON, NULL, 0},
		{"medium icebreaker", CAT_WEAPON, NULL, 0},
		{"battleships", CAT_WEAPON, NULL, 0},
		{"Navy vessels", CAT_WEAPON, NULL, 0},
		{"public vessels", CAT_WEAPON, NULL, 0},
		{"7.62mm ammunition", CAT_WEAPON, NULL, 0},
		{"one-way unmanned aerial system", CAT_WEAPON, NULL, 0},
		{"weapons of war", CAT_WEAPON, NULL, 0},
		{"early warning systems", CAT_WEAPON, NULL, 0},
	 }},
	/* what looks like a weapon and is not: radios, data systems,
	 * software, ransomware, and the acronym of one */
	{"The army fielded the Single Channel Ground and Airborne Radio "
	 "System (SINCGARS), data systems and software. SINCGARS works. "
	 "The plan helps combat ransomware.\n",
	 {
		{"Single Channel Ground and Airborne Radio System", CAT_WEAPON,
		 NULL, 1},
		{"SINCGARS", CAT_WEAPON, NULL, 1},
		{"data systems", CAT_WEAPON, NULL, 1},
		{"ransomware", CAT_WEAPON, NULL, 1},
	 }},
	/* weapons that modify a noun ending the phrase are none; before a
	 * noun that goes on they stay */
	{"Strikes hit rocket, missile, and drone storage facilities; and "
	 "munitions storage, and later rocket and drone storage sites.\n",
	 {
		{"rocket", CAT_WEAPON, NULL, 0},
		{"drone", CAT_WEAPON, NULL, 0},
		{"missile", CAT_WEAPON, NULL, 1},
		{"munitions", CAT_WEAPON, NULL, 1},
	 }},
	/* a weapon's word before a field, a policy or an activity
	 * (modifier_words) is none wherever the phrase ends; before a
	 * weapon's own noun, and in a sentence of its own, it stays */
	{"Talks covered missile defense policy and anti-submarine warfare "
	 "drills, and radars sent missile warning data. Crews fired two "
	 "missiles and a submarine sailed.\n",
	 {
		{"missile defense", CAT_WEAPON, NULL, 1},
		{"submarine", CAT_WEAPON, NULL, 0},
		{"missiles", CAT_WEAPON, NULL, 0},
		{"missile", CAT_WEAPON, NULL, 1},
	 }},
	/* a weapon inside the name of a law or a treaty is none; the same
	 * words in a sentence are; idioms with guns are no weapons */
	{"Under the Chemical and Biological Weapons Control and Warfare "
	 "Elimination Act of 1991, envoys pressed for silencing the guns. "
	 "Inspectors found biological weapons and guns.\n",
	 {
		{"Biological Weapons", CAT_WEAPON, NULL, 1},
		{"biological weapons", CAT_WEAPON, NULL, 0},
		{"guns", CAT_WEAPON, NULL, 0},
		{"silencing the guns", CAT_WEAPON, NULL, 1},
	 }},
	/* designations with variants: a letter and digit after the
	 * number, a mark with a space, a suffix after a slash, a popular
	 * name of three words, a block's number */
	{"Crews loaded M7A3 carbines, MK 61 lightweight torpedoes and "
	 "QBU-71/B Quiet Lantern Bombs. The QIM-404 Silver Grey Heron "
	 "Missiles and the F-63 Block 90 aircraft arrived.\n",
	 {
		{"M7A3 carbines", CAT_WEAPON, "M7A3", 0},
		{"MK 61 lightweight torpedoes", CAT_WEAPON, "MK 61", 0},
		{"QBU-71/B Quiet Lantern Bombs", CAT_WEAPON, NULL, 0},
		{"QIM-404 Silver Grey Heron Missiles", CAT_WEAPON, NULL, 0},
		{"F-63 Block 90 aircraft", CAT_WEAPON, "F-63 Block 90", 0},
	 }},
	/* calibres of artillery join the weapon after them; torpedoes,
	 * anti-armor systems, MRAPs, nuclear devices and strategic
	 * weapons are weapons; fissile material and enriched uranium
	 * are not */
	{"The aid adds 155mm artillery rounds, 120mm mortars, torpedoes, "
	 "Javelin anti-armor systems and Mine Resistant Ambush Protected "
	 "vehicles. The regime tested a nuclear device and built strategic "
	 "weapons, but its fissile material and enriched uranium stayed "
	 "under seal.\n",
	 {
		{"155mm artillery rounds", CAT_WEAPON, NULL, 0},
		{"120mm mortars", CAT_WEAPON, NULL, 0},
		{"torpedoes", CAT_WEAPON, "torpedoes", 0},
		{"Javelin anti-armor systems", CAT_WEAPON, "Javelin", 0},
		{"Mine Resistant Ambush Protected vehicles", CAT_WEAPON, "MRAP",
		 0},
		{"nuclear device", CAT_WEAPON, "nuclear weapons", 0},
		{"strategic weapons", CAT_WEAPON, "nuclear weapons", 0},
		{"fissile material", CAT_WEAPON, NULL, 1},
		{"enriched uranium", CAT_WEAPON, NULL, 1},
	 }},
	/* generic words in a military context: after a qualifier, or
	 * listed beside a weapon; alone or after a civil word they are
	 * none; a ship's name after "Navy ship" or "cutter" */
	{"Rebels attacked the fleet, including ships and aircraft, and "
	 "later drones and boats. The treaty covers armed forces, public "
	 "vessels, or aircraft. The plant builds military vehicles and "
	 "naval vessels. Commercial ships and aircraft fled; the port "
	 "lost vehicles and ammunition, and attacks on ships and Coast "
	 "Guard vessels went on near Philippine public vessels. The "
	 "mine sank the Zandovian Navy ship Orwen, and the cutter Balsam "
	 "sailed.\n",
	 {
		{"ships", CAT_WEAPON, NULL, 0},
		{"boats", CAT_WEAPON, NULL, 0},
		{"public vessels", CAT_WEAPON, NULL, 0},
		{"military vehicles", CAT_WEAPON, NULL, 0},
		{"naval vessels", CAT_WEAPON, NULL, 0},
		{"Commercial ships", CAT_WEAPON, NULL, 1},
		{"vehicles", CAT_WEAPON, NULL, 1},
		{"Orwen", CAT_WEAPON, "Orwen", 0},
		{"Balsam", CAT_WEAPON, "Balsam", 0},
	 }},
	/* populations, operations, a city as a place, addressees */
	{"Letter to the Speaker of the House and President pro tempore of "
	 "the Senate\n\n"
	 "Those who harm Americans will pay, said the Allies. The Russians "
	 "bring helicopters. Operation Silent Anvil hit Khartoum-based "
	 "groups, and fighting spread in Khartoum. Sudan's capital, "
	 "Khartoum, was calm. USAID and the Joint Staff briefed.\n",
	 {
		{"Senate", CAT_ACTOR, NULL, 1},
		{"Americans", CAT_ACTOR, NULL, 1},
		{"Allies", CAT_ACTOR, NULL, 1},
		{"Russians", CAT_ACTOR, "Russia", 0},
		{"Operation Silent Anvil", CAT_ACTOR, NULL, 1},
		{"Silent Anvil", CAT_ACTOR, NULL, 1},
		{"Khartoum", CAT_PLACE, "Khartoum", 0},
		{"Khartoum", CAT_ACTOR, NULL, 1},
		{"USAID", CAT_ACTOR, "USAID", 0},
		{"Joint Staff", CAT_ACTOR, "Joint Staff", 0},
	 }},
	/* a signature and a header in capitals, folded as boilerplate,
	 * name the lexicon's actors; other lines there stay unmarked */
	{"The order takes effect today.\n\n"
	 "Sincerely,\n\n"
	 "JOSEPH R. BIDEN JR.\n\n"
	 "THE WHITE HOUSE,\n"
	 "March 3, 2021.\n\n"
	 "Media contact: NATO press office\n",
	 {
		{"JOSEPH R. BIDEN JR.", CAT_ACTOR, "Joe Biden", 0},
		{"WHITE HOUSE", CAT_ACTOR, "White House", 0},
		{"NATO", CAT_ACTOR, NULL, 1},
		{"March 3, 2021", CAT_FIGURE, NULL, 1},
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, engine_setup, engine_teardown);
}
