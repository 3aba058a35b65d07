/* ov_compare: the comparison of the two shown reports -- entities,
 * figures, quotes, topics and the timeline, each a section Tab goes to;
 * Enter goes to the passage. */
#include "brief/ui/overlay.h"

#include <stdlib.h>
#include <string.h>

#include "brief/base/utf8.h"

static void heading(struct olist *o, const char *text)
{
	struct olist_row *r = olist_add(o, text, 1);

	r->key[3] = 1; /* a section of the view: Tab goes there */
}

static struct olist_row *row(struct olist *o, const char *text, size_t doc,
			     size_t start, size_t end)
{
	struct olist_row *r = olist_add(o, text, 0);

	r->doc = doc;
	r->start = start;
	r->end = end;
	r->entity = ENTITY_NONE;
	return r;
}

/* t[s, e) on one line, cut after about max bytes. */
static void span_into(struct buf *b, const char *t, size_t s, size_t e,
		      size_t max)
{
	size_t n = 0;

	for (; s < e && (n < max || ((unsigned char)t[s] & 0xC0) == 0x80);
	     s++, n++)
		buf_addc(b, t[s] == '\n' ? ' ' : t[s]);
	if (s < e)
		buf_adds(b, "…");
}

/* What the comparison rows need: the list, the docs of A and B, a line
 * to fill. */
struct cmp_view {
	struct olist *o;
	struct comparison *c;
	const struct entities *reg;
	size_t doc[2];
	struct buf b;
};

/* Append an entity row's name to cv->b in NAME_COLS columns at least
 * (as shown: a name with a curly apostrophe keeps the counts in line);
 * *from, *to: its bytes, which give way on a narrow screen. */
#define NAME_COLS 40
static void name_cell(struct cmp_view *cv, const char *name, size_t *from,
		      size_t *to)
{
	size_t w = utf8_str_width(name, strlen(name));

	*from = cv->b.len;
	buf_adds(&cv->b, name);
	for (; w < NAME_COLS; w++)
		buf_addc(&cv->b, ' ');
	*to = cv->b.len;
}

static void add_entities(struct cmp_view *cv)
{
	const struct comparison *c = cv->c;
	size_t i, from, to;
	int cat;

	heading(cv->o, "ENTITIES — only in A · in both (A/B) · only in B");
	for (cat = CAT_ACTOR; cat <= CAT_PLACE; cat++)
		for (i = 0; i < c->nents; i++) {
			const struct cmp_entity *ce = &c->ents[i];
			const struct entity *en = entities_get(cv->reg,
							       ce->entity);
			struct olist_row *r;

			if ((int)en->cat != cat || cat == CAT_FIGURE)
				continue;
			cv->b.len = 0;
			buf_printf(&cv->b, "  %-7s %-11s ",
				   category_name(en->cat),
				   ce->count[0] && ce->count[1] ? "both"
				   : ce->count[0]		? "only in A"
								: "only in B");
			name_cell(cv, ce->name, &from, &to);
			buf_printf(&cv->b, " %3zu %3zu%s", ce->count[0],
				   ce->count[1],
				   ce->prominent == 1   ? "  ⚑ more in A"
				   : ce->prominent == 2 ? "  ⚑ more in B"
							: "");
			r = row(cv->o, cv->b.data,
				cv->doc[ce->count[0] ? 0 : 1], 0, 0);
			r->entity = ce->entity;
			/* on a narrow screen the name gives way, not the
			 * counts */
			olist_row_cut_at(r, from, to);
		}
	/* names nothing marks, written in both: Enter goes to A's first */
	for (i = 0; i < c->nnames; i++) {
		const struct cmp_name *nm = &c->names[i];
		struct olist_row *r;

		cv->b.len = 0;
		buf_printf(&cv->b, "  %-7s %-11s ", "name", "both");
		name_cell(cv, nm->name, &from, &to);
		buf_printf(&cv->b, " %3zu %3zu", nm->count[0], nm->count[1]);
		r = row(cv->o, cv->b.data, cv->doc[0], nm->at[0].start,
			nm->at[0].end);
		olist_row_cut_at(r, from, to);
	}
}

