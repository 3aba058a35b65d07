/* clip: a passage with its citation, and OSC 52. */
#include "brief/ui/clip.h"

#include <string.h>

void clip_cite(const struct article *a, size_t s, size_t e, struct buf *out)
{
	long s1, s2;

	if (e > a->len)
		e = a->len;
	if (s > e)
		s = e;
	buf_adds(out, "“");
	buf_add(out, a->text + s, e - s);
	buf_adds(out, "”\n— ");
	buf_adds(out, a->title && *a->title ? a->title : "untitled");
	if (a->date)
		buf_printf(out, ", %s", a->date);
	if (a->source)
		buf_printf(out, ", %s", a->source);
	s1 = article_section_at(a, s);
	s2 = article_section_at(a, e > s ? e - 1 : s);
	if (s1 >= 0 && s2 > s1)
		buf_printf(out, ", §%ld–%ld", s1 + 1, s2 + 1);
	else if (s1 >= 0)
		buf_printf(out, ", §%ld", s1 + 1);
	if (s1 >= 0 && a->sections[s1].page > 0)
		buf_printf(out, ", p. %d", a->sections[s1].page);
	buf_addc(out, '\n');
}

void clip_base64(const void *p, size_t n, struct buf *out)
{
	static const char digit[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
				    "abcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char *b = p;
	size_t i;

	for (i = 0; i + 2 < n; i += 3) {
		unsigned long v = (unsigned long)b[i] << 16 |
				  (unsigned long)b[i + 1] << 8 | b[i + 2];
		char q[4] = {digit[v >> 18], digit[(v >> 12) & 63],
			     digit[(v >> 6) & 63], digit[v & 63]};

		buf_add(out, q, 4);
	}
	if (n - i == 1) {
		char q[4] = {digit[b[i] >> 2], digit[(b[i] & 3) << 4], '=',
			     '='};

		buf_add(out, q, 4);
	} else if (n - i == 2) {
		unsigned long v = (unsigned long)b[i] << 8 | b[i + 1];
		char q[4] = {digit[v >> 10], digit[(v >> 4) & 63],
			     digit[(v << 2) & 63], '='};

		buf_add(out, q, 4);
	}
}

void clip_osc52(const void *p, size_t n, struct buf *out)
{
	buf_adds(out, "\033]52;c;");
	clip_base64(p, n, out);
	buf_addc(out, '\a');
}
