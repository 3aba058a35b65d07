/* jump: going somewhere at once and coming back -- marks (m and ' with a
 * letter, '' back to where the last jump started), § N, N %, { and } by
 * paragraph, and the count typed before a motion. */
#include "brief/ui/reader.h"

#include <curses.h>

/* Counts beyond this are taken as this (10G on a small text is the end). */
#define COUNT_MAX 1000000000L

static void remember(struct ui *u, struct mark *m)
{
	struct doc *d = reader_focused(u);

	m->set = 1;
	m->doc = u->lay.shown[u->lay.focus];
	m->off = doc_top_offset(d);
}

void jump_record(struct ui *u)
{
	remember(u, &u->marks[MARK_BACK]);
}

void jump_mark_set(struct ui *u, int letter)
{
	if (letter < 'a' || letter > 'z') {
		reader_say(u, 1, "a mark is a letter a-z");
		return;
	}
	remember(u, &u->marks[letter - 'a']);
	reader_say(u, 0, "mark %c set", letter);
}

/* Show byte off of doc di at the top of a pane: its own pane when it is
 * shown, else the focused one. */
static void show_top(struct ui *u, size_t di, size_t off)
{
	struct layout *l = &u->lay;
	struct doc *d = u->docs[di];

	if (l->shown[!l->focus] == di && l->shown[l->focus] != di)
		l->focus = !l->focus;
	else
		l->shown[l->focus] = di;
	doc_show_offset(d, off, 0);
	doc_clamp_end(d, (size_t)reader_text_rows(u));
	cursor_set(u, di, off);
}

void jump_mark_go(struct ui *u, int letter)
{
	struct mark *m, back;

	if (letter == '\'') {
		m = &u->marks[MARK_BACK];
	} else if (letter >= 'a' && letter <= 'z') {
		m = &u->marks[letter - 'a'];
	} else {
		reader_say(u, 1, "a mark is a letter a-z, or ' for the last "
				 "jump");
		return;
	}
	if (!m->set || m->doc >= u->ndocs) {
		if (letter == '\'')
			reader_say(u, 1, "no jump to go back to");
		else
			reader_say(u, 1, "mark %c is not set (m%c sets it)",
				   letter, letter);
		return;
	}
	back = *m;
	jump_record(u);
	show_top(u, back.doc, back.off);
}

void jump_section(struct ui *u, long n)
{
	struct doc *d = reader_focused(u);
	size_t k;

	if (n < 1)
		n = 1;
	if (!d->a->complete && (size_t)n > d->a->nsections)
		reader_need_parsed(u, d);
	if (d->a->nsections == 0)
		return;
	k = (size_t)n > d->a->nsections ? d->a->nsections - 1 : (size_t)n - 1;
	while (k + 1 < d->a->nsections && doc_hidden(d, k))
		k++;
	if (doc_hidden(d, k)) {
		reader_say(u, 1, "§%zu is not shown (t shows every paragraph)",
			   k + 1);
		return;
	}
	jump_record(u);
	d->top_sec = k;
	d->top_row = 0;
	cursor_set(u, u->lay.shown[u->lay.focus], d->a->sections[k].start);
	doc_clamp_end(d, (size_t)reader_text_rows(u));
	if ((size_t)n > d->a->nsections)
		reader_say(u, 0, "there are %zu paragraphs: §%zu is the last",
			   d->a->nsections, d->a->nsections);
}

void jump_percent(struct ui *u, long percent)
{
	struct doc *d = reader_focused(u);
	size_t off;

	if (percent > 100)
		percent = 100;
	reader_need_parsed(u, d);
	if (d->a->nsections == 0)
		return;
	jump_record(u);
	off = (size_t)((double)d->a->len * (double)percent / 100.0);
	if (off >= d->a->len)
		off = d->a->len ? d->a->len - 1 : 0;
	doc_show_offset(d, off, 0);
	doc_clamp_end(d, (size_t)reader_text_rows(u));
	cursor_set(u, u->lay.shown[u->lay.focus], off);
}

void jump_paragraph(struct ui *u, int dir)
{
	struct doc *d = reader_focused(u);
	size_t s = d->top_sec, ns = d->a->nsections;

	if (ns == 0)
		return;
	if (dir > 0) {
		do
			s++;
		while (s < ns && doc_hidden(d, s));
		if (s >= ns) {
			reader_say(u, 0, "the last paragraph is shown");
			return;
		}
	} else if (d->top_row == 0) {
		while (s > 0 && doc_hidden(d, s - 1))
			s--;
		if (s == 0) {
			reader_say(u, 0, "at the first paragraph");
			return;
		}
		s--;
	}
	d->top_sec = s;
	d->top_row = 0;
	cursor_set(u, u->lay.shown[u->lay.focus], d->a->sections[s].start);
	if (dir > 0)
		doc_clamp_end(d, (size_t)reader_text_rows(u));
}

int jump_prefix_key(struct ui *u, int key, int fn)
{
	int wait = u->pend.key;

	if (wait) {
		u->pend.key = 0;
		u->msg[0] = '\0';
		if (!fn && key == 27)
			return 1; /* Esc: never mind */
		if (wait == 'm')
			jump_mark_set(u, fn ? 0 : key);
		else
			jump_mark_go(u, fn ? 0 : key);
		return 1;
	}
	if (!fn && key >= '0' && key <= '9' &&
	    (key != '0' || u->pend.counting)) {
		long c = u->pend.count * 10 + (key - '0');

		u->pend.count = c > COUNT_MAX ? COUNT_MAX : c;
		u->pend.counting = 1;
		reader_say(u, 0, "%ld", u->pend.count);
		return 1;
	}
	if (!fn && key == 27 && u->pend.counting) {
		u->pend.count = 0;
		u->pend.counting = 0;
		u->msg[0] = '\0';
		return 1;
	}
	return 0;
}

long jump_take_count(struct ui *u)
{
	long c = u->pend.counting && u->pend.count > 0 ? u->pend.count : 1;

	u->pend.count = 0;
	u->pend.counting = 0;
	return c;
}
