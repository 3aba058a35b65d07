/* Figures: what is read as a figure, what it counts, its normalised
 * value, and a dateline's date. */
#include "marklib.h"

/* How many figures of m have the normalised value want? */
static int normalised(const struct mentions *m, const char *want)
{
	char norm[96];
	size_t i;
	int n = 0;

	for (i = 0; i < m->n; i++) {
		if (m->v[i].cat != CAT_FIGURE)
			continue;
		figure_format(mention_figure(m, &m->v[i]), norm, sizeof norm);
		n += strcmp(norm, want) == 0;
	}
	return n;
}

static void test_figures(void **state)
{
	struct mentions m = {0};
	struct article *a = text_article(
		rules, "f",
		"Nearly 40 million people fled; at least 30 were hurt and "
		"approximately 2,600 troops left. Aid of $800 million came on "
		"Dec. 27, and 45% agreed. The Hwasong-18 flew 20-30 km. Last "
		"month, one official spoke of dozens of drones.\n");

	(void)state;
	highlight_article(en.hl, a, &m);
	assert_true(has(a, &m, "Nearly 40 million", CAT_FIGURE, "people"));
	assert_true(has(a, &m, "at least 30", CAT_FIGURE, NULL));
	assert_true(has(a, &m, "approximately 2,600", CAT_FIGURE, "troops"));
	assert_true(has(a, &m, "$800 million", CAT_FIGURE, "money"));
	assert_true(has(a, &m, "Dec. 27", CAT_FIGURE, "date"));
	assert_true(has(a, &m, "45%", CAT_FIGURE, "percent"));
	assert_true(has(a, &m, "Hwasong-18", CAT_WEAPON, "Hwasong"));
	assert_true(has(a, &m, "20-30 km", CAT_FIGURE, "km"));
	assert_true(has(a, &m, "dozens", CAT_FIGURE, NULL));
	assert_false(has(a, &m, "18", CAT_FIGURE, NULL));
	assert_false(has(a, &m, "one", CAT_FIGURE, NULL));
	assert_int_equal(normalised(&m, "nearly 40000000"), 1);
	assert_int_equal(normalised(&m, "about 2600"), 1);
	assert_int_equal(normalised(&m, "USD 800000000"), 1);
	assert_int_equal(normalised(&m, "20-30"), 1);
	mentions_free(&m);
	article_free(a);

	/* scale words after a number word; compound adjectives are not
	 * figures; a list of names is not what a figure counts */
	a = text_article(rules, "g",
			 "The Houthis made more than two dozen attacks with "
			 "one-way attack aerial vehicles. The meeting drew "
			 "around 350 U.S., Ukrainian, and European "
			 "representatives.\n");
	highlight_article(en.hl, a, &m);
	assert_true(has(a, &m, "more than two dozen", CAT_FIGURE, "attacks"));
	assert_true(has(a, &m, "one-way attack aerial vehicles", CAT_WEAPON,
			"drones"));
	assert_false(has(a, &m, "one-way", CAT_FIGURE, NULL));
	assert_true(has(a, &m, "around 350", CAT_FIGURE, NULL));
	assert_false(has(a, &m, "around 350", CAT_FIGURE, "u.s"));
	assert_true(has(a, &m, "around 350", CAT_FIGURE, "representatives"));
	assert_int_equal(normalised(&m, "more than 24"), 1);
	mentions_free(&m);
	article_free(a);

	/* ordinals: their value with its suffix */
	a = text_article(rules, "o",
			 "Iran's second strike came on the 23rd day, its "
			 "111th attack and the 12th raid.\n");
	highlight_article(en.hl, a, &m);
	assert_int_equal(normalised(&m, "2nd"), 1);
	assert_int_equal(normalised(&m, "23rd"), 1);
	assert_int_equal(normalised(&m, "111th"), 1);
	assert_int_equal(normalised(&m, "12th"), 1);
	mentions_free(&m);
	article_free(a);

	/* a dateline: its date is a figure, its place and agency are not
	 * marked; the story after it is */
	{
		static const struct mark want[] = {
			{"Oct 15", CAT_FIGURE, "date", 0},
			{"AP", CAT_ACTOR, NULL, 1},
			{"Reuters", CAT_ACTOR, "Reuters", 0},
			{"1990s", CAT_FIGURE, "year", 0},
		};
		struct mentions dm = {0};
		struct article *da = text_article(
			rules, "dl", "Talks stall\n\nSEOUL, South Korea, Oct 15 "
				     "(AP) — Officials told Reuters of the "
				     "1990s.\n\nMore.\n");
		size_t k, in_dateline = 0;

		expect_marks(da->text, want, sizeof want / sizeof *want);
		highlight_article(en.hl, da, &dm);
		for (k = 0; k < dm.n; k++)
			if (dm.v[k].start < da->dateline.end &&
			    dm.v[k].cat != CAT_FIGURE)
				in_dateline++;
		assert_int_equal(in_dateline, 0);
		assert_true(da->dateline.end > da->dateline.start);
		mentions_free(&dm);
		article_free(da);
	}
}

