/* figalign: what a figure counts (modifiers, synonyms, units), its
 * interval, and which figures of two reports are aligned and disagree. */
#include "comparelib.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "brief/compare/figalign.h"

static struct figrules_align *fr;

/* The shipped engine and comparison rules (comparelib.h), and the figure
 * rules alone. */
static int fa_setup(void **state)
{
	struct err e = {{0}};

	if (setup(state) != 0)
		return -1;
	fr = figalign_rules_load("data/figures.yaml", &e);
	if (fr == NULL)
		fprintf(stderr, "%s\n", e.text);
	return fr ? 0 : -1;
}

static int fa_teardown(void **state)
{
	figalign_rules_free(fr);
	return teardown(state);
}

static struct figure num(double v, const char *qual)
{
	struct figure f;

	memset(&f, 0, sizeof f);
	f.kind = FIG_COUNT;
	f.lo = f.hi = v;
	f.qual = qual;
	return f;
}

static void test_heads(void **state)
{
	struct figure f = num(3, NULL);
	struct fa_meaning m;

	(void)state;
	figalign_meaning(fr, "short-range ballistic missiles", &f, &m);
	assert_string_equal(m.head, "ballistic missiles");
	assert_string_equal(m.kind, "short-range");
	figalign_meaning(fr, "soldiers", &f, &m);
	assert_string_equal(m.head, "troops");
	figalign_meaning(fr, "vessels", &f, &m);
	assert_string_equal(m.head, "ships");
	figalign_meaning(fr, "unmanned aerial systems", &f, &m);
	assert_string_equal(m.head, "drones");
	figalign_meaning(fr, "nations", &f, &m);
	assert_string_equal(m.head, "countries");
	/* the singular of one thing; not a noun before another
	 * ("18 Rocket Systems") */
	figalign_meaning(fr, "rocket", &f, &m);
	assert_string_equal(m.head, "rocket");
	f = num(1, NULL);
	figalign_meaning(fr, "vessel", &f, &m);
	assert_string_equal(m.head, "ships");
	figalign_meaning(fr, "country", &f, &m);
	assert_string_equal(m.head, "countries");
	figalign_meaning(fr, "merchant vessel", &f, &m);
	assert_string_equal(m.head, "ships");
	figalign_meaning(fr, "HIMARS", &f, &m);
	assert_string_equal(m.head, "HIMARS");
	assert_null(m.unit);
}

static void test_units_intervals(void **state)
{
	struct figure f = num(80, NULL);
	struct fa_meaning m;

	(void)state;
	figalign_meaning(fr, "miles", &f, &m);
	assert_string_equal(m.unit, "km");
	/* a converted figure was rounded: 80 miles is 75 to 85 */
	assert_true(fabs(m.lo - 120.70) < 0.01);
	assert_true(fabs(m.hi - 136.79) < 0.01);
	f = num(10000, "about");
	figalign_meaning(fr, "troops", &f, &m);
	assert_true(fabs(m.lo - 9000) < 1e-6 && fabs(m.hi - 11000) < 1e-6);
	f = num(20, "more than");
	figalign_meaning(fr, "countries", &f, &m);
	assert_true(m.lo > 20 && isinf(m.hi));
	f = num(500, NULL);
	figalign_meaning(fr, "tons", &f, &m);
	assert_string_equal(m.unit, "t");
	assert_true(figalign_disjoint(1, 2, 3, 4));
	assert_false(figalign_disjoint(1, 3, 3, 4));
}

/* Figures given as counted phrase and sentence, the number at "@". */
static void fig(struct fa_fig *v, int side, const char *counts,
		struct figure *f, const char *sent)
{
	memset(v, 0, sizeof *v);
	v->side = side;
	v->counts = counts;
	v->f = f;
	v->sent = sent;
	v->sent_len = strlen(sent);
	v->at = (size_t)(strchr(sent, '@') - sent);
}

/* Units come as classes: every unit of time, length, mass, area, volume
 * and speed in use converts to its base; a currency of the list to the
 * first. */
static void test_unit_classes(void **state)
{
	struct figure f = num(90, NULL);
	struct fa_meaning m;

	(void)state;
	figalign_meaning(fr, "minutes", &f, &m);
	assert_string_equal(m.unit, "day");
	assert_true(fabs(m.lo * 1440 - 85) < 0.1 && fabs(m.hi * 1440 - 95) < 0.1);
	f = num(2, NULL);
	figalign_meaning(fr, "fortnights", &f, &m);
	assert_string_equal(m.unit, "day");
	assert_true(m.lo > 20 && m.hi < 36);
	f = num(200, NULL);
	figalign_meaning(fr, "nautical miles", &f, &m);
	assert_string_equal(m.unit, "km");
	assert_true(m.lo < 370 && m.hi > 370);
	f = num(3000, NULL);
	figalign_meaning(fr, "feet", &f, &m);
	assert_string_equal(m.unit, "km");
	assert_true(m.lo < 0.92 && m.hi > 0.9);
	f = num(2000, NULL);
	figalign_meaning(fr, "pounds", &f, &m);
	assert_string_equal(m.unit, "t");
	f = num(30, NULL);
	figalign_meaning(fr, "knots", &f, &m);
	assert_string_equal(m.unit, "km/h");
	f = num(5, NULL);
	figalign_meaning(fr, "hectares", &f, &m);
	assert_string_equal(m.unit, "sq km");
	/* a word that only looks like a thing: no unit */
	figalign_meaning(fr, "minutemen", &f, &m);
	assert_null(m.unit);
	f = num(1e6, NULL);
	f.kind = FIG_MONEY;
	f.currency = "UAH";
	figalign_meaning(fr, NULL, &f, &m);
	assert_string_equal(m.unit, "USD");
	assert_true(m.lo < 24000 && m.hi > 24000);
	f.currency = "XYZ";
	figalign_meaning(fr, NULL, &f, &m);
	assert_string_equal(m.unit, "XYZ");
}

/* Figures given with their counted phrase: the phrase is the word after
 * "@" in the sentence (up to a space or the end). */
static void figp(struct fa_fig *v, int side, const char *counts,
		 struct figure *f, const char *sent)
{
	const char *p;

	fig(v, side, counts, f, sent);
	p = strchr(sent, '@') + 2;
	v->phrase = p;
	v->phrase_len = strcspn(p, " .");
}

/* Where each report gives several values of one thing, figures are
 * paired one to one: equal values, then the nearest, the words of the
 * sentences deciding between them. */
