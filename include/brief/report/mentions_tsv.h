/* mentions_tsv: the --mentions output, one tab-separated line per
 * highlighted mention: file, section, start, end (bytes in the
 * section's text), category, entity, text. */
#ifndef BRIEF_MENTIONS_TSV_H
#define BRIEF_MENTIONS_TSV_H

#include <stdio.h>

#include "brief/mark/engine.h"
#include "brief/report/report.h"

/* Highlight article a with en and write its lines to f, a run at a time
 * while a's file is as it was read.  REPORT_OK, or REPORT_EINPUT with
 * e set when it changed (the lines of the part read before may have been
 * written). */
int mentions_tsv_write(FILE *f, const struct engine *en,
		       const struct article *a,
		       const struct report_progress *p, struct err *e);

#endif
