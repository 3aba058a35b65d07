/* fa_context: what a figure's sentence tells of around it: its clause,
 * the nearest event, a running total. */
#include "fa_priv.h"

#include <ctype.h>
#include <stdlib.h>
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

/* Every word of s[from..to) that an event begins at, with the event's
 * end and class, into c (in text order). */
static void clause_events(const struct figrules_align *r, const char *s,
			  size_t from, size_t to, struct fa_clause *c)
{
	size_t p;

	c->n = 0;
	for (p = from; p < to; p++) {
		uint32_t v;
		size_t end;

		if (!trie_may_start2(r->events, s, to, p) ||
		    !trie_word_start(s, p, to))
			continue;
		end = trie_match(r->events, s, to, p, &v);
		if (end == 0)
			continue;
		if (c->n >= c->cap)
			c->ev = xgrow(c->ev, &c->cap, c->n + 1, sizeof *c->ev);
		c->ev[c->n].p = p;
		c->ev[c->n].end = end;
		c->ev[c->n++].v = (int)v;
	}
}

/* The event told of nearest to offset at in the clause of c, the
 * counted phrase [skip..skip_end) left out, or -1.  Read from the start
 * as a person would: an event's words are not read again for another
 * that begins inside them. */
/* Is the figure the subject of a verb that follows its phrase ("24
 * people were wounded", "two ships have been hit")?  Then its event is
 * the one after it, not a nearer one before ("… were killed and 24
 * people were wounded"). */
static int subject_of_verb(const char *s, size_t len, size_t end)
{
	static const char *const aux[] = {
		"were ", "was ", "are ", "is ", "had ", "have ", "has ",
		"remain ", "remained ", "had been ", "have been ",
	};
	size_t i;

	while (end < len && (s[end] == ' ' || s[end] == '\n'))
		end++;
	for (i = 0; i < sizeof aux / sizeof aux[0]; i++)
		if (len - end >= strlen(aux[i]) &&
		    strncmp(s + end, aux[i], strlen(aux[i])) == 0)
			return 1;
	return 0;
}

static int nearest_event(const struct fa_clause *c, size_t at, size_t skip,
			 size_t skip_end)
{
	size_t i, cur = c->from, best = (size_t)-1;
	int ev = -1;

	if (skip_end > skip && subject_of_verb(c->sent, c->to, skip_end))
		for (i = 0; i < c->n; i++)
			if (c->ev[i].p >= skip_end)
				return c->ev[i].v;

	for (i = 0; i < c->n; i++) {
		const struct fa_ev *e = &c->ev[i];
		size_t d;

		if (e->p < cur || (e->p >= skip && e->p < skip_end))
			continue;
		d = e->p > at ? e->p - at : at - e->p;
		if (d < best) {
			best = d;
			ev = e->v;
		}
		cur = e->end;
	}
	return ev;
}

void fa_clause_free(struct fa_clause *c)
{
	free(c->ev);
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
			const struct fa_fig *f, int *total, struct fa_clause *c)
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
	if (c->sent == NULL || c->sent != f->sent || c->from != from ||
	    c->to != to) {
		c->sent = f->sent;
		c->from = from;
		c->to = to;
		c->total = tells_total(r, f->sent, from, to);
		clause_events(r, f->sent, from, to, c);
	}
	*total = c->total;
	ev = nearest_event(c, f->at, skip, skip_end);
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

int fa_lasting(const struct figrules_align *r, const char *s, size_t at)
{
	size_t we = at, ws;
	uint32_t v;

	while (we > 0 && (s[we - 1] == ' ' || s[we - 1] == '\n'))
		we--;
	for (ws = we; ws > 0 && isalpha((unsigned char)s[ws - 1]); ws--)
		;
	return ws < we && trie_match(r->lasting, s, we, ws, &v) == we;
}
