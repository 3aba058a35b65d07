/* quotes: who says the words (not who is named inside the attribution),
 * attributions after the quote with a title or an organisation, and the
 * same statement quoted in both reports. */
#include "comparelib.h"

/* The text holds one quote, and who says it is `who`. */
static void one_quote(const char *text, const char *who)
{
	struct quotes_found f;

	quotes_found_of(&f, text);
	assert_int_equal(f.n, 1);
	assert_string_equal(f.q[0].speaker_text, who);
	quotes_found_free(&f);
}

/* "He said Kim's speech “…”": the pronoun speaks, not Kim. */
static void test_pronoun_not_named_inside(void **state)
{
	(void)state;
	one_quote("Officials met in Seoul on Monday. He said Kim Jong Un's "
		  "speech “clarified nothing at all.”\n",
		  "unattributed");
	one_quote("President Emil Varga spoke in the capital. Later he said "
		  "Kim Jong Un's speech “clarified nothing at all.”\n",
		  "Emil Varga");
	/* the last person named is the one he speaks of: he is someone
	 * else, so the words are unattributed (the seeds' case) */
	one_quote("Kim Jong Un spoke on Sunday. He said Kim Jong Un's "
		  "speech “clarified nothing at all.”\n",
		  "unattributed");
}

/* An attribution after the quote: an organisation with its state (the
 * ministry speaks, shown by its entity's name), a title and a name; a
 * word quoted inside a clause keeps the clause's speaker. */
static void test_after_organisation(void **state)
{
	(void)state;
	one_quote("The drills ended. “We will respond firmly,” South Korea's "
		  "Defense Ministry said in a statement.\n",
		  "South Korean Defense Ministry");
	one_quote("The drills ended. “We are ready,” the ministry's "
		  "spokesman, Lee Sung-jun, told reporters.\n",
		  "Lee Sung-jun");
	one_quote("Kim Jong Un pledged the “harshest” policies, state media "
		  "reported.\n",
		  "Kim Jong Un");
}

/* "said Latvian Defence Minister Andris Sprūds": the person, not the
 * state of the adjective; a state that speaks itself stays the speaker
 * when a person comes only after a comma. */
static void test_after_said_title(void **state)
{
	(void)state;
	one_quote("“Deterrence is built in peacetime,” said Latvian Defence "
		  "Minister Andris Sprūds at the ceremony.\n",
		  "Andris Sprūds");
	one_quote("“We reject the claims,” said Latvia, whose President "
		  "Edgars Rinkēvičs was away.\n",
		  "Latvia");
}

/* A speaker described, not named: "said a spokesman for the ministry",
 * "the ministry said in a statement", "The ministry said it would …";
 * "according to" and a title before a name. */
static void test_described(void **state)
{
	(void)state;
	one_quote("The drills ended. “We are ready,” said a spokesman for "
		  "the ministry.\n",
		  "a spokesman for the ministry");
	one_quote("The drills ended. “We are ready,” the ministry said in a "
		  "statement.\n",
		  "the ministry");
	one_quote("The drills ended. The ministry said it would “never "
		  "tolerate” more launches.\n",
		  "the ministry");
	one_quote("The drills ended. The launch was “a grave provocation,” "
		  "according to the Defense Ministry.\n",
		  "Defense Ministry");
	one_quote("Defense Secretary Lloyd Austin said the launches were “a "
		  "clear threat to regional peace.”\n",
		  "Lloyd Austin");
	/* a description needs a speaker noun: "the crowd" is none */
	one_quote("The drills ended. “Go home,” the crowd said.\n",
		  "unattributed");
}

/* "he said" / "she added": the last person named in the paragraph or the
 * one before; named further back, the words are unattributed. */
