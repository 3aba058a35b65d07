/* fig_rules: loading the figure word lists of the rules file (numbers,
 * scales, qualifiers, currencies, months, units, ordinals, ...). */
#include "fig_priv.h"

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
	r->starters = trie_new();
	r->ordinals = trie_new();
	r->ord_leads = trie_new();
	r->part_words = trie_new();
	r->labels = trie_new();
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
	    load_valued(r->ordinals, &r->ordval, &r->nord, name, root,
			"ordinals", e) != 0 ||
	    load_list(r->ord_leads, NULL, NULL, name, root, "ordinal_leads",
		      e) != 0 ||
	    load_list(r->part_words, NULL, NULL, name, root, "part_words",
		      e) != 0 ||
	    load_list(r->labels, NULL, NULL, name, root, "number_labels",
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
				      "ordinals"};
		size_t k, i;

		for (k = 0; k < 4; k++) {
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
	trie_free(r->nouns);
	trie_free(r->starters);
	trie_free(r->ordinals);
	trie_free(r->ord_leads);
	trie_free(r->part_words);
	trie_free(r->leads);
	trie_free(r->back);
	trie_free(r->pronouns);
	trie_free(r->labels);
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
