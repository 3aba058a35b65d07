/* reader: the reader's screen (two panes or one, the status line, the
 * overlay, the editor or the prompt over them), indexing in idle time,
 * and what overlays may ask of the reader. */
#include "brief/ui/reader.h"

#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "brief/archive/archive.h"
#include "brief/base/paths.h"
#include "brief/base/utf8.h"
#include "brief/mark/parallel.h"
#include "brief/ui/draw.h"
#include "brief/ui/pane.h"
#include "brief/ui/term.h"

void reader_say(struct ui *u, int error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(u->msg, sizeof u->msg, fmt, ap);
	va_end(ap);
	u->msg_error = error;
}

struct doc *reader_focused(struct ui *u)
{
	return u->docs[u->lay.shown[u->lay.focus]];
}

int reader_text_rows(const struct ui *u)
{
	return pane_text_rows(u->lay.h);
}

static void layout(struct ui *u)
{
	struct layout *l = &u->lay;
	int cols = COLS;

	l->h = LINES - 1;
	l->single = cols < TWO_PANE_COLS || u->ndocs < 2;
	if (l->single) {
		l->x[0] = l->x[1] = 0;
		l->w[0] = l->w[1] = cols;
	} else {
		int left = (cols - 1) / 2;

		l->x[0] = 0;
		l->w[0] = left;
		l->x[1] = left + 1;
		l->w[1] = cols - left - 1;
	}
}

/* ---- indexing ---- */

static int all_done(struct ui *u)
{
	size_t i;

	for (i = 0; i < u->ndocs; i++)
		if (!doc_complete(u->docs[i]))
			return 0;
	return 1;
}

static void build_xref(struct ui *u)
{
	size_t i;

	xref_free(u->xref);
	u->xref = xref_new(u->ndocs);
	for (i = 0; i < u->ndocs; i++)
		xref_set(u->xref, i, &u->docs[i]->m);
	u->xref_ready = 1;
}

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Say once per article that its file changed while being read (it was
 * truncated under its mapping: what was read stays, the rest is gone). */
static void tell_changed(struct ui *u)
{
	struct err e;
	size_t i;

	for (i = 0; i < u->ndocs; i++)
		if (!u->docs[i]->told_changed &&
		    article_check(u->docs[i]->a, &e) != 0) {
			u->docs[i]->told_changed = 1;
			reader_say(u, 1, "%s", e.text);
		}
}

/* Threads for the index: -j N, else the setting jobs, else the
 * engine's (one per core). */
static unsigned index_jobs(const struct ui *u)
{
	long set = u->cfg.set.num[SET_jobs];

	if (u->jobs)
		return u->jobs;
	if (set > 0)
		return set > HL_JOBS_MAX ? HL_JOBS_MAX : (unsigned)set;
	return u->en->jobs;
}

int reader_index_some(struct ui *u, double budget)
{
	double end = now_ms() + budget;
	size_t i;

	tell_changed(u);

	for (i = 0; i < u->ndocs; i++)
		while (!u->docs[i]->a->complete) {
			doc_parse(u->docs[i], 1u << 20);
			if (now_ms() > end)
				return 0;
		}
	for (i = 0; i < u->ndocs; i++)
		while (!doc_complete(u->docs[i])) {
			u->docs[i]->jobs = index_jobs(u);
			doc_work(u->docs[i], u->en->hl, 64);
			if (now_ms() > end)
				return 0;
		}
	tell_changed(u);
	if (!u->xref_ready)
		build_xref(u);
	return 1;
}

/* Progress: parsing counts for the first half, highlighting the second. */
static int index_percent(struct ui *u)
{
	double done = 0, total = 0;
	size_t i;

	for (i = 0; i < u->ndocs; i++) {
		const struct article *a = u->docs[i]->a;

		total += 2.0 * (double)(a->len ? a->len : 1);
		done += (double)a->parsed;
		if (a->complete && a->nsections)
			done += (double)a->len * (double)u->docs[i]->done /
				(double)a->nsections;
		else if (a->complete)
			done += (double)a->len;
	}
	return total > 0 ? (int)(done * 100 / total) : 100;
}

/* A progress message on the status line, now. */
static void show_progress(struct ui *u)
{
	move(LINES - 1, 0);
	clrtoeol();
	addstr(u->msg);
	refresh();
}

