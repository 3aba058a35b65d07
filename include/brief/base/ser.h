/* ser: writing data structures into a byte buffer and reading them back
 * with every length checked against what is there (for the engine's
 * cache, which is never trusted).  Native byte order: a cache is for
 * the machine that wrote it. */
#ifndef BRIEF_SER_H
#define BRIEF_SER_H

#include <stddef.h>
#include <stdint.h>

#include "brief/base/buf.h"

/* Append a 64-bit number, a 32-bit number, n bytes with their length,
 * a string (NULL allowed) to b. */
void ser_u64(struct buf *b, uint64_t v);
void ser_u32(struct buf *b, uint32_t v);
void ser_bytes(struct buf *b, const void *p, size_t n);
void ser_str(struct buf *b, const char *s);
/* n bytes with their length, starting at a multiple of 8 bytes from the
 * start of b (zeros pad up to it), for deser_aligned. */
void ser_aligned(struct buf *b, const void *p, size_t n);

/* A reader over [p, p + n).  Once a read runs past the end, or a
 * check fails, bad is set and every later read gives zeros. */
struct deser {
	const unsigned char *p;
	size_t n, at;
	int bad;
	int lend; /* 1: p outlives what is read from it, which may then
		   * point into it instead of copying (deser_init: 0) */
};

void deser_init(struct deser *d, const void *p, size_t n);
uint64_t deser_u64(struct deser *d);
uint32_t deser_u32(struct deser *d);
/* A length-prefixed run of bytes: points into the input (not a copy),
 * sets *n; NULL (and bad) when it does not fit, or when its length is
 * not a multiple of size (size > 0). */
const void *deser_bytes(struct deser *d, size_t *n, size_t size);
/* A run written by ser_aligned: as deser_bytes, and the bytes start at
 * a multiple of 8 from p (aligned for any number when p is). */
const void *deser_aligned(struct deser *d, size_t *n, size_t size);
/* A fresh copy of a run of count items of size bytes, or NULL: exact
 * counts are checked (bad when the stored length differs). */
void *deser_array(struct deser *d, size_t count, size_t size);
/* A fresh string (NULL when one was written as NULL). */
char *deser_str(struct deser *d);
/* n strings (none NULL) with their count, for deser_strs. */
void ser_strs(struct buf *b, char *const *v, size_t n);
/* Fresh strings written by ser_strs and their count in *n (those read
 * before a failure, which sets bad); NULL when there are none.  The
 * caller frees each and the array. */
char **deser_strs(struct deser *d, size_t *n);
/* Set bad when cond is false; returns !bad. */
int deser_check(struct deser *d, int cond);

#endif
