/* input: keys from the terminal or from a key script, and screen dumps. */
#include "brief/ui/input.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "brief/base/utf8.h"
#include "brief/ui/pane.h"
#include "brief/ui/theme.h"

/* One step of a script: a key, a mouse event (key KEY_MOUSE), or a
 * screen dump (title set). */
struct step {
	int key, fn;
	char *title;
	int mx, my;
	unsigned long button;
};

static struct step *steps;
static size_t nsteps, next_step;
static FILE *dump;
static int scripted;
static int held, held_key, held_fn; /* a key put back */

static const struct {
	const char *name;
	int key, fn;
} names[] = {
	{"Enter", '\r', 0}, {"Esc", 27, 0},	    {"Tab", '\t', 0},
	{"Space", ' ', 0},  {"BS", KEY_BACKSPACE, 1}, {"lt", '<', 0},
	{"Up", KEY_UP, 1},  {"Down", KEY_DOWN, 1},  {"Left", KEY_LEFT, 1},
	{"Right", KEY_RIGHT, 1}, {"PgUp", KEY_PPAGE, 1},
	{"PgDn", KEY_NPAGE, 1},	 {"Home", KEY_HOME, 1}, {"End", KEY_END, 1},
};

static void add_step(size_t *cap, int key, int fn, const char *title,
		     size_t tlen)
{
	steps = xgrow(steps, cap, nsteps + 1, sizeof *steps);
	steps[nsteps].key = key;
	steps[nsteps].fn = fn;
	steps[nsteps].title = title ? xstrndup(title, tlen) : NULL;
	steps[nsteps].button = 0;
	nsteps++;
}

/* <click X Y>, <sclick X Y> (shift-click), <wheelup X Y>, <wheeldown X
 * Y> (0-based cell): a mouse step; -1 when s is not one. */
static int add_mouse(size_t *cap, const char *s, size_t n)
{
	static const struct {
		const char *name;
		unsigned long button;
	} kinds[] = {
		{"click ", BUTTON1_PRESSED},
		{"sclick ", BUTTON1_PRESSED | BUTTON_SHIFT},
		{"wheelup ", BUTTON4_PRESSED},
#ifdef BUTTON5_PRESSED
		{"wheeldown ", BUTTON5_PRESSED},
#endif
	};
	char args[32];
	size_t i, k;
	int x, y, used = 0;

	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		k = strlen(kinds[i].name);
		if (n <= k || n - k >= sizeof args ||
		    strncmp(s, kinds[i].name, k) != 0)
			continue;
		memcpy(args, s + k, n - k);
		args[n - k] = '\0';
		if (sscanf(args, "%d %d%n", &x, &y, &used) != 2 ||
		    args[used] != '\0' || x < 0 || y < 0)
			return -1;
		add_step(cap, KEY_MOUSE, 1, NULL, 0);
		steps[nsteps - 1].mx = x;
		steps[nsteps - 1].my = y;
		steps[nsteps - 1].button = kinds[i].button;
		return 0;
	}
	return -1;
}

/* <name>: a step, or -1 when the name is not known. */
static int add_named(size_t *cap, const char *s, size_t n)
{
	size_t i;

	if (n >= 4 && strncmp(s, "dump", 4) == 0 && (n == 4 || s[4] == ' ')) {
		add_step(cap, 0, 0, n > 5 ? s + 5 : "", n > 5 ? n - 5 : 0);
		return 0;
	}
	if (n == 3 && s[0] == 'C' && s[1] == '-') {
		add_step(cap, s[2] & 0x1f, 0, NULL, 0);
		return 0;
	}
	if (add_mouse(cap, s, n) == 0)
		return 0;
	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strlen(names[i].name) == n &&
		    strncmp(names[i].name, s, n) == 0) {
			add_step(cap, names[i].key, names[i].fn, NULL, 0);
			return 0;
		}
	return -1;
}

static int parse(const char *path, const char *t, size_t len, struct err *e)
{
	size_t i = 0, cap = 0, line = 1, col_at = 0;

	while (i < len) {
		if (t[i] == '\n') {
			i++;
			line++;
			col_at = i;
		} else if (t[i] == '#' && i == col_at) {
			while (i < len && t[i] != '\n')
				i++;
		} else if (t[i] == '<') {
			const char *end = memchr(t + i, '>', len - i);

			if (end == NULL || memchr(t + i, '\n', (size_t)(end - t) - i) ||
			    add_named(&cap, t + i + 1, (size_t)(end - t) - i - 1)) {
				err_set(e, "%s:%zu:%zu: unknown key name (a name "
					   "in <>, or <lt> for '<')",
					path, line, i - col_at + 1);
				return -1;
			}
			i = (size_t)(end - t) + 1;
		} else {
			uint32_t cp;
			size_t n = utf8_decode(t + i, len - i, &cp);

			add_step(&cap, (int)cp, 0, NULL, 0);
			i += n ? n : 1;
		}
	}
	return 0;
}

int input_script(const char *script, const char *dump_path, struct err *e)
{
	size_t len;
	char *t = file_read(script, &len, e);

	if (t == NULL)
		return -1;
	if (parse(script, t, len, e) != 0) {
		free(t);
		input_done();
		return -1;
	}
	free(t);
	dump = fopen(dump_path, "w");
	if (dump == NULL) {
		err_set(e, "%s: cannot write the screen dump", dump_path);
		input_done();
		return -1;
	}
	scripted = 1;
	next_step = 0;
	return 0;
}

