/* config: the reader's config file, $XDG_CONFIG_HOME/brief/config, in
 * tig's manner -- one command a line:
 *   set NAME = VALUE         a setting of settings.def
 *   bind KEY ACTION          a key to an action of actions.def ("none"
 *                            unbinds it); KEY as ? writes it: x, C-x,
 *                            Up, PgDn, F1, Space, Tab, Enter, Esc
 *   color ROLE FG [BG [ATTR...]]   a theme role's colours and attributes
 * and blank lines and lines starting with '#'.  Read whole before the
 * reader starts; any error is "FILE:LINE:COL: what is wrong". */
#ifndef BRIEF_CONFIG_H
#define BRIEF_CONFIG_H

#include <stddef.h>

#include "brief/base/err.h"
#include "brief/ui/settings.h"
#include "brief/ui/theme.h"

struct config_bind {
	char key[16];
	int action;
};

struct config_color {
	int role;
	short fg, bg;
	unsigned attrs;
};

struct config {
	struct settings set;
	struct config_bind *binds;
	size_t nbinds;
	struct config_color *colors;
	size_t ncolors;
};

/* Defaults, then the file at path when it exists (a missing file is no
 * error).  -1 with e set; c then holds nothing to free. */
int config_load(struct config *c, const char *path, struct err *e);
void config_free(struct config *c);
/* The binds, after keymap_init. */
void config_apply_keys(const struct config *c);
/* The colours over a loaded theme. */
void config_apply_colors(const struct config *c, struct theme *t);

#endif
