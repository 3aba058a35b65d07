/* correct: the analyst's corrections to the marks, kept in one YAML file
 * that a team may share ($XDG_CONFIG_HOME/brief/corrections.yaml, or
 * --corrections FILE).  Each change is saved at once with the safety of
 * the notes (fileio: lock, the file read again and merged by id, a
 * temporary file, fsync, rename); keys brief does not know are kept; a
 * file that cannot be read is refused ("FILE:LINE:COL: ...") and never
 * written.  Applied to each section's mentions after the highlighter
 * chose them, in the file's order, so that a correction overrides the
 * shipped lexicon and the rules.  No curses. */
#ifndef BRIEF_CORRECT_H
#define BRIEF_CORRECT_H

#include <stddef.h>

#include "brief/mark/entity.h"
#include "brief/mark/highlight.h"
#include "brief/text/article.h"
#include "brief/base/util.h"

/* The corrections file version this brief writes; a newer one is
 * refused. */
#define CORRECTIONS_VERSION 1

enum corr_kind {
	CORR_RENAME,       /* the entity's canonical name becomes name */
	CORR_MERGE,        /* the entity is entity name (another one) */
	CORR_SPLIT,        /* this mention is a different entity, name */
	CORR_RECATEGORISE, /* category cat, kind ekind */
	CORR_DISMISS,      /* not an entity */
	CORR_ADD,          /* a missed entity: name, cat, ekind */
	CORR_NKINDS
};

/* One correction.  Which mentions it concerns: those of the article
 * (NULL: everywhere) that begin at offset (a byte of the article's text;
 * -1: any), read form (NULL: any) and name entity (NULL: any); at least
 * one of offset, form and entity is given (add: form).  Plain data, the
 * strings owned by the store. */
struct correction {
	char *id;
	enum corr_kind kind;
	char *article;       /* article_id, or NULL: everywhere */
	long long offset;    /* -1: any */
	char *form;          /* the surface form */
	char *entity;        /* the entity's canonical name */
	char *name;          /* rename, split, add: the new name; merge: the
			      * entity it is */
	int cat;             /* enum category, or -1: unchanged */
	char *ekind;         /* the entity's kind (state, person, ...) */
	char *created;       /* ISO 8601 UTC */
	char *author;        /* may be NULL */
	struct ynode *extra; /* keys brief does not know (a mapping) */
};

struct corrections;

/* The default file: $XDG_CONFIG_HOME/brief/corrections.yaml. */
char *corrections_default_path(void);
/* Open the file (a missing file is an empty store).  NULL and e on a file
 * that cannot be read or parsed ("FILE:LINE:COL: message"). */
struct corrections *corrections_open(const char *path, struct err *e);
/* An empty store that is never saved (NULL path): tests, defaults. */
void corrections_free(struct corrections *c);
const char *corrections_path(const struct corrections *c);

/* The corrections in effect, in the file's order. */
const struct correction *corrections_all(const struct corrections *c,
					 size_t *n);

/* Add a copy of x (its id and created are made here; author may be
 * NULL) and save at once: under the lock, the file is read again and the
 * other processes' corrections kept.  0, or -1 with e (nothing changed:
 * the file is refused or could not be written). */
int corrections_add(struct corrections *c, const struct correction *x,
		    struct err *e);
/* Remove the last correction this process added (never another
 * process's): 0, 1 when there is none, -1 with e. */
int corrections_undo(struct corrections *c, struct err *e);
/* Read the file again (other processes' corrections).  0 or -1 with e. */
int corrections_reload(struct corrections *c, struct err *e);

/* The store as its file holds it (YAML), appended to b. */
void corrections_write_yaml(const struct corrections *c, struct buf *b);

/* Names of the kinds ("rename", ...); -1 for an unknown name. */
const char *corrections_kind_name(enum corr_kind k);
int corrections_kind_parse(const char *s);
/* A category by name (actor, weapon, place); -1 otherwise. */
int corrections_cat_parse(const char *s);

/* Apply the corrections to the mentions ms->v[from, ms->n) of section sec
 * of a (the highlighter's output for that section), interning the new
 * names in reg.  A recategorisation of an entity everywhere changes the
 * entity in reg too (undone by corrections_reset). */
void corrections_apply(struct corrections *c, struct entities *reg,
		       const struct article *a, size_t sec,
		       struct mentions *ms, size_t from);
/* Give back the categories and kinds corrections_apply changed in reg
 * (before the mentions are made again after a change). */
void corrections_reset(struct corrections *c, struct entities *reg);

#endif
