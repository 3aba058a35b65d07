/* article_sentences: a paragraph's text into sentences, so that "U.S.",
 * "Mr.", "Jan.", initials, decimals and closing quotes do not break
 * one. */
#include "brief/text/article.h"

#include <ctype.h>
#include <string.h>

#include "article_priv.h"
#include "brief/base/utf8.h"

static int is_closer(const char *t, size_t i, size_t e, size_t *len)
{
	unsigned char c = (unsigned char)t[i];

	if (c == '"' || c == '\'' || c == ')' || c == ']') {
		*len = 1;
		return 1;
	}
	if (c == 0xE2 && i + 2 < e && (unsigned char)t[i + 1] == 0x80 &&
	    ((unsigned char)t[i + 2] == 0x9D || (unsigned char)t[i + 2] == 0x99)) {
		*len = 3;
		return 1;
	}
	return 0;
}

/* Is the byte before e the end of a closing quote or bracket?  Returns
 * its length, or 0. */
static size_t closer_before(const char *t, size_t s, size_t e)
{
	size_t cl;

	if (e > s && is_closer(t, e - 1, e, &cl) && cl == 1)
		return 1;
	if (e >= s + 3 && is_closer(t, e - 3, e, &cl) && cl == 3)
		return 3;
	return 0;
}

static void add_sentence(struct loader *l, size_t s, size_t e)
{
	struct article *a = l->a;

	art_trim(a->text, &s, &e);
	if (s >= e)
		return;
	/* a fragment with no letters or digits (a stray quote) belongs to
	 * the sentence before it */
	if (!utf8_has_alnum(a->text + s, e - s) && a->nsentences > 0 &&
	    a->sections[a->nsections].nsentences > 0) {
		a->sentences[a->nsentences - 1].end = e;
		return;
	}
	a->sentences = xgrow(a->sentences, &l->cap_sentences,
			     a->nsentences + 1, sizeof *a->sentences);
	a->sentences[a->nsentences].start = s;
	a->sentences[a->nsentences].end = e;
	a->nsentences++;
	a->sections[a->nsections].nsentences++;
}

/* Does the full stop at dot end an abbreviation or an initial? */
static int abbrev_before(struct loader *l, size_t s, size_t dot)
{
	const char *t = l->a->text;
	size_t b = dot;

	while (b > s && !art_is_space(t[b - 1]))
		b--;
	/* skip opening punctuation */
	while (b < dot && (t[b] == '(' || t[b] == '"' || t[b] == '[' ||
			   t[b] == '\''))
		b++;
	if (b + 3 <= dot && (unsigned char)t[b] == 0xE2 &&
	    (unsigned char)t[b + 1] == 0x80 && (unsigned char)t[b + 2] == 0x9C)
		b += 3;
	/* an initial: one capital letter */
	if (dot - b == 1 && isupper((unsigned char)t[b]))
		return 1;
	return article_rules_is_abbrev(l->r, t + b, dot + 1 - b);
}

/* The first '.', '!' or '?' in t[i, e), or e: eight bytes at a time. */
static size_t next_stop(const char *t, size_t i, size_t e)
{
	while (i + 8 <= e) {
		uint64_t w;

		memcpy(&w, t + i, 8);
		if (HAS_ZERO(w ^ (ONES * '.')) | HAS_ZERO(w ^ (ONES * '!')) |
		    HAS_ZERO(w ^ (ONES * '?')))
			break;
		i += 8;
	}
	while (i < e && t[i] != '.' && t[i] != '!' && t[i] != '?')
		i++;
	return i;
}

void art_split_sentences(struct loader *l, size_t s, size_t e)
{
	const char *t = l->a->text;
	size_t i = s, start = s;

	while (i < e) {
		unsigned char c = (unsigned char)t[i];
		size_t j, k, cl;

		if (c != '.' && c != '!' && c != '?') {
			i = next_stop(t, i, e);
			continue;
		}
		if (c == '.' && i > s && i + 1 < e &&
		    isdigit((unsigned char)t[i - 1]) &&
		    isdigit((unsigned char)t[i + 1])) {
			i++;
			continue;
		}
		j = i + 1;
		for (;;) {
			if (j < e && (t[j] == '.' || t[j] == '!' || t[j] == '?'))
				j++;
			else if (j < e && is_closer(t, j, e, &cl))
				j += cl;
			else
				break;
		}
		if (j < e && !art_is_space(t[j])) {
			i = j;
			continue;
		}
		k = j;
		while (k < e && art_is_space(t[k]))
			k++;
		if (k < e) {
			unsigned char n = (unsigned char)t[k];

			if (islower(n) || n == ',' || n == ';' || n == ')') {
				i = j;
				continue;
			}
			if (c == '.' && j == i + 1 && abbrev_before(l, start, i)) {
				i = j;
				continue;
			}
		}
		add_sentence(l, start, j);
		start = k;
		i = k;
	}
	add_sentence(l, start, e);
}

int art_ends_with_stop(const char *t, size_t s, size_t e)
{
	size_t cl;

	while ((cl = closer_before(t, s, e)) > 0)
		e -= cl;
	return e > s && (t[e - 1] == '.' || t[e - 1] == '!' ||
			 t[e - 1] == '?' || t[e - 1] == ':');
}
