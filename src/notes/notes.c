/* notes: the note store, its file, locking and merging. */
#include "brief/notes/notes.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <wctype.h>

#include "brief/base/utf8.h"
#include "brief/yaml/yamlio.h"

#define NOTES_VERSION 1

enum undo_kind { UNDO_ADD, UNDO_EDIT, UNDO_DELETE };

struct undo {
	enum undo_kind kind;
	char *id;
	char *text;           /* the text before an edit */
};

struct notes {
	char *path;
	struct note *v;
	size_t n, cap;
	struct undo *u;
	size_t nu, ucap;
};

char *notes_default_path(void)
{
	return xdg_path("data", "notes.yaml");
}


static void note_clear(struct note *no)
{
	size_t i;

	free(no->id);
	free(no->created);
	free(no->modified);
	free(no->text);
	for (i = 0; i < no->ntags; i++)
		free(no->tags[i]);
	free(no->tags);
	for (i = 0; i < no->nanchors; i++)
		anchor_clear(&no->anchor[i]);
	memset(no, 0, sizeof *no);
}

static void note_copy(struct note *dst, const struct note *src)
{
	size_t i;

	memset(dst, 0, sizeof *dst);
	dst->id = xstrdup(src->id);
	dst->created = xstrdup(src->created);
	dst->modified = xstrdup(src->modified);
	dst->text = xstrdup(src->text);
	dst->tags = xcalloc(src->ntags + 1, sizeof *dst->tags);
	for (i = 0; i < src->ntags; i++)
		dst->tags[i] = xstrdup(src->tags[i]);
	dst->ntags = src->ntags;
	for (i = 0; i < src->nanchors; i++)
		anchor_copy(&dst->anchor[i], &src->anchor[i]);
	dst->nanchors = src->nanchors;
	dst->deleted = src->deleted;
}

void notes_free(struct notes *ns)
{
	size_t i;

	if (ns == NULL)
		return;
	for (i = 0; i < ns->n; i++)
		note_clear(&ns->v[i]);
	free(ns->v);
	for (i = 0; i < ns->nu; i++) {
		free(ns->u[i].id);
		free(ns->u[i].text);
	}
	free(ns->u);
	free(ns->path);
	free(ns);
}

struct note *notes_all(struct notes *ns, size_t *n)
{
	*n = ns->n;
	return ns->v;
}

struct note *notes_find(struct notes *ns, const char *id)
{
	size_t i;

	for (i = 0; i < ns->n; i++)
		if (strcmp(ns->v[i].id, id) == 0)
			return &ns->v[i];
	return NULL;
}

static char *now_iso(void)
{
	struct timespec ts;
	struct tm tm;
	char buf[64];

	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
	return xasprintf("%s.%03ldZ", buf, ts.tv_nsec / 1000000);
}

/* The #tags of a text. */
static void set_tags(struct note *no)
{
	const char *t = no->text;
	size_t i = 0, n = strlen(t), j;

	for (j = 0; j < no->ntags; j++)
		free(no->tags[j]);
	free(no->tags);
	no->tags = NULL;
	no->ntags = 0;
	while (i < n) {
		size_t s, e;

		if (t[i] != '#' || (i > 0 && !(t[i - 1] == ' ' ||
					       t[i - 1] == '\n' ||
					       t[i - 1] == '(' ||
					       t[i - 1] == '\t'))) {
			i++;
			continue;
		}
		s = e = i + 1;
		while (e < n) {
			uint32_t cp;
			size_t k = utf8_decode(t + e, n - e, &cp);

			if (!(iswalnum((wint_t)cp) || cp == '-' || cp == '_'))
				break;
			e += k;
		}
		if (e > s) {
			int dup = 0;

			for (j = 0; j < no->ntags; j++)
				if (strlen(no->tags[j]) == e - s &&
				    memcmp(no->tags[j], t + s, e - s) == 0)
					dup = 1;
			if (!dup) {
				no->tags = xrealloc(no->tags, (no->ntags + 1) *
								      sizeof *no->tags);
				no->tags[no->ntags++] = xstrndup(t + s, e - s);
			}
		}
		i = e;
	}
}

/* ---- reading ---- */

static const char *scalar_of(const struct ynode *m, const char *key)
{
	const struct ynode *v = ynode_get(m, key);

	return v && v->type == YNODE_SCALAR ? v->str : NULL;
}

static int need_str(const char *path, const struct ynode *m, const char *key,
		    char **out, struct err *e)
{
	const char *s = scalar_of(m, key);

	if (s == NULL) {
		ynode_err(e, path, m, "a note needs '%s'", key);
		return -1;
	}
	*out = xstrdup(s);
	return 0;
}

static int read_anchor(const char *path, const struct ynode *m,
		       struct anchor *an, struct err *e)
{
	const char *pos;
	char *end;

