/* pdf_roles: what each block of a PDF is.
 *
 * - Running headers and footers: a block in the top or bottom margin
 *   (MARGIN of the page's height) whose text, with every digit taken as
 *   the same, stands within SAME_Y points of the same height on three
 *   pages or more (a chapter's running head need not run through the
 *   whole document), or on two of a document of up to four pages; or
 *   on the line of a page number.
 * - Page numbers: a block in those margins reading "7", "- 7 -", "vii",
 *   "Page 7", "p. 7", "Page 7 of 9" or "7 / 9".
 * - The headline: on the first page with text, the block of the largest
 *   type (line height) if that is at least HEAD_RATIO times the body's
 *   (the type most of the text is set in), it stands in the top half of
 *   the page and has at most four lines; blocks of the same type right
 *   after it belong to it, and the blocks above it on that page (a
 *   kicker, a department's name) are boilerplate.
 * - Headings: other blocks of at most three lines, all set at least
 *   HEADING_RATIO times larger than the body. */
#include "pdf_priv.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "brief/base/util.h"

#define MARGIN 0.15f
#define SAME_Y 6.0f
#define HEAD_RATIO 1.15f
#define HEADING_RATIO 1.12f

float pdf_line_size(const struct pdf_line *l)
{
	return l->y1 - l->y0;
}

/* The smallest type in the block (so that a heading is large all
 * through). */
static float block_size(const struct pdf_doc *d, const struct pdf_block *b)
{
	float s = 0;
	size_t i;

	for (i = b->line; i < b->line + b->nlines; i++)
		if (i == b->line || pdf_line_size(&d->lines[i]) < s)
			s = pdf_line_size(&d->lines[i]);
	return s;
}

struct size_weight {
	long key;      /* half points */
	size_t weight; /* bytes of text */
};

static int by_key(const void *a, const void *b)
{
	const struct size_weight *x = a, *y = b;

	return (x->key > y->key) - (x->key < y->key);
}

/* The type most of the text is set in: the line height that carries
 * the most bytes, to half a point. */
static float body_size(const struct pdf_doc *d)
{
	struct size_weight *w;
	size_t i, j, best = 0, sum;
	float size = 0;

	if (d->nlines == 0)
		return 0;
	w = xmalloc(d->nlines * sizeof *w);
	for (i = 0; i < d->nlines; i++) {
		w[i].key = lroundf(pdf_line_size(&d->lines[i]) * 2);
		w[i].weight = strlen(d->lines[i].text);
	}
	xqsort(w, d->nlines, sizeof *w, by_key);
	for (i = 0; i < d->nlines; i = j) {
		sum = 0;
		for (j = i; j < d->nlines && w[j].key == w[i].key; j++)
			sum += w[j].weight;
		if (sum > best) {
			best = sum;
			size = (float)w[i].key / 2;
		}
	}
	free(w);
	return size;
}

static int in_margin(const struct pdf_doc *d, const struct pdf_block *b)
{
	float h = d->pages[b->page - 1].height;

	return h > 0 && (b->y1 <= h * MARGIN || b->y0 >= h * (1 - MARGIN));
}

/* The block's text (its lines joined by spaces) into b. */
static void block_text(const struct pdf_doc *d, const struct pdf_block *k,
		       struct buf *b)
{
	size_t i;

	b->len = 0;
	buf_add(b, "", 0);
	for (i = k->line; i < k->line + k->nlines; i++) {
		if (i > k->line)
			buf_addc(b, ' ');
		buf_adds(b, d->lines[i].text);
	}
}

/* Skip the characters page numbers are dressed in (spaces, dashes,
 * pipes, brackets, en and em dashes). */
static const char *skip_dress(const char *s)
{
	for (;;) {
		if (*s == ' ' || *s == '-' || *s == '|' || *s == '[' ||
		    *s == ']' || *s == '(' || *s == ')')
			s++;
		else if (strncmp(s, "\xE2\x80\x93", 3) == 0 ||
			 strncmp(s, "\xE2\x80\x94", 3) == 0)
			s += 3;
		else
			return s;
	}
}

/* A number in digits or small roman numerals; the end, or NULL. */
static const char *number(const char *s)
{
	const char *p = s;

	if (isdigit((unsigned char)*p)) {
		while (isdigit((unsigned char)*p))
			p++;
		return p - s <= 5 ? p : NULL;
	}
	while (*p && strchr("ivxlc", *p))
		p++;
	return p > s && p - s <= 7 ? p : NULL;
}

/* "7", "- 7 -", "vii", "Page 7", "p. 7", "Page 7 of 9", "7 / 9". */
static int is_page_number(const char *text)
{
	char low[64];
	const char *p;
	size_t i;

	for (i = 0; text[i] && i + 1 < sizeof low; i++)
		low[i] = (char)tolower((unsigned char)text[i]);
	if (text[i])
		return 0;
	low[i] = '\0';
	p = skip_dress(low);
	if (strncmp(p, "page", 4) == 0)
		p += 4;
	else if (strncmp(p, "p.", 2) == 0)
		p += 2;
	while (*p == ' ')
		p++;
	if ((p = number(p)) == NULL)
		return 0;
	while (*p == ' ')
		p++;
	if (strncmp(p, "of", 2) == 0 || *p == '/') {
		p += *p == '/' ? 1 : 2;
		while (*p == ' ')
			p++;
		if ((p = number(p)) == NULL)
			return 0;
	}
	return *skip_dress(p) == '\0';
}

