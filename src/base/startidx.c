/* startidx: the positions where a word begins with an ASCII letter or
 * digit, by their two bytes (a counting sort over the text). */
#include "brief/base/startidx.h"

#include <stdlib.h>

#include "brief/base/alloc.h"
#include "brief/base/trie.h"

#define NKEYS 65536

struct startidx {
	uint32_t *first; /* [NKEYS + 1]: where each key's positions begin */
	uint32_t *pos;
	uint32_t *next;  /* by pos: the 4 bytes after the first two */
};

static unsigned key_at(const char *t, size_t p)
{
	return ((unsigned char)t[p] | 0x20u) << 8 | (unsigned char)t[p + 1];
}

/* (two comparisons, without branches: the text is read byte by byte) */
static int ascii_alnum(unsigned char c)
{
	return ((unsigned)c - '0' < 10u) | ((unsigned)(c | 0x20) - 'a' < 26u);
}

struct startidx *startidx_new(const char *text, size_t len)
{
	const unsigned char *t = (const unsigned char *)text;
	struct startidx *x;
	uint32_t *fill, *at;
	size_t p, k, n = 0, cap = 0;

	if (len > UINT32_MAX)
		return NULL;
	x = xcalloc(1, sizeof *x);
	x->first = xcalloc(NKEYS + 1, sizeof *x->first);
	/* the places, in text order: the first letter or digit of each run
	 * of them, when no word character (trie_word_at rules: a byte
	 * beyond ASCII is read there) comes before it */
	at = NULL;
	for (p = 0; p + 1 < len;) {
		if (!ascii_alnum(t[p])) {
			p++;
			continue;
		}
		if (p == 0 || t[p - 1] < 0x80 ||
		    !trie_word_at(text, len, p - 1)) {
			if (n >= cap)
				at = xgrow(at, &cap, n + 1, sizeof *at);
			at[n++] = (uint32_t)p;
			x->first[key_at(text, p) + 1]++;
		}
		while (p < len && ascii_alnum(t[p]))
			p++;
	}
	/* then by key, in text order within each */
	for (k = 0; k < NKEYS; k++)
		x->first[k + 1] += x->first[k];
	x->pos = xcalloc(n + 1, sizeof *x->pos);
	x->next = xcalloc(n + 1, sizeof *x->next);
	fill = xcalloc(NKEYS, sizeof *fill);
	for (k = 0; k < n; k++) {
		size_t q = at[k], b;
		unsigned key = key_at(text, q);
		uint32_t i = x->first[key] + fill[key]++, nx = 0;

		for (b = 0; b < 4 && q + 2 + b < len; b++)
			nx |= (uint32_t)t[q + 2 + b] << (8 * b);
		x->pos[i] = (uint32_t)q;
		x->next[i] = nx;
	}
	free(fill);
	free(at);
	return x;
}

void startidx_free(struct startidx *x)
{
	if (x == NULL)
		return;
	free(x->first);
	free(x->pos);
	free(x->next);
	free(x);
}

const uint32_t *startidx_get(const struct startidx *x, unsigned char c0,
			     unsigned char c1, size_t *n)
{
	unsigned key = (c0 | 0x20u) << 8 | c1;

	*n = x->first[key + 1] - x->first[key];
	return x->pos + x->first[key];
}

const uint32_t *startidx_next(const struct startidx *x, unsigned char c0,
			      unsigned char c1)
{
	return x->next + x->first[(c0 | 0x20u) << 8 | c1];
}
