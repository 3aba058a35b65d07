/* engine: the highlighting machinery as one unit -- entity registry,
 * merged lexicon, highlighter with its rules -- opened from the files in
 * effect. */
#ifndef BRIEF_ENGINE_H
#define BRIEF_ENGINE_H

#include <stddef.h>

#include "brief/mark/entity.h"
#include "brief/mark/highlight.h"
#include "brief/mark/lexicon.h"
#include "brief/base/util.h"

struct engine {
	struct entities *reg;
	struct lexicon *lx;
	struct highlighter *hl;
	struct corrections *corr; /* the analyst's corrections, or NULL */
	unsigned jobs;            /* worker threads for batch highlighting
				   * (mark/parallel.h); 0 or 1: one */
	char *map;                /* the engine cache the tries point into
				   * (mark/cache.h), or NULL */
	size_t map_len;
};

/* lexicons: the --lexicon files (n may be 0 for the defaults); rules: a
 * highlight rules file or NULL for the default.  0, or -1 with e set. */
int engine_open(struct engine *en, char *const *lexicons, size_t n,
		const char *rules, struct err *e);
void engine_close(struct engine *en);
/* Open the corrections file path (NULL: the default one) and apply it to
 * every mark made from now on (owned by en).  0, or -1 with e (a file
 * that cannot be read: nothing applied). */
int engine_correct(struct engine *en, const char *path, struct err *e);
/* After a change to en->corr: the registry as the lexicon and rules made
 * it, before the marks are made again. */
void engine_corrections_changed(struct engine *en);

#endif
