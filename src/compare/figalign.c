/* figalign: figures of two reports aligned by meaning. */
#include "brief/compare/figalign.h"

#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "brief/base/alloc.h"
#include "brief/base/paths.h"
#include "brief/base/sort.h"
#include "brief/base/trie.h"
#include "brief/yaml/wordlist.h"
#include "brief/yaml/yamlio.h"

#define FA_MAX_EVENTS 32

struct fa_unit {
	const char *base;        /* points into bases */
	double factor;
};

struct figrules_align {
	double tol;
	struct trie *syn;        /* phrase -> synonym list */
	char **synname;          /* the first word of each list */
	size_t nsyn;
	struct trie *mods;
	struct trie *units;      /* spelling -> index into unit */
	struct fa_unit *unit;
	size_t nunit;
	char **bases;
	size_t nbases;
	struct trie *generic;
	struct trie *events;     /* word -> event class */
	char **evname;
	size_t nev;
	struct trie *totals;     /* "since", "to date": a running total */
	char **breaks;           /* what ends a clause ("; ", ", and ") */
	size_t nbreaks;
	int kin[FA_MAX_EVENTS];  /* an event class's first kin, or -1 */
	char **cur;              /* currencies; the first is the base */
	double *rate;            /* one of each in the base */
	size_t ncur;
	double cur_tol;          /* how far a rate may have moved */
};

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
	trie_free(r->totals);
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

