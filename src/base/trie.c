/* trie: a byte trie with a direct root table, for literal aliases. */
#include "brief/base/trie.h"

#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "brief/base/utf8.h"
#include "brief/base/util.h"

struct node {
	uint32_t value;      /* value + 1, 0 = not an entry */
	uint32_t only;       /* the child when there is exactly one */
	unsigned char only_byte;
	unsigned char nchild; /* 0, 1, or 2 for "two or more: hashed" */
};

/* Transitions live in one open-addressing hash table keyed by (node,
 * byte); two roots (exact and ASCII-folded) hang off a direct table.  A
 * bitmap of the first two bytes of every entry rejects most word starts
 * before any walking. */
struct edge {
	uint32_t from;       /* 0 = empty slot */
	uint32_t to;
	unsigned char byte;
};

struct trie {
	struct node *nodes;
	size_t n, cap;
	struct edge *edges;
	size_t nedges, edge_slots;
	uint32_t root[2][256];
	unsigned char single[256];   /* a one-byte entry starts with it */
	unsigned char *pair;         /* 65536 bits */
	size_t entries;
	uint64_t *keys[2];           /* trie_key of every entry, exact and
				      * folded apart */
	uint32_t *raw;               /* the bytes under each exact key */
	size_t nkeys[2], kcap[2], rawcap;
	int lent; /* nodes, edges, pair, keys and raw point into a loaded
		   * cache (trie_load): not freed, copied before a change */
};

struct trie *trie_new(void)
{
	struct trie *t = xcalloc(1, sizeof *t);

	/* small until used: every article has a trie of what it taught the
	 * highlighter, and most stay empty (the edge table and the pair
	 * bitmap come with the first entries that need them) */
	t->n = 1; /* node 0 is unused: 0 means "none" */
	t->nodes = xgrow(NULL, &t->cap, 4, sizeof *t->nodes);
	memset(t->nodes, 0, sizeof *t->nodes);
	return t;
}

void trie_free(struct trie *t)
{
	if (t == NULL)
		return;
	if (t->lent) {
		free(t);
		return;
	}
	free(t->nodes);
	free(t->edges);
	free(t->pair);
	free(t->keys[0]);
	free(t->keys[1]);
	free(t->raw);
	free(t);
}

size_t trie_size(const struct trie *t)
{
	return t->entries;
}

static size_t edge_slot(const struct edge *edges, size_t slots,
			uint32_t from, unsigned char b)
{
	size_t i = ((size_t)from * 2654435761u + b * 40503u) & (slots - 1);

	while (edges[i].from && !(edges[i].from == from && edges[i].byte == b))
		i = (i + 1) & (slots - 1);
	return i;
}

static inline uint32_t child(const struct trie *t, uint32_t nd,
			     unsigned char b)
{
	const struct node *n = &t->nodes[nd];
	const struct edge *ed;

	/* most nodes of a trie of names have one child: no hashing */
	if (n->nchild < 2)
		return n->nchild && n->only_byte == b ? n->only : 0;
	ed = &t->edges[edge_slot(t->edges, t->edge_slots, nd, b)];
	return ed->from ? ed->to : 0;
}

static uint32_t new_node(struct trie *t)
{
	t->nodes = xgrow(t->nodes, &t->cap, t->n + 1, sizeof *t->nodes);
	memset(&t->nodes[t->n], 0, sizeof t->nodes[t->n]);
	return (uint32_t)t->n++;
}

static void edge_hash(struct trie *t, uint32_t from, unsigned char b,
		      uint32_t to);

static void edge_add(struct trie *t, uint32_t from, unsigned char b,
		     uint32_t to)
{
	struct node *n = &t->nodes[from];

	if (n->nchild == 0) {
		n->nchild = 1;
		n->only = to;
		n->only_byte = b;
		return;
	}
	if (n->nchild == 1) {
		n->nchild = 2;
		edge_hash(t, from, n->only_byte, n->only);
	}
	edge_hash(t, from, b, to);
}

