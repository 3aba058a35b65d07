/* theme: YAML themes to curses attributes. */
#include "brief/ui/theme.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "brief/base/paths.h"
#include "brief/yaml/yamlio.h"

static const char *const role_names[ROLE_COUNT] = {
	"text", "actor", "weapon", "figure", "place", "selected", "related",
	"search", "note", "boilerplate", "title", "meta", "status",
	"divider", "gutter", "control", "overlay", "overlay_selected",
	"error",
};

static unsigned long attrs_of[ROLE_COUNT];


static const char *const colour_names[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
};

int theme_colour_named(const char *s, short *out)
{
	char *end;
	long v;
	int i;

	if (strcmp(s, "default") == 0 || strcmp(s, "none") == 0) {
		*out = -1;
		return 0;
	}
	for (i = 0; i < 8; i++) {
		if (strcmp(s, colour_names[i]) == 0) {
			*out = (short)i;
			return 0;
		}
		if (strncmp(s, "bright-", 7) == 0 &&
		    strcmp(s + 7, colour_names[i]) == 0) {
			*out = (short)(i + 8);
			return 0;
		}
	}
	v = strtol(s, &end, 10);
	if (*s && *end == '\0' && v >= 0 && v <= 255) {
		*out = (short)v;
		return 0;
	}
	return -1;
}

/* "red", "bright-red", "default", or 0..255. */
static int parse_colour(const char *name, const struct ynode *n, short *out,
			struct err *e)
{
	if (n->type != YNODE_SCALAR) {
		ynode_err(e, name, n, "a colour must be a name or a number");
		return -1;
	}
	if (theme_colour_named(n->str, out) == 0)
		return 0;
	ynode_err(e, name, n,
		  "unknown colour '%s' (use a name such as red, "
		  "bright-blue, default, or a number 0-255)",
		  n->str);
	return -1;
}

static const struct {
	const char *name;
	unsigned bit;
} attr_names[] = {
	{"bold", THEME_BOLD},       {"underline", THEME_UNDERLINE},
	{"reverse", THEME_REVERSE}, {"dim", THEME_DIM},
	{"italic", THEME_ITALIC},   {"standout", THEME_STANDOUT},
};

int theme_attr_named(const char *s, unsigned *bit)
{
	size_t k;

	for (k = 0; k < sizeof attr_names / sizeof attr_names[0]; k++)
		if (strcmp(s, attr_names[k].name) == 0) {
			*bit = attr_names[k].bit;
			return 0;
		}
	if (strcmp(s, "none") == 0 || strcmp(s, "normal") == 0) {
		*bit = 0;
		return 0;
	}
	return -1;
}

int theme_role_named(const char *s)
{
	int r;

	for (r = 0; r < ROLE_COUNT; r++)
		if (strcmp(s, role_names[r]) == 0)
			return r;
	return -1;
}

/* The 8-colour stand-in of a colour: itself, its dark form, or none. */
static short basic(short c)
{
	return c >= 0 && c < 8 ? c : c >= 8 && c < 16 ? (short)(c - 8) : -1;
}

void theme_set_role(struct theme *t, int role, short fg, short bg,
		    unsigned attrs)
{
	struct style *st = &t->role[role];

	st->fg = fg;
	st->bg = bg;
	st->fg8 = basic(fg);
	st->bg8 = basic(bg);
	st->attrs = attrs;
}

static int parse_attrs(const char *name, const struct ynode *n,
		       unsigned *out, struct err *e)
{
	size_t i;
	const struct ynode *const *items = (const struct ynode *const *)n->kids;
	size_t nitems = n->nkids;
	const struct ynode *one[1];

	*out = 0;
	if (n->type == YNODE_SCALAR) {
		if (n->len == 0 || strcmp(n->str, "none") == 0)
			return 0;
		one[0] = n;
		items = one;
		nitems = 1;
	} else if (n->type != YNODE_SEQ) {
		ynode_err(e, name, n, "attrs must be a list such as "
			  "[bold, underline]");
		return -1;
	}
	for (i = 0; i < nitems; i++) {
		unsigned bit;

		if (items[i]->type != YNODE_SCALAR ||
		    theme_attr_named(items[i]->str, &bit) != 0) {
			ynode_err(e, name, items[i],
				  "unknown attribute (use bold, underline, "
				  "reverse, dim, italic, standout)");
			return -1;
		}
		*out |= bit;
	}
	return 0;
}

static int parse_role(const char *name, const struct ynode *m,
		      struct style *st, struct err *e)
{
	static const char *const keys[] = {"fg", "bg", "fg8", "bg8", "attrs"};
	const struct ynode *v;
	size_t i, k;

