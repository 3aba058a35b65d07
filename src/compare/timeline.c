/* timeline: dated mentions and relative time expressions. */
#include "brief/compare/timeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "brief/base/rx.h"
#include "brief/base/rxstems.h"
#include "brief/yaml/rx_node.h"

struct relrule {
	pcre2_code *re;
	pcre2_code *anch; /* re anchored, when it has stems; else NULL */
	char *kind;
	int offset;
};

struct tlrules {
	struct relrule *v;
	size_t n;
	pcre2_match_data *md;
	struct rxstems *stems; /* where a rule's matches may start */
};

struct tlrules *tlrules_load(const struct ynode *root, const char *name,
			     struct err *e)
{
	struct tlrules *r = xcalloc(1, sizeof *r);
	const struct ynode *l = ynode_get(root, "relative");
	size_t i;

	r->md = pcre2_match_data_create(8, NULL);
	r->stems = rxstems_new();
	if (l && l->type != YNODE_SEQ) {
		ynode_err(e, name, l, "'relative' must be a list");
		tlrules_free(r);
		return NULL;
	}
	r->v = xcalloc(l ? l->nkids + 1 : 1, sizeof *r->v);
	for (i = 0; l && i < l->nkids; i++) {
		const struct ynode *it = l->kids[i], *k, *off, *p;
		struct relrule *rr = &r->v[r->n];

		k = ynode_get(it, "kind");
		if (it->type != YNODE_MAP || k == NULL ||
		    k->type != YNODE_SCALAR) {
			ynode_err(e, name, it, "a relative rule needs 'pattern' "
				  "and 'kind'");
			tlrules_free(r);
			return NULL;
		}
		p = ynode_get(it, "pattern");
		rr->re = rx_compile_node(name, p,
					 PCRE2_CASELESS | RX_ASCII_WORDS, e);
		if (rr->re == NULL) {
			tlrules_free(r);
			return NULL;
		}
		/* where it has stems, it is tried only where they begin words
		 * (a pattern with a NUL in it is not read for them) */
		if (rxstems_add(r->stems,
				strlen(p->str) == p->len ? p->str : "",
				r->n) > 0) {
			rr->anch = rx_compile_node(name, p,
						   PCRE2_CASELESS |
							   RX_ASCII_WORDS |
							   PCRE2_ANCHORED,
						   e);
			if (rr->anch == NULL) {
				rx_free(rr->re);
				tlrules_free(r);
				return NULL;
			}
		}
		rr->kind = xstrdup(k->str);
		off = ynode_get(it, "offset");
		rr->offset = off && off->type == YNODE_SCALAR ? atoi(off->str) : 0;
		r->n++;
	}
	return r;
}

void tlrules_free(struct tlrules *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < r->n; i++) {
		rx_free(r->v[i].re);
		rx_free(r->v[i].anch);
		free(r->v[i].kind);
	}
	free(r->v);
	pcre2_match_data_free(r->md);
	rxstems_free(r->stems);
	free(r);
}

static const char *const days[] = {"monday", "tuesday", "wednesday",
				   "thursday", "friday", "saturday",
				   "sunday"};
static const char *const months[] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december"};

static int lookup(const char *const *names, int n, const char *s, size_t len)
{
	int i;

	for (i = 0; i < n; i++)
		if (strlen(names[i]) == len && strncasecmp(names[i], s, len) == 0)
			return i;
	return -1;
}

enum tl_precision tl_resolve(const char *kind, int offset, int which,
			     const char *date, int *y, int *m, int *d)
{
	struct tm tm;
	int dy, dm, dd, got;

	if (date == NULL ||
	    (got = sscanf(date, "%d-%d-%d", &dy, &dm, &dd)) < 2)
		return TL_NONE;
	if (got == 2) {
		/* only the month known: what does not hang on the day */
		if (strcmp(kind, "days") == 0 && offset == 0)
			kind = "months";
		else if (strcmp(kind, "months") != 0 &&
			 strcmp(kind, "years") != 0 &&
			 strcmp(kind, "month") != 0)
			return TL_NONE;
		dd = 15;
	}
	memset(&tm, 0, sizeof tm);
	tm.tm_year = dy - 1900;
	tm.tm_mon = dm - 1;
	tm.tm_mday = dd;
	tm.tm_hour = 12;
	if (strcmp(kind, "days") == 0) {
		tm.tm_mday += offset;
	} else if (strcmp(kind, "weeks") == 0) {
		tm.tm_mday += 7 * offset;
	} else if (strcmp(kind, "weekday") == 0) {
		int wd;

		timegm(&tm);
		wd = (tm.tm_wday + 6) % 7; /* 0 = Monday */
		tm.tm_mday -= (wd - which + 7) % 7;
	} else if (strcmp(kind, "next_weekday") == 0) {
		int wd, ahead;

		timegm(&tm);
		wd = (tm.tm_wday + 6) % 7;
		ahead = (which - wd + 7) % 7;
		tm.tm_mday += ahead ? ahead : 7;
	} else if (strcmp(kind, "months") == 0) {
		tm.tm_mon += offset;
		tm.tm_mday = 1;
		timegm(&tm);
		*y = tm.tm_year + 1900;
		*m = tm.tm_mon + 1;
		*d = 0;
		return TL_MONTH;
	} else if (strcmp(kind, "years") == 0) {
		*y = dy + offset;
		*m = *d = 0;
		return TL_YEAR;
	} else if (strcmp(kind, "month") == 0) {
		*y = which > dm ? dy - 1 : dy;
		*m = which;
		*d = 0;
		return TL_MONTH;
	} else {
		return TL_NONE;
	}
	timegm(&tm);
	*y = tm.tm_year + 1900;
	*m = tm.tm_mon + 1;
	*d = tm.tm_mday;
	return TL_DAY;
}

