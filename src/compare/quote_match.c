/* quote_match: the same statement quoted in both reports, found by its
 * words (a near-identical wording, or one quote inside the other). */
#include "brief/compare/quotes.h"

#include <stdlib.h>
#include <string.h>

#include "brief/base/hash.h"
#include "brief/base/sort.h"
#include "brief/base/trie.h"

/* The words of a quote, each as the hash of its lower-case form, and a
 * 64-bit signature of them (a word's bit is set). */
struct words {
	uint64_t *h;
	size_t n;
	uint64_t sig;
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
		w->sig |= (uint64_t)1 << (w->h[w->n] & 63);
		w->n++;
	}
}

static size_t popcount64(uint64_t x)
{
	size_t n = 0;

	for (; x; x &= x - 1)
		n++;
	return n;
}

/* The longest common subsequence of the words of x and y. */
static size_t common_words(const struct words *x, const struct words *y)
{
	size_t *prev = xcalloc(y->n + 1, sizeof *prev);
	size_t *cur = xcalloc(y->n + 1, sizeof *cur);
	size_t i, j, r;

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
	r = prev[y->n];
	free(prev);
	free(cur);
	return r;
}

/* How alike x and y are as one statement: the words they share in order,
 * or 0 when they are two statements. */
static size_t alike(const struct words *x, const struct words *y)
{
	const struct words *s = x->n <= y->n ? x : y;
	const struct words *l = s == x ? y : x;
	size_t need = (s->n * SHARE_NUM + SHARE_DEN - 1) / SHARE_DEN, c;

	if (s->n == 0)
		return 0;
	/* each word of the shorter missing from the longer sets at most one
	 * bit the longer lacks: too many such bits, too many missing */
	if (popcount64(s->sig & ~l->sig) > s->n - need)
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
	char *taken = xcalloc(nb + 1, 1);
	struct quote_row *v = xcalloc(na + nb + 1, sizeof *v);
	size_t i, j, k = 0;

	for (i = 0; i < na; i++)
		words_of(ta, a[i].start, a[i].end, &wa[i]);
	for (j = 0; j < nb; j++)
		words_of(tb, b[j].start, b[j].end, &wb[j]);
	/* each quote of A takes the unmatched quote of B most like it */
	for (i = 0; i < na; i++) {
		size_t best = 0, bj = nb;

		for (j = 0; j < nb; j++) {
			size_t c;

			if (taken[j] || (c = alike(&wa[i], &wb[j])) <= best)
				continue;
			best = c;
			bj = j;
		}
		v[k].q[0] = &a[i];
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
	*n = k;
	return v;
}
