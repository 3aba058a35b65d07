/* alloc: allocation that never returns NULL.  On failure it takes the
 * fatal path (base/fatal.h): the terminal is restored, "brief: out of
 * memory" is said and the process stops. */
#ifndef BRIEF_ALLOC_H
#define BRIEF_ALLOC_H

#include <stddef.h>

/* malloc, calloc and realloc that never fail (a size of 0 is taken as
 * 1); the caller frees. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* A fresh copy of s, or of its first n bytes (NUL-terminated). */
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a fresh string; the caller frees it. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Grow *arr (of *cap elements of size elem) so it holds at least need;
 * returns the array (maybe moved) and updates *cap. */
void *xgrow(void *arr, size_t *cap, size_t need, size_t elem);

#endif
