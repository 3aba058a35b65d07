/* notes: the note store, its file, locking and merging. */
#include "brief/notes/notes.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <wctype.h>

#include "brief/base/fileio.h"
#include "brief/base/utf8.h"
#include "brief/yaml/yamlio.h"

enum undo_kind { UNDO_ADD, UNDO_EDIT, UNDO_DELETE };

struct undo {
	enum undo_kind kind;
	char *id;
	char *text;           /* the text before an edit */
	char *after;          /* the text this session's change left */
};

/* An index of strings by their text, kept beside an array the caller
 * owns: each slot holds 1 + a position in that array (0: empty); open
 * addressing, never more than half full. */
struct strtab {
	size_t *slot;
	size_t cap;           /* 0 or a power of two */
	size_t n;
};

typedef const char *(*strtab_key)(const void *arr, size_t i);

struct notes {
	char *path;
	struct note *v;
	size_t n, cap;
	struct strtab ids;    /* of v, by id */
	struct ynode *extra;  /* top-level keys brief does not know */
	struct undo *u;
	size_t nu, ucap;
	size_t conflicts;     /* conflict copies made by the last change */
};

static size_t strtab_find(const struct strtab *t, const char *k, size_t kl,
			  strtab_key key, const void *arr)
{
	size_t i;

	if (t->cap == 0)
		return SIZE_MAX;
	for (i = (size_t)hash_bytes(k, kl) & (t->cap - 1); t->slot[i];
	     i = (i + 1) & (t->cap - 1)) {
		const char *s = key(arr, t->slot[i] - 1);

		if (strncmp(s, k, kl) == 0 && s[kl] == '\0')
			return t->slot[i] - 1;
	}
	return SIZE_MAX;
}

static void strtab_place(struct strtab *t, size_t at, const char *k)
{
	size_t i = (size_t)hash_bytes(k, strlen(k)) & (t->cap - 1);

	while (t->slot[i])
		i = (i + 1) & (t->cap - 1);
	t->slot[i] = at + 1;
}

/* Add arr[at] (not in the index yet). */
static void strtab_put(struct strtab *t, size_t at, strtab_key key,
		       const void *arr)
{
	if (2 * (t->n + 1) > t->cap) {
		size_t old = t->cap, i, *was = t->slot;

		t->cap = old ? 2 * old : 16;
		t->slot = xcalloc(t->cap, sizeof *t->slot);
		for (i = 0; i < old; i++)
			if (was[i])
				strtab_place(t, was[i] - 1,
					     key(arr, was[i] - 1));
		free(was);
	}
	strtab_place(t, at, key(arr, at));
	t->n++;
}

static void strtab_free(struct strtab *t)
{
	free(t->slot);
	memset(t, 0, sizeof *t);
}

static const char *note_id_at(const void *arr, size_t i)
{
	return ((const struct note *)arr)[i].id;
}

static const char *str_at(const void *arr, size_t i)
{
	return ((char *const *)arr)[i];
}

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
	free(no->conflict_of);
	ynode_free(no->extra);
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
	dst->revision = src->revision;
	dst->base = src->revision;
	dst->conflict_of = src->conflict_of ? xstrdup(src->conflict_of) : NULL;
	dst->extra = ynode_copy(src->extra);
}

static void undo_clear(struct undo *u)
{
	free(u->id);
	free(u->text);
	free(u->after);
}

void notes_free(struct notes *ns)
{
	size_t i;

	if (ns == NULL)
		return;
	for (i = 0; i < ns->n; i++)
		note_clear(&ns->v[i]);
	free(ns->v);
	strtab_free(&ns->ids);
	ynode_free(ns->extra);
	for (i = 0; i < ns->nu; i++)
		undo_clear(&ns->u[i]);
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
	size_t i = strtab_find(&ns->ids, id, strlen(id), note_id_at, ns->v);

	return i == SIZE_MAX ? NULL : &ns->v[i];
}

size_t notes_conflicts(const struct notes *ns)
{
	return ns->conflicts;
}

/* A fresh slot at the end of the store (zeroed); index it with
 * index_last once its id is set. */
static struct note *append(struct notes *ns)
{
	struct note *no;

	ns->v = xgrow(ns->v, &ns->cap, ns->n + 1, sizeof *ns->v);
	no = &ns->v[ns->n++];
	memset(no, 0, sizeof *no);
	return no;
}

