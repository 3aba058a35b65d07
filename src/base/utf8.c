/* utf8: decoding, validation and display width. */
#include "brief/base/utf8.h"

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

int utf8_width(uint32_t cp)
{
	int w;

	if (cp < 0x20 || cp == 0x7F)
		return 2;
	if (cp < 0x7F)
		return 1;
	if (cp >= 0x80 && cp < 0xA0)
		return 4; /* shown as <XX> */
	w = wcwidth((wchar_t)cp);
	if (w < 0)
		return 1;
	return w;
}

size_t utf8_str_width(const char *s, size_t n)
{
	size_t i = 0, w = 0;

	while (i < n) {
		uint32_t cp;

		i += utf8_decode(s + i, n - i, &cp);
		w += (size_t)utf8_width(cp);
	}
	return w;
}

size_t utf8_fit(const char *s, size_t n, size_t cols)
{
	size_t i = 0, w = 0;

	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		size_t cw = (size_t)utf8_width(cp);

		if (w + cw > cols)
			break;
		w += cw;
		i += k;
	}
	return i;
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