/* Number words follow the English grammar; a number repeated in digits
 * in brackets is one figure. */
/* A unit of several words ("nautical miles", "metric tons") or of oil
 * ("barrels") is part of the figure; a currency of the rules in words
 * (gourdes) makes money; number words in capitals at a sentence's start
 * are read whole, with their digits in brackets. */
static void test_units_in_words(void **state)
{
	struct mentions m = {0};
	struct article *a = text_article(
		rules, "u",
		"The dhow was stopped about 90 nautical miles off Oman with "
		"approximately 3.5 metric tons of rifles. It moved roughly 11 "
		"million barrels of crude. The state released 150 million gourdes "
		"for the wall. Sixty-four survivors came ashore. One thousand "
		"four hundred sixty-two (1,462) detainees escaped. Three (3) "
		"guards were killed.\n");

	(void)state;
	highlight_article(en.hl, a, &m);
	assert_true(has(a, &m, "about 90 nautical miles", CAT_FIGURE, NULL));
	assert_false(has(a, &m, "about 90", CAT_FIGURE, NULL));
	assert_true(has(a, &m, "approximately 3.5 metric tons", CAT_FIGURE,
			NULL));
	assert_true(has(a, &m, "roughly 11 million barrels", CAT_FIGURE, NULL));
	assert_true(has(a, &m, "150 million gourdes", CAT_FIGURE, NULL));
	assert_int_equal(normalised(&m, "HTG 150000000"), 1);
	assert_true(has(a, &m, "Sixty-four", CAT_FIGURE, "survivors"));
	assert_true(has(a, &m, "One thousand four hundred sixty-two (1,462)",
			CAT_FIGURE, "detainees"));
	assert_int_equal(normalised(&m, "1462"), 1);
	assert_true(has(a, &m, "Three (3)", CAT_FIGURE, "guards"));
	mentions_free(&m);
	article_free(a);
}

