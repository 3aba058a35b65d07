/* settings: the reader's settings (declared in settings.def), their
 * values, and setting one from text -- for the config file and :set.
 * No curses. */
#ifndef BRIEF_SETTINGS_H
#define BRIEF_SETTINGS_H

#include <stddef.h>

#include "brief/base/err.h"

enum setting {
#define SETTING(name, kind, def, help) SET_##name,
#include "brief/ui/settings.def"
#undef SETTING
	SET_COUNT
};

enum setting_kind { SETTING_BOOL, SETTING_NUM, SETTING_STR };

struct settings {
	long num[SET_COUNT];      /* BOOL (0/1) and NUM values */
	char *str[SET_COUNT];     /* STR values (fresh strings) */
	unsigned char given[SET_COUNT]; /* set by the config or :set */
};

/* The defaults. */
void settings_init(struct settings *s);
void settings_free(struct settings *s);

/* The setting called name, or -1. */
int settings_find(const char *name, size_t len);
const char *settings_name(enum setting k);
const char *settings_help(enum setting k);
enum setting_kind settings_kind(enum setting k);

/* Set from text: "NAME=VALUE", "NAME = VALUE", "NAME" (a BOOL on) or
 * "noNAME" (a BOOL off).  -1 with e set to what is wrong (no file
 * position: the caller adds it) and *col the 0-based column of the part
 * at fault. */
int settings_parse(struct settings *s, const char *text, size_t *col,
		   struct err *e);

/* "NAME=VALUE" for setting k, into out. */
void settings_show(const struct settings *s, enum setting k, char *out,
		   size_t n);

#endif
