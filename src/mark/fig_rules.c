/* fig_rules: loading the figure word lists of the rules file (numbers,
 * scales, qualifiers, currencies, months, units, ordinals, ...). */
#include "fig_priv.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "brief/yaml/wordlist.h"

static char **push_str(char **arr, size_t *n, const char *s)
{
	arr = xrealloc(arr, (*n + 1) * sizeof *arr);
	arr[(*n)++] = xstrdup(s);
	return arr;
}

static int parse_num(const char *name, const struct ynode *v, double *out,
		     struct err *e)
{
	char *end;

	if (v == NULL || v->type != YNODE_SCALAR) {
		ynode_err(e, name, v, "a number is expected here");
		return -1;
	}
	*out = strtod(v->str, &end);
	if (end == v->str || *end) {
		ynode_err(e, name, v, "'%s' is not a number", v->str);
		return -1;
	}
	return 0;
}

static int need(const char *name, const struct ynode *n, enum ynode_type t,
		const char *key, struct err *e)
{
	if (n == NULL)
		return 0;
	if (n->type != t) {
		ynode_err(e, name, n, "'%s' must be a %s", key,
			  t == YNODE_MAP ? "mapping" : "list");
		return -1;
	}
	return 1;
}

static int load_numbers(struct figrules *r, const char *name,
			const struct ynode *m, struct err *e)
{
	size_t i;
	int h = need(name, m, YNODE_MAP, "numbers", e);

	if (h <= 0)
		return h;
	r->num = xcalloc(m->nkids / 2 + 1, sizeof *r->num);
	for (i = 0; i + 1 < m->nkids; i += 2) {
		const struct ynode *k = m->kids[i], *v = m->kids[i + 1];
		struct numword *w = &r->num[r->nnum];

		if (v->type == YNODE_MAP) {
			const struct ynode *lo = ynode_get(v, "low"),
					   *hi = ynode_get(v, "high"),
					   *c = ynode_get(v, "counts");

			if (parse_num(name, ynode_get(v, "value"), &w->value,
				      e) != 0)
				return -1;
			w->lo = w->hi = w->value;
			if ((lo && parse_num(name, lo, &w->lo, e) != 0) ||
			    (hi && parse_num(name, hi, &w->hi, e) != 0))
				return -1;
			w->weak = ynode_get(v, "weak") != NULL &&
				  strcmp(ynode_get(v, "weak")->str ?
						 ynode_get(v, "weak")->str : "",
					 "true") == 0;
			w->vague = ynode_get(v, "vague") != NULL;
			if (c && c->type == YNODE_SCALAR)
				w->counts = xstrdup(c->str);
		} else {
			if (parse_num(name, v, &w->value, e) != 0)
				return -1;
			w->lo = w->hi = w->value;
		}
		trie_add(r->numbers, k->str, k->len, (uint32_t)r->nnum, 1);
		r->nnum++;
	}
	return 0;
}

static int load_valued(struct trie *t, double **vals, size_t *n,
		       const char *name, const struct ynode *root,
		       const char *key, struct err *e)
{
	const struct ynode *m = ynode_get(root, key);
	size_t i;
	int h = need(name, m, YNODE_MAP, key, e);

	if (h <= 0)
		return h;
	*vals = xcalloc(m->nkids / 2 + 1, sizeof **vals);
	for (i = 0; i + 1 < m->nkids; i += 2) {
		if (parse_num(name, m->kids[i + 1], &(*vals)[*n], e) != 0)
			return -1;
		trie_add(t, m->kids[i]->str, m->kids[i]->len, (uint32_t)*n,
			 0);
		(*n)++;
	}
	return 0;
}

/* A mapping of phrases to names: each phrase gets the index of its name
 * in *names. */
static int load_named(struct trie *t, char ***names, size_t *n,
		      const char *name, const struct ynode *root,
		      const char *key, int fold, struct err *e)
{
	const struct ynode *m = ynode_get(root, key);
	size_t i;
	int h = need(name, m, YNODE_MAP, key, e);

	if (h <= 0)
		return h;
	for (i = 0; i + 1 < m->nkids; i += 2) {
		if (m->kids[i + 1]->type != YNODE_SCALAR) {
			ynode_err(e, name, m->kids[i + 1],
				  "a name is expected here");
			return -1;
		}
		*names = push_str(*names, n, m->kids[i + 1]->str);
		trie_add(t, m->kids[i]->str, m->kids[i]->len,
			 (uint32_t)*n - 1, fold);
	}
	return 0;
}

