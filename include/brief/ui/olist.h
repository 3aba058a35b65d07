/* olist: the list overlays (help, cross-references, entity index, article
 * picker): rows with a cursor, headings that cannot be selected, an
 * optional type-to-filter line.  The model is plain data; olist_draw is
 * the only part that uses curses. */
#ifndef BRIEF_OLIST_H
#define BRIEF_OLIST_H

#include <stddef.h>
#include <stdint.h>

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
};

enum { OLIST_NONE, OLIST_CLOSE, OLIST_ENTER, OLIST_CHANGED, OLIST_SORT };

struct olist *olist_new(const char *title, int filterable);
void olist_free(struct olist *o);
struct olist_row *olist_add(struct olist *o, const char *text, int heading);
void olist_set_footer(struct olist *o, const char *footer);
/* Recompute the visible rows from the filter (case-insensitive substring
 * of the row text; "#tag" works too). */
void olist_refilter(struct olist *o);
/* The selected row, or NULL. */
struct olist_row *olist_current(struct olist *o);
/* Handle a key; in a list that does not filter as one types, '/' starts
 * typing a filter and Enter or Esc ends it (a character when fn is 0, else a curses key code). */
int olist_key(struct olist *o, int key, int fn, int page);
/* Draw in the rectangle. */
void olist_draw(struct olist *o, int y, int x, int h, int w);

#endif
