/* ov_notes: the notes list -- the notes of the two shown reports, then
 * of the other loaded ones, then the orphans; Enter goes to a note's
 * passage, e edits, d deletes, U undoes. */
#include "brief/ui/overlay.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "brief/ui/draw.h"

static void add_note_rows(struct olist *o, struct ui *u, size_t di,
			  const char *label)
{
	const struct article *a = reader_doc(u, di)->a;
	size_t n, np, k, j;
	struct note *v = notes_all(reader_notes(u), &n);
	const struct note_place *p = reader_notes_in(u, di, &np);
	char head[512];

	snprintf(head, sizeof head, "%s: %s (%s)", label, a->title, a->path);
	olist_add(o, head, 1);
	for (k = 0; k < np; k++) {
		const struct note *no = &v[p[k].note];
		long sec = article_section_at(a, p[k].start);
		struct buf b = {0};
		struct olist_row *r;
		char ex[256];
		size_t q = 0;

		/* the passage of this report, for a linked note */
		for (j = 0; j < no->nanchors; j++)
			if (anchor_for(&no->anchor[j], a))
				q = j;
		draw_excerpt(no->anchor[q].quote, ex, sizeof ex, 40);
		buf_printf(&b, "  §%ld «%s» — %.*s — %.16s", sec + 1, ex,
			   (int)strcspn(no->text, "\n"), no->text, no->modified);
		for (j = 0; j < no->ntags; j++)
			buf_printf(&b, " #%s", no->tags[j]);
		if (no->nanchors > 1)
			buf_adds(&b, " ⇄ linked");
		r = olist_add(o, b.data, 0);
		r->doc = di;
		r->start = p[k].start;
		r->end = p[k].end;
		r->note = xstrdup(no->id);
		buf_free(&b);
	}
	if (np == 0)
		olist_add(o, "  (no notes)", 1);
}

/* Is note k of a loaded report, and placed in none? */
static int orphan(struct ui *u, const struct note *no, size_t k)
{
	size_t i, j, np;
	int mine = 0;

	for (i = 0; i < reader_ndocs(u); i++) {
		const struct note_place *p = reader_notes_in(u, i, &np);

		for (j = 0; j < no->nanchors && !mine; j++)
			if (anchor_for(&no->anchor[j], reader_doc(u, i)->a))
				mine = 1;
		for (j = 0; j < np; j++)
			if (p[j].note == k)
				return 0;
	}
	return mine;
}

static struct olist *notelist_rows(struct ui *u)
{
	struct olist *o = olist_new("Notes — Enter jumps · e edits · d deletes "
				    "· U undoes · / filters (#tag too)", 0);
	size_t a = reader_shown(u, 0), b = reader_shown(u, 1), n, k, i, np;
	size_t orphans = 0;
	struct note *v = notes_all(reader_notes(u), &n);

	add_note_rows(o, u, a, "A");
	if (reader_ndocs(u) > 1 && b != a)
		add_note_rows(o, u, b, "B");
	/* then the other loaded reports that have notes (Enter shows one in
	 * the focused pane) */
	for (i = 0; i < reader_ndocs(u); i++)
		if (i != a && i != b && reader_notes_in(u, i, &np) && np > 0)
			add_note_rows(o, u, i, "also");
	/* orphans: notes of a loaded report whose passage is gone */
	for (k = 0; k < n; k++) {
		char ex[256], line[1024];
		struct olist_row *r;

		if (v[k].deleted || !orphan(u, &v[k], k))
			continue;
		if (orphans++ == 0)
			olist_add(o, "Orphans: their passage is no longer in the "
				  "article", 1);
		draw_excerpt(v[k].anchor[0].quote, ex, sizeof ex, 60);
		snprintf(line, sizeof line, "  «%s» — %.*s", ex,
			 (int)strcspn(v[k].text, "\n"), v[k].text);
		r = olist_add(o, line, 0);
		r->doc = (size_t)-1;
		r->note = xstrdup(v[k].id);
	}
	olist_refilter(o);
	return o;
}

static int notelist_open(struct overlay *ov, struct ui *u)
{
	ov->list = notelist_rows(u);
	return 0;
}

static void notelist_refresh(struct overlay *ov, struct ui *u)
{
	overlay_list_replace(ov, notelist_rows(u), 1);
}

/* e, d on a note; U. */
static int note_key(struct overlay *ov, struct ui *u, int key)
{
	struct olist_row *r = olist_current(ov->list);
	struct err e = {{0}};
	char *id;

	if (key == 'U') {
		reader_undo(u);
		return OVERLAY_STAY;
	}
	if (r == NULL || r->note == NULL)
		return OVERLAY_STAY;
	if (key == 'e') {
		reader_edit_note(u, r->note);
		return OVERLAY_CLOSE;
	}
	id = xstrdup(r->note); /* the list is made again */
	if (notes_delete(reader_notes(u), id, &e) != 0)
		reader_say(u, 1, "%s", e.text);
	else
		reader_say(u, 0, "note deleted (U undoes)");
	reader_notes_changed(u);
	free(id);
	return OVERLAY_STAY;
}

/* Enter: the note's passage. */
static int notelist_enter(struct ui *u, const struct olist_row *r)
{
	if (r->doc == (size_t)-1) {
		reader_say(u, 1, "an orphan: its passage is no longer in the "
				 "article (e edits, d deletes)");
		return OVERLAY_STAY;
	}
	reader_select(u, r->doc, r->start, r->end, ENTITY_NONE);
	return OVERLAY_CLOSE;
}

static int notelist_key(struct overlay *ov, struct ui *u, int key, int fn)
{
	if (!fn && !ov->list->typing && (key == 'e' || key == 'd' || key == 'U'))
		return note_key(ov, u, key);
	return overlay_list_key(ov, u, key, fn, notelist_enter, NULL);
}

const struct overlay_ops notes_overlay = {
	"notes", notelist_open, overlay_list_draw, notelist_key, overlay_list_close,
	notelist_refresh,
};
