/* nav: moving in the reader -- scrolling (together, aligned by content),
 * selecting mentions and stepping through them, search, notes, the
 * mouse. */
#include "brief/ui/reader.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "brief/ui/keymap.h"
#include "brief/ui/pane.h"

static struct doc *other_doc(struct ui *u)
{
	return u->docs[u->lay.shown[!u->lay.focus]];
}

/* The paragraph of doc o that shares the most entities with the one at
 * the top of doc f is brought level with it (aligned reading). */
static void align_by_content(struct doc *f, struct doc *o,
			     struct highlighter *h)
{
	size_t n, i, k, best = o->top_sec, nf, ns = 0;
	const struct figure *figs;
	const struct mention *mf;
	double best_score = 0;
	uint32_t *set;

	if (f == o || f->a->nsections == 0 || o->a->nsections == 0)
		return;
	mf = doc_mentions(f, h, f->top_sec, &nf, &figs);
	if (nf == 0)
		return;
	set = xcalloc(nf, sizeof *set);
	for (i = 0; i < nf; i++)
		if (mf[i].cat != CAT_FIGURE && mf[i].entity != ENTITY_NONE)
			set[ns++] = mf[i].entity;
	for (k = 0; k < o->a->nsections; k++) {
		const struct mention *mo;
		size_t shared = 0, j, total;
		double score;

		if (doc_hidden(o, k) ||
		    o->a->sections[k].kind == SECTION_BOILERPLATE)
			continue;
		mo = doc_mentions(o, h, k, &n, &figs);
		for (j = 0; j < n; j++) {
			size_t q;

			if (mo[j].cat == CAT_FIGURE)
				continue;
			for (q = 0; q < ns; q++)
				if (set[q] == mo[j].entity) {
					shared++;
					break;
				}
		}
		total = ns + n - shared;
		score = total ? (double)shared / (double)total : 0;
		if (score > best_score) {
			best_score = score;
			best = k;
		}
	}
	free(set);
	if (best_score > 0 && best != o->top_sec) {
		o->top_sec = best;
		o->top_row = 0;
	}
}

static void align(struct ui *u)
{
	if (!u->lay.single)
		align_by_content(reader_focused(u), other_doc(u), u->en->hl);
}

void nav_scroll(struct ui *u, long delta)
{
	size_t before = reader_focused(u)->top_sec;

	size_t rows = (size_t)reader_text_rows(u);

	doc_scroll(reader_focused(u), delta);
	if (delta > 0)
		doc_clamp_end(reader_focused(u), rows);
	if (u->lay.sync && !u->lay.single) {
		if (reader_focused(u)->top_sec != before)
			align(u);
		else
			doc_scroll(other_doc(u), delta);
		if (delta > 0)
			doc_clamp_end(other_doc(u), rows);
	}
}

void nav_top(struct ui *u)
{
	doc_top(reader_focused(u));
	if (u->lay.sync && !u->lay.single)
		doc_top(other_doc(u));
}

void nav_bottom(struct ui *u)
{
	size_t rows = (size_t)reader_text_rows(u);

	reader_need_parsed(u, reader_focused(u));
	doc_bottom(reader_focused(u), rows);
	if (u->lay.sync && !u->lay.single)
		doc_bottom(other_doc(u), rows);
}

/* When sync is turned on: bring the other pane to the same section. */
static void align_other(struct ui *u)
{
	struct doc *f = reader_focused(u), *o = other_doc(u);
	size_t ns = f->a->nsections, no = o->a->nsections;

	if (ns == 0 || no == 0)
		return;
	o->top_sec = f->top_sec * no / ns;
	if (o->top_sec >= no)
		o->top_sec = no - 1;
	o->top_row = 0;
}

void nav_toggle_sync(struct ui *u)
{
	u->lay.sync = !u->lay.sync;
	if (u->lay.sync) {
		reader_index(u);
		align_other(u);
		align(u);
	}
	reader_say(u, 0, "scrolling together %s", u->lay.sync ? "on" : "off");
}

void nav_show(struct ui *u, size_t di, size_t off)
{
	struct layout *l = &u->lay;
	struct doc *d = u->docs[di];
	size_t rows = (size_t)reader_text_rows(u);

	if (l->shown[!l->focus] == di && l->shown[l->focus] != di)
		l->focus = !l->focus;
	else
		l->shown[l->focus] = di;
	if (!doc_offset_visible(d, off, rows, NULL))
		doc_show_offset(d, off, rows / 3);
}

