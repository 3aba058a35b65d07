/* topics: topic definitions and the sentences on each topic. */
#include "brief/compare/topics.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "brief/base/alloc.h"
#include "brief/base/paths.h"
#include "brief/base/rx.h"
#include "brief/base/rxstems.h"
#include "brief/yaml/rx_node.h"
#include "brief/yaml/yamlio.h"

/* The most patterns in one list: a bit each in a uint64_t. */
#define TOPIC_PATTERNS_MAX 64

struct rxlist {
	pcre2_code **re;
	pcre2_code **anch; /* re[k] anchored, when it has stems; else NULL */
	size_t n;
	size_t base; /* the stems' id of re[0]; re[k] has base + k */
};

struct names {
	char **v;
	size_t n;
};

struct topic {
	char *id, *label;
	struct rxlist pats, weak, neg;
	struct names kinds, entities;
};

struct topics {
	struct topic v[TOPICS_MAX];
	size_t n;
	pcre2_match_data *md;
	struct rxstems *stems; /* where a pattern's matches may start */
	size_t npat;           /* patterns of every list so far */
};

char *topics_default_path(void)
{
	return paths_config_file("topics.yaml");
}

static int has_upper(const char *s)
{
	for (; *s; s++) {
		if (*s == '\\' && s[1]) {
			s++;
			continue;
		}
		if (*s >= 'A' && *s <= 'Z')
			return 1;
	}
	return 0;
}

/* The list under key of topic node m, or NULL when absent; -1 in *bad
 * when it is not a list. */
static const struct ynode *list_of(const struct ynode *m, const char *key,
				   const char *path, struct err *e, int *bad)
{
	const struct ynode *l = ynode_get(m, key);

	if (l && l->type != YNODE_SEQ) {
		ynode_err(e, path, l, "'%s' must be a list", key);
		*bad = -1;
		return NULL;
	}
	return l;
}

/* Compile the patterns under key (case-insensitive unless a pattern has
 * a capital). */
static int load_rx(struct topics *ts, struct rxlist *rl,
		   const struct ynode *m, const char *key, const char *path,
		   struct err *e)
{
	int bad = 0;
	const struct ynode *l = list_of(m, key, path, e, &bad);
	size_t i;

	if (bad)
		return -1;
	if (l && l->nkids > TOPIC_PATTERNS_MAX) {
		ynode_err(e, path, l, "at most %d patterns in '%s'",
			  TOPIC_PATTERNS_MAX, key);
		return -1;
	}
	rl->re = xcalloc(l ? l->nkids + 1 : 1, sizeof *rl->re);
	rl->anch = xcalloc(l ? l->nkids + 1 : 1, sizeof *rl->anch);
	rl->base = ts->npat;
	for (i = 0; l && i < l->nkids; i++) {
		const struct ynode *p = l->kids[i];
		uint32_t opt = RX_ASCII_WORDS;

		if (p->type != YNODE_SCALAR || !has_upper(p->str))
			opt |= PCRE2_CASELESS;
		rl->re[i] = rx_compile_node(path, p, opt, e);
		if (rl->re[i] == NULL)
			return -1;
		rl->n++;
		/* where it has stems, it is tried only where they begin
		 * words (a pattern with a NUL in it is not read for them) */
		if (rxstems_add(ts->stems,
				strlen(p->str) == p->len ? p->str : "",
				ts->npat++) > 0) {
			rl->anch[i] = rx_compile_node(path, p,
						      opt | PCRE2_ANCHORED, e);
			if (rl->anch[i] == NULL)
				return -1;
		}
	}
	return 0;
}

static int load_names(struct names *nv, const struct ynode *m,
		      const char *key, const char *path, struct err *e)
{
	int bad = 0;
	const struct ynode *l = list_of(m, key, path, e, &bad);
	size_t i;

	if (bad)
		return -1;
	nv->v = xcalloc(l ? l->nkids + 1 : 1, sizeof *nv->v);
	for (i = 0; l && i < l->nkids; i++) {
		if (l->kids[i]->type != YNODE_SCALAR) {
			ynode_err(e, path, l->kids[i], "a name is expected");
			return -1;
		}
		nv->v[nv->n++] = xstrdup(l->kids[i]->str);
	}
	return 0;
}

static const struct ynode *scalar_at(const struct ynode *m, const char *key)
{
	const struct ynode *v = ynode_get(m, key);

	return v && v->type == YNODE_SCALAR ? v : NULL;
}

