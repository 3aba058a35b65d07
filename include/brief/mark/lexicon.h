/* lexicon: entity definitions (actors and weapons with their aliases and
 * designation patterns) read from YAML files and merged.  It fills the
 * shared entity registry and a literal matcher for the aliases. */
#ifndef BRIEF_LEXICON_H
#define BRIEF_LEXICON_H

#include <stddef.h>

#include "brief/mark/entity.h"
#include "brief/base/rx.h"
#include "brief/yaml/rx_node.h"
#include "brief/base/trie.h"
#include "brief/base/util.h"

struct lexicon {
	struct entities *reg;    /* shared; not owned */
	struct trie *aliases;    /* alias -> entity id */
	struct trie *seats;      /* the aliases that name a seat of
				  * government ("Vienna"): the state, except
				  * where the text names a place ("in
				  * Vienna") */
	pcre2_code *designations; /* all patterns, each alternative marked
				   * with its index */
	pcre2_code *designations_at; /* the same, anchored: tried only at
				      * word starts that may begin one */
	unsigned char pattern_first[256]; /* bytes a pattern begins with:
					   * 1 = any second byte, 2 = see
					   * pattern_pair */
	unsigned char pattern_pair[8192]; /* bit (a << 8 | b): a pattern
					   * begins with the bytes a, b */
	int patterns_gated;      /* every pattern begins with a literal
				  * letter or digit (designations_at) */
	uint32_t *pattern_entity; /* index -> entity id */
	unsigned char *pattern_each; /* index -> each match is an entity of
				      * its own (named ships: each_match) */
	size_t npatterns;
	struct buf combined;     /* the combined pattern's text */
	char **alias_text;       /* every literal alias, in file order */
	uint32_t *alias_entity;
	size_t naliases, alias_cap;
};

/* Load and merge lexicon files in order into reg.  Entities with the same
 * name merge their aliases; an alias keeps the entity that first claimed
 * it.  NULL and e ("FILE:LINE:COL: message") on error. */
struct lexicon *lexicon_load(char *const *paths, size_t n,
			     struct entities *reg, struct err *e);
/* The files in effect: the --lexicon files if any were given, else the
 * shipped lexicon plus $XDG_CONFIG_HOME/brief/lexicon.yaml if present.
 * Returns a NULL-terminated list to free with lexicon_paths_free. */
char **lexicon_default_paths(char *const *given, size_t ngiven);
void lexicon_paths_free(char **paths);
void lexicon_free(struct lexicon *lx);

/* Find the next designation-pattern match at or after start in text.
 * Returns 1 with [*ms, *me) and *entity set, 0 when there is none.  *each
 * says that the match names an entity of its own, of the kind and
 * category of *entity. */
int lexicon_next_pattern(const struct lexicon *lx, pcre2_match_data *md,
			 const char *text, size_t len, size_t start,
			 size_t *ms, size_t *me, uint32_t *entity, int *each);

/* May a designation pattern begin at text[pos] (only when
 * patterns_gated)? */
static inline int lexicon_pattern_may(const struct lexicon *lx,
				      const char *text, size_t len, size_t pos)
{
	unsigned a = (unsigned char)text[pos], b, k;

	if (lx->pattern_first[a] != 2)
		return lx->pattern_first[a];
	b = pos + 1 < len ? (unsigned char)text[pos + 1] : 0;
	k = a << 8 | b;
	return lx->pattern_pair[k >> 3] >> (k & 7) & 1;
}

/* A designation-pattern match that begins at the word start pos (only
 * when patterns_gated).  Returns 1 with *me and *entity set. */
int lexicon_pattern_at(const struct lexicon *lx, pcre2_match_data *md,
		       const char *text, size_t len, size_t pos, size_t *me,
		       uint32_t *entity, int *each);

#endif
