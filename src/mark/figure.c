/* figure: a small scanner for figures, driven by the word lists of
 * fig_rules.c. */
#include "fig_priv.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>


const struct trie *figrules_starters(const struct figrules *r)
{
	return r->starters;
}

size_t figrules_month_at(const struct figrules *r, const char *text,
			 size_t len, size_t pos)
{
	uint32_t v;

	return trie_match(r->months, text, len, pos, &v);
}

/* Does a time of day from p to q fill its line, with perhaps a time zone
 * in capitals after it ("5:43 P.M. EST" under a transcript's title): a
 * stamp, not a figure? */
static int time_stamp(const char *t, size_t len, size_t p, size_t q)
{
	size_t z;

	if (p > 0 && t[p - 1] != '\n')
		return 0;
	if (q < len && t[q] == ' ') {
		for (z = q + 1; z < len && isupper((unsigned char)t[z]); z++)
			;
		if (z - q - 1 >= 2 && z - q - 1 <= 4)
			q = z;
	}
	return q >= len || t[q] == '\n';
}

/* The forms that are not a number first: "the 75th", "December 27",
 * "2024-12-27", "12:01 p.m.".  Their end, or 0. */
static size_t read_special(const struct figrules *r, const char *t,
			   size_t len, size_t p, struct figure *f)
{
	size_t q;

	if ((q = fig_ordinal_at(r, t, len, p, f)) != 0)
		return q;
	if ((q = fig_day_of_month(r, t, len, p, f)) != 0)
		return q;
	if ((q = fig_month_first(r, t, len, p, f)) != 0)
		return q;
	if (fig_iso_date(t, len, p, f))
		return p + 10;
	return fig_time_of_day(t, len, p, f);
}

/* A qualifier ("more than") and a currency sign ("$") before the
 * number: rd->p moves past them.  0 when a qualifier is not followed by
 * a gap (no figure). */
static int read_lead(const struct figrules *r, const char *t, size_t len,
		     struct reading *rd)
{
	size_t q, g;
	uint32_t v;

	q = trie_match(r->quals, t, len, rd->p, &v);
	if (q) {
		g = after_gap(t, len, q);
		if (g == 0)
			return 0;
		rd->qual = r->qual[v];
		rd->p = g;
	}
	q = trie_match(r->signs, t, len, rd->p, &v);
	if (q == 0 && trie_may_start(r->signs, (unsigned char)t[rd->p])) {
		/* signs are not words: match them without the boundary */
		size_t k;

		for (k = 1; k <= 3 && rd->p + k <= len; k++) {
			char *s = xstrndup(t + rd->p, k);
			size_t m = trie_match(r->signs, s, k, 0, &v);

			free(s);
			if (m == k && rd->p + k < len && digit(t[rd->p + k])) {
				q = rd->p + k;
				break;
			}
		}
	}
	if (q) {
		rd->cur = r->cur[v];
		rd->sign = rd->p;
		/* a sign in letters may stand apart: "EUR 34 billion", "Rs
		 * 1,800 crore" */
		if (q < len && t[q] == ' ' && isalpha((unsigned char)t[q - 1]))
			q = after_gap(t, len, q);
		rd->p = q;
	}
	return 1;
}

/* A number that is a date or a year: "27 December", "the 1990s",
 * "2019".  Its end, or 0. */
static size_t read_date_number(const struct figrules *r, const char *t,
			       size_t len, const struct reading *rd,
			       struct figure *f)
{
	const struct num *n = &rd->n;
	size_t q = rd->q, g, q2;
	uint32_t v;
	int bare = !rd->qual && !rd->cur;

	/* "27 December" */
	if (n->digits && n->ndigits <= 2 && fig_valid_day(n->value) && bare &&
	    (g = after_gap(t, len, q)) != 0 &&
	    (q2 = trie_match(r->months, t, len, g, &v)) != 0) {
		size_t y, y2;
		struct num yn;

		f->kind = FIG_DATE;
		f->day = (int)n->value;
		f->month = (int)r->scale[r->nscale + v];
		/* and its year: "27 December 2024", "27 December, 2024" */
		y = after_gap(t, len, q2 < len && t[q2] == ',' ? q2 + 1 : q2);
		if (y && (y2 = fig_read_digits(t, len, y, &yn)) &&
		    yn.ndigits == 4 && !yn.commas && yn.value >= 1800 &&
		    yn.value <= 2100) {
			f->year = (int)yn.value;
			return y2;
		}
		return q2;
	}
	/* a decade: "the 1990s" */
	if (n->digits && n->ndigits == 4 && !n->commas && n->value >= 1800 &&
	    n->value <= 2090 && fmod(n->value, 10) == 0 && bare &&
	    q + 1 <= len && q < len && t[q] == 's' &&
	    !trie_word_at(t, len, q + 1)) {
		f->kind = FIG_YEAR;
		f->year = (int)n->value;
		f->lo = n->value;
		f->hi = n->value + 9;
		f->range = 1;
		return q + 1;
	}
	/* a year */
	if (n->digits && n->ndigits == 4 && !n->commas && n->value >= 1800 &&
	    n->value <= 2100 && n->value == floor(n->value) && bare &&
	    !(q < len && t[q] == '-' && q + 1 < len && digit(t[q + 1]))) {
		g = after_gap(t, len, q);
		if (!(g && trie_match(r->scales, t, len, g, &v))) {
			f->kind = FIG_YEAR;
			f->year = (int)n->value;
			return q;
		}
	}
	return 0;
}

