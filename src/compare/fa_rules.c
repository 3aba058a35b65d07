/* fa_rules: loading the figure alignment rules (data/figures.yaml). */
#include "fa_priv.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "brief/base/alloc.h"
#include "brief/base/paths.h"
#include "brief/yaml/wordlist.h"
#include "brief/yaml/yamlio.h"

void figalign_rules_free(struct figrules_align *r)
{
	size_t i;

	if (r == NULL)
		return;
	trie_free(r->syn);
	trie_free(r->mods);
	trie_free(r->units);
	trie_free(r->generic);
	trie_free(r->events);
	trie_free(r->states);
	trie_free(r->broader);
	for (i = 0; i < r->nbr; i++)
		free(r->brname[i]);
	free(r->brname);
	trie_free(r->totals);
	trie_free(r->relative);
	trie_free(r->lasting);
	trie_free(r->purpose_skip);
	trie_free(r->purpose_ends);
	trie_free(r->nationals);
	for (i = 0; i < r->nbreaks; i++)
		free(r->breaks[i]);
	free(r->breaks);
	for (i = 0; i < r->nsyn; i++)
		free(r->synname[i]);
	for (i = 0; i < r->nbases; i++)
		free(r->bases[i]);
	for (i = 0; i < r->nev; i++)
		free(r->evname[i]);
	for (i = 0; i < r->ncur; i++)
		free(r->cur[i]);
	free(r->cur);
	free(r->rate);
	free(r->synname);
	free(r->bases);
	free(r->evname);
	free(r->unit);
	free(r);
}

static int bad(struct err *e, const char *p, const struct ynode *n,
	       const char *what)
{
	ynode_err(e, p, n, "%s", what);
	return -1;
}

static void add_forms(struct trie *t, const char *w, size_t len, uint32_t v);

/* wordlist_load gives each word its own value; a synonym list or a class
 * of events needs one value for all its words, so the words are added
 * here one by one (with their forms, for events). */
static int add_list(struct trie *t, const char *p, const struct ynode *l,
		    uint32_t v, int forms, struct err *e)
{
	size_t i;

	if (l->type != YNODE_SEQ)
		return bad(e, p, l, "a list of words is expected");
	for (i = 0; i < l->nkids; i++) {
		const struct ynode *w = l->kids[i];

		if (w->type != YNODE_SCALAR || w->len == 0)
			return bad(e, p, w, "a word is expected");
		if (forms)
			add_forms(t, w->str, w->len, v);
		else
			trie_add(t, w->str, w->len, v, 1);
	}
	return 0;
}

static int load_synonyms(struct figrules_align *r, const char *p,
			 const struct ynode *l, struct err *e)
{
	size_t i;

	if (l == NULL)
		return 0;
	if (l->type != YNODE_SEQ)
		return bad(e, p, l, "'synonyms' must be a list of lists");
	r->synname = xcalloc(l->nkids + 1, sizeof *r->synname);
	for (i = 0; i < l->nkids; i++) {
		const struct ynode *k = l->kids[i];

		if (k->type != YNODE_SEQ || k->nkids == 0 ||
		    k->kids[0]->type != YNODE_SCALAR)
			return bad(e, p, k, "a list of words is expected");
		if (add_list(r->syn, p, k, (uint32_t)r->nsyn, 0, e) < 0)
			return -1;
		r->synname[r->nsyn] = xstrdup(k->kids[0]->str);
		r->nsyn++;
	}
	return 0;
}

static int load_units(struct figrules_align *r, const char *p,
		      const struct ynode *m, struct err *e)
{
	size_t i, j;

	if (m == NULL)
		return 0;
	if (m->type != YNODE_MAP)
		return bad(e, p, m, "'units' must map a unit to its spellings");
	r->bases = xcalloc(m->nkids / 2 + 1, sizeof *r->bases);
	for (i = 0; i + 1 < m->nkids; i += 2) {
		const struct ynode *k = m->kids[i], *v = m->kids[i + 1];
		char *base;

		if (k->type != YNODE_SCALAR || v->type != YNODE_MAP)
			return bad(e, p, v, "a unit's spellings must be a "
					    "mapping of factors");
		base = r->bases[r->nbases++] = xstrdup(k->str);
		r->unit = realloc(r->unit, (r->nunit + v->nkids / 2 + 1) *
						   sizeof *r->unit);
		if (r->unit == NULL)
			abort();
		for (j = 0; j + 1 < v->nkids; j += 2) {
			const struct ynode *s = v->kids[j], *f = v->kids[j + 1];
			char *end;
			double x;

			if (s->type != YNODE_SCALAR || f->type != YNODE_SCALAR)
				return bad(e, p, f, "a factor is expected");
			x = strtod(f->str, &end);
			if (*end || !(x > 0))
				return bad(e, p, f, "a positive factor is "
						    "expected");
			r->unit[r->nunit].base = base;
			r->unit[r->nunit].factor = x;
			trie_add(r->units, s->str, s->len, (uint32_t)r->nunit,
				 1);
			r->nunit++;
		}
	}
	return 0;
}

/* Add w[0..stem) + x + w[wl..len) (the first word of a phrase changed)
 * with value v. */
