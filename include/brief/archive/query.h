/* query: the archive's query language, read into a tree that a backend
 * turns into its own query (every value bound as a parameter, never
 * pasted into SQL).
 *
 *   words and "quoted phrases"     the text (title and story)
 *   entity:NAME  entity:"A B"      an entity (any category) by name
 *   actor: weapon: place:          an entity of that category
 *   category:weapon                articles with any mention of it
 *   source:AP                      the source contains it
 *   date:2024-01..2024-03          a date, month or year, or a range
 *                                  (either end may be left open)
 *   tag:NAME                       a note on the article has #NAME
 *   a AND b, a b, a OR b, NOT a, -a, ( ... )
 *
 * OR binds looser than AND; NOT applies to the next term. */
#ifndef BRIEF_QUERY_H
#define BRIEF_QUERY_H

#include "brief/base/util.h"
#include "brief/mark/entity.h"

enum aq_kind {
	AQ_TEXT,       /* value: a word or a phrase */
	AQ_ENTITY,     /* value: a name; cat, or CAT_COUNT for any */
	AQ_CATEGORY,   /* cat */
	AQ_SOURCE,     /* value */
	AQ_DATE,       /* value (from) and value2 (to), either may be "" */
	AQ_TAG,        /* value */
	AQ_AND,
	AQ_OR,
	AQ_NOT         /* left */
};

struct aq {
	enum aq_kind kind;
	char *value, *value2;
	enum category cat;
	struct aq *left, *right;
};

/* Read a query.  NULL and e set ("query: what is wrong at 'HERE'") when
 * it cannot be read, or is empty. */
struct aq *aq_parse(const char *s, struct err *e);
void aq_free(struct aq *q);

#endif
