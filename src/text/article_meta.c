/* article_meta: metadata inferred from the text by the rules' patterns
 * (a date marker at the start, a dateline at the head of the lead, a
 * source or date in a paragraph, a date in the file's name), and the
 * title made from the lead.  A date is kept as YYYY-MM-DD whatever way
 * it was written; where it was found decides which one wins. */
#include "brief/text/article.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article_priv.h"
#include "brief/base/utf8.h"

/* Longest title made from the lead, in columns, before the ellipsis. */
#define TITLE_COLS 72

void art_add_marker(struct loader *l, enum marker_kind k, size_t s, size_t e)
{
	struct article *a = l->a;

	art_trim(a->text, &s, &e);
	if (s >= e)
		return;
	a->markers = xgrow(a->markers, &l->cap_markers, a->nmarkers + 1,
			   sizeof *a->markers);
	a->markers[a->nmarkers].kind = k;
	a->markers[a->nmarkers].start = s;
	a->markers[a->nmarkers].end = e;
	a->nmarkers++;
}

void art_set_field(char **field, const char *s, size_t n)
{
	size_t b = 0, e = n;

	art_trim(s, &b, &e);
	free(*field);
	*field = xstrndup(s + b, e - b);
}

int art_match_at(struct loader *l, const pcre2_code *re, size_t s, size_t e,
		 uint32_t opts, size_t *ms, size_t *me)
{
	if (e > l->clean)
		e = l->clean; /* never unchecked bytes */
	if (s > e)
		return 0;
	return rx_find(re, l->md, l->a->text + s, e - s, 0, opts, ms, me);
}

/* How much a date is trusted, by where it was found: a date replaces
 * the article's only when it ranks higher (front matter or the
 * document's own metadata > date marker > dateline > a header or
 * signature line > the file's name). */
enum date_rank {
	RANK_NONE,
	RANK_NAME,
	RANK_PARAGRAPH,
	RANK_LEAD,
	RANK_START,
	RANK_FRONT
};

static int where_rank(enum meta_where w)
{
	switch (w) {
	case META_START:
		return RANK_START;
	case META_LEAD:
		return RANK_LEAD;
	case META_PARAGRAPH:
	case META_HEAD:
		return RANK_PARAGRAPH;
	default:
		return RANK_NAME;
	}
}

static int days_in(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30,
				   31, 31, 30, 31, 30, 31};

	if (m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))
		return 29;
	return days[m - 1];
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int is_letter(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (unsigned char)c >= 0x80;
}

/* What a written date gives: a whole date, only a year and a month
 * ("2024-01", "January 2024"), or a month and a day without the year
 * ("Jan. 12"). */
enum date_part { DATE_BAD = -1, DATE_DAY, DATE_MONTH, DATE_NO_YEAR };

/* The date written in s[0, n) into *y, *m, *d (0 where not given):
 * numbers (2024-01-12, 2024_01_12, 20240112, 2024-01) or a month's name
 * with a day and a year in either order ("December 17, 2025", "Dec. 17th
 * 2025", "17 DECEMBER 2025", "Jan. 12", "January 2024"; a weekday or
 * other words are passed over). */
static enum date_part read_date(const struct article_rules *r, const char *s,
				size_t n, int *y, int *m, int *d)
{
	long num[3];
	size_t len[3], nnum = 0, i = 0;

	*y = *m = *d = 0;
	while (i < n) {
		size_t b = i;

		if (is_digit(s[i])) {
			long v = 0;

			while (i < n && is_digit(s[i]) && i - b < 9)
				v = v * 10 + (s[i++] - '0');
			if (nnum == 3 || (i < n && is_digit(s[i])))
				return DATE_BAD;
			num[nnum] = v;
			len[nnum++] = i - b;
		} else if (is_letter(s[i])) {
			while (i < n && is_letter(s[i]))
				i++;
			if (*m == 0)
				*m = article_rules_month(r, s + b, i - b);
		} else {
			i++;
		}
	}
	if (*m != 0) {
		for (i = 0; i < nnum; i++)
			if (len[i] == 4 && *y == 0)
				*y = (int)num[i];
			else if (len[i] <= 2 && *d == 0)
				*d = (int)num[i];
	} else if (nnum == 1 && len[0] == 8) {
		*y = (int)(num[0] / 10000);
		*m = (int)(num[0] / 100 % 100);
		*d = (int)(num[0] % 100);
	} else if (nnum >= 2 && len[0] == 4 && len[1] <= 2 &&
		   (nnum == 2 || len[2] <= 2)) {
		*y = (int)num[0];
		*m = (int)num[1];
		*d = nnum == 3 ? (int)num[2] : 0;
	}
	if (*m < 1 || *m > 12 || (*y != 0 && (*y < 1000 || *y > 9999)))
		return DATE_BAD;
	if (*y == 0)
		return *d >= 1 && *d <= days_in(2000, *m) ? DATE_NO_YEAR
							    : DATE_BAD;
	if (*d == 0)
		return DATE_MONTH;
	return *d <= days_in(*y, *m) ? DATE_DAY : DATE_BAD;
}

