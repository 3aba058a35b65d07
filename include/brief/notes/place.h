/* place: where notes stand in the articles as they are now.  The one
 * rule of placing, for the reader and for the exports: an anchor belongs
 * to an article by id (or file name) and is found in its text again, or
 * it is an orphan.  No curses. */
#ifndef BRIEF_PLACE_H
#define BRIEF_PLACE_H

#include <stddef.h>

#include "brief/text/anchor.h"
#include "brief/text/article.h"
#include "brief/notes/notes.h"

/* A passage of a note in one article. */
struct note_place {
	size_t start, end;        /* the passage in the article's text */
	size_t note;              /* index into the array of notes_all */
};

/* Where anchor an stands in article a: ANCHOR_ORPHAN when it is not an
 * anchor of a or its passage is gone; else *start and *end are set. */
enum anchor_fit place_anchor(const struct anchor *an, const struct article *a,
			     size_t *start, size_t *end);

/* The first of the n articles that anchor an belongs to: its index, with
 * *fit, *start and *end as place_anchor sets them; -1 when it belongs to
 * none (*fit is then ANCHOR_ORPHAN, *start and *end 0). */
long place_find(const struct anchor *an, struct article *const *v, size_t n,
		enum anchor_fit *fit, size_t *start, size_t *end);

/* Every placed passage of the live notes of ns in article a (both of a
 * linked note's passages when both are there), sorted by start: *out
 * gets a fresh array (NULL when there is none), which the caller frees;
 * returns the count. */
size_t place_notes(struct notes *ns, const struct article *a,
		   struct note_place **out);

#endif
