/* notes_priv (private to the notes module, src/notes/notes_*.c and
 * strtab.c): the store's struct and what its files share.  The files:
 *   notes_store.c  the store: notes in memory, changes, undo, revisions,
 *                  conflict copies
 *   notes_read.c   the file read and validated
 *   notes_file.c   opening the file, writing YAML, saving (under the lock,
 *                  merged with what is on disk)
 *   notes_import.c notes from W3C or Hypothesis JSON
 *   strtab.c       an index of strings by their text */
#ifndef BRIEF_NOTES_PRIV_H
#define BRIEF_NOTES_PRIV_H

#include <stddef.h>

#include "brief/notes/notes.h"

/* An index of strings by their text, kept beside an array the caller
 * owns: each slot holds 1 + a position in that array (0: empty); open
 * addressing, never more than half full. */
struct strtab {
	size_t *slot;
	size_t cap;           /* 0 or a power of two */
	size_t n;
};

/* The string at position i of the array arr. */
typedef const char *(*strtab_key)(const void *arr, size_t i);

/* The position in arr of the string k[0, kl), or SIZE_MAX. */
size_t strtab_find(const struct strtab *t, const char *k, size_t kl,
		   strtab_key key, const void *arr);
/* Add arr[at] (not in the index yet). */
void strtab_put(struct strtab *t, size_t at, strtab_key key, const void *arr);
/* Free the index (not the array); t is empty after. */
void strtab_free(struct strtab *t);

enum undo_kind { UNDO_ADD, UNDO_EDIT, UNDO_DELETE };

struct undo {
	enum undo_kind kind;
	char *id;
	char *text;           /* the text before an edit */
	char *after;          /* the text this session's change left */
};

struct notes {
	char *path;
	struct note *v;
	size_t n, cap;
	struct strtab ids;    /* of v, by id */
	struct ynode *extra;  /* top-level keys brief does not know */
	struct undo *u;
	size_t nu, ucap;
	size_t conflicts;     /* conflict copies made by the last change */
};

/* ---- notes_store.c ---- */

/* The id of note i of an array of notes (a strtab_key). */
const char *note_id_at(const void *arr, size_t i);
/* Free what a note holds and zero it. */
void note_clear(struct note *no);
/* dst (uninitialised) becomes a deep copy of src, based on its
 * revision. */
void note_copy(struct note *dst, const struct note *src);
/* The #tags of the note's text, and "conflict" for a conflict copy. */
void note_set_tags(struct note *no);
/* A fresh slot at the end of the store (zeroed); index it with
 * store_index_last once its id is set.  Moves ns->v. */
struct note *store_append(struct notes *ns);
void store_index_last(struct notes *ns);
/* A fresh note id, unique across stores and processes (the caller
 * frees it). */
char *store_new_id(void);
/* The time now, ISO 8601 UTC with milliseconds (the caller frees it). */
char *store_now_iso(void);
/* Keep the text of src (another process's) as a new note on the same
 * passages, marked as a conflict copy of src.  Moves ns->v. */
void store_conflict_copy(struct notes *ns, const struct note *src);

/* ---- notes_read.c ---- */

/* What a notes file holds. */
struct notes_disk {
	struct note *v;
	size_t n;
	struct ynode *extra;  /* its top-level keys brief does not know */
};

/* Read and validate the file as it is now into f: 0 (with no notes when
 * it does not exist), or -1 with e set ("FILE:LINE:COL: message").  Free
 * f with notes_disk_free. */
int notes_disk_read(const char *path, struct notes_disk *f,
		    struct err *e);
void notes_disk_free(struct notes_disk *f);

/* ---- notes_file.c ---- */

/* notes_save without counting conflicts afresh: under the lock, read the
 * file, merge it into the store, write it; 0, or -1 with e set. */
int notes_file_save(struct notes *ns, struct err *e);

#endif
