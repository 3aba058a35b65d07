/* wordlist: the one loader of the word lists in brief's data files (a
 * YAML sequence of words) into a trie. */
#ifndef BRIEF_WORDLIST_H
#define BRIEF_WORDLIST_H

#include <stdint.h>

#include "brief/base/trie.h"
#include "brief/base/util.h"
#include "brief/yaml/yamlio.h"

/* Add the words of list l (the value of key in file name; NULL when the
 * key is absent: nothing to add) to t, matched in any case when fold;
 * the i-th word's value is first + i.  Returns 0, or -1 with e set to
 * "FILE:LINE:COL: 'KEY' must be a list of words" or "... a word is
 * expected" (an empty word included). */
int wordlist_load(struct trie *t, const char *name, const struct ynode *l,
		  const char *key, int fold, uint32_t first, struct err *e);
/* The same list as an array of fresh strings (*n of them, ASCII letters
 * lower-cased when lower; NULL-terminated; the caller frees each and the
 * array), checked and refused the same way.  An absent list gives
 * *out NULL and *n 0. */
int wordlist_strings(const char *name, const struct ynode *l,
		     const char *key, int lower, char ***out, size_t *n,
		     struct err *e);

#endif
