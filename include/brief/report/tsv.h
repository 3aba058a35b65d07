/* tsv: the tab-separated outputs (--mentions, --entities, --aliases),
 * built in a buffer and written a run at a time, not by a locked stdio
 * call per field. */
#ifndef BRIEF_TSV_H
#define BRIEF_TSV_H

#include <stddef.h>
#include <stdio.h>

#include "brief/base/buf.h"

/* Write the buffer out once it holds this much. */
#define TSV_RUN ((size_t)1 << 16)

/* A field: tab, line feed, backslash and control bytes escaped (\t, \n,
 * \\, \x1b). */
void tsv_field(struct buf *o, const char *s);
/* A tab and a number, without printf's cost per mention. */
void tsv_num(struct buf *o, size_t v);
/* Write what o holds to f and empty it. */
void tsv_flush(FILE *f, struct buf *o);

#endif
