/* names_priv (private to src/compare/names*.c): the names found in two
 * reports while they are matched, and the passes that find them and
 * bring one name's forms together. */
#ifndef BRIEF_NAMES_PRIV_H
#define BRIEF_NAMES_PRIV_H

#include <stddef.h>
#include <stdint.h>

#include "brief/compare/names.h"

/* A name found in one report. */
struct cand {
	int side;
	size_t start, end;
	char *key;
	int nwords;
	int allcaps_head;  /* its first word is capitals only */
	int used;          /* counted for an entity */
};

/* A word of a report's story as the first pass read it: where it is,
 * its shape and its bits in the word set. */
struct cword {
	uint32_t start, end;
	uint16_t f, lf;
};

/* The words of one report's story, by sentence, kept from the first
 * pass for the second (when the text is short enough for 32-bit
 * offsets; else the second pass reads the text again). */
struct wcache {
	int ok;
	struct cword *w;
	size_t nw, capw;
	uint32_t *first;  /* per sentence: its first word in w */
	size_t ns, caps;
};

struct finder {
	const struct compare_rules *r;
	struct wcache cache[2];
	/* the words of the lists (L_CONN, L_STOP, L_TITLE) and of the
	 * reports (L_MIDCAP, L_LOWER) */
	struct wordset *words;
	struct cand *c;
	size_t nc, cap;
};

/* Find the names by their shape in the story of a[0] and a[1] (m[0],
 * m[1] their mentions) into fd->c: a first pass learns which words are
 * written in lower case or capitalised inside a sentence, a second
 * collects the names.  fd->r is set; fd->words is made here. */
void names_find(struct finder *fd, const struct article *const a[2],
		const struct mentions *const m[2]);

/* Bring the forms of one name together in fd's keys: an acronym and its
 * expansion, a name with and without the initials that open it, a
 * surname alone and the longer name that ends with it; a name that is
 * an entity counted (cnt) in the other report only counts for it (ents,
 * nents: the entities by key), and is marked used. */
void names_forms(struct finder *fd, const struct article *const a[2],
		 const struct name_entity *ents, size_t nents,
		 size_t (*cnt)[2]);

#endif
