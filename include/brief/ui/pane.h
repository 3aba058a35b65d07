/* pane: draws one article (a doc) into a rectangle of the screen: a
 * header with its title, date and source, then the wrapped text with its
 * mentions, the selection and search matches styled by theme role. */
#ifndef BRIEF_PANE_H
#define BRIEF_PANE_H

#include <stddef.h>
#include <stdint.h>

#include "brief/ui/doc.h"
#include "brief/notes/place.h"
#include "brief/text/search.h"

#define PANE_HEADER 2   /* rows above the text */
#define PANE_GUTTER 2   /* columns left of the text */

/* What drawing needs beyond the doc. */
struct pane_view {
	struct highlighter *h;
	uint32_t sel_entity;      /* ENTITY_NONE when nothing is selected */
	int sel_here;             /* the selected mention is in this doc */
	size_t sel_start, sel_end; /* a mention's, or a passage's when
				    * sel_entity is ENTITY_NONE */
	struct search *search;
	int has_cur;              /* the current search match is here */
	size_t cur_start, cur_end;
	int has_cursor;           /* the text cursor is drawn here */
	size_t cursor;
	int focused;
	const char *label;        /* "A", "B" */
	const struct note_place *notes; /* sorted by start */
	size_t nnotes;
	int numbers;              /* § numbers in the gutter */
};

/* Text rows available in a pane of height h. */
int pane_text_rows(int h);
/* Columns left of the text: PANE_GUTTER, or with § numbers (numbers
 * set) room for them too. */
int pane_gutter(const struct doc *d, int numbers);
/* Give d the text width of a pane w columns wide (before drawing or
 * measuring it). */
void pane_prepare(struct doc *d, int w, int numbers);
/* The screen cell where the text cursor was last drawn: 1 and *y, *x
 * when it was (pane_cursor_forget before a new screen). */
int pane_cursor_cell(int *y, int *x);
void pane_cursor_forget(void);
/* Draw d at (y, x), h rows by w columns. */
void pane_draw(struct doc *d, int y, int x, int h, int w,
	       const struct pane_view *v);
/* The byte offset under the cell at (row, col) relative to the pane's
 * origin, if it is text.  Returns 1 and sets *off. */
int pane_offset_at(struct doc *d, int h, int w, int row, int col,
		   size_t *off);

#endif
