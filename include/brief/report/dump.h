/* dump: the --dump batch output, one YAML document per article. */
#ifndef BRIEF_DUMP_H
#define BRIEF_DUMP_H

#include <stdio.h>

#include "brief/text/article.h"

/* Write article a as a YAML document to f.  Returns 0, or -1 if the
 * emitter failed. */
int dump_article(FILE *f, const struct article *a);

#endif