/* A margin block's key: its text folded, every digit '#'. */
struct margin {
	char *key;
	float y;
	size_t block;
};

static int by_key_y(const void *a, const void *b)
{
	const struct margin *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c ? c : (x->y > y->y) - (x->y < y->y);
}

static char *fold_key(const char *s)
{
	char *k = xstrdup(s), *p;

	for (p = k; *p; p++)
		*p = isdigit((unsigned char)*p) ? '#'
						: (char)tolower((unsigned char)*p);
	return k;
}

/* Page numbers and running headers and footers. */
static void margins(struct pdf_doc *d)
{
	struct margin *m = xcalloc(d->nblocks + 1, sizeof *m);
	struct buf t = {0};
	size_t n = 0, i, j, lo, hi;

	for (i = 0; i < d->nblocks; i++) {
		struct pdf_block *b = &d->blocks[i];

		if (b->nlines == 0 || !in_margin(d, b))
			continue;
		block_text(d, b, &t);
		if (is_page_number(t.data)) {
			b->role = PR_PAGENUM;
			continue;
		}
		m[n].key = fold_key(t.data);
		m[n].y = b->y0;
		m[n++].block = i;
	}
	buf_free(&t);
	xqsort(m, n, sizeof *m, by_key_y);
	/* a window of the same key within SAME_Y points, over sorted y */
	for (i = lo = hi = 0; i < n; i++) {
		size_t pages;

		while (strcmp(m[lo].key, m[i].key) != 0 ||
		       m[i].y - m[lo].y > SAME_Y)
			lo++;
		if (hi < i)
			hi = i;
		while (hi + 1 < n && strcmp(m[hi + 1].key, m[i].key) == 0 &&
		       m[hi + 1].y - m[i].y <= SAME_Y)
			hi++;
		pages = hi - lo + 1;
		if (pages >= 3 || (pages == 2 && d->npages <= 4))
			d->blocks[m[i].block].role = PR_RUNNING;
	}
	for (j = 0; j < n; j++)
		free(m[j].key);
	free(m);
}

/* A margin block on the line of a page number (a chapter's title beside
 * it) runs with it. */
static void beside_numbers(struct pdf_doc *d)
{
	size_t i, j, first = 0;

	for (i = 0; i < d->nblocks; i++) {
		struct pdf_block *b = &d->blocks[i];

		if (d->blocks[first].page != b->page)
			first = i;
		if (b->role != PR_BODY || b->nlines == 0 || !in_margin(d, b))
			continue;
		for (j = first; j < d->nblocks && d->blocks[j].page == b->page;
		     j++)
			if (d->blocks[j].role == PR_PAGENUM &&
			    fabsf(d->blocks[j].y0 - b->y0) <= SAME_Y)
				b->role = PR_RUNNING;
	}
}

/* The headline on the first page with text, and what stands above it. */
static void headline(struct pdf_doc *d, float body)
{
	size_t i, best = d->nblocks;
	float bs = 0, s;
	int page = 0;

	for (i = 0; i < d->nblocks; i++) {
		struct pdf_block *b = &d->blocks[i];

		if (b->role != PR_BODY || b->nlines == 0)
			continue;
		if (page == 0)
			page = b->page;
		if (b->page != page)
			break;
		s = block_size(d, b);
		if (s > bs + 0.25f) {
			bs = s;
			best = i;
		}
	}
	if (best == d->nblocks || bs < body * HEAD_RATIO ||
	    d->blocks[best].nlines > 4 ||
	    d->blocks[best].y0 > d->pages[page - 1].height / 2)
		return;
	for (i = 0; i < best; i++)
		if (d->blocks[i].role == PR_BODY && d->blocks[i].nlines)
			d->blocks[i].role = PR_BEFORE;
	d->blocks[best].role = PR_HEADLINE;
	for (i = best + 1; i < d->nblocks && d->blocks[i].page == page &&
	     d->blocks[i].role == PR_BODY &&
	     fabsf(block_size(d, &d->blocks[i]) - bs) <= 0.25f; i++)
		d->blocks[i].role = PR_HEADLINE;
}

void pdf_roles(struct pdf_doc *d)
{
	float body = body_size(d);
	size_t i;

	margins(d);
	beside_numbers(d);
	headline(d, body);
	for (i = 0; i < d->nblocks; i++) {
		struct pdf_block *b = &d->blocks[i];

		if (b->role == PR_BODY && b->nlines && b->nlines <= 3 &&
		    block_size(d, b) >= body * HEADING_RATIO)
			b->role = PR_HEADING;
	}
}
