/* fa_match: the figures of one group paired one to one.  A group holds
 * the figures that count one thing in one sense; when each report gives
 * several different figures of it ("200 nautical miles" off the coast,
 * "75 miles" north of the island, "12 miles" from the cutter), each
 * figure of one report is paired with the figure of the other that is
 * nearest in value and whose sentence shares most words with its own,
 * best pairs first, one to one. */
#include "fa_priv.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "brief/base/alloc.h"
#include "brief/base/wordset.h"

/* Beyond this many values on a side the group is left whole (the pairs
 * are counted in squares). */
#define FA_MATCH_MAX 24

/* Words shorter than this are not counted in the sentences' overlap,
 * nor more than FA_WORDS_MAX of them; values that meet count as
 * FA_MEET words. */
#define FA_WORD_MIN 4
#define FA_WORDS_MAX 5
#define FA_MEET 3

/* The sentences of both figures name an actor: the same one counts as
 * this many shared words, another one as this many less. */
#define FA_ACTOR 2

/* An open interval meets another only when their low ends are within
 * this factor. */
#define FA_OPEN_NEAR 1.25

/* At most this many words say what a sum is for. */
#define FA_PURPOSE_MAX 8

struct fa_word {
	const char *s;
	size_t len;
};

/* One value of one report: the figures of the group that hold it. */
struct fa_cluster {
	int side;
	double lo, hi;
	size_t first;            /* index into idx of its first figure */
	size_t pair;             /* the cluster it is paired with, or -1 */
	struct fa_word w[FA_PURPOSE_MAX]; /* what a sum is for */
	size_t nw;
	const char *cur;         /* the currency a sum is written in */
	const struct fa_fig *fig; /* its first figure */
};

/* Sums that differ in two currencies stand for one sum only when their
 * sentences share this many words (the scale word, "million", is often
 * one of them). */
#define FA_CUR_WORDS 3

/* A value to compare by: the middle of an interval, its low end when it
 * is open above, and never 0. */
static double rep(double lo, double hi)
{
	double x = isinf(hi) ? lo : (lo + hi) / 2;

	return x > 1e-9 ? x : 1e-9;
}

/* The next word of s[0, n) (letters and digits) from *p: its start,
 * and *p after it; n when there is none. */
static size_t next_word(const char *s, size_t n, size_t *p)
{
	size_t b = *p;

	while (b < n && !isalnum((unsigned char)s[b]))
		b++;
	*p = b;
	while (*p < n && isalnum((unsigned char)s[*p]))
		(*p)++;
	return b;
}

#define IN_Y 1
#define SEEN 2

/* How many distinct words (of FA_WORD_MIN letters and more, case aside,
 * not beginning with a digit) the sentences of x and y share: y's words
 * go into a set, then x's are looked up there, each once. */
static int overlap(const struct fa_fig *x, const struct fa_fig *y)
{
	struct wordset *ws;
	size_t p = 0, b;
	int k = 0;

	if (x->sent == NULL || y->sent == NULL)
		return 0;
	ws = wordset_new();
	while ((b = next_word(y->sent, y->sent_len, &p)) < y->sent_len)
		if (p - b >= FA_WORD_MIN)
			wordset_add(ws, y->sent + b, p - b, IN_Y);
	p = 0;
	while ((b = next_word(x->sent, x->sent_len, &p)) < x->sent_len) {
		unsigned f;

		if (p - b < FA_WORD_MIN)
			continue;
		f = wordset_get(ws, x->sent + b, p - b);
		if (f == IN_Y && !isdigit((unsigned char)x->sent[b]))
			k++;
		wordset_add(ws, x->sent + b, p - b, SEEN);
	}
	wordset_free(ws);
	return k;
}

int fa_close_meet(double xl, double xh, double yl, double yh)
{
	double a, b;

	if (xh < yl || yh < xl)
		return 0;
	if (!isinf(xh) && !isinf(yh))
		return 1;
	a = rep(xl, xh);
	b = rep(yl, yh);
	return (a > b ? a / b : b / a) <= FA_OPEN_NEAR;
}

