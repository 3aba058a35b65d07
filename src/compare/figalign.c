/* figalign: figures of two reports aligned by meaning. */
#include "fa_priv.h"

#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "brief/base/alloc.h"
#include "brief/base/sort.h"

struct fa_key {
	char key[256];
	size_t fig;
	int ev;
	int total;               /* its clause tells of a running total */
	int lone;                /* generic and no event: aligned with none */
};

static int key_cmp(const void *a, const void *b)
{
	const struct fa_key *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c ? c : (x->fig > y->fig) - (x->fig < y->fig);
}

/* The key of f's thing and event class: "head\tunit\tevent". */
static void make_key(const struct figrules_align *r, const struct fa_fig *f,
		     struct fa_key *k)
{
	snprintf(k->key, sizeof k->key, "%s\t%s\t%s", f->mean.head,
		 f->mean.unit ? f->mean.unit : "", k->ev >= 0 ? r->evname[k->ev]
							 : "");
}

/* Events of kin classes (drones launched, drones intercepted) are one
 * sense of a thing when one report tells of it in one class only and the
 * other in another class only: "14 drones intercepted" beside "16 drones
 * fired" is the same attack told from two sides.  A report that tells of
 * both ("16 fired, 14 intercepted") keeps them apart. */
static void join_kin(const struct figrules_align *r, const struct fa_fig *v,
		     struct fa_key *k, size_t n)
{
	struct fa_key *t = xcalloc(n + 1, sizeof *t);
	size_t i, j, m = 0, q;

	for (i = 0; i < n; i++) {
		if (k[i].ev < 0 || r->kin[k[i].ev] < 0)
			continue;
		t[m] = k[i];
		t[m].ev = r->kin[k[i].ev];
		make_key(r, &v[k[i].fig], &t[m]);
		t[m].fig = i; /* the key's index here, not the figure's */
		m++;
	}
	xqsort(t, m, sizeof *t, key_cmp);
	for (i = 0; i < m; i = j) {
		uint32_t mask[2] = {0, 0};

		for (j = i; j < m && strcmp(t[j].key, t[i].key) == 0; j++)
			mask[v[k[t[j].fig].fig].side ? 1 : 0] |=
				1u << k[t[j].fig].ev;
		if (mask[0] == mask[1] || !mask[0] || !mask[1] ||
		    (mask[0] & (mask[0] - 1)) || (mask[1] & (mask[1] - 1)))
			continue;
		for (q = i; q < j; q++) {
			k[t[q].fig].ev = t[q].ev;
			make_key(r, &v[k[t[q].fig].fig], &k[t[q].fig]);
		}
	}
	free(t);
}

/* Do the keys from k[j] on that share its first hl bytes (one thing
 * told of with events) all tell of one event? */
static int one_sense(const struct fa_key *k, size_t j, size_t n, size_t hl)
{
	size_t q;

	for (q = j + 1; q < n && strncmp(k[q].key, k[j].key, hl) == 0; q++)
		if (strcmp(k[q].key, k[j].key) != 0)
			return 0;
	return 1;
}

/* The event group that the figures k[i..j) of a thing told of with no
 * event join (its first key), or -1: the thing's only event group, else,
 * when those figures are all of one report, the only event group with no
 * figure of that report ("153 sorties of aircraft" beside "153 aircraft
 * sent" when both tell of 111 that crossed).  The event groups follow
 * from k[j] on and share the first hl bytes of the key. */
static size_t join_target(const struct fa_fig *v, const struct fa_key *k,
			  size_t i, size_t j, size_t n, size_t hl)
{
	size_t q, g, e, found = (size_t)-1;
	int side = v[k[i].fig].side;

	if (one_sense(k, j, n, hl))
		return j;
	for (q = i; q < j; q++)
		if (v[k[q].fig].side != side)
			return (size_t)-1;
	for (g = j; g < n && strncmp(k[g].key, k[j].key, hl) == 0; g = e) {
		int has = 0;

		for (e = g; e < n && strcmp(k[e].key, k[g].key) == 0; e++)
			has |= v[k[e].fig].side == side;
		if (!has) {
			if (found != (size_t)-1)
				return (size_t)-1;
			found = g;
		}
	}
	return found;
}

struct fa_iv {
	double lo, hi;
};