static void index_last(struct notes *ns)
{
	strtab_put(&ns->ids, ns->n - 1, note_id_at, ns->v);
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

static void add_tag(struct note *no, struct strtab *seen, const char *s,
		    size_t n)
{
	if (strtab_find(seen, s, n, str_at, no->tags) != SIZE_MAX)
		return;
	no->tags = xrealloc(no->tags, (no->ntags + 1) * sizeof *no->tags);
	no->tags[no->ntags++] = xstrndup(s, n);
	strtab_put(seen, no->ntags - 1, str_at, no->tags);
}

/* The #tags of a text (each once, in order; an index keeps a text of
 * many tags linear), and "conflict" for a conflict copy. */
static void set_tags(struct note *no)
{
	const char *t = no->text;
	size_t i = 0, n = strlen(t), j;
	struct strtab seen = {0};

	for (j = 0; j < no->ntags; j++)
		free(no->tags[j]);
	free(no->tags);
	no->tags = NULL;
	no->ntags = 0;
	if (no->conflict_of)
		add_tag(no, &seen, "conflict", 8);
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
		if (e > s)
			add_tag(no, &seen, t + s, e - s);
		i = e;
	}
	strtab_free(&seen);
}

/* ---- reading ---- */

/* An optional string: *out is NULL when absent or null; -1 when the
 * value is not a string. */
static int opt_str(const char *path, const struct ynode *m, const char *key,
		   char **out, struct err *e)
{
	const struct ynode *v = ynode_get(m, key);

	*out = NULL;
	if (v == NULL || ynode_is_null(v))
		return 0;
	if (v->type != YNODE_SCALAR) {
		ynode_err(e, path, v, "'%s' must be a string", key);
		return -1;
	}
	*out = xstrndup(v->str, v->len);
	return 0;
}

static int need_str(const char *path, const struct ynode *m, const char *key,
		    char **out, struct err *e)
{
	if (opt_str(path, m, key, out, e) != 0)
		return -1;
	if (*out == NULL) {
		ynode_err(e, path, m, "a note needs '%s'", key);
		return -1;
	}
	return 0;
}

/* A whole number from 0 to max (dflt when the key is absent); written
 * in digits only, so that nothing wraps. */
static int read_num(const char *path, const struct ynode *m, const char *key,
		    unsigned long long max, unsigned long long dflt,
		    unsigned long long *out, struct err *e)
{
	const struct ynode *v = ynode_get(m, key);
	unsigned long long x = 0;
	size_t i;

	*out = dflt;
	if (v == NULL)
		return 0;
	if (v->type != YNODE_SCALAR || v->len == 0)
		goto bad;
	for (i = 0; i < v->len; i++) {
		unsigned d = (unsigned char)v->str[i] - '0';

		if (d > 9 || x > (max - d) / 10)
			goto bad;
		x = x * 10 + d;
	}
	*out = x;
	return 0;
bad:
	ynode_err(e, path, v, "'%s' must be a whole number from 0 to %llu",
		  key, max);
	return -1;
}

/* The pairs of map m whose keys are not in known (NULL-terminated), as
 * a new mapping; NULL when there are none. */
static struct ynode *extra_of(const struct ynode *m, const char *const *known)
{
	struct ynode *x = NULL;
	size_t i, k;

	for (i = 0; i + 1 < m->nkids; i += 2) {
		for (k = 0; known[k]; k++)
			if (strcmp(m->kids[i]->str, known[k]) == 0)
				break;
		if (known[k])
			continue;
		if (x == NULL)
			x = ynode_new(YNODE_MAP, m->line, m->col);
		ynode_add(x, ynode_copy(m->kids[i]));
		ynode_add(x, ynode_copy(m->kids[i + 1]));
	}
	return x;
}

static const char *const anchor_keys[] = {
	"article", "file", "quote", "quote-length", "quote-hash", "prefix",
	"suffix", "position", NULL
};

static int read_anchor(const char *path, const struct ynode *m,
		       struct anchor *an, struct err *e)
{
	unsigned long long pos, len;
	const struct ynode *h;
	size_t i;

