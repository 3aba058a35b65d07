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

#endif