static int iv_cmp(const void *a, const void *b)
{
	const struct fa_iv *x = a, *y = b;

	return (x->lo > y->lo) - (x->lo < y->lo);
}

/* Does any interval of v (sorted by lo; mx holds the running maximum of
 * hi) meet [lo, hi]? */
static int meets(const struct fa_iv *v, const double *mx, size_t n,
		 double lo, double hi)
{
	size_t a = 0, b = n;

	while (a < b) {
		size_t m = (a + b) / 2;

		if (v[m].lo <= hi)
			a = m + 1;
		else
			b = m;
	}
	return a > 0 && mx[a - 1] >= lo;
}

/* Mark the figures v[idx[0..n)] (one group) that no figure of the other
 * side agrees with. */
static int mark_group(struct fa_fig *v, const size_t *idx, size_t n)
{
	struct fa_iv *iv[2];
	double *mx[2];
	size_t c[2] = {0, 0}, i;
	int s, any = 0;

	for (s = 0; s < 2; s++) {
		iv[s] = xcalloc(n + 1, sizeof *iv[s]);
		mx[s] = xcalloc(n + 1, sizeof *mx[s]);
	}
	for (i = 0; i < n; i++) {
		const struct fa_fig *f = &v[idx[i]];

		s = f->side ? 1 : 0;
		iv[s][c[s]].lo = f->mean.lo;
		iv[s][c[s]++].hi = f->mean.hi;
	}
	for (s = 0; s < 2; s++) {
		xqsort(iv[s], c[s], sizeof *iv[s], iv_cmp);
		for (i = 0; i < c[s]; i++)
			mx[s][i] = i ? fmax(mx[s][i - 1], iv[s][i].hi)
				     : iv[s][i].hi;
	}
	for (i = 0; i < n; i++) {
		struct fa_fig *f = &v[idx[i]];
		int o = f->side ? 0 : 1;

		/* a bound that a qualifier leaves open still meets the
		 * number itself: "250" beside "over 250" is the same count,
		 * given without its qualifier */
		f->discrepancy = c[o] > 0 &&
				 !meets(iv[o], mx[o], c[o],
					f->mean.lo - fabs(f->mean.lo) * 1e-12,
					f->mean.hi + fabs(f->mean.hi) * 1e-12);
		any |= f->discrepancy;
	}
	for (s = 0; s < 2; s++) {
		free(iv[s]);
		free(mx[s]);
	}
	return any;
}

/* "ships" told of as attacked: "ships (attack)". */
static void name_sense(struct fa_group *g, const char *ev)
{
	size_t k = strlen(g->counts);

	if (k && g->counts[k - 1] != ')')
		snprintf(g->counts + k, sizeof g->counts - k, " (%s)", ev);
}

static int group_cmp(const void *a, const void *b)
{
	const struct fa_group *x = a, *y = b;

	return strcmp(x->counts, y->counts);
}

/* People counted by a nationality (r->nationals: "five German
 * citizens") count its people, as its plural does ("five Germans"): the
 * head becomes the word in capitals before the last word of the phrase,
 * in lower case, with "s" unless it ends in one or in "ese", "sh" or
 * "ch" ("Chinese", "British", "Dutch"). */
static void nationality(const struct figrules_align *r, struct fa_fig *f)
{
	const char *s = f->phrase;
	size_t e = f->phrase_len, b, we, k;
	uint32_t u;

	while (e > 0 && s[e - 1] != ' ' && s[e - 1] != '\n')
		e--;
	if (e == 0 ||
	    trie_match(r->nationals, s, f->phrase_len, e, &u) != f->phrase_len)
		return;
	we = e - 1;
	for (b = we; b > 0 && isalpha((unsigned char)s[b - 1]); b--)
		;
	if (we - b < 3 || !isupper((unsigned char)s[b]) ||
	    !islower((unsigned char)s[b + 1]) ||
	    we - b + 2 > sizeof f->mean.head || (b > 0 && s[b - 1] != ' '))
		return;
	for (k = 0; b + k < we; k++)
		f->mean.head[k] = (char)tolower((unsigned char)s[b + k]);
	f->mean.head[k] = '\0';
	if (!(f->mean.head[k - 1] == 's' ||
	      (k > 3 && strcmp(f->mean.head + k - 3, "ese") == 0) ||
	      strcmp(f->mean.head + k - 2, "sh") == 0 ||
	      strcmp(f->mean.head + k - 2, "ch") == 0))
		snprintf(f->mean.head + k, sizeof f->mean.head - k, "s");
}

