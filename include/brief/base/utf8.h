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
/* Terminal columns taken by cp: 0 for combining marks, 2 for wide (CJK,
 * emoji), 1 otherwise.  Control characters count as the two columns of
 * their visible ^X form. */
int utf8_width(uint32_t cp);
/* Columns of a whole string (as utf8_width, invalid bytes as 1). */
size_t utf8_str_width(const char *s, size_t n);
/* Is there a letter or digit in s[0..n)? */
int utf8_has_alnum(const char *s, size_t n);
/* Byte length of the longest prefix of s that fits in cols columns. */
size_t utf8_fit(const char *s, size_t n, size_t cols);

/* 1 for the ASCII letters and digits, 0 for every other byte. */
extern const unsigned char utf8_ascii_word[256];

#endif
