/* hl_index: the per-word dispatch index (which matchers may start at a word
 * with a given key, and where the aliases' walks go on) and the article's
 * learnt names, looked up by the same keys. */
#include "hl_priv.h"

#include <stdlib.h>
#include <string.h>

/* Where a word key's slot search begins in a table of slots (a power
 * of two). */
static size_t key_hash(uint64_t key, size_t slots)
{
	return (size_t)((key * 0x9E3779B97F4A7C15ULL) >> 40) & (slots - 1);
}

/* The slot of key among the article's learnt keys. */
static size_t learnt_slot(const struct hl_state *st, uint64_t key)
{
	size_t i = key_hash(key, st->kslots);

	while (st->keys[i] && st->keys[i] != key)
		i = (i + 1) & (st->kslots - 1);
	return i;
}

/* May a learnt entry start at a word with this key? */
int hl_learnt_may(const struct hl_state *st, uint64_t key)
{
	return (st->nkeys && st->keys[learnt_slot(st, key)] == key) ||
	       (st->base && st->base->nkeys &&
		st->base->keys[learnt_slot(st->base, key)] == key);
}

size_t hl_learnt_at(struct hl_state *st, const char *t, size_t e, size_t p,
		    uint32_t *v)
{
	size_t q = 0, q2;
	uint32_t v2;

	/* a worker keeps the keys of names looked up outside the text */
	if (st->logging && t != st->text) {
		st->reads = xgrow(st->reads, &st->readcap, st->nreads + 1,
				  sizeof *st->reads);
		st->reads[st->nreads++] = trie_key(t, e, p);
	}
	if (st->base)
		q = trie_match_in(st->base->learnt, t, e, p, TRIE_EXACT, v);
	if (st->nkeys &&
	    (q2 = trie_match_in(st->learnt, t, e, p, TRIE_EXACT, &v2)) > q) {
		q = q2;
		*v = v2;
	}
	return q;
}

/* The article learns s[0, n) as a name of entity. */
int hl_state_add(struct hl_state *st, const char *s, size_t n,
		 uint32_t entity)
{
	uint64_t key;
	uint32_t v;
	int fresh;

	/* the first to teach a name keeps it */
	if (st->base &&
	    trie_match_in(st->base->learnt, s, n, 0, TRIE_EXACT, &v) == n)
		return 0;
	fresh = trie_add(st->learnt, s, n, entity, 0);
	if (st->logging) {
		st->adds = xgrow(st->adds, &st->addcap, st->nadds + 1,
				 sizeof *st->adds);
		st->adds[st->nadds].s = s;
		st->adds[st->nadds].n = n;
		st->adds[st->nadds].entity = entity;
		st->adds[st->nadds++].fresh = fresh;
	}
	if (!fresh)
		return 0;
	key = trie_key(s, n, 0);
	if ((st->nkeys + 1) * 2 > st->kslots) {
		uint64_t *old = st->keys;
		size_t i, oslots = st->kslots;

		st->kslots = oslots ? oslots * 2 : 64;
		st->keys = xcalloc(st->kslots, sizeof *st->keys);
		for (i = 0; i < oslots; i++)
			if (old[i])
				st->keys[learnt_slot(st, old[i])] = old[i];
		free(old);
	}
	if (st->keys[learnt_slot(st, key)] != key) {
		st->keys[learnt_slot(st, key)] = key;
		st->nkeys++;
	}
	return 1;
}

struct hl_state *hl_state_new(void)
{
	struct hl_state *st = xcalloc(1, sizeof *st);

	st->learnt = trie_new();
	return st;
}

void hl_state_free(struct hl_state *st)
{
	if (st == NULL)
		return;
	trie_free(st->learnt);
	free(st->keys);
	free(st->reads);
	free(st->adds);
	free(st);
}

/* The slot of a word key in the dispatch index. */
size_t hl_key_slot(const struct highlighter *h, uint64_t key)
{
	size_t i = key_hash(key, h->kslots);

	while (h->keymap[i].key && h->keymap[i].key != key)
		i = (i + 1) & (h->kslots - 1);
	return i;
}

/* A key's bit in keybits. */
static size_t key_bit(uint64_t key)
{
	return (size_t)((key * 0xC2B2AE3D27D4EB4FULL) >> 48);
}

const struct keyslot *hl_key_find(const struct highlighter *h, uint64_t key)
{
	static const struct keyslot none;
	size_t b = key_bit(key);

	if (!(h->keybits[b >> 6] >> (b & 63) & 1))
		return &none;
	return &h->keymap[hl_key_slot(h, key)];
}

/* One lookup per word: which matchers may start at a word with this
 * key, and where the aliases' walks go on after it. */
