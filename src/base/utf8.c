/* utf8: decoding, validation and display width. */
#include "brief/base/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "brief/base/util.h"

size_t utf8_decode(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t c = s[0], min;
	size_t len, i;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		c &= 0x1F;
		min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		c &= 0x0F;
		min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		c &= 0x07;
		min = 0x10000;
	} else {
		*cp = 0xFFFD;
		return 1;
	}
	if (n < len) {
		*cp = 0xFFFD;
		return 1;
	}
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*cp = 0xFFFD;
			return 1;
		}
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
		*cp = 0xFFFD;
		return 1;
	}
	*cp = c;
	return len;
}

size_t utf8_valid_prefix(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		uint32_t cp;
		size_t k;

		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		k = utf8_decode(s + i, n - i, &cp);
		if (cp == 0xFFFD && k == 1)
			return i;
		i += k;
	}
	return n;
}

size_t utf8_encode(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

char *utf8_sanitize(const char *s, size_t n, size_t *outlen)
{
	struct buf b = {0};
	size_t i = 0;

	while (i < n) {
		size_t ok = utf8_valid_prefix(s + i, n - i);

		buf_add(&b, s + i, ok);
		i += ok;
		if (i < n) {
			buf_add(&b, "\xEF\xBF\xBD", 3);
			i++;
		}
	}
	*outlen = b.len;
	return buf_take(&b);
}

/* Format characters that reorder text in a terminal that applies the
 * bidirectional algorithm: embeddings and overrides, isolates, the marks,
 * and the line and paragraph separators.  Invisible by design, they are
 * shown by their code point. */
static int is_hidden_format(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E ||
	       cp == 0x200F || cp == 0x061C || cp == 0x2028 || cp == 0x2029;
}

int utf8_visible(const char *str, size_t n, size_t *len,
		 char out[UTF8_VISIBLE_MAX])
{
	unsigned char c = (unsigned char)str[0];
	uint32_t cp;
	int w;

	out[0] = '\0';
	if (c < 0x80) {
		*len = 1;
		if (c >= 0x20 && c != 0x7F)
			return 1;
		out[0] = '^';
		out[1] = c == 0x7F ? '?' : (char)(c + 64);
		out[2] = '\0';
		return 2;
	}
	*len = utf8_decode(str, n, &cp);
	if (cp == 0xFFFD && *len == 1) {
		/* not UTF-8: the byte itself */
		snprintf(out, UTF8_VISIBLE_MAX, "<%02X>", c);
		return 4;
	}
	if (cp < 0xA0) {
		snprintf(out, UTF8_VISIBLE_MAX, "<%02X>", (unsigned)cp);
		return 4;
	}
	if (is_hidden_format(cp)) {
		snprintf(out, UTF8_VISIBLE_MAX, "<U+%04X>", (unsigned)cp);
		return (int)strlen(out);
	}
	w = wcwidth((wchar_t)cp);
	return w < 0 ? 1 : w;
}

int utf8_width(uint32_t cp)
{
	char enc[4], out[UTF8_VISIBLE_MAX];
	size_t len;

	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = 0xFFFD;
	return utf8_visible(enc, utf8_encode(cp, enc), &len, out);
}

size_t utf8_str_width(const char *s, size_t n)
{
	size_t i = 0, w = 0;

	while (i < n) {
		char out[UTF8_VISIBLE_MAX];
		size_t k;

		w += (size_t)utf8_visible(s + i, n - i, &k, out);
		i += k;
	}
	return w;
}

size_t utf8_fit(const char *s, size_t n, size_t cols)
{
	size_t i = 0, w = 0;

	while (i < n) {
		char out[UTF8_VISIBLE_MAX];
		size_t k, cw = (size_t)utf8_visible(s + i, n - i, &k, out);

		if (w + cw > cols)
			break;
		w += cw;
		i += k;
	}
	return i;
}

size_t utf8_prev(const char *str, size_t from, size_t i)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t j = i - 1;
	uint32_t cp;

	if (i <= from)
		return from;
	while (j > from && i - j < 4 && (s[j] & 0xC0) == 0x80)
		j--;
	/* a whole character ends at i, or the last byte is one on its own */
	if (j + utf8_decode(str + j, i - j, &cp) == i)
		return j;
	return i - 1;
}

size_t utf8_scroll(const char *s, size_t from, size_t cur, size_t cols)
{
	size_t start = cur, w = 0;

	while (start > from) {
		char out[UTF8_VISIBLE_MAX];
		size_t p = utf8_prev(s, from, start), k;

		w += (size_t)utf8_visible(s + p, cur - p, &k, out);
		if (w >= cols)
			break;
		start = p;
	}
	return start;
}

int utf8_has_alnum(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		uint32_t cp;

		i += utf8_decode(s + i, n - i, &cp);
		if (iswalnum((wint_t)cp))
			return 1;
	}
	return 0;
}

/* ASCII letters and digits. */
const unsigned char utf8_ascii_word[256] = {
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1,
	['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
	['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1,
	['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1,
	['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1,
	['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
	['Y'] = 1, ['Z'] = 1,
	['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
	['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1,
	['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1,
	['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
	['y'] = 1, ['z'] = 1,
};