/* What f counts: its counted phrase as written when the rules know it
 * whole or by a tail of several words ("PLA Navy vessels", "nautical
 * miles", "U.S. service members"), else the name f->counts gives it
 * ("KN-23" for "KN-23 missiles").  A span of time that reaches a point
 * ("two days after", "three weeks earlier") counts "point in time"; so
 * does a distance to a place ("5 km before the border"). */
static void fig_meaning(const struct figrules_align *r, struct fa_fig *f)
{
	char buf[128];
	uint32_t u;

	if (f->phrase && f->phrase_len > 0 && f->phrase_len < sizeof buf) {
		memcpy(buf, f->phrase, f->phrase_len);
		buf[f->phrase_len] = '\0';
		if (!fa_meaning_of(r, buf, f->f, &f->mean, 1))
			fa_meaning_of(r, f->counts, f->f, &f->mean, 0);
		if (f->mean.unit && f->f->kind == FIG_COUNT && f->sent &&
		    f->phrase >= f->sent && !fa_lasting(r, f->sent, f->at) &&
		    fa_point_in_time(r, f->sent, f->sent_len,
				     (size_t)(f->phrase - f->sent) +
					     f->phrase_len))
			snprintf(f->mean.head, sizeof f->mean.head, "%s",
				 FA_POINT);
		nationality(r, f);
		/* "two dozen injured": people, in that state */
		if (trie_match(r->states, f->mean.head, strlen(f->mean.head), 0,
			       &u) == strlen(f->mean.head))
			snprintf(f->mean.head, sizeof f->mean.head, "people");
		return;
	}
	fa_meaning_of(r, f->counts, f->f, &f->mean, 0);
}

/* One of the marks that tell senses of a thing apart: 0 a running
 * total, 1 the day.  (The actor does not split a group: the actors
 * weigh in when figures are paired one to one, fa_match.c.) */
static const char *sense_tag(const struct fa_fig *f, const struct fa_key *k,
			     int which)
{
	if (which == 0)
		return k->total ? "total" : "each";
	return f->when;
}

struct fa_tag {
	const char *tag;
	int side;
	size_t q;
};

static int tag_cmp(const void *a, const void *b)
{
	const struct fa_tag *x = a, *y = b;
	int c = strcmp(x->tag, y->tag);

	return c ? c : x->side - y->side;
}

/* Split the group k[i..j) by a sense mark when two marks stand on both
 * sides, or one does and some figure has another: each shared mark makes a
 * group, the rest one more (this package apart from the total; the 44
 * countries of December 19 apart from today's 13). */
static void split_by(const struct fa_fig *v, struct fa_key *k, size_t i,
		     size_t j, int which)
{
	struct fa_tag *t = xcalloc(j - i + 1, sizeof *t);
	char *shared = xcalloc(j - i + 1, 1);
	size_t q, e, m = j - i;
	int any = 0, rest = 0;

	for (q = 0; q < m; q++) {
		t[q].tag = sense_tag(&v[k[i + q].fig], &k[i + q], which);
		t[q].side = v[k[i + q].fig].side;
		t[q].q = i + q;
	}
	xqsort(t, m, sizeof *t, tag_cmp);
	for (q = 0; q < m; q = e) {
		int both;

		for (e = q + 1; e < m && strcmp(t[e].tag, t[q].tag) == 0; e++)
			;
		both = *t[q].tag && t[q].side != t[e - 1].side;
		for (; q < e; q++)
			shared[t[q].q - i] = (char)both;
		any += both;
	}
	for (q = 0; q < m; q++)
		rest |= !shared[q];
	if (any > 1 || (any && rest))
		for (q = 0; q < m; q++) {
			size_t kl = strlen(k[i + q].key);

			snprintf(k[i + q].key + kl, sizeof k[i + q].key - kl,
				 "\t%s", shared[q] ? sense_tag(&v[k[i + q].fig],
							       &k[i + q], which)
						    : "~");
		}
	free(t);
	free(shared);
}

