/* quotes: quotation spans and their speakers. */
#include "brief/compare/quotes.h"

#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "brief/base/trie.h"
#include "brief/base/utf8.h"
#include "brief/yaml/wordlist.h"

struct quoterules {
	struct trie *verbs;
	struct trie *pronouns;
	struct trie *according;
	struct trie *nouns;      /* speaker_nouns: "spokesman", "ministry" */
	struct trie *dets;       /* speaker_determiners: "a", "the" */
};

struct quoterules *quoterules_load(const struct ynode *root, const char *name,
				   struct err *e)
{
	struct quoterules *r = xcalloc(1, sizeof *r);

	r->verbs = trie_new();
	r->pronouns = trie_new();
	r->according = trie_new();
	r->nouns = trie_new();
	r->dets = trie_new();
	if (wordlist_load(r->verbs, name, ynode_get(root, "speech_verbs"),
			  "speech_verbs", 0, 0, e) ||
	    wordlist_load(r->pronouns, name, ynode_get(root, "pronouns"),
			  "pronouns", 0, 0, e) ||
	    wordlist_load(r->according, name, ynode_get(root, "according"),
			  "according", 0, 0, e) ||
	    wordlist_load(r->nouns, name, ynode_get(root, "speaker_nouns"),
			  "speaker_nouns", 1, 0, e) ||
	    wordlist_load(r->dets, name,
			  ynode_get(root, "speaker_determiners"),
			  "speaker_determiners", 1, 0, e)) {
		quoterules_free(r);
		return NULL;
	}
	return r;
}

void quoterules_free(struct quoterules *r)
{
	if (r == NULL)
		return;
	trie_free(r->verbs);
	trie_free(r->pronouns);
	trie_free(r->according);
	trie_free(r->nouns);
	trie_free(r->dets);
	free(r);
}

void quotes_free(struct quote *q, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(q[i].speaker_text);
	free(q);
}

static int is3(const char *t, size_t i, size_t e, unsigned char c3)
{
	return i + 2 < e && (unsigned char)t[i] == 0xE2 &&
	       (unsigned char)t[i + 1] == 0x80 && (unsigned char)t[i + 2] == c3;
}

struct ctx {
	const struct quoterules *r;
	const struct article *a;
	const struct mentions *m;
	const struct entities *reg;
};

static int is_person(const struct ctx *c, const struct mention *mn)
{
	const struct entity *en = entities_get(c->reg, mn->entity);

	return en && en->cat == CAT_ACTOR && en->kind &&
	       strcmp(en->kind, "person") == 0;
}

static int is_actor(const struct ctx *c, const struct mention *mn)
{
	const struct entity *en = entities_get(c->reg, mn->entity);

	return en && en->cat == CAT_ACTOR;
}

static int is_state(const struct ctx *c, const struct mention *mn)
{
	const struct entity *en = entities_get(c->reg, mn->entity);

	return en && en->kind && strcmp(en->kind, "state") == 0;
}

/* Index of the first mention starting at or after off (mentions are in
 * text order). */
static size_t first_from(const struct ctx *c, size_t off)
{
	size_t a = 0, b = c->m->n;

	while (a < b) {
		size_t mid = (a + b) / 2;

		if (c->m->v[mid].start < off)
			a = mid + 1;
		else
			b = mid;
	}
	return a;
}

/* The last person named before offset off, in the paragraph of off or
 * the one before it ("he said" stands for no one named further back). */
static const struct mention *last_person(const struct ctx *c, size_t off)
{
	const struct article *a = c->a;
	long k = article_section_at(a, off);
	size_t i = first_from(c, off);
	size_t from = k > 0 ? a->sections[k - 1].start
		      : k == 0 ? a->sections[0].start : 0;

	while (i-- > 0 && c->m->v[i].start >= from)
		if (is_person(c, &c->m->v[i]))
			return &c->m->v[i];
	return NULL;
}

