/* ui: the reader's set-up and input loop -- the state made and freed, the
 * terminal opened, each key sent where it belongs (the question at quit,
 * the prompt, the note editor, the open overlay, else the key actions),
 * indexing in idle time, a key script when the tests give one. */
#include "brief/ui/ui.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "brief/archive/archive.h"
#include "brief/base/fileio.h"
#include "brief/base/paths.h"
#include "brief/ui/input.h"
#include "brief/ui/keymap.h"
#include "brief/ui/reader.h"
#include "brief/ui/reopen.h"
#include "brief/ui/term.h"

/* A key nothing is bound to gets a short answer, not silence. */
static void unbound(struct ui *u, int key, int fn)
{
	char name[16];

	jump_take_count(u);
	if (fn) {
		const char *k = keyname(key);

		snprintf(name, sizeof name, "%s", k ? k : "?");
	} else if (key < 32 || key == 127) {
		snprintf(name, sizeof name, "C-%c",
			 key >= 1 && key <= 26 ? 'a' + key - 1
			 : key == 127          ? '?'
					       : key | 0x40);
	} else if (key < 127) {
		snprintf(name, sizeof name, "%c", key);
	} else {
		return; /* a byte of a character: the keys are ASCII */
	}
	reader_say(u, 1, "%s is not a key here (? lists the keys)", name);
}

static void handle_key(struct ui *u, int key, int fn)
{
	enum action a;

	if (fn && key == KEY_RESIZE) {
		clearok(curscr, TRUE);
		return;
	}
	if (fn && key == KEY_MOUSE) {
		nav_mouse(u);
		return;
	}
	if (u->q.asking && !u->prompting) {
		quit_asking_key(u, key, fn);
		return;
	}
	if (COLS < MIN_COLS || LINES < MIN_ROWS) {
		if (!fn && (key == 'q' || key == 3))
			quit_request(u);
		return;
	}
	if (u->prompting) {
		command_key(u, key, fn);
		return;
	}
	if (u->nf.editing && !u->nf.linking) {
		noteflow_key(u, key, fn);
		return;
	}
	if (u->nf.linking) {
		if (noteflow_link_key(u, key, fn) ||
		    keymap_lookup(key, fn) == ACT_QUIT)
			return;
	}
	if (overlay_is_open(&u->ov)) {
		overlay_key(&u->ov, u, key, fn);
		return;
	}
	if (jump_prefix_key(u, key, fn) || nav_offer_key(u, key, fn))
		return;
	a = keymap_lookup(key, fn);
	if (a == ACT_NONE) {
		unbound(u, key, fn);
		return;
	}
	actions_run(u, a);
}

/* Articles above this many bytes in all get their notes placed just
 * after the first screen is drawn, before any key: placing them reads
 * each article whole (its content id, the quotes searched). */
#define PLACE_LATER_BYTES (1u << 20)

/* Place the notes now, or mark them to be placed after the first draw
 * when there are notes and the articles are large. */
static void place_or_later(struct ui *u)
{
	size_t i, n, bytes = 0;

	(void)notes_all(u->ns, &n);
	for (i = 0; i < u->ndocs; i++)
		bytes += u->docs[i]->a->len;
	if (n > 0 && bytes > PLACE_LATER_BYTES)
		u->places_later = 1;
	else
		reader_place_notes(u);
}

/* The reader's state over the loaded articles; -1 with e set. */
static int ui_init(struct ui *u, struct library *lib, struct engine *en,
		   const struct article_rules *rules, struct notes *ns,
		   const struct ui_opts *o, struct err *e)
{
	const char *nc = getenv("NO_COLOR"), *theme;
	char *cpath;
	size_t i;
	int rc;

	memset(u, 0, sizeof *u);
	u->cur.want_col = -1;
	cpath = o->config ? xstrdup(o->config) : xdg_path("config", "config");
	rc = config_load(&u->cfg, cpath, e);
	free(cpath);
	if (rc != 0)
		return -1;
	u->topic = -1;
	u->jobs = o->jobs;
	u->lib = lib;
	u->en = en;
	u->rules = rules;
	u->ns = ns;
	u->use_color = !o->no_color && !(nc && *nc);
	theme = u->cfg.set.str[SET_theme];
	u->theme = theme_load(o->theme			  ? o->theme
			      : theme && *theme		  ? theme
			      : u->use_color ? "dark" : "mono",
			      e);
	if (u->theme == NULL) {
		config_free(&u->cfg);
		return -1;
	}
	config_apply_colors(&u->cfg, u->theme);
	if (lib->n == 0) {
		err_set(e, "no article to show");
		theme_free(u->theme);
		config_free(&u->cfg);
		return -1;
	}
	u->lay.sync = (int)u->cfg.set.num[SET_sync];
	history_init(&u->hist, (size_t)u->cfg.set.num[SET_history]);
	{
		char *hp = xdg_path("state", "history");
		struct err he = {{0}};

		/* a history that cannot be read is no reason not to start */
		if (history_load(&u->hist, hp, &he) != 0)
			snprintf(u->msg, sizeof u->msg, "history not read: %.400s",
				 he.text);
		free(hp);
	}
	u->ndocs = lib->n;
	u->docs = xcalloc(u->ndocs, sizeof *u->docs);
	for (i = 0; i < u->ndocs; i++) {
		u->docs[i] = doc_new(lib->items[i]);
		u->docs[i]->fold = (int)u->cfg.set.num[SET_fold];
	}
	u->lay.shown[0] = 0;
	u->lay.shown[1] = u->ndocs > 1 ? 1 : 0;
	u->places = xcalloc(u->ndocs, sizeof *u->places);
	u->nplaces = xcalloc(u->ndocs, sizeof *u->nplaces);
	place_or_later(u);
	if (u->cfg.set.num[SET_reopen] && !o->fresh) {
		char *pp = xdg_path("state", "places");

		reopen_restore(u, pp);
		free(pp);
	}
	return 0;
}

