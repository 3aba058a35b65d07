/* quote_who: who speaks when the attribution names no marked entity --
 * a name by its shape next to the speech verb, a pronoun's antecedent,
 * a definite description resolved to the person or body named before. */
#include "quote_priv.h"

#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "brief/base/utf8.h"

/* The most words of a name by its shape ("Lt. Gen. Asel Kurmanovna
 * Beishenova" is four after its titles). */
#define NAME_WORDS 5

/* The most words of a speaker described rather than named ("a spokesman
 * for the ministry"). */
#define DESCRIBED_WORDS 6

/* How many mentions back a description or a surname looks for whom it
 * refers to. */
#define REFER_MENTIONS 400

/* How far from a sentence's first word its lower-case form is looked
 * for ("Witnesses said" / "witnesses"). */
#define LOWER_REACH 65536

/* The most words of a title before a name or of an apposition after it
 * ("Aaron Brandt, a NORAD spokesman,"). */
#define TITLE_WORDS 4
#define APPOSITION_WORDS 8

/* How many paragraphs of quoted words a pronoun's reach passes. */
#define ANTECEDENT_QUOTED 3

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

/* Do the n bytes at x and at y hold the same ASCII letters, in any
 * case? */
static int same_fold(const char *x, const char *y, size_t n)
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

/* Does s (n bytes) hold the word w (wn bytes) as a whole word, in any
 * case? */
static int holds_word(const char *s, size_t n, const char *w, size_t wn)
{
	size_t i;

	for (i = 0; i + wn <= n; i++)
		if ((i == 0 || !trie_word_at(s, n, i - 1)) &&
		    (i + wn == n || !trie_word_at(s, n, i + wn)) &&
		    same_fold(s + i, w, wn))
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

/* The person named last before s (within REFER_MENTIONS mentions) whose
 * name ends with the word t[ws, we): the surname alone, "Okafor". */
const struct mention *qw_surname_of(const struct ctx *c, size_t s,
				    size_t ws, size_t we)
{
	size_t i = qw_first_from(c, s), k = 0;

	while (i-- > 0 && k++ < REFER_MENTIONS) {
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

/* Is the word t[ws, we) a capitalised word that may start or go on a
 * name: no stop, no pronoun? */
static int name_word(const struct ctx *c, size_t ws, size_t we)
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
		return name_word(c, ws, p) &&
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
		if (!name_word(c, ws, p) &&
		    (words == 0 || !qw_word_in(c->r->connectors, t, ws, p) ||
		     !joins_name(c, lo, qw_back_blank(t, lo, ws))))
			break;
		if (name_word(c, ws, p))
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
	if (holds_word(t + mn->start, mn->end - mn->start, t + ns, ne - ns))
		return 1;
	for (words = 0; words < TITLE_WORDS; words++) {
		while (p > 0 && t[p - 1] == ' ')
			p--;
		if (p == 0 || !trie_word_at(t, p, p - 1))
			break;
		we = p;
		while (p > 0 && trie_word_at(t, we, p - 1))
			p--;
		if (we - p == ne - ns && same_fold(t + p, t + ns, ne - ns))
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
		if (we - p == ne - ns && same_fold(t + p, t + ns, ne - ns))
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
	return holds_word(en->name, strlen(en->name), t + ns, ne - ns) ||
	       holds_word(t + mn->start, mn->end - mn->start, t + ns,
			  ne - ns) ||
	       (en->kind && strlen(en->kind) == ne - ns &&
		same_fold(en->kind, t + ns, ne - ns));
}

/* Whom the noun t[ns, ne) of a definite description refers to: the
 * last person or body named before off that it fits. */
static const struct mention *refers_to(const struct ctx *c, size_t off,
				       size_t ns, size_t ne, int body)
{
	size_t i = qw_first_from(c, off), k = 0;

	while (i-- > 0 && k++ < REFER_MENTIONS) {
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

	while (q < e && name_word(c, q, qw_name_word_end(t, q, e))) {
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
		if (holds_word(t + p, e - p, t + ns, ne - ns) ||
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