/* A person named in t[from, to) (between a speech verb and the quote:
 * "He said Kim's speech"), or UINT32_MAX: he is not the one speaking. */
static uint32_t person_between(const struct ctx *c, size_t from, size_t to)
{
	size_t i;

	for (i = first_from(c, from); i < c->m->n && c->m->v[i].start < to;
	     i++)
		if (is_person(c, &c->m->v[i]))
			return c->m->v[i].entity;
	return UINT32_MAX;
}

static size_t skip_blank(const char *t, size_t p, size_t e)
{
	while (p < e && (t[p] == ' ' || t[p] == ',' || t[p] == '\n'))
		p++;
	return p;
}

static size_t word_end(const char *t, size_t p, size_t e)
{
	while (p < e && trie_word_at(t, e, p))
		p++;
	return p;
}

static int word_in(const struct trie *tr, const char *t, size_t s, size_t e)
{
	uint32_t v;

	return s < e && trie_match(tr, t, e, s, &v) == word_end(t, s, e);
}

static void set_speaker(const struct ctx *c, struct quote *q,
			const struct mention *mn)
{
	q->speaker = mn->entity;
	q->speaker_text = xstrdup(entities_get(c->reg, mn->entity)->name);
}

/* The most words of a speaker described rather than named ("a spokesman
 * for the ministry"). */
#define DESCRIBED_WORDS 6

/* A speaker described in t[s, e): a determiner first ("the ministry", "a
 * spokesman for the ministry"), a speaker noun among at most
 * DESCRIBED_WORDS words, no stop; its words become the speaker's name
 * (the determiner in lower case). */
static int described(const struct ctx *c, struct quote *q, size_t s,
		     size_t e)
{
	const char *t = c->a->text;
	size_t p, words = 0;
	int noun = 0;

	while (s < e && (t[s] == ' ' || t[s] == ','))
		s++;
	while (e > s && (t[e - 1] == ' ' || t[e - 1] == ','))
		e--;
	if (s >= e || !word_in(c->r->dets, t, s, e))
		return 0;
	for (p = s; p < e; p++) {
		if (strchr(".;:?!\"\n", t[p]) || is3(t, p, e, 0x9C) ||
		    is3(t, p, e, 0x9D))
			return 0;
		if (trie_word_start(t, p, e)) {
			if (++words > DESCRIBED_WORDS)
				return 0;
			noun |= word_in(c->r->nouns, t, p, e);
		}
	}
	if (!noun)
		return 0;
	q->speaker = ENTITY_NONE;
	q->speaker_text = xstrndup(t + s, e - s);
	if (q->speaker_text[0] >= 'A' && q->speaker_text[0] <= 'Z')
		q->speaker_text[0] = (char)(q->speaker_text[0] - 'A' + 'a');
	return 1;
}

/* The end of the words after a speech verb that may describe a speaker:
 * the first stop or comma. */
static size_t phrase_end(const char *t, size_t p, size_t e)
{
	while (p < e && !strchr(".,;:?!\"\n", t[p]))
		p++;
	return p;
}

/* The start of the words before a speech verb at v that may describe a
 * speaker: after the last comma or stop from s on. */
static size_t phrase_start(const char *t, size_t s, size_t v)
{
	while (v > s && !strchr(".,;:?!\"\n", t[v - 1]) &&
	       !is3(t, v >= 3 ? v - 3 : 0, v, 0x9D))
		v--;
	return v;
}

/* How many words may stand between the closing mark and the speech verb
 * ("…,” the ministry's spokesman, Lee Sung-jun, told reporters). */
#define AFTER_WORDS 8

/* The speech verb that ends the attribution after the closing mark: the
 * first within AFTER_WORDS words, before any stop; 0 when there is none. */
