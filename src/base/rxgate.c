/* rxgate: the literals a pattern's matches need, and a scan for them.
 *
 * The pattern is read into sets of strings: a node is EXACT when every
 * match of it is one of the set's strings, MUST when every match holds
 * one of them, ANY when nothing is known.  A run of EXACT atoms
 * multiplies out ("newsletters?" is {newsletter, newsletters}); an
 * alternation unites; the best MUST of a sequence is kept.  Anything
 * not understood (a class, a back reference, a repeat that may be
 * empty) is ANY, and a construct that could change how the rest reads
 * (extended mode, \Q, verbs, conditions) gives no gate at all. */
#include "brief/base/rxgate.h"

#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "brief/base/rx.h"
#include "brief/base/util.h"

#define LMAX 64 /* strings in a set */
#define LLEN 32 /* bytes of a string */
#define DEPTH 16

enum { ANY, EXACT, MUST };

struct set {
	int kind;
	int n;
	unsigned char len[LMAX];
	char s[LMAX][LLEN];
};

struct rdr {
	const char *p, *end;
	int fold;
	int bad;
	int depth;
};

/* Each literal is looked for at its rarest pair of bytes (in English
 * text), the anchor: the scan passes over 16 bytes without an anchor at
 * a time (SSE2, up to AMAX anchors), or over every byte that starts none
 * at one table lookup. */
#define AMAX 16
struct rx_gate {
	int fold;
	size_t n;
	unsigned char len[LMAX];
	unsigned char off[LMAX];  /* where the anchor is in the literal */
	char s[LMAX][LLEN];
	unsigned char anchor[256]; /* some literal's anchor (either case) */
	unsigned char pair[AMAX][2]; /* the anchors, when there are so few
				      * (folded: in lower case) */
	int npairs;                  /* how many; 0: table only */
};

/* How common byte c (folded) is in English text: higher is commoner. */
static int commonness(unsigned char c)
{
	static const char order[] = "zqxjkvbpygfwmucldrhsnioate";
	const char *k;

	if (c == ' ')
		return 40;
	if (c >= 'a' && c <= 'z' && (k = strchr(order, c)) != NULL)
		return 10 + (int)(k - order);
	if (c >= '0' && c <= '9')
		return 12;
	return c == ',' || c == '.' || c == '-' || c == '\'' ? 14 : 5;
}

