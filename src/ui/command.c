/* command: the bottom line -- the incremental search (/) and the command
 * line (:q, :q!, :write FILE, :theme NAME, :open FILE or DIR). */
#include "brief/ui/reader.h"

#include <curses.h>
#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "brief/archive/archive.h"
#include "brief/base/buf.h"
#include "brief/base/fileio.h"

/* The path a command names ("~/" is the home directory), a fresh
 * string; NULL, with what is missing said, when it names none. */
static char *command_path(struct ui *u, const char *arg, const char *what)
{
	const char *home = getenv("HOME");

	while (*arg == ' ')
		arg++;
	if (*arg == '\0') {
		reader_say(u, 1, "%s", what);
		return NULL;
	}
	return arg[0] == '~' && arg[1] == '/' && home
		       ? xasprintf("%s%s", home, arg + 1)
		       : xstrdup(arg);
}

/* :write FILE (:write! FILE replaces a file): every note, as a notes
 * file that --notes reads, e.g. when the notes file cannot be saved;
 * :write @ FILE: what y copied last (the passage and its citation). */
static void write_command(struct ui *u, const char *arg, int force)
{
	struct err e = {{0}};
	struct buf b = {0};
	char *path;

	int copy;

	while (arg && *arg == ' ')
		arg++;
	/* :write @ FILE: what y copied */
	copy = arg && arg[0] == '@' && (arg[1] == ' ' || arg[1] == '\0');
	if (copy && u->cur.reg == NULL) {
		reader_say(u, 1, "nothing copied yet: y copies the selection");
		return;
	}
	path = command_path(u, copy ? arg + 1 : arg, ":write needs a file");
	if (path == NULL)
		return;
	if (!force && access(path, F_OK) == 0) {
		reader_say(u, 1, "%s exists (:write! FILE replaces it)", path);
		free(path);
		return;
	}
	if (copy)
		buf_adds(&b, u->cur.reg);
	else
		notes_write_yaml(u->ns, &b);
	if (file_write_atomic(path, b.data ? b.data : "", b.len, &e) != 0) {
		reader_say(u, 1, "%s", e.text);
	} else if (copy) {
		reader_say(u, 0, "the copy written to %s", path);
	} else {
		u->q.written = 1;
		reader_say(u, 0, "notes written to %s (--notes %s reads them)",
			   path, path);
	}
	buf_free(&b);
	free(path);
}

/* The articles of one more file (several for an mbox or a feed),
 * opened lazily (parsed and indexed in the background, as at start-up;
 * the caller places the notes and asks for the index again).  How many,
 * or -1 with the reason said. */
static long add_articles(struct ui *u, const char *path)
{
	struct err e = {{0}};
	size_t before = u->lib->n, i;
	long n;

	if (strcmp(path, "-") == 0) {
		reader_say(u, 1, "-: standard input can only be read at "
				 "start-up");
		return -1;
	}
	n = library_add(u->lib, path, &e);
	if (n < 0) {
		reader_say(u, 1, "%s", e.text);
		return -1;
	}
	for (i = before; i < u->lib->n; i++) {
		u->docs = xrealloc(u->docs, (u->ndocs + 1) * sizeof *u->docs);
		u->docs[u->ndocs++] = doc_new(u->lib->items[i]);
		u->places = xrealloc(u->places, u->ndocs * sizeof *u->places);
		u->nplaces = xrealloc(u->nplaces,
				      u->ndocs * sizeof *u->nplaces);
		u->places[u->ndocs - 1] = NULL;
		u->nplaces[u->ndocs - 1] = 0;
	}
	return n;
}

/* The absolute name of path as the archive writes it: its real path,
 * with a part's "#N" kept ("FILE#N").  A fresh string, or NULL. */
static char *archive_name(const char *path)
{
	const char *hash = strrchr(path, '#');
	char abs[PATH_MAX], *base;

	if (realpath(path, abs) != NULL)
		return xstrdup(abs);
	if (hash == NULL || hash == path)
		return NULL;
	base = xasprintf("%.*s", (int)(hash - path), path);
	if (realpath(base, abs) == NULL) {
		free(base);
		return NULL;
	}
	free(base);
	return xasprintf("%s%s", abs, hash);
}

