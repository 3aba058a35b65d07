/* fa_leftover: figures that the senses left alone, aligned after all.
 * A sentence's event is read from its words and is sometimes misread
 * ("the Initiative's reach", "assets and needs"), or one report gives a
 * count with no event where the other gives one.  Two reports of one
 * event that give the same count of one thing give it of one fact: a
 * group that holds figures of one report only joins such groups of the
 * other report when all give exactly the same value ("18 new members" /
 * "eighteen new members"), or, of a thing that each report counts in one
 * such group only, when their values meet ("nearly seventy" / "68").
 * Unless a report tells of the other's sense itself: "two peacekeepers
 * were killed and 24 people were wounded" beside "24 people killed"
 * counts the killed apart. */
#include "fa_priv.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "brief/base/alloc.h"
#include "brief/base/sort.h"

/* Beyond this many groups of one report alone, a thing's groups are left
 * as they are (they are compared in pairs). */
#define FA_LEFT_MAX 32

/* What one group holds. */
struct fa_lgroup {
	int sides;               /* bit 0: report A, bit 1: report B */
	size_t first;            /* its first figure */
	uint32_t evs;            /* its figures' events, a bit each */
	uint32_t sure;           /* those read for sure */
	int exact;               /* all its figures give one exact value */
	int kind;                /* all its figures are counts, sums or */
				 /* shares (not dates, ordinals, tallies) */
	double lo, hi;           /* the interval of all its figures */
	size_t nfig;             /* how many figures it holds */
	size_t root;             /* union-find: the group it joined */
};

static size_t root_of(struct fa_lgroup *l, size_t g)
{
	while (l[g].root != g)
		g = l[g].root = l[l[g].root].root;
	return g;
}

static int same_unit(const char *x, const char *y)
{
	return x == y || (x && y && strcmp(x, y) == 0);
}

/* Do the groups x and y count one thing in one unit? */
static int same_thing(const struct fa_fig *v, const struct fa_lgroup *x,
		      const struct fa_lgroup *y)
{
	const struct fa_meaning *a = &v[x->first].mean, *b = &v[y->first].mean;

	return strcmp(a->head, b->head) == 0 && same_unit(a->unit, b->unit);
}

/* May x (figures of one report) and y (of the other) be one fact: are
 * their events not both read for sure and different ("five soldiers
 * were killed" / "five soldiers were wounded"), and does neither report
 * tell of a sense of the other group that its own group lacks (told[s]:
 * the events of report s)? */
static int may_join(const struct fa_lgroup *x, const struct fa_lgroup *y,
		    const uint32_t *told)
{
	int sx = x->sides == 2, sy = y->sides == 2;

	if (sx == sy || !x->kind || !y->kind ||
	    (x->sure && y->sure && !(x->sure & y->sure)))
		return 0;
	return !(told[sx] & y->evs & ~x->evs) && !(told[sy] & x->evs & ~y->evs);
}

static const struct fa_lgroup *sort_l;
static const struct fa_fig *sort_v;

/* By thing and unit, then by report, then by value. */
static int left_cmp(const void *a, const void *b)
{
	const struct fa_lgroup *x = &sort_l[*(const size_t *)a];
	const struct fa_lgroup *y = &sort_l[*(const size_t *)b];
	const struct fa_meaning *mx = &sort_v[x->first].mean;
	const struct fa_meaning *my = &sort_v[y->first].mean;
	int c = strcmp(mx->head, my->head);

	if (c)
		return c;
	c = strcmp(mx->unit ? mx->unit : "", my->unit ? my->unit : "");
	if (c)
		return c;
	if (x->sides != y->sides)
		return x->sides - y->sides;
	return (x->lo > y->lo) - (x->lo < y->lo);
}

/* Join the groups of one report alone in o[0..m) (one thing, sorted by
 * report). */
static void join_run(struct fa_lgroup *l, const size_t *o, size_t m,
		     const uint32_t *told)
{
	size_t i, j, left[2] = {0, 0}, last[2] = {0, 0};
	int joined[FA_LEFT_MAX];

	if (m > FA_LEFT_MAX)
		return;
	memset(joined, 0, sizeof joined);
	for (i = 0; i < m; i++)
		for (j = i + 1; j < m; j++) {
			struct fa_lgroup *x = &l[o[i]], *y = &l[o[j]];

			if (x->exact && y->exact && x->lo == y->lo &&
			    may_join(x, y, told)) {
				l[root_of(l, o[j])].root = root_of(l, o[i]);
				joined[i] = joined[j] = 1;
			}
		}
	for (i = 0; i < m; i++)
		if (!joined[i]) {
			int s = l[o[i]].sides == 2;

			left[s]++;
			last[s] = i;
		}
	if (left[0] == 1 && left[1] == 1) {
		struct fa_lgroup *x = &l[o[last[0]]], *y = &l[o[last[1]]];

		if (fa_close_meet(x->lo, x->hi, y->lo, y->hi) &&
		    may_join(x, y, told))
			l[root_of(l, o[last[1]])].root = root_of(l, o[last[0]]);
	}
}