static void test_one_to_one(void **state)
{
	struct figure f[8];
	struct fa_fig v[8];
	struct fa_group *g;
	size_t ng;

	(void)state;
	f[0] = num(200, NULL);
	figp(&v[0], 0, "miles", &f[0],
	     "The planes came within @ miles of the Alaskan coast.");
	f[1] = num(75, "about");
	figp(&v[1], 0, "miles", &f[1],
	     "The ships sailed @ miles north of Kiska Island.");
	f[2] = num(12, "about");
	figp(&v[2], 0, "miles", &f[2], "The cutter kept watch from @ miles.");
	f[3] = num(370, "about");
	figp(&v[3], 1, "kilometres", &f[3],
	     "They came no closer than @ kilometres to the coast.");
	f[4] = num(120, "roughly");
	figp(&v[4], 1, "kilometres", &f[4],
	     "A flotilla was sighted @ kilometres north of Kiska.");
	g = figalign_run(fr, v, 5, &ng);
	assert_int_equal(v[0].group, v[3].group);
	assert_int_equal(v[1].group, v[4].group);
	assert_int_not_equal(v[0].group, v[1].group);
	assert_int_not_equal(v[2].group, v[0].group);
	assert_int_not_equal(v[2].group, v[1].group);
	assert_false(g[v[0].group].disagree);
	assert_false(g[v[1].group].disagree);
	assert_string_equal(g[v[2].group].counts, "km");
	assert_int_equal(ng, 3);
	free(g);
	/* one value told twice in a report stays with the other's one */
	f[0] = num(450, NULL);
	fig(&v[0], 0, "troops", &f[0], "About @ troops are deployed.");
	f[1] = num(450, NULL);
	fig(&v[1], 0, "troops", &f[1], "The @ troops are deployed there.");
	f[2] = num(500, NULL);
	fig(&v[2], 1, "soldiers", &f[2], "Fewer than @ soldiers are deployed.");
	g = figalign_run(fr, v, 3, &ng);
	assert_int_equal(ng, 1);
	assert_int_equal(v[0].group, v[2].group);
	assert_int_equal(v[1].group, v[2].group);
	assert_true(g[0].disagree);
	free(g);
}

/* Pairing one to one weighs the actors the sentences name: the same
 * one draws two figures together, another one keeps them apart; with no
 * actors named the nearest values pair. */
static void test_actors_pair(void **state)
{
	static const char *const who[4] = {"france", "germany", "germany",
					   "france"};
	static const double val[4] = {500, 480, 495, 485};
	struct figure f[4];
	struct fa_fig v[4];
	struct fa_group *g;
	size_t ng, i;
	int named;

	(void)state;
	for (named = 1; named >= 0; named--) {
		for (i = 0; i < 4; i++) {
			f[i] = num(val[i], NULL);
			fig(&v[i], i >= 2, "troops", &f[i],
			    "They sent @ troops.");
			if (named)
				snprintf(v[i].actor, sizeof v[i].actor, "%s",
					 who[i]);
		}
		g = figalign_run(fr, v, 4, &ng);
		assert_int_equal(ng, 2);
		if (named) {
			assert_int_equal(v[0].group, v[3].group);
			assert_int_equal(v[1].group, v[2].group);
		} else {
			assert_int_equal(v[0].group, v[2].group);
			assert_int_equal(v[1].group, v[3].group);
		}
		free(g);
	}
}

/* A span of time that reaches a point ("two days after") is not how
 * long something lasted; two equal points align, different ones do
 * not. */
static void test_point_in_time(void **state)
{
	struct figure f[4];
	struct fa_fig v[4];
	struct fa_group *g;
	size_t ng;

	(void)state;
	f[0] = num(31, NULL);
	figp(&v[0], 0, "hours", &f[0], "The systems were down for @ hours.");
	f[1] = num(2, NULL);
	figp(&v[1], 1, "days", &f[1], "Work resumed @ days after the attack.");
	f[2] = num(3, NULL);
	figp(&v[2], 0, "weeks", &f[2], "It had opened @ weeks earlier.");
	g = figalign_run(fr, v, 3, &ng);
	assert_int_not_equal(v[0].group, v[1].group);
	assert_int_not_equal(v[1].group, v[2].group);
	assert_memory_equal(g[v[1].group].counts, "point in time", 13);
	assert_false(g[v[1].group].disagree);
	free(g);
	f[0] = num(3, NULL);
	figp(&v[0], 0, "weeks", &f[0], "The port opened @ weeks earlier.");
	f[1] = num(3, NULL);
	figp(&v[1], 1, "weeks", &f[1], "It was built @ weeks before.");
	g = figalign_run(fr, v, 2, &ng);
	assert_int_equal(ng, 1);
	assert_int_equal(v[0].group, v[1].group);
	free(g);
}

static void test_alignment(void **state)
{
	struct figure f[10];
	struct fa_fig v[10];
	struct fa_group *g;
	size_t ng;

	(void)state;
	f[0] = num(10000, "about");
	fig(&v[0], 0, "troops", &f[0], "Russia sent @ troops to the border.");
	f[1] = num(12000, NULL);
	fig(&v[1], 1, "soldiers", &f[1], "@ soldiers were deployed.");
	f[2] = num(600, "about");
	fig(&v[2], 0, "kilometers", &f[2], "The missile flew @.");
	f[3] = num(350, "about");
	fig(&v[3], 1, "km", &f[3], "It flew @ before it fell.");
	f[4] = num(2, NULL);
	fig(&v[4], 0, "ballistic missiles", &f[4], "It fired @ missiles.");
	f[5] = num(3, NULL);
	fig(&v[5], 1, "short-range ballistic missiles", &f[5],
	    "It launched @ missiles.");
	f[6] = num(44, NULL);
	fig(&v[6], 0, "countries", &f[6], "@ countries condemned the attacks.");
	f[7] = num(20, "more than");
	fig(&v[7], 1, "countries", &f[7], "The crews came from @ countries.");
	f[8] = num(5, NULL);
	fig(&v[8], 0, "ships", &f[8], "Rebels attacked @ ships.");
	f[9] = num(30, NULL);
	fig(&v[9], 1, "vessels", &f[9], "Firms diverted @ vessels.");
	g = figalign_run(fr, v, 10, &ng);
	assert_int_equal(v[0].group, v[1].group);
	assert_true(g[v[0].group].disagree);
	assert_string_equal(g[v[0].group].counts, "troops");
	assert_int_equal(v[2].group, v[3].group);
	assert_true(g[v[2].group].disagree);
	assert_string_equal(g[v[2].group].unit, "km");
	assert_int_equal(v[4].group, v[5].group);
	assert_true(g[v[4].group].disagree);
	assert_string_equal(g[v[4].group].counts, "ballistic missiles");
	assert_int_not_equal(v[6].group, v[7].group);
	assert_false(g[v[6].group].disagree);
	assert_int_not_equal(v[8].group, v[9].group);
	assert_string_equal(g[v[8].group].counts, "ships (harm)");
	assert_int_equal(ng, 7);
	free(g);
}

