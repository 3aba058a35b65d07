/* topics: the shipped taxonomy decided per sentence -- each topic on a
 * sentence that is on it and one that only looks so; the sentence that
 * matched (not its paragraph's first) kept and shown; weak patterns
 * that need an entity kind; a topics file with a mistake refused. */
#include "comparelib.h"

#include "brief/report/compare_md.h"

/* One article from s, its mentions and its topic hits. */
struct tdoc {
	struct article *a;
	struct mentions m;
	struct topic_hit *h;
	size_t n;
};

static void tdoc_open(struct tdoc *d, const char *s)
{
	memset(d, 0, sizeof *d);
	d->a = text_article(rules, "t", s);
	assert_non_null(d->a);
	highlight_article(en.hl, d->a, &d->m);
	d->n = topics_find(cr->topics, d->a, d->m.v, d->m.n, en.reg, &d->h);
}

static void tdoc_close(struct tdoc *d)
{
	free(d->h);
	mentions_free(&d->m);
	article_free(d->a);
}

static size_t topic_by_id(const char *id)
{
	size_t i;

	for (i = 0; i < topics_count(cr->topics); i++)
		if (strcmp(topics_id(cr->topics, i), id) == 0)
			return i;
	fail_msg("no topic '%s' in data/topics.yaml", id);
	return 0;
}

/* The hit of topic id in d, or NULL. */
static const struct topic_hit *hit_of(const struct tdoc *d, const char *id)
{
	size_t t = topic_by_id(id), i;

	for (i = 0; i < d->n; i++)
		if (d->h[i].topic == t)
			return &d->h[i];
	return NULL;
}

/* Is the one-paragraph text s on topic id? */
static int on(const char *id, const char *s)
{
	struct tdoc d;
	int r;

	tdoc_open(&d, s);
	r = hit_of(&d, id) != NULL;
	tdoc_close(&d);
	return r;
}

static const struct {
	const char *id, *yes, *no;
} cases[] = {
	{"strikes", "Jets struck radar sites near the port overnight.",
	 "The minister said he suffered a heart attack last year."},
	{"casualties", "Twelve soldiers were killed and 30 wounded.",
	 "The deadline for the talks passed on Friday."},
	{"arms", "Washington approved the sale of 40 howitzers to Warsaw.",
	 "The firm sold its stake in a software company."},
	{"sanctions", "The Treasury imposed new sanctions on the shipping firm.",
	 "The committee approved the budget on Monday."},
	{"diplomacy", "The foreign ministers held talks in Geneva.",
	 "The factory doubled its output of shells."},
	{"nuclear", "The reactor began enriching uranium to 60 percent.",
	 "The navy will buy nuclear-powered submarines."},
	{"missiles", "The North test-fired a ballistic missile on Sunday.",
	 "The company launched a new phone on Sunday."},
	{"maritime", "Coast guard vessels blocked the supply mission.",
	 "The partnership between the two firms grew."},
	{"cyber", "Hackers stole data from the ministry's network.",
	 "Iran has breached the uranium limit set by the deal."},
	{"terrorism", "The State Department designated the group a Foreign "
		      "Terrorist Organization.",
	 "The group met at the hotel on Friday."},
	{"humanitarian", "Aid trucks reached the displaced families in the north.",
	 "Congress approved more military aid for Kyiv."},
	{"deployments", "The allies began joint military drills on Monday.",
	 "Beijing urged both sides to exercise restraint after this military "
	 "action."},
	{"politics", "Voters go to the polls in the parliamentary elections.",
	 "The weather was mild in the capital."},
	{"air-defence", "Patriot batteries intercepted two cruise missiles.",
	 "The data came from a lawful intercept request."},
	{"space", "The country put a reconnaissance satellite into orbit.",
	 "Satellite imagery showed trucks at the depot."},
	{"borders", "Troops crossed the border near the disputed town.",
	 "The company reported higher profits."},
	{"ceasefire", "The two sides agreed to a ceasefire on Sunday.",
	 "The two sides traded goods on Sunday."},
	{"intelligence", "Intelligence officials said the convoy was tracked.",
	 "Researchers praised artificial intelligence."},
	{"human-rights", "Rights groups documented torture in the prisons.",
	 "The prison was built in 1920."},
	{"alliances", "The alliance pledged to defend its members.",
	 "The two companies merged last year."},
	{"threats", "Pyongyang warned of retaliation for the exercises.",
	 "Officials agreed to de-escalate tensions."},
	{"fighting", "Heavy fighting continued along the front line.",
	 "The campaign is fighting corruption in the ministries."},
};

/* Each shipped topic on a sentence on it and not on one that only looks
 * so; every shipped topic has its case here. */
