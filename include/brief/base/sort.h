/* sort: qsort for the small arrays brief sorts most. */
#ifndef BRIEF_SORT_H
#define BRIEF_SORT_H

#include <stddef.h>

/* qsort that accepts an empty or NULL array; small arrays are sorted by
 * insertion (stable, like glibc's qsort for them). */
void xqsort(void *base, size_t n, size_t size,
	    int (*cmp)(const void *, const void *));

#endif
