/* ov_index: the entity index over every loaded report -- the actors,
 * weapons and places with their mentions in A, in B and in all loaded reports,
 * filtered as one types, sorted by Tab.  Enter on an entity lists the
 * reports that mention it (with their counts); Enter there opens the
 * chosen one at its first mention, Esc goes back to the entities.  An
 * entity that one report alone names opens there at once. */
#include "brief/ui/overlay.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const sort_names[] = {"all", "A", "B", "name"};

/* The order chosen with Tab, kept for the session. */
static int index_sort;
static int cmp_key;
/* While the reports of one entity are shown: the entity list to go back
 * to (NULL: the entities are shown). */
static struct olist *index_back;
/* The entity Enter chose in the entity list (ENTITY_NONE: none). */
static uint32_t index_chosen = ENTITY_NONE;

/* Widths of the columns before the counts. */
#define CAT_COLS 9
#define NAME_COLS 40

static int index_cmp(const void *a, const void *b)
{
	const struct olist_row *x = a, *y = b;
	long kx, ky;

	if (cmp_key == 3)
		return strcmp(x->text + CAT_COLS + 1, y->text + CAT_COLS + 1);
	kx = x->key[cmp_key];
	ky = y->key[cmp_key];
	if (kx != ky)
		return kx > ky ? -1 : 1;
	return strcmp(x->text + CAT_COLS + 1, y->text + CAT_COLS + 1);
}

/* One row: category, name (padded; it gives way first on a narrow
 * screen), then the counts right-aligned. */
static struct olist_row *index_row(struct olist *o, struct buf *b,
				   const char *cat, const char *name,
				   size_t name_cols, const char *counts,
				   int heading)
{
	struct olist_row *r;

	b->len = 0;
	olist_pad(b, cat, CAT_COLS);
	buf_addc(b, ' ');
	olist_pad(b, name, name_cols);
	buf_adds(b, counts);
	r = olist_add(o, b->data, heading);
	olist_row_cut_at(r, CAT_COLS + 1, b->len - strlen(counts));
	return r;
}

static struct olist *index_list(struct ui *u)
{
	const struct xref *x = reader_index(u);
	const struct entities *reg = reader_entities(u);
	size_t nd = reader_ndocs(u), da = reader_shown(u, 0),
	       db = reader_shown(u, 1);
	struct olist *o;
	uint32_t *ids;
	size_t n, k, name_cols = 6;
	struct buf b = {0};
	char counts[64], foot[160], title[128];

	snprintf(title, sizeof title, "Entity index — mentions in A, in B "
		 "and in all %zu loaded reports", nd);
	o = olist_new(title, 1);
	ids = xref_ranked(x, reg,
			  1u << CAT_ACTOR | 1u << CAT_WEAPON | 1u << CAT_PLACE, &n);
	for (k = 0; k < n; k++)
		name_cols = olist_widest(name_cols,
					 entities_get(reg, ids[k])->name,
					 NAME_COLS);
	index_row(o, &b, "category", "entity", name_cols,
		  "     A     B   all", 1);
	for (k = 0; k < n; k++) {
		const struct entity *en = entities_get(reg, ids[k]);
		size_t a = xref_count(x, ids[k], da);
		size_t bb = nd > 1 && db != da ? xref_count(x, ids[k], db) : 0;
		size_t all = xref_spread(x, ids[k], NULL);
		struct olist_row *r;

		snprintf(counts, sizeof counts, " %5zu %5zu %5zu", a, bb, all);
		r = index_row(o, &b, category_name(en->cat), en->name,
			      name_cols, counts, 0);
		r->entity = ids[k];
		r->key[0] = (long)all;
		r->key[1] = (long)a;
		r->key[2] = (long)bb;
	}
	free(ids);
	buf_free(&b);
	/* the column heading stays first */
	cmp_key = index_sort;
	if (o->n > 1)
		xqsort(o->rows + 1, o->n - 1, sizeof *o->rows, index_cmp);
	snprintf(foot, sizeof foot, "sorted by %s (Tab) · Enter: the "
		 "reports naming it · q/Esc closes", sort_names[index_sort]);
	olist_set_footer(o, foot);
	olist_refilter(o);
	return o;
}

#define TITLE_COLS 60

/* The reports that mention entity: A and B marked, each with its title,
 * file and count; the focused pane's report selected. */
