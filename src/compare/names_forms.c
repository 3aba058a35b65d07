/* names_forms: the forms of one name across two reports brought to one
 * key (see names_forms in names_priv.h). */
#include "names_priv.h"

#include <stdlib.h>
#include <string.h>

#include "brief/compare/compare.h"

/* The acronym given in brackets right after [start, end) ("Central
 * Election Commission (CEC)"), lower case in acr; 0 when none. */
static int acronym_after(const struct article *a, size_t end, char acr[16],
			 size_t *acr_end)
{
	size_t i;

	if (!names_acronym_after(a->text, a->len, end, acr, 16, acr_end))
		return 0;
	for (i = 0; acr[i]; i++)
		acr[i] = (char)(acr[i] | 0x20);
	return 1;
}

/* An acronym defined in either report is its expansion in both: the
 * acronym's own names take the expansion's key, and the acronym in the
 * brackets of its definition is not counted again. */
static void acronyms(struct finder *fd, const struct article *const a[2])
{
	size_t i, j;

	for (i = 0; i < fd->nc; i++) {
		struct cand *d = &fd->c[i];
		char acr[16];
		size_t aend;

		if (d->nwords < 2 ||
		    !acronym_after(a[d->side], d->end, acr, &aend))
			continue;
		for (j = 0; j < fd->nc; j++) {
			struct cand *x = &fd->c[j];

			if (strcmp(x->key, acr) != 0)
				continue;
			if (x->side == d->side &&
			    x->start + strlen(acr) + 1 == aend)
				x->used = 1;
			free(x->key);
			x->key = xstrdup(d->key);
		}
	}
}

/* The last word of a key (the key itself when it has one word). */
static const char *last_word(const char *key)
{
	const char *sp = strrchr(key, ' ');

	return sp ? sp + 1 : key;
}

/* A key of one side, for the sorted indexes below. */
struct keyref {
	const char *key;   /* what is sorted on */
	const char *full;  /* the whole key */
	int side;
	size_t j;          /* an entity's index (entity_names) */
};

static int keyref_cmp(const void *a, const void *b)
{
	const struct keyref *x = a, *y = b;
	int d = strcmp(x->key, y->key);

	if (d)
		return d;
	if (x->side != y->side)
		return x->side - y->side;
	return strcmp(x->full, y->full);
}

