/* quote_attr: who speaks a quotation, from the words around it (see
 * qa_attribute in quote_priv.h). */
#include "quote_priv.h"

#include <stdlib.h>
#include <string.h>

static void set_speaker(const struct ctx *c, struct quote *q,
			const struct mention *mn)
{
	struct who w = {mn, 0, 0};

	qw_set(c, q, &w);
}

/* A person named in t[from, to) (between a speech verb and the quote:
 * "He said Kim's speech"), or UINT32_MAX: he is not the one speaking. */
static uint32_t person_between(const struct ctx *c, size_t from, size_t to)
{
	size_t i;

	for (i = qw_first_from(c, from); i < c->m->n && c->m->v[i].start < to;
	     i++)
		if (qw_is_person(c, &c->m->v[i]))
			return c->m->v[i].entity;
	return UINT32_MAX;
}

static size_t skip_blank(const char *t, size_t p, size_t e)
{
	while (p < e && (t[p] == ' ' || t[p] == ',' || t[p] == '\n'))
		p++;
	return p;
}

/* Does a phrase stop at t[p] (of n bytes): a comma, a clause's stop,
 * a quotation mark or a paragraph's end (a single line's end is a
 * wrapped line)? */
static int phrase_stop(const char *t, size_t p, size_t n)
{
	return strchr(".,;:?!\"", t[p]) != NULL ||
	       (t[p] == '\n' && ((p + 1 < n && t[p + 1] == '\n') ||
				 (p > 0 && t[p - 1] == '\n')));
}

/* The end of the words after a speech verb that may describe a speaker:
 * the first stop or comma. */
static size_t phrase_end(const char *t, size_t p, size_t e)
{
	while (p < e && !phrase_stop(t, p, e))
		p++;
	return p;
}

/* The start of the words before a speech verb at v that may describe a
 * speaker: after the last comma or stop from s on. */
static size_t phrase_start(const char *t, size_t s, size_t v)
{
	while (v > s && !phrase_stop(t, v - 1, v) &&
	       !qw_is3(t, v >= 3 ? v - 3 : 0, v, 0x9D))
		v--;
	return v;
}

/* The subject of the speech verb at verb (its words not before lo) when
 * no mention is: "he" or "she" just before it stands for the last
 * person named before off or the pronoun, unless that person is named
 * between the verb and to ("He said Kim's speech “…”": he is not Kim,
 * and the words are unattributed); "it" or "they" for the last body
 * named; else a name by its shape ("Asel Beishenova told").  1 when q's speaker is set; -1 for a pronoun that
 * stands for no one; 0 when there is no such subject. */
static int subject(const struct ctx *c, struct quote *q, size_t lo,
		   size_t verb, size_t off, size_t to)
{
	const char *t = c->a->text;
	struct who who;
	size_t b = verb;
	int plural;

	while (b > lo && (t[b - 1] == ' ' || t[b - 1] == '\n'))
		b--;
	while (b > lo && trie_word_at(t, verb, b - 1))
		b--;
	if (qw_word_in(c->r->pronouns, t, b, verb)) {
		if (!qw_antecedent(c, b < off ? b : off, &who) ||
		    (who.mn && who.mn->entity == person_between(c, verb, to)))
			return -1;
		qw_set(c, q, &who);
		return 1;
	}
	/* "It said", "They said": the body named last */
	plural = qw_word_in(c->r->plural_pron, t, b, verb);
	if (plural || qw_word_in(c->r->body_pron, t, b, verb)) {
		if (!qw_body_antecedent(c, b < off ? b : off, plural, &who))
			return -1;
		qw_set(c, q, &who);
		return 1;
	}
	if (!qw_name_before(c, lo, verb, &who))
		return 0;
	qw_set(c, q, &who);
	return 1;
}

/* The most words after a state's possessive that describe one of its
 * bodies ("Morocco's defence administration"). */
#define STATE_BODY_WORDS 4

/* Is the state mention mn, in the possessive, the start of a subject
 * that ends just before the verb at v with a body or a speaker noun
 * ("Morocco's defence administration said", "Chad's foreign minister
 * said")?  The body speaks, not the state: 1 and *w its words, or 0. */
