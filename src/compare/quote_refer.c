/* quote_refer: whom a pronoun or a description stands for when the
 * attribution names no marked entity -- the antecedent of "he", "it" or
 * "they", a definite description ("the ministry", "a spokesman for the
 * command") resolved to the person or body named before, an acronym
 * alone. */
#include "quote_priv.h"

#include <stdlib.h>
#include <string.h>

/* The most words of a speaker described rather than named ("a spokesman
 * for the ministry"). */
#define DESCRIBED_WORDS 6

/* The most words of a title before a name or of an apposition after it
 * ("Aaron Brandt, a NORAD spokesman,"). */
#define TITLE_WORDS 4
#define APPOSITION_WORDS 8

/* How many paragraphs of quoted words a pronoun's reach passes. */
#define ANTECEDENT_QUOTED 3

int qw_opens_with_mark(const struct article *a, size_t sec)
{
	const char *t = a->text;
	size_t p, e;

	if (sec >= a->nsections || a->sections[sec].kind == SECTION_BOILERPLATE)
		return 0;
	p = a->sections[sec].start;
	e = a->sections[sec].end;
	while (p < e && (t[p] == ' ' || t[p] == '\n' || t[p] == '\t'))
		p++;
	return (p < e && t[p] == '"') || qw_is3(t, p, e, 0x9C);
}

int qw_antecedent(const struct ctx *c, size_t off, struct who *w)
{
	const struct article *a = c->a;
	const char *t = a->text;
	long k = article_section_at(a, off);
	size_t from, i = qw_first_from(c, off), p, at = 0;
	struct who x;
	int found = 0, back = 0;

	/* paragraphs that open with a quotation mark are the speaker's
	 * words going on: the reach passes them */
	while (k > 1 && back < ANTECEDENT_QUOTED &&
	       qw_opens_with_mark(a, (size_t)k - 1)) {
		k--;
		back++;
	}
	from = k > 0 ? a->sections[k - 1].start
	       : k == 0 ? a->sections[0].start : 0;

	while (i-- > 0 && c->m->v[i].start >= from)
		if (qw_is_person(c, &c->m->v[i])) {
			memset(w, 0, sizeof *w);
			w->mn = &c->m->v[i];
			at = w->mn->start;
			found = 1;
			break;
		}
	/* a name by its shape that speaks later: "Okafor told …" */
	for (p = at > from ? at : from; p < off; p++)
		if (trie_word_start(t, p, off) &&
		    qw_word_in(c->r->verbs, t, p, off) &&
		    qw_name_before(c, from, p, &x) && x.s >= at) {
			*w = x;
			at = x.s;
			found = 1;
		}
	return found;
}

/* Does a speech verb end just before p, not before lo ("told
 * Reuters")? */
static int after_verb(const struct ctx *c, size_t lo, size_t p)
{
	const char *t = c->a->text;
	size_t we = p, ws;

	while (we > lo && (t[we - 1] == ' ' || t[we - 1] == '\n'))
		we--;
	ws = we;
	while (ws > lo && trie_word_at(t, we, ws - 1))
		ws--;
	return ws < we && qw_word_in(c->r->verbs, t, ws, we);
}

/* Is there a speaker noun in t[s, e) ("officials")? */
static int noun_in(const struct ctx *c, size_t s, size_t e)
{
	const char *t = c->a->text;

	for (; s < e; s++)
		if (trie_word_start(t, s, e) && qw_word_in(c->r->nouns, t, s, e))
			return 1;
	return 0;
}

int qw_body_antecedent(const struct ctx *c, size_t off, int plural,
		       struct who *w)
{
	const struct article *a = c->a;
	long k = article_section_at(a, off);
	size_t from = k > 0 ? a->sections[k - 1].start
		      : k == 0 ? a->sections[0].start : 0;
	size_t i = qw_first_from(c, off);

	while (i-- > 0 && c->m->v[i].start >= from) {
		const struct mention *mn = &c->m->v[i];
		const struct entity *en = entities_get(c->reg, mn->entity);

		if (!qw_is_actor(c, mn))
			continue;
		if (qw_is_person(c, mn) ||
		    (en->kind && strcmp(en->kind, "state") == 0))
			return 0;
		if (after_verb(c, from, mn->start))
			continue;
		if (plural && noun_in(c, mn->end, off))
			return 0;
		memset(w, 0, sizeof *w);
		w->mn = mn;
		return 1;
	}
	return 0;
}

