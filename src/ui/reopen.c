/* reopen: reading positions kept across sessions. */
#include "brief/ui/reopen.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "brief/base/buf.h"
#include "brief/base/fileio.h"
#include "brief/base/fileread.h"
#include "brief/base/hash.h"
#include "brief/ui/reader.h"

/* Articles remembered (the most recent). */
#define REOPEN_MAX 1000

/* The bytes at each end of a file that its quick id covers. */
#define QUICK_END (64u << 10)
/* A record without a quick id (written by an older brief) is matched by
 * content id only up to this size: a larger file is not hashed whole
 * before its first screen. */
#define OLD_ID_MAX (1ll << 20)

/* One line of the file: id, size, mtime, top, selection start and end
 * (0 0: none), the id shown beside it in pane B (or -), the focused pane,
 * when, path (the rest of the line).  An id is the article's content id,
 * then ':' and its quick id (see quick_id) when the record has one. */
struct rec {
	char id[80], beside[80];
	char quick[17], beside_quick[17];
	long long size, mtime, when;
	unsigned long long top, sel_s, sel_e;
	int focus;
	char *path;
};

struct recs {
	struct rec *v;
	size_t n;
};

static void recs_free(struct recs *r)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		free(r->v[i].path);
	free(r->v);
	r->v = NULL;
	r->n = 0;
}

/* Split "ID:QUICK" in place: id keeps ID, quick gets QUICK (or ""). */
static void split_id(char *id, char quick[17])
{
	char *colon = strchr(id, ':');

	quick[0] = '\0';
	if (colon == NULL)
		return;
	*colon = '\0';
	if (strlen(colon + 1) == 16)
		memcpy(quick, colon + 1, 17);
}

static void parse(struct recs *r, char *text)
{
	char *line = text, *next;

	for (; line && *line; line = next) {
		struct rec x;
		int at = 0;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		memset(&x, 0, sizeof x);
		if (sscanf(line, "%79s %lld %lld %llu %llu %llu %79s %d %lld %n",
			   x.id, &x.size, &x.mtime, &x.top, &x.sel_s, &x.sel_e,
			   x.beside, &x.focus, &x.when, &at) < 9 || at == 0 ||
		    x.sel_s > x.sel_e)
			continue; /* not ours: skipped, never trusted */
		split_id(x.id, x.quick);
		split_id(x.beside, x.beside_quick);
		x.path = xstrdup(line + at);
		r->v = xrealloc(r->v, (r->n + 1) * sizeof *r->v);
		r->v[r->n++] = x;
	}
}

static void load(struct recs *r, const char *path)
{
	struct err e = {{0}};
	size_t len;
	char *text = file_read(path, &len, &e);

	if (text == NULL)
		return;
	if (memchr(text, '\0', len) == NULL)
		parse(r, text);
	free(text);
}

static int stat_of(const char *path, long long *size, long long *mtime)
{
	struct stat st;

	if (strcmp(path, "-") == 0 || stat(path, &st) != 0)
		return -1;
	*size = (long long)st.st_size;
	*mtime = (long long)st.st_mtime;
	return 0;
}

/* The quick id of the file at path of size bytes: the hash of its size
 * and of its first and last QUICK_END bytes (the whole file when it is
 * no longer), read without reading the rest, so a large file is found
 * again without hashing all of it.  0 with out set, or -1. */
static int quick_id(const char *path, long long size, char out[17])
{
	size_t head = size < (long long)QUICK_END ? (size_t)size : QUICK_END;
	size_t tail = size - (long long)head < (long long)QUICK_END
			      ? (size_t)(size - (long long)head)
			      : QUICK_END;
	char *b = xmalloc(32 + head + tail);
	int n = snprintf(b, 32, "%lld\n", size), fd, rc = -1;

	fd = strcmp(path, "-") == 0 ? -1 : open(path, O_RDONLY | O_CLOEXEC);
	if (fd >= 0 &&
	    pread(fd, b + n, head, 0) == (ssize_t)head &&
	    pread(fd, b + n + head, tail, (off_t)(size - (long long)tail)) ==
		    (ssize_t)tail) {
		hash_hex(hash_bytes(b, (size_t)n + head + tail), out);
		rc = 0;
	}
	if (fd >= 0)
		close(fd);
	free(b);
	return rc;
}

/* Is the record's article (id, quick) doc d's?  By the quick id when the
 * record has one, else by the content id (up to OLD_ID_MAX bytes).  q
 * holds d's quick id once known ("" before). */
static int same_article(const char *id, const char *quick,
			const struct doc *d, char q[17])
{
	long long size, mtime;

	if (stat_of(d->a->path, &size, &mtime) != 0)
		return 0;
	if (quick[0] == '\0')
		return size <= OLD_ID_MAX && strcmp(id, article_id(d->a)) == 0;
	if (q[0] == '\0' && quick_id(d->a->path, size, q) != 0)
		return 0;
	return strcmp(q, quick) == 0;
}

/* The record of doc d: by path, size and time; else by its quick id (or
 * content id) when a record has its size.  NULL when none. */
static const struct rec *find(const struct recs *r, const struct doc *d)
{
	long long size, mtime;
	size_t i;
	int same_size = 0;
	char q[17] = "";

	if (stat_of(d->a->path, &size, &mtime) != 0)
		return NULL;
	for (i = r->n; i-- > 0;) {
		const struct rec *x = &r->v[i];

		if (x->size != size)
			continue;
		same_size = 1;
		if (x->mtime == mtime && strcmp(x->path, d->a->path) == 0)
			return x;
	}
	if (!same_size)
		return NULL;
	for (i = r->n; i-- > 0;)
		if (r->v[i].size == size &&
		    same_article(r->v[i].id, r->v[i].quick, d, q))
			return &r->v[i];
	return NULL;
}

