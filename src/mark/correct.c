/* correct: applying the corrections to a section's mentions, one after
 * the other in the file's order: those that change a mention's entity
 * (rename, merge, split), its category (recategorise), take it away
 * (dismiss) or make one (add). */
#include "correct_priv.h"

#include <stdlib.h>
#include <string.h>

/* Does correction x concern mention m of a? */
static int concerns(const struct correction *x, const struct entities *reg,
		    const struct article *a, const struct mention *m)
{
	if (x->offset >= 0 && (long long)m->start != x->offset)
		return 0;
	if (x->form && (strlen(x->form) != (size_t)(m->end - m->start) ||
			memcmp(a->text + m->start, x->form,
			       m->end - m->start) != 0))
		return 0;
	if (x->entity) {
		const struct entity *en = entities_get(reg, m->entity);

		if (en == NULL || strcmp(en->name, x->entity) != 0)
			return 0;
	}
	return 1;
}

/* Remember an entity's class before a correction changes it. */
static void save_class(struct corrections *c, const struct entities *reg,
		       uint32_t id)
{
	const struct entity *en = entities_get(reg, id);
	size_t i;

	for (i = 0; i < c->nsaved; i++)
		if (c->saved[i].id == id)
			return;
	c->saved = xgrow(c->saved, &c->savedcap, c->nsaved + 1,
			 sizeof *c->saved);
	c->saved[c->nsaved].id = id;
	c->saved[c->nsaved].cat = en->cat;
	c->saved[c->nsaved].kind = en->kind ? xstrdup(en->kind) : NULL;
	c->nsaved++;
}

void corrections_reset(struct corrections *c, struct entities *reg)
{
	size_t i;

	for (i = 0; i < c->nsaved; i++) {
		entities_set_class(reg, c->saved[i].id, c->saved[i].cat,
				   c->saved[i].kind);
		free(c->saved[i].kind);
	}
	c->nsaved = 0;
}

/* The entity a correction names: found, else made with the class of the
 * entity it replaces (or the correction's). */
static uint32_t named(const struct correction *x, struct entities *reg,
		      uint32_t old, enum category cat)
{
	const struct entity *en = entities_get(reg, old);
	uint32_t id = entities_find(reg, x->name, strlen(x->name));

	if (id != ENTITY_NONE)
		return id;
	return entities_intern(reg, x->name, strlen(x->name),
			       x->cat >= 0 ? (enum category)x->cat : cat,
			       x->ekind ? x->ekind : en ? en->kind : NULL, 0);
}

static void change(struct corrections *c, const struct correction *x,
		   struct entities *reg, struct mention *m)
{
	uint32_t id;

	switch (x->kind) {
	case CORR_RENAME:
	case CORR_MERGE:
	case CORR_SPLIT:
		id = named(x, reg, m->entity, (enum category)m->cat);
		m->entity = id;
		m->cat = x->kind == CORR_MERGE || x->cat < 0
				 ? entities_get(reg, id)->cat
				 : (unsigned)x->cat;
		break;
	case CORR_RECATEGORISE:
		if (x->cat >= 0)
			m->cat = (unsigned)x->cat;
		/* the entity itself, when the correction is about it
		 * everywhere */
		if (x->article == NULL && x->offset < 0 && x->form == NULL) {
			const struct entity *en = entities_get(reg, m->entity);

			save_class(c, reg, m->entity);
			entities_set_class(reg, m->entity,
					   x->cat >= 0 ? (enum category)x->cat
						       : en->cat,
					   x->ekind ? x->ekind : en->kind);
		}
		break;
	default:
		break;
	}
}

/* Is [s, e) of t a whole word (or words)? */
static int whole(const char *t, size_t len, size_t s, size_t e)
{
	unsigned char b = s > 0 ? (unsigned char)t[s - 1] : ' ';
	unsigned char f = e < len ? (unsigned char)t[e] : ' ';

	return !(b >= 0x80 || (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') ||
		 (b >= 'A' && b <= 'Z')) &&
	       !(f >= 0x80 || (f >= '0' && f <= '9') || (f >= 'a' && f <= 'z') ||
		 (f >= 'A' && f <= 'Z'));
}

/* Make a mention of [s, e), taking the place of those it overlaps. */
static void add_at(struct mentions *ms, size_t from, uint32_t s, uint32_t e,
		   uint32_t id, enum category cat, size_t sec)
{
	size_t i, k = from, at = SIZE_MAX;

	for (i = from; i < ms->n; i++) {
		if (ms->v[i].end > s && ms->v[i].start < e)
			continue; /* overlapped: gone */
		if (at == SIZE_MAX && ms->v[i].start >= e)
			at = k;
		ms->v[k++] = ms->v[i];
	}
	ms->n = k;
	if (at == SIZE_MAX)
		at = ms->n;
	ms->v = xgrow(ms->v, &ms->cap, ms->n + 1, sizeof *ms->v);
	memmove(&ms->v[at + 1], &ms->v[at], (ms->n - at) * sizeof *ms->v);
	ms->v[at].start = s;
	ms->v[at].end = e;
	ms->v[at].entity = id;
	ms->v[at].aux = (uint32_t)sec;
	ms->v[at].cat = cat;
	ms->n++;
}

static void add(const struct correction *x, struct entities *reg,
		const struct article *a, size_t sec, struct mentions *ms,
		size_t from)
{
	const struct section *se = &a->sections[sec];
	size_t fl = strlen(x->form), p = se->start;
	enum category cat = x->cat >= 0 ? (enum category)x->cat : CAT_ACTOR;
	uint32_t id;

	if (fl == 0 || sec > MENTION_AUX_MAX)
		return;
	id = entities_find(reg, x->name, strlen(x->name));
	if (id == ENTITY_NONE)
		id = entities_intern(reg, x->name, strlen(x->name), cat,
				     x->ekind, 0);
	else if (x->cat < 0)
		cat = entities_get(reg, id)->cat;
	if (x->offset >= 0)
		p = (size_t)x->offset;
	while (p + fl <= se->end && p >= se->start) {
		const char *hit = memmem(a->text + p, se->end - p, x->form, fl);
		size_t s;

		if (hit == NULL)
			break;
		s = (size_t)(hit - a->text);
		if (x->offset >= 0 && s != (size_t)x->offset)
			break;
		if (whole(a->text, a->len, s, s + fl))
			add_at(ms, from, (uint32_t)s, (uint32_t)(s + fl), id,
			       cat, sec);
		if (x->offset >= 0)
			break;
		p = s + fl;
	}
}

void corrections_apply(struct corrections *c, struct entities *reg,
		       const struct article *a, size_t sec,
		       struct mentions *ms, size_t from)
{
	const char *aid = NULL;
	size_t i, j, k;

	for (i = 0; i < c->n; i++) {
		const struct correction *x = &c->v[i];

		if (x->article) {
			if (aid == NULL)
				aid = article_id(a);
			if (aid == NULL || strcmp(aid, x->article) != 0)
				continue;
		}
		if (x->kind == CORR_ADD) {
			add(x, reg, a, sec, ms, from);
			continue;
		}
		for (j = k = from; j < ms->n; j++) {
			struct mention *m = &ms->v[j];

			if (m->cat == CAT_FIGURE || !concerns(x, reg, a, m)) {
				ms->v[k++] = *m;
				continue;
			}
			if (x->kind == CORR_DISMISS)
				continue;
			change(c, x, reg, m);
			ms->v[k++] = *m;
		}
		ms->n = k;
	}
}