static unsigned char fold_byte(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

static void set_empty(struct set *x)
{
	x->kind = EXACT;
	x->n = 1;
	x->len[0] = 0;
}

static void set_any(struct set *x)
{
	x->kind = ANY;
	x->n = 0;
}

/* The set as a MUST: EXACT strings are needed as they are, unless one is
 * empty (then nothing is needed). */
static void to_must(struct set *x)
{
	int i;

	if (x->kind != EXACT)
		return;
	for (i = 0; i < x->n; i++)
		if (x->len[i] == 0) {
			set_any(x);
			return;
		}
	x->kind = MUST;
}

/* How much a MUST set rejects: its shortest string, then fewer strings. */
static int score(const struct set *x)
{
	int i, m = LLEN;

	if (x->kind == ANY || x->n == 0)
		return -1;
	for (i = 0; i < x->n; i++)
		if (x->len[i] < m)
			m = x->len[i];
	return m * 256 - x->n;
}

/* Keep the better of *best and x (taken as a MUST). */
static void offer(struct set *best, const struct set *x)
{
	static _Thread_local struct set m;

	m = *x;
	to_must(&m);
	if (score(&m) > score(best))
		*best = m;
}

/* a := a followed by b, both EXACT; 0 when it would not fit. */
static int product(struct set *a, const struct set *b)
{
	static _Thread_local struct set r;
	int i, j;

	if (a->n * b->n > LMAX)
		return 0;
	r.kind = EXACT;
	r.n = 0;
	for (i = 0; i < a->n; i++)
		for (j = 0; j < b->n; j++) {
			if (a->len[i] + b->len[j] > LLEN)
				return 0;
			memcpy(r.s[r.n], a->s[i], a->len[i]);
			memcpy(r.s[r.n] + a->len[i], b->s[j], b->len[j]);
			r.len[r.n++] = (unsigned char)(a->len[i] + b->len[j]);
		}
	*a = r;
	return 1;
}

/* a := a or b. */
static void unite(struct set *a, struct set *b)
{
	int i;

	if (!(a->kind == EXACT && b->kind == EXACT)) {
		to_must(a);
		to_must(b);
		if (a->kind == ANY || b->kind == ANY) {
			set_any(a);
			return;
		}
	}
	if (a->n + b->n > LMAX) {
		set_any(a);
		return;
	}
	for (i = 0; i < b->n; i++) {
		memcpy(a->s[a->n], b->s[i], b->len[i]);
		a->len[a->n++] = b->len[i];
	}
}

static void read_alt(struct rdr *r, struct set *out);

/* One literal character at r->p (its UTF-8 bytes). */
static void literal(struct rdr *r, struct set *out)
{
	unsigned char c = (unsigned char)*r->p;
	size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;

	if ((size_t)(r->end - r->p) < n) {
		r->bad = 1;
		return;
	}
	if (r->fold && c >= 0x80) {
		/* its other cases are other bytes */
		r->p += n;
		set_any(out);
		return;
	}
	out->kind = EXACT;
	out->n = 1;
	out->len[0] = (unsigned char)n;
	memcpy(out->s[0], r->p, n);
	if (r->fold)
		out->s[0][0] = (char)fold_byte(c);
	r->p += n;
}

/* An escape at r->p (the backslash). */
static void escape(struct rdr *r, struct set *out)
{
	static const char ctl_from[] = "tnrfea", ctl_to[] = "\t\n\r\f\033\007";
	const char *k;
	char c;

	if (r->p + 1 >= r->end) {
		r->bad = 1;
		return;
	}
	c = r->p[1];
	if (c == '\0') {
		r->bad = 1;
	} else if (strchr("bBAzZGK", c)) {
		r->p += 2;
		set_empty(out);
	} else if (strchr("dDwWsShHvVRNXC", c)) {
		r->p += 2;
		set_any(out);
	} else if (c == 'p' || c == 'P') {
		r->p += 2;
		if (r->p < r->end && *r->p == '{') {
			while (r->p < r->end && *r->p != '}')
				r->p++;
			if (r->p == r->end) {
				r->bad = 1;
				return;
			}
		}
		r->p++;
		set_any(out);
	} else if ((k = strchr(ctl_from, c)) != NULL) {
		r->p += 2;
		out->kind = EXACT;
		out->n = 1;
		out->len[0] = 1;
		out->s[0][0] = ctl_to[k - ctl_from];
	} else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		   (c >= '0' && c <= '9')) {
		/* \x, \Q, back references, ...: no gate */
		r->bad = 1;
	} else {
		r->p++;
		literal(r, out);
	}
}

/* Flags "(?i)", "(?-i:": option letters, '-' and '^' before ')' or
 * ':'; the extended modes change how the pattern reads, and other
 * letters are other constructs ("(?R)", "(?C)"): no gate. */
static int flags(struct rdr *r)
{
	const char *q = r->p;

	while (q < r->end && *q != '\0' && strchr("imsnUJ-^", *q))
		q++;
	if (q == r->end || (*q != ')' && *q != ':')) {
		r->bad = 1;
		return 0;
	}
	r->p = q + 1;
	return *q == ':';
}

/* A group at r->p (the parenthesis). */
static void group(struct rdr *r, struct set *out)
{
	int zero_width = 0;
	const char *p;

	if (++r->depth > DEPTH) {
		r->bad = 1;
		return;
	}
	p = ++r->p;
	if (p < r->end && *p == '*') {
		r->bad = 1;
		return;
	}
	if (p < r->end && *p == '?') {
		p++;
		if (p < r->end && (*p == ':' || *p == '>' || *p == '|')) {
			r->p = p + 1;
		} else if (p < r->end && (*p == '=' || *p == '!')) {
			r->p = p + 1;
			zero_width = 1;
		} else if (p + 1 < r->end && *p == '<' &&
			   (p[1] == '=' || p[1] == '!')) {
			r->p = p + 2;
			zero_width = 1;
		} else if (p < r->end && (*p == '<' || *p == '\'' ||
					  (*p == 'P' && p + 1 < r->end &&
					   p[1] == '<'))) {
			char close = *p == '\'' ? '\'' : '>';

			while (p < r->end && *p != close)
				p++;
			if (p == r->end) {
				r->bad = 1;
				return;
			}
			r->p = p + 1;
		} else if (p < r->end && *p == '#') {
			while (p < r->end && *p != ')')
				p++;
			r->p = p;
			zero_width = 1;
		} else {
			r->p = p;
			if (!flags(r)) {
				/* "(?i)": no group, nothing matched */
				r->depth--;
				set_empty(out);
				return;
			}
		}
	}
	if (r->bad)
		return;
	if (!(r->p < r->end && *r->p == ')'))
		read_alt(r, out);
	else
		set_empty(out);
	if (r->bad || r->p >= r->end || *r->p != ')') {
		r->bad = 1;
		return;
	}
	r->p++;
	r->depth--;
	if (zero_width)
		set_empty(out);
}

