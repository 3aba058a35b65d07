/* export_priv (private to src/report/export*.c): where the passages of
 * notes stand in the loaded articles, shared by the Markdown, YAML and
 * JSON exports. */
#ifndef BRIEF_EXPORT_PRIV_H
#define BRIEF_EXPORT_PRIV_H

#include <stdio.h>

#include <jansson.h>

#include "brief/notes/notes.h"
#include "brief/text/library.h"

/* Where a passage stands in the loaded articles (the one placing
 * function, place_find): the article index, or -1 when none of them is
 * its article, and unless an orphan its range. */
struct placed {
	long article;
	enum anchor_fit fit;
	size_t start, end;
};

void export_place(const struct anchor *an, const struct library *lib,
		  struct placed *p);
/* Is no a live note with a passage in one of the loaded articles (placed
 * or an orphan there)? */
int export_wanted(const struct note *no, const struct library *lib);

/* ---- export_json.c: what the W3C and Hypothesis exports share ---- */

/* A JSON string of s[0, n), its bytes that are not UTF-8 as U+FFFD. */
json_t *export_jstr(const char *s, size_t n);
/* What a target names: the article's URL, else its file. */
const char *export_source(const struct article *a);
/* The selectors of passage an: a TextQuoteSelector (exact, prefix,
 * suffix) and, when it is placed in a loaded article, a
 * TextPositionSelector counted in characters (code points). */
json_t *export_selectors(const struct anchor *an, const struct library *lib,
			 const struct placed *p);
/* Write root (which this takes) to f, indented; 0, or -1 on a write
 * error. */
int export_json_write(FILE *f, json_t *root);

#endif
