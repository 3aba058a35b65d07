/* history: the lines given at the / and : prompts, kept across sessions
 * in $XDG_STATE_HOME/brief/history (one line each, led by its prompt's
 * character: / : or &), browsed with Up and Down at the prompt (only the lines that
 * begin with what is typed, as vim does).  Saving merges with what other
 * brief processes saved meanwhile (under the file's lock) and keeps the
 * newest max lines.  No curses. */
#ifndef BRIEF_HISTORY_H
#define BRIEF_HISTORY_H

#include <stddef.h>

#include "brief/base/err.h"

struct history {
	char **line;              /* "/pattern", ":command", oldest first */
	size_t n, cap;
	size_t loaded;            /* the first n lines came from the file */
	size_t max;               /* lines kept */
	/* browsing */
	long at;                  /* index being shown, -1 for the typed */
	char typed[1024];         /* what was typed before browsing */
};

void history_init(struct history *h, size_t max);
void history_free(struct history *h);
/* Read the file (a missing one is empty).  -1 with e for a file that
 * cannot be read; h is then empty. */
int history_load(struct history *h, const char *path, struct err *e);
/* Add a line given at the prompt lead (an empty one or the same as the
 * last is not added). */
void history_add(struct history *h, char lead, const char *text);
/* Merge with the file and write it (the newest max lines). */
int history_save(struct history *h, const char *path, struct err *e);

/* Browsing: start with the text typed at prompt lead; then step older
 * (dir -1) or newer (+1).  Returns the text to show (the typed text when
 * back at the newest end), or NULL when there is nothing further. */
void history_browse_start(struct history *h, const char *typed);
const char *history_step(struct history *h, char lead, int dir);

#endif