static void test_each_topic(void **state)
{
	size_t i, k;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		if (!on(cases[i].id, cases[i].yes))
			fail_msg("%s: not found in \"%s\"", cases[i].id,
				 cases[i].yes);
		if (on(cases[i].id, cases[i].no))
			fail_msg("%s: found in \"%s\"", cases[i].id,
				 cases[i].no);
	}
	for (k = 0; k < topics_count(cr->topics); k++) {
		for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
			if (strcmp(cases[i].id, topics_id(cr->topics, k)) == 0)
				break;
		if (i == sizeof cases / sizeof cases[0])
			fail_msg("topic '%s' has no test case",
				 topics_id(cr->topics, k));
	}
}

/* "exercise restraint" cancels only the words it covers: real exercises
 * in the same sentence still count. */
static void test_not_cancels_its_words(void **state)
{
	(void)state;
	assert_false(on("deployments", "They must exercise restraint."));
	assert_true(on("deployments", "The exercises went ahead while Beijing "
				      "urged Seoul to exercise restraint."));
}

/* A weak pattern counts only with an entity of its kinds in the
 * sentence. */
static void test_weak_needs_kind(void **state)
{
	(void)state;
	assert_true(on("missiles", "Pyongyang launched a Hwasong-18 on Monday."));
	assert_false(on("missiles", "Pyongyang launched a campaign on Monday."));
}

/* The hit is the sentence that matched, with the words that matched. */
static void test_sentence_kept(void **state)
{
	struct tdoc d;
	const struct topic_hit *h;
	const struct section *s;
	char *text;

	(void)state;
	tdoc_open(&d, "Report\n\nThe ministers met in the morning. The "
		      "Treasury then announced sanctions on three banks. "
		      "Lunch followed.\n");
	h = hit_of(&d, "sanctions");
	assert_non_null(h);
	s = &d.a->sections[h->section];
	assert_int_equal(h->sentence, s->first_sentence + 1);
	text = sentence_text(d.a, h->sentence);
	assert_string_equal(text, "The Treasury then announced sanctions on "
				  "three banks.");
	free(text);
	assert_int_equal(h->end - h->start, strlen("sanctions"));
	assert_memory_equal(d.a->text + h->start, "sanctions", 9);
	/* one hit per sentence and topic, none for the other sentences */
	{
		size_t i, n = 0;

		for (i = 0; i < d.n; i++)
			n += d.h[i].topic == topic_by_id("sanctions");
		assert_int_equal(n, 1);
	}
	assert_int_equal(topics_of(cr->topics, d.a, h->section, d.m.v, d.m.n,
				   en.reg) >>
				 topic_by_id("sanctions") &
			 1,
		 1);
	tdoc_close(&d);
}

/* --compare's Markdown shows each report's matching sentence, the words
 * in bold, and "not covered" for a report off the topic. */
static void test_markdown_shows_sentence(void **state)
{
	struct tdoc a, b;
	struct comparison *c;
	char *out = NULL;
	size_t len = 0;
	FILE *f;

	(void)state;
	tdoc_open(&a, "Report A\n\nThe weather was mild. Both navies began "
		      "joint drills off the coast.\n");
	tdoc_open(&b, "Report B\n\nThe minister spoke on Monday. She said "
		      "nothing of this military action.\n");
	c = compare_run(cr, en.reg, a.a, &a.m, b.a, &b.m);
	f = open_memstream(&out, &len);
	assert_non_null(f);
	assert_int_equal(compare_md_write(f, c, cr, en.reg), 0);
	fclose(f);
	assert_non_null(strstr(out, "### deployments and exercises\n\n- A §2: "
				    "Both navies began joint **drills** off "
				    "the coast.\n- B: not covered\n"));
	assert_null(strstr(out, "- A §2: The weather was mild."));
	free(out);
	compare_free(c);
	tdoc_close(&a);
	tdoc_close(&b);
}

/* A topics file with weak patterns and no kinds, or a bad pattern, is
 * refused with its place. */
static void test_bad_file(void **state)
{
	char *dir = temp_dir_new("topics");
	char path[4096];
	struct err e = {{0}};
	FILE *f;

	(void)state;
	snprintf(path, sizeof path, "%s/topics.yaml", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("topics:\n  - id: x\n    weak: ['\\bfoo\\b']\n", f);
	fclose(f);
	assert_null(topics_load(path, &e));
	assert_non_null(strstr(e.text, ":3:11: topic 'x' has 'weak' patterns "
				       "but no 'kinds'"));
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("topics:\n  - id: x\n    patterns: ['(unclosed']\n", f);
	fclose(f);
	assert_null(topics_load(path, &e));
	assert_non_null(strstr(e.text, ":3:16: bad pattern"));
	temp_dir_remove(dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_each_topic),
		cmocka_unit_test(test_not_cancels_its_words),
		cmocka_unit_test(test_weak_needs_kind),
		cmocka_unit_test(test_sentence_kept),
		cmocka_unit_test(test_markdown_shows_sentence),
		cmocka_unit_test(test_bad_file),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
