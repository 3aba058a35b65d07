/* editor: a small multi-line line editor for notes. */
#include "brief/ui/editor.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "brief/ui/theme.h"
#include "brief/base/utf8.h"
#include "brief/base/wrap.h"

void editor_start(struct editor *ed, const char *title, const char *text)
{
	memset(ed, 0, sizeof *ed);
	ed->title = xstrdup(title);
	buf_adds(&ed->text, text ? text : "");
	if (ed->text.data == NULL)
		buf_adds(&ed->text, "");
	ed->cur = ed->text.len;
}

void editor_free(struct editor *ed)
{
	buf_free(&ed->text);
	free(ed->title);
	memset(ed, 0, sizeof *ed);
}

void editor_set(struct editor *ed, const char *text)
{
	ed->text.len = 0;
	buf_adds(&ed->text, text);
	/* one trailing line break from an editor is not part of the note */
	while (ed->text.len && ed->text.data[ed->text.len - 1] == '\n')
		ed->text.data[--ed->text.len] = '\0';
	ed->cur = ed->text.len;
}

static size_t prev_char(const struct editor *ed, size_t i)
{
	if (i == 0)
		return 0;
	i--;
	while (i > 0 && ((unsigned char)ed->text.data[i] & 0xC0) == 0x80)
		i--;
	return i;
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
	while (i > 0 && ed->text.data[i - 1] != '\n')
		i--;
	return i;
}

static size_t line_end(const struct editor *ed, size_t i)
{
	while (i < ed->text.len && ed->text.data[i] != '\n')
		i++;
	return i;
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
	if (key >= 32 || key == '\t') {
		char enc[4];

		insert(ed, enc, utf8_encode(key == '\t' ? ' ' : (uint32_t)key,
					    enc));
	}
	return EDIT_NONE;
}

void editor_draw(struct editor *ed, int y, int h, int w)
{
	unsigned long base = theme_attr(ROLE_OVERLAY);
	const char *t = ed->text.data;
	size_t nlines = 1, i, cur_line = 0, ln, p;
	int r, cur_y = y + 1, cur_x = 0;
	const char *help = " Enter saves · Ctrl-J new line · Ctrl-O link "
			   "the other report · Ctrl-X $EDITOR · Esc cancels";

	if (h < 3 || w < 10)
		return;
	for (i = 0; i < ed->text.len; i++)
		if (t[i] == '\n') {
			nlines++;
			if (i < ed->cur)
				cur_line++;
		}
	if (cur_line < ed->top)
		ed->top = cur_line;
	if (cur_line >= ed->top + (size_t)(h - 2))
		ed->top = cur_line - (size_t)(h - 2) + 1;
	attrset(theme_attr(ROLE_OVERLAY_SEL));
	move(y, 0);
	for (r = 0; r < w; r++)
		addch(' ');
	move(y, 0);
	addnstr(ed->title, (int)utf8_fit(ed->title, strlen(ed->title),
					 (size_t)w));
	/* the text, a line per row, scrolled horizontally at the cursor */
	p = 0;
	ln = 0;
	for (r = 0; r < h - 2; r++) {
		move(y + 1 + r, 0);
		attrset(base);
		while (ln < ed->top + (size_t)r && p <= ed->text.len) {
			p = line_end(ed, p) + 1;
			ln++;
		}
		if (ln == ed->top + (size_t)r && p <= ed->text.len &&
		    ln < nlines) {
			size_t le = line_end(ed, p), from = p;
			int used = 0;

			if (ln == cur_line) {
				while (utf8_str_width(t + from, ed->cur - from) >=
				       (size_t)(w - 1))
					from = next_char(ed, from);
				cur_x = (int)utf8_str_width(t + from,
							    ed->cur - from);
				cur_y = y + 1 + r;
			}
			while (from < le && used < w) {
				size_t k;
				int cw = wrap_char_width(t, from, le, &k);

				if (used + cw > w)
					break;
				if ((unsigned char)t[from] < 0x20) {
					addch('^');
					addch((chtype)(t[from] + 64));
				} else {
					addnstr(t + from, (int)k);
				}
				used += cw;
				from += k;
			}
			while (used++ < w)
				addch(' ');
		} else {
			int k;

			for (k = 0; k < w; k++)
				addch(' ');
		}
	}
	move(y + h - 1, 0);
	attrset(theme_attr(ROLE_STATUS));
	addnstr(help, (int)utf8_fit(help, strlen(help), (size_t)w));
	for (r = (int)utf8_str_width(help, utf8_fit(help, strlen(help),
						     (size_t)w));
	     r < w; r++)
		addch(' ');
	attrset(A_NORMAL);
	move(cur_y, cur_x);
}