static void ui_free(struct ui *u)
{
	size_t i;

	search_clear(&u->search);
	free(u->cur.reg);
	overlay_close(&u->ov);
	if (u->nf.editing)
		noteflow_end(u);
	for (i = 0; i < u->ndocs; i++)
		free(u->places[i]);
	free(u->places);
	free(u->nplaces);
	xref_free(u->xref);
	free(u->cundo.at);
	archive_close(u->archive);
	compare_rules_free(u->cr);
	for (i = 0; i < u->ndocs; i++)
		doc_free(u->docs[i]);
	free(u->docs);
	theme_free(u->theme);
	config_free(&u->cfg);
	history_free(&u->hist);
}

/* Parse enough of what is shown for the first screen, and no more: the
 * rest is parsed in idle time after it is drawn.  A screen's cells eight
 * times over (folded boilerplate, long lines, wide characters), at least
 * 32 KiB. */
static void first_screen(struct ui *u)
{
	size_t cells = (size_t)(LINES > 0 ? LINES : 24) *
		       (size_t)(COLS > 0 ? COLS : 80);
	size_t budget = cells * 8 > (32u << 10) ? cells * 8 : 32u << 10;

	doc_parse(u->docs[u->lay.shown[0]], budget);
	if (u->lay.shown[1] != u->lay.shown[0])
		doc_parse(u->docs[u->lay.shown[1]], budget);
}

/* The archive the setting archive_add writes: the reader's, else made
 * where the setting archive says (the default one's folder is made). */
static struct archive *archive_to_add(struct ui *u)
{
	const char *set = u->cfg.set.str[SET_archive];
	struct err e = {{0}};
	char *path, *slash;

	if (u->archive || reader_archive(u, 1))
		return u->archive;
	path = set && *set ? xstrdup(set) : xdg_path("data", "archive.db");
	slash = strrchr(path, '/');
	if ((!set || !*set) && slash != NULL) {
		*slash = '\0';
		file_make_dirs(path);
		*slash = '/';
	}
	u->archive = archive_open(path, 1, &e);
	if (u->archive == NULL)
		reader_say(u, 1, "not added to the archive: %s", e.text);
	free(path);
	return u->archive;
}

/* Failures of archive_add before a file is given up. */
#define ARCHIVE_TRIES 20

static void say_archive(void *arg, const char *msg)
{
	reader_say(arg, 1, "not added to the archive: %s", msg);
}

/* archive_add: the next open file into the archive (one per idle turn;
 * a file stored as it is costs a stat). */
static void archive_add_next(struct ui *u)
{
	struct archive_adder ad = {u->lib->rules, u->lib->formats, u->en, 1,
				   say_archive, NULL, u};
	struct archive_add_count c = {0, 0, 0, 0};
	struct archive_seen seen;
	struct archive *ar = archive_to_add(u);
	const char *p = u->docs[u->archive_added++]->a->path;
	const char *part = strrchr(p, '#');
	struct err e = {{0}};
	char *file;

	if (ar == NULL) {
		u->archive_added = u->ndocs; /* said once */
		return;
	}
	file = part && part != p && access(p, F_OK) != 0
		       ? xasprintf("%.*s", (int)(part - p), p)
		       : xstrdup(p);
	if (access(file, F_OK) != 0) { /* standard input, or gone */
		free(file);
		return;
	}
	if (archive_add_paths(ar, &ad, &file, 1, &seen, &c, &e) != 0) {
		reader_say(u, 1, "not added to the archive: %s", e.text);
		/* another brief had it: again at the next idle turns */
		if (++u->archive_fails < ARCHIVE_TRIES)
			u->archive_added--;
	}
	else if (c.added || c.updated)
		reader_say(u, 0, "%s: %s the archive", file,
			   c.added ? "added to" : "updated in");
	archive_seen_free(&seen);
	free(file);
}

