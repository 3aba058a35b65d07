/* visible: text made safe to print on a terminal.  Control characters
 * and bytes that are not UTF-8 are written in a visible form, as the
 * reader shows them, never sent raw: ^[ for a C0 control (^? for DEL),
 * <9B> for a C1 control (U+0080-U+009F) or a byte that is not UTF-8,
 * <U+202E> for the bidirectional overrides and other invisible format
 * characters (utf8_visible decides, for the reader and these alike).
 * No curses, no I/O beyond the FILE given. */
#ifndef BRIEF_VISIBLE_H
#define BRIEF_VISIBLE_H

#include <stddef.h>
#include <stdio.h>

#include "brief/base/utf8.h"
#include "brief/base/util.h"

/* What visible_add and visible_write keep as they are. */
enum {
	VISIBLE_KEEP_NL = 1,      /* line feeds */
	VISIBLE_KEEP_TAB = 2      /* tabs */
};

/* The visible form of the character at s (n > 0 bytes available):
 * writes it into out (NUL-terminated: the character itself when it is
 * printable, else "^[" or "<9B>") and returns the bytes of s it takes
 * (1..4). */
size_t visible_char(const char *s, size_t n, char out[UTF8_VISIBLE_MAX]);
/* Append the visible form of s[0, n) to b; keep is VISIBLE_KEEP_*. */
void visible_add(struct buf *b, const char *s, size_t n, int keep);
/* The visible form of a NUL-terminated string, fresh; the caller frees
 * it. */
char *visible_str(const char *s, int keep);
/* Write the visible form of s[0, n) to f; 0, or -1 on a write error. */
int visible_write(FILE *f, const char *s, size_t n, int keep);
/* Append s[0, n) to b as one field of a tab-separated line: a tab, a
 * line feed and a backslash become \t, \n and \\; every other control
 * byte, each byte of a C1 control and each byte that is not UTF-8 becomes
 * \xHH (lower-case hex), so that the field holds no control byte and
 * reads back to the same bytes; so does an invisible format character
 * such as U+202E. */
void visible_tsv(struct buf *b, const char *s, size_t n);

#endif