/* A list of words (folded); with names, each word's value is the index
 * of its text pushed on *names. */
static int load_list(struct trie *t, char ***names, size_t *n,
		     const char *name, const struct ynode *root,
		     const char *key, struct err *e)
{
	const struct ynode *l = ynode_get(root, key);
	size_t i;

	if (wordlist_load(t, name, l, key, 1, names ? (uint32_t)*n : 0, e) != 0)
		return -1;
	for (i = 0; names && l && i < l->nkids; i++)
		*names = push_str(*names, n, l->kids[i]->str);
	return 0;
}

struct figrules *figrules_load(const struct ynode *root, const char *name,
			       struct err *e)
{
	struct figrules *r = xcalloc(1, sizeof *r);
	double *months = NULL;
	size_t nmonths = 0;

	r->numbers = trie_new();
	r->scales = trie_new();
	r->quals = trie_new();
	r->signs = trie_new();
	r->curwords = trie_new();
	r->percent = trie_new();
	r->months = trie_new();
	r->stops = trie_new();
	r->units = trie_new();
	r->timeunits = trie_new();
	r->nouns = trie_new();
	r->month_leads = trie_new();
	r->singular = trie_new();
	r->durations = trie_new();
	r->starters = trie_new();
	r->ordinals = trie_new();
	r->ord_leads = trie_new();
	r->part_words = trie_new();
	r->ord_kinds = trie_new();
	r->labels = trie_new();
	r->cites = trie_new();
	r->joins = trie_new();
	r->leads = trie_new();
	r->back = trie_new();
	r->pronouns = trie_new();
	if (load_numbers(r, name, ynode_get(root, "numbers"), e) != 0 ||
	    load_valued(r->scales, &r->scale, &r->nscale, name, root,
			"scales", e) != 0 ||
	    load_named(r->quals, &r->qual, &r->nqual, name, root,
		       "qualifiers", 1, e) != 0 ||
	    load_named(r->signs, &r->cur, &r->ncur, name, root,
		       "currency_signs", 0, e) != 0 ||
	    load_named(r->curwords, &r->cur, &r->ncur, name, root,
		       "currency_words", 1, e) != 0 ||
	    load_list(r->percent, NULL, NULL, name, root, "percent_words",
		      e) != 0 ||
	    load_valued(r->months, &months, &nmonths, name, root, "months",
			e) != 0 ||
	    load_list(r->stops, NULL, NULL, name, root, "counted_stop",
		      e) != 0 ||
	    load_list(r->units, &r->unit, &r->nunit, name, root, "units",
		      e) != 0 ||
	    load_list(r->timeunits, &r->unit, &r->nunit, name, root,
		      "time_units", e) != 0 ||
	    load_list(r->nouns, NULL, NULL, name, root, "counted_nouns",
		      e) != 0 ||
	    load_list(r->month_leads, NULL, NULL, name, root, "month_leads",
		      e) != 0 ||
	    load_list(r->singular, NULL, NULL, name, root,
		      "counted_singular", e) != 0 ||
	    load_list(r->durations, NULL, NULL, name, root, "durations",
		      e) != 0 ||
	    load_valued(r->ordinals, &r->ordval, &r->nord, name, root,
			"ordinals", e) != 0 ||
	    load_list(r->ord_leads, NULL, NULL, name, root, "ordinal_leads",
		      e) != 0 ||
	    load_list(r->part_words, NULL, NULL, name, root, "part_words",
		      e) != 0 ||
	    load_list(r->ord_kinds, NULL, NULL, name, root, "ordinal_kinds",
		      e) != 0 ||
	    load_list(r->labels, NULL, NULL, name, root, "number_labels",
		      e) != 0 ||
	    load_list(r->cites, NULL, NULL, name, root, "number_citations",
		      e) != 0 ||
	    load_list(r->joins, NULL, NULL, name, root, "label_joins",
		      e) != 0 ||
	    load_list(r->leads, NULL, NULL, name, root, "counted_lead",
		      e) != 0 ||
	    load_list(r->back, NULL, NULL, name, root, "counted_back",
		      e) != 0 ||
	    load_list(r->pronouns, NULL, NULL, name, root,
		      "counted_pronouns", e) != 0) {
		free(months);
		figrules_free(r);
		return NULL;
	}
	{
		/* one trie of every word a figure may begin with, so that a
		 * word start costs one walk */
		const char *keys[] = {"numbers", "qualifiers", "months",
				      "ordinals", "currency_signs"};
		size_t k, i;

		for (k = 0; k < 5; k++) {
			const struct ynode *m = ynode_get(root, keys[k]);

			for (i = 0; m && i + 1 < m->nkids; i += 2) {
				const char *w = m->kids[i]->str;
				size_t wl = strcspn(w, " -");

				trie_add(r->starters, w, wl, 0, 1);
			}
		}
	}
	/* the months trie maps to an index; keep the month numbers there */
	r->scale = xrealloc(r->scale, (r->nscale + nmonths + 1) *
					      sizeof *r->scale);
	if (nmonths)
		memcpy(r->scale + r->nscale, months, nmonths * sizeof *months);
	r->scale[r->nscale + nmonths] = 0; /* the slot after: saved too */
	r->nscale_all = r->nscale + nmonths + 1;
	free(months);
	return r;
}

