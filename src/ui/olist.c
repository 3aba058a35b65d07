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

void olist_draw(struct olist *o, int y, int x, int h, int w)
{
	int rows, r, used;
	unsigned long base = theme_attr(ROLE_OVERLAY);
	char line[512];

	if (h < 3 || w < 10)
		return;
	/* title */
	move(y, x);
	used = draw_text(o->title, 0, strlen(o->title), w, base | A_BOLD);
	draw_fill(w - used, base);
	rows = h - 2;
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
		used = draw_row_text(row, w, a);
		draw_fill(w - used, a);
	}
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
