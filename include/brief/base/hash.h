/* hash: the 64-bit FNV-1a hash that names articles and notes. */
#ifndef BRIEF_HASH_H
#define BRIEF_HASH_H

#include <stddef.h>
#include <stdint.h>

/* The hash of n bytes at p. */
uint64_t hash_bytes(const void *p, size_t n);
/* Its 16-hex-digit form, NUL-terminated (17 bytes). */
void hash_hex(uint64_t h, char out[17]);

#endif
