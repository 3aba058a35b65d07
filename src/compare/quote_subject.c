/* quote_subject: where the subject of a speech verb is when more than a
 * name stands before it -- an apposition that describes the speaker, a
 * verb coordinated with an earlier one -- and a name after a long title
 * with connectors. */
#include "quote_priv.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The most words of an apposition that describes a speaker ("a
 * Brussels-based research group", "commanding officer of the ship"). */
#define DESCRIPTION_WORDS 10

/* The most words of a title with connectors and the name after it. */
#define TITLE_RUN_WORDS 16

/* Is t[p] a mark that ends a phrase: a clause's stop or a quotation
 * mark, or a paragraph's end (a single line's end is a wrapped line)? */
static int clause_mark(const char *t, size_t p, size_t e)
{
	return strchr(".;:?!\"()", t[p]) != NULL ||
	       (t[p] == '\n' && p + 1 < e && t[p + 1] == '\n') ||
	       qw_is3(t, p, e, 0x9C) || qw_is3(t, p, e, 0x9D);
}

/* Back from p (not before lo) over an acronym in brackets and blanks:
 * "Transparency (CMT)" ends after "Transparency". */
static size_t before_acronym(const char *t, size_t lo, size_t p)
{
	size_t b = qw_back_blank(t, lo, p), k;

	if (b == lo || t[b - 1] != ')')
		return p;
	for (k = b - 1; k > lo && t[k - 1] != '('; k--)
		if (!((t[k - 1] >= 'A' && t[k - 1] <= 'Z') || t[k - 1] == '.' ||
		      t[k - 1] == '-' || t[k - 1] == '&'))
			return p;
	if (k == lo || b - 1 - k < 2)
		return p;
	return qw_back_blank(t, lo, k - 1);
}

size_t qs_subject_end(const struct ctx *c, size_t lo, size_t v)
{
	const char *t = c->a->text;
	size_t e = qw_back_blank(t, lo, v), p, d, words = 0;

	if (e == lo || t[e - 1] != ',')
		return v;
	/* the comma that opens the apposition */
	for (p = e - 1; p > lo && t[p - 1] != ','; p--) {
		if (clause_mark(t, p - 1, e))
			return v;
		if (trie_word_start(t, p - 1, e) && ++words > DESCRIPTION_WORDS)
			return v;
	}
	if (p == lo)
		return v;
	for (d = p; d < e && (t[d] == ' ' || t[d] == '\n'); d++)
		;
	/* a description opens in lower case ("a research group",
	 * "commanding officer of …"); a name is the subject itself */
	if (d >= e || t[d] < 'a' || t[d] > 'z')
		return v;
	p = before_acronym(t, lo, qw_back_blank(t, lo, p - 1));
	return p > lo ? p : v;
}

/* The word before p (not before lo), over blanks: its start, or p. */
static size_t word_before(const char *t, size_t lo, size_t p, size_t *we)
{
	size_t s;

	*we = qw_back_blank(t, lo, p);
	for (s = *we; s > lo && trie_word_at(t, *we, s - 1); s--)
		;
	return s;
}

/* Is the word t[s, e) a word of a subject's noun phrase: capitalised, a
 * determiner, a connector, a speaker noun or body? */
static int subject_word(const struct ctx *c, size_t s, size_t e)
{
	const struct quoterules *r = c->r;
	const char *t = c->a->text;

	return qw_upper_at(t, s, e) || qw_word_in(r->dets, t, s, e) ||
	       qw_word_in(r->connectors, t, s, e) ||
	       qw_word_in(r->nouns, t, s, e) || qw_word_in(r->bodies, t, s, e);
}