void reader_select(struct ui *u, size_t di, size_t start, size_t end,
		   uint32_t entity)
{
	u->sel.on = 1;
	u->sel.doc = di;
	u->sel.start = start;
	u->sel.end = end;
	u->sel.entity = entity;
	u->vis.on = 0;
	cursor_set(u, di, start);
	nav_show(u, di, start);
}

void reader_show_at(struct ui *u, size_t di, size_t off)
{
	u->vis.on = 0;
	u->sel.on = 0;
	cursor_set(u, di, off);
	nav_show(u, di, off);
}

static void select_mention(struct ui *u, size_t di, const struct mention *m)
{
	reader_select(u, di, m->start, m->end, m->entity);
}

void reader_show_doc(struct ui *u, size_t di)
{
	u->lay.shown[u->lay.focus] = di;
}

/* e / E: the next or previous mention in the focused pane (after the
 * selected one, else after the cursor). */
void nav_select_step(struct ui *u, int dir)
{
	struct doc *d = reader_focused(u);
	size_t di = u->lay.shown[u->lay.focus], ns = d->a->nsections, from, k;
	int fresh = u->sel.on && u->sel.doc == di;
	long sec;

	if (ns == 0)
		return;
	/* from the selected mention, else from the cursor */
	if (fresh)
		from = u->sel.start;
	else
		from = dir > 0 ? d->cursor : d->cursor + 1;
	sec = article_section_at(d->a, from);
	if (sec < 0)
		sec = (long)d->top_sec;
	for (k = 0; k < ns; k++) {
		size_t s = dir > 0 ? ((size_t)sec + k) % ns
				   : ((size_t)sec + ns - k) % ns, n, i;
		const struct figure *figs;
		const struct mention *mv = doc_mentions(d, u->en->hl, s, &n,
							&figs);

		if (dir > 0) {
			for (i = 0; i < n; i++)
				if (k > 0 || (fresh ? mv[i].start > from
						    : mv[i].start >= from)) {
					select_mention(u, di, &mv[i]);
					return;
				}
		} else {
			for (i = n; i-- > 0;)
				if (k > 0 || mv[i].start < from) {
					select_mention(u, di, &mv[i]);
					return;
				}
		}
	}
	reader_say(u, 0, "no highlighted mentions here");
}

/* ] past the last mention in the open reports: the archive's other
 * reports of the entity are offered (Enter lists them, nav_offer_key);
 * 1 when they were.  ] again at the same mention goes on as before. */
static int offer_archive(struct ui *u)
{
	const struct entity *en = entities_get(u->en->reg, u->sel.entity);
	struct archive_offer o = {1, u->sel.entity, u->sel.doc, u->sel.start};
	long n;

	if (u->offer.on && u->offer.entity == o.entity &&
	    u->offer.doc == o.doc && u->offer.start == o.start) {
		u->offer.on = 0;
		return 0;
	}
	if (en == NULL || (n = overlay_search_others(u, en->name)) <= 0)
		return 0;
	u->offer = o;
	reader_say(u, 0, "%ld more report%s in the archive: Enter to list "
			 "(] again: on from the first)", n, n == 1 ? "" : "s");
	return 1;
}

int nav_offer_key(struct ui *u, int key, int fn)
{
	const struct entity *en;
	struct buf q = {0};

	if (!u->offer.on)
		return 0;
	if (fn ? key != KEY_ENTER : key != '\r' && key != '\n') {
		if (keymap_lookup(key, fn) != ACT_MENTION_NEXT)
			u->offer.on = 0;
		return 0;
	}
	u->offer.on = 0;
	en = entities_get(u->en->reg, u->offer.entity);
	if (en == NULL)
		return 1;
	buf_adds(&q, "entity:");
	overlay_query_value(&q, en->name);
	overlay_search(&u->ov, u, q.data, 1);
	buf_free(&q);
	return 1;
}

/* ] / [: the next mention of the selected entity, into the other report
 * when this one has no more, then into the archive. */
void nav_mention_step(struct ui *u, int dir)
{
	static const char *const said[] = {
		[XREF_OTHER] = "continued in the other report",
		[XREF_WRAPPED] = "search wrapped",
	};
	size_t here = u->sel.doc, other, ai, mi;
	enum xref_where w;

	if (!u->sel.on || u->sel.entity == ENTITY_NONE) {
		reader_say(u, 1, "no entity selected: press e to select a "
				 "mention");
		return;
	}
	reader_index(u);
	other = u->lay.shown[0] == here ? u->lay.shown[1] : u->lay.shown[0];
	w = xref_step(u->xref, u->sel.entity, here, other, u->sel.start, dir,
		      &ai, &mi);
	if (dir > 0 && (w == XREF_WRAPPED || w == XREF_NONE) &&
	    offer_archive(u))
		return;
	if (w == XREF_NONE) {
		reader_say(u, 0, "no other mention of this entity");
		return;
	}
	select_mention(u, ai, &u->docs[ai]->m.v[mi]);
	if (w != XREF_HERE)
		reader_say(u, 0, "%s", said[w]);
}

