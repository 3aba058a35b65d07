/* compare: two reports laid against each other -- entities only in one or
 * in both (and those much more prominent in one), figures for the same
 * thing side by side with their discrepancies, who said what, the topics
 * each report covers, and one timeline.  No curses. */
#ifndef BRIEF_COMPARE_H
#define BRIEF_COMPARE_H

#include <stdint.h>

#include "brief/text/article.h"
#include "brief/mark/highlight.h"
#include "brief/compare/figalign.h"
#include "brief/compare/names.h"
#include "brief/compare/quotes.h"
#include "brief/compare/timeline.h"
#include "brief/compare/topics.h"

struct compare_rules {
	struct quoterules *q;
	struct tlrules *tl;
	struct topics *topics;
	struct figrules_align *figs;
	double share_factor;
	int min_mentions;
	char ***same;            /* same_names: groups of lower-case names */
	size_t *nsame_len;       /* the size of each group */
	size_t nsame;
	struct ctx_name *ctx;    /* contextual_names */
	size_t nctx;
	struct name_rules names; /* unmarked names: name_stops,
				  * name_connectors, name_tails */
};

/* A form that names an entity only in context: "the North" means North
 * Korea in a report that names one of `when`. */
struct ctx_name {
	char *form;
	char *means;
	char **when;
	size_t nwhen;
};

/* Load data/compare.yaml, figures.yaml beside it and a topics file
 * (NULL paths: the defaults). */
struct compare_rules *compare_rules_load(const char *path,
					 const char *topics_path,
					 struct err *e);
void compare_rules_free(struct compare_rules *r);

struct cmp_entity {
	uint32_t entity;         /* the canonical entity: what is one */
	char *name;              /* the form the reports write most, to show
				  * (owned by the comparison) */
	size_t count[2];
	int prominent;           /* 0, or 1 + the side where it stands out */
};

struct cmp_figure {
	uint32_t counts;         /* what it counts (a CAT_FIGURE entity) */
	int side;                /* 0 = A, 1 = B */
	const struct mention *m;
	const struct figure *f;
	size_t group;            /* index into comparison.groups */
	int discrepancy;         /* no figure of the other side agrees */
};

struct cmp_side {
	const struct article *a;
	const struct mentions *m;
	struct quote *q;
	size_t nq;
	struct tl_event *tl;
	size_t ntl;
	uint64_t *topics;        /* per section: a bit per topic */
	struct topic_hit *th;    /* the sentences on a topic (topics_find) */
	size_t nth;
};

struct comparison {
	struct cmp_side side[2];
	struct cmp_entity *ents; /* by category, then name */
	size_t nents;
	struct cmp_figure *figs; /* by group, then side, then text */
	size_t nfigs;
	struct fa_group *groups; /* figures counting the same thing */
	size_t ngroups;
	struct cmp_name *names;  /* unmarked names written in both reports,
				  * by key (category "name") */
	size_t nnames;
};

struct comparison *compare_run(const struct compare_rules *r,
			       const struct entities *reg,
			       const struct article *a,
			       const struct mentions *ma,
			       const struct article *b,
			       const struct mentions *mb);
void compare_free(struct comparison *c);

/* The key under which an entity's name is matched across reports, in a
 * fresh string: lower case, a leading "the" and possessives dropped, a
 * name of a same_names group at its start replaced by the group's first
 * ("U.S. military" and "United States military" are one). */
char *compare_entity_key(const struct compare_rules *r, const char *name);

/* The quotes of both reports as rows, one per statement (quotes_rows):
 * a fresh array of *n rows; the caller frees it. */
struct quote_row *compare_quote_rows(const struct comparison *c, size_t *n);

/* Do two figures disagree (their values cannot both hold)? */
int compare_disagree(const struct figure *x, const struct figure *y);

#endif
