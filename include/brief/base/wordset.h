/* wordset: a set of words without regard to ASCII case, each with a
 * set of flag bits; a word is looked up in constant time, without
 * copying it.  The set borrows the words' bytes: they must outlive it. */
#ifndef BRIEF_WORDSET_H
#define BRIEF_WORDSET_H

#include <stddef.h>

struct wordset;

/* An empty set; free it with wordset_free. */
struct wordset *wordset_new(void);
void wordset_free(struct wordset *ws);
/* Add the word s[0, n) with the bits flags (or them into the bits of the
 * word already there, whatever its case); returns the word's bits now.
 * flags must not be 0. */
unsigned wordset_add(struct wordset *ws, const char *s, size_t n,
		     unsigned flags);
/* The bits of the word s[0, n) in any ASCII case; 0 when it is absent. */
unsigned wordset_get(const struct wordset *ws, const char *s, size_t n);
/* The number of different words. */
size_t wordset_size(const struct wordset *ws);

#endif
