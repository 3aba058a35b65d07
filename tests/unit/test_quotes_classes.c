/* quotes: the classes of attribution real reports use, written for
 * brief rather than taken from the evaluation pairs: a quote before or
 * after its verb, "said X, the title of Y", "according to X" (also at a
 * sentence's start), a quote over paragraphs, a quote that goes on after
 * its attribution, a partial quote, "X told Reuters", "in a statement,
 * the ministry said", "wrote on Telegram" / "posted on X", a speaker
 * named in the next sentence, pronouns for a person or a body, "the
 * spokesman" described, a speaker and a colon in a headline, an
 * apposition that describes the speaker, a coordinated speech verb, a
 * long title with connectors before a name, a title set off by commas
 * before a name, a body named with its state's adjective, a body's name
 * joined by a connector before an acronym. */
#include "comparelib.h"

/* The text's quotes, in order, are said by who[0], who[1], ... (n of
 * them). */
static void speakers(const char *text, size_t n, const char *const *who)
{
	struct quotes_found f;
	size_t i;

	quotes_found_of(&f, text);
	if (f.n != n)
		fail_msg("%zu quotes, wanted %zu, in: %s", f.n, n, text);
	for (i = 0; i < n; i++)
		if (strcmp(f.q[i].speaker_text, who[i]) != 0)
			fail_msg("quote %zu said by \"%s\", wanted \"%s\", in: %s",
				 i, f.q[i].speaker_text, who[i], text);
	quotes_found_free(&f);
}

static void one_quote(const char *text, const char *who)
{
	speakers(text, 1, &who);
}

/* Before and after the verb; the verb first; a title and a body after
 * the name. */
static void test_before_after_verb(void **state)
{
	(void)state;
	one_quote("The patrol boats were stopped.\n\n“We will not be pushed "
		  "out of our own waters,” Tomas Halvorsen said on Friday.\n",
		  "Tomas Halvorsen");
	one_quote("Boats were turned back.\n\n“This violates the "
		  "agreement,” said Ingrid Mael, the fisheries minister of "
		  "Norway.\n",
		  "Ingrid Mael");
	one_quote("Defence Minister Tomas Halvorsen spoke at the base. "
		  "Halvorsen said: “Our patrols will continue every day.”\n",
		  "Tomas Halvorsen");
	one_quote("“The drones came in three waves,” said Oleksandr "
		  "Petrenko, the head of the regional military "
		  "administration.\n",
		  "Oleksandr Petrenko");
	/* a full stop inside the attribution is no sentence's end */
	one_quote("The strikes came overnight. “We will hold them "
		  "accountable,” U.S. Defense Secretary Lloyd Austin said in "
		  "a statement.\n",
		  "Lloyd Austin");
}

/* "according to": after the quote and opening the sentence. */
static void test_according(void **state)
{
	(void)state;
	one_quote("Three soldiers were wounded. The attack was “deliberate "
		  "and unprovoked,” according to the Ministry of Defence.\n",
		  "Ministry of Defence");
	one_quote("According to Maria Santos, a senior UN official, the "
		  "camp “cannot take one more family.”\n",
		  "Maria Santos");
}

/* Told a news agency, said in a statement, wrote or posted online. */
static void test_told_statement_posted(void **state)
{
	(void)state;
	one_quote("“We have no information about the missing crew,” Samir "
		  "Haddad told Reuters by telephone.\n",
		  "Samir Haddad");
	one_quote("Port director Samir Haddad told Reuters: “The ship left "
		  "without permission.”\n",
		  "Samir Haddad");
	one_quote("Ships were seen near the coast. In a statement, the "
		  "Foreign Ministry said: “These actions threaten regional "
		  "stability.”\n",
		  "Foreign Ministry");
	one_quote("President Volodymyr Zelensky wrote on Telegram: “Every "
		  "missile they launch is aimed at our cities.”\n",
		  "Volodymyr Zelensky");
	one_quote("Foreign Minister Lena Brandt posted on X: “Berlin will "
		  "not be intimidated.”\n",
		  "Lena Brandt");
	one_quote("“The decision is final,” Lena Brandt tweeted.\n",
		  "Lena Brandt");
}

/* Words that go on: over paragraphs (a paragraph left open, the next
 * opening a quote) and after the attribution; not when someone else is
 * named between. */
