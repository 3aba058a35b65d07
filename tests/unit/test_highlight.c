/* The highlighter (through the engine): the seeds' actors, weapons and
 * figures, the language rules, and what small texts must (not) have
 * marked. */
#include "marklib.h"

static void test_seeds(void **state)
{
	struct mentions ma, mb;
	struct article *a = load(SEED_A, &ma), *b = load(SEED_B, &mb);

	(void)state;
	assert_true(has(a, &ma, "Kim Jong Un", CAT_ACTOR, "Kim Jong Un"));
	assert_true(has(a, &ma, "Kim", CAT_ACTOR, "Kim Jong Un"));
	assert_true(has(a, &ma, "North Korean leader", CAT_ACTOR, "Kim Jong Un"));
	assert_true(has(a, &ma, "Yoon Suk Yeol", CAT_ACTOR, "Yoon Suk Yeol"));
	assert_true(has(a, &ma, "Donald Trump", CAT_ACTOR, "Donald Trump"));
	assert_true(has(b, &mb, "Volodymyr Zelensky", CAT_ACTOR,
			"Volodymyr Zelensky"));
	assert_true(has(a, &ma, "U.S.", CAT_ACTOR, "United States"));
	assert_true(has(b, &mb, "Washington", CAT_ACTOR, "United States"));
	assert_true(has(a, &ma, "the United States", CAT_ACTOR, "United States"));
	assert_true(has(a, &ma, "South Korea", CAT_ACTOR, "South Korea"));
	assert_true(has(a, &ma, "North Korea", CAT_ACTOR, "North Korea"));
	assert_true(has(a, &ma, "North Korean", CAT_ACTOR, "North Korea"));
	assert_true(has(b, &mb, "Moscow", CAT_ACTOR, "Russia"));
	assert_true(has(a, &ma, "Russia", CAT_ACTOR, "Russia"));
	assert_true(has(a, &ma, "China", CAT_ACTOR, "China"));
	assert_true(has(a, &ma, "Japan", CAT_ACTOR, "Japan"));
	assert_true(has(a, &ma, "Ukraine", CAT_ACTOR, "Ukraine"));
	assert_true(has(b, &mb, "KCNA", CAT_ACTOR, "KCNA"));
	assert_true(has(b, &mb, "Korean News Agency", CAT_ACTOR, "KCNA"));
	assert_true(has(a, &ma, "United Nations Security Council", CAT_ACTOR,
			"UN Security Council"));
	assert_true(has(b, &mb, "Workers’ Party", CAT_ACTOR,
			"Workers' Party of Korea"));
	assert_true(has(a, &ma, "military spy satellites", CAT_WEAPON, NULL));
	assert_true(has(a, &ma, "attack drones", CAT_WEAPON, "drones"));
	assert_true(has(a, &ma, "nuclear bombs", CAT_WEAPON, "nuclear bombs"));
	assert_true(has(a, &ma, "nuclear weapons", CAT_WEAPON, "nuclear weapons"));
	assert_true(has(a, &ma, "intercontinental ballistic missiles",
			CAT_WEAPON, "intercontinental ballistic missiles"));
	assert_true(has(b, &mb, "missiles", CAT_WEAPON, "missiles"));
	/* fuel, not a weapon (issue 21: analysts never mark it) */
	assert_false(has(a, &ma, "nuclear material", CAT_WEAPON, NULL));
	assert_true(has(a, &ma, "20 to 30", CAT_FIGURE, "nuclear bombs"));
	assert_true(has(b, &mb, "more than 10,000", CAT_FIGURE, "troops"));
	assert_true(has(b, &mb, "3,000", CAT_FIGURE, "troops"));
	assert_true(has(b, &mb, "three times", CAT_FIGURE, "times"));
	assert_true(has(b, &mb, "2019", CAT_FIGURE, NULL));
	assert_true(has(b, &mb, "five-day", CAT_FIGURE, NULL));
	/* boilerplate is not marked */
	{
		size_t i;

		for (i = 0; i < mb.n; i++)
			assert_int_not_equal(b->sections[mention_section(&mb, &mb.v[i])].kind,
					     SECTION_BOILERPLATE);
	}
	mentions_free(&ma);
	mentions_free(&mb);
	article_free(a);
	article_free(b);
}

