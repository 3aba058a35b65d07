/* figure: a small scanner for figures, driven by the word lists of
 * fig_rules.c. */
#include "fig_priv.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static int digit(char c)
{
	return c >= '0' && c <= '9';
}

static size_t skip_spaces(const char *t, size_t len, size_t p)
{
	while (p < len && (t[p] == ' ' || t[p] == '\n' || t[p] == '\t'))
		p++;
	return p;
}

/* One space (or line break) then a word: returns where the word starts,
 * or 0 when there is no such gap. */
static size_t after_gap(const char *t, size_t len, size_t p)
{
	size_t q = skip_spaces(t, len, p);

	return q > p && q < len ? q : 0;
}

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

/* Digits after a capitalised word and a hyphen name something ("Tu-95",
 * "G-7", "COVID-19"), and digits after digits and a hyphen end another
 * figure: they do not start a figure. */
/* The start of the run of ASCII letters that ends at t[end - 1] (end
 * itself when there is none). */
static size_t letters_before(const char *t, size_t end)
{
	while (end > 0 && isalpha((unsigned char)t[end - 1]))
		end--;
	return end;
}

static int has_upper(const char *t, size_t s, size_t e)
{
	for (; s < e; s++)
		if (isupper((unsigned char)t[s]))
			return 1;
	return 0;
}

static int designation_digits(const char *text, size_t pos)
{
	if (pos < 2 || text[pos - 1] != '-')
		return 0;
	if (isdigit((unsigned char)text[pos - 2]))
		return 1; /* the end of "2022-23", read with its start */
	return has_upper(text, letters_before(text, pos - 1), pos - 1);
}

/* Is the word before pos one of number_labels ("Resolution 2722",
 * "Article 5"): the number names, it does not count? */
static int after_label(const struct figrules *r, const char *text,
		       size_t pos)
{
	size_t ws;
	uint32_t v;

	if (pos < 3 || text[pos - 1] != ' ')
		return 0;
	ws = pos - 1;
	while (ws > 0 && (isalpha((unsigned char)text[ws - 1]) ||
			  text[ws - 1] == '.'))
		ws--;
	return ws < pos - 1 &&
	       trie_match(r->labels, text, pos - 1, ws, &v) == pos - 1;
}

/* The end of the run of digits at p (p when there is none). */
static size_t digits_end(const char *t, size_t len, size_t p)
{
	while (p < len && digit(t[p]))
		p++;
	return p;
}

/* Are there n digits at p, then the character c (0: anything)? */
static int digits_then(const char *t, size_t len, size_t p, size_t n,
		       char c)
{
	return digits_end(t, len, p) == p + n &&
	       (c == 0 || (p + n < len && t[p + n] == c));
}

/* Digits at pos that are a code, not a figure: three groups joined by
 * hyphens ("703-604-6618"), a group written with a leading zero ("09-45",
 * "26-01"), a telephone number with its area code in brackets ("(703)
 * 697-5131"). */
static int code_digits(const char *t, size_t len, size_t pos)
{
	size_t q = pos, s, groups = 0;
	int lead0 = 0;

	for (;;) {
		s = q;
		q = digits_end(t, len, q);
		lead0 |= q - s >= 2 && t[s] == '0';
		groups++;
		if (q + 1 < len && t[q] == '-' && digit(t[q + 1]))
			q++;
		else
			break;
	}
	if (groups >= 3 || lead0)
		return 1;
	if (pos >= 1 && t[pos - 1] == '(' && digits_then(t, len, pos, 3, ')') &&
	    pos + 5 < len && t[pos + 4] == ' ' &&
	    digits_then(t, len, pos + 5, 3, '-') &&
	    digits_then(t, len, pos + 9, 4, 0))
		return 1;
	return pos >= 6 && t[pos - 1] == ' ' && t[pos - 2] == ')' &&
	       t[pos - 6] == '(' && digits_then(t, len, pos - 5, 3, ')') &&
	       digits_then(t, len, pos, 3, '-') &&
	       digits_then(t, len, pos + 4, 4, 0);
}

/* Is the word before pos a short one in capitals ("DDG 64", "VP 4"), a
 * hull or a unit, and the text after the digits not in capitals too (a
 * headline in capitals: "SEND 500 TROOPS")? */
static int after_capitals(const char *t, size_t len, size_t pos)
{
	size_t ws, e = digits_end(t, len, pos);

	if (pos < 3 || t[pos - 1] != ' ')
		return 0;
	for (ws = pos - 1; ws > 0 && isupper((unsigned char)t[ws - 1]); ws--)
		;
	if (pos - 1 - ws < 2 || pos - 1 - ws > 4 ||
	    (ws > 0 && t[ws - 1] != ' ' && t[ws - 1] != '(' &&
	     t[ws - 1] != '\n'))
		return 0;
	return !(e + 1 < len && t[e] == ' ' && isupper((unsigned char)t[e + 1]) &&
		 (e + 2 >= len || !islower((unsigned char)t[e + 2])));
}

