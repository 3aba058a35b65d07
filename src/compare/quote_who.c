/* quote_who: who speaks when the attribution names no marked entity --
 * a name by its shape next to the speech verb, and the speaker's text
 * (pronouns and descriptions are in quote_refer.c). */
#include "quote_priv.h"

#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "brief/base/utf8.h"

/* The most words of a name by its shape ("Lt. Gen. Asel Kurmanovna
 * Beishenova" is four after its titles). */
#define NAME_WORDS 5

/* How far from a sentence's first word its lower-case form is looked
 * for ("Witnesses said" / "witnesses"). */
#define LOWER_REACH 65536

int qw_is_person(const struct ctx *c, const struct mention *mn)
{
	const struct entity *en = entities_get(c->reg, mn->entity);

	return en && en->cat == CAT_ACTOR && en->kind &&
	       strcmp(en->kind, "person") == 0;
}

int qw_is_actor(const struct ctx *c, const struct mention *mn)
{
	const struct entity *en = entities_get(c->reg, mn->entity);

	return en && en->cat == CAT_ACTOR;
}

size_t qw_first_from(const struct ctx *c, size_t off)
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

size_t qw_word_end(const char *t, size_t p, size_t e)
{
	while (p < e && trie_word_at(t, e, p))
		p++;
	return p;
}

int qw_word_in(const struct trie *tr, const char *t, size_t s, size_t e)
{
	uint32_t v;

	return s < e && trie_match(tr, t, e, s, &v) == qw_word_end(t, s, e);
}

/* Does s[0, n) hold a word in lower case that is no connector of a
 * name ("embassy" in "China embassy"; "of" in "Ministry of Defence" is
 * one)? */
static int lower_word(const struct ctx *c, const char *s, size_t n)
{
	size_t p;

	for (p = 0; p < n; p++)
		if ((p == 0 || s[p - 1] == ' ' || s[p - 1] == '\n') &&
		    s[p] >= 'a' && s[p] <= 'z' &&
		    !qw_word_in(c->r->connectors, s, p, n))
			return 1;
	return 0;
}

/* The most words before a body's mention that its name holds. */
#define HEAD_WORDS 3

int qw_is_state(const struct ctx *c, const struct mention *mn)
{
	const struct entity *en = entities_get(c->reg, mn->entity);

	return en && en->kind && strcmp(en->kind, "state") == 0;
}

/* Does t[s, e) end with a possessive ("Attorney's", "Attorney’s")? */
static int possessive_word(const char *t, size_t s, size_t e)
{
	return (e - s > 2 && t[e - 2] == '\'' && t[e - 1] == 's') ||
	       (e - s > 4 && qw_is3(t, e - 4, e, 0x99) && t[e - 1] == 's');
}

/* Is t[s, e) an ordinal in digits ("6th", "101st")? */
static int ordinal_word(const char *t, size_t s, size_t e)
{
	size_t d = s;

	while (d < e && t[d] >= '0' && t[d] <= '9')
		d++;
	return d > s && e - d == 2 &&
	       (memcmp(t + d, "st", 2) == 0 || memcmp(t + d, "nd", 2) == 0 ||
		memcmp(t + d, "rd", 2) == 0 || memcmp(t + d, "th", 2) == 0);
}

/* The start of the words just before the body's mention mn that its name
 * holds: a state's adjective marked apart ("the Norwegian Police and
 * Security Service"), an ordinal ("the army's 6th Infantry Division": "6th")
 * or capitalised words ending in a possessive or a connector, perhaps
 * after a marked state ("the U.S. Attorney's Office for the Southern
 * District of California": "U.S. Attorney's"; "the Danish Security and
 * Intelligence Service": "Danish Security and"); mn->start when none. */