/* The words that say what a sum of money is for, after the figure in
 * its sentence up to a stop, a comma or a word of r->purpose_ends ("and",
 * "under": "$2.5 million to replace shelters", "a $10 million appeal for
 * the health programme"): words
 * of FA_WORD_MIN letters and more, not of r->purpose_skip nor with a
 * digit.  Returns how many (at most FA_PURPOSE_MAX) went to w. */
static size_t purpose(const struct figrules_align *r, const struct fa_fig *f,
		      struct fa_word *w)
{
	size_t p = f->at, b, k = 0, prev = f->at;
	uint32_t u;

	if (f->sent == NULL || f->f->kind != FIG_MONEY)
		return 0;
	while (k < FA_PURPOSE_MAX &&
	       (b = next_word(f->sent, f->sent_len, &p)) < f->sent_len) {
		size_t q;
		int digit = 0;

		/* a stop or a comma ends it, not one inside a number */
		if (b > prev && (memchr(f->sent + prev, ';', b - prev) ||
				 memchr(f->sent + prev, ':', b - prev) ||
				 memchr(f->sent + prev, ',', b - prev) ||
				 memchr(f->sent + prev, '.', b - prev)) &&
		    !(b - prev == 1 && prev > f->at &&
		      isdigit((unsigned char)f->sent[prev - 1]) &&
		      isdigit((unsigned char)f->sent[b])))
			return k;
		if (trie_match(r->purpose_ends, f->sent, p, b, &u) == p)
			return k;
		prev = p;
		for (q = b; q < p; q++)
			digit |= isdigit((unsigned char)f->sent[q]);
		if (digit || p - b < FA_WORD_MIN ||
		    trie_match(r->purpose_skip, f->sent, p, b, &u) == p)
			continue;
		w[k].s = f->sent + b;
		w[k++].len = p - b;
	}
	return k;
}

/* May clusters x and y stand for one sum: they share a word of what it
 * is for or one of them does not say; in two currencies, their
 * sentences share FA_CUR_WORDS words besides ("the drill will cost")?
 * (Asked only of sums that differ: the same sum told in other words is
 * one; two sums that differ in two currencies in sentences of their own,
 * "Rs 1,800 crore" for a launch complex and "$78 billion" of budget,
 * are two sums, not one misreported.) */
static int same_purpose(const struct fa_cluster *x, const struct fa_cluster *y)
{
	size_t i, j;

	if (x->cur && y->cur && strcmp(x->cur, y->cur) != 0 &&
	    overlap(x->fig, y->fig) < FA_CUR_WORDS)
		return 0;
	if (x->nw == 0 || y->nw == 0)
		return 1;
	for (i = 0; i < x->nw; i++)
		for (j = 0; j < y->nw; j++)
			if (x->w[i].len == y->w[j].len &&
			    strncasecmp(x->w[i].s, y->w[j].s, x->w[i].len) == 0)
				return 1;
	return 0;
}

/* How well clusters x and y of the two reports go together: the words
 * their sentences share (up to FA_WORDS_MAX), their actors (the same one
 * or another, when both are named), and values that meet, else less the
 * distance of their values (a factor of e costs 4 words). */
static double pair_score(const struct fa_fig *v, const size_t *idx,
			 const struct fa_cluster *x,
			 const struct fa_cluster *y)
{
	const struct fa_fig *fx = &v[idx[x->first]], *fy = &v[idx[y->first]];
	int w = overlap(fx, fy);

	if (w > FA_WORDS_MAX)
		w = FA_WORDS_MAX;
	if (*fx->actor && *fy->actor)
		w += strcmp(fx->actor, fy->actor) == 0 ? FA_ACTOR : -FA_ACTOR;
	if (fa_close_meet(x->lo, x->hi, y->lo, y->hi))
		return w + FA_MEET;
	if (!same_purpose(x, y))
		return -INFINITY; /* money for two things */
	return w - 4 * fabs(log(rep(x->lo, x->hi) / rep(y->lo, y->hi)));
}