/* Figures that agree are aligned but not flagged; a generic thing with
 * no event in either sentence is aligned with nothing. */
static void test_agree(void **state)
{
	struct figure f[4];
	struct fa_fig v[4];
	struct fa_group *g;
	size_t ng;

	(void)state;
	f[0] = num(10000, "about");
	fig(&v[0], 0, "troops", &f[0], "Russia sent @ troops.");
	f[1] = num(10500, NULL);
	fig(&v[1], 1, "personnel", &f[1], "Russia deployed @ personnel.");
	f[2] = num(3, NULL);
	fig(&v[2], 0, "people", &f[2], "@ people were there.");
	f[3] = num(9, NULL);
	fig(&v[3], 1, "people", &f[3], "There were @ people.");
	g = figalign_run(fr, v, 4, &ng);
	assert_int_equal(v[0].group, v[1].group);
	assert_false(g[v[0].group].disagree);
	assert_false(v[1].discrepancy);
	assert_int_not_equal(v[2].group, v[3].group);
	assert_int_equal(ng, 3);
	free(g);
}

/* A pair of reports of one sentence each, a figure in each (the text it
 * starts with), and whether the comparison aligns them and flags them. */
struct fa_pair {
	const char *a, *fa, *b, *fb;
	int aligned, disagree;
};

