/* names_find: the unmarked proper names of two reports' stories, found
 * by the shape of their words (see names_find in names_priv.h). */
#include "names_priv.h"

#include <stdlib.h>
#include <string.h>

#include "brief/base/wordset.h"
#include "brief/compare/compare.h"

#define W_CAP 1      /* begins with a capital */
#define W_ALLCAPS 2  /* capitals only (two letters or more) */
#define W_CONN 4     /* a connector */
#define W_STOP 8     /* never a name */
#define W_FIRST 16   /* begins its sentence */
#define W_SPACE 32   /* only space before it, since the last word */
#define W_COMMA 64   /* a comma and a space before it */
#define W_TITLE 128  /* a title ("President", "Minister") */
#define W_NUM 256    /* a number of one to four digits ("201") */
#define W_ORD 512    /* an ordinal in digits ("6th", "101st") */

/* The bits of a word in struct finder's set: in a list of struct
 * name_rules; seen capitalised inside a sentence, or in lower case. */
#define L_CONN 1
#define L_STOP 2
#define L_TITLE 4
#define L_MIDCAP 8
#define L_LOWER 16

struct word {
	size_t start, end;
	int f;
};

static int is_upper(const unsigned char *p)
{
	/* A-Z, and the Latin-1 capitals in UTF-8 (U+00C0..U+00DE) */
	return (p[0] >= 'A' && p[0] <= 'Z') ||
	       (p[0] == 0xc3 && p[1] >= 0x80 && p[1] <= 0x9e && p[1] != 0x97);
}

/* Is t[p] a byte of a word?  Curly quotes and dashes are not; a right
 * single quote is only in "’s". */
static int word_byte(const char *t, size_t p, size_t end)
{
	unsigned char c = (unsigned char)t[p];

	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9'))
		return 1;
	if (c == '-' || c == '.' || c == '\'')
		return p + 1 < end && ((t[p + 1] | 0x20) >= 'a' &&
				       (t[p + 1] | 0x20) <= 'z');
	if (c == 0xe2)
		return p + 3 < end && (unsigned char)t[p + 1] == 0x80 &&
		       (unsigned char)t[p + 2] == 0x99 && t[p + 3] == 's' &&
		       (p + 4 >= end || !word_byte(t, p + 4, end));
	if (c >= 0x80)
		return 1;
	return 0;
}

/* Is c an ASCII letter or digit (a byte of a word, word_byte's
 * quick case)? */
static int ascii_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

/* The length of the word t[p, q) without a possessive ending ("'s",
 * "’s"). */
static size_t bare_len(const char *t, size_t p, size_t q)
{
	size_t len = q - p;

	if (len > 2 && t[q - 2] == '\'' && t[q - 1] == 's')
		return len - 2;
	if (len > 4 && memcmp(t + q - 4, "\xe2\x80\x99s", 4) == 0)
		return len - 4;
	return len;
}

/* The bits of the word t[p, q) in ws, with those of the word without a
 * possessive ending ("Odisha's": "Odisha" seen inside a sentence). */
static unsigned word_bits(const struct wordset *ws, const char *t, size_t p,
			  size_t q)
{
	unsigned lf = wordset_get(ws, t + p, q - p);
	size_t len = bare_len(t, p, q);

	if (len != q - p)
		lf |= wordset_get(ws, t + p, len);
	return lf;
}

/* The number bits of the word t[p, q): W_NUM for one to four digits,
 * W_ORD for digits and an ordinal ending ("6th", "21st"). */
static int number_shape(const char *t, size_t p, size_t q)
{
	size_t d = p;

	while (d < q && t[d] >= '0' && t[d] <= '9')
		d++;
	if (d == p || d - p > 4)
		return 0;
	if (d == q)
		return W_NUM;
	if (q - d == 2 && (memcmp(t + d, "st", 2) == 0 ||
			   memcmp(t + d, "nd", 2) == 0 ||
			   memcmp(t + d, "rd", 2) == 0 ||
			   memcmp(t + d, "th", 2) == 0))
		return W_ORD;
	return 0;
}

/* f, the shape of the word t[p, q), with the bits that come from the
 * lists: lf, its bits in lists, and those of the word without a
 * possessive ending. */
