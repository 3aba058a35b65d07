/* wrap: breaks a paragraph into display lines of a given width, at word
 * boundaries, measuring UTF-8 and wide characters (and control characters
 * in their visible ^X form).  No curses. */
#ifndef BRIEF_WRAP_H
#define BRIEF_WRAP_H

#include <stddef.h>

/* Break text[s, e) into lines of at most width columns.  Writes up to
 * max line start offsets into starts (may be NULL) and returns the number
 * of lines (at least 1).  A word longer than the width is broken between
 * characters, never inside one. */
size_t wrap_lines(const char *text, size_t s, size_t e, int width,
		  size_t *starts, size_t max);

/* Display width of one character at text[i] (i < e); *len gets its
 * byte length.  Line breaks and tabs count as one space. */
int wrap_char_width(const char *text, size_t i, size_t e, size_t *len);

#endif
