/* compare_states: a state's institutions, counted where a report names
 * them without their state, or the state by its institution. */
#include "compare_priv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "brief/base/trie.h"

/* The entity of the state whose key key begins with, before a space and
 * more words ("united states military": the United States), the one
 * mentioned when several states have that key; ENTITY_NONE when none.
 * *rest: the words after. */
static uint32_t owning_state(struct keycache *kc, size_t (*cnt)[2],
			     const char *key, const char **rest)
{
	size_t x, best = 0;
	uint32_t id = ENTITY_NONE;

	for (x = 0; x < kc->n; x++) {
		const struct entity *en = entities_get(kc->reg, (uint32_t)x);
		const char *sk;
		size_t l;

		if (en == NULL || !cmp_is_kind(en, "state"))
			continue;
		sk = cmp_key_of(kc, (uint32_t)x);
		l = strlen(sk);
		if ((l > best || (l == best && cnt[x][0] + cnt[x][1] > 0)) &&
		    strncmp(key, sk, l) == 0 && key[l] == ' ') {
			best = l;
			id = (uint32_t)x;
			*rest = key + l + 1;
		}
	}
	return id;
}

/* How many mentioned entities other than i have a key that ends with
 * the words rest? */
static size_t others_ending(struct keycache *kc, size_t (*cnt)[2], size_t i,
			    const char *rest)
{
	size_t x, n = 0, lr = strlen(rest);

	for (x = 0; x < kc->n; x++) {
		const char *k;
		size_t l;

		if (x == i || cnt[x][0] + cnt[x][1] == 0)
			continue;
		k = cmp_key_of(kc, (uint32_t)x);
		l = strlen(k);
		if (l >= lr && strcmp(k + l - lr, rest) == 0 &&
		    (l == lr || k[l - lr - 1] == ' '))
			n++;
	}
	return n;
}

/* The report an institution (an actor, no state, no person) counted
 * in one report only is missing from (0 or 1); -1 for any other
 * entity. */
static int missing_side(struct keycache *kc, size_t (*cnt)[2], size_t i)
{
	const struct entity *en = entities_get(kc->reg, (uint32_t)i);

	if (en == NULL || (cnt[i][0] == 0) == (cnt[i][1] == 0) ||
	    en->cat != CAT_ACTOR || cmp_is_kind(en, "state") ||
	    cmp_is_kind(en, "person"))
		return -1;
	return cnt[i][0] == 0 ? 0 : 1;
}

/* A state's institution, after the entities are merged: in a report
 * that names the institution but not the state ("U.S. forces" beside
 * "United States forces" in the other), the institution names the state
 * too; and an institution named with its state in one report only
 * ("China Coast Guard") is that institution where the other writes it
 * without a state, unmarked ("a dozen coast guard vessels"), when
 * nothing else mentioned is that institution of another state. */
void cmp_add_state_institutions(struct keycache *kc,
				const struct comparison *c,
				size_t (*cnt)[2])
{
	size_t i;

	for (i = 0; i < kc->n; i++) {
		const struct entity *en = entities_get(kc->reg, (uint32_t)i);
		const char *rest = NULL;
		uint32_t st;
		int s;

		if (cnt[i][0] + cnt[i][1] == 0 || en == NULL ||
		    en->cat != CAT_ACTOR || cmp_is_kind(en, "state") ||
		    cmp_is_kind(en, "person") ||
		    (st = owning_state(kc, cnt, cmp_key_of(kc, (uint32_t)i),
				       &rest)) == ENTITY_NONE)
			continue;
		for (s = 0; s < 2; s++)
			if (cnt[i][s] && cnt[st][s] == 0 && cnt[st][!s])
				cnt[st][s] += cnt[i][s];
		if ((cnt[i][0] == 0) == (cnt[i][1] == 0) ||
		    strchr(rest, ' ') == NULL ||
		    others_ending(kc, cnt, i, rest) != 0)
			continue;
		s = cnt[i][0] == 0 ? 0 : 1;
		cnt[i][s] += cmp_count_form(kc, c, s, rest);
	}
}

/* An institution named in full in one report only ("the Central
 * Election Commission") is that institution where the other writes its
 * name without the first word, in lower case, after "the" ("the
 * election commission"), when nothing else mentioned ends so and no
 * state opens the name (add_state_institutions). */
