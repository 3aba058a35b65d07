/* quotes: quoted statements in an article (curly and straight quotes,
 * robust to unbalanced marks) and who said them, from the attribution
 * around them: "Kim said", "said Kim", "Kim called … “…”", "he said" (the
 * last person named), "according to …", a name nothing marks by its
 * shape ("chair Asel Beishenova told"), a description ("the command
 * said") resolved to the body or person named before it fits; else
 * unattributed.  No curses. */
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

/* One statement in the comparison: quoted in A, in B, or in both. */
struct quote_row {
	const struct quote *q[2];   /* in A, in B; NULL where not quoted */
};

/* Are x and y (nx, ny bytes of UTF-8) the same statement: the shorter's
 * words, in order and in any case, are 4 in 5 of the longer's (or all of
 * them: one quote inside the other); a quote of fewer than 4 words only
 * matches the same words. */
int quotes_same(const char *x, size_t nx, const char *y, size_t ny);

/* The quotes of A (a, na, in text ta) and B (b, nb, in tb) as rows: each
 * quote of A with the quote of B that is the same statement, if any, and
 * the rest alone; ordered by the row's speaker, then report A before B,
 * then place in the text.  A fresh array of *n rows pointing into a and
 * b (never NULL); the caller frees it. */
struct quote_row *quotes_rows(const struct quote *a, size_t na,
			      const char *ta, const struct quote *b,
			      size_t nb, const char *tb, size_t *n);

/* The speaker of a row: A's, unless A's is unattributed or absent. */
const char *quote_row_speaker(const struct quote_row *r);

/* Do the two reports attribute the row's statement to different
 * speakers (both named)? */
int quote_row_speakers_differ(const struct quote_row *r);

/* The quote whose words show the row: the longer one (A's when they are
 * as long); *side is its report (0 = A, 1 = B). */
const struct quote *quote_row_text(const struct quote_row *r, int *side);

#endif