static size_t written_head(const struct ctx *c, const struct mention *mn)
{
	const char *t = c->a->text;
	size_t p = mn->start, s = mn->start, words = 0;
	int joined = 0;

	while (words < HEAD_WORDS && p > 1 &&
	       (t[p - 1] == ' ' || t[p - 1] == '\n') &&
	       !(t[p - 1] == '\n' && t[p - 2] == '\n')) {
		size_t we = p - 1, ws = we, i;
		char last;

		while (ws > 0 && t[ws - 1] != ' ' && t[ws - 1] != '\n')
			ws--;
		i = qw_first_from(c, ws);
		/* a state marked before the possessive or the joined
		 * words opens it ("U.S.", "Danish") */
		if (words > 0 && i < c->m->n && c->m->v[i].start == ws &&
		    c->m->v[i].end == we && qw_is_state(c, &c->m->v[i])) {
			s = ws;
			break;
		}
		/* a state's adjective marked apart before a name written
		 * with capitals ("the Norwegian Police and Security
		 * Service") */
		if (words == 0 && !joined && i < c->m->n &&
		    c->m->v[i].start == ws && c->m->v[i].end == we &&
		    qw_is_state(c, &c->m->v[i]) && !qw_is_state(c, mn) &&
		    qw_upper_at(t, mn->start, mn->end))
			return ws;
		if (ws == we || (i > 0 && c->m->v[i - 1].end > ws) ||
		    (i < c->m->n && c->m->v[i].start < we))
			break; /* none, or marked */
		if (words == 0 && ordinal_word(t, ws, we))
			return ws;
		/* a connector that joins capitalised words before the
		 * mark ("the Danish Security and Intelligence Service") */
		if (words == 0 && !joined && !qw_upper_at(t, ws, we) &&
		    qw_word_in(c->r->connectors, t, ws, we)) {
			joined = 1;
			p = ws;
			continue;
		}
		last = (char)(t[we - 1] | 0x20);
		if (!qw_upper_at(t, ws, we) ||
		    qw_word_in(c->r->stops, t, ws, we) ||
		    (words == 0 && !joined ? !possessive_word(t, ws, we)
		     : last != '.' && (last < 'a' || last > 'z')))
			break;
		s = p = ws;
		words++;
	}
	return s;
}

void qw_set(const struct ctx *c, struct quote *q, const struct who *w)
{
	char *s;

	if (w->mn != NULL) {
		const char *name = entities_get(c->reg, w->mn->entity)->name;
		const char *t = c->a->text + w->mn->start;
		size_t n = w->mn->end - w->mn->start,
		       h = qw_is_person(c, w->mn) ? w->mn->start
						  : written_head(c, w->mn);

		q->speaker = w->mn->entity;
		/* a name written as one ("Chinese Embassy") rather than
		 * an entity's name composed in lower case ("China
		 * embassy"); with the words before it that its name
		 * holds */
		if (h < w->mn->start)
			q->speaker_text = xstrndup(c->a->text + h,
						   w->mn->end - h);
		else if (lower_word(c, name, strlen(name)) &&
			 !lower_word(c, t, n))
			q->speaker_text = xstrndup(t, n);
		else
			q->speaker_text = xstrdup(name);
		for (s = q->speaker_text; *s; s++)
			if (*s == '\n')
				*s = ' ';
		return;
	}
	q->speaker = ENTITY_NONE;
	q->speaker_text = xstrndup(c->a->text + w->s, w->e - w->s);
	for (s = q->speaker_text; *s; s++)
		if (*s == '\n')
			*s = ' ';
}

int qw_same_fold(const char *x, const char *y, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char a = (unsigned char)x[i], b = (unsigned char)y[i];

		if (a >= 'A' && a <= 'Z')
			a = (unsigned char)(a - 'A' + 'a');
		if (b >= 'A' && b <= 'Z')
			b = (unsigned char)(b - 'A' + 'a');
		if (a != b)
			return 0;
	}
	return 1;
}

int qw_holds_word(const char *s, size_t n, const char *w, size_t wn)
{
	size_t i;

	for (i = 0; i + wn <= n; i++)
		if ((i == 0 || !trie_word_at(s, n, i - 1)) &&
		    (i + wn == n || !trie_word_at(s, n, i + wn)) &&
		    qw_same_fold(s + i, w, wn))
			return 1;
	return 0;
}

/* Is t[p] the first byte of an upper-case letter? */
int qw_upper_at(const char *t, size_t p, size_t e)
{
	uint32_t cp;

	if ((unsigned char)t[p] < 0x80)
		return t[p] >= 'A' && t[p] <= 'Z';
	return utf8_decode(t + p, e - p, &cp) > 0 && iswupper((wint_t)cp);
}

/* A name's word: letters and digits, with a hyphen or apostrophe inside
 * ("Sung-jun", "O'Neill"); its end from p, or its start back from p. */
static int inner_mark(char ch)
{
	return ch == '-' || ch == '\'';
}

size_t qw_name_word_end(const char *t, size_t p, size_t e)
{
	while (p < e && (trie_word_at(t, e, p) ||
			 (inner_mark(t[p]) && p + 1 < e &&
			  trie_word_at(t, e, p + 1))))
		p++;
	return p;
}

static size_t name_word_start(const char *t, size_t lo, size_t p)
{
	while (p > lo && (trie_word_at(t, p, p - 1) ||
			  (inner_mark(t[p - 1]) && p - 1 > lo &&
			   trie_word_at(t, p, p - 2))))
		p--;
	return p;
}

static int has_lower(const char *t, size_t s, size_t e)
{
	for (; s < e; s++)
		if (t[s] >= 'a' && t[s] <= 'z')
			return 1;
	return 0;
}