	if (m->type != YNODE_MAP) {
		ynode_err(e, name, m, "a role must be a mapping with fg, bg "
			  "and attrs");
		return -1;
	}
	for (i = 0; i + 1 < m->nkids; i += 2) {
		for (k = 0; k < 5; k++)
			if (strcmp(m->kids[i]->str, keys[k]) == 0)
				break;
		if (k == 5) {
			ynode_err(e, name, m->kids[i],
				  "unknown key '%s' (use fg, bg, fg8, bg8, "
				  "attrs)",
				  m->kids[i]->str);
			return -1;
		}
	}
	st->fg = st->bg = st->fg8 = st->bg8 = -1;
	st->attrs = 0;
	if ((v = ynode_get(m, "fg")) && parse_colour(name, v, &st->fg, e))
		return -1;
	if ((v = ynode_get(m, "bg")) && parse_colour(name, v, &st->bg, e))
		return -1;
	st->fg8 = basic(st->fg);
	st->bg8 = basic(st->bg);
	if ((v = ynode_get(m, "fg8")) && parse_colour(name, v, &st->fg8, e))
		return -1;
	if ((v = ynode_get(m, "bg8")) && parse_colour(name, v, &st->bg8, e))
		return -1;
	if (st->fg8 > 7 || st->bg8 > 7) {
		ynode_err(e, name, m, "fg8 and bg8 must be one of the 8 basic "
			  "colours");
		return -1;
	}
	if ((v = ynode_get(m, "attrs")) && parse_attrs(name, v, &st->attrs, e))
		return -1;
	return 0;
}

static struct theme *parse_theme(const char *path, struct err *e)
{
	struct ynode *root;
	const struct ynode *roles, *nm;
	struct theme *t;
	size_t i;
	int ok, r;

	root = yamlio_parse_file(path, &ok, e);
	if (!ok)
		return NULL;
	if (root == NULL || root->type != YNODE_MAP) {
		ynode_err(e, path, root, "a theme must be a mapping with "
			  "'name' and 'roles'");
		ynode_free(root);
		return NULL;
	}
	roles = ynode_get(root, "roles");
	if (roles == NULL || roles->type != YNODE_MAP) {
		ynode_err(e, path, roles ? roles : root,
			  "a theme needs a 'roles' mapping");
		ynode_free(root);
		return NULL;
	}
	t = xcalloc(1, sizeof *t);
	nm = ynode_get(root, "name");
	t->name = xstrdup(nm && nm->type == YNODE_SCALAR ? nm->str : path);
	for (r = 0; r < ROLE_COUNT; r++) {
		t->role[r].fg = t->role[r].bg = -1;
		t->role[r].fg8 = t->role[r].bg8 = -1;
	}
	for (i = 0; i + 1 < roles->nkids; i += 2) {
		const struct ynode *k = roles->kids[i];

		for (r = 0; r < ROLE_COUNT; r++)
			if (k->type == YNODE_SCALAR &&
			    strcmp(k->str, role_names[r]) == 0)
				break;
		if (r == ROLE_COUNT) {
			ynode_err(e, path, k, "unknown role '%s'",
				  k->type == YNODE_SCALAR ? k->str : "?");
			goto fail;
		}
		if (parse_role(path, roles->kids[i + 1], &t->role[r], e) != 0)
			goto fail;
	}
	ynode_free(root);
	return t;
fail:
	ynode_free(root);
	theme_free(t);
	return NULL;
}

struct theme *theme_load(const char *name_or_path, struct err *e)
{
	char *path;
	struct theme *t;

	if (strchr(name_or_path, '/') || access(name_or_path, F_OK) == 0)
		return parse_theme(name_or_path, e);
	path = paths_theme_file(name_or_path);
	if (access(path, F_OK) != 0) {
		err_set(e, "%s: no such theme (looked for %s)", name_or_path,
			path);
		free(path);
		return NULL;
	}
	t = parse_theme(path, e);
	free(path);
	return t;
}

void theme_free(struct theme *t)
{
	if (t == NULL)
		return;
	free(t->name);
	free(t);
}

static unsigned long curses_attrs(unsigned a)
{
	unsigned long r = A_NORMAL;

	if (a & THEME_BOLD)
		r |= A_BOLD;
	if (a & THEME_UNDERLINE)
		r |= A_UNDERLINE;
	if (a & THEME_REVERSE)
		r |= A_REVERSE;
	if (a & THEME_DIM)
		r |= A_DIM;
#ifdef A_ITALIC
	if (a & THEME_ITALIC)
		r |= A_ITALIC;
#endif
	if (a & THEME_STANDOUT)
		r |= A_STANDOUT;
	return r;
}

void theme_apply(const struct theme *t, int use_color)
{
	int r, many;

	if (use_color) {
		start_color();
		use_default_colors();
	}
	many = use_color && COLORS >= 256;
	for (r = 0; r < ROLE_COUNT; r++) {
		const struct style *st = &t->role[r];
		short fg = many ? st->fg : st->fg8, bg = many ? st->bg : st->bg8;

		attrs_of[r] = curses_attrs(st->attrs);
		if (use_color && (fg >= 0 || bg >= 0) && r + 1 < COLOR_PAIRS) {
			init_pair((short)(r + 1), fg, bg);
			attrs_of[r] |= COLOR_PAIR(r + 1);
		}
	}
}

unsigned long theme_attr(enum role r)
{
	return r < ROLE_COUNT ? attrs_of[r] : A_NORMAL;
}