static void test_number_words(void **state)
{
	struct mentions m = {0};
	struct article *a = text_article(
		rules, "w",
		"It approved four hundred forty-seven (447) missiles and "
		"eighty-two (82) M142 HIMARS launchers. One and a half million "
		"people fled; two thousand five hundred soldiers, one hundred "
		"and five tanks, a hundred drones, two dozen ships and tens of "
		"thousands of troops came. Two hundred one-way drones flew; "
		"twelve (13) boats.\n");

	(void)state;
	highlight_article(en.hl, a, &m);
	assert_true(has(a, &m, "four hundred forty-seven (447)", CAT_FIGURE,
			NULL));
	assert_false(has(a, &m, "seven", CAT_FIGURE, NULL));
	assert_false(has(a, &m, "447", CAT_FIGURE, NULL));
	assert_true(has(a, &m, "eighty-two (82)", CAT_FIGURE, NULL));
	assert_false(has(a, &m, "82", CAT_FIGURE, NULL));
	assert_true(has(a, &m, "One and a half million", CAT_FIGURE, NULL));
	assert_true(has(a, &m, "two thousand five hundred", CAT_FIGURE, NULL));
	assert_true(has(a, &m, "one hundred and five", CAT_FIGURE, NULL));
	assert_true(has(a, &m, "a hundred", CAT_FIGURE, NULL));
	assert_true(has(a, &m, "two dozen", CAT_FIGURE, NULL));
	assert_true(has(a, &m, "tens of thousands", CAT_FIGURE, NULL));
	assert_true(has(a, &m, "Two hundred", CAT_FIGURE, NULL));
	/* digits that disagree with the words are not the same figure */
	assert_true(has(a, &m, "twelve", CAT_FIGURE, NULL));
	assert_int_equal(normalised(&m, "447"), 1);
	assert_int_equal(normalised(&m, "82"), 1);
	assert_int_equal(normalised(&m, "1500000"), 1);
	assert_int_equal(normalised(&m, "2500"), 1);
	assert_int_equal(normalised(&m, "105"), 1);
	assert_int_equal(normalised(&m, "100"), 1);
	assert_int_equal(normalised(&m, "24"), 1);
	assert_int_equal(normalised(&m, "20000-99999"), 1);
	assert_int_equal(normalised(&m, "200"), 1);
	assert_int_equal(normalised(&m, "201"), 0);
	mentions_free(&m);
	article_free(a);

	/* a fraction in words is a share before "of" */
	a = text_article(rules, "s",
			 "A third of the budget went; two-thirds of the troops "
			 "left on a third straight day.\n");
	highlight_article(en.hl, a, &m);
	assert_true(has(a, &m, "A third", CAT_FIGURE, NULL));
	assert_true(has(a, &m, "two-thirds", CAT_FIGURE, "troops"));
	assert_int_equal(normalised(&m, "33%"), 1);
	assert_int_equal(normalised(&m, "67%"), 1);
	assert_int_equal(normalised(&m, "3rd"), 1);
	mentions_free(&m);
	article_free(a);
}

/* A share counts the whole it is a part of, a possessive and a
 * determiner set aside; so does a part of a whole named ("111 of the
 * aircraft"), but not "five of them" nor a lone singular. */
static void test_shares_and_parts(void **state)
{
	struct mentions m = {0};
	struct article *a = text_article(
		rules, "p",
		"JNIM contests roughly a third of the country's territory; "
		"groups hold nearly half of Burkina Faso's territory and 45% "
		"of the population. One hundred eleven (111) of the aircraft "
		"crossed; more than a hundred of the aircraft returned. Five "
		"of them left. Clause 5 of the treaty holds. Four of our "
		"officers stayed. Aid rose, roughly two thirds of it from "
		"stocks.\n");

	(void)state;
	highlight_article(en.hl, a, &m);
	assert_true(has(a, &m, "roughly a third", CAT_FIGURE, "territory"));
	assert_true(has(a, &m, "nearly half", CAT_FIGURE, "territory"));
	assert_true(has(a, &m, "45%", CAT_FIGURE, "population"));
	assert_int_equal(normalised(&m, "about 33%"), 1);
	assert_int_equal(normalised(&m, "nearly 50%"), 1);
	assert_true(has(a, &m, "One hundred eleven (111)", CAT_FIGURE,
			"military aircraft"));
	assert_true(has(a, &m, "more than a hundred", CAT_FIGURE,
			"military aircraft"));
	assert_true(has(a, &m, "Four", CAT_FIGURE, "officers"));
	assert_false(has(a, &m, "Five", CAT_FIGURE, "them"));
	assert_false(has(a, &m, "5", CAT_FIGURE, "treaty"));
	/* a share of a pronoun says nothing of what it counts */
	assert_true(has(a, &m, "roughly two thirds", CAT_FIGURE, "percent"));
	mentions_free(&m);
	article_free(a);
}

