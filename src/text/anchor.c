/* anchor: text-quote selectors and re-anchoring. */
#include "brief/text/anchor.h"

#include <stdlib.h>
#include <string.h>

#include "brief/base/util.h"
#include "brief/yaml/yamlio.h"

/* Back up to the start of a UTF-8 character. */
static size_t char_start(const char *t, size_t lo, size_t i)
{
	while (i > lo && ((unsigned char)t[i] & 0xC0) == 0x80)
		i--;
	return i;
}

void anchor_make(struct anchor *an, const struct article *a, size_t start,
		 size_t end)
{
	size_t ps = start > ANCHOR_CONTEXT ? start - ANCHOR_CONTEXT : 0;
	size_t se = end + ANCHOR_CONTEXT < a->len ? end + ANCHOR_CONTEXT
						  : a->len;

	/* never more than ANCHOR_CONTEXT bytes: step forward to a whole
	 * character */
	while (ps < start && ((unsigned char)a->text[ps] & 0xC0) == 0x80)
		ps++;
	se = char_start(a->text, end, se);
	memset(an, 0, sizeof *an);
	an->article = xstrdup(article_id(a));
	an->file = xstrdup(a->path);
	if (end - start > ANCHOR_MAX_QUOTE) {
		size_t cut = char_start(a->text, start,
					start + ANCHOR_MAX_QUOTE);

		an->quote = xstrndup(a->text + start, cut - start);
		an->length = end - start;
		hash_hex(hash_bytes(a->text + start, end - start), an->hash);
	} else {
		an->quote = xstrndup(a->text + start, end - start);
	}
	an->prefix = xstrndup(a->text + ps, start - ps);
	an->suffix = xstrndup(a->text + end, se - end);
	an->position = start;
}

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

void anchor_copy(struct anchor *dst, const struct anchor *src)
{
	dst->article = dup_or_null(src->article);
	dst->file = dup_or_null(src->file);
	dst->quote = dup_or_null(src->quote);
	dst->prefix = dup_or_null(src->prefix);
	dst->suffix = dup_or_null(src->suffix);
	dst->position = src->position;
	dst->length = src->length;
	memcpy(dst->hash, src->hash, sizeof dst->hash);
	dst->extra = ynode_copy(src->extra);
}

size_t anchor_length(const struct anchor *an)
{
	return an->length ? an->length : an->quote ? strlen(an->quote) : 0;
}

void anchor_clear(struct anchor *an)
{
	free(an->article);
	free(an->file);
	free(an->quote);
	free(an->prefix);
	free(an->suffix);
	ynode_free(an->extra);
	memset(an, 0, sizeof *an);
}

int anchor_for(const struct anchor *an, const struct article *a)
{
	const char *base, *abase;

	if (an->article && strcmp(an->article, article_id(a)) == 0)
		return 1;
	if (an->file == NULL)
		return 0;
	if (strcmp(an->file, a->path) == 0)
		return 1;
	/* the same file name in another directory */
	base = strrchr(an->file, '/');
	abase = strrchr(a->path, '/');
	return strcmp(base ? base + 1 : an->file, abase ? abase + 1 : a->path) ==
	       0;
}

/* How much of the context still stands around text[s, e). */
static size_t context_score(const struct anchor *an, const char *t,
			    size_t len, size_t s, size_t e)
{
	size_t pl = an->prefix ? strlen(an->prefix) : 0;
	size_t sl = an->suffix ? strlen(an->suffix) : 0, k = 0, score = 0;

	while (k < pl && k < s && an->prefix[pl - 1 - k] == t[s - 1 - k])
		k++;
	score += k;
	k = 0;
	while (k < sl && e + k < len && an->suffix[k] == t[e + k])
		k++;
	return score + k;
}

/* A quote this long is unlikely to stand twice by chance. */
#define ANCHOR_LONG 24
/* Context characters that must still match to trust a short quote. */
#define ANCHOR_TRUST 12

/* Does text[s, s + ql) hold the passage?  The first bytes were matched
 * already; a long passage is checked against its hash. */
static int whole_at(const struct anchor *an, const char *t, size_t s,
		    size_t ql)
{
	char h[17];

	if (an->length == 0)
		return 1;
	hash_hex(hash_bytes(t + s, ql), h);
	return strcmp(h, an->hash) == 0;
}

enum anchor_fit anchor_resolve(const struct anchor *an,
			       const struct article *a, size_t *start,
			       size_t *end)
{
	size_t ql, xl, best = 0, second = 0, best_at = 0, n = 0;
	const char *p, *t = a->text;

	if (an->quote == NULL || (xl = strlen(an->quote)) == 0)
		return ANCHOR_ORPHAN;
	ql = anchor_length(an);
	if (ql > a->len || xl > ql)
		return ANCHOR_ORPHAN;
	/* no sum that could wrap: the position comes from a file */
	if (an->article && strcmp(an->article, article_id(a)) == 0 &&
	    an->position <= a->len - ql &&
	    memcmp(t + an->position, an->quote, xl) == 0 &&
	    whole_at(an, t, an->position, ql)) {
		*start = an->position;
		*end = an->position + ql;
		return ANCHOR_EXACT;
	}
	p = t;
	while ((p = memmem(p, (size_t)(t + a->len - p), an->quote, xl))) {
		size_t s = (size_t)(p - t);
		size_t sc;

		if (s > a->len - ql)
			break; /* the whole passage would not fit */
		sc = context_score(an, t, a->len, s, s + ql);
		n++;
		if (n == 1 || sc > best) {
			second = n == 1 ? 0 : best;
			best = sc;
			best_at = s;
		} else if (sc > second) {
			second = sc;
		}
		p += 1;
	}
	if (n == 0)
		return ANCHOR_ORPHAN;
	/* one occurrence: trust a long quote, or a short one whose context
	 * still stands; several: the context must single one out */
	if (((n == 1 && (ql >= ANCHOR_LONG || best >= ANCHOR_TRUST)) ||
	     (n > 1 && best >= ANCHOR_TRUST && best > second)) &&
	    whole_at(an, t, best_at, ql)) {
		*start = best_at;
		*end = best_at + ql;
		return ANCHOR_MOVED;
	}
	return ANCHOR_ORPHAN;
}
