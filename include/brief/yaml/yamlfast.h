/* yamlfast: a quick reader for the plain subset of YAML that brief's data
 * files are written in (block mappings and sequences, one-line flow
 * mappings and sequences, quoted and plain one-line scalars, comments).
 * It builds the same tree of nodes, with the same lines and columns, as
 * the libyaml reader in yamlio, about ten times faster; anything outside
 * the subset, errors included, is left to libyaml. */
#ifndef BRIEF_YAMLFAST_H
#define BRIEF_YAMLFAST_H

#include <stddef.h>

#include "brief/yaml/yamlio.h"

/* Read buf when it is in the subset: *simple is set to 1 and the root is
 * returned (the caller frees it with ynode_free).  Otherwise *simple is 0
 * and NULL is returned: read buf with libyaml. */
struct ynode *yfast_parse(const char *buf, size_t len, int line0,
			  int *simple);

#endif