static void add_form(struct trie *t, const char *w, size_t len, size_t wl,
		     size_t stem, const char *x, uint32_t v)
{
	char buf[160];
	int n = snprintf(buf, sizeof buf, "%.*s%s%.*s", (int)stem, w, x,
			 (int)(len - wl), w + wl);

	if (n > 0 && (size_t)n < sizeof buf)
		trie_add(t, buf, (size_t)n, v, 1);
}

/* Add word w of event class v with its forms: the first word of a phrase
 * takes "-s", "-es", "-ed", "-d", "-ing" (a final "e" dropped: "firing"),
 * "-ies" and "-ied" (for a final "y"), and a doubled last letter
 * ("hitting", "targetted"). */
static void add_forms(struct trie *t, const char *w, size_t len, uint32_t v)
{
	static const char *const sfx[] = {"", "s", "es", "ed", "d"};
	size_t wl = strcspn(w, " "), i;
	char dbl[8];

	for (i = 0; i < sizeof sfx / sizeof *sfx; i++)
		add_form(t, w, len, wl, wl, sfx[i], v);
	add_form(t, w, len, wl, wl > 2 && w[wl - 1] == 'e' ? wl - 1 : wl,
		 "ing", v);
	if (wl > 2 && w[wl - 1] == 'y') {
		add_form(t, w, len, wl, wl - 1, "ies", v);
		add_form(t, w, len, wl, wl - 1, "ied", v);
	}
	if (wl > 1) {
		snprintf(dbl, sizeof dbl, "%ced", w[wl - 1]);
		add_form(t, w, len, wl, wl, dbl, v);
		snprintf(dbl, sizeof dbl, "%cing", w[wl - 1]);
		add_form(t, w, len, wl, wl, dbl, v);
	}
}

/* A mapping of names to lists of words (m, under key in the file): each
 * word goes to t with its name's index (with its forms when forms is
 * set), the names to *names, their number to *n.  At most max names. */
static int load_named_lists(struct trie *t, const char *p,
			    const struct ynode *m, const char *key,
			    size_t max, int forms, char ***names, size_t *n,
			    struct err *e)
{
	size_t i;

	if (m == NULL)
		return 0;
	if (m->type != YNODE_MAP || m->nkids / 2 > max) {
		ynode_err(e, p, m, "'%s' must map at most %zu names to lists "
			  "of words", key, max);
		return -1;
	}
	*names = xcalloc(m->nkids / 2 + 1, sizeof **names);
	for (i = 0; i + 1 < m->nkids; i += 2) {
		if (m->kids[i]->type != YNODE_SCALAR)
			return bad(e, p, m->kids[i], "a name is expected");
		if (add_list(t, p, m->kids[i + 1], (uint32_t)*n, forms, e) < 0)
			return -1;
		(*names)[(*n)++] = xstrdup(m->kids[i]->str);
	}
	return 0;
}

/* not_events: phrases, with the forms of their first word, that hide an
 * event word in them. */
static int load_not_events(struct figrules_align *r, const char *p,
			   const struct ynode *l, struct err *e)
{
	if (l == NULL)
		return 0;
	return add_list(r->events, p, l, FA_NOT_EVENT, 1, e);
}

static int load_breaks(struct figrules_align *r, const char *p,
		       const struct ynode *l, struct err *e)
{
	size_t i;

	if (l == NULL)
		return 0;
	if (l->type != YNODE_SEQ)
		return bad(e, p, l, "'clause_breaks' must be a list");
	r->breaks = xcalloc(l->nkids + 1, sizeof *r->breaks);
	for (i = 0; i < l->nkids; i++) {
		if (l->kids[i]->type != YNODE_SCALAR || l->kids[i]->len == 0)
			return bad(e, p, l->kids[i], "a clause break is "
						     "expected");
		r->breaks[r->nbreaks++] = xstrdup(l->kids[i]->str);
	}
	return 0;
}

/* kin: lists of event classes that tell of one occasion from two sides;
 * each class points at the first of its list. */
static int load_kin(struct figrules_align *r, const char *p,
		    const struct ynode *l, struct err *e)
{
	size_t i, j, c;

	if (l == NULL)
		return 0;
	if (l->type != YNODE_SEQ)
		return bad(e, p, l, "'kin' must be a list of lists of event "
				    "classes");
	for (i = 0; i < l->nkids; i++) {
		const struct ynode *k = l->kids[i];
		int first = -1;

		if (k->type != YNODE_SEQ)
			return bad(e, p, k, "a list of event classes is "
					    "expected");
		for (j = 0; j < k->nkids; j++) {
			const struct ynode *w = k->kids[j];

			for (c = 0; c < r->nev; c++)
				if (w->type == YNODE_SCALAR &&
				    strcmp(w->str, r->evname[c]) == 0)
					break;
			if (c == r->nev)
				return bad(e, p, w, "not a class of 'events'");
			if (first < 0)
				first = (int)c;
			r->kin[c] = first;
		}
	}
	return 0;
}

