/* entities_tsv: the --entities output, a table of entities (rows, most
 * mentioned first) and their mention counts in each file (columns), and
 * the --aliases output, the lexicon in effect: one line per literal
 * alias (alias, entity, category, kind).  Tab-separated. */
#ifndef BRIEF_ENTITIES_TSV_H
#define BRIEF_ENTITIES_TSV_H

#include <stdio.h>

#include "brief/mark/engine.h"
#include "brief/report/report.h"

/* Highlight every article of lib with en and write the table to f once
 * the files are checked unchanged.  REPORT_OK, REPORT_EINPUT with e
 * set (nothing written), or REPORT_EWRITE. */
int entities_tsv_write(FILE *f, const struct engine *en,
		       const struct library *lib,
		       const struct report_progress *p, struct err *e);
/* The aliases of en's lexicon to f.  REPORT_OK or REPORT_EWRITE. */
int aliases_tsv_write(FILE *f, const struct engine *en);

#endif
