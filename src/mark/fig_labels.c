/* fig_labels: where a figure may start, and digits that label or name
 * something rather than count it (designations, laws and orders, codes,
 * phone, hull and unit numbers). */
#include "fig_priv.h"

#include <ctype.h>
#include <string.h>

static int has_upper(const char *t, size_t s, size_t e)
{
	for (; s < e; s++)
		if (isupper((unsigned char)t[s]))
			return 1;
	return 0;
}

/* Digits after a capitalised word and a hyphen name something ("Tu-95",
 * "G-7", "COVID-19"), and digits after digits and a hyphen end another
 * figure: they do not start a figure. */
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