int input_scripted(void)
{
	return scripted;
}

/* The roles a dump marks: what text alone does not show. */
static const struct {
	enum role role;
	const char *name;
} marked[] = {
	{ROLE_SELECTED, "selected"},
	{ROLE_SEARCH, "match"},
	{ROLE_OVERLAY_SEL, "cursor"},
};

/* The marked role of a cell's attributes, or -1. */
static int marked_role(attr_t at, short pair)
{
	unsigned long a = (at & (A_ATTRIBUTES & ~A_COLOR)) | COLOR_PAIR(pair);
	size_t i;

	for (i = 0; i < sizeof marked / sizeof marked[0]; i++)
		if (a == theme_attr(marked[i].role))
			return (int)i;
	return -1;
}

/* Row y as text (trailing blanks cut), then a line "~ ROLE: text" for
 * each run of cells of a marked role. */
static void dump_row(int y)
{
	struct buf line = {0}, marks = {0};
	size_t keep = 0, run = 0;
	int x, k, w, m, run_role = -1, cy, cx;

	if (!pane_cursor_cell(&cy, &cx))
		cy = cx = -1;
	for (x = 0; x <= COLS; x += w > 1 ? w : 1) {
		cchar_t cc;
		wchar_t wc[CCHARW_MAX + 1] = {L' ', 0};
		attr_t at = 0;
		short pair = 0;
		char u8[4];

		if (x == COLS || mvwin_wch(stdscr, y, x, &cc) == ERR ||
		    getcchar(&cc, wc, &at, &pair, NULL) == ERR || wc[0] == 0)
			wc[0] = L' ', wc[1] = 0;
		w = utf8_width((uint32_t)wc[0]);
		if (x == cx && y == cy)
			at ^= A_REVERSE; /* the text cursor: its cell's role */
		m = x < COLS ? marked_role(at, pair) : -1;
		if (m != run_role) {
			size_t end = line.len;

			while (end > run && line.data[end - 1] == ' ')
				end--;
			if (run_role >= 0)
				buf_printf(&marks, "~ %s: %.*s\n",
					   marked[run_role].name,
					   (int)(end - run), line.data + run);
			run_role = m;
			run = line.len;
		}
		if (x == COLS)
			break;
		for (k = 0; wc[k]; k++)
			buf_add(&line, u8, utf8_encode((uint32_t)wc[k], u8));
		if (wc[0] != L' ')
			keep = line.len;
	}
	fprintf(dump, "%.*s\n%s", (int)keep, line.data ? line.data : "",
		marks.data ? marks.data : "");
	if (cy == y) {
		cchar_t cc;
		wchar_t wc[CCHARW_MAX + 1] = {L' ', 0};
		attr_t at = 0;
		short pair = 0;
		char u8[4];

		if (mvwin_wch(stdscr, y, cx, &cc) == ERR ||
		    getcchar(&cc, wc, &at, &pair, NULL) == ERR || wc[0] == 0)
			wc[0] = L' ';
		fprintf(dump, "~ text cursor: %.*s\n",
			(int)utf8_encode((uint32_t)wc[0], u8), u8);
	}
	buf_free(&line);
	buf_free(&marks);
}

/* The screen as text: one line per row, with its marks. */
static void dump_screen(const char *title)
{
	int y;

	fprintf(dump, "=== %s\n", title);
	for (y = 0; y < LINES; y++)
		dump_row(y);
	fflush(dump);
}

/* A key from the terminal within wait_ms. */
static int tty_key(int wait_ms, int *key, int *fn)
{
	wint_t wch;
	int r;

	timeout(wait_ms);
	r = get_wch(&wch);
	if (r == ERR)
		return INPUT_NONE;
	*key = (int)wch;
	*fn = r == KEY_CODE_YES;
	return INPUT_KEY;
}

/* The script's next step when it is a key. */
static int script_key(int *key, int *fn)
{
	if (next_step == nsteps || steps[next_step].title)
		return INPUT_NONE;
	*key = steps[next_step].key;
	*fn = steps[next_step].fn;
	if (steps[next_step].button) {
		/* the event getmouse will give */
		MEVENT ev = {0};

		ev.x = steps[next_step].mx;
		ev.y = steps[next_step].my;
		ev.bstate = steps[next_step].button;
		ungetmouse(&ev);
	}
	next_step++;
	return INPUT_KEY;
}

int input_get(int wait_ms, int *key, int *fn)
{
	if (held) {
		held = 0;
		*key = held_key;
		*fn = held_fn;
		return INPUT_KEY;
	}
	if (!scripted)
		return tty_key(wait_ms, key, fn);
	if (wait_ms == 0)
		return INPUT_NONE;
	while (next_step < nsteps && steps[next_step].title)
		dump_screen(steps[next_step++].title);
	if (next_step == nsteps)
		return INPUT_END;
	return script_key(key, fn);
}

int input_get_soon(int *key, int *fn)
{
	/* in a script a dump waits for the loop, which has drawn by then */
	return scripted ? script_key(key, fn) : tty_key(30, key, fn);
}

void input_unget(int key, int fn)
{
	held = 1;
	held_key = key;
	held_fn = fn;
}

void input_done(void)
{
	size_t i;

	for (i = 0; i < nsteps; i++)
		free(steps[i].title);
	free(steps);
	steps = NULL;
	nsteps = next_step = 0;
	if (dump)
		fclose(dump);
	dump = NULL;
	scripted = 0;
}
