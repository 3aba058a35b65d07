/* corrections_list: `brief --corrections` alone: the corrections in
 * effect as a table (one line each, tab-separated: id, kind, scope, what
 * it applies to, the change, created, author) or as the file's YAML. */
#ifndef BRIEF_CORRECTIONS_LIST_H
#define BRIEF_CORRECTIONS_LIST_H

#include <stdio.h>

#include "brief/mark/correct.h"

/* Write c to f; yaml: the file's form.  REPORT_OK or REPORT_EWRITE. */
int corrections_list_write(FILE *f, const struct corrections *c, int yaml);

#endif