static size_t verb_after(const struct ctx *c, size_t p, size_t se,
			 size_t most)
{
	const char *t = c->a->text;
	size_t words = 0;

	while (p < se && words <= most) {
		p = skip_blank(t, p, se);
		if (p >= se || t[p] == '.' || t[p] == ';' || t[p] == ':' ||
		    t[p] == '?' || t[p] == '!' || is3(t, p, se, 0x9C) ||
		    t[p] == '"')
			return 0;
		if (trie_word_start(t, p, se) && word_in(c->r->verbs, t, p, se))
			return p + 1; /* 0 means none */
		if (trie_word_at(t, se, p)) {
			p = word_end(t, p, se);
			words++;
		} else {
			p++;
		}
	}
	return 0;
}

/* The person named within a few words after w, before any comma or
 * clause stop, when only actors of another kind (a state's adjective, a
 * ministry in a title) stand before it: "Latvian Defence Minister Andris
 * Sprūds"; NULL when there is none. */
static const struct mention *person_in_title(const struct ctx *c, size_t w,
					     size_t se)
{
	const char *t = c->a->text;
	size_t i, k;

	for (i = first_from(c, w);
	     i < c->m->n && c->m->v[i].start < w + 60 &&
	     c->m->v[i].end <= se;
	     i++) {
		const struct mention *x = &c->m->v[i];

		for (k = w; k < x->start; k++)
			if (strchr(",;:?!\"\n", t[k]) != NULL)
				return NULL;
		if (is_person(c, x))
			return x;
		if (!is_actor(c, x))
			return NULL;
	}
	return NULL;
}

/* After the closing mark: "…,” said Kim" / "…,” Kim said" / "he said" /
 * "…,” South Korea's Defense Ministry said" / "…,” the ministry's
 * spokesman, Lee Sung-jun, told reporters".  Before the verb, the speaker
 * is the last person named there, else the last actor (the ministry, not
 * the state it belongs to). */
static int after(const struct ctx *c, struct quote *q, size_t p, size_t se)
{
	const char *t = c->a->text;
	const struct mention *mn = NULL;
	size_t w, verb, i, b, mark = p;
	/* a quote that ends a clause ("…,” / "…” ,") may be followed by a
	 * long attribution; a word quoted inside a clause ("the “harshest”
	 * policies, state media reported") only by a name and a verb */
	int ends = q->end > q->start && strchr(",.?!", t[q->end - 1]);

	p = skip_blank(t, p, se);
	if (p >= se)
		return 0;
	w = word_end(t, p, se);
	if (word_in(c->r->verbs, t, p, se)) {
		/* "said Kim", "said President Emil Varga"; the person
		 * after a state's adjective and a title ("said Latvian
		 * Defence Minister Andris Sprūds") rather than the state */
		if ((mn = person_in_title(c, w, se)) != NULL) {
			set_speaker(c, q, mn);
			return 1;
		}
		for (i = first_from(c, w);
		     i < c->m->n && c->m->v[i].start < w + 40; i++) {
			const struct mention *x = &c->m->v[i];

			if (x->end <= se && is_actor(c, x)) {
				set_speaker(c, q, x);
				return 1;
			}
		}
		/* "said a spokesman for the ministry" */
		return described(c, q, w, phrase_end(t, w, se));
	}
	if (!ends && mark < se && t[mark] == ',')
		ends = 1;
	if (!ends && (i = first_from(c, p)) < c->m->n &&
	    c->m->v[i].start > p + 1)
		return 0;
	if ((verb = verb_after(c, p, se, ends ? AFTER_WORDS : 3)) == 0)
		return 0;
	verb--;
	for (i = first_from(c, p); i < c->m->n && c->m->v[i].end <= verb;
	     i++) {
		const struct mention *x = &c->m->v[i];

		if (is_actor(c, x) &&
		    (mn == NULL || is_person(c, x) || !is_person(c, mn)))
			mn = x;
	}
	if (mn) {
		set_speaker(c, q, mn);
		return 1;
	}
	/* "he said": the pronoun just before the verb */
	b = verb;
	while (b > p && t[b - 1] == ' ')
		b--;
	while (b > p && trie_word_at(t, se, b - 1))
		b--;
	if (word_in(c->r->pronouns, t, b, se)) {
		/* the pronoun stands for the last person named, else no one */
		if ((mn = last_person(c, q->start)) != NULL)
			set_speaker(c, q, mn);
		return mn != NULL;
	}
	/* "…,” the ministry said" */
	return described(c, q, phrase_start(t, p, verb), verb);
}

