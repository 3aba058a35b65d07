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

/* The timeline events of a (the shipped rules), each "text=when", "|"-
 * joined in text order into out. */
static inline void timeline_events(const struct article *a, char *out,
				   size_t n)
{
	struct mentions m = {0};
	struct tl_event *ev;
	size_t k, i, len = 0;
	char when[32];

	highlight_article(en.hl, a, &m);
	timeline_find(cr->tl, a, &m, &ev, &k);
	out[0] = '\0';
	for (i = 0; i < k; i++) {
		tl_format(&ev[i], when, sizeof when);
		len += (size_t)snprintf(out + len, n - len, "%s%.*s=%s",
					i ? "|" : "", (int)(ev[i].end - ev[i].start),
					a->text + ev[i].start, when);
		assert_true(len < n);
	}
	free(ev);
	mentions_free(&m);
}

/* The quotes of one text (the shipped rules), with their speakers. */
struct quotes_found {
	struct article *a;
	struct mentions m;
	struct quote *q;
	size_t n;
};

static inline void quotes_found_of(struct quotes_found *f, const char *text)
{
	memset(f, 0, sizeof *f);
	f->a = text_article(rules, "q", text);
	assert_non_null(f->a);
	highlight_article(en.hl, f->a, &f->m);
	quotes_find(cr->q, f->a, &f->m, en.reg, &f->q, &f->n);
}

static inline void quotes_found_free(struct quotes_found *f)
{
	quotes_free(f->q, f->n);
	mentions_free(&f->m);
	article_free(f->a);
}

/* Two reports, their marks and their comparison. */
struct pair {
	struct article *a, *b;
	struct mentions ma, mb;
	struct comparison *c;
};

/* Mark p's reports a and b (loaded) and compare them; pair_free frees
 * all. */
static inline void pair_compare(struct pair *p)
{
	assert_non_null(p->a);
	assert_non_null(p->b);
	highlight_article(en.hl, p->a, &p->ma);
	highlight_article(en.hl, p->b, &p->mb);
	p->c = compare_run(cr, en.reg, p->a, &p->ma, p->b, &p->mb);
}

static inline void pair_free(struct pair *p)
{
	compare_free(p->c);
	mentions_free(&p->ma);
	mentions_free(&p->mb);
	article_free(p->a);
	article_free(p->b);
}

#endif
