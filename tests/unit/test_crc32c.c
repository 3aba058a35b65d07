/* crc32c: the standard check values, the instruction and the table
 * giving the same numbers, and damage changing the checksum. */
#include "testlib.h"

#include "brief/base/crc32c.h"

/* The CRC-32C's published check values, on either path. */
static void test_check_values(void **state)
{
	static const unsigned char zeros[32];
	int table;

	(void)state;
	for (table = 0; table < 2; table++) {
		crc32c_force_table(table);
		assert_int_equal(crc32c(0, "123456789", 9), 0xE3069283u);
		/* RFC 3720, B.4: 32 bytes of zeros */
		assert_int_equal(crc32c(0, zeros, sizeof zeros), 0x8A9136AAu);
		/* going on from an earlier part gives the whole's */
		assert_int_equal(crc32c(crc32c(0, "1234", 4), "56789", 5),
				 0xE3069283u);
		assert_int_equal(crc32c(0, "", 0), 0);
	}
	crc32c_force_table(0);
}

/* Bytes that look like nothing in particular. */
static unsigned char *noise(size_t n)
{
	unsigned char *p = xmalloc(n ? n : 1);
	uint32_t x = 2463534242u;
	size_t i;

	for (i = 0; i < n; i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		p[i] = (unsigned char)x;
	}
	return p;
}

/* The 64-bit checksum: the same by instruction and by table at every
 * length around the 24-byte step, and any one byte changed, or one
 * byte more, changes it. */
static void test_sum_paths_and_damage(void **state)
{
	size_t n, lens[] = {0, 1, 7, 8, 23, 24, 25, 47, 48, 49, 1000, 65537};
	unsigned char *p = noise(65537);
	size_t i, k;

	(void)state;
	for (i = 0; i < sizeof lens / sizeof *lens; i++) {
		uint64_t hw, sw;

		n = lens[i];
		crc32c_force_table(0);
		hw = crc32c_sum(p, n);
		crc32c_force_table(1);
		sw = crc32c_sum(p, n);
		assert_true(hw == sw);
		for (k = 0; k < n; k += n / 7 + 1) {
			p[k] ^= 0x40;
			assert_true(crc32c_sum(p, n) != sw);
			p[k] ^= 0x40;
		}
		if (n < 65537)
			assert_true(crc32c_sum(p, n + 1) != sw);
	}
	/* zeros added at the end change it too */
	memset(p, 0, 64);
	assert_true(crc32c_sum(p, 48) != crc32c_sum(p, 56));
	crc32c_force_table(0);
	free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_check_values),
		cmocka_unit_test(test_sum_paths_and_damage),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
