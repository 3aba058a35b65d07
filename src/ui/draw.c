/* draw: putting text on the screen safely -- control characters, escape
 * sequences and bidirectional controls shown visibly (^[, <9B>, <U+202E>),
 * never sent; wide characters measured (utf8_visible is the one rule). */
#include "brief/ui/draw.h"

#include <curses.h>
#include <string.h>

#include "brief/ui/theme.h"
#include "brief/base/utf8.h"
#include "brief/base/wrap.h"

int draw_text(const char *t, size_t s, size_t e, int cols,
	      unsigned long attr)
{
	int used = 0;

	attrset(attr);
	while (s < e && used < cols) {
		char out[UTF8_VISIBLE_MAX];
		size_t len;
		unsigned char c = (unsigned char)t[s];
		int space = c == '\n' || c == '\t' || c == '\r';
		int w = space ? 1 : utf8_visible(t + s, e - s, &len, out);

		if (space)
			len = 1;
		if (used + w > cols)
			break;
		if (space) {
			addch(' ');
		} else if (out[0]) {
			attrset(theme_attr(ROLE_CONTROL));
			addstr(out);
			attrset(attr);
		} else {
			addnstr(t + s, (int)len);
		}
		used += w;
		s += len;
	}
	return used;
}

void draw_fill(int cols, unsigned long attr)
{
	int y, x;

	attrset(attr);
	getyx(stdscr, y, x);
	/* all but the last blank in one call when they stay on the row
	 * (whline renders each as addch would, without moving the cursor;
	 * a row of addch was a fifth of the first draw), the last by addch,
	 * which leaves the cursor where the blanks one by one did */
	if (cols > 1 && x + cols <= COLS) {
		whline(stdscr, ' ', cols - 1);
		move(y, x + cols - 1);
		cols = 1;
	}
	while (cols-- > 0)
		addch(' ');
}

void draw_excerpt(const char *q, char *out, size_t n, size_t cols)
{
	size_t len = strlen(q), fit = utf8_fit(q, len, cols);
	size_t i, o = 0;

	for (i = 0; i < fit && o + 4 < n; i++)
		out[o++] = q[i] == '\n' ? ' ' : q[i];
	out[o] = '\0';
	if (fit < len && o + 4 < n)
		strcat(out, "…");
}