/* > and <: the next or previous note in the focused pane. */
void nav_note_step(struct ui *u, int dir)
{
	size_t di = u->lay.shown[u->lay.focus], i, n = u->nplaces[di], nn;
	size_t from = u->sel.on && u->sel.doc == di
			      ? u->sel.start
			      : u->docs[di]->cursor;
	const struct note_place *p = u->places[di];
	const char *t;

	if (n == 0) {
		reader_say(u, 0, "no notes in this report");
		return;
	}
	if (dir > 0) {
		for (i = 0; i < n && p[i].start <= from; i++)
			;
		if (i == n) {
			i = 0;
			reader_say(u, 0, "wrapped to the first note");
		}
	} else {
		for (i = n; i-- > 0 && p[i].start >= from;)
			;
		if (i == (size_t)-1) {
			i = n - 1;
			reader_say(u, 0, "wrapped to the last note");
		}
	}
	t = notes_all(u->ns, &nn)[p[i].note].text;
	u->vis.on = 0;
	cursor_set(u, di, p[i].start);
	u->sel.on = 1;
	u->sel.doc = di;
	u->sel.start = p[i].start;
	u->sel.end = p[i].end;
	u->sel.entity = ENTITY_NONE;
	nav_show(u, di, p[i].start);
	if (u->msg[0] == '\0')
		reader_say(u, 0, "✎ %.*s", (int)strcspn(t, "\n"), t);
}

/* ---- search ---- */

/* With search_both: the first (dir > 0) or last match of the other
 * pane's report; 1 with the focus moved there. */
static int search_other(struct ui *u, int dir, size_t *ms, size_t *me)
{
	struct doc *o;

	if (!u->cfg.set.num[SET_search_both] || u->ndocs < 2 ||
	    u->lay.shown[0] == u->lay.shown[1])
		return 0;
	o = u->docs[u->lay.shown[!u->lay.focus]];
	reader_need_parsed(u, o);
	if (!search_find(&u->search, o->a, dir > 0 ? 0 : o->a->len, dir, 1, ms,
			 me))
		return 0;
	u->lay.focus = !u->lay.focus;
	return 1;
}

static void search_go(struct ui *u, int dir, int inclusive, size_t from)
{
	struct doc *d = reader_focused(u);
	size_t ms, me, rows = (size_t)reader_text_rows(u), total, at;
	int found, capped, wrapped = 0, crossed = 0;

	if (!search_active(&u->search)) {
		reader_say(u, 1, "no search pattern: press / to search");
		return;
	}
	reader_need_parsed(u, d);
	found = search_find(&u->search, d->a, from, dir, inclusive, &ms, &me);
	if (found)
		wrapped = dir > 0 ? ms < from || (ms == from && !inclusive)
				  : ms > from;
	/* on into the other pane's report rather than wrapping around (or
	 * when this one has none) */
	if ((wrapped || (!found && !u->search.too_complex)) &&
	    search_other(u, dir, &ms, &me)) {
		d = reader_focused(u);
		found = 1;
		wrapped = 0;
		crossed = 1;
	}
	if (!found) {
		if (u->search.too_complex)
			reader_say(u, 1, "pattern too complex (it backtracks too "
					 "much): %s", u->search.pattern);
		else
			reader_say(u, 1, "pattern not found: %s",
				   u->search.pattern);
		return;
	}
	if (!doc_offset_visible(d, ms, rows, NULL))
		doc_show_offset(d, ms, rows / 3);
	u->match.on = 1;
	u->match.doc = u->lay.shown[u->lay.focus];
	u->match.start = ms;
	u->match.end = me;
	cursor_set(u, u->match.doc, ms);
	at = search_position(&u->search, d->a, ms, &total, &capped);
	reader_say(u, 0, "/%s  %zu/%zu%s%s", u->search.pattern, at, total,
		   capped ? "+" : "",
		   crossed   ? "  (on in the other report)"
		   : wrapped ? (dir > 0 ? "  (wrapped to the top)"
					: "  (wrapped to the bottom)")
			     : "");
}

