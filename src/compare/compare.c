/* compare: two reports side by side. */
#include "compare_priv.h"

#include <stdlib.h>
#include <string.h>

#include "brief/base/startidx.h"
#include "shown_priv.h"

static const struct entities *sort_reg;

static int fig_cmp(const void *a, const void *b)
{
	const struct cmp_figure *x = a, *y = b;
	if (x->group != y->group)
		return x->group < y->group ? -1 : 1;
	if (x->side != y->side)
		return x->side - y->side;
	return x->m->start < y->m->start ? -1 : x->m->start > y->m->start;
}

static int ent_cmp(const void *a, const void *b)
{
	const struct cmp_entity *x = a, *y = b;
	const struct entity *ex = entities_get(sort_reg, x->entity);
	const struct entity *ey = entities_get(sort_reg, y->entity);
	size_t tx = x->count[0] + x->count[1], ty = y->count[0] + y->count[1];
	int d;

	if (ex->cat != ey->cat)
		return ex->cat < ey->cat ? -1 : 1;
	if (tx != ty)
		return tx > ty ? -1 : 1;
	if ((d = strcmp(x->name, y->name)) != 0)
		return d;
	return strcmp(ex->name, ey->name);
}

static int is_dated(const struct figure *f)
{
	return f->kind == FIG_DATE || f->kind == FIG_YEAR || f->kind == FIG_TIME;
}

struct comparison *compare_run(const struct compare_rules *r,
			       const struct entities *reg,
			       const struct article *a,
			       const struct mentions *ma,
			       const struct article *b,
			       const struct mentions *mb)
{
	struct comparison *c = xcalloc(1, sizeof *c);
	size_t ne = entities_count(reg), s, i, k, total[2] = {0, 0}, cap = 0;
	size_t (*cnt)[2] = xcalloc(ne + 1, sizeof *cnt);
	uint32_t *rep = xcalloc(ne + 1, sizeof *rep);

	c->side[0].a = a;
	c->side[0].m = ma;
	c->side[1].a = b;
	c->side[1].m = mb;
	for (s = 0; s < 2; s++) {
		struct cmp_side *sd = &c->side[s];

		quotes_find(r->q, sd->a, sd->m, reg, &sd->q, &sd->nq);
		for (i = 0; i < sd->nq; i++)
			sd->q[i].report = (int)s;
		timeline_find(r->tl, sd->a, sd->m, &sd->tl, &sd->ntl);
		sd->topics = xcalloc(sd->a->nsections + 1, sizeof *sd->topics);
		sd->nth = topics_find(r->topics, sd->a, sd->m->v, sd->m->n, reg,
				      &sd->th);
		for (k = 0; k < sd->nth; k++)
			sd->topics[sd->th[k].section] |= 1ULL << sd->th[k].topic;
		for (i = 0; i < sd->m->n; i++) {
			const struct mention *mn = &sd->m->v[i];

			if (mn->cat == CAT_FIGURE) {
				const struct figure *f;

				if (mn->entity == ENTITY_NONE)
					continue;
				f = mention_figure(sd->m, mn);
				if (is_dated(f))
					continue;
				c->figs = xgrow(c->figs, &cap, c->nfigs + 1,
						sizeof *c->figs);
				c->figs[c->nfigs].counts = mn->entity;
				c->figs[c->nfigs].side = (int)s;
				c->figs[c->nfigs].m = mn;
				c->figs[c->nfigs].f = f;
				c->figs[c->nfigs].discrepancy = 0;
				c->nfigs++;
			} else if (mn->entity < ne) {
				cnt[mn->entity][s]++;
				total[s]++;
			}
		}
	}
	/* entities, one for the forms of one name */
	{
		struct keycache kc = {r, reg, xcalloc(ne + 1, sizeof(char *)),
				      ne, rep, {NULL, NULL}, {0, 0}, NULL, 0,
				      0};

		for (i = 0; i < ne; i++)
			rep[i] = (uint32_t)i;

		cmp_add_contextual(&kc, c, cnt);
		cmp_add_acronyms(&kc, c, cnt);
		cmp_add_short_forms(&kc, c, cnt);
		cmp_merge_by_key(&kc, ne, cnt);
		cmp_add_state_institutions(&kc, c, cnt);
		cmp_add_descriptions(&kc, c, cnt);
		cmp_add_state_descriptions(&kc, c, cnt);
		cmp_add_places(&kc, c, cnt);
		cmp_add_seat_mentions(&kc, c, cnt);
		cmp_add_titles(&kc, c, cnt);
		cmp_add_names(&kc, c, cnt);
		cmp_add_seat_places(&kc, c, cnt);
		for (i = 0; i < ne; i++)
			free(kc.k[i]);
		free(kc.k);
		startidx_free(kc.ix[0]);
		startidx_free(kc.ix[1]);
		for (i = 0; i < kc.ncounted; i++)
			free(kc.counted[i].form);
		free(kc.counted);
	}
	c->ents = xcalloc(ne + 1, sizeof *c->ents);
	for (i = 0; i < ne; i++) {
		struct cmp_entity *ce;

		if (cnt[i][0] + cnt[i][1] == 0)
			continue;
		ce = &c->ents[c->nents++];
		ce->entity = (uint32_t)i;
		ce->count[0] = cnt[i][0];
		ce->count[1] = cnt[i][1];
		if (cnt[i][0] && cnt[i][1] && total[0] && total[1] &&
		    (int)(cnt[i][0] + cnt[i][1]) >= r->min_mentions) {
			double sa = (double)cnt[i][0] / (double)total[0];
			double sb = (double)cnt[i][1] / (double)total[1];

			if (sa >= r->share_factor * sb)
				ce->prominent = 1;
			else if (sb >= r->share_factor * sa)
				ce->prominent = 2;
		}
	}
	free(cnt);
	shown_names(c, reg, rep, ne);
	free(rep);
	sort_reg = reg;
	xqsort(c->ents, c->nents, sizeof *c->ents, ent_cmp);
	cmp_align_figures(r, reg, c);
	xqsort(c->figs, c->nfigs, sizeof *c->figs, fig_cmp);
	return c;
}

struct quote_row *compare_quote_rows(const struct comparison *c, size_t *n)
{
	return quotes_rows(c->side[0].q, c->side[0].nq, c->side[0].a->text,
			   c->side[1].q, c->side[1].nq, c->side[1].a->text, n);
}

void compare_free(struct comparison *c)
{
	size_t s;

	if (c == NULL)
		return;
	for (s = 0; s < 2; s++) {
		quotes_free(c->side[s].q, c->side[s].nq);
		free(c->side[s].tl);
		free(c->side[s].topics);
		free(c->side[s].th);
	}
	for (s = 0; s < c->nents; s++)
		free(c->ents[s].name);
	free(c->ents);
	names_free(c->names, c->nnames);
	free(c->figs);
	free(c->groups);
	free(c);
}
