/* notes_file: the store's file.  Opening it, writing the store as YAML,
 * and saving: under the lock, the file is read again (notes_read.c),
 * merged by note id, written to a temporary file and renamed over the
 * old one. */
#include "brief/notes/notes.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "notes_priv.h"
#include "brief/base/fileio.h"
#include "brief/base/paths.h"
#include "brief/yaml/yamlio.h"

char *notes_default_path(void)
{
	return xdg_path("data", "notes.yaml");
}

struct notes *notes_open(const char *path, struct err *e)
{
	struct notes *ns = xcalloc(1, sizeof *ns);
	struct notes_disk f;
	size_t i;

	ns->path = xstrdup(path);
	if (notes_disk_read(path, &f, e) != 0) {
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

/* Take the other processes' notes: new ids, and their changes to notes
 * this session did not change.  A note both changed: this session's
 * stays, the other text becomes a conflict copy. */
static void merge(struct notes *ns, const struct notes_disk *disk)
{
	size_t i;

	for (i = 0; i < disk->n; i++) {
		const struct note *d = &disk->v[i];
		size_t k = strtab_find(&ns->ids, d->id, strlen(d->id),
				       note_id_at, ns->v);
		struct note *mine;

		if (k == SIZE_MAX) {
			note_copy(store_append(ns), d);
			store_index_last(ns);
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
			store_conflict_copy(ns, d); /* mine may move */
	}
	if (disk->extra) {
		ynode_free(ns->extra);
		ns->extra = ynode_copy(disk->extra);
	}
}

int notes_file_save(struct notes *ns, struct err *e)
{
	struct file_lock *lk = file_lock(ns->path, e);
	struct notes_disk disk;
	struct buf b = {0};
	size_t i;
	int rc = -1;

	if (lk == NULL) {
		struct err sub = *e;

		err_set(e, "notes cannot be saved: %s", sub.text);
		return -1;
	}
	if (notes_disk_read(file_lock_target(lk), &disk, e) == 0) {
		merge(ns, &disk);
		notes_disk_free(&disk);
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
	return notes_file_save(ns, e);
}
