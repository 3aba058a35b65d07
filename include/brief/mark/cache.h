/* cache: the engine's lexicon, registry and rules kept in one file
 * ($XDG_CACHE_HOME/brief/engine.cache), so that start-up reads them back
 * instead of parsing YAML and building tries.  The file is keyed by the
 * content of every data file the engine reads, brief's version, the
 * cache format and PCRE2's version; it is checked (checksum, every
 * length and index) before use, never trusted, and written atomically. */
#ifndef BRIEF_CACHE_H
#define BRIEF_CACHE_H

#include <stddef.h>

#include "brief/mark/engine.h"

/* Fill en from the cache file at path when it holds the engine made from
 * files[0..n) (the lexicons, then the rules file): 0, else -1 (no file,
 * another key, damaged: en is left empty). */
int engine_cache_load(struct engine *en, const char *path,
		      char *const *files, size_t n);
/* Write en (freshly opened from files[0..n), before any correction) to
 * the cache file at path.  0, or -1 (nothing written; the old file, if
 * any, is untouched). */
int engine_cache_store(const struct engine *en, const char *path,
		       char *const *files, size_t n);

#endif
