/* pane: draw an article view with curses. */
#include "brief/ui/pane.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "brief/ui/draw.h"
#include "brief/ui/theme.h"
#include "brief/base/utf8.h"
#include "brief/base/wrap.h"

int pane_text_rows(int h)
{
	return h > PANE_HEADER ? h - PANE_HEADER : 0;
}

int pane_gutter(const struct doc *d, int numbers)
{
	size_t n = d->a->nsections, digits = 1;

	if (!numbers)
		return PANE_GUTTER;
	while (n >= 10) {
		n /= 10;
		digits++;
	}
	/* room for three digits at least, so that the text does not move
	 * while a large article is read */
	return (int)(digits < 3 ? 3 : digits) + 1 + PANE_GUTTER;
}

/* Text columns when the gutter is g wide. */
static int text_cols(int w, int g)
{
	return w > g + 1 ? w - g - 1 : 1;
}

static int put_str_ret(const char *s, int cols, unsigned long attr)
{
	return draw_text(s, 0, strlen(s), cols, attr);
}

static void put_str(const char *s, int cols, unsigned long attr)
{
	put_str_ret(s, cols, attr);
}

/* Where the text cursor was drawn (-1: nowhere). */
static int cursor_y = -1, cursor_x = -1;

int pane_cursor_cell(int *y, int *x)
{
	*y = cursor_y;
	*x = cursor_x;
	return cursor_y >= 0;
}

void pane_cursor_forget(void)
{
	cursor_y = cursor_x = -1;
}

struct matches {
	size_t *v;
	size_t n, cap;
};

static void add_match(size_t ms, size_t me, void *arg)
{
	struct matches *m = arg;

	m->v = xgrow(m->v, &m->cap, m->n + 2, sizeof *m->v);
	m->v[m->n++] = ms;
	m->v[m->n++] = me;
}

static enum role mention_role(const struct mention *m,
			      const struct pane_view *v)
{
	if (v->sel_here && m->start == v->sel_start && m->end == v->sel_end)
		return ROLE_SELECTED;
	if (v->sel_entity != ENTITY_NONE && m->entity == v->sel_entity &&
	    m->cat != CAT_FIGURE)
		return ROLE_RELATED;
	switch (m->cat) {
	case CAT_ACTOR:
		return ROLE_ACTOR;
	case CAT_WEAPON:
		return ROLE_WEAPON;
	case CAT_PLACE:
		return ROLE_PLACE;
	default:
		return ROLE_FIGURE;
	}
}

/* One text row: section sec, bytes [ls, le); row_attr is added to
 * everything on it (a headline is bold). */
static void draw_row(struct doc *d, size_t ls, size_t le, int cols,
		     const struct mention *mv, size_t mn,
		     const struct matches *sm, enum role base,
		     unsigned long row_attr, const struct pane_view *v)
{
	const char *t = d->a->text;
	size_t p = ls, mi = 0;
	int used = 0;

	while (mi < mn && mv[mi].end <= ls)
		mi++;
	while (p < le && used < cols) {
		size_t next = le, k;
		enum role r = base;
		int in_search = 0;

		/* the role at p and how far it lasts */
		if (mi < mn && mv[mi].start <= p) {
			r = mention_role(&mv[mi], v);
			if (mv[mi].end < next)
				next = mv[mi].end;
		} else if (mi < mn && mv[mi].start < next) {
			next = mv[mi].start;
		}
		for (k = 0; k + 1 < sm->n; k += 2) {
			if (sm->v[k] <= p && p < sm->v[k + 1]) {
				in_search = 1;
				if (sm->v[k + 1] < next)
					next = sm->v[k + 1];
			} else if (sm->v[k] > p && sm->v[k] < next) {
				next = sm->v[k];
			}
		}
		if (in_search && r != ROLE_SELECTED)
			r = ROLE_SEARCH;
		if (v->sel_here && v->sel_entity == ENTITY_NONE) {
			/* a passage selected (v, V, a note's) */
			if (v->sel_start <= p && p < v->sel_end) {
				r = ROLE_SELECTED;
				if (v->sel_end < next)
					next = v->sel_end;
			} else if (v->sel_start > p && v->sel_start < next) {
				next = v->sel_start;
			}
		}
		{
			/* inside a note's passage: the note role for plain
			 * text, underlined otherwise */
			unsigned long extra = row_attr;

			/* the current match stands apart from the others */
			if (v->has_cur && v->cur_start <= p && p < v->cur_end) {
				extra |= A_BOLD | A_UNDERLINE;
				if (v->cur_end < next)
					next = v->cur_end;
			} else if (v->has_cur && v->cur_start > p &&
				   v->cur_start < next) {
				next = v->cur_start;
			}

			for (k = 0; k < v->nnotes; k++) {
				const struct note_place *np = &v->notes[k];

				if (np->start <= p && p < np->end) {
					if (r == base)
						r = ROLE_NOTE;
					else
						extra |= A_UNDERLINE;
					if (np->end < next)
						next = np->end;
				} else if (np->start > p && np->start < next) {
					next = np->start;
				}
			}
			if (next <= p)
				next = p + 1;
			if (v->has_cursor && p == v->cursor) {
				/* the text cursor: one character, reversed */
				size_t len;

				wrap_char_width(t, p, le, &len);
				next = p + (len ? len : 1);
				getyx(stdscr, cursor_y, cursor_x);
				used += draw_text(t, p, next, cols - used,
						 (theme_attr(r) | extra) ^
							 A_REVERSE);
				p = next;
				while (mi < mn && mv[mi].end <= p)
					mi++;
				continue;
			}
			if (v->has_cursor && v->cursor > p && v->cursor < next)
				next = v->cursor;
			used += draw_text(t, p, next, cols - used,
					 theme_attr(r) | extra);
		}
		p = next;
		while (mi < mn && mv[mi].end <= p)
			mi++;
	}
}

