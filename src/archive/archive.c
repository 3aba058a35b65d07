/* archive: the storage interface's front -- the backend chosen by the
 * location, and what every backend shares: turning an article and its
 * mentions into plain data, the order of the steps of adding a file. */
#include "brief/archive/archive.h"

#include <stdlib.h>
#include <string.h>

#include "brief/mark/figure.h"

struct archive {
	const struct archive_ops *ops;
	void *h;
};

struct archive *archive_open(const char *where, int create, struct err *e)
{
	const struct archive_ops *ops = &archive_sqlite_ops;
	struct archive *ar;
	void *h;

	if (strncmp(where, "postgresql://", 13) == 0 ||
	    strncmp(where, "postgres://", 11) == 0) {
		ops = &archive_pg_ops;
		/* a server's session reads as cheaply either way */
		create = create == ARCHIVE_CREATE;
	}
	h = ops->open(where, create, e);
	if (h == NULL)
		return NULL;
	ar = xcalloc(1, sizeof *ar);
	ar->ops = ops;
	ar->h = h;
	return ar;
}

void archive_close(struct archive *ar)
{
	if (ar == NULL)
		return;
	ar->ops->close(ar->h);
	free(ar);
}

const char *archive_backend(const struct archive *ar)
{
	return ar->ops->name;
}

static const char *fig_kind_name(enum fig_kind k)
{
	static const char *const names[] = {"count", "money", "percent",
					    "year", "date", "time", "tally",
					    "ordinal"};

	return (size_t)k < sizeof names / sizeof names[0] ? names[k] : "count";
}

void archive_doc_build(struct archive_doc *d, const char *file,
		       const struct article *a, const struct mentions *m,
		       const struct entities *reg)
{
	size_t i;

	memset(d, 0, sizeof *d);
	d->file = file;
	d->a = a;
	d->mentions = xcalloc(m->n ? m->n : 1, sizeof *d->mentions);
	for (i = 0; i < m->n; i++) {
		const struct mention *mn = &m->v[i];
		const struct figure *f = mention_figure(m, mn);
		struct archive_mention *am = &d->mentions[d->nmentions];
		const struct entity *en = mn->entity == ENTITY_NONE
						  ? NULL
						  : entities_get(reg, mn->entity);

		if (f == NULL && en == NULL)
			continue;
		am->entity = en ? en->name : NULL;
		am->kind = en ? en->kind : NULL;
		am->cat = (enum category)mn->cat;
		am->start = mn->start;
		am->end = mn->end;
		am->section = (long)mention_section(m, mn);
		am->sentence = article_sentence_at(a, mn->start);
		if (f != NULL) {
			am->fig_kind = fig_kind_name(f->kind);
			am->lo = f->lo;
			am->hi = f->hi;
			figure_format(f, am->value, sizeof am->value);
			am->counts_start = f->counts_start;
			am->counts_end = f->counts_end;
		}
		d->nmentions++;
	}
}

void archive_doc_clear(struct archive_doc *d)
{
	free(d->mentions);
	memset(d, 0, sizeof *d);
}

int archive_file_same(struct archive *ar, const struct archive_file *f,
		      struct err *e)
{
	struct archive_file old;
	int rc = ar->ops->file_get(ar->h, f->path, &old, e);

	if (rc <= 0)
		return rc;
	return old.size == f->size && old.mtime == f->mtime;
}

int archive_file_same_bytes(struct archive *ar, const struct archive_file *f,
			    struct archive_add_count *c, struct err *e)
{
	struct archive_file old;
	int rc;

	if (ar->ops->begin(ar->h, e) != 0)
		return -1;
	rc = ar->ops->file_get(ar->h, f->path, &old, e);
	if (rc == 1 && strcmp(old.hash, f->hash) == 0) {
		if (ar->ops->file_put(ar->h, f, 0, e) != 0)
			rc = -1;
	} else if (rc == 1) {
		rc = 0;
	}
	if (rc < 0) {
		ar->ops->rollback(ar->h);
		return -1;
	}
	if (ar->ops->commit(ar->h, e) != 0)
		return -1;
	if (rc == 1)
		c->unchanged++;
	return rc;
}

int archive_add_file(struct archive *ar, const struct archive_file *f,
		     struct article *const *arts, const struct mentions *ms,
		     size_t n, const struct entities *reg,
		     struct archive_add_count *c, struct err *e)
{
	const struct entities **regs = xcalloc(n ? n : 1, sizeof *regs);
	size_t i;
	int rc;

	for (i = 0; i < n; i++)
		regs[i] = reg;
	rc = archive_add_articles(ar, f, arts, ms, n, regs, c, e);
	free(regs);
	return rc;
}

