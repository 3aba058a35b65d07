/* anchor: text-quote selectors and re-anchoring. */
#include "brief/text/anchor.h"

#include <stdlib.h>
#include <string.h>

#include "brief/base/util.h"

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
	an->quote = xstrndup(a->text + start, end - start);
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
}

void anchor_clear(struct anchor *an)
{
	free(an->article);
	free(an->file);
	free(an->quote);
	free(an->prefix);
	free(an->suffix);
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

enum anchor_fit anchor_resolve(const struct anchor *an,
			       const struct article *a, size_t *start,
			       size_t *end)
{
	size_t ql, best = 0, second = 0, best_at = 0, n = 0;
	const char *p, *t = a->text;

	if (an->quote == NULL || (ql = strlen(an->quote)) == 0)
		return ANCHOR_ORPHAN;
	if (an->article && strcmp(an->article, article_id(a)) == 0 &&
	    an->position + ql <= a->len &&
	    memcmp(t + an->position, an->quote, ql) == 0) {
		*start = an->position;
		*end = an->position + ql;
		return ANCHOR_EXACT;
	}
	p = t;
	while ((p = memmem(p, (size_t)(t + a->len - p), an->quote, ql))) {
		size_t s = (size_t)(p - t);
		size_t sc = context_score(an, t, a->len, s, s + ql);

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
	if ((n == 1 && (ql >= ANCHOR_LONG || best >= ANCHOR_TRUST)) ||
	    (n > 1 && best >= ANCHOR_TRUST && best > second)) {
		*start = best_at;
		*end = best_at + ql;
		return ANCHOR_MOVED;
	}
	return ANCHOR_ORPHAN;
}
