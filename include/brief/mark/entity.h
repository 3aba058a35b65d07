/* entity: the registry of entities (actors and weapons) shared by every
 * loaded article, so that one entity has one id across reports.  Entities
 * come from the lexicon and from rules (titled persons, organisations by
 * form, acronyms defined in the text). */
#ifndef BRIEF_ENTITY_H
#define BRIEF_ENTITY_H

#include <stddef.h>
#include <stdint.h>

#include "brief/base/ser.h"

/* A place (a sea, a strait, a region) is no actor: analysts mark who
 * acts, and compare where. */
enum category { CAT_ACTOR, CAT_WEAPON, CAT_FIGURE, CAT_PLACE, CAT_COUNT };

#define ENTITY_NONE UINT32_MAX

struct entity {
	char *name;          /* canonical name */
	enum category cat;
	char *kind;          /* person, state, ...; may be NULL */
	int from_rule;       /* found by a rule, not in the lexicon */
};

struct entities;

struct entities *entities_new(void);
void entities_free(struct entities *r);
/* The id of the entity called name, adding it if needed. */
uint32_t entities_intern(struct entities *r, const char *name, size_t len,
			 enum category cat, const char *kind, int from_rule);
/* The id of name, or ENTITY_NONE. */
uint32_t entities_find(const struct entities *r, const char *name,
		       size_t len);
size_t entities_count(const struct entities *r);
const struct entity *entities_get(const struct entities *r, uint32_t id);
/* Change an entity's category and kind (a correction); kind may be
 * NULL. */
void entities_set_class(struct entities *r, uint32_t id, enum category cat,
			const char *kind);
/* Append the registry to b (see ser.h). */
void entities_save(const struct entities *r, struct buf *b);
/* A registry read back from d, or NULL with d->bad set. */
struct entities *entities_load(struct deser *d);

const char *category_name(enum category c);

#endif