int archive_add_articles(struct archive *ar, const struct archive_file *f,
			 struct article *const *arts,
			 const struct mentions *ms, size_t n,
			 const struct entities *const *regs,
			 struct archive_add_count *c, struct err *e)
{
	struct archive_file old;
	size_t i;
	int known;

	if (ar->ops->begin(ar->h, e) != 0)
		return -1;
	known = ar->ops->file_get(ar->h, f->path, &old, e);
	if (known < 0 || ar->ops->file_put(ar->h, f, 1, e) != 0)
		goto fail;
	for (i = 0; i < n; i++) {
		struct archive_doc d;
		const char *part = strrchr(arts[i]->path, '#');
		char *name;
		int rc;

		/* "FILE#N" keeps its part number on the absolute path */
		name = n > 1 && part ? xasprintf("%s%s", f->path, part)
				     : xstrdup(f->path);
		archive_doc_build(&d, name, arts[i], &ms[i], regs[i]);
		rc = ar->ops->article_put(ar->h, f, &d, e);
		archive_doc_clear(&d);
		free(name);
		if (rc != 0)
			goto fail;
	}
	if (ar->ops->commit(ar->h, e) != 0)
		return -1;
	if (known == 1)
		c->updated++;
	else
		c->added++;
	return 0;
fail:
	ar->ops->rollback(ar->h);
	return -1;
}

int archive_mark_removed(struct archive *ar, const char *dir,
			 char *const *seen, size_t nseen,
			 struct archive_add_count *c, struct err *e)
{
	size_t n = 0;

	if (ar->ops->begin(ar->h, e) != 0)
		return -1;
	if (ar->ops->mark_removed(ar->h, dir, seen, nseen, &n, e) != 0) {
		ar->ops->rollback(ar->h);
		return -1;
	}
	if (ar->ops->commit(ar->h, e) != 0)
		return -1;
	c->removed += n;
	return 0;
}

int archive_notes_put(struct archive *ar, const struct archive_note *v,
		      size_t n, struct err *e)
{
	if (ar->ops->begin(ar->h, e) != 0)
		return -1;
	if (ar->ops->notes_put(ar->h, v, n, e) != 0) {
		ar->ops->rollback(ar->h);
		return -1;
	}
	return ar->ops->commit(ar->h, e);
}

int archive_search(struct archive *ar, const struct aq *q, size_t limit,
		   struct archive_hits *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	return ar->ops->search(ar->h, q, limit, out, e);
}

void archive_hits_free(struct archive_hits *h)
{
	size_t i;

	for (i = 0; i < h->n; i++) {
		struct archive_hit *x = &h->v[i];

		free(x->file);
		free(x->id);
		free(x->title);
		free(x->date);
		free(x->source);
		free(x->snippet);
	}
	free(h->v);
	memset(h, 0, sizeof *h);
}

int archive_entity(struct archive *ar, const char *name,
		   struct archive_entity_report *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	return ar->ops->entity(ar->h, name, out, e);
}

static void counts_free(struct archive_count *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].key);
		free(v[i].extra);
	}
	free(v);
}

void archive_entity_report_free(struct archive_entity_report *r)
{
	size_t i;

	free(r->name);
	free(r->category);
	counts_free(r->months, r->nmonths);
	counts_free(r->sources, r->nsources);
	counts_free(r->cooccur, r->ncooccur);
	for (i = 0; i < r->nfigures; i++) {
		free(r->figures[i].date);
		free(r->figures[i].value);
		free(r->figures[i].counts);
		free(r->figures[i].text);
		free(r->figures[i].file);
	}
	free(r->figures);
	memset(r, 0, sizeof *r);
}

char *archive_story(const struct article *a)
{
	struct buf b = {0};
	size_t i;

	for (i = 0; i < a->nsections; i++) {
		const struct section *sec = &a->sections[i];

		if (sec->kind == SECTION_BOILERPLATE)
			continue;
		if (b.len)
			buf_adds(&b, "\n\n");
		buf_add(&b, a->text + sec->start, sec->end - sec->start);
	}
	return buf_take(&b);
}

char *archive_like(const char *s, int before, int after)
{
	struct buf b = {0};

	if (before)
		buf_addc(&b, '%');
	for (; *s; s++) {
		if (*s == '%' || *s == '_' || *s == '\\')
			buf_addc(&b, '\\');
		buf_addc(&b, *s);
	}
	if (after)
		buf_addc(&b, '%');
	return buf_take(&b);
}

void archive_one_line(char *s)
{
	char *w = s;

	if (s == NULL)
		return;
	for (; *s; s++) {
		if (*s != '\n')
			*w++ = *s;
		else if (w == s || s[-1] != '\n')
			*w++ = ' ';
	}
	*w = '\0';
}