static int load_topic(struct topics *ts, const char *path,
		      const struct ynode *m, struct err *e)
{
	const struct ynode *id, *label;
	struct topic *t = &ts->v[ts->n];
	size_t i;

	if (m->type != YNODE_MAP) {
		ynode_err(e, path, m, "a topic must be a mapping");
		return -1;
	}
	/* `name` is the id of a topics file written before ids */
	id = scalar_at(m, "id");
	if (id == NULL)
		id = scalar_at(m, "name");
	label = scalar_at(m, "label");
	if (id == NULL || id->str[0] == '\0') {
		ynode_err(e, path, m, "a topic needs an 'id'");
		return -1;
	}
	for (i = 0; i < ts->n; i++)
		if (strcmp(ts->v[i].id, id->str) == 0) {
			ynode_err(e, path, id, "topic '%s' is defined twice",
				  id->str);
			return -1;
		}
	memset(t, 0, sizeof *t);
	t->id = xstrdup(id->str);
	t->label = xstrdup(label ? label->str : id->str);
	ts->n++;
	if (load_rx(ts, &t->pats, m, "patterns", path, e) != 0 ||
	    load_rx(ts, &t->weak, m, "weak", path, e) != 0 ||
	    load_rx(ts, &t->neg, m, "not", path, e) != 0 ||
	    load_names(&t->kinds, m, "kinds", path, e) != 0 ||
	    load_names(&t->entities, m, "entities", path, e) != 0)
		return -1;
	if (t->weak.n && t->kinds.n == 0) {
		ynode_err(e, path, ynode_get(m, "weak"),
			  "topic '%s' has 'weak' patterns but no 'kinds'",
			  t->id);
		return -1;
	}
	return 0;
}

struct topics *topics_load(const char *path, struct err *e)
{
	struct topics *ts = xcalloc(1, sizeof *ts);
	struct ynode *root;
	const struct ynode *l;
	size_t i;
	int ok;

	ts->md = pcre2_match_data_create(4, NULL);
	ts->stems = rxstems_new();
	root = yamlio_parse_file(path, &ok, e);
	if (!ok) {
		topics_free(ts);
		return NULL;
	}
	l = ynode_get(root, "topics");
	if (l == NULL || l->type != YNODE_SEQ) {
		ynode_err(e, path, l ? l : root, "a 'topics' list is expected");
		goto fail;
	}
	if (l->nkids > TOPICS_MAX) {
		ynode_err(e, path, l, "at most %d topics", TOPICS_MAX);
		goto fail;
	}
	for (i = 0; i < l->nkids; i++)
		if (load_topic(ts, path, l->kids[i], e) != 0)
			goto fail;
	ynode_free(root);
	return ts;
fail:
	ynode_free(root);
	topics_free(ts);
	return NULL;
}

static void free_rx(struct rxlist *rl)
{
	size_t k;

	for (k = 0; k < rl->n; k++) {
		rx_free(rl->re[k]);
		rx_free(rl->anch[k]);
	}
	free(rl->re);
	free(rl->anch);
}

static void free_names(struct names *nv)
{
	size_t k;

	for (k = 0; k < nv->n; k++)
		free(nv->v[k]);
	free(nv->v);
}

void topics_free(struct topics *ts)
{
	size_t i;

	if (ts == NULL)
		return;
	for (i = 0; i < ts->n; i++) {
		free(ts->v[i].id);
		free(ts->v[i].label);
		free_rx(&ts->v[i].pats);
		free_rx(&ts->v[i].weak);
		free_rx(&ts->v[i].neg);
		free_names(&ts->v[i].kinds);
		free_names(&ts->v[i].entities);
	}
	pcre2_match_data_free(ts->md);
	rxstems_free(ts->stems);
	free(ts);
}

size_t topics_count(const struct topics *t)
{
	return t->n;
}

const char *topics_id(const struct topics *t, size_t i)
{
	return i < t->n ? t->v[i].id : "";
}

const char *topics_label(const struct topics *t, size_t i)
{
	return i < t->n ? t->v[i].label : "";
}

/* ---- matching ---- */

/* A span of text being searched: a section, then one sentence of it. */
struct scan {
	const struct topics *ts;
	const char *text;
	size_t ss, se;           /* the sentence */
	const struct mention *m; /* the sentence's mentions */
	size_t nm;
	const struct entities *reg;
	size_t sec;              /* where the section starts */
	struct rxstems_hit *h;   /* the section's words that begin a stem */
	size_t nh;               /* SIZE_MAX: none can be trusted */
	size_t *first;           /* by stems' id: its first hit in h, and
				    the end of its hits at id + 1 */
};

