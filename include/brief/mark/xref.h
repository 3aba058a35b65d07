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

/* The next (dir > 0) or previous (dir < 0) mention of entity after the
 * one at byte offset off of article i; when this article has no more, it
 * continues into the next article (wrapping).  Returns 1 and sets *ai,
 * *mi (mention index), or 0 when the entity has no other mention. */
int xref_step(const struct xref *x, uint32_t entity, size_t i, size_t off,
	      int dir, size_t *ai, size_t *mi);

/* Entity ids ordered by total mentions (most first, then name); *n gets
 * the count.  Only entities of the categories in catmask (1 << cat).
 * The caller frees the array. */
uint32_t *xref_ranked(const struct xref *x, const struct entities *reg,
		      unsigned catmask, size_t *n);

#endif
