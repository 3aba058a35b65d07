/* reopen: where each article was left -- its reading position and
 * selection, and which articles the panes showed -- kept per article id in
 * $XDG_STATE_HOME/brief/places (a setting, `reopen`; --fresh skips it
 * once).  An article is found again by its path, size and modification
 * time without reading it, else by its quick id (its size and the bytes
 * at its two ends, so a large file is not read whole before the first
 * screen), or by its content id in a record written without one (a file
 * of at most 1 MiB). */
#ifndef BRIEF_REOPEN_H
#define BRIEF_REOPEN_H

#include "brief/base/err.h"

struct ui;

/* Put the docs where they were left (call before the first draw). */
void reopen_restore(struct ui *u, const char *path);
/* Remember where they are now; 0, or -1 with e (the caller says so). */
int reopen_save(struct ui *u, const char *path, struct err *e);

#endif