static int state_body(const struct ctx *c, const struct mention *mn,
		      size_t v, struct who *w)
{
	const char *t = c->a->text;
	size_t e = qw_back_blank(t, mn->end, v), p, last = 0, words = 0;

	if (!qw_is_state(c, mn))
		return 0;
	p = mn->end;
	if (p + 2 <= e && t[p] == '\'' && t[p + 1] == 's')
		p += 2;
	else if (p + 4 <= e && qw_is3(t, p, e, 0x99) && t[p + 3] == 's')
		p += 4;
	else
		return 0;
	while (p < e) {
		size_t we;

		if (t[p] != ' ' && t[p] != '\n')
			return 0;
		while (p < e && (t[p] == ' ' || t[p] == '\n'))
			p++;
		we = qw_name_word_end(t, p, e);
		if (we == p || ++words > STATE_BODY_WORDS ||
		    qw_word_in(c->r->stops, t, p, we))
			return 0;
		last = p;
		p = we;
	}
	if (words == 0 || (!qw_word_in(c->r->bodies, t, last, e) &&
			   !qw_word_in(c->r->nouns, t, last, e)))
		return 0;
	w->mn = NULL;
	w->s = mn->start;
	w->e = e;
	return 1;
}

/* Is the state mention mn, written as its adjective or its name, the
 * start of a body's name that runs in capitalised words to e (not in
 * the possessive: "the Libyan Red Crescent", "Kenya Airways")?  The
 * body speaks, not the state: 1 and *w its words, or 0. */
static int state_name(const struct ctx *c, const struct mention *mn,
		      size_t e, struct who *w)
{
	const char *t = c->a->text;
	size_t p = mn->end;

	if (!qw_is_state(c, mn) || p >= e || (t[p] != ' ' && t[p] != '\n'))
		return 0;
	while (p < e && (t[p] == ' ' || t[p] == '\n'))
		p++;
	if (p >= e || qw_cap_run_end(c, p, e) != e)
		return 0;
	w->mn = NULL;
	w->s = mn->start;
	w->e = e;
	return 1;
}

/* mn is the speaker, unless it is no person and a name by its shape
 * ends the subject after it, before the verb at v (not before lo): "The
 * Director General of the PNH, Fritz Augustin, stated"; or it is a
 * state whose body the subject is ("Morocco's defence administration
 * said", "the Libyan Red Crescent said"). */
static void named_or(const struct ctx *c, struct quote *q,
		     const struct mention *mn, size_t lo, size_t v)
{
	struct who who;

	if (state_body(c, mn, v, &who) ||
	    state_name(c, mn, qw_back_blank(c->a->text, mn->end, v), &who)) {
		qw_set(c, q, &who);
		return;
	}
	if (!qw_is_person(c, mn) && qw_name_before(c, lo, v, &who) &&
	    who.mn == NULL && who.s >= mn->end) {
		qw_set(c, q, &who);
		return;
	}
	set_speaker(c, q, mn);
}

/* How many words may stand between the closing mark and the speech verb
 * ("…,” the ministry's spokesman, Lee Sung-jun, told reporters). */
#define AFTER_WORDS 8

/* Does the full stop at p end its sentence (not "U.S." or "Gen." inside
 * one, as the sentences are split)? */
static int stop_ends(const struct ctx *c, size_t p)
{
	long k = article_sentence_at(c->a, p);

	return k < 0 || c->a->sentences[k].end <= p + 1;
}

/* The most words of an aside between the closing mark and the speech
 * verb that are not counted: an apposition ("…,” the Centre for
 * Maritime Transparency, a Brussels-based research group, said", "…,”
 * the head of the agency, Tarek Mansour, said"). */
#define ASIDE_WORDS 10

/* The speech verb that ends the attribution after the closing mark: the
 * first within most words, before any stop; when aside, the words of an
 * acronym in brackets and of an apposition (between commas, after the
 * first words; up to ASIDE_WORDS) are not counted.  0 when there is
 * none. */
