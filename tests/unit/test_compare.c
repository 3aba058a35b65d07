/* compare: the comparison of reports, through its entry point: quotes
 * and speakers, figures compared as numbers, discrepancies, relative
 * dates, the timeline, topics, shared entities. */
#include "comparelib.h"

static void seeds(struct pair *p)
{
	struct err e = {{0}};

	memset(p, 0, sizeof *p);
	p->a = article_load(SEED_A, rules, &e);
	p->b = article_load(SEED_B, rules, &e);
	pair_compare(p);
}

/* The speaker of the quote that starts with `text` in side s. */
static const char *speaker(const struct pair *p, int s, const char *text)
{
	const struct cmp_side *sd = &p->c->side[s];
	size_t i;

	for (i = 0; i < sd->nq; i++)
		if (strncmp(sd->a->text + sd->q[i].start, text, strlen(text)) == 0)
			return sd->q[i].speaker_text;
	return "(no such quote)";
}

static void test_quotes(void **state)
{
	struct pair p;

	(void)state;
	seeds(&p);
	assert_string_equal(speaker(&p, 0, "thoroughly annihilate"),
			    "Kim Jong Un");
	assert_string_equal(speaker(&p, 0, "a hemiplegic malformation and "
				    "colonial subordinate state"),
			    "Kim Jong Un");
	assert_string_equal(speaker(&p, 1, "fell in love."), "Donald Trump");
	assert_string_equal(speaker(&p, 1, "This reality clearly shows"),
			    "Kim Jong Un");
	assert_string_equal(speaker(&p, 1, "harshest"), "Kim Jong Un");
	/* the stray mark in the second seed is not a quote */
	{
		size_t i;

		for (i = 0; i < p.c->side[1].nq; i++)
			assert_true(p.c->side[1].q[i].end >
				    p.c->side[1].q[i].start + 1);
	}
	pair_free(&p);
}

static void test_quotes_forms(void **state)
{
	struct article *a = text_article(
		rules, "q",
		"“We will respond,” said President Emil Varga. He added that "
		"“nothing is ruled out.” A spokesman called it “a provocation,” "
		"according to state media. “Unclear,” one source offered.\n");
	struct mentions m = {0};
	struct quote *q;
	size_t n;

	(void)state;
	highlight_article(en.hl, a, &m);
	quotes_find(cr->q, a, &m, en.reg, &q, &n);
	assert_int_equal(n, 4);
	assert_string_equal(q[0].speaker_text, "Emil Varga");
	assert_string_equal(q[1].speaker_text, "Emil Varga");
	assert_string_equal(q[2].speaker_text, "state media");
	assert_string_equal(q[3].speaker_text, "unattributed");
	quotes_free(q, n);
	mentions_free(&m);
	article_free(a);
}

static void test_figures_compared(void **state)
{
	struct pair p;
	size_t i;
	int troops = 0, bombs = 0;

	(void)state;
	seeds(&p);
	for (i = 0; i < p.c->nfigs; i++) {
		const char *what = entities_get(en.reg, p.c->figs[i].counts)->name;

		if (strcmp(what, "troops") == 0 && p.c->figs[i].side == 1)
			troops++;
		if (strcmp(what, "nuclear bombs") == 0 && p.c->figs[i].side == 0)
			bombs++;
	}
	assert_int_equal(troops, 2);
	assert_int_equal(bombs, 1);
	pair_free(&p);
}

/* Two one-paragraph reports with a figure each: do they disagree? */
static int disagree(const char *x, const char *y)
{
	struct article *a = text_article(rules, "x", x);
	struct article *b = text_article(rules, "y", y);
	struct mentions ma = {0}, mb = {0};
	struct comparison *c;
	size_t i;
	int flag = -1;

	highlight_article(en.hl, a, &ma);
	highlight_article(en.hl, b, &mb);
	c = compare_run(cr, en.reg, a, &ma, b, &mb);
	for (i = 0; i < c->nfigs; i++)
		if (flag < 0 || c->figs[i].discrepancy)
			flag = c->figs[i].discrepancy;
	compare_free(c);
	mentions_free(&ma);
	mentions_free(&mb);
	article_free(a);
	article_free(b);
	return flag;
}

static void test_discrepancies(void **state)
{
	(void)state;
	assert_int_equal(disagree("They sent three missiles.\n",
				  "They sent 3 missiles.\n"), 0);
	assert_int_equal(disagree("They sent 10,000 troops.\n",
				  "They sent ten thousand troops.\n"), 0);
	assert_int_equal(disagree("They sent 3,000 troops.\n",
				  "They sent 10,000 troops.\n"), 1);
	assert_int_equal(disagree("It has 20 to 30 nuclear bombs.\n",
				  "It has 25 nuclear bombs.\n"), 0);
	assert_int_equal(disagree("It has 20 to 30 nuclear bombs.\n",
				  "It has 50 nuclear bombs.\n"), 1);
	assert_int_equal(disagree("They sent more than 10,000 troops.\n",
				  "They sent 12,000 troops.\n"), 0);
	assert_int_equal(disagree("They sent more than 10,000 troops.\n",
				  "They sent 8,000 troops.\n"), 1);
	/* a tally is one figure, and agrees only with the same tally */
	assert_int_equal(disagree("It passed by a vote of 79 to 18.\n",
				  "It passed by a vote of 79 to 18.\n"), 0);
	assert_int_equal(disagree("It passed by a vote of 79 to 18.\n",
				  "It passed by a vote of 80 to 17.\n"), 1);
}