/* The values of the figures idx[0..n) by report: figures of one report
 * whose intervals meet hold one value.  Returns how many (at most max),
 * or max + 1 when there are more; which cluster each figure is in goes
 * to of[]. */
static size_t clusters(const struct fa_fig *v, const size_t *idx, size_t n,
		       struct fa_cluster *c, size_t max, size_t *of)
{
	size_t nc = 0, i, q;

	for (i = 0; i < n; i++) {
		const struct fa_fig *f = &v[idx[i]];

		for (q = 0; q < nc; q++)
			if (c[q].side == f->side &&
			    fa_close_meet(f->mean.lo, f->mean.hi, c[q].lo,
					  c[q].hi))
				break;
		if (q == nc) {
			if (nc == max)
				return max + 1;
			c[nc].side = f->side;
			c[nc].lo = f->mean.lo;
			c[nc].hi = f->mean.hi;
			c[nc].first = i;
			c[nc].pair = (size_t)-1;
			nc++;
		}
		of[i] = q;
	}
	return nc;
}

void fa_match_group(const struct figrules_align *r, struct fa_fig *v,
		    const size_t *idx, size_t n, size_t *next)
{
	struct fa_cluster c[2 * FA_MATCH_MAX];
	double score[2 * FA_MATCH_MAX][2 * FA_MATCH_MAX];
	size_t *of = xcalloc(n + 1, sizeof *of), nc, i, j, side[2] = {0, 0};
	size_t *group;

	nc = clusters(v, idx, n, c, 2 * FA_MATCH_MAX, of);
	if (nc > 2 * FA_MATCH_MAX) {
		free(of);
		return;
	}
	for (i = 0; i < nc; i++) {
		side[c[i].side ? 1 : 0]++;
		c[i].nw = purpose(r, &v[idx[c[i].first]], c[i].w);
		c[i].fig = &v[idx[c[i].first]];
		c[i].cur = v[idx[c[i].first]].f->kind == FIG_MONEY
				   ? v[idx[c[i].first]].f->currency
				   : NULL;
	}
	/* one value on each side: one pair, unless they are sums for two
	 * things */
	if (!side[0] || !side[1] ||
	    (side[0] + side[1] < 3 &&
	     (same_purpose(&c[0], &c[1]) ||
	      fa_close_meet(c[0].lo, c[0].hi, c[1].lo, c[1].hi)))) {
		free(of);
		return;
	}
	/* the score of each pair, once */
	for (i = 0; i < nc; i++)
		for (j = 0; j < nc; j++)
			if (!c[i].side && c[j].side)
				score[i][j] = pair_score(v, idx, &c[i], &c[j]);
	/* best pair first, one to one */
	for (;;) {
		double best = -INFINITY;
		size_t bi = 0, bj = 0;

		for (i = 0; i < nc; i++)
			for (j = 0; j < nc; j++) {
				double s;

				if (c[i].side || !c[j].side ||
				    c[i].pair != (size_t)-1 ||
				    c[j].pair != (size_t)-1)
					continue;
				s = score[i][j];
				if (s > best) {
					best = s;
					bi = i;
					bj = j;
				}
			}
		if (best == -INFINITY)
			break;
		c[bi].pair = bj;
		c[bj].pair = bi;
	}
	/* the first pair keeps the group; every other pair and every
	 * cluster left alone takes a new one */
	group = xcalloc(nc + 1, sizeof *group);
	for (i = 0; i < nc; i++)
		group[i] = (size_t)-1;
	for (i = 0; i < nc; i++) {
		size_t g;

		if (group[i] != (size_t)-1)
			continue;
		g = i == of[0] ? v[idx[0]].group : (*next)++;
		group[i] = g;
		if (c[i].pair < nc)
			group[c[i].pair] = g;
	}
	for (i = 0; i < n; i++)
		v[idx[i]].group = group[of[i]];
	free(group);
	free(of);
}
