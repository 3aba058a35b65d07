/* correct_priv (private to src/mark/correct*.c): the store of
 * corrections.  correct_file.c reads, writes and saves it; correct.c
 * applies it to mentions. */
#ifndef BRIEF_CORRECT_PRIV_H
#define BRIEF_CORRECT_PRIV_H

#include <stdint.h>

#include "brief/mark/correct.h"

/* An entity's class as it was before a recategorisation changed it. */
struct corr_saved {
	uint32_t id;
	enum category cat;
	char *kind;
};

struct corrections {
	char *path;                /* NULL: never saved */
	struct correction *v;
	size_t n, cap;
	struct ynode *extra;       /* the file's keys brief does not know */
	char **mine;               /* ids this process added, oldest first */
	size_t nmine;
	struct corr_saved *saved;  /* see corrections_reset */
	size_t nsaved, savedcap;
};

#endif
