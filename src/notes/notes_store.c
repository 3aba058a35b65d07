/* notes_store: the notes in memory and this session's changes to them:
 * add, edit, delete, undo, revisions, tags and conflict copies.  Each
 * change is saved at once (notes_file.c). */
#include "brief/notes/notes.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <wctype.h>

#include "notes_priv.h"
#include "brief/base/utf8.h"
#include "brief/yaml/yamlio.h"

const char *note_id_at(const void *arr, size_t i)
{
	return ((const struct note *)arr)[i].id;
}

static const char *str_at(const void *arr, size_t i)
{
	return ((char *const *)arr)[i];
}


void note_clear(struct note *no)
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

void note_copy(struct note *dst, const struct note *src)
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

struct note *store_append(struct notes *ns)
{
	struct note *no;

	ns->v = xgrow(ns->v, &ns->cap, ns->n + 1, sizeof *ns->v);
	no = &ns->v[ns->n++];
	memset(no, 0, sizeof *no);
	return no;
}

void store_index_last(struct notes *ns)
{
	strtab_put(&ns->ids, ns->n - 1, note_id_at, ns->v);
}

char *store_now_iso(void)
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

/* Each tag once, in order; an index keeps a text of many tags linear. */
void note_set_tags(struct note *no)
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

/* Unique across stores and processes: the time, the process, a counter
 * shared by the whole process, and random bits. */
char *store_new_id(void)
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

void store_conflict_copy(struct notes *ns, const struct note *src)
{
	struct note *c, copy;

	note_copy(&copy, src); /* src may be in ns->v, which moves */
	c = store_append(ns);
	*c = copy;
	free(c->created);
	free(c->modified);
	free(c->conflict_of);
	c->conflict_of = c->id;
	c->id = store_new_id();
	c->created = store_now_iso();
	c->modified = xstrdup(c->created);
	c->deleted = 0;
	c->revision = 1;
	c->base = 0;
	c->dirty = 1;
	note_set_tags(c);
	store_index_last(ns);
	ns->conflicts++;
}

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
	no = store_append(ns);
	no->id = store_new_id();
	no->created = store_now_iso();
	no->modified = xstrdup(no->created);
	no->text = xstrdup(text);
	no->dirty = 1;
	no->revision = 1;
	for (i = 0; i < nanchors; i++)
		anchor_copy(&no->anchor[i], &an[i]);
	no->nanchors = nanchors;
	note_set_tags(no);
	store_index_last(ns);
	push_undo(ns, UNDO_ADD, no, NULL);
	if (id)
		*id = no->id;
	return notes_file_save(ns, e);
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
	no->modified = store_now_iso();
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
	note_set_tags(no);
	touch(no);
	return notes_file_save(ns, e);
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
	return notes_file_save(ns, e);
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

			store_conflict_copy(ns, no);
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
			note_set_tags(no);
			break;
		}
		touch(no);
		rc = notes_file_save(ns, e);
	}
	undo_clear(u);
	return rc;
}