static struct olist *reports_list(struct ui *u, uint32_t entity)
{
	const struct xref *x = reader_index(u);
	const struct entity *en = entities_get(reader_entities(u), entity);
	size_t nd = reader_ndocs(u), *counts = xcalloc(nd + 1, sizeof *counts);
	size_t i, total = xref_spread(x, entity, counts), nrep = 0,
		  here = reader_shown(u, reader_focus(u)), sel = 0,
		  title_cols = 5, from, to;
	struct olist *o;
	struct buf b = {0};

	for (i = 0; i < nd; i++)
		nrep += counts[i] > 0;
	b.len = 0;
	buf_printf(&b, "%s — %zu mention%s in %zu of %zu reports", en->name,
		   total, total == 1 ? "" : "s", nrep, nd);
	o = olist_new(b.data, 0);
	for (i = 0; i < nd; i++)
		if (counts[i])
			title_cols = olist_widest(title_cols,
						  reader_doc(u, i)->a->title,
						  TITLE_COLS);
	for (i = 0; i < nd; i++) {
		const struct article *a = reader_doc(u, i)->a;
		struct olist_row *r;

		if (counts[i] == 0)
			continue;
		b.len = 0;
		buf_printf(&b, "%s %5zu  ",
			   i == reader_shown(u, 0)		 ? "A"
			   : nd > 1 && i == reader_shown(u, 1) ? "B"
								 : " ",
			   counts[i]);
		from = b.len;
		/* the title gives way to the file name */
		olist_pad(&b, a->title, title_cols);
		to = b.len;
		buf_printf(&b, " %s", a->path);
		r = olist_add(o, b.data, 0);
		olist_row_cut_at(r, from, to);
		r->doc = i;
		r->entity = entity;
		if (i == here)
			sel = o->n - 1;
	}
	free(counts);
	buf_free(&b);
	olist_set_footer(o, "Enter opens it in the focused pane · Esc: back "
			    "to the entities · q closes");
	olist_refilter(o);
	o->cur = sel;
	return o;
}

struct olist *index_entities(struct ui *u)
{
	return index_list(u);
}

static int index_open(struct overlay *ov, struct ui *u)
{
	ov->list = index_list(u);
	return 0;
}

static void index_close(struct overlay *ov)
{
	olist_free(index_back);
	index_back = NULL;
	overlay_list_close(ov);
}

/* Enter on an entity: remembered, for index_key to show the reports
 * that mention it. */
static int entity_enter(struct ui *u, const struct olist_row *r)
{
	(void)u;
	index_chosen = r->entity;
	return OVERLAY_STAY;
}

/* Enter on a report: its first mention of the entity, shown in the
 * focused pane (or in its own pane when it is shown already). */
static int report_enter(struct ui *u, const struct olist_row *r)
{
	size_t n;
	const uint32_t *l = xref_list(reader_index(u), r->entity, r->doc, &n);
	const struct mention *m;

	if (n) {
		m = &reader_doc(u, r->doc)->m.v[l[0]];
		reader_select(u, r->doc, m->start, m->end, m->entity);
	}
	return OVERLAY_CLOSE;
}

/* Tab: the next order. */
static void index_tab(struct overlay *ov, struct ui *u)
{
	index_sort = (index_sort + 1) % 4;
	overlay_list_replace(ov, index_list(u), 0);
}

static int index_key(struct overlay *ov, struct ui *u, int key, int fn)
{
	int rc;

	if (!fn && key == 24) /* C-x: the entity across the archive */
		return overlay_entity_key(ov, u);
	if (index_back) {
		/* the reports of one entity: Esc or Left goes back (unless
		 * a filter is being typed: Esc ends it) */
		if (!ov->list->typing &&
		    ((!fn && (key == 27 || key == 127 || key == 8)) ||
		     (fn && (key == KEY_LEFT || key == KEY_BACKSPACE)))) {
			olist_free(ov->list);
			ov->list = index_back;
			index_back = NULL;
			return OVERLAY_STAY;
		}
		return overlay_list_key(ov, u, key, fn, report_enter, NULL);
	}
	index_chosen = ENTITY_NONE;
	rc = overlay_list_key(ov, u, key, fn, entity_enter, index_tab);
	if (index_chosen != ENTITY_NONE) {
		struct olist *reports = reports_list(u, index_chosen);

		/* one report names it: nothing to choose, open it */
		if (reports->nvis == 1) {
			rc = report_enter(u, olist_current(reports));
			olist_free(reports);
			return rc;
		}
		index_back = ov->list;
		ov->list = reports;
	}
	return rc;
}

const struct overlay_ops index_overlay = {
	"index", index_open, overlay_list_draw, index_key, index_close,
	NULL,
};