static void test_words_go_on(void **state)
{
	static const char *const amina[] = {"Amina Yusuf", "Amina Yusuf"};
	static const char *const lena[] = {"Lena Brandt", "Lena Brandt"};
	static const char *const other[] = {"Lena Brandt", "unattributed"};

	(void)state;
	speakers("Amina Yusuf, the governor of Borno state, described the "
		 "scene.\n\n“The attackers came at night and burned the "
		 "market.\n\n“They left nothing for the families who live "
		 "here,” she said.\n",
		 2, amina);
	speakers("“The decision is final,” Lena Brandt said. “We will not "
		 "reopen it.”\n",
		 2, lena);
	speakers("“The decision is final,” Lena Brandt said.\n\n“We will "
		 "not reopen it.”\n",
		 2, lena);
	speakers("“The decision is final,” Lena Brandt said. Chancellor "
		 "Olaf Scholz disagreed. “We will reopen it.”\n",
		 2, other);
}

/* A partial quote inside a sentence; a speaker named in the sentence
 * after; a speaker and a colon, inline and in a headline. */
static void test_partial_next_colon(void **state)
{
	(void)state;
	one_quote("General Viktor Kovalenko called the strike “a cowardly "
		  "act” and promised a response within days.\n",
		  "Viktor Kovalenko");
	one_quote("“We are ready for any scenario.” Those were the words of "
		  "Petra Lindqvist, Sweden's defence chief, on Monday.\n",
		  "Petra Lindqvist");
	one_quote("“The decision is final.” So said Lena Brandt, the German "
		  "envoy, on Monday.\n",
		  "Lena Brandt");
	one_quote("The envoy was blunt. Lena Brandt: “The decision is "
		  "final.”\n",
		  "Lena Brandt");
	one_quote("Zelensky: “We will not give up an inch”\n\nPresident "
		  "Volodymyr Zelensky spoke to troops near the front on "
		  "Sunday.\n",
		  "Volodymyr Zelensky");
	/* a colon after words that are no speaker */
	one_quote("The message was simple: “Go home.”\n", "unattributed");
}

/* "he" / "she" for the last person named; "it" / "they" for the last
 * body, not a state and not the one told ("told Reuters"), "they" not
 * across a speaker noun ("officials"). */
static void test_pronouns(void **state)
{
	(void)state;
	one_quote("Ahmed Karimi, the port's security chief, was at the "
		  "scene. He said the blast was “much larger than the first "
		  "one.”\n",
		  "Ahmed Karimi");
	one_quote("The Ministry of Defence confirmed the loss of the drone. "
		  "It said the aircraft was “lost over international "
		  "waters.”\n",
		  "Ministry of Defence");
	one_quote("The Wagner Group withdrew its fighters. They said the "
		  "pullback was “temporary.”\n",
		  "Wagner Group");
	one_quote("The Wagner Group withdrew its fighters, two officials "
		  "said. They said the pullback was “temporary.”\n",
		  "unattributed");
	one_quote("Lena Brandt told Reuters about the talks. It said the "
		  "plan was “dead.”\n",
		  "unattributed");
	one_quote("Norway closed the strait. It said the move was "
		  "“temporary.”\n",
		  "unattributed");
}

/* A described speaker: "the spokesman" is the spokesman named before;
 * "a spokesman for the ministry" is shown as written. */
static void test_described_speaker(void **state)
{
	(void)state;
	one_quote("National Security Council spokesman John Kirby spoke on "
		  "Monday. The strikes were “necessary and proportionate,” "
		  "the spokesman said.\n",
		  "John Kirby");
	one_quote("“We do not comment on operational matters,” a spokesman "
		  "for the ministry said, speaking on condition of "
		  "anonymity.\n",
		  "a spokesman for the ministry");
}

/* An apposition that describes the speaker stands between the speaker
 * and the verb: a person named inside it ("deputy to Admiral …") is not
 * the speaker; after the quote, an organisation with its acronym and a
 * description; an apposition that names ("…, Tarek Mansour, said") is
 * the speaker rather than the body in the title before it. */
static void test_apposition(void **state)
{
	(void)state;
	one_quote("Rear Admiral Ines Varga, deputy to Admiral Tomas "
		  "Halvorsen, said: “The convoy sailed on time.”\n",
		  "Ines Varga");
	one_quote("Ships were stopped.\n\n“Nobody checks these cargoes,” "
		  "the Baltic Shipping Observatory (BSO), an Estonian "
		  "monitoring group, said on Tuesday.\n",
		  "Baltic Shipping Observatory");
	one_quote("Ships were stopped.\n\n“The routes have simply moved "
		  "south,” the Coalition for Open Waters, a Lisbon-based "
		  "advocacy network, said.\n",
		  "Coalition for Open Waters");
	one_quote("Ships were stopped.\n\n“These hulls were built in one "
		  "yard,” the Hull Registry Watch, a volunteer group, said "
		  "after reviewing the photographs.\n",
		  "Hull Registry Watch");
	one_quote("The head of the World Food Programme, Tarek Mansour, "
		  "said: “The trucks are waiting at the border.”\n",
		  "Tarek Mansour");
	/* a name as the apposition after the quote */
	one_quote("“The trucks are waiting,” the head of the World Food "
		  "Programme, Tarek Mansour, said.\n",
		  "Tarek Mansour");
}

