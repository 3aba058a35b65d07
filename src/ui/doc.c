/* doc: lazily highlighted and wrapped article view model. */
#include "brief/ui/doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "brief/base/util.h"
#include "brief/base/wrap.h"
#include "brief/mark/parallel.h"

/* The article may still be parsing: keep the per-section arrays as long
 * as its sections. */
static void doc_grow(struct doc *d)
{
	size_t need = d->a->nsections + 1;

	if (need <= d->nsec_cap)
		return;
	{
		size_t old = d->nsec_cap, cap = old ? old : 64;

		while (cap < need)
			cap *= 2;
		d->sec_first = xrealloc(d->sec_first, cap * sizeof *d->sec_first);
		d->rows = xrealloc(d->rows, cap * sizeof *d->rows);
		d->hidden = xrealloc(d->hidden, cap);
		memset(d->sec_first + old, 0, (cap - old) * sizeof *d->sec_first);
		memset(d->rows + old, 0, (cap - old) * sizeof *d->rows);
		memset(d->hidden + old, 0, cap - old);
		d->nsec_cap = cap;
	}
}

struct doc *doc_new(struct article *a)
{
	struct doc *d = xcalloc(1, sizeof *d);

	d->a = a;
	doc_grow(d);
	d->st = hl_state_new();
	d->width = 80;
	d->fold = 1;
	return d;
}

void doc_free(struct doc *d)
{
	size_t i;

	if (d == NULL)
		return;
	highlight_pool_free(d->pool);
	mentions_free(&d->m);
	for (i = 0; i < DOC_CACHE; i++)
		mentions_free(&d->cache[i].m);
	free(d->sec_first);
	free(d->rows);
	free(d->hidden);
	hl_state_free(d->st);
	free(d);
}

int doc_parse(struct doc *d, size_t budget)
{
	size_t from = d->a->parsed;
	int done = article_parse(d->a, budget);

	doc_grow(d);
	/* what is parsed is read again only when shown or highlighted */
	article_release(d->a, from, d->a->parsed);
	return done;
}

/* emit for the pool: the next section's mentions. */
static int take_section(void *arg, size_t sec, struct mentions *m)
{
	struct doc *d = arg;

	d->sec_first[sec] = d->m.n;
	mentions_append(&d->m, m);
	d->done = sec + 1;
	d->sec_first[d->done] = d->m.n;
	return 0;
}

int doc_work(struct doc *d, struct highlighter *h, size_t n)
{
	size_t first = d->done;

	doc_grow(d);
	if (d->pool == NULL && d->done == 0 && d->a->complete && d->jobs > 1)
		d->pool = highlight_pool_new(h, d->a, d->jobs);
	if (d->pool && highlight_pool_step(d->pool, take_section, d)) {
		highlight_pool_free(d->pool);
		d->pool = NULL;
	}
	while (d->pool == NULL && n-- > 0 && d->done < d->a->nsections) {
		d->sec_first[d->done] = d->m.n;
		highlight_section(h, d->st, d->a, d->done, &d->m);
		d->done++;
		d->sec_first[d->done] = d->m.n;
	}
	/* the text just highlighted is read again only when shown */
	if (d->done > first)
		article_release(d->a, d->a->sections[first].start,
				d->a->sections[d->done - 1].end);
	if (d->done == d->a->nsections && d->a->complete) {
		size_t i;

		for (i = 0; i < DOC_CACHE; i++)
			mentions_free(&d->cache[i].m);
		memset(d->cache, 0, sizeof d->cache);
		return 1;
	}
	return 0;
}

int doc_complete(const struct doc *d)
{
	return d->a->complete && d->done == d->a->nsections;
}

void doc_invalidate(struct doc *d)
{
	size_t i;

	highlight_pool_free(d->pool);
	d->pool = NULL;
	mentions_free(&d->m);
	for (i = 0; i < DOC_CACHE; i++)
		mentions_free(&d->cache[i].m);
	memset(d->cache, 0, sizeof d->cache);
	d->cache_clock = 0;
	d->done = 0;
	memset(d->sec_first, 0, d->nsec_cap * sizeof *d->sec_first);
	hl_state_free(d->st);
	d->st = hl_state_new();
}

