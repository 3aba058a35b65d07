/* cursor: the text cursor -- a byte offset in each doc, shown in the
 * focused pane -- moved by the vim motions (h j k l, w b, 0 $, ( ), H M
 * L), pulled along by the page keys, the anchor of v and V selections,
 * and what y copies. */
#include "brief/ui/reader.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "brief/base/utf8.h"
#include "brief/base/wrap.h"
#include "brief/ui/clip.h"
#include "brief/ui/draw.h"
#include "brief/ui/term.h"

/* Rows of the screen looked at for H M L and for keeping the cursor on
 * the screen: at most this many. */
#define VIEW_MAX 512

/* A row of text: section sec, its line-th wrapped line, bytes [ls, le). */
struct row {
	size_t sec, line, ls, le;
	int y;                    /* row on the screen (view_rows) */
};

static size_t doc_index(const struct ui *u, int p)
{
	return u->lay.shown[p];
}

/* Bytes of line `line` of section sec; 0 when there is no such line. */
static int row_get(struct doc *d, size_t sec, size_t line, struct row *r)
{
	const struct section *se = &d->a->sections[sec];
	size_t n = doc_lines(d, sec, NULL, 0), *starts;

	if (line >= n)
		return 0;
	r->sec = sec;
	r->line = line;
	if (doc_folded(d, sec)) {
		r->ls = se->start;
		r->le = se->end;
		return 1;
	}
	starts = xcalloc(n, sizeof *starts);
	doc_lines(d, sec, starts, n);
	r->ls = starts[line];
	r->le = line + 1 < n ? starts[line + 1] : se->end;
	free(starts);
	return 1;
}

/* The row holding byte off; 0 when off is in no shown section. */
static int row_of(struct doc *d, size_t off, struct row *r)
{
	long sec = article_section_at(d->a, off);
	size_t line = 0;

	if (sec < 0 || doc_hidden(d, (size_t)sec) ||
	    off >= d->a->sections[sec].end)
		return 0;
	while (row_get(d, (size_t)sec, line + 1, r) && r->ls <= off)
		line++;
	return row_get(d, (size_t)sec, line, r);
}

/* The shown section after (dir > 0) or before sec; 0 when none. */
static int next_section(struct doc *d, size_t *sec, int dir)
{
	size_t s = *sec;

	for (;;) {
		if (dir > 0 ? s + 1 >= d->a->nsections : s == 0)
			return 0;
		s = dir > 0 ? s + 1 : s - 1;
		if (!doc_hidden(d, s)) {
			*sec = s;
			return 1;
		}
	}
}

/* The row after (dir > 0) or before r, over section breaks. */
static int row_step(struct doc *d, struct row *r, int dir)
{
	size_t sec = r->sec;

	if (dir > 0 && row_get(d, sec, r->line + 1, r))
		return 1;
	if (dir < 0 && r->line > 0)
		return row_get(d, sec, r->line - 1, r);
	if (!next_section(d, &sec, dir))
		return 0;
	return row_get(d, sec,
		       dir > 0 ? 0 : doc_lines(d, sec, NULL, 0) - 1, r);
}

/* The text rows on the screen (the blank rows between sections left
 * out): up to max, with their screen rows. */
static size_t view_rows(struct doc *d, size_t rows, struct row *out,
			size_t max)
{
	size_t sec = d->top_sec, line = d->top_row, n = 0, y = 0;

	if (d->a->nsections == 0)
		return 0;
	while (y < rows && n < max && sec < d->a->nsections) {
		if (doc_hidden(d, sec)) {
			if (!next_section(d, &sec, 1))
				break;
			line = 0;
			continue;
		}
		if (row_get(d, sec, line, &out[n])) {
			out[n++].y = (int)y++;
			line++;
			continue;
		}
		y++; /* the blank row after the section */
		if (!next_section(d, &sec, 1))
			break;
		line = 0;
	}
	return n;
}

/* Columns from the row start ls to byte off. */
static long col_of(const char *t, size_t ls, size_t off)
{
	long c = 0;
	size_t len;

	while (ls < off) {
		c += wrap_char_width(t, ls, off, &len);
		ls += len ? len : 1;
	}
	return c;
}

/* The character of row r under column col (its last one when the row
 * is shorter; never the space that ends a wrapped row, unless alone). */
