/* fig_priv (private to the figure scanner, src/mark/fig_rules.c and
 * figure.c): the word lists of the rules file, as loaded. */
#ifndef BRIEF_FIG_PRIV_H
#define BRIEF_FIG_PRIV_H

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
	double *scale;
	size_t nscale;
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
	struct trie *starters;   /* every word a figure may start with */
	struct trie *ordinals;   /* -> index into ordval */
	double *ordval;
	size_t nord;
	struct trie *ord_leads;  /* words before an ordinal ("the") */
	struct trie *labels;     /* words before a number that names:
				  * "Resolution 2722" */
};

#endif
