/* notes_read: reading a notes file and validating it: the version, the
 * count, each note and its anchors, ids given once, numbers in range;
 * keys brief does not know are kept to be written back. */
#include "brief/notes/notes.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "notes_priv.h"
#include "brief/base/fileio.h"
#include "brief/base/utf8.h"
#include "brief/yaml/yamlio.h"

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
	note_set_tags(no);
	return 0;
}

void notes_disk_free(struct notes_disk *f)
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
		      struct notes_disk *f, struct err *e)
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
		       struct notes_disk *f, struct err *e)
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
		notes_disk_free(f);
		goto out;
	}
	f->extra = extra_of(root, top_keys);
	rc = 0;
out:
	ynode_free(root);
	return rc;
}

int notes_disk_read(const char *path, struct notes_disk *f,
		    struct err *e)
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
