/* editor: a small multi-line line editor for notes. */
#include "brief/ui/editor.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "brief/ui/draw.h"
#include "brief/ui/theme.h"
#include "brief/base/utf8.h"
#include "brief/base/wrap.h"

void editor_set(struct editor *ed, const char *text)
{
	size_t n;
	/* valid UTF-8 only, so that the cursor can step back a character
	 * without decoding the line from its start */
	char *clean = utf8_sanitize(text, strlen(text), &n);

	ed->text.len = 0;
	buf_add(&ed->text, clean, n);
	buf_adds(&ed->text, "");
	free(clean);
	/* one trailing line break from an editor is not part of the note */
	while (ed->text.len && ed->text.data[ed->text.len - 1] == '\n')
		ed->text.data[--ed->text.len] = '\0';
	ed->cur = ed->text.len;
}

void editor_start(struct editor *ed, const char *title, const char *text)
{
	memset(ed, 0, sizeof *ed);
	ed->title = xstrdup(title);
	editor_set(ed, text ? text : "");
}

void editor_free(struct editor *ed)
{
	buf_free(&ed->text);
	free(ed->title);
	memset(ed, 0, sizeof *ed);
}

static size_t prev_char(const struct editor *ed, size_t i)
{
	return utf8_prev(ed->text.data, 0, i);
}

static size_t next_char(const struct editor *ed, size_t i)
{
	uint32_t cp;

	if (i >= ed->text.len)
		return ed->text.len;
	return i + utf8_decode(ed->text.data + i, ed->text.len - i, &cp);
}

static size_t line_start(const struct editor *ed, size_t i)
{
	const char *nl = i ? memrchr(ed->text.data, '\n', i) : NULL;

	return nl ? (size_t)(nl - ed->text.data) + 1 : 0;
}

static size_t line_end(const struct editor *ed, size_t i)
{
	const char *nl = i < ed->text.len
				 ? memchr(ed->text.data + i, '\n',
					  ed->text.len - i)
				 : NULL;

	return nl ? (size_t)(nl - ed->text.data) : ed->text.len;
}

static void insert(struct editor *ed, const char *s, size_t n)
{
	struct buf *b = &ed->text;

	buf_add(b, s, n); /* grow; then move the tail into place */
	memmove(b->data + ed->cur + n, b->data + ed->cur,
		b->len - n - ed->cur);
	memcpy(b->data + ed->cur, s, n);
	ed->cur += n;
}

static void cut_text(struct editor *ed, size_t from, size_t to)
{
	struct buf *b = &ed->text;

	memmove(b->data + from, b->data + to, b->len - to + 1);
	b->len -= to - from;
	ed->cur = from;
}

/* Move to the same column on the line above (dir -1) or below. */
static void vertical(struct editor *ed, int dir)
{
	size_t ls = line_start(ed, ed->cur);
	size_t col = utf8_str_width(ed->text.data + ls, ed->cur - ls), t, w;

	if (dir < 0) {
		if (ls == 0)
			return;
		t = line_start(ed, ls - 1);
	} else {
		size_t le = line_end(ed, ed->cur);

		if (le >= ed->text.len)
			return;
		t = le + 1;
	}
	w = utf8_fit(ed->text.data + t, line_end(ed, t) - t, col);
	ed->cur = t + w;
}

