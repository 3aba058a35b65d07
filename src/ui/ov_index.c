/* ov_index: the entity index -- the actors, weapons and places of the two
 * shown reports with their counts, filtered as one types, sorted by Tab;
 * Enter selects the entity's first mention. */
#include "brief/ui/overlay.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const sort_names[] = {"total", "A", "B", "name"};

/* The order chosen with Tab, kept for the session. */
static int index_sort;
static int cmp_key;

static int index_cmp(const void *a, const void *b)
{
	const struct olist_row *x = a, *y = b;
	long kx, ky;

	if (cmp_key == 3)
		return strcmp(x->text + 10, y->text + 10);
	kx = x->key[cmp_key];
	ky = y->key[cmp_key];
	if (kx != ky)
		return kx > ky ? -1 : 1;
	return strcmp(x->text + 10, y->text + 10);
}

static struct olist *index_list(struct ui *u)
{
	const struct xref *x = reader_index(u);
	const struct entities *reg = reader_entities(u);
	struct olist *o = olist_new("Entity index — category, entity, mentions "
				    "in A, in B", 1);
	uint32_t *ids;
	size_t n, k;
	char line[512], foot[128];

	ids = xref_ranked(x, reg,
			  1u << CAT_ACTOR | 1u << CAT_WEAPON | 1u << CAT_PLACE, &n);
	for (k = 0; k < n; k++) {
		const struct entity *en = entities_get(reg, ids[k]);
		size_t a = xref_count(x, ids[k], reader_shown(u, 0));
		size_t b = reader_ndocs(u) > 1
				   ? xref_count(x, ids[k], reader_shown(u, 1))
				   : 0;
		struct olist_row *r;

		if (a + b == 0)
			continue;
		snprintf(line, sizeof line, "%-9s %-40s %5zu %5zu",
			 category_name(en->cat), en->name, a, b);
		r = olist_add(o, line, 0);
		r->entity = ids[k];
		r->key[0] = (long)(a + b);
		r->key[1] = (long)a;
		r->key[2] = (long)b;
	}
	free(ids);
	cmp_key = index_sort;
	xqsort(o->rows, o->n, sizeof *o->rows, index_cmp);
	snprintf(foot, sizeof foot, "sorted by %s (Tab) · Enter selects · "
		 "q/Esc closes", sort_names[index_sort]);
	olist_set_footer(o, foot);
	olist_refilter(o);
	return o;
}

static int index_open(struct overlay *ov, struct ui *u)
{
	ov->list = index_list(u);
	return 0;
}

/* Enter: the entity's first mention, in the focused pane's report, else
 * the other's. */
static int index_enter(struct ui *u, const struct olist_row *r)
{
	const struct xref *x = reader_index(u);
	int p, f = reader_focus(u);
	size_t n;

	for (p = 0; p < 2; p++) {
		size_t di = reader_shown(u, p == 0 ? f : !f);
		const uint32_t *l = xref_list(x, r->entity, di, &n);
		const struct mention *m;

		if (n) {
			m = &reader_doc(u, di)->m.v[l[0]];
			reader_select(u, di, m->start, m->end, m->entity);
			break;
		}
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
	return overlay_list_key(ov, u, key, fn, index_enter, index_tab);
}

const struct overlay_ops index_overlay = {
	"index", index_open, overlay_list_draw, index_key, overlay_list_close,
	NULL,
};
