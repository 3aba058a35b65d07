/* figure: numbers in text -- counts, ranges, money, percentages, years,
 * dates and times -- read with word lists from the highlight rules file,
 * with a normalised value and the phrase that says what they count. */
#ifndef BRIEF_FIGURE_H
#define BRIEF_FIGURE_H

#include <stddef.h>

#include "brief/base/ser.h"
#include "brief/base/util.h"
#include "brief/yaml/yamlio.h"

enum fig_kind {
	FIG_COUNT,
	FIG_MONEY,
	FIG_PERCENT,
	FIG_YEAR,
	FIG_DATE,
	FIG_TIME,
	FIG_TALLY,               /* a vote or a score: "79 to 18", lo to hi */
	FIG_ORDINAL              /* "a third straight day": lo = hi = 3 */
};

struct figure {
	enum fig_kind kind;
	double lo, hi;           /* equal for a single value */
	int range;               /* written as a range ("20 to 30") */
	int vague;               /* "dozens", "hundreds" */
	const char *qual;        /* "more than", ...; NULL for exact */
	const char *currency;    /* "USD", ...; NULL */
	int year, month, day;    /* for dates; 0 when not given */
	int hour, minute;        /* for times */
	const char *unit;        /* a unit the rules name ("day"), or NULL */
	size_t counts_start;     /* the counted noun phrase, when the text */
	size_t counts_end;       /* gives one; head noun at its end */
	uint32_t section;        /* where it stands (set by highlight) */
};

struct figrules;

/* Read the figure word lists from the rules file's root mapping. */
struct figrules *figrules_load(const struct ynode *root, const char *name,
			       struct err *e);
void figrules_free(struct figrules *r);
/* Append r to b (see ser.h). */
void figrules_save(const struct figrules *r, struct buf *b);
/* Rules read back from d, or NULL with d->bad set. */
struct figrules *figrules_load_saved(struct deser *d);

struct trie;
/* The words a figure may begin with (number words, qualifiers, months). */
const struct trie *figrules_starters(const struct figrules *r);
/* The end of a month's name at pos ("December", "Dec."), or 0. */
size_t figrules_month_at(const struct figrules *r, const char *text,
			 size_t len, size_t pos);
/* Can a figure start at text[pos]?  (A word start or a currency sign.) */
int figure_may_start(const struct figrules *r, const char *text, size_t len,
		     size_t pos);
/* Read a figure starting at pos; returns its end, or 0 when there is
 * none.  f is filled on success. */
size_t figure_at(const struct figrules *r, const char *text, size_t len,
		 size_t pos, struct figure *f);
/* Does the figure text[pos..end), when it counts nothing, count what a
 * figure before it counts?  2 for a pronoun after it ("a third of
 * them": the count before it), 1 for a word before it ("up from",
 * "and": the figure of its kind before it), 0 for neither or before a
 * participle ("nine dead and 14 wounded"). */
int figure_counts_back(const struct figrules *r, const char *text,
		       size_t len, size_t pos, size_t end);
/* The normalised value: "more than 10000", "20-30", "USD 800000000",
 * "45%", "2019", "2024-12-27", "--12-27", "12:01". */
void figure_format(const struct figure *f, char *out, size_t n);
/* A default name for what f counts when the text does not say: "money",
 * "percent", "year", "date", "time", or NULL. */
const char *figure_kind_counts(const struct figure *f);

#endif
