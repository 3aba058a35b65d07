/* trie: literal matching of many strings (the lexicon's aliases) at word
 * boundaries in one pass.  Curly and straight apostrophes match each
 * other, runs of white space match one space, and entries added with fold
 * match ASCII letters in any case.  The longest entry wins. */
#ifndef BRIEF_TRIE_H
#define BRIEF_TRIE_H

#include <stddef.h>
#include <stdint.h>

#include "brief/base/buf.h"
#include "brief/base/ser.h"

struct trie;

struct trie *trie_new(void);
void trie_free(struct trie *t);
/* Add s (n bytes) with value v.  An entry already present keeps its
 * first value; returns 0 then, 1 when added. */
int trie_add(struct trie *t, const char *s, size_t n, uint32_t v, int fold);
/* Number of entries. */
size_t trie_size(const struct trie *t);

/* Is the byte at text[pos] a word character (ASCII letter or digit, or a
 * non-ASCII letter)?  Used for word boundaries. */
int trie_word_at(const char *text, size_t len, size_t pos);
/* Is the character that ends just before pos a word character? */
int trie_word_before(const char *text, size_t pos);
/* Does a word go on across pos (a word character on both sides)? */
int trie_inside_word(const char *text, size_t len, size_t pos);
/* Does a word start at pos (pos is a word character and the one before
 * it is not)? */
int trie_word_start(const char *text, size_t pos, size_t len);

/* The longest entry that starts at text[pos] and ends at a word boundary:
 * returns its end offset and sets *v, or returns 0. */
size_t trie_match(const struct trie *t, const char *text, size_t len,
		  size_t pos, uint32_t *v);
/* The same among the entries added exactly, folded, or both. */
enum { TRIE_EXACT = 1, TRIE_FOLDED = 2 };
size_t trie_match_in(const struct trie *t, const char *text, size_t len,
		     size_t pos, unsigned modes, uint32_t *v);
/* A word's key: its first (up to four) letters or digits,
 * folded to lower case, with the count.  An entry can match at pos only
 * if its key equals trie_key(text, len, pos). */
uint64_t trie_key(const char *s, size_t n, size_t pos);
/* The keys of the entries added exactly (fold 0) or folded (with
 * repeats). */
const uint64_t *trie_keys(const struct trie *t, int fold, size_t *n);
/* The first bytes of each exact entry, as many as its key counts
 * (trie_raw), in the order of trie_keys(t, 0, ...). */
const uint32_t *trie_raw_keys(const struct trie *t);
/* The first bytes of s that a key of length field key_len covers,
 * packed little-endian. */
uint32_t trie_raw(const char *s, uint64_t key_len);
/* The node reached by reading n (1 to 4) bytes, packed little-endian,
 * in the exact (fold 0) or folded entries, or 0: for the bytes under a
 * key, every entry with that key passes through it. */
uint32_t trie_node_after(const struct trie *t, int fold, uint32_t bytes,
			 size_t n);
/* trie_match among the exact (fold 0) or folded entries, going on from
 * node (from trie_node_after) at text[pos], just after its bytes. */
size_t trie_match_from(const struct trie *t, int fold, uint32_t node,
		       const char *text, size_t len, size_t pos, uint32_t *v);
/* Can any entry start with this byte (fast rejection)? */
int trie_may_start(const struct trie *t, unsigned char c);
/* Can any entry start with the two bytes at text[pos] (faster
 * rejection)? */
int trie_may_start2(const struct trie *t, const char *text, size_t len,
		    size_t pos);

/* Append t to b (see ser.h), for trie_load. */
void trie_save(const struct trie *t, struct buf *b);
/* A trie read back from d, checked (every node and edge inside it), or
 * NULL with d->bad set.  The caller frees it with trie_free. */
struct trie *trie_load(struct deser *d);
/* The number of nodes (a node number from trie_node_after is below it). */
size_t trie_node_count(const struct trie *t);
/* Is every entry's value below limit (a loaded trie's values index
 * something)? */
int trie_values_below(const struct trie *t, uint32_t limit);

#endif