void reader_heads(struct ui *u, double budget)
{
	double end = now_ms() + budget;
	size_t i;

	for (i = 0; i < u->ndocs && now_ms() < end; i++)
		if (u->docs[i]->a->parsed == 0 && !u->docs[i]->a->complete)
			doc_parse(u->docs[i], 16u << 10);
}

void reader_need_parsed(struct ui *u, struct doc *d)
{
	while (!doc_parse(d, 4u << 20)) {
		reader_say(u, 0, "reading… %d%%",
			   (int)((double)d->a->parsed * 100 / (double)d->a->len));
		show_progress(u);
		if (term_signal())
			return;
	}
	u->msg[0] = '\0';
}

const struct xref *reader_index(struct ui *u)
{
	while (!reader_index_some(u, 50)) {
		reader_say(u, 0, "indexing… %d%%", index_percent(u));
		show_progress(u);
		if (term_signal())
			break;
	}
	return u->xref;
}

void reader_engine_opened(struct ui *u)
{
	struct doc *d;
	const struct figure *figs;
	const struct mention *mv;
	long sec;
	size_t n, k;

	if (!u->sel.on || u->vis.on || u->sel.entity != ENTITY_NONE)
		return;
	d = u->docs[u->sel.doc];
	sec = article_section_at(d->a, u->sel.start);
	if (sec < 0)
		return;
	mv = doc_mentions(d, u->en->hl, (size_t)sec, &n, &figs);
	for (k = 0; k < n; k++)
		if (mv[k].start == u->sel.start && mv[k].end == u->sel.end)
			u->sel.entity = mv[k].entity;
}

void reader_place_notes(struct ui *u)
{
	size_t i;

	for (i = 0; i < u->ndocs; i++) {
		free(u->places[i]);
		u->nplaces[i] = place_notes(u->ns, u->docs[i]->a,
					    &u->places[i]);
	}
}

/* ---- drawing ---- */

/* The left part of the status line: pane, path, position (and the page
 * of the paragraph at the top, for an article with pages: a PDF), modes.
 * When room is short the path gives way first (level 1: only the file
 * name; 2: none -- the pane's header shows it). */
static void status_left(struct ui *u, char *out, size_t n, int level)
{
	struct doc *d = reader_focused(u);
	const char *path = d->a->path, *base = strrchr(path, '/');
	char page[32] = "", pos[96];

	if (d->top_sec < d->a->nsections && d->a->sections[d->top_sec].page > 0)
		snprintf(page, sizeof page, "  p. %d",
			 d->a->sections[d->top_sec].page);
	doc_position(d, (size_t)reader_text_rows(u), pos, sizeof pos);
	snprintf(out, n, " %s %s%s%s%s%s%s", u->lay.focus == 0 ? "A" : "B",
		 level == 0 ? path : level == 1 && base ? base + 1
				   : level == 1	 ? path : "",
		 level < 2 ? "  " : " ", pos, page,
		 u->lay.sync ? "  [sync]" : "",
		 u->lay.single && u->ndocs > 1 ? "  [Tab: other report]" : "");
}