static const struct fa_pair pairs[] = {
	/* a figure that is the subject of the verb after it takes that
	 * verb's event, not a nearer one before it */
	{"Two peacekeepers were killed and 24 people were wounded.", "24",
	 "The attack wounded two dozen people.", "two dozen", 1, 0},
	{"Two peacekeepers were killed and 24 people were wounded.", "24",
	 "The attack killed 24 people.", "24", 0, 0},
	/* synonyms, kinds and units */
	{"Russia sent about 10,000 troops to the border.", "about 10,000",
	 "Russia deployed 12,000 soldiers to the border.", "12,000", 1, 1},
	{"Russia sent about 10,000 troops to the border.", "about 10,000",
	 "Russia deployed 10,500 personnel to the border.", "10,500", 1, 0},
	{"The missile flew about 600 kilometers.", "about 600",
	 "The missile flew roughly 350 km.", "roughly 350", 1, 1},
	{"The missile flew about 370 miles.", "about 370",
	 "The missile flew 600 km.", "600", 1, 0},
	{"The missile flew 500 km.", "500", "The missile flew 500 miles.",
	 "500", 1, 1},
	{"The boat sailed 5 nautical miles.", "5",
	 "The boat sailed 9 km.", "9", 1, 0},
	{"North Korea fired two ballistic missiles.", "two",
	 "North Korea launched three short-range ballistic missiles.",
	 "three", 1, 1},
	{"The Houthis launched 18 drones at ships.", "18",
	 "The Houthis fired 21 unmanned aerial vehicles at ships.", "21", 1,
	 1},
	{"The Houthis launched 18 drones.", "18",
	 "The Houthis fired 18 UAVs.", "18", 1, 0},
	{"The ship carried 500 tons of fuel.", "500",
	 "The ship carried 500 tonnes of fuel.", "500", 1, 0},
	{"The ship carried 2,000 kilograms of fuel.", "2,000",
	 "The ship carried 2 tons of fuel.", "2", 1, 0},
	{"44 countries condemned the attacks.", "44",
	 "More than 40 nations condemned the attacks.", "More than 40", 1,
	 0},
	{"44 countries condemned the attacks.", "44",
	 "Only 30 nations condemned the attacks.", "30", 1, 1},
	/* qualifiers, approximations, vague numbers */
	{"The Houthis made more than two dozen attacks on ships.",
	 "more than two dozen", "There have been 27 attacks on ships.", "27",
	 1, 0},
	{"The Houthis made more than two dozen attacks on ships.",
	 "more than two dozen", "There have been 20 attacks on ships.", "20",
	 1, 1},
	{"Tens of thousands of troops were deployed.", "Tens of thousands",
	 "Some 5,000 troops were deployed.", "Some 5,000", 1, 1},
	{"Tens of thousands of troops were deployed.", "Tens of thousands",
	 "50,000 troops were deployed.", "50,000", 1, 0},
	{"Nearly 10,000 troops were deployed.", "Nearly 10,000",
	 "10,500 troops were deployed.", "10,500", 1, 1},
	{"At least 30 people were killed.", "At least 30",
	 "25 people were killed.", "25", 1, 1},
	{"At least 30 people were killed.", "At least 30",
	 "35 people were killed.", "35", 1, 0},
	{"Up to 40 ships were diverted.", "Up to 40",
	 "35 vessels were diverted.", "35", 1, 0},
	{"Between 20 and 30 drones were launched.", "20",
	 "25 drones were launched.", "25", 1, 0},
	{"Dozens of drones were launched.", "Dozens",
	 "40 drones were launched.", "40", 1, 0},
	{"Hundreds of troops were deployed.", "Hundreds",
	 "5,000 troops were deployed.", "5,000", 1, 1},
	{"Two dozen missiles were fired.", "Two dozen",
	 "24 missiles were fired.", "24", 1, 0},
	{"One and a half million people fled.", "One and a half million",
	 "1.5 million people fled.", "1.5 million", 1, 0},
	{"It fired four hundred forty-seven (447) missiles.",
	 "four hundred forty-seven", "It fired 447 missiles.", "447", 1, 0},
	/* money and shares */
	{"Congress approved $1.2 billion in aid.", "$1.2 billion",
	 "Congress approved 1,200 million dollars in aid.", "1,200 million",
	 1, 0},
	{"Congress approved $2 million in aid.", "$2 million",
	 "Congress approved $3 million in aid.", "$3 million", 1, 1},
	{"About 47% of voters agreed.", "About 47%",
	 "50 percent of voters agreed.", "50 percent", 1, 0},
	{"20% of voters agreed.", "20%", "60 percent of voters agreed.",
	 "60 percent", 1, 1},
	/* the sense: events of one class align, of two classes do not */
	{"The KN-23 flew 600 km.", "600", "The KN-23 was launched 900 km.",
	 "900", 1, 1},
	{"North Korea fired 3 missiles.", "3", "3 missiles flew east.", "3",
	 1, 0},
	{"44 countries condemned the attacks.", "44",
	 "Crews from more than 20 countries were held.", "more than 20", 0,
	 0},
	{"Rebels attacked 5 ships.", "5", "Firms diverted 30 vessels.", "30",
	 0, 0},
	{"Five soldiers were killed.", "Five", "Five soldiers were wounded.",
	 "Five", 0, 0},
	{"Twelve people were killed.", "Twelve", "Ten people died.", "Ten",
	 1, 1},
	{"Twelve people were killed.", "Twelve",
	 "Twelve people were injured.", "Twelve", 0, 0},
	{"300 troops were deployed.", "300", "300 troops were killed.",
	 "300", 0, 0},
	{"One vessel was attacked.", "One", "Two ships were attacked.", "Two",
	 1, 1},
	/* one side without an event word: the thing's single group */
	{"The army has 40 tanks.", "40", "The army sent 60 tanks.", "60", 1,
	 1},
	/* a counted phrase read by its longest known tail: the kind of
	 * ship apart */
	{"China sent 14 PLA Navy vessels.", "14", "China sent 16 warships.",
	 "16", 1, 1},
	{"China sent 12 coast guard ships.", "12",
	 "China sent 14 naval vessels.", "14", 0, 0},
	{"China sent twelve China Coast Guard ships.", "twelve",
	 "China sent a dozen coast guard vessels.", "a dozen", 1, 0},
	{"Three U.S. service members were killed.", "Three",
	 "Three American soldiers were killed.", "Three", 1, 0},
	{"Insurgents burned two dozen trucks.", "two dozen",
	 "Insurgents set 24 lorries ablaze.", "24", 1, 0},
	/* an event looked for in the figure's clause, not its own noun */
	{"Between 40 and 60 soldiers were killed; two dozen trucks were "
	 "burned.", "two dozen", "Some 24 lorries were burned.", "Some 24",
	 1, 0},
	{"Between 40 and 60 soldiers were killed; two dozen trucks were "
	 "burned.", "two dozen", "24 trucks were intercepted.", "24", 0, 0},
	{"The Houthis launched more than 100 attacks on ships.",
	 "more than 100",
	 "The group carried out more than a hundred attacks on vessels.",
	 "more than a hundred", 1, 0},
	/* time units; sums in millions are rounded */
	{"The drill will run for 12 days.", "12",
	 "It is a two-week drill.", "two", 1, 0},
	{"The drill will run for 5 days.", "5", "It is a two-week drill.",
	 "two", 1, 1},
	{"The package is worth $1.25 billion.", "$1.25 billion",
	 "The package is worth $1.3 billion.", "$1.3 billion", 1, 0},
	{"The package is worth $1.2 billion.", "$1.2 billion",
	 "The package is worth $1.4 billion.", "$1.4 billion", 1, 1},
	/* two generic figures with no event align only when they agree */
	{"Troops from 14 nations took part.", "14",
	 "Troops from fourteen countries took part.", "fourteen", 1, 0},
	/* shares count the whole they are a part of, in per cent */
	{"JNIM contests roughly a third of the country's territory.",
	 "roughly a third",
	 "Armed groups hold nearly half of Burkina Faso's territory.",
	 "nearly half", 1, 1},
	{"JNIM contests about a third of the territory.", "about a third",
	 "Armed groups hold 35 percent of the territory.", "35 percent", 1,
	 0},
	{"A third of the budget was spent.", "A third",
	 "A third of the territory was lost.", "A third", 0, 0},
	{"Half of the aircraft returned.", "Half",
	 "100 of the aircraft returned.", "100", 0, 0},
	/* a part of a whole named; a verb after the thing counted */
	{"One hundred eleven (111) of the aircraft crossed the line.",
	 "One hundred eleven", "More than a hundred of the aircraft crossed "
	 "the line.", "More than a hundred", 1, 0},
	{"One missile hit the carrier.", "One",
	 "The carrier was struck by one missile.", "one", 1, 0},
	/* a day written as an ordinal tells a statement apart */
	{"A statement on December 19th was signed by 44 countries. Today's "
	 "statement was signed by 13 countries.", "44",
	 "44 countries signed the statement on December 19, 2023.", "44", 1,
	 0},
	{"A statement on December 19th was signed by 44 countries. Today's "
	 "statement was signed by 13 countries.", "13",
	 "44 countries signed the statement on December 19, 2023.", "44", 0,
	 0},
	/* a thing told of with no event joins the one event group the other
	 * report alone tells of */
	{"Taiwan detected 153 sorties of aircraft. 111 of the aircraft "
	 "crossed the line.", "153", "China sent 153 aircraft. More than a "
	 "hundred of the aircraft crossed the line.", "153", 1, 0},
	/* money in two currencies, compared at a rate with a tolerance */
	{"The drill will cost €120 million.", "€120 million",
	 "The drill will cost roughly $130 million.", "roughly $130 million",
	 1, 0},
	{"The drill will cost €120 million.", "€120 million",
	 "The drill will cost $300 million.", "$300 million", 1, 1},
	{"The drill will cost 500 million rials.", "500 million",
	 "The drill will cost $500 million.", "$500 million", 0, 0},
	/* kin events: launched by one report, intercepted by the other; not
	 * when one report tells of both */
	{"Warships intercepted 14 drones.", "14",
	 "The Houthis fired 16 drones.", "16", 1, 1},
	{"The Houthis launched 16 drones; warships intercepted 14 drones.",
	 "16", "Warships intercepted 12 drones.", "12", 0, 0},
	/* the actor tells figures of one event apart */
	{"North Korea fired about 200 shells. South Korea fired 400 rounds "
	 "in reply.", "about 200", "North Korea fired nearly 200 rounds. "
	 "South Korea fired 300 shells in reply.", "nearly 200", 1, 0},
	{"North Korea fired about 200 shells. South Korea fired 400 rounds "
	 "in reply.", "400", "North Korea fired nearly 200 rounds. "
	 "South Korea fired 300 shells in reply.", "300", 1, 1},
	{"North Korea fired about 200 shells. South Korea fired 400 rounds "
	 "in reply.", "about 200", "North Korea fired nearly 200 rounds. "
	 "South Korea fired 300 shells in reply.", "300", 0, 0},
	/* a running total apart from one package */
	{"The new package is worth $1.25 billion. Aid since 2022 is more "
	 "than $64 billion.", "$1.25", "The package is worth $1.3 billion. "
	 "Aid since 2022 is $64 billion.", "$1.3", 1, 0},
	{"The new package is worth $1.25 billion. Aid since 2022 is more "
	 "than $64 billion.", "$1.25", "The package is worth $1.3 billion. "
	 "Aid since 2022 is $64 billion.", "$64", 0, 0},
	/* the day a sentence names */
	{"On December 19, 44 countries condemned the attacks.", "44",
	 "On December 19, 44 nations condemned the attacks. Today 13 "
	 "countries condemned them again.", "13", 0, 0},
	{"On December 19, 44 countries condemned the attacks.", "44",
	 "On December 19, 44 nations condemned the attacks. Today 13 "
	 "countries condemned them again.", "44", 1, 0},
	/* a fraction in words after a qualifier is a share */
	{"Attacks fell by about two thirds last year.", "about two thirds",
	 "Attacks fell by 67 percent last year.", "67", 1, 0},
	{"Attacks fell by about two thirds last year.", "about two thirds",
	 "Attacks fell by 40 percent last year.", "40", 1, 1},
	{"Nearly a fifth of the oil passes the strait.", "Nearly a fifth",
	 "About 19 percent of the oil passes the strait.", "About 19", 1, 0},
	/* armed men by their deed: pirates, attackers, gunmen are one */
	{"Eight pirates boarded the tanker.", "Eight",
	 "Seven gunmen boarded the tanker.", "Seven", 1, 1},
	{"Four attackers boarded the tanker.", "Four",
	 "Four assailants boarded the tanker.", "Four", 1, 0},
	{"Eight pirates boarded the tanker.", "Eight",
	 "Seven crew members left the tanker.", "Seven", 0, 0},
	/* dwellings */
	{"At least 40 houses were burned.", "At least 40",
	 "More than three dozen homes were burned.", "More than three dozen",
	 1, 0},
	{"At least 40 houses were burned.", "At least 40",
	 "About 20 homes were burned.", "About 20", 1, 1},
	/* a span after "for" lasted, whatever follows it */
	{"The gunmen stayed on board for three hours before leaving.",
	 "three hours", "The gunmen spent 180 minutes on board.", "180", 1,
	 0},
	{"The gunmen stayed on board for three hours before leaving.",
	 "three hours", "The gunmen spent 240 minutes on board.", "240", 1,
	 1},
	{"The gunmen left three hours before dawn.", "three hours",
	 "The gunmen spent 180 minutes on board.", "180", 0, 0},
	/* different things */
	{"Russia sent 10,000 troops.", "10,000",
	 "The war killed 300 people.", "300", 0, 0},
	{"The sale covers 50 HIMARS.", "50", "The sale covers 40 tanks.",
	 "40", 0, 0},
};

