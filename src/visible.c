/* visible: control characters and stray bytes written visibly. */
#include "brief/visible.h"

#include <string.h>

#include "brief/utf8.h"

static const char hex_upper[] = "0123456789ABCDEF";
static const char hex_lower[] = "0123456789abcdef";

/* Decode the character at s[0, n): its length, its code point, and
 * whether it is valid UTF-8 (else it is one stray byte). */
static size_t decode(const char *s, size_t n, uint32_t *cp, int *valid)
{
	size_t k = utf8_decode(s, n, cp);

	*valid = !(k == 1 && (unsigned char)s[0] >= 0x80);
	return k;
}

size_t visible_char(const char *s, size_t n, char out[8])
{
	unsigned char c = (unsigned char)s[0];
	uint32_t cp;
	int valid;
	size_t k;

	if (c < 0x20 || c == 0x7F) {
		out[0] = '^';
		out[1] = c == 0x7F ? '?' : (char)(c + 64);
		out[2] = '\0';
		return 1;
	}
	if (c < 0x80) {
		out[0] = (char)c;
		out[1] = '\0';
		return 1;
	}
	k = decode(s, n, &cp, &valid);
	if (!valid || (cp >= 0x80 && cp < 0xA0)) {
		unsigned v = valid ? (unsigned)cp : c;

		out[0] = '<';
		out[1] = hex_upper[v >> 4];
		out[2] = hex_upper[v & 15];
		out[3] = '>';
		out[4] = '\0';
		return valid ? k : 1;
	}
	memcpy(out, s, k);
	out[k] = '\0';
	return k;
}

void visible_add(struct buf *b, const char *s, size_t n, int keep)
{
	size_t i = 0;

	while (i < n) {
		size_t j = i, k;
		char form[8];

		/* a run that needs nothing */
		while (j < n) {
			unsigned char c = (unsigned char)s[j];

			if (c >= 0x80 || c == 0x7F)
				break;
			if (c < 0x20 && !((c == '\n' && keep & VISIBLE_KEEP_NL) ||
					  (c == '\t' && keep & VISIBLE_KEEP_TAB)))
				break;
			j++;
		}
		buf_add(b, s + i, j - i);
		if (j >= n)
			break;
		k = visible_char(s + j, n - j, form);
		buf_adds(b, form);
		i = j + k;
	}
	if (b->data == NULL)
		buf_add(b, "", 0);
}

char *visible_str(const char *s, int keep)
{
	struct buf b = {0};

	visible_add(&b, s, strlen(s), keep);
	return buf_take(&b);
}

int visible_write(FILE *f, const char *s, size_t n, int keep)
{
	/* in slices, so that a large output is not copied whole */
	const size_t slice = (size_t)1 << 16;
	struct buf b = {0};
	size_t i = 0;
	int rc = 0;

	while (i < n && rc == 0) {
		size_t e = n - i > slice ? i + slice : n;

		/* never split a character (of at most 4 bytes) */
		while (e < n && ((unsigned char)s[e] & 0xC0) == 0x80 &&
		       e - i < slice + 3)
			e++;
		b.len = 0;
		visible_add(&b, s + i, e - i, keep);
		if (fwrite(b.data, 1, b.len, f) != b.len)
			rc = -1;
		i = e;
	}
	buf_free(&b);
	return rc;
}

void visible_tsv(struct buf *b, const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		size_t j = i, k, x;
		uint32_t cp;
		int valid;

		while (j < n) {
			unsigned char c = (unsigned char)s[j];

			if (c < 0x20 || c >= 0x7F || c == '\\')
				break;
			j++;
		}
		buf_add(b, s + i, j - i);
		if (j >= n)
			break;
		if (s[j] == '\t' || s[j] == '\n' || s[j] == '\\') {
			buf_addc(b, '\\');
			buf_addc(b, s[j] == '\t' ? 't' : s[j] == '\n' ? 'n' : '\\');
			i = j + 1;
			continue;
		}
		k = decode(s + j, n - j, &cp, &valid);
		if (valid && cp >= 0xA0) {
			buf_add(b, s + j, k); /* a printable character */
			i = j + k;
			continue;
		}
		for (x = 0; x < k; x++) {
			unsigned char c = (unsigned char)s[j + x];
			char esc[4] = {'\\', 'x', hex_lower[c >> 4],
				       hex_lower[c & 15]};

			buf_add(b, esc, 4);
		}
		i = j + k;
	}
	if (b->data == NULL)
		buf_add(b, "", 0);
}
