/* fa_context: what a figure's sentence tells of around it: its clause,
 * the nearest event, a running total. */
#include "fa_priv.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "brief/base/alloc.h"

/* The clause breaks of s (len bytes) into c, unless c holds them
 * already: each break's places, as memmem finds them one after the
 * other. */
static void clause_breaks(const struct figrules_align *r, const char *s,
			  size_t len, struct fa_clause *c)
{
	size_t i;

	if (c->bsent == s && c->blen == len)
		return;
	c->bsent = s;
	c->blen = len;
	c->nbr = 0;
	for (i = 0; i < r->nbreaks; i++) {
		size_t bl = strlen(r->breaks[i]);
		const char *p = s;

		while ((p = memmem(p, len - (size_t)(p - s), r->breaks[i],
				   bl)) != NULL) {
			c->br = xgrow(c->br, &c->capbr, c->nbr + 1,
				      sizeof *c->br);
			c->br[c->nbr].o = (size_t)(p - s);
			c->br[c->nbr++].e = (size_t)(p - s) + bl;
			p += bl;
		}
	}
}

/* The clause of s around offset at: [*from, *to), cut at the rules'
 * clause breaks ("; ", ", and "); c keeps the breaks of the last
 * sentence. */
static void clause_of(const struct figrules_align *r, const char *s,
		      size_t len, size_t at, size_t *from, size_t *to,
		      struct fa_clause *c)
{
	size_t i;

	*from = 0;
	*to = len;
	clause_breaks(r, s, len, c);
	for (i = 0; i < c->nbr; i++) {
		size_t o = c->br[i].o, e = c->br[i].e;

		if (e <= at && e > *from)
			*from = e;
		else if (o >= at && o < *to)
			*to = o;
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
		c->ev[c->n++].v = v == FA_NOT_EVENT ? -1 : (int)v;
	}
}

int fa_word_event(const struct figrules_align *r, const char *s, size_t p,
		  size_t end)
{
	uint32_t v;

	if (trie_match(r->events, s, end, p, &v) != end || v == FA_NOT_EVENT)
		return -1;
	return (int)v;
}

/* The end of the word at s[p..len) (letters, digits, "-", "'"). */
static size_t word_end(const char *s, size_t len, size_t p)
{
	while (p < len && (isalnum((unsigned char)s[p]) || s[p] == '-' ||
			   s[p] == '\''))
		p++;
	return p;
}

/* The sense a counted phrase tells by itself: a word of states counted
 * alone ("two dozen injured") or a word of events ending in "-ed" before
 * the thing ("displaced people", "wounded soldiers"); -1 for none.  An
 * event word that names a kind ("attack drones") does not count. */
static int phrase_event(const struct figrules_align *r, const char *s,
			size_t from, size_t to)
{
	size_t p = from, e;
	uint32_t v;

	while (p < to) {
		while (p < to && !isalnum((unsigned char)s[p]))
			p++;
		e = word_end(s, to, p);
		if (e > p && (trie_match(r->states, s, e, p, &v) == e ||
			      (e - p > 3 && s[e - 2] == 'e' && s[e - 1] == 'd'))) {
			int ev = fa_word_event(r, s, p, e);

			if (ev >= 0)
				return ev;
		}
		p = e > p ? e : p + 1;
	}
	return -1;
}

int fa_subject_of_verb(const struct figrules_align *r, const char *s,
		       size_t len, size_t end)
{
	static const char *const aux[] = {
		"were ", "was ", "are ", "is ", "had ", "have ", "has ",
		"remain ", "remained ", "had been ", "have been ",
	};
	size_t i, we, me;
	uint32_t v;

	while (end < len && (s[end] == ' ' || s[end] == '\n'))
		end++;
	for (i = 0; i < sizeof aux / sizeof aux[0]; i++)
		if (len - end >= strlen(aux[i]) &&
		    strncmp(s + end, aux[i], strlen(aux[i])) == 0)
			return 1;
	we = word_end(s, len, end);
	if (we == end || (we > end + 4 && strncmp(s + we - 3, "ing", 3) == 0))
		return 0;
	me = trie_match(r->events, s, len, end, &v);
	if (me > end && v != FA_NOT_EVENT)
		return 1; /* "sailed away", "were hit" */
	if (strncmp(s + we - 2, "ed", 2) != 0)
		return 0;
	/* "depots used by miners": a participle that tells of the thing */
	me = we;
	while (me < len && (s[me] == ' ' || s[me] == '\n'))
		me++;
	return len - me >= 3 && strncmp(s + me, "by ", 3) == 0 ? 0 : -1;
}

/* Is the figure at offset y of its sentence s joined to the one before
 * it by "and", "or" or a comma ("killing two soldiers and seventeen
 * civilians"), so that one verb tells of both? */
static int coordinated(const char *s, size_t y)
{
	size_t b = y;

	while (b > 0 && (s[b - 1] == ' ' || s[b - 1] == '\n'))
		b--;
	if (b > 0 && s[b - 1] == ',')
		return 1;
	return (b >= 4 && strncmp(s + b - 4, " and", 4) == 0) ||
	       (b >= 3 && strncmp(s + b - 3, " or", 3) == 0);
}

/* May an event word at offset p of v[i]'s sentence be read for v[i]?
 * Not across another figure of the sentence, unless the figures between
 * are joined one to the next by "and" or a comma: in "seized 4 tonnes of
 * fish after a standoff with 30 boats" the boats were not seized. */
