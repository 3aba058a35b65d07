/* figure: a small scanner for figures, driven by the word lists of
 * fig_rules.c. */
#include "fig_priv.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Does a counted singular noun follow q, after at most five words that
 * describe it ("one nuclear bomb", "one anti-ship cruise missile"), none
 * of them a word that ends a counted phrase ("one of the", "one said")? */
static int singular_follows(const struct figrules *r, const char *t,
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

const struct trie *figrules_starters(const struct figrules *r)
{
	return r->starters;
}

size_t figrules_month_at(const struct figrules *r, const char *text,
			 size_t len, size_t pos)
{
	uint32_t v;

	return trie_match(r->months, text, len, pos, &v);
}

static size_t read_word(const char *t, size_t len, size_t p)
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
static int of_at(const char *t, size_t len, size_t g)
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
static void counted_phrase(const struct figrules *r, const char *t,
			   size_t len, size_t p, struct figure *f)
{
	size_t g, q, words = 0, prev_end = 0, ws = 0, j;
	uint32_t v;
	int joined = 0, headed = 0;

	/* "dozens of drones", "thousands of troops" */
	if (f->vague && (g = after_gap(t, len, p)) != 0 && of_at(t, len, g))
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
		q = read_word(t, len, g);
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

static int valid_day(double d)
{
	return d >= 1 && d <= 31 && d == floor(d);
}

/* A day written as an ordinal in digits at p, "19th", "1st": its end
 * (n filled), or 0. */
static size_t ordinal_day(const char *t, size_t len, size_t p,
			  struct num *n)
{
	size_t q = p;

	while (q < len && digit(t[q]) && q - p < 2)
		q++;
	if (q == p || q + 2 > len || trie_word_at(t, len, q + 2) ||
	    !((t[q] == 's' && t[q + 1] == 't') ||
	      (t[q] == 'n' && t[q + 1] == 'd') ||
	      (t[q] == 'r' && t[q + 1] == 'd') ||
	      (t[q] == 't' && t[q + 1] == 'h')))
		return 0;
	memset(n, 0, sizeof *n);
	n->value = n->lo = n->hi = atoi(t + p);
	n->digits = 1;
	n->ndigits = (int)(q - p);
	return valid_day(n->value) ? q + 2 : 0;
}

/* "the 19th of December", "19th of December 2023": a date.  Its end, or
 * 0. */
static size_t day_of_month(const struct figrules *r, const char *t,
			   size_t len, size_t p, struct figure *f)
{
	struct num n, yn;
	size_t q = ordinal_day(t, len, p, &n), g, m, y, y2;
	uint32_t v;

	if (q == 0 || (g = after_gap(t, len, q)) == 0 || g + 3 > len ||
	    memcmp(t + g, "of ", 3) != 0 ||
	    (m = trie_match(r->months, t, len, g + 3, &v)) == 0)
		return 0;
	memset(f, 0, sizeof *f);
	f->kind = FIG_DATE;
	f->day = (int)n.value;
	f->month = (int)r->scale[r->nscale + v];
	y = after_gap(t, len, m < len && t[m] == ',' ? m + 1 : m);
	if (y && (y2 = fig_read_digits(t, len, y, &yn)) && yn.ndigits == 4 &&
	    !yn.commas && yn.value >= 1800 && yn.value <= 2100) {
		f->year = (int)yn.value;
		return y2;
	}
	return m;
}

/* "Dec. 27", "December 27, 2024", "December 2024" */
/* "January and May", "March to June": the word [ws, we) joins two
 * months. */
static int month_pair(const struct figrules *r, const char *t, size_t ws,
		      size_t we)
{
	size_t ps;
	uint32_t v;

	if (!((we - ws == 3 && memcmp(t + ws, "and", 3) == 0) ||
	      (we - ws == 2 && memcmp(t + ws, "to", 2) == 0) ||
	      (we - ws == 2 && memcmp(t + ws, "or", 2) == 0)) ||
	    ws < 2 || t[ws - 1] != ' ')
		return 0;
	ps = letters_before(t, ws - 1);
	return ps < ws - 1 && trie_match(r->months, t, ws - 1, ps, &v) == ws - 1;
}

static size_t month_first(const struct figrules *r, const char *t,
			  size_t len, size_t p, struct figure *f)
{
	uint32_t v;
	size_t q = trie_match(r->months, t, len, p, &v), g, q2;
	struct num n;

	if (q == 0)
		return 0;
	g = after_gap(t, len, q);
	if (g == 0 || !digit(t[g])) {
		/* a month named alone after "in", "since", ...: "in April" */
		size_t w = p, ws;
		uint32_t mv = v, lv;

		if (t[p] < 'A' || t[p] > 'Z' || t[q - 1] == '.' || w < 2 ||
		    t[w - 1] != ' ')
			return 0;
		ws = letters_before(t, w - 1);
		if (ws == w - 1 ||
		    (trie_match(r->month_leads, t, w - 1, ws, &lv) != w - 1 &&
		     !month_pair(r, t, ws, w - 1)))
			return 0;
		memset(f, 0, sizeof *f);
		f->kind = FIG_DATE;
		f->month = (int)r->scale[r->nscale + mv];
		return q;
	}
	q2 = fig_read_digits(t, len, g, &n);
	if (q2 == 0)
		q2 = ordinal_day(t, len, g, &n); /* "December 19th" */
	if (q2 == 0 || n.commas)
		return 0;
	memset(f, 0, sizeof *f);
	f->kind = FIG_DATE;
	f->month = (int)r->scale[r->nscale + v];
	if (n.ndigits == 4) {
		f->year = (int)n.value;
		f->lo = f->hi = f->year;
		return q2;
	}
	if (!valid_day(n.value))
		return 0;
	f->day = (int)n.value;
	q = q2;
	if (q + 2 < len && t[q] == ',') {
		size_t y = after_gap(t, len, q + 1), y2;
		struct num yn;

		if (y && (y2 = fig_read_digits(t, len, y, &yn)) && yn.ndigits == 4) {
			f->year = (int)yn.value;
			q = y2;
		}
	}
	return q;
}

static size_t time_of_day(const char *t, size_t len, size_t p,
			  struct figure *f)
{
	size_t q = p;
	int h = 0, m;

	while (q < len && digit(t[q]) && q - p < 2)
		h = h * 10 + (t[q++] - '0');
	if (q == p || q + 2 >= len || t[q] != ':' || !digit(t[q + 1]) ||
	    !digit(t[q + 2]) || (q + 3 < len && digit(t[q + 3])))
		return 0;
	m = (t[q + 1] - '0') * 10 + (t[q + 2] - '0');
	if (h > 23 || m > 59)
		return 0;
	q += 3;
	memset(f, 0, sizeof *f);
	f->kind = FIG_TIME;
	{
		size_t g = after_gap(t, len, q);

		if (g && g + 3 < len &&
		    (t[g] == 'a' || t[g] == 'p' || t[g] == 'A' || t[g] == 'P') &&
		    t[g + 1] == '.' &&
		    (t[g + 2] == 'm' || t[g + 2] == 'M') && t[g + 3] == '.') {
			if ((t[g] == 'p' || t[g] == 'P') && h < 12)
				h += 12;
			q = g + 4;
		}
	}
	f->hour = h;
	f->minute = m;
	f->lo = f->hi = h * 100 + m;
	return q;
}

static int iso_date(const char *t, size_t len, size_t p, struct figure *f)
{
	int y, mo, d;

	if (p + 10 > len || !digit(t[p]) || !digit(t[p + 1]) ||
	    !digit(t[p + 2]) || !digit(t[p + 3]) || t[p + 4] != '-' ||
	    !digit(t[p + 5]) || !digit(t[p + 6]) || t[p + 7] != '-' ||
	    !digit(t[p + 8]) || !digit(t[p + 9]) ||
	    (p + 10 < len && trie_word_at(t, len, p + 10)))
		return 0;
	y = atoi(t + p);
	mo = (t[p + 5] - '0') * 10 + (t[p + 6] - '0');
	d = (t[p + 8] - '0') * 10 + (t[p + 9] - '0');
	if (mo < 1 || mo > 12 || d < 1 || d > 31)
		return 0;
	memset(f, 0, sizeof *f);
	f->kind = FIG_DATE;
	f->year = y;
	f->month = mo;
	f->day = d;
	f->lo = f->hi = y * 10000 + mo * 100 + d;
	return 1;
}

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
static size_t ordinal_at(const struct figrules *r, const char *t, size_t len,
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
	counted_phrase(r, t, len, t[q] == '-' ? q + 1 : g - 1, f);
	return t[q] == '-' ? superlative_end(t, len, q) : q;
}

/* A figure being read: where its number starts (p) and ends (q), what
 * came before it (a qualifier, a currency sign at sign), the number. */
struct reading {
	size_t p, q, sign;
	const char *qual, *cur;
	struct num n;
	int tally;
};

/* Does a time of day from p to q fill its line, with perhaps a time zone
 * in capitals after it ("5:43 P.M. EST" under a transcript's title): a
 * stamp, not a figure? */
static int time_stamp(const char *t, size_t len, size_t p, size_t q)
{
	size_t z;

	if (p > 0 && t[p - 1] != '\n')
		return 0;
	if (q < len && t[q] == ' ') {
		for (z = q + 1; z < len && isupper((unsigned char)t[z]); z++)
			;
		if (z - q - 1 >= 2 && z - q - 1 <= 4)
			q = z;
	}
	return q >= len || t[q] == '\n';
}

/* The forms that are not a number first: "the 75th", "December 27",
 * "2024-12-27", "12:01 p.m.".  Their end, or 0. */
static size_t read_special(const struct figrules *r, const char *t,
			   size_t len, size_t p, struct figure *f)
{
	size_t q;

	if ((q = ordinal_at(r, t, len, p, f)) != 0)
		return q;
	if ((q = day_of_month(r, t, len, p, f)) != 0)
		return q;
	if ((q = month_first(r, t, len, p, f)) != 0)
		return q;
	if (iso_date(t, len, p, f))
		return p + 10;
	return time_of_day(t, len, p, f);
}

/* A qualifier ("more than") and a currency sign ("$") before the
 * number: rd->p moves past them.  0 when a qualifier is not followed by
 * a gap (no figure). */
static int read_lead(const struct figrules *r, const char *t, size_t len,
		     struct reading *rd)
{
	size_t q, g;
	uint32_t v;

	q = trie_match(r->quals, t, len, rd->p, &v);
	if (q) {
		g = after_gap(t, len, q);
		if (g == 0)
			return 0;
		rd->qual = r->qual[v];
		rd->p = g;
	}
	q = trie_match(r->signs, t, len, rd->p, &v);
	if (q == 0 && trie_may_start(r->signs, (unsigned char)t[rd->p])) {
		/* signs are not words: match them without the boundary */
		size_t k;

		for (k = 1; k <= 3 && rd->p + k <= len; k++) {
			char *s = xstrndup(t + rd->p, k);
			size_t m = trie_match(r->signs, s, k, 0, &v);

			free(s);
			if (m == k && rd->p + k < len && digit(t[rd->p + k])) {
				q = rd->p + k;
				break;
			}
		}
	}
	if (q) {
		rd->cur = r->cur[v];
		rd->sign = rd->p;
		/* a sign in letters may stand apart: "EUR 34 billion", "Rs
		 * 1,800 crore" */
		if (q < len && t[q] == ' ' && isalpha((unsigned char)t[q - 1]))
			q = after_gap(t, len, q);
		rd->p = q;
	}
	return 1;
}

/* A number that is a date or a year: "27 December", "the 1990s",
 * "2019".  Its end, or 0. */
static size_t read_date_number(const struct figrules *r, const char *t,
			       size_t len, const struct reading *rd,
			       struct figure *f)
{
	const struct num *n = &rd->n;
	size_t q = rd->q, g, q2;
	uint32_t v;
	int bare = !rd->qual && !rd->cur;

	/* "27 December" */
	if (n->digits && n->ndigits <= 2 && valid_day(n->value) && bare &&
	    (g = after_gap(t, len, q)) != 0 &&
	    (q2 = trie_match(r->months, t, len, g, &v)) != 0) {
		size_t y, y2;
		struct num yn;

		f->kind = FIG_DATE;
		f->day = (int)n->value;
		f->month = (int)r->scale[r->nscale + v];
		/* and its year: "27 December 2024", "27 December, 2024" */
		y = after_gap(t, len, q2 < len && t[q2] == ',' ? q2 + 1 : q2);
		if (y && (y2 = fig_read_digits(t, len, y, &yn)) &&
		    yn.ndigits == 4 && !yn.commas && yn.value >= 1800 &&
		    yn.value <= 2100) {
			f->year = (int)yn.value;
			return y2;
		}
		return q2;
	}
	/* a decade: "the 1990s" */
	if (n->digits && n->ndigits == 4 && !n->commas && n->value >= 1800 &&
	    n->value <= 2090 && fmod(n->value, 10) == 0 && bare &&
	    q + 1 <= len && q < len && t[q] == 's' &&
	    !trie_word_at(t, len, q + 1)) {
		f->kind = FIG_YEAR;
		f->year = (int)n->value;
		f->lo = n->value;
		f->hi = n->value + 9;
		f->range = 1;
		return q + 1;
	}
	/* a year */
	if (n->digits && n->ndigits == 4 && !n->commas && n->value >= 1800 &&
	    n->value <= 2100 && n->value == floor(n->value) && bare &&
	    !(q < len && t[q] == '-' && q + 1 < len && digit(t[q + 1]))) {
		g = after_gap(t, len, q);
		if (!(g && trie_match(r->scales, t, len, g, &v))) {
			f->kind = FIG_YEAR;
			f->year = (int)n->value;
			return q;
		}
	}
	return 0;
}

/* Is the word before p "between" ("between 20 and 30")? */
static int after_between(const char *t, size_t p)
{
	size_t we = p, ws;

	while (we > 0 && t[we - 1] == ' ')
		we--;
	ws = letters_before(t, we);
	return we == p - 1 && we - ws == 7 &&
	       strncasecmp(t + ws, "between", 7) == 0;
}

/* A second number after the first: a range ("20 to 30", "20-30", "two
 * or three", "between 20 and 30", "$330 billion to $450 billion") or a
 * tally ("by a vote of 79 to 18", "a 3-1 win").  rd->q moves past it. */
static void read_second(const struct figrules *r, const char *t, size_t len,
			struct reading *rd, struct figure *f)
{
	struct num *n = &rd->n, n2;
	size_t q = rd->q, j = 0, g, q2 = 0;

	if (q + 1 < len && (t[q] == '-') && digit(t[q + 1]) && n->digits)
		j = q + 1;
	else if (q + 3 < len && (unsigned char)t[q] == 0xE2 &&
		 (unsigned char)t[q + 1] == 0x80 &&
		 ((unsigned char)t[q + 2] == 0x93 ||
		  (unsigned char)t[q + 2] == 0x94))
		j = q + 3;
	else if ((g = after_gap(t, len, q)) != 0 && g + 3 < len &&
		 ((t[g] == 't' && t[g + 1] == 'o' && t[g + 2] == ' ') ||
		  (t[g] == 'o' && t[g + 1] == 'r' && t[g + 2] == ' ' &&
		   !n->digits)))
		j = g + 3;
	else if (g != 0 && g + 4 < len && memcmp(t + g, "and ", 4) == 0 &&
		 after_between(t, rd->cur ? rd->sign : rd->p))
		j = g + 4;
	/* "$330 billion to $450 billion": the same sign again */
	if (j && rd->cur && j + (rd->p - rd->sign) < len &&
	    memcmp(t + j, t + rd->sign, rd->p - rd->sign) == 0)
		j += rd->p - rd->sign;
	if (j && (q2 = fig_read_number(r, t, len, j, &n2)) != 0 &&
	    n2.hi > n->lo) {
		f->range = 1;
		f->hi = n2.hi;
		rd->q = q2;
		n->weak = 0;
	} else if (j && q2 && n->digits && n2.digits && !rd->qual &&
		   n2.hi <= n->lo && n->ndigits <= 3 && n2.ndigits <= 3) {
		/* "by a vote of 79 to 18", "a 3-1 win": a tally */
		rd->tally = 1;
		f->hi = n2.hi;
		rd->q = q2;
		n->weak = 0;
	}
}

/* Does a span of time (durations) follow the weak whole number of rd that
 * ends at q: "one week", "a few weeks ago", "for several months"?  Not
 * after a fraction ("a third day"), nor a vague one after "in": "in a
 * couple of hours" says when something is to come, no span counted. */
static int duration_follows(const struct figrules *r, const char *t,
			    size_t len, const struct reading *rd, size_t q)
{
	size_t g = after_gap(t, len, q), p = rd->p;
	uint32_t v;

	if (rd->n.vague && p >= 3 && (t[p - 3] == 'i' || t[p - 3] == 'I') &&
	    t[p - 2] == 'n' && t[p - 1] == ' ' &&
	    (p == 3 || !trie_word_before(t, p - 3)))
		return 0;
	return rd->n.lo >= 1 && g != 0 &&
	       trie_match(r->durations, t, len, g, &v) != 0;
}

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
static int share_of(const struct figrules *r, const char *t, size_t len,
		    const struct reading *rd)
{
	size_t g = after_gap(t, len, rd->q);

	if (rd->n.digits || rd->n.value <= 0 || rd->n.value >= 1 ||
	    after_part_word(r, t, rd->p))
		return 0;
	if (g && of_at(t, len, g))
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
static int of_phrase(const struct figrules *r, const char *t, size_t len,
		     size_t q, struct figure *f, int whole)
{
	size_t g = after_gap(t, len, q), p, w, e, k, pe;
	uint32_t v;
	int named = 0;

	if (!of_at(t, len, g))
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
		    (e = read_word(t, len, g)) == g)
			break;
		if ((pe = possessive_end(t, len, g, e)) != 0) {
			p = pe;
			named = 1;
			break;
		}
	}
	if (whole && !named)
		return 0;
	counted_phrase(r, t, len, p, f);
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
static size_t one_in(const struct figrules *r, const char *t, size_t len,
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
static int thing_named(const struct figrules *r, const char *t, size_t len,
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
static size_t fraction_of_unit(const struct figrules *r, const char *t,
			       size_t len, const struct reading *rd,
			       struct figure *f)
{
	size_t g = after_gap(t, len, rd->q), e;
	uint32_t v;

	if (rd->n.digits || rd->n.vague || rd->n.value <= 0 ||
	    rd->n.value >= 1 || g == 0)
		return 0;
	if (of_at(t, len, g) && (g = after_gap(t, len, g + 2)) == 0)
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

/* What follows the number says its kind: "%", "per cent", a currency
 * word, a unit ("five-day"), what it counts ("10,000 troops", "274.8
 * kg").  The figure's end, or 0 for a lone "one" that counts nothing. */
static size_t read_what(const struct figrules *r, const char *t, size_t len,
			const struct reading *rd, struct figure *f)
{
	size_t q = rd->q, g, q2;
	uint32_t v;

	if ((g = after_gap(t, len, q)) == 0)
		g = q;
	if (q < len && t[q] == '%') {
		f->kind = FIG_PERCENT;
		of_phrase(r, t, len, q + 1, f, 0);
		return q + 1;
	}
	if ((q2 = trie_match(r->percent, t, len, g, &v)) != 0 && g > q) {
		f->kind = FIG_PERCENT;
		of_phrase(r, t, len, q2, f, 0);
		return q2;
	}
	if ((q2 = trie_match(r->curwords, t, len, g, &v)) != 0 && g > q) {
		f->kind = FIG_MONEY;
		f->currency = r->cur[v];
		return q2;
	}
	if (rd->cur) {
		f->kind = FIG_MONEY;
		return q;
	}
	f->kind = rd->tally ? FIG_TALLY : FIG_COUNT;
	/* "five-day": a unit joined by a hyphen (not after a fraction: "a
	 * third-party vendor") */
	if (q + 1 < len && t[q] == '-' && rd->n.value >= 1 &&
	    (q2 = trie_match(r->units, t, len, q + 1, &v)) != 0) {
		f->unit = r->unit[v];
		f->counts_start = q + 1;
		f->counts_end = q2;
		return q2;
	}
	if ((q2 = fraction_of_unit(r, t, len, rd, f)) != 0)
		return q2;
	if (rd->n.counts && !(rd->n.weak && !rd->qual)) {
		f->unit = rd->n.counts;
		return q;
	}
	if ((q2 = one_in(r, t, len, rd, &f->lo)) != 0) {
		f->kind = FIG_PERCENT;
		f->hi = f->lo;
		of_phrase(r, t, len, q2, f, 0);
		return q2;
	}
	/* "one" alone is a figure only before a person or thing counted:
	 * "one man was killed", "one anti-ship cruise missile", not "one of
	 * the" */
	if (share_of(r, t, len, rd)) {
		/* "roughly a third of the territory": a share, in per cent */
		f->kind = FIG_PERCENT;
		f->lo = floor(f->lo * 100 + 0.5);
		f->hi = floor(f->hi * 100 + 0.5);
		of_phrase(r, t, len, q, f, 0);
		return q;
	}
	if (rd->n.weak && !rd->qual && !singular_follows(r, t, len, q) &&
	    !duration_follows(r, t, len, rd, q))
		return 0;
	/* "111 of the aircraft": a part of a whole named */
	if (of_phrase(r, t, len, q, f, 1))
		return q;
	counted_phrase(r, t, len, q, f);
	/* a measure takes its unit in: "274.8 kg", "12 years" */
	if (f->counts_end > f->counts_start &&
	    f->counts_start == after_gap(t, len, q) &&
	    (trie_match(r->units, t, len, f->counts_start, &v) ==
		     f->counts_end ||
	     trie_match(r->timeunits, t, len, f->counts_start, &v) ==
		     f->counts_end))
		return f->counts_end;
	/* a measure before a word that says what it measures: "roughly 40
	 * feet long", "12 inches wide" count the unit (not "35 member
	 * states", which count a thing named after it) */
	if (f->counts_end > f->counts_start && rd->n.value >= 1 &&
	    f->counts_start == after_gap(t, len, q) &&
	    (q2 = trie_match(r->units, t, len, f->counts_start, &v)) != 0 &&
	    q2 < f->counts_end &&
	    trie_match(r->timeunits, t, len, f->counts_start, &v) == 0 &&
	    !thing_named(r, t, len, f->counts_end)) {
		f->counts_end = q2;
		return q2;
	}
	return q;
}

int figure_counts_back(const struct figrules *r, const char *text,
		       size_t len, size_t pos, size_t end)
{
	size_t we = pos, ws, g = after_gap(text, len, end), ge = g;
	uint32_t v;

	/* "about a third of them" */
	if (of_at(text, len, g) &&
	    (ws = after_gap(text, len, g + 2)) != 0 &&
	    trie_match(r->pronouns, text, len, ws, &v) != 0)
		return 2;

	/* "nine dead and 14 wounded": a state of its own, not "dead" */
	while (g && ge < len && isalpha((unsigned char)text[ge]))
		ge++;
	if (g && ge - g > 3 && text[ge - 2] == 'e' && text[ge - 1] == 'd')
		return 0;
	while (we > 0 && (text[we - 1] == ' ' || text[we - 1] == '\n'))
		we--;
	if (we == pos)
		return 0;
	ws = letters_before(text, we);
	return ws < we && trie_match(r->back, text, we, ws, &v) == we;
}

size_t figure_at(const struct figrules *r, const char *t, size_t len,
		 size_t pos, struct figure *f)
{
	struct reading rd = {0};
	size_t q;

	memset(f, 0, sizeof *f);
	if ((q = read_special(r, t, len, pos, f)) != 0)
		return f->kind == FIG_TIME && time_stamp(t, len, pos, q) ? 0 : q;
	rd.p = pos;
	if (!read_lead(r, t, len, &rd))
		return 0;
	/* "around 7:30": a qualifier before a time of day, which stays
	 * whole (not "around 7") */
	if (rd.p > pos && rd.cur == NULL &&
	    (q = time_of_day(t, len, rd.p, f)) != 0) {
		f->qual = rd.qual;
		return q;
	}
	/* "under 8 U.S.C. 1189": a qualifier before a label */
	if (rd.p > pos && rd.cur == NULL && digit(t[rd.p]) &&
	    fig_label_digits(r, t, len, rd.p))
		return 0;
	rd.q = fig_read_number(r, t, len, rd.p, &rd.n);
	if (rd.q == 0)
		return 0;
	/* a sign of letters joined to a small number is a label's: "P5",
	 * not "P1 million" */
	if (rd.cur && isalpha((unsigned char)t[rd.sign]) &&
	    isalpha((unsigned char)t[rd.p - 1]) && rd.n.value < 1000)
		return 0;
	memset(f, 0, sizeof *f);
	f->qual = rd.qual;
	f->currency = rd.cur;
	f->lo = rd.n.lo;
	f->hi = rd.n.hi;
	f->vague = rd.n.vague;
	if ((q = read_date_number(r, t, len, &rd, f)) != 0)
		return q;
	read_second(r, t, len, &rd, f);
	return read_what(r, t, len, &rd, f);
}

static void fmt_num(double v, char *out, size_t n)
{
	if (v == floor(v) && fabs(v) < 1e15)
		snprintf(out, n, "%.0f", v);
	else
		snprintf(out, n, "%g", v);
}

void figure_format(const struct figure *f, char *out, size_t n)
{
	char a[48], b[48];

	switch (f->kind) {
	case FIG_DATE:
		if (f->year && f->day)
			snprintf(out, n, "%04d-%02d-%02d", f->year, f->month,
				 f->day);
		else if (f->year)
			snprintf(out, n, "%04d-%02d", f->year, f->month);
		else if (f->day)
			snprintf(out, n, "--%02d-%02d", f->month, f->day);
		else if (f->month)
			snprintf(out, n, "--%02d", f->month);
		else /* a day of the week alone: 1 Monday to 7 Sunday */
			snprintf(out, n, "weekday %d", (int)f->lo);
		return;
	case FIG_TIME:
		snprintf(out, n, "%02d:%02d", f->hour, f->minute);
		return;
	case FIG_YEAR:
		snprintf(out, n, f->range ? "%ds" : "%d", f->year);
		return;
	case FIG_ORDINAL: {
		long k = (long)f->lo;
		const char *sfx = k % 100 >= 11 && k % 100 <= 13 ? "th"
				  : k % 10 == 1		 ? "st"
				  : k % 10 == 2		 ? "nd"
				  : k % 10 == 3		 ? "rd"
							 : "th";

		snprintf(out, n, "%ld%s", k, sfx);
		return;
	}
	case FIG_TALLY:
		fmt_num(f->lo, a, sizeof a);
		fmt_num(f->hi, b, sizeof b);
		snprintf(out, n, "%s to %s", a, b);
		return;
	default:
		break;
	}
	fmt_num(f->lo, a, sizeof a);
	fmt_num(f->hi, b, sizeof b);
	snprintf(out, n, "%s%s%s%s%s%s%s", f->qual ? f->qual : "",
		 f->qual ? " " : "", f->currency ? f->currency : "",
		 f->currency ? " " : "", a, f->lo != f->hi ? "-" : "",
		 f->lo != f->hi ? b : "");
	if (f->kind == FIG_PERCENT && strlen(out) + 1 < n)
		strcat(out, "%");
}

const char *figure_kind_counts(const struct figure *f)
{
	switch (f->kind) {
	case FIG_MONEY:
		return "money";
	case FIG_PERCENT:
		return "percent";
	case FIG_YEAR:
		return "year";
	case FIG_DATE:
		return "date";
	case FIG_TIME:
		return "time";
	case FIG_TALLY:
		return "tally";
	default:
		return f->unit;
	}
}
