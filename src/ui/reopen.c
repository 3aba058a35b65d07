/* reopen: reading positions kept across sessions. */
#include "brief/ui/reopen.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "brief/base/buf.h"
#include "brief/base/fileio.h"
#include "brief/base/fileread.h"
#include "brief/ui/reader.h"

/* Articles remembered (the most recent). */
#define REOPEN_MAX 1000

/* One line of the file: id, size, mtime, top, selection start and end
 * (0 0: none), the id shown beside it in pane B (or -), the focused pane,
 * when, path (the rest of the line). */
struct rec {
	char id[80], beside[80];
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

/* The record of doc d: by path, size and time; else by content id when a
 * record has its size.  NULL when none. */
static const struct rec *find(const struct recs *r, const struct doc *d)
{
	long long size, mtime;
	size_t i;
	int same_size = 0;

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
		    strcmp(r->v[i].id, article_id(d->a)) == 0)
			return &r->v[i];
	return NULL;
}

static long doc_by_id(struct ui *u, const char *id)
{
	size_t i;

	for (i = 0; i < u->ndocs; i++)
		if (strcmp(article_id(u->docs[i]->a), id) == 0)
			return (long)i;
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
		long b = doc_by_id(u, x->beside);

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

	buf_printf(b, "%s %lld %lld %llu %llu %llu %s %d %lld ", x->id, x->size,
		   x->mtime, x->top, x->sel_s, x->sel_e, x->beside, x->focus,
		   x->when);
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
		snprintf(x->beside, sizeof x->beside, "%s",
			 p == 0 && u->ndocs > 1 && u->lay.shown[1] != di
				 ? article_id(u->docs[u->lay.shown[1]]->a)
				 : "-");
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
