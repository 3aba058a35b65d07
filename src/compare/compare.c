/* compare: two reports side by side. */
#include "brief/compare/compare.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "brief/base/paths.h"
#include "brief/base/startidx.h"
#include "brief/base/trie.h"
#include "brief/yaml/wordlist.h"
#include "brief/yaml/yamlio.h"
#include "shown_priv.h"

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

/* contextual_names: a list of {form, means, when: [names]}. */
static int load_contextual(struct compare_rules *r, const struct ynode *root,
			   const char *p, struct err *e)
{
	const struct ynode *l = ynode_get(root, "contextual_names");
	size_t i;

	if (l == NULL)
		return 0;
	if (l->type != YNODE_SEQ) {
		ynode_err(e, p, l, "'contextual_names' must be a list of "
			  "{form, means, when}");
		return -1;
	}
	r->ctx = xcalloc(l->nkids + 1, sizeof *r->ctx);
	for (i = 0; i < l->nkids; i++) {
		const struct ynode *f = ynode_get(l->kids[i], "form");
		const struct ynode *m = ynode_get(l->kids[i], "means");
		struct ctx_name *cn = &r->ctx[r->nctx];

		if (l->kids[i]->type != YNODE_MAP || f == NULL ||
		    f->type != YNODE_SCALAR || !f->str[0] || m == NULL ||
		    m->type != YNODE_SCALAR || !m->str[0]) {
			ynode_err(e, p, l->kids[i], "'contextual_names': an "
				  "entry needs a 'form' and a 'means'");
			return -1;
		}
		cn->form = xstrdup(f->str);
		cn->means = xstrdup(m->str);
		r->nctx++;
		if (wordlist_strings(p, ynode_get(l->kids[i], "when"),
				     "when", 0, &cn->when, &cn->nwhen, e) != 0)
			return -1;
	}
	return 0;
}

/* The figure rules beside the comparison rules given, else the
 * defaults. */
static struct figrules_align *load_figures(const char *path, struct err *e)
{
	const char *slash = path ? strrchr(path, '/') : NULL;
	struct figrules_align *fr;
	char *fp;
	int n;

