/* Helpers shared by the unit tests (header only). */
#ifndef BRIEF_TESTLIB_H
#define BRIEF_TESTLIB_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "brief/text/anchor.h"
#include "brief/text/article.h"
#include "brief/mark/engine.h"
#include "brief/base/util.h"

#define SEED_A "articles/000_b6812c9593b6cfb0.txt"
#define SEED_B "articles/001_ac23be4cfe9d2cdd.txt"

/* An article from a string (the rules from data/article.yaml). */
static inline struct article *text_article(const struct article_rules *r,
					   const char *name, const char *s)
{
	struct err e = {{0}};
	size_t n = strlen(s);
	char *buf = xmalloc(n + 1);
	struct article *a;

	memcpy(buf, s, n + 1);
	a = article_from_bytes(buf, n, name, r, &e);
	if (a == NULL)
		fail_msg("%s", e.text);
	return a;
}

/* The shipped article rules and the engine with the shipped lexicon and
 * highlight rules; 0, or -1 with e set. */
static inline int shipped_engine(struct article_rules **rules,
				 struct engine *en, struct err *e)
{
	static char lexpath[] = "data/lexicon.yaml";
	char *lex[] = {lexpath};

	*rules = article_rules_load("data/article.yaml", e);
	if (*rules == NULL)
		return -1;
	return engine_open(en, lex, 1, "data/highlight.yaml", e);
}

/* An anchor on the nth (from 0) occurrence of quote in article a. */
static inline void anchor_at(struct anchor *an, const struct article *a,
			     const char *quote, int nth)
{
	const char *p = a->text;

	while (nth-- >= 0) {
		p = strstr(p, quote);
		assert_non_null(p);
		if (nth >= 0)
			p++;
	}
	anchor_make(an, a, (size_t)(p - a->text),
		    (size_t)(p - a->text) + strlen(quote));
}

/* Section text as a fresh string. */
static inline char *sec_text(const struct article *a, size_t i)
{
	return xstrndup(a->text + a->sections[i].start,
			a->sections[i].end - a->sections[i].start);
}

static inline char *sentence_text(const struct article *a, size_t i)
{
	return xstrndup(a->text + a->sentences[i].start,
			a->sentences[i].end - a->sentences[i].start);
}

/* A fresh private directory for a test's files, under $TMPDIR (else
 * /tmp), named after what uses it; NULL on failure.  The caller frees the
 * name after temp_dir_remove. */
static inline char *temp_dir_new(const char *what)
{
	const char *t = getenv("TMPDIR");
	char *d = xasprintf("%s/brief-test-%s.XXXXXX", t && *t ? t : "/tmp",
			    what);

	if (mkdtemp(d) == NULL) {
		free(d);
		return NULL;
	}
	return d;
}

/* Remove a test's directory and all in it, read-only parts too: 0 on
 * success. */
static inline int temp_dir_remove(const char *d)
{
	char *cmd = xasprintf("chmod -R u+w '%s'; rm -rf '%s'", d, d);
	int rc = system(cmd);

	free(cmd);
	return rc == 0 ? 0 : -1;
}

#endif