/* The year of month m nearest the month known (ky, km): a report of
 * January that says "Dec. 30" means the December before. */
static int year_near(int m, int ky, int km)
{
	if (m - km > 6)
		return ky - 1;
	if (km - m > 6)
		return ky + 1;
	return ky;
}

/* The date in the group "date" of the last match of rule mr, whose
 * subject began at subj: the article's date when it ranks higher than
 * the one it has.  A year and a month alone are kept as the month known
 * (date_month); a day without a year takes its year from that month, and
 * is not taken without one.  Returns 1 when the group held a whole date
 * (taken or outranked), else 0. */
static int take_date(struct loader *l, const struct meta_rule *mr,
		     const char *subj)
{
	struct article *a = l->a;
	int rank = where_rank(mr->where), y, m, d, ky, km;
	enum date_part got;
	size_t gs, ge;

	if (!rx_group(mr->re, l->md, "date", &gs, &ge))
		return 0;
	got = read_date(l->r, subj + gs, ge - gs, &y, &m, &d);
	if (got == DATE_MONTH) {
		if (a->date_month == NULL)
			a->date_month = xasprintf("%04d-%02d", y, m);
		return 0;
	}
	if (got == DATE_NO_YEAR && a->date_month != NULL &&
	    sscanf(a->date_month, "%d-%d", &ky, &km) == 2) {
		y = year_near(m, ky, km);
		got = d <= days_in(y, m) ? DATE_DAY : DATE_BAD;
	}
	if (got != DATE_DAY)
		return 0;
	if (mr->where == META_PARAGRAPH && l->head_done) {
		/* past the opening block: a signature's date only when no
		 * story follows (art_tail_date) */
		snprintf(l->tail_date, sizeof l->tail_date, "%04d-%02d-%02d",
			 y, m, d);
		l->tail_nstory = l->nstory;
		return 1;
	}
	if (rank > l->date_rank) {
		free(a->date);
		a->date = xasprintf("%04d-%02d-%02d", y, m, d);
		l->date_rank = rank;
	}
	return 1;
}

/* A date in the file's name (its last component, up to any invalid
 * UTF-8), the least trusted. */
static void name_date(struct loader *l)
{
	const char *name = l->a->path, *slash = strrchr(name, '/');
	size_t i, n, ms, me;

	if (slash)
		name = slash + 1;
	n = utf8_valid_prefix(name, strlen(name));
	for (i = 0; i < l->r->nmeta; i++) {
		const struct meta_rule *mr = &l->r->meta[i];

		if (mr->where == META_NAME &&
		    rx_find(mr->re, l->md, name, n, 0, 0, &ms, &me))
			take_date(l, mr, name);
	}
}

static void take_group(struct loader *l, const struct meta_rule *mr,
		       size_t base, const char *name, char **field)
{
	size_t gs, ge;

	if (*field == NULL && rx_group(mr->re, l->md, name, &gs, &ge) &&
	    ge > gs)
		art_set_field(field, l->a->text + base + gs, ge - gs);
}

static void take_source(struct loader *l, const struct meta_rule *mr,
			size_t base)
{
	size_t gs, ge;
	const char *full;

	if (l->a->source != NULL || !rx_group(mr->re, l->md, "source", &gs, &ge))
		return;
	full = article_rules_source(l->r, l->a->text + base + gs, ge - gs);
	if (full)
		l->a->source = xstrdup(full);
	else
		art_set_field(&l->a->source, l->a->text + base + gs, ge - gs);
}

void art_first_date(struct loader *l)
{
	if (l->a->date != NULL)
		l->date_rank = RANK_FRONT;
	name_date(l);
}

size_t art_start_markers(struct loader *l, size_t pos)
{
	size_t i, ms, me;

	art_first_date(l);
	art_ensure_clean(l, pos + 65536);
	for (i = 0; i < l->r->nmeta; i++) {
		const struct meta_rule *mr = &l->r->meta[i];

		if (mr->where != META_START ||
		    !art_match_at(l, mr->re, pos, l->a->len, PCRE2_ANCHORED,
				  &ms, &me))
			continue;
		take_date(l, mr, l->a->text + pos);
		take_source(l, mr, pos);
		take_group(l, mr, pos, "place", &l->a->place);
		if (mr->marker) {
			art_add_marker(l, MARKER_DATE, pos + ms, pos + me);
			pos += me;
		}
	}
	return pos;
}