static void draw_status(struct ui *u)
{
	char left[1024], right[256] = "";
	int used, rw, room;
	size_t n, fit;
	unsigned long attr = theme_attr(ROLE_STATUS);

	status_left(u, left, sizeof left, 0);
	if (u->vis.on) {
		/* the characters selected */
		const char *t = u->docs[u->sel.doc]->a->text;
		size_t i, nc = 0;

		for (i = u->sel.start; i < u->sel.end; i++)
			nc += ((unsigned char)t[i] & 0xC0) != 0x80;
		snprintf(right, sizeof right, "%s %zu characters ",
			 u->vis.sentences ? "-- SENTENCES --" : "-- VISUAL --",
			 nc);
	} else if (u->sel.on) {
		/* (no registry yet: the first screen's text before its
		 * marks) */
		const struct entity *en =
			u->en->reg ? entities_get(u->en->reg, u->sel.entity)
				   : NULL;

		if (en && u->xref_ready)
			snprintf(right, sizeof right, "%s: %zu in A, %zu in B ",
				 en->name,
				 xref_count(u->xref, u->sel.entity,
					    u->lay.shown[0]),
				 u->ndocs > 1 ? xref_count(u->xref, u->sel.entity,
							   u->lay.shown[1])
					      : 0);
		else if (en)
			snprintf(right, sizeof right, "%s ", en->name);
	}
	if (!u->xref_ready && !all_done(u))
		snprintf(right + strlen(right), sizeof right - strlen(right),
			 "indexing %d%% ", index_percent(u));
	move(LINES - 1, 0);
	attrset(attr);
	/* the entity and progress on the right are kept; the path and the
	 * message give way */
	rw = (int)utf8_str_width(right, strlen(right));
	room = COLS - rw > 0 ? COLS - rw : COLS;
	if (u->msg_error && u->msg[0]) {
		/* an error message needs the room more than the path */
		snprintf(left, sizeof left, " %s", u->lay.focus == 0 ? "A" : "B");
	} else if (utf8_str_width(left, strlen(left)) > (size_t)room) {
		/* no room for the path: the file name will do, or nothing */
		status_left(u, left, sizeof left, 1);
		if (utf8_str_width(left, strlen(left)) > (size_t)room)
			status_left(u, left, sizeof left, 2);
	}
	n = strlen(left);
	fit = utf8_fit(left, n, (size_t)room);
	if (rw >= COLS)
		rw = 0;
	used = draw_text(left, 0, fit, room, attr);
	if (u->msg[0] && used + 4 < room) {
		addstr(" │ ");
		used += 3 + draw_text(u->msg, 0, strlen(u->msg), room - used - 4,
				      u->msg_error ? theme_attr(ROLE_ERROR) |
							     A_REVERSE
						   : attr);
		attrset(attr);
	}
	while (used < COLS - rw) {
		addch(' ');
		used++;
	}
	if (rw)
		draw_text(right, 0, strlen(right), rw, attr);
	attrset(A_NORMAL);
}

static void pane_view_for(struct ui *u, int p, struct pane_view *v)
{
	size_t di = u->lay.shown[p];

	memset(v, 0, sizeof *v);
	v->h = u->en->hl;
	v->sel_entity = u->sel.on ? u->sel.entity : ENTITY_NONE;
	v->sel_here = u->sel.on && u->sel.doc == di;
	v->sel_start = u->sel.start;
	v->sel_end = u->sel.end;
	v->search = search_active(&u->search) ? &u->search : NULL;
	v->has_cur = v->search && u->match.on && u->match.doc == di;
	v->cur_start = u->match.start;
	v->cur_end = u->match.end;
	v->focused = u->lay.focus == p;
	v->has_cursor = v->focused && !overlay_is_open(&u->ov);
	v->cursor = u->docs[di]->cursor;
	v->label = p == 0 ? "A" : "B";
	v->notes = u->places[di];
	v->nnotes = u->nplaces[di];
	v->numbers = (int)u->cfg.set.num[SET_gutter];
}

static void draw_too_small(void)
{
	const char *msg = "terminal too small";
	char size[64];
	int y = LINES / 2;

	erase();
	snprintf(size, sizeof size, "need %dx%d", MIN_COLS, MIN_ROWS);
	mvaddnstr(y > 0 ? y - 1 : 0, (COLS - (int)strlen(msg)) / 2 > 0
				   ? (COLS - (int)strlen(msg)) / 2 : 0,
		  msg, COLS);
	if (LINES > 1)
		mvaddnstr(y, (COLS - (int)strlen(size)) / 2 > 0
				 ? (COLS - (int)strlen(size)) / 2 : 0,
			  size, COLS);
}

/* The prompt on the bottom line, the message (if any) at its right. */
static void draw_prompt(struct ui *u)
{
	int mw = u->msg[0] ? (int)utf8_str_width(u->msg, strlen(u->msg)) + 3 : 0;
	unsigned long attr = theme_attr(u->msg_error ? ROLE_ERROR : ROLE_STATUS);

	if (mw > COLS / 2)
		mw = COLS / 2;
	if (mw) {
		move(LINES - 1, COLS - mw);
		attrset(attr);
		addstr(" │ ");
		draw_text(u->msg, 0, strlen(u->msg), mw - 3, attr);
		attrset(A_NORMAL);
	}
	prompt_draw(&u->prompt, LINES - 1, COLS - mw);
}

