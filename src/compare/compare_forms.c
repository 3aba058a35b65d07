/* compare_forms: forms of a name that nothing marks, counted for it --
 * contextual names, acronyms, short forms, front-matter titles and the
 * unmarked names written in both reports. */
#include "compare_priv.h"

#include <stdlib.h>
#include <string.h>

#include "brief/base/trie.h"

/* Does m mention an entity whose key is key? */
static int mentions_key(struct keycache *kc, const struct mentions *m,
		     const char *key)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		if (m->v[i].cat != CAT_FIGURE && m->v[i].entity < kc->n &&
		    strcmp(cmp_key_of(kc, m->v[i].entity), key) == 0)
			return 1;
	return 0;
}

/* contextual_names: each form counts for the entity it means in a report
 * that names one of its `when`. */
void cmp_add_contextual(struct keycache *kc, const struct comparison *c,
			size_t (*cnt)[2])
{
	const struct compare_rules *r = kc->r;
	size_t i, k;
	int s;

	for (i = 0; i < r->nctx; i++) {
		const struct ctx_name *cn = &r->ctx[i];
		char *mk = compare_entity_key(r, cn->means);
		uint32_t id = ENTITY_NONE, x;

		for (x = 0; x < kc->n && id == ENTITY_NONE; x++)
			if ((cnt[x][0] || cnt[x][1]) &&
			    strcmp(cmp_key_of(kc, x), mk) == 0)
				id = x;
		if (id == ENTITY_NONE)
			id = entities_find(kc->reg, cn->means,
					   strlen(cn->means));
		for (s = 0; s < 2 && id != ENTITY_NONE; s++)
			for (k = 0; k < cn->nwhen; k++) {
				char *wk = compare_entity_key(r, cn->when[k]);
				int hit = mentions_key(kc, c->side[s].m, wk);

				free(wk);
				if (hit) {
					cnt[id][s] += cmp_count_form(kc, c, s,
								     cn->form);
					break;
				}
			}
		free(mk);
	}
}

/* How many mentions of side s open with the acronym acr and go on with
 * a name of one of its bodies ("IAEA Board of Governors")? */
static size_t opening_acronym(const struct comparison *c, int s,
			      const char *acr)
{
	const struct mentions *m = c->side[s].m;
	const char *t = c->side[s].a->text;
	size_t i, n = strlen(acr), hits = 0;

	for (i = 0; i < m->n; i++)
		if (m->v[i].cat == CAT_ACTOR &&
		    m->v[i].end - m->v[i].start > n + 1 &&
		    memcmp(t + m->v[i].start, acr, n) == 0 &&
		    t[m->v[i].start + n] == ' ' &&
		    t[m->v[i].start + n + 1] >= 'A' &&
		    t[m->v[i].start + n + 1] <= 'Z')
			hits++;
	return hits;
}

/* A name defined with an acronym in one report is that name where the
 * other report writes the acronym alone, or opening the name of one of
 * its bodies ("IAEA Board of Governors"). */
void cmp_add_acronyms(struct keycache *kc, const struct comparison *c,
		      size_t (*cnt)[2])
{
	int s;

	for (s = 0; s < 2; s++) {
		const struct mentions *m = c->side[s].m;
		char (*seen)[12] = NULL;
		size_t i, k, nseen = 0, cap = 0;

		for (i = 0; i < m->n; i++) {
			char acr[12];

			if (m->v[i].cat == CAT_FIGURE ||
			    m->v[i].entity >= kc->n ||
			    !names_acronym_after(c->side[s].a->text,
						 c->side[s].a->len,
						 m->v[i].end, acr, sizeof acr,
						 NULL))
				continue;
			for (k = 0; k < nseen && strcmp(seen[k], acr); k++)
				;
			if (k < nseen)
				continue;
			seen = xgrow(seen, &cap, nseen + 1, sizeof *seen);
			memcpy(seen[nseen++], acr, sizeof acr);
			cnt[m->v[i].entity][!s] += cmp_count_form(kc, c, !s,
								  acr) +
						   opening_acronym(c, !s, acr);
		}
		free(seen);
	}
}

/* The short form of a name that the other report may write alone,
 * unmarked: a person's surname ("Issa Kaboré" / "Kaboré told state
 * broadcaster RTB"), a ship's name without its prefix ("MV Sea Lark" /
 * "The Sea Lark, laden with"); NULL when none. */
