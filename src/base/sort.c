/* sort: insertion for few elements, qsort for more. */
#include "brief/base/sort.h"

#include <stdlib.h>
#include <string.h>

/* Elements this few (and this small) are put in order by insertion:
 * cheaper than qsort's set-up, and stable like glibc's qsort. */
#define ISORT_MAX_N 32
#define ISORT_MAX_SIZE 256

void xqsort(void *base, size_t n, size_t size,
	    int (*cmp)(const void *, const void *))
{
	unsigned char tmp[ISORT_MAX_SIZE], *b = base;
	size_t x, y;

	if (base == NULL || n < 2)
		return;
	if (n > ISORT_MAX_N || size > sizeof tmp) {
		qsort(base, n, size, cmp);
		return;
	}
	for (x = 1; x < n; x++) {
		if (cmp(b + (x - 1) * size, b + x * size) <= 0)
			continue; /* already in place */
		memcpy(tmp, b + x * size, size);
		for (y = x - 1; y > 0 && cmp(b + (y - 1) * size, tmp) > 0; y--)
			;
		memmove(b + (y + 1) * size, b + y * size, (x - y) * size);
		memcpy(b + y * size, tmp, size);
	}
}