/* A class "[...]" at r->p: skipped, ANY. */
static void klass(struct rdr *r, struct set *out)
{
	const char *p = r->p + 1;

	if (p < r->end && *p == '^')
		p++;
	if (p < r->end && *p == ']')
		p++;
	while (p < r->end && *p != ']') {
		if (*p == '\\')
			p++;
		else if (*p == '[' && p + 1 < r->end && p[1] == ':') {
			for (p += 2; p + 1 < r->end && !(p[0] == ':' &&
							 p[1] == ']');
			     p++)
				;
			p++;
		}
		p++;
	}
	if (p >= r->end) {
		r->bad = 1;
		return;
	}
	r->p = p + 1;
	set_any(out);
}

/* A number at r->p, or -1. */
static long number(struct rdr *r)
{
	long v = 0;
	const char *s = r->p;

	while (r->p < r->end && *r->p >= '0' && *r->p <= '9' && v < 100000)
		v = v * 10 + (*r->p++ - '0');
	return r->p == s ? -1 : v;
}

/* A repeat after an atom: its least and most (-1: no most) counts; 0
 * when there is none. */
static int repeat(struct rdr *r, long *lo, long *hi)
{
	if (r->p >= r->end)
		return 0;
	switch (*r->p) {
	case '?':
		*lo = 0, *hi = 1;
		break;
	case '*':
		*lo = 0, *hi = -1;
		break;
	case '+':
		*lo = 1, *hi = -1;
		break;
	case '{':
		r->p++;
		if ((*lo = number(r)) < 0) {
			r->bad = 1; /* "{" read as itself: no gate */
			return 0;
		}
		*hi = *lo;
		if (r->p < r->end && *r->p == ',') {
			r->p++;
			*hi = number(r);
		}
		if (r->p >= r->end || *r->p != '}') {
			r->bad = 1;
			return 0;
		}
		break;
	default:
		return 0;
	}
	r->p++;
	if (r->p < r->end && (*r->p == '?' || *r->p == '+'))
		r->p++;
	return 1;
}

static void atom(struct rdr *r, struct set *out)
{
	long lo, hi;

	switch (*r->p) {
	case '(':
		group(r, out);
		break;
	case '[':
		klass(r, out);
		break;
	case '.':
		r->p++;
		set_any(out);
		break;
	case '^':
	case '$':
		r->p++;
		set_empty(out);
		break;
	case '\\':
		escape(r, out);
		break;
	case '*':
	case '+':
	case '?':
	case '{':
		r->bad = 1;
		return;
	default:
		literal(r, out);
	}
	if (r->bad || !repeat(r, &lo, &hi) || r->bad)
		return;
	if (lo == 1 && hi == 1)
		return;
	if (lo == 0) {
		if (hi == 1 && out->kind == EXACT && out->n < LMAX) {
			out->len[out->n++] = 0; /* "s?" */
			return;
		}
		set_any(out);
		return;
	}
	to_must(out); /* a match holds one of the atom's matches */
}

/* A sequence of atoms up to '|', ')' or the end. */
static void read_seq(struct rdr *r, struct set *out)
{
	struct set *cur = xmalloc(sizeof *cur), *best = xmalloc(sizeof *best),
		   *a = xmalloc(sizeof *a);
	int exact = 1;

	set_empty(cur);
	set_any(best);
	while (!r->bad && r->p < r->end && *r->p != '|' && *r->p != ')') {
		atom(r, a);
		if (r->bad)
			break;
		if (a->kind == EXACT) {
			if (!product(cur, a)) {
				offer(best, cur);
				*cur = *a;
				exact = 0;
			}
			continue;
		}
		offer(best, cur);
		offer(best, a);
		set_empty(cur);
		exact = 0;
	}
	if (exact) {
		*out = *cur;
	} else {
		offer(best, cur);
		*out = *best;
	}
	free(cur);
	free(best);
	free(a);
}

