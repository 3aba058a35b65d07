/* anchor: where a note is attached -- a text-quote selector (the exact
 * passage, some text before and after it) with the byte position as a
 * hint, as in the W3C Web Annotation model; and re-attaching it to an
 * article whose text may have changed.  No curses. */
#ifndef BRIEF_ANCHOR_H
#define BRIEF_ANCHOR_H

#include <stddef.h>

#include "brief/text/article.h"

/* Characters of context kept on each side of the quote. */
#define ANCHOR_CONTEXT 32
/* A passage longer than this is kept as its first ANCHOR_MAX_QUOTE bytes
 * (at most: cut at a character), its length and a hash of the whole, so
 * that a note on a very long sentence stays small in the notes file and
 * is placed again all the same. */
#define ANCHOR_MAX_QUOTE 4096
/* The largest position or length a notes file may give (2^48). */
#define ANCHOR_MAX_OFFSET ((size_t)1 << 48)

struct ynode;

struct anchor {
	char *article;        /* the article's id when the note was made */
	char *file;           /* its file name */
	char *quote;          /* the exact passage, or its first bytes */
	char *prefix;         /* up to ANCHOR_CONTEXT bytes before it */
	char *suffix;         /* and after it */
	size_t position;      /* byte offset of the quote (a hint) */
	size_t length;        /* 0, or the whole passage's length when quote
			       * holds only its first bytes */
	char hash[17];        /* then the hash_hex of the whole passage */
	struct ynode *extra;  /* keys of the file brief does not know (a
			       * mapping, or NULL), written back as read */
};

/* Fill an anchor for text[start, end) of article a (start <= end <=
 * a->len). */
void anchor_make(struct anchor *an, const struct article *a, size_t start,
		 size_t end);
void anchor_copy(struct anchor *dst, const struct anchor *src);
void anchor_clear(struct anchor *an);
/* The length of the whole passage (quote, or length when quote holds
 * only its first bytes). */
size_t anchor_length(const struct anchor *an);

enum anchor_fit {
	ANCHOR_EXACT,         /* same article, same place */
	ANCHOR_MOVED,         /* text changed; found again with confidence */
	ANCHOR_ORPHAN         /* cannot be placed with confidence */
};

/* Place the anchor in a: returns how, and the range when not an orphan. */
enum anchor_fit anchor_resolve(const struct anchor *an,
			       const struct article *a, size_t *start,
			       size_t *end);
/* Does this anchor belong to article a (by id, or else by file name)? */
int anchor_for(const struct anchor *an, const struct article *a);

#endif
