/* Helpers for tests that load articles with the shipped rules
 * (data/article.yaml) for a whole group: rules_setup, rules_teardown,
 * and seed, an article from a file (header only). */
#ifndef BRIEF_ARTICLELIB_H
#define BRIEF_ARTICLELIB_H

#include "testlib.h"

static struct article_rules *rules;

static inline int rules_setup(void **state)
{
	struct err e = {{0}};

	(void)state;
	rules = article_rules_load("data/article.yaml", &e);
	return rules ? 0 : -1;
}

static inline int rules_teardown(void **state)
{
	(void)state;
	article_rules_free(rules);
	return 0;
}

/* The article in the file at path, or the test fails. */
static inline struct article *seed(const char *path)
{
	struct err e = {{0}};
	struct article *a = article_load(path, rules, &e);

	if (a == NULL)
		fail_msg("%s", e.text);
	return a;
}

#endif