void hl_build_keymap(struct highlighter *h)
{
	const struct trie *tries[14] = {h->aliases, h->titles, h->suffixes,
					h->heads, figrules_starters(h->fig),
					h->speakers, h->place_leads,
					h->place_shapes, h->not_marks,
					h->event_heads, h->given,
					h->entity_leads, h->org_verbs,
					h->generics};
	const uint32_t *raw = trie_raw_keys(h->aliases);
	size_t k, i, n, total = 0;
	int fold;

	for (k = 0; k < 14; k++)
		for (fold = 0; fold < 2; fold++) {
			trie_keys(tries[k], fold, &n);
			total += n;
		}
	h->kslots = 64;
	while (h->kslots < total * 2)
		h->kslots *= 2;
	h->keymap = xcalloc(h->kslots, sizeof *h->keymap);
	h->keybits = xcalloc(65536 / 64, sizeof *h->keybits);
	for (k = 0; k < 14; k++)
		for (fold = 0; fold < 2; fold++) {
			const uint64_t *keys = trie_keys(tries[k], fold, &n);
			/* the aliases' two kinds apart: one walk, not two */
			unsigned bit = k == 0 && fold ? PM_ALIAS_FOLDED
				       : k == 13      ? PM_GENERIC
				       : k == 12      ? PM_ORG_VERB
				       : k == 11      ? PM_ENTITY_LEAD
				       : k == 5	      ? PM_SPEAKER
				       : k == 6	      ? PM_PLACE
				       : k == 7	      ? PM_PLACE_SHAPE
				       : k == 8	      ? PM_NOT_MARK
				       : k == 9	      ? PM_EVENT
				       : k == 10      ? PM_GIVEN
						      : 1u << k;

			for (i = 0; i < n; i++) {
				struct keyslot *ks =
					&h->keymap[hl_key_slot(h, keys[i])];
				size_t kn = (size_t)(keys[i] >> 32) - 1;
				size_t b = key_bit(keys[i]);

				h->keybits[b >> 6] |= 1ULL << (b & 63);
				ks->key = keys[i];
				ks->mask |= (unsigned short)bit;
				if (k != 0)
					continue;
				if (fold) {
					ks->fold_node = trie_node_after(
						tries[0], 1, (uint32_t)keys[i],
						kn);
				} else if (!ks->exact_mixed &&
					   ks->exact_node == 0) {
					ks->raw = raw[i];
					ks->exact_node = trie_node_after(
						tries[0], 0, raw[i], kn);
				} else if (ks->raw != raw[i]) {
					/* "US" and "Us": walk from the root */
					ks->exact_mixed = 1;
				}
			}
		}
}

void hl_keymap_save(const struct highlighter *h, struct buf *b)
{
	ser_aligned(b, h->keymap, h->kslots * sizeof *h->keymap);
	ser_aligned(b, h->keybits, 65536 / 8);
}

/* Can every slot of a loaded index be walked to safely? */
static int keymap_sound(const struct highlighter *h)
{
	size_t i, used = 0, nodes = trie_node_count(h->aliases);

	if (h->kslots < 64 || (h->kslots & (h->kslots - 1)) != 0)
		return 0;
	for (i = 0; i < h->kslots; i++) {
		const struct keyslot *ks = &h->keymap[i];

		used += ks->key != 0;
		if (ks->exact_node >= nodes || ks->fold_node >= nodes)
			return 0;
	}
	/* an empty slot ends every probe */
	return used < h->kslots;
}

int hl_keymap_load(struct highlighter *h, struct deser *d)
{
	int lend = d->lend && (uintptr_t)d->p % 8 == 0;
	size_t n, nb;
	const void *map = deser_aligned(d, &n, sizeof *h->keymap);
	const void *bits = deser_aligned(d, &nb, 0);

	if (d->bad || !deser_check(d, map != NULL && nb == 65536 / 8))
		return -1;
	h->kslots = n / sizeof *h->keymap;
	h->keymap_lent = lend;
	if (lend) {
		h->keymap = (struct keyslot *)(uintptr_t)map;
		h->keybits = (uint64_t *)(uintptr_t)bits;
	} else {
		h->keymap = memcpy(xmalloc(n), map, n);
		h->keybits = memcpy(xmalloc(nb), bits, nb);
	}
	return deser_check(d, keymap_sound(h)) ? 0 : -1;
}

/* The aliases that start at word p, whose key is ks: the longest, from
 * the nodes its key leads to (the exact ones only when the word's bytes
 * are theirs). */
size_t hl_alias_at(const struct highlighter *h, const struct keyslot *ks,
		   const char *t, size_t e, size_t p, uint32_t *v)
{
	size_t kn = (size_t)(ks->key >> 32) - 1, x = 0, f = 0;
	uint32_t vx = 0, vf = 0;

	if (ks->mask & PM_ALIAS) {
		if (ks->exact_mixed)
			x = trie_match_in(h->aliases, t, e, p, TRIE_EXACT,
					  &vx);
		else if (ks->exact_node && trie_raw(t + p, kn + 1) == ks->raw)
			x = trie_match_from(h->aliases, 0, ks->exact_node,
					    t, e, p + kn, &vx);
	}
	if ((ks->mask & PM_ALIAS_FOLDED) && ks->fold_node)
		f = trie_match_from(h->aliases, 1, ks->fold_node, t, e,
				    p + kn, &vf);
	if (f > x) {
		*v = vf;
		return f;
	}
	if (x)
		*v = vx;
	return x;
}