/* Is the person mention mn given the noun t[ns, ne) as a title just
 * before the name ("NORAD spokesman Aaron Brandt") or in an apposition
 * after it ("Aaron Brandt, a NORAD spokesman,")? */
static int titled(const struct ctx *c, const struct mention *mn, size_t ns,
		  size_t ne)
{
	const char *t = c->a->text;
	size_t p = mn->start, words, we;

	/* a title the mark holds: "President Biden" */
	if (qw_holds_word(t + mn->start, mn->end - mn->start, t + ns, ne - ns))
		return 1;
	for (words = 0; words < TITLE_WORDS; words++) {
		while (p > 0 && t[p - 1] == ' ')
			p--;
		if (p == 0 || !trie_word_at(t, p, p - 1))
			break;
		we = p;
		while (p > 0 && trie_word_at(t, we, p - 1))
			p--;
		if (we - p == ne - ns && qw_same_fold(t + p, t + ns, ne - ns))
			return 1;
		/* a title is capitalised words and speaker nouns */
		if (!qw_upper_at(t, p, we) && !qw_word_in(c->r->nouns, t, p, we) &&
		    !qw_word_in(c->r->bodies, t, p, we))
			break;
	}
	p = mn->end;
	if (p >= c->a->len || t[p] != ',')
		return 0;
	for (words = 0, p++; p < c->a->len && words < APPOSITION_WORDS; ) {
		if (strchr(",.;:()\"", t[p]) != NULL)
			return 0;
		if (!trie_word_at(t, c->a->len, p)) {
			p++;
			continue;
		}
		we = qw_word_end(t, p, c->a->len);
		if (we - p == ne - ns && qw_same_fold(t + p, t + ns, ne - ns))
			return 1;
		words++;
		p = we;
	}
	return 0;
}

/* Is the non-person actor mention mn the body the noun t[ns, ne) names:
 * its entity's name or its own words hold the noun ("the command" for
 * the North American Aerospace Defense Command), or its kind is the
 * noun ("the agency", "the group")? */
static int body_named(const struct ctx *c, const struct mention *mn,
		      size_t ns, size_t ne)
{
	const struct entity *en = entities_get(c->reg, mn->entity);
	const char *t = c->a->text;

	if (en == NULL || en->cat != CAT_ACTOR ||
	    (en->kind && (strcmp(en->kind, "person") == 0 ||
			  strcmp(en->kind, "state") == 0)))
		return 0;
	return qw_holds_word(en->name, strlen(en->name), t + ns, ne - ns) ||
	       qw_holds_word(t + mn->start, mn->end - mn->start, t + ns,
			  ne - ns) ||
	       (en->kind && strlen(en->kind) == ne - ns &&
		qw_same_fold(en->kind, t + ns, ne - ns));
}

/* Whom the noun t[ns, ne) of a definite description refers to: the
 * last person or body named before off that it fits. */
static const struct mention *refers_to(const struct ctx *c, size_t off,
				       size_t ns, size_t ne, int body)
{
	size_t i = qw_first_from(c, off), k = 0;

	while (i-- > 0 && k++ < QW_REFER_MENTIONS) {
		const struct mention *mn = &c->m->v[i];

		if (body ? body_named(c, mn, ns, ne)
			 : qw_is_person(c, mn) && titled(c, mn, ns, ne))
			return mn;
	}
	return NULL;
}

/* The end of the run of capitalised words (connectors inside) that
 * starts at p, before e: "World Food Programme", "Ministry of National
 * Defence"; p when none starts there. */
size_t qw_cap_run_end(const struct ctx *c, size_t p, size_t e)
{
	const char *t = c->a->text;
	size_t end = p, q = p;

	while (q < e && qw_name_word(c, q, qw_name_word_end(t, q, e))) {
		size_t k;

		end = qw_name_word_end(t, q, e);
		for (k = 0, q = end; k < 3 && q + 1 < e && t[q] == ' '; k++) {
			size_t we = qw_name_word_end(t, q + 1, e);

			q++;
			if (!qw_word_in(c->r->connectors, t, q, e) ||
			    qw_upper_at(t, q, e))
				break;
			q = we;
		}
	}
	return end;
}

