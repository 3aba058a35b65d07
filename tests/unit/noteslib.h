/* Helpers for the tests of the note store and its file: the shipped
 * rules, an article to anchor notes in, a private directory for the
 * files (setup, teardown), and checks on notes (header only). */
#ifndef BRIEF_NOTESLIB_H
#define BRIEF_NOTESLIB_H

#include <stdio.h>

#include "testlib.h"
#include "brief/text/anchor.h"
#include "brief/notes/notes.h"

static struct article_rules *rules;
static struct article *art;
static char *dir;

static const char *story =
	"Officials said on Monday that the talks had failed after three "
	"days. Kim said the talks would resume next month in Geneva. "
	"Others said the talks were over for good.\n";

static inline int notes_setup(void **state)
{
	struct err e = {{0}};
	const char *t = getenv("TMPDIR");

	(void)state;
	rules = article_rules_load("data/article.yaml", &e);
	if (rules == NULL)
		return -1;
	art = text_article(rules, "articles/talks.txt", story);
	dir = xasprintf("%s/brief-test-notes.XXXXXX", t && *t ? t : "/tmp");
	return mkdtemp(dir) ? 0 : -1;
}

static inline int notes_teardown(void **state)
{
	char *cmd = xasprintf("chmod -R u+w '%s'; rm -rf '%s'", dir, dir);
	int rc = system(cmd);

	(void)state;
	free(cmd);
	free(dir);
	article_free(art);
	article_rules_free(rules);
	return rc == 0 ? 0 : -1;
}

static inline char *path_of(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

static inline char *slurp(const char *p, size_t *n)
{
	struct err e;
	size_t len;
	char *d = file_read(p, &len, &e);

	if (n)
		*n = d ? len : 0;
	return d;
}

static inline void spit(const char *p, const char *bytes, size_t n)
{
	FILE *f = fopen(p, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(bytes, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
}

static inline void anchor_on(struct anchor *an, const char *quote, int nth)
{
	const char *p = art->text;

	for (;;) {
		p = strstr(p, quote);
		assert_non_null(p);
		if (nth-- == 0)
			break;
		p++;
	}
	anchor_make(an, art, (size_t)(p - art->text),
		    (size_t)(p - art->text) + strlen(quote));
}

static inline size_t live_count(struct notes *ns)
{
	size_t n, i, live = 0;
	struct note *v = notes_all(ns, &n);

	for (i = 0; i < n; i++)
		live += !v[i].deleted;
	return live;
}

/* "2024-05-01T12:34:56.789Z" */
static inline void assert_iso_utc(const char *s)
{
	static const char shape[] = "dddd-dd-ddTdd:dd:dd.dddZ";
	size_t i;

	assert_non_null(s);
	assert_int_equal(strlen(s), strlen(shape));
	for (i = 0; shape[i]; i++)
		if (shape[i] == 'd')
			assert_true(s[i] >= '0' && s[i] <= '9');
		else
			assert_int_equal(s[i], shape[i]);
}

static inline void assert_same_anchor(const struct anchor *x,
				      const struct anchor *y)
{
	assert_string_equal(x->article, y->article);
	assert_string_equal(x->file, y->file);
	assert_string_equal(x->quote, y->quote);
	assert_string_equal(x->prefix, y->prefix);
	assert_string_equal(x->suffix, y->suffix);
	assert_int_equal(x->position, y->position);
}

/* The state of note id in the file as it is now: -1 missing, 0 deleted,
 * 1 live (and its text, when text is given, matches). */
static inline int on_disk(const char *p, const char *id, const char *text)
{
	struct err e = {{0}};
	struct notes *ns = notes_open(p, &e);
	struct note *no;
	int rc;

	if (ns == NULL)
		fail_msg("%s", e.text);
	no = notes_find(ns, id);
	rc = no == NULL ? -1 : no->deleted ? 0 : 1;
	if (rc == 1 && text && strcmp(no->text, text) != 0)
		rc = 2;
	notes_free(ns);
	return rc;
}

/* The conflict copy of note id in store ns: the one live note whose
 * conflict_of is id (NULL when there is none; fails on two). */
static inline struct note *conflict_copy_of(struct notes *ns,
					    const char *id)
{
	size_t n, i;
	struct note *v = notes_all(ns, &n), *found = NULL;

	for (i = 0; i < n; i++)
		if (!v[i].deleted && v[i].conflict_of &&
		    strcmp(v[i].conflict_of, id) == 0) {
			if (found)
				fail_msg("two conflict copies of %s", id);
			found = &v[i];
		}
	return found;
}

/* A shorter story (the first tests of the store). */
static const char *short_story =
	"Officials said the talks failed. Kim said the talks would resume. "
	"Others said the talks were over.\n";

#endif