/* "M939 5 Ton truck": a capitalised unit after the digits, in a name. */
static int unit_in_name(const struct figrules *r, const char *t, size_t len,
			size_t pos)
{
	size_t e = digits_end(t, len, pos);
	uint32_t v;

	return pos >= 2 && t[pos - 1] == ' ' &&
	       (isupper((unsigned char)t[pos - 2]) || digit(t[pos - 2])) &&
	       e + 1 < len && t[e] == ' ' && isupper((unsigned char)t[e + 1]) &&
	       trie_match(r->units, t, len, e + 1, &v) != 0;
}

int figure_may_start(const struct figrules *r, const char *text, size_t len,
		     size_t pos)
{
	unsigned char c = (unsigned char)text[pos];

	if (digit((char)c))
		return !trie_word_before(text, pos) &&
		       !designation_digits(text, pos) &&
		       !after_label(r, text, pos) &&
		       !code_digits(text, len, pos) &&
		       !after_capitals(text, len, pos) &&
		       !unit_in_name(r, text, len, pos);
	if (trie_may_start(r->signs, c))
		return !trie_word_before(text, pos);
	/* a capitalised number word after a capitalised word is part of a
	 * name: "World War Two", "Ocean's Eleven"; so is one in mid-sentence
	 * before a capitalised word: "the Six Assurances" */
	if (c >= 'A' && c <= 'Z' && pos >= 3 && text[pos - 1] == ' ' &&
	    (isalpha((unsigned char)text[pos - 2]) || text[pos - 2] == ',')) {
		size_t b = letters_before(text, pos - 1);
		uint32_t v;
		size_t q = trie_match(r->numbers, text, len, pos, &v);

		if (q != 0 && (isupper((unsigned char)text[b]) ||
			       (q + 1 < len && text[q] == ' ' &&
				isupper((unsigned char)text[q + 1]))))
			return 0;
	}
	{
		uint32_t v;

		return trie_may_start2(r->starters, text, len, pos) &&
		       trie_word_start(text, pos, len) &&
		       trie_match(r->starters, text, len, pos, &v) != 0;
	}
}

struct num {
	double value, lo, hi;
	int weak, vague, digits, ndigits, commas;
	const char *counts;
};

/* Digits: 1,234,567 or 1234 or 3.5.  Returns the end or 0. */
static size_t read_digits(const char *t, size_t len, size_t p, struct num *n)
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
	e = read_digits(t, len, g + 1, &d);
	if (e == 0 || e >= len || t[e] != ')' || d.value != n->value)
		return q;
	return e + 1;
}

/* A number written in digits or words, with scale words after it
 * ("3.5 million", "forty-five", "four hundred forty-seven (447)"). */