static const char *short_form(const struct entity *en)
{
	const char *sp;

	if (en->cat == CAT_ACTOR && cmp_is_kind(en, "person")) {
		sp = strrchr(en->name, ' ');
		if (sp == NULL || strlen(sp + 1) < 3 || sp[1] < 'A' ||
		    sp[1] > 'Z')
			return NULL;
		return sp + 1;
	}
	if (en->cat == CAT_WEAPON &&
	    (cmp_is_kind(en, "ship") || cmp_is_kind(en, "vessel"))) {
		sp = strchr(en->name, ' ');
		if (sp == NULL || strlen(sp + 1) < 4 || sp[1] < 'A' ||
		    sp[1] > 'Z')
			return NULL;
		return sp + 1;
	}
	return NULL;
}

/* A person or a ship named in full in one report only is that one where
 * the other report writes its short form alone, unmarked. */
void cmp_add_short_forms(struct keycache *kc, const struct comparison *c,
			 size_t (*cnt)[2])
{
	size_t i;

	for (i = 0; i < kc->n; i++) {
		const struct entity *en = entities_get(kc->reg, (uint32_t)i);
		const char *sf;
		int s;

		if ((cnt[i][0] == 0) == (cnt[i][1] == 0) || en == NULL ||
		    (sf = short_form(en)) == NULL)
			continue;
		s = cnt[i][0] == 0 ? 0 : 1;
		cnt[i][s] += cmp_count_form(kc, c, s, sf);
	}
}

/* Does the title t, which the text does not hold (front matter's),
 * hold name as words of their own, as written? */
static int title_names(const char *t, const char *name)
{
	size_t n = strlen(name), tn = strlen(t);
	const char *p = t;

	while (n > 0 && (p = strstr(p, name)) != NULL) {
		size_t at = (size_t)(p - t);

		if ((at == 0 || !trie_word_at(t, tn, at - 1)) &&
		    (at + n == tn || !trie_word_at(t, tn, at + n)))
			return 1;
		p++;
	}
	return 0;
}

/* Does a section of a hold a's title (a headline, a shortened lead)? */
static int title_in_text(const struct article *a)
{
	size_t i, n = strlen(a->title);

	for (i = 0; i < a->nsections; i++)
		if (memmem(a->text + a->sections[i].start,
			   a->sections[i].end - a->sections[i].start, a->title,
			   n) != NULL)
			return 1;
	return 0;
}

/* An entity named in one report's text only is in the other as well
 * when the other's title from front matter (not in its text) names it
 * ("title: Guinea-Bissau army says it foiled coup attempt"). */
void cmp_add_titles(struct keycache *kc, const struct comparison *c,
		    size_t (*cnt)[2])
{
	size_t i;
	int s;

	for (s = 0; s < 2; s++) {
		const struct article *a = c->side[s].a;

		if (a->title[0] == '\0' || title_in_text(a))
			continue;
		for (i = 0; i < kc->n; i++) {
			const struct entity *en =
				entities_get(kc->reg, (uint32_t)i);

			if (en != NULL && en->cat != CAT_FIGURE &&
			    cnt[i][s] == 0 && cnt[i][!s] &&
			    title_names(a->title, en->name))
				cnt[i][s] = 1;
		}
	}
}

/* Names that nothing marks (names_match): those of an entity counted
 * in one report count for it; the others written in both are listed. */
void cmp_add_names(struct keycache *kc, struct comparison *c,
		   size_t (*cnt)[2])
{
	const struct article *a[2] = {c->side[0].a, c->side[1].a};
	const struct mentions *m[2] = {c->side[0].m, c->side[1].m};
	struct name_entity *v = xcalloc(kc->n + 1, sizeof *v);
	size_t i, n = 0;

	for (i = 0; i < kc->n; i++) {
		const struct entity *en = entities_get(kc->reg, (uint32_t)i);

		if (cnt[i][0] + cnt[i][1] == 0 || en == NULL ||
		    en->cat == CAT_FIGURE)
			continue;
		v[n].key = cmp_key_of(kc, (uint32_t)i);
		v[n++].id = (uint32_t)i;
	}
	c->nnames = names_match(kc->r, a, m, v, n, cnt, &c->names);
	free(v);
}