/* Is the word before p "between" ("between 20 and 30")? */
static int after_between(const char *t, size_t p)
{
	size_t we = p, ws;

	while (we > 0 && t[we - 1] == ' ')
		we--;
	ws = letters_before(t, we);
	return we == p - 1 && we - ws == 7 &&
	       strncasecmp(t + ws, "between", 7) == 0;
}

/* A second number after the first: a range ("20 to 30", "20-30", "two
 * or three", "between 20 and 30", "$330 billion to $450 billion") or a
 * tally ("by a vote of 79 to 18", "a 3-1 win").  rd->q moves past it. */
static void read_second(const struct figrules *r, const char *t, size_t len,
			struct reading *rd, struct figure *f)
{
	struct num *n = &rd->n, n2;
	size_t q = rd->q, j = 0, g, q2 = 0;

	if (q + 1 < len && (t[q] == '-') && digit(t[q + 1]) && n->digits)
		j = q + 1;
	else if (q + 3 < len && (unsigned char)t[q] == 0xE2 &&
		 (unsigned char)t[q + 1] == 0x80 &&
		 ((unsigned char)t[q + 2] == 0x93 ||
		  (unsigned char)t[q + 2] == 0x94))
		j = q + 3;
	else if ((g = after_gap(t, len, q)) != 0 && g + 3 < len &&
		 ((t[g] == 't' && t[g + 1] == 'o' && t[g + 2] == ' ') ||
		  (t[g] == 'o' && t[g + 1] == 'r' && t[g + 2] == ' ' &&
		   !n->digits)))
		j = g + 3;
	else if (g != 0 && g + 4 < len && memcmp(t + g, "and ", 4) == 0 &&
		 after_between(t, rd->cur ? rd->sign : rd->p))
		j = g + 4;
	/* "$330 billion to $450 billion": the same sign again */
	if (j && rd->cur && j + (rd->p - rd->sign) < len &&
	    memcmp(t + j, t + rd->sign, rd->p - rd->sign) == 0)
		j += rd->p - rd->sign;
	if (j && (q2 = fig_read_number(r, t, len, j, &n2)) != 0 &&
	    n2.hi > n->lo) {
		f->range = 1;
		f->hi = n2.hi;
		rd->q = q2;
		n->weak = 0;
	} else if (j && q2 && n->digits && n2.digits && !rd->qual &&
		   n2.hi <= n->lo && n->ndigits <= 3 && n2.ndigits <= 3) {
		/* "by a vote of 79 to 18", "a 3-1 win": a tally */
		rd->tally = 1;
		f->hi = n2.hi;
		rd->q = q2;
		n->weak = 0;
	}
}

/* Does a span of time (durations) follow the weak whole number of rd that
 * ends at q: "one week", "a few weeks ago", "for several months"?  Not
 * after a fraction ("a third day"), nor a vague one after "in": "in a
 * couple of hours" says when something is to come, no span counted. */
static int duration_follows(const struct figrules *r, const char *t,
			    size_t len, const struct reading *rd, size_t q)
{
	size_t g = after_gap(t, len, q), p = rd->p;
	uint32_t v;

	if (rd->n.vague && p >= 3 && (t[p - 3] == 'i' || t[p - 3] == 'I') &&
	    t[p - 2] == 'n' && t[p - 1] == ' ' &&
	    (p == 3 || !trie_word_before(t, p - 3)))
		return 0;
	return rd->n.lo >= 1 && g != 0 &&
	       trie_match(r->durations, t, len, g, &v) != 0;
}


/* What follows the number says its kind: "%", "per cent", a currency
 * word, a unit ("five-day"), what it counts ("10,000 troops", "274.8
 * kg").  The figure's end, or 0 for a lone "one" that counts nothing. */