/* The figure of side s of comparison c whose text starts with t, or
 * NULL. */
static const struct cmp_figure *fig_of(const struct comparison *c, int s,
				       const char *t)
{
	size_t i;

	for (i = 0; i < c->nfigs; i++) {
		const struct cmp_figure *f = &c->figs[i];
		const char *at = c->side[s].a->text + f->m->start;

		if (f->side == s && strncmp(at, t, strlen(t)) == 0)
			return f;
	}
	return NULL;
}

/* Run the pairs p[0..n) through the comparison; the number that do not
 * come out as expected (each said on standard error). */
static size_t run_pairs(const struct fa_pair *p, size_t n)
{
	size_t i, bad = 0;

	for (i = 0; i < n; i++) {
		struct article *a = text_article(rules, "a", p[i].a);
		struct article *b = text_article(rules, "b", p[i].b);
		struct mentions ma = {0}, mb = {0};
		struct comparison *c;
		const struct cmp_figure *x, *y;
		int al = -1, dis = -1;

		highlight_article(en.hl, a, &ma);
		highlight_article(en.hl, b, &mb);
		c = compare_run(cr, en.reg, a, &ma, b, &mb);
		x = fig_of(c, 0, p[i].fa);
		y = fig_of(c, 1, p[i].fb);
		if (x && y) {
			al = x->group == y->group;
			dis = al ? c->groups[x->group].disagree : 0;
		}
		if (al != p[i].aligned || dis != p[i].disagree) {
			fprintf(stderr, "pair %zu: '%s' / '%s': aligned %d "
				"disagree %d, expected %d %d\n", i, p[i].fa,
				p[i].fb, al, dis, p[i].aligned, p[i].disagree);
			bad++;
		}
		compare_free(c);
		mentions_free(&ma);
		mentions_free(&mb);
		article_free(a);
		article_free(b);
	}
	return bad;
}

/* A class of pairs, each class one test (its state). */
struct fa_class {
	const struct fa_pair *p;
	size_t n;
};

#define PAIRS(t) {t, sizeof t / sizeof *t}

/* Every pair of the class comes out as expected. */
static void test_class(void **state)
{
	const struct fa_class *c = *state;

	assert_int_equal(run_pairs(c->p, c->n), 0);
}

static void test_pairs(void **state)
{
	(void)state;
	assert_true(sizeof pairs / sizeof *pairs >= 30);
	assert_int_equal(run_pairs(pairs, sizeof pairs / sizeof *pairs), 0);
}

/* The sense of a figure is read from the event of its own clause: the
 * verb it is the subject or the object of, a participle in its phrase,
 * a state counted alone; an event word is not read across another
 * figure that is not joined to it, nor in a phrase that tells of none
 * ("flying the flag"). */
static const struct fa_pair sense_pairs[] = {
	{"Two peacekeepers and at least 17 civilians were killed, and 24 "
	 "people were wounded.", "24",
	 "Gunmen killed two blue helmets and seventeen civilians and left two "
	 "dozen injured.", "two dozen", 1, 0},
	{"Two peacekeepers and at least 17 civilians were killed, and 24 "
	 "people were wounded.", "Two",
	 "Gunmen killed two blue helmets and seventeen civilians and left two "
	 "dozen injured.", "two", 1, 0},
	{"Two peacekeepers and at least 17 civilians were killed, and 24 "
	 "people were wounded.", "at least 17",
	 "Gunmen killed two blue helmets and seventeen civilians and left two "
	 "dozen injured.", "seventeen", 1, 0},
	{"About 3,000 displaced people were sheltering at the camp.",
	 "About 3,000", "Some 6,000 people fled to the camp.", "Some 6,000",
	 1, 1},
	{"The patrol found 32 fishing vessels flying the Chinese flag.", "32",
	 "The navy seized 4 tonnes of fish after a standoff with more than "
	 "30 fishing boats.", "more than 30", 1, 0},
	{"The navy seized 4 tonnes of fish after a standoff with more than "
	 "30 fishing boats and three coast guard ships.", "three",
	 "Two coast guard vessels escorted the fleet.", "Two", 1, 1},
	{"Soldiers set fire to two fuel depots used by miners.", "two",
	 "Soldiers burned three fuel stores.", "three", 1, 1},
	{"Two dozen troops waded across the river and opened fire on a "
	 "patrol.", "Two dozen",
	 "About 40 soldiers crossed the river.", "About 40", 1, 1},
	{"Between 200 and 300 miners work the area.", "200 and 300",
	 "At least 350 miners worked the pits and soldiers burned two fuel "
	 "stores.", "At least 350", 1, 1},
	{"The ministry imposed visa restrictions on over 250 officials.",
	 "over 250", "Washington imposed visa bans on 250 officials.", "250",
	 1, 0},
	/* the sense still parts two events told of in both */
	{"Rebels attacked 5 ships.", "5", "Firms diverted 30 vessels.", "30",
	 0, 0},
};

