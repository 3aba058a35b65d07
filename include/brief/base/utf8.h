/* utf8: decoding, validation and display width of UTF-8 text. */
#ifndef BRIEF_UTF8_H
#define BRIEF_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decode one character at s (n bytes available, n > 0).  Returns the bytes
 * used (1..4); an invalid or truncated sequence uses 1 byte and gives
 * U+FFFD. */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Length of the valid prefix of s (== n when all of it is valid). */
size_t utf8_valid_prefix(const char *s, size_t n);
/* Copy s with each invalid byte replaced by U+FFFD; *outlen gets the new
 * length.  The caller frees the result. */
char *utf8_sanitize(const char *s, size_t n, size_t *outlen);
/* Encode cp into out (4 bytes); returns the length. */
size_t utf8_encode(uint32_t cp, char out[4]);
/* Room for the visible stand-in of one character, with its NUL. */
#define UTF8_VISIBLE_MAX 16

/* How the character at s (n > 0 bytes) is shown, the one rule for both
 * measuring and drawing: *len gets its byte length, the return value its
 * columns.  A character that must not reach the terminal as it is gets a
 * printable stand-in in out (NUL-terminated, as many columns as
 * returned): ^X for a C0 control and DEL, <9B> for a C1 control or a byte
 * that is not UTF-8, <U+202E> for the bidirectional overrides, isolates
 * and marks and the line and paragraph separators.  Otherwise out is ""
 * and the bytes themselves are shown: 0 columns for combining marks, 2
 * for wide (CJK, emoji) characters, 1 for the others. */
int utf8_visible(const char *s, size_t n, size_t *len,
		 char out[UTF8_VISIBLE_MAX]);
/* Columns of the code point cp, as utf8_visible shows it. */
int utf8_width(uint32_t cp);
/* Columns of a whole string, as utf8_visible shows it. */
size_t utf8_str_width(const char *s, size_t n);
/* The start of the character that ends at byte i of s, never before
 * from (the character forward decoding from from finds there; an invalid
 * byte is one character). */
size_t utf8_prev(const char *s, size_t from, size_t i);
/* Horizontal scrolling: the first byte to show of the line that starts
 * at from so that the text from it up to the cursor at cur takes fewer
 * than cols columns.  Walks back from the cursor, so the cost does not
 * grow with the length of the line before what is shown. */
size_t utf8_scroll(const char *s, size_t from, size_t cur, size_t cols);
/* Is there a letter or digit in s[0..n)? */
int utf8_has_alnum(const char *s, size_t n);
/* Byte length of the longest prefix of s that fits in cols columns (as
 * utf8_visible shows it). */
size_t utf8_fit(const char *s, size_t n, size_t cols);

/* 1 for the ASCII letters and digits, 0 for every other byte. */
extern const unsigned char utf8_ascii_word[256];

#endif
