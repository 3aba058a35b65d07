/* Helpers for the tests of the marking layer (the highlighter, figures,
 * the cross-reference): the shipped rules and engine for a whole group
 * (engine_setup, engine_teardown), and what a text must have marked
 * (header only). */
#ifndef BRIEF_MARKLIB_H
#define BRIEF_MARKLIB_H

#include <stdio.h>

#include "articlelib.h"
#include "brief/mark/engine.h"

static struct engine en;

static inline int engine_setup(void **state)
{
	struct err e = {{0}};

	(void)state;
	if (shipped_engine(&rules, &en, &e) != 0) {
		fprintf(stderr, "%s\n", e.text);
		return -1;
	}
	return 0;
}

static inline int engine_teardown(void **state)
{
	(void)state;
	engine_close(&en);
	article_rules_free(rules);
	return 0;
}

/* Is there a mention with this surface text, category and entity? */
static inline int has(const struct article *a, const struct mentions *m,
		      const char *text, int cat, const char *entity)
{
	size_t i;

	for (i = 0; i < m->n; i++) {
		const struct mention *mn = &m->v[i];
		const struct entity *ent = entities_get(en.reg, mn->entity);

		if (mn->cat != cat || mn->end - mn->start != strlen(text) ||
		    memcmp(a->text + mn->start, text, strlen(text)) != 0)
			continue;
		if (entity == NULL || (ent && strcmp(ent->name, entity) == 0))
			return 1;
	}
	return 0;
}

/* What a text must (or must not) have marked. */
struct mark {
	const char *text;
	int cat;
	const char *entity; /* NULL: any */
	int absent;         /* 1: must not be marked so */
};

static inline void expect_marks(const char *text, const struct mark *want,
				size_t n)
{
	struct mentions m = {0};
	struct article *a = text_article(rules, "marks", text);
	size_t i;

	highlight_article(en.hl, a, &m);
	for (i = 0; i < n; i++)
		if (has(a, &m, want[i].text, want[i].cat, want[i].entity) ==
		    want[i].absent)
			fail_msg("'%s' %s as %s%s%s", want[i].text,
				 want[i].absent ? "marked" : "not marked",
				 category_name((enum category)want[i].cat),
				 want[i].entity ? " " : "",
				 want[i].entity ? want[i].entity : "");
	mentions_free(&m);
	article_free(a);
}

/* expect_marks with the marks of want[0, max) up to the first without
 * a text (a case's fixed array, partly filled). */
static inline void expect_marks_upto(const char *text, const struct mark *want,
				     size_t max)
{
	size_t n = 0;

	while (n < max && want[n].text != NULL)
		n++;
	expect_marks(text, want, n);
}

static inline struct article *load(const char *p, struct mentions *m)
{
	struct article *a = seed(p);

	memset(m, 0, sizeof *m);
	highlight_article(en.hl, a, m);
	return a;
}

#endif