void figrules_free(struct figrules *r)
{
	size_t i;

	if (r == NULL)
		return;
	trie_free(r->numbers);
	trie_free(r->scales);
	trie_free(r->quals);
	trie_free(r->signs);
	trie_free(r->curwords);
	trie_free(r->percent);
	trie_free(r->months);
	trie_free(r->stops);
	trie_free(r->units);
	trie_free(r->timeunits);
	trie_free(r->month_leads);
	trie_free(r->singular);
	trie_free(r->durations);
	trie_free(r->nouns);
	trie_free(r->starters);
	trie_free(r->ordinals);
	trie_free(r->ord_leads);
	trie_free(r->part_words);
	trie_free(r->ord_kinds);
	trie_free(r->leads);
	trie_free(r->back);
	trie_free(r->pronouns);
	trie_free(r->labels);
	trie_free(r->cites);
	trie_free(r->joins);
	free(r->ordval);
	for (i = 0; i < r->nnum; i++)
		free(r->num[i].counts);
	free(r->num);
	free(r->scale);
	for (i = 0; i < r->nqual; i++)
		free(r->qual[i]);
	free(r->qual);
	for (i = 0; i < r->ncur; i++)
		free(r->cur[i]);
	free(r->cur);
	for (i = 0; i < r->nunit; i++)
		free(r->unit[i]);
	free(r->unit);
	free(r);
}

/* Every trie of struct figrules, with the length of what its values
 * index (0: values are not indices). */
static const struct fig_trie {
	size_t trie;         /* offset of its struct trie * */
	size_t count;        /* offset of the size_t count, or SIZE_MAX */
	uint32_t fixed;      /* else this bound (0: none) */
} fig_tries[] = {
	{offsetof(struct figrules, numbers), offsetof(struct figrules, nnum), 0},
	{offsetof(struct figrules, scales), offsetof(struct figrules, nscale), 0},
	{offsetof(struct figrules, quals), offsetof(struct figrules, nqual), 0},
	{offsetof(struct figrules, signs), offsetof(struct figrules, ncur), 0},
	{offsetof(struct figrules, curwords), offsetof(struct figrules, ncur), 0},
	{offsetof(struct figrules, percent), SIZE_MAX, 0},
	{offsetof(struct figrules, months), offsetof(struct figrules, nscale_all),
	 0},
	{offsetof(struct figrules, stops), SIZE_MAX, 0},
	{offsetof(struct figrules, units), offsetof(struct figrules, nunit), 0},
	{offsetof(struct figrules, timeunits), offsetof(struct figrules, nunit),
	 0},
	{offsetof(struct figrules, nouns), SIZE_MAX, 0},
	{offsetof(struct figrules, month_leads), SIZE_MAX, 0},
	{offsetof(struct figrules, singular), SIZE_MAX, 0},
	{offsetof(struct figrules, durations), SIZE_MAX, 0},
	{offsetof(struct figrules, starters), SIZE_MAX, 0},
	{offsetof(struct figrules, ordinals), offsetof(struct figrules, nord), 0},
	{offsetof(struct figrules, ord_leads), SIZE_MAX, 0},
	{offsetof(struct figrules, part_words), SIZE_MAX, 0},
	{offsetof(struct figrules, ord_kinds), SIZE_MAX, 0},
	{offsetof(struct figrules, labels), SIZE_MAX, 0},
	{offsetof(struct figrules, cites), SIZE_MAX, 0},
	{offsetof(struct figrules, joins), SIZE_MAX, 0},
	{offsetof(struct figrules, leads), SIZE_MAX, 0},
	{offsetof(struct figrules, back), SIZE_MAX, 0},
	{offsetof(struct figrules, pronouns), SIZE_MAX, 0},
};