void nav_search_next(struct ui *u, int dir)
{
	struct doc *d = reader_focused(u);
	size_t di = u->lay.shown[u->lay.focus];
	size_t rows = (size_t)reader_text_rows(u), from = doc_top_offset(d), ms,
	       me, row;

	if (u->match.on && u->match.doc == di &&
	    doc_offset_visible(d, u->match.start, rows, &row)) {
		/* from the current match, while it is on the screen */
		search_go(u, dir, 0, u->match.start);
		return;
	}
	/* else from the first match shown: it, or the one after it */
	if (search_active(&u->search) &&
	    search_find(&u->search, d->a, from, 1, 1, &ms, &me) &&
	    doc_offset_visible(d, ms, rows, &row))
		search_go(u, dir, dir > 0, ms);
	else
		search_go(u, dir, 0, from);
}

void nav_search_start(struct ui *u)
{
	struct doc *d = reader_focused(u);

	u->from.doc = u->lay.shown[u->lay.focus];
	u->from.off = doc_top_offset(d);
	u->from.top_sec = d->top_sec;
	u->from.top_row = d->top_row;
}

void nav_search_cancel(struct ui *u)
{
	struct doc *d = u->docs[u->from.doc];

	d->top_sec = u->from.top_sec;
	d->top_row = u->from.top_row;
}

void nav_search_edit(struct ui *u, const char *pattern)
{
	struct err e = {{0}};

	if (*pattern == '\0') {
		nav_search_cancel(u);
		return;
	}
	if (search_set(&u->search, pattern, &e) != 0) {
		reader_say(u, 1, "bad pattern: %s", e.text);
		return;
	}
	u->msg[0] = '\0';
	nav_search_cancel(u);
	search_go(u, 1, 1, u->from.off);
}

/* A byte of a word: an ASCII letter or digit, or a byte of a UTF-8
 * character. */
static int word_byte(char c)
{
	unsigned char b = (unsigned char)c;

	return b >= 0x80 || (b >= '0' && b <= '9') || ((b | 32) >= 'a' &&
							 (b | 32) <= 'z');
}

/* The pattern for text as literal words: every ASCII character that is
 * not a letter or a digit escaped, \b at a word's edge. */
static void literal_words(const char *t, size_t n, char *out, size_t cap)
{
	size_t o = 0, i;
	int wb = n > 0 && ((t[0] | 32) >= 'a' && (t[0] | 32) <= 'z');

	if (wb && o + 2 < cap) {
		out[o++] = '\\';
		out[o++] = 'b';
	}
	for (i = 0; i < n && o + 4 < cap; i++) {
		unsigned char c = (unsigned char)t[i];

		if (c < 0x80 && !((c | 32) >= 'a' && (c | 32) <= 'z') &&
		    !(c >= '0' && c <= '9'))
			out[o++] = '\\';
		out[o++] = (char)c;
	}
	if (n > 0 && (((t[n - 1] | 32) >= 'a' && (t[n - 1] | 32) <= 'z') ||
		      (t[n - 1] >= '0' && t[n - 1] <= '9')) && o + 2 < cap) {
		out[o++] = '\\';
		out[o++] = 'b';
	}
	out[o] = '\0';
}

void nav_search_word(struct ui *u, int dir)
{
	struct doc *d = reader_focused(u);
	size_t di = u->lay.shown[u->lay.focus], s, e, from;
	struct err err = {{0}};
	char pat[512];

	if (u->sel.on && u->sel.doc == di) {
		s = u->sel.start;
		e = u->sel.end;
	} else {
		/* the mention under the cursor, else its word (or the next) */
		size_t c = d->cursor < d->a->len ? d->cursor : 0, n, i;
		long sec = article_section_at(d->a, c);
		const struct figure *figs;
		const struct mention *mv = NULL;
		int found = 0;

		if (sec >= 0)
			mv = doc_mentions(d, u->en->hl, (size_t)sec, &n, &figs);
		for (i = 0; mv && i < n && !found; i++)
			if (mv[i].start <= c && c < mv[i].end) {
				s = mv[i].start;
				e = mv[i].end;
				found = 1;
			}
		if (!found) {
			s = c;
			while (s > 0 && word_byte(d->a->text[s - 1]))
				s--;
			while (s < d->a->len && !word_byte(d->a->text[s]))
				s++;
			e = s;
			while (e < d->a->len && word_byte(d->a->text[e]))
				e++;
		}
	}
	if (e <= s || e - s > 200) {
		reader_say(u, 1, "no word here to search for");
		return;
	}
	literal_words(d->a->text + s, e - s, pat, sizeof pat);
	if (search_set(&u->search, pat, &err) != 0) {
		reader_say(u, 1, "bad pattern: %s", err.text);
		return;
	}
	from = s;
	u->match.on = 0;
	search_go(u, dir, 0, from);
}

