/* shown_priv (private to src/compare/compare.c and shown.c): the form an
 * entity of the comparison is shown by. */
#ifndef BRIEF_SHOWN_PRIV_H
#define BRIEF_SHOWN_PRIV_H

#include <stddef.h>
#include <stdint.h>

#include "brief/compare/compare.h"

/* Fill the name of each of c's entities, in a fresh string freed by
 * compare_free: its registry name when a report writes it, when it is a
 * state ("Russia", never "Russian") or a class in lower case ("drones"),
 * else the form the two reports
 * write (a proper one; one both write, alone or inside a longer form;
 * the one written most; ordinary case before capitals; the longer; a
 * form after its state's possessive with it); an
 * entity no mention writes keeps its registry name.  rep[x]: the entity
 * whose row the mentions of entity x count for (ne entries). */
void shown_names(struct comparison *c, const struct entities *reg,
		 const uint32_t *rep, size_t ne);

/* The form of an entity as written at [s, e) of text, in a fresh string:
 * runs of white space as one space, without a leading "the" and a
 * possessive ending ("the Chinese Embassy's" is "Chinese Embassy"). */
char *shown_form(const char *text, size_t s, size_t e);

#endif
