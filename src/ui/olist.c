/* olist: list overlays. */
#include "brief/ui/olist.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "brief/ui/draw.h"
#include "brief/ui/theme.h"
#include "brief/base/utf8.h"
#include "brief/base/util.h"
#include "brief/base/wrap.h"

struct olist *olist_new(const char *title, int filterable)
{
	struct olist *o = xcalloc(1, sizeof *o);

	o->title = xstrdup(title);
	o->filterable = filterable;
	return o;
}

void olist_free(struct olist *o)
{
	size_t i;

	if (o == NULL)
		return;
	for (i = 0; i < o->n; i++) {
		free(o->rows[i].text);
		free(o->rows[i].note);
	}
	free(o->rows);
	free(o->vis);
	free(o->title);
	free(o->footer);
	free(o);
}

struct olist_row *olist_add(struct olist *o, const char *text, int heading)
{
	struct olist_row *r;

	o->rows = xgrow(o->rows, &o->cap, o->n + 1, sizeof *o->rows);
	r = &o->rows[o->n++];
	memset(r, 0, sizeof *r);
	r->text = xstrdup(text);
	r->heading = heading;
	r->highlight_from = r->highlight_to = -1;
	return r;
}

void olist_set_footer(struct olist *o, const char *footer)
{
	free(o->footer);
	o->footer = footer ? xstrdup(footer) : NULL;
}

void olist_row_cut_at(struct olist_row *r, size_t from, size_t to)
{
	int k = r->cut[0].to > 0;

	if (to <= from || to > strlen(r->text) || r->cut[k].to > 0 ||
	    (k == 1 && from < r->cut[0].to && to > r->cut[0].from))
		return;
	r->cut[k].from = from;
	r->cut[k].to = to;
}

void olist_row_cut(struct olist_row *r, const char *field, size_t width)
{
	const char *at = *field ? strstr(r->text, field) : NULL;
	size_t from, n = strlen(field);

	if (at == NULL)
		return;
	from = (size_t)(at - r->text);
	olist_row_cut_at(r, from, from + (n > width ? n : width));
}

void olist_pad(struct buf *b, const char *s, size_t cols)
{
	size_t n = strlen(s), w = utf8_str_width(s, n);

	if (w > cols && cols > 0) {
		n = utf8_fit(s, n, cols - 1);
		buf_add(b, s, n);
		buf_adds(b, "…");
		w = utf8_str_width(s, n) + 1;
	} else {
		buf_adds(b, s);
	}
	for (; w < cols; w++)
		buf_addc(b, ' ');
}

size_t olist_widest(size_t w, const char *s, size_t max)
{
	size_t sw = utf8_str_width(s, strlen(s));

	if (sw > w)
		w = sw;
	return w > max ? max : w;
}

static int selectable(const struct olist *o, size_t vi)
{
	return vi < o->nvis && !o->rows[o->vis[vi]].heading;
}

static void to_selectable(struct olist *o, int dir)
{
	size_t tries = o->nvis;

	while (tries-- > 0 && o->nvis && !selectable(o, o->cur)) {
		if (dir >= 0 && o->cur + 1 < o->nvis)
			o->cur++;
		else if (dir < 0 && o->cur > 0)
			o->cur--;
		else
			dir = -dir;
	}
}

void olist_refilter(struct olist *o)
{
	size_t i;

	free(o->vis);
	o->vis = xcalloc(o->n + 1, sizeof *o->vis);
	o->nvis = 0;
	for (i = 0; i < o->n; i++)
		if (o->filter[0] == '\0' || o->rows[i].heading ||
		    strcasestr(o->rows[i].text, o->filter))
			o->vis[o->nvis++] = i;
	/* drop headings left with nothing under them */
	if (o->filter[0]) {
		size_t k = 0;

		for (i = 0; i < o->nvis; i++) {
			int head = o->rows[o->vis[i]].heading;
			int next_item = i + 1 < o->nvis &&
					!o->rows[o->vis[i + 1]].heading;

			if (!head || next_item)
				o->vis[k++] = o->vis[i];
		}
		o->nvis = k;
	}
	if (o->cur >= o->nvis)
		o->cur = o->nvis ? o->nvis - 1 : 0;
	to_selectable(o, 1);
}

struct olist_row *olist_current(struct olist *o)
{
	if (!selectable(o, o->cur))
		return NULL;
	return &o->rows[o->vis[o->cur]];
}

static void move_by(struct olist *o, long d)
{
	long c = (long)o->cur + d;

	if (o->nvis == 0)
		return;
	if (c < 0)
		c = 0;
	if (c >= (long)o->nvis)
		c = (long)o->nvis - 1;
	o->cur = (size_t)c;
	to_selectable(o, d >= 0 ? 1 : -1);
}

