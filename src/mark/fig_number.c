/* fig_number: numbers in digits and in words, by the English grammar
 * ("four hundred forty-seven", "one and a half million", "two dozen"),
 * and a number in words repeated in digits in brackets. */
#include "fig_priv.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Digits: 1,234,567 or 1234 or 3.5.  Returns the end or 0. */
size_t fig_read_digits(const char *t, size_t len, size_t p, struct num *n)
{
	size_t q = p, groups = 0;
	char tmp[64];
	size_t k = 0;

	while (q < len && digit(t[q]) && k < 40)
		tmp[k++] = t[q++];
	if (k == 0)
		return 0;
	n->ndigits = (int)k;
	if (k <= 3)
		while (q + 3 < len && t[q] == ',' &&
		       digit(t[q + 1]) && digit(t[q + 2]) && digit(t[q + 3]) &&
		       !(q + 4 < len && digit(t[q + 4]))) {
			memcpy(tmp + k, t + q + 1, 3);
			k += 3;
			q += 4;
			groups++;
			if (k > 40)
				break;
		}
	if (q + 1 < len && t[q] == '.' && digit(t[q + 1])) {
		tmp[k++] = '.';
		q++;
		while (q < len && digit(t[q]) && k < 60)
			tmp[k++] = t[q++];
	}
	tmp[k] = '\0';
	/* "18th", "3D", "5G": not a plain number; but "1990s" is a decade,
	 * read by the caller */
	if (q < len && trie_word_at(t, len, q) &&
	    !(k == 4 && groups == 0 && t[q] == 's' && tmp[3] == '0' &&
	      !trie_word_at(t, len, q + 1)))
		return 0;
	n->value = n->lo = n->hi = strtod(tmp, NULL);
	n->digits = 1;
	n->commas = (int)groups;
	return q;
}

/* A number word at p ("forty" of "forty-five": the trie stops at the
 * hyphen); its index in r->num in *v.  The end, or 0. */
static size_t number_word(const struct figrules *r, const char *t,
			  size_t len, size_t p, uint32_t *v)
{
	size_t q = trie_match(r->numbers, t, len, p, v), h = p;
	char *w;

	if (q != 0)
		return q;
	while (h < len && t[h] != '-' && trie_word_at(t, len, h))
		h++;
	if (h >= len || t[h] != '-' || h == p)
		return 0;
	w = xstrndup(t + p, h - p);
	q = trie_match(r->numbers, w, h - p, 0, v);
	free(w);
	return q == h - p ? h : 0;
}

/* Is number word v a whole number below 100 said plainly ("seven",
 * "forty"), not "dozens", "a third" or "a decade"? */
static int plain_word(const struct figrules *r, uint32_t v)
{
	const struct numword *w = &r->num[v];

	return !w->vague && !w->counts && w->lo == w->hi && w->value >= 1 &&
	       w->value < 100 && w->value == floor(w->value);
}

/* A number below 100 in words at p: "seven", "forty-seven", "twenty
 * five".  Its end and value, or 0. */
static size_t small_words(const struct figrules *r, const char *t,
			  size_t len, size_t p, double *val)
{
	uint32_t v, u;
	size_t q = number_word(r, t, len, p, &v), q2;

	if (q == 0 || !plain_word(r, v))
		return 0;
	*val = r->num[v].value;
	if (*val >= 20 && fmod(*val, 10) == 0 && q + 1 < len &&
	    (t[q] == '-' || t[q] == ' ') &&
	    (q2 = trie_match(r->numbers, t, len, q + 1, &u)) != 0 &&
	    plain_word(r, u) && r->num[u].value <= 9) {
		*val += r->num[u].value;
		q = q2;
	}
	return q;
}

/* "and" then a space at g: where the next word starts, or 0. */
static size_t and_at(const char *t, size_t len, size_t g)
{
	return g + 4 < len && memcmp(t + g, "and ", 4) == 0 ? g + 4 : 0;
}

/* The rest of a number in words after its first part (value n->value,
 * ending at q): "four hundred forty-seven", "two thousand five
 * hundred", "one hundred and five", "one and a half million", "two
 * dozen".  Returns the end. */