static int with_lists(const struct wordset *lists, const char *t, size_t p,
		      size_t q, int f, unsigned lf)
{
	size_t len = bare_len(t, p, q);

	if ((lf & L_CONN) && !(f & W_CAP))
		f |= W_CONN;
	if (len != q - p)
		lf = wordset_get(lists, t + p, len);
	if (lf & L_STOP)
		f |= W_STOP;
	if (lf & L_TITLE)
		f |= W_TITLE;
	return f;
}

/* Append the word [p, q) of shape f to *w (n words, room for *cap). */
static void push_word(struct word **w, size_t *cap, size_t n, size_t p,
		      size_t q, int f)
{
	if (n >= *cap)
		*w = xgrow(*w, cap, n + 1, sizeof **w);
	(*w)[n].start = p;
	(*w)[n].end = q;
	(*w)[n].f = f;
}

/* The words of the sentence [s, e) of a outside mentions (from *mi on):
 * appended to *w, with their shape; without the bits that come from
 * the lists (W_CONN, W_STOP, W_TITLE) when lists is NULL.  A figure
 * that is a bare number after a space is a word ("Air Base 201"). */
static size_t sentence_words(const struct wordset *lists,
			     const struct article *a,
			     const struct mentions *m, size_t *mi, size_t s,
			     size_t e, struct word **w, size_t *cap)
{
	const char *t = a->text;
	size_t p = s, n = 0;
	int sep = W_SPACE, first = W_FIRST;

	while (p < e) {
		size_t q, stop;
		int f, caps = 1;

		while (*mi < m->n && m->v[*mi].end <= p)
			(*mi)++;
		if (*mi < m->n && m->v[*mi].start <= p) {
			const struct mention *mn = &m->v[*mi];

			if (mn->cat == CAT_FIGURE && mn->start == p &&
			    sep == W_SPACE && mn->end <= e &&
			    number_shape(t, p, mn->end) == W_NUM) {
				push_word(w, cap, n++, p, mn->end,
					  W_SPACE | W_NUM);
				p = mn->end;
				continue;
			}
			p = mn->end;
			sep = 0;
			first = 0;
			continue;
		}
		if (!ascii_alnum(t[p]) && !word_byte(t, p, e)) {
			if (t[p] == ',' && p + 1 < e && t[p + 1] == ' ' &&
			    sep == W_SPACE)
				sep = W_COMMA;
			else if (t[p] != ' ' && t[p] != '\n')
				sep = 0;
			if (t[p] != ' ' && t[p] != '\n' && t[p] != '"' &&
			    t[p] != '(' && (unsigned char)t[p] != 0xe2)
				first = 0;
			p++;
			continue;
		}
		/* to the word's end, or the mention that begins inside it;
		 * noting a lower-case letter on the way */
		stop = *mi < m->n ? m->v[*mi].start : e;
		for (q = p; q < e && q != stop; q++) {
			char c = t[q];

			if (c >= 'a' && c <= 'z')
				caps = 0;
			else if (!ascii_alnum(c) && !word_byte(t, q, e))
				break;
		}
		/* a final full stop is the sentence's, not the word's, except
		 * after an initial ("J.") or inside "U.S." */
		if (q < e && t[q] == '.' &&
		    (q - p == 1 || memchr(t + p, '.', q - p) != NULL))
			q++;
		f = sep | first;
		if (is_upper((const unsigned char *)t + p))
			f |= W_CAP;
		if (caps && q - p >= 2 && (f & W_CAP))
			f |= W_ALLCAPS;
		f |= number_shape(t, p, q);
		if (lists)
			f = with_lists(lists, t, p, q, f,
				       wordset_get(lists, t + p, q - p));
		push_word(w, cap, n++, p, q, f);
		sep = W_SPACE;
		first = 0;
		p = q;
	}
	return n;
}

/* A word set of the lists of nr (L_CONN, L_STOP, L_TITLE). */
static struct wordset *list_words(const struct name_rules *nr)
{
	struct wordset *ws = wordset_new();
	size_t i;

	for (i = 0; i < nr->nconnectors; i++)
		wordset_add(ws, nr->connectors[i], strlen(nr->connectors[i]),
			    L_CONN);
	for (i = 0; i < nr->nstops; i++)
		wordset_add(ws, nr->stops[i], strlen(nr->stops[i]), L_STOP);
	for (i = 0; i < nr->ntitles; i++)
		wordset_add(ws, nr->titles[i], strlen(nr->titles[i]), L_TITLE);
	return ws;
}