const struct mention *doc_mentions(struct doc *d, struct highlighter *h,
				   size_t sec, size_t *n,
				   const struct figure **figs)
{
	size_t i, victim = 0;
	struct hl_state *st;

	if (h == NULL) {
		*n = 0;
		*figs = NULL;
		return NULL;
	}
	if (sec < d->done) {
		*n = d->sec_first[sec + 1] - d->sec_first[sec];
		*figs = d->m.figs;
		return d->m.v + d->sec_first[sec];
	}
	for (i = 0; i < DOC_CACHE; i++)
		if (d->cache[i].used && d->cache[i].sec == sec) {
			d->cache[i].used = (int)++d->cache_clock;
			*n = d->cache[i].m.n;
			*figs = d->cache[i].m.figs;
			return d->cache[i].m.v;
		}
	for (i = 1; i < DOC_CACHE; i++)
		if (d->cache[i].used < d->cache[victim].used)
			victim = i;
	mentions_free(&d->cache[victim].m);
	st = hl_state_new();
	highlight_section(h, st, d->a, sec, &d->cache[victim].m);
	hl_state_free(st);
	d->cache[victim].sec = sec;
	d->cache[victim].used = (int)++d->cache_clock;
	*n = d->cache[victim].m.n;
	*figs = d->cache[victim].m.figs;
	return d->cache[victim].m.v;
}

void doc_set_width(struct doc *d, int width)
{
	if (width < 1)
		width = 1;
	if (width == d->width)
		return;
	{
		/* keep the reading position: remember the top offset */
		size_t off = doc_top_offset(d);

		d->width = width;
		memset(d->rows, 0, d->nsec_cap * sizeof *d->rows);
		doc_show_offset(d, off, 0);
	}
}

void doc_set_fold(struct doc *d, int fold)
{
	size_t off = doc_top_offset(d);
	size_t i;

	d->fold = fold;
	for (i = 0; i < d->a->nsections; i++)
		if (d->a->sections[i].kind == SECTION_BOILERPLATE)
			d->rows[i] = 0;
	doc_show_offset(d, off, 0);
}

int doc_folded(const struct doc *d, size_t sec)
{
	return d->fold && d->a->sections[sec].kind == SECTION_BOILERPLATE;
}

size_t doc_lines(const struct doc *d, size_t sec, size_t *starts, size_t max)
{
	const struct section *s = &d->a->sections[sec];

	if (doc_folded(d, sec)) {
		if (starts && max)
			starts[0] = s->start;
		return 1;
	}
	return wrap_lines(d->a->text, s->start, s->end, d->width, starts, max);
}

int doc_hidden(const struct doc *d, size_t sec)
{
	return d->filtered && sec < d->nsec_cap && d->hidden[sec];
}

#define NO_SEC ((size_t)-1)

static size_t next_visible(const struct doc *d, size_t sec)
{
	for (; sec < d->a->nsections; sec++)
		if (!doc_hidden(d, sec))
			return sec;
	return NO_SEC;
}

static size_t prev_visible(const struct doc *d, size_t sec)
{
	while (sec-- > 0)
		if (!doc_hidden(d, sec))
			return sec;
	return NO_SEC;
}

/* Keep the position on a shown section. */
static void normalise(struct doc *d)
{
	size_t s;

	if (!doc_hidden(d, d->top_sec))
		return;
	s = next_visible(d, d->top_sec);
	if (s == NO_SEC)
		s = prev_visible(d, d->top_sec);
	d->top_sec = s == NO_SEC ? 0 : s;
	d->top_row = 0;
}

void doc_filter(struct doc *d, const unsigned char *keep)
{
	size_t i;

	doc_grow(d);
	d->filtered = keep != NULL;
	for (i = 0; i < d->a->nsections; i++)
		d->hidden[i] = keep ? !keep[i] : 0;
	normalise(d);
}