static void read_alt(struct rdr *r, struct set *out)
{
	struct set *b = xmalloc(sizeof *b);

	read_seq(r, out);
	while (!r->bad && r->p < r->end && *r->p == '|') {
		r->p++;
		read_seq(r, b);
		unite(out, b);
	}
	free(b);
}

/* Does the pattern ignore case anywhere ("(?i)", "(?i:", ...)? */
static int ignores_case(const char *p, size_t len)
{
	size_t i, j;

	for (i = 0; i + 2 < len; i++) {
		if (p[i] != '(' || p[i + 1] != '?')
			continue;
		for (j = i + 2; j < len && ((p[j] >= 'a' && p[j] <= 'z') ||
					    (p[j] >= 'A' && p[j] <= 'Z') ||
					    p[j] == '-' || p[j] == '^');
		     j++)
			if (p[j] == 'i')
				return 1;
	}
	return 0;
}

/* How common the two bytes at s are together: their sum. */
static int pair_commonness(const char *s)
{
	return commonness((unsigned char)s[0]) +
	       commonness((unsigned char)s[1]);
}

/* Literal bytes s[0, n) anchored at s[0]: its pair joins g's unless it
 * is there already; a literal of one byte, or one pair too many, leave
 * the scan to the table (npairs -1). */
static void add_pair(struct rx_gate *g, const char *s, size_t n)
{
	int k;

	if (g->npairs < 0)
		return;
	if (n < 2) {
		g->npairs = -1;
		return;
	}
	for (k = 0; k < g->npairs; k++)
		if (g->pair[k][0] == (unsigned char)s[0] &&
		    g->pair[k][1] == (unsigned char)s[1])
			return;
	if (g->npairs == AMAX) {
		g->npairs = -1;
		return;
	}
	g->pair[g->npairs][0] = (unsigned char)s[0];
	g->pair[g->npairs++][1] = (unsigned char)s[1];
}

struct rx_gate *rx_gate_new(const char *pattern, size_t len,
			    uint32_t options)
{
	const uint32_t known = PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS |
			       PCRE2_MULTILINE | PCRE2_DOTALL |
			       PCRE2_NEVER_UCP | PCRE2_NO_AUTO_CAPTURE |
			       PCRE2_DOLLAR_ENDONLY | PCRE2_UNGREEDY |
			       PCRE2_ANCHORED | PCRE2_NO_UTF_CHECK;
	struct rdr r = {pattern, pattern + len, 0, 0, 0};
	struct set *s;
	struct rx_gate *g = NULL;
	unsigned char a;
	int i;

	if ((options & ~known) != 0)
		return NULL;
	r.fold = (options & PCRE2_CASELESS) || ignores_case(pattern, len);
	s = xmalloc(sizeof *s);
	read_alt(&r, s);
	if (!r.bad && r.p == r.end) {
		to_must(s);
		if (s->kind == MUST && score(s) >= 2 * 256 - LMAX) {
			g = xcalloc(1, sizeof *g);
			g->fold = r.fold;
			g->n = (size_t)s->n;
		}
	}
	for (i = 0; g && i < s->n; i++) {
		int j, best = 0;

		g->len[i] = s->len[i];
		memcpy(g->s[i], s->s[i], s->len[i]);
		for (j = 1; j + 1 < s->len[i]; j++)
			if (pair_commonness(s->s[i] + j) <
			    pair_commonness(s->s[i] + best))
				best = j;
		g->off[i] = (unsigned char)best;
		add_pair(g, s->s[i] + best, s->len[i] - best);
		a = (unsigned char)s->s[i][best];
		g->anchor[a] = 1;
		if (g->fold && a >= 'a' && a <= 'z')
			g->anchor[a - 32] = 1;
	}
	if (g && g->fold) {
		/* characters whose cases include ASCII letters: the Kelvin
		 * sign, long s, dotted and dotless i; scanned for below */
		g->anchor[0xC4] = g->anchor[0xC5] = g->anchor[0xE2] = 1;
	}
	if (g && g->npairs < 0)
		g->npairs = 0;
	free(s);
	return g;
}

