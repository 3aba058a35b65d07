/* export: the analyst's notes of some articles as a Markdown briefing,
 * as YAML, as W3C Web Annotation JSON-LD or as Hypothesis JSON, each note with its passage(s) placed in the articles as they
 * are now (section and sentence), orphans listed apart. */
#ifndef BRIEF_EXPORT_H
#define BRIEF_EXPORT_H

#include <stdio.h>

#include "brief/text/library.h"
#include "brief/notes/notes.h"
#include "brief/notes/notes_import.h"

/* Markdown, a section per report.  Returns 0, -1 on a write error. */
int export_markdown(FILE *f, struct notes *ns, const struct library *lib);
/* YAML: one document with the notes and where their passages stand. */
int export_yaml(FILE *f, struct notes *ns, const struct library *lib);

/* W3C Web Annotation JSON-LD: a list of annotations, each with a
 * TextualBody (commenting) and one per tag (tagging), and a target per
 * passage (TextQuoteSelector; TextPositionSelector in characters when
 * placed).  Ids are NOTES_W3C_ID_PREFIX and the note's id. */
int export_w3c(FILE *f, struct notes *ns, const struct library *lib);
/* The JSON of the Hypothesis API: a list of annotations, one target
 * each; a linked note's second passage is an annotation of its own (id:
 * the note's and NOTES_LINKED_SUFFIX) whose references name the first. */
int export_hypothesis(FILE *f, struct notes *ns, const struct library *lib);

#endif
