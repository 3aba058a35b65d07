/* visible: control characters and stray bytes written visibly. */
#include "brief/base/visible.h"

#include <string.h>

#include "brief/base/utf8.h"

static const char hex_lower[] = "0123456789abcdef";

/* One rule for the reader and the batch outputs: utf8_visible decides
 * what is shown as it is and what is written in a visible form. */
size_t visible_char(const char *s, size_t n, char out[UTF8_VISIBLE_MAX])
{
	size_t k;

	utf8_visible(s, n, &k, out);
	if (out[0] == '\0') {
		memcpy(out, s, k);
		out[k] = '\0';
	}
	return k;
}

void visible_add(struct buf *b, const char *s, size_t n, int keep)
{
	size_t i = 0;

	while (i < n) {
		size_t j = i, k;
		char form[UTF8_VISIBLE_MAX];

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
		char form[UTF8_VISIBLE_MAX];

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
		utf8_visible(s + j, n - j, &k, form);
		if (form[0] == '\0') {
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
