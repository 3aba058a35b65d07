/* quote_match: the same statement quoted in both reports, found by its
 * words (a near-identical wording, or one quote inside the other). */
#include "brief/compare/quotes.h"

#include <stdlib.h>
#include <string.h>

#include "brief/base/hash.h"
#include "brief/base/sort.h"
#include "brief/base/trie.h"

/* The words of a quote, each as the hash of its lower-case form, and a
 * 256-bit signature of them (a word's bit is set). */
#define SIG_WORDS 4
struct words {
	uint64_t *h;
	size_t n;
	uint64_t sig[SIG_WORDS];
	uint64_t all;            /* the hash of the whole sequence */
};

/* Words beyond this many are not compared (a long passage is matched by
 * its start). */
#define WORDS_MAX 300
/* The share of the shorter quote's words, in order, that the longer one
 * must hold: 4 in 5. */
#define SHARE_NUM 4
#define SHARE_DEN 5
/* A quote shorter than this many words matches only the same words (a
 * word quoted alone is no statement: "harshest"). */
#define MIN_WORDS 4

static void words_of(const char *t, size_t s, size_t e, struct words *w)
{
	size_t p = s, cap = 0;

	memset(w, 0, sizeof *w);
	while (p < e && w->n < WORDS_MAX) {
		char low[64];
		size_t k = 0;

		if (!trie_word_at(t, e, p)) {
			p++;
			continue;
		}
		for (; p < e && trie_word_at(t, e, p); p++)
			if (k < sizeof low)
				low[k++] = t[p] >= 'A' && t[p] <= 'Z'
						   ? (char)(t[p] - 'A' + 'a')
						   : t[p];
		w->h = xgrow(w->h, &cap, w->n + 1, sizeof *w->h);
		w->h[w->n] = hash_bytes(low, k);
		w->sig[(w->h[w->n] >> 6) % SIG_WORDS] |=
			(uint64_t)1 << (w->h[w->n] & 63);
		w->n++;
	}
	w->all = w->n ? hash_bytes(w->h, w->n * sizeof *w->h) : 0;
}

/* The bits set in x, counted in parallel (no loop over them). */
static size_t popcount64(uint64_t x)
{
	x = x - ((x >> 1) & 0x5555555555555555ULL);
	x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
	x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
	return (size_t)((x * 0x0101010101010101ULL) >> 56);
}

/* The longest common subsequence of the words of x and y (two rows of
 * at most WORDS_MAX + 1 counts). */
static size_t common_words(const struct words *x, const struct words *y)
{
	size_t rows[2][WORDS_MAX + 1], *prev = rows[0], *cur = rows[1];
	size_t i, j;

	memset(rows, 0, sizeof rows);
	for (i = 0; i < x->n; i++) {
		size_t *t;

		for (j = 0; j < y->n; j++)
			cur[j + 1] = x->h[i] == y->h[j] ? prev[j] + 1
				     : prev[j + 1] > cur[j] ? prev[j + 1]
							     : cur[j];
		t = prev;
		prev = cur;
		cur = t;
	}
	return prev[y->n];
}

/* How alike x and y are as one statement: the words they share in order,
 * or 0 when they are two statements. */
static size_t alike(const struct words *x, const struct words *y)
{
	const struct words *s = x->n <= y->n ? x : y;
	const struct words *l = s == x ? y : x;
	size_t need = (s->n * SHARE_NUM + SHARE_DEN - 1) / SHARE_DEN, c, i;
	size_t miss = 0;

	if (s->n == 0)
		return 0;
	/* each word of the shorter missing from the longer sets at most one
	 * bit the longer lacks: too many such bits, too many missing */
	for (i = 0; i < SIG_WORDS; i++)
		miss += popcount64(s->sig[i] & ~l->sig[i]);
	if (miss > s->n - need)
		return 0;
	c = common_words(s, l);
	if (c < need || (s->n < MIN_WORDS && c != l->n))
		return 0;
	return c;
}

int quotes_same(const char *x, size_t nx, const char *y, size_t ny)
{
	struct words wx, wy;
	int r;

	words_of(x, 0, nx, &wx);
	words_of(y, 0, ny, &wy);
	r = alike(&wx, &wy) > 0;
	free(wx.h);
	free(wy.h);
	return r;
}

static int attributed(const struct quote *q)
{
	return strcmp(q->speaker_text, "unattributed") != 0;
}

const char *quote_row_speaker(const struct quote_row *r)
{
	if (r->q[0] && (r->q[1] == NULL || attributed(r->q[0])))
		return r->q[0]->speaker_text;
	return r->q[1]->speaker_text;
}

int quote_row_speakers_differ(const struct quote_row *r)
{
	return r->q[0] && r->q[1] && attributed(r->q[0]) &&
	       attributed(r->q[1]) &&
	       strcmp(r->q[0]->speaker_text, r->q[1]->speaker_text) != 0;
}

const struct quote *quote_row_text(const struct quote_row *r, int *side)
{
	int s = r->q[0] == NULL ||
		(r->q[1] && r->q[1]->end - r->q[1]->start >
				    r->q[0]->end - r->q[0]->start);

	*side = s;
	return r->q[s];
}

/* Sorting quotes by their words, to find the copies of each. */
static const struct words *sort_words;