/* A share of a count counts the thing, its value the share of the count
 * (widened by the tolerance); the count it is taken of is a whole, apart
 * from counts of a part.  A share of a set the report names ("of the
 * containers passing through") stays a share. */
static const struct fa_pair share_pairs[] = {
	{"Half of the camp's 400 shelters were burned.", "Half",
	 "About 200 shelters burned.", "About 200", 1, 0},
	{"Half of the camp's 400 shelters were burned.", "400",
	 "About 200 shelters burned.", "About 200", 0, 0},
	{"Half of the camp's 400 shelters were burned.", "Half",
	 "Some 350 shelters burned.", "Some 350", 1, 1},
	{"About a third of the town's 1,800 residents fled.", "About a third",
	 "Some 600 residents fled.", "Some 600", 1, 0},
	{"The patrol found 32 fishing vessels. Two-thirds of the vessels left "
	 "the zone.", "Two-thirds",
	 "About 20 of the boats sailed away.", "About 20", 1, 0},
	{"The port handled 900 containers. A third of the containers passing "
	 "through it go to Ukraine.", "A third",
	 "One in three of the containers go to Ukraine.", "One in three", 1,
	 0},
};

static const struct fa_class share_class = PAIRS(share_pairs);

/* Units across systems: a weight in pounds that reads like money
 * ("10,000 pounds of fish") is a weight; distances in miles, nautical
 * miles and kilometres; durations in hours and minutes. */
static const struct fa_pair unit_pairs[] = {
	{"The navy seized 4.5 tonnes of fish.", "4.5",
	 "The navy seized about 10,000 pounds of fish.", "about 10,000", 1, 0},
	{"Insurgents took 320 tonnes of food.", "320",
	 "Insurgents took about 700,000 pounds of food.", "about 700,000", 1,
	 0},
	{"Insurgents took 100 tonnes of food.", "100",
	 "Insurgents took about 700,000 pounds of food.", "about 700,000", 1,
	 1},
	{"The fleet was 105 nautical miles north of the island.", "105",
	 "The fleet was roughly 195 kilometres north of the island.",
	 "roughly 195", 1, 0},
	{"The firefight lasted 120 minutes.", "120",
	 "The firefight lasted two hours.", "two hours", 1, 0},
	{"The firefight lasted 45 minutes.", "45",
	 "The firefight lasted about an hour.", "about an hour", 1, 1},
	/* a fraction of a unit; a span that lasted, whatever event follows
	 * it */
	{"The firefight lasted 45 minutes before the unit withdrew.", "45",
	 "The exchange of fire lasted three-quarters of an hour.",
	 "three-quarters", 1, 0},
	{"The firefight lasted 20 minutes before the unit withdrew.", "20",
	 "The exchange of fire lasted three-quarters of an hour.",
	 "three-quarters", 1, 1},
};

static const struct fa_class unit_class = PAIRS(unit_pairs);

/* A unit of several words, or one of oil, is read into the figure and
 * converted: nautical miles beside kilometres, metric tons beside pounds
 * of a load, barrels beside barrels; a sum in a currency the rules rate
 * (gourdes) beside dollars. */
static const struct fa_pair measure_pairs[] = {
	{"The dhow was stopped about 60 nautical miles off the coast.",
	 "about 60 nautical miles",
	 "The dhow was stopped roughly 110 kilometres off the coast.",
	 "roughly 110 kilometres", 1, 0},
	{"The dhow was stopped about 60 nautical miles off the coast.",
	 "about 60 nautical miles",
	 "The dhow was stopped roughly 40 kilometres off the coast.",
	 "roughly 40 kilometres", 1, 1},
	{"Sailors seized approximately 2.5 metric tons of explosives.",
	 "approximately 2.5 metric tons",
	 "Sailors seized nearly 5,500 pounds of explosives.",
	 "nearly 5,500 pounds", 1, 0},
	{"The tanker moved roughly 4 million barrels of crude.",
	 "roughly 4 million barrels",
	 "The tanker carried four million barrels of crude.",
	 "four million barrels", 1, 0},
	{"The ministry will spend about $2 million to rebuild the bridge.",
	 "about $2 million",
	 "The ministry released 260 million gourdes to rebuild the bridge.",
	 "260 million gourdes", 1, 0},
};

static const struct fa_class measure_class = PAIRS(measure_pairs);

/* People in a plight the sentence tells (rescued, survivors, missing,
 * bodies recovered, on board) are counted in that sense, whatever word
 * names them; words that hide such a word ("aid workers", "Rescue
 * Coordination Centre") tell of none; guards and prisoners are their
 * own things, apart from police. */
static const struct fa_pair plight_pairs[] = {
	{"The navy rescued 41 people and recovered six bodies.", "41",
	 "Forty-one survivors were brought to the port.", "Forty-one", 1, 0},
	{"The navy rescued 41 people. Three survivors were flown to "
	 "hospital in Catania.", "Three",
	 "Forty-one survivors were brought to the port.", "Forty-one", 0, 0},
	{"The navy rescued 41 people; at least 20 people are missing.",
	 "at least 20",
	 "Rescuers searched for dozens of people still missing.", "dozens",
	 1, 0},
	{"The navy recovered six bodies.", "six",
	 "Rescuers searched for dozens of people still missing.", "dozens",
	 0, 0},
	{"Survivors said about 60 people were on board.", "about 60",
	 "Survivors told aid workers that 90 people had crowded onto the "
	 "boat.", "90", 1, 1},
	{"Four guards were killed in the attack on the prison.", "Four",
	 "Four (4) correctional officers were killed in the attack.", "Four",
	 1, 0},
	{"About 800 inmates escaped from the prison.", "About 800",
	 "Eight hundred twelve (812) detainees escaped.",
	 "Eight hundred twelve", 1, 0},
	/* people by their nationality: "German citizens" are Germans, not
	 * Americans */
	{"The deal frees four Germans and two American citizens.", "four",
	 "Four detained German citizens will also be freed.", "Four", 1, 0},
	{"The deal frees four Germans and two American citizens.", "two",
	 "Four detained German citizens will also be freed.", "Four", 0, 0},
	{"Treasury designated six companies.", "six",
	 "Treasury imposed sanctions on six firms.", "six", 1, 0},
};