static void test_pronoun_reach(void **state)
{
	(void)state;
	one_quote("Lloyd Austin flew to Seoul.\n\nThe talks were long. "
		  "“We stand together,” he said.\n",
		  "Lloyd Austin");
	one_quote("Lloyd Austin flew to Seoul.\n\nThe talks were long.\n\n"
		  "Nothing was signed.\n\n“We stand together,” he said.\n",
		  "unattributed");
	one_quote("Kim Yo Jong spoke on Sunday. “We will answer,” she "
		  "added.\n",
		  "Kim Yo Jong");
}

/* A definite description is whom it refers to, named before: a body
 * whose name holds its noun ("the command"), a person with the noun in a
 * title or an apposition ("the secretary"); an indefinite one, or one
 * that fits no one named, keeps its words. */
static void test_described_refers(void **state)
{
	(void)state;
	one_quote("The North American Aerospace Defense Command (NORAD) "
		  "tracked the bombers.\n\n“We are watching closely,” the "
		  "command said in a statement.\n",
		  "North American Aerospace Defense Command");
	one_quote("South Korea's Defense Ministry held a briefing. “We will "
		  "respond firmly,” the ministry\nsaid.\n",
		  "South Korean Defense Ministry");
	one_quote("South Korea's Defense Ministry held a briefing. “We will "
		  "respond firmly,” said a spokesman for the ministry.\n",
		  "South Korean Defense Ministry");
	one_quote("Lloyd Austin, the defense secretary, arrived on Monday. "
		  "“We stand together,” the secretary said.\n",
		  "Lloyd Austin");
	/* nothing named before fits: the words stay */
	one_quote("NORAD tracked the bombers on Monday. “We are ready,” the "
		  "ministry said.\n",
		  "the ministry");
	one_quote("Lloyd Austin, the defense secretary, arrived on Monday. "
		  "“We are ready,” the spokesman said.\n",
		  "the spokesman");
	/* indefinite: someone not named before */
	one_quote("NORAD tracked the bombers on Monday. “We are ready,” a "
		  "command spokesman said.\n",
		  "a command spokesman");
	/* a body's generic word on a wrapped line */
	one_quote("The ships waited. “Manual processing has resumed,” the "
		  "port authority\nsaid in a statement.\n",
		  "the port authority");
}

/* A name nothing marks, by its shape: capitalised words with lower-case
 * letters next to the speech verb, titles set aside; not a body's name,
 * not a common word that starts a sentence. */
static void test_name_by_shape(void **state)
{
	(void)state;
	one_quote("The count went on. “Every vote will be counted,” election "
		  "commission chair Dana Whitfield told reporters.\n",
		  "Dana Whitfield");
	one_quote("The count went on. “Every vote will be counted,” said "
		  "Chair Whitfield at the office.\n",
		  "Whitfield");
	one_quote("The count went on. Dana Whitfield said the count was "
		  "“complete and fair.”\n",
		  "Dana Whitfield");
	/* titles alone name no one */
	one_quote("The count went on. “Every vote will be counted,” Deputy "
		  "Chair told reporters.\n",
		  "unattributed");
	/* "said" and an adjective before a speaker noun */
	one_quote("The count went on. “Every vote will be counted,” said "
		  "Orsolan officials.\n",
		  "unattributed");
	/* a common word at the start of a sentence */
	one_quote("Witnesses said the soldiers “fired without warning.” Two "
		  "witnesses left.\n",
		  "unattributed");
}

/* "she said" after a name nothing marks, the subject of a speech verb
 * ("Whitfield told …"); a capitalised common word is no one. */
static void test_pronoun_name_by_shape(void **state)
{
	(void)state;
	one_quote("Whitfield told reporters the count was over. “Every vote "
		  "was counted,” she said.\n",
		  "Whitfield");
	one_quote("Residents told reporters the shelling stopped. “It was "
		  "quiet,” she said. Many residents left.\n",
		  "unattributed");
	/* the person named later than the shape speaks */
	one_quote("Whitfield told reporters the count was over. Kim Yo Jong "
		  "spoke next. “We will answer,” she added.\n",
		  "Kim Yo Jong");
}

