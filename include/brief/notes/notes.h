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
/* The longest note text, in bytes: a longer one is refused at add and
 * edit (so that what brief writes it can read again). */
#define NOTE_MAX_TEXT (1u << 20)
/* The notes file version this brief writes; a newer one is refused. */
#define NOTES_VERSION 1
/* The largest revision a notes file may give (2^53). */
#define NOTES_MAX_REVISION (1ULL << 53)

struct note {
	char *id;
	char *created;        /* ISO 8601 UTC, milliseconds */
	char *modified;
	char *text;
	char **tags;          /* the #words of the text, without '#', and
			       * "conflict" for a conflict copy */
	size_t ntags;
	struct anchor anchor[NOTE_MAX_ANCHORS];
	size_t nanchors;      /* 1, or 2 for a note linking two passages */
	int deleted;          /* a tombstone */
	int dirty;            /* changed in this session, not yet saved */
	unsigned long long revision; /* counts the note's changes (0 in a
				      * file written before revisions) */
	unsigned long long base; /* the revision this session's change
				  * started from */
	char *conflict_of;    /* NULL, or the id of the note whose text this
			       * one kept when two processes changed it */
	struct ynode *extra;  /* keys of the file brief does not know (a
			       * mapping, or NULL), written back as read */
};

struct notes;

/* The default file: $XDG_DATA_HOME/brief/notes.yaml. */
char *notes_default_path(void);
/* Open the notes file (a missing file is an empty store).  NULL and e on
 * a file that cannot be read or parsed ("FILE:LINE:COL: message"): also
 * one that gives an id twice, gives a number out of range, or declares a
 * newer version. */
struct notes *notes_open(const char *path, struct err *e);
void notes_free(struct notes *ns);

/* Live (not deleted) notes, in creation order: *n gets the count of the
 * array of all notes; skip the deleted ones. */
struct note *notes_all(struct notes *ns, size_t *n);
struct note *notes_find(struct notes *ns, const char *id);

/* Changes; each saves at once.  They return 0, or -1 with e set when the
 * change could not be saved (it is kept in memory all the same).  A text
 * longer than NOTE_MAX_TEXT is refused: -1, e set, nothing changed. */
/* notes_add's *id stays valid until the next change or save. */
int notes_add(struct notes *ns, const char *text, const struct anchor *an,
	      size_t nanchors, const char **id, struct err *e);
int notes_edit(struct notes *ns, const char *id, const char *text,
	       struct err *e);
int notes_delete(struct notes *ns, const char *id, struct err *e);
/* Undo the last add, edit or delete of this session: 1 when there was
 * nothing to undo.  When another process changed the note since, its
 * text is kept as a conflict copy (see notes_conflicts). */
int notes_undo(struct notes *ns, struct err *e);
/* Read, merge and write now (also picks up other processes' notes).
 * When this session changed a note that another process changed too
 * (its revision in the file is newer than the one this session started
 * from), this session's text stays the note and the other text is kept
 * as a new note on the same passages with conflict_of set. */
int notes_save(struct notes *ns, struct err *e);
/* How many conflict copies the last save (or change) made. */
size_t notes_conflicts(const struct notes *ns);

/* How many notes changed in this session are not yet in the file (their
 * save failed): added, edited or deleted. */
size_t notes_unsaved(const struct notes *ns);

/* Write the given notes as YAML into b (the file format). */
void notes_write_yaml(struct notes *ns, struct buf *b);

#endif