	if (m->type != YNODE_MAP) {
		ynode_err(e, path, m, "an anchor must be a mapping");
		return -1;
	}
	if (need_str(path, m, "quote", &an->quote, e) != 0)
		return -1;
	an->article = scalar_of(m, "article") ? xstrdup(scalar_of(m, "article"))
					      : NULL;
	an->file = scalar_of(m, "file") ? xstrdup(scalar_of(m, "file")) : NULL;
	an->prefix = xstrdup(scalar_of(m, "prefix") ? scalar_of(m, "prefix")
						    : "");
	an->suffix = xstrdup(scalar_of(m, "suffix") ? scalar_of(m, "suffix")
						    : "");
	pos = scalar_of(m, "position");
	an->position = pos ? (size_t)strtoull(pos, &end, 10) : 0;
	if (pos && *end) {
		ynode_err(e, path, ynode_get(m, "position"),
			  "position must be a number");
		return -1;
	}
	return 0;
}

static int read_note(const char *path, const struct ynode *m,
		     struct note *no, struct err *e)
{
	const struct ynode *an, *del;
	size_t i;

	memset(no, 0, sizeof *no);
	if (m->type != YNODE_MAP) {
		ynode_err(e, path, m, "a note must be a mapping");
		return -1;
	}
	if (need_str(path, m, "id", &no->id, e) != 0 ||
	    need_str(path, m, "created", &no->created, e) != 0 ||
	    need_str(path, m, "modified", &no->modified, e) != 0 ||
	    need_str(path, m, "text", &no->text, e) != 0)
		return -1;
	del = ynode_get(m, "deleted");
	no->deleted = del && del->type == YNODE_SCALAR &&
		      (strcmp(del->str, "true") == 0 ||
		       strcmp(del->str, "1") == 0);
	an = ynode_get(m, "anchors");
	if (an == NULL || an->type != YNODE_SEQ || an->nkids == 0 ||
	    an->nkids > NOTE_MAX_ANCHORS) {
		ynode_err(e, path, an ? an : m,
			  "a note needs 'anchors': a list of one or two "
			  "passages");
		return -1;
	}
	for (i = 0; i < an->nkids; i++) {
		/* counted first, so that a half-read anchor is freed too */
		no->nanchors++;
		if (read_anchor(path, an->kids[i], &no->anchor[i], e) != 0)
			return -1;
	}
	set_tags(no);
	return 0;
}

/* Parse the file's bytes into a fresh array of notes. */
static int parse_notes(const char *path, const char *data, size_t len,
		       struct note **out, size_t *nout, struct err *e)
{
	struct ynode *root;
	const struct ynode *list, *count;
	struct note *v = NULL;
	size_t i, n = 0;
	int ok;

	*out = NULL;
	*nout = 0;
	if (memchr(data, '\0', len)) {
		err_set(e, "%s: binary file", path);
		return -1;
	}
	if (utf8_valid_prefix(data, len) != len) {
		err_set(e, "%s: not UTF-8 text", path);
		return -1;
	}
	root = yamlio_parse(data, len, path, 0, &ok, e);
	if (!ok)
		return -1;
	if (root == NULL || root->type != YNODE_MAP ||
	    !scalar_of(root, "brief-notes")) {
		ynode_err(e, path, root,
			  root ? "not a brief notes file (no 'brief-notes' "
				 "version)"
			       : "empty notes file");
		ynode_free(root);
		return -1;
	}
	list = ynode_get(root, "notes");
	count = ynode_get(root, "count");
	if (list == NULL || (list->type != YNODE_SEQ && !ynode_is_null(list))) {
		ynode_err(e, path, list ? list : root,
			  "'notes' must be a list");
		ynode_free(root);
		return -1;
	}
	if (count == NULL || count->type != YNODE_SCALAR ||
	    strtoul(count->str, NULL, 10) !=
		    (list->type == YNODE_SEQ ? list->nkids : 0)) {
		ynode_err(e, path, count ? count : root,
			  "the file is truncated or edited badly: 'count' "
			  "does not match the notes");
		ynode_free(root);
		return -1;
	}
	if (list->type == YNODE_SEQ && list->nkids)
		v = xcalloc(list->nkids, sizeof *v);
	for (i = 0; list->type == YNODE_SEQ && i < list->nkids; i++) {
		if (read_note(path, list->kids[i], &v[n], e) != 0) {
			note_clear(&v[n]);
			while (n > 0)
				note_clear(&v[--n]);
			free(v);
			ynode_free(root);
			return -1;
		}
		n++;
	}
	ynode_free(root);
	*out = v;
	*nout = n;
	return 0;
}

/* Read the file as it is now: 0 (maybe with no notes when it does not
 * exist), -1 on error. */
