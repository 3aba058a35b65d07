/* fig_labels: where a figure may start, and digits that label or name
 * something rather than count it (designations, laws and orders, codes,
 * phone, hull and unit numbers). */
#include "fig_priv.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

static int has_upper(const char *t, size_t s, size_t e)
{
	for (; s < e; s++)
		if (isupper((unsigned char)t[s]))
			return 1;
	return 0;
}

/* Digits after a capitalised word and a hyphen name something ("Tu-95",
 * "G-7", "COVID-19"), and digits after digits and a hyphen, a colon or a
 * dot end another figure: they do not start a figure. */
static int designation_digits(const char *text, size_t pos)
{
	if (pos >= 2 && (text[pos - 1] == ':' || text[pos - 1] == '.') &&
	    digit(text[pos - 2]))
		return 1; /* "5:43", "3.5", read from their start */
	if (pos < 2 || text[pos - 1] != '-')
		return 0;
	if (isdigit((unsigned char)text[pos - 2]))
		return 1; /* the end of "2022-23", read with its start */
	return has_upper(text, letters_before(text, pos - 1), pos - 1);
}

/* The start of the word of letters and dots that ends at end ("U.S.C.",
 * "No."): end when there is none. */
static size_t dotted_before(const char *t, size_t end)
{
	while (end > 0 && (isalpha((unsigned char)t[end - 1]) ||
			   t[end - 1] == '.'))
		end--;
	return end;
}

/* Is the section sign "§" (or "§§") just before pos, perhaps with a
 * space between ("§ 1701", "§1701")? */
static int after_section_sign(const char *t, size_t pos)
{
	if (pos >= 1 && t[pos - 1] == ' ')
		pos--;
	return pos >= 2 && (unsigned char)t[pos - 2] == 0xC2 &&
	       (unsigned char)t[pos - 1] == 0xA7;
}

/* A space or a line break: a label and its number may stand on two lines
 * of a wrapped text ("Public Law\n93-148"). */
static int blank(char c)
{
	return c == ' ' || c == '\n';
}

/* Does one of number_labels, of up to three words, end just before the
 * space before pos ("Resolution 2722", "Article 5", "Pub. L. 93-148",
 * "50 U.S.C. App. 1"), perhaps with its short form in brackets after it
 * ("Executive Order (E.O.) 13894"): the number names, it does not count? */
