/* crc32c: CRC-32C by instruction or by table. */
#include "brief/base/crc32c.h"

#include <string.h>

#if defined(__x86_64__) && defined(__GNUC__)
#include <cpuid.h>
#include <nmmintrin.h>
#define HAVE_SSE42_PATH 1
#endif

/* The reflected polynomial. */
#define POLY 0x82F63B78u

static uint32_t table[256];
static int table_ready, force_table;

static void make_table(void)
{
	uint32_t i, c;
	int k;

	for (i = 0; i < 256; i++) {
		c = i;
		for (k = 0; k < 8; k++)
			c = c & 1 ? (c >> 1) ^ POLY : c >> 1;
		table[i] = c;
	}
	table_ready = 1;
}

/* The register after n bytes (no inversion before or after). */
static uint32_t soft_bytes(uint32_t c, const unsigned char *p, size_t n)
{
	size_t i;

	if (!table_ready)
		make_table();
	for (i = 0; i < n; i++)
		c = table[(c ^ p[i]) & 0xff] ^ (c >> 8);
	return c;
}

/* The register after three streams of whole words, word i to stream
 * i % 3, over the first (n / 24) * 24 bytes. */
static void soft_streams(uint32_t c[3], const unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i + 24 <= n; i += 24) {
		c[0] = soft_bytes(c[0], p + i, 8);
		c[1] = soft_bytes(c[1], p + i + 8, 8);
		c[2] = soft_bytes(c[2], p + i + 16, 8);
	}
}

#ifdef HAVE_SSE42_PATH
__attribute__((target("sse4.2"))) static uint32_t
hw_bytes(uint32_t c, const unsigned char *p, size_t n)
{
	uint64_t w, c64 = c;
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		memcpy(&w, p + i, 8);
		c64 = _mm_crc32_u64(c64, w);
	}
	c = (uint32_t)c64;
	for (; i < n; i++)
		c = _mm_crc32_u8(c, p[i]);
	return c;
}

__attribute__((target("sse4.2"))) static void
hw_streams(uint32_t c[3], const unsigned char *p, size_t n)
{
	uint64_t a = c[0], b = c[1], d = c[2], x, y, z;
	size_t i;

	for (i = 0; i + 24 <= n; i += 24) {
		memcpy(&x, p + i, 8);
		memcpy(&y, p + i + 8, 8);
		memcpy(&z, p + i + 16, 8);
		a = _mm_crc32_u64(a, x);
		b = _mm_crc32_u64(b, y);
		d = _mm_crc32_u64(d, z);
	}
	c[0] = (uint32_t)a;
	c[1] = (uint32_t)b;
	c[2] = (uint32_t)d;
}

static int use_hw(void)
{
	static int known, has;

	/* one cpuid (leaf 1), not __builtin_cpu_init's dozens: each is a
	 * trap to the hypervisor in a virtual machine */
	if (!known) {
		unsigned a, b, c, d;

		has = __get_cpuid(1, &a, &b, &c, &d) && (c & bit_SSE4_2);
		known = 1;
	}
	return has && !force_table;
}
#else
static int use_hw(void)
{
	return 0;
}
#endif

static uint32_t run_bytes(uint32_t c, const unsigned char *p, size_t n)
{
#ifdef HAVE_SSE42_PATH
	if (use_hw())
		return hw_bytes(c, p, n);
#endif
	return soft_bytes(c, p, n);
}

uint32_t crc32c(uint32_t crc, const void *p, size_t n)
{
	return ~run_bytes(~crc, p, n);
}

uint64_t crc32c_sum(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint32_t c[3] = {0xFFFFFFFFu, 0x12345678u, 0x9ABCDEF0u};
	size_t whole = n / 24 * 24;

	if (use_hw()) {
#ifdef HAVE_SSE42_PATH
		hw_streams(c, s, whole);
#endif
	} else {
		soft_streams(c, s, whole);
	}
	c[0] = run_bytes(c[0], s + whole, n - whole);
	/* the length too: zeros appended would otherwise not show */
	return ((uint64_t)c[0] << 32 | c[1]) ^
	       ((uint64_t)c[2] * 0x9E3779B97F4A7C15ULL) ^ (uint64_t)n;
}

void crc32c_force_table(int on)
{
	force_table = on;
}
