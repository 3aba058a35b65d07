/* fileread: whole files and standard input, read within limits. */
#include "brief/base/fileread.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "brief/base/alloc.h"

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