size_t doc_rows(struct doc *d, size_t sec)
{
	if (sec >= d->a->nsections || doc_hidden(d, sec))
		return 0;
	doc_grow(d);
	if (d->rows[sec] == 0)
		d->rows[sec] = (uint32_t)doc_lines(d, sec, NULL, 0) + 1;
	return d->rows[sec];
}

void doc_scroll(struct doc *d, long delta)
{
	if (d->a->nsections == 0)
		return;
	normalise(d);
	if (doc_hidden(d, d->top_sec))
		return; /* nothing is shown */
	while (delta > 0) {
		size_t rows = doc_rows(d, d->top_sec);
		size_t left = rows - 1 - d->top_row, nx;

		if ((size_t)delta <= left) {
			d->top_row += (size_t)delta;
			return;
		}
		nx = next_visible(d, d->top_sec + 1);
		if (nx == NO_SEC) {
			d->top_row = rows - 1;
			return;
		}
		delta -= (long)left + 1;
		d->top_sec = nx;
		d->top_row = 0;
	}
	while (delta < 0) {
		size_t pv;

		if ((size_t)-delta <= d->top_row) {
			d->top_row -= (size_t)-delta;
			return;
		}
		delta += (long)d->top_row + 1;
		pv = prev_visible(d, d->top_sec);
		if (pv == NO_SEC) {
			d->top_row = 0;
			return;
		}
		d->top_sec = pv;
		d->top_row = doc_rows(d, pv) - 1;
	}
}

void doc_top(struct doc *d)
{
	d->top_sec = 0;
	d->top_row = 0;
	normalise(d);
}

void doc_bottom(struct doc *d, size_t visible)
{
	size_t last, total, pv;

	if (d->a->nsections == 0)
		return;
	last = prev_visible(d, d->a->nsections);
	if (last == NO_SEC)
		return;
	d->top_sec = last;
	d->top_row = 0;
	/* the last section's blank row is not shown at the bottom */
	total = doc_rows(d, last) - 1;
	while (total < visible &&
	       (pv = prev_visible(d, d->top_sec)) != NO_SEC) {
		d->top_sec = pv;
		total += doc_rows(d, pv);
	}
	if (total > visible)
		d->top_row = total - visible;
	if (d->top_row >= doc_rows(d, d->top_sec))
		d->top_row = doc_rows(d, d->top_sec) - 1;
}

/* Rows shown from the reading position to the end of the text, counted
 * up to limit (the last section's blank row is not counted). */
static size_t rows_to_end(struct doc *d, size_t limit)
{
	size_t sec = d->top_sec, total = 0;

	if (doc_hidden(d, sec))
		return 0;
	total = doc_rows(d, sec) - d->top_row;
	while (total < limit + 1) {
		size_t nx = next_visible(d, sec + 1);

		if (nx == NO_SEC)
			return total ? total - 1 : 0;
		sec = nx;
		total += doc_rows(d, sec);
	}
	return total;
}

void doc_clamp_end(struct doc *d, size_t visible)
{
	size_t sec = d->top_sec, row = d->top_row;

	if (d->a->nsections == 0 || !d->a->complete || visible == 0)
		return;
	if (rows_to_end(d, visible) >= visible)
		return;
	doc_bottom(d, visible);
	/* never forward: a text shorter than the pane stays where it is */
	if (d->top_sec > sec || (d->top_sec == sec && d->top_row > row)) {
		d->top_sec = sec;
		d->top_row = row;
	}
}

int doc_view_end(struct doc *d, size_t visible, size_t *last_sec,
		 size_t *off)
{
	size_t sec = d->top_sec, left, nx;

	*last_sec = sec;
	*off = d->a->len;
	if (d->a->nsections == 0)
		return 1;
	if (doc_hidden(d, sec)) {
		*off = d->a->sections[sec].start;
		return 0;
	}
	left = visible;
	/* rows of the top section from the reading position */
	for (;;) {
		size_t rows = doc_rows(d, sec), from = sec == d->top_sec
							     ? d->top_row : 0;

		if (rows - from >= left) {
			size_t n = doc_lines(d, sec, NULL, 0), *starts, r;

			*last_sec = sec;
			r = from + left; /* the first row not shown */
			if (r >= n) {
				*off = d->a->sections[sec].end;
			} else {
				starts = xcalloc(n, sizeof *starts);
				doc_lines(d, sec, starts, n);
				*off = starts[r];
				free(starts);
			}
			break;
		}
		left -= rows - from;
		*last_sec = sec;
		nx = next_visible(d, sec + 1);
		if (nx == NO_SEC) {
			*off = d->a->sections[sec].end;
			return d->a->complete;
		}
		sec = nx;
	}
	return d->a->complete && next_visible(d, sec + 1) == NO_SEC &&
	       *off >= d->a->sections[sec].end;
}

