/* html_dom: what the html modules share: the parse into libxml2's tree,
 * text with its white space collapsed, attributes, the metadata reader.
 * Private to src/text/html_*.c. */
#ifndef BRIEF_HTML_DOM_H
#define BRIEF_HTML_DOM_H

#include <stddef.h>

#include "xml_lib.h"

#include "brief/base/util.h"
#include "brief/text/html.h"

/* Parse bytes (in html_charset's charset, which *charset is set to)
 * with recovery, no network, no messages.  NULL and e set ("NAME: too
 * large", "NAME: cannot parse HTML") on failure.  Free with
 * xmlFreeDoc. */
htmlDocPtr html_parse(const char *bytes, size_t len, const char *name,
		      const char **charset, struct err *e);

/* Append UTF-8 text s to b with every run of white space (Unicode
 * spaces and no-break spaces too) made one space, leading space dropped
 * when b is empty or ends in one; soft hyphens and zero-width
 * characters dropped.  *space tracks whether b ends in a space. */
void html_text_add(struct buf *b, const char *s, int *space);
/* b without a trailing space, as a fresh string (NULL when empty). */
char *html_text_take(struct buf *b);

/* The value of attribute name (NULL when absent); a fresh string the
 * caller frees with xmlFree. */
char *html_attr(xmlNode *n, const char *name);
/* Is n an element named tag (lower case)? */
int html_is(const xmlNode *n, const char *tag);

/* The next node in document order after n, within root (n's children
 * first unless skip_kids): an iterative walk, no recursion. */
xmlNode *html_next(xmlNode *n, const xmlNode *root, int skip_kids);

/* Read the page's metadata into m (which must be zeroed). */
void html_meta_read(htmlDocPtr doc, struct xmeta *m);
/* "YYYY-MM-DD" from a date as pages give it (ISO 8601, "YYYY/MM/DD",
 * "December 17, 2025", "17 Dec 2025"), or NULL. */
char *html_date_norm(const char *raw);

#endif