	if (m->type != YNODE_MAP) {
		ynode_err(e, path, m, "an anchor must be a mapping");
		return -1;
	}
	if (need_str(path, m, "quote", &an->quote, e) != 0 ||
	    opt_str(path, m, "article", &an->article, e) != 0 ||
	    opt_str(path, m, "file", &an->file, e) != 0 ||
	    opt_str(path, m, "prefix", &an->prefix, e) != 0 ||
	    opt_str(path, m, "suffix", &an->suffix, e) != 0 ||
	    read_num(path, m, "position", ANCHOR_MAX_OFFSET, 0, &pos, e) != 0 ||
	    read_num(path, m, "quote-length", ANCHOR_MAX_OFFSET, 0, &len,
		     e) != 0)
		return -1;
	if (an->prefix == NULL)
		an->prefix = xstrdup("");
	if (an->suffix == NULL)
		an->suffix = xstrdup("");
	an->position = (size_t)pos;
	an->length = (size_t)len;
	h = ynode_get(m, "quote-hash");
	if (an->length != 0 && an->length <= strlen(an->quote)) {
		ynode_err(e, path, ynode_get(m, "quote-length"),
			  "'quote-length' must be longer than the quote");
		return -1;
	}
	if ((an->length != 0) != (h != NULL)) {
		ynode_err(e, path, h ? h : m, "'quote-length' and 'quote-hash' "
			  "go together");
		return -1;
	}
	if (h != NULL) {
		for (i = 0; h->type == YNODE_SCALAR && i < h->len; i++)
			if (!((h->str[i] >= '0' && h->str[i] <= '9') ||
			      (h->str[i] >= 'a' && h->str[i] <= 'f')))
				break;
		if (h->type != YNODE_SCALAR || h->len != 16 || i != 16) {
			ynode_err(e, path, h, "'quote-hash' must be 16 hex "
				  "digits");
			return -1;
		}
		memcpy(an->hash, h->str, 17);
	}
	an->extra = extra_of(m, anchor_keys);
	return 0;
}

static const char *const note_keys[] = {
	"id", "created", "modified", "revision", "deleted", "conflict-of",
	"text", "tags", "anchors", NULL
};

static int read_note(const char *path, const struct ynode *m,
		     struct note *no, struct err *e)
{
	const struct ynode *an, *del;
	unsigned long long rev;
	size_t i;

	memset(no, 0, sizeof *no);
	if (m->type != YNODE_MAP) {
		ynode_err(e, path, m, "a note must be a mapping");
		return -1;
	}
	if (need_str(path, m, "id", &no->id, e) != 0 ||
	    need_str(path, m, "created", &no->created, e) != 0 ||
	    need_str(path, m, "modified", &no->modified, e) != 0 ||
	    need_str(path, m, "text", &no->text, e) != 0 ||
	    opt_str(path, m, "conflict-of", &no->conflict_of, e) != 0 ||
	    read_num(path, m, "revision", NOTES_MAX_REVISION, 0, &rev, e) != 0)
		return -1;
	no->revision = no->base = rev;
	del = ynode_get(m, "deleted");
	if (del != NULL) {
		const char *d = del->type == YNODE_SCALAR ? del->str : "";

		no->deleted = strcmp(d, "true") == 0 || strcmp(d, "1") == 0;
		if (!no->deleted && strcmp(d, "false") != 0 &&
		    strcmp(d, "0") != 0) {
			ynode_err(e, path, del, "'deleted' must be 1 or 0");
			return -1;
		}
	}
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
	no->extra = extra_of(m, note_keys);
	set_tags(no);
	return 0;
}

/* What a notes file holds. */
struct file {
	struct note *v;
	size_t n;
	struct ynode *extra;  /* its top-level keys brief does not know */
};

static void file_free(struct file *f)
{
	while (f->n > 0)
		note_clear(&f->v[--f->n]);
	free(f->v);
	ynode_free(f->extra);
	memset(f, 0, sizeof *f);
}

static const char *const top_keys[] = {"brief-notes", "notes", "count", NULL};

/* The version line: a number, not newer than this brief's. */
static int check_version(const char *path, const struct ynode *root,
			 struct err *e)
{
	unsigned long long ver;
	const struct ynode *v = ynode_get(root, "brief-notes");

	if (read_num(path, root, "brief-notes", ULLONG_MAX, 0, &ver, e) != 0)
		return -1;
	if (ver == 0) {
		ynode_err(e, path, v, "notes file version 0 is not one brief "
			  "wrote");
		return -1;
	}
	if (ver > NOTES_VERSION) {
		ynode_err(e, path, v, "notes file version %llu is newer than "
			  "this brief (%d)", ver, NOTES_VERSION);
		return -1;
	}
	return 0;
}

