/* notes: the analyst's notes, anchored to passages, kept in one YAML file.
 * Every change is saved at once: under a lock, the file is read again,
 * merged by note id (the later change wins; deletions are kept as
 * tombstones so that they merge too), written to a temporary file, synced
 * and renamed over the old one.  A file that cannot be parsed is never
 * written.  No curses. */
#ifndef BRIEF_NOTES_H
#define BRIEF_NOTES_H

#include <stddef.h>

#include "brief/text/anchor.h"
#include "brief/base/util.h"

#define NOTE_MAX_ANCHORS 2

struct note {
	char *id;
	char *created;        /* ISO 8601 UTC, milliseconds */
	char *modified;
	char *text;
	char **tags;          /* the #words of the text, without '#' */
	size_t ntags;
	struct anchor anchor[NOTE_MAX_ANCHORS];
	size_t nanchors;      /* 1, or 2 for a note linking two passages */
	int deleted;          /* a tombstone */
	int dirty;            /* changed in this session, not yet saved */
};

struct notes;

/* The default file: $XDG_DATA_HOME/brief/notes.yaml. */
char *notes_default_path(void);
/* Open the notes file (a missing file is an empty store).  NULL and e on
 * a file that cannot be read or parsed ("FILE:LINE:COL: message"). */
struct notes *notes_open(const char *path, struct err *e);
void notes_free(struct notes *ns);

/* Live (not deleted) notes, in creation order: *n gets the count of the
 * array of all notes; skip the deleted ones. */
struct note *notes_all(struct notes *ns, size_t *n);
struct note *notes_find(struct notes *ns, const char *id);

/* Changes; each saves at once.  They return 0, or -1 with e set when the
 * change could not be saved (it is kept in memory all the same). */
/* notes_add's *id stays valid until the next change or save. */
int notes_add(struct notes *ns, const char *text, const struct anchor *an,
	      size_t nanchors, const char **id, struct err *e);
int notes_edit(struct notes *ns, const char *id, const char *text,
	       struct err *e);
int notes_delete(struct notes *ns, const char *id, struct err *e);
/* Undo the last add, edit or delete of this session: 1 when there was
 * nothing to undo. */
int notes_undo(struct notes *ns, struct err *e);
/* Read, merge and write now (also picks up other processes' notes). */
int notes_save(struct notes *ns, struct err *e);

/* Write the given notes as YAML into b (the file format). */
void notes_write_yaml(struct notes *ns, struct buf *b);

#endif