static void draw_header(struct doc *d, int y, int x, int w,
			const struct pane_view *v)
{
	const struct article *a = d->a;
	char meta[512];
	int used;

	move(y, x);
	used = 0;
	if (v->label) {
		char lab[8];

		snprintf(lab, sizeof lab, "%s ", v->label);
		used += draw_text(lab, 0, strlen(lab), w,
				 theme_attr(v->focused ? ROLE_SELECTED
						       : ROLE_META));
	}
	used += draw_text(a->title, 0, strlen(a->title), w - used,
			 theme_attr(ROLE_TITLE));
	draw_fill(w - used, theme_attr(ROLE_TEXT));
	snprintf(meta, sizeof meta, "%s · %s · %s%s%s · %s",
		 a->format ? a->format : "text",
		 a->date ? a->date : "no date",
		 a->source ? a->source : "unknown source",
		 a->place ? " · " : "", a->place ? a->place : "", a->path);
	move(y + 1, x);
	used = draw_text(meta, 0, strlen(meta), w, theme_attr(ROLE_META));
	draw_fill(w - used, theme_attr(ROLE_TEXT));
}

void pane_prepare(struct doc *d, int w, int numbers)
{
	int g = pane_gutter(d, numbers);

	if (g + 1 >= w)
		g = PANE_GUTTER;
	d->gutter = g;
	doc_set_width(d, text_cols(w, g));
	if (d->show_at) {
		doc_show_offset(d, d->show_at - 1, 0);
		d->show_at = 0;
	}
}