static size_t read_what(const struct figrules *r, const char *t, size_t len,
			const struct reading *rd, struct figure *f)
{
	size_t q = rd->q, g, q2;
	uint32_t v;

	if ((g = after_gap(t, len, q)) == 0)
		g = q;
	if (q < len && t[q] == '%') {
		f->kind = FIG_PERCENT;
		fig_of_phrase(r, t, len, q + 1, f, 0);
		return q + 1;
	}
	if ((q2 = trie_match(r->percent, t, len, g, &v)) != 0 && g > q) {
		f->kind = FIG_PERCENT;
		fig_of_phrase(r, t, len, q2, f, 0);
		return q2;
	}
	if ((q2 = trie_match(r->curwords, t, len, g, &v)) != 0 && g > q) {
		f->kind = FIG_MONEY;
		f->currency = r->cur[v];
		return q2;
	}
	if (rd->cur) {
		f->kind = FIG_MONEY;
		return q;
	}
	f->kind = rd->tally ? FIG_TALLY : FIG_COUNT;
	/* "five-day": a unit joined by a hyphen (not after a fraction: "a
	 * third-party vendor") */
	if (q + 1 < len && t[q] == '-' && rd->n.value >= 1 &&
	    (q2 = trie_match(r->units, t, len, q + 1, &v)) != 0) {
		f->unit = r->unit[v];
		f->counts_start = q + 1;
		f->counts_end = q2;
		return q2;
	}
	if ((q2 = fig_fraction_of_unit(r, t, len, rd, f)) != 0)
		return q2;
	if (rd->n.counts && !(rd->n.weak && !rd->qual)) {
		f->unit = rd->n.counts;
		return q;
	}
	if ((q2 = fig_one_in(r, t, len, rd, &f->lo)) != 0) {
		f->kind = FIG_PERCENT;
		f->hi = f->lo;
		fig_of_phrase(r, t, len, q2, f, 0);
		return q2;
	}
	/* "one" alone is a figure only before a person or thing counted:
	 * "one man was killed", "one anti-ship cruise missile", not "one of
	 * the" */
	if (fig_share_of(r, t, len, rd)) {
		/* "roughly a third of the territory": a share, in per cent */
		f->kind = FIG_PERCENT;
		f->lo = floor(f->lo * 100 + 0.5);
		f->hi = floor(f->hi * 100 + 0.5);
		fig_of_phrase(r, t, len, q, f, 0);
		return q;
	}
	if (rd->n.weak && !rd->qual && !fig_singular_follows(r, t, len, q) &&
	    !duration_follows(r, t, len, rd, q))
		return 0;
	/* "111 of the aircraft": a part of a whole named */
	if (fig_of_phrase(r, t, len, q, f, 1))
		return q;
	fig_counted_phrase(r, t, len, q, f);
	/* a measure takes its unit in: "274.8 kg", "12 years" */
	if (f->counts_end > f->counts_start &&
	    f->counts_start == after_gap(t, len, q) &&
	    (trie_match(r->units, t, len, f->counts_start, &v) ==
		     f->counts_end ||
	     trie_match(r->timeunits, t, len, f->counts_start, &v) ==
		     f->counts_end))
		return f->counts_end;
	/* a measure before a word that says what it measures: "roughly 40
	 * feet long", "12 inches wide" count the unit (not "35 member
	 * states", which count a thing named after it) */
	if (f->counts_end > f->counts_start && rd->n.value >= 1 &&
	    f->counts_start == after_gap(t, len, q) &&
	    (q2 = trie_match(r->units, t, len, f->counts_start, &v)) != 0 &&
	    q2 < f->counts_end &&
	    trie_match(r->timeunits, t, len, f->counts_start, &v) == 0 &&
	    !fig_thing_named(r, t, len, f->counts_end)) {
		f->counts_end = q2;
		return q2;
	}
	return q;
}

int figure_counts_back(const struct figrules *r, const char *text,
		       size_t len, size_t pos, size_t end)
{
	size_t we = pos, ws, g = after_gap(text, len, end), ge = g;
	uint32_t v;

	/* "about a third of them" */
	if (fig_of_at(text, len, g) &&
	    (ws = after_gap(text, len, g + 2)) != 0 &&
	    trie_match(r->pronouns, text, len, ws, &v) != 0)
		return 2;

	/* "nine dead and 14 wounded": a state of its own, not "dead" */
	while (g && ge < len && isalpha((unsigned char)text[ge]))
		ge++;
	if (g && ge - g > 3 && text[ge - 2] == 'e' && text[ge - 1] == 'd')
		return 0;
	while (we > 0 && (text[we - 1] == ' ' || text[we - 1] == '\n'))
		we--;
	if (we == pos)
		return 0;
	ws = letters_before(text, we);
	return ws < we && trie_match(r->back, text, we, ws, &v) == we;
}