/* Apply split_by for mark which to every group of the sorted keys. */
static void split_all(const struct fa_fig *v, struct fa_key *k, size_t n,
		      int which)
{
	size_t i, j;

	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && strcmp(k[j].key, k[i].key) == 0; j++)
			;
		if (!k[i].lone && j - i > 2)
			split_by(v, k, i, j, which);
	}
	xqsort(k, n, sizeof *k, key_cmp);
}

/* Do the keys from k[i] on hold exactly two figures of a generic thing
 * told of with no event ("14 nations", "fourteen countries"), one on each
 * side, that agree?  Then they are taken as one. */
static int lone_pair(const struct fa_fig *v, const struct fa_key *k,
		     size_t i, size_t n)
{
	const struct fa_fig *x, *y;

	if (i + 1 >= n || strcmp(k[i].key, k[i + 1].key) != 0 ||
	    (i + 2 < n && strcmp(k[i].key, k[i + 2].key) == 0) ||
	    (i > 0 && strcmp(k[i - 1].key, k[i].key) == 0))
		return 0;
	x = &v[k[i].fig];
	y = &v[k[i + 1].fig];
	return x->side != y->side &&
	       !figalign_disjoint(x->mean.lo, x->mean.hi, y->mean.lo,
				  y->mean.hi);
}

/* The figures by group: ord[start[g]..start[g + 1]) are group g's. */
static void by_group(const struct fa_fig *v, size_t n, size_t ngr,
		     size_t *ord, size_t *start)
{
	size_t i;

	memset(start, 0, (ngr + 2) * sizeof *start);
	for (i = 0; i < n; i++)
		start[v[i].group + 1]++;
	for (i = 0; i < ngr; i++)
		start[i + 1] += start[i];
	for (i = 0; i < n; i++)
		ord[start[v[i].group]++] = i;
	for (i = ngr; i > 0; i--)
		start[i] = start[i - 1];
	start[0] = 0;
}

/* Pair the figures of each of the ngr groups one to one where both
 * reports give several values (fa_match_group: the new groups are named
 * like the one they come from), then mark the discrepancies of every
 * group.  Returns the number of groups. */
static size_t match_and_mark(const struct figrules_align *r, struct fa_fig *v,
			     size_t n, struct fa_group *g, size_t ngr)
{
	size_t *ord = xcalloc(n + 1, sizeof *ord);
	size_t *start = xcalloc(n + 2, sizeof *start), i, old = ngr, q;

	by_group(v, n, ngr, ord, start);
	for (i = 0, q = old; i < old; i++) {
		fa_match_group(r, v, ord + start[i],
			       start[i + 1] - start[i], &ngr);
		for (; q < ngr; q++)
			g[q] = g[i];
	}
	by_group(v, n, ngr, ord, start);
	for (i = 0; i < ngr; i++)
		g[i].disagree = mark_group(v, ord + start[i],
					   start[i + 1] - start[i]);
	free(ord);
	free(start);
	return ngr;
}

/* Drop the groups of g[0..ngr) that no figure of v is in (remap: room
 * for ngr indices); returns how many are left. */
static size_t drop_empty(struct fa_fig *v, size_t n, struct fa_group *g,
			 size_t ngr, size_t *remap)
{
	size_t i, m = 0;

	for (i = 0; i < ngr; i++)
		remap[i] = (size_t)-1;
	for (i = 0; i < n; i++)
		remap[v[i].group] = 0;
	for (i = 0; i < ngr; i++)
		if (remap[i] == 0) {
			remap[i] = m;
			g[m++] = g[i];
		}
	for (i = 0; i < n; i++)
		v[i].group = remap[v[i].group];
	return m;
}

struct fa_group *figalign_run(const struct figrules_align *r,
			      struct fa_fig *v, size_t n, size_t *ng)
{
	struct fa_key *k = xcalloc(n + 1, sizeof *k);
	struct fa_group *g = xcalloc(n + 1, sizeof *g);
	size_t *remap = xcalloc(n + 1, sizeof *remap);
	char *whole = xcalloc(n + 1, 1);
	int *evs = xcalloc(n + 1, sizeof *evs);
	char *sure = xcalloc(n + 1, 1);
	size_t i, j, t, ngr = 0;
	int w;
	struct fa_clause clause;