static int read_file(const char *path, struct note **v, size_t *n,
		     struct err *e)
{
	size_t len;
	char *data;
	struct err sub;
	int rc;

	*v = NULL;
	*n = 0;
	if (access(path, F_OK) != 0)
		return 0;
	data = file_read(path, &len, &sub);
	if (data == NULL) {
		err_set(e, "%s", sub.text);
		return -1;
	}
	rc = parse_notes(path, data, len, v, n, e);
	free(data);
	return rc;
}

struct notes *notes_open(const char *path, struct err *e)
{
	struct notes *ns = xcalloc(1, sizeof *ns);

	ns->path = xstrdup(path);
	if (read_file(path, &ns->v, &ns->n, e) != 0) {
		notes_free(ns);
		return NULL;
	}
	ns->cap = ns->n;
	return ns;
}

/* ---- writing ---- */

static void write_anchor(struct yout *y, const struct anchor *an)
{
	yout_map_start(y);
	yout_kv(y, "article", an->article);
	yout_kv(y, "file", an->file);
	yout_kv(y, "quote", an->quote);
	yout_kv(y, "prefix", an->prefix);
	yout_kv(y, "suffix", an->suffix);
	yout_ki(y, "position", (long long)an->position);
	yout_map_end(y);
}

void notes_write_yaml(struct notes *ns, struct buf *b)
{
	struct yout *y = yout_new_buf(b);
	size_t i, k;

	yout_doc_start(y);
	yout_map_start(y);
	yout_ki(y, "brief-notes", NOTES_VERSION);
	yout_key(y, "notes");
	yout_seq_start(y);
	for (i = 0; i < ns->n; i++) {
		const struct note *no = &ns->v[i];

		yout_map_start(y);
		yout_kv(y, "id", no->id);
		yout_kv(y, "created", no->created);
		yout_kv(y, "modified", no->modified);
		if (no->deleted) {
			yout_key(y, "deleted");
			yout_int(y, 1);
		}
		yout_kv(y, "text", no->text);
		yout_key(y, "tags");
		yout_seq_start_flow(y);
		for (k = 0; k < no->ntags; k++)
			yout_str(y, no->tags[k]);
		yout_seq_end(y);
		yout_key(y, "anchors");
		yout_seq_start(y);
		for (k = 0; k < no->nanchors; k++)
			write_anchor(y, &no->anchor[k]);
		yout_seq_end(y);
		yout_map_end(y);
	}
	yout_seq_end(y);
	yout_ki(y, "count", (long long)ns->n);
	yout_map_end(y);
	yout_doc_end(y);
	yout_free(y);
}

/* Take the other process's notes: new ids, and later changes. */
static void merge(struct notes *ns, struct note *disk, size_t nd)
{
	size_t i;

	for (i = 0; i < nd; i++) {
		struct note *mine = notes_find(ns, disk[i].id);

		if (mine == NULL) {
			ns->v = xgrow(ns->v, &ns->cap, ns->n + 1, sizeof *ns->v);
			note_copy(&ns->v[ns->n++], &disk[i]);
		} else if (!mine->dirty &&
			   (strcmp(disk[i].modified, mine->modified) != 0 ||
			    disk[i].deleted != mine->deleted ||
			    strcmp(disk[i].text, mine->text) != 0)) {
			/* what this session did not change: the file knows
			 * best, whatever the clocks say */
			note_clear(mine);
			note_copy(mine, &disk[i]);
		}
	}
}

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	return xstrndup(path, slash == path ? 1 : (size_t)(slash - path));
}

/* mkdir -p for the notes file's directory. */
static int make_dirs(const char *dir)
{
	char *p = xstrdup(dir), *s;
	int rc = 0;

	for (s = p + 1; *s; s++)
		if (*s == '/') {
			*s = '\0';
			if (mkdir(p, 0700) != 0 && errno != EEXIST)
				rc = -1;
			*s = '/';
		}
	if (mkdir(p, 0700) != 0 && errno != EEXIST)
		rc = -1;
	free(p);
	return rc;
}