size_t figure_at(const struct figrules *r, const char *t, size_t len,
		 size_t pos, struct figure *f)
{
	struct reading rd = {0};
	size_t q;

	memset(f, 0, sizeof *f);
	if ((q = read_special(r, t, len, pos, f)) != 0)
		return f->kind == FIG_TIME && time_stamp(t, len, pos, q) ? 0 : q;
	rd.p = pos;
	if (!read_lead(r, t, len, &rd))
		return 0;
	/* "around 7:30": a qualifier before a time of day, which stays
	 * whole (not "around 7") */
	if (rd.p > pos && rd.cur == NULL &&
	    (q = fig_time_of_day(t, len, rd.p, f)) != 0) {
		f->qual = rd.qual;
		return q;
	}
	/* "under 8 U.S.C. 1189": a qualifier before a label */
	if (rd.p > pos && rd.cur == NULL && digit(t[rd.p]) &&
	    fig_label_digits(r, t, len, rd.p))
		return 0;
	rd.q = fig_read_number(r, t, len, rd.p, &rd.n);
	if (rd.q == 0)
		return 0;
	/* a sign of letters joined to a small number is a label's: "P5",
	 * not "P1 million" */
	if (rd.cur && isalpha((unsigned char)t[rd.sign]) &&
	    isalpha((unsigned char)t[rd.p - 1]) && rd.n.value < 1000)
		return 0;
	memset(f, 0, sizeof *f);
	f->qual = rd.qual;
	f->currency = rd.cur;
	f->lo = rd.n.lo;
	f->hi = rd.n.hi;
	f->vague = rd.n.vague;
	if ((q = read_date_number(r, t, len, &rd, f)) != 0)
		return q;
	read_second(r, t, len, &rd, f);
	return read_what(r, t, len, &rd, f);
}

static void fmt_num(double v, char *out, size_t n)
{
	if (v == floor(v) && fabs(v) < 1e15)
		snprintf(out, n, "%.0f", v);
	else
		snprintf(out, n, "%g", v);
}

void figure_format(const struct figure *f, char *out, size_t n)
{
	char a[48], b[48];

	switch (f->kind) {
	case FIG_DATE:
		if (f->year && f->day)
			snprintf(out, n, "%04d-%02d-%02d", f->year, f->month,
				 f->day);
		else if (f->year)
			snprintf(out, n, "%04d-%02d", f->year, f->month);
		else if (f->day)
			snprintf(out, n, "--%02d-%02d", f->month, f->day);
		else if (f->month)
			snprintf(out, n, "--%02d", f->month);
		else /* a day of the week alone: 1 Monday to 7 Sunday */
			snprintf(out, n, "weekday %d", (int)f->lo);
		return;
	case FIG_TIME:
		snprintf(out, n, "%02d:%02d", f->hour, f->minute);
		return;
	case FIG_YEAR:
		snprintf(out, n, f->range ? "%ds" : "%d", f->year);
		return;
	case FIG_ORDINAL: {
		long k = (long)f->lo;
		const char *sfx = k % 100 >= 11 && k % 100 <= 13 ? "th"
				  : k % 10 == 1		 ? "st"
				  : k % 10 == 2		 ? "nd"
				  : k % 10 == 3		 ? "rd"
							 : "th";

		snprintf(out, n, "%ld%s", k, sfx);
		return;
	}
	case FIG_TALLY:
		fmt_num(f->lo, a, sizeof a);
		fmt_num(f->hi, b, sizeof b);
		snprintf(out, n, "%s to %s", a, b);
		return;
	default:
		break;
	}
	fmt_num(f->lo, a, sizeof a);
	fmt_num(f->hi, b, sizeof b);
	snprintf(out, n, "%s%s%s%s%s%s%s", f->qual ? f->qual : "",
		 f->qual ? " " : "", f->currency ? f->currency : "",
		 f->currency ? " " : "", a, f->lo != f->hi ? "-" : "",
		 f->lo != f->hi ? b : "");
	if (f->kind == FIG_PERCENT && strlen(out) + 1 < n)
		strcat(out, "%");
}

const char *figure_kind_counts(const struct figure *f)
{
	switch (f->kind) {
	case FIG_MONEY:
		return "money";
	case FIG_PERCENT:
		return "percent";
	case FIG_YEAR:
		return "year";
	case FIG_DATE:
		return "date";
	case FIG_TIME:
		return "time";
	case FIG_TALLY:
		return "tally";
	default:
		return f->unit;
	}
}
