/* olist: the list overlays (help, cross-references, entity index, article
 * picker): rows with a cursor, headings that cannot be selected, an
 * optional type-to-filter line.  The model is plain data; olist_draw is
 * the only part that uses curses. */
#ifndef BRIEF_OLIST_H
#define BRIEF_OLIST_H

#include <stddef.h>
#include <stdint.h>

#include "brief/base/buf.h"

struct olist_row {
	char *text;
	int heading;          /* a group heading: not selectable */
	int highlight_from;   /* bytes of text to emphasise, or -1 */
	int highlight_to;
	/* what Enter means for this row (the owner decides) */
	size_t doc;
	size_t start, end;
	uint32_t entity;
	long key[4];          /* sort keys (counts), owner-defined */
	char *note;           /* a note's id */
	/* Up to two parts of text (a name and the blanks that pad it) that
	 * give way, the first one first, when the list is wider than the
	 * screen: each is narrowed by as many columns in every row (so that
	 * the columns after it stay aligned), a name cut ending in "…", down
	 * to OLIST_CUT_MIN columns; what follows (counts, a file name) stays
	 * in view.  to 0: none. */
	struct olist_cut {
		size_t from, to;
	} cut[2];
};

struct olist {
	char *title;
	struct olist_row *rows;
	size_t n, cap;
	size_t *vis;          /* rows shown after filtering, in order */
	size_t nvis;
	size_t cur;           /* index into vis */
	size_t top;
	int filterable;       /* typing filters at once */
	int typing;           /* '/' started typing a filter */
	char filter[256];
	char *footer;
	int at_y, at_x, at_h, at_w; /* where it was last drawn (for the mouse) */
};

enum { OLIST_NONE, OLIST_CLOSE, OLIST_ENTER, OLIST_CHANGED, OLIST_SORT };
/* What the mouse did over a list. */
enum olist_pointer { OLIST_CLICK, OLIST_WHEEL_UP, OLIST_WHEEL_DOWN };

struct olist *olist_new(const char *title, int filterable);
void olist_free(struct olist *o);
struct olist_row *olist_add(struct olist *o, const char *text, int heading);
void olist_set_footer(struct olist *o, const char *footer);
#define OLIST_CUT_MIN 6
/* Let bytes [from, to) of r's text give way when the list is too wide
 * (see cut; the first free one of the two). */
void olist_row_cut_at(struct olist_row *r, size_t from, size_t to);
/* The same for the first occurrence of field in r's text, padded to
 * width bytes as printf's %-*s pads it. */
void olist_row_cut(struct olist_row *r, const char *field, size_t width);
/* Append s to b in cols columns (as shown): padded with blanks, or cut
 * with "…" when longer. */
void olist_pad(struct buf *b, const char *s, size_t cols);
/* A column's width: w widened to the columns s takes, at most max. */
size_t olist_widest(size_t w, const char *s, size_t max);
/* Recompute the visible rows from the filter (case-insensitive substring
 * of the row text; "#tag" works too). */
void olist_refilter(struct olist *o);
/* The selected row, or NULL. */
struct olist_row *olist_current(struct olist *o);
/* Handle a key; in a list that does not filter as one types, '/' starts
 * typing a filter and Enter or Esc ends it (a character when fn is 0, else a curses key code). */
int olist_key(struct olist *o, int key, int fn, int page);
/* The mouse at screen cell (y, x): a click on a row selects it
 * (OLIST_CHANGED), a click on the selected row is Enter (OLIST_ENTER),
 * the wheel scrolls the list (OLIST_CHANGED); else OLIST_NONE.  Uses the
 * place of the last olist_draw. */
int olist_mouse(struct olist *o, int y, int x, enum olist_pointer what);
/* Draw in the rectangle. */
void olist_draw(struct olist *o, int y, int x, int h, int w);

#endif