/* Is l[g] a share ("two-fifths", "40 percent") of one figure (not
 * "more than half of the vote and half of the seats") that no other
 * group has joined and that has joined none? */
static int lone_share(const struct fa_fig *v, struct fa_lgroup *l,
		      const size_t *o, size_t m, size_t g)
{
	size_t q;

	if (!l[g].kind || l[g].nfig != 1 ||
	    v[l[g].first].f->kind != FIG_PERCENT ||
	    root_of(l, g) != g)
		return 0;
	for (q = 0; q < m; q++)
		if (o[q] != g && root_of(l, o[q]) == g)
			return 0;
	return 1;
}

/* A share's counted thing is read from words that vary most ("two-fifths
 * of the city's produce", "about 40 percent of its food"): the shares of
 * one report left alone join those of the other whose values meet, when
 * each meets exactly one share of the other report so, and one of the two
 * at least is given loosely (approximated or open); two exact shares of
 * things named apart ("a third of the budget", "a third of the
 * territory") stay apart. */
static void join_shares(const struct fa_fig *v, struct fa_lgroup *l,
			const size_t *o, size_t m, const uint32_t *told)
{
	size_t i, j, q, *mate = xcalloc(m + 1, sizeof *mate);
	char *share = xcalloc(m + 1, 1);

	for (i = 0; i < m; i++)
		share[i] = (char)lone_share(v, l, o, m, o[i]);
	for (i = 0; i < m; i++) {
		size_t k = 0;

		mate[i] = (size_t)-1;
		for (j = 0; share[i] && j < m; j++)
			if (share[j] && l[o[j]].sides != l[o[i]].sides &&
			    !(l[o[i]].exact && l[o[j]].exact) &&
			    fa_close_meet(l[o[i]].lo, l[o[i]].hi, l[o[j]].lo,
					  l[o[j]].hi) &&
			    may_join(&l[o[i]], &l[o[j]], told)) {
				mate[i] = j;
				k++;
			}
		if (k != 1)
			mate[i] = (size_t)-1;
	}
	for (i = 0; i < m; i++)
		if ((q = mate[i]) != (size_t)-1 && mate[q] == i && i < q)
			l[o[q]].root = o[i];
	free(mate);
	free(share);
}

void fa_join_leftovers(struct fa_fig *v, const int *ev, const char *sure,
		       size_t n, struct fa_group *g, size_t ngr)
{
	struct fa_lgroup *l = xcalloc(ngr + 1, sizeof *l);
	size_t *o = xcalloc(ngr + 1, sizeof *o), i, j, m = 0;
	uint32_t told[2] = {0, 0};

	for (i = 0; i < ngr; i++) {
		l[i].root = i;
		l[i].first = (size_t)-1;
		l[i].exact = l[i].kind = 1;
	}
	for (i = 0; i < n; i++) {
		struct fa_lgroup *x = &l[v[i].group];
		enum fig_kind k = v[i].f->kind;

		x->sides |= v[i].side ? 2 : 1;
		x->nfig++;
		if (ev[i] >= 0) {
			x->evs |= 1u << ev[i];
			if (sure[i])
				x->sure |= 1u << ev[i];
			told[v[i].side ? 1 : 0] |= 1u << ev[i];
		}
		if (k != FIG_COUNT && k != FIG_MONEY && k != FIG_PERCENT)
			x->kind = 0;
		if (x->first == (size_t)-1) {
			x->first = i;
			x->lo = v[i].mean.lo;
			x->hi = v[i].mean.hi;
		} else {
			x->exact &= v[i].mean.lo == x->lo && x->lo == x->hi;
			x->lo = fmin(x->lo, v[i].mean.lo);
			x->hi = fmax(x->hi, v[i].mean.hi);
		}
		x->exact &= v[i].mean.lo == v[i].mean.hi;
		if (strcmp(v[i].mean.head, FA_POINT) == 0)
			x->kind = 0;
	}
	for (i = 0; i < ngr; i++)
		if (l[i].first != (size_t)-1 && l[i].sides != 3 && l[i].kind)
			o[m++] = i;
	sort_l = l;
	sort_v = v;
	xqsort(o, m, sizeof *o, left_cmp);
	for (i = 0; i < m; i = j) {
		for (j = i + 1; j < m && same_thing(v, &l[o[i]], &l[o[j]]); j++)
			;
		join_run(l, o + i, j - i, told);
	}
	join_shares(v, l, o, m, told);
	for (i = 0; i < n; i++) {
		size_t t = root_of(l, v[i].group);

		if (t != v[i].group) {
			/* the groups joined agree: their name is the thing's,
			 * not one sense of it */
			snprintf(g[t].counts, sizeof g[t].counts, "%s",
				 v[i].mean.head);
			g[t].disagree = 0;
		}
		v[i].group = t;
	}
	free(o);
	free(l);
}