void art_dateline(struct loader *l, size_t s, size_t e)
{
	struct article *a = l->a;
	size_t i, ms, me;

	for (i = 0; i < l->r->nmeta; i++) {
		const struct meta_rule *mr = &l->r->meta[i];

		if (mr->where != META_LEAD ||
		    !art_match_at(l, mr->re, s, e, PCRE2_ANCHORED, &ms, &me))
			continue;
		take_source(l, mr, s);
		take_group(l, mr, s, "place", &a->place);
		take_date(l, mr, a->text + s);
		if (mr->marker && s + me < e) {
			a->dateline.start = s;
			a->dateline.end = s + me;
		}
		l->dateline_done = 1;
		break;
	}
}

int art_meta_paragraph(struct loader *l, size_t s, size_t e)
{
	size_t i, ms, me;

	for (i = 0; i < l->r->nmeta; i++) {
		const struct meta_rule *mr = &l->r->meta[i];

		if (mr->where != META_PARAGRAPH ||
		    (mr->max_length && e - s > mr->max_length) ||
		    !art_match_at(l, mr->re, s, e, 0, &ms, &me))
			continue;
		take_source(l, mr, s);
		take_date(l, mr, l->a->text + s);
		if (mr->boilerplate)
			return 1;
	}
	return 0;
}

void art_tail_date(struct loader *l)
{
	if (l->tail_date[0] == '\0' || l->nstory != l->tail_nstory ||
	    RANK_PARAGRAPH <= l->date_rank)
		return;
	free(l->a->date);
	l->a->date = xstrdup(l->tail_date);
	l->date_rank = RANK_PARAGRAPH;
}

int art_head_line(struct loader *l, size_t s, size_t e, int first)
{
	const char *t = l->a->text;
	size_t i, ms, me;

	art_trim(t, &s, &e);
	if (l->head_done || s >= e)
		return 0;
	if (++l->head_lines > HEAD_LINES) {
		l->head_done = 1;
		return 0;
	}
	for (i = 0; i < l->r->nmeta; i++) {
		const struct meta_rule *mr = &l->r->meta[i];

		if (mr->where != META_HEAD ||
		    (mr->max_length && e - s > mr->max_length) ||
		    (!first && t[e - 1] == '.') || /* a sentence's end */
		    !art_match_at(l, mr->re, s, e, PCRE2_ANCHORED, &ms, &me) ||
		    me != e - s || !take_date(l, mr, t + s))
			continue;
		take_group(l, mr, s, "place", &l->a->place);
		take_source(l, mr, s);
		return 1;
	}
	/* the story has begun: a long line, or one that ends a sentence */
	if (e - s > HEAD_LINE_MAX || art_ends_with_stop(t, s, e))
		l->head_done = 1;
	return 0;
}

void art_make_title(struct article *a)
{
	size_t i, s, e, cut;

	if (a->title != NULL)
		return;
	for (i = 0; i < a->nsections; i++)
		if (a->sections[i].kind == SECTION_LEAD)
			break;
	if (i == a->nsections || a->sections[i].nsentences == 0) {
		a->title = xstrdup("");
		return;
	}
	s = a->sentences[a->sections[i].first_sentence].start;
	e = a->sentences[a->sections[i].first_sentence].end;
	if (a->dateline.end > s && a->dateline.end < e)
		s = a->dateline.end; /* the story, not "SEOUL (AP) —" */
	if (utf8_str_width(a->text + s, e - s) <= TITLE_COLS) {
		a->title = xstrndup(a->text + s, e - s);
		return;
	}
	cut = s + utf8_fit(a->text + s, e - s, TITLE_COLS - 1);
	while (cut > s && !art_is_space(a->text[cut]))
		cut--;
	while (cut > s && (art_is_space(a->text[cut - 1]) || a->text[cut - 1] == ','))
		cut--;
	if (cut == s)
		cut = s + utf8_fit(a->text + s, e - s, TITLE_COLS - 1);
	a->title = xasprintf("%.*s…", (int)(cut - s), a->text + s);
}

/* How far into a report its genre is looked for: a title, a salutation,
 * an order's first section or the first speakers of a transcript. */
#define GENRE_WINDOW 16384

void art_take_genre(struct loader *l, size_t from)
{
	struct article *a = l->a;
	size_t end = a->len - from > GENRE_WINDOW ? from + GENRE_WINDOW
						  : a->len;

	art_ensure_clean(l, end);
	if (end > l->clean)
		end = l->clean;
	/* not inside a character */
	while (end > from && end < a->len &&
	       ((unsigned char)a->text[end] & 0xC0) == 0x80)
		end--;
	free(a->genre);
	a->genre = xstrdup(article_rules_genre(l->r, l->md, a->text + from,
					       end > from ? end - from : 0));
}
