/* fa_share: figures whose value or thing is read from the words around
 * them -- a share of a count ("half of the camp's 400 shelters" counts
 * 200 shelters), a weight in pounds that a figure read as money ("10,000
 * pounds of fish"), two things counted as one ("hundreds of drones and
 * missiles" count munitions), a count "of them" ("two of them senior
 * leaders"). */
#include "fa_priv.h"

#include <ctype.h>
#include <string.h>

/* Words that may stand between "of" and the count a share is taken of:
 * determiners; a possessive ("the camp's") is taken too. */
static const char *const determiners[] = {
	"the", "its", "their", "these", "those", "this", "that", "all",
};

/* Is s[p..e) a determiner or a possessive ("Eteringbang's")? */
static int determiner(const char *s, size_t p, size_t e)
{
	size_t i;

	if (e - p > 2 && s[e - 2] == '\'' && s[e - 1] == 's')
		return 1;
	if (e - p > 4 && strncmp(s + e - 4, "\xe2\x80\x99s", 4) == 0)
		return 1;
	for (i = 0; i < sizeof determiners / sizeof *determiners; i++)
		if (strlen(determiners[i]) == e - p &&
		    strncmp(s + p, determiners[i], e - p) == 0)
			return 1;
	return 0;
}

/* The end of the word at s[p..len) (not white space). */
static size_t word_end(const char *s, size_t len, size_t p)
{
	while (p < len && !isspace((unsigned char)s[p]))
		p++;
	return p;
}

static size_t skip_space(const char *s, size_t len, size_t p)
{
	while (p < len && isspace((unsigned char)s[p]))
		p++;
	return p;
}

/* The phrase s[p..) one word longer than s[p..e): its new end, its text
 * in buf (of n bytes), or 0 when no word follows or buf is too short.
 * Punctuation after the word is left out. */
static size_t grow_phrase(const char *s, size_t len, size_t p, size_t e,
			  char *buf, size_t n)
{
	size_t we = word_end(s, len, skip_space(s, len, e));

	while (we > e && !isalnum((unsigned char)s[we - 1]))
		we--;
	if (we <= e || we - p >= n)
		return 0;
	memcpy(buf, s + p, we - p);
	buf[we - p] = '\0';
	return we;
}

/* Where the words after the share at offset at of s, once past " of "
 * and its determiners, begin (0 when no " of " follows the share's own
 * words within a few words, before any stop or comma). */
static size_t after_of(const char *s, size_t len, size_t at)
{
	size_t p = at, words = 0, e;

	while (p < len && words < 5) {
		p = skip_space(s, len, p);
		e = word_end(s, len, p);
		if (e == p || memchr(s + p, ',', e - p) ||
		    memchr(s + p, ';', e - p))
			return 0;
		if (e - p == 2 && strncmp(s + p, "of", 2) == 0)
			break;
		if (s[e - 1] == '.')
			return 0;
		p = e;
		words++;
	}
	if (p >= len || words == 0 || words >= 5)
		return 0;
	p = skip_space(s, len, p + 2);
	for (words = 0; words < 3; words++) {
		e = word_end(s, len, p);
		if (e == p || !determiner(s, p, e))
			break;
		p = skip_space(s, len, e);
	}
	return p;
}

/* Take the share sh (a percentage) of the count of whole: its thing, and
 * its value widened by the tolerance (a share is rarely exact). */
static void take_share(const struct figrules_align *r, struct fa_fig *sh,
		       const struct fa_fig *whole)
{
	double lo = sh->mean.lo / 100 * whole->mean.lo;
	double hi = sh->mean.hi / 100 * whole->mean.hi;

	memcpy(sh->mean.head, whole->mean.head, sizeof sh->mean.head);
	memcpy(sh->mean.kind, whole->mean.kind, sizeof sh->mean.kind);
	sh->mean.unit = whole->mean.unit;
	sh->mean.lo = lo * (1 - r->tol);
	sh->mean.hi = hi * (1 + r->tol);
}