	memset(&clause, 0, sizeof clause);
	for (i = 0; i < n; i++)
		fig_meaning(r, &v[i]);
	fa_read_around(r, v, n, whole);
	for (i = 0; i < n; i++) {
		struct fa_fig *f = &v[i];
		const char *h;
		uint32_t u;
		int generic;

		h = f->mean.head;
		generic = trie_match(r->generic, h, strlen(h), 0, &u) ==
			  strlen(h);
		k[i].fig = i;
		k[i].ev = fa_figure_event(r, v, n, i, i ? k[i - 1].ev : -1,
					  &k[i].total, &clause);
		k[i].total |= whole[i];
		sure[i] = (char)clause.sure;
		k[i].lone = (generic && k[i].ev < 0) ||
			    strcmp(h, FA_POINT) == 0;
		/* figures of a thing told of with no event join its first
		 * event's group below; a generic thing stays alone */
		make_key(r, f, &k[i]);
	}
	join_kin(r, v, k, n);
	xqsort(k, n, sizeof *k, key_cmp);
	/* a figure of a specific thing with no event joins the thing's
	 * event group (sorted after the event-less keys) when it is the
	 * only one */
	for (i = 0; i < n; i = j) {
		size_t hl = strlen(k[i].key); /* "head\tunit\t" */

		j = i;
		while (j < n && strcmp(k[j].key, k[i].key) == 0)
			j++;
		if (k[i].ev >= 0 || k[i].lone || j >= n ||
		    strncmp(k[j].key, k[i].key, hl) != 0 ||
		    (t = join_target(v, k, i, j, n, hl)) == (size_t)-1)
			continue;
		{
			size_t q;

			for (q = i; q < j; q++)
				memcpy(k[q].key, k[t].key, sizeof k[q].key);
		}
	}
	xqsort(k, n, sizeof *k, key_cmp);
	for (w = 0; w < 2; w++)
		split_all(v, k, n, w);
	for (i = 0; i < n; i = j) {
		const struct fa_fig *f = &v[k[i].fig];

		j = i + 1;
		if (!k[i].lone)
			while (j < n && strcmp(k[j].key, k[i].key) == 0)
				j++;
		else if (lone_pair(v, k, i, n))
			j = i + 2;
		snprintf(g[ngr].counts, sizeof g[ngr].counts, "%s",
			 f->mean.head);
		g[ngr].unit = f->mean.unit;
		for (; i < j; i++)
			v[k[i].fig].group = ngr;
		ngr++;
	}
	/* a thing counted in two senses: say which */
	for (i = 0; i + 1 < n; i++) {
		const struct fa_fig *x = &v[k[i].fig], *y = &v[k[i + 1].fig];

		if (x->group != y->group &&
		    strcmp(x->mean.head, y->mean.head) == 0 &&
		    x->mean.unit == y->mean.unit) {
			if (k[i].ev >= 0)
				name_sense(&g[x->group], r->evname[k[i].ev]);
			if (k[i + 1].ev >= 0)
				name_sense(&g[y->group],
					   r->evname[k[i + 1].ev]);
		}
	}
	ngr = match_and_mark(r, v, n, g, ngr);
	for (i = 0; i < n; i++)
		evs[k[i].fig] = k[i].ev;
	fa_join_leftovers(v, evs, sure, n, g, ngr);
	ngr = drop_empty(v, n, g, ngr, remap);
	/* groups by name */
	{
		struct fa_group *s = xcalloc(ngr + 1, sizeof *s);

		for (i = 0; i < ngr; i++) {
			s[i] = g[i];
			s[i].unit = (const char *)(uintptr_t)i; /* old index */
		}
		xqsort(s, ngr, sizeof *s, group_cmp);
		for (i = 0; i < ngr; i++) {
			size_t old = (size_t)(uintptr_t)s[i].unit;

			remap[old] = i;
			s[i].unit = g[old].unit;
		}
		for (i = 0; i < n; i++)
			v[i].group = remap[v[i].group];
		free(g);
		g = s;
	}
	fa_clause_free(&clause);
	free(whole);
	free(evs);
	free(sure);
	free(k);
	free(remap);
	*ng = ngr;
	return g;
}