	if (path == NULL)
		return figalign_rules_load(NULL, e);
	n = slash ? (int)(slash - path + 1) : 0;
	fp = xcalloc((size_t)n + sizeof "figures.yaml", 1);
	memcpy(fp, path, (size_t)n);
	strcpy(fp + n, "figures.yaml");
	fr = figalign_rules_load(fp, e);
	free(fp);
	return fr;
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
	if (load_same_names(r, root, p, e) != 0 ||
	    load_contextual(r, root, p, e) != 0 ||
	    wordlist_strings(p, ynode_get(root, "name_stops"), "name_stops",
			     1, &r->names.stops, &r->names.nstops, e) != 0 ||
	    wordlist_strings(p, ynode_get(root, "name_connectors"),
			     "name_connectors", 1, &r->names.connectors,
			     &r->names.nconnectors, e) != 0 ||
	    wordlist_strings(p, ynode_get(root, "name_tails"), "name_tails",
			     1, &r->names.tails, &r->names.ntails, e) != 0 ||
	    wordlist_strings(p, ynode_get(root, "name_titles"), "name_titles",
			     1, &r->names.titles, &r->names.ntitles, e) != 0)
		goto fail;
	names_sort_list(r->names.stops, r->names.nstops);
	names_sort_list(r->names.connectors, r->names.nconnectors);
	names_sort_list(r->names.tails, r->names.ntails);
	names_sort_list(r->names.titles, r->names.ntitles);
	r->q = quoterules_load(root, p, e);
	if (r->q == NULL)
		goto fail;
	r->tl = tlrules_load(root, p, e);
	if (r->tl == NULL)
		goto fail;
	r->topics = topics_load(tp, e);
	if (r->topics == NULL)
		goto fail;
	r->figs = load_figures(path, e);
	if (r->figs == NULL)
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

static void free_words(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
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
	for (i = 0; i < r->nctx; i++) {
		free(r->ctx[i].form);
		free(r->ctx[i].means);
		for (k = 0; k < r->ctx[i].nwhen; k++)
			free(r->ctx[i].when[k]);
		free(r->ctx[i].when);
	}
	free(r->ctx);
	free_words(r->names.stops, r->names.nstops);
	free_words(r->names.connectors, r->names.nconnectors);
	free_words(r->names.tails, r->names.ntails);
	free_words(r->names.titles, r->names.ntitles);
	quoterules_free(r->q);
	tlrules_free(r->tl);
	topics_free(r->topics);
	figalign_rules_free(r->figs);
	free(r);
}

/* ---- figures ---- */

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
static void align_figures(const struct compare_rules *r,
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

/* Drop every initial inside a name ("antony j. blinken" is "antony
 * blinken"): a letter and a full stop between two words. */
static void drop_initials(char *k)
{
	char *r = k, *w = k;

	while (*r) {
		if (r > k && r[-1] == ' ' && r[0] >= 'a' && r[0] <= 'z' &&
		    r[1] == '.' && r[2] == ' ' && r[3] != '\0') {
			r += 3;
			continue;
		}
		*w++ = *r++;
	}
	*w = '\0';
}

/* Write the accented Latin letters of k (U+00C0..U+00FF, two bytes in
 * UTF-8) as their plain letters in lower case, so that "Cuyuní" and
 * "Cuyuni", "José Andrés" and "Jose Andres" are one name. */
static void drop_accents(char *k)
{
	/* U+00C0..U+00FF, by the second byte's low six bits; '\0' where
	 * the character is no letter to fold (×, ÷) */
	static const char plain[65] =
		"aaaaaaaceeeeiiiidnooooo\0ouuuuyts"
		"aaaaaaaceeeeiiiidnooooo\0ouuuuyty";
	char *r = k, *w = k;

	while (*r) {
		unsigned char c1 = (unsigned char)r[1];

		if ((unsigned char)r[0] == 0xc3 && c1 >= 0x80 && c1 <= 0xbf &&
		    plain[c1 & 0x3f] != '\0') {
			*w++ = plain[c1 & 0x3f];
			r += 2;
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
	drop_initials(k);
	drop_accents(k);
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

/* The keys of the registry's entities, each computed once. */
struct keycache {
	const struct compare_rules *r;
	const struct entities *reg;
	char **k;
	size_t n;
	uint32_t *rep;          /* the row each entity counts for */
	struct startidx *ix[2]; /* where words may begin, by side */
	int indexed[2];         /* ix[s] made (it may be NULL) */
	struct counted {        /* the forms counted so far */
		int side;
		char *form;
		size_t hits;
	} *counted;
	size_t ncounted, capcounted;
};

static int is_kind(const struct entity *en, const char *kind)
{
	return en->kind != NULL && strcmp(en->kind, kind) == 0;
}

static int is_person_like(const struct entity *en)
{
	return en->cat == CAT_ACTOR &&
	       (en->kind == NULL || strcmp(en->kind, "person") == 0);
}

/* An entity's key (compare_entity_key); a person's without the titles
 * that open it ("Chef José Andrés" is "jose andres"). */
static const char *key_of(struct keycache *kc, uint32_t id)
{
	if (kc->k[id] == NULL) {
		const struct entity *en = entities_get(kc->reg, id);

		kc->k[id] = compare_entity_key(kc->r, en->name);
		if (is_kind(en, "person"))
			names_drop_titles(kc->r, kc->k[id]);
	}
	return kc->k[id];
}

struct keyed {
	const char *key;
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

/* A surname alone ("Austin") takes the key of the one full name of a
 * person it ends ("Lloyd Austin"), when there is exactly one. */
static void surnames(const struct entities *reg, struct keyed *v, size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		size_t len = strlen(v[i].key), hits = 0, at = 0;

		if (strchr(v[i].key, ' ') ||
		    !is_person_like(entities_get(reg, v[i].entity)))
			continue;
		for (j = 0; j < n; j++) {
			size_t lj = strlen(v[j].key);

			if (j != i && lj > len + 1 &&
			    v[j].key[lj - len - 1] == ' ' &&
			    strcmp(v[j].key + lj - len, v[i].key) == 0 &&
			    is_person_like(entities_get(reg, v[j].entity))) {
				hits++;
				at = j;
			}
		}
		if (hits == 1)
			v[i].key = v[at].key;
	}
}

/* Does the word w (n bytes) name the state whose key is sk: the key
 * itself, or its demonym ("nicaraguan", "chinese", "iranian": all of
 * the key but its last letter, then at most three letters more)? */
static int names_state(const char *w, size_t n, const char *sk)
{
	size_t l = strlen(sk);

	if (n == l)
		return strncmp(w, sk, l) == 0;
	return l >= 4 && n >= l - 1 && n <= l + 3 &&
	       strncmp(w, sk, l - 1) == 0 && strchr(sk, ' ') == NULL;
}

/* The rest of key after the key of a state it begins with ("south korea
 * joint chiefs of staff": "joint chiefs of staff"), or after the state's
 * demonym ("nicaraguan national police": "national police"), or NULL. */
static const char *after_state(const struct entities *reg,
			       const struct keyed *v, size_t n,
			       const char *key)
{
	size_t j, w = strcspn(key, " ");

	for (j = 0; j < n; j++) {
		size_t l = strlen(v[j].key);

		if (!is_kind(entities_get(reg, v[j].entity), "state"))
			continue;
		if (strncmp(key, v[j].key, l) == 0 && key[l] == ' ')
			return key + l + 1;
		if (key[w] == ' ' && names_state(key, w, v[j].key))
			return key + w + 1;
	}
	return NULL;
}

/* An institution named with its state in one place ("South Korea's Joint
 * Chiefs of Staff") and without it in another ("the Joint Chiefs of
 * Staff") is one, when no other name ends with it ("Japanese Defense
 * Ministry" beside "South Korea's Defense Ministry": the Defense Ministry
 * stays apart). */
static void state_owned(const struct entities *reg, struct keyed *v,
			size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		const struct entity *en = entities_get(reg, v[i].entity);
		const char *owner = NULL;
		size_t li = strlen(v[i].key), longer = 0;

		if (en->cat != CAT_ACTOR || is_person_like(en) ||
		    is_kind(en, "state") ||
		    after_state(reg, v, n, v[i].key) != NULL)
			continue;
		for (j = 0; j < n; j++) {
			size_t lj = strlen(v[j].key);

			if (j == i || lj <= li + 1 ||
			    v[j].key[lj - li - 1] != ' ' ||
			    strcmp(v[j].key + lj - li, v[i].key) != 0 ||
			    (owner != NULL && strcmp(owner, v[j].key) == 0))
				continue;
			longer++;
			owner = v[j].key;
		}
		if (longer == 1 && after_state(reg, v, n, owner) != NULL)
			v[i].key = owner;
	}
}

/* Does entity x stand for its group rather than y: more mentioned, or
 * as often and with the fuller name ("Nicaraguan National Police" over
 * "National Police")? */
static int more_named(struct keycache *kc, size_t (*cnt)[2], uint32_t x,
		      uint32_t y)
{
	size_t tx = cnt[x][0] + cnt[x][1], ty = cnt[y][0] + cnt[y][1];

	if (tx != ty)
		return tx > ty;
	return strlen(entities_get(kc->reg, x)->name) >
	       strlen(entities_get(kc->reg, y)->name);
}

/* Entities whose names have one key are one: the counts of each group go
 * to its most mentioned member (more_named; kc->rep of each names it). */
static void merge_by_key(struct keycache *kc, size_t ne, size_t (*cnt)[2])
{
	struct keyed *v = xcalloc(ne + 1, sizeof *v);
	size_t i, j, n = 0, k;

	for (i = 0; i < ne; i++) {
		const struct entity *en = entities_get(kc->reg, (uint32_t)i);

		if (cnt[i][0] + cnt[i][1] == 0 || en == NULL)
			continue;
		v[n].key = key_of(kc, (uint32_t)i);
		v[n].entity = (uint32_t)i;
		v[n].cat = (int)en->cat;
		n++;
	}
	surnames(kc->reg, v, n);
	state_owned(kc->reg, v, n);
	xqsort(v, n, sizeof *v, keyed_cmp);
	for (i = 0; i < n; i = j) {
		size_t top = i;

		for (j = i + 1; j < n && keyed_cmp(&v[i], &v[j]) == 0; j++)
			if (more_named(kc, cnt, v[j].entity, v[top].entity))
				top = j;
		for (k = i; k < j; k++) {
			if (k == top)
				continue;
			kc->rep[v[k].entity] = v[top].entity;
			cnt[v[top].entity][0] += cnt[v[k].entity][0];
			cnt[v[top].entity][1] += cnt[v[k].entity][1];
			cnt[v[k].entity][0] = cnt[v[k].entity][1] = 0;
		}
	}
	free(v);
}

/* Does pos fall inside a mention of m? */
static int in_mention(const struct mentions *m, size_t pos)
{
	size_t a = 0, b = m->n;

	while (a < b) {
		size_t mid = (a + b) / 2;

		if (m->v[mid].start <= pos)
			a = mid + 1;
		else
			b = mid;
	}
	return a > 0 && m->v[a - 1].end > pos;
}

/* Is there a mention with the last of m's mentions that start at or
 * before pos, and does it reach past pos?  *mi: that count, moved on
 * from where it was (pos only grows between calls), as in_mention. */
static int in_mention_from(const struct mentions *m, size_t *mi, size_t pos)
{
	while (*mi < m->n && m->v[*mi].start <= pos)
		(*mi)++;
	return *mi > 0 && m->v[*mi - 1].end > pos;
}

/* Does a generation stand at p in t ("III", "Jr." after a surname:
 * "Lloyd J. Austin III"), a word of its own? */
static int generation_at(const char *t, size_t len, size_t p)
{
	static const char *const gen[] = {"II", "III", "IV", "Jr.", "Sr."};
	size_t i, n;

	for (i = 0; i < sizeof gen / sizeof gen[0]; i++) {
		n = strlen(gen[i]);
		if (p + n <= len && memcmp(t + p, gen[i], n) == 0 &&
		    (p + n == len || !trie_word_at(t, len, p + n)))
			return 1;
	}
	return 0;
}

/* Does form stand at p in a's text as words of their own (its first
 * letter in any case: "The North"), outside every mention and not
 * followed by a capitalised word ("the North Sea") other than a
 * generation ("Austin III")?  n: its length;
 * *mi: for in_mention_from (NULL: in_mention searches). */
static int form_at(const struct article *a, const struct mentions *m,
		   const char *form, size_t n, size_t p, size_t *mi)
{
	const char *t = a->text;
	size_t e = p + n;

	if (e > a->len || (t[p] | 0x20) != (form[0] | 0x20) ||
	    memcmp(t + p + 1, form + 1, n - 1) != 0 ||
	    (p >= 1 && trie_word_at(t, a->len, p - 1)) ||
	    (e < a->len && trie_word_at(t, a->len, e)) ||
	    (mi ? in_mention_from(m, mi, p) : in_mention(m, p)))
		return 0;
	return !(e + 1 < a->len && t[e] == ' ' && t[e + 1] >= 'A' &&
		 t[e + 1] <= 'Z') ||
	       generation_at(t, a->len, e + 1);
}

/* How often form stands in the text of side s as words of their own
 * (form_at): looked up where words begin (the side's index, made on
 * first use), else searched for; each form counted once. */
static size_t count_form(struct keycache *kc, const struct comparison *c,
			 int s, const char *form)
{
	const struct article *a = c->side[s].a;
	const struct mentions *m = c->side[s].m;
	size_t n = strlen(form), hits = 0, k, np;

	if (n < 2)
		return 0;
	for (k = 0; k < kc->ncounted; k++)
		if (kc->counted[k].side == s &&
		    strcmp(kc->counted[k].form, form) == 0)
			return kc->counted[k].hits;
	if (!kc->indexed[s]) {
		kc->ix[s] = startidx_new(a->text, a->len);
		kc->indexed[s] = 1;
	}
	/* (a form that begins with an ASCII letter: the index holds the
	 * words that begin with one) */
	if (kc->ix[s] != NULL && (form[0] | 0x20) >= 'a' &&
	    (form[0] | 0x20) <= 'z') {
		const uint32_t *pos = startidx_get(kc->ix[s],
						   (unsigned char)form[0],
						   (unsigned char)form[1], &np);

		const uint32_t *nx = startidx_next(kc->ix[s],
						   (unsigned char)form[0],
						   (unsigned char)form[1]);
		uint32_t want = 0, mask = 0;
		size_t mi = 0, b;

		/* the form's bytes after its first two, and the byte after
		 * it not a letter or digit: told from the index first */
		for (b = 2; b < n && b < 6; b++) {
			want |= (uint32_t)(unsigned char)form[b] << (8 * (b - 2));
			mask |= (uint32_t)0xff << (8 * (b - 2));
		}
		/* the positions ascend: the mentions are walked, not
		 * searched */
		for (k = 0; k < np; k++) {
			char after = (char)(nx[k] >> (8 * (n < 6 ? n - 2 : 0)));

			if ((nx[k] & mask) != want ||
			    (n < 6 && (unsigned char)after < 0x80 &&
			     trie_word_at(&after, 1, 0)))
				continue;
			hits += (size_t)form_at(a, m, form, n, pos[k], &mi);
		}
	} else {
		const char *t = a->text, *p = t, *end = t + a->len;

		while ((p = memmem(p, (size_t)(end - p), form + 1, n - 1))) {
			if (p > t)
				hits += (size_t)form_at(a, m, form, n,
							(size_t)(p - t) - 1,
							NULL);
			p++;
		}
	}
	kc->counted = xgrow(kc->counted, &kc->capcounted, kc->ncounted + 1,
			    sizeof *kc->counted);
	kc->counted[kc->ncounted].side = s;
	kc->counted[kc->ncounted].form = xstrdup(form);
	kc->counted[kc->ncounted++].hits = hits;
	return hits;
}

/* Does m mention an entity whose key is key? */
static int mentions_key(struct keycache *kc, const struct mentions *m,
		     const char *key)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		if (m->v[i].cat != CAT_FIGURE && m->v[i].entity < kc->n &&
		    strcmp(key_of(kc, m->v[i].entity), key) == 0)
			return 1;
	return 0;
}

/* contextual_names: each form counts for the entity it means in a report
 * that names one of its `when`. */
static void add_contextual(struct keycache *kc, const struct comparison *c,
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
			    strcmp(key_of(kc, x), mk) == 0)
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
					cnt[id][s] += count_form(kc, c, s,
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
static void add_acronyms(struct keycache *kc, const struct comparison *c,
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
			cnt[m->v[i].entity][!s] += count_form(kc, c, !s,
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

	if (en->cat == CAT_ACTOR && is_kind(en, "person")) {
		sp = strrchr(en->name, ' ');
		if (sp == NULL || strlen(sp + 1) < 3 || sp[1] < 'A' ||
		    sp[1] > 'Z')
			return NULL;
		return sp + 1;
	}
	if (en->cat == CAT_WEAPON &&
	    (is_kind(en, "ship") || is_kind(en, "vessel"))) {
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
static void add_short_forms(struct keycache *kc, const struct comparison *c,
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
		cnt[i][s] += count_form(kc, c, s, sf);
	}
}

/* The entity of the state whose key key begins with, before a space and
 * more words ("united states military": the United States), the one
 * mentioned when several states have that key; ENTITY_NONE when none.
 * *rest: the words after. */
static uint32_t owning_state(struct keycache *kc, size_t (*cnt)[2],
			     const char *key, const char **rest)
{
	size_t x, best = 0;
	uint32_t id = ENTITY_NONE;

	for (x = 0; x < kc->n; x++) {
		const struct entity *en = entities_get(kc->reg, (uint32_t)x);
		const char *sk;
		size_t l;

		if (en == NULL || !is_kind(en, "state"))
			continue;
		sk = key_of(kc, (uint32_t)x);
		l = strlen(sk);
		if ((l > best || (l == best && cnt[x][0] + cnt[x][1] > 0)) &&
		    strncmp(key, sk, l) == 0 && key[l] == ' ') {
			best = l;
			id = (uint32_t)x;
			*rest = key + l + 1;
		}
	}
	return id;
}

/* How many mentioned entities other than i have a key that ends with
 * the words rest? */
static size_t others_ending(struct keycache *kc, size_t (*cnt)[2], size_t i,
			    const char *rest)
{
	size_t x, n = 0, lr = strlen(rest);

	for (x = 0; x < kc->n; x++) {
		const char *k;
		size_t l;

		if (x == i || cnt[x][0] + cnt[x][1] == 0)
			continue;
		k = key_of(kc, (uint32_t)x);
		l = strlen(k);
		if (l >= lr && strcmp(k + l - lr, rest) == 0 &&
		    (l == lr || k[l - lr - 1] == ' '))
			n++;
	}
	return n;
}

/* The report an institution (an actor, no state, no person) counted
 * in one report only is missing from (0 or 1); -1 for any other
 * entity. */
static int missing_side(struct keycache *kc, size_t (*cnt)[2], size_t i)
{
	const struct entity *en = entities_get(kc->reg, (uint32_t)i);

	if (en == NULL || (cnt[i][0] == 0) == (cnt[i][1] == 0) ||
	    en->cat != CAT_ACTOR || is_kind(en, "state") ||
	    is_kind(en, "person"))
		return -1;
	return cnt[i][0] == 0 ? 0 : 1;
}

/* A state's institution, after the entities are merged: in a report
 * that names the institution but not the state ("U.S. forces" beside
 * "United States forces" in the other), the institution names the state
 * too; and an institution named with its state in one report only
 * ("China Coast Guard") is that institution where the other writes it
 * without a state, unmarked ("a dozen coast guard vessels"), when
 * nothing else mentioned is that institution of another state. */
static void add_state_institutions(struct keycache *kc,
				   const struct comparison *c,
				   size_t (*cnt)[2])
{
	size_t i;

	for (i = 0; i < kc->n; i++) {
		const struct entity *en = entities_get(kc->reg, (uint32_t)i);
		const char *rest = NULL;
		uint32_t st;
		int s;

		if (cnt[i][0] + cnt[i][1] == 0 || en == NULL ||
		    en->cat != CAT_ACTOR || is_kind(en, "state") ||
		    is_kind(en, "person") ||
		    (st = owning_state(kc, cnt, key_of(kc, (uint32_t)i),
				       &rest)) == ENTITY_NONE)
			continue;
		for (s = 0; s < 2; s++)
			if (cnt[i][s] && cnt[st][s] == 0 && cnt[st][!s])
				cnt[st][s] += cnt[i][s];
		if ((cnt[i][0] == 0) == (cnt[i][1] == 0) ||
		    strchr(rest, ' ') == NULL ||
		    others_ending(kc, cnt, i, rest) != 0)
			continue;
		s = cnt[i][0] == 0 ? 0 : 1;
		cnt[i][s] += count_form(kc, c, s, rest);
	}
}

/* An institution named in full in one report only ("the Central
 * Election Commission") is that institution where the other writes its
 * name without the first word, in lower case, after "the" ("the
 * election commission"), when nothing else mentioned ends so and no
 * state opens the name (add_state_institutions). */
static void add_descriptions(struct keycache *kc, const struct comparison *c,
			     size_t (*cnt)[2])
{
	size_t i;

	for (i = 0; i < kc->n; i++) {
		const struct entity *en = entities_get(kc->reg, (uint32_t)i);
		const char *key, *rest, *sp;
		char *form;
		int s = missing_side(kc, cnt, i);

		if (s < 0 || (sp = strchr(en->name, ' ')) == NULL ||
		    sp[1] < 'A' || sp[1] > 'Z')
			continue;
		key = key_of(kc, (uint32_t)i);
		if ((rest = strchr(key, ' ')) == NULL ||
		    strchr(++rest, ' ') == NULL ||
		    owning_state(kc, cnt, key, &sp) != ENTITY_NONE ||
		    others_ending(kc, cnt, i, rest) != 0)
			continue;
		form = xmalloc(strlen(rest) + 5);
		strcpy(form, "the ");
		strcat(form, rest);
		cnt[i][s] += count_form(kc, c, s, form);
		free(form);
	}
}

/* Does a mention of the state st end just before p in side s's text,
 * with a space and perhaps a possessive ("Niger's defence ministry",
 * "Nigerien defence ministry")? */
static int state_before(struct keycache *kc, const struct comparison *c,
			int s, uint32_t st, size_t p)
{
	const struct mentions *m = c->side[s].m;
	const char *t = c->side[s].a->text;
	size_t e, lo = 0, hi = m->n;

	if (p == 0 || (t[p - 1] != ' ' && t[p - 1] != '\n'))
		return 0;
	e = p - 1;
	if (e >= 2 && t[e - 2] == '\'' && t[e - 1] == 's')
		e -= 2;
	else if (e >= 4 && memcmp(t + e - 4, "\xe2\x80\x99s", 4) == 0)
		e -= 4;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (m->v[mid].start < e)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo > 0 && m->v[lo - 1].end == e &&
	       m->v[lo - 1].entity < kc->n &&
	       kc->rep[m->v[lo - 1].entity] == kc->rep[st];
}

/* How often form stands in side s's text as words of their own, right
 * after a mention of the state st (state_before)? */
static size_t count_after_state(struct keycache *kc,
				const struct comparison *c, int s,
				uint32_t st, const char *form)
{
	const char *t = c->side[s].a->text, *p = t;
	size_t len = c->side[s].a->len, n = strlen(form), hits = 0;

	while ((p = memmem(p, len - (size_t)(p - t), form, n)) != NULL) {
		size_t at = (size_t)(p - t);

		if ((at + n == len || !trie_word_at(t, len, at + n)) &&
		    state_before(kc, c, s, st, at))
			hits++;
		p++;
	}
	return hits;
}

/* The state whose name or adjective opens key ("nigerien ministry of
 * national defence": Niger), mentioned in report s; *rest: the words
 * after it; ENTITY_NONE when none. */
static uint32_t opening_state(struct keycache *kc, size_t (*cnt)[2], int s,
			      const char *key, const char **rest)
{
	size_t x, w = strcspn(key, " ");
	uint32_t st = owning_state(kc, cnt, key, rest);

	if (st != ENTITY_NONE || key[w] != ' ')
		return st != ENTITY_NONE && cnt[st][s] ? st : ENTITY_NONE;
	for (x = 0; x < kc->n; x++) {
		const struct entity *en = entities_get(kc->reg, (uint32_t)x);

		if (en != NULL && is_kind(en, "state") && cnt[x][s] &&
		    names_state(key, w, key_of(kc, (uint32_t)x))) {
			*rest = key + w + 1;
			return (uint32_t)x;
		}
	}
	return ENTITY_NONE;
}

/* A state's institution named in full in one report only ("the
 * Nigerien Ministry of National Defence") is that institution where the
 * other report names it after the state, by its lower-case description:
 * its last word, then its first ("Niger's defence ministry"), or its
 * first, "of" and its last ("Niger's ministry of defence"); when nothing
 * else mentioned ends as it does. */
static void add_state_descriptions(struct keycache *kc,
				   const struct comparison *c,
				   size_t (*cnt)[2])
{
	size_t i;

	for (i = 0; i < kc->n; i++) {
		const char *rest = NULL, *of, *last;
		uint32_t st;
		size_t head;
		char *form;
		int s = missing_side(kc, cnt, i);

		if (s < 0 ||
		    (st = opening_state(kc, cnt, s, key_of(kc, (uint32_t)i),
					&rest)) == ENTITY_NONE ||
		    (of = strstr(rest, " of ")) == NULL ||
		    strchr(rest, ' ') != of ||
		    others_ending(kc, cnt, i, rest) != 0)
			continue;
		head = (size_t)(of - rest);
		last = strrchr(rest, ' ') + 1;
		form = xasprintf("%s %.*s", last, (int)head, rest);
		cnt[i][s] += count_after_state(kc, c, s, st, form);
		free(form);
		form = xasprintf("%.*s of %s", (int)head, rest, last);
		cnt[i][s] += count_after_state(kc, c, s, st, form);
		free(form);
	}
}

/* The places of a report's dateline and date lines (side_places): three
 * places and the country after a comma of each. */
#define NPLACES 6

/* The place in capitals that opens a report's lead as a dateline
 * ("BISHKEK (Steppe News Agency) -", "KYIV, Ukraine --"), as a fresh
 * string, or NULL: capitals, spaces, full stops and hyphens, then a
 * bracket, a dash or a comma. */
static char *lead_place(const struct article *a)
{
	const char *t = a->text;
	size_t i, p, e, letters = 0;

	for (i = 0; i < a->nsections && a->sections[i].kind != SECTION_LEAD;
	     i++)
		;
	if (i == a->nsections)
		return NULL;
	p = a->sections[i].start;
	for (e = p; e < a->sections[i].end; e++) {
		if (t[e] >= 'A' && t[e] <= 'Z')
			letters++;
		else if (t[e] != ' ' && t[e] != '.' && t[e] != '-')
			break;
	}
	while (e > p && (t[e - 1] == ' ' || t[e - 1] == '-'))
		e--;
	if (letters < 3 || e >= a->sections[i].end ||
	    !(t[e] == ',' || (t[e] == ' ' && e + 1 < a->len &&
			      strchr("(-", t[e + 1]) != NULL) ||
	      (t[e] == ' ' && (unsigned char)t[e + 1] == 0xe2)))
		return NULL;
	return xstrndup(t + p, e - p);
}

/* Is t[k, e) only a date that ends with its year ("2 October 2025",
 * "Aug. 5, 2025"): letters, digits, spaces, commas and full stops, then
 * a space and four digits? */
static int date_only(const char *t, size_t k, size_t e)
{
	size_t k0 = k;

	for (; k < e && (strchr(" ,.", t[k]) || (t[k] >= '0' && t[k] <= '9') ||
			 ((t[k] | 0x20) >= 'a' && (t[k] | 0x20) <= 'z'));
	     k++)
		;
	return k == e && e - k0 > 5 && t[e - 5] == ' ' &&
	       strspn(t + e - 4, "0123456789") == 4;
}

/* The end of the place of a line of a place, a dash and a date
 * ("STUTTGART, Germany -- Aug. 5, 2025", "Lome - 5 August 2025"): words
 * and commas, a space, a dash ("-", "--", "–", "—"), a space, a date;
 * 0 when the line is not one. */
static size_t place_before_dash(const char *t, size_t p, size_t e)
{
	size_t c, k;

	for (c = p; c < e && (strchr(" .,'", t[c]) ||
			      ((t[c] | 0x20) >= 'a' && (t[c] | 0x20) <= 'z'));
	     c++)
		if (t[c] == ' ' && c + 1 < e &&
		    (t[c + 1] == '-' || (unsigned char)t[c + 1] == 0xe2))
			break;
	if (c == p || c >= e || t[c] != ' ')
		return 0;
	k = c + 1;
	if (t[k] == '-')
		k += k + 1 < e && t[k + 1] == '-' ? 2 : 1;
	else if (k + 2 < e && (unsigned char)t[k + 1] == 0x80 &&
		 ((unsigned char)t[k + 2] == 0x93 ||
		  (unsigned char)t[k + 2] == 0x94))
		k += 3;
	else
		return 0;
	if (k >= e || t[k] != ' ' || !date_only(t, k + 1, e))
		return 0;
	return c;
}

/* The place the line t[p, e) of a place and a date names, as a fresh
 * string, or NULL (date_line_place). */
static char *line_place(const char *t, size_t p, size_t e)
{
	size_t c;

	while (e > p && (t[e - 1] == ' ' || t[e - 1] == '\r'))
		e--;
	if (e - p > 64 || e - p < 10 || t[p] < 'A' || t[p] > 'Z')
		return NULL;
	if ((c = place_before_dash(t, p, e)) != 0)
		return xstrndup(t + p, c - p);
	for (c = p; c < e && (strchr(" .-", t[c]) || (t[c] | 0x20) >= 'a') &&
		    (t[c] | 0x20) <= 'z';
	     c++)
		;
	if (c >= e || t[c] != ',' || c + 1 >= e || t[c + 1] != ' ' ||
	    !date_only(t, c + 2, e))
		return NULL;
	return xstrndup(t + p, c - p);
}

/* The place a boilerplate line of a place and a date names ("Jakarta,
 * 2 October 2025", "Manila, March 4, 2024", "STUTTGART, Germany --
 * Aug. 5, 2025"), as a fresh string, or NULL: capitalised words, a
 * comma (or words and commas, then a dash), then only a date that ends
 * with its year; the line may stand under header lines ("Ministry of
 * Defence\nPress Release\nNew Delhi, 11 November 2025"). */
static char *date_line_place(const struct article *a)
{
	const char *t = a->text;
	size_t i, p, e, q;

	for (i = 0; i < a->nsections; i++) {
		if (a->sections[i].kind != SECTION_BOILERPLATE)
			continue;
		e = a->sections[i].end;
		for (p = a->sections[i].start; p < e; p = q + 1) {
			const char *nl = memchr(t + p, '\n', e - p);
			char *place;

			q = nl ? (size_t)(nl - t) : e;
			if ((place = line_place(t, p, q)) != NULL)
				return place;
		}
	}
	return NULL;
}

/* The places a's metadata, its dateline and its line of a place and a
 * date name, as fresh strings (or NULL) in place[0..2], and their keys
 * in key[0..2] (the town of "GEORGETOWN, Guyana"; NULL for no place);
 * the words after a comma of each, its country ("Guyana"), in
 * place[3..5] and key[3..5]; places_free frees them. */
static void side_places(const struct compare_rules *r, const struct article *a,
			char *place[NPLACES], char *key[NPLACES])
{
	size_t k;

	place[0] = a->place ? xstrdup(a->place) : NULL;
	place[1] = lead_place(a);
	place[2] = date_line_place(a);
	for (k = 0; k < 3; k++) {
		const char *cm = place[k] ? strrchr(place[k], ',') : NULL;

		place[k + 3] = cm && cm[1] == ' ' && cm[2] >= 'A' &&
					       cm[2] <= 'Z'
				       ? xstrdup(cm + 2)
				       : NULL;
	}
	for (k = 0; k < NPLACES; k++) {
		key[k] = NULL;
		if (place[k] == NULL || place[k][0] == '\0')
			continue;
		key[k] = compare_entity_key(r, place[k]);
		key[k][strcspn(key[k], ",")] = '\0';
	}
}

static void places_free(char *place[NPLACES], char *key[NPLACES])
{
	size_t k;

	for (k = 0; k < NPLACES; k++) {
		free(place[k]);
		free(key[k]);
	}
}

/* The place a report's dateline names ("BISHKEK (Steppe News Agency) -")
 * or its line of a place and a date ("Jakarta, 2 October 2025") is a
 * mention of it, when the other report names it. */
static void add_places(struct keycache *kc, const struct comparison *c,
		       size_t (*cnt)[2])
{
	size_t i, k;
	int s;

	for (s = 0; s < 2; s++) {
		char *place[NPLACES], *pk[NPLACES];

		side_places(kc->r, c->side[s].a, place, pk);
		for (k = 0; k < NPLACES; k++)
			for (i = 0; pk[k] != NULL && i < kc->n; i++)
				if (cnt[i][s] == 0 && cnt[i][!s] &&
				    entities_get(kc->reg, (uint32_t)i) &&
				    strcmp(key_of(kc, (uint32_t)i), pk[k]) == 0) {
					cnt[i][s] = 1;
					break;
				}
		places_free(place, pk);
	}
}

/* How many mentions of side s are a state written as its seat, whose
 * words have the key pk ("Last year Washington approved": the United
 * States)?  *at: the first of them. */
static size_t seat_written(struct keycache *kc, const struct comparison *c,
			   int s, const char *pk, struct span *at)
{
	const struct mentions *m = c->side[s].m;
	const char *t = c->side[s].a->text;
	size_t i, n = 0;

	for (i = 0; i < m->n; i++) {
		const struct entity *en;
		char *w, *wk;

		/* (a seat's key opens with its first letter: told first) */
		if (m->v[i].cat != CAT_ACTOR ||
		    (t[m->v[i].start] | 0x20) != pk[0] ||
		    (en = entities_get(kc->reg, m->v[i].entity)) == NULL ||
		    !is_kind(en, "state"))
			continue;
		w = xstrndup(t + m->v[i].start, m->v[i].end - m->v[i].start);
		wk = compare_entity_key(kc->r, w);
		if (strcmp(wk, pk) == 0 && n++ == 0) {
			at->start = m->v[i].start;
			at->end = m->v[i].end;
		}
		free(wk);
		free(w);
	}
	return n;
}

/* A place named in one report only is that place where the other
 * writes it as the seat standing for its state ("evacuated from
 * N'Djamena" marked as Chad beside "flights out of N'Djamena"). */
static void add_seat_mentions(struct keycache *kc, const struct comparison *c,
			      size_t (*cnt)[2])
{
	size_t i;

	for (i = 0; i < kc->n; i++) {
		const struct entity *en = entities_get(kc->reg, (uint32_t)i);
		struct span at;
		int s;

		if (en == NULL || en->cat != CAT_PLACE ||
		    (cnt[i][0] == 0) == (cnt[i][1] == 0))
			continue;
		s = cnt[i][0] == 0 ? 0 : 1;
		cnt[i][s] += seat_written(kc, c, s, key_of(kc, (uint32_t)i),
					  &at);
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
static void add_titles(struct keycache *kc, const struct comparison *c,
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

/* Is a place entity with the key pk counted, or a name of c with it
 * listed? */
static int place_listed(struct keycache *kc, const struct comparison *c,
			size_t (*cnt)[2], const char *pk)
{
	size_t i;
	int hit;

	for (i = 0; i < kc->n; i++)
		if ((cnt[i][0] || cnt[i][1]) &&
		    strcmp(key_of(kc, (uint32_t)i), pk) == 0)
			return 1;
	for (i = 0, hit = 0; i < c->nnames && !hit; i++) {
		char *nk = compare_entity_key(kc->r, c->names[i].name);

		hit = strcmp(nk, pk) == 0;
		free(nk);
	}
	return hit;
}

/* The place a report's dateline names that the other report writes only
 * as the seat standing for its state ("WASHINGTON, March 4, 2025 -" /
 * "Last year Washington approved") is a name written in both, as the
 * other report writes it. */
static void add_seat_places(struct keycache *kc, struct comparison *c,
			    size_t (*cnt)[2])
{
	size_t k;
	int s;

	for (s = 0; s < 2; s++) {
		const struct article *a = c->side[s].a;
		char *place[NPLACES], *pk[NPLACES];

		side_places(kc->r, a, place, pk);
		for (k = 0; k < NPLACES; k++) {
			struct span at = {0, 0};
			const char *w;
			struct cmp_name *nm;
			size_t n;

			if (pk[k] == NULL || pk[k][0] == '\0' ||
			    place_listed(kc, c, cnt, pk[k]) ||
			    (n = seat_written(kc, c, !s, pk[k], &at)) == 0)
				continue;
			c->names = xrealloc(c->names,
					    (c->nnames + 1) * sizeof *c->names);
			nm = &c->names[c->nnames++];
			memset(nm, 0, sizeof *nm);
			w = c->side[!s].a->text + at.start;
			nm->name = xstrndup(w, at.end - at.start);
			nm->count[s] = 1;
			nm->count[!s] = n;
			nm->at[!s] = at;
			if ((w = strstr(a->text, place[k])) != NULL) {
				nm->at[s].start = (size_t)(w - a->text);
				nm->at[s].end = nm->at[s].start +
						strlen(place[k]);
			}
		}
		places_free(place, pk);
	}
}

/* Names that nothing marks (names_match): those of an entity counted
 * in one report count for it; the others written in both are listed. */
static void add_names(struct keycache *kc, struct comparison *c,
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
		v[n].key = key_of(kc, (uint32_t)i);
		v[n++].id = (uint32_t)i;
	}
	c->nnames = names_match(kc->r, a, m, v, n, cnt, &c->names);
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

		add_contextual(&kc, c, cnt);
		add_acronyms(&kc, c, cnt);
		add_short_forms(&kc, c, cnt);
		merge_by_key(&kc, ne, cnt);
		add_state_institutions(&kc, c, cnt);
		add_descriptions(&kc, c, cnt);
		add_state_descriptions(&kc, c, cnt);
		add_places(&kc, c, cnt);
		add_seat_mentions(&kc, c, cnt);
		add_titles(&kc, c, cnt);
		add_names(&kc, c, cnt);
		add_seat_places(&kc, c, cnt);
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
	align_figures(r, reg, c);
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
