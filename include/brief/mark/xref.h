/* xref: the cross-reference index over all loaded articles: for each
 * entity its mentions in order per article, counts, and the next or
 * previous mention of the same entity in this article or the others. */
#ifndef BRIEF_XREF_H
#define BRIEF_XREF_H

#include <stddef.h>
#include <stdint.h>

#include "brief/mark/highlight.h"

struct xref;

/* An index over n articles' mentions (not copied: they must outlive the
 * index). */
struct xref *xref_new(size_t n);
void xref_free(struct xref *x);
/* Index article i's mentions (again after they changed). */
void xref_set(struct xref *x, size_t i, const struct mentions *m);

/* Mentions of entity in article i, as indexes into its mentions, in text
 * order; *n gets the count. */
const uint32_t *xref_list(const struct xref *x, uint32_t entity, size_t i,
			  size_t *n);
size_t xref_count(const struct xref *x, uint32_t entity, size_t i);
/* Mentions of entity in every indexed article: counts[i] gets article
 * i's (counts may be NULL; else it holds one slot per article of the
 * index); returns the total. */
size_t xref_spread(const struct xref *x, uint32_t entity, size_t *counts);
/* The number of articles the index was made for. */
size_t xref_articles(const struct xref *x);

/* Where xref_step went. */
enum xref_where {
	XREF_NONE,            /* the entity has no other mention */
	XREF_HERE,            /* the next one in article i */
	XREF_OTHER,           /* i had no more: the first (last) in other */
	XREF_WRAPPED          /* neither had: i's first (last) again */
};
/* The next (dir > 0) or previous (dir < 0) mention of entity after the
 * one at byte offset off of article i; when i has no more, the first
 * (last) one in article other (when it is not i), else i's first (last)
 * when i has more than one.  Sets *ai and *mi (the mention's index in
 * article *ai's mentions) unless it returns XREF_NONE. */
enum xref_where xref_step(const struct xref *x, uint32_t entity, size_t i,
			  size_t other, size_t off, int dir, size_t *ai,
			  size_t *mi);

/* Entity ids ordered by total mentions (most first, then name); *n gets
 * the count.  Only entities of the categories in catmask (1 << cat).
 * The caller frees the array. */
uint32_t *xref_ranked(const struct xref *x, const struct entities *reg,
		      unsigned catmask, size_t *n);

#endif