/* A verb after the thing counted is not what it counts ("one missile
 * hit a carrier"), but a thing counted is ("one cargo ship a day"); a
 * day written as an ordinal is a date. */
static void test_verbs_and_ordinal_days(void **state)
{
	struct mentions m = {0};
	struct article *a = text_article(
		rules, "v",
		"One missile hit a grain carrier, and one cargo ship a day "
		"still sails. A statement on December 19th was signed by "
		"44 countries; the 1st of March 2024 came. In the 19th "
		"century it was built.\n");

	(void)state;
	highlight_article(en.hl, a, &m);
	assert_true(has(a, &m, "One", CAT_FIGURE, "missiles"));
	assert_false(has(a, &m, "One", CAT_FIGURE, "hit"));
	assert_true(has(a, &m, "one", CAT_FIGURE, "ship"));
	assert_true(has(a, &m, "December 19th", CAT_FIGURE, "date"));
	assert_int_equal(normalised(&m, "--12-19"), 1);
	assert_true(has(a, &m, "1st of March 2024", CAT_FIGURE, "date"));
	assert_int_equal(normalised(&m, "2024-03-01"), 1);
	assert_false(has(a, &m, "19th", CAT_FIGURE, "date"));
	mentions_free(&m);
	article_free(a);
}

/* Labels name, they do not count: laws, orders, transmittals, codes,
 * telephone numbers, hulls and units, a unit in a vehicle's name. */
static void test_labels(void **state)
{
	struct mentions m = {0};
	struct article *a = text_article(
		rules, "l",
		"Under Public Law 96-8, Executive Order 13224 and section 1702, "
		"Transmittal No. 26-01 and case 09-45 sent 40 jets. Call "
		"703-604-6618 or (703) 697-5131. The USS Carney (DDG 64) and VP "
		"4 flew with a M939 5 Ton truck and 12 ships.\n");

	(void)state;
	highlight_article(en.hl, a, &m);
	assert_true(has(a, &m, "40", CAT_FIGURE, NULL));
	assert_true(has(a, &m, "12", CAT_FIGURE, NULL));
	assert_false(has(a, &m, "96-8", CAT_FIGURE, NULL));
	assert_false(has(a, &m, "13224", CAT_FIGURE, NULL));
	assert_false(has(a, &m, "1702", CAT_FIGURE, NULL));
	assert_false(has(a, &m, "26-01", CAT_FIGURE, NULL));
	assert_false(has(a, &m, "09-45", CAT_FIGURE, NULL));
	assert_false(has(a, &m, "703-604", CAT_FIGURE, NULL));
	assert_false(has(a, &m, "703", CAT_FIGURE, NULL));
	assert_false(has(a, &m, "697-5131", CAT_FIGURE, NULL));
	assert_false(has(a, &m, "64", CAT_FIGURE, NULL));
	assert_false(has(a, &m, "4", CAT_FIGURE, NULL));
	assert_false(has(a, &m, "5", CAT_FIGURE, NULL));
	mentions_free(&m);
	article_free(a);
}

/* The labels of issue 18, each in a sentence of its own beside a figure
 * that counts: none of them is a figure, and a year alone is a year, not
 * a count. */
