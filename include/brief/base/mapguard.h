/* mapguard: files mapped into memory that may shrink while brief reads
 * them (truncated by another program).  Reading a page the file no longer
 * has raises SIGBUS; for a guarded mapping, brief's handler maps zero
 * pages over the lost part instead, so that the reading goes on safely
 * (the lost bytes read as NUL), and marks the mapping changed for the
 * reader to say so.  A SIGBUS anywhere else still kills brief as before.
 * No curses, no I/O beyond the mapping. */
#ifndef BRIEF_MAPGUARD_H
#define BRIEF_MAPGUARD_H

#include <stddef.h>

/* Map len bytes (len > 0) of the regular file fd privately and writable,
 * followed by at least one zero byte (the mapping is map_len bytes, a
 * whole number of pages), and guard it.  NULL on failure (errno set).
 * Free with mapguard_unmap. */
char *mapguard_map(int fd, size_t len, size_t *map_len);
/* 1 when pages of the guarded mapping at base were lost since it was
 * mapped (they now read as zeros), else 0. */
int mapguard_changed(const char *base);
/* Unmap a mapping made by mapguard_map and stop guarding it. */
void mapguard_unmap(char *base, size_t map_len);

#endif