static void add_figures(struct cmp_view *cv)
{
	const struct comparison *c = cv->c;
	size_t i;

	heading(cv->o, "FIGURES — what they count, A and B; ⚠ where they "
		       "disagree");
	for (i = 0; i < c->nfigs; i++) {
		const struct cmp_figure *cf = &c->figs[i];
		char norm[96];

		figure_format(cf->f, norm, sizeof norm);
		cv->b.len = 0;
		buf_printf(&cv->b, "  %-20s %s  ",
			   c->groups[cf->group].counts, cf->side ? "B" : "A");
		span_into(&cv->b, c->side[cf->side].a->text, cf->m->start,
			  cf->m->end, 60);
		buf_printf(&cv->b, "  (%s)%s", norm,
			   cf->discrepancy ? "  ⚠ discrepancy" : "");
		row(cv->o, cv->b.data, cv->doc[cf->side], cf->m->start,
		    cf->m->end);
	}
}

/* A row per statement: its speaker, where it is quoted (A, B or both)
 * and its words; both reports' speakers when they name two. */
static void add_quotes(struct cmp_view *cv)
{
	size_t i, n;
	struct quote_row *v = compare_quote_rows(cv->c, &n);

	heading(cv->o, "QUOTES — by speaker");
	for (i = 0; i < n; i++) {
		int ts;
		const struct quote *q = quote_row_text(&v[i], &ts);

		cv->b.len = 0;
		buf_printf(&cv->b, "  %-22s %s “", quote_row_speaker(&v[i]),
			   v[i].q[0] && v[i].q[1] ? "both"
			   : v[i].q[0]            ? "A"
						  : "B");
		span_into(&cv->b, cv->c->side[ts].a->text, q->start, q->end,
			  90);
		buf_adds(&cv->b, "”");
		if (quote_row_speakers_differ(&v[i]))
			buf_printf(&cv->b, "  (B: %s)", v[i].q[1]->speaker_text);
		row(cv->o, cv->b.data, cv->doc[ts], q->start, q->end);
	}
	if (n == 0)
		olist_add(cv->o, "  (no quotation in either report)", 1);
	free(v);
}

/* Per topic, each sentence on it in A and B; Enter selects the
 * sentence. */
static void add_topics(struct cmp_view *cv, const struct topics *t)
{
	const struct comparison *c = cv->c;
	size_t k, i;
	int s;

	heading(cv->o, "TOPICS — what each report says");
	for (k = 0; k < topics_count(t); k++) {
		int any = 0;

		for (s = 0; s < 2; s++)
			for (i = 0; i < c->side[s].nth; i++) {
				const struct topic_hit *h = &c->side[s].th[i];
				const struct article *a = c->side[s].a;
				const struct span *se = &a->sentences[h->sentence];

				if (h->topic != k)
					continue;
				if (!any)
					olist_add(cv->o, topics_label(t, k), 1);
				any = 1;
				cv->b.len = 0;
				buf_printf(&cv->b, "  %s §%zu  ", s ? "B" : "A",
					   h->section + 1);
				span_into(&cv->b, a->text, se->start, se->end,
					  110);
				row(cv->o, cv->b.data, cv->doc[s], se->start,
				    se->end);
			}
	}
}

/* The sentence [ss, se) around the expression [es, ee) of t into b, cut
 * to about max bytes either side of it; the expression's bytes in b as
 * [*hf, *ht). */
static void sentence_into(struct buf *b, const char *t, size_t ss, size_t se,
			  size_t es, size_t ee, size_t max, int *hf, int *ht)
{
	if (es - ss > max) {
		ss = es - max;
		while (ss < es && ((unsigned char)t[ss] & 0xC0) == 0x80)
			ss++;
		buf_adds(b, "…");
	}
	span_into(b, t, ss, es, es - ss);
	*hf = (int)b->len;
	span_into(b, t, es, ee, ee - es);
	*ht = (int)b->len;
	span_into(b, t, ee, se, max);
}

/* The timeline in the one order every output uses (timeline_merge): one
 * row per entry (one date however it is spelt), the reports that mention
 * it and its first mention in its sentence, the expression highlighted;
 * Enter goes to that mention. */
