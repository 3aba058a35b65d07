/* rx_node: PCRE2 patterns held by a node of a YAML data file, compiled
 * as brief/base/rx.h does, with errors at the node's FILE:LINE:COL. */
#ifndef BRIEF_RX_NODE_H
#define BRIEF_RX_NODE_H

#include "brief/base/rx.h"
#include "brief/yaml/yamlio.h"

/* Compile pattern (from node n of file name, for messages) with UTF, UCP
 * (unless options hold RX_ASCII_WORDS) and extra options, for JIT (see
 * rx_find).  NULL and e set on error:
 * "FILE:LINE:COL: bad pattern: MESSAGE at offset N". */
pcre2_code *rx_compile_node(const char *name, const struct ynode *n,
			    uint32_t options, struct err *e);
/* Only check that node n holds a valid pattern (no JIT: cheaper when the
 * pattern is used as part of another).  0, or -1 and e set as above. */
int rx_check_node(const char *name, const struct ynode *n, uint32_t options,
		  struct err *e);

#endif
