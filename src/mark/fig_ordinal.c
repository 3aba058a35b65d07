/* fig_ordinal: an ordinal that counts ("the 75th", "its second-largest"),
 * not a rank alone. */
#include "fig_priv.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Is there a word of ordinal_leads ("the", "a", "its") or a possessive
 * ("Iran's") just before p? */
static int ordinal_lead(const struct figrules *r, const char *t, size_t p)
{
	size_t we = p, ws;
	uint32_t v;

	while (we > 0 && (t[we - 1] == ' ' || t[we - 1] == '\n'))
		we--;
	if (we == p || we < 2)
		return 0;
	if (t[we - 1] == 's' &&
	    (t[we - 2] == '\'' ||
	     (we >= 4 && (unsigned char)t[we - 2] == 0x99 &&
	      (unsigned char)t[we - 3] == 0x80 &&
	      (unsigned char)t[we - 4] == 0xE2)))
		return 1;
	ws = letters_before(t, we);
	return ws < we && trie_match(r->ord_leads, t, we, ws, &v) == we;
}

/* Past up to two words in capitals after g, each followed by a space:
 * "a second U.S.-ASEAN maritime exercise" goes on to "maritime" (not a
 * name in title case: "the 11th Army Corps").  g itself when there is
 * none; 0 when g is 0. */
static size_t skip_capitals(const char *t, size_t len, size_t g)
{
	size_t w, we;
	int k, caps;

	for (k = 0, w = g; k < 2 && w != 0 && w < len; k++) {
		for (we = w, caps = 0; we < len && t[we] != ' ' && t[we] != '\n';
		     we++) {
			if (t[we] >= 'a' && t[we] <= 'z')
				return w;
			caps += t[we] >= 'A' && t[we] <= 'Z';
		}
		if (caps < 2 || we >= len || t[we] != ' ')
			return w;
		w = we + 1;
	}
	return w;
}

/* "second-largest": an ordinal before a hyphen and a superlative (a word
 * ending in "est") ranks, and the mark takes the superlative in; q where
 * the ordinal ends at the hyphen. */
static size_t superlative_end(const char *t, size_t len, size_t q)
{
	size_t we;

	for (we = q + 1; we < len && t[we] >= 'a' && t[we] <= 'z'; we++)
		;
	if (we - q > 3 && memcmp(t + we - 3, "est", 3) == 0 &&
	    (we == len || !trie_word_at(t, len, we)))
		return we;
	return q;
}

/* An ordinal is a figure when it counts: after a determiner or a
 * possessive and before a word that describes what it counts ("a third
 * straight day", "Iran's second direct strike", "the 75th anniversary");
 * not "a third of", not "the 11th Army Corps", not a kind or a rank
 * ("second-strike capability", "the second one").  ("first" is not in the
 * list: it is seldom a count.) */
size_t fig_ordinal_at(const struct figrules *r, const char *t, size_t len,
		      size_t p, struct figure *f)
{
	size_t q, g;
	uint32_t v;
	double n;

	q = trie_match(r->ordinals, t, len, p, &v);
	if (q != 0) {
		n = r->ordval[v];
	} else {
		for (q = p; q < len && digit(t[q]) && q - p < 4; q++)
			;
		if (q == p || q + 2 > len ||
		    !((t[q] == 's' && t[q + 1] == 't') ||
		      (t[q] == 'n' && t[q + 1] == 'd') ||
		      (t[q] == 'r' && t[q + 1] == 'd') ||
		      (t[q] == 't' && t[q + 1] == 'h')))
			return 0;
		n = atoi(t + p);
		q += 2;
		if (n < 2 || trie_word_at(t, len, q))
			return 0;
	}
	if (q + 1 < len && t[q] == '-')
		g = q + 1; /* "second-largest" */
	else
		g = skip_capitals(t, len, after_gap(t, len, q));
	if (g == 0 || !(t[g] >= 'a' && t[g] <= 'z') ||
	    trie_match(r->stops, t, len, g, &v) != 0 ||
	    trie_match(r->ord_kinds, t, len, t[q] == '-' ? q : g, &v) != 0 ||
	    !ordinal_lead(r, t, p))
		return 0;
	memset(f, 0, sizeof *f);
	f->kind = FIG_ORDINAL;
	f->lo = f->hi = n;
	/* what it counts comes after the capitals skipped */
	fig_counted_phrase(r, t, len, t[q] == '-' ? q + 1 : g - 1, f);
	return t[q] == '-' ? superlative_end(t, len, q) : q;
}