/* currencies: each code with what one of it is worth in the first. */
static int load_currencies(struct figrules_align *r, const char *p,
			   const struct ynode *m, struct err *e)
{
	size_t i;

	if (m == NULL)
		return 0;
	if (m->type != YNODE_MAP)
		return bad(e, p, m, "'currencies' must map a currency to its "
				    "rate");
	r->cur = xcalloc(m->nkids / 2 + 1, sizeof *r->cur);
	r->rate = xcalloc(m->nkids / 2 + 1, sizeof *r->rate);
	for (i = 0; i + 1 < m->nkids; i += 2) {
		const struct ynode *k = m->kids[i], *v = m->kids[i + 1];
		char *end = NULL;
		double x = v->type == YNODE_SCALAR ? strtod(v->str, &end) : 0;

		if (k->type != YNODE_SCALAR || end == NULL || *end || !(x > 0))
			return bad(e, p, v, "a positive rate is expected");
		r->cur[r->ncur] = xstrdup(k->str);
		r->rate[r->ncur++] = x;
	}
	return 0;
}

/* A number from 0 to 1 under key (*out unchanged when it is absent). */
static int load_fraction(const char *p, const struct ynode *root,
			 const char *key, double *out, struct err *e)
{
	const struct ynode *v = ynode_get(root, key);
	char *end = NULL;
	double x;

	if (v == NULL)
		return 0;
	x = v->type == YNODE_SCALAR ? strtod(v->str, &end) : -1;
	if (end == NULL || *end || x < 0 || x >= 1) {
		ynode_err(e, p, v, "'%s' must be a number from 0 to 1", key);
		return -1;
	}
	*out = x;
	return 0;
}

struct figrules_align *figalign_rules_load(const char *path, struct err *e)
{
	struct figrules_align *r = xcalloc(1, sizeof *r);
	char *p = path ? xstrdup(path) : paths_config_file("figures.yaml");
	struct ynode *root;
	int ok, i;

	r->tol = 0.10;
	r->cur_tol = 0.15;
	for (i = 0; i < FA_MAX_EVENTS; i++)
		r->kin[i] = -1;
	r->syn = trie_new();
	r->mods = trie_new();
	r->units = trie_new();
	r->generic = trie_new();
	r->events = trie_new();
	r->states = trie_new();
	r->broader = trie_new();
	r->totals = trie_new();
	r->relative = trie_new();
	r->lasting = trie_new();
	r->purpose_skip = trie_new();
	r->purpose_ends = trie_new();
	r->nationals = trie_new();
	root = yamlio_parse_file(p, &ok, e);
	if (!ok)
		goto fail;
	if (root == NULL || root->type != YNODE_MAP) {
		ynode_err(e, p, root, "the figure rules must be a mapping");
		goto fail;
	}
	if (load_fraction(p, root, "tolerance", &r->tol, e) < 0 ||
	    load_fraction(p, root, "currency_tolerance", &r->cur_tol, e) < 0 ||
	    load_synonyms(r, p, ynode_get(root, "synonyms"), e) < 0 ||
	    wordlist_load(r->mods, p, ynode_get(root, "modifiers"),
			  "modifiers", 1, 0, e) < 0 ||
	    load_units(r, p, ynode_get(root, "units"), e) < 0 ||
	    wordlist_load(r->generic, p, ynode_get(root, "generic"),
			  "generic", 1, 0, e) < 0 ||
	    load_named_lists(r->events, p, ynode_get(root, "events"), "events",
			     FA_MAX_EVENTS, 1, &r->evname, &r->nev, e) < 0 ||
	    load_not_events(r, p, ynode_get(root, "not_events"), e) < 0 ||
	    load_named_lists(r->broader, p, ynode_get(root, "broader"),
			     "broader", (size_t)-1, 0, &r->brname, &r->nbr,
			     e) < 0 ||
	    wordlist_load(r->states, p, ynode_get(root, "states"), "states",
			  1, 0, e) < 0 ||
	    wordlist_load(r->totals, p, ynode_get(root, "totals"), "totals",
			  1, 0, e) < 0 ||
	    wordlist_load(r->relative, p, ynode_get(root, "relative"),
			  "relative", 1, 0, e) < 0 ||
	    wordlist_load(r->lasting, p, ynode_get(root, "lasting"),
			  "lasting", 1, 0, e) < 0 ||
	    wordlist_load(r->purpose_skip, p, ynode_get(root, "purpose_skip"),
			  "purpose_skip", 1, 0, e) < 0 ||
	    wordlist_load(r->purpose_ends, p, ynode_get(root, "purpose_ends"),
			  "purpose_ends", 1, 0, e) < 0 ||
	    wordlist_load(r->nationals, p, ynode_get(root, "nationals"),
			  "nationals", 1, 0, e) < 0 ||
	    load_breaks(r, p, ynode_get(root, "clause_breaks"), e) < 0 ||
	    load_kin(r, p, ynode_get(root, "kin"), e) < 0 ||
	    load_currencies(r, p, ynode_get(root, "currencies"), e) < 0)
		goto fail;
	ynode_free(root);
	free(p);
	return r;
fail:
	ynode_free(root);
	free(p);
	figalign_rules_free(r);
	return NULL;
}