static long doc_by_id(struct ui *u, const char *id, const char *quick)
{
	size_t i;

	for (i = 0; i < u->ndocs; i++) {
		char q[17] = "";

		if (same_article(id, quick, u->docs[i], q))
			return (long)i;
	}
	return -1;
}

/* Doc di at offset top, the selection when there is one. */
static void put(struct ui *u, size_t di, const struct rec *x)
{
	struct doc *d = u->docs[di];

	while (!d->a->complete && d->a->parsed <= x->top)
		doc_parse(d, 4u << 20);
	if (x->top >= d->a->len)
		return; /* the article is not what it was */
	{
		long s = article_section_at(d->a, (size_t)x->top);

		if (s >= 0) {
			d->top_sec = (size_t)s;
			d->top_row = 0;
		}
	}
	d->show_at = (size_t)x->top + 1; /* exactly, once drawn */
	if (x->sel_e > x->sel_s && x->sel_e <= d->a->len && !u->sel.on) {
		long sec = article_section_at(d->a, (size_t)x->sel_s);
		uint32_t ent = ENTITY_NONE;

		if (sec >= 0) {
			const struct figure *figs;
			size_t n, k;
			const struct mention *mv = doc_mentions(
				d, u->en->hl, (size_t)sec, &n, &figs);

			for (k = 0; k < n; k++)
				if (mv[k].start == x->sel_s && mv[k].end == x->sel_e)
					ent = mv[k].entity;
		}
		u->sel.on = 1;
		u->sel.doc = di;
		u->sel.start = (size_t)x->sel_s;
		u->sel.end = (size_t)x->sel_e;
		u->sel.entity = ent;
	}
}

void reopen_restore(struct ui *u, const char *path)
{
	struct recs r = {NULL, 0};
	const struct rec *x;
	int p;

	if (path == NULL)
		return;
	load(&r, path);
	if (r.n == 0)
		return;
	/* the panes as they were, when the first article leads again */
	x = find(&r, u->docs[0]);
	if (x && u->ndocs > 1 && strcmp(x->beside, "-") != 0) {
		long b = doc_by_id(u, x->beside, x->beside_quick);

		if (b > 0)
			u->lay.shown[1] = (size_t)b;
		u->lay.focus = x->focus ? 1 : 0;
	}
	for (p = 0; p < 2; p++) {
		size_t di = u->lay.shown[p];

		if (p == 1 && di == u->lay.shown[0])
			break;
		x = find(&r, u->docs[di]);
		if (x)
			put(u, di, x);
	}
	recs_free(&r);
}

static void write_rec(struct buf *b, const struct rec *x)
{
	const char *p;

	buf_printf(b, "%s%s%s %lld %lld %llu %llu %llu %s%s%s %d %lld ", x->id,
		   x->quick[0] ? ":" : "", x->quick, x->size, x->mtime, x->top,
		   x->sel_s, x->sel_e, x->beside, x->beside_quick[0] ? ":" : "",
		   x->beside_quick, x->focus, x->when);
	for (p = x->path; *p; p++)
		buf_addc(b, *p == '\n' ? '?' : *p);
	buf_addc(b, '\n');
}

int reopen_save(struct ui *u, const char *path, struct err *e)
{
	struct recs r = {NULL, 0};
	struct file_lock *lk;
	struct buf b = {0};
	struct rec now[2];
	size_t n = 0, i, from;
	int p, rc;

	for (p = 0; p < 2; p++) {
		size_t di = u->lay.shown[p];
		struct doc *d = u->docs[di];
		struct rec *x = &now[n];

		if ((p == 1 && di == u->lay.shown[0]) ||
		    stat_of(d->a->path, &x->size, &x->mtime) != 0)
			continue;
		snprintf(x->id, sizeof x->id, "%s", article_id(d->a));
		if (quick_id(d->a->path, x->size, x->quick) != 0)
			x->quick[0] = '\0';
		x->beside_quick[0] = '\0';
		if (p == 0 && u->ndocs > 1 && u->lay.shown[1] != di) {
			struct doc *o = u->docs[u->lay.shown[1]];
			long long osize, omtime;

			snprintf(x->beside, sizeof x->beside, "%s",
				 article_id(o->a));
			if (stat_of(o->a->path, &osize, &omtime) != 0 ||
			    quick_id(o->a->path, osize, x->beside_quick) != 0)
				x->beside_quick[0] = '\0';
		} else {
			snprintf(x->beside, sizeof x->beside, "-");
		}
		x->top = doc_top_offset(d);
		x->sel_s = u->sel.on && u->sel.doc == di ? u->sel.start : 0;
		x->sel_e = u->sel.on && u->sel.doc == di ? u->sel.end : 0;
		x->focus = u->lay.focus;
		x->when = (long long)time(NULL);
		x->path = d->a->path;
		n++;
	}
	if (n == 0 || path == NULL)
		return 0;
	lk = file_lock(path, e);
	if (lk == NULL)
		return -1;
	load(&r, file_lock_target(lk));
	/* the older records of these articles give way */
	for (i = 0; i < r.n; i++)
		for (p = 0; p < (int)n; p++)
			if (strcmp(r.v[i].id, now[p].id) == 0)
				r.v[i].id[0] = '\0';
	from = r.n > REOPEN_MAX ? r.n - REOPEN_MAX : 0;
	for (i = from; i < r.n; i++)
		if (r.v[i].id[0])
			write_rec(&b, &r.v[i]);
	for (p = 0; p < (int)n; p++)
		write_rec(&b, &now[p]);
	rc = file_write_atomic(file_lock_target(lk), b.data ? b.data : "",
			       b.len, e);
	file_unlock(lk);
	recs_free(&r);
	free(b.data);
	return rc;
}
