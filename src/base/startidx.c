/* startidx: the positions where a word may begin, by their two bytes
 * (a counting sort over the text). */
#include "brief/base/startidx.h"

#include <stdlib.h>

#include "brief/base/alloc.h"
#include "brief/base/trie.h"

#define NKEYS 65536

struct startidx {
	uint32_t *first; /* [NKEYS + 1]: where each key's positions begin */
	uint32_t *pos;
};

static unsigned key_at(const char *t, size_t p)
{
	return ((unsigned char)t[p] | 0x20u) << 8 | (unsigned char)t[p + 1];
}

/* Does a word begin at p as far as what comes before it goes?  (An
 * ASCII byte before it is read here; any other by trie_word_at.) */
static int may_begin(const char *t, size_t len, size_t p)
{
	unsigned char c;

	if (p == 0)
		return 1;
	c = (unsigned char)t[p - 1];
	if (c < 0x80)
		return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			 (c >= '0' && c <= '9'));
	return !trie_word_at(t, len, p - 1);
}

struct startidx *startidx_new(const char *text, size_t len)
{
	struct startidx *x;
	uint32_t *fill;
	unsigned char *begins;
	size_t p, k;

	if (len > UINT32_MAX)
		return NULL;
	x = xcalloc(1, sizeof *x);
	x->first = xcalloc(NKEYS + 1, sizeof *x->first);
	/* count each key, then place the positions in text order (the
	 * places a word may begin noted in a bitmap on the way) */
	begins = xcalloc(len / 8 + 1, 1);
	for (p = 0; p + 1 < len; p++)
		if (may_begin(text, len, p)) {
			begins[p >> 3] |= (unsigned char)(1u << (p & 7));
			x->first[key_at(text, p) + 1]++;
		}
	for (k = 0; k < NKEYS; k++)
		x->first[k + 1] += x->first[k];
	x->pos = xcalloc(x->first[NKEYS] + 1, sizeof *x->pos);
	fill = xcalloc(NKEYS, sizeof *fill);
	for (p = 0; p + 1 < len; p++)
		if (begins[p >> 3] & (1u << (p & 7))) {
			unsigned key = key_at(text, p);

			x->pos[x->first[key] + fill[key]++] = (uint32_t)p;
		}
	free(fill);
	free(begins);
	return x;
}

void startidx_free(struct startidx *x)
{
	if (x == NULL)
		return;
	free(x->first);
	free(x->pos);
	free(x);
}

const uint32_t *startidx_get(const struct startidx *x, unsigned char c0,
			     unsigned char c1, size_t *n)
{
	unsigned key = (c0 | 0x20u) << 8 | c1;

	*n = x->first[key + 1] - x->first[key];
	return x->pos + x->first[key];
}
