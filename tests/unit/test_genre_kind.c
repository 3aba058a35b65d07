/* The genre of a report read from its shape (data/article.yaml genres)
 * and the highlighter's switches that follow it (data/highlight.yaml
 * genres): a day of the week alone is a figure in a transcript, not in
 * wire copy; a generic noun of weapons is a weapon in a transcript and a
 * fact sheet, not in wire copy nor in an order.  Every text is written
 * for the test. */
#include "marklib.h"

struct genre_case {
	const char *text;
	const char *genre;
};

static const struct genre_case genres[] = {
	{"FACT SHEET: Ruritania and Norland Deepen Their Partnership\n\n"
	 "Today the two governments announce new steps.\n",
	 "factsheet"},
	{"Fact Sheet: The President Acts on Border Security\n\n"
	 "The order directs the agencies to act.\n",
	 "factsheet"},
	{"Readout of the President's Call with the Prime Minister of "
	 "Norland\n\nThe leaders spoke on the telephone today.\n",
	 "readout"},
	{"Statement from the President on the Flooding in Ruritania\n\n"
	 "Our thoughts are with the families.\n",
	 "statement"},
	{"Letter to the Speaker of the House on the Deployment\n\n"
	 "Dear Mr. Speaker:  Dear Madam President:\n\n"
	 "I am providing this report as part of my efforts.\n\n"
	 "Sincerely,\n\nJANE DOE\n",
	 "letter"},
	{"Continuing the Emergency in Norland\n\n"
	 "By the authority vested in me as President, I hereby order:\n\n"
	 "Sec. 1.  Policy.  The Secretary shall act.\n",
	 "order"},
	{"Remarks on the Situation in Norland\n\nJanuary 5, 2024\n\n"
	 "MR. VANCE:  Thanks, everybody.  Let me start.\n\n"
	 "Q    Thank you.  A question on the talks.\n",
	 "transcript"},
	{"Press Gaggle by the Spokesperson\n\nMODERATOR:  Go ahead.\n",
	 "transcript"},
	/* wire copy: a dateline and a story; a statement quoted inside
	 * it and a "fact sheet" in lower case are no genre of their own */
	{"Ruritania expands drills near the border\n\n"
	 "KARVO, Ruritania (AP) — Ruritania expanded its drills on "
	 "Friday, the ministry said in a statement from the capital.\n\n"
	 "A fact sheet: the drills run for a week.\n",
	 "wire"},
};

static void test_genre_read(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof genres / sizeof *genres; i++) {
		struct article *a = text_article(rules, "genre", genres[i].text);

		if (strcmp(article_genre(a), genres[i].genre) != 0)
			fail_msg("case %zu: genre %s, not %s", i,
				 article_genre(a), genres[i].genre);
		article_free(a);
	}
}

/* The same sentence in a transcript and in wire copy. */
static const char transcript_head[] =
	"Press Briefing by the Spokesperson\n\n"
	"MR. VANCE:  Thanks, everybody.\n\n";
static const char sentence[] =
	"On Friday, we will provide certain categories of weapons and "
	"military articles to Norland, but arms control talks go on and "
	"the weapons question stays open.\n";

static void marks_in(const char *head, const struct mark *want, size_t n)
{
	char text[512];

	snprintf(text, sizeof text, "%s%s", head, sentence);
	expect_marks(text, want, n);
}

static void test_transcript_switches(void **state)
{
	static const struct mark want[] = {
		{"Friday", CAT_FIGURE, NULL, 0},
		{"weapons", CAT_WEAPON, NULL, 0},
		{"military articles", CAT_WEAPON, NULL, 0},
		/* a modifier of no weapon */
		{"arms", CAT_WEAPON, NULL, 1},
	};

	(void)state;
	marks_in(transcript_head, want, sizeof want / sizeof *want);
}

static void test_wire_switches_off(void **state)
{
	static const struct mark want[] = {
		{"Friday", CAT_FIGURE, NULL, 1},
		{"weapons", CAT_WEAPON, NULL, 1},
		{"military articles", CAT_WEAPON, NULL, 1},
	};

	(void)state;
	marks_in("Norland gets aid\n\n", want, sizeof want / sizeof *want);
}

/* A fact sheet marks the generic nouns, not the days; an order
 * neither. */
static void test_factsheet_and_order(void **state)
{
	static const struct mark factsheet[] = {
		{"Friday", CAT_FIGURE, NULL, 1},
		{"weapons", CAT_WEAPON, NULL, 0},
		{"military articles", CAT_WEAPON, NULL, 0},
	};
	static const struct mark order[] = {
		{"Friday", CAT_FIGURE, NULL, 1},
		{"weapons", CAT_WEAPON, NULL, 1},
	};

	(void)state;
	marks_in("FACT SHEET: Aid to Norland\n\n", factsheet,
		 sizeof factsheet / sizeof *factsheet);
	marks_in("Aid to Norland\n\nBy the authority vested in me, I "
		 "order:\n\n",
		 order, sizeof order / sizeof *order);
}

/* A weekday figure's value is its day; a day before a date is the
 * date's, no figure of its own. */
static void test_weekday_value(void **state)
{
	const char *text = "Press Gaggle by the Spokesperson\n\n"
			   "MR. VANCE:  We met on Saturday and again on "
			   "Friday, May 10, 2024, with 40 officials.  Then "
			   "we left.\n\nMR. VANCE:  Next question.\n";
	struct mentions m = {0};
	struct article *a = text_article(rules, "weekday", text);
	size_t i;
	int sat = 0, date = 0, fri = 0;

	(void)state;
	assert_string_equal(article_genre(a), "transcript");
	highlight_article(en.hl, a, &m);
	for (i = 0; i < m.n; i++) {
		const struct figure *f = mention_figure(&m, &m.v[i]);
		char v[64];

		if (f == NULL)
			continue;
		figure_format(f, v, sizeof v);
		sat += strcmp(v, "weekday 6") == 0 &&
		       m.v[i].end - m.v[i].start == 8;
		date += strcmp(v, "2024-05-10") == 0;
		fri += strcmp(v, "weekday 5") == 0;
	}
	assert_int_equal(sat, 1);
	assert_int_equal(date, 1);
	assert_int_equal(fri, 0);
	mentions_free(&m);
	article_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_genre_read),
		cmocka_unit_test(test_transcript_switches),
		cmocka_unit_test(test_wire_switches_off),
		cmocka_unit_test(test_factsheet_and_order),
		cmocka_unit_test(test_weekday_value),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, engine_setup, engine_teardown);
}