/* The first match of pattern k of rl at or after pos in the part
 * [off, off + len) of the section as the subject: tried where the words
 * that begin with its stems start, else searched for. */
static int find_from(const struct scan *sc, const struct rxlist *rl,
		     size_t k, size_t off, size_t len, size_t pos, size_t *ms,
		     size_t *me)
{
	const char *subj = sc->text + sc->sec + off;
	size_t id = rl->base + k, lo;

	if (rl->anch[k] == NULL || sc->nh == SIZE_MAX)
		return rx_find(rl->re[k], sc->ts->md, subj, len, pos, 0, ms,
			       me);
	/* the first of its words at or after pos, then on while in the part */
	lo = sc->first[id];
	lo += rxstems_first(sc->h + lo, sc->first[id + 1] - lo, id, off + pos);
	for (;
	     lo < sc->nh && sc->h[lo].id == id && sc->h[lo].pos < off + len;
	     lo++)
		if (rx_find(rl->anch[k], sc->ts->md, subj, len,
			    sc->h[lo].pos - off, 0, ms, me))
			return 1;
	return 0;
}

/* A word character of \b under ASCII rules. */
static int word_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_';
}

/* Does a `not` pattern of t match over [ms, me) in the sentence? */
static int cancelled(const struct scan *sc, const struct topic *t, size_t ms,
		     size_t me)
{
	size_t k, pos, ns, ne, len = sc->se - sc->ss, off = sc->ss - sc->sec;
	struct scan in = *sc;

	/* a sentence that starts inside a word of the section has a word
	 * of its own there */
	if (off > 0 && word_char(sc->text[sc->ss - 1]) &&
	    word_char(sc->text[sc->ss]))
		in.nh = SIZE_MAX;
	for (k = 0; k < t->neg.n; k++)
		for (pos = 0; pos <= len && find_from(&in, &t->neg, k, off, len,
						      pos, &ns, &ne);
		     pos = ne > ns ? ne : ns + 1)
			if (sc->ss + ns < me && sc->ss + ne > ms)
				return 1;
	return 0;
}

/* A mention in the sentence of an entity named in nv (by canonical name,
 * or by_kind: by category or lexicon kind): 1 and its span. */
static int find_mention(const struct scan *sc, const struct names *nv,
			int by_kind, size_t *ms, size_t *me)
{
	size_t j, k;

	for (j = 0; j < sc->nm; j++) {
		const struct entity *en = entities_get(sc->reg,
						       sc->m[j].entity);

		if (en == NULL || (!by_kind && en->cat == CAT_FIGURE))
			continue;
		for (k = 0; k < nv->n; k++)
			if (by_kind ? strcmp(category_name(en->cat),
					     nv->v[k]) == 0 ||
					      (en->kind &&
					       strcmp(en->kind, nv->v[k]) == 0)
				    : strcmp(en->name, nv->v[k]) == 0) {
				*ms = sc->m[j].start;
				*me = sc->m[j].end;
				return 1;
			}
	}
	return 0;
}

/* The sentence of section s holding byte p, from k on (matches come in
 * text order). */
static size_t sentence_at(const struct article *a, const struct section *s,
			  size_t k, size_t p)
{
	while (k + 1 < s->nsentences &&
	       a->sentences[s->first_sentence + k].end <= p)
		k++;
	return k;
}

/* Point sc at the mentions of its sentence among m[*j..nm) (from *j on:
 * sentences come in text order). */
static void sentence_mentions(struct scan *sc, const struct mention *m,
			      size_t nm, size_t *j)
{
	while (*j < nm && m[*j].start < sc->ss)
		(*j)++;
	sc->m = m + *j;
	for (sc->nm = 0; *j + sc->nm < nm && m[*j + sc->nm].start < sc->se;)
		sc->nm++;
}

/* Scan section s once with each pattern of rl and note in at[] (a start
 * and end per sentence; start SIZE_MAX while none) the first match of
 * each sentence that lies within it, that no `not` pattern cancels and,
 * for weak patterns, whose sentence mentions an entity of t's kinds. */