/* Texts and what must (or must not) be marked in each. */
struct marks_case {
	const char *text;
	struct mark want[12]; /* up to the first without a text */
};

static const struct marks_case mark_cases[] = {
	/* a name set off by commas after a title; a name before ", the …
	 * chief"; a known organisation after a possessive */
	{"Freedonia's prime minister, Anna Kowalska, said "
	 "the talks failed. Tomas Ferreira, the U.N. "
	 "refugee chief, agreed. Iran's Islamic "
	 "Revolutionary Guard Corps fired.\n",
	 {
		{"Anna Kowalska", CAT_ACTOR, "Anna Kowalska", 0},
		{"Tomas Ferreira", CAT_ACTOR, "Tomas Ferreira", 0},
		{"Islamic Revolutionary Guard Corps", CAT_ACTOR, "IRGC", 0},
		{"Iran's Islamic Revolutionary Guard Corps", CAT_ACTOR, NULL, 1},
	 }},
	/* a title is not part of the name before ", the …"; "Jr."; a state
	 * and its institution (after a possessive, two marks, or the state
	 * alone when the institution is not capitalised); each named
	 * ship is its own entity; a number
	 * word inside a name */
	{"Said General Tomas Ferreira, the chief of the "
	 "army. President Juan Ortega Jr. spoke. "
	 "Pakistan's air force and the Chinese navy met "
	 "Armenia’s Defense Ministry and "
	 "the USS Carl Vinson and the HMS Prince of Wales, "
	 "a World War Two design.\n",
	 {
		{"Tomas Ferreira", CAT_ACTOR, "Tomas Ferreira", 0},
		{"Juan Ortega Jr.", CAT_ACTOR, "Juan Ortega Jr.", 0},
		{"Pakistan", CAT_ACTOR, "Pakistan", 0},
		{"air force", CAT_ACTOR, NULL, 1},
		{"Pakistan's air force", CAT_ACTOR, NULL, 1},
		{"Armenia", CAT_ACTOR, "Armenia", 0},
		{"Defense Ministry", CAT_ACTOR, "Armenia defense ministry", 0},
		{"Chinese navy", CAT_ACTOR, "China navy", 0},
		{"USS Carl Vinson", CAT_WEAPON, "USS Carl Vinson", 0},
		{"HMS Prince of Wales", CAT_WEAPON, "HMS Prince of Wales", 0},
		{"Two", CAT_FIGURE, NULL, 1},
	 }},
	/* a month alone after "in"; "one" before a person; digits in a
	 * name; a year range read once */
	{"In April, one man was killed and one of the "
	 "Tu-95 bombers flew. It may march on in 2022-23, "
	 "since March. The vote was 79 to 18.\n",
	 {
		{"April", CAT_FIGURE, "date", 0},
		{"March", CAT_FIGURE, "date", 0},
		{"one", CAT_FIGURE, "man", 0},
		{"95", CAT_FIGURE, NULL, 1},
		{"23", CAT_FIGURE, NULL, 1},
		{"may", CAT_FIGURE, NULL, 1},
		{"march", CAT_FIGURE, NULL, 1},
		{"79 to 18", CAT_FIGURE, "tally", 0},
		{"18", CAT_FIGURE, NULL, 1},
	 }},
	/* a long form with "in" inside; an aside closed by the sentence's
	 * end; an organisation ending in "Endowment" */
	{"The European Union Mission in Armenia (EUMA) "
	 "met, said the mission's head, Markus Ritter. "
	 "Later EUMA said so, as did the Carnegie "
	 "Endowment.\n",
	 {
		{"European Union Mission in Armenia", CAT_ACTOR, NULL, 0},
		{"EUMA", CAT_ACTOR, "European Union Mission in Armenia", 0},
		{"Markus Ritter", CAT_ACTOR, "Markus Ritter", 0},
		{"Carnegie Endowment", CAT_ACTOR, NULL, 0},
	 }},
	/* a name after a class of warship is a ship of its own, apart from
	 * its class; an aside with no article; a name with a letter
	 * outside ASCII; a state before ", the leader" is no person */
	{"Japan refits the destroyer Chokai. Celso Amorim, "
	 "chief foreign policy adviser, spoke. \"Bad,\" "
	 "said Rafael Mendonça, a security analyst. North "
	 "Korea, the leader of the pack, and Korea met.\n",
	 {
		{"destroyer", CAT_WEAPON, NULL, 0},
		{"Chokai", CAT_WEAPON, "Chokai", 0},
		{"destroyer Chokai", CAT_WEAPON, NULL, 1},
		{"Celso Amorim", CAT_ACTOR, "Celso Amorim", 0},
		{"Rafael Mendonça", CAT_ACTOR, "Rafael Mendonça", 0},
		{"North Korea", CAT_ACTOR, "North Korea", 0},
		{"Korea", CAT_ACTOR, NULL, 1},
	 }},
	/* a department between a title and a name */
	{"Minister for Foreign Affairs Penny Wong met Under "
	 "Secretary of Defense for Policy Elbridge Colby "
	 "and Minister of Defence Richard Marles. Wong "
	 "spoke.\n",
	 {
		{"Penny Wong", CAT_ACTOR, "Penny Wong", 0},
		{"Elbridge Colby", CAT_ACTOR, "Elbridge Colby", 0},
		{"Richard Marles", CAT_ACTOR, "Richard Marles", 0},
		{"Wong", CAT_ACTOR, "Penny Wong", 0},
	 }},
	/* a named ship with an initial; named again by its last word */
	{"The USS Harry S. Truman and the USS Mason sailed. "
	 "Later the Mason fired and the Truman turned.\n",
	 {
		{"USS Harry S. Truman", CAT_WEAPON, "USS Harry S. Truman", 0},
		{"Truman", CAT_WEAPON, "USS Harry S. Truman", 0},
		{"Mason", CAT_WEAPON, "USS Mason", 0},
	 }},
	/* a fraction with a qualifier is a figure, alone it is not; an
	 * organisation opening with "Centre for" */
	{"More than half of them and about a third fled in "
	 "the first half of the year, said the Centre for "
	 "Strategic Perspectives in Lahore.\n",
	 {
		{"More than half", CAT_FIGURE, NULL, 0},
		{"about a third", CAT_FIGURE, NULL, 0},
		{"half", CAT_FIGURE, NULL, 1},
		{"Centre for Strategic Perspectives", CAT_ACTOR, NULL, 0},
	 }},
	/* a seat of government after "in" or "a visit to" is the place;
	 * elsewhere it is the state */
	{"He cut short a visit to Nairobi for talks in "
	 "Vienna. Moscow said no.\n",
	 {
		{"Nairobi", CAT_ACTOR, NULL, 1},
		{"Vienna", CAT_ACTOR, NULL, 1},
		{"Moscow", CAT_ACTOR, "Russia", 0},
	 }},
	/* an acronym whose letters are another language's takes the
	 * organisation just before it; a measure takes its unit in */
	{"The Popular Liberation Front (FPL) said it held "
	 "274.8 kg over 12 years. FPL denied it.\n",
	 {
		{"FPL", CAT_ACTOR, "Popular Liberation Front", 0},
		{"274.8 kg", CAT_FIGURE, "kg", 0},
		{"over 12 years", CAT_FIGURE, "years", 0},
	 }},
	/* weapons side by side are one weapon, named by the name that
	 * opens them, else by the head noun; "and" keeps them apart */
	{"It sold THAAD interceptors, missile defense "
	 "interceptors, KN-23 and KN-24 ballistic missiles, "
	 "and drones and missiles.\n",
	 {
		{"THAAD interceptors", CAT_WEAPON, "THAAD", 0},
		{"missile defense interceptors", CAT_WEAPON, "air defense", 0},
		{"KN-24 ballistic missiles", CAT_WEAPON, "KN-24", 0},
		{"KN-23", CAT_WEAPON, "KN-23", 0},
		{"drones", CAT_WEAPON, "drones", 0},
		{"drones and missiles", CAT_WEAPON, NULL, 1},
	 }},
	/* a name ends at a possessive, even in a headline's capitals; an
	 * expert named in apposition is a person */
	{"Readout of President Joe Biden’s Meeting with "
	 "President Xi Jinping\n\nThey met. \"It is bad,\" "
	 "said Hannah Voss, a nonproliferation expert at "
	 "the center.\n",
	 {
		{"Joe Biden", CAT_ACTOR, "Joe Biden", 0},
		{"Joe Biden’s Meeting", CAT_ACTOR, NULL, 1},
		{"Xi Jinping", CAT_ACTOR, "Xi Jinping", 0},
		{"Jinping", CAT_ACTOR, NULL, 1},
		{"Hannah Voss", CAT_ACTOR, "Hannah Voss", 0},
	 }},
	/* a designation the lexicon does not know names the weapon after
	 * it ("055" is no figure there); fighters, bombers and
	 * helicopters are weapons apart; "fighters" alone are people */
	{"China sent KF-21 fighter jets, Type 055 destroyers "
	 "and Tu-22M3 bombers; helicopters and bombers "
	 "followed. Rebel fighters met the G-7 envoys.\n",
	 {
		{"KF-21 fighter jets", CAT_WEAPON, "KF-21", 0},
		{"Type 055 destroyers", CAT_WEAPON, "Type 055", 0},
		{"055", CAT_FIGURE, NULL, 1},
		{"Tu-22M3 bombers", CAT_WEAPON, "Tu-22M3", 0},
		{"helicopters", CAT_WEAPON, "helicopters", 0},
		{"bombers", CAT_WEAPON, "bombers", 0},
		{"fighters", CAT_WEAPON, NULL, 1},
		{"G-7", CAT_WEAPON, NULL, 1},
	 }},
	/* an ordinal counts after a determiner or a possessive and before
	 * what it counts; not a fraction, a name, a unit's number or a
	 * moment */
	{"It was Iran's second direct strike, on a third straight "
	 "day; about a third of the troops of the 11th Army Corps "
	 "saw the 75th anniversary near the Second Thomas Shoal. "
	 "A second later it ended.\n",
	 {
		{"second", CAT_FIGURE, "strike", 0},
		{"third", CAT_FIGURE, "day", 0},
		{"75th", CAT_FIGURE, "anniversary", 0},
		{"about a third", CAT_FIGURE, NULL, 0},
		{"11th", CAT_FIGURE, NULL, 1},
		{"Second", CAT_FIGURE, NULL, 1},
	 }},
	/* a person quoted after "said" (two words or more, unknown to the
	 * lexicon); a hyphenated name before an aside; a name after a
	 * lowercase title of two words */
	{"\"They came,\" said Amina Saide, who fled. \"No,\" said "
	 "Reuters. \"Yes,\" said North Korea. \"Enough,\" Jean-Marc "
	 "Pierre-Louis, president of the council, said. The "
	 "coalition, led by former police officer Jimmy Cherizier, "
	 "attacked. Cherizier fled.\n",
	 {
		{"Amina Saide", CAT_ACTOR, "Amina Saide", 0},
		{"Reuters", CAT_ACTOR, "Reuters", 0},
		{"North Korea", CAT_ACTOR, "North Korea", 0},
		{"Jean-Marc Pierre-Louis", CAT_ACTOR, "Jean-Marc Pierre-Louis",
		 0},
		{"Jimmy Cherizier", CAT_ACTOR, "Jimmy Cherizier", 0},
		{"Cherizier", CAT_ACTOR, "Jimmy Cherizier", 0},
	 }},
	/* an organisation's words stop at a sentence's end and at a word
	 * of backing; an acronym the article defines is that article's,
	 * even where the lexicon knows the letters for another */
	{"Troops left Maputo. Rwanda Defence Force units stayed. A "
	 "U.N.-backed Gang Suppression Force formed. The Syrian "
	 "Democratic Forces (SDF) agreed; the SDF will merge.\n",
	 {
		{"Rwanda Defence Force", CAT_ACTOR, "Rwanda Defence Force", 0},
		{"Maputo. Rwanda Defence Force", CAT_ACTOR, NULL, 1},
		{"Gang Suppression Force", CAT_ACTOR, "Gang Suppression Force",
		 0},
		{"U.N.-backed Gang Suppression Force", CAT_ACTOR, NULL, 1},
		{"SDF", CAT_ACTOR, "Syrian Democratic Forces", 0},
		{"SDF", CAT_ACTOR, "Japan Self-Defense Forces", 1},
	 }},
	/* an alias holding a possessive is two marks, as analysts mark it,
	 * and an acronym of its second part is that entity; a name before
	 * a place word is the place's; an acronym whose long form ends in
	 * a weapon word is a weapon; a number word opens no organisation;
	 * an aside after a possessive names a person */
	{"China's Foreign Ministry spoke. South Korea’s Joint Chiefs "
	 "of Staff (JCS) said the JCS saw it in Kim Il Sung Square. The "
	 "Navy-Marine Expeditionary Ship Interdiction System (NMESIS) "
	 "fired. Two China Coast Guard vessels came. Uhuru Kenyatta, "
	 "Kenya’s former president, agreed.\n",
	 {
		{"China", CAT_ACTOR, "China", 0},
		{"Foreign Ministry", CAT_ACTOR, "Chinese Foreign Ministry", 0},
		{"South Korea", CAT_ACTOR, "South Korea", 0},
		{"JCS", CAT_ACTOR, "South Korean Joint Chiefs of Staff", 0},
		{"Kim Il Sung", CAT_ACTOR, NULL, 1},
		{"NMESIS", CAT_WEAPON,
		 "Navy-Marine Expeditionary Ship Interdiction System", 0},
		{"Two", CAT_FIGURE, NULL, 0},
		{"China Coast Guard", CAT_ACTOR, NULL, 0},
		{"Uhuru Kenyatta", CAT_ACTOR, "Uhuru Kenyatta", 0},
		{"Kenya", CAT_ACTOR, "Kenya", 0},
	 }},
	/* a sea or a strait named after a state is a place; a capital a
	 * distance away is a place; a span of time counts with a qualifier
	 * only; a title after the comma's first word; capitalised words
	 * before an organisation's head word */
	{"Ships crossed the Taiwan Strait, 100 km from Bamako. It "
	 "took a year; the fighting went on for nearly a decade. Daniel "
	 "Reyes, assistant director of the bureau, spoke. The Canadian "
	 "Centre for Cyber Security agreed.\n",
	 {
		{"Taiwan", CAT_ACTOR, NULL, 1},
		{"Bamako", CAT_ACTOR, NULL, 1},
		{"a year", CAT_FIGURE, NULL, 1},
		{"nearly a decade", CAT_FIGURE, "years", 0},
		{"Daniel Reyes", CAT_ACTOR, "Daniel Reyes", 0},
		{"Canadian Centre for Cyber Security", CAT_ACTOR,
		 "Canadian Centre for Cyber Security", 0},
	 }},
	/* a head word's name stops before a date; a clause after a comma
	 * is no aside; a capitalised number in mid-sentence names; a number
	 * after a label names */
	{"The statement by the UN Security Council on December 1, 2023 "
	 "followed the Camp David Summit, in which President Joe Biden "
	 "spoke, and the Six Assurances under UNSCR 2722.\n",
	 {
		{"UN Security Council", CAT_ACTOR, "UN Security Council", 0},
		{"December 1, 2023", CAT_FIGURE, "date", 0},
		{"Camp David Summit", CAT_ACTOR, NULL, 1},
		{"Joe Biden", CAT_ACTOR, "Joe Biden", 0},
		{"Six", CAT_FIGURE, NULL, 1},
		{"2722", CAT_FIGURE, NULL, 1},
	 }},
	/* the second of two places is a place too; "the capital" names a
	 * place; a state's name before a hyphen and digits names a weapon;
	 * an event named after a seat of government is no actor; "several
	 * hundred" counts */
	{"Sirens sounded in Tel Aviv and Jerusalem. The Houthis fired a "
	 "Palestine-2 missile at a plant near the capital Sanaa. At The "
	 "Hague Summit, several hundred delegates met.\n",
	 {
		{"Jerusalem", CAT_ACTOR, NULL, 1},
		{"Palestine", CAT_ACTOR, NULL, 1},
		{"Palestine-2 missile", CAT_WEAPON, NULL, 0},
		{"Sanaa", CAT_ACTOR, NULL, 1},
		{"The Hague", CAT_ACTOR, NULL, 1},
		{"several hundred", CAT_FIGURE, NULL, 0},
	 }},
	/* a range with its currency sign twice; months joined by "and" */
	{"Spending was $330 billion to $450 billion. ACLED counted 112 "
	 "attacks between January and May.\n",
	 {
		{"$330 billion to $450 billion", CAT_FIGURE, "money", 0},
		{"$450 billion", CAT_FIGURE, NULL, 1},
		{"January", CAT_FIGURE, "date", 0},
		{"May", CAT_FIGURE, "date", 0},
	 }},
	/* seas, straits and regions are places, no actors; a fleet named
	 * after a sea is an actor */
	{"Ships crossed the Taiwan Strait and the Red Sea. The Black Sea "
	 "Fleet sailed. Aid reached Gaza.\n",
	 {
		{"Taiwan Strait", CAT_PLACE, "Taiwan Strait", 0},
		{"Taiwan", CAT_ACTOR, NULL, 1},
		{"Red Sea", CAT_PLACE, "Red Sea", 0},
		{"Red Sea", CAT_ACTOR, NULL, 1},
		{"Black Sea Fleet", CAT_ACTOR, "Black Sea Fleet", 0},
		{"Black Sea", CAT_PLACE, NULL, 1},
		{"Gaza", CAT_PLACE, "Gaza", 0},
	 }},
	/* places by shape: one capitalised word after a place lead, named
	 * again alone; not two words, not a name the lexicon knows */
	{"Fighters ambushed a convoy outside Tarvello on Sunday. Tarvello "
	 "has been cut off. The port of Marsana was shut. Talks near Camp "
	 "Osprey failed. Troops massed near Ukraine.\n",
	 {
		{"Tarvello", CAT_PLACE, "Tarvello", 0},
		{"Marsana", CAT_PLACE, "Marsana", 0},
		{"Camp", CAT_PLACE, NULL, 1},
		{"Osprey", CAT_PLACE, NULL, 1},
		{"Ukraine", CAT_PLACE, NULL, 1},
		{"Ukraine", CAT_ACTOR, "Ukraine", 0},
	 }},
	/* capitalised words before a place shape; a shape in lower case
	 * stays out of the name; no name in a headline's capitals nor
	 * after a word of holding */
	{"Marines on Karvossa island held a drill. Residents of Karvossa "
	 "fled. Shells hit the Dellmore Peninsula and the "
	 "Freedonian-held Ostvik Islands.\n",
	 {
		{"Karvossa island", CAT_PLACE, "Karvossa", 0},
		{"Karvossa", CAT_PLACE, "Karvossa", 0},
		{"Dellmore Peninsula", CAT_PLACE, "Dellmore Peninsula", 0},
		{"Freedonian-held Ostvik Islands", CAT_PLACE, NULL, 1},
	 }},
	{"Drones Hit Border Region\n\nDrones hit a town.\n",
	 {
		{"Hit Border Region", CAT_PLACE, NULL, 1},
		{"Border Region", CAT_PLACE, NULL, 1},
	 }},
	/* a merchant ship by name, named again without its prefix */
	{"The MV Ostra Wind was struck west of the coast. The Ostra Wind "
	 "reported minor damage.\n",
	 {
		{"MV Ostra Wind", CAT_WEAPON, "MV Ostra Wind", 0},
		{"Ostra Wind", CAT_WEAPON, "MV Ostra Wind", 0},
	 }},
	/* a state's possessive before a defined acronym's long form is the
	 * state; Humvees and personnel carriers are entities of their own */
	{"Militias backed by Iran's Islamic Revolutionary Guards Corps "
	 "(IRGC) fired. The package holds 40 Humvees and 12 armored "
	 "personnel carriers.\n",
	 {
		{"Iran", CAT_ACTOR, "Iran", 0},
		{"Islamic Revolutionary Guards Corps", CAT_ACTOR, "IRGC", 0},
		{"Humvees", CAT_WEAPON, "Humvees", 0},
		{"armored personnel carriers", CAT_WEAPON,
		 "armored personnel carriers", 0},
	 }},
	/* a headline in title case: "On", "To", "For" never end a name */
	{"Statement From President Ama Kofi Mensah On Coastal Aid\n\n"
	 "Envoy Lotte Vandersee To Visit Accra.\n",
	 {
		{"Ama Kofi Mensah", CAT_ACTOR, NULL, 0},
		{"Ama Kofi Mensah On", CAT_ACTOR, NULL, 1},
		{"Lotte Vandersee", CAT_ACTOR, NULL, 0},
		{"Lotte Vandersee To", CAT_ACTOR, NULL, 1},
	 }},
};

