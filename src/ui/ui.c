/* ui: layout, input loop, overlays, status line, signals. */
#include "brief/ui/ui.h"

#include <curses.h>
#include <term.h>
#include <errno.h>
#include <signal.h>
#include <termios.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "brief/compare/compare.h"
#include "brief/ui/doc.h"
#include "brief/ui/draw.h"
#include "brief/ui/editor.h"
#include "brief/base/fileio.h"
#include "brief/notes/notes.h"
#include "brief/ui/keymap.h"
#include "brief/text/library.h"
#include "brief/ui/olist.h"
#include "brief/ui/pane.h"
#include "brief/ui/prompt.h"
#include "brief/text/search.h"
#include "brief/ui/theme.h"
#include "brief/base/utf8.h"
#include "brief/mark/xref.h"

/* Below these sizes the screen only says it is too small. */
#define MIN_COLS 40
#define MIN_ROWS 8
/* Below this width one pane is shown at a time. */
#define TWO_PANE_COLS 100

enum overlay {
	OV_NONE,
	OV_HELP,
	OV_XREF,
	OV_INDEX,
	OV_OPEN,
	OV_NOTES,
	OV_COMPARE,
	OV_TOPICS
};

struct ui {
	struct library *lib;
	struct engine *en;
	const struct article_rules *rules;
	struct doc **docs;
	size_t ndocs;
	size_t shown[2];          /* doc shown in each pane */
	int focus;                /* 0 or 1 */
	int single;               /* one pane at a time */
	int sync;
	struct xref *xref;
	int xref_ready;

	int has_sel;
	size_t sel_doc, sel_start, sel_end;
	uint32_t sel_entity;

	struct search search;
	int prompting;
	struct prompt prompt;
	size_t search_origin;     /* where an incremental search began */
	size_t search_origin_doc;
	struct doc saved_pos;     /* position before an incremental search */

	enum overlay ov;
	struct olist *list;
	int index_sort;

	struct compare_rules *cr;  /* loaded at the first c or t */
	long topic;               /* the topic shown, or -1 */
	struct notes *ns;
	struct noteplace **places; /* per doc, sorted by start */
	size_t *nplaces;
	int editing;              /* the note editor is open */
	struct editor ed;
	char *edit_id;            /* the note being edited, or NULL */
	struct anchor pend[NOTE_MAX_ANCHORS];
	size_t npend;
	int linking;              /* picking the second passage */
	int link_return_focus;

	char msg[512];
	int msg_error;
	struct theme *theme;
	int use_color;
	int quit;
	int asking;               /* quitting with unsaved notes: asked what to do */
	int written;              /* the unsaved notes were written with :write */
	size_t lost;              /* notes given up when quitting anyway */
	int layout_x[2], layout_w[2], layout_h;
};

/* Signals: the first SIGTERM, SIGHUP or SIGINT asks the loop to stop; if
 * it has not within a moment (a long computation), or a second signal
 * comes, the handler restores the terminal itself with the sequence saved
 * at start-up and ends the process. */
#define SIGNAL_GRACE_SECONDS 2
static volatile sig_atomic_t got_signal;
static volatile sig_atomic_t unsaved_now; /* notes_unsaved, for the handler */
static int tty_fd = -1;
static struct termios tty_saved;
static int tty_saved_ok;
static char tty_reset[256];
static size_t tty_reset_len;

/* write(2) all of s; in a signal handler. */
static void write_all(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t k = write(fd, s, n);

		if (k <= 0)
			return;
		s += k;
		n -= (size_t)k;
	}
}

static void emergency_exit(int sig)
{
	static const char lost[] = "brief: stopped by a signal; unsaved notes "
				   "were lost\n";
	static const char gone[] = "brief: stopped by a signal\n";

	if (tty_fd >= 0) {
		write_all(tty_fd, tty_reset, tty_reset_len);
		if (tty_saved_ok)
			tcsetattr(tty_fd, TCSANOW, &tty_saved);
	}
	if (unsaved_now)
		write_all(2, lost, sizeof lost - 1);
	else
		write_all(2, gone, sizeof gone - 1);
	_exit(128 + sig);
}

static void on_signal(int sig)
{
	if (sig == SIGALRM) {
		emergency_exit(got_signal ? got_signal : SIGTERM);
		return;
	}
	if (got_signal)
		emergency_exit(sig);
	got_signal = sig;
	alarm(SIGNAL_GRACE_SECONDS);
}

/* Append a terminfo string capability to the reset sequence. */
static void reset_add_cap(const char *name)
{
	char *cap = tigetstr(name);
	size_t n;

	if (cap == NULL || cap == (char *)-1)
		return;
	n = strlen(cap);
	if (tty_reset_len + n < sizeof tty_reset) {
		memcpy(tty_reset + tty_reset_len, cap, n);
		tty_reset_len += n;
	}
}

/* What the signal handler writes to give the terminal back: mouse
 * reports off, keypad mode off, attributes and cursor normal, and out
 * of the alternate screen. */
static void save_terminal_reset(int in_fd, int out_fd)
{
	static const char mouse_off[] = "\033[?1006l\033[?1002l\033[?1000l";

	tty_saved_ok = tcgetattr(in_fd, &tty_saved) == 0;
	tty_fd = out_fd;
	tty_reset_len = 0;
	memcpy(tty_reset, mouse_off, sizeof mouse_off - 1);
	tty_reset_len = sizeof mouse_off - 1;
	reset_add_cap("sgr0");
	reset_add_cap("cnorm");
	reset_add_cap("rmkx");
	reset_add_cap("rmcup");
}