static int load_events(struct figrules_align *r, const char *p,
		       const struct ynode *m, struct err *e)
{
	size_t i;

	if (m == NULL)
		return 0;
	if (m->type != YNODE_MAP || m->nkids / 2 > FA_MAX_EVENTS)
		return bad(e, p, m, "'events' must map at most 32 classes of "
				    "events to their words");
	r->evname = xcalloc(m->nkids / 2 + 1, sizeof *r->evname);
	for (i = 0; i + 1 < m->nkids; i += 2) {
		if (add_list(r->events, p, m->kids[i + 1], (uint32_t)r->nev, 1,
			     e) < 0)
			return -1;
		r->evname[r->nev++] = xstrdup(m->kids[i]->str);
	}
	return 0;
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
	r->totals = trie_new();
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
	    load_events(r, p, ynode_get(root, "events"), e) < 0 ||
	    wordlist_load(r->totals, p, ynode_get(root, "totals"), "totals",
			  1, 0, e) < 0 ||
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

/* Copy the phrase with white space as single spaces. */
static size_t lower_copy(char *out, size_t n, const char *s)
{
	size_t k = 0;

	for (; s && *s && k + 1 < n; s++) {
		if (isspace((unsigned char)*s)) {
			if (k && out[k - 1] != ' ')
				out[k++] = ' ';
		} else {
			out[k++] = *s;
		}
	}
	while (k && out[k - 1] == ' ')
		k--;
	out[k] = '\0';
	return k;
}

static void append(char *out, size_t n, const char *s, size_t len)
{
	size_t k = strlen(out);

	if (k && k + 1 < n)
		out[k++] = ' ';
	while (len-- && k + 1 < n)
		out[k++] = *s++;
	out[k] = '\0';
}

/* Is s[pos..len) a word of a synonym list, as written or, for one thing
 * (one), in the plural ("one vessel", "one country"; not "18 Rocket
 * Systems")?  Its list in *v. */
static int synonym(const struct figrules_align *r, const char *s,
		   size_t len, size_t pos, int one, uint32_t *v)
{
	char pl[136];
	size_t n = len - pos;

	if (trie_match(r->syn, s, len, pos, v) == len)
		return 1;
	if (!one || n < 2 || n + 3 > sizeof pl || s[len - 1] == 's')
		return 0;
	memcpy(pl, s + pos, n);
	if (s[len - 1] == 'y' && !strchr("aeiou", s[len - 2]))
		n += (size_t)snprintf(pl + n - 1, sizeof pl - n + 1, "ies") - 1;
	else
		pl[n++] = 's';
	pl[n] = '\0';
	return trie_match(r->syn, pl, n, 0, v) == n;
}

/* Is the word at buf[p] written with a capital (a name: "NATO", "PLA")? */
static int capital(const char *buf, size_t p)
{
	return isupper((unsigned char)buf[p]);
}

/* The counted phrase's head: modifiers set aside into kind, then the
 * longest tail of the phrase that is a unit at its start or a synonym
 * folded to its list's name.  Before a tail of one word ("ballistic
 * missiles") the other words stay in the head, but names ("NATO
 * nations") go to the kind; before a tail of several words ("PLA Navy
 * vessels" counts "navy vessels", warships) they all go there.  With
 * strict, returns 0 unless a unit starts the phrase or the known tail is
 * the whole phrase or has several words (the head is left empty then);
 * else the phrase, modifiers aside, is the head. */
static int read_head(const struct figrules_align *r, struct fa_meaning *m,
		     const char *counts, int one, double *factor, int strict)
{
	char buf[128], head[64] = "";
	size_t len = lower_copy(buf, sizeof buf, counts), pos = 0, end, p, w;
	uint32_t v;

	while (pos < len && (end = trie_match(r->mods, buf, len, pos, &v))) {
		append(m->kind, sizeof m->kind, buf + pos, end - pos);
		pos = end < len && buf[end] == ' ' ? end + 1 : end;
	}
	if (pos >= len) /* all modifiers: keep the phrase */
		pos = 0;
	if (trie_match(r->units, buf, len, pos, &v) != 0) {
		m->unit = r->unit[v].base;
		*factor = r->unit[v].factor;
		snprintf(m->head, sizeof m->head, "%s", m->unit);
		return 1;
	}
	for (p = pos; p < len; p++) {
		if (p > pos && buf[p - 1] != ' ')
			continue;
		if (!synonym(r, buf, len, p, one, &v))
			continue;
		if (strict && p > pos && !memchr(buf + p, ' ', len - p))
			return 0;
		for (w = pos; w < p; w = end + 1) {
			end = w + strcspn(buf + w, " ");
			if (memchr(buf + p, ' ', len - p) || capital(buf, w))
				append(m->kind, sizeof m->kind, buf + w,
				       end - w);
			else
				append(head, sizeof head, buf + w, end - w);
		}
		append(head, sizeof head, r->synname[v],
		       strlen(r->synname[v]));
		snprintf(m->head, sizeof m->head, "%s", head);
		return 1;
	}
	if (strict)
		return 0;
	snprintf(m->head, sizeof m->head, "%s", buf + pos);
	return 1;
}

/* The place of a value's last significant digit: 100 for 600, 10 for
 * 370, 1 for 7, 0.1 for 2.5. */
static double rounding(double v)
{
	double step = 1;
	int k;

	v = fabs(v);
	for (k = 0; k < 6 && fabs(v / step - round(v / step)) > 1e-9; k++)
		step /= 10;
	while (v >= step * 10 && fmod(v, step * 10) == 0)
		step *= 10;
	return step;
}

/* Money in a currency the rules rate is told in the base currency, its
 * interval widened by how far the rate may have moved (unless it is the
 * base): "€120 million" is about $130 million. */
static void to_base_currency(const struct figrules_align *r,
			     const char *cur, struct fa_meaning *m)
{
	size_t i;

	for (i = 0; i < r->ncur; i++)
		if (strcmp(r->cur[i], cur) == 0)
			break;
	if (i == r->ncur)
		return;
	m->unit = r->cur[0];
	m->lo *= r->rate[i];
	m->hi *= r->rate[i];
	if (i > 0) {
		m->lo *= 1 - r->cur_tol;
		m->hi *= 1 + r->cur_tol;
	}
}

/* figalign_meaning, with strict: 0 when counts names no known thing. */
static int meaning(const struct figrules_align *r, const char *counts,
		   const struct figure *f, struct fa_meaning *m, int strict)
{
	double factor = 1, lo = f->lo, hi = f->hi;
	const char *q = f->qual;
	double tol = r ? r->tol : 0.10;

	memset(m, 0, sizeof *m);
	if (r && counts && *counts) {
		if (!read_head(r, m, counts, f->lo == 1 && f->hi == 1, &factor,
			       strict))
			return 0;
	} else
		snprintf(m->head, sizeof m->head, "%s",
			 figure_kind_counts(f) ? figure_kind_counts(f) : "");
	if (f->currency)
		m->unit = f->currency;
	else if (f->kind == FIG_PERCENT)
		m->unit = "%";
	if (f->kind == FIG_TALLY) { /* "79 to 18": one value, not a range */
		m->lo = m->hi = f->lo * 1e9 + f->hi;
		return 1;
	}
	if (q && strcmp(q, "more than") == 0) {
		lo = nextafter(lo, INFINITY);
		hi = INFINITY;
	} else if (q && strcmp(q, "at least") == 0) {
		hi = INFINITY;
	} else if (q && (strcmp(q, "nearly") == 0 ||
			 strcmp(q, "almost") == 0)) {
		lo *= 1 - tol;
	} else if (q && strcmp(q, "about") == 0) {
		lo *= 1 - tol;
		hi *= 1 + tol;
	} else if (q && (strcmp(q, "up to") == 0 ||
			 strcmp(q, "at most") == 0)) {
		lo = 0;
	} else if (q && strcmp(q, "less than") == 0) {
		lo = 0;
		hi = nextafter(hi, -INFINITY);
	}
	if ((factor != 1 || lo >= 1e6) && q == NULL && !f->vague &&
	    lo == hi) {
		/* a converted figure was rounded: "600 km (370 miles)"; so
		 * was a sum in millions ("$1.3 billion" holds $1.25
		 * billion), which reaches just short of the half step, so
		 * that "$2 million" and "$3 million" still disagree */
		double step = rounding(lo) * (factor != 1 ? 0.5 : 0.49);

		lo -= step;
		hi += step;
	}
	m->lo = lo * factor;
	m->hi = hi * factor;
	if (f->currency && r)
		to_base_currency(r, f->currency, m);
	return 1;
}

void figalign_meaning(const struct figrules_align *r, const char *counts,
		      const struct figure *f, struct fa_meaning *m)
{
	meaning(r, counts, f, m, 0);
}

int figalign_disjoint(double xl, double xh, double yl, double yh)
{
	return xh < yl || yh < xl;
}

/* The clause of s around offset at: [*from, *to), cut at the rules'
 * clause breaks ("; ", ", and "). */
static void clause_of(const struct figrules_align *r, const char *s,
		      size_t len, size_t at, size_t *from, size_t *to)
{
	size_t i;

	*from = 0;
	*to = len;
	for (i = 0; i < r->nbreaks; i++) {
		size_t bl = strlen(r->breaks[i]);
		const char *p = s;

		while ((p = memmem(p, len - (size_t)(p - s), r->breaks[i],
				   bl)) != NULL) {
			size_t o = (size_t)(p - s);

			if (o + bl <= at && o + bl > *from)
				*from = o + bl;
			else if (o >= at && o < *to)
				*to = o;
			p += bl;
		}
	}
}

/* The event told of nearest to offset at in s[from..to), the counted
 * phrase s[skip..skip_end) left out, or -1. */
static int nearest_event(const struct figrules_align *r, const char *s,
			 size_t from, size_t to, size_t at, size_t skip,
			 size_t skip_end)
{
	size_t p, best = (size_t)-1;
	int ev = -1;

	for (p = from; p < to; p++) {
		uint32_t v;
		size_t end, d;

		if (!trie_word_start(s, p, to) || (p >= skip && p < skip_end))
			continue;
		end = trie_match(r->events, s, to, p, &v);
		if (end == 0)
			continue;
		d = p > at ? p - at : at - p;
		if (d < best) {
			best = d;
			ev = (int)v;
		}
		p = end - 1;
	}
	return ev;
}

/* Does s[from..to) hold a word of a running total ("since", "to date")? */
static int tells_total(const struct figrules_align *r, const char *s,
		       size_t from, size_t to)
{
	size_t p;
	uint32_t v;

	for (p = from; p < to; p++)
		if (trie_word_start(s, p, to) &&
		    trie_match(r->totals, s, to, p, &v))
			return 1;
	return 0;
}

/* The event and the running total f's clause tells of (-1: none). */
static int figure_event(const struct figrules_align *r,
			const struct fa_fig *f, int *total)
{
	size_t from, to, skip = 0, skip_end = 0;
	uint32_t v;
	int ev;

	*total = 0;
	if (f->sent == NULL)
		return -1;
	if (trie_match(r->events, f->mean.head, strlen(f->mean.head), 0, &v))
		return -1; /* it counts events: "100 attacks" */
	clause_of(r, f->sent, f->sent_len, f->at, &from, &to);
	if (f->phrase && f->phrase >= f->sent &&
	    f->phrase < f->sent + f->sent_len) {
		skip = (size_t)(f->phrase - f->sent);
		skip_end = skip + f->phrase_len;
	}
	*total = tells_total(r, f->sent, from, to);
	ev = nearest_event(r, f->sent, from, to, f->at, skip, skip_end);
	return ev;
}

struct fa_key {
	char key[256];
	size_t fig;
	int ev;
	int total;               /* its clause tells of a running total */
	int lone;                /* generic and no event: aligned with none */
};

static int key_cmp(const void *a, const void *b)
{
	const struct fa_key *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c ? c : (x->fig > y->fig) - (x->fig < y->fig);
}

/* The key of f's thing and event class: "head\tunit\tevent". */
static void make_key(const struct figrules_align *r, const struct fa_fig *f,
		     struct fa_key *k)
{
	snprintf(k->key, sizeof k->key, "%s\t%s\t%s", f->mean.head,
		 f->mean.unit ? f->mean.unit : "", k->ev >= 0 ? r->evname[k->ev]
							 : "");
}

/* Events of kin classes (drones launched, drones intercepted) are one
 * sense of a thing when one report tells of it in one class only and the
 * other in another class only: "14 drones intercepted" beside "16 drones
 * fired" is the same attack told from two sides.  A report that tells of
 * both ("16 fired, 14 intercepted") keeps them apart. */
static void join_kin(const struct figrules_align *r, const struct fa_fig *v,
		     struct fa_key *k, size_t n)
{
	struct fa_key *t = xcalloc(n + 1, sizeof *t);
	size_t i, j, m = 0, q;

	for (i = 0; i < n; i++) {
		if (k[i].ev < 0 || r->kin[k[i].ev] < 0)
			continue;
		t[m] = k[i];
		t[m].ev = r->kin[k[i].ev];
		make_key(r, &v[k[i].fig], &t[m]);
		t[m].fig = i; /* the key's index here, not the figure's */
		m++;
	}
	xqsort(t, m, sizeof *t, key_cmp);
	for (i = 0; i < m; i = j) {
		uint32_t mask[2] = {0, 0};

		for (j = i; j < m && strcmp(t[j].key, t[i].key) == 0; j++)
			mask[v[k[t[j].fig].fig].side ? 1 : 0] |=
				1u << k[t[j].fig].ev;
		if (mask[0] == mask[1] || !mask[0] || !mask[1] ||
		    (mask[0] & (mask[0] - 1)) || (mask[1] & (mask[1] - 1)))
			continue;
		for (q = i; q < j; q++) {
			k[t[q].fig].ev = t[q].ev;
			make_key(r, &v[k[t[q].fig].fig], &k[t[q].fig]);
		}
	}
	free(t);
}

/* Do the keys from k[j] on that share its first hl bytes (one thing
 * told of with events) all tell of one event? */
static int one_sense(const struct fa_key *k, size_t j, size_t n, size_t hl)
{
	size_t q;

	for (q = j + 1; q < n && strncmp(k[q].key, k[j].key, hl) == 0; q++)
		if (strcmp(k[q].key, k[j].key) != 0)
			return 0;
	return 1;
}

/* The event group that the figures k[i..j) of a thing told of with no
 * event join (its first key), or -1: the thing's only event group, else,
 * when those figures are all of one report, the only event group with no
 * figure of that report ("153 sorties of aircraft" beside "153 aircraft
 * sent" when both tell of 111 that crossed).  The event groups follow
 * from k[j] on and share the first hl bytes of the key. */
static size_t join_target(const struct fa_fig *v, const struct fa_key *k,
			  size_t i, size_t j, size_t n, size_t hl)
{
	size_t q, g, e, found = (size_t)-1;
	int side = v[k[i].fig].side;

	if (one_sense(k, j, n, hl))
		return j;
	for (q = i; q < j; q++)
		if (v[k[q].fig].side != side)
			return (size_t)-1;
	for (g = j; g < n && strncmp(k[g].key, k[j].key, hl) == 0; g = e) {
		int has = 0;

		for (e = g; e < n && strcmp(k[e].key, k[g].key) == 0; e++)
			has |= v[k[e].fig].side == side;
		if (!has) {
			if (found != (size_t)-1)
				return (size_t)-1;
			found = g;
		}
	}
	return found;
}

struct fa_iv {
	double lo, hi;
};

static int iv_cmp(const void *a, const void *b)
{
	const struct fa_iv *x = a, *y = b;

	return (x->lo > y->lo) - (x->lo < y->lo);
}

/* Does any interval of v (sorted by lo; mx holds the running maximum of
 * hi) meet [lo, hi]? */
static int meets(const struct fa_iv *v, const double *mx, size_t n,
		 double lo, double hi)
{
	size_t a = 0, b = n;

	while (a < b) {
		size_t m = (a + b) / 2;

		if (v[m].lo <= hi)
			a = m + 1;
		else
			b = m;
	}
	return a > 0 && mx[a - 1] >= lo;
}

/* Mark the figures of keys k[0..n) (one group) that no figure of the
 * other side agrees with. */
static int mark_group(struct fa_fig *v, const struct fa_key *k, size_t n)
{
	struct fa_iv *iv[2];
	double *mx[2];
	size_t c[2] = {0, 0}, i;
	int s, any = 0;

	for (s = 0; s < 2; s++) {
		iv[s] = xcalloc(n + 1, sizeof *iv[s]);
		mx[s] = xcalloc(n + 1, sizeof *mx[s]);
	}
	for (i = 0; i < n; i++) {
		const struct fa_fig *f = &v[k[i].fig];

		s = f->side ? 1 : 0;
		iv[s][c[s]].lo = f->mean.lo;
		iv[s][c[s]++].hi = f->mean.hi;
	}
	for (s = 0; s < 2; s++) {
		xqsort(iv[s], c[s], sizeof *iv[s], iv_cmp);
		for (i = 0; i < c[s]; i++)
			mx[s][i] = i ? fmax(mx[s][i - 1], iv[s][i].hi)
				     : iv[s][i].hi;
	}
	for (i = 0; i < n; i++) {
		struct fa_fig *f = &v[k[i].fig];
		int o = f->side ? 0 : 1;

		f->discrepancy = c[o] > 0 && !meets(iv[o], mx[o], c[o],
						     f->mean.lo, f->mean.hi);
		any |= f->discrepancy;
	}
	for (s = 0; s < 2; s++) {
		free(iv[s]);
		free(mx[s]);
	}
	return any;
}

/* "ships" told of as attacked: "ships (attack)". */
static void name_sense(struct fa_group *g, const char *ev)
{
	size_t k = strlen(g->counts);

	if (k && g->counts[k - 1] != ')')
		snprintf(g->counts + k, sizeof g->counts - k, " (%s)", ev);
}

static int group_cmp(const void *a, const void *b)
{
	const struct fa_group *x = a, *y = b;

	return strcmp(x->counts, y->counts);
}

/* What f counts: its counted phrase as written when the rules know it
 * whole or by a tail of several words ("PLA Navy vessels", "nautical
 * miles", "U.S. service members"), else the name f->counts gives it
 * ("KN-23" for "KN-23 missiles"). */
static void fig_meaning(const struct figrules_align *r, struct fa_fig *f)
{
	char buf[128];

	if (f->phrase && f->phrase_len > 0 && f->phrase_len < sizeof buf) {
		memcpy(buf, f->phrase, f->phrase_len);
		buf[f->phrase_len] = '\0';
		if (meaning(r, buf, f->f, &f->mean, 1))
			return;
	}
	meaning(r, f->counts, f->f, &f->mean, 0);
}

/* One of the marks that tell senses of a thing apart: 0 a running
 * total, 1 the actor, 2 the day. */
static const char *sense_tag(const struct fa_fig *f, const struct fa_key *k,
			     int which)
{
	if (which == 0)
		return k->total ? "total" : "each";
	return which == 1 ? f->actor : f->when;
}

struct fa_tag {
	const char *tag;
	int side;
	size_t q;
};

static int tag_cmp(const void *a, const void *b)
{
	const struct fa_tag *x = a, *y = b;
	int c = strcmp(x->tag, y->tag);

	return c ? c : x->side - y->side;
}

/* Split the group k[i..j) by a sense mark when two marks stand on both
 * sides, or one does and some figure has another: each shared mark makes a
 * group, the rest one more ("2,500 personnel" of the United States
 * apart from "10,000" of NATO; this package apart from the total). */
static void split_by(const struct fa_fig *v, struct fa_key *k, size_t i,
		     size_t j, int which)
{
	struct fa_tag *t = xcalloc(j - i + 1, sizeof *t);
	char *shared = xcalloc(j - i + 1, 1);
	size_t q, e, m = j - i;
	int any = 0, rest = 0;

	for (q = 0; q < m; q++) {
		t[q].tag = sense_tag(&v[k[i + q].fig], &k[i + q], which);
		t[q].side = v[k[i + q].fig].side;
		t[q].q = i + q;
	}
	xqsort(t, m, sizeof *t, tag_cmp);
	for (q = 0; q < m; q = e) {
		int both;

		for (e = q + 1; e < m && strcmp(t[e].tag, t[q].tag) == 0; e++)
			;
		both = *t[q].tag && t[q].side != t[e - 1].side;
		for (; q < e; q++)
			shared[t[q].q - i] = (char)both;
		any += both;
	}
	for (q = 0; q < m; q++)
		rest |= !shared[q];
	if (any > 1 || (any && rest))
		for (q = 0; q < m; q++) {
			size_t kl = strlen(k[i + q].key);

			snprintf(k[i + q].key + kl, sizeof k[i + q].key - kl,
				 "\t%s", shared[q] ? sense_tag(&v[k[i + q].fig],
							       &k[i + q], which)
						    : "~");
		}
	free(t);
	free(shared);
}

/* Apply split_by for mark which to every group of the sorted keys. */
static void split_all(const struct fa_fig *v, struct fa_key *k, size_t n,
		      int which)
{
	size_t i, j;

	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && strcmp(k[j].key, k[i].key) == 0; j++)
			;
		if (!k[i].lone && j - i > 2)
			split_by(v, k, i, j, which);
	}
	xqsort(k, n, sizeof *k, key_cmp);
}