/* Does the sentence that holds s start with the word at s (after blanks
 * and quotation marks)? */
static int sentence_first(const struct ctx *c, size_t s)
{
	const char *t = c->a->text;
	long k = article_sentence_at(c->a, s);
	size_t p = k >= 0 ? c->a->sentences[k].start : 0;

	while (p < s && (t[p] == ' ' || t[p] == '\n' || t[p] == '"' ||
			 (unsigned char)t[p] >= 0x80))
		p++;
	return p == s;
}

/* Is the word t[s, e), written with a capital, also written in lower
 * case near it: a common word at a sentence's start ("Witnesses")? */
static int written_lower(const struct ctx *c, size_t s, size_t e)
{
	const char *t = c->a->text;
	size_t n = c->a->len, len = e - s;
	size_t lo = s > LOWER_REACH ? s - LOWER_REACH : 0;
	size_t hi = n - s > LOWER_REACH ? s + LOWER_REACH : n;
	char first = (char)(t[s] - 'A' + 'a');
	const char *p;

	if (t[s] < 'A' || t[s] > 'Z')
		return 0;
	while (lo + len <= hi &&
	       (p = memchr(t + lo, first, hi - lo - len + 1)) != NULL) {
		size_t i = (size_t)(p - t);

		if (memcmp(p + 1, t + s + 1, len - 1) == 0 &&
		    (i == 0 || !trie_word_at(t, n, i - 1)) &&
		    (i + len == n || !trie_word_at(t, n, i + len)))
			return 1;
		lo = i + 1;
	}
	return 0;
}

/* The person named last before s (within QW_REFER_MENTIONS mentions) whose
 * name ends with the word t[ws, we): the surname alone, "Okafor". */
const struct mention *qw_surname_of(const struct ctx *c, size_t s,
				    size_t ws, size_t we)
{
	size_t i = qw_first_from(c, s), k = 0;

	while (i-- > 0 && k++ < QW_REFER_MENTIONS) {
		const struct mention *mn = &c->m->v[i];
		const char *name;
		size_t n;

		if (!qw_is_person(c, mn))
			continue;
		name = entities_get(c->reg, mn->entity)->name;
		n = strlen(name);
		if (n > we - ws && name[n - (we - ws) - 1] == ' ' &&
		    memcmp(name + n - (we - ws), c->a->text + ws, we - ws) == 0)
			return mn;
	}
	return NULL;
}

/* Is the run of capitalised words t[s, e) a person's name: titles
 * before it set aside ("Commission Chair"), each word with a lower-case
 * letter (no acronym, no heading), none a stop, not ending with a
 * speaker noun ("Foreign Ministry"), no mark of another kind on it, and
 * at a sentence's start no common word?  Fills *w. */
int qw_shape_run(const struct ctx *c, size_t s, size_t e, struct who *w)
{
	const char *t = c->a->text;
	const struct quoterules *r = c->r;
	size_t p, from = s, last = s, i;

	for (p = s; p < e; p = qw_name_word_end(t, p, e) + 1)
		if (qw_word_in(r->titles, t, p, e))
			from = qw_name_word_end(t, p, e) + 1;
	if (from >= e)
		return 0;
	for (p = from; p < e; p = qw_name_word_end(t, p, e) + 1) {
		if (p > from && !qw_upper_at(t, p, e) &&
		    qw_word_in(r->connectors, t, p, e))
			continue; /* "Bank of the Northern Isles" */
		if (!has_lower(t, p, qw_name_word_end(t, p, e)) ||
		    qw_word_in(r->stops, t, p, e) ||
		    qw_word_in(r->pronouns, t, p, e))
			return 0;
		last = p;
	}
	if (qw_word_in(r->nouns, t, last, e) ||
	    qw_word_in(r->bodies, t, last, e))
		return 0;
	memset(w, 0, sizeof *w);
	for (i = qw_first_from(c, from > 64 ? from - 64 : 0);
	     i < c->m->n && c->m->v[i].start < e; i++) {
		const struct mention *mn = &c->m->v[i];

		if (mn->end <= from)
			continue;
		if (!qw_is_person(c, mn))
			return 0;
		w->mn = mn;
		return 1;
	}
	if (sentence_first(c, from) &&
	    written_lower(c, from, qw_name_word_end(t, from, e)))
		return 0;
	if (last == from)
		w->mn = qw_surname_of(c, from, from, e);
	w->s = from;
	w->e = e;
	return 1;
}

size_t qw_back_blank(const char *t, size_t lo, size_t p)
{
	while (p > lo && (t[p - 1] == ' ' || t[p - 1] == '\n'))
		p--;
	return p;
}

