/* history: prompt lines kept across sessions. */
#include "brief/ui/history.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "brief/base/buf.h"
#include "brief/base/fileio.h"
#include "brief/base/fileread.h"
#include "brief/base/util.h"

void history_init(struct history *h, size_t max)
{
	memset(h, 0, sizeof *h);
	h->max = max;
	h->at = -1;
}

void history_free(struct history *h)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		free(h->line[i]);
	free(h->line);
	memset(h, 0, sizeof *h);
	h->at = -1;
}

static void push(struct history *h, const char *s, size_t len)
{
	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 64;
		h->line = xrealloc(h->line, h->cap * sizeof *h->line);
	}
	h->line[h->n++] = xstrndup(s, len);
}

/* The lines of text (only those led by /, :, & or S -- the archive's
 * search --, without control bytes). */
static void parse(struct history *h, const char *text, size_t len)
{
	const char *p = text, *end = text + len;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p), i;
		int good = n > 1 && n < sizeof h->typed &&
			   (p[0] == '/' || p[0] == ':' || p[0] == '&' ||
			    p[0] == 'S');

		for (i = 0; good && i < n; i++)
			if ((unsigned char)p[i] < 32 || p[i] == 127)
				good = 0;
		if (good)
			push(h, p, n);
		p = nl ? nl + 1 : end;
	}
}

int history_load(struct history *h, const char *path, struct err *e)
{
	struct stat st;
	size_t len;
	char *text;

	if (path == NULL || (stat(path, &st) != 0 && errno == ENOENT))
		return 0;
	text = file_read(path, &len, e);
	if (text == NULL)
		return -1;
	parse(h, text, len);
	free(text);
	h->loaded = h->n;
	return 0;
}

void history_add(struct history *h, char lead, const char *text)
{
	size_t n = strlen(text);
	char *line;

	if (n == 0 || n + 2 > sizeof h->typed || h->max == 0)
		return;
	line = xmalloc(n + 2);
	line[0] = lead;
	memcpy(line + 1, text, n + 1);
	if (h->n > 0 && strcmp(h->line[h->n - 1], line) == 0) {
		free(line);
		return;
	}
	push(h, line, n + 1);
	free(line);
}

int history_save(struct history *h, const char *path, struct err *e)
{
	struct history disk;
	struct file_lock *lk;
	struct buf b = {0};
	size_t i, from;
	int rc;

	if (path == NULL || h->n == h->loaded || h->max == 0)
		return 0; /* nothing new */
	lk = file_lock(path, e);
	if (lk == NULL)
		return -1;
	/* what others saved meanwhile, then ours */
	history_init(&disk, h->max);
	if (history_load(&disk, file_lock_target(lk), e) != 0) {
		file_unlock(lk);
		return -1;
	}
	for (i = h->loaded; i < h->n; i++)
		push(&disk, h->line[i], strlen(h->line[i]));
	from = disk.n > h->max ? disk.n - h->max : 0;
	for (i = from; i < disk.n; i++) {
		buf_add(&b, disk.line[i], strlen(disk.line[i]));
		buf_add(&b, "\n", 1);
	}
	rc = file_write_atomic(file_lock_target(lk), b.data ? b.data : "",
			       b.len, e);
	file_unlock(lk);
	history_free(&disk);
	free(b.data);
	if (rc == 0)
		h->loaded = h->n;
	return rc;
}

void history_browse_start(struct history *h, const char *typed)
{
	h->at = -1;
	snprintf(h->typed, sizeof h->typed, "%s", typed);
}

/* Does line i belong to prompt lead and begin with the typed text? */
static int fits(const struct history *h, size_t i, char lead)
{
	size_t n = strlen(h->typed);

	return h->line[i][0] == lead &&
	       strncmp(h->line[i] + 1, h->typed, n) == 0 &&
	       strcmp(h->line[i] + 1, h->typed) != 0;
}

const char *history_step(struct history *h, char lead, int dir)
{
	long i = h->at < 0 ? (long)h->n : h->at;

	if (dir < 0) {
		while (--i >= 0)
			if (fits(h, (size_t)i, lead)) {
				h->at = i;
				return h->line[i] + 1;
			}
		return NULL;
	}
	if (h->at < 0)
		return NULL;
	while (++i < (long)h->n)
		if (fits(h, (size_t)i, lead)) {
			h->at = i;
			return h->line[i] + 1;
		}
	h->at = -1;
	return h->typed;
}
