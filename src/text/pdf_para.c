/* pdf_para: a PDF's lines made paragraphs again.
 *
 * A block of pdftotext is split into paragraphs where a line starts
 * indented (at least INDENT of its height right of the block's left
 * edge, in a block whose lines are mostly flush left), where the line
 * before it ends a sentence and stops short (under SHORT of the block's
 * width, in blocks of three lines or more), or where the gap above it
 * is wider than GAP of its height.  Lines are joined by a space.  A
 * paragraph that does not end a sentence, followed by one that starts
 * with a small letter, is one paragraph cut by a page or column break
 * (the running footer and header between them are kept, after it).
 * A line that starts with a list bullet starts a paragraph; bullets
 * set apart from their items (a block of bullets alone) are put before
 * the lines on their height in the block that follows.
 *
 * A word cut at a line end ("trans-" / "port") is joined.  The hyphen
 * stays when the text after it starts with a capital or a digit
 * ("Indo-" / "Pacific", "COVID-" / "19"), when the part before it holds
 * a hyphen already ("state-of-the-" / "art"), and otherwise as the
 * document's own words decide: written whole elsewhere ("transport") it
 * is joined; written with the hyphen elsewhere ("short-range"), or both
 * parts found as words of their own ("short", "range"), the hyphen
 * stays; with none of these it is joined (a cut word is far more common
 * at a line end than a compound).  A soft hyphen (U+00AD) is always
 * dropped. */
#include "pdf_priv.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "brief/base/util.h"

#define INDENT 0.8f
#define SHORT 0.7f
#define GAP 0.8f

/* The document's words: hashes of their folded forms, sorted. */
struct vocab {
	uint64_t *h;
	size_t n, cap;
};

static int is_word_byte(unsigned char c)
{
	return isalnum(c) || c >= 0x80;
}

static uint64_t fold_hash(const char *s, size_t n)
{
	char tmp[128];
	size_t i;

	if (n > sizeof tmp)
		n = sizeof tmp;
	for (i = 0; i < n; i++)
		tmp[i] = (char)tolower((unsigned char)s[i]);
	return hash_bytes(tmp, n);
}

static void vocab_add(struct vocab *v, const char *s, size_t n)
{
	if (n == 0)
		return;
	v->h = xgrow(v->h, &v->cap, v->n + 1, sizeof *v->h);
	v->h[v->n++] = fold_hash(s, n);
}

static int vocab_has(const struct vocab *v, const char *s, size_t n)
{
	uint64_t k = fold_hash(s, n);
	size_t lo = 0, hi = v->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (v->h[mid] < k)
			lo = mid + 1;
		else if (v->h[mid] > k)
			hi = mid;
		else
			return 1;
	}
	return 0;
}

