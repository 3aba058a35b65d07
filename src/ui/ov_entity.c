/* ov_entity: an entity across the archive (X, and X or C-x in the
 * mention list and the entity index) -- what brief --entity prints: its
 * mentions by month and by source, the entities said in the same
 * sentences, its figures over time.  Enter on a month, a source or an
 * entity lists the archive's reports of it (ov_search.c); Enter on a
 * figure opens its report there. */
#include "brief/ui/overlay.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "brief/archive/archive.h"

/* The report shown (one overlay is open at a time). */
static struct archive_entity_report rep;
static int have;

/* Row kinds (in olist_row.key[0]); the row's item in key[1]. */
enum { ROW_MONTH, ROW_SOURCE, ROW_COOCCUR, ROW_FIGURE };

/* A count with a bar as long as its share of the largest. */
static void bar(struct buf *b, long long n, long long most)
{
	long k, len = most > 0 ? (long)(n * 24 / most) : 0;

	buf_printf(b, "%6lld  ", n);
	for (k = 0; k < (len ? len : 1); k++)
		buf_adds(b, "▇");
}

static void counts(struct olist *o, const char *head,
		   const struct archive_count *v, size_t n, int kind)
{
	size_t i, w = 7;
	long long most = 0;

	olist_add(o, head, 1);
	for (i = 0; i < n; i++) {
		w = olist_widest(w, v[i].key, 40);
		if (v[i].n > most)
			most = v[i].n;
	}
	for (i = 0; i < n; i++) {
		struct buf b = {0};
		struct olist_row *r;

		buf_adds(&b, "  ");
		if (v[i].extra) {
			char *label = xasprintf("%s (%s)", v[i].key, v[i].extra);

			olist_pad(&b, label, w + 10);
			free(label);
		} else {
			olist_pad(&b, v[i].key, w);
		}
		buf_adds(&b, " ");
		bar(&b, v[i].n, most);
		r = olist_add(o, b.data, 0);
		olist_row_cut_at(r, 2, 2 + (v[i].extra ? w + 10 : w));
		r->key[0] = kind;
		r->key[1] = (long)i;
		buf_free(&b);
	}
	if (n == 0)
		olist_add(o, "  (none)", 1);
}

static struct olist *entity_list(void)
{
	char title[600];
	struct olist *o;
	size_t i;

	snprintf(title, sizeof title,
		 "%.300s (%s) in the archive — %lld mention%s in %lld report%s",
		 rep.name, rep.category ? rep.category : "?", rep.mentions,
		 rep.mentions == 1 ? "" : "s", rep.articles,
		 rep.articles == 1 ? "" : "s");
	o = olist_new(title, 0);
	counts(o, "by month", rep.months, rep.nmonths, ROW_MONTH);
	counts(o, "by source", rep.sources, rep.nsources, ROW_SOURCE);
	counts(o, "in the same sentence", rep.cooccur, rep.ncooccur,
	       ROW_COOCCUR);
	olist_add(o, "figures in its sentences", 1);
	for (i = 0; i < rep.nfigures; i++) {
		const struct archive_figure *f = &rep.figures[i];
		struct buf b = {0};
		struct olist_row *r;

		buf_adds(&b, "  ");
		olist_pad(&b, f->date ? f->date : "no date", 10);
		buf_adds(&b, "  ");
		buf_adds(&b, f->text ? f->text : f->value ? f->value : "");
		if (f->counts)
			buf_printf(&b, " (%s)", f->counts);
		r = olist_add(o, b.data, 0);
		r->key[0] = ROW_FIGURE;
		r->key[1] = (long)i;
		buf_free(&b);
	}
	if (rep.nfigures == 0)
		olist_add(o, "  (none)", 1);
	olist_set_footer(o, "Enter: the reports of a month, a source, an "
			    "entity; a figure's report · q: close");
	olist_refilter(o);
	return o;
}

static int entity_open(struct overlay *ov, struct ui *u)
{
	(void)u;
	ov->list = entity_list();
	return 0;
}

