/* shown: an entity of the comparison is shown by a form the reports
 * write ("Marcos", "Tu-142", "Chinese Embassy"), not by the registry's
 * canonical name when neither report writes that; the canonical entity
 * still decides what is one. */
#include "shown_priv.h"

#include <stdlib.h>
#include <string.h>

#include "brief/base/alloc.h"
#include "brief/base/hash.h"
#include "brief/base/sort.h"

/* One form of one entity row and how often each report writes it. */
struct form {
	uint32_t rep;
	char *text;
	size_t count[2];
	size_t within[2];        /* how often each report writes it, alone
				  * or inside a longer form of the row */
	int canon;               /* the mark's words are the row's registry
				  * name */
};

/* The next character of s at *p, lower case, a curly apostrophe as a
 * straight one; *p moves past it. */
static int fold_next(const char *s, size_t *p)
{
	unsigned char ch = (unsigned char)s[*p];

	if (ch == 0xe2 && (unsigned char)s[*p + 1] == 0x80 &&
	    (unsigned char)s[*p + 2] == 0x99) {
		*p += 3;
		return '\'';
	}
	(*p)++;
	return ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch;
}

/* Does the name x end with the words y, in any case and with either
 * apostrophe (x == y included)?  *at: where they begin in x. */
static int ends_with(const char *x, const char *y, size_t *at)
{
	size_t lx = strlen(x), i;

	for (i = 0; i <= lx; i++) {
		size_t p = i, q = 0;

		if (i > 0 && x[i - 1] != ' ')
			continue;
		while (x[p] && y[q] && fold_next(x, &p) == fold_next(y, &q))
			;
		if (x[p] == '\0' && y[q] == '\0') {
			*at = i;
			return 1;
		}
	}
	return 0;
}

/* shown_form's form of text[s, e) written into out (room for e - s + 1
 * bytes); its length. */
static size_t form_into(const char *text, size_t s, size_t e, char *out)
{
	char *w = out;
	size_t i, n;

	for (i = s; i < e; i++) {
		char ch = text[i];

		if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
			if (w > out && w[-1] != ' ')
				*w++ = ' ';
			continue;
		}
		*w++ = ch;
	}
	while (w > out && w[-1] == ' ')
		w--;
	*w = '\0';
	n = (size_t)(w - out);
	if (n > 2 && (memcmp(w - 2, "'s", 2) == 0))
		out[n -= 2] = '\0';
	else if (n > 4 && memcmp(w - 4, "\xe2\x80\x99s", 4) == 0)
		out[n -= 4] = '\0';
	if (n > 4 && (out[0] | 0x20) == 't' && strncmp(out + 1, "he ", 3) == 0) {
		memmove(out, out + 4, n - 3);
		n -= 4;
	}
	return n;
}

char *shown_form(const char *text, size_t s, size_t e)
{
	char *out = xmalloc(e - s + 1);

	form_into(text, s, e, out);
	return out;
}

static int form_cmp(const void *a, const void *b)
{
	const struct form *x = a, *y = b;

	if (x->rep != y->rep)
		return x->rep < y->rep ? -1 : 1;
	return strcmp(x->text, y->text);
}

/* Is s written in capitals only, over more than one word (a heading or
 * a signature: "JOSEPH R. BIDEN JR.")? */