size_t qs_coordinated(const struct ctx *c, size_t ss, size_t v)
{
	const char *t = c->a->text;
	size_t ws, we, p, end = 0, i;

	ws = word_before(t, ss, v, &we);
	if (ws < we && qw_word_in(c->r->adverbs, t, ws, we))
		ws = word_before(t, ss, ws, &we);
	if (ws == we || !qw_word_in(c->r->coord, t, ws, we))
		return 0;
	/* the noun phrase that opens the sentence */
	for (p = ss; p < ws && (t[p] == ' ' || t[p] == '\n' || t[p] == '"');)
		p++;
	while (p < ws) {
		size_t e;

		i = qw_first_from(c, p);
		if (i < c->m->n && c->m->v[i].start == p &&
		    c->m->v[i].end <= ws) {
			e = c->m->v[i].end;
		} else {
			e = qw_name_word_end(t, p, ws);
			if (e == p || !subject_word(c, p, e))
				break;
		}
		end = e;
		/* a possessive goes on: "Iran's Revolutionary Guard" */
		if (e + 2 < ws && t[e] == '\'' && t[e + 1] == 's')
			e += 2;
		else if (e + 4 < ws && qw_is3(t, e, ws, 0x99) && t[e + 3] == 's')
			e += 4;
		if (e < ws && t[e] == ',') {
			/* an apposition goes with it: "Russia's envoy,
			 * Nikolai Volkov, accused …" */
			size_t k = e + 1, words = 0;

			while (k < ws && t[k] != ',' && !clause_mark(t, k, ws) &&
			       words <= DESCRIPTION_WORDS)
				words += trie_word_start(t, k++, ws);
			if (k < ws && t[k] == ',' && end > ss)
				end = k + 1;
			break;
		}
		if (e >= ws || (t[e] != ' ' && t[e] != '\n'))
			break;
		p = e + 1;
	}
	return end > ss && end < ws ? end : 0;
}

/* Is the word t[s, e) an initial ("J."), before end? */
static int initial(const char *t, size_t s, size_t e, size_t end)
{
	return e == s + 1 && e < end && t[e] == '.';
}

/* The person entity called t[s, e) (a line's end as a space), or
 * ENTITY_NONE. */
static uint32_t person_called(const struct ctx *c, size_t s, size_t e)
{
	char *name = xstrndup(c->a->text + s, e - s), *k;
	uint32_t id;
	const struct entity *en;

	for (k = name; *k; k++)
		if (*k == '\n')
			*k = ' ';
	id = entities_find(c->reg, name, e - s);
	free(name);
	en = id == ENTITY_NONE ? NULL : entities_get(c->reg, id);
	return en && en->cat == CAT_ACTOR && en->kind &&
	       strcmp(en->kind, "person") == 0 ? id : ENTITY_NONE;
}

/* The name at the end of the run of capitalised words that ends a title
 * (words[0..n), each a start and an end): a person the registry knows
 * by its last words, else a surname named before, else the last two
 * words.  Fills *w; 0 when none fits. */
static int name_ending(const struct ctx *c, const size_t (*words)[2],
		       size_t n, struct who *w)
{
	size_t k;

	for (k = n > 3 ? n - 3 : 0; k + 1 < n; k++)
		if (person_called(c, words[k][0], words[n - 1][1]) !=
		    ENTITY_NONE)
			return qw_shape_run(c, words[k][0], words[n - 1][1], w);
	memset(w, 0, sizeof *w);
	w->mn = qw_surname_of(c, words[n - 1][0], words[n - 1][0],
			      words[n - 1][1]);
	if (w->mn != NULL) {
		w->s = words[n - 1][0];
		w->e = words[n - 1][1];
		return 1;
	}
	if (n < 2)
		return 0;
	return qw_shape_run(c, words[n - 2][0], words[n - 1][1], w);
}

int qs_name_after_title(const struct ctx *c, size_t p, size_t e,
			struct who *w)
{
	const char *t = c->a->text;
	const struct quoterules *r = c->r;
	size_t words[TITLE_RUN_WORDS][2], n = 0, count = 0;
	int title = 0, joined = 0;

	p = qw_word_end(t, p, e);
	for (;;) {
		size_t we;
		int dot = 0;

		while (p < e && (t[p] == ' ' ||
				 (t[p] == '\n' && p + 1 < e && t[p + 1] != '\n')))
			p++;
		if (p >= e || count >= TITLE_RUN_WORDS)
			break;
		/* a list inside the title: "Minister of Agriculture,
		 * Forestry and Fisheries" */
		if (t[p] == ',' && title && n > 0 && p + 2 < e &&
		    t[p + 1] == ' ' && qw_upper_at(t, p + 2, e)) {
			joined = 1;
			n = 0;
			p++;
			continue;
		}
		we = qw_name_word_end(t, p, e);
		if (we == p)
			break;
		count++;
		if (!qw_upper_at(t, p, we)) {
			if (!qw_word_in(r->connectors, t, p, we) || count == 1)
				break;
			joined = 1;
			n = 0; /* the name is in the last run */
		} else if (qw_word_in(r->stops, t, p, we) ||
			   qw_word_in(r->pronouns, t, p, we)) {
			break;
		} else if (qw_word_in(r->titles, t, p, we)) {
			title = dot = 1;
			n = 0; /* "Gen. Pierre Schill": no part of the name */
		} else {
			words[n][0] = p;
			words[n][1] = we;
			n++;
			dot = initial(t, p, we, e);
		}
		p = we;
		if (dot && p < e && t[p] == '.')
			p++;
	}
	return title && joined && n > 0 && name_ending(c, words, n, w);
}