/* Keys until the user quits, a signal comes or the key script ends;
 * what is visible is drawn first, the rest indexed in idle time, then
 * (archive_add) the open files added to the archive. */
static void loop(struct ui *u)
{
	reader_draw(u);
	if (u->places_later) {
		reader_place_notes(u);
		u->places_later = 0;
		reader_draw(u);
	}
	while (!u->q.quit && !term_signal()) {
		int adding = u->xref_ready && u->cfg.set.num[SET_archive_add] &&
			     u->archive_added < u->ndocs;
		int key, fn, pending = !u->xref_ready || adding;
		int r = input_get(pending ? 0 : 1000, &key, &fn);

		if (r == INPUT_END)
			break;
		if (r == INPUT_NONE) {
			if (term_signal())
				break;
			if (adding) {
				archive_add_next(u);
				reader_draw(u);
			} else if (pending) {
				reader_index_some(u, 15);
				reader_draw(u);
			}
			continue;
		}
		handle_key(u, key, fn);
		reader_draw(u);
	}
}

/* The first screen's text drawn as soon as it is parsed, then the
 * engine opened (its marks come with loop's first draw, before any key
 * is read): 0, or -1 with e set. */
static int open_engine_after_text(struct ui *u, const struct ui_opts *o,
				  struct err *e)
{
	reader_draw(u);
	if (o->open_engine(o->open_engine_arg, e) != 0)
		return -1;
	reader_engine_opened(u);
	return 0;
}

/* BRIEF_KEYS=SCRIPT and BRIEF_SCREEN_DUMP=FILE (the tests' key-script
 * layer, see input.h): 1 when a script runs, 0 when none is given, -1
 * with e set. */
static int start_script(struct err *e)
{
	const char *keys = getenv("BRIEF_KEYS"), *dump = getenv("BRIEF_SCREEN_DUMP");

	if (keys == NULL || *keys == '\0')
		return 0;
	if (dump == NULL || *dump == '\0') {
		err_set(e, "BRIEF_KEYS needs BRIEF_SCREEN_DUMP (the file for the "
			   "screens)");
		return -1;
	}
	return input_script(keys, dump, e) == 0 ? 1 : -1;
}

int ui_run(struct library *lib, struct engine *en,
	   const struct article_rules *rules, struct notes *ns,
	   const struct ui_opts *o, struct err *e)
{
	struct ui u;
	int rc = 0, scripted;

	if (ui_init(&u, lib, en, rules, ns, o, e) != 0)
		return 2;
	scripted = start_script(e);
	if (scripted < 0 || term_open(scripted) != 0) {
		if (scripted >= 0)
			err_set(e, "cannot open the terminal (is this a "
				   "terminal?)");
		input_done();
		ui_free(&u);
		return 2;
	}
	term_set_unsaved(notes_unsaved(ns) > 0);
	if (u.use_color && !has_colors())
		u.use_color = 0;
	theme_apply(u.theme, u.use_color);
	keymap_init();
	config_apply_keys(&u.cfg);
	first_screen(&u);
	if (o->open_engine && open_engine_after_text(&u, o, e) != 0) {
		/* the screen is closed first: the message is said after */
		term_close();
		input_done();
		ui_free(&u);
		return 2;
	}
	loop(&u);
	term_close();
	input_done();
	if (u.cfg.set.num[SET_reopen]) {
		char *pp = xdg_path("state", "places");
		struct err pe = {{0}};

		if (reopen_save(&u, pp, &pe) != 0)
			fprintf(stderr, "brief: reading positions not saved: "
					"%s\n", pe.text);
		free(pp);
	}
	{
		char *hp = xdg_path("state", "history");
		struct err he = {{0}};

		if (history_save(&u.hist, hp, &he) != 0)
			fprintf(stderr, "brief: history not saved: %s\n",
				he.text);
		free(hp);
	}
	/* the terminal is back: now say what was lost */
	if (term_signal()) {
		size_t n = notes_unsaved(ns);

		rc = 128 + term_signal();
		if (n)
			fprintf(stderr, "brief: %zu note%s not saved\n", n,
				n == 1 ? "" : "s");
		if (u.nf.editing && u.nf.ed.text.len)
			fprintf(stderr, "brief: the note being written was "
					"not saved\n");
	} else if (u.q.lost) {
		fprintf(stderr, "brief: %zu note%s not saved\n", u.q.lost,
			u.q.lost == 1 ? "" : "s");
		rc = 2;
	}
	ui_free(&u);
	return rc;
}