static size_t at_col(const char *t, const struct row *r, long col)
{
	size_t p = r->ls, last = r->ls, len;
	long c = 0;

	while (p < r->le) {
		int w = wrap_char_width(t, p, r->le, &len);

		if (t[p] == '\n' || (p > r->ls && t[p] == ' ' &&
				     p + (len ? len : 1) >= r->le))
			break;
		last = p;
		if (col < c + w)
			return p;
		c += w;
		p += len ? len : 1;
	}
	return last;
}

/* What kind of character is at byte i: 0 a blank, 1 part of a word, 2
 * punctuation (a word of its own, as in vim). */
static int char_class(const char *t, size_t i, size_t end)
{
	unsigned char c = (unsigned char)t[i];
	uint32_t cp;

	if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
		return 0;
	if (c < 0x80)
		return ((c | 32) >= 'a' && (c | 32) <= 'z') ||
				       (c >= '0' && c <= '9') || c == '_'
			       ? 1
			       : 2;
	utf8_decode(t + i, end - i, &cp);
	if (cp == 0xA0 || cp == 0x2002 || cp == 0x2003 || cp == 0x2009 ||
	    cp == 0x202F)
		return 0;
	if ((cp >= 0x2010 && cp <= 0x206F) || (cp >= 0xA1 && cp <= 0xBF) ||
	    cp == 0xD7 || cp == 0xF7)
		return 2;
	return 1;
}

static size_t next_char(const char *t, size_t i, size_t end)
{
	uint32_t cp;
	size_t n;

	if (i >= end)
		return i + 1;
	n = utf8_decode(t + i, end - i, &cp);

	return i + (n ? n : 1);
}

/* w and b: the start of the next or previous word, over sections. */
static size_t word_step(struct doc *d, size_t off, int dir)
{
	const char *t = d->a->text;
	long k = article_section_at(d->a, off);
	size_t sec = k < 0 ? d->top_sec : (size_t)k, p = off, s, e;
	int c;

	s = d->a->sections[sec].start;
	e = d->a->sections[sec].end;
	if (dir > 0) {
		c = p < e ? char_class(t, p, e) : 0;
		while (p < e && c != 0 && char_class(t, p, e) == c)
			p = next_char(t, p, e);
		for (;;) {
			while (p < e && char_class(t, p, e) == 0)
				p = next_char(t, p, e);
			if (p < e)
				return p;
			if (!next_section(d, &sec, 1))
				return off;
			p = d->a->sections[sec].start;
			e = d->a->sections[sec].end;
		}
	}
	for (;;) {
		while (p > s && char_class(t, utf8_prev(t, s, p), e) == 0)
			p = utf8_prev(t, s, p);
		if (p > s)
			break;
		if (!next_section(d, &sec, -1))
			return off;
		s = d->a->sections[sec].start;
		p = e = d->a->sections[sec].end;
	}
	p = utf8_prev(t, s, p);
	c = char_class(t, p, e);
	while (p > s && char_class(t, utf8_prev(t, s, p), e) == c)
		p = utf8_prev(t, s, p);
	return p;
}

/* ( and ): the start of this sentence or the one before, the start of
 * the next one (those in shown sections). */
static size_t sentence_step(struct doc *d, size_t off, int dir)
{
	const struct article *a = d->a;
	long k = article_sentence_at(a, off);

	if (a->nsentences == 0)
		return off;
	if (dir > 0) {
		size_t i = k < 0 ? 0 : (size_t)k + 1;

		for (; i < a->nsentences; i++) {
			long s = article_section_at(a, a->sentences[i].start);

			if (a->sentences[i].start > off && s >= 0 &&
			    !doc_hidden(d, (size_t)s))
				return a->sentences[i].start;
		}
		return off;
	}
	for (; k >= 0; k--) {
		long s = article_section_at(a, a->sentences[k].start);

		if (a->sentences[k].start < off && s >= 0 &&
		    !doc_hidden(d, (size_t)s))
			return a->sentences[k].start;
	}
	return off;
}

/* The focused doc's cursor row (the top row when the cursor is off the
 * text); 0 when nothing is shown. */
static int cursor_row(struct ui *u, struct doc *d, struct row *r)
{
	struct row v[1];

	if (row_of(d, d->cursor, r))
		return 1;
	if (view_rows(d, (size_t)reader_text_rows(u), v, 1) == 0)
		return 0;
	*r = v[0];
	d->cursor = r->ls;
	return 1;
}

/* Scroll the focused pane (with its partner when scrolling together)
 * until the cursor is on the screen. */
