/* xref: per article, mention indexes sorted by (entity, position). */
#include "brief/mark/xref.h"

#include <stdlib.h>
#include <string.h>

#include "brief/base/util.h"

/* Per article one array: the indexes of its mentions that name an
 * entity, grouped by entity (ascending), each group in text order.  Four
 * bytes a mention; a group is found by binary search through the
 * mentions. */
struct xart {
	const struct mentions *m;
	uint32_t *idx;
	size_t n;
};

struct xref {
	struct xart *a;
	size_t n;
};

struct xref *xref_new(size_t n)
{
	struct xref *x = xcalloc(1, sizeof *x);

	x->a = xcalloc(n, sizeof *x->a);
	x->n = n;
	return x;
}

void xref_free(struct xref *x)
{
	size_t i;

	if (x == NULL)
		return;
	for (i = 0; i < x->n; i++)
		free(x->a[i].idx);
	free(x->a);
	free(x);
}

struct pair {
	uint32_t entity, mention;
};

static int pair_cmp(const void *x, const void *y)
{
	const struct pair *p = x, *q = y;

	if (p->entity != q->entity)
		return p->entity < q->entity ? -1 : 1;
	return p->mention < q->mention ? -1 : p->mention > q->mention;
}

/* A short article's mention indexes (in a->idx) by entity, then text
 * order, through a temporary array of pairs. */
static void sort_by_entity(struct xart *a)
{
	struct pair *p = xmalloc(a->n * sizeof *p);
	size_t k;

	for (k = 0; k < a->n; k++) {
		p[k].entity = a->m->v[a->idx[k]].entity;
		p[k].mention = a->idx[k];
	}
	xqsort(p, a->n, sizeof *p, pair_cmp);
	for (k = 0; k < a->n; k++)
		a->idx[k] = p[k].mention;
	free(p);
}

void xref_set(struct xref *x, size_t i, const struct mentions *m)
{
	struct xart *a = &x->a[i];
	size_t k, n = 0, max = 0, *start;

	free(a->idx);
	a->idx = NULL;
	a->m = m;
	a->n = 0;
	for (k = 0; k < m->n; k++)
		if (m->v[k].entity != ENTITY_NONE) {
			n++;
			if (m->v[k].entity > max)
				max = m->v[k].entity;
		}
	if (n == 0)
		return;
	a->idx = xmalloc(n * sizeof *a->idx);
	a->n = n;
	if (n * 8 < max) {
		/* few mentions, many entities (a short article among
		 * thousands): sort the mentions instead of counting */
		n = 0;
		for (k = 0; k < m->n; k++)
			if (m->v[k].entity != ENTITY_NONE)
				a->idx[n++] = (uint32_t)k;
		sort_by_entity(a);
		return;
	}
	/* a counting sort by entity keeps text order within each */
	start = xcalloc(max + 2, sizeof *start);
	for (k = 0; k < m->n; k++)
		if (m->v[k].entity != ENTITY_NONE)
			start[m->v[k].entity + 1]++;
	for (k = 1; k <= max + 1; k++)
		start[k] += start[k - 1];
	for (k = 0; k < m->n; k++)
		if (m->v[k].entity != ENTITY_NONE)
			a->idx[start[m->v[k].entity]++] = (uint32_t)k;
	free(start);
}

static uint32_t entity_of(const struct xart *a, size_t k)
{
	return a->m->v[a->idx[k]].entity;
}

static size_t lower_bound(const struct xart *a, size_t lo, uint32_t entity)
{
	size_t hi = a->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (entity_of(a, mid) < entity)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

const uint32_t *xref_list(const struct xref *x, uint32_t entity, size_t i,
			  size_t *n)
{
	const struct xart *a;
	size_t lo, hi;

	*n = 0;
	if (i >= x->n || x->a[i].idx == NULL)
		return NULL;
	a = &x->a[i];
	lo = lower_bound(a, 0, entity);
	hi = entity == UINT32_MAX ? a->n : lower_bound(a, lo, entity + 1);
	*n = hi - lo;
	return a->idx + lo;
}

size_t xref_count(const struct xref *x, uint32_t entity, size_t i)
{
	size_t n;

	xref_list(x, entity, i, &n);
	return n;
}

size_t xref_spread(const struct xref *x, uint32_t entity, size_t *counts)
{
	size_t i, n, total = 0;

	for (i = 0; i < x->n; i++) {
		xref_list(x, entity, i, &n);
		if (counts)
			counts[i] = n;
		total += n;
	}
	return total;
}

size_t xref_articles(const struct xref *x)
{
	return x->n;
}

enum xref_where xref_step(const struct xref *x, uint32_t entity, size_t i,
			  size_t other, size_t off, int dir, size_t *ai,
			  size_t *mi)
{
	size_t k, n;
	const uint32_t *l;

	l = xref_list(x, entity, i, &n);
	*ai = i;
	if (dir > 0) {
		for (k = 0; k < n; k++)
			if (x->a[i].m->v[l[k]].start > off) {
				*mi = l[k];
				return XREF_HERE;
			}
	} else {
		for (k = n; k-- > 0;)
			if (x->a[i].m->v[l[k]].start < off) {
				*mi = l[k];
				return XREF_HERE;
			}
	}
	/* on into the other article, then around this one */
	if (other != i) {
		const uint32_t *lo = xref_list(x, entity, other, &k);

		if (k) {
			*ai = other;
			*mi = lo[dir > 0 ? 0 : k - 1];
			return XREF_OTHER;
		}
	}
	if (n > 1) {
		*mi = l[dir > 0 ? 0 : n - 1];
		return XREF_WRAPPED;
	}
	return XREF_NONE;
}

struct rank {
	uint32_t entity;
	size_t total;
	const char *name;
};

static int rank_cmp(const void *a, const void *b)
{
	const struct rank *x = a, *y = b;

	if (x->total != y->total)
		return x->total > y->total ? -1 : 1;
	return strcmp(x->name, y->name);
}

uint32_t *xref_ranked(const struct xref *x, const struct entities *reg,
		      unsigned catmask, size_t *n)
{
	size_t ne = entities_count(reg), i, k, m = 0;
	size_t *tot = xcalloc(ne + 1, sizeof *tot);
	struct rank *r;
	uint32_t *out;

	/* group by group: a jump to the end of each */
	for (i = 0; i < x->n; i++)
		for (k = 0; k < x->a[i].n;) {
			uint32_t en = entity_of(&x->a[i], k);
			size_t end = en == UINT32_MAX
					     ? x->a[i].n
					     : lower_bound(&x->a[i], k, en + 1);

			if (en < ne)
				tot[en] += end - k;
			k = end;
		}
	r = xcalloc(ne + 1, sizeof *r);
	for (i = 0; i < ne; i++) {
		const struct entity *en = entities_get(reg, (uint32_t)i);

		if (tot[i] == 0 || !(catmask & (1u << en->cat)))
			continue;
		r[m].entity = (uint32_t)i;
		r[m].total = tot[i];
		r[m].name = en->name;
		m++;
	}
	xqsort(r, m, sizeof *r, rank_cmp);
	out = xcalloc(m + 1, sizeof *out);
	for (i = 0; i < m; i++)
		out[i] = r[i].entity;
	free(r);
	free(tot);
	*n = m;
	return out;
}