static void test_labels_issue(void **state)
{
	static const char *const labels[] = {
		"Public Law 93-148", "Executive Order 13224",
		"Transmittal No. 26-01", "(703) 604-6618", "703-604-6618",
		"Section 1702", "VP-4", "CVN-81", "Resolution 2722",
	};
	size_t i, k;

	(void)state;
	for (i = 0; i < sizeof labels / sizeof *labels; i++) {
		char text[160];
		struct mentions m = {0};
		struct article *a;
		int inside = 0;
		const char *at;

		snprintf(text, sizeof text,
			 "The office cited %s and sent 12 ships.\n", labels[i]);
		a = text_article(rules, "l", text);
		highlight_article(en.hl, a, &m);
		at = strstr(a->text, labels[i]);
		assert_non_null(at);
		for (k = 0; k < m.n; k++) {
			const struct mention *mn = &m.v[k];
			size_t s = (size_t)(at - a->text);

			if (mn->cat != CAT_FIGURE)
				continue;
			if (mn->start < s + strlen(labels[i]) && mn->end > s)
				inside++;
		}
		if (inside)
			fail_msg("'%s' holds a figure", labels[i]);
		assert_true(has(a, &m, "12", CAT_FIGURE, NULL));
		mentions_free(&m);
		article_free(a);
	}
	{
		struct mentions m = {0};
		struct article *a = text_article(
			rules, "y", "The office sent 12 ships in 2024.\n");

		highlight_article(en.hl, a, &m);
		for (k = 0; k < m.n; k++) {
			const struct mention *mn = &m.v[k];

			if (mn->cat == CAT_FIGURE &&
			    strncmp(a->text + mn->start, "2024", 4) == 0)
				assert_int_equal(
					mention_figure(&m, mn)->kind,
					FIG_YEAR);
		}
		assert_int_equal(normalised(&m, "2024"), 1);
		mentions_free(&m);
		article_free(a);
	}
}

/* Does a figure of m overlap the first occurrence of text in a? */
static int figure_inside(const struct article *a, const struct mentions *m,
			 const char *text)
{
	const char *at = strstr(a->text, text);
	size_t s, k;

	assert_non_null(at);
	s = (size_t)(at - a->text);
	for (k = 0; k < m->n; k++)
		if (m->v[k].cat == CAT_FIGURE && m->v[k].start < s + strlen(text) &&
		    m->v[k].end > s)
			return 1;
	return 0;
}

/* Labels and identifiers told from counts by their shape and the words
 * around them: in each sentence the label holds no figure and the count
 * beside it stays a figure. */
