/* Replays a fuzz target's corpus without libFuzzer: every file of the
 * directories given (or files) goes through LLVMFuzzerTestOneInput once.
 * Prints a TAP line per corpus. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "brief/base/util.h"
#include "fuzz.h"

static int one(const char *path)
{
	size_t n;
	struct err e;
	char *data = file_read(path, &n, &e);

	if (data == NULL) {
		fprintf(stderr, "%s\n", e.text);
		return -1;
	}
	LLVMFuzzerTestOneInput((const uint8_t *)data, n);
	free(data);
	return 0;
}

int main(int argc, char **argv)
{
	int i, t = 0, failed = 0;

	for (i = 1; i < argc; i++) {
		struct stat st;
		size_t count = 0;

		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			DIR *d = opendir(argv[i]);
			struct dirent *de;

			while (d && (de = readdir(d)) != NULL) {
				char *p;

				if (de->d_name[0] == '.')
					continue;
				p = xasprintf("%s/%s", argv[i], de->d_name);
				failed |= one(p) != 0;
				free(p);
				count++;
			}
			if (d)
				closedir(d);
		} else {
			failed |= one(argv[i]) != 0;
			count++;
		}
		printf("%s %d - %s (%zu inputs)\n", failed ? "not ok" : "ok",
		       ++t, argv[i], count);
	}
	printf("1..%d\n", t);
	return failed;
}
