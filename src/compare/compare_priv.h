/* compare_priv (private to src/compare/compare*.c): what the parts of the
 * comparison share -- the cache of the entities' keys and the steps that
 * count an entity's mentions in each report before the rows are made. */
#ifndef BRIEF_COMPARE_PRIV_H
#define BRIEF_COMPARE_PRIV_H

#include <stddef.h>
#include <stdint.h>

#include "brief/base/startidx.h"
#include "brief/compare/compare.h"

/* The keys of the registry's entities, each computed once. */
struct keycache {
	const struct compare_rules *r;
	const struct entities *reg;
	char **k;
	size_t n;
	uint32_t *rep;          /* the row each entity counts for */
	struct startidx *ix[2]; /* where words may begin, by side */
	int indexed[2];         /* ix[s] made (it may be NULL) */
	struct counted {        /* the forms counted so far */
		int side;
		char *form;
		size_t hits;
	} *counted;
	size_t ncounted, capcounted;
};

/* Is en of the kind kind ("person", "state", "ship")? */
int cmp_is_kind(const struct entity *en, const char *kind);

/* Is en an actor that may be a person (a person, or of no kind)? */
int cmp_is_person_like(const struct entity *en);

/* An entity's key (compare_entity_key), computed once and kept in kc; a
 * person's without the titles that open it ("Chef José Andrés" is "jose
 * andres"). */
const char *cmp_key_of(struct keycache *kc, uint32_t id);

/* Does the word w (n bytes) name the state whose key is sk: the key
 * itself, or its demonym ("nicaraguan", "chinese", "iranian")? */
int cmp_names_state(const char *w, size_t n, const char *sk);

/* Entities whose names have one key are one: the counts of each group go
 * to its most mentioned member (kc->rep of each names it).  ne: the
 * entities; cnt[x][s]: the mentions of x in report s. */
void cmp_merge_by_key(struct keycache *kc, size_t ne, size_t (*cnt)[2]);

/* How often form stands in the text of side s of c as words of their
 * own, outside every mention; each form counted once (kept in kc). */
size_t cmp_count_form(struct keycache *kc, const struct comparison *c,
		      int s, const char *form);

/* contextual_names: each form counts for the entity it means in a report
 * that names one of its `when`. */
void cmp_add_contextual(struct keycache *kc, const struct comparison *c,
			size_t (*cnt)[2]);

/* A name defined with an acronym in one report counts where the other
 * writes the acronym alone, or opening the name of one of its bodies. */
void cmp_add_acronyms(struct keycache *kc, const struct comparison *c,
		      size_t (*cnt)[2]);

/* A person or a ship named in full in one report only counts where the
 * other writes its short form alone, unmarked. */
void cmp_add_short_forms(struct keycache *kc, const struct comparison *c,
			 size_t (*cnt)[2]);

/* A state's institution: the state counts where only its institution is
 * named, and the institution where the other report writes it without
 * its state. */
void cmp_add_state_institutions(struct keycache *kc,
				const struct comparison *c,
				size_t (*cnt)[2]);

/* An institution named in full in one report only counts where the
 * other writes "the" and its name without the first word, in lower
 * case. */
void cmp_add_descriptions(struct keycache *kc, const struct comparison *c,
			  size_t (*cnt)[2]);

/* A state's institution named in full in one report only counts where
 * the other names it after the state by its lower-case description. */
void cmp_add_state_descriptions(struct keycache *kc,
				const struct comparison *c,
				size_t (*cnt)[2]);

/* The place a report's dateline or line of a place and a date names is a
 * mention of it, when the other report names it. */
void cmp_add_places(struct keycache *kc, const struct comparison *c,
		    size_t (*cnt)[2]);

/* A place named in one report only counts where the other writes it as
 * the seat standing for its state. */
void cmp_add_seat_mentions(struct keycache *kc, const struct comparison *c,
			   size_t (*cnt)[2]);

/* An entity named in one report's text only is in the other as well
 * when the other's title from front matter (not in its text) names it. */
void cmp_add_titles(struct keycache *kc, const struct comparison *c,
		    size_t (*cnt)[2]);

/* Names that nothing marks (names_match): those of an entity counted in
 * one report count for it; the others written in both fill c->names. */
void cmp_add_names(struct keycache *kc, struct comparison *c,
		   size_t (*cnt)[2]);

/* The place a report's dateline names that the other report writes only
 * as the seat standing for its state is added to c->names. */
void cmp_add_seat_places(struct keycache *kc, struct comparison *c,
			 size_t (*cnt)[2]);

/* Group c's figures by meaning (figalign) and mark the discrepancies. */
void cmp_align_figures(const struct compare_rules *r,
		       const struct entities *reg, struct comparison *c);

#endif
