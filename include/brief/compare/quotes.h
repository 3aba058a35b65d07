/* quotes: quoted statements in an article (curly and straight quotes,
 * robust to unbalanced marks) and who said them, from the attribution
 * around them: "Kim said", "said Kim", "Kim called … “…”", "he said" (the
 * last person named), "according to …"; else unattributed.  No curses. */
#ifndef BRIEF_QUOTES_H
#define BRIEF_QUOTES_H

#include <stddef.h>
#include <stdint.h>

#include "brief/text/article.h"
#include "brief/mark/highlight.h"
#include "brief/yaml/yamlio.h"

struct quote {
	size_t start, end;      /* the words inside the marks */
	size_t section;
	int report;             /* set by the caller (which report) */
	uint32_t speaker;       /* an entity, or ENTITY_NONE */
	char *speaker_text;     /* the speaker's name as shown */
};

struct quoterules;

struct quoterules *quoterules_load(const struct ynode *root, const char *name,
				   struct err *e);
void quoterules_free(struct quoterules *r);

/* The quotes of a, given its mentions (all sections, in order). */
void quotes_find(const struct quoterules *r, const struct article *a,
		 const struct mentions *m, const struct entities *reg,
		 struct quote **out, size_t *n);
void quotes_free(struct quote *q, size_t n);

/* The quotes of both reports (a, na and b, nb, their report fields set)
 * grouped by speaker: by the speaker's name as shown, then report A
 * before B, then their place in the text.  A fresh array of *n pointers
 * into a and b (never NULL); the caller frees the array. */
const struct quote **quotes_by_speaker(const struct quote *a, size_t na,
				       const struct quote *b, size_t nb,
				       size_t *n);

#endif
