/* compare: two reports side by side. */
#include "brief/compare/compare.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "brief/base/paths.h"
#include "brief/yaml/wordlist.h"
#include "brief/yaml/yamlio.h"

/* same_names: a list of lists; the first word of each names them all. */
static int load_same_names(struct compare_rules *r, const struct ynode *root,
			   const char *p, struct err *e)
{
	const struct ynode *l = ynode_get(root, "same_names");
	size_t i;

	if (l == NULL)
		return 0;
	if (l->type != YNODE_SEQ) {
		ynode_err(e, p, l, "'same_names' must be a list of lists of "
			  "names");
		return -1;
	}
	r->same = xcalloc(l->nkids + 1, sizeof *r->same);
	r->nsame_len = xcalloc(l->nkids + 1, sizeof *r->nsame_len);
	for (i = 0; i < l->nkids; i++) {
		if (wordlist_strings(p, l->kids[i], "same_names", 1,
				     &r->same[i], &r->nsame_len[i], e) != 0)
			return -1;
		r->nsame++;
		if (r->nsame_len[i] == 0) {
			ynode_err(e, p, l->kids[i], "'same_names': a group "
				  "holds a name at least");
			return -1;
		}
	}
	return 0;
}

struct compare_rules *compare_rules_load(const char *path,
					 const char *topics_path,
					 struct err *e)
{
	struct compare_rules *r = xcalloc(1, sizeof *r);
	char *p = path ? xstrdup(path) : paths_config_file("compare.yaml");
	char *tp;
	struct ynode *root = NULL;
	const struct ynode *v;
	int ok;

	tp = topics_path ? xstrdup(topics_path) : topics_default_path();
	root = yamlio_parse_file(p, &ok, e);
	if (!ok)
		goto fail;
	if (root == NULL || root->type != YNODE_MAP) {
		ynode_err(e, p, root, "the comparison rules must be a mapping");
		goto fail;
	}
	r->share_factor = 2.5;
	r->min_mentions = 3;
	if ((v = ynode_get(root, "share_factor")) && v->type == YNODE_SCALAR)
		r->share_factor = atof(v->str);
	if ((v = ynode_get(root, "min_mentions")) && v->type == YNODE_SCALAR)
		r->min_mentions = atoi(v->str);
	if (load_same_names(r, root, p, e) != 0)
		goto fail;
	r->q = quoterules_load(root, p, e);
	if (r->q == NULL)
		goto fail;
	r->tl = tlrules_load(root, p, e);
	if (r->tl == NULL)
		goto fail;
	r->topics = topics_load(tp, e);
	if (r->topics == NULL)
		goto fail;
	ynode_free(root);
	free(p);
	free(tp);
	return r;
fail:
	ynode_free(root);
	free(p);
	free(tp);
	compare_rules_free(r);
	return NULL;
}

void compare_rules_free(struct compare_rules *r)
{
	size_t i, k;

	if (r == NULL)
		return;
	for (i = 0; i < r->nsame; i++) {
		for (k = 0; k < r->nsame_len[i]; k++)
			free(r->same[i][k]);
		free(r->same[i]);
	}
	free(r->same);
	free(r->nsame_len);
	quoterules_free(r->q);
	tlrules_free(r->tl);
	topics_free(r->topics);
	free(r);
}

/* ---- figures ---- */

static void interval(const struct figure *f, double *lo, double *hi)
{
	const char *q = f->qual;

	*lo = f->lo;
	*hi = f->hi;
	if (q == NULL)
		return;
	if (strcmp(q, "more than") == 0) {
		*lo = f->lo * 1.0000001;
		*hi = INFINITY;
	} else if (strcmp(q, "at least") == 0) {
		*hi = INFINITY;
	} else if (strcmp(q, "nearly") == 0) {
		*lo = f->lo * 0.8;
	} else if (strcmp(q, "about") == 0) {
		*lo = f->lo * 0.85;
		*hi = f->hi * 1.15;
	} else if (strcmp(q, "up to") == 0 || strcmp(q, "at most") == 0) {
		*lo = 0;
	} else if (strcmp(q, "less than") == 0) {
		*lo = 0;
		*hi = f->hi * 0.9999999;
	}
}

