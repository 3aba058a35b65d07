/* util: allocation, errors, buffers, hashing, file helpers. */
#include "brief/base/util.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef BRIEF_DATADIR
#define BRIEF_DATADIR "/usr/local/share/brief"
#endif

void err_set(struct err *e, const char *fmt, ...)
{
	va_list ap;

	if (e == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(e->text, sizeof e->text, fmt, ap);
	va_end(ap);
}

static void oom(size_t n)
{
	fprintf(stderr, "brief: out of memory (%zu bytes)\n", n);
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		oom(n);
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		oom(n * size);
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (q == NULL)
		oom(n);
	return q;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	struct buf b = {0};
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	b.data = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(b.data, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return b.data;
}

/* Elements this few (and this small) are put in order by insertion:
 * cheaper than qsort's set-up, and stable like glibc's qsort. */
#define ISORT_MAX_N 32
#define ISORT_MAX_SIZE 256

void xqsort(void *base, size_t n, size_t size,
	    int (*cmp)(const void *, const void *))
{
	unsigned char tmp[ISORT_MAX_SIZE], *b = base;
	size_t x, y;

	if (base == NULL || n < 2)
		return;
	if (n > ISORT_MAX_N || size > sizeof tmp) {
		qsort(base, n, size, cmp);
		return;
	}
	for (x = 1; x < n; x++) {
		if (cmp(b + (x - 1) * size, b + x * size) <= 0)
			continue; /* already in place */
		memcpy(tmp, b + x * size, size);
		for (y = x - 1; y > 0 && cmp(b + (y - 1) * size, tmp) > 0; y--)
			;
		memmove(b + (y + 1) * size, b + y * size, (x - y) * size);
		memcpy(b + y * size, tmp, size);
	}
}

void *xgrow(void *arr, size_t *cap, size_t need, size_t elem)
{
	size_t n = *cap ? *cap : 8;

	if (need <= *cap)
		return arr;
	while (n < need) {
		if (n > SIZE_MAX / 2 / elem)
			oom(SIZE_MAX);
		n *= 2;
	}
	arr = xrealloc(arr, n * elem);
	*cap = n;
	return arr;
}

void buf_add(struct buf *b, const void *p, size_t n)
{
	if (b->len + n + 1 > b->cap)
		b->data = xgrow(b->data, &b->cap, b->len + n + 1, 1);
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void buf_addc(struct buf *b, char c)
{
	if (b->len + 2 > b->cap)
		b->data = xgrow(b->data, &b->cap, b->len + 2, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}

void buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n <= 0)
		return;
	b->data = xgrow(b->data, &b->cap, b->len + (size_t)n + 1, 1);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

char *buf_take(struct buf *b)
{
	char *p = b->data ? b->data : xstrdup("");

	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}

void buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

uint64_t hash_bytes(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t h = 1469598103934665603ULL;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

void hash_hex(uint64_t h, char out[17])
{
	snprintf(out, 17, "%016llx", (unsigned long long)h);
}

/* "NAME: binary file" when one of buf[from, to) that lies before probe is
 * a NUL byte. */
static int nul_in_probe(const char *buf, size_t from, size_t to,
			size_t probe, const char *name, struct err *e)
{
	if (from >= probe)
		return 0;
	if (memchr(buf + from, '\0', (to < probe ? to : probe) - from) == NULL)
		return 0;
	err_set(e, "%s: binary file", name);
	return 1;
}

char *file_read_fd(int fd, const char *name, const struct read_limits *lim,
		   size_t *len, struct err *e)
{
	struct stat st;
	size_t max = lim && lim->max ? lim->max : SIZE_MAX - 2;
	size_t probe = lim ? lim->probe : 0;
	size_t cap = 0, n = 0;
	char *data = NULL;

	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
		if ((unsigned long long)st.st_size > max)
			goto too_large; /* said before it is read */
		cap = (size_t)st.st_size + 1;
	}
	if (cap == 0)
		cap = 65536;
	/* never more than one byte past the limit, and the NUL */
	if (cap > max + 2)
		cap = max + 2;
	data = xmalloc(cap);
	for (;;) {
		ssize_t r;

		if (n + 1 >= cap) {
			char one;

			/* full: at the end of the file (the usual case when
			 * its size was known), do not grow */
			r = read(fd, &one, 1);
			if (r == 0)
				break;
			if (r < 0 && errno == EINTR)
				continue;
			if (r < 0)
				goto failed;
			if (n + 1 > max)
				goto too_large;
			cap = cap > (max + 2) / 2 ? max + 2 : cap * 2;
			data = xrealloc(data, cap);
			data[n++] = one;
			if (nul_in_probe(data, n - 1, n, probe, name, e))
				goto refused;
			continue;
		}
		r = read(fd, data + n, cap - n - 1);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			goto failed;
		}
		if (r == 0)
			break;
		if (nul_in_probe(data, n, n + (size_t)r, probe, name, e))
			goto refused;
		n += (size_t)r;
		if (n > max)
			goto too_large;
	}
	data[n] = '\0';
	*len = n;
	return data;
failed:
	err_set(e, "%s: %s", name, strerror(errno));
	goto refused;
too_large:
	err_set(e, "%s: %s", name, lim ? lim->too_large : "too large");
refused:
	free(data);
	return NULL;
}

char *file_read(const char *path, size_t *len, struct err *e)
{
	struct stat st;
	char *data;
	int fd;

	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		err_set(e, "%s: %s", path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) != 0) {
		err_set(e, "%s: %s", path, strerror(errno));
		close(fd);
		return NULL;
	}
	if (S_ISDIR(st.st_mode)) {
		err_set(e, "%s: is a directory", path);
		close(fd);
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		err_set(e, "%s: not a regular file (FIFO, socket or device)",
			path);
		close(fd);
		return NULL;
	}
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	data = file_read_fd(fd, path, NULL, len, e);
	close(fd);
	return data;
}

static int is_dir(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* A folder beside the running binary (a build tree) that holds `probe`. */
static const char *beside_binary(const char *sub, const char *probe,
				 char *out, size_t outsz)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	char *slash;

	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (slash == NULL)
		return NULL;
	*slash = '\0';
	/* the binary sits at the top of the tree, or in a build folder */
	for (int up = 0; up < 3; up++) {
		char file[PATH_MAX + 64];

		snprintf(out, outsz, "%s/%s%s", exe,
			 up == 0 ? "" : up == 1 ? "../" : "../../", sub);
		snprintf(file, sizeof file, "%s/%s", out, probe);
		if (is_dir(out) && access(file, R_OK) == 0)
			return out;
	}
	return NULL;
}

const char *datadir(void)
{
	static char path[PATH_MAX + 16];
	static const char *dir;
	const char *env = getenv("BRIEF_DATADIR");

	if (env && *env)
		return env;
	if (dir == NULL) {
		dir = beside_binary("data", "lexicon.yaml", path, sizeof path);
		/* an installed brief: PREFIX/bin/brief and PREFIX/share/brief,
		 * wherever PREFIX was moved to */
		if (dir == NULL)
			dir = beside_binary("share/brief", "lexicon.yaml", path,
					    sizeof path);
		if (dir == NULL)
			dir = BRIEF_DATADIR;
	}
	return dir;
}

const char *themedir(void)
{
	static char path[PATH_MAX + 16];
	static const char *dir;

	if (dir == NULL) {
		dir = beside_binary("themes", "dark.yaml", path, sizeof path);
		if (dir == NULL)
			dir = beside_binary("share/brief/themes", "dark.yaml", path,
					    sizeof path);
		if (dir == NULL)
			dir = BRIEF_DATADIR "/themes";
	}
	return dir;
}

char *xdg_path(const char *kind, const char *file)
{
	const char *var, *fallback, *home = getenv("HOME");
	const char *base;

	if (strcmp(kind, "config") == 0) {
		var = "XDG_CONFIG_HOME";
		fallback = ".config";
	} else if (strcmp(kind, "data") == 0) {
		var = "XDG_DATA_HOME";
		fallback = ".local/share";
	} else {
		var = "XDG_STATE_HOME";
		fallback = ".local/state";
	}
	base = getenv(var);
	if (base && base[0] == '/')
		return xasprintf("%s/brief/%s", base, file);
	return xasprintf("%s/%s/brief/%s", home ? home : ".", fallback, file);
}