static void reveal(struct ui *u)
{
	struct doc *d = reader_focused(u);
	size_t rows = (size_t)reader_text_rows(u), tries;

	for (tries = 0; tries <= rows; tries++) {
		size_t top_sec = d->top_sec, top_row = d->top_row;

		if (doc_offset_visible(d, d->cursor, rows, NULL))
			return;
		nav_scroll(u, d->cursor < doc_top_offset(d) ? -1 : 1);
		if (d->top_sec == top_sec && d->top_row == top_row)
			break;
	}
	if (!doc_offset_visible(d, d->cursor, rows, NULL))
		doc_show_offset(d, d->cursor,
				d->cursor < doc_top_offset(d) ? 0 : rows - 1);
}

/* One step of motion m from row r (the cursor's). */
static size_t motion_step(struct ui *u, struct doc *d, struct row *r,
			  enum cursor_motion m)
{
	const char *t = d->a->text;
	size_t off = d->cursor, e = d->a->sections[r->sec].end;
	struct row v[VIEW_MAX];
	size_t n;

	switch (m) {
	case CUR_LEFT:
		return off > r->ls ? utf8_prev(t, r->ls, off) : off;
	case CUR_RIGHT: {
		size_t nx = next_char(t, off, e);

		return nx < r->le && at_col(t, r, col_of(t, r->ls, nx)) == nx
			       ? nx
			       : off;
	}
	case CUR_DOWN:
	case CUR_UP:
		if (u->cur.want_col < 0)
			u->cur.want_col = col_of(t, r->ls, off);
		if (!row_step(d, r, m == CUR_DOWN ? 1 : -1))
			return off;
		return at_col(t, r, u->cur.want_col);
	case CUR_WORD_NEXT:
		return word_step(d, off, 1);
	case CUR_WORD_PREV:
		return word_step(d, off, -1);
	case CUR_ROW_START:
		return r->ls;
	case CUR_ROW_END:
		return at_col(t, r, 1L << 30);
	case CUR_SENT_NEXT:
		return sentence_step(d, off, 1);
	case CUR_SENT_PREV:
		return sentence_step(d, off, -1);
	case CUR_SCREEN_TOP:
	case CUR_SCREEN_MID:
	case CUR_SCREEN_BOTTOM:
		n = view_rows(d, (size_t)reader_text_rows(u), v, VIEW_MAX);
		if (n == 0)
			return off;
		return m == CUR_SCREEN_TOP ? v[0].ls
		       : m == CUR_SCREEN_MID ? v[(n - 1) / 2].ls
					     : v[n - 1].ls;
	}
	return off;
}

void cursor_move(struct ui *u, enum cursor_motion m)
{
	struct doc *d = reader_focused(u);
	long n = jump_take_count(u);
	struct row r;

	if (m != CUR_DOWN && m != CUR_UP)
		u->cur.want_col = -1;
	if (!cursor_row(u, d, &r))
		return;
	if (m == CUR_SCREEN_TOP || m == CUR_SCREEN_BOTTOM) {
		/* 3H: the third row from the top; 3L from the bottom */
		struct row v[VIEW_MAX];
		size_t k = view_rows(d, (size_t)reader_text_rows(u), v,
				     VIEW_MAX);

		if (k == 0)
			return;
		if ((size_t)n > k)
			n = (long)k;
		d->cursor = m == CUR_SCREEN_TOP ? v[n - 1].ls : v[k - (size_t)n].ls;
		return;
	}
	while (n-- > 0) {
		size_t to = motion_step(u, d, &r, m);

		if (to == d->cursor)
			break;
		d->cursor = to;
		if (!row_of(d, to, &r))
			break;
	}
	reveal(u);
}

void cursor_set(struct ui *u, size_t di, size_t off)
{
	u->docs[di]->cursor = off;
	u->cur.want_col = -1;
}

/* The v/V selection from its anchor to the cursor. */
static void visual_update(struct ui *u)
{
	struct doc *d;
	size_t a, c, s, e;

	if (!u->vis.on)
		return;
	d = u->docs[u->vis.doc];
	/* both ends within the text (an article read again may be shorter) */
	a = u->vis.anchor < d->a->len ? u->vis.anchor : d->a->len;
	c = d->cursor < d->a->len ? d->cursor : d->a->len;
	s = a < c ? a : c;
	e = next_char(d->a->text, a < c ? c : a, d->a->len);
	if (e > d->a->len)
		e = d->a->len;
	if (u->vis.sentences) {
		long ks = article_sentence_at(d->a, s),
		     ke = article_sentence_at(d->a, e ? e - 1 : 0);

		if (ks >= 0 && d->a->sentences[ks].end > s)
			s = d->a->sentences[ks].start;
		if (ke >= 0 && d->a->sentences[ke].end >= e)
			e = d->a->sentences[ke].end;
	}
	u->sel.on = 1;
	u->sel.doc = u->vis.doc;
	u->sel.start = s;
	u->sel.end = e;
	u->sel.entity = ENTITY_NONE;
}