int qw_name_word(const struct ctx *c, size_t ws, size_t we)
{
	const char *t = c->a->text;

	return ws < we && qw_upper_at(t, ws, we) &&
	       !qw_word_in(c->r->stops, t, ws, we) &&
	       !qw_word_in(c->r->pronouns, t, ws, we);
}

/* Does the connector ending at p ("of" in "Ministry of Defence", "of
 * the" in "Bank of the Isles") join a name's word before it, not a
 * title ("President of Veldoria")?  At most two connectors. */
static int joins_name(const struct ctx *c, size_t lo, size_t p)
{
	const char *t = c->a->text;
	int k;

	for (k = 0; k < 2; k++) {
		size_t ws = name_word_start(t, lo, p);

		if (ws == p)
			return 0;
		if (qw_word_in(c->r->connectors, t, ws, p)) {
			p = qw_back_blank(t, lo, ws);
			if (p == ws)
				return 0;
			continue;
		}
		return qw_name_word(c, ws, p) &&
		       !qw_word_in(c->r->titles, t, ws, p);
	}
	return 0;
}

int qw_name_before(const struct ctx *c, size_t lo, size_t v, struct who *w)
{
	const char *t = c->a->text;
	size_t p = qw_back_blank(t, lo, v), e, s, words = 0;
	int apposition = 0;

	/* "the owner, Halvik Trading, said" */
	if (p > lo && t[p - 1] == ',') {
		apposition = 1;
		p = qw_back_blank(t, lo, p - 1);
	}
	e = s = p;
	while (p > lo && words < NAME_WORDS) {
		size_t ws = name_word_start(t, lo, p);

		if (ws == p)
			break;
		if (!qw_name_word(c, ws, p) &&
		    (words == 0 || !qw_word_in(c->r->connectors, t, ws, p) ||
		     !joins_name(c, lo, qw_back_blank(t, lo, ws))))
			break;
		if (qw_name_word(c, ws, p))
			s = ws;
		words++;
		if (ws < lo + 2 || (t[ws - 1] != ' ' && t[ws - 1] != '\n') ||
		    !trie_word_at(t, ws, ws - 2))
			break;
		p = ws - 1;
	}
	if (words == 0 ||
	    (apposition && (qw_back_blank(t, lo, s) == lo ||
			    t[qw_back_blank(t, lo, s) - 1] != ',')))
		return 0;
	return qw_shape_run(c, s, e, w);
}

int qw_name_after(const struct ctx *c, size_t p, size_t e, struct who *w)
{
	const char *t = c->a->text;
	size_t s, end = 0, words = 0;

	p = qw_word_end(t, p, e);
	while (p < e && (t[p] == ' ' || t[p] == '\n'))
		p++;
	s = p;
	while (p < e && words < NAME_WORDS && qw_upper_at(t, p, e) &&
	       !qw_word_in(c->r->stops, t, p, e) &&
	       !qw_word_in(c->r->pronouns, t, p, e)) {
		end = qw_name_word_end(t, p, e);
		if (end == p)
			break;
		words++;
		p = end;
		if (p + 1 >= e || (t[p] != ' ' && t[p] != '\n') ||
		    !qw_upper_at(t, p + 1, e))
			break;
		p++;
	}
	if (words == 0)
		return 0;
	/* "said Kyrgyz officials": an adjective, not a name */
	p = end;
	while (p < e && t[p] == ' ')
		p++;
	if (p < e && (qw_word_in(c->r->nouns, t, p, e) ||
		      qw_word_in(c->r->bodies, t, p, e)))
		return 0;
	return qw_shape_run(c, s, end, w);
}

int qw_has_subject(const struct ctx *c, size_t lo, size_t p)
{
	const char *t = c->a->text;
	size_t we = qw_word_end(t, p, c->a->len), b = p, ws, i;

	if (t[we - 1] != 's')
		return 1;
	while (b > lo && (t[b - 1] == ' ' || t[b - 1] == '\n'))
		b--;
	if (b > lo && t[b - 1] == ',')
		return 1;
	i = qw_first_from(c, b);
	if (i > 0 && c->m->v[i - 1].end == b && qw_is_actor(c, &c->m->v[i - 1]))
		return 1;
	ws = b;
	while (ws > lo && trie_word_at(t, b, ws - 1))
		ws--;
	return ws < b && (qw_upper_at(t, ws, b) ||
			  qw_word_in(c->r->subjects, t, ws, b) ||
			  qw_word_in(c->r->pronouns, t, ws, b) ||
			  qw_word_in(c->r->nouns, t, ws, b) ||
			  qw_word_in(c->r->bodies, t, ws, b));
}