/* Before the opening mark, in the same sentence: the last speech verb,
 * and whoever stands before it (a person first, then any actor); when
 * describe, a speaker described there ("The ministry said it would …")
 * if none is named. */
static int before(const struct ctx *c, struct quote *q, size_t ss, size_t qs,
		  int describe)
{
	const char *t = c->a->text;
	size_t p, verb = 0, i;
	const struct mention *best = NULL;
	int found = 0;

	for (p = ss; p < qs; p++)
		if (trie_word_start(t, p, qs) &&
		    word_in(c->r->verbs, t, p, qs)) {
			verb = p;
			found = 1;
		}
	if (!found)
		return 0;
	for (i = first_from(c, ss); i < c->m->n && c->m->v[i].start < verb;
	     i++) {
		const struct mention *mn = &c->m->v[i];

		if (mn->end > verb || !is_actor(c, mn))
			continue;
		if (is_person(c, mn) || best == NULL ||
		    (!is_person(c, best) && is_state(c, best)))
			best = mn;
	}
	if (best == NULL) {
		/* "He said …": the pronoun stands for the last person */
		size_t b = verb;

		while (b > ss && t[b - 1] == ' ')
			b--;
		while (b > ss && trie_word_at(t, qs, b - 1))
			b--;
		/* the person named before the pronoun, not one named
		 * between it and the quote ("He said Kim's speech …") */
		if (word_in(c->r->pronouns, t, b, qs)) {
			best = last_person(c, b);
			/* he is not the one he speaks of ("He said Kim's
			 * speech"): then the words are unattributed */
			if (best && best->entity == person_between(c, verb, qs))
				best = NULL;
		}
	}
	if (best == NULL)
		/* "The ministry said it would “…”" */
		return describe &&
		       described(c, q, phrase_start(t, ss, verb), verb);
	set_speaker(c, q, best);
	return 1;
}

/* "according to X" anywhere in the sentence. */
static int according(const struct ctx *c, struct quote *q, size_t ss,
		     size_t se)
{
	const char *t = c->a->text;
	size_t p, i;
	uint32_t v;

	for (p = ss; p < se; p++) {
		size_t e;

		if (!trie_word_start(t, p, se) ||
		    (e = trie_match(c->r->according, t, se, p, &v)) == 0)
			continue;
		e = skip_blank(t, e, se);
		if ((e + 4 <= se && memcmp(t + e, "the ", 4) == 0))
			e += 4;
		for (i = first_from(c, e);
		     i < c->m->n && c->m->v[i].start < e + 40; i++)
			if (is_actor(c, &c->m->v[i])) {
				set_speaker(c, q, &c->m->v[i]);
				return 1;
			}
		/* an unmarked source: the next few words */
		{
			size_t w = e, words = 0;

			while (w < se && words < 4 && t[w] != ',' && t[w] != '.') {
				if (t[w] == ' ')
					words++;
				w++;
			}
			while (w > e && t[w - 1] == ' ')
				w--;
			if (w > e) {
				q->speaker = ENTITY_NONE;
				q->speaker_text = xstrndup(t + e, w - e);
				return 1;
			}
		}
	}
	return 0;
}

