/* Helpers of the comparison unit tests (header only): the shipped marking
 * engine and comparison rules, loaded once per group. */
#ifndef BRIEF_COMPARELIB_H
#define BRIEF_COMPARELIB_H

#include "testlib.h"

#include <stdio.h>

#include "brief/compare/compare.h"
#include "brief/mark/engine.h"

static struct article_rules *rules;
static struct engine en;
static struct compare_rules *cr;

static int setup(void **state)
{
	struct err e = {{0}};

	(void)state;
	if (shipped_engine(&rules, &en, &e) != 0 ||
	    (cr = compare_rules_load("data/compare.yaml", "data/topics.yaml",
				     &e)) == NULL) {
		fprintf(stderr, "%s\n", e.text);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	compare_rules_free(cr);
	engine_close(&en);
	article_rules_free(rules);
	return 0;
}

#endif