void pane_draw(struct doc *d, int y, int x, int h, int w,
	       const struct pane_view *v)
{
	int g = pane_gutter(d, v->numbers), rows = pane_text_rows(h),
	    cols = text_cols(w, g), r = 0;
	size_t sec = d->top_sec, skip = d->top_row, ns = d->a->nsections;
	size_t *starts = NULL, scap = 0;

	if (h <= 0 || w <= 0)
		return;
	pane_prepare(d, w, v->numbers);
	g = d->gutter;
	cols = text_cols(w, g);
	draw_header(d, y, x, w, v);
	if (ns == 0 && rows > 0) {
		move(y + PANE_HEADER, x);
		draw_fill(w, theme_attr(ROLE_TEXT));
		move(y + PANE_HEADER, x + g);
		put_str("(empty article)", cols, theme_attr(ROLE_BOILERPLATE));
	}
	if (d->filtered && ns > 0 && doc_hidden(d, d->top_sec) && rows > 0) {
		move(y + PANE_HEADER, x);
		draw_fill(w, theme_attr(ROLE_TEXT));
		move(y + PANE_HEADER, x + g);
		put_str("(no paragraph on this topic)", cols,
			theme_attr(ROLE_BOILERPLATE));
		r = 1;
		sec = ns;
	}
	while (r < rows && sec < ns) {
		const struct section *se = &d->a->sections[sec];
		size_t nl = doc_lines(d, sec, NULL, 0), i, mn = 0;
		const struct mention *mv = NULL;
		const struct figure *figs;
		struct matches sm = {0};
		enum role base = se->kind == SECTION_BOILERPLATE
					 ? ROLE_BOILERPLATE
					 : ROLE_TEXT;

		if (doc_hidden(d, sec)) {
			sec++;
			skip = 0;
			continue;
		}
		if (nl > scap) {
			free(starts);
			scap = nl;
			starts = xcalloc(scap, sizeof *starts);
		}
		doc_lines(d, sec, starts, nl);
		if (!doc_folded(d, sec)) {
			mv = doc_mentions(d, v->h, sec, &mn, &figs);
			if (v->search)
				search_each(v->search, d->a->text, se->start,
					    se->end, add_match, &sm);
		}
		for (i = skip; i < nl + 1 && r < rows; i++, r++) {
			move(y + PANE_HEADER + r, x);
			draw_fill(w, theme_attr(ROLE_TEXT));
			if (i == nl)
				continue; /* the blank row after a section */
			move(y + PANE_HEADER + r, x);
			{
				size_t ls = starts[i], le2 = i + 1 < nl
							       ? starts[i + 1]
							       : se->end, k;
				int marked = 0;

				for (k = 0; k < v->nnotes && !marked; k++)
					if (v->notes[k].start < le2 &&
					    v->notes[k].end > ls)
						marked = 1;
				if (g > PANE_GUTTER) {
					char num[24] = "";
					int pad;

					if (i == 0)
						snprintf(num, sizeof num, "%zu",
							 sec + 1);
					pad = g - PANE_GUTTER - 1 -
					      (int)strlen(num);
					while (pad-- > 0)
						addch(' ');
					put_str(num, g - PANE_GUTTER,
						theme_attr(ROLE_GUTTER));
					addch(' ');
				}
				if (marked && !doc_folded(d, sec))
					put_str("✎", PANE_GUTTER,
						theme_attr(ROLE_NOTE));
				else if (i == 0 && se->kind == SECTION_LEAD)
					put_str("▌", PANE_GUTTER,
						theme_attr(ROLE_GUTTER));
			}
			move(y + PANE_HEADER + r, x + g);
			if (doc_folded(d, sec)) {
				int u = put_str_ret("▸ ", cols,
						    theme_attr(ROLE_BOILERPLATE));

				draw_text(d->a->text, se->start, se->end,
					 cols - u,
					 theme_attr(ROLE_BOILERPLATE));
				continue;
			}
			draw_row(d, starts[i], i + 1 < nl ? starts[i + 1] : se->end,
				 cols, mv, mn, &sm, base,
				 se->kind == SECTION_HEADLINE ? A_BOLD : 0, v);
		}
		free(sm.v);
		skip = 0;
		sec++;
	}
	free(starts);
	for (; r < rows; r++) {
		move(y + PANE_HEADER + r, x);
		draw_fill(w, theme_attr(ROLE_TEXT));
		if (r > 0 || ns > 0) {
			move(y + PANE_HEADER + r, x);
			put_str("~", 1, theme_attr(ROLE_GUTTER));
		}
	}
	attrset(A_NORMAL);
}

int pane_offset_at(struct doc *d, int h, int w, int row, int col,
		   size_t *off)
{
	int g = d->gutter ? d->gutter : PANE_GUTTER, rows = pane_text_rows(h),
	    cols = text_cols(w, g), r;
	size_t sec = d->top_sec, skip = d->top_row, ns = d->a->nsections;

	row -= PANE_HEADER;
	col -= g;
	if (row < 0 || row >= rows || col < 0 || col >= cols)
		return 0;
	doc_set_width(d, cols);
	r = 0;
	while (sec < ns) {
		size_t nl;

		if (doc_hidden(d, sec)) {
			sec++;
			skip = 0;
			continue;
		}
		nl = doc_lines(d, sec, NULL, 0);

		if (row < r + (int)(nl + 1 - skip)) {
			size_t line = skip + (size_t)(row - r), *starts, p, end;
			const char *t = d->a->text;
			int c = 0;

			if (line >= nl || doc_folded(d, sec))
				return 0;
			starts = xcalloc(nl, sizeof *starts);
			doc_lines(d, sec, starts, nl);
			p = starts[line];
			end = line + 1 < nl ? starts[line + 1]
					    : d->a->sections[sec].end;
			free(starts);
			while (p < end) {
				size_t len;
				int cw = wrap_char_width(t, p, end, &len);

				if (col < c + cw) {
					*off = p;
					return 1;
				}
				c += cw;
				p += len;
			}
			return 0;
		}
		r += (int)(nl + 1 - skip);
		skip = 0;
		sec++;
	}
	return 0;
}