long reader_find_file(struct ui *u, const char *file)
{
	size_t i;

	for (i = 0; i < u->ndocs; i++) {
		char *name = archive_name(u->docs[i]->a->path);
		int same = name && strcmp(name, file) == 0;

		free(name);
		if (same)
			return (long)i;
	}
	return -1;
}

long reader_open_file(struct ui *u, const char *file)
{
	const char *hash = strrchr(file, '#');
	long di = reader_find_file(u, file);
	size_t first = u->ndocs;
	char *whole, cwd[PATH_MAX];
	long n;

	if (di >= 0)
		return di;
	/* a part ("FILE#N") comes with the other parts of its file; a file
	 * under the working directory by its name from there */
	whole = hash && access(file, F_OK) != 0
			? xasprintf("%.*s", (int)(hash - file), file)
			: xstrdup(file);
	if (getcwd(cwd, sizeof cwd) != NULL && strcmp(cwd, "/") != 0 &&
	    strncmp(whole, cwd, strlen(cwd)) == 0 &&
	    whole[strlen(cwd)] == '/')
		memmove(whole, whole + strlen(cwd) + 1,
			strlen(whole + strlen(cwd) + 1) + 1);
	n = add_articles(u, whole);
	if (n == 0)
		reader_say(u, 1, "%s: no article", whole);
	free(whole);
	if (n <= 0)
		return -1;
	reader_place_notes(u);
	u->xref_ready = 0;
	di = reader_find_file(u, file);
	if (di < 0)
		di = (long)first;
	reader_need_parsed(u, u->docs[di]);
	reader_say(u, 0, "opened %s", u->docs[di]->a->path);
	return di;
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
		reader_say(u, 1, "%s", e.text);
		free(path);
		return;
	}
	for (i = 0; i < np; i++) {
		long n = add_articles(u, paths[i]);

		if (n < 0)
			break; /* the reason stays on the status line */
		added += (size_t)n;
	}
	if (added > 0) {
		reader_place_notes(u);
		u->xref_ready = 0;
		u->lay.shown[u->lay.focus] = first;
		if (i == np && added == 1)
			reader_say(u, 0, "opened %s", path);
		else if (i == np)
			reader_say(u, 0, "opened %s (%zu articles; o picks)",
				   path, added);
	}
	library_paths_free(paths, np);
	free(path);
}

/* :theme NAME (the config's colours stay over it) */
static void theme_command(struct ui *u, const char *name)
{
	struct err e = {{0}};
	struct theme *t = theme_load(name, &e);

	if (t == NULL) {
		reader_say(u, 1, "%s", e.text);
		return;
	}
	config_apply_colors(&u->cfg, t);
	theme_free(u->theme);
	u->theme = t;
	theme_apply(t, u->use_color);
	reader_say(u, 0, "theme %s", t->name);
}

void reader_setting_changed(struct ui *u, enum setting k)
{
	size_t i;

	switch (k) {
	case SET_fold:
		for (i = 0; i < u->ndocs; i++)
			doc_set_fold(u->docs[i], (int)u->cfg.set.num[k]);
		break;
	case SET_sync:
		if (u->lay.sync != (int)u->cfg.set.num[k])
			nav_toggle_sync(u);
		break;
	case SET_archive:
		archive_close(u->archive);
		u->archive = NULL;
		u->archive_tried = 0;
		break;
	case SET_theme:
		if (u->cfg.set.str[k] && *u->cfg.set.str[k])
			theme_command(u, u->cfg.set.str[k]);
		break;
	default:
		break;
	}
}

/* :set (every setting), :set NAME=VALUE, :set NAME, :set noNAME,
 * :set NAME? (its value) */
static void set_command(struct ui *u, const char *arg)
{
	struct err e = {{0}};
	char one[256], all[512] = "";
	size_t col, n;
	int k;

	while (*arg == ' ')
		arg++;
	n = strlen(arg);
	if (n == 0) {
		for (k = 0; k < SET_COUNT; k++) {
			settings_show(&u->cfg.set, (enum setting)k, one,
				      sizeof one);
			snprintf(all + strlen(all), sizeof all - strlen(all),
				 "%s%s", k ? "  " : "", one);
		}
		reader_say(u, 0, "%s", all);
		return;
	}
	if (arg[n - 1] == '?' && (k = settings_find(arg, n - 1)) >= 0) {
		settings_show(&u->cfg.set, (enum setting)k, one, sizeof one);
		reader_say(u, 0, "%s", one);
		return;
	}
	if (settings_parse(&u->cfg.set, arg, &col, &e) != 0) {
		reader_say(u, 1, "%s", e.text);
		return;
	}
	n = strcspn(arg, " =");
	k = settings_find(arg, n);
	if (k < 0 && n > 2)
		k = settings_find(arg + 2, n - 2); /* noNAME */
	if (k >= 0) {
		reader_setting_changed(u, (enum setting)k);
		if (!u->msg[0] || !u->msg_error) {
			settings_show(&u->cfg.set, (enum setting)k, one,
				      sizeof one);
			reader_say(u, 0, "%s", one);
		}
	}
}