/* Do the keys from k[i] on hold exactly two figures of a generic thing
 * told of with no event ("14 nations", "fourteen countries"), one on each
 * side, that agree?  Then they are taken as one. */
static int lone_pair(const struct fa_fig *v, const struct fa_key *k,
		     size_t i, size_t n)
{
	const struct fa_fig *x, *y;

	if (i + 1 >= n || strcmp(k[i].key, k[i + 1].key) != 0 ||
	    (i + 2 < n && strcmp(k[i].key, k[i + 2].key) == 0) ||
	    (i > 0 && strcmp(k[i - 1].key, k[i].key) == 0))
		return 0;
	x = &v[k[i].fig];
	y = &v[k[i + 1].fig];
	return x->side != y->side &&
	       !figalign_disjoint(x->mean.lo, x->mean.hi, y->mean.lo,
				  y->mean.hi);
}

struct fa_group *figalign_run(const struct figrules_align *r,
			      struct fa_fig *v, size_t n, size_t *ng)
{
	struct fa_key *k = xcalloc(n + 1, sizeof *k);
	struct fa_group *g = xcalloc(n + 1, sizeof *g);
	size_t *remap = xcalloc(n + 1, sizeof *remap);
	size_t i, j, t, ngr = 0;
	int w;

	for (i = 0; i < n; i++) {
		struct fa_fig *f = &v[i];
		const char *h;
		uint32_t u;
		int generic;

		fig_meaning(r, f);
		h = f->mean.head;
		generic = trie_match(r->generic, h, strlen(h), 0, &u) ==
			  strlen(h);
		k[i].fig = i;
		k[i].ev = figure_event(r, f, &k[i].total);
		k[i].lone = generic && k[i].ev < 0;
		/* figures of a thing told of with no event join its first
		 * event's group below; a generic thing stays alone */
		make_key(r, f, &k[i]);
	}
	join_kin(r, v, k, n);
	xqsort(k, n, sizeof *k, key_cmp);
	/* a figure of a specific thing with no event joins the thing's
	 * event group (sorted after the event-less keys) when it is the
	 * only one */
	for (i = 0; i < n; i = j) {
		size_t hl = strlen(k[i].key); /* "head\tunit\t" */

		j = i;
		while (j < n && strcmp(k[j].key, k[i].key) == 0)
			j++;
		if (k[i].ev >= 0 || k[i].lone || j >= n ||
		    strncmp(k[j].key, k[i].key, hl) != 0 ||
		    (t = join_target(v, k, i, j, n, hl)) == (size_t)-1)
			continue;
		{
			size_t q;

			for (q = i; q < j; q++)
				memcpy(k[q].key, k[t].key, sizeof k[q].key);
		}
	}
	xqsort(k, n, sizeof *k, key_cmp);
	for (w = 0; w < 3; w++)
		split_all(v, k, n, w);
	for (i = 0; i < n; i = j) {
		const struct fa_fig *f = &v[k[i].fig];

		j = i + 1;
		if (!k[i].lone)
			while (j < n && strcmp(k[j].key, k[i].key) == 0)
				j++;
		else if (lone_pair(v, k, i, n))
			j = i + 2;
		snprintf(g[ngr].counts, sizeof g[ngr].counts, "%s",
			 f->mean.head);
		g[ngr].unit = f->mean.unit;
		g[ngr].disagree = mark_group(v, k + i, j - i);
		for (; i < j; i++)
			v[k[i].fig].group = ngr;
		ngr++;
	}
	/* a thing counted in two senses: say which */
	for (i = 0; i + 1 < n; i++) {
		const struct fa_fig *x = &v[k[i].fig], *y = &v[k[i + 1].fig];

		if (x->group != y->group &&
		    strcmp(x->mean.head, y->mean.head) == 0 &&
		    x->mean.unit == y->mean.unit) {
			if (k[i].ev >= 0)
				name_sense(&g[x->group], r->evname[k[i].ev]);
			if (k[i + 1].ev >= 0)
				name_sense(&g[y->group],
					   r->evname[k[i + 1].ev]);
		}
	}
	/* groups by name */
	{
		struct fa_group *s = xcalloc(ngr + 1, sizeof *s);

		for (i = 0; i < ngr; i++) {
			s[i] = g[i];
			s[i].unit = (const char *)(uintptr_t)i; /* old index */
		}
		xqsort(s, ngr, sizeof *s, group_cmp);
		for (i = 0; i < ngr; i++) {
			size_t old = (size_t)(uintptr_t)s[i].unit;

			remap[old] = i;
			s[i].unit = g[old].unit;
		}
		for (i = 0; i < n; i++)
			v[i].group = remap[v[i].group];
		free(g);
		g = s;
	}
	free(k);
	free(remap);
	*ng = ngr;
	return g;
}