static void mark_matches(struct scan *sc, const struct article *a,
			 const struct section *s, const struct topic *t,
			 const struct rxlist *rl, int weak,
			 const struct mention *m, size_t nm, size_t (*at)[2])
{
	size_t k, pos, ms, me, len = s->end - s->start;

	for (k = 0; k < rl->n; k++) {
		size_t si = 0, j = 0, ks, ke;

		for (pos = 0; pos <= len &&
			      find_from(sc, rl, k, 0, len, pos, &ms, &me);
		     pos = me > ms ? me : ms + 1) {
			const struct span *se;

			si = sentence_at(a, s, si, s->start + ms);
			se = &a->sentences[s->first_sentence + si];
			if (at[si][0] != SIZE_MAX) {
				/* this sentence has the topic: on to the next */
				if (se->end > s->start + ms)
					me = se->end - s->start;
				continue;
			}
			if (s->start + me > se->end)
				continue;
			sc->ss = se->start;
			sc->se = se->end;
			if (cancelled(sc, t, s->start + ms, s->start + me))
				continue;
			if (weak) {
				sentence_mentions(sc, m, nm, &j);
				if (!find_mention(sc, &t->kinds, 1, &ks, &ke))
					continue;
			}
			at[si][0] = s->start + ms;
			at[si][1] = s->start + me;
		}
	}
}

/* Append the hits of section sec to *v (n of them, room for *cap);
 * returns the new count.  m: the section's mentions in text order. */
static size_t section_hits(const struct topics *ts, const struct article *a,
			   size_t sec, const struct mention *m, size_t nm,
			   const struct entities *reg, struct topic_hit **v,
			   size_t *cap, size_t n)
{
	const struct section *s = &a->sections[sec];
	struct scan sc = {ts, a->text, 0, 0, NULL, 0, reg, s->start, NULL, 0,
			  NULL};
	size_t hcap = 0;
	size_t (*at)[2], i, k, j;

	if (s->kind == SECTION_BOILERPLATE || s->nsentences == 0)
		return n;
	at = xcalloc(s->nsentences, sizeof *at);
	sc.nh = rxstems_find(ts->stems, a->text + s->start, s->end - s->start,
			     &sc.h, &hcap);
	/* where each pattern's hits begin (they come by pattern) */
	sc.first = xcalloc(ts->npat + 1, sizeof *sc.first);
	for (i = 0, k = 0; sc.nh != SIZE_MAX && i <= ts->npat; i++) {
		while (k < sc.nh && sc.h[k].id < i)
			k++;
		sc.first[i] = k;
	}
	for (i = 0; i < ts->n; i++) {
		const struct topic *t = &ts->v[i];

		for (k = 0; k < s->nsentences; k++)
			at[k][0] = SIZE_MAX;
		mark_matches(&sc, a, s, t, &t->pats, 0, m, nm, at);
		mark_matches(&sc, a, s, t, &t->weak, 1, m, nm, at);
		for (k = 0, j = 0; k < s->nsentences; k++) {
			const struct span *se = &a->sentences[s->first_sentence +
							      k];

			if (at[k][0] == SIZE_MAX && t->entities.n) {
				sc.ss = se->start;
				sc.se = se->end;
				sentence_mentions(&sc, m, nm, &j);
				find_mention(&sc, &t->entities, 0, &at[k][0],
					     &at[k][1]);
			}
			if (at[k][0] == SIZE_MAX)
				continue;
			*v = xgrow(*v, cap, n + 1, sizeof **v);
			(*v)[n].topic = i;
			(*v)[n].section = sec;
			(*v)[n].sentence = s->first_sentence + k;
			(*v)[n].start = at[k][0];
			(*v)[n].end = at[k][1];
			n++;
		}
	}
	free(at);
	free(sc.h);
	free(sc.first);
	return n;
}

size_t topics_find(const struct topics *ts, const struct article *a,
		   const struct mention *m, size_t nm,
		   const struct entities *reg, struct topic_hit **out)
{
	size_t sec, j = 0, n = 0, cap = 0;

	*out = NULL;
	for (sec = 0; sec < a->nsections; sec++) {
		const struct section *s = &a->sections[sec];
		size_t first;

		while (j < nm && m[j].start < s->start)
			j++;
		first = j;
		while (j < nm && m[j].start < s->end)
			j++;
		n = section_hits(ts, a, sec, m + first, j - first, reg, out,
				 &cap, n);
	}
	return n;
}

uint64_t topics_of(const struct topics *ts, const struct article *a,
		   size_t sec, const struct mention *m, size_t nm,
		   const struct entities *reg)
{
	struct topic_hit *v = NULL;
	size_t cap = 0, n = section_hits(ts, a, sec, m, nm, reg, &v, &cap, 0),
	       i;
	uint64_t bits = 0;

	for (i = 0; i < n; i++)
		bits |= 1ULL << v[i].topic;
	free(v);
	return bits;
}