/* The share v[i] of a count: of the figure right after it ("half of the
 * 400 shelters": that one is a whole, *whole set to its index), else of
 * the thing named after it, the subject of a verb, that a figure before
 * it in its report counts ("two-thirds of the vessels left", of the 32
 * vessels found). */
static void share_of(const struct figrules_align *r, struct fa_fig *v,
		     size_t n, size_t i, size_t *whole)
{
	struct fa_fig *f = &v[i];
	size_t p = after_of(f->sent, f->sent_len, f->at), j, e, q;
	char buf[64];
	struct fa_meaning m;
	struct figure c = *f->f;

	if (p == 0)
		return;
	c.kind = FIG_COUNT;
	if (i + 1 < n && v[i + 1].sent == f->sent &&
	    v[i + 1].side == f->side && v[i + 1].at == p &&
	    v[i + 1].f->kind == FIG_COUNT) {
		take_share(r, f, &v[i + 1]);
		f->phrase = v[i + 1].phrase;
		f->phrase_len = v[i + 1].phrase_len;
		*whole = i + 1;
		return;
	}
	/* the thing, in one to three words */
	for (e = p, q = 0; q < 3; q++) {
		size_t l;

		e = grow_phrase(f->sent, f->sent_len, p, e, buf, sizeof buf);
		if (e == 0)
			break;
		l = e - p;
		/* the thing must be the subject of the clause's verb ("of
		 * the vessels left"), not a set it names ("of the
		 * containers passing through the port") */
		if (!fa_meaning_of(r, buf, &c, &m, 1) || m.unit ||
		    fa_subject_of_verb(r, f->sent, f->sent_len, e) == 0)
			continue;
		for (j = i; j-- > 0;)
			if (v[j].side == f->side &&
			    v[j].f->kind == FIG_COUNT &&
			    strcmp(v[j].mean.head, m.head) == 0)
				break;
		if (j == (size_t)-1)
			continue;
		take_share(r, f, &v[j]);
		f->phrase = f->sent + p;
		f->phrase_len = l;
		return;
	}
}

/* Is the word s[p..e) one of words[0..n)? */
static int word_in(const char *s, size_t p, size_t e,
		   const char *const *words, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strlen(words[i]) == e - p &&
		    strncmp(s + p, words[i], e - p) == 0)
			return 1;
	return 0;
}

/* Is the money figure f a weight in pounds: "pounds" written in words
 * ("about 10,000 pounds of fish"; "to about 970 pounds" in a report that
 * gives its sums in another currency, others: 1 when it does), not "£"
 * nor a sum in millions?  Then it is read in the rules' unit of
 * "pounds". */
static void pounds_of(const struct figrules_align *r, struct fa_fig *f,
		      int others)
{
	static const char *const pound[] = {"pounds", "pound"};
	static const char *const big[] = {"thousand", "million", "billion",
					  "trillion"};
	const char *s = f->sent;
	size_t len = f->sent_len, p = f->at, e;
	struct figure w;
	int many = 0;

	while (p < len && p < f->at + 40) {
		p = skip_space(s, len, p);
		e = word_end(s, len, p);
		if (e == p || s[p] == '\xc2' /* a pound sign */)
			return;
		if (word_in(s, p, e, pound, 2) ||
		    (e - p > 1 && strchr(",;.", s[e - 1]) &&
		     word_in(s, p, e - 1, pound, 2)))
			break;
		if (!isdigit((unsigned char)s[p]) && !isalpha((unsigned char)s[p]))
			return;
		many |= word_in(s, p, e, big, 4);
		p = e;
	}
	if (p >= len || p >= f->at + 40)
		return;
	p = skip_space(s, len, word_end(s, len, p));
	if ((p + 3 > len || strncmp(s + p, "of ", 3) != 0) &&
	    (!others || many))
		return;
	w = *f->f;
	w.kind = FIG_COUNT;
	w.currency = NULL;
	fa_meaning_of(r, "pounds", &w, &f->mean, 0);
}

/* Does report side give a sum in a currency other than pounds? */
static int other_currency(const struct fa_fig *v, size_t n, int side)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i].side == side && v[i].f->kind == FIG_MONEY &&
		    v[i].f->currency && strcmp(v[i].f->currency, "GBP") != 0)
			return 1;
	return 0;
}

