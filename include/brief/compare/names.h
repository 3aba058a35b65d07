/* names: proper names that neither the lexicon nor a rule marks, found by
 * their shape -- capitalised word sequences in a report's story, with
 * connectors inside ("Ministry of Education", "National Museum of Asian
 * Art") -- and matched across the two reports of a comparison: a
 * defined acronym is its expansion, a trailing generic word ("party",
 * "island") or a generational suffix ("III") is set aside, a surname or a
 * ship's name alone is the one longer name that ends with it.  No
 * curses. */
#ifndef BRIEF_NAMES_H
#define BRIEF_NAMES_H

#include <stddef.h>
#include <stdint.h>

#include "brief/text/article.h"
#include "brief/mark/highlight.h"

/* The words that shape names, from data/compare.yaml: never a name
 * (months, weekdays), connectors inside a name, trailing words set
 * aside when matching, titles (no part of a name).  All lower case. */
struct name_rules {
	char **stops;
	size_t nstops;
	char **connectors;
	size_t nconnectors;
	char **tails;
	size_t ntails;
	char **titles;
	size_t ntitles;
};

/* A name written in both reports: a fresh display form, its count in
 * each and where it is first written in each. */
struct cmp_name {
	char *name;
	size_t count[2];
	struct span at[2];
};

/* An entity the comparison already counts, by its key (see
 * compare_entity_key): a name of a report whose key is this key (or
 * this key with a trailing word set aside) counts for the entity. */
struct name_entity {
	const char *key;
	uint32_t id;
};

struct compare_rules;

/* Match the unmarked names of the reports a[0], a[1] (their mentions
 * m[0], m[1]): a name that is an entity of ents (nents of them) adds to
 * cnt[id][side] when the entity is counted in the other report only;
 * the other names written in both reports are returned in *out (a
 * fresh array the caller frees with names_free), their number
 * returned. */
size_t names_match(const struct compare_rules *r,
		   const struct article *const a[2],
		   const struct mentions *const m[2],
		   const struct name_entity *ents, size_t nents,
		   size_t (*cnt)[2], struct cmp_name **out);

/* The key of a name: compare_entity_key of its words with runs of
 * space as one, then trailing words of r->names.tails set aside while
 * two words or more remain; a fresh string. */
char *names_key(const struct compare_rules *r, const char *s, size_t n);

void names_free(struct cmp_name *v, size_t n);

/* Drop the words of r->names.titles that open key, a person's key, in
 * place, while a word remains ("chef jose andres": "jose andres"). */
void names_drop_titles(const struct compare_rules *r, char *key);
/* Drop every possessive ending ("'s", "’s") of the words of d, in place. */
void names_drop_possessives(char *d);

/* The acronym defined in brackets right after a name ending at t[end]
 * ("Southern African Development Community (SADC)", the bracket on the
 * same line or the next): copied as written into acr (size bytes with
 * its NUL), *acr_end (may be NULL) set past the closing bracket; 0 when
 * none (two capitals at least, digits after the first). */
int names_acronym_after(const char *t, size_t len, size_t end, char *acr,
			size_t size, size_t *acr_end);

/* Sort a word list of struct name_rules for its lookups (without regard
 * to case); the loader calls it once. */
void names_sort_list(char **l, size_t n);

#endif
