/* cachefile: data derived from data files (an engine, compiled rules)
 * kept in one file under $XDG_CACHE_HOME/brief/, so that a start reads
 * it back instead of deriving it again.  The file is keyed by the
 * content of every data file it was made from and by a version number
 * of what reads it; it is checked (magic, key, lengths, a checksum of
 * all of it) before its payload is handed out, never trusted further
 * than that, and written atomically.
 *
 * The layout: 8 bytes of magic, the checksum of all that follows it,
 * the version, the content key, the payload's length, the number of
 * data files, a stat record of 5 numbers per file, then the payload.
 * Every part is a multiple of 8 bytes, so the payload's arrays are
 * aligned where it is mapped. */
#ifndef BRIEF_CACHEFILE_H
#define BRIEF_CACHEFILE_H

#include <stddef.h>
#include <stdint.h>

/* An open cache file: its payload, mapped (guarded: a file cut short
 * while it is read reads as zeros). */
struct cachefile {
	char *map;
	size_t map_len;
	const unsigned char *payload; /* at a multiple of 8 in the map */
	size_t len;
	int by_content; /* the data files were hashed (their stat records
			 * no longer matched): cachefile_refresh keeps the
			 * next start from hashing them again */
};

/* The version of a kind of cache (what) in a given format: brief's
 * version, PCRE2's (compiled patterns are kept), the sizes of numbers
 * and pointers go into it too. */
uint64_t cachefile_version(const char *what, int format);
/* Map the cache file at path when it holds magic (8 bytes) and version
 * and was made from files[0..n) as they are now (their stat records,
 * else their content): 0, else -1 (no file, another key, damaged; cf
 * left empty). */
int cachefile_open(struct cachefile *cf, const char *path, const char *magic,
		   uint64_t version, char *const *files, size_t n);
/* Write payload[0, len) as the cache file at path for files[0..n).
 * 0, or -1 (nothing written; the old file, if any, is untouched). */
int cachefile_write(const char *path, const char *magic, uint64_t version,
		    char *const *files, size_t n, const void *payload,
		    size_t len);
/* After a use of a cache opened by content: the same payload written
 * again with today's stat records (a file that cannot be written is
 * only slower next time). */
void cachefile_refresh(const struct cachefile *cf, const char *path,
		       const char *magic, uint64_t version,
		       char *const *files, size_t n);
/* Unmap cf (the payload is gone after it). */
void cachefile_close(struct cachefile *cf);

#endif