/* The first position at or after i, before len, where an anchor may
 * start: blocks of 16 bytes that start none of g's few anchors (nor,
 * folded, a character PCRE2 may match to an ASCII letter: C4, C5, E2 84)
 * are passed over at once.  i itself without SSE2 or without pairs. */
static size_t next_anchor(const struct rx_gate *g, const unsigned char *t,
			  size_t len, size_t i)
{
#ifdef __SSE2__
	__m128i a[AMAX], b[AMAX];
	const __m128i lc = _mm_set1_epi8(g->fold ? 0x20 : 0);
	int k;

	if (g->npairs == 0)
		return i;
	/* folded, both sides with bit 0x20 set: each letter's two cases,
	 * and every other byte with at most one more */
	for (k = 0; k < g->npairs; k++) {
		a[k] = _mm_or_si128(_mm_set1_epi8((char)g->pair[k][0]), lc);
		b[k] = _mm_or_si128(_mm_set1_epi8((char)g->pair[k][1]), lc);
	}
	for (; i + 17 <= len; i += 16) {
		__m128i r0 = _mm_loadu_si128((const __m128i *)(t + i));
		__m128i r1 = _mm_loadu_si128((const __m128i *)(t + i + 1));
		__m128i c0 = _mm_or_si128(r0, lc), c1 = _mm_or_si128(r1, lc);
		__m128i hit = _mm_setzero_si128();
		int m;

		for (k = 0; k < g->npairs; k++)
			hit = _mm_or_si128(
				hit, _mm_and_si128(_mm_cmpeq_epi8(c0, a[k]),
						   _mm_cmpeq_epi8(c1, b[k])));
		if (g->fold)
			hit = _mm_or_si128(
				hit,
				_mm_or_si128(
					_mm_or_si128(
						_mm_cmpeq_epi8(
							r0, _mm_set1_epi8((char)0xC4)),
						_mm_cmpeq_epi8(
							r0, _mm_set1_epi8((char)0xC5))),
					_mm_and_si128(
						_mm_cmpeq_epi8(
							r0, _mm_set1_epi8((char)0xE2)),
						_mm_cmpeq_epi8(
							r1, _mm_set1_epi8((char)0x84)))));
		m = _mm_movemask_epi8(hit);
		if (m != 0)
			return i + (size_t)__builtin_ctz((unsigned)m);
	}
#else
	(void)g;
	(void)t;
	(void)len;
#endif
	return i;
}

void rx_gate_free(struct rx_gate *g)
{
	free(g);
}

int rx_gate_may(const struct rx_gate *g, const char *s, size_t len,
		size_t start)
{
	const unsigned char *t = (const unsigned char *)s;
	size_t i, k, j, at;

	for (i = next_anchor(g, t, len, start); i < len; i++) {
		unsigned char c = t[i];

		if (!g->anchor[c]) {
			/* a whole block on: the tail byte by byte */
			if (i + 17 < len && g->npairs)
				i = next_anchor(g, t, len, i + 1) - 1;
			continue;
		}
		if (g->fold && c >= 0xC4) {
			/* Latin Extended-A (ſ, ı, İ) or the Kelvin sign (E2 84
			 * AA): PCRE2 may match them to a literal's letter */
			if (c != 0xE2 || (i + 1 < len && t[i + 1] == 0x84))
				return 1;
			continue;
		}
		c = g->fold ? fold_byte(c) : c;
		for (k = 0; k < g->n; k++) {
			if ((unsigned char)g->s[k][g->off[k]] != c ||
			    i < start + g->off[k] ||
			    g->len[k] > len - (at = i - g->off[k]))
				continue;
			for (j = 0; j < g->len[k]; j++)
				if ((g->fold ? fold_byte(t[at + j]) : t[at + j]) !=
				    (unsigned char)g->s[k][j])
					break;
			if (j == g->len[k])
				return 1;
		}
	}
	return 0;
}

size_t rx_gate_count(const struct rx_gate *g)
{
	return g ? g->n : 0;
}

const char *rx_gate_literal(const struct rx_gate *g, size_t i, size_t *n)
{
	*n = g->len[i];
	return g->s[i];
}
