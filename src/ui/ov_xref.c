/* ov_xref: the mention list -- every mention of the selected entity in
 * the two shown reports, each in its sentence; Enter selects one. */
#include "brief/ui/overlay.h"

#include <curses.h>
#include <stdio.h>

#include "brief/base/utf8.h"

/* The sentence around a mention, cut to about width columns with the
 * mention in view; *hl_from and *hl_to get the mention's bytes in out. */
static void kwic(const struct article *a, const struct mention *m, int width,
		 struct buf *out, int *hl_from, int *hl_to)
{
	long si = article_sentence_at(a, m->start);
	size_t s = m->start, e = m->end, left, i;
	size_t room = width > 20 ? (size_t)width : 20;

	if (si >= 0 && a->sentences[si].end >= m->end) {
		s = a->sentences[si].start;
		e = a->sentences[si].end;
	}
	left = s;
	/* keep about a third of the room before the mention */
	while (utf8_str_width(a->text + left, m->start - left) > room / 3)
		left++;
	while (left > s && ((unsigned char)a->text[left] & 0xC0) == 0x80)
		left++;
	while (left < m->start && ((unsigned char)a->text[left] & 0xC0) == 0x80)
		left++;
	if (left > s)
		buf_adds(out, "…");
	*hl_from = (int)(out->len + (m->start - left));
	*hl_to = *hl_from + (int)(m->end - m->start);
	for (i = left; i < e; i++)
		buf_addc(out, a->text[i] == '\n' ? ' ' : a->text[i]);
}

/* The rows of doc di, shown in pane p. */
static void add_doc(struct olist *o, struct ui *u, const struct xref *x,
		    uint32_t id, int p)
{
	size_t di = reader_shown(u, p), k, n;
	struct doc *d = reader_doc(u, di);
	const uint32_t *l = xref_list(x, id, di, &n);
	char head[512];

	snprintf(head, sizeof head, "%s: %s (%s)", p == 0 ? "A" : "B",
		 d->a->title, d->a->path);
	olist_add(o, head, 1);
	for (k = 0; k < n; k++) {
		const struct mention *m = &d->m.v[l[k]];
		struct buf b = {0};
		struct olist_row *r;
		int hf, ht;
		unsigned sec = mention_section(&d->m, m);

		/* a PDF's paragraphs give their page */
		if (sec < d->a->nsections && d->a->sections[sec].page > 0)
			buf_printf(&b, "  p. %d §%u  ", d->a->sections[sec].page,
				   sec + 1);
		else
			buf_printf(&b, "  §%u  ", sec + 1);
		kwic(d->a, m, COLS - 16, &b, &hf, &ht);
		r = olist_add(o, b.data, 0);
		r->highlight_from = hf;
		r->highlight_to = ht;
		r->doc = di;
		r->start = m->start;
		r->end = m->end;
		r->entity = m->entity;
		buf_free(&b);
	}
	if (n == 0)
		olist_add(o, "  (no mentions)", 1);
}

static int xref_open(struct overlay *ov, struct ui *u)
{
	uint32_t id = reader_selected_entity(u);
	const struct xref *x;
	const struct entity *en;
	char title[512];
	size_t cnt[2];
	int two = reader_ndocs(u) > 1;

	if (id == ENTITY_NONE) {
		reader_say(u, 1, "no entity selected: press e to select a "
				 "mention");
		return -1;
	}
	x = reader_index(u);
	en = entities_get(reader_entities(u), id);
	cnt[0] = xref_count(x, id, reader_shown(u, 0));
	cnt[1] = two ? xref_count(x, id, reader_shown(u, 1)) : 0;
	snprintf(title, sizeof title, "%s — %zu mention%s in A, %zu in B",
		 en->name, cnt[0], cnt[0] == 1 ? "" : "s", cnt[1]);
	ov->list = olist_new(title, 0);
	add_doc(ov->list, u, x, id, 0);
	if (two)
		add_doc(ov->list, u, x, id, 1);
	olist_refilter(ov->list);
	return 0;
}

static int xref_enter(struct ui *u, const struct olist_row *r)
{
	reader_select(u, r->doc, r->start, r->end, r->entity);
	return OVERLAY_CLOSE;
}

static int xref_key(struct overlay *ov, struct ui *u, int key, int fn)
{
	if (!fn && (key == 'X' || key == 24)) /* X, C-x */
		return overlay_entity_key(ov, u);
	return overlay_list_key(ov, u, key, fn, xref_enter, NULL);
}

const struct overlay_ops xref_overlay = {
	"mentions", xref_open, overlay_list_draw, xref_key, overlay_list_close,
	NULL,
};