/* :N and :§N go to § N; 1 when cmd was one. */
static int section_command(struct ui *u, const char *cmd)
{
	const char *p = cmd;
	char *end;
	long n;

	if (strncmp(p, "§", strlen("§")) == 0)
		p += strlen("§");
	if (*p < '0' || *p > '9')
		return 0;
	n = strtol(p, &end, 10);
	if (*end != '\0')
		return 0;
	jump_section(u, n);
	return 1;
}

static void run_command(struct ui *u, const char *cmd)
{
	while (*cmd == ' ')
		cmd++;
	if (strcmp(cmd, "q") == 0 || strcmp(cmd, "quit") == 0)
		quit_request(u);
	else if (strcmp(cmd, "q!") == 0 || strcmp(cmd, "quit!") == 0)
		quit_anyway(u);
	else if (strncmp(cmd, "write! ", 7) == 0 || strncmp(cmd, "w! ", 3) == 0)
		write_command(u, strchr(cmd, ' '), 1);
	else if (strncmp(cmd, "write", 5) == 0 &&
		 (cmd[5] == ' ' || cmd[5] == '\0'))
		write_command(u, cmd + 5, 0);
	else if (strncmp(cmd, "w ", 2) == 0)
		write_command(u, cmd + 2, 0);
	else if (strncmp(cmd, "theme ", 6) == 0)
		theme_command(u, cmd + 6);
	else if (strncmp(cmd, "open ", 5) == 0)
		open_command(u, cmd + 5);
	else if (strcmp(cmd, "set") == 0 || strncmp(cmd, "set ", 4) == 0)
		set_command(u, cmd + 3);
	else if (section_command(u, cmd))
		;
	else if (*cmd)
		reader_say(u, 1, "unknown command: %s (try :N for §N, :set, "
				 ":theme NAME, :open FILE or DIR, :write FILE, "
				 ":write @ FILE, :q)", cmd);
}

void command_start(struct ui *u, char lead)
{
	if (lead == '&')
		u->msg[0] = '\0';
	prompt_start(&u->prompt, lead);
	history_browse_start(&u->hist, "");
	u->prompting = 1;
	if (lead == '/')
		nav_search_start(u);
}

static void command_done(struct ui *u, int rc)
{
	if (rc == PROMPT_ACCEPT)
		history_add(&u->hist, u->prompt.lead, u->prompt.buf);
	if (u->prompt.lead == '/') {
		if (rc == PROMPT_CANCEL) {
			nav_search_cancel(u);
			u->msg[0] = '\0';
		} else if (u->prompt.len == 0 && u->search.pattern) {
			nav_search_next(u, 1);
		}
	} else if (u->prompt.lead == '&') {
		if (rc == PROMPT_ACCEPT)
			nav_filter(u, u->prompt.buf);
	} else if (u->prompt.lead == 'S') {
		u->msg[0] = '\0';
		if (rc == PROMPT_ACCEPT && u->prompt.len > 0)
			overlay_search(&u->ov, u, u->prompt.buf, 0);
	} else if (rc == PROMPT_ACCEPT) {
		run_command(u, u->prompt.buf);
	}
	u->prompting = 0;
}

/* Tab at the : prompt: complete the command, a setting after "set ", a
 * theme after "theme ", a file after "open " or "write " -- as far as
 * the candidates agree, listing them when they part. */