/* A speech verb coordinated with a verb before it: the sentence's
 * subject speaks, not whom the first verb names; "the President" is the
 * person named before with that title. */
static void test_coordinated(void **state)
{
	static const char *const lund[] = {"Ivar Lund", "Ivar Lund"};

	(void)state;
	one_quote("Chancellor Olaf Scholz met Prime Minister Keir Starmer on "
		  "Monday and said: “Our navies will patrol together.”\n",
		  "Olaf Scholz");
	one_quote("President Emil Varga called Chancellor Olaf Scholz on "
		  "Friday. The President then turned to his aides and said, "
		  "“Finish it this week.”\n",
		  "Emil Varga");
	one_quote("Norway's Coast Guard boarded the trawler, and warned "
		  "that any repeat would be met with “the full force of the "
		  "law.”\n",
		  "Coast Guard");
	speakers("Norway's envoy to Moscow, Ivar Lund, said the drill was "
		 "“routine” and accused Russia of “open provocation.”\n",
		 2, lund);
	one_quote("Ahmed Karimi reached the pier at noon. He greeted Lena "
		  "Brandt and later told reporters: “The berth is ready.”\n",
		  "Ahmed Karimi");
}

/* A long title with connectors after the verb: the name ends it. */
static void test_long_title(void **state)
{
	static const char *const ferri[] = {"Paolo Ferri", "Paolo Ferri"};

	(void)state;
	one_quote("Fishing boats were seized.\n\n“We will answer every "
		  "seizure,” said Minister of Agriculture, Forestry and "
		  "Fisheries Development Ana Kovacic.\n",
		  "Ana Kovacic");
	speakers("Fishing boats were seized.\n\n“We will answer every "
		 "seizure,” said Deputy Secretary of the Interior for Land "
		 "and Water Management Paolo Ferri. “The boats stay in "
		 "port.”\n",
		 2, ferri);
}

/* A quote that opens the sentence after another's goes on with it,
 * unless its own words name another speaker by a noun. */
static void test_own_speaker(void **state)
{
	static const char *const two[] = {"Lena Brandt", "unattributed"};

	(void)state;
	speakers("“The decision is final,” Lena Brandt said. “Unclear,” one "
		 "diplomat offered.\n",
		 2, two);
}

/* A state's body in the possessive speaks, not the state: "Norway's
 * defence procurement agency said"; a state alone still speaks. */
static void test_state_body(void **state)
{
	(void)state;
	one_quote("“The navy will receive the boats next year,” Norway's "
		  "defence procurement agency said in a statement.\n",
		  "Norway's defence procurement agency");
	one_quote("Talks went on. Finland's foreign minister said the offer "
		  "was “not enough.”\n",
		  "Finland's foreign minister");
	one_quote("“The boats are ours,” Norway said on Monday.\n", "Norway");
	/* a possessive that is no subject: the state's words */
	one_quote("“We reject Finland's claims,” Norway said.\n", "Norway");
}

/* A body named by an acronym alone that nothing marks: "the KDVR
 * said", "said the KDVR"; no acronym, no speaker. */
static void test_acronym_speaker(void **state)
{
	static const char *const none[] = {"unattributed"};

	(void)state;
	one_quote("“The last convoy has crossed the border safely,” the KDVR "
		  "said.\n",
		  "KDVR");
	one_quote("“The last convoy has crossed the border,” said the KDVR."
		  "\n",
		  "KDVR");
	/* an acronym that is not the whole subject */
	speakers("“The last convoy has crossed the border,” the KDVR team "
		 "said.\n",
		 1, none);
}

/* A description whose body is named by the quote's own first words:
 * the body speaks of itself ("“ECOWAS condemns …,” the regional bloc
 * said"); when the quote names a state or nothing, the words are
 * shown. */
static void test_body_names_itself(void **state)
{
	(void)state;
	one_quote("Troops held the palace.\n\n“The African Union condemns "
		  "this seizure of power,” the continental bloc said.\n",
		  "African Union");
	one_quote("Troops held the palace.\n\n“NATO stands with Finland,” "
		  "the alliance said on Tuesday.\n",
		  "NATO");
	one_quote("Troops held the palace.\n\n“Norway condemns this "
		  "seizure of power,” the regional bloc said.\n",
		  "the regional bloc");
}

