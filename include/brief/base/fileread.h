/* fileread: reading a whole file (or standard input) into memory, with
 * the limits brief holds its input to.  Errors are "FILE: reason" in
 * struct err. */
#ifndef BRIEF_FILEREAD_H
#define BRIEF_FILEREAD_H

#include <stddef.h>

#include "brief/base/err.h"

/* Read a whole regular file into memory (NUL-terminated, *len excludes the
 * NUL; the caller frees it).  Refuses directories, FIFOs and devices.
 * Returns NULL and fills e with "FILE: reason" on failure. */
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

#endif
