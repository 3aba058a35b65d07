/* crc32c: CRC-32C (the Castagnoli polynomial), with the SSE4.2
 * instruction when the processor has it (asked once, at the first
 * call) and a table otherwise; both give the same numbers. */
#ifndef BRIEF_CRC32C_H
#define BRIEF_CRC32C_H

#include <stddef.h>
#include <stdint.h>

/* The CRC-32C of n bytes at p, going on from crc (0 to start; the
 * usual check value: "123456789" gives 0xE3069283). */
uint32_t crc32c(uint32_t crc, const void *p, size_t n);
/* A 64-bit checksum of n bytes for damage checks: three CRC-32C
 * streams over the 8-byte words in turn (so the instruction's latency
 * is hidden), the bytes after the last whole 24 in the first. */
uint64_t crc32c_sum(const void *p, size_t n);
/* 1: the table even where the instruction is there (for the tests,
 * which compare the two); 0: back to choosing. */
void crc32c_force_table(int on);

#endif