static int nameword(const struct word *w)
{
	return (w->f & W_CAP) && !(w->f & W_STOP);
}

/* The last word of the name that begins at w[i] (n words). */
static size_t name_end(const struct word *w, size_t n, size_t i)
{
	size_t j = i, k, of = 0;

	for (;;) {
		k = j + 1;
		if (k >= n)
			break;
		if ((w[k].f & W_SPACE) && nameword(&w[k])) {
			j = k;
			continue;
		}
		if ((w[k].f & W_SPACE) && (w[k].f & W_CONN)) {
			while (k < n && (w[k].f & W_SPACE) && (w[k].f & W_CONN))
				k++;
			if (k < n && (w[k].f & W_SPACE) && nameword(&w[k])) {
				of = 1;
				j = k;
				continue;
			}
			break;
		}
		/* "Ministry of Education, Culture, Research, and
		 * Technology": a list inside a name after "of", ending
		 * in "and" */
		if (of && (w[k].f & W_COMMA) && nameword(&w[k])) {
			while (k + 1 < n && (w[k + 1].f & W_COMMA) &&
			       nameword(&w[k + 1]))
				k++;
			if (k + 2 < n && (w[k + 1].f & W_CONN) &&
			    (w[k + 1].f & (W_COMMA | W_SPACE)) &&
			    (w[k + 2].f & W_SPACE) && nameword(&w[k + 2])) {
				j = k + 2;
				continue;
			}
		}
		break;
	}
	/* a number that designates what it names ("Air Base 201") */
	if (j + 1 < n && (w[j + 1].f & W_SPACE) && (w[j + 1].f & W_NUM))
		j++;
	return j;
}

static int story(const struct article *a, size_t sec)
{
	return a->sections[sec].kind == SECTION_LEAD ||
	       a->sections[sec].kind == SECTION_BODY;
}

/* The words of sentence si of side's cache into *w, with their bits
 * from the lists; their count. */
static size_t cached_words(const struct finder *fd, const struct article *a,
			   int side, size_t si, struct word **w, size_t *cap)
{
	const struct wcache *c = &fd->cache[side];
	size_t i, n = 0, end = si + 1 < c->ns ? c->first[si + 1] : c->nw;

	for (i = c->first[si]; i < end; i++, n++) {
		const struct cword *x = &c->w[i];

		if (n >= *cap)
			*w = xgrow(*w, cap, n + 1, sizeof **w);
		(*w)[n].start = x->start;
		(*w)[n].end = x->end;
		(*w)[n].f = with_lists(fd->words, a->text, x->start, x->end,
				       x->f, x->lf);
	}
	return n;
}

/* Visit the words of each sentence of a's story: fn(f, side, words),
 * their bits from the lists too when lists is set (from the first
 * pass's cache when there is one). */
static void each_sentence(struct finder *fd, const struct article *a,
			  const struct mentions *m, int side, int lists,
			  void (*fn)(struct finder *, const struct article *,
				     int, const struct word *, size_t))
{
	struct word *w = NULL;
	size_t cap = 0, mi = 0, sec, k, si = 0;
	int cached = lists && fd->cache[side].ok;

	for (sec = 0; sec < a->nsections; sec++) {
		const struct section *sc = &a->sections[sec];

		if (!story(a, sec))
			continue;
		for (k = 0; k < sc->nsentences; k++) {
			const struct span *sp =
				&a->sentences[sc->first_sentence + k];
			size_t n = cached ? cached_words(fd, a, side, si++, &w,
							 &cap)
					  : sentence_words(lists ? fd->words
								 : NULL,
							   a, m, &mi,
							   sp->start, sp->end,
							   &w, &cap);

			fn(fd, a, side, w, n);
		}
	}
	free(w);
}

/* The first pass: the words written in lower case and those
 * capitalised inside a sentence, into the word set; each word kept in
 * the side's cache with its bits. */