static size_t row_of_offset(struct doc *d, size_t sec, size_t off)
{
	size_t n = doc_lines(d, sec, NULL, 0), i;
	size_t *starts;
	size_t row = 0;

	if (n <= 1)
		return 0;
	starts = xcalloc(n, sizeof *starts);
	doc_lines(d, sec, starts, n);
	for (i = 0; i < n; i++)
		if (starts[i] <= off)
			row = i;
	free(starts);
	return row;
}

void doc_show_offset(struct doc *d, size_t off, size_t at)
{
	long sec;

	if (d->a->nsections == 0)
		return;
	sec = article_section_at(d->a, off);
	if (sec < 0) {
		/* between sections: the next one */
		size_t i;

		for (i = 0; i < d->a->nsections; i++)
			if (d->a->sections[i].start >= off)
				break;
		sec = (long)(i < d->a->nsections ? i : d->a->nsections - 1);
		off = d->a->sections[sec].start;
	}
	d->top_sec = (size_t)sec;
	d->top_row = doc_folded(d, (size_t)sec) || doc_hidden(d, (size_t)sec)
			     ? 0
			     : row_of_offset(d, (size_t)sec, off);
	normalise(d);
	doc_scroll(d, -(long)at);
}

size_t doc_top_offset(struct doc *d)
{
	size_t *starts, n, off;

	if (d->a->nsections == 0)
		return 0;
	n = doc_lines(d, d->top_sec, NULL, 0);
	if (d->top_row >= n)
		return d->a->sections[d->top_sec].end;
	starts = xcalloc(n, sizeof *starts);
	doc_lines(d, d->top_sec, starts, n);
	off = starts[d->top_row];
	free(starts);
	return off;
}

void doc_position(struct doc *d, size_t visible, char *out, size_t n)
{
	size_t last, off, first = d->top_sec + 1;
	int end = doc_view_end(d, visible, &last, &off);

	if (d->a->nsections == 0) {
		snprintf(out, n, "(empty)");
		return;
	}
	if (last + 1 != first)
		snprintf(out, n, "§%zu–%zu/%zu%s  ", first, last + 1,
			 d->a->nsections, d->a->complete ? "" : "+");
	else
		snprintf(out, n, "§%zu/%zu%s  ", first, d->a->nsections,
			 d->a->complete ? "" : "+");
	if (end)
		snprintf(out + strlen(out), n - strlen(out), "END");
	else
		snprintf(out + strlen(out), n - strlen(out), "%d%%",
			 d->a->len ? (int)((double)off * 100.0 /
					   (double)d->a->len)
				   : 100);
}

int doc_offset_visible(struct doc *d, size_t off, size_t visible,
		       size_t *row)
{
	long sec = article_section_at(d->a, off);
	size_t r = 0, s;

	if (sec < 0 || (size_t)sec < d->top_sec || doc_hidden(d, (size_t)sec))
		return 0;
	for (s = d->top_sec; s < (size_t)sec; s++) {
		r += doc_rows(d, s) - (s == d->top_sec ? d->top_row : 0);
		if (r >= visible)
			return 0;
	}
	{
		size_t rr = doc_folded(d, (size_t)sec)
				    ? 0
				    : row_of_offset(d, (size_t)sec, off);

		if ((size_t)sec == d->top_sec) {
			if (rr < d->top_row)
				return 0;
			rr -= d->top_row;
		}
		r += rr;
	}
	if (r >= visible)
		return 0;
	if (row)
		*row = r;
	return 1;
}
