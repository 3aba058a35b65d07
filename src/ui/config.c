/* config: reading the reader's config file (set, bind, color). */
#include "brief/ui/config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "brief/base/fileread.h"
#include "brief/base/util.h"
#include "brief/ui/keymap.h"

/* Longest line read (a config line is short). */
#define CONFIG_MAX_LINE 4096

struct cursor {
	const char *path;
	size_t line;
	const char *start;        /* the line */
	const char *p;
};

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/* "FILE:LINE:COL: message" at column col (0-based) of the line. */
static int fail_at(struct err *e, const struct cursor *c, size_t col,
		   const char *msg)
{
	err_set(e, "%s:%zu:%zu: %s", c->path, c->line, col + 1, msg);
	return -1;
}

/* The next word into out (NUL-terminated); its column in *col.  0 at the
 * end of the line. */
static size_t word(struct cursor *c, char *out, size_t n, size_t *col)
{
	size_t len = 0;

	while (is_space(*c->p))
		c->p++;
	*col = (size_t)(c->p - c->start);
	while (*c->p && *c->p != '\n' && !is_space(*c->p)) {
		if (len + 1 < n)
			out[len] = *c->p;
		len++;
		c->p++;
	}
	out[len < n ? len : n - 1] = '\0';
	return len;
}

static int do_set(struct config *cf, struct cursor *c, struct err *e)
{
	char text[CONFIG_MAX_LINE];
	size_t n = strcspn(c->p, "\n"), col;
	struct err why = {{0}};

	memcpy(text, c->p, n);
	text[n] = '\0';
	if (settings_parse(&cf->set, text, &col, &why) != 0)
		return fail_at(e, c, (size_t)(c->p - c->start) + col, why.text);
	return 0;
}

static int do_bind(struct config *cf, struct cursor *c, struct err *e)
{
	char key[64], act[64], extra[8], msg[256];
	size_t kc, ac, xc;
	int a;

	if (word(c, key, sizeof key, &kc) == 0)
		return fail_at(e, c, kc, "bind needs a key and an action: "
					 "bind KEY ACTION");
	if (strlen(key) >= sizeof cf->binds->key || !keymap_key_valid(key)) {
		snprintf(msg, sizeof msg, "unknown key '%s' (a character, C-x, "
			 "Up, Down, Left, Right, PgUp, PgDn, Home, End, F1-F12, "
			 "Space, Tab, Enter, Esc, Backspace, Delete)", key);
		return fail_at(e, c, kc, msg);
	}
	if (word(c, act, sizeof act, &ac) == 0)
		return fail_at(e, c, ac, "bind needs an action after the key "
					 "(? lists them; none unbinds)");
	a = keymap_action_named(act);
	if (a < 0) {
		snprintf(msg, sizeof msg, "unknown action '%s' (the names are "
			 "those of ?'s list, such as page-down, search-next, "
			 "quit; none unbinds)", act);
		return fail_at(e, c, ac, msg);
	}
	if (word(c, extra, sizeof extra, &xc) != 0)
		return fail_at(e, c, xc, "bind takes a key and an action only");
	cf->binds = xrealloc(cf->binds, (cf->nbinds + 1) * sizeof *cf->binds);
	memcpy(cf->binds[cf->nbinds].key, key, strlen(key) + 1);
	cf->binds[cf->nbinds++].action = a;
	return 0;
}