/* The notes of list into f; each id once. */
static int read_notes(const char *path, const struct ynode *list,
		      struct file *f, struct err *e)
{
	struct strtab seen = {0};
	size_t i, at;
	int rc = 0;

	if (list->type == YNODE_SEQ && list->nkids)
		f->v = xcalloc(list->nkids, sizeof *f->v);
	for (i = 0; rc == 0 && list->type == YNODE_SEQ && i < list->nkids;
	     i++) {
		if (read_note(path, list->kids[i], &f->v[f->n], e) != 0) {
			note_clear(&f->v[f->n]);
			rc = -1;
			break;
		}
		f->n++;
		at = strtab_find(&seen, f->v[i].id, strlen(f->v[i].id),
				 note_id_at, f->v);
		if (at != SIZE_MAX) {
			const struct ynode *was = ynode_get(list->kids[at], "id");

			ynode_err(e, path, ynode_get(list->kids[i], "id"),
				  "duplicate note id '%.200s' (first at %d:%d)",
				  f->v[i].id, was->line, was->col);
			rc = -1;
		} else {
			strtab_put(&seen, i, note_id_at, f->v);
		}
	}
	strtab_free(&seen);
	return rc;
}

/* Parse the file's bytes into f. */
static int parse_notes(const char *path, const char *data, size_t len,
		       struct file *f, struct err *e)
{
	struct ynode *root;
	const struct ynode *list;
	unsigned long long count;
	int ok, rc = -1;

	memset(f, 0, sizeof *f);
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
	    !ynode_get(root, "brief-notes")) {
		ynode_err(e, path, root,
			  root ? "not a brief notes file (no 'brief-notes' "
				 "version)"
			       : "empty notes file");
		goto out;
	}
	if (check_version(path, root, e) != 0)
		goto out;
	list = ynode_get(root, "notes");
	if (list == NULL || (list->type != YNODE_SEQ && !ynode_is_null(list))) {
		ynode_err(e, path, list ? list : root,
			  "'notes' must be a list");
		goto out;
	}
	if (ynode_get(root, "count") == NULL ||
	    read_num(path, root, "count", SIZE_MAX, 0, &count, e) != 0 ||
	    count != (list->type == YNODE_SEQ ? list->nkids : 0)) {
		const struct ynode *c = ynode_get(root, "count");

		ynode_err(e, path, c ? c : root,
			  "the file is truncated or edited badly: 'count' "
			  "does not match the notes");
		goto out;
	}
	if (read_notes(path, list, f, e) != 0) {
		file_free(f);
		goto out;
	}
	f->extra = extra_of(root, top_keys);
	rc = 0;
out:
	ynode_free(root);
	return rc;
}

/* Read the file as it is now: 0 (maybe with no notes when it does not
 * exist), -1 on error. */
static int read_file(const char *path, struct file *f, struct err *e)
{
	size_t len;
	char *data;
	struct err sub;
	int rc;

	memset(f, 0, sizeof *f);
	if (access(path, F_OK) != 0)
		return 0;
	data = file_read(path, &len, &sub);
	if (data == NULL) {
		err_set(e, "%s", sub.text);
		return -1;
	}
	rc = parse_notes(path, data, len, f, e);
	free(data);
	return rc;
}

struct notes *notes_open(const char *path, struct err *e)
{
	struct notes *ns = xcalloc(1, sizeof *ns);
	struct file f;
	size_t i;

	ns->path = xstrdup(path);
	if (read_file(path, &f, e) != 0) {
		notes_free(ns);
		return NULL;
	}
	ns->v = f.v;
	ns->n = ns->cap = f.n;
	ns->extra = f.extra;
	for (i = 0; i < ns->n; i++)
		strtab_put(&ns->ids, i, note_id_at, ns->v);
	return ns;
}

/* ---- writing ---- */

/* The pairs of a mapping of unknown keys, inside the current mapping. */
static void write_extra(struct yout *y, const struct ynode *x)
{
	size_t i;

	for (i = 0; x && i < x->nkids; i++)
		yout_node(y, x->kids[i]);
}

static void write_anchor(struct yout *y, const struct anchor *an)
{
	yout_map_start(y);
	yout_kv(y, "article", an->article);
	yout_kv(y, "file", an->file);
	yout_kv(y, "quote", an->quote);
	if (an->length) {
		yout_ki(y, "quote-length", (long long)an->length);
		yout_kv(y, "quote-hash", an->hash);
	}
	yout_kv(y, "prefix", an->prefix);
	yout_kv(y, "suffix", an->suffix);
	yout_ki(y, "position", (long long)an->position);
	write_extra(y, an->extra);
	yout_map_end(y);
}