#define NFIGTRIES (sizeof fig_tries / sizeof *fig_tries)

static struct trie **fig_trie_of(struct figrules *r, size_t i)
{
	return (struct trie **)(void *)((char *)r + fig_tries[i].trie);
}

void figrules_save(const struct figrules *r, struct buf *b)
{
	size_t i;

	for (i = 0; i < NFIGTRIES; i++)
		trie_save(*fig_trie_of((struct figrules *)(uintptr_t)r, i), b);
	ser_u64(b, r->nnum);
	for (i = 0; i < r->nnum; i++) {
		ser_bytes(b, &r->num[i].value, 3 * sizeof(double));
		ser_u32(b, (uint32_t)r->num[i].weak);
		ser_u32(b, (uint32_t)r->num[i].vague);
		ser_str(b, r->num[i].counts);
	}
	ser_u64(b, r->nscale);
	ser_u64(b, r->nscale_all);
	ser_bytes(b, r->scale, r->nscale_all * sizeof *r->scale);
	ser_u64(b, r->nord);
	ser_bytes(b, r->ordval, r->nord * sizeof *r->ordval);
	ser_strs(b, r->qual, r->nqual);
	ser_strs(b, r->cur, r->ncur);
	ser_strs(b, r->unit, r->nunit);
}

struct figrules *figrules_load_saved(struct deser *d)
{
	struct figrules *r = xcalloc(1, sizeof *r);
	uint64_t n;
	size_t i;

	for (i = 0; i < NFIGTRIES; i++)
		if ((*fig_trie_of(r, i) = trie_load(d)) == NULL)
			d->bad = 1;
	n = deser_u64(d);
	if (deser_check(d, n <= (d->n - d->at) / 48) && n) {
		r->num = xcalloc((size_t)n, sizeof *r->num);
		for (i = 0; i < n && !d->bad; i++) {
			struct numword *w = &r->num[i];
			size_t got;
			const void *p = deser_bytes(d, &got, 0);

			if (deser_check(d, got == 3 * sizeof(double))) {
				memcpy(&w->value, p, sizeof(double));
				memcpy(&w->lo, (const char *)p + sizeof(double),
				       sizeof(double));
				memcpy(&w->hi,
				       (const char *)p + 2 * sizeof(double),
				       sizeof(double));
			}
			w->weak = deser_u32(d) != 0;
			w->vague = deser_u32(d) != 0;
			w->counts = deser_str(d);
			r->nnum = i + 1;
		}
	}
	n = deser_u64(d);
	r->nscale_all = (size_t)deser_u64(d);
	deser_check(d, n < r->nscale_all && r->nscale_all <= d->n - d->at);
	r->scale = deser_array(d, r->nscale_all, sizeof *r->scale);
	r->nscale = r->scale ? (size_t)n : 0;
	if (r->scale == NULL)
		r->nscale_all = 0;
	n = deser_u64(d);
	deser_check(d, n <= d->n - d->at);
	r->ordval = deser_array(d, (size_t)n, sizeof *r->ordval);
	r->nord = r->ordval ? (size_t)n : 0;
	r->qual = deser_strs(d, &r->nqual);
	r->cur = deser_strs(d, &r->ncur);
	r->unit = deser_strs(d, &r->nunit);
	for (i = 0; i < NFIGTRIES && !d->bad; i++) {
		const struct fig_trie *f = &fig_tries[i];
		size_t lim = f->count != SIZE_MAX
				     ? *(size_t *)(void *)((char *)r + f->count)
				     : f->fixed ? f->fixed
						: (size_t)UINT32_MAX;

		deser_check(d, trie_values_below(*fig_trie_of(r, i),
						 (uint32_t)lim));
	}
	/* a month's value indexes the month numbers after the scales */
	if (!d->bad)
		deser_check(d, trie_values_below(r->months,
						 (uint32_t)(r->nscale_all -
							    r->nscale - 1)));
	if (d->bad) {
		figrules_free(r);
		return NULL;
	}
	return r;
}
