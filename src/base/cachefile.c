/* cachefile: derived data kept in one checked file. */
#include "brief/base/cachefile.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "brief/base/crc32c.h"
#include "brief/base/fileio.h"
#include "brief/base/hash.h"
#include "brief/base/mapguard.h"
#include "brief/base/rx.h"
#include "brief/base/ser.h"

#ifndef BRIEF_VERSION
#define BRIEF_VERSION "unknown"
#endif

enum { FIXED = 8 + 5 * 8, SREC = 5 };

/* Files changed this recently (ns) may change again with the same
 * times (the clock's tick, or a file system's 2-second times): their
 * stat records are not kept, and the next start hashes their content. */
#define RECENT_NS 2000000000LL

#define HEAD(n) (FIXED + (n) * SREC * 8)

uint64_t cachefile_version(const char *what, int format)
{
	struct buf k = {0};
	uint64_t key;

	buf_printf(&k, "brief %s %s format %d pcre2 %s node %zu ptr %zu|",
		   BRIEF_VERSION, what, format, rx_version(), sizeof(double),
		   sizeof(void *));
	key = hash_bytes(k.data, k.len);
	buf_free(&k);
	return key;
}

static int64_t ns_of(struct timespec t)
{
	return (int64_t)t.tv_sec * 1000000000LL + t.tv_nsec;
}

/* The stat record of a file (device, inode, size, modification and
 * change times): the change time moves on every write and cannot be
 * set back, so an edit that keeps the size and restores the modification
 * time still shows.  0, or -1 when it cannot be read. */
static int stat_record(const char *path, uint64_t rec[SREC])
{
	struct stat st;

	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return -1;
	rec[0] = (uint64_t)st.st_dev;
	rec[1] = (uint64_t)st.st_ino;
	rec[2] = (uint64_t)st.st_size;
	rec[3] = (uint64_t)ns_of(st.st_mtim);
	rec[4] = (uint64_t)ns_of(st.st_ctim);
	return 0;
}

/* Do the records at p still describe files[0..n)?  (A record of zeros,
 * kept for a file too recent to trust, never does.) */
static int stats_match(const unsigned char *p, char *const *files, size_t n)
{
	uint64_t rec[SREC], want[SREC];
	size_t i;

	for (i = 0; i < n; i++) {
		memcpy(want, p + i * sizeof want, sizeof want);
		if (want[1] == 0 || stat_record(files[i], rec) != 0 ||
		    memcmp(rec, want, sizeof rec) != 0)
			return 0;
	}
	return 1;
}

/* The key: what the payload was made from (every file's content, in
 * order) and what reads it back.  0 when a file cannot be read.  The
 * truth, which the stat records only stand in for. */
static uint64_t content_key(uint64_t version, char *const *files, size_t n)
{
	struct buf k = {0};
	uint64_t key = 0;
	size_t i;

	ser_u64(&k, version);
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
		ser_u64(&k, m ? crc32c_sum(m, (size_t)st.st_size) : 0);
		ser_u64(&k, m ? hash_bytes(m, (size_t)st.st_size) : 0);
		if (m)
			munmap(m, (size_t)st.st_size);
	}
	key = hash_bytes(k.data, k.len) | 1;
out:
	buf_free(&k);
	return key;
}

int cachefile_write(const char *path, const char *magic, uint64_t version,
		    char *const *files, size_t n, const void *payload,
		    size_t len)
{
	struct buf b = {0};
	uint64_t key, v, rec[SREC];
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	struct timespec now;
	struct err e;
	size_t i;
	int rc = -1;

	buf_add(&b, magic, 8);
	ser_u64(&b, 0);
	ser_u64(&b, version);
	ser_u64(&b, 0);
	ser_u64(&b, len);
	ser_u64(&b, n);
	/* each file's record before its content is hashed: a change after
	 * it shows in the record, or is too recent to be trusted */
	clock_gettime(CLOCK_REALTIME, &now);
	for (i = 0; i < n; i++) {
		if (stat_record(files[i], rec) != 0)
			goto out;
		if ((int64_t)rec[4] > ns_of(now) - RECENT_NS ||
		    (int64_t)rec[3] > ns_of(now) - RECENT_NS)
			memset(rec, 0, sizeof rec);
		buf_add(&b, rec, sizeof rec);
	}
	key = content_key(version, files, n);
	if (key == 0)
		goto out;
	memcpy(b.data + 24, &key, 8);
	buf_add(&b, payload, len);
	v = crc32c_sum(b.data + 16, b.len - 16);
	memcpy(b.data + 8, &v, 8);
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

int cachefile_open(struct cachefile *cf, const char *path, const char *magic,
		   uint64_t version, char *const *files, size_t n)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC), fast;
	uint64_t head[5];
	struct stat st;
	size_t size, maplen, head_len = HEAD(n);
	char *m;

	memset(cf, 0, sizeof *cf);
	if (fd < 0)
		return -1;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    (uint64_t)st.st_size < head_len ||
	    (uint64_t)st.st_size > SIZE_MAX / 2) {
		close(fd);
		return -1;
	}
	size = (size_t)st.st_size;
	m = mapguard_map(fd, size, &maplen);
	close(fd);
	if (m == NULL)
		return -1;
	memcpy(head, m + 8, sizeof head);
	if (memcmp(m, magic, 8) != 0 || head[1] != version ||
	    head[3] != size - head_len || head[4] != n)
		goto fail;
	/* the stat records, else the content, which is the truth */
	fast = stats_match((const unsigned char *)m + FIXED, files, n);
	if (!fast && content_key(version, files, n) != head[2])
		goto fail;
	if (crc32c_sum(m + 16, size - 16) != head[0])
		goto fail;
	cf->map = m;
	cf->map_len = maplen;
	cf->payload = (const unsigned char *)m + head_len;
	cf->len = size - head_len;
	cf->by_content = !fast;
	return 0;
fail:
	mapguard_unmap(m, maplen);
	return -1;
}

void cachefile_refresh(const struct cachefile *cf, const char *path,
		       const char *magic, uint64_t version,
		       char *const *files, size_t n)
{
	if (cf->map && cf->by_content)
		cachefile_write(path, magic, version, files, n, cf->payload,
				cf->len);
}

void cachefile_close(struct cachefile *cf)
{
	if (cf->map)
		mapguard_unmap(cf->map, cf->map_len);
	memset(cf, 0, sizeof *cf);
}