static void say(struct ui *u, int error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void say(struct ui *u, int error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(u->msg, sizeof u->msg, fmt, ap);
	va_end(ap);
	u->msg_error = error;
}

static struct doc *focused(struct ui *u)
{
	return u->docs[u->shown[u->focus]];
}

static int text_rows(struct ui *u)
{
	return pane_text_rows(u->layout_h);
}

/* ---- layout ---- */

static void layout(struct ui *u)
{
	int cols = COLS;

	u->layout_h = LINES - 1;
	u->single = cols < TWO_PANE_COLS || u->ndocs < 2;
	if (u->single) {
		u->layout_x[0] = u->layout_x[1] = 0;
		u->layout_w[0] = u->layout_w[1] = cols;
	} else {
		int left = (cols - 1) / 2;

		u->layout_x[0] = 0;
		u->layout_w[0] = left;
		u->layout_x[1] = left + 1;
		u->layout_w[1] = cols - left - 1;
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

/* Parse, then index, for about `budget` ms; returns 1 when everything is
 * indexed. */
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
			say(u, 1, "%s", e.text);
		}
}

static int index_some(struct ui *u, double budget)
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

/* Make sure an article is parsed to the end (for G, search, ...). */
static void need_parsed(struct ui *u, struct doc *d)
{
	while (!doc_parse(d, 4u << 20)) {
		say(u, 0, "reading… %d%%",
		    (int)((double)d->a->parsed * 100 / (double)d->a->len));
		move(LINES - 1, 0);
		clrtoeol();
		addstr(u->msg);
		refresh();
		if (got_signal)
			return;
	}
	u->msg[0] = '\0';
}

/* Make sure the index is complete (with a progress message). */
static void need_index(struct ui *u)
{
	while (!index_some(u, 50)) {
		say(u, 0, "indexing… %d%%", index_percent(u));
		move(LINES - 1, 0);
		clrtoeol();
		addstr(u->msg);
		refresh();
		if (got_signal)
			return;
	}
}

/* ---- notes ---- */

static void show_in_pane(struct ui *u, size_t di, size_t off);
static void undo(struct ui *u);
static void edit_note(struct ui *u, const char *id);
static void notes_changed(struct ui *u);
static void apply_topic(struct ui *u);
static void compare_next_section(struct ui *u);

static int place_cmp(const void *a, const void *b)
{
	const struct noteplace *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

/* Where every live note stands in every doc (after any change). */
static void place_notes(struct ui *u)
{
	size_t n, i, k, j;
	struct note *v = notes_all(u->ns, &n);

	for (i = 0; i < u->ndocs; i++) {
		size_t cap = 0;

		free(u->places[i]);
		u->places[i] = NULL;
		u->nplaces[i] = 0;
		for (k = 0; k < n; k++) {
			if (v[k].deleted)
				continue;
			for (j = 0; j < v[k].nanchors; j++) {
				size_t s, e;
				struct noteplace *np;

				if (!anchor_for(&v[k].anchor[j], u->docs[i]->a) ||
				    anchor_resolve(&v[k].anchor[j], u->docs[i]->a,
						   &s, &e) == ANCHOR_ORPHAN)
					continue;
				u->places[i] = xgrow(u->places[i], &cap,
						     u->nplaces[i] + 1,
						     sizeof *u->places[i]);
				np = &u->places[i][u->nplaces[i]++];
				np->start = s;
				np->end = e;
				np->note = k;
			}
		}
		xqsort(u->places[i], u->nplaces[i], sizeof *u->places[i],
		      place_cmp);
	}
}

/* ---- drawing ---- */

static void draw_status(struct ui *u)
{
	char left[1024], right[256] = "";
	struct doc *d = focused(u);
	int used;
	unsigned long attr = theme_attr(ROLE_STATUS);

	snprintf(left, sizeof left, " %s %s  %d%%%s%s",
		 u->focus == 0 ? "A" : "B", d->a->path, doc_percent(d),
		 u->sync ? "  [sync]" : "",
		 u->single && u->ndocs > 1 ? "  [Tab: other report]" : "");
	if (u->has_sel) {
		const struct entity *en =
			entities_get(u->en->reg, u->sel_entity);

		if (en && u->xref_ready)
			snprintf(right, sizeof right, "%s: %zu in A, %zu in B ",
				 en->name,
				 xref_count(u->xref, u->sel_entity, u->shown[0]),
				 u->ndocs > 1 ? xref_count(u->xref, u->sel_entity,
							   u->shown[1])
					      : 0);
		else if (en)
			snprintf(right, sizeof right, "%s ", en->name);
	}
	if (!u->xref_ready && !all_done(u))
		snprintf(right + strlen(right), sizeof right - strlen(right),
			 "indexing %d%% ", index_percent(u));
	move(LINES - 1, 0);
	attrset(attr);
	used = 0;
	if (u->msg_error && u->msg[0])
		/* an error message needs the room more than the path */
		snprintf(left, sizeof left, " %s", u->focus == 0 ? "A" : "B");
	else if (utf8_str_width(left, strlen(left)) > (size_t)COLS) {
		/* no room for the path: the file name will do */
		const char *base = strrchr(d->a->path, '/');

		snprintf(left, sizeof left, " %s %s  %d%%%s%s",
			 u->focus == 0 ? "A" : "B", base ? base + 1 : d->a->path,
			 doc_percent(d), u->sync ? "  [sync]" : "",
			 u->single && u->ndocs > 1 ? "  [Tab: other report]"
						   : "");
	}
	{
		/* the entity and progress on the right are kept; the path and
		 * the message give way */
		int rw = (int)utf8_str_width(right, strlen(right));
		int room = COLS - rw > 0 ? COLS - rw : COLS;
		size_t n = strlen(left), fit = utf8_fit(left, n, (size_t)room);

		if (rw >= COLS)
			rw = 0;
		used = draw_text(left, 0, fit, room, attr);
		if (u->msg[0] && used + 4 < room) {
			addstr(" │ ");
			used += 3 + draw_text(u->msg, 0, strlen(u->msg),
					      room - used - 4,
					      u->msg_error
						      ? theme_attr(ROLE_ERROR) |
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
	}
	attrset(A_NORMAL);
}

static void pane_view_for(struct ui *u, int p, struct pane_view *v)
{
	size_t di = u->shown[p];

	memset(v, 0, sizeof *v);
	v->h = u->en->hl;
	v->sel_entity = u->has_sel ? u->sel_entity : ENTITY_NONE;
	v->sel_here = u->has_sel && u->sel_doc == di;
	v->sel_start = u->sel_start;
	v->sel_end = u->sel_end;
	v->search = search_active(&u->search) ? &u->search : NULL;
	v->focused = u->focus == p;
	v->label = p == 0 ? "A" : "B";
	v->notes = u->places[di];
	v->nnotes = u->nplaces[di];
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

static void draw(struct ui *u)
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
	for (p = 0; p < 2; p++) {
		if (u->single && p != u->focus)
			continue;
		pane_view_for(u, p, &v);
		if (u->single)
			v.label = u->focus == 0 ? "A" : "B";
		pane_draw(u->docs[u->shown[p]], 0, u->layout_x[p], u->layout_h,
			  u->layout_w[p], &v);
	}
	if (!u->single) {
		attrset(theme_attr(ROLE_DIVIDER));
		for (y = 0; y < u->layout_h; y++)
			mvaddstr(y, u->layout_w[0], "│");
		attrset(A_NORMAL);
	}
	if (u->ov != OV_NONE && u->list) {
		int h = LINES - 3, w = COLS - 4;

		if (w > 120)
			w = 120;
		olist_draw(u->list, 1, (COLS - w) / 2, h, w);
	}
	if (u->editing && !u->linking) {
		int h = LINES / 3 < 5 ? 5 : LINES / 3;

		draw_status(u);
		editor_draw(&u->ed, LINES - 1 - h, h, COLS);
		curs_set(1);
		refresh();
		return;
	}
	if (u->prompting) {
		int mw = u->msg[0] ? (int)utf8_str_width(u->msg, strlen(u->msg)) + 3
				   : 0;

		if (mw > COLS / 2)
			mw = COLS / 2;
		if (mw) {
			move(LINES - 1, COLS - mw);
			attrset(u->msg_error ? theme_attr(ROLE_ERROR)
					     : theme_attr(ROLE_STATUS));
			addstr(" │ ");
			draw_text(u->msg, 0, strlen(u->msg), mw - 3,
				  u->msg_error ? theme_attr(ROLE_ERROR)
					       : theme_attr(ROLE_STATUS));
			attrset(A_NORMAL);
		}
		prompt_draw(&u->prompt, LINES - 1, COLS - mw);
	} else {
		draw_status(u);
	}
	if (u->prompting)
		curs_set(1);
	else
		curs_set(0);
	refresh();
}

/* ---- moving ---- */

static void align_by_content(struct ui *u);

static void scroll_focused(struct ui *u, long delta)
{
	size_t before = focused(u)->top_sec;

	doc_scroll(focused(u), delta);
	if (u->sync && !u->single) {
		if (focused(u)->top_sec != before)
			align_by_content(u);
		else
			doc_scroll(u->docs[u->shown[!u->focus]], delta);
	}
}

/* When sync is turned on: bring the other pane to the same section. */
static void align_other(struct ui *u)
{
	struct doc *f = focused(u), *o = u->docs[u->shown[!u->focus]];
	size_t ns = f->a->nsections, no = o->a->nsections;

	if (ns == 0 || no == 0)
		return;
	o->top_sec = f->top_sec * no / ns;
	if (o->top_sec >= no)
		o->top_sec = no - 1;
	o->top_row = 0;
}

static void show_in_pane(struct ui *u, size_t di, size_t off)
{
	int p;

	if (u->shown[u->focus] == di)
		p = u->focus;
	else if (u->shown[!u->focus] == di)
		p = !u->focus;
	else
		p = u->focus, u->shown[p] = di;
	u->focus = p;
	{
		struct doc *d = u->docs[di];
		size_t rows = (size_t)text_rows(u);

		if (!doc_offset_visible(d, off, rows, NULL))
			doc_show_offset(d, off, rows / 3);
	}
}

static void select_mention(struct ui *u, size_t di, const struct mention *m)
{
	u->has_sel = 1;
	u->sel_doc = di;
	u->sel_start = m->start;
	u->sel_end = m->end;
	u->sel_entity = m->entity;
	show_in_pane(u, di, m->start);
}

/* e / E: the next or previous mention in the focused pane. */
static void select_step(struct ui *u, int dir)
{
	struct doc *d = focused(u);
	size_t di = u->shown[u->focus], ns = d->a->nsections, from, k;
	long sec;

	if (ns == 0)
		return;
	if (u->has_sel && u->sel_doc == di)
		from = u->sel_start;
	else
		from = dir > 0 ? doc_top_offset(d) : doc_top_offset(d) + 1;
	sec = article_section_at(d->a, from);
	if (sec < 0)
		sec = (long)d->top_sec;
	for (k = 0; k < ns; k++) {
		size_t s = dir > 0 ? ((size_t)sec + k) % ns
				   : ((size_t)sec + ns - k) % ns, n, i;
		const struct figure *figs;
		const struct mention *mv = doc_mentions(d, u->en->hl, s, &n,
							&figs);
		int fresh = u->has_sel && u->sel_doc == di;

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
	say(u, 0, "no highlighted mentions here");
}

/* ] / [: the next mention of the selected entity, into the other report
 * when this one has no more. */
static void mention_step(struct ui *u, int dir)
{
	size_t here, other, n, k;
	const uint32_t *l;

	if (!u->has_sel || u->sel_entity == ENTITY_NONE) {
		say(u, 1, "no entity selected: press e to select a mention");
		return;
	}
	need_index(u);
	here = u->sel_doc;
	l = xref_list(u->xref, u->sel_entity, here, &n);
	if (dir > 0) {
		for (k = 0; k < n; k++)
			if (u->docs[here]->m.v[l[k]].start > u->sel_start) {
				select_mention(u, here, &u->docs[here]->m.v[l[k]]);
				return;
			}
	} else {
		for (k = n; k-- > 0;)
			if (u->docs[here]->m.v[l[k]].start < u->sel_start) {
				select_mention(u, here, &u->docs[here]->m.v[l[k]]);
				return;
			}
	}
	/* on into the other pane's report, then around */
	other = u->shown[0] == here ? u->shown[1] : u->shown[0];
	if (u->ndocs > 1 && other != here) {
		l = xref_list(u->xref, u->sel_entity, other, &n);
		if (n) {
			select_mention(u, other,
				       &u->docs[other]->m.v[l[dir > 0 ? 0 : n - 1]]);
			say(u, 0, "continued in the other report");
			return;
		}
	}
	l = xref_list(u->xref, u->sel_entity, here, &n);
	if (n > 1) {
		select_mention(u, here, &u->docs[here]->m.v[l[dir > 0 ? 0 : n - 1]]);
		say(u, 0, "search wrapped");
		return;
	}
	say(u, 0, "no other mention of this entity");
}

/* ---- search ---- */

static void search_go(struct ui *u, int dir, int inclusive, size_t from)
{
	struct doc *d = focused(u);
	size_t ms, me;

	if (!search_active(&u->search)) {
		say(u, 1, "no search pattern: press / to search");
		return;
	}
	need_parsed(u, d);
	if (search_find(&u->search, d->a, from, dir, inclusive, &ms, &me)) {
		size_t rows = (size_t)text_rows(u);

		if (!doc_offset_visible(d, ms, rows, NULL) || !inclusive)
			doc_show_offset(d, ms, rows / 3);
		say(u, 0, "/%s", u->search.pattern);
	} else if (u->search.too_complex) {
		say(u, 1, "pattern too complex (it backtracks too much): %s",
		    u->search.pattern);
	} else {
		say(u, 1, "pattern not found: %s", u->search.pattern);
	}
}

static void search_next(struct ui *u, int dir)
{
	struct doc *d = focused(u);
	size_t rows = (size_t)text_rows(u), from = doc_top_offset(d), ms, me;
	size_t row;

	/* from the match that is shown near the top: the one after it */
	if (search_active(&u->search) &&
	    search_find(&u->search, d->a, from, 1, 1, &ms, &me) &&
	    doc_offset_visible(d, ms, rows, &row))
		from = ms;
	search_go(u, dir, 0, from);
}

/* ---- overlays ---- */

static void close_overlay(struct ui *u)
{
	olist_free(u->list);
	u->list = NULL;
	u->ov = OV_NONE;
}

static void open_help(struct ui *u)
{
	int a;
	char line[512];

	close_overlay(u);
	u->list = olist_new("brief — keys (q or Esc closes)", 0);
	for (a = 1; a < ACT_COUNT; a++) {
		snprintf(line, sizeof line, "  %-22s %s", keymap_keys((enum action)a),
			 keymap_help((enum action)a));
		olist_add(u->list, line, 0);
	}
	olist_add(u->list, "", 1);
	olist_add(u->list, "In lists: Up/Down/PgUp/PgDn move, Enter jumps, "
		  "Esc closes; in the index type to filter, Tab sorts.", 1);
	olist_add(u->list, "Mouse: click selects a mention and focuses its "
		  "pane; the wheel scrolls.", 1);
	olist_refilter(u->list);
	u->ov = OV_HELP;
}

/* The sentence around a mention, cut to about width columns with the
 * mention in view. */
static void kwic(const struct article *a, const struct mention *m, int width,
		 struct buf *out, int *hl_from, int *hl_to)
{
	long si = article_sentence_at(a, m->start);
	size_t s = m->start, e = m->end, left, right;
	size_t room = width > 20 ? (size_t)width : 20;

	if (si >= 0 && a->sentences[si].end >= m->end) {
		s = a->sentences[si].start;
		e = a->sentences[si].end;
	}
	left = s;
	right = e;
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
	{
		size_t i;

		for (i = left; i < right; i++)
			buf_addc(out, a->text[i] == '\n' ? ' ' : a->text[i]);
	}
}

static void open_xref(struct ui *u)
{
	const struct entity *en;
	char title[512];
	size_t p, k, n, cnt[2];

	if (!u->has_sel || u->sel_entity == ENTITY_NONE) {
		say(u, 1, "no entity selected: press e to select a mention");
		return;
	}
	need_index(u);
	en = entities_get(u->en->reg, u->sel_entity);
	cnt[0] = xref_count(u->xref, u->sel_entity, u->shown[0]);
	cnt[1] = u->ndocs > 1 ? xref_count(u->xref, u->sel_entity, u->shown[1])
			      : 0;
	snprintf(title, sizeof title, "%s — %zu mention%s in A, %zu in B",
		 en->name, cnt[0], cnt[0] == 1 ? "" : "s", cnt[1]);
	close_overlay(u);
	u->list = olist_new(title, 0);
	for (p = 0; p < (u->ndocs > 1 ? 2u : 1u); p++) {
		size_t di = u->shown[p];
		struct doc *d = u->docs[di];
		const uint32_t *l = xref_list(u->xref, u->sel_entity, di, &n);
		char head[512];

		snprintf(head, sizeof head, "%s: %s (%s)", p == 0 ? "A" : "B",
			 d->a->title, d->a->path);
		olist_add(u->list, head, 1);
		for (k = 0; k < n; k++) {
			const struct mention *m = &d->m.v[l[k]];
			struct buf b = {0};
			struct olist_row *r;
			int hf, ht;

			buf_printf(&b, "  §%u  ", mention_section(&d->m, m) + 1);
			kwic(d->a, m, COLS - 16, &b, &hf, &ht);
			r = olist_add(u->list, b.data, 0);
			r->highlight_from = hf;
			r->highlight_to = ht;
			r->doc = di;
			r->start = m->start;
			r->end = m->end;
			r->entity = m->entity;
			buf_free(&b);
		}
		if (n == 0)
			olist_add(u->list, "  (no mentions)", 1);
	}
	olist_refilter(u->list);
	u->ov = OV_XREF;
}

static const char *const sort_names[] = {"total", "A", "B", "name"};

static int index_cmp_key;

static int index_cmp(const void *a, const void *b)
{
	const struct olist_row *x = a, *y = b;
	long kx, ky;

	if (index_cmp_key == 3)
		return strcmp(x->text + 10, y->text + 10);
	kx = x->key[index_cmp_key];
	ky = y->key[index_cmp_key];
	if (kx != ky)
		return kx > ky ? -1 : 1;
	return strcmp(x->text + 10, y->text + 10);
}

static void fill_index(struct ui *u)
{
	uint32_t *ids;
	size_t n, k;
	char line[512], foot[128];

	ids = xref_ranked(u->xref, u->en->reg,
			  1u << CAT_ACTOR | 1u << CAT_WEAPON, &n);
	for (k = 0; k < n; k++) {
		const struct entity *en = entities_get(u->en->reg, ids[k]);
		size_t a = xref_count(u->xref, ids[k], u->shown[0]);
		size_t b = u->ndocs > 1 ? xref_count(u->xref, ids[k], u->shown[1])
					: 0;
		struct olist_row *r;

		if (a + b == 0)
			continue;
		snprintf(line, sizeof line, "%-9s %-40s %5zu %5zu",
			 category_name(en->cat), en->name, a, b);
		r = olist_add(u->list, line, 0);
		r->entity = ids[k];
		r->key[0] = (long)(a + b);
		r->key[1] = (long)a;
		r->key[2] = (long)b;
	}
	free(ids);
	index_cmp_key = u->index_sort;
	xqsort(u->list->rows, u->list->n, sizeof *u->list->rows, index_cmp);
	snprintf(foot, sizeof foot, "sorted by %s (Tab) · Enter selects · Esc "
		 "closes", sort_names[u->index_sort]);
	olist_set_footer(u->list, foot);
	olist_refilter(u->list);
}

static void open_index(struct ui *u)
{
	need_index(u);
	close_overlay(u);
	u->list = olist_new("Entity index — category, entity, mentions in A, "
			    "in B", 1);
	fill_index(u);
	u->ov = OV_INDEX;
}

static void open_picker(struct ui *u)
{
	size_t i;
	char line[512];

	close_overlay(u);
	u->list = olist_new("Show which article in this pane?", 1);
	for (i = 0; i < u->ndocs; i++) {
		struct olist_row *r;

		snprintf(line, sizeof line, "%s%s — %s",
			 i == u->shown[u->focus] ? "* " : "  ",
			 u->docs[i]->a->title, u->docs[i]->a->path);
		r = olist_add(u->list, line, 0);
		r->doc = i;
	}
	olist_refilter(u->list);
	u->list->cur = u->shown[u->focus];
	u->ov = OV_OPEN;
}

static void overlay_enter(struct ui *u)
{
	struct olist_row *r = olist_current(u->list);
	enum overlay ov = u->ov;

	if (r == NULL)
		return;
	if (ov == OV_XREF) {
		struct mention m = {0};
		size_t di = r->doc;

		m.start = r->start;
		m.end = r->end;
		m.entity = r->entity;
		close_overlay(u);
		select_mention(u, di, &m);
		return;
	}
	if (ov == OV_INDEX) {
		uint32_t id = r->entity;
		size_t p, n;

		close_overlay(u);
		for (p = 0; p < 2; p++) {
			size_t di = u->shown[p == 0 ? u->focus : !u->focus];
			const uint32_t *l = xref_list(u->xref, id, di, &n);

			if (n) {
				select_mention(u, di, &u->docs[di]->m.v[l[0]]);
				return;
			}
		}
		return;
	}
	if (ov == OV_TOPICS) {
		u->topic = r->key[0];
		close_overlay(u);
		apply_topic(u);
		say(u, 0, "topic: %s (t shows all)",
		    topics_name(u->cr->topics, (size_t)u->topic));
		return;
	}
	if (ov == OV_COMPARE) {
		size_t di = r->doc, st = r->start, en = r->end;
		uint32_t id = r->entity;

		close_overlay(u);
		if (id != ENTITY_NONE) {
			size_t n;
			const uint32_t *l = xref_list(u->xref, id, di, &n);

			if (n)
				select_mention(u, di, &u->docs[di]->m.v[l[0]]);
			return;
		}
		u->has_sel = en > st;
		u->sel_doc = di;
		u->sel_start = st;
		u->sel_end = en;
		u->sel_entity = ENTITY_NONE;
		show_in_pane(u, di, st);
		return;
	}
	if (ov == OV_NOTES) {
		size_t di = r->doc, st = r->start, en = r->end;

		if (di == (size_t)-1) {
			say(u, 1, "an orphan: its passage is no longer in the "
				  "article (e edits, d deletes)");
			return;
		}
		close_overlay(u);
		u->has_sel = 1;
		u->sel_doc = di;
		u->sel_start = st;
		u->sel_end = en;
		u->sel_entity = ENTITY_NONE;
		show_in_pane(u, di, st);
		return;
	}
	if (ov == OV_OPEN) {
		size_t di = r->doc;

		close_overlay(u);
		u->shown[u->focus] = di;
		say(u, 0, "%s", u->docs[di]->a->path);
		return;
	}
	close_overlay(u);
}

static void notes_list_key(struct ui *u, int key)
{
	struct olist_row *r = olist_current(u->list);
	struct err e = {{0}};
	char *id;

	if (key == 'U') {
		undo(u);
		return;
	}
	if (r == NULL || r->note == NULL)
		return;
	id = xstrdup(r->note);
	if (key == 'e') {
		close_overlay(u);
		edit_note(u, id);
	} else if (key == 'd') {
		if (notes_delete(u->ns, id, &e) != 0)
			say(u, 1, "%s", e.text);
		else
			say(u, 0, "note deleted (U undoes)");
		notes_changed(u);
	}
	free(id);
}

static void overlay_key(struct ui *u, int key, int fn)
{
	int rc;

	if (u->ov == OV_NOTES && !fn && !u->list->typing &&
	    (key == 'e' || key == 'd' || key == 'U')) {
		notes_list_key(u, key);
		return;
	}
	rc = olist_key(u->list, key, fn, LINES - 5);

	if (rc == OLIST_CLOSE || (!fn && key == 'q' && !u->list->filterable))
		close_overlay(u);
	else if (rc == OLIST_ENTER)
		overlay_enter(u);
	else if (rc == OLIST_SORT && u->ov == OV_COMPARE)
		compare_next_section(u);
	else if (rc == OLIST_SORT && u->ov == OV_INDEX) {
		char filter[sizeof u->list->filter];

		memcpy(filter, u->list->filter, sizeof filter);
		u->index_sort = (u->index_sort + 1) % 4;
		open_index(u);
		memcpy(u->list->filter, filter, sizeof filter);
		olist_refilter(u->list);
	}
}

/* ---- quitting ---- */

/* q, :q and the too-small screen's q: quit, unless notes changed in this
 * session could not be saved: then ask (r retries, w writes them
 * elsewhere, Q quits anyway). */
static void request_quit(struct ui *u)
{
	size_t n = notes_unsaved(u->ns);

	if (n == 0 || u->written) {
		u->quit = 1;
		return;
	}
	u->asking = 1;
	say(u, 1, "%zu note%s not saved: r retries, w writes %s elsewhere, "
		  "Q quits anyway, Esc stays",
	    n, n == 1 ? "" : "s", n == 1 ? "it" : "them");
}

/* Quit whatever is unsaved (Q at the question, :q!). */
static void quit_anyway(struct ui *u)
{
	u->lost = u->written ? 0 : notes_unsaved(u->ns);
	u->quit = 1;
}

static void asking_key(struct ui *u, int key, int fn)
{
	struct err e = {{0}};

	u->asking = 0;
	if (fn) {
		say(u, 0, "not quitting");
		return;
	}
	switch (key) {
	case 'r':
		if (notes_save(u->ns, &e) == 0 && notes_unsaved(u->ns) == 0) {
			u->quit = 1;
			return;
		}
		notes_changed(u);
		request_quit(u);
		if (e.text[0])
			say(u, 1, "%s (r retries, w writes elsewhere, Q quits "
				  "anyway, Esc stays)", e.text);
		return;
	case 'w':
		prompt_start(&u->prompt, ':');
		prompt_set(&u->prompt, "write ");
		u->prompting = 1;
		u->msg[0] = '\0';
		return;
	case 'Q':
		quit_anyway(u);
		return;
	default:
		say(u, 0, "not quitting");
		return;
	}
}

/* The path a command names ("~/" is the home directory), a fresh
 * string; NULL, with what is missing said, when it names none. */
static char *command_path(struct ui *u, const char *arg, const char *what)
{
	const char *home = getenv("HOME");

	while (*arg == ' ')
		arg++;
	if (*arg == '\0') {
		say(u, 1, "%s", what);
		return NULL;
	}
	return arg[0] == '~' && arg[1] == '/' && home
		       ? xasprintf("%s%s", home, arg + 1)
		       : xstrdup(arg);
}

/* :write FILE (:write! FILE replaces a file): every note, as a notes
 * file that --notes reads, e.g. when the notes file cannot be saved. */
static void write_command(struct ui *u, const char *arg, int force)
{
	struct err e = {{0}};
	struct buf b = {0};
	char *path;

	path = command_path(u, arg, ":write needs a file");
	if (path == NULL)
		return;
	if (!force && access(path, F_OK) == 0) {
		say(u, 1, "%s exists (:write! FILE replaces it)", path);
		free(path);
		return;
	}
	notes_write_yaml(u->ns, &b);
	if (file_write_atomic(path, b.data ? b.data : "", b.len, &e) != 0) {
		say(u, 1, "%s", e.text);
	} else {
		u->written = 1;
		say(u, 0, "notes written to %s (--notes %s reads them)", path,
		    path);
	}
	buf_free(&b);
	free(path);
}

/* ---- commands ---- */

/* One more article, opened lazily (parsed and indexed in the
 * background, as at start-up; the caller places the notes and asks for
 * the index again).  -1 with the reason said. */
static int add_article(struct ui *u, const char *path)
{
	struct err e = {{0}};
	struct article *a;

	if (strcmp(path, "-") == 0) {
		say(u, 1, "-: standard input can only be read at start-up");
		return -1;
	}
	a = article_open(path, u->rules, &e);
	if (a == NULL) {
		say(u, 1, "%s", e.text);
		return -1;
	}
	u->lib->items = xrealloc(u->lib->items,
				 (u->lib->n + 1) * sizeof *u->lib->items);
	u->lib->items[u->lib->n++] = a;
	u->docs = xrealloc(u->docs, (u->ndocs + 1) * sizeof *u->docs);
	u->docs[u->ndocs++] = doc_new(a);
	u->places = xrealloc(u->places, u->ndocs * sizeof *u->places);
	u->nplaces = xrealloc(u->nplaces, u->ndocs * sizeof *u->nplaces);
	u->places[u->ndocs - 1] = NULL;
	u->nplaces[u->ndocs - 1] = 0;
	return 0;
}

/* :open FILE|DIR ("~/" is the home directory): the article, or a
 * directory's articles; the focused pane shows the first. */
static void open_command(struct ui *u, const char *arg)
{
	struct err e = {{0}};
	char *path, **paths;
	size_t np, i, first = u->ndocs, added = 0;

	path = command_path(u, arg, ":open needs a file or a directory");
	if (path == NULL)
		return;
	if (library_paths(&path, 1, &paths, &np, &e) != 0) {
		say(u, 1, "%s", e.text);
		free(path);
		return;
	}
	for (i = 0; i < np; i++)
		if (add_article(u, paths[i]) == 0)
			added++;
		else
			break; /* the reason stays on the status line */
	if (added > 0) {
		place_notes(u);
		u->xref_ready = 0;
		u->shown[u->focus] = first;
		if (i == np && added == 1)
			say(u, 0, "opened %s", path);
		else if (i == np)
			say(u, 0, "opened %s (%zu articles; o picks)", path,
			    added);
	}
	library_paths_free(paths, np);
	free(path);
}

static void run_command(struct ui *u, const char *cmd)
{
	while (*cmd == ' ')
		cmd++;
	if (strcmp(cmd, "q") == 0 || strcmp(cmd, "quit") == 0) {
		request_quit(u);
	} else if (strcmp(cmd, "q!") == 0 || strcmp(cmd, "quit!") == 0) {
		quit_anyway(u);
	} else if (strncmp(cmd, "write! ", 7) == 0 ||
		   strncmp(cmd, "w! ", 3) == 0) {
		write_command(u, strchr(cmd, ' '), 1);
	} else if (strncmp(cmd, "write", 5) == 0 &&
		   (cmd[5] == ' ' || cmd[5] == '\0')) {
		write_command(u, cmd + 5, 0);
	} else if (strncmp(cmd, "w ", 2) == 0) {
		write_command(u, cmd + 2, 0);
	} else if (strncmp(cmd, "theme ", 6) == 0) {
		struct err e = {{0}};
		struct theme *t = theme_load(cmd + 6, &e);

		if (t == NULL) {
			say(u, 1, "%s", e.text);
			return;
		}
		theme_free(u->theme);
		u->theme = t;
		theme_apply(t, u->use_color);
		say(u, 0, "theme %s", t->name);
	} else if (strncmp(cmd, "open ", 5) == 0) {
		open_command(u, cmd + 5);
	} else if (*cmd) {
		say(u, 1, "unknown command: %s (try :theme NAME, :open FILE or "
			  "DIR, :write FILE, :q)",
		    cmd);
	}
}

static void prompt_done(struct ui *u, int rc)
{
	if (u->prompt.lead == '/') {
		if (rc == PROMPT_CANCEL) {
			struct doc *d = u->docs[u->search_origin_doc];

			d->top_sec = u->saved_pos.top_sec;
			d->top_row = u->saved_pos.top_row;
			u->msg[0] = '\0';
		} else if (u->prompt.len == 0 && u->search.pattern) {
			search_next(u, 1);
		}
	} else if (rc == PROMPT_ACCEPT) {
		run_command(u, u->prompt.buf);
	}
	u->prompting = 0;
}

static void prompt_input(struct ui *u, int key, int fn)
{
	int rc = prompt_key(&u->prompt, key, fn);

	if (rc == PROMPT_ACCEPT || rc == PROMPT_CANCEL) {
		prompt_done(u, rc);
		return;
	}
	if (rc == PROMPT_EDIT && u->prompt.lead == '/') {
		struct err e = {{0}};
		struct doc *d = u->docs[u->search_origin_doc];

		if (u->prompt.len == 0) {
			d->top_sec = u->saved_pos.top_sec;
			d->top_row = u->saved_pos.top_row;
			return;
		}
		if (search_set(&u->search, u->prompt.buf, &e) != 0) {
			say(u, 1, "bad pattern: %s", e.text);
			return;
		}
		u->msg[0] = '\0';
		d->top_sec = u->saved_pos.top_sec;
		d->top_row = u->saved_pos.top_row;
		search_go(u, 1, 1, u->search_origin);
	}
}

/* ---- notes in the reader ---- */

/* The sentence at the top of the focused pane. */
static int top_sentence(struct ui *u, size_t di, size_t *s, size_t *e)
{
	struct doc *d = u->docs[di];
	size_t off = doc_top_offset(d);
	long k = article_sentence_at(d->a, off);

	if (d->a->nsentences == 0)
		return 0;
	if (k < 0)
		k = 0;
	if (d->a->sentences[k].end <= off &&
	    (size_t)k + 1 < d->a->nsentences)
		k++;
	*s = d->a->sentences[k].start;
	*e = d->a->sentences[k].end;
	return 1;
}

static void excerpt(const char *q, char *out, size_t n, size_t cols)
{
	size_t len = strlen(q), fit = utf8_fit(q, len, cols);
	size_t i, o = 0;

	for (i = 0; i < fit && o + 4 < n; i++)
		out[o++] = q[i] == '\n' ? ' ' : q[i];
	out[o] = '\0';
	if (fit < len && o + 4 < n)
		strcat(out, "…");
}

/* A note is being written (its editor is set aside while a passage to
 * link is picked): no other may start.  Says so. */
static int note_in_progress(struct ui *u)
{
	if (u->editing)
		say(u, 1, "a note is being written: pick its passage (Enter) "
			  "or Esc");
	return u->editing;
}

static void start_note(struct ui *u)
{
	size_t di = u->shown[u->focus], s, e;
	char title[512], ex[256];

	if (note_in_progress(u))
		return;
	while (u->npend > 0)
		anchor_clear(&u->pend[--u->npend]);
	if (u->has_sel && (u->sel_doc == u->shown[0] ||
			   u->sel_doc == u->shown[1])) {
		di = u->sel_doc;
		s = u->sel_start;
		e = u->sel_end;
	} else if (!top_sentence(u, di, &s, &e)) {
		say(u, 1, "nothing here to annotate");
		return;
	}
	anchor_make(&u->pend[0], u->docs[di]->a, s, e);
	u->npend = 1;
	excerpt(u->pend[0].quote, ex, sizeof ex, 60);
	snprintf(title, sizeof title, " New note on «%s»", ex);
	editor_start(&u->ed, title, "");
	free(u->edit_id);
	u->edit_id = NULL;
	u->editing = 1;
}

static void edit_note(struct ui *u, const char *id)
{
	struct note *no = notes_find(u->ns, id);
	char title[512], ex[256];

	if (note_in_progress(u))
		return;
	if (no == NULL)
		return;
	excerpt(no->anchor[0].quote, ex, sizeof ex, 60);
	snprintf(title, sizeof title, " Edit note on «%s»", ex);
	editor_start(&u->ed, title, no->text);
	free(u->edit_id);
	u->edit_id = xstrdup(id);
	u->editing = 1;
}

static void end_edit(struct ui *u)
{
	editor_free(&u->ed);
	free(u->edit_id);
	u->edit_id = NULL;
	u->editing = 0;
	u->linking = 0;
	while (u->npend > 0)
		anchor_clear(&u->pend[--u->npend]);
}

static void save_note(struct ui *u)
{
	struct err e = {{0}};
	const char *text = u->ed.text.data ? u->ed.text.data : "";
	int rc;

	if (text[strspn(text, " \n\t")] == '\0') {
		say(u, 1, "an empty note is not saved");
		end_edit(u);
		return;
	}
	if (strlen(text) > NOTE_MAX_TEXT) {
		/* refused by the store: the text stays in the editor, where
		 * the user can shorten it or :write it elsewhere */
		say(u, 1, "a note holds at most %u KiB of text; this one has "
			  "%zu KiB: shorten it (Esc drops it)",
		    NOTE_MAX_TEXT >> 10, (strlen(text) + 1023) >> 10);
		return;
	}
	if (u->edit_id)
		rc = notes_edit(u->ns, u->edit_id, text, &e);
	else
		rc = notes_add(u->ns, text, u->pend, u->npend, NULL, &e);
	if (rc != 0)
		say(u, 1, "%s", e.text);
	else if (notes_conflicts(u->ns))
		say(u, 1, "note saved; another brief changed it too: its text "
			  "is kept as a #conflict note");
	else
		say(u, 0, u->edit_id ? "note saved" :
			  u->npend > 1 ? "linked note saved" : "note saved");
	end_edit(u);
	notes_changed(u);
}

/* Ctrl-X: the note in $VISUAL or $EDITOR, as git does. */
static void external_editor(struct ui *u)
{
	const char *ed = getenv("VISUAL");
	char path[] = "/tmp/brief-note-XXXXXX";
	int fd;
	char *cmd;
	size_t len;
	char *back;
	struct err e;

	if (ed == NULL || *ed == '\0')
		ed = getenv("EDITOR");
	if (ed == NULL || *ed == '\0')
		ed = "vi";
	fd = mkstemp(path);
	if (fd < 0) {
		say(u, 1, "cannot make a temporary file: %s", strerror(errno));
		return;
	}
	if (write(fd, u->ed.text.data ? u->ed.text.data : "", u->ed.text.len) <
	    0) {
		close(fd);
		unlink(path);
		say(u, 1, "cannot write the temporary file");
		return;
	}
	close(fd);
	def_prog_mode();
	endwin();
	cmd = xasprintf("%s '%s'", ed, path);
	if (system(cmd) != 0)
		say(u, 1, "the editor failed; the note is unchanged");
	else if ((back = file_read(path, &len, &e)) != NULL) {
		editor_set(&u->ed, back);
		free(back);
	}
	free(cmd);
	unlink(path);
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();
}

static void start_link(struct ui *u)
{
	if (u->ndocs < 2 || u->single) {
		say(u, 1, "linking needs the other report beside this one");
		return;
	}
	u->linking = 1;
	u->link_return_focus = u->focus;
	u->focus = !u->focus;
	u->has_sel = 0;
	say(u, 0, "pick the passage in %s: e/E selects a mention (or scroll "
		  "to a sentence), Enter links, Esc goes back",
	    u->focus == 0 ? "A" : "B");
}

static void finish_link(struct ui *u)
{
	size_t di = u->shown[u->focus], s, e, a, b;
	long k;

	if (u->has_sel && u->sel_doc == di) {
		/* the sentence around the selected mention */
		k = article_sentence_at(u->docs[di]->a, u->sel_start);
		s = u->sel_start;
		e = u->sel_end;
		if (k >= 0 && u->docs[di]->a->sentences[k].end >= e) {
			s = u->docs[di]->a->sentences[k].start;
			e = u->docs[di]->a->sentences[k].end;
		}
	} else if (!top_sentence(u, di, &s, &e)) {
		say(u, 1, "nothing here to link");
		return;
	}
	a = s;
	b = e;
	if (u->npend > 1)
		anchor_clear(&u->pend[--u->npend]);
	anchor_make(&u->pend[u->npend++], u->docs[di]->a, a, b);
	u->linking = 0;
	u->focus = u->link_return_focus;
	{
		char title[512], ex1[128], ex2[128];

		excerpt(u->pend[0].quote, ex1, sizeof ex1, 30);
		excerpt(u->pend[1].quote, ex2, sizeof ex2, 30);
		snprintf(title, sizeof title, " New note linking «%s» with «%s»",
			 ex1, ex2);
		free(u->ed.title);
		u->ed.title = xstrdup(title);
	}
	say(u, 0, "passage linked");
}

static void editor_input(struct ui *u, int key, int fn)
{
	int alt = 0, rc;

	if (!fn && key == 27) {
		/* Esc, or Alt-Enter (Esc then Enter straight after) */
		wint_t next;
		int r;

		timeout(30);
		r = get_wch(&next);
		if (r == OK && (next == '\r' || next == '\n'))
			alt = 1, key = (int)next;
		else if (r != ERR)
			unget_wch(next);
	}
	rc = editor_key(&u->ed, key, fn, alt, COLS);
	switch (rc) {
	case EDIT_SAVE:
		save_note(u);
		break;
	case EDIT_CANCEL:
		end_edit(u);
		say(u, 0, "note not saved");
		break;
	case EDIT_EXTERNAL:
		external_editor(u);
		break;
	case EDIT_LINK:
		if (u->edit_id)
			say(u, 1, "a saved note keeps its passages");
		else
			start_link(u);
		break;
	default:
		break;
	}
}

/* > and <: the next or previous note in the focused pane. */
static void note_step(struct ui *u, int dir)
{
	size_t di = u->shown[u->focus], i, n = u->nplaces[di];
	size_t from = u->has_sel && u->sel_doc == di ? u->sel_start
						       : doc_top_offset(u->docs[di]);
	const struct noteplace *p = u->places[di];

	if (n == 0) {
		say(u, 0, "no notes in this report");
		return;
	}
	if (dir > 0) {
		for (i = 0; i < n && p[i].start <= from; i++)
			;
		if (i == n) {
			i = 0;
			say(u, 0, "wrapped to the first note");
		}
	} else {
		for (i = n; i-- > 0 && p[i].start >= from;)
			;
		if (i == (size_t)-1) {
			i = n - 1;
			say(u, 0, "wrapped to the last note");
		}
	}
	{
		size_t nn;
		struct note *v = notes_all(u->ns, &nn);
		const char *t = v[p[i].note].text;

		u->has_sel = 1;
		u->sel_doc = di;
		u->sel_start = p[i].start;
		u->sel_end = p[i].end;
		u->sel_entity = ENTITY_NONE;
		show_in_pane(u, di, p[i].start);
		if (u->msg[0] == '\0')
			say(u, 0, "✎ %.*s", (int)strcspn(t, "\n"), t);
	}
}

static void open_notes_list(struct ui *u);

static void notes_changed(struct ui *u)
{
	u->written = 0;
	unsaved_now = notes_unsaved(u->ns) > 0;
	place_notes(u);
	if (u->ov == OV_NOTES) {
		char filter[sizeof u->list->filter];
		size_t cur = u->list->cur;

		memcpy(filter, u->list->filter, sizeof filter);
		open_notes_list(u);
		memcpy(u->list->filter, filter, sizeof filter);
		olist_refilter(u->list);
		if (cur < u->list->nvis)
			u->list->cur = cur;
	}
}

static void undo(struct ui *u)
{
	struct err e = {{0}};
	int rc = notes_undo(u->ns, &e);

	if (rc == 1)
		say(u, 0, "nothing to undo");
	else if (rc < 0)
		say(u, 1, "%s", e.text);
	else if (notes_conflicts(u->ns))
		say(u, 1, "undone; another brief had changed the note: its "
			  "text is kept as a #conflict note");
	else
		say(u, 0, "undone");
	notes_changed(u);
}

static void add_note_rows(struct ui *u, size_t di, const char *label)
{
	size_t n, k, j;
	struct note *v = notes_all(u->ns, &n);
	char head[512];

	snprintf(head, sizeof head, "%s: %s (%s)", label, u->docs[di]->a->title,
		 u->docs[di]->a->path);
	olist_add(u->list, head, 1);
	for (k = 0; k < u->nplaces[di]; k++) {
		const struct noteplace *p = &u->places[di][k];
		const struct note *no = &v[p->note];
		struct buf b = {0};
		char ex[256];
		struct olist_row *r;
		long sec = article_section_at(u->docs[di]->a, p->start);

		{
			/* the passage of this report, for a linked note */
			size_t q = 0;

			for (j = 0; j < no->nanchors; j++)
				if (anchor_for(&no->anchor[j], u->docs[di]->a))
					q = j;
			excerpt(no->anchor[q].quote, ex, sizeof ex, 40);
		}
		buf_printf(&b, "  §%ld «%s» — %.*s — %.16s", sec + 1, ex,
			   (int)strcspn(no->text, "\n"), no->text,
			   no->modified);
		for (j = 0; j < no->ntags; j++)
			buf_printf(&b, " #%s", no->tags[j]);
		if (no->nanchors > 1)
			buf_adds(&b, " ⇄ linked");
		r = olist_add(u->list, b.data, 0);
		r->doc = di;
		r->start = p->start;
		r->end = p->end;
		r->note = xstrdup(no->id);
		buf_free(&b);
	}
	if (u->nplaces[di] == 0)
		olist_add(u->list, "  (no notes)", 1);
}

static void open_notes_list(struct ui *u)
{
	size_t n, k, j, i, orphans = 0;
	struct note *v = notes_all(u->ns, &n);

	close_overlay(u);
	u->list = olist_new("Notes — Enter jumps · e edits · d deletes · U "
			    "undoes · / filters (#tag too)", 0);
	add_note_rows(u, u->shown[0], "A");
	if (u->ndocs > 1 && u->shown[1] != u->shown[0])
		add_note_rows(u, u->shown[1], "B");
	/* then the other loaded reports that have notes (Enter shows one in
	 * the focused pane) */
	for (i = 0; i < u->ndocs; i++)
		if (i != u->shown[0] && i != u->shown[1] && u->nplaces[i] > 0)
			add_note_rows(u, i, "also");
	/* orphans: notes of a loaded report whose passage is gone */
	for (k = 0; k < n; k++) {
		int mine = 0, placed = 0;

		if (v[k].deleted)
			continue;
		for (i = 0; i < u->ndocs && !placed; i++) {
			for (j = 0; j < v[k].nanchors && !mine; j++)
				if (anchor_for(&v[k].anchor[j], u->docs[i]->a))
					mine = 1;
			for (j = 0; j < u->nplaces[i]; j++)
				if (u->places[i][j].note == k)
					placed = 1;
		}
		if (mine && !placed) {
			char ex[256], line[1024];
			struct olist_row *r;

			if (orphans++ == 0)
				olist_add(u->list, "Orphans: their passage is no "
					  "longer in the article", 1);
			excerpt(v[k].anchor[0].quote, ex, sizeof ex, 60);
			snprintf(line, sizeof line, "  «%s» — %.*s", ex,
				 (int)strcspn(v[k].text, "\n"), v[k].text);
			r = olist_add(u->list, line, 0);
			r->doc = (size_t)-1;
			r->note = xstrdup(v[k].id);
		}
	}
	olist_refilter(u->list);
	u->ov = OV_NOTES;
}

/* ---- comparison, topics, aligned reading ---- */

static int need_compare_rules(struct ui *u)
{
	struct err e = {{0}};

	if (u->cr)
		return 0;
	u->cr = compare_rules_load(NULL, NULL, &e);
	if (u->cr == NULL) {
		say(u, 1, "%s", e.text);
		return -1;
	}
	return 0;
}

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

static void open_compare(struct ui *u)
{
	struct comparison *c;
	size_t da = u->shown[0], db = u->shown[1], i, k;
	struct buf b = {0};
	int cat, s;

	if (u->ndocs < 2 || da == db) {
		say(u, 1, "the comparison needs two reports");
		return;
	}
	if (need_compare_rules(u) != 0)
		return;
	need_index(u);
	c = compare_run(u->cr, u->en->reg, u->docs[da]->a, &u->docs[da]->m,
			u->docs[db]->a, &u->docs[db]->m);
	close_overlay(u);
	u->list = olist_new("Comparison of A and B — Tab: next section · "
			    "Enter: go to the passage", 0);
	heading(u->list, "ENTITIES — only in A · in both (A/B) · only in B");
	for (cat = CAT_ACTOR; cat <= CAT_WEAPON; cat++)
		for (i = 0; i < c->nents; i++) {
			const struct cmp_entity *ce = &c->ents[i];
			const struct entity *en = entities_get(u->en->reg,
							       ce->entity);
			struct olist_row *r;

			if ((int)en->cat != cat)
				continue;
			b.len = 0;
			buf_printf(&b, "  %-7s %-11s %-40s %3zu %3zu%s",
				   category_name(en->cat),
				   ce->count[0] && ce->count[1] ? "both"
				   : ce->count[0]		? "only in A"
								: "only in B",
				   en->name, ce->count[0], ce->count[1],
				   ce->prominent == 1   ? "  ⚑ more in A"
				   : ce->prominent == 2 ? "  ⚑ more in B"
							: "");
			r = row(u->list, b.data, ce->count[0] ? da : db, 0, 0);
			r->entity = ce->entity;
		}
	heading(u->list, "FIGURES — what they count, A and B; ⚠ where they "
			 "disagree");
	for (i = 0; i < c->nfigs; i++) {
		const struct cmp_figure *cf = &c->figs[i];
		char norm[96];

		figure_format(cf->f, norm, sizeof norm);
		b.len = 0;
		buf_printf(&b, "  %-20s %s  ",
			   entities_get(u->en->reg, cf->counts)->name,
			   cf->side ? "B" : "A");
		span_into(&b, c->side[cf->side].a->text, cf->m->start,
			  cf->m->end, 60);
		buf_printf(&b, "  (%s)%s", norm,
			   cf->discrepancy ? "  ⚠ discrepancy" : "");
		row(u->list, b.data, cf->side ? db : da, cf->m->start,
		    cf->m->end);
	}
	heading(u->list, "QUOTES — by speaker");
	for (s = 0; s < 2; s++)
		for (i = 0; i < c->side[s].nq; i++) {
			const struct quote *q = &c->side[s].q[i];

			b.len = 0;
			buf_printf(&b, "  %-22s %s “", q->speaker_text,
				   s ? "B" : "A");
			span_into(&b, c->side[s].a->text, q->start, q->end, 90);
			buf_adds(&b, "”");
			row(u->list, b.data, s ? db : da, q->start, q->end);
		}
	heading(u->list, "TOPICS — what each report says");
	for (k = 0; k < topics_count(u->cr->topics); k++) {
		int any = 0;

		for (s = 0; s < 2; s++)
			for (i = 0; i < c->side[s].a->nsections; i++) {
				const struct article *a = c->side[s].a;
				const struct section *se = &a->sections[i];

				if (!((c->side[s].topics[i] >> k) & 1))
					continue;
				if (!any)
					olist_add(u->list, topics_name(u->cr->topics,
								      k), 1);
				any = 1;
				b.len = 0;
				buf_printf(&b, "  %s §%zu  ", s ? "B" : "A", i + 1);
				if (se->nsentences)
					span_into(&b, a->text,
						  a->sentences[se->first_sentence].start,
						  a->sentences[se->first_sentence].end,
						  110);
				row(u->list, b.data, s ? db : da, se->start,
				    se->start);
			}
	}
	heading(u->list, "TIMELINE");
	{
		struct {
			const struct tl_event *ev;
			int side;
		} *v = xcalloc(c->side[0].ntl + c->side[1].ntl + 1, sizeof *v);
		size_t n = 0, x, y;

		for (s = 0; s < 2; s++)
			for (i = 0; i < c->side[s].ntl; i++) {
				v[n].ev = &c->side[s].tl[i];
				v[n].side = s;
				n++;
			}
		for (x = 1; x < n; x++) /* insertion sort by date */
			for (y = x; y > 0 && tl_cmp(v[y - 1].ev, v[y].ev) > 0;
			     y--) {
				const struct tl_event *te = v[y].ev;
				int ts = v[y].side;

				v[y].ev = v[y - 1].ev;
				v[y].side = v[y - 1].side;
				v[y - 1].ev = te;
				v[y - 1].side = ts;
			}
		for (x = 0; x < n; x++) {
			char when[32];

			tl_format(v[x].ev, when, sizeof when);
			b.len = 0;
			buf_printf(&b, "  %-10s %s  ", when, v[x].side ? "B" : "A");
			span_into(&b, c->side[v[x].side].a->text, v[x].ev->start,
				  v[x].ev->end, 60);
			row(u->list, b.data, v[x].side ? db : da, v[x].ev->start,
			    v[x].ev->end);
		}
		free(v);
	}
	buf_free(&b);
	compare_free(c);
	olist_refilter(u->list);
	u->ov = OV_COMPARE;
}

/* Tab in the comparison: the first row of the next section. */
static void compare_next_section(struct ui *u)
{
	struct olist *o = u->list;
	size_t i;

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

/* The topics of every section of the shown docs, as keep-flags. */
static void apply_topic(struct ui *u)
{
	size_t p, i;

	for (p = 0; p < u->ndocs; p++) {
		struct doc *d = u->docs[p];
		unsigned char *keep;

		if (u->topic < 0) {
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
					     u->en->reg) >>
				   u->topic) & 1;
		}
		doc_filter(d, keep);
		free(keep);
	}
}

static void open_topics(struct ui *u)
{
	size_t k;

	if (u->topic >= 0) {
		u->topic = -1;
		apply_topic(u);
		say(u, 0, "all paragraphs shown");
		return;
	}
	if (need_compare_rules(u) != 0)
		return;
	need_index(u);
	close_overlay(u);
	u->list = olist_new("Show only the paragraphs of which topic? "
			    "(t again shows all)", 1);
	for (k = 0; k < topics_count(u->cr->topics); k++) {
		struct olist_row *r = olist_add(u->list,
						topics_name(u->cr->topics, k), 0);

		r->key[0] = (long)k;
	}
	olist_refilter(u->list);
	u->ov = OV_TOPICS;
}

/* Aligned reading: the paragraph of the other report that shares the
 * most entities with the one at the top of the focused pane is brought
 * level with it. */
static void align_by_content(struct ui *u)
{
	struct doc *f = focused(u), *o = u->docs[u->shown[!u->focus]];
	size_t n, i, k, best = o->top_sec, nf;
	const struct figure *figs;
	const struct mention *mf;
	double best_score = 0;

	if (u->single || f == o || f->a->nsections == 0 ||
	    o->a->nsections == 0)
		return;
	mf = doc_mentions(f, u->en->hl, f->top_sec, &nf, &figs);
	if (nf == 0)
		return;
	{
		uint32_t *set = xcalloc(nf, sizeof *set);
		size_t ns = 0;

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
			mo = doc_mentions(o, u->en->hl, k, &n, &figs);
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
	}
	if (best_score > 0 && best != o->top_sec) {
		o->top_sec = best;
		o->top_row = 0;
	}
}

/* ---- mouse ---- */

static void mouse(struct ui *u)
{
	MEVENT ev;
	int p;

	if (getmouse(&ev) != OK)
		return;
	if (ev.bstate & BUTTON4_PRESSED) {
		scroll_focused(u, -3);
		return;
	}
#ifdef BUTTON5_PRESSED
	if (ev.bstate & BUTTON5_PRESSED) {
		scroll_focused(u, 3);
		return;
	}
#endif
	if (!(ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED |
			   BUTTON1_RELEASED)) ||
	    u->ov != OV_NONE || ev.y >= u->layout_h)
		return;
	p = u->single ? u->focus : ev.x >= u->layout_x[1];
	u->focus = p;
	{
		struct doc *d = u->docs[u->shown[p]];
		size_t off, n, i, sec;
		const struct figure *figs;
		const struct mention *mv;

		if (!pane_offset_at(d, u->layout_h, u->layout_w[p], ev.y,
				    ev.x - u->layout_x[p], &off))
			return;
		sec = (size_t)article_section_at(d->a, off);
		mv = doc_mentions(d, u->en->hl, sec, &n, &figs);
		for (i = 0; i < n; i++)
			if (mv[i].start <= off && off < mv[i].end) {
				select_mention(u, u->shown[p], &mv[i]);
				return;
			}
	}
}

/* ---- keys ---- */

static void act(struct ui *u, enum action a)
{
	int rows = text_rows(u);

	u->msg[0] = '\0';
	switch (a) {
	case ACT_QUIT:
		request_quit(u);
		break;
	case ACT_HELP:
		open_help(u);
		break;
	case ACT_DOWN:
		scroll_focused(u, 1);
		break;
	case ACT_UP:
		scroll_focused(u, -1);
		break;
	case ACT_PAGE_DOWN:
		scroll_focused(u, rows > 2 ? rows - 2 : 1);
		break;
	case ACT_PAGE_UP:
		scroll_focused(u, -(rows > 2 ? rows - 2 : 1));
		break;
	case ACT_HALF_DOWN:
		scroll_focused(u, rows / 2 ? rows / 2 : 1);
		break;
	case ACT_HALF_UP:
		scroll_focused(u, -(rows / 2 ? rows / 2 : 1));
		break;
	case ACT_TOP:
		doc_top(focused(u));
		if (u->sync && !u->single)
			doc_top(u->docs[u->shown[!u->focus]]);
		break;
	case ACT_BOTTOM:
		need_parsed(u, focused(u));
		doc_bottom(focused(u), (size_t)rows);
		if (u->sync && !u->single)
			doc_bottom(u->docs[u->shown[!u->focus]], (size_t)rows);
		break;
	case ACT_OTHER_PANE:
		if (u->ndocs > 1)
			u->focus = !u->focus;
		break;
	case ACT_SYNC:
		u->sync = !u->sync;
		if (u->sync) {
			need_index(u);
			align_other(u);
			align_by_content(u);
		}
		say(u, 0, "scrolling together %s", u->sync ? "on" : "off");
		break;
	case ACT_SEARCH:
		prompt_start(&u->prompt, '/');
		u->prompting = 1;
		u->search_origin_doc = u->shown[u->focus];
		u->search_origin = doc_top_offset(focused(u));
		u->saved_pos.top_sec = focused(u)->top_sec;
		u->saved_pos.top_row = focused(u)->top_row;
		break;
	case ACT_SEARCH_NEXT:
		search_next(u, 1);
		break;
	case ACT_SEARCH_PREV:
		search_next(u, -1);
		break;
	case ACT_SELECT_NEXT:
		select_step(u, 1);
		break;
	case ACT_SELECT_PREV:
		select_step(u, -1);
		break;
	case ACT_MENTION_NEXT:
		mention_step(u, 1);
		break;
	case ACT_MENTION_PREV:
		mention_step(u, -1);
		break;
	case ACT_XREF:
		open_xref(u);
		break;
	case ACT_INDEX:
		open_index(u);
		break;
	case ACT_COMPARE:
		open_compare(u);
		break;
	case ACT_TOPIC:
		open_topics(u);
		break;
	case ACT_NOTE_ADD:
		start_note(u);
		break;
	case ACT_NOTES:
		open_notes_list(u);
		break;
	case ACT_NOTE_NEXT:
		note_step(u, 1);
		break;
	case ACT_NOTE_PREV:
		note_step(u, -1);
		break;
	case ACT_UNDO:
		undo(u);
		break;
	case ACT_FOLD: {
		size_t i;
		int fold = !u->docs[0]->fold;

		for (i = 0; i < u->ndocs; i++)
			doc_set_fold(u->docs[i], fold);
		say(u, 0, "boilerplate %s", fold ? "folded" : "shown");
		break;
	}
	case ACT_OPEN:
		open_picker(u);
		break;
	case ACT_COMMAND:
		prompt_start(&u->prompt, ':');
		u->prompting = 1;
		break;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		break;
	case ACT_CLEAR:
		u->has_sel = 0;
		search_clear(&u->search);
		break;
	default:
		break;
	}
}

static void handle_key(struct ui *u, int key, int fn)
{
	if (fn && key == KEY_RESIZE) {
		clearok(curscr, TRUE);
		return;
	}
	if (fn && key == KEY_MOUSE) {
		mouse(u);
		return;
	}
	if (u->asking && !u->prompting) {
		asking_key(u, key, fn);
		return;
	}
	if (COLS < MIN_COLS || LINES < MIN_ROWS) {
		if (!fn && (key == 'q' || key == 3))
			request_quit(u);
		return;
	}
	if (u->prompting) {
		prompt_input(u, key, fn);
		return;
	}
	if (u->editing && !u->linking) {
		editor_input(u, key, fn);
		return;
	}
	if (u->linking) {
		if (!fn && (key == '\r' || key == '\n')) {
			finish_link(u);
			return;
		}
		if (!fn && key == 27) {
			u->linking = 0;
			u->focus = u->link_return_focus;
			say(u, 0, "no passage linked");
			return;
		}
		if (keymap_lookup(key, fn) == ACT_QUIT)
			return;
	}
	if (u->ov != OV_NONE) {
		overlay_key(u, key, fn);
		return;
	}
	act(u, keymap_lookup(key, fn));
}

/* ---- set-up and the loop ---- */

static SCREEN *open_terminal(FILE **tty_in, FILE **tty_out)
{
	FILE *in = stdin, *out = stdout;

	*tty_in = *tty_out = NULL;
	if (!isatty(0)) {
		*tty_in = fopen("/dev/tty", "r");
		if (*tty_in == NULL)
			return NULL;
		in = *tty_in;
	}
	if (!isatty(1)) {
		*tty_out = fopen("/dev/tty", "w");
		if (*tty_out == NULL)
			return NULL;
		out = *tty_out;
	}
	return newterm(NULL, out, in);
}

int ui_run(struct library *lib, struct engine *en,
	   const struct article_rules *rules, struct notes *ns,
	   const struct ui_opts *o, struct err *e)
{
	struct ui u;
	struct sigaction sa;
	SCREEN *scr;
	FILE *tin, *tout;
	const char *nc = getenv("NO_COLOR");
	size_t i;
	int rc = 0;

	memset(&u, 0, sizeof u);
	u.topic = -1;
	u.lib = lib;
	u.en = en;
	u.rules = rules;
	u.ns = ns;
	u.use_color = !o->no_color && !(nc && *nc);
	u.theme = theme_load(o->theme ? o->theme
				      : u.use_color ? "dark" : "mono", e);
	if (u.theme == NULL)
		return 2;
	if (lib->n == 0) {
		err_set(e, "no article to show");
		theme_free(u.theme);
		return 2;
	}
	u.ndocs = lib->n;
	u.docs = xcalloc(u.ndocs, sizeof *u.docs);
	for (i = 0; i < u.ndocs; i++)
		u.docs[i] = doc_new(lib->items[i]);
	u.shown[0] = 0;
	u.shown[1] = u.ndocs > 1 ? 1 : 0;
	u.places = xcalloc(u.ndocs, sizeof *u.places);
	u.nplaces = xcalloc(u.ndocs, sizeof *u.nplaces);
	place_notes(&u);
	/* enough of what is shown for the first screen */
	doc_parse(u.docs[u.shown[0]], 256u << 10);
	doc_parse(u.docs[u.shown[1]], 256u << 10);

	if (getenv("ESCDELAY") == NULL)
		set_escdelay(25);
	scr = open_terminal(&tin, &tout);
	if (scr == NULL) {
		err_set(e, "cannot open the terminal (is this a terminal?)");
		for (i = 0; i < u.ndocs; i++)
			doc_free(u.docs[i]);
		free(u.docs);
		theme_free(u.theme);
		return 2;
	}
	save_terminal_reset(tin ? fileno(tin) : 0, tout ? fileno(tout) : 1);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGALRM, &sa, NULL);
	unsaved_now = notes_unsaved(ns) > 0;
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	intrflush(stdscr, FALSE);
	mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
			  | BUTTON5_PRESSED
#endif
		  ,
		  NULL);
	mouseinterval(0);
	if (u.use_color && !has_colors())
		u.use_color = 0;
	theme_apply(u.theme, u.use_color);
	keymap_init();
	layout(&u);
	/* what is visible first, then the rest in idle time */
	draw(&u);
	while (!u.quit && !got_signal) {
		wint_t wch;
		int r, pending = !u.xref_ready;

		timeout(pending ? 0 : 1000);
		r = get_wch(&wch);
		if (r == ERR) {
			if (got_signal)
				break;
			if (pending) {
				index_some(&u, 15);
				draw(&u);
			}
			continue;
		}
		handle_key(&u, (int)wch, r == KEY_CODE_YES);
		/* drain keys already typed before drawing (key repeat) */
		draw(&u);
	}
	alarm(0);
	endwin();
	delscreen(scr);
	tty_fd = -1;
	if (tin)
		fclose(tin);
	if (tout)
		fclose(tout);
	/* the terminal is back: now say what was lost */
	if (got_signal) {
		size_t n = notes_unsaved(ns);

		rc = 128 + got_signal;
		if (n)
			fprintf(stderr, "brief: %zu note%s not saved\n", n,
				n == 1 ? "" : "s");
		if (u.editing && u.ed.text.len)
			fprintf(stderr, "brief: the note being written was "
					"not saved\n");
	} else if (u.lost) {
		fprintf(stderr, "brief: %zu note%s not saved\n", u.lost,
			u.lost == 1 ? "" : "s");
		rc = 2;
	}
	search_clear(&u.search);
	close_overlay(&u);
	if (u.editing)
		end_edit(&u);
	for (i = 0; i < u.ndocs; i++)
		free(u.places[i]);
	free(u.places);
	free(u.nplaces);
	xref_free(u.xref);
	compare_rules_free(u.cr);
	for (i = 0; i < u.ndocs; i++)
		doc_free(u.docs[i]);
	free(u.docs);
	theme_free(u.theme);
	return rc;
}
