/* entity: registry of entities with a hash index by name. */
#include "brief/mark/entity.h"

#include <stdlib.h>
#include <string.h>

#include "brief/base/util.h"

struct entities {
	struct entity *items;
	size_t n, cap;
	uint32_t *slots;     /* open addressing: id + 1, 0 = empty */
	size_t nslots;
	/* an overlay: base's ids below nbase, its own after them */
	const struct entities *base;
	size_t nbase;
	struct entities_call *calls; /* the interns base did not answer */
	size_t ncalls, callcap;
};

const char *category_name(enum category c)
{
	switch (c) {
	case CAT_ACTOR:
		return "actor";
	case CAT_WEAPON:
		return "weapon";
	case CAT_PLACE:
		return "place";
	default:
		return "figure";
	}
}

struct entities *entities_new(void)
{
	struct entities *r = xcalloc(1, sizeof *r);

	r->nslots = 1024;
	r->slots = xcalloc(r->nslots, sizeof *r->slots);
	return r;
}

void entities_free(struct entities *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < r->n; i++) {
		free(r->items[i].name);
		free(r->items[i].kind);
	}
	free(r->items);
	free(r->slots);
	entities_overlay_forget(r);
	free(r->calls);
	free(r);
}

struct entities *entities_overlay_new(const struct entities *base)
{
	struct entities *r = entities_new();

	r->base = base;
	r->nbase = base->n;
	return r;
}

size_t entities_overlay_calls(const struct entities *r,
			      const struct entities_call **v)
{
	*v = r->calls;
	return r->ncalls;
}

void entities_overlay_forget(struct entities *r)
{
	size_t i;

	for (i = 0; i < r->ncalls; i++)
		free(r->calls[i].kind);
	r->ncalls = 0;
}

static size_t slot_of(const struct entities *r, const char *name, size_t len)
{
	size_t mask = r->nslots - 1;
	size_t i = (size_t)hash_bytes(name, len) & mask;

	for (;;) {
		uint32_t v = r->slots[i];

		if (v == 0)
			return i;
		if (strlen(r->items[v - 1].name) == len &&
		    memcmp(r->items[v - 1].name, name, len) == 0)
			return i;
		i = (i + 1) & mask;
	}
}

static void rehash(struct entities *r)
{
	size_t i;

	free(r->slots);
	r->nslots *= 2;
	r->slots = xcalloc(r->nslots, sizeof *r->slots);
	for (i = 0; i < r->n; i++) {
		const char *nm = r->items[i].name;

		r->slots[slot_of(r, nm, strlen(nm))] = (uint32_t)i + 1;
	}
}

uint32_t entities_find(const struct entities *r, const char *name, size_t len)
{
	uint32_t v;

	if (r->base && (v = entities_find(r->base, name, len)) != ENTITY_NONE)
		return v;
	v = r->slots[slot_of(r, name, len)];
	return v ? v - 1 + (uint32_t)r->nbase : ENTITY_NONE;
}

uint32_t entities_intern(struct entities *r, const char *name, size_t len,
			 enum category cat, const char *kind, int from_rule)
{
	size_t s;
	struct entity *en;
	uint32_t id;

	if (r->base) {
		if ((id = entities_find(r->base, name, len)) != ENTITY_NONE)
			return id;
		id = r->slots[slot_of(r, name, len)];
		id = id ? id - 1 : (uint32_t)r->n;
		r->calls = xgrow(r->calls, &r->callcap, r->ncalls + 1,
				 sizeof *r->calls);
		r->calls[r->ncalls].id = id + (uint32_t)r->nbase;
		r->calls[r->ncalls].cat = cat;
		r->calls[r->ncalls].kind = kind ? xstrdup(kind) : NULL;
		r->calls[r->ncalls++].from_rule = from_rule;
	}
	s = slot_of(r, name, len);
	if (r->slots[s])
		return r->slots[s] - 1 + (uint32_t)r->nbase;
	r->items = xgrow(r->items, &r->cap, r->n + 1, sizeof *r->items);
	en = &r->items[r->n];
	en->name = xstrndup(name, len);
	en->cat = cat;
	en->kind = kind ? xstrdup(kind) : NULL;
	en->from_rule = from_rule;
	r->slots[s] = (uint32_t)r->n + 1;
	r->n++;
	if (r->n * 2 > r->nslots)
		rehash(r);
	return (uint32_t)(r->n - 1 + r->nbase);
}

size_t entities_count(const struct entities *r)
{
	return r->nbase + r->n;
}

const struct entity *entities_get(const struct entities *r, uint32_t id)
{
	if (id < r->nbase)
		return &r->base->items[id];
	id -= (uint32_t)r->nbase;
	return id < r->n ? &r->items[id] : NULL;
}

void entities_set_class(struct entities *r, uint32_t id, enum category cat,
			const char *kind)
{
	struct entity *en;
	char *k;

	if (id < r->nbase || id - r->nbase >= r->n)
		return;
	en = &r->items[id - r->nbase];
	k = kind ? xstrdup(kind) : NULL; /* kind may be en->kind */
	free(en->kind);
	en->kind = k;
	en->cat = cat;
}

void entities_save(const struct entities *r, struct buf *b)
{
	size_t i;

	ser_u64(b, r->n);
	for (i = 0; i < r->n; i++) {
		ser_str(b, r->items[i].name);
		ser_u32(b, (uint32_t)r->items[i].cat);
		ser_str(b, r->items[i].kind);
		ser_u32(b, (uint32_t)r->items[i].from_rule);
	}
}

struct entities *entities_load(struct deser *d)
{
	struct entities *r = entities_new();
	uint64_t n = deser_u64(d), i;

	/* each entity takes at least 24 bytes */
	deser_check(d, n <= (d->n - d->at) / 24);
	for (i = 0; i < n && !d->bad; i++) {
		char *name = deser_str(d), *kind;
		uint32_t cat = deser_u32(d), from;

		kind = deser_str(d);
		from = deser_u32(d);
		if (deser_check(d, name != NULL && cat < CAT_COUNT && from <= 1))
			deser_check(d, entities_intern(r, name, strlen(name),
						       (enum category)cat, kind,
						       (int)from) == i);
		free(name);
		free(kind);
	}
	if (d->bad) {
		entities_free(r);
		return NULL;
	}
	return r;
}