/* A body whose marked name the marks cut short is the speaker with the
 * words before it that its name holds: capitalised words ending in a
 * possessive, perhaps after a state ("the U.S. Attorney's Office for
 * ..."), an ordinal ("the army's 6th Infantry Division"); a long marked
 * name between the quote and the verb counts as one word.  Before, the
 * first was unattributed and the second lost its number. */
static void test_body_head_words(void **state)
{
	(void)state;
	one_quote("Boats were seized.\n\n“The crew will be charged in "
		  "Houston,” the U.S. Attorney's Office for the Northern "
		  "District of Texas said in a statement.\n",
		  "U.S. Attorney's Office for the Northern District of Texas");
	one_quote("A bomb went off.\n\n“The blast bears the marks of the "
		  "militia,” the army's 4th Mechanised Division said.\n",
		  "4th Mechanised Division");
	/* a possessive in lower case is no part of the name */
	one_quote("A bomb went off.\n\n“The blast bears the marks of the "
		  "militia,” the army's Mechanised Division said.\n",
		  "Mechanised Division");
}

/* A title set off by commas before the name: the person named speaks,
 * after the verb or before it, with "the" or not, the title over a
 * line's end; "the minister" later is that person. */
static void test_title_apposition(void **state)
{
	static const char *const two[] = {"Helga Brandvold", "Helga Brandvold"};

	(void)state;
	one_quote("The port was shut.\n\n“This is an act of sabotage,” said "
		  "the Minister of Fisheries and Coastal Affairs, Helga "
		  "Brandvold.\n",
		  "Helga Brandvold");
	one_quote("The port was shut.\n\n“This is an act of sabotage,” said "
		  "Minister of Transport, Ruben\nOkonkwo-Bell, on Friday.\n",
		  "Ruben Okonkwo-Bell");
	one_quote("The port was shut.\n\nThe Minister of Fisheries and "
		  "Coastal Affairs, Helga Brandvold, said: “This is an act of "
		  "sabotage.”\n",
		  "Helga Brandvold");
	speakers("The port was shut.\n\n“This is an act of sabotage,” said "
		 "the Minister of Fisheries, Helga Brandvold.\n\nThe navy "
		 "sent two ships.\n\n“We will find who did it,” the minister "
		 "said.\n",
		 2, two);
}

/* A body named with its state's adjective or its state's name before
 * capitalised words: the body speaks, not the state. */
static void test_state_adjective_body(void **state)
{
	(void)state;
	one_quote("Shelling went on all night.\n\n“Our crews cannot reach "
		  "the injured,” the Syrian Civil Defence said on Monday.\n",
		  "Syrian Civil Defence");
	one_quote("Flights stopped.\n\n“All flights are suspended until "
		  "further notice,” Kenya Airways said.\n",
		  "Kenya Airways");
	/* words in lower case are no body's name: the state speaks */
	one_quote("Shelling went on all night.\n\n“Our crews cannot reach "
		  "the injured,” Syrian officials said on Monday.\n",
		  "Syria");
}

/* A body whose name holds a connector before its mark and an acronym
 * after it: the name as written. */
static void test_joined_body_acronym(void **state)
{
	(void)state;
	one_quote("Drones were seen.\n\n“We cannot rule out a foreign "
		  "hand,” the Norwegian Police and Security Service (PST) "
		  "said.\n",
		  "Norwegian Police and Security Service");
	/* the mark cut at the connector (the acronym is not the name's
	 * initials) */
	one_quote("Drones were seen.\n\n“We cannot rule out a foreign "
		  "hand,” the Estonian Internal Security and\nIntelligence "
		  "Service (KAPO) said.\n",
		  "Estonian Internal Security and Intelligence Service");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_before_after_verb),
		cmocka_unit_test(test_according),
		cmocka_unit_test(test_told_statement_posted),
		cmocka_unit_test(test_words_go_on),
		cmocka_unit_test(test_partial_next_colon),
		cmocka_unit_test(test_pronouns),
		cmocka_unit_test(test_described_speaker),
		cmocka_unit_test(test_apposition),
		cmocka_unit_test(test_coordinated),
		cmocka_unit_test(test_long_title),
		cmocka_unit_test(test_own_speaker),
		cmocka_unit_test(test_state_body),
		cmocka_unit_test(test_acronym_speaker),
		cmocka_unit_test(test_body_names_itself),
		cmocka_unit_test(test_body_head_words),
		cmocka_unit_test(test_title_apposition),
		cmocka_unit_test(test_state_adjective_body),
		cmocka_unit_test(test_joined_body_acronym),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
