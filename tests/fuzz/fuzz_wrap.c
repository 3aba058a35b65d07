/* Fuzz target: UTF-8 decoding, display widths and word wrapping. */
#include <locale.h>
#include <string.h>

#include "brief/base/utf8.h"
#include "brief/base/wrap.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *t = (const char *)data;
	size_t starts[256], n, i, len;
	int w;
	static int init;

	if (!init) {
		setlocale(LC_ALL, "C.UTF-8");
		init = 1;
	}
	utf8_str_width(t, size);
	utf8_fit(t, size, size % 97);
	utf8_valid_prefix(t, size);
	{
		char *clean = utf8_sanitize(t, size, &len);

		if (utf8_valid_prefix(clean, len) != len)
			abort();
		free(clean);
	}
	for (w = 1; w <= 81; w += 16) {
		n = wrap_lines(t, 0, size, w, starts, 256);
		for (i = 1; i < n && i < 256; i++)
			if (starts[i] < starts[i - 1] || starts[i] > size)
				abort();
	}
	return 0;
}