static void learn(struct finder *fd, const struct article *a, int side,
		  const struct word *w, size_t n)
{
	struct wcache *c = &fd->cache[side];
	size_t i;

	if (c->ok) {
		c->first = xgrow(c->first, &c->caps, c->ns + 1,
				 sizeof *c->first);
		c->first[c->ns++] = (uint32_t)c->nw;
	}
	for (i = 0; i < n; i++) {
		const char *s = a->text + w[i].start;
		size_t len = w[i].end - w[i].start;
		unsigned lf;

		if (!(w[i].f & W_CAP))
			lf = wordset_add(fd->words, s, len, L_LOWER);
		else if (!(w[i].f & W_FIRST))
			lf = wordset_add(fd->words, s, len, L_MIDCAP);
		else if (c->ok)
			lf = wordset_get(fd->words, s, len);
		else
			continue;
		if (!c->ok)
			continue;
		if (c->nw >= c->capw)
			c->w = xgrow(c->w, &c->capw, c->nw + 1, sizeof *c->w);
		c->w[c->nw].start = (uint32_t)w[i].start;
		c->w[c->nw].end = (uint32_t)w[i].end;
		c->w[c->nw].f = (uint16_t)w[i].f;
		c->w[c->nw++].lf = (uint16_t)(lf & (L_CONN | L_STOP | L_TITLE));
	}
}

static void collect(struct finder *fd, const struct article *a, int side,
		    const struct word *w, size_t n)
{
	size_t i = 0, j, k, nw, o;
	int allcaps;

	while (i < n) {
		if (!nameword(&w[i])) {
			i++;
			continue;
		}
		j = name_end(w, n, i);
		/* a sentence's first word is a name's only when it is
		 * written capitalised inside a sentence too */
		if ((w[i].f & W_FIRST) &&
		    !(word_bits(fd->words, a->text, w[i].start, w[i].end) &
		      L_MIDCAP)) {
			k = i + 1;
			while (k <= j && !nameword(&w[k]))
				k++;
			if (k > j) {
				i = j + 1;
				continue;
			}
			i = k;
		}
		/* titles are no part of a name ("Defence Minister", "General
		 * Dagvin Anderson") */
		k = i;
		while (i <= j && (w[i].f & W_TITLE))
			i++;
		/* ... nor its department ("Secretary of State") */
		if (i > j || (w[j].f & W_TITLE) ||
		    (i > k && (w[i].f & W_CONN))) {
			i = j + 1;
			continue;
		}
		/* the ordinal that numbers it ("6th Infantry Division") */
		o = i > k || i == 0 || !(w[i - 1].f & W_ORD) ||
				    !(w[i].f & W_SPACE)
			    ? i
			    : i - 1;
		allcaps = 1;
		for (k = o, nw = 0; k <= j; k++, nw++)
			if (!(w[k].f & W_ALLCAPS) && !(w[k].f & W_CONN))
				allcaps = 0;
		/* a heading in capitals; a common word capitalised */
		if ((nw >= 2 && allcaps) ||
		    (nw == 1 && (w[i].end - w[i].start < 2 ||
				 (word_bits(fd->words, a->text, w[i].start,
					    w[i].end) &
				  L_LOWER)))) {
			i = j + 1;
			continue;
		}
		fd->c = xgrow(fd->c, &fd->cap, fd->nc + 1, sizeof *fd->c);
		fd->c[fd->nc].side = side;
		fd->c[fd->nc].start = w[o].start;
		fd->c[fd->nc].end = w[j].end;
		fd->c[fd->nc].key = names_key(fd->r, a->text + w[o].start,
					      w[j].end - w[o].start);
		fd->c[fd->nc].nwords = (int)nw;
		fd->c[fd->nc].allcaps_head = (w[o].f & W_ALLCAPS) != 0;
		fd->c[fd->nc].used = 0;
		fd->nc++;
		i = j + 1;
	}
}

void names_find(struct finder *fd, const struct article *const a[2],
		const struct mentions *const m[2])
{
	int s;

	fd->words = list_words(&fd->r->names);
	for (s = 0; s < 2; s++) {
		fd->cache[s].ok = a[s]->len <= UINT32_MAX;
		each_sentence(fd, a[s], m[s], s, 0, learn);
	}
	for (s = 0; s < 2; s++)
		each_sentence(fd, a[s], m[s], s, 1, collect);
}
