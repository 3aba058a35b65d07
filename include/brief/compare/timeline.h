/* timeline: the dates and times an article mentions -- its dated figures
 * and relative expressions ("on Sunday", "last month", "in October")
 * resolved against the article's date when it has one.  No curses. */
#ifndef BRIEF_TIMELINE_H
#define BRIEF_TIMELINE_H

#include <stddef.h>

#include "brief/text/article.h"
#include "brief/mark/highlight.h"
#include "brief/yaml/yamlio.h"

enum tl_precision { TL_NONE, TL_YEAR, TL_MONTH, TL_DAY };

struct tl_event {
	size_t start, end;        /* the expression in the text */
	size_t section;
	int year, month, day;
	enum tl_precision precision;
	int relative;             /* from a relative expression */
};

struct tlrules;

struct tlrules *tlrules_load(const struct ynode *root, const char *name,
			     struct err *e);
void tlrules_free(struct tlrules *r);

/* Resolve a relative expression against a date: kind and offset as in
 * the rules file; for "weekday" and "month", which is the day (0 Monday)
 * or month (1-12).  The date is "YYYY-MM-DD", or "YYYY-MM" when only the
 * month is known: then only what does not hang on the day resolves
 * ("today" to the month, "last month", "this year", "in October"), and
 * "yesterday", "last week", "on Tuesday" stay unresolved.  Returns the
 * precision reached (TL_NONE without a date). */
enum tl_precision tl_resolve(const char *kind, int offset, int which,
			     const char *date, int *y, int *m, int *d);

/* The year of a date written without one (month 1-12, day 0 when not
 * given): the one of the year before, the same year or the year after the
 * report's date ("YYYY-MM-DD") that puts it nearest that date, so that
 * "December 30" in a report of January 2 is the year before; the date
 * may be "YYYY-MM" (only the month known: its middle is taken).  0
 * without a date. */
int tl_year_near(int month, int day, const char *date);

/* The events of a, in text order, resolved against its date, else the
 * month known (a->date_month). */
void timeline_find(const struct tlrules *r, const struct article *a,
		   const struct mentions *m, struct tl_event **out,
		   size_t *n);
/* Order events by date (unresolved last). */
int tl_cmp(const struct tl_event *x, const struct tl_event *y);

/* One event of a merged timeline and the report it comes from (0 for A,
 * 1 for B). */
struct tl_ref {
	const struct tl_event *ev;
	int side;
	size_t entry;  /* its entry: refs of one resolved date (the same
			* day in any spelling, in either report) share one,
			* numbered from 0 in order; an unresolved one is
			* an entry of its own */
};
/* Whether x and y are the same resolved date at the same precision. */
int tl_same(const struct tl_event *x, const struct tl_event *y);
/* The one timeline order, for the screen and for every batch output: the
 * events of reports A (a, na) and B (b, nb), each in text order as
 * timeline_find gives them, merged by date (tl_cmp: unresolved last);
 * events of the same date keep A's before B's, and within one report
 * their order in the text.  A fresh array of *n refs (never NULL, even
 * when empty) pointing into a and b; the caller frees it. */
struct tl_ref *timeline_merge(const struct tl_event *a, size_t na,
			      const struct tl_event *b, size_t nb, size_t *n);
/* The sentence an event is in, as [*s, *e) in a's text (never less than
 * the expression itself). */
void tl_sentence(const struct article *a, const struct tl_event *ev,
		 size_t *s, size_t *e);
/* "2024-12-27", "2024-12", "2024", or "relative". */
void tl_format(const struct tl_event *ev, char *out, size_t n);

#endif