void nav_filter(struct ui *u, const char *pattern)
{
	struct search f;
	struct err e = {{0}};
	size_t p, i, shown = 0;

	if (*pattern == '\0') {
		reader_set_topic(u, -1);
		reader_say(u, 0, "every paragraph shown");
		return;
	}
	memset(&f, 0, sizeof f);
	if (search_set(&f, pattern, &e) != 0) {
		reader_say(u, 1, "bad pattern: %s", e.text);
		return;
	}
	u->topic = -1;
	for (p = 0; p < u->ndocs; p++) {
		struct doc *d = u->docs[p];
		unsigned char *keep;

		reader_need_parsed(u, d);
		keep = xcalloc(d->a->nsections + 1, 1);
		for (i = 0; i < d->a->nsections; i++) {
			keep[i] = (unsigned char)search_section(&f, d->a, i);
			if (p == u->lay.shown[u->lay.focus])
				shown += keep[i];
		}
		doc_filter(d, keep);
		free(keep);
	}
	search_clear(&f);
	reader_say(u, 0, "&%s: %zu paragraph%s shown here (& and Enter: all)",
		   pattern, shown, shown == 1 ? "" : "s");
}

/* ---- mouse ---- */

/* The wheel over the text: the pane under the pointer scrolls (its
 * partner too when scrolling together); the focus stays. */
static void wheel(struct ui *u, int x, long delta)
{
	int keep = u->lay.focus;

	if (!u->lay.single)
		u->lay.focus = x >= u->lay.x[1];
	nav_scroll(u, delta);
	u->lay.focus = keep;
}

/* One mouse event. */
static void mouse_event(struct ui *u, MEVENT ev)
{
	struct doc *d;
	size_t off, n, i, sec;
	const struct figure *figs;
	const struct mention *mv;
	int p, up = 0, down = 0;

	up = (ev.bstate & BUTTON4_PRESSED) != 0;
#ifdef BUTTON5_PRESSED
	down = (ev.bstate & BUTTON5_PRESSED) != 0;
#endif
	if (overlay_is_open(&u->ov)) {
		/* the open list takes the mouse, not the text behind it */
		if (up || down)
			overlay_mouse(&u->ov, u, ev.y, ev.x,
				      up ? OLIST_WHEEL_UP : OLIST_WHEEL_DOWN);
		else if (ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED))
			overlay_mouse(&u->ov, u, ev.y, ev.x, OLIST_CLICK);
		return;
	}
	if (up || down) {
		wheel(u, ev.x, up ? -3 : 3);
		return;
	}
	if (!(ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED |
			   BUTTON1_RELEASED)) ||
	    ev.y >= u->lay.h)
		return;
	p = u->lay.single ? u->lay.focus : ev.x >= u->lay.x[1];
	u->lay.focus = p;
	d = u->docs[u->lay.shown[p]];
	if (!pane_offset_at(d, u->lay.h, u->lay.w[p], ev.y, ev.x - u->lay.x[p],
			    &off))
		return;
	if (ev.bstate & BUTTON_SHIFT) {
		/* shift-click: the selection from the cursor to here */
		if (!u->vis.on || u->vis.doc != u->lay.shown[p]) {
			u->vis.on = 1;
			u->vis.sentences = 0;
			u->vis.doc = u->lay.shown[p];
			u->vis.anchor = d->cursor;
		}
		cursor_set(u, u->lay.shown[p], off);
		return;
	}
	u->vis.on = 0;
	u->sel.on = 0;
	cursor_set(u, u->lay.shown[p], off);
	sec = (size_t)article_section_at(d->a, off);
	mv = doc_mentions(d, u->en->hl, sec, &n, &figs);
	for (i = 0; i < n; i++)
		if (mv[i].start <= off && off < mv[i].end) {
			select_mention(u, u->lay.shown[p], &mv[i]);
			cursor_set(u, u->lay.shown[p], off);
			return;
		}
}

/* Every event queued: a quick double click comes as two presses read
 * together, of which one KEY_MOUSE tells. */
void nav_mouse(struct ui *u)
{
	MEVENT ev;
	int k;

	for (k = 0; k < 16 && getmouse(&ev) == OK; k++)
		mouse_event(u, ev);
}
