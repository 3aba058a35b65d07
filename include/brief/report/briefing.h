/* briefing: the --briefing output, one Markdown briefing of two reports:
 * their metadata, the figures they disagree on and the analyst's notes
 * (export) first, then the full comparison tables (compare_md). */
#ifndef BRIEF_BRIEFING_H
#define BRIEF_BRIEFING_H

#include <stdio.h>

#include "brief/compare/compare.h"
#include "brief/notes/notes.h"
#include "brief/text/library.h"

/* Write the briefing of comparison c (rules r, entities reg) with the
 * notes ns on the articles of lib to f.  0, or -1 on a write error. */
int briefing_write(FILE *f, const struct comparison *c,
		   const struct compare_rules *r, const struct entities *reg,
		   struct notes *ns, const struct library *lib);

#endif
