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

/* An overlay on base for a worker thread (mark/parallel.c): it reads base
 * (which must not change meanwhile) and adds new entities, numbered from
 * entities_count(base) on, to itself only.  Free with entities_free. */
struct entities *entities_overlay_new(const struct entities *base);

/* A call to entities_intern on an overlay that base did not answer. */
struct entities_call {
	uint32_t id;         /* the overlay's id it returned */
	enum category cat;   /* what was asked for */
	char *kind;
	int from_rule;
};

/* The calls since the last entities_overlay_forget, in order (owned by
 * r). */
size_t entities_overlay_calls(const struct entities *r,
			      const struct entities_call **v);
void entities_overlay_forget(struct entities *r);

const char *category_name(enum category c);

#endif