int tl_year_near(int month, int day, const char *date)
{
	int dy, dm, dd, y, best = 0;
	long here, dist = 0;

	if (date == NULL || month < 1 || month > 12)
		return 0;
	switch (sscanf(date, "%d-%d-%d", &dy, &dm, &dd)) {
	case 2:
		dd = 16; /* only the month known: its middle */
		break;
	case 3:
		break;
	default:
		return 0;
	}
	/* days counted roughly (31 a month): only which year is nearest
	 * matters, and a tie goes to the earlier year (reports look back) */
	here = (long)dy * 372 + (dm - 1) * 31 + (dd - 1);
	for (y = dy - 1; y <= dy + 1; y++) {
		long at = (long)y * 372 + (month - 1) * 31 + (day ? day - 1 : 15);
		long dd2 = at > here ? at - here : here - at;

		if (best == 0 || dd2 < dist) {
			best = y;
			dist = dd2;
		}
	}
	return best;
}

static void push(struct tl_event **out, size_t *n, size_t *cap,
		 const struct tl_event *ev)
{
	*out = xgrow(*out, cap, *n + 1, sizeof **out);
	(*out)[(*n)++] = *ev;
}

static int ev_pos_cmp(const void *a, const void *b)
{
	const struct tl_event *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

/* One event for one expression: of two that overlap ("in December" by
 * a rule, "December" as a date), the one resolved more precisely, else
 * the longer, stays. */
static void drop_overlaps(struct tl_event *v, size_t *n)
{
	size_t i, k = 0;

	for (i = 0; i < *n; i++) {
		struct tl_event *last = k ? &v[k - 1] : NULL;

		if (last == NULL || v[i].start >= last->end) {
			v[k++] = v[i];
			continue;
		}
		if (v[i].precision > last->precision ||
		    (v[i].precision == last->precision &&
		     v[i].end - v[i].start > last->end - last->start))
			*last = v[i];
	}
	*n = k;
}

/* The first match of rule i of r at or after p in subj (len bytes):
 * tried where the words that begin with its stems start (h, nh: those
 * of rxstems_find; SIZE_MAX: none can be trusted), else searched for.
 * *used: the pattern that matched. */
static int rule_find(const struct tlrules *r, size_t i, const char *subj,
		     size_t len, size_t p, const struct rxstems_hit *h,
		     size_t nh, const pcre2_code **used, size_t *ms,
		     size_t *me)
{
	size_t k;

	*used = r->v[i].re;
	if (r->v[i].anch == NULL || nh == SIZE_MAX)
		return rx_find(r->v[i].re, r->md, subj, len, p, 0, ms, me);
	*used = r->v[i].anch;
	for (k = rxstems_first(h, nh, i, p); k < nh && h[k].id == i; k++)
		if (rx_find(r->v[i].anch, r->md, subj, len, h[k].pos, 0, ms,
			    me))
			return 1;
	return 0;
}

void timeline_find(const struct tlrules *r, const struct article *a,
		   const struct mentions *m, struct tl_event **out, size_t *n)
{
	size_t cap = 0, i, sec, hcap = 0;
	const char *date = a->date ? a->date : a->date_month;
	struct rxstems_hit *h = NULL;

	*out = NULL;
	*n = 0;
	for (i = 0; i < m->n; i++) {
		const struct mention *mn = &m->v[i];
		const struct figure *f;
		struct tl_event ev;

		if ((f = mention_figure(m, mn)) == NULL)
			continue;
		if (f->kind != FIG_DATE && f->kind != FIG_YEAR)
			continue;
		memset(&ev, 0, sizeof ev);
		ev.start = mn->start;
		ev.end = mn->end;
		ev.section = mention_section(m, mn);
		ev.year = f->year	 ? f->year
			   : f->month ? tl_year_near(f->month, f->day, date)
				      : 0;
		ev.month = f->month;
		ev.day = f->day;
		ev.precision = f->kind == FIG_YEAR ? TL_YEAR
			       : !ev.year	   ? TL_NONE
			       : f->day	   ? TL_DAY
						   : TL_MONTH;
		push(out, n, &cap, &ev);
	}
	for (sec = 0; sec < a->nsections; sec++) {
		const struct section *s = &a->sections[sec];
		const char *subj = a->text + s->start;
		size_t len = s->end - s->start, nh;

		if (s->kind == SECTION_BOILERPLATE)
			continue;
		nh = rxstems_find(r->stems, subj, len, &h, &hcap);
		for (i = 0; i < r->n; i++) {
			size_t p = 0, ms, me, gs, ge;
			const pcre2_code *re;

			while (rule_find(r, i, subj, len, p, h, nh, &re, &ms,
					 &me)) {
				struct tl_event ev;
				int which = 0;

				p = me > ms ? me : ms + 1;
				while (p < s->end - s->start &&
				       ((unsigned char)a->text[s->start + p] &
					0xC0) == 0x80)
					p++;
				memset(&ev, 0, sizeof ev);
				ev.start = s->start + ms;
				ev.end = s->start + me;
				ev.section = sec;
				ev.relative = 1;
				if (rx_group(re, r->md, "day", &gs, &ge))
					which = lookup(days, 7,
						       a->text + s->start + gs,
						       ge - gs);
				if (rx_group(re, r->md, "month", &gs, &ge))
					which = lookup(months, 12,
						       a->text + s->start + gs,
						       ge - gs) + 1;
				ev.precision = tl_resolve(r->v[i].kind,
							  r->v[i].offset, which,
							  date, &ev.year,
							  &ev.month, &ev.day);
				push(out, n, &cap, &ev);
			}
		}
	}
	free(h);
	xqsort(*out, *n, sizeof **out, ev_pos_cmp);
	drop_overlaps(*out, n);
}

int tl_cmp(const struct tl_event *x, const struct tl_event *y)
{
	long kx, ky;

	if ((x->precision == TL_NONE) != (y->precision == TL_NONE))
		return x->precision == TL_NONE ? 1 : -1;
	kx = (long)x->year * 10000 + x->month * 100 + x->day;
	ky = (long)y->year * 10000 + y->month * 100 + y->day;
	return kx < ky ? -1 : kx > ky;
}

int tl_same(const struct tl_event *x, const struct tl_event *y)
{
	return x->precision != TL_NONE && x->precision == y->precision &&
	       tl_cmp(x, y) == 0;
}

static int tlref_cmp(const void *a, const void *b)
{
	const struct tl_ref *x = a, *y = b;
	int c = tl_cmp(x->ev, y->ev);

	if (c)
		return c;
	if (x->side != y->side)
		return x->side - y->side;
	return x->ev->start < y->ev->start ? -1 : x->ev->start > y->ev->start;
}

struct tl_ref *timeline_merge(const struct tl_event *a, size_t na,
			      const struct tl_event *b, size_t nb, size_t *n)
{
	struct tl_ref *v = xcalloc(na + nb + 1, sizeof *v);
	size_t i;

	for (i = 0; i < na; i++) {
		v[i].ev = &a[i];
		v[i].side = 0;
	}
	for (i = 0; i < nb; i++) {
		v[na + i].ev = &b[i];
		v[na + i].side = 1;
	}
	xqsort(v, na + nb, sizeof *v, tlref_cmp);
	for (i = 1; i < na + nb; i++)
		v[i].entry = v[i - 1].entry + !tl_same(v[i - 1].ev, v[i].ev);
	*n = na + nb;
	return v;
}

void tl_sentence(const struct article *a, const struct tl_event *ev,
		 size_t *s, size_t *e)
{
	long si = article_sentence_at(a, ev->start);

	*s = ev->start;
	*e = ev->end;
	if (si < 0)
		return;
	if (a->sentences[si].start < *s)
		*s = a->sentences[si].start;
	if (a->sentences[si].end > *e)
		*e = a->sentences[si].end;
}

void tl_format(const struct tl_event *ev, char *out, size_t n)
{
	switch (ev->precision) {
	case TL_DAY:
		snprintf(out, n, "%04d-%02d-%02d", ev->year, ev->month, ev->day);
		break;
	case TL_MONTH:
		snprintf(out, n, "%04d-%02d", ev->year, ev->month);
		break;
	case TL_YEAR:
		snprintf(out, n, "%04d", ev->year);
		break;
	default:
		snprintf(out, n, "relative");
		break;
	}
}
