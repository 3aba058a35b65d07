/* editor: the inline multi-line note editor.  The text and cursor are
 * plain data; editor_draw is the only part that uses curses. */
#ifndef BRIEF_EDITOR_H
#define BRIEF_EDITOR_H

#include <stddef.h>

#include "brief/base/util.h"

struct editor {
	struct buf text;      /* valid UTF-8, lines separated by '\n' */
	size_t cur;           /* byte offset of the cursor */
	char *title;          /* what the note is about */
	size_t top;           /* first shown line */
};

enum {
	EDIT_NONE,
	EDIT_SAVE,            /* Enter */
	EDIT_CANCEL,          /* Esc */
	EDIT_EXTERNAL,        /* Ctrl-X: open in $VISUAL/$EDITOR */
	EDIT_LINK             /* Ctrl-O: link a passage in the other report */
};

void editor_start(struct editor *ed, const char *title, const char *text);
void editor_free(struct editor *ed);
/* A key: a character (fn 0) or a curses key code (fn 1).  alt is set for
 * a key that came after Esc (Alt-Enter adds a line). */
int editor_key(struct editor *ed, int key, int fn, int alt, int width);
/* Replace the text (after the external editor); cursor at the end. */
void editor_set(struct editor *ed, const char *text);
/* Where the editor stands in rows of height h and width w: the cursor's
 * line, the first byte shown of it and the cursor's column there.  Also
 * scrolls ed->top so that the cursor's line is shown.  The cost grows with
 * the text up to the cursor, never with the square of a line's length. */
struct editor_view {
	size_t line;          /* the cursor's line, from 0 */
	size_t from;          /* the first byte shown on that line */
	int col;              /* the cursor's column on the screen */
};
void editor_view(struct editor *ed, int h, int w, struct editor_view *v);
/* Draw in rows [y, y+h) of the full width w. */
void editor_draw(struct editor *ed, int y, int h, int w);

#endif
