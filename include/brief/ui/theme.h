/* theme: colour themes read from YAML, turned into curses attributes for
 * each display role.  The only module where roles meet curses colours. */
#ifndef BRIEF_THEME_H
#define BRIEF_THEME_H

#include "brief/base/util.h"

enum role {
	ROLE_TEXT,
	ROLE_ACTOR,
	ROLE_WEAPON,
	ROLE_FIGURE,
	ROLE_PLACE,        /* seas, straits, towns: where, not who */
	ROLE_SELECTED,     /* the selected mention */
	ROLE_RELATED,      /* other mentions of the selected entity */
	ROLE_SEARCH,       /* search matches */
	ROLE_NOTE,         /* note markers */
	ROLE_BOILERPLATE,
	ROLE_TITLE,
	ROLE_META,         /* date and source in pane headers */
	ROLE_STATUS,
	ROLE_DIVIDER,
	ROLE_GUTTER,
	ROLE_CONTROL,      /* control characters shown as ^X */
	ROLE_OVERLAY,
	ROLE_OVERLAY_SEL,
	ROLE_ERROR,
	ROLE_COUNT
};

/* A role's style as read from the theme file. */
struct style {
	short fg, bg;          /* -1 = terminal default, 0..255 */
	short fg8, bg8;        /* for 8-colour terminals */
	unsigned attrs;        /* THEME_BOLD | ... */
};

enum {
	THEME_BOLD = 1,
	THEME_UNDERLINE = 2,
	THEME_REVERSE = 4,
	THEME_DIM = 8,
	THEME_ITALIC = 16,
	THEME_STANDOUT = 32
};

struct theme {
	char *name;
	struct style role[ROLE_COUNT];
};

/* Load a theme by name (themes/NAME.yaml in the user's
 * $XDG_CONFIG_HOME/brief/themes, then the shipped themes) or by path.
 * NULL and e ("FILE:LINE:COL: message") on error. */
struct theme *theme_load(const char *name_or_path, struct err *e);
void theme_free(struct theme *t);

/* After initscr: set up colour pairs for the terminal's colours (none
 * when use_color is 0) and return nothing; theme_attr then gives the
 * curses attributes for a role. */
void theme_apply(const struct theme *t, int use_color);

/* Names as themes and the config's color lines write them: a colour
 * ("red", "bright-red", "default", 0-255), an attribute ("bold" ...,
 * "none"), a role ("actor" ...).  -1 when unknown. */
int theme_colour_named(const char *s, short *out);
int theme_attr_named(const char *s, unsigned *bit);
int theme_role_named(const char *s);
/* Give a role a style (its 8-colour form derived). */
void theme_set_role(struct theme *t, int role, short fg, short bg,
		    unsigned attrs);
unsigned long theme_attr(enum role r);

#endif
