/* fig_priv (private to the figure scanner, src/mark/fig_rules.c and
 * figure.c): the word lists of the rules file, as loaded. */
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

/* Small helpers of the figure scanner's files (figure.c, fig_labels.c,
 * fig_number.c). */
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

#endif
