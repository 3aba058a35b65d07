/* fa_meaning: what a figure counts (its head, kind and unit) and its
 * value as an interval in the unit's base. */
#include "fa_priv.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* Copy the phrase with white space as single spaces. */
static size_t lower_copy(char *out, size_t n, const char *s)
{
	size_t k = 0;

	for (; s && *s && k + 1 < n; s++) {
		if (isspace((unsigned char)*s)) {
			if (k && out[k - 1] != ' ')
				out[k++] = ' ';
		} else {
			out[k++] = *s;
		}
	}
	while (k && out[k - 1] == ' ')
		k--;
	out[k] = '\0';
	return k;
}

static void append(char *out, size_t n, const char *s, size_t len)
{
	size_t k = strlen(out);

	if (k && k + 1 < n)
		out[k++] = ' ';
	while (len-- && k + 1 < n)
		out[k++] = *s++;
	out[k] = '\0';
}

/* Is s[pos..len) a word of a synonym list, as written or, for one thing
 * (one), in the plural ("one vessel", "one country"; not "18 Rocket
 * Systems")?  Its list in *v. */
static int synonym(const struct figrules_align *r, const char *s,
		   size_t len, size_t pos, int one, uint32_t *v)
{
	char pl[136];
	size_t n = len - pos;

	if (trie_match(r->syn, s, len, pos, v) == len)
		return 1;
	if (!one || n < 2 || n + 3 > sizeof pl || s[len - 1] == 's')
		return 0;
	memcpy(pl, s + pos, n);
	if (s[len - 1] == 'y' && !strchr("aeiou", s[len - 2]))
		n += (size_t)snprintf(pl + n - 1, sizeof pl - n + 1, "ies") - 1;
	else
		pl[n++] = 's';
	pl[n] = '\0';
	return trie_match(r->syn, pl, n, 0, v) == n;
}

/* Where the last word of buf[0..len) begins (0 when it is the only
 * one). */
static size_t last_word(const char *buf, size_t len)
{
	size_t p = len;

	while (p > 0 && buf[p - 1] != ' ')
		p--;
	return p;
}

/* Is the word at buf[p] written with a capital (a name: "NATO", "PLA")? */
static int capital(const char *buf, size_t p)
{
	return isupper((unsigned char)buf[p]);
}

/* The counted phrase's head: modifiers set aside into kind, then the
 * longest tail of the phrase that is a unit at its start or a synonym
 * folded to its list's name.  Before a tail of one word ("ballistic
 * missiles") the other words stay in the head, but names ("NATO
 * nations") go to the kind; before a tail of several words ("PLA Navy
 * vessels" counts "navy vessels", warships) they all go there.  With
 * strict, returns 0 unless a unit starts the phrase or the known tail is
 * the whole phrase or has several words (the head is left empty then);
 * else the phrase, modifiers aside, is the head. */
static int read_head(const struct figrules_align *r, struct fa_meaning *m,
		     const char *counts, int one, double *factor, int strict)
{
	char buf[128], head[64] = "";
	size_t len = lower_copy(buf, sizeof buf, counts), pos = 0, end, p, w;
	uint32_t v;

	/* modifiers after the thing too: "personnel there" */
	while ((p = last_word(buf, len)) > 0 &&
	       trie_match(r->mods, buf, len, p, &v) == len) {
		append(m->kind, sizeof m->kind, buf + p, len - p);
		len = p - 1;
		buf[len] = '\0';
	}
	if (synonym(r, buf, len, 0, one, &v) && memchr(buf, ' ', len)) {
		/* known whole, modifier and all: "armed men" */
		snprintf(m->head, sizeof m->head, "%s", r->synname[v]);
		return 1;
	}
	while (pos < len && (end = trie_match(r->mods, buf, len, pos, &v))) {
		append(m->kind, sizeof m->kind, buf + pos, end - pos);
		pos = end < len && buf[end] == ' ' ? end + 1 : end;
	}
	if (pos >= len) /* all modifiers: keep the phrase */
		pos = 0;
	if (trie_match(r->units, buf, len, pos, &v) != 0) {
		m->unit = r->unit[v].base;
		*factor = r->unit[v].factor;
		snprintf(m->head, sizeof m->head, "%s", m->unit);
		return 1;
	}
	for (p = pos; p < len; p++) {
		if (p > pos && buf[p - 1] != ' ')
			continue;
		if (!synonym(r, buf, len, p, one, &v))
			continue;
		if (strict && p > pos && !memchr(buf + p, ' ', len - p))
			return 0;
		for (w = pos; w < p; w = end + 1) {
			end = w + strcspn(buf + w, " ");
			if (memchr(buf + p, ' ', len - p) || capital(buf, w))
				append(m->kind, sizeof m->kind, buf + w,
				       end - w);
			else
				append(head, sizeof head, buf + w, end - w);
		}
		append(head, sizeof head, r->synname[v],
		       strlen(r->synname[v]));
		snprintf(m->head, sizeof m->head, "%s", head);
		return 1;
	}
	if (strict)
		return 0;
	snprintf(m->head, sizeof m->head, "%s", buf + pos);
	return 1;
}