static void write_note(struct yout *y, const struct note *no)
{
	size_t k;

	yout_map_start(y);
	yout_kv(y, "id", no->id);
	yout_kv(y, "created", no->created);
	yout_kv(y, "modified", no->modified);
	yout_ki(y, "revision", (long long)no->revision);
	if (no->deleted)
		yout_ki(y, "deleted", 1);
	if (no->conflict_of)
		yout_kv(y, "conflict-of", no->conflict_of);
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
	write_extra(y, no->extra);
	yout_map_end(y);
}

void notes_write_yaml(struct notes *ns, struct buf *b)
{
	struct yout *y = yout_new_buf(b);
	size_t i;

	yout_doc_start(y);
	yout_map_start(y);
	yout_ki(y, "brief-notes", NOTES_VERSION);
	/* before the notes: 'count' closes the file */
	write_extra(y, ns->extra);
	yout_key(y, "notes");
	yout_seq_start(y);
	for (i = 0; i < ns->n; i++)
		write_note(y, &ns->v[i]);
	yout_seq_end(y);
	yout_ki(y, "count", (long long)ns->n);
	yout_map_end(y);
	yout_doc_end(y);
	yout_free(y);
}

/* ---- merging ---- */

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

/* Keep the text of src (another process's) as a new note on the same
 * passages, marked as a conflict copy of src. */
static void conflict_copy(struct notes *ns, const struct note *src)
{
	struct note *c, copy;

	note_copy(&copy, src); /* src may be in ns->v, which moves */
	c = append(ns);
	*c = copy;
	free(c->created);
	free(c->modified);
	free(c->conflict_of);
	c->conflict_of = c->id;
	c->id = new_id();
	c->created = now_iso();
	c->modified = xstrdup(c->created);
	c->deleted = 0;
	c->revision = 1;
	c->base = 0;
	c->dirty = 1;
	set_tags(c);
	index_last(ns);
	ns->conflicts++;
}

/* Take the other processes' notes: new ids, and their changes to notes
 * this session did not change.  A note both changed: this session's
 * stays, the other text becomes a conflict copy. */
static void merge(struct notes *ns, const struct file *disk)
{
	size_t i;

	for (i = 0; i < disk->n; i++) {
		const struct note *d = &disk->v[i];
		size_t k = strtab_find(&ns->ids, d->id, strlen(d->id),
				       note_id_at, ns->v);
		struct note *mine;

		if (k == SIZE_MAX) {
			note_copy(append(ns), d);
			index_last(ns);
			continue;
		}
		mine = &ns->v[k];
		if (!mine->dirty) {
			/* what this session did not change: the file knows
			 * best, whatever the clocks say */
			if (d->revision != mine->revision ||
			    d->deleted != mine->deleted ||
			    strcmp(d->modified, mine->modified) != 0 ||
			    strcmp(d->text, mine->text) != 0) {
				note_clear(mine);
				note_copy(mine, d);
			}
			continue;
		}
		if (d->revision <= mine->base)
			continue;
		/* changed here and there since this session read it */
		if (mine->revision <= d->revision)
			mine->revision = d->revision < NOTES_MAX_REVISION
						 ? d->revision + 1
						 : d->revision;
		mine->base = d->revision;
		if (!d->deleted && strcmp(d->text, mine->text) != 0)
			conflict_copy(ns, d); /* mine may move */
	}
	if (disk->extra) {
		ynode_free(ns->extra);
		ns->extra = ynode_copy(disk->extra);
	}
}

/* notes_save without counting conflicts afresh. */
static int save(struct notes *ns, struct err *e)
{
	struct file_lock *lk = file_lock(ns->path, e);
	struct file disk;
	struct buf b = {0};
	size_t i;
	int rc = -1;

	if (lk == NULL) {
		struct err sub = *e;

		err_set(e, "notes cannot be saved: %s", sub.text);
		return -1;
	}
	if (read_file(file_lock_target(lk), &disk, e) == 0) {
		merge(ns, &disk);
		file_free(&disk);
		notes_write_yaml(ns, &b);
		rc = file_write_atomic(file_lock_target(lk), b.data, b.len, e);
		if (rc == 0)
			for (i = 0; i < ns->n; i++) {
				ns->v[i].dirty = 0;
				ns->v[i].base = ns->v[i].revision;
			}
		if (rc != 0) {
			struct err sub = *e;

			err_set(e, "notes cannot be saved: %s", sub.text);
		}
	}
	file_unlock(lk);
	buf_free(&b);
	return rc;
}