int notes_save(struct notes *ns, struct err *e)
{
	/* a notes file that is a link (to a shared file): write the file it
	 * points to, and lock beside it */
	char *target = realpath(ns->path, NULL);
	char *dir, *lock;

	if (target == NULL)
		target = xstrdup(ns->path);
	dir = dir_of(target);
	lock = xasprintf("%s.lock", target);
	struct note *disk;
	struct buf b = {0};
	size_t nd, i;
	int fd, rc = -1;

	if (access(dir, F_OK) != 0 && make_dirs(dir) != 0) {
		err_set(e, "%s: cannot create the directory: %s", dir,
			strerror(errno));
		goto out;
	}
	fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0) {
		err_set(e, "%s: notes cannot be saved: %s", ns->path,
			strerror(errno));
		goto out;
	}
	if (flock(fd, LOCK_EX) != 0) {
		err_set(e, "%s: cannot lock: %s", lock, strerror(errno));
		close(fd);
		goto out;
	}
	if (read_file(target, &disk, &nd, e) == 0) {
		merge(ns, disk, nd);
		for (i = 0; i < nd; i++)
			note_clear(&disk[i]);
		free(disk);
		notes_write_yaml(ns, &b);
		rc = file_write_atomic(target, b.data, b.len, e);
		if (rc == 0)
			for (i = 0; i < ns->n; i++)
				ns->v[i].dirty = 0;
		if (rc != 0) {
			struct err sub = *e;

			err_set(e, "notes cannot be saved: %s", sub.text);
		}
	}
	flock(fd, LOCK_UN);
	close(fd);
out:
	buf_free(&b);
	free(lock);
	free(dir);
	free(target);
	return rc;
}

/* ---- changes ---- */

static void push_undo(struct notes *ns, enum undo_kind k, const char *id,
		      const char *text)
{
	ns->u = xgrow(ns->u, &ns->ucap, ns->nu + 1, sizeof *ns->u);
	ns->u[ns->nu].kind = k;
	ns->u[ns->nu].id = xstrdup(id);
	ns->u[ns->nu].text = text ? xstrdup(text) : NULL;
	ns->nu++;
}

/* Unique across stores and processes: the time, the process, a counter
 * shared by the whole process, and random bits. */
static char *new_id(void)
{
	static unsigned counter;
	struct timespec ts;
	unsigned rnd = 0;
	int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);

	if (fd >= 0) {
		if (read(fd, &rnd, sizeof rnd) != (ssize_t)sizeof rnd)
			rnd = 0;
		close(fd);
	}
	clock_gettime(CLOCK_REALTIME, &ts);
	rnd ^= (unsigned)ts.tv_nsec;
	return xasprintf("n%llx-%x-%u-%08x",
			 (unsigned long long)ts.tv_sec * 1000ULL +
				 (unsigned long long)(ts.tv_nsec / 1000000),
			 (unsigned)getpid(), ++counter, rnd);
}

int notes_add(struct notes *ns, const char *text, const struct anchor *an,
	      size_t nanchors, const char **id, struct err *e)
{
	struct note *no;
	size_t i;

	if (nanchors == 0 || nanchors > NOTE_MAX_ANCHORS) {
		err_set(e, "a note needs one or two passages");
		return -1;
	}
	ns->v = xgrow(ns->v, &ns->cap, ns->n + 1, sizeof *ns->v);
	no = &ns->v[ns->n++];
	memset(no, 0, sizeof *no);
	no->id = new_id();
	no->created = now_iso();
	no->modified = xstrdup(no->created);
	no->text = xstrdup(text);
	no->dirty = 1;
	for (i = 0; i < nanchors; i++)
		anchor_copy(&no->anchor[i], &an[i]);
	no->nanchors = nanchors;
	set_tags(no);
	push_undo(ns, UNDO_ADD, no->id, NULL);
	if (id)
		*id = no->id;
	return notes_save(ns, e);
}

static void touch(struct note *no)
{
	no->dirty = 1;
	free(no->modified);
	no->modified = now_iso();
}

int notes_edit(struct notes *ns, const char *id, const char *text,
	       struct err *e)
{
	struct note *no = notes_find(ns, id);

	if (no == NULL || no->deleted) {
		err_set(e, "no such note: %s", id);
		return -1;
	}
	push_undo(ns, UNDO_EDIT, id, no->text);
	free(no->text);
	no->text = xstrdup(text);
	set_tags(no);
	touch(no);
	return notes_save(ns, e);
}

int notes_delete(struct notes *ns, const char *id, struct err *e)
{
	struct note *no = notes_find(ns, id);

	if (no == NULL || no->deleted) {
		err_set(e, "no such note: %s", id);
		return -1;
	}
	push_undo(ns, UNDO_DELETE, id, NULL);
	no->deleted = 1;
	touch(no);
	return notes_save(ns, e);
}

int notes_undo(struct notes *ns, struct err *e)
{
	struct undo *u;
	struct note *no;
	int rc;

	if (ns->nu == 0)
		return 1;
	u = &ns->u[--ns->nu];
	no = notes_find(ns, u->id);
	if (no != NULL) {
		switch (u->kind) {
		case UNDO_ADD:
			no->deleted = 1;
			break;
		case UNDO_DELETE:
			no->deleted = 0;
			break;
		case UNDO_EDIT:
			free(no->text);
			no->text = xstrdup(u->text);
			set_tags(no);
			break;
		}
		touch(no);
	}
	free(u->id);
	free(u->text);
	rc = no ? notes_save(ns, e) : 0;
	return rc;
}
