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

/* Opaque: read it through the functions below. */
struct lexicon;

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
/* Append lx (without its registry) to b (see ser.h). */
void lexicon_save(const struct lexicon *lx, struct buf *b);
/* A lexicon read back from d over reg (the registry saved with it), or
 * NULL with d->bad set. */
struct lexicon *lexicon_load_saved(struct deser *d, struct entities *reg);

/* Find the next designation-pattern match at or after start in text.
 * Returns 1 with [*ms, *me) and *entity set, 0 when there is none.  *each
 * says that the match names an entity of its own, of the kind and
 * category of *entity. */
int lexicon_next_pattern(const struct lexicon *lx, pcre2_match_data *md,
			 const char *text, size_t len, size_t start,
			 size_t *ms, size_t *me, uint32_t *entity, int *each);

/* May a designation pattern begin at text[pos] (only when
 * lexicon_patterns_gated)? */
int lexicon_pattern_may(const struct lexicon *lx, const char *text,
			size_t len, size_t pos);

/* A designation-pattern match that begins at the word start pos (only
 * when lexicon_patterns_gated).  Returns 1 with *me and *entity set. */
int lexicon_pattern_at(const struct lexicon *lx, pcre2_match_data *md,
		       const char *text, size_t len, size_t pos, size_t *me,
		       uint32_t *entity, int *each);

/* The entity registry the lexicon fills (shared; not owned). */
struct entities *lexicon_registry(const struct lexicon *lx);
/* The literal aliases: alias -> entity id. */
const struct trie *lexicon_aliases(const struct lexicon *lx);
/* The aliases that name a seat of government ("Vienna"): the state,
 * except where the text names a place ("in Vienna"). */
const struct trie *lexicon_seats(const struct lexicon *lx);
/* Does every designation pattern begin with a literal letter or digit
 * (then lexicon_pattern_may and lexicon_pattern_at, else
 * lexicon_next_pattern)? */
int lexicon_patterns_gated(const struct lexicon *lx);
/* The literal aliases in file order: how many, and the i-th with its
 * entity id. */
size_t lexicon_alias_count(const struct lexicon *lx);
const char *lexicon_alias(const struct lexicon *lx, size_t i,
			  uint32_t *entity);

#endif
