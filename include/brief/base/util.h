/* util: allocation wrappers that abort on failure, error messages, small
 * growable buffers.  No curses, no I/O beyond what is named here. */
#ifndef BRIEF_UTIL_H
#define BRIEF_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* An error message as shown to the user after "brief: ", e.g.
 * "FILE:LINE:COL: message" or "FILE: reason".  Filled by model code that
 * fails; printed only by cli/ui. */
struct err {
	char text[1024];
};

/* Format a message into *e (e may be NULL: then nothing happens). */
void err_set(struct err *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Allocation that never returns NULL: on failure, print and abort. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a fresh string; the caller frees it. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* qsort that accepts an empty or NULL array. */
void xqsort(void *base, size_t n, size_t size,
	    int (*cmp)(const void *, const void *));

/* Grow *arr (of *cap elements of size elem) so it holds at least need. */
void *xgrow(void *arr, size_t *cap, size_t need, size_t elem);

/* A growable byte string, always NUL-terminated once anything was added. */
struct buf {
	char *data;
	size_t len;
	size_t cap;
};

void buf_add(struct buf *b, const void *p, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Take ownership of the bytes (a NUL-terminated string, maybe empty). */
char *buf_take(struct buf *b);
void buf_free(struct buf *b);

/* 64-bit FNV-1a hash of bytes, and its 16-hex-digit form (17 bytes). */
uint64_t hash_bytes(const void *p, size_t n);
void hash_hex(uint64_t h, char out[17]);

/* Read a whole regular file into memory (NUL-terminated, *len excludes the
 * NUL).  Refuses directories, FIFOs and devices.  Returns NULL and fills e
 * with "FILE: reason" on failure. */
char *file_read(const char *path, size_t *len, struct err *e);
/* What file_read_fd accepts: more than max bytes (0: no limit) is refused
 * with "NAME: " and the reason too_large; a NUL byte among the first
 * probe bytes (0: none looked at) with "NAME: binary file".  Both are
 * checked as the bytes come, so that an endless input is never read
 * whole. */
struct read_limits {
	size_t max;
	const char *too_large;
	size_t probe;
};

/* Read all of fd (standard input, or a file opened by file_read) the
 * same way, within lim (NULL: no limits); name is used in messages. */
char *file_read_fd(int fd, const char *name, const struct read_limits *lim,
		   size_t *len, struct err *e);

/* The directory that holds brief's shipped data files (lexicon, rules,
 * boilerplate, themes): $BRIEF_DATADIR, else the "data" folder beside the
 * running binary when it exists (a build tree), else the install path. */
const char *datadir(void);
/* The same for themes ("themes" beside the binary, else installed). */
const char *themedir(void);

/* XDG base directories, with "brief" appended: config, data, state.
 * Returns a fresh string; the caller frees it. */
char *xdg_path(const char *kind, const char *file);

#endif