static int shouted(const char *s)
{
	const char *p;

	if (strchr(s, ' ') == NULL)
		return 0;
	for (p = s; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			return 0;
	return 1;
}

/* Does the form x begin as a name does (a capital or a digit)? */
static int proper(const struct form *x)
{
	return !(x->text[0] >= 'a' && x->text[0] <= 'z');
}

/* Is form x a better name to show than y?  A proper one, then one both
 * reports write (alone or inside a longer form: "Tu-142" in "Tu-142
 * maritime patrol aircraft"), then the one written most so, then one in
 * ordinary case, then the longer. */
static int better(const struct form *x, const struct form *y)
{
	int bx = x->within[0] && x->within[1];
	int by = y->within[0] && y->within[1];
	size_t tx = x->within[0] + x->within[1];
	size_t ty = y->within[0] + y->within[1];
	size_t lx = strlen(x->text), ly = strlen(y->text);

	if (proper(x) != proper(y))
		return proper(x);
	if (bx != by)
		return bx;
	if (tx != ty)
		return tx > ty;
	if (shouted(x->text) != shouted(y->text))
		return !shouted(x->text);
	if (lx != ly)
		return lx > ly;
	return strcmp(x->text, y->text) < 0;
}

/* Does g hold f as whole words ("Chinese Embassy" in "Chinese Embassy
 * in Jakarta", not "Iran" in "Iranian")? */
static int holds(const char *g, const char *f)
{
	size_t n = strlen(f);
	const char *p = g;

	while ((p = strstr(p, f)) != NULL) {
		if ((p == g || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
			return 1;
		p++;
	}
	return 0;
}

/* The within counts of the forms v[lo, hi) of one row. */
static void count_within(struct form *v, size_t lo, size_t hi)
{
	size_t i, j;

	for (i = lo; i < hi; i++)
		for (j = lo; j < hi; j++)
			if (holds(v[j].text, v[i].text)) {
				v[i].within[0] += v[j].count[0];
				v[i].within[1] += v[j].count[1];
			}
}

/* Where the form of m's i-th mention begins: at the state that owns it
 * just before ("South Korea's Defense Ministry", where the mark is on
 * "Defense Ministry"), when the registry name holds more words before
 * the mark's ("South Korean Defense Ministry": tail, the mark's own form
 * ends the registry name after its first word); else at its start. */
static size_t form_start(const struct entities *reg, const char *text,
			 const struct mentions *m, size_t i, int tail)
{
	const struct mention *p = i > 0 ? &m->v[i - 1] : NULL;
	const struct entity *en;
	size_t gap;

	if (p == NULL || p->cat == CAT_FIGURE || !tail ||
	    (en = entities_get(reg, p->entity)) == NULL || en->kind == NULL ||
	    strcmp(en->kind, "state") != 0)
		return m->v[i].start;
	gap = m->v[i].start - p->end;
	if ((gap == 3 && memcmp(text + p->end, "'s ", 3) == 0) ||
	    (gap == 5 && memcmp(text + p->end, "\xe2\x80\x99s ", 5) == 0))
		return p->start;
	return m->v[i].start;
}

/* The forms met so far, each once: a table of indices into them (+ 1,
 * 0 for an empty slot) by the hash of row and text. */
struct formset {
	struct form *v;
	size_t n, cap;
	uint32_t *slot;
	size_t mask;
};

static uint64_t form_hash(uint32_t rep, const char *text, size_t len)
{
	return hash_bytes(text, len) ^ ((uint64_t)rep * 0x9e3779b97f4a7c15ULL);
}

/* Count form text (len bytes) of row rep once more for report s (canon:
 * the mark's words are the row's registry name); text is copied when
 * the form is new. */
static void formset_count(struct formset *fs, uint32_t rep, const char *text,
			  size_t len, int s, int canon)
{
	size_t h = (size_t)form_hash(rep, text, len) & fs->mask;
	struct form *f;

	while (fs->slot[h] != 0) {
		f = &fs->v[fs->slot[h] - 1];
		if (f->rep == rep && strcmp(f->text, text) == 0) {
			f->count[s]++;
			f->canon |= canon;
			return;
		}
		h = (h + 1) & fs->mask;
	}
	fs->v = xgrow(fs->v, &fs->cap, fs->n + 1, sizeof *fs->v);
	f = &fs->v[fs->n];
	f->rep = rep;
	f->text = xmalloc(len + 1);
	memcpy(f->text, text, len + 1);
	f->count[s] = 1;
	f->count[!s] = 0;
	f->within[0] = f->within[1] = 0;
	f->canon = canon;
	fs->slot[h] = (uint32_t)++fs->n;
}

/* The forms of every row's mentions in both reports, merged: *n of them,
 * by row then text. */
static struct form *collect(const struct comparison *c,
			    const struct entities *reg, const uint32_t *rep,
			    size_t ne, size_t *n)
{
	struct formset fs = {NULL, 0, 0, NULL, 0};
	char *buf = NULL;
	size_t bufcap = 0, size = 16, i, k;
	int s;

	while (size < 2 * (c->side[0].m->n + c->side[1].m->n))
		size *= 2;
	fs.slot = xcalloc(size, sizeof *fs.slot);
	fs.mask = size - 1;
	for (s = 0; s < 2; s++) {
		const struct mentions *m = c->side[s].m;

		for (i = 0; i < m->n; i++) {
			const struct mention *mn = &m->v[i];
			const char *t = c->side[s].a->text, *canon;
			size_t st, at = 0, len;
			int ends;

			if (mn->cat == CAT_FIGURE || mn->entity >= ne)
				continue;
			canon = entities_get(reg, rep[mn->entity])->name;
			buf = xgrow(buf, &bufcap, mn->end - mn->start + 1, 1);
			len = form_into(t, mn->start, mn->end, buf);
			ends = ends_with(canon, buf, &at);
			st = form_start(reg, t, m, i, ends && at > 0);
			if (st != mn->start) {
				buf = xgrow(buf, &bufcap, mn->end - st + 1, 1);
				len = form_into(t, st, mn->end, buf);
			}
			formset_count(&fs, rep[mn->entity], buf, len, s,
				      ends && at == 0);
		}
	}
	free(buf);
	free(fs.slot);
	xqsort(fs.v, fs.n, sizeof *fs.v, form_cmp);
	for (i = 0; i < fs.n; i = k) {
		for (k = i + 1; k < fs.n && fs.v[k].rep == fs.v[i].rep; k++)
			;
		count_within(fs.v, i, k);
	}
	*n = fs.n;
	return fs.v;
}

void shown_names(struct comparison *c, const struct entities *reg,
		 const uint32_t *rep, size_t ne)
{
	size_t nf = 0, i, k, best;
	struct form *v = collect(c, reg, rep, ne, &nf);
	const struct entity *en;
	const char *canon;

	for (i = 0; i < c->nents; i++) {
		struct cmp_entity *ce = &c->ents[i];
		size_t lo = 0, hi = nf;

		while (lo < hi) {
			size_t mid = (lo + hi) / 2;

			if (v[mid].rep < ce->entity)
				lo = mid + 1;
			else
				hi = mid;
		}
		en = entities_get(reg, ce->entity);
		canon = en->name;
		best = nf;
		for (k = lo; k < nf && v[k].rep == ce->entity; k++) {
			if (v[k].canon ||
			    (canon[0] >= 'a' && canon[0] <= 'z') ||
			    (en->kind != NULL && strcmp(en->kind, "state") == 0)) {
				best = nf;
				break;
			}
			if (v[k].text[0] != '\0' &&
			    (best == nf || better(&v[k], &v[best])))
				best = k;
		}
		ce->name = xstrdup(best < nf ? v[best].text : canon);
	}
	for (i = 0; i < nf; i++)
		free(v[i].text);
	free(v);
}
