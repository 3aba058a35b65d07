/* buf: a growable byte string. */
#ifndef BRIEF_BUF_H
#define BRIEF_BUF_H

#include <stddef.h>

/* A growable byte string, always NUL-terminated once anything was added.
 * Starts as {0}; buf_free (or buf_take) gives its memory back. */
struct buf {
	char *data;
	size_t len;
	size_t cap;
};

/* Append n bytes at p, a string, one byte, or printf's output. */
void buf_add(struct buf *b, const void *p, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Take ownership of the bytes (a NUL-terminated string, maybe empty);
 * b is empty again. */
char *buf_take(struct buf *b);
/* Free the bytes; b is empty again. */
void buf_free(struct buf *b);

#endif