static int by_words(const void *a, const void *b)
{
	const struct words *x = &sort_words[*(const size_t *)a];
	const struct words *y = &sort_words[*(const size_t *)b];

	if (x->all != y->all)
		return x->all < y->all ? -1 : 1;
	if (x->n != y->n)
		return x->n < y->n ? -1 : 1;
	return *(const size_t *)a < *(const size_t *)b ? -1 : 1;
}

/* For each quote, the one before it with the same words, else
 * itself (a fresh array).  *order, when asked for: the quotes by their
 * words (by_words), a fresh array. */
static size_t *copies(const struct words *w, size_t n, size_t **order)
{
	size_t *ix = xcalloc(n + 1, sizeof *ix), *prev = xcalloc(n + 1,
							   sizeof *prev);
	size_t i;

	for (i = 0; i < n; i++)
		ix[i] = prev[i] = i;
	sort_words = w;
	xqsort(ix, n, sizeof *ix, by_words);
	for (i = 1; i < n; i++)
		if (w[ix[i]].all == w[ix[i - 1]].all &&
		    w[ix[i]].n == w[ix[i - 1]].n)
			prev[ix[i]] = ix[i - 1];
	if (order)
		*order = ix;
	else
		free(ix);
	return prev;
}

/* The first of the n quotes w in order (by_words) whose words hash as
 * x's do, by their count and sequence: its place in order (n when
 * none). */
static size_t first_alike_hash(const struct words *w, const size_t *order,
			       size_t n, const struct words *x)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct words *y = &w[order[mid]];

		if (y->all < x->all || (y->all == x->all && y->n < x->n))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int row_cmp(const void *a, const void *b)
{
	const struct quote_row *x = a, *y = b;
	const struct quote *fx = x->q[0] ? x->q[0] : x->q[1];
	const struct quote *fy = y->q[0] ? y->q[0] : y->q[1];
	int c = strcmp(quote_row_speaker(x), quote_row_speaker(y));

	if (c)
		return c;
	if (fx->report != fy->report)
		return fx->report - fy->report;
	return fx->start < fy->start ? -1 : fx->start > fy->start;
}

struct quote_row *quotes_rows(const struct quote *a, size_t na,
			      const char *ta, const struct quote *b,
			      size_t nb, const char *tb, size_t *n)
{
	struct words *wa = xcalloc(na + 1, sizeof *wa);
	struct words *wb = xcalloc(nb + 1, sizeof *wb);
	char *taken = xcalloc(nb + 1, 1), *adone = xcalloc(na + 1, 1);
	struct quote_row *v = xcalloc(na + nb + 1, sizeof *v);
	size_t i, j, k = 0, *prev, *aprev, *border, o;

	for (i = 0; i < na; i++)
		words_of(ta, a[i].start, a[i].end, &wa[i]);
	for (j = 0; j < nb; j++)
		words_of(tb, b[j].start, b[j].end, &wb[j]);
	prev = copies(wb, nb, &border);
	aprev = copies(wa, na, NULL);
	/* the same words first: cheap, and most of a long pair's matches;
	 * B's quotes of the same hashes are next to each other in border,
	 * in their own order, and the first untaken one with the same
	 * words is taken */
	for (i = 0; i < na; i++) {
		if (wa[i].n == 0)
			continue;
		for (o = first_alike_hash(wb, border, nb, &wa[i]);
		     o < nb && wb[border[o]].all == wa[i].all &&
		     wb[border[o]].n == wa[i].n;
		     o++) {
			j = border[o];
			if (!taken[j] && memcmp(wa[i].h, wb[j].h,
						wa[i].n * sizeof *wa[i].h) == 0) {
				taken[j] = 1;
				v[k].q[0] = &a[i];
				v[k++].q[1] = &b[j];
				adone[i] = 1;
				break;
			}
		}
	}
	/* each other quote of A takes the unmatched quote of B most like
	 * it (a short quote matches only the same words: done above) */
	for (i = 0; i < na; i++) {
		size_t best = 0, bj = nb;

		if (adone[i])
			continue;
		/* a copy of a quote that found none finds none */
		for (j = aprev[i] != i && adone[aprev[i]] == 2 ? nb : 0;
		     j < nb && wa[i].n >= MIN_WORDS; j++) {
			size_t c;

			/* a copy of an untaken quote already weighed can
			 * be no better */
			if (taken[j] || wb[j].n < MIN_WORDS ||
			    (prev[j] != j && !taken[prev[j]]) ||
			    (c = alike(&wa[i], &wb[j])) <= best)
				continue;
			best = c;
			bj = j;
		}
		v[k].q[0] = &a[i];
		adone[i] = bj < nb ? 1 : 2;
		if (bj < nb) {
			taken[bj] = 1;
			v[k].q[1] = &b[bj];
		}
		k++;
	}
	for (j = 0; j < nb; j++)
		if (!taken[j])
			v[k++].q[1] = &b[j];
	xqsort(v, k, sizeof *v, row_cmp);
	for (i = 0; i < na; i++)
		free(wa[i].h);
	for (j = 0; j < nb; j++)
		free(wb[j].h);
	free(wa);
	free(wb);
	free(taken);
	free(adone);
	free(prev);
	free(aprev);
	free(border);
	*n = k;
	return v;
}