int editor_key(struct editor *ed, int key, int fn, int alt, int width)
{
	(void)width;
	if (fn) {
		switch (key) {
		case KEY_LEFT:
			ed->cur = prev_char(ed, ed->cur);
			break;
		case KEY_RIGHT:
			ed->cur = next_char(ed, ed->cur);
			break;
		case KEY_UP:
			vertical(ed, -1);
			break;
		case KEY_DOWN:
			vertical(ed, 1);
			break;
		case KEY_HOME:
			ed->cur = line_start(ed, ed->cur);
			break;
		case KEY_END:
			ed->cur = line_end(ed, ed->cur);
			break;
		case KEY_BACKSPACE:
			if (ed->cur > 0)
				cut_text(ed, prev_char(ed, ed->cur), ed->cur);
			break;
		case KEY_DC:
			if (ed->cur < ed->text.len)
				cut_text(ed, ed->cur, next_char(ed, ed->cur));
			break;
		case KEY_ENTER:
			return alt ? (insert(ed, "\n", 1), EDIT_NONE)
				   : EDIT_SAVE;
		default:
			break;
		}
		return EDIT_NONE;
	}
	switch (key) {
	case '\r':
	case '\n':
		/* Enter (\r without translation) saves; Ctrl-J (\n) and
		 * Alt-Enter add a line */
		if (alt || key == '\n') {
			insert(ed, "\n", 1);
			return EDIT_NONE;
		}
		return EDIT_SAVE;
	case 27:
		return EDIT_CANCEL;
	case 1: /* Ctrl-A */
		ed->cur = line_start(ed, ed->cur);
		return EDIT_NONE;
	case 5: /* Ctrl-E */
		ed->cur = line_end(ed, ed->cur);
		return EDIT_NONE;
	case 21: /* Ctrl-U */
		cut_text(ed, line_start(ed, ed->cur), ed->cur);
		return EDIT_NONE;
	case 24: /* Ctrl-X */
		return EDIT_EXTERNAL;
	case 15: /* Ctrl-O */
		return EDIT_LINK;
	case 127:
	case 8:
		if (ed->cur > 0)
			cut_text(ed, prev_char(ed, ed->cur), ed->cur);
		return EDIT_NONE;
	default:
		break;
	}
	if ((key >= 32 && key <= 0x10FFFF && (key < 0xD800 || key > 0xDFFF) &&
	     key != 127) ||
	    key == '\t') {
		char enc[4];

		insert(ed, enc, utf8_encode(key == '\t' ? ' ' : (uint32_t)key,
					    enc));
	}
	return EDIT_NONE;
}

void editor_view(struct editor *ed, int h, int w, struct editor_view *v)
{
	const char *t = ed->text.data, *nl;
	size_t i = 0, ls = line_start(ed, ed->cur);
	size_t rows = h > 2 ? (size_t)(h - 2) : 1;

	v->line = 0;
	while ((nl = memchr(t + i, '\n', ls - i)) != NULL) {
		v->line++;
		i = (size_t)(nl - t) + 1;
	}
	if (v->line < ed->top)
		ed->top = v->line;
	if (v->line >= ed->top + rows)
		ed->top = v->line - rows + 1;
	v->from = utf8_scroll(t, ls, ed->cur, w > 1 ? (size_t)(w - 1) : 1);
	v->col = (int)utf8_str_width(t + v->from, ed->cur - v->from);
}

void editor_draw(struct editor *ed, int y, int h, int w)
{
	unsigned long base = theme_attr(ROLE_OVERLAY);
	const char *t = ed->text.data;
	const char *help = " Enter saves · Ctrl-J new line · Ctrl-O link "
			   "the other report · Ctrl-X $EDITOR · Esc cancels";
	struct editor_view v;
	size_t p = 0, ln = 0;
	int r, cur_y = y + 1, cur_x = 0;

	if (h < 3 || w < 10)
		return;
	editor_view(ed, h, w, &v);
	move(y, 0);
	draw_fill(w - draw_text(ed->title, 0, strlen(ed->title), w,
				theme_attr(ROLE_OVERLAY_SEL)),
		  theme_attr(ROLE_OVERLAY_SEL));
	/* the first line shown */
	while (ln < ed->top && p < ed->text.len) {
		p = line_end(ed, p) + 1;
		ln++;
	}
	/* the text, a line per row, the cursor's scrolled horizontally */
	for (r = 0; r < h - 2; r++) {
		int used = 0;

		move(y + 1 + r, 0);
		if (ln == ed->top + (size_t)r && p <= ed->text.len) {
			size_t le = line_end(ed, p), from = p;

			if (ln == v.line) {
				from = v.from;
				cur_x = v.col;
				cur_y = y + 1 + r;
			}
			used = draw_text(t, from, le, w, base);
			p = le + 1;
			ln++;
		}
		draw_fill(w - used, base);
	}
	move(y + h - 1, 0);
	draw_fill(w - draw_text(help, 0, strlen(help), w,
				theme_attr(ROLE_STATUS)),
		  theme_attr(ROLE_STATUS));
	attrset(A_NORMAL);
	move(cur_y, cur_x);
}
