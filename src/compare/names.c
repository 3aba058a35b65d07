/* names: unmarked proper names, by shape, matched across two reports. */
#include "names_priv.h"

#include <stdlib.h>
#include <string.h>

#include "brief/base/wordset.h"
#include "brief/compare/compare.h"

/* Is s[0, len) in the list l (sorted without regard to case by
 * names_sort_list)?  A binary search (for a key's trailing words; the
 * words of the text are looked up in struct finder's word set). */
static int in_list(char *const *l, size_t n, const char *s, size_t len)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int d = strncasecmp(l[mid], s, len);

		if (d == 0 && l[mid][len] != '\0')
			d = 1; /* longer: after s */
		if (d == 0)
			return 1;
		if (d < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

static int ci_cmp(const void *a, const void *b)
{
	return strcasecmp(*(char *const *)a, *(char *const *)b);
}

void names_sort_list(char **l, size_t n)
{
	if (n > 1)
		qsort(l, n, sizeof *l, ci_cmp);
}

char *names_key(const struct compare_rules *r, const char *s, size_t n)
{
	char *flat = xmalloc(n + 1), *k, *sp;
	size_t i, o = 0;

	for (i = 0; i < n; i++) {
		int space = s[i] == ' ' || s[i] == '\n' || s[i] == '\t';

		if (space && (o == 0 || flat[o - 1] == ' '))
			continue;
		flat[o++] = space ? ' ' : s[i];
	}
	while (o && flat[o - 1] == ' ')
		o--;
	flat[o] = '\0';
	k = compare_entity_key(r, flat);
	free(flat);
	while ((sp = strrchr(k, ' ')) != NULL &&
	       in_list(r->names.tails, r->names.ntails, sp + 1,
		       strlen(sp + 1)))
		*sp = '\0';
	return k;
}

int names_acronym_after(const char *t, size_t len, size_t end,
			char *acr, size_t size, size_t *acr_end)
{
	size_t p = end, n = 0;

	while (p < end + 3 && p < len && (t[p] == ' ' || t[p] == '\n'))
		p++;
	if (p == end || p >= len || t[p] != '(' || size < 3)
		return 0;
	p++;
	while (p < len && n + 1 < size &&
	       ((t[p] >= 'A' && t[p] <= 'Z') || (n && t[p] >= '0' &&
						  t[p] <= '9')))
		acr[n++] = t[p++];
	acr[n] = '\0';
	if (acr_end)
		*acr_end = p + 1;
	return n >= 2 && p < len && t[p] == ')';
}

void names_drop_titles(const struct compare_rules *r, char *key)
{
	char *sp;

	while ((sp = strchr(key, ' ')) != NULL &&
	       in_list(r->names.titles, r->names.ntitles, key,
		       (size_t)(sp - key)))
		memmove(key, sp + 1, strlen(sp + 1) + 1);
}
void names_drop_possessives(char *d)
{
	char *r = d, *w = d;

	while (*r) {
		size_t n = 0;

		if (r[0] == '\'' && r[1] == 's')
			n = 2;
		else if (strncmp(r, "\xe2\x80\x99s", 4) == 0)
			n = 4;
		if (n && (r[n] == ' ' || r[n] == '\0')) {
			r += n;
			continue;
		}
		*w++ = *r++;
	}
	*w = '\0';
}

static int cand_cmp(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;
	int d = strcmp(x->key, y->key);

	if (d)
		return d;
	if (x->side != y->side)
		return x->side - y->side;
	return x->start < y->start ? -1 : x->start > y->start;
}

/* The form of a name to show: its words with runs of space as one and
 * a possessive ending dropped; a fresh string. */
static char *display(const struct article *a, size_t s, size_t e)
{
	char *d = xmalloc(e - s + 1);
	size_t i, o = 0;

	for (i = s; i < e; i++) {
		int space = a->text[i] == ' ' || a->text[i] == '\n';

		if (space && o && d[o - 1] == ' ')
			continue;
		d[o++] = space ? ' ' : a->text[i];
	}
	d[o] = '\0';
	names_drop_possessives(d);
	return d;
}

size_t names_match(const struct compare_rules *r,
		   const struct article *const a[2],
		   const struct mentions *const m[2],
		   const struct name_entity *ents, size_t nents,
		   size_t (*cnt)[2], struct cmp_name **out)
{
	struct finder fd;
	struct cmp_name *v = NULL;
	size_t i, j, n = 0, cap = 0;
	int s;

	memset(&fd, 0, sizeof fd);
	fd.r = r;
	names_find(&fd, a, m);
	names_forms(&fd, a, ents, nents, cnt);
	xqsort(fd.c, fd.nc, sizeof *fd.c, cand_cmp);
	for (i = 0; i < fd.nc; i = j) {
		size_t count[2] = {0, 0}, best = i;
		struct span at[2] = {{0, 0}, {0, 0}};

		for (j = i; j < fd.nc && strcmp(fd.c[j].key, fd.c[i].key) == 0;
		     j++) {
			const struct cand *x = &fd.c[j];

			if (x->used)
				continue;
			if (count[x->side]++ == 0) {
				at[x->side].start = x->start;
				at[x->side].end = x->end;
			}
			if (x->end - x->start > fd.c[best].end - fd.c[best].start)
				best = j;
		}
		if (count[0] == 0 || count[1] == 0)
			continue;
		v = xgrow(v, &cap, n + 1, sizeof *v);
		v[n].name = display(a[fd.c[best].side], fd.c[best].start,
				    fd.c[best].end);
		v[n].count[0] = count[0];
		v[n].count[1] = count[1];
		v[n].at[0] = at[0];
		v[n].at[1] = at[1];
		n++;
	}
	for (i = 0; i < fd.nc; i++)
		free(fd.c[i].key);
	free(fd.c);
	wordset_free(fd.words);
	for (s = 0; s < 2; s++) {
		free(fd.cache[s].w);
		free(fd.cache[s].first);
	}
	*out = v;
	return n;
}

void names_free(struct cmp_name *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].name);
	free(v);
}