/* Every case of mark_cases. */
static void test_marks(void **state)
{
	size_t i, n;

	(void)state;
	for (i = 0; i < sizeof mark_cases / sizeof *mark_cases; i++) {
		const struct marks_case *c = &mark_cases[i];

		for (n = 0; n < sizeof c->want / sizeof *c->want &&
			    c->want[n].text != NULL;
		     n++)
			;
		expect_marks(c->text, c->want, n);
	}
}

static void test_rules(void **state)
{
	struct mentions m = {0};
	struct article *a = text_article(
		rules, "r",
		"Foreign Minister Ama Kofi Mensah met Premier Lotte Vandersee "
		"in Accra. Later, Mensah said the Nuclear Consultative Group "
		"(NCG) would meet again; the NCG is new. The Ministry of Coastal "
		"Affairs and the Maritime Patrol Command disagreed.\n");
	size_t i;
	uint32_t full = ENTITY_NONE, sur = ENTITY_NONE, ncg1 = ENTITY_NONE,
		 ncg2 = ENTITY_NONE;

	(void)state;
	highlight_article(en.hl, a, &m);
	for (i = 0; i < m.n; i++) {
		char *t = xstrndup(a->text + m.v[i].start,
				   m.v[i].end - m.v[i].start);

		if (strcmp(t, "Ama Kofi Mensah") == 0)
			full = m.v[i].entity;
		if (strcmp(t, "Mensah") == 0)
			sur = m.v[i].entity;
		if (strcmp(t, "Nuclear Consultative Group") == 0)
			ncg1 = m.v[i].entity;
		if (strcmp(t, "NCG") == 0)
			ncg2 = m.v[i].entity;
		free(t);
	}
	assert_int_not_equal(full, ENTITY_NONE);
	assert_int_equal(full, sur);
	assert_int_not_equal(ncg1, ENTITY_NONE);
	assert_int_equal(ncg1, ncg2);
	assert_true(has(a, &m, "Lotte Vandersee", CAT_ACTOR, "Lotte Vandersee"));
	assert_true(has(a, &m, "Ministry of Coastal Affairs", CAT_ACTOR, NULL));
	assert_true(has(a, &m, "Maritime Patrol Command", CAT_ACTOR, NULL));
	mentions_free(&m);
	article_free(a);
}