int compare_disagree(const struct figure *x, const struct figure *y)
{
	double xl, xh, yl, yh;

	if ((x->currency == NULL) != (y->currency == NULL) ||
	    (x->currency && strcmp(x->currency, y->currency) != 0))
		return 0; /* not comparable */
	if (x->kind == FIG_TALLY || y->kind == FIG_TALLY) /* 79 to 18 */
		return x->kind == y->kind && (x->lo != y->lo || x->hi != y->hi);
	interval(x, &xl, &xh);
	interval(y, &yl, &yh);
	return xh < yl || yh < xl;
}

/* Money (by currency) and tallies are compared pair by pair, not as
 * intervals. */
static int pairwise(const struct figure *f)
{
	return f->currency != NULL || f->kind == FIG_TALLY;
}

static const struct entities *sort_reg;

static int fig_cmp(const void *a, const void *b)
{
	const struct cmp_figure *x = a, *y = b;
	int c;

	if (x->counts != y->counts) {
		c = strcmp(entities_get(sort_reg, x->counts)->name,
			   entities_get(sort_reg, y->counts)->name);
		if (c)
			return c;
	}
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

	if (ex->cat != ey->cat)
		return ex->cat < ey->cat ? -1 : 1;
	if (tx != ty)
		return tx > ty ? -1 : 1;
	return strcmp(ex->name, ey->name);
}

static int is_dated(const struct figure *f)
{
	return f->kind == FIG_DATE || f->kind == FIG_YEAR || f->kind == FIG_TIME;
}

struct iv {
	double lo, hi;
};

static int iv_cmp(const void *a, const void *b)
{
	const struct iv *x = a, *y = b;

	return x->lo < y->lo ? -1 : x->lo > y->lo;
}

/* Does any interval of v (sorted by lo, with prefix maxima of hi in mx)
 * meet [lo, hi]? */
static int meets(const struct iv *v, const double *mx, size_t n, double lo,
		 double hi)
{
	size_t a = 0, b = n;

	while (a < b) { /* the intervals that start at or before hi */
		size_t m = (a + b) / 2;

		if (v[m].lo <= hi)
			a = m + 1;
		else
			b = m;
	}
	return a > 0 && mx[a - 1] >= lo;
}

/* Discrepancies: a figure that no figure of the other report for the same
 * thing agrees with.  Figures are sorted by what they count, so each
 * group is compared with interval searches, not pair by pair. */
static void mark_discrepancies(struct comparison *c)
{
	size_t i = 0, k;

	while (i < c->nfigs) {
		size_t j = i, n[2] = {0, 0}, free_money[2] = {0, 0};
		struct iv *v[2];
		double *mx[2];
		int s;

		while (j < c->nfigs && c->figs[j].counts == c->figs[i].counts)
			j++;
		for (s = 0; s < 2; s++) {
			v[s] = xcalloc(j - i + 1, sizeof *v[s]);
			mx[s] = xcalloc(j - i + 1, sizeof *mx[s]);
		}
		for (k = i; k < j; k++) {
			const struct figure *f = c->figs[k].f;
			int sd = c->figs[k].side;

			if (pairwise(f)) {
				free_money[sd]++; /* compared pair by pair */
				continue;
			}
			interval(f, &v[sd][n[sd]].lo, &v[sd][n[sd]].hi);
			n[sd]++;
		}
		for (s = 0; s < 2; s++) {
			xqsort(v[s], n[s], sizeof *v[s], iv_cmp);
			for (k = 0; k < n[s]; k++)
				mx[s][k] = k ? fmax(mx[s][k - 1], v[s][k].hi)
					     : v[s][k].hi;
		}
		for (k = i; k < j; k++) {
			const struct cmp_figure *cf = &c->figs[k];
			int other = !cf->side;
			double lo, hi;

			if (pairwise(cf->f)) {
				size_t q;
				int others = 0, agree = 0;

				for (q = i; q < j; q++)
					if (c->figs[q].side == other) {
						others++;
						agree += !compare_disagree(
							cf->f, c->figs[q].f);
					}
				c->figs[k].discrepancy = others && !agree;
				continue;
			}
			if (n[other] + free_money[other] == 0)
				continue;
			interval(cf->f, &lo, &hi);
			c->figs[k].discrepancy =
				n[other] > 0 && !meets(v[other], mx[other],
						       n[other], lo, hi);
		}
		for (s = 0; s < 2; s++) {
			free(v[s]);
			free(mx[s]);
		}
		i = j;
	}
}

