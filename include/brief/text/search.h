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
};

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

#endif