static int do_color(struct config *cf, struct cursor *c, struct err *e)
{
	char w[64], msg[256];
	size_t col;
	struct config_color cc = {0, -1, -1, 0};
	int r;

	if (word(c, w, sizeof w, &col) == 0)
		return fail_at(e, c, col, "color needs a role and colours: "
					  "color ROLE FG [BG [ATTR...]]");
	r = theme_role_named(w);
	if (r < 0) {
		snprintf(msg, sizeof msg, "unknown role '%s' (text, actor, "
			 "weapon, figure, selected, related, search, note, "
			 "boilerplate, title, meta, status, divider, gutter, "
			 "control, overlay, overlay_selected, error)", w);
		return fail_at(e, c, col, msg);
	}
	cc.role = r;
	if (word(c, w, sizeof w, &col) == 0)
		return fail_at(e, c, col, "color needs a foreground colour "
					  "after the role");
	if (theme_colour_named(w, &cc.fg) != 0)
		goto bad_colour;
	if (word(c, w, sizeof w, &col) != 0) {
		if (theme_colour_named(w, &cc.bg) != 0)
			goto bad_colour;
		while (word(c, w, sizeof w, &col) != 0) {
			unsigned bit;

			if (theme_attr_named(w, &bit) != 0) {
				snprintf(msg, sizeof msg, "unknown attribute "
					 "'%s' (bold, underline, reverse, dim, "
					 "italic, standout, none)", w);
				return fail_at(e, c, col, msg);
			}
			cc.attrs |= bit;
		}
	}
	cf->colors = xrealloc(cf->colors,
			      (cf->ncolors + 1) * sizeof *cf->colors);
	cf->colors[cf->ncolors++] = cc;
	return 0;
bad_colour:
	snprintf(msg, sizeof msg, "unknown colour '%s' (a name such as red or "
		 "bright-blue, default, or a number 0-255)", w);
	return fail_at(e, c, col, msg);
}

static int parse(struct config *cf, const char *path, const char *text,
		 size_t len, struct err *e)
{
	struct cursor c = {path, 0, text, text};
	const char *end = text + len;

	while (c.p < end) {
		char cmd[16];
		size_t col;
		const char *nl = memchr(c.p, '\n', (size_t)(end - c.p));
		int rc = 0;

		c.line++;
		c.start = c.p;
		if ((nl ? (size_t)(nl - c.p) : (size_t)(end - c.p)) >=
		    CONFIG_MAX_LINE)
			return fail_at(e, &c, 0, "line too long");
		while (is_space(*c.p))
			c.p++;
		if (*c.p != '\n' && *c.p != '#' && c.p < end) {
			word(&c, cmd, sizeof cmd, &col);
			if (strcmp(cmd, "set") == 0)
				rc = do_set(cf, &c, e);
			else if (strcmp(cmd, "bind") == 0)
				rc = do_bind(cf, &c, e);
			else if (strcmp(cmd, "color") == 0 ||
				 strcmp(cmd, "colour") == 0)
				rc = do_color(cf, &c, e);
			else
				rc = fail_at(e, &c, col, "unknown command (set, "
							 "bind or color)");
			if (rc != 0)
				return -1;
		}
		c.p = nl ? nl + 1 : end;
	}
	return 0;
}

void config_free(struct config *c)
{
	settings_free(&c->set);
	free(c->binds);
	free(c->colors);
	memset(c, 0, sizeof *c);
}

int config_load(struct config *c, const char *path, struct err *e)
{
	char *text;
	size_t len;
	struct err why = {{0}};
	struct stat st;

	memset(c, 0, sizeof *c);
	settings_init(&c->set);
	if (path == NULL)
		return 0;
	if (stat(path, &st) != 0 && errno == ENOENT)
		return 0; /* no config: the defaults */
	text = file_read(path, &len, &why);
	if (text == NULL) {
		err_set(e, "%s", why.text);
		config_free(c);
		return -1;
	}
	if (memchr(text, '\0', len) != NULL) {
		err_set(e, "%s: not a text file", path);
		free(text);
		config_free(c);
		return -1;
	}
	if (parse(c, path, text, len, e) != 0) {
		free(text);
		config_free(c);
		return -1;
	}
	free(text);
	return 0;
}

void config_apply_keys(const struct config *c)
{
	size_t i;

	for (i = 0; i < c->nbinds; i++)
		keymap_bind(c->binds[i].key, c->binds[i].action);
}

void config_apply_colors(const struct config *c, struct theme *t)
{
	size_t i;

	for (i = 0; i < c->ncolors; i++)
		theme_set_role(t, c->colors[i].role, c->colors[i].fg,
			       c->colors[i].bg, c->colors[i].attrs);
}