static void complete(struct ui *u)
{
	static const char *const commands[] = {
		"open ", "quit", "set ", "theme ", "write ", NULL,
	};
	static const char *const themes[] = {"dark", "light", "mono", NULL};
	const char *buf = u->prompt.buf, *word;
	char cand[64][600], done[1024];
	size_t nc = 0, i, common, wlen;
	const char *const *list = NULL;
	DIR *dir = NULL;
	char dpath[1024] = ".", prefix[1024] = "";

	word = strrchr(buf, ' ');
	word = word ? word + 1 : buf;
	wlen = strlen(word);
	if (word == buf)
		list = commands;
	else if (strncmp(buf, "set ", 4) == 0 && word == buf + 4)
		list = NULL;
	else if (strncmp(buf, "theme ", 6) == 0)
		list = themes;
	if (word == buf || strncmp(buf, "theme ", 6) == 0) {
		for (i = 0; list[i] && nc < 64; i++)
			if (strncmp(list[i], word, wlen) == 0)
				snprintf(cand[nc++], sizeof cand[0], "%s", list[i]);
	} else if (strncmp(buf, "set ", 4) == 0) {
		int k;

		for (k = 0; k < SET_COUNT && nc < 64; k++)
			if (strncmp(settings_name((enum setting)k), word, wlen) == 0)
				snprintf(cand[nc++], sizeof cand[0], "%s",
					 settings_name((enum setting)k));
	} else if (strncmp(buf, "open ", 5) == 0 ||
		   strncmp(buf, "write ", 6) == 0 ||
		   strncmp(buf, "w ", 2) == 0) {
		const char *slash = strrchr(word, '/');
		struct dirent *de;

		if (slash) {
			snprintf(dpath, sizeof dpath, "%.*s",
				 (int)(slash - word + (slash == word)), word);
			snprintf(prefix, sizeof prefix, "%.*s",
				 (int)(slash - word + 1), word);
		}
		dir = opendir(dpath);
		while (dir && (de = readdir(dir)) != NULL && nc < 64) {
			const char *base = slash ? slash + 1 : word;
			char full[1300];
			struct stat st;

			if (de->d_name[0] == '.' && base[0] != '.')
				continue;
			if (strncmp(de->d_name, base, strlen(base)) != 0)
				continue;
			snprintf(full, sizeof full, "%s/%s", dpath, de->d_name);
			snprintf(cand[nc++], sizeof cand[0], "%.300s%.255s%s", prefix,
				 de->d_name,
				 stat(full, &st) == 0 && S_ISDIR(st.st_mode) ? "/"
									 : "");
		}
		if (dir)
			closedir(dir);
	}
	if (nc == 0) {
		reader_say(u, 1, "nothing to complete");
		return;
	}
	common = strlen(cand[0]);
	for (i = 1; i < nc; i++) {
		size_t k = 0;

		while (k < common && cand[i][k] == cand[0][k])
			k++;
		common = k;
	}
	snprintf(done, sizeof done, "%.*s%.*s", (int)(word - buf), buf,
		 (int)common, cand[0]);
	prompt_set(&u->prompt, done);
	if (nc > 1) {
		struct buf b = {0};

		for (i = 0; i < nc && b.len < 400; i++)
			buf_printf(&b, "%s%s", i ? "  " : "", cand[i]);
		reader_say(u, 0, "%s", b.data);
		free(b.data);
	} else {
		u->msg[0] = '\0';
	}
}

/* Up and Down at the prompt: the earlier lines that begin with what was
 * typed. */
static void browse(struct ui *u, int dir)
{
	const char *t;

	if (u->hist.at < 0 && dir < 0)
		history_browse_start(&u->hist, u->prompt.buf);
	t = history_step(&u->hist, u->prompt.lead, dir);
	if (t == NULL)
		return;
	prompt_set(&u->prompt, t);
	if (u->prompt.lead == '/')
		nav_search_edit(u, u->prompt.buf);
}

void command_key(struct ui *u, int key, int fn)
{
	int rc;

	if (fn && (key == KEY_UP || key == KEY_DOWN)) {
		browse(u, key == KEY_UP ? -1 : 1);
		return;
	}
	if (!fn && key == '\t' && u->prompt.lead == ':') {
		complete(u);
		return;
	}
	rc = prompt_key(&u->prompt, key, fn);
	if (rc == PROMPT_EDIT)
		u->hist.at = -1; /* the next Up starts from what is typed */

	if (rc == PROMPT_ACCEPT || rc == PROMPT_CANCEL)
		command_done(u, rc);
	else if (rc == PROMPT_EDIT && u->prompt.lead == '/')
		nav_search_edit(u, u->prompt.buf);
}