static void attribute(const struct ctx *c, struct quote *q, size_t close_end)
{
	const struct article *a = c->a;
	long si = article_sentence_at(a, q->start);
	size_t ss = si >= 0 ? a->sentences[si].start : q->start;
	size_t se = si >= 0 ? a->sentences[si].end : q->end;
	long sj = article_sentence_at(a, close_end);

	/* the attribution may follow in the sentence the quote ends in */
	if (sj >= 0 && a->sentences[sj].end > se)
		se = a->sentences[sj].end;
	q->speaker = ENTITY_NONE;
	/* a speaker named before "according to", a source described after
	 * it ("A spokesman called it “…”, according to state media") */
	if (after(c, q, close_end, se) || before(c, q, ss, q->start, 0) ||
	    according(c, q, ss, se) || before(c, q, ss, q->start, 1))
		return;
	q->speaker_text = xstrdup("unattributed");
}

static void push(struct quote **out, size_t *n, size_t *cap, size_t s,
		 size_t e, size_t sec)
{
	*out = xgrow(*out, cap, *n + 1, sizeof **out);
	memset(&(*out)[*n], 0, sizeof **out);
	(*out)[*n].start = s;
	(*out)[*n].end = e;
	(*out)[*n].section = sec;
	(*n)++;
}

void quotes_find(const struct quoterules *r, const struct article *a,
		 const struct mentions *m, const struct entities *reg,
		 struct quote **out, size_t *n)
{
	struct ctx c = {r, a, m, reg};
	const char *t = a->text;
	size_t sec, cap = 0, i;

	*out = NULL;
	*n = 0;
	for (sec = 0; sec < a->nsections; sec++) {
		const struct section *se = &a->sections[sec];
		size_t p = se->start, open = 0, sopen = 0;
		int in_curly = 0, in_straight = 0;

		if (se->kind == SECTION_BOILERPLATE)
			continue;
		for (; p < se->end; p++) {
			if (is3(t, p, se->end, 0x9C)) {
				/* an opening mark while one is open: the first
				 * was never closed; start again here */
				in_curly = 1;
				open = p + 3;
				p += 2;
			} else if (is3(t, p, se->end, 0x9D) && in_curly) {
				in_curly = 0;
				if (utf8_has_alnum(t + open, p - open)) {
					push(out, n, &cap, open, p, sec);
					attribute(&c, &(*out)[*n - 1], p + 3);
				}
				p += 2;
			} else if (t[p] == '"') {
				if (!in_straight) {
					in_straight = 1;
					sopen = p + 1;
				} else {
					in_straight = 0;
					if (utf8_has_alnum(t + sopen, p - sopen)) {
						push(out, n, &cap, sopen, p, sec);
						attribute(&c, &(*out)[*n - 1],
							  p + 1);
					}
				}
			}
		}
	}
	/* trim the marks' inner spaces */
	for (i = 0; i < *n; i++) {
		while ((*out)[i].start < (*out)[i].end &&
		       t[(*out)[i].start] == ' ')
			(*out)[i].start++;
		while ((*out)[i].end > (*out)[i].start &&
		       t[(*out)[i].end - 1] == ' ')
			(*out)[i].end--;
	}
}

static int quote_cmp_speaker(const void *a, const void *b)
{
	const struct quote *x = *(const struct quote *const *)a;
	const struct quote *y = *(const struct quote *const *)b;
	int c = strcmp(x->speaker_text, y->speaker_text);

	if (c)
		return c;
	if (x->report != y->report)
		return x->report - y->report;
	return x->start < y->start ? -1 : x->start > y->start;
}

const struct quote **quotes_by_speaker(const struct quote *a, size_t na,
				       const struct quote *b, size_t nb,
				       size_t *n)
{
	const struct quote **v = xcalloc(na + nb + 1, sizeof *v);
	size_t i;

	for (i = 0; i < na; i++)
		v[i] = &a[i];
	for (i = 0; i < nb; i++)
		v[na + i] = &b[i];
	xqsort(v, na + nb, sizeof *v, quote_cmp_speaker);
	*n = na + nb;
	return v;
}