/* Drop every possessive ending ("'s", "’s") of the words of k. */
static void drop_possessives(char *k)
{
	char *r = k, *w = k;

	while (*r) {
		size_t n = 0;

		if (r[0] == '\'' && r[1] == 's')
			n = 2;
		else if (strncmp(r, "\xe2\x80\x99s", 4) == 0)
			n = 4;
		if (n && (r[n] == ' ' || r[n] == '\0')) {
			r += n;
			continue;
		}
		*w++ = *r++;
	}
	*w = '\0';
}

char *compare_entity_key(const struct compare_rules *r, const char *name)
{
	char *k = xstrdup(name), *out;
	const char *rest = k, *canon = NULL;
	size_t i, j, best = 0;

	for (i = 0; k[i]; i++)
		if (k[i] >= 'A' && k[i] <= 'Z')
			k[i] = (char)(k[i] - 'A' + 'a');
	drop_possessives(k);
	if (strncmp(rest, "the ", 4) == 0)
		rest += 4;
	for (i = 0; i < r->nsame; i++)
		for (j = 0; j < r->nsame_len[i]; j++) {
			size_t n = strlen(r->same[i][j]);

			if (n > best && strncmp(rest, r->same[i][j], n) == 0 &&
			    (rest[n] == ' ' || rest[n] == '\0')) {
				best = n;
				canon = r->same[i][0];
			}
		}
	if (canon == NULL)
		out = xstrdup(rest);
	else {
		out = xmalloc(strlen(canon) + strlen(rest + best) + 1);
		strcpy(out, canon);
		strcat(out, rest + best);
	}
	free(k);
	return out;
}

struct keyed {
	char *key;
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

/* Entities whose names have one key are one: the counts of each group go
 * to its most mentioned member. */
static void merge_by_key(const struct compare_rules *r,
			 const struct entities *reg, size_t ne,
			 size_t (*cnt)[2])
{
	struct keyed *v = xcalloc(ne + 1, sizeof *v);
	size_t i, j, n = 0, k;

	for (i = 0; i < ne; i++) {
		const struct entity *en = entities_get(reg, (uint32_t)i);

		if (cnt[i][0] + cnt[i][1] == 0 || en == NULL)
			continue;
		v[n].key = compare_entity_key(r, en->name);
		v[n].entity = (uint32_t)i;
		v[n].cat = (int)en->cat;
		n++;
	}
	xqsort(v, n, sizeof *v, keyed_cmp);
	for (i = 0; i < n; i = j) {
		size_t top = i;

		for (j = i + 1; j < n && keyed_cmp(&v[i], &v[j]) == 0; j++)
			if (cnt[v[j].entity][0] + cnt[v[j].entity][1] >
			    cnt[v[top].entity][0] + cnt[v[top].entity][1])
				top = j;
		for (k = i; k < j; k++) {
			if (k == top)
				continue;
			cnt[v[top].entity][0] += cnt[v[k].entity][0];
			cnt[v[top].entity][1] += cnt[v[k].entity][1];
			cnt[v[k].entity][0] = cnt[v[k].entity][1] = 0;
		}
	}
	for (i = 0; i < n; i++)
		free(v[i].key);
	free(v);
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
		for (i = 0, k = 0; i < sd->a->nsections; i++) {
			size_t first = k;

			while (k < sd->m->n &&
			       mention_section(sd->m, &sd->m->v[k]) == i)
				k++;
			sd->topics[i] = topics_of(r->topics, sd->a, i,
						  sd->m->v + first, k - first,
						  reg);
		}
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
	merge_by_key(r, reg, ne, cnt);
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
	sort_reg = reg;
	xqsort(c->ents, c->nents, sizeof *c->ents, ent_cmp);
	xqsort(c->figs, c->nfigs, sizeof *c->figs, fig_cmp);
	mark_discrepancies(c);
	return c;
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
	}
	free(c->ents);
	free(c->figs);
	free(c);
}
