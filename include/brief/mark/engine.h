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
};

/* lexicons: the --lexicon files (n may be 0 for the defaults); rules: a
 * highlight rules file or NULL for the default.  0, or -1 with e set. */
int engine_open(struct engine *en, char *const *lexicons, size_t n,
		const char *rules, struct err *e);
void engine_close(struct engine *en);

#endif