/* The most words of a title set off by commas before a name ("the
 * Minister of Communication and Media, Augustin Kabeya"). */
#define APPOSED_TITLE_WORDS 8

/* Is t[p] a blank inside a phrase: a space or a single line's end? */
static int inner_blank(const char *t, size_t p, size_t e)
{
	return t[p] == ' ' ||
	       (t[p] == '\n' && p + 1 < e && t[p + 1] != '\n');
}

/* Is the word t[s, e) the noun t[ns, ne), in any case? */
static int same_word(const char *t, size_t s, size_t e, size_t ns, size_t ne)
{
	return e - s == ne - ns && strncasecmp(t + s, t + ns, e - s) == 0;
}

/* A title set off by commas from p ("the" before it or not) and the name
 * after it, before e: the title's words capitalised (connectors inside),
 * among them the noun t[ns, ne) or, when ns == ne, a title word or a
 * speaker noun; the name ends its phrase.  1 and *w filled, or 0. */
static int apposed(const struct ctx *c, size_t p, size_t e, size_t ns,
		   size_t ne, struct who *w)
{
	const char *t = c->a->text;
	const struct quoterules *r = c->r;
	size_t words = 0, s, end, i;
	int role = 0;

	while (p < e && inner_blank(t, p, e))
		p++;
	if (p < e && qw_word_in(r->definite, t, p, e)) {
		p = qw_word_end(t, p, e);
		while (p < e && inner_blank(t, p, e))
			p++;
	}
	/* the title, up to the comma */
	while (p < e && t[p] != ',') {
		size_t we = qw_name_word_end(t, p, e);

		if (we == p || ++words > APPOSED_TITLE_WORDS)
			return 0;
		if (qw_upper_at(t, p, we)) {
			if (qw_word_in(r->stops, t, p, we) ||
			    qw_word_in(r->pronouns, t, p, we))
				return 0;
		} else if (words == 1 || !qw_word_in(r->connectors, t, p, we)) {
			return 0;
		}
		role |= ns < ne ? same_word(t, p, we, ns, ne)
				: qw_word_in(r->titles, t, p, we) ||
				  qw_word_in(r->nouns, t, p, we);
		p = we;
		while (p < e && inner_blank(t, p, e))
			p++;
	}
	if (!role || p + 1 >= e || !inner_blank(t, p + 1, e))
		return 0;
	/* the name after the comma, then the phrase's end */
	for (s = p + 1; s < e && inner_blank(t, s, e); s++)
		;
	i = qw_first_from(c, s);
	if (i < c->m->n && c->m->v[i].start == s &&
	    qw_is_person(c, &c->m->v[i])) {
		end = c->m->v[i].end;
	} else {
		for (end = p = s; p < e && qw_upper_at(t, p, e);) {
			end = qw_name_word_end(t, p, e);
			if (end == p || end >= e || !inner_blank(t, end, e))
				break;
			p = end + 1;
		}
	}
	if (end == s || (end < e && t[end] != ',' && t[end] != '.' &&
			 t[end] != ';' && !(t[end] == '\n' && end + 1 < e &&
					    t[end + 1] == '\n')))
		return 0;
	return qw_shape_run(c, s, end, w);
}

int qs_title_apposition(const struct ctx *c, size_t p, size_t e,
			struct who *w)
{
	return apposed(c, qw_word_end(c->a->text, p, e), e, 0, 0, w);
}

/* How far before a description a title set off by commas is looked for
 * ("the minister": "the Minister of Defence, Anders Kjaergaard"). */
#define APPOSED_REACH 20000

int qs_titled_before(const struct ctx *c, size_t off, size_t ns, size_t ne,
		     struct who *w)
{
	const char *t = c->a->text;
	size_t p = off > APPOSED_REACH ? off - APPOSED_REACH : 0;
	struct who x;
	int found = 0;

	for (; p < off; p++)
		if (trie_word_start(t, p, off) && same_word(t, p,
		    qw_word_end(t, p, off), ns, ne) &&
		    apposed(c, p, off, ns, ne, &x)) {
			*w = x;
			found = 1;
		}
	return found;
}
