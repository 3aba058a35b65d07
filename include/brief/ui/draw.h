/* draw: putting text on the screen safely: control characters and escape
 * sequences are shown visibly (^[ and the like), never sent to the
 * terminal; wide characters are measured. */
#ifndef BRIEF_DRAW_H
#define BRIEF_DRAW_H

#include <stddef.h>

/* Put up to cols columns of t[s, e) at the cursor with attributes attr;
 * returns the columns used. */
int draw_text(const char *t, size_t s, size_t e, int cols,
	      unsigned long attr);
/* cols blanks. */
void draw_fill(int cols, unsigned long attr);
/* The start of quote q in out (n bytes), on one line, cut to cols
 * columns with "…" when it goes on. */
void draw_excerpt(const char *q, char *out, size_t n, size_t cols);

#endif