static void test_relative_dates(void **state)
{
	int y, m, d;

	(void)state;
	/* 2024-01-01 was a Monday */
	assert_int_equal(tl_resolve("weekday", 0, 6, "2024-01-01", &y, &m, &d),
			 TL_DAY);
	assert_int_equal(y * 10000 + m * 100 + d, 20231231);
	assert_int_equal(tl_resolve("weekday", 0, 0, "2024-01-01", &y, &m, &d),
			 TL_DAY);
	assert_int_equal(d, 1);
	assert_int_equal(tl_resolve("months", -1, 0, "2024-01-15", &y, &m, &d),
			 TL_MONTH);
	assert_int_equal(y * 100 + m, 202312);
	assert_int_equal(tl_resolve("weeks", -1, 0, "2024-03-10", &y, &m, &d),
			 TL_DAY);
	assert_int_equal(m * 100 + d, 303);
	assert_int_equal(tl_resolve("month", 0, 10, "2024-01-05", &y, &m, &d),
			 TL_MONTH);
	assert_int_equal(y * 100 + m, 202310);
	assert_int_equal(tl_resolve("month", 0, 10, "2024-12-05", &y, &m, &d),
			 TL_MONTH);
	assert_int_equal(y * 100 + m, 202410);
	assert_int_equal(tl_resolve("days", -1, 0, NULL, &y, &m, &d), TL_NONE);
}

static void test_timeline(void **state)
{
	struct article *a = text_article(
		rules, "t",
		"---\ndate: 2024-01-05\n---\nOfficials met on Sunday and last "
		"month agreed to talks set for March 3, 2024.\n");
	struct mentions m = {0};
	struct tl_event *ev;
	size_t n, i;
	char when[32];
	int sunday = 0, last = 0, march = 0;

	(void)state;
	highlight_article(en.hl, a, &m);
	timeline_find(cr->tl, a, &m, &ev, &n);
	for (i = 0; i < n; i++) {
		tl_format(&ev[i], when, sizeof when);
		sunday |= strcmp(when, "2023-12-31") == 0;
		last |= strcmp(when, "2023-12") == 0;
		march |= strcmp(when, "2024-03-03") == 0;
	}
	assert_true(sunday);
	assert_true(last);
	assert_true(march);
	free(ev);
	mentions_free(&m);
	article_free(a);
}

static int topic_index(const char *name)
{
	size_t i;

	for (i = 0; i < topics_count(cr->topics); i++)
		if (strcmp(topics_id(cr->topics, i), name) == 0)
			return (int)i;
	return -1;
}

static int covers(const struct cmp_side *s, int t)
{
	size_t i;

	for (i = 0; i < s->a->nsections; i++)
		if ((s->topics[i] >> t) & 1)
			return 1;
	return 0;
}

static void test_topics(void **state)
{
	struct pair p;
	int dip = topic_index("diplomacy"), arm = topic_index("arms"),
	    nuc = topic_index("nuclear"), mis = topic_index("missiles");

	(void)state;
	assert_true(dip >= 0 && arm >= 0 && nuc >= 0 && mis >= 0);
	seeds(&p);
	assert_true(covers(&p.c->side[0], dip) && covers(&p.c->side[1], dip));
	assert_true(covers(&p.c->side[0], arm) && covers(&p.c->side[1], arm));
	assert_true(covers(&p.c->side[0], nuc) && covers(&p.c->side[1], nuc));
	assert_true(covers(&p.c->side[0], mis) && covers(&p.c->side[1], mis));
	pair_free(&p);
}

static void test_entities(void **state)
{
	struct pair p;
	size_t i;
	int yoon = 0, zel = 0, kcna = 0, kim = 0;

	(void)state;
	seeds(&p);
	for (i = 0; i < p.c->nents; i++) {
		const char *n = entities_get(en.reg, p.c->ents[i].entity)->name;
		size_t a = p.c->ents[i].count[0], b = p.c->ents[i].count[1];

		if (strcmp(n, "Yoon Suk Yeol") == 0)
			yoon = a > 0 && b == 0;
		if (strcmp(n, "Volodymyr Zelensky") == 0)
			zel = a == 0 && b > 0;
		if (strcmp(n, "KCNA") == 0)
			kcna = a == 0 && b > 0;
		if (strcmp(n, "Kim Jong Un") == 0)
			kim = a > 0 && b > 0;
	}
	assert_true(yoon && zel && kcna && kim);
	pair_free(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quotes),
		cmocka_unit_test(test_quotes_forms),
		cmocka_unit_test(test_figures_compared),
		cmocka_unit_test(test_discrepancies),
		cmocka_unit_test(test_relative_dates),
		cmocka_unit_test(test_timeline),
		cmocka_unit_test(test_topics),
		cmocka_unit_test(test_entities),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, setup, teardown);
}