static const struct fa_class plight_class = PAIRS(plight_pairs);

/* Money for different things (the words after the sum) is not aligned
 * when the sums differ; the same sum told in other words is; sums given
 * only with "more than" are paired one to one by how near they are, not
 * all in one because open intervals meet. */
static const struct fa_pair money_pairs[] = {
	{"The mission released $2.5 million to replace shelters.",
	 "$2.5 million",
	 "Agencies launched a $10 million appeal for the health programme.",
	 "$10 million", 0, 0},
	{"The cabinet approved a $20 million programme to build border "
	 "outposts under Emergency Order 14.", "$20 million",
	 "The US gave $3 million in emergency assistance for flood relief.",
	 "$3 million", 0, 0},
	{"The US gave $3 million for flood relief.", "$3 million",
	 "Washington sent $4 million in flood relief.", "$4 million", 1, 1},
	{"It mobilizes $20 billion in public and private financing.",
	 "$20 billion", "They discussed the $20 billion Just Energy Transition "
	 "Partnership.", "$20 billion", 1, 0},
	{"Firms will leverage over $500 million for roads. Companies "
	 "highlighted more than $1 billion in investments. Partners gave over "
	 "$9 million for trials.", "more than $1 billion",
	 "Companies announced more than $1 billion in investments. Partners "
	 "gave over $9 million for trials.", "more than $1 billion", 1, 0},
	{"Firms will leverage over $500 million for roads. Companies "
	 "highlighted more than $1 billion in investments. Partners gave over "
	 "$9 million for trials.", "over $9 million",
	 "Companies announced more than $1 billion in investments. Partners "
	 "gave over $9 million for trials.", "more than $1 billion", 0, 0},
};

static const struct fa_class money_class = PAIRS(money_pairs);

/* Vague quantities are intervals that can meet a number or not; a
 * synonym known with its modifier ("armed men") counts that thing. */
static const struct fa_pair vague_pairs[] = {
	{"An estimated 150 armed men attacked the base.", "An estimated 150",
	 "Several hundred gunmen stormed the base.", "Several hundred", 1, 1},
	{"Hundreds of drones were launched at Israel.", "Hundreds",
	 "Iran launched 300 drones at Israel.", "300", 1, 0},
	{"Dozens of people were killed in the raid.", "Dozens",
	 "At least 40 people were killed in the raid.", "At least 40", 1, 0},
	{"Thousands of people fled the town.", "Thousands",
	 "About 500 people fled the town.", "About 500", 1, 1},
};

static const struct fa_class vague_class = PAIRS(vague_pairs);

/* Synonyms and broader terms (data/figures.yaml): two things counted
 * as one ("drones and missiles") count the broader thing. */
static const struct fa_pair synonym_pairs[] = {
	{"Iran fired hundreds of drones and missiles at Israel.", "hundreds",
	 "Iran fired over 300 munitions at Israel.", "over 300", 1, 0},
	{"Iran fired 170 drones at Israel.", "170",
	 "Iran fired over 300 munitions at Israel.", "over 300", 0, 0},
	{"Gunmen killed two blue helmets.", "two",
	 "Two peacekeepers were killed.", "Two", 1, 0},
	{"Soldiers burned two fuel depots.", "two",
	 "Soldiers burned three fuel stores.", "three", 1, 1},
	{"The navy detained 11 fishermen.", "11",
	 "The navy detained its eleven crew members.", "eleven", 1, 0},
	/* a modifier after the thing; a count "of them" */
	{"About 450 American troops are deployed in the country.",
	 "About 450", "There are fewer than 500 personnel there.",
	 "fewer than 500", 1, 0},
	{"The strike killed three senior leaders.", "three",
	 "Up to 40 operatives were killed, two of them senior leaders.",
	 "two", 1, 1},
};

static const struct fa_class synonym_class = PAIRS(synonym_pairs);

/* Number words meet the same number in digits, and a number repeated in
 * brackets is one figure. */
static const struct fa_pair number_pairs[] = {
	{"The package holds four hundred forty-seven (447) missiles.",
	 "four hundred forty-seven",
	 "The package holds 447 missiles.", "447", 1, 0},
	{"One and a half million people need food aid.",
	 "One and a half million",
	 "1.5 million people need food aid.", "1.5 million", 1, 0},
	{"Two dozen people were wounded in the attack.", "Two dozen",
	 "Twenty-four people were wounded in the attack.", "Twenty-four", 1,
	 0},
	{"The navy detained its eleven (11) crew members.", "eleven",
	 "The navy detained 14 crew members.", "14", 1, 1},
};

static const struct fa_class number_class = PAIRS(number_pairs);

static const struct fa_class sense_class = PAIRS(sense_pairs);

/* One count of one thing that each report gives in a sense of its own
 * (the senses misread from a noun: "its reach", "their needs") is one
 * fact: the same value, or the only such counts of the thing on each
 * side when they meet.  Not when both senses are read for sure from
 * the verbs and differ, nor when a report tells of the other's sense. */
static const struct fa_pair leftover_pairs[] = {
	{"The alliance expanded its reach by adding eighteen new members.",
	 "eighteen", "The alliance welcomed 18 new members and mapped their "
	 "needs.", "18", 1, 0},
	{"The alliance expanded its reach by adding eighteen new members.",
	 "eighteen", "The alliance welcomed 17 new members and mapped their "
	 "needs.", "17", 0, 0},
	{"During the summit the group's nearly seventy members talked.",
	 "nearly seventy", "The 68 members of the group met in Rome.", "68", 1,
	 0},
	{"During the summit the group's nearly seventy members talked.",
	 "nearly seventy", "The 75 members of the group met in Rome.", "75", 0,
	 0},
	{"The curfew ended after 14 people were wounded.", "14",
	 "Officials said fourteen people were injured.", "fourteen", 1, 0},
	{"Five soldiers were killed.", "Five", "Five soldiers were wounded.",
	 "Five", 0, 0},
	{"Two guards were killed and 24 people were wounded in the raid.",
	 "24", "The raid killed 24 people.", "24", 0, 0},
	{"The convoy reached the port with 40 trucks.", "40",
	 "Guards searched 40 lorries before their departure.", "40", 1, 0},
};

