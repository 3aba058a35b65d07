/* compare_yaml: the --compare --format yaml output, one YAML document:
 * reports, entities, figures, quotes, topics and the timeline, in the
 * same orders as the Markdown. */
#ifndef BRIEF_COMPARE_YAML_H
#define BRIEF_COMPARE_YAML_H

#include <stdio.h>

#include "brief/compare/compare.h"

/* Write comparison c (made with rules r over the entities reg) to f.
 * Returns 0, or -1 on a write error. */
int compare_yaml_write(FILE *f, const struct comparison *c,
		       const struct compare_rules *r,
		       const struct entities *reg);

#endif