/* Words are passed over 16 bytes at a time: a name right after a long
 * word and a separator (every length across the blocks, separators next
 * to the letters' and digits' ranges) is found, and none inside a word
 * of letters and digits. */
static void test_names_after_long_words(void **state)
{
	static const char seps[] = "@[`{/: -";
	char text[160];
	size_t k, i, x;

	(void)state;
	for (k = 1; k <= 40; k++)
		for (x = 0; x <= sizeof seps - 1; x++) {
			struct mentions m = {0};
			struct article *a;
			int n = snprintf(text, sizeof text, "Talks went on. ");

			for (i = 0; i < k; i++)
				text[n++] = i % 7 == 3 ? (char)('0' + i % 10)
						       : (char)('z' - i % 5);
			if (x < sizeof seps - 1)
				text[n++] = seps[x];
			snprintf(text + n, sizeof text - (size_t)n,
				 "France and Spain agreed.\n");
			a = text_article(rules, "words", text);
			highlight_article(en.hl, a, &m);
			/* x past the separators: the name is inside a word */
			if (has(a, &m, "France", CAT_ACTOR, "France") !=
			    (x < sizeof seps - 1))
				fail_msg("%s", text);
			assert_true(has(a, &m, "Spain", CAT_ACTOR, "Spain"));
			mentions_free(&m);
			article_free(a);
		}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seeds),
		cmocka_unit_test(test_rules),
		cmocka_unit_test(test_marks),
		cmocka_unit_test(test_names_after_long_words),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, engine_setup, engine_teardown);
}
