/* clip: what y copies -- a passage with its citation -- and the OSC 52
 * sequence that hands it to the terminal's clipboard.  No curses, no
 * terminal: the caller writes the bytes. */
#ifndef BRIEF_CLIP_H
#define BRIEF_CLIP_H

#include <stddef.h>

#include "brief/base/buf.h"
#include "brief/text/article.h"

/* Append bytes [s, e) of a's text as a quote, then a line citing it:
 * title, date, source, the § (1-based) and the page when known. */
void clip_cite(const struct article *a, size_t s, size_t e, struct buf *out);
/* Append the base64 (RFC 4648, padded) of n bytes of p. */
void clip_base64(const void *p, size_t n, struct buf *out);
/* Append the OSC 52 sequence that sets the clipboard to n bytes of p:
 * ESC ] 52 ; c ; BASE64 BEL.  The payload is base64, so no byte of p
 * reaches the terminal as itself. */
void clip_osc52(const void *p, size_t n, struct buf *out);

#endif