void cursor_follow(struct ui *u)
{
	size_t rows = (size_t)reader_text_rows(u);
	int p;

	for (p = 0; p < 2; p++) {
		struct doc *d = u->docs[doc_index(u, p)];
		struct row v[VIEW_MAX];
		size_t n;

		if ((u->lay.single && p != u->lay.focus) ||
		    doc_offset_visible(d, d->cursor, rows, NULL))
			continue;
		n = view_rows(d, rows, v, VIEW_MAX);
		if (n == 0)
			continue;
		d->cursor = d->cursor < v[0].ls ? v[0].ls : v[n - 1].ls;
		if (p == u->lay.focus)
			u->cur.want_col = -1;
	}
	visual_update(u);
}

/* The mention of doc di under byte off, if any. */
static const struct mention *mention_at(struct ui *u, size_t di, size_t off)
{
	struct doc *d = u->docs[di];
	long sec = article_section_at(d->a, off);
	const struct figure *figs;
	const struct mention *mv;
	size_t n, i;

	if (sec < 0 || doc_folded(d, (size_t)sec))
		return NULL;
	mv = doc_mentions(d, u->en->hl, (size_t)sec, &n, &figs);
	for (i = 0; i < n; i++)
		if (mv[i].start <= off && off < mv[i].end)
			return &mv[i];
	return NULL;
}

int cursor_passage(struct ui *u, size_t di, size_t *s, size_t *e)
{
	struct doc *d = u->docs[di];
	const struct mention *m;
	long k;

	if (u->sel.on && u->sel.doc == di && u->sel.end > u->sel.start) {
		*s = u->sel.start;
		*e = u->sel.end;
		return 1;
	}
	if ((m = mention_at(u, di, d->cursor)) != NULL) {
		*s = m->start;
		*e = m->end;
		return 1;
	}
	k = article_sentence_at(d->a, d->cursor);
	if (k < 0 && d->a->nsentences > 0)
		k = 0;
	if (k < 0)
		return 0;
	if (d->a->sentences[k].end <= d->cursor &&
	    (size_t)k + 1 < d->a->nsentences)
		k++;
	*s = d->a->sentences[k].start;
	*e = d->a->sentences[k].end;
	return 1;
}

void cursor_visual(struct ui *u, int sentences)
{
	size_t di = doc_index(u, u->lay.focus);

	if (u->vis.on && u->vis.doc == di && u->vis.sentences == sentences) {
		u->vis.on = 0;
		u->sel.on = 0;
		return;
	}
	if (!u->vis.on || u->vis.doc != di) {
		struct row r;

		if (!cursor_row(u, u->docs[di], &r))
			return;
		u->vis.doc = di;
		u->vis.anchor = u->docs[di]->cursor;
	}
	u->vis.on = 1;
	u->vis.sentences = sentences;
	visual_update(u);
	reader_say(u, 0, "move to extend; a notes it, y copies it, Esc "
			 "clears");
}

void cursor_yank(struct ui *u)
{
	size_t di = doc_index(u, u->lay.focus), s, e;
	struct buf b = {0}, seq = {0};
	char ex[128], *q;

	if (u->sel.on && (u->sel.doc == u->lay.shown[0] ||
			  u->sel.doc == u->lay.shown[1]))
		di = u->sel.doc;
	if (!cursor_passage(u, di, &s, &e)) {
		reader_say(u, 1, "nothing here to copy");
		return;
	}
	clip_cite(u->docs[di]->a, s, e, &b);
	free(u->cur.reg);
	u->cur.reg = buf_take(&b);
	if (u->cfg.set.num[SET_osc52]) {
		clip_osc52(u->cur.reg, strlen(u->cur.reg), &seq);
		term_send(seq.data, seq.len);
		buf_free(&seq);
	}
	u->vis.on = 0;
	u->sel.on = 0;
	q = xstrndup(u->docs[di]->a->text + s, e - s);
	draw_excerpt(q, ex, sizeof ex, 40);
	free(q);
	reader_say(u, 0, "copied «%s»%s (:write @ FILE saves it)", ex,
		   u->cfg.set.num[SET_osc52] ? " to the clipboard" : "");
}