static void test_labels_shapes(void **state)
{
	static const struct {
		const char *text, *label, *count;
	} cases[] = {
		{"Under 50 U.S.C. 1701 the office sent 13 ships.\n",
		 "50 U.S.C. 1701", "13"},
		{"It acted under 8 U.S.C. 1189 with 40 jets.\n",
		 "under 8 U.S.C. 1189", "40"},
		{"Section 3 of the treaty allows 13 ships.\n", "Section 3",
		 "13"},
		{"Sec. 2. Policy. The navy sent 9 frigates.\n", "Sec. 2", "9"},
		{"Under Pub. L. 115-44 it bought 30 tanks.\n", "115-44", "30"},
		{"E.O. 14024 and Proclamation 10182 cover 25 firms.\n",
		 "E.O. 14024 and Proclamation 10182", "25"},
		{"It cited section 212(f) and 22 U.S.C. 8791 note and fined 6 "
		 "banks.\n",
		 "212(f) and 22 U.S.C. 8791", "6"},
		{"Resolutions 1718, 1874, 2087, and 2094 bar 12 exports.\n",
		 "1718, 1874, 2087, and 2094", "12"},
		{"Article 5 and 12 ships were named.\n", "Article 5", "12"},
		{"Sections 3 through 5 of the act name 14 ports.\n",
		 "3 through 5", "14"},
		{"It relied on § 1702 to seize 11 ships.\n", "1702", "11"},
		{"The 3+3 meeting drew 70 officials.\n", "3+3", "70"},
		{"Call 202.555.0100 about the 8 vessels.\n", "202.555.0100",
		 "8"},
		{"The watch floors run 24/7 and 16 soldiers quit.\n", "24/7",
		 "16"},
		{"Under General License 25, 15 banks may pay.\n", "25", "15"},
		{"The order:\n(1) blocks 20 firms; and (2) bars travel.\n",
		 "(1)", "20"},
		{"Steps:\n1. The Secretary shall name 5 officials.\n", "1.",
		 "5"},
		{"The brigade (40 tanks) fired 7 rounds at Tower 22.\n",
		 "Tower 22", "40"},
		{"Executive Order (E.O.) 14312 names 17 firms.\n",
		 "(E.O.) 14312", "17"},
		{"Under 31 CFR part 589 it fined 4 banks.\n", "31 CFR", "4"},
		{"As printed at 89 FR 10432, 21 vessels were named.\n",
		 "89 FR 10432", "21"},
		{"Joint Task Force 76 moved 300 troops to Floor 3 of the "
		 "base.\n",
		 "Task Force 76", "300"},
		{"Carrier Strike Group 9 carried 60 jets.\n",
		 "Strike Group 9", "60"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct mentions m = {0};
		struct article *a = text_article(rules, "l", cases[i].text);

		highlight_article(en.hl, a, &m);
		if (figure_inside(a, &m, cases[i].label))
			fail_msg("'%s' holds a figure in: %s", cases[i].label,
				 cases[i].text);
		if (!has(a, &m, cases[i].count, CAT_FIGURE, NULL) &&
		    !figure_inside(a, &m, cases[i].count))
			fail_msg("'%s' is no figure in: %s", cases[i].count,
				 cases[i].text);
		mentions_free(&m);
		article_free(a);
	}
}

/* An ordinal that ranks or names a kind is no count ("a second
 * question", "the second one", "second-strike capability", "a
 * third-party vendor", "fifth-generation"); one that counts stays a
 * figure ("the fourth meeting", "a second strike"). */
static void test_ordinal_kinds(void **state)
{
	static const char *const none[] = {
		"Q A second question on the talks.\n",
		"I will take the first question and she takes the second one.\n",
		"The plan gives a second-strike capability.\n",
		"It hired a third-party vendor.\n",
		"They fly fifth-generation fighters.\n",
	};
	static const char *const counts[] = {
		"It was the fourth meeting of the group.\n",
		"Iran launched a second strike on the base.\n",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof none / sizeof *none; i++) {
		struct mentions m = {0};
		struct article *a = text_article(rules, "o", none[i]);
		size_t k;

		highlight_article(en.hl, a, &m);
		assert_true(a->len > 0);
		for (k = 0; k < m.n; k++)
			if (m.v[k].cat == CAT_FIGURE)
				fail_msg("a figure in: %s", none[i]);
		mentions_free(&m);
		article_free(a);
	}
	for (i = 0; i < sizeof counts / sizeof *counts; i++) {
		struct mentions m = {0};
		struct article *a = text_article(rules, "o", counts[i]);

		highlight_article(en.hl, a, &m);
		if (!has(a, &m, strstr(counts[i], "fourth") ? "fourth" : "second",
			 CAT_FIGURE, NULL))
			fail_msg("no figure in: %s", counts[i]);
		mentions_free(&m);
		article_free(a);
	}
}

/* A time that fills its line under a transcript's title is a stamp; a
 * time in a sentence is a figure. */
static void test_time_stamp(void **state)
{
	struct mentions m = {0};
	struct article *a = text_article(
		rules, "t",
		"Press Call\n\n5:43 P.M. EST\n\nThe strikes began at 9:12 p.m. "
		"on 3 sites.\n");

	(void)state;
	highlight_article(en.hl, a, &m);
	assert_true(has(a, &m, "3", CAT_FIGURE, NULL) ||
		    figure_inside(a, &m, "3 sites"));
	assert_true(has(a, &m, "9:12 p.m.", CAT_FIGURE, NULL));
	assert_false(figure_inside(a, &m, "5:43 P.M. EST"));
	mentions_free(&m);
	article_free(a);
}

/* What the figure written text counts ("" for nothing, NULL when there
 * is no such figure). */
static const char *counted(const struct article *a, const struct mentions *m,
			   const char *text)
{
	size_t i;

	for (i = 0; i < m->n; i++) {
		const struct mention *mn = &m->v[i];
		const struct entity *ent;

		if (mn->cat != CAT_FIGURE ||
		    mn->end - mn->start != strlen(text) ||
		    memcmp(a->text + mn->start, text, strlen(text)) != 0)
			continue;
		if (mn->entity == ENTITY_NONE)
			return "";
		ent = entities_get(en.reg, mn->entity);
		return ent ? ent->name : "";
	}
	return NULL;
}

/* The counted phrase is read to its head: past many modifiers, past
 * names joined by "and" or commas, past "such" and "more"; a count that
 * names nothing after "up from" or "and" counts what the count before it
 * counts; a part of a whole given in digits counts the whole's noun. */
static void test_counted_heads(void **state)
{
	struct mentions m = {0};
	struct article *a = text_article(
		rules, "h",
		"Radar followed three Chinese Y-8 long-range maritime patrol "
		"aircraft. Crews flew nine British and Dutch aircraft over the "
		"sea. Pilots logged 14 such flights this year, up from 11 the "
		"year before. The embassy sent two more envoys. Police held 130 "
		"people and 27 were hurt. The party won 45 of the 90 seats. "
		"The camp had 300 soldiers. Then 40 left the camp. Only 16 more "
		"than planned came, and five of the 20 said so. There were "
		"six dead and 19 wounded.\n");

	(void)state;
	highlight_article(en.hl, a, &m);
	assert_non_null(counted(a, &m, "three"));
	/* the head, or the weapon the phrase names ("patrol aircraft") */
	assert_non_null(strstr(counted(a, &m, "three"), "aircraft"));
	assert_non_null(strstr(counted(a, &m, "nine"), "aircraft"));
	assert_string_equal(counted(a, &m, "14"), "flights");
	assert_string_equal(counted(a, &m, "11"), "flights");
	assert_string_equal(counted(a, &m, "two"), "envoys");
	assert_string_equal(counted(a, &m, "27"), "people");
	assert_string_equal(counted(a, &m, "45"), "seats");
	assert_string_equal(counted(a, &m, "90"), "seats");
	/* not across a sentence; not "more than"; not a part of no whole */
	assert_string_equal(counted(a, &m, "300"), "soldiers");
	assert_string_not_equal(counted(a, &m, "40"), "soldiers");
	assert_non_null(counted(a, &m, "16"));
	assert_string_not_equal(counted(a, &m, "16"), "than");
	assert_string_not_equal(counted(a, &m, "five"), "said");
	assert_non_null(counted(a, &m, "19"));
	assert_string_not_equal(counted(a, &m, "19"), "dead");
	mentions_free(&m);
	article_free(a);

	/* names joined before a head of digits are not one name list, and
	 * a list that ends in a name counts no name */
	a = text_article(rules, "i",
			 "Pyongyang sent 100 KN-23 and KN-24 missiles. Envoys "
			 "of 12 Baltic and Nordic states met.\n");
	highlight_article(en.hl, a, &m);
	assert_string_not_equal(counted(a, &m, "100"), "KN-24");
	assert_string_equal(counted(a, &m, "12"), "states");
	mentions_free(&m);
	article_free(a);
}

/* Shares and spans in words: "one in three" and "two in five" are
 * shares (not "one in three years", not "two in 2024"), every common
 * fraction is one ("a fifth"), "a day and a half" is 1.5 days, and a
 * share "of them" counts what the count before it counts, across a line
 * break too. */
static void test_shares_in_words(void **state)
{
	struct mentions m = {0};
	struct article *a = text_article(
		rules, "s",
		"Roughly one in three of the trucks waited. Nearly two in five "
		"voters stayed home. It rains one in three years. Only two in "
		"2024 came. About a fifth of the grain was lost. The port was "
		"shut for about a day and a half.\n\nThe yard held 4,000 "
		"containers, about a third of\nthem empty. Spending rose to 2% "
		"of output, from about 1% before.\n");

	(void)state;
	highlight_article(en.hl, a, &m);
	assert_true(has(a, &m, "Roughly one in three", CAT_FIGURE, "trucks"));
	assert_true(has(a, &m, "Nearly two in five", CAT_FIGURE, NULL));
	assert_int_equal(normalised(&m, "about 33%"), 2); /* and a third */
	assert_int_equal(normalised(&m, "nearly 40%"), 1);
	assert_false(has(a, &m, "one in three", CAT_FIGURE, NULL));
	assert_false(has(a, &m, "two in 2024", CAT_FIGURE, NULL));
	assert_true(has(a, &m, "About a fifth", CAT_FIGURE, "grain"));
	assert_int_equal(normalised(&m, "about 20%"), 1);
	assert_true(has(a, &m, "about a day and a half", CAT_FIGURE, NULL));
	assert_int_equal(normalised(&m, "about 1.5"), 1);
	assert_true(has(a, &m, "about a third", CAT_FIGURE, "containers"));
	assert_true(has(a, &m, "about 1%", CAT_FIGURE, "output"));
	mentions_free(&m);
	article_free(a);
}

/* Units the reader must take in (so that a figure is not read without
 * its unit): a unit before a word that says what it measures, a
 * fraction of a unit, feet, inches and yards; and currencies written as
 * a sign of letters, apart from the number or joined to it, and in
 * lakh, crore and CFA francs. */
static void test_units_and_signs(void **state)
{
	struct mentions m = {0};
	struct article *a = text_article(
		rules, "v",
		"The boat was roughly 40 feet long and 12 inches wide, some 300 "
		"yards out. The 35 member states met. It landed in under half "
		"an hour, about a third of a mile away; the fire lasted half a "
		"day. A reward of P1 million was set. The P5 met. Delhi sanctioned "
		"Rs 1,800 crore and 5 lakh rupees; Berlin gave EUR 34 billion; "
		"Dakar paid 10 million CFA francs.\n");

	(void)state;
	highlight_article(en.hl, a, &m);
	assert_true(has(a, &m, "roughly 40 feet", CAT_FIGURE, "feet"));
	assert_true(has(a, &m, "12 inches", CAT_FIGURE, "inches"));
	assert_true(has(a, &m, "some 300 yards", CAT_FIGURE, "yards"));
	assert_true(has(a, &m, "35", CAT_FIGURE, "states"));
	assert_true(has(a, &m, "under half an hour", CAT_FIGURE, "hour"));
	assert_int_equal(normalised(&m, "less than 0.5"), 1);
	assert_true(has(a, &m, "about a third of a mile", CAT_FIGURE,
			"mile"));
	assert_true(has(a, &m, "half a day", CAT_FIGURE, "day"));
	assert_true(has(a, &m, "P1 million", CAT_FIGURE, "money"));
	assert_int_equal(normalised(&m, "PHP 1000000"), 1);
	assert_false(has(a, &m, "P5", CAT_FIGURE, NULL));
	assert_true(has(a, &m, "Rs 1,800 crore", CAT_FIGURE, "money"));
	assert_int_equal(normalised(&m, "INR 18000000000"), 1);
	assert_true(has(a, &m, "5 lakh rupees", CAT_FIGURE, "money"));
	assert_int_equal(normalised(&m, "INR 500000"), 1);
	assert_true(has(a, &m, "EUR 34 billion", CAT_FIGURE, "money"));
	assert_int_equal(normalised(&m, "EUR 34000000000"), 1);
	assert_true(has(a, &m, "10 million CFA francs", CAT_FIGURE, "money"));
	assert_int_equal(normalised(&m, "XOF 10000000"), 1);
	mentions_free(&m);
	article_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_figures),
		cmocka_unit_test(test_number_words),
		cmocka_unit_test(test_shares_and_parts),
		cmocka_unit_test(test_verbs_and_ordinal_days),
		cmocka_unit_test(test_labels),
		cmocka_unit_test(test_labels_issue),
		cmocka_unit_test(test_labels_shapes),
		cmocka_unit_test(test_ordinal_kinds),
		cmocka_unit_test(test_time_stamp),
		cmocka_unit_test(test_counted_heads),
		cmocka_unit_test(test_shares_in_words),
		cmocka_unit_test(test_units_in_words),
		cmocka_unit_test(test_units_and_signs),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, engine_setup, engine_teardown);
}
