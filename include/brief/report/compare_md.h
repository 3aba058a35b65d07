/* compare_md: the --compare output (and the comparison in --briefing) as
 * Markdown: the two reports, entities only in one or in both, figures
 * side by side with their discrepancies, quotes by speaker, topics, and
 * the timeline in its one order (timeline_merge). */
#ifndef BRIEF_COMPARE_MD_H
#define BRIEF_COMPARE_MD_H

#include <stdio.h>

#include "brief/compare/compare.h"

/* Write comparison c (made with rules r over the entities reg) to f.
 * Returns 0, or -1 on a write error.  The text is written as the
 * articles have it: the caller shows control characters visibly. */
int compare_md_write(FILE *f, const struct comparison *c,
		     const struct compare_rules *r,
		     const struct entities *reg);

/* The parts, for the briefing (which orders them otherwise): the two
 * reports' metadata as a list; the figures the reports disagree on, one
 * line each ("None found." when none); the full tables (entities,
 * figures, quotes, topics, timeline). */
void compare_md_reports(FILE *f, const struct comparison *c);
void compare_md_disagreements(FILE *f, const struct comparison *c);
void compare_md_tables(FILE *f, const struct comparison *c,
		       const struct compare_rules *r,
		       const struct entities *reg);

#endif