int overlay_entity(struct overlay *ov, struct ui *u, const char *name)
{
	struct err e = {{0}};
	struct archive *ar = reader_archive(u, 0);
	struct archive_entity_report r;
	int rc;

	if (ar == NULL)
		return -1;
	rc = archive_entity(ar, name, &r, &e);
	if (rc <= 0) {
		if (rc == 0)
			reader_say(u, 1, "%s: not in the archive", name);
		else
			reader_say(u, 1, "%s", e.text);
		return -1;
	}
	overlay_close(ov); /* before rep is replaced: it may show it */
	rep = r;
	have = 1;
	return overlay_open(ov, &entity_overlay, u);
}

int overlay_entity_key(struct overlay *ov, struct ui *u)
{
	const struct olist_row *r = olist_current(ov->list);
	const struct entity *en =
		r ? entities_get(reader_entities(u), r->entity) : NULL;

	if (en == NULL)
		reader_say(u, 1, "no entity on this line");
	else
		overlay_entity(ov, u, en->name);
	return OVERLAY_STAY;
}

/* A figure's report, at the figure's words when they are found. */
static int open_figure(struct ui *u, const struct archive_figure *f)
{
	long di = reader_open_file(u, f->file);
	struct doc *d;
	const char *t = f->text;
	size_t i, len = t ? strlen(t) : 0;

	if (di < 0)
		return OVERLAY_STAY; /* the reason is said */
	d = reader_doc(u, (size_t)di);
	for (i = 0; len && i + len <= d->a->len; i++)
		if (memcmp(d->a->text + i, t, len) == 0) {
			reader_select(u, (size_t)di, i, i + len, ENTITY_NONE);
			return OVERLAY_CLOSE;
		}
	reader_show_at(u, (size_t)di, 0);
	return OVERLAY_CLOSE;
}

/* Enter: the archive's reports of the row (the search list takes the
 * overlay's place), or a figure's report. */
static int entity_enter_row(struct overlay *ov, struct ui *u,
			    const struct olist_row *r)
{
	struct buf q = {0};
	size_t i = (size_t)r->key[1];

	if (r->key[0] == ROW_FIGURE)
		return open_figure(u, &rep.figures[i]);
	buf_adds(&q, "entity:");
	overlay_query_value(&q, rep.name);
	/* "no date" and "no source" rows: the query has no words for
	 * them, the entity's reports are listed */
	if (r->key[0] == ROW_MONTH &&
	    strcmp(rep.months[i].key, "no date") != 0) {
		buf_printf(&q, " date:%s", rep.months[i].key);
	} else if (r->key[0] == ROW_SOURCE &&
		   strcmp(rep.sources[i].key, "no source") != 0) {
		buf_adds(&q, " source:");
		overlay_query_value(&q, rep.sources[i].key);
	} else if (r->key[0] == ROW_COOCCUR) {
		buf_adds(&q, " entity:");
		overlay_query_value(&q, rep.cooccur[i].key);
	}
	overlay_search(ov, u, q.data, 0);
	buf_free(&q);
	return OVERLAY_STAY;
}

/* Enter on a row: remembered, for entity_key to act on. */
static const struct olist_row *chosen;

static int entity_enter(struct ui *u, const struct olist_row *r)
{
	(void)u;
	chosen = r;
	return OVERLAY_STAY;
}

static int entity_key(struct overlay *ov, struct ui *u, int key, int fn)
{
	int rc;

	chosen = NULL;
	rc = overlay_list_key(ov, u, key, fn, entity_enter, NULL);
	if (chosen != NULL)
		rc = entity_enter_row(ov, u, chosen);
	chosen = NULL;
	return rc;
}

static void entity_close(struct overlay *ov)
{
	overlay_list_close(ov);
	if (have)
		archive_entity_report_free(&rep);
	have = 0;
}

const struct overlay_ops entity_overlay = {
	"entity", entity_open, overlay_list_draw, entity_key, entity_close,
	NULL,
};
