/* figalign: figures of two reports aligned by meaning.  Each figure gets
 * what it counts as a normalised head (modifiers set aside, synonyms
 * folded to one name, a unit converted to its base), its value as an
 * interval in that base, and a group: figures of one group count the same
 * thing in the same sense.  The words come from data/figures.yaml.
 * Plain data in, no reader structures.  No curses. */
#ifndef BRIEF_FIGALIGN_H
#define BRIEF_FIGALIGN_H

#include <stddef.h>

#include "brief/base/util.h"
#include "brief/mark/figure.h"

struct figrules_align;

/* Load the figure alignment rules (NULL path: data/figures.yaml, the
 * user's copy first).  NULL with e set on a bad file. */
struct figrules_align *figalign_rules_load(const char *path, struct err *e);
void figalign_rules_free(struct figrules_align *r);

/* What a figure counts, read from its counted phrase. */
struct fa_meaning {
	char head[64];           /* "ballistic missiles", "troops", "km" */
	char kind[64];           /* the modifiers set aside: "short-range" */
	const char *unit;        /* base unit ("km", "t", "USD"), or NULL */
	double lo, hi;           /* the value's interval in that unit */
};

/* Read figure f counting phrase counts (may be NULL) into *m. */
void figalign_meaning(const struct figrules_align *r, const char *counts,
		      const struct figure *f, struct fa_meaning *m);

/* One figure to align: filled by the caller, except the results. */
struct fa_fig {
	int side;                /* 0 = A, 1 = B */
	const char *counts;      /* what it counts (a word), or NULL */
	const char *phrase;      /* the counted phrase as written (not */
	size_t phrase_len;       /* NUL-terminated), or NULL: a unit in */
				 /* words ("nautical miles") */
	const struct figure *f;
	const char *sent;        /* the sentence it stands in */
	size_t sent_len;
	size_t at;               /* the figure's offset in the sentence */
	char actor[64];          /* who the sentence tells of: its actor */
				 /* nearest the figure (a key), or "" */
	char when[16];           /* the day its sentence names ("12-19"), */
				 /* or "" */
	/* results */
	struct fa_meaning mean;
	size_t group;            /* index into the groups */
	int discrepancy;         /* no figure of the other side agrees */
};

/* A group of aligned figures. */
struct fa_group {
	char counts[128];        /* "ballistic missiles", "troops (deployed)" */
	const char *unit;        /* base unit, or NULL */
	int disagree;            /* some figure of it has a discrepancy */
};

/* Align v[0..n): fill each figure's meaning, group and discrepancy, and
 * return the groups (*ng of them, sorted by name; the caller frees the
 * array). */
struct fa_group *figalign_run(const struct figrules_align *r,
			      struct fa_fig *v, size_t n, size_t *ng);

/* Can intervals [xl, xh] and [yl, yh] not both hold? */
int figalign_disjoint(double xl, double xh, double yl, double yh);

#endif
