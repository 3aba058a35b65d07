/* mdout: Markdown made safe for a terminal.  It is written to memory
 * first, then out with its control characters shown visibly (its text
 * comes from articles, front matter, notes and lexicons, and must never
 * drive the terminal), and only if the articles' files are still as they
 * were read. */
#ifndef BRIEF_MDOUT_H
#define BRIEF_MDOUT_H

#include <stddef.h>
#include <stdio.h>

#include "brief/report/report.h"

struct mdout {
	FILE *f;        /* where the Markdown is written */
	char *data;
	size_t len;
};

/* Start: returns m->f, or NULL when no memory stream could be opened. */
FILE *mdout_begin(struct mdout *m);
/* Finish: if rc (what writing returned) is 0 and lib's files are as
 * they were read, write the text visibly to out.  Returns REPORT_OK,
 * rc when it was not 0, REPORT_EINPUT with e set, or REPORT_EWRITE. */
int mdout_end(struct mdout *m, FILE *out, int rc, const struct library *lib,
	      struct err *e);

#endif
