/* hl_words: words, names and candidates: the text tests the language
 * rules share. */
#include "hl_priv.h"

#include <string.h>
#include <wctype.h>

#include "brief/base/utf8.h"

/* A candidate mark [s, e): entity, category and priority. */
struct cand *hl_cand_add(struct highlighter *h, size_t s, size_t e,
			 uint32_t entity, int cat, int pri)
{
	struct cand *c;

	h->c = xgrow(h->c, &h->ccap, h->nc + 1, sizeof *h->c);
	c = &h->c[h->nc++];
	c->start = (uint32_t)s;
	c->end = (uint32_t)e;
	c->entity = entity;
	c->fig = 0;
	c->cat = (uint8_t)cat;
	c->pri = (uint8_t)pri;
	return c;
}

/* The lexicon entity whose alias is exactly text[s, e), or NONE. */
uint32_t hl_lexicon_exact(const struct highlighter *h, const char *t,
			  size_t s, size_t e)
{
	uint32_t v;

	if (trie_match(h->aliases, t, e, s, &v) == e)
		return v;
	return ENTITY_NONE;
}

/* Intern a rule-found name of category cat and kind, collapsing white
 * space; a leading "the" is dropped. */
uint32_t hl_intern_as(struct highlighter *h, const char *t, size_t s,
		      size_t e, enum category cat, const char *kind)
{
	struct buf b = {0};
	uint32_t id;
	size_t i;
	int sp = 0;

	if (e - s > 4 && (memcmp(t + s, "The ", 4) == 0 ||
			  memcmp(t + s, "the ", 4) == 0))
		s += 4;
	for (i = s; i < e; i++) {
		char c = t[i];

		if (c == ' ' || c == '\n' || c == '\t') {
			sp = 1;
			continue;
		}
		if (sp && b.len)
			buf_addc(&b, ' ');
		sp = 0;
		/* curly apostrophes read as straight ones in names */
		if ((unsigned char)c == 0xE2 && i + 2 < e &&
		    (unsigned char)t[i + 1] == 0x80 &&
		    (unsigned char)t[i + 2] == 0x99) {
			buf_addc(&b, '\'');
			i += 2;
			continue;
		}
		buf_addc(&b, c);
	}
	id = entities_intern(h->reg, b.data ? b.data : "", b.len, cat, kind,
			     1);
	buf_free(&b);
	return id;
}

/* The same for an actor. */
uint32_t hl_intern_name(struct highlighter *h, const char *t, size_t s,
			size_t e, const char *kind)
{
	return hl_intern_as(h, t, s, e, CAT_ACTOR, kind);
}

/* Does a capital letter (any script) start at t[p]? */
int hl_upper_at(const char *t, size_t len, size_t p)
{
	uint32_t cp;

	if (p >= len)
		return 0;
	if ((unsigned char)t[p] < 0x80)
		return t[p] >= 'A' && t[p] <= 'Z';
	utf8_decode(t + p, len - p, &cp);
	return iswupper((wint_t)cp) != 0;
}

/* The word that ends just before the single space (or line break) before
 * pos: [*ws, *we).  0 when there is none. */
int hl_word_before(const char *t, size_t s, size_t pos, size_t *ws,
		   size_t *we)
{
	size_t p = pos;

	if (p <= s || (t[p - 1] != ' ' && t[p - 1] != '\n'))
		return 0;
	p--;
	*we = p;
	while (p > s && (trie_word_before(t, p) || t[p - 1] == '-' ||
			 t[p - 1] == '.' || t[p - 1] == '\'' ||
			 ((unsigned char)t[p - 1] == 0x99 && p >= s + 3 &&
			  (unsigned char)t[p - 3] == 0xE2))) {
		if ((unsigned char)t[p - 1] == 0x99 &&
		    (unsigned char)t[p - 3] == 0xE2)
			p -= 3;
		else
			p--;
		while (p > s && ((unsigned char)t[p] & 0xC0) == 0x80)
			p--; /* a whole character: "Mendonça" */
	}
	*ws = p;
	return *ws < *we;
}

/* Is the word [ws, we) in trie tr? */
int hl_is_word_in(const struct trie *tr, const char *t, size_t ws,
		  size_t we)
{
	uint32_t v;

	return trie_match(tr, t, we, ws, &v) == we;
}

/* The length of a possessive "'s" or "’s" at t[p] that ends a word
 * (before e, or before a character that is not a letter or digit), or
 * 0: the one test of a possessive the rules share. */
size_t hl_possessive_len(const char *t, size_t e, size_t p)
{
	size_t n;

	if (p + 2 <= e && t[p] == '\'' && t[p + 1] == 's')
		n = 2;
	else if (p + 4 <= e && memcmp(t + p, "\xE2\x80\x99s", 4) == 0)
		n = 4;
	else
		return 0;
	return p + n == e || !trie_word_at(t, e, p + n) ? n : 0;
}

/* A name ends with a possessive word: "President Joe Biden's Meeting"
 * (a headline's capitals) names Joe Biden.  The end of [g, ne) before
 * the first "'s" or "’s" that ends a word. */
size_t hl_before_possessive(const char *t, size_t g, size_t ne)
{
	size_t k, n;

	for (k = g + 1; k < ne; k++)
		if ((n = hl_possessive_len(t, ne, k)) != 0 &&
		    (k + n == ne || t[k + n] == ' '))
			return k;
	return ne;
}

/* The length of a possessive "'s" or "’s" at t[p], before a space; 0 when
 * there is none. */
size_t hl_possessive_at(const char *t, size_t e, size_t p)
{
	size_t n = hl_possessive_len(t, e, p);

	return n && p + n < e && t[p + n] == ' ' ? n : 0;
}
