/* quotes: who says the words (not who is named inside the attribution),
 * attributions after the quote with a title or an organisation, and the
 * same statement quoted in both reports. */
#include "comparelib.h"

/* The quotes of text, with their speakers. */
struct found {
	struct article *a;
	struct mentions m;
	struct quote *q;
	size_t n;
};

static void find(struct found *f, const char *text)
{
	memset(f, 0, sizeof *f);
	f->a = text_article(rules, "q", text);
	assert_non_null(f->a);
	highlight_article(en.hl, f->a, &f->m);
	quotes_find(cr->q, f->a, &f->m, en.reg, &f->q, &f->n);
}

static void found_free(struct found *f)
{
	quotes_free(f->q, f->n);
	mentions_free(&f->m);
	article_free(f->a);
}

/* The text holds one quote, and who says it is `who`. */
static void one_quote(const char *text, const char *who)
{
	struct found f;

	find(&f, text);
	assert_int_equal(f.n, 1);
	assert_string_equal(f.q[0].speaker_text, who);
	found_free(&f);
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pronoun_not_named_inside),
		cmocka_unit_test(test_after_organisation),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