/* The place of a value's last significant digit: 100 for 600, 10 for
 * 370, 1 for 7, 0.1 for 2.5. */
static double rounding(double v)
{
	double step = 1;
	int k;

	v = fabs(v);
	for (k = 0; k < 6 && fabs(v / step - round(v / step)) > 1e-9; k++)
		step /= 10;
	while (v >= step * 10 && fmod(v, step * 10) == 0)
		step *= 10;
	return step;
}

/* Money in a currency the rules rate is told in the base currency, its
 * interval widened by how far the rate may have moved (unless it is the
 * base): "€120 million" is about $130 million. */
static void to_base_currency(const struct figrules_align *r,
			     const char *cur, struct fa_meaning *m)
{
	size_t i;

	for (i = 0; i < r->ncur; i++)
		if (strcmp(r->cur[i], cur) == 0)
			break;
	if (i == r->ncur)
		return;
	m->unit = r->cur[0];
	m->lo *= r->rate[i];
	m->hi *= r->rate[i];
	if (i > 0) {
		m->lo *= 1 - r->cur_tol;
		m->hi *= 1 + r->cur_tol;
	}
}

/* figalign_meaning, with strict: 0 when counts names no known thing. */
int fa_meaning_of(const struct figrules_align *r, const char *counts,
		   const struct figure *f, struct fa_meaning *m, int strict)
{
	double factor = 1, lo = f->lo, hi = f->hi;
	const char *q = f->qual;
	double tol = r ? r->tol : 0.10;

	memset(m, 0, sizeof *m);
	if (r && counts && *counts) {
		if (!read_head(r, m, counts, f->lo == 1 && f->hi == 1, &factor,
			       strict))
			return 0;
	} else
		snprintf(m->head, sizeof m->head, "%s",
			 figure_kind_counts(f) ? figure_kind_counts(f) : "");
	if (f->currency)
		m->unit = f->currency;
	else if (f->kind == FIG_PERCENT && m->unit) {
		lo /= 100; /* a fraction of a unit: "three-quarters of an */
		hi /= 100; /* hour" */
	} else if (f->kind == FIG_PERCENT)
		m->unit = "%";
	if (f->kind == FIG_TALLY) { /* "79 to 18": one value, not a range */
		m->lo = m->hi = f->lo * 1e9 + f->hi;
		return 1;
	}
	if (q && strcmp(q, "more than") == 0) {
		lo = nextafter(lo, INFINITY);
		hi = INFINITY;
	} else if (q && strcmp(q, "at least") == 0) {
		hi = INFINITY;
	} else if (q && (strcmp(q, "nearly") == 0 ||
			 strcmp(q, "almost") == 0)) {
		lo *= 1 - tol;
	} else if (q && strcmp(q, "about") == 0) {
		lo *= 1 - tol;
		hi *= 1 + tol;
	} else if (q && (strcmp(q, "up to") == 0 ||
			 strcmp(q, "at most") == 0)) {
		lo = 0;
	} else if (q && strcmp(q, "less than") == 0) {
		lo = 0;
		hi = nextafter(hi, -INFINITY);
	}
	if ((factor != 1 || lo >= 1e6) && q == NULL && !f->vague &&
	    lo == hi) {
		/* a converted figure was rounded: "600 km (370 miles)"; so
		 * was a sum in millions ("$1.3 billion" holds $1.25
		 * billion), which reaches just short of the half step, so
		 * that "$2 million" and "$3 million" still disagree */
		double step = rounding(lo) * (factor != 1 ? 0.5 : 0.49);

		lo -= step;
		hi += step;
	}
	m->lo = lo * factor;
	m->hi = hi * factor;
	if (f->currency && r)
		to_base_currency(r, f->currency, m);
	return 1;
}

void figalign_meaning(const struct figrules_align *r, const char *counts,
		      const struct figure *f, struct fa_meaning *m)
{
	fa_meaning_of(r, counts, f, m, 0);
}

int figalign_disjoint(double xl, double xh, double yl, double yh)
{
	return xh < yl || yh < xl;
}
