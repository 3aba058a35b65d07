/* export_priv (private to src/report/export*.c): where the passages of
 * notes stand in the loaded articles, shared by the Markdown, YAML and
 * JSON exports. */
#ifndef BRIEF_EXPORT_PRIV_H
#define BRIEF_EXPORT_PRIV_H

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

#endif
