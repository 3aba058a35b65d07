/* prompt: a small line editor. */
#include "brief/ui/prompt.h"

#include <curses.h>
#include <string.h>

#include "brief/ui/draw.h"
#include "brief/ui/theme.h"
#include "brief/base/utf8.h"
#include "brief/base/wrap.h"

void prompt_start(struct prompt *p, char lead)
{
	memset(p, 0, sizeof *p);
	p->lead = lead;
}

void prompt_set(struct prompt *p, const char *text)
{
	size_t n = strlen(text);

	if (n >= sizeof p->buf)
		n = sizeof p->buf - 1;
	memcpy(p->buf, text, n);
	p->buf[n] = '\0';
	p->len = p->cur = n;
}

static size_t prev_char(const struct prompt *p, size_t i)
{
	return utf8_prev(p->buf, 0, i);
}

static size_t next_char(const struct prompt *p, size_t i)
{
	uint32_t cp;

	if (i >= p->len)
		return p->len;
	return i + utf8_decode(p->buf + i, p->len - i, &cp);
}

int prompt_key(struct prompt *p, int key, int fn)
{
	if (fn) {
		switch (key) {
		case KEY_LEFT:
			p->cur = prev_char(p, p->cur);
			return PROMPT_MOVED;
		case KEY_RIGHT:
			p->cur = next_char(p, p->cur);
			return PROMPT_MOVED;
		case KEY_HOME:
			p->cur = 0;
			return PROMPT_MOVED;
		case KEY_END:
			p->cur = p->len;
			return PROMPT_MOVED;
		case KEY_BACKSPACE:
			key = 127;
			break;
		case KEY_DC:
			if (p->cur < p->len) {
				size_t n = next_char(p, p->cur);

				memmove(p->buf + p->cur, p->buf + n,
					p->len - n + 1);
				p->len -= n - p->cur;
			}
			return PROMPT_EDIT;
		case KEY_ENTER:
			return PROMPT_ACCEPT;
		default:
			return PROMPT_MOVED;
		}
	}
	switch (key) {
	case '\n':
	case '\r':
		return PROMPT_ACCEPT;
	case 27:
	case 7: /* Ctrl-G */
		return PROMPT_CANCEL;
	case 1: /* Ctrl-A */
		p->cur = 0;
		return PROMPT_MOVED;
	case 5: /* Ctrl-E */
		p->cur = p->len;
		return PROMPT_MOVED;
	case 21: /* Ctrl-U */
		memmove(p->buf, p->buf + p->cur, p->len - p->cur + 1);
		p->len -= p->cur;
		p->cur = 0;
		return PROMPT_EDIT;
	case 127:
	case 8:
		if (p->cur == 0) {
			if (p->len == 0)
				return PROMPT_CANCEL;
			return PROMPT_MOVED;
		}
		{
			size_t b = prev_char(p, p->cur);

			memmove(p->buf + b, p->buf + p->cur,
				p->len - p->cur + 1);
			p->len -= p->cur - b;
			p->cur = b;
		}
		return PROMPT_EDIT;
	default:
		break;
	}
	if (key >= 32 && key != 127 && key <= 0x10FFFF &&
	    (key < 0xD800 || key > 0xDFFF)) {
		char enc[4];
		size_t k = utf8_encode((uint32_t)key, enc);

		if (p->len + k + 1 >= sizeof p->buf)
			return PROMPT_MOVED;
		memmove(p->buf + p->cur + k, p->buf + p->cur,
			p->len - p->cur + 1);
		memcpy(p->buf + p->cur, enc, k);
		p->len += k;
		p->cur += k;
		return PROMPT_EDIT;
	}
	return PROMPT_MOVED;
}

void prompt_draw(const struct prompt *p, int y, int w)
{
	size_t start = utf8_scroll(p->buf, 0, p->cur,
				   (size_t)(w > 2 ? w - 1 : 1));
	int used;
	unsigned long attr = theme_attr(ROLE_STATUS);

	move(y, 0);
	attrset(attr);
	addch((chtype)p->lead);
	used = 1 + draw_text(p->buf, start, p->len, w - 2, attr);
	draw_fill(w - used, attr);
	attrset(A_NORMAL);
	move(y, 1 + (int)utf8_str_width(p->buf + start, p->cur - start));
}
