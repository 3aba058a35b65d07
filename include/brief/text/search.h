/* search: the reader's PCRE2 search (smart case), forwards and
 * backwards over an article's sections.  No curses. */
#ifndef BRIEF_SEARCH_H
#define BRIEF_SEARCH_H

#include <stddef.h>

#include "brief/text/article.h"
#include "brief/base/rx.h"
#include "brief/base/util.h"

struct search {
	pcre2_code *re;
	pcre2_match_data *md;
	pcre2_match_context *mc;  /* bounds the work of one match */
	char *pattern;
	int too_complex;          /* a match gave up at the bound */
	/* every match start of one article, found once per pattern for
	 * "3/12" (at most SEARCH_COUNT_CAP) */
	const struct article *counted;
	size_t counted_len;       /* the article's parsed bytes then */
	size_t *starts;
	size_t nstarts;
	int capped;
};

#define SEARCH_COUNT_CAP 1000000

/* Compile pattern; caseless unless it has an upper-case letter.  Returns
 * 0, or -1 with e set to "MESSAGE at offset N" (s is left unchanged). */
int search_set(struct search *s, const char *pattern, struct err *e);
void search_clear(struct search *s);
int search_active(const struct search *s);

/* The first match starting after `from` (dir > 0, or at `from` when
 * inclusive), or the last one starting before it (dir < 0), within the
 * article's sections; wraps around.  Returns 1 with [*ms, *me). */
int search_find(struct search *s, const struct article *a, size_t from,
		int dir, int inclusive, size_t *ms, size_t *me);
/* Matches inside [start, end) of a's text, for drawing: calls back for
 * each. */
void search_each(struct search *s, const char *text, size_t start,
		 size_t end, void (*cb)(size_t ms, size_t me, void *arg),
		 void *arg);

/* Does section sec of a hold a match? */
int search_section(struct search *s, const struct article *a, size_t sec);

/* Which match the one starting at ms is (1-based) and how many there are
 * in a (*total; *capped when there are more than SEARCH_COUNT_CAP);
 * 0 when ms starts no match.  The matches are found once per pattern and
 * article and kept. */
size_t search_position(struct search *s, const struct article *a,
		       size_t ms, size_t *total, int *capped);

#endif
