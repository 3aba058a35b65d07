/* rxstems: a prefilter for many patterns run over many short texts.
 * From a pattern that begins with \b and a literal word (or a group of
 * alternatives that each begin with one: \b(?:killed|deaths?)) it
 * derives the word beginnings one of which every match must start with
 * (killed, death); one pass over a text then tells which patterns may
 * match in it (a word of the text begins with one of their stems, case
 * ignored) and which cannot.  A pattern whose stems cannot be derived
 * may always match.  Words follow the ASCII rules of \b ([A-Za-z0-9_]).
 * A pattern with (* verbs is not read (they change where a search
 * goes on).  rxstems_free frees everything. */
#ifndef BRIEF_RXSTEMS_H
#define BRIEF_RXSTEMS_H

#include <stddef.h>
#include <stdint.h>

struct rxstems;

/* An empty set of patterns. */
struct rxstems *rxstems_new(void);
void rxstems_free(struct rxstems *s);

/* Add pattern p (NUL-terminated PCRE2 source) as pattern number id:
 * returns the number of stems derived, 0 when none could be (then the
 * pattern may always match). */
size_t rxstems_add(struct rxstems *s, const char *p, size_t id);

/* Were stems derived for pattern id (else it may match anywhere)? */
int rxstems_has(const struct rxstems *s, size_t id);

/* A word of a text that begins with a stem of pattern id. */
struct rxstems_hit {
	size_t id;
	size_t pos; /* where the word begins */
};

/* The words of text[0..len) that begin with a stem, by pattern then
 * position, into *v (grown as xgrow does: *cap; the caller frees it);
 * returns their count.  A match of pattern id (with stems) in text as
 * the subject starts where such a word begins.  SIZE_MAX when the text
 * holds a character that PCRE2 may fold to an ASCII letter (the Kelvin
 * sign, the long s): then any pattern may match anywhere. */
size_t rxstems_find(const struct rxstems *s, const char *text, size_t len,
		    struct rxstems_hit **v, size_t *cap);

/* The first of the n hits h (in rxstems_find's order) of pattern id at
 * or after pos: its index; else the index of a hit of a later pattern,
 * or n. */
size_t rxstems_first(const struct rxstems_hit *h, size_t n, size_t id,
		     size_t pos);

#endif