static int by_hash(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

/* Does the text end with a hyphen (ASCII, U+2010 or a soft hyphen)
 * after a letter?  Its length in bytes, or 0. */
static size_t end_hyphen(const char *s, size_t n)
{
	size_t h = 0;

	if (n >= 2 && s[n - 1] == '-')
		h = 1;
	else if (n >= 3 && memcmp(s + n - 3, "\xE2\x80\x90", 3) == 0)
		h = 3;
	else if (n >= 3 && memcmp(s + n - 2, "\xC2\xAD", 2) == 0)
		h = 2;
	return h && is_word_byte((unsigned char)s[n - h - 1]) &&
		       !isdigit((unsigned char)s[n - h - 1]) ? h : 0;
}

/* Add the words of one line: each word, and each part of a hyphenated
 * one.  A word cut at the line's end, and the rest of a word cut at the
 * end of the line before (cut), are left out. */
static void vocab_line(struct vocab *v, const char *s, int cut)
{
	size_t n = strlen(s), i = 0, a, b, p, q;
	int first = 1;

	while (i < n) {
		while (i < n && !is_word_byte((unsigned char)s[i]))
			i++;
		a = i;
		while (i < n && s[i] != ' ')
			i++;
		b = i;
		while (b > a && !is_word_byte((unsigned char)s[b - 1]))
			b--;
		if (b == a || (cut && first) || (i == n && end_hyphen(s, n))) {
			first = 0;
			continue;
		}
		first = 0;
		vocab_add(v, s + a, b - a);
		if (memchr(s + a, '-', b - a) == NULL)
			continue;
		for (p = q = a; p <= b; p++)
			if (p == b || s[p] == '-') {
				vocab_add(v, s + q, p - q);
				q = p + 1;
			}
	}
}

static void vocab_build(const struct pdf_doc *d, struct vocab *v)
{
	size_t i, j;

	memset(v, 0, sizeof *v);
	for (i = 0; i < d->nblocks; i++) {
		const struct pdf_block *b = &d->blocks[i];
		int cut = 0;

		for (j = b->line; j < b->line + b->nlines; j++) {
			const char *t = d->lines[j].text;

			vocab_line(v, t, cut);
			cut = end_hyphen(t, strlen(t)) != 0;
		}
	}
	xqsort(v->h, v->n, sizeof *v->h, by_hash);
}

/* "left-" ends a line and "right" starts the next: keep the hyphen? */
static int keep_hyphen(const struct vocab *v, const char *left, size_t ln,
		       const char *right, size_t rn)
{
	char joined[256];

	if (rn == 0 || !islower((unsigned char)right[0]))
		return !(rn && (unsigned char)right[0] >= 0x80);
	if (memchr(left, '-', ln))
		return 1;
	if (ln + rn + 1 > sizeof joined)
		return 0;
	memcpy(joined, left, ln);
	memcpy(joined + ln, right, rn);
	if (vocab_has(v, joined, ln + rn))
		return 0;
	joined[ln] = '-';
	memcpy(joined + ln + 1, right, rn);
	if (vocab_has(v, joined, ln + rn + 1))
		return 1;
	return vocab_has(v, left, ln) && vocab_has(v, right, rn);
}

/* Append text to the paragraph p: after a space, or, when p ends with a
 * cut word, joined to it. */
static void join(struct buf *p, const char *text, const struct vocab *v)
{
	size_t h = p->len ? end_hyphen(p->data, p->len) : 0;
	size_t ls, rn = 0;

	if (p->len == 0) {
		buf_adds(p, text);
		return;
	}
	if (h == 0) {
		buf_addc(p, ' ');
		buf_adds(p, text);
		return;
	}
	ls = p->len - h;
	while (ls > 0 && p->data[ls - 1] != ' ')
		ls--;
	while (text[rn] && is_word_byte((unsigned char)text[rn]))
		rn++;
	if (h == 2 || !keep_hyphen(v, p->data + ls, p->len - h - ls, text,
				   rn)) {
		p->len -= h;
		p->data[p->len] = '\0';
	}
	buf_adds(p, text);
}

/* The length of the list bullet that s starts with (a bullet, a white
 * bullet, a square or a triangle, alone or before a space), or 0. */
static size_t bullet(const char *s)
{
	static const char *const marks[] = {
		"\xE2\x80\xA2", "\xE2\x97\xA6", "\xE2\x96\xAA",
		"\xE2\x96\xA0", "\xE2\x80\xA3", "\xE2\x81\x83"
	};
	size_t i;

	for (i = 0; i < sizeof marks / sizeof *marks; i++)
		if (strncmp(s, marks[i], 3) == 0 &&
		    (s[3] == '\0' || s[3] == ' '))
			return 3;
	return 0;
}

/* Does line i of block b start a new paragraph? */
static int starts_paragraph(const struct pdf_doc *d,
			    const struct pdf_block *b, size_t i, float left,
			    float right, int flush)
{
	const struct pdf_line *l = &d->lines[i], *prev = &d->lines[i - 1];
	float size = pdf_line_size(l);
	size_t n = strlen(prev->text);
	char last = n ? prev->text[n - 1] : ' ';

	if (bullet(l->text) || (flush && l->x0 - left >= INDENT * size))
		return 1;
	if (b->nlines >= 3 && strchr(".!?:\"", last) &&
	    prev->x1 - left < SHORT * (right - left))
		return 1;
	return l->y0 - prev->y1 > GAP * size;
}

/* What a paragraph is being built into, and what waits for it. */
struct para {
	struct buf text;
	int page;
	struct buf held;      /* boilerplate met while it may go on */
	int *held_pages;
	size_t nheld, cap_held;
	int had_lead;
	const struct vocab *v;
};

/* Does the paragraph end a sentence? */
static int ends_sentence(const struct buf *b)
{
	size_t n = b->len;

	while (n > 0 && strchr("\"')]", b->data[n - 1]))
		n--;
	while (n >= 3 && (memcmp(b->data + n - 3, "\xE2\x80\x9D", 3) == 0 ||
			  memcmp(b->data + n - 3, "\xE2\x80\x99", 3) == 0))
		n -= 3;
	return n > 0 && strchr(".!?:", b->data[n - 1]) != NULL;
}

static void flush(struct para *p, struct xdoc *x)
{
	size_t i;
	const char *s;

	if (p->text.len) {
		xdoc_add(x, p->had_lead ? XB_BODY : XB_LEAD, p->text.data,
			 p->page);
		p->had_lead = 1;
	}
	p->text.len = 0;
	for (i = 0, s = p->held.data; i < p->nheld; i++) {
		xdoc_add(x, XB_BOILERPLATE, s, p->held_pages[i]);
		s += strlen(s) + 1;
	}
	p->held.len = 0;
	p->nheld = 0;
}

/* A body paragraph: it goes on the open one, or starts its own. */
static void body(struct para *p, struct xdoc *x, const struct buf *t,
		 int page)
{
	if (p->text.len && !ends_sentence(&p->text) &&
	    islower((unsigned char)t->data[0])) {
		join(&p->text, t->data, p->v);
		return;
	}
	flush(p, x);
	buf_adds(&p->text, t->data);
	p->page = page;
}

/* Boilerplate waits while a paragraph may go on. */
static void boiler(struct para *p, struct xdoc *x, const char *t, int page)
{
	if (p->text.len == 0) {
		xdoc_add(x, XB_BOILERPLATE, t, page);
		return;
	}
	buf_add(&p->held, t, strlen(t) + 1);
	p->held_pages = xgrow(p->held_pages, &p->cap_held, p->nheld + 1,
			      sizeof *p->held_pages);
	p->held_pages[p->nheld++] = page;
}

/* Empty the buffer, leaving it a string. */
static void reset(struct buf *t)
{
	t->len = 0;
	buf_add(t, "", 0);
}

/* The block's lines joined, whatever they are. */
static void whole(const struct pdf_doc *d, const struct pdf_block *b,
		  const struct vocab *v, struct buf *t)
{
	size_t i;

	reset(t);
	for (i = b->line; i < b->line + b->nlines; i++)
		join(t, d->lines[i].text, v);
}

/* Is every line of the block a lone bullet (a column of list marks that
 * pdftotext set apart from the items)? */
static int only_bullets(const struct pdf_doc *d, const struct pdf_block *b)
{
	size_t i;

	for (i = b->line; i < b->line + b->nlines; i++)
		if (bullet(d->lines[i].text) != strlen(d->lines[i].text))
			return 0;
	return b->nlines > 0;
}

/* Is there a bullet of the marks block on the height of line l? */
static int marked(const struct pdf_doc *d, const struct pdf_block *marks,
		  const struct pdf_line *l)
{
	size_t i;

	for (i = 0; marks && i < marks->nlines; i++) {
		const struct pdf_line *m = &d->lines[marks->line + i];

		if (m->y0 < l->y1 && l->y0 < m->y1 && m->x1 <= l->x0)
			return 1;
	}
	return 0;
}

/* A body block, paragraph by paragraph; marks (or NULL) is a column of
 * bullets just before it, each put before the line on its height. */
static void body_block(const struct pdf_doc *d, const struct pdf_block *b,
		       const struct pdf_block *marks, struct para *p,
		       struct xdoc *x, struct buf *t)
{
	float left = b->x1, right = b->x0;
	size_t i, atleft = 0;
	int flush_left;

	for (i = b->line; i < b->line + b->nlines; i++) {
		if (d->lines[i].x0 < left)
			left = d->lines[i].x0;
		if (d->lines[i].x1 > right)
			right = d->lines[i].x1;
	}
	for (i = b->line; i < b->line + b->nlines; i++)
		atleft += d->lines[i].x0 - left < 2;
	flush_left = 2 * atleft > b->nlines;
	reset(t);
	for (i = b->line; i < b->line + b->nlines; i++) {
		int mark = marked(d, marks, &d->lines[i]);

		if (i > b->line &&
		    (mark || starts_paragraph(d, b, i, left, right,
					      flush_left))) {
			body(p, x, t, b->page);
			reset(t);
		}
		if (mark)
			buf_adds(t, "\xE2\x80\xA2");
		join(t, d->lines[i].text, p->v);
	}
	if (t->len)
		body(p, x, t, b->page);
}

void pdf_paragraphs(const struct pdf_doc *d, struct xdoc *x)
{
	struct vocab v;
	struct para p = {0};
	struct buf t = {0}, head = {0};
	size_t i;
	int head_page = 0;

	vocab_build(d, &v);
	p.v = &v;
	for (i = 0; i < d->nblocks; i++) {
		const struct pdf_block *b = &d->blocks[i];

		if (b->role != PR_HEADLINE || b->nlines == 0)
			continue;
		whole(d, b, &v, &t);
		join(&head, t.data, &v);
		head_page = b->page;
	}
	if (head.len)
		xdoc_add(x, XB_HEADLINE, head.data, head_page);
	for (i = 0; i < d->nblocks; i++) {
		const struct pdf_block *b = &d->blocks[i];

		if (b->nlines == 0 || b->role == PR_HEADLINE)
			continue;
		if (b->role == PR_BODY && only_bullets(d, b) &&
		    i + 1 < d->nblocks && d->blocks[i + 1].role == PR_BODY &&
		    d->blocks[i + 1].page == b->page) {
			body_block(d, &d->blocks[i + 1], b, &p, x, &t);
			i++;
			continue;
		}
		if (b->role == PR_BODY) {
			body_block(d, b, NULL, &p, x, &t);
			continue;
		}
		whole(d, b, &v, &t);
		if (b->role == PR_HEADING) {
			flush(&p, x);
			xdoc_add(x, XB_HEADING, t.data, b->page);
		} else {
			boiler(&p, x, t.data, b->page);
		}
	}
	flush(&p, x);
	buf_free(&p.text);
	buf_free(&p.held);
	free(p.held_pages);
	buf_free(&t);
	buf_free(&head);
	free(v.h);
}
