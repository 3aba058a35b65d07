/* html: a web page (a saved page, a fragment, any charset the page
 * declares, broken markup) turned into the story's blocks and the page's
 * metadata.  libxml2's HTML parser reads it (never the network, never
 * script); the extractor scores blocks and containers with the weights
 * and hints of data/extract.yaml; JSON-LD is read with jansson.  No
 * curses, no printing; errors are "FILE: reason" in struct err. */
#ifndef BRIEF_HTML_H
#define BRIEF_HTML_H

#include <stddef.h>

#include "brief/base/util.h"
#include "brief/text/xdoc.h"

/* The extractor's weights, tag and class/id hints, stop words and
 * boilerplate phrases (data/extract.yaml), read and compiled once. */
struct extract_rules;

/* Load the rules from path.  NULL and e set ("FILE:LINE:COL: message",
 * or "FILE: reason") on error. */
struct extract_rules *extract_rules_load(const char *path, struct err *e);
/* The rules in effect: $XDG_CONFIG_HOME/brief/extract.yaml when it
 * exists, else the shipped data file. */
struct extract_rules *extract_rules_default(struct err *e);
/* The rules in effect, loaded the first time they are asked for and
 * kept until the process ends (shared; not to be freed): a run that
 * reads only plain text never reads them.  NULL and e on error (asked
 * again, they are read again). */
const struct extract_rules *extract_rules_shared(struct err *e);
void extract_rules_free(struct extract_rules *r);

/* Do these bytes look like HTML?  A doctype, <html, <head or <body near
 * the start (after a BOM, white space and comments), or a fragment that
 * opens with one of the common block tags (<p>, <div>, <article>, <h1>,
 * ...) and holds a few more tags.  Plain text with a stray <b> is not.
 * Returns 1 or 0. */
int html_sniff(const char *bytes, size_t len);

/* Parse and extract a page of len bytes (name is used in messages).
 * NULL and e set on error: "NAME: no article text found" when the page
 * holds no story, "NAME: too large" past INT_MAX bytes, "NAME:
 * elements nested too deeply" past libxml2's depth limit (256 levels:
 * HTML_PARSE_HUGE is never set), "NAME: cannot parse HTML".  Every walk
 * of the tree is iterative and linear in its size. */
struct xdoc *html_extract(const char *bytes, size_t len,
			      const char *name,
			      const struct extract_rules *rules,
			      struct err *e);


/* The charset to read bytes in: a BOM, else <meta charset> or <meta
 * http-equiv=Content-Type> among the first bytes (ISO-8859-1 and ASCII
 * read as windows-1252, as browsers do), else UTF-8 when the bytes are
 * valid UTF-8, else windows-1252.  A static string. */
const char *html_charset(const char *bytes, size_t len);

#endif