int olist_key(struct olist *o, int key, int fn, int page)
{
	if (fn) {
		switch (key) {
		case KEY_UP:
			move_by(o, -1);
			return OLIST_NONE;
		case KEY_DOWN:
			move_by(o, 1);
			return OLIST_NONE;
		case KEY_PPAGE:
			move_by(o, -page);
			return OLIST_NONE;
		case KEY_NPAGE:
			move_by(o, page);
			return OLIST_NONE;
		case KEY_HOME:
			o->cur = 0;
			to_selectable(o, 1);
			return OLIST_NONE;
		case KEY_END:
			o->cur = o->nvis ? o->nvis - 1 : 0;
			to_selectable(o, -1);
			return OLIST_NONE;
		case KEY_ENTER:
			return OLIST_ENTER;
		case KEY_BACKSPACE:
			break;
		default:
			return OLIST_NONE;
		}
	}
	if (o->typing && !fn && (key == '\n' || key == '\r' || key == 27)) {
		o->typing = 0;
		return OLIST_CHANGED;
	}
	if (!o->filterable && !o->typing && !fn && key == '/') {
		o->typing = 1;
		return OLIST_CHANGED;
	}
	if (!fn && (key == '\n' || key == '\r'))
		return OLIST_ENTER;
	if (!fn && key == 27)
		return OLIST_CLOSE;
	if (!fn && key == '\t')
		return OLIST_SORT;
	/* q closes a list filtered as one types while nothing is typed
	 * (Q filters by q: the filter ignores case) */
	if (o->filterable && !fn && key == 'q' && o->filter[0] == '\0')
		return OLIST_CLOSE;
	if (o->filterable || o->typing) {
		size_t n = strlen(o->filter);

		if ((fn && key == KEY_BACKSPACE) || (!fn && (key == 127 ||
							   key == 8))) {
			while (n > 0 && ((unsigned char)o->filter[n - 1] &
					 0xC0) == 0x80)
				n--;
			if (n > 0)
				n--;
			o->filter[n] = '\0';
			olist_refilter(o);
			return OLIST_CHANGED;
		}
		if (!fn && key == 21) { /* Ctrl-U */
			o->filter[0] = '\0';
			olist_refilter(o);
			return OLIST_CHANGED;
		}
		if (!fn && key >= 32 && key != 127) {
			char enc[4];
			size_t k = utf8_encode((uint32_t)key, enc);

			if (n + k < sizeof o->filter) {
				memcpy(o->filter + n, enc, k);
				o->filter[n + k] = '\0';
				o->cur = 0;
				olist_refilter(o);
			}
			return OLIST_CHANGED;
		}
		return OLIST_NONE;
	}
	if (fn)
		return OLIST_NONE;
	switch (key) {
	case 'q':
		return OLIST_CLOSE;
	case 'j':
		move_by(o, 1);
		break;
	case 'k':
		move_by(o, -1);
		break;
	case ' ':
	case 6:
		move_by(o, page);
		break;
	case 'b':
	case 2:
		move_by(o, -page);
		break;
	case 'g':
		o->cur = 0;
		to_selectable(o, 1);
		break;
	case 'G':
		o->cur = o->nvis ? o->nvis - 1 : 0;
		to_selectable(o, -1);
		break;
	default:
		break;
	}
	return OLIST_NONE;
}

/* A row's text in w columns with attributes a, its highlighted bytes
 * (highlight_from..highlight_to) as the selected mention is shown; the
 * columns used. */
static int draw_row_text(const struct olist_row *row, int w, unsigned long a)
{
	size_t n = strlen(row->text), hf, ht;
	int used;

	if (row->highlight_from < 0 || row->highlight_to <= row->highlight_from ||
	    (size_t)row->highlight_to > n)
		return draw_text(row->text, 0, n, w, a);
	hf = (size_t)row->highlight_from;
	ht = (size_t)row->highlight_to;
	used = draw_text(row->text, 0, hf, w, a);
	used += draw_text(row->text, hf, ht, w - used,
			  theme_attr(ROLE_SELECTED));
	return used + draw_text(row->text, ht, n, w - used, a);
}

/* Scroll the view by d rows, the cursor kept in it. */
static void scroll_by(struct olist *o, long d)
{
	long rows = o->at_h - 2, top = (long)o->top + d,
	     last = (long)o->nvis - rows;

	if (rows < 1 || o->nvis == 0)
		return;
	if (top > last)
		top = last;
	if (top < 0)
		top = 0;
	o->top = (size_t)top;
	if (o->cur < o->top) {
		o->cur = o->top;
		to_selectable(o, 1);
	} else if (o->cur >= o->top + (size_t)rows) {
		o->cur = o->top + (size_t)rows - 1;
		to_selectable(o, -1);
	}
}

int olist_mouse(struct olist *o, int y, int x, enum olist_pointer what)
{
	size_t vi;

	if (what != OLIST_CLICK) {
		scroll_by(o, what == OLIST_WHEEL_UP ? -3 : 3);
		return OLIST_CHANGED;
	}
	if (y <= o->at_y || y >= o->at_y + o->at_h - 1 || x < o->at_x ||
	    x >= o->at_x + o->at_w)
		return OLIST_NONE;
	vi = o->top + (size_t)(y - o->at_y - 1);
	if (!selectable(o, vi))
		return OLIST_NONE;
	if (vi == o->cur)
		return OLIST_ENTER;
	o->cur = vi;
	return OLIST_CHANGED;
}

