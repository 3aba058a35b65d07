/* Fuzz target: a theme file. */
#include "brief/ui/theme.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct err e;
	const char *path = fuzz_file(data, size, ".yaml");
	struct theme *t;

	if (path == NULL)
		return 0;
	t = theme_load(path, &e);
	theme_free(t);
	unlink(path);
	return 0;
}
