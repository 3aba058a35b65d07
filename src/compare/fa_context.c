/* fa_context: what a figure's sentence tells of around it: its clause,
 * the nearest event, a running total. */
#include "fa_priv.h"

#include <string.h>


/* The clause of s around offset at: [*from, *to), cut at the rules'
 * clause breaks ("; ", ", and "). */
static void clause_of(const struct figrules_align *r, const char *s,
		      size_t len, size_t at, size_t *from, size_t *to)
{
	size_t i;

	*from = 0;
	*to = len;
	for (i = 0; i < r->nbreaks; i++) {
		size_t bl = strlen(r->breaks[i]);
		const char *p = s;

		while ((p = memmem(p, len - (size_t)(p - s), r->breaks[i],
				   bl)) != NULL) {
			size_t o = (size_t)(p - s);

			if (o + bl <= at && o + bl > *from)
				*from = o + bl;
			else if (o >= at && o < *to)
				*to = o;
			p += bl;
		}
	}
}

/* The event told of nearest to offset at in s[from..to), the counted
 * phrase s[skip..skip_end) left out, or -1. */
static int nearest_event(const struct figrules_align *r, const char *s,
			 size_t from, size_t to, size_t at, size_t skip,
			 size_t skip_end)
{
	size_t p, best = (size_t)-1;
	int ev = -1;

	for (p = from; p < to; p++) {
		uint32_t v;
		size_t end, d;

		if (!trie_may_start2(r->events, s, to, p) ||
		    !trie_word_start(s, p, to) || (p >= skip && p < skip_end))
			continue;
		end = trie_match(r->events, s, to, p, &v);
		if (end == 0)
			continue;
		d = p > at ? p - at : at - p;
		if (d < best) {
			best = d;
			ev = (int)v;
		}
		p = end - 1;
	}
	return ev;
}

/* Does s[from..to) hold a word of a running total ("since", "to date")? */
static int tells_total(const struct figrules_align *r, const char *s,
		       size_t from, size_t to)
{
	size_t p;
	uint32_t v;

	for (p = from; p < to; p++)
		if (trie_may_start2(r->totals, s, to, p) &&
		    trie_word_start(s, p, to) &&
		    trie_match(r->totals, s, to, p, &v))
			return 1;
	return 0;
}

/* The event and the running total f's clause tells of (-1: none). */
int fa_figure_event(const struct figrules_align *r,
			const struct fa_fig *f, int *total)
{
	size_t from, to, skip = 0, skip_end = 0;
	uint32_t v;
	int ev;

	*total = 0;
	if (f->sent == NULL)
		return -1;
	if (trie_match(r->events, f->mean.head, strlen(f->mean.head), 0, &v))
		return -1; /* it counts events: "100 attacks" */
	clause_of(r, f->sent, f->sent_len, f->at, &from, &to);
	if (f->phrase && f->phrase >= f->sent &&
	    f->phrase < f->sent + f->sent_len) {
		skip = (size_t)(f->phrase - f->sent);
		skip_end = skip + f->phrase_len;
	}
	*total = tells_total(r, f->sent, from, to);
	ev = nearest_event(r, f->sent, from, to, f->at, skip, skip_end);
	return ev;
}

int fa_point_in_time(const struct figrules_align *r, const char *s,
		     size_t len, size_t end)
{
	uint32_t v;

	while (end < len && (s[end] == ' ' || s[end] == '\n'))
		end++;
	return end < len && trie_word_start(s, end, len) &&
	       trie_match(r->relative, s, len, end, &v) != 0;
}
