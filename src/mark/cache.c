/* cache: the engine read back from one checked file. */
#include "brief/mark/cache.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "brief/base/fileio.h"
#include "brief/base/hash.h"
#include "brief/base/ser.h"
#include "brief/base/trie.h"

#ifndef BRIEF_VERSION
#define BRIEF_VERSION "unknown"
#endif

/* Changed whenever what is saved changes. */
#define CACHE_FORMAT 6
#define CACHE_MAGIC "BRIEFEC1"

/* The file: magic, key, payload length, payload checksum, payload. */
enum { HEAD = 8 + 3 * 8 };

/* A checksum of n bytes: four lanes of 8 bytes, fast enough for a
 * cache of a few MB at every start. */
static uint64_t checksum(const unsigned char *p, size_t n)
{
	const uint64_t m = 0x9E3779B97F4A7C15ULL;
	uint64_t l[4] = {1, 2, 3, 4}, w, h;
	size_t i = 0, k;

	for (; i + 32 <= n; i += 32)
		for (k = 0; k < 4; k++) {
			memcpy(&w, p + i + 8 * k, 8);
			l[k] = (l[k] ^ w) * m;
			l[k] ^= l[k] >> 29;
		}
	h = hash_bytes(p + i, n - i) ^ n;
	for (k = 0; k < 4; k++)
		h = (h ^ l[k]) * m ^ (h >> 31);
	return h;
}

/* The key: what made the engine (every file's content, in order) and
 * what reads the cache back.  0 when a file cannot be read. */
static uint64_t cache_key(char *const *files, size_t n)
{
	struct buf k = {0};
	uint64_t key = 0;
	size_t i;

	buf_printf(&k, "brief %s format %d pcre2 %s node %zu ptr %zu|",
		   BRIEF_VERSION, CACHE_FORMAT, rx_version(),
		   sizeof(double), sizeof(void *));
	for (i = 0; i < n; i++) {
		int fd = open(files[i], O_RDONLY | O_CLOEXEC);
		struct stat st;
		void *m;

		if (fd < 0)
			goto out;
		if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
			close(fd);
			goto out;
		}
		m = st.st_size ? mmap(NULL, (size_t)st.st_size, PROT_READ,
				      MAP_PRIVATE, fd, 0)
			       : NULL;
		close(fd);
		if (st.st_size && m == MAP_FAILED)
			goto out;
		ser_u64(&k, (uint64_t)st.st_size);
		ser_u64(&k, m ? checksum(m, (size_t)st.st_size) : 0);
		ser_u64(&k, m ? hash_bytes(m, (size_t)st.st_size) : 0);
		if (m)
			munmap(m, (size_t)st.st_size);
	}
	key = hash_bytes(k.data, k.len) | 1;
out:
	buf_free(&k);
	return key;
}

static int payload_load(struct engine *en, const unsigned char *p, size_t n)
{
	struct deser d;

	deser_init(&d, p, n);
	en->reg = entities_load(&d);
	if (en->reg)
		en->lx = lexicon_load_saved(&d, en->reg);
	if (en->lx)
		en->hl = highlighter_load_saved(&d, en->lx);
	if (en->hl && deser_check(&d, d.at == d.n))
		return 0;
	highlighter_free(en->hl);
	lexicon_free(en->lx);
	entities_free(en->reg);
	memset(en, 0, sizeof *en);
	return -1;
}

int engine_cache_load(struct engine *en, const char *path,
		      char *const *files, size_t n)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC), rc = -1;
	uint64_t key, head[3];
	struct stat st;
	unsigned char *m;
	size_t size;

	memset(en, 0, sizeof *en);
	if (fd < 0)
		return -1;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < HEAD ||
	    (uint64_t)st.st_size > SIZE_MAX / 2) {
		close(fd);
		return -1;
	}
	size = (size_t)st.st_size;
	m = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (m == MAP_FAILED)
		return -1;
	memcpy(head, m + 8, sizeof head);
	key = cache_key(files, n);
	if (key != 0 && memcmp(m, CACHE_MAGIC, 8) == 0 && head[0] == key &&
	    head[1] == size - HEAD && checksum(m + HEAD, size - HEAD) == head[2])
		rc = payload_load(en, m + HEAD, size - HEAD);
	munmap(m, size);
	return rc;
}

int engine_cache_store(const struct engine *en, const char *path,
		       char *const *files, size_t n)
{
	struct buf b = {0};
	uint64_t key = cache_key(files, n), v;
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	struct err e;
	int rc = -1;

	if (key == 0)
		goto out;
	buf_add(&b, CACHE_MAGIC, 8);
	ser_u64(&b, key);
	ser_u64(&b, 0);
	ser_u64(&b, 0);
	entities_save(en->reg, &b);
	lexicon_save(en->lx, &b);
	highlighter_save(en->hl, &b);
	v = b.len - HEAD;
	memcpy(b.data + 16, &v, 8);
	v = checksum((const unsigned char *)b.data + HEAD, b.len - HEAD);
	memcpy(b.data + 24, &v, 8);
	if (slash) {
		*slash = '\0';
		if (*dir && file_make_dirs(dir) != 0)
			goto out;
	}
	rc = file_write_atomic(path, b.data, b.len, &e);
out:
	free(dir);
	buf_free(&b);
	return rc;
}
