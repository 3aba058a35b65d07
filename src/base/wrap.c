/* wrap: word wrapping by display width. */
#include "brief/base/wrap.h"

#include "brief/base/utf8.h"

int wrap_char_width(const char *text, size_t i, size_t e, size_t *len)
{
	unsigned char c = (unsigned char)text[i];
	char out[UTF8_VISIBLE_MAX];

	if (c == '\n' || c == '\t' || c == '\r') {
		*len = 1;
		return 1;
	}
	if (c < 0x80) {
		*len = 1;
		return c < 0x20 || c == 0x7F ? 2 : 1;
	}
	return utf8_visible(text + i, e - i, len, out);
}

static int is_break(char c)
{
	return c == ' ' || c == '\n' || c == '\t';
}

size_t wrap_lines(const char *text, size_t s, size_t e, int width,
		  size_t *starts, size_t max)
{
	size_t n = 0, i, line = s;

	if (width < 1)
		width = 1;
	for (;;) {
		size_t last_break = 0, j = line, k;
		int col = 0;

		/* skip spaces at the start of a continuation line */
		if (n > 0) {
			while (line < e && is_break(text[line]))
				line++;
			if (line >= e)
				break;
		}
		if (starts && n < max)
			starts[n] = line;
		n++;
		j = line;
		while (j < e) {
			int w = wrap_char_width(text, j, e, &k);

			if (is_break(text[j]))
				last_break = j;
			if (col + w > width)
				break;
			col += w;
			j += k;
		}
		if (j >= e)
			break;
		if (last_break > line)
			i = last_break + 1;
		else if (j > line)
			i = j;
		else
			i = j + k; /* one character wider than the line */
		line = i;
		if (line >= e)
			break;
	}
	return n;
}