static size_t read_number(const struct figrules *r, const char *t,
			  size_t len, size_t p, struct num *n)
{
	size_t q, g;
	uint32_t v;

	memset(n, 0, sizeof *n);
	q = read_digits(t, len, p, n);
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

/* The noun phrase after a figure: up to four words, up to the first
 * stop word; the last word read is its head. */
static void counted_phrase(const struct figrules *r, const char *t,
			   size_t len, size_t p, struct figure *f)
{
	size_t g, q, words = 0;
	uint32_t v;

	/* "dozens of drones", "thousands of troops" */
	if (f->vague && (g = after_gap(t, len, p)) != 0 && g + 2 < len &&
	    t[g] == 'o' && t[g + 1] == 'f' && t[g + 2] == ' ')
		p = g + 2;
	while (words < 4) {
		g = after_gap(t, len, p);
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
		p = q;
		words++;
		/* a word of time or a plural-looking head ends the phrase */
		if (trie_match(r->timeunits, t, len, g, &v) == q)
			break;
		if (q - g > 3 && t[q - 1] == 's' && t[q - 2] != 's')
			break;
		if (trie_match(r->nouns, t, len, g, &v) == q)
			break;
	}
	/* "350 U.S., Ukrainian, and European representatives": a list of
	 * names before the head, which is too far to tell */
	q = f->counts_end;
	if (words > 0 && q + 1 < len && t[q] == '.')
		q++; /* "U.S.," */
	if (words > 0 && q + 2 < len && t[q] == ',' && t[q + 1] == ' ' &&
	    t[q + 2] >= 'A' && t[q + 2] <= 'Z') {
		size_t h = f->counts_end;

		while (h > f->counts_start && t[h - 1] != ' ')
			h--;
		if (t[h] >= 'A' && t[h] <= 'Z')
			f->counts_start = f->counts_end = 0;
	}
}

static int valid_day(double d)
{
	return d >= 1 && d <= 31 && d == floor(d);
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
	q2 = read_digits(t, len, g, &n);
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

		if (y && (y2 = read_digits(t, len, y, &yn)) && yn.ndigits == 4) {
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

/* An ordinal is a figure when it counts: after a determiner or a
 * possessive and before a word that describes what it counts ("a third
 * straight day", "Iran's second direct strike", "the 75th anniversary");
 * not "a third of", not "the 11th Army Corps".  ("first" is not in the
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
		g = after_gap(t, len, q);
	if (g == 0 || !(t[g] >= 'a' && t[g] <= 'z') ||
	    trie_match(r->stops, t, len, g, &v) != 0 ||
	    !ordinal_lead(r, t, p))
		return 0;
	memset(f, 0, sizeof *f);
	f->kind = FIG_ORDINAL;
	f->lo = f->hi = n;
	counted_phrase(r, t, len, t[q] == '-' ? q + 1 : q, f);
	return q;
}

/* A figure being read: where its number starts (p) and ends (q), what
 * came before it (a qualifier, a currency sign at sign), the number. */
struct reading {
	size_t p, q, sign;
	const char *qual, *cur;
	struct num n;
	int tally;
};

/* The forms that are not a number first: "the 75th", "December 27",
 * "2024-12-27", "12:01 p.m.".  Their end, or 0. */
static size_t read_special(const struct figrules *r, const char *t,
			   size_t len, size_t p, struct figure *f)
{
	size_t q;

	if ((q = ordinal_at(r, t, len, p, f)) != 0)
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
		f->kind = FIG_DATE;
		f->day = (int)n->value;
		f->month = (int)r->scale[r->nscale + v];
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

/* A second number after the first: a range ("20 to 30", "20-30", "two
 * or three", "$330 billion to $450 billion") or a tally ("by a vote of
 * 79 to 18", "a 3-1 win").  rd->q moves past it. */
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
	/* "$330 billion to $450 billion": the same sign again */
	if (j && rd->cur && j + (rd->p - rd->sign) < len &&
	    memcmp(t + j, t + rd->sign, rd->p - rd->sign) == 0)
		j += rd->p - rd->sign;
	if (j && (q2 = read_number(r, t, len, j, &n2)) != 0 &&
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

/* A fraction in words before "of": "a third of the budget", "two-thirds
 * of the troops" (not "a third straight day"). */
static int share_of(const char *t, size_t len, const struct reading *rd)
{
	size_t g = after_gap(t, len, rd->q);

	return !rd->n.digits && rd->n.value > 0 && rd->n.value < 1 && g &&
	       g + 3 < len && memcmp(t + g, "of ", 3) == 0;
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
		return q + 1;
	}
	if ((q2 = trie_match(r->percent, t, len, g, &v)) != 0 && g > q) {
		f->kind = FIG_PERCENT;
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
	/* "five-day": a unit joined by a hyphen */
	if (q + 1 < len && t[q] == '-' &&
	    (q2 = trie_match(r->units, t, len, q + 1, &v)) != 0) {
		f->unit = r->unit[v];
		f->counts_start = q + 1;
		f->counts_end = q2;
		return q2;
	}
	if (rd->n.counts && !(rd->n.weak && !rd->qual)) {
		f->unit = rd->n.counts;
		return q;
	}
	/* "one" alone is a figure only before a person or thing counted:
	 * "one man was killed", "one anti-ship cruise missile", not "one of
	 * the" */
	if (rd->n.weak && !rd->qual && !singular_follows(r, t, len, q) &&
	    !share_of(t, len, rd))
		return 0;
	counted_phrase(r, t, len, q, f);
	/* a measure takes its unit in: "274.8 kg", "12 years" */
	if (f->counts_end > f->counts_start &&
	    f->counts_start == after_gap(t, len, q) &&
	    (trie_match(r->units, t, len, f->counts_start, &v) ==
		     f->counts_end ||
	     trie_match(r->timeunits, t, len, f->counts_start, &v) ==
		     f->counts_end))
		return f->counts_end;
	return q;
}

size_t figure_at(const struct figrules *r, const char *t, size_t len,
		 size_t pos, struct figure *f)
{
	struct reading rd = {0};
	size_t q;

	memset(f, 0, sizeof *f);
	if ((q = read_special(r, t, len, pos, f)) != 0)
		return q;
	rd.p = pos;
	if (!read_lead(r, t, len, &rd))
		return 0;
	rd.q = read_number(r, t, len, rd.p, &rd.n);
	if (rd.q == 0)
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
		else
			snprintf(out, n, "--%02d", f->month);
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
