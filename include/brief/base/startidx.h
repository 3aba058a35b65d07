/* startidx: where in a text a word begins with an ASCII letter or digit
 * -- every such position that no word character precedes (trie_word_at
 * rules) -- grouped by the two
 * bytes found there (the first with ASCII case folded: | 0x20), so that
 * the places of a word in a long text are looked up, not searched for.
 * Built once per text; startidx_free frees it. */
#ifndef BRIEF_STARTIDX_H
#define BRIEF_STARTIDX_H

#include <stddef.h>
#include <stdint.h>

struct startidx;

/* The index of text[0..len) (text must outlive it); NULL when the text
 * is too long for 32-bit positions. */
struct startidx *startidx_new(const char *text, size_t len);
void startidx_free(struct startidx *x);

/* The positions p, ascending, where (text[p] | 0x20) == (c0 | 0x20) and
 * text[p + 1] == c1; their count in *n (the array is the index's). */
const uint32_t *startidx_get(const struct startidx *x, unsigned char c0,
			     unsigned char c1, size_t *n);
/* For the same positions, in the same order: the four bytes that follow
 * the two (text[p + 2] in the lowest byte; 0 past the end), so that a
 * word can be told apart without reading the text. */
const uint32_t *startidx_next(const struct startidx *x, unsigned char c0,
			      unsigned char c1);

#endif
