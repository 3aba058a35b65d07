/* topics: the shipped taxonomy decided per sentence -- each topic on a
 * sentence that is on it and one that only looks so; the sentence that
 * matched (not its paragraph's first) kept and shown; weak patterns
 * that need an entity kind; a topics file with a mistake refused; the
 * stems that choose where a pattern is tried never miss a match. */
#include "comparelib.h"

#include <glob.h>

#include "brief/base/fileread.h"
#include "brief/base/rx.h"
#include "brief/base/rxstems.h"
#include "brief/report/compare_md.h"
#include "brief/yaml/rx_node.h"
#include "brief/yaml/yamlio.h"

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

/* Texts where the shipped patterns that the shipped articles and
 * reports do not match do match. */
static const char *const samples[] = {
	"The navy reported a cyber-attack and a heart attack; the attack "
	"drones hit; they strike a balance; a labour strike; attacks on "
	"the press.",
	"Officials said the deadlock held, killing time.",
	"Foreign Military Sales, Presidential Drawdown, Transmittal No 24-1, "
	"FMS cases; the nuclear weapons programme.",
	"The Entity List and the SDN list; the Office of Foreign Assets "
	"Control announced a designation.",
	"He met with Lavrov; talks about war; the IAEA, the NPT and the "
	"JCPOA; a plutonium reactor.",
	"An ICBM and SLBMs; a test-launch; weapons testing; missile "
	"defence.",
	"The Red Sea, the Gulf of Aden, Bab el-Mandeb, the Baltic Sea, the "
	"EEZ; their relationships.",
	"Salt Typhoon and Volt Typhoon hacked networks: a data breach, "
	"ransomware, a zero-day; it exploited a vulnerability.",
	"It designated the group as a terrorist organisation; FTO and "
	"SDGT; maritime militia.",
	"UNHCR, UNRWA, OCHA, WFP and the World Food Programme; military "
	"aid and security assistance.",
	"They exercise restraint; the exercise of power; drill down into "
	"it; deploy diplomacy.",
	"The UN Security Council vote; the Knesset and the Duma.",
	"THAAD, Iron Dome, NASAMS, IRIS-T, S-300, S-400, SAMP/T, Aegis; a "
	"lawful intercept.",
	"An ASAT test; satellite imagery.",
	"The DMZ and the Line of Actual Control; bordering on madness.",
	"A prisoner swap and a halt to the fighting.",
	"The NIS, CIA, GRU, FSB, Mossad, NSA and DIA; artificial "
	"intelligence.",
	"The ICC and the International Criminal Court; substance abuse.",
	"Article 5; the Defense Security Cooperation Agency.",
	"A threat assessment and weather warnings; de-escalation.",
	"They seized power; fighting corruption; a climate battle; they "
	"withdrew their troops.",
	"An arms embargo, an asset freeze and a blacklisted bank.",
	"The attac\xe2\x84\xaa began.",
};

/* Every match of re in text as the subject starts where a word begins
 * with one of its stems (or the text defeats the stems); the number of
 * matches into *count. */
static void check_matches(const struct rxstems *st, pcre2_code *re,
			  pcre2_match_data *md, const char *text, size_t len,
			  const char *pattern, size_t *count)
{
	struct rxstems_hit *h = NULL;
	size_t cap = 0, nh = rxstems_find(st, text, len, &h, &cap), pos,
	       ms, me, k;

	for (pos = 0; pos <= len && rx_find(re, md, text, len, pos, 0, &ms,
					    &me);
	     pos = me > ms ? me : ms + 1) {
		(*count)++;
		if (nh == SIZE_MAX || !rxstems_has(st, 0))
			continue;
		for (k = 0; k < nh && h[k].pos != ms; k++)
			;
		if (k == nh)
			fail_msg("'%s' matches '%.*s' where no stem begins",
				 pattern, (int)(me - ms), text + ms);
	}
	free(h);
}

/* Check every paragraph (line) of file path. */
static void check_file(const struct rxstems *st, pcre2_code *re,
		       pcre2_match_data *md, const char *path,
		       const char *pattern, size_t *count)
{
	struct err e = {{0}};
	size_t len, at = 0;
	char *text = file_read(path, &len, &e);

	assert_non_null(text);
	while (at < len) {
		const char *nl = memchr(text + at, '\n', len - at);
		size_t end = nl ? (size_t)(nl - text) : len;

		check_matches(st, re, md, text + at, end - at, pattern, count);
		at = end + 1;
	}
	free(text);
}