void reader_draw(struct ui *u)
{
	struct pane_view v;
	int p, y;

	if (COLS < MIN_COLS || LINES < MIN_ROWS) {
		draw_too_small();
		if (u->msg[0] && LINES > 2) {
			/* the question at quit, say */
			move(LINES - 1, 0);
			draw_text(u->msg, 0, strlen(u->msg), COLS,
				  theme_attr(u->msg_error ? ROLE_ERROR
							  : ROLE_STATUS));
		}
		refresh();
		return;
	}
	layout(u);
	for (p = 0; p < 2; p++)
		if (!u->lay.single || p == u->lay.focus)
			pane_prepare(u->docs[u->lay.shown[p]], u->lay.w[p],
				     (int)u->cfg.set.num[SET_gutter]);
	cursor_follow(u);
	pane_cursor_forget();
	for (p = 0; p < 2; p++) {
		if (u->lay.single && p != u->lay.focus)
			continue;
		pane_view_for(u, p, &v);
		if (u->lay.single)
			v.label = u->lay.focus == 0 ? "A" : "B";
		pane_draw(u->docs[u->lay.shown[p]], 0, u->lay.x[p], u->lay.h,
			  u->lay.w[p], &v);
	}
	if (!u->lay.single) {
		attrset(theme_attr(ROLE_DIVIDER));
		for (y = 0; y < u->lay.h; y++)
			mvaddstr(y, u->lay.w[0], "│");
		attrset(A_NORMAL);
	}
	overlay_draw(&u->ov);
	if (u->nf.editing && !u->nf.linking) {
		int h = LINES / 3 < 5 ? 5 : LINES / 3;

		draw_status(u);
		editor_draw(&u->nf.ed, LINES - 1 - h, h, COLS);
		curs_set(1);
		refresh();
		return;
	}
	if (u->prompting)
		draw_prompt(u);
	else
		draw_status(u);
	curs_set(u->prompting ? 1 : 0);
	refresh();
}

/* ---- what overlays may ask ---- */

size_t reader_ndocs(const struct ui *u)
{
	return u->ndocs;
}

const struct settings *reader_settings(const struct ui *u)
{
	return &u->cfg.set;
}

struct doc *reader_doc(struct ui *u, size_t di)
{
	return u->docs[di];
}

size_t reader_shown(const struct ui *u, int p)
{
	return u->lay.shown[p];
}

int reader_focus(const struct ui *u)
{
	return u->lay.focus;
}

const struct entities *reader_entities(const struct ui *u)
{
	return u->en->reg;
}

struct highlighter *reader_highlighter(const struct ui *u)
{
	return u->en->hl;
}

uint32_t reader_selected_entity(const struct ui *u)
{
	return u->sel.on ? u->sel.entity : ENTITY_NONE;
}

struct compare_rules *reader_compare_rules(struct ui *u)
{
	struct err e = {{0}};

	if (u->cr == NULL && (u->cr = compare_rules_load(NULL, NULL, &e)) == NULL)
		reader_say(u, 1, "%s", e.text);
	return u->cr;
}

struct archive *reader_archive(struct ui *u, int quiet)
{
	struct err e = {{0}};
	const char *set = u->cfg.set.str[SET_archive];
	char *path;

	if (u->archive || u->archive_tried) {
		if (!u->archive && !quiet)
			reader_say(u, 1, "no archive (see set archive; "
					 "brief --add FILE makes one)");
		return u->archive;
	}
	u->archive_tried = 1;
	path = set && *set ? xstrdup(set) : xdg_path("data", "archive.db");
	if ((!set || !*set) && access(path, F_OK) != 0)
		err_set(&e, "no archive: %s does not exist (brief --add FILE "
			    "makes it; set archive names another)", path);
	else
		u->archive = archive_open(path, 0, &e);
	if (!u->archive && !quiet)
		reader_say(u, 1, "%s", e.text);
	free(path);
	return u->archive;
}

long reader_topic(const struct ui *u)
{
	return u->topic;
}

