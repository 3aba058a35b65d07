/* place: where notes stand in the articles as they are now. */
#include "brief/notes/place.h"

#include <stdlib.h>

enum anchor_fit place_anchor(const struct anchor *an, const struct article *a,
			     size_t *start, size_t *end)
{
	if (!anchor_for(an, a))
		return ANCHOR_ORPHAN;
	return anchor_resolve(an, a, start, end);
}

long place_find(const struct anchor *an, struct article *const *v, size_t n,
		enum anchor_fit *fit, size_t *start, size_t *end)
{
	size_t i;

	*fit = ANCHOR_ORPHAN;
	*start = *end = 0;
	for (i = 0; i < n; i++)
		if (anchor_for(an, v[i])) {
			*fit = anchor_resolve(an, v[i], start, end);
			return (long)i;
		}
	return -1;
}

static int by_start(const void *a, const void *b)
{
	const struct note_place *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

size_t place_notes(struct notes *ns, const struct article *a,
		   struct note_place **out)
{
	size_t n, k, j, cap = 0, np = 0;
	struct note *v = notes_all(ns, &n);
	struct note_place *p = NULL;

	for (k = 0; k < n; k++) {
		if (v[k].deleted)
			continue;
		for (j = 0; j < v[k].nanchors; j++) {
			size_t s, e;

			if (place_anchor(&v[k].anchor[j], a, &s, &e) ==
			    ANCHOR_ORPHAN)
				continue;
			p = xgrow(p, &cap, np + 1, sizeof *p);
			p[np].start = s;
			p[np].end = e;
			p[np].note = k;
			np++;
		}
	}
	xqsort(p, np, sizeof *p, by_start);
	*out = p;
	return np;
}
