/* search: smart-case PCRE2 search over sections. */
#include "brief/text/search.h"

#include <stdlib.h>
#include <string.h>

#include "brief/base/utf8.h"

/* Backtracking steps one match may take before it gives up. */
#define SEARCH_MATCH_LIMIT 100000

static int has_upper(const char *p)
{
	/* an escaped letter (\S, \W) is not a request for case */
	for (; *p; p++) {
		if (*p == '\\' && p[1]) {
			p++;
			continue;
		}
		if (*p >= 'A' && *p <= 'Z')
			return 1;
		if ((unsigned char)*p >= 0xC3)
			return 0;
	}
	return 0;
}

int search_set(struct search *s, const char *pattern, struct err *e)
{
	pcre2_code *re;
	size_t n = strlen(pattern);

	if (utf8_valid_prefix(pattern, n) != n) {
		err_set(e, "the pattern is not valid UTF-8");
		return -1;
	}
	re = rx_compile_typed(pattern, n,
			      has_upper(pattern) ? 0 : PCRE2_CASELESS, e);
	if (re == NULL)
		return -1;
	search_clear(s);
	s->re = re;
	s->md = pcre2_match_data_create_from_pattern(re, NULL);
	/* a pattern a user typed must not freeze the reader: bound the
	 * backtracking of each match (a section is short) */
	s->mc = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(s->mc, SEARCH_MATCH_LIMIT);
	pcre2_set_depth_limit(s->mc, SEARCH_MATCH_LIMIT / 10);
	s->pattern = xstrdup(pattern);
	return 0;
}

void search_clear(struct search *s)
{
	pcre2_code_free(s->re);
	pcre2_match_data_free(s->md);
	pcre2_match_context_free(s->mc);
	free(s->pattern);
	free(s->starts);
	memset(s, 0, sizeof *s);
}

int search_active(const struct search *s)
{
	return s->re != NULL;
}

/* First non-empty match in section text [st, en) starting at or after
 * from. */
static int first_in(struct search *s, const char *t, size_t st, size_t en,
		    size_t from, size_t *ms, size_t *me)
{
	size_t p = from < st ? st : from;

	while (p <= en) {
		PCRE2_SIZE *ov;
		int rc = pcre2_match(s->re, (PCRE2_SPTR)(t + st), en - st, p - st,
				     PCRE2_NO_UTF_CHECK, s->md, s->mc);

		if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
		    rc == PCRE2_ERROR_HEAPLIMIT) {
			s->too_complex = 1;
			return 0;
		}
		if (rc < 0)
			return 0;
		ov = pcre2_get_ovector_pointer(s->md);
		*ms = ov[0] + st;
		*me = ov[1] + st;
		if (*me > *ms)
			return 1;
		/* an empty match: on by one character, never into one */
		p = *ms + 1;
		while (p < en && ((unsigned char)t[p] & 0xC0) == 0x80)
			p++;
	}
	return 0;
}

int search_find(struct search *s, const struct article *a, size_t from,
		int dir, int inclusive, size_t *ms, size_t *me)
{
	size_t ns = a->nsections, i, k;
	long sec;

	if (s->re == NULL || ns == 0)
		return 0;
	sec = article_section_at(a, from);
	if (sec < 0) {
		for (i = 0; i < ns && a->sections[i].end <= from; i++)
			;
		sec = (long)(i < ns ? i : ns - 1);
	}
	if (dir > 0) {
		for (k = 0; k <= ns; k++) {
			const struct section *se = &a->sections[((size_t)sec + k) % ns];
			size_t f = k == 0 ? from + (inclusive ? 0 : 1) : se->start;

			if (k == ns)
				f = se->start;
			if (first_in(s, a->text, se->start, se->end, f, ms, me))
				return 1;
		}
		return 0;
	}
	for (k = 0; k <= ns; k++) {
		const struct section *se =
			&a->sections[((size_t)sec + ns - k % ns) % ns];
		size_t limit = k == 0 ? from : se->end + 1, p = se->start;
		size_t bs, be;
		int found = 0;

		while (first_in(s, a->text, se->start, se->end, p, &bs, &be) &&
		       bs < limit) {
			*ms = bs;
			*me = be;
			found = 1;
			p = bs + 1;
		}
		if (found)
			return 1;
	}
	return 0;
}

void search_each(struct search *s, const char *text, size_t start,
		 size_t end, void (*cb)(size_t ms, size_t me, void *arg),
		 void *arg)
{
	size_t p = start, ms, me;

	if (s->re == NULL)
		return;
	while (p < end && first_in(s, text, start, end, p, &ms, &me)) {
		cb(ms, me, arg);
		p = me;
	}
}

static void count_all(struct search *s, const struct article *a)
{
	size_t cap = 0, i;

	free(s->starts);
	s->starts = NULL;
	s->nstarts = 0;
	s->capped = 0;
	s->counted = a;
	s->counted_len = a->parsed;
	for (i = 0; i < a->nsections && !s->capped; i++) {
		const struct section *se = &a->sections[i];
		size_t p = se->start, ms, me;

		while (p < se->end &&
		       first_in(s, a->text, se->start, se->end, p, &ms, &me)) {
			if (s->nstarts == SEARCH_COUNT_CAP) {
				s->capped = 1;
				break;
			}
			if (s->nstarts == cap) {
				cap = cap ? cap * 2 : 64;
				s->starts = xrealloc(s->starts,
						     cap * sizeof *s->starts);
			}
			s->starts[s->nstarts++] = ms;
			p = me;
		}
	}
}

size_t search_position(struct search *s, const struct article *a,
		       size_t ms, size_t *total, int *capped)
{
	size_t lo = 0, hi;

	*total = 0;
	*capped = 0;
	if (s->re == NULL)
		return 0;
	if (s->counted != a || s->counted_len != a->parsed)
		count_all(s, a);
	*total = s->nstarts;
	*capped = s->capped;
	hi = s->nstarts;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->starts[mid] < ms)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < s->nstarts && s->starts[lo] == ms ? lo + 1 : 0;
}

int search_section(struct search *s, const struct article *a, size_t sec)
{
	size_t ms, me;

	if (s->re == NULL || sec >= a->nsections)
		return 0;
	return first_in(s, a->text, a->sections[sec].start,
			a->sections[sec].end, a->sections[sec].start, &ms, &me);
}