/* Bytes [from, to) of t in cols columns: the name (without its padding)
 * and blanks, or the name cut and "…". */
static void fit_part(struct buf *out, const char *t, size_t from, size_t to,
		     size_t cols)
{
	size_t end = to, w, n;

	while (end > from && t[end - 1] == ' ')
		end--;
	w = utf8_str_width(t + from, end - from);
	if (w > cols) {
		n = utf8_fit(t + from, end - from, cols - 1);
		buf_add(out, t + from, n);
		buf_adds(out, "…");
		w = utf8_str_width(t + from, n) + 1;
	} else {
		buf_add(out, t + from, end - from);
	}
	for (; w < cols; w++)
		buf_addc(out, ' ');
}

/* The row's text with its cut parts narrowed by excess columns in all
 * (the first part first, each to no less than OLIST_CUT_MIN). */
static void fit_row(const struct olist_row *row, size_t excess,
		    struct buf *out)
{
	const char *t = row->text;
	int k, order[2] = {0, 1};
	size_t give[2] = {0, 0}, at = 0;

	out->len = 0;
	for (k = 0; k < 2 && excess > 0; k++) {
		const struct olist_cut *c = &row->cut[k];
		size_t w = c->to ? utf8_str_width(t + c->from, c->to - c->from)
				 : 0;

		if (w > OLIST_CUT_MIN) {
			give[k] = w - OLIST_CUT_MIN < excess ? w - OLIST_CUT_MIN
							     : excess;
			excess -= give[k];
		}
	}
	/* the parts in text order */
	if (row->cut[1].to && row->cut[1].from < row->cut[0].from)
		order[0] = 1, order[1] = 0;
	for (k = 0; k < 2; k++) {
		const struct olist_cut *c = &row->cut[order[k]];

		if (give[order[k]] == 0)
			continue;
		buf_add(out, t + at, c->from - at);
		fit_part(out, t, c->from, c->to,
			 utf8_str_width(t + c->from, c->to - c->from) -
				 give[order[k]]);
		at = c->to;
	}
	buf_adds(out, t + at);
}

/* How many columns the widest row with a part to cut passes w by (the
 * other rows are cut at the edge). */
static size_t list_excess(const struct olist *o, int w)
{
	size_t i, most = 0;

	for (i = 0; i < o->nvis; i++) {
		const char *t = o->rows[o->vis[i]].text;
		size_t rw;

		if (o->rows[o->vis[i]].cut[0].to == 0)
			continue;
		rw = utf8_str_width(t, strlen(t));

		if (rw > (size_t)w && rw - (size_t)w > most)
			most = rw - (size_t)w;
	}
	return most;
}

void olist_draw(struct olist *o, int y, int x, int h, int w)
{
	struct buf fitted = {0};
	size_t excess;
	int rows, r, used;
	unsigned long base = theme_attr(ROLE_OVERLAY);
	char line[512];

	o->at_y = y;
	o->at_x = x;
	o->at_h = h;
	o->at_w = w;
	if (h < 3 || w < 10)
		return;
	/* title */
	move(y, x);
	used = draw_text(o->title, 0, strlen(o->title), w, base | A_BOLD);
	draw_fill(w - used, base);
	rows = h - 2;
	excess = list_excess(o, w);
	if (o->cur < o->top)
		o->top = o->cur;
	if (o->cur >= o->top + (size_t)rows)
		o->top = o->cur - (size_t)rows + 1;
	for (r = 0; r < rows; r++) {
		size_t vi = o->top + (size_t)r;
		const struct olist_row *row;
		unsigned long a = base;

		move(y + 1 + r, x);
		if (vi >= o->nvis) {
			draw_fill(w, base);
			continue;
		}
		row = &o->rows[o->vis[vi]];
		if (vi == o->cur && !row->heading)
			a = theme_attr(ROLE_OVERLAY_SEL);
		else if (row->heading)
			a = base | A_BOLD;
		if (excess == 0 || row->cut[0].to == 0) {
			used = draw_row_text(row, w, a);
		} else {
			fit_row(row, excess, &fitted);
			used = draw_text(fitted.data, 0, fitted.len, w, a);
		}
		draw_fill(w - used, a);
	}
	buf_free(&fitted);
	move(y + h - 1, x);
	if (o->filterable || o->typing || o->filter[0])
		snprintf(line, sizeof line, "filter: %s%s   %s", o->filter,
			 o->filterable || o->typing ? "_" : "",
			 o->footer            ? o->footer
			 : o->filter[0] == '\0' && o->filterable
				 ? "type to filter · Enter · q/Esc close"
				 : "");
	else
		snprintf(line, sizeof line, "%s",
			 o->footer ? o->footer
				   : "j/k move · Enter jump · q/Esc close");
	used = draw_text(line, 0, strlen(line), w, theme_attr(ROLE_STATUS));
	draw_fill(w - used, theme_attr(ROLE_STATUS));
	attrset(A_NORMAL);
}
