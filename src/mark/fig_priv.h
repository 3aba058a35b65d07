/* fig_priv (private to the figure scanner, src/mark/fig_*.c and
 * figure.c): the word lists of the rules file, as loaded, and what the
 * scanner's files share. */
#ifndef BRIEF_FIG_PRIV_H
#define BRIEF_FIG_PRIV_H

#include <ctype.h>
#include <stddef.h>

#include "brief/base/trie.h"
#include "brief/mark/figure.h"

struct numword {
	double value, lo, hi;
	int weak, vague;
	char *counts;
};

struct figrules {
	struct trie *numbers;    /* -> index into num */
	struct numword *num;
	size_t nnum;
	struct trie *scales;     /* -> index into scale */
	double *scale;           /* then the month numbers, at nscale */
	size_t nscale;
	size_t nscale_all;       /* the length of scale with the months */
	struct trie *quals;      /* -> index into qual */
	char **qual;
	size_t nqual;
	struct trie *signs;      /* currency sign -> index into cur */
	struct trie *curwords;   /* currency word -> index into cur */
	char **cur;
	size_t ncur;
	struct trie *percent;
	struct trie *months;     /* -> month number - 1 */
	struct trie *stops;
	struct trie *units;      /* -> index into unit */
	char **unit;
	size_t nunit;
	struct trie *timeunits;  /* -> index into unit */
	struct trie *nouns;      /* counted nouns */
	struct trie *month_leads; /* words before a month named alone */
	struct trie *singular;   /* nouns that make a weak "one" a figure */
	struct trie *durations;  /* spans of time that make a weak number
				  * a figure: "a few weeks" */
	struct trie *starters;   /* every word a figure may start with */
	struct trie *ordinals;   /* -> index into ordval */
	double *ordval;
	size_t nord;
	struct trie *ord_leads;  /* words before an ordinal ("the") */
	struct trie *part_words; /* "the first half of": a part, not a share */
	struct trie *ord_kinds;  /* "second-strike", "the second one": a
				  * kind or a rank, no count */
	struct trie *leads;      /* words set aside after a number: "such" */
	struct trie *back;       /* words before a number that counts what
				  * was counted before: "up from nine" */
	struct trie *pronouns;   /* "a third of them" */
	struct trie *labels;     /* words before a number that names:
				  * "Resolution 2722" */
	struct trie *cites;      /* words after a number in a citation:
				  * "50 U.S.C." */
	struct trie *joins;      /* words that join the numbers of a list
				  * of labels: "Resolutions 1718 and 1874" */
};

/* Small helpers of the figure scanner's files (figure.c and
 * fig_*.c). */
static inline int digit(char c)
{
	return c >= '0' && c <= '9';
}

static inline size_t skip_spaces(const char *t, size_t len, size_t p)
{
	while (p < len && (t[p] == ' ' || t[p] == '\n' || t[p] == '\t'))
		p++;
	return p;
}

/* One space (or line break) then a word: returns where the word starts,
 * or 0 when there is no such gap. */
static inline size_t after_gap(const char *t, size_t len, size_t p)
{
	size_t q = skip_spaces(t, len, p);

	return q > p && q < len ? q : 0;
}

/* The start of the run of ASCII letters that ends at t[end - 1] (end
 * itself when there is none). */
static inline size_t letters_before(const char *t, size_t end)
{
	while (end > 0 && isalpha((unsigned char)t[end - 1]))
		end--;
	return end;
}

/* A number being read: its value (and interval for vague words), how it
 * was written, and the word it already counts ("dozens of"). */
struct num {
	double value, lo, hi;
	int weak, vague, digits, ndigits, commas;
	const char *counts;
};

/* Are the digits at pos a label or a code (a law, an order, a section,
 * a telephone, hull or unit number), not a figure? */
int fig_label_digits(const struct figrules *r, const char *t, size_t len,
		     size_t pos);

/* Digits at p: 1,234,567 or 1234 or 3.5; the end, or 0. */
size_t fig_read_digits(const char *t, size_t len, size_t p, struct num *n);
/* A number in digits or words at p with its scale words ("four hundred
 * forty-seven", "1.5 million", "forty-seven (47)"); the end, or 0. */
size_t fig_read_number(const struct figrules *r, const char *t, size_t len,
		       size_t p, struct num *n);

/* A figure being read: where its number starts (p) and ends (q), what
 * came before it (a qualifier, a currency sign at sign), the number. */
struct reading {
	size_t p, q, sign;
	const char *qual, *cur;
	struct num n;
	int tally;
};

/* The end of the word at p (letters, digits, inner "-", "." or "'"; the
 * last dot of an abbreviation, "U.S."). */
size_t fig_read_word(const char *t, size_t len, size_t p);
/* Is the word at g "of", a gap after it (a space or a line break)? */
int fig_of_at(const char *t, size_t len, size_t g);
/* Does a counted singular noun follow q, after at most five words that
 * describe it ("one nuclear bomb")? */
int fig_singular_follows(const struct figrules *r, const char *t,
			 size_t len, size_t q);
/* The noun phrase after a figure from p, read to its head: fills f's
 * counts_start and counts_end. */
void fig_counted_phrase(const struct figrules *r, const char *t,
			size_t len, size_t p, struct figure *f);

/* Is d a day of a month (a whole number from 1 to 31)? */
int fig_valid_day(double d);
/* "the 19th of December", "19th of December 2023": a date.  Its end, or
 * 0. */
size_t fig_day_of_month(const struct figrules *r, const char *t,
			size_t len, size_t p, struct figure *f);
/* A month first: "Dec. 27", "December 27, 2024", "December 2024",
 * "January and May".  Its end, or 0. */
size_t fig_month_first(const struct figrules *r, const char *t,
		       size_t len, size_t p, struct figure *f);
/* A time of day at p ("12:01 p.m.", "5:43 P.M."): its end, or 0. */
size_t fig_time_of_day(const char *t, size_t len, size_t p,
		       struct figure *f);
/* A date written 2024-12-27 at p: 1 (f filled), or 0. */
int fig_iso_date(const char *t, size_t len, size_t p, struct figure *f);

/* An ordinal at p that counts ("the 75th", "its second-largest"): its
 * end, or 0. */
size_t fig_ordinal_at(const struct figrules *r, const char *t, size_t len,
		      size_t p, struct figure *f);

/* A fraction in words before "of" ("a third of the budget"): a share? */
int fig_share_of(const struct figrules *r, const char *t, size_t len,
		 const struct reading *rd);
/* What a share or a part counts: the phrase after "of" at q (whole:
 * the number is a whole one); nonzero when read. */
int fig_of_phrase(const struct figrules *r, const char *t, size_t len,
		  size_t q, struct figure *f, int whole);
/* "one in three", "1 in 4": a share; its end (pct filled), or 0. */
size_t fig_one_in(const struct figrules *r, const char *t, size_t len,
		  const struct reading *rd, double *pct);
/* Does the word ending at e name things counted? */
int fig_thing_named(const struct figrules *r, const char *t, size_t len,
		    size_t e);
/* A fraction in words before a unit ("half a mile"): its end, or 0. */
size_t fig_fraction_of_unit(const struct figrules *r, const char *t,
			    size_t len, const struct reading *rd,
			    struct figure *f);

#endif