static size_t words_on(const struct figrules *r, const char *t, size_t len,
		       size_t q, struct num *n)
{
	double total = 0, group = n->value, big = 0, s, val;
	int scaled = 0, half = 0;
	size_t g, q2, a;
	uint32_t v;

	for (;;) {
		g = after_gap(t, len, q);
		if (g == 0 && q + 1 < len && t[q] == '-')
			g = q + 1;
		if (g == 0)
			break;
		if ((q2 = trie_match(r->scales, t, len, g, &v)) != 0) {
			s = r->scale[v];
			if (group == 0 || (s < 1000 && group >= 100) ||
			    (s >= 1000 && big != 0 && s >= big))
				break;
			if (s < 1000) {
				group *= s;
			} else {
				total += group * s;
				group = 0;
				big = s;
			}
			scaled = 1;
			q = q2;
			continue;
		}
		if ((a = and_at(t, len, g)) != 0 && !half && !scaled &&
		    group > 0 && group < 100 && a + 6 <= len &&
		    memcmp(t + a, "a half", 6) == 0 &&
		    !trie_word_at(t, len, a + 6)) {
			/* "one and a half million", "two and a half years" */
			group += 0.5;
			half = 1;
			q = a + 6;
			continue;
		}
		if (!scaled || fmod(group, 100) != 0)
			break;
		if (a == 0)
			a = g;
		q2 = small_words(r, t, len, a, &val);
		/* not "two hundred one-way drones", not "three hundred and
		 * two hundred" */
		if (q2 == 0 || (q2 < len && t[q2] == '-') ||
		    (a != g && (g = after_gap(t, len, q2)) != 0 &&
		     trie_match(r->scales, t, len, g, &v) != 0))
			break;
		group += val;
		scaled = 0;
		q = q2;
	}
	if (total + group != n->value) {
		n->value = n->lo = n->hi = total + group;
		n->weak = 0;
	}
	return q;
}

/* A number in words repeated in digits in brackets, "forty-seven (47)":
 * the end of the brackets when their value is the words', else q. */
static size_t repeated_digits(const char *t, size_t len, size_t q,
			      const struct num *n)
{
	struct num d;
	size_t g = after_gap(t, len, q), e;

	if (g == 0 || t[g] != '(' || g + 1 >= len)
		return q;
	memset(&d, 0, sizeof d);
	e = fig_read_digits(t, len, g + 1, &d);
	if (e == 0 || e >= len || t[e] != ')' || d.value != n->value)
		return q;
	return e + 1;
}

/* A number written in digits or words, with scale words after it
 * ("3.5 million", "forty-five", "four hundred forty-seven (447)"). */
size_t fig_read_number(const struct figrules *r, const char *t,
			  size_t len, size_t p, struct num *n)
{
	size_t q, g;
	uint32_t v;

	memset(n, 0, sizeof *n);
	q = fig_read_digits(t, len, p, n);
	if (q == 0 && (q = small_words(r, t, len, p, &n->value)) != 0) {
		/* a cardinal in words */
		n->lo = n->hi = n->value;
		n->weak = q == trie_match(r->numbers, t, len, p, &v) &&
			  r->num[v].weak;
		return repeated_digits(t, len, words_on(r, t, len, q, n), n);
	}
	if (q == 0 && p + 2 < len && (t[p] == 'a' || t[p] == 'A') &&
	    t[p + 1] == ' ' && (g = trie_match(r->scales, t, len, p + 2, &v)) &&
	    r->scale[v] >= 100) {
		/* "a hundred", "a million" */
		n->value = 1;
		return words_on(r, t, len, p + 1, n);
	}
	if (q == 0) {
		q = number_word(r, t, len, p, &v);
		if (q == 0)
			return 0;
		n->value = r->num[v].value;
		n->lo = r->num[v].lo;
		n->hi = r->num[v].hi;
		n->weak = r->num[v].weak;
		n->vague = r->num[v].vague;
		n->counts = r->num[v].counts;
		/* a span and a half: "a day and a half", "a year and a
		 * half" */
		if (n->counts && (g = after_gap(t, len, q)) != 0 &&
		    (g = and_at(t, len, g)) != 0 && g + 6 <= len &&
		    memcmp(t + g, "a half", 6) == 0 &&
		    !trie_word_at(t, len, g + 6)) {
			n->value += 0.5;
			n->lo += 0.5;
			n->hi += 0.5;
			n->weak = 0;
			return g + 6;
		}
	}
	/* scale words: "million", "hundred thousand" */
	for (;;) {
		g = after_gap(t, len, q);
		if (g == 0 && q < len && t[q] == '-')
			g = q + 1;
		if (g == 0)
			break;
		{
			size_t q2 = trie_match(r->scales, t, len, g, &v);

			if (q2 == 0)
				break;
			n->value *= r->scale[v];
			n->lo *= r->scale[v];
			n->hi *= r->scale[v];
			n->weak = 0;
			q = q2;
		}
	}
	return q;
}
