/* Fuzz target: the quick YAML reader against libyaml.  Whatever yamlfast
 * reads, libyaml must read too, into the same tree. */
#include <string.h>

#include "brief/yaml/yamlfast.h"
#include "brief/yaml/yamlio.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct err e;
	int simple, ok;
	struct ynode *fast, *slow;

	fast = yfast_parse((const char *)data, size, 0, &simple);
	if (!simple)
		return 0;
	slow = yamlio_parse_libyaml((const char *)data, size, "fuzz", 0, &ok,
				    &e);
	if (!ok || !ynode_equal(fast, slow))
		abort();
	ynode_free(fast);
	ynode_free(slow);
	return 0;
}