/* A speech verb in -s may be a plural noun: "the crews' radio calls" is
 * no verb, so "He said" attributes the words; "the ministry calls" and
 * "Kim Jong Un calls" are verbs. */
static void test_plural_noun_not_verb(void **state)
{
	(void)state;
	one_quote("Lloyd Austin spoke on Monday. He said the Russian crews' "
		  "radio calls “were answered promptly.”\n",
		  "Lloyd Austin");
	one_quote("Talks stalled. Kim Jong Un calls the drills “a rehearsal "
		  "for invasion.”\n",
		  "Kim Jong Un");
	one_quote("Talks stalled. The ministry calls the drills “a rehearsal "
		  "for invasion.”\n",
		  "the ministry");
}

/* The same statement in both reports: near-identical words, one inside
 * the other; two statements of one speaker are two. */
static void test_same_statement(void **state)
{
	const char *x = "We will respond firmly and overwhelmingly to any "
			"provocation by the North,";

	(void)state;
	assert_true(quotes_same(x, strlen(x), x, strlen(x)));
	/* case, marks and one word changed */
	assert_true(quotes_same(x, strlen(x),
				"we will respond firmly and overwhelmingly "
				"to any provocation from the North.",
				strlen("we will respond firmly and "
				       "overwhelmingly to any provocation from "
				       "the North.")));
	/* one inside the other */
	assert_true(quotes_same(x, strlen(x), "respond firmly and "
				"overwhelmingly", strlen("respond firmly and "
							 "overwhelmingly")));
	/* two statements */
	assert_false(quotes_same(x, strlen(x), "Our nuclear force is ready "
				 "for any war", strlen("Our nuclear force is "
						       "ready for any war")));
	/* a word quoted alone matches only itself */
	assert_false(quotes_same(x, strlen(x), "firmly", 6));
	assert_true(quotes_same("harshest", 8, "Harshest", 8));
}

/* Rows: a statement quoted in both is one row with both quotes; two
 * different quotes of one speaker are two rows. */
static void test_rows(void **state)
{
	struct quotes_found a, b;
	struct quote_row *v;
	size_t n, i, both = 0;

	(void)state;
	quotes_found_of(&a, "Kim Jong Un spoke on Monday. “Our nuclear force "
			    "is ready for any war,” he said. “We will never "
			    "give up our weapons,” he added.\n");
	quotes_found_of(&b, "Kim Jong Un said “our nuclear force is ready for "
			    "any war” at a factory.\n");
	assert_int_equal(a.n, 2);
	assert_int_equal(b.n, 1);
	for (i = 0; i < b.n; i++)
		b.q[i].report = 1;
	v = quotes_rows(a.q, a.n, a.a->text, b.q, b.n, b.a->text, &n);
	assert_int_equal(n, 2);
	for (i = 0; i < n; i++) {
		assert_string_equal(quote_row_speaker(&v[i]), "Kim Jong Un");
		assert_false(quote_row_speakers_differ(&v[i]));
		if (v[i].q[0] && v[i].q[1]) {
			both++;
			assert_ptr_equal(v[i].q[0], &a.q[0]);
			assert_ptr_equal(v[i].q[1], &b.q[0]);
		} else {
			assert_ptr_equal(v[i].q[0], &a.q[1]);
		}
	}
	assert_int_equal(both, 1);
	free(v);
	quotes_found_free(&a);
	quotes_found_free(&b);
}

/* No speech verb: the possessor of a speech noun says the words that
 * follow it ("X's reply was, quote, “…”"); not when other words stand
 * between, and not against a speech verb. */
