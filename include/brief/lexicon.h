/* lexicon: entity definitions (actors and weapons with their aliases and
 * designation patterns) read from YAML files and merged.  It fills the
 * shared entity registry and a literal matcher for the aliases. */
#ifndef BRIEF_LEXICON_H
#define BRIEF_LEXICON_H

#include <stddef.h>

#include "brief/entity.h"
#include "brief/rx.h"
#include "brief/trie.h"
#include "brief/util.h"

struct lexicon {
	struct entities *reg;    /* shared; not owned */
	struct trie *aliases;    /* alias -> entity id */
	pcre2_code *designations; /* all patterns, each alternative marked
				   * with its index */
	uint32_t *pattern_entity; /* index -> entity id */
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
 * Returns 1 with [*ms, *me) and *entity set, 0 when there is none. */
int lexicon_next_pattern(const struct lexicon *lx, pcre2_match_data *md,
			 const char *text, size_t len, size_t start,
			 size_t *ms, size_t *me, uint32_t *entity);

#endif
