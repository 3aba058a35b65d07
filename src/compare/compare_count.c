/* compare_count: how often a form stands in a report as words of their
 * own, outside every mention. */
#include "compare_priv.h"

#include <stdlib.h>
#include <string.h>

#include "brief/base/trie.h"

/* Does pos fall inside a mention of m? */
static int in_mention(const struct mentions *m, size_t pos)
{
	size_t a = 0, b = m->n;

	while (a < b) {
		size_t mid = (a + b) / 2;

		if (m->v[mid].start <= pos)
			a = mid + 1;
		else
			b = mid;
	}
	return a > 0 && m->v[a - 1].end > pos;
}

/* Is there a mention with the last of m's mentions that start at or
 * before pos, and does it reach past pos?  *mi: that count, moved on
 * from where it was (pos only grows between calls), as in_mention. */
static int in_mention_from(const struct mentions *m, size_t *mi, size_t pos)
{
	while (*mi < m->n && m->v[*mi].start <= pos)
		(*mi)++;
	return *mi > 0 && m->v[*mi - 1].end > pos;
}

/* Does a generation stand at p in t ("III", "Jr." after a surname:
 * "Lloyd J. Austin III"), a word of its own? */
static int generation_at(const char *t, size_t len, size_t p)
{
	static const char *const gen[] = {"II", "III", "IV", "Jr.", "Sr."};
	size_t i, n;

	for (i = 0; i < sizeof gen / sizeof gen[0]; i++) {
		n = strlen(gen[i]);
		if (p + n <= len && memcmp(t + p, gen[i], n) == 0 &&
		    (p + n == len || !trie_word_at(t, len, p + n)))
			return 1;
	}
	return 0;
}

/* Does form stand at p in a's text as words of their own (its first
 * letter in any case: "The North"), outside every mention and not
 * followed by a capitalised word ("the North Sea") other than a
 * generation ("Austin III")?  n: its length;
 * *mi: for in_mention_from (NULL: in_mention searches). */
static int form_at(const struct article *a, const struct mentions *m,
		   const char *form, size_t n, size_t p, size_t *mi)
{
	const char *t = a->text;
	size_t e = p + n;

	if (e > a->len || (t[p] | 0x20) != (form[0] | 0x20) ||
	    memcmp(t + p + 1, form + 1, n - 1) != 0 ||
	    (p >= 1 && trie_word_at(t, a->len, p - 1)) ||
	    (e < a->len && trie_word_at(t, a->len, e)) ||
	    (mi ? in_mention_from(m, mi, p) : in_mention(m, p)))
		return 0;
	return !(e + 1 < a->len && t[e] == ' ' && t[e + 1] >= 'A' &&
		 t[e + 1] <= 'Z') ||
	       generation_at(t, a->len, e + 1);
}

/* How often form stands in the text of side s as words of their own
 * (form_at): looked up where words begin (the side's index, made on
 * first use), else searched for; each form counted once. */
size_t cmp_count_form(struct keycache *kc, const struct comparison *c,
		      int s, const char *form)
{
	const struct article *a = c->side[s].a;
	const struct mentions *m = c->side[s].m;
	size_t n = strlen(form), hits = 0, k, np;

	if (n < 2)
		return 0;
	for (k = 0; k < kc->ncounted; k++)
		if (kc->counted[k].side == s &&
		    strcmp(kc->counted[k].form, form) == 0)
			return kc->counted[k].hits;
	if (!kc->indexed[s]) {
		kc->ix[s] = startidx_new(a->text, a->len);
		kc->indexed[s] = 1;
	}
	/* (a form that begins with an ASCII letter: the index holds the
	 * words that begin with one) */
	if (kc->ix[s] != NULL && (form[0] | 0x20) >= 'a' &&
	    (form[0] | 0x20) <= 'z') {
		const uint32_t *pos = startidx_get(kc->ix[s],
						   (unsigned char)form[0],
						   (unsigned char)form[1], &np);

		const uint32_t *nx = startidx_next(kc->ix[s],
						   (unsigned char)form[0],
						   (unsigned char)form[1]);
		uint32_t want = 0, mask = 0;
		size_t mi = 0, b;

		/* the form's bytes after its first two, and the byte after
		 * it not a letter or digit: told from the index first */
		for (b = 2; b < n && b < 6; b++) {
			want |= (uint32_t)(unsigned char)form[b] << (8 * (b - 2));
			mask |= (uint32_t)0xff << (8 * (b - 2));
		}
		/* the positions ascend: the mentions are walked, not
		 * searched */
		for (k = 0; k < np; k++) {
			char after = (char)(nx[k] >> (8 * (n < 6 ? n - 2 : 0)));

			if ((nx[k] & mask) != want ||
			    (n < 6 && (unsigned char)after < 0x80 &&
			     trie_word_at(&after, 1, 0)))
				continue;
			hits += (size_t)form_at(a, m, form, n, pos[k], &mi);
		}
	} else {
		const char *t = a->text, *p = t, *end = t + a->len;

		while ((p = memmem(p, (size_t)(end - p), form + 1, n - 1))) {
			if (p > t)
				hits += (size_t)form_at(a, m, form, n,
							(size_t)(p - t) - 1,
							NULL);
			p++;
		}
	}
	kc->counted = xgrow(kc->counted, &kc->capcounted, kc->ncounted + 1,
			    sizeof *kc->counted);
	kc->counted[kc->ncounted].side = s;
	kc->counted[kc->ncounted].form = xstrdup(form);
	kc->counted[kc->ncounted++].hits = hits;
	return hits;
}
