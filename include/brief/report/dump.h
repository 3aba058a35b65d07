/* dump: the --dump batch output, one YAML document per article. */
#ifndef BRIEF_DUMP_H
#define BRIEF_DUMP_H

#include <stdio.h>

#include "brief/text/article.h"
#include "brief/report/report.h"

/* Write article a as a YAML document to f.  Returns 0, or -1 if the
 * emitter failed. */
int dump_article(FILE *f, const struct article *a);
/* Every article of lib to f, each once its file is checked unchanged.
 * REPORT_OK; REPORT_EINPUT with e set when a file changed (one that
 * changed while it was dumped is told after it); REPORT_EWRITE, with e
 * set when the emitter failed, empty when only the flush did. */
int dump_write(FILE *f, const struct library *lib, struct err *e);

#endif
