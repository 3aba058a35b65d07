/* fig_counted: what a figure counts, the noun phrase after its number read
 * to its head ("eleven U.S. and Canadian aircraft"). */
#include "fig_priv.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Does a counted singular noun follow q, after at most five words that
 * describe it ("one nuclear bomb", "one anti-ship cruise missile"), none
 * of them a word that ends a counted phrase ("one of the", "one said")? */
int fig_singular_follows(const struct figrules *r, const char *t,
			 size_t len, size_t q)
{
	size_t g = q, we;
	uint32_t v;
	int k;

	for (k = 0; k < 6; k++) {
		g = after_gap(t, len, g);
		if (g == 0)
			return 0;
		if (trie_match(r->singular, t, len, g, &v) != 0)
			return 1;
		if (trie_match(r->stops, t, len, g, &v) != 0)
			return 0;
		/* a describing word: letters, digits, hyphens */
		for (we = g; we < len && (trie_word_at(t, len, we) ||
					  (t[we] == '-' && we > g));
		     we++)
			;
		if (we == g)
			return 0;
		g = we;
	}
	return 0;
}

size_t fig_read_word(const char *t, size_t len, size_t p)
{
	size_t q = p;

	while (q < len && (trie_word_at(t, len, q) ||
			   ((t[q] == '-' || t[q] == '.' || t[q] == '\'') &&
			    q + 1 < len && trie_word_at(t, len, q + 1))))
		q++;
	/* the last dot of an abbreviation: "U.S." */
	if (q < len && t[q] == '.' && memchr(t + p, '.', q - p) != NULL &&
	    q + 1 < len && t[q + 1] == ' ')
		q++;
	return q;
}

/* Is the word after q "a", "an" or "the", not before a unit ("a
 * year")? */
static int article_follows(const struct figrules *r, const char *t,
			   size_t len, size_t q)
{
	size_t g = after_gap(t, len, q), e = g, u;
	uint32_t v;

	if (g == 0)
		return 0;
	while (e < len && isalpha((unsigned char)t[e]))
		e++;
	if (!((e - g == 1 && t[g] == 'a') ||
	      (e - g == 2 && memcmp(t + g, "an", 2) == 0) ||
	      (e - g == 3 && memcmp(t + g, "the", 3) == 0)))
		return 0;
	/* "a year", "a day": a rate, not an object */
	u = after_gap(t, len, e);
	return !(u && trie_match(r->units, t, len, u, &v) != 0);
}

/* Is the word at g "of", a gap after it (a space or a line break)? */
int fig_of_at(const char *t, size_t len, size_t g)
{
	return g && g + 3 < len && t[g] == 'o' && t[g + 1] == 'f' &&
	       (t[g + 2] == ' ' || t[g + 2] == '\n');
}

/* Beyond this many words the phrase after a number is no longer read
 * (the head is seldom further: "two Russian Tu-142 maritime patrol
 * aircraft"). */
#define FIG_PHRASE_MAX 7

static int capital_at(const char *t, size_t p)
{
	return t[p] >= 'A' && t[p] <= 'Z';
}

/* Is the word at p a name of letters alone ("U.S.", "Canadian"), not a
 * designation with digits ("KN-23")? */
static int plain_name(const char *t, size_t len, size_t p)
{
	if (!capital_at(t, p))
		return 0;
	for (; p < len && (isalpha((unsigned char)t[p]) || t[p] == '.' ||
			   t[p] == '\'');
	     p++)
		;
	return p == len || t[p] == ' ' || t[p] == ',' || t[p] == '\n';
}

/* Names joined before the head: after a name ending at q (started at
 * ws), ", Name" or " and Name" / " or Name" ("U.S. and Canadian
 * aircraft", "U.S., Ukrainian, and European representatives").  Where
 * the next name starts, or 0. */
static size_t name_join(const char *t, size_t len, size_t ws, size_t q)
{
	size_t g, e;

	if (!plain_name(t, len, ws))
		return 0;
	if (q < len && t[q] == '.' && q > ws && t[q - 1] != '.')
		q++; /* "U.S." read without its last dot before a comma */
	if (q < len && t[q] == ',')
		q++;
	if ((g = after_gap(t, len, q)) == 0)
		return 0;
	for (e = g; e < len && isalpha((unsigned char)t[e]); e++)
		;
	if ((e - g == 3 && memcmp(t + g, "and", 3) == 0) ||
	    (e - g == 2 && memcmp(t + g, "or", 2) == 0)) {
		if ((g = after_gap(t, len, e)) == 0)
			return 0;
	} else if (t[q - 1] != ',') {
		return 0;
	}
	return plain_name(t, len, g) ? g : 0;
}

/* The noun phrase after a figure, read to its head: the words up to the
 * first stop word, a plural-looking word or a counted noun, names joined
 * before the head taken in ("eleven U.S. and Canadian aircraft"); a word
 * of counted_lead just after the number set aside ("14 such flights",
 * "two more ships").  The last word read is its head. */
void fig_counted_phrase(const struct figrules *r, const char *t,
			size_t len, size_t p, struct figure *f)
{
	size_t g, q, words = 0, prev_end = 0, ws = 0, j;
	uint32_t v;
	int joined = 0, headed = 0;

	/* "dozens of drones", "thousands of troops" */
	if (f->vague && (g = after_gap(t, len, p)) != 0 && fig_of_at(t, len, g))
		p = g + 2;
	if ((g = after_gap(t, len, p)) != 0 &&
	    (q = trie_match(r->leads, t, len, g, &v)) != 0 &&
	    (j = after_gap(t, len, q)) != 0 && trie_word_start(t, j, len) &&
	    !digit(t[j]) && trie_match(r->stops, t, len, j, &v) == 0)
		p = q;
	while (words < FIG_PHRASE_MAX) {
		g = after_gap(t, len, p);
		if (words > 0 && (j = name_join(t, len, ws, p)) != 0) {
			g = j;
			joined = 1;
		}
		if (g == 0 || !trie_word_start(t, g, len) || digit(t[g]))
			break;
		if (trie_match(r->stops, t, len, g, &v))
			break;
		q = fig_read_word(t, len, g);
		if (q == g)
			break;
		if (words == 0)
			f->counts_start = g;
		f->counts_end = q;
		ws = g;
		p = q;
		words++;
		/* a word of time or a plural-looking head ends the phrase */
		headed = trie_match(r->timeunits, t, len, g, &v) == q ||
			 (q - g > 3 && t[q - 1] == 's' && t[q - 2] != 's') ||
			 trie_match(r->nouns, t, len, g, &v) == q;
		if (headed)
			break;
		/* "one missile hit a grain carrier": a word after the first
		 * that an article follows is a verb, not the head (unless
		 * it is a thing counted: "one cargo ship a day") */
		if (words > 1 && article_follows(r, t, len, q) &&
		    trie_match(r->singular, t, len, g, &v) != q) {
			f->counts_end = prev_end;
			break;
		}
		prev_end = q;
	}
	/* names joined that end in a name, or a list of names cut short
	 * before its head: too far to tell what is counted */
	if (words > 0 && ((joined && capital_at(t, ws)) ||
			  (!headed && name_join(t, len, ws, f->counts_end))))
		f->counts_start = f->counts_end = 0;
}