/* Is t[s, e) followed by an acronym in brackets, "(WFP)"? */
static int acronym_follows(const char *t, size_t e, size_t n)
{
	size_t p = e, k = 0;

	if (p < n && t[p] == ' ')
		p++;
	if (p >= n || t[p++] != '(')
		return 0;
	while (p < n && ((t[p] >= 'A' && t[p] <= 'Z') || t[p] == '.' ||
			 t[p] == '-' || t[p] == '&'))
		p++, k++;
	return k >= 2 && p < n && t[p] == ')';
}

/* A body that a definite description's noun t[ns, ne) refers to when no
 * mark does: the last name by its shape before off, in off's paragraph
 * or the one before, that holds the noun ("the ministry": the Ministry
 * of Coastal Affairs) or, for a generic noun, defines an acronym ("the
 * agency": the Coastal Relief Programme (CRP)).  1 and *w filled, or 0. */
static int body_by_shape(const struct ctx *c, size_t off, size_t ns,
			 size_t ne, struct who *w)
{
	const struct article *a = c->a;
	const char *t = a->text;
	long k = article_section_at(a, off);
	size_t p = k > 0 ? a->sections[k - 1].start
		   : k == 0 ? a->sections[0].start : 0;
	int found = 0;

	while (p < off) {
		size_t e;

		if (!trie_word_start(t, p, off) ||
		    (e = qw_cap_run_end(c, p, off)) == p) {
			p++;
			continue;
		}
		if (qw_holds_word(t + p, e - p, t + ns, ne - ns) ||
		    (qw_word_in(c->r->generic, t, ns, ne) &&
		     acronym_follows(t, e, a->len))) {
			w->mn = NULL;
			w->s = p;
			w->e = e;
			found = 1;
		}
		p = e;
	}
	return found;
}

/* The body whose name opens the quote q, "the" before it or not, as its
 * subject ("“ECOWAS condemns …,” the regional bloc said"): a body
 * speaking of itself; no person, no state; NULL when none. */
static const struct mention *opening_body(const struct ctx *c,
					  const struct quote *q)
{
	const char *t = c->a->text;
	size_t i = qw_first_from(c, q->start), p;
	const struct mention *mn;
	const struct entity *en;

	if (i >= c->m->n)
		return NULL;
	mn = &c->m->v[i];
	p = q->start;
	if (qw_word_in(c->r->definite, t, p, mn->start))
		p = qw_word_end(t, p, mn->start);
	for (; p < mn->start; p++)
		if (t[p] != ' ' && t[p] != '\n')
			return NULL;
	en = entities_get(c->reg, mn->entity);
	if (mn->end > q->end || !qw_is_actor(c, mn) || qw_is_person(c, mn) ||
	    (en->kind && strcmp(en->kind, "state") == 0))
		return NULL;
	return mn;
}

/* The person (first) or the body that a definite description in
 * t[s, e) refers to, named before off; NULL when none fits. */
static const struct mention *description_refers(const struct ctx *c,
						size_t off, size_t s,
						size_t e, size_t bn[2])
{
	const char *t = c->a->text;
	const struct mention *person = NULL, *body = NULL;
	size_t p;
	int definite = 0;

	bn[0] = bn[1] = 0;

	for (p = s; p < e; p++) {
		size_t we;

		if (!trie_word_start(t, p, e))
			continue;
		we = qw_word_end(t, p, e);
		if (qw_word_in(c->r->dets, t, p, e))
			definite = qw_word_in(c->r->definite, t, p, e);
		else if (definite && person == NULL &&
			 qw_word_in(c->r->nouns, t, p, e))
			person = refers_to(c, off, p, we, 0);
		else if (definite && body == NULL && bn[1] == 0 &&
			 qw_word_in(c->r->bodies, t, p, e)) {
			body = refers_to(c, off, p, we, 1);
			bn[0] = p;
			bn[1] = we;
		}
	}
	return person != NULL ? person : body;
}

/* Is the description t[s, e) a determiner and a body's proper name
 * after it, which names rather than refers: its words capitalised, and
 * three of them or a connector inside ("the Conflict Armament Monitor",
 * "the Centre for Maritime Transparency"; not "the Foreign Ministry")?
 * *w is the name. */
static int proper_name(const struct ctx *c, size_t s, size_t e,
		       struct who *w)
{
	const char *t = c->a->text;
	size_t p = qw_word_end(t, s, e), words = 0;
	int joined = 0;

	while (p < e && (t[p] == ' ' || t[p] == '\n'))
		p++;
	if (p >= e || qw_cap_run_end(c, p, e) != e)
		return 0;
	w->mn = NULL;
	w->s = p;
	w->e = e;
	while (p < e) {
		if (!trie_word_start(t, p, e)) {
			p++;
			continue;
		}
		words++;
		joined |= !qw_upper_at(t, p, e);
		p = qw_word_end(t, p, e);
	}
	return words >= 3 || joined;
}