/* Does the counted phrase of f go on with "and" or "or" and another
 * thing of the same broader thing ("drones and missiles")?  Then f
 * counts the broader thing. */
static void mixed(const struct figrules_align *r, struct fa_fig *f)
{
	const char *s = f->sent;
	size_t len = f->sent_len, p, e, q;
	uint32_t a, b;
	char buf[64];
	struct fa_meaning m;
	struct figure c = *f->f;

	if (f->phrase == NULL || f->phrase < s ||
	    trie_match(r->broader, f->mean.head, strlen(f->mean.head), 0,
		       &a) != strlen(f->mean.head))
		return;
	p = skip_space(s, len, (size_t)(f->phrase - s) + f->phrase_len);
	if (len - p > 4 && strncmp(s + p, "and ", 4) == 0)
		p += 4;
	else if (len - p > 3 && strncmp(s + p, "or ", 3) == 0)
		p += 3;
	else
		return;
	c.kind = FIG_COUNT;
	for (e = p, q = 0; q < 3; q++) {
		if ((e = grow_phrase(s, len, p, e, buf, sizeof buf)) == 0)
			return;
		if (fa_meaning_of(r, buf, &c, &m, 1) &&
		    strcmp(m.head, f->mean.head) != 0 &&
		    trie_match(r->broader, m.head, strlen(m.head), 0, &b) ==
			    strlen(m.head) &&
		    a == b) {
			snprintf(f->mean.head, sizeof f->mean.head, "%s",
				 r->brname[a]);
			return;
		}
	}
}

/* A count followed by "of them" and a thing ("two of them senior
 * leaders", "one of whom a child") counts that thing, not the count
 * before it. */
static void of_them(const struct figrules_align *r, struct fa_fig *f)
{
	static const char *const pron[] = {"of them ", "of whom ",
					   "of those "};
	const char *s = f->sent;
	size_t len = f->sent_len, p = f->at, e, q, i;
	char buf[64];
	struct fa_meaning m;

	/* past the figure's own words (at most three) */
	for (q = 0; q < 4; q++) {
		for (i = 0; i < sizeof pron / sizeof *pron; i++)
			if (len - p > strlen(pron[i]) &&
			    strncmp(s + p, pron[i], strlen(pron[i])) == 0)
				break;
		if (i < sizeof pron / sizeof *pron)
			break;
		e = word_end(s, len, p);
		if (e == p || strchr(",.;:", s[e - 1]))
			return;
		p = skip_space(s, len, e);
	}
	if (q == 4)
		return;
	p = skip_space(s, len, p + strlen(pron[i]));
	for (e = p, q = 0; q < 3; q++) {
		if ((e = grow_phrase(s, len, p, e, buf, sizeof buf)) == 0)
			return;
		if (fa_meaning_of(r, buf, f->f, &m, 1) && !m.unit) {
			memcpy(f->mean.head, m.head, sizeof m.head);
			memcpy(f->mean.kind, m.kind, sizeof m.kind);
			f->phrase = s + p;
			f->phrase_len = e - p;
			return;
		}
	}
}

void fa_read_around(const struct figrules_align *r, struct fa_fig *v,
		    size_t n, char *whole)
{
	size_t i, w;
	int others[2];

	others[0] = other_currency(v, n, 0);
	others[1] = other_currency(v, n, 1);
	for (i = 0; i < n; i++) {
		const struct figure *f = v[i].f;

		if (v[i].sent == NULL)
			continue;
		mixed(r, &v[i]);
		if (f->kind == FIG_COUNT)
			of_them(r, &v[i]);
		if (f->kind == FIG_MONEY && f->currency &&
		    strcmp(f->currency, "GBP") == 0)
			pounds_of(r, &v[i], others[v[i].side ? 1 : 0]);
		if (f->kind == FIG_PERCENT && f->currency == NULL) {
			w = (size_t)-1;
			share_of(r, v, n, i, &w);
			if (w != (size_t)-1)
				whole[w] = 1;
		}
	}
}