/* For every shipped pattern (patterns, weak, not), compiled as topics.c
 * compiles it: each of its matches in the shipped articles, the
 * evaluation reports and the samples above begins where the stems say
 * it may, and it matches somewhere there. */
static void test_stems_keep_every_match(void **state)
{
	static const char *const lists[] = {"patterns", "weak", "not"};
	static const char *const globs[] = {
		"articles/*.txt", "tests/eval/*.txt", "tests/eval/compare/*/*.txt"};
	struct err e = {{0}};
	int ok;
	struct ynode *root = yamlio_parse_file("data/topics.yaml", &ok, &e);
	const struct ynode *tl = ynode_get(root, "topics");
	pcre2_match_data *md = pcre2_match_data_create(4, NULL);
	glob_t g;
	size_t i, l, k, f, j, npat = 0, nstems = 0, missing = 0;

	(void)state;
	assert_true(ok);
	assert_non_null(tl);
	memset(&g, 0, sizeof g);
	for (j = 0; j < 3; j++)
		assert_int_equal(glob(globs[j], j ? GLOB_APPEND : 0, NULL, &g),
				 0);
	assert_true(g.gl_pathc > 50);
	for (i = 0; i < tl->nkids; i++)
		for (l = 0; l < 3; l++) {
			const struct ynode *pl = ynode_get(tl->kids[i], lists[l]);

			for (k = 0; pl && k < pl->nkids; k++) {
				const char *p = pl->kids[k]->str, *c;
				uint32_t opt = RX_ASCII_WORDS | PCRE2_CASELESS;
				struct rxstems *st = rxstems_new();
				pcre2_code *re;
				size_t count = 0;

				for (c = p; *c; c++)
					if (*c == '\\' && c[1])
						c++;
					else if (*c >= 'A' && *c <= 'Z')
						opt &= ~(uint32_t)PCRE2_CASELESS;
				re = rx_compile_node("topics.yaml", pl->kids[k],
						     opt, &e);
				assert_non_null(re);
				nstems += rxstems_add(st, p, 0) > 0;
				for (f = 0; f < g.gl_pathc; f++)
					check_file(st, re, md, g.gl_pathv[f], p,
						   &count);
				for (j = 0; j < sizeof samples / sizeof *samples;
				     j++)
					check_matches(st, re, md, samples[j],
						      strlen(samples[j]), p,
						      &count);
				if (count == 0) {
					print_message("no text matches '%s'\n",
						      p);
					missing++;
				}
				npat++;
				rx_free(re);
				rxstems_free(st);
			}
		}
	assert_int_equal(missing, 0);
	/* nearly every shipped pattern has stems */
	assert_true(npat > 90);
	assert_true(nstems + 1 >= npat);
	globfree(&g);
	pcre2_match_data_free(md);
	ynode_free(root);
}

/* The stems derived: the literal word beginnings, without an optional
 * last letter, through nested groups; none for a pattern that may
 * start elsewhere; a text with a letter PCRE2 folds to ASCII defeats
 * them. */
static void test_stems_derived(void **state)
{
	struct rxstems *st = rxstems_new();
	struct rxstems_hit *h = NULL;
	size_t cap = 0, n;
	const char *t = "Dead men, the deaths; a deadline. Data breaches.";

	(void)state;
	assert_int_equal(rxstems_add(st, "\\b(?:killed|deaths?)\\b", 0), 2);
	assert_int_equal(rxstems_add(st, "\\bdead(?:line|lock)s?\\b", 1), 1);
	assert_int_equal(rxstems_add(st, "\\b(?:x|(?:data|net) breach\\w*)", 2),
			 3);
	/* an optional group: its words, and the word after it */
	assert_int_equal(rxstems_add(st, "\\b(?:UN )?Security", 3), 2);
	assert_int_equal(rxstems_add(st, "\\bfoo|bar", 4), 0);
	assert_int_equal(rxstems_add(st, "dead", 5), 0);
	assert_int_equal(rxstems_add(st, "\\b(*COMMIT)dead", 6), 0);
	assert_true(rxstems_has(st, 3));
	assert_false(rxstems_has(st, 4));
	assert_true(rxstems_has(st, 1));
	n = rxstems_find(st, t, strlen(t), &h, &cap);
	/* deaths (0); Dead, deadline (1); Data breaches (2) */
	assert_int_equal(n, 4);
	assert_int_equal(h[0].id, 0);
	assert_int_equal(h[0].pos, 14);
	assert_int_equal(h[1].id, 1);
	assert_int_equal(h[1].pos, 0);
	assert_int_equal(h[2].id, 1);
	assert_int_equal(h[2].pos, 24);
	assert_int_equal(h[3].id, 2);
	assert_int_equal(h[3].pos, 34);
	t = "the attac\xe2\x84\xaa";
	assert_int_equal(rxstems_find(st, t, strlen(t), &h, &cap), SIZE_MAX);
	free(h);
	rxstems_free(st);
}

