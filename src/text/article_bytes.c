/* article_bytes: checking an article's bytes as they are parsed (NUL, CR,
 * invalid UTF-8), mending them in place in a large file, a normalised
 * copy for a small one, and a file that shrinks under its mapping. */
#include "brief/text/article.h"

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "article_priv.h"
#include "brief/base/mapguard.h"
#include "brief/base/utf8.h"

/* The slow path (see art_plain_begin). */
char *art_normalised_copy(const char *s, size_t n, size_t *outlen)
{
	struct buf b = {0};
	size_t i = 0;

	while (i < n) {
		size_t j = i;
		unsigned char c;

		/* a run of bytes kept as they are */
		while (j < n) {
			uint32_t cp;
			size_t k;

			c = (unsigned char)s[j];
			if (c == 0 || c == '\r')
				break;
			if (c < 0x80) {
				j++;
				continue;
			}
			k = utf8_decode(s + j, n - j, &cp);
			if (cp == 0xFFFD && k == 1)
				break;
			j += k;
		}
		buf_add(&b, s + i, j - i);
		if (j >= n)
			break;
		c = (unsigned char)s[j];
		if (c == '\r') {
			buf_add(&b, "\n", 1);
			if (j + 1 < n && s[j + 1] == '\n')
				j++;
		} else {
			buf_add(&b, "\xEF\xBF\xBD", 3);
		}
		i = j + 1;
	}
	buf_add(&b, "", 1); /* room for the NUL, never empty */
	*outlen = b.len - 1;
	return buf_take(&b);
}

/* The byte at s[i], which is not plain ASCII: NUL, CR or the start of a
 * character.  The offset past it, or i with sc set when it needs care. */
static size_t scan_one(const char *s, size_t i, size_t len, struct scan *sc)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned char c = u[i];
	uint32_t cp;
	size_t k;

	/* the common characters at once: two bytes (C2-DF), three without
	 * an overlong form or a surrogate to fear (E1-EC, EE-EF) */
	if (c >= 0xC2 && c <= 0xDF && i + 1 < len && (u[i + 1] & 0xC0) == 0x80)
		return i + 2;
	if (c >= 0xE1 && c <= 0xEF && c != 0xED && i + 2 < len &&
	    (u[i + 1] & 0xC0) == 0x80 && (u[i + 2] & 0xC0) == 0x80)
		return i + 3;

	if (c == 0) {
		sc->nul = 1;
		return i;
	}
	if (c == '\r') {
		sc->cr = 1;
		return i;
	}
	if (c < 0x80)
		return i + 1;
	k = utf8_decode(s + i, len - i, &cp);
	if (cp == 0xFFFD && k == 1) {
		sc->bad_utf8 = 1;
		return i;
	}
	return i + k;
}

size_t art_scan_bytes(const char *s, size_t i, size_t stop, size_t len,
		      struct scan *sc)
{
	size_t next;

	memset(sc, 0, sizeof *sc);
#ifdef __SSE2__
	{
		/* 32 bytes at a time: a mask of those that are NUL, CR or
		 * not ASCII, and on from the first of them */
		const __m128i zero = _mm_setzero_si128(),
			      cr = _mm_set1_epi8('\r');

		while (i + 32 <= stop) {
			__m128i a = _mm_loadu_si128((const __m128i *)(s + i)),
				b = _mm_loadu_si128(
					(const __m128i *)(s + i + 16));
			unsigned ma = (unsigned)_mm_movemask_epi8(_mm_or_si128(
					      _mm_or_si128(_mm_cmpeq_epi8(a, zero),
							   _mm_cmpeq_epi8(a, cr)),
					      a)),
				 mb = (unsigned)_mm_movemask_epi8(_mm_or_si128(
					      _mm_or_si128(_mm_cmpeq_epi8(b, zero),
							   _mm_cmpeq_epi8(b, cr)),
					      b));
			unsigned m = ma | mb << 16;

			if (m == 0) {
				i += 32;
				continue;
			}
			i += (size_t)__builtin_ctz(m);
			next = scan_one(s, i, len, sc);
			if (next == i)
				return i;
			i = next;
		}
	}
#else
	while (i + 32 <= stop) {
		uint64_t w[4];
		size_t wend = i + 8;

		memcpy(w, s + i, sizeof w);
		if (PLAIN(w[0]) && PLAIN(w[1]) && PLAIN(w[2]) &&
		    PLAIN(w[3])) {
			i += 32;
			continue;
		}
		/* byte by byte to the end of this word (or a character
		 * reaching past it) */
		while (i < wend) {
			next = scan_one(s, i, len, sc);
			if (next == i)
				return i;
			i = next;
		}
	}
#endif
	/* the rest byte by byte */
	while (i < stop) {
		next = scan_one(s, i, len, sc);
		if (next == i)
			return i;
		i = next;
	}
	return i;
}

/* Text offset i was written to: its page of a mapped article is never
 * given back. */
static void keep_page(struct loader *l, size_t i)
{
	l->mended = xgrow(l->mended, &l->cap_mended, l->nmended + 1,
			  sizeof *l->mended);
	l->mended[l->nmended++] = i;
}

/* Make text[0, want) checked, and LOOKAHEAD_LINES lines more, so that
 * the parser never reads unchecked bytes.  A large file is checked as it is
 * parsed, not before its first screen; what needs care after its first
 * MiB is mended in place, keeping every offset: CR before LF becomes a
 * space, a lone CR a line feed, a NUL or an invalid byte '?'. */
void art_ensure_clean(struct loader *l, size_t want)
{
	struct article *a = l->a;
	struct scan sc;

	if (l->clean >= a->len)
		return;
	if (want < a->len) {
		int lines = 0;

		while (want < a->len && lines < LOOKAHEAD_LINES) {
			const char *nl =
				memchr(a->text + want, '\n', a->len - want);

			want = nl ? (size_t)(nl - a->text) + 1 : a->len;
			lines++;
		}
	} else {
		want = a->len;
	}
	while (l->clean < want) {
		size_t i = art_scan_bytes(a->text, l->clean, want, a->len, &sc);

		if (!sc.nul && !sc.cr && !sc.bad_utf8) {
			l->clean = i;
			break;
		}
		if (sc.nul && l->mapped && mapguard_changed(l->map))
			return; /* zeros where the file shrank: cut_if_shrank */
		(void)article_id(a); /* the id is of the bytes as read */
		if (l->mapped)
			keep_page(l, i);
		if (sc.cr)
			a->text[i] = i + 1 < a->len && a->text[i + 1] == '\n'
					     ? ' '
					     : '\n';
		else
			a->text[i] = '?';
		l->clean = i + 1;
	}
}

/* When the file shrank under its mapping, the article ends where the
 * parsing stands: what follows reads as zeros now, and is never parsed.
 * article_check then tells. */
void art_cut_if_shrank(struct loader *l)
{
	struct article *a = l->a;

	if (!l->mapped || !mapguard_changed(l->map) || a->len <= l->pos)
		return;
	l->changed = 1;
	a->len = l->pos;
	a->text[a->len] = '\0';
	keep_page(l, a->len);
	if (l->clean > a->len)
		l->clean = a->len;
}
