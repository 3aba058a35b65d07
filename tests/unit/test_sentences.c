/* Sentences: abbreviations, initials, decimals and closing quotes do
 * not break one; a stray quote joins the sentence before it. */
#include "articlelib.h"

static int has_sentence(const struct article *a, const char *s)
{
	size_t i;
	int found = 0;

	for (i = 0; i < a->nsentences && !found; i++) {
		char *t = sentence_text(a, i);

		found = strcmp(t, s) == 0;
		free(t);
	}
	return found;
}

static void test_sentences(void **state)
{
	struct article *a = seed(SEED_A), *b = seed(SEED_B), *c;

	(void)state;
	assert_true(has_sentence(a, "Previous negotiations between Kim and "
				 "former U.S. President Donald Trump fell "
				 "apart when the U.S. rejected Kim’s offer to "
				 "dismantle his main nuclear complex."));
	/* the stray opening mark joins the sentence before it */
	assert_true(has_sentence(b, "Kim said the security partnership "
				 "between the United States, South Korea and "
				 "Japan was expanding toward “a nuclear "
				 "military bloc of aggression.”"));
	assert_true(has_sentence(b, "Trump once said he and Kim “fell in "
				 "love.”"));
	c = text_article(rules, "x", "Mr. Smith met Dr. Jones on Jan. 5 in "
			 "Washington. Growth was 3.5 percent. Joseph R. Biden "
			 "spoke. “We will win.” Then he left.\n");
	assert_int_equal(c->nsentences, 5);
	assert_true(has_sentence(c, "Growth was 3.5 percent."));
	assert_true(has_sentence(c, "“We will win.”"));
	article_free(a);
	article_free(b);
	article_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sentences),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, rules_setup, rules_teardown);
}