static void test_possessive_speech(void **state)
{
	(void)state;
	one_quote("The fire spread. Mayor Ilse Brandvold's reply was, quote, "
		  "\"We are doing what we can.\"\n", "Ilse Brandvold");
	one_quote("The fire spread. Ilse Brandvold’s\nanswer: “We are doing "
		  "what we can.”\n", "Ilse Brandvold");
	one_quote("The fire spread. Lloyd Austin's response was simply "
		  "“No comment.”\n", "Lloyd Austin");
	/* a quoted phrase after other words is no statement of hers */
	one_quote("The fire spread. Ilse Brandvold's reply to the “fake news” "
		  "claim came later.\n", "unattributed");
	/* a possessive with no speech noun */
	one_quote("The fire spread. Ilse Brandvold's house was, quote, "
		  "\"gone in minutes.\"\n", "unattributed");
	/* a speech verb wins: he speaks of her reply */
	one_quote("Tomas Lind arrived. He said Ilse Brandvold's reply was "
		  "“too late to matter.”\n", "Tomas Lind");
}

/* A name by its shape in an apposition before the speech verb ("the
 * owner, Halvik Trading, said"), a body's name with "of" in it, and a
 * pronoun standing for a name in an apposition. */
static void test_name_apposition(void **state)
{
	(void)state;
	one_quote("The ship sailed. “We follow the law,” the ship's owner, "
		  "Halvik Trading, said in a statement.\n", "Halvik Trading");
	one_quote("The ship sailed. “We follow the law,” the Ministry of "
		  "Coastal Affairs said.\n", "Ministry of Coastal Affairs");
	one_quote("The ship sailed. “We follow the law,” the Bank of the "
		  "Northern Isles said.\n", "Bank of the Northern Isles");
	/* a title before "of" is no part of the name */
	one_quote("The ship sailed. “We follow the law,” the President of "
		  "Veldoria said.\n", "Veldoria");
	/* "he" is the name in the apposition before */
	one_quote("The mayor of the town, Ansel Koivu, described the raid. He said "
		  "the raiders “took everything we had”.\n", "Ansel Koivu");
	/* ... also when a line ends between "He" and "said" */
	one_quote("The mayor of the town, Ansel Koivu, described the raid. He\n"
		  "said the raiders “took everything we had”.\n", "Ansel Koivu");
	/* a comma after a name with no comma before it is no apposition:
	 * "Halvik" is no speaker of the words */
	one_quote("The ship sailed. “We follow the law.” For Halvik, said "
		  "the owner, it was a hard year.\n", "unattributed");
}

/* "The agency", "the organisation" with no marked body: the body named
 * before by its shape with an acronym defined, or whose name holds the
 * noun. */
static void test_body_by_shape(void **state)
{
	(void)state;
	one_quote("The Coastal Relief Programme (CRP) lost its stores. “We "
		  "have nothing left,” the agency said.\n",
		  "Coastal Relief Programme");
	one_quote("The Harbour Safety Agency lost its stores. “We have nothing "
		  "left,” the agency said.\n", "Harbour Safety Agency");
	/* a body with an acronym is not "the army" */
	one_quote("The Coastal Relief Programme (CRP) lost its stores. “We "
		  "have nothing left,” the army said.\n", "the army");
	/* a person named before is no agency */
	one_quote("Ansel Koivu lost his stores. “We have nothing left,” the "
		  "agency said.\n", "the agency");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pronoun_not_named_inside),
		cmocka_unit_test(test_after_organisation),
		cmocka_unit_test(test_after_said_title),
		cmocka_unit_test(test_described),
		cmocka_unit_test(test_pronoun_reach),
		cmocka_unit_test(test_described_refers),
		cmocka_unit_test(test_name_by_shape),
		cmocka_unit_test(test_pronoun_name_by_shape),
		cmocka_unit_test(test_plural_noun_not_verb),
		cmocka_unit_test(test_same_statement),
		cmocka_unit_test(test_rows),
		cmocka_unit_test(test_possessive_speech),
		cmocka_unit_test(test_name_apposition),
		cmocka_unit_test(test_body_by_shape),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
