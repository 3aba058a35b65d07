/* notes_import: notes from other annotation tools -- W3C Web Annotation
 * JSON-LD or the Hypothesis API's JSON (told apart by their keys) --
 * into a notes store, each passage re-anchored in the given articles by
 * its quote and context (anchor_resolve: where it is not found with
 * confidence, the note is kept as an orphan).  No curses. */
#ifndef BRIEF_NOTES_IMPORT_H
#define BRIEF_NOTES_IMPORT_H

#include <stddef.h>

#include "brief/notes/notes.h"
#include "brief/text/article.h"

/* A W3C annotation's id: this prefix and the note's id. */
#define NOTES_W3C_ID_PREFIX "urn:brief:note:"
/* The id of the Hypothesis annotation of a linked note's second passage:
 * the note's id and this suffix. */
#define NOTES_LINKED_SUFFIX "~linked"

struct notes_import_count {
	size_t added;         /* notes added */
	size_t orphans;       /* of them, with a passage not placed */
	size_t known;         /* skipped: the store has them (same id, or
			       * same text on the same passage) */
	size_t elsewhere;     /* skipped: on none of the given articles */
};

/* Read the annotations of the JSON file path and add those on the n
 * articles v that ns does not have yet, then save ns once (lock, temp
 * file, rename).  0 with *c filled; -1 with e set and ns unchanged when
 * the file cannot be read, is not JSON ("FILE:LINE:COL: message") or
 * not annotations ("FILE: message"); -1 with e set when the notes could
 * not be saved (they stay in ns). */
int notes_import(struct notes *ns, const char *path, struct article *const *v,
		 size_t n, struct notes_import_count *c, struct err *e);

#endif
