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

/* Does a word begin at p with an ASCII letter or digit?  (The byte
 * before it, when not ASCII, is read by trie_word_at.) */
static int may_begin(const char *t, size_t len, size_t p)
{
	unsigned char c;

	if (!ascii_alnum((unsigned char)t[p]))
		return 0;
	if (p == 0)
		return 1;
	c = (unsigned char)t[p - 1];
	if (c < 0x80)
		return !ascii_alnum(c);
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
	x->next = xcalloc(x->first[NKEYS] + 1, sizeof *x->next);
	fill = xcalloc(NKEYS, sizeof *fill);
	for (p = 0; p + 1 < len; p++)
		if (begins[p >> 3] & (1u << (p & 7))) {
			unsigned key = key_at(text, p);
			uint32_t at = x->first[key] + fill[key]++, nx = 0;

			for (k = 0; k < 4 && p + 2 + k < len; k++)
				nx |= (uint32_t)(unsigned char)text[p + 2 + k]
				      << (8 * k);
			x->pos[at] = (uint32_t)p;
			x->next[at] = nx;
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