void reader_set_topic(struct ui *u, long k)
{
	size_t p, i;

	u->topic = k;
	for (p = 0; p < u->ndocs; p++) {
		struct doc *d = u->docs[p];
		unsigned char *keep;

		if (k < 0) {
			doc_filter(d, NULL);
			continue;
		}
		keep = xcalloc(d->a->nsections + 1, 1);
		for (i = 0; i < d->a->nsections; i++) {
			size_t n;
			const struct figure *figs;
			const struct mention *mv = doc_mentions(d, u->en->hl, i,
								&n, &figs);

			keep[i] = (topics_of(u->cr->topics, d->a, i, mv, n,
					     u->en->reg) >> k) & 1;
		}
		doc_filter(d, keep);
		free(keep);
	}
}

struct notes *reader_notes(struct ui *u)
{
	return u->ns;
}

const struct note_place *reader_notes_in(const struct ui *u, size_t di,
					 size_t *n)
{
	*n = u->nplaces[di];
	return u->places[di];
}

/* ---- corrections ---- */

/* The mention of doc di that spans [start, end) and names an entity (not
 * a figure), or NULL. */
static const struct mention *mention_at(struct ui *u, size_t di,
					size_t start, size_t end)
{
	struct doc *d = u->docs[di];
	long sec = article_section_at(d->a, start);
	const struct figure *figs;
	const struct mention *mv;
	size_t n, i;

	if (sec < 0)
		return NULL;
	mv = doc_mentions(d, u->en->hl, (size_t)sec, &n, &figs);
	for (i = 0; i < n; i++)
		if (mv[i].start == start && mv[i].end == end &&
		    mv[i].cat != CAT_FIGURE && mv[i].entity != ENTITY_NONE)
			return &mv[i];
	return NULL;
}

int reader_selection(struct ui *u, size_t *di, size_t *start, size_t *end,
		     uint32_t *entity)
{
	const struct mention *m;

	if (u->sel.on) {
		*di = u->sel.doc;
		*start = u->sel.start;
		*end = u->sel.end;
	} else if (u->match.on && u->match.end > u->match.start) {
		*di = u->match.doc;
		*start = u->match.start;
		*end = u->match.end;
	} else {
		return READER_SEL_NONE;
	}
	m = mention_at(u, *di, *start, *end);
	*entity = m ? m->entity : ENTITY_NONE;
	return m ? READER_SEL_MENTION : READER_SEL_PASSAGE;
}

/* The corrections changed: every mark is made again (the registry first
 * given back as the lexicon made it), the index rebuilt when next asked
 * for, and the selection kept on what its passage is now. */
static void corrections_changed(struct ui *u)
{
	const struct mention *m;
	size_t i;

	engine_corrections_changed(u->en);
	for (i = 0; i < u->ndocs; i++)
		doc_invalidate(u->docs[i]);
	xref_free(u->xref);
	u->xref = NULL;
	u->xref_ready = 0;
	if (u->sel.on) {
		m = mention_at(u, u->sel.doc, u->sel.start, u->sel.end);
		if (m)
			u->sel.entity = m->entity;
		else if (u->sel.entity != ENTITY_NONE)
			u->sel.on = 0; /* dismissed */
	}
	overlay_refresh(&u->ov, u);
}

int reader_correct(struct ui *u, const struct correction *x,
		   const char *done)
{
	struct err e = {{0}};

	if (u->en->corr == NULL) {
		reader_say(u, 1, "no corrections file: nothing corrected");
		return -1;
	}
	if (corrections_add(u->en->corr, x, &e) != 0) {
		reader_say(u, 1, "not corrected: %s", e.text);
		return -1;
	}
	u->cundo.at = xgrow(u->cundo.at, &u->cundo.cap, u->cundo.n + 1,
			    sizeof *u->cundo.at);
	u->cundo.at[u->cundo.n++] = u->cundo.notes;
	corrections_changed(u);
	reader_say(u, 0, "%s (saved; U undoes)", done);
	return 0;
}

int reader_correct_undo(struct ui *u)
{
	struct err e = {{0}};
	int rc;

	if (u->cundo.n == 0 || u->cundo.at[u->cundo.n - 1] != u->cundo.notes)
		return 0; /* a note changed since: that is undone first */
	rc = corrections_undo(u->en->corr, &e);
	if (rc < 0) {
		reader_say(u, 1, "correction not undone: %s", e.text);
		return 1;
	}
	u->cundo.n--;
	if (rc == 0)
		corrections_changed(u);
	reader_say(u, 0, rc == 0 ? "correction undone" : "nothing to undo");
	return 1;
}
