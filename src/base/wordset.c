/* wordset: open addressing over (word, flags), hashed and compared with
 * ASCII letters folded to lower case. */
#include "brief/base/wordset.h"

#include <stdint.h>
#include <stdlib.h>

#include "brief/base/alloc.h"

struct slot {
	const char *s;  /* NULL: empty */
	size_t n;
	uint64_t h;
	unsigned flags;
};

struct wordset {
	struct slot *v;
	size_t cap;  /* a power of two */
	size_t n;
};

static unsigned char fold(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c | 0x20) : c;
}

/* FNV-1a of the folded bytes. */
static uint64_t fold_hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= fold((unsigned char)s[i]);
		h *= 1099511628211ULL;
	}
	return h;
}

static int same(const struct slot *sl, const char *s, size_t n, uint64_t h)
{
	size_t i;

	if (sl->h != h || sl->n != n)
		return 0;
	for (i = 0; i < n; i++)
		if (fold((unsigned char)sl->s[i]) != fold((unsigned char)s[i]))
			return 0;
	return 1;
}

/* The slot of the word, or the empty slot where it would go. */
static struct slot *find(const struct wordset *ws, const char *s, size_t n,
			 uint64_t h)
{
	size_t mask = ws->cap - 1, i = (size_t)(h ^ (h >> 29)) & mask;

	while (ws->v[i].s != NULL && !same(&ws->v[i], s, n, h))
		i = (i + 1) & mask;
	return &ws->v[i];
}

struct wordset *wordset_new(void)
{
	struct wordset *ws = xcalloc(1, sizeof *ws);

	ws->cap = 64;
	ws->v = xcalloc(ws->cap, sizeof *ws->v);
	return ws;
}

void wordset_free(struct wordset *ws)
{
	if (ws == NULL)
		return;
	free(ws->v);
	free(ws);
}

/* Twice the slots, the words placed again. */
static void grow(struct wordset *ws)
{
	struct slot *old = ws->v;
	size_t oldcap = ws->cap, i;

	ws->cap *= 2;
	ws->v = xcalloc(ws->cap, sizeof *ws->v);
	for (i = 0; i < oldcap; i++)
		if (old[i].s != NULL)
			*find(ws, old[i].s, old[i].n, old[i].h) = old[i];
	free(old);
}

unsigned wordset_add(struct wordset *ws, const char *s, size_t n,
		     unsigned flags)
{
	uint64_t h = fold_hash(s, n);
	struct slot *sl = find(ws, s, n, h);

	if (sl->s != NULL)
		return sl->flags |= flags;
	sl->s = s;
	sl->n = n;
	sl->h = h;
	sl->flags = flags;
	/* at most half full */
	if (++ws->n * 2 > ws->cap)
		grow(ws);
	return flags;
}

unsigned wordset_get(const struct wordset *ws, const char *s, size_t n)
{
	const struct slot *sl = find(ws, s, n, fold_hash(s, n));

	return sl->s != NULL ? sl->flags : 0;
}

size_t wordset_size(const struct wordset *ws)
{
	return ws->n;
}