/* The first of the n sorted refs whose key is key (n when none). */
static size_t keyref_first(const struct keyref *v, size_t n, const char *key)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(v[mid].key, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* What a one-word name of one side finds among the longer names of the
 * other side that end with it: the one such name, or many. */
struct longer_hit {
	const char *one;
	int many, done;
};

/* A name of one word that is written in one report only is the one
 * longer name of the other report that ends with it ("Kimball" /
 * "USCGC Kimball", "Beishenova" / "Asel Beishenova"), when that name has
 * no connector.  The keys of each side and the longer names by their
 * last word are sorted once, and what a key finds is worked out once
 * for each side (the first of its run of equal keys holds it), so that
 * a name written many times costs one lookup each time. */
/* The keys of the names not yet counted, sorted, with the sides each
 * is written on; the keys are the names' own (they must not change
 * while the index is used). */
struct keysides {
	struct keyref *all;
	size_t n;
	unsigned char *sides;  /* bit 1 << side, at the first of a run */
};

static void keysides_make(const struct finder *fd, struct keysides *ks)
{
	size_t i, j;

	ks->all = xcalloc(fd->nc + 1, sizeof *ks->all);
	ks->n = 0;
	for (i = 0; i < fd->nc; i++) {
		if (fd->c[i].used)
			continue;
		ks->all[ks->n].key = ks->all[ks->n].full = fd->c[i].key;
		ks->all[ks->n++].side = fd->c[i].side;
	}
	xqsort(ks->all, ks->n, sizeof *ks->all, keyref_cmp);
	ks->sides = xcalloc(ks->n + 1, 1);
	for (i = 0; i < ks->n; i = j)
		for (j = i; j < ks->n &&
			    strcmp(ks->all[j].key, ks->all[i].key) == 0;
		     j++)
			ks->sides[i] |= (unsigned char)(1u
							<< (ks->all[j].side & 1));
}

/* Is a name with the key key written in the report side? */
static int keysides_on(const struct keysides *ks, const char *key, int side)
{
	size_t first = keyref_first(ks->all, ks->n, key);

	return first < ks->n && strcmp(ks->all[first].key, key) == 0 &&
	       (ks->sides[first] & (1u << (side & 1)));
}

static void keysides_free(struct keysides *ks)
{
	free(ks->all);
	free(ks->sides);
}

/* The key of x without the initials that open it ("APJ Abdul Kalam
 * Island": "abdul kalam"), inside x's key; NULL when x does not open
 * with two to four capitals before two words or more. */
static const char *after_initials(const struct cand *x)
{
	const char *sp = strchr(x->key, ' ');
	size_t n = sp ? (size_t)(sp - x->key) : 0;

	if (!x->allcaps_head || x->nwords < 3 || sp == NULL || n < 2 || n > 4)
		return NULL;
	return sp + 1;
}

/* A name that opens with initials written in one report only is the
 * name without them that the other report writes ("Dr APJ Abdul Kalam
 * Island" / "Abdul Kalam Island"). */
static void initial_names(struct finder *fd)
{
	struct keysides ks;
	char **to = xcalloc(fd->nc + 1, sizeof *to);
	size_t i;

	keysides_make(fd, &ks);
	/* decide first, change after: the keys looked up must not move */
	for (i = 0; i < fd->nc; i++) {
		const struct cand *x = &fd->c[i];
		const char *rest;

		if (x->used || (rest = after_initials(x)) == NULL ||
		    keysides_on(&ks, x->key, !x->side) ||
		    !keysides_on(&ks, rest, !x->side))
			continue;
		to[i] = xstrdup(rest);
	}
	for (i = 0; i < fd->nc; i++)
		if (to[i]) {
			free(fd->c[i].key);
			fd->c[i].key = to[i];
		}
	free(to);
	keysides_free(&ks);
}

static void short_names(struct finder *fd)
{
	struct keyref *longer = xcalloc(fd->nc + 1, sizeof *longer);
	size_t i, nl = 0;
	char **to = xcalloc(fd->nc + 1, sizeof *to);
	struct keysides ks;
	struct longer_hit(*hit)[2];

	keysides_make(fd, &ks);
	for (i = 0; i < fd->nc; i++) {
		struct cand *y = &fd->c[i];

		if (y->used)
			continue;
		if (y->nwords >= 2 && y->nwords <= 3 &&
		    strstr(y->key, " of ") == NULL) {
			longer[nl].key = last_word(y->key);
			longer[nl].full = y->key;
			longer[nl++].side = y->side;
		}
	}
	xqsort(longer, nl, sizeof *longer, keyref_cmp);
	hit = xcalloc(nl + 1, sizeof *hit);
	/* decide first, change after: the keys looked up must not move */
	for (i = 0; i < fd->nc; i++) {
		struct cand *x = &fd->c[i];
		struct longer_hit *h;
		size_t k, first;

		if (x->used || x->nwords != 1)
			continue;
		if (keysides_on(&ks, x->key, !x->side))
			continue; /* written in the other report too */
		first = keyref_first(longer, nl, x->key);
		if (first >= nl || strcmp(longer[first].key, x->key) != 0)
			continue;
		h = &hit[first][x->side];
		if (!h->done) {
			for (k = first;
			     k < nl && strcmp(longer[k].key, x->key) == 0;
			     k++) {
				if (longer[k].side == x->side ||
				    strlen(longer[k].full) <=
					    strlen(x->key) + 1)
					continue;
				if (h->one != NULL &&
				    strcmp(h->one, longer[k].full) != 0)
					h->many = 1;
				h->one = longer[k].full;
			}
			h->done = 1;
		}
		if (!h->many && h->one != NULL)
			to[i] = xstrdup(h->one);
	}
	for (i = 0; i < fd->nc; i++)
		if (to[i]) {
			free(fd->c[i].key);
			fd->c[i].key = to[i];
		}
	free(to);
	free(hit);
	keysides_free(&ks);
	free(longer);
}

/* The keys of the forms that name an entity in context ("the North"),
 * made once; *n gets their count. */
static char **contextual_keys(const struct compare_rules *r, size_t *n)
{
	char **v = xcalloc(r->nctx + 1, sizeof *v);
	size_t i;

	for (i = 0; i < r->nctx; i++)
		v[i] = names_key(r, r->ctx[i].form, strlen(r->ctx[i].form));
	*n = r->nctx;
	return v;
}

/* A name that is an entity counted in the other report only counts for
 * that entity: by its key, else (a name of one word that the other
 * report does not write alone) by the entity's last word, else without
 * the initials that open it; a contextual form is none.  The entities'
 * keys are made once and sorted, whole and by their last word. */
static void entity_names(struct finder *fd, const struct name_entity *ents,
			 size_t nents, size_t (*cnt)[2])
{
	struct { uint32_t id; int side; } *add = NULL;
	size_t i, j, nadd = 0, cap = 0, nctx, nk = 0;
	char **ctx = contextual_keys(fd->r, &nctx);
	char **ek = xcalloc(nents + 1, sizeof *ek);
	struct keyref *whole = xcalloc(nents + 1, sizeof *whole),
		      *byend = xcalloc(nents + 1, sizeof *byend);
	struct keysides ks;

	keysides_make(fd, &ks);
	for (j = 0; j < nents; j++) {
		ek[j] = names_key(fd->r, ents[j].key, strlen(ents[j].key));
		whole[nk].key = whole[nk].full = ek[j];
		whole[nk].j = j;
		byend[nk].key = last_word(ek[j]);
		byend[nk].full = ek[j];
		byend[nk++].j = j;
	}
	xqsort(whole, nk, sizeof *whole, keyref_cmp);
	xqsort(byend, nk, sizeof *byend, keyref_cmp);
	for (i = 0; i < fd->nc; i++) {
		struct cand *x = &fd->c[i];
		uint32_t id = ENTITY_NONE;
		int many = 0, pass;

		if (x->used)
			continue;
		for (j = 0; j < nctx; j++)
			if (strcmp(ctx[j], x->key) == 0)
				break;
		if (j < nctx) {
			x->used = 1;
			continue;
		}
		for (pass = 0; pass < 3 && id == ENTITY_NONE; pass++) {
			const struct keyref *v = pass == 1 ? byend : whole;
			const char *key = x->key;
			size_t k;

			if (pass == 1 &&
			    (x->nwords != 1 ||
			     keysides_on(&ks, x->key, !x->side)))
				continue;
			if (pass == 2 && (key = after_initials(x)) == NULL)
				continue;
			for (k = keyref_first(v, nk, key);
			     k < nk && strcmp(v[k].key, key) == 0; k++) {
				const struct name_entity *e = &ents[v[k].j];

				if (pass == 1 && strcmp(v[k].full, key) == 0)
					continue; /* the whole key: pass 0 */
				if (cnt[e->id][!x->side] == 0 ||
				    cnt[e->id][x->side] != 0)
					continue;
				if (id != ENTITY_NONE && id != e->id)
					many = 1;
				id = e->id;
			}
		}
		if (id == ENTITY_NONE || many)
			continue;
		x->used = 1;
		add = xgrow(add, &cap, nadd + 1, sizeof *add);
		add[nadd].id = id;
		add[nadd++].side = x->side;
	}
	for (i = 0; i < nadd; i++)
		cnt[add[i].id][add[i].side]++;
	free(add);
	for (j = 0; j < nents; j++)
		free(ek[j]);
	free(ek);
	free(whole);
	free(byend);
	keysides_free(&ks);
	for (j = 0; j < nctx; j++)
		free(ctx[j]);
	free(ctx);
}

void names_forms(struct finder *fd, const struct article *const a[2],
		 const struct name_entity *ents, size_t nents,
		 size_t (*cnt)[2])
{
	acronyms(fd, a);
	initial_names(fd);
	short_names(fd);
	entity_names(fd, ents, nents, cnt);
}
