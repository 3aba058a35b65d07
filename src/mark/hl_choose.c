/* hl_choose: deciding between candidates: the longest wins, then the lexicon,
 * the rules and figures; what each figure counts. */
#include "hl_priv.h"

#include <string.h>

/* Candidates by length (longest first), priority, then position. */
static int cand_cmp(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;
	size_t lx = x->end - x->start, ly = y->end - y->start;

	if (lx != ly)
		return lx > ly ? -1 : 1;
	if (x->pri != y->pri)
		return x->pri < y->pri ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return 0;
}

/* Mentions in text order. */
static int ment_cmp(const void *a, const void *b)
{
	const struct mention *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

/* Is no byte of [s, e) taken yet (taken starts at base)? */
static int span_free(const unsigned char *taken, size_t base, size_t s,
		     size_t e)
{
	size_t i;

	for (i = s; i < e; i++)
		if (taken[i - base])
			return 0;
	return 1;
}

static void span_take(unsigned char *taken, size_t base, size_t s, size_t e)
{
	memset(taken + (s - base), 1, e - s);
}

/* What a figure counts: the entity that ends its counted phrase, else the
 * phrase's head word in lower case, else a name for its kind. */
static uint32_t counts_entity(struct highlighter *h, const char *t,
			      const struct figure *f, const struct mention *m,
			      size_t nm)
{
	const char *k;
	size_t i, hs;
	char word[64];
	size_t n = 0;

	if (f->counts_end > f->counts_start) {
		for (i = 0; i < nm; i++)
			if (m[i].end == f->counts_end &&
			    m[i].start >= f->counts_start &&
			    m[i].cat == CAT_WEAPON)
				return entities_intern(
					h->reg,
					entities_get(h->reg, m[i].entity)->name,
					strlen(entities_get(h->reg, m[i].entity)
						       ->name),
					CAT_FIGURE, NULL, 1);
		hs = f->counts_end;
		while (hs > f->counts_start && t[hs - 1] != ' ' &&
		       t[hs - 1] != '\n' && t[hs - 1] != '-')
			hs--;
		if (f->unit == NULL || f->counts_end - hs > 0) {
			for (i = hs; i < f->counts_end && n < sizeof word - 1;
			     i++)
				word[n++] = (t[i] >= 'A' && t[i] <= 'Z')
						    ? (char)(t[i] + 32)
						    : t[i];
			return entities_intern(h->reg, word, n, CAT_FIGURE,
					       NULL, 1);
		}
	}
	k = figure_kind_counts(f);
	if (k == NULL)
		return ENTITY_NONE;
	return entities_intern(h->reg, k, strlen(k), CAT_FIGURE, NULL, 1);
}

/* Does t[from..to) hold the end of a sentence or a clause (". ", "; ")? */
static int crosses_break(const char *t, size_t from, size_t to)
{
	size_t i;

	for (i = from; i + 1 < to; i++)
		if (strchr(".;!?", t[i]) &&
		    (t[i + 1] == ' ' || t[i + 1] == '\n'))
			return 1;
	return 0;
}

/* A count or a share that says nothing of what it counts counts what a
 * figure before it in its sentence counts: after a word of counted_back
 * the figure of its kind ("up from nine", "and 27 were injured", "to 2%
 * of GDP, from about 1%"), before "of" and a pronoun the count ("1.1
 * million containers, about a third of them"). */
static void refer_back(struct highlighter *h, const char *t, size_t len,
		       struct mentions *out, size_t first)
{
	struct figure *prev[2] = {NULL, NULL}, *f, *from;
	size_t i, prev_end[2] = {0, 0};
	int k, how;

	for (i = first; i < out->n; i++) {
		if (out->v[i].cat != CAT_FIGURE)
			continue;
		f = &out->figs[out->v[i].aux];
		if (f->kind != FIG_COUNT && f->kind != FIG_PERCENT)
			continue;
		k = f->kind == FIG_PERCENT;
		if (f->counts_end == f->counts_start && f->unit == NULL &&
		    (how = figure_counts_back(h->fig, t, len,
					      out->v[i].start,
					      out->v[i].end)) != 0 &&
		    (from = prev[how == 2 ? 0 : k]) != NULL &&
		    !crosses_break(t, prev_end[how == 2 ? 0 : k],
				   out->v[i].start)) {
			f->counts_start = from->counts_start;
			f->counts_end = from->counts_end;
			f->unit = from->unit;
		}
		if (f->counts_end > f->counts_start) {
			prev[k] = f;
			prev_end[k] = out->v[i].end;
		}
	}
}

/* Keep the longest candidates that do not overlap, as mentions of
 * section sec; then the weapon rules that join them, and what each figure
 * counts. */
void hl_choose(struct highlighter *h, const struct article *a, size_t sec,
	       struct mentions *out)
{
	const struct section *se = &a->sections[sec];
	const char *t = a->text;
	size_t s = se->start, e = se->end, i, first = out->n;

	/* longest first; then keep what does not overlap */
	xqsort(h->c, h->nc, sizeof *h->c, cand_cmp);
	h->taken = xgrow(h->taken, &h->taken_cap, e - s + 1, 1);
	memset(h->taken, 0, e - s);
	for (i = 0; i < h->nc; i++) {
		struct cand *c = &h->c[i];
		struct mention *m;

		if (!span_free(h->taken, s, c->start, c->end))
			continue;
		/* a dateline's place and agency are metadata; its date is
		 * a figure */
		if (c->cat != CAT_FIGURE && c->start < a->dateline.end &&
		    c->end > a->dateline.start)
			continue;
		span_take(h->taken, s, c->start, c->end);
		if (c->cat == CAND_NONE)
			continue;
		out->v = xgrow(out->v, &out->cap, out->n + 1, sizeof *out->v);
		m = &out->v[out->n++];
		m->start = (uint32_t)c->start;
		m->end = (uint32_t)c->end;
		m->entity = c->entity;
		m->cat = c->cat & 3u;
		m->aux = (uint32_t)sec & MENTION_AUX_MAX;
		if (c->cat == CAT_FIGURE) {
			out->figs = xgrow(out->figs, &out->figcap,
					  out->nfigs + 1, sizeof *out->figs);
			out->figs[out->nfigs] = h->cfigs[c->fig];
			out->figs[out->nfigs].section = (uint32_t)sec;
			m->aux = (uint32_t)out->nfigs++ & MENTION_AUX_MAX;
		}
	}
	xqsort(out->v + first, out->n - first, sizeof *out->v, ment_cmp);
	out->n = first + hl_rule_designations(h, t, s, out->v + first,
					   out->n - first);
	out->n = first + hl_join_weapons(t, out->v + first, out->n - first);
	out->n = first + hl_drop_modifiers(h, t, e, out->v + first,
					   out->n - first);
	refer_back(h, t, e, out, first);
	/* what each figure counts, now that the entities stand */
	for (i = first; i < out->n; i++)
		if (out->v[i].cat == CAT_FIGURE)
			out->v[i].entity = counts_entity(
				h, t, &out->figs[out->v[i].aux],
				out->v + first, out->n - first);
}
