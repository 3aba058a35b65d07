/* draw: putting text on the screen safely -- control characters and
 * escape sequences shown visibly (^[, <9B>), never sent; wide characters
 * measured. */
#include "brief/ui/draw.h"

#include <curses.h>
#include <stdio.h>

#include "brief/ui/theme.h"
#include "brief/base/utf8.h"
#include "brief/base/wrap.h"

/* Put up to `cols` columns of text[s, e) at the cursor; control
 * characters are shown as ^X, never sent.  Returns the columns used. */
int draw_text(const char *t, size_t s, size_t e, int cols,
		    unsigned long attr)
{
	int used = 0;

	attrset(attr);
	while (s < e && used < cols) {
		size_t len;
		int w = wrap_char_width(t, s, e, &len);
		unsigned char c = (unsigned char)t[s];

		if (used + w > cols)
			break;
		if (c == '\n' || c == '\t' || c == '\r') {
			addch(' ');
		} else if (c < 0x20 || c == 0x7F) {
			attrset(theme_attr(ROLE_CONTROL));
			addch('^');
			addch(c == 0x7F ? '?' : (chtype)(c + 64));
			attrset(attr);
		} else if (w == 4) {
			uint32_t cp;
			char tmp[8];

			utf8_decode(t + s, e - s, &cp);
			snprintf(tmp, sizeof tmp, "<%02X>", (unsigned)cp);
			attrset(theme_attr(ROLE_CONTROL));
			addstr(tmp);
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
	attrset(attr);
	while (cols-- > 0)
		addch(' ');
}