static const struct fa_class leftover_class = PAIRS(leftover_pairs);

/* "pounds" in words is a weight before "of", or in a report that gives
 * its sums in another currency; launch units are launchers, not the
 * missiles they fire. */
static const struct fa_pair mass_pairs[] = {
	{"The stock grew to about 970 pounds, the agency said. Repairs cost "
	 "$12 million.", "about 970", "The stock stood at 440.9 kg.", "440.9",
	 1, 0},
	{"The stock grew to about 970 pounds, the agency said. Repairs cost "
	 "$12 million.", "about 970", "The stock stood at 600 kg.", "600", 1,
	 1},
	{"The fine was 970 pounds, the court said.", "970",
	 "The stock stood at 440.9 kg.", "440.9", 0, 0},
	{"The sale includes forty (40) Javelin Lightweight Command Launch "
	 "Units.", "forty", "The sale covers 40 launchers.", "40", 1, 0},
	{"The sale covers twelve (12) missiles.", "twelve",
	 "The sale covers 40 launchers.", "40", 0, 0},
};

static const struct fa_class mass_class = PAIRS(mass_pairs);

/* Units the reader did not know, so that a figure was read without its
 * unit: feet beside a hyphenated metre, a fraction of a mile beside
 * metres, half an hour beside minutes; a sum in pesos written with its
 * sign of letters ("P1 million") beside dollars. */
static const struct fa_pair foot_pairs[] = {
	{"The boat was roughly 40 feet long.", "roughly 40",
	 "Sailors boarded the 12-metre boat.", "12-metre", 1, 0},
	{"The boat was roughly 40 feet long.", "roughly 40",
	 "Sailors boarded the 30-metre boat.", "30-metre", 1, 1},
	{"The market is about 500 metres from city hall.", "about 500",
	 "The market is about a third of a mile from city hall.",
	 "about a third", 1, 0},
	{"The market is about 900 metres from city hall.", "about 900",
	 "The market is about a third of a mile from city hall.",
	 "about a third", 1, 1},
	{"The warheads landed after about 25 minutes.", "about 25",
	 "The warheads landed in under half an hour.", "under half", 1, 0},
	{"A reward of P1 million is offered for the bombers.", "P1 million",
	 "A reward of about $17,000 is offered for the bombers.",
	 "about $17,000", 1, 0},
	{"A reward of P1 million is offered for the bombers.", "P1 million",
	 "A reward of about $170,000 is offered for the bombers.",
	 "about $170,000", 1, 1},
	/* a distance travelled before something happened is how far, not
	 * where */
	{"The missile travelled more than 6,000 kilometres before it struck "
	 "the sea.", "more than 6,000",
	 "The missile flew roughly 3,100 miles before it came down.",
	 "roughly 3,100", 1, 1},
	{"The missile travelled more than 6,000 kilometres before it struck "
	 "the sea.", "more than 6,000",
	 "The missile flew roughly 3,900 miles before it came down.",
	 "roughly 3,900", 1, 0},
	/* two sums that differ in two currencies are two sums */
	{"The government sanctioned Rs 1,800 crore for a launch complex.",
	 "Rs 1,800 crore", "The defence budget is about $78 billion.",
	 "about $78 billion", 0, 0},
	{"The board approved an extra $12 million for the agency's work.",
	 "$12 million", "The allies will give EUR 25 million to the agency's "
	 "fund.", "EUR 25 million", 0, 0},
};

static const struct fa_class foot_class = PAIRS(foot_pairs);

/* A share whose counted thing each report reads from other words ("of
 * the city's produce", "of its food") is one share when it is the only
 * one of each report whose values meet and one of them is given loosely;
 * two shares of one report that meet the other's are left apart, and so
 * are two exact shares.  Families are households, passengers
 * travellers. */
static const struct fa_pair share_word_pairs[] = {
	{"The market supplies two-fifths of the city's produce.",
	 "two-fifths", "About 40 percent of the town's food comes from the "
	 "market.", "About 40", 1, 0},
	{"Over 75 percent of the missile's components are made at home.",
	 "Over 75", "About three-quarters of its parts are local.",
	 "About three-quarters", 1, 0},
	{"The operator shut down one in five turbines.", "one in five",
	 "Some 20 percent of the wind farm stopped.", "Some 20", 1, 0},
	{"The operator shut down one in five turbines.", "one in five",
	 "Some 60 percent of the wind farm stopped.", "Some 60", 0, 0},
	{"The operator shut down one in five turbines. A fifth of the "
	 "staff went home.", "one in five",
	 "Some 20 percent of the wind farm stopped.", "Some 20", 0, 0},
	{"The operator shut down one in five turbines.", "one in five",
	 "A fifth of the staff went home.", "A fifth", 0, 0},
	{"Some 1,600 families were displaced.", "Some 1,600",
	 "About 1,600 households were displaced.", "About 1,600", 1, 0},
	{"The closure stranded some 4,500 passengers.", "some 4,500",
	 "About 4,500 travellers were stranded.", "About 4,500", 1, 0},
};

static const struct fa_class share_word_class = PAIRS(share_word_pairs);

/* A class's test under its own name. */
#define CLASS_TEST(name, cls) \
	{#name, test_class, NULL, NULL, (void *)&(cls)}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_heads),
		cmocka_unit_test(test_units_intervals),
		cmocka_unit_test(test_unit_classes),
		cmocka_unit_test(test_one_to_one),
		cmocka_unit_test(test_point_in_time),
		cmocka_unit_test(test_actors_pair),
		cmocka_unit_test(test_alignment),
		cmocka_unit_test(test_agree),
		cmocka_unit_test(test_pairs),
		CLASS_TEST(test_event_sense, sense_class),
		CLASS_TEST(test_shares, share_class),
		CLASS_TEST(test_number_words, number_class),
		CLASS_TEST(test_synonyms, synonym_class),
		CLASS_TEST(test_vague, vague_class),
		CLASS_TEST(test_money_purpose, money_class),
		CLASS_TEST(test_units_systems, unit_class),
		CLASS_TEST(test_measures_in_words, measure_class),
		CLASS_TEST(test_people_by_plight, plight_class),
		CLASS_TEST(test_same_count_other_sense, leftover_class),
		CLASS_TEST(test_pounds_launchers, mass_class),
		CLASS_TEST(test_feet_fractions_pesos, foot_class),
		CLASS_TEST(test_shares_by_value, share_word_class),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, fa_setup, fa_teardown);
}