static int after_label(const struct figrules *r, const char *text,
		       size_t pos)
{
	size_t end, ws, s, k;
	uint32_t v;

	if (after_section_sign(text, pos))
		return 1;
	if (pos >= 5 && text[pos - 1] == ' ' && text[pos - 2] == ')') {
		s = dotted_before(text, pos - 2);
		if (s < pos - 2 && s >= 2 && text[s - 1] == '(' &&
		    text[s - 2] == ' ')
			pos = s - 1; /* before "(E.O.)" */
	}
	if (pos < 3 || !blank(text[pos - 1]))
		return 0;
	end = ws = pos - 1;
	for (k = 0; k < 3; k++) {
		s = dotted_before(text, ws);
		if (s == ws)
			return 0;
		if (trie_match(r->labels, text, end, s, &v) == end)
			return 1;
		if (s < 2 || !blank(text[s - 1]))
			return 0;
		ws = s - 1;
	}
	return 0;
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

/* Brackets right after digits with a letter or a digit or two inside:
 * a subsection ("1182(f)", "202(d)(1)"); the end of the last, or p. */
static size_t subsections(const char *t, size_t len, size_t p)
{
	size_t q;

	while (p < len && t[p] == '(') {
		for (q = p + 1; q < len && q - p <= 4 &&
				isalnum((unsigned char)t[q]);
		     q++)
			;
		if (q == p + 1 || q >= len || t[q] != ')')
			break;
		p = q + 1;
	}
	return p;
}

/* The end of a label's number at p: digits, groups joined by hyphens
 * ("1701-1706") and subsections ("1182(f)"). */
static size_t label_end(const char *t, size_t len, size_t p)
{
	size_t q = digits_end(t, len, p);

	while (q + 1 < len && t[q] == '-' && digit(t[q + 1]))
		q = digits_end(t, len, q + 1);
	return subsections(t, len, q);
}

/* The start of the number of a label that ends at end: its digits, with
 * groups joined by hyphens and subsections ("1701-1706", "1182(f)");
 * end when there are none. */
static size_t label_start(const char *t, size_t end)
{
	size_t q = end, s;

	while (q > 0 && t[q - 1] == ')') {
		for (s = q - 1; s > 0 && isalnum((unsigned char)t[s - 1]) &&
				q - s <= 5;
		     s--)
			;
		if (s == 0 || t[s - 1] != '(' || s == q - 1)
			break;
		q = s - 1;
	}
	if (q == 0 || !digit(t[q - 1]))
		return end;
	for (;;) {
		while (q > 0 && digit(t[q - 1]))
			q--;
		if (q >= 2 && t[q - 1] == '-' && digit(t[q - 2]))
			q--;
		else
			return q;
	}
}

/* Is a word of number_citations after the number at pos ("50 U.S.C.",
 * "3 C.F.R.", "120 Stat.")? */
static int before_citation(const struct figrules *r, const char *t,
			   size_t len, size_t pos)
{
	size_t g = after_gap(t, len, label_end(t, len, pos));
	uint32_t v;

	return g != 0 && digit(t[pos]) &&
	       trie_match(r->cites, t, len, g, &v) != 0;
}

/* Does what follows the number at pos keep it in a list of labels: the
 * end of the text or of a line, a mark, "of", a joining word or a
 * capitalised word; not a word that is counted ("Article 5 and 12
 * ships")? */
static int ends_label(const struct figrules *r, const char *t, size_t len,
		      size_t pos)
{
	size_t e = label_end(t, len, pos), g;
	uint32_t v;

	if (e >= len || t[e] != ' ')
		return 1;
	g = after_gap(t, len, e);
	if (g == 0 || !islower((unsigned char)t[g]))
		return 1;
	return trie_match(r->joins, t, len, g, &v) != 0 ||
	       (g + 2 <= len && t[g] == 'o' && t[g + 1] == 'f' &&
		!trie_word_at(t, len, g + 2));
}

static int label_number(const struct figrules *r, const char *t,
			size_t len, size_t pos, int depth);

/* Is the number at pos the next of a list of labels: after a comma or a
 * joining word (label_joins), the number before is a label
 * ("Resolutions 1718, 1874, and 2094", "sections 3 and 4"), and the
 * number ends the list (ends_label) or has as many digits, three or more,
 * as the one before? */
static int in_label_list(const struct figrules *r, const char *t,
			 size_t len, size_t pos, int depth)
{
	size_t p = pos, ws, s;
	uint32_t v;

	if (depth > 8 || p < 3 || t[p - 1] != ' ')
		return 0;
	p--;
	ws = letters_before(t, p);
	if (ws < p && ws > 0 && t[ws - 1] == ' ' &&
	    trie_match(r->joins, t, p, ws, &v) == p)
		p = ws - 1;
	if (p > 0 && t[p - 1] == ',')
		p--;
	if (p == pos - 1)
		return 0;
	s = label_start(t, p);
	if (s == p || !(ends_label(r, t, len, pos) ||
			(p - s >= 3 && digits_end(t, len, s) - s ==
					       digits_end(t, len, pos) - pos)))
		return 0;
	return label_number(r, t, len, s, depth + 1);
}

/* Is the number at pos a label: after a label word, before a citation
 * word, or next in a list of labels? */
static int label_number(const struct figrules *r, const char *t,
			size_t len, size_t pos, int depth)
{
	return after_label(r, t, pos) || before_citation(r, t, len, pos) ||
	       in_label_list(r, t, len, pos, depth);
}

/* Digits joined to digits by "/" or "+" ("S/2024/123", "24/7", "the
 * 3+3 meeting"), and a telephone number written with dots
 * ("202.555.0100"): a code. */
static int joined_digits(const char *t, size_t len, size_t pos)
{
	size_t e = digits_end(t, len, pos);

	if (e + 1 < len && (t[e] == '/' || t[e] == '+') && digit(t[e + 1]))
		return 1;
	if (pos >= 2 && (t[pos - 1] == '/' || t[pos - 1] == '+') &&
	    isalnum((unsigned char)t[pos - 2]))
		return 1;
	return e == pos + 3 && digits_then(t, len, e + 1, 3, '.') &&
	       t[e] == '.' && digits_then(t, len, e + 5, 4, 0);
}

/* The number of an item in a list: "(1)" after a line start or a
 * clause mark (",", ";", ":", "and", "or"), or "1." and "1)" at a line's
 * start before a space. */
static int list_number(const char *t, size_t len, size_t pos)
{
	size_t e = digits_end(t, len, pos), b;

	if (e - pos > 2 || e + 1 >= len)
		return 0;
	if (pos == 0 || t[pos - 1] == '\n')
		return (t[e] == '.' || t[e] == ')') && t[e + 1] == ' ';
	if (t[pos - 1] != '(' || t[e] != ')' || t[e + 1] != ' ')
		return 0;
	b = pos - 1;
	if (b == 0 || t[b - 1] == '\n')
		return 1;
	if (t[b - 1] != ' ' || b < 2)
		return 0;
	b--;
	if (t[b - 1] == ',' || t[b - 1] == ';' || t[b - 1] == ':')
		return 1;
	return (b >= 4 && strncmp(t + b - 4, " and", 4) == 0) ||
	       (b >= 3 && strncmp(t + b - 3, " or", 3) == 0);
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

int fig_label_digits(const struct figrules *r, const char *t, size_t len,
		     size_t pos)
{
	return designation_digits(t, pos) || label_number(r, t, len, pos, 0) ||
	       code_digits(t, len, pos) || joined_digits(t, len, pos) ||
	       list_number(t, len, pos) || after_capitals(t, len, pos) ||
	       unit_in_name(r, t, len, pos);
}

/* Is the word of letters ending at end w ("Number", "and")? */
static int word_is(const char *t, size_t end, const char *w)
{
	size_t n = strlen(w);

	return end >= n && strncasecmp(t + end - n, w, n) == 0 &&
	       (end == n || !isalpha((unsigned char)t[end - n - 1]));
}

/* A number word that counts off a speaker's points, not things: right
 * before a comma at a sentence's start, perhaps after "Number" or "And"
 * ("One, why 31?  Two, how long ...  And three, obviously", "Number two,
 * it's also ...").  A count goes on to what it counts. */
static int enumerator(const struct figrules *r, const char *t, size_t len,
		      size_t pos)
{
	uint32_t v;
	size_t q = trie_match(r->numbers, t, len, pos, &v), b = pos;

	if (q == 0 || q >= len || t[q] != ',')
		return 0;
	while (b > 0 && t[b - 1] == ' ')
		b--;
	if (b < pos && (word_is(t, b, "Number") || word_is(t, b, "And"))) {
		b = letters_before(t, b);
		while (b > 0 && t[b - 1] == ' ')
			b--;
	}
	return b == 0 || t[b - 1] == '\n' || t[b - 1] == '.' ||
	       t[b - 1] == '?' || t[b - 1] == '!' || t[b - 1] == ':';
}

int figure_may_start(const struct figrules *r, const char *text, size_t len,
		     size_t pos)
{
	unsigned char c = (unsigned char)text[pos];

	if (digit((char)c))
		return !trie_word_before(text, pos) &&
		       !fig_label_digits(r, text, len, pos);
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
	if (enumerator(r, text, len, pos))
		return 0;
	{
		uint32_t v;

		return trie_may_start2(r->starters, text, len, pos) &&
		       trie_word_start(text, pos, len) &&
		       trie_match(r->starters, text, len, pos, &v) != 0;
	}
}
