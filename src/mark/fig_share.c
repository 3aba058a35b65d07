/* fig_share: shares and parts, what follows "of" ("a third of the
 * budget", "one in three", "half a mile"). */
#include "fig_priv.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Is the word before p one of part_words ("the first half")? */
static int after_part_word(const struct figrules *r, const char *t, size_t p)
{
	size_t we = p, ws;
	uint32_t v;

	while (we > 0 && t[we - 1] == ' ')
		we--;
	ws = letters_before(t, we);
	return ws < we && we < p &&
	       trie_match(r->part_words, t, we, ws, &v) == we;
}

/* A fraction in words before "of" ("a third of the budget", "two-thirds
 * of the troops") or after a qualifier ("fell by about two thirds",
 * "more than half"): a share (not "a third straight day", nor "the first
 * half of the year", nor "nearly half a million"). */
int fig_share_of(const struct figrules *r, const char *t, size_t len,
		 const struct reading *rd)
{
	size_t g = after_gap(t, len, rd->q);

	if (rd->n.digits || rd->n.value <= 0 || rd->n.value >= 1 ||
	    after_part_word(r, t, rd->p))
		return 0;
	if (g && fig_of_at(t, len, g))
		return 1;
	return rd->qual != NULL &&
	       !(g && g + 2 <= len && t[g] == 'a' &&
		 (t[g + 1] == ' ' || (t[g + 1] == 'n' && g + 2 < len &&
				      t[g + 2] == ' ')));
}

/* The end of a possessive word read to e ("country's", "Faso’s"), or
 * 0. */
static size_t possessive_end(const char *t, size_t len, size_t g, size_t e)
{
	if (e >= g + 3 && t[e - 1] == 's' && t[e - 2] == '\'')
		return e;
	if (e + 4 <= len && memcmp(t + e, "\xE2\x80\x99s", 4) == 0 &&
	    !trie_word_at(t, len, e + 4))
		return e + 4;
	return 0;
}

/* What a share or a part counts: the phrase after "of", a determiner
 * ("the", "its") and a possessive within three words ("Burkina Faso's")
 * set aside: "a third of the country's territory", "45% of the
 * population", "111 of the aircraft".  With whole, a part of a whole
 * named: the determiner or the possessive must be there and the phrase
 * must end in a counted noun or a plural ("111 of the aircraft", not
 * "five of them", "Article 5 of the treaty").  1 when f's counted phrase
 * was set. */
int fig_of_phrase(const struct figrules *r, const char *t, size_t len,
		  size_t q, struct figure *f, int whole)
{
	size_t g = after_gap(t, len, q), p, w, e, k, pe;
	uint32_t v;
	int named = 0;

	if (!fig_of_at(t, len, g))
		return 0;
	p = g + 2;
	if ((g = after_gap(t, len, p)) != 0 &&
	    (e = trie_match(r->ord_leads, t, len, g, &v)) != 0) {
		struct num whole_n;

		p = e;
		named = 1;
		/* the whole's own number: "45 of the 90 seats" */
		if ((g = after_gap(t, len, p)) != 0 && digit(t[g]) &&
		    (e = fig_read_number(r, t, len, g, &whole_n)) != 0)
			p = e;
	}
	for (w = p, k = 0; k < 3; k++, w = e) {
		if ((g = after_gap(t, len, w)) == 0 ||
		    (e = fig_read_word(t, len, g)) == g)
			break;
		if ((pe = possessive_end(t, len, g, e)) != 0) {
			p = pe;
			named = 1;
			break;
		}
	}
	if (whole && !named)
		return 0;
	fig_counted_phrase(r, t, len, p, f);
	e = f->counts_end;
	if (e <= f->counts_start)
		return 0;
	if (whole && !(e - f->counts_start > 3 && t[e - 1] == 's' &&
		       t[e - 2] != 's') &&
	    trie_match(r->nouns, t, len, letters_before(t, e), &v) != e) {
		f->counts_start = f->counts_end = 0;
		return 0;
	}
	return 1;
}

/* "one in three", "two in five", "1 in 4": a share, a number "in" a
 * larger one that is no year and measures nothing ("one in three
 * years" is a rate).  Where it ends (*pct filled, in per cent), or 0. */
size_t fig_one_in(const struct figrules *r, const char *t, size_t len,
		  const struct reading *rd, double *pct)
{
	size_t g = after_gap(t, len, rd->q), q, u;
	struct num d;
	uint32_t v;

	if (rd->n.vague || g == 0 || g + 3 > len || memcmp(t + g, "in ", 3) != 0 ||
	    (g = after_gap(t, len, g + 2)) == 0 ||
	    (q = fig_read_number(r, t, len, g, &d)) == 0 || d.vague ||
	    d.value <= rd->n.value || d.value > 1000 ||
	    (d.digits && d.ndigits == 4))
		return 0;
	if ((u = after_gap(t, len, q)) != 0 &&
	    (trie_match(r->units, t, len, u, &v) != 0 ||
	     trie_match(r->timeunits, t, len, u, &v) != 0))
		return 0;
	*pct = floor(rd->n.value / d.value * 100 + 0.5);
	return q;
}

/* Does the word ending at e of t name things counted: a counted noun
 * or a plural ("states", "vehicles")? */
int fig_thing_named(const struct figrules *r, const char *t, size_t len,
		    size_t e)
{
	size_t b = letters_before(t, e);
	uint32_t v;

	return (e - b > 3 && t[e - 1] == 's' && t[e - 2] != 's') ||
	       trie_match(r->nouns, t, len, b, &v) == e;
}

/* A fraction in words before a unit, "of" and "a" or "an" between:
 * "half an hour", "about a third of a mile", "three-quarters of an
 * hour" measure that part of the unit.  Its end (f's unit and counted
 * phrase set), or 0. */
size_t fig_fraction_of_unit(const struct figrules *r, const char *t,
			    size_t len, const struct reading *rd,
			    struct figure *f)
{
	size_t g = after_gap(t, len, rd->q), e;
	uint32_t v;

	if (rd->n.digits || rd->n.vague || rd->n.value <= 0 ||
	    rd->n.value >= 1 || g == 0)
		return 0;
	if (fig_of_at(t, len, g) && (g = after_gap(t, len, g + 2)) == 0)
		return 0;
	if (g + 2 < len && t[g] == 'a' && t[g + 1] == ' ')
		g += 2;
	else if (g + 3 < len && t[g] == 'a' && t[g + 1] == 'n' &&
		 t[g + 2] == ' ')
		g += 3;
	else
		return 0;
	if ((e = trie_match(r->units, t, len, g, &v)) == 0)
		return 0;
	f->unit = r->unit[v];
	f->counts_start = g;
	f->counts_end = e;
	return e;
}
