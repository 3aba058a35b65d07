/* fig_date: dates and times of day among the figures ("December 27,
 * 2024", "the 19th of December", "2024-12-27", "12:01 p.m."). */
#include "fig_priv.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int fig_valid_day(double d)
{
	return d >= 1 && d <= 31 && d == floor(d);
}

/* A day written as an ordinal in digits at p, "19th", "1st": its end
 * (n filled), or 0. */
static size_t ordinal_day(const char *t, size_t len, size_t p,
			  struct num *n)
{
	size_t q = p;

	while (q < len && digit(t[q]) && q - p < 2)
		q++;
	if (q == p || q + 2 > len || trie_word_at(t, len, q + 2) ||
	    !((t[q] == 's' && t[q + 1] == 't') ||
	      (t[q] == 'n' && t[q + 1] == 'd') ||
	      (t[q] == 'r' && t[q + 1] == 'd') ||
	      (t[q] == 't' && t[q + 1] == 'h')))
		return 0;
	memset(n, 0, sizeof *n);
	n->value = n->lo = n->hi = atoi(t + p);
	n->digits = 1;
	n->ndigits = (int)(q - p);
	return fig_valid_day(n->value) ? q + 2 : 0;
}

/* "the 19th of December", "19th of December 2023": a date.  Its end, or
 * 0. */
size_t fig_day_of_month(const struct figrules *r, const char *t,
			size_t len, size_t p, struct figure *f)
{
	struct num n, yn;
	size_t q = ordinal_day(t, len, p, &n), g, m, y, y2;
	uint32_t v;

	if (q == 0 || (g = after_gap(t, len, q)) == 0 || g + 3 > len ||
	    memcmp(t + g, "of ", 3) != 0 ||
	    (m = trie_match(r->months, t, len, g + 3, &v)) == 0)
		return 0;
	memset(f, 0, sizeof *f);
	f->kind = FIG_DATE;
	f->day = (int)n.value;
	f->month = (int)r->scale[r->nscale + v];
	y = after_gap(t, len, m < len && t[m] == ',' ? m + 1 : m);
	if (y && (y2 = fig_read_digits(t, len, y, &yn)) && yn.ndigits == 4 &&
	    !yn.commas && yn.value >= 1800 && yn.value <= 2100) {
		f->year = (int)yn.value;
		return y2;
	}
	return m;
}

/* "Dec. 27", "December 27, 2024", "December 2024" */
/* "January and May", "March to June": the word [ws, we) joins two
 * months. */
static int month_pair(const struct figrules *r, const char *t, size_t ws,
		      size_t we)
{
	size_t ps;
	uint32_t v;

	if (!((we - ws == 3 && memcmp(t + ws, "and", 3) == 0) ||
	      (we - ws == 2 && memcmp(t + ws, "to", 2) == 0) ||
	      (we - ws == 2 && memcmp(t + ws, "or", 2) == 0)) ||
	    ws < 2 || t[ws - 1] != ' ')
		return 0;
	ps = letters_before(t, ws - 1);
	return ps < ws - 1 && trie_match(r->months, t, ws - 1, ps, &v) == ws - 1;
}

size_t fig_month_first(const struct figrules *r, const char *t,
		       size_t len, size_t p, struct figure *f)
{
	uint32_t v;
	size_t q = trie_match(r->months, t, len, p, &v), g, q2;
	struct num n;

	if (q == 0)
		return 0;
	g = after_gap(t, len, q);
	if (g == 0 || !digit(t[g])) {
		/* a month named alone after "in", "since", ...: "in April" */
		size_t w = p, ws;
		uint32_t mv = v, lv;

		if (t[p] < 'A' || t[p] > 'Z' || t[q - 1] == '.' || w < 2 ||
		    t[w - 1] != ' ')
			return 0;
		ws = letters_before(t, w - 1);
		if (ws == w - 1 ||
		    (trie_match(r->month_leads, t, w - 1, ws, &lv) != w - 1 &&
		     !month_pair(r, t, ws, w - 1)))
			return 0;
		memset(f, 0, sizeof *f);
		f->kind = FIG_DATE;
		f->month = (int)r->scale[r->nscale + mv];
		return q;
	}
	q2 = fig_read_digits(t, len, g, &n);
	if (q2 == 0)
		q2 = ordinal_day(t, len, g, &n); /* "December 19th" */
	if (q2 == 0 || n.commas)
		return 0;
	memset(f, 0, sizeof *f);
	f->kind = FIG_DATE;
	f->month = (int)r->scale[r->nscale + v];
	if (n.ndigits == 4) {
		f->year = (int)n.value;
		f->lo = f->hi = f->year;
		return q2;
	}
	if (!fig_valid_day(n.value))
		return 0;
	f->day = (int)n.value;
	q = q2;
	if (q + 2 < len && t[q] == ',') {
		size_t y = after_gap(t, len, q + 1), y2;
		struct num yn;

		if (y && (y2 = fig_read_digits(t, len, y, &yn)) && yn.ndigits == 4) {
			f->year = (int)yn.value;
			q = y2;
		}
	}
	return q;
}

size_t fig_time_of_day(const char *t, size_t len, size_t p,
		       struct figure *f)
{
	size_t q = p;
	int h = 0, m;

	while (q < len && digit(t[q]) && q - p < 2)
		h = h * 10 + (t[q++] - '0');
	if (q == p || q + 2 >= len || t[q] != ':' || !digit(t[q + 1]) ||
	    !digit(t[q + 2]) || (q + 3 < len && digit(t[q + 3])))
		return 0;
	m = (t[q + 1] - '0') * 10 + (t[q + 2] - '0');
	if (h > 23 || m > 59)
		return 0;
	q += 3;
	memset(f, 0, sizeof *f);
	f->kind = FIG_TIME;
	{
		size_t g = after_gap(t, len, q);

		if (g && g + 3 < len &&
		    (t[g] == 'a' || t[g] == 'p' || t[g] == 'A' || t[g] == 'P') &&
		    t[g + 1] == '.' &&
		    (t[g + 2] == 'm' || t[g + 2] == 'M') && t[g + 3] == '.') {
			if ((t[g] == 'p' || t[g] == 'P') && h < 12)
				h += 12;
			q = g + 4;
		}
	}
	f->hour = h;
	f->minute = m;
	f->lo = f->hi = h * 100 + m;
	return q;
}

int fig_iso_date(const char *t, size_t len, size_t p, struct figure *f)
{
	int y, mo, d;

	if (p + 10 > len || !digit(t[p]) || !digit(t[p + 1]) ||
	    !digit(t[p + 2]) || !digit(t[p + 3]) || t[p + 4] != '-' ||
	    !digit(t[p + 5]) || !digit(t[p + 6]) || t[p + 7] != '-' ||
	    !digit(t[p + 8]) || !digit(t[p + 9]) ||
	    (p + 10 < len && trie_word_at(t, len, p + 10)))
		return 0;
	y = atoi(t + p);
	mo = (t[p + 5] - '0') * 10 + (t[p + 6] - '0');
	d = (t[p + 8] - '0') * 10 + (t[p + 9] - '0');
	if (mo < 1 || mo > 12 || d < 1 || d > 31)
		return 0;
	memset(f, 0, sizeof *f);
	f->kind = FIG_DATE;
	f->year = y;
	f->month = mo;
	f->day = d;
	f->lo = f->hi = y * 10000 + mo * 100 + d;
	return 1;
}
