/* export: the analyst's notes of some articles as a Markdown briefing or
 * as YAML, each note with its passage(s) placed in the articles as they
 * are now (section and sentence), orphans listed apart. */
#ifndef BRIEF_EXPORT_H
#define BRIEF_EXPORT_H

#include <stdio.h>

#include "brief/text/library.h"
#include "brief/notes/notes.h"

/* Markdown, a section per report.  Returns 0, -1 on a write error. */
int export_markdown(FILE *f, struct notes *ns, const struct library *lib);
/* YAML: one document with the notes and where their passages stand. */
int export_yaml(FILE *f, struct notes *ns, const struct library *lib);

/* Where a passage stands in the loaded articles: the article index (or
 * -1 when none of them is its article) and, unless an orphan, its
 * range.  (A second way of placing notes beside the reader's: to give
 * way to the one placing function of src/notes/place.c when that
 * lands; this file then calls it instead.) */
struct placed {
	long article;
	enum anchor_fit fit;
	size_t start, end;
};
void export_place(const struct anchor *an, const struct library *lib,
		  struct placed *p);

#endif
