/* Shared by the fuzz targets: the entry point and a file for loaders that
 * read paths. */
#ifndef BRIEF_FUZZ_H
#define BRIEF_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Write the input to a private temporary file; returns its path (static
 * buffer) or NULL. */
static inline const char *fuzz_file(const uint8_t *data, size_t size,
				    const char *suffix)
{
	static char path[64];
	FILE *f;

	snprintf(path, sizeof path, "/tmp/brief-fuzz-%d%s", (int)getpid(),
		 suffix);
	f = fopen(path, "wb");
	if (f == NULL)
		return NULL;
	if (size && fwrite(data, 1, size, f) != size) {
		fclose(f);
		return NULL;
	}
	fclose(f);
	return path;
}

#endif