void cmp_add_descriptions(struct keycache *kc, const struct comparison *c,
			  size_t (*cnt)[2])
{
	size_t i;

	for (i = 0; i < kc->n; i++) {
		const struct entity *en = entities_get(kc->reg, (uint32_t)i);
		const char *key, *rest, *sp;
		char *form;
		int s = missing_side(kc, cnt, i);

		if (s < 0 || (sp = strchr(en->name, ' ')) == NULL ||
		    sp[1] < 'A' || sp[1] > 'Z')
			continue;
		key = cmp_key_of(kc, (uint32_t)i);
		if ((rest = strchr(key, ' ')) == NULL ||
		    strchr(++rest, ' ') == NULL ||
		    owning_state(kc, cnt, key, &sp) != ENTITY_NONE ||
		    others_ending(kc, cnt, i, rest) != 0)
			continue;
		form = xmalloc(strlen(rest) + 5);
		strcpy(form, "the ");
		strcat(form, rest);
		cnt[i][s] += cmp_count_form(kc, c, s, form);
		free(form);
	}
}

/* Does a mention of the state st end just before p in side s's text,
 * with a space and perhaps a possessive ("Niger's defence ministry",
 * "Nigerien defence ministry")? */
static int state_before(struct keycache *kc, const struct comparison *c,
			int s, uint32_t st, size_t p)
{
	const struct mentions *m = c->side[s].m;
	const char *t = c->side[s].a->text;
	size_t e, lo = 0, hi = m->n;

	if (p == 0 || (t[p - 1] != ' ' && t[p - 1] != '\n'))
		return 0;
	e = p - 1;
	if (e >= 2 && t[e - 2] == '\'' && t[e - 1] == 's')
		e -= 2;
	else if (e >= 4 && memcmp(t + e - 4, "\xe2\x80\x99s", 4) == 0)
		e -= 4;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (m->v[mid].start < e)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo > 0 && m->v[lo - 1].end == e &&
	       m->v[lo - 1].entity < kc->n &&
	       kc->rep[m->v[lo - 1].entity] == kc->rep[st];
}

/* How often form stands in side s's text as words of their own, right
 * after a mention of the state st (state_before)? */
static size_t count_after_state(struct keycache *kc,
				const struct comparison *c, int s,
				uint32_t st, const char *form)
{
	const char *t = c->side[s].a->text, *p = t;
	size_t len = c->side[s].a->len, n = strlen(form), hits = 0;

	while ((p = memmem(p, len - (size_t)(p - t), form, n)) != NULL) {
		size_t at = (size_t)(p - t);

		if ((at + n == len || !trie_word_at(t, len, at + n)) &&
		    state_before(kc, c, s, st, at))
			hits++;
		p++;
	}
	return hits;
}

/* The state whose name or adjective opens key ("nigerien ministry of
 * national defence": Niger), mentioned in report s; *rest: the words
 * after it; ENTITY_NONE when none. */
static uint32_t opening_state(struct keycache *kc, size_t (*cnt)[2], int s,
			      const char *key, const char **rest)
{
	size_t x, w = strcspn(key, " ");
	uint32_t st = owning_state(kc, cnt, key, rest);

	if (st != ENTITY_NONE || key[w] != ' ')
		return st != ENTITY_NONE && cnt[st][s] ? st : ENTITY_NONE;
	for (x = 0; x < kc->n; x++) {
		const struct entity *en = entities_get(kc->reg, (uint32_t)x);

		if (en != NULL && cmp_is_kind(en, "state") && cnt[x][s] &&
		    cmp_names_state(key, w, cmp_key_of(kc, (uint32_t)x))) {
			*rest = key + w + 1;
			return (uint32_t)x;
		}
	}
	return ENTITY_NONE;
}

/* A state's institution named in full in one report only ("the
 * Nigerien Ministry of National Defence") is that institution where the
 * other report names it after the state, by its lower-case description:
 * its last word, then its first ("Niger's defence ministry"), or its
 * first, "of" and its last ("Niger's ministry of defence"); when nothing
 * else mentioned ends as it does. */
void cmp_add_state_descriptions(struct keycache *kc,
				const struct comparison *c,
				size_t (*cnt)[2])
{
	size_t i;

	for (i = 0; i < kc->n; i++) {
		const char *rest = NULL, *of, *last;
		uint32_t st;
		size_t head;
		char *form;
		int s = missing_side(kc, cnt, i);

		if (s < 0 ||
		    (st = opening_state(kc, cnt, s, cmp_key_of(kc, (uint32_t)i),
					&rest)) == ENTITY_NONE ||
		    (of = strstr(rest, " of ")) == NULL ||
		    strchr(rest, ' ') != of ||
		    others_ending(kc, cnt, i, rest) != 0)
			continue;
		head = (size_t)(of - rest);
		last = strrchr(rest, ' ') + 1;
		form = xasprintf("%s %.*s", last, (int)head, rest);
		cnt[i][s] += count_after_state(kc, c, s, st, form);
		free(form);
		form = xasprintf("%.*s of %s", (int)head, rest, last);
		cnt[i][s] += count_after_state(kc, c, s, st, form);
		free(form);
	}
}