static int reachable(const struct fa_fig *v, size_t n, size_t i, size_t p)
{
	const struct fa_fig *f = &v[i];
	size_t lo = p < f->at ? p : f->at, hi = p < f->at ? f->at : p, j;
	size_t first = i, between = 0;

	while (first > 0 && v[first - 1].sent == f->sent &&
	       v[first - 1].side == f->side)
		first--;
	for (j = first; j < n && v[j].sent == f->sent && v[j].side == f->side;
	     j++) {
		if (j == i || v[j].at <= lo || v[j].at >= hi ||
		    (f->phrase && v[j].phrase == f->phrase))
			continue; /* the count a share is of */
		/* before the figure the first one between needs no join
		 * (the verb's own object), after it every one does */
		if ((p > f->at || between > 0) && !coordinated(f->sent, v[j].at))
			return 0;
		between++;
	}
	return between == 0 || p > f->at || coordinated(f->sent, f->at);
}

/* The event told of nearest to figure v[i] in the clause of c, the
 * counted phrase [skip..skip_end) left out, or -1.  Read from the start
 * as a person would: an event's words are not read again for another
 * that begins inside them. */
static int nearest_event(const struct figrules_align *r,
			 struct fa_clause *c, const struct fa_fig *v,
			 size_t n, size_t i, size_t skip, size_t skip_end)
{
	size_t k, cur = c->from, best = (size_t)-1, at = v[i].at;
	int ev = -1, subj = 0;

	if (skip_end > skip)
		subj = fa_subject_of_verb(r, c->sent, c->to, skip_end);

	if (subj < 0)
		return -1;
	if (subj > 0)
		for (k = 0; k < c->n; k++)
			if (c->ev[k].p >= skip_end && c->ev[k].v >= 0 &&
			    reachable(v, n, i, c->ev[k].p)) {
				c->sure = 1;
				return c->ev[k].v;
			}

	for (k = 0; k < c->n; k++) {
		const struct fa_ev *e = &c->ev[k];
		size_t d;

		if (e->p < cur || (e->p >= skip && e->p < skip_end))
			continue;
		cur = e->end;
		if (e->v < 0 || !reachable(v, n, i, e->p))
			continue;
		d = e->p > at ? e->p - at : at - e->p;
		if (d < best) {
			best = d;
			ev = e->v;
			/* the verb right before it: "killed 24 people" */
			c->sure = e->end <= at && at - e->end <= 1;
		}
	}
	return ev;
}

void fa_clause_free(struct fa_clause *c)
{
	free(c->ev);
	free(c->br);
}

/* Does the word before offset p of s help a verb ("have since left":
 * an adverb of time, not a running total)? */
static int after_auxiliary(const char *s, size_t p)
{
	static const char *const aux[] = {" have ", " has ", " had "};
	size_t i;

	for (i = 0; i < sizeof aux / sizeof aux[0]; i++) {
		size_t k = strlen(aux[i]);

		if (p >= k && strncmp(s + p - k, aux[i], k) == 0)
			return 1;
	}
	return 0;
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
		    trie_match(r->totals, s, to, p, &v) &&
		    !after_auxiliary(s, p))
			return 1;
	return 0;
}

/* The event and the running total v[i]'s clause tells of (-1: none);
 * prev: the event of v[i - 1]. */
int fa_figure_event(const struct figrules_align *r, const struct fa_fig *v,
		    size_t n, size_t i, int prev, int *total,
		    struct fa_clause *c)
{
	const struct fa_fig *f = &v[i];
	size_t from, to, skip = 0, skip_end = 0;
	uint32_t w;
	int ev, prev_sure;

	*total = 0;
	prev_sure = c->sure;
	c->sure = 0;
	if (f->sent == NULL)
		return -1;
	if (trie_match(r->events, f->mean.head, strlen(f->mean.head), 0, &w))
		return -1; /* it counts events: "100 attacks" */
	clause_of(r, f->sent, f->sent_len, f->at, &from, &to, c);
	if (c->sent == NULL || c->sent != f->sent || c->from != from ||
	    c->to != to) {
		c->sent = f->sent;
		c->from = from;
		c->to = to;
		c->total = tells_total(r, f->sent, from, to);
		clause_events(r, f->sent, from, to, c);
	}
	*total = c->total;
	/* a span that lasted ("lasted 45 minutes", "for two days") is how
	 * long its clause's subject went on, whatever event follows */
	if (f->mean.unit && fa_lasting(r, f->sent, f->at))
		return -1;
	if (f->phrase && f->phrase >= f->sent &&
	    f->phrase < f->sent + f->sent_len) {
		skip = (size_t)(f->phrase - f->sent);
		skip_end = skip + f->phrase_len;
		ev = phrase_event(r, f->sent, skip, skip_end);
		c->sure = ev >= 0;
		if (ev >= 0)
			return ev;
	}
	/* joined by "and" to the figure before it in its clause, and not the
	 * subject of a verb of its own: the same verb tells of both
	 * ("killing two soldiers and seventeen civilians") */
	if (prev >= 0 && i > 0 && v[i - 1].sent == f->sent &&
	    v[i - 1].side == f->side && v[i - 1].at >= from &&
	    coordinated(f->sent, f->at) &&
	    (skip_end <= skip ||
	     fa_subject_of_verb(r, f->sent, to, skip_end) == 0)) {
		c->sure = prev_sure;
		return prev;
	}
	return nearest_event(r, c, v, n, i, skip, skip_end);
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