static void add_timeline(struct cmp_view *cv)
{
	const struct comparison *c = cv->c;
	size_t n, x, y;
	struct tl_ref *v = timeline_merge(c->side[0].tl, c->side[0].ntl,
					  c->side[1].tl, c->side[1].ntl, &n);

	heading(cv->o, "TIMELINE — each date once, the reports that mention it");
	for (x = 0; x < n; x = y) {
		const struct tl_event *ev = v[x].ev;
		const struct article *a = c->side[v[x].side].a;
		struct olist_row *r;
		char when[32];
		size_t ss, se;
		int in = 0, hf, ht;

		for (y = x; y < n && v[y].entry == v[x].entry; y++)
			in |= 1 << v[y].side;
		tl_format(ev, when, sizeof when);
		tl_sentence(a, ev, &ss, &se);
		cv->b.len = 0;
		buf_printf(&cv->b, "  %-10s %-4s  ", when,
			   in == 3 ? "A, B" : in == 2 ? "B" : "A");
		sentence_into(&cv->b, a->text, ss, se, ev->start, ev->end, 50,
			      &hf, &ht);
		if (y - x > 1)
			buf_printf(&cv->b, "  (+%zu)", y - x - 1);
		r = row(cv->o, cv->b.data, cv->doc[v[x].side], ev->start,
			ev->end);
		r->highlight_from = hf;
		r->highlight_to = ht;
	}
	if (n == 0)
		olist_add(cv->o, "  (no date in either report)", 1);
	free(v);
}

static int compare_open(struct overlay *ov, struct ui *u)
{
	struct cmp_view cv = {0};
	struct compare_rules *cr;
	struct doc *da, *db;

	cv.doc[0] = reader_shown(u, 0);
	cv.doc[1] = reader_shown(u, 1);
	if (reader_ndocs(u) < 2 || cv.doc[0] == cv.doc[1]) {
		reader_say(u, 1, "the comparison needs two reports");
		return -1;
	}
	if ((cr = reader_compare_rules(u)) == NULL)
		return -1;
	reader_index(u);
	da = reader_doc(u, cv.doc[0]);
	db = reader_doc(u, cv.doc[1]);
	cv.reg = reader_entities(u);
	cv.c = compare_run(cr, cv.reg, da->a, &da->m, db->a, &db->m);
	cv.o = olist_new("Comparison of A and B — Tab: next section (1-5: "
			 "entities, figures, quotes, topics, timeline) · "
			 "Enter: go to the passage", 0);
	add_entities(&cv);
	add_figures(&cv);
	add_quotes(&cv);
	add_topics(&cv, cr->topics);
	add_timeline(&cv);
	buf_free(&cv.b);
	compare_free(cv.c);
	olist_refilter(cv.o);
	ov->list = cv.o;
	return 0;
}

/* Tab: the first row of the next section. */
static void next_section(struct overlay *ov, struct ui *u)
{
	struct olist *o = ov->list;
	size_t i;

	(void)u;
	for (i = o->cur + 1; i < o->nvis; i++)
		if (o->rows[o->vis[i]].key[3])
			break;
	if (i >= o->nvis)
		i = 0;
	while (i < o->nvis && o->rows[o->vis[i]].heading)
		i++;
	if (i < o->nvis)
		o->cur = i;
}

/* Enter: an entity's first mention in the row's report, else the row's
 * passage. */
static int compare_enter(struct ui *u, const struct olist_row *r)
{
	if (r->entity != ENTITY_NONE) {
		size_t n;
		const uint32_t *l = xref_list(reader_index(u), r->entity, r->doc,
					      &n);
		const struct mention *m;

		if (n) {
			m = &reader_doc(u, r->doc)->m.v[l[0]];
			reader_select(u, r->doc, m->start, m->end, m->entity);
		}
	} else if (r->end > r->start) {
		reader_select(u, r->doc, r->start, r->end, ENTITY_NONE);
	} else {
		reader_show_at(u, r->doc, r->start);
	}
	return OVERLAY_CLOSE;
}

/* 1 to 5: straight to the nth section's first row. */
static void goto_section(struct overlay *ov, struct ui *u, int n)
{
	struct olist *o = ov->list;
	size_t i;
	int seen = 0;

	for (i = 0; i < o->nvis; i++)
		if (o->rows[o->vis[i]].key[3] && ++seen == n)
			break;
	if (i >= o->nvis)
		return;
	for (i++; i < o->nvis && o->rows[o->vis[i]].heading; i++)
		if (o->rows[o->vis[i]].key[3]) {
			reader_say(u, 0, "that section is empty");
			return;
		}
	if (i < o->nvis)
		o->cur = i;
}

static int compare_key(struct overlay *ov, struct ui *u, int key, int fn)
{
	if (!fn && key >= '1' && key <= '5' && !ov->list->typing) {
		goto_section(ov, u, key - '0');
		return OVERLAY_STAY;
	}
	return overlay_list_key(ov, u, key, fn, compare_enter, next_section);
}

const struct overlay_ops compare_overlay = {
	"compare", compare_open, overlay_list_draw, compare_key,
	overlay_list_close, NULL,
};