static size_t verb_after(const struct ctx *c, size_t p, size_t se,
			 size_t most, int aside)
{
	const char *t = c->a->text;
	size_t words = 0, aside_words = 0, mi = qw_first_from(c, p);
	int brackets = 0, apposition = 0;

	while (p < se && words <= most && aside_words <= ASIDE_WORDS) {
		for (; p < se && strchr(" \n,()", t[p]) != NULL; p++)
			if (!aside)
				continue;
			else if (t[p] == '(' || t[p] == ')')
				brackets = t[p] == '(';
			else if (t[p] == ',')
				apposition = !apposition && words > 0;
		if (p >= se || (t[p] == '.' && stop_ends(c, p)) ||
		    t[p] == ';' || t[p] == ':' ||
		    t[p] == '?' || t[p] == '!' || qw_is3(t, p, se, 0x9C) ||
		    t[p] == '"')
			return 0;
		if (trie_word_start(t, p, se) && qw_word_in(c->r->verbs, t, p, se))
			return p + 1; /* 0 means none */
		while (mi < c->m->n && c->m->v[mi].start < p)
			mi++;
		if (trie_word_at(t, se, p)) {
			/* a marked name is one word ("the U.S. Attorney's
			 * Office for the Southern District of California
			 * said") */
			if (mi < c->m->n && c->m->v[mi].start == p &&
			    c->m->v[mi].cat != CAT_FIGURE &&
			    c->m->v[mi].end <= se)
				p = c->m->v[mi].end;
			else
				p = qw_word_end(t, p, se);
			if (brackets)
				continue;
			if (apposition)
				aside_words++;
			else
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

	for (i = qw_first_from(c, w);
	     i < c->m->n && c->m->v[i].start < w + 60 &&
	     c->m->v[i].end <= se;
	     i++) {
		const struct mention *x = &c->m->v[i];

		for (k = w; k < x->start; k++)
			if (strchr(",;:?!\"\n", t[k]) != NULL)
				return NULL;
		if (qw_is_person(c, x))
			return x;
		if (!qw_is_actor(c, x))
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
	struct who who;
	size_t w, verb, i, mark = p;
	int k;
	/* a quote that ends a clause ("…,” / "…” ,") may be followed by a
	 * long attribution; a word quoted inside a clause ("the “harshest”
	 * policies, state media reported") only by a name and a verb */
	int ends = q->end > q->start && strchr(",.?!", t[q->end - 1]);

	p = skip_blank(t, p, se);
	if (p >= se)
		return 0;
	w = qw_word_end(t, p, se);
	if (qw_word_in(c->r->verbs, t, p, se)) {
		/* "said Kim", "said President Emil Varga"; the person
		 * after a state's adjective and a title ("said Latvian
		 * Defence Minister Andris Sprūds") rather than the state;
		 * the name after a title set off by commas ("said the
		 * Minister of Defence, Anders Kjaergaard") */
		if (qs_title_apposition(c, p, se, &who)) {
			qw_set(c, q, &who);
			return 1;
		}
		if ((mn = person_in_title(c, w, se)) != NULL) {
			set_speaker(c, q, mn);
			return 1;
		}
		for (i = qw_first_from(c, w);
		     i < c->m->n && c->m->v[i].start < w + 40; i++) {
			const struct mention *x = &c->m->v[i];

			if (x->end <= se && qw_is_actor(c, x)) {
				set_speaker(c, q, x);
				return 1;
			}
		}
		/* "said Asel Beishenova", "said a spokesman for the
		 * ministry" */
		if (qw_name_after(c, p, se, &who) ||
		    qs_name_after_title(c, p, se, &who)) {
			qw_set(c, q, &who);
			return 1;
		}
		return qw_described(c, q, w, phrase_end(t, w, se)) ||
		       qw_acronym(c, q, w, phrase_end(t, w, se));
	}
	if (!ends && mark < se && t[mark] == ',')
		ends = 1;
	if (!ends && (i = qw_first_from(c, p)) < c->m->n &&
	    c->m->v[i].start > p + 1)
		return 0;
	if ((verb = verb_after(c, p, se, ends ? AFTER_WORDS : 3, ends)) == 0)
		return 0;
	verb = qs_subject_end(c, p, verb - 1);
	for (i = qw_first_from(c, p); i < c->m->n && c->m->v[i].end <= verb;
	     i++) {
		const struct mention *x = &c->m->v[i];

		/* an acronym in brackets after the name it stands for:
		 * the name as written ("the Danish Security and
		 * Intelligence Service (PET) said") */
		if (mn != NULL && x->entity == mn->entity && x->start > 0 &&
		    t[x->start - 1] == '(')
			continue;
		if (qw_is_actor(c, x) &&
		    (mn == NULL || qw_is_person(c, x) || !qw_is_person(c, mn)))
			mn = x;
	}
	if (mn) {
		named_or(c, q, mn, p, verb);
		return 1;
	}
	/* "he said", "…,” election commission chair Asel Beishenova
	 * told", else "…,” the ministry said" */
	if ((k = subject(c, q, p, verb, q->start, verb)) != 0)
		return k > 0;
	return qw_described(c, q, phrase_start(t, p, verb), verb) ||
	       qw_acronym(c, q, phrase_start(t, p, verb), verb);
}

/* A coordinated speech verb at verb whose subject ends at end (after
 * ss): the first speech verb with a subject after end, if one is before
 * verb ("Volkov said the drill was “defensive” and accused NATO …"), else
 * end. */
static size_t first_verb(const struct ctx *c, size_t ss, size_t end,
			 size_t verb)
{
	const char *t = c->a->text;
	size_t p;

	for (p = end; p < verb; p++)
		if (trie_word_start(t, p, verb) &&
		    qw_word_in(c->r->verbs, t, p, verb) &&
		    qw_has_subject(c, ss, p))
			return p;
	return end;
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
	int found = 0, k;

	for (p = ss; p < qs; p++)
		if (trie_word_start(t, p, qs) &&
		    qw_word_in(c->r->verbs, t, p, qs) &&
		    qw_has_subject(c, ss, p)) {
			verb = p;
			found = 1;
		}
	if (!found)
		return 0;
	/* "The President turned to Jake and said": the sentence's
	 * subject; "Cmdr. Jenna Ortiz, commanding officer of …, said": the
	 * one described */
	if ((p = qs_coordinated(c, ss, verb)) != 0)
		verb = first_verb(c, ss, p, verb);
	verb = qs_subject_end(c, ss, verb);
	for (i = qw_first_from(c, ss); i < c->m->n && c->m->v[i].start < verb;
	     i++) {
		const struct mention *mn = &c->m->v[i];

		if (mn->end > verb || !qw_is_actor(c, mn))
			continue;
		if (qw_is_person(c, mn) || best == NULL ||
		    (!qw_is_person(c, best) && qw_is_state(c, best)))
			best = mn;
	}
	/* "He said …", "Asel Beishenova said the count was “…”" */
	if (best == NULL && (k = subject(c, q, ss, verb, qs, qs)) != 0)
		return k > 0;
	if (best == NULL)
		/* "The ministry said it would “…”" */
		return describe &&
		       (qw_described(c, q, phrase_start(t, ss, verb), verb) ||
			qw_acronym(c, q, phrase_start(t, ss, verb), verb));
	named_or(c, q, best, ss, verb);
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
		for (i = qw_first_from(c, e);
		     i < c->m->n && c->m->v[i].start < e + 40; i++)
			if (qw_is_actor(c, &c->m->v[i])) {
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

/* Back from p (not before lo) over blanks, commas, colons and dashes. */
static size_t back_over_marks(const char *t, size_t lo, size_t p)
{
	for (;;) {
		if (p > lo && strchr(" \n,:-", t[p - 1]) != NULL)
			p--;
		else if (p >= lo + 3 && (qw_is3(t, p - 3, p, 0x93) ||
					  qw_is3(t, p - 3, p, 0x94)))
			p -= 3;
		else
			return p;
	}
}

/* The end of the possessor whose possessive ends at p ("Okafor's",
 * "Okafor’s", "the ministries'"), or 0 when none does. */
static size_t possessor_end(const char *t, size_t lo, size_t p)
{
	if (p >= lo + 3 && t[p - 1] == 's' && t[p - 2] == '\'')
		return p - 2;
	if (p >= lo + 5 && t[p - 1] == 's' && qw_is3(t, p - 4, p - 1, 0x99))
		return p - 4;
	if (p >= lo + 2 && t[p - 1] == '\'' && t[p - 2] == 's')
		return p - 1;
	if (p >= lo + 4 && qw_is3(t, p - 3, p, 0x99) && t[p - 4] == 's')
		return p - 3;
	return 0;
}

/* No speech verb: a possessive and a speech noun before the opening
 * mark at qs, in t[ss, qs), with only links and marks between them
 * ("Okafor's reply was, quote, “…”", "the agency's statement: “…”"):
 * the possessor, a marked actor or a name by its shape, says it. */
static int possessive(const struct ctx *c, struct quote *q, size_t ss,
		      size_t qs)
{
	const char *t = c->a->text;
	size_t p = qs, ws, we, pe, i;
	struct who who;

	for (i = ss; i < qs; i++)
		if (trie_word_start(t, i, qs) &&
		    qw_word_in(c->r->verbs, t, i, qs) &&
		    qw_has_subject(c, ss, i))
			return 0; /* a speech verb says whose words they are */
	/* the opening mark */
	if (p > ss && t[p - 1] == '"')
		p--;
	else if (p >= ss + 3 && qw_is3(t, p - 3, p, 0x9C))
		p -= 3;
	for (;;) {
		we = back_over_marks(t, ss, p);
		ws = we;
		while (ws > ss && trie_word_at(t, we, ws - 1))
			ws--;
		if (ws == we || !qw_word_in(c->r->links, t, ws, we))
			break;
		p = ws;
	}
	if (ws == we || !qw_word_in(c->r->speech_nouns, t, ws, we))
		return 0;
	p = ws;
	while (p > ss && (t[p - 1] == ' ' || t[p - 1] == '\n'))
		p--;
	if ((pe = possessor_end(t, ss, p)) == 0)
		return 0;
	for (i = qw_first_from(c, p); i-- > 0 && c->m->v[i].end > ss;) {
		const struct mention *mn = &c->m->v[i];

		if (mn->end < pe)
			break;
		if (mn->end == pe && qw_is_actor(c, mn)) {
			set_speaker(c, q, mn);
			return 1;
		}
	}
	if (!qw_name_before(c, ss, pe, &who))
		return 0;
	qw_set(c, q, &who);
	return 1;
}

/* Only blanks in t[s, e)? */
static int blank_run(const char *t, size_t s, size_t e)
{
	for (; s < e; s++)
		if (t[s] != ' ' && t[s] != '\n' && t[s] != '\t')
			return 0;
	return 1;
}

/* A speaker and a colon that open the sentence, before the opening mark
 * at qs: a headline's "Zelensky: “…”", a transcript's "Lena Brandt:
 * “…”"; a marked actor or a name by its shape. */
static int colon(const struct ctx *c, struct quote *q, size_t ss, size_t qs)
{
	const char *t = c->a->text;
	size_t p = qs, i;
	struct who who;

	if (p > ss && t[p - 1] == '"')
		p--;
	else if (p >= ss + 3 && qw_is3(t, p - 3, p, 0x9C))
		p -= 3;
	while (p > ss && (t[p - 1] == ' ' || t[p - 1] == '\n'))
		p--;
	if (p == ss || t[p - 1] != ':')
		return 0;
	p--;
	i = qw_first_from(c, p);
	if (i > 0 && c->m->v[i - 1].end == p &&
	    qw_is_actor(c, &c->m->v[i - 1]) &&
	    blank_run(t, ss, c->m->v[i - 1].start)) {
		set_speaker(c, q, &c->m->v[i - 1]);
		return 1;
	}
	if (!qw_name_before(c, ss, p, &who) ||
	    !blank_run(t, ss, who.mn ? who.mn->start : who.s))
		return 0;
	qw_set(c, q, &who);
	return 1;
}

/* The sentence after the quote's, in its paragraph, opens with a lead
 * that names who spoke ("“…” So said Lena Brandt", "“…” Those were the
 * words of General …"): the actor or the name after it. */
static int next_lead(const struct ctx *c, struct quote *q, size_t close_end)
{
	const struct article *a = c->a;
	const char *t = a->text;
	long sj = article_sentence_at(a, close_end > 0 ? close_end - 1 : 0);
	size_t p, e, le, last, i;
	uint32_t v;
	struct who who;

	if (sj < 0 || (size_t)sj + 1 >= a->nsentences)
		return 0;
	p = a->sentences[sj + 1].start;
	e = a->sentences[sj + 1].end;
	if (!blank_run(t, close_end, p) || p >= a->sections[q->section].end ||
	    (le = trie_match(c->r->leads, t, e, p, &v)) == 0 ||
	    (le < e && trie_word_at(t, e, le)))
		return 0;
	for (i = qw_first_from(c, le);
	     i < c->m->n && c->m->v[i].start < le + 40 && c->m->v[i].end <= e;
	     i++)
		if (qw_is_actor(c, &c->m->v[i])) {
			if (!blank_run(t, le, c->m->v[i].start) &&
			    !qw_is_person(c, &c->m->v[i]))
				continue;
			set_speaker(c, q, &c->m->v[i]);
			return 1;
		}
	/* the lead's last word stands where qw_name_after wants a verb */
	for (last = le; last > p && trie_word_at(t, le, last - 1); last--)
		;
	if (!qw_name_after(c, last, e, &who))
		return 0;
	qw_set(c, q, &who);
	return 1;
}

void qa_attribute(const struct ctx *c, struct quote *q, size_t close_end)
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
	    according(c, q, ss, se) || before(c, q, ss, q->start, 1) ||
	    possessive(c, q, ss, q->start) || colon(c, q, ss, q->start) ||
	    next_lead(c, q, close_end))
		return;
	q->speaker_text = xstrdup("unattributed");
}

