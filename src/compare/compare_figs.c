/* compare_figs: the figures of two reports laid side by side -- what
 * tells the sense of each, their groups and discrepancies. */
#include "compare_priv.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int compare_disagree(const struct figure *x, const struct figure *y)
{
	struct fa_meaning mx, my;

	if ((x->currency == NULL) != (y->currency == NULL) ||
	    (x->currency && strcmp(x->currency, y->currency) != 0))
		return 0; /* not comparable */
	if ((x->kind == FIG_TALLY) != (y->kind == FIG_TALLY))
		return 0;
	figalign_meaning(NULL, NULL, x, &mx);
	figalign_meaning(NULL, NULL, y, &my);
	return figalign_disjoint(mx.lo, mx.hi, my.lo, my.hi);
}

/* What tells the sense of the figure at mention m (of ms) in the sentence
 * [s0, s1): the actor named in its counted phrase, else nearest before it
 * (else after it), and the day a date in the sentence names. */
static void figure_context(const struct compare_rules *r,
			   const struct entities *reg,
			   const struct mentions *ms, const struct mention *m,
			   size_t s0, size_t s1, struct fa_fig *f)
{
	size_t at = (size_t)(m - ms->v), q, first = at, best = SIZE_MAX;
	const struct mention *who = NULL;

	const struct figure *self = mention_figure(ms, m);

	while (first > 0 && ms->v[first - 1].start >= s0)
		first--;
	/* an actor in the counted phrase first: "two Russian planes" */
	for (q = at + 1; q < ms->n && ms->v[q].end <= self->counts_end &&
			 who == NULL;
	     q++)
		if (ms->v[q].cat == CAT_ACTOR &&
		    ms->v[q].entity != ENTITY_NONE &&
		    ms->v[q].start >= self->counts_start)
			who = &ms->v[q];
	for (q = at; q-- > first && who == NULL;)
		if (ms->v[q].cat == CAT_ACTOR && ms->v[q].entity != ENTITY_NONE)
			who = &ms->v[q];
	for (q = at + 1; q < ms->n && ms->v[q].end <= s1 && who == NULL; q++)
		if (ms->v[q].cat == CAT_ACTOR && ms->v[q].entity != ENTITY_NONE)
			who = &ms->v[q];
	if (who) {
		char *key = compare_entity_key(r, entities_get(reg,
							       who->entity)
							  ->name);

		snprintf(f->actor, sizeof f->actor, "%s", key);
		free(key);
	}
	for (q = first; q < ms->n && ms->v[q].end <= s1; q++) {
		const struct figure *d;
		size_t dist;

		if (ms->v[q].cat != CAT_FIGURE)
			continue;
		d = mention_figure(ms, &ms->v[q]);
		dist = q > at ? q - at : at - q;
		if (d->kind == FIG_DATE && d->month && d->day && dist < best) {
			best = dist;
			snprintf(f->when, sizeof f->when, "%02d-%02d", d->month,
				 d->day);
		}
	}
}

/* Group the figures by meaning (figalign) and mark the discrepancies. */
void cmp_align_figures(const struct compare_rules *r,
		       const struct entities *reg, struct comparison *c)
{
	struct fa_fig *v = xcalloc(c->nfigs + 1, sizeof *v);
	size_t i;

	for (i = 0; i < c->nfigs; i++) {
		const struct cmp_figure *cf = &c->figs[i];
		const struct article *a = c->side[cf->side].a;
		long si = article_sentence_at(a, cf->m->start);

		v[i].side = cf->side;
		v[i].counts = entities_get(reg, cf->counts)->name;
		v[i].f = cf->f;
		if (cf->f->counts_end > cf->f->counts_start) {
			v[i].phrase = a->text + cf->f->counts_start;
			v[i].phrase_len = cf->f->counts_end -
					  cf->f->counts_start;
		}
		if (si >= 0) {
			const struct span *sp = &a->sentences[si];

			v[i].sent = a->text + sp->start;
			v[i].sent_len = sp->end - sp->start;
			v[i].at = cf->m->start > sp->start
					  ? cf->m->start - sp->start
					  : 0;
			figure_context(r, reg, c->side[cf->side].m, cf->m,
				       sp->start, sp->end, &v[i]);
		}
	}
	c->groups = figalign_run(r->figs, v, c->nfigs, &c->ngroups);
	for (i = 0; i < c->nfigs; i++) {
		c->figs[i].group = v[i].group;
		c->figs[i].discrepancy = v[i].discrepancy;
	}
	free(v);
}