int notes_save(struct notes *ns, struct err *e)
{
	ns->conflicts = 0;
	return save(ns, e);
}

/* ---- changes ---- */

static void push_undo(struct notes *ns, enum undo_kind k,
		      const struct note *no, const char *before)
{
	struct undo *u;

	ns->u = xgrow(ns->u, &ns->ucap, ns->nu + 1, sizeof *ns->u);
	u = &ns->u[ns->nu++];
	u->kind = k;
	u->id = xstrdup(no->id);
	u->text = before ? xstrdup(before) : NULL;
	u->after = xstrdup(no->text);
}

static int text_too_long(const char *text, struct err *e)
{
	size_t n = strlen(text);

	if (n <= NOTE_MAX_TEXT)
		return 0;
	err_set(e, "a note holds at most %u KiB of text; this one has %zu "
		"KiB (not saved)", NOTE_MAX_TEXT >> 10, (n + 1023) >> 10);
	return 1;
}

int notes_add(struct notes *ns, const char *text, const struct anchor *an,
	      size_t nanchors, const char **id, struct err *e)
{
	struct note *no;
	size_t i;

	ns->conflicts = 0;
	if (nanchors == 0 || nanchors > NOTE_MAX_ANCHORS) {
		err_set(e, "a note needs one or two passages");
		return -1;
	}
	if (text_too_long(text, e))
		return -1;
	no = append(ns);
	no->id = new_id();
	no->created = now_iso();
	no->modified = xstrdup(no->created);
	no->text = xstrdup(text);
	no->dirty = 1;
	no->revision = 1;
	for (i = 0; i < nanchors; i++)
		anchor_copy(&no->anchor[i], &an[i]);
	no->nanchors = nanchors;
	set_tags(no);
	index_last(ns);
	push_undo(ns, UNDO_ADD, no, NULL);
	if (id)
		*id = no->id;
	return save(ns, e);
}

/* A change of this session: the next revision of what it started from. */
static void touch(struct note *no)
{
	if (!no->dirty) {
		no->base = no->revision;
		if (no->revision < NOTES_MAX_REVISION)
			no->revision++;
	}
	no->dirty = 1;
	free(no->modified);
	no->modified = now_iso();
}

int notes_edit(struct notes *ns, const char *id, const char *text,
	       struct err *e)
{
	struct note *no = notes_find(ns, id);
	char *before;

	ns->conflicts = 0;
	if (no == NULL || no->deleted) {
		err_set(e, "no such note: %s", id);
		return -1;
	}
	if (text_too_long(text, e))
		return -1;
	before = no->text;
	no->text = xstrdup(text);
	push_undo(ns, UNDO_EDIT, no, before);
	free(before);
	set_tags(no);
	touch(no);
	return save(ns, e);
}

int notes_delete(struct notes *ns, const char *id, struct err *e)
{
	struct note *no = notes_find(ns, id);

	ns->conflicts = 0;
	if (no == NULL || no->deleted) {
		err_set(e, "no such note: %s", id);
		return -1;
	}
	no->deleted = 1;
	push_undo(ns, UNDO_DELETE, no, NULL);
	touch(no);
	return save(ns, e);
}

size_t notes_unsaved(const struct notes *ns)
{
	size_t i, n = 0;

	for (i = 0; i < ns->n; i++)
		n += ns->v[i].dirty != 0;
	return n;
}

int notes_undo(struct notes *ns, struct err *e)
{
	struct undo *u;
	struct note *no;
	int rc = 0;

	ns->conflicts = 0;
	if (ns->nu == 0)
		return 1;
	u = &ns->u[--ns->nu];
	no = notes_find(ns, u->id);
	if (no != NULL) {
		/* another process changed the note since (and this session
		 * picked it up): keep that text before undoing */
		if (!no->deleted && strcmp(no->text, u->after) != 0) {
			size_t at = (size_t)(no - ns->v);

			conflict_copy(ns, no);
			no = &ns->v[at];
		}
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
		rc = save(ns, e);
	}
	undo_clear(u);
	return rc;
}