/* The person a definite description in t[s, e) refers to by a speaker
 * noun in a title set off by commas before off ("the minister": "the
 * Minister of Defence, Anders Kjaergaard"); 1 and *w filled, or 0. */
static int titled_by_shape(const struct ctx *c, size_t off, size_t s,
			   size_t e, struct who *w)
{
	const char *t = c->a->text;
	size_t p;
	int definite = 0;

	for (p = s; p < e; p++) {
		if (!trie_word_start(t, p, e))
			continue;
		if (qw_word_in(c->r->dets, t, p, e))
			definite = qw_word_in(c->r->definite, t, p, e);
		else if (definite && qw_word_in(c->r->nouns, t, p, e))
			return qs_titled_before(c, off, p,
						qw_word_end(t, p, e), w);
	}
	return 0;
}

int qw_described(const struct ctx *c, struct quote *q, size_t s, size_t e)
{
	const char *t = c->a->text;
	const struct quoterules *r = c->r;
	struct who w = {NULL, 0, 0};
	size_t p, words = 0, bn[2];
	int noun = 0;

	while (s < e && (t[s] == ' ' || t[s] == ',' || t[s] == '\n'))
		s++;
	while (e > s && (t[e - 1] == ' ' || t[e - 1] == ',' || t[e - 1] == '\n'))
		e--;
	if (s >= e || !qw_word_in(r->dets, t, s, e))
		return 0;
	for (p = s; p < e; p++) {
		/* a line's end inside is a wrapped line, two a paragraph's */
		if (strchr(".;:?!\"", t[p]) ||
		    (t[p] == '\n' && p + 1 < e && t[p + 1] == '\n') ||
		    qw_is3(t, p, e, 0x9C) ||
		    qw_is3(t, p, e, 0x9D))
			return 0;
		if (trie_word_start(t, p, e)) {
			if (++words > DESCRIBED_WORDS)
				return 0;
			noun |= qw_word_in(r->nouns, t, p, e) ||
				qw_word_in(r->bodies, t, p, e);
		}
	}
	if (!noun)
		return 0;
	if (proper_name(c, s, e, &w)) {
		qw_set(c, q, &w);
		return 1;
	}
	if ((w.mn = description_refers(c, q->start, s, e, bn)) == NULL &&
	    !titled_by_shape(c, q->start, s, e, &w) &&
	    (bn[1] == 0 || !body_by_shape(c, q->start, bn[0], bn[1], &w)) &&
	    (bn[1] == 0 || (w.mn = opening_body(c, q)) == NULL)) {
		w.s = s;
		w.e = e;
	}
	qw_set(c, q, &w);
	if (w.mn == NULL && w.s == s && q->speaker_text[0] >= 'A' &&
	    q->speaker_text[0] <= 'Z')
		q->speaker_text[0] = (char)(q->speaker_text[0] - 'A' + 'a');
	return 1;
}

/* The most letters of an acronym that names a speaker ("the RAF"). */
#define ACRONYM_MAX 8

int qw_acronym(const struct ctx *c, struct quote *q, size_t s, size_t e)
{
	const char *t = c->a->text;
	struct who w = {NULL, 0, 0};
	size_t p;

	while (s < e && (t[s] == ' ' || t[s] == ',' || t[s] == '\n'))
		s++;
	while (e > s && (t[e - 1] == ' ' || t[e - 1] == ',' || t[e - 1] == '\n'))
		e--;
	if (s < e && qw_word_in(c->r->definite, t, s, e)) {
		s = qw_word_end(t, s, e);
		while (s < e && (t[s] == ' ' || t[s] == '\n'))
			s++;
	}
	if (e - s < 2 || e - s > ACRONYM_MAX || t[s] < 'A' || t[s] > 'Z' ||
	    qw_word_in(c->r->stops, t, s, e) ||
	    qw_word_in(c->r->pronouns, t, s, e))
		return 0;
	for (p = s; p < e; p++)
		if (!((t[p] >= 'A' && t[p] <= 'Z') || t[p] == '&' ||
		      (p > s && t[p] >= '0' && t[p] <= '9')))
			return 0;
	w.s = s;
	w.e = e;
	qw_set(c, q, &w);
	return 1;
}