static void edge_hash(struct trie *t, uint32_t from, unsigned char b,
		      uint32_t to)
{
	size_t i;

	if ((t->nedges + 1) * 2 > t->edge_slots) {
		size_t ns = t->edge_slots ? t->edge_slots * 2 : 64, k;
		struct edge *ne = xcalloc(ns, sizeof *ne);

		for (k = 0; k < t->edge_slots; k++)
			if (t->edges[k].from)
				ne[edge_slot(ne, ns, t->edges[k].from,
					     t->edges[k].byte)] = t->edges[k];
		free(t->edges);
		t->edges = ne;
		t->edge_slots = ns;
	}
	i = edge_slot(t->edges, t->edge_slots, from, b);
	t->edges[i].from = from;
	t->edges[i].byte = b;
	t->edges[i].to = to;
	t->nedges++;
}

static int is_ws(unsigned char c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

static unsigned char lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

/* Read one normalised byte of s at *i: apostrophes become '\'', white
 * space runs become one ' ', folded letters become lower case. */
static inline int next_byte(const char *s, size_t n, size_t *i, int fold)
{
	unsigned char c;

	if (*i >= n)
		return -1;
	c = (unsigned char)s[*i];
	if (c > ' ' && c < 0x80) {
		(*i)++;
		return fold ? lower(c) : c;
	}
	if (c == 0xE2 && *i + 2 < n && (unsigned char)s[*i + 1] == 0x80 &&
	    ((unsigned char)s[*i + 2] == 0x99 ||
	     (unsigned char)s[*i + 2] == 0x98)) {
		*i += 3;
		return '\'';
	}
	if (is_ws(c)) {
		while (*i < n && is_ws((unsigned char)s[*i]))
			(*i)++;
		return ' ';
	}
	(*i)++;
	return c;
}

static void set_pair(struct trie *t, unsigned char a, unsigned char b)
{
	unsigned idx = (unsigned)a << 8 | b;

	if (t->pair == NULL)
		t->pair = xcalloc(8192, 1);
	t->pair[idx >> 3] |= (unsigned char)(1u << (idx & 7));
}

/* Every text byte pair that normalises to (a, b). */
static void mark_pair(struct trie *t, int a, int b, int fold)
{
	unsigned char as[2] = {(unsigned char)a, (unsigned char)a};
	unsigned char bs[6];
	size_t nb = 0, i, j;

	if (fold && a >= 'a' && a <= 'z')
		as[1] = (unsigned char)(a - 32);
	bs[nb++] = (unsigned char)b;
	if (fold && b >= 'a' && b <= 'z')
		bs[nb++] = (unsigned char)(b - 32);
	if (b == ' ') {
		bs[nb++] = '\n';
		bs[nb++] = '\t';
		bs[nb++] = '\r';
	}
	if (b == '\'')
		bs[nb++] = 0xE2;
	for (i = 0; i < 2; i++)
		for (j = 0; j < nb; j++)
			set_pair(t, as[i], bs[j]);
	/* a curly apostrophe first: its first two bytes */
	if (a == '\'')
		set_pair(t, 0xE2, 0x80);
}

uint64_t trie_key(const char *s, size_t n, size_t pos)
{
	uint64_t k = 0;
	size_t i = pos, len = 0;

	/* plain ASCII: up to four letters or digits, no normalising;
	 * unrolled where four bytes are there */
	if (pos + 4 <= n) {
#define KEY_BYTE(j)                                                       \
	do {                                                              \
		unsigned char c = (unsigned char)s[pos + (j)];            \
		if (c >= 0x80)                                            \
			goto slow;                                        \
		if (!utf8_ascii_word[c])                                  \
			return k | (uint64_t)((j) + 1) << 32;             \
		k |= (uint64_t)lower(c) << (8 * (j));                     \
	} while (0)
		KEY_BYTE(0);
		KEY_BYTE(1);
		KEY_BYTE(2);
		KEY_BYTE(3);
#undef KEY_BYTE
		return k | (uint64_t)5 << 32;
	}
slow: /* near the end, or non-ASCII: normalised bytes */
	k = 0;
	while (len < 4) {
		int b = next_byte(s, n, &i, 1);

		if (b < 0 || b == ' ' || b == '\'')
			break;
		if (!(b >= 0x80 || (b >= 'a' && b <= 'z') ||
		      (b >= '0' && b <= '9')))
			break;
		k |= (uint64_t)b << (8 * len);
		len++;
	}
	return k | (uint64_t)(len + 1) << 32;
}

const uint64_t *trie_keys(const struct trie *t, int fold, size_t *n)
{
	*n = t->nkeys[fold != 0];
	return t->keys[fold != 0];
}

const uint32_t *trie_raw_keys(const struct trie *t)
{
	return t->raw;
}

uint32_t trie_raw(const char *s, uint64_t key_len)
{
	uint32_t r = 0;
	size_t i, n = key_len > 0 ? (size_t)key_len - 1 : 0;

	for (i = 0; i < n && i < 4; i++)
		r |= (uint32_t)(unsigned char)s[i] << (8 * i);
	return r;
}

uint32_t trie_node_after(const struct trie *t, int fold, uint32_t bytes,
			 size_t n)
{
	size_t i;
	uint32_t nd;

	if (n == 0 || n > 4)
		return 0;
	nd = t->root[fold != 0][bytes & 0xFF];
	for (i = 1; i < n && nd; i++)
		nd = child(t, nd, (unsigned char)(bytes >> (8 * i)));
	return nd;
}

/* A copy of n bytes at p, NULL when n is 0. */
static void *copy_of(const void *p, size_t n)
{
	return n ? memcpy(xmalloc(n), p, n) : NULL;
}

/* A lent trie's arrays made its own, before it is changed. */
static void own(struct trie *t)
{
	t->nodes = copy_of(t->nodes, t->n * sizeof *t->nodes);
	t->edges = copy_of(t->edges, t->edge_slots * sizeof *t->edges);
	t->pair = copy_of(t->pair, t->pair ? 8192 : 0);
	t->keys[0] = copy_of(t->keys[0], t->nkeys[0] * sizeof *t->keys[0]);
	t->keys[1] = copy_of(t->keys[1], t->nkeys[1] * sizeof *t->keys[1]);
	t->raw = copy_of(t->raw, t->nkeys[0] * sizeof *t->raw);
	t->lent = 0;
}

int trie_add(struct trie *t, const char *s, size_t n, uint32_t v, int fold)
{
	size_t i = 0;
	int b = next_byte(s, n, &i, fold), b1 = b, len = 1;
	uint32_t nd;

	if (b < 0)
		return 0;
	if (t->lent)
		own(t);
	nd = t->root[fold][b];
	if (nd == 0) {
		nd = new_node(t);
		t->root[fold][b] = nd;
	}
	while ((b = next_byte(s, n, &i, fold)) >= 0) {
		uint32_t c = child(t, nd, (unsigned char)b);

		if (len++ == 1)
			mark_pair(t, b1, b, fold);
		if (c == 0) {
			c = new_node(t);
			edge_add(t, nd, (unsigned char)b, c);
		}
		nd = c;
	}
	if (len == 1) {
		t->single[b1] = 1;
		if (fold && b1 >= 'a' && b1 <= 'z')
			t->single[b1 - 32] = 1;
		if (b1 == '\'')
			t->single[0xE2] = 1;
	}
	if (t->nodes[nd].value)
		return 0;
	t->nodes[nd].value = v + 1;
	t->entries++;
	fold = fold != 0;
	t->keys[fold] = xgrow(t->keys[fold], &t->kcap[fold], t->nkeys[fold] + 1,
			      sizeof *t->keys[fold]);
	t->keys[fold][t->nkeys[fold]] = trie_key(s, n, 0);
	if (!fold) {
		t->raw = xgrow(t->raw, &t->rawcap, t->nkeys[0] + 1,
			       sizeof *t->raw);
		t->raw[t->nkeys[0]] =
			trie_raw(s, t->keys[0][t->nkeys[0]] >> 32);
	}
	t->nkeys[fold]++;
	return 1;
}

int trie_word_at(const char *text, size_t len, size_t pos)
{
	unsigned char c;
	uint32_t cp;

	if (pos >= len)
		return 0;
	c = (unsigned char)text[pos];
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		       (c >= '0' && c <= '9');
	if ((c & 0xC0) == 0x80)
		return 1; /* inside a character: treat as part of a word */
	utf8_decode(text + pos, len - pos, &cp);
	return iswalnum((wint_t)cp) != 0;
}

/* Is the character ending just before pos a word character? */
int trie_word_before(const char *text, size_t pos)
{
	size_t b = pos;
	uint32_t cp;

	if (pos == 0)
		return 0;
	if ((unsigned char)text[pos - 1] < 0x80)
		return trie_word_at(text, pos, pos - 1);
	while (b > 0 && ((unsigned char)text[b - 1] & 0xC0) == 0x80 &&
	       pos - b < 3)
		b--;
	if (b > 0)
		b--;
	utf8_decode(text + b, pos - b, &cp);
	return iswalnum((wint_t)cp) != 0;
}

int trie_word_start(const char *text, size_t pos, size_t len)
{
	return trie_word_at(text, len, pos) && !trie_word_before(text, pos);
}

int trie_may_start(const struct trie *t, unsigned char c)
{
	return t->single[c] || t->root[0][c] || t->root[1][lower(c)];
}

static inline int may_start2(const struct trie *t, const char *text,
			     size_t len, size_t pos)
{
	unsigned char a = (unsigned char)text[pos];
	unsigned char b = pos + 1 < len ? (unsigned char)text[pos + 1] : 0;
	unsigned idx = (unsigned)a << 8 | b;

	return t->single[a] ||
	       (t->pair != NULL && (t->pair[idx >> 3] >> (idx & 7) & 1));
}

int trie_may_start2(const struct trie *t, const char *text, size_t len,
		    size_t pos)
{
	return may_start2(t, text, len, pos);
}

int trie_inside_word(const char *text, size_t len, size_t pos)
{
	unsigned char a, b;

	if (pos == 0 || pos >= len)
		return 0;
	a = (unsigned char)text[pos - 1];
	b = (unsigned char)text[pos];
	if (a < 0x80 && b < 0x80)
		return utf8_ascii_word[a] && utf8_ascii_word[b];
	return trie_word_before(text, pos) && trie_word_at(text, len, pos);
}

/* From node nd, whose path ends just before text[i]. */
static size_t walk_on(const struct trie *t, int fold, uint32_t nd,
		      const char *text, size_t len, size_t i, uint32_t *v)
{
	size_t best = 0;
	int b;

	while (nd) {
		if (t->nodes[nd].value && !trie_inside_word(text, len, i)) {
			best = i;
			*v = t->nodes[nd].value - 1;
		}
		b = next_byte(text, len, &i, fold);
		if (b < 0)
			break;
		nd = child(t, nd, (unsigned char)b);
	}
	return best;
}

static size_t walk(const struct trie *t, int fold, const char *text,
		   size_t len, size_t pos, uint32_t *v)
{
	size_t i = pos;
	int b = next_byte(text, len, &i, fold);

	if (b < 0)
		return 0;
	return walk_on(t, fold, t->root[fold][b], text, len, i, v);
}

size_t trie_match_from(const struct trie *t, int fold, uint32_t node,
		       const char *text, size_t len, size_t pos, uint32_t *v)
{
	return walk_on(t, fold != 0, node, text, len, pos, v);
}

size_t trie_match_in(const struct trie *t, const char *text, size_t len,
		     size_t pos, unsigned modes, uint32_t *v)
{
	uint32_t ve = 0, vf = 0;
	size_t e = 0, f = 0;

	/* most words begin no entry: the first two bytes tell */
	if (pos >= len || !may_start2(t, text, len, pos))
		return 0;
	if (modes & TRIE_EXACT)
		e = walk(t, 0, text, len, pos, &ve);
	if (modes & TRIE_FOLDED)
		f = walk(t, 1, text, len, pos, &vf);
	if (f > e) {
		*v = vf;
		return f;
	}
	if (e)
		*v = ve;
	return e;
}

size_t trie_match(const struct trie *t, const char *text, size_t len,
		  size_t pos, uint32_t *v)
{
	return trie_match_in(t, text, len, pos, TRIE_EXACT | TRIE_FOLDED, v);
}

void trie_save(const struct trie *t, struct buf *b)
{
	ser_aligned(b, t->nodes, t->n * sizeof *t->nodes);
	ser_aligned(b, t->edges, t->edge_slots * sizeof *t->edges);
	ser_u64(b, t->nedges);
	ser_bytes(b, t->root, sizeof t->root);
	ser_bytes(b, t->single, sizeof t->single);
	ser_aligned(b, t->pair, t->pair ? 8192 : 0);
	ser_u64(b, t->entries);
	ser_aligned(b, t->keys[0], t->nkeys[0] * sizeof *t->keys[0]);
	ser_aligned(b, t->keys[1], t->nkeys[1] * sizeof *t->keys[1]);
	ser_aligned(b, t->raw, t->nkeys[0] * sizeof *t->raw);
}

/* Does every index in t stay inside it, and does every walk end? */
static int trie_sound(const struct trie *t)
{
	size_t i, used = 0;

	if (t->n == 0 || (t->edge_slots & (t->edge_slots - 1)) != 0)
		return 0;
	for (i = 0; i < 2 * 256; i++)
		if (t->root[i / 256][i % 256] >= t->n)
			return 0;
	for (i = 0; i < t->n; i++) {
		const struct node *nd = &t->nodes[i];

		if (nd->nchild > 2 || (nd->nchild == 1 && nd->only >= t->n) ||
		    (nd->nchild == 2 && t->edge_slots == 0))
			return 0;
	}
	for (i = 0; i < t->edge_slots; i++) {
		if (t->edges[i].from == 0)
			continue;
		used++;
		if (t->edges[i].from >= t->n || t->edges[i].to >= t->n)
			return 0;
	}
	/* an empty slot ends every probe */
	return used == t->nedges && (t->edge_slots == 0 || used < t->edge_slots);
}

/* An array of n bytes read at p for t: p itself when t is lent the
 * reader's bytes, else a copy (NULL when n is 0). */
static void *take_array(const struct trie *t, const void *p, size_t n)
{
	if (n == 0)
		return NULL;
	return t->lent ? (void *)(uintptr_t)p : copy_of(p, n);
}

struct trie *trie_load(struct deser *d)
{
	struct trie *t = xcalloc(1, sizeof *t);
	const void *p;
	size_t n;
	int f;

	/* arrays of numbers are read in place only where they are aligned
	 * for them (ser_aligned on an aligned input) */
	t->lent = d->lend && ((uintptr_t)d->p % 8) == 0;
	p = deser_aligned(d, &n, sizeof *t->nodes);
	t->n = t->cap = n / sizeof *t->nodes;
	t->nodes = take_array(t, p, n);
	p = deser_aligned(d, &n, sizeof *t->edges);
	t->edge_slots = n / sizeof *t->edges;
	t->edges = take_array(t, p, n);
	t->nedges = (size_t)deser_u64(d);
	p = deser_bytes(d, &n, 0);
	if (deser_check(d, n == sizeof t->root))
		memcpy(t->root, p, n);
	p = deser_bytes(d, &n, 0);
	if (deser_check(d, n == sizeof t->single))
		memcpy(t->single, p, n);
	p = deser_aligned(d, &n, 0);
	if (deser_check(d, n == 0 || n == 8192))
		t->pair = take_array(t, p, n);
	t->entries = (size_t)deser_u64(d);
	for (f = 0; f < 2; f++) {
		p = deser_aligned(d, &n, sizeof *t->keys[f]);
		t->nkeys[f] = t->kcap[f] = n / sizeof *t->keys[f];
		t->keys[f] = take_array(t, p, n);
	}
	p = deser_aligned(d, &n, sizeof *t->raw);
	if (deser_check(d, n == t->nkeys[0] * sizeof *t->raw))
		t->raw = take_array(t, p, n);
	t->rawcap = t->nkeys[0];
	if (d->bad || !deser_check(d, trie_sound(t))) {
		trie_free(t);
		return NULL;
	}
	return t;
}

size_t trie_node_count(const struct trie *t)
{
	return t->n;
}

int trie_values_below(const struct trie *t, uint32_t limit)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (t->nodes[i].value > limit)
			return 0;
	return 1;
}
