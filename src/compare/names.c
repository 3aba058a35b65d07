/* names: unmarked proper names, by shape, matched across two reports. */
#include "brief/compare/names.h"

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

/* A name found in one report. */
struct cand {
	int side;
	size_t start, end;
	char *key;
	int nwords;
	int allcaps_head;  /* its first word is capitals only */
	int used;          /* counted for an entity */
};

/* Is s[0, len) in the list l (sorted without regard to case by
 * names_sort_list)?  A binary search (for a key's trailing words; the
 * words of the text are looked up in struct finder's word set). */
static int in_list(char *const *l, size_t n, const char *s, size_t len)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int d = strncasecmp(l[mid], s, len);

		if (d == 0 && l[mid][len] != '\0')
			d = 1; /* longer: after s */
		if (d == 0)
			return 1;
		if (d < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

static int ci_cmp(const void *a, const void *b)
{
	return strcasecmp(*(char *const *)a, *(char *const *)b);
}

void names_sort_list(char **l, size_t n)
{
	if (n > 1)
		qsort(l, n, sizeof *l, ci_cmp);
}

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

/* A word of a report's story as the first pass read it: where it is,
 * its shape and its bits in the word set. */
struct cword {
	uint32_t start, end;
	uint16_t f, lf;
};

/* The words of one report's story, by sentence, kept from the first
 * pass for the second (when the text is short enough for 32-bit
 * offsets; else the second pass reads the text again). */
struct wcache {
	int ok;
	struct cword *w;
	size_t nw, capw;
	uint32_t *first;  /* per sentence: its first word in w */
	size_t ns, caps;
};

struct finder {
	const struct compare_rules *r;
	struct wcache cache[2];
	/* the words of the lists (L_CONN, L_STOP, L_TITLE) and of the
	 * reports (L_MIDCAP, L_LOWER) */
	struct wordset *words;
	struct cand *c;
	size_t nc, cap;
};

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

char *names_key(const struct compare_rules *r, const char *s, size_t n)
{
	char *flat = xmalloc(n + 1), *k, *sp;
	size_t i, o = 0;

	for (i = 0; i < n; i++) {
		int space = s[i] == ' ' || s[i] == '\n' || s[i] == '\t';

		if (space && (o == 0 || flat[o - 1] == ' '))
			continue;
		flat[o++] = space ? ' ' : s[i];
	}
	while (o && flat[o - 1] == ' ')
		o--;
	flat[o] = '\0';
	k = compare_entity_key(r, flat);
	free(flat);
	while ((sp = strrchr(k, ' ')) != NULL &&
	       in_list(r->names.tails, r->names.ntails, sp + 1,
		       strlen(sp + 1)))
		*sp = '\0';
	return k;
}

int names_acronym_after(const char *t, size_t len, size_t end,
			char *acr, size_t size, size_t *acr_end)
{
	size_t p = end, n = 0;

	while (p < end + 3 && p < len && (t[p] == ' ' || t[p] == '\n'))
		p++;
	if (p == end || p >= len || t[p] != '(' || size < 3)
		return 0;
	p++;
	while (p < len && n + 1 < size &&
	       ((t[p] >= 'A' && t[p] <= 'Z') || (n && t[p] >= '0' &&
						  t[p] <= '9')))
		acr[n++] = t[p++];
	acr[n] = '\0';
	if (acr_end)
		*acr_end = p + 1;
	return n >= 2 && p < len && t[p] == ')';
}

void names_drop_titles(const struct compare_rules *r, char *key)
{
	char *sp;

	while ((sp = strchr(key, ' ')) != NULL &&
	       in_list(r->names.titles, r->names.ntitles, key,
		       (size_t)(sp - key)))
		memmove(key, sp + 1, strlen(sp + 1) + 1);
}

/* The acronym given in brackets right after [start, end) ("Central
 * Election Commission (CEC)"), lower case in acr; 0 when none. */
static int acronym_after(const struct article *a, size_t end, char acr[16],
			 size_t *acr_end)
{
	size_t i;

	if (!names_acronym_after(a->text, a->len, end, acr, 16, acr_end))
		return 0;
	for (i = 0; acr[i]; i++)
		acr[i] = (char)(acr[i] | 0x20);
	return 1;
}

/* An acronym defined in either report is its expansion in both: the
 * acronym's own names take the expansion's key, and the acronym in the
 * brackets of its definition is not counted again. */
static void acronyms(struct finder *fd, const struct article *const a[2])
{
	size_t i, j;

	for (i = 0; i < fd->nc; i++) {
		struct cand *d = &fd->c[i];
		char acr[16];
		size_t aend;

		if (d->nwords < 2 ||
		    !acronym_after(a[d->side], d->end, acr, &aend))
			continue;
		for (j = 0; j < fd->nc; j++) {
			struct cand *x = &fd->c[j];

			if (strcmp(x->key, acr) != 0)
				continue;
			if (x->side == d->side &&
			    x->start + strlen(acr) + 1 == aend)
				x->used = 1;
			free(x->key);
			x->key = xstrdup(d->key);
		}
	}
}

/* The last word of a key (the key itself when it has one word). */
static const char *last_word(const char *key)
{
	const char *sp = strrchr(key, ' ');

	return sp ? sp + 1 : key;
}

/* A key of one side, for the sorted indexes below. */
struct keyref {
	const char *key;   /* what is sorted on */
	const char *full;  /* the whole key */
	int side;
	size_t j;          /* an entity's index (entity_names) */
};

static int keyref_cmp(const void *a, const void *b)
{
	const struct keyref *x = a, *y = b;
	int d = strcmp(x->key, y->key);

	if (d)
		return d;
	if (x->side != y->side)
		return x->side - y->side;
	return strcmp(x->full, y->full);
}

/* The first of the n sorted refs whose key is key (n when none). */
static size_t keyref_first(const struct keyref *v, size_t n, const char *key)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(v[mid].key, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* What a one-word name of one side finds among the longer names of the
 * other side that end with it: the one such name, or many. */
struct longer_hit {
	const char *one;
	int many, done;
};

/* A name of one word that is written in one report only is the one
 * longer name of the other report that ends with it ("Kimball" /
 * "USCGC Kimball", "Beishenova" / "Asel Beishenova"), when that name has
 * no connector.  The keys of each side and the longer names by their
 * last word are sorted once, and what a key finds is worked out once
 * for each side (the first of its run of equal keys holds it), so that
 * a name written many times costs one lookup each time. */
/* The keys of the names not yet counted, sorted, with the sides each
 * is written on; the keys are the names' own (they must not change
 * while the index is used). */
struct keysides {
	struct keyref *all;
	size_t n;
	unsigned char *sides;  /* bit 1 << side, at the first of a run */
};

static void keysides_make(const struct finder *fd, struct keysides *ks)
{
	size_t i, j;

	ks->all = xcalloc(fd->nc + 1, sizeof *ks->all);
	ks->n = 0;
	for (i = 0; i < fd->nc; i++) {
		if (fd->c[i].used)
			continue;
		ks->all[ks->n].key = ks->all[ks->n].full = fd->c[i].key;
		ks->all[ks->n++].side = fd->c[i].side;
	}
	xqsort(ks->all, ks->n, sizeof *ks->all, keyref_cmp);
	ks->sides = xcalloc(ks->n + 1, 1);
	for (i = 0; i < ks->n; i = j)
		for (j = i; j < ks->n &&
			    strcmp(ks->all[j].key, ks->all[i].key) == 0;
		     j++)
			ks->sides[i] |= (unsigned char)(1u
							<< (ks->all[j].side & 1));
}

/* Is a name with the key key written in the report side? */
static int keysides_on(const struct keysides *ks, const char *key, int side)
{
	size_t first = keyref_first(ks->all, ks->n, key);

	return first < ks->n && strcmp(ks->all[first].key, key) == 0 &&
	       (ks->sides[first] & (1u << (side & 1)));
}

static void keysides_free(struct keysides *ks)
{
	free(ks->all);
	free(ks->sides);
}

/* The key of x without the initials that open it ("APJ Abdul Kalam
 * Island": "abdul kalam"), inside x's key; NULL when x does not open
 * with two to four capitals before two words or more. */
static const char *after_initials(const struct cand *x)
{
	const char *sp = strchr(x->key, ' ');
	size_t n = sp ? (size_t)(sp - x->key) : 0;

	if (!x->allcaps_head || x->nwords < 3 || sp == NULL || n < 2 || n > 4)
		return NULL;
	return sp + 1;
}

/* A name that opens with initials written in one report only is the
 * name without them that the other report writes ("Dr APJ Abdul Kalam
 * Island" / "Abdul Kalam Island"). */
static void initial_names(struct finder *fd)
{
	struct keysides ks;
	char **to = xcalloc(fd->nc + 1, sizeof *to);
	size_t i;

	keysides_make(fd, &ks);
	/* decide first, change after: the keys looked up must not move */
	for (i = 0; i < fd->nc; i++) {
		const struct cand *x = &fd->c[i];
		const char *rest;

		if (x->used || (rest = after_initials(x)) == NULL ||
		    keysides_on(&ks, x->key, !x->side) ||
		    !keysides_on(&ks, rest, !x->side))
			continue;
		to[i] = xstrdup(rest);
	}
	for (i = 0; i < fd->nc; i++)
		if (to[i]) {
			free(fd->c[i].key);
			fd->c[i].key = to[i];
		}
	free(to);
	keysides_free(&ks);
}

static void short_names(struct finder *fd)
{
	struct keyref *longer = xcalloc(fd->nc + 1, sizeof *longer);
	size_t i, nl = 0;
	char **to = xcalloc(fd->nc + 1, sizeof *to);
	struct keysides ks;
	struct longer_hit(*hit)[2];

	keysides_make(fd, &ks);
	for (i = 0; i < fd->nc; i++) {
		struct cand *y = &fd->c[i];

		if (y->used)
			continue;
		if (y->nwords >= 2 && y->nwords <= 3 &&
		    strstr(y->key, " of ") == NULL) {
			longer[nl].key = last_word(y->key);
			longer[nl].full = y->key;
			longer[nl++].side = y->side;
		}
	}
	xqsort(longer, nl, sizeof *longer, keyref_cmp);
	hit = xcalloc(nl + 1, sizeof *hit);
	/* decide first, change after: the keys looked up must not move */
	for (i = 0; i < fd->nc; i++) {
		struct cand *x = &fd->c[i];
		struct longer_hit *h;
		size_t k, first;

		if (x->used || x->nwords != 1)
			continue;
		if (keysides_on(&ks, x->key, !x->side))
			continue; /* written in the other report too */
		first = keyref_first(longer, nl, x->key);
		if (first >= nl || strcmp(longer[first].key, x->key) != 0)
			continue;
		h = &hit[first][x->side];
		if (!h->done) {
			for (k = first;
			     k < nl && strcmp(longer[k].key, x->key) == 0;
			     k++) {
				if (longer[k].side == x->side ||
				    strlen(longer[k].full) <=
					    strlen(x->key) + 1)
					continue;
				if (h->one != NULL &&
				    strcmp(h->one, longer[k].full) != 0)
					h->many = 1;
				h->one = longer[k].full;
			}
			h->done = 1;
		}
		if (!h->many && h->one != NULL)
			to[i] = xstrdup(h->one);
	}
	for (i = 0; i < fd->nc; i++)
		if (to[i]) {
			free(fd->c[i].key);
			fd->c[i].key = to[i];
		}
	free(to);
	free(hit);
	keysides_free(&ks);
	free(longer);
}

/* The keys of the forms that name an entity in context ("the North"),
 * made once; *n gets their count. */
static char **contextual_keys(const struct compare_rules *r, size_t *n)
{
	char **v = xcalloc(r->nctx + 1, sizeof *v);
	size_t i;

	for (i = 0; i < r->nctx; i++)
		v[i] = names_key(r, r->ctx[i].form, strlen(r->ctx[i].form));
	*n = r->nctx;
	return v;
}

/* A name that is an entity counted in the other report only counts for
 * that entity: by its key, else (a name of one word that the other
 * report does not write alone) by the entity's last word, else without
 * the initials that open it; a contextual form is none.  The entities'
 * keys are made once and sorted, whole and by their last word. */
static void entity_names(struct finder *fd, const struct name_entity *ents,
			 size_t nents, size_t (*cnt)[2])
{
	struct { uint32_t id; int side; } *add = NULL;
	size_t i, j, nadd = 0, cap = 0, nctx, nk = 0;
	char **ctx = contextual_keys(fd->r, &nctx);
	char **ek = xcalloc(nents + 1, sizeof *ek);
	struct keyref *whole = xcalloc(nents + 1, sizeof *whole),
		      *byend = xcalloc(nents + 1, sizeof *byend);
	struct keysides ks;

	keysides_make(fd, &ks);
	for (j = 0; j < nents; j++) {
		ek[j] = names_key(fd->r, ents[j].key, strlen(ents[j].key));
		whole[nk].key = whole[nk].full = ek[j];
		whole[nk].j = j;
		byend[nk].key = last_word(ek[j]);
		byend[nk].full = ek[j];
		byend[nk++].j = j;
	}
	xqsort(whole, nk, sizeof *whole, keyref_cmp);
	xqsort(byend, nk, sizeof *byend, keyref_cmp);
	for (i = 0; i < fd->nc; i++) {
		struct cand *x = &fd->c[i];
		uint32_t id = ENTITY_NONE;
		int many = 0, pass;

		if (x->used)
			continue;
		for (j = 0; j < nctx; j++)
			if (strcmp(ctx[j], x->key) == 0)
				break;
		if (j < nctx) {
			x->used = 1;
			continue;
		}
		for (pass = 0; pass < 3 && id == ENTITY_NONE; pass++) {
			const struct keyref *v = pass == 1 ? byend : whole;
			const char *key = x->key;
			size_t k;

			if (pass == 1 &&
			    (x->nwords != 1 ||
			     keysides_on(&ks, x->key, !x->side)))
				continue;
			if (pass == 2 && (key = after_initials(x)) == NULL)
				continue;
			for (k = keyref_first(v, nk, key);
			     k < nk && strcmp(v[k].key, key) == 0; k++) {
				const struct name_entity *e = &ents[v[k].j];

				if (pass == 1 && strcmp(v[k].full, key) == 0)
					continue; /* the whole key: pass 0 */
				if (cnt[e->id][!x->side] == 0 ||
				    cnt[e->id][x->side] != 0)
					continue;
				if (id != ENTITY_NONE && id != e->id)
					many = 1;
				id = e->id;
			}
		}
		if (id == ENTITY_NONE || many)
			continue;
		x->used = 1;
		add = xgrow(add, &cap, nadd + 1, sizeof *add);
		add[nadd].id = id;
		add[nadd++].side = x->side;
	}
	for (i = 0; i < nadd; i++)
		cnt[add[i].id][add[i].side]++;
	free(add);
	for (j = 0; j < nents; j++)
		free(ek[j]);
	free(ek);
	free(whole);
	free(byend);
	keysides_free(&ks);
	for (j = 0; j < nctx; j++)
		free(ctx[j]);
	free(ctx);
}

/* Drop every possessive ending ("'s", "’s") of the words of d. */
static void drop_possessives(char *d)
{
	char *r = d, *w = d;

	while (*r) {
		size_t n = 0;

		if (r[0] == '\'' && r[1] == 's')
			n = 2;
		else if (strncmp(r, "\xe2\x80\x99s", 4) == 0)
			n = 4;
		if (n && (r[n] == ' ' || r[n] == '\0')) {
			r += n;
			continue;
		}
		*w++ = *r++;
	}
	*w = '\0';
}

static int cand_cmp(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;
	int d = strcmp(x->key, y->key);

	if (d)
		return d;
	if (x->side != y->side)
		return x->side - y->side;
	return x->start < y->start ? -1 : x->start > y->start;
}

/* The form of a name to show: its words with runs of space as one and
 * a possessive ending dropped; a fresh string. */
static char *display(const struct article *a, size_t s, size_t e)
{
	char *d = xmalloc(e - s + 1);
	size_t i, o = 0;

	for (i = s; i < e; i++) {
		int space = a->text[i] == ' ' || a->text[i] == '\n';

		if (space && o && d[o - 1] == ' ')
			continue;
		d[o++] = space ? ' ' : a->text[i];
	}
	d[o] = '\0';
	drop_possessives(d);
	return d;
}

size_t names_match(const struct compare_rules *r,
		   const struct article *const a[2],
		   const struct mentions *const m[2],
		   const struct name_entity *ents, size_t nents,
		   size_t (*cnt)[2], struct cmp_name **out)
{
	struct finder fd;
	struct cmp_name *v = NULL;
	size_t i, j, n = 0, cap = 0;
	int s;

	memset(&fd, 0, sizeof fd);
	fd.r = r;
	fd.words = list_words(&r->names);
	for (s = 0; s < 2; s++) {
		fd.cache[s].ok = a[s]->len <= UINT32_MAX;
		each_sentence(&fd, a[s], m[s], s, 0, learn);
	}
	for (s = 0; s < 2; s++)
		each_sentence(&fd, a[s], m[s], s, 1, collect);
	acronyms(&fd, a);
	initial_names(&fd);
	short_names(&fd);
	entity_names(&fd, ents, nents, cnt);
	xqsort(fd.c, fd.nc, sizeof *fd.c, cand_cmp);
	for (i = 0; i < fd.nc; i = j) {
		size_t count[2] = {0, 0}, best = i;
		struct span at[2] = {{0, 0}, {0, 0}};

		for (j = i; j < fd.nc && strcmp(fd.c[j].key, fd.c[i].key) == 0;
		     j++) {
			const struct cand *x = &fd.c[j];

			if (x->used)
				continue;
			if (count[x->side]++ == 0) {
				at[x->side].start = x->start;
				at[x->side].end = x->end;
			}
			if (x->end - x->start > fd.c[best].end - fd.c[best].start)
				best = j;
		}
		if (count[0] == 0 || count[1] == 0)
			continue;
		v = xgrow(v, &cap, n + 1, sizeof *v);
		v[n].name = display(a[fd.c[best].side], fd.c[best].start,
				    fd.c[best].end);
		v[n].count[0] = count[0];
		v[n].count[1] = count[1];
		v[n].at[0] = at[0];
		v[n].at[1] = at[1];
		n++;
	}
	for (i = 0; i < fd.nc; i++)
		free(fd.c[i].key);
	free(fd.c);
	wordset_free(fd.words);
	for (s = 0; s < 2; s++) {
		free(fd.cache[s].w);
		free(fd.cache[s].first);
	}
	*out = v;
	return n;
}

void names_free(struct cmp_name *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].name);
	free(v);
}
