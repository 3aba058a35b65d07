/* compare_merge: the entities of two reports whose names have one key
 * made one (a surname for its full name, an institution for the one
 * named with its state). */
#include "compare_priv.h"

#include <stdlib.h>
#include <string.h>

int cmp_is_kind(const struct entity *en, const char *kind)
{
	return en->kind != NULL && strcmp(en->kind, kind) == 0;
}

int cmp_is_person_like(const struct entity *en)
{
	return en->cat == CAT_ACTOR &&
	       (en->kind == NULL || strcmp(en->kind, "person") == 0);
}

/* An entity's key (compare_entity_key); a person's without the titles
 * that open it ("Chef José Andrés" is "jose andres"). */
const char *cmp_key_of(struct keycache *kc, uint32_t id)
{
	if (kc->k[id] == NULL) {
		const struct entity *en = entities_get(kc->reg, id);

		kc->k[id] = compare_entity_key(kc->r, en->name);
		if (cmp_is_kind(en, "person"))
			names_drop_titles(kc->r, kc->k[id]);
	}
	return kc->k[id];
}

struct keyed {
	const char *key;
	uint32_t entity;
	int cat;
};

static int keyed_cmp(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;

	if (x->cat != y->cat)
		return x->cat - y->cat;
	return strcmp(x->key, y->key);
}

/* A surname alone ("Austin") takes the key of the one full name of a
 * person it ends ("Lloyd Austin"), when there is exactly one. */
static void surnames(const struct entities *reg, struct keyed *v, size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		size_t len = strlen(v[i].key), hits = 0, at = 0;

		if (strchr(v[i].key, ' ') ||
		    !cmp_is_person_like(entities_get(reg, v[i].entity)))
			continue;
		for (j = 0; j < n; j++) {
			size_t lj = strlen(v[j].key);

			if (j != i && lj > len + 1 &&
			    v[j].key[lj - len - 1] == ' ' &&
			    strcmp(v[j].key + lj - len, v[i].key) == 0 &&
			    cmp_is_person_like(entities_get(reg,
							    v[j].entity))) {
				hits++;
				at = j;
			}
		}
		if (hits == 1)
			v[i].key = v[at].key;
	}
}

/* Does the word w (n bytes) name the state whose key is sk: the key
 * itself, or its demonym ("nicaraguan", "chinese", "iranian": all of
 * the key but its last letter, then at most three letters more)? */
int cmp_names_state(const char *w, size_t n, const char *sk)
{
	size_t l = strlen(sk);

	if (n == l)
		return strncmp(w, sk, l) == 0;
	return l >= 4 && n >= l - 1 && n <= l + 3 &&
	       strncmp(w, sk, l - 1) == 0 && strchr(sk, ' ') == NULL;
}

/* The rest of key after the key of a state it begins with ("south korea
 * joint chiefs of staff": "joint chiefs of staff"), or after the state's
 * demonym ("nicaraguan national police": "national police"), or NULL. */
static const char *after_state(const struct entities *reg,
			       const struct keyed *v, size_t n,
			       const char *key)
{
	size_t j, w = strcspn(key, " ");

	for (j = 0; j < n; j++) {
		size_t l = strlen(v[j].key);

		if (!cmp_is_kind(entities_get(reg, v[j].entity), "state"))
			continue;
		if (strncmp(key, v[j].key, l) == 0 && key[l] == ' ')
			return key + l + 1;
		if (key[w] == ' ' && cmp_names_state(key, w, v[j].key))
			return key + w + 1;
	}
	return NULL;
}

/* An institution named with its state in one place ("South Korea's Joint
 * Chiefs of Staff") and without it in another ("the Joint Chiefs of
 * Staff") is one, when no other name ends with it ("Japanese Defense
 * Ministry" beside "South Korea's Defense Ministry": the Defense Ministry
 * stays apart). */
static void state_owned(const struct entities *reg, struct keyed *v,
			size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		const struct entity *en = entities_get(reg, v[i].entity);
		const char *owner = NULL;
		size_t li = strlen(v[i].key), longer = 0;

		if (en->cat != CAT_ACTOR || cmp_is_person_like(en) ||
		    cmp_is_kind(en, "state") ||
		    after_state(reg, v, n, v[i].key) != NULL)
			continue;
		for (j = 0; j < n; j++) {
			size_t lj = strlen(v[j].key);

			if (j == i || lj <= li + 1 ||
			    v[j].key[lj - li - 1] != ' ' ||
			    strcmp(v[j].key + lj - li, v[i].key) != 0 ||
			    (owner != NULL && strcmp(owner, v[j].key) == 0))
				continue;
			longer++;
			owner = v[j].key;
		}
		if (longer == 1 && after_state(reg, v, n, owner) != NULL)
			v[i].key = owner;
	}
}

/* Does entity x stand for its group rather than y: more mentioned, or
 * as often and with the fuller name ("Nicaraguan National Police" over
 * "National Police")? */
static int more_named(struct keycache *kc, size_t (*cnt)[2], uint32_t x,
		      uint32_t y)
{
	size_t tx = cnt[x][0] + cnt[x][1], ty = cnt[y][0] + cnt[y][1];

	if (tx != ty)
		return tx > ty;
	return strlen(entities_get(kc->reg, x)->name) >
	       strlen(entities_get(kc->reg, y)->name);
}

/* Entities whose names have one key are one: the counts of each group go
 * to its most mentioned member (more_named; kc->rep of each names it). */
void cmp_merge_by_key(struct keycache *kc, size_t ne, size_t (*cnt)[2])
{
	struct keyed *v = xcalloc(ne + 1, sizeof *v);
	size_t i, j, n = 0, k;

	for (i = 0; i < ne; i++) {
		const struct entity *en = entities_get(kc->reg, (uint32_t)i);

		if (cnt[i][0] + cnt[i][1] == 0 || en == NULL)
			continue;
		v[n].key = cmp_key_of(kc, (uint32_t)i);
		v[n].entity = (uint32_t)i;
		v[n].cat = (int)en->cat;
		n++;
	}
	surnames(kc->reg, v, n);
	state_owned(kc->reg, v, n);
	xqsort(v, n, sizeof *v, keyed_cmp);
	for (i = 0; i < n; i = j) {
		size_t top = i;

		for (j = i + 1; j < n && keyed_cmp(&v[i], &v[j]) == 0; j++)
			if (more_named(kc, cnt, v[j].entity, v[top].entity))
				top = j;
		for (k = i; k < j; k++) {
			if (k == top)
				continue;
			kc->rep[v[k].entity] = v[top].entity;
			cnt[v[top].entity][0] += cnt[v[k].entity][0];
			cnt[v[top].entity][1] += cnt[v[k].entity][1];
			cnt[v[k].entity][0] = cnt[v[k].entity][1] = 0;
		}
	}
	free(v);
}