/* Groups that stems are read through: named ones, optional ones (then
 * what follows counts too, also after a lazy mark), nested; not a
 * lookaround, a counted repeat or an optional group before something
 * that is no literal.  The matches of each pattern begin at its hits. */
static void test_stems_through_groups(void **state)
{
	struct rxstems *st = rxstems_new();
	struct rxstems_hit *h = NULL;
	size_t cap = 0, n, k;
	const char *t = "On Friday, later this year: the month ends.";

	(void)state;
	assert_int_equal(
		rxstems_add(st, "\\b(?<day>Monday|Friday)\\b", 0), 2);
	assert_int_equal(
		rxstems_add(st, "\\b(?:earlier |later )?this year\\b", 1), 3);
	assert_int_equal(rxstems_add(st, "\\b(?:(?:the )??month|x)", 2), 3);
	assert_int_equal(rxstems_add(st, "\\b(?=this)th", 3), 0);
	assert_int_equal(rxstems_add(st, "\\b(?:the ){0,2}month", 4), 0);
	assert_int_equal(rxstems_add(st, "\\b(?:the )?\\w+", 5), 0);
	assert_int_equal(rxstems_add(st, "\\b(?<=a)b", 6), 0);
	n = rxstems_find(st, t, strlen(t), &h, &cap);
	/* Friday (0); later, this (1); the, month (2) */
	assert_int_equal(n, 5);
	for (k = 0; k < n; k++)
		assert_true(h[k].id <= 2);
	assert_int_equal(h[0].pos, 3);
	assert_int_equal(h[1].pos, 11);
	assert_int_equal(h[2].pos, 17);
	assert_int_equal(h[3].pos, 28);
	assert_int_equal(h[4].pos, 32);
	free(h);
	rxstems_free(st);
}

/* rxstems_find gives its hits by pattern, then position, each once,
 * however the patterns' words are mixed in the text. */
static void test_stems_hits_ordered(void **state)
{
	struct rxstems *st = rxstems_new();
	struct rxstems_hit *h = NULL;
	const char *t = "strikes killed; a strike, deaths and more strikes "
			"killed again";
	size_t cap = 0, n;

	(void)state;
	assert_int_equal(rxstems_add(st, "\\b(?:killed|deaths?)", 2), 2);
	assert_int_equal(rxstems_add(st, "\\b(?:strike|strikes)\\b", 0), 2);
	assert_int_equal(rxstems_add(st, "\\bmore\\b", 1), 1);
	n = rxstems_find(st, t, strlen(t), &h, &cap);
	assert_int_equal(n, 7);
	/* pattern 0: "strikes" at 0 (both stems, once), "strike" at 18,
	 * "strikes" at 42 */
	assert_int_equal(h[0].id, 0);
	assert_int_equal(h[0].pos, 0);
	assert_int_equal(h[1].id, 0);
	assert_int_equal(h[1].pos, 18);
	assert_int_equal(h[2].id, 0);
	assert_int_equal(h[2].pos, 42);
	assert_int_equal(h[3].id, 1);
	assert_int_equal(h[3].pos, 37);
	assert_int_equal(h[4].id, 2);
	assert_int_equal(h[4].pos, 8);
	assert_int_equal(h[5].id, 2);
	assert_int_equal(h[5].pos, 26);
	assert_int_equal(h[6].id, 2);
	assert_int_equal(h[6].pos, 50);
	assert_int_equal(rxstems_first(h, n, 2, 9), 5);
	free(h);
	rxstems_free(st);
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
		cmocka_unit_test(test_stems_derived),
		cmocka_unit_test(test_stems_through_groups),
		cmocka_unit_test(test_stems_keep_every_match),
		cmocka_unit_test(test_stems_hits_ordered),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
